// dedup: near-duplicate documents in a corpus, such as one wire story
// syndicated by several outlets, each copy edited a little: tail truncated,
// a dateline, byline or footer added, sentences dropped, words swapped.
//
// Each text becomes a small signature (about 260 bytes): the smallest
// hashes of its 3-word shingles (a bottom-k sketch) and the hashes of its
// first shingles. Once every document is added, FindPairs learns which
// shingles are boilerplate (in more documents than a story has copies),
// finds the documents sharing several rare shingles, and scores each
// candidate pair:
//
//   containment  the share of the smaller text found in the larger one, so
//                a copy truncated to a third still scores high;
//   Jaccard      shared / union, used instead when the shared part is not
//                where a copy would keep it (the start of the larger text),
//                which is what a short story quoted inside another looks like.
//
// A pair scoring below the threshold is still reported when both documents
// are near-duplicates of a third one (two copies edited differently, each
// close to the original) and share enough to make that plausible.
//
// A story printed by more outlets than the boilerplate bound has every
// shingle in that many documents. Documents most of whose sketch is such
// common hashes are "widely copied": they are paired with each other on
// their 16 smallest hashes, and two that start alike are scored on their
// whole sketches. A text copied more than a thousand times is paired with
// its first copy only, so that the output (and memory) stays linear.
//
//   parallax::NearDuplicateIndex index;
//   for (const auto& doc : docs) index.Add(doc.text);      // numbered 0, 1, ...
//   for (const parallax::DuplicatePair& p : index.FindPairs())
//     std::cout << docs[p.first].id << '\t' << docs[p.second].id << '\t' << p.score << '\n';
//
// For many documents, compute signatures on several threads with one
// SignatureBuilder each and Add them in order; the result does not depend
// on the thread count.
#ifndef PARALLAX_DEDUP_H_
#define PARALLAX_DEDUP_H_

#include <array>
#include <memory>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace parallax {

// Words are maximal runs of [0-9A-Za-z] or bytes >= 0x80, ASCII-lowercased;
// a shingle is this many consecutive words. 3 rather than the customary 5:
// one swapped word breaks as many shingles as the shingle has words. On the
// syndication benchmark (../shared/bench/neardup), scoring as below with
// every shingle kept, 3-word shingles found 0.962 of the known copies at
// 0.99 precision, 5-word ones 0.952.
inline constexpr size_t kShingleWords = 3;

// Shingle hashes a signature keeps: the 64 a finished index uses plus 8 of
// slack for the boilerplate shingles (datelines, footers) dropped once the
// whole corpus is known. On the benchmark, 64 lost 0.005 recall against
// keeping every shingle, 96 gained nothing on 64, 48 lost 0.002 more recall
// and 32 lost 0.03.
inline constexpr size_t kSignatureHashes = 72;

// Hashes of a text's first shingles. A copy keeps the start of its story;
// a short story pasted into another does not share that story's start.
// 16 (about the first sentence) found 0.956 of the benchmark's copies at
// 0.992 precision; 10 found 0.954 at 0.990.
inline constexpr size_t kHeadHashes = 16;

// Shingle hashes are this many bits: 3 bytes stored per hash keep a
// signature under 300 bytes, and among the ~2.5 million hashes of a 30,000
// text corpus, a shingle shares its 24-bit hash with a boilerplate one (and
// is dropped with it) about once in 3,000; recall and precision on the
// benchmark moved by less than the spread between hash seeds (0.003).
inline constexpr int kShingleHashBits = 24;

// What a text contributes to the index.
struct ShingleSignature {
  // The smallest distinct shingle hashes, ascending; `size` of them.
  std::array<uint32_t, kSignatureHashes> smallest{};
  uint32_t size = 0;
  // Every distinct shingle hash <= limit is in `smallest`: 0xFFFFFFFF (above
  // every hash) when `smallest` holds all of them.
  uint32_t limit = 0xFFFFFFFF;
  // The first distinct shingle hashes in text order; `head_size` of them.
  std::array<uint32_t, kHeadHashes> head{};
  uint32_t head_size = 0;
  uint32_t words = 0;  // words in the text; 0 means there is nothing to compare
};

// Computes signatures, reusing its buffers between texts: one per thread.
class SignatureBuilder {
 public:
  SignatureBuilder();
  void Compute(std::string_view text, ShingleSignature* signature);

 private:
  std::vector<unsigned char> lower_;  // the text, lowercased, padded for 64-byte loads
  std::vector<uint64_t> words_;       // one hash per word
  std::vector<uint32_t> shingles_;    // one hash per shingle
};

struct DedupOptions {
  // Pairs scoring at least this are reported. On the benchmark, 0.6 found
  // 0.956 of the known copies with 0.992 of the pairs right; 0.55 found
  // 0.971 at 0.985, 0.65 found 0.927 at 0.995.
  double threshold = 0.6;
  // Threads that score the candidate pairs in FindPairs (the caller's
  // among them; 0 is taken as 1). The pairs are the same for any count.
  unsigned threads = 1;
};

struct DuplicatePair {
  uint32_t first;  // document numbers in the order added; first < second
  uint32_t second;
  double score;  // 0..1, see the comment at the top
};

// What FindPairs did, for --stats and tuning.
struct DedupStats {
  size_t documents = 0;
  size_t boilerplate_dropped = 0;  // hashes dropped from sketches and heads as boilerplate
  size_t candidates = 0;           // pairs scored
  size_t direct_pairs = 0;         // pairs scoring >= threshold on their own
  size_t supported_pairs = 0;      // pairs reported through a third document
  size_t index_bytes = 0;          // signatures held between Add and FindPairs
  size_t peak_bytes = 0;           // the most FindPairs held at once, about; index included
};

class NearDuplicateIndex {
 public:
  // Documents are numbered in 24 bits while their hashes are grouped.
  static constexpr uint32_t kMaxDocuments = (uint32_t{1} << 24) - 1;

  explicit NearDuplicateIndex(DedupOptions options = {});

  // Adds the next document and returns its number (0, 1, ...). A text
  // without words is numbered but never paired. At most kMaxDocuments.
  uint32_t Add(std::string_view text);
  uint32_t Add(const ShingleSignature& signature);

  // Makes room for this many documents in all: a hint that saves copying
  // as the index grows.
  void Reserve(size_t documents);

  size_t size() const { return offsets_.size() - 1; }

  // Bytes the added signatures hold.
  size_t MemoryBytes() const;

  // Every near-duplicate pair among the documents added so far, ordered by
  // (first, second). `stats` may be null.
  std::vector<DuplicatePair> FindPairs(DedupStats* stats = nullptr) const;

 private:
  DedupOptions options_;
  SignatureBuilder builder_;
  // Every document's `smallest`, one after another, 3 bytes a hash.
  std::vector<uint8_t> hashes_;
  std::vector<uint32_t> offsets_;       // document d's hashes: [offsets_[d], offsets_[d + 1])
  std::vector<uint8_t> heads_;          // every document's head, likewise, sorted
  std::vector<uint32_t> head_offsets_;  // document d's: [head_offsets_[d], head_offsets_[d + 1])
  std::vector<uint32_t> limits_;        // document d's ShingleSignature::limit
  // The hashes FindPairs groups, counted per part of its grouping (see
  // src/dedup/internal.h): counted here, they are still in the cache.
  std::vector<uint32_t> part_counts_;
};

// Adds texts to an index with their signatures computed on `threads`
// threads: texts are gathered in batches (1,024 per thread), each batch is
// signed while the caller reads the next, and signatures are added in the
// order the texts came, so the index is the same whatever the thread count.
// With one thread, each text is signed and added at once.
//
//   ParallelSigner signer(2, index);
//   while (Read(&text)) signer.Add(std::move(text));
//   signer.Finish();                       // everything added
//
// A worker's std::bad_alloc is rethrown by Add or Finish, on the caller's thread.
class ParallelSigner {
 public:
  ParallelSigner(unsigned threads, NearDuplicateIndex& index);
  // Waits for the threads; a batch not finished is not added.
  ~ParallelSigner();
  ParallelSigner(const ParallelSigner&) = delete;
  ParallelSigner& operator=(const ParallelSigner&) = delete;

  void Add(std::string&& text);
  // Adds everything still pending.
  void Finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True when `text` has a byte that can start a word (an ASCII letter or
// digit, or any byte of a multi-byte UTF-8 character): a text without one
// is never paired, so callers skip it and say so.
bool HasWordCharacter(std::string_view text);

// The groups near-duplicate pairs make among `documents` documents:
// connected components, so two copies edited differently and paired only
// through a third are one group. Each group lists its documents in order
// (the first, the earliest, represents it); groups come in the order of
// their first document; unpaired documents are in none.
std::vector<std::vector<uint32_t>> GroupDuplicates(const std::vector<DuplicatePair>& pairs, size_t documents);

// The whole batch in one call.
std::vector<DuplicatePair> FindNearDuplicates(const std::vector<std::string_view>& texts,
                                              const DedupOptions& options = {});

}  // namespace parallax

#endif  // PARALLAX_DEDUP_H_
