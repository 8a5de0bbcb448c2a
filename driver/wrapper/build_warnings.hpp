// A warning given once per cargo build, not once per crate: a release profile's `lto = true`
// reaches every crate as `-C linker-plugin-lto`, and 29 identical lines say no more than one.
// The build is the process that ran this rustc call: cargo, our parent, told apart from a later
// process with the same pid by its start time. The log still records the change for every crate.
#pragma once

#include <string>

namespace clifwrap {

// True for the first call of this build to ask about `warning` (a marker file made with O_EXCL
// says it was given); true as well when the marker cannot be made: better twice than never.
bool first_in_build(const std::string& cache_dir, const std::string& warning);

}  // namespace clifwrap
