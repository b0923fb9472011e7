// libFuzzer target: arbitrary bytes as a WARC file, read every way parallax
// reads one, which must agree:
//  1. as a plain file (WarcReader on a memfd);
//  2. gzipped whole, one member for the file: the same records, the same
//     offsets (stream offsets, but 0 for the first record: the member's),
//     the same end;
//  3. gzipped and cut short at a point the input chooses: an error, after a
//     prefix of the whole's records;
//  4. through OpenWarcSource, whose documents and failures name offsets the
//     reader gave.
// Every response block, and the input itself, also goes through
// ParseHttpResponse with a small cap: a body it returns is never larger
// than the cap, whatever the codings claim.
#include <sys/mman.h>
#include <unistd.h>
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.h"
#include "parallax/source.h"
#include "parallax/warc.h"

namespace {

using parallax::fuzz::Gzip;
using parallax::fuzz::IsPrefix;

constexpr size_t kMaxBody = 64 << 10;

// Aborts naming the condition, so a finding says which promise it broke.
#define Check(condition)                                                          \
  do {                                                                            \
    if (!(condition)) {                                                           \
      std::fprintf(stderr, "warc_fuzz: failed: %s (line %d)\n", #condition, __LINE__); \
      std::abort();                                                               \
    }                                                                             \
  } while (false)

// A file in memory, by its /proc path, as a user's file.
class MemoryFile {
 public:
  explicit MemoryFile(std::string_view bytes) : fd_(memfd_create("warc_fuzz", 0)) {
    Check(fd_ >= 0);
    Check(write(fd_, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
  }
  ~MemoryFile() { close(fd_); }
  std::string path() const { return "/proc/self/fd/" + std::to_string(fd_); }

 private:
  int fd_;
};

struct Read {
  std::vector<std::string> records;  // type, uri and block of each
  std::vector<uint64_t> starts;      // the offset of each
  std::set<uint64_t> offsets;
  bool ok = true;
};

void ParseChecked(std::string_view block) {
  parallax::Result<parallax::HttpMessage> message = parallax::ParseHttpResponse(block, kMaxBody);
  if (!message.ok()) return;
  Check(message->body.size() <= kMaxBody);
  Check(message->status >= 0 && message->status <= 999);
}

Read ReadAll(const std::string& path) {
  Read read;
  parallax::WarcReadOptions options;
  options.max_block = 16 << 10;  // some records over it, to skip
  parallax::Result<parallax::WarcReader> reader = parallax::WarcReader::Open(path, options);
  Check(reader.ok());
  parallax::WarcRecord record;
  uint64_t last = 0;
  while (true) {
    parallax::Result<bool> more = reader->Next(record);
    if (!more.ok()) {
      Check(!more.status().message().empty());
      read.ok = false;
      Check(!*reader->Next(record));  // stopped for good
      break;
    }
    if (!*more) break;
    Check(read.records.empty() || record.offset > last);
    last = record.offset;
    Check(record.version.starts_with("WARC/"));
    Check(!reader->truncated() || record.block.empty());
    Check(record.block.size() <= options.max_block);
    read.offsets.insert(record.offset);
    read.starts.push_back(record.offset);
    read.records.push_back(record.type + " " + record.target_uri + " " + std::to_string(reader->truncated()) +
                           "\x1f" + record.block);
    if (record.type == "response") ParseChecked(record.block);
  }
  return read;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ParseChecked(bytes);

  const bool looks_gzipped = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
  const MemoryFile plain_file(bytes);
  const Read plain = ReadAll(plain_file.path());

  if (!looks_gzipped) {
    const std::string gzipped = Gzip(bytes);
    const MemoryFile gzip_file(gzipped);
    const Read whole = ReadAll(gzip_file.path());
    Check(whole.records == plain.records);
    Check(whole.ok == plain.ok);
    // The same offsets: in one member they are stream offsets, but for the
    // first record, which starts the member (blank lines before it aside).
    std::vector<uint64_t> expected = plain.starts;
    if (!expected.empty()) expected[0] = 0;
    Check(whole.starts == expected);

    // Cut at a point taken from the input's last bytes, from the header on.
    uint32_t pick = 0;
    for (size_t i = size >= 4 ? size - 4 : 0; i < size; ++i) pick = pick * 256 + data[i];
    const size_t cut = 10 + pick % (gzipped.size() - 10);
    const MemoryFile cut_file(std::string_view(gzipped).substr(0, cut));
    const Read cut_short = ReadAll(cut_file.path());
    Check(!cut_short.ok);
    Check(IsPrefix(cut_short.records, plain.records));
  }

  // The source: every document or part failure at an offset the reader gave.
  const std::unique_ptr<parallax::DocumentSource> source = parallax::OpenWarcSource(plain_file.path(), {});
  parallax::SourceItem item;
  bool ended = false;
  while (source->Next(item)) {
    Check(!ended);  // nothing after the failure of the whole file
    if (!item.status.ok() && !item.part) {
      ended = true;
      continue;
    }
    const size_t hash = item.document.source.rfind('#');
    Check(hash != std::string::npos);
    Check(plain.offsets.count(std::strtoull(item.document.source.c_str() + hash + 1, nullptr, 10)) == 1);
    if (item.status.ok()) {
      Check(item.document.media_type == parallax::MediaType::kHtml);
      Check(item.document.http_status >= 200 && item.document.http_status <= 299);
    }
  }
  Check(ended == !plain.ok);
  return 0;
}
