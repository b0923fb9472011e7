#include "parallax/ingest.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <set>
#include <string_view>
#include <system_error>
#include <utility>

#include "ingest/directory.h"
#include "ingest/gunzip.h"

namespace parallax {

namespace {

using ingest_internal::DescribeLimit;
using ingest_internal::Gunzip;
using ingest_internal::HasGzipMagic;
using ingest_internal::IsDocumentName;

constexpr size_t kReadChunk = size_t{64} << 10;

// How far into a document of unknown type we look for HTML markers. Pages
// put <html>/<head> right after the doctype and a few comments.
constexpr size_t kSniffWindow = 1024;

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Suffix tests are case-insensitive: "STORY.HTML" from an old archive is as
// much a page as "story.html".
bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  s.remove_prefix(s.size() - suffix.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (AsciiLower(s[i]) != suffix[i]) return false;
  }
  return true;
}

std::string_view StripSuffixNoCase(std::string_view s, std::string_view suffix) {
  if (EndsWithNoCase(s, suffix)) s.remove_suffix(suffix.size());
  return s;
}

std::string_view BaseName(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  const size_t slash = path.rfind('/');
  if (slash != std::string_view::npos && path.size() > 1) path.remove_prefix(slash + 1);
  return path;
}

bool IsGzipName(std::string_view path) { return EndsWithNoCase(path, ".gz"); }

constexpr std::string_view kHtmlSuffixes[] = {".html", ".htm", ".xhtml"};


std::string ErrnoText(int error) {
  return std::error_code(error, std::generic_category()).message();
}

// Missing files and missing parent directories are the same mistake for the
// user (a typo in the path), so both are NotFound.
Status OpenError(int error) {
  if (error == ENOENT || error == ENOTDIR) return Status::NotFound("no such file");
  return Status::IoError("cannot open: " + ErrnoText(error));
}

class FdCloser {
 public:
  explicit FdCloser(int fd) : fd_(fd) {}
  FdCloser(const FdCloser&) = delete;
  FdCloser& operator=(const FdCloser&) = delete;
  ~FdCloser() {
    if (fd_ >= 0) ::close(fd_);
  }

 private:
  int fd_;
};

// A gzip member can be slightly larger than what it holds (stored blocks add
// 5 bytes per 64 KiB, the header may carry a file name). Compressed input up
// to this size may still decompress to within the limit; beyond it, it
// cannot, and is refused before it is read.
size_t CompressedCap(size_t max_bytes) {
  const size_t slack = max_bytes / 8 + (size_t{64} << 10);
  return max_bytes > SIZE_MAX - slack ? SIZE_MAX : max_bytes + slack;
}

Status FileTooLarge(uintmax_t size, size_t max_bytes) {
  return Status::TooLarge("file is " + std::to_string(size) + " bytes, over " +
                          DescribeLimit(max_bytes));
}

// Reads `fd` to its end into *out. Sets *exceeded (and stops) as soon as more
// than `cap` bytes have been read, so a pipe or a growing file cannot make
// us hold more than cap + 1 bytes.
Status ReadAll(int fd, size_t cap, size_t size_hint, std::string* out, bool* exceeded) {
  *exceeded = false;
  out->clear();
  out->reserve(std::min(size_hint, cap) + 1);
  const size_t cap_plus_one = cap == SIZE_MAX ? cap : cap + 1;
  for (;;) {
    // A regular file's size is known: read it in one go (one zero-fill of
    // the buffer, not one per chunk), asking one byte more to see the end,
    // so the buffer holds no spare chunk (thousands of small files add up).
    // A file that grew meanwhile, or a pipe, is read a chunk at a time.
    const size_t wanted = out->size() <= size_hint ? size_hint + 1 - out->size() : kReadChunk;
    const size_t room = std::min(wanted, cap_plus_one - out->size());
    const size_t old_size = out->size();
    out->resize(old_size + room);
    const ssize_t n = ::read(fd, &(*out)[old_size], room);
    if (n < 0) {
      const int error = errno;
      out->resize(old_size);
      if (error == EINTR) continue;
      return Status::IoError("cannot read: " + ErrnoText(error));
    }
    out->resize(old_size + static_cast<size_t>(n));
    if (n == 0) {
      if (out->capacity() > out->size() + out->size() / 4 + 64) out->shrink_to_fit();
      return Status::Ok();
    }
    if (out->size() > cap) {
      *exceeded = true;
      return Status::Ok();
    }
  }
}

bool IsBlank(std::string_view bytes) {
  if (bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom) bytes.remove_prefix(kUtf8Bom.size());
  return std::all_of(bytes.begin(), bytes.end(), IsAsciiSpace);
}

// Reads an open descriptor (a file or stdin) and turns its bytes into a
// document. `path` names the source; `what` is "file" or "input" for messages.
Result<RawDocument> LoadFromFd(int fd, const std::string& path, size_t size_hint,
                               const LoadOptions& options, const char* what) {
  const bool gzip_name = path != "-" && IsGzipName(path);
  std::string raw;
  bool exceeded = false;
  // Read up to the compressed cap: only after the first bytes do we know
  // whether this is gzip, which may legitimately be a little over the limit.
  Status status = ReadAll(fd, CompressedCap(options.max_bytes), size_hint, &raw, &exceeded);
  if (!status.ok()) return status;
  if (exceeded) {
    return Status::TooLarge(std::string(what) + " exceeds " + DescribeLimit(options.max_bytes));
  }
  if (raw.empty()) return Status::Empty(std::string("empty ") + what);

  std::string bytes;
  if (gzip_name || HasGzipMagic(raw)) {
    Result<std::string> inflated = Gunzip(raw, options.max_bytes);
    if (!inflated.ok()) return inflated.status();
    bytes = std::move(inflated).value();
  } else {
    if (raw.size() > options.max_bytes) return FileTooLarge(raw.size(), options.max_bytes);
    bytes = std::move(raw);
  }
  if (IsBlank(bytes)) return Status::Empty(std::string("empty ") + what);

  RawDocument doc;
  doc.source = path;
  doc.name = DocumentNameFromPath(path);
  doc.media_type = GuessMediaType(path, bytes);
  doc.bytes = std::move(bytes);
  return doc;
}

bool PeekGzipMagic(int fd) {
  char magic[2];
  return ::pread(fd, magic, sizeof(magic), 0) == 2 && HasGzipMagic({magic, sizeof(magic)});
}

std::string JoinPath(const std::string& dir, const std::string& name) {
  if (!dir.empty() && dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

// Collects the wanted files under `dir`, recursively, each directory's
// entries in byte order of their names (subdirectories interleaved with
// files by name). Hidden entries (".git", editor swap files) are skipped.
// `visited` holds (device, inode) of the directories on the walk so far, so
// a symlink loop is entered once only.
void ExpandDirectory(const std::string& dir, bool (*wanted)(std::string_view name),
                     std::set<std::pair<dev_t, ino_t>>* visited, std::vector<std::string>* files,
                     std::vector<LoadFailure>* failures) {
  DIR* handle = ::opendir(dir.c_str());
  if (handle == nullptr) {
    failures->push_back({dir, Status::IoError("cannot list directory: " + ErrnoText(errno))});
    return;
  }
  std::vector<std::string> names;
  errno = 0;
  while (const dirent* entry = ::readdir(handle)) {
    if (entry->d_name[0] != '.') names.emplace_back(entry->d_name);
    errno = 0;
  }
  const int read_error = errno;
  ::closedir(handle);
  if (read_error != 0) {
    failures->push_back({dir, Status::IoError("cannot list directory: " + ErrnoText(read_error))});
    return;
  }
  std::sort(names.begin(), names.end());

  for (const std::string& name : names) {
    const std::string path = JoinPath(dir, name);
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      // A dangling link with a document's name is worth reporting; anything
      // else the user never asked for.
      if (wanted(name)) failures->push_back({path, OpenError(errno)});
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      if (visited->insert({st.st_dev, st.st_ino}).second) {
        ExpandDirectory(path, wanted, visited, files, failures);
      }
    } else if (S_ISREG(st.st_mode) && wanted(name)) {
      files->push_back(path);
    }
  }
}

bool MatchesTag(std::string_view lower, size_t at, std::string_view tag) {
  if (lower.compare(at, tag.size(), tag) != 0) return false;
  // "<head" must not match "<header": the tag name has to end here.
  const size_t next = at + tag.size();
  if (next >= lower.size()) return true;
  const char c = lower[next];
  return c == '>' || c == '/' || IsAsciiSpace(c);
}

bool LooksLikeHtml(std::string_view bytes) {
  if (bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom) bytes.remove_prefix(kUtf8Bom.size());
  size_t start = 0;
  while (start < bytes.size() && IsAsciiSpace(bytes[start])) ++start;
  const std::string window = AsciiLower(bytes.substr(start, kSniffWindow));
  constexpr std::string_view kTags[] = {"<!doctype html", "<html", "<head", "<body"};
  for (size_t at = window.find('<'); at != std::string::npos; at = window.find('<', at + 1)) {
    for (std::string_view tag : kTags) {
      if (MatchesTag(window, at, tag)) return true;
    }
  }
  return false;
}

// Calls on_file(path) for each file the inputs name, in command-line order
// and each directory's files sorted; listing failures go to *failures as
// they occur, so they interleave with on_file's own in input order.
template <typename OnFile>
void WalkInputs(const std::vector<std::string>& inputs, std::vector<LoadFailure>* failures,
                OnFile on_file) {
  for (const std::string& input : inputs) {
    struct stat st;
    if (input == "-" || ::stat(input.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
      // Not a directory: LoadFile reports a missing or unreadable input
      // itself, and reads pipes such as bash's <(...) like files.
      on_file(input);
      continue;
    }
    std::set<std::pair<dev_t, ino_t>> visited = {{st.st_dev, st.st_ino}};
    std::vector<std::string> files;
    const size_t failures_before = failures->size();
    ExpandDirectory(input, IsDocumentName, &visited, &files, failures);
    if (files.empty() && failures->size() == failures_before) {
      failures->push_back(
          {input, Status::Empty("directory holds no .txt, .html or .htm files (plain or .gz)")});
    }
    for (const std::string& file : files) on_file(file);
  }
}

}  // namespace

namespace ingest_internal {

bool IsDocumentName(std::string_view name) {
  name = StripSuffixNoCase(name, ".gz");
  return EndsWithNoCase(name, ".txt") || EndsWithNoCase(name, ".html") ||
         EndsWithNoCase(name, ".htm");
}

bool IsDirectory(std::string_view locator) {
  struct stat st;
  return locator != "-" && ::stat(std::string(locator).c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

void ListDirectory(const std::string& dir, bool (*wanted)(std::string_view name),
                   std::vector<std::string>* files, std::vector<LoadFailure>* failures) {
  struct stat st;
  if (::stat(dir.c_str(), &st) != 0) {
    failures->push_back({dir, OpenError(errno)});
    return;
  }
  std::set<std::pair<dev_t, ino_t>> visited = {{st.st_dev, st.st_ino}};
  ExpandDirectory(dir, wanted, &visited, files, failures);
}

}  // namespace ingest_internal

std::string DocumentNameFromPath(const std::string& path) {
  if (path == "-") return "stdin";
  const std::string_view base = BaseName(path);
  std::string_view name = StripSuffixNoCase(base, ".gz");
  for (std::string_view suffix : {".html", ".htm", ".xhtml", ".txt"}) {
    if (EndsWithNoCase(name, suffix)) {
      name.remove_suffix(suffix.size());
      break;
    }
  }
  // ".txt" alone would leave nothing to call the document by.
  if (name.empty()) name = base;
  return std::string(name);
}

MediaType GuessMediaType(const std::string& path, const std::string& bytes) {
  if (path != "-") {
    const std::string_view name = StripSuffixNoCase(BaseName(path), ".gz");
    for (std::string_view suffix : kHtmlSuffixes) {
      if (EndsWithNoCase(name, suffix)) return MediaType::kHtml;
    }
    if (EndsWithNoCase(name, ".txt")) return MediaType::kText;
  }
  return LooksLikeHtml(bytes) ? MediaType::kHtml : MediaType::kText;
}

Result<RawDocument> LoadFile(const std::string& path, const LoadOptions& options) {
  if (path == "-") return LoadFromFd(STDIN_FILENO, path, 0, options, "input");

  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return OpenError(errno);
  FdCloser closer(fd);

  struct stat st;
  if (::fstat(fd, &st) != 0) return Status::IoError("cannot stat: " + ErrnoText(errno));
  if (S_ISDIR(st.st_mode)) return Status::InvalidInput("is a directory, not a file");

  size_t size_hint = 0;
  if (S_ISREG(st.st_mode)) {
    const auto size = static_cast<uintmax_t>(st.st_size);
    // Refuse from the size alone rather than reading a huge file first. Only
    // gzip data gets the small allowance of CompressedCap.
    if (size > options.max_bytes) {
      const bool gzip = IsGzipName(path) || PeekGzipMagic(fd);
      if (!gzip || size > CompressedCap(options.max_bytes)) {
        return FileTooLarge(size, options.max_bytes);
      }
    }
    size_hint = static_cast<size_t>(size);
  }
  return LoadFromFd(fd, path, size_hint, options, "file");
}

LoadedInputs LoadInputs(const std::vector<std::string>& inputs, const LoadOptions& options) {
  LoadedInputs loaded;
  WalkInputs(inputs, &loaded.failures, [&](const std::string& path) {
    Result<RawDocument> doc = LoadFile(path, options);
    if (doc.ok()) {
      loaded.documents.push_back(std::move(doc).value());
    } else {
      loaded.failures.push_back({path, doc.status()});
    }
  });
  return loaded;
}

ListedInputs ListInputs(const std::vector<std::string>& inputs) {
  ListedInputs listed;
  WalkInputs(inputs, &listed.failures,
             [&](const std::string& path) { listed.paths.push_back(path); });
  return listed;
}

}  // namespace parallax
