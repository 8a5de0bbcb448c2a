// Reads pieces of a file at given offsets (pread), without reading the whole file: ELF headers of a
// backend dylib or a linked program, an archive's magic.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace clifwrap {

class FileReader {
 public:
  explicit FileReader(const std::string& path);
  ~FileReader();
  FileReader(const FileReader&) = delete;
  FileReader& operator=(const FileReader&) = delete;

  bool is_open() const { return fd_ >= 0; }

  // Exactly `size` bytes at `offset`, or false.
  bool read(void* into, size_t size, uint64_t offset) const;

  template <class T>
  bool read_at(uint64_t offset, T& out) const {
    return read(&out, sizeof(T), offset);
  }

  // A NUL-terminated string at `offset`, up to 4 KiB.
  bool read_string(uint64_t offset, std::string& out) const;

 private:
  int fd_;
};

}  // namespace clifwrap
