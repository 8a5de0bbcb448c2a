// Entry point: picks the face (a subcommand, or wrapper mode when the first argument is a rustc)
// from a table of commands that also gives --help its text. Every Error ends here, printed once.
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
#include "crt/partial_link.hpp"
#include "crt/sysroot_layout.hpp"
#include "driver/build_report.hpp"
#include "driver/command_options.hpp"
#include "driver/config.hpp"
#include "driver/cranelift_toolchain.hpp"
#include "driver/doctor.hpp"
#include "driver/link_mode.hpp"
#include "driver/log_reader.hpp"
#include "driver/redox_toolchain.hpp"
#include "driver/wrapper_mode.hpp"
#include "linkplan/llvm_module.hpp"

#ifndef CLIFWRAP_VERSION
#define CLIFWRAP_VERSION "0.0.0"
#endif

namespace clifwrap {
namespace {

using Args = std::vector<std::string>;

// Every subcommand: its usage, options and summary come from here, for the parser and for --help.
struct CommandSpec {
  std::string_view name;
  std::span<const OptionSpec> options;
  std::string_view operands;  // what follows the options in the usage line
  std::string_view summary;
  int (*run)(const CommandSpec&, const Args&);

  std::string usage() const { return usage_line(name, options, operands); }
};

int fail_with(const Error& error) {
  std::fprintf(stderr, "%s\n", render(error).c_str());
  return error.exit_code;
}

Error usage_error(std::string message, const CommandSpec& command) {
  return Error{std::move(message), {}, "usage: " + command.usage(), 2};
}

Result<CommandOptions> parse(const CommandSpec& command, const Args& args) {
  return parse_command_options(args, command.options, command.usage());
}

// For the commands that take options and no operands.
Result<CommandOptions> parse_options_only(const CommandSpec& command, const Args& args) {
  auto options = parse(command, args);
  if (options && !options->positional.empty())
    return tl::unexpected(usage_error("unexpected argument `" + options->positional[0] + "`", command));
  return options;
}

// --rustc for the commands that ask a rustc: the option, else $RUSTC, else `otherwise`.
std::string rustc_to_ask(const CommandOptions& options, const std::string& otherwise = "rustc") {
  if (auto given = options.value("--rustc")) return *given;
  auto from_env = process_environment()("RUSTC");
  return from_env && !from_env->empty() ? *from_env : otherwise;
}

int explain_command(const CommandSpec& command, const Args& args) {
  if (args.empty()) return fail_with(usage_error("give a rustc call, a log line, or --log LOG CRATE", command));
  // A call from the log: the line itself, or the last compile of a crate in a log file.
  std::optional<LoggedCall> logged;
  if (args.size() == 1 && args[0].starts_with("{")) {
    auto call = parse_log_line(args[0]);
    if (!call) return fail_with(call.error());
    logged = *call;
  } else if (args[0] == "--log") {
    auto options = parse(command, args);
    if (!options) return fail_with(options.error());
    if (options->positional.size() != 1) return fail_with(usage_error("give a log file and one crate", command));
    auto call = last_compile_of(options->positional[0], *options->value("--log"));
    if (!call) return fail_with(call.error());
    logged = *call;
  }
  if (logged) {
    auto text = explain_logged_call(*logged, process_environment());
    if (!text) return fail_with(text.error());
    std::fputs(text->c_str(), stdout);
    return 0;
  }
  // Anything else is a rustc call, its arguments rustc's own.
  auto decision = decide_wrapper(args, process_environment());
  if (!decision) return fail_with(decision.error());
  std::fputs(explain_wrapper(*decision).c_str(), stdout);
  return 0;
}

int report_command(const CommandSpec& command, const Args& args) {
  auto options = parse(command, args);
  if (!options) return fail_with(options.error());
  if (options->positional.size() > 1) return fail_with(usage_error("give one log", command));
  std::optional<std::string> log = process_environment()("CLIFWRAP_LOG");
  if (!options->positional.empty()) log = options->positional[0];
  if (!log || log->empty()) return fail_with(usage_error("no log given, and CLIFWRAP_LOG is not set", command));
  auto calls = read_log(*log);
  if (!calls) return fail_with(calls.error());
  std::fputs((options->has("--json") ? report_json(*calls) : report_text(*calls)).c_str(), stdout);
  return 0;
}

int doctor_command(const CommandSpec& command, const Args& args) {
  auto options = parse_options_only(command, args);
  if (!options) return fail_with(options.error());
  return run_doctor(rustc_to_ask(*options), options->value("--target"), process_environment());
}

int target_command(const CommandSpec& command, const Args& args) {
  auto options = parse(command, args);
  if (!options) return fail_with(options.error());
  if (options->positional.size() != 1) return fail_with(usage_error("give one target", command));
  auto printed = run_target_command(rustc_to_ask(*options), options->positional[0], process_environment());
  return printed ? 0 : fail_with(printed.error());
}

int partial_link_command(const CommandSpec& command, const Args& args) {
  auto options = parse(command, args);
  if (!options) return fail_with(options.error());
  const auto& inputs = options->positional;
  if (inputs.empty()) return fail_with(usage_error("give at least one input", command));
  std::string output = *options->value("-o");
  if (auto linked = partial_link(inputs, output); !linked) return fail_with(linked.error());
  std::printf("%s: one relocatable object from %zu input%s\n", output.c_str(), inputs.size(), inputs.size() == 1 ? "" : "s");
  return 0;
}

int sysroot_command(const CommandSpec& command, const Args& args) {
  auto options = parse_options_only(command, args);
  if (!options) return fail_with(options.error());
  SysrootRequest request{.relibc = *options->value("--relibc"),
                         .target = *options->value("--target"),
                         .out = *options->value("--out"),
                         .rustc = rustc_to_ask(*options)};
  auto entries = lay_out_sysroot(request);
  if (!entries) return fail_with(entries.error());
  for (const auto& entry : *entries) std::printf("%-22s %s\n", entry.path.c_str(), entry.from.c_str());
  std::printf("sysroot ready: %s (CLIFWRAP_PROFILE=redox CLIFWRAP_SYSROOT=%s)\n", request.out.c_str(),
              absolute_path(request.out).c_str());
  return 0;
}

int redox_toolchain_command(const CommandSpec& command, const Args& args) {
  auto options = parse_options_only(command, args);
  if (!options) return fail_with(options.error());
  // Without --rustc or $RUSTC: the Cranelift toolchain of scripts/toolchain.sh, when it is built.
  std::string cranelift_rustc = "rustc";
  if (auto settings = load_settings(process_environment(), current_directory(), std::nullopt))
    if (auto cached = find_cached_toolchain(settings->cache_dir)) cranelift_rustc = cached->rustc;
  RedoxToolchainRequest request{.target = *options->value("--target"),
                                .relibc = *options->value("--relibc"),
                                .out = *options->value("--out"),
                                .rustc = rustc_to_ask(*options, cranelift_rustc)};
  auto entries = lay_out_redox_toolchain(request);
  if (!entries) return fail_with(entries.error());
  for (const auto& entry : *entries) std::printf("%-40s %s\n", entry.path.c_str(), entry.from.c_str());
  std::string out = absolute_path(request.out);
  std::printf("toolchain ready: %s\nfor the cookbook: REDOXER_TOOLCHAIN=%s RUSTC_WRAPPER=%s; by hand: PATH=%s/bin:$PATH\n",
              out.c_str(), out.c_str(), executable_path().c_str(), out.c_str());
  return 0;
}

int print_help(const CommandSpec&, const Args&);
int print_version(const CommandSpec&, const Args&) {
  std::printf("clifwrap %s\n", CLIFWRAP_VERSION);
  return 0;
}

constexpr OptionSpec kRustcOption{"--rustc", "PATH", "the rustc to ask (default: $RUSTC, else rustc on PATH)"};
constexpr OptionSpec kDoctorOptions[] = {kRustcOption, {"--target", "T", "also derive and check T's spec"}};
constexpr OptionSpec kExplainOptions[] = {{"--log", "LOG", "explain CRATE's last compile in LOG", true}};
constexpr OptionSpec kReportOptions[] = {{"--json", "", "one JSON document instead of the table"}};
constexpr OptionSpec kTargetOptions[] = {kRustcOption};
constexpr OptionSpec kPartialLinkOptions[] = {{"-o", "OUT", "the relocatable object to write", true}};
constexpr OptionSpec kSysrootOptions[] = {{"--relibc", "DIR", "relibc's source or build directory", true},
                                          {"--target", "T", "the Redox target", true},
                                          {"--out", "DIR", "the sysroot to lay out", true},
                                          kRustcOption};

constexpr OptionSpec kRedoxToolchainOptions[] = {
    {"--target", "T", "the Redox target (x86_64-unknown-redox)", true},
    {"--relibc", "DIR", "relibc's source or build directory", true},
    {"--out", "DIR", "the toolchain directory to lay out", true},
    {"--rustc", "PATH", "a rustc with Cranelift (default: $RUSTC, else scripts/toolchain.sh's, else rustc)"}};

constexpr CommandSpec kCommands[] = {
    {"doctor", kDoctorOptions, "", "check config, cache, rustc, -Z flags, backend, log, T's spec; one line each",
     doctor_command},
    {"explain", kExplainOptions, "CRATE | <rustc> [args...] | '<log line>'",
     "show what wrapper mode would run and why, for a call or a logged one; runs nothing", explain_command},
    {"report", kReportOptions, "[LOG]", "a build's log summarised: per crate the unit, backend, fallback, time; totals",
     report_command},
    {"target", kTargetOptions, "<triple|spec.json>", "print the spec clifwrap derives for Cranelift", target_command},
    {"partial-link", kPartialLinkOptions, "IN...", "one relocatable object from objects and archives (lld -r)",
     partial_link_command},
    {"sysroot", kSysrootOptions, "", "lay out a Redox sysroot from a relibc build", sysroot_command},
    {"redox-toolchain", kRedoxToolchainOptions, "",
     "a toolchain directory for the Redox cookbook: rustc, std for T by Cranelift, <T>-gcc, relibc",
     redox_toolchain_command},
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
  for (const auto& command : kCommands) {
    std::printf("  %s\n      %s\n", command.usage().c_str(), std::string(command.summary).c_str());
    std::fputs(options_help(command.options, 6).c_str(), stdout);
  }
  std::printf("\nsettings (environment variable, clifwrap.toml key; the environment wins):\n");
  std::fputs(settings_help("", 18, 20).c_str(), stdout);
  std::printf("  %-18s %-20s %s\n", "-", "crate.<name>.backend", "\"llvm\" skips the Cranelift attempt for one crate");
  std::printf("\nPaths in the environment must be absolute; in clifwrap.toml they are relative to the file.\n"
              "The linker face has its own help: clifwrap-link --help.\n");
  return 0;
}

int dispatch(const Args& args) {
  if (args.empty())
    return fail_with(Error{"no rustc call or command given", {},
                           "cargo runs clifwrap for you: RUSTC_WRAPPER=clifwrap cargo build; to check this machine: "
                           "clifwrap doctor; every command: clifwrap --help",
                           2});
  for (const auto& command : kCommands) {
    if (args[0] != command.name && !(command.name == "--help" && args[0] == "-h") &&
        !(command.name == "--version" && args[0] == "-V"))
      continue;
    Args rest(args.begin() + 1, args.end());
    if (!rest.empty() && (rest[0] == "--help" || rest[0] == "-h")) return print_command_help(command);
    return command.run(command, rest);
  }
  if (!args[0].empty() && args[0][0] == '-')
    return fail_with(Error{"unknown option `" + args[0] + "`", {}, "run `clifwrap --help`", 2});

  long long started = monotonic_ms();
  auto decision = decide_wrapper(args, process_environment());
  if (!decision) return fail_with(decision.error());
  return fail_with(run_wrapper(*decision, started));
}

}  // namespace
}  // namespace clifwrap

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string program = clifwrap::file_name(argc > 0 ? argv[0] : "clifwrap");
  bool linker_mode = clifwrap::is_linker_name(program);
  int code = linker_mode ? clifwrap::run_linker_mode(argc > 0 ? argv[0] : program, args, clifwrap::process_environment())
                         : clifwrap::dispatch(args);
  // As ld.lld does after a link: lld's memory and libLLVM's static destructors are not worth
  // tearing down, and after a fatal lld error they must not be (lld_state_spoiled).
  if (linker_mode || clifwrap::lld_state_spoiled()) {
    std::fflush(nullptr);
    _exit(code);
  }
  return code;
}
