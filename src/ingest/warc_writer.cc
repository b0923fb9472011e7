// WarcWriter: WARC/1.1, one gzip member a record, written and flushed an
// exchange at a time.
//
// Each Write builds the request and response records in memory, compresses
// each as its own gzip member, and hands both to the kernel in one write.
// A process killed at any moment therefore leaves whole members and at
// most one partial exchange at the end; a write that fails midway is cut
// back off the file, so the next exchange does not follow a broken member.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <cerrno>
#include <ctime>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include "ingest/sha1.h"
#include "parallax/warc.h"

namespace parallax {

namespace {

using ingest_internal::WarcSha1Digest;

// zlib's default: a fetched page compresses to about a fifth either way,
// and level 6 costs well under a millisecond for one.
constexpr int kCompressionLevel = 6;

std::string ErrnoText(int error) { return std::error_code(error, std::generic_category()).message(); }

std::string UtcNow(const char* format) {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, format, &utc);
  return text;
}

// A header value can never hold a line break: a URL with "\r\n" in it would
// otherwise write headers of its own. Control characters and spaces in a
// URL are percent-encoded; in other values they become spaces.
std::string SafeUri(std::string_view uri) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(uri.size());
  for (const char c : uri) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F) {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    } else {
      out += c;
    }
  }
  return out;
}

std::string SafeValue(std::string_view value) {
  std::string out(value);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  return out;
}

// The head as a block must end in an empty line, whatever the caller left.
std::string_view HeadTerminator(std::string_view head) {
  if (head.ends_with("\r\n\r\n") || head.ends_with("\n\n")) return "";
  if (head.ends_with("\r\n") || head.ends_with("\n")) return "\r\n";
  return "\r\n\r\n";
}

// Record ids must not repeat across processes and machines: the generator
// starts from 256 bits of the system's randomness, not one 32-bit draw.
std::mt19937_64 SeededGenerator() {
  std::random_device device;
  std::seed_seq seed{device(), device(), device(), device(), device(), device(), device(), device()};
  return std::mt19937_64(seed);
}

}  // namespace

struct WarcWriter::Impl {
  ~Impl() {
    if (fd >= 0) ::close(fd);
    if (deflating) deflateEnd(&z);
  }

  std::string NewRecordId();
  // Appends one record, compressed as a gzip member, to `out`. The block is
  // the concatenation of `parts`.
  Status AppendRecord(std::string_view header, std::initializer_list<std::string_view> parts);
  Status WriteOut();

  int fd = -1;
  std::string path;
  std::string warcinfo_id;
  z_stream z{};
  bool deflating = false;
  std::mt19937_64 random = SeededGenerator();
  std::string out;       // compressed records not yet written
  off_t good_size = 0;   // the file's size after the last complete write
};

std::string WarcWriter::Impl::NewRecordId() {
  // A random (version 4) UUID.
  uint8_t bytes[16];
  for (int i = 0; i < 16; i += 8) {
    const uint64_t r = random();
    for (int j = 0; j < 8; ++j) bytes[i + j] = static_cast<uint8_t>(r >> (8 * j));
  }
  bytes[6] = static_cast<uint8_t>((bytes[6] & 0x0F) | 0x40);
  bytes[8] = static_cast<uint8_t>((bytes[8] & 0x3F) | 0x80);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id = "<urn:uuid:";
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) id += '-';
    id += kHex[bytes[i] >> 4];
    id += kHex[bytes[i] & 15];
  }
  return id + ">";
}

Status WarcWriter::Impl::AppendRecord(std::string_view header, std::initializer_list<std::string_view> parts) {
  if (deflateReset(&z) != Z_OK) return Status::IoError("cannot restart gzip compression");
  size_t total = header.size() + 4;
  for (const std::string_view part : parts) total += part.size();
  const size_t start = out.size();
  out.resize(start + deflateBound(&z, total) + 64);
  z.next_out = reinterpret_cast<Bytef*>(&out[start]);
  z.avail_out = static_cast<uInt>(out.size() - start);
  const auto feed = [&](std::string_view bytes, int flush) {
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = static_cast<uInt>(bytes.size());
    const int ret = deflate(&z, flush);
    return flush == Z_FINISH ? ret == Z_STREAM_END : ret == Z_OK || ret == Z_BUF_ERROR;
  };
  bool ok = feed(header, Z_NO_FLUSH);
  for (const std::string_view part : parts) ok = ok && feed(part, Z_NO_FLUSH);
  ok = ok && feed("\r\n\r\n", Z_FINISH);
  out.resize(out.size() - z.avail_out);
  if (!ok) {
    out.resize(start);
    return Status::IoError("gzip compression failed");
  }
  return Status::Ok();
}

Status WarcWriter::Impl::WriteOut() {
  size_t written = 0;
  while (written < out.size()) {
    const ssize_t n = ::write(fd, out.data() + written, out.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int error = n < 0 ? errno : EIO;
      // Cut the partial member back off, so the file stays readable and the
      // next exchange can follow the last complete one.
      if (::ftruncate(fd, good_size) == 0) ::lseek(fd, good_size, SEEK_SET);
      out.clear();
      return Status::IoError(path + ": cannot write: " + ErrnoText(error));
    }
    written += static_cast<size_t>(n);
  }
  good_size += static_cast<off_t>(out.size());
  out.clear();
  return Status::Ok();
}

WarcWriter::WarcWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WarcWriter::WarcWriter(WarcWriter&&) noexcept = default;
WarcWriter& WarcWriter::operator=(WarcWriter&&) noexcept = default;
WarcWriter::~WarcWriter() = default;

const std::string& WarcWriter::path() const { return impl_->path; }

Result<WarcWriter> WarcWriter::Create(const std::string& dir, const std::string& software) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IoError(dir + ": cannot create the directory: " + ec.message());
  auto impl = std::make_unique<Impl>();
  if (deflateInit2(&impl->z, kCompressionLevel, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    return Status::IoError("cannot start gzip compression (out of memory)");
  }
  impl->deflating = true;
  // Several writers in one process (or one second) get their own files.
  static std::atomic<unsigned> serial{0};
  const std::string stamp = UtcNow("%Y%m%d%H%M%S");
  for (int attempt = 0; impl->fd < 0; ++attempt) {
    const std::string name = "parallax-" + stamp + "-" + std::to_string(::getpid()) + "-" +
                             std::to_string(serial.fetch_add(1)) + ".warc.gz";
    impl->path = (std::filesystem::path(dir) / name).string();
    impl->fd = ::open(impl->path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (impl->fd < 0 && (errno != EEXIST || attempt > 1000)) {
      return Status::IoError(impl->path + ": cannot create: " + ErrnoText(errno));
    }
  }
  impl->warcinfo_id = impl->NewRecordId();
  const std::string fields = "software: " + SafeValue(software) +
                             "\r\nformat: WARC File Format 1.1"
                             "\r\nconformsTo: http://iipc.github.io/warc-specifications/specifications/"
                             "warc-format/warc-1.1/\r\n";
  const std::string header = "WARC/1.1\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: " + impl->warcinfo_id +
                             "\r\nWARC-Date: " + UtcNow("%Y-%m-%dT%H:%M:%SZ") +
                             "\r\nWARC-Filename: " + SafeValue(std::filesystem::path(impl->path).filename().string()) +
                             "\r\nContent-Type: application/warc-fields\r\nContent-Length: " +
                             std::to_string(fields.size()) + "\r\n\r\n";
  if (Status s = impl->AppendRecord(header, {fields}); !s.ok()) return s;
  if (Status s = impl->WriteOut(); !s.ok()) return s;
  return WarcWriter(std::move(impl));
}

Status WarcWriter::Write(const HttpExchange& exchange) {
  Impl& w = *impl_;
  const std::string request_id = w.NewRecordId();
  const std::string response_id = w.NewRecordId();
  const std::string date = exchange.date.empty() ? UtcNow("%Y-%m-%dT%H:%M:%SZ") : SafeValue(exchange.date);
  std::string common = "WARC-Date: " + date + "\r\nWARC-Target-URI: " + SafeUri(exchange.url) + "\r\n";
  if (!exchange.ip.empty()) common += "WARC-IP-Address: " + SafeValue(exchange.ip) + "\r\n";
  common += "WARC-Warcinfo-ID: " + w.warcinfo_id + "\r\n";

  const std::string_view request_end = HeadTerminator(exchange.request_head);
  const std::string request_header =
      "WARC/1.1\r\nWARC-Type: request\r\nWARC-Record-ID: " + request_id + "\r\n" + common +
      "WARC-Concurrent-To: " + response_id + "\r\nWARC-Block-Digest: " +
      WarcSha1Digest(exchange.request_head, request_end) +
      "\r\nContent-Type: application/http;msgtype=request\r\nContent-Length: " +
      std::to_string(exchange.request_head.size() + request_end.size()) + "\r\n\r\n";

  const std::string_view response_end = HeadTerminator(exchange.response_head);
  const std::string head = exchange.response_head + std::string(response_end);
  const std::string response_header =
      "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: " + response_id + "\r\n" + common +
      "WARC-Concurrent-To: " + request_id + "\r\nWARC-Block-Digest: " + WarcSha1Digest(head, exchange.body) +
      "\r\nWARC-Payload-Digest: " + WarcSha1Digest(exchange.body) +
      "\r\nContent-Type: application/http;msgtype=response\r\nContent-Length: " +
      std::to_string(head.size() + exchange.body.size()) + "\r\n\r\n";

  if (Status s = w.AppendRecord(request_header, {exchange.request_head, request_end}); !s.ok()) return s;
  if (Status s = w.AppendRecord(response_header, {head, exchange.body}); !s.ok()) return s;
  return w.WriteOut();
}

}  // namespace parallax
