// The request helpers the routes share (internal.h).
#include <httplib.h>

#include <cstdint>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "server/internal.h"
#include "parallax/report.h"
#include "parallax/text.h"

namespace parallax::serving {

Result<Store*> ThreadStore(const std::string& path) {
  thread_local std::unordered_map<std::string, Store> stores;
  auto it = stores.find(path);
  if (it != stores.end()) return &it->second;
  Result<Store> opened = Store::Open(path, OpenMode::kReadOnly);
  if (!opened.ok()) return opened.status();
  return &stores.emplace(path, std::move(*opened)).first->second;
}

// httplib's own parameters keep a form's '+', hence this parser.
std::optional<std::string> Param(const httplib::Request& request, std::string_view name) {
  const size_t question = request.target.find('?');
  if (question == std::string::npos) return std::nullopt;
  std::string_view query = std::string_view(request.target).substr(question + 1);
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query.remove_prefix(amp == std::string_view::npos ? query.size() : amp + 1);
    const size_t eq = pair.find('=');
    if (httplib::detail::decode_url(std::string(pair.substr(0, eq)), true) != name) continue;
    return eq == std::string_view::npos ? std::string() : httplib::detail::decode_url(std::string(pair.substr(eq + 1)), true);
  }
  return std::nullopt;
}

std::string ParamOr(const httplib::Request& request, std::string_view name, std::string fallback) {
  std::optional<std::string> value = Param(request, name);
  return value ? std::move(*value) : std::move(fallback);
}

std::optional<int64_t> ParseId(const std::string& text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  int64_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

size_t QueryNumber(const httplib::Request& request, const char* name, size_t fallback, size_t most) {
  const std::optional<std::string> text = Param(request, name);
  if (!text) return fallback;
  const std::optional<int64_t> n = ParseId(*text);
  return n ? std::min<size_t>(static_cast<size_t>(*n), most) : fallback;
}

std::string IsoTime(std::time_t t) { return FormatUtc(t); }

bool WantsJson(const httplib::Request& request) { return request.path.rfind("/api/", 0) == 0; }

void SendError(const httplib::Request& request, httplib::Response& response, int status, const std::string& message) {
  response.status = status;
  if (WantsJson(request)) {
    std::string body = "{\"error\": \"";
    // Messages may echo what the request said ("No such group: …"): every
    // control character escaped keeps the JSON valid.
    for (const char c : message) {
      if (static_cast<unsigned char>(c) < 0x20) {
        char escaped[8];
        std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
        body += escaped;
        continue;
      }
      if (c == '"' || c == '\\') body += '\\';
      body += c;
    }
    response.set_content(body + "\"}\n", "application/json");
  } else {
    response.set_content("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                             EscapeHtml(message) + "</title>\n<link rel=\"stylesheet\" href=\"/static/parallax.css\">\n"
                             "</head>\n<body>\n<nav class=\"site\"><a href=\"/\">Stories</a></nav>\n<header class=\"page\">"
                             "<h1>" + EscapeHtml(message) + "</h1></header>\n</body>\n</html>\n",
                         "text/html; charset=utf-8");
  }
}

Status FillVoices(const Store& store, std::vector<StorySummary>& stories) {
  constexpr size_t kVoicesShown = 3;
  std::vector<int64_t> ids;
  for (const StorySummary& s : stories) ids.push_back(s.id);
  Result<std::vector<std::vector<VoiceCount>>> voices = store.StoryVoices(ids, kVoicesShown);
  if (!voices.ok()) return voices.status();
  for (size_t i = 0; i < stories.size(); ++i) stories[i].voices = std::move((*voices)[i]);
  return Status::Ok();
}

std::optional<int64_t> PageCache::Version() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!watcher_ && !watcher_failed_) {
    Result<Store> opened = Store::Open(db_, OpenMode::kReadOnly);
    if (opened.ok()) {
      watcher_.emplace(std::move(*opened));
    } else {
      watcher_failed_ = true;  // serve uncached rather than fail
    }
  }
  if (!watcher_) return std::nullopt;
  Result<int64_t> version = watcher_->DataVersion();
  return version.ok() ? std::optional<int64_t>(*version) : std::nullopt;
}

void PageCache::Serve(const httplib::Request& request, httplib::Response& response,
                      const std::function<void()>& render) {
  const std::optional<int64_t> version = Param(request, "hours") ? std::nullopt : Version();
  if (!version) return render();
  const std::string signature = std::to_string(*version);
  if (std::shared_ptr<const Page> page = pages_.Find(request.target, signature)) {
    response.set_content(page->body, page->content_type);
    return;
  }
  render();
  if (response.status == 200 || response.status == -1) {
    pages_.Put(request.target, signature,
               std::make_shared<const Page>(Page{response.body, response.get_header_value("Content-Type")}));
  }
}

void SendInternalError(const httplib::Request& request, httplib::Response& response, const Status& status,
                       const std::string& message) {
  std::cerr << "parallax serve: " << request.path << ": " << status.ToString() << "\n";
  SendError(request, response, 500, message);
}

}  // namespace parallax::serving
