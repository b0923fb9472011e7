// The database as dedup and cluster use it: read the corpus, save results.
#include <sys/stat.h>

#include <iostream>
#include <utility>

#include "cli/commands.h"

namespace parallax::cli {

std::optional<Store> OpenDatabaseForUpdate(const char* command, const std::string& path,
                                           int& exit_code) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    std::cerr << "parallax " << command << ": no database " << path
              << " (fill one with 'parallax ingest --db " << path << " INPUT...')\n";
    exit_code = kExitSomeInputsFailed;
    return std::nullopt;
  }
  Result<Store> store = Store::Open(path, OpenMode::kReadWrite);
  if (!store.ok()) {
    std::cerr << "parallax " << command << ": " << store.status().message() << "\n";
    const Status::Code code = store.status().code();
    exit_code = code == Status::Code::kNotFound || code == Status::Code::kInvalidInput
                    ? kExitSomeInputsFailed
                    : kExitOutputFailed;
    return std::nullopt;
  }
  return std::move(store).value();
}

}  // namespace parallax::cli
