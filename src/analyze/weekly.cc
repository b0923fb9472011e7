// An outlet's articles summed up by week: its most quoted voices and its
// own loaded wording.
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "parallax/analyze.h"
#include "parallax/text.h"

namespace parallax {

namespace {

// The Monday of the week of an ISO 8601 date ("2026-11-26..." gives
// "2026-11-23"); "" when `published` does not start with a real date.
std::string WeekOf(std::string_view published) {
  const std::optional<int64_t> days = ParseDay(published.substr(0, 10));
  if (!days) return "";
  // 1970-01-01 was a Thursday: (days + 3) mod 7 is 0 on Mondays.
  const int64_t since_monday = ((*days + 3) % 7 + 7) % 7;
  return CivilFromDays(*days - since_monday);
}

struct WeekTally {
  WeekProfile profile;
  std::unordered_map<std::string, size_t> voice_index;    // folded name -> position in profile.voices
  std::unordered_map<std::string, size_t> wording_index;  // entry -> position in profile.wording
};

template <typename Count, typename Key>
void KeepTop(std::vector<Count>& counts, size_t top, Key key) {
  std::stable_sort(counts.begin(), counts.end(), [&](const Count& a, const Count& b) { return key(a) > key(b); });
  if (counts.size() > top) counts.resize(top);
}

}  // namespace

std::string QuoteSpeakerName(const AnalyzedArticle& doc, const Quote& quote) {
  if (quote.speaker >= 0 && static_cast<size_t>(quote.speaker) < doc.entities.size()) {
    return doc.entities[static_cast<size_t>(quote.speaker)].name;
  }
  // A pronoun nobody was found for names no one.
  static const std::unordered_set<std::string> kPronouns = {"he", "she", "they", "it", "we", "i", "you"};
  return kPronouns.contains(FoldCase(quote.speaker_text)) ? std::string() : quote.speaker_text;
}

std::vector<WeekProfile> ProfileByWeek(const std::vector<AnalyzedArticle>& docs, size_t top) {
  std::map<std::string, WeekTally> weeks;
  for (const AnalyzedArticle& doc : docs) {
    WeekTally& week = weeks[WeekOf(doc.article.published)];
    ++week.profile.articles;
    std::unordered_set<size_t> quoted_here;
    for (const Quote& quote : doc.quotes) {
      const std::string name = QuoteSpeakerName(doc, quote);
      if (name.empty()) continue;
      auto [it, added] = week.voice_index.try_emplace(FoldCase(name), week.profile.voices.size());
      if (added) week.profile.voices.push_back({name, 0, 0});
      VoiceCount& voice = week.profile.voices[it->second];
      ++voice.quotes;
      if (quoted_here.insert(it->second).second) ++voice.articles;
    }
    for (const FramingHit& hit : doc.framing) {
      if (hit.in_quote) continue;
      auto [it, added] = week.wording_index.try_emplace(hit.entry, week.profile.wording.size());
      if (added) week.profile.wording.push_back({hit.entry, hit.category, hit.term, 0});
      ++week.profile.wording[it->second].uses;
    }
  }
  std::vector<WeekProfile> profiles;
  // The latest week first; undated articles ("" sorts first) last.
  for (auto it = weeks.rbegin(); it != weeks.rend(); ++it) {
    WeekProfile& p = it->second.profile;
    p.week = it->first;
    KeepTop(p.voices, top, [](const VoiceCount& v) { return std::make_pair(v.articles, v.quotes); });
    KeepTop(p.wording, top, [](const WordingCount& w) { return w.uses; });
    profiles.push_back(std::move(p));
  }
  return profiles;
}

}  // namespace parallax
