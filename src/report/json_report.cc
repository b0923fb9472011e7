// The JSON report, schema "parallax.compare/1" (docs/json.md).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/report.h"

namespace parallax {

namespace {

// Writes the report as it goes, in exactly the bytes nlohmann::json's
// dump(2) gave for the document tree this file used to build (keys in
// byte order, two-space indent, UTF-8 kept, invalid bytes replaced): a
// small comparison spent a sixth of its time building and walking that
// tree. Callers write each object's keys in byte order themselves.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void BeginObject() { Open('{', true); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('[', false); }
  void EndArray() { Close(']'); }

  void Key(std::string_view key) {
    Level& level = levels_.back();
    out_ += level.empty ? "\n" : ",\n";
    level.empty = false;
    out_.append(2 * levels_.size(), ' ');
    AppendString(key);
    out_ += ": ";
  }

  void Null() {
    BeforeValue();
    out_ += "null";
  }
  void Bool(bool value) {
    BeforeValue();
    out_ += value ? "true" : "false";
  }
  template <typename Integer>
  void Int(Integer value) {
    BeforeValue();
    out_ += std::to_string(value);
  }
  // Rounded to three decimals, as the schema gives scores; nlohmann's own
  // formatting of a double ("0.5", "1.0").
  void Score(double value) {
    BeforeValue();
    out_ += nlohmann::json(std::round(value * 1000) / 1000).dump();
  }
  void String(std::string_view value) {
    BeforeValue();
    AppendString(value);
  }
  void NullableString(const std::string& value) {
    if (value.empty()) {
      Null();
    } else {
      String(value);
    }
  }
  void Strings(const std::vector<std::string>& values) {
    BeginArray();
    for (const std::string& v : values) String(v);
    EndArray();
  }

 private:
  struct Level {
    bool is_object;
    bool empty = true;
  };

  void BeforeValue() {
    if (levels_.empty() || levels_.back().is_object) return;  // after Key(), or the root
    Level& level = levels_.back();
    out_ += level.empty ? "\n" : ",\n";
    level.empty = false;
    out_.append(2 * levels_.size(), ' ');
  }
  void Open(char bracket, bool is_object) {
    BeforeValue();
    out_ += bracket;
    levels_.push_back({is_object});
  }
  void Close(char bracket) {
    const bool empty = levels_.back().empty;
    levels_.pop_back();
    if (!empty) {
      out_ += '\n';
      out_.append(2 * levels_.size(), ' ');
    }
    out_ += bracket;
  }

  void AppendString(std::string_view s) {
    if (!IsWellFormedUtf8(s)) {
      // Rare (extract validated the text): nlohmann's replacement of the
      // invalid bytes, byte for byte.
      out_ += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      return;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    out_ += '"';
    size_t plain = 0;  // start of the bytes not yet copied
    for (size_t k = 0; k < s.size(); ++k) {
      const unsigned char c = static_cast<unsigned char>(s[k]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s.data() + plain, k - plain);
      plain = k + 1;
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          out_ += "\\u00";
          out_ += kHex[c >> 4];
          out_ += kHex[c & 0xF];
      }
    }
    out_.append(s.data() + plain, s.size() - plain);
    out_ += '"';
  }

  // Well-formed UTF-8 as the Unicode standard defines it (Table 3-7): no
  // overlong forms, surrogates or code points past U+10FFFF; what
  // nlohmann's decoder accepts.
  static bool IsWellFormedUtf8(std::string_view s) {
    size_t k = 0;
    while (k < s.size()) {
      const unsigned char c = static_cast<unsigned char>(s[k]);
      if (c < 0x80) {
        ++k;
        continue;
      }
      size_t length = 0;
      unsigned char low = 0x80, high = 0xBF;  // bounds of the second byte
      if (c >= 0xC2 && c <= 0xDF) {
        length = 2;
      } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
        if (c == 0xE0) low = 0xA0;
        if (c == 0xED) high = 0x9F;
      } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
        if (c == 0xF0) low = 0x90;
        if (c == 0xF4) high = 0x8F;
      } else {
        return false;
      }
      if (k + length > s.size()) return false;
      const unsigned char second = static_cast<unsigned char>(s[k + 1]);
      if (second < low || second > high) return false;
      for (size_t x = 2; x < length; ++x) {
        if ((static_cast<unsigned char>(s[k + x]) & 0xC0) != 0x80) return false;
      }
      k += length;
    }
    return true;
  }

  std::string& out_;
  std::vector<Level> levels_;
};

std::string_view SentenceText(const AnalyzedArticle& doc, uint32_t sentence) {
  const Span& span = doc.sentences[sentence].span;
  return std::string_view(doc.article.paragraphs[span.paragraph].text).substr(span.begin, span.end - span.begin);
}

void WriteDocument(JsonWriter& w, const AnalyzedArticle& doc) {
  const Article& a = doc.article;
  w.BeginObject();
  w.Key("byline");
  w.NullableString(a.byline);
  w.Key("id");
  w.String(a.id);
  w.Key("language");
  w.NullableString(a.language);
  w.Key("outlet");
  w.String(a.outlet);
  w.Key("paragraphs");
  w.BeginArray();
  for (const Paragraph& p : a.paragraphs) {
    w.BeginObject();
    w.Key("role");
    w.String(RoleName(p.role));
    w.Key("text");
    w.String(p.text);
    if (!p.why.empty()) {
      w.Key("why");
      w.String(p.why);
    }
    w.EndObject();
  }
  w.EndArray();
  w.Key("published");
  w.NullableString(a.published);
  w.Key("published_source");
  w.NullableString(a.published_source);
  w.Key("source");
  w.String(a.source);
  w.Key("title");
  w.String(a.title);
  w.Key("url");
  w.NullableString(a.url);
  w.EndObject();
}

void WriteStory(JsonWriter& w, const Comparison& c) {
  w.BeginObject();
  w.Key("same_event");
  w.Bool(c.same_event);
  w.Key("shared_entities");
  w.BeginArray();
  for (const std::string& id : c.shared_entities) {
    for (const Entity& e : c.entities) {
      if (e.id != id) continue;
      w.BeginObject();
      w.Key("id");
      w.String(id);
      w.Key("name");
      w.String(e.name);
      w.EndObject();
    }
  }
  w.EndArray();
  w.Key("similarity");
  w.BeginArray();
  for (const DocumentSimilarity& pair : c.similarity) {
    w.BeginObject();
    w.Key("documents");
    w.BeginArray();
    w.String(c.documents[pair.a].article.id);
    w.String(c.documents[pair.b].article.id);
    w.EndArray();
    w.Key("score");
    w.Score(pair.score);
    w.EndObject();
  }
  w.EndArray();
  const SimilaritySummary& summary = c.similarity_summary;
  w.Key("similarity_summary");
  w.BeginObject();
  w.Key("listed");
  w.String(summary.all_listed ? "all" : "closest");
  w.Key("max");
  w.Score(summary.max);
  w.Key("mean");
  w.Score(summary.mean);
  w.Key("median");
  w.Score(summary.median);
  w.Key("min");
  w.Score(summary.min);
  w.Key("pairs");
  w.Int(summary.pairs);
  w.EndObject();
  w.EndObject();
}

void WriteFacts(JsonWriter& w, const Comparison& c) {
  w.BeginArray();
  for (size_t f = 0; f < c.facts.size(); ++f) {
    const Fact& fact = c.facts[f];
    bool off_topic = false;
    for (const SentenceRef& ref : fact.sentences) {
      const AnalyzedArticle& doc = c.documents[ref.document];
      off_topic |= doc.article.paragraphs[doc.sentences[ref.sentence].span.paragraph].role == ParagraphRole::kOffTopic;
    }
    w.BeginObject();
    w.Key("documents");
    w.BeginArray();
    for (const int d : fact.documents) w.String(c.documents[d].article.id);
    w.EndArray();
    w.Key("id");
    w.String("f" + std::to_string(f));
    w.Key("off_topic");
    w.Bool(off_topic);
    w.Key("score");
    w.Score(fact.score);
    w.Key("sentences");
    w.BeginArray();
    for (const SentenceRef& ref : fact.sentences) {
      const AnalyzedArticle& doc = c.documents[ref.document];
      w.BeginObject();
      w.Key("document");
      w.String(doc.article.id);
      w.Key("paragraph");
      w.Int(doc.sentences[ref.sentence].span.paragraph);
      w.Key("relation");
      w.String(ref.relation == FactRelation::kAddsDetail ? "adds_detail" : "same");
      w.Key("text");
      w.String(SentenceText(doc, ref.sentence));
      w.EndObject();
    }
    w.EndArray();
    w.Key("shared");
    w.Bool(fact.documents.size() >= 2);
    w.EndObject();
  }
  w.EndArray();
}

void WriteSharedTerms(JsonWriter& w, const Comparison& c) {
  w.BeginArray();
  for (const SharedTerm& term : c.shared_terms) {
    w.BeginObject();
    w.Key("documents");
    w.BeginArray();
    for (const int d : term.documents) w.String(c.documents[d].article.id);
    w.EndArray();
    w.Key("sentences");
    w.BeginArray();
    for (const SentenceRef& ref : term.sentences) {
      w.BeginObject();
      w.Key("document");
      w.String(c.documents[ref.document].article.id);
      w.Key("text");
      w.String(SentenceText(c.documents[ref.document], ref.sentence));
      w.EndObject();
    }
    w.EndArray();
    w.Key("term");
    w.String(term.term);
    w.EndObject();
  }
  w.EndArray();
}

void WriteQuotes(JsonWriter& w, const Comparison& c) {
  w.BeginArray();
  for (const QuoteRef& ref : c.quotes) {
    const AnalyzedArticle& doc = c.documents[ref.document];
    const Quote& q = doc.quotes[ref.quote];
    w.BeginObject();
    w.Key("document");
    w.String(doc.article.id);
    w.Key("id");
    w.String(ref.id);
    w.Key("kind");
    w.String(QuoteKindName(q.kind));
    w.Key("medium");
    w.NullableString(q.medium);
    w.Key("paragraph");
    w.Int(q.span.paragraph);
    w.Key("same_as");
    w.Strings(ref.same_as);
    w.Key("sentence");
    w.String(SentenceText(doc, q.sentence));
    w.Key("speaker");
    if (ref.entity >= 0) {
      w.String(c.entities[ref.entity].name);
    } else {
      w.Null();
    }
    w.Key("speaker_id");
    if (ref.entity >= 0) {
      w.String(c.entities[ref.entity].id);
    } else {
      w.Null();
    }
    w.Key("speaker_span");
    if (q.speaker_span.end > q.speaker_span.begin) {
      w.BeginObject();
      w.Key("begin");
      w.Int(q.speaker_span.begin);
      w.Key("end");
      w.Int(q.speaker_span.end);
      w.Key("paragraph");
      w.Int(q.speaker_span.paragraph);
      w.EndObject();
    } else {
      w.Null();
    }
    w.Key("speaker_text");
    w.NullableString(q.speaker_text);
    w.Key("text");
    w.String(q.text);
    w.EndObject();
  }
  w.EndArray();
}

void WriteVoices(JsonWriter& w, const Comparison& c) {
  w.BeginArray();
  for (const Voice& v : c.voices) {
    // By document id, in byte order as every object's keys ("d10" before "d2").
    std::map<std::string_view, const std::vector<std::string>*> by_document;
    for (size_t d = 0; d < v.quotes_by_document.size(); ++d) {
      if (!v.quotes_by_document[d].empty()) by_document[c.documents[d].article.id] = &v.quotes_by_document[d];
    }
    w.BeginObject();
    w.Key("medium");
    w.NullableString(v.medium);
    w.Key("quotes");
    w.BeginObject();
    for (const auto& [id, quotes] : by_document) {
      w.Key(id);
      w.Strings(*quotes);
    }
    w.EndObject();
    w.Key("same_source_different_passages");
    w.Bool(v.same_source_different_passages);
    w.Key("speaker");
    w.String(c.entities[v.entity].name);
    w.Key("speaker_id");
    w.String(c.entities[v.entity].id);
    w.EndObject();
  }
  w.EndArray();
}

void WriteEntities(JsonWriter& w, const Comparison& c) {
  w.BeginArray();
  for (const Entity& e : c.entities) {
    std::map<std::string_view, int> mentions;
    for (size_t d = 0; d < e.mentions.size(); ++d) {
      if (e.mentions[d] > 0) mentions[c.documents[d].article.id] = e.mentions[d];
    }
    std::vector<std::string> roles;
    for (const auto& [d, local] : e.members) {
      for (const std::string& r : c.documents[d].entities[local].roles) {
        if (std::find(roles.begin(), roles.end(), r) == roles.end()) roles.push_back(r);
      }
    }
    w.BeginObject();
    w.Key("aliases");
    w.Strings(e.aliases);
    w.Key("id");
    w.String(e.id);
    w.Key("mentions");
    w.BeginObject();
    for (const auto& [id, count] : mentions) {
      w.Key(id);
      w.Int(count);
    }
    w.EndObject();
    w.Key("name");
    w.String(e.name);
    w.Key("roles");
    w.Strings(roles);
    w.Key("type");
    w.String(EntityTypeName(e.type));
    w.EndObject();
  }
  w.EndArray();
}

void WriteFraming(JsonWriter& w, const Comparison& c) {
  w.BeginArray();
  for (size_t d = 0; d < c.documents.size(); ++d) {
    const AnalyzedArticle& doc = c.documents[d];
    for (const FramingHit& hit : doc.framing) {
      const std::string* speaker = hit.speaker >= 0 ? &doc.entities[hit.speaker].name : nullptr;
      for (const Entity& e : c.entities) {
        for (const auto& [md, local] : e.members) {
          if (md == static_cast<int>(d) && local == hit.speaker) speaker = &e.name;
        }
      }
      w.BeginObject();
      w.Key("category");
      w.String(hit.category);
      w.Key("document");
      w.String(doc.article.id);
      w.Key("entry");
      w.String(hit.entry);
      w.Key("in_quote");
      w.Bool(hit.in_quote);
      w.Key("sentence");
      w.String(SentenceText(doc, hit.sentence));
      w.Key("speaker");
      if (speaker != nullptr) {
        w.String(*speaker);
      } else {
        w.Null();
      }
      w.Key("term");
      w.String(hit.term);
      w.EndObject();
    }
  }
  w.EndArray();
}

void WriteCopies(JsonWriter& w, const Comparison& c) {
  w.BeginArray();
  for (const FoldedCopy& copy : c.copies) {
    if (copy.document < 0 || static_cast<size_t>(copy.document) >= c.documents.size()) continue;
    w.BeginObject();
    w.Key("copy_of");
    w.String(c.documents[copy.document].article.id);
    w.Key("outlet");
    w.String(copy.article.outlet);
    w.Key("published");
    w.NullableString(copy.article.published);
    w.Key("score");
    w.Score(copy.score);
    w.Key("source");
    w.String(copy.article.source);
    w.Key("title");
    w.String(copy.article.title);
    w.Key("url");
    w.NullableString(copy.article.url);
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

std::string RenderJson(const Comparison& c, const std::vector<LoadFailure>& failures) {
  std::string out;
  JsonWriter w(out);
  // The top level's keys in byte order, like every object's.
  w.BeginObject();
  w.Key("copies");
  WriteCopies(w, c);
  w.Key("documents");
  w.BeginArray();
  for (const AnalyzedArticle& doc : c.documents) WriteDocument(w, doc);
  w.EndArray();
  w.Key("entities");
  WriteEntities(w, c);
  w.Key("facts");
  WriteFacts(w, c);
  w.Key("failures");
  w.BeginArray();
  for (const LoadFailure& f : failures) {
    w.BeginObject();
    w.Key("error");
    w.String(f.status.ToString());
    w.Key("source");
    w.String(f.source);
    w.EndObject();
  }
  w.EndArray();
  w.Key("framing");
  WriteFraming(w, c);
  w.Key("quotes");
  WriteQuotes(w, c);
  w.Key("schema");
  w.String("parallax.compare/1");
  w.Key("shared_terms");
  WriteSharedTerms(w, c);
  w.Key("story");
  WriteStory(w, c);
  w.Key("voices");
  WriteVoices(w, c);
  w.EndObject();
  out += '\n';
  return out;
}

}  // namespace parallax
