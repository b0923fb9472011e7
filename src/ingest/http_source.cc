// source.h's "http" kind: one page fetched as `parallax fetch` fetches it.
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "ingest/source_kinds.h"
#include "parallax/http.h"
#include "parallax/source.h"

namespace parallax::ingest_internal {

namespace {

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != prefix[i]) return false;
  }
  return true;
}

// The fetch happens on the first Next, so that opening a list of sources
// costs nothing until each is read.
class HttpSource : public DocumentSource {
 public:
  HttpSource(std::string url, const SourceOptions& options) : url_(std::move(url)), options_(options) {}

  bool Next(SourceItem& item) override {
    if (done_) return false;
    done_ = true;
    HttpOptions http;
    http.allow_private = options_.allow_private;
    http.max_body = options_.max_bytes;
    HttpClient client(http);
    HttpResult result;
    client.Fetch({{url_, "", "", 0}}, [&](HttpResult&& r) { result = std::move(r); });
    item = SourceItem{};
    item.document.source = url_;
    item.document.name = url_;
    if (!result.error.ok()) {
      item.status = result.error;
      return true;
    }
    if (result.status != 200) {
      item.status = Status::IoError("HTTP " + std::to_string(result.status));
      return true;
    }
    RawDocument& doc = item.document;
    doc.url = result.final_url.empty() ? url_ : result.final_url;
    doc.content_type = result.content_type;
    doc.http_charset = result.charset;
    doc.fetched_at = result.fetched_at;
    doc.http_status = result.status;
    doc.media_type = result.content_type.find("html") != std::string::npos ? MediaType::kHtml : MediaType::kText;
    doc.bytes = std::move(result.body);
    return true;
  }

 private:
  std::string url_;
  SourceOptions options_;
  bool done_ = false;
};

}  // namespace

bool IsHttpUrl(std::string_view locator) {
  return StartsWithNoCase(locator, "http://") || StartsWithNoCase(locator, "https://");
}

std::unique_ptr<DocumentSource> OpenHttpSource(const std::string& url, const SourceOptions& options) {
  return std::make_unique<HttpSource>(url, options);
}

}  // namespace parallax::ingest_internal
