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

std::string RenderStoriesHtml(const std::vector<StorySummary>& stories, const StoriesPage& page) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"referrer\" content=\"no-referrer\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + EscapeHtml("parallax: " + page.heading) + "</title>\n";
  if (page.html.stylesheet.empty()) {
    out += "<style>";
    out += HtmlStyleSheet();
    out += "</style>\n";
  } else {
    out += "<link rel=\"stylesheet\" href=\"" + EscapeHtml(page.html.stylesheet) + "\">\n";
  }
  out += "</head>\n<body>\n";
  if (!page.html.nav.empty()) {
    out += "<nav class=\"site\">";
    for (const auto& [label, href] : page.html.nav) out += "<a href=\"" + EscapeHtml(href) + "\">" + EscapeHtml(label) + "</a>";
    out += "</nav>\n";
  }
  out += "<header class=\"page\">\n<p class=\"kicker\">parallax &middot; " + std::to_string(page.total) +
         (page.total == 1 ? " story" : " stories") + "</p>\n<h1>" + EscapeHtml(page.heading) + "</h1>\n</header>\n";
  out += "<main>\n";
  const bool with_coverage = !page.coverage.empty() && page.coverage.size() == stories.size();
  if (with_coverage) out += Legend(page.coverage.front());
  if (stories.empty()) {
    out += "<p class=\"empty\">No stories yet: <code>parallax ingest</code> articles, then "
           "<code>parallax cluster</code> them.</p>\n";
  } else {
    out += "<table class=\"stories\">\n<thead><tr><th>Story</th><th>Outlets</th>";
    if (with_coverage) out += "<th>Coverage</th>";
    out += "<th>Articles</th><th>First seen</th><th>Last seen</th></tr></thead>\n<tbody>\n";
    for (size_t i = 0; i < stories.size(); ++i) {
      const StorySummary& s = stories[i];
      const std::string headline = s.headline.empty() ? "Story " + std::to_string(s.id) : s.headline;
      std::string outlets;
      for (size_t i = 0; i < s.outlets.size() && i < kOutletsShown; ++i) {
        outlets += (i == 0 ? "" : ", ") + EscapeHtml(s.outlets[i]);
      }
      if (s.outlets.size() > kOutletsShown) outlets += " and " + std::to_string(s.outlets.size() - kOutletsShown) + " more";
      out += "<tr><td class=\"headline\"><a href=\"" + EscapeHtml(page.story_href_prefix + std::to_string(s.id)) +
             "\">" + EscapeHtml(headline) + "</a></td><td class=\"outlets\"><span class=\"count\">" +
             std::to_string(s.outlets.size()) + "</span> " + outlets + "</td>" +
             (with_coverage ? "<td class=\"coverage\">" + html::CoverageBar(page.coverage[i]) + "</td>" : std::string()) +
             "<td class=\"size\">" +
             std::to_string(s.size) + "</td><td class=\"when\">" + DateOrDash(s.first_published) +
             "</td><td class=\"when\">" + DateOrDash(s.last_published) + "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
    out += "<nav class=\"pages\"><span>" + std::to_string(page.first + 1) + "&ndash;" +
           std::to_string(page.first + stories.size()) + " of " + std::to_string(page.total) + "</span>";
    if (!page.previous_href.empty()) out += "<a rel=\"prev\" href=\"" + EscapeHtml(page.previous_href) + "\">Previous</a>";
    if (!page.next_href.empty()) out += "<a rel=\"next\" href=\"" + EscapeHtml(page.next_href) + "\">Next</a>";
    out += "</nav>\n";
  }
  out += "</main>\n</body>\n</html>\n";
  return out;
}

std::string RenderStoriesJson(const std::vector<StorySummary>& stories, size_t total,
                              const std::vector<GroupCoverage>& coverage) {
  nlohmann::ordered_json out;
  out["schema"] = "parallax.stories/1";
  out["total"] = total;
  out["stories"] = nlohmann::ordered_json::array();
  for (const StorySummary& s : stories) {
    nlohmann::ordered_json j;
    j["id"] = s.id;
    j["headline"] = s.headline;
    j["articles"] = s.size;
    j["outlets"] = s.outlets;
    j["first_published"] = s.first_published.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.first_published);
    j["last_published"] = s.last_published.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.last_published);
    const size_t i = out["stories"].size();
    if (coverage.size() == stories.size()) {
      const GroupCoverage& c = coverage[i];
      nlohmann::ordered_json groups = nlohmann::ordered_json::object();
      for (size_t v = 0; v < c.values.size(); ++v) groups[c.values[v]] = c.outlets[v];
      j["coverage"] = {{"label", c.label},
                       {"outlets", std::move(groups)},
                       {"unrated", c.unknown},
                       {"blindspot", c.blindspot},
                       {"weakest", c.blindspot ? nlohmann::ordered_json(c.weakest) : nlohmann::ordered_json(nullptr)}};
    }
    out["stories"].push_back(std::move(j));
  }
  return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace parallax
