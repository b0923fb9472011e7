// ParseFeed's throughput on real feed and sitemap files, for bench/feed-parse.
//
//   parallax_feed_parse [--passes N] FILE...
//
// Each file is read once (a .gz file is inflated in memory), then parsed N
// times in the process, so the figures are the parser's alone. Prints one
// line per file, "file<TAB>kind<TAB>bytes<TAB>items<TAB>seconds", seconds
// of this process's CPU time for all N passes (the machine is shared: CPU
// time does not count the time other processes hold the core, and the peer
// is measured the same way), and exits 1 when a file fails to parse.
#include <zlib.h>

#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "parallax/feeds.h"

namespace {

bool ReadWhole(const std::string& path, std::string& bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream out;
  out << in.rdbuf();
  bytes = out.str();
  return true;
}

bool Gunzip(const std::string& compressed, std::string& out) {
  z_stream stream{};
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) return false;
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  std::vector<char> buffer(1 << 16);
  int rc = Z_OK;
  while (rc == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer.data());
    stream.avail_out = static_cast<uInt>(buffer.size());
    rc = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer.data(), buffer.size() - stream.avail_out);
  }
  inflateEnd(&stream);
  return rc == Z_STREAM_END;
}

double CpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
  int passes = 100;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--passes" && i + 1 < argc) {
      passes = std::atoi(argv[++i]);
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty() || passes < 1) {
    std::fprintf(stderr, "usage: parallax_feed_parse [--passes N] FILE...\n");
    return 2;
  }
  int failures = 0;
  for (const std::string& path : files) {
    std::string bytes;
    if (!ReadWhole(path, bytes)) {
      std::fprintf(stderr, "%s: cannot read\n", path.c_str());
      return 1;
    }
    if (path.ends_with(".gz")) {
      std::string inflated;
      if (!Gunzip(bytes, inflated)) {
        std::fprintf(stderr, "%s: not gzip\n", path.c_str());
        return 1;
      }
      bytes.swap(inflated);
    }
    size_t items = 0;
    const char* kind = "?";
    const double start = CpuSeconds();
    for (int pass = 0; pass < passes; ++pass) {
      const parallax::Result<parallax::ParsedFeed> feed = parallax::ParseFeed(bytes, "", "", {});
      if (!feed.ok()) {
        std::fprintf(stderr, "%s: %s\n", path.c_str(), feed.status().ToString().c_str());
        ++failures;
        break;
      }
      items = feed->items.size() + feed->items_dropped;
      kind = parallax::FeedKindName(feed->kind);
    }
    const double seconds = CpuSeconds() - start;
    std::printf("%s\t%s\t%zu\t%zu\t%.6f\n", path.c_str(), kind, bytes.size(), items, seconds);
  }
  return failures == 0 ? 0 : 1;
}
