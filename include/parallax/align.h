// align: several analysed reports of one story -> a Comparison. Merges
// entities across documents, scores every sentence against the other
// documents' sentences, groups sentences into facts (shared or unique),
// marks paragraphs that drift into another story as off-topic, and links
// the same quote across outlets even when trimmed, extended or reworded.
// The similarity is documented in docs/alignment.md.
//
// Compare() runs the whole pipeline on reports, the way `parallax compare`,
// a server page and the tests all do:
//
//   parallax::Result<parallax::CompareResult> out = parallax::Compare({}, std::move(raw), {});
//   if (!out.ok()) { std::cerr << out.status().ToString(); ... }  // too many reports
//   Use(out->comparison);  // out->failures: reports that could not be extracted
#ifndef PARALLAX_ALIGN_H_
#define PARALLAX_ALIGN_H_

#include <cstddef>
#include <vector>

#include "parallax/article.h"
#include "parallax/comparison.h"
#include "parallax/status.h"

namespace parallax {

// Aligns already analysed reports. Cost grows with the text and with the
// number of reports, not with their squares, but for the pairwise document
// similarity (n(n-1)/2 numbers, summarised beyond kAllPairsListedUpTo).
Comparison Align(std::vector<AnalyzedArticle> documents);

// One comparison holds at most this many reports by default: a story told
// by every outlet of a country. More is a corpus: `parallax ingest`,
// `cluster` and `stories` group it into stories, and a story is compared
// with `parallax compare --story ID`. Measured (bench/compare-scale): 200
// reports of 500 words take about a second and 60 MB.
inline constexpr size_t kDefaultMaxReports = 500;

struct CompareOptions {
  size_t max_reports = kDefaultMaxReports;
  // Reports are extracted and analysed on this many threads; 0: one per core.
  unsigned threads = 0;
  // Near copies of an earlier report (syndicated wire copy, found as
  // `parallax dedup` finds them) are not compared again: each is listed in
  // Comparison::copies beside the report it copies. Stories want this
  // (four outlets running one wire story are one column, not four alike);
  // files named one by one are compared as given.
  bool fold_copies = false;
};

struct CompareResult {
  // Fewer than two documents when fewer than two reports could be used:
  // then nothing is aligned.
  Comparison comparison;
  std::vector<LoadFailure> failures;  // reports that could not be extracted
};

// OK when `reports` fit in one comparison; else the kTooLarge Status that
// Compare() returns, which says what to do instead. Lets a caller refuse
// before reading a thousand files.
Status CheckReportCount(size_t reports, const CompareOptions& options);

// Extracts `raw` (stored `articles` are extracted already), analyses every
// report, names them d0, d1, ... in order (`articles` first, then `raw`)
// and aligns them. Refuses with CheckReportCount's Status, before any work,
// when there are more than options.max_reports reports.
Result<CompareResult> Compare(std::vector<Article> articles, std::vector<RawDocument> raw,
                              const CompareOptions& options);

}  // namespace parallax

#endif  // PARALLAX_ALIGN_H_
