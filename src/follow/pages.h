// Internal to follow: turning fetched pages into stored pages and articles
// on worker threads while the fetcher goes on.
#ifndef PARALLAX_FOLLOW_PAGES_H_
#define PARALLAX_FOLLOW_PAGES_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "parallax/http.h"
#include "parallax/store.h"

namespace parallax::follow_internal {

// A page to fetch: where it was found and what the listing said of it.
struct PageLead {
  std::string url;        // normalised: the key it is stored under
  size_t outlet = 0;      // index into the outlets file
  std::string outlet_name;
  std::string found_in;   // the feed or sitemap
  std::string title;      // the listing's, used when the page has none
  std::string published;  // the listing's, used when the page has none
};

// The stored form of one fetched page: the article extracted from an HTML
// 200, or the reason there is none.
FetchedPage MakeFetchedPage(const PageLead& lead, HttpResult&& result);

// Whether a result should be stored at all: a page that got no answer, or
// an answer that says "later" (429, 5xx), is fetched again next pass.
bool WorthKeeping(const HttpResult& result);

// MakeFetchedPage on `threads` threads. Push blocks while `limit` pages wait,
// so a slow extractor holds the fetcher back instead of filling memory.
class PageWorkers {
 public:
  PageWorkers(unsigned threads, size_t limit);
  ~PageWorkers();
  PageWorkers(const PageWorkers&) = delete;
  PageWorkers& operator=(const PageWorkers&) = delete;

  void Push(const PageLead* lead, HttpResult&& result);
  // The pages made so far (in no particular order); empty when none.
  std::vector<FetchedPage> Take();
  // Waits for every pushed page, then returns them.
  std::vector<FetchedPage> Finish();

 private:
  struct Job {
    const PageLead* lead;
    HttpResult result;
  };
  void Work();

  std::mutex mu_;
  std::condition_variable has_job_, has_room_, idle_;
  std::deque<Job> jobs_;
  std::vector<FetchedPage> done_;
  size_t limit_;
  size_t busy_ = 0;
  bool closing_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace parallax::follow_internal

#endif  // PARALLAX_FOLLOW_PAGES_H_
