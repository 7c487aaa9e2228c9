// Errors and results — how the core says no.
//
// A user mistake is never an exception or an abort: commands, parsers and loaders return
// a Result, either a value or a list of Errors. Each Error has a stable code (for tests,
// the UI and scripts: "price_table.self_approval"), the field concerned (a payload field
// name, "actor", "json", ...), and a readable message in Chinese and English.
// Programmer mistakes (calling value() on a failed result) are asserts.
#pragma once

#include <cassert>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bianmin {

struct Error {
    std::string code;        // stable, dotted: "<area>.<what>"
    std::string field;       // which input is wrong ("" when none in particular)
    std::string message_zh;  // for the person, in Chinese
    std::string message_en;  // for the person, in English
    friend bool operator==(const Error&, const Error&) = default;
};
using Errors = std::vector<Error>;

std::ostream& operator<<(std::ostream& os, const Error& error);
std::ostream& operator<<(std::ostream& os, const Errors& errors);

// Messages may quote the input (a JSON parser's "last read: ..."), which can be any bytes:
// make_error keeps them valid UTF-8, each invalid byte shown as U+FFFD, so an Error can
// always be drawn, printed and written to JSON.
Error make_error(std::string code, std::string field, std::string zh, std::string en);
// `text` with every byte that is not part of a well-formed UTF-8 sequence replaced by U+FFFD.
std::string valid_utf8(std::string text);
bool has_code(const Errors& errors, std::string_view code);
// "code1, code2" — for logs and test messages.
std::string codes_of(const Errors& errors);

// Either a value or at least one error.
template <class T>
class Result {
public:
    Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose
    Result(Errors errors) : errors_(std::move(errors)) { assert(!errors_.empty()); }
    Result(Error error) { errors_.push_back(std::move(error)); }

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { assert(ok()); return *value_; }
    T& value() & { assert(ok()); return *value_; }
    // By value on a temporary, so `for (auto& x : f().value().items)` is safe.
    T value() && { assert(ok()); return std::move(*value_); }
    const Errors& errors() const { return errors_; }

private:
    std::optional<T> value_;
    Errors errors_;
};

}  // namespace bianmin
