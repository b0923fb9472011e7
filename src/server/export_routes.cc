// GET /export/{stories,articles,quotes}.{csv,jsonl}?day=YYYY-MM-DD|story=ID:
// the exports of `parallax export`, streamed as they are read.
#include <httplib.h>

#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "parallax/export.h"
#include "parallax/store.h"
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
  Result<Store*> store = ThreadStore(db);
  if (!store.ok()) return SendInternalError(request, response, store.status(), "The store could not be read");
  // Checked before the headers go: after them a failure can only cut the file short.
  if (const Status checked = CheckExport(**store, *export_request); !checked.ok()) {
    switch (checked.code()) {
      case Status::Code::kUsage: return SendError(request, response, 400, checked.message());
      case Status::Code::kNotFound: return SendError(request, response, 404, "No such story");
      default: return SendInternalError(request, response, checked, "The store could not be read");
    }
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
