// One relocatable object from objects and archives (`ld.lld -r`, every member of an archive), as
// the seed did by hand for relibc's crt0.o: `ld.lld -r -o crt0.o crt0-*.rcgu.o crt0-*.asm.o`.
#pragma once

#include <string>
#include <vector>

#include "common/error.hpp"

namespace clifwrap {

// Written to a temporary name beside `output` and renamed into place; on failure `output` is as it
// was. lld's own error text is part of the Error.
Result<void> partial_link(const std::vector<std::string>& inputs, const std::string& output);

}  // namespace clifwrap
