// ListIngestSources: which of ingest's inputs are JSON lines and which are
// pages, directories walked.
#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "parallax/ingest.h"

namespace parallax {

namespace fs = std::filesystem;

bool IsJsonLinesPath(std::string_view path) {
  for (const std::string_view suffix : {".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"}) {
    if (path.size() >= suffix.size() && path.substr(path.size() - suffix.size()) == suffix) return true;
  }
  return path == "-";
}

IngestSources ListIngestSources(const std::vector<std::string>& inputs) {
  IngestSources out;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (input == "-" || !fs::is_directory(input, ec)) {
      out.sources.push_back({input, IsJsonLinesPath(input)});
      continue;
    }
    std::vector<IngestSource> found;
    fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && IsJsonLinesPath(it->path().string())) found.push_back({it->path().string(), true});
    }
    if (ec) out.failures.push_back({input, Status::IoError("cannot list: " + ec.message())});
    const bool json_lines_found = !found.empty();
    const ListedInputs pages = ListInputs({input});
    for (const LoadFailure& f : pages.failures) {
      if (f.status.code() == Status::Code::kEmpty && json_lines_found) continue;
      out.failures.push_back(f);
    }
    for (const std::string& page : pages.paths) found.push_back({page, false});
    std::sort(found.begin(), found.end(), [](const IngestSource& a, const IngestSource& b) { return a.path < b.path; });
    out.sources.insert(out.sources.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace parallax
