// libFuzzer target: robots.txt (ParseRobots, RobotsRules::Allows) and the
// textual address check (IsPublicAddress), the two parsers of http.h that
// read what a server or a feed chooses to send. The first line of the input
// is the path asked about, the rest the robots.txt. Besides crashes and
// sanitizer reports it checks the promises callers rely on: robots.txt
// itself is always allowed, Crawl-delay is never negative, and a rule set
// read for one agent answers the same question the same way twice.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "parallax/http.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t newline = input.find('\n');
  const std::string_view path = input.substr(0, newline);
  const std::string_view robots =
      newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);

  for (const std::string_view agent : {"parallax/0.1 (+https://courier.example)", "*", ""}) {
    const parallax::RobotsRules rules = parallax::ParseRobots(robots, agent);
    if (!rules.Allows("/robots.txt")) std::abort();
    if (rules.crawl_delay.count() < 0) std::abort();
    if (rules.Allows(path) != rules.Allows(path)) std::abort();
    for (const parallax::RobotsRules::Rule& rule : rules.rules) {
      if (rule.pattern.empty()) std::abort();  // an empty Disallow adds no rule
    }
  }
  // Whatever the text, the answer is a plain yes or no, without a crash.
  (void)parallax::IsPublicAddress(path);
  return 0;
}
