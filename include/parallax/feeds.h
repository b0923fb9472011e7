// feeds: what an outlet says it published. ParseFeed reads a feed (RSS
// 0.9x, 1.0 (RDF) and 2.0, Atom, JSON Feed) or a sitemap (a sitemap index,
// a urlset, with Google's news extension) into the addresses of its items,
// with the title and time each gives. It is written for real feeds, not
// for the specification: a BOM, a missing or wrong encoding declaration,
// HTML entities XML does not define, markup escaped or in CDATA, relative
// links and odd dates are all read; a document that is no feed at all
// (an HTML page where XML was expected) is an error saying so. Nothing is
// ever loaded from outside the bytes: no DTD, no external entity, and no
// entity expansion beyond XML's five, HTML's named references (&nbsp;
// &eacute;, which real feeds use undeclared) and character references, so
// an entity bomb is inert. Time is linear in the input and memory a small
// multiple of it (nesting past 256 levels is flattened; the items kept may
// hold at most 8 times the document plus 1 MB). Gzipped bytes must be
// inflated before; that is reported as an error.
//
//   Result<ParsedFeed> feed = ParseFeed(bytes, "https://courier.example/rss.xml", http_charset, {});
//   if (!feed.ok()) report(feed.status());
//   for (const FeedItem& item : feed->items) Fetch(item.url);
#ifndef PARALLAX_FEEDS_H_
#define PARALLAX_FEEDS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/status.h"

namespace parallax {

enum class FeedKind { kRss, kAtom, kJsonFeed, kSitemapIndex, kSitemap };
const char* FeedKindName(FeedKind kind);  // "rss", "atom", "json feed", "sitemap index", "sitemap"

struct FeedItem {
  std::string url;        // absolute (resolved against the feed's base), as given otherwise
  std::string title;      // plain UTF-8 text, markup removed; may be empty
  std::string published;  // ISO 8601 ("2026-11-26T08:00:00Z"), "" when absent or unreadable
};

struct ParsedFeed {
  FeedKind kind = FeedKind::kRss;
  std::string title;               // the channel's or feed's, plain text
  std::vector<FeedItem> items;     // in document order; a sitemap index's are its sitemaps
  size_t items_dropped = 0;        // items beyond max_items or the memory bound, or without a usable link
  std::string encoding;            // what the bytes were decoded as ("utf-8", "windows-1252", ...)
};

struct FeedOptions {
  // Items past this are counted in items_dropped, not kept: a sitemap holds
  // at most 50,000 addresses, a feed a few hundred.
  size_t max_items = 50000;
};

// `base_url`: the address the bytes came from, for relative links (may be
// empty). `http_charset`: the HTTP charset, which outranks the document's
// declaration (a declaration that the bytes contradict, such as Latin-1
// over valid multibyte UTF-8, is not believed either).
Result<ParsedFeed> ParseFeed(std::string_view bytes, std::string_view base_url, std::string_view http_charset,
                             const FeedOptions& options);

}  // namespace parallax

#endif  // PARALLAX_FEEDS_H_
