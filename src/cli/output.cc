#include "cli/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <vector>

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
  std::string temp = (dir == "/" ? "" : dir) + "/." + base + ".XXXXXX";
  std::vector<char> name(temp.begin(), temp.end());
  name.push_back('\0');
  // mkstemp creates the file with O_EXCL: a link planted under the name
  // makes it fail instead of writing through the link.
  const int fd = ::mkstemp(name.data());
  if (fd < 0) return Status::IoError(Reason(errno));
  temp.assign(name.data());
  // As a plain open() would have made it: 0666 less the umask.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  int error = 0;
  bool ok = ::fchmod(fd, 0666 & ~mask) == 0 || (error = errno, false);
  ok = ok && WriteAll(fd, content, error);
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
