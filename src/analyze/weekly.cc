// An outlet's articles summed up by week: its most quoted voices and its
// own loaded wording.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "parallax/analyze.h"
#include "parallax/text.h"

namespace parallax {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
// days_from_civil).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

std::string CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  return buffer;
}

bool Digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The Monday of the week of an ISO 8601 date ("2026-11-26..." gives
// "2026-11-23"); "" when `published` does not start with a date.
std::string WeekOf(std::string_view published) {
  if (published.size() < 10 || published[4] != '-' || published[7] != '-' || !Digits(published.substr(0, 4)) ||
      !Digits(published.substr(5, 2)) || !Digits(published.substr(8, 2))) {
    return "";
  }
  const unsigned month = static_cast<unsigned>(std::stoi(std::string(published.substr(5, 2))));
  const unsigned day = static_cast<unsigned>(std::stoi(std::string(published.substr(8, 2))));
  if (month < 1 || month > 12 || day < 1 || day > 31) return "";
  const int64_t days = DaysFromCivil(std::stoll(std::string(published.substr(0, 4))), month, day);
  // 1970-01-01 was a Thursday: (days + 3) mod 7 is 0 on Mondays.
  const int64_t since_monday = ((days + 3) % 7 + 7) % 7;
  return CivilFromDays(days - since_monday);
}

// Who a quote is from, as the article names them; "" when it does not say.
std::string SpeakerName(const AnalyzedArticle& doc, const Quote& quote) {
  if (quote.speaker >= 0 && static_cast<size_t>(quote.speaker) < doc.entities.size()) {
    return doc.entities[static_cast<size_t>(quote.speaker)].name;
  }
  // A pronoun nobody was found for names no one.
  static const std::unordered_set<std::string> kPronouns = {"he", "she", "they", "it", "we", "i", "you"};
  return kPronouns.contains(FoldCase(quote.speaker_text)) ? std::string() : quote.speaker_text;
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

std::vector<WeekProfile> ProfileByWeek(const std::vector<AnalyzedArticle>& docs, size_t top) {
  std::map<std::string, WeekTally> weeks;
  for (const AnalyzedArticle& doc : docs) {
    WeekTally& week = weeks[WeekOf(doc.article.published)];
    ++week.profile.articles;
    std::unordered_set<size_t> quoted_here;
    for (const Quote& quote : doc.quotes) {
      const std::string name = SpeakerName(doc, quote);
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
