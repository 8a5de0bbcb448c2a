#include "driver/wrapper/stderr_gate.hpp"

#include <unistd.h>

#include <cerrno>

namespace clifwrap {
namespace {

// One write per line where the pipe allows it, so a line never arrives in pieces.
void write_line(std::string_view line) {
  while (!line.empty()) {
    ssize_t n = ::write(STDERR_FILENO, line.data(), line.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    line.remove_prefix(static_cast<size_t>(n));
  }
}

}  // namespace

// An error diagnostic, or the first line of a panic report (written before rustc's own "the
// compiler unexpectedly panicked" error: a fallback must see where it happened).
bool is_error_line(std::string_view line) {
  if (line.starts_with("{\"$message_type\":\"diagnostic\"")) {
    // The first "level" is the diagnostic's own: children come after it, and a quote inside a
    // message is escaped, so the text cannot fake it.
    size_t at = line.find("\"level\":\"");
    return at != std::string_view::npos && line.substr(at + 9).starts_with("error");
  }
  if (line.starts_with("thread '") && line.find(" panicked at ") != std::string_view::npos) return true;
  return line.starts_with("error:") || line.starts_with("error[");
}

bool is_metadata_notice(std::string_view line) {
  return line.starts_with("{\"$message_type\":\"artifact\"") && line.find("\"emit\":\"metadata\"") != std::string_view::npos;
}

StderrGate::StderrGate(bool hold_metadata, Output out)
    : out_(out ? std::move(out) : Output(write_line)), hold_metadata_(hold_metadata) {}

void StderrGate::attempt_line(std::string_view line) {
  if (!holding_ && is_error_line(line)) holding_ = true;
  if (holding_ || (hold_metadata_ && is_metadata_notice(line))) {
    held_ += line;
    return;
  }
  if (is_metadata_notice(line)) metadata_passed_ = true;
  pass(line);
}

void StderrGate::rerun_line(std::string_view line) {
  if (passed_.count(std::string(line)) == 0) pass(line);
}

void StderrGate::release_held() {
  if (!held_.empty()) out_(held_);
  held_.clear();
}

void StderrGate::pass(std::string_view line) {
  passed_.emplace(line);
  out_(line);
}

}  // namespace clifwrap
