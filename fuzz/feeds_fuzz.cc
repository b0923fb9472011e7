// libFuzzer target: arbitrary bytes as a feed or sitemap. The first byte
// picks the base address and HTTP charset (none, UTF-8, a Latin-1 label,
// windows-1251, a content type) and a small max_items; the rest goes to
// ParseFeed. Besides crashes and sanitizer reports, it checks the contract
// callers rely on:
//  - at most max_items items; every string valid UTF-8;
//  - an item's address is an absolute http(s) URL (or, with no base, a
//    relative reference as given), at most 8 KB, that ParseHttpUrl reads;
//    NormalizeArticleUrl is idempotent on it;
//  - a title has no surrounding or doubled white space;
//  - a date is "" or "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ";
// and that the XML scanner alone keeps its nesting bound.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "extract/xml_scanner.h"
#include "parallax/feeds.h"
#include "parallax/url.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

bool IsValidUtf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    const uint8_t lead = static_cast<uint8_t>(text[pos]);
    const size_t length = lead < 0x80   ? 1
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

bool IsDate(std::string_view date) {
  const std::string_view shape = date.size() == 10 ? "dddd-dd-dd" : "dddd-dd-ddTdd:dd:ddZ";
  if (!date.empty() && date.size() != 10 && date.size() != 20) return false;
  for (size_t i = 0; i < date.size(); ++i) {
    if (shape[i] == 'd' ? (date[i] < '0' || date[i] > '9') : date[i] != shape[i]) return false;
  }
  return true;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static constexpr const char* kBases[] = {"", "https://courier.example/news/feed.xml",
                                           "http://[::1]:8080/a/b?c", "not a url"};
  static constexpr const char* kCharsets[] = {"", "utf-8", "ISO-8859-1", "windows-1251",
                                              "text/xml; charset=\"shift_jis\""};
  const uint8_t selector = data[0];
  const std::string_view base = kBases[selector & 3];
  const std::string_view charset = kCharsets[(selector >> 2) % 5];
  parallax::FeedOptions options;
  if (selector & 0x80) options.max_items = 3;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);

  const parallax::Result<parallax::ParsedFeed> feed =
      parallax::ParseFeed(bytes, base, charset, options);
  if (feed.ok()) {
    Check(feed->items.size() <= options.max_items);
    Check(IsValidUtf8(feed->title));
    for (const parallax::FeedItem& item : feed->items) {
      Check(IsValidUtf8(item.url) && IsValidUtf8(item.title));
      Check(!item.url.empty() && item.url.size() <= 8192);
      if (parallax::ParseHttpUrl(item.url).has_value()) {
        const std::string normal = parallax::NormalizeArticleUrl(item.url);
        Check(!normal.empty());
        Check(parallax::NormalizeArticleUrl(normal) == normal);
        Check(parallax::ParseHttpUrl(normal).has_value());
      } else {
        // Only a reference that had nothing to be resolved against.
        Check(base.empty() || base == "not a url");
        Check(item.url.find(':') == std::string::npos ||
              item.url.find_first_of("/?#") < item.url.find(':'));
      }
      if (!item.title.empty()) {
        Check(!IsSpace(item.title.front()) && !IsSpace(item.title.back()));
        Check(item.title.find("  ") == std::string::npos);
      }
      Check(IsDate(item.published));
    }
  } else {
    Check(!feed.status().message().empty());
  }

  // The scanner alone, on the raw bytes: nesting stays bounded and every
  // event consumes input or closes an element.
  parallax::xml::Scanner scanner(bytes);
  parallax::xml::Event event;
  size_t events = 0;
  while (scanner.Next(event)) {
    Check(scanner.open_elements() <= parallax::xml::Scanner::kMaxDepth + 1);
    Check(event.depth <= parallax::xml::Scanner::kMaxDepth + 1);
    Check(++events <= 2 * bytes.size() + 2);
  }

  // URL functions on the input as text.
  const std::string resolved = parallax::ResolveUrl(base, bytes.substr(0, 2048));
  if (!resolved.empty()) Check(parallax::ParseHttpUrl(resolved).has_value());
  return 0;
}
