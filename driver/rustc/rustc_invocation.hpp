// A rustc call as plain data. parse_rustc_args is pure: tokens in, a RustcInvocation out, no files
// touched; expand_argfiles (which reads files) runs before it. The parser never fails: what it does
// not understand is recorded, and the decision step passes such calls through untouched.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/error.hpp"
#include "driver/rustc/rustc_options.hpp"

namespace clifwrap {

struct EmitRequest {
  std::string kind;                 // link, obj, asm, llvm-ir, metadata, dep-info, mir, ...
  std::optional<std::string> path;  // `--emit obj=PATH`
};

// One recognised option and the tokens it came from, so a rewrite can drop or replace it.
struct ParsedOption {
  RustcOption option;
  std::string value;  // empty for flags
  size_t first_token;
  size_t token_count;
};

struct RustcInvocation {
  std::vector<std::string> args;  // rustc's arguments after @argfile expansion, without rustc itself
  std::vector<ParsedOption> options;
  std::vector<std::string> inputs;           // source files; "-" is stdin
  std::vector<std::string> unknown_options;  // kept in place, untouched
  std::vector<std::string> problems;         // e.g. an option missing its value

  std::string crate_name;
  std::vector<std::string> crate_types;
  std::optional<std::string> target;
  std::vector<EmitRequest> emits;
  std::optional<std::string> out_dir;
  std::optional<std::string> output;
  std::vector<std::pair<std::string, std::string>> codegen;  // -C key[=value]
  std::vector<std::string> unstable;                         // -Z values
  std::vector<std::string> externs;
  std::vector<std::string> cfgs;
  std::vector<std::string> prints;
  bool test_harness = false;
  bool version = false;
  bool help = false;
  bool explain = false;

  bool has_unstable(std::string_view name) const;           // -Z name or -Z name=...
  std::optional<std::string> unstable_value(std::string_view name) const;
  std::optional<std::string> codegen_value(std::string_view key) const;
};

bool has_crate_type(const RustcInvocation& inv, std::string_view type);

// Whether the call emits `kind` (link when no --emit is given: rustc's default).
bool emits(const RustcInvocation& inv, std::string_view kind);

// Where rustc writes this call's outputs: -o's directory, else --out-dir, else the working directory.
std::string output_dir(const RustcInvocation& inv);

struct ExpandedArgs {
  std::vector<std::string> tokens;
  bool used_argfile = false;
};

// rustc's @argfile: one argument per line, no quoting, not recursive.
Result<ExpandedArgs> expand_argfiles(const std::vector<std::string>& args);

RustcInvocation parse_rustc_args(std::vector<std::string> args);

}  // namespace clifwrap
