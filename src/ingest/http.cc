// HttpClient: a polite, careful fetcher on libcurl's multi interface.
//
// Everything runs on the calling thread: one loop schedules requests (the
// global and per-host limits, host delays, backoff, robots.txt first),
// lets libcurl move bytes, and handles each finished transfer (a redirect
// or a retry puts its request back in the queue; anything else ends it).
// libcurl is asked for one request per transfer and follows nothing by
// itself, so that every hop passes the same checks: scheme, robots.txt,
// and the address check in the open-socket hook.
#include "parallax/http.h"

#include <curl/curl.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/http_client.h"
#include "ingest/http_internal.h"

namespace parallax {

using ingest_internal::Clock;
using ingest_internal::kMaxRobotsBytes;
using ingest_internal::Target;

namespace {

// How often the loop looks at `stop` at the latest.
constexpr std::chrono::milliseconds kStopCheck{100};

std::string UrlPart(CURLU* url, CURLUPart part, unsigned flags = 0) {
  char* text = nullptr;
  if (curl_url_get(url, part, &text, flags) != CURLUE_OK || text == nullptr) return "";
  std::string out(text);
  curl_free(text);
  return out;
}

}  // namespace

namespace ingest_internal {

Result<Target> ResolveTarget(const std::string* base, const std::string& reference) {
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> url(curl_url(), &curl_url_cleanup);
  if (!url) return Status::IoError("out of memory");
  if (base != nullptr && curl_url_set(url.get(), CURLUPART_URL, base->c_str(), 0) != CURLUE_OK) {
    return Status::InvalidInput("not a valid address: " + *base);
  }
  const CURLUcode code = curl_url_set(url.get(), CURLUPART_URL, reference.c_str(),
                                      CURLU_NON_SUPPORT_SCHEME | CURLU_URLENCODE);
  if (code != CURLUE_OK) {
    return Status::InvalidInput("not a valid address: " + reference + " (" +
                                curl_url_strerror(code) + ")");
  }
  std::string scheme = UrlPart(url.get(), CURLUPART_SCHEME);
  std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (scheme != "http" && scheme != "https") {
    return Status::InvalidInput("refused " + reference +
                                ": only http and https addresses are fetched");
  }
  Target target;
  target.url = UrlPart(url.get(), CURLUPART_URL);
  std::string host = UrlPart(url.get(), CURLUPART_HOST);
  std::transform(host.begin(), host.end(), host.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (host.empty()) return Status::InvalidInput("no host in " + reference);
  target.host_key =
      scheme + "://" + host + ":" + UrlPart(url.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
  target.path_and_query = UrlPart(url.get(), CURLUPART_PATH);
  if (target.path_and_query.empty()) target.path_and_query = "/";
  const std::string query = UrlPart(url.get(), CURLUPART_QUERY);
  if (!query.empty()) target.path_and_query += "?" + query;
  return target;
}

}  // namespace ingest_internal

size_t HttpClient::Impl::OnBody(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const size_t bytes = size * count;
  transfer->last_activity = Clock::now();
  transfer->received = true;
  // The bytes arrive decoded, at most CURL_MAX_WRITE_SIZE at a time: a
  // small compressed body that inflates without end stops here, with at
  // most max_body bytes held.
  if (transfer->body.size() + bytes > transfer->max_body) {
    if (transfer->truncate) {
      transfer->body.append(data, transfer->max_body - transfer->body.size());
      transfer->truncated = true;
    } else {
      transfer->too_large = true;
    }
    return 0;  // libcurl ends the transfer with CURLE_WRITE_ERROR
  }
  transfer->body.append(data, bytes);
  return bytes;
}

size_t HttpClient::Impl::OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const size_t bytes = size * count;
  transfer->last_activity = Clock::now();
  transfer->received = true;
  std::string_view line(data, bytes);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (line.substr(0, 5) == "HTTP/") {
    // A new response head (after a 1xx, the final one): start over.
    transfer->status_line = std::string(line);
    transfer->response_headers.clear();
    const size_t space = line.find(' ');
    transfer->status = 0;
    if (space != std::string_view::npos) {
      for (size_t i = space + 1; i < line.size() && i < space + 4; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(line[i]))) break;
        transfer->status = transfer->status * 10 + (line[i] - '0');
      }
    }
  } else if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
    if (!transfer->response_headers.empty()) {  // an obsolete folded line
      transfer->response_headers.back().second += ' ';
      transfer->response_headers.back().second += line.substr(line.find_first_not_of(" \t"));
    }
  } else if (const size_t colon = line.find(':'); colon != std::string_view::npos) {
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
      value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    transfer->response_headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
  }
  return bytes;
}

int HttpClient::Impl::OnDebug(CURL*, curl_infotype type, char* data, size_t size, void* user) {
  if (type != CURLINFO_HEADER_OUT) return 0;
  auto* transfer = static_cast<Transfer*>(user);
  // A request head may come in pieces; a complete one is replaced by the
  // next (only the last request of a transfer is the one answered).
  if (transfer->request_head.size() >= 4 &&
      transfer->request_head.compare(transfer->request_head.size() - 4, 4, "\r\n\r\n") == 0) {
    transfer->request_head.clear();
  }
  transfer->request_head.append(data, size);
  return 0;
}

curl_socket_t HttpClient::Impl::OnOpenSocket(void* user, curlsocktype, curl_sockaddr* address) {
  auto* transfer = static_cast<Transfer*>(user);
  if (!transfer->impl->options.allow_private) {
    if (const char* kind = ingest_internal::NonPublicAddressKind(&address->addr)) {
      transfer->refusal = ingest_internal::NumericAddress(&address->addr) + " is " +
                          kind + " (use --allow-private to allow)";
      return CURL_SOCKET_BAD;
    }
  }
  return socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
}

void HttpClient::Impl::Finish(std::unique_ptr<Job> job, Status error) {
  if (!job->robots_of.empty()) return FinishRobots(std::move(job), nullptr, std::move(error));
  job->result.error = std::move(error);
  if (!job->result.error.ok()) {
    job->result.status = 0;
    job->result.body.clear();
  }
  (*done)(std::move(job->result));
}

// A host's robots.txt has been read, or could not be: 2xx gives its rules;
// 4xx means there are none; anything else (5xx, no answer) keeps us away
// from the host for the client's life, since we cannot know what it allows.
void HttpClient::Impl::FinishRobots(std::unique_ptr<Job> job, const Transfer* transfer,
                                    Status error) {
  Host& host = HostFor(job->robots_of);
  host.robots = Host::Robots::kFailed;
  if (!error.ok()) {
    host.robots_refused = error.code() == Status::Code::kRefused;
    host.robots_error =
        host.robots_refused
            ? error
            : Status::IoError("robots.txt of " + job->robots_of + " could not be read (" +
                              error.message() + "): nothing is fetched from this host");
    return;
  }
  const int status = transfer->status;
  if (status >= 200 && status < 300) {
    host.rules = ParseRobots(transfer->body, options.user_agent);
    host.robots = Host::Robots::kReady;
  } else if (status >= 300 && status < 500 && status != 429) {
    host.rules = RobotsRules{};
    host.robots = Host::Robots::kReady;
  } else {
    host.robots_error =
        Status::IoError("robots.txt of " + job->robots_of + " answered HTTP " +
                        std::to_string(status) + ": nothing is fetched from this host");
  }
  if (host.robots == Host::Robots::kReady) {
    host.delay =
        std::max(options.host_delay, std::min(host.rules.crawl_delay, options.max_crawl_delay));
  }
}

void HttpClient::Impl::Enqueue(std::unique_ptr<Job> job, bool first) {
  Host& host = HostFor(job->target.host_key);
  if (!host.listed) {
    host.listed = true;
    queued.push_back(&host);
  }
  if (first) {
    host.queue.push_front(std::move(job));
  } else {
    host.queue.push_back(std::move(job));
  }
}

void HttpClient::Impl::Requeue(std::unique_ptr<Job> job) {
  if (job->not_before > Clock::now()) {
    delayed.push_back(std::move(job));
  } else {
    // A hop or retry goes first: its request was started before the others.
    Enqueue(std::move(job), /*first=*/true);
  }
}

bool HttpClient::Impl::Idle() const { return running.empty() && delayed.empty() && queued.empty(); }

// Starts every waiting job that may start now; `wake` learns when the next
// one held back by a delay may. Work is per host, so ten thousand pages of
// one site cost a look at the head of one queue, not at every page.
void HttpClient::Impl::Schedule(Clock::time_point now, Clock::time_point& wake) {
  for (size_t i = 0; i < delayed.size();) {
    if (delayed[i]->not_before <= now) {
      std::unique_ptr<Job> job = std::move(delayed[i]);
      delayed.erase(delayed.begin() + static_cast<ptrdiff_t>(i));
      Enqueue(std::move(job), /*first=*/true);
    } else {
      wake = std::min(wake, delayed[i]->not_before);
      ++i;
    }
  }
  // Drain may finish jobs, whose callbacks run here; hosts listed meanwhile
  // are looked at on the next turn.
  const size_t count = queued.size();
  for (size_t i = 0; i < count; ++i) {
    if (!Drain(*queued[i], now, wake)) break;
  }
  std::erase_if(queued, [](Host* host) {
    if (!host->queue.empty()) return false;
    host->listed = false;
    return true;
  });
}

bool HttpClient::Impl::Drain(Host& host, Clock::time_point now, Clock::time_point& wake) {
  while (!host.queue.empty()) {
    std::unique_ptr<Job>& job = host.queue.front();
    if (options.obey_robots && job->robots_of.empty()) {
      if (host.robots == Host::Robots::kUnknown) {
        host.robots = Host::Robots::kFetching;
        auto robots = std::make_unique<Job>();
        robots->robots_of = job->target.host_key;
        robots->request.url = job->target.host_key + "/robots.txt";
        robots->target = {robots->request.url, job->target.host_key, "/robots.txt"};
        host.queue.push_front(std::move(robots));
        continue;
      }
      if (host.robots == Host::Robots::kFetching) return true;
      Status refusal;
      if (host.robots == Host::Robots::kFailed) {
        const bool refused = host.robots_refused;
        Count([&](HttpStats& s) { ++(refused ? s.refused : s.disallowed); });
        refusal = host.robots_error;
      } else if (!host.rules.Allows(job->target.path_and_query)) {
        Count([](HttpStats& s) { ++s.disallowed; });
        refusal = Status::Refused("disallowed by robots.txt: " + job->target.url);
      }
      if (!refusal.ok()) {
        std::unique_ptr<Job> finished = std::move(job);
        host.queue.pop_front();
        Finish(std::move(finished), std::move(refusal));
        continue;
      }
    }
    if (running.size() >= options.max_connections) return false;
    if (host.active >= std::max(1u, options.per_host)) return true;
    Clock::time_point allowed = host.blocked_until;
    if (host.last_start) allowed = std::max(allowed, *host.last_start + host.delay);
    if (allowed > now) {
      wake = std::min(wake, allowed);
      return true;
    }
    std::unique_ptr<Job> next = std::move(job);
    host.queue.pop_front();
    if (!Start(next, host)) {
      Finish(std::move(next), Status::IoError("could not start a transfer (libcurl)"));
    }
  }
  return true;
}

bool HttpClient::Impl::Start(std::unique_ptr<Job>& job, Host& host) {
  auto transfer = std::make_unique<Transfer>();
  Transfer* t = transfer.get();
  t->impl = this;
  t->host = &host;
  t->easy = curl_easy_init();
  if (t->easy == nullptr) return false;
  const bool robots = !job->robots_of.empty();
  t->truncate = robots;
  t->max_body = robots ? kMaxRobotsBytes : options.max_body;

  CURL* e = t->easy;
  curl_easy_setopt(e, CURLOPT_URL, job->target.url.c_str());
  curl_easy_setopt(e, CURLOPT_PRIVATE, t);
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
  // An environment proxy would connect for us, and the address check
  // would only ever see the proxy.
  curl_easy_setopt(e, CURLOPT_PROXY, "");
  curl_easy_setopt(e, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
  curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl can undo
  curl_easy_setopt(e, CURLOPT_USERAGENT, options.user_agent.c_str());
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(options.connect_timeout.count()));
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(options.total_timeout.count()));
  const long stall_seconds =
      std::max<long>(1, static_cast<long>((options.stall_timeout.count() + 999) / 1000));
  curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, stall_seconds);
  if (!robots) {
    // Refused before the first byte when Content-Length is known; the write
    // callback holds the line for the decoded bytes either way.
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_body));
  }
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Impl::OnBody);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &Impl::OnHeader);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, t);
  curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, &Impl::OnOpenSocket);
  curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, t);
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->error);
  if (record) {
    curl_easy_setopt(e, CURLOPT_DEBUGFUNCTION, &Impl::OnDebug);
    curl_easy_setopt(e, CURLOPT_DEBUGDATA, t);
    curl_easy_setopt(e, CURLOPT_VERBOSE, 1L);
  }
  if (!robots) {
    if (!job->request.etag.empty()) {
      t->headers = curl_slist_append(t->headers, ("If-None-Match: " + job->request.etag).c_str());
    }
    if (!job->request.last_modified.empty()) {
      t->headers = curl_slist_append(t->headers,
                                     ("If-Modified-Since: " + job->request.last_modified).c_str());
    }
    if (t->headers != nullptr) curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);
  }
  if (curl_multi_add_handle(multi, e) != CURLM_OK) {
    curl_slist_free_all(t->headers);
    curl_easy_cleanup(e);
    return false;
  }
  ++host.active;
  host.last_start = t->last_activity = Clock::now();
  ++job->result.attempts;
  Count([](HttpStats& s) { ++s.requests; });
  t->job = job.release();
  running.push_back(std::move(transfer));
  return true;
}

// libcurl's own stall check (LOW_SPEED_*) averages over its last five
// seconds, so a burst at the start hides a stall that long; a transfer is
// ended here once nothing at all has arrived for stall_timeout (plus the
// connect timeout before the first byte, which has its own limit).
bool HttpClient::Impl::EndStalled(Clock::time_point now) {
  std::vector<Transfer*> stalled;
  for (const std::unique_ptr<Transfer>& transfer : running) {
    const auto limit = transfer->received ? options.stall_timeout
                                          : options.stall_timeout + options.connect_timeout;
    if (now - transfer->last_activity > limit) stalled.push_back(transfer.get());
  }
  for (Transfer* transfer : stalled) {
    transfer->stalled = true;
    Complete(transfer, CURLE_OPERATION_TIMEDOUT);
  }
  return !stalled.empty();
}

void HttpClient::Impl::AbortAll() {
  for (std::unique_ptr<Transfer>& transfer : running) {
    curl_multi_remove_handle(multi, transfer->easy);
    curl_easy_cleanup(transfer->easy);
    curl_slist_free_all(transfer->headers);
    --transfer->host->active;
    std::unique_ptr<Job> job(transfer->job);
    // An unread robots.txt is asked again by the next Fetch.
    if (!job->robots_of.empty()) {
      HostFor(job->robots_of).robots = Host::Robots::kUnknown;
    } else {
      Finish(std::move(job), Status::IoError("stopped"));
    }
  }
  running.clear();
  std::vector<std::unique_ptr<Job>> left = std::move(delayed);
  delayed.clear();
  for (Host* host : queued) {
    for (std::unique_ptr<Job>& job : host->queue) left.push_back(std::move(job));
    host->queue.clear();
    host->listed = false;
  }
  queued.clear();
  for (std::unique_ptr<Job>& job : left) {
    if (!job->robots_of.empty()) {
      HostFor(job->robots_of).robots = Host::Robots::kUnknown;
    } else {
      Finish(std::move(job), Status::IoError("stopped"));
    }
  }
}

HttpClient::HttpClient(HttpOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  static std::once_flag global_init;
  std::call_once(global_init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  impl_->multi = curl_multi_init();
}

HttpClient::~HttpClient() {
  if (impl_->multi != nullptr) curl_multi_cleanup(impl_->multi);
}

void HttpClient::RecordExchanges(std::function<void(const HttpExchange&)> record) {
  impl_->record = std::move(record);
}

HttpStats HttpClient::stats() const {
  std::lock_guard<std::mutex> lock(impl_->stats_mutex);
  return impl_->stats;
}

void HttpClient::Fetch(std::vector<HttpRequest> requests,
                       const std::function<void(HttpResult&&)>& done,
                       const std::atomic<bool>* stop) {
  Impl& impl = *impl_;
  impl.done = &done;
  for (HttpRequest& request : requests) {
    auto job = std::make_unique<Impl::Job>();
    job->result.tag = request.tag;
    job->result.url = request.url;
    job->result.final_url = request.url;
    job->request = std::move(request);
    Result<Target> target = ingest_internal::ResolveTarget(nullptr, job->request.url);
    if (!target.ok()) {
      impl.Finish(std::move(job), target.status());
      continue;
    }
    job->target = std::move(*target);
    impl.Enqueue(std::move(job), /*first=*/false);
  }
  if (impl.multi == nullptr) {
    impl.AbortAll();  // every job ends, with "stopped"
    return;
  }
  while (true) {
    if (stop != nullptr && stop->load(std::memory_order_relaxed)) {
      impl.AbortAll();
      break;
    }
    const Clock::time_point now = Clock::now();
    Clock::time_point wake = now + kStopCheck;
    impl.Schedule(now, wake);
    if (impl.Idle()) break;
    int still_running = 0;
    curl_multi_perform(impl.multi, &still_running);
    bool completed = false;
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(impl.multi, &left)) {
      if (message->msg != CURLMSG_DONE) continue;
      Impl::Transfer* transfer = nullptr;
      curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &transfer);
      impl.Complete(transfer, message->data.result);
      completed = true;
    }
    if (impl.EndStalled(Clock::now())) completed = true;
    if (completed) continue;  // schedule what the finished transfers freed
    const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(wake - Clock::now());
    const int timeout = static_cast<int>(std::clamp<int64_t>(wait.count(), 0, kStopCheck.count()));
    curl_multi_poll(impl.multi, nullptr, 0, timeout, nullptr);
  }
  impl.done = nullptr;
}

}  // namespace parallax
