// URLs as parallax compares them: RFC 3986 parsing and resolution,
// restricted to http and https, plus the normalisation that makes one
// article found under several addresses recognisable as one.
#include "parallax/url.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace parallax {
namespace {

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
char UpperAscii(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }
bool IsControlOrSpace(char c) {
  const unsigned char byte = static_cast<unsigned char>(c);
  return byte <= 0x20 || byte == 0x7F;
}
// White space as HTML and XML trim it around an attribute or element value.
bool IsTrimmedSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsTrimmedSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsTrimmedSpace(text.back())) text.remove_suffix(1);
  return text;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  }
  return true;
}

// Plain loops, not find_first_of: libstdc++'s calls memchr on the set for
// every character, which was most of a sitemap's parse time.
size_t FindAuthorityEnd(std::string_view text, size_t from) {
  while (from < text.size() && text[from] != '/' && text[from] != '?' && text[from] != '#') ++from;
  return from;
}
size_t FindPathEnd(std::string_view text, size_t from) {
  while (from < text.size() && text[from] != '?' && text[from] != '#') ++from;
  return from;
}

// The five components of RFC 3986, section 3, as string views into the
// reference; "defined" flags tell an empty component from a missing one,
// which resolution (section 5.2.2) distinguishes.
struct Components {
  std::string_view scheme, authority, path, query, fragment;
  bool has_scheme = false, has_authority = false, has_query = false, has_fragment = false;
};

// The regular expression of RFC 3986, appendix B, written out.
Components SplitReference(std::string_view ref) {
  Components c;
  size_t pos = 0;
  if (!ref.empty() && IsAsciiAlpha(ref[0])) {
    size_t end = 1;
    while (end < ref.size() && (IsAsciiAlpha(ref[end]) || IsDigit(ref[end]) || ref[end] == '+' ||
                                ref[end] == '-' || ref[end] == '.')) {
      ++end;
    }
    if (end < ref.size() && ref[end] == ':') {
      c.scheme = ref.substr(0, end);
      c.has_scheme = true;
      pos = end + 1;
    }
  }
  if (ref.substr(pos).starts_with("//")) {
    const size_t begin = pos + 2;
    const size_t end = FindAuthorityEnd(ref, begin);
    c.authority = ref.substr(begin, end - begin);
    c.has_authority = true;
    pos = end;
  }
  const size_t path_end = FindPathEnd(ref, pos);
  c.path = ref.substr(pos, path_end - pos);
  pos = path_end;
  if (pos < ref.size() && ref[pos] == '?') {
    const size_t end = std::min(ref.find('#', pos), ref.size());
    c.query = ref.substr(pos + 1, end - pos - 1);
    c.has_query = true;
    pos = end;
  }
  if (pos < ref.size() && ref[pos] == '#') {
    c.fragment = ref.substr(pos + 1);
    c.has_fragment = true;
  }
  return c;
}

// RFC 3986, section 5.2.4, with an output buffer instead of string surgery.
std::string RemoveDotSegments(std::string_view path) {
  // Almost every path has no dot segment at all.
  if (path.find("/.") == std::string_view::npos && !path.starts_with(".")) return std::string(path);
  std::string out;
  out.reserve(path.size());
  while (!path.empty()) {
    if (path.starts_with("../")) {
      path.remove_prefix(3);
    } else if (path.starts_with("./")) {
      path.remove_prefix(2);
    } else if (path.starts_with("/./")) {
      path.remove_prefix(2);
    } else if (path == "/.") {
      path = "/";
    } else if (path.starts_with("/../") || path == "/..") {
      path = path.size() == 3 ? std::string_view("/") : path.substr(3);
      const size_t last = out.rfind('/');
      out.resize(last == std::string::npos ? 0 : last);
    } else if (path == "." || path == "..") {
      path = {};
    } else {
      const size_t next = path.find('/', 1);
      const size_t length = next == std::string_view::npos ? path.size() : next;
      out.append(path.substr(0, length));
      path.remove_prefix(length);
    }
  }
  return out;
}

// Section 5.2.3: the reference's path appended to the base's directory.
std::string MergePaths(const Components& base, std::string_view path) {
  if (base.has_authority && base.path.empty()) return "/" + std::string(path);
  const size_t slash = base.path.rfind('/');
  if (slash == std::string_view::npos) return std::string(path);
  return std::string(base.path.substr(0, slash + 1)).append(path);
}

// WHATWG's URL parser removes tabs and newlines anywhere and encodes
// spaces, which is what a browser does with a link in a real feed whose
// address was wrapped or pasted with a space; RFC 3986 would reject it.
std::string_view CleanReference(std::string_view reference, std::string& storage) {
  reference = Trim(reference);
  bool clean = true;
  for (char c : reference) {
    if (static_cast<unsigned char>(c) <= 0x20) clean = false;  // tested once per reference
  }
  if (clean) return reference;
  storage.clear();
  for (char c : reference) {
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (c == ' ') {
      storage += "%20";
    } else {
      storage += c;
    }
  }
  return storage;
}

bool IsHttpScheme(std::string_view scheme) {
  return EqualsIgnoreCase(scheme, "http") || EqualsIgnoreCase(scheme, "https");
}

std::string Recompose(std::string_view scheme, std::string_view authority, std::string_view path,
                      bool has_query, std::string_view query, bool has_fragment,
                      std::string_view fragment) {
  std::string out;
  out.reserve(scheme.size() + authority.size() + path.size() + query.size() + fragment.size() + 6);
  out.append(scheme).append("://").append(authority).append(path);
  if (has_query) out.append("?").append(query);
  if (has_fragment) out.append("#").append(fragment);
  return out;
}

// A host inside brackets: an IPv6 address (hex digits, colons, an IPv4
// tail) or RFC 6874's zone ("%25eth0"); the brackets are dropped.
bool IsIpLiteral(std::string_view literal) {
  if (literal.empty()) return false;
  size_t colons = 0;
  for (char c : literal) {
    if (c == '%') break;  // a zone identifier: anything unreserved
    if (c == ':') {
      ++colons;
    } else if (!IsHexDigit(c) && c != '.') {
      return false;
    }
  }
  return colons >= 2;
}

// Characters a registered name may hold (RFC 3986 unreserved, sub-delims
// and percent signs) plus any non-ASCII byte, for internationalised names
// written as UTF-8.
bool IsHostCharacter(char c) {
  if (static_cast<unsigned char>(c) >= 0x80) return true;
  if (IsAsciiAlpha(c) || IsDigit(c)) return true;
  switch (c) {
    case '-': case '.': case '_': case '~': case '!': case '$': case '&': case '\'':
    case '(': case ')': case '*': case '+': case ',': case ';': case '=': case '%':
      return true;
    default:
      return false;
  }
}

std::optional<int> ReadPort(std::string_view digits, int default_port) {
  if (digits.empty()) return default_port;  // "host:" is allowed and means the default
  if (digits.size() > 5) return std::nullopt;
  int port = 0;
  for (char c : digits) {
    if (!IsDigit(c)) return std::nullopt;
    port = port * 10 + (c - '0');
  }
  if (port < 1 || port > 65535) return std::nullopt;
  return port;
}

// RFC 3986, section 6.2.2: percent-encodings in upper case, unreserved
// characters decoded ("%7e" is "~"), and bytes outside ASCII encoded, so
// that spellings of one address compare equal.
void AppendNormalizedComponent(std::string_view text, std::string& out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%' && i + 2 < text.size() && IsHexDigit(text[i + 1]) && IsHexDigit(text[i + 2])) {
      const auto value = [](char h) { return IsDigit(h) ? h - '0' : LowerAscii(h) - 'a' + 10; };
      const char decoded = static_cast<char>(value(text[i + 1]) * 16 + value(text[i + 2]));
      // '.' stays encoded: decoding it could make a new "." or ".." segment.
      if (IsAsciiAlpha(decoded) || IsDigit(decoded) || decoded == '-' || decoded == '_' ||
          decoded == '~') {
        out += decoded;
      } else {
        out += '%';
        out += UpperAscii(text[i + 1]);
        out += UpperAscii(text[i + 2]);
      }
      i += 2;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      const unsigned char byte = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    } else {
      out += c;
    }
  }
}

// Query parameters that identify the click, the campaign or the reader,
// never the article: the same story shared on two networks carries two
// sets of them. Matched case-insensitively on the parameter's name.
constexpr std::string_view kTrackingPrefixes[] = {
    "utm_",  // Google Analytics campaign tags (utm_source, utm_medium, utm_campaign, ...)
};
constexpr std::string_view kTrackingParameters[] = {
    "fbclid",       // Facebook's click identifier, added to every outbound link
    "gclid",        // Google Ads click identifier
    "gclsrc",       // Google Ads: which product the gclid came from
    "dclid",        // Google Display (DoubleClick) click identifier
    "gbraid",       // Google Ads click identifiers for iOS app campaigns
    "wbraid",       //   (web-to-app and app-to-web)
    "msclkid",      // Microsoft Advertising click identifier
    "mc_cid",       // Mailchimp campaign identifier
    "mc_eid",       // Mailchimp recipient identifier (identifies a reader)
    "_ga",          // Google Analytics cross-domain client identifier
    "_gl",          // Google Analytics linker (gtag.js successor of _ga)
    "yclid",        // Yandex Direct click identifier
    "igshid",       // Instagram share identifier
    "twclid",       // Twitter (X) Ads click identifier
    "ttclid",       // TikTok Ads click identifier
    "li_fat_id",    // LinkedIn first-party ad tracking
    "ocid",         // Microsoft Start / MSN syndication origin tag
    "cmpid",        // campaign identifier used by many publishers' newsletters
    "cmp",          // The Guardian's campaign tag (CMP=share_btn_tw)
    "xtor",         // AT Internet source tag on French outlets' feed links (xtor=RSS-3208)
    "at_medium",    // AT Internet / Piano campaign tags (BBC, ...)
    "at_campaign",  //
    "ns_mchannel",  // comScore tags on BBC feed links (ns_mchannel=rss&ns_source=...)
    "ns_source",    //
    "ns_campaign",  //
    "ns_linkname",  //
    "ns_fee",       //
    "_hsenc",       // HubSpot e-mail tracking
    "_hsmi",        //
    "mkt_tok",      // Marketo e-mail tracking (identifies a reader)
    "oly_enc_id",   // Omeda e-mail tracking (identifies a reader)
    "oly_anon_id",  //
    "vero_id",      // Vero e-mail tracking
    "vero_conv",    //
    "s_kwcid",      // Adobe Analytics paid-search tag
    "wt_mc",        // Webtrends campaign tag
    "wt.mc_id",     //
    "ito",          // Daily Mail's internal link-origin tag
    "smid",         // The New York Times' share-medium tag
    "ref_src",      // Twitter embed referrer
};

bool IsTrackingParameter(std::string_view name) {
  for (std::string_view prefix : kTrackingPrefixes) {
    if (name.size() >= prefix.size() && EqualsIgnoreCase(name.substr(0, prefix.size()), prefix)) {
      return true;
    }
  }
  for (std::string_view tracking : kTrackingParameters) {
    if (EqualsIgnoreCase(name, tracking)) return true;
  }
  return false;
}

std::string WithoutTrackingParameters(std::string_view query) {
  std::string out;
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view parameter = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (parameter.empty()) continue;
    // Named after normalising, so "utm%5Fsource" is recognised too.
    std::string normalized;
    AppendNormalizedComponent(parameter, normalized);
    if (IsTrackingParameter(std::string_view(normalized).substr(0, normalized.find('=')))) continue;
    if (!out.empty()) out += '&';
    out += normalized;
  }
  return out;
}

// The parts of an http(s) URL as views into it, unchanged (not lower-cased).
struct HttpUrlView {
  std::string_view scheme, host, path, query;
  int port = 0;
};

bool ReadHttpUrl(std::string_view url, HttpUrlView& view) {
  for (char c : url) {
    if (IsControlOrSpace(c)) return false;
  }
  const Components c = SplitReference(url);
  if (!c.has_scheme || !IsHttpScheme(c.scheme) || !c.has_authority) return false;
  view.scheme = c.scheme;
  const int default_port = c.scheme.size() == 5 ? 443 : 80;
  std::string_view authority = c.authority;
  // Credentials in a link are refused: a feed must not make parallax send
  // a password, and "https://trusted.example@other.example/" is a classic
  // disguise for the second host.
  if (authority.find('@') != std::string_view::npos) return false;
  std::string_view port_text;
  bool has_port = false;
  if (authority.starts_with("[")) {
    const size_t close = authority.find(']');
    if (close == std::string_view::npos) return false;
    view.host = authority.substr(1, close - 1);
    if (!IsIpLiteral(view.host)) return false;
    const std::string_view rest = authority.substr(close + 1);
    if (!rest.empty()) {
      if (rest[0] != ':') return false;
      port_text = rest.substr(1);
      has_port = true;
    }
  } else {
    const size_t colon = authority.rfind(':');
    view.host = authority.substr(0, colon);
    if (colon != std::string_view::npos) {
      port_text = authority.substr(colon + 1);
      has_port = true;
    }
    if (view.host.empty()) return false;
    for (char ch : view.host) {
      if (!IsHostCharacter(ch)) return false;
    }
  }
  const std::optional<int> port = has_port ? ReadPort(port_text, default_port) : default_port;
  if (!port) return false;
  view.port = *port;
  view.path = c.path;
  view.query = c.query;
  return true;
}

}  // namespace

std::optional<UrlParts> ParseHttpUrl(std::string_view url) {
  HttpUrlView view;
  if (!ReadHttpUrl(url, view)) return std::nullopt;
  UrlParts parts;
  for (char c : view.scheme) parts.scheme += LowerAscii(c);
  for (char c : view.host) parts.host += LowerAscii(c);
  parts.port = view.port;
  parts.path = view.path.empty() ? std::string("/") : std::string(view.path);
  parts.query = std::string(view.query);
  return parts;
}

std::string ResolveUrl(std::string_view base, std::string_view reference) {
  std::string ref_storage, base_storage;
  const Components r = SplitReference(CleanReference(reference, ref_storage));
  std::string result;
  if (r.has_scheme) {
    if (!IsHttpScheme(r.scheme)) return "";  // javascript:, data:, file:, mailto: ...
    result = Recompose(r.scheme, r.authority, RemoveDotSegments(r.path), r.has_query, r.query,
                       r.has_fragment, r.fragment);
    // "http:page.html" (a scheme and no authority) is a relative reference
    // in old browsers' eyes, but not in RFC 3986's: no host, so no URL.
    if (!r.has_authority) return "";
  } else {
    const Components b = SplitReference(CleanReference(base, base_storage));
    if (!b.has_scheme || !IsHttpScheme(b.scheme) || !b.has_authority) return "";
    if (r.has_authority) {
      result = Recompose(b.scheme, r.authority, RemoveDotSegments(r.path), r.has_query, r.query,
                         r.has_fragment, r.fragment);
    } else if (r.path.empty()) {
      result = Recompose(b.scheme, b.authority, b.path.empty() ? "/" : b.path,
                         r.has_query || b.has_query, r.has_query ? r.query : b.query,
                         r.has_fragment, r.fragment);
    } else {
      const std::string path = r.path.starts_with("/") ? RemoveDotSegments(r.path)
                                                       : RemoveDotSegments(MergePaths(b, r.path));
      result =
          Recompose(b.scheme, b.authority, path, r.has_query, r.query, r.has_fragment, r.fragment);
    }
  }
  HttpUrlView view;
  if (!ReadHttpUrl(result, view)) return "";
  return result;
}

std::string NormalizeArticleUrl(std::string_view url) {
  const std::optional<UrlParts> parts = ParseHttpUrl(Trim(url));
  if (!parts) return "";
  std::string out = parts->scheme + "://";
  std::string_view host = parts->host;
  // "courier.example." is the same host as "courier.example".
  const size_t last = host.find_last_not_of('.');
  if (last != std::string_view::npos) host = host.substr(0, last + 1);
  const bool ipv6 = host.find(':') != std::string_view::npos;
  if (ipv6) out += '[';
  out += host;
  if (ipv6) out += ']';
  if (parts->port != (parts->scheme == "https" ? 443 : 80))
    out += ':' + std::to_string(parts->port);
  AppendNormalizedComponent(RemoveDotSegments(parts->path), out);
  const std::string query = WithoutTrackingParameters(parts->query);
  if (!query.empty()) out.append("?").append(query);
  return out;
}

}  // namespace parallax
