// url: web addresses as parallax compares them. Resolving a link against
// the page it is on, normalising an article's address so the same article
// found twice (with a fragment, a tracking parameter, an upper-case host)
// is recognised, and reading a URL's parts.
//
//   std::string link = ResolveUrl("https://courier.example/news/", "../a.html?utm_source=x#top");
//   NormalizeArticleUrl(link) == "https://courier.example/a.html"
#ifndef PARALLAX_URL_H_
#define PARALLAX_URL_H_

#include <optional>
#include <string>
#include <string_view>

namespace parallax {

struct UrlParts {
  std::string scheme;  // lower case: "http" or "https"
  std::string host;    // lower case; an IPv6 address without its brackets
  int port = 0;        // as given, else the scheme's default
  std::string path;    // "/" at least; percent-encoding kept as given
  std::string query;   // without the "?"; empty when none
};

// The parts of an absolute http or https URL; nothing for any other scheme
// or for a URL that is not well formed (no host, a bad port, white space or
// control characters inside) or that carries credentials ("user:pw@host":
// a feed must never make parallax send a password, and "trusted@other"
// disguises the host).
std::optional<UrlParts> ParseHttpUrl(std::string_view url);

// `reference` resolved against `base` (RFC 3986, section 5), with
// surrounding white space trimmed, and, as browsers do, tabs and line
// breaks inside removed and spaces encoded as %20; "" when the result is
// not an http(s) URL that ParseHttpUrl reads (javascript:, data:, file:,
// a relative reference with no http(s) base, a bad port...).
std::string ResolveUrl(std::string_view base, std::string_view reference);

// The address an article is known by: scheme and host lower case, the
// default port, the fragment and tracking parameters (utm_*, fbclid, gclid,
// mc_cid, ... see url.cc's list, each with why) dropped, "." and ".."
// segments resolved; the other parameters keep their order. "" when `url`
// is not an absolute http(s) URL.
std::string NormalizeArticleUrl(std::string_view url);

}  // namespace parallax

#endif  // PARALLAX_URL_H_
