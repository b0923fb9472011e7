// The story's timeline (who published when, with links to the originals),
// its coverage bar, and links that are safe to follow.
#include <algorithm>
#include <string>
#include <vector>

#include "parallax/report.h"
#include "report/html_sections.h"

namespace parallax::html {

namespace {

// A segment's width as a class (w0, w5 ... w100): the page's policy allows
// no inline style, so widths come from the stylesheet in steps of 5%.
std::string WidthClass(size_t part, size_t whole) {
  const size_t percent = whole == 0 ? 0 : (part * 100 + whole / 2) / whole;
  return "w" + std::to_string((percent + 2) / 5 * 5);
}

}  // namespace

std::string CoverageBar(const GroupCoverage& c) {
  size_t whole = c.unknown;
  for (const size_t n : c.outlets) whole += n;
  std::string label;
  for (size_t v = 0; v < c.values.size(); ++v) {
    label += (v == 0 ? "" : ", ") + c.values[v] + " " + std::to_string(c.outlets[v]);
  }
  if (c.unknown > 0) label += (label.empty() ? "" : "; ") + std::to_string(c.unknown) + " not rated";
  std::string out = "<span class=\"bar\" role=\"img\" aria-label=\"" + EscapeHtml(c.label + ": " + label) +
                    "\" title=\"" + EscapeHtml(c.label + ": " + label) + "\">";
  for (size_t v = 0; v < c.values.size(); ++v) {
    if (c.outlets[v] > 0) out += "<span class=\"seg " + ColourClass(v) + " " + WidthClass(c.outlets[v], whole) + "\"></span>";
  }
  if (c.unknown > 0) out += "<span class=\"seg unrated " + WidthClass(c.unknown, whole) + "\"></span>";
  out += "</span>";
  if (c.blindspot) {
    const auto at = std::find(c.values.begin(), c.values.end(), c.weakest);
    const bool none = at != c.values.end() && c.outlets[static_cast<size_t>(at - c.values.begin())] == 0;
    out += " <span class=\"blindspot\">Blindspot: " + std::string(none ? "no " : "little ") + EscapeHtml(c.weakest) +
           "</span>";
  }
  return out;
}


std::string ColourClass(size_t value) { return "g" + std::to_string(std::min(value, kGroupColours - 1)); }

std::string SafeLink(const std::string& url, const std::string& label) {
  const bool web = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
  if (!web) return EscapeHtml(label);
  return "<a href=\"" + EscapeHtml(url) + "\" rel=\"noopener noreferrer nofollow\">" + EscapeHtml(label) + "</a>";
}

namespace {

struct Entry {
  std::string published;
  std::string outlet;
  std::string title;
  std::string url;
  std::string note;  // "the same copy as d0"
};

}  // namespace

void AppendTimelineSection(const Comparison& comparison, std::string& out) {
  std::vector<Entry> entries;
  for (const AnalyzedArticle& doc : comparison.documents) {
    entries.push_back({doc.article.published, OutletName(doc.article), doc.article.title, doc.article.url, ""});
  }
  for (const FoldedCopy& copy : comparison.copies) {
    const AnalyzedArticle* original = DocumentAt(comparison, copy.document);
    if (original == nullptr) continue;
    entries.push_back({copy.article.published, OutletName(copy.article), copy.article.title, copy.article.url,
                       "the same copy as " + OutletName(original->article)});
  }
  if (entries.size() < 2) return;
  // Dated first, in time order; undated last, in their order.
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    if (a.published.empty() != b.published.empty()) return b.published.empty();
    return a.published < b.published;
  });
  out += "<section id=\"timeline\">\n<h2>Timeline</h2>\n<p class=\"lede\">Who published when";
  out += comparison.copies.empty() ? "." : ", copies of one report included.";
  out += " Titles link to the original pages where the reports give their address.</p>\n<ol class=\"timeline\">\n";
  for (const Entry& e : entries) {
    out += "<li><span class=\"when\">" + (e.published.empty() ? std::string("undated") : EscapeHtml(e.published)) +
           "</span> <strong>" + EscapeHtml(e.outlet) + "</strong> " +
           SafeLink(e.url, e.title.empty() ? std::string("(untitled)") : e.title);
    if (!e.note.empty()) out += " <span class=\"copy\">" + EscapeHtml(e.note) + "</span>";
    out += "</li>\n";
  }
  out += "</ol>\n</section>\n";
}

}  // namespace parallax::html
