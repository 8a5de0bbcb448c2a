#include "driver/wrapper/rustc_face.hpp"

#include "common/files.hpp"
#include "common/process.hpp"

namespace clifwrap {

Result<std::string> rustc_behind_face(const std::string& invoked_as) {
  std::string face = invoked_as.find('/') != std::string::npos ? invoked_as : find_program(invoked_as);
  std::string real = parent_directory(absolute_path(face)) + "/" + std::string(kRealRustcName);
  if (!is_regular_file(real))
    return fail("clifwrap runs as rustc only in a toolchain directory that has the real rustc beside it as " +
                    std::string(kRealRustcName),
                face, "lay the directory out with `clifwrap redox-toolchain`, or run rustc itself");
  return real;
}

std::string unwrapped_rustc(const std::string& rustc) {
  // On every wrapper call: a name test, then an lstat (the face is a symlink), then a stat each of it
  // and of this program.
  if (file_name(rustc) != "rustc") return rustc;
  std::string found = rustc.find('/') != std::string::npos ? rustc : find_program(rustc);
  if (found.empty() || !is_symlink(found) || !same_file(found, "/proc/self/exe")) return rustc;
  auto real = rustc_behind_face(found);
  return real ? *real : rustc;
}

}  // namespace clifwrap
