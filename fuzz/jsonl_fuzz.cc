// libFuzzer target: arbitrary bytes as a JSON-lines file, read every way
// parallax reads one, which must all agree:
//  1. in memory (ParseJsonLines);
//  2. as a plain file (ReadJsonLines maps it);
//  3. gzipped whole (ReadJsonLines streams it through zlib);
//  4. gzipped and cut short at a point the input chooses: an error, and
//     what was delivered before it is a prefix of the whole's records.
// Besides crashes and sanitizer reports it checks that every record has an
// id and a text or title, and that line numbers only grow.
#include <sys/mman.h>
#include <unistd.h>
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.h"
#include "parallax/ingest.h"

namespace {

using parallax::fuzz::Gzip;
using parallax::fuzz::IsPrefix;

struct Read {
  std::vector<std::string> items;  // "r LINE ID TEXT TITLE..." or "e LINE REASON", in order
  parallax::Status status;
};

void Check(bool condition) {
  if (!condition) std::abort();
}

std::string Describe(const parallax::JsonRecord& r) {
  return "r " + std::to_string(r.line) + " " + r.id + "\x1f" + r.text + "\x1f" + r.title + "\x1f" + r.outlet +
         "\x1f" + r.url + "\x1f" + r.published + "\x1f" + r.note;
}

// The callbacks that record what a reader delivers, checking it as it comes.
struct Recorder {
  Read& read;
  uint64_t last_line = 0;
  void Record(parallax::JsonRecord&& r) {
    Check(r.line > last_line);
    last_line = r.line;
    Check(!r.id.empty());
    Check(!r.text.empty() || !r.title.empty());
    read.items.push_back(Describe(r));
  }
  void Error(uint64_t line, const std::string& reason) {
    Check(line > last_line);
    last_line = line;
    Check(!reason.empty());
    read.items.push_back("e " + std::to_string(line) + " " + reason);
  }
};

Read FromMemory(std::string_view bytes) {
  Read read;
  Recorder recorder{read};
  parallax::ParseJsonLines(
      bytes, [&](parallax::JsonRecord&& r) { recorder.Record(std::move(r)); },
      [&](uint64_t line, const std::string& reason) { recorder.Error(line, reason); });
  return read;
}

// Through a file in memory (memfd), by its /proc path, as a user's file.
Read FromFile(std::string_view bytes) {
  Read read;
  const int fd = memfd_create("jsonl_fuzz", 0);
  Check(fd >= 0);
  Check(write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
  Recorder recorder{read};
  read.status = parallax::ReadJsonLines(
      "/proc/self/fd/" + std::to_string(fd), [&](parallax::JsonRecord&& r) { recorder.Record(std::move(r)); },
      [&](uint64_t line, const std::string& reason) { recorder.Error(line, reason); });
  close(fd);
  return read;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const Read memory = FromMemory(bytes);

  // A plain file (not one starting like gzip: that is read as gzip).
  if (!(size >= 2 && data[0] == 0x1f && data[1] == 0x8b)) {
    const Read file = FromFile(bytes);
    Check(file.status.ok());
    Check(file.items == memory.items);
  }

  const std::string gzipped = Gzip(bytes);
  const Read whole = FromFile(gzipped);
  Check(whole.status.ok());
  Check(whole.items == memory.items);

  // Cut at a point taken from the input's last bytes, anywhere from the
  // header on; a cut that keeps everything is the whole file.
  if (gzipped.size() > 10) {
    uint32_t pick = 0;
    for (size_t i = size >= 4 ? size - 4 : 0; i < size; ++i) pick = pick * 256 + data[i];
    const size_t cut = 10 + pick % (gzipped.size() - 10);
    const Read cut_short = FromFile(std::string_view(gzipped).substr(0, cut));
    Check(!cut_short.status.ok());
    Check(IsPrefix(cut_short.items, memory.items));
  }
  return 0;
}
