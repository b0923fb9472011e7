// OpenWarcSource: the HTML responses of a WARC file as raw documents.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "ingest/warc_internal.h"
#include "parallax/ingest.h"
#include "parallax/source.h"
#include "parallax/warc.h"

namespace parallax {

namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  s.remove_prefix(s.size() - suffix.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (Lower(s[i]) != suffix[i]) return false;
  }
  return true;
}

bool ContainsNoCase(std::string_view s, std::string_view lower_needle) {
  std::string lower(s);
  for (char& c : lower) c = Lower(c);
  return lower.find(lower_needle) != std::string::npos;
}

// A record that holds an HTTP response: "application/http; msgtype=response"
// (some writers leave out the msgtype, a few the Content-Type altogether).
bool HoldsHttpResponse(const WarcRecord& record) {
  if (record.content_type.empty()) return record.block.starts_with("HTTP/");
  return ContainsNoCase(record.content_type, "application/http") &&
         !ContainsNoCase(record.content_type, "msgtype=request");
}

// From the head alone: a 2xx response that says it is HTML or says nothing.
// Scripts, images and redirects are skipped before their bodies are
// de-chunked or inflated (a crawl is full of them), and a body of theirs
// that cannot be decoded is no failure of ours.
bool MayBeHtmlPage(std::string_view block) {
  HttpMessage head;
  size_t body_start = 0;
  if (!ingest_internal::ParseHttpHead(block, head, body_start).ok()) return true;  // the full parse says why
  return head.status >= 200 && head.status <= 299 &&
         (head.content_type.empty() || head.content_type.find("html") != std::string::npos);
}

class WarcSource : public DocumentSource {
 public:
  WarcSource(WarcReader reader, std::string path, const SourceOptions& options)
      : reader_(std::move(reader)), path_(std::move(path)), options_(options),
        name_(DocumentNameFromPath(path_)) {}

  bool Next(SourceItem& item) override {
    while (!done_) {
      Result<bool> more = reader_.Next(record_);
      if (!more.ok()) {
        done_ = true;
        Fill(item, path_, more.status());
        return true;
      }
      if (!*more) {
        done_ = true;
        break;
      }
      if (record_.type != "response") continue;
      const std::string where = path_ + "#" + std::to_string(record_.offset);
      if (reader_.truncated()) {
        Fill(item, where, Status::TooLarge("the record is larger than the limit of " +
                                           std::to_string(options_.max_bytes) + " bytes"));
        item.part = true;
        return true;
      }
      if (!HoldsHttpResponse(record_) || !MayBeHtmlPage(record_.block)) continue;
      Result<HttpMessage> message = ParseHttpResponse(record_.block, options_.max_bytes);
      if (!message.ok()) {
        Fill(item, where, message.status());
        item.part = true;
        return true;
      }
      // Redirects, errors and "no content" are not articles, whatever they say.
      if (message->status < 200 || message->status > 299) continue;
      const bool html = message->content_type.empty()
                            ? GuessMediaType("", message->body) == MediaType::kHtml
                            : message->content_type.find("html") != std::string::npos;
      if (!html) continue;
      item = SourceItem();
      RawDocument& doc = item.document;
      doc.source = where;
      doc.name = name_;
      doc.media_type = MediaType::kHtml;
      doc.url = record_.target_uri;
      doc.content_type.assign(FindHeader(message->headers, "Content-Type"));
      doc.http_charset = std::move(message->charset);
      doc.fetched_at = record_.date;
      doc.http_status = message->status;
      doc.bytes = std::move(message->body);
      return true;
    }
    return false;
  }

 private:
  static void Fill(SourceItem& item, const std::string& where, Status status) {
    item = SourceItem();
    item.document.source = where;
    item.status = std::move(status);
  }

  WarcReader reader_;
  WarcRecord record_;  // reused: its strings keep their capacity
  std::string path_;
  SourceOptions options_;
  std::string name_;
  bool done_ = false;
};

}  // namespace

bool IsWarcPath(std::string_view locator) {
  return EndsWithNoCase(locator, ".warc") || EndsWithNoCase(locator, ".warc.gz");
}

std::unique_ptr<DocumentSource> OpenWarcSource(const std::string& path, const SourceOptions& options) {
  WarcReadOptions read_options;
  // The block holds the HTTP head besides the body the limit is about.
  constexpr size_t kHeadAllowance = size_t{64} << 10;
  read_options.max_block = options.max_bytes > SIZE_MAX - kHeadAllowance ? SIZE_MAX : options.max_bytes + kHeadAllowance;
  Result<WarcReader> reader = WarcReader::Open(path, read_options);
  if (!reader.ok()) return FailedSource(path, reader.status());
  return std::make_unique<WarcSource>(std::move(reader).value(), path, options);
}

}  // namespace parallax
