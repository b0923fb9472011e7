// The small pieces of HTTP that http.cc needs around libcurl: dates,
// Retry-After, reason phrases and the response head a WARC record keeps.
#include <curl/curl.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/http_internal.h"
#include "parallax/text.h"

namespace parallax {
namespace ingest_internal {

namespace {

}  // namespace

std::string IsoUtc(std::chrono::system_clock::time_point when) {
  return FormatUtc(std::chrono::system_clock::to_time_t(when));
}

std::optional<std::chrono::milliseconds> ParseRetryAfter(
    std::string_view value, std::chrono::system_clock::time_point now) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  bool all_digits = true;
  for (const char c : value) all_digits = all_digits && std::isdigit(static_cast<unsigned char>(c));
  if (all_digits) {
    // Anything past a day is "too long" for every sensible limit; cap the
    // number before it can overflow.
    if (value.size() > 9) return std::chrono::milliseconds(std::chrono::hours(24 * 365));
    return std::chrono::seconds(std::stol(std::string(value)));
  }
  // IMF-fixdate, RFC 850 and asctime dates, as RFC 9110 asks recipients to
  // accept: libcurl's date parser reads all three.
  const std::string text(value);
  const std::time_t when = curl_getdate(text.c_str(), nullptr);
  if (when == -1) return std::nullopt;
  const auto wait = std::chrono::system_clock::from_time_t(when) - now;
  if (wait <= std::chrono::system_clock::duration::zero()) return std::chrono::milliseconds(0);
  return std::chrono::ceil<std::chrono::milliseconds>(wait);
}

const char* ReasonPhrase(int status) {
  switch (status) {
    case 100:
      return "Continue";
    case 101:
      return "Switching Protocols";
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 202:
      return "Accepted";
    case 203:
      return "Non-Authoritative Information";
    case 204:
      return "No Content";
    case 205:
      return "Reset Content";
    case 206:
      return "Partial Content";
    case 300:
      return "Multiple Choices";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 307:
      return "Temporary Redirect";
    case 308:
      return "Permanent Redirect";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 402:
      return "Payment Required";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 406:
      return "Not Acceptable";
    case 407:
      return "Proxy Authentication Required";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 410:
      return "Gone";
    case 411:
      return "Length Required";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Content Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 416:
      return "Range Not Satisfiable";
    case 417:
      return "Expectation Failed";
    case 421:
      return "Misdirected Request";
    case 422:
      return "Unprocessable Content";
    case 425:
      return "Too Early";
    case 426:
      return "Upgrade Required";
    case 428:
      return "Precondition Required";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 451:
      return "Unavailable For Legal Reasons";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    case 505:
      return "HTTP Version Not Supported";
    default:
      return "";
  }
}

std::string WarcResponseHead(int status, std::string_view status_line, const HeaderList& headers,
                             size_t body_size) {
  std::string head;
  if (status_line.substr(0, 7) == "HTTP/1." && status_line.size() >= 12) {
    head.append(status_line);
  } else {
    // "HTTP/2 200": WARC tools expect an HTTP/1.x status line.
    char line[64];
    std::snprintf(line, sizeof line, "HTTP/1.1 %03d ", status);
    head += line;
    head += ReasonPhrase(status);
  }
  head += "\r\n";
  for (const auto& [name, value] : headers) {
    // The body is recorded decoded and whole, so the head must not claim
    // an encoding or a framing it no longer has.
    if (EqualsIgnoringAsciiCase(name, "Content-Encoding") ||
        EqualsIgnoringAsciiCase(name, "Transfer-Encoding") ||
        EqualsIgnoringAsciiCase(name, "Content-Length")) {
      continue;
    }
    head += name;
    head += ": ";
    head += value;
    head += "\r\n";
  }
  head += "Content-Length: " + std::to_string(body_size) + "\r\n\r\n";
  return head;
}

}  // namespace ingest_internal
}  // namespace parallax
