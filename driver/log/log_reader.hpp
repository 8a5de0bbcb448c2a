// CLIFWRAP_LOG read back, for `clifwrap explain --log` and `clifwrap report`, by the field table
// the writer uses (invocation_log.hpp). Lines from before a field existed read as empty.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "driver/log/invocation_log.hpp"

namespace clifwrap {

// A line read back: every field of the one format (invocation_log.hpp), and where it was.
struct LoggedCall : LogRecord {
  size_t line_number = 0;
};

Result<LoggedCall> parse_log_line(std::string_view line);

// Every line of a log; a malformed one is an error naming the file and line.
Result<std::vector<LoggedCall>> read_log(const std::string& path);

// The last compile of `crate` ('-' read as '_') in the log at `path`; the error lists the crates
// the log has.
Result<LoggedCall> last_compile_of(const std::string& crate, const std::string& path);

}  // namespace clifwrap
