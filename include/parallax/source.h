// Sources: every kind of input behind one interface. A source yields raw
// documents (bytes with their address, content type, HTTP charset and fetch
// time) or, for a part it could not read, a failure naming that part; it
// never stops at a bad part. Which kind reads a locator is decided in one
// place, OpenSource, from the table in src/ingest/sources.cc (one line per
// kind: WARC, JSON lines, directory, HTTP, file).
//
//   std::unique_ptr<DocumentSource> source = OpenSource("crawl.warc.gz", {});
//   SourceItem item;
//   while (source->Next(item)) {
//     if (!item.status.ok()) { report(item.document.source, item.status); continue; }
//     Use(std::move(item.document));
//   }
#ifndef PARALLAX_SOURCE_H_
#define PARALLAX_SOURCE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "parallax/article.h"
#include "parallax/status.h"

namespace parallax {

struct SourceOptions {
  // A document larger than this (after decompression) is a failure, not
  // read: see LoadOptions.
  size_t max_bytes = size_t{64} << 20;
  // Only http(s) sources: may they reach loopback and private addresses?
  bool allow_private = false;
};

// One thing a source yields: a document, or (status not ok) the failure of
// the part named by document.source.
struct SourceItem {
  RawDocument document;
  Status status;
  // For a failure: true when it is of one part of a file (a line, a
  // record), whose status message alone says what is wrong after its
  // "FILE:LINE" or "FILE#OFFSET"; false when a whole input failed.
  bool part = false;
  // Something the user should know about the document or failure (a
  // record's field of the wrong type, ignored); "" when nothing. A document
  // with a note is still usable.
  std::string note;
};

class DocumentSource {
 public:
  virtual ~DocumentSource() = default;
  // The next document or failure into `item`; false when there is no more.
  virtual bool Next(SourceItem& item) = 0;
};

// One kind of input: whether it reads a locator, and how to open it.
struct SourceKind {
  std::string_view name;  // "warc", "jsonl", "directory", "http", "file"
  bool (*reads)(std::string_view locator);
  std::unique_ptr<DocumentSource> (*open)(const std::string& locator, const SourceOptions& options);
};

// The source for `locator` (a path, "-" for stdin, or an http(s) URL): the
// first kind of the table that reads it. Never null: a locator that cannot
// be opened gives a source that yields its failure.
std::unique_ptr<DocumentSource> OpenSource(const std::string& locator, const SourceOptions& options);

// The name of the kind OpenSource would choose ("warc", ...), for messages.
std::string_view SourceKindName(std::string_view locator);

// `source` read ahead on a thread of its own, up to `max_items` items or
// `max_bytes` of document bytes (one larger document still passes), so that
// what the caller does with one document (extract, store) overlaps reading,
// inflating and parsing the next. Items come in the same order. Next must be
// called from one thread; destroying the source stops the reading.
std::unique_ptr<DocumentSource> ReadAhead(std::unique_ptr<DocumentSource> source, size_t max_items = 64,
                                          size_t max_bytes = size_t{16} << 20);

// A source that yields one failure, for kinds that cannot open a locator.
std::unique_ptr<DocumentSource> FailedSource(const std::string& locator, Status status);

}  // namespace parallax

#endif  // PARALLAX_SOURCE_H_
