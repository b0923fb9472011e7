// Article digests (their quotes and loaded wording, schema v7) and the
// reads behind exports.
#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "parallax/store.h"
#include "store/internal.h"

namespace parallax {

using store_internal::Exec;
using store_internal::SqlStatus;
using store_internal::Stmt;

namespace {

// Articles read, digested and committed at a time: one commit per batch
// keeps an interrupted run's work, and a batch is what the digest callback
// may spread over threads.
constexpr int64_t kDigestBatch = 512;

// The story and window an export reads, as SQL over the articles table
// (named `articles`) and story_members (alias m): ?1 story (0: any),
// ?2 from, ?3 to; then its order.
constexpr const char kExportWhere[] =
    " WHERE (?1 = 0 OR m.story_id = ?1) AND (?2 = '' OR articles.published >= ?2)"
    " AND (?3 = '' OR (articles.published <> '' AND articles.published < ?3))"
    " ORDER BY articles.published = '', articles.published, articles.id";

void BindExport(Stmt& stmt, const ExportQuery& query) {
  stmt.BindInt(1, query.story);
  stmt.BindText(2, query.from);
  stmt.BindText(3, query.to);
}

}  // namespace

Result<size_t> Store::UpdateDigests(const DigestBatch& digest) {
  sqlite3* db = impl_->db.get();
  if (impl_->mode == OpenMode::kReadOnly) {
    return Status::Usage("cannot digest the articles of " + impl_->path + ": it was opened read-only");
  }
  size_t done = 0;
  for (;;) {
    // Read a batch outside the write transaction, so that readers (and the
    // digest, which takes the time) never wait on it.
    std::vector<Article> articles;
    std::vector<int64_t> rowids;
    {
      Stmt read;
      int rc = read.Prepare(db, std::string("SELECT ") + store_internal::kArticleColumns +
                                    ", articles.id FROM articles WHERE articles.id > "
                                    "(SELECT digested_up_to FROM digest_state) ORDER BY articles.id LIMIT ?1");
      if (rc != SQLITE_OK) return SqlStatus(db, rc, impl_->path, "read");
      read.BindInt(1, kDigestBatch);
      while ((rc = read.Step()) == SQLITE_ROW) {
        Article a;
        if (Status s = store_internal::ReadArticle(read, impl_->path, a); !s.ok()) return s;
        articles.push_back(std::move(a));
        rowids.push_back(read.Int(8));
      }
      if (rc != SQLITE_DONE) return SqlStatus(db, rc, impl_->path, "read");
    }
    if (articles.empty()) return done;
    const std::vector<ArticleDigest> digests = digest(articles);
    if (digests.size() != articles.size()) return Status::Usage("UpdateDigests: the digest callback must return one digest per article");

    if (Status s = Exec(db, impl_->path, "BEGIN IMMEDIATE", "write to"); !s.ok()) return s;
    Stmt quote, wording, state;
    int rc = quote.Prepare(db, "INSERT OR REPLACE INTO article_quotes VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (rc == SQLITE_OK) rc = wording.Prepare(db, "INSERT OR REPLACE INTO article_wording VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (rc == SQLITE_OK) rc = state.Prepare(db, "UPDATE digest_state SET digested_up_to = ?1");
    for (size_t i = 0; rc == SQLITE_OK && i < articles.size(); ++i) {
      for (size_t n = 0; rc == SQLITE_OK && n < digests[i].quotes.size(); ++n) {
        const ArticleDigest::QuoteLine& q = digests[i].quotes[n];
        quote.BindInt(1, rowids[i]);
        quote.BindInt(2, static_cast<int64_t>(n));
        quote.BindText(3, q.speaker);
        quote.BindText(4, q.kind);
        quote.BindInt(5, q.paragraph);
        quote.BindText(6, q.text);
        rc = quote.Step() == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
        quote.Reset();
      }
      for (size_t n = 0; rc == SQLITE_OK && n < digests[i].wording.size(); ++n) {
        const ArticleDigest::WordingLine& w = digests[i].wording[n];
        wording.BindInt(1, rowids[i]);
        wording.BindInt(2, static_cast<int64_t>(n));
        wording.BindText(3, w.entry);
        wording.BindText(4, w.category);
        wording.BindText(5, w.term);
        wording.BindInt(6, w.in_quote ? 1 : 0);
        rc = wording.Step() == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
        wording.Reset();
      }
    }
    if (rc == SQLITE_OK) {
      state.BindInt(1, rowids.back());
      rc = state.Step() == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
    }
    if (rc != SQLITE_OK) {
      const Status error = SqlStatus(db, rc, impl_->path, "write to");
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      return error;
    }
    if (Status s = Exec(db, impl_->path, "COMMIT", "write to"); !s.ok()) return s;
    done += articles.size();
    if (static_cast<int64_t>(articles.size()) < kDigestBatch) return done;
  }
}

Result<size_t> Store::UndigestedArticles() const {
  sqlite3* db = impl_->db.get();
  Stmt stmt;
  int rc = stmt.Prepare(db, "SELECT count(*) FROM articles WHERE id > (SELECT digested_up_to FROM digest_state)");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, impl_->path, "read");
  if ((rc = stmt.Step()) != SQLITE_ROW) return SqlStatus(db, rc, impl_->path, "read");
  return static_cast<size_t>(stmt.Int(0));
}

Status Store::ForEachExportArticle(const ExportQuery& query,
                                   const std::function<bool(const StoredArticle&)>& visit) const {
  sqlite3* db = impl_->db.get();
  Stmt stmt;
  int rc = stmt.Prepare(db, std::string("SELECT ") + store_internal::kArticleColumns +
                                ", coalesce(m.story_id, 0) FROM articles "
                                "LEFT JOIN story_members m ON m.article = articles.id" +
                                kExportWhere);
  if (rc != SQLITE_OK) return SqlStatus(db, rc, impl_->path, "read");
  BindExport(stmt, query);
  while ((rc = stmt.Step()) == SQLITE_ROW) {
    StoredArticle stored;
    if (Status s = store_internal::ReadArticle(stmt, impl_->path, stored.article); !s.ok()) return s;
    stored.story = stmt.Int(8);
    if (!visit(stored)) return Status::Ok();
  }
  if (rc != SQLITE_DONE) return SqlStatus(db, rc, impl_->path, "read");
  return Status::Ok();
}

Status Store::ForEachQuote(const ExportQuery& query, const std::function<bool(const QuoteRecord&)>& visit) const {
  sqlite3* db = impl_->db.get();
  Stmt stmt;
  int rc = stmt.Prepare(db, std::string("SELECT coalesce(m.story_id, 0), articles.external_id, articles.outlet, "
                                        "articles.published, q.speaker, q.kind, q.paragraph, q.text "
                                        "FROM article_quotes q JOIN articles ON articles.id = q.article "
                                        "LEFT JOIN story_members m ON m.article = articles.id") +
                                kExportWhere + ", q.n");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, impl_->path, "read");
  BindExport(stmt, query);
  while ((rc = stmt.Step()) == SQLITE_ROW) {
    QuoteRecord record;
    record.story = stmt.Int(0);
    record.article_id = stmt.String(1);
    record.outlet = stmt.String(2);
    record.published = stmt.String(3);
    record.quote.speaker = stmt.String(4);
    record.quote.kind = stmt.String(5);
    record.quote.paragraph = static_cast<uint32_t>(stmt.Int(6));
    record.quote.text = stmt.String(7);
    if (!visit(record)) return Status::Ok();
  }
  if (rc != SQLITE_DONE) return SqlStatus(db, rc, impl_->path, "read");
  return Status::Ok();
}

}  // namespace parallax
