// Golden tests of linker mode's planner: real command lines rustc 1.96 handed its linker
// (tests/data/link-1.96/*.args) must give the link gcc would have asked ld for
// (*.gcc: gcc -### on the same arguments, its collect2 line). Both lld argvs are read back by the same
// GNU ld parser and compared as plans: the same inputs in the same order with the same positional
// state, the same search path, options, kind, output, emulation and dynamic linker.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "common/files.hpp"
#include "linkplan/gcc_options.hpp"
#include "linkplan/ld_options.hpp"
#include "linkplan/link_planner.hpp"
#include "linkplan/lld_command.hpp"

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string s = "[";
    for (const auto& x : v) s += x + " ";
    return (s + "]").c_str();
  }
};
}  // namespace doctest

namespace clifwrap {
namespace {

// A captured command line, program name first.
std::vector<std::string> captured_argv(const std::string& name) {
  auto text = read_file(std::string(CLIFWRAP_TEST_DATA) + "/link-1.96/" + name);
  REQUIRE(text.has_value());
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text->size()) {
    size_t end = text->find('\n', start);
    lines.push_back(text->substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  REQUIRE(lines.size() > 1);
  return lines;
}

std::vector<std::string> captured_args(const std::string& name) {
  auto argv = captured_argv(name);
  return {argv.begin() + 1, argv.end()};
}

bool always(const std::string&) { return true; }

// The gnu profile of this machine kind, pinned to the gcc 12 directory the captures were made with.
SysrootProfile captured_gnu_profile() {
  auto profile = load_profile("gnu", "", "x86_64-unknown-linux-gnu");
  REQUIRE(profile.has_value());
  profile->crtbegin_dir = "/usr/lib/gcc/x86_64-linux-gnu/12";
  profile->library_dirs[0] = profile->crtbegin_dir;
  return *profile;
}

LinkPlan plan_of(const std::vector<std::string>& args, const SysrootProfile& profile = {}) {
  auto plan = plan_link(args, profile, always);
  REQUIRE(plan.has_value());
  return *plan;
}

// An lld (or collect2) argv read back as a GNU ld command line.
LinkPlan read_back(const std::vector<std::string>& ld_argv) {
  std::vector<std::string> args = {"-flavor", "gnu"};
  args.insert(args.end(), ld_argv.begin() + 1, ld_argv.end());
  return plan_of(args);
}

std::string normal(const std::string& path) {
  if (path.empty() || path[0] != '/') return path;
  std::string normalized = std::filesystem::path(path).lexically_normal().string();
  if (normalized.size() > 1 && normalized.back() == '/') normalized.pop_back();
  return normalized;
}

struct Comparable {
  LinkKind kind;
  std::string output;
  std::optional<std::string> emulation, dynamic_linker;
  std::vector<LinkInput> inputs;
  std::vector<std::string> search_paths;
  std::vector<std::vector<std::string>> options;  // sorted: their order does not matter to ld
  std::vector<std::string> unknown;
};

Comparable comparable(LinkPlan plan) {
  Comparable c{plan.kind, plan.output, plan.emulation, plan.dynamic_linker, {}, {}, plan.options, plan.unknown};
  for (auto input : plan.inputs) {
    input.value = normal(input.value);
    input.origin = LinkInput::Origin::CommandLine;
    c.inputs.push_back(input);
  }
  for (const auto& path : plan.search_paths)
    if (std::find(c.search_paths.begin(), c.search_paths.end(), normal(path)) == c.search_paths.end())
      c.search_paths.push_back(normal(path));
  std::sort(c.options.begin(), c.options.end());
  return c;
}

void check_same_link(const Comparable& ours, const Comparable& gcc) {
  CHECK(link_kind_name(ours.kind) == std::string(link_kind_name(gcc.kind)));
  CHECK(ours.output == gcc.output);
  CHECK(ours.emulation == gcc.emulation);
  CHECK(ours.dynamic_linker == gcc.dynamic_linker);
  CHECK(ours.search_paths == gcc.search_paths);
  CHECK(ours.options == gcc.options);
  CHECK(ours.unknown.empty());
  CHECK(gcc.unknown.empty());
  REQUIRE(ours.inputs.size() == gcc.inputs.size());
  for (size_t i = 0; i < ours.inputs.size(); ++i) {
    INFO("input " << i << ": " << ours.inputs[i].value << " vs " << gcc.inputs[i].value);
    CHECK(ours.inputs[i] == gcc.inputs[i]);
  }
}

std::vector<std::string> values(const LinkPlan& plan) {
  std::vector<std::string> out;
  for (const auto& input : plan.inputs) out.push_back(file_name(input.value));
  return out;
}

// The redox profile as load_profile gives it for a sysroot at /sysroot, without touching files.
SysrootProfile redox_at_sysroot() {
  SysrootProfile redox;
  redox.name = "redox";
  redox.root = "/sysroot";
  redox.start_style = SysrootProfile::StartFiles::Crt0;
  redox.crt_dir = redox.crtbegin_dir = "/sysroot/lib";
  redox.crtbegin_optional = true;
  return redox;
}

}  // namespace

TEST_CASE("the option tables are sorted and unique") {
  auto ld = ld_option_table();
  for (size_t i = 1; i < ld.size(); ++i) CHECK(ld[i - 1].name < ld[i].name);
  auto gcc = gcc_option_table();
  for (size_t i = 1; i < gcc.size(); ++i) CHECK(gcc[i - 1].spelling < gcc[i].spelling);
  CHECK(find_ld_option("gc-sections") != nullptr);
  CHECK(find_ld_option("frobnicate") == nullptr);
  CHECK(find_ld_option("fix-cortex-a53-843419")->action == LdAction::Pass);  // aarch64-unknown-none's links
  CHECK(find_gcc_option("-Wl,--as-needed")->action == GccAction::LinkerArgs);
  CHECK(find_gcc_option("-static-pie")->action == GccAction::StaticPie);
  CHECK(find_gcc_option("--static")->action == GccAction::Static);  // the cookbook's LDFLAGS
  CHECK(find_gcc_option("-static-libgcc") == nullptr);  // changes default libs: not silently ignored
}

TEST_CASE("rustc's gnu-cc link lines give the link gcc would have run") {
  const SysrootProfile gnu = captured_gnu_profile();
  struct Case {
    const char* name;
    LinkKind kind;
    std::vector<std::string> first_files, last_files;
  };
  const Case cases[] = {
      {"gnu-cc-pie", LinkKind::Pie, {"Scrt1.o", "crti.o", "crtbeginS.o"}, {"crtendS.o", "crtn.o"}},
      {"gnu-cc-no-pie", LinkKind::DynamicNoPie, {"crt1.o", "crti.o", "crtbegin.o"}, {"crtend.o", "crtn.o"}},
      {"gnu-cc-static-pie", LinkKind::StaticPie, {"rcrt1.o", "crti.o", "crtbeginS.o"}, {"crtendS.o", "crtn.o"}},
      {"gnu-cc-static", LinkKind::Static, {"crt1.o", "crti.o", "crtbeginT.o"}, {"crtend.o", "crtn.o"}},
      {"gnu-cc-cdylib", LinkKind::Shared, {"crti.o", "crtbeginS.o"}, {"crtendS.o", "crtn.o"}},
      {"gcc-plain-pie", LinkKind::Pie, {"Scrt1.o", "crti.o", "crtbeginS.o"}, {"crtendS.o", "crtn.o"}},
      {"gcc-plain-static", LinkKind::Static, {"crt1.o", "crti.o", "crtbeginT.o"}, {"crtend.o", "crtn.o"}},
  };
  for (const auto& c : cases) {
    SUBCASE(c.name) {
      LinkPlan plan = plan_of(captured_args(std::string(c.name) + ".args"), gnu);
      CHECK(plan.kind == c.kind);
      CHECK(plan.dialect == LinkDialect::GccDriver);
      auto files = values(plan);
      REQUIRE(files.size() > c.first_files.size() + c.last_files.size());
      CHECK(std::vector(files.begin(), files.begin() + c.first_files.size()) == c.first_files);
      CHECK(std::vector(files.end() - c.last_files.size(), files.end()) == c.last_files);

      auto lld = lld_arguments(plan, plan.output);
      check_same_link(comparable(read_back(lld)), comparable(read_back(captured_argv(std::string(c.name) + ".gcc"))));
    }
  }
}

TEST_CASE("the gcc-only switches rustc passes are dropped with a reason, each tested") {
  LinkPlan plan = plan_of({"-m64", "-B/usr/lib/rustlib/x86_64-unknown-linux-gnu/bin/gcc-ld", "-fuse-ld=lld", "a.o",
                           "-nodefaultlibs", "-o", "prog"});
  REQUIRE(plan.dropped.size() == 2);
  CHECK(plan.dropped[0].find("-B/usr/lib/rustlib") == 0);
  CHECK(plan.dropped[1].find("-fuse-ld=lld: ") == 0);
  CHECK(plan.emulation == "elf_x86_64");
  CHECK(plan.unknown.empty());
  CHECK(!plan.default_libs);
  CHECK(plan.start_files);
  LinkPlan translated = plan_of({"-rdynamic", "-s", "-e", "entry", "-Wl,-z,relro,-z,now", "-Xlinker", "--icf=all", "a.o"});
  CHECK(translated.options == std::vector<std::vector<std::string>>{
                                  {"--export-dynamic"}, {"-s"}, {"-e", "entry"}, {"-z", "relro"}, {"-z", "now"}, {"--icf=all"}});
}

TEST_CASE("gnu-lld: the x86_64-unknown-none line is linked as rustc wrote it") {
  auto args = captured_args("gnu-lld-none.args");
  LinkPlan plan = plan_of(args);
  CHECK(plan.dialect == LinkDialect::GnuLd);
  CHECK(plan.kind == LinkKind::Pie);
  CHECK(plan.unknown.empty());
  CHECK(plan.inputs.size() == 4);
  CHECK(plan.inputs[2].state.static_only);
  CHECK(plan.inputs[2].state.as_needed);
  CHECK(!plan.inputs[0].state.static_only);
  CHECK(!plan.dynamic_linker);
  auto lld = lld_arguments(plan, plan.output);
  CHECK(std::find(lld.begin(), lld.end(), "--gc-sections") != lld.end());
  CHECK(std::find(lld.begin(), lld.end(), "--strip-debug") != lld.end());
  std::vector<std::string> original = {"ld.lld"};
  original.insert(original.end(), args.begin() + 2, args.end());
  check_same_link(comparable(read_back(lld)), comparable(read_back(original)));
}

TEST_CASE("what the planner does not know is never linked silently") {
  CHECK(plan_of({"-c", "x.c"}).unknown == std::vector<std::string>{"-c"});
  CHECK(plan_of({"-fsanitize=address", "a.o"}).unknown == std::vector<std::string>{"-fsanitize=address"});
  CHECK(plan_of({"-static-libgcc", "a.o"}).unknown == std::vector<std::string>{"-static-libgcc"});
  CHECK(plan_of({"a.o", "-Wl,--frobnicate"}).unknown == std::vector<std::string>{"--frobnicate"});
  CHECK(plan_of({"-flavor", "gnu", "a.o", "--gc-sections=yes"}).unknown == std::vector<std::string>{"--gc-sections=yes"});
  CHECK(plan_of({"a.o", "-o"}).unknown == std::vector<std::string>{"-o (its value is missing)"});
  CHECK(plan_of({"-flavor", "gnu", "--end-group"}).unknown == std::vector<std::string>{"--end-group (no group is open)"});
  CHECK(plan_of({"-flavor", "gnu", "--pop-state"}).unknown == std::vector<std::string>{"--pop-state (no state was pushed)"});
  // found by fuzz_link_plan: `-l ""` would have been emitted as a bare -l eating the next argument
  CHECK(plan_of({"a.o", "-l", "", "-o", "p"}).unknown == std::vector<std::string>{"-l (an empty library name)"});
  CHECK(plan_of({"-L", "", "a.o"}).unknown == std::vector<std::string>{"-L (an empty directory)"});
}

TEST_CASE("GNU ld positional state: groups, push/pop, whole-archive, joined one-letter values") {
  LinkPlan plan = plan_of({"-flavor", "gnu", "-lc", "--push-state", "--as-needed", "-Bstatic", "--whole-archive",
                           "liba.a", "--pop-state", "--start-group", "-l", "x", "-(", "-lm", "--end-group", "-zrelro",
                           "-soname=libq.so", "--build-id", "-O1"});
  REQUIRE(plan.inputs.size() == 4);
  CHECK(plan.inputs[0] == LinkInput{LinkInput::Kind::Library, "c", {}});
  CHECK(plan.inputs[1].state == InputState{true, true, true, 0});
  CHECK(plan.inputs[2].state == InputState{false, false, false, 1});  // popped, then in the group
  CHECK(plan.inputs[3].state.group == 2);  // a nested group is reported, and numbered anew
  CHECK(plan.unknown == std::vector<std::string>{"-( (groups do not nest)"});
  CHECK(plan.options == std::vector<std::vector<std::string>>{{"-zrelro"}, {"-soname=libq.so"}, {"--build-id"}, {"-O1"}});
}

TEST_CASE("GNU ld: `=` splits long names only: a one-letter option joins everything after it") {
  LinkPlan plan = plan_of({"-flavor", "gnu", "-l=", "-L=/lib", "--library=m", "-library-path=/x", "a.o"});
  CHECK(plan.unknown.empty());
  REQUIRE(plan.inputs.size() == 3);
  CHECK(plan.inputs[0].value == "=");
  CHECK(plan.inputs[1].value == "m");
  CHECK(plan.search_paths == std::vector<std::string>{"=/lib", "/x"});
  // what lld is handed reads back as the same link
  auto lld = lld_arguments(plan, plan.output);
  CHECK(std::find(lld.begin(), lld.end(), "-l=") != lld.end());
}

TEST_CASE("a library lld would read as --library is passed to it as a separate value") {
  // gcc reads -library as the library "ibrary"; lld would take `-library` as --library <next>.
  LinkPlan plan = plan_of({"a.o", "-library", "-lm", "-o", "p"});
  REQUIRE(plan.inputs.size() == 3);
  CHECK(plan.inputs[1].value == "ibrary");
  auto lld = lld_arguments(plan, plan.output);
  auto at = std::find(lld.begin(), lld.end(), "ibrary");
  REQUIRE(at != lld.end());
  CHECK(*(at - 1) == "-l");
  CHECK(std::find(lld.begin(), lld.end(), "-lm") != lld.end());  // the usual spelling otherwise
}

TEST_CASE("profiles: missing start files are errors naming the file: redox needs a sysroot") {
  const SysrootProfile gnu = captured_gnu_profile();
  auto missing = plan_link({"a.o", "-o", "prog"}, gnu, [](const std::string& path) { return !path.ends_with("Scrt1.o"); });
  REQUIRE(!missing.has_value());
  CHECK(missing.error().subject.ends_with("/usr/lib/x86_64-linux-gnu/Scrt1.o"));
  CHECK(missing.error().message == "the gnu profile has no Scrt1.o");

  auto no_sysroot = load_profile("redox", "", "x86_64-unknown-redox");
  REQUIRE(!no_sysroot.has_value());
  CHECK(no_sysroot.error().hint.find("clifwrap sysroot") != std::string::npos);
  CHECK(!load_profile("musl", "", "x86_64-unknown-linux-gnu").has_value());
  CHECK(default_profile_for("x86_64-unknown-linux-gnu") == "gnu");
  CHECK(default_profile_for("x86_64-unknown-redox") == "redox");
  CHECK(default_profile_for("x86_64-unknown-none") == "none");

  // -nostartfiles: no crt files at all, even missing ones.
  auto bare = plan_link({"-nostartfiles", "-nodefaultlibs", "a.o"}, gnu, [](const std::string&) { return false; });
  REQUIRE(bare.has_value());
  CHECK(values(*bare) == std::vector<std::string>{"a.o"});
}

TEST_CASE("redox profile: crt0 first, crtbegin/crtend only when present, ld64.so.1") {
  SysrootProfile redox = redox_at_sysroot();
  redox.library_dirs = {"/sysroot/lib"};
  redox.dynamic_linker = "/lib/ld64.so.1";
  redox.default_libs_dynamic = redox.default_libs_static = {"-lc"};
  auto no_crtbegin = [](const std::string& path) { return path.find("crtbegin") == std::string::npos && path.find("crtend") == std::string::npos; };
  auto plan = plan_link({"main.o", "-nodefaultlibs", "-lc", "-o", "prog"}, redox, no_crtbegin);
  REQUIRE(plan.has_value());
  CHECK(values(*plan) == std::vector<std::string>{"crt0.o", "crti.o", "main.o", "c", "crtn.o"});
  CHECK(plan->dynamic_linker == "/lib/ld64.so.1");
  auto static_plan = plan_link({"-static", "main.o", "-o", "prog"}, redox, always);
  REQUIRE(static_plan.has_value());
  CHECK(values(*static_plan) == std::vector<std::string>{"crt0.o", "crti.o", "crtbeginT.o", "main.o", "c", "crtend.o", "crtn.o"});
  CHECK(!static_plan->dynamic_linker);
}

TEST_CASE("redox profile: a dynamic link without relibc's libc.so is an error naming it; a static one needs none") {
  SysrootProfile redox = redox_at_sysroot();
  auto without_libc_so = [](const std::string& path) { return !path.ends_with("/libc.so"); };
  auto pie = plan_link({"-pie", "main.o", "-nodefaultlibs", "-lc", "-o", "prog"}, redox, without_libc_so);
  REQUIRE_FALSE(pie.has_value());
  CHECK(pie.error().message == "relibc's libc.so is missing: a dynamic link needs it");
  CHECK(pie.error().subject == "/sysroot/lib");
  CHECK(plan_link({"-static", "main.o", "-o", "prog"}, redox, without_libc_so).has_value());
  CHECK(plan_link({"-nostdlib", "-shared", "lib.o", "-o", "lib.so"}, redox, without_libc_so).has_value());
}

TEST_CASE("redox profile: the interpreter relibc installs for each architecture, in a PIE link") {
  std::string sysroot = std::filesystem::temp_directory_path() / ("clifwrap-redox-" + std::to_string(getpid()));
  std::filesystem::create_directories(sysroot + "/lib");
  for (auto [triple, interpreter] : {std::pair{"x86_64-unknown-redox", "/lib/ld64.so.1"},
                                     std::pair{"aarch64-unknown-redox", "/lib/ld.so.1"},
                                     std::pair{"riscv64gc-unknown-redox", "/lib/ld.so.1"}}) {
    CAPTURE(triple);
    auto profile = load_profile("redox", sysroot, triple);
    REQUIRE(profile.has_value());
    CHECK(profile->dynamic_linker == interpreter);
    auto pie = plan_link({"-pie", "main.o", "-lc", "-o", "prog"}, *profile, always);
    REQUIRE(pie.has_value());
    CHECK(pie->kind == LinkKind::Pie);
    CHECK(pie->dynamic_linker == interpreter);
    CHECK(values(*pie) == std::vector<std::string>{"crt0.o", "crti.o", "crtbeginS.o", "main.o", "c", "gcc", "c",
                                                         "gcc", "crtendS.o", "crtn.o"});
  }
  std::filesystem::remove_all(sysroot);
}

TEST_CASE("response files: gcc's quoting, nesting, and clear errors") {
  CHECK(split_response_text("a 'b c' \"d\\\"e\" f\\ g\n\n  h") == std::vector<std::string>{"a", "b c", "d\"e", "f g", "h"});
  CHECK(split_response_text("''") == std::vector<std::string>{""});
  std::string dir = std::filesystem::temp_directory_path() / ("clifwrap-rsp-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  REQUIRE(write_file_atomically(dir + "/inner", "-lm 'x y.o'").has_value());
  REQUIRE(write_file_atomically(dir + "/outer", "a.o @" + dir + "/inner").has_value());
  REQUIRE(write_file_atomically(dir + "/loop", "@" + dir + "/loop").has_value());
  auto expanded = expand_response_files({"-o", "p", "@" + dir + "/outer"});
  REQUIRE(expanded.has_value());
  CHECK(*expanded == std::vector<std::string>{"-o", "p", "a.o", "-lm", "x y.o"});
  auto missing = expand_response_files({"@" + dir + "/absent"});
  REQUIRE(!missing.has_value());
  CHECK(missing.error().subject == dir + "/absent");
  auto looping = expand_response_files({"@" + dir + "/loop"});
  REQUIRE(!looping.has_value());
  CHECK(looping.error().message.find("nest") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a Makefile's link line: $(CC) $(CFLAGS) -o prog main.o; the compile options are dropped, not unknown") {
  auto plan = plan_link({"-O2", "-Wall", "-g", "-std=c99", "-D", "X=1", "-fPIC", "main.o", "-Wl,-z,now", "-o", "prog"},
                        SysrootProfile{}, always);
  REQUIRE(plan.has_value());
  CHECK(plan->unknown.empty());
  CHECK(plan->dropped.size() == 6);
  CHECK(plan->dropped.front() == "-O2: a compile option, which gcc ignores on a link line");
  CHECK(values(*plan) == std::vector<std::string>{"main.o"});
}

}  // namespace clifwrap
