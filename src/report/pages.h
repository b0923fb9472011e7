// Private to report/: what the web app's pages share (stories_page.cc,
// search_page.cc, outlet_page.cc): the page frame, the table of stories
// and their JSON, links to outlets.
#ifndef PARALLAX_REPORT_PAGES_H_
#define PARALLAX_REPORT_PAGES_H_

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "parallax/outlets.h"
#include "parallax/report.h"
#include "parallax/store.h"

namespace parallax::pages {

// From <!DOCTYPE html> to the site's bar of links; the caller goes on with
// its <header class="page">.
void AppendPageTop(const HtmlPageOptions& html, const std::string& title, std::string& out);
// AppendPageTop, then a header of `heading` under a `kicker` (HTML, ours),
// and <main> opened.
void AppendPageStart(const HtmlPageOptions& html, const std::string& heading, const std::string& kicker,
                     std::string& out);
inline constexpr const char* kPageEnd = "</main>\n</body>\n</html>\n";

// An ISO time as escaped text, or a dash when there is none.
// "Download: a · b" for html.downloads, or "" when there are none.
std::string Downloads(const HtmlPageOptions& html);

std::string DateOrDash(const std::string& iso);

// What the bars of a group's coverage mean.
std::string Legend(const GroupCoverage& coverage);

// The table of stories; `coverage` is empty or one per story. With an
// `outlet_href_prefix`, outlet names link to their pages.
void AppendStoriesTable(const std::vector<StorySummary>& stories, const std::vector<GroupCoverage>& coverage,
                        const std::string& story_href_prefix, const std::string& outlet_href_prefix,
                        std::string& out);

// `prefix` + the name, percent-encoded but for letters, digits and -._~
std::string OutletHref(const std::string& prefix, const std::string& name);

// A story as the JSON APIs give it; `coverage` may be null.
nlohmann::ordered_json StoryJson(const StorySummary& story, const GroupCoverage* coverage);
// A string, or null when empty.
nlohmann::ordered_json TextOrNull(const std::string& text);
// Indented, invalid UTF-8 replaced, a newline at the end.
std::string Dump(const nlohmann::ordered_json& json);

}  // namespace parallax::pages

#endif  // PARALLAX_REPORT_PAGES_H_
