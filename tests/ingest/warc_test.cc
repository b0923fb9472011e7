// WARC in and out: the real samples of ../shared/bench/ingest/warc read to
// the counts their README gives (confirmed here), our writer's files read
// back record for record, and damaged files read up to the damage.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "ingest/sha1.h"
#include "parallax/source.h"
#include "parallax/warc.h"
#include "support/compress.h"
#include "support/run_parallax.h"

namespace parallax {
namespace {

using testing::ReadFile;
using testing::TempDir;
using testing::WriteFile;

const std::string kSamples = std::string(PARALLAX_SHARED_DIR) + "/bench/ingest/warc/";

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// What a file holds, counted the way the samples' README counts.
struct Census {
  size_t records = 0;
  std::map<std::string, size_t> types;       // WARC-Type -> records
  std::set<uint64_t> offsets;                // where records start
  size_t html_responses = 0;                 // HTTP Content-Type contains "html"
  std::map<std::string, size_t> charsets;    // of those, from the HTTP header ("" = none)
  std::map<int, size_t> statuses;            // of every response
  std::map<std::string, size_t> encodings;   // Content-Encoding -> responses, each decoded
  size_t chunked_headers = 0;                // Transfer-Encoding: chunked
  Status end;                                // why reading stopped
};

Census Count(const std::string& path) {
  Census census;
  Result<WarcReader> reader = WarcReader::Open(path, {});
  if (!reader.ok()) {
    census.end = reader.status();
    return census;
  }
  WarcRecord record;
  while (true) {
    Result<bool> more = reader->Next(record);
    if (!more.ok()) {
      census.end = more.status();
      break;
    }
    if (!*more) break;
    ++census.records;
    ++census.types[record.type];
    census.offsets.insert(record.offset);
    if (record.type != "response") continue;
    Result<HttpMessage> http = ParseHttpResponse(record.block, size_t{64} << 20);
    EXPECT_TRUE(http.ok()) << record.offset << ": " << http.status().ToString();
    if (!http.ok()) continue;
    ++census.statuses[http->status];
    const std::string encoding = Lower(std::string(FindHeader(http->headers, "Content-Encoding")));
    if (!encoding.empty()) {
      ++census.encodings[encoding];
      // Decoded: the body is no longer the payload as stored.
      const size_t head_end = record.block.find("\r\n\r\n");
      EXPECT_NE(http->body, record.block.substr(head_end + 4)) << record.offset << " " << encoding;
      EXPECT_FALSE(http->body.size() >= 2 && http->body[0] == '\x1f' && http->body[1] == '\x8b') << record.offset;
    }
    if (Lower(std::string(FindHeader(http->headers, "Transfer-Encoding"))).find("chunked") != std::string::npos) {
      ++census.chunked_headers;
    }
    if (http->content_type.find("html") != std::string::npos) {
      ++census.html_responses;
      ++census.charsets[http->charset];
    }
  }
  return census;
}

std::vector<RawDocument> Documents(const std::string& path, std::vector<SourceItem>* failures = nullptr) {
  std::vector<RawDocument> out;
  const std::unique_ptr<DocumentSource> source = OpenSource(path, {});
  SourceItem item;
  while (source->Next(item)) {
    if (item.status.ok()) {
      out.push_back(std::move(item.document));
    } else if (failures != nullptr) {
      failures->push_back(item);
    } else {
      ADD_FAILURE() << item.document.source << ": " << item.status.ToString();
    }
  }
  return out;
}

#define REQUIRE_SAMPLE(name)                                                   \
  if (!std::filesystem::exists(kSamples + name)) GTEST_SKIP() << "no " << kSamples + name

TEST(WarcSamples, ResiliparseCommonCrawlFile) {
  REQUIRE_SAMPLE("rsl-warcfile.warc.gz");
  const Census c = Count(kSamples + "rsl-warcfile.warc.gz");
  ASSERT_TRUE(c.end.ok()) << c.end.ToString();
  EXPECT_EQ(c.records, 50u);
  EXPECT_EQ(c.offsets.size(), 50u) << "one gzip member a record, each at its own offset";
  EXPECT_EQ(c.types, (std::map<std::string, size_t>{{"warcinfo", 1}, {"request", 17}, {"response", 16},
                                                    {"metadata", 16}}));
  EXPECT_EQ(c.html_responses, 16u);
  EXPECT_EQ(c.charsets,
            (std::map<std::string, size_t>{{"", 8}, {"windows-1251", 1}, {"utf-8", 5}, {"gb2312", 2}}));
  EXPECT_EQ(c.statuses, (std::map<int, size_t>{{200, 16}}));

  const std::vector<RawDocument> docs = Documents(kSamples + "rsl-warcfile.warc.gz");
  ASSERT_EQ(docs.size(), 16u);
  size_t cyrillic = 0;
  for (const RawDocument& d : docs) {
    EXPECT_EQ(d.media_type, MediaType::kHtml);
    EXPECT_EQ(d.http_status, 200);
    EXPECT_TRUE(d.url.starts_with("http")) << d.url;
    EXPECT_EQ(d.fetched_at.size(), 20u) << d.fetched_at;  // 2020-08-...T..:..:..Z
    const std::string offset = d.source.substr(d.source.find('#') + 1);
    EXPECT_TRUE(c.offsets.count(std::stoull(offset))) << d.source;
    cyrillic += d.http_charset == "windows-1251";
  }
  EXPECT_EQ(cyrillic, 1u);
}

TEST(WarcSamples, ServoBrowserCapture) {
  REQUIRE_SAMPLE("servo-yahoo.warc.gz");
  const Census c = Count(kSamples + "servo-yahoo.warc.gz");
  ASSERT_TRUE(c.end.ok()) << c.end.ToString();
  EXPECT_EQ(c.records, 370u);
  EXPECT_EQ(c.offsets.size(), 370u);
  EXPECT_EQ(c.types, (std::map<std::string, size_t>{{"request", 185}, {"response", 185}}));
  EXPECT_EQ(c.html_responses, 6u);
  EXPECT_EQ(c.charsets, (std::map<std::string, size_t>{{"utf-8", 6}}));
  EXPECT_EQ(c.statuses, (std::map<int, size_t>{{200, 178}, {204, 6}, {302, 1}}));
  // The README's "105 gzip payloads" are 59 gzip and 46 brotli ones.
  EXPECT_EQ(c.encodings, (std::map<std::string, size_t>{{"gzip", 59}, {"br", 46}}));
  EXPECT_GT(c.chunked_headers, 0u);

  const std::vector<RawDocument> docs = Documents(kSamples + "servo-yahoo.warc.gz");
  ASSERT_EQ(docs.size(), 6u);
  for (const RawDocument& d : docs) {
    // De-chunked and inflated: the page itself, not gzip or chunk sizes.
    const size_t tag = d.bytes.find('<');
    ASSERT_NE(tag, std::string::npos) << d.source;
    EXPECT_LT(tag, 16u) << d.source << " starts " << d.bytes.substr(0, 16);
    EXPECT_EQ(d.http_charset, "utf-8");
    EXPECT_TRUE(d.url.starts_with("https://www.yahoo.com/") || d.url.starts_with("https://s.yimg.com/")) << d.url;
  }
}

TEST(WarcSamples, JwarcSingleCommonCrawlResponse) {
  REQUIRE_SAMPLE("jwarc-cc.warc.gz");
  const Census c = Count(kSamples + "jwarc-cc.warc.gz");
  ASSERT_TRUE(c.end.ok()) << c.end.ToString();
  EXPECT_EQ(c.records, 1u);
  EXPECT_EQ(c.types, (std::map<std::string, size_t>{{"response", 1}}));
  EXPECT_EQ(c.html_responses, 1u);
  EXPECT_EQ(c.charsets, (std::map<std::string, size_t>{{"utf-8", 1}}));
  const std::vector<RawDocument> docs = Documents(kSamples + "jwarc-cc.warc.gz");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].source, kSamples + "jwarc-cc.warc.gz#0");
  EXPECT_NE(docs[0].url.find("commoncrawl.org"), std::string::npos) << docs[0].url;
}

TEST(WarcSamples, OneMemberForTheWholeFileReadsTheSame) {
  REQUIRE_SAMPLE("rsl-warcfile.warc.gz");
  // gunzip the sample and gzip it again as one member, and also keep it plain.
  TempDir dir;
  gzFile in = gzopen((kSamples + "rsl-warcfile.warc.gz").c_str(), "rb");
  ASSERT_NE(in, nullptr);
  std::string plain;
  char chunk[65536];
  for (int n; (n = gzread(in, chunk, sizeof chunk)) > 0;) plain.append(chunk, static_cast<size_t>(n));
  gzclose(in);
  WriteFile(dir / "plain.warc", plain);
  gzFile out = gzopen((dir / "whole.warc.gz").c_str(), "wb");
  ASSERT_EQ(gzwrite(out, plain.data(), static_cast<unsigned>(plain.size())), static_cast<int>(plain.size()));
  gzclose(out);

  const Census per_record = Count(kSamples + "rsl-warcfile.warc.gz");
  for (const std::string name : {"plain.warc", "whole.warc.gz"}) {
    const Census c = Count(dir / name);
    ASSERT_TRUE(c.end.ok()) << name << ": " << c.end.ToString();
    EXPECT_EQ(c.types, per_record.types) << name;
    EXPECT_EQ(c.charsets, per_record.charsets) << name;
    // Offsets in the stream: the records' own starts.
    for (const uint64_t offset : c.offsets) EXPECT_EQ(plain.compare(offset, 5, "WARC/"), 0) << name << " " << offset;
  }
}

// --- Our writer, read back -------------------------------------------------------

std::vector<HttpExchange> InventedExchanges() {
  std::vector<HttpExchange> out;
  for (int i = 0; i < 5; ++i) {
    HttpExchange e;
    e.url = "https://courier.example/news/" + std::to_string(i) + "?x=1";
    e.date = "2026-01-0" + std::to_string(i + 1) + "T08:30:00Z";
    e.ip = i % 2 == 0 ? "192.0.2." + std::to_string(i + 1) : "";
    e.request_head = "GET /news/" + std::to_string(i) +
                     "?x=1 HTTP/1.1\r\nHost: courier.example\r\nUser-Agent: parallax-test\r\n\r\n";
    e.response_head = i == 3 ? "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n"
                             : "HTTP/2 200\r\nContent-Type: text/html; charset=UTF-8\r\n";  // no blank line
    e.body = i == 3 ? "{\"not\": \"a page\"}"
                    : "<html><head><title>Ferry " + std::to_string(i) +
                          " | Emberly Courier</title></head><body><article><p>The evening ferry to Skelda sailed "
                          "again on Tuesday after the storm over the strait had passed, the harbour said.</p>"
                          "</article></body></html>";
    out.push_back(e);
  }
  return out;
}

std::string OnlyWarcIn(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) files.push_back(entry.path().string());
  EXPECT_EQ(files.size(), 1u);
  return files.empty() ? "" : files[0];
}

TEST(WarcWriter, RoundTripGivesTheSameRecords) {
  TempDir dir;
  const std::vector<HttpExchange> exchanges = InventedExchanges();
  std::string path;
  {
    Result<WarcWriter> writer = WarcWriter::Create(dir / "crawl/warc", "parallax-test/1");
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    path = writer->path();
    EXPECT_TRUE(std::filesystem::path(path).filename().string().starts_with("parallax-")) << path;
    EXPECT_TRUE(IsWarcPath(path));
    for (const HttpExchange& e : exchanges) ASSERT_TRUE(writer->Write(e).ok());
  }
  EXPECT_EQ(OnlyWarcIn(dir / "crawl/warc"), path);

  Result<WarcReader> reader = WarcReader::Open(path, {});
  ASSERT_TRUE(reader.ok());
  std::vector<WarcRecord> records;
  for (WarcRecord r;;) {
    Result<bool> more = reader->Next(r);
    ASSERT_TRUE(more.ok()) << more.status().ToString();
    if (!*more) break;
    records.push_back(r);
  }
  ASSERT_EQ(records.size(), 1 + 2 * exchanges.size());
  EXPECT_EQ(records[0].type, "warcinfo");
  EXPECT_NE(records[0].block.find("software: parallax-test/1"), std::string::npos);
  const std::string file = ReadFile(path);
  std::set<std::string> ids;
  for (const WarcRecord& r : records) {
    EXPECT_EQ(r.version, "WARC/1.1");
    EXPECT_TRUE(r.record_id.starts_with("<urn:uuid:") && r.record_id.size() == 47) << r.record_id;
    ids.insert(r.record_id);
    // One gzip member a record, at the offset the reader reports.
    EXPECT_EQ(file.compare(r.offset, 2, "\x1f\x8b"), 0) << r.offset;
    EXPECT_EQ(FindHeader(r.headers, "Content-Length"), std::to_string(r.block.size()));
    if (r.type == "warcinfo") continue;
    EXPECT_EQ(FindHeader(r.headers, "WARC-Block-Digest"), ingest_internal::WarcSha1Digest(r.block));
  }
  EXPECT_EQ(ids.size(), records.size());
  for (size_t i = 0; i < exchanges.size(); ++i) {
    const HttpExchange& e = exchanges[i];
    const WarcRecord& request = records[1 + 2 * i];
    const WarcRecord& response = records[2 + 2 * i];
    EXPECT_EQ(request.type, "request");
    EXPECT_EQ(response.type, "response");
    EXPECT_EQ(request.content_type, "application/http;msgtype=request");
    EXPECT_EQ(response.content_type, "application/http;msgtype=response");
    EXPECT_EQ(request.block, e.request_head);
    EXPECT_EQ(response.target_uri, e.url);
    EXPECT_EQ(response.date, e.date);
    EXPECT_EQ(FindHeader(response.headers, "WARC-IP-Address"), e.ip);
    EXPECT_EQ(FindHeader(response.headers, "WARC-Concurrent-To"), request.record_id);
    EXPECT_EQ(FindHeader(request.headers, "WARC-Concurrent-To"), response.record_id);
    EXPECT_EQ(FindHeader(response.headers, "WARC-Payload-Digest"), ingest_internal::WarcSha1Digest(e.body));
    Result<HttpMessage> http = ParseHttpResponse(response.block, 1 << 20);
    ASSERT_TRUE(http.ok());
    EXPECT_EQ(http->status, 200);
    EXPECT_EQ(http->body, e.body);
  }

  // Through the source: the four HTML responses, not the JSON one.
  const std::vector<RawDocument> docs = Documents(path);
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0].url, exchanges[0].url);
  EXPECT_EQ(docs[0].fetched_at, exchanges[0].date);
  EXPECT_EQ(docs[0].http_charset, "utf-8");
  EXPECT_EQ(docs[0].content_type, "text/html; charset=UTF-8");
  EXPECT_EQ(docs[0].bytes, exchanges[0].body);
  EXPECT_EQ(docs[3].url, exchanges[4].url);
}

TEST(WarcWriter, HeaderValuesCannotBreakLines) {
  TempDir dir;
  Result<WarcWriter> writer = WarcWriter::Create(dir.path(), "parallax-test/1");
  ASSERT_TRUE(writer.ok());
  HttpExchange e = InventedExchanges()[0];
  e.url = "https://courier.example/a\r\nWARC-Type: metadata";
  e.ip = "192.0.2.1\nX: y";
  ASSERT_TRUE(writer->Write(e).ok());
  Result<WarcReader> reader = WarcReader::Open(writer->path(), {});
  WarcRecord r;
  std::vector<std::string> types;
  while (*reader->Next(r)) {
    types.push_back(r.type);
    EXPECT_EQ(FindHeader(r.headers, "X"), "");
  }
  EXPECT_EQ(types, (std::vector<std::string>{"warcinfo", "request", "response"}));
  EXPECT_EQ(r.target_uri, "https://courier.example/a%0D%0AWARC-Type:%20metadata");
}

TEST(WarcWriter, Sha1AndBase32MatchTheirStandards) {
  // FIPS 180 test vectors, and RFC 4648's base32 examples.
  const auto hex = [](const std::array<uint8_t, 20>& d) {
    std::string s;
    for (const uint8_t b : d) s += "0123456789abcdef"[b >> 4], s += "0123456789abcdef"[b & 15];
    return s;
  };
  ingest_internal::Sha1 abc;
  abc.Update("abc");
  EXPECT_EQ(hex(abc.Finish()), "a9993e364706816aba3e25717850c26c9cd0d89d");
  ingest_internal::Sha1 long_one;
  long_one.Update("abcdbcdecdefdefgefghfghighij");
  long_one.Update("hijkijkljklmklmnlmnomnopnopq");
  EXPECT_EQ(hex(long_one.Finish()), "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  ingest_internal::Sha1 million;
  const std::string a(1000, 'a');
  for (int i = 0; i < 1000; ++i) million.Update(a);
  EXPECT_EQ(hex(million.Finish()), "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
  const auto b32 = [](std::string s) {
    return ingest_internal::Base32(reinterpret_cast<const uint8_t*>(s.data()), s.size());
  };
  EXPECT_EQ(b32("f"), "MY======");
  EXPECT_EQ(b32("fooba"), "MZXW6YTB");
  EXPECT_EQ(b32("foobar"), "MZXW6YTBOI======");
  // The digest of an empty payload, as every WARC tool writes it.
  EXPECT_EQ(ingest_internal::WarcSha1Digest(""), "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
}

// --- Damage ----------------------------------------------------------------------------

std::string WrittenWarc(const TempDir& dir) {
  Result<WarcWriter> writer = WarcWriter::Create(dir / "w", "parallax-test/1");
  EXPECT_TRUE(writer.ok());
  for (const HttpExchange& e : InventedExchanges()) EXPECT_TRUE(writer->Write(e).ok());
  return ReadFile(writer->path());
}

struct ReadBack {
  std::vector<uint64_t> offsets;
  Status end;
};

ReadBack ReadOffsets(const std::string& path) {
  ReadBack out;
  Result<WarcReader> reader = WarcReader::Open(path, {});
  EXPECT_TRUE(reader.ok());
  WarcRecord r;
  while (true) {
    Result<bool> more = reader->Next(r);
    if (!more.ok()) {
      out.end = more.status();
      EXPECT_FALSE(*reader->Next(r)) << "reading stops at the damage";
      break;
    }
    if (!*more) break;
    out.offsets.push_back(r.offset);
  }
  return out;
}

TEST(WarcDamage, ACutFileGivesItsCompleteRecordsThenTheOffset) {
  TempDir dir;
  const std::string whole = WrittenWarc(dir);
  WriteFile(dir / "whole.warc.gz", whole);
  const ReadBack all = ReadOffsets(dir / "whole.warc.gz");
  ASSERT_TRUE(all.end.ok());
  ASSERT_EQ(all.offsets.size(), 11u);
  // Cut inside the 8th record's member.
  const uint64_t eighth = all.offsets[7];
  WriteFile(dir / "cut.warc.gz", whole.substr(0, eighth + (all.offsets[8] - eighth) / 2));
  const ReadBack cut = ReadOffsets(dir / "cut.warc.gz");
  EXPECT_EQ(cut.offsets, std::vector<uint64_t>(all.offsets.begin(), all.offsets.begin() + 7));
  EXPECT_NE(cut.end.message().find("offset " + std::to_string(eighth)), std::string::npos) << cut.end.message();
  EXPECT_NE(cut.end.message().find("cut short"), std::string::npos) << cut.end.message();

  // Through the source: the documents before, then one failure naming the file.
  std::vector<SourceItem> failures;
  const std::vector<RawDocument> docs = Documents(dir / "cut.warc.gz", &failures);
  EXPECT_EQ(docs.size(), 3u);  // exchanges 0..2 (responses at records 2, 4, 6)
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].document.source, dir / "cut.warc.gz");
  EXPECT_FALSE(failures[0].part);
}

TEST(WarcDamage, ACorruptMemberIsNamedAndTheRecordsBeforeItKept) {
  TempDir dir;
  std::string bytes = WrittenWarc(dir);
  WriteFile(dir / "whole.warc.gz", bytes);
  const ReadBack all = ReadOffsets(dir / "whole.warc.gz");
  ASSERT_EQ(all.offsets.size(), 11u);
  // Flip bytes in the middle of the 5th record's deflate data.
  const uint64_t fifth = all.offsets[4];
  for (uint64_t i = fifth + 20; i < fifth + 40; ++i) bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
  WriteFile(dir / "bad.warc.gz", bytes);
  const ReadBack bad = ReadOffsets(dir / "bad.warc.gz");
  EXPECT_EQ(bad.offsets, std::vector<uint64_t>(all.offsets.begin(), all.offsets.begin() + 4));
  EXPECT_NE(bad.end.message().find("offset " + std::to_string(fifth)), std::string::npos) << bad.end.message();

  // Garbage where the next member should start.
  std::string garbage = ReadFile(dir / "whole.warc.gz").substr(0, all.offsets[3]) + "not gzip at all";
  WriteFile(dir / "garbage.warc.gz", garbage);
  const ReadBack g = ReadOffsets(dir / "garbage.warc.gz");
  EXPECT_EQ(g.offsets.size(), 3u);
  EXPECT_NE(g.end.message().find("offset " + std::to_string(all.offsets[3])), std::string::npos) << g.end.message();
}

TEST(WarcDamage, PlainFilesFramingAndOddWriters) {
  TempDir dir;
  // Bare "\n" line ends, no blank lines between records, a folded header.
  const std::string body = "HTTP/1.0 200 OK\nContent-Type: text/html\n\n<p>Emberly Courier</p>";
  const std::string record = "WARC/1.0\nWARC-Type: response\nWARC-Target-URI: <http://courier.example/>\n"
                             "X-Long: first\n  second\nContent-Length: " +
                             std::to_string(body.size()) + "\n\n" + body;
  WriteFile(dir / "odd.warc", record + record + "\n\n\n");
  Result<WarcReader> reader = WarcReader::Open(dir / "odd.warc", {});
  ASSERT_TRUE(reader.ok());
  WarcRecord r;
  ASSERT_TRUE(*reader->Next(r));
  EXPECT_EQ(r.offset, 0u);
  EXPECT_EQ(r.target_uri, "http://courier.example/");
  EXPECT_EQ(FindHeader(r.headers, "x-long"), "first second");
  EXPECT_EQ(r.block, body);
  ASSERT_TRUE(*reader->Next(r));
  EXPECT_EQ(r.offset, record.size());
  EXPECT_FALSE(*reader->Next(r));

  WriteFile(dir / "not.warc", "GIF89a this is no archive\r\n\r\n");
  const ReadBack not_warc = ReadOffsets(dir / "not.warc");
  EXPECT_NE(not_warc.end.message().find("not a WARC file"), std::string::npos) << not_warc.end.message();
  WriteFile(dir / "nolength.warc", "WARC/1.0\r\nWARC-Type: response\r\n\r\nabc");
  EXPECT_NE(ReadOffsets(dir / "nolength.warc").end.message().find("Content-Length"), std::string::npos);
  WriteFile(dir / "short.warc", "WARC/1.0\r\nContent-Length: 100\r\n\r\nabc");
  EXPECT_NE(ReadOffsets(dir / "short.warc").end.message().find("cut short"), std::string::npos);
  WriteFile(dir / "empty.warc", "");
  const ReadBack empty = ReadOffsets(dir / "empty.warc");
  EXPECT_TRUE(empty.end.ok());
  EXPECT_TRUE(empty.offsets.empty());
}

TEST(WarcDamage, OffsetsInOneMemberHoldingSeveralRecords) {
  // Blank lines before the first record, then two records, all in one
  // member: the first record starts the member (offset 0, where a reader
  // can seek to), the second is at its offset in the stream.
  TempDir dir;
  const std::string record = "WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 2\r\n\r\nok\r\n\r\n";
  const std::string plain = "\n\n\n" + record + record;
  gzFile out = gzopen((dir / "one.warc.gz").c_str(), "wb");
  ASSERT_EQ(gzwrite(out, plain.data(), static_cast<unsigned>(plain.size())), static_cast<int>(plain.size()));
  gzclose(out);
  WriteFile(dir / "plain.warc", plain);
  EXPECT_EQ(ReadOffsets(dir / "one.warc.gz").offsets, (std::vector<uint64_t>{0, 3 + record.size()}));
  EXPECT_EQ(ReadOffsets(dir / "plain.warc").offsets, (std::vector<uint64_t>{3, 3 + record.size()}));
}

TEST(WarcDamage, RecordsSplitAcrossMembersReadWhole) {
  // Members cut anywhere: inside a header, inside a block, an empty member,
  // the closing blank lines alone. gzip calls that one stream; so do we.
  TempDir dir;
  const std::string block(3000, 'b');
  const std::string record = "WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 3000\r\n\r\n" + block;
  const std::string file = testing::Gzip(record.substr(0, 20)) + testing::Gzip(record.substr(20, 1000)) + testing::Gzip("") +
                           testing::Gzip(record.substr(1020)) + testing::Gzip("\r\n\r\n") + testing::Gzip(record) +
                           testing::Gzip("\r\n\r\n");
  WriteFile(dir / "split.warc.gz", file);
  Result<WarcReader> reader = WarcReader::Open(dir / "split.warc.gz", {});
  WarcRecord r;
  for (int i = 0; i < 2; ++i) {
    Result<bool> more = reader->Next(r);
    ASSERT_TRUE(more.ok()) << more.status().ToString();
    ASSERT_TRUE(*more);
    EXPECT_EQ(r.block, block);
  }
  Result<bool> more = reader->Next(r);
  ASSERT_TRUE(more.ok()) << more.status().ToString();
  EXPECT_FALSE(*more);
}

TEST(WarcDamage, ARecordOverTheLimitIsSkippedNotHeld) {
  TempDir dir;
  const std::string big(5000, 'x');
  const std::string record = "WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 5000\r\n\r\n" + big + "\r\n\r\n";
  const std::string small = "WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 2\r\n\r\nok\r\n\r\n";
  WriteFile(dir / "big.warc", record + small);
  WarcReadOptions options;
  options.max_block = 1000;
  Result<WarcReader> reader = WarcReader::Open(dir / "big.warc", options);
  WarcRecord r;
  ASSERT_TRUE(*reader->Next(r));
  EXPECT_TRUE(reader->truncated());
  EXPECT_TRUE(r.block.empty());
  ASSERT_TRUE(*reader->Next(r));
  EXPECT_FALSE(reader->truncated());
  EXPECT_EQ(r.block, "ok");
}

}  // namespace
}  // namespace parallax
