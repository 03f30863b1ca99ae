#pragma once
/// Errors as values: a Status is ok or carries a message; Result<T> is a value or a Status.
/// Nothing is thrown across module boundaries.

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace quotecheck {

class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(std::string message) { return Status(std::move(message)); }

  bool ok() const { return !failed_; }
  const std::string& message() const { return message_; }

 private:
  explicit Status(std::string message) : failed_(true), message_(std::move(message)) {}
  bool failed_ = false;
  std::string message_;
};

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : value_(std::move(status)) { assert(!std::get<Status>(value_).ok()); }

  bool ok() const { return std::holds_alternative<T>(value_); }
  const Status& status() const { return std::get<Status>(value_); }
  T& value() { return std::get<T>(value_); }
  const T& value() const { return std::get<T>(value_); }
  T&& take() { return std::move(std::get<T>(value_)); }

 private:
  std::variant<T, Status> value_;
};

}  // namespace quotecheck
