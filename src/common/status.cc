#include "parallax/status.h"

namespace parallax {

const char* Status::CodeName(Code code) {
  switch (code) {
    case Code::kOk:
      return "ok";
    case Code::kNotFound:
      return "not found";
    case Code::kInvalidInput:
      return "invalid input";
    case Code::kEmpty:
      return "empty";
    case Code::kTooLarge:
      return "too large";
    case Code::kIoError:
      return "I/O error";
    case Code::kUsage:
      return "usage";
    case Code::kRefused:
      return "refused";
  }
  // Only reachable with a value cast from outside the enum.
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string out = CodeName(code_);
  if (!message_.empty()) {
    out += ": ";
    out += message_;
  }
  return out;
}

}  // namespace parallax
