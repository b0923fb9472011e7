// The story clusterer's state in the store, as packed little-endian BLOBs
// (the layout is described with kSchemaV2 in schema.cc).
//
// A run rewrites the document frequencies (every new article changes them)
// but only the stories whose state changed: the upsert skips rows that are
// already equal, so the pages of stories a run did not touch are not
// written again, and saving costs one pass of encoding plus what changed.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/internal.h"

namespace parallax {

using store_internal::SqlStatus;
using store_internal::Stmt;

namespace {

// Bytes of one (term, value) pair: a u64 term and a 4-byte value.
constexpr size_t kPairBytes = 12;

void PutU32(uint32_t v, char* p) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}
void PutU64(uint64_t v, char* p) {
  for (int i = 0; i < 8; ++i) p[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}
uint32_t GetU32(const char* p) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= uint32_t{static_cast<unsigned char>(p[i])} << (8 * i);
  return v;
}
uint64_t GetU64(const char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
  return v;
}
uint32_t FloatBits(float f) {
  uint32_t bits;
  std::memcpy(&bits, &f, sizeof bits);
  return bits;
}
float BitsFloat(uint32_t bits) {
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

std::string PackFrequencies(const std::vector<std::pair<uint64_t, uint32_t>>& frequencies) {
  std::string out(frequencies.size() * kPairBytes, '\0');
  char* p = out.data();
  for (const auto& [term, articles] : frequencies) {
    PutU64(term, p);
    PutU32(articles, p + 8);
    p += kPairBytes;
  }
  return out;
}

bool UnpackFrequencies(std::string_view bytes, std::vector<std::pair<uint64_t, uint32_t>>& out) {
  if (bytes.size() % kPairBytes != 0) return false;
  out.resize(bytes.size() / kPairBytes);
  for (size_t i = 0; i < out.size(); ++i) {
    const char* p = bytes.data() + i * kPairBytes;
    out[i] = {GetU64(p), GetU32(p + 8)};
  }
  return true;
}

void PackCentroid(const std::vector<TermWeight>& centroid, std::string& out) {
  out.assign(centroid.size() * kPairBytes, '\0');
  char* p = out.data();
  for (const TermWeight& t : centroid) {
    PutU64(t.term, p);
    PutU32(FloatBits(t.weight), p + 8);
    p += kPairBytes;
  }
}

bool UnpackCentroid(std::string_view bytes, std::vector<TermWeight>& out) {
  if (bytes.size() % kPairBytes != 0) return false;
  out.resize(bytes.size() / kPairBytes);
  for (size_t i = 0; i < out.size(); ++i) {
    const char* p = bytes.data() + i * kPairBytes;
    out[i] = {GetU64(p), BitsFloat(GetU32(p + 8))};
  }
  return true;
}

void PackFigures(const std::vector<uint64_t>& figures, std::string& out) {
  out.assign(figures.size() * 8, '\0');
  for (size_t i = 0; i < figures.size(); ++i) PutU64(figures[i], out.data() + 8 * i);
}

bool UnpackFigures(std::string_view bytes, std::vector<uint64_t>& out) {
  if (bytes.size() % 8 != 0) return false;
  out.resize(bytes.size() / 8);
  for (size_t i = 0; i < out.size(); ++i) out[i] = GetU64(bytes.data() + 8 * i);
  // The clusterer compares them as a sorted set.
  return std::is_sorted(out.begin(), out.end());
}

// Each outlet as a u32 length and its bytes: names may hold any character.
void PackOutlets(const std::vector<std::string>& outlets, std::string& out) {
  out.clear();
  char length[4];
  for (const std::string& outlet : outlets) {
    PutU32(static_cast<uint32_t>(outlet.size()), length);
    out.append(length, 4);
    out += outlet;
  }
}

bool UnpackOutlets(std::string_view bytes, std::vector<std::string>& out) {
  out.clear();
  while (!bytes.empty()) {
    if (bytes.size() < 4) return false;
    const uint32_t length = GetU32(bytes.data());
    bytes.remove_prefix(4);
    if (length > bytes.size()) return false;
    out.emplace_back(bytes.substr(0, length));
    bytes.remove_prefix(length);
  }
  return true;
}

Status DamagedState(const std::string& path, const std::string& what) {
  return Status::InvalidInput(path + " is damaged: the saved clustering state (" + what +
                              ") is not what parallax writes; restore a copy, or ingest into a "
                              "new file");
}

}  // namespace

namespace store_internal {

Status ClearClusterState(sqlite3* db, const std::string& path) {
  return Exec(db, path, "DELETE FROM cluster_state; DELETE FROM cluster_stories", "write to");
}

Status WriteClusterState(sqlite3* db, const std::string& path, const ClusterState& state) {
  Stmt totals, story, trim;
  int rc =
      totals.Prepare(db,
                     "INSERT OR REPLACE INTO cluster_state (id, documents, document_frequencies) "
                     "VALUES (1, ?1, ?2)");
  if (rc == SQLITE_OK) {
    rc = story.Prepare(db, R"sql(
      INSERT INTO cluster_stories (position, story, size, first_published, last_published,
                                   closest, outlets, centroid, figures, weekdays)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
      ON CONFLICT (position) DO UPDATE SET
        story = excluded.story, size = excluded.size, first_published = excluded.first_published,
        last_published = excluded.last_published, closest = excluded.closest,
        outlets = excluded.outlets, centroid = excluded.centroid, figures = excluded.figures,
        weekdays = excluded.weekdays
      WHERE story IS NOT excluded.story OR size IS NOT excluded.size
        OR first_published IS NOT excluded.first_published
        OR last_published IS NOT excluded.last_published OR closest IS NOT excluded.closest
        OR outlets IS NOT excluded.outlets OR centroid IS NOT excluded.centroid
        OR figures IS NOT excluded.figures OR weekdays IS NOT excluded.weekdays
    )sql");
  }
  if (rc == SQLITE_OK) rc = trim.Prepare(db, "DELETE FROM cluster_stories WHERE position >= ?1");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, path, "write to");

  const std::string frequencies = PackFrequencies(state.document_frequencies);
  totals.BindInt(1, static_cast<int64_t>(state.documents));
  totals.BindBlob(2, frequencies);
  rc = totals.Step();
  totals.Reset();
  if (rc != SQLITE_DONE) return SqlStatus(db, rc, path, "write to");

  std::string outlets, centroid, figures;
  for (size_t i = 0; i < state.stories.size(); ++i) {
    const StoryState& s = state.stories[i];
    PackOutlets(s.outlets, outlets);
    PackCentroid(s.centroid, centroid);
    PackFigures(s.figures, figures);
    story.BindInt(1, static_cast<int64_t>(i));
    story.BindInt(2, static_cast<int64_t>(s.id));
    story.BindInt(3, static_cast<int64_t>(s.size));
    story.BindInt(4, s.first_published);
    story.BindInt(5, s.last_published);
    // SQLite stores a NaN as NULL; a similarity that is not a number
    // means nothing to the mutual test, which 0 also says.
    story.BindDouble(6, std::isnan(s.closest) ? 0.0 : static_cast<double>(s.closest));
    story.BindBlob(7, outlets);
    story.BindBlob(8, centroid);
    story.BindBlob(9, figures);
    story.BindInt(10, s.weekdays);
    rc = story.Step();
    story.Reset();
    if (rc != SQLITE_DONE) return SqlStatus(db, rc, path, "write to");
  }
  trim.BindInt(1, static_cast<int64_t>(state.stories.size()));
  rc = trim.Step();
  trim.Reset();
  return rc == SQLITE_DONE ? Status::Ok() : SqlStatus(db, rc, path, "write to");
}

}  // namespace store_internal

Result<ClusterState> Store::LoadClusterState() const {
  sqlite3* db = impl_->db.get();
  const std::string& path = impl_->path;
  ClusterState state;
  Stmt totals;
  int rc =
      totals.Prepare(db, "SELECT documents, document_frequencies FROM cluster_state WHERE id = 1");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, path, "read");
  rc = totals.Step();
  if (rc == SQLITE_DONE) return state;  // nothing saved
  if (rc != SQLITE_ROW) return SqlStatus(db, rc, path, "read");
  state.documents = static_cast<uint64_t>(totals.Int(0));
  if (!UnpackFrequencies(totals.Blob(1), state.document_frequencies)) {
    return DamagedState(path, "document frequencies");
  }
  totals.Reset();

  Stmt stories;
  rc = stories.Prepare(db,
                       "SELECT story, size, first_published, last_published, closest, outlets, "
                       "centroid, figures, weekdays FROM cluster_stories ORDER BY position");
  if (rc != SQLITE_OK) return SqlStatus(db, rc, path, "read");
  while ((rc = stories.Step()) == SQLITE_ROW) {
    StoryState s;
    s.id = static_cast<StoryId>(stories.Int(0));
    s.size = static_cast<uint64_t>(stories.Int(1));
    s.first_published = stories.Int(2);
    s.last_published = stories.Int(3);
    s.closest = static_cast<float>(stories.Double(4));
    if (!UnpackOutlets(stories.Blob(5), s.outlets)) {
      return DamagedState(path, "outlets of story " + std::to_string(s.id));
    }
    if (!UnpackCentroid(stories.Blob(6), s.centroid)) {
      return DamagedState(path, "centroid of story " + std::to_string(s.id));
    }
    if (!UnpackFigures(stories.Blob(7), s.figures)) {
      return DamagedState(path, "figures of story " + std::to_string(s.id));
    }
    const int64_t weekdays = stories.Int(8);
    if (weekdays < 0 || weekdays > 0x7F) {
      return DamagedState(path, "weekdays of story " + std::to_string(s.id));
    }
    s.weekdays = static_cast<uint8_t>(weekdays);
    state.stories.push_back(std::move(s));
  }
  if (rc != SQLITE_DONE) return SqlStatus(db, rc, path, "read");
  return state;
}

}  // namespace parallax
