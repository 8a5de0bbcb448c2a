#include "driver/fallback_prediction.hpp"

#include <algorithm>
#include <regex>

#include "common/files.hpp"
#include "common/strings.hpp"

namespace clifwrap {
namespace {

// Past this many bytes of source the search gives up and predicts nothing (core is ~12 MB).
constexpr size_t kSearchBudget = 48u << 20;

struct Construct {
  std::string_view cue;  // a plain substring every match contains: the cheap test on each line
  const char* pattern;   // the exact test, on lines with the cue only
  const char* name;
  bool (*accept)(const std::cmatch& match) = nullptr;  // a last look at the match, if needed
};

// `sym STATIC` works in cg_clif's asm!; `sym function` does not. Statics are SCREAMING_CASE.
bool names_a_function(const std::cmatch& match) {
  std::string path = match[1].str();
  std::string last = path.substr(path.rfind(':') == std::string::npos ? 0 : path.rfind(':') + 1);
  return std::any_of(last.begin(), last.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Each as cg_clif 1.96 refuses it (driver/cranelift_limits.cpp has its messages). A C-variadic
// definition names its last parameter (`mut args: ...`); a foreign declaration (`fn printf(f:
// *const c_char, ...)`) and a function pointer type (`fn(_: ...)`) do not.
const Construct kConstructs[] = {
    {"...", R"(\b[A-Za-z][A-Za-z0-9_]*\s*:\s*\.\.\.\s*\))", "a C-variadic definition"},
    {"sym ", R"(\bsym\s+((?:[A-Za-z_][A-Za-z0-9_]*::)*[A-Za-z_][A-Za-z0-9_]*))", "a sym operand naming a function",
     names_a_function},
    {"become ", R"(\bbecome\s+[A-Za-z_][A-Za-z0-9_:.]*\s*\()", "a tail call"},
    {"-interrupt\"", R"("(x86|riscv-[sm]|msp430|avr)-interrupt")", "an interrupt ABI"},
};

std::string_view without_indent(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  return line;
}

// Comments hold prose ("…will become available", "the sym table"): lines of `//` comments, and
// lines inside `/* … */` blocks (crate docs in `/*! … */` included), are not searched. Block
// comments are followed line by line, the way they are written in practice: a line that opens
// one without closing it starts a block, a line that closes it ends it.
class CommentTracker {
 public:
  bool is_code(std::string_view line) {
    std::string_view code = without_indent(line);
    if (in_block_) {
      if (code.find("*/") != std::string_view::npos) in_block_ = false;
      return false;
    }
    if (code.starts_with("//")) return false;
    size_t opens = code.find("/*");
    if (opens != std::string_view::npos && code.find("*/", opens) == std::string_view::npos) {
      in_block_ = true;
      return opens > 0;
    }
    return !code.starts_with("/*");
  }

 private:
  bool in_block_ = false;
};

std::optional<std::string> search_text(const std::string& path, std::string_view text, const std::vector<std::regex>& patterns) {
  size_t line_number = 0;
  CommentTracker comments;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    ++line_number;
    start = end + 1;
    if (!comments.is_code(line)) continue;
    for (size_t i = 0; i < patterns.size(); ++i) {
      const Construct& construct = kConstructs[i];
      std::cmatch match;
      if (line.find(construct.cue) != std::string_view::npos &&
          std::regex_search(line.data(), line.data() + line.size(), match, patterns[i]) &&
          (!construct.accept || construct.accept(match)))
        return path + ":" + std::to_string(line_number) + ": " + construct.name;
    }
  }
  return std::nullopt;
}

std::optional<std::string> search_tree(const std::string& dir, const std::vector<std::regex>& patterns, size_t& budget,
                                       int depth) {
  if (depth > 8) return std::nullopt;
  for (const auto& name : list_directory(dir)) {
    if (name.starts_with(".") || name == "target") continue;
    std::string path = dir + "/" + name;
    if (is_directory(path)) {
      if (auto hit = search_tree(path, patterns, budget, depth + 1)) return hit;
    } else if (name.ends_with(".rs")) {
      auto text = read_file(path);
      if (!text) continue;
      if (text->size() > budget) return std::nullopt;
      budget -= text->size();
      if (auto hit = search_text(path, *text, patterns)) return hit;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> source_suggests_fallback(const std::string& crate_root) {
  static const std::vector<std::regex> patterns = [] {
    std::vector<std::regex> compiled;
    for (const auto& construct : kConstructs) compiled.emplace_back(construct.pattern, std::regex::optimize);
    return compiled;
  }();
  size_t budget = kSearchBudget;
  return search_tree(parent_directory(absolute_path(crate_root)), patterns, budget, 0);
}

}  // namespace clifwrap
