// A streaming HTML tokenizer, written for text extraction (no DOM).
//
// It follows the WHATWG tokenizer where that matters for getting text out of
// real pages: tag, attribute and comment syntax, raw-text elements (script,
// style, ...), character references and the odd corners (<!DOCTYPE>, bogus
// comments, unterminated comments and scripts). It builds no tree; the caller
// keeps whatever stack it needs.
//
//   html::Tokenizer tokenizer(page);
//   html::Token token;
//   while (tokenizer.Next(token)) { ... token.type, token.name, token.text ... }
//
// Guarantees, for any input bytes: linear time, no recursion, memory bounded
// by the size of the current token, and every string in a token is valid
// UTF-8 (NUL bytes and invalid UTF-8 become U+FFFD).
#ifndef PARALLAX_EXTRACT_HTML_TOKENIZER_H_
#define PARALLAX_EXTRACT_HTML_TOKENIZER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parallax::html {

struct Attribute {
  std::string name;   // ASCII lower-cased
  std::string value;  // character references decoded
};

enum class TokenType {
  kStartTag,  // name, attributes, self_closing
  kEndTag,    // name
  kText,      // text: character references decoded (raw for script/style)
  kComment,   // text: the comment's data (also bogus comments, <![CDATA[...>)
  kDoctype,   // text: everything after "<!DOCTYPE"
};

struct Token {
  TokenType type = TokenType::kText;
  std::string name;  // tag name, ASCII lower-cased
  std::vector<Attribute> attributes;
  bool self_closing = false;
  std::string text;

  // The value of attribute `name` (lower-case), or nullptr.
  const std::string* FindAttribute(std::string_view name) const;
};

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view html) : in_(html) {}

  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  // Overwrites `token` with the next token; false at the end of the input.
  bool Next(Token& token);

  // Byte offset of the next unread input byte.
  size_t position() const { return pos_; }

  // Keeps only the attributes whose (lower-case) name `wanted` accepts;
  // the others are still parsed, so tokens end in the same place, but
  // their values are neither decoded nor stored. Pages carry long values
  // nobody reads (srcset, data-*, inline JSON); skipping them is the
  // single largest saving of the extractor. nullptr keeps everything.
  using AttributeFilter = bool (*)(std::string_view lower_name);
  void set_attribute_filter(AttributeFilter wanted) { wanted_ = wanted; }

  // When set, the text token of a <style> or of a <script> that is not a
  // data block (no "json" in its type) comes out empty: readers of the
  // page's text never look at code, and copying it is a fifth of the work.
  // JSON and JSON-LD scripts keep their text.
  void set_skip_code_text(bool skip) { skip_code_text_ = skip; }

 private:
  bool ReadMarkup(Token& token);
  void ReadText(Token& token);
  void ReadRawText(Token& token);
  bool ReadTag(Token& token, bool end_tag);
  bool ReadAttributes(Token& token);
  // Reads a value into `value`, or only skips it when `value` is nullptr.
  bool ReadAttributeValue(std::string* value);
  void ReadComment(Token& token);
  void ReadBogusComment(Token& token, size_t data_begin);
  bool StartsMarkup(size_t at) const;
  size_t FindRawTextEnd() const;

  std::string_view in_;
  size_t pos_ = 0;
  // While inside a raw-text element (script, style, title...): its name, so
  // that only "</name" ends it; empty otherwise.
  std::string raw_text_end_;
  bool raw_text_decodes_references_ = false;
  static bool IsCodeWithoutData(const Token& start_tag);

  AttributeFilter wanted_ = nullptr;
  bool skip_code_text_ = false;
  bool raw_text_skipped_ = false;
  std::string name_scratch_;  // reused for every attribute name
};

// True for elements whose content the tokenizer returns as one text token
// instead of parsing markup inside it (script, style, title, textarea,
// noscript, template, xmp, iframe, noembed, noframes, plaintext).
bool IsRawTextElement(std::string_view name);

// Appends the UTF-8 encoding of `code_point` (U+FFFD for surrogates and
// values above U+10FFFF).
void AppendCodePoint(char32_t code_point, std::string& out);

// Appends `bytes`, replacing each invalid UTF-8 byte and each NUL with U+FFFD.
void AppendValidUtf8(std::string_view bytes, std::string& out);

// Decodes character references (&amp; &#233; &eacute; ...) in `text` as in
// HTML text content, appending the result to `out`.
void AppendDecodedText(std::string_view text, std::string& out);

// The Unicode code point of a windows-1252 byte (what HTML also uses for the
// numeric references &#128; to &#159;). Bytes below 0x80 map to themselves.
char32_t Windows1252CodePoint(uint8_t byte);

}  // namespace parallax::html

#endif  // PARALLAX_EXTRACT_HTML_TOKENIZER_H_
