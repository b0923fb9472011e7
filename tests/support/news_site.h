// An invented news site on 127.0.0.1 (cpp-httplib, in-process): pages,
// feeds and anything else a test registers, each request counted. For the
// tests of fetching; never reachable from anywhere but loopback.
#ifndef PARALLAX_TESTS_SUPPORT_NEWS_SITE_H_
#define PARALLAX_TESTS_SUPPORT_NEWS_SITE_H_

#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace parallax::testing {

// An article page as outlets write them: navigation, the headline, a byline
// and date, the paragraphs, and a footer.
inline std::string ArticlePage(const std::string& site, const std::string& headline, const std::string& published,
                               const std::vector<std::string>& paragraphs) {
  std::string page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + headline + " | " +
                     site + "</title><meta property=\"og:site_name\" content=\"" + site +
                     "\"><meta property=\"article:published_time\" content=\"" + published +
                     "\"></head><body><nav><a href=\"/\">Home</a> <a href=\"/news/\">News</a> "
                     "<a href=\"/sport/\">Sport</a></nav><article><h1>" +
                     headline + "</h1><p class=\"byline\">By Staff Reporter</p>";
  for (const std::string& p : paragraphs) page += "<p>" + p + "</p>";
  page += "</article><footer>Copyright " + site + ". All rights reserved.</footer></body></html>";
  return page;
}

class NewsSite {
 public:
  NewsSite() {
    server_.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response&) {
      std::lock_guard<std::mutex> lock(mu_);
      ++hits_[request.path];
      return httplib::Server::HandlerResponse::Unhandled;
    });
    server_.set_socket_options([](socket_t sock) {
      int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
      setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    });
  }
  ~NewsSite() { Stop(); }
  NewsSite(const NewsSite&) = delete;
  NewsSite& operator=(const NewsSite&) = delete;

  httplib::Server& server() { return server_; }

  // A fixed answer for `path`.
  void Serve(const std::string& path, const std::string& body, const std::string& type) {
    server_.Get(path, [body, type](const httplib::Request&, httplib::Response& response) {
      response.set_content(body, type);
    });
  }

  void Start() {
    port_ = server_.bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  void Stop() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }

  std::string Url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  int port() const { return port_; }

  size_t Hits(const std::string& path) {
    std::lock_guard<std::mutex> lock(mu_);
    return hits_[path];
  }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mu_;
  std::map<std::string, size_t> hits_;
};

}  // namespace parallax::testing

#endif  // PARALLAX_TESTS_SUPPORT_NEWS_SITE_H_
