// align: several analysed reports of one story -> a Comparison. Merges
// entities across documents, scores every sentence against the other
// documents' sentences, groups sentences into facts (shared or unique),
// marks paragraphs that drift into another story as off-topic, and links
// the same quote across outlets even when trimmed, extended or reworded.
// The similarity is documented in docs/alignment.md.
#ifndef PARALLAX_ALIGN_H_
#define PARALLAX_ALIGN_H_

#include <vector>

#include "parallax/comparison.h"

namespace parallax {

Comparison Align(std::vector<AnalyzedArticle> documents);

}  // namespace parallax

#endif  // PARALLAX_ALIGN_H_
