#include "linkplan/linker_handoff.hpp"

#include "common/files.hpp"

namespace clifwrap {

std::string embedded_linker_path() { return parent_directory(executable_path()) + "/" + std::string(kLinkerName); }

}  // namespace clifwrap
