#include "crt/archive_fold.hpp"

#include <vector>

#include "common/files.hpp"
#include "common/temporaries.hpp"
#include "crt/archive.hpp"
#include "crt/partial_link.hpp"
#include "crt/split_objects.hpp"

namespace clifwrap {

Result<size_t> fold_asm_members(const std::string& archive_path) {
  auto mentions_asm = file_contains(archive_path, ".rcgu.asm.o");
  if (!mentions_asm) return tl::unexpected(mentions_asm.error());
  if (!*mentions_asm) return 0;

  sweep_abandoned_temporaries(parent_directory(absolute_path(archive_path)));
  auto members = read_archive(archive_path);
  if (!members) return tl::unexpected(members.error());
  auto scratch = TemporaryDirectory::create(parent_directory(absolute_path(archive_path)), ".clifwrap-fold-");
  if (!scratch) return tl::unexpected(scratch.error());

  std::vector<bool> folded_away(members->size(), false);
  size_t pairs = 0;
  for (size_t a = 0; a < members->size(); ++a) {
    const std::string& asm_name = (*members)[a].name;
    if (!is_asm_object(asm_name)) continue;
    std::string unit_name = unit_of_asm(asm_name);
    size_t u = 0;
    while (u < members->size() && ((*members)[u].name != unit_name || folded_away[u])) ++u;
    if (u == members->size()) continue;  // no unit beside it: left as its own member
    std::string unit_file = scratch->path() + "/unit.o", asm_file = scratch->path() + "/asm.o";
    std::string merged = scratch->path() + "/merged.o";
    if (auto w = write_file_atomically(unit_file, (*members)[u].data); !w) return tl::unexpected(w.error());
    if (auto w = write_file_atomically(asm_file, (*members)[a].data); !w) return tl::unexpected(w.error());
    if (auto linked = partial_link({unit_file, asm_file}, merged); !linked)
      return fail("cannot fold " + asm_name + " into " + unit_name + ": " + linked.error().message, archive_path);
    auto merged_bytes = read_file(merged);
    if (!merged_bytes) return tl::unexpected(merged_bytes.error());
    (*members)[u].data = std::move(*merged_bytes);
    folded_away[a] = true;
    ++pairs;
  }
  if (pairs == 0) return 0;
  std::vector<ArchiveMember> kept;
  for (size_t i = 0; i < members->size(); ++i)
    if (!folded_away[i]) kept.push_back(std::move((*members)[i]));
  if (auto written = write_archive(archive_path, kept); !written) return tl::unexpected(written.error());
  return pairs;
}

}  // namespace clifwrap
