// UTF-8 decoding, validation and case folding.
#include <unicode/uchar.h>

#include <string>
#include <string_view>

#include "parallax/text.h"

namespace parallax {

namespace {

// Length of a UTF-8 sequence from its lead byte; 0 for a byte that cannot lead.
int SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// Decodes one sequence at text[pos]; returns its length, 0 when invalid
// (overlong forms, surrogates and code points above U+10FFFF are invalid).
int DecodeOne(std::string_view text, size_t pos, char32_t& cp) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  const size_t left = text.size() - pos;
  const int len = SequenceLength(s[0]);
  if (len == 0 || static_cast<size_t>(len) > left) return 0;
  if (len == 1) {
    cp = s[0];
    return 1;
  }
  for (int i = 1; i < len; ++i) {
    if ((s[i] & 0xC0) != 0x80) return 0;
  }
  if (len == 2) {
    cp = ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu);
  } else if (len == 3) {
    cp = ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  } else {
    cp = ((s[0] & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
    if (cp < 0x10000 || cp > 0x10FFFF) return 0;
  }
  return len;
}

}  // namespace

size_t FindInvalidUtf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    // Fast path: ASCII runs need no decoding.
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    char32_t cp;
    const int len = DecodeOne(text, pos, cp);
    if (len == 0) return pos;
    pos += len;
  }
  return std::string_view::npos;
}

char32_t DecodeUtf8(std::string_view text, size_t& pos) {
  char32_t cp = 0xFFFD;
  const int len = DecodeOne(text, pos, cp);
  if (len == 0) {
    ++pos;
    return 0xFFFD;
  }
  pos += len;
  return cp;
}

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string FoldCase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    // A run of ASCII at once: most words are nothing else.
    size_t ascii_end = pos;
    while (ascii_end < text.size() && static_cast<unsigned char>(text[ascii_end]) < 0x80) ++ascii_end;
    if (ascii_end > pos) {
      const size_t from = out.size();
      out.append(text.data() + pos, ascii_end - pos);
      for (size_t k = from; k < out.size(); ++k) {
        if (out[k] >= 'A' && out[k] <= 'Z') out[k] = static_cast<char>(out[k] + 32);
      }
      pos = ascii_end;
      continue;
    }
    char32_t cp = DecodeUtf8(text, pos);
    switch (cp) {
      case U'\u2018': case U'\u2019': case U'\u02BC': case U'\u2032':
        out += '\'';
        continue;
      case U'\u2010': case U'\u2011':
        out += '-';
        continue;
      default:
        break;
    }
    AppendUtf8(static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT)), out);
  }
  return out;
}

std::string EscapeControls(std::string_view text, bool escape_backslash) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    if (c >= 0x20 && c < 0x7F) {
      if (c == '\\' && escape_backslash) out += '\\';
      out += static_cast<char>(c);
      ++pos;
      continue;
    }
    if (c < 0x80) {
      out += c == '\t' ? "\\t" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : "";
      if (c != '\t' && c != '\n' && c != '\r') {
        out += "\\x";
        out += kHex[c >> 4];
        out += kHex[c & 15];
      }
      ++pos;
      continue;
    }
    char32_t cp = 0;
    const int len = DecodeOne(text, pos, cp);
    if (len == 0) {  // not UTF-8: the byte, visibly
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
      ++pos;
    } else if (cp >= 0x80 && cp <= 0x9F) {
      out += "\\u00";
      out += kHex[cp >> 4];
      out += kHex[cp & 15];
      pos += len;
    } else {
      out.append(text, pos, len);
      pos += len;
    }
  }
  return out;
}

}  // namespace parallax
