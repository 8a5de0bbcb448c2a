#include "driver/log/invocation_log.hpp"

#include <cstdio>

#include "common/files.hpp"
#include "common/json_writer.hpp"

namespace clifwrap {

std::string to_json_line(const LogRecord& record) {
  JsonObject line;
  line.field("crate", record.crate)
      .field("target", record.target)
      .field("kind", record.kind)
      .field("verdict", record.verdict)
      .field("reason", record.reason)
      .field("backend", record.backend)
      .field("fallback", record.fallback)
      .field("spec", record.spec)
      .field("argv", record.argv)
      .field("dropped", record.dropped)
      .field("changes", record.changes)
      .field("post_steps", record.post_steps)
      .field("link", record.link)
      .field("original", record.original)
      .field("cwd", record.cwd)
      .field("settings", record.settings);
  if (record.exit_code) line.field("exit", static_cast<long long>(*record.exit_code));
  else line.field("exit", std::optional<std::string>{});
  line.field("ms", record.ms);  // last: a line is whole when it ends with "ms":N}
  return line.str() + "\n";
}

void append_log(const std::string& path, const LogRecord& record) {
  if (path.empty()) return;
  if (auto appended = append_whole_line(path, to_json_line(record)); !appended)
    std::fprintf(stderr, "warning: clifwrap: CLIFWRAP_LOG: %s: %s\n", appended.error().subject.c_str(),
                 appended.error().message.c_str());
}

}  // namespace clifwrap
