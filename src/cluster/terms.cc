// ExtractTerms: from a headline and lead to weighted, hashed terms.
#include <unicode/uchar.h>
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "cluster/internal.h"
#include "parallax/cluster.h"
#include "parallax/text.h"

namespace parallax {

namespace cluster_internal {

namespace {

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The code point at `pos` (without moving it) and its length.
char32_t PeekCodePoint(std::string_view text, size_t pos, size_t* length) {
  if (pos >= text.size()) {
    *length = 0;
    return 0;
  }
  const unsigned char c = text[pos];
  if (c < 0x80) {
    *length = 1;
    return c;
  }
  size_t next = pos;
  const char32_t cp = DecodeUtf8(text, next);
  *length = next - pos;
  return cp;
}

bool IsWordChar(char32_t cp) {
  return cp < 0x80 ? IsAsciiAlnum(static_cast<unsigned char>(cp))
                   : u_isalnum(static_cast<UChar32>(cp)) != 0;
}

bool IsUpper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}

bool IsApostrophe(char32_t cp) { return cp == U'\'' || cp == U'\u2019' || cp == U'\u02BC'; }

// Marks that end a sentence or a headline's label ("OPINION: ...", "PARIS --"),
// after which a capital letter says nothing about a name.
bool EndsSentence(char32_t cp) {
  return cp == U'.' || cp == U'!' || cp == U'?' || cp == U':' || cp == U'\u2014' ||
         cp == U'\u2013';
}

}  // namespace

void SplitWords(std::string_view text, std::vector<Word>& words, size_t max_words) {
  const size_t limit = words.size() + std::min(max_words, text.size());
  bool sentence_start = true;
  bool only_space_since_word = false;  // between the last word and here
  size_t pos = 0;
  while (pos < text.size() && words.size() < limit) {
    size_t length = 0;
    const char32_t cp = PeekCodePoint(text, pos, &length);
    if (!IsWordChar(cp)) {
      if (EndsSentence(cp)) sentence_start = true;
      const bool space = cp == U' ' || cp == U'-' || cp == U'\u2010' || cp == U'\u2011' ||
                         cp == 0xA0;
      if (!space) only_space_since_word = false;
      pos += length;
      continue;
    }
    if (!words.empty() && only_space_since_word) words.back().joined_to_next = true;
    Word word;
    const size_t start = pos;
    word.capitalized = IsUpper(cp);
    word.number = cp >= '0' && cp <= '9';
    word.sentence_start = sentence_start;
    size_t letters = 0, upper = 0;
    bool dotted = false;
    while (pos < text.size()) {
      size_t len = 0;
      const char32_t c = PeekCodePoint(text, pos, &len);
      if (IsWordChar(c)) {
        if (!(c >= '0' && c <= '9')) {
          ++letters;
          if (IsUpper(c)) ++upper;
        }
        pos += len;
        continue;
      }
      size_t after_len = 0;
      const char32_t after = PeekCodePoint(text, pos + len, &after_len);
      if (IsApostrophe(c) && IsWordChar(after)) {
        // "Britain's" is the name "Britain"; "don't" stays one word.
        size_t past_len = 0;
        const char32_t past = PeekCodePoint(text, pos + len + after_len, &past_len);
        if ((after == U's' || after == U'S') && !IsWordChar(past)) {
          word.surface = text.substr(start, pos - start);
          pos += len + after_len;
          goto done;
        }
        pos += len;
        continue;
      }
      // "3.5", "1,200".
      if ((c == U'.' || c == U',') && word.number && after >= '0' && after <= '9') {
        pos += len;
        continue;
      }
      // "U.S.", "D.C.": single capitals joined by dots.
      if (c == U'.' && IsUpper(after) && letters == upper && (pos - start == 1 || dotted)) {
        size_t past_len = 0;
        const char32_t past = PeekCodePoint(text, pos + len + after_len, &past_len);
        if (past == U'.' || !IsWordChar(past)) {
          dotted = true;
          ++letters;
          ++upper;
          pos += len + after_len;
          if (past == U'.') pos += past_len;
          continue;
        }
      }
      break;
    }
    word.surface = text.substr(start, pos - start);
  done:
    word.all_caps = letters >= 2 && upper == letters;
    sentence_start = false;
    only_space_since_word = true;
    words.push_back(word);
  }
}

std::string NormalizeWord(std::string_view surface) {
  std::string folded = FoldCase(surface);
  folded.erase(std::remove(folded.begin(), folded.end(), '.'), folded.end());
  return folded;
}

}  // namespace cluster_internal

namespace {

using cluster_internal::Word;

// A headline occurrence of a word counts as this many lead occurrences: a
// headline names the event, a lead also sets the scene. B-cubed F1 on the
// clustering bench: 1.0 -> 0.807, 1.5 -> 0.813, 2.0 -> 0.814, 3.0 -> 0.812.
constexpr float kTitleWeight = 2.0f;

// Words of the text read: its lead. A news report says what happened, to
// whom and where in its first paragraph or two; the rest is background that
// other stories share, and on full articles it was most of the cost (the
// more terms an article has, the more postings it walks). On the
// clustering bench (leads of 58 words on average) the first 30 / 60 / 100 /
// all words gave B-cubed F1 0.786 / 0.812 / 0.815 / 0.814; on the 29,726
// full texts of the near-duplicate bench, `parallax cluster --jobs 2` went
// from 8,600 to 15,800 articles/s with 100.
constexpr size_t kLeadWords = 100;

// Weight of a name term (a capitalised word inside a sentence, added beside
// its stem) relative to a stem. Names are what differently worded reports
// share, but the stem already counts them once, and the commonest names
// ("Trump", "Biden") are in every other story: B-cubed F1 0.815 / 0.814 /
// 0.804 / 0.752 at 0 / 0.5 / 1.0 / 2.0 (shuffled input: 0.707 at 0, 0.708
// at 0.5). The bench's leads share most words anyway; a little weight lets
// names count for texts that share fewer. With batches corrected for
// crowding, bench/cluster-robustness's four inputs (as shipped, shuffled,
// with 3,000 lone leads, both) gave B-cubed F1 0.8537 / 0.7941 / 0.8487 /
// 0.8198 at 0.5, 0.8551 / 0.7967 / 0.8518 / 0.8249 at 0.3, 0.8556 / 0.7965
// / 0.8539 / 0.8249 at 0.2, 0.8556 / 0.7958 / 0.8540 / 0.8254 at 0, and
// 0.8480 / 0.7858 / 0.8446 / 0.8094 at 0.8.
constexpr float kNameWeight = 0.3f;

// A headline is Title Case ("Harris Visits The Southern Border") when this
// share of its words of four letters or more are capitalised; its capitals
// then say nothing about names. Headlines are nearly all capitals or nearly
// none: 0.5, 0.7 and 0.9 gave the same nearest neighbours on the bench.
constexpr double kTitleCaseShare = 0.7;

// Per-thread memo of word -> normalised form and term hashes: stemming is
// the slowest step and a news vocabulary repeats (a few thousand words make
// up most leads). Bounded so a stream of unique tokens cannot grow it forever.
constexpr size_t kMaxWordCache = size_t{1} << 18;

// Term namespaces, as hash seeds: the same letters as a stem and as a name
// are different terms.
constexpr uint64_t kStemSeed = 0x7374656d;  // "stem"
constexpr uint64_t kNameSeed = 0x6e616d65;  // "name"
constexpr uint64_t kFigureSeed = 0x66696775;  // "figu"

uint64_t HashTerm(uint64_t seed, std::string_view text) {
  return XXH3_64bits_withSeed(text.data(), text.size(), seed);
}

// Words that make the number before them a figure ("7 percent"): a figure
// names an amount, a count or a rate an event is about.
bool IsUnitWord(std::string_view lower) {
  static const std::unordered_set<std::string_view> kUnits = {
      "million", "billion", "trillion", "percent", "thousand", "bn", "mn"};
  return kUnits.count(lower) != 0;
}

// The figure a number word starts, or 0: its digits (separators dropped,
// so "576,000" and "576000" agree), with the unit word after it. Numbers
// under 100 without a unit (days, small counts, "2nd") and years are no
// figures: every other lead has one.
uint64_t FigureOf(const cluster_internal::Word& word, const cluster_internal::Word* next) {
  std::string digits;
  for (const char c : word.surface) {
    if (c >= '0' && c <= '9') digits += c;
  }
  const std::string next_lower = next != nullptr && word.joined_to_next
                                     ? cluster_internal::NormalizeWord(next->surface)
                                     : std::string();
  if (!IsUnitWord(next_lower)) {
    // "737" is a figure; "2nd", "100m" and "G7" are names or ordinals.
    const bool plain = std::all_of(word.surface.begin(), word.surface.end(), [](char c) {
      return (c >= '0' && c <= '9') || c == ',' || c == '.';
    });
    const bool year =
        digits.size() == 4 && (digits.rfind("19", 0) == 0 || digits.rfind("20", 0) == 0);
    if (!plain || digits.size() < 3 || year) return 0;
  } else {
    digits += ' ';
    digits += next_lower;
  }
  return HashTerm(kFigureSeed, digits);
}

// Calendar words are capitalised by convention, not because they name
// anyone: two leads in three on the bench name a weekday.
// (Weekdays are calendar words too: see WeekdayBit.)
bool IsCalendarWord(std::string_view lower) {
  static const std::unordered_set<std::string_view> kCalendar = {
      "january", "february", "march", "april", "may", "june", "july", "august",
      "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
      "jul", "aug", "sep", "sept", "oct", "nov", "dec"};
  return kCalendar.count(lower) != 0;
}

// What the clusterer needs of a word, worked out once per word.
struct NormalizedWord {
  uint64_t surface_hash = 0;  // the word as written (its identity in an article)
  uint64_t stem_term = 0;     // 0: a stopword, not a term
  uint64_t name_term = 0;     // the term when the word is used as a name
  bool calendar = false;
  uint8_t weekday_bit = 0;  // ArticleTerms::weekdays' bit for a weekday's name
};

// The bit of ArticleTerms::weekdays for "monday" ... "sunday", else 0.
uint8_t WeekdayBit(std::string_view lower) {
  static constexpr std::string_view kWeekdays[] = {"monday", "tuesday", "wednesday", "thursday",
                                                   "friday", "saturday", "sunday"};
  for (size_t d = 0; d < std::size(kWeekdays); ++d) {
    if (lower == kWeekdays[d]) return static_cast<uint8_t>(1u << d);
  }
  return 0;
}

// Word -> its NormalizedWord: open addressing over the xxHash value of the
// word as written, with the entry in the slot, so a word seen before costs
// one probe of one array. Words are told apart by their 64-bit hashes,
// which is no weaker than the terms themselves (64-bit hashes too).
// (std::unordered_map<std::string> cost a copy of the key and a slower
// hash per word: an eighth of the whole run; a table of indices into a
// deque of entries kept the surface to compare and cost two dependent
// cache misses per word.)
class WordCache {
 public:
  size_t size() const { return size_; }

  void Clear() {
    std::fill(slots_.begin(), slots_.end(), NormalizedWord{});
    size_ = 0;
  }

  NormalizedWord Get(std::string_view surface) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();  // at most half full
    // 0 marks an empty slot; a word hashing to 0 is moved aside.
    const uint64_t hash = std::max<uint64_t>(1, XXH3_64bits(surface.data(), surface.size()));
    const size_t mask = slots_.size() - 1;
    size_t i = hash & mask;
    for (; slots_[i].surface_hash != 0; i = (i + 1) & mask) {
      if (slots_[i].surface_hash == hash) return slots_[i];
    }
    slots_[i] = MakeWord(surface, hash);
    ++size_;
    return slots_[i];
  }

 private:
  void Grow() {
    std::vector<NormalizedWord> old(std::max<size_t>(4096, slots_.size() * 2));
    old.swap(slots_);
    const size_t mask = slots_.size() - 1;
    for (const NormalizedWord& word : old) {
      if (word.surface_hash == 0) continue;
      size_t i = word.surface_hash & mask;
      while (slots_[i].surface_hash != 0) i = (i + 1) & mask;
      slots_[i] = word;
    }
  }

  static NormalizedWord MakeWord(std::string_view surface, uint64_t hash) {
    NormalizedWord entry;
    entry.surface_hash = hash;
    const std::string lower = cluster_internal::NormalizeWord(surface);
    // "US" the country is not "us" the pronoun: a stopword in capitals is kept.
    const bool capitals = surface.size() >= 2 &&
                          std::none_of(surface.begin(), surface.end(),
                                       [](char c) { return c >= 'a' && c <= 'z'; });
    if (!lower.empty() && (!IsStopword(lower) || capitals)) {
      const bool number = lower[0] >= '0' && lower[0] <= '9';
      entry.stem_term = HashTerm(kStemSeed, number ? lower : Stem(lower));
      entry.name_term = HashTerm(kNameSeed, lower);
      entry.weekday_bit = WeekdayBit(lower);
      entry.calendar = entry.weekday_bit != 0 || IsCalendarWord(lower);
    }
    return entry;
  }

  std::vector<NormalizedWord> slots_;
  size_t size_ = 0;
};

// Occurrences of terms; then one weight per term: 1 + ln(count), headline
// occurrences counted kTitleWeight times, times the boost of the term's
// kind. The logarithm keeps a word repeated in a long lead from outweighing
// the several words two reports share.
class TermCounter {
 public:
  void Clear() { counts_.clear(); }
  void Add(uint64_t term, float count, float boost) { counts_.push_back({term, count, boost}); }

  ArticleTerms Finish() {
    std::sort(counts_.begin(), counts_.end(),
              [](const Count& a, const Count& b) { return a.term < b.term; });
    ArticleTerms out;
    out.terms.reserve(counts_.size());
    for (size_t i = 0; i < counts_.size();) {
      float count = 0;
      size_t j = i;
      for (; j < counts_.size() && counts_[j].term == counts_[i].term; ++j) count += counts_[j].count;
      out.terms.push_back({counts_[i].term, (1.0f + std::log(count)) * counts_[i].boost});
      i = j;
    }
    return out;
  }

 private:
  struct Count {
    uint64_t term;
    float count;
    float boost;
  };
  std::vector<Count> counts_;
};

bool IsTitleCase(const std::vector<Word>& words, size_t count) {
  size_t long_words = 0, capitalized = 0;
  for (size_t i = 0; i < count; ++i) {
    if (words[i].number || words[i].surface.size() < 4) continue;  // "of", "to" stay lower
    ++long_words;
    if (words[i].capitalized) ++capitalized;
  }
  return long_words >= 2 && capitalized >= kTitleCaseShare * static_cast<double>(long_words);
}

}  // namespace

ArticleTerms ExtractTerms(std::string_view title, std::string_view text) {
  thread_local WordCache cache;
  thread_local std::vector<Word> words;
  thread_local std::vector<NormalizedWord> normalized;
  thread_local std::vector<char> is_name;
  thread_local std::vector<uint64_t> names;  // surface hashes
  thread_local TermCounter counter;
  if (cache.size() >= kMaxWordCache) cache.Clear();

  words.clear();
  cluster_internal::SplitWords(title, words);
  const size_t title_words = words.size();
  const bool title_case = IsTitleCase(words, title_words);
  cluster_internal::SplitWords(text, words, kLeadWords);
  normalized.resize(words.size());
  for (size_t i = 0; i < words.size(); ++i) normalized[i] = cache.Get(words[i].surface);

  // Which words are names. A capital inside a sentence marks one. A capital
  // that starts a sentence may be grammar, so it counts when the word is a
  // name elsewhere in the article, is in capitals ("NATO"), or runs on into
  // a name ("Kamala Harris said"). A Title Case headline shows no names.
  auto may_be_name = [&](size_t i) {
    return words[i].capitalized && !words[i].number && normalized[i].stem_term != 0 &&
           !normalized[i].calendar && !(i < title_words && title_case);
  };
  is_name.assign(words.size(), 0);
  names.clear();
  for (size_t i = 0; i < words.size(); ++i) {
    if (may_be_name(i) && (!words[i].sentence_start || words[i].all_caps)) {
      is_name[i] = 1;
      names.push_back(normalized[i].surface_hash);
    }
  }
  for (size_t i = words.size(); i-- > 0;) {  // backwards, so a run of names carries
    if (is_name[i] || !may_be_name(i)) continue;
    const bool runs_on = words[i].joined_to_next && i + 1 < words.size() && is_name[i + 1];
    if (runs_on || std::find(names.begin(), names.end(), normalized[i].surface_hash) != names.end()) {
      is_name[i] = 1;
    }
  }

  counter.Clear();
  for (size_t i = 0; i < words.size(); ++i) {
    const NormalizedWord& n = normalized[i];
    if (n.stem_term == 0) continue;
    const float count = i < title_words ? kTitleWeight : 1.0f;
    counter.Add(n.stem_term, count, 1.0f);
    if (is_name[i]) counter.Add(n.name_term, count, kNameWeight);
  }
  ArticleTerms out = counter.Finish();
  for (const NormalizedWord& n : normalized) out.weekdays |= n.weekday_bit;
  for (size_t i = 0; i < words.size(); ++i) {
    if (!words[i].number) continue;
    const uint64_t figure = FigureOf(words[i], i + 1 < words.size() ? &words[i + 1] : nullptr);
    if (figure != 0) out.figures.push_back(figure);
  }
  std::sort(out.figures.begin(), out.figures.end());
  out.figures.erase(std::unique(out.figures.begin(), out.figures.end()), out.figures.end());
  return out;
}

}  // namespace parallax
