// Shared by the fuzz targets: the input as lines (one argument each, as tests/data keeps captured
// command lines), and a private file to hand to code that reads files.
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
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

// A file of this process's own under /tmp, rewritten for each input.
inline std::string scratch_file(const char* name) {
  return "/tmp/clifwrap-fuzz-" + std::to_string(getpid()) + "-" + name;
}

}  // namespace clifwrap::fuzz
