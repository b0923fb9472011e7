// report: the only code that knows JSON, HTML or terminal colours. Each
// renderer is a pure function of what it shows (a Comparison, a list of
// stories). Article text is untrusted: the HTML renderers escape every
// character of it and their pages run no script taken from it; the JSON
// renderers emit valid UTF-8 only.
#ifndef PARALLAX_REPORT_H_
#define PARALLAX_REPORT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parallax/comparison.h"
#include "parallax/outlets.h"
#include "parallax/store.h"

namespace parallax {

// Schema "parallax.compare/1", documented in docs/json.md. `failures` lists
// inputs that could not be used, so a script sees them next to the result.
std::string RenderJson(const Comparison& comparison, const std::vector<LoadFailure>& failures);

// A readable report for a terminal; ANSI colours only when `color`.
std::string RenderTerminal(const Comparison& comparison, bool color);

// A self-contained HTML page (no network): a column per outlet, shared facts
// in aligned rows, unique facts highlighted, a speaker x outlet quote table,
// loaded wording marked, off-topic and debris greyed out.
std::string RenderHtml(const Comparison& comparison);

// How a page of the web app (parallax serve) differs from a file that
// stands alone: its styles come from the server, so that the server's
// Content-Security-Policy can forbid inline styles too, and a bar of links
// leads back to the rest of the site.
struct HtmlPageOptions {
  // The stylesheet (HtmlStyleSheet) and, for the side-by-side grid of N
  // outlets, `grid_stylesheet_prefix` + N + ".css" (HtmlGridStyleSheet).
  std::string stylesheet;
  std::string grid_stylesheet_prefix;
  std::vector<std::pair<std::string, std::string>> nav;  // (label, href), ours: escaped all the same
  // With an outlets file: the story's coverage by a group, shown as a bar.
  std::optional<GroupCoverage> coverage;
  // Outlet names link to `outlet_href_prefix` + the name (percent-encoded)
  // where a page lists them; empty: no links.
  std::string outlet_href_prefix;
  // Links to the page's data as files, (label, href): shown under the heading.
  std::vector<std::pair<std::string, std::string>> downloads;
  // Without `coverage`: leave kCoverageMarker where it would stand, for a
  // page kept before the coverage is known (FillCoverage puts it in).
  bool coverage_marker = false;
};
inline constexpr std::string_view kCoverageMarker = "<!--parallax:coverage-->";
// `page` (rendered with coverage_marker) with the marker replaced by the
// coverage, or removed when there is none.
std::string FillCoverage(std::string page, const std::optional<GroupCoverage>& coverage);
std::string RenderHtml(const Comparison& comparison, const HtmlPageOptions& page);

// The CSS every HTML page of parallax uses, and the grid of `columns` outlets.
std::string_view HtmlStyleSheet();
std::string HtmlGridStyleSheet(size_t columns);

// The front page of the web app: stories, each with its headline (a link
// to `story_href_prefix` + id), when it was first and last seen, its
// outlets and articles. `total` is how many stories there are in all.
struct StoriesPage {
  HtmlPageOptions html;
  std::string heading = "Stories";
  std::string story_href_prefix = "/stories/";
  size_t total = 0;
  size_t first = 0;  // position of stories[0] in the whole list
  std::string previous_href, next_href;  // other pages, when there are
  // With an outlets file: per story (as `stories`), its coverage by one
  // group label, drawn as a bar, with a blindspot mark when lopsided.
  std::vector<GroupCoverage> coverage;
  std::string empty_message = "No stories yet: parallax ingest articles, then parallax cluster them.";
};
std::string RenderStoriesHtml(const std::vector<StorySummary>& stories, const StoriesPage& page);

// The stories one value of a group missed: blindspots whose weakest value
// it is, each with its coverage.
struct Blindspots {
  std::string value;
  std::vector<StorySummary> stories;
  std::vector<GroupCoverage> coverage;
};
// The blindspots page: a section per value; `page.heading` and `page.html`
// as for the stories page.
std::string RenderBlindspotsHtml(const std::vector<Blindspots>& groups, const StoriesPage& page);
// As JSON, schema "parallax.blindspots/1" (docs/api.md).
std::string RenderBlindspotsJson(const std::vector<Blindspots>& groups, const std::string& label);

// The search page: the form (filled with what was asked), then the hits
// grouped by story in the order of each story's best hit, snippets with
// the matched words marked. `outlets` and `groups` fill the form's choices.
struct SearchPage {
  HtmlPageOptions html;
  SearchQuery query;                 // as asked (text, window)
  std::string outlet;                // the outlet filter asked for, "" for any
  std::string group_label, group;    // the group filter asked for
  std::vector<std::string> outlets;  // choices
  std::vector<std::string> groups;   // choices (values of group_label)
  size_t unsearchable = 0;           // articles stored but not yet indexed
  std::string story_href_prefix = "/stories/";
};
std::string RenderSearchHtml(const std::vector<SearchHit>& hits, const SearchPage& page);
// As JSON, schema "parallax.search/1" (docs/api.md).
std::string RenderSearchJson(const std::vector<SearchHit>& hits, const SearchPage& page);

// An outlet's page: what it published lately, the stories it told and
// those it missed, whom it quotes and its own loaded wording, week by week.
struct OutletPage {
  HtmlPageOptions html;
  OutletSummary outlet;          // its name, how many articles, their dates
  std::optional<Outlet> listed;  // its entry in the outlets file, if any
  std::vector<StoredArticle> recent;  // its latest articles, the latest first
  std::vector<StorySummary> covered;  // the stories of `recent`, the latest first
  // Stories of the same time that at least kMissedMinOutlets other outlets
  // told and it did not, with their coverage (one per story, or none).
  std::vector<StorySummary> missed;
  std::vector<GroupCoverage> missed_coverage;
  std::string missed_since;  // the start of that time
  // The group shown (the outlets file's label, or ""): when the outlet has
  // a value of it, a missed story was told by an outlet of another value.
  std::string group_label;
  std::vector<WeekProfile> weeks;  // ProfileByWeek of `recent`
  std::string story_href_prefix = "/stories/";
};
inline constexpr size_t kMissedMinOutlets = 3;
std::string RenderOutletHtml(const OutletPage& page);
// As JSON, schema "parallax.outlet/1" (docs/api.md).
std::string RenderOutletJson(const OutletPage& page);

// The outlets the store has articles of, and those of the outlets file it
// has none of yet.
struct OutletsPage {
  HtmlPageOptions html;
  std::vector<OutletSummary> outlets;  // most articles first
  std::string group_label;             // a group to show a column of, or ""
  std::vector<std::string> group_values;  // per outlet: its value of it ("" when it has none)
  std::vector<std::string> without_articles;  // in the outlets file, nothing stored
};
std::string RenderOutletsHtml(const OutletsPage& page);
// As JSON, schema "parallax.outlets/1" (docs/api.md).
std::string RenderOutletsJson(const OutletsPage& page);

// The same list as JSON, schema "parallax.stories/1" (docs/api.md);
// `coverage` as in StoriesPage, or empty.
std::string RenderStoriesJson(const std::vector<StorySummary>& stories, size_t total,
                              const std::vector<GroupCoverage>& coverage = {});

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string EscapeHtml(std::string_view text);

}  // namespace parallax

#endif  // PARALLAX_REPORT_H_
