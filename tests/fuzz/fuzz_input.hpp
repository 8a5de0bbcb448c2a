// Shared by the fuzz targets: the input as lines (one argument each, as tests/data keeps captured
// command lines), and a private file to hand to code that reads files.
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace clifwrap::fuzz {

inline std::vector<std::string> lines(const uint8_t* data, size_t size) {
  std::vector<std::string> out;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// A file of this process's own in $TMPDIR (else /tmp), rewritten for each input and removed when
// the fuzzer exits (libFuzzer ends a timed run with exit(), which runs static destructors).
class ScratchFile {
 public:
  explicit ScratchFile(const char* name) {
    const char* tmp = std::getenv("TMPDIR");
    path_ = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/clifwrap-fuzz-" +
            std::to_string(getpid()) + "-" + name;
  }
  ~ScratchFile() { unlink(path_.c_str()); }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace clifwrap::fuzz
