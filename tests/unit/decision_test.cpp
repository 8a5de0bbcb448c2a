#include <doctest/doctest.h>

#include <algorithm>

#include "driver/wrapper/decision.hpp"
#include "fixtures.hpp"

using namespace clifwrap;
using clifwrap::test::captured;

namespace {

RustcFacts debian_facts() {
  RustcFacts facts;
  facts.rustc = "rustc";
  facts.release = "1.96.0";
  facts.host = "x86_64-unknown-linux-gnu";
  facts.sysroot = "/usr";
  return facts;
}

const Backend kStandIn = llvm_backend(Backend::Kind::LlvmStandIn);

RewriteInputs with(const Backend& backend, bool bootstrap_set = false) {
  RewriteInputs inputs;
  inputs.backend = backend;
  inputs.bootstrap_already_set = bootstrap_set;
  return inputs;
}

bool contains(const std::vector<std::string>& args, const std::string& arg) {
  return std::find(args.begin(), args.end(), arg) != args.end();
}

}  // namespace

TEST_CASE("classification of every captured cargo call") {
  Settings settings;
  struct Case {
    const char* fixture;
    UnitKind kind;
    Verdict verdict;
  };
  const Case cases[] = {
      {"probe-version", UnitKind::Probe, Verdict::NotCompilation},
      {"probe-file-names", UnitKind::Probe, Verdict::NotCompilation},
      {"probe-file-names-target", UnitKind::Probe, Verdict::NotCompilation},
      {"probe-target-spec-json", UnitKind::Probe, Verdict::NotCompilation},
      {"build-script", UnitKind::Host, Verdict::PassThrough},
      {"build-std-build-script", UnitKind::Host, Verdict::PassThrough},
      {"proc-macro", UnitKind::Host, Verdict::PassThrough},
      {"test-proc-macro", UnitKind::Target, Verdict::Rewrite},
      {"lib", UnitKind::Target, Verdict::Rewrite},
      {"lib-registry-itoa", UnitKind::Target, Verdict::Rewrite},
      {"bin", UnitKind::Target, Verdict::Rewrite},
      {"test-lib", UnitKind::Target, Verdict::Rewrite},
      {"test-bin", UnitKind::Target, Verdict::Rewrite},
      {"build-std-core", UnitKind::Target, Verdict::Rewrite},
      {"build-std-compiler-builtins", UnitKind::Target, Verdict::Rewrite},
      {"bin-no-std-lto", UnitKind::Target, Verdict::Rewrite},
      {"staticlib-emit-link-relibc", UnitKind::Target, Verdict::Rewrite},
  };
  for (const auto& c : cases) {
    INFO(c.fixture);
    auto result = classify(captured(c.fixture), settings);
    CHECK(result.kind == c.kind);
    CHECK(result.verdict == c.verdict);
    CHECK_FALSE(result.reason.empty());
  }
}

TEST_CASE("build scripts' probes, captured from num-traits, rustix and proc-macro2, pass through untouched") {
  struct Case {
    const char* fixture;
    bool in_build_script;
    const char* reason;
  };
  const Case cases[] = {
      {"probe-autocfg", false, "LLVM IR"},         // --emit=llvm-ir, source on stdin, --target
      {"probe-rustix-stdin", false, "stdin"},      // --emit=metadata -o …, source on stdin
      {"probe-proc-macro2", true, "build script"},  // a file of its own, run from the build script
  };
  for (const auto& c : cases) {
    INFO(c.fixture);
    auto result = classify_build_script_probe(captured(c.fixture), c.in_build_script);
    REQUIRE(result.has_value());
    CHECK(result->kind == UnitKind::Probe);
    CHECK(result->verdict == Verdict::PassThrough);
    CHECK(result->reason.find(c.reason) != std::string::npos);
  }
  // proc-macro2's probe looks like a crate of its own: only the environment tells.
  CHECK_FALSE(classify_build_script_probe(captured("probe-proc-macro2"), false).has_value());
}

TEST_CASE("cargo's own compiles are never build-script probes, even from a build script's environment") {
  // A cargo run inside a build script (nested builds) gives its compiles CARGO_CRATE_NAME, which
  // the driver reads as "not in a build script"; the command lines alone must not look like probes.
  for (const char* fixture : {"lib", "bin", "build-script", "proc-macro", "build-std-core", "staticlib-emit-link-relibc"}) {
    INFO(fixture);
    CHECK_FALSE(classify_build_script_probe(captured(fixture), false).has_value());
  }
}

TEST_CASE("host units use the backend when CLIFWRAP_HOST=backend") {
  Settings settings;
  settings.host = "backend";
  auto result = classify(captured("proc-macro"), settings);
  CHECK(result.kind == UnitKind::Host);
  CHECK(result.verdict == Verdict::Rewrite);
}

TEST_CASE("a call that already picks a backend, or that clifwrap cannot parse, passes through") {
  Settings settings;
  auto chosen = parse_rustc_args({"--crate-name", "x", "-Zcodegen-backend=cranelift", "x.rs"});
  CHECK(classify(chosen, settings).verdict == Verdict::PassThrough);
  auto broken = parse_rustc_args({"x.rs", "--crate-name"});
  CHECK(classify(broken, settings).verdict == Verdict::PassThrough);
}

TEST_CASE("--print native-static-libs does not make a staticlib compile a probe") {
  auto inv = parse_rustc_args({"--crate-type", "staticlib", "--print=native-static-libs", "lib.rs"});
  CHECK(classify(inv, Settings{}).verdict == Verdict::Rewrite);
}

TEST_CASE("sccache's calls through a toolchain directory's rustc face: its rustup question and dep-info passes are probes") {
  // sccache 0.16 asks `rustc +stable` from / before anything else: no file, no compile
  auto rustup_question = classify(parse_rustc_args({"+stable"}), Settings{});
  CHECK(rustup_question.kind == UnitKind::Probe);
  CHECK(rustup_question.verdict == Verdict::NotCompilation);
  // and `rustc -Z ls=root x.rlib`, to read a library's dependencies
  auto listing = classify(parse_rustc_args({"-Z", "ls=root", "/tmp/sccache-rlibreaderX/x.rlib"}), Settings{});
  CHECK(listing.kind == UnitKind::Probe);
  CHECK(listing.verdict == Verdict::NotCompilation);
  // its pass for the sources to hash: rewritten as the compile is (the crates it loads must
  // match), logged as a probe
  auto dep_info = classify(parse_rustc_args({"--crate-name", "itoa", "--crate-type", "lib", "--emit", "dep-info", "-o",
                                             "/tmp/sccacheX/deps.d", "--target", "x86_64-unknown-redox", "src/lib.rs"}),
                           Settings{});
  CHECK(dep_info.kind == UnitKind::Probe);
  CHECK(dep_info.verdict == Verdict::Rewrite);
  CHECK(dep_info.reason.starts_with("dep-info only"));
  auto compile = classify(parse_rustc_args({"--crate-name", "itoa", "--crate-type", "lib", "--emit=dep-info,metadata,link",
                                            "--target", "x86_64-unknown-redox", "src/lib.rs"}),
                          Settings{});
  CHECK(compile.kind == UnitKind::Target);
}

TEST_CASE("rewrite: backend injected, LTO dropped, RUSTC_BOOTSTRAP for a release rustc") {
  auto inv = captured("bin-no-std-lto");
  auto plan = plan_rewrite("rustc", inv, Settings{}, debian_facts(), with(kStandIn));
  CHECK(plan.args.back() == "-Zcodegen-backend=llvm");
  REQUIRE(plan.dropped.size() == 1);
  CHECK(plan.dropped[0].flag == "-C lto");
  CHECK_FALSE(contains(plan.args, "lto"));
  CHECK(plan.args.size() == inv.args.size() - 2 + 1);
  REQUIRE(plan.env.size() == 1);
  CHECK(plan.env[0].name == "RUSTC_BOOTSTRAP");
  CHECK(plan.fallback_to_llvm);
  CHECK(plan.prefix == std::vector<std::string>{"rustc"});
}

TEST_CASE("rewrite of build-std's core drops -C linker-plugin-lto and keeps everything else in order") {
  auto inv = captured("build-std-core");
  auto plan = plan_rewrite("rustc", inv, Settings{}, debian_facts(), with(kStandIn, true));
  CHECK(plan.env.empty());
  // tests/data/cargo-1.96/build-std-core.args as written, without its `-C linker-plugin-lto`.
  const std::vector<std::string> expected{
      "--crate-name",
      "core",
      "--edition=2024",
      "/usr/lib/rustlib/src/rust/library/core/src/lib.rs",
      "--error-format=json",
      "--json=diagnostic-rendered-ansi,artifacts,future-incompat",
      "--crate-type",
      "lib",
      "--emit=dep-info,metadata,link",
      "-C",
      "opt-level=3",
      "-C",
      "panic=abort",
      "--warn=unexpected_cfgs",
      "--check-cfg",
      "cfg(no_fp_fmt_parse)",
      "--check-cfg",
      "cfg(feature, values(any()))",
      "--check-cfg",
      "cfg(target_has_reliable_f16)",
      "--check-cfg",
      "cfg(target_has_reliable_f16_math)",
      "--check-cfg",
      "cfg(target_has_reliable_f128)",
      "--check-cfg",
      "cfg(target_has_reliable_f128_math)",
      "--check-cfg",
      "cfg(llvm_enzyme)",
      "--check-cfg",
      "cfg(docsrs,test)",
      "--check-cfg",
      "cfg(feature, values(\"debug_refcell\", \"llvm_enzyme\", \"optimize_for_size\", \"panic_immediate_abort\"))",
      "-C",
      "metadata=5f1522efee9d5ed1",
      "-C",
      "extra-filename=-03d5a4c8db0d8737",
      "--out-dir",
      "/src/bare/target/x86_64-unknown-none/release/deps",
      "--target",
      "x86_64-unknown-none",
      "-C",
      "strip=debuginfo",
      "-Z",
      "force-unstable-if-unmarked",
      "-L",
      "dependency=/src/bare/target/x86_64-unknown-none/release/deps",
      "-L",
      "dependency=/src/bare/target/release/deps",
      "--cap-lints",
      "allow",
      "-Zcodegen-backend=llvm"};
  CHECK(plan.args == expected);
}

TEST_CASE("relibc's librelibc.a by --emit link=PATH: the archive folded is the one at PATH") {
  // captured from the relibc recipe's line replayed through cargo (real_cookbook)
  auto plan = plan_rewrite("rustc", captured("staticlib-emit-link-relibc"), Settings{}, debian_facts(), with(kStandIn));
  CHECK(plan.post.fold_archives ==
        std::vector<std::string>{"/src/relibc/target/x86_64-unknown-redox/release/librelibc.a"});
  CHECK_FALSE(plan.post.merge_objects);
}

TEST_CASE("a crate on LLVM keeps its flags and has no fallback: the inner wrapper comes first") {
  Settings settings;
  settings.wrapper = "sccache";
  auto plan = plan_rewrite("/usr/bin/rustc", captured("bin-no-std-lto"), settings, debian_facts(), with(llvm_backend()));
  CHECK(plan.dropped.empty());
  CHECK_FALSE(plan.fallback_to_llvm);
  CHECK(plan.prefix == std::vector<std::string>{"sccache", "/usr/bin/rustc"});
}

TEST_CASE("a self-built dylib goes on LD_LIBRARY_PATH: the fallback swaps only the backend") {
  Backend dylib;
  dylib.codegen_backend = "/cg/librustc_codegen_cranelift.so";
  dylib.library_dir = "/toolchain/lib";
  RustcFacts nightly = debian_facts();
  nightly.is_nightly = true;
  auto plan = plan_rewrite("rustc", captured("lib"), Settings{}, nightly, with(dylib));
  REQUIRE(plan.env.size() == 1);
  CHECK(plan.env[0].name == "LD_LIBRARY_PATH");
  CHECK(plan.env[0].mode == EnvChange::Mode::PrependPath);
  CHECK(plan.args.back() == "-Zcodegen-backend=/cg/librustc_codegen_cranelift.so");
  auto rerun = fallback_plan(plan);
  CHECK(rerun.args.back() == "-Zcodegen-backend=llvm");
  CHECK(std::equal(plan.args.begin(), plan.args.end() - 1, rerun.args.begin()));
  CHECK_FALSE(rerun.fallback_to_llvm);
}

TEST_CASE("CLIFWRAP_FALLBACK=off: no rerun") {
  Settings settings;
  settings.fallback = "off";
  CHECK_FALSE(plan_rewrite("rustc", captured("lib"), settings, debian_facts(), with(kStandIn)).fallback_to_llvm);
}

TEST_CASE("a derived spec replaces --target, separate or joined, and brings -Zunstable-options") {
  RewriteInputs inputs = with(kStandIn, true);
  inputs.spec_path = "/cache/specs/0123/aarch64-unknown-none.json";
  auto inv = captured("build-std-core");
  auto plan = plan_rewrite("rustc", inv, Settings{}, debian_facts(), inputs);
  auto at = std::find(plan.args.begin(), plan.args.end(), "--target");
  REQUIRE(at != plan.args.end());
  CHECK(*(at + 1) == "/cache/specs/0123/aarch64-unknown-none.json");
  CHECK_FALSE(contains(plan.args, "x86_64-unknown-none"));
  CHECK(contains(plan.args, "-Zunstable-options"));
  CHECK(plan.spec == inputs.spec_path);

  auto joined = plan_rewrite("rustc", parse_rustc_args({"--target=aarch64-unknown-none", "-Zunstable-options", "x.rs"}),
                             Settings{}, debian_facts(), inputs);
  CHECK(joined.args == std::vector<std::string>{"--target=/cache/specs/0123/aarch64-unknown-none.json",
                                                "-Zunstable-options", "x.rs", "-Zcodegen-backend=llvm"});
}

TEST_CASE("a probe gets the derived spec and no backend") {
  RewriteInputs inputs;
  inputs.spec_path = "/cache/d/aarch64-unknown-none.json";
  auto plan = plan_rewrite("rustc", captured("probe-file-names-target"), Settings{}, debian_facts(), inputs);
  CHECK_FALSE(plan.backend.has_value());
  CHECK_FALSE(plan.fallback_to_llvm);
  CHECK(contains(plan.args, "/cache/d/aarch64-unknown-none.json"));
  CHECK(plan.args.back() == "-Zunstable-options");
  REQUIRE(plan.env.size() == 1);
  CHECK(plan.env[0].name == "RUSTC_BOOTSTRAP");
}

TEST_CASE("-Zbuild-std is visible in the std crates' and the user crates' calls, and only there") {
  CHECK(uses_build_std(captured("build-std-core")));
  CHECK(uses_build_std(captured("build-std-compiler-builtins")));
  CHECK(uses_build_std(captured("bin-no-std-lto")));
  CHECK_FALSE(uses_build_std(captured("bin")));
  CHECK_FALSE(uses_build_std(captured("lib-registry-itoa")));
}

TEST_CASE("compiler_builtins for a target without an OS gets its mem functions, once") {
  auto inputs = with(kStandIn, true);
  inputs.builtins_mem = true;
  // Captured for x86_64-unknown-none, whose `-none` made the build script turn `mem` on already.
  auto plan = plan_rewrite("rustc", captured("build-std-compiler-builtins"), Settings{}, debian_facts(), inputs);
  CHECK_FALSE(contains(plan.args, "--cfg=feature=\"mem\""));
  auto json_target = captured("build-std-compiler-builtins");  // a kernel's JSON spec: no `-none` in its name
  std::erase(json_target.cfgs, "feature=\"mem\"");
  plan = plan_rewrite("rustc", json_target, Settings{}, debian_facts(), inputs);
  CHECK(contains(plan.args, "--cfg=feature=\"mem\""));
}

TEST_CASE("the backend's content reaches an inner wrapper's key through a CARGO_ variable, and only then") {
  auto inputs = with(kStandIn, true);
  auto plan = plan_rewrite("rustc", captured("lib"), Settings{}, debian_facts(), inputs);
  CHECK(std::none_of(plan.env.begin(), plan.env.end(), [](const EnvChange& e) { return e.name == kBackendKeyVariable; }));
  inputs.backend_key = "0123456789abcdef-1000";
  plan = plan_rewrite("rustc", captured("lib"), Settings{}, debian_facts(), inputs);
  auto key = std::find_if(plan.env.begin(), plan.env.end(), [](const EnvChange& e) { return e.name == kBackendKeyVariable; });
  REQUIRE(key != plan.env.end());
  CHECK(key->value == "0123456789abcdef-1000");
  CHECK(std::string(kBackendKeyVariable).starts_with("CARGO_"));
}

TEST_CASE("panic_abort under -Zbuild-std is built with -Cpanic=abort, as library/Cargo.toml builds it") {
  // build-std-core's line as cargo gives it for panic_abort under an unwinding profile.
  std::vector<std::string> args = test::captured_args("build-std-core");
  std::replace(args.begin(), args.end(), std::string("core"), std::string("panic_abort"));
  std::replace(args.begin(), args.end(), std::string("panic=abort"), std::string("panic=unwind"));
  auto plan = plan_rewrite("rustc", parse_rustc_args(args), Settings{}, debian_facts(), with(kStandIn, true));
  CHECK(contains(plan.args, "-Cpanic=abort"));
  // Already abort (a `panic = "abort"` profile): nothing added; another std crate: nothing added.
  auto abort_profile = plan_rewrite("rustc", parse_rustc_args(test::captured_args("build-std-core")), Settings{}, debian_facts(),
                                    with(kStandIn, true));
  CHECK_FALSE(contains(abort_profile.args, "-Cpanic=abort"));
  std::replace(args.begin(), args.end(), std::string("panic_abort"), std::string("alloc"));
  CHECK_FALSE(contains(plan_rewrite("rustc", parse_rustc_args(args), Settings{}, debian_facts(), with(kStandIn, true))
                           .args,
                       "-Cpanic=abort"));
}
