// IndexStore: the full-text index and the digests of new articles, the
// pipeline of `parallax index`.
#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include "parallax/analyze.h"
#include "parallax/store.h"

namespace parallax {

namespace {

ArticleDigest DigestOf(const AnalyzedArticle& doc) {
  ArticleDigest digest;
  for (const Quote& quote : doc.quotes) {
    digest.quotes.push_back({QuoteSpeakerName(doc, quote), QuoteKindName(quote.kind), quote.span.paragraph, quote.text});
  }
  for (const FramingHit& hit : doc.framing) {
    digest.wording.push_back({hit.entry, hit.category, hit.term, hit.in_quote});
  }
  return digest;
}

// Analyses a batch on up to `threads` threads, each taking the next article.
std::vector<ArticleDigest> DigestBatch(const std::vector<Article>& articles, unsigned threads) {
  std::vector<ArticleDigest> digests(articles.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < articles.size();) digests[i] = DigestOf(Analyze(articles[i]));
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::min<size_t>(threads, articles.size()); ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  return digests;
}

}  // namespace

Result<IndexReport> IndexStore(Store& store, unsigned threads,
                               const std::function<void(size_t done, size_t total)>& progress) {
  IndexReport report;
  Result<size_t> searchable = store.UpdateSearchIndex();
  if (!searchable.ok()) return searchable.status();
  report.searchable = *searchable;
  Result<size_t> waiting = store.UndigestedArticles();
  if (!waiting.ok()) return waiting.status();
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  size_t done = 0;
  Result<size_t> digested = store.UpdateDigests([&](const std::vector<Article>& batch) {
    std::vector<ArticleDigest> digests = DigestBatch(batch, threads);
    done += batch.size();
    if (progress) progress(done, *waiting);
    return digests;
  });
  if (!digested.ok()) return digested.status();
  report.digested = *digested;
  Result<size_t> stories = store.UpdateStoryVoices();
  if (!stories.ok()) return stories.status();
  report.stories = *stories;
  return report;
}

}  // namespace parallax
