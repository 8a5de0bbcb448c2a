// The fallback prediction (fallback_prediction.hpp) remembered per source set, so a crate's
// sources are searched once, not on every build. After a compile, rustc's dep-info lists the
// files it read; the record keeps the answer with each file's size and modification time. While
// they all still match (one stat each), the answer stands; any change, and the tree is searched
// again. Keyed by the crate root and what the search looked for (architecture, what the backend
// refuses), so another target or a backend that now compiles `sym` asks afresh.
#pragma once

#include <optional>
#include <string>

#include "driver/wrapper/fallback_prediction.hpp"

namespace clifwrap {

// The remembered answer, if a record exists and every file it lists is unchanged: the hit
// ("file:line: construct"), or nullopt inside for "nothing suggests a fallback".
std::optional<std::optional<std::string>> recalled_prediction(const std::string& cache_dir, const std::string& crate_root,
                                                              const PredictionScope& scope);

// Records the answer with the files the compile's dep-info lists (written by the time rustc has
// run). Without a readable dep-info that names the crate root, nothing is recorded.
void remember_prediction(const std::string& cache_dir, const std::string& crate_root, const PredictionScope& scope,
                         const std::optional<std::string>& hit, const std::string& dep_info);

}  // namespace clifwrap
