#include "driver/rustc/rustc_invocation.hpp"

#include <algorithm>

#include "common/files.hpp"
#include "common/strings.hpp"

namespace clifwrap {
namespace {

std::pair<std::string, std::string> split_key_value(std::string_view text) {
  auto eq = text.find('=');
  if (eq == std::string_view::npos) return {std::string(text), {}};
  return {std::string(text.substr(0, eq)), std::string(text.substr(eq + 1))};
}

// Fills the typed fields for one recognised option: the single switch over the table's meanings.
void record(RustcInvocation& inv, const ParsedOption& parsed) {
  const std::string& v = parsed.value;
  switch (parsed.option) {
    case RustcOption::CrateName: inv.crate_name = v; break;
    case RustcOption::CrateType:
      for (auto& type : split(v, ',')) inv.crate_types.push_back(type);
      break;
    case RustcOption::Target: inv.target = v; break;
    case RustcOption::Emit:
      for (auto& item : split(v, ',')) {
        auto eq = item.find('=');
        if (eq == std::string::npos) inv.emits.push_back({item, std::nullopt});
        else inv.emits.push_back({item.substr(0, eq), item.substr(eq + 1)});
      }
      break;
    case RustcOption::OutDir: inv.out_dir = v; break;
    case RustcOption::Output: inv.output = v; break;
    case RustcOption::Codegen: inv.codegen.push_back(split_key_value(v)); break;
    case RustcOption::OptLevel3: inv.codegen.emplace_back("opt-level", "3"); break;
    case RustcOption::DebugInfo2: inv.codegen.emplace_back("debuginfo", "2"); break;
    case RustcOption::Unstable: inv.unstable.push_back(v); break;
    case RustcOption::Extern: inv.externs.push_back(v); break;
    case RustcOption::Cfg: inv.cfgs.push_back(v); break;
    case RustcOption::Print: inv.prints.push_back(v); break;
    case RustcOption::Test: inv.test_harness = true; break;
    case RustcOption::Version: inv.version = true; break;
    case RustcOption::Help: inv.help = true; break;
    case RustcOption::Explain: inv.explain = true; break;
    case RustcOption::Edition: case RustcOption::Verbose:  // known, so their values are not mistaken for inputs
    case RustcOption::Allow: case RustcOption::CapLints: case RustcOption::CheckCfg:
    case RustcOption::Color: case RustcOption::Deny: case RustcOption::DiagnosticWidth:
    case RustcOption::EnvSet: case RustcOption::ErrorFormat: case RustcOption::Forbid:
    case RustcOption::ForceWarn: case RustcOption::Json: case RustcOption::Library:
    case RustcOption::LibraryPath: case RustcOption::RemapPathPrefix:
    case RustcOption::RemapPathScope: case RustcOption::Sysroot: case RustcOption::Warn:
      break;  // kept in place, nothing clifwrap decides on
  }
}

}  // namespace

bool RustcInvocation::has_unstable(std::string_view name) const {
  for (const auto& flag : unstable)
    if (flag == name || (flag.size() > name.size() && flag.compare(0, name.size(), name) == 0 &&
                         flag[name.size()] == '='))
      return true;
  return false;
}

std::optional<std::string> RustcInvocation::unstable_value(std::string_view name) const {
  std::optional<std::string> found;  // the last one wins, as in rustc
  for (const auto& flag : unstable) {
    auto [key, value] = split_key_value(flag);
    if (key == name) found = value;
  }
  return found;
}

std::optional<std::string> RustcInvocation::codegen_value(std::string_view key) const {
  std::optional<std::string> found;
  for (const auto& [k, v] : codegen)
    if (k == key) found = v;
  return found;
}

bool has_crate_type(const RustcInvocation& inv, std::string_view type) {
  return std::find(inv.crate_types.begin(), inv.crate_types.end(), type) != inv.crate_types.end();
}

bool emits(const RustcInvocation& inv, std::string_view kind) {
  if (kind == "link" && inv.emits.empty()) return true;
  return std::any_of(inv.emits.begin(), inv.emits.end(), [&](const EmitRequest& e) { return e.kind == kind; });
}

std::string output_dir(const RustcInvocation& inv) {
  if (inv.output) return parent_directory(absolute_path(*inv.output));
  return inv.out_dir.value_or(".");
}

Result<ExpandedArgs> expand_argfiles(const std::vector<std::string>& args) {
  ExpandedArgs expanded;
  for (const auto& arg : args) {
    if (arg.size() < 2 || arg[0] != '@') {
      expanded.tokens.push_back(arg);
      continue;
    }
    std::string path = arg.substr(1);
    auto text = read_file(path);
    if (!text)
      return fail("cannot read rustc argument file: " + text.error().message, path,
                  "the file named by @" + path + " must exist and be readable");
    std::string_view rest = *text;
    if (!rest.empty() && rest.back() == '\n') rest.remove_suffix(1);
    if (!rest.empty() || !text->empty()) {
      for (auto& line : split(rest, '\n')) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        expanded.tokens.push_back(std::move(line));
      }
    }
    expanded.used_argfile = true;
  }
  return expanded;
}

RustcInvocation parse_rustc_args(std::vector<std::string> args) {
  RustcInvocation inv;
  inv.args = std::move(args);
  const auto& tokens = inv.args;

  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& token = tokens[i];
    if (token == "-" || token.empty() || token[0] != '-') {
      inv.inputs.push_back(token);
      continue;
    }

    bool is_long = token.size() > 2 && token[1] == '-';
    std::string spelling = is_long ? token.substr(0, token.find('=')) : token.substr(0, 2);
    const RustcOptionSpec* spec = find_rustc_option(spelling);
    if (!spec) {
      inv.unknown_options.push_back(token);
      continue;
    }

    ParsedOption parsed{spec->option, {}, i, 1};
    std::string attached = token.size() > spelling.size()
                               ? token.substr(spelling.size() + (is_long ? 1 : 0))
                               : std::string();
    if (spec->takes_value) {
      if (token.size() > spelling.size()) {
        parsed.value = attached;
      } else if (i + 1 < tokens.size()) {
        parsed.value = tokens[++i];
        parsed.token_count = 2;
      } else {
        inv.problems.push_back(spelling + " is missing its value");
        continue;
      }
      inv.options.push_back(parsed);
      record(inv, parsed);
      continue;
    }

    if (is_long) {
      if (!attached.empty() || token.find('=') != std::string::npos) {
        inv.problems.push_back(spelling + " takes no value");
        continue;
      }
      inv.options.push_back(parsed);
      record(inv, parsed);
      continue;
    }

    // Short flags may be grouped, as in cargo's `-vV`.
    std::vector<ParsedOption> group;
    bool all_flags = true;
    for (size_t c = 1; c < token.size() && all_flags; ++c) {
      const RustcOptionSpec* flag = find_rustc_option(std::string{'-', token[c]});
      all_flags = flag && !flag->takes_value;
      if (all_flags) group.push_back({flag->option, {}, i, 1});
    }
    if (!all_flags) {
      inv.unknown_options.push_back(token);
      continue;
    }
    for (auto& flag : group) {
      inv.options.push_back(flag);
      record(inv, flag);
    }
  }
  return inv;
}

}  // namespace clifwrap
