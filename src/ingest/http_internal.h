// Internal to ingest: the pieces of http.cc that are tested or shared on
// their own (the address check's wording, HTTP dates, response heads).
#ifndef PARALLAX_INGEST_HTTP_INTERNAL_H_
#define PARALLAX_INGEST_HTTP_INTERNAL_H_

#include <sys/socket.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "parallax/warc.h"

namespace parallax {
namespace ingest_internal {

// What kind of address `address` is when parallax must not connect to it
// without --allow-private ("a loopback address", "a cloud metadata
// address"), or nullptr when it is public.
const char* NonPublicAddressKind(const sockaddr* address);

// The numeric form of an IPv4 or IPv6 socket address ("127.0.0.1", "::1").
std::string NumericAddress(const sockaddr* address);

// ISO 8601 UTC ("2026-03-01T12:00:00Z") of a moment.
std::string IsoUtc(std::chrono::system_clock::time_point when);

// How long a Retry-After value asks us to wait: delta-seconds or an HTTP
// date (then counted from `now`; a date in the past is zero). Nothing when
// the value is neither.
std::optional<std::chrono::milliseconds> ParseRetryAfter(std::string_view value,
                                                         std::chrono::system_clock::time_point now);

// "OK", "Not Found"...: the reason phrase an HTTP/1.1 status line carries
// (HTTP/2 has none, and a WARC record needs one); "" when unknown.
const char* ReasonPhrase(int status);

// The response head as a WARC record of a decoded body should hold it:
// the status line as HTTP/1.1, and Content-Encoding, Transfer-Encoding and
// Content-Length replaced by the decoded body's length.
std::string WarcResponseHead(int status, std::string_view status_line, const HeaderList& headers,
                             size_t body_size);

}  // namespace ingest_internal
}  // namespace parallax

#endif  // PARALLAX_INGEST_HTTP_INTERNAL_H_
