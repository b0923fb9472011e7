// The web app's outlet pages: the list of outlets, and one outlet's
// latest articles, its stories told and missed, and its voices and own
// wording week by week; as HTML and as JSON.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "parallax/report.h"
#include "report/html_sections.h"
#include "report/pages.h"

namespace parallax {

namespace {

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The outlets list links every name, under /outlets/ unless told otherwise.
std::string OutletLink(const HtmlPageOptions& html, const std::string& name) {
  return pages::OutletHref(html.outlet_href_prefix.empty() ? "/outlets/" : html.outlet_href_prefix, name);
}

// "left (Invented Ratings Agency, 2026-11)": a group and who says so.
std::string GroupText(const OutletGroup& g) {
  std::string who = g.source;
  if (!g.as_of.empty()) who += (who.empty() ? "" : ", ") + g.as_of;
  return g.value + (who.empty() ? "" : " (" + who + ")");
}

void AppendListing(const OutletPage& page, std::string& out) {
  out += "<dl class=\"summary\">\n<dt>Articles stored</dt><dd>" + std::to_string(page.outlet.articles) + "</dd>\n";
  out += "<dt>Published</dt><dd>" + pages::DateOrDash(page.outlet.first_published) + " to " +
         pages::DateOrDash(page.outlet.last_published) + "</dd>\n";
  if (!page.listed) {
    out += "<dt>Outlets file</dt><dd class=\"empty\">not in it: no groups or domains known</dd>\n";
  } else {
    if (!page.listed->domains.empty()) {
      std::string domains;
      for (const std::string& d : page.listed->domains) domains += (domains.empty() ? "" : ", ") + EscapeHtml(d);
      out += "<dt>Domains</dt><dd>" + domains + "</dd>\n";
    }
    for (const OutletGroup& g : page.listed->groups) {
      out += "<dt>" + EscapeHtml(g.label) + "</dt><dd>" + EscapeHtml(GroupText(g)) + "</dd>\n";
    }
    if (!page.listed->language.empty() || !page.listed->country.empty()) {
      out += "<dt>Language, country</dt><dd>" + EscapeHtml(page.listed->language.empty() ? "?" : page.listed->language) +
             ", " + EscapeHtml(page.listed->country.empty() ? "?" : page.listed->country) + "</dd>\n";
    }
  }
  out += "</dl>\n";
}

void AppendWeeks(const OutletPage& page, std::string& out) {
  out += "<section id=\"weeks\">\n<h2>Voices and wording, week by week</h2>\n<p class=\"lede\">Whom its latest " +
         Plural(page.recent.size(), "article", "articles") +
         " quote most (quotes, and in how many articles), and the loaded words it uses in its own voice, "
         "outside quotes.</p>\n";
  if (page.weeks.empty()) {
    out += "<p class=\"empty\">No articles to read.</p>\n</section>\n";
    return;
  }
  out += "<table class=\"weeks\">\n<thead><tr><th>Week of</th><th>Articles</th><th>Most quoted</th>"
         "<th>Its own loaded wording</th></tr></thead>\n<tbody>\n";
  for (const WeekProfile& w : page.weeks) {
    std::string voices, wording;
    for (const VoiceCount& v : w.voices) {
      voices += "<li><span class=\"name\">" + EscapeHtml(v.name) + "</span> <span class=\"n\">" +
                Plural(v.quotes, "quote", "quotes") + " in " + Plural(v.articles, "article", "articles") +
                "</span></li>";
    }
    for (const WordingCount& c : w.wording) {
      wording += "<li><mark class=\"loaded\">" + EscapeHtml(c.example) + "</mark> <span class=\"n\">&times;" +
                 std::to_string(c.uses) + " &middot; " + EscapeHtml(c.category) + "</span></li>";
    }
    out += "<tr><td class=\"when\">" + (w.week.empty() ? std::string("undated") : EscapeHtml(w.week)) +
           "</td><td class=\"size\">" + std::to_string(w.articles) + "</td><td>" +
           (voices.empty() ? "<span class=\"empty\">nobody</span>" : "<ul class=\"counts\">" + voices + "</ul>") +
           "</td><td>" +
           (wording.empty() ? "<span class=\"empty\">none</span>" : "<ul class=\"counts\">" + wording + "</ul>") +
           "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n</section>\n";
}

void AppendRecent(const OutletPage& page, std::string& out) {
  out += "<section id=\"articles\">\n<h2>Latest articles</h2>\n";
  if (page.recent.empty()) {
    out += "<p class=\"empty\">None stored.</p>\n</section>\n";
    return;
  }
  out += "<ol class=\"timeline\">\n";
  for (const StoredArticle& s : page.recent) {
    const Article& a = s.article;
    const std::string title = a.title.empty() ? "(no headline)" : a.title;
    out += "<li><span class=\"when\">" + pages::DateOrDash(a.published) + "</span>";
    out += s.story != 0 ? "<a href=\"" + EscapeHtml(page.story_href_prefix + std::to_string(s.story)) + "\">" +
                              EscapeHtml(title) + "</a>"
                        : EscapeHtml(title) + " <span class=\"copy\">(in no story yet)</span>";
    if (!a.url.empty()) out += " <span class=\"copy\">" + html::SafeLink(a.url, "original") + "</span>";
    out += "</li>\n";
  }
  out += "</ol>\n</section>\n";
}

// ", among them one whose leaning is not left, " when the outlet has a value
// of the group shown.
std::string OtherGroupClause(const OutletPage& page) {
  if (page.group_label.empty() || !page.listed) return std::string();
  const std::string& own = page.listed->Group(page.group_label);
  if (own.empty()) return std::string();
  return "among them one whose " + EscapeHtml(page.group_label) + " is not " + EscapeHtml(own) + ", ";
}

}  // namespace

std::string RenderOutletHtml(const OutletPage& page) {
  std::string out;
  pages::AppendPageStart(page.html, page.outlet.name, "outlet", out);
  AppendListing(page, out);
  out += "<nav class=\"sections\"><a href=\"#told\">Told</a><a href=\"#missed\">Missed</a>"
         "<a href=\"#weeks\">Voices and wording</a><a href=\"#articles\">Latest articles</a></nav>\n";

  out += "<section id=\"told\">\n<h2>Stories it told</h2>\n<p class=\"lede\">The stories of its latest " +
         Plural(page.recent.size(), "article", "articles") + ".</p>\n";
  if (page.covered.empty()) {
    out += "<p class=\"empty\">None yet: its articles are in no story (parallax cluster groups them).</p>\n";
  } else {
    pages::AppendStoriesTable(page.covered, {}, page.story_href_prefix, page.html.outlet_href_prefix, out);
  }
  out += "</section>\n";

  out += "<section id=\"missed\">\n<h2>Stories it missed</h2>\n<p class=\"lede\">Told by at least " +
         std::to_string(kMissedMinOutlets) + " other outlets" +
         (page.missed_since.empty() ? std::string() : " since " + EscapeHtml(page.missed_since)) + ", " +
         OtherGroupClause(page) + "but not by " + EscapeHtml(page.outlet.name) + ".</p>\n";
  const bool with_coverage = !page.missed_coverage.empty() && page.missed_coverage.size() == page.missed.size();
  if (page.missed.empty()) {
    out += "<p class=\"empty\">None.</p>\n";
  } else {
    if (with_coverage) out += pages::Legend(page.missed_coverage.front());
    pages::AppendStoriesTable(page.missed, with_coverage ? page.missed_coverage : std::vector<GroupCoverage>{},
                              page.story_href_prefix, page.html.outlet_href_prefix, out);
  }
  out += "</section>\n";

  AppendWeeks(page, out);
  AppendRecent(page, out);
  out += pages::kPageEnd;
  return out;
}

std::string RenderOutletJson(const OutletPage& page) {
  using json = nlohmann::ordered_json;
  json out;
  out["schema"] = "parallax.outlet/1";
  out["name"] = page.outlet.name;
  out["articles"] = page.outlet.articles;
  out["first_published"] = pages::TextOrNull(page.outlet.first_published);
  out["last_published"] = pages::TextOrNull(page.outlet.last_published);
  if (page.listed) {
    json groups = json::array();
    for (const OutletGroup& g : page.listed->groups) {
      groups.push_back({{"label", g.label}, {"value", g.value}, {"source", pages::TextOrNull(g.source)},
                        {"as_of", pages::TextOrNull(g.as_of)}});
    }
    out["listed"] = {{"domains", page.listed->domains},
                     {"language", pages::TextOrNull(page.listed->language)},
                     {"country", pages::TextOrNull(page.listed->country)},
                     {"groups", std::move(groups)}};
  } else {
    out["listed"] = nullptr;
  }
  out["recent"] = json::array();
  for (const StoredArticle& s : page.recent) {
    out["recent"].push_back({{"id", s.article.id},
                             {"title", s.article.title},
                             {"published", pages::TextOrNull(s.article.published)},
                             {"url", pages::TextOrNull(s.article.url)},
                             {"story", s.story == 0 ? json(nullptr) : json(s.story)}});
  }
  out["told"] = json::array();
  for (const StorySummary& s : page.covered) out["told"].push_back(pages::StoryJson(s, nullptr));
  out["missed_since"] = pages::TextOrNull(page.missed_since);
  out["missed"] = json::array();
  for (size_t i = 0; i < page.missed.size(); ++i) {
    out["missed"].push_back(pages::StoryJson(
        page.missed[i], page.missed_coverage.size() == page.missed.size() ? &page.missed_coverage[i] : nullptr));
  }
  out["weeks"] = json::array();
  for (const WeekProfile& w : page.weeks) {
    json voices = json::array(), wording = json::array();
    for (const VoiceCount& v : w.voices) voices.push_back({{"name", v.name}, {"quotes", v.quotes}, {"articles", v.articles}});
    for (const WordingCount& c : w.wording) {
      wording.push_back({{"entry", c.entry}, {"category", c.category}, {"example", c.example}, {"uses", c.uses}});
    }
    out["weeks"].push_back({{"week", pages::TextOrNull(w.week)},
                            {"articles", w.articles},
                            {"voices", std::move(voices)},
                            {"wording", std::move(wording)}});
  }
  return pages::Dump(out);
}

std::string RenderOutletsHtml(const OutletsPage& page) {
  std::string out;
  pages::AppendPageStart(page.html, "Outlets", Plural(page.outlets.size(), "outlet", "outlets"), out);
  const bool with_group = !page.group_label.empty() && page.group_values.size() == page.outlets.size();
  if (page.outlets.empty()) {
    out += "<p class=\"empty\">No articles stored yet: parallax ingest some.</p>\n";
  } else {
    out += "<table class=\"stories outlets\">\n<thead><tr><th>Outlet</th>";
    if (with_group) out += "<th>" + EscapeHtml(page.group_label) + "</th>";
    out += "<th>Articles</th><th>First published</th><th>Last published</th></tr></thead>\n<tbody>\n";
    for (size_t i = 0; i < page.outlets.size(); ++i) {
      const OutletSummary& o = page.outlets[i];
      out += "<tr><td class=\"headline\"><a href=\"" +
             EscapeHtml(OutletLink(page.html, o.name)) +
             "\">" + EscapeHtml(o.name) + "</a></td>";
      if (with_group) {
        out += "<td>" + (page.group_values[i].empty() ? std::string("<span class=\"empty\">unrated</span>")
                                                       : EscapeHtml(page.group_values[i])) + "</td>";
      }
      out += "<td class=\"size\">" + std::to_string(o.articles) + "</td><td class=\"when\">" +
             pages::DateOrDash(o.first_published) + "</td><td class=\"when\">" + pages::DateOrDash(o.last_published) +
             "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }
  if (!page.without_articles.empty()) {
    out += "<section>\n<h2>Followed, nothing stored yet</h2>\n<p class=\"lede\">In the outlets file, with no "
           "article in the store under that name.</p>\n<ul>\n";
    for (const std::string& name : page.without_articles) {
      out += "<li><a href=\"" +
             EscapeHtml(OutletLink(page.html, name)) +
             "\">" + EscapeHtml(name) + "</a></li>\n";
    }
    out += "</ul>\n</section>\n";
  }
  out += pages::kPageEnd;
  return out;
}

std::string RenderOutletsJson(const OutletsPage& page) {
  using json = nlohmann::ordered_json;
  json out;
  out["schema"] = "parallax.outlets/1";
  out["group"] = pages::TextOrNull(page.group_label);
  out["outlets"] = json::array();
  for (size_t i = 0; i < page.outlets.size(); ++i) {
    const OutletSummary& o = page.outlets[i];
    json j = {{"name", o.name},
              {"articles", o.articles},
              {"first_published", pages::TextOrNull(o.first_published)},
              {"last_published", pages::TextOrNull(o.last_published)}};
    if (!page.group_label.empty() && page.group_values.size() == page.outlets.size()) {
      j["group_value"] = pages::TextOrNull(page.group_values[i]);
    }
    out["outlets"].push_back(std::move(j));
  }
  out["without_articles"] = page.without_articles;
  return pages::Dump(out);
}

}  // namespace parallax
