// The documents that flow from ingest to analysis.
//
// RawDocument: bytes as they were found (ingest knows nothing about HTML).
// Article: the cleaned text of one report, as paragraphs, each with a role.
// Every later stage refers to text by (paragraph index, byte offsets) into
// Article::paragraphs, so reports always quote the exact source text.
#ifndef PARALLAX_ARTICLE_H_
#define PARALLAX_ARTICLE_H_

#include <string>
#include <vector>

#include "parallax/status.h"

namespace parallax {

// kText: plain text, cleaned of page debris. kHtml: a page, extracted.
// kArticleText: text somebody already chose as the article (a JSON lines
// record's "text"): split into paragraphs, nothing removed.
enum class MediaType { kText, kHtml, kArticleText };

// An input that could not be used, and why. Every stage that reports on
// inputs passes these along, so the user sees them next to the result.
struct LoadFailure {
  std::string source;
  Status status;
};

struct RawDocument {
  std::string source;        // file path, "-" for stdin, "FILE:LINE", "FILE#OFFSET", a URL
  std::string name;          // file name without directories and suffixes
  std::string bytes;         // decompressed bytes exactly as read
  MediaType media_type = MediaType::kText;
  std::string outlet_hint;   // from --outlet (or a record's "outlet"), empty when not given

  // What the source knew besides the bytes; empty when it did not say.
  std::string id;            // the name it asks to be stored under (a record's "id")
  std::string url;           // the address it was fetched from (after redirects)
  std::string content_type;  // HTTP Content-Type, as sent
  std::string http_charset;  // its charset parameter, lower case: outranks the page's own
  std::string fetched_at;    // ISO 8601 UTC, when it was fetched
  int http_status = 0;       // 0: not fetched over HTTP
  // Metadata a record gave with its text (kArticleText).
  std::string title;
  std::string published;
};

enum class ParagraphRole {
  kBody,         // text of the report itself
  kCaption,      // a photo or video caption: kept, but not a claim of the report
  kBoilerplate,  // page debris: widgets, share lines, repeated captions
  kOffTopic,     // belongs to another story (set by align, never by extract)
};

const char* RoleName(ParagraphRole role);

struct Paragraph {
  std::string text;  // valid UTF-8, no leading/trailing white space
  ParagraphRole role = ParagraphRole::kBody;
  std::string why;   // for non-body roles: the rule that assigned the role
};

struct Article {
  std::string id;         // unique within one comparison ("d0", "d1", ...)
  std::string source;     // where it came from (RawDocument::source)
  std::string outlet;     // --outlet, else site name / canonical domain, else file name
  std::string title;
  std::string url;        // canonical URL when the page names one
  std::string site_name;  // og:site_name or similar, when the page names one
  std::string published;  // ISO 8601 date or date-time, empty when unknown
  std::string published_source;  // where `published` came from: "json-ld", "meta", "time", "url"
  std::string byline;
  std::string language;   // ISO 639-1 when known
  std::vector<Paragraph> paragraphs;
};

// The article's text as stored, extracted and compared for copies: its
// body paragraphs (no captions, boilerplate or off-topic ones), separated
// by blank lines.
inline std::string BodyText(const std::vector<Paragraph>& paragraphs) {
  std::string text;
  for (const Paragraph& p : paragraphs) {
    if (p.role != ParagraphRole::kBody) continue;
    if (!text.empty()) text += "\n\n";
    text += p.text;
  }
  return text;
}
inline std::string BodyText(const Article& article) { return BodyText(article.paragraphs); }

}  // namespace parallax

#endif  // PARALLAX_ARTICLE_H_
