// Full-text search over the stored articles (SQLite FTS5).
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "store/internal.h"

namespace parallax {

using store_internal::Exec;
using store_internal::SqlStatus;
using store_internal::Stmt;

namespace {

// Articles indexed per transaction: a crash loses at most one batch of
// index work, and a reader is never kept waiting long.
constexpr int64_t kIndexBatch = 20000;

// The user's words as an FTS5 query: every run of letters or digits in
// double quotes, all required. Quoting makes every word a plain term, so
// no input can be FTS5 syntax (NEAR, column filters, a stray quote).
std::string MatchExpression(const std::string& text) {
  std::string expression, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!expression.empty()) expression += ' ';
    expression += '"' + word + '"';
    word.clear();
  };
  for (const char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      word += c;
    } else {
      flush();
    }
  }
  flush();
  return expression;
}

}  // namespace

Result<size_t> Store::UpdateSearchIndex() {
  sqlite3* db = impl_->db.get();
  if (impl_->mode == OpenMode::kReadOnly) {
    return Status::Usage("cannot index " + impl_->path + " for search: it was opened read-only");
  }
  size_t added = 0;
  for (;;) {
    Status s = Exec(db, impl_->path, "BEGIN IMMEDIATE", "write to");
    if (!s.ok()) return s;
    Stmt step;
    int rc = step.Prepare(db, R"sql(
      INSERT INTO articles_fts (rowid, title, text)
        SELECT id, title, text FROM articles
        WHERE id > (SELECT indexed_up_to FROM search_state) ORDER BY id LIMIT ?1
    )sql");
    if (rc == SQLITE_OK) {
      step.BindInt(1, kIndexBatch);
      rc = step.Step();
    }
    const int64_t changed = rc == SQLITE_DONE ? sqlite3_changes64(db) : 0;
    if (rc == SQLITE_DONE) {
      rc = sqlite3_exec(db,
                        "UPDATE search_state SET indexed_up_to = "
                        "(SELECT coalesce(max(rowid), 0) FROM articles_fts)",
                        nullptr, nullptr, nullptr);
      if (rc == SQLITE_OK) rc = SQLITE_DONE;
    }
    if (rc != SQLITE_DONE) {
      const Status error = SqlStatus(db, rc, impl_->path, "write to");
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      return error;
    }
    s = Exec(db, impl_->path, "COMMIT", "write to");
    if (!s.ok()) return s;
    added += static_cast<size_t>(changed);
    if (changed < kIndexBatch) return added;
  }
}

Result<size_t> Store::UnsearchableArticles() const {
  sqlite3* db = impl_->db.get();
  Stmt stmt;
  int rc = stmt.Prepare(db, "SELECT count(*) FROM articles WHERE id > (SELECT indexed_up_to FROM search_state)");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, impl_->path, "read");
  if ((rc = stmt.Step()) != SQLITE_ROW) return SqlStatus(db, rc, impl_->path, "read");
  return static_cast<size_t>(stmt.Int(0));
}

Result<std::vector<SearchHit>> Store::Search(const SearchQuery& query) const {
  std::vector<SearchHit> hits;
  const std::string match = MatchExpression(query.text);
  if (match.empty()) return hits;
  sqlite3* db = impl_->db.get();
  std::string sql = R"sql(
    SELECT a.external_id, a.outlet, a.title, a.published, a.url, coalesce(m.story_id, 0),
      snippet(articles_fts, 1, char(1), char(2), '…', 16)
    FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
    LEFT JOIN story_members m ON m.article = a.id
    WHERE articles_fts MATCH ?1 AND (?2 = '' OR a.published >= ?2) AND (?3 = '' OR (a.published <> '' AND a.published < ?3))
  )sql";
  if (!query.outlets.empty()) {
    sql += " AND a.outlet IN (";
    for (size_t i = 0; i < query.outlets.size(); ++i) sql += (i == 0 ? "?" : ", ?") + std::to_string(5 + i);
    sql += ")";
  }
  sql += " ORDER BY rank LIMIT ?4";
  Stmt stmt;
  int rc = stmt.Prepare(db, sql);
  if (rc != SQLITE_OK) return SqlStatus(db, rc, impl_->path, "read");
  stmt.BindText(1, match);
  stmt.BindText(2, query.from);
  stmt.BindText(3, query.to);
  stmt.BindInt(4, static_cast<int64_t>(std::min<size_t>(query.limit, 10000)));
  for (size_t i = 0; i < query.outlets.size(); ++i) stmt.BindText(static_cast<int>(5 + i), query.outlets[i]);
  while ((rc = stmt.Step()) == SQLITE_ROW) {
    SearchHit hit;
    hit.article_id = stmt.String(0);
    hit.outlet = stmt.String(1);
    hit.title = stmt.String(2);
    hit.published = stmt.String(3);
    hit.url = stmt.String(4);
    hit.story = stmt.Int(5);
    hit.snippet = stmt.String(6);
    hits.push_back(std::move(hit));
  }
  if (rc != SQLITE_DONE) return SqlStatus(db, rc, impl_->path, "read");
  return hits;
}

}  // namespace parallax
