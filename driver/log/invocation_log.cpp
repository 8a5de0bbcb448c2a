#include "driver/log/invocation_log.hpp"

#include <cstdio>

#include "common/files.hpp"
#include "common/json_writer.hpp"

namespace clifwrap {

namespace {

constexpr LogField kLogFields[] = {
    {"crate", &LogRecord::crate},
    {"target", &LogRecord::target},
    {"kind", &LogRecord::kind},
    {"verdict", &LogRecord::verdict},
    {"reason", &LogRecord::reason},
    {"backend", &LogRecord::backend},
    {"fallback", &LogRecord::fallback},
    {"spec", &LogRecord::spec},
    {"argv", &LogRecord::argv},
    {"dropped", &LogRecord::dropped},
    {"changes", &LogRecord::changes},
    {"post_steps", &LogRecord::post_steps},
    {"link", &LogRecord::link},
    {"original", &LogRecord::original},
    {"cwd", &LogRecord::cwd},
    {"settings", &LogRecord::settings},
    {"exit", &LogRecord::exit_code},
    {"ms", &LogRecord::ms},
};

}  // namespace

std::span<const LogField> log_fields() { return kLogFields; }

std::string to_json_line(const LogRecord& record) {
  JsonObject line;
  for (const auto& field : kLogFields)
    std::visit([&](auto member) { line.field(field.name, record.*member); }, field.member);
  return line.str() + "\n";
}

void append_log(const std::string& path, const LogRecord& record) {
  if (path.empty()) return;
  if (auto appended = append_whole_line(path, to_json_line(record)); !appended)
    std::fprintf(stderr, "warning: clifwrap: CLIFWRAP_LOG: %s: %s\n", appended.error().subject.c_str(),
                 appended.error().message.c_str());
}

}  // namespace clifwrap
