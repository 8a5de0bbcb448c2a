#include "driver/commands/side_commands.hpp"

#include <cstdio>
#include <optional>

#include "common/error.hpp"
#include "common/files.hpp"
#include "crt/partial_link.hpp"
#include "crt/redox/build_system_prefix.hpp"
#include "crt/redox/redox_toolchain.hpp"
#include "crt/redox/sysroot_layout.hpp"
#include "driver/backend/cranelift_toolchain.hpp"
#include "driver/commands/doctor.hpp"
#include "driver/config/config.hpp"
#include "driver/log/build_report.hpp"
#include "driver/log/log_reader.hpp"
#include "driver/wrapper/wrapper_mode.hpp"

namespace clifwrap {
namespace {

using Args = std::vector<std::string>;

// A command called the wrong way: the message and the command's usage line, exit status 2.
int misused(const CommandSpec& command, std::string message) {
  return report_error(usage_error(std::move(message), command.usage()));
}

Result<CommandOptions> parse(const CommandSpec& command, const Args& args) {
  return parse_command_options(args, command.options, command.usage());
}

// For the commands that take options and no operands.
Result<CommandOptions> parse_options_only(const CommandSpec& command, const Args& args) {
  auto options = parse(command, args);
  if (options && !options->positional.empty())
    return tl::unexpected(usage_error("unexpected argument `" + options->positional[0] + "`", command.usage()));
  return options;
}

// --rustc for the commands that ask a rustc: the option, else $RUSTC, else `otherwise`.
std::string rustc_to_ask(const CommandOptions& options, const std::string& otherwise = "rustc") {
  if (auto given = options.value("--rustc")) return *given;
  auto from_env = process_environment()("RUSTC");
  return from_env && !from_env->empty() ? *from_env : otherwise;
}

int explain_command(const CommandSpec& command, const Args& args) {
  if (args.empty()) return misused(command, "give a rustc call, a log line, or --log LOG CRATE");
  // A call from the log: the line itself, or the last compile of a crate in a log file.
  std::optional<LoggedCall> logged;
  if (args.size() == 1 && args[0].starts_with("{")) {
    auto call = parse_log_line(args[0]);
    if (!call) return report_error(call.error());
    logged = *call;
  } else if (args[0] == "--log") {
    auto options = parse(command, args);
    if (!options) return report_error(options.error());
    if (options->positional.size() != 1) return misused(command, "give a log file and one crate");
    auto call = last_compile_of(options->positional[0], *options->value("--log"));
    if (!call) return report_error(call.error());
    logged = *call;
  }
  if (logged) {
    auto text = explain_logged_call(*logged, process_environment());
    if (!text) return report_error(text.error());
    std::fputs(text->c_str(), stdout);
    return 0;
  }
  // Anything else is a rustc call, its arguments rustc's own.
  auto decision = decide_wrapper(args, process_environment());
  if (!decision) return report_error(decision.error());
  std::fputs(explain_wrapper(*decision).c_str(), stdout);
  return 0;
}

int report_command(const CommandSpec& command, const Args& args) {
  auto options = parse(command, args);
  if (!options) return report_error(options.error());
  if (options->positional.size() > 1) return misused(command, "give one log");
  std::optional<std::string> log = process_environment()("CLIFWRAP_LOG");
  if (!options->positional.empty()) log = options->positional[0];
  if (!log || log->empty()) return misused(command, "no log given, and CLIFWRAP_LOG is not set");
  auto calls = read_log(*log);
  if (!calls) return report_error(calls.error());
  std::fputs((options->has("--json") ? report_json(*calls) : report_text(*calls)).c_str(), stdout);
  return 0;
}

int doctor_command(const CommandSpec& command, const Args& args) {
  auto options = parse_options_only(command, args);
  if (!options) return report_error(options.error());
  return run_doctor(rustc_to_ask(*options), options->value("--target"), process_environment());
}

int target_command(const CommandSpec& command, const Args& args) {
  auto options = parse(command, args);
  if (!options) return report_error(options.error());
  if (options->positional.size() != 1) return misused(command, "give one target");
  auto printed = run_target_command(rustc_to_ask(*options), options->positional[0], process_environment());
  return printed ? 0 : report_error(printed.error());
}

int partial_link_command(const CommandSpec& command, const Args& args) {
  auto options = parse(command, args);
  if (!options) return report_error(options.error());
  const auto& inputs = options->positional;
  if (inputs.empty()) return misused(command, "give at least one input");
  std::string output = *options->value("-o");
  if (auto linked = partial_link(inputs, output); !linked) return report_error(linked.error());
  std::printf("%s: one relocatable object from %zu input%s\n", output.c_str(), inputs.size(), inputs.size() == 1 ? "" : "s");
  return 0;
}

int sysroot_command(const CommandSpec& command, const Args& args) {
  auto options = parse_options_only(command, args);
  if (!options) return report_error(options.error());
  SysrootRequest request{.relibc = *options->value("--relibc"),
                         .target = *options->value("--target"),
                         .out = *options->value("--out"),
                         .rustc = rustc_to_ask(*options)};
  auto entries = lay_out_sysroot(request);
  if (!entries) return report_error(entries.error());
  for (const auto& entry : *entries) std::printf("%-22s %s\n", entry.path.c_str(), entry.from.c_str());
  std::printf("sysroot ready: %s (CLIFWRAP_PROFILE=redox CLIFWRAP_SYSROOT=%s)\n", request.out.c_str(),
              absolute_path(request.out).c_str());
  return 0;
}

int redox_toolchain_command(const CommandSpec& command, const Args& args) {
  auto options = parse_options_only(command, args);
  if (!options) return report_error(options.error());
  // Without --rustc or $RUSTC: the Cranelift toolchain of scripts/toolchain.sh, when it is built.
  std::string cranelift_rustc = "rustc";
  if (auto settings = load_settings(process_environment(), current_directory(), std::nullopt))
    if (auto cached = find_cached_toolchain(settings->cache_dir)) cranelift_rustc = cached->rustc;
  auto redox = options->value("--redox");
  if (redox.has_value() == options->has("--out")) return misused(command, "give either --out DIR or --redox DIR");
  RedoxToolchainRequest request{.target = *options->value("--target"),
                                .relibc = *options->value("--relibc"),
                                .out = options->value("--out").value_or(""),
                                .rustc = rustc_to_ask(*options, cranelift_rustc)};
  if (redox) {
    auto sysroot = build_system_sysroot(*redox, request.target);
    if (!sysroot) return report_error(sysroot.error());
    request.out = *sysroot;
  }
  auto entries = lay_out_redox_toolchain(request);
  if (!entries) return report_error(entries.error());
  if (redox) {
    auto settled = settle_build_system_prefix(request.out);
    if (!settled) return report_error(settled.error());
    entries->insert(entries->end(), settled->begin(), settled->end());
  }
  for (const auto& entry : *entries) std::printf("%-40s %s\n", entry.path.c_str(), entry.from.c_str());
  std::string out = absolute_path(request.out);
  if (redox)
    std::printf("toolchain ready: %s\nfor the build system: make r.<recipe> PODMAN_BUILD=0 in %s (mk/prefix.mk "
                "points REDOXER_TOOLCHAIN here; its bin/rustc is clifwrap: no RUSTC_WRAPPER needed)\n",
                out.c_str(), absolute_path(*redox).c_str());
  else
    std::printf("toolchain ready: %s\nfor the cookbook: REDOXER_TOOLCHAIN=%s (its bin/rustc is clifwrap: no "
                "RUSTC_WRAPPER needed); by hand: PATH=%s/bin:$PATH\n",
                out.c_str(), out.c_str(), out.c_str());
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
    {"--out", "DIR", "the toolchain directory to lay out"},
    {"--redox", "DIR", "instead of --out: a redox-os/redox checkout, whose prefix/<T>/sysroot it becomes for make"},
    {"--rustc", "PATH", "a rustc with Cranelift (default: $RUSTC, else scripts/toolchain.sh's, else rustc)"}};

constexpr CommandSpec kSideCommands[] = {
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
};

}  // namespace

std::span<const CommandSpec> side_commands() { return kSideCommands; }

}  // namespace clifwrap
