// Article <-> row: the paragraphs' JSON, the body text, the content hash.
#include <xxhash.h>
#include <zlib.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/internal.h"

namespace parallax {

namespace store_internal {

namespace {

// JSON string escaping for text that is already valid UTF-8 (AddArticles
// checks): only quotes, backslashes and control characters need escapes.
// Hand-written because the encoder runs for every stored article, and a
// JSON tree per article would cost more than the insert itself.
void AppendJsonString(std::string_view s, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

bool RoleFromName(std::string_view name, ParagraphRole& role) {
  for (ParagraphRole r : {ParagraphRole::kBody, ParagraphRole::kCaption,
                          ParagraphRole::kBoilerplate, ParagraphRole::kOffTopic}) {
    if (name == RoleName(r)) {
      role = r;
      return true;
    }
  }
  return false;
}

// The normal form ContentHash hashes: white-space runs (and paragraph
// breaks) become one space, none at either end; ASCII letters lower-cased.
class Normalizer {
 public:
  explicit Normalizer(size_t reserve) { out_.reserve(reserve); }
  void Add(std::string_view s) {
    for (const char c : s) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        pending_space_ = true;
        continue;
      }
      if (pending_space_ && !field_empty_) out_ += ' ';
      pending_space_ = false;
      field_empty_ = false;
      out_ += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  void Break() { pending_space_ = true; }
  // Ends a field: what follows cannot run into it.
  void EndField() {
    out_ += '\0';
    pending_space_ = false;
    field_empty_ = true;
  }
  const std::string& out() const { return out_; }

 private:
  std::string out_;
  bool pending_space_ = false;
  bool field_empty_ = true;
};

}  // namespace

std::string EncodeParagraphs(const std::vector<Paragraph>& paragraphs) {
  size_t size = 2;
  for (const Paragraph& p : paragraphs) size += p.text.size() + p.why.size() + 40;
  std::string out;
  out.reserve(size);
  out += '[';
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    const Paragraph& p = paragraphs[i];
    if (i > 0) out += ',';
    out += "{\"text\":";
    AppendJsonString(p.text, out);
    out += ",\"role\":\"";
    out += RoleName(p.role);
    out += '"';
    if (!p.why.empty()) {
      out += ",\"why\":";
      AppendJsonString(p.why, out);
    }
    out += '}';
  }
  out += ']';
  return out;
}

bool DecodeParagraphs(std::string_view json, std::vector<Paragraph>& paragraphs) {
  paragraphs.clear();
  const nlohmann::json parsed = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_array()) return false;
  paragraphs.reserve(parsed.size());
  for (const nlohmann::json& item : parsed) {
    if (!item.is_object()) return false;
    const auto text = item.find("text");
    const auto role = item.find("role");
    if (text == item.end() || !text->is_string() || role == item.end() || !role->is_string()) {
      return false;
    }
    Paragraph p;
    p.text = text->get<std::string>();
    if (!RoleFromName(role->get_ref<const std::string&>(), p.role)) return false;
    const auto why = item.find("why");
    if (why != item.end() && why->is_string()) p.why = why->get<std::string>();
    paragraphs.push_back(std::move(p));
  }
  return true;
}

std::string ContentHashBytes(const Article& article) {
  // The outlet is part of the key: one wire story printed by two outlets is
  // two articles (what compare and dedup look at), while one outlet's story
  // scraped twice under two URLs is one.
  size_t size = article.outlet.size() + article.title.size() + 2;
  for (const Paragraph& p : article.paragraphs) size += p.text.size() + 1;
  Normalizer normal(size);
  normal.Add(article.outlet);
  normal.EndField();
  const size_t body_start = normal.out().size();
  for (const Paragraph& p : article.paragraphs) {
    normal.Add(p.text);
    normal.Break();
  }
  // A headline alone (a feed item without its text) is known by its
  // headline, in a field of its own so that it never meets a text's key.
  // Articles with text keep the key they always had.
  if (normal.out().size() == body_start) {
    normal.EndField();
    normal.Add(article.title);
  }
  const XXH128_hash_t h = XXH3_128bits(normal.out().data(), normal.out().size());
  XXH128_canonical_t canonical;
  XXH128_canonicalFromHash(&canonical, h);
  return std::string(reinterpret_cast<const char*>(canonical.digest), sizeof(canonical.digest));
}

const char kArticleColumns[] =
    "articles.external_id, articles.source, articles.outlet, articles.url, articles.title, "
    "articles.published, articles.language, articles.paragraphs";

Status ReadArticle(const Stmt& stmt, const std::string& path, Article& article) {
  article.id = stmt.String(0);
  article.source = stmt.String(1);
  article.outlet = stmt.String(2);
  article.url = stmt.String(3);
  article.title = stmt.String(4);
  article.published = stmt.String(5);
  article.language = stmt.String(6);
  if (!DecodeParagraphs(stmt.Text(7), article.paragraphs)) {
    return Status::InvalidInput(path + " is damaged: the paragraphs of article '" + article.id +
                                "' are not the JSON parallax writes");
  }
  return Status::Ok();
}

// The text's length (8 bytes, little-endian), then its deflated bytes.
std::string Compress(std::string_view text, int level) {
  uLongf size = compressBound(static_cast<uLong>(text.size()));
  std::string out(8 + size, '\0');
  uint64_t length = text.size();
  for (int i = 0; i < 8; ++i) out[static_cast<size_t>(i)] = static_cast<char>((length >> (8 * i)) & 0xff);
  if (compress2(reinterpret_cast<Bytef*>(out.data() + 8), &size, reinterpret_cast<const Bytef*>(text.data()),
                static_cast<uLong>(text.size()), level) != Z_OK) {
    return std::string();
  }
  out.resize(8 + size);
  return out;
}

std::optional<std::string> Decompress(std::string_view packed) {
  if (packed.size() < 8) return std::nullopt;
  uint64_t length = 0;
  for (int i = 0; i < 8; ++i) length |= static_cast<uint64_t>(static_cast<unsigned char>(packed[static_cast<size_t>(i)])) << (8 * i);
  // A kept page is a few MB at most (fetched pages are capped at 1 GB
  // below); a larger length is damage.
  if (length > (uint64_t{1} << 30)) return std::nullopt;
  std::string out(length, '\0');
  uLongf size = static_cast<uLongf>(length);
  if (uncompress(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(packed.data() + 8),
                 static_cast<uLong>(packed.size() - 8)) != Z_OK ||
      size != length) {
    return std::nullopt;
  }
  return out;
}


}  // namespace store_internal

std::string ContentHash(const Article& article) {
  static constexpr char kHex[] = "0123456789abcdef";
  const std::string bytes = store_internal::ContentHashBytes(article);
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (const char c : bytes) {
    hex += kHex[static_cast<unsigned char>(c) >> 4];
    hex += kHex[static_cast<unsigned char>(c) & 0xF];
  }
  return hex;
}

}  // namespace parallax
