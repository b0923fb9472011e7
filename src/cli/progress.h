// ProgressLine: one line on stderr, redrawn in place, telling how far a
// long command has got. Only on a terminal: logs and pipes get nothing.
// Any other message to stderr must Clear() it first, or the two mix.
#ifndef PARALLAX_CLI_PROGRESS_H_
#define PARALLAX_CLI_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <string>

namespace parallax::cli {

class ProgressLine {
 public:
  // Draws only when `enabled` and stderr is a terminal.
  explicit ProgressLine(bool enabled = true);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // Whether Show would draw now: the line is on and was last drawn 100 ms
  // ago or more. Lets a hot loop skip building the text.
  bool Due() const;
  // Draws `text` when Due(), or whenever the line is on with `now` (a new
  // phase of the work, worth saying at once).
  void Show(const std::string& text, bool now = false);
  // In a loop over many items: every 1,024th `count` shows "COUNT WHAT"
  // ("4096 articles read") when Due(). Reading the clock for every item of
  // a fast loop would cost more than the item.
  void ShowCount(size_t count, const char* what);
  // Erases the line, if drawn.
  void Clear();
  // Seconds since construction, for rates.
  double Seconds() const;

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  bool shown_ = false;
  Clock::time_point start_;
  Clock::time_point last_;
};

}  // namespace parallax::cli

#endif  // PARALLAX_CLI_PROGRESS_H_
