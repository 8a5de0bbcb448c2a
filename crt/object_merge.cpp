#include "crt/object_merge.hpp"

#include <vector>

#include "common/files.hpp"
#include "common/temporaries.hpp"
#include "crt/archive.hpp"
#include "crt/partial_link.hpp"
#include "crt/split_objects.hpp"

namespace clifwrap {
namespace {

// Files of `dir` in link order, into one object at `destination`. Returns how many.
Result<size_t> merge_in_order(const std::string& dir, const std::vector<std::string>& names, const std::string& destination) {
  std::vector<std::string> files;
  for (const auto& name : link_order(names)) files.push_back(dir + "/" + name);
  if (files.empty()) return 0;
  auto merged = files.size() == 1 ? replace_file(files[0], destination) : partial_link(files, destination);
  if (!merged) return tl::unexpected(merged.error());
  return files.size();
}

Result<std::string> describe(Result<size_t> merged, const std::string& destination) {
  if (!merged) return tl::unexpected(merged.error());
  if (*merged == 0) return fail("the compile produced no object", destination);
  if (*merged == 1) return "moved 1 object into " + destination;
  return "merged " + std::to_string(*merged) + " objects into " + destination;
}

}  // namespace

Result<size_t> merge_archive_members(const std::string& archive, const std::function<bool(std::string_view)>& wanted,
                                     const std::string& destination) {
  auto members = read_archive(archive);
  if (!members) return tl::unexpected(members.error());
  auto scratch = TemporaryDirectory::create(parent_directory(absolute_path(destination)), ".clifwrap-obj-");
  if (!scratch) return tl::unexpected(scratch.error());
  std::vector<std::string> names;
  for (const auto& member : *members) {
    if (!wanted(member.name)) continue;
    if (auto w = write_file_atomically(scratch->path() + "/" + member.name, member.data); !w) return tl::unexpected(w.error());
    names.push_back(member.name);
  }
  return merge_in_order(scratch->path(), names, destination);
}

Result<std::string> merge_objects(const ObjectMerge& merge) {
  sweep_abandoned_temporaries(parent_directory(absolute_path(merge.destination)));
  auto is_ours = [&](std::string_view name) { return belongs_to_compile(name, merge.stem); };
  if (merge.archive) return describe(merge_archive_members(*merge.archive, is_ours, merge.destination), merge.destination);

  // rustc wrote one object under the requested name, or left its numbered objects here.
  std::string single = file_name(merge.destination);
  if (is_regular_file(merge.private_dir + "/" + single))
    return describe(merge_in_order(merge.private_dir, {single}, merge.destination), merge.destination);
  std::vector<std::string> names;
  for (const auto& name : list_directory(merge.private_dir))
    if (is_ours(name)) names.push_back(name);
  return describe(merge_in_order(merge.private_dir, names, merge.destination), merge.destination);
}

}  // namespace clifwrap
