// Entry point: picks the face (a subcommand, or wrapper mode when the first argument is a rustc)
// from a table of commands that also gives --help its text. Every Error ends here, printed once.
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "common/files.hpp"
#include "crt/partial_link.hpp"
#include "crt/sysroot_layout.hpp"
#include "driver/build_report.hpp"
#include "driver/config.hpp"
#include "driver/doctor.hpp"
#include "driver/link_mode.hpp"
#include "driver/log_reader.hpp"
#include "driver/wrapper_mode.hpp"
#include "linkplan/llvm_module.hpp"

#ifndef CLIFWRAP_VERSION
#define CLIFWRAP_VERSION "0.0.0"
#endif

namespace clifwrap {
namespace {

using Args = std::vector<std::string>;

int print_help(const Args&);
int print_version(const Args&) {
  std::printf("clifwrap %s\n", CLIFWRAP_VERSION);
  return 0;
}

int fail_with(const Error& error) {
  std::fprintf(stderr, "%s\n", render(error).c_str());
  return error.exit_code;
}

bool wants_help(const Args& args) {
  return !args.empty() && (args[0] == "--help" || args[0] == "-h");
}

int explain_command(const Args& args) {
  if (args.empty()) {
    print_help(args);
    return 2;
  }
  if (wants_help(args)) return print_help(args);
  // A call from the log: the line itself, or the last compile of a crate in a log file.
  std::optional<LoggedCall> logged;
  if (args.size() == 1 && args[0].starts_with("{")) {
    auto call = parse_log_line(args[0]);
    if (!call) return fail_with(call.error());
    logged = *call;
  } else if (args[0] == "--log") {
    if (args.size() != 3) return fail_with(Error{"give a log file and a crate", {}, "usage: clifwrap explain --log LOG CRATE", 2});
    auto call = last_compile_of(args[2], args[1]);
    if (!call) return fail_with(call.error());
    logged = *call;
  }
  if (logged) {
    auto text = explain_logged_call(*logged, process_environment());
    if (!text) return fail_with(text.error());
    std::fputs(text->c_str(), stdout);
    return 0;
  }
  auto decision = decide_wrapper(args, process_environment());
  if (!decision) return fail_with(decision.error());
  std::fputs(explain_wrapper(*decision).c_str(), stdout);
  return 0;
}

int report_command(const Args& args) {
  if (wants_help(args)) return print_help(args);
  constexpr std::string_view usage = "clifwrap report [LOG] [--json]";
  bool json = false;
  std::optional<std::string> log = process_environment()("CLIFWRAP_LOG");
  for (const auto& arg : args) {
    if (arg == "--json") json = true;
    else if (arg.starts_with("-")) return fail_with(Error{"unknown argument `" + arg + "`", {}, "usage: " + std::string(usage), 2});
    else log = arg;
  }
  if (!log || log->empty()) return fail_with(Error{"no log given, and CLIFWRAP_LOG is not set", {}, "usage: " + std::string(usage), 2});
  auto calls = read_log(*log);
  if (!calls) return fail_with(calls.error());
  std::fputs((json ? report_json(*calls) : report_text(*calls)).c_str(), stdout);
  return 0;
}

// --rustc PATH (default $RUSTC, else rustc) and --target T, shared by doctor and target.
struct QueryOptions {
  std::string rustc;
  std::optional<std::string> target;
  std::vector<std::string> positional;
};

Result<QueryOptions> parse_query_options(const Args& args, std::string_view usage) {
  QueryOptions options;
  for (size_t i = 0; i < args.size(); ++i) {
    if ((args[i] == "--rustc" || args[i] == "--target") && i + 1 < args.size()) {
      (args[i] == "--rustc" ? options.rustc : options.target.emplace()) = args[i + 1];
      ++i;
    } else if (!args[i].empty() && args[i][0] == '-') {
      return tl::unexpected(Error{"unknown argument `" + args[i] + "`", {}, "usage: " + std::string(usage), 2});
    } else {
      options.positional.push_back(args[i]);
    }
  }
  if (options.rustc.empty()) {
    auto from_env = process_environment()("RUSTC");
    options.rustc = from_env && !from_env->empty() ? *from_env : "rustc";
  }
  return options;
}

int doctor_command(const Args& args) {
  if (wants_help(args)) return print_help(args);
  constexpr std::string_view usage = "clifwrap doctor [--rustc PATH] [--target T]";
  auto options = parse_query_options(args, usage);
  if (!options) return fail_with(options.error());
  if (!options->positional.empty())
    return fail_with(Error{"unexpected argument `" + options->positional[0] + "`", {}, "usage: " + std::string(usage), 2});
  return run_doctor(options->rustc, options->target, process_environment());
}

int target_command(const Args& args) {
  if (wants_help(args)) return print_help(args);
  constexpr std::string_view usage = "clifwrap target <triple|spec.json> [--rustc PATH]";
  auto options = parse_query_options(args, usage);
  if (!options) return fail_with(options.error());
  if (options->positional.size() != 1 || options->target)
    return fail_with(Error{"give one target", {}, "usage: " + std::string(usage), 2});
  auto printed = run_target_command(options->rustc, options->positional[0], process_environment());
  return printed ? 0 : fail_with(printed.error());
}

int partial_link_command(const Args& args) {
  if (wants_help(args)) return print_help(args);
  constexpr std::string_view usage = "clifwrap partial-link -o OUT IN...";
  std::optional<std::string> output;
  std::vector<std::string> inputs;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-o" && i + 1 < args.size()) output = args[++i];
    else if (args[i].starts_with("-")) return fail_with(Error{"unknown argument `" + args[i] + "`", {}, "usage: " + std::string(usage), 2});
    else inputs.push_back(args[i]);
  }
  if (!output || inputs.empty()) return fail_with(Error{"give -o OUT and at least one input", {}, "usage: " + std::string(usage), 2});
  if (auto linked = partial_link(inputs, *output); !linked) return fail_with(linked.error());
  std::printf("%s: one relocatable object from %zu input%s\n", output->c_str(), inputs.size(), inputs.size() == 1 ? "" : "s");
  return 0;
}

int sysroot_command(const Args& args) {
  if (wants_help(args)) return print_help(args);
  constexpr std::string_view usage = "clifwrap sysroot --relibc DIR --target T --out DIR [--rustc PATH]";
  SysrootRequest request;
  if (auto rustc = process_environment()("RUSTC"); rustc && !rustc->empty()) request.rustc = *rustc;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string* field = args[i] == "--relibc" ? &request.relibc
                         : args[i] == "--target" ? &request.target
                         : args[i] == "--out"    ? &request.out
                         : args[i] == "--rustc"  ? &request.rustc
                                                 : nullptr;
    if (field == nullptr || i + 1 >= args.size())
      return fail_with(Error{"unexpected argument `" + args[i] + "`", {}, "usage: " + std::string(usage), 2});
    *field = args[++i];
  }
  if (request.relibc.empty() || request.target.empty() || request.out.empty())
    return fail_with(Error{"give --relibc, --target and --out", {}, "usage: " + std::string(usage), 2});
  auto entries = lay_out_sysroot(request);
  if (!entries) return fail_with(entries.error());
  for (const auto& entry : *entries) std::printf("%-22s %s\n", entry.path.c_str(), entry.from.c_str());
  std::printf("sysroot ready: %s (CLIFWRAP_PROFILE=redox CLIFWRAP_SYSROOT=%s)\n", request.out.c_str(),
              absolute_path(request.out).c_str());
  return 0;
}

struct CommandSpec {
  std::string_view name;
  std::string_view usage;
  std::string_view summary;
  int (*run)(const Args&);
};

constexpr CommandSpec kCommands[] = {
    {"doctor", "clifwrap doctor [--rustc PATH] [--target T]",
     "check config, cache, rustc, -Z flags, backend, log, T's spec; one line each", doctor_command},
    {"explain", "clifwrap explain <rustc> [args...] | --log LOG CRATE | '<log line>'",
     "show what wrapper mode would run and why, for a call or a logged one; runs nothing", explain_command},
    {"report", "clifwrap report [LOG] [--json]",
     "a build's log summarised: per crate the unit, backend, fallback, time; totals", report_command},
    {"target", "clifwrap target <triple|spec.json>", "print the spec clifwrap derives for Cranelift", target_command},
    {"partial-link", "clifwrap partial-link -o OUT IN...", "one relocatable object from objects and archives (lld -r)",
     partial_link_command},
    {"sysroot", "clifwrap sysroot --relibc DIR --target T --out DIR", "lay out a Redox sysroot from a relibc build",
     sysroot_command},
    {"--help", "clifwrap --help", "this text", print_help},
    {"--version", "clifwrap --version", "the version", print_version},
};

int print_help(const Args&) {
  std::printf(
      "clifwrap: build Rust with the Cranelift codegen backend through an unchanged cargo\n\n"
      "usage:\n  RUSTC_WRAPPER=clifwrap cargo build ...\n  clifwrap <rustc> [args...]          wrapper mode (what cargo runs)\n");
  for (const auto& command : kCommands)
    std::printf("  %s\n      %s\n", std::string(command.usage).c_str(), std::string(command.summary).c_str());
  std::printf("\nsettings (environment variable, clifwrap.toml key; the environment wins):\n");
  for (const auto& spec : setting_table())
    std::printf("  %-18s %-14s %s\n", std::string(spec.env).c_str(), std::string(spec.key).c_str(),
                std::string(spec.help).c_str());
  std::printf("  %-18s %-14s %s\n", "CLIFWRAP_LOG", "-", "append one JSON line per rustc call to this file");
  std::printf("  %-18s %-14s %s\n", "CLIFWRAP_CACHE_DIR", "-", "cached rustc facts (default ~/.cache/clifwrap)");
  std::printf("  %-18s %-14s %s\n", "CLIFWRAP_CONFIG", "-", "the config file (default: nearest clifwrap.toml)");
  std::printf("  %-18s %-14s %s\n", "-", "crate.<name>.backend", "\"llvm\" skips the Cranelift attempt for one crate");
  return 0;
}

int dispatch(const Args& args) {
  if (args.empty())
    return fail_with(Error{"no rustc or command given", {}, "run `clifwrap --help`; cargo runs it as RUSTC_WRAPPER", 2});
  for (const auto& command : kCommands)
    if (args[0] == command.name || (command.name == "--help" && args[0] == "-h") ||
        (command.name == "--version" && args[0] == "-V"))
      return command.run(Args(args.begin() + 1, args.end()));
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
  int code = linker_mode ? clifwrap::run_linker_mode(program, args, clifwrap::process_environment())
                         : clifwrap::dispatch(args);
  // As ld.lld does after a link: lld's memory and libLLVM's static destructors are not worth
  // tearing down, and after a fatal lld error they must not be (lld_state_spoiled).
  if (linker_mode || clifwrap::lld_state_spoiled()) {
    std::fflush(nullptr);
    _exit(code);
  }
  return code;
}
