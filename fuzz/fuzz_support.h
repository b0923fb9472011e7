// What several fuzz targets share: gzip in memory (to feed a reader the
// compressed form of the same input) and comparing record lists.
#ifndef PARALLAX_FUZZ_FUZZ_SUPPORT_H_
#define PARALLAX_FUZZ_FUZZ_SUPPORT_H_

#include <zlib.h>

#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace parallax::fuzz {

// `bytes` as one gzip member; aborts if zlib fails (it cannot on memory).
inline std::string Gzip(std::string_view bytes) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) std::abort();
  std::string out(deflateBound(&z, bytes.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) std::abort();
  out.resize(out.size() - z.avail_out);
  deflateEnd(&z);
  return out;
}

// Whether `whole` starts with every element of `prefix`, in order.
inline bool IsPrefix(const std::vector<std::string>& prefix, const std::vector<std::string>& whole) {
  if (prefix.size() > whole.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (prefix[i] != whole[i]) return false;
  }
  return true;
}

}  // namespace parallax::fuzz

#endif  // PARALLAX_FUZZ_FUZZ_SUPPORT_H_
