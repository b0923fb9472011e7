// WarcReader: the records of a .warc or .warc.gz file, streamed.
//
// Our own reader rather than libarchive's: libarchive's WARC format reader
// knows WARC/1.0 only (it refuses the WARC/1.1 that our own writer and
// current crawlers produce), hides where each record starts (the offset a
// CDX index or an error message needs), and copies every block through its
// own buffers. This one inflates straight into the record's block, so a
// record costs one inflate and the copy of what was buffered ahead.
//
// Framing: a header ("WARC/1.x", "Name: value" lines, a blank line), then
// Content-Length bytes of block, then "\r\n\r\n". Writers that end lines
// with a bare "\n", or leave out or double the blank lines between records,
// are read too: blank lines before a record are skipped.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include "parallax/warc.h"

namespace parallax {

namespace {

// Decompressed bytes held ahead of the parser. Headers must fit; blocks go
// straight into the record past what is buffered.
constexpr size_t kBufferBytes = size_t{1} << 20;
// Compressed bytes read per read(2).
constexpr size_t kInputBytes = size_t{256} << 10;
// A block up to this size is given its room at once (pages are smaller).
constexpr size_t kBlockStep = size_t{4} << 20;
// A WARC header is a few hundred bytes; one this large is not a header.
constexpr size_t kMaxHeaderBytes = size_t{256} << 10;

std::string ErrnoText(int error) { return std::error_code(error, std::generic_category()).message(); }

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool ParseLength(std::string_view digits, uint64_t& value) {
  digits = Trim(digits);
  if (digits.empty() || digits.size() > 18) return false;
  value = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  return true;
}

}  // namespace

std::string_view FindHeader(const HeaderList& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (EqualsNoCase(key, name)) return value;
  }
  return {};
}

struct WarcReader::Impl {
  Impl(int fd_in, std::string path_in, const WarcReadOptions& options_in, bool gzip_in)
      : fd(fd_in), path(std::move(path_in)), options(options_in), gzip(gzip_in),
        buffer(new char[kBufferBytes]) {
    if (gzip) input.reset(new char[kInputBytes]);
  }
  ~Impl() {
    if (fd >= 0) ::close(fd);
    if (inflating) inflateEnd(&z);
  }

  Result<bool> Next(WarcRecord& record);

  // --- The decompressed stream -------------------------------------------
  // Up to `room` bytes of the stream into `out`: 0 at the end of the file or
  // on an error (in `error`). A gzip member's end stops the call, so that a
  // damaged member is reported as soon as the bytes before it are used.
  size_t Produce(char* out, size_t room);
  // Appends what Produce gives to the buffer; false when nothing came: at
  // the end of the file, on an error, with a full buffer, or (only when
  // `stop_at_member_end`) when a gzip member ended without more bytes.
  bool Fill(bool stop_at_member_end = false);
  Status ReadInput();
  Status GzipError(const char* what) const;

  std::string_view Buffered() const { return {buffer.get() + begin, end - begin}; }
  void Consume(size_t n) {
    begin += n;
    position += n;
  }

  // --- Records -------------------------------------------------------------
  // The next header into `record`; `at_file_end` instead when only blank
  // lines are left.
  Status ReadHeader(WarcRecord& record, bool& at_file_end);
  Status ReadBlock(WarcRecord& record, uint64_t length);
  Status SkipBytes(uint64_t length);
  Status FinishRecord();
  uint64_t RecordOffset(uint64_t start);
  Status Fail(Status status) {
    failed = true;
    return status;
  }

  int fd;
  std::string path;
  WarcReadOptions options;
  bool gzip;

  std::unique_ptr<char[]> buffer;
  size_t begin = 0, end = 0;  // buffered bytes: buffer[begin, end)
  uint64_t position = 0;      // stream offset of buffer[begin]
  uint64_t produced = 0;      // stream bytes produced so far
  bool at_end = false;        // the file is read and every member closed
  Status error;               // what stopped Produce
  bool failed = false;        // Next has returned an error: no more records
  bool truncated = false;
  bool first_record = true;
  uint64_t previous_start = 0;

  // gzip only.
  std::unique_ptr<char[]> input;
  size_t input_begin = 0, input_end = 0;
  uint64_t input_offset = 0;  // file offset of input[input_begin]
  bool file_done = false;
  z_stream z{};
  bool inflating = false;     // inflateInit2 done
  bool in_member = false;
  uint64_t member_offset = 0;  // file offset of the current (or last) member
  // Where members began: (stream offset, file offset), oldest first, pruned
  // as records pass them.
  std::deque<std::pair<uint64_t, uint64_t>> members;
};

Status WarcReader::Impl::ReadInput() {
  // Unused input moves to the front; gzip data left over is small.
  if (input_begin > 0) {
    std::memmove(input.get(), input.get() + input_begin, input_end - input_begin);
    input_end -= input_begin;
    input_begin = 0;
  }
  while (true) {
    const ssize_t n = ::read(fd, input.get() + input_end, kInputBytes - input_end);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::IoError(path + ": cannot read: " + ErrnoText(errno));
    if (n == 0) file_done = true;
    input_end += static_cast<size_t>(n);
    return Status::Ok();
  }
}

Status WarcReader::Impl::GzipError(const char* what) const {
  std::string detail = what;
  if (z.msg != nullptr) detail += std::string(" (") + z.msg + ")";
  return Status::InvalidInput("gzip member at offset " + std::to_string(member_offset) + " is " + detail +
                              "; the records before it were read");
}

size_t WarcReader::Impl::Produce(char* out, size_t room) {
  if (at_end || !error.ok()) return 0;
  if (!gzip) {
    while (true) {
      const ssize_t n = ::read(fd, out, room);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        error = Status::IoError(path + ": cannot read: " + ErrnoText(errno));
        return 0;
      }
      if (n == 0) at_end = true;
      produced += static_cast<size_t>(n);
      return static_cast<size_t>(n);
    }
  }
  while (true) {
    if (input_end - input_begin < 2 && !file_done) {
      if (Status s = ReadInput(); !s.ok()) {
        error = s;
        return 0;
      }
      continue;
    }
    if (!in_member) {
      // Between members: the next must start with the gzip magic number.
      // Trailing zero bytes (tape-era padding) end the file as gzip does.
      const std::string_view rest(input.get() + input_begin, input_end - input_begin);
      if (rest.empty()) {
        at_end = true;
        return 0;
      }
      if (rest.find_first_not_of('\0') == std::string_view::npos) {
        if (file_done) {
          at_end = true;
          return 0;
        }
        input_offset += rest.size();
        input_begin = input_end;
        continue;
      }
      member_offset = input_offset;
      if (rest.size() < 2 || static_cast<unsigned char>(rest[0]) != 0x1f ||
          static_cast<unsigned char>(rest[1]) != 0x8b) {
        error = Status::InvalidInput("no gzip member at offset " + std::to_string(member_offset) +
                                     " (damaged or not gzip data); the records before it were read");
        return 0;
      }
      const int started = inflating ? inflateReset(&z) : inflateInit2(&z, 16 + MAX_WBITS);
      if (started != Z_OK) {
        error = Status::IoError("cannot start gzip decompression (out of memory)");
        return 0;
      }
      inflating = true;
      in_member = true;
      members.emplace_back(produced, member_offset);
    }
    z.next_in = reinterpret_cast<Bytef*>(input.get() + input_begin);
    z.avail_in = static_cast<uInt>(input_end - input_begin);
    z.next_out = reinterpret_cast<Bytef*>(out);
    z.avail_out = static_cast<uInt>(std::min<size_t>(room, UINT32_MAX));
    const int ret = inflate(&z, Z_NO_FLUSH);
    const size_t used = (input_end - input_begin) - z.avail_in;
    const size_t made = std::min<size_t>(room, UINT32_MAX) - z.avail_out;
    input_begin += used;
    input_offset += used;
    produced += made;
    switch (ret) {
      case Z_STREAM_END:
        in_member = false;
        return made;
      case Z_OK:
      case Z_BUF_ERROR:
        if (made > 0) return made;
        if (input_begin == input_end) {
          if (file_done) {
            error = GzipError("cut short (the file ends inside it)");
            return 0;
          }
          if (Status s = ReadInput(); !s.ok()) {
            error = s;
            return 0;
          }
        }
        continue;
      case Z_MEM_ERROR:
        error = Status::IoError("out of memory while decompressing");
        return 0;
      default:  // Z_DATA_ERROR, Z_NEED_DICT, Z_STREAM_ERROR
        error = GzipError("damaged");
        return 0;
    }
  }
}

bool WarcReader::Impl::Fill(bool stop_at_member_end) {
  if (begin > 0 && (begin == end || kBufferBytes - end < kBufferBytes / 4)) {
    std::memmove(buffer.get(), buffer.get() + begin, end - begin);
    end -= begin;
    begin = 0;
  }
  if (end == kBufferBytes) return false;
  while (true) {
    const size_t n = Produce(buffer.get() + end, kBufferBytes - end);
    end += n;
    if (n > 0) return true;
    // Nothing came: the end, an error, or a member that ended just now.
    if (at_end || !error.ok() || stop_at_member_end) return false;
  }
}

uint64_t WarcReader::Impl::RecordOffset(uint64_t start) {
  // The file offset of the member the record starts, when it starts one
  // (one member a record, as crawlers write); else the stream offset.
  while (members.size() >= 2 && members[1].first <= start) members.pop_front();
  const bool starts_member = !members.empty() && members.front().first <= start &&
                             (first_record || members.front().first > previous_start);
  return starts_member ? members.front().second : start;
}

Status WarcReader::Impl::ReadHeader(WarcRecord& record, bool& at_file_end) {
  at_file_end = false;
  // Blank lines between records (and after the last one) are skipped.
  while (true) {
    const std::string_view data = Buffered();
    const size_t text = data.find_first_not_of("\r\n");
    if (text != std::string_view::npos) {
      Consume(text);
      break;
    }
    Consume(data.size());
    if (!Fill()) {
      if (!error.ok()) return error;
      at_file_end = true;
      return Status::Ok();
    }
  }
  const uint64_t start = position;
  record.offset = RecordOffset(start);
  const bool is_first = first_record;
  first_record = false;
  previous_start = start;

  // A record starts "WARC/": anything else is told at once, not after
  // looking for the end of a header that is not there.
  const auto not_a_record = [&] {
    return Status::InvalidInput(
        "offset " + std::to_string(record.offset) +
        (is_first ? ": not a WARC file (it does not start with \"WARC/\")"
                  : ": no WARC record here (\"WARC/\" expected); the records before it were read"));
  };
  while (end - begin < 5 && Fill()) {
  }
  if (!error.ok()) return error;
  if (!Buffered().starts_with("WARC/")) return not_a_record();

  // The whole header in the buffer: up to the first empty line.
  size_t header_end = 0, body_start = 0;
  size_t searched = 0;
  while (true) {
    const std::string_view data = Buffered();
    for (size_t nl = data.find('\n', searched); nl != std::string_view::npos; nl = data.find('\n', nl + 1)) {
      const size_t next = nl + 1;
      if (next < data.size() && data[next] == '\n') {
        header_end = nl + 1;
        body_start = next + 1;
        break;
      }
      if (next + 1 < data.size() && data[next] == '\r' && data[next + 1] == '\n') {
        header_end = nl + 1;
        body_start = next + 2;
        break;
      }
    }
    if (body_start > 0) break;
    searched = data.size() >= 2 ? data.size() - 2 : 0;
    if (data.size() > kMaxHeaderBytes) {
      return Status::InvalidInput("offset " + std::to_string(record.offset) +
                                  ": no end of the WARC header within " + std::to_string(kMaxHeaderBytes) +
                                  " bytes");
    }
    if (!Fill()) {
      if (!error.ok()) return error;
      return Status::InvalidInput("offset " + std::to_string(record.offset) +
                                  ": the file ends inside a WARC header");
    }
  }

  std::string_view header = Buffered().substr(0, header_end);
  const size_t first_eol = header.find('\n');
  const std::string_view version = Trim(header.substr(0, first_eol));
  record.version.assign(version);
  record.headers.clear();
  header.remove_prefix(first_eol + 1);
  while (!header.empty()) {
    const size_t eol = header.find('\n');
    std::string_view line = header.substr(0, eol);
    header.remove_prefix(eol == std::string_view::npos ? header.size() : eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if ((line.front() == ' ' || line.front() == '\t') && !record.headers.empty()) {
      record.headers.back().second += ' ';  // a folded continuation line
      record.headers.back().second.append(Trim(line));
      continue;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    record.headers.emplace_back(std::string(Trim(line.substr(0, colon))),
                                std::string(Trim(line.substr(colon + 1))));
  }
  Consume(body_start);
  return Status::Ok();
}

Status WarcReader::Impl::ReadBlock(WarcRecord& record, uint64_t length) {
  // Room for the whole block at once when it is of a common size; a larger
  // one grows as its bytes arrive, so a lying Content-Length in a short
  // file costs no more memory than the file has.
  const size_t buffered = std::min<uint64_t>(length, end - begin);
  record.block.resize(std::min<uint64_t>(length, buffered + kBlockStep));
  std::memcpy(record.block.data(), buffer.get() + begin, buffered);
  Consume(buffered);
  size_t have = buffered;
  // The rest goes straight from inflate (or read) into the block.
  while (have < length) {
    if (have == record.block.size()) {
      record.block.resize(std::min<uint64_t>(length, record.block.size() * 2));
    }
    const size_t n = Produce(record.block.data() + have, record.block.size() - have);
    if (n == 0) {
      if (at_end || !error.ok()) break;
      continue;  // a member ended; the block goes on in the next
    }
    have += n;
    position += n;
  }
  if (have < length) {
    record.block.resize(have);
    if (!error.ok()) return error;
    return Status::InvalidInput("offset " + std::to_string(record.offset) + ": the record is cut short (" +
                                std::to_string(have) + " of its " + std::to_string(length) +
                                " bytes are in the file)");
  }
  return Status::Ok();
}

Status WarcReader::Impl::SkipBytes(uint64_t length) {
  while (length > 0) {
    if (begin == end && !Fill()) {
      if (!error.ok()) return error;
      return Status::InvalidInput("the file ends inside a record");
    }
    const size_t n = std::min<uint64_t>(length, end - begin);
    Consume(n);
    length -= n;
  }
  return Status::Ok();
}

Status WarcReader::Impl::FinishRecord() {
  // The "\r\n\r\n" after the block. When it is all that is left of the
  // record's gzip member, read on to the member's end, so that a damaged
  // member (its CRC-32 is checked there) fails its own record, not the next.
  size_t newlines = 0;
  while (newlines < 4) {
    if (begin == end) {
      if (gzip && !in_member) break;
      if (!Fill(/*stop_at_member_end=*/true)) break;
      continue;
    }
    const char c = buffer[begin];
    if (c != '\r' && c != '\n') break;
    Consume(1);
    ++newlines;
  }
  if (gzip && in_member && begin == end) {
    while (in_member && begin == end && Fill(/*stop_at_member_end=*/true)) {
    }
  }
  return error;
}

Result<bool> WarcReader::Impl::Next(WarcRecord& record) {
  if (failed) return false;
  truncated = false;
  record.block.clear();
  bool at_file_end = false;
  Status status = ReadHeader(record, at_file_end);
  if (!status.ok()) return Fail(std::move(status));
  if (at_file_end) return false;

  record.type.assign(FindHeader(record.headers, "WARC-Type"));
  std::string_view uri = FindHeader(record.headers, "WARC-Target-URI");
  if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);
  record.target_uri.assign(uri);
  record.date.assign(FindHeader(record.headers, "WARC-Date"));
  record.record_id.assign(FindHeader(record.headers, "WARC-Record-ID"));
  record.content_type.assign(FindHeader(record.headers, "Content-Type"));
  uint64_t length = 0;
  if (!ParseLength(FindHeader(record.headers, "Content-Length"), length)) {
    return Fail(Status::InvalidInput("offset " + std::to_string(record.offset) +
                                     ": the WARC header has no valid Content-Length"));
  }
  if (length > options.max_block) {
    truncated = true;
    status = SkipBytes(length);
  } else {
    status = ReadBlock(record, length);
  }
  if (status.ok()) status = FinishRecord();
  if (!status.ok()) return Fail(std::move(status));
  return true;
}

WarcReader::WarcReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WarcReader::WarcReader(WarcReader&&) noexcept = default;
WarcReader& WarcReader::operator=(WarcReader&&) noexcept = default;
WarcReader::~WarcReader() = default;

Result<WarcReader> WarcReader::Open(const std::string& path, const WarcReadOptions& options) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    if (error == ENOENT || error == ENOTDIR) return Status::NotFound("no such file");
    return Status::IoError("cannot open: " + ErrnoText(error));
  }
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    return Status::InvalidInput("is a directory, not a file");
  }
  // gzip is told by its magic number, not the name: "x.warc" files are
  // sometimes compressed, and pipes have no name to go by.
  unsigned char magic[2] = {0, 0};
  const bool gzip = ::pread(fd, magic, 2, 0) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
#ifdef POSIX_FADV_SEQUENTIAL
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  return WarcReader(std::make_unique<Impl>(fd, path, options, gzip));
}

Result<bool> WarcReader::Next(WarcRecord& record) { return impl_->Next(record); }

bool WarcReader::truncated() const { return impl_->truncated; }

}  // namespace parallax
