// Compressed bytes for tests of the readers that undo them: gzip members,
// zlib streams and raw deflate, written with zlib in memory.
#ifndef PARALLAX_TESTS_SUPPORT_COMPRESS_H_
#define PARALLAX_TESTS_SUPPORT_COMPRESS_H_

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

namespace parallax::testing {

// gzip (window_bits 31), zlib (15) or raw deflate (-15) of `bytes`; with
// `finish` false, flushed but never ended: a stream cut short.
inline std::string Deflate(const std::string& bytes, int window_bits, bool finish = true) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 9, Z_DEFLATED, window_bits, 9, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, bytes.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, finish ? Z_FINISH : Z_SYNC_FLUSH), finish ? Z_STREAM_END : Z_OK);
  out.resize(out.size() - z.avail_out);
  deflateEnd(&z);
  return out;
}

// One gzip member of `bytes`, as `gzip` writes it.
inline std::string Gzip(const std::string& bytes) { return Deflate(bytes, 16 + MAX_WBITS); }

}  // namespace parallax::testing

#endif  // PARALLAX_TESTS_SUPPORT_COMPRESS_H_
