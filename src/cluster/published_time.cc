// ParsePublishedTime: ISO 8601 dates and date-times to seconds since the epoch.
#include <cstdint>
#include <string>
#include <string_view>

#include "parallax/cluster.h"
#include "parallax/text.h"

namespace parallax {

namespace {

// Reads exactly `digits` decimal digits at `pos`.
bool ReadNumber(std::string_view s, size_t& pos, int digits, int& out) {
  if (pos + digits > s.size()) return false;
  int value = 0;
  for (int i = 0; i < digits; ++i) {
    const char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  pos += digits;
  out = value;
  return true;
}

bool Expect(std::string_view s, size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

Status Invalid(std::string_view text) {
  return Status::InvalidInput("'" + std::string(text.substr(0, 40)) +
                              "' is not an ISO 8601 date (2021-06-25) or date-time "
                              "(2021-06-25T14:03:00Z)");
}

}  // namespace

Result<int64_t> ParsePublishedTime(std::string_view text) {
  size_t pos = 0;
  int year = 0, month = 0, day = 0;
  if (!ReadNumber(text, pos, 4, year) || !Expect(text, pos, '-') ||
      !ReadNumber(text, pos, 2, month) || !Expect(text, pos, '-') ||
      !ReadNumber(text, pos, 2, day)) {
    return Invalid(text);
  }
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) return Invalid(text);
  int64_t seconds = DaysFromCivil(year, month, day) * 86400;
  if (pos == text.size()) return seconds;

  if (text[pos] != 'T' && text[pos] != 't' && text[pos] != ' ') return Invalid(text);
  ++pos;
  int hour = 0, minute = 0, second = 0;
  if (!ReadNumber(text, pos, 2, hour) || !Expect(text, pos, ':') ||
      !ReadNumber(text, pos, 2, minute)) {
    return Invalid(text);
  }
  if (pos < text.size() && text[pos] == ':') {
    ++pos;
    if (!ReadNumber(text, pos, 2, second)) return Invalid(text);
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
      ++pos;
      const size_t digits = pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
      if (pos == digits) return Invalid(text);
    }
  }
  // 60 is a leap second.
  if (hour > 23 || minute > 59 || second > 60) return Invalid(text);
  seconds += hour * 3600 + minute * 60 + second;
  if (pos == text.size()) return seconds;  // no zone: taken as UTC
  if ((text[pos] == 'Z' || text[pos] == 'z') && pos + 1 == text.size()) return seconds;
  if (text[pos] != '+' && text[pos] != '-') return Invalid(text);
  const int sign = text[pos] == '+' ? 1 : -1;
  ++pos;
  int zone_hours = 0, zone_minutes = 0;
  if (!ReadNumber(text, pos, 2, zone_hours)) return Invalid(text);
  if (pos < text.size()) {
    if (text[pos] == ':') ++pos;
    if (!ReadNumber(text, pos, 2, zone_minutes)) return Invalid(text);
  }
  if (pos != text.size() || zone_hours > 18 || zone_minutes > 59) return Invalid(text);
  return seconds - sign * (zone_hours * 3600 + zone_minutes * 60);
}

}  // namespace parallax
