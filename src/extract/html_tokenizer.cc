#include "extract/html_tokenizer.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "extract/named_references.h"

namespace parallax::html {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }
char ToLowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// HTML's white space inside tags: tab, line feed, form feed, carriage return, space.
bool IsTagSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool StartsWithNoCase(std::string_view text, size_t at, std::string_view prefix) {
  if (text.size() - std::min(at, text.size()) < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (ToLowerAscii(text[at + i]) != ToLowerAscii(prefix[i])) return false;
  }
  return true;
}

char32_t NumericReferenceCodePoint(uint32_t value) {
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return kReplacement;
  // HTML reads &#128;..&#159; as windows-1252, as pages written on Windows meant.
  if (value >= 0x80 && value <= 0x9F) return Windows1252CodePoint(static_cast<uint8_t>(value));
  return value;
}

int HexDigitValue(char c) {
  if (IsAsciiDigit(c)) return c - '0';
  c = ToLowerAscii(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// "&#233;", "&#xE9;" at text[at] == '&': appends the character and returns the
// bytes consumed, or 0 when there are no digits (then '&' is literal).
size_t DecodeNumericReference(std::string_view text, size_t at, std::string& out) {
  size_t pos = at + 2;  // after "&#"
  const bool hex = pos < text.size() && (text[pos] == 'x' || text[pos] == 'X');
  if (hex) ++pos;
  const size_t digits_begin = pos;
  uint32_t value = 0;
  while (pos < text.size()) {
    const int digit =
        hex ? HexDigitValue(text[pos]) : (IsAsciiDigit(text[pos]) ? text[pos] - '0' : -1);
    if (digit < 0) break;
    // Saturate instead of overflowing: anything above U+10FFFF is invalid anyway.
    value = std::min<uint32_t>(value * (hex ? 16 : 10) + digit, 0x110000);
    ++pos;
  }
  if (pos == digits_begin) return 0;
  if (pos < text.size() && text[pos] == ';') ++pos;
  AppendCodePoint(NumericReferenceCodePoint(value), out);
  return pos - at;
}

// "&eacute;" or legacy "&eacute" at text[at] == '&' (the whole WHATWG
// table, extract/named_references.h). Inside attribute values a
// legacy name followed by an alphanumeric or '=' stays literal, so URLs such
// as "?a=1&copy=2" survive.
size_t DecodeNamedReference(std::string_view text, size_t at, bool in_attribute, std::string& out) {
  const size_t name_begin = at + 1;
  size_t name_end = name_begin;
  while (name_end < text.size() && name_end - name_begin < kLongestReferenceName + 1 &&
         IsAsciiAlnum(text[name_end])) {
    ++name_end;
  }
  const std::string_view name = text.substr(name_begin, name_end - name_begin);
  if (name.empty()) return 0;
  auto append = [&](const NamedReference& ref) {
    AppendCodePoint(ref.first, out);
    if (ref.second != 0) AppendCodePoint(ref.second, out);
  };
  if (name_end < text.size() && text[name_end] == ';') {
    if (const NamedReference* ref = FindNamedReference(name, /*legacy_only=*/false)) {
      append(*ref);
      return name_end + 1 - at;
    }
  }
  // The longest legacy name that starts the text: "&notit" is "¬it".
  for (size_t length = std::min(name.size(), kLongestLegacyReferenceName); length >= 2; --length) {
    const NamedReference* ref = FindNamedReference(name.substr(0, length), /*legacy_only=*/true);
    if (ref == nullptr) continue;
    const size_t next = name_begin + length;
    if (in_attribute && next < text.size() && (IsAsciiAlnum(text[next]) || text[next] == '=')) {
      return 0;
    }
    append(*ref);
    return length + 1;
  }
  return 0;
}

void AppendDecoded(std::string_view text, bool in_attribute, std::string& out) {
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t amp = text.find('&', pos);
    const size_t chunk_end = amp == std::string_view::npos ? text.size() : amp;
    AppendValidUtf8(text.substr(pos, chunk_end - pos), out);
    if (chunk_end == text.size()) return;
    size_t used = 0;
    if (amp + 1 < text.size() && text[amp + 1] == '#') {
      used = DecodeNumericReference(text, amp, out);
    } else {
      used = DecodeNamedReference(text, amp, in_attribute, out);
    }
    if (used == 0) {
      out.push_back('&');
      used = 1;
    }
    pos = amp + used;
  }
}

// Appends an ASCII-lower-cased tag or attribute name.
void AppendLowerName(std::string_view name, std::string& out) {
  const size_t begin = out.size();
  AppendValidUtf8(name, out);
  for (size_t i = begin; i < out.size(); ++i) out[i] = ToLowerAscii(out[i]);
}

// Length of the valid UTF-8 sequence starting at bytes[at], or 0 if invalid.
size_t ValidSequenceLength(std::string_view bytes, size_t at) {
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(bytes[i]); };
  const uint8_t lead = byte(at);
  size_t length = 0;
  uint8_t second_min = 0x80, second_max = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) second_min = 0xA0;  // overlong
    if (lead == 0xED) second_max = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) second_min = 0x90;  // overlong
    if (lead == 0xF4) second_max = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (at + length > bytes.size()) return 0;
  if (byte(at + 1) < second_min || byte(at + 1) > second_max) return 0;
  for (size_t i = 2; i < length; ++i) {
    if (byte(at + i) < 0x80 || byte(at + i) > 0xBF) return 0;
  }
  return length;
}

}  // namespace

const std::string* Token::FindAttribute(std::string_view attribute_name) const {
  for (const Attribute& attribute : attributes) {
    if (attribute.name == attribute_name) return &attribute.value;
  }
  return nullptr;
}

bool IsRawTextElement(std::string_view name) {
  static constexpr std::string_view kRawText[] = {
      "script", "style",  "title",   "textarea", "noscript",  "template",
      "xmp",    "iframe", "noembed", "noframes", "plaintext",
  };
  return std::find(std::begin(kRawText), std::end(kRawText), name) != std::end(kRawText);
}

void AppendCodePoint(char32_t cp, std::string& out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacement;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

void AppendValidUtf8(std::string_view bytes, std::string& out) {
  // Valid text is appended in runs as long as possible (one copy per run,
  // not per character); only a NUL or an invalid byte breaks a run and
  // becomes U+FFFD.
  constexpr uint64_t kHighBits = 0x8080808080808080ull;
  constexpr uint64_t kLowBits = 0x0101010101010101ull;
  size_t run_start = 0;
  size_t pos = 0;
  const auto flush_and_replace = [&](size_t bad) {
    out.append(bytes.data() + run_start, bad - run_start);
    AppendCodePoint(kReplacement, out);
    run_start = bad + 1;
  };
  while (pos < bytes.size()) {
    // Eight plain ASCII bytes (no high bit, no NUL) at a time.
    while (pos + 8 <= bytes.size()) {
      uint64_t word;
      std::memcpy(&word, bytes.data() + pos, 8);
      const bool has_zero = ((word - kLowBits) & ~word & kHighBits) != 0;
      if ((word & kHighBits) != 0 || has_zero) break;
      pos += 8;
    }
    if (pos >= bytes.size()) break;
    const uint8_t byte = static_cast<uint8_t>(bytes[pos]);
    if (byte == 0) {
      flush_and_replace(pos);
      ++pos;
    } else if (byte < 0x80) {
      ++pos;
    } else if (const size_t length = ValidSequenceLength(bytes, pos); length == 0) {
      flush_and_replace(pos);
      ++pos;
    } else {
      pos += length;
    }
  }
  out.append(bytes.data() + run_start, bytes.size() - run_start);
}

void AppendDecodedText(std::string_view text, std::string& out) {
  AppendDecoded(text, /*in_attribute=*/false, out);
}

char32_t Windows1252CodePoint(uint8_t byte) {
  // 0x80..0x9F differ from Latin-1; the five unassigned bytes map to C1
  // controls, as the WHATWG Encoding standard says.
  static constexpr char16_t kHigh[32] = {
      0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
  };
  if (byte >= 0x80 && byte <= 0x9F) return kHigh[byte - 0x80];
  return byte;
}

bool Tokenizer::Next(Token& token) {
  while (pos_ < in_.size()) {
    // Clearing keeps the strings' capacity: the next token reuses it.
    token.name.clear();
    token.attributes.clear();
    token.self_closing = false;
    token.text.clear();
    if (!raw_text_end_.empty()) {
      ReadRawText(token);
      if (!token.text.empty()) return true;
    } else if (in_[pos_] == '<' && StartsMarkup(pos_)) {
      if (ReadMarkup(token)) return true;  // else: markup that makes no token
    } else {
      ReadText(token);
      return true;
    }
  }
  return false;
}

// A '<' starts markup when followed by a letter, '!', '?' or '/' + anything;
// otherwise (as in "a < b") it is text.
bool Tokenizer::StartsMarkup(size_t at) const {
  if (at + 1 >= in_.size()) return false;
  const char next = in_[at + 1];
  if (IsAsciiAlpha(next) || next == '!' || next == '?') return true;
  return next == '/' && at + 2 < in_.size();
}

void Tokenizer::ReadText(Token& token) {
  size_t end = pos_ + 1;  // in_[pos_] is text even when it is a '<'
  while (true) {
    end = in_.find('<', end);
    if (end == std::string_view::npos) {
      end = in_.size();
      break;
    }
    if (StartsMarkup(end)) break;
    ++end;
  }
  token.type = TokenType::kText;
  AppendDecoded(in_.substr(pos_, end - pos_), /*in_attribute=*/false, token.text);
  pos_ = end;
}

// Position of the "</name" that closes the current raw-text element, or the
// end of the input (an unterminated <script> runs to the end).
size_t Tokenizer::FindRawTextEnd() const {
  if (raw_text_end_ == "plaintext") return in_.size();
  size_t at = pos_;
  while ((at = in_.find("</", at)) != std::string_view::npos) {
    const size_t after = at + 2 + raw_text_end_.size();
    if (StartsWithNoCase(in_, at + 2, raw_text_end_) &&
        (after >= in_.size() || IsTagSpace(in_[after]) || in_[after] == '/' || in_[after] == '>')) {
      return at;
    }
    at += 2;
  }
  return in_.size();
}

// A style sheet, or a script that is not a data block (JSON, JSON-LD).
bool Tokenizer::IsCodeWithoutData(const Token& start_tag) {
  if (start_tag.name == "style") return true;
  if (start_tag.name != "script") return false;
  const std::string* type = start_tag.FindAttribute("type");
  return type == nullptr || type->find("json") == std::string::npos;
}

void Tokenizer::ReadRawText(Token& token) {
  const size_t end = FindRawTextEnd();
  token.type = TokenType::kText;
  const std::string_view content = in_.substr(pos_, end - pos_);
  if (raw_text_skipped_) {
    // Left empty on purpose: see set_skip_code_text().
  } else if (raw_text_decodes_references_) {
    AppendDecoded(content, /*in_attribute=*/false, token.text);
  } else {
    AppendValidUtf8(content, token.text);
  }
  pos_ = end;
  raw_text_end_.clear();
}

bool Tokenizer::ReadMarkup(Token& token) {
  const char next = in_[pos_ + 1];
  if (IsAsciiAlpha(next)) return ReadTag(token, /*end_tag=*/false);
  if (next == '/') {
    if (IsAsciiAlpha(in_[pos_ + 2])) return ReadTag(token, /*end_tag=*/true);
    if (in_[pos_ + 2] == '>') {  // "</>" is dropped
      pos_ += 3;
      return false;
    }
    ReadBogusComment(token, pos_ + 2);
    return true;
  }
  if (next == '?') {  // "<?xml ...?>" and friends
    ReadBogusComment(token, pos_ + 1);
    return true;
  }
  // next == '!'
  if (StartsWithNoCase(in_, pos_ + 2, "--")) {
    ReadComment(token);
  } else if (StartsWithNoCase(in_, pos_ + 2, "doctype")) {
    ReadBogusComment(token, pos_ + 9);
    token.type = TokenType::kDoctype;
  } else {
    // Includes "<![CDATA[...]]>": outside SVG/MathML HTML reads it as a bogus
    // comment ending at the first '>'.
    ReadBogusComment(token, pos_ + 2);
  }
  return true;
}

bool Tokenizer::ReadTag(Token& token, bool end_tag) {
  size_t name_end = pos_ + (end_tag ? 2 : 1);
  const size_t name_begin = name_end;
  while (name_end < in_.size() && !IsTagSpace(in_[name_end]) && in_[name_end] != '/' &&
         in_[name_end] != '>') {
    ++name_end;
  }
  AppendLowerName(in_.substr(name_begin, name_end - name_begin), token.name);
  pos_ = name_end;
  if (!ReadAttributes(token)) {  // the input ends inside the tag: no token
    pos_ = in_.size();
    return false;
  }
  if (end_tag) {
    token.type = TokenType::kEndTag;
    token.attributes.clear();
    token.self_closing = false;
    return true;
  }
  token.type = TokenType::kStartTag;
  if (IsRawTextElement(token.name)) {
    raw_text_end_ = token.name;
    raw_text_decodes_references_ = token.name == "title" || token.name == "textarea";
    raw_text_skipped_ = skip_code_text_ && IsCodeWithoutData(token);
  }
  return true;
}

// Reads attributes up to and including the closing '>'. False when the input
// ends first (WHATWG drops such a tag).
bool Tokenizer::ReadAttributes(Token& token) {
  while (true) {
    while (pos_ < in_.size() && IsTagSpace(in_[pos_])) ++pos_;
    if (pos_ >= in_.size()) return false;
    if (in_[pos_] == '>') {
      ++pos_;
      return true;
    }
    if (in_[pos_] == '/') {
      ++pos_;
      if (pos_ < in_.size() && in_[pos_] == '>') {
        token.self_closing = true;
        ++pos_;
        return true;
      }
      continue;
    }
    // The first character of a name may be '=' ("<a =x>"), so always take it.
    const size_t name_begin = pos_++;
    while (pos_ < in_.size() && !IsTagSpace(in_[pos_]) && in_[pos_] != '/' && in_[pos_] != '>' &&
           in_[pos_] != '=') {
      ++pos_;
    }
    name_scratch_.clear();
    AppendLowerName(in_.substr(name_begin, pos_ - name_begin), name_scratch_);
    const bool keep = wanted_ == nullptr || wanted_(name_scratch_);
    Attribute attribute;
    if (keep) attribute.name = name_scratch_;
    while (pos_ < in_.size() && IsTagSpace(in_[pos_])) ++pos_;
    if (pos_ < in_.size() && in_[pos_] == '=') {
      ++pos_;
      if (!ReadAttributeValue(keep ? &attribute.value : nullptr)) return false;
    }
    // A repeated attribute is ignored: the first one wins.
    if (keep && token.FindAttribute(attribute.name) == nullptr) {
      token.attributes.push_back(std::move(attribute));
    }
  }
}

bool Tokenizer::ReadAttributeValue(std::string* value) {
  while (pos_ < in_.size() && IsTagSpace(in_[pos_])) ++pos_;
  if (pos_ >= in_.size()) return false;
  const char quote = in_[pos_];
  if (quote == '>') return true;  // "<a href=>": an empty value
  size_t begin = pos_, end = pos_;
  if (quote == '"' || quote == '\'') {
    begin = pos_ + 1;
    end = in_.find(quote, begin);
    if (end == std::string_view::npos) return false;
    pos_ = end + 1;
  } else {
    while (end < in_.size() && !IsTagSpace(in_[end]) && in_[end] != '>') ++end;
    if (end >= in_.size()) return false;
    pos_ = end;
  }
  if (value != nullptr) AppendDecoded(in_.substr(begin, end - begin), /*in_attribute=*/true, *value);
  return true;
}

// At "<!--". Ends at "-->" or "--!>"; "<!-->" and "<!--->" are empty
// comments; an unterminated comment runs to the end of the input.
void Tokenizer::ReadComment(Token& token) {
  token.type = TokenType::kComment;
  const size_t data_begin = pos_ + 4;
  if (data_begin < in_.size() && in_[data_begin] == '>') {
    pos_ = data_begin + 1;
    return;
  }
  if (StartsWithNoCase(in_, data_begin, "->")) {
    pos_ = data_begin + 2;
    return;
  }
  size_t search = data_begin;
  while (true) {
    const size_t dashes = in_.find("--", search);
    if (dashes == std::string_view::npos) {
      AppendValidUtf8(in_.substr(data_begin), token.text);
      pos_ = in_.size();
      return;
    }
    size_t close_length = 0;
    if (StartsWithNoCase(in_, dashes, "-->")) close_length = 3;
    if (StartsWithNoCase(in_, dashes, "--!>")) close_length = 4;
    if (close_length > 0) {
      AppendValidUtf8(in_.substr(data_begin, dashes - data_begin), token.text);
      pos_ = dashes + close_length;
      return;
    }
    search = dashes + 1;
  }
}

void Tokenizer::ReadBogusComment(Token& token, size_t data_begin) {
  token.type = TokenType::kComment;
  data_begin = std::min(data_begin, in_.size());
  size_t end = in_.find('>', data_begin);
  const bool closed = end != std::string_view::npos;
  if (!closed) end = in_.size();
  AppendValidUtf8(in_.substr(data_begin, end - data_begin), token.text);
  pos_ = closed ? end + 1 : end;
}

}  // namespace parallax::html
