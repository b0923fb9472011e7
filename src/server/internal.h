// Private to server/: what the route files share. The request helpers
// read a query the way a browser's form writes it; SendError answers in
// the request's kind (JSON under /api/, a page elsewhere).
#ifndef PARALLAX_SRC_SERVER_INTERNAL_H_
#define PARALLAX_SRC_SERVER_INTERNAL_H_

#include <httplib.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <ctime>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "parallax/outlets.h"
#include "parallax/report.h"
#include "parallax/status.h"
#include "parallax/store.h"

namespace parallax::serving {

// The store, as each worker thread sees it: one read-only connection,
// opened on the thread's first request and kept.
Result<Store*> ThreadStore(const std::string& path);

// A query parameter as a browser's form sends it: '+' is a space, %XX a
// byte. The first occurrence wins; absent: nothing.
std::optional<std::string> Param(const httplib::Request& request, std::string_view name);
std::string ParamOr(const httplib::Request& request, std::string_view name, std::string fallback = "");

// A whole number of at most 18 digits, else nothing.
std::optional<int64_t> ParseId(const std::string& text);
// Parameter `name` as a number no larger than `most`; `fallback` when absent or not a number.
size_t QueryNumber(const httplib::Request& request, const char* name, size_t fallback, size_t most);

std::string IsoTime(std::time_t t);

// The pages' common options: the style sheets and the site's navigation.
HtmlPageOptions PageOptions();

// Links to every export of `query` ("?day=2026-11-26", "?story=12", "").
std::vector<std::pair<std::string, std::string>> ExportLinks(const std::string& query);

// The most-heard voices of each story (from the digests of `parallax index`).
Status FillVoices(const Store& store, std::vector<StorySummary>& stories);

bool WantsJson(const httplib::Request& request);
void SendError(const httplib::Request& request, httplib::Response& response, int status, const std::string& message);
// Logs `status` on stderr (for the operator) and answers 500 with `message` (for the reader).
void SendInternalError(const httplib::Request& request, httplib::Response& response, const Status& status,
                       const std::string& message);

// The values most recently made, each with the signature of what it was made
// from: a lookup with another signature misses, so a value is made again
// when its input changed. Shared by the workers.
template <typename Value>
class SignedCache {
 public:
  explicit SignedCache(size_t capacity) : capacity_(std::max<size_t>(capacity, 1)) {}

  std::shared_ptr<const Value> Find(const std::string& key, const std::string& signature) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end() || it->second.signature != signature) return nullptr;
    order_.splice(order_.begin(), order_, it->second.position);
    return it->second.value;
  }

  void Put(const std::string& key, std::string signature, std::shared_ptr<const Value> value) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = entries_.find(key);
    if (it != entries_.end()) {
      order_.erase(it->second.position);
      entries_.erase(it);
    }
    order_.push_front(key);
    entries_.emplace(key, Entry{std::move(signature), std::move(value), order_.begin()});
    while (entries_.size() > capacity_) {
      entries_.erase(order_.back());
      order_.pop_back();
    }
  }

 private:
  struct Entry {
    std::string signature;
    std::shared_ptr<const Value> value;
    std::list<std::string>::iterator position;
  };
  const size_t capacity_;
  std::mutex mutex_;
  std::list<std::string> order_;  // most recent first
  std::unordered_map<std::string, Entry> entries_;
};

// A story's comparison as the web app shows it, its coverage left as
// kCoverageMarker (the outlets file is the server's).
Result<StoredComparison> MakeComparison(const Store& store, int64_t story);

// Whole answers of pages that depend on the store alone (lists, search,
// outlets), kept until the store changes: one read connection, shared under
// a lock, asks SQLite whether any other connection has committed since
// (Store::DataVersion, microseconds). A page that depends on the clock
// (?hours=) is never kept.
class PageCache {
 public:
  PageCache(std::string db, size_t capacity) : db_(std::move(db)), pages_(capacity) {}
  // Answers from the cache, or calls `render` and keeps its answer when it is a 200.
  void Serve(const httplib::Request& request, httplib::Response& response, const std::function<void()>& render);

 private:
  struct Page {
    std::string body;
    std::string content_type;
  };
  std::optional<int64_t> Version();

  const std::string db_;
  std::mutex mutex_;
  std::optional<Store> watcher_;
  bool watcher_failed_ = false;
  SignedCache<Page> pages_;
};

// What the outlet pages read: the store, the outlets file (null without
// one) and its group label shown ("" for none).
struct OutletPages {
  std::string db;
  const OutletsFile* outlets = nullptr;
  std::string group;
  SignedCache<std::vector<WeekProfile>>* weeks = nullptr;
};
// GET /outlets and /api/outlets: every outlet.
void ServeOutletList(const OutletPages& context, const httplib::Request& request, httplib::Response& response,
                     bool json);
// GET /outlets/NAME and /api/outlets/NAME (request.matches[1], decoded).
void ServeOutlet(const OutletPages& context, const httplib::Request& request, httplib::Response& response,
                 bool json);

// GET /export/KIND.FORMAT (request.matches[1], [2]), streamed.
void ServeExport(const std::string& db, const httplib::Request& request, httplib::Response& response);

}  // namespace parallax::serving

#endif  // PARALLAX_SRC_SERVER_INTERNAL_H_
