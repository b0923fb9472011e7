// What a finished transfer means: a failure (retried when it may pass), a
// redirect (followed as a new hop, checked like the first), a 429 or 5xx
// (retried after Retry-After or a backoff), a robots.txt, or the result.
#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "ingest/http_client.h"
#include "ingest/http_internal.h"
#include "parallax/http.h"
#include "parallax/text.h"

namespace parallax {

using ingest_internal::Clock;
using ingest_internal::IsoUtc;
using ingest_internal::Target;

namespace {

std::string_view HeaderValue(const HeaderList& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoringAsciiCase(key, name)) return value;
  }
  return {};
}

// The charset parameter of a Content-Type, lower case, without quotes.
std::string CharsetOf(std::string_view content_type) {
  size_t start = content_type.find(';');
  while (start != std::string_view::npos) {
    const size_t end = content_type.find(';', start + 1);
    std::string_view parameter = content_type.substr(
        start + 1, end == std::string_view::npos ? std::string_view::npos : end - start - 1);
    start = end;
    while (!parameter.empty() && (parameter.front() == ' ' || parameter.front() == '\t')) {
      parameter.remove_prefix(1);
    }
    if (parameter.size() < 8 || !EqualsIgnoringAsciiCase(parameter.substr(0, 8), "charset=")) continue;
    std::string_view value = parameter.substr(8);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    std::string charset(value);
    for (char& c : charset) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return charset;
  }
  return "";
}

bool IsRedirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// Failures worth another attempt: the connection broke or never came up
// (a refused address is a decision, not a failure, and is not retried).
bool Retryable(CURLcode code, bool refused, curl_off_t connect_time) {
  if (refused) return false;
  switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_SSL_CONNECT_ERROR:
      return true;
    case CURLE_OPERATION_TIMEDOUT:
      return connect_time == 0;  // the connect timed out; a slow body is not retried
    default:
      return false;
  }
}

}  // namespace

void HttpClient::Impl::Complete(Transfer* finished, CURLcode code) {
  auto slot = std::find_if(running.begin(), running.end(),
                           [&](const std::unique_ptr<Transfer>& t) { return t.get() == finished; });
  if (slot == running.end()) return;
  const std::unique_ptr<Transfer> transfer = std::move(*slot);
  running.erase(slot);
  Transfer& t = *transfer;
  std::unique_ptr<Job> job(t.job);
  char* ip = nullptr;
  curl_easy_getinfo(t.easy, CURLINFO_PRIMARY_IP, &ip);
  const std::string address = ip != nullptr ? ip : "";
  curl_off_t connect_time = 0;
  curl_easy_getinfo(t.easy, CURLINFO_CONNECT_TIME_T, &connect_time);
  curl_multi_remove_handle(multi, t.easy);
  curl_easy_cleanup(t.easy);
  curl_slist_free_all(t.headers);
  --t.host->active;

  const auto wall = std::chrono::system_clock::now();
  const Clock::time_point now = Clock::now();
  const bool robots = !job->robots_of.empty();
  job->result.fetched_at = IsoUtc(wall);

  if (code != CURLE_OK && !(code == CURLE_WRITE_ERROR && t.truncated)) {
    Status error;
    if (!t.refusal.empty()) {
      Count([](HttpStats& s) { ++s.refused; });
      error = Status::Refused(t.refusal);
    } else if (t.too_large || code == CURLE_FILESIZE_EXCEEDED) {
      error = Status::TooLarge("response larger than " + std::to_string(t.max_body) + " bytes");
    } else {
      const std::string detail = t.error[0] != '\0' ? t.error : curl_easy_strerror(code);
      error = Status::IoError(t.stalled ? "timed out: stalled, nothing received for " +
                                              std::to_string(options.stall_timeout.count()) + " ms"
                              : code == CURLE_OPERATION_TIMEDOUT ? "timed out: " + detail
                                                                 : detail);
    }
    if (!robots && Retryable(code, !t.refusal.empty(), connect_time) &&
        job->retries < options.max_retries) {
      const int exponent = std::min(job->retries, 16);
      ++job->retries;
      Count([](HttpStats& s) { ++s.retries; });
      job->not_before = now + options.retry_base * (int64_t{1} << exponent);
      return Requeue(std::move(job));
    }
    return Finish(std::move(job), std::move(error));
  }

  // A response: recorded, then followed, retried, read as robots.txt or
  // returned.
  const int status = t.status;
  Count([&](HttpStats& s) {
    s.bytes += t.body.size();
    if (status == 304 && !robots) ++s.not_modified;
  });
  if (record) {
    HttpExchange exchange;
    exchange.url = job->target.url;
    exchange.date = job->result.fetched_at;
    exchange.ip = address;
    exchange.request_head = t.request_head;
    exchange.response_head =
        ingest_internal::WarcResponseHead(status, t.status_line, t.response_headers, t.body.size());
    exchange.body = t.body;
    record(exchange);
  }

  if (IsRedirect(status)) {
    const std::string location(HeaderValue(t.response_headers, "Location"));
    if (!location.empty()) {
      if (job->redirects >= options.max_redirects) {
        return Finish(std::move(job), Status::InvalidInput("redirect loop or chain longer than " +
                                                           std::to_string(options.max_redirects)));
      }
      Result<Target> next = ingest_internal::ResolveTarget(&job->target.url, location);
      if (!next.ok()) {
        return Finish(std::move(job), Status::InvalidInput("redirect from " + job->target.url +
                                                           ": " + next.status().message()));
      }
      ++job->redirects;
      job->target = std::move(*next);
      job->result.final_url = job->target.url;
      job->not_before = now;
      return Requeue(std::move(job));
    }
  }

  if (!robots && (status == 429 || status >= 500) && job->retries < options.max_retries) {
    const std::optional<std::chrono::milliseconds> after =
        ingest_internal::ParseRetryAfter(HeaderValue(t.response_headers, "Retry-After"), wall);
    if (after && *after > options.max_retry_after) {
      return Finish(
          std::move(job),
          Status::IoError("HTTP " + std::to_string(status) + " asks to retry after " +
                          std::to_string(after->count() / 1000) + " s, longer than the " +
                          std::to_string(options.max_retry_after.count() / 1000) + " s we wait"));
    }
    const int exponent = std::min(job->retries, 16);
    const std::chrono::milliseconds wait =
        after ? *after : options.retry_base * (int64_t{1} << exponent);
    ++job->retries;
    Count([](HttpStats& s) { ++s.retries; });
    job->not_before = now + wait;
    // The server asked the whole host to wait, not just this address.
    if (after) t.host->blocked_until = std::max(t.host->blocked_until, now + wait);
    return Requeue(std::move(job));
  }

  if (robots) return FinishRobots(std::move(job), &t, Status::Ok());

  HttpResult& result = job->result;
  result.status = status;
  result.final_url = job->target.url;
  result.not_modified = status == 304;
  result.content_type = HeaderValue(t.response_headers, "Content-Type");
  result.charset = CharsetOf(result.content_type);
  result.etag = HeaderValue(t.response_headers, "ETag");
  result.last_modified = HeaderValue(t.response_headers, "Last-Modified");
  if (result.not_modified) {
    // A 304 need not repeat the validators: the old ones still hold.
    if (result.etag.empty()) result.etag = job->request.etag;
    if (result.last_modified.empty()) result.last_modified = job->request.last_modified;
  }
  result.body = std::move(t.body);
  Finish(std::move(job), Status::Ok());
}

}  // namespace parallax
