#include "common/error.hpp"

#include <cerrno>
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

}  // namespace clifwrap
