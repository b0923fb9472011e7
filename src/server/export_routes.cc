// GET /export/{stories,articles,quotes}.{csv,jsonl}?day=YYYY-MM-DD|story=ID:
// the exports of `parallax export`, streamed as they are read.
#include <httplib.h>

#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "parallax/export.h"
#include "parallax/store.h"
#include "parallax/text.h"
#include "server/internal.h"

namespace parallax::serving {

void ServeExport(const std::string& db, const httplib::Request& request, httplib::Response& response) {
  const std::optional<ExportKind> kind = ParseExportKind(request.matches[1].str());
  const std::optional<ExportFormat> format = ParseExportFormat(request.matches[2].str());
  if (!kind || !format) return SendError(request, response, 404, "Not found");
  auto export_request = std::make_shared<ExportRequest>();
  export_request->kind = *kind;
  export_request->format = *format;
  export_request->day = ParamOr(request, "day");
  if (const std::optional<std::string> story = Param(request, "story")) {
    const std::optional<int64_t> id = ParseId(*story);
    if (!id || *id == 0) return SendError(request, response, 400, "story is a story's number");
    export_request->story = *id;
  }
  if (!export_request->day.empty() && !ParseDay(export_request->day)) {
    return SendError(request, response, 400, "day is a date, as 2026-11-26");
  }
  if (!export_request->day.empty() && export_request->story != 0) {
    return SendError(request, response, 400, "Export one story or one day, not both");
  }
  Result<Store*> store = ThreadStore(db);
  if (!store.ok()) return SendInternalError(request, response, store.status(), "The store could not be read");
  if (export_request->story != 0) {
    Result<std::vector<StorySummary>> known = (*store)->StoriesById({export_request->story});
    if (!known.ok()) return SendInternalError(request, response, known.status(), "The store could not be read");
    if (known->empty()) return SendError(request, response, 404, "No such story");
  }
  response.set_header("Content-Disposition", "attachment; filename=\"" + ExportFileName(*export_request) + "\"");
  // The provider runs on this worker thread once the headers are sent, so
  // its store is this thread's connection.
  const std::string path = db;
  response.set_chunked_content_provider(
      *format == ExportFormat::kCsv ? "text/csv; charset=utf-8" : "application/x-ndjson",
      [path, export_request](size_t, httplib::DataSink& sink) {
        Result<Store*> reader = ThreadStore(path);
        if (reader.ok()) {
          const Status s = Export(**reader, *export_request, [&](std::string_view piece) {
            return sink.write(piece.data(), piece.size());
          });
          // Headers are gone: a failure midway can only end the stream
          // short, which the client sees as an incomplete transfer.
          if (!s.ok()) {
            std::cerr << "parallax serve: export: " << s.ToString() << "\n";
            return false;
          }
        }
        sink.done();
        return reader.ok();
      });
}

}  // namespace parallax::serving
