// Internal to ingest: the JSON lines reader that ReadJsonLines,
// ParseJsonLines and the "jsonl" source share. It is pulled a record at a
// time (a source hands out one document per call), where ReadJsonLines
// pushes them to callbacks.
#ifndef PARALLAX_INGEST_JSONL_READER_H_
#define PARALLAX_INGEST_JSONL_READER_H_

#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "parallax/ingest.h"
#include "parallax/status.h"

namespace parallax {
namespace ingest_internal {

class JsonLinesReader {
 public:
  enum class Event { kRecord, kError, kEnd };

  // Opens a file ("-" is stdin; gzip is read on the fly). Fails only when it
  // cannot be opened: NotFound or IoError.
  static Result<std::unique_ptr<JsonLinesReader>> Open(const std::string& path);
  // Reads a buffer that outlives the reader.
  static std::unique_ptr<JsonLinesReader> FromMemory(std::string_view bytes);
  JsonLinesReader(const JsonLinesReader&) = delete;
  JsonLinesReader& operator=(const JsonLinesReader&) = delete;
  ~JsonLinesReader();

  // The next usable record (record()), unusable line (line(), reason()) or
  // the end (status(): ok, or why reading stopped early). Blank lines are
  // skipped.
  Event Next();
  JsonRecord& record() { return record_; }
  uint64_t line() const { return line_number_; }
  const std::string& reason() const { return reason_; }
  const Status& status() const { return status_; }

 private:
  JsonLinesReader();
  bool Map(const std::string& path);
  // The next line without its '\n'; a line over 64 MiB is cut (too_long).
  bool NextLine(std::string_view& line, bool& too_long);

  // In memory or mapped.
  std::string_view data_;
  char* mapped_ = nullptr;
  size_t mapped_size_ = 0;
  size_t released_ = 0;  // [0, released_) of the mapping is let go
  // Streamed through zlib.
  bool streaming_ = false;
  gzFile file_ = nullptr;  // closed (null) once its clean end is seen
  std::unique_ptr<char[]> chunk_;
  std::string_view pending_;  // what is left of the chunk
  std::string line_;          // a line that began in an earlier chunk
  bool skipping_long_line_ = false;
  bool line_done_ = false;    // line_ was handed out: clear it first
  bool stream_end_ = false;   // gzread reached the clean end
  bool file_done_ = false;

  uint64_t line_number_ = 0;
  JsonRecord record_;
  std::string reason_;
  Status status_;
};

}  // namespace ingest_internal
}  // namespace parallax

#endif  // PARALLAX_INGEST_JSONL_READER_H_
