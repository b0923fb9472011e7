// The web app's list of stories and of blindspots, as HTML and as JSON.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "parallax/report.h"
#include "report/pages.h"

namespace parallax {

std::string RenderStoriesHtml(const std::vector<StorySummary>& stories, const StoriesPage& page) {
  std::string out;
  pages::AppendPageStart(page.html, page.heading,
                         std::to_string(page.total) + (page.total == 1 ? " story" : " stories"), out);
  const bool with_coverage = !page.coverage.empty() && page.coverage.size() == stories.size();
  if (with_coverage) out += pages::Legend(page.coverage.front());
  if (stories.empty()) {
    out += "<p class=\"empty\">" + EscapeHtml(page.empty_message) + "</p>\n";
  } else {
    pages::AppendStoriesTable(stories, with_coverage ? page.coverage : std::vector<GroupCoverage>{},
                              page.story_href_prefix, page.html.outlet_href_prefix, out);
    out += "<nav class=\"pages\"><span>" + std::to_string(page.first + 1) + "&ndash;" +
           std::to_string(page.first + stories.size()) + " of " + std::to_string(page.total) + "</span>";
    if (!page.previous_href.empty()) out += "<a rel=\"prev\" href=\"" + EscapeHtml(page.previous_href) + "\">Previous</a>";
    if (!page.next_href.empty()) out += "<a rel=\"next\" href=\"" + EscapeHtml(page.next_href) + "\">Next</a>";
    out += "</nav>\n";
  }
  out += pages::kPageEnd;
  return out;
}

std::string RenderBlindspotsHtml(const std::vector<Blindspots>& groups, const StoriesPage& page) {
  size_t count = 0;
  for (const Blindspots& g : groups) count += g.stories.size();
  std::string out;
  pages::AppendPageStart(page.html, page.heading, std::to_string(count) + (count == 1 ? " blindspot" : " blindspots"),
                         out);
  if (!groups.empty() && !groups.front().coverage.empty()) out += pages::Legend(groups.front().coverage.front());
  if (groups.empty()) out += "<p class=\"empty\">" + EscapeHtml(page.empty_message) + "</p>\n";
  for (const Blindspots& g : groups) {
    out += "<section class=\"blindspots\">\n<h2>Missed by " + EscapeHtml(g.value) + " outlets</h2>\n";
    if (g.stories.empty()) {
      out += "<p class=\"empty\">None: every story told by " + std::to_string(kBlindspotMinOutlets) +
             " rated outlets or more was told by " + EscapeHtml(g.value) + " outlets too.</p>\n";
    } else {
      pages::AppendStoriesTable(g.stories, g.coverage, page.story_href_prefix, page.html.outlet_href_prefix, out);
    }
    out += "</section>\n";
  }
  out += pages::kPageEnd;
  return out;
}

std::string RenderStoriesJson(const std::vector<StorySummary>& stories, size_t total,
                              const std::vector<GroupCoverage>& coverage) {
  nlohmann::ordered_json out;
  out["schema"] = "parallax.stories/1";
  out["total"] = total;
  out["stories"] = nlohmann::ordered_json::array();
  for (size_t i = 0; i < stories.size(); ++i) {
    out["stories"].push_back(pages::StoryJson(stories[i], coverage.size() == stories.size() ? &coverage[i] : nullptr));
  }
  return pages::Dump(out);
}

std::string RenderBlindspotsJson(const std::vector<Blindspots>& groups, const std::string& label) {
  nlohmann::ordered_json out;
  out["schema"] = "parallax.blindspots/1";
  out["label"] = label;
  out["missed_by"] = nlohmann::ordered_json::array();
  for (const Blindspots& g : groups) {
    nlohmann::ordered_json stories = nlohmann::ordered_json::array();
    for (size_t i = 0; i < g.stories.size(); ++i) {
      stories.push_back(pages::StoryJson(g.stories[i], g.coverage.size() == g.stories.size() ? &g.coverage[i] : nullptr));
    }
    out["missed_by"].push_back({{"value", g.value}, {"stories", std::move(stories)}});
  }
  return pages::Dump(out);
}

}  // namespace parallax
