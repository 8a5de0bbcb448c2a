#include "driver/command_options.hpp"

#include <cstdio>

namespace clifwrap {
namespace {

std::string spelled(const OptionSpec& option) {
  return std::string(option.name) + (option.value.empty() ? "" : " " + std::string(option.value));
}

}  // namespace

std::optional<std::string> CommandOptions::value(std::string_view name) const {
  auto it = values.find(name);
  return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
}

Result<CommandOptions> parse_command_options(const std::vector<std::string>& args, std::span<const OptionSpec> options,
                                             std::string_view usage) {
  CommandOptions parsed;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.size() < 2 || arg[0] != '-') {
      parsed.positional.push_back(arg);
      continue;
    }
    const OptionSpec* spec = nullptr;
    for (const auto& option : options)
      if (option.name == arg) spec = &option;
    if (spec == nullptr) return tl::unexpected(usage_error("unknown argument `" + arg + "`", usage));
    if (spec->value.empty()) {
      parsed.values[arg] = "";
    } else if (i + 1 < args.size()) {
      parsed.values[arg] = args[++i];
    } else {
      return tl::unexpected(usage_error("`" + arg + "` needs a value (" + std::string(spec->value) + ")", usage));
    }
  }
  for (const auto& option : options)
    if (option.required && !parsed.has(option.name))
      return tl::unexpected(usage_error("give " + spelled(option), usage));
  return parsed;
}

std::string usage_line(std::string_view command, std::span<const OptionSpec> options, std::string_view operands) {
  std::string line = "clifwrap " + std::string(command);
  for (const auto& option : options) line += option.required ? " " + spelled(option) : " [" + spelled(option) + "]";
  if (!operands.empty()) line += " " + std::string(operands);
  return line;
}

std::string options_help(std::span<const OptionSpec> options, int indent) {
  std::string text;
  for (const auto& option : options) {
    char line[256];
    std::snprintf(line, sizeof line, "%*s%-16s %.*s\n", indent, "", spelled(option).c_str(),
                  static_cast<int>(option.help.size()), option.help.data());
    text += line;
  }
  return text;
}

}  // namespace clifwrap
