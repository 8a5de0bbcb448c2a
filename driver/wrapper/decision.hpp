// What wrapper mode does with one rustc call, decided before anything runs. Two pure steps:
//   classify(): what the call is (probe, host or target unit) and the verdict with its reason;
//   plan_rewrite() (rewrite_plan.cpp): for a rewrite, the exact command, environment and dropped
//   flags, from rules that each edit one option.
// Between them the driver does the I/O (settings, rustc facts, backend lookup). `explain` prints
// the result; run_wrapper (wrapper_mode.cpp) executes it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/process.hpp"
#include "common/rustc_facts.hpp"
#include "crt/object_merge.hpp"
#include "driver/backend/backend.hpp"
#include "driver/config/config.hpp"
#include "driver/rustc/rustc_invocation.hpp"

namespace clifwrap {

enum class UnitKind { Target, Host, Probe };
enum class Verdict { Rewrite, PassThrough, NotCompilation };

// sccache puts every CARGO_* variable into its key; rustc ignores this one.
inline constexpr std::string_view kBackendKeyVariable = "CARGO_CLIFWRAP_BACKEND";

std::string_view to_string(UnitKind kind);
std::string_view to_string(Verdict verdict);

struct Classification {
  UnitKind kind = UnitKind::Target;
  Verdict verdict = Verdict::Rewrite;
  std::string reason;
};

// Probes and other calls that compile nothing: decided from the command line alone, so cargo's
// frequent `-vV` and `--print` probes never read a config file.
std::optional<Classification> classify_non_compilation(const RustcInvocation& inv);

// What a build script's probe of the toolchain looks like, decided before a config file is read:
// such calls run exactly as the user's rustc would run them, so that what a build script detects
// (autocfg's `cargo:rustc-cfg`, proc-macro2's nightly features) is the same with and without
// clifwrap. `in_build_script`: the environment is a running build script's (cargo sets
// CARGO_CFG_* for it, and CARGO_CRATE_NAME only for its own compiles).
std::optional<Classification> classify_build_script_probe(const RustcInvocation& inv, bool in_build_script);

// `cross_build_target`: set when the driver has found that this call, which has no --target, is
// a library for the host side of a cross build for that target (cross_build_of_host_library).
Classification classify(const RustcInvocation& inv, const Settings& settings,
                        const std::optional<std::string>& cross_build_target = std::nullopt);

// A call without --target is for the host. In a native build every unit is; in a cross build
// (cargo given --target) the host's units are build scripts, proc-macros and the libraries they
// use, and cargo puts them in `<target-dir>/<profile>/deps`, while the target's units go to
// `<target-dir>/<target>/<profile>/deps`, which cargo creates before compiling anything. So a
// call without --target whose out-dir is `<X>/<profile>/deps` belongs to a cross build when some
// `<X>/<T>/<profile>/deps` exists; returns that T. Reads the file system. A target directory
// shared by a native and a cross build makes the native build's units look like host units (they
// are then compiled as CLIFWRAP_HOST says); the log says which rule applied.
std::optional<std::string> cross_build_of_host_library(const RustcInvocation& inv);

struct DroppedFlag {
  std::string flag;  // as written, e.g. "-C lto=fat"
  std::string reason;
};

// What clifwrap finishes after rustc succeeds (crt/): cg_clif's split objects put together.
struct PostSteps {
  std::vector<std::string> fold_archives;    // staticlibs whose `.asm.o` members are folded
  std::optional<ObjectMerge> merge_objects;  // `--emit obj=PATH`
  std::optional<std::string> private_dir;    // made before rustc runs, removed after
  bool empty() const { return fold_archives.empty() && !merge_objects; }
};

// One change to the command line or rustc's environment, with its reason: what the log records
// and `explain` prints.
struct ArgChange {
  enum class Kind { Added, Dropped, Replaced, Environment };
  Kind kind;
  std::string before;  // the tokens as the call had them (empty for Added and Environment)
  std::string after;   // the new tokens (empty for Dropped); NAME=value for Environment
  std::string reason;
  std::string describe() const;  // "dropped `-C lto=fat`: LTO is not supported by Cranelift"
};

struct RustcPlan {
  std::vector<std::string> prefix;  // inner wrapper and rustc
  std::vector<std::string> args;    // rustc's arguments, rewritten
  std::vector<EnvChange> env;
  std::optional<Backend> backend;   // none for a probe: it only gets the derived spec
  std::optional<std::string> spec;  // the derived target spec passed as --target
  std::vector<DroppedFlag> dropped;    // flags cg_clif cannot take: each gets a warning
  std::vector<ArgChange> changes;      // every change, those above included
  bool fallback_to_llvm = false;
  bool embedded_link = false;                   // -C linker points at clifwrap-link
  std::optional<std::string> original_linker;  // the -C linker it replaced
  PostSteps post;

  std::vector<std::string> argv() const;
};

struct RewriteInputs {
  std::optional<Backend> backend;        // none: a probe
  std::optional<std::string> spec_path;  // replaces the --target value
  bool bootstrap_already_set = false;    // RUSTC_BOOTSTRAP=1 in the environment
  // clifwrap-link, when this unit links and CLIFWRAP_LINK=embedded: it replaces -C linker.
  std::optional<std::string> embedded_linker;
  // Names this process's private directory for `--emit obj` (a pid, so parallel rustc calls differ).
  std::string scratch_tag;
  // Where rustc writes an internal compiler error's report (RUSTC_ICE), unless the user chose: its
  // default, the working directory, is the toolchain's library source for -Zbuild-std crates.
  std::optional<std::string> ice_dir;
  // compiler_builtins gets its `mem` feature (memcpy, memset, memcmp, bcmp; weak, so a kernel's own
  // win): for a target without an OS, where Cranelift calls them for copies LLVM inlines.
  bool builtins_mem = false;
  // The target's spec says soft-float: clifwrap-link checks the output for FP/SIMD registers.
  bool soft_float_link = false;
  // The Cranelift backend's content hash, when an inner wrapper (sccache) caches the call: it goes
  // into a CARGO_ variable, which sccache hashes, so a rebuilt backend misses the cache.
  std::optional<std::string> backend_key;
};

// The name rustc gives this compile's files: -o's stem, else the crate name and -C extra-filename.
std::string output_stem(const RustcInvocation& inv);

// Where rustc writes this compile's dep-info: `--emit dep-info=PATH`, else `<stem>.d` beside its outputs.
std::string dep_info_path(const RustcInvocation& inv);

// Whether rustc runs a linker for this call: an executable, dylib, cdylib, proc-macro or test
// harness, with `link` among the emitted kinds (the default).
bool runs_linker(const RustcInvocation& inv);

// Everything but the backend choice is the same whichever backend runs: that is what lets LLVM
// stand in for Cranelift in the tests.
RustcPlan plan_rewrite(const std::string& rustc, const RustcInvocation& inv, const Settings& settings,
                       const RustcFacts& facts, const RewriteInputs& inputs);

// Whether the call compiles against std crates built by cargo's -Zbuild-std (visible in captured
// cargo calls: the std crates get -Zforce-unstable-if-unmarked, user crates `--extern noprelude:`).
bool uses_build_std(const RustcInvocation& inv);

// The same call rerun with LLVM after a Cranelift attempt failed on an unsupported feature.
RustcPlan fallback_plan(const RustcPlan& attempt);

// The command for a call passed through untouched (through the inner wrapper, if any).
Command passthrough_command(const std::string& rustc, const std::vector<std::string>& args, const Settings* settings);

}  // namespace clifwrap
