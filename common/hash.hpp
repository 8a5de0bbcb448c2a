// FNV-1a, 64-bit: cache keys only (not security), and no library to load for it.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace clifwrap {

inline uint64_t fnv1a(std::string_view text) {
  uint64_t hash = 0xcbf29ce484222325ull;
  for (unsigned char c : text) hash = (hash ^ c) * 0x100000001b3ull;
  return hash;
}

inline std::string hash_hex(std::string_view text) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv1a(text)));
  return hex;
}

}  // namespace clifwrap
