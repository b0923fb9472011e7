// DecodeToUtf8: bytes as found -> UTF-8.
//
// Text files must already be UTF-8 (or UTF-16 with a BOM); anything else is
// reported with the offending byte. HTML pages follow the browser's rules in
// a simplified form: BOM, then a charset declared in the first 4 KB, then
// "UTF-8 if it validates (or nearly: a few stray bytes among many UTF-8
// sequences are replaced), else windows-1252", so an HTML page never fails
// for its encoding. Legacy encodings are converted with glibc's iconv.
#include <iconv.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "extract/charset.h"
#include "extract/html_tokenizer.h"
#include "parallax/extract.h"

namespace parallax {
namespace {

constexpr size_t kDeclarationWindow = 4096;  // where a <meta charset> counts
constexpr size_t kBinaryWindow = 8192;       // what the binary check looks at

std::string Hex(uint8_t byte) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  return {'0', 'x', kDigits[byte >> 4], kDigits[byte & 0xF]};
}

// Length of the well-formed UTF-8 sequence at bytes[at] (RFC 3629: no
// overlongs, no surrogates, nothing above U+10FFFF), or 0.
size_t Utf8SequenceLength(std::string_view bytes, size_t at) {
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(bytes[i]); };
  const uint8_t lead = byte(at);
  if (lead < 0x80) return 1;
  size_t length = 0;
  uint8_t low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (bytes.size() - at < length || byte(at + 1) < low || byte(at + 1) > high) return 0;
  for (size_t i = 2; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return 0;
  }
  return length;
}

// Offset of the first byte that does not start a well-formed sequence, or npos.
// Length of the run of ASCII bytes starting at `pos`, checked eight at a time.
size_t AsciiRunEnd(std::string_view bytes, size_t pos) {
  constexpr uint64_t kHighBits = 0x8080808080808080ull;
  while (pos + 8 <= bytes.size()) {
    uint64_t word;
    std::memcpy(&word, bytes.data() + pos, 8);
    if ((word & kHighBits) != 0) break;
    pos += 8;
  }
  while (pos < bytes.size() && static_cast<uint8_t>(bytes[pos]) < 0x80) ++pos;
  return pos;
}

size_t FindInvalidUtf8Byte(std::string_view bytes) {
  size_t pos = 0;
  while (pos < bytes.size()) {
    pos = AsciiRunEnd(bytes, pos);
    if (pos == bytes.size()) break;
    const size_t length = Utf8SequenceLength(bytes, pos);
    if (length == 0) return pos;
    pos += length;
  }
  return std::string_view::npos;
}

bool HasNonAscii(std::string_view bytes) { return AsciiRunEnd(bytes, 0) != bytes.size(); }

// An undeclared page that is UTF-8 but for a few stray bytes (a character
// pasted from a legacy editor) is UTF-8 with those bytes replaced, not
// windows-1252 throughout: legacy text almost never forms well-formed
// multi-byte sequences (an accented capital followed by a byte of
// 0x80-0xBF), while a UTF-8 page forms one for every curly quote. At least
// this many well-formed sequences per stray byte is "nearly all UTF-8".
constexpr size_t kUtf8SequencesPerStrayByte = 2;

bool MostlyUtf8(std::string_view bytes) {
  size_t sequences = 0, stray = 0;
  for (size_t pos = AsciiRunEnd(bytes, 0); pos < bytes.size(); pos = AsciiRunEnd(bytes, pos)) {
    const size_t length = Utf8SequenceLength(bytes, pos);
    if (length == 0) {
      ++stray;
      ++pos;
    } else {
      ++sequences;
      pos += length;
    }
  }
  return stray > 0 && sequences >= kUtf8SequencesPerStrayByte * stray;
}

// Git's test plus a density check: a NUL early on, or many control
// characters, means this is not text in any 8-bit encoding.
Status CheckNotBinary(std::string_view bytes, size_t offset_base) {
  const std::string_view sample = bytes.substr(0, kBinaryWindow);
  const size_t nul = sample.find('\0');
  if (nul != std::string_view::npos) {
    return Status::InvalidInput("binary data, not text (NUL byte at offset " +
                                std::to_string(nul + offset_base) + ")");
  }
  size_t controls = 0;
  for (char c : sample) {
    const uint8_t byte = static_cast<uint8_t>(c);
    if ((byte < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || byte == 0x7F) {
      ++controls;
    }
  }
  if (controls * 10 > sample.size()) {
    return Status::InvalidInput("binary data, not text (" +
                                std::to_string(controls * 100 / sample.size()) +
                                "% control characters)");
  }
  return Status::Ok();
}

std::string Utf16ToUtf8(std::string_view bytes, bool big_endian) {
  std::string out;
  out.reserve(bytes.size());
  const auto unit = [&](size_t i) -> char32_t {
    const uint8_t a = static_cast<uint8_t>(bytes[i]), b = static_cast<uint8_t>(bytes[i + 1]);
    return big_endian ? (a << 8 | b) : (b << 8 | a);
  };
  size_t pos = 0;
  for (; pos + 1 < bytes.size(); pos += 2) {
    char32_t cp = unit(pos);
    if (cp >= 0xD800 && cp <= 0xDBFF && pos + 3 < bytes.size()) {
      const char32_t low = unit(pos + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        pos += 2;
      }
    }
    html::AppendCodePoint(cp, out);  // a lone surrogate becomes U+FFFD
  }
  if (pos < bytes.size()) html::AppendCodePoint(0xFFFD, out);  // odd trailing byte
  return out;
}

std::string Windows1252ToUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 4);
  for (char c : bytes)
    html::AppendCodePoint(html::Windows1252CodePoint(static_cast<uint8_t>(c)), out);
  return out;
}

std::string ReplaceInvalidUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  html::AppendValidUtf8(bytes, out);
  return out;
}

// iconv with replacement: an undecodable byte becomes U+FFFD and decoding
// goes on. False when iconv does not know `charset`.
bool ConvertWithIconv(std::string_view bytes, const std::string& charset, std::string& out) {
  iconv_t converter = iconv_open("UTF-8", charset.c_str());
  if (converter == reinterpret_cast<iconv_t>(-1)) return false;
  std::string converted;
  char buffer[16384];
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  while (true) {
    char* buffer_end = buffer;
    size_t buffer_left = sizeof(buffer);
    const bool finishing = in_left == 0;
    // With no input left, one more call flushes a stateful encoding.
    const size_t result = finishing ? iconv(converter, nullptr, nullptr, &buffer_end, &buffer_left)
                                    : iconv(converter, &in, &in_left, &buffer_end, &buffer_left);
    const int error = errno;
    converted.append(buffer, buffer_end - buffer);
    if (result != static_cast<size_t>(-1)) {
      if (finishing) break;
      continue;
    }
    if (error == E2BIG) continue;
    converted += "\xEF\xBF\xBD";
    if (error == EINVAL || in_left == 0) break;  // truncated sequence at the end
    ++in;  // EILSEQ: skip one byte and start again from a clean state
    --in_left;
    iconv(converter, nullptr, nullptr, nullptr, nullptr);
  }
  iconv_close(converter);
  out = ReplaceInvalidUtf8(converted);  // iconv passes NUL bytes through
  return true;
}

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return out;
}

// "text/html; charset=Shift_JIS" -> "shift_jis".
std::string CharsetFromContentType(std::string_view content) {
  const std::string lower = LowerAscii(content);
  size_t pos = lower.find("charset");
  if (pos == std::string::npos) return "";
  pos = lower.find_first_not_of(" \t", pos + 7);
  if (pos == std::string::npos || lower[pos] != '=') return "";
  pos = lower.find_first_not_of(" \t\"'", pos + 1);
  if (pos == std::string::npos) return "";
  const size_t end = lower.find_first_of(" \t;\"'", pos);
  return lower.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
}

// The charset named by <meta charset>, <meta http-equiv=content-type> or an
// XML declaration in the first 4 KB, lower-cased; "" when there is none.
std::string DeclaredCharset(std::string_view bytes) {
  html::Tokenizer tokenizer(bytes.substr(0, kDeclarationWindow));
  html::Token token;
  while (tokenizer.Next(token)) {
    if (token.type == html::TokenType::kComment && token.text.starts_with("?xml")) {
      const size_t encoding = token.text.find("encoding");
      if (encoding != std::string::npos) {
        const std::string label =
            CharsetFromContentType("charset" + token.text.substr(encoding + 8));
        if (!label.empty()) return label;
      }
    }
    if (token.type != html::TokenType::kStartTag || token.name != "meta") continue;
    if (const std::string* charset = token.FindAttribute("charset")) {
      const std::string label = CharsetFromContentType("charset=" + *charset);
      if (!label.empty()) return label;
    }
    const std::string* http_equiv = token.FindAttribute("http-equiv");
    const std::string* content = token.FindAttribute("content");
    if (http_equiv != nullptr && content != nullptr && LowerAscii(*http_equiv) == "content-type") {
      const std::string label = CharsetFromContentType(*content);
      if (!label.empty()) return label;
    }
  }
  return "";
}

// Maps a declared label to what we decode with: "utf-8", "windows-1252", or
// an iconv name. WHATWG aliases apply: latin1 and ascii mean windows-1252,
// gb2312 means gb18030, shift_jis means Microsoft's variant; a UTF-16 label
// inside an 8-bit page can only be wrong, so it means UTF-8.
std::string DecoderFor(const std::string& label) {
  struct Alias {
    std::string_view label, decoder;
  };
  static constexpr Alias kAliases[] = {
      {"utf8", "utf-8"},
      {"unicode-1-1-utf-8", "utf-8"},
      {"utf-16", "utf-8"},
      {"utf-16le", "utf-8"},
      {"utf-16be", "utf-8"},
      {"unicode", "utf-8"},
      {"iso-8859-1", "windows-1252"},
      {"iso8859-1", "windows-1252"},
      {"iso_8859-1", "windows-1252"},
      {"latin1", "windows-1252"},
      {"l1", "windows-1252"},
      {"ascii", "windows-1252"},
      {"us-ascii", "windows-1252"},
      {"cp1252", "windows-1252"},
      {"x-cp1252", "windows-1252"},
      {"cp819", "windows-1252"},
      {"ibm819", "windows-1252"},
      {"gb2312", "GB18030"},
      {"gbk", "GB18030"},
      {"x-gbk", "GB18030"},
      {"cp936", "GB18030"},
      {"chinese", "GB18030"},
      {"csgb2312", "GB18030"},
      {"shift_jis", "CP932"},
      {"shift-jis", "CP932"},
      {"sjis", "CP932"},
      {"x-sjis", "CP932"},
      {"ms_kanji", "CP932"},
      {"ms932", "CP932"},
      {"windows-31j", "CP932"},
      {"csshiftjis", "CP932"},
      {"euc-kr", "CP949"},
      {"ks_c_5601-1987", "CP949"},
      {"windows-949", "CP949"},
      {"korean", "CP949"},
      {"big5", "BIG5-HKSCS"},
      {"x-x-big5", "BIG5-HKSCS"},
      {"iso-8859-9", "WINDOWS-1254"},
      {"latin5", "WINDOWS-1254"},
      {"iso-8859-11", "WINDOWS-874"},
      {"tis-620", "WINDOWS-874"},
  };
  if (label.empty() || label == "utf-8" || label == "windows-1252") return label;
  for (const Alias& alias : kAliases) {
    if (alias.label == label) return std::string(alias.decoder);
  }
  // Anything else goes to iconv by name (koi8-r, windows-1251, iso-8859-2,
  // euc-jp...), but only plain names: never paths or option suffixes.
  if (label.size() > 40) return "";
  for (char c : label) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!plain) return "";
  }
  std::string upper = label;
  for (char& c : upper) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
  return upper;
}

// The decoder for a page: the HTTP header's charset outranks the page's own
// declaration (as in browsers: the server knows what it sent, the page was
// perhaps saved elsewhere); a label nobody knows counts as none.
std::string PageDecoder(std::string_view bytes, const std::string& http_charset) {
  if (!http_charset.empty()) {
    std::string decoder = DecoderFor(LowerAscii(http_charset));
    if (decoder == "utf-8" || decoder == "windows-1252") return decoder;
    if (!decoder.empty()) {
      const iconv_t converter = iconv_open("UTF-8", decoder.c_str());
      if (converter != reinterpret_cast<iconv_t>(-1)) {
        iconv_close(converter);
        return decoder;
      }
    }
  }
  return DecoderFor(DeclaredCharset(bytes));
}

// True when an HTML page's bytes are its UTF-8 text as they stand.
bool HtmlIsUtf8AsItStands(std::string_view bytes, const std::string& http_charset, std::string& decoder) {
  const bool valid_utf8 = FindInvalidUtf8Byte(bytes) == std::string_view::npos;
  decoder = PageDecoder(bytes, http_charset);
  // A page that validates as UTF-8 and has non-ASCII bytes is UTF-8 whatever
  // it declares: legacy text almost never validates by chance, while pages
  // re-encoded to UTF-8 with a stale declaration are common.
  return valid_utf8 && (decoder.empty() || decoder == "utf-8" || HasNonAscii(bytes));
}

std::string DecodeHtml(std::string_view bytes, const std::string& http_charset) {
  std::string decoder;
  if (HtmlIsUtf8AsItStands(bytes, http_charset, decoder)) return std::string(bytes);
  if (decoder == "utf-8" || (decoder.empty() && MostlyUtf8(bytes))) return ReplaceInvalidUtf8(bytes);
  std::string out;
  if (!decoder.empty() && decoder != "windows-1252" && ConvertWithIconv(bytes, decoder, out)) {
    return out;
  }
  return ReplaceInvalidUtf8(Windows1252ToUtf8(bytes));
}

}  // namespace

// The shared pieces (extract/charset.h), over the helpers above.
namespace charset {

Status CheckNotBinary(std::string_view bytes) { return parallax::CheckNotBinary(bytes, 0); }
size_t FindInvalidUtf8Byte(std::string_view bytes) { return parallax::FindInvalidUtf8Byte(bytes); }
bool HasNonAscii(std::string_view bytes) { return parallax::HasNonAscii(bytes); }
bool MostlyUtf8(std::string_view bytes) { return parallax::MostlyUtf8(bytes); }
std::string CharsetFromContentType(std::string_view content_type) {
  return parallax::CharsetFromContentType(content_type);
}

std::string DecoderForLabel(std::string_view label) {
  while (!label.empty() && (label.front() == ' ' || label.front() == '\t')) label.remove_prefix(1);
  while (!label.empty() && (label.back() == ' ' || label.back() == '\t')) label.remove_suffix(1);
  return DecoderFor(LowerAscii(label));
}

std::string ConvertToUtf8(std::string_view bytes, const std::string& decoder, std::string& used) {
  used = decoder;
  if (decoder == "utf-8") return ReplaceInvalidUtf8(bytes);
  std::string out;
  if (decoder != "windows-1252" && !decoder.empty() && ConvertWithIconv(bytes, decoder, out)) {
    return out;
  }
  used = "windows-1252";
  return ReplaceInvalidUtf8(Windows1252ToUtf8(bytes));
}

std::string Utf16ToUtf8(std::string_view bytes, bool big_endian) {
  return parallax::Utf16ToUtf8(bytes, big_endian);
}

}  // namespace charset

Result<std::string> DecodeToUtf8(const RawDocument& raw) {
  std::string_view bytes = raw.bytes;
  if (bytes.starts_with("\xFE\xFF") || bytes.starts_with("\xFF\xFE")) {
    std::string text = Utf16ToUtf8(bytes.substr(2), bytes[0] == '\xFE');
    if (Status status = CheckNotBinary(text, 0); !status.ok()) return status;
    return text;
  }
  const bool utf8_bom = bytes.starts_with("\xEF\xBB\xBF");
  const size_t offset_base = utf8_bom ? 3 : 0;
  bytes.remove_prefix(offset_base);
  if (Status status = CheckNotBinary(bytes, offset_base); !status.ok()) return status;
  if (raw.media_type == MediaType::kHtml) {
    return utf8_bom ? ReplaceInvalidUtf8(bytes) : DecodeHtml(bytes, raw.http_charset);
  }
  const size_t invalid = FindInvalidUtf8Byte(bytes);
  if (invalid != std::string_view::npos) {
    return Status::InvalidInput("invalid UTF-8 at byte " + std::to_string(invalid + offset_base) +
                                " (" + Hex(static_cast<uint8_t>(bytes[invalid])) + ")");
  }
  return std::string(bytes);
}

Result<std::string> DecodeToUtf8(RawDocument&& raw) {
  // The common case, a UTF-8 page or text without a BOM, hands the bytes
  // over instead of copying them; everything else takes the general path.
  const std::string_view bytes = raw.bytes;
  if (!bytes.starts_with("\xEF\xBB\xBF") && !bytes.starts_with("\xFE\xFF") &&
      !bytes.starts_with("\xFF\xFE") && CheckNotBinary(bytes, 0).ok()) {
    std::string decoder;
    const bool as_it_stands = raw.media_type == MediaType::kHtml
                                  ? HtmlIsUtf8AsItStands(bytes, raw.http_charset, decoder)
                                  : FindInvalidUtf8Byte(bytes) == std::string_view::npos;
    if (as_it_stands) return std::move(raw.bytes);
  }
  return DecodeToUtf8(static_cast<const RawDocument&>(raw));
}

}  // namespace parallax
