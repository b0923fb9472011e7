// extract: RawDocument -> Article. Decodes the bytes to UTF-8, takes the
// main text out of an HTML page (or splits plain text into paragraphs), reads
// the page's metadata, and then cleans page debris: widgets, share and advert
// lines, repeated captions. Debris is learned from the document itself (what
// repeats, what is too short to be prose, what sits next to a widget), never
// from a list of one site's strings. Non-body paragraphs keep a role and the
// reason for it, so nothing disappears silently.
#ifndef PARALLAX_EXTRACT_H_
#define PARALLAX_EXTRACT_H_

#include <string>
#include <string_view>
#include <vector>

#include "parallax/article.h"
#include "parallax/status.h"

namespace parallax {

// The whole stage. Fails (with a message naming the reason) on binary input,
// on text that is not valid UTF-8, and on documents with no text at all.
// What the document knew besides its bytes fills what the page does not
// say: id, url (when the page names no canonical URL; also the outlet's
// domain then), title, published. MediaType::kArticleText (a JSON lines
// record's text) is only split into paragraphs (SplitPlainText: no debris
// cleaning, no UTF-8 check: the store makes that one), with title, url,
// published, id and outlet (outlet_hint) from the document and the language
// detected on its first 1 KB; it fails only with neither text nor title.
Result<Article> ExtractArticle(const RawDocument& raw);
// The same, taking the bytes over: a UTF-8 document is not copied.
Result<Article> ExtractArticle(RawDocument&& raw);

// Converts the bytes to UTF-8. Text files must be UTF-8 (a BOM is removed);
// HTML pages may declare another charset (BOM, <meta charset>, http-equiv)
// which is converted. RawDocument::http_charset, when iconv knows it,
// outranks the page's own declaration (a BOM still comes first). Errors say
// what is wrong and at which byte.
Result<std::string> DecodeToUtf8(const RawDocument& raw);
// The same, taking the bytes over when they are already the UTF-8 text.
Result<std::string> DecodeToUtf8(RawDocument&& raw);

// HTML (already UTF-8) -> Article with title/metadata and the main text's
// paragraphs (roles body or caption). Never fails; a page without a main
// text gives an Article with no paragraphs.
Article ExtractHtml(std::string_view html);

// Plain text -> paragraphs: every non-blank line is a paragraph (news text
// copied from a page puts one paragraph per line). White space is trimmed.
std::vector<Paragraph> SplitPlainText(std::string_view text);

// The language of a text as an ISO 639-1 code ("en", "ru", "ko"), or ""
// when the text is too short or too mixed to tell reliably. Reads at most
// the first 64 KB. Thread safe.
std::string DetectLanguage(std::string_view utf8_text);

// Where the paragraphs came from decides how much cleaning they need.
enum class DebrisRules {
  // Text copied from a page: the layout is gone, so widgets, repeated
  // captions and one-word lines are recognised from the text alone.
  kPlainText,
  // Paragraphs the HTML extractor chose: layout already set debris apart,
  // and repetition is as often real content (an interview's questions) as
  // debris, so only lines that cannot be prose are marked.
  kExtractedHtml,
};

// Marks page debris and captions in place (roles kBoilerplate / kCaption).
// Body paragraphs are never merged, split or reordered.
void CleanDebris(std::vector<Paragraph>& paragraphs, DebrisRules rules = DebrisRules::kPlainText);

}  // namespace parallax

#endif  // PARALLAX_EXTRACT_H_
