// The pieces of the extract stage's charset handling (charset.cc) that
// other readers of the stage share: the feed parser decodes XML with the
// same labels, aliases and converters as the HTML path. Private to the
// extract stage.
#ifndef PARALLAX_EXTRACT_CHARSET_H_
#define PARALLAX_EXTRACT_CHARSET_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "parallax/status.h"

namespace parallax::charset {

// An error when the first 8 KB hold a NUL byte or too many control
// characters to be text in any 8-bit encoding.
Status CheckNotBinary(std::string_view bytes);

// Offset of the first byte that does not start well-formed UTF-8, or npos.
size_t FindInvalidUtf8Byte(std::string_view bytes);
bool HasNonAscii(std::string_view bytes);
// Invalid, but with at least two well-formed multi-byte sequences per
// stray byte: UTF-8 with a few bytes pasted from elsewhere.
bool MostlyUtf8(std::string_view bytes);

// "text/xml; charset=ISO-8859-1" -> "iso-8859-1"; "" when none.
std::string CharsetFromContentType(std::string_view content_type);

// What a charset label ("ISO-8859-1", " utf8 ", "Shift_JIS") is decoded
// with: "utf-8", "windows-1252" or an iconv name; "" for an unusable label.
std::string DecoderForLabel(std::string_view label);

// `bytes` in `decoder` (from DecoderForLabel) as valid UTF-8; undecodable
// bytes become U+FFFD. An encoding iconv does not know falls back to
// windows-1252, and `used` says what was used.
std::string ConvertToUtf8(std::string_view bytes, const std::string& decoder, std::string& used);

// UTF-16 (without its BOM) as UTF-8.
std::string Utf16ToUtf8(std::string_view bytes, bool big_endian);

}  // namespace parallax::charset

#endif  // PARALLAX_EXTRACT_CHARSET_H_
