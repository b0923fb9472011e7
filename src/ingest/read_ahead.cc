// ReadAhead: a source read on a thread of its own, a bounded queue ahead of
// its caller.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>

#include "parallax/source.h"

namespace parallax {

namespace {

class ReadAheadSource : public DocumentSource {
 public:
  ReadAheadSource(std::unique_ptr<DocumentSource> source, size_t max_items, size_t max_bytes)
      : source_(std::move(source)), max_items_(max_items < 1 ? 1 : max_items), max_bytes_(max_bytes) {
    reader_ = std::thread([this] { Run(); });
  }
  ~ReadAheadSource() override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    room_.notify_all();
    reader_.join();
  }

  bool Next(SourceItem& item) override {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [this] { return !queue_.empty() || done_; });
    if (queue_.empty()) return false;
    item = std::move(queue_.front());
    queue_.pop_front();
    bytes_ -= item.document.bytes.size();
    lock.unlock();
    room_.notify_one();
    return true;
  }

 private:
  void Run() {
    while (true) {
      {
        std::unique_lock<std::mutex> lock(mutex_);
        room_.wait(lock, [this] { return stop_ || (queue_.size() < max_items_ && bytes_ < max_bytes_); });
        if (stop_) break;
      }
      SourceItem item;
      const bool more = source_->Next(item);  // the slow part, unlocked
      {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!more) break;
        bytes_ += item.document.bytes.size();
        queue_.push_back(std::move(item));
      }
      ready_.notify_one();
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    ready_.notify_all();
  }

  std::unique_ptr<DocumentSource> source_;
  const size_t max_items_, max_bytes_;
  std::mutex mutex_;
  std::condition_variable ready_;  // an item or the end, for Next
  std::condition_variable room_;   // room in the queue, or stop, for Run
  std::deque<SourceItem> queue_;
  size_t bytes_ = 0;  // document bytes in queue_
  bool done_ = false, stop_ = false;
  std::thread reader_;  // last: started once everything else is set up
};

}  // namespace

std::unique_ptr<DocumentSource> ReadAhead(std::unique_ptr<DocumentSource> source, size_t max_items,
                                          size_t max_bytes) {
  return std::make_unique<ReadAheadSource>(std::move(source), max_items, max_bytes);
}

}  // namespace parallax
