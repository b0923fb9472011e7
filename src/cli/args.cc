// What the commands' option values must be, said in words: the checks
// behind the CLI11 validators of cli/options.h, kept free of CLI11 so that
// the unit tests can read their messages.
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>

#include "cli/commands.h"

namespace parallax::cli {

bool ParseCount(const std::string& text, unsigned long long* out) {
  if (text.empty() || text[0] < '0' || text[0] > '9') return false;  // strtoull takes "-1"
  char* end = nullptr;
  errno = 0;
  *out = std::strtoull(text.c_str(), &end, 10);
  return *end == '\0' && errno == 0;
}

std::string CheckPositive(const std::string& text, unsigned long long most) {
  unsigned long long n = 0;
  if (ParseCount(text, &n) && n > 0 && n <= most) return "";
  std::string message = "takes a whole number from 1";
  if (most != std::numeric_limits<unsigned long long>::max())
    message += " to " + std::to_string(most);
  return message + ", got '" + text + "'";
}

std::string CheckDecimal(const std::string& text, double low, bool low_included, double high,
                         const std::string& what, double* value) {
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(text.c_str(), &end);
  // The comparisons are false for a NaN, so "nan" is refused too.
  const bool above_low = low_included ? v >= low : v > low;
  if (text.empty() || *end != '\0' || errno != 0 || !above_low || !(v <= high)) {
    return "takes " + what + ", got '" + text + "'";
  }
  if (value != nullptr) *value = v;
  return "";
}

std::string CheckJobs(const std::string& text) {
  unsigned long long n = 0;
  if (ParseCount(text, &n) && n <= kMaxJobs) return "";
  return "takes a number of threads from 0 (one per core) to " + std::to_string(kMaxJobs) +
         ", got '" + text + "'";
}

std::string CheckDatabasePath(const std::string& text) {
  return text.empty() ? "needs a file name" : "";
}

std::string CheckStoryId(const std::string& text) {
  unsigned long long id = 0;
  if (ParseCount(text, &id) && id > 0 &&
      id <= static_cast<unsigned long long>(std::numeric_limits<int64_t>::max())) {
    return "";
  }
  return "takes a story ID (a positive number from 'parallax stories'), got '" + text + "'";
}

}  // namespace parallax::cli
