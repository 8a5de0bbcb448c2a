// Temporary files and directories: every output clifwrap writes goes through one, named so that
// nothing is ever half-written under the real name and nothing is left behind:
//   <path>.clifwrap-<pid>.tmp              a file, renamed into place when complete
//   <dir>/.clifwrap-<what>-<pid>-XXXXXX    a private directory
// While the process lives, its temporaries are registered: SIGINT, SIGTERM, SIGHUP and SIGQUIT
// remove them, then end the process with the same signal (the status cargo expects). A SIGKILL
// cannot be caught; the pid in the name lets a later run see the owner is gone and sweep them.
#pragma once

#include <string>

#include "common/error.hpp"

namespace clifwrap {

// <path>.clifwrap-<pid>.tmp
std::string temporary_name_for(const std::string& path);

// Registers a path (file or directory) for removal if a signal ends the process; the guard
// unregisters it when it goes away (after the rename, or after the caller removed it).
class RemoveOnSignal {
 public:
  explicit RemoveOnSignal(const std::string& path);
  ~RemoveOnSignal();
  RemoveOnSignal(const RemoveOnSignal&) = delete;
  RemoveOnSignal& operator=(const RemoveOnSignal&) = delete;

 private:
  int slot_;
};

// A file written as <destination>.clifwrap-<pid>.tmp and put in place only when complete; removed
// when this goes away uncommitted (any failure path), or when a signal ends the process.
class TemporaryFile {
 public:
  explicit TemporaryFile(std::string destination);
  ~TemporaryFile();
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;

  const std::string& path() const { return path_; }

  // Rename: one rename(2), for files other processes may open at any moment (the spec cache: a
  // reader never finds it missing). Replace: replace_file's way, for outputs such as a linked
  // program (a large old file is moved away and removed in the background).
  enum class Commit { Rename, Replace };
  Result<void> commit(Commit how);

 private:
  std::string destination_;
  std::string path_;
  RemoveOnSignal on_signal_;
  bool committed_ = false;
};

// The pid in a temporary's name (".clifwrap-<pid>" or ".clifwrap-<word>-<pid>"), or 0.
long temporary_owner(const std::string& name);

// Removes the temporaries in `dir` whose owning process is gone. Returns how many.
int sweep_abandoned_temporaries(const std::string& dir);

}  // namespace clifwrap
