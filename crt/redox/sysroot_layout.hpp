// `clifwrap sysroot`: a Redox sysroot for Cranelift builds from a relibc build tree, laid out the
// way the `redox` profile of clifwrap-link reads it:
//   lib/crt0.o crt1.o Scrt1.o crti.o crtn.o  CRT objects, merged with their .asm.o parts
//   lib/libc.a                                relibc (libc.a or librelibc.a), .asm.o members folded
//   lib/libc.so libc.so.6 ld64.so.1           relibc's libc.so when the build has one (dynamic links)
//   lib/libpthread.a libdl.a librt.a          empty: relibc has them in libc
//   lib/libunwind_stubs.a libgcc_eh.a         the _Unwind_* stubs std references under panic=abort
//   lib/libgcc.a libgcc_s.so                  empty, and a script naming the stubs (the cross gcc's part)
//   include/                                  relibc's headers, when the tree has them
// Every file is written to a temporary name and renamed; running it again gives the same files.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"

namespace clifwrap {

struct SysrootRequest {
  std::string relibc;  // relibc's source or build directory
  std::string target;  // the Redox triple (or any triple): picks target/<T>/ and the stubs' assembly
  std::string out;
  std::string rustc = "rustc";  // assembles the unwind stubs
};

struct SysrootEntry {
  std::string path;  // under out
  std::string from;  // what it was made from
};

// The relibc build's files: found, not yet read.
struct RelibcBuild {
  struct Crt {
    std::string name;  // crt0, crti, crtn
    std::string path;  // <name>.o, or lib<name>.a
  };
  std::vector<Crt> crts;
  std::string libc;                    // libc.a or librelibc.a
  std::optional<std::string> libc_so;  // for dynamic links, when the build has one
};
Result<RelibcBuild> find_relibc_build(const SysrootRequest& request);

// Where the relibc build's files are looked for, in order.
std::vector<std::string> relibc_search_dirs(const SysrootRequest& request);

Result<std::vector<SysrootEntry>> lay_out_sysroot(const SysrootRequest& request);

}  // namespace clifwrap
