// Fetched page -> stored page (+ article), on worker threads.
#include "follow/pages.h"

#include <string>
#include <utility>

#include "parallax/article.h"
#include "parallax/extract.h"

namespace parallax::follow_internal {

namespace {

std::string LowerAscii(std::string text) {
  for (char& c : text) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return text;
}

// HTML by its content type, or, when the server says nothing useful, by
// its first bytes.
bool LooksLikeHtml(const HttpResult& result) {
  const std::string type = LowerAscii(result.content_type);
  if (type.find("html") != std::string::npos) return true;
  if (!type.empty() && type.find("octet-stream") == std::string::npos && type.find("text/plain") == std::string::npos) {
    return false;
  }
  const std::string head = LowerAscii(result.body.substr(0, 1024));
  return head.find("<html") != std::string::npos || head.find("<!doctype html") != std::string::npos;
}

}  // namespace

bool WorthKeeping(const HttpResult& result) {
  if (!result.error.ok() || result.status == 0) return false;
  return result.status != 429 && result.status < 500;
}

FetchedPage MakeFetchedPage(const PageLead& lead, HttpResult&& result) {
  FetchedPage page;
  page.url = lead.url;
  page.final_url = result.final_url.empty() ? result.url : result.final_url;
  page.outlet = lead.outlet_name;
  page.found_in = lead.found_in;
  page.fetched_at = result.fetched_at;
  page.http_status = result.status;
  page.content_type = result.content_type;
  if (result.status != 200) {
    page.error = "HTTP " + std::to_string(result.status);
    return page;
  }
  if (!LooksLikeHtml(result)) {
    page.error = "not an HTML page (" + (result.content_type.empty() ? std::string("no content type")
                                                                       : "content type " + result.content_type) +
                 ")";
    return page;
  }
  page.packed_page = Store::PackPage(result.body);
  RawDocument raw;
  raw.source = page.final_url;
  raw.name = lead.url;
  raw.url = page.final_url;
  raw.media_type = MediaType::kHtml;
  raw.content_type = result.content_type;
  raw.http_charset = result.charset;
  raw.fetched_at = result.fetched_at;
  raw.http_status = result.status;
  raw.outlet_hint = lead.outlet_name;
  raw.bytes = std::move(result.body);
  Result<Article> article = ExtractArticle(std::move(raw));
  if (!article.ok()) {
    page.error = article.status().message();
    return page;
  }
  article->id = lead.url;
  article->outlet = lead.outlet_name;
  if (article->url.empty()) article->url = page.final_url;
  if (article->title.empty()) article->title = lead.title;
  if (article->published.empty() && !lead.published.empty()) {
    article->published = lead.published;
    article->published_source = "feed";
  }
  page.article = std::move(*article);
  return page;
}

PageWorkers::PageWorkers(unsigned threads, size_t limit) : limit_(limit == 0 ? 1 : limit) {
  if (threads == 0) threads = 1;
  for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { Work(); });
}

PageWorkers::~PageWorkers() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    closing_ = true;
  }
  has_job_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void PageWorkers::Push(const PageLead* lead, HttpResult&& result) {
  std::unique_lock<std::mutex> lock(mu_);
  has_room_.wait(lock, [&] { return jobs_.size() < limit_; });
  jobs_.push_back({lead, std::move(result)});
  has_job_.notify_one();
}

std::vector<FetchedPage> PageWorkers::Take() {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<FetchedPage> out;
  out.swap(done_);
  return out;
}

std::vector<FetchedPage> PageWorkers::Finish() {
  std::unique_lock<std::mutex> lock(mu_);
  idle_.wait(lock, [&] { return jobs_.empty() && busy_ == 0; });
  std::vector<FetchedPage> out;
  out.swap(done_);
  return out;
}

void PageWorkers::Work() {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    has_job_.wait(lock, [&] { return closing_ || !jobs_.empty(); });
    if (jobs_.empty()) return;  // closing, nothing left
    Job job = std::move(jobs_.front());
    jobs_.pop_front();
    ++busy_;
    has_room_.notify_one();
    lock.unlock();
    FetchedPage page = MakeFetchedPage(*job.lead, std::move(job.result));
    lock.lock();
    done_.push_back(std::move(page));
    --busy_;
    if (jobs_.empty() && busy_ == 0) idle_.notify_all();
  }
}

}  // namespace parallax::follow_internal
