// http: fetching as a good citizen, with libcurl's multi interface.
//
// HttpClient fetches a list of addresses concurrently: at most
// `max_connections` at once overall and `per_host` per host, with
// `host_delay` (or robots.txt's longer Crawl-delay) between two requests to
// one host. It reads each host's robots.txt once (kept for the client's
// life) and refuses what it disallows for our User-Agent. It follows at
// most `max_redirects` redirects itself, so each hop is checked like the
// first; retries 429 and 5xx with backoff, honouring Retry-After; sends
// If-None-Match / If-Modified-Since when the request carries a validator.
// HTTP/2 where offered; gzip, deflate and brotli. No cookies are kept.
//
// Safety: only http and https. Unless `allow_private`, an address that is
// loopback, private, link-local, multicast, unspecified, reserved or a cloud
// metadata address (IPv4, IPv6, IPv4-mapped IPv6) is refused; the check is
// made on the address actually being connected to (libcurl's open-socket
// hook), so DNS rebinding cannot get round it. A body larger than
// `max_body` (after decompression) is abandoned and reported.
//
//   HttpClient client(options);
//   client.Fetch({{"https://courier.example/rss.xml", etag, last_modified, 7}},
//                [&](HttpResult&& r) { if (r.error.ok() && r.status == 200) Parse(r.body); });
#ifndef PARALLAX_HTTP_H_
#define PARALLAX_HTTP_H_

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/status.h"
#include "parallax/warc.h"

struct sockaddr;

namespace parallax {

struct HttpOptions {
  // Who we are: sites want a way to reach whoever runs the crawler.
  std::string user_agent = "parallax/0.1 (+https://github.com/parallax-news/parallax)";
  unsigned max_connections = 8;  // at once, over all hosts
  unsigned per_host = 1;         // at once, per host
  std::chrono::milliseconds host_delay{1000};  // between two requests to one host
  // robots.txt's Crawl-delay is honoured up to this; longer ones are cut to it.
  std::chrono::milliseconds max_crawl_delay{std::chrono::seconds(30)};
  std::chrono::milliseconds connect_timeout{std::chrono::seconds(10)};
  std::chrono::milliseconds total_timeout{std::chrono::seconds(60)};  // per attempt
  // An attempt that receives fewer than 1 byte/s for this long has stalled.
  std::chrono::milliseconds stall_timeout{std::chrono::seconds(20)};
  size_t max_body = size_t{16} << 20;  // after decompression
  int max_redirects = 5;
  int max_retries = 3;  // on 429, 5xx and failed connections
  std::chrono::milliseconds retry_base{std::chrono::seconds(2)};  // doubled each retry
  // A Retry-After longer than this is not waited for: the fetch fails.
  std::chrono::milliseconds max_retry_after{std::chrono::minutes(2)};
  bool obey_robots = true;
  bool allow_private = false;
};

struct HttpRequest {
  std::string url;
  // Validators from the last fetch of this address: sent as If-None-Match
  // and If-Modified-Since.
  std::string etag;
  std::string last_modified;
  uint64_t tag = 0;  // the caller's, returned in the result
};

struct HttpResult {
  uint64_t tag = 0;
  std::string url;        // as requested
  std::string final_url;  // after redirects
  // Not ok: no usable response (refused address, disallowed by robots.txt,
  // redirect loop, timeout, body too large, DNS...), with the reason. A
  // response with any status, 404 included, is ok here: see `status`.
  Status error;
  int status = 0;  // the last response's status, 0 when none
  bool not_modified = false;  // 304 to a conditional request
  std::string content_type;   // as sent
  std::string charset;        // its charset parameter, lower case
  std::string etag;           // validators of this response, for next time
  std::string last_modified;
  std::string body;           // decoded (Content-Encoding undone)
  std::string fetched_at;     // ISO 8601 UTC
  int attempts = 0;           // requests made, retries and redirects included
};

struct HttpStats {
  size_t requests = 0;     // every request sent, robots.txt included
  size_t not_modified = 0; // 304s
  size_t retries = 0;
  size_t refused = 0;      // by the address check
  size_t disallowed = 0;   // by robots.txt
  size_t bytes = 0;        // decoded body bytes received
};

class HttpClient {
 public:
  explicit HttpClient(HttpOptions options);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Every exchange (request and response, redirects and retries included,
  // robots.txt too) is passed to `record` as it completes, for WARC.
  void RecordExchanges(std::function<void(const HttpExchange&)> record);

  // Fetches every request; `done` hears each result as it completes, on the
  // calling thread. Returns when all are done, or soon after `stop` becomes
  // true (the unfinished ones then end with a "stopped" error).
  void Fetch(std::vector<HttpRequest> requests, const std::function<void(HttpResult&&)>& done,
             const std::atomic<bool>* stop = nullptr);

  HttpStats stats() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// Whether parallax may connect to this address without --allow-private:
// false for loopback, private (RFC 1918, fc00::/7), link-local, CGNAT,
// multicast, unspecified, broadcast, documentation and reserved ranges, and
// cloud metadata addresses, in IPv4, IPv6 and IPv4-mapped IPv6 alike.
bool IsPublicAddress(const sockaddr* address);
// The same for a numeric address in text ("10.0.0.1", "::ffff:127.0.0.1");
// false when it is not one.
bool IsPublicAddress(std::string_view numeric);

// robots.txt: whether our agent may fetch `path_and_query`, and the
// Crawl-delay that applies to it (0 when none). Groups for the agent's
// product token outrank "*"; the longest matching rule wins, Allow on a tie;
// "*" and "$" patterns are understood.
struct RobotsRules {
  bool Allows(std::string_view path_and_query) const;
  std::chrono::milliseconds crawl_delay{0};
  struct Rule {
    std::string pattern;
    bool allow = false;
  };
  std::vector<Rule> rules;
};
RobotsRules ParseRobots(std::string_view text, std::string_view user_agent);

}  // namespace parallax

#endif  // PARALLAX_HTTP_H_
