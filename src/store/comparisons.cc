// Kept comparisons (schema v9): a story's page and JSON, zlib-compressed,
// with the signature of the members they were made from.
#include <sqlite3.h>

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/store.h"
#include "store/internal.h"

namespace parallax {

using store_internal::SqlStatus;
using store_internal::Stmt;

namespace {

// The signature of ?1's members: how many, and the sum and largest of
// their row ids (a member added, dropped or swapped changes it).
constexpr const char kSignatureOf[] =
    "(SELECT count(*) || ':' || coalesce(sum(m.article), 0) || ':' || coalesce(max(m.article), 0) "
    "FROM story_members m WHERE m.story_id = %s)";

std::string SignatureSql(const char* story) {
  char sql[256];
  std::snprintf(sql, sizeof sql, kSignatureOf, story);
  return sql;
}

}  // namespace

Result<std::string> Store::StorySignature(int64_t story_id) const {
  sqlite3* db = impl_->db.get();
  Stmt stmt;
  int rc = stmt.Prepare(db, "SELECT " + SignatureSql("?1") + " FROM stories WHERE id = ?1");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, impl_->path, "read");
  stmt.BindInt(1, story_id);
  rc = stmt.Step();
  if (rc == SQLITE_DONE) return Status::NotFound("no story " + std::to_string(story_id) + " in " + impl_->path);
  if (rc != SQLITE_ROW) return SqlStatus(db, rc, impl_->path, "read");
  return stmt.String(0);
}

Result<std::optional<StoredComparison>> Store::ReadComparison(int64_t story_id) const {
  sqlite3* db = impl_->db.get();
  Stmt stmt;
  int rc = stmt.Prepare(db, "SELECT signature, html, json FROM story_comparisons WHERE story_id = ?1");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, impl_->path, "read");
  stmt.BindInt(1, story_id);
  rc = stmt.Step();
  if (rc == SQLITE_DONE) return std::optional<StoredComparison>();
  if (rc != SQLITE_ROW) return SqlStatus(db, rc, impl_->path, "read");
  std::optional<std::string> html = store_internal::Decompress(stmt.Blob(1));
  std::optional<std::string> json = store_internal::Decompress(stmt.Blob(2));
  if (!html || !json) {
    return Status::IoError(impl_->path + " is damaged: the kept comparison of story " + std::to_string(story_id) +
                           " does not decompress ('parallax index' makes it again)");
  }
  return std::optional<StoredComparison>(StoredComparison{stmt.String(0), std::move(*html), std::move(*json)});
}

Status Store::SaveComparison(int64_t story_id, const StoredComparison& comparison) {
  sqlite3* db = impl_->db.get();
  if (impl_->mode == OpenMode::kReadOnly) {
    return Status::Usage("cannot keep comparisons in " + impl_->path + ": it was opened read-only");
  }
  const std::string html = store_internal::Compress(comparison.html);
  const std::string json = store_internal::Compress(comparison.json);
  if (html.empty() || json.empty()) return Status::TooLarge("a comparison too large to compress");
  Stmt stmt;
  int rc = stmt.Prepare(db, "INSERT OR REPLACE INTO story_comparisons VALUES (?1, ?2, ?3, ?4)");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, impl_->path, "write to");
  stmt.BindInt(1, story_id);
  stmt.BindText(2, comparison.signature);
  stmt.BindBlob(3, html);
  stmt.BindBlob(4, json);
  rc = stmt.Step();
  if (rc != SQLITE_DONE) return SqlStatus(db, rc, impl_->path, "write to");
  return Status::Ok();
}

Result<std::vector<int64_t>> Store::StoriesToCompare(size_t limit) const {
  sqlite3* db = impl_->db.get();
  Stmt stmt;
  int rc = stmt.Prepare(db, "SELECT s.id FROM stories s LEFT JOIN story_comparisons c ON c.story_id = s.id "
                            "WHERE c.story_id IS NULL OR c.signature <> " +
                                SignatureSql("s.id") + " ORDER BY s.size DESC, s.id LIMIT ?1");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, impl_->path, "read");
  stmt.BindInt(1, static_cast<int64_t>(std::min<size_t>(limit, INT64_MAX)));
  std::vector<int64_t> ids;
  while ((rc = stmt.Step()) == SQLITE_ROW) ids.push_back(stmt.Int(0));
  if (rc != SQLITE_DONE) return SqlStatus(db, rc, impl_->path, "read");
  return ids;
}

}  // namespace parallax
