#include "crt/redox/redox_toolchain.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string_view>
#include <utility>

#include "common/files.hpp"
#include "common/process.hpp"
#include "targets/target_specs.hpp"

namespace clifwrap {
namespace {

namespace fs = std::filesystem;

// Hard links when the output is on the toolchain's filesystem: rustc finds its sysroot through the
// path of its own library, so links must not be symbolic, and a copy would cost 340 MB.
Result<void> link_tree(const std::string& from, const std::string& to) {
  std::error_code error;
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::copy_symlinks | fs::copy_options::create_hard_links,
           error);
  if (error == std::errc::cross_device_link) {
    fs::remove_all(to, error);
    fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::copy_symlinks, error);
  }
  if (error) return fail("cannot copy the toolchain: " + error.message(), from, "check the free space and permissions of " + to);
  return {};
}

// std for the target, built by cargo -Zbuild-std through this clifwrap: Cranelift compiles every
// crate it can, the log of the wrapper says which.
Result<std::vector<std::string>> build_std(const RedoxToolchainRequest& request, const std::string& cargo,
                                           const std::string& rustc, const std::string& scratch) {
  constexpr const char* probe = "clifwrap_std_probe";
  if (auto made = make_directories(scratch + "/src"); !made) return tl::unexpected(made.error());
  std::string manifest = scratch + "/Cargo.toml";
  if (auto w = write_file_atomically(manifest, std::string("[package]\nname = \"") + probe +
                                                   "\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n[workspace]\n");
      !w)
    return tl::unexpected(w.error());
  if (auto w = write_file_atomically(scratch + "/src/lib.rs", "// builds std, nothing else\n"); !w) return tl::unexpected(w.error());
  Command build{{cargo, "build", "--release", "-Zbuild-std=std,panic_abort", "--target", request.target, "--manifest-path",
                 manifest},
                {{"RUSTC", rustc}, {"RUSTC_WRAPPER", executable_path()}, {"RUSTC_BOOTSTRAP", "1"},
                 {"CARGO_TARGET_DIR", scratch + "/target"}, {"RUSTFLAGS", ""}}};
  std::fprintf(stderr, "clifwrap: building std for %s with Cranelift (cargo -Zbuild-std through clifwrap)\n",
               request.target.c_str());
  auto ran = run_program(build);
  if (!ran) return tl::unexpected(ran.error());
  if (int code = exit_code_of(ran->wait_status); code != 0)
    return fail("cargo could not build std for " + request.target + " (exit " + std::to_string(code) + ")",
                request.target, "its errors are above; `clifwrap doctor --rustc " + rustc + "` checks the toolchain");
  std::vector<std::string> rlibs;
  std::string deps = scratch + "/target/" + request.target + "/release/deps";
  for (const auto& name : list_directory(deps))
    if (name.ends_with(".rlib") && !name.starts_with(std::string("lib") + probe + "-")) rlibs.push_back(deps + "/" + name);
  if (rlibs.empty()) return fail("cargo built no std rlibs", deps);
  return rlibs;
}

// Each binutils name the directory gets, and the LLVM tool it is.
constexpr std::pair<std::string_view, std::string_view> kBinutils[] = {
    {"ar", "llvm-ar"},         {"gcc-ar", "llvm-ar"},         {"ranlib", "llvm-ranlib"},   {"gcc-ranlib", "llvm-ranlib"},
    {"nm", "llvm-nm"},         {"gcc-nm", "llvm-nm"},         {"objcopy", "llvm-objcopy"},
    {"objdump", "llvm-objdump"}, {"readelf", "llvm-readelf"}, {"size", "llvm-size"},       {"strings", "llvm-strings"},
    {"addr2line", "llvm-addr2line"}, {"c++filt", "llvm-cxxfilt"},
};

// The finished directory replaces `out`, whole: renamed into place, the old one removed after.
Result<void> commit(const std::string& staging, const std::string& out) {
  std::string old = out + ".clifwrap-old-" + std::to_string(::getpid());
  bool had_old = fs::exists(out);
  if (had_old && ::rename(out.c_str(), old.c_str()) != 0)
    return fail("cannot move the old directory aside: " + errno_text(), out);
  if (::rename(staging.c_str(), out.c_str()) != 0) {
    std::string reason = errno_text();
    if (had_old) ::rename(old.c_str(), out.c_str());  // the old one back where it was
    return fail("cannot rename the new toolchain into place: " + reason, out);
  }
  std::error_code error;
  if (had_old) fs::remove_all(old, error);
  return {};
}

}  // namespace

std::string gnu_target_of(const std::string& target) {
  if (target.starts_with("riscv64gc-")) return "riscv64" + target.substr(std::string("riscv64gc").size());
  return target;
}

// The cargo the directory gets as bin/cargo. rustup's proxy cannot be it: redoxer sets
// RUSTUP_TOOLCHAIN to the directory, so the proxy runs <dir>/bin/cargo, itself again ("infinite
// recursion detected"). A proxy is resolved to the cargo it stands for now.
Result<std::string> real_cargo() {
  std::string cargo = find_program("cargo");
  if (cargo.empty()) return fail("no cargo on PATH", "cargo", "install cargo (Debian: cargo-web), or put one on PATH");
  if (!is_rustup_proxy(cargo)) return cargo;
  auto which = capture_output({{parent_directory(cargo) + "/rustup", "which", "cargo"}, {}});
  std::string resolved = which ? which->substr(0, which->find('\n')) : "";
  if (resolved.empty() || is_rustup_proxy(resolved) || !is_regular_file(resolved))
    return fail("cargo on PATH is rustup's proxy, and `rustup which cargo` names no real cargo" +
                    (which ? std::string() : " (" + which.error().message + ")"),
                cargo,
                "put a toolchain's own cargo first on PATH (rustup's toolchains/<name>/bin, or Debian's cargo-web "
                "in /usr/bin); the directory's bin/cargo must not be the proxy, which would run itself");
  return resolved;
}

// The directory's cargo run as the cookbook runs it: its bin/ first on PATH, RUSTUP_TOOLCHAIN set
// to it (redoxer's environment).
Result<void> check_cargo_as_redoxer_runs_it(const std::string& dir) {
  Command version{{dir + "/bin/cargo", "-V"},
                  {{"RUSTUP_TOOLCHAIN", dir}, {"PATH", dir + "/bin", EnvChange::Mode::PrependPath}}};
  if (auto ran = capture_output(version); !ran)
    return fail("the directory's bin/cargo does not run with RUSTUP_TOOLCHAIN set to the directory: " + ran.error().message,
                dir + "/bin/cargo", "give clifwrap a real cargo first on PATH (not rustup's proxy)");
  return {};
}

Result<std::vector<SysrootEntry>> lay_out_redox_toolchain(const RedoxToolchainRequest& request) {
  if (!request.target.ends_with("-redox"))
    return fail("not a Redox target", request.target, "give x86_64-unknown-redox, aarch64-unknown-redox, ...");
  auto cargo_found = real_cargo();
  if (!cargo_found) return tl::unexpected(cargo_found.error());
  const std::string& cargo = *cargo_found;
  std::string gnu_target = gnu_target_of(request.target);
  SysrootRequest relibc{.relibc = request.relibc, .target = request.target, .out = {}, .rustc = request.rustc};
  if (auto found = find_relibc_build(relibc); !found) return tl::unexpected(found.error());  // before the long part
  auto sysroot = capture_output({{request.rustc, "--print", "sysroot"}, {}});
  if (!sysroot) return tl::unexpected(sysroot.error());
  std::string toolchain = sysroot->substr(0, sysroot->find_last_not_of("\n") + 1);

  std::string out = absolute_path(request.out);
  if (auto made = make_directories(parent_directory(out)); !made) return tl::unexpected(made.error());
  auto staging_dir = TemporaryDirectory::create(parent_directory(out), "." + file_name(out) + ".clifwrap-");
  if (!staging_dir) return tl::unexpected(staging_dir.error());
  std::string staging = staging_dir->path() + "/toolchain";
  std::vector<SysrootEntry> entries;

  if (auto linked = link_tree(toolchain, staging); !linked) return tl::unexpected(linked.error());
  entries.push_back({"bin/ lib/", toolchain + " (hard links)"});

  // By the original rustc, from its own library sources: their paths, which std's rlibs keep for
  // diagnostics, stay valid after the rename.
  auto rlibs = build_std(request, cargo, toolchain + "/bin/rustc", staging_dir->path() + "/std-build");
  if (!rlibs) return tl::unexpected(rlibs.error());
  std::string std_dir = staging + "/lib/rustlib/" + request.target + "/lib";
  if (auto made = make_directories(std_dir); !made) return tl::unexpected(made.error());
  for (const auto& rlib : *rlibs)
    if (auto copied = copy_file_atomically(rlib, std_dir + "/" + file_name(rlib)); !copied) return tl::unexpected(copied.error());
  entries.push_back({"lib/rustlib/" + request.target + "/lib/", std::to_string(rlibs->size()) + " std rlibs compiled by Cranelift"});
  if (auto marked = write_file_atomically(derived_std_marker(staging, request.target),
                                          "std here was built by clifwrap for the spec it derives for Cranelift\n");
      !marked)
    return tl::unexpected(marked.error());

  // bin/rustc is clifwrap's rustc face, the real rustc beside it: every call is rewritten without
  // RUSTC_WRAPPER, which the Redox build's SCCACHE_BUILD sets to sccache (docs/cookbook.md).
  if (::rename((staging + "/bin/rustc").c_str(), (staging + "/bin/rustc-real").c_str()) != 0)
    return fail("cannot rename bin/rustc to bin/rustc-real: " + errno_text(), staging + "/bin/rustc");
  if (auto linked = symlink_atomically(executable_path(), staging + "/bin/rustc"); !linked) return tl::unexpected(linked.error());
  entries.push_back({"bin/rustc", "-> " + executable_path() + " (the rustc face: rewrites each call for Cranelift)"});
  entries.push_back({"bin/rustc-real", toolchain + "/bin/rustc (hard link)"});
  for (const std::string& name : {gnu_target + "-gcc", gnu_target + "-cc"}) {
    if (auto linked = symlink_atomically(executable_path(), staging + "/bin/" + name); !linked) return tl::unexpected(linked.error());
    entries.push_back({"bin/" + name, "-> " + executable_path() + " (clifwrap-link)"});
  }
  // GNU binutils by their cross names: LLVM's own tools, which take GNU's options and pick their
  // mode from the name they run under (x86_64-unknown-redox-ranlib is llvm-ar as ranlib).
  for (const auto& [tool, llvm_tool] : kBinutils) {
    std::string from = std::string(CLIFWRAP_LLVM_TOOLS_DIR) + "/" + std::string(llvm_tool);
    if (!is_regular_file(from)) return fail("LLVM's " + std::string(llvm_tool) + " is missing", from, "install llvm-22 (scripts/setup.sh)");
    if (auto linked = symlink_atomically(from, staging + "/bin/" + gnu_target + "-" + std::string(tool)); !linked)
      return tl::unexpected(linked.error());
  }
  entries.push_back({"bin/" + gnu_target + "-{ar,ranlib,nm,objcopy,objdump,readelf,size,strings,addr2line,c++filt}",
                     "-> " + std::string(CLIFWRAP_LLVM_TOOLS_DIR) + "/llvm-*"});
  for (const auto& [tool, what] : {std::pair{"ld", "clifwrap-link, GNU ld lines"},
                                   std::pair{"strip", "llvm-strip, taking GNU strip's -v as the cook passes it"}}) {
    std::string name = gnu_target + "-" + tool;
    if (auto linked = symlink_atomically(executable_path(), staging + "/bin/" + name); !linked) return tl::unexpected(linked.error());
    entries.push_back({"bin/" + name, "-> " + executable_path() + " (" + what + ")"});
  }
  if (!fs::exists(staging + "/bin/cargo")) {
    if (auto linked = symlink_atomically(cargo, staging + "/bin/cargo"); !linked) return tl::unexpected(linked.error());
    entries.push_back({"bin/cargo", "-> " + cargo});
  }
  if (auto runs = check_cargo_as_redoxer_runs_it(staging); !runs) return tl::unexpected(runs.error());

  relibc.out = staging + "/" + gnu_target;
  relibc.rustc = staging + "/bin/rustc";
  auto relibc_entries = lay_out_sysroot(relibc);
  if (!relibc_entries) return tl::unexpected(relibc_entries.error());
  for (const auto& entry : *relibc_entries) entries.push_back({gnu_target + "/" + entry.path, entry.from});

  if (auto committed = commit(staging, out); !committed) return tl::unexpected(committed.error());
  for (auto& entry : entries)  // where they are now
    if (auto at = entry.from.find(staging); at != std::string::npos) entry.from.replace(at, staging.size(), out);
  return entries;
}

}  // namespace clifwrap
