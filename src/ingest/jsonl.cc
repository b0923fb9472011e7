// JSON lines: a small scanner that reads only the fields parallax uses.
//
// A general JSON library builds a tree for every line; corpora of millions
// of articles want the few fields we need decoded straight into strings,
// and everything else skipped without allocating.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "ingest/jsonl_reader.h"
#include "parallax/ingest.h"
#include "parallax/text.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace parallax {

namespace {

constexpr size_t kMaxLineBytes = size_t{64} << 20;
constexpr size_t kReadBytes = size_t{1} << 20;

// The position of the first '"' or '\\' in `in` at or after `pos`, or
// in.size(). Article texts are long runs between escapes, and the
// byte-at-a-time loop was a tenth of a whole dedup run: with SSE2, sixteen
// bytes a step (two compares and a mask); else eight (a zero-byte test on
// the word XORed with each character). Sixteen took the near-duplicate
// bench's reading and signatures from 69.0 to 65.6 ms.
size_t FindQuoteOrBackslash(std::string_view in, size_t pos) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  for (; pos + 16 <= in.size(); pos += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in.data() + pos));
    const int hit = _mm_movemask_epi8(
        _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash)));
    if (hit != 0) return pos + static_cast<size_t>(std::countr_zero(static_cast<unsigned>(hit)));
  }
#else
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHighs = 0x8080808080808080ull;
  if constexpr (std::endian::native == std::endian::little) {
    for (; pos + 8 <= in.size(); pos += 8) {
      uint64_t word;
      std::memcpy(&word, in.data() + pos, sizeof word);
      const uint64_t quote = word ^ (kOnes * '"');
      const uint64_t backslash = word ^ (kOnes * '\\');
      // The lowest flagged byte is exact; flags above it may be borrows.
      const uint64_t hit =
          (((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash)) & kHighs;
      if (hit != 0) return pos + (std::countr_zero(hit) >> 3);
    }
  }
#endif
  while (pos < in.size() && in[pos] != '"' && in[pos] != '\\') ++pos;
  return pos;
}

// A JSON number of Unix time as "YYYY-MM-DDTHH:MM:SSZ". Seconds, or
// milliseconds from 10^11 on (10^11 seconds is the year 5138, while
// milliseconds pass 10^11 in 1973: feeds that give numbers give one or the
// other). False outside the years 1 to 9999.
bool UnixTimeToIso(std::string_view number, std::string& out) {
  const std::string text(number);
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0' || !std::isfinite(value)) return false;
  if (std::fabs(value) >= 1e11) value /= 1000;
  constexpr double kYear1 = -62135596800.0, kYear10000 = 253402300800.0;
  if (value < kYear1 || value >= kYear10000) return false;
  const std::time_t seconds = static_cast<std::time_t>(std::floor(value));
  std::tm utc{};
  if (gmtime_r(&seconds, &utc) == nullptr) return false;
  char buffer[80];  // room for any int, which the warning cannot rule out
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
  out = buffer;
  return true;
}

class Scanner {
 public:
  explicit Scanner(std::string_view in) : in_(in) {}

  bool ParseObject(JsonRecord& record, std::string& reason) {
    SkipSpace();
    if (!Consume('{')) return Fail(reason, "not a JSON object");
    SkipSpace();
    if (Consume('}')) return true;
    while (true) {
      SkipSpace();
      std::string key;
      if (!ParseString(&key)) return Fail(reason, "a key is not a string");
      SkipSpace();
      if (!Consume(':')) return Fail(reason, "':' expected after a key");
      SkipSpace();
      std::string* target = FieldFor(key, record);
      const size_t begin = pos_;
      if (target != nullptr && Peek() == '"') {
        target->clear();
        if (!ParseString(target)) return Fail(reason, "unterminated or invalid string");
      } else if (target != nullptr && key == "id" && IsNumberStart(Peek())) {
        if (!SkipValue()) return Fail(reason, "invalid number");
        target->assign(in_.substr(begin, pos_ - begin));
      } else if (!SkipValue()) {
        return Fail(reason, "invalid value for \"" + key + "\"");
      } else if (target != nullptr && key == "published" && IsNumberStart(in_[begin])) {
        if (!UnixTimeToIso(in_.substr(begin, pos_ - begin), *target)) {
          Note(record, "\"published\" " + std::string(in_.substr(begin, pos_ - begin)) +
                           " is not a Unix time between the years 1 and 9999; ignored");
        }
      } else if (target != nullptr && in_.substr(begin, pos_ - begin) != "null") {
        target->clear();
        Note(record, "\"" + key + "\" is " + Kind(in_[begin]) + ", not a string; ignored");
      }
      SkipSpace();
      if (Consume(',')) continue;
      if (Consume('}')) break;
      return Fail(reason, "',' or '}' expected");
    }
    SkipSpace();
    if (pos_ != in_.size()) return Fail(reason, "text after the object");
    return true;
  }

 private:
  static bool Fail(std::string& reason, std::string why) {
    reason = std::move(why);
    return false;
  }
  static bool IsNumberStart(char c) { return c == '-' || (c >= '0' && c <= '9'); }
  static void Note(JsonRecord& r, const std::string& note) {
    if (!r.note.empty()) r.note += "; ";
    r.note += note;
  }
  static const char* Kind(char first) {
    return first == '{' ? "an object" : first == '[' ? "an array" : first == 't' || first == 'f' ? "a boolean" : "a number";
  }
  static std::string* FieldFor(const std::string& key, JsonRecord& r) {
    if (key == "id") return &r.id;
    if (key == "text") return &r.text;
    if (key == "title") return &r.title;
    if (key == "outlet") return &r.outlet;
    if (key == "url") return &r.url;
    if (key == "published") return &r.published;
    return nullptr;
  }
  char Peek() const { return pos_ < in_.size() ? in_[pos_] : '\0'; }
  bool Consume(char c) {
    if (Peek() != c) return false;
    ++pos_;
    return true;
  }
  void SkipSpace() {
    while (pos_ < in_.size() &&
           (in_[pos_] == ' ' || in_[pos_] == '\t' || in_[pos_] == '\r' || in_[pos_] == '\n')) {
      ++pos_;
    }
  }

  bool ReadHex4(uint32_t& value) {
    if (pos_ + 4 > in_.size()) return false;
    value = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = in_[pos_++];
      value <<= 4;
      if (c >= '0' && c <= '9') value |= static_cast<uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') value |= static_cast<uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') value |= static_cast<uint32_t>(c - 'A' + 10);
      else return false;
    }
    return true;
  }

  // At '"'. Decodes into *out (nullptr: only skips).
  bool ParseString(std::string* out) {
    if (!Consume('"')) return false;
    while (pos_ < in_.size()) {
      // Copy the run up to the next quote or backslash in one go.
      const size_t run = FindQuoteOrBackslash(in_, pos_);
      if (out != nullptr) out->append(in_.data() + pos_, run - pos_);
      pos_ = run;
      if (pos_ >= in_.size()) return false;
      if (in_[pos_] == '"') {
        ++pos_;
        return true;
      }
      ++pos_;  // backslash
      if (pos_ >= in_.size()) return false;
      const char e = in_[pos_++];
      char plain = 0;
      switch (e) {
        case '"': plain = '"'; break;
        case '\\': plain = '\\'; break;
        case '/': plain = '/'; break;
        case 'b': plain = '\b'; break;
        case 'f': plain = '\f'; break;
        case 'n': plain = '\n'; break;
        case 'r': plain = '\r'; break;
        case 't': plain = '\t'; break;
        case 'u': {
          uint32_t cp;
          if (!ReadHex4(cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF && pos_ + 6 <= in_.size() && in_[pos_] == '\\' &&
              in_[pos_ + 1] == 'u') {
            const size_t save = pos_;
            pos_ += 2;
            uint32_t low;
            if (ReadHex4(low) && low >= 0xDC00 && low <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            } else {
              pos_ = save;
              cp = 0xFFFD;
            }
          } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD;  // a lone surrogate is no character
          }
          if (out != nullptr) AppendUtf8(static_cast<char32_t>(cp), *out);
          continue;
        }
        default:
          return false;
      }
      if (out != nullptr) *out += plain;
    }
    return false;
  }

  // Skips any value; nesting is tracked with a depth counter, not recursion,
  // so a hostile line of a million '[' cannot exhaust the stack.
  bool SkipValue() {
    size_t depth = 0;
    while (true) {
      SkipSpace();
      const char c = Peek();
      if (c == '"') {
        if (!ParseString(nullptr)) return false;
      } else if (c == '{' || c == '[') {
        ++pos_;
        ++depth;
        continue;
      } else if (c == '}' || c == ']') {
        if (depth == 0) return false;
        ++pos_;
        --depth;
      } else if (c == ',' || c == ':') {
        if (depth == 0) return false;
        ++pos_;
        continue;
      } else if (IsNumberStart(c) || c == 't' || c == 'f' || c == 'n') {
        const size_t begin = pos_;
        while (pos_ < in_.size() && std::strchr("+-.0123456789eEtruefalsn", in_[pos_]) != nullptr) ++pos_;
        const std::string_view word = in_.substr(begin, pos_ - begin);
        if (c == 't' && word != "true") return false;
        if (c == 'f' && word != "false") return false;
        if (c == 'n' && word != "null") return false;
      } else {
        return false;
      }
      if (depth == 0) return true;
      // Inside a container: the next token decides; loop on.
    }
  }

  std::string_view in_;
  size_t pos_ = 0;
};

}  // namespace

bool ParseJsonRecord(std::string_view line, JsonRecord& record, std::string& reason) {
  Scanner scanner(line);
  if (!scanner.ParseObject(record, reason)) return false;
  if (record.id.empty()) {
    reason = "no \"id\"";
    return false;
  }
  if (record.text.empty() && record.title.empty()) {
    reason = "empty text (no \"text\" and no \"title\")";
    return false;
  }
  return true;
}

namespace ingest_internal {

namespace {

// A plain regular file is mapped rather than read, and its lines parsed in
// place: the kernel's copy into a read buffer and the copy of each line out
// of it were 7% of a whole dedup run. What has been parsed is let go every
// kReleaseBytes, so that a file of many gigabytes does not stay mapped in
// the process (its memory would look like the process's own).
constexpr size_t kReleaseBytes = size_t{32} << 20;

}  // namespace

JsonLinesReader::JsonLinesReader() = default;

JsonLinesReader::~JsonLinesReader() {
  if (mapped_ != nullptr) munmap(mapped_, mapped_size_);
  if (file_ != nullptr) gzclose(file_);
}

std::unique_ptr<JsonLinesReader> JsonLinesReader::FromMemory(std::string_view bytes) {
  std::unique_ptr<JsonLinesReader> reader(new JsonLinesReader());
  reader->data_ = bytes;
  return reader;
}

bool JsonLinesReader::Map(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat info {};
  unsigned char magic[2] = {0, 0};
  const bool plain = fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0 &&
                     pread(fd, magic, 2, 0) >= 0 && !(magic[0] == 0x1f && magic[1] == 0x8b);
  void* mapped = plain ? mmap(nullptr, static_cast<size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0)
                       : MAP_FAILED;
  close(fd);
  if (mapped == MAP_FAILED) return false;
  mapped_ = static_cast<char*>(mapped);
  mapped_size_ = static_cast<size_t>(info.st_size);
  madvise(mapped_, mapped_size_, MADV_SEQUENTIAL);
  data_ = std::string_view(mapped_, mapped_size_);
  return true;
}

Result<std::unique_ptr<JsonLinesReader>> JsonLinesReader::Open(const std::string& path) {
  std::unique_ptr<JsonLinesReader> reader(new JsonLinesReader());
  if (path != "-" && reader->Map(path)) return reader;
  // zlib reads plain files transparently too, so one reader serves both.
  reader->file_ = path == "-" ? gzdopen(dup(0), "rb") : gzopen(path.c_str(), "rb");
  if (reader->file_ == nullptr) {
    return errno == ENOENT ? Status::NotFound("no such file")
                           : Status::IoError(std::string("cannot open: ") + std::strerror(errno));
  }
  gzbuffer(reader->file_, 256 << 10);
  reader->streaming_ = true;
  reader->chunk_.reset(new char[kReadBytes]);
  return reader;
}

bool JsonLinesReader::NextLine(std::string_view& line, bool& too_long) {
  if (!streaming_) {
    // In memory or mapped: lines are parsed where they are.
    if (data_.empty()) return false;
    const size_t newline = std::min(data_.find('\n'), data_.size());
    line = data_.substr(0, std::min(newline, kMaxLineBytes));
    too_long = newline > kMaxLineBytes;
    data_.remove_prefix(std::min(newline + 1, data_.size()));
    if (mapped_ != nullptr) {
      // Let go of what lies before this line (it is parsed before the next
      // call); a page read again would come back from the file.
      const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
      const size_t before = (static_cast<size_t>(line.data() - mapped_) / page) * page;
      if (before - released_ >= kReleaseBytes) {
        madvise(mapped_ + released_, before - released_, MADV_DONTNEED);
        released_ = before;
      }
    }
    return true;
  }
  // Streamed: a line whole in the chunk is parsed where it is; one that
  // straddles chunks is gathered in line_.
  if (line_done_) {
    line_.clear();
    skipping_long_line_ = false;
    line_done_ = false;
  }
  while (true) {
    if (pending_.empty()) {
      if (stream_end_) {
        if (line_.empty() && !skipping_long_line_) return false;
        line = line_;
        too_long = skipping_long_line_;
        line_done_ = true;
        stream_end_ = false;
        file_done_ = true;
        return true;
      }
      if (file_done_) return false;
      const int n = gzread(file_, chunk_.get(), static_cast<unsigned>(kReadBytes));
      if (n < 0) {
        int code = 0;
        const char* message = gzerror(file_, &code);
        status_ = Status::InvalidInput(std::string("corrupt or unreadable data after line ") +
                                       std::to_string(line_number_) + ": " + message);
        file_done_ = true;
        return false;
      }
      if (n == 0) {
        // gzread ends with 0 both at the true end and where a stream stops
        // early (cut at a line boundary, or without its 8-byte trailer):
        // only gzerror tells them apart, and gzclose checks what the last
        // read left open.
        int code = Z_OK;
        const char* message = gzerror(file_, &code);
        const std::string reason_text = message != nullptr ? message : "read error";
        if (code == Z_OK) {
          code = gzclose(file_);
          file_ = nullptr;
        }
        if (code != Z_OK) {
          const std::string reason = code == Z_BUF_ERROR ? "unexpected end of file" : reason_text;
          status_ = Status::InvalidInput("truncated or corrupt compressed data after line " +
                                         std::to_string(line_number_) + ": " + reason +
                                         " (the records before it were read)");
          file_done_ = true;
          return false;
        }
        stream_end_ = true;
        continue;
      }
      pending_ = std::string_view(chunk_.get(), static_cast<size_t>(n));
    }
    const size_t newline = pending_.find('\n');
    const std::string_view piece = pending_.substr(0, newline);
    if (newline != std::string_view::npos && line_.empty() && !skipping_long_line_) {
      line = piece;
      too_long = false;
      pending_.remove_prefix(newline + 1);
      return true;
    }
    if (!skipping_long_line_) {
      if (line_.size() + piece.size() > kMaxLineBytes) {
        skipping_long_line_ = true;
        line_.clear();
      } else {
        line_.append(piece);
      }
    }
    if (newline == std::string_view::npos) {
      pending_ = {};
      continue;
    }
    pending_.remove_prefix(newline + 1);
    line = line_;
    too_long = skipping_long_line_;
    line_done_ = true;
    return true;
  }
}

JsonLinesReader::Event JsonLinesReader::Next() {
  std::string_view line;
  bool too_long = false;
  while (NextLine(line, too_long)) {
    ++line_number_;
    if (too_long) {
      reason_ = "line longer than 64 MiB";
      return Event::kError;
    }
    // Editors on some systems start a UTF-8 file with a byte order mark.
    if (line_number_ == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    size_t b = 0;
    while (b < line.size() && (line[b] == ' ' || line[b] == '\t' || line[b] == '\r')) ++b;
    if (b == line.size()) continue;
    // One record for every line: what the caller leaves in its strings (a
    // text it only read) keeps its capacity, so a line's text is not a
    // fresh allocation each time.
    for (std::string* field : {&record_.id, &record_.text, &record_.title, &record_.outlet, &record_.url,
                               &record_.published, &record_.note}) {
      field->clear();
    }
    record_.line = line_number_;
    if (ParseJsonRecord(line.substr(b), record_, reason_)) return Event::kRecord;
    return Event::kError;
  }
  return Event::kEnd;
}

}  // namespace ingest_internal

namespace {

using ingest_internal::JsonLinesReader;

void Deliver(JsonLinesReader& reader, const std::function<void(JsonRecord&&)>& on_record,
             const std::function<void(uint64_t line, const std::string& reason)>& on_error) {
  while (true) {
    switch (reader.Next()) {
      case JsonLinesReader::Event::kRecord:
        on_record(std::move(reader.record()));
        break;
      case JsonLinesReader::Event::kError:
        on_error(reader.line(), reader.reason());
        break;
      case JsonLinesReader::Event::kEnd:
        return;
    }
  }
}

}  // namespace

void ParseJsonLines(std::string_view bytes, const std::function<void(JsonRecord&&)>& on_record,
                    const std::function<void(uint64_t line, const std::string& reason)>& on_error) {
  Deliver(*JsonLinesReader::FromMemory(bytes), on_record, on_error);
}

Status ReadJsonLines(const std::string& path, const std::function<void(JsonRecord&&)>& on_record,
                     const std::function<void(uint64_t line, const std::string& reason)>& on_error) {
  Result<std::unique_ptr<JsonLinesReader>> reader = JsonLinesReader::Open(path);
  if (!reader.ok()) return reader.status();
  Deliver(**reader, on_record, on_error);
  return (*reader)->status();
}

}  // namespace parallax
