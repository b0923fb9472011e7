// bench/warc-speed's helper: reads WARC files record by record (the figure
// compared with zcat), writes a large WARC of invented and sample-derived
// exchanges with WarcWriter, and saves a WARC's HTML responses as loose
// pages (the figure compared with ingesting the archive).
//
//   parallax_warc_speed read ROUNDS FILE...   # every record of every file, ROUNDS times
//   parallax_warc_speed make DIR EXCHANGES [SAMPLE.warc.gz...]   # prints the new file's path
//   parallax_warc_speed pages FILE DIR        # DIR/000001.html, ... in archive order
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "parallax/source.h"
#include "parallax/warc.h"

namespace {

using parallax::HttpExchange;
using parallax::Result;
using parallax::WarcReader;
using parallax::WarcRecord;

int Usage() {
  std::fprintf(stderr,
               "usage: parallax_warc_speed read ROUNDS FILE...\n"
               "       parallax_warc_speed make DIR EXCHANGES [SAMPLE.warc.gz...]\n"
               "       parallax_warc_speed pages FILE DIR\n");
  return 2;
}

int Read(int rounds, const std::vector<std::string>& files) {
  size_t records = 0, block_bytes = 0;
  const auto start = std::chrono::steady_clock::now();
  WarcRecord record;
  for (int round = 0; round < rounds; ++round) {
    for (const std::string& file : files) {
      Result<WarcReader> reader = WarcReader::Open(file, {});
      if (!reader.ok()) {
        std::fprintf(stderr, "%s: %s\n", file.c_str(), reader.status().ToString().c_str());
        return 1;
      }
      while (true) {
        Result<bool> more = reader->Next(record);
        if (!more.ok()) {
          std::fprintf(stderr, "%s: %s\n", file.c_str(), more.status().ToString().c_str());
          return 1;
        }
        if (!*more) break;
        ++records;
        block_bytes += record.block.size();
      }
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("records %zu block_bytes %zu seconds %.6f\n", records, block_bytes, seconds);
  return 0;
}

// --- An invented crawl ---------------------------------------------------------

constexpr const char* kWords[] = {
    "harbour", "ferry",    "storm",   "strait",   "passengers", "terminal", "council",  "budget",   "minister",
    "river",   "bridge",   "school",  "hospital", "said",       "the",      "on",       "Tuesday",  "after",
    "workers", "union",    "vote",    "election", "court",      "judge",    "ruling",   "police",   "report",
    "village", "mayor",    "plan",    "housing",  "prices",     "rose",     "fell",     "week",     "month",
    "the",     "of",       "and",     "a",        "in",         "to",       "was",      "that",     "for",
};
constexpr const char* kOutlets[] = {"Emberly Courier", "Harbour Beacon", "Skelda Evening Post", "Northgate Ledger",
                                    "Valley Chronicle", "Strait Times Online", "Riverside Gazette", "The Coast Wire"};

std::string Sentence(std::mt19937& random, int words) {
  std::string s;
  for (int i = 0; i < words; ++i) {
    if (i > 0) s += ' ';
    s += kWords[random() % std::size(kWords)];
  }
  s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s + ".";
}

// A news page: navigation, an article of 4 to 15 paragraphs, a footer.
std::string InventedPage(std::mt19937& random, int n, const std::string& outlet) {
  std::string title = Sentence(random, 6 + static_cast<int>(random() % 6));
  title.pop_back();
  std::string page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + " | " +
                     outlet + "</title><meta property=\"og:site_name\" content=\"" + outlet +
                     "\"><meta property=\"article:published_time\" content=\"2026-01-0" +
                     std::to_string(1 + n % 9) + "T08:00:00Z\"></head><body><header><nav><ul>";
  for (const char* section : {"News", "Politics", "Business", "Sport", "Culture", "Weather"}) {
    page += "<li><a href=\"/" + std::string(section) + "\">" + section + "</a></li>";
  }
  page += "</ul></nav></header><main><article><h1>" + title + "</h1><p class=\"byline\">By Staff Reporter</p>";
  const int paragraphs = 4 + static_cast<int>(random() % 12);
  for (int p = 0; p < paragraphs; ++p) {
    page += "<p>";
    const int sentences = 2 + static_cast<int>(random() % 4);
    for (int s = 0; s < sentences; ++s) page += Sentence(random, 8 + static_cast<int>(random() % 16)) + " ";
    page += "Story " + std::to_string(n) + ".</p>";
  }
  page += "</article><aside><h2>Most read</h2><ul><li>Share this story</li><li>Sign up for our newsletter</li>"
          "</ul></aside></main><footer><p>&copy; 2026 " +
          outlet + ". All rights reserved.</p></footer></body></html>";
  return page;
}

// The response records of the samples, as exchanges to write again.
std::vector<HttpExchange> SampleExchanges(const std::vector<std::string>& samples) {
  std::vector<HttpExchange> out;
  WarcRecord record;
  for (const std::string& file : samples) {
    Result<WarcReader> reader = WarcReader::Open(file, {});
    if (!reader.ok()) continue;
    while (true) {
      Result<bool> more = reader->Next(record);
      if (!more.ok() || !*more) break;
      if (record.type != "response") continue;
      const size_t head_end = record.block.find("\r\n\r\n");
      if (head_end == std::string::npos || !record.block.starts_with("HTTP/")) continue;
      HttpExchange e;
      e.url = record.target_uri;
      e.date = record.date;
      e.response_head = record.block.substr(0, head_end + 4);
      e.body = record.block.substr(head_end + 4);
      out.push_back(std::move(e));
    }
  }
  return out;
}

int Make(const std::string& dir, int exchanges, const std::vector<std::string>& samples) {
  Result<parallax::WarcWriter> writer = parallax::WarcWriter::Create(dir, "parallax-warc-speed");
  if (!writer.ok()) {
    std::fprintf(stderr, "%s\n", writer.status().ToString().c_str());
    return 1;
  }
  const std::vector<HttpExchange> sampled = SampleExchanges(samples);
  std::mt19937 random(20260102);
  size_t next_sample = 0;
  for (int i = 0; i < exchanges; ++i) {
    HttpExchange e;
    // One in eight is a sample's response (scripts, images, portal pages), as
    // a crawl holds more than articles; the rest are invented articles.
    if (!sampled.empty() && i % 8 == 7) {
      e = sampled[next_sample++ % sampled.size()];
      e.url += (e.url.find('?') == std::string::npos ? "?copy=" : "&copy=") + std::to_string(i);
    } else {
      const std::string outlet = kOutlets[random() % std::size(kOutlets)];
      e.url = "https://news" + std::to_string(i % 8) + ".example/2026/01/story-" + std::to_string(i);
      e.date = "2026-01-02T03:04:05Z";
      e.response_head = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nServer: invented\r\n\r\n";
      e.body = InventedPage(random, i, outlet);
    }
    e.ip = "192.0.2." + std::to_string(1 + i % 250);
    const size_t path = e.url.find('/', e.url.find("://") + 3);
    e.request_head = "GET " + (path == std::string::npos ? std::string("/") : e.url.substr(path)) +
                     " HTTP/1.1\r\nUser-Agent: parallax-warc-speed\r\nAccept-Encoding: gzip, br\r\n\r\n";
    if (parallax::Status s = writer->Write(e); !s.ok()) {
      std::fprintf(stderr, "%s\n", s.ToString().c_str());
      return 1;
    }
  }
  std::printf("%s\n", writer->path().c_str());
  return 0;
}

int Pages(const std::string& file, const std::string& dir) {
  const std::unique_ptr<parallax::DocumentSource> source = parallax::OpenWarcSource(file, {});
  parallax::SourceItem item;
  int n = 0;
  while (source->Next(item)) {
    if (!item.status.ok()) continue;
    char name[32];
    std::snprintf(name, sizeof name, "/%06d.html", ++n);
    std::ofstream out(dir + name, std::ios::binary);
    out << item.document.bytes;
    if (!out) {
      std::fprintf(stderr, "cannot write %s%s\n", dir.c_str(), name);
      return 1;
    }
  }
  std::printf("%d\n", n);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return Usage();
  const std::string command = argv[1];
  if (command == "read" && argc >= 4) {
    return Read(std::atoi(argv[2]), std::vector<std::string>(argv + 3, argv + argc));
  }
  if (command == "make" && argc >= 4) {
    return Make(argv[2], std::atoi(argv[3]), std::vector<std::string>(argv + 4, argv + argc));
  }
  if (command == "pages" && argc == 4) return Pages(argv[2], argv[3]);
  return Usage();
}
