// The terminal report: what a reader scans first. Colours only when asked
// (the CLI asks when stdout is a terminal and NO_COLOR is unset).
#include <algorithm>
#include <sstream>

#include "parallax/report.h"
#include "parallax/text.h"

namespace parallax {

namespace {

struct Style {
  bool color;
  std::string Bold(const std::string& s) const { return color ? "\033[1m" + s + "\033[0m" : s; }
  std::string Dim(const std::string& s) const { return color ? "\033[2m" + s + "\033[0m" : s; }
  std::string Green(const std::string& s) const { return color ? "\033[32m" + s + "\033[0m" : s; }
  std::string Yellow(const std::string& s) const { return color ? "\033[33m" + s + "\033[0m" : s; }
  std::string Cyan(const std::string& s) const { return color ? "\033[36m" + s + "\033[0m" : s; }
};

std::string SentenceText(const AnalyzedArticle& doc, uint32_t sentence) {
  const Span& span = doc.sentences[sentence].span;
  return doc.article.paragraphs[span.paragraph].text.substr(span.begin, span.end - span.begin);
}

// More pairs than this read better as a summary on one line.
constexpr size_t kPairsListedInline = 6;

// Terminal control characters in article text could rewrite the screen:
// shown as escapes instead (C0, DEL, C1, bytes that are not UTF-8).
std::string Printable(const std::string& text) { return EscapeControls(text, false); }

std::string Label(const AnalyzedArticle& doc) {
  return "[" + doc.article.id + " " + Printable(doc.article.outlet) + "]";
}

}  // namespace

std::string RenderTerminal(const Comparison& c, bool color) {
  const Style st{color};
  std::ostringstream out;
  out << st.Bold("parallax compare: " + std::to_string(c.documents.size()) + " reports") << "\n";
  for (const AnalyzedArticle& doc : c.documents) {
    int body = 0, caption = 0, debris = 0, off = 0;
    for (const Paragraph& p : doc.article.paragraphs) {
      body += p.role == ParagraphRole::kBody;
      caption += p.role == ParagraphRole::kCaption;
      debris += p.role == ParagraphRole::kBoilerplate;
      off += p.role == ParagraphRole::kOffTopic;
    }
    out << "  " << st.Cyan(Label(doc)) << " " << Printable(doc.article.title.empty() ? doc.article.source : doc.article.title)
        << "\n      ";
    if (doc.article.paragraphs.empty()) {
      // A feed item stored without its text (parallax ingest keeps those).
      out << "a headline without its text: nothing to compare";
    } else {
      out << body << " body paragraphs, " << caption << " captions, " << debris << " debris, "
          << off << " off-topic";
    }
    out << (doc.article.published.empty() ? "" : ", published " + doc.article.published) << "\n";
    std::string copies;
    for (const FoldedCopy& copy : c.copies) {
      if (copy.document >= 0 && static_cast<size_t>(copy.document) < c.documents.size() &&
          &c.documents[static_cast<size_t>(copy.document)] == &doc) {
        copies += (copies.empty() ? "" : ", ") + Printable(copy.article.outlet.empty() ? copy.article.source : copy.article.outlet);
      }
    }
    if (!copies.empty()) out << "      " << st.Dim("the same copy also ran in: " + copies) << "\n";
  }
  const bool all_have_text =
      std::none_of(c.documents.begin(), c.documents.end(),
                   [](const AnalyzedArticle& d) { return d.article.paragraphs.empty(); });
  if (c.documents.size() >= 2 && !all_have_text) {
    out << "  same event: not judged (a report is a headline without its text)\n";
  } else if (c.documents.size() >= 2) {
    out << "  same event: " << (c.same_event ? st.Green("yes") : st.Yellow("no")) << " (similarity";
    const SimilaritySummary& summary = c.similarity_summary;
    if (summary.all_listed && c.similarity.size() <= kPairsListedInline) {
      for (const DocumentSimilarity& pair : c.similarity) {
        char buf[48];
        std::snprintf(buf, sizeof buf, " %s~%s %.2f", c.documents[pair.a].article.id.c_str(),
                      c.documents[pair.b].article.id.c_str(), pair.score);
        out << buf;
      }
    } else {
      char buf[128];
      std::snprintf(buf, sizeof buf, " of %zu pairs: min %.2f, median %.2f, max %.2f", summary.pairs, summary.min,
                    summary.median, summary.max);
      out << buf;
    }
    out << "; shared entities:";
    for (const std::string& id : c.shared_entities) {
      for (const Entity& e : c.entities) {
        if (e.id == id) out << " " << Printable(e.name) << ";";
      }
    }
    out << ")\n";
  }

  out << "\n" << st.Bold("Reported by several outlets") << "\n";
  for (const Fact& fact : c.facts) {
    if (fact.documents.size() < 2) continue;
    out << "  *\n";
    for (const SentenceRef& ref : fact.sentences) {
      out << "    " << st.Cyan(Label(c.documents[ref.document])) << " "
          << Printable(SentenceText(c.documents[ref.document], ref.sentence))
          << (ref.relation == FactRelation::kAddsDetail ? " " + st.Dim("(adds detail)") : "") << "\n";
    }
  }
  if (!c.shared_terms.empty()) {
    out << "\n" << st.Bold("Also used by several outlets") << " ";
    for (size_t i = 0; i < c.shared_terms.size(); ++i) {
      out << (i ? ", " : "") << Printable(c.shared_terms[i].term);
    }
    out << "\n";
  }
  out << "\n" << st.Bold("Reported by one outlet only") << "\n";
  for (size_t d = 0; d < c.documents.size(); ++d) {
    const AnalyzedArticle& doc = c.documents[d];
    out << "  " << st.Cyan(Label(doc)) << "\n";
    for (const Fact& fact : c.facts) {
      if (fact.documents.size() != 1 || fact.documents[0] != static_cast<int>(d)) continue;
      for (const SentenceRef& ref : fact.sentences) {
        const bool off = doc.article.paragraphs[doc.sentences[ref.sentence].span.paragraph].role ==
                         ParagraphRole::kOffTopic;
        const std::string text = Printable(SentenceText(doc, ref.sentence));
        out << "    - " << (off ? st.Dim("(off topic) " + text) : text) << "\n";
      }
    }
  }

  out << "\n" << st.Bold("Voices") << "\n";
  for (const Voice& v : c.voices) {
    out << "  " << st.Bold(Printable(c.entities[v.entity].name));
    if (v.same_source_different_passages) {
      out << st.Yellow("  same " + v.medium + ", different passages chosen");
    }
    out << "\n";
    for (size_t d = 0; d < v.quotes_by_document.size(); ++d) {
      for (const std::string& id : v.quotes_by_document[d]) {
        for (const QuoteRef& ref : c.quotes) {
          if (ref.id != id) continue;
          const Quote& q = c.documents[ref.document].quotes[ref.quote];
          out << "    " << st.Cyan(Label(c.documents[d])) << " "
              << (q.kind == QuoteKind::kReported ? "(reported) " + Printable(q.text)
                                                 : "\u201C" + Printable(q.text) + "\u201D")
              << (ref.same_as.empty() ? "" : st.Green("  [also quoted elsewhere]")) << "\n";
        }
      }
    }
  }

  out << "\n" << st.Bold("Wording") << "\n";
  for (const AnalyzedArticle& doc : c.documents) {
    if (doc.framing.empty()) continue;
    out << "  " << st.Cyan(Label(doc)) << "\n";
    for (const FramingHit& hit : doc.framing) {
      out << "    " << st.Yellow(Printable(hit.term)) << " (" << hit.category << ")";
      if (hit.in_quote) {
        out << st.Dim(" in a quote" + (hit.speaker >= 0 ? " by " + Printable(doc.entities[hit.speaker].name) : std::string()));
      }
      out << "\n";
    }
  }
  return out.str();
}

}  // namespace parallax
