// text: the toolbox every later stage uses. UTF-8 checks and case folding,
// tokens with Snowball stems, and sentence splitting that knows
// abbreviations, honorifics, initials and closing quote marks.
// Includes no other stage.
#ifndef PARALLAX_TEXT_H_
#define PARALLAX_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/analysis.h"

namespace parallax {

// Byte offset of the first invalid UTF-8 sequence, or npos when valid.
size_t FindInvalidUtf8(std::string_view text);

// Decodes one code point at `pos` and advances it; U+FFFD on a bad byte.
char32_t DecodeUtf8(std::string_view text, size_t& pos);
void AppendUtf8(char32_t cp, std::string& out);

// Untrusted text made safe to print on a terminal or in a TSV field.
// Control characters that could move the cursor, retitle or clear a
// terminal, or end a line or field (C0, DEL and C1, U+0080-U+009F) become
// visible escapes: \t, \n, \r, else \xHH for a byte and \u0080-\u009F
// for C1; so do bytes that are not UTF-8 (\xHH). With `escape_backslash`,
// "\" becomes "\\" too, so the escaping can be undone (the TSV outputs).
std::string EscapeControls(std::string_view text, bool escape_backslash);

// Lower-cases (full Unicode simple case folding) and folds typographic
// apostrophes and hyphens to ASCII, so "Dame Jane’s" and "dame jane's" compare equal.
std::string FoldCase(std::string_view text);

// English Snowball stem of an already folded word. Thread-safe.
std::string Stem(std::string_view folded_word);

// Whether Tokenize fills Token::stem: the Snowball rules are most of its
// cost, and a caller after the folded words only can skip them.
enum class Stems { kFill, kSkip };

// Tokens of text[begin, end); offsets are relative to `text`.
std::vector<Token> Tokenize(std::string_view text, uint32_t begin, uint32_t end, Stems stems = Stems::kFill);

// The folded words of tokens [begin, end) of a name: no dots, and the
// letters of an abbreviation as one word ("U.S." is "us", as "US" is).
std::vector<std::string> NameWords(const std::vector<Token>& tokens, size_t begin, size_t end);

// Sentence spans of one paragraph (byte offsets into it). A run of over
// 1,500 bytes without a sentence end is cut at a space into pieces that
// long at most.
std::vector<std::pair<uint32_t, uint32_t>> SplitSentences(std::string_view paragraph);

// True for a small closed set of English function words ("the", "of"), honorific
// abbreviations ("mr") and plain attribution verbs ("said", "says"): words that
// tell no fact, so alignment ignores them.
bool IsStopword(std::string_view folded_word);

// The calendar (proleptic Gregorian, UTC), for dates written as ISO 8601
// text. Days are counted from 1970-01-01.
bool IsLeapYear(int64_t year);
int DaysInMonth(int64_t year, int month);  // month 1..12
int64_t DaysFromCivil(int64_t year, int month, int day);
std::string CivilFromDays(int64_t days);  // "2026-11-26"
// The days of "YYYY-MM-DD" (only that, and only a real date), else nothing.
std::optional<int64_t> ParseDay(std::string_view day);
// "2026-11-27" for "2026-11-26"; nothing when `day` is not a real date.
std::optional<std::string> NextDay(std::string_view day);
// Unix time as ISO 8601 UTC, "2026-11-26T08:00:00Z"; UtcNow for the present.
std::string FormatUtc(std::time_t seconds);
std::string UtcNow();

// Whether two strings are equal when ASCII letters are compared without
// case (header names, charset labels, element names); other bytes exactly.
bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b);

}  // namespace parallax

#endif  // PARALLAX_TEXT_H_
