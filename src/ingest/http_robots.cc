// robots.txt, read as Google reads it (RFC 9309 plus Crawl-delay).
//
// The groups naming our product token apply, merged; else the "*" groups;
// else nothing is disallowed. Among the rules whose pattern matches a path,
// the longest pattern decides and Allow wins a tie; "*" matches any run of
// characters and a final "$" anchors the end. Lines are forgiving: a
// missing colon after the key, a few common misspellings and a byte order
// mark are accepted, since sites write robots.txt by hand.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/http.h"

namespace parallax {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "parallax/0.1 (+https://...)" -> "parallax": robots.txt names crawlers by
// their product token, without version or comment.
std::string ProductToken(std::string_view agent) {
  size_t end = 0;
  while (end < agent.size()) {
    const char c = agent[end];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') break;
    ++end;
  }
  return Lower(agent.substr(0, end));
}

enum class Key { kUserAgent, kAllow, kDisallow, kCrawlDelay, kOther };

Key KeyOf(std::string_view key) {
  const std::string k = Lower(key);
  if (k == "user-agent" || k == "useragent" || k == "user agent") return Key::kUserAgent;
  if (k == "allow") return Key::kAllow;
  if (k == "disallow" || k == "dissallow" || k == "dissalow" || k == "disalow" || k == "diasllow" ||
      k == "disallaw") {
    return Key::kDisallow;
  }
  if (k == "crawl-delay" || k == "crawldelay" || k == "crawl delay") return Key::kCrawlDelay;
  return Key::kOther;
}

// Paths are compared percent-encoded, so a pattern written with raw UTF-8
// is encoded the way a URL carries it.
std::string EncodePattern(std::string_view pattern) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(pattern.size());
  for (const char c : pattern) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '*' && !out.empty() && out.back() == '*') continue;  // "**" is "*"
    if (byte >= 0x80) {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    } else {
      out += c;
    }
  }
  return out;
}

// Whether `pattern` matches a prefix of `path` (all of it with a final
// "$"). The set of path positions reachable so far is kept as a sorted
// list: a "*" extends it to everything from its smallest member on. A
// pattern with more literal characters than the path cannot match, which
// bounds the work a hostile file's long "*a*a*a..." rules can cause.
bool Matches(std::string_view path, std::string_view pattern) {
  size_t literals = 0;
  for (const char c : pattern) literals += c != '*' && c != '$';
  if (literals > path.size()) return false;
  std::vector<size_t> positions{0};
  std::vector<size_t> next;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '$' && i + 1 == pattern.size()) {
      return positions.back() == path.size();
    }
    next.clear();
    if (c == '*') {
      for (size_t p = positions.front(); p <= path.size(); ++p) next.push_back(p);
    } else {
      for (const size_t p : positions) {
        if (p < path.size() && path[p] == c) next.push_back(p + 1);
      }
    }
    if (next.empty()) return false;
    positions.swap(next);
  }
  return true;
}

}  // namespace

bool RobotsRules::Allows(std::string_view path_and_query) const {
  if (path_and_query.empty()) path_and_query = "/";
  // Crawlers must be able to read the rules themselves.
  if (path_and_query == "/robots.txt") return true;
  size_t best_length = 0;
  bool allowed = true;
  bool matched = false;
  for (const Rule& rule : rules) {
    if (!Matches(path_and_query, rule.pattern)) continue;
    const size_t length = rule.pattern.size();
    if (!matched || length > best_length || (length == best_length && rule.allow && !allowed)) {
      best_length = length;
      allowed = rule.allow;
      matched = true;
    }
  }
  return allowed;
}

RobotsRules ParseRobots(std::string_view text, std::string_view user_agent) {
  const std::string ours = ProductToken(user_agent);
  RobotsRules mine;
  RobotsRules everyone;
  bool mine_seen = false;
  bool everyone_seen = false;
  // The group being read: which agents it names, and whether a rule has
  // been read (a User-agent line after a rule starts a new group).
  bool group_is_mine = false;
  bool group_is_everyone = false;
  bool group_has_rules = false;

  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  while (!text.empty()) {
    size_t end = text.find_first_of("\r\n");
    std::string_view line = text.substr(0, end);
    if (end == std::string_view::npos) {
      text = {};
    } else {
      text.remove_prefix(end + 1);
    }
    if (const size_t hash = line.find('#'); hash != std::string_view::npos)
      line = line.substr(0, hash);
    line = Trim(line);
    if (line.empty()) continue;
    size_t colon = line.find(':');
    std::string_view key;
    std::string_view value;
    if (colon == std::string_view::npos) {
      // "Disallow /private": a space instead of the colon.
      const size_t space = line.find_first_of(" \t");
      if (space == std::string_view::npos) continue;
      key = line.substr(0, space);
      value = Trim(line.substr(space + 1));
    } else {
      key = Trim(line.substr(0, colon));
      value = Trim(line.substr(colon + 1));
    }
    switch (KeyOf(key)) {
      case Key::kUserAgent: {
        if (group_has_rules) {
          group_is_mine = group_is_everyone = group_has_rules = false;
        }
        const std::string token = value == "*" ? "*" : ProductToken(value);
        if (token == "*") {
          group_is_everyone = everyone_seen = true;
        } else if (!token.empty() && token == ours) {
          group_is_mine = mine_seen = true;
        }
        break;
      }
      case Key::kAllow:
      case Key::kDisallow: {
        group_has_rules = true;
        // An empty Disallow allows everything: it adds no rule.
        if (value.empty()) break;
        const RobotsRules::Rule rule{EncodePattern(value), KeyOf(key) == Key::kAllow};
        if (group_is_mine) mine.rules.push_back(rule);
        if (group_is_everyone) everyone.rules.push_back(rule);
        break;
      }
      case Key::kCrawlDelay: {
        group_has_rules = true;
        const std::string number(value);
        char* parsed_end = nullptr;
        const double seconds = std::strtod(number.c_str(), &parsed_end);
        if (parsed_end == number.c_str() || !std::isfinite(seconds) || seconds <= 0) break;
        // Capped here only against overflow; HttpClient caps it by policy.
        const auto delay = std::chrono::milliseconds(
            static_cast<int64_t>(std::min(seconds, 86400.0) * 1000.0 + 0.5));
        if (group_is_mine) mine.crawl_delay = std::max(mine.crawl_delay, delay);
        if (group_is_everyone) everyone.crawl_delay = std::max(everyone.crawl_delay, delay);
        break;
      }
      case Key::kOther:
        break;  // Sitemap, Host, ...: not part of a group
    }
  }
  if (mine_seen) return mine;
  if (everyone_seen) return everyone;
  return {};
}

}  // namespace parallax
