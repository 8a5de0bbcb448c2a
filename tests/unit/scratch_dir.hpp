// A directory of a unit test's own under /tmp, removed with the test: files are written into it by
// relative path, their directories made on the way.
#pragma once

#include <stdlib.h>

#include <cstdlib>
#include <string>

#include "common/files.hpp"

namespace clifwrap::test {

struct ScratchDir {
  std::string dir;
  ScratchDir() {
    char pattern[] = "/tmp/clifwrap-unit-XXXXXX";
    dir = ::mkdtemp(pattern);
  }
  ~ScratchDir() { std::system(("rm -rf " + dir).c_str()); }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  // Returns the file's path.
  std::string write(const std::string& relative, const std::string& text) const {
    std::string path = dir + "/" + relative;
    (void)make_directories(parent_directory(path));
    (void)write_file_atomically(path, text);
    return path;
  }
};

}  // namespace clifwrap::test
