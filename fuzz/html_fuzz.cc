// libFuzzer target: arbitrary bytes through both paths of the HTML code.
//  1. DecodeToUtf8 (as HTML) -> ExtractHtml: the extractor's tokenizer mode
//     (attribute filter, code text skipped);
//  2. the complete tokenizer (every attribute, every raw text), the mode the
//     libxml2 oracle test compares;
//  3. the same bytes as a plain-text document through ExtractArticle.
// Besides crashes and sanitizer reports, it checks the contract every later
// stage relies on: text is valid UTF-8, paragraphs have no surrounding white
// space.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "extract/html_tokenizer.h"
#include "parallax/extract.h"

namespace {

bool IsValidUtf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    const uint8_t lead = static_cast<uint8_t>(text[pos]);
    size_t length = lead < 0x80   ? 1
                    : lead < 0xC2 ? 0
                    : lead < 0xE0 ? 2
                    : lead < 0xF0 ? 3
                    : lead < 0xF5 ? 4
                                  : 0;
    if (length == 0 || pos + length > text.size()) return false;
    for (size_t i = 1; i < length; ++i) {
      if ((static_cast<uint8_t>(text[pos + i]) & 0xC0) != 0x80) return false;
    }
    pos += length;
  }
  return true;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  parallax::RawDocument raw;
  raw.bytes.assign(reinterpret_cast<const char*>(data), size);
  raw.media_type = parallax::MediaType::kHtml;
  parallax::Result<std::string> decoded = parallax::DecodeToUtf8(raw);
  if (!decoded.ok()) return 0;
  if (!IsValidUtf8(*decoded)) std::abort();
  const parallax::Article article = parallax::ExtractHtml(*decoded);
  for (const parallax::Paragraph& paragraph : article.paragraphs) {
    const std::string& text = paragraph.text;
    if (text.empty() || !IsValidUtf8(text) || IsSpace(text.front()) || IsSpace(text.back())) {
      std::abort();
    }
  }
  for (const std::string* field : {&article.title, &article.byline, &article.site_name}) {
    if (!IsValidUtf8(*field)) std::abort();
  }

  parallax::html::Tokenizer tokenizer(*decoded);
  parallax::html::Token token;
  size_t last_position = 0;
  while (tokenizer.Next(token)) {
    if (!IsValidUtf8(token.text) || !IsValidUtf8(token.name)) std::abort();
    for (const parallax::html::Attribute& attribute : token.attributes) {
      if (!IsValidUtf8(attribute.name) || !IsValidUtf8(attribute.value)) std::abort();
    }
    // Every token consumes input: the loop always ends.
    if (tokenizer.position() < last_position) std::abort();
    last_position = tokenizer.position();
  }

  raw.bytes.assign(reinterpret_cast<const char*>(data), size);
  raw.media_type = parallax::MediaType::kText;
  const parallax::Result<parallax::Article> text = parallax::ExtractArticle(raw);
  if (text.ok()) {
    for (const parallax::Paragraph& paragraph : text->paragraphs) {
      if (!IsValidUtf8(paragraph.text)) std::abort();
    }
  }
  return 0;
}
