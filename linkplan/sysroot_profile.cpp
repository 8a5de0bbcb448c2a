#include "linkplan/sysroot_profile.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>

#include "common/files.hpp"
#include "common/process.hpp"
#include "linkplan/linker_handoff.hpp"

namespace clifwrap {
namespace {

struct MachineRow {
  std::string_view prefix;  // the triple's architecture component
  MachineInfo info;
};

constexpr std::array kMachines = {
    MachineRow{"aarch64", {"aarch64", "aarch64-linux-gnu", "aarch64linux", "/lib/ld-linux-aarch64.so.1", "/lib/ld.so.1"}},
    MachineRow{"i586", {"i586", "i386-linux-gnu", "elf_i386", "/lib/ld-linux.so.2", "/lib/ld.so.1"}},
    MachineRow{"i686", {"i686", "i386-linux-gnu", "elf_i386", "/lib/ld-linux.so.2", "/lib/ld.so.1"}},
    MachineRow{"riscv64", {"riscv64", "riscv64-linux-gnu", "elf64lriscv", "/lib/ld-linux-riscv64-lp64d.so.1", "/lib/ld.so.1"}},
    MachineRow{"riscv64gc", {"riscv64", "riscv64-linux-gnu", "elf64lriscv", "/lib/ld-linux-riscv64-lp64d.so.1", "/lib/ld.so.1"}},
    MachineRow{"x86_64", {"x86_64", "x86_64-linux-gnu", "elf_x86_64", "/lib64/ld-linux-x86-64.so.2", "/lib/ld64.so.1"}},
};

std::string join_path(const std::string& dir, std::string_view name) {
  if (dir.empty() || dir.back() == '/') return dir + std::string(name);
  return dir + "/" + std::string(name);
}

// Debian puts gcc's crtbegin*.o in /usr/lib/gcc/<multiarch>/<major>; the newest that has them wins.
std::optional<std::string> find_gcc_runtime_dir(const std::string& base) {
  std::optional<std::string> best;
  long best_version = -1;
  for (const auto& name : list_directory(base)) {
    std::string candidate = join_path(base, name);
    if (!is_regular_file(join_path(candidate, "crtbeginS.o"))) continue;
    long version = std::strtol(name.c_str(), nullptr, 10);
    if (version > best_version) best_version = version, best = candidate;
  }
  return best;
}

Result<SysrootProfile> load_gnu(const std::string& sysroot, const MachineInfo& machine) {
  std::string root = sysroot.empty() ? "/" : sysroot;
  SysrootProfile profile;
  profile.name = "gnu";
  profile.root = root;
  profile.crt_dir = join_path(root, "usr/lib/" + std::string(machine.multiarch));
  std::string gcc_base = join_path(root, "usr/lib/gcc/" + std::string(machine.multiarch));
  auto gcc_dir = find_gcc_runtime_dir(gcc_base);
  if (!gcc_dir)
    return fail("no gcc runtime files (crtbeginS.o) under this directory", gcc_base,
                "install gcc for " + std::string(machine.multiarch) +
                    ", or set CLIFWRAP_PROFILE=none and pass start files on the command line");
  profile.crtbegin_dir = *gcc_dir;
  // gcc's own search path, in its order, without the duplicates its ../.. spellings make.
  profile.library_dirs = {*gcc_dir, profile.crt_dir, join_path(root, "usr/lib"),
                          join_path(root, "lib/" + std::string(machine.multiarch)), join_path(root, "lib")};
  profile.dynamic_linker = std::string(machine.glibc_dynamic_linker);
  profile.emulation = std::string(machine.emulation);
  profile.leading_options = {"--build-id", "--hash-style=gnu"};
  profile.eh_frame_hdr = true;
  profile.as_needed_by_default = true;
  profile.default_libs_dynamic = {"-lgcc", "--push-state", "--as-needed", "-lgcc_s", "--pop-state", "-lc",
                                  "-lgcc", "--push-state", "--as-needed", "-lgcc_s", "--pop-state"};
  profile.default_libs_static = {"--start-group", "-lgcc", "-lgcc_eh", "-lc", "--end-group"};
  return profile;
}

Result<SysrootProfile> load_redox(const std::string& sysroot, const MachineInfo& machine) {
  const char* setup_hint =
      "lay one out with `clifwrap sysroot --relibc DIR --target T --out DIR`, then set CLIFWRAP_SYSROOT "
      "or [link] sysroot in clifwrap.toml; or link through the <T>-gcc of a `clifwrap redox-toolchain` directory";
  if (sysroot.empty()) return fail("the redox profile needs a sysroot and none is configured", "CLIFWRAP_SYSROOT", setup_hint);
  std::string lib = join_path(sysroot, "lib");
  if (!is_directory(lib)) return fail("not a Redox sysroot: it has no lib directory", sysroot, setup_hint);
  SysrootProfile profile;
  profile.name = "redox";
  profile.root = sysroot;
  profile.start_style = SysrootProfile::StartFiles::Crt0;
  profile.crt_dir = lib;
  profile.crtbegin_dir = lib;
  profile.crtbegin_optional = true;
  profile.library_dirs = {lib};
  profile.dynamic_linker = std::string(machine.redox_dynamic_linker);
  profile.emulation = std::string(machine.emulation);
  // gcc's own sequence (libgcc, libc, libgcc again), which Redox's gcc keeps: libgcc.a is what
  // `clifwrap sysroot` puts there (compiler-rt's builtins: a C program's __muldc3 and the like).
  profile.default_libs_dynamic = {"-lgcc", "-lc", "-lgcc"};
  profile.default_libs_static = {"-lgcc", "-lc", "-lgcc"};
  return profile;
}

}  // namespace

std::optional<MachineInfo> machine_for_target(std::string_view triple) {
  std::string_view arch = triple.substr(0, triple.find('-'));
  for (const auto& row : kMachines)
    if (row.prefix == arch) return row.info;
  return std::nullopt;
}

std::string_view default_profile_for(std::string_view triple) {
  if (triple.find("-linux-gnu") != std::string_view::npos) return "gnu";
  if (triple.ends_with("-redox")) return "redox";
  return "none";
}

Result<SysrootProfile> load_profile(std::string_view name, const std::string& sysroot, std::string_view triple) {
  if (name == "none") return SysrootProfile{};
  if (name != "gnu" && name != "redox")
    return fail("unknown sysroot profile `" + std::string(name) + "`", "CLIFWRAP_PROFILE", "use redox, gnu or none");
  auto machine = machine_for_target(triple);
  if (!machine)
    return fail("no " + std::string(name) + " profile for this architecture", std::string(triple),
                "use CLIFWRAP_PROFILE=none and pass start files on the command line");
  return name == "gnu" ? load_gnu(sysroot, *machine) : load_redox(sysroot, *machine);
}

ProfileFiles profile_files(const SysrootProfile& profile, LinkKind kind) {
  ProfileFiles files;
  if (profile.name == "none" || kind == LinkKind::Relocatable) return files;
  auto crt = [&](std::string_view name) { return join_path(profile.crt_dir, name); };
  auto begin_end = [&](std::string_view name) { return join_path(profile.crtbegin_dir, name); };

  if (is_executable(kind)) {
    if (profile.start_style == SysrootProfile::StartFiles::Crt0) {
      files.start.push_back(crt("crt0.o"));
    } else {
      std::string_view first = kind == LinkKind::Pie         ? "Scrt1.o"
                               : kind == LinkKind::StaticPie ? "rcrt1.o"
                                                             : "crt1.o";
      files.start.push_back(crt(first));
    }
  }
  files.start.push_back(crt("crti.o"));
  bool position_independent = kind == LinkKind::Pie || kind == LinkKind::StaticPie || kind == LinkKind::Shared;
  std::string crtbegin = begin_end(kind == LinkKind::Static ? "crtbeginT.o" : position_independent ? "crtbeginS.o" : "crtbegin.o");
  std::string crtend = begin_end(position_independent ? "crtendS.o" : "crtend.o");
  files.start.push_back(crtbegin);
  files.end = {crtend, crt("crtn.o")};
  if (profile.crtbegin_optional) files.optional = {crtbegin, crtend};
  return files;
}

std::string target_from_linker_name(std::string_view program_name) {
  if (program_name == kLinkerName) return {};
  for (std::string_view suffix : {"-gcc", "-cc", "-ld"})
    if (program_name.ends_with(suffix)) return std::string(program_name.substr(0, program_name.size() - suffix.size()));
  return {};
}

namespace {

std::string sysroot_beside(const std::vector<std::string>& linkers) {
  for (const auto& linker : linkers) {
    std::string gnu_target = target_from_linker_name(file_name(linker));
    if (gnu_target.empty()) continue;
    std::string found = linker.find('/') != std::string::npos ? linker : find_program(linker);
    if (found.empty()) continue;
    std::string bin = parent_directory(absolute_path(found));  // not resolved: the symlink's own place
    std::string sysroot = parent_directory(bin) + "/" + gnu_target;
    if (file_name(bin) == "bin" && is_directory(sysroot + "/lib")) return sysroot;
  }
  return {};
}

}  // namespace

ProfileChoice choose_profile(const ProfileQuestion& question) {
  ProfileChoice choice;
  choice.name = !question.configured_profile.empty() ? question.configured_profile
                : question.gnu_ld_line                ? "none"
                                                      : std::string(default_profile_for(question.target));
  choice.sysroot = question.configured_sysroot;
  if (choice.sysroot.empty() && choice.name == "redox") choice.sysroot = sysroot_beside(question.linkers);
  return choice;
}

}  // namespace clifwrap
