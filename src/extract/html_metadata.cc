// Page metadata for ExtractHtml; see html_metadata.h.
#include "extract/html_metadata.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parallax {

// --- Text helpers ------------------------------------------------------------

size_t AppendCollapsed(std::string_view text, bool& pending_space, std::string& out) {
  const size_t before = out.size();
  const size_t n = text.size();
  // White space: ASCII spaces, and U+00A0 (bytes C2 A0).
  const auto space_at = [&](size_t pos) -> size_t {  // its length in bytes, or 0
    const char c = text[pos];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    return c == '\xC2' && pos + 1 < n && text[pos + 1] == '\xA0' ? 2 : 0;
  };
  size_t pos = 0;
  while (pos < n) {
    // A run of visible bytes goes out in one append.
    size_t run = pos;
    while (run < n && space_at(run) == 0) ++run;
    if (run > pos) {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.append(text.data() + pos, run - pos);
      pos = run;
    }
    while (pos < n) {
      const size_t length = space_at(pos);
      if (length == 0) break;
      pending_space = !out.empty();
      pos += length;
    }
  }
  return out.size() - before;
}

std::string CollapseWhiteSpace(std::string_view text) {
  std::string out;
  bool space = false;
  AppendCollapsed(text, space, out);
  return out;
}

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return out;
}

bool HasWord(std::string_view words, std::string_view wanted) {
  size_t pos = 0;
  while ((pos = words.find(wanted, pos)) != std::string_view::npos) {
    const size_t end = pos + wanted.size();
    if ((pos == 0 || words[pos - 1] == ' ') && (end == words.size() || words[end] == ' ')) {
      return true;
    }
    pos = end;
  }
  return false;
}

// --- Meta tags ---------------------------------------------------------------

void ReadMetadataTag(const html::Token& start_tag, PageMetadata& metadata) {
  const auto attribute = [&](std::string_view name) {
    const std::string* value = start_tag.FindAttribute(name);
    return value == nullptr ? std::string() : *value;
  };
  if (start_tag.name == "html" && metadata.html_lang.empty()) {
    metadata.html_lang = attribute("lang");
  }
  if (start_tag.name == "link" && HasWord(attribute("rel"), "canonical") &&
      metadata.canonical.empty()) {
    metadata.canonical = attribute("href");
  }
  if (start_tag.name != "meta") return;
  const std::string* content = start_tag.FindAttribute("content");
  if (content == nullptr || content->empty()) return;
  for (const char* key_attribute : {"property", "name", "itemprop", "http-equiv"}) {
    std::string keys = attribute(key_attribute);
    for (char& c : keys) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // itemprop may list several names: "datePublished dateCreated".
    size_t pos = 0;
    while (pos < keys.size()) {
      size_t end = keys.find(' ', pos);
      if (end == std::string::npos) end = keys.size();
      if (end > pos) metadata.meta.emplace(keys.substr(pos, end - pos), *content);
      pos = end + 1;
    }
  }
}

namespace {

// --- JSON-LD -----------------------------------------------------------------

using Json = nlohmann::json;

// A string, or the name of {"name": ...}, or a list of those joined by ", ".
std::string JsonText(const Json& value, bool as_name) {
  std::string out;
  if (value.is_string()) html::AppendDecodedText(value.get_ref<const std::string&>(), out);
  if (!as_name) return out;
  if (value.is_object() && value.contains("name")) return JsonText(value["name"], false);
  if (!value.is_array()) return out;
  for (const Json& element : value) {
    const std::string name = element.is_array() ? "" : JsonText(element, true);
    if (!name.empty()) out += (out.empty() ? "" : ", ") + name;
  }
  return out;
}

bool IsArticleType(const Json& object) {
  const auto is_article = [](const Json& name) {
    const std::string text = JsonText(name, false);
    return text.find("Article") != std::string::npos || text.ends_with("BlogPosting");
  };
  if (!object.contains("@type")) return false;
  const Json& type = object["@type"];
  return type.is_array() ? std::any_of(type.begin(), type.end(), is_article) : is_article(type);
}

// Reads article-typed objects of a JSON-LD script (top level, in a top-level
// list, or in "@graph"). Invalid JSON is simply no metadata.
void ReadJsonLd(std::string_view script, JsonLdArticle& article) {
  try {
    const Json document = Json::parse(script, nullptr, /*allow_exceptions=*/false);
    std::vector<const Json*> objects;
    const auto collect = [&](const Json& value) {
      if (value.is_object()) objects.push_back(&value);
      if (!value.is_array()) return;
      for (const Json& element : value) {
        if (element.is_object()) objects.push_back(&element);
      }
    };
    collect(document);
    for (size_t i = 0, n = objects.size(); i < n; ++i) {
      if (objects[i]->contains("@graph")) collect((*objects[i])["@graph"]);
    }
    for (const Json* object : objects) {
      if (!IsArticleType(*object)) continue;
      for (auto [key, field] : {std::pair{"headline", &article.headline},
                                {"datePublished", &article.date_published},
                                {"author", &article.author},
                                {"publisher", &article.publisher},
                                {"articleBody", &article.body}}) {
        if (field->empty() && object->contains(key)) *field = JsonText((*object)[key], true);
      }
    }
  } catch (...) {
    // Only allocation failure can throw here: no metadata, not a crash.
  }
}

}  // namespace

JsonLdArticle ReadJsonLdArticle(const std::vector<std::string>& scripts) {
  JsonLdArticle article;
  for (const std::string& script : scripts) ReadJsonLd(script, article);
  return article;
}

namespace {

// --- Dates, titles, bylines --------------------------------------------------

bool AllDigits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "2024-05-17", "2024-05-17T09:30:00Z" (kept), "2024/05/17" -> "2024-05-17";
// anything else -> "" (unknown rather than wrong).
std::string NormalizeDate(std::string_view value) {
  value = value.substr(std::min(value.find_first_not_of(" \t\r\n"), value.size()));
  if (value.size() < 10 || !AllDigits(value.substr(0, 4)) || !AllDigits(value.substr(5, 2)) ||
      !AllDigits(value.substr(8, 2)) || value[4] != value[7] ||
      (value[4] != '-' && value[4] != '/')) {
    return "";
  }
  std::string date(value.substr(0, 10));
  date[4] = date[7] = '-';
  if (value.size() >= 16 && value[10] == 'T' && AllDigits(value.substr(11, 2)) &&
      value[13] == ':') {
    date += value.substr(10, value.find_first_of(" \t\r\n", 10) - 10);
  }
  return date;
}

// "/2024/05/17/" in a URL.
std::string DateFromUrl(std::string_view url) {
  for (size_t pos = 0; (pos = url.find('/', pos)) != std::string_view::npos; ++pos) {
    const std::string_view rest = url.substr(pos);
    if (rest.size() < 12 || rest[5] != '/' || rest[8] != '/' || rest[11] != '/') continue;
    const std::string_view year = rest.substr(1, 4), month = rest.substr(6, 2);
    const std::string_view day = rest.substr(9, 2);
    if (AllDigits(year) && AllDigits(month) && AllDigits(day) && year >= "1990" && year <= "2099" &&
        month >= "01" && month <= "12" && day >= "01" && day <= "31") {
      return std::string(year) + "-" + std::string(month) + "-" + std::string(day);
    }
  }
  return "";
}

// The first of `keys` that a <meta> tag gave, white space collapsed.
std::string MetaValue(const PageMetadata& metadata, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    const auto found = metadata.meta.find(std::string(key));
    if (found != metadata.meta.end()) return CollapseWhiteSpace(found->second);
  }
  return "";
}

// Removes " - Site", " | Site" and similar from the end of a title.
std::string StripSiteSuffix(std::string title, std::string_view site) {
  if (site.empty() || title.size() <= site.size() + 3 ||
      !LowerAscii(title).ends_with(LowerAscii(site))) {
    return title;
  }
  const std::string_view rest = std::string_view(title).substr(0, title.size() - site.size());
  for (std::string_view separator : {" - ", " | ", " \u2013 ", " \u2014 ", " :: ", " \u00B7 "}) {
    if (rest.ends_with(separator))
      return CollapseWhiteSpace(rest.substr(0, rest.size() - separator.size()));
  }
  return title;
}

void FillPublished(const PageMetadata& metadata, const JsonLdArticle& ld, const MarkupClues& clues,
                   Article& article) {
  const auto use = [&](std::string date, const char* source) {
    if (!article.published.empty() || date.empty()) return;
    article.published = std::move(date);
    article.published_source = source;
  };
  use(NormalizeDate(ld.date_published), "json-ld");
  use(NormalizeDate(MetaValue(
          metadata,
          {"article:published_time", "datepublished", "article:published", "og:published_time",
           "publishdate", "publish-date", "pubdate", "date", "dc.date.issued", "dc.date",
           "dcterms.issued", "dcterms.created", "sailthru.date", "parsely-pub-date"})),
      "meta");
  for (std::string_view datetime : clues.article_times) use(NormalizeDate(datetime), "time");
  use(DateFromUrl(article.url), "url");
}

}  // namespace

void FillMetadata(const PageMetadata& metadata, const JsonLdArticle& ld, const MarkupClues& clues,
                  Article& article) {
  for (const std::string& site :
       {MetaValue(metadata, {"og:site_name"}), CollapseWhiteSpace(ld.publisher),
        MetaValue(metadata, {"application-name"})}) {
    if (article.site_name.empty()) article.site_name = site;
  }
  for (const std::string& title : {MetaValue(metadata, {"og:title"}), ld.headline,
                                   std::string(clues.h1), metadata.title_tag}) {
    if (article.title.empty())
      article.title = StripSiteSuffix(CollapseWhiteSpace(title), article.site_name);
  }
  const std::string og_url = MetaValue(metadata, {"og:url"});
  article.url =
      metadata.canonical.starts_with("http") || og_url.empty() ? metadata.canonical : og_url;
  FillPublished(metadata, ld, clues, article);

  std::string author = MetaValue(metadata, {"author"});
  // A byline element's text may run on into the date and tags; only a short one is a name.
  const std::string_view byline = clues.byline.size() <= 80 ? clues.byline : "";
  for (const std::string& other : {ld.author, std::string(clues.author), std::string(byline)}) {
    if (author.empty() || author.starts_with("http")) author = CollapseWhiteSpace(other);
  }
  // "By Ann Lee", and "ByAnn Lee" where markup put the two in separate elements.
  if (author.size() > 3 && LowerAscii(author.substr(0, 2)) == "by" &&
      (author[2] == ' ' || (author[2] >= 'A' && author[2] <= 'Z'))) {
    author = CollapseWhiteSpace(author.substr(2));
  }
  article.byline = author;

  std::string language = metadata.html_lang;
  if (language.empty())
    language = MetaValue(metadata, {"content-language", "inlanguage", "og:locale"});
  language = LowerAscii(language.substr(0, language.find_first_of("-_")));
  if (language.size() == 2 && language[0] >= 'a' && language[0] <= 'z' && language[1] >= 'a' &&
      language[1] <= 'z') {
    article.language = language;
  }
}

}  // namespace parallax
