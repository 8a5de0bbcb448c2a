#include "common/files.hpp"

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace clifwrap {
namespace {

Result<void> write_all(int fd, std::string_view data, const std::string& path) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write: " + errno_text(), path);
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return {};
}

}  // namespace

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("cannot read: " + errno_text(), path);
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return fail("cannot read: " + errno_text(), path);
  return text.str();
}

Result<bool> file_contains(const std::string& path, std::string_view needle) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail("cannot read: " + errno_text(), path);
  struct stat status;
  if (::fstat(fd, &status) != 0 || status.st_size == 0) {
    ::close(fd);
    return false;
  }
  size_t size = static_cast<size_t>(status.st_size);
  void* bytes = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (bytes == MAP_FAILED) return fail("cannot read: " + errno_text(), path);
  bool found = ::memmem(bytes, size, needle.data(), needle.size()) != nullptr;
  ::munmap(bytes, size);
  return found;
}

Result<void> write_file_atomically(const std::string& path, std::string_view content) {
  TemporaryFile temp(path);
  int fd = ::open(temp.path().c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) return fail("cannot create a temporary file beside it: " + errno_text(), path);
  auto written = write_all(fd, content, temp.path());
  if (::close(fd) != 0 && written) written = fail("cannot write: " + errno_text(), temp.path());
  if (!written) return written;
  return temp.commit(TemporaryFile::Commit::Rename);
}

Result<void> symlink_atomically(const std::string& target, const std::string& link) {
  TemporaryFile temporary(link);
  if (::symlink(target.c_str(), temporary.path().c_str()) != 0) return fail("cannot create the symbolic link: " + errno_text(), link);
  return temporary.commit(TemporaryFile::Commit::Rename);
}

Result<void> copy_file_atomically(const std::string& from, const std::string& to) {
  auto bytes = read_file(from);
  if (!bytes) return tl::unexpected(bytes.error());
  return write_file_atomically(to, *bytes);
}

Result<void> append_whole_line(const std::string& path, std::string_view line) {
  int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
  if (fd < 0) return fail("cannot open for appending: " + errno_text(), path);
  // One write call: O_APPEND makes it atomic with respect to other appenders on local files.
  ssize_t n;
  do n = ::write(fd, line.data(), line.size());
  while (n < 0 && errno == EINTR);
  int saved = errno;
  ::close(fd);
  if (n != static_cast<ssize_t>(line.size()))
    return fail("cannot append: " + std::string(n < 0 ? std::strerror(saved) : "short write"), path);
  return {};
}

Result<void> make_directories(const std::string& path) {
  if (path.empty() || is_directory(path)) return {};
  if (auto parent = parent_directory(path); parent != path) {
    if (auto made = make_directories(parent); !made) return made;
  }
  if (::mkdir(path.c_str(), 0777) != 0 && errno != EEXIST)
    return fail("cannot create directory: " + errno_text(), path);
  return {};
}

bool is_regular_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool is_symlink(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

std::optional<std::string> file_stamp(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return std::to_string(st.st_size) + " " + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
}

bool is_directory(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::optional<std::string> find_upward(const std::string& start, std::string_view name) {
  std::string dir = start;
  while (true) {
    std::string candidate = (dir == "/" ? "" : dir) + "/" + std::string(name);
    if (is_regular_file(candidate)) return candidate;
    std::string parent = parent_directory(dir);
    if (parent == dir || parent.empty()) return std::nullopt;
    dir = parent;
  }
}

std::string parent_directory(const std::string& path) {
  auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string file_name(const std::string& path) {
  auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string current_directory() {
  char buffer[PATH_MAX];
  return ::getcwd(buffer, sizeof buffer) ? std::string(buffer) : std::string(".");
}

std::string absolute_path(const std::string& path) {
  if (!path.empty() && path[0] == '/') return path;
  return current_directory() + "/" + path;
}

Result<void> replace_file(const std::string& from, const std::string& to) {
  constexpr off_t kWorthABackgroundRemoval = 8 << 20;
  struct stat old_file;
  std::string graveyard;
  if (::lstat(to.c_str(), &old_file) == 0 && S_ISREG(old_file.st_mode)) {
    graveyard = to + ".clifwrap-old-" + std::to_string(::getpid());  // swept if this process dies here
    if (::rename(to.c_str(), graveyard.c_str()) != 0) graveyard.clear();
  }
  if (::rename(from.c_str(), to.c_str()) != 0) {
    std::string reason = errno_text();
    if (!graveyard.empty()) ::rename(graveyard.c_str(), to.c_str());
    return fail("cannot put the output in place: " + reason, to);
  }
  if (graveyard.empty()) return {};
  if (old_file.st_size >= kWorthABackgroundRemoval) {
    pid_t child = ::fork();
    if (child == 0) {
      ::close_range(0, ~0U, 0);
      ::unlink(graveyard.c_str());
      ::_exit(0);
    }
    if (child > 0) return {};
  }
  ::unlink(graveyard.c_str());  // small enough, or no child to do it
  return {};
}

Result<TemporaryDirectory> TemporaryDirectory::create(const std::string& parent, const std::string& prefix) {
  std::string pattern = parent + "/" + prefix + std::to_string(::getpid()) + "-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr)
    return fail("cannot create a temporary directory: " + errno_text(), parent, "check that it exists and is writable");
  return TemporaryDirectory(pattern);
}

Result<TemporaryDirectory> TemporaryDirectory::create_exact(const std::string& path) {
  if (::mkdir(path.c_str(), 0700) != 0)
    return fail("cannot create a private directory: " + errno_text(), path, "check that its parent exists and is writable");
  return TemporaryDirectory(path);
}

TemporaryDirectory::TemporaryDirectory(std::string path)
    : path_(std::move(path)), on_signal_(std::make_unique<RemoveOnSignal>(path_)) {}

TemporaryDirectory::~TemporaryDirectory() {
  if (path_.empty()) return;
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::vector<std::string> list_directory(const std::string& path) {
  std::vector<std::string> names;
  if (DIR* dir = ::opendir(path.c_str())) {
    while (dirent* entry = ::readdir(dir)) {
      std::string_view name = entry->d_name;
      if (name != "." && name != "..") names.emplace_back(name);
    }
    ::closedir(dir);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string real_path(const std::string& path) {
  char buffer[PATH_MAX];
  return ::realpath(path.c_str(), buffer) ? std::string(buffer) : std::string();
}

bool same_file(const std::string& a, const std::string& b) {
  struct stat first {}, second {};
  return ::stat(a.c_str(), &first) == 0 && ::stat(b.c_str(), &second) == 0 && first.st_ino == second.st_ino &&
         first.st_dev == second.st_dev;
}

std::string executable_path() {
  char buffer[PATH_MAX];
  ssize_t length = readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  return length > 0 ? std::string(buffer, static_cast<size_t>(length)) : std::string();
}

}  // namespace clifwrap
