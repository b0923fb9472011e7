// parallax_serve_load: asks a running `parallax serve` for each path of a
// file, one after another on one keep-alive connection (the latency a reader
// sees), and prints the latency percentiles and any non-200 answers.
//
//   parallax_serve_load PORT PATHS_FILE LABEL
//
// Loopback only: it connects to 127.0.0.1.
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: parallax_serve_load PORT PATHS_FILE LABEL\n";
    return 2;
  }
  std::ifstream in(argv[2]);
  std::vector<std::string> paths;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) paths.push_back(line);
  }
  if (paths.empty()) {
    std::cerr << "parallax_serve_load: no paths in " << argv[2] << "\n";
    return 2;
  }
  httplib::Client client("127.0.0.1", std::atoi(argv[1]));
  client.set_keep_alive(true);
  client.set_read_timeout(60, 0);
  std::vector<double> ms;
  size_t failed = 0, bytes = 0;
  for (const std::string& path : paths) {
    const auto start = std::chrono::steady_clock::now();
    auto r = client.Get(path);
    const double took = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (!r || r->status != 200) {
      ++failed;
      std::cerr << "  " << path << ": " << (r ? std::to_string(r->status) : httplib::to_string(r.error())) << "\n";
      continue;
    }
    bytes += r->body.size();
    ms.push_back(took);
  }
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) { return ms.empty() ? 0.0 : ms[std::min(ms.size() - 1, static_cast<size_t>(q * ms.size()))]; };
  std::printf("%-28s %5zu requests  p50 %7.1f ms  p90 %7.1f ms  p99 %7.1f ms  max %7.1f ms  %zu failed  %.0f KB/answer\n",
              argv[3], ms.size(), at(0.50), at(0.90), at(0.99), ms.empty() ? 0.0 : ms.back(), failed,
              ms.empty() ? 0.0 : bytes / 1024.0 / ms.size());
  return failed == 0 ? 0 : 1;
}
