#include "crt/redox/sysroot_layout.hpp"

#include <unistd.h>

#include <filesystem>
#include <optional>

#include "common/files.hpp"
#include "common/process.hpp"
#include "common/strings.hpp"
#include "common/temporaries.hpp"
#include "crt/archive.hpp"
#include "crt/archive_fold.hpp"
#include "crt/object_merge.hpp"
#include "crt/redox/complex_multiply.hpp"
#include "crt/redox/redox_toolchain.hpp"
#include "crt/split_objects.hpp"
#include "crt/unwind_stubs.hpp"
#include "linkplan/sysroot_profile.hpp"

namespace clifwrap {
namespace {

std::optional<std::string> find_first(const std::vector<std::string>& dirs, const std::vector<std::string>& names) {
  for (const auto& dir : dirs)
    for (const auto& name : names)
      if (is_regular_file(dir + "/" + name)) return dir + "/" + name;
  return std::nullopt;
}

std::string join(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

// crtX.o from an object (copied) or from libcrtX.a (the crate's own members, merged in link order).
Result<std::string> make_crt_object(const std::string& source, const std::string& name, const std::string& destination) {
  if (!is_archive(source)) {
    if (auto copied = copy_file_atomically(source, destination); !copied) return tl::unexpected(copied.error());
    return source;
  }
  auto merged = merge_archive_members(source, [&](std::string_view member) { return belongs_to_crate(member, name); },
                                      destination);
  if (!merged) return tl::unexpected(merged.error());
  if (*merged == 0)
    return fail("the archive has no objects of the " + name + " crate", source, "is it relibc's lib" + name + ".a?");
  return std::to_string(*merged) + " objects of " + source + " (merged)";
}

// libgcc.a: what the cross gcc's -lgcc brings beyond compiler_builtins (a C program's complex
// arithmetic: __muldc3, __mulsc3, __divdc3; relibc's libc.so links with -lgcc for them). LLVM's
// compiler-rt builtins for the architecture, which Debian ships for the host's as a Linux archive:
// ELF objects of plain computation, the same for Redox. Else an empty archive, as before.
Result<SysrootEntry> write_libgcc(const SysrootRequest& request, const std::string& lib, const std::string& scratch) {
  std::string destination = lib + "/libgcc.a";
  std::string builtins;
  if (auto machine = machine_for_target(request.target)) {
    Command ask{{"clang-22", "--target=" + std::string(machine->arch) + "-unknown-linux-gnu", "--rtlib=compiler-rt",
                 "-print-libgcc-file-name"},
                {}};
    if (auto printed = capture_output(ask)) builtins = without_trailing_newlines(*printed);
  }
  if (!builtins.empty() && is_regular_file(builtins)) {
    if (auto copied = copy_file_atomically(builtins, destination); !copied) return tl::unexpected(copied.error());
    return SysrootEntry{"lib/libgcc.a", builtins + " (compiler-rt's builtins)"};
  }
  // Rust's runtime functions come from compiler_builtins; C's complex multiplication is all that
  // relibc's libc.so and C programs still need from libgcc.
  auto object = compile_complex_multiply(gnu_target_of(request.target), scratch);
  if (!object) return tl::unexpected(object.error());
  auto bytes = read_file(*object);
  if (!bytes) return tl::unexpected(bytes.error());
  if (auto written = write_archive(destination, {{"complex_multiply.o", *bytes}}); !written) return tl::unexpected(written.error());
  return SysrootEntry{"lib/libgcc.a", "C's complex multiplication (__mulsc3, __muldc3, __multc3) by clang-22: no "
                                      "compiler-rt builtins for this architecture here (libclang-rt-22-dev has the host's)"};
}

Result<void> write_unwind_stubs(const SysrootRequest& request, const std::string& lib, const std::string& scratch,
                                std::vector<SysrootEntry>& entries) {
  auto source = unwind_stubs_source(request.target);
  if (!source)
    return fail("no _Unwind_* stubs for this architecture", request.target, "add its row to crt/unwind_stubs.cpp");
  std::string rs = scratch + "/unwind_stubs.rs", object = scratch + "/unwind_stubs.o";
  if (auto w = write_file_atomically(rs, *source); !w) return w;
  // As cg_clif assembles global_asm!: rustc's LLVM backend on a #![no_core] crate.
  Command assemble{{request.rustc, "--target", request.target, "--crate-type", "staticlib", "--emit", "obj", "-o",
                    object, "-Cpanic=abort", "-Zcodegen-backend=llvm", rs},
                   {{"RUSTC_BOOTSTRAP", "1"}}};
  auto ran = capture_output(assemble);
  if (!ran) return fail("cannot assemble the unwind stubs: " + ran.error().message, request.rustc);
  auto bytes = read_file(object);
  if (!bytes) return tl::unexpected(bytes.error());
  for (const char* name : {"libunwind_stubs.a", "libgcc_eh.a"}) {
    if (auto written = write_archive(lib + "/" + name, {{"unwind_stubs.o", *bytes}}); !written) return written;
    entries.push_back({std::string("lib/") + name, "_Unwind_* stubs for " + request.target + ", assembled by " + request.rustc});
  }
  return {};
}

Result<void> copy_headers(const std::string& from, const std::string& to) {
  if (auto made = make_directories(to); !made) return made;
  std::error_code error;
  for (auto it = std::filesystem::recursive_directory_iterator(from, error);
       !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
    std::string relative = std::filesystem::relative(it->path(), from).string();
    std::string destination = to + "/" + relative;
    if (it->is_directory()) {
      if (auto made = make_directories(destination); !made) return made;
    } else if (it->is_regular_file()) {
      if (auto copied = copy_file_atomically(it->path().string(), destination); !copied) return copied;
    }
  }
  if (error) return fail("cannot read the headers: " + error.message(), from);
  return {};
}

}  // namespace

std::vector<std::string> relibc_search_dirs(const SysrootRequest& request) {
  const std::string& root = request.relibc;
  return {root, root + "/target/" + request.target + "/release", root + "/target/" + request.target + "/debug",
          root + "/target/release", root + "/target/debug"};
}

Result<RelibcBuild> find_relibc_build(const SysrootRequest& request) {
  if (!is_directory(request.relibc)) return fail("not a directory", request.relibc, "give relibc's source or build directory");
  std::vector<std::string> dirs = relibc_search_dirs(request);
  std::string build_hint = "build relibc first (make -C relibc); looked in " + join(dirs);
  RelibcBuild build;
  for (std::string name : {"crt0", "crti", "crtn"}) {
    auto source = find_first(dirs, {name + ".o", "lib" + name + ".a"});
    if (!source) return fail("no " + name + ".o or lib" + name + ".a in the relibc build", request.relibc, build_hint);
    build.crts.push_back({name, *source});
  }
  auto libc = find_first(dirs, {"libc.a", "librelibc.a"});
  if (!libc) return fail("no libc.a or librelibc.a in the relibc build", request.relibc, build_hint);
  build.libc = *libc;
  build.libc_so = find_first(dirs, {"libc.so"});  // optional: static links need only libc.a
  return build;
}

Result<std::vector<SysrootEntry>> lay_out_sysroot(const SysrootRequest& request) {
  // Everything is found before anything is written.
  auto found = find_relibc_build(request);
  if (!found) return tl::unexpected(found.error());
  const auto& [crts, libc, libc_so] = *found;

  std::string lib = request.out + "/lib";
  if (auto made = make_directories(lib); !made) return tl::unexpected(made.error());
  sweep_abandoned_temporaries(lib);
  auto scratch = TemporaryDirectory::create(lib, ".clifwrap-sysroot-");
  if (!scratch) return tl::unexpected(scratch.error());
  std::vector<SysrootEntry> entries;

  for (const auto& crt : crts) {
    auto from = make_crt_object(crt.path, crt.name, lib + "/" + crt.name + ".o");
    if (!from) return tl::unexpected(from.error());
    entries.push_back({"lib/" + crt.name + ".o", *from});
  }
  for (const char* alias : {"crt1.o", "Scrt1.o"}) {
    if (auto linked = symlink_atomically("crt0.o", lib + "/" + alias); !linked) return tl::unexpected(linked.error());
    entries.push_back({std::string("lib/") + alias, "-> crt0.o"});
  }

  if (auto copied = copy_file_atomically(libc, lib + "/libc.a"); !copied) return tl::unexpected(copied.error());
  auto folded = fold_asm_members(lib + "/libc.a");
  if (!folded) return tl::unexpected(folded.error());
  entries.push_back({"lib/libc.a", libc + (*folded ? " (" + std::to_string(*folded) + " .asm.o members folded)" : "")});

  // Dynamic links (the cookbook's -crt-static on x86_64 and aarch64): relibc's libc.so, under the
  // names it installs it (its Makefile's install-libs): libc.so.6, and the dynamic linker itself.
  if (libc_so) {
    if (auto copied = copy_file_atomically(*libc_so, lib + "/libc.so"); !copied) return tl::unexpected(copied.error());
    entries.push_back({"lib/libc.so", *libc_so});
    std::vector<std::string> aliases = {"libc.so.6"};
    if (auto machine = machine_for_target(request.target)) aliases.push_back(file_name(std::string(machine->redox_dynamic_linker)));
    for (const auto& alias : aliases) {
      if (auto linked = symlink_atomically("libc.so", lib + "/" + alias); !linked) return tl::unexpected(linked.error());
      entries.push_back({"lib/" + alias, "-> libc.so"});
    }
  }

  // libm too: relibc merges openlibm into libc.a and links it whole into libc.so (its Makefile);
  // the libm.a it installs is a second copy, which -lc answers for as well.
  for (const char* name : {"libpthread.a", "libdl.a", "librt.a", "libm.a"}) {
    if (auto written = write_file_atomically(lib + "/" + name, "!<arch>\n"); !written) return tl::unexpected(written.error());
    entries.push_back({std::string("lib/") + name, "empty: relibc has these functions in libc"});
  }
  // What the cross gcc's own directory would give: -lgcc (rustc's late link argument for Redox, and
  // every C link's) and -lgcc_s (std's unwinder in a dynamic link), here a linker script that takes
  // the static unwind stubs instead.
  auto libgcc = write_libgcc(request, lib, scratch->path());
  if (!libgcc) return tl::unexpected(libgcc.error());
  entries.push_back(*libgcc);
  if (auto written = write_file_atomically(lib + "/libgcc_s.so", "INPUT(-lunwind_stubs)\n"); !written)
    return tl::unexpected(written.error());
  entries.push_back({"lib/libgcc_s.so", "linker script: INPUT(-lunwind_stubs)"});
  if (auto stubs = write_unwind_stubs(request, lib, scratch->path(), entries); !stubs) return tl::unexpected(stubs.error());

  for (const auto& dir : {request.relibc + "/include", request.relibc + "/target/" + request.target + "/include"}) {
    if (!is_directory(dir)) continue;
    if (auto copied = copy_headers(dir, request.out + "/include"); !copied) return tl::unexpected(copied.error());
    entries.push_back({"include/", dir});
  }
  return entries;
}

}  // namespace clifwrap
