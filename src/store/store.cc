// Opening the store, and the articles: add (in batches), count, read back.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "parallax/text.h"
#include "store/internal.h"

namespace parallax {

using store_internal::Exec;
using store_internal::SqlStatus;
using store_internal::Stmt;

namespace {

// How long a writer waits for another process's transaction to end.
constexpr int kBusyTimeoutMs = 5000;

// Open reads every page of files up to this size (PRAGMA quick_check, about
// 30 ms for 64 MB from the page cache), so damage is reported before any
// work starts; in larger files it is found when the damaged page is read.
constexpr off_t kCheckOnOpenBytes = off_t{64} << 20;

std::string DirectoryOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

// SQLite quietly opens a file it may not write read-only, and only fails at
// the first write, deep inside an ingest; checking first names the cause.
// (As root these checks pass, and SQLite's own errors remain.)
Status CheckWritable(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return Status::Usage(path + " is a directory; --db takes a file");
    if (::access(path.c_str(), W_OK) != 0) {
      return Status::IoError("cannot write to " + path + ": it is read-only (" +
                             std::strerror(errno) + ")");
    }
  }
  // The write-ahead log (PATH-wal, PATH-shm) lives beside the file.
  const std::string dir = DirectoryOf(path);
  if (::access(dir.c_str(), W_OK) != 0) {
    const int err = errno;
    if (err == ENOENT) return Status::NotFound("cannot create " + path + ": no directory " + dir);
    return Status::IoError("cannot write in the directory " + dir + ", where " + path +
                           " keeps its write-ahead log (" + std::strerror(err) + ")");
  }
  return Status::Ok();
}

// Text that is not UTF-8 would be stored, but could not be read back as
// the JSON of the paragraphs; refusing it names the article and the byte.
std::string InvalidUtf8(const Article& a) {
  for (const std::string* field : {&a.id, &a.outlet, &a.title, &a.url, &a.published}) {
    const size_t bad = FindInvalidUtf8(*field);
    if (bad != std::string::npos) return "a field is not valid UTF-8 (byte " + std::to_string(bad) + ")";
  }
  for (size_t i = 0; i < a.paragraphs.size(); ++i) {
    const size_t bad = FindInvalidUtf8(a.paragraphs[i].text);
    if (bad != std::string::npos) {
      return "text is not valid UTF-8 (paragraph " + std::to_string(i + 1) + ", byte " +
             std::to_string(bad) + ")";
    }
  }
  return {};
}

// False when a read-only connection cannot read because the file is in WAL
// mode and the -shm index can be neither opened nor created.
bool CanReadWal(sqlite3* db) {
  const int rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
  const int primary = rc & 0xFF;
  return primary != SQLITE_READONLY && primary != SQLITE_CANTOPEN;
}

// file:PATH?immutable=1, with the characters a URI gives meaning escaped.
std::string ImmutableUri(const std::string& path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = "file:";
  for (const char c : path) {
    if (c == '%' || c == '?' || c == '#' || static_cast<unsigned char>(c) < 0x20) {
      uri += '%';
      uri += kHex[static_cast<unsigned char>(c) >> 4];
      uri += kHex[static_cast<unsigned char>(c) & 0xF];
    } else {
      uri += c;
    }
  }
  return uri + "?immutable=1";
}

bool IsBlank(const std::string& s) {
  return s.find_first_not_of(" \t\r\n\f\v") == std::string::npos;
}

bool HasText(const Article& a) {
  for (const Paragraph& p : a.paragraphs) {
    if (!p.text.empty()) return true;
  }
  return false;
}

}  // namespace

int Store::LatestSchemaVersion() { return store_internal::LatestVersion(); }

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&& other) noexcept = default;
Store& Store::operator=(Store&& other) noexcept = default;
Store::~Store() = default;

const std::string& Store::path() const { return impl_->path; }
int Store::schema_version() const { return impl_->version; }

Result<Store> Store::Open(const std::string& path, OpenMode mode) {
  if (path.empty()) return Status::Usage("the database path is empty");
  int flags = SQLITE_OPEN_NOMUTEX;
  if (mode == OpenMode::kReadOnly) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      return Status::NotFound("no database " + path + " (create it with 'parallax ingest --db " +
                              path + " INPUT...')");
    }
    flags |= SQLITE_OPEN_READONLY;
  } else {
    Status writable = CheckWritable(path);
    if (!writable.ok()) return writable;
    flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  }
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  store_internal::DbHandle db(raw);  // closes even a failed open's handle
  if (rc != SQLITE_OK) return SqlStatus(raw, rc, path, "open");
  if (mode == OpenMode::kReadOnly && !CanReadWal(raw)) {
    // Reading a WAL file needs its -shm index, which a reader who may not
    // write in the directory cannot create. With no -wal file there is no
    // writer and nothing uncommitted, so the file can be read as it is.
    struct stat st;
    if (::stat((path + "-wal").c_str(), &st) == 0) {
      return Status::IoError("cannot read " + path + " while it is being written: reading needs " +
                             "permission to write in its directory");
    }
    db.reset();
    rc = sqlite3_open_v2(ImmutableUri(path).c_str(), &raw, flags | SQLITE_OPEN_URI, nullptr);
    db.reset(raw);
    if (rc != SQLITE_OK) return SqlStatus(raw, rc, path, "open");
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);

  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->mode = mode;
  if (mode == OpenMode::kReadWrite) {
    if (sqlite3_db_readonly(raw, "main") == 1) {
      return Status::IoError("cannot write to " + path + ": it is read-only");
    }
    // Set before the first table exists (ignored after): an article row is
    // a few KB, and 16 KB pages keep most rows out of overflow chains.
    Status page = Exec(raw, path, "PRAGMA page_size = 16384; PRAGMA cache_size = -32768", "open");
    if (!page.ok()) return page;
    // WAL: readers (stories, compare) never block the writer, and a commit
    // is one append to the log. NORMAL: no fsync per commit; still atomic,
    // which is what a killed ingest needs.
    Stmt wal;
    int wrc = wal.Prepare(raw, "PRAGMA journal_mode = WAL");
    if (wrc == SQLITE_OK) wrc = wal.Step();
    if (wrc != SQLITE_ROW) return SqlStatus(raw, wrc, path, "open");
    if (wal.Text(0) != "wal") {
      return Status::IoError("cannot switch " + path + " to write-ahead logging (journal mode " +
                             wal.String(0) + ")");
    }
    Status s = Exec(raw, path, "PRAGMA synchronous = NORMAL", "open");
    if (!s.ok()) return s;
  }
  if (mode == OpenMode::kReadOnly) {
    // A reader (a web app's worker, say) walks the same indexes request
    // after request: 4 MB of pages spare it most reads from the OS (16
    // workers: 64 MB at most).
    Status cache = Exec(raw, path, "PRAGMA cache_size = -4096", "open");
    if (!cache.ok()) return cache;
  }
  Status s = Exec(raw, path, "PRAGMA foreign_keys = ON", "open");
  if (!s.ok()) return s;
  s = store_internal::Migrate(raw, path, mode, &impl->version);
  if (!s.ok()) return s;
  impl->db = std::move(db);
  Store store(std::move(impl));
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && st.st_size <= kCheckOnOpenBytes) {
    s = store.CheckIntegrity();
    if (!s.ok()) return s;
  }
  return store;
}

namespace store_internal {

Status PrepareAdd(Store::Impl& im) {
  if (im.add_prepared) return Status::Ok();
  sqlite3* db = im.db.get();
  const std::pair<Stmt*, const char*> statements[] = {
      {&im.begin, "BEGIN IMMEDIATE"},
      {&im.commit, "COMMIT"},
      {&im.rollback, "ROLLBACK"},
      {&im.insert,
       "INSERT INTO articles (external_id, source, outlet, url, title, published, language, "
       "text, paragraphs, content_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
       "ON CONFLICT DO NOTHING"},
      {&im.find_id, "SELECT 1 FROM articles WHERE external_id = ?1"},
      {&im.find_hash, "SELECT external_id FROM articles WHERE content_hash = ?1"},
  };
  for (const auto& [stmt, sql] : statements) {
    const int rc = stmt->Prepare(db, sql);
    if (rc != SQLITE_OK) return SqlStatus(db, rc, im.path, "write to");
  }
  im.add_prepared = true;
  return Status::Ok();
}

Status BeginWrite(Store::Impl& im) {
  if (im.mode == OpenMode::kReadOnly) {
    return Status::Usage("cannot write to " + im.path + ": it was opened read-only");
  }
  Status prepared = PrepareAdd(im);
  if (!prepared.ok()) return prepared;
  const int rc = im.begin.Step();
  im.begin.Reset();
  if (rc != SQLITE_DONE) return SqlStatus(im.db.get(), rc, im.path, "write to");
  return Status::Ok();
}

Status CommitWrite(Store::Impl& im) {
  const int rc = im.commit.Step();
  im.commit.Reset();
  if (rc != SQLITE_DONE) return AbandonWrite(im, SqlStatus(im.db.get(), rc, im.path, "write to"));
  return Status::Ok();
}

Status AbandonWrite(Store::Impl& im, Status why) {
  if (!sqlite3_get_autocommit(im.db.get())) {
    im.rollback.Step();
    im.rollback.Reset();
  }
  return why;
}

Result<AddReport> InsertArticles(Store::Impl& im, const std::vector<Article>& batch) {
  sqlite3* db = im.db.get();
  auto fail = [&](int rc) -> Status { return SqlStatus(db, rc, im.path, "write to"); };
  int rc = SQLITE_OK;
  AddReport report;
  report.outcomes.resize(batch.size());
  std::string text, paragraphs, hash;
  for (size_t i = 0; i < batch.size(); ++i) {
    const Article& a = batch[i];
    AddOutcome& outcome = report.outcomes[i];
    std::string problem;
    if (a.id.empty()) {
      problem = "no id";
    } else if (!HasText(a) && IsBlank(a.title)) {
      problem = "no text and no title";
    } else {
      problem = InvalidUtf8(a);
    }
    if (!problem.empty()) {
      outcome.kind = AddOutcome::Kind::kFailed;
      outcome.detail = std::move(problem);
      ++report.counts.failed;
      continue;
    }
    text = BodyText(a.paragraphs);
    paragraphs = store_internal::EncodeParagraphs(a.paragraphs);
    hash = store_internal::ContentHashBytes(a);
    Stmt& ins = im.insert;
    ins.BindText(1, a.id);
    ins.BindText(2, a.source);
    ins.BindText(3, a.outlet);
    ins.BindText(4, a.url);
    ins.BindText(5, a.title);
    ins.BindText(6, a.published);
    ins.BindText(7, a.language);
    ins.BindText(8, text);
    ins.BindText(9, paragraphs);
    ins.BindBlob(10, hash);
    rc = ins.Step();
    ins.Reset();
    if (rc == SQLITE_TOOBIG) {
      outcome.kind = AddOutcome::Kind::kFailed;
      outcome.detail = "too large for the database";
      ++report.counts.failed;
      continue;
    }
    if (rc != SQLITE_DONE) return fail(rc);
    if (sqlite3_changes(db) == 1) {
      ++report.counts.added;
      continue;
    }
    // Ignored as a duplicate: say of what. Rare, so two more look-ups are fine.
    ++report.counts.duplicate;
    im.find_id.BindText(1, a.id);
    rc = im.find_id.Step();
    im.find_id.Reset();
    if (rc == SQLITE_ROW) {
      outcome.kind = AddOutcome::Kind::kDuplicateId;
      continue;
    }
    if (rc != SQLITE_DONE) return fail(rc);
    outcome.kind = AddOutcome::Kind::kDuplicateText;
    im.find_hash.BindBlob(1, hash);
    rc = im.find_hash.Step();
    if (rc == SQLITE_ROW) outcome.detail = im.find_hash.String(0);
    im.find_hash.Reset();
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return fail(rc);
  }
  return report;
}

}  // namespace store_internal

Result<AddReport> Store::AddArticles(const std::vector<Article>& batch) {
  Impl& im = *impl_;
  if (im.mode == OpenMode::kReadOnly) {
    return Status::Usage("cannot add articles to " + im.path + ": it was opened read-only");
  }
  // Any failure of the transaction itself undoes the whole batch.
  Status begun = store_internal::BeginWrite(im);
  if (!begun.ok()) return begun;
  Result<AddReport> report = store_internal::InsertArticles(im, batch);
  if (!report.ok()) return store_internal::AbandonWrite(im, report.status());
  Status committed = store_internal::CommitWrite(im);
  if (!committed.ok()) return committed;
  return report;
}

Result<size_t> Store::CountArticles() const {
  Stmt stmt;
  int rc = stmt.Prepare(impl_->db.get(), "SELECT count(*) FROM articles");
  if (rc == SQLITE_OK) rc = stmt.Step();
  if (rc != SQLITE_ROW) return SqlStatus(impl_->db.get(), rc, impl_->path, "read");
  return static_cast<size_t>(stmt.Int(0));
}

namespace {

// Visits the articles `condition` (SQL) selects, in the order added.
Status VisitArticles(const Store::Impl& im, const char* condition,
                     const std::function<bool(const Article&)>& visit) {
  sqlite3* db = im.db.get();
  Stmt stmt;
  int rc = stmt.Prepare(db, std::string("SELECT ") + store_internal::kArticleColumns +
                                " FROM articles WHERE " + condition + " ORDER BY id");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, im.path, "read");
  Article article;
  while ((rc = stmt.Step()) == SQLITE_ROW) {
    Status s = store_internal::ReadArticle(stmt, im.path, article);
    if (!s.ok()) return s;
    if (!visit(article)) return Status::Ok();
  }
  return rc == SQLITE_DONE ? Status::Ok() : SqlStatus(db, rc, im.path, "read");
}

}  // namespace

Status Store::ForEachArticle(const std::function<bool(const Article&)>& visit) const {
  return VisitArticles(*impl_, "true", visit);
}

Status Store::ForEachUnclusteredArticle(const std::function<bool(const Article&)>& visit) const {
  // story_members.article is UNIQUE, so this is an index probe per article.
  return VisitArticles(
      *impl_, "NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article = articles.id)", visit);
}

Result<int64_t> Store::DataVersion() const {
  sqlite3* db = impl_->db.get();
  Stmt stmt;
  int rc = stmt.Prepare(db, "PRAGMA data_version");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, impl_->path, "read");
  if ((rc = stmt.Step()) != SQLITE_ROW) return SqlStatus(db, rc, impl_->path, "read");
  return stmt.Int(0);
}

Status Store::CheckIntegrity() const {
  sqlite3* db = impl_->db.get();
  Stmt stmt;
  int rc = stmt.Prepare(db, "PRAGMA quick_check");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, impl_->path, "check");
  std::string problems;
  while ((rc = stmt.Step()) == SQLITE_ROW) {
    if (stmt.Text(0) == "ok") continue;
    if (!problems.empty()) problems += "; ";
    problems += stmt.String(0);
    if (problems.size() > 500) break;
  }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return SqlStatus(db, rc, impl_->path, "check");
  if (!problems.empty()) {
    return Status::InvalidInput(impl_->path + " is damaged: " + problems +
                                "; restore a copy, or ingest into a new file");
  }
  return Status::Ok();
}

}  // namespace parallax
