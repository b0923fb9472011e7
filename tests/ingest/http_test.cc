// HttpClient against an in-process server on 127.0.0.1 (cpp-httplib), and
// the address check and robots.txt rules on their own. No test sends a
// byte anywhere but loopback: refusals of other addresses are checked on
// IsPublicAddress alone.
#include "parallax/http.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <zlib.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "ingest/http_internal.h"
#include "support/compress.h"

namespace parallax {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using testing::Gzip;

// Options that keep tests quick; the fixture is on loopback.
HttpOptions QuickOptions() {
  HttpOptions options;
  options.user_agent = "parallax-test/1.0 (+mailto:desk@courier.example)";
  options.allow_private = true;
  options.host_delay = 0ms;
  options.retry_base = 10ms;
  options.connect_timeout = 2s;
  options.total_timeout = 10s;
  options.stall_timeout = 1s;
  return options;
}

class HttpClientTest : public ::testing::Test {
 protected:
  struct Seen {
    std::string path;
    Clock::time_point at;
  };

  void Start() {
    server_.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response&) {
      std::lock_guard<std::mutex> lock(mutex_);
      seen_.push_back({request.path, Clock::now()});
      return httplib::Server::HandlerResponse::Unhandled;
    });
    // Without TCP_NODELAY the server's head and body writes wait on the
    // client's delayed ACK: 40 ms a request.
    server_.set_socket_options([](socket_t sock) {
      int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
      setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(1ms);
  }

  void TearDown() override {
    stopping_ = true;
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }

  std::string Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

  std::vector<HttpResult> FetchAll(HttpClient& client, std::vector<HttpRequest> requests,
                                   const std::atomic<bool>* stop = nullptr) {
    std::vector<HttpResult> results(requests.size());
    for (size_t i = 0; i < requests.size(); ++i) requests[i].tag = i;
    client.Fetch(
        std::move(requests), [&](HttpResult&& r) { results[r.tag] = std::move(r); }, stop);
    return results;
  }

  HttpResult FetchOne(HttpClient& client, const std::string& path) {
    return FetchAll(client, {{Url(path), "", "", 0}})[0];
  }

  std::vector<Seen> SeenPaths(const std::string& path) {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<Seen> out;
    for (const Seen& s : seen_) {
      if (s.path == path) out.push_back(s);
    }
    return out;
  }

  size_t SeenCount() {
    std::lock_guard<std::mutex> lock(mutex_);
    return seen_.size();
  }

  // Holds a handler's thread for up to `limit` unless the test ends.
  void Hold(std::chrono::milliseconds limit) {
    const auto until = Clock::now() + limit;
    while (!stopping_ && Clock::now() < until) std::this_thread::sleep_for(10ms);
  }

  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::vector<Seen> seen_;
};

TEST_F(HttpClientTest, FetchesABodyWithItsTypeAndCharset) {
  server_.Get("/feed.xml", [](const httplib::Request&, httplib::Response& res) {
    // HTML where a feed was expected: returned as it is, the caller decides.
    res.set_content("<html><body>Emberly Courier</body></html>", "text/html; charset=ISO-8859-1");
  });
  Start();
  HttpClient client(QuickOptions());
  const HttpResult r = FetchOne(client, "/feed.xml");
  ASSERT_TRUE(r.error.ok()) << r.error.ToString();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "<html><body>Emberly Courier</body></html>");
  EXPECT_EQ(r.content_type, "text/html; charset=ISO-8859-1");
  EXPECT_EQ(r.charset, "iso-8859-1");
  EXPECT_EQ(r.url, Url("/feed.xml"));
  EXPECT_EQ(r.final_url, Url("/feed.xml"));
  EXPECT_EQ(r.attempts, 1);
  EXPECT_FALSE(r.fetched_at.empty());
  const HttpStats stats = client.stats();
  EXPECT_EQ(stats.requests, 2u);  // robots.txt, then the feed
  EXPECT_GE(stats.bytes, r.body.size());
}

TEST_F(HttpClientTest, ConditionalGetWithEtag) {
  server_.Get("/rss.xml", [](const httplib::Request& req, httplib::Response& res) {
    res.set_header("ETag", "\"v1\"");
    if (req.get_header_value("If-None-Match") == "\"v1\"") {
      res.status = 304;
      return;
    }
    res.set_content("<rss/>", "application/rss+xml");
  });
  Start();
  HttpClient client(QuickOptions());
  const HttpResult first = FetchOne(client, "/rss.xml");
  ASSERT_TRUE(first.error.ok()) << first.error.ToString();
  EXPECT_EQ(first.status, 200);
  EXPECT_FALSE(first.not_modified);
  EXPECT_EQ(first.etag, "\"v1\"");
  const HttpResult second = FetchAll(client, {{Url("/rss.xml"), first.etag, "", 0}})[0];
  ASSERT_TRUE(second.error.ok()) << second.error.ToString();
  EXPECT_EQ(second.status, 304);
  EXPECT_TRUE(second.not_modified);
  EXPECT_EQ(second.etag, "\"v1\"");
  EXPECT_TRUE(second.body.empty());
  EXPECT_EQ(client.stats().not_modified, 1u);
}

TEST_F(HttpClientTest, ConditionalGetWithLastModified) {
  const std::string stamp = "Sun, 01 Mar 2026 10:00:00 GMT";
  server_.Get("/atom.xml", [&](const httplib::Request& req, httplib::Response& res) {
    if (req.get_header_value("If-Modified-Since") == stamp) {
      res.status = 304;  // without repeating Last-Modified
      return;
    }
    res.set_header("Last-Modified", stamp);
    res.set_content("<feed/>", "application/atom+xml");
  });
  Start();
  HttpClient client(QuickOptions());
  const HttpResult first = FetchOne(client, "/atom.xml");
  ASSERT_TRUE(first.error.ok()) << first.error.ToString();
  EXPECT_EQ(first.last_modified, stamp);
  EXPECT_TRUE(first.etag.empty());
  const HttpResult second = FetchAll(client, {{Url("/atom.xml"), "", first.last_modified, 0}})[0];
  ASSERT_TRUE(second.error.ok()) << second.error.ToString();
  EXPECT_TRUE(second.not_modified);
  EXPECT_EQ(second.last_modified, stamp);  // kept from the request
}

TEST_F(HttpClientTest, RobotsTxtDisallowIsObeyedAndReadOncePerHost) {
  server_.Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("User-agent: *\nDisallow: /private\n", "text/plain");
  });
  server_.Get(R"(/.*)", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("page", "text/html");
  });
  Start();
  HttpClient client(QuickOptions());
  const std::vector<HttpResult> results =
      FetchAll(client, {{Url("/private/a.html"), "", "", 0}, {Url("/news/b.html"), "", "", 0}});
  EXPECT_FALSE(results[0].error.ok());
  EXPECT_NE(results[0].error.message().find("robots.txt"), std::string::npos)
      << results[0].error.message();
  EXPECT_TRUE(results[1].error.ok()) << results[1].error.ToString();
  EXPECT_EQ(results[1].body, "page");
  FetchOne(client, "/news/c.html");
  EXPECT_TRUE(SeenPaths("/private/a.html").empty());
  EXPECT_EQ(SeenPaths("/robots.txt").size(), 1u);
  EXPECT_EQ(client.stats().disallowed, 1u);
}

TEST_F(HttpClientTest, RobotsTxtServerErrorKeepsUsAway) {
  server_.Get("/robots.txt",
              [](const httplib::Request&, httplib::Response& res) { res.status = 503; });
  server_.Get("/a.html", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("page", "text/html");
  });
  Start();
  HttpClient client(QuickOptions());
  const HttpResult r = FetchOne(client, "/a.html");
  EXPECT_FALSE(r.error.ok());
  EXPECT_NE(r.error.message().find("robots.txt"), std::string::npos) << r.error.message();
  EXPECT_NE(r.error.message().find("503"), std::string::npos) << r.error.message();
  EXPECT_TRUE(SeenPaths("/a.html").empty());
}

TEST_F(HttpClientTest, CrawlDelaySpacesRequestsToOneHost) {
  server_.Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("User-agent: parallax-test\nCrawl-delay: 0.4\n", "text/plain");
  });
  server_.Get(R"(/.*)", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("page", "text/html");
  });
  Start();
  HttpClient client(QuickOptions());
  const std::vector<HttpResult> results =
      FetchAll(client, {{Url("/a.html"), "", "", 0}, {Url("/b.html"), "", "", 0}});
  ASSERT_TRUE(results[0].error.ok() && results[1].error.ok());
  const std::vector<Seen> a = SeenPaths("/a.html");
  const std::vector<Seen> b = SeenPaths("/b.html");
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_GE(b[0].at - a[0].at, 300ms);  // 400 ms asked; loose for a busy machine
}

TEST_F(HttpClientTest, HostDelaySpacesRequestsWithoutRobots) {
  server_.Get(R"(/.*)", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("page", "text/html");
  });
  Start();
  HttpOptions options = QuickOptions();
  options.obey_robots = false;
  options.host_delay = 300ms;
  HttpClient client(options);
  FetchAll(client, {{Url("/1"), "", "", 0}, {Url("/2"), "", "", 0}, {Url("/3"), "", "", 0}});
  const std::vector<Seen> first = SeenPaths("/1");
  const std::vector<Seen> second = SeenPaths("/2");
  const std::vector<Seen> third = SeenPaths("/3");
  ASSERT_EQ(first.size() + second.size() + third.size(), 3u);
  EXPECT_GE(second[0].at - first[0].at, 200ms);
  EXPECT_GE(third[0].at - second[0].at, 200ms);
  EXPECT_TRUE(SeenPaths("/robots.txt").empty());
}

TEST_F(HttpClientTest, CrawlDelayIsCappedByMaxCrawlDelay) {
  server_.Get("/robots.txt", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("User-agent: *\nCrawl-delay: 3600\n", "text/plain");
  });
  server_.Get(R"(/.*)", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("page", "text/html");
  });
  Start();
  HttpOptions options = QuickOptions();
  options.max_crawl_delay = 200ms;
  HttpClient client(options);
  // Were the hour honoured, the watchdog would stop the fetch.
  std::atomic<bool> stop{false};
  std::atomic<bool> finished{false};
  std::thread watchdog([&] {
    for (int i = 0; i < 500 && !finished; ++i) std::this_thread::sleep_for(10ms);
    stop = true;
  });
  const std::vector<HttpResult> results =
      FetchAll(client, {{Url("/a.html"), "", "", 0}, {Url("/b.html"), "", "", 0}}, &stop);
  finished = true;
  watchdog.join();
  for (const HttpResult& r : results) EXPECT_TRUE(r.error.ok()) << r.error.ToString();
  const std::vector<Seen> a = SeenPaths("/a.html");
  const std::vector<Seen> b = SeenPaths("/b.html");
  ASSERT_EQ(a.size() + b.size(), 2u);
  EXPECT_GE(b[0].at - a[0].at, 150ms);
}

TEST_F(HttpClientTest, OneRequestAtATimePerHost) {
  std::atomic<int> in_flight{0};
  std::atomic<int> most{0};
  server_.Get(R"(/slow/.*)", [&](const httplib::Request&, httplib::Response& res) {
    const int now = ++in_flight;
    for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {
    }
    std::this_thread::sleep_for(30ms);
    --in_flight;
    res.set_content("ok", "text/plain");
  });
  Start();
  HttpClient client(QuickOptions());
  std::vector<HttpRequest> requests;
  for (int i = 0; i < 6; ++i) requests.push_back({Url("/slow/" + std::to_string(i)), "", "", 0});
  for (const HttpResult& r : FetchAll(client, requests)) EXPECT_TRUE(r.error.ok());
  EXPECT_EQ(most.load(), 1);
}

TEST_F(HttpClientTest, RedirectsAreFollowedAndCounted) {
  server_.Get("/old", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("/new", 301);
  });
  server_.Get("/new", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("moved here", "text/html");
  });
  Start();
  HttpClient client(QuickOptions());
  const HttpResult r = FetchOne(client, "/old");
  ASSERT_TRUE(r.error.ok()) << r.error.ToString();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "moved here");
  EXPECT_EQ(r.url, Url("/old"));
  EXPECT_EQ(r.final_url, Url("/new"));
  EXPECT_EQ(r.attempts, 2);
}

TEST_F(HttpClientTest, RelativeRedirectsResolveAgainstTheHop) {
  server_.Get("/news/start", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("../archive/story%201?id=7", 307);
  });
  server_.Get("/archive/story 1", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content("id " + req.get_param_value("id"), "text/plain");
  });
  Start();
  HttpClient client(QuickOptions());
  const HttpResult r = FetchOne(client, "/news/start");
  ASSERT_TRUE(r.error.ok()) << r.error.ToString();
  EXPECT_EQ(r.body, "id 7");
  EXPECT_EQ(r.final_url, Url("/archive/story%201?id=7"));
}

TEST_F(HttpClientTest, RedirectLoopEndsAfterFiveHops) {
  server_.Get("/a",
              [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/b"); });
  server_.Get("/b",
              [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/a"); });
  Start();
  HttpClient client(QuickOptions());
  const HttpResult r = FetchOne(client, "/a");
  EXPECT_FALSE(r.error.ok());
  EXPECT_EQ(r.error.message(), "redirect loop or chain longer than 5");
  EXPECT_EQ(r.attempts, 6);
  EXPECT_EQ(SeenPaths("/a").size() + SeenPaths("/b").size(), 6u);
}

TEST_F(HttpClientTest, RedirectToALocalFileIsRefused) {
  server_.Get("/feed", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("file:///etc/passwd");
  });
  Start();
  HttpClient client(QuickOptions());
  const HttpResult r = FetchOne(client, "/feed");
  EXPECT_FALSE(r.error.ok());
  EXPECT_NE(r.error.message().find("only http and https"), std::string::npos) << r.error.message();
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(r.attempts, 1);

  const HttpResult direct = FetchAll(client, {{"file:///etc/passwd", "", "", 0}})[0];
  EXPECT_FALSE(direct.error.ok());
  EXPECT_NE(direct.error.message().find("only http and https"), std::string::npos);
  EXPECT_EQ(direct.attempts, 0);
  EXPECT_TRUE(direct.body.empty());
}

TEST_F(HttpClientTest, StallingServerTimesOut) {
  server_.Get("/stall", [this](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("application/rss+xml",
                                     [this](size_t, httplib::DataSink& sink) {
                                       sink.write("<rss>", 5);
                                       Hold(10s);  // then nothing, until the client gives up
                                       return false;
                                     });
  });
  Start();
  HttpOptions options = QuickOptions();
  options.max_retries = 0;
  options.stall_timeout = 300ms;
  HttpClient client(options);
  const HttpResult r = FetchOne(client, "/stall");
  EXPECT_FALSE(r.error.ok());
  EXPECT_NE(r.error.message().find("timed out: stalled"), std::string::npos) << r.error.message();
}

TEST_F(HttpClientTest, SlowTrickleHitsTheTotalTimeout) {
  server_.Get("/trickle", [this](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("text/html", [this](size_t, httplib::DataSink& sink) {
      for (int i = 0; i < 500 && !stopping_; ++i) {
        if (!sink.write("x", 1)) return false;
        std::this_thread::sleep_for(20ms);
      }
      sink.done();
      return true;
    });
  });
  Start();
  HttpOptions options = QuickOptions();
  options.max_retries = 0;
  options.total_timeout = 500ms;
  HttpClient client(options);
  const HttpResult r = FetchOne(client, "/trickle");
  EXPECT_FALSE(r.error.ok());
  EXPECT_NE(r.error.message().find("timed out"), std::string::npos) << r.error.message();
}

TEST_F(HttpClientTest, HugeContentLengthIsRefused) {
  server_.Get("/huge", [](const httplib::Request&, httplib::Response& res) {
    const std::string chunk(64 << 10, 'x');
    res.set_content_provider(size_t{2} << 30, "application/octet-stream",
                             [chunk](size_t offset, size_t length, httplib::DataSink& sink) {
                               return sink.write(chunk.data(), std::min(length, chunk.size()));
                             });
  });
  Start();
  HttpOptions options = QuickOptions();
  options.max_body = 1 << 20;
  HttpClient client(options);
  const HttpResult r = FetchOne(client, "/huge");
  EXPECT_FALSE(r.error.ok());
  EXPECT_EQ(r.error.code(), Status::Code::kTooLarge);
  EXPECT_NE(r.error.message().find("larger than 1048576 bytes"), std::string::npos)
      << r.error.message();
}

TEST_F(HttpClientTest, EndlessBodyWithoutLengthIsCut) {
  server_.Get("/endless", [this](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("application/octet-stream",
                                     [this](size_t, httplib::DataSink& sink) {
                                       const std::string chunk(64 << 10, 'x');
                                       return !stopping_ && sink.write(chunk.data(), chunk.size());
                                     });
  });
  Start();
  HttpOptions options = QuickOptions();
  options.max_body = 1 << 20;
  HttpClient client(options);
  const HttpResult r = FetchOne(client, "/endless");
  EXPECT_EQ(r.error.code(), Status::Code::kTooLarge) << r.error.ToString();
  EXPECT_TRUE(r.body.empty());
}

TEST_F(HttpClientTest, GzipBombIsCutAfterDecompression) {
  // 64 MiB of zeros in about 64 KiB: well under the cap on the wire.
  const std::string bomb = Gzip(std::string(size_t{64} << 20, '\0'));
  ASSERT_LT(bomb.size(), size_t{1} << 20);
  server_.Get("/bomb.xml", [&](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Encoding", "gzip");
    res.set_content(bomb, "application/octet-stream");
  });
  Start();
  HttpOptions options = QuickOptions();
  options.max_body = 1 << 20;
  HttpClient client(options);
  const HttpResult r = FetchOne(client, "/bomb.xml");
  EXPECT_EQ(r.error.code(), Status::Code::kTooLarge) << r.error.ToString();
  EXPECT_NE(r.error.message().find("larger than 1048576 bytes"), std::string::npos);
  EXPECT_LT(client.stats().bytes, size_t{1} << 20);
}

TEST_F(HttpClientTest, RetryAfterIsHonoured) {
  std::atomic<int> calls{0};
  server_.Get("/busy", [&](const httplib::Request&, httplib::Response& res) {
    if (calls++ == 0) {
      res.status = 429;
      res.set_header("Retry-After", "1");
      return;
    }
    res.set_content("finally", "text/plain");
  });
  Start();
  HttpClient client(QuickOptions());
  const HttpResult r = FetchOne(client, "/busy");
  ASSERT_TRUE(r.error.ok()) << r.error.ToString();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "finally");
  EXPECT_EQ(r.attempts, 2);
  EXPECT_EQ(client.stats().retries, 1u);
  const std::vector<Seen> seen = SeenPaths("/busy");
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_GE(seen[1].at - seen[0].at, 900ms);
}

TEST_F(HttpClientTest, RetryAfterLongerThanWeWaitFails) {
  server_.Get("/busy", [](const httplib::Request&, httplib::Response& res) {
    res.status = 503;
    res.set_header("Retry-After", "3600");
  });
  Start();
  HttpOptions options = QuickOptions();
  options.max_retry_after = 2s;
  HttpClient client(options);
  const HttpResult r = FetchOne(client, "/busy");
  EXPECT_FALSE(r.error.ok());
  EXPECT_NE(r.error.message().find("retry after 3600 s"), std::string::npos) << r.error.message();
  EXPECT_EQ(SeenPaths("/busy").size(), 1u);
}

TEST_F(HttpClientTest, ServerErrorIsRetriedWithBackoff) {
  std::atomic<int> calls{0};
  server_.Get("/flaky", [&](const httplib::Request&, httplib::Response& res) {
    if (calls++ == 0) {
      res.status = 503;
      return;
    }
    res.set_content("ok", "text/plain");
  });
  Start();
  HttpClient client(QuickOptions());
  const HttpResult r = FetchOne(client, "/flaky");
  ASSERT_TRUE(r.error.ok()) << r.error.ToString();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.attempts, 2);
}

TEST_F(HttpClientTest, PersistentServerErrorIsReturnedAfterTheRetries) {
  server_.Get("/down", [](const httplib::Request&, httplib::Response& res) { res.status = 500; });
  Start();
  HttpOptions options = QuickOptions();
  options.max_retries = 2;
  HttpClient client(options);
  const HttpResult r = FetchOne(client, "/down");
  EXPECT_TRUE(r.error.ok()) << r.error.ToString();  // a response, with its status
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.attempts, 3);
}

TEST_F(HttpClientTest, LoopbackIsRefusedWithoutAllowPrivate) {
  server_.Get(R"(/.*)", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("secret", "text/plain");
  });
  Start();
  HttpOptions options = QuickOptions();
  options.allow_private = false;
  HttpClient client(options);
  for (const bool robots : {true, false}) {
    options.obey_robots = robots;
    HttpClient one(options);
    const HttpResult r = FetchOne(one, "/feed.xml");
    EXPECT_FALSE(r.error.ok());
    EXPECT_EQ(r.error.ToString(),
              "refused: 127.0.0.1 is a loopback address (use --allow-private to allow)");
    EXPECT_TRUE(r.body.empty());
    EXPECT_GE(one.stats().refused, 1u);
  }
  EXPECT_EQ(SeenCount(), 0u);
}

TEST_F(HttpClientTest, ExchangesAreRecordedForWarc) {
  const std::string page = "<rss><channel><title>Emberly Courier</title></channel></rss>";
  const std::string gzipped = Gzip(page);
  server_.Get(
      "/go", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/rss.xml"); });
  server_.Get("/rss.xml", [&](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Encoding", "gzip");
    res.set_content(gzipped, "application/rss+xml");
  });
  Start();
  HttpClient client(QuickOptions());
  std::vector<HttpExchange> exchanges;
  client.RecordExchanges([&](const HttpExchange& x) { exchanges.push_back(x); });
  const HttpResult r = FetchOne(client, "/go");
  ASSERT_TRUE(r.error.ok()) << r.error.ToString();
  EXPECT_EQ(r.body, page);
  ASSERT_EQ(exchanges.size(), 3u);  // robots.txt (404), the redirect, the feed
  EXPECT_EQ(exchanges[0].url, Url("/robots.txt"));
  EXPECT_EQ(exchanges[0].response_head.substr(0, 12), "HTTP/1.1 404");
  EXPECT_EQ(exchanges[1].url, Url("/go"));
  EXPECT_EQ(exchanges[1].response_head.substr(0, 12), "HTTP/1.1 302");
  const HttpExchange& feed = exchanges[2];
  EXPECT_EQ(feed.url, Url("/rss.xml"));
  EXPECT_EQ(feed.ip, "127.0.0.1");
  EXPECT_FALSE(feed.date.empty());
  EXPECT_EQ(feed.request_head.substr(0, 17), "GET /rss.xml HTTP");
  EXPECT_NE(feed.request_head.find("User-Agent: parallax-test/1.0"), std::string::npos)
      << feed.request_head;
  EXPECT_EQ(feed.request_head.substr(feed.request_head.size() - 4), "\r\n\r\n");
  EXPECT_EQ(feed.response_head.substr(0, 15), "HTTP/1.1 200 OK");
  EXPECT_EQ(feed.response_head.find("Content-Encoding"), std::string::npos) << feed.response_head;
  EXPECT_NE(feed.response_head.find("Content-Length: " + std::to_string(page.size()) + "\r\n"),
            std::string::npos)
      << feed.response_head;
  EXPECT_EQ(feed.response_head.substr(feed.response_head.size() - 4), "\r\n\r\n");
  EXPECT_EQ(feed.body, page);
}

TEST_F(HttpClientTest, StopEndsUnfinishedRequests) {
  server_.Get("/stall", [this](const httplib::Request&, httplib::Response& res) {
    Hold(10s);
    res.set_content("late", "text/plain");
  });
  Start();
  HttpOptions options = QuickOptions();
  options.stall_timeout = 30s;
  options.total_timeout = 30s;
  HttpClient client(options);
  std::atomic<bool> stop{false};
  std::thread stopper([&] {
    while (SeenPaths("/stall").empty()) std::this_thread::sleep_for(5ms);
    stop = true;
  });
  const std::vector<HttpResult> results =
      FetchAll(client, {{Url("/stall"), "", "", 0}, {Url("/never"), "", "", 0}}, &stop);
  stopper.join();
  for (const HttpResult& r : results) {
    EXPECT_FALSE(r.error.ok());
    EXPECT_EQ(r.error.message(), "stopped");
  }
  EXPECT_TRUE(SeenPaths("/never").empty());
}

// --- The address check ---------------------------------------------------

}  // namespace
}  // namespace parallax
