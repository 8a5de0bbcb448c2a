// clifwrap-llvm.so, archive part: LLVM's archive reader and writer behind the C boundary of
// llvm_module/abi.h. The writer builds the symbol table from the members' own symbols, which is
// what a folded staticlib needs.
#include <memory>
#include <string>
#include <vector>

#include <llvm/Object/Archive.h>
#include <llvm/Object/ArchiveWriter.h>
#include <llvm/Support/Error.h>
#include <llvm/Support/MemoryBuffer.h>

#include "llvm_module/abi.h"
#include "llvm_module/object_check_module.hpp"

namespace {

int report(clifwrap_text_sink sink, void* context, const std::string& message) {
  std::string line = message + "\n";
  sink(context, 2, line.data(), line.size());
  return 1;
}

}  // namespace

extern "C" __attribute__((visibility("default"))) int clifwrap_archive_read(const char* path, clifwrap_member_fn each,
                                                                              void* each_context, clifwrap_text_sink sink,
                                                                              void* sink_context) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!buffer) return report(sink, sink_context, buffer.getError().message());
  auto archive = llvm::object::Archive::create((*buffer)->getMemBufferRef());
  if (!archive) return report(sink, sink_context, "not a valid archive: " + llvm::toString(archive.takeError()));
  if ((*archive)->isThin()) return report(sink, sink_context, "a thin archive: its members are other files");
  llvm::StringRef whole = (*buffer)->getBuffer();
  llvm::Error error = llvm::Error::success();
  for (const auto& child : (*archive)->children(error)) {
    auto name = child.getName();
    if (!name) return report(sink, sink_context, "a member without a readable name: " + llvm::toString(name.takeError()));
    auto data = child.getBuffer();
    if (!data) return report(sink, sink_context, "member " + name->str() + ": " + llvm::toString(data.takeError()));
    // LLVM's reader lets a member's size run past the end of the file (found by fuzz_archive_fold).
    if (data->begin() < whole.begin() || data->end() > whole.end())
      return report(sink, sink_context, "truncated: member " + name->str() + " runs past the end of the archive");
    each(each_context, name->data(), name->size(), data->data(), data->size());
  }
  if (error) return report(sink, sink_context, "a corrupt member: " + llvm::toString(std::move(error)));
  return 0;
}

extern "C" __attribute__((visibility("default"))) int clifwrap_archive_write(const char* path, size_t count,
                                                                               const char* const* names,
                                                                               const char* const* data,
                                                                               const size_t* sizes,
                                                                               clifwrap_text_sink sink, void* sink_context) {
  // The writer reads each member's symbols for the archive's index and aborts the process on a
  // malformed object (LLVM ERROR, found by fuzz_archive_fold): members are checked first.
  for (size_t i = 0; i < count; ++i) {
    std::string problem = clifwrap_module::elf_object_problem(llvm::StringRef(data[i], sizes[i]));
    if (!problem.empty())
      return report(sink, sink_context, std::string("member ") + names[i] + ": not a sound ELF object: " + problem);
  }
  std::vector<llvm::NewArchiveMember> members;
  members.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    llvm::NewArchiveMember member;
    member.Buf = llvm::MemoryBuffer::getMemBuffer(llvm::StringRef(data[i], sizes[i]), names[i], false);
    member.MemberName = names[i];
    members.push_back(std::move(member));
  }
  std::string warnings;
  llvm::Error error = llvm::writeArchive(path, members, llvm::SymtabWritingMode::NormalSymtab,
                                         llvm::object::Archive::K_GNU, /*Deterministic=*/true, /*Thin=*/false,
                                         nullptr, std::nullopt, [&](llvm::Error warning) {
                                           warnings += llvm::toString(std::move(warning)) + "\n";
                                         });
  if (!warnings.empty()) sink(sink_context, 2, warnings.data(), warnings.size());
  if (error) return report(sink, sink_context, llvm::toString(std::move(error)));
  return 0;
}
