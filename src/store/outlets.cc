// Outlets as the store knows them: the names their articles carry.
#include <algorithm>
#include <string>
#include <vector>

#include "store/internal.h"

namespace parallax {

using store_internal::SqlStatus;
using store_internal::Stmt;

Result<std::vector<OutletSummary>> Store::ListOutlets() const {
  sqlite3* db = impl_->db.get();
  Stmt stmt;
  // Read from the articles_by_outlet index alone.
  int rc = stmt.Prepare(db, R"sql(
    SELECT outlet, count(*), min(nullif(published, '')), max(nullif(published, ''))
    FROM articles WHERE outlet <> '' GROUP BY outlet ORDER BY count(*) DESC, outlet
  )sql");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, impl_->path, "read");
  std::vector<OutletSummary> outlets;
  while ((rc = stmt.Step()) == SQLITE_ROW) {
    OutletSummary o;
    o.name = stmt.String(0);
    o.articles = static_cast<size_t>(stmt.Int(1));
    o.first_published = stmt.String(2);
    o.last_published = stmt.String(3);
    outlets.push_back(std::move(o));
  }
  if (rc != SQLITE_DONE) return SqlStatus(db, rc, impl_->path, "read");
  return outlets;
}

Result<OutletSummary> Store::DescribeOutlet(const std::string& name) const {
  sqlite3* db = impl_->db.get();
  Stmt stmt;
  int rc = stmt.Prepare(db, "SELECT count(*), min(nullif(published, '')), max(nullif(published, '')) "
                            "FROM articles WHERE outlet = ?1");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, impl_->path, "read");
  stmt.BindText(1, name);
  if ((rc = stmt.Step()) != SQLITE_ROW) return SqlStatus(db, rc, impl_->path, "read");
  OutletSummary outlet;
  outlet.name = name;
  outlet.articles = static_cast<size_t>(stmt.Int(0));
  outlet.first_published = stmt.String(1);
  outlet.last_published = stmt.String(2);
  return outlet;
}

Result<std::vector<StoredArticle>> Store::OutletArticles(const std::string& name, size_t limit) const {
  sqlite3* db = impl_->db.get();
  Stmt stmt;
  int rc = stmt.Prepare(db, std::string("SELECT ") + store_internal::kArticleColumns +
                                ", coalesce(m.story_id, 0) FROM articles LEFT JOIN story_members m "
                                "ON m.article = articles.id WHERE articles.outlet = ?1 "
                                "ORDER BY articles.published = '', articles.published DESC, articles.id DESC LIMIT ?2");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, impl_->path, "read");
  stmt.BindText(1, name);
  stmt.BindInt(2, static_cast<int64_t>(std::min<size_t>(limit, 100000)));
  std::vector<StoredArticle> articles;
  while ((rc = stmt.Step()) == SQLITE_ROW) {
    StoredArticle stored;
    Status s = store_internal::ReadArticle(stmt, impl_->path, stored.article);
    if (!s.ok()) return s;
    stored.story = stmt.Int(8);
    articles.push_back(std::move(stored));
  }
  if (rc != SQLITE_DONE) return SqlStatus(db, rc, impl_->path, "read");
  return articles;
}

}  // namespace parallax
