#include "ingest/gunzip.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace parallax {
namespace ingest_internal {

namespace {

// Output grows by at most this much per inflate() call (less when the room
// left under the limit is smaller), which bounds memory during a bomb.
constexpr size_t kOutputChunk = size_t{64} << 10;

// zlib counts input in uInt; feed huge inputs in slices it can represent.
constexpr size_t kMaxInputSlice = size_t{1} << 30;

// 16 + MAX_WBITS asks zlib for the gzip wrapper (header and CRC-32 trailer)
// rather than the raw zlib format.
constexpr int kGzipWindowBits = 16 + MAX_WBITS;

Status Corrupt(const z_stream& stream, const char* fallback) {
  std::string detail = stream.msg != nullptr ? stream.msg : fallback;
  return Status::InvalidInput("corrupt gzip data: " + detail);
}

// Owns the z_stream so every return path releases zlib's buffers.
class Inflater {
 public:
  Inflater() = default;
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;
  ~Inflater() {
    if (initialized_) inflateEnd(&stream_);
  }

  bool Init() {
    initialized_ = inflateInit2(&stream_, kGzipWindowBits) == Z_OK;
    return initialized_;
  }
  z_stream& stream() { return stream_; }

 private:
  z_stream stream_{};
  bool initialized_ = false;
};

}  // namespace

bool HasGzipMagic(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

std::string DescribeLimit(size_t max_bytes) {
  char mib[32];
  std::snprintf(mib, sizeof(mib), "%.1f", static_cast<double>(max_bytes) / (1 << 20));
  return "the limit of " + std::to_string(max_bytes) + " bytes (" + mib + " MiB)";
}

Result<std::string> Gunzip(std::string_view compressed, size_t max_bytes) {
  Inflater inflater;
  if (!inflater.Init()) return Status::IoError("cannot start gzip decompression (out of memory)");
  z_stream& z = inflater.stream();

  const auto* input = reinterpret_cast<const Bytef*>(compressed.data());
  size_t fed = 0;  // bytes of `compressed` handed to zlib so far
  // max_bytes + 1, saturated so that "no limit" (SIZE_MAX) still works.
  const size_t cap = max_bytes == SIZE_MAX ? max_bytes : max_bytes + 1;
  std::string out;
  for (;;) {
    if (z.avail_in == 0 && fed < compressed.size()) {
      const size_t slice = std::min(compressed.size() - fed, kMaxInputSlice);
      z.next_in = const_cast<Bytef*>(input + fed);  // old zlib APIs lack const
      z.avail_in = static_cast<uInt>(slice);
      fed += slice;
    }

    // Room for one byte past the limit: producing it proves the data is too
    // large without ever holding more than max_bytes + 1 bytes.
    const size_t room = std::min(kOutputChunk, cap - out.size());
    const size_t old_size = out.size();
    out.resize(old_size + room);
    z.next_out = reinterpret_cast<Bytef*>(&out[old_size]);
    z.avail_out = static_cast<uInt>(room);
    const uInt avail_in_before = z.avail_in;
    const int ret = inflate(&z, Z_NO_FLUSH);
    const size_t produced = room - z.avail_out;
    out.resize(old_size + produced);

    if (out.size() > max_bytes) {
      return Status::TooLarge("decompressed data exceeds " + DescribeLimit(max_bytes));
    }
    switch (ret) {
      case Z_OK:
        break;
      case Z_STREAM_END: {
        // A complete member. Another may follow; anything else after it
        // (zero padding from tape-era tools, junk) is ignored, as gzip does.
        const size_t position = fed - z.avail_in;
        if (!HasGzipMagic(compressed.substr(position))) return out;
        if (inflateReset(&z) != Z_OK) return Corrupt(z, "cannot restart after a member");
        break;
      }
      case Z_BUF_ERROR:
        // No progress was possible. Output room is never zero here, so the
        // input ran out before the end of the stream.
        if (z.avail_in == 0 && fed == compressed.size()) {
          return Status::InvalidInput(
              "corrupt gzip data: unexpected end of data (truncated file?)");
        }
        if (produced == 0 && z.avail_in == avail_in_before) {
          return Corrupt(z, "decompression made no progress");
        }
        break;
      case Z_MEM_ERROR:
        return Status::IoError("out of memory while decompressing gzip data");
      case Z_NEED_DICT:
        return Status::InvalidInput("corrupt gzip data: stream needs a preset dictionary");
      default:  // Z_DATA_ERROR, Z_STREAM_ERROR
        return Corrupt(z, "invalid compressed data");
    }
  }
}

}  // namespace ingest_internal
Result<std::string> GunzipBytes(std::string_view compressed, size_t max_bytes) {
  return ingest_internal::Gunzip(compressed, max_bytes);
}

}  // namespace parallax
