#include "crt/object_merge.hpp"

#include <vector>

#include "common/files.hpp"
#include "common/temporaries.hpp"
#include "crt/archive.hpp"
#include "crt/partial_link.hpp"
#include "crt/split_objects.hpp"

namespace clifwrap {
namespace {

Result<std::string> merge_files(const std::vector<std::string>& files, const std::string& destination) {
  if (files.empty()) return fail("the compile produced no object", destination);
  if (files.size() == 1) {
    if (auto moved = replace_file(files[0], destination); !moved) return tl::unexpected(moved.error());
    return "moved 1 object into " + destination;
  }
  if (auto linked = partial_link(files, destination); !linked) return tl::unexpected(linked.error());
  return "merged " + std::to_string(files.size()) + " objects into " + destination;
}

}  // namespace

Result<std::string> merge_objects(const ObjectMerge& merge) {
  sweep_abandoned_temporaries(parent_directory(absolute_path(merge.destination)));
  if (!merge.archive) {
    // rustc wrote one object under the requested name, or left its numbered objects here.
    std::string single = merge.private_dir + "/" + file_name(merge.destination);
    if (is_regular_file(single)) return merge_files({single}, merge.destination);
    std::vector<std::string> names;
    for (const auto& name : list_directory(merge.private_dir))
      if (belongs_to_compile(name, merge.stem)) names.push_back(name);
    std::vector<std::string> files;
    for (const auto& name : link_order(names)) files.push_back(merge.private_dir + "/" + name);
    return merge_files(files, merge.destination);
  }

  auto members = read_archive(*merge.archive);
  if (!members) return tl::unexpected(members.error());
  auto scratch = TemporaryDirectory::create(parent_directory(absolute_path(merge.destination)), ".clifwrap-obj-");
  if (!scratch) return tl::unexpected(scratch.error());
  std::vector<std::string> names;
  for (const auto& member : *members) {
    if (!belongs_to_compile(member.name, merge.stem)) continue;
    if (auto w = write_file_atomically(scratch->path() + "/" + member.name, member.data); !w) return tl::unexpected(w.error());
    names.push_back(member.name);
  }
  std::vector<std::string> files;
  for (const auto& name : link_order(names)) files.push_back(scratch->path() + "/" + name);
  return merge_files(files, merge.destination);
}

}  // namespace clifwrap
