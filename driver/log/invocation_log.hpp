// CLIFWRAP_LOG: one JSON object per line per invocation (DESIGN.md lists the fields), appended with
// a single write so parallel rustc processes never interleave.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
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
  std::optional<long long> exit_code;  // null when clifwrap exec'd rustc and never saw it end
  long long ms = 0;
};

// The log's format, defined once: the writer below and the reader (log_reader.cpp) both walk this
// table, in this order ("ms" last: a line is whole when it ends with "ms":N}). docs/log.md says
// what each field means.
struct LogField {
  std::string_view name;
  std::variant<std::string LogRecord::*, std::optional<std::string> LogRecord::*, std::vector<std::string> LogRecord::*,
               std::optional<long long> LogRecord::*, long long LogRecord::*>
      member;
};
std::span<const LogField> log_fields();

std::string to_json_line(const LogRecord& record);

// Appends when `path` is non-empty; a log that cannot be written is a warning, not a failed build.
void append_log(const std::string& path, const LogRecord& record);

}  // namespace clifwrap
