// Status and Result<T>: how every parallax stage reports failure.
//
// A stage never throws across its boundary. It returns a Status (success or
// a code plus a message a user can act on) or a Result<T> (a value or a
// Status). Success is cheap: an OK Status holds no string.
//
//   parallax::Result<Article> article = parallax::ExtractArticle(raw);
//   if (!article.ok()) { std::cerr << article.status().ToString(); ... }
//   Use(*article);
#ifndef PARALLAX_STATUS_H_
#define PARALLAX_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace parallax {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kNotFound,         // a named input does not exist
    kInvalidInput,     // the bytes are not usable text (binary, invalid UTF-8)
    kEmpty,            // the input holds no text at all
    kTooLarge,         // the input exceeds a size limit
    kIoError,          // the operating system refused a read or write
    kUsage,            // the caller asked for something impossible
    kRefused,          // a rule said no: robots.txt, a private address, a scheme not allowed
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status NotFound(std::string m) { return Status(Code::kNotFound, std::move(m)); }
  static Status InvalidInput(std::string m) { return Status(Code::kInvalidInput, std::move(m)); }
  static Status Empty(std::string m) { return Status(Code::kEmpty, std::move(m)); }
  static Status TooLarge(std::string m) { return Status(Code::kTooLarge, std::move(m)); }
  static Status IoError(std::string m) { return Status(Code::kIoError, std::move(m)); }
  static Status Usage(std::string m) { return Status(Code::kUsage, std::move(m)); }
  static Status Refused(std::string m) { return Status(Code::kRefused, std::move(m)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "ok", or "<code name>: <message>".
  std::string ToString() const;
  static const char* CodeName(Code code);

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value of type T, or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "a Result built from a Status must carry an error");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  // On a temporary Result the value is moved out, not referred to: in
  // `for (auto& s : *store.ListStories())` a reference into the temporary
  // would dangle before the loop's first turn.
  T value() && { return std::move(*value_); }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T operator*() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace parallax

#endif  // PARALLAX_STATUS_H_
