// server: `parallax serve`, the web app and JSON API over a store. It only
// reads the store (a connection per worker thread, opened once), so
// `ingest`, `cluster` and the rest may write meanwhile (the store is in
// WAL mode). Pages are rendered by report/; a story's comparison is the
// same Compare() the command runs: read from the store when `parallax
// index` kept it (StoreComparisons), else made on the first request; kept
// in memory until the story changes either way.
//
//   Result<std::unique_ptr<Server>> server = Server::Bind({.db = "news.db", .port = 8080});
//   if (!server.ok()) return Fail(server.status());   // the store, or the address
//   std::thread stopper([&] { WaitForSigterm(); (*server)->Stop(); });
//   (*server)->Run();                                  // returns once requests in flight are answered
//
// Every response carries a Content-Security-Policy that allows only the
// server's own resources and no framing, X-Content-Type-Options: nosniff and
// no referrer. Nothing the server answers changes the store.
#ifndef PARALLAX_SERVER_H_
#define PARALLAX_SERVER_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "parallax/status.h"
#include "parallax/store.h"

namespace parallax {

struct ServerOptions {
  std::string db = "parallax.db";
  // Loopback unless told otherwise: the app has no accounts or passwords.
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (Server::port() says which)
  // Worker threads, each answering one connection at a time; 0: 16. A
  // keep-alive connection holds its worker until it goes idle (2 s).
  unsigned threads = 0;
  // Stories whose comparison is kept in memory, the most recently asked.
  size_t comparisons_kept = 64;
  // An outlets file (parallax/outlets.h): each story's coverage by the
  // values of `group` (default: the file's first group label), and
  // blindspots. Empty: no coverage.
  std::string outlets;
  std::string group;
};

// The routes, for a reader of the code (docs/api.md for a user):
//   GET /                        the stories, most outlets first, then the most recent
//                                (?page=N, ?day=YYYY-MM-DD, ?hours=N, ?order=largest)
//   GET /stories/ID              a story: the side-by-side comparison
//   GET /api/stories             parallax.stories/1 (?limit=&offset=, and the same filters)
//   GET /api/stories/ID          parallax.compare/1 of that story
//   GET /blindspots, /api/blindspots   stories one group missed (with --outlets)
//   GET /search, /api/search     full-text search (?q=&outlet=&group=&from=&to=)
//   GET /outlets, /api/outlets   every outlet
//   GET /outlets/NAME            an outlet: stories told and missed, voices and wording by week
//   GET /api/outlets/NAME        parallax.outlet/1
//   GET /export/KIND.FORMAT      stories, articles or quotes as csv or jsonl (?day=, ?story=)
//   GET /static/parallax.css     the pages' styles; /static/grid-N.css
class Server {
 public:
  // Checks that the store opens for reading and the outlets file (if any)
  // reads, then binds the address. Errors say which failed and why; the
  // outlets file's own problems (a bad feed address...) are not errors here:
  // 'parallax outlets check' lists them.
  static Result<std::unique_ptr<Server>> Bind(const ServerOptions& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  int port() const;
  // Serves until Stop(); then answers the requests in flight and returns.
  Status Run();
  // From any thread: stop accepting connections (Run() then returns).
  void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Makes and keeps in the store the comparison of every story that has none
// or has gained (or lost) an article since, the largest first, on `threads`
// threads (0: all cores): the step of `parallax index` after which the
// server shows a story without comparing it. `progress` (may be empty)
// hears the stories done so far and how many there are. Returns how many
// it made.
Result<size_t> StoreComparisons(Store& store, unsigned threads,
                                const std::function<void(size_t done, size_t total)>& progress = {});

}  // namespace parallax

#endif  // PARALLAX_SERVER_H_
