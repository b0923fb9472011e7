// The shared-fact judgement on sentence pairs, for bench/facts-accuracy.
//
//   parallax_facts_pairs PAIRS.tsv > PRED.tsv
//
// PAIRS.tsv: a header line, then "quality<TAB>id1<TAB>id2<TAB>sentence1<TAB>sentence2"
// (the first column is not read). Each pair becomes two reports of one
// paragraph each, run through Analyze and Align exactly as `parallax compare`
// runs them, and the line "id1<TAB>id2<TAB>1" is printed when the two
// sentences share a row (a Fact of both documents) and neither adds detail
// to the row's statement (FactRelation::kSame), "...<TAB>0" otherwise: a
// sentence that states the other's fact and adds a clause is in its row, but
// does not state the same thing.
// Exits 1 when the file cannot be read or a line has too few columns.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "parallax/align.h"
#include "parallax/analyze.h"

namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t begin = 0;
  for (size_t tab; (tab = line.find('\t', begin)) != std::string::npos; begin = tab + 1) {
    fields.push_back(line.substr(begin, tab - begin));
  }
  fields.push_back(line.substr(begin));
  return fields;
}

parallax::AnalyzedArticle OneSentenceReport(const std::string& id, const std::string& text) {
  parallax::Article article;
  article.id = id;
  article.outlet = id;
  article.paragraphs.push_back({text, parallax::ParagraphRole::kBody, ""});
  return parallax::Analyze(std::move(article));
}

// Both reports have a sentence in one shared fact, and both state just its statement.
bool SameStatement(const std::string& first, const std::string& second) {
  std::vector<parallax::AnalyzedArticle> docs;
  docs.push_back(OneSentenceReport("d0", first));
  docs.push_back(OneSentenceReport("d1", second));
  const parallax::Comparison comparison = parallax::Align(std::move(docs));
  for (const parallax::Fact& fact : comparison.facts) {
    if (fact.documents.size() == 2) {
      return std::all_of(fact.sentences.begin(), fact.sentences.end(),
                         [](const parallax::SentenceRef& ref) { return ref.relation == parallax::FactRelation::kSame; });
    }
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: parallax_facts_pairs PAIRS.tsv > PRED.tsv\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "parallax_facts_pairs: cannot read %s\n", argv[1]);
    return 1;
  }
  std::string line;
  std::getline(in, line);  // header
  size_t number = 1;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const std::vector<std::string> f = SplitTabs(line);
    if (f.size() < 5) {
      std::fprintf(stderr, "parallax_facts_pairs: %s:%zu: expected 5 columns, found %zu\n", argv[1], number,
                   f.size());
      return 1;
    }
    std::cout << f[1] << '\t' << f[2] << '\t' << (SameStatement(f[3], f[4]) ? 1 : 0) << '\n';
  }
  return 0;
}
