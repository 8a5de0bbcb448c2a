#include "common/error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace clifwrap {

std::string errno_text() { return std::strerror(errno); }

std::string render(const Error& error) {
  std::string line = "clifwrap: error: ";
  if (!error.subject.empty()) line += error.subject + ": ";
  line += error.message;
  if (!error.hint.empty()) line += " (" + error.hint + ")";
  return line;
}

Error usage_error(std::string message, std::string_view usage) {
  return Error{std::move(message), {}, "usage: " + std::string(usage), 2};
}

int report_error(const Error& error) {
  std::fprintf(stderr, "%s\n", render(error).c_str());
  return error.exit_code;
}

}  // namespace clifwrap
