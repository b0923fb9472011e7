// Fetched pages and followed feeds (schema v10): what `parallax fetch`
// remembers between passes.
#include <sqlite3.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parallax/store.h"
#include "store/internal.h"

namespace parallax {

using store_internal::SqlStatus;
using store_internal::Stmt;

namespace {

// Raw pages are many and mostly read never: the fastest zlib level keeps
// them at about a quarter of their size for a third of level 6's time.
constexpr int kPageLevel = 1;

}  // namespace

std::string Store::PackPage(std::string_view raw) { return store_internal::Compress(raw, kPageLevel); }

Result<std::vector<bool>> Store::KnownPages(const std::vector<std::string>& urls) const {
  sqlite3* db = impl_->db.get();
  Stmt stmt;
  int rc = stmt.Prepare(db, "SELECT 1 FROM fetched_pages WHERE url = ?1");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, impl_->path, "read");
  std::vector<bool> known(urls.size(), false);
  for (size_t i = 0; i < urls.size(); ++i) {
    stmt.BindText(1, urls[i]);
    rc = stmt.Step();
    stmt.Reset();
    if (rc == SQLITE_ROW) {
      known[i] = true;
    } else if (rc != SQLITE_DONE) {
      return SqlStatus(db, rc, impl_->path, "read");
    }
  }
  return known;
}

Result<AddReport> Store::AddFetchedPages(const std::vector<FetchedPage>& pages) {
  Impl& im = *impl_;
  sqlite3* db = im.db.get();
  Status begun = store_internal::BeginWrite(im);
  if (!begun.ok()) return begun;
  std::vector<Article> articles;
  for (const FetchedPage& page : pages) {
    if (!page.article.id.empty()) articles.push_back(page.article);
  }
  Result<AddReport> report = store_internal::InsertArticles(im, articles);
  if (!report.ok()) return store_internal::AbandonWrite(im, report.status());
  Stmt insert;
  int rc = insert.Prepare(db,
                          "INSERT OR REPLACE INTO fetched_pages (url, final_url, outlet, found_in, fetched_at, "
                          "http_status, content_type, page, error, article_id) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  if (rc != SQLITE_OK) return store_internal::AbandonWrite(im, SqlStatus(db, rc, im.path, "write to"));
  size_t next_article = 0;
  for (const FetchedPage& page : pages) {
    insert.BindText(1, page.url);
    insert.BindText(2, page.final_url);
    insert.BindText(3, page.outlet);
    insert.BindText(4, page.found_in);
    insert.BindText(5, page.fetched_at);
    insert.BindInt(6, page.http_status);
    insert.BindText(7, page.content_type);
    if (!page.packed_page.empty()) insert.BindBlob(8, page.packed_page);
    std::string error = page.error;
    if (!page.article.id.empty()) {
      // An article the store refused is no article of this page: say why.
      const AddOutcome& outcome = report->outcomes[next_article++];
      if (outcome.kind == AddOutcome::Kind::kFailed) {
        error = "not stored: " + outcome.detail;
      } else {
        insert.BindText(10, page.article.id);
      }
    }
    insert.BindText(9, error);
    rc = insert.Step();
    insert.Reset();
    if (rc != SQLITE_DONE) return store_internal::AbandonWrite(im, SqlStatus(db, rc, im.path, "write to"));
  }
  Status committed = store_internal::CommitWrite(im);
  if (!committed.ok()) return committed;
  return report;
}

Result<std::string> Store::FetchedPageBytes(const std::string& url) const {
  sqlite3* db = impl_->db.get();
  Stmt stmt;
  int rc = stmt.Prepare(db, "SELECT page FROM fetched_pages WHERE url = ?1");
  if (rc == SQLITE_OK) {
    stmt.BindText(1, url);
    rc = stmt.Step();
  }
  if (rc == SQLITE_DONE) return Status::NotFound("no page fetched from " + url);
  if (rc != SQLITE_ROW) return SqlStatus(db, rc, impl_->path, "read");
  if (stmt.Blob(0).empty()) return Status::NotFound("no bytes kept for " + url);
  std::optional<std::string> page = store_internal::Decompress(stmt.Blob(0));
  if (!page) return Status::IoError("the page kept for " + url + " in " + impl_->path + " does not decompress");
  return std::move(*page);
}

Result<std::vector<FeedState>> Store::FeedStates() const {
  sqlite3* db = impl_->db.get();
  Stmt stmt;
  int rc = stmt.Prepare(db,
                        "SELECT url, outlet, kind, etag, last_modified, last_attempt, last_success, last_error, "
                        "last_error_at, items, not_modified, failures FROM feed_state ORDER BY outlet, url");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, impl_->path, "read");
  std::vector<FeedState> states;
  while ((rc = stmt.Step()) == SQLITE_ROW) {
    FeedState s;
    s.url = stmt.String(0);
    s.outlet = stmt.String(1);
    s.kind = stmt.String(2);
    s.etag = stmt.String(3);
    s.last_modified = stmt.String(4);
    s.last_attempt = stmt.String(5);
    s.last_success = stmt.String(6);
    s.last_error = stmt.String(7);
    s.last_error_at = stmt.String(8);
    s.items = stmt.Int(9);
    s.not_modified = stmt.Int(10);
    s.failures = stmt.Int(11);
    states.push_back(std::move(s));
  }
  if (rc != SQLITE_DONE) return SqlStatus(db, rc, impl_->path, "read");
  return states;
}

Status Store::SaveFeedStates(const std::vector<FeedState>& states) {
  Impl& im = *impl_;
  sqlite3* db = im.db.get();
  Status begun = store_internal::BeginWrite(im);
  if (!begun.ok()) return begun;
  Stmt insert;
  int rc = insert.Prepare(db,
                          "INSERT OR REPLACE INTO feed_state (url, outlet, kind, etag, last_modified, last_attempt, "
                          "last_success, last_error, last_error_at, items, not_modified, failures) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  if (rc != SQLITE_OK) return store_internal::AbandonWrite(im, SqlStatus(db, rc, im.path, "write to"));
  for (const FeedState& s : states) {
    insert.BindText(1, s.url);
    insert.BindText(2, s.outlet);
    insert.BindText(3, s.kind);
    insert.BindText(4, s.etag);
    insert.BindText(5, s.last_modified);
    insert.BindText(6, s.last_attempt);
    insert.BindText(7, s.last_success);
    insert.BindText(8, s.last_error);
    insert.BindText(9, s.last_error_at);
    insert.BindInt(10, s.items);
    insert.BindInt(11, s.not_modified);
    insert.BindInt(12, s.failures);
    rc = insert.Step();
    insert.Reset();
    if (rc != SQLITE_DONE) return store_internal::AbandonWrite(im, SqlStatus(db, rc, im.path, "write to"));
  }
  return store_internal::CommitWrite(im);
}

Result<std::vector<FeedDay>> Store::FeedArticlesPerDay(const std::string& url, size_t days) const {
  sqlite3* db = impl_->db.get();
  Stmt stmt;
  int rc = stmt.Prepare(db,
                        "SELECT substr(fetched_at, 1, 10) AS day, count(*) FROM fetched_pages "
                        "WHERE found_in = ?1 AND article_id IS NOT NULL GROUP BY day ORDER BY day DESC LIMIT ?2");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, impl_->path, "read");
  stmt.BindText(1, url);
  stmt.BindInt(2, static_cast<int64_t>(days));
  std::vector<FeedDay> out;
  while ((rc = stmt.Step()) == SQLITE_ROW) out.push_back({stmt.String(0), stmt.Int(1)});
  if (rc != SQLITE_DONE) return SqlStatus(db, rc, impl_->path, "read");
  return out;
}

}  // namespace parallax
