// File helpers with the guarantees DESIGN.md asks for: whatever clifwrap writes appears whole or not
// at all (temporary name in the same directory, then rename), and log lines are appended with one
// write(2) on an O_APPEND descriptor so parallel processes never interleave inside a line.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "common/temporaries.hpp"

namespace clifwrap {

Result<std::string> read_file(const std::string& path);

// Writes `content` to a temporary file beside `path`, then renames it over `path`.
Result<void> write_file_atomically(const std::string& path, std::string_view content);

// from's bytes at to, written as write_file_atomically writes.
Result<void> copy_file_atomically(const std::string& from, const std::string& to);

// A symbolic link at `link` pointing to `target`, made under a temporary name and renamed.
Result<void> symlink_atomically(const std::string& target, const std::string& link);

// Whether the bytes `needle` occur in the file, searched in place (mmap): no copy of a large file.
Result<bool> file_contains(const std::string& path, std::string_view needle);

// Appends `line` (which must end in '\n') with a single write.
Result<void> append_whole_line(const std::string& path, std::string_view line);

// Creates `path` and its parents; succeeds when it already exists.
Result<void> make_directories(const std::string& path);

bool is_regular_file(const std::string& path);

// The path itself is a symbolic link (not followed).
bool is_symlink(const std::string& path);

// "SIZE SEC.NSEC" (size and modification time, following links): what tells, without reading a
// file, that it is the one seen before. nullopt when it cannot be stat'd.
std::optional<std::string> file_stamp(const std::string& path);
bool is_directory(const std::string& path);

// The first `dir/name` that exists, looking in `start` and then each parent directory.
std::optional<std::string> find_upward(const std::string& start, std::string_view name);

std::string parent_directory(const std::string& path);
std::string file_name(const std::string& path);
std::string current_directory();
std::string absolute_path(const std::string& path);

// Renames `from` to `to`, which is never partial: first the old `to`, then the new one. Not
// renaming onto an existing name spares ext4's flush of the new file (auto_da_alloc), and a large
// old file is removed by a detached child, as lld does, because freeing its blocks is slow. The
// child closes every descriptor first, so whoever reads this process's output does not wait for it.
Result<void> replace_file(const std::string& from, const std::string& to);

// A directory of its own under `parent` (`<prefix><pid>-XXXXXX`, prefix such as ".clifwrap-fold-"),
// removed with everything in it when this goes away, or when a signal ends the process.
class TemporaryDirectory {
 public:
  static Result<TemporaryDirectory> create(const std::string& parent, const std::string& prefix);
  // At exactly this path, which the caller named with its pid (it had to be known in advance).
  static Result<TemporaryDirectory> create_exact(const std::string& path);
  TemporaryDirectory(TemporaryDirectory&& other) noexcept
      : path_(std::move(other.path_)), on_signal_(std::move(other.on_signal_)) {
    other.path_.clear();
  }
  TemporaryDirectory& operator=(TemporaryDirectory&&) = delete;
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  ~TemporaryDirectory();
  const std::string& path() const { return path_; }

 private:
  explicit TemporaryDirectory(std::string path);
  std::string path_;
  std::unique_ptr<RemoveOnSignal> on_signal_;
};

// Names of the entries in a directory (not . and ..), sorted; empty when it cannot be read.
std::vector<std::string> list_directory(const std::string& path);

// This program's own file (/proc/self/exe resolved); empty when it cannot be read.
std::string executable_path();

// The path with every link and `..` resolved (realpath); empty when it does not resolve.
std::string real_path(const std::string& path);

// Both paths, links followed, are one file (the same inode): a stat each, no path resolution.
bool same_file(const std::string& a, const std::string& b);

}  // namespace clifwrap
