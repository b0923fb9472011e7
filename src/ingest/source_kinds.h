// Internal to ingest: the kinds of source besides WARC (warc.h), each a
// line of the table in sources.cc.
#ifndef PARALLAX_INGEST_SOURCE_KINDS_H_
#define PARALLAX_INGEST_SOURCE_KINDS_H_

#include <memory>
#include <string>
#include <string_view>

#include "parallax/source.h"

namespace parallax {
namespace ingest_internal {

// JSON lines (ingest.h's IsJsonLinesPath): each record a document of
// MediaType::kArticleText, "FILE:LINE" (FILE "stdin" for "-"); an unusable
// line a failure of its own, a damaged file a last failure.
std::unique_ptr<DocumentSource> OpenJsonLinesSource(const std::string& path, const SourceOptions& options);

// A directory: the pages, texts, JSON lines and WARC files under it,
// recursively in name order, each opened through OpenSource. A directory
// that holds none of them is a failure.
std::unique_ptr<DocumentSource> OpenDirectorySource(const std::string& dir, const SourceOptions& options);

// An http(s) address: the page fetched once with HttpClient (robots.txt,
// address checks and size cap as `parallax fetch` has them; private
// addresses only with SourceOptions::allow_private). Anything but a 200 is
// a failure naming the status.
bool IsHttpUrl(std::string_view locator);
std::unique_ptr<DocumentSource> OpenHttpSource(const std::string& url, const SourceOptions& options);

// Anything else: one file read whole (LoadFile), a page or a text.
bool IsAnyPath(std::string_view locator);
std::unique_ptr<DocumentSource> OpenFileSource(const std::string& path, const SourceOptions& options);

}  // namespace ingest_internal
}  // namespace parallax

#endif  // PARALLAX_INGEST_SOURCE_KINDS_H_
