// The HTML report: one self-contained page that a reader can open from disk,
// mail, or archive. It loads nothing (no fonts, images, scripts or styles
// from anywhere) and runs no script at all, and a Content-Security-Policy
// says so to the browser, so even a bug in our escaping could not make the
// page fetch or execute anything.
//
// Article text is hostile input. It reaches the page only through
// EscapeHtml(), in element content and in quoted attribute values alike;
// the only markup the page contains is ours. Links are in-page fragments
// ("#d0-p3") built from our own ids, never from a URL found in an article.
//
// This file: escaping, the page frame and stylesheet, the summary header and
// the side-by-side grid. html_sections.cc: quotes, wording and full texts.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/report.h"
#include "report/html_sections.h"
#include "report/pages.h"

namespace parallax {
namespace {

// Length of the well-formed UTF-8 sequence starting at text[pos], or 0 when
// the bytes there are not one (RFC 3629: no overlongs, no surrogates,
// nothing above U+10FFFF).
size_t Utf8SequenceLength(std::string_view text, size_t pos) {
  auto byte = [&](size_t i) -> unsigned { return static_cast<unsigned char>(text[i]); };
  auto in = [&](size_t i, unsigned lo, unsigned hi) {
    return i < text.size() && byte(i) >= lo && byte(i) <= hi;
  };
  const unsigned lead = byte(pos);
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return in(pos + 1, 0x80, 0xBF) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    const unsigned lo = lead == 0xE0 ? 0xA0 : 0x80;
    const unsigned hi = lead == 0xED ? 0x9F : 0xBF;
    return in(pos + 1, lo, hi) && in(pos + 2, 0x80, 0xBF) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    const unsigned lo = lead == 0xF0 ? 0x90 : 0x80;
    const unsigned hi = lead == 0xF4 ? 0x8F : 0xBF;
    return in(pos + 1, lo, hi) && in(pos + 2, 0x80, 0xBF) && in(pos + 3, 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

// What stands in the page for a byte that must not appear raw in text or
// in a quoted attribute value; empty for every other byte.
std::string_view EntityFor(char c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&#39;";
    case '\0':
      return kReplacementCharacter;
    default:
      return {};
  }
}

std::string FormatScore(double value) {
  if (!std::isfinite(value)) return "n/a";
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.2f", value);
  return buffer;
}


std::string DocumentId(const AnalyzedArticle& doc, size_t index) {
  return doc.article.id.empty() ? "d" + std::to_string(index) : doc.article.id;
}


void AppendHead(const Comparison& comparison, const HtmlPageOptions& page, std::string& out) {
  std::string title = "parallax";
  if (!comparison.documents.empty() && !comparison.documents[0].article.title.empty()) {
    title += ": " + comparison.documents[0].article.title;
  }
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  if (page.stylesheet.empty()) {
    // No script, no fetch: only inline styles are allowed to apply.
    out +=
        "<meta http-equiv=\"Content-Security-Policy\" "
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
  }
  out += "<meta name=\"referrer\" content=\"no-referrer\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"parallax\">\n";
  out += "<title>" + EscapeHtml(title) + "</title>\n";
  if (page.stylesheet.empty()) {
    out += "<style>";
    out += HtmlStyleSheet();
    out += HtmlGridStyleSheet(comparison.documents.size());
    out += "</style>\n";
  } else {
    out += "<link rel=\"stylesheet\" href=\"" + EscapeHtml(page.stylesheet) + "\">\n";
    out += "<link rel=\"stylesheet\" href=\"" + EscapeHtml(page.grid_stylesheet_prefix) +
           std::to_string(std::max<size_t>(comparison.documents.size(), 1)) + ".css\">\n";
  }
  out += "</head>\n<body>\n";
  if (!page.nav.empty()) {
    out += "<nav class=\"site\">";
    for (const auto& [label, href] : page.nav) out += "<a href=\"" + EscapeHtml(href) + "\">" + EscapeHtml(label) + "</a>";
    out += "</nav>\n";
  }
}

bool Valid(const DocumentSimilarity& pair, size_t documents) {
  return pair.a >= 0 && pair.b >= 0 && static_cast<size_t>(pair.a) < documents &&
         static_cast<size_t>(pair.b) < documents && pair.a != pair.b;
}

// Every pair as a table when all are listed; beyond, each outlet's
// closest, since a table of hundreds of columns helps nobody.
void AppendSimilarityTable(const Comparison& comparison, std::string& out) {
  const size_t n = comparison.documents.size();
  if (n < 2 || comparison.similarity.empty()) return;
  auto outlet = [&](int d) { return EscapeHtml(html::OutletName(comparison.documents[d].article)); };
  if (!comparison.similarity_summary.all_listed) {
    out += "<table class=\"similarity\">\n<thead><tr><th>Outlet</th><th>Closest outlet</th><th>Similarity</th>"
           "</tr></thead>\n<tbody>\n";
    std::vector<const DocumentSimilarity*> closest(n, nullptr);
    for (const DocumentSimilarity& pair : comparison.similarity) {
      if (!Valid(pair, n)) continue;
      for (const int d : {pair.a, pair.b}) {
        if (closest[d] == nullptr || pair.score > closest[d]->score) closest[d] = &pair;
      }
    }
    for (size_t d = 0; d < n; ++d) {
      if (closest[d] == nullptr) continue;
      const int other = closest[d]->a == static_cast<int>(d) ? closest[d]->b : closest[d]->a;
      out += "<tr><th>" + outlet(static_cast<int>(d)) + "</th><td>" + outlet(other) + "</td><td>" +
             FormatScore(closest[d]->score) + "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
    return;
  }
  std::vector<std::vector<double>> score(n, std::vector<double>(n, 1.0));
  for (const DocumentSimilarity& pair : comparison.similarity) {
    if (Valid(pair, n)) score[pair.a][pair.b] = score[pair.b][pair.a] = pair.score;
  }
  out += "<table class=\"similarity\">\n<thead><tr><th>Similarity</th>";
  for (size_t j = 0; j < n; ++j) out += "<th>" + outlet(static_cast<int>(j)) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (size_t i = 0; i < n; ++i) {
    out += "<tr><th>" + outlet(static_cast<int>(i)) + "</th>";
    for (size_t j = 0; j < n; ++j) out += i == j ? "<td></td>" : "<td>" + FormatScore(score[i][j]) + "</td>";
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
}

std::string CoverageRow(const GroupCoverage& coverage) {
  return "<dt>Coverage by " + EscapeHtml(coverage.label) + "</dt><dd>" + html::CoverageBar(coverage) + "</dd>\n";
}

void AppendSummary(const Comparison& comparison, const HtmlPageOptions& page, std::string& out) {
  const size_t n = comparison.documents.size();
  out += "<header class=\"page\">\n<p class=\"kicker\">parallax &middot; " + std::to_string(n) +
         (n == 1 ? " report" : " reports") + " compared</p>\n";
  std::string headline = "Untitled story";
  if (n > 0 && !comparison.documents[0].article.title.empty()) {
    headline = comparison.documents[0].article.title;
  }
  out += "<h1>" + EscapeHtml(headline) + "</h1>\n";
  if (comparison.same_event) {
    out += "<p class=\"verdict same\">Same event: the reports tell one story</p>\n";
  } else {
    out +=
        "<p class=\"verdict different\">Not clearly one event: read the comparison "
        "with care</p>\n";
  }

  out += "<dl class=\"summary\">\n<dt>Outlets</dt><dd>" + std::to_string(n);
  for (size_t i = 0; i < n; ++i) {
    out += i == 0 ? ": " : ", ";
    out += EscapeHtml(html::OutletName(comparison.documents[i].article));
  }
  out += "</dd>\n<dt>Same event</dt><dd>";
  out += comparison.same_event ? "yes" : "no";
  out += "</dd>\n<dt>Document similarity</dt><dd>";
  const SimilaritySummary& similarity = comparison.similarity_summary;
  if (similarity.pairs == 0) {
    out += "not measured";
  } else if (similarity.pairs == 1) {
    out += FormatScore(similarity.mean) + " between the two outlets";
  } else {
    out += "mean " + FormatScore(similarity.mean) + " over all " + std::to_string(similarity.pairs) +
           " pairs of outlets (median " + FormatScore(similarity.median) + ", least " +
           FormatScore(similarity.min) + ", most " + FormatScore(similarity.max) + ")";
  }
  out += "</dd>\n<dt>Shared entities</dt><dd>";
  std::vector<std::string> names;
  for (const std::string& id : comparison.shared_entities) {
    auto it = std::find_if(comparison.entities.begin(), comparison.entities.end(),
                           [&](const Entity& e) { return e.id == id; });
    names.push_back(it != comparison.entities.end() && !it->name.empty() ? it->name : id);
  }
  if (names.empty()) out += "<span class=\"empty\">none named by every outlet</span>";
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += ", ";
    out += EscapeHtml(names[i]);
  }
  int shared = 0;
  int unique = 0;
  for (const Fact& fact : comparison.facts) (fact.documents.size() >= 2 ? shared : unique)++;
  out += "</dd>\n<dt>Facts</dt><dd>" + std::to_string(shared) + " reported by several outlets, " +
         std::to_string(unique) + " by one only</dd>\n";
  out += "<dt>Quotes</dt><dd>" + std::to_string(comparison.quotes.size()) + " quotes, " +
         std::to_string(comparison.voices.size()) + " named voices</dd>\n";
  for (size_t d = 0; d < n; ++d) {
    std::vector<std::string> ran;
    for (const FoldedCopy& copy : comparison.copies) {
      if (copy.document == static_cast<int>(d)) ran.push_back(html::OutletName(copy.article));
    }
    if (ran.empty()) continue;
    std::string list;
    for (size_t i = 0; i < ran.size(); ++i) list += (i == 0 ? "" : i + 1 == ran.size() ? " and " : ", ") + EscapeHtml(ran[i]);
    out += "<dt>Copies</dt><dd>" + std::to_string(ran.size() + 1) + " outlets ran the same copy: " +
           EscapeHtml(html::OutletName(comparison.documents[d].article)) + "&rsquo;s report also ran in " + list +
           " (compared once)</dd>\n";
  }
  if (page.coverage) {
    out += CoverageRow(*page.coverage);
  } else if (page.coverage_marker) {
    out += kCoverageMarker;
  }
  out += "</dl>\n";
  AppendSimilarityTable(comparison, out);
  out +=
      "<nav class=\"sections\"><a href=\"#side-by-side\">Side by side</a>"
      "<a href=\"#quotes\">Quotes</a><a href=\"#wording\">Wording</a>"
      "<a href=\"#timeline\">Timeline</a><a href=\"#full-text\">Full text</a></nav>\n";
  out += pages::Downloads(page) + "</header>\n";
}

// A fact prepared for display: its valid documents, and where it first
// appears (the smallest sentence index in any report), the row order.
struct FactRow {
  const Fact* fact = nullptr;
  size_t index = 0;
  uint32_t first = UINT32_MAX;
  int first_document = INT32_MAX;
  std::vector<int> documents;  // sorted, distinct, in range
};

std::vector<FactRow> OrderFacts(const Comparison& comparison) {
  const int n = static_cast<int>(comparison.documents.size());
  std::vector<FactRow> rows;
  for (size_t i = 0; i < comparison.facts.size(); ++i) {
    const Fact& fact = comparison.facts[i];
    FactRow row;
    row.fact = &fact;
    row.index = i;
    // Fact::documents is the contract; the sentences are checked too so a
    // row never shows a sentence in a column the label says is empty.
    for (int d : fact.documents) {
      if (d >= 0 && d < n) row.documents.push_back(d);
    }
    for (const SentenceRef& ref : fact.sentences) {
      if (ref.document < 0 || ref.document >= n) continue;
      row.documents.push_back(ref.document);
      if (ref.sentence < row.first ||
          (ref.sentence == row.first && ref.document < row.first_document)) {
        row.first = ref.sentence;
        row.first_document = ref.document;
      }
    }
    std::sort(row.documents.begin(), row.documents.end());
    row.documents.erase(std::unique(row.documents.begin(), row.documents.end()),
                        row.documents.end());
    if (!row.documents.empty()) rows.push_back(std::move(row));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const FactRow& a, const FactRow& b) {
    if (a.first != b.first) return a.first < b.first;
    return a.first_document < b.first_document;
  });
  return rows;
}

// One report's sentences of a fact, each linked to its paragraph in the
// full text so every claim can be checked against its source.
void AppendSentences(const Comparison& comparison, const Fact& fact, int document,
                     std::string& out) {
  const AnalyzedArticle& doc = comparison.documents[document];
  const std::string id = EscapeHtml(DocumentId(doc, document));
  for (const SentenceRef& ref : fact.sentences) {
    if (ref.document != document || ref.sentence >= doc.sentences.size()) continue;
    const Span& span = doc.sentences[ref.sentence].span;
    std::string classes = "sentence";
    if (span.paragraph < doc.article.paragraphs.size() &&
        doc.article.paragraphs[span.paragraph].role != ParagraphRole::kBody) {
      classes += " off-body role-";
      classes += RoleName(doc.article.paragraphs[span.paragraph].role);
    }
    const std::string paragraph = std::to_string(span.paragraph);
    out += "<p class=\"" + classes + "\" data-sentence=\"" + std::to_string(ref.sentence) + "\">" +
           html::SentenceHtml(doc, ref.sentence) +
           (ref.relation == FactRelation::kAddsDetail
                ? "<span class=\"relation\" title=\"states the row's fact and adds more\">adds detail</span>"
                : "") +
           "<a class=\"src\" href=\"#" + id + "-p" +
           paragraph + "\" title=\"paragraph " + std::to_string(span.paragraph + 1) +
           " of the full text\">&para;" + std::to_string(span.paragraph + 1) + "</a></p>";
  }
}

void AppendFactRow(const Comparison& comparison, const FactRow& row, std::string& out) {
  const size_t n = comparison.documents.size();
  const bool shared = row.documents.size() >= 2;
  out += shared ? "<div class=\"fact shared\"" : "<div class=\"fact unique\"";
  out += " data-fact=\"" + std::to_string(row.index) + "\">\n";
  if (shared) {
    out += "<div class=\"fact-label\" title=\"reported by " + std::to_string(row.documents.size()) +
           " of " + std::to_string(n) + " outlets; weakest match " + FormatScore(row.fact->score) +
           "\">" + std::to_string(row.documents.size()) + " of " + std::to_string(n) + "</div>\n";
  } else {
    out += "<div class=\"fact-label\" title=\"reported by one outlet only\">only</div>\n";
  }
  for (size_t d = 0; d < n; ++d) {
    const bool reported =
        std::binary_search(row.documents.begin(), row.documents.end(), static_cast<int>(d));
    const std::string id = EscapeHtml(DocumentId(comparison.documents[d], d));
    if (reported) {
      out += shared ? "<div class=\"cell reported\"" : "<div class=\"cell own\"";
      out += " data-document=\"" + id + "\">";
      AppendSentences(comparison, *row.fact, static_cast<int>(d), out);
      out += "</div>\n";
    } else if (shared) {
      out += "<div class=\"cell missing\" data-document=\"" + id + "\">not reported</div>\n";
    } else {
      out += "<div class=\"cell blank\" data-document=\"" + id + "\"></div>\n";
    }
  }
  out += "</div>\n";
}

void AppendSideBySide(const Comparison& comparison, const std::string& outlet_href_prefix, std::string& out) {
  out +=
      "<section id=\"side-by-side\">\n<h2>Side by side</h2>\n<p class=\"lede\">One column "
      "per outlet. Each row is one piece of information: shaded blue when several outlets "
      "report it (with each outlet&#39;s own sentences), yellow when only one does. Rows "
      "follow the order in which the information first appears. Loaded wording is "
      "<mark class=\"loaded legend\">marked</mark>; inside a quote, where the words are "
      "the speaker&#39;s, <mark class=\"loaded legend\" data-in-quote=\"true\">marked "
      "so</mark>."
      "</p>\n";
  if (comparison.documents.empty()) {
    out += "<p class=\"empty\">No reports to compare.</p>\n</section>\n";
    return;
  }
  out += "<div class=\"grid-scroll\">\n<div class=\"grid\">\n<div class=\"corner\"></div>\n";
  for (size_t d = 0; d < comparison.documents.size(); ++d) {
    const Article& article = comparison.documents[d].article;
    out += "<div class=\"outlet-column accent-" + std::to_string(d % 6) + "\" data-document=\"" +
           EscapeHtml(DocumentId(comparison.documents[d], d)) + "\">";
    const std::string name = EscapeHtml(html::OutletName(article));
    if (outlet_href_prefix.empty() || article.outlet.empty()) {
      out += "<span class=\"outlet\">" + name + "</span>";
    } else {
      out += "<a class=\"outlet\" href=\"" + EscapeHtml(pages::OutletHref(outlet_href_prefix, article.outlet)) + "\">" +
             name + "</a>";
    }
    if (!article.title.empty()) {
      out += "<span class=\"title\">" + EscapeHtml(article.title) + "</span>";
    }
    if (!article.published.empty()) {
      out += "<span class=\"date\">" + EscapeHtml(article.published) + "</span>";
    }
    out += "</div>\n";
  }
  const std::vector<FactRow> rows = OrderFacts(comparison);
  for (const FactRow& row : rows) AppendFactRow(comparison, row, out);
  out += "</div>\n</div>\n";
  if (rows.empty()) out += "<p class=\"empty\">No facts were aligned.</p>\n";
  out += "</section>\n";
}

}  // namespace

// Besides the five markup characters, replaces every byte that is not part
// of well-formed UTF-8, and NUL, with U+FFFD: the page stays valid UTF-8
// even when a span cuts a character in two.
std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t pos = 0;
  while (pos < text.size()) {
    const std::string_view entity = EntityFor(text[pos]);
    if (!entity.empty()) {
      out += entity;
      ++pos;
      continue;
    }
    const size_t length = Utf8SequenceLength(text, pos);
    if (length == 0) {
      out += kReplacementCharacter;
      ++pos;
    } else {
      out.append(text.substr(pos, length));
      pos += length;
    }
  }
  return out;
}

std::string RenderHtml(const Comparison& comparison) { return RenderHtml(comparison, HtmlPageOptions{}); }

std::string FillCoverage(std::string page, const std::optional<GroupCoverage>& coverage) {
  const size_t at = page.find(kCoverageMarker);
  if (at != std::string::npos) page.replace(at, kCoverageMarker.size(), coverage ? CoverageRow(*coverage) : "");
  return page;
}

std::string RenderHtml(const Comparison& comparison, const HtmlPageOptions& page) {
  std::string out;
  out.reserve(64 * 1024);
  AppendHead(comparison, page, out);
  AppendSummary(comparison, page, out);
  out += "<main>\n";
  AppendSideBySide(comparison, page.outlet_href_prefix, out);
  html::AppendQuotesSection(comparison, out);
  html::AppendWordingSection(comparison, out);
  html::AppendTimelineSection(comparison, out);
  html::AppendFullTextSection(comparison, out);
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace parallax
