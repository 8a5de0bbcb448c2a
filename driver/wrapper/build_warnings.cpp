#include "driver/wrapper/build_warnings.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <filesystem>

#include "common/files.hpp"
#include "common/hash.hpp"
#include "common/strings.hpp"

namespace clifwrap {
namespace {

// The parent's start time in clock ticks since boot: field 22 of /proc/<pid>/stat, counted after
// the command name's closing parenthesis (the name may hold spaces).
std::string start_time_of(pid_t pid) {
  auto stat = read_file("/proc/" + std::to_string(pid) + "/stat");
  if (!stat) return "unknown";
  size_t close = stat->rfind(')');
  if (close == std::string::npos) return "unknown";
  auto fields = split(stat->substr(close + 2), ' ');  // from field 3, the state
  return fields.size() > 19 ? fields[19] : "unknown";
}

// Markers of builds a day old or more go: no build runs that long, and a day's are few.
void sweep_old_builds(const std::string& dir) {
  std::error_code error;
  auto day_ago = std::filesystem::file_time_type::clock::now() - std::chrono::hours(24);
  for (const auto& entry : std::filesystem::directory_iterator(dir, error))
    if (entry.last_write_time(error) < day_ago) std::filesystem::remove_all(entry.path(), error);
}

}  // namespace

bool first_in_build(const std::string& cache_dir, const std::string& warning) {
  pid_t build = ::getppid();
  std::string builds = cache_dir + "/warned";
  std::string dir = builds + "/" + std::to_string(build) + "-" + start_time_of(build);
  if (!is_directory(dir)) {
    if (!make_directories(dir)) return true;
    sweep_old_builds(builds);
  }
  int fd = ::open((dir + "/" + hash_hex(warning)).c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0644);
  if (fd >= 0) {
    ::close(fd);
    return true;
  }
  return errno != EEXIST;
}

}  // namespace clifwrap
