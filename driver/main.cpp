// Entry point: picks the face by the name clifwrap runs under (clifwrap-link, <target>-ld: the
// linker face; <target>-gcc: the C compiler face or the linker face; <target>-strip: the strip
// face; rustc: the rustc-wrapper face for the real rustc beside it), else by the first argument: a
// side command from its table, or a rustc call (the rustc-wrapper face).
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "common/files.hpp"
#include "common/process.hpp"
#include "driver/binutils/strip_face.hpp"
#include "driver/cc/cc_face.hpp"
#include "driver/command_options.hpp"
#include "driver/commands/side_commands.hpp"
#include "driver/config/config.hpp"
#include "driver/link/link_mode.hpp"
#include "driver/wrapper/rustc_face.hpp"
#include "driver/wrapper/wrapper_mode.hpp"
#include "llvm_module/loader.hpp"

#ifndef CLIFWRAP_VERSION
#define CLIFWRAP_VERSION "0.0.0"
#endif

namespace clifwrap {
namespace {

using Args = std::vector<std::string>;

int print_help(const CommandSpec&, const Args&);
int print_version(const CommandSpec&, const Args&) {
  std::printf("clifwrap %s\n", CLIFWRAP_VERSION);
  return 0;
}

constexpr CommandSpec kEntryCommands[] = {
    {"--help", {}, "", "this text (`clifwrap COMMAND --help`: one command's)", print_help},
    {"--version", {}, "", "the version", print_version},
};

int print_command_help(const CommandSpec& command) {
  std::printf("usage: %s\n\n%s\n", command.usage().c_str(), std::string(command.summary).c_str());
  if (!command.options.empty()) std::printf("\noptions:\n%s", options_help(command.options, 2).c_str());
  return 0;
}

int print_help(const CommandSpec&, const Args&) {
  std::printf(
      "clifwrap: build Rust with the Cranelift codegen backend through an unchanged cargo\n\n"
      "usage:\n  RUSTC_WRAPPER=clifwrap cargo build ...\n  clifwrap <rustc> [args...]          wrapper mode (what cargo runs)\n");
  auto print_summary = [](const CommandSpec& command) {
    std::printf("  %s\n      %s\n", command.usage().c_str(), std::string(command.summary).c_str());
    std::fputs(options_help(command.options, 6).c_str(), stdout);
  };
  for (const auto& command : side_commands()) print_summary(command);
  for (const auto& command : kEntryCommands) print_summary(command);
  std::printf("\nsettings (environment variable, clifwrap.toml key; the environment wins):\n");
  std::fputs(settings_help("", 18, 20).c_str(), stdout);
  std::printf("  %-18s %-20s %s\n", "-", "crate.<name>.backend", "\"llvm\" skips the Cranelift attempt for one crate");
  std::printf("\nPaths in the environment must be absolute; in clifwrap.toml they are relative to the file.\n"
              "The linker face has its own help: clifwrap-link --help.\n");
  return 0;
}

// The rustc-wrapper face: `rustc_and_args` is the rustc to run and its arguments.
int run_as_wrapper(const Args& rustc_and_args) {
  long long started = monotonic_ms();
  auto decision = decide_wrapper(rustc_and_args, process_environment());
  if (!decision) return report_error(decision.error());
  return report_error(run_wrapper(*decision, started));
}

// clifwrap as a toolchain directory's bin/rustc: the same face, for the real rustc beside it.
int run_rustc_name(const std::string& invoked_as, const Args& args) {
  auto real = rustc_behind_face(invoked_as);
  if (!real) return report_error(real.error());
  Args rustc_and_args{*real};
  rustc_and_args.insert(rustc_and_args.end(), args.begin(), args.end());
  return run_as_wrapper(rustc_and_args);
}

int dispatch(const Args& args) {
  if (args.empty())
    return report_error(Error{"no rustc call or command given", {},
                           "cargo runs clifwrap for you: RUSTC_WRAPPER=clifwrap cargo build; to check this machine: "
                           "clifwrap doctor; every command: clifwrap --help",
                           2});
  auto named = [&](const CommandSpec& command) {
    return args[0] == command.name || (command.name == "--help" && args[0] == "-h") ||
           (command.name == "--version" && args[0] == "-V");
  };
  auto run = [&](const CommandSpec& command) {
    Args rest(args.begin() + 1, args.end());
    if (!rest.empty() && (rest[0] == "--help" || rest[0] == "-h")) return print_command_help(command);
    return command.run(command, rest);
  };
  for (const auto& command : side_commands())
    if (named(command)) return run(command);
  for (const auto& command : kEntryCommands)
    if (named(command)) return run(command);
  if (!args[0].empty() && args[0][0] == '-')
    return report_error(Error{"unknown option `" + args[0] + "`", {}, "run `clifwrap --help`", 2});

  return run_as_wrapper(args);
}

// `<gnu-target>-gcc` and `-cc`: the C compiler face for what compiles or asks, the linker face for
// links, both in turn for a line that compiles and links.
int run_gcc_name(const std::string& invoked_as, const Args& args) {
  std::string name = file_name(invoked_as);
  bool gcc_name = name.ends_with("-gcc") || name.ends_with("-cc");
  if (!gcc_name || !is_compiler_call(args)) return run_linker_mode(invoked_as, args, process_environment());
  auto compiled = run_cc_face(invoked_as, args, process_environment());
  if (!compiled) return report_error(compiled.error());
  if (compiled->exit_code) return *compiled->exit_code;
  return run_linker_mode(invoked_as, compiled->link_args, process_environment());  // then the objects go
}

}  // namespace
}  // namespace clifwrap

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string program = clifwrap::file_name(argc > 0 ? argv[0] : "clifwrap");
  if (clifwrap::is_strip_name(program)) return clifwrap::run_strip_face(args);
  bool linker_mode = clifwrap::is_linker_name(program);
  int code = linker_mode         ? clifwrap::run_gcc_name(argc > 0 ? argv[0] : program, args)
             : program == "rustc" ? clifwrap::run_rustc_name(argv[0], args)
                                  : clifwrap::dispatch(args);
  // As ld.lld does after a link: lld's memory and libLLVM's static destructors are not worth
  // tearing down, and after a fatal lld error they must not be (lld_state_spoiled).
  if (linker_mode || clifwrap::lld_state_spoiled()) {
    std::fflush(nullptr);
    _exit(code);
  }
  return code;
}
