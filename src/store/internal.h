// The store's private toolbox: RAII for SQLite handles and statements, the
// translation of SQLite errors into Status messages a user can act on, and
// the codec between Article and rows. Nothing outside src/store/ includes it.
#ifndef PARALLAX_STORE_INTERNAL_H_
#define PARALLAX_STORE_INTERNAL_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/article.h"
#include "parallax/cluster.h"
#include "parallax/status.h"
#include "parallax/store.h"

namespace parallax::store_internal {

struct CloseDb {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using DbHandle = std::unique_ptr<sqlite3, CloseDb>;

// A prepared statement; Reset() after each use so it can be bound again and
// does not hold a read transaction open.
class Stmt {
 public:
  Stmt() = default;
  Stmt(Stmt&& other) noexcept : stmt_(other.stmt_) { other.stmt_ = nullptr; }
  Stmt& operator=(Stmt&& other) noexcept {
    std::swap(stmt_, other.stmt_);
    return *this;
  }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt() { sqlite3_finalize(stmt_); }

  // SQLite's result code; on success the statement is ready to bind.
  int Prepare(sqlite3* db, std::string_view sql);

  // Text is bound without a copy: the string must outlive the next Step().
  void BindText(int index, std::string_view text) {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
  }
  // An empty blob is bound as one (not as NULL, which a null data() would give).
  void BindBlob(int index, std::string_view bytes) {
    if (bytes.empty()) {
      sqlite3_bind_zeroblob(stmt_, index, 0);
      return;
    }
    sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_STATIC);
  }
  void BindInt(int index, int64_t value) { sqlite3_bind_int64(stmt_, index, value); }
  void BindDouble(int index, double value) { sqlite3_bind_double(stmt_, index, value); }

  int Step() { return sqlite3_step(stmt_); }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
  // Valid until the next Step() or Reset().
  std::string_view Text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p == nullptr ? std::string_view()
                        : std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
  }
  std::string String(int column) const { return std::string(Text(column)); }
  // Valid until the next Step() or Reset().
  std::string_view Blob(int column) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
    return p == nullptr
               ? std::string_view()
               : std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
  }
  double Double(int column) const { return sqlite3_column_double(stmt_, column); }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

// A Status for SQLite's `rc` on `path` while `doing` ("write to", "read"):
// damaged files, a full disk, read-only files and locks each get a message
// that says what to do.
Status SqlStatus(sqlite3* db, int rc, const std::string& path, std::string_view doing);

// Runs SQL without results (one or more statements).
Status Exec(sqlite3* db, const std::string& path, const char* sql, std::string_view doing);

// Brings the schema to the latest version, one transaction per migration.
// `version` is the file's version on return.
Status Migrate(sqlite3* db, const std::string& path, OpenMode mode, int* version);
int LatestVersion();

// Paragraphs <-> JSON array of {"text", "role"[, "why"]}.
std::string EncodeParagraphs(const std::vector<Paragraph>& paragraphs);
bool DecodeParagraphs(std::string_view json, std::vector<Paragraph>& paragraphs);

// The text's length (8 bytes, little-endian), then its deflated bytes
// (zlib `level`); Decompress gives nothing for damaged input.
std::string Compress(std::string_view text, int level = 6);
std::optional<std::string> Decompress(std::string_view packed);

// ContentHash as 16 raw bytes (what the UNIQUE column holds).
std::string ContentHashBytes(const Article& article);

// The clusterer state (cluster_state.cc), written inside the caller's write
// transaction: Write replaces the saved state, Clear removes it.
Status WriteClusterState(sqlite3* db, const std::string& path, const ClusterState& state);
Status ClearClusterState(sqlite3* db, const std::string& path);

// The article columns every reader selects, in this order (ReadArticle).
extern const char kArticleColumns[];
Status ReadArticle(const Stmt& stmt, const std::string& path, Article& article);

// A write transaction of AddArticles' kind (BEGIN IMMEDIATE), for calls that
// store articles together with other rows: Begin, InsertArticles and the
// rest, then Commit; AbandonWrite rolls back and returns `why`.
Status BeginWrite(Store::Impl& im);
Result<AddReport> InsertArticles(Store::Impl& im, const std::vector<Article>& batch);
Status CommitWrite(Store::Impl& im);
Status AbandonWrite(Store::Impl& im, Status why);

}  // namespace parallax::store_internal

namespace parallax {

struct Store::Impl {
  std::string path;
  OpenMode mode = OpenMode::kReadWrite;
  int version = 0;
  store_internal::DbHandle db;
  // AddArticles' statements, prepared on first use and kept: preparing is
  // a good part of the cost of a small insert.
  store_internal::Stmt begin, commit, rollback, insert, find_id, find_hash;
  bool add_prepared = false;
};

}  // namespace parallax

#endif  // PARALLAX_STORE_INTERNAL_H_
