// Which addresses parallax may connect to without --allow-private.
//
// A feed or a redirect can name any host, and a host name can resolve to
// anything (DNS rebinding): so the check is made on the address being
// connected to, and it refuses every range that is not the public
// Internet. The IPv4 list follows IANA's special-purpose registry (RFC
// 6890 and successors); for IPv6 only global unicast (2000::/3) can be
// public, minus its documentation and benchmarking blocks, and the forms
// that carry an IPv4 address inside (mapped, compatible, NAT64, 6to4) are
// judged by that IPv4 address, so "::ffff:127.0.0.1" is loopback too.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "ingest/http_internal.h"
#include "parallax/http.h"

namespace parallax {
namespace ingest_internal {

namespace {

struct Ipv4Range {
  uint32_t network;
  int prefix;
  const char* kind;
};

constexpr uint32_t Ip4(unsigned a, unsigned b, unsigned c, unsigned d) {
  return (a << 24) | (b << 16) | (c << 8) | d;
}

// Most specific first: the metadata addresses sit inside wider ranges and
// deserve their own name in the refusal.
constexpr Ipv4Range kIpv4Ranges[] = {
    {Ip4(169, 254, 169, 254), 32, "a cloud metadata address"},  // AWS, GCP, Azure, ...
    {Ip4(100, 100, 100, 200), 32, "a cloud metadata address"},  // Alibaba Cloud
    {Ip4(192, 0, 0, 192), 32, "a cloud metadata address"},      // Oracle Cloud
    {Ip4(255, 255, 255, 255), 32, "a broadcast address"},
    {Ip4(0, 0, 0, 0), 32, "an unspecified address"},
    {Ip4(0, 0, 0, 0), 8, "a reserved (\"this network\") address"},
    {Ip4(10, 0, 0, 0), 8, "a private address"},
    {Ip4(100, 64, 0, 0), 10, "a shared (carrier-grade NAT) address"},
    {Ip4(127, 0, 0, 0), 8, "a loopback address"},
    {Ip4(169, 254, 0, 0), 16, "a link-local address"},
    {Ip4(172, 16, 0, 0), 12, "a private address"},
    {Ip4(192, 0, 0, 0), 24, "a reserved (IETF protocol assignments) address"},
    {Ip4(192, 0, 2, 0), 24, "a documentation address"},
    {Ip4(192, 88, 99, 0), 24, "a reserved (6to4 relay anycast) address"},
    {Ip4(192, 168, 0, 0), 16, "a private address"},
    {Ip4(198, 18, 0, 0), 15, "a benchmarking address"},
    {Ip4(198, 51, 100, 0), 24, "a documentation address"},
    {Ip4(203, 0, 113, 0), 24, "a documentation address"},
    {Ip4(224, 0, 0, 0), 4, "a multicast address"},
    {Ip4(240, 0, 0, 0), 4, "a reserved address"},
};

const char* Ipv4Kind(uint32_t address) {
  for (const Ipv4Range& range : kIpv4Ranges) {
    const uint32_t mask = range.prefix == 0 ? 0 : ~uint32_t{0} << (32 - range.prefix);
    if ((address & mask) == range.network) return range.kind;
  }
  return nullptr;
}

uint32_t Ipv4At(const uint8_t* bytes) {
  return (uint32_t{bytes[0]} << 24) | (uint32_t{bytes[1]} << 16) | (uint32_t{bytes[2]} << 8) |
         uint32_t{bytes[3]};
}

bool HasPrefix(const uint8_t* address, std::array<uint8_t, 16> network, int prefix) {
  for (int bit = 0; bit < prefix; bit += 8) {
    const int bits = prefix - bit < 8 ? prefix - bit : 8;
    const uint8_t mask = static_cast<uint8_t>(0xFF << (8 - bits));
    if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) return false;
  }
  return true;
}

const char* Ipv6Kind(const uint8_t* a) {
  static constexpr std::array<uint8_t, 16> kZero{};
  static constexpr std::array<uint8_t, 16> kLoopback{0, 0, 0, 0, 0, 0, 0, 0,
                                                     0, 0, 0, 0, 0, 0, 0, 1};
  static constexpr std::array<uint8_t, 16> kMapped{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
  static constexpr std::array<uint8_t, 16> kNat64{0x00, 0x64, 0xFF, 0x9B};
  static constexpr std::array<uint8_t, 16> kNat64Local{0x00, 0x64, 0xFF, 0x9B, 0x00, 0x01};
  static constexpr std::array<uint8_t, 16> kAwsMetadata{0xFD, 0x00, 0x0E, 0xC2, 0, 0, 0,    0,
                                                        0,    0,    0,    0,    0, 0, 0x02, 0x54};
  if (HasPrefix(a, kZero, 128)) return "an unspecified address";
  if (HasPrefix(a, kLoopback, 128)) return "a loopback address";
  if (HasPrefix(a, kAwsMetadata, 128)) return "a cloud metadata address";
  // Forms that carry an IPv4 address in their last (or, for 6to4, second
  // and third) 32 bits reach that IPv4 address.
  if (HasPrefix(a, kMapped, 96) || HasPrefix(a, kZero, 96) || HasPrefix(a, kNat64, 96)) {
    return Ipv4Kind(Ipv4At(a + 12));
  }
  if (HasPrefix(a, kNat64Local, 48)) return "a private (local NAT64) address";
  if (a[0] == 0x20 && a[1] == 0x02) return Ipv4Kind(Ipv4At(a + 2));          // 6to4, 2002::/16
  if ((a[0] & 0xFE) == 0xFC) return "a private (unique local) address";      // fc00::/7
  if (a[0] == 0xFE && (a[1] & 0xC0) == 0x80) return "a link-local address";  // fe80::/10
  if (a[0] == 0xFE && (a[1] & 0xC0) == 0xC0) return "a site-local address";  // fec0::/10
  if (a[0] == 0xFF) return "a multicast address";                            // ff00::/8
  if (HasPrefix(a, {0x20, 0x01, 0x0D, 0xB8}, 32)) return "a documentation address";
  if (HasPrefix(a, {0x3F, 0xFF}, 20)) return "a documentation address";  // RFC 9637
  if (HasPrefix(a, {0x20, 0x01, 0x00, 0x02, 0x00, 0x00}, 48)) return "a benchmarking address";
  if (HasPrefix(a, {0x20, 0x01, 0x00, 0x10}, 28)) return "a reserved (ORCHID) address";
  if (HasPrefix(a, {0x20, 0x01, 0x00, 0x20}, 28)) return "a reserved (ORCHID) address";
  if ((a[0] & 0xE0) != 0x20) return "a reserved address";  // outside 2000::/3
  return nullptr;
}

}  // namespace

const char* NonPublicAddressKind(const sockaddr* address) {
  if (address == nullptr) return "an unknown address";
  if (address->sa_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(address);
    return Ipv4Kind(ntohl(in->sin_addr.s_addr));
  }
  if (address->sa_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(address);
    return Ipv6Kind(in6->sin6_addr.s6_addr);
  }
  return "not an Internet address";
}

std::string NumericAddress(const sockaddr* address) {
  char text[INET6_ADDRSTRLEN] = "";
  if (address == nullptr) return "";
  if (address->sa_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(address)->sin_addr, text, sizeof text);
  } else if (address->sa_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr, text,
              sizeof text);
  }
  return text;
}

}  // namespace ingest_internal

bool IsPublicAddress(const sockaddr* address) {
  return ingest_internal::NonPublicAddressKind(address) == nullptr;
}

bool IsPublicAddress(std::string_view numeric) {
  if (numeric.size() >= 2 && numeric.front() == '[' && numeric.back() == ']') {
    numeric = numeric.substr(1, numeric.size() - 2);
  }
  if (numeric.empty() || numeric.size() >= INET6_ADDRSTRLEN) return false;
  const std::string text(numeric);
  sockaddr_in in{};
  if (inet_pton(AF_INET, text.c_str(), &in.sin_addr) == 1) {
    in.sin_family = AF_INET;
    return IsPublicAddress(reinterpret_cast<const sockaddr*>(&in));
  }
  sockaddr_in6 in6{};
  if (inet_pton(AF_INET6, text.c_str(), &in6.sin6_addr) == 1) {
    in6.sin6_family = AF_INET6;
    return IsPublicAddress(reinterpret_cast<const sockaddr*>(&in6));
  }
  return false;
}

}  // namespace parallax
