// What dedup and cluster save: duplicate groups, stories and their members.
//
// Each save is one transaction, so a reader sees the old grouping or the
// new one, never a mix. Duplicate groups are saved whole (dedup compares
// the whole corpus); stories are saved whole or, by an incremental
// clustering run, added to, together with the clusterer's state.
#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "store/internal.h"

namespace parallax {

using store_internal::Exec;
using store_internal::SqlStatus;
using store_internal::Stmt;

namespace {

// A write transaction that rolls back unless committed.
class Transaction {
 public:
  Transaction(sqlite3* db, const std::string& path) : db_(db), path_(path) {}
  ~Transaction() {
    if (open_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  Status Begin() {
    Status s = Exec(db_, path_, "BEGIN IMMEDIATE", "write to");
    open_ = s.ok();
    return s;
  }
  Status Commit() {
    Status s = Exec(db_, path_, "COMMIT", "write to");
    if (s.ok()) open_ = false;
    return s;
  }

 private:
  sqlite3* db_;
  const std::string& path_;
  bool open_ = false;
};

// Fills temp.pending_ids with `ids` (position i + 1 for ids[i]) and fails
// naming the first one that is not stored or is given twice.
Status StageIds(sqlite3* db, const std::string& path, const std::vector<std::string>& ids) {
  Status s = Exec(db, path,
                  "CREATE TEMP TABLE IF NOT EXISTS pending_ids ("
                  "  position INTEGER PRIMARY KEY, external_id TEXT NOT NULL, tag TEXT);"
                  "DELETE FROM temp.pending_ids",
                  "write to");
  if (!s.ok()) return s;
  Stmt insert;
  int rc = insert.Prepare(db, "INSERT INTO temp.pending_ids (position, external_id) VALUES (?1, ?2)");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, path, "write to");
  for (size_t i = 0; i < ids.size(); ++i) {
    insert.BindInt(1, static_cast<int64_t>(i + 1));
    insert.BindText(2, ids[i]);
    rc = insert.Step();
    insert.Reset();
    if (rc != SQLITE_DONE) return SqlStatus(db, rc, path, "write to");
  }
  Stmt missing;
  rc = missing.Prepare(db,
                       "SELECT p.external_id FROM temp.pending_ids p LEFT JOIN articles a "
                       "ON a.external_id = p.external_id WHERE a.id IS NULL ORDER BY p.position "
                       "LIMIT 1");
  if (rc == SQLITE_OK) rc = missing.Step();
  if (rc == SQLITE_ROW) {
    return Status::NotFound("article '" + missing.String(0) + "' is not in " + path);
  }
  if (rc != SQLITE_DONE) return SqlStatus(db, rc, path, "read");
  Stmt twice;
  rc = twice.Prepare(db,
                     "SELECT external_id FROM temp.pending_ids GROUP BY external_id "
                     "HAVING count(*) > 1 ORDER BY min(position) LIMIT 1");
  if (rc == SQLITE_OK) rc = twice.Step();
  if (rc == SQLITE_ROW) {
    return Status::Usage("article '" + twice.String(0) + "' is given twice");
  }
  if (rc != SQLITE_DONE) return SqlStatus(db, rc, path, "read");
  return Status::Ok();
}

Status RequireWritable(const Store::Impl& im, const char* what) {
  if (im.mode == OpenMode::kReadOnly) {
    return Status::Usage(std::string("cannot save ") + what + " in " + im.path +
                         ": it was opened read-only");
  }
  return Status::Ok();
}

}  // namespace

Status Store::ReplaceDuplicateGroups(const std::vector<DuplicateGroup>& groups) {
  Impl& im = *impl_;
  sqlite3* db = im.db.get();
  Status s = RequireWritable(im, "duplicate groups");
  if (!s.ok()) return s;
  std::vector<std::string> ids;
  for (const DuplicateGroup& g : groups) {
    if (g.article_ids.empty()) return Status::Usage("a duplicate group has no articles");
    ids.insert(ids.end(), g.article_ids.begin(), g.article_ids.end());
  }
  Transaction txn(db, im.path);
  s = txn.Begin();
  if (s.ok()) s = StageIds(db, im.path, ids);
  if (s.ok()) {
    s = Exec(db, im.path, "DELETE FROM duplicate_members; DELETE FROM duplicate_groups",
             "write to");
  }
  if (!s.ok()) return s;
  Stmt group, member;
  int rc = group.Prepare(db,
                         "INSERT INTO duplicate_groups (representative) "
                         "SELECT id FROM articles WHERE external_id = ?1");
  if (rc == SQLITE_OK) {
    rc = member.Prepare(db,
                        "INSERT INTO duplicate_members (group_id, article, position) "
                        "SELECT ?1, id, ?2 FROM articles WHERE external_id = ?3");
  }
  if (rc != SQLITE_OK) return SqlStatus(db, rc, im.path, "write to");
  for (const DuplicateGroup& g : groups) {
    group.BindText(1, g.article_ids.front());
    rc = group.Step();
    group.Reset();
    if (rc != SQLITE_DONE) return SqlStatus(db, rc, im.path, "write to");
    const int64_t group_id = sqlite3_last_insert_rowid(db);
    for (size_t i = 0; i < g.article_ids.size(); ++i) {
      member.BindInt(1, group_id);
      member.BindInt(2, static_cast<int64_t>(i));
      member.BindText(3, g.article_ids[i]);
      rc = member.Step();
      member.Reset();
      if (rc != SQLITE_DONE) return SqlStatus(db, rc, im.path, "write to");
    }
  }
  return txn.Commit();
}

Result<std::vector<DuplicateGroup>> Store::DuplicateGroups() const {
  sqlite3* db = impl_->db.get();
  Stmt stmt;
  int rc = stmt.Prepare(db,
                        "SELECT m.group_id, a.external_id FROM duplicate_members m "
                        "JOIN articles a ON a.id = m.article ORDER BY m.group_id, m.position");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, impl_->path, "read");
  std::vector<DuplicateGroup> groups;
  int64_t current = -1;
  while ((rc = stmt.Step()) == SQLITE_ROW) {
    if (stmt.Int(0) != current) {
      current = stmt.Int(0);
      groups.emplace_back();
    }
    groups.back().article_ids.push_back(stmt.String(1));
  }
  if (rc != SQLITE_DONE) return SqlStatus(db, rc, impl_->path, "read");
  return groups;
}

namespace {

enum class StoryWrite {
  kReplace,  // the assignments are the whole clustering
  kAdd,      // the assignments are of articles that have no story yet
};

// Saves story assignments and, in the same transaction, the clusterer
// state (`state`; null: the saved one is dropped).
Status WriteStories(Store::Impl& im, const Store::StoryAssignments& assignments, StoryWrite how,
                    const ClusterState* state) {
  sqlite3* db = im.db.get();
  Status s = RequireWritable(im, "stories");
  if (!s.ok()) return s;
  std::vector<std::string> ids;
  ids.reserve(assignments.size());
  for (const auto& [article, key] : assignments) {
    if (key.empty()) return Status::Usage("article '" + article + "' has an empty story key");
    ids.push_back(article);
  }
  Transaction txn(db, im.path);
  s = txn.Begin();
  if (s.ok()) s = StageIds(db, im.path, ids);
  if (!s.ok()) return s;
  if (how == StoryWrite::kAdd) {
    // An article already in a story is not new: the clusterer never moves
    // one, and the saved state has counted it already.
    Stmt assigned;
    int rc = assigned.Prepare(db,
                              "SELECT p.external_id FROM temp.pending_ids p "
                              "JOIN articles a ON a.external_id = p.external_id "
                              "JOIN story_members m ON m.article = a.id "
                              "ORDER BY p.position LIMIT 1");
    if (rc == SQLITE_OK) rc = assigned.Step();
    if (rc == SQLITE_ROW) {
      return Status::Usage("article '" + assigned.String(0) + "' already has a story in " +
                           im.path);
    }
    if (rc != SQLITE_DONE) return SqlStatus(db, rc, im.path, "read");
    // The state must be the saved one plus these articles. Otherwise
    // another run saved in between (both read the same state and stories),
    // and saving this one would drop that run's stories from the state.
    Stmt saved;
    rc = saved.Prepare(db,
                       "SELECT coalesce((SELECT documents FROM cluster_state WHERE id = 1), 0)");
    if (rc == SQLITE_OK) rc = saved.Step();
    if (rc != SQLITE_ROW) return SqlStatus(db, rc, im.path, "read");
    const uint64_t saved_documents = static_cast<uint64_t>(saved.Int(0));
    if (state->documents != saved_documents + assignments.size()) {
      return Status::Usage("the clustering saved in " + im.path +
                           " changed while this run worked (another run saved its stories); "
                           "run it again");
    }
  }
  // The keys go beside their ids (position = 1-based order of insertion).
  Stmt tag;
  int rc = tag.Prepare(db, "UPDATE temp.pending_ids SET tag = ?1 WHERE position = ?2");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, im.path, "write to");
  for (size_t i = 0; i < assignments.size(); ++i) {
    tag.BindText(1, assignments[i].second);
    tag.BindInt(2, static_cast<int64_t>(i + 1));
    rc = tag.Step();
    tag.Reset();
    if (rc != SQLITE_DONE) return SqlStatus(db, rc, im.path, "write to");
  }
  if (how == StoryWrite::kReplace) {
    s = Exec(db, im.path,
             "DELETE FROM story_members;"
             "DELETE FROM stories WHERE key NOT IN (SELECT tag FROM temp.pending_ids)",
             "write to");
    if (!s.ok()) return s;
  }
  // Stories keep their row (and so the id users type) while their key lives;
  // only new keys are inserted, since even an insert that conflicts would
  // use up an AUTOINCREMENT id. Only the stories given articles are summed
  // up again (when replacing, that is every story left). The headline is
  // the earliest member's title; an undated article counts as later than
  // every dated one; with no title anywhere, the start of the earliest
  // member's text.
  s = Exec(db, im.path, R"sql(
    INSERT INTO stories (key)
      SELECT tag FROM temp.pending_ids WHERE tag NOT IN (SELECT key FROM stories)
      GROUP BY tag ORDER BY min(position);
    INSERT INTO story_members (story_id, article)
      SELECT s.id, a.id FROM temp.pending_ids p
      JOIN stories s ON s.key = p.tag JOIN articles a ON a.external_id = p.external_id;
    UPDATE stories SET
      size = (SELECT count(*) FROM story_members m WHERE m.story_id = stories.id),
      outlets = (SELECT count(DISTINCT a.outlet) FROM story_members m JOIN articles a ON a.id = m.article
        WHERE m.story_id = stories.id AND a.outlet <> ''),
      outlet_names = coalesce((SELECT group_concat(outlet, char(31)) FROM (
        SELECT DISTINCT a.outlet AS outlet FROM story_members m JOIN articles a ON a.id = m.article
        WHERE m.story_id = stories.id AND a.outlet <> '' ORDER BY a.outlet)), ''),
      first_published = coalesce((SELECT min(a.published) FROM story_members m
        JOIN articles a ON a.id = m.article WHERE m.story_id = stories.id AND a.published <> ''), ''),
      last_published = coalesce((SELECT max(a.published) FROM story_members m
        JOIN articles a ON a.id = m.article WHERE m.story_id = stories.id AND a.published <> ''), ''),
      headline = coalesce(
        (SELECT a.title FROM story_members m JOIN articles a ON a.id = m.article
          WHERE m.story_id = stories.id AND a.title <> ''
          ORDER BY a.published = '', a.published, a.id LIMIT 1),
        (SELECT replace(substr(a.text, 1, 80), char(10), ' ') FROM story_members m JOIN articles a ON a.id = m.article
          WHERE m.story_id = stories.id ORDER BY a.published = '', a.published, a.id LIMIT 1),
        '')
      WHERE key IN (SELECT tag FROM temp.pending_ids);
    DELETE FROM story_voices WHERE story_id IN (SELECT id FROM stories WHERE key IN (SELECT tag FROM temp.pending_ids));
  )sql", "write to");
  if (!s.ok()) return s;
  s = state != nullptr ? store_internal::WriteClusterState(db, im.path, *state)
                       : store_internal::ClearClusterState(db, im.path);
  if (!s.ok()) return s;
  return txn.Commit();
}

}  // namespace

Status Store::SaveStoryAssignments(const StoryAssignments& assignments) {
  return WriteStories(*impl_, assignments, StoryWrite::kReplace, nullptr);
}

Status Store::SaveStoryAssignments(const StoryAssignments& assignments, const ClusterState& state) {
  return WriteStories(*impl_, assignments, StoryWrite::kReplace, &state);
}

Status Store::AddStoryAssignments(const StoryAssignments& assignments, const ClusterState& state) {
  return WriteStories(*impl_, assignments, StoryWrite::kAdd, &state);
}

Result<std::vector<StorySummary>> Store::ListStories() const {
  StoryQuery all;
  all.limit = static_cast<size_t>(INT64_MAX);
  return ListStories(all);
}

Result<std::vector<StorySummary>> Store::ListStories(size_t offset, size_t limit) const {
  StoryQuery page;
  page.offset = offset;
  page.limit = limit;
  return ListStories(page);
}

namespace {

// The outlets of story `s`, for the summaries' last column.
// A story's outlets, distinct and sorted, joined by U+001F: kept in its row
// (schema v8), so a page of stories reads no article.
constexpr const char* kOutletsOfStory = " s.outlet_names";

// The page's rows, in the query's order, within its time window; the
// outlets are gathered for those rows only. `?3`/`?4` are the window (''
// for open ends): stories published at some time in it.
std::string ListSql(StoryOrder order) {
  const char* by = order == StoryOrder::kLargest ? "size DESC, id" : "outlets DESC, last_published DESC, id";
  return std::string(R"sql(
    SELECT s.id, s.key, s.headline, s.first_published, s.last_published, s.size,)sql") + kOutletsOfStory + R"sql(
    FROM (SELECT id AS page_id FROM stories
          WHERE (?3 = '' OR last_published >= ?3) AND (?4 = '' OR (first_published <> '' AND first_published < ?4))
          ORDER BY )sql" + by + R"sql( LIMIT ?1 OFFSET ?2) page JOIN stories s ON s.id = page.page_id
    ORDER BY )sql" + std::string(order == StoryOrder::kLargest ? "s.size DESC, s.id" : "s.outlets DESC, s.last_published DESC, s.id");
}

// A row of id, key, headline, first and last published, size, outlets.
StorySummary ReadSummary(Stmt& stmt) {
  StorySummary story;
  story.id = stmt.Int(0);
  story.key = stmt.String(1);
  story.headline = stmt.String(2);
  story.first_published = stmt.String(3);
  story.last_published = stmt.String(4);
  story.size = static_cast<size_t>(stmt.Int(5));
  const std::string_view outlets = stmt.Text(6);
  for (size_t pos = 0; pos < outlets.size();) {
    size_t end = outlets.find('\x1f', pos);
    if (end == std::string_view::npos) end = outlets.size();
    story.outlets.emplace_back(outlets.substr(pos, end - pos));
    pos = end + 1;
  }
  return story;
}

}  // namespace

Result<std::vector<StorySummary>> Store::StoriesById(const std::vector<int64_t>& ids) const {
  sqlite3* db = impl_->db.get();
  Stmt stmt;
  int rc = stmt.Prepare(db, (std::string("SELECT s.id, s.key, s.headline, s.first_published, s.last_published, s.size,") +
                             kOutletsOfStory + " FROM stories s WHERE s.id = ?1").c_str());
  if (rc != SQLITE_OK) return SqlStatus(db, rc, impl_->path, "read");
  std::vector<StorySummary> stories;
  for (const int64_t id : ids) {
    stmt.BindInt(1, id);
    rc = stmt.Step();
    if (rc == SQLITE_ROW) stories.push_back(ReadSummary(stmt));
    else if (rc != SQLITE_DONE) return SqlStatus(db, rc, impl_->path, "read");
    stmt.Reset();
  }
  return stories;
}

Result<std::vector<StorySummary>> Store::ListStories(const StoryQuery& query) const {
  sqlite3* db = impl_->db.get();
  Stmt stmt;
  int rc = stmt.Prepare(db, ListSql(query.order).c_str());
  if (rc != SQLITE_OK) return SqlStatus(db, rc, impl_->path, "read");
  const auto clamp = [](size_t n) { return static_cast<int64_t>(std::min<size_t>(n, static_cast<size_t>(INT64_MAX))); };
  stmt.BindInt(1, clamp(query.limit));
  stmt.BindInt(2, clamp(query.offset));
  stmt.BindText(3, query.from);
  stmt.BindText(4, query.to);
  std::vector<StorySummary> stories;
  while ((rc = stmt.Step()) == SQLITE_ROW) stories.push_back(ReadSummary(stmt));
  if (rc != SQLITE_DONE) return SqlStatus(db, rc, impl_->path, "read");
  return stories;
}

Result<size_t> Store::CountStories() const { return CountStories(StoryQuery{}); }

Result<size_t> Store::CountStories(const StoryQuery& query) const {
  sqlite3* db = impl_->db.get();
  Stmt stmt;
  int rc = stmt.Prepare(db, R"sql(
    SELECT count(*) FROM stories
    WHERE (?1 = '' OR last_published >= ?1) AND (?2 = '' OR (first_published <> '' AND first_published < ?2))
  )sql");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, impl_->path, "read");
  stmt.BindText(1, query.from);
  stmt.BindText(2, query.to);
  if ((rc = stmt.Step()) != SQLITE_ROW) return SqlStatus(db, rc, impl_->path, "read");
  return static_cast<size_t>(stmt.Int(0));
}

Result<std::vector<Article>> Store::StoryArticles(int64_t story_id) const {
  sqlite3* db = impl_->db.get();
  Stmt exists;
  int rc = exists.Prepare(db, "SELECT 1 FROM stories WHERE id = ?1");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, impl_->path, "read");
  exists.BindInt(1, story_id);
  rc = exists.Step();
  if (rc == SQLITE_DONE) {
    return Status::NotFound("no story " + std::to_string(story_id) + " in " + impl_->path +
                            " ('parallax stories --db " + impl_->path + "' lists them)");
  }
  if (rc != SQLITE_ROW) return SqlStatus(db, rc, impl_->path, "read");

  Stmt stmt;
  rc = stmt.Prepare(db, std::string("SELECT ") + store_internal::kArticleColumns +
                            " FROM story_members m JOIN articles ON articles.id = m.article "
                            "WHERE m.story_id = ?1 "
                            "ORDER BY articles.published = '', articles.published, articles.id");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, impl_->path, "read");
  stmt.BindInt(1, story_id);
  std::vector<Article> articles;
  while ((rc = stmt.Step()) == SQLITE_ROW) {
    Article article;
    Status s = store_internal::ReadArticle(stmt, impl_->path, article);
    if (!s.ok()) return s;
    articles.push_back(std::move(article));
  }
  if (rc != SQLITE_DONE) return SqlStatus(db, rc, impl_->path, "read");
  return articles;
}

}  // namespace parallax
