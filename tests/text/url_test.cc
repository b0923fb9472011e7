#include "parallax/url.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace parallax {
namespace {

TEST(ParseHttpUrl, ReadsTheParts) {
  const auto parts = ParseHttpUrl("HTTPS://Courier.Example:8443/News/a.html?id=5&x=1#top");
  ASSERT_TRUE(parts.has_value());
  EXPECT_EQ(parts->scheme, "https");
  EXPECT_EQ(parts->host, "courier.example");
  EXPECT_EQ(parts->port, 8443);
  EXPECT_EQ(parts->path, "/News/a.html");
  EXPECT_EQ(parts->query, "id=5&x=1");
}

TEST(ParseHttpUrl, DefaultsPortAndPath) {
  auto parts = ParseHttpUrl("http://courier.example");
  ASSERT_TRUE(parts.has_value());
  EXPECT_EQ(parts->port, 80);
  EXPECT_EQ(parts->path, "/");
  EXPECT_EQ(parts->query, "");
  parts = ParseHttpUrl("https://courier.example:/a");  // an empty port means the default
  ASSERT_TRUE(parts.has_value());
  EXPECT_EQ(parts->port, 443);
}

TEST(ParseHttpUrl, ReadsIpv6Hosts) {
  auto parts = ParseHttpUrl("http://[2001:DB8::1]:8080/x");
  ASSERT_TRUE(parts.has_value());
  EXPECT_EQ(parts->host, "2001:db8::1");
  EXPECT_EQ(parts->port, 8080);
  parts = ParseHttpUrl("https://[::ffff:127.0.0.1]/");
  ASSERT_TRUE(parts.has_value());
  EXPECT_EQ(parts->host, "::ffff:127.0.0.1");
  EXPECT_EQ(parts->port, 443);
  parts = ParseHttpUrl("http://127.0.0.1:9/");
  ASSERT_TRUE(parts.has_value());
  EXPECT_EQ(parts->host, "127.0.0.1");
}

TEST(ParseHttpUrl, RefusesWhatIsNotAWellFormedHttpUrl) {
  for (const char* bad : {
           "",
           "courier.example/a",
           "/news/a.html",
           "ftp://courier.example/",
           "file:///etc/passwd",
           "javascript:alert(1)",
           "data:text/html,<b>x</b>",
           "mailto:desk@courier.example",
           "http://",
           "http:///path",
           "http://:80/",
           "http://courier.example:99999/",
           "http://courier.example:0/",
           "http://courier.example:8a/",
           "http://courier.example:-1/",
           "http://[::1/",
           "http://[zz::1]/",
           "http://[1.2.3.4]/",
           "http://[::1]x/",
           "http://cour ier.example/",
           "http://courier.example/a b",
           "http://courier.example/a\tb",
           "http://courier.example/\n",
           " http://courier.example/",
           "http://courier.example/\x01",
           "http://user:secret@courier.example/",
           "http://trusted.example@other.example/",
           "http://courier<example/",
       }) {
    EXPECT_FALSE(ParseHttpUrl(bad).has_value()) << bad;
  }
}

TEST(ResolveUrl, FollowsRfc3986NormalExamples) {
  // RFC 3986, section 5.4.1, minus "g:h" (not http).
  const std::string base = "http://a/b/c/d;p?q";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"g", "http://a/b/c/g"},
      {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"},
      {"/g", "http://a/g"},
      {"//g", "http://g"},
      {"?y", "http://a/b/c/d;p?y"},
      {"g?y", "http://a/b/c/g?y"},
      {"#s", "http://a/b/c/d;p?q#s"},
      {"g#s", "http://a/b/c/g#s"},
      {"g?y#s", "http://a/b/c/g?y#s"},
      {";x", "http://a/b/c/;x"},
      {"g;x", "http://a/b/c/g;x"},
      {"g;x?y#s", "http://a/b/c/g;x?y#s"},
      {"", "http://a/b/c/d;p?q"},
      {".", "http://a/b/c/"},
      {"./", "http://a/b/c/"},
      {"..", "http://a/b/"},
      {"../", "http://a/b/"},
      {"../g", "http://a/b/g"},
      {"../..", "http://a/"},
      {"../../", "http://a/"},
      {"../../g", "http://a/g"},
  };
  for (const auto& [reference, expected] : cases) {
    EXPECT_EQ(ResolveUrl(base, reference), expected) << reference;
  }
}

TEST(ResolveUrl, FollowsRfc3986AbnormalExamples) {
  // Section 5.4.2 ("http:g" is read strictly: no host, so no URL).
  const std::string base = "http://a/b/c/d;p?q";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"../../../g", "http://a/g"},
      {"../../../../g", "http://a/g"},
      {"/./g", "http://a/g"},
      {"/../g", "http://a/g"},
      {"g.", "http://a/b/c/g."},
      {".g", "http://a/b/c/.g"},
      {"g..", "http://a/b/c/g.."},
      {"..g", "http://a/b/c/..g"},
      {"./../g", "http://a/b/g"},
      {"./g/.", "http://a/b/c/g/"},
      {"g/./h", "http://a/b/c/g/h"},
      {"g/../h", "http://a/b/c/h"},
      {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
      {"g;x=1/../y", "http://a/b/c/y"},
      {"g?y/./x", "http://a/b/c/g?y/./x"},
      {"g?y/../x", "http://a/b/c/g?y/../x"},
      {"g#s/./x", "http://a/b/c/g#s/./x"},
      {"g#s/../x", "http://a/b/c/g#s/../x"},
      {"http:g", ""},
  };
  for (const auto& [reference, expected] : cases) {
    EXPECT_EQ(ResolveUrl(base, reference), expected) << reference;
  }
}

TEST(ResolveUrl, TrimsAndCleansWhiteSpace) {
  const std::string base = "https://courier.example/news/";
  EXPECT_EQ(ResolveUrl(base, "  \n /world/a.html \t\n"), "https://courier.example/world/a.html");
  EXPECT_EQ(ResolveUrl(base, "a\n.html"), "https://courier.example/news/a.html");
  EXPECT_EQ(ResolveUrl(base, "a b.html"), "https://courier.example/news/a%20b.html");
  EXPECT_EQ(ResolveUrl(" https://courier.example/x/ ", "y"), "https://courier.example/x/y");
}

TEST(ResolveUrl, KeepsOnlyHttpAndHttps) {
  const std::string base = "https://courier.example/news/";
  for (const char* reference :
       {"javascript:alert(1)", "JavaScript:void(0)", "data:text/html,hi", "file:///etc/passwd",
        "mailto:desk@courier.example", "ftp://courier.example/a", "gopher://x/"}) {
    EXPECT_EQ(ResolveUrl(base, reference), "") << reference;
  }
  EXPECT_EQ(ResolveUrl(base, "//cdn.courier.example/a"), "https://cdn.courier.example/a");
  EXPECT_EQ(ResolveUrl(base, "HTTP://Other.Example/a"), "HTTP://Other.Example/a");
  // Without an http(s) base a relative reference resolves to nothing.
  EXPECT_EQ(ResolveUrl("", "/a.html"), "");
  EXPECT_EQ(ResolveUrl("file:///var/feeds/", "a.html"), "");
  EXPECT_EQ(ResolveUrl("", "https://courier.example/a"), "https://courier.example/a");
  // An absolute result that is not well formed is no URL either.
  EXPECT_EQ(ResolveUrl(base, "https://courier.example:99999/"), "");
  EXPECT_EQ(ResolveUrl(base, "https://[::1/"), "");
  EXPECT_EQ(ResolveUrl(base, "https://user:pw@courier.example/"), "");
}

TEST(ResolveUrl, ReadsIpv6AndPorts) {
  EXPECT_EQ(ResolveUrl("http://[2001:db8::1]:8080/a/b", "../c"), "http://[2001:db8::1]:8080/c");
  EXPECT_EQ(ResolveUrl("http://127.0.0.1:8000/feed.xml", "/a"), "http://127.0.0.1:8000/a");
}

TEST(NormalizeArticleUrl, TheHeadersExample) {
  const std::string link =
      ResolveUrl("https://courier.example/news/", "../a.html?utm_source=x#top");
  EXPECT_EQ(NormalizeArticleUrl(link), "https://courier.example/a.html");
}

TEST(NormalizeArticleUrl, DropsTrackingKeepsTheRestInOrder) {
  EXPECT_EQ(NormalizeArticleUrl(
                "HTTP://Courier.EXAMPLE:80/a/./b/../c?utm_source=x&id=5&fbclid=y&page=2#top"),
            "http://courier.example/a/c?id=5&page=2");
  EXPECT_EQ(NormalizeArticleUrl("https://courier.example/a?b=2&a=1"),
            "https://courier.example/a?b=2&a=1");
  EXPECT_EQ(NormalizeArticleUrl("https://courier.example/a?UTM_Medium=rss&utm_campaign=z"),
            "https://courier.example/a");
  for (const char* tracking : {"gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga", "yclid",
                               "igshid", "ocid", "cmpid", "CMP", "xtor", "ns_mchannel"}) {
    EXPECT_EQ(NormalizeArticleUrl(std::string("https://courier.example/a?") + tracking + "=1&k=v"),
              "https://courier.example/a?k=v")
        << tracking;
  }
  // Names that merely contain a tracking name are kept.
  EXPECT_EQ(NormalizeArticleUrl("https://courier.example/a?my_utm_source=1&gclidx=2"),
            "https://courier.example/a?my_utm_source=1&gclidx=2");
  EXPECT_EQ(NormalizeArticleUrl("https://courier.example/a?a=1&&b=2&"),
            "https://courier.example/a?a=1&b=2");
  EXPECT_EQ(NormalizeArticleUrl("https://courier.example/a?flag"),
            "https://courier.example/a?flag");
}

TEST(NormalizeArticleUrl, CanonicalHostPortAndEncoding) {
  EXPECT_EQ(NormalizeArticleUrl("https://courier.example:443"), "https://courier.example/");
  EXPECT_EQ(NormalizeArticleUrl("https://courier.example:8443/a"),
            "https://courier.example:8443/a");
  EXPECT_EQ(NormalizeArticleUrl("http://courier.example:443/a"), "http://courier.example:443/a");
  EXPECT_EQ(NormalizeArticleUrl("https://courier.example./a"), "https://courier.example/a");
  EXPECT_EQ(NormalizeArticleUrl("http://[2001:DB8::1]:80/a"), "http://[2001:db8::1]/a");
  EXPECT_EQ(NormalizeArticleUrl("https://courier.example/%7euser/a%2fb?q=%c3%a9"),
            "https://courier.example/~user/a%2Fb?q=%C3%A9");
  EXPECT_EQ(NormalizeArticleUrl("https://courier.example/caf\xC3\xA9"),
            "https://courier.example/caf%C3%A9");
  EXPECT_EQ(NormalizeArticleUrl("  https://courier.example/a  "), "https://courier.example/a");
}

TEST(NormalizeArticleUrl, EmptyForWhatIsNotAnAbsoluteHttpUrl) {
  for (const char* bad : {"", "/a.html", "a.html", "javascript:alert(1)", "file:///etc/passwd",
                          "data:,x", "https://", "https://courier.example:70000/"}) {
    EXPECT_EQ(NormalizeArticleUrl(bad), "") << bad;
  }
}

TEST(NormalizeArticleUrl, SameArticleFoundTwiceIsOneAddress) {
  const std::string a = NormalizeArticleUrl(
      "https://Courier.example/world/2026/11/26/story.html?utm_source=rss&utm_medium=feed");
  const std::string b =
      NormalizeArticleUrl("https://courier.example:443/world/2026/11/./26/story.html#comments");
  EXPECT_EQ(a, b);
  EXPECT_NE(a, NormalizeArticleUrl("https://courier.example/world/2026/11/26/story.html?page=2"));
}

}  // namespace
}  // namespace parallax
