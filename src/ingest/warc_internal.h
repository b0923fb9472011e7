// Internal to ingest: the head of an HTTP response alone, for a caller that
// decides from the headers whether the body is worth decoding.
#ifndef PARALLAX_INGEST_WARC_INTERNAL_H_
#define PARALLAX_INGEST_WARC_INTERNAL_H_

#include <cstddef>
#include <string_view>

#include "parallax/status.h"
#include "parallax/warc.h"

namespace parallax {
namespace ingest_internal {

// ParseHttpResponse without the body: status, status line, headers, content
// type and charset into `message`, and where the body starts in `block`.
Status ParseHttpHead(std::string_view block, HttpMessage& message, size_t& body_start);

}  // namespace ingest_internal
}  // namespace parallax

#endif  // PARALLAX_INGEST_WARC_INTERNAL_H_
