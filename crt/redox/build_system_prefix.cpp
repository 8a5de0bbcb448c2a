#include "crt/redox/build_system_prefix.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <ctime>

#include "common/files.hpp"

namespace clifwrap {
namespace {

// mk/prefix.mk's prerequisites of $(PREFIX)/sysroot with PREFIX_BINARY=1.
constexpr const char* kInstalls[] = {"gcc-install", "rust-install", "clang-install"};

std::time_t mtime_of(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? st.st_mtime : 0;
}

// Sets a path's access and modification times, without following a symlink.
Result<void> set_mtime(const std::string& path, struct timespec when) {
  struct timespec times[2] = {when, when};
  if (::utimensat(AT_FDCWD, path.c_str(), times, AT_SYMLINK_NOFOLLOW) != 0)
    return fail("cannot set the modification time: " + errno_text(), path);
  return {};
}

}  // namespace

Result<std::string> build_system_sysroot(const std::string& redox, const std::string& target) {
  if (!is_regular_file(redox + "/mk/prefix.mk"))
    return fail("not a Redox build system checkout (no mk/prefix.mk)", redox,
                "give the top directory of a redox-os/redox checkout, or lay the directory out with --out");
  return absolute_path(redox) + "/prefix/" + target + "/sysroot";
}

Result<std::vector<SysrootEntry>> settle_build_system_prefix(const std::string& sysroot) {
  std::string prefix = parent_directory(sysroot);
  std::time_t now = std::time(nullptr);
  std::vector<SysrootEntry> made;
  for (const char* install : kInstalls) {
    std::string tarball = prefix + "/" + install + ".tar.gz";
    std::string directory = prefix + "/" + install;
    if (!is_regular_file(tarball)) {  // older than its directory, a real one too, or make unpacks it
      std::time_t before = is_directory(directory) ? mtime_of(directory) - 1 : now - 2;
      if (auto written = write_file_atomically(tarball, ""); !written) return tl::unexpected(written.error());
      if (auto dated = set_mtime(tarball, {before, 0}); !dated) return tl::unexpected(dated.error());
      made.push_back({"../" + std::string(install) + ".tar.gz", "empty: make downloads no prebuilt toolchain"});
    }
    if (!is_directory(directory)) {
      if (auto created = make_directories(directory); !created) return tl::unexpected(created.error());
      if (auto dated = set_mtime(directory, {now - 1, 0}); !dated) return tl::unexpected(dated.error());
      made.push_back({"../" + std::string(install) + "/", "empty: newer than its .tar.gz, older than sysroot/"});
    }
  }
  // Now to the nanosecond, as make compares: newer than an install directory made this second.
  if (auto dated = set_mtime(sysroot, {0, UTIME_NOW}); !dated) return tl::unexpected(dated.error());
  return made;
}

}  // namespace clifwrap
