// The file, directory and JSON lines sources.
#include "ingest/source_kinds.h"

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/directory.h"
#include "ingest/jsonl_reader.h"
#include "parallax/ingest.h"
#include "parallax/warc.h"

namespace parallax {
namespace ingest_internal {

namespace {

std::string Describe(const std::string& path) { return path == "-" ? "stdin" : path; }

bool IsBlank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

void SetFailure(SourceItem& item, std::string where, Status status, bool part) {
  item = SourceItem();
  item.document.source = std::move(where);
  item.status = std::move(status);
  item.part = part;
}

class JsonLinesSource : public DocumentSource {
 public:
  JsonLinesSource(std::unique_ptr<JsonLinesReader> reader, const std::string& path)
      : reader_(std::move(reader)), name_(Describe(path)), document_name_(DocumentNameFromPath(path)) {}

  bool Next(SourceItem& item) override {
    if (done_) return false;
    switch (reader_->Next()) {
      case JsonLinesReader::Event::kRecord: {
        JsonRecord& record = reader_->record();
        std::string where = name_ + ":" + std::to_string(record.line);
        // A headline alone is an article (a feed item); white space is not.
        if (IsBlank(record.text) && IsBlank(record.title)) {
          SetFailure(item, std::move(where), Status::InvalidInput("no text and no title"), true);
          item.note = std::move(record.note);
          return true;
        }
        item = SourceItem();
        item.note = std::move(record.note);
        RawDocument& doc = item.document;
        doc.source = std::move(where);
        doc.name = document_name_;
        doc.media_type = MediaType::kArticleText;
        doc.bytes = std::move(record.text);
        doc.outlet_hint = std::move(record.outlet);
        doc.id = std::move(record.id);
        doc.url = std::move(record.url);
        doc.title = std::move(record.title);
        doc.published = std::move(record.published);
        return true;
      }
      case JsonLinesReader::Event::kError:
        SetFailure(item, name_ + ":" + std::to_string(reader_->line()), Status::InvalidInput(reader_->reason()),
                   true);
        return true;
      case JsonLinesReader::Event::kEnd:
        done_ = true;
        // The records before a damaged or unreadable part were delivered.
        if (reader_->status().ok()) return false;
        SetFailure(item, name_, reader_->status(), false);
        return true;
    }
    return false;
  }

 private:
  std::unique_ptr<JsonLinesReader> reader_;
  std::string name_;           // the path, "stdin" for "-"
  std::string document_name_;  // RawDocument::name
  bool done_ = false;
};

bool IsIngestName(std::string_view name) {
  return IsDocumentName(name) || (name != "-" && IsJsonLinesPath(name)) || IsWarcPath(name);
}

class DirectorySource : public DocumentSource {
 public:
  DirectorySource(const std::string& dir, const SourceOptions& options) : options_(options) {
    ListDirectory(dir, IsIngestName, &files_, &failures_);
    if (files_.empty() && failures_.empty()) {
      failures_.push_back({dir, Status::Empty("directory holds no .txt, .html, .htm, JSON lines or WARC files "
                                              "(plain or .gz)")});
    }
  }

  bool Next(SourceItem& item) override {
    if (next_failure_ < failures_.size()) {
      LoadFailure& failure = failures_[next_failure_++];
      SetFailure(item, std::move(failure.source), std::move(failure.status), false);
      return true;
    }
    while (true) {
      if (current_ != nullptr && current_->Next(item)) return true;
      if (next_file_ == files_.size()) return false;
      current_ = OpenSource(files_[next_file_++], options_);
    }
  }

 private:
  SourceOptions options_;
  std::vector<std::string> files_;
  std::vector<LoadFailure> failures_;
  size_t next_file_ = 0, next_failure_ = 0;
  std::unique_ptr<DocumentSource> current_;
};

class FileSource : public DocumentSource {
 public:
  FileSource(std::string path, const SourceOptions& options) : path_(std::move(path)) {
    load_.max_bytes = options.max_bytes;
  }

  bool Next(SourceItem& item) override {
    if (done_) return false;
    done_ = true;
    Result<RawDocument> doc = LoadFile(path_, load_);
    if (!doc.ok()) {
      SetFailure(item, path_, doc.status(), false);
      return true;
    }
    item = SourceItem();
    item.document = std::move(doc).value();
    return true;
  }

 private:
  std::string path_;
  LoadOptions load_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<DocumentSource> OpenJsonLinesSource(const std::string& path, const SourceOptions& options) {
  Result<std::unique_ptr<JsonLinesReader>> reader = JsonLinesReader::Open(path);
  if (!reader.ok()) return FailedSource(Describe(path), reader.status());
  return std::make_unique<JsonLinesSource>(std::move(reader).value(), path);
}

std::unique_ptr<DocumentSource> OpenDirectorySource(const std::string& dir, const SourceOptions& options) {
  return std::make_unique<DirectorySource>(dir, options);
}

bool IsAnyPath(std::string_view) { return true; }

std::unique_ptr<DocumentSource> OpenFileSource(const std::string& path, const SourceOptions& options) {
  return std::make_unique<FileSource>(path, options);
}

}  // namespace ingest_internal

bool IsJsonLinesPath(std::string_view path) {
  for (const std::string_view suffix : {".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"}) {
    if (path.ends_with(suffix)) return true;
  }
  return path == "-";
}

}  // namespace parallax
