#include "driver/wrapper/prediction_memory.hpp"

#include <algorithm>

#include "common/files.hpp"
#include "common/hash.hpp"
#include "common/strings.hpp"
#include "driver/wrapper/fallback_memory.hpp"

namespace clifwrap {
namespace {

std::string record_path(const std::string& cache_dir, const std::string& crate_root, const PredictionScope& scope) {
  std::string key = absolute_path(crate_root) + "\n" + scope.target_arch + (scope.refuses_sym ? " sym" : "") +
                    (scope.refuses_variadic ? " variadic" : "");
  return cache_dir + "/predictions/" + hash_hex(key);
}

}  // namespace

// The record: "hit <text>" or "none", then one "<stamp>\t<path>" line per source.
std::optional<std::optional<std::string>> recalled_prediction(const std::string& cache_dir, const std::string& crate_root,
                                                              const PredictionScope& scope) {
  auto record = read_file(record_path(cache_dir, crate_root, scope));
  if (!record) return std::nullopt;
  auto lines = split(*record, '\n');
  if (lines.empty()) return std::nullopt;
  std::optional<std::string> answer;
  if (lines[0].starts_with("hit ")) answer = lines[0].substr(4);
  else if (lines[0] != "none") return std::nullopt;
  size_t sources = 0;
  for (size_t i = 1; i < lines.size(); ++i) {
    if (lines[i].empty()) continue;
    size_t tab = lines[i].find('\t');
    if (tab == std::string::npos || file_stamp(lines[i].substr(tab + 1)) != lines[i].substr(0, tab)) return std::nullopt;
    ++sources;
  }
  if (sources == 0) return std::nullopt;
  return answer;
}

void remember_prediction(const std::string& cache_dir, const std::string& crate_root, const PredictionScope& scope,
                         const std::optional<std::string>& hit, const std::string& dep_info) {
  auto text = read_file(dep_info);
  if (!text) return;
  std::vector<std::string> sources = dep_info_sources(*text);
  if (std::find(sources.begin(), sources.end(), crate_root) == sources.end()) return;
  std::string record = hit ? "hit " + *hit + "\n" : "none\n";
  for (const auto& source : sources) {
    auto stamp = file_stamp(source);
    if (!stamp) return;
    record += *stamp + "\t" + absolute_path(source) + "\n";
  }
  // A record that cannot be written costs a search next time, never a wrong answer.
  if (make_directories(cache_dir + "/predictions"))
    (void)write_file_atomically(record_path(cache_dir, crate_root, scope), record);
}

}  // namespace clifwrap
