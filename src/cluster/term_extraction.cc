#include "parallax/term_extraction.h"

#include <string>
#include <system_error>
#include <utility>

namespace parallax {

namespace {

// Articles per chunk: enough that taking one costs nothing next to its
// work, few enough that the chunk read last leaves little to wait for.
constexpr size_t kChunkSize = 128;

// Extracts the chunk's terms, then lets go of the titles and texts: nothing
// after extraction reads them, and a day of full texts held to the end of
// the run is gigabytes.
void Extract(std::vector<ClusterDocument>& docs, std::vector<ArticleTerms>& terms) {
  terms.resize(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    terms[i] = ExtractTerms(docs[i].title, docs[i].text);
    std::string().swap(docs[i].title);
    std::string().swap(docs[i].text);
  }
}

}  // namespace

TermExtraction::TermExtraction(unsigned jobs) {
  for (unsigned t = 1; t < jobs; ++t) {
    try {
      workers_.emplace_back([this] { Work(); });
    } catch (const std::system_error&) {
      break;  // the system allows fewer threads (ulimit -u): fewer workers
    }
  }
}

TermExtraction::~TermExtraction() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    reading_done_ = true;
  }
  ready_.notify_all();
  for (std::thread& worker : workers_) {
    if (worker.joinable()) worker.join();
  }
}

void TermExtraction::Add(ClusterDocument doc) {
  if (chunks_.empty() || chunks_.back().docs.size() == kChunkSize) {
    if (!chunks_.empty() && !workers_.empty()) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        published_ = chunks_.size();
      }
      ready_.notify_one();
    }
    // Only this thread touches the deque itself; workers reach a published
    // chunk through pending_, and a deque never moves its elements.
    chunks_.emplace_back();
    chunks_.back().docs.reserve(kChunkSize);
    std::lock_guard<std::mutex> lock(mutex_);
    pending_.push_back(&chunks_.back());
  }
  chunks_.back().docs.push_back(std::move(doc));
  ++size_;
}

bool TermExtraction::TakeAndExtract(std::unique_lock<std::mutex>& lock) {
  bool took = false;
  while (taken_ < published_) {
    Chunk& chunk = *pending_[taken_++];
    took = true;
    lock.unlock();
    Extract(chunk.docs, chunk.terms);
    lock.lock();
  }
  return took;
}

void TermExtraction::Work() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    ready_.wait(lock, [&] { return taken_ < published_ || reading_done_; });
    if (!TakeAndExtract(lock) && reading_done_) return;
  }
}

void TermExtraction::Finish(std::vector<ClusterDocument>& docs, std::vector<ArticleTerms>& terms) {
  {
    std::unique_lock<std::mutex> lock(mutex_);
    published_ = chunks_.size();
    reading_done_ = true;
    ready_.notify_all();
    TakeAndExtract(lock);
  }
  for (std::thread& worker : workers_) worker.join();
  workers_.clear();
  docs.clear();
  terms.clear();
  docs.reserve(size_);
  terms.reserve(size_);
  for (Chunk& chunk : chunks_) {
    for (ClusterDocument& doc : chunk.docs) docs.push_back(std::move(doc));
    for (ArticleTerms& t : chunk.terms) terms.push_back(std::move(t));
  }
  chunks_.clear();
  pending_.clear();
  size_ = 0;
}

}  // namespace parallax
