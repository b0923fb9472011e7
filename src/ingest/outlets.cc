// The outlets file: TOML in, checked outlets and a list of problems out.
#include "parallax/outlets.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <utility>

namespace parallax {

namespace {

// An outlets file larger than this is not a list of outlets.
constexpr size_t kMaxFileBytes = size_t{8} << 20;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsAsciiLetters(std::string_view s, size_t length) {
  return s.size() == length &&
         std::all_of(s.begin(), s.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
}

// "courier.example", "news.bbc.co.uk": labels of letters, digits and
// hyphens, two at least. Not a URL, not a path.
bool IsHostName(std::string_view host) {
  if (host.empty() || host.size() > 253 || host.find('.') == std::string_view::npos) return false;
  size_t label = 0;
  for (size_t i = 0; i <= host.size(); ++i) {
    if (i == host.size() || host[i] == '.') {
      if (label == 0 || label > 63) return false;
      label = 0;
      continue;
    }
    const char c = host[i];
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-')) return false;
    ++label;
  }
  return true;
}

bool IsWebAddress(std::string_view url) {
  std::string_view rest;
  if (url.rfind("https://", 0) == 0) {
    rest = url.substr(8);
  } else if (url.rfind("http://", 0) == 0) {
    rest = url.substr(7);
  } else {
    return false;
  }
  const std::string_view host = rest.substr(0, rest.find_first_of("/?#:"));
  return IsHostName(Lower(host)) || host == "localhost";
}

// "2026", "2026-11", "2026-11-20".
bool IsDate(std::string_view s) {
  auto digits = [&](size_t from, size_t count) {
    return s.size() >= from + count &&
           std::all_of(s.begin() + from, s.begin() + from + count, [](char c) { return c >= '0' && c <= '9'; });
  };
  if (s.size() == 4) return digits(0, 4);
  if (s.size() == 7) return digits(0, 4) && s[4] == '-' && digits(5, 2);
  if (s.size() == 10) return digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2);
  return false;
}

uint32_t LineOf(const toml::node& node) { return static_cast<uint32_t>(node.source().begin.line); }

class Checker {
 public:
  explicit Checker(OutletsFile& file) : file_(file) {}

  void Problem(uint32_t line, std::string message) { file_.problems.push_back({line, std::move(message)}); }

  // A list of strings, each checked by `accept` (which may rewrite it).
  template <typename Accept>
  std::vector<std::string> Strings(const toml::node& node, const char* key, const std::string& outlet, Accept accept) {
    std::vector<std::string> out;
    const toml::array* array = node.as_array();
    if (array == nullptr) {
      Problem(LineOf(node), outlet + ": \"" + key + "\" must be a list of strings, as [\"...\"]");
      return out;
    }
    for (const toml::node& item : *array) {
      const std::optional<std::string> text = item.value<std::string>();
      if (!text) {
        Problem(LineOf(item), outlet + ": every entry of \"" + key + "\" must be a string");
        continue;
      }
      std::string value = *text;
      if (std::string why = accept(value); !why.empty()) {
        Problem(LineOf(item), outlet + ": " + key + " entry '" + *text + "' " + why);
        continue;
      }
      out.push_back(std::move(value));
    }
    return out;
  }

  void Groups(const toml::node& node, parallax::Outlet& outlet) {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      Problem(LineOf(node), outlet.name + ": \"groups\" must be a table of labels, as [outlets.groups]");
      return;
    }
    for (const auto& [key, value] : *table) {
      OutletGroup group;
      group.label = std::string(key.str());
      if (const std::optional<std::string> plain = value.value<std::string>()) {
        group.value = *plain;
      } else if (const toml::table* detail = value.as_table()) {
        for (const auto& [field, v] : *detail) {
          const std::optional<std::string> text = v.value<std::string>();
          std::string* target = field.str() == "value" ? &group.value
                                : field.str() == "source" ? &group.source
                                : field.str() == "as_of" ? &group.as_of
                                                         : nullptr;
          if (target == nullptr) {
            Problem(LineOf(v), outlet.name + ": group '" + group.label + "' has an unknown field '" +
                                   std::string(field.str()) + "' (value, source, as_of)");
          } else if (!text) {
            Problem(LineOf(v), outlet.name + ": group '" + group.label + "': " + std::string(field.str()) +
                                   " must be a string");
          } else {
            *target = *text;
          }
        }
      } else {
        Problem(LineOf(value), outlet.name + ": group '" + group.label +
                                   "' must be a string or { value = \"...\", source = \"...\", as_of = \"YYYY-MM\" }");
        continue;
      }
      if (group.value.empty()) {
        Problem(LineOf(value), outlet.name + ": group '" + group.label + "' has no value");
        continue;
      }
      if (!group.as_of.empty() && !IsDate(group.as_of)) {
        Problem(LineOf(value), outlet.name + ": group '" + group.label + "': as_of '" + group.as_of +
                                   "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
      }
      outlet.groups.push_back(std::move(group));
    }
  }

  void AddOutlet(const toml::table& table) {
    parallax::Outlet outlet;
    outlet.line = LineOf(table);
    const std::optional<std::string> name = table["name"].value<std::string>();
    if (!name || name->empty()) {
      Problem(outlet.line, "an outlet without a name (name = \"...\"): left out");
      return;
    }
    outlet.name = *name;
    if (!names_.insert(Lower(outlet.name)).second) {
      Problem(outlet.line, "'" + outlet.name + "' is named twice: the second one is left out");
      return;
    }
    for (const auto& [key, value] : table) {
      const std::string_view k = key.str();
      if (k == "name") continue;
      if (k == "domains") {
        outlet.domains = Strings(value, "domains", outlet.name, [this](std::string& d) -> std::string {
          d = Lower(d);
          if (d.rfind("www.", 0) == 0) d = d.substr(4);
          if (!IsHostName(d)) return "is not a domain (as courier.example, without http:// or a path)";
          if (!domains_.insert(d).second) return "belongs to another outlet already";
          return "";
        });
      } else if (k == "feeds" || k == "sitemaps") {
        std::vector<std::string> urls = Strings(value, k == "feeds" ? "feeds" : "sitemaps", outlet.name,
                                                [](std::string& url) -> std::string {
                                                  return IsWebAddress(url) ? "" : "is not an http:// or https:// address";
                                                });
        (k == "feeds" ? outlet.feeds : outlet.sitemaps) = std::move(urls);
      } else if (k == "language" || k == "country") {
        const std::optional<std::string> text = value.value<std::string>();
        const bool language = k == "language";
        if (!text || !IsAsciiLetters(*text, 2)) {
          Problem(LineOf(value), outlet.name + ": " + std::string(k) +
                                     (language ? " must be a two-letter ISO 639-1 code, as \"en\""
                                               : " must be a two-letter ISO 3166-1 code, as \"GB\""));
          continue;
        }
        if (language) {
          outlet.language = Lower(*text);
        } else {
          outlet.country = *text;
          for (char& c : outlet.country) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
      } else if (k == "groups") {
        Groups(value, outlet);
      } else {
        Problem(LineOf(value), outlet.name + ": unknown key '" + std::string(k) +
                                   "' (name, domains, feeds, sitemaps, language, country, groups)");
      }
    }
    file_.outlets.push_back(std::move(outlet));
  }

 private:
  OutletsFile& file_;
  std::set<std::string> names_, domains_;
};

}  // namespace

const std::string& Outlet::Group(std::string_view label) const {
  static const std::string kNone;
  for (const OutletGroup& g : groups) {
    if (g.label == label) return g.value;
  }
  return kNone;
}

std::vector<std::string> OutletsFile::GroupLabels() const {
  std::vector<std::string> labels;
  for (const Outlet& o : outlets) {
    for (const OutletGroup& g : o.groups) {
      if (std::find(labels.begin(), labels.end(), g.label) == labels.end()) labels.push_back(g.label);
    }
  }
  return labels;
}

const Outlet* OutletsFile::FindByName(std::string_view name) const {
  const std::string wanted = Lower(name);
  for (const Outlet& o : outlets) {
    if (Lower(o.name) == wanted) return &o;
  }
  return nullptr;
}

const Outlet* OutletsFile::FindByHost(std::string_view host) const {
  std::string h = Lower(host);
  if (h.rfind("www.", 0) == 0) h = h.substr(4);
  for (const Outlet& o : outlets) {
    for (const std::string& d : o.domains) {
      if (h == d || (h.size() > d.size() && h.ends_with(d) && h[h.size() - d.size() - 1] == '.')) return &o;
    }
  }
  return nullptr;
}

Result<OutletsFile> ParseOutlets(std::string_view text, const std::string& name) {
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(name));
  } catch (const toml::parse_error& error) {
    // The edge of the library: its exception becomes our Status here.
    return Status::InvalidInput(name + ":" + std::to_string(error.source().begin.line) + ": not TOML: " +
                                std::string(error.description()));
  }
  OutletsFile file;
  Checker checker(file);
  for (const auto& [key, value] : root) {
    if (key.str() != "outlets") {
      checker.Problem(LineOf(value), "unknown key '" + std::string(key.str()) + "': the file holds [[outlets]] tables");
      continue;
    }
    const toml::array* outlets = value.as_array();
    if (outlets == nullptr) {
      checker.Problem(LineOf(value), "\"outlets\" must be [[outlets]] tables");
      continue;
    }
    for (const toml::node& item : *outlets) {
      if (const toml::table* table = item.as_table()) {
        checker.AddOutlet(*table);
      } else {
        checker.Problem(LineOf(item), "every entry of \"outlets\" must be a table");
      }
    }
  }
  if (file.outlets.empty() && file.problems.empty()) {
    checker.Problem(1, "no outlets: the file holds no [[outlets]] table");
  }
  std::stable_sort(file.problems.begin(), file.problems.end(),
                   [](const OutletProblem& a, const OutletProblem& b) { return a.line < b.line; });
  return file;
}

Result<OutletsFile> LoadOutlets(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot be opened");
  std::string text;
  text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::IoError(path + ": cannot be read");
  if (text.size() > kMaxFileBytes) return Status::TooLarge(path + ": over 8 MiB, not an outlets file");
  return ParseOutlets(text, path);
}

GroupCoverage CoverageByGroup(const OutletsFile& file, const std::string& label,
                              const std::vector<std::string>& outlet_names) {
  GroupCoverage coverage;
  coverage.label = label;
  for (const Outlet& o : file.outlets) {
    const std::string& value = o.Group(label);
    if (!value.empty() && std::find(coverage.values.begin(), coverage.values.end(), value) == coverage.values.end()) {
      coverage.values.push_back(value);
    }
  }
  coverage.outlets.assign(coverage.values.size(), 0);
  std::set<std::string> seen;
  for (const std::string& name : outlet_names) {
    if (!seen.insert(Lower(name)).second) continue;
    const Outlet* outlet = file.FindByName(name);
    const std::string* value = outlet != nullptr ? &outlet->Group(label) : nullptr;
    const auto it = value != nullptr ? std::find(coverage.values.begin(), coverage.values.end(), *value)
                                     : coverage.values.end();
    if (it == coverage.values.end()) {
      ++coverage.unknown;
    } else {
      ++coverage.outlets[static_cast<size_t>(it - coverage.values.begin())];
    }
  }
  size_t known = 0;
  for (const size_t n : coverage.outlets) known += n;
  if (coverage.values.size() >= 2 && known >= kBlindspotMinOutlets) {
    const auto weakest = std::min_element(coverage.outlets.begin(), coverage.outlets.end());
    if (static_cast<double>(*weakest) < kBlindspotShare * static_cast<double>(known)) {
      coverage.blindspot = true;
      coverage.weakest = coverage.values[static_cast<size_t>(weakest - coverage.outlets.begin())];
    }
  }
  return coverage;
}

}  // namespace parallax
