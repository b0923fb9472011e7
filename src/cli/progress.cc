// ProgressLine: see progress.h.
#include "cli/progress.h"

#include <unistd.h>

#include <iostream>
#include <string>

namespace parallax::cli {

namespace {

// Redrawing more often than this only flickers and costs time.
constexpr std::chrono::milliseconds kRedrawEvery{100};

}  // namespace

ProgressLine::ProgressLine(bool enabled)
    : enabled_(enabled && isatty(STDERR_FILENO)), start_(Clock::now()), last_(start_) {}

ProgressLine::~ProgressLine() { Clear(); }

bool ProgressLine::Due() const { return enabled_ && Clock::now() - last_ >= kRedrawEvery; }

void ProgressLine::Show(const std::string& text, bool now) {
  if (!(now ? enabled_ : Due())) return;
  last_ = Clock::now();
  std::cerr << "\r\033[K" << text << std::flush;
  shown_ = true;
}

void ProgressLine::ShowCount(size_t count, const char* what) {
  if ((count & 1023) != 0 || !Due()) return;
  std::string text = std::to_string(count);
  text += ' ';
  text += what;
  Show(text);
}

void ProgressLine::Clear() {
  if (shown_) std::cerr << "\r\033[K" << std::flush;
  shown_ = false;
}

double ProgressLine::Seconds() const {
  return std::chrono::duration<double>(Clock::now() - start_).count();
}

}  // namespace parallax::cli
