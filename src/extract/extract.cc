// The extract stage as a whole: decode, split or extract, name the outlet,
// clean debris, detect the language when the page does not declare it.
#include <string>
#include <string_view>
#include <vector>

#include "parallax/extract.h"
#include "parallax/text.h"

namespace parallax {

namespace {

// Enough prose for a confident answer (see DetectLanguage); reading all of a
// long page would only cost time.
constexpr size_t kLanguageSampleBytes = size_t{64} << 10;

bool EndsWithSentencePunctuation(std::string_view text) {
  // Strip closing quotes and brackets, then look for . ! ? … or :.
  while (!text.empty()) {
    const unsigned char c = text.back();
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      text.remove_suffix(1);
    } else if (text.size() >= 3 && (text.substr(text.size() - 3) == "\u2019" ||
                                    text.substr(text.size() - 3) == "\u201D")) {
      text.remove_suffix(3);
    } else {
      break;
    }
  }
  if (text.empty()) return false;
  const char c = text.back();
  return c == '.' || c == '!' || c == '?' || c == ':' ||
         (text.size() >= 3 && text.substr(text.size() - 3) == "\u2026");
}

size_t CountWords(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// The domain of a URL without "www.": "https://www.example.org/a" -> "example.org".
std::string DomainOf(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#:"));
  if (rest.substr(0, 4) == "www.") rest.remove_prefix(4);
  return std::string(rest);
}

// What language detection reads: the body paragraphs, one per line, until
// the sample reaches `limit` bytes (the last one may cross it; DetectLanguage
// trims to its own cap at a character boundary). Captions and debris are
// left out: widgets and photo credits are often in the site's language
// rather than the story's.
std::string BodySample(const std::vector<Paragraph>& paragraphs, size_t limit) {
  std::string sample;
  for (const Paragraph& p : paragraphs) {
    if (sample.size() >= limit) break;
    if (p.role != ParagraphRole::kBody) continue;
    // One paragraph is at most `limit` bytes: a plain-text file without
    // line breaks is a single paragraph of any size.
    sample.append(p.text, 0, limit);
    sample += '\n';
  }
  return sample;
}

// A first line that reads as a headline: short, no closing punctuation.
bool LooksLikeHeadline(const std::vector<Paragraph>& paragraphs) {
  if (paragraphs.size() < 3) return false;
  const std::string& first = paragraphs[0].text;
  const size_t words = CountWords(first);
  return words >= 3 && words <= 20 && !EndsWithSentencePunctuation(first) &&
         first.find_first_of(",;") == std::string::npos;
}

}  // namespace

std::vector<Paragraph> SplitPlainText(std::string_view text) {
  std::vector<Paragraph> paragraphs;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    // Trim ASCII white space and no-break spaces, in any mix, at both ends.
    for (bool trimmed = true; trimmed;) {
      trimmed = false;
      if (!line.empty() && static_cast<unsigned char>(line.front()) <= ' ') {
        line.remove_prefix(1);
        trimmed = true;
      } else if (line.size() >= 2 && line.substr(0, 2) == "\xC2\xA0") {
        line.remove_prefix(2);
        trimmed = true;
      }
      if (!line.empty() && static_cast<unsigned char>(line.back()) <= ' ') {
        line.remove_suffix(1);
        trimmed = true;
      } else if (line.size() >= 2 && line.substr(line.size() - 2) == "\xC2\xA0") {
        line.remove_suffix(2);
        trimmed = true;
      }
    }
    if (line.empty()) continue;
    Paragraph paragraph;
    paragraph.text.reserve(line.size());
    // Collapse runs of white space inside the line.
    bool space = false;
    for (const char c : line) {
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        space = true;
        continue;
      }
      if (space) paragraph.text += ' ';
      space = false;
      paragraph.text += c;
    }
    paragraphs.push_back(std::move(paragraph));
  }
  return paragraphs;
}

namespace {

// Everything after decoding; `raw` supplies the name, source and hints.
Result<Article> ExtractDecoded(const RawDocument& raw, const std::string& utf8_text);

}  // namespace

namespace {

// Language detection of a record's text reads this much: a few lines are
// as reliable for one article as DetectLanguage's 64 KB, and much faster
// over a corpus of millions of records.
constexpr size_t kArticleTextLanguageSample = 1024;

// A text somebody already chose as the article (a JSON lines record): split
// into paragraphs, nothing removed, metadata taken from the document. The
// bytes are not checked here: the store refuses text that is not UTF-8,
// naming the record.
Result<Article> FromArticleText(const RawDocument& raw, std::string_view text) {
  Article article;
  article.paragraphs = SplitPlainText(text);
  if (article.paragraphs.empty() && raw.title.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::Empty("no text and no title");
  }
  article.id = raw.id;
  article.source = raw.source;
  article.outlet = raw.outlet_hint;
  article.title = raw.title;
  article.url = raw.url;
  article.published = raw.published;
  std::string sample;
  for (const Paragraph& p : article.paragraphs) {
    if (sample.size() >= kArticleTextLanguageSample) break;
    sample.append(p.text, 0, kArticleTextLanguageSample);
    sample += '\n';
  }
  article.language = DetectLanguage(sample);
  return article;
}

}  // namespace

Result<Article> ExtractArticle(const RawDocument& raw) {
  if (raw.media_type == MediaType::kArticleText) return FromArticleText(raw, raw.bytes);
  Result<std::string> utf8 = DecodeToUtf8(raw);
  if (!utf8.ok()) return utf8.status();
  return ExtractDecoded(raw, *utf8);
}

Result<Article> ExtractArticle(RawDocument&& raw) {
  if (raw.media_type == MediaType::kArticleText) return FromArticleText(raw, raw.bytes);
  Result<std::string> utf8 = DecodeToUtf8(std::move(raw));  // leaves raw.bytes empty
  if (!utf8.ok()) return utf8.status();
  return ExtractDecoded(raw, *utf8);
}

namespace {

Result<Article> ExtractDecoded(const RawDocument& raw, const std::string& utf8_text) {
  const std::string* utf8 = &utf8_text;
  Article article;
  if (raw.media_type == MediaType::kHtml) {
    article = ExtractHtml(*utf8);
  } else {
    article.paragraphs = SplitPlainText(*utf8);
    if (LooksLikeHeadline(article.paragraphs)) {
      article.title = article.paragraphs.front().text;
      article.paragraphs.erase(article.paragraphs.begin());
    }
  }
  article.id = raw.id;
  article.source = raw.source;
  // What the source knew fills what the page does not say: the address it
  // was fetched from stands in for a canonical URL.
  if (article.url.empty()) article.url = raw.url;
  if (article.title.empty()) article.title = raw.title;
  if (article.published.empty()) article.published = raw.published;
  if (!raw.outlet_hint.empty()) {
    article.outlet = raw.outlet_hint;
  } else if (!article.site_name.empty()) {
    article.outlet = article.site_name;
  } else if (!DomainOf(article.url).empty()) {
    article.outlet = DomainOf(article.url);
  } else {
    article.outlet = raw.name;
  }
  CleanDebris(article.paragraphs, raw.media_type == MediaType::kHtml ? DebrisRules::kExtractedHtml
                                                                   : DebrisRules::kPlainText);
  bool has_body = false;
  for (const Paragraph& p : article.paragraphs) has_body |= p.role == ParagraphRole::kBody;
  if (!has_body) {
    return Status::Empty(raw.media_type == MediaType::kHtml
                             ? "no article text found in the page"
                             : "no text (only white space or page debris)");
  }
  // A page's own declaration (<html lang>, content-language) names the
  // language its editors chose; CLD2 only fills the gap when there is none.
  if (article.language.empty()) {
    article.language = DetectLanguage(BodySample(article.paragraphs, kLanguageSampleBytes));
  }
  return article;
}

}  // namespace

}  // namespace parallax
