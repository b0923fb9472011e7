// WARC: the web archive format of crawlers and of Common Crawl's CC-NEWS.
// WarcReader streams the records of a .warc or .warc.gz file (one gzip
// member per record, as crawlers write them, or one member for the whole
// file); ParseHttpResponse splits a response record's block into status,
// headers and a decoded body; WarcWriter writes WARC/1.1, one gzip member a
// record, so that a crawl can be shared, replayed through `parallax ingest`
// and read by standard tools. OpenWarcSource (source.h's kind "warc")
// yields the HTML responses of a file as raw documents.
//
//   Result<WarcReader> reader = WarcReader::Open("cc-news.warc.gz", {});
//   WarcRecord record;
//   while (true) {
//     Result<bool> more = reader->Next(record);
//     if (!more.ok()) { report(more.status()); break; }   // damaged from here on
//     if (!*more) break;
//     if (record.type == "response") ...
//   }
#ifndef PARALLAX_WARC_H_
#define PARALLAX_WARC_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parallax/source.h"
#include "parallax/status.h"

namespace parallax {

using HeaderList = std::vector<std::pair<std::string, std::string>>;  // in order, names as sent

// The value of header `name` (case-insensitive), or "" when absent.
std::string_view FindHeader(const HeaderList& headers, std::string_view name);

struct WarcRecord {
  std::string version;      // "WARC/1.0", "WARC/1.1"
  std::string type;         // WARC-Type: "response", "request", "warcinfo", ...
  std::string target_uri;   // WARC-Target-URI, without the <> some writers add
  std::string date;         // WARC-Date (ISO 8601 UTC)
  std::string record_id;    // WARC-Record-ID
  std::string content_type; // Content-Type of the block ("application/http; msgtype=response")
  HeaderList headers;       // all of them, as written
  std::string block;        // the record's content block
  // Where the record starts: in a .gz, when the record is the first of its
  // gzip member (one member a record, as crawlers write them), the file
  // offset of that member, which is what CDX indexes give; else (a plain
  // file, or a later record of a member holding several) its offset in the
  // uncompressed stream.
  uint64_t offset = 0;
};

struct WarcReadOptions {
  // A record whose block is larger than this is skipped (its header is
  // still returned, with an empty block and `truncated` set) rather than
  // held in memory.
  size_t max_block = size_t{64} << 20;
};

class WarcReader {
 public:
  // Opens a .warc or .warc.gz file (gzip is recognised by its magic bytes).
  static Result<WarcReader> Open(const std::string& path, const WarcReadOptions& options);
  WarcReader(WarcReader&&) noexcept;
  WarcReader& operator=(WarcReader&&) noexcept;
  ~WarcReader();

  // The next record into `record`: true, or false at the end of the file.
  // An error names the offset and the reason (not a WARC file, a damaged
  // gzip member, a header without Content-Length...); reading stops there
  // (later calls return false). A record is returned only once its gzip
  // member has been checked to its end (CRC-32), so a damaged member fails
  // its own record.
  Result<bool> Next(WarcRecord& record);
  // Set by Next when the last record's block exceeded max_block.
  bool truncated() const;

  struct Impl;

 private:
  explicit WarcReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// An HTTP response as a response record holds it.
struct HttpMessage {
  int status = 0;            // 200, 404, ...
  std::string status_line;   // "HTTP/1.1 200 OK"
  HeaderList headers;
  std::string body;          // de-chunked and inflated (gzip, deflate, br) as the headers say
  std::string content_type;  // Content-Type's media type, lower case ("text/html")
  std::string charset;       // its charset parameter, lower case, "" when absent
};

// Parses a response block. The body is de-chunked when it is chunked (some
// archivers keep the header but store the body already de-chunked: such a
// body is taken as it is) and inflated per Content-Encoding (a body that is
// not really compressed is taken as it is). An inflated body larger than
// `max_body` is an error.
Result<HttpMessage> ParseHttpResponse(std::string_view block, size_t max_body);

// One request and its response, as the fetcher saw them.
struct HttpExchange {
  std::string url;
  std::string date;           // ISO 8601 UTC, when the response arrived
  std::string ip;             // the address connected to, "" when unknown
  std::string request_head;   // request line and headers, CRLF-separated, ending in CRLF CRLF
  std::string response_head;  // status line and headers as WarcWriter should record them
  std::string body;           // the body as recorded
};

class WarcWriter {
 public:
  // Creates DIR (when missing) and in it a new file
  // "parallax-YYYYMMDDHHMMSS-PID-N.warc.gz" that starts with a warcinfo
  // record naming `software`.
  static Result<WarcWriter> Create(const std::string& dir, const std::string& software);
  WarcWriter(WarcWriter&&) noexcept;
  WarcWriter& operator=(WarcWriter&&) noexcept;
  ~WarcWriter();

  const std::string& path() const;
  // Writes a request record and its response record (WARC-Concurrent-To
  // links them), each one gzip member, and flushes: a killed process leaves
  // a file whose complete records all read back.
  Status Write(const HttpExchange& exchange);

  struct Impl;

 private:
  explicit WarcWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// source.h's "warc" kind: paths ending in .warc or .warc.gz.
bool IsWarcPath(std::string_view locator);
// Yields every response record with a 2xx status whose HTTP Content-Type is
// HTML (or, when it has none, whose body starts like HTML) as a document:
// source "FILE#OFFSET", url, content type, HTTP charset, fetched_at
// (WARC-Date), http_status. Other records (requests, metadata, images,
// redirects, errors) are skipped silently; a response that cannot be parsed
// or is over options.max_bytes is a failure of its own (SourceItem::part),
// and a damaged file a last failure naming the file.
std::unique_ptr<DocumentSource> OpenWarcSource(const std::string& path, const SourceOptions& options);

}  // namespace parallax

#endif  // PARALLAX_WARC_H_
