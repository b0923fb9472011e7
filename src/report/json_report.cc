// The JSON report, schema "parallax.compare/1" (docs/json.md).
#include <nlohmann/json.hpp>

#include "parallax/report.h"

namespace parallax {

namespace {

using nlohmann::json;

std::string SentenceText(const AnalyzedArticle& doc, uint32_t sentence) {
  const Span& span = doc.sentences[sentence].span;
  return doc.article.paragraphs[span.paragraph].text.substr(span.begin, span.end - span.begin);
}

json RelationName(FactRelation relation) {
  return relation == FactRelation::kAddsDetail ? json("adds_detail") : json("same");
}

json NullableString(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json DocumentJson(const AnalyzedArticle& doc) {
  json paragraphs = json::array();
  for (const Paragraph& p : doc.article.paragraphs) {
    json jp = {{"text", p.text}, {"role", RoleName(p.role)}};
    if (!p.why.empty()) jp["why"] = p.why;
    paragraphs.push_back(std::move(jp));
  }
  return {{"id", doc.article.id},
          {"outlet", doc.article.outlet},
          {"title", doc.article.title},
          {"source", doc.article.source},
          {"url", NullableString(doc.article.url)},
          {"published", NullableString(doc.article.published)},
          {"published_source", NullableString(doc.article.published_source)},
          {"byline", NullableString(doc.article.byline)},
          {"language", NullableString(doc.article.language)},
          {"paragraphs", std::move(paragraphs)}};
}

}  // namespace

std::string RenderJson(const Comparison& c, const std::vector<LoadFailure>& failures) {
  json out;
  out["schema"] = "parallax.compare/1";
  const auto doc_id = [&](int d) { return c.documents[d].article.id; };
  const auto entity_name = [&](int e) { return e >= 0 ? json(c.entities[e].name) : json(nullptr); };

  json story;
  story["same_event"] = c.same_event;
  json similarity = json::array();
  for (const DocumentSimilarity& pair : c.similarity) {
    similarity.push_back({{"documents", {doc_id(pair.a), doc_id(pair.b)}}, {"score", std::round(pair.score * 1000) / 1000}});
  }
  story["similarity"] = std::move(similarity);
  const SimilaritySummary& summary = c.similarity_summary;
  story["similarity_summary"] = {{"pairs", summary.pairs},
                                 {"listed", summary.all_listed ? "all" : "closest"},
                                 {"min", std::round(summary.min * 1000) / 1000},
                                 {"median", std::round(summary.median * 1000) / 1000},
                                 {"mean", std::round(summary.mean * 1000) / 1000},
                                 {"max", std::round(summary.max * 1000) / 1000}};
  json shared = json::array();
  for (const std::string& id : c.shared_entities) {
    for (const Entity& e : c.entities) {
      if (e.id == id) shared.push_back({{"id", id}, {"name", e.name}});
    }
  }
  story["shared_entities"] = std::move(shared);
  out["story"] = std::move(story);

  out["documents"] = json::array();
  for (const AnalyzedArticle& doc : c.documents) out["documents"].push_back(DocumentJson(doc));

  out["facts"] = json::array();
  for (size_t f = 0; f < c.facts.size(); ++f) {
    const Fact& fact = c.facts[f];
    json sentences = json::array();
    bool off_topic = false;
    for (const SentenceRef& ref : fact.sentences) {
      const AnalyzedArticle& doc = c.documents[ref.document];
      const uint32_t paragraph = doc.sentences[ref.sentence].span.paragraph;
      off_topic |= doc.article.paragraphs[paragraph].role == ParagraphRole::kOffTopic;
      sentences.push_back({{"document", doc_id(ref.document)},
                           {"paragraph", paragraph},
                           {"text", SentenceText(doc, ref.sentence)},
                           {"relation", RelationName(ref.relation)}});
    }
    json documents = json::array();
    for (const int d : fact.documents) documents.push_back(doc_id(d));
    out["facts"].push_back({{"id", "f" + std::to_string(f)},
                            {"shared", fact.documents.size() >= 2},
                            {"off_topic", off_topic},
                            {"score", std::round(fact.score * 1000) / 1000},
                            {"documents", std::move(documents)},
                            {"sentences", std::move(sentences)}});
  }

  out["shared_terms"] = json::array();
  for (const SharedTerm& term : c.shared_terms) {
    json documents = json::array();
    for (const int d : term.documents) documents.push_back(doc_id(d));
    json sentences = json::array();
    for (const SentenceRef& ref : term.sentences) {
      sentences.push_back({{"document", doc_id(ref.document)}, {"text", SentenceText(c.documents[ref.document], ref.sentence)}});
    }
    out["shared_terms"].push_back(
        {{"term", term.term}, {"documents", std::move(documents)}, {"sentences", std::move(sentences)}});
  }

  out["quotes"] = json::array();
  for (const QuoteRef& ref : c.quotes) {
    const AnalyzedArticle& doc = c.documents[ref.document];
    const Quote& q = doc.quotes[ref.quote];
    out["quotes"].push_back({{"id", ref.id},
                             {"document", doc_id(ref.document)},
                             {"text", q.text},
                             {"speaker", entity_name(ref.entity)},
                             {"speaker_id", ref.entity >= 0 ? json(c.entities[ref.entity].id) : json(nullptr)},
                             {"speaker_text", NullableString(q.speaker_text)},
                             {"speaker_span", q.speaker_span.end > q.speaker_span.begin
                                                  ? json{{"paragraph", q.speaker_span.paragraph},
                                                         {"begin", q.speaker_span.begin},
                                                         {"end", q.speaker_span.end}}
                                                  : json(nullptr)},
                             {"kind", QuoteKindName(q.kind)},
                             {"medium", NullableString(q.medium)},
                             {"paragraph", q.span.paragraph},
                             {"sentence", SentenceText(doc, q.sentence)},
                             {"same_as", ref.same_as}});
  }

  out["voices"] = json::array();
  for (const Voice& v : c.voices) {
    json by_document = json::object();
    for (size_t d = 0; d < v.quotes_by_document.size(); ++d) {
      if (!v.quotes_by_document[d].empty()) by_document[doc_id(d)] = v.quotes_by_document[d];
    }
    out["voices"].push_back({{"speaker", entity_name(v.entity)},
                             {"speaker_id", c.entities[v.entity].id},
                             {"quotes", std::move(by_document)},
                             {"medium", NullableString(v.medium)},
                             {"same_source_different_passages", v.same_source_different_passages}});
  }

  out["entities"] = json::array();
  for (const Entity& e : c.entities) {
    json mentions = json::object();
    for (size_t d = 0; d < e.mentions.size(); ++d) {
      if (e.mentions[d] > 0) mentions[doc_id(d)] = e.mentions[d];
    }
    json roles = json::array();
    for (const auto& [d, local] : e.members) {
      for (const std::string& r : c.documents[d].entities[local].roles) {
        // Compared as strings: std::find on json values sets off a false
        // -Warray-bounds in GCC 12's inlining of json's operator==.
        const bool listed = std::any_of(roles.begin(), roles.end(),
                                        [&](const json& x) { return x.get_ref<const std::string&>() == r; });
        if (!listed) roles.push_back(r);
      }
    }
    out["entities"].push_back({{"id", e.id},
                               {"name", e.name},
                               {"type", EntityTypeName(e.type)},
                               {"aliases", e.aliases},
                               {"roles", std::move(roles)},
                               {"mentions", std::move(mentions)}});
  }

  out["framing"] = json::array();
  for (size_t d = 0; d < c.documents.size(); ++d) {
    const AnalyzedArticle& doc = c.documents[d];
    for (const FramingHit& hit : doc.framing) {
      json speaker = nullptr;
      if (hit.speaker >= 0) speaker = doc.entities[hit.speaker].name;
      for (const Entity& e : c.entities) {
        for (const auto& [md, local] : e.members) {
          if (md == static_cast<int>(d) && local == hit.speaker) speaker = e.name;
        }
      }
      out["framing"].push_back({{"document", doc_id(d)},
                                {"term", hit.term},
                                {"entry", hit.entry},
                                {"category", hit.category},
                                {"sentence", SentenceText(doc, hit.sentence)},
                                {"in_quote", hit.in_quote},
                                {"speaker", speaker}});
    }
  }

  out["copies"] = json::array();
  for (const FoldedCopy& copy : c.copies) {
    if (copy.document < 0 || static_cast<size_t>(copy.document) >= c.documents.size()) continue;
    out["copies"].push_back({{"copy_of", doc_id(copy.document)},
                             {"outlet", copy.article.outlet},
                             {"title", copy.article.title},
                             {"source", copy.article.source},
                             {"url", NullableString(copy.article.url)},
                             {"published", NullableString(copy.article.published)},
                             {"score", std::round(copy.score * 1000) / 1000}});
  }

  out["failures"] = json::array();
  for (const LoadFailure& f : failures) {
    out["failures"].push_back({{"source", f.source}, {"error", f.status.ToString()}});
  }
  // Article text was validated as UTF-8 by extract; replace anything else
  // rather than fail the whole report.
  return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace parallax
