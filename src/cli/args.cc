// Option parsing shared by the commands.
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <thread>

#include "cli/commands.h"

namespace parallax::cli {

const std::string* NextValue(const char* command, const std::vector<std::string>& args, size_t& i,
                             const char* flag) {
  if (i + 1 >= args.size()) {
    std::cerr << "parallax " << command << ": " << flag << " needs a value\n";
    return nullptr;
  }
  return &args[++i];
}

std::optional<int> ParseOrHelp(const std::function<bool(bool& help)>& parse,
                               const char* help_text) {
  bool help = false;
  if (!parse(help)) return kExitUsage;
  if (help) {
    std::cout << help_text;
    return kExitOk;
  }
  return std::nullopt;
}

bool ParseCount(const std::string& text, unsigned long long* out) {
  if (text.empty() || text[0] < '0' || text[0] > '9') return false;  // strtoull takes "-1"
  char* end = nullptr;
  errno = 0;
  *out = std::strtoull(text.c_str(), &end, 10);
  return *end == '\0' && errno == 0;
}

bool ParsePositive(const char* command, const char* flag, const std::string& text,
                   unsigned long long most, unsigned long long* out) {
  if (ParseCount(text, out) && *out > 0 && *out <= most) return true;
  std::cerr << "parallax " << command << ": " << flag << " takes a whole number from 1";
  if (most != std::numeric_limits<unsigned long long>::max()) std::cerr << " to " << most;
  std::cerr << ", got '" << text << "'\n";
  return false;
}

bool ParseDecimal(const char* command, const char* flag, const std::string& text, double low,
                  bool low_included, double high, const std::string& what, double* out) {
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(text.c_str(), &end);
  // The comparisons are false for a NaN, so "nan" is refused too.
  const bool above_low = low_included ? v >= low : v > low;
  if (text.empty() || *end != '\0' || errno != 0 || !above_low || !(v <= high)) {
    std::cerr << "parallax " << command << ": " << flag << " takes " << what << ", got '" << text
              << "'\n";
    return false;
  }
  *out = v;
  return true;
}

bool ParseJobs(const char* command, const std::string& text, unsigned* jobs) {
  // More threads than this only adds contention; a typo such as --jobs
  // 40000 should not try to start that many.
  constexpr unsigned long long kMaxJobs = 1024;
  unsigned long long n = 0;
  if (!ParseCount(text, &n) || n > kMaxJobs) {
    std::cerr << "parallax " << command << ": --jobs takes a number of threads from 0 (one per "
              << "core) to " << kMaxJobs << ", got '" << text << "'\n";
    return false;
  }
  *jobs = n == 0 ? std::max(1u, std::thread::hardware_concurrency()) : static_cast<unsigned>(n);
  return true;
}

bool ParseDatabasePath(const char* command, const std::string& text, std::string* db) {
  if (text.empty()) {
    std::cerr << "parallax " << command << ": --db needs a file name\n";
    return false;
  }
  *db = text;
  return true;
}

}  // namespace parallax::cli
