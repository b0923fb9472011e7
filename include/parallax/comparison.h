// Several analysed reports of one story, aligned: the Comparison that every
// report format (terminal, JSON, HTML) renders.
#ifndef PARALLAX_COMPARISON_H_
#define PARALLAX_COMPARISON_H_

#include <string>
#include <vector>

#include "parallax/analysis.h"

namespace parallax {

// How a sentence of a shared fact relates to the row's statement: it states
// just that, or states it and adds a clause of its own (a tabloid's long
// sentence beside a broadcaster's short one). Two sentences state the very
// same thing only when both are kSame.
enum class FactRelation { kSame, kAddsDetail };

struct SentenceRef {
  int document = 0;       // index into Comparison::documents
  uint32_t sentence = 0;  // index into that document's sentences
  FactRelation relation = FactRelation::kSame;  // set in Fact::sentences; kSame elsewhere
};

// One piece of information and every sentence, in every outlet, that reports it.
// Two or more documents: shared. One document: unique to that outlet.
struct Fact {
  std::vector<SentenceRef> sentences;
  std::vector<int> documents;  // sorted, distinct
  double score = 0;            // weakest similarity that joined the group (1 for singletons)
};

// An entity across documents: local entities merged by name and alias.
struct Entity {
  std::string id;  // "e0", "e1", ...
  std::string name;
  EntityType type = EntityType::kOther;
  std::vector<std::string> aliases;
  std::vector<int> mentions;  // per document index: number of mentions
  std::vector<std::pair<int, int>> members;  // (document, local entity index)
};

// A quote of one document, linked to the matching quotes of other documents.
struct QuoteRef {
  std::string id;     // "q0", "q1", ...
  int document = 0;
  int quote = 0;      // index into that document's quotes
  int entity = -1;    // index into Comparison::entities, -1 when unknown
  std::vector<std::string> same_as;  // ids of the same quote in other documents
};

// One speaker across the outlets: which of their words each outlet chose.
struct Voice {
  int entity = -1;                         // index into Comparison::entities
  std::vector<std::vector<std::string>> quotes_by_document;  // quote ids per document
  // Two or more outlets quote this speaker from the same source (same medium,
  // or the same words) but none of the passages match: different selections.
  bool same_source_different_passages = false;
  std::string medium;
};

// A distinctive word that several outlets use, with every sentence that uses
// it: the thread that ties reports together even where their sentences say
// the same thing too differently to pair up ("smuggling" in a quote here,
// in the reporter's words there).
struct SharedTerm {
  std::string term;             // as written in its first occurrence, lower case
  std::vector<int> documents;   // sorted, distinct, two or more
  std::vector<SentenceRef> sentences;
};

// How alike the headline and on-topic text of two documents are: the cosine of their
// features (docs/alignment.md).
struct DocumentSimilarity {
  int a = 0;  // indices into Comparison::documents, a < b
  int b = 0;
  double score = 0;
};

// Up to this many documents every pair is listed; beyond, n(n-1)/2 pairs
// would swamp any report, so only each document's closest is, with a
// summary of all.
inline constexpr size_t kAllPairsListedUpTo = 30;

// Every pair of documents is scored; this sums up the scores.
struct SimilaritySummary {
  size_t pairs = 0;         // n(n-1)/2
  bool all_listed = true;   // Comparison::similarity lists every pair
  double min = 0;
  double median = 0;        // to 0.0001
  double mean = 0;
  double max = 0;
};

// A report left out of the side-by-side because it is a near copy of a
// compared one (CompareOptions::fold_copies): the same wire story, run by
// another outlet.
struct FoldedCopy {
  int document = 0;    // index into Comparison::documents: the report it copies
  Article article;     // its outlet, title, url, published, source; no paragraphs
  double score = 0;    // how near (dedup's score, 0..1)
};

struct Comparison {
  std::vector<AnalyzedArticle> documents;  // paragraph roles updated with kOffTopic
  std::vector<Fact> facts;
  std::vector<Entity> entities;
  std::vector<QuoteRef> quotes;
  std::vector<Voice> voices;
  std::vector<SharedTerm> shared_terms;  // most distinctive first
  // Sorted by (a, b): every pair up to kAllPairsListedUpTo documents, else
  // each document's closest other document.
  std::vector<DocumentSimilarity> similarity;
  SimilaritySummary similarity_summary;
  std::vector<std::string> shared_entities;  // entity ids mentioned by every document
  bool same_event = false;
  std::vector<FoldedCopy> copies;  // with CompareOptions::fold_copies
};

}  // namespace parallax

#endif  // PARALLAX_COMPARISON_H_
