// The side commands: doctor, explain, report, target, partial-link, sysroot, redox-toolchain. Each
// is one row of a table that gives the entry's parser and --help their usage, options and summary,
// and the function that runs it.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "driver/command_options.hpp"

namespace clifwrap {

struct CommandSpec {
  std::string_view name;
  std::span<const OptionSpec> options;
  std::string_view operands;  // what follows the options in the usage line
  std::string_view summary;
  // Gets the arguments after the command's name; prints its own errors; returns the exit status.
  int (*run)(const CommandSpec&, const std::vector<std::string>&);

  std::string usage() const { return usage_line(name, options, operands); }
};

std::span<const CommandSpec> side_commands();

}  // namespace clifwrap
