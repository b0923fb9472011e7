// The address check, robots.txt rules and the small pieces of HTTP on
// their own (no server): refusals of non-loopback addresses are checked
// here, on IsPublicAddress alone, so that no test ever sends them a byte.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>

#include <chrono>
#include <string>

#include "ingest/http_internal.h"
#include "parallax/http.h"

namespace parallax {
namespace {

using namespace std::chrono_literals;

TEST(IsPublicAddressTest, RefusesEverySpecialIpv4Range) {
  for (const char* address :
       {"0.0.0.0",         "0.1.2.3",         "10.0.0.1",        "10.255.255.255",
        "100.64.0.1",      "100.127.255.254", "100.100.100.200", "127.0.0.1",
        "127.255.0.9",     "169.254.0.1",     "169.254.169.254", "172.16.0.1",
        "172.31.255.255",  "192.0.0.1",       "192.0.0.192",     "192.0.2.1",
        "192.88.99.1",     "192.168.0.1",     "192.168.255.255", "198.18.0.1",
        "198.19.255.255",  "198.51.100.7",    "203.0.113.9",     "224.0.0.1",
        "239.255.255.250", "240.0.0.1",       "255.255.255.255"}) {
    EXPECT_FALSE(IsPublicAddress(std::string_view(address))) << address;
  }
}

TEST(IsPublicAddressTest, AcceptsPublicIpv4JustOutsideTheRanges) {
  for (const char* address :
       {"1.1.1.1",         "8.8.8.8",         "9.255.255.255",  "11.0.0.0",        "100.63.255.255",
        "100.128.0.0",     "126.255.255.255", "128.0.0.0",      "169.253.255.255", "169.255.0.0",
        "172.15.255.255",  "172.32.0.0",      "192.0.1.0",      "192.0.3.0",       "192.88.98.255",
        "192.167.255.255", "192.169.0.0",     "198.17.255.255", "198.20.0.0",      "198.51.99.255",
        "203.0.112.255",   "203.0.114.0",     "223.255.255.255"}) {
    EXPECT_TRUE(IsPublicAddress(std::string_view(address))) << address;
  }
}

TEST(IsPublicAddressTest, RefusesSpecialIpv6RangesAndEmbeddedIpv4) {
  for (const char* address : {"::",
                              "::1",
                              "fc00::1",
                              "fd12:3456::1",
                              "fd00:ec2::254",
                              "fe80::1",
                              "febf::1",
                              "fec0::1",
                              "ff02::1",
                              "ff0e::1",
                              "2001:db8::1",
                              "2001:db8:ffff::1",
                              "::ffff:127.0.0.1",
                              "::ffff:10.0.0.1",
                              "::ffff:169.254.169.254",
                              "::ffff:0.0.0.0",
                              "::127.0.0.1",
                              "::10.1.2.3",
                              "64:ff9b::127.0.0.1",
                              "64:ff9b::a9fe:a9fe",
                              "2002:7f00:1::1",
                              "2002:c0a8:101::1",
                              "100::1",
                              "3fff::1",
                              "2001:2::1",
                              "[::1]"}) {
    EXPECT_FALSE(IsPublicAddress(std::string_view(address))) << address;
  }
}

TEST(IsPublicAddressTest, AcceptsPublicIpv6AndMappedPublicIpv4) {
  for (const char* address : {"2606:4700:4700::1111", "2a00:1450:4001::1", "::ffff:8.8.8.8",
                              "64:ff9b::808:808", "2002:808:808::1", "2001:4860::8888"}) {
    EXPECT_TRUE(IsPublicAddress(std::string_view(address))) << address;
  }
}

TEST(IsPublicAddressTest, TextThatIsNotAnAddressIsNotPublic) {
  for (const char* text :
       {"", "courier.example", "1.2.3", "8.8.8.8.8", "fe80::1%eth0", "[8.8.8.8"}) {
    EXPECT_FALSE(IsPublicAddress(std::string_view(text))) << text;
  }
}

TEST(IsPublicAddressTest, SocketAddressesAreJudgedLikeText) {
  sockaddr_in in{};
  in.sin_family = AF_INET;
  inet_pton(AF_INET, "127.0.0.1", &in.sin_addr);
  EXPECT_FALSE(IsPublicAddress(reinterpret_cast<const sockaddr*>(&in)));
  EXPECT_STREQ(ingest_internal::NonPublicAddressKind(reinterpret_cast<const sockaddr*>(&in)),
               "a loopback address");
  inet_pton(AF_INET, "169.254.169.254", &in.sin_addr);
  EXPECT_STREQ(ingest_internal::NonPublicAddressKind(reinterpret_cast<const sockaddr*>(&in)),
               "a cloud metadata address");
  inet_pton(AF_INET, "93.184.216.34", &in.sin_addr);
  EXPECT_TRUE(IsPublicAddress(reinterpret_cast<const sockaddr*>(&in)));
  sockaddr_in6 in6{};
  in6.sin6_family = AF_INET6;
  inet_pton(AF_INET6, "::ffff:192.168.1.1", &in6.sin6_addr);
  EXPECT_FALSE(IsPublicAddress(reinterpret_cast<const sockaddr*>(&in6)));
  EXPECT_EQ(ingest_internal::NumericAddress(reinterpret_cast<const sockaddr*>(&in6)),
            "::ffff:192.168.1.1");
}

// --- Retry-After and WARC heads ------------------------------------------

TEST(HttpMessageTest, RetryAfterInSecondsOrAsADate) {
  const auto now = std::chrono::system_clock::from_time_t(1772359200);  // 2026-03-01 10:00:00 UTC
  EXPECT_EQ(ingest_internal::ParseRetryAfter("120", now), std::chrono::milliseconds(120000));
  EXPECT_EQ(ingest_internal::ParseRetryAfter(" 0 ", now), std::chrono::milliseconds(0));
  EXPECT_EQ(ingest_internal::ParseRetryAfter("Sun, 01 Mar 2026 10:01:30 GMT", now),
            std::chrono::milliseconds(90000));
  EXPECT_EQ(ingest_internal::ParseRetryAfter("Sun, 01 Mar 2026 09:00:00 GMT", now),
            std::chrono::milliseconds(0));
  EXPECT_FALSE(ingest_internal::ParseRetryAfter("soon", now).has_value());
  EXPECT_FALSE(ingest_internal::ParseRetryAfter("", now).has_value());
  EXPECT_GT(*ingest_internal::ParseRetryAfter("99999999999999999999", now), std::chrono::hours(24));
}

TEST(HttpMessageTest, WarcHeadOfAnHttp2ResponseOfADecodedBody) {
  const HeaderList headers = {{"content-type", "text/html"},
                              {"content-encoding", "br"},
                              {"content-length", "120"},
                              {"etag", "\"x\""}};
  EXPECT_EQ(ingest_internal::WarcResponseHead(200, "HTTP/2 200", headers, 512),
            "HTTP/1.1 200 OK\r\ncontent-type: text/html\r\netag: \"x\"\r\n"
            "Content-Length: 512\r\n\r\n");
  EXPECT_EQ(ingest_internal::WarcResponseHead(404, "HTTP/1.0 404 Nope",
                                              {{"Transfer-Encoding", "chunked"}}, 0),
            "HTTP/1.0 404 Nope\r\nContent-Length: 0\r\n\r\n");
}

// --- robots.txt ------------------------------------------------------------

TEST(RobotsTest, LongestMatchWinsAndAllowWinsTies) {
  const RobotsRules rules = ParseRobots(
      "User-agent: *\n"
      "Disallow: /news/\n"
      "Allow: /news/public/\n"
      "Disallow: /page\n"
      "Allow: /page\n"
      "Disallow:\n",
      "parallax/0.1");
  EXPECT_FALSE(rules.Allows("/news/a.html"));
  EXPECT_TRUE(rules.Allows("/news/public/a.html"));
  EXPECT_TRUE(rules.Allows("/page"));
  EXPECT_TRUE(rules.Allows("/other"));
  EXPECT_TRUE(rules.Allows("/"));
}

TEST(RobotsTest, WildcardsAndEndAnchors) {
  const RobotsRules rules = ParseRobots(
      "User-agent: *\n"
      "Disallow: /*.pdf$\n"
      "Disallow: /*?print=\n"
      "Disallow: /archive*/old\n",
      "parallax");
  EXPECT_FALSE(rules.Allows("/files/report.pdf"));
  EXPECT_TRUE(rules.Allows("/files/report.pdf?x=1"));
  EXPECT_TRUE(rules.Allows("/files/report.pdfx"));
  EXPECT_FALSE(rules.Allows("/story?print=1"));
  EXPECT_TRUE(rules.Allows("/story?share=1"));
  EXPECT_FALSE(rules.Allows("/archive-2020/old/x"));
  EXPECT_TRUE(rules.Allows("/archive-2020/new"));
}

TEST(RobotsTest, OurGroupOutranksTheStarGroup) {
  const std::string text =
      "User-agent: *\n"
      "Disallow: /\n"
      "Crawl-delay: 10\n"
      "\n"
      "User-agent: OtherBot\n"
      "User-agent: Parallax/2.0\n"
      "Disallow: /private   # ours\n"
      "Crawl-delay: 2.5\n"
      "Sitemap: https://courier.example/sitemap.xml\n";
  const RobotsRules ours = ParseRobots(text, "parallax/0.1 (+https://courier.example)");
  EXPECT_TRUE(ours.Allows("/news"));
  EXPECT_FALSE(ours.Allows("/private/x"));
  EXPECT_EQ(ours.crawl_delay, std::chrono::milliseconds(2500));
  const RobotsRules theirs = ParseRobots(text, "someone-else/1.0");
  EXPECT_FALSE(theirs.Allows("/news"));
  EXPECT_TRUE(theirs.Allows("/robots.txt"));
  EXPECT_EQ(theirs.crawl_delay, std::chrono::seconds(10));
}

TEST(RobotsTest, GroupsForOneAgentAreMergedAndEmptyFilesAllowAll) {
  const RobotsRules rules = ParseRobots(
      "\xEF\xBB\xBFuser-agent: parallax\r\ndisallow: /a\r\n\r\n"
      "User-agent: *\nDisallow: /\n\nUser-agent: parallax\nDisallow /b\n",
      "parallax");
  EXPECT_FALSE(rules.Allows("/a"));
  EXPECT_FALSE(rules.Allows("/b/c"));
  EXPECT_TRUE(rules.Allows("/c"));
  EXPECT_TRUE(ParseRobots("", "parallax").Allows("/anything"));
  EXPECT_TRUE(ParseRobots("garbage\n\0\xff", "parallax").Allows("/anything"));
}

}  // namespace
}  // namespace parallax
