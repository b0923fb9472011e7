// The web app's list of stories, as HTML and as JSON.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "parallax/report.h"
#include "report/html_sections.h"

namespace parallax {

namespace {

// How many outlet names a row shows before "and N more".
constexpr size_t kOutletsShown = 6;

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

}  // namespace

namespace {

void AppendPageStart(const HtmlPageOptions& html, const std::string& heading, const std::string& kicker,
                     std::string& out) {
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"referrer\" content=\"no-referrer\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + EscapeHtml("parallax: " + heading) + "</title>\n";
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
  out += "<header class=\"page\">\n<p class=\"kicker\">parallax &middot; " + kicker + "</p>\n<h1>" +
         EscapeHtml(heading) + "</h1>\n</header>\n<main>\n";
}

// The table of stories; `coverage` is empty or one per story.
void AppendStoriesTable(const std::vector<StorySummary>& stories, const std::vector<GroupCoverage>& coverage,
                        const std::string& story_href_prefix, std::string& out) {
  const bool with_coverage = !coverage.empty() && coverage.size() == stories.size();
  out += "<table class=\"stories\">\n<thead><tr><th>Story</th><th>Outlets</th>";
  if (with_coverage) out += "<th>Coverage</th>";
  out += "<th>Articles</th><th>First seen</th><th>Last seen</th></tr></thead>\n<tbody>\n";
  for (size_t i = 0; i < stories.size(); ++i) {
    const StorySummary& s = stories[i];
    const std::string headline = s.headline.empty() ? "Story " + std::to_string(s.id) : s.headline;
    std::string outlets;
    for (size_t k = 0; k < s.outlets.size() && k < kOutletsShown; ++k) {
      outlets += (k == 0 ? "" : ", ") + EscapeHtml(s.outlets[k]);
    }
    if (s.outlets.size() > kOutletsShown) outlets += " and " + std::to_string(s.outlets.size() - kOutletsShown) + " more";
    out += "<tr><td class=\"headline\"><a href=\"" + EscapeHtml(story_href_prefix + std::to_string(s.id)) + "\">" +
           EscapeHtml(headline) + "</a></td><td class=\"outlets\"><span class=\"count\">" +
           std::to_string(s.outlets.size()) + "</span> " + outlets + "</td>" +
           (with_coverage ? "<td class=\"coverage\">" + html::CoverageBar(coverage[i]) + "</td>" : std::string()) +
           "<td class=\"size\">" + std::to_string(s.size) + "</td><td class=\"when\">" +
           DateOrDash(s.first_published) + "</td><td class=\"when\">" + DateOrDash(s.last_published) + "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n";
}

}  // namespace

std::string RenderStoriesHtml(const std::vector<StorySummary>& stories, const StoriesPage& page) {
  std::string out;
  AppendPageStart(page.html, page.heading, std::to_string(page.total) + (page.total == 1 ? " story" : " stories"), out);
  const bool with_coverage = !page.coverage.empty() && page.coverage.size() == stories.size();
  if (with_coverage) out += Legend(page.coverage.front());
  if (stories.empty()) {
    out += "<p class=\"empty\">" + EscapeHtml(page.empty_message) + "</p>\n";
  } else {
    AppendStoriesTable(stories, with_coverage ? page.coverage : std::vector<GroupCoverage>{}, page.story_href_prefix, out);
    out += "<nav class=\"pages\"><span>" + std::to_string(page.first + 1) + "&ndash;" +
           std::to_string(page.first + stories.size()) + " of " + std::to_string(page.total) + "</span>";
    if (!page.previous_href.empty()) out += "<a rel=\"prev\" href=\"" + EscapeHtml(page.previous_href) + "\">Previous</a>";
    if (!page.next_href.empty()) out += "<a rel=\"next\" href=\"" + EscapeHtml(page.next_href) + "\">Next</a>";
    out += "</nav>\n";
  }
  out += "</main>\n</body>\n</html>\n";
  return out;
}

std::string RenderBlindspotsHtml(const std::vector<Blindspots>& groups, const StoriesPage& page) {
  size_t count = 0;
  for (const Blindspots& g : groups) count += g.stories.size();
  std::string out;
  AppendPageStart(page.html, page.heading, std::to_string(count) + (count == 1 ? " blindspot" : " blindspots"), out);
  if (!groups.empty() && !groups.front().coverage.empty()) out += Legend(groups.front().coverage.front());
  if (groups.empty()) out += "<p class=\"empty\">" + EscapeHtml(page.empty_message) + "</p>\n";
  for (const Blindspots& g : groups) {
    out += "<section class=\"blindspots\">\n<h2>Missed by " + EscapeHtml(g.value) + " outlets</h2>\n";
    if (g.stories.empty()) {
      out += "<p class=\"empty\">None: every story told by " + std::to_string(kBlindspotMinOutlets) +
             " rated outlets or more was told by " + EscapeHtml(g.value) + " outlets too.</p>\n";
    } else {
      AppendStoriesTable(g.stories, g.coverage, page.story_href_prefix, out);
    }
    out += "</section>\n";
  }
  out += "</main>\n</body>\n</html>\n";
  return out;
}

namespace {

nlohmann::ordered_json StoryJson(const StorySummary& s, const GroupCoverage* c) {
  nlohmann::ordered_json j;
  j["id"] = s.id;
  j["headline"] = s.headline;
  j["articles"] = s.size;
  j["outlets"] = s.outlets;
  j["first_published"] = s.first_published.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.first_published);
  j["last_published"] = s.last_published.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.last_published);
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

}  // namespace

std::string RenderStoriesJson(const std::vector<StorySummary>& stories, size_t total,
                              const std::vector<GroupCoverage>& coverage) {
  nlohmann::ordered_json out;
  out["schema"] = "parallax.stories/1";
  out["total"] = total;
  out["stories"] = nlohmann::ordered_json::array();
  for (size_t i = 0; i < stories.size(); ++i) {
    out["stories"].push_back(StoryJson(stories[i], coverage.size() == stories.size() ? &coverage[i] : nullptr));
  }
  return Dump(out);
}

std::string RenderBlindspotsJson(const std::vector<Blindspots>& groups, const std::string& label) {
  nlohmann::ordered_json out;
  out["schema"] = "parallax.blindspots/1";
  out["label"] = label;
  out["missed_by"] = nlohmann::ordered_json::array();
  for (const Blindspots& g : groups) {
    nlohmann::ordered_json stories = nlohmann::ordered_json::array();
    for (size_t i = 0; i < g.stories.size(); ++i) {
      stories.push_back(StoryJson(g.stories[i], g.coverage.size() == g.stories.size() ? &g.coverage[i] : nullptr));
    }
    out["missed_by"].push_back({{"value", g.value}, {"stories", std::move(stories)}});
  }
  return Dump(out);
}

}  // namespace parallax
