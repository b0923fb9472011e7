// Internal to ingest: HttpClient's state, shared by http.cc (scheduling
// and transfers) and http_complete.cc (what a finished transfer means).
#ifndef PARALLAX_INGEST_HTTP_CLIENT_H_
#define PARALLAX_INGEST_HTTP_CLIENT_H_

#include <curl/curl.h>

#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "parallax/http.h"
#include "parallax/status.h"
#include "parallax/warc.h"

namespace parallax {
namespace ingest_internal {

using Clock = std::chrono::steady_clock;

// Google reads the first 500 KiB of a robots.txt; so do we.
constexpr size_t kMaxRobotsBytes = size_t{512} << 10;

// An absolute http(s) URL and the parts the client needs.
struct Target {
  std::string url;       // as libcurl normalised it
  std::string host_key;  // "https://courier.example:443": robots.txt and politeness go by this
  std::string path_and_query;
};

// `reference` (absolute, or relative to `base` when one is given) as a
// Target; an error for a URL that is not http or https or is malformed.
Result<Target> ResolveTarget(const std::string* base, const std::string& reference);

}  // namespace ingest_internal

struct HttpClient::Impl {
  using Clock = ingest_internal::Clock;

  // One request of Fetch's list, or the robots.txt of a host, through its
  // redirects and retries.
  struct Job {
    HttpRequest request;
    HttpResult result;
    ingest_internal::Target target;  // the current hop
    std::string robots_of;           // for a robots.txt job: the host key it is for
    int redirects = 0;
    int retries = 0;
    Clock::time_point not_before{};
  };

  struct Host {
    enum class Robots { kUnknown, kFetching, kReady, kFailed };
    Robots robots = Robots::kUnknown;
    RobotsRules rules;
    Status robots_error;  // kFailed: why nothing is fetched from this host
    bool robots_refused = false;
    std::chrono::milliseconds delay{0};  // host_delay, or a longer Crawl-delay
    unsigned active = 0;
    std::optional<Clock::time_point> last_start;
    Clock::time_point blocked_until{};  // a Retry-After applies to the whole host
    // Jobs waiting for this host, in order (a robots.txt job first).
    std::deque<std::unique_ptr<Job>> queue;
    bool listed = false;  // in Impl::queued
  };

  // One attempt on the wire.
  struct Transfer {
    Impl* impl = nullptr;
    Job* job = nullptr;
    Host* host = nullptr;
    CURL* easy = nullptr;
    curl_slist* headers = nullptr;
    size_t max_body = 0;
    bool truncate = false;  // keep the first max_body bytes instead of failing
    bool too_large = false;
    bool truncated = false;
    int status = 0;
    std::string status_line;
    HeaderList response_headers;
    std::string body;
    std::string request_head;
    std::string refusal;
    Clock::time_point last_activity;  // the last byte received, or the start
    bool received = false;            // any byte yet
    bool stalled = false;
    char error[CURL_ERROR_SIZE] = "";
  };

  explicit Impl(HttpOptions o) : options(std::move(o)) {}

  HttpOptions options;
  std::function<void(const HttpExchange&)> record;
  CURLM* multi = nullptr;
  std::map<std::string, Host> hosts;  // by host key, for the client's life
  mutable std::mutex stats_mutex;
  HttpStats stats;

  // The state of one Fetch call: hosts with waiting jobs, in the order they
  // got them; jobs waiting for a retry's time; transfers under way.
  std::vector<Host*> queued;
  std::vector<std::unique_ptr<Job>> delayed;
  std::vector<std::unique_ptr<Transfer>> running;
  const std::function<void(HttpResult&&)>* done = nullptr;

  template <typename Change>
  void Count(Change change) {
    std::lock_guard<std::mutex> lock(stats_mutex);
    change(stats);
  }

  Host& HostFor(const std::string& key) {
    auto [it, inserted] = hosts.try_emplace(key);
    if (inserted) it->second.delay = options.host_delay;
    return it->second;
  }

  void Finish(std::unique_ptr<Job> job, Status error);
  void FinishRobots(std::unique_ptr<Job> job, const Transfer* transfer, Status error);
  void Enqueue(std::unique_ptr<Job> job, bool first);
  void Schedule(Clock::time_point now, Clock::time_point& wake);
  // Starts what `host` may start now; false when no connection is left.
  bool Drain(Host& host, Clock::time_point now, Clock::time_point& wake);
  bool Idle() const;
  bool Start(std::unique_ptr<Job>& job, Host& host);
  void Complete(Transfer* transfer, CURLcode code);
  void Requeue(std::unique_ptr<Job> job);
  void AbortAll();
  bool EndStalled(Clock::time_point now);

  static size_t OnBody(char* data, size_t size, size_t count, void* user);
  static size_t OnHeader(char* data, size_t size, size_t count, void* user);
  static int OnDebug(CURL*, curl_infotype type, char* data, size_t size, void* user);
  static curl_socket_t OnOpenSocket(void* user, curlsocktype purpose, curl_sockaddr* address);
};

}  // namespace parallax

#endif  // PARALLAX_INGEST_HTTP_CLIENT_H_
