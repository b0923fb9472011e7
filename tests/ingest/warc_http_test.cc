// ParseHttpResponse: status lines, headers, chunks and content codings as
// archives really hold them, and the cap on what inflation may produce.
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "parallax/warc.h"
#include "support/compress.h"

namespace parallax {
namespace {

using testing::Deflate;

const std::string kPage = "<html><body><p>The Emberly Courier reports that the ferry sails again.</p></body></html>";

// kPage compressed with brotli (quality 11), and 64 MiB of zeros likewise:
// made once with libbrotlienc, which the library itself does not link.
const std::string kBrotliPage(
    "\x1b\x57\x00\xe8\x1d\x07\x6e\xec\xc2\x34\xe3\xc2\x61\x2d\xdd\x5c\xaa\x4b\x5d\x4c\xc1\xc3\xce\x05\xcf\x61"
    "\xf2\x60\xbd\xc0\x25\x8f\x0f\x15\x38\xe4\x80\xfd\x7b\x40\x12\x69\xc0\xc1\x44\x8e\x35\x6a\x1e\x9f\x9e\xe1"
    "\x8c\x46\x4e\xfb\x10\x7e\x17\x55\x03\x7b\x5f\x49\x05\x04\x99\xb9\x36\xa5\x41\x47\x56\x1f\xc6\x29\x8c\x01",
    78);
const std::string kBrotliBomb(
    "\xcb\xff\xff\x3f\xf8\x27\x00\xe2\xb1\x40\x20\xf7\xfe\x8f\xff\xff\x7f\xf0\x4f\x00\xc4\x61\x11\x80\xee\xfd"
    "\x1f\xff\xff\xff\xe0\x9f\x00\x88\xc3\x02\x00\xdd\xfb\x3f\xfe\xff\xff\xc1\x3f\x01\x10\x87\x05\x00\xba\xf7"
    "\x7f\xfc\xff\xff\x83\x7f\x02\x20\x0e\x0b\x00\x74\xef\xff\xf8\xff\xff\x07\xff\x04\x40\x1c\x16\x00\xe8\xde"
    "\xff\xf1\xff\xff\x0f\xfe\x09\x80\x38\x2c\x00\xd0\xbd\xff\xcb\xff\xff\x3f\xfc\x13\x00\x71\x58\x00\xa0\x7b"
    "\xff\x07",
    106);

Result<HttpMessage> Parse(const std::string& head, const std::string& body, size_t max_body = 1 << 20) {
  return ParseHttpResponse(head + "\r\n" + body, max_body);
}

TEST(HttpResponse, StatusLinesAndHeaders) {
  Result<HttpMessage> m = Parse("HTTP/2 200\r\ncontent-type: Text/HTML; Charset=\"Windows-1251\"\r\n"
                                "X-Folded: a\r\n b\r\n",
                                kPage);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->status, 200);
  EXPECT_EQ(m->status_line, "HTTP/2 200");
  EXPECT_EQ(m->content_type, "text/html");
  EXPECT_EQ(m->charset, "windows-1251");
  EXPECT_EQ(FindHeader(m->headers, "X-FOLDED"), "a b");
  EXPECT_EQ(m->body, kPage);

  m = ParseHttpResponse("HTTP/1.0 404\nContent-Type: text/plain\n\nnot here", 100);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->status, 404);
  EXPECT_EQ(m->body, "not here");
  EXPECT_EQ(m->charset, "");

  m = ParseHttpResponse("HTTP/1.1 204 No Content\r\nServer: x\r\n", 100);  // no blank line, no body
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->status, 204);
  EXPECT_TRUE(m->body.empty());

  for (const char* bad : {"", "GET / HTTP/1.1\r\n\r\n", "HTTP/1.1 20 OK\r\n\r\n", "HTTP/1.1 2000\r\n\r\n"}) {
    EXPECT_FALSE(ParseHttpResponse(bad, 100).ok()) << bad;
  }
}

TEST(HttpResponse, ChunkedBodiesAndBodiesAlreadyDechunked) {
  Result<HttpMessage> m = Parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n",
                                "5\r\n<html\r\n13\r\n><body><p>The Ember\r\n0\r\n\r\n");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->body, "<html><body><p>The Ember");
  // The header says chunked, the archiver stored it de-chunked: as it is.
  m = Parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n", kPage);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->body, kPage);
  // A capture cut inside a chunk keeps what it has.
  m = Parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n", "20\r\n<html><body>");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->body, "<html><body>");
  // De-chunked gzip (servo's captures): gzip magic is no chunk size.
  m = Parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", Deflate(kPage, 31));
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->body, kPage);
  // Chunked and gzipped, as on the wire.
  const std::string gz = Deflate(kPage, 31);
  char size[16];
  std::snprintf(size, sizeof size, "%zx", gz.size());
  m = Parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
            std::string(size) + "\r\n" + gz + "\r\n0\r\n\r\n");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->body, kPage);
}

TEST(HttpResponse, ContentCodings) {
  for (const auto& [coding, body] : std::vector<std::pair<std::string, std::string>>{
           {"gzip", Deflate(kPage, 31)},
           {"x-gzip", Deflate(kPage, 31)},
           {"deflate", Deflate(kPage, 15)},
           {"deflate", Deflate(kPage, -15)},  // raw deflate, as some servers send it
           {"br", kBrotliPage},
           {"identity", kPage},
           {"gzip", kPage},     // stored inflated under the old header: as it is
           {"br", kPage},       // brotli has no magic number: still as it is
           {"deflate", kPage},
       }) {
    Result<HttpMessage> m = Parse("HTTP/1.1 200 OK\r\nContent-Encoding: " + coding + "\r\n", body);
    ASSERT_TRUE(m.ok()) << coding << ": " << m.status().ToString();
    EXPECT_EQ(m->body, kPage) << coding;
  }
  // Two codings, undone last first.
  Result<HttpMessage> m =
      Parse("HTTP/1.1 200 OK\r\nContent-Encoding: deflate, gzip\r\n", Deflate(Deflate(kPage, 15), 31));
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->body, kPage);
  m = Parse("HTTP/1.1 200 OK\r\nContent-Encoding: zstd\r\n", "\x28\xb5\x2f\xfd");
  EXPECT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("zstd"), std::string::npos);
  // A gzip body cut short keeps what inflated.
  const std::string long_page = kPage + std::string(100000, ' ') + kPage;
  const std::string gz = Deflate(long_page, 31);
  m = Parse("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n", gz.substr(0, gz.size() / 2));
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_TRUE(long_page.starts_with(m->body));
  EXPECT_GE(m->body.size(), kPage.size());
}

TEST(HttpResponse, InflationIsCappedByMaxBody) {
  // 64 MiB of zeros, gzipped to about 64 KB: refused at the cap of 1 MiB,
  // never inflated whole.
  const std::string zeros(size_t{64} << 20, '\0');
  const std::string gz = Deflate(zeros, 31);
  ASSERT_LT(gz.size(), size_t{100} << 10);
  Result<HttpMessage> m = Parse("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n", gz, 1 << 20);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), Status::Code::kTooLarge);
  m = Parse("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n", kBrotliBomb, 1 << 20);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), Status::Code::kTooLarge);
  m = Parse("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n", Deflate(zeros, 15), 1 << 20);
  EXPECT_EQ(m.status().code(), Status::Code::kTooLarge);
  // The body as stored is capped too.
  m = Parse("HTTP/1.1 200 OK\r\n", std::string(2000, 'x'), 1000);
  EXPECT_EQ(m.status().code(), Status::Code::kTooLarge);
  // Just under the cap is fine.
  m = Parse("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n", Deflate(std::string(1000, 'y'), 31), 1000);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->body.size(), 1000u);
}

}  // namespace
}  // namespace parallax
