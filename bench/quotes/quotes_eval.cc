// Runs parallax's quote finder over a quotes bench file (one JSON article a
// line, with "doc" and "text") and prints the quotes it finds in the
// scorer's prediction format, offsets in UTF-8 bytes of "text":
//   {"doc", "quote_start", "quote_end", "speaker", "speaker_start", "speaker_end", "kind"}
// Each non-empty line of the text is a body paragraph, as a plain-text
// report is read. Used by bench/quotes-accuracy.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "parallax/analyze.h"

namespace {

struct Located {
  parallax::Article article;
  std::vector<size_t> paragraph_offset;  // byte offset of each paragraph in the text
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

Located ToArticle(const std::string& doc, const std::string& text) {
  Located out;
  out.article.id = doc;
  out.article.outlet = doc;
  size_t line = 0;
  while (line <= text.size()) {
    size_t end = text.find('\n', line);
    if (end == std::string::npos) end = text.size();
    size_t b = line, e = end;
    while (b < e && IsSpace(text[b])) ++b;
    while (e > b && IsSpace(text[e - 1])) --e;
    if (e > b) {
      out.article.paragraphs.push_back({text.substr(b, e - b), parallax::ParagraphRole::kBody, ""});
      out.paragraph_offset.push_back(b);
    }
    line = end + 1;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s GOLD.jsonl > PRED.jsonl\n", argv[0]);
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::fprintf(stderr, "%s: cannot read\n", argv[1]);
    return 1;
  }
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const nlohmann::json record = nlohmann::json::parse(line);
    const std::string doc = record.at("doc").get<std::string>();
    Located located = ToArticle(doc, record.at("text").get<std::string>());
    const std::vector<size_t> offset = located.paragraph_offset;
    const parallax::AnalyzedArticle analyzed = parallax::Analyze(std::move(located.article));
    for (const parallax::Quote& q : analyzed.quotes) {
      nlohmann::json out;
      out["doc"] = doc;
      out["quote_start"] = offset[q.span.paragraph] + q.span.begin;
      out["quote_end"] = offset[q.span.paragraph] + q.span.end;
      out["kind"] = parallax::QuoteKindName(q.kind);
      const std::string speaker = parallax::QuoteSpeakerName(analyzed, q);
      if (speaker.empty()) {
        out["speaker"] = nullptr;
      } else {
        out["speaker"] = speaker;
      }
      if (q.speaker_span.end > q.speaker_span.begin) {
        out["speaker_start"] = offset[q.speaker_span.paragraph] + q.speaker_span.begin;
        out["speaker_end"] = offset[q.speaker_span.paragraph] + q.speaker_span.end;
      }
      std::cout << out.dump() << '\n';
    }
  }
  return 0;
}
