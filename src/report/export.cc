// Exports of the store as CSV (RFC 4180) or JSON lines, written in pieces.
#include "parallax/export.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "parallax/text.h"

namespace parallax {

namespace {

// Pieces are handed to the writer at about this size: few calls, little memory.
constexpr size_t kPieceBytes = 64 * 1024;
// Stories read at a time when exporting many.
constexpr size_t kStoriesPerRead = 1000;
constexpr size_t kVoicesExported = 5;

using Json = nlohmann::ordered_json;

// The rows of an export, each a list of named fields; knows both formats.
class Rows {
 public:
  Rows(ExportFormat format, const std::function<bool(std::string_view)>& write) : format_(format), write_(write) {}

  // CSV's header row (JSON lines have none).
  void Header(const std::vector<const char*>& names) {
    names_ = names;
    if (format_ != ExportFormat::kCsv) return;
    for (size_t i = 0; i < names.size(); ++i) buffer_ += (i == 0 ? "" : ",") + std::string(names[i]);
    buffer_ += "\r\n";
  }

  // One row: the values in the order of the header. Returns false once the
  // writer wants no more.
  bool Row(const std::vector<Json>& values) {
    if (format_ == ExportFormat::kCsv) {
      for (size_t i = 0; i < values.size(); ++i) {
        if (i > 0) buffer_ += ',';
        AppendCsvField(values[i]);
      }
      buffer_ += "\r\n";
    } else {
      Json object = Json::object();
      for (size_t i = 0; i < values.size() && i < names_.size(); ++i) object[names_[i]] = values[i];
      buffer_ += object.dump(-1, ' ', false, Json::error_handler_t::replace);
      buffer_ += '\n';
    }
    return buffer_.size() < kPieceBytes || Flush();
  }

  bool Flush() {
    if (buffer_.empty() || stopped_) return !stopped_;
    stopped_ = !write_(buffer_);
    buffer_.clear();
    return !stopped_;
  }
  bool stopped() const { return stopped_; }

 private:
  void AppendCsvField(const Json& value) {
    std::string text;
    if (value.is_null()) return;
    if (value.is_string()) {
      text = value.get<std::string>();
      // A cell a spreadsheet would run as a formula is shown as text.
      if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' ||
                            text[0] == '\r')) {
        text.insert(text.begin(), '\'');
      }
    } else if (value.is_array()) {
      // A list in one cell: "; " between items.
      for (const Json& item : value) {
        if (!text.empty()) text += "; ";
        text += item.is_string() ? item.get<std::string>() : item.dump();
      }
    } else {
      text = value.dump();
    }
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
      buffer_ += text;
      return;
    }
    buffer_ += '"';
    for (const char c : text) {
      if (c == '"') buffer_ += '"';
      buffer_ += c;
    }
    buffer_ += '"';
  }

  const ExportFormat format_;
  const std::function<bool(std::string_view)>& write_;
  std::vector<const char*> names_;
  std::string buffer_;
  bool stopped_ = false;
};

Json TextOrNull(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }
Json StoryOrNull(int64_t story) { return story == 0 ? Json(nullptr) : Json(story); }

// Voices as "Name (2)" in CSV, objects in JSON lines.
Json Voices(const std::vector<VoiceCount>& voices, ExportFormat format) {
  Json list = Json::array();
  for (const VoiceCount& v : voices) {
    if (format == ExportFormat::kCsv) {
      list.push_back(v.name + " (" + std::to_string(v.articles) + ")");
    } else {
      list.push_back({{"name", v.name}, {"quotes", v.quotes}, {"articles", v.articles}});
    }
  }
  return list;
}

Status ExportStories(const Store& store, const ExportRequest& request, const ExportQuery& window, Rows& rows) {
  rows.Header({"id", "headline", "articles", "outlet_count", "outlets", "first_published", "last_published", "voices"});
  auto emit = [&](std::vector<StorySummary>& stories) -> Result<bool> {
    std::vector<int64_t> ids;
    for (const StorySummary& s : stories) ids.push_back(s.id);
    Result<std::vector<std::vector<VoiceCount>>> voices = store.StoryVoices(ids, kVoicesExported);
    if (!voices.ok()) return voices.status();
    for (size_t i = 0; i < stories.size(); ++i) {
      const StorySummary& s = stories[i];
      if (!rows.Row({s.id, s.headline, s.size, s.outlets.size(), s.outlets, TextOrNull(s.first_published),
                     TextOrNull(s.last_published), Voices((*voices)[i], request.format)})) {
        return false;
      }
    }
    return true;
  };
  if (request.story != 0) {
    Result<std::vector<StorySummary>> one = store.StoriesById({request.story});
    if (!one.ok()) return one.status();
    Result<bool> more = emit(*one);
    return more.ok() ? Status::Ok() : more.status();
  }
  StoryQuery query;
  query.order = StoryOrder::kMostOutletsRecent;
  query.from = window.from;
  query.to = window.to;
  query.limit = kStoriesPerRead;
  for (;; query.offset += query.limit) {
    Result<std::vector<StorySummary>> page = store.ListStories(query);
    if (!page.ok()) return page.status();
    Result<bool> more = emit(*page);
    if (!more.ok()) return more.status();
    if (!*more || page->size() < query.limit) return Status::Ok();
  }
}

}  // namespace

const char* ExportKindName(ExportKind kind) {
  switch (kind) {
    case ExportKind::kStories: return "stories";
    case ExportKind::kArticles: return "articles";
    case ExportKind::kQuotes: return "quotes";
  }
  return "stories";
}

const char* ExportFormatName(ExportFormat format) { return format == ExportFormat::kCsv ? "csv" : "jsonl"; }

std::optional<ExportKind> ParseExportKind(std::string_view name) {
  for (const ExportKind kind : {ExportKind::kStories, ExportKind::kArticles, ExportKind::kQuotes}) {
    if (name == ExportKindName(kind)) return kind;
  }
  return std::nullopt;
}

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "jsonl") return ExportFormat::kJsonLines;
  return std::nullopt;
}

std::string ExportFileName(const ExportRequest& request) {
  std::string name = std::string("parallax-") + ExportKindName(request.kind);
  if (request.story != 0) name += "-story-" + std::to_string(request.story);
  if (!request.day.empty() && ParseDay(request.day)) name += "-" + request.day;
  return name + "." + ExportFormatName(request.format);
}

Status CheckExport(const Store& store, const ExportRequest& request) {
  if (request.story != 0 && !request.day.empty()) return Status::Usage("export one story or one day, not both");
  if (!request.day.empty() && !ParseDay(request.day)) {
    return Status::Usage("the day is a date, as 2026-11-26, not '" + request.day.substr(0, 40) + "'");
  }
  if (request.story != 0) {
    Result<std::vector<StorySummary>> known = store.StoriesById({request.story});
    if (!known.ok()) return known.status();
    if (known->empty()) return Status::NotFound("no story " + std::to_string(request.story));
  }
  return Status::Ok();
}

Status Export(const Store& store, const ExportRequest& request, const std::function<bool(std::string_view)>& write) {
  if (Status checked = CheckExport(store, request); !checked.ok()) return checked;
  ExportQuery window;
  window.story = request.story;
  if (!request.day.empty()) {
    window.from = request.day;
    window.to = *NextDay(request.day);
  }
  Rows rows(request.format, write);
  Status status;
  switch (request.kind) {
    case ExportKind::kStories:
      status = ExportStories(store, request, window, rows);
      break;
    case ExportKind::kArticles:
      rows.Header({"id", "story", "outlet", "title", "published", "url", "language", "text"});
      status = store.ForEachExportArticle(window, [&](const StoredArticle& s) {
        const Article& a = s.article;
        return rows.Row({a.id, StoryOrNull(s.story), a.outlet, a.title, TextOrNull(a.published), TextOrNull(a.url),
                         TextOrNull(a.language), BodyText(a.paragraphs)});
      });
      break;
    case ExportKind::kQuotes:
      rows.Header({"story", "article", "outlet", "published", "speaker", "kind", "paragraph", "text"});
      status = store.ForEachQuote(window, [&](const QuoteRecord& q) {
        return rows.Row({StoryOrNull(q.story), q.article_id, q.outlet, TextOrNull(q.published),
                         TextOrNull(q.quote.speaker), q.quote.kind, q.quote.paragraph, q.quote.text});
      });
      break;
  }
  if (!status.ok()) return status;
  rows.Flush();
  return Status::Ok();
}

}  // namespace parallax
