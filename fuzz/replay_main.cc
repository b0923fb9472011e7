// A main() for fuzz targets without libFuzzer: feeds every file of the given
// directories (or the given files) to LLVMFuzzerTestOneInput once. The seed
// corpus then runs as an ordinary test under any compiler, and a reproducer
// can be debugged with a plain build.
//
//   html_fuzz_replay fuzz/corpus/html [more dirs or files...]
//
// Exits 0 when every input ran (a failing input aborts, as under libFuzzer),
// 1 on a usage or I/O error, including a directory with no inputs: a replay
// that ran nothing must not look like a pass.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

bool ReadFile(const std::filesystem::path& path, std::string& bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DIR_OR_FILE...\n", argv[0]);
    return 1;
  }
  std::vector<std::filesystem::path> inputs;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path arg(argv[i]);
    std::error_code error;
    if (std::filesystem::is_directory(arg, error)) {
      std::vector<std::filesystem::path> files;
      for (const auto& entry : std::filesystem::directory_iterator(arg, error)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
      if (error) {
        std::fprintf(stderr, "error: cannot list %s: %s\n", argv[i], error.message().c_str());
        return 1;
      }
      if (files.empty()) {
        std::fprintf(stderr, "error: %s holds no inputs\n", argv[i]);
        return 1;
      }
      // Sorted, so that a failure names the same input on every machine.
      std::sort(files.begin(), files.end());
      inputs.insert(inputs.end(), files.begin(), files.end());
    } else if (std::filesystem::is_regular_file(arg, error)) {
      inputs.push_back(arg);
    } else {
      std::fprintf(stderr, "error: %s is neither a file nor a directory\n", argv[i]);
      return 1;
    }
  }
  std::string bytes;
  for (const std::filesystem::path& path : inputs) {
    if (!ReadFile(path, bytes)) {
      std::fprintf(stderr, "error: cannot read %s\n", path.c_str());
      return 1;
    }
    // Printed first, so that the last line before an abort names the input.
    std::fprintf(stderr, "running %s (%zu bytes)\n", path.c_str(), bytes.size());
    // A copy of exactly the input's size, as libFuzzer passes it, so that
    // ASan catches reads past the end.
    std::vector<uint8_t> data(bytes.begin(), bytes.end());
    LLVMFuzzerTestOneInput(data.data(), data.size());
  }
  std::printf("replayed %zu input(s)\n", inputs.size());
  return 0;
}
