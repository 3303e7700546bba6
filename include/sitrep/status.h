// Status and Result<T>: how sitrep reports errors across module edges.
//
// A Status is either OK (a null pointer: success costs nothing) or carries a code and a
// message. Result<T> holds a T or a non-OK Status. Neither throws. Expected "misses" (an
// unresolved place, an undated event) are data, not errors, and never travel as a Status.
//
// Modelled on leveldb's Status and simdjson's simdjson_result.
#ifndef SITREP_STATUS_H_
#define SITREP_STATUS_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace sitrep {

class [[nodiscard]] Status {
 public:
  enum class Code : int {
    kOk = 0,
    kInvalidArgument = 1,  // bad input from a user: a flag, a document, a dictionary line
    kNotFound = 2,         // a file or a name that does not exist
    kIoError = 3,          // the operating system refused a read or write
    kCorruption = 4,       // a data file that is damaged, truncated or of another version
    kTooLarge = 5,         // an input over a configured limit
    kInternal = 6,         // a bug in sitrep
  };

  Status() = default;  // OK
  Status(Code code, std::string_view message);
  Status(const Status& other);
  Status& operator=(const Status& other);
  Status(Status&&) noexcept = default;
  Status& operator=(Status&&) noexcept = default;

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string_view m) { return Status(Code::kInvalidArgument, m); }
  static Status NotFound(std::string_view m) { return Status(Code::kNotFound, m); }
  static Status IoError(std::string_view m) { return Status(Code::kIoError, m); }
  static Status Corruption(std::string_view m) { return Status(Code::kCorruption, m); }
  static Status TooLarge(std::string_view m) { return Status(Code::kTooLarge, m); }
  static Status Internal(std::string_view m) { return Status(Code::kInternal, m); }

  bool ok() const { return rep_ == nullptr; }
  Code code() const { return rep_ ? rep_->code : Code::kOk; }
  // The message without the code's name; empty when OK.
  const std::string& message() const;
  // "invalid argument: <message>", or "OK".
  std::string ToString() const;
  // Prefixes the message with context ("file.jsonl:12: "). No effect on OK.
  Status WithContext(std::string_view context) const;

 private:
  struct Rep {
    Code code;
    std::string message;
  };
  std::unique_ptr<Rep> rep_;
};

// A value or an error. Access value() only after checking ok().
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}           // NOLINT: implicit by design
  // A Result made from a Status holds an error; an OK status here is a programming error
  // and is turned into an internal error, so callers never mistake it for success.
  Result(Status status)  // NOLINT: implicit by design
      : v_(status.ok() ? Status::Internal("Result built from an OK status") : std::move(status)) {}
  bool ok() const { return v_.index() == 0; }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<1>(v_);
  }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }

 private:
  std::variant<T, Status> v_;
};

#define SITREP_CONCAT_INNER_(a, b) a##b
#define SITREP_CONCAT_(a, b) SITREP_CONCAT_INNER_(a, b)

// Returns the status from the enclosing function if it is not OK.
#define RETURN_IF_ERROR(expr)                      \
  do {                                             \
    ::sitrep::Status _st = (expr);                 \
    if (!_st.ok()) return _st;                     \
  } while (0)

// Declares `lhs` from a Result<T>, or returns its status.
#define ASSIGN_OR_RETURN(lhs, expr)                                   \
  auto SITREP_CONCAT_(_res_, __LINE__) = (expr);                      \
  if (!SITREP_CONCAT_(_res_, __LINE__).ok())                          \
    return SITREP_CONCAT_(_res_, __LINE__).status();                  \
  lhs = std::move(SITREP_CONCAT_(_res_, __LINE__)).value()

}  // namespace sitrep

#endif  // SITREP_STATUS_H_
