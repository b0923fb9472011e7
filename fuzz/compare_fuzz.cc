// libFuzzer target: the whole compare pipeline on two or three documents
// made from arbitrary bytes (extract -> analyze -> align -> reports).
//
// Input: the first byte chooses the number of documents (2 or 3, bit 0)
// and whether each is HTML or text (bits 1-3); the rest is split into the
// documents at its first NUL bytes. Besides crashes and sanitizer reports,
// it checks what a reader of each report relies on:
//  - the JSON parses and holds the documents that were compared;
//  - the terminal report (no colour) holds no control character but line
//    breaks, and is valid UTF-8;
//  - the HTML holds only the report's own tags, no event handler, no
//    script, no javascript: URL in a tag, and is valid UTF-8: article
//    text, however hostile, is text.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/align.h"
#include "parallax/report.h"
#include "parallax/text.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

// The tags the HTML report writes (src/report/); anything else came from
// an article and was not escaped.
const std::set<std::string>& ReportTags() {
  static const std::set<std::string> kTags = {
      "!doctype", "a",     "article", "blockquote", "body", "dd",    "div",   "dl", "dt",
      "h1",       "h2",    "h3",      "head",       "header", "html", "main", "mark", "meta",
      "nav",      "p",     "section", "span",       "style", "table", "tbody", "td", "th",
      "thead",    "title", "tr",      "ol",         "li",   "strong"};
  return kTags;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void CheckHtml(const std::string& html) {
  Check(parallax::FindInvalidUtf8(html) == std::string::npos);
  const std::string lower = Lower(html);
  Check(lower.find("<script") == std::string::npos);
  // Inside <style> the report's own CSS holds no '<'; elsewhere every '<'
  // opens a tag of the report.
  for (size_t pos = html.find('<'); pos != std::string::npos; pos = html.find('<', pos + 1)) {
    size_t name_end = pos + 1;
    if (name_end < html.size() && html[name_end] == '/') ++name_end;
    const size_t name_begin = name_end;
    while (name_end < html.size() && (std::isalnum(static_cast<unsigned char>(html[name_end])) || html[name_end] == '!')) {
      ++name_end;
    }
    Check(ReportTags().count(Lower(std::string_view(html).substr(name_begin, name_end - name_begin))) == 1);
    const size_t close = html.find('>', name_end);
    Check(close != std::string::npos);
    // Attribute names: none is an event handler (on...).
    const std::string inside = Lower(std::string_view(html).substr(name_end, close - name_end));
    // Links the report writes go to its own anchors; a page's URL is text.
    Check(inside.find("javascript:") == std::string::npos);
    for (size_t at = inside.find(" on"); at != std::string::npos; at = inside.find(" on", at + 1)) {
      // Only outside quoted values: count the quotes before it.
      if (std::count(inside.begin(), inside.begin() + static_cast<long>(at), '"') % 2 == 0) std::abort();
    }
  }
}

void CheckTerminal(const std::string& text) {
  Check(parallax::FindInvalidUtf8(text) == std::string::npos);
  for (const char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    Check(c == '\n' || (u >= 0x20 && u != 0x7f));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const size_t count = 2 + (data[0] & 1);
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  std::vector<parallax::RawDocument> raw(count);
  for (size_t d = 0; d < count; ++d) {
    const size_t nul = d + 1 < count ? rest.find('\0') : std::string_view::npos;
    raw[d].bytes = std::string(rest.substr(0, nul));
    rest.remove_prefix(nul == std::string_view::npos ? rest.size() : nul + 1);
    raw[d].media_type = (data[0] >> (1 + d)) & 1 ? parallax::MediaType::kHtml : parallax::MediaType::kText;
    raw[d].source = "doc" + std::to_string(d) + (raw[d].media_type == parallax::MediaType::kHtml ? ".html" : ".txt");
    raw[d].name = "doc" + std::to_string(d);
  }
  parallax::CompareOptions options;
  options.threads = 1;
  parallax::Result<parallax::CompareResult> out = parallax::Compare({}, std::move(raw), options);
  Check(out.ok());
  const parallax::Comparison& c = out->comparison;
  Check(c.documents.size() + out->failures.size() == count);
  if (c.documents.size() < 2) return 0;

  const nlohmann::json json = nlohmann::json::parse(parallax::RenderJson(c, out->failures), nullptr, false);
  Check(!json.is_discarded());
  Check(json.at("documents").size() == c.documents.size());
  Check(json.at("schema") == "parallax.compare/1");
  CheckTerminal(parallax::RenderTerminal(c, /*color=*/false));
  CheckHtml(parallax::RenderHtml(c));
  return 0;
}
