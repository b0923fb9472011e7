// FindStoredDuplicates: the near-duplicate groups of the stored articles,
// the pipeline of `parallax dedup --db`.
#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "parallax/dedup.h"
#include "parallax/store.h"

namespace parallax {

Result<StoredDuplicates> FindStoredDuplicates(const Store& store, const DedupOptions& options, unsigned threads,
                                              const std::function<void(size_t read)>& reading,
                                              const std::function<void(size_t documents)>& pairing) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  StoredDuplicates report;
  NearDuplicateIndex index(options);
  if (const Result<size_t> stored = store.CountArticles(); stored.ok()) {
    index.Reserve(std::min<size_t>(*stored, NearDuplicateIndex::kMaxDocuments));
  }
  Status read, too_many;
  {
    ParallelSigner signer(threads, index);
    read = store.ForEachArticle([&](const Article& article) {
      std::string text = BodyText(article);
      if (!HasWordCharacter(text)) {
        // A headline stored without its text has nothing to compare.
        if (text.empty()) {
          ++report.headlines_only;
        } else {
          report.wordless.push_back(article.id);
        }
        return true;
      }
      if (report.ids.size() == NearDuplicateIndex::kMaxDocuments) {
        too_many = Status::TooLarge(store.path() + " has more articles than one run compares (" +
                                    std::to_string(NearDuplicateIndex::kMaxDocuments) + ")");
        return false;
      }
      report.ids.push_back(article.id);
      signer.Add(std::move(text));
      if (reading && report.ids.size() % 1024 == 0) reading(report.ids.size());
      return true;
    });
    signer.Finish();
  }
  if (read.ok()) read = too_many;
  if (!read.ok()) return read;
  if (pairing) pairing(report.ids.size());
  report.pairs = index.FindPairs(&report.stats);
  for (const std::vector<uint32_t>& members : GroupDuplicates(report.pairs, report.ids.size())) {
    DuplicateGroup& group = report.groups.emplace_back();
    for (const uint32_t d : members) group.article_ids.push_back(report.ids[d]);
  }
  return report;
}

}  // namespace parallax
