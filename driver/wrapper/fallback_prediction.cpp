#include "driver/wrapper/fallback_prediction.hpp"

#include <algorithm>
#include <regex>

#include "common/files.hpp"
#include "common/strings.hpp"

namespace clifwrap {
namespace {

// Past this many bytes of source the search gives up and predicts nothing (core is ~12 MB).
constexpr size_t kSearchBudget = 48u << 20;

// What refuses a construct: searching for it only makes sense while the backend does.
enum class Refusal { Variadic, Sym, Always };

struct Construct {
  std::string_view cue;  // a plain substring every match contains: the cheap test on each line
  const char* pattern;   // the exact test, on lines with the cue only
  const char* name;
  Refusal refusal;
  // A last look at the match, if needed; `in_module_asm`: the nearest asm macro opened above the
  // line is global_asm! or naked_asm!, whose operands are assembled apart from the function.
  bool (*accept)(const std::cmatch& match, bool in_module_asm) = nullptr;
};

// cg_clif takes `sym STATIC` in asm! and refuses it in global_asm! and naked functions; `sym
// function` it refuses everywhere. Statics are SCREAMING_CASE.
bool refused_sym(const std::cmatch& match, bool in_module_asm) {
  std::string path = match[1].str();
  std::string last = path.substr(path.rfind(':') == std::string::npos ? 0 : path.rfind(':') + 1);
  return in_module_asm || std::any_of(last.begin(), last.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Each as cg_clif 1.96 refuses it (driver/wrapper/cranelift_limits.cpp has its messages). A C-variadic
// definition names its last parameter (`mut args: ...`); a foreign declaration (`fn printf(f:
// *const c_char, ...)`) and a function pointer type (`fn(_: ...)`) do not. Reading a `VaList`
// (`ap.arg::<T>()`) or dropping one (a `VaList` parameter) is refused with the same message.
const Construct kConstructs[] = {
    {"...", R"(\b[A-Za-z][A-Za-z0-9_]*\s*:\s*\.\.\.\s*\))", "a C-variadic definition", Refusal::Variadic},
    {"VaList", R"(\b[A-Za-z_][A-Za-z0-9_]*\s*:\s*(?:[A-Za-z_]+::)*VaList\b)", "a VaList parameter", Refusal::Variadic},
    {".arg::<", R"(\.arg::<)", "a VaList read", Refusal::Variadic},
    {"sym ", R"(\bsym\s+((?:[A-Za-z_][A-Za-z0-9_]*::)*[A-Za-z_][A-Za-z0-9_]*))", "a sym operand cg_clif refuses",
     Refusal::Sym, refused_sym},
    {"become ", R"(\bbecome\s+[A-Za-z_][A-Za-z0-9_:.]*\s*\()", "a tail call", Refusal::Always},
    {"-interrupt\"", R"("(x86|riscv-[sm]|msp430|avr)-interrupt")", "an interrupt ABI", Refusal::Always},
};

// Directory names of architectures' own code, and which target architectures each serves.
struct ArchDirectory {
  std::string_view name;
  std::string_view arch;
};
constexpr ArchDirectory kArchDirectories[] = {
    {"aarch64", "aarch64"}, {"arm", "arm"},         {"i386", "x86"},       {"i586", "x86"},
    {"i686", "x86"},        {"loongarch64", "loongarch64"}, {"powerpc64", "powerpc64"},
    {"riscv32", "riscv32"}, {"riscv64", "riscv64"}, {"s390x", "s390x"},    {"x86", "x86"},
    {"x86_64", "x86_64"},
};

// `arch/<name>` of another architecture than the target's.
bool other_architecture(const std::string& parent, const std::string& name, const std::string& target_arch) {
  if (target_arch.empty() || file_name(parent) != "arch") return false;
  std::string stem = name.ends_with(".rs") ? name.substr(0, name.size() - 3) : name;
  for (const auto& dir : kArchDirectories)
    if (dir.name == stem) return dir.arch != target_arch;
  return false;
}

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

std::optional<std::string> search_text(const std::string& path, std::string_view text, const std::vector<std::regex>& patterns,
                                       const PredictionScope& scope) {
  size_t line_number = 0;
  CommentTracker comments;
  bool in_module_asm = false;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    ++line_number;
    start = end + 1;
    if (!comments.is_code(line)) continue;
    if (line.find("global_asm!") != std::string_view::npos || line.find("naked_asm!") != std::string_view::npos)
      in_module_asm = true;
    else if (line.find("asm!") != std::string_view::npos)
      in_module_asm = false;
    for (size_t i = 0; i < patterns.size(); ++i) {
      const Construct& construct = kConstructs[i];
      if ((construct.refusal == Refusal::Sym && !scope.refuses_sym) ||
          (construct.refusal == Refusal::Variadic && !scope.refuses_variadic))
        continue;
      std::cmatch match;
      if (line.find(construct.cue) != std::string_view::npos &&
          std::regex_search(line.data(), line.data() + line.size(), match, patterns[i]) &&
          (!construct.accept || construct.accept(match, in_module_asm)))
        return path + ":" + std::to_string(line_number) + ": " + construct.name;
    }
  }
  return std::nullopt;
}

std::optional<std::string> search_tree(const std::string& dir, const std::vector<std::regex>& patterns,
                                       const PredictionScope& scope, size_t& budget, int depth) {
  if (depth > 8) return std::nullopt;
  for (const auto& name : list_directory(dir)) {
    if (name.starts_with(".") || name == "target" || other_architecture(dir, name, scope.target_arch)) continue;
    std::string path = dir + "/" + name;
    if (is_directory(path)) {
      if (auto hit = search_tree(path, patterns, scope, budget, depth + 1)) return hit;
    } else if (name.ends_with(".rs")) {
      auto text = read_file(path);
      if (!text) continue;
      if (text->size() > budget) return std::nullopt;
      budget -= text->size();
      if (auto hit = search_text(path, *text, patterns, scope)) return hit;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> source_suggests_fallback(const std::string& crate_root, const PredictionScope& scope) {
  static const std::vector<std::regex> patterns = [] {
    std::vector<std::regex> compiled;
    for (const auto& construct : kConstructs) compiled.emplace_back(construct.pattern, std::regex::optimize);
    return compiled;
  }();
  size_t budget = kSearchBudget;
  return search_tree(parent_directory(absolute_path(crate_root)), patterns, scope, budget, 0);
}

std::string target_arch_of(std::string_view triple) {
  if (triple.ends_with(".json")) triple = triple.substr(triple.rfind('/') + 1);
  std::string_view arch = triple.substr(0, triple.find('-'));
  if (arch == "i386" || arch == "i586" || arch == "i686") return "x86";
  if (arch.starts_with("riscv64")) return "riscv64";
  if (arch.starts_with("riscv32")) return "riscv32";
  return std::string(arch);
}

}  // namespace clifwrap
