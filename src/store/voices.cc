// The most-heard voices of stories: summed from the digests of their
// articles, and kept per story (schema v8) by UpdateStoryVoices so that a
// page of stories reads one row per story.
#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parallax/store.h"
#include "parallax/text.h"
#include "store/internal.h"

namespace parallax {

using store_internal::Exec;
using store_internal::SqlStatus;
using store_internal::Stmt;

namespace {

// Voices kept per story: more than any page shows.
constexpr size_t kVoicesKept = 8;
// Stories summed and written per transaction.
constexpr size_t kVoicesBatch = 2000;

// Sums the quotes of one story (statement bound and stepped here), the
// voices quoted in the most articles first, then the most often.
Result<std::vector<VoiceCount>> SumVoices(sqlite3* db, const std::string& path, Stmt& quotes, int64_t story,
                                          size_t top) {
  struct Tally {
    VoiceCount voice;  // named as first met
    int64_t last_article = -1;
  };
  std::unordered_map<std::string, Tally> tallies;
  quotes.BindInt(1, story);
  int rc;
  while ((rc = quotes.Step()) == SQLITE_ROW) {
    const int64_t article = quotes.Int(0);
    const std::string_view speaker = quotes.Text(1);
    auto [it, added] = tallies.try_emplace(FoldCase(speaker));
    Tally& t = it->second;
    if (added) t.voice.name = std::string(speaker);
    ++t.voice.quotes;
    // Rows come article by article (the members' key order).
    if (t.last_article != article) {
      ++t.voice.articles;
      t.last_article = article;
    }
  }
  quotes.Reset();
  if (rc != SQLITE_DONE) return SqlStatus(db, rc, path, "read");
  std::vector<VoiceCount> voices;
  for (auto& [key, t] : tallies) voices.push_back(std::move(t.voice));
  const size_t keep = std::min(top, voices.size());
  std::partial_sort(voices.begin(), voices.begin() + static_cast<std::ptrdiff_t>(keep), voices.end(),
                    [](const VoiceCount& a, const VoiceCount& b) {
                      if (a.articles != b.articles) return a.articles > b.articles;
                      if (a.quotes != b.quotes) return a.quotes > b.quotes;
                      return a.name < b.name;
                    });
  voices.resize(keep);
  return voices;
}

constexpr const char kQuotesOfStory[] = R"sql(
  SELECT q.article, q.speaker FROM story_members m JOIN article_quotes q ON q.article = m.article
  WHERE m.story_id = ?1 AND q.speaker <> ''
)sql";

// "name US quotes US articles RS ..." (U+001F, U+001E: never in a name
// taken from text, which holds no control characters).
std::string Pack(const std::vector<VoiceCount>& voices) {
  std::string packed;
  for (const VoiceCount& v : voices) {
    if (!packed.empty()) packed += '\x1e';
    packed += v.name + '\x1f' + std::to_string(v.quotes) + '\x1f' + std::to_string(v.articles);
  }
  return packed;
}

std::vector<VoiceCount> Unpack(std::string_view packed) {
  std::vector<VoiceCount> voices;
  while (!packed.empty()) {
    const size_t end = std::min(packed.find('\x1e'), packed.size());
    const std::string_view item = packed.substr(0, end);
    packed.remove_prefix(std::min(end + 1, packed.size()));
    const size_t a = item.find('\x1f');
    const size_t b = a == std::string_view::npos ? a : item.find('\x1f', a + 1);
    if (b == std::string_view::npos) continue;
    voices.push_back({std::string(item.substr(0, a)), std::stoul(std::string(item.substr(a + 1, b - a - 1))),
                      std::stoul(std::string(item.substr(b + 1)))});
  }
  return voices;
}

}  // namespace

Result<std::vector<std::vector<VoiceCount>>> Store::StoryVoices(const std::vector<int64_t>& ids, size_t top) const {
  sqlite3* db = impl_->db.get();
  Stmt kept, quotes;
  int rc = kept.Prepare(db, "SELECT v.voices FROM story_voices v JOIN stories s ON s.id = v.story_id "
                            "WHERE v.story_id = ?1 AND v.size = s.size");
  if (rc == SQLITE_OK) rc = quotes.Prepare(db, kQuotesOfStory);
  if (rc != SQLITE_OK) return SqlStatus(db, rc, impl_->path, "read");
  std::vector<std::vector<VoiceCount>> voices;
  voices.reserve(ids.size());
  for (const int64_t id : ids) {
    kept.BindInt(1, id);
    rc = kept.Step();
    if (rc == SQLITE_ROW) {
      std::vector<VoiceCount> story = Unpack(kept.Text(0));
      kept.Reset();
      if (story.size() > top) story.resize(top);
      voices.push_back(std::move(story));
      continue;
    }
    kept.Reset();
    if (rc != SQLITE_DONE) return SqlStatus(db, rc, impl_->path, "read");
    // Not summed yet, or the story changed since: summed now.
    Result<std::vector<VoiceCount>> summed = SumVoices(db, impl_->path, quotes, id, top);
    if (!summed.ok()) return summed.status();
    voices.push_back(std::move(*summed));
  }
  return voices;
}

Result<size_t> Store::UpdateStoryVoices() {
  sqlite3* db = impl_->db.get();
  if (impl_->mode == OpenMode::kReadOnly) {
    return Status::Usage("cannot sum the voices of " + impl_->path + ": it was opened read-only");
  }
  // The stories to sum: never summed, changed size, or with a member
  // digested since the last time.
  std::vector<int64_t> stale;
  {
    Stmt find;
    int rc = find.Prepare(db, R"sql(
      SELECT s.id FROM stories s LEFT JOIN story_voices v ON v.story_id = s.id
        WHERE v.story_id IS NULL OR v.size <> s.size
      UNION
      SELECT m.story_id FROM story_members m
        WHERE m.article > (SELECT digested_up_to FROM voices_state)
          AND m.article <= (SELECT digested_up_to FROM digest_state)
    )sql");
    if (rc != SQLITE_OK) return SqlStatus(db, rc, impl_->path, "read");
    while ((rc = find.Step()) == SQLITE_ROW) stale.push_back(find.Int(0));
    if (rc != SQLITE_DONE) return SqlStatus(db, rc, impl_->path, "read");
  }
  Stmt quotes, size, write;
  int rc = quotes.Prepare(db, kQuotesOfStory);
  if (rc == SQLITE_OK) rc = size.Prepare(db, "SELECT size FROM stories WHERE id = ?1");
  if (rc == SQLITE_OK) rc = write.Prepare(db, "INSERT OR REPLACE INTO story_voices VALUES (?1, ?2, ?3)");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, impl_->path, "read");
  for (size_t start = 0; start <= stale.size(); start += kVoicesBatch) {
    if (Status s = Exec(db, impl_->path, "BEGIN IMMEDIATE", "write to"); !s.ok()) return s;
    Status failed;
    for (size_t i = start; i < std::min(stale.size(), start + kVoicesBatch) && failed.ok(); ++i) {
      Result<std::vector<VoiceCount>> voices = SumVoices(db, impl_->path, quotes, stale[i], kVoicesKept);
      if (!voices.ok()) {
        failed = voices.status();
        break;
      }
      size.BindInt(1, stale[i]);
      rc = size.Step();
      const int64_t articles = rc == SQLITE_ROW ? size.Int(0) : -1;
      size.Reset();
      if (articles < 0) continue;  // gone meanwhile
      const std::string packed = Pack(*voices);
      write.BindInt(1, stale[i]);
      write.BindInt(2, articles);
      write.BindText(3, packed);
      if (write.Step() != SQLITE_DONE) failed = SqlStatus(db, sqlite3_errcode(db), impl_->path, "write to");
      write.Reset();
    }
    // The last batch also moves the mark: every digest up to here is summed.
    if (failed.ok() && start + kVoicesBatch > stale.size()) {
      failed = Exec(db, impl_->path,
                    "UPDATE voices_state SET digested_up_to = (SELECT digested_up_to FROM digest_state)", "write to");
    }
    if (!failed.ok()) {
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      return failed;
    }
    if (Status s = Exec(db, impl_->path, "COMMIT", "write to"); !s.ok()) return s;
  }
  return stale.size();
}

}  // namespace parallax
