// CLIFWRAP_LOG read back, for `clifwrap explain --log` and `clifwrap report`. docs/log.md has the
// fields; this reads the ones those two use. Lines from before a field existed read as empty.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace clifwrap {

struct LoggedCall {
  size_t line_number = 0;
  std::string crate;
  std::optional<std::string> target;
  std::string kind;     // target, host, probe, link
  std::string verdict;  // rewrite, pass-through, not-a-compilation; linked, handed-over, failed
  std::string reason;
  std::optional<std::string> backend;   // null: rustc ran untouched
  std::optional<std::string> fallback;
  std::optional<std::string> link;
  std::vector<std::string> post_steps;
  std::vector<std::string> changes;
  std::vector<std::string> original;  // the call as cargo made it: replays the decision
  std::string cwd;
  std::vector<std::string> settings;  // NAME=value
  std::optional<long long> exit;
  long long ms = 0;
};

Result<LoggedCall> parse_log_line(std::string_view line);

// Every line of a log; a malformed one is an error naming the file and line.
Result<std::vector<LoggedCall>> read_log(const std::string& path);

// The last compile of `crate` ('-' read as '_') in the log at `path`; the error lists the crates
// the log has.
Result<LoggedCall> last_compile_of(const std::string& crate, const std::string& path);

}  // namespace clifwrap
