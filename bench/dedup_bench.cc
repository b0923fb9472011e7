// The dedup signature kernel in process: SignatureBuilder::Compute on the
// first 2,000 documents of the near-duplicate benchmark corpus, read at run
// time from ../shared/bench/neardup (never copied into the repository).
// bench/dedup-speed measures the whole `parallax dedup` process instead.
//
//   build/bench/parallax_bench --benchmark_filter=Dedup
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>
#include <vector>

#include "parallax/dedup.h"
#include "parallax/ingest.h"

namespace parallax {
namespace {

constexpr char kCorpus[] = PARALLAX_SHARED_DIR "/bench/neardup/corpus.jsonl.gz";
constexpr size_t kDocuments = 2000;

// The texts, read once; empty when the corpus is missing.
const std::vector<std::string>& Texts() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    const Status status = ReadJsonLines(
        kCorpus,
        [&](JsonRecord&& record) {
          if (out.size() < kDocuments) out.push_back(std::move(record.text));
        },
        [](uint64_t, const std::string&) {});
    if (!status.ok()) {
      std::fprintf(stderr, "dedup_bench: %s: %s\n", kCorpus, status.ToString().c_str());
      out.clear();
    }
    return out;
  }();
  return texts;
}

size_t TotalBytes(const std::vector<std::string>& texts) {
  size_t bytes = 0;
  for (const std::string& t : texts) bytes += t.size();
  return bytes;
}

// Tokenising, hashing every word and shingle, and keeping the smallest.
void BM_DedupSignature(benchmark::State& state) {
  const std::vector<std::string>& texts = Texts();
  if (texts.empty()) {
    state.SkipWithError("corpus not found (see stderr)");
    return;
  }
  SignatureBuilder builder;
  ShingleSignature signature;
  for (auto _ : state) {
    for (const std::string& text : texts) {
      builder.Compute(text, &signature);
      benchmark::DoNotOptimize(signature.size);
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * texts.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes(texts)));
}
BENCHMARK(BM_DedupSignature)->Unit(benchmark::kMillisecond);

// The corpus-wide part on the same documents: grouping, scoring, pairs.
void BM_DedupFindPairs(benchmark::State& state) {
  const std::vector<std::string>& texts = Texts();
  if (texts.empty()) {
    state.SkipWithError("corpus not found (see stderr)");
    return;
  }
  SignatureBuilder builder;
  std::vector<ShingleSignature> signatures(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) builder.Compute(texts[i], &signatures[i]);
  for (auto _ : state) {
    NearDuplicateIndex index;
    for (const ShingleSignature& s : signatures) index.Add(s);
    benchmark::DoNotOptimize(index.FindPairs().size());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * texts.size()));
}
BENCHMARK(BM_DedupFindPairs)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace parallax
