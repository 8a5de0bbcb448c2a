// clifwrap's memory of the units that fell back to LLVM, so that their next build skips the
// doomed Cranelift attempt. A record is trusted only for what decided the outcome: the backend
// that refused the unit, and the unit's sources by content, as rustc's dep-info lists them. A copy
// of the crate (same name and metadata hash, other files), an edit, or another backend (a rebuilt
// cg_clif that now compiles `sym`) is judged afresh; a record that cannot be checked is not trusted.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clifwrap {

struct FallbackSubject {
  std::string stem;        // the unit's output stem (crate name and -C extra-filename): the record's name
  std::string dep_info;    // where rustc writes the unit's dep-info
  std::string crate_root;  // as the command line names it; the dep-info must list it
  std::string backend;     // the refusing backend's identity (backend_identity)
};

// Whether a record exists for the stem: one stat, before anything is read or hashed.
bool has_fallback_record(const std::string& cache_dir, const std::string& stem);

// The reason the unit fell back before, if a record exists and still holds for it.
std::optional<std::string> remembered_fallback(const std::string& cache_dir, const FallbackSubject& subject);

// Records the fallback after the attempt (its dep-info is written by then). Without a readable
// dep-info nothing is recorded: a record that cannot be checked would never be trusted.
void remember_fallback(const std::string& cache_dir, const FallbackSubject& subject, const std::string& reason);

// The files a Makefile-style dep-info names as prerequisites, each once, in order (`\ ` is a space).
std::vector<std::string> dep_info_sources(std::string_view dep_info);

}  // namespace clifwrap
