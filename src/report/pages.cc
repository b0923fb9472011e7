// The parts the web app's pages share.
#include "report/pages.h"

#include <string>
#include <vector>

#include "report/html_sections.h"

namespace parallax::pages {

namespace {

// How many outlet names a row shows before "and N more".
constexpr size_t kOutletsShown = 6;

}  // namespace

void AppendPageTop(const HtmlPageOptions& html, const std::string& title, std::string& out) {
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"referrer\" content=\"no-referrer\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + EscapeHtml("parallax: " + title) + "</title>\n";
  if (html.stylesheet.empty()) {
    out += "<style>";
    out += HtmlStyleSheet();
    out += "</style>\n";
  } else {
    out += "<link rel=\"stylesheet\" href=\"" + EscapeHtml(html.stylesheet) + "\">\n";
  }
  out += "</head>\n<body>\n";
  if (!html.nav.empty()) {
    out += "<nav class=\"site\">";
    for (const auto& [label, href] : html.nav) out += "<a href=\"" + EscapeHtml(href) + "\">" + EscapeHtml(label) + "</a>";
    out += "</nav>\n";
  }
}

void AppendPageStart(const HtmlPageOptions& html, const std::string& heading, const std::string& kicker,
                     std::string& out) {
  AppendPageTop(html, heading, out);
  out += "<header class=\"page\">\n<p class=\"kicker\">parallax &middot; " + kicker + "</p>\n<h1>" +
         EscapeHtml(heading) + "</h1>\n" + Downloads(html) + "</header>\n<main>\n";
}

std::string Downloads(const HtmlPageOptions& html) {
  if (html.downloads.empty()) return "";
  std::string out = "<p class=\"downloads\">Download:";
  for (size_t i = 0; i < html.downloads.size(); ++i) {
    out += std::string(i == 0 ? " " : " &middot; ") + "<a href=\"" + EscapeHtml(html.downloads[i].second) +
           "\" download>" + EscapeHtml(html.downloads[i].first) + "</a>";
  }
  return out + "</p>\n";
}

std::string DateOrDash(const std::string& iso) { return iso.empty() ? "&ndash;" : EscapeHtml(iso); }

std::string Legend(const GroupCoverage& c) {
  std::string out = "<p class=\"legend\">Coverage by " + EscapeHtml(c.label) + ":";
  for (size_t v = 0; v < c.values.size(); ++v) {
    out += " <span class=\"key " + html::ColourClass(v) + "\"></span>" + EscapeHtml(c.values[v]);
  }
  out += " <span class=\"key unrated\"></span>not in the outlets file. <strong>Blindspot</strong>: a story told by "
         "at least " + std::to_string(kBlindspotMinOutlets) + " rated outlets where one " + EscapeHtml(c.label) +
         " is absent or under " + std::to_string(static_cast<int>(kBlindspotShare * 100)) + "% of them.</p>\n";
  return out;
}

std::string OutletHref(const std::string& prefix, const std::string& name) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string href = prefix;
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' || u == '.' ||
        u == '_' || u == '~') {
      href += c;
    } else {
      href += '%';
      href += kHex[u >> 4];
      href += kHex[u & 15];
    }
  }
  return href;
}

void AppendStoriesTable(const std::vector<StorySummary>& stories, const std::vector<GroupCoverage>& coverage,
                        const std::string& story_href_prefix, const std::string& outlet_href_prefix,
                        std::string& out) {
  const bool with_coverage = !coverage.empty() && coverage.size() == stories.size();
  out += "<table class=\"stories\">\n<thead><tr><th>Story</th><th>Outlets</th>";
  if (with_coverage) out += "<th>Coverage</th>";
  out += "<th>Articles</th><th>First seen</th><th>Last seen</th></tr></thead>\n<tbody>\n";
  for (size_t i = 0; i < stories.size(); ++i) {
    const StorySummary& s = stories[i];
    const std::string headline = s.headline.empty() ? "Story " + std::to_string(s.id) : s.headline;
    std::string outlets;
    for (size_t k = 0; k < s.outlets.size() && k < kOutletsShown; ++k) {
      outlets += k == 0 ? "" : ", ";
      outlets += outlet_href_prefix.empty() ? EscapeHtml(s.outlets[k])
                                            : "<a href=\"" + EscapeHtml(OutletHref(outlet_href_prefix, s.outlets[k])) +
                                                  "\">" + EscapeHtml(s.outlets[k]) + "</a>";
    }
    if (s.outlets.size() > kOutletsShown) outlets += " and " + std::to_string(s.outlets.size() - kOutletsShown) + " more";
    std::string voices;
    for (const VoiceCount& v : s.voices) {
      voices += (voices.empty() ? "" : ", ") + std::string("<span class=\"name\">") + EscapeHtml(v.name) +
                "</span> <span class=\"n\" title=\"quoted in " + std::to_string(v.articles) + " of its articles\">" +
                std::to_string(v.articles) + "</span>";
    }
    if (!voices.empty()) voices = "<div class=\"voices\">Heard: " + voices + "</div>";
    out += "<tr><td class=\"headline\"><a href=\"" + EscapeHtml(story_href_prefix + std::to_string(s.id)) + "\">" +
           EscapeHtml(headline) + "</a>" + voices + "</td><td class=\"outlets\"><span class=\"count\">" +
           std::to_string(s.outlets.size()) + "</span> " + outlets + "</td>" +
           (with_coverage ? "<td class=\"coverage\">" + html::CoverageBar(coverage[i]) + "</td>" : std::string()) +
           "<td class=\"size\">" + std::to_string(s.size) + "</td><td class=\"when\">" +
           DateOrDash(s.first_published) + "</td><td class=\"when\">" + DateOrDash(s.last_published) + "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n";
}

nlohmann::ordered_json TextOrNull(const std::string& text) {
  return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
}

nlohmann::ordered_json StoryJson(const StorySummary& s, const GroupCoverage* c) {
  nlohmann::ordered_json j;
  j["id"] = s.id;
  j["headline"] = s.headline;
  j["articles"] = s.size;
  j["outlets"] = s.outlets;
  j["first_published"] = TextOrNull(s.first_published);
  j["last_published"] = TextOrNull(s.last_published);
  j["voices"] = nlohmann::ordered_json::array();
  for (const VoiceCount& v : s.voices) {
    j["voices"].push_back({{"name", v.name}, {"quotes", v.quotes}, {"articles", v.articles}});
  }
  if (c != nullptr) {
    nlohmann::ordered_json groups = nlohmann::ordered_json::object();
    for (size_t v = 0; v < c->values.size(); ++v) groups[c->values[v]] = c->outlets[v];
    j["coverage"] = {{"label", c->label},
                     {"outlets", std::move(groups)},
                     {"unrated", c->unknown},
                     {"blindspot", c->blindspot},
                     {"weakest", c->blindspot ? nlohmann::ordered_json(c->weakest) : nlohmann::ordered_json(nullptr)}};
  }
  return j;
}

std::string Dump(const nlohmann::ordered_json& j) {
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace parallax::pages
