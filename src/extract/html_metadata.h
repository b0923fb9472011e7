// Page metadata for ExtractHtml: title, site name, canonical URL, published
// date, byline and language, read from <meta> tags, JSON-LD and the few
// elements html_extract.cc captures while it selects the main text. Each
// field takes the first source that has it, declared metadata (meta tags,
// JSON-LD) before visible markup; a date or language that does not parse is
// left empty rather than guessed.
// Private to src/extract.
#ifndef PARALLAX_EXTRACT_HTML_METADATA_H_
#define PARALLAX_EXTRACT_HTML_METADATA_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/html_tokenizer.h"
#include "parallax/article.h"

namespace parallax {

// --- Text helpers shared with html_extract.cc --------------------------------

// Appends `text` to `out` with runs of white space (including no-break
// spaces) collapsed to one space and no space at the start. `pending_space`
// carries a space seen at the end of one call over to the next, so a text
// split across tokens collapses as if it were whole. Returns the bytes added.
size_t AppendCollapsed(std::string_view text, bool& pending_space, std::string& out);

// `text` with white space collapsed as by AppendCollapsed, trimmed at both ends.
std::string CollapseWhiteSpace(std::string_view text);

// `text` with ASCII letters lower-cased; other bytes (UTF-8 included) unchanged.
std::string LowerAscii(std::string_view text);

// True when the space-separated list `words` (a rel, itemprop... value)
// contains `wanted` as a whole word. Case-sensitive.
bool HasWord(std::string_view words, std::string_view wanted);

// --- Reading ------------------------------------------------------------------

// What the page's <head>-style markup says about itself.
struct PageMetadata {
  std::unordered_map<std::string, std::string> meta;  // lower-cased key -> first content
  std::vector<std::string> json_ld;                   // text of each ld+json script
  std::string html_lang;                              // <html lang>
  std::string title_tag;                              // <title>, white space collapsed
  std::string canonical;                              // <link rel=canonical href>
};

// Records what a start tag says about the page: <html lang>, the first
// <link rel=canonical>, and every <meta content> under each of its property,
// name, itemprop and http-equiv keys (the first value of a key wins). Tags
// that carry no metadata are ignored, so every start tag may be passed.
void ReadMetadataTag(const html::Token& start_tag, PageMetadata& metadata);

// The fields of the page's article-typed JSON-LD objects; for each field the
// first script and object that has it wins. Empty when absent.
struct JsonLdArticle {
  std::string headline, date_published, author, publisher;
  std::string body;  // articleBody: plain text or markup
};

// Reads the JSON-LD scripts in page order, looking at article-typed objects
// at the top level, in a top-level list, or in "@graph". Invalid JSON is
// simply no metadata.
JsonLdArticle ReadJsonLdArticle(const std::vector<std::string>& scripts);

// --- Filling the Article ------------------------------------------------------

// Metadata that only the element tree can locate; html_extract.cc finds it.
struct MarkupClues {
  std::string_view h1;      // text of the first <h1>
  std::string_view author;  // text of the first rel=author or itemprop=author element
  std::string_view byline;  // text of the first element whose class or id says "byline"
  // datetime of each <time> that belongs to the article, in page order.
  std::vector<std::string_view> article_times;
};

// Sets article.site_name, title, url, published (and published_source),
// byline and language, each from the first source that has it; fields no
// source gives stay empty. Leaves the paragraphs alone.
void FillMetadata(const PageMetadata& metadata, const JsonLdArticle& ld, const MarkupClues& clues,
                  Article& article);

}  // namespace parallax

#endif  // PARALLAX_EXTRACT_HTML_METADATA_H_
