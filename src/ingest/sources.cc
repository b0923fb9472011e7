// The one place that decides which kind of source reads a locator: the
// first line of kKinds whose test accepts it. Order matters: a ".warc.gz"
// is not a page, "-" is JSON lines, and "file" takes whatever is left.
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "ingest/directory.h"
#include "ingest/source_kinds.h"
#include "parallax/ingest.h"
#include "parallax/source.h"
#include "parallax/warc.h"

namespace parallax {

namespace {

using ingest_internal::IsAnyPath;
using ingest_internal::IsDirectory;
using ingest_internal::IsHttpUrl;
using ingest_internal::OpenHttpSource;
using ingest_internal::OpenDirectorySource;
using ingest_internal::OpenFileSource;
using ingest_internal::OpenJsonLinesSource;

constexpr SourceKind kKinds[] = {
    {"warc", IsWarcPath, OpenWarcSource},
    {"jsonl", IsJsonLinesPath, OpenJsonLinesSource},
    {"directory", IsDirectory, OpenDirectorySource},
    {"http", IsHttpUrl, OpenHttpSource},
    {"file", IsAnyPath, OpenFileSource},
};

const SourceKind& KindFor(std::string_view locator) {
  for (const SourceKind& kind : kKinds) {
    if (kind.reads(locator)) return kind;
  }
  return kKinds[std::size(kKinds) - 1];
}

class FailedOnce : public DocumentSource {
 public:
  FailedOnce(std::string locator, Status status) : locator_(std::move(locator)), status_(std::move(status)) {}
  bool Next(SourceItem& item) override {
    if (done_) return false;
    done_ = true;
    item = SourceItem();
    item.document.source = locator_;
    item.status = status_;
    return true;
  }

 private:
  std::string locator_;
  Status status_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<DocumentSource> OpenSource(const std::string& locator, const SourceOptions& options) {
  std::unique_ptr<DocumentSource> source = KindFor(locator).open(locator, options);
  if (source == nullptr) return FailedSource(locator, Status::IoError("cannot be opened"));
  return source;
}

std::string_view SourceKindName(std::string_view locator) { return KindFor(locator).name; }

std::unique_ptr<DocumentSource> FailedSource(const std::string& locator, Status status) {
  return std::make_unique<FailedOnce>(locator, std::move(status));
}

}  // namespace parallax
