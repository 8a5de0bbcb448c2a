// Sysroot profiles: where the files a gcc driver adds to a link live, and which it adds for each
// link kind. `gnu` is the host's glibc and gcc (Debian's layout), `redox` the relibc layout that
// `clifwrap sysroot` writes (<sysroot>/lib/{crt0.o,crti.o,crtn.o,libc.a,...}), `none` adds nothing.
// Loading a profile looks at the file system; everything after that is plain data.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "linkplan/link_plan.hpp"

namespace clifwrap {

// What a target's architecture means for linking.
struct MachineInfo {
  std::string_view arch;                  // x86_64
  std::string_view multiarch;             // Debian's library directory name: x86_64-linux-gnu
  std::string_view emulation;             // ld -m: elf_x86_64
  std::string_view glibc_dynamic_linker;  // /lib64/ld-linux-x86-64.so.2
  // Redox's: relibc installs libc.so as lib/ld64.so.1 on x86_64 and lib/ld.so.1 elsewhere
  // (relibc config.mk LD_SONAME, Makefile install-libs), the names GNU ld's own defaults give,
  // since Redox's gcc passes no -dynamic-linker (redox-os/gcc gcc/config/redox.h LINK_SPEC).
  std::string_view redox_dynamic_linker;  // /lib/ld64.so.1
};

// By the triple's first component; nullopt for an architecture clifwrap-link does not know.
std::optional<MachineInfo> machine_for_target(std::string_view triple);

// The profile a target gets when none is configured: gnu for *-linux-gnu*, redox for *-redox,
// none otherwise (bare metal and gnu-lld targets, whose command lines are complete).
std::string_view default_profile_for(std::string_view triple);

struct SysrootProfile {
  std::string name = "none";  // redox | gnu | none
  std::string root;           // the sysroot it was loaded from, for messages
  enum class StartFiles { Glibc, Crt0 } start_style = StartFiles::Glibc;  // crt1/Scrt1/rcrt1, or crt0
  std::string crt_dir;        // crt0/crt1/Scrt1/rcrt1/crti/crtn
  std::string crtbegin_dir;   // crtbegin*/crtend*
  bool crtbegin_optional = false;  // redox: only when the sysroot has them
  std::vector<std::string> library_dirs;
  std::string dynamic_linker;  // for dynamic executables; empty: none
  std::string emulation;       // ld -m when the command line gives none; empty: none
  // What this gcc passes ld on its own (Debian's gcc 12: --build-id, --hash-style=gnu, and
  // --as-needed before every input), and --eh-frame-hdr for all but fully static links.
  std::vector<std::string> leading_options;
  bool eh_frame_hdr = false;
  bool as_needed_by_default = false;
  // gcc's default libraries (dropped by -nodefaultlibs, which rustc always passes), as ld arguments.
  std::vector<std::string> default_libs_dynamic;
  std::vector<std::string> default_libs_static;
};

// `sysroot` empty means the profile's default ("/" for gnu; redox has none and fails with a hint).
Result<SysrootProfile> load_profile(std::string_view name, const std::string& sysroot, std::string_view triple);

// The triple in a gcc driver's name, such as x86_64-unknown-redox-gcc; empty for other names.
std::string target_from_linker_name(std::string_view program_name);

// Which profile and sysroot a link gets, chosen here for the linker face and doctor alike.
struct ProfileChoice {
  std::string name;     // redox | gnu | none
  std::string sysroot;  // empty: the profile's default
};
struct ProfileQuestion {
  std::string configured_profile;  // CLIFWRAP_PROFILE / link.profile; empty when unset
  std::string configured_sysroot;  // CLIFWRAP_SYSROOT / link.sysroot; empty when unset
  std::string target;
  bool gnu_ld_line = false;        // a GNU ld command line is complete: no profile unless configured
  // The names or paths the link is (or would be) run under: a `<gnu-target>-gcc` in a toolchain
  // directory's bin/ finds its sysroot in <dir>/<gnu-target>, as a cross gcc built --with-sysroot
  // does (`clifwrap redox-toolchain`, the shape of the Redox build's prefix/<T>/sysroot).
  std::vector<std::string> linkers;
};
ProfileChoice choose_profile(const ProfileQuestion& question);

// The start and end files a gcc driver adds for a kind, in link order, as full paths.
struct ProfileFiles {
  std::vector<std::string> start;
  std::vector<std::string> end;
  std::vector<std::string> optional;  // of the above, those that may be missing
};
ProfileFiles profile_files(const SysrootProfile& profile, LinkKind kind);

}  // namespace clifwrap
