// parallax serve: arguments -> Server::Bind -> Run until SIGINT or SIGTERM.
#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "parallax/server.h"
#include "parallax/store.h"

namespace parallax::cli {

namespace {

constexpr const char* kHelp = R"(parallax serve — the web app and JSON API over a database

Usage:
  parallax serve [--db PATH] [--outlets FILE [--group LABEL]] [--listen HOST:PORT] [--threads N]

Serves the stories of a database filled by 'parallax ingest' and grouped by
'parallax cluster', for a browser (pages work with JavaScript off) and for
scripts (a JSON API). It only reads the database: ingest and cluster may
run meanwhile, and each page shows what is stored when it is asked for.

Options:
  --db PATH           the database (default ./parallax.db); it must exist
  --outlets FILE      an outlets file (see 'parallax help outlets'): each
                      story then shows its coverage by the groups of one
                      label, and a blindspot mark when it is lopsided: told
                      by at least 3 outlets of the file, with one value of
                      the label absent or under 20% of them
  --group LABEL       which label (default: the file's first, as leaning)
  --listen HOST:PORT  where to listen (default 127.0.0.1:8080). The app has
                      no accounts: listen beyond this machine (0.0.0.0) only
                      behind something that controls who may connect
  --threads N         connections answered at once (default 16)
  -h, --help          this text

Pages and API:
  /                   the stories, those told by most outlets first, then the
                      most recently updated, 50 a page (?page=N); ?day=
                      2026-11-26 (that day, UTC), ?hours=24 (the last 24
                      hours), ?order=largest (most articles first)
  /search?q=WORDS     articles holding the words, grouped by story, with
                      filters for outlet, group and dates (/api/search);
                      'parallax index' makes new articles searchable
  /blindspots         with --outlets: the stories each group missed
                      (/api/blindspots, schema parallax.blindspots/1)
  /stories/ID         one story side by side: the same comparison as
                      'parallax compare --story ID --html', made when first
                      asked and kept until the story gains an article
  /api/stories        the stories as JSON, schema parallax.stories/1
                      (?limit=N up to 500, ?offset=N, and the same filters)
  /api/stories/ID     a story's comparison as JSON, schema parallax.compare/1
                      (docs/json.md)
  Unknown pages are 404, other methods than GET 405; nothing changes the
  database. Responses forbid scripts and styles from elsewhere and framing
  (Content-Security-Policy), and content sniffing.

Stopping:
  Ctrl-C or SIGTERM: no new connection is taken, the requests in flight are
  answered, then it exits 0.

Examples:
  parallax serve --db news.db
  parallax serve --db news.db --listen 127.0.0.1:9000
  curl -s localhost:8080/api/stories?limit=5 | jq '.stories[].headline'

Exit codes:
  0 stopped by a signal; 1 the database or the outlets file could not be
  read; 2 bad command line (a --group the file does not have); 4 the
  address could not be listened on.
)";

struct Options {
  ServerOptions server;
};

// "HOST:PORT", "[::1]:PORT" or ":PORT" (the default host).
bool ParseListen(const std::string& text, ServerOptions& server) {
  const size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon + 1 == text.size()) return false;
  unsigned long long port = 0;
  if (!ParseCount(text.substr(colon + 1), &port) || port > 65535) return false;
  std::string host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (!host.empty()) server.host = host;
  server.port = static_cast<int>(port);
  return true;
}

CLI::Validator ListenAddress() {
  return CLI::Validator(
      [](std::string& value) {
        ServerOptions scratch;
        if (ParseListen(value, scratch)) return std::string();
        return "takes HOST:PORT (for example 127.0.0.1:8080), got '" + value + "'";
      },
      "HOST:PORT");
}

}  // namespace

int RunServe(const std::vector<std::string>& args) {
  Options options;
  std::string listen;
  CLI::App app;
  app.add_option("--db", options.server.db)->check(DatabasePath());
  app.add_option("--outlets", options.server.outlets);
  app.add_option("--group", options.server.group);
  app.add_option("--listen", listen)->check(ListenAddress());
  app.add_option("--threads", options.server.threads)->check(Positive(1024));
  if (const std::optional<int> stop = ParseOptions(app, args, "serve", kHelp)) return *stop;
  if (!listen.empty()) ParseListen(listen, options.server);

  // SIGINT and SIGTERM are taken by one thread (sigwait), which stops the
  // server; blocked before any other thread starts, so none of them gets it.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  // The database first, for its own exit code: a mistyped path is not a
  // busy port.
  Result<Store> store = Store::Open(options.server.db, OpenMode::kReadOnly);
  if (!store.ok()) {
    std::cerr << "parallax serve: " << store.status().message() << "\n";
    return kExitSomeInputsFailed;
  }
  // Articles not indexed yet are served, but not found by search, not in
  // the voices, and their stories compared on the first request: say so.
  if (const Result<size_t> waiting = store->UndigestedArticles(); waiting.ok() && *waiting > 0) {
    std::cerr << "parallax serve: " << *waiting << " article" << (*waiting == 1 ? " is" : "s are")
              << " not indexed yet (search, voices); 'parallax index --db " << PrintableOneLine(options.server.db)
              << "' does it, also while serving\n";
  }
  if (!options.server.group.empty() && options.server.outlets.empty()) {
    std::cerr << "parallax serve: --group needs --outlets FILE\n";
    return kExitUsage;
  }
  Result<std::unique_ptr<Server>> server = Server::Bind(options.server);
  if (!server.ok()) {
    std::cerr << "parallax serve: " << PrintableOneLine(server.status().message()) << "\n";
    const Status::Code code = server.status().code();
    return code == Status::Code::kIoError ? kExitOutputFailed
           : code == Status::Code::kUsage ? kExitUsage
                                          : kExitSomeInputsFailed;
  }
  const std::string host = options.server.host.find(':') != std::string::npos ? "[" + options.server.host + "]"
                                                                               : options.server.host;
  std::cerr << "parallax serve: http://" << host << ":" << (*server)->port() << "/ (" << options.server.db
            << "); Ctrl-C stops\n";
  std::thread stopper([&signals, &server] {
    int received = 0;
    sigwait(&signals, &received);
    std::cerr << "parallax serve: stopping (answering the requests in flight)\n";
    (*server)->Stop();
  });
  const Status ran = (*server)->Run();
  // Run() also ends when listening fails: let the stopper go as well.
  if (!ran.ok()) pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  if (!ran.ok()) {
    std::cerr << "parallax serve: " << ran.message() << "\n";
    return kExitOutputFailed;
  }
  return kExitOk;
}

}  // namespace parallax::cli
