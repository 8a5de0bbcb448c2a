#include "driver/cc/cc_face.hpp"

#include <cstdio>

#include "common/process.hpp"
#include "linkplan/gcc_options.hpp"
#include "linkplan/sysroot_profile.hpp"

namespace clifwrap {
namespace {

// Redox gcc's own version (the cookbook's gcc13 recipe, configured without
// --with-gcc-major-version-only): what -dumpversion and -dumpfullversion answer.
constexpr const char* kRedoxGccVersion = "13.2.0";

bool is_source(const std::string& arg) {
  if (arg.starts_with("-")) return false;
  for (const char* suffix : {".c", ".s", ".S", ".i"})
    if (arg.ends_with(suffix)) return true;
  return false;
}

bool is_cxx_source(const std::string& arg) {
  if (arg.starts_with("-")) return false;
  for (const char* suffix : {".cc", ".cpp", ".cxx", ".C", ".c++"})
    if (arg.ends_with(suffix)) return true;
  return false;
}

bool has(const std::vector<std::string>& args, std::string_view flag) {
  for (const auto& arg : args)
    if (arg == flag) return true;
  return false;
}

bool is_query(const std::string& arg) {
  return arg == "-dumpmachine" || arg == "-dumpversion" || arg == "-dumpfullversion" || arg.starts_with("-print-");
}

// The target and the sysroot this gcc name stands for: the sysroot beside bin/, as the linker face
// finds it (choose_profile), or CLIFWRAP_SYSROOT.
struct CcTarget {
  std::string triple;
  std::string sysroot;
  std::string invoked_as;  // as run: its bin/ holds the directory's other tools
};

Result<CcTarget> cc_target(const std::string& invoked_as, const EnvLookup& env) {
  CcTarget target;
  target.triple = target_from_linker_name(file_name(invoked_as));
  target.invoked_as = invoked_as;
  if (target.triple.empty()) return fail("not a cross compiler's name", invoked_as, "run it as <gnu-target>-gcc");
  auto settings = load_settings(env, current_directory(), std::nullopt);
  if (!settings) return tl::unexpected(settings.error());
  ProfileQuestion question{"redox", settings->link_sysroot, target.triple, false, {invoked_as}};
  target.sysroot = choose_profile(question).sysroot;
  return target;
}

// `gcc -v` and `gcc --version` alone: what build systems log or parse (autoconf's "checking for C
// compiler version", a configure script's "is it GCC"). gcc's own shapes, gcc's version, and what
// this gcc really is in the parentheses where gcc names its package.
bool is_version_query(const std::vector<std::string>& args) {
  return args.size() == 1 && (args[0] == "-v" || args[0] == "--version");
}

void print_version(const std::string& query, const std::string& invoked_as, const CcTarget& target) {
  std::string package = std::string("clifwrap ") + CLIFWRAP_VERSION_STRING + ": clang 22 for C, lld 22 for links";
  if (query == "--version") {
    std::printf("%s (%s) %s\n", file_name(invoked_as).c_str(), package.c_str(), kRedoxGccVersion);
    return;
  }
  std::fprintf(stderr, "Using built-in specs.\nCOLLECT_GCC=%s\nTarget: %s\nThread model: posix\ngcc version %s (%s)\n",
               file_name(invoked_as).c_str(), target.triple.c_str(), kRedoxGccVersion, package.c_str());
}

// The answers a cross gcc gives without compiling anything.
std::optional<std::string> answer(const std::string& query, const CcTarget& target) {
  std::string lib = target.sysroot + "/lib";
  if (query == "-dumpmachine") return target.triple;
  if (query == "-dumpversion" || query == "-dumpfullversion") return kRedoxGccVersion;
  if (query == "-print-libgcc-file-name") return lib + "/libgcc.a";
  if (query == "-print-sysroot") return target.sysroot;
  if (query == "-print-search-dirs") return "install: " + lib + "/\nprograms: =" + parent_directory(lib) + "/bin\nlibraries: =" + lib + "/";
  if (query.starts_with("-print-file-name=")) {
    std::string name = query.substr(std::string_view("-print-file-name=").size());
    return is_regular_file(lib + "/" + name) ? lib + "/" + name : name;
  }
  if (query.starts_with("-print-prog-name=")) {
    // The tool this gcc would run: the directory's own <gnu-target>-NAME beside it (libtool asks
    // for ld, and a bare "ld" would be the build machine's).
    std::string name = query.substr(std::string_view("-print-prog-name=").size());
    std::string gcc = find_program(target.invoked_as);
    std::string beside = parent_directory(absolute_path(gcc.empty() ? target.invoked_as : gcc)) + "/" + target.triple + "-" + name;
    return is_regular_file(beside) ? beside : name;
  }
  return std::nullopt;
}

// clang-22 as Redox's gcc: the target (clang has no Redox OS: it predefines neither __redox__
// nor __unix__, and makes no PIC by default, while Redox programs are PIEs), the sysroot's headers.
Command clang_for(const CcTarget& target, const std::vector<std::string>& args) {
  Command clang;
  // A typedef repeated with the same type is C11 and a GNU extension before it: gcc says nothing
  // without -pedantic, clang warns (relibc's openlibm, -std=c99: 700 lines of it).
  clang.argv = {"clang-22", "--target=" + target.triple, "-D__redox__", "-D__unix__", "-fPIC", "-Wno-typedef-redefinition"};
  if (!target.sysroot.empty()) {
    clang.argv.push_back("--sysroot=" + target.sysroot);
    clang.argv.push_back("-isystem");
    clang.argv.push_back(target.sysroot + "/include");
  }
  if (has(args, "-pthread")) clang.argv.push_back("-D_REENTRANT");  // Redox gcc's CPP_SPEC
  if (has(args, "-posix")) clang.argv.push_back("-D_POSIX_SOURCE");
  for (const auto& arg : args)
    if (arg != "-posix") clang.argv.push_back(arg);
  return clang;
}

// A compile's option whose value is the next argument.
bool takes_separate_value(const std::string& arg) {
  for (const char* option : {"-D", "-U", "-I", "-include", "-isystem", "-iquote", "-idirafter", "-x", "-MF", "-MT", "-MQ"})
    if (arg == option) return true;
  return false;
}

// The families of options only a compile acts on (gcc's link ignores them): code generation,
// warnings, optimisation, debug info, the preprocessor, the language.
bool is_compile_family(const std::string& arg) {
  for (const char* family : {"-f", "-m", "-W", "-w", "-O", "-g", "-D", "-U", "-I", "-i", "-M", "-x", "-X", "-std=", "-ansi",
                             "-pedantic", "-pipe", "-posix", "-nostdinc", "-save-temps", "-v", "-P", "-C", "-H"})
    if (arg.starts_with(family)) return true;
  return false;
}

// A gcc line that compiles and links, split: the link gets what the linker face's table knows
// (linkplan/gcc_options.cpp) and the operands, each source replaced by its object; the compiles get
// the compile families (-O2, -g, -Wall, -D…, -std=…). -m32/-m64 go to both; -pthread is -lpthread
// to the link, as Redox gcc's LIB_SPEC says. Any other option goes to the link, which refuses what
// it does not know: an option such as -static-libgcc is not lost in silence.
struct SplitLine {
  std::vector<std::string> compile_options;
  std::vector<std::string> link_args;  // a source stays in place until its object is known
  std::vector<size_t> source_slots;    // where in link_args the sources are
};

SplitLine split_line(const std::vector<std::string>& args) {
  SplitLine line;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (is_source(arg)) {
      line.source_slots.push_back(line.link_args.size());
      line.link_args.push_back(arg);
    } else if (!arg.starts_with("-") || arg == "-") {
      line.link_args.push_back(arg);
    } else if (const GccOptionSpec* spec = find_gcc_option(arg); spec && spec->action != GccAction::CompileOnly) {
      line.link_args.push_back(arg);
      bool separate = arg == spec->spelling && (spec->arity == GccArity::Separate || spec->arity == GccArity::JoinedOrSeparate);
      if (separate && i + 1 < args.size()) line.link_args.push_back(args[++i]);
      if (arg == "-m32" || arg == "-m64") line.compile_options.push_back(arg);
    } else if (arg == "-pthread") {
      line.compile_options.push_back(arg);
      line.link_args.push_back("-lpthread");
    } else if (is_compile_family(arg)) {
      line.compile_options.push_back(arg);
      if (takes_separate_value(arg) && i + 1 < args.size()) line.compile_options.push_back(args[++i]);
    } else {
      line.link_args.push_back(arg);
    }
  }
  return line;
}

// A lone option neither gcc's link table nor a query knows: what compiler probes try (autoconf's
// `-V`, `-qversion`, `-version`; the cc crate's `-?`). gcc refuses them without linking anything.
bool is_stray_option(const std::vector<std::string>& args) {
  if (args.size() != 1 || args[0] == "--help" || args[0] == "-h") return false;  // the linker face's help
  return args[0].starts_with("-") && !is_query(args[0]) && find_gcc_option(args[0]) == nullptr;
}

}  // namespace

bool is_compiler_call(const std::vector<std::string>& args) {
  if (is_version_query(args) || is_stray_option(args)) return true;
  for (const auto& arg : args)
    if (is_source(arg) || is_cxx_source(arg) || arg == "-c" || arg == "-S" || arg == "-E" || is_query(arg)) return true;
  return false;
}

Result<CcOutcome> run_cc_face(const std::string& invoked_as, const std::vector<std::string>& args, const EnvLookup& env) {
  for (const auto& arg : args)
    if (is_cxx_source(arg))
      return fail("C++ is not compiled here: the toolchain directory has no C++ library for Redox", arg,
                  "build C++ recipes with the cookbook's own gcc toolchain");
  auto target = cc_target(invoked_as, env);
  if (!target) return tl::unexpected(target.error());

  CcOutcome outcome;
  if (is_version_query(args)) {
    print_version(args[0], invoked_as, *target);
    outcome.exit_code = 0;
    return outcome;
  }
  if (is_stray_option(args)) {
    std::fprintf(stderr, "%s: error: unrecognized command-line option '%s'\n%s: fatal error: no input files\n",
                 file_name(invoked_as).c_str(), args[0].c_str(), file_name(invoked_as).c_str());
    outcome.exit_code = 1;
    return outcome;
  }
  for (const auto& arg : args) {
    if (!is_query(arg)) continue;
    auto answered = answer(arg, *target);
    if (!answered) return fail("a question this gcc face does not answer", arg, "report it with the command line");
    std::printf("%s\n", answered->c_str());
    outcome.exit_code = 0;
    return outcome;
  }

  if (has(args, "-c") || has(args, "-S") || has(args, "-E")) {
    auto ran = run_program(clang_for(*target, args));
    if (!ran) return tl::unexpected(ran.error());
    outcome.exit_code = exit_code_of(ran->wait_status);
    return outcome;
  }

  // Compile and link: each source to an object of its own, then the link for the linker face.
  auto objects = TemporaryDirectory::create(current_directory(), ".clifwrap-cc-");
  if (!objects) return tl::unexpected(objects.error());
  SplitLine line = split_line(args);
  for (size_t slot : line.source_slots) {
    std::string& source = line.link_args[slot];
    std::string object = objects->path() + "/" + std::to_string(slot) + "-" + file_name(source) + ".o";
    std::vector<std::string> compile = line.compile_options;
    compile.insert(compile.end(), {"-c", source, "-o", object});
    auto ran = run_program(clang_for(*target, compile));
    if (!ran) return tl::unexpected(ran.error());
    if (int code = exit_code_of(ran->wait_status); code != 0) {
      outcome.exit_code = code;
      return outcome;
    }
    source = object;
  }
  outcome.link_args = std::move(line.link_args);
  outcome.objects.emplace(std::move(*objects));
  return outcome;
}

}  // namespace clifwrap
