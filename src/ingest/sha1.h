// Internal to ingest: SHA-1, for the digests WARC records carry
// (WARC-Block-Digest, WARC-Payload-Digest: "sha1:" + base32). Not for
// security: WARC readers expect SHA-1, and it is small enough to carry
// rather than link a crypto library for.
#ifndef PARALLAX_INGEST_SHA1_H_
#define PARALLAX_INGEST_SHA1_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace parallax {
namespace ingest_internal {

class Sha1 {
 public:
  Sha1();
  void Update(std::string_view bytes);
  std::array<uint8_t, 20> Finish();

 private:
  void Block(const uint8_t* block);
  uint32_t state_[5];
  uint64_t length_ = 0;  // bytes so far
  uint8_t pending_[64];
  size_t pending_size_ = 0;
};

// RFC 4648 base32 ("A".."Z", "2".."7"), as WARC digests are written.
std::string Base32(const uint8_t* bytes, size_t size);

// "sha1:" + Base32(SHA-1 of the parts, in order).
std::string WarcSha1Digest(std::string_view first, std::string_view second = {});

}  // namespace ingest_internal
}  // namespace parallax

#endif  // PARALLAX_INGEST_SHA1_H_
