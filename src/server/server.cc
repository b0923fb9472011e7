// The web app: its routes, the story pages (a comparison kept in memory
// until the story changes), the story lists, blindspots and search. The
// outlet pages are in outlet_routes.cc, the request helpers in
// http_helpers.cc.
#include "parallax/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <ctime>
#include <cstdlib>
#include <iostream>
#include <latch>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parallax/outlets.h"
#include "parallax/report.h"
#include "parallax/store.h"
#include "parallax/text.h"
#include "server/internal.h"

namespace parallax {

using namespace serving;

namespace {

constexpr unsigned kDefaultThreads = 16;
// A client that says nothing for this long gives its worker back.
constexpr time_t kKeepAliveSeconds = 2;
constexpr time_t kReadTimeoutSeconds = 5;
// Requests one connection may carry before it is closed (httplib's default, 5,
// makes a browser or a load test reconnect often).
constexpr size_t kKeepAliveRequests = 100;
// List, search and outlet pages kept whole until the store changes.
constexpr size_t kPagesKept = 256;
// The app only answers GETs: a body is never needed.
constexpr size_t kMaxBodyBytes = 0;
constexpr size_t kStoriesPerPage = 50;
constexpr size_t kMaxApiLimit = 500;
// Search: the longest query, and the hits a page shows.
constexpr size_t kMaxSearchBytes = 500;
constexpr size_t kSearchHits = 100;
// The blindspots page reads at most this many stories (most outlets first).
constexpr size_t kBlindspotStoriesRead = 5000;

const char* const kSecurityPolicy = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

// A story's comparison as rendered.
struct RenderedStory {
  std::string html;
  std::string json;
};

}  // namespace

struct Server::Impl {
  ServerOptions options;
  httplib::Server http;
  SignedCache<RenderedStory> cache;
  SignedCache<std::vector<WeekProfile>> weeks;
  PageCache pages;
  int port = 0;
  std::optional<OutletsFile> outlets;  // with options.group set to the label shown

  std::vector<GroupCoverage> Coverage(const std::vector<StorySummary>& stories) const {
    std::vector<GroupCoverage> coverage;
    if (!outlets || options.group.empty()) return coverage;
    for (const StorySummary& s : stories) coverage.push_back(CoverageByGroup(*outlets, options.group, s.outlets));
    return coverage;
  }

  explicit Impl(ServerOptions o) : options(std::move(o)), cache(options.comparisons_kept), weeks(options.comparisons_kept),
        pages(options.db, kPagesKept) {}

  OutletPages OutletContext() {
    return OutletPages{options.db, outlets ? &*outlets : nullptr, options.group, &weeks};
  }
  void ServeOutletList(const httplib::Request& q, httplib::Response& r, bool json) {
    serving::ServeOutletList(OutletContext(), q, r, json);
  }
  void ServeOutlet(const httplib::Request& q, httplib::Response& r, bool json) {
    serving::ServeOutlet(OutletContext(), q, r, json);
  }

  // The comparison of `story`: from memory, else as the store keeps it,
  // else made now; each only while the story has the same articles.
  Result<std::shared_ptr<const RenderedStory>> Story(int64_t story) {
    Result<Store*> store = ThreadStore(options.db);
    if (!store.ok()) return store.status();
    Result<std::string> signature = (*store)->StorySignature(story);
    if (!signature.ok()) return signature.status();
    if (auto cached = cache.Find(std::to_string(story), *signature)) return cached;
    std::optional<StoredComparison> made;
    Result<std::optional<StoredComparison>> kept = (*store)->ReadComparison(story);
    if (!kept.ok()) std::cerr << "parallax serve: " << kept.status().ToString() << "\n";  // made again below
    if (kept.ok() && *kept && (*kept)->signature == *signature) made = std::move(**kept);
    if (!made) {
      Result<StoredComparison> fresh = MakeComparison(**store, story);
      if (!fresh.ok()) return fresh.status();
      made = std::move(*fresh);
    }
    std::optional<GroupCoverage> coverage;
    if (outlets && !options.group.empty()) {
      Result<std::vector<StorySummary>> summary = (*store)->StoriesById({story});
      if (summary.ok() && !summary->empty()) coverage = CoverageByGroup(*outlets, options.group, summary->front().outlets);
    }
    auto rendered = std::make_shared<RenderedStory>();
    rendered->html = FillCoverage(std::move(made->html), coverage);
    rendered->json = std::move(made->json);
    cache.Put(std::to_string(story), std::move(made->signature), rendered);
    return std::shared_ptr<const RenderedStory>(rendered);
  }

  void ServeStory(const httplib::Request& request, httplib::Response& response, bool json) {
    const std::optional<int64_t> id = ParseId(request.matches[1]);
    if (!id) return SendError(request, response, 404, "No such story");
    Result<std::shared_ptr<const RenderedStory>> story = Story(*id);
    if (!story.ok()) {
      const bool missing = story.status().code() == Status::Code::kNotFound;
      if (!missing) std::cerr << "parallax serve: story " << *id << ": " << story.status().ToString() << "\n";
      return SendError(request, response, missing ? 404 : 500,
                       missing ? "No such story" : "The story could not be read");
    }
    if (json) {
      response.set_content((*story)->json, "application/json");
    } else {
      response.set_content((*story)->html, "text/html; charset=utf-8");
    }
  }

  // The window and order a list request asks for: ?day=YYYY-MM-DD (that
  // day, UTC), ?hours=N (the last N hours), ?order=largest|coverage.
  // Returns false, having answered 400, when a value is not understood.
  bool ListQuery(const httplib::Request& request, httplib::Response& response, StoryQuery& query,
                 std::string& heading, std::string& params) {
    query.order = StoryOrder::kMostOutletsRecent;
    heading = "Stories";
    if (const std::optional<std::string> asked = Param(request, "order")) {
      const std::string order = *asked;
      if (order != "largest" && order != "coverage") {
        SendError(request, response, 400, "order is largest or coverage");
        return false;
      }
      if (order == "largest") query.order = StoryOrder::kLargest;
      params += "&order=" + order;
    }
    if (const std::optional<std::string> asked = Param(request, "day")) {
      const std::string day = *asked;
      const std::optional<std::string> next = NextDay(day);
      if (!next) {
        SendError(request, response, 400, "day is a date, as 2026-11-26");
        return false;
      }
      query.from = day;
      query.to = *next;
      heading = "Stories of " + day;
      params += "&day=" + day;
    } else if (const std::optional<std::string> asked_hours = Param(request, "hours")) {
      const std::optional<int64_t> hours = ParseId(*asked_hours);
      if (!hours || *hours == 0 || *hours > 24 * 366) {
        SendError(request, response, 400, "hours is a number from 1 to 8784");
        return false;
      }
      query.from = IsoTime(std::time(nullptr) - static_cast<std::time_t>(*hours) * 3600);
      heading = "Stories of the last " + std::to_string(*hours) + " hours";
      params += "&hours=" + std::to_string(*hours);
    }
    return true;
  }

  void ServeStoryList(const httplib::Request& request, httplib::Response& response, bool json) {
    StoryQuery query;
    std::string heading, params;
    if (!ListQuery(request, response, query, heading, params)) return;
    Result<Store*> store = ThreadStore(options.db);
    Result<size_t> total = store.ok() ? (*store)->CountStories(query) : Result<size_t>(store.status());
    if (!total.ok()) return SendInternalError(request, response, total.status(), "The stories could not be read");
    if (json) {
      query.offset = QueryNumber(request, "offset", 0, *total);
      query.limit = QueryNumber(request, "limit", kStoriesPerPage, kMaxApiLimit);
    } else {
      query.offset = std::min(*total, QueryNumber(request, "page", 0, *total) * kStoriesPerPage);
      query.limit = kStoriesPerPage;
    }
    Result<std::vector<StorySummary>> stories = (*store)->ListStories(query);
    if (!stories.ok()) return SendInternalError(request, response, stories.status(), "The stories could not be read");
    if (Status s = FillVoices(**store, *stories); !s.ok()) {
      return SendInternalError(request, response, s, "The stories could not be read");
    }
    if (json) {
      response.set_content(RenderStoriesJson(*stories, *total, Coverage(*stories)), "application/json");
      return;
    }
    StoriesPage page;
    page.html = PageOptions();
    // Exports come by day or story: a list of the last hours has none.
    const std::string day = ParamOr(request, "day");
    if (!day.empty() || Param(request, "hours") == std::nullopt) {
      page.html.downloads = ExportLinks(day.empty() ? std::string() : "?day=" + day);
    }
    page.heading = heading;
    page.total = *total;
    if (heading != "Stories") page.empty_message = "No story has an article published in this time.";
    page.coverage = Coverage(*stories);
    page.first = query.offset;
    const size_t number = query.offset / kStoriesPerPage;
    auto href = [&](size_t n) {
      std::string q = (n == 0 ? std::string() : "&page=" + std::to_string(n)) + params;
      return q.empty() ? std::string("/") : "/?" + q.substr(1);
    };
    if (number > 0) page.previous_href = href(number - 1);
    if (query.offset + stories->size() < *total) page.next_href = href(number + 1);
    response.set_content(RenderStoriesHtml(*stories, page), "text/html; charset=utf-8");
  }

  // The blindspots of the stories in the window, by the value that
  // missed them. Only stories told by enough outlets can be one, so the
  // stories are read most-outlets first until they are too small, and at
  // most kBlindspotStoriesRead of them.
  void ServeBlindspots(const httplib::Request& request, httplib::Response& response, bool json) {
    if (!outlets || options.group.empty()) {
      return SendError(request, response, 404, "Blindspots need an outlets file with groups: parallax serve --outlets FILE");
    }
    StoryQuery query;
    std::string heading, params;
    if (!ListQuery(request, response, query, heading, params)) return;
    query.order = StoryOrder::kMostOutletsRecent;
    Result<Store*> store = ThreadStore(options.db);
    std::vector<Blindspots> groups;
    for (const std::string& value : CoverageByGroup(*outlets, options.group, {}).values) groups.push_back({value, {}, {}});
    query.limit = kStoriesPerPage * 4;
    for (bool more = store.ok(); more && query.offset < kBlindspotStoriesRead; query.offset += query.limit) {
      Result<std::vector<StorySummary>> page = (*store)->ListStories(query);
      if (!page.ok()) return SendInternalError(request, response, page.status(), "The stories could not be read");
      more = page->size() == query.limit;
      for (StorySummary& s : *page) {
        if (s.outlets.size() < kBlindspotMinOutlets) {
          more = false;
          break;
        }
        GroupCoverage c = CoverageByGroup(*outlets, options.group, s.outlets);
        if (!c.blindspot) continue;
        for (Blindspots& g : groups) {
          if (g.value != c.weakest) continue;
          g.stories.push_back(std::move(s));
          g.coverage.push_back(std::move(c));
          break;
        }
      }
    }
    if (!store.ok()) return SendError(request, response, 500, "The stories could not be read");
    for (Blindspots& g : groups) {
      if (Status s = FillVoices(**store, g.stories); !s.ok()) {
        return SendInternalError(request, response, s, "The stories could not be read");
      }
    }
    if (json) {
      response.set_content(RenderBlindspotsJson(groups, options.group), "application/json");
      return;
    }
    StoriesPage page;
    page.html = PageOptions();
    page.heading = "Blindspots by " + options.group + (heading == "Stories" ? std::string() : " (s" + heading.substr(1) + ")");
    page.empty_message = "The outlets file gives no values of " + options.group + ".";
    response.set_content(RenderBlindspotsHtml(groups, page), "text/html; charset=utf-8");
  }

  void ServeSearch(const httplib::Request& request, httplib::Response& response, bool json) {
    SearchPage page;
    page.html = PageOptions();
    page.query.text = ParamOr(request, "q");
    if (page.query.text.size() > kMaxSearchBytes) return SendError(request, response, 400, "The search is too long");
    page.outlet = ParamOr(request, "outlet");
    page.group = ParamOr(request, "group");
    for (const char* bound : {"from", "to"}) {
      const std::string day = ParamOr(request, bound);
      if (day.empty()) continue;
      const std::optional<std::string> next = NextDay(day);
      if (!next) return SendError(request, response, 400, std::string(bound) + " is a date, as 2026-11-26");
      // "to" includes its day.
      (bound == std::string("from") ? page.query.from : page.query.to) = bound == std::string("from") ? day : *next;
    }
    if (outlets) {
      for (const Outlet& o : outlets->outlets) page.outlets.push_back(o.name);
      if (!options.group.empty()) {
        page.group_label = options.group;
        page.groups = CoverageByGroup(*outlets, options.group, {}).values;
      }
    }
    if (!page.outlet.empty()) page.query.outlets.push_back(page.outlet);
    if (!page.group.empty()) {
      if (std::find(page.groups.begin(), page.groups.end(), page.group) == page.groups.end()) {
        return SendError(request, response, 400, "No such group: " + page.group);
      }
      // Outlets of that group (and of the outlet asked for, when both are).
      std::vector<std::string> of_group;
      for (const Outlet& o : outlets->outlets) {
        if (o.Group(options.group) == page.group && (page.outlet.empty() || o.name == page.outlet)) {
          of_group.push_back(o.name);
        }
      }
      page.query.outlets = of_group.empty() ? std::vector<std::string>{"\x1f none"} : of_group;
    }
    page.query.limit = json ? QueryNumber(request, "limit", kSearchHits, kMaxApiLimit) : kSearchHits;
    Result<Store*> store = ThreadStore(options.db);
    Result<std::vector<SearchHit>> hits = store.ok() ? (*store)->Search(page.query) : Result<std::vector<SearchHit>>(store.status());
    const Result<size_t> waiting = store.ok() ? (*store)->UnsearchableArticles() : Result<size_t>(store.status());
    if (!hits.ok() || !waiting.ok()) {
      return SendInternalError(request, response, hits.ok() ? waiting.status() : hits.status(),
                               "The search could not be made");
    }
    page.unsearchable = *waiting;
    if (json) {
      response.set_content(RenderSearchJson(*hits, page), "application/json");
    } else {
      response.set_content(RenderSearchHtml(*hits, page), "text/html; charset=utf-8");
    }
  }

  void Routes() {
    http.Get(R"(/export/([a-z]+)\.([a-z]+))",
             [this](const httplib::Request& q, httplib::Response& r) { ServeExport(options.db, q, r); });
    // Pages of the store alone, kept whole until it changes.
    const auto kept = [this](void (Impl::*serve)(const httplib::Request&, httplib::Response&, bool), bool json) {
      return [this, serve, json](const httplib::Request& q, httplib::Response& r) {
        pages.Serve(q, r, [&] { (this->*serve)(q, r, json); });
      };
    };
    http.Get("/outlets", kept(&Impl::ServeOutletList, false));
    http.Get("/api/outlets", kept(&Impl::ServeOutletList, true));
    http.Get(R"(/outlets/(.+))", kept(&Impl::ServeOutlet, false));
    http.Get(R"(/api/outlets/(.+))", kept(&Impl::ServeOutlet, true));
    http.Get("/search", kept(&Impl::ServeSearch, false));
    http.Get("/api/search", kept(&Impl::ServeSearch, true));
    http.Get("/blindspots", kept(&Impl::ServeBlindspots, false));
    http.Get("/api/blindspots", kept(&Impl::ServeBlindspots, true));
    http.Get("/", kept(&Impl::ServeStoryList, false));
    http.Get("/api/stories", kept(&Impl::ServeStoryList, true));
    http.Get(R"(/stories/([0-9]+))", [this](const httplib::Request& q, httplib::Response& r) { ServeStory(q, r, false); });
    http.Get(R"(/api/stories/([0-9]+))",
             [this](const httplib::Request& q, httplib::Response& r) { ServeStory(q, r, true); });
    // Browsers ask for an icon; there is none, and saying so is no error.
    http.Get("/favicon.ico", [](const httplib::Request&, httplib::Response& r) {
      r.status = 204;
      r.set_header("Cache-Control", "max-age=86400");
    });
    http.Get("/static/parallax.css", [](const httplib::Request&, httplib::Response& r) {
      r.set_content(std::string(HtmlStyleSheet()), "text/css; charset=utf-8");
      r.set_header("Cache-Control", "max-age=3600");
    });
    http.Get(R"(/static/grid-([0-9]{1,4})\.css)", [](const httplib::Request& q, httplib::Response& r) {
      r.set_content(HtmlGridStyleSheet(static_cast<size_t>(std::atoi(q.matches[1].str().c_str()))),
                    "text/css; charset=utf-8");
      r.set_header("Cache-Control", "max-age=3600");
    });
    // Only GET (and HEAD, which httplib answers with GET's headers).
    http.set_pre_routing_handler([](const httplib::Request& q, httplib::Response& r) {
      if (q.method == "GET" || q.method == "HEAD") return httplib::Server::HandlerResponse::Unhandled;
      r.set_header("Allow", "GET, HEAD");
      SendError(q, r, 405, "Only GET is served");
      return httplib::Server::HandlerResponse::Handled;
    });
    http.set_error_handler([](const httplib::Request& q, httplib::Response& r) {
      if (r.body.empty()) {
        SendError(q, r, r.status, r.status == 404 ? "Not found" : r.status == 413 ? "Request too large" : "Bad request");
      }
    });
    http.set_exception_handler([](const httplib::Request& q, httplib::Response& r, std::exception_ptr) {
      // No stack, no message to the client: one line on the server's stderr.
      std::cerr << "parallax serve: internal error on " << q.path << "\n";
      SendError(q, r, 500, "Internal error");
    });
    http.set_default_headers({{"Content-Security-Policy", kSecurityPolicy},
                              {"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"},
                              {"X-Frame-Options", "DENY"}});
    const unsigned threads = options.threads > 0 ? options.threads : kDefaultThreads;
    // Each worker opens its store connection before its first request, so
    // no reader waits for an open: one warm-up task per worker, each held
    // until all have started, so that no worker takes two.
    http.new_task_queue = [threads, db = options.db] {
      auto* pool = new httplib::ThreadPool(threads);
      auto started = std::make_shared<std::latch>(threads);
      for (unsigned i = 0; i < threads; ++i) {
        pool->enqueue([started, db] {
          static_cast<void>(ThreadStore(db));
          started->arrive_and_wait();
        });
      }
      return pool;
    };
    http.set_keep_alive_max_count(kKeepAliveRequests);
    // Headers and body go out in separate writes: without TCP_NODELAY a
    // kept-alive client's delayed ACK would hold each answer back ~40 ms.
    http.set_tcp_nodelay(true);
    http.set_keep_alive_timeout(kKeepAliveSeconds);
    http.set_read_timeout(kReadTimeoutSeconds, 0);
    http.set_write_timeout(kReadTimeoutSeconds, 0);
    http.set_payload_max_length(kMaxBodyBytes);
    // SO_REUSEADDR (a restart need not wait for old connections to time
    // out) but not httplib's SO_REUSEPORT, with which a second server on
    // the same port would silently share it instead of failing.
    http.set_socket_options([](int socket) {
      const int yes = 1;
      setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
  }
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

Result<std::unique_ptr<Server>> Server::Bind(const ServerOptions& options) {
  // The store first: a mistyped path should be an error, not an empty site.
  Result<Store> store = Store::Open(options.db, OpenMode::kReadOnly);
  if (!store.ok()) return store.status();
  auto impl = std::make_unique<Impl>(options);
  if (!options.outlets.empty()) {
    Result<OutletsFile> file = LoadOutlets(options.outlets);
    if (!file.ok()) return file.status();
    const std::vector<std::string> labels = file->GroupLabels();
    if (impl->options.group.empty() && !labels.empty()) impl->options.group = labels.front();
    if (!impl->options.group.empty() &&
        std::find(labels.begin(), labels.end(), impl->options.group) == labels.end()) {
      return Status::Usage(options.outlets + " has no group '" + impl->options.group + "'" +
                           (labels.empty() ? std::string(" (it has no groups)") : " (it has: " + [&] {
                             std::string all;
                             for (const std::string& l : labels) all += (all.empty() ? "" : ", ") + l;
                             return all;
                           }() + ")"));
    }
    impl->outlets = std::move(*file);
  }
  impl->Routes();
  if (options.port == 0) {
    impl->port = impl->http.bind_to_any_port(options.host);
    if (impl->port < 0) impl->port = 0;
  } else if (impl->http.bind_to_port(options.host, options.port)) {
    impl->port = options.port;
  }
  if (impl->port <= 0) {
    return Status::IoError("cannot listen on " + options.host + ":" + std::to_string(options.port) +
                           " (in use, not an address of this machine, or a port below 1024 without the right)");
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

int Server::port() const { return impl_->port; }

Status Server::Run() {
  if (!impl_->http.listen_after_bind()) return Status::IoError("the server stopped listening");
  return Status::Ok();
}

void Server::Stop() { impl_->http.stop(); }

}  // namespace parallax
