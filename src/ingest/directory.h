// Internal to ingest: walking directories, shared by LoadInputs and the
// "directory" source.
#ifndef PARALLAX_INGEST_DIRECTORY_H_
#define PARALLAX_INGEST_DIRECTORY_H_

#include <string>
#include <string_view>
#include <vector>

#include "parallax/article.h"

namespace parallax {
namespace ingest_internal {

// A page or text file by its name: .txt, .html, .htm, each optionally .gz.
bool IsDocumentName(std::string_view name);

// True when `locator` names a directory (following links).
bool IsDirectory(std::string_view locator);

// The files under `dir` whose names `wanted` accepts, recursively: each
// directory's entries in byte order of their names, subdirectories among
// the files by name, hidden entries skipped, a symlink loop entered once.
// What cannot be listed (or a wanted name that is a dangling link) is a
// failure; listing goes on.
void ListDirectory(const std::string& dir, bool (*wanted)(std::string_view name),
                   std::vector<std::string>* files, std::vector<LoadFailure>* failures);

}  // namespace ingest_internal
}  // namespace parallax

#endif  // PARALLAX_INGEST_DIRECTORY_H_
