// Finding the text between quotation marks.
#include <unicode/uchar.h>

#include <string_view>
#include <vector>

#include "analyze/internal.h"
#include "parallax/text.h"

namespace parallax {

namespace {

bool IsLetterOrDigit(char32_t cp) { return cp != 0 && u_isalnum(static_cast<UChar32>(cp)); }
bool IsSpaceOrNone(char32_t cp) {
  return cp == 0 || u_isUWhiteSpace(static_cast<UChar32>(cp)) || cp == 0xA0;
}
bool IsOpeningContext(char32_t before) {
  return IsSpaceOrNone(before) || before == U'(' || before == U'[' || before == U'\u2014' ||
         before == U'\u2013' || before == U'-' || before == U':' || before == U'/';
}
bool IsClosingPunctuation(char32_t cp) {
  return cp == U',' || cp == U'.' || cp == U'!' || cp == U'?' || cp == U';' || cp == U':' ||
         cp == U'\u2026' || cp == U'\u2014' || cp == U'\u2013' || cp == U'-';
}

struct CodePoint {
  char32_t cp;
  uint32_t begin;
  uint32_t end;
};

}  // namespace

std::vector<QuotedSpan> FindQuotedSpans(std::string_view text) {
  std::vector<CodePoint> cps;
  for (size_t pos = 0; pos < text.size();) {
    const uint32_t begin = static_cast<uint32_t>(pos);
    const char32_t cp = DecodeUtf8(text, pos);
    cps.push_back({cp, begin, static_cast<uint32_t>(pos)});
  }
  auto at = [&](size_t i) -> char32_t { return i < cps.size() ? cps[i].cp : 0; };
  auto before = [&](size_t i) -> char32_t { return i == 0 ? 0 : cps[i - 1].cp; };

  std::vector<QuotedSpan> spans;
  size_t i = 0;
  while (i < cps.size()) {
    const char32_t cp = cps[i].cp;
    // Two apostrophes or two backticks stand for a double mark in some wire
    // and newspaper copy ("''We will,'' she said"; "``We will,''").
    const bool opens_doubled = (cp == U'\'' || cp == U'`') && at(i + 1) == cp && IsOpeningContext(before(i));
    const bool opens_double = opens_doubled || cp == U'\u201C' || (cp == U'"' && IsOpeningContext(before(i)));
    const bool opens_single =
        !opens_doubled &&
        (cp == U'\u2018' ||
        (cp == U'\'' && IsOpeningContext(before(i)) && u_isalpha(static_cast<UChar32>(at(i + 1)))));
    if (!opens_double && !opens_single) {
      ++i;
      continue;
    }
    QuotedSpan span;
    if (opens_doubled) ++i;
    span.begin = cps[i].end;
    span.at_paragraph_start = i == 0;
    size_t close = cps.size();
    size_t close_width = 1;
    if (opens_double) {
      for (size_t j = i + 1; j < cps.size(); ++j) {
        if (cps[j].cp == U'\u201D' || (cps[j].cp == U'"' && !IsLetterOrDigit(at(j + 1)))) {
          close = j;
          break;
        }
        if (cps[j].cp == U'\'' && at(j + 1) == U'\'' && !IsLetterOrDigit(at(j + 2))) {
          close = j;
          close_width = 2;
          break;
        }
        if (cps[j].cp == U'\u201C') break;  // a new quote opens: this one was left open
      }
    } else {
      // Closing single mark: never between two letters (that is an
      // apostrophe). Prefer a mark that touches punctuation or ends the
      // paragraph; "leaders’ summit" could be a plural possessive.
      size_t weak = cps.size();
      for (size_t j = i + 1; j < cps.size(); ++j) {
        const char32_t c = cps[j].cp;
        if (c == U'\u2018') break;
        if (c != U'\u2019' && c != U'\'') continue;
        const char32_t prev = before(j), next = at(j + 1);
        if (IsSpaceOrNone(prev) || IsLetterOrDigit(next)) continue;
        if (IsClosingPunctuation(prev) || IsClosingPunctuation(next) || next == 0) {
          close = j;
          break;
        }
        if (weak == cps.size()) weak = j;
      }
      if (close == cps.size()) close = weak;
    }
    if (close == cps.size()) {
      span.end = static_cast<uint32_t>(text.size());
      span.closed = false;
      i = cps.size();
    } else {
      span.end = cps[close].begin;
      i = close + close_width;
    }
    // Trim white space inside the marks.
    while (span.begin < span.end && static_cast<unsigned char>(text[span.begin]) <= ' ') ++span.begin;
    while (span.end > span.begin && static_cast<unsigned char>(text[span.end - 1]) <= ' ') --span.end;
    if (span.end > span.begin) spans.push_back(span);
  }
  return spans;
}

}  // namespace parallax
