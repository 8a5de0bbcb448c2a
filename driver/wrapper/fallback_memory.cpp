#include "driver/wrapper/fallback_memory.hpp"

#include <algorithm>

#include "common/files.hpp"
#include "common/hash.hpp"
#include "common/strings.hpp"

namespace clifwrap {
namespace {

std::string record_path(const std::string& cache_dir, const std::string& stem) {
  return cache_dir + "/fallbacks/" + stem;
}

// The backend, the crate root, and every source's name and content. Read only when a record
// exists or a fallback has just happened: never on the hot path of a crate that compiles.
std::optional<std::string> fingerprint(const FallbackSubject& subject) {
  auto dep_info = read_file(subject.dep_info);
  if (!dep_info) return std::nullopt;
  std::vector<std::string> sources = dep_info_sources(*dep_info);
  if (std::find(sources.begin(), sources.end(), subject.crate_root) == sources.end()) return std::nullopt;
  std::string material = "backend " + subject.backend + "\nroot " + subject.crate_root + "\n";
  for (const auto& source : sources) {
    auto text = read_file(source);
    if (!text) return std::nullopt;
    material += source + " " + std::to_string(text->size()) + " " + hash_hex(*text) + "\n";
  }
  return hash_hex(material);
}

}  // namespace

std::vector<std::string> dep_info_sources(std::string_view dep_info) {
  std::vector<std::string> sources;
  for (const auto& line : split(std::string(dep_info), '\n')) {
    if (line.empty() || line.front() == '#') continue;  // `# env-dep:` and `# checksum:` lines
    // The rule's colon is the first one followed by a space or the line's end (paths hold none).
    size_t colon = line.find(": ");
    if (colon == std::string::npos) continue;
    std::string word;
    for (size_t i = colon + 2; i <= line.size(); ++i) {
      if (i < line.size() && line[i] == '\\' && i + 1 < line.size() && line[i + 1] == ' ') {
        word += ' ';
        ++i;
      } else if (i == line.size() || line[i] == ' ') {
        if (!word.empty() && std::find(sources.begin(), sources.end(), word) == sources.end()) sources.push_back(word);
        word.clear();
      } else {
        word += line[i];
      }
    }
  }
  return sources;
}

bool has_fallback_record(const std::string& cache_dir, const std::string& stem) {
  return is_regular_file(record_path(cache_dir, stem));
}

std::optional<std::string> remembered_fallback(const std::string& cache_dir, const FallbackSubject& subject) {
  auto record = read_file(record_path(cache_dir, subject.stem));
  if (!record) return std::nullopt;
  // "fingerprint <hex>\n<reason>\n"; a record in another shape (an older clifwrap's) is not trusted.
  size_t newline = record->find('\n');
  if (!record->starts_with("fingerprint ") || newline == std::string::npos) return std::nullopt;
  auto now = fingerprint(subject);
  if (!now || record->substr(12, newline - 12) != *now) return std::nullopt;
  return std::string(without_trailing_newlines(record->substr(newline + 1)));
}

void remember_fallback(const std::string& cache_dir, const FallbackSubject& subject, const std::string& reason) {
  auto now = fingerprint(subject);
  if (!now) return;
  // A record that cannot be written costs a doomed attempt next time, never a wrong build.
  if (make_directories(cache_dir + "/fallbacks"))
    (void)write_file_atomically(record_path(cache_dir, subject.stem), "fingerprint " + *now + "\n" + reason + "\n");
}

}  // namespace clifwrap
