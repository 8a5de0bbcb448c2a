#include "driver/link/link_mode.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "common/files.hpp"
#include "common/process.hpp"
#include "common/temporaries.hpp"
#include "driver/command_options.hpp"
#include "driver/log/invocation_log.hpp"
#include "linkplan/fp_register_check.hpp"
#include "linkplan/link_planner.hpp"
#include "linkplan/linker_handoff.hpp"
#include "linkplan/lld_command.hpp"
#include "linkplan/output_check.hpp"
#include "llvm_module/loader.hpp"

namespace clifwrap {
namespace {

#if defined(__aarch64__)
constexpr std::string_view kHostTriple = "aarch64-unknown-linux-gnu";
#else
constexpr std::string_view kHostTriple = "x86_64-unknown-linux-gnu";
#endif


// The linker face's own options (first on the line; everything else is the gcc or ld line) and the
// variables wrapper mode hands it; --help prints these tables.
constexpr OptionSpec kLinkerOptions[] = {
    {"--print-plan", "", "show the link plan and lld's argv; link nothing"},
    {"--help", "", "this text"},
    {"--version", "", "clifwrap's and lld's version"},
};
constexpr VariableSpec kHandoverVariables[] = {
    {kLinkTargetVariable, "set by wrapper mode: the target triple rustc links for"},
    {kOriginalLinkerVariable, "set by wrapper mode: the linker rustc would have run (-C linker)"},
    {kSoftFloatVariable, "set by wrapper mode to 1 for a soft-float target: the output is checked for FP/SIMD "
                         "registers in code Cranelift compiled"},
};

int print_linker_help() {
  std::printf(
      "clifwrap-link: a gcc-driver and GNU ld compatible linker that links with lld in-process\n\n"
      "usage:\n"
      "  clifwrap-link [OPTION] [gcc or ld arguments...]   (rustc runs this under RUSTC_WRAPPER=clifwrap)\n"
      "  <triple>-gcc [arguments...]      the same, through a symlink named like a cross gcc (which\n"
      "                                   compiles C with clang-22 when the line names sources or -c)\n"
      "  <triple>-ld [ld arguments...]    GNU ld's lines, through a symlink named like a cross ld\n\n"
      "A command line starting with `-flavor gnu` is read as GNU ld's, anything else as gcc's.\n"
      "Without a profile: gnu for *-linux-gnu, redox for *-redox, none otherwise and for GNU ld lines.\n\n"
      "options (first on the line):\n%s\nsettings (environment variable, clifwrap.toml key):\n",
      options_help(kLinkerOptions, 2).c_str());
  std::fputs(settings_help("link.", 22, 14).c_str(), stdout);
  for (const auto& variable : kHandoverVariables)
    std::printf("  %-22s %-14s %s\n", std::string(variable.name).c_str(), "-", std::string(variable.help).c_str());
  return 0;
}

struct LinkContext {
  std::string program_name;  // the file name it was run by: clifwrap-link, x86_64-unknown-redox-gcc
  std::string invoked_as;    // argv[0] as given: a path, or a name found in PATH
  bool soft_float = false;   // wrapper mode says the target is soft-float: the FP/SIMD check runs
  std::string target;
  Settings settings;
  long long started_ms = 0;
};

void log_link(const LinkContext& context, const LinkPlan& plan, const std::string& verdict, const std::string& reason,
              const std::vector<std::string>& argv, std::optional<int> exit_code) {
  LogRecord record;
  record.crate = file_name(plan.output);
  record.target = context.target;
  record.kind = "link";
  record.verdict = verdict;
  record.reason = reason;
  record.argv = argv;
  record.exit_code = exit_code;
  record.ms = monotonic_ms() - context.started_ms;
  append_log(context.settings.log_path, record);
}

// The linker rustc would have run: the one wrapper mode replaced, else cc for a gcc-driver line
// given to clifwrap-link itself. Never clifwrap again (a cookbook symlink named <triple>-gcc).
std::optional<std::string> original_linker(const LinkContext& context, const LinkPlan& plan, const EnvLookup& env) {
  std::optional<std::string> candidate = env(kOriginalLinkerVariable);
  if ((!candidate || candidate->empty()) && context.program_name == kLinkerName && plan.dialect == LinkDialect::GccDriver)
    candidate = "cc";
  if (!candidate || candidate->empty()) return std::nullopt;
  std::string found = find_program(*candidate);
  if (found.empty() || real_path(found).empty() || same_file(found, "/proc/self/exe")) return std::nullopt;
  return found;
}

int hand_over(const LinkContext& context, const LinkPlan& plan, const std::vector<std::string>& args, const EnvLookup& env) {
  std::string unknown = plan.unknown.front();
  auto linker = original_linker(context, plan, env);
  if (!linker) {
    log_link(context, plan, "failed", "unknown option " + unknown, {}, 1);
    // Run as <gnu-target>-gcc (a toolchain directory's linker), clifwrap is the target's linker:
    // there is no other to point at.
    std::string hint = target_from_linker_name(context.program_name).empty()
                           ? "set CLIFWRAP_LINK=system to link with the target's own linker, or link without that option"
                           : "no other linker for " + context.target + " stands behind " + context.program_name +
                                 ": link without that option, and report it to clifwrap (lld may well take it)";
    return report_error(Error{"unknown linker option `" + unknown + "`", context.program_name, hint});
  }
  std::fprintf(stderr, "clifwrap-link: note: handing this link to `%s`: the option `%s` is not one it plans\n",
               linker->c_str(), unknown.c_str());
  Command command{{*linker}, {}};
  command.argv.insert(command.argv.end(), args.begin(), args.end());
  log_link(context, plan, "handed-over", "unknown option " + unknown + "; linked by " + *linker, command.argv, std::nullopt);
  return report_error(exec_program(command));
}

// A soft-float kernel: the output may hold no FP/SIMD register in code Cranelift compiled.
// `linked`: the temporary file lld wrote; `output`: the name it would get.
Result<void> check_fp_registers(const std::string& linked, const std::string& map, const std::string& output) {
  auto findings = find_fp_registers(linked, map);
  if (!findings) return tl::unexpected(findings.error());
  if (!findings->empty()) return tl::unexpected(fp_register_error(*findings, output));
  return {};
}

int link_in_process(const LinkContext& context, const LinkPlan& plan, const SysrootProfile& profile) {
  std::string output_dir = parent_directory(absolute_path(plan.output));
  if (access(output_dir.c_str(), W_OK) != 0)
    return report_error(Error{"cannot write the output: its directory is missing or not writable", plan.output,
                       "check that " + output_dir + " exists and is writable"});
  sweep_abandoned_temporaries(output_dir);
  TemporaryFile output(plan.output);
  std::vector<std::string> argv = lld_arguments(plan, output.path());
  std::string reason = std::string(link_kind_name(plan.kind)) + ", " + profile.name + " profile, lld in-process";
  std::optional<TemporaryFile> map;  // lld's map: which input each address came from
  if (context.soft_float) {
    map.emplace(plan.output + ".map");
    argv.push_back("-Map=" + map->path());
    reason += ", FP/SIMD check";
  }

  auto outcome = run_lld(argv, LldRun::OneShot);
  if (!outcome) return report_error(outcome.error());
  if (outcome->exit_code != 0) {
    log_link(context, plan, "failed", reason, argv, outcome->exit_code);
    return outcome->exit_code;
  }
  if (map) {
    if (auto checked = check_fp_registers(output.path(), map->path(), plan.output); !checked) {
      log_link(context, plan, "failed", reason + ": " + checked.error().message.substr(0, checked.error().message.find('\n')), argv, 1);
      return report_error(checked.error());
    }
  }
  if (auto elf = read_elf_summary(output.path())) {
    for (const auto& warning : output_warnings(*elf, plan)) {
      std::fprintf(stderr, "clifwrap-link: warning: %s\n", warning.c_str());
      reason += "; warning: " + warning;
    }
  }
  if (auto replaced = output.commit(TemporaryFile::Commit::Replace); !replaced) return report_error(replaced.error());
  log_link(context, plan, "linked", reason, argv, 0);
  return 0;
}

}  // namespace

bool is_linker_name(std::string_view program_name) {
  return program_name == kLinkerName || !target_from_linker_name(program_name).empty();
}

int run_linker_mode(const std::string& invoked_as, const std::vector<std::string>& all_args, const EnvLookup& env) {
  std::string program_name = file_name(invoked_as);
  if (all_args.size() == 1 && (all_args[0] == "--help" || all_args[0] == "-h")) return print_linker_help();
  // GNU ld answers -v and -V as --version; libtool's "is the linker GNU ld" check runs `$LD -v` and
  // looks for "GNU" in the answer, which lld's own line has as this one does.
  bool gnu_ld_name = program_name.ends_with("-ld");
  bool ld_version_flag = gnu_ld_name && all_args.size() == 1 && (all_args[0] == "-v" || all_args[0] == "-V");
  if (ld_version_flag || (all_args.size() == 1 && all_args[0] == "--version")) {
    std::printf("clifwrap-link (clifwrap %s), linking with lld 22 (compatible with GNU linkers)\n", CLIFWRAP_VERSION_STRING);
    return 0;
  }
  bool print_plan = !all_args.empty() && all_args[0] == "--print-plan";
  std::vector<std::string> args(all_args.begin() + (print_plan ? 1 : 0), all_args.end());

  LinkContext context;
  context.program_name = program_name;
  context.invoked_as = invoked_as;
  context.soft_float = env(kSoftFloatVariable).value_or("") == "1";
  context.started_ms = monotonic_ms();
  auto settings = load_settings(env, current_directory(), std::nullopt);
  if (!settings) return report_error(settings.error());
  context.settings = *settings;
  auto from_wrapper = env(kLinkTargetVariable);
  std::string from_name = target_from_linker_name(program_name);
  context.target = from_wrapper && !from_wrapper->empty() ? *from_wrapper
                   : !from_name.empty()                   ? from_name
                                                          : std::string(kHostTriple);

  auto expanded = expand_response_files(args);
  if (!expanded) return report_error(expanded.error());
  // <triple>-ld is GNU ld: its lines are read as the planner reads `-flavor gnu` ones.
  if (gnu_ld_name) expanded->insert(expanded->begin(), {"-flavor", "gnu"});
  LinkDialect dialect = detect_dialect(*expanded);
  ProfileQuestion question{settings->link_profile, settings->link_sysroot, context.target,
                           dialect == LinkDialect::GnuLd, {context.invoked_as}};
  if (auto original = env(kOriginalLinkerVariable); original && !original->empty()) question.linkers.push_back(*original);
  ProfileChoice choice = choose_profile(question);
  auto profile = load_profile(choice.name, choice.sysroot, context.target);
  if (!profile) return report_error(profile.error());
  auto plan = plan_link(*expanded, *profile, is_regular_file);
  if (!plan) return report_error(plan.error());

  if (print_plan) {
    std::fputs(describe_plan(*plan, *profile).c_str(), stdout);
    return 0;
  }
  if (!plan->unknown.empty()) return hand_over(context, *plan, args, env);
  return link_in_process(context, *plan, *profile);
}

}  // namespace clifwrap
