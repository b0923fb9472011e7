// export: the store's stories, articles and quotes as CSV or JSON lines,
// of one day, one story or everything, streamed in pieces so that an
// export of millions of articles never sits in memory. `parallax export`
// and the web app's /export/ addresses both call Export.
//
//   ExportRequest request;
//   request.kind = ExportKind::kQuotes;
//   request.story = 12;
//   Status s = Export(store, request, [&](std::string_view piece) { out << piece; return out.good(); });
//
// CSV follows RFC 4180 (a header row; fields with a comma, quote or line
// break in quotes, quotes doubled; lines end in CRLF). A text field that
// starts with = + - @ or a tab is prefixed with an apostrophe, so that a
// spreadsheet shows an article's words instead of running them as a
// formula. JSON lines: one object per line, valid UTF-8.
#ifndef PARALLAX_EXPORT_H_
#define PARALLAX_EXPORT_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "parallax/status.h"
#include "parallax/store.h"

namespace parallax {

enum class ExportKind { kStories, kArticles, kQuotes };
enum class ExportFormat { kCsv, kJsonLines };

struct ExportRequest {
  ExportKind kind = ExportKind::kStories;
  ExportFormat format = ExportFormat::kCsv;
  // At most one of the two; neither: everything.
  int64_t story = 0;  // that story's
  std::string day;    // "2026-11-26": published that day (UTC); stories with an article published that day
};

// "stories", "articles", "quotes" and "csv", "jsonl", and back (nothing for
// an unknown name).
const char* ExportKindName(ExportKind kind);
const char* ExportFormatName(ExportFormat format);
std::optional<ExportKind> ParseExportKind(std::string_view name);
std::optional<ExportFormat> ParseExportFormat(std::string_view name);

// "parallax-quotes-story-12.csv", "parallax-stories-2026-11-26.jsonl".
std::string ExportFileName(const ExportRequest& request);

// Whether `request` can be exported: kUsage for a day that is not a date
// or both a day and a story, kNotFound for an unknown story. Export checks
// the same first; a server checks it before it sends headers.
Status CheckExport(const Store& store, const ExportRequest& request);

// Writes the export to `write`, piece by piece; stops early (and returns
// Ok) when `write` returns false. Errors: a day that is not a date, or
// both a day and a story (kUsage); an unknown story (kNotFound); the store.
// Quotes come from the digests `parallax index` makes: articles not yet
// digested have none.
Status Export(const Store& store, const ExportRequest& request, const std::function<bool(std::string_view)>& write);

}  // namespace parallax

#endif  // PARALLAX_EXPORT_H_
