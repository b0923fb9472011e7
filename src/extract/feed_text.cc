// Feed dates and titles: what an item says as plain values.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "extract/feed_internal.h"
#include "extract/html_tokenizer.h"
#include "parallax/text.h"

namespace parallax::feed {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Reads exactly `count` digits at text[pos].
bool ReadDigits(std::string_view text, size_t& pos, size_t count, int& value) {
  if (text.size() - pos < count) return false;
  value = 0;
  for (size_t i = 0; i < count; ++i) {
    if (!IsDigit(text[pos + i])) return false;
    value = value * 10 + (text[pos + i] - '0');
  }
  pos += count;
  return true;
}

struct DateTime {
  int year = 0, month = 0, day = 0;
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  int offset_minutes = 0;  // east of UTC
};

std::string Format(const DateTime& t) {
  if (t.month < 1 || t.month > 12 || t.day < 1 || t.year < 1 || t.year > 9999 ||
      t.day > DaysInMonth(t.year, t.month)) {
    return "";
  }
  if (!t.has_time) return CivilFromDays(DaysFromCivil(t.year, t.month, t.day));
  // 24:00 is midnight at the day's end; 60 seconds is a leap second.
  if (t.hour > 24 || t.minute > 59 || t.second > 60 || (t.hour == 24 && (t.minute | t.second))) {
    return "";
  }
  const int64_t seconds = DaysFromCivil(t.year, t.month, t.day) * 86400 + t.hour * 3600 +
                          t.minute * 60 + (t.second == 60 ? 59 : t.second) -
                          int64_t{t.offset_minutes} * 60;
  const int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  const int64_t in_day = seconds - days * 86400;
  const std::string date = CivilFromDays(days);
  if (date.size() != 10) return "";  // outside the years 1 to 9999
  std::string out = date;
  out.reserve(20);
  for (const int64_t value : {in_day / 3600, in_day / 60 % 60, in_day % 60}) {
    out += out.size() == 10 ? 'T' : ':';
    out += static_cast<char>('0' + value / 10);
    out += static_cast<char>('0' + value % 10);
  }
  out += 'Z';
  return out;
}

// "+05:30", "-0800", "+01", "Z"; false when `zone` is none of them.
bool ReadNumericZone(std::string_view zone, int& offset_minutes) {
  if (zone == "Z" || zone == "z") {
    offset_minutes = 0;
    return true;
  }
  if (zone.size() < 3 || (zone[0] != '+' && zone[0] != '-')) return false;
  size_t pos = 1;
  int hours = 0, minutes = 0;
  if (!ReadDigits(zone, pos, 2, hours)) return false;
  if (pos < zone.size() && zone[pos] == ':') ++pos;
  if (pos < zone.size() && !ReadDigits(zone, pos, 2, minutes)) return false;
  if (pos != zone.size() || hours > 23 || minutes > 59) return false;
  offset_minutes = (zone[0] == '-' ? -1 : 1) * (hours * 60 + minutes);
  return true;
}

// Zone names: RFC 822's (UT, GMT, the four US zones) and those seen in
// news feeds. IST is taken as India's, the one Indian outlets write.
std::optional<int> NamedZoneOffset(std::string_view name) {
  struct Zone {
    std::string_view name;
    int minutes;
  };
  static constexpr Zone kZones[] = {
      {"ut", 0},     {"utc", 0},     {"gmt", 0},     {"z", 0},      {"wet", 0},    {"est", -300},
      {"edt", -240}, {"cst", -360},  {"cdt", -300},  {"mst", -420}, {"mdt", -360}, {"pst", -480},
      {"pdt", -420}, {"akst", -540}, {"akdt", -480}, {"hst", -600}, {"ast", -240}, {"adt", -180},
      {"nst", -210}, {"ndt", -150},  {"west", 60},   {"bst", 60},   {"cet", 60},   {"met", 60},
      {"cest", 120}, {"mest", 120},  {"eet", 120},   {"eest", 180}, {"msk", 180},  {"ist", 330},
      {"pkt", 300},  {"ict", 420},   {"wib", 420},   {"hkt", 480},  {"sgt", 480},  {"awst", 480},
      {"jst", 540},  {"kst", 540},   {"acst", 570},  {"aest", 600}, {"aedt", 660}, {"nzst", 720},
      {"nzdt", 780},
  };
  for (const Zone& zone : kZones) {
    if (EqualsIgnoringAsciiCase(zone.name, name)) return zone.minutes;
  }
  return std::nullopt;
}

int MonthFromName(std::string_view word) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  for (int i = 0; i < 12; ++i) {
    if (EqualsIgnoringAsciiCase(word.substr(0, 3), kMonths[i])) return i + 1;
  }
  return 0;
}

bool IsWeekday(std::string_view word) {
  static constexpr std::string_view kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  if (word.size() < 3) return false;
  for (std::string_view day : kDays) {
    if (EqualsIgnoringAsciiCase(word.substr(0, 3), day)) return true;
  }
  return false;
}

// ISO 8601 / W3C-DTF: "2026-11-26", "2026-11-26T08:00:00Z",
// "2026-11-26T08:00:00.123+01:00", "2026-11-26 08:00:00 +0100".
std::string ParseIso(std::string_view text) {
  DateTime t;
  size_t pos = 0;
  if (!ReadDigits(text, pos, 4, t.year) || pos >= text.size() || text[pos] != '-') return "";
  ++pos;
  if (!ReadDigits(text, pos, 2, t.month)) return "";
  // A year and month alone ("2026-11") name no day: not a publication date.
  if (pos >= text.size() || text[pos] != '-') return "";
  ++pos;
  if (!ReadDigits(text, pos, 2, t.day)) return "";
  if (pos < text.size() && (text[pos] == 'T' || text[pos] == 't' || text[pos] == ' ') &&
      pos + 1 < text.size() && IsDigit(text[pos + 1])) {
    ++pos;
    t.has_time = true;
    if (!ReadDigits(text, pos, 2, t.hour) || pos >= text.size() || text[pos] != ':') return "";
    ++pos;
    if (!ReadDigits(text, pos, 2, t.minute)) return "";
    if (pos < text.size() && text[pos] == ':') {
      ++pos;
      if (!ReadDigits(text, pos, 2, t.second)) return "";
      if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
        ++pos;
        while (pos < text.size() && IsDigit(text[pos])) ++pos;  // fractions are dropped
      }
    }
    while (pos < text.size() && text[pos] == ' ') ++pos;
    const std::string_view zone = text.substr(pos);
    if (!zone.empty() && !ReadNumericZone(zone, t.offset_minutes)) {
      const std::optional<int> named = NamedZoneOffset(zone);
      if (!named) return "";
      t.offset_minutes = *named;
    }
  } else if (pos != text.size()) {
    return "";
  }
  return Format(t);
}

// RFC 822 and what feeds make of it: "Sat, 16 Dec 2023 14:02:33 +0100",
// "16 Dec 23 14:02 EST", "Saturday, 16-Dec-2023 14:02:33 GMT",
// "Sat, Dec 16 2023 02:02:33 PM", "Dec 16, 2023". Words are read by what
// they look like, not by position.
std::string ParseRfc822(std::string_view original) {
  // "16-Dec-2023": a '-' after a letter or digit separates words, unless
  // it follows a time, where it starts a zone ("14:02:33-0800").
  std::string text(original);
  size_t word_begin = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ') word_begin = i + 1;
    if (text[i] == '-' && i > word_begin && (IsDigit(text[i - 1]) || IsAsciiAlpha(text[i - 1])) &&
        text.find(':', word_begin) > i) {
      text[i] = ' ';
      word_begin = i + 1;
    }
  }
  DateTime t;
  int numbers[3];
  size_t number_count = 0;
  bool pm = false, am = false;
  size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    if (c == ' ' || c == ',' || c == '\t') {
      ++pos;
      continue;
    }
    if (c == '(') {  // a comment: "+0000 (UTC)"
      const size_t close = text.find(')', pos);
      pos = close == std::string_view::npos ? text.size() : close + 1;
      continue;
    }
    size_t end = pos + 1;
    while (end < text.size() && text[end] != ' ' && text[end] != ',' && text[end] != '\t' &&
           text[end] != '(') {
      ++end;
    }
    const std::string_view word = std::string_view(text).substr(pos, end - pos);
    pos = end;
    if (word.find(':') != std::string_view::npos && IsDigit(word[0])) {
      size_t p = 0;
      int hour = 0;
      if (!IsDigit(word[0])) return "";
      hour = word[0] - '0';
      p = 1;
      if (p < word.size() && IsDigit(word[p])) hour = hour * 10 + (word[p++] - '0');
      if (p >= word.size() || word[p] != ':') return "";
      ++p;
      if (!ReadDigits(word, p, 2, t.minute)) return "";
      if (p < word.size() && word[p] == ':') {
        ++p;
        if (!ReadDigits(word, p, 2, t.second)) return "";
      }
      if (p != word.size()) {
        // "14:02:33+0100" or "14:02:33Z": the zone glued to the time.
        if (!ReadNumericZone(word.substr(p), t.offset_minutes)) return "";
      }
      t.hour = hour;
      t.has_time = true;
    } else if ((word[0] == '+' || word[0] == '-') && word.size() > 1 && IsDigit(word[1])) {
      if (!ReadNumericZone(word, t.offset_minutes)) return "";
    } else if (IsDigit(word[0])) {
      size_t p = 0;
      int value = 0;
      while (p < word.size() && IsDigit(word[p]) && p < 5) value = value * 10 + (word[p++] - '0');
      // "16th", "2nd": an ordinal suffix
      const std::string_view suffix = word.substr(p);
      if (!suffix.empty() &&
          !(suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th")) {
        return "";
      }
      if (number_count == 3) return "";
      numbers[number_count++] = value * (p == 4 ? -1 : 1);  // four digits: a year, marked negative
    } else if (IsAsciiAlpha(word[0])) {
      if (EqualsIgnoringAsciiCase(word, "pm") || EqualsIgnoringAsciiCase(word, "p.m.")) {
        pm = true;
      } else if (EqualsIgnoringAsciiCase(word, "am") || EqualsIgnoringAsciiCase(word, "a.m.")) {
        am = true;
      } else if (t.month == 0 && MonthFromName(word) != 0 && !IsWeekday(word)) {
        t.month = MonthFromName(word);
      } else if (IsWeekday(word)) {
        // the day's name says nothing the date does not
      } else if (const std::optional<int> offset = NamedZoneOffset(word)) {
        t.offset_minutes = *offset;
      }
      // Any other word (a zone nobody lists) is ignored: the time is then read as UTC.
    } else {
      return "";
    }
  }
  if (t.month == 0) return "";
  int year = 0, day = 0;
  for (size_t i = 0; i < number_count; ++i) {
    if (numbers[i] < 0) {
      if (year != 0) return "";
      year = -numbers[i];
    } else if (day == 0) {
      day = numbers[i];
    } else if (year == 0) {
      year = numbers[i] < 50 ? 2000 + numbers[i] : numbers[i] < 100 ? 1900 + numbers[i] : 0;
      if (year == 0) return "";
    } else {
      return "";
    }
  }
  if (day == 0 || year == 0) return "";
  t.year = year;
  t.day = day;
  if (t.has_time && (pm || am)) {
    if (t.hour < 1 || t.hour > 12) return "";
    if (pm && t.hour < 12) t.hour += 12;
    if (am && t.hour == 12) t.hour = 0;
  }
  return Format(t);
}

bool IsCollapsedSpace(std::string_view text, size_t pos, size_t& length) {
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c <= 0x20 || c == 0x7F) {
    length = 1;
    return true;
  }
  if (c == 0xC2 && pos + 1 < text.size() && static_cast<unsigned char>(text[pos + 1]) == 0xA0) {
    length = 2;  // U+00A0, from &nbsp;
    return true;
  }
  return false;
}

void AppendCollapsed(std::string_view text, std::string& out, bool& pending_space) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t length = 0;
    if (IsCollapsedSpace(text, pos, length)) {
      pending_space = !out.empty();
      pos += length;
      continue;
    }
    size_t end = pos + 1;  // the run up to the next space, copied at once
    while (end < text.size() && !IsCollapsedSpace(text, end, length)) ++end;
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    out.append(text.substr(pos, end - pos));
    pos = end;
  }
}

// Tags inside a word ("<b>Break</b>ing") join; every other tag separates.
bool IsInlineTag(std::string_view name) {
  static constexpr std::string_view kInline[] = {"a",    "abbr",   "b",    "cite", "code", "em",
                                                 "font", "i",      "mark", "q",    "s",    "small",
                                                 "span", "strong", "sub",  "sup",  "u"};
  for (std::string_view tag : kInline) {
    if (tag == name) return true;
  }
  return false;
}

bool HasMarkupOrReference(std::string_view text) {
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if (text[pos] != '<' && text[pos] != '&') continue;
    if (text[pos] == '&') return true;
    if (pos + 1 < text.size() &&
        (IsAsciiAlpha(text[pos + 1]) || text[pos + 1] == '/' || text[pos + 1] == '!')) {
      return true;
    }
  }
  return false;
}

// The byte windows-1252 (or Latin-1) writes `code_point` as; -1 for none.
int Windows1252Byte(char32_t code_point) {
  if (code_point < 0x80 || (code_point >= 0xA0 && code_point <= 0xFF)) {
    return static_cast<int>(code_point);
  }
  for (int byte = 0x80; byte <= 0x9F; ++byte) {
    if (html::Windows1252CodePoint(static_cast<uint8_t>(byte)) == code_point) return byte;
  }
  return code_point <= 0x9F ? static_cast<int>(code_point) : -1;  // C1 controls: undefined bytes
}

// Text that was UTF-8, read as windows-1252 and written out as UTF-8 again
// ("ActualitÃ©s" for "Actualités"), a common accident of feed
// generators: when every character maps back to one windows-1252 byte and
// those bytes are well-formed UTF-8 with a multi-byte sequence, they are
// the text. Genuine text almost never passes: it would need an accented
// capital followed by the right symbols ("Ã©") throughout.
bool RepairDoubleEncoding(std::string_view text, std::string& out) {
  if (text.find('\xC3') == std::string_view::npos && text.find('\xC2') == std::string_view::npos &&
      text.find('\xC5') == std::string_view::npos) {
    return false;  // no Ã, Â, Å...: nothing that starts a double-encoded sequence
  }
  out.clear();
  bool multibyte = false;
  for (size_t pos = 0; pos < text.size();) {
    const unsigned char lead = static_cast<unsigned char>(text[pos]);
    char32_t code_point = lead;
    size_t length = 1;
    if (lead >= 0xE0 && lead < 0xF0 && pos + 2 < text.size()) {
      code_point = (lead & 0x0F) << 12 | (text[pos + 1] & 0x3F) << 6 | (text[pos + 2] & 0x3F);
      length = 3;
    } else if (lead >= 0xC0 && lead < 0xE0 && pos + 1 < text.size()) {
      code_point = (lead & 0x1F) << 6 | (text[pos + 1] & 0x3F);
      length = 2;
    } else if (lead >= 0x80) {
      return false;
    }
    const int byte = Windows1252Byte(code_point);
    if (byte < 0) return false;
    multibyte |= byte >= 0x80;
    out += static_cast<char>(byte);
    pos += length;
  }
  if (!multibyte) return false;
  // Well-formed UTF-8 (RFC 3629) throughout?
  return FindInvalidUtf8(out) == std::string_view::npos;
}

}  // namespace

std::string NormalizeFeedDate(std::string_view text) {
  while (!text.empty() && static_cast<unsigned char>(text.front()) <= 0x20) text.remove_prefix(1);
  while (!text.empty() && static_cast<unsigned char>(text.back()) <= 0x20) text.remove_suffix(1);
  if (text.empty() || text.size() > 100) return "";
  if (text.size() >= 5 && IsDigit(text[0]) && IsDigit(text[1]) && IsDigit(text[2]) &&
      IsDigit(text[3]) && text[4] == '-') {
    return ParseIso(text);
  }
  return ParseRfc822(text);
}

std::string PlainTitle(std::string_view text) {
  std::string repaired;
  if (RepairDoubleEncoding(text, repaired)) text = repaired;
  std::string out;
  bool pending_space = false;
  if (!HasMarkupOrReference(text)) {
    AppendCollapsed(text, out, pending_space);
    return out;
  }
  // Escaped markup, or markup in CDATA: read it as HTML, which also decodes
  // the references of text that was escaped twice ("&amp;#8217;").
  html::Tokenizer tokenizer(text);
  tokenizer.set_skip_code_text(true);
  html::Token token;
  while (tokenizer.Next(token)) {
    if (token.type == html::TokenType::kText) {
      AppendCollapsed(token.text, out, pending_space);
    } else if ((token.type == html::TokenType::kStartTag ||
                token.type == html::TokenType::kEndTag) &&
               !IsInlineTag(token.name)) {
      pending_space = !out.empty();
    }
  }
  return out;
}

}  // namespace parallax::feed
