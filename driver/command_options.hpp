// The options of clifwrap's subcommands as tables. The parser reads the same table that --help
// and the usage lines print, so no option can be accepted without being listed.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace clifwrap {

struct OptionSpec {
  std::string_view name;   // "--rustc"
  std::string_view value;  // "PATH"; empty for a flag
  std::string_view help;
  bool required = false;
};

struct CommandOptions {
  std::map<std::string, std::string, std::less<>> values;  // by option name; a flag maps to ""
  std::vector<std::string> positional;

  bool has(std::string_view name) const { return values.contains(name); }
  std::optional<std::string> value(std::string_view name) const;
};

// `usage` is the command's usage line, quoted in errors. A required option that is missing, an
// unknown option and an option without its value are usage errors (exit 2).
Result<CommandOptions> parse_command_options(const std::vector<std::string>& args, std::span<const OptionSpec> options,
                                             std::string_view usage);

// "clifwrap doctor [--rustc PATH] [--target T]": required options bare, the others in brackets,
// then `operands`.
std::string usage_line(std::string_view command, std::span<const OptionSpec> options, std::string_view operands);

// One line per option, indented by `indent`.
std::string options_help(std::span<const OptionSpec> options, int indent);

}  // namespace clifwrap
