// A news site for bench/fetch-speed: N invented article pages of about
// 8 KB, and a news sitemap listing them all, served on 127.0.0.1 until
// stdin closes. Prints the port it listens on. Pages are made from the
// page number, so every run serves the same site without files.
//
//   parallax_fetch_site 10000   # -> "port 40123"
#include <netinet/in.h>
#include <netinet/tcp.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>

#include <httplib.h>

namespace {

// Invented words: each page draws its sentences from them by its number,
// so pages differ (no two are copies) while reading like prose.
constexpr const char* kWords[] = {
    "council", "harbour", "bridge", "inspectors", "river", "market", "traders", "ferry", "station",
    "school", "budget", "mayor", "quay", "lantern", "festival", "engineers", "commuters", "tunnel",
    "library", "hospital", "tenants", "landlords", "rents", "volunteers", "weather", "storm", "flood",
    "barrier", "orchard", "brewery", "factory", "workers", "union", "strike", "wages", "talks",
    "minister", "report", "audit", "contract", "repairs", "delays", "residents", "petition", "vote",
    "museum", "gallery", "stadium", "league", "season", "coach", "players", "injury", "referee"};
constexpr size_t kWordCount = sizeof(kWords) / sizeof(kWords[0]);

std::string Sentence(unsigned long seed) {
  std::string s = "The";
  for (int i = 0; i < 14; ++i) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    s += " ";
    s += kWords[(seed >> 33) % kWordCount];
  }
  return s + ".";
}

std::string Page(unsigned long n) {
  std::string page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Report " +
                     std::to_string(n) + " | Bench Gazette</title><meta property=\"og:site_name\" content=\"Bench "
                     "Gazette\"><meta property=\"article:published_time\" content=\"2026-12-0" +
                     std::to_string(1 + n % 7) + "T08:00:00Z\"></head><body><nav><a href=\"/\">Home</a> "
                     "<a href=\"/news/\">News</a></nav><article><h1>Report number " + std::to_string(n) +
                     " from the harbour</h1>";
  for (int p = 0; p < 12; ++p) {
    page += "<p>";
    for (int s = 0; s < 4; ++s) page += Sentence(n * 1000 + p * 10 + s) + " ";
    page += "</p>";
  }
  return page + "</article><footer>Bench Gazette, an invented newspaper.</footer></body></html>";
}

}  // namespace

int main(int argc, char** argv) {
  const unsigned long pages = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 10000;
  httplib::Server server;
  // A thread per open connection (cpp-httplib keeps each keep-alive
  // connection on its thread): more threads than the fetcher has
  // connections, or the surplus ones wait out the keep-alive timeout.
  server.new_task_queue = [] { return new httplib::ThreadPool(64); };
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  if (port <= 0) {
    std::cerr << "parallax_fetch_site: cannot listen on 127.0.0.1\n";
    return 1;
  }
  const std::string base = "http://127.0.0.1:" + std::to_string(port);
  server.Get("/sitemap.xml", [&](const httplib::Request&, httplib::Response& response) {
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset "
                      "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">";
    for (unsigned long n = 0; n < pages; ++n) xml += "<url><loc>" + base + "/news/" + std::to_string(n) + ".html</loc></url>";
    response.set_content(xml + "</urlset>", "application/xml");
  });
  // A content type the server does not compress: what is measured is the
  // fetcher, not cpp-httplib's brotli.
  server.Get(R"(/news/(\d+)\.html)", [](const httplib::Request& request, httplib::Response& response) {
    response.set_content(Page(std::strtoul(request.matches[1].str().c_str(), nullptr, 10)),
                         "application/xhtml+xml; charset=utf-8");
  });
  std::thread listener([&] { server.listen_after_bind(); });
  std::cout << "port " << port << std::endl;
  std::string ignored;
  while (std::getline(std::cin, ignored)) {
  }
  server.stop();
  listener.join();
  return 0;
}
