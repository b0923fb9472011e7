// The later sections of the HTML report: who is quoted where, the loaded
// wording of each outlet, and every outlet's full text with paragraph roles.
// The same rule as html_report.cc holds: article text reaches the page only
// through EscapeHtml().

#include "report/html_sections.h"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parallax/report.h"

namespace parallax::html {

const AnalyzedArticle* DocumentAt(const Comparison& comparison, int index) {
  if (index < 0 || static_cast<size_t>(index) >= comparison.documents.size()) return nullptr;
  return &comparison.documents[index];
}

std::string OutletName(const Article& article) {
  if (!article.outlet.empty()) return article.outlet;
  if (!article.site_name.empty()) return article.site_name;
  return article.id.empty() ? "unnamed outlet" : article.id;
}

std::string_view ParagraphSlice(const Article& article, uint32_t paragraph, uint32_t begin,
                                uint32_t end) {
  if (paragraph >= article.paragraphs.size()) return {};
  std::string_view text = article.paragraphs[paragraph].text;
  begin = std::min(begin, static_cast<uint32_t>(text.size()));
  end = std::clamp(end, begin, static_cast<uint32_t>(text.size()));
  return text.substr(begin, end - begin);
}

std::string MarkedText(const AnalyzedArticle& doc, uint32_t paragraph, uint32_t begin,
                       uint32_t end) {
  if (paragraph >= doc.article.paragraphs.size()) return {};
  const std::string_view text = doc.article.paragraphs[paragraph].text;
  begin = std::min(begin, static_cast<uint32_t>(text.size()));
  end = std::clamp(end, begin, static_cast<uint32_t>(text.size()));

  std::vector<const FramingHit*> hits;
  for (const FramingHit& hit : doc.framing) {
    if (hit.span.paragraph == paragraph && hit.span.begin >= begin && hit.span.end <= end &&
        hit.span.begin < hit.span.end) {
      hits.push_back(&hit);
    }
  }
  std::sort(hits.begin(), hits.end(), [](const FramingHit* a, const FramingHit* b) {
    return a->span.begin != b->span.begin ? a->span.begin < b->span.begin
                                          : a->span.end > b->span.end;
  });

  std::string out;
  uint32_t pos = begin;
  for (const FramingHit* hit : hits) {
    if (hit->span.begin < pos) continue;  // overlaps a longer hit already marked
    out += EscapeHtml(text.substr(pos, hit->span.begin - pos));
    out += "<mark class=\"loaded\" title=\"" + EscapeHtml(hit->category) + "\"";
    if (hit->in_quote) out += " data-in-quote=\"true\"";
    out +=
        ">" + EscapeHtml(text.substr(hit->span.begin, hit->span.end - hit->span.begin)) + "</mark>";
    pos = hit->span.end;
  }
  out += EscapeHtml(text.substr(pos, end - pos));
  return out;
}

std::string SentenceHtml(const AnalyzedArticle& doc, uint32_t sentence) {
  if (sentence >= doc.sentences.size()) return {};
  const Span& span = doc.sentences[sentence].span;
  return MarkedText(doc, span.paragraph, span.begin, span.end);
}

std::string SpeakerName(const Comparison& comparison, int document, int local) {
  if (local < 0) return {};
  for (const Entity& entity : comparison.entities) {
    for (const auto& [d, l] : entity.members) {
      if (d == document && l == local && !entity.name.empty()) return entity.name;
    }
  }
  const AnalyzedArticle* doc = DocumentAt(comparison, document);
  if (doc == nullptr || static_cast<size_t>(local) >= doc->entities.size()) return {};
  return doc->entities[local].name;
}

namespace {

// Words a reader can hold: "caption" rather than the enum spelling.
const char* RoleLabel(ParagraphRole role) {
  switch (role) {
    case ParagraphRole::kBody:
      return "body";
    case ParagraphRole::kCaption:
      return "caption";
    case ParagraphRole::kBoilerplate:
      return "page debris";
    case ParagraphRole::kOffTopic:
      return "off topic";
  }
  return "body";
}

std::string DocumentId(const Comparison& comparison, int document) {
  const AnalyzedArticle* doc = DocumentAt(comparison, document);
  if (doc != nullptr && !doc->article.id.empty()) return doc->article.id;
  return "d" + std::to_string(document);
}

// The local quote a QuoteRef points at, or nullptr when out of range.
const Quote* QuoteOf(const Comparison& comparison, const QuoteRef& ref) {
  const AnalyzedArticle* doc = DocumentAt(comparison, ref.document);
  if (doc == nullptr || ref.quote < 0 || static_cast<size_t>(ref.quote) >= doc->quotes.size()) {
    return nullptr;
  }
  return &doc->quotes[ref.quote];
}

std::string QuoteText(const Comparison& comparison, const QuoteRef& ref) {
  const Quote* quote = QuoteOf(comparison, ref);
  if (quote == nullptr) return {};
  if (!quote->text.empty()) return quote->text;
  return std::string(ParagraphSlice(comparison.documents[ref.document].article,
                                    quote->span.paragraph, quote->span.begin, quote->span.end));
}

size_t WordCount(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// Comparison::quotes by id, built once per page: same_as and voices name
// quotes by id.
using QuoteIndex = std::unordered_map<std::string, int>;

QuoteIndex IndexQuotes(const Comparison& comparison) {
  QuoteIndex index;
  for (size_t i = 0; i < comparison.quotes.size(); ++i) {
    index.emplace(comparison.quotes[i].id, static_cast<int>(i));
  }
  return index;
}

// One row of the quote table: a speaker and their quotes per outlet, as
// indexes into Comparison::quotes.
struct SpeakerRow {
  int entity = -1;  // -1: the row of unknown or unnamed speakers
  std::vector<const Voice*> voices;
  std::vector<std::vector<int>> cells;
};

std::vector<SpeakerRow> BuildSpeakerRows(const Comparison& comparison, const QuoteIndex& by_id) {
  const size_t n = comparison.documents.size();
  const int entities = static_cast<int>(comparison.entities.size());

  std::vector<SpeakerRow> rows;
  SpeakerRow unknown;
  unknown.cells.resize(n);
  std::map<int, size_t> row_of_entity;
  auto row_for = [&](int entity) -> SpeakerRow& {
    if (entity < 0 || entity >= entities) return unknown;
    auto [it, inserted] = row_of_entity.emplace(entity, rows.size());
    if (inserted) {
      rows.emplace_back();
      rows.back().entity = entity;
      rows.back().cells.resize(n);
    }
    return rows[it->second];
  };
  std::vector<bool> placed(comparison.quotes.size(), false);
  auto place = [&](SpeakerRow& row, int quote) {
    const QuoteRef& ref = comparison.quotes[quote];
    if (placed[quote] || ref.document < 0 || static_cast<size_t>(ref.document) >= n) return;
    placed[quote] = true;
    row.cells[ref.document].push_back(quote);
  };

  // Voices first, in align's order; then quotes no voice claimed.
  for (const Voice& voice : comparison.voices) {
    SpeakerRow& row = row_for(voice.entity);
    row.voices.push_back(&voice);
    for (const std::vector<std::string>& ids : voice.quotes_by_document) {
      for (const std::string& id : ids) {
        auto it = by_id.find(id);
        if (it != by_id.end()) place(row, it->second);
      }
    }
  }
  for (size_t i = 0; i < comparison.quotes.size(); ++i) {
    place(row_for(comparison.quotes[i].entity), static_cast<int>(i));
  }
  bool any_unknown = !unknown.voices.empty();
  for (const std::vector<int>& cell : unknown.cells) any_unknown |= !cell.empty();
  if (any_unknown) rows.push_back(std::move(unknown));

  for (SpeakerRow& row : rows) {
    for (std::vector<int>& cell : row.cells) {
      std::sort(cell.begin(), cell.end(), [&](int a, int b) {
        return comparison.quotes[a].quote < comparison.quotes[b].quote;
      });
    }
  }
  return rows;
}

void AppendSpeakerHeader(const Comparison& comparison, const SpeakerRow& row, std::string& out) {
  int outlets = 0;
  for (const std::vector<int>& cell : row.cells) outlets += cell.empty() ? 0 : 1;
  out += "<th class=\"speaker\" scope=\"row\">";
  if (row.entity < 0) {
    out += "<span class=\"name\">Unknown or unnamed speaker</span>";
  } else {
    const Entity& entity = comparison.entities[row.entity];
    out += "<span class=\"name\">" + EscapeHtml(entity.name.empty() ? entity.id : entity.name) +
           "</span><span class=\"type\">" + EscapeHtml(EntityTypeName(entity.type)) + "</span>";
    std::string aliases;
    for (const std::string& alias : entity.aliases) {
      if (alias == entity.name || alias.empty()) continue;
      if (!aliases.empty()) aliases += ", ";
      aliases += EscapeHtml(alias);
    }
    if (!aliases.empty()) out += "<span class=\"aka\">also: " + aliases + "</span>";
  }
  out += "<span class=\"reach\">quoted by " + std::to_string(outlets) + " of " +
         std::to_string(comparison.documents.size()) + " outlets</span>";
  for (const Voice* voice : row.voices) {
    if (!voice->same_source_different_passages) continue;
    out +=
        "<span class=\"note\" title=\"Several outlets quote this speaker from one source, "
        "but no passage is quoted by more than one of them\">same source, different "
        "passages";
    if (!voice->medium.empty()) out += " (" + EscapeHtml(voice->medium) + ")";
    out += "</span>";
    break;
  }
  out += "</th>\n";
}

void AppendQuote(const Comparison& comparison, const QuoteIndex& by_id, int index,
                 bool known_speaker, std::string& out) {
  const QuoteRef& ref = comparison.quotes[index];
  const Quote* quote = QuoteOf(comparison, ref);
  const std::string text = QuoteText(comparison, ref);
  const bool same = !ref.same_as.empty();
  out += std::string("<blockquote class=\"quote") + (same ? " same-passage" : "") +
         "\" id=\"quote-" + EscapeHtml(ref.id) + "\">";
  const bool reported = quote != nullptr && quote->kind == QuoteKind::kReported;
  out += reported ? "<p>" + EscapeHtml(text) + "</p>"
                  : "<p>&ldquo;" + EscapeHtml(text) + "&rdquo;</p>";

  std::string meta;
  if (same) {
    meta += "<span class=\"badge same\">same passage</span>";
    // A shorter copy of the same passage: the outlets cut it differently.
    size_t longest = 0;
    for (const std::string& other_id : ref.same_as) {
      auto it = by_id.find(other_id);
      if (it == by_id.end()) continue;
      longest = std::max(longest, WordCount(QuoteText(comparison, comparison.quotes[it->second])));
    }
    if (WordCount(text) < longest) {
      meta +=
          "<span class=\"badge trimmed\" title=\"a shorter cut of the same passage than "
          "another outlet quotes\">trimmed</span>";
    }
  }
  if (reported) meta += "<span class=\"badge\">reported speech</span>";
  if (quote != nullptr && !quote->speaker_text.empty()) {
    meta += known_speaker ? "as &ldquo;" + EscapeHtml(quote->speaker_text) + "&rdquo; "
                          : "attributed to &ldquo;" + EscapeHtml(quote->speaker_text) + "&rdquo; ";
  }
  if (quote != nullptr && !quote->medium.empty()) {
    const bool vowel = std::string_view("aeiou").find(quote->medium[0]) != std::string_view::npos;
    meta +=
        std::string("&middot; from ") + (vowel ? "an " : "a ") + EscapeHtml(quote->medium) + " ";
  }
  if (same) {
    meta += "&middot; also in: ";
    bool first = true;
    for (const std::string& other_id : ref.same_as) {
      auto it = by_id.find(other_id);
      if (it == by_id.end()) continue;
      const QuoteRef& other = comparison.quotes[it->second];
      const AnalyzedArticle* doc = DocumentAt(comparison, other.document);
      if (!first) meta += ", ";
      first = false;
      meta += "<a href=\"#quote-" + EscapeHtml(other.id) + "\">" +
              EscapeHtml(doc != nullptr ? OutletName(doc->article) : other.id) + "</a>";
    }
  }
  if (!meta.empty()) out += "<p class=\"quote-meta\">" + meta + "</p>";
  out += "</blockquote>\n";
}

// A framing hit inside a quote: whose words they are.
std::string QuotedSpeaker(const Comparison& comparison, int document, const FramingHit& hit) {
  std::string name = SpeakerName(comparison, document, hit.speaker);
  if (!name.empty()) return name;
  const AnalyzedArticle& doc = comparison.documents[document];
  for (const Quote& quote : doc.quotes) {
    const bool inside =
        (hit.span.paragraph == quote.span.paragraph && hit.span.begin >= quote.span.begin &&
         hit.span.end <= quote.span.end) ||
        (hit.span.paragraph > quote.span.paragraph && hit.span.paragraph <= quote.last_paragraph);
    if (!inside) continue;
    name = SpeakerName(comparison, document, quote.speaker);
    if (name.empty()) name = quote.speaker_text;
    if (!name.empty()) return name;
  }
  return "an unnamed speaker";
}

void AppendOutletWording(const Comparison& comparison, int document, std::string& out) {
  const AnalyzedArticle& doc = comparison.documents[document];
  out += "<h3>" + EscapeHtml(OutletName(doc.article)) + "</h3>\n";
  std::vector<const FramingHit*> hits;
  for (const FramingHit& hit : doc.framing) hits.push_back(&hit);
  // The outlet's own wording first: that is the outlet's choice; words
  // inside quotes are the speaker's, chosen by the outlet only by quoting.
  std::stable_sort(hits.begin(), hits.end(), [](const FramingHit* a, const FramingHit* b) {
    if (a->in_quote != b->in_quote) return !a->in_quote;
    return a->sentence < b->sentence;
  });
  if (hits.empty()) {
    out += "<p class=\"empty\">No loaded wording found.</p>\n";
    return;
  }
  const long quoted =
      std::count_if(hits.begin(), hits.end(), [](const FramingHit* h) { return h->in_quote; });
  out += "<p class=\"meta\">" + std::to_string(hits.size() - quoted) +
         " in the outlet&#39;s own words, " + std::to_string(quoted) + " inside quotes</p>\n";
  out += "<table class=\"wording\" data-document=\"" +
         EscapeHtml(DocumentId(comparison, document)) +
         "\">\n<thead><tr><th>Term</th><th>Category</th><th>Whose words</th><th>Sentence</th>"
         "</tr></thead>\n<tbody>\n";
  for (const FramingHit* hit : hits) {
    out += hit->in_quote ? "<tr class=\"quoted\">" : "<tr class=\"own\">";
    const std::string_view term =
        ParagraphSlice(doc.article, hit->span.paragraph, hit->span.begin, hit->span.end);
    out += "<td class=\"term\">" + EscapeHtml(term.empty() ? hit->term : term) + "</td>";
    out += "<td class=\"category\">" + EscapeHtml(hit->category) + "</td><td class=\"whose\">";
    out += hit->in_quote ? "in a quote by " + EscapeHtml(QuotedSpeaker(comparison, document, *hit))
                         : std::string("the outlet&#39;s own");
    if (hit->span.paragraph < doc.article.paragraphs.size()) {
      const ParagraphRole role = doc.article.paragraphs[hit->span.paragraph].role;
      if (role != ParagraphRole::kBody) out += std::string(" (") + RoleLabel(role) + ")";
    }
    out += "</td><td class=\"sentence\">" + SentenceHtml(doc, hit->sentence) + "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n";
}

void AppendMeta(const Article& article, std::string& out) {
  std::vector<std::string> parts;
  if (!article.byline.empty()) parts.push_back("By " + EscapeHtml(article.byline));
  if (!article.published.empty()) {
    std::string date = "Published " + EscapeHtml(article.published);
    if (!article.published_source.empty()) {
      date += " (from " + EscapeHtml(article.published_source) + ")";
    }
    parts.push_back(date);
  }
  // The URL is shown as text only: a link would take the reader to a
  // locator we did not choose, and could be a javascript: URL.
  if (!article.url.empty())
    parts.push_back("<span class=\"url\">" + EscapeHtml(article.url) + "</span>");
  if (!article.source.empty()) parts.push_back("Source: " + EscapeHtml(article.source));
  if (parts.empty()) return;
  out += "<p class=\"meta\">";
  for (size_t i = 0; i < parts.size(); ++i) out += (i > 0 ? " &middot; " : "") + parts[i];
  out += "</p>\n";
}

}  // namespace

void AppendQuotesSection(const Comparison& comparison, std::string& out) {
  out +=
      "<section id=\"quotes\">\n<h2>Quotes</h2>\n<p class=\"lede\">Who is quoted by which "
      "outlet. A <span class=\"badge same legend\">same passage</span> badge links the quote to "
      "the same words in other outlets; a speaker marked &ldquo;same source, different "
      "passages&rdquo; is quoted from one source, but each outlet chose other words.</p>\n";
  const QuoteIndex by_id = IndexQuotes(comparison);
  const std::vector<SpeakerRow> rows = BuildSpeakerRows(comparison, by_id);
  if (rows.empty() || comparison.documents.empty()) {
    out += "<p class=\"empty\">No quotes found.</p>\n</section>\n";
    return;
  }
  out += "<div class=\"grid-scroll\">\n<table class=\"quotes\">\n<thead><tr><th>Speaker</th>";
  for (size_t d = 0; d < comparison.documents.size(); ++d) {
    out += "<th data-document=\"" + EscapeHtml(DocumentId(comparison, d)) + "\">" +
           EscapeHtml(OutletName(comparison.documents[d].article)) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const SpeakerRow& row : rows) {
    out += row.entity < 0 ? "<tr class=\"voice unknown-speaker\">\n" : "<tr class=\"voice\">\n";
    AppendSpeakerHeader(comparison, row, out);
    for (size_t d = 0; d < row.cells.size(); ++d) {
      out += "<td data-document=\"" + EscapeHtml(DocumentId(comparison, d)) + "\">";
      if (row.cells[d].empty()) out += "<span class=\"empty\">&mdash;</span>";
      for (int quote : row.cells[d]) AppendQuote(comparison, by_id, quote, row.entity >= 0, out);
      out += "</td>\n";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n</div>\n</section>\n";
}

void AppendWordingSection(const Comparison& comparison, std::string& out) {
  out +=
      "<section id=\"wording\">\n<h2>Wording</h2>\n<p class=\"lede\">Loaded or partisan "
      "terms from parallax&#39;s lexicon, per outlet. Terms in the outlet&#39;s own "
      "sentences are its choice; terms inside a quote are the speaker&#39;s.</p>\n";
  if (comparison.documents.empty()) out += "<p class=\"empty\">No reports.</p>\n";
  for (size_t d = 0; d < comparison.documents.size(); ++d) {
    AppendOutletWording(comparison, static_cast<int>(d), out);
  }
  out += "</section>\n";
}

void AppendFullTextSection(const Comparison& comparison, std::string& out) {
  out +=
      "<section id=\"full-text\">\n<h2>Full text</h2>\n<p class=\"lede\">Every paragraph "
      "as parallax read it. Captions, page debris and paragraphs about another story are "
      "greyed; hover one to see the rule that set its role.</p>\n";
  for (size_t d = 0; d < comparison.documents.size(); ++d) {
    const AnalyzedArticle& doc = comparison.documents[d];
    const std::string id = EscapeHtml(DocumentId(comparison, d));
    out += "<article class=\"full-text\" id=\"text-" + id + "\" data-document=\"" + id + "\">\n";
    out += "<h3>" + EscapeHtml(OutletName(doc.article));
    if (!doc.article.title.empty()) out += ": " + EscapeHtml(doc.article.title);
    out += "</h3>\n";
    AppendMeta(doc.article, out);
    for (size_t p = 0; p < doc.article.paragraphs.size(); ++p) {
      const Paragraph& paragraph = doc.article.paragraphs[p];
      // The role's JSON name doubles as its CSS class: one spelling everywhere.
      out += "<p class=\"para role-" + std::string(RoleName(paragraph.role)) + "\" id=\"" + id +
             "-p" + std::to_string(p) + "\" data-role=\"" + EscapeHtml(RoleName(paragraph.role)) +
             "\"";
      if (paragraph.role != ParagraphRole::kBody) {
        out += " title=\"" +
               EscapeHtml(paragraph.why.empty() ? RoleLabel(paragraph.role) : paragraph.why) +
               "\">";
        out += "<span class=\"role-label\">" + std::string(RoleLabel(paragraph.role)) + "</span>";
      } else {
        out += ">";
      }
      out += MarkedText(doc, p, 0, paragraph.text.size()) + "</p>\n";
    }
    if (doc.article.paragraphs.empty()) out += "<p class=\"empty\">No text.</p>\n";
    out += "</article>\n";
  }
  out += "</section>\n";
}

}  // namespace parallax::html
