// ingest: where the bytes come from. Expands the command line's inputs
// (files, directories, "-" for stdin), reads them, gunzips ".gz", and guesses
// the media type from the name. Knows nothing about HTML or text structure.
//
//   parallax::LoadedInputs in = parallax::LoadInputs({"pages/", "a.txt"}, {});
//   for (const auto& failure : in.failures) report(failure.source, failure.status);
//   for (const auto& raw : in.documents) ...
#ifndef PARALLAX_INGEST_H_
#define PARALLAX_INGEST_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <string>
#include <vector>

#include "parallax/article.h"
#include "parallax/status.h"

namespace parallax {

struct LoadOptions {
  // Inputs larger than this (after decompression) are refused. News pages are
  // rarely above 5 MB; 64 MB leaves room for odd archives while keeping a
  // hostile input from exhausting memory.
  size_t max_bytes = size_t{64} << 20;
};


struct LoadedInputs {
  std::vector<RawDocument> documents;  // in command-line order, directories sorted
  std::vector<LoadFailure> failures;   // every input that could not be read
};

// Reads every input. A directory contributes its .txt, .html, .htm (and .gz
// of those) files, sorted by name; other files in it are skipped silently.
// A named file is read whatever its suffix (unknown suffixes are text).
// Never fails as a whole: each unusable input becomes a LoadFailure.
LoadedInputs LoadInputs(const std::vector<std::string>& inputs, const LoadOptions& options);

struct ListedInputs {
  std::vector<std::string> paths;      // what LoadInputs would read, in its order
  std::vector<LoadFailure> failures;   // directories that could not be listed or hold nothing
};

// The files LoadInputs would read, without reading them, for a caller that
// reads them one at a time with LoadFile (on several threads, or to hold
// only a few in memory). Named files and "-" are listed as given: whether
// they exist and can be read is LoadFile's to report.
ListedInputs ListInputs(const std::vector<std::string>& inputs);

// JSON lines files by name: .jsonl, .ndjson, either gzipped, and "-"
// (standard input). source.h's "jsonl" kind.
bool IsJsonLinesPath(std::string_view path);

// Reads one file ("-" is stdin). Gunzips when the name ends in ".gz" or the
// bytes start with the gzip magic number.
Result<RawDocument> LoadFile(const std::string& path, const LoadOptions& options);

// One article of a JSON lines file: {"id", "text", "title", "outlet", "url",
// "published"}; other fields are ignored (never read: a "cluster" answer
// key in an evaluation file stays unseen). A UTF-8 byte order mark before
// the first line is skipped.
struct JsonRecord {
  uint64_t line = 0;  // 1-based line number in its file
  std::string id;     // a string, or a number written as in the file
  std::string text;
  std::string title;
  std::string outlet;
  std::string url;
  // ISO 8601 as given; a number is taken as Unix time (seconds, or
  // milliseconds from 10^11 up) and written as "YYYY-MM-DDTHH:MM:SSZ".
  std::string published;
  // Set when a field had a type the reader cannot use ("published": true,
  // "title": 3): the field is left empty and this says which, so a caller
  // can tell the user. Empty otherwise; null counts as absent, not wrong.
  std::string note;
};

// Streams a JSON lines file (".gz" is gunzipped on the fly; "-" is stdin):
// `on_record` for every usable line, `on_error(line, reason)` for every line
// that is not a JSON object, lacks an "id", or has no text and no title.
// Blank lines are skipped. Memory stays bounded by the longest line (lines
// over 64 MiB are reported and skipped). Fails as a whole only when the
// file cannot be opened or read, or the gzip stream is corrupt (the records
// before the damage have been delivered).
Status ReadJsonLines(const std::string& path, const std::function<void(JsonRecord&&)>& on_record,
                     const std::function<void(uint64_t line, const std::string& reason)>& on_error);

// The JSON lines of a buffer already in memory (a request body, say),
// delivered exactly as ReadJsonLines delivers a file's: the same records,
// errors and line numbers. Lines over 64 MiB are reported and skipped.
void ParseJsonLines(std::string_view bytes, const std::function<void(JsonRecord&&)>& on_record,
                    const std::function<void(uint64_t line, const std::string& reason)>& on_error);

// Parses one line; false with `reason` when it is not a usable record.
bool ParseJsonRecord(std::string_view line, JsonRecord& record, std::string& reason);

// Inflates gzip bytes (several members allowed) up to `max_bytes` of
// output: TooLarge past it (a small bomb stops there), InvalidInput for
// damaged data.
Result<std::string> GunzipBytes(std::string_view compressed, size_t max_bytes);

// "dir/a.html.gz" -> "a"; "-" -> "stdin".
std::string DocumentNameFromPath(const std::string& path);

// Media type from the suffix, else from the first bytes ("<!doctype", "<html").
MediaType GuessMediaType(const std::string& path, const std::string& bytes);

}  // namespace parallax

#endif  // PARALLAX_INGEST_H_
