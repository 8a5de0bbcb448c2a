// CLIFWRAP_LOG: one JSON object per line per invocation (DESIGN.md lists the fields), appended with
// a single write so parallel rustc processes never interleave.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace clifwrap {

struct LogRecord {
  // What replays the decision (`clifwrap explain --log`): the call as cargo made it (@files
  // expanded), the working directory, and the settings in force as environment assignments.
  std::vector<std::string> original;
  std::string cwd;
  std::vector<std::string> settings;
  std::string crate;
  std::optional<std::string> target;
  std::string kind;      // target, host, probe
  std::string verdict;   // rewrite, pass-through, not-a-compilation
  std::string reason;
  std::optional<std::string> backend;   // the backend that produced the output; null when untouched
  std::optional<std::string> fallback;  // why the crate was rerun with LLVM
  std::optional<std::string> spec;      // derived target spec, when one is used
  std::vector<std::string> argv;        // the final command
  std::vector<std::string> dropped;     // everything removed from the command line
  std::vector<std::string> changes;     // every change with its reason (ArgChange::describe)
  std::vector<std::string> post_steps;
  std::optional<std::string> link;  // who links: "embedded" (clifwrap-link) or "system"; null: no link
  std::optional<int> exit_code;  // null when clifwrap exec'd rustc and never saw it end
  long long ms = 0;
};

std::string to_json_line(const LogRecord& record);

// Appends when `path` is non-empty; a log that cannot be written is a warning, not a failed build.
void append_log(const std::string& path, const LogRecord& record);

}  // namespace clifwrap
