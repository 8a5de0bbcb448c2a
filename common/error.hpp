// Errors are values. An Error says what went wrong, which input it is about, and what the user can
// do; it is printed once, by report_error, where a face or command ends. Library code never exits
// the process.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include <tl/expected.hpp>

namespace clifwrap {

struct Error {
  std::string message;  // what went wrong
  std::string subject;  // the file, variable or argument it is about (may be empty)
  std::string hint;     // what to do about it (may be empty)

  // Exit status the process ends with when this error reaches main: 2 for usage errors.
  int exit_code = 1;
};

template <class T>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> fail(std::string message, std::string subject = {},
                                  std::string hint = {}) {
  return tl::unexpected(Error{std::move(message), std::move(subject), std::move(hint)});
}

// A command line that cannot be run as given: exit status 2, the command's usage line as the hint.
Error usage_error(std::string message, std::string_view usage);

// "clifwrap: error: <subject>: <message> (<hint>)" on one line.
std::string render(const Error& error);

// Prints the error on stderr, rendered, and gives the exit status it ends the process with.
int report_error(const Error& error);

// What errno says now, for a message about the system call that just failed.
std::string errno_text();

}  // namespace clifwrap
