// Pieces shared by the feed parser's files (feed.cc, feed_json.cc,
// feed_text.cc). Private to the extract stage.
#ifndef PARALLAX_EXTRACT_FEED_INTERNAL_H_
#define PARALLAX_EXTRACT_FEED_INTERNAL_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "parallax/feeds.h"
#include "parallax/status.h"

namespace parallax::feed {

// Longer item addresses are not used. Servers refuse request lines past
// 8 KB, and the sitemap protocol caps <loc> at 2,048 characters; the cap
// also keeps a long xml:base from being copied into every item.
inline constexpr size_t kMaxUrlBytes = 8192;

// What the items kept may hold in all (addresses, titles, dates): a few
// times the document, since relative links grow when resolved. Past it,
// items are dropped and counted: a small hostile feed with a long xml:base
// and 50,000 one-letter links must not cost gigabytes.
inline size_t OutputBudget(size_t document_bytes) { return 8 * document_bytes + (size_t{1} << 20); }

// A date as feeds write it (RFC 822 with zone names or numeric offsets and
// the odd variants seen in the wild, ISO 8601 / W3C-DTF) as
// "YYYY-MM-DDTHH:MM:SSZ" in UTC, a date alone ("YYYY-MM-DD") when no time
// is given, or "" when unreadable.
std::string NormalizeFeedDate(std::string_view text);

// A title as plain text: character references decoded, markup (escaped or
// in CDATA) removed, white space collapsed, trimmed. `text` has already had
// XML's own references decoded.
std::string PlainTitle(std::string_view text);

// A JSON Feed (versions 1 and 1.1), `text` valid UTF-8.
Result<ParsedFeed> ParseJsonFeed(std::string_view text, std::string_view base_url,
                                 const FeedOptions& options);

}  // namespace parallax::feed

#endif  // PARALLAX_EXTRACT_FEED_INTERNAL_H_
