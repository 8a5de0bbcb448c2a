#include "common/file_reader.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstring>

namespace clifwrap {

FileReader::FileReader(const std::string& path) : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {}

FileReader::~FileReader() {
  if (fd_ >= 0) ::close(fd_);
}

bool FileReader::read(void* into, size_t size, uint64_t offset) const {
  return fd_ >= 0 && ::pread(fd_, into, size, static_cast<off_t>(offset)) == static_cast<ssize_t>(size);
}

bool FileReader::read_string(uint64_t offset, std::string& out) const {
  out.clear();
  char buffer[256];
  while (fd_ >= 0) {
    ssize_t n = ::pread(fd_, buffer, sizeof buffer, static_cast<off_t>(offset + out.size()));
    if (n <= 0) return false;
    const void* nul = std::memchr(buffer, '\0', static_cast<size_t>(n));
    if (nul) {
      out.append(buffer, static_cast<const char*>(nul) - buffer);
      return true;
    }
    out.append(buffer, static_cast<size_t>(n));
    if (out.size() > 4096) return false;
  }
  return false;
}

}  // namespace clifwrap
