// ParseFeed: the bytes' encoding, then RSS, Atom and sitemaps through the
// tolerant XML scanner (xml_scanner.h), or a JSON Feed (feed_json.cc).
//
// One reader serves every XML format: the root element names the format,
// which names the item element ("item", "entry", "url", "sitemap"); inside
// an item, the children that carry its address, title and dates are
// captured as text, and everything else is skipped without being decoded.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/charset.h"
#include "extract/feed_internal.h"
#include "extract/xml_scanner.h"
#include "parallax/feeds.h"
#include "parallax/text.h"
#include "parallax/url.h"

namespace parallax {
namespace {

using xml::Namespace;

// A captured value longer than this is cut (at a character boundary): no
// title or address is this long, and the cap keeps one hostile element
// from costing more than its share.
constexpr size_t kMaxFieldBytes = 64 * 1024;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

bool HasHttpScheme(std::string_view url) {
  const std::string_view scheme = url.substr(0, url.find(':'));
  return EqualsIgnoringAsciiCase(scheme, "http") || EqualsIgnoringAsciiCase(scheme, "https");
}

// A reference without a scheme ("/news/a.html", "a.html", "//host/a").
bool IsRelativeReference(std::string_view url) {
  for (char c : url) {
    if (c == ':') return false;
    if (c == '/' || c == '?' || c == '#') return true;
  }
  return true;
}

// "<!DOCTYPE html" first (after white space): a page whose root is not
// <html> ("<!DOCTYPE html><div>...") is still a page.
bool StartsWithHtmlDoctype(std::string_view text) {
  text = Trim(text.substr(0, 1024));
  constexpr std::string_view kDoctype = "<!doctype html";
  if (text.size() < kDoctype.size()) return false;
  for (size_t i = 0; i < kDoctype.size(); ++i) {
    if (LowerAscii(text[i]) != kDoctype[i]) return false;
  }
  return true;
}

// --- Encoding ---------------------------------------------------------------

// The label of `encoding="..."` in an XML declaration at the start; "" when none.
std::string_view XmlDeclaredEncoding(std::string_view text) {
  text = Trim(text.substr(0, 1024));
  if (!text.starts_with("<?xml")) return {};
  text = text.substr(0, text.find("?>"));
  const size_t encoding = text.find("encoding");
  if (encoding == std::string_view::npos) return {};
  size_t pos = encoding + 8;
  while (pos < text.size() && IsSpace(text[pos])) ++pos;
  if (pos >= text.size() || text[pos] != '=') return {};
  ++pos;
  while (pos < text.size() && IsSpace(text[pos])) ++pos;
  if (pos >= text.size() || (text[pos] != '"' && text[pos] != '\'')) return {};
  const size_t close = text.find(text[pos], pos + 1);
  if (close == std::string_view::npos) return {};
  return text.substr(pos + 1, close - pos - 1);
}

std::string LowerName(std::string name) {
  for (char& c : name) c = LowerAscii(c);
  return name;
}

// Decodes `bytes` to UTF-8: `text` views either `bytes` (already valid
// UTF-8, the common case, not copied) or `storage`.
//
// Order: a BOM; else the HTTP charset, else the XML declaration, else
// UTF-8 (XML's default). A label the bytes contradict is not believed:
// bytes that are valid UTF-8 with non-ASCII characters are UTF-8 whatever
// the label says (legacy text almost never validates by chance, while
// feeds re-encoded to UTF-8 under a stale declaration are common), and
// bytes labelled UTF-8 that are not are read with the XML declaration's
// charset, or as windows-1252 (the usual unlabelled legacy encoding) unless
// they are nearly all UTF-8.
Status DecodeDocument(std::string_view bytes, std::string_view http_charset, std::string& storage,
                      std::string_view& text, std::string& encoding) {
  if (bytes.starts_with("\xFE\xFF") || bytes.starts_with("\xFF\xFE")) {
    const bool big_endian = bytes[0] == '\xFE';
    storage = charset::Utf16ToUtf8(bytes.substr(2), big_endian);
    text = storage;
    encoding = big_endian ? "utf-16be" : "utf-16le";
    return charset::CheckNotBinary(text);
  }
  // UTF-16 without a BOM still starts "<?" (XML 1.0, appendix F).
  if (bytes.starts_with(std::string_view("<\0?\0", 4)) ||
      bytes.starts_with(std::string_view("\0<\0?", 4))) {
    const bool big_endian = bytes[0] == '\0';
    storage = charset::Utf16ToUtf8(bytes, big_endian);
    text = storage;
    encoding = big_endian ? "utf-16be" : "utf-16le";
    return Status::Ok();
  }
  if (bytes.starts_with("\x1F\x8B")) {
    return Status::InvalidInput(
        "gzip-compressed bytes, not a feed or sitemap (inflate them first)");
  }
  const bool utf8_bom = bytes.starts_with("\xEF\xBB\xBF");
  if (utf8_bom) bytes.remove_prefix(3);
  if (Status status = charset::CheckNotBinary(bytes); !status.ok()) {
    return Status::InvalidInput(status.message() + ": not a feed or sitemap");
  }
  const bool valid_utf8 = charset::FindInvalidUtf8Byte(bytes) == std::string_view::npos;
  const std::string from_http =
      charset::DecoderForLabel(http_charset.find('=') != std::string_view::npos
                                   ? charset::CharsetFromContentType(http_charset)
                                   : std::string(http_charset));
  const std::string from_document = charset::DecoderForLabel(XmlDeclaredEncoding(bytes));
  std::string decoder = utf8_bom ? "utf-8" : !from_http.empty() ? from_http : from_document;
  if (decoder.empty()) decoder = "utf-8";

  if (valid_utf8 && (decoder == "utf-8" || charset::HasNonAscii(bytes))) {
    text = bytes;
    encoding = "utf-8";
    return Status::Ok();
  }
  if (valid_utf8) {  // ASCII only: every ASCII-compatible label reads it the same
    text = bytes;
    encoding = LowerName(decoder);
    return Status::Ok();
  }
  if (decoder == "utf-8" && !utf8_bom && !charset::MostlyUtf8(bytes)) {
    decoder = !from_document.empty() && from_document != "utf-8" ? from_document : "windows-1252";
  }
  std::string used;
  storage = charset::ConvertToUtf8(bytes, decoder, used);
  text = storage;
  encoding = LowerName(used);
  return Status::Ok();
}

// --- XML feeds and sitemaps -------------------------------------------------

class XmlFeedReader {
 public:
  XmlFeedReader(std::string_view text, std::string_view base_url, const FeedOptions& options)
      : text_(text),
        scanner_(text),
        base_url_(Trim(base_url)),
        options_(options),
        output_budget_(feed::OutputBudget(text.size())) {}

  Result<ParsedFeed> Read() && {
    xml::Event event;
    while (scanner_.Next(event)) {
      switch (event.type) {
        case xml::EventType::kStart:
          if (!root_seen_) {
            if (Status status = StartRoot(event); !status.ok()) return status;
          }
          OnStart(event);
          break;
        case xml::EventType::kEnd:
          OnEnd(event);
          break;
        case xml::EventType::kText:
          if (field_ != Field::kNone) AppendCapped(event.text, /*decode=*/true);
          break;
        case xml::EventType::kCData:
          if (field_ != Field::kNone) AppendCapped(event.text, /*decode=*/false);
          break;
      }
    }
    if (!root_seen_) {
      return Status::InvalidInput("no XML element: not a feed or sitemap");
    }
    // A document cut off inside an item keeps that item if what it had
    // already closed gives an address; the value being read is lost.
    field_ = Field::kNone;
    if (item_depth_ != 0) FinishItem();
    return std::move(feed_);
  }

 private:
  enum class Field : uint8_t {
    kNone,
    kFeedTitle,
    kFeedLink,
    kTitle,
    kLink,
    kGuid,
    kId,
    kPubDate,
    kDcDate,
    kPublished,
    kUpdated,
    kLoc,
    kLastmod,
    kNewsDate,
    kNewsTitle,
  };

  struct ItemFields {
    std::string link, guid, id, about, title, news_title;
    std::string pub_date, dc_date, published, updated, lastmod, news_date;
    bool guid_is_permalink = true;

    void Clear() {
      for (std::string* field : {&link, &guid, &id, &about, &title, &news_title, &pub_date,
                                 &dc_date, &published, &updated, &lastmod, &news_date}) {
        field->clear();
      }
      guid_is_permalink = true;
    }
  };

  Status StartRoot(const xml::Event& root) {
    root_seen_ = true;
    const std::string_view name = root.local;
    if (EqualsIgnoringAsciiCase(name, "html") || EqualsIgnoringAsciiCase(name, "head") ||
        EqualsIgnoringAsciiCase(name, "body")) {
      return Status::InvalidInput("an HTML page, not a feed or sitemap");
    }
    if (name == "rss" || name == "RDF") {
      feed_.kind = FeedKind::kRss;
      item_name_ = "item";
    } else if (name == "channel") {  // RSS without its wrapper
      feed_.kind = FeedKind::kRss;
      item_name_ = "item";
      channel_depth_ = 1;
    } else if (name == "feed") {
      feed_.kind = FeedKind::kAtom;
      item_name_ = "entry";
      channel_depth_ = 1;
    } else if (name == "urlset") {
      feed_.kind = FeedKind::kSitemap;
      item_name_ = "url";
    } else if (name == "sitemapindex") {
      feed_.kind = FeedKind::kSitemapIndex;
      item_name_ = "sitemap";
    } else if (StartsWithHtmlDoctype(text_)) {
      return Status::InvalidInput("an HTML page, not a feed or sitemap");
    } else {
      std::string shown(name.substr(0, 64));
      return Status::InvalidInput("root element <" + shown + "> is not a feed or sitemap");
    }
    return Status::Ok();
  }

  // The document's own vocabulary: Atom's elements may come without a
  // namespace in feeds that forgot to declare it.
  bool IsOwn(Namespace ns) const {
    return ns == Namespace::kCore || (feed_.kind == FeedKind::kAtom && ns == Namespace::kAtom);
  }

  void OnStart(const xml::Event& event) {
    if (!scanner_.attributes().empty()) PushBase(event.depth);
    if (field_ != Field::kNone) return;  // markup inside a captured value
    const bool own = IsOwn(event.ns);
    if (item_depth_ == 0) {
      if (own && event.local == item_name_) {
        item_depth_ = event.depth;
        item_.Clear();
        if (const std::string_view* about = scanner_.FindAttribute("about")) {
          item_.about.clear();
          xml::AppendDecoded(*about, item_.about);  // RSS 1.0: rdf:about is the item's address
        }
      } else if (own && event.local == "channel" && channel_depth_ == 0) {
        channel_depth_ = event.depth;
      } else if (own && channel_depth_ != 0 && event.depth == channel_depth_ + 1) {
        if (event.local == "title" && feed_.title.empty()) StartField(Field::kFeedTitle, event);
        if (event.local == "link") {
          if (feed_.kind == FeedKind::kAtom) {
            ReadAtomLink(channel_link_);
          } else if (channel_link_.empty()) {
            StartField(Field::kFeedLink, event);
          }
        }
      }
      return;
    }
    if (event.depth == item_depth_ + 1 && own) {
      StartItemChild(event);
    } else if (event.ns == Namespace::kNews && feed_.kind == FeedKind::kSitemap) {
      if (event.local == "publication_date") StartField(Field::kNewsDate, event);
      if (event.local == "title") StartField(Field::kNewsTitle, event);
    } else if (event.depth == item_depth_ + 1 && event.ns == Namespace::kDublinCore &&
               event.local == "date") {
      StartField(Field::kDcDate, event);
    }
  }

  void StartItemChild(const xml::Event& event) {
    const std::string_view name = event.local;
    switch (feed_.kind) {
      case FeedKind::kRss:
        if (name == "title") StartField(Field::kTitle, event);
        if (name == "link") {
          // <link href="..."/>: an Atom habit in some RSS feeds.
          if (const std::string_view* href = scanner_.FindAttribute("href")) {
            if (item_.link.empty()) item_.link = ResolveLink(*href);
          } else {
            StartField(Field::kLink, event);
          }
        }
        if (name == "guid") {
          const std::string_view* permalink = scanner_.FindAttribute("isPermaLink");
          item_.guid_is_permalink =
              permalink == nullptr || !EqualsIgnoringAsciiCase(Trim(*permalink), "false");
          StartField(Field::kGuid, event);
        }
        if (name == "pubDate") StartField(Field::kPubDate, event);
        break;
      case FeedKind::kAtom:
        if (name == "title") StartField(Field::kTitle, event);
        if (name == "link" && item_.link.empty()) ReadAtomLink(item_.link);
        if (name == "id") StartField(Field::kId, event);
        if (name == "published" || name == "issued") StartField(Field::kPublished, event);
        if (name == "updated" || name == "modified") StartField(Field::kUpdated, event);
        break;
      case FeedKind::kSitemap:
      case FeedKind::kSitemapIndex:
        if (name == "loc") StartField(Field::kLoc, event);
        if (name == "lastmod") StartField(Field::kLastmod, event);
        break;
      case FeedKind::kJsonFeed:
        break;
    }
  }

  // <link rel="alternate" href="..."/> or a link without rel: the page.
  void ReadAtomLink(std::string& link) {
    const std::string_view* href = scanner_.FindAttribute("href");
    if (href == nullptr) return;
    const std::string_view* rel = scanner_.FindAttribute("rel");
    if (rel != nullptr && !EqualsIgnoringAsciiCase(Trim(*rel), "alternate")) return;
    link = ResolveLink(*href);
  }

  void StartField(Field field, const xml::Event& event) {
    field_ = field;
    field_depth_ = event.depth;
    field_text_.clear();
  }

  void AppendCapped(std::string_view text, bool decode) {
    if (field_text_.size() >= kMaxFieldBytes) return;
    if (decode) {
      xml::AppendDecoded(text, field_text_);
    } else {
      field_text_.append(text);
    }
    if (field_text_.size() > kMaxFieldBytes) {
      size_t cut = kMaxFieldBytes;  // back to the start of a character
      while (cut > 0 && (static_cast<unsigned char>(field_text_[cut]) & 0xC0) == 0x80) --cut;
      field_text_.resize(cut);
    }
  }

  void OnEnd(const xml::Event& event) {
    if (field_ != Field::kNone && event.depth == field_depth_) FinishField();
    if (item_depth_ != 0 && event.depth == item_depth_) {
      FinishItem();
      item_depth_ = 0;
    }
    if (event.depth == channel_depth_ && feed_.kind == FeedKind::kRss && event.depth > 1) {
      channel_depth_ = 0;  // RSS 1.0: the items follow the channel, outside it
    }
    while (!bases_.empty() && bases_.back().first >= event.depth) bases_.pop_back();
  }

  void FinishField() {
    const Field field = field_;
    field_ = Field::kNone;
    std::string& text = field_text_;
    switch (field) {
      case Field::kNone:
        break;
      case Field::kFeedTitle:
        feed_.title = feed::PlainTitle(text);
        break;
      case Field::kFeedLink:
        channel_link_ = ResolveLink(text);
        break;
      case Field::kTitle:
        item_.title.swap(text);
        break;
      case Field::kNewsTitle:
        item_.news_title.swap(text);
        break;
      case Field::kLink:
        if (item_.link.empty()) item_.link = ResolveLink(text);
        break;
      case Field::kLoc:
        if (item_.link.empty()) item_.link = ResolveLink(text);
        break;
      case Field::kGuid:
        item_.guid.swap(text);
        break;
      case Field::kId:
        item_.id.swap(text);
        break;
      case Field::kPubDate:
        item_.pub_date.swap(text);
        break;
      case Field::kDcDate:
        item_.dc_date.swap(text);
        break;
      case Field::kPublished:
        item_.published.swap(text);
        break;
      case Field::kUpdated:
        item_.updated.swap(text);
        break;
      case Field::kLastmod:
        item_.lastmod.swap(text);
        break;
      case Field::kNewsDate:
        item_.news_date.swap(text);
        break;
    }
  }

  void FinishItem() {
    std::string url = item_.link;
    // A guid, an Atom id or an RSS 1.0 rdf:about is the address only when
    // written as an absolute http(s) one: many are opaque identifiers
    // ("tag:...", "12345") that resolution would turn into false pages.
    for (const std::string* fallback : {&item_.guid, &item_.id, &item_.about}) {
      if (!url.empty()) break;
      if (fallback == &item_.guid && !item_.guid_is_permalink) continue;
      const std::string_view candidate = Trim(*fallback);
      if (HasHttpScheme(candidate)) url = ResolveLink(candidate);
    }
    if (url.empty() || feed_.items.size() >= options_.max_items) {
      ++feed_.items_dropped;
      return;
    }
    FeedItem item;
    item.url = std::move(url);
    item.title = feed::PlainTitle(!item_.title.empty() ? item_.title : item_.news_title);
    const size_t item_bytes = item.url.size() + item.title.size() + 20;
    if (item_bytes > output_budget_) {
      ++feed_.items_dropped;
      output_budget_ = 0;
      return;
    }
    output_budget_ -= item_bytes;
    for (const std::string* date : {&item_.news_date, &item_.published, &item_.pub_date,
                                    &item_.dc_date, &item_.updated, &item_.lastmod}) {
      if (date->empty()) continue;
      item.published = feed::NormalizeFeedDate(*date);
      if (!item.published.empty()) break;
    }
    feed_.items.push_back(std::move(item));
  }

  // An element's xml:base, resolved against the one in effect.
  void PushBase(size_t depth) {
    const std::string_view* base = scanner_.FindAttribute("base", "xml");
    if (base == nullptr) return;
    std::string decoded;
    xml::AppendDecoded(*base, decoded);
    if (decoded.size() > feed::kMaxUrlBytes) return;
    std::string resolved = ResolveUrl(CurrentBase(), decoded);
    if (!resolved.empty()) bases_.emplace_back(depth, std::move(resolved));
  }

  std::string_view CurrentBase() const {
    if (!bases_.empty()) return bases_.back().second;
    if (!base_url_.empty()) return base_url_;
    return channel_link_;  // a document read without its address: the site's own link
  }

  // `raw` (references decoded) as an absolute address; as given when it is
  // relative and there is no base to resolve it against; "" when unusable
  // (another scheme, too long, not well formed).
  std::string ResolveLink(std::string_view raw) {
    std::string decoded;
    xml::AppendDecoded(raw, decoded);
    const std::string_view trimmed = Trim(decoded);
    if (trimmed.empty() || trimmed.size() > feed::kMaxUrlBytes) return "";
    const std::string_view base = CurrentBase();
    std::string resolved = ResolveUrl(base, trimmed);
    if (resolved.empty() && base.empty() && IsRelativeReference(trimmed)) {
      return std::string(trimmed);
    }
    return resolved.size() <= feed::kMaxUrlBytes ? resolved : "";
  }

  std::string_view text_;
  xml::Scanner scanner_;
  std::string_view base_url_;
  const FeedOptions& options_;
  size_t output_budget_;  // bytes the items kept may still take
  ParsedFeed feed_;
  bool root_seen_ = false;
  std::string_view item_name_;
  size_t channel_depth_ = 0;  // the element whose children describe the feed
  size_t item_depth_ = 0;     // 0 outside an item
  Field field_ = Field::kNone;
  size_t field_depth_ = 0;
  std::string field_text_;
  ItemFields item_;
  std::string channel_link_;
  std::vector<std::pair<size_t, std::string>> bases_;  // xml:base values by element depth
};

}  // namespace

const char* FeedKindName(FeedKind kind) {
  switch (kind) {
    case FeedKind::kRss:
      return "rss";
    case FeedKind::kAtom:
      return "atom";
    case FeedKind::kJsonFeed:
      return "json feed";
    case FeedKind::kSitemapIndex:
      return "sitemap index";
    case FeedKind::kSitemap:
      return "sitemap";
  }
  return "unknown";
}

Result<ParsedFeed> ParseFeed(std::string_view bytes, std::string_view base_url,
                             std::string_view http_charset, const FeedOptions& options) {
  if (Trim(bytes).empty()) return Status::Empty("empty document: no feed or sitemap");
  std::string storage, encoding;
  std::string_view text;
  if (Status status = DecodeDocument(bytes, http_charset, storage, text, encoding); !status.ok()) {
    return status;
  }
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return Status::Empty("empty document: no feed or sitemap");
  Result<ParsedFeed> feed = text[first] == '{' ? feed::ParseJsonFeed(text, base_url, options)
                                               : XmlFeedReader(text, base_url, options).Read();
  if (feed.ok() && feed->kind != FeedKind::kJsonFeed) feed->encoding = std::move(encoding);
  return feed;
}

}  // namespace parallax
