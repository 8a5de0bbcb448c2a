// Temporary files and directories: every output clifwrap writes goes through one, named so that
// nothing is ever half-written under the real name and nothing is left behind:
//   <path>.clifwrap-<pid>.tmp              a file, renamed into place when complete
//   <dir>/.clifwrap-<what>-<pid>-XXXXXX    a private directory
// While the process lives, its temporaries are registered: SIGINT, SIGTERM, SIGHUP and SIGQUIT
// remove them, then end the process with the same signal (the status cargo expects). A SIGKILL
// cannot be caught; the pid in the name lets a later run see the owner is gone and sweep them.
#pragma once

#include <string>

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

// The pid in a temporary's name (".clifwrap-<pid>" or ".clifwrap-<word>-<pid>"), or 0.
long temporary_owner(const std::string& name);

// Removes the temporaries in `dir` whose owning process is gone. Returns how many.
int sweep_abandoned_temporaries(const std::string& dir);

}  // namespace clifwrap
