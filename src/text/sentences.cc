// Sentence splitting for news prose.
//
// A boundary is a '.', '!', '?' or '…', then any closing quote marks or
// brackets, then white space, then something that can start a sentence (an
// upper-case letter, a digit or an opening quote mark). A '.' is no
// boundary after an abbreviation, an honorific or an initial: "Mr Smith"
// needs no dot, but "Dr. Smith", "J. Smith" and "U.S. envoy" must not split.
#include <unicode/uchar.h>

#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "parallax/text.h"

namespace parallax {

namespace {

// The longest sentence, in bytes. News sentences stay under 600; a run of
// text without sentence ends is cut at a space before this, so that the
// steps that look at a sentence as a whole (quotes, speakers, features)
// cost time in proportion to the text however it is punctuated.
constexpr size_t kMaxSentenceBytes = 1500;

bool IsClosingMark(char32_t cp) {
  return cp == U'"' || cp == U'\'' || cp == U'\u2019' || cp == U'\u201D' || cp == U')' ||
         cp == U']' || cp == U'\u00BB';
}

bool IsOpeningMark(char32_t cp) {
  return cp == U'"' || cp == U'\'' || cp == U'\u2018' || cp == U'\u201C' || cp == U'(' ||
         cp == U'[' || cp == U'\u00AB';
}

bool IsSpace(char32_t cp) { return u_isUWhiteSpace(static_cast<UChar32>(cp)) || cp == 0xA0; }

// Words that end in a dot without ending a sentence. Folded, without the dot.
const std::unordered_set<std::string>& Abbreviations() {
  static const std::unordered_set<std::string> kAbbreviations = {
      "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "rev", "hon", "gen", "col", "lt",
      "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep", "pres", "supt", "insp", "det",
      "inc", "ltd", "co", "corp", "plc", "bros", "no", "nos", "vol", "fig", "vs", "v",
      "etc", "approx", "est", "dept", "univ", "ave", "rd", "blvd", "mt", "ft", "jan",
      "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
      "e.g", "i.e", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u"};
  return kAbbreviations;
}

// The word that ends just before byte `dot` (letters and inner dots).
std::string WordBefore(std::string_view text, size_t dot) {
  size_t start = dot;
  while (start > 0) {
    const unsigned char c = text[start - 1];
    if (c == '.' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80) {
      --start;
    } else {
      break;
    }
  }
  return FoldCase(text.substr(start, dot - start));
}

bool DotEndsSentence(std::string_view text, size_t dot) {
  const std::string word = WordBefore(text, dot);
  if (word.empty()) return true;  // "1990." or ")." end sentences
  if (Abbreviations().count(word)) return false;
  // A single letter is an initial ("J. Smith"); dotted forms are acronyms.
  if (word.size() == 1) return false;
  if (word.find('.') != std::string::npos) return false;
  return true;
}

}  // namespace

std::vector<std::pair<uint32_t, uint32_t>> SplitSentences(std::string_view paragraph) {
  std::vector<std::pair<uint32_t, uint32_t>> sentences;
  size_t start = 0;
  size_t pos = 0;
  auto emit = [&](size_t end) {
    // Trim white space (no-break and other Unicode spaces too) on both
    // sides; skip empty pieces.
    size_t b = start, e = end;
    while (b < e) {
      size_t next = b;
      const char32_t c = DecodeUtf8(paragraph, next);
      if (c > U' ' && !IsSpace(c)) break;
      b = next;
    }
    while (e > b) {
      size_t lead = e - 1;  // back to the first byte of the last code point
      while (lead > b && (static_cast<unsigned char>(paragraph[lead]) & 0xC0) == 0x80) --lead;
      size_t next = lead;
      const char32_t c = DecodeUtf8(paragraph, next);
      if (next != e || (c > U' ' && !IsSpace(c))) break;
      e = lead;
    }
    // A run longer than kMaxSentenceBytes is not a sentence but text
    // without sentence ends (a list, a feed, a broken page): cut it at a
    // space, so every later step sees bounded sentences.
    while (e - b > kMaxSentenceBytes) {
      size_t cut = paragraph.substr(0, b + kMaxSentenceBytes).find_last_of(" \t");
      if (cut == std::string_view::npos || cut <= b + kMaxSentenceBytes / 2) {
        cut = b + kMaxSentenceBytes;
        while (cut > b && (static_cast<unsigned char>(paragraph[cut]) & 0xC0) == 0x80) --cut;
      }
      size_t piece_end = cut;
      while (piece_end > b && (paragraph[piece_end - 1] == ' ' || paragraph[piece_end - 1] == '\t')) --piece_end;
      if (piece_end > b) sentences.emplace_back(static_cast<uint32_t>(b), static_cast<uint32_t>(piece_end));
      b = cut;
      while (b < e && (paragraph[b] == ' ' || paragraph[b] == '\t')) ++b;
    }
    if (e > b) sentences.emplace_back(static_cast<uint32_t>(b), static_cast<uint32_t>(e));
  };
  while (pos < paragraph.size()) {
    const size_t here = pos;
    const char32_t cp = DecodeUtf8(paragraph, pos);
    const bool terminal = cp == U'.' || cp == U'!' || cp == U'?' || cp == U'\u2026';
    if (!terminal) continue;
    if (cp == U'.' && !DotEndsSentence(paragraph, here)) continue;
    // Swallow further terminal marks and closing quotes: "...now!’" or "?!".
    size_t end = pos;
    while (end < paragraph.size()) {
      size_t next = end;
      const char32_t c = DecodeUtf8(paragraph, next);
      if (IsClosingMark(c) || c == U'.' || c == U'!' || c == U'?' || c == U'\u2026') {
        end = next;
      } else {
        break;
      }
    }
    // Need white space, then a sentence start.
    size_t look = end;
    bool saw_space = false;
    char32_t following = 0;
    while (look < paragraph.size()) {
      const char32_t c = DecodeUtf8(paragraph, look);
      if (IsSpace(c)) {
        saw_space = true;
        continue;
      }
      following = c;
      break;
    }
    if (!saw_space || following == 0) {
      pos = end;
      continue;
    }
    const bool starts = u_isupper(static_cast<UChar32>(following)) ||
                        u_istitle(static_cast<UChar32>(following)) ||
                        u_isdigit(static_cast<UChar32>(following)) || IsOpeningMark(following);
    if (!starts) {
      pos = end;
      continue;
    }
    emit(end);
    start = end;
    pos = end;
  }
  emit(paragraph.size());
  return sentences;
}

}  // namespace parallax
