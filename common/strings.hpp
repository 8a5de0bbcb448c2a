// Small string helpers shared by the command-line and spec parsers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace clifwrap {

// "a,b,,c" -> {"a", "b", "", "c"}; "" -> {""}.
inline std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t end = text.find(separator, start);
    parts.emplace_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// "a\nb" -> "a": the line a tool's message starts with.
inline std::string first_line(std::string_view text) { return std::string(text.substr(0, text.find('\n'))); }

// "error\n\n" -> "error": a tool's message as the last part of one of ours.
inline std::string without_trailing_newlines(std::string text) {
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

}  // namespace clifwrap
