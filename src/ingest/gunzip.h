// Internal to ingest: gzip decompression with a hard output limit.
#ifndef PARALLAX_INGEST_GUNZIP_H_
#define PARALLAX_INGEST_GUNZIP_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "parallax/status.h"

namespace parallax {
namespace ingest_internal {

// True when `bytes` starts with the gzip magic number (1f 8b).
bool HasGzipMagic(std::string_view bytes);

// "the limit of 1048576 bytes (1.0 MiB)": the wording of every TooLarge
// message, so the user sees which option to raise and by how much.
std::string DescribeLimit(size_t max_bytes);

// Decompresses a gzip stream (several concatenated members are allowed, as
// `gzip -c a >> f` makes them). The limit is checked after every output
// chunk, so a small "zip bomb" stops once `max_bytes` is passed instead of
// filling memory. Errors: TooLarge naming the limit, InvalidInput
// ("corrupt gzip data: ...") for damaged or truncated data.
Result<std::string> Gunzip(std::string_view compressed, size_t max_bytes);

}  // namespace ingest_internal
}  // namespace parallax

#endif  // PARALLAX_INGEST_GUNZIP_H_
