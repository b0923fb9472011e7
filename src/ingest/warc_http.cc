// ParseHttpResponse: a response record's block -> status, headers, body.
//
// Archives hold responses as they came over the wire, or nearly: some
// archivers de-chunk or inflate the body but keep the headers that
// announced chunks or compression. So each decoding is tried and the body
// taken as it is when it plainly was not encoded that way.
#include <brotli/decode.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/warc_internal.h"
#include "parallax/warc.h"

namespace parallax {

namespace {

// Inflated output grows by at most this much per step, so a "bomb" stops
// at the cap instead of filling memory.
constexpr size_t kOutputChunk = size_t{64} << 10;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string DescribeCap(size_t max_body) {
  char mib[32];
  std::snprintf(mib, sizeof mib, "%.1f", static_cast<double>(max_body) / (1 << 20));
  return "the limit of " + std::to_string(max_body) + " bytes (" + mib + " MiB)";
}

// --- Chunked transfer coding -------------------------------------------------

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// De-chunks `body` into `out`. False when the body is not chunked after all
// (a size line that is not one); a body cut short inside its chunks (a
// capture that stopped early) keeps what it has.
bool Dechunk(std::string_view body, std::string& out) {
  out.clear();
  size_t pos = 0;
  while (pos < body.size()) {
    uint64_t size = 0;
    size_t digits = 0;
    while (pos < body.size() && HexValue(body[pos]) >= 0) {
      if (++digits > 15) return false;
      size = size * 16 + static_cast<uint64_t>(HexValue(body[pos++]));
    }
    if (digits == 0) return false;
    // Chunk extensions (";name=value") and stray spaces up to the line end.
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
    if (pos < body.size() && body[pos] == ';') {
      while (pos < body.size() && body[pos] != '\n') ++pos;
    }
    if (pos < body.size() && body[pos] == '\r') ++pos;
    if (pos >= body.size()) return true;  // cut short after a size line
    if (body[pos] != '\n') return false;
    ++pos;
    if (size == 0) return true;  // the last chunk; trailers are not needed
    const size_t take = static_cast<size_t>(std::min<uint64_t>(size, body.size() - pos));
    out.append(body.substr(pos, take));
    pos += take;
    if (take < size) return true;  // cut short inside a chunk
    if (pos < body.size() && body[pos] == '\r') ++pos;
    if (pos < body.size()) {
      if (body[pos] != '\n') return false;
      ++pos;
    }
  }
  return true;
}

// --- Content codings ------------------------------------------------------------

enum class Decoded { kDone, kNotEncoded, kCorrupt, kTooLarge };

// zlib inflate of `in` with `window_bits` (gzip, zlib or raw deflate),
// output capped at `max_body`. Several gzip members in a row are inflated
// one after the other. Data that breaks off is kept as far as it goes.
Decoded Inflate(std::string_view in, int window_bits, size_t max_body, std::string& out) {
  z_stream z{};
  if (inflateInit2(&z, window_bits) != Z_OK) return Decoded::kCorrupt;
  out.clear();
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), UINT32_MAX));
  const size_t cap = max_body == SIZE_MAX ? max_body : max_body + 1;
  Decoded result = Decoded::kDone;
  while (true) {
    const size_t room = std::min(kOutputChunk, cap - out.size());
    const size_t old_size = out.size();
    out.resize(old_size + room);
    z.next_out = reinterpret_cast<Bytef*>(&out[old_size]);
    z.avail_out = static_cast<uInt>(room);
    const int ret = inflate(&z, Z_NO_FLUSH);
    out.resize(old_size + room - z.avail_out);
    if (out.size() > max_body) {
      result = Decoded::kTooLarge;
      break;
    }
    if (ret == Z_STREAM_END) {
      const bool another = window_bits > MAX_WBITS + 8 && z.avail_in >= 2 && z.next_in[0] == 0x1f &&
                           z.next_in[1] == 0x8b;
      if (!another || inflateReset(&z) != Z_OK) break;
      continue;
    }
    if (ret == Z_OK) continue;
    if (ret == Z_BUF_ERROR && z.avail_in == 0) break;  // cut short: keep what came
    result = out.empty() ? Decoded::kNotEncoded : Decoded::kCorrupt;
    break;
  }
  inflateEnd(&z);
  return result;
}

Decoded Gunzip(std::string_view in, size_t max_body, std::string& out) {
  if (in.size() < 2 || static_cast<unsigned char>(in[0]) != 0x1f || static_cast<unsigned char>(in[1]) != 0x8b) {
    return Decoded::kNotEncoded;
  }
  return Inflate(in, 16 + MAX_WBITS, max_body, out);
}

// "deflate" is meant to be zlib-wrapped (RFC 9110) but servers also send
// raw deflate: the zlib header's check bits tell them apart.
Decoded InflateDeflate(std::string_view in, size_t max_body, std::string& out) {
  const bool zlib_header = in.size() >= 2 && (static_cast<unsigned char>(in[0]) & 0x0F) == 8 &&
                           ((static_cast<unsigned char>(in[0]) << 8) | static_cast<unsigned char>(in[1])) % 31 == 0;
  return Inflate(in, zlib_header ? MAX_WBITS : -MAX_WBITS, max_body, out);
}

Decoded Unbrotli(std::string_view in, size_t max_body, std::string& out) {
  BrotliDecoderState* state = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
  if (state == nullptr) return Decoded::kCorrupt;
  out.clear();
  const auto* next_in = reinterpret_cast<const uint8_t*>(in.data());
  size_t avail_in = in.size();
  const size_t cap = max_body == SIZE_MAX ? max_body : max_body + 1;
  Decoded result = Decoded::kDone;
  while (true) {
    const size_t room = std::min(kOutputChunk, cap - out.size());
    const size_t old_size = out.size();
    out.resize(old_size + room);
    auto* next_out = reinterpret_cast<uint8_t*>(&out[old_size]);
    size_t avail_out = room;
    const BrotliDecoderResult ret =
        BrotliDecoderDecompressStream(state, &avail_in, &next_in, &avail_out, &next_out, nullptr);
    out.resize(old_size + room - avail_out);
    if (out.size() > max_body) {
      result = Decoded::kTooLarge;
      break;
    }
    if (ret == BROTLI_DECODER_RESULT_SUCCESS || ret == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) break;
    if (ret == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) continue;
    result = out.empty() ? Decoded::kNotEncoded : Decoded::kCorrupt;
    break;
  }
  BrotliDecoderDestroyInstance(state);
  return result;
}

bool LooksLikeMarkup(std::string_view body) {
  const size_t first = body.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && (body[first] == '<' || body[first] == '{');
}

// Undoes one content coding of `body` in place.
Status Decode(std::string_view coding, size_t max_body, std::string& body) {
  const std::string name = LowerCopy(Trim(coding));
  if (name.empty() || name == "identity" || name == "none") return Status::Ok();
  std::string out;
  Decoded result;
  if (name == "gzip" || name == "x-gzip") {
    result = Gunzip(body, max_body, out);
  } else if (name == "deflate") {
    result = InflateDeflate(body, max_body, out);
  } else if (name == "br") {
    result = Unbrotli(body, max_body, out);
  } else {
    return Status::InvalidInput("unsupported Content-Encoding \"" + name + "\"");
  }
  switch (result) {
    case Decoded::kDone:
      body = std::move(out);
      return Status::Ok();
    case Decoded::kNotEncoded:
      return Status::Ok();  // stored decoded already: taken as it is
    case Decoded::kTooLarge:
      return Status::TooLarge("the body inflates (" + name + ") to more than " + DescribeCap(max_body));
    case Decoded::kCorrupt:
      // Markup that fails to decode midway was never encoded: a brotli
      // decoder, having no magic number to check, may emit a few bytes of
      // a page before it notices.
      if (LooksLikeMarkup(body)) return Status::Ok();
      break;
  }
  return Status::InvalidInput("the " + name + " body is damaged after " + std::to_string(out.size()) +
                              " inflated bytes");
}

// "text/html; charset=UTF-8" -> ("text/html", "utf-8").
void SplitContentType(std::string_view value, std::string& media_type, std::string& charset) {
  const size_t semicolon = value.find(';');
  media_type = LowerCopy(Trim(value.substr(0, semicolon)));
  charset.clear();
  std::string_view params = semicolon == std::string_view::npos ? std::string_view() : value.substr(semicolon + 1);
  while (!params.empty()) {
    const size_t next = params.find(';');
    std::string_view param = Trim(params.substr(0, next));
    params.remove_prefix(next == std::string_view::npos ? params.size() : next + 1);
    const size_t equals = param.find('=');
    if (equals == std::string_view::npos || LowerCopy(Trim(param.substr(0, equals))) != "charset") continue;
    std::string_view label = Trim(param.substr(equals + 1));
    if (label.size() >= 2 && (label.front() == '"' || label.front() == '\'') && label.back() == label.front()) {
      label = label.substr(1, label.size() - 2);
    }
    charset = LowerCopy(Trim(label));
    return;
  }
}

bool ParseStatusLine(std::string_view line, int& status) {
  // "HTTP/1.1 200 OK", "HTTP/2 200", "HTTP/1.0 404" (no reason phrase).
  if (!line.starts_with("HTTP/")) return false;
  const size_t space = line.find(' ');
  if (space == std::string_view::npos) return false;
  std::string_view rest = line.substr(space + 1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.size() < 3) return false;
  status = 0;
  for (size_t i = 0; i < 3; ++i) {
    if (rest[i] < '0' || rest[i] > '9') return false;
    status = status * 10 + (rest[i] - '0');
  }
  return rest.size() == 3 || rest[3] == ' ' || rest[3] == '\t' || rest[3] == '\r';
}

}  // namespace

namespace ingest_internal {

Status ParseHttpHead(std::string_view block, HttpMessage& message, size_t& body_start) {
  // The head ends at the first empty line ("\r\n\r\n", or "\n\n" from
  // sloppy writers); a block without one is all head.
  size_t head_end = block.size();
  body_start = block.size();
  for (size_t nl = block.find('\n'); nl != std::string_view::npos; nl = block.find('\n', nl + 1)) {
    if (nl + 1 < block.size() && block[nl + 1] == '\n') {
      head_end = nl + 1;
      body_start = nl + 2;
      break;
    }
    if (nl + 2 < block.size() && block[nl + 1] == '\r' && block[nl + 2] == '\n') {
      head_end = nl + 1;
      body_start = nl + 3;
      break;
    }
  }
  std::string_view head = block.substr(0, head_end);
  const size_t first_eol = head.find('\n');
  const std::string_view status_line = Trim(head.substr(0, first_eol));
  if (!ParseStatusLine(status_line, message.status)) {
    return Status::InvalidInput("not an HTTP response (the block starts \"" +
                                std::string(status_line.substr(0, 40)) + "\")");
  }
  message.status_line.assign(status_line);
  head.remove_prefix(first_eol == std::string_view::npos ? head.size() : first_eol + 1);
  while (!head.empty()) {
    const size_t eol = head.find('\n');
    std::string_view line = head.substr(0, eol);
    head.remove_prefix(eol == std::string_view::npos ? head.size() : eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if ((line.front() == ' ' || line.front() == '\t') && !message.headers.empty()) {
      message.headers.back().second += ' ';
      message.headers.back().second.append(Trim(line));
      continue;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    message.headers.emplace_back(std::string(Trim(line.substr(0, colon))), std::string(Trim(line.substr(colon + 1))));
  }
  SplitContentType(FindHeader(message.headers, "Content-Type"), message.content_type, message.charset);
  return Status::Ok();
}

}  // namespace ingest_internal

Result<HttpMessage> ParseHttpResponse(std::string_view block, size_t max_body) {
  HttpMessage message;
  size_t body_start = 0;
  if (Status status = ingest_internal::ParseHttpHead(block, message, body_start); !status.ok()) return status;
  const std::string_view body = block.substr(body_start);
  if (body.size() > max_body) {
    return Status::TooLarge("the body of " + std::to_string(body.size()) + " bytes exceeds " + DescribeCap(max_body));
  }
  if (LowerCopy(FindHeader(message.headers, "Transfer-Encoding")).find("chunked") != std::string::npos &&
      Dechunk(body, message.body)) {
    // de-chunked into message.body
  } else {
    message.body.assign(body);
  }
  // Codings are listed in the order they were applied: undo the last first.
  const std::string_view encoding = FindHeader(message.headers, "Content-Encoding");
  std::vector<std::string_view> codings;
  for (size_t pos = 0; pos <= encoding.size();) {
    const size_t comma = std::min(encoding.find(',', pos), encoding.size());
    codings.push_back(encoding.substr(pos, comma - pos));
    pos = comma + 1;
  }
  for (auto it = codings.rbegin(); it != codings.rend(); ++it) {
    if (Status status = Decode(*it, max_body, message.body); !status.ok()) return status;
  }
  return message;
}

}  // namespace parallax
