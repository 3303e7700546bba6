#include "sitrep/status.h"

namespace sitrep {

Status::Status(Code code, std::string_view message) {
  if (code != Code::kOk) rep_ = std::make_unique<Rep>(Rep{code, std::string(message)});
}

Status::Status(const Status& other) {
  if (other.rep_) rep_ = std::make_unique<Rep>(*other.rep_);
}

Status& Status::operator=(const Status& other) {
  if (this != &other) rep_ = other.rep_ ? std::make_unique<Rep>(*other.rep_) : nullptr;
  return *this;
}

const std::string& Status::message() const {
  static const std::string kEmpty;
  return rep_ ? rep_->message : kEmpty;
}

std::string Status::ToString() const {
  if (!rep_) return "OK";
  const char* name = "error";
  switch (rep_->code) {
    case Code::kOk: name = "OK"; break;
    case Code::kInvalidArgument: name = "invalid argument"; break;
    case Code::kNotFound: name = "not found"; break;
    case Code::kIoError: name = "I/O error"; break;
    case Code::kCorruption: name = "corrupt data"; break;
    case Code::kTooLarge: name = "too large"; break;
    case Code::kInternal: name = "internal error"; break;
  }
  return std::string(name) + ": " + rep_->message;
}

Status Status::WithContext(std::string_view context) const {
  if (!rep_) return Status();
  std::string m(context);
  m += rep_->message;
  return Status(rep_->code, m);
}

}  // namespace sitrep
