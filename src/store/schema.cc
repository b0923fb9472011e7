// The schema, its migrations, and what SQLite's errors mean to a user.
//
// Every schema change is a new entry at the end of kMigrations, never an
// edit of an old one: a file at version N gets migrations N+1.. applied in
// order, each in its own transaction together with its schema_version row,
// so an interrupted upgrade leaves the file at the last complete version.
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

#include <cerrno>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>

#include "store/internal.h"

namespace parallax::store_internal {

namespace {

struct Migration {
  int version;
  const char* sql;
};

// v1: articles, near-duplicate groups, stories.
//
// articles.id is SQLite's rowid (joins and foreign keys); external_id is
// the name users and the other stages know. content_hash is ContentHash's
// 16 bytes. paragraphs is the JSON array of {text, role[, why]}; text is
// the body paragraphs alone, for SQL users and later full-text search.
// Empty strings rather than NULLs: every field of Article is a string.
// stories.id is AUTOINCREMENT: the id users type is never reused for
// another story after a re-clustering deletes one.
constexpr const char kSchemaV1[] = R"sql(
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  external_id TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL DEFAULT '',
  outlet TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  published TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL,
  paragraphs TEXT NOT NULL,
  content_hash BLOB NOT NULL UNIQUE
);
CREATE TABLE duplicate_groups (
  id INTEGER PRIMARY KEY,
  representative INTEGER NOT NULL REFERENCES articles(id)
);
CREATE TABLE duplicate_members (
  group_id INTEGER NOT NULL REFERENCES duplicate_groups(id) ON DELETE CASCADE,
  article INTEGER NOT NULL UNIQUE REFERENCES articles(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (group_id, position)
) WITHOUT ROWID;
CREATE TABLE stories (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  key TEXT NOT NULL UNIQUE,
  headline TEXT NOT NULL DEFAULT '',
  first_published TEXT NOT NULL DEFAULT '',
  last_published TEXT NOT NULL DEFAULT '',
  size INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE story_members (
  story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  article INTEGER NOT NULL UNIQUE REFERENCES articles(id),
  PRIMARY KEY (story_id, article)
) WITHOUT ROWID;
)sql";

// v2: the story clusterer's state (ClusterState in parallax/cluster.h), so
// `parallax cluster --db` adds new articles to the stories without
// recomputing the corpus. It is saved in the transaction that saves the
// stories, so the two never disagree.
//
// Packed little-endian BLOBs rather than a row per term: a state is read and
// written whole, and a row per term would make a 6,000-story state millions
// of rows. cluster_state has one row (none when nothing is saved):
// document_frequencies is (u64 term, u32 articles) pairs sorted by term.
// cluster_stories has a row per story in the clusterer's order (position);
// story is its StoryId, stories.key as decimal text; outlets is (u32 length,
// bytes) each; centroid is (u64 term, f32 weight) pairs sorted by term.
//
// v2 also rebuilds duplicate_members with its key's columns first: SQLite
// 3.40 (Debian 12's) has quick_check, which Open runs, report "NULL value
// in duplicate_members.article" for every row when a WITHOUT ROWID table
// declares a NOT NULL column outside its key before a column of the key,
// so a file with duplicate groups was taken for a damaged one.
constexpr const char kSchemaV2[] = R"sql(
CREATE TABLE duplicate_members_v2 (
  group_id INTEGER NOT NULL REFERENCES duplicate_groups(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  article INTEGER NOT NULL UNIQUE REFERENCES articles(id),
  PRIMARY KEY (group_id, position)
) WITHOUT ROWID;
INSERT INTO duplicate_members_v2 (group_id, position, article)
  SELECT group_id, position, article FROM duplicate_members;
DROP TABLE duplicate_members;
ALTER TABLE duplicate_members_v2 RENAME TO duplicate_members;
CREATE TABLE cluster_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  documents INTEGER NOT NULL,
  document_frequencies BLOB NOT NULL
);
CREATE TABLE cluster_stories (
  position INTEGER PRIMARY KEY,
  story INTEGER NOT NULL,
  size INTEGER NOT NULL,
  first_published INTEGER NOT NULL,
  last_published INTEGER NOT NULL,
  closest REAL NOT NULL,
  outlets BLOB NOT NULL,
  centroid BLOB NOT NULL
);
)sql";

// v3: each saved story's figures (packed little-endian u64 hashes, sorted)
// and weekdays (ArticleTerms' bits), so that a later run refuses the weak
// matches the run that saw the story's articles would refuse. Stories
// saved before get none, which disagrees with nothing: what they did then.
constexpr const char kSchemaV3[] = R"sql(
ALTER TABLE cluster_stories ADD COLUMN figures BLOB NOT NULL DEFAULT x'';
ALTER TABLE cluster_stories ADD COLUMN weekdays INTEGER NOT NULL DEFAULT 0;
)sql";

// v4: each story's number of distinct outlets, kept with its size, and
// indexes for the two orders stories are listed in (largest first; most
// outlets, then most recent), so that a page of a long list is read from an
// index instead of sorting every story.
constexpr const char kSchemaV4[] = R"sql(
ALTER TABLE stories ADD COLUMN outlets INTEGER NOT NULL DEFAULT 0;
UPDATE stories SET outlets = (SELECT count(DISTINCT a.outlet) FROM story_members m
  JOIN articles a ON a.id = m.article WHERE m.story_id = stories.id AND a.outlet <> '');
CREATE INDEX stories_by_size ON stories(size DESC, id);
CREATE INDEX stories_by_coverage ON stories(outlets DESC, last_published DESC, id);
)sql";

// v5: full-text search over titles and texts (SQLite FTS5, an index of
// the articles table that holds no copy of the text), filled by
// Store::UpdateSearchIndex up to search_state.indexed_up_to: indexing on
// every insert would halve ingest's speed, so it is a step of its own.
constexpr const char kSchemaV5[] = R"sql(
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2');
CREATE TABLE search_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  indexed_up_to INTEGER NOT NULL
);
INSERT INTO search_state VALUES (1, 0);
)sql";

// v6: articles by outlet and time, for an outlet's page (its latest
// articles) and the list of outlets, which the index answers alone.
constexpr const char kSchemaV6[] = R"sql(
CREATE INDEX articles_by_outlet ON articles(outlet, published);
)sql";

// v7: what each article says, for lists and exports that cannot analyse
// thousands of articles per request: its quotes (the speaker as named, ''
// when unknown) and its loaded wording, filled by IndexStore up to
// digest_state.digested_up_to (articles never change once stored).
constexpr const char kSchemaV7[] = R"sql(
CREATE TABLE article_quotes (
  article INTEGER NOT NULL REFERENCES articles(id),
  n INTEGER NOT NULL,
  speaker TEXT NOT NULL,
  kind TEXT NOT NULL,
  paragraph INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (article, n)
) WITHOUT ROWID;
CREATE TABLE article_wording (
  article INTEGER NOT NULL REFERENCES articles(id),
  n INTEGER NOT NULL,
  entry TEXT NOT NULL,
  category TEXT NOT NULL,
  term TEXT NOT NULL,
  in_quote INTEGER NOT NULL,
  PRIMARY KEY (article, n)
) WITHOUT ROWID;
CREATE TABLE digest_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  digested_up_to INTEGER NOT NULL
);
INSERT INTO digest_state VALUES (1, 0);
)sql";

// v8: each story's outlets by name (distinct, sorted, joined by U+001F),
// kept in its row like their number, and its most-heard voices as IndexStore
// last summed them (for a story of `size` articles: a story that changed
// size since is summed again when read), so that a page of 50 large stories
// reads 50 rows instead of every member article and quote.
constexpr const char kSchemaV8[] = R"sql(
CREATE TABLE story_voices (
  story_id INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
  size INTEGER NOT NULL,
  voices TEXT NOT NULL
);
-- The digests the voices were last summed from: stories with a member
-- digested since are summed again.
CREATE TABLE voices_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  digested_up_to INTEGER NOT NULL
);
INSERT INTO voices_state VALUES (1, 0);
ALTER TABLE stories ADD COLUMN outlet_names TEXT NOT NULL DEFAULT '';
-- The list's orders, now with the story's times in the index, so that a
-- page of a day's stories and its count read the index, not the rows.
DROP INDEX stories_by_size;
DROP INDEX stories_by_coverage;
CREATE INDEX stories_by_size ON stories(size DESC, id, first_published, last_published);
CREATE INDEX stories_by_coverage ON stories(outlets DESC, last_published DESC, id, first_published);
CREATE INDEX stories_by_time ON stories(last_published, first_published);
UPDATE stories SET outlet_names = coalesce((SELECT group_concat(outlet, char(31)) FROM (
  SELECT DISTINCT a.outlet AS outlet FROM story_members m JOIN articles a ON a.id = m.article
  WHERE m.story_id = stories.id AND a.outlet <> '' ORDER BY a.outlet)), '');
)sql";

// v9: each story's comparison as the web app shows it (its page and its
// JSON, zlib-compressed), with the signature of the members it was made
// from (StorySignature): made by `parallax index`, so that the server,
// which only reads, serves a story without comparing it again.
constexpr const char kSchemaV9[] = R"sql(
CREATE TABLE story_comparisons (
  story_id INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
  signature TEXT NOT NULL,
  html BLOB NOT NULL,
  json BLOB NOT NULL
);
)sql";

// v10: following outlets. fetched_pages keeps every page `parallax fetch`
// got an answer for (so it is fetched once), with its raw bytes packed;
// feed_state keeps each feed's validators and health between passes.
constexpr const char kSchemaV10[] = R"sql(
CREATE TABLE fetched_pages (
  url TEXT PRIMARY KEY,
  final_url TEXT NOT NULL,
  outlet TEXT NOT NULL,
  found_in TEXT NOT NULL,
  fetched_at TEXT NOT NULL,
  http_status INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  page BLOB,
  error TEXT NOT NULL,
  article_id TEXT
);
CREATE INDEX fetched_pages_by_feed ON fetched_pages(found_in, fetched_at);
CREATE TABLE feed_state (
  url TEXT PRIMARY KEY,
  outlet TEXT NOT NULL,
  kind TEXT NOT NULL,
  etag TEXT NOT NULL,
  last_modified TEXT NOT NULL,
  last_attempt TEXT NOT NULL,
  last_success TEXT NOT NULL,
  last_error TEXT NOT NULL,
  last_error_at TEXT NOT NULL,
  items INTEGER NOT NULL,
  not_modified INTEGER NOT NULL,
  failures INTEGER NOT NULL
);
)sql";

constexpr Migration kMigrations[] = {
    {1, kSchemaV1},
    {2, kSchemaV2},
    {3, kSchemaV3},
    {4, kSchemaV4},
    {5, kSchemaV5},
    {6, kSchemaV6},
    {7, kSchemaV7},
    {8, kSchemaV8},
    {9, kSchemaV9},
    {10, kSchemaV10},
};

Result<int> ReadVersion(sqlite3* db, const std::string& path) {
  // Reading sqlite_master is what detects a file that is not a database, or
  // whose first page is damaged.
  Stmt tables;
  int rc = tables.Prepare(db,
                          "SELECT count(*), sum(name = 'schema_version') FROM sqlite_master "
                          "WHERE type = 'table'");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, path, "read");
  rc = tables.Step();
  if (rc != SQLITE_ROW) return SqlStatus(db, rc, path, "read");
  const int64_t table_count = tables.Int(0);
  const bool has_version_table = tables.Int(1) > 0;
  if (!has_version_table) {
    if (table_count > 0) {
      return Status::InvalidInput(path + " is an SQLite database, but not parallax's (it has " +
                                  std::to_string(table_count) +
                                  " tables and no schema_version); give --db another file");
    }
    return 0;
  }
  Stmt version;
  rc = version.Prepare(db, "SELECT coalesce(max(version), 0) FROM schema_version");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, path, "read");
  rc = version.Step();
  if (rc != SQLITE_ROW) return SqlStatus(db, rc, path, "read");
  return static_cast<int>(version.Int(0));
}

// SQLite reports a failed write as a plain I/O error, and its errno is often
// overwritten by the time the error reaches us; the two common causes can
// be seen from outside: a file at the size limit, or no free space.
std::string WriteFailureCause(const std::string& path, int system_errno) {
  if (system_errno == ENOSPC) return "the disk is full";
  if (system_errno == EFBIG) return "the file size limit (ulimit -f) was reached";
  struct rlimit limit;
  if (::getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
    // A failed write leaves the file (the database or its log) within one
    // page of the limit.
    constexpr off_t kSlack = off_t{1} << 20;
    for (const std::string& file : {path, path + "-wal", path + "-journal"}) {
      struct stat st;
      if (::stat(file.c_str(), &st) == 0 &&
          st.st_size + kSlack >= static_cast<off_t>(limit.rlim_cur)) {
        return "the file size limit (ulimit -f) was reached";
      }
    }
  }
  const size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash + 1);
  struct statvfs fs;
  if (::statvfs(dir.c_str(), &fs) == 0 &&
      static_cast<unsigned long long>(fs.f_bavail) * fs.f_frsize < (1ull << 20)) {
    return "the disk is full";
  }
  return {};
}

}  // namespace

int LatestVersion() { return kMigrations[std::size(kMigrations) - 1].version; }

int Stmt::Prepare(sqlite3* db, std::string_view sql) {
  sqlite3_finalize(stmt_);
  stmt_ = nullptr;
  return sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                            &stmt_, nullptr);
}

Status SqlStatus(sqlite3* db, int rc, const std::string& path, std::string_view doing) {
  const std::string sqlite_says = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  const int system_errno = db != nullptr ? sqlite3_system_errno(db) : 0;
  std::string why = sqlite_says;
  if (system_errno != 0 && (rc & 0xFF) != SQLITE_CORRUPT && (rc & 0xFF) != SQLITE_NOTADB) {
    why += ": " + std::string(std::strerror(system_errno));
  }
  switch (rc & 0xFF) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return Status::InvalidInput(path + " is damaged or not a parallax database (" + why +
                                  "); restore a copy, or ingest into a new file");
    case SQLITE_FULL: {
      // SQLITE_FULL is also what a short write past the file size limit gives.
      const std::string cause = WriteFailureCause(path, system_errno);
      return Status::IoError("cannot " + std::string(doing) + " " + path + ": " +
                             (cause.empty() ? "the disk is full" : cause) + " (" + why + ")");
    }
    case SQLITE_IOERR: {
      const std::string cause = WriteFailureCause(path, system_errno);
      return Status::IoError("cannot " + std::string(doing) + " " + path + ": " +
                             (cause.empty() ? why : cause + " (" + why + ")"));
    }
    case SQLITE_READONLY:
      return Status::IoError("cannot " + std::string(doing) + " " + path +
                             ": it is read-only (" + why + ")");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::IoError(path + " is in use by another process (waited 5 s): " + why);
    case SQLITE_CANTOPEN:
      return Status::IoError("cannot open " + path + ": " + why);
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return Status::IoError("not allowed to " + std::string(doing) + " " + path + ": " + why);
    case SQLITE_NOMEM:
      return Status::TooLarge("not enough memory to " + std::string(doing) + " " + path);
    default:
      return Status::IoError("cannot " + std::string(doing) + " " + path + ": " + why);
  }
}

Status Exec(sqlite3* db, const std::string& path, const char* sql, std::string_view doing) {
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  return rc == SQLITE_OK ? Status::Ok() : SqlStatus(db, rc, path, doing);
}

Status Migrate(sqlite3* db, const std::string& path, OpenMode mode, int* version) {
  Result<int> current = ReadVersion(db, path);
  if (!current.ok()) return current.status();
  *version = *current;
  if (*version > LatestVersion()) {
    return Status::InvalidInput(path + " was written by a newer parallax (schema version " +
                                std::to_string(*version) + "; this one knows up to " +
                                std::to_string(LatestVersion()) + ")");
  }
  if (*version == LatestVersion()) return Status::Ok();
  if (mode == OpenMode::kReadOnly) {
    if (*version == 0) {
      return Status::InvalidInput(path + " holds no parallax data yet (an empty file); "
                                  "fill it with 'parallax ingest --db " + path + " INPUT...'");
    }
    return Status::InvalidInput(path + " has schema version " + std::to_string(*version) +
                                "; run 'parallax ingest --db " + path +
                                "' once (with no inputs) to upgrade it to " +
                                std::to_string(LatestVersion()));
  }
  for (const Migration& m : kMigrations) {
    if (m.version <= *version) continue;
    // IMMEDIATE: take the write lock first, so two processes creating one
    // file do not both run a migration.
    Status s = Exec(db, path, "BEGIN IMMEDIATE", "write to");
    if (!s.ok()) return s;
    // Another process may have migrated while we waited for the lock.
    Result<int> now = ReadVersion(db, path);
    if (!now.ok() || *now >= m.version) {
      Exec(db, path, "ROLLBACK", "write to");
      if (!now.ok()) return now.status();
      *version = *now;
      continue;
    }
    s = Exec(db, path,
             "CREATE TABLE IF NOT EXISTS schema_version ("
             "  version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)",
             "write to");
    if (s.ok()) s = Exec(db, path, m.sql, "write to");
    if (s.ok()) {
      const std::string row = "INSERT INTO schema_version (version, applied_at) VALUES (" +
                              std::to_string(m.version) + ", datetime('now'))";
      s = Exec(db, path, row.c_str(), "write to");
    }
    if (s.ok()) s = Exec(db, path, "COMMIT", "write to");
    if (!s.ok()) {
      Exec(db, path, "ROLLBACK", "write to");
      return s;
    }
    *version = m.version;
  }
  return Status::Ok();
}

}  // namespace parallax::store_internal
