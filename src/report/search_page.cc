// The search page of the web app, and its JSON.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "parallax/report.h"
#include "report/pages.h"
#include "report/html_sections.h"

namespace parallax {

namespace {

// A snippet's words between U+0001 and U+0002 (the store's marks) in
// <mark>; everything else escaped. Marks that do not pair up, which a
// hostile text holding those bytes could make, are dropped.
std::string MarkedSnippet(const std::string& snippet) {
  std::string out, run;
  bool open = false;
  auto flush = [&] {
    out += EscapeHtml(run);
    run.clear();
  };
  for (const char c : snippet) {
    if (c == '\x01' && !open) {
      flush();
      out += "<mark>";
      open = true;
    } else if (c == '\x02' && open) {
      flush();
      out += "</mark>";
      open = false;
    } else if (c != '\x01' && c != '\x02') {
      run += c;
    }
  }
  flush();
  if (open) out += "</mark>";
  return out;
}

std::string PlainSnippet(const std::string& snippet) {
  std::string out;
  for (const char c : snippet) {
    if (c != '\x01' && c != '\x02') out += c;
  }
  return out;
}

std::string Option(const std::string& value, const std::string& label, const std::string& chosen) {
  return "<option value=\"" + EscapeHtml(value) + "\"" + (value == chosen ? " selected" : "") + ">" +
         EscapeHtml(label) + "</option>";
}

// Hits by story, stories in the order of their best hit; hits of no story
// under 0, last.
std::vector<std::pair<int64_t, std::vector<const SearchHit*>>> ByStory(const std::vector<SearchHit>& hits) {
  std::vector<std::pair<int64_t, std::vector<const SearchHit*>>> groups;
  std::map<int64_t, size_t> at;
  for (const SearchHit& hit : hits) {
    auto [it, inserted] = at.emplace(hit.story, groups.size());
    if (inserted) groups.push_back({hit.story, {}});
    groups[it->second].second.push_back(&hit);
  }
  std::stable_partition(groups.begin(), groups.end(), [](const auto& g) { return g.first != 0; });
  return groups;
}

}  // namespace

std::string RenderSearchHtml(const std::vector<SearchHit>& hits, const SearchPage& page) {
  const std::string heading = page.query.text.empty() ? "Search" : "Search: " + page.query.text;
  std::string out;
  pages::AppendPageTop(page.html, heading, out);
  out += "<header class=\"page\">\n<p class=\"kicker\">parallax &middot; search</p>\n<h1>" + EscapeHtml(heading) +
         "</h1>\n";
  out += "<form class=\"search\" method=\"get\" action=\"\" role=\"search\">\n";
  out += "<label>Words <input type=\"search\" name=\"q\" value=\"" + EscapeHtml(page.query.text) +
         "\" autofocus></label>\n";
  if (!page.outlets.empty()) {
    out += "<label>Outlet <select name=\"outlet\">" + Option("", "any", page.outlet);
    for (const std::string& o : page.outlets) out += Option(o, o, page.outlet);
    out += "</select></label>\n";
  }
  if (!page.groups.empty()) {
    out += "<label>" + EscapeHtml(page.group_label) + " <select name=\"group\">" + Option("", "any", page.group);
    for (const std::string& g : page.groups) out += Option(g, g, page.group);
    out += "</select></label>\n";
  }
  out += "<label>From <input type=\"date\" name=\"from\" value=\"" + EscapeHtml(page.query.from.substr(0, 10)) +
         "\"></label>\n<label>To <input type=\"date\" name=\"to\" value=\"" + EscapeHtml(page.query.to.substr(0, 10)) +
         "\"></label>\n<button type=\"submit\">Search</button>\n</form>\n</header>\n<main>\n";
  if (page.unsearchable > 0) {
    out += "<p class=\"meta\">" + std::to_string(page.unsearchable) +
           " stored articles are not searchable yet: <code>parallax index</code> adds them.</p>\n";
  }
  if (!page.query.text.empty()) {
    const auto groups = ByStory(hits);
    out += "<p class=\"meta\">" + std::to_string(hits.size()) + (hits.size() == 1 ? " article" : " articles") +
           " in " + std::to_string(groups.size()) + (groups.size() == 1 ? " group" : " groups") +
           (hits.size() >= page.query.limit ? " (the best " + std::to_string(page.query.limit) + ")" : std::string()) +
           "</p>\n";
    if (hits.empty()) out += "<p class=\"empty\">No article holds all of these words.</p>\n";
    for (const auto& [story, members] : groups) {
      out += "<section class=\"hits\">\n<h2>";
      if (story != 0) {
        out += "<a href=\"" + EscapeHtml(page.story_href_prefix + std::to_string(story)) + "\">" +
               EscapeHtml(members.front()->title.empty() ? "Story " + std::to_string(story) : members.front()->title) +
               "</a>";
      } else {
        out += "Not in a story yet";
      }
      out += "</h2>\n<ul class=\"hits\">\n";
      for (const SearchHit* hit : members) {
        out += "<li><strong>" + EscapeHtml(hit->outlet.empty() ? hit->article_id : hit->outlet) + "</strong> " +
               html::SafeLink(hit->url, hit->title.empty() ? "(untitled)" : hit->title) +
               (hit->published.empty() ? std::string() : " <span class=\"when\">" + EscapeHtml(hit->published) + "</span>") +
               "<br><span class=\"snippet\">" + MarkedSnippet(hit->snippet) + "</span></li>\n";
      }
      out += "</ul>\n</section>\n";
    }
  }
  out += "</main>\n</body>\n</html>\n";
  return out;
}

std::string RenderSearchJson(const std::vector<SearchHit>& hits, const SearchPage& page) {
  nlohmann::ordered_json out;
  out["schema"] = "parallax.search/1";
  out["q"] = page.query.text;
  out["unsearchable"] = page.unsearchable;
  out["stories"] = nlohmann::ordered_json::array();
  for (const auto& [story, members] : ByStory(hits)) {
    nlohmann::ordered_json articles = nlohmann::ordered_json::array();
    for (const SearchHit* hit : members) {
      articles.push_back({{"id", hit->article_id},
                          {"outlet", hit->outlet},
                          {"title", hit->title},
                          {"published", pages::TextOrNull(hit->published)},
                          {"url", pages::TextOrNull(hit->url)},
                          {"snippet", PlainSnippet(hit->snippet)}});
    }
    out["stories"].push_back({{"story", story == 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(story)},
                              {"articles", std::move(articles)}});
  }
  return pages::Dump(out);
}

}  // namespace parallax
