// Signatures: one pass lowercases the text and classifies its bytes 16 at a
// time; a second counts the words in the resulting bit masks (the count
// sets which shingle hashes are worth keeping); a third walks the word
// boundaries, hashes each word once (XXH3, straight from the lowercased
// bytes) and, as each word ends, combines it with the two before into a
// shingle hash, kept if small. No string is built per word or per shingle:
// a news text's signature costs about as much as parsing its JSON line.
// XXH_INLINE_ALL: called through the shared library, once per word, XXH3
// showed as 40% of the signature time in profiles; inlined, it is a few
// instructions for a short word.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <cstring>

#include "dedup/internal.h"
#include "parallax/dedup.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace parallax {

namespace {

// Word hashes are XXH3 outputs (uniform 64-bit values); rotating them apart
// keeps "a b c" and "c b a" distinct, and the multiply spreads the xor over
// the top bits kept. The rotations are far apart so that no two of the
// three words share a bit position.
constexpr int kRotate1 = 21;
constexpr int kRotate2 = 42;
constexpr uint64_t kShingleMix = 0x9E3779B97F4A7C15ull;  // 2^64 / golden ratio, odd

inline uint64_t Rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

// The top kShingleHashBits bits of the product.
inline uint32_t ShingleHash(uint64_t a, uint64_t b, uint64_t c) {
  return static_cast<uint32_t>(((a ^ Rotl(b, kRotate1) ^ Rotl(c, kRotate2)) * kShingleMix) >>
                               (64 - kShingleHashBits));
}

// Keeping the shingle hashes below 1.25 times the expected k-th smallest
// (plus a margin for short texts) leaves fewer than k of them about once in
// 200 texts (2.6 standard deviations); those are redone from all shingles.
// 1.5 was 5% slower in all: more hashes to sort in every text.
constexpr double kPrefilterFactor = 1.25;
constexpr double kPrefilterMargin = 8;

inline uint64_t Load64(const unsigned char* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// Masks keeping the first `len` bytes of two little-endian 8-byte loads.
struct WordMasks {
  uint64_t low[17], high[17];
  constexpr WordMasks() : low(), high() {
    for (int len = 0; len <= 16; ++len) {
      const int lo = len < 8 ? len : 8, hi = len > 8 ? len - 8 : 0;
      low[len] = lo == 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * lo)) - 1;
      high[len] = hi == 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * hi)) - 1;
    }
  }
};
constexpr WordMasks kWordMasks;

// XXH3 of a word. XXH3 picks its code by input length, and word lengths
// vary at random, so hashing each word as it is mispredicts a branch or two
// per word; a word of up to 16 bytes (nearly all) is instead read as 16
// bytes with the rest masked off and hashed with its length as the seed:
// always the same code path. That took the signature from about 4.3 to
// 3.3 ms per 2,000 news texts (bench/dedup_bench.cc). `p` must be followed by 16
// readable bytes, which the padding of SignatureBuilder::lower_ ensures.
inline uint64_t WordHash(const unsigned char* p, size_t len) {
  if (len > 16) return XXH3_64bits(p, len);
  unsigned char bytes[16];
  const uint64_t low = Load64(p) & kWordMasks.low[len];
  const uint64_t high = Load64(p + 8) & kWordMasks.high[len];
  std::memcpy(bytes, &low, 8);
  std::memcpy(bytes + 8, &high, 8);
  return XXH3_64bits_withSeed(bytes, 16, len);
}

inline bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80;
}

// Lowercases text into `out` (ASCII letters only, as the benchmark's word
// definition does) and writes one bit per byte into `mask`: set for bytes
// of words. `out` and `mask` have room for the text rounded up to 64 bytes;
// the bytes and bits past the text are cleared, so no word runs past it.
// The caller sizes both for n / 64 * 64 + 64 bytes: at least one byte of
// padding.
void LowercaseAndClassify(std::string_view text, unsigned char* out, uint16_t* mask) {
  const size_t n = text.size();
  const unsigned char* in = reinterpret_cast<const unsigned char*>(text.data());
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i before_upper = _mm_set1_epi8('A' - 1);
  const __m128i after_upper = _mm_set1_epi8('Z' + 1);
  const __m128i before_lower = _mm_set1_epi8('a' - 1);
  const __m128i after_lower = _mm_set1_epi8('z' + 1);
  const __m128i before_digit = _mm_set1_epi8('0' - 1);
  const __m128i after_digit = _mm_set1_epi8('9' + 1);
  const __m128i case_bit = _mm_set1_epi8(0x20);
  const __m128i zero = _mm_setzero_si128();
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i));
    // Signed compares: bytes >= 0x80 are negative, so never "upper case".
    const __m128i upper =
        _mm_and_si128(_mm_cmpgt_epi8(v, before_upper), _mm_cmplt_epi8(v, after_upper));
    v = _mm_or_si128(v, _mm_and_si128(upper, case_bit));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), v);
    const __m128i letter =
        _mm_and_si128(_mm_cmpgt_epi8(v, before_lower), _mm_cmplt_epi8(v, after_lower));
    const __m128i digit =
        _mm_and_si128(_mm_cmpgt_epi8(v, before_digit), _mm_cmplt_epi8(v, after_digit));
    const __m128i high = _mm_cmplt_epi8(v, zero);
    mask[i / 16] =
        static_cast<uint16_t>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), high)));
  }
#endif
  // The tail (all of it without SSE2), byte by byte.
  const size_t padded = n / 64 * 64 + 64;
  for (size_t chunk = i; chunk < padded; chunk += 16) {
    uint16_t bits = 0;
    for (size_t j = chunk; j < chunk + 16; ++j) {
      unsigned char c = 0;
      if (j < n) {
        c = in[j];
        if (c >= 'A' && c <= 'Z') c |= 0x20;
      }
      out[j] = c;
      if (IsWordByte(c)) bits |= static_cast<uint16_t>(1u << (j - chunk));
    }
    mask[chunk / 16] = bits;
  }
}

}  // namespace

SignatureBuilder::SignatureBuilder() = default;

void SignatureBuilder::Compute(std::string_view text, ShingleSignature* sig) {
  sig->size = 0;
  sig->limit = 0xFFFFFFFF;
  sig->head_size = 0;
  sig->words = 0;

  // 1. Lowercase and classify. The masks live after the text in `lower_`;
  // at least one byte of padding ends a word that ends the text.
  const size_t padded = text.size() / 64 * 64 + 64;
  const size_t mask_bytes = padded / 8;
  if (lower_.size() < padded + mask_bytes + 8) lower_.resize(padded + mask_bytes + 8);
  unsigned char* lower = lower_.data();
  uint16_t* masks = reinterpret_cast<uint16_t*>(lower + padded);
  LowercaseAndClassify(text, lower, masks);

  // 2. Words: their starts are counted first, a word of mask bits at a
  // time, for the bound below; then each is hashed once, where the mask
  // changes, and each shingle as its last word is, while the words are in
  // registers (a pass of its own over the word hashes, and another for the
  // head, cost a tenth of the signature: reading and signatures on the
  // near-duplicate bench went from 68.4 to 66.7 ms).
  size_t word_count = 0;
  {
    uint64_t carry = 0;  // the last bit of the previous block
    for (size_t block = 0; block < padded; block += 64) {
      uint64_t m;
      std::memcpy(&m, lower + padded + block / 8, sizeof m);  // little-endian: byte 0 is bit 0
      word_count += dedup_internal::Popcount(m & ~((m << 1) | carry));
      carry = m >> 63;
    }
  }
  sig->words = static_cast<uint32_t>(word_count);
  if (word_count == 0) return;
  // A text shorter than a shingle is one shingle of all its words.
  const size_t shingle_count = word_count < kShingleWords ? 1 : word_count - kShingleWords + 1;

  // The smallest: hashes below a bound that should leave a few more than
  // needed, sorted; all of them when the bound does not. The head: the
  // first distinct shingles, in text order.
  const double expected = kPrefilterFactor * kSignatureHashes + kPrefilterMargin;
  const double fraction = expected / static_cast<double>(shingle_count);
  constexpr uint64_t kRange = uint64_t{1} << kShingleHashBits;
  const uint64_t bound =
      fraction >= 1.0 ? kRange : static_cast<uint64_t>(fraction * static_cast<double>(kRange));
  if (shingles_.size() < shingle_count) shingles_.resize(shingle_count);
  uint32_t* kept = shingles_.data();
  size_t kept_count = 0;
  uint32_t* const head = sig->head.data();
  auto add_shingle = [&](uint32_t h) {
    kept[kept_count] = h;
    kept_count += h < bound;
    if (sig->head_size < kHeadHashes) [[unlikely]] {
      uint32_t* const end = head + sig->head_size;
      if (std::find(head, end, h) == end) head[sig->head_size++] = h;
    }
  };
  if (words_.size() < word_count) words_.resize(word_count);
  uint64_t* words = words_.data();
  {
    uint64_t carry = 0;
    size_t start = 0, n = 0;
    bool in_word = false;
    uint64_t before_last = 0, last = 0;  // the hashes of the two words before
    for (size_t block = 0; block < padded; block += 64) {
      uint64_t m;
      std::memcpy(&m, lower + padded + block / 8, sizeof m);
      uint64_t edges = m ^ ((m << 1) | carry);
      carry = m >> 63;
      while (edges != 0) {
        const size_t pos = block + static_cast<size_t>(__builtin_ctzll(edges));
        edges &= edges - 1;
        if (!in_word) {
          start = pos;
        } else {
          const uint64_t w = WordHash(lower + start, pos - start);
          words[n] = w;
          if (n >= kShingleWords - 1) add_shingle(ShingleHash(before_last, last, w));
          before_last = last;
          last = w;
          ++n;
        }
        in_word = !in_word;
      }
    }
    // The padding is never a word byte, so every word has ended.
    if (word_count < kShingleWords) {
      add_shingle(ShingleHash(words[0], word_count > 1 ? words[1] : 0, 0));
    }
  }

  // Shingles at or above the bound were left out: then `smallest` holds all
  // hashes only up to its last one.
  bool left_out = kept_count < shingle_count;
  bool more = false;
  size_t size = dedup_internal::SelectSmallest(kept, kept_count, bound, kSignatureHashes,
                                               sig->smallest.data(), &more);
  if (size < kSignatureHashes && left_out) {
    // Too few below the bound (about once in 200 texts): all of them.
    for (size_t i = 0; i < shingle_count; ++i) {
      kept[i] = ShingleHash(words[i], words[i + 1], words[i + 2]);
    }
    size = dedup_internal::SelectSmallest(kept, shingle_count, kRange, kSignatureHashes,
                                          sig->smallest.data(), &more);
    left_out = false;
  }
  sig->size = static_cast<uint32_t>(size);
  if (more || left_out) sig->limit = sig->smallest[size - 1];
}

}  // namespace parallax
