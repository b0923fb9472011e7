#include "cli/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace parallax::cli {

namespace {

std::string Reason(int error) { return std::strerror(error); }

bool WriteAll(int fd, std::string_view content, int& error) {
  while (!content.empty()) {
    const ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      error = errno;
      return false;
    }
    content.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

Status WriteFileAtomically(const std::string& path, std::string_view content) {
  const size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash == 0 ? 1 : slash);
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  if (base.empty() || base == "." || base == "..") return Status::Usage("not a file name: " + path);
  // A name of our own beside the target, created exclusively (O_EXCL): a
  // link planted under that name makes the open fail instead of writing
  // through it. Mode 0666 less the umask, as for any new file.
  static std::atomic<unsigned> counter{0};
  const std::string prefix = (dir == "/" ? "" : dir) + "/." + base + "." + std::to_string(::getpid()) + ".";
  std::string temp;
  int fd = -1;
  for (int attempt = 0; fd < 0 && attempt < 100; ++attempt) {
    temp = prefix + std::to_string(counter++) + ".tmp";
    fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (fd < 0 && errno != EEXIST) return Status::IoError(Reason(errno));
  }
  if (fd < 0) return Status::IoError("cannot find a free temporary name beside " + path);
  int error = 0;
  bool ok = WriteAll(fd, content, error);
  if (::close(fd) != 0 && ok) {
    ok = false;
    error = errno;
  }
  if (ok && ::rename(temp.c_str(), path.c_str()) != 0) {
    ok = false;
    error = errno;
  }
  if (!ok) {
    ::unlink(temp.c_str());
    return Status::IoError(Reason(error));
  }
  return Status::Ok();
}

bool WriteStdout(const char* command, std::string_view content) {
  std::cout.write(content.data(), static_cast<std::streamsize>(content.size()));
  std::cout.flush();
  if (std::cout) return true;
  const int error = errno;
  std::cerr << "parallax " << command << ": cannot write to standard output"
            << (error != 0 ? ": " + Reason(error) : std::string()) << "\n";
  return false;
}

}  // namespace parallax::cli
