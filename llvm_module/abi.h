/* The boundary between clifwrap and its LLVM module (clifwrap-llvm.so): lld, LLVM's archive
 * reader and writer, and an ELF object check. The module carries libLLVM.so; clifwrap loads it only when it links or edits
 * an archive, so the wrapper's hot path never pays for LLVM. C types only: the two sides have
 * separate C++ runtimes (clifwrap links libstdc++ statically). */
#ifndef CLIFWRAP_LLVM_MODULE_ABI_H
#define CLIFWRAP_LLVM_MODULE_ABI_H

#include <stddef.h>

#define CLIFWRAP_LLVM_MODULE_ABI_VERSION 3

#ifdef __cplusplus
extern "C" {
#endif

/* stream: 1 for stdout, 2 for stderr. */
typedef void (*clifwrap_text_sink)(void* context, int stream, const char* text, size_t size);

/* The module's CLIFWRAP_LLVM_MODULE_ABI_VERSION. */
typedef int (*clifwrap_abi_version_fn)(void);

/* flags: the process ends after this link, so lld's memory is not torn down (as ld.lld does). */
#define CLIFWRAP_LLD_ONE_SHOT 1

/* Runs lld's ELF driver on argv (argv[0] "ld.lld") and returns its exit code. Calls are
 * serialized (lld is not thread-safe). Everything lld prints reaches the sink as it is written.
 * *can_run_again is 0 after a fatal error or a crash: lld's state is spoiled. A fatal error on one
 * of lld's worker threads is beyond the crash recovery context: lld ends the process (status 1). */
typedef int (*clifwrap_lld_link_fn)(int argc, const char* const* argv, int flags, clifwrap_text_sink sink,
                                    void* context, int* can_run_again);

/* Called once per archive member, in order; the bytes are valid during the call only. */
typedef void (*clifwrap_member_fn)(void* context, const char* name, size_t name_size, const char* data,
                                   size_t data_size);

/* Reads the archive at path. Returns 0, or 1 with the reason sent to the sink. */
typedef int (*clifwrap_archive_read_fn)(const char* path, clifwrap_member_fn each, void* each_context,
                                        clifwrap_text_sink sink, void* sink_context);

/* Writes a GNU archive with a symbol table (deterministic: no dates, owners) to path. Each member
 * goes through clifwrap_object_check first: 1 with the reason when one is malformed. */
typedef int (*clifwrap_archive_write_fn)(const char* path, size_t count, const char* const* names,
                                         const char* const* data, const size_t* sizes, clifwrap_text_sink sink,
                                         void* sink_context);

/* Checks an ELF object's structure (sections, symbol tables, relocations) the way lld's parser
 * will read it: 0 when sound or not ELF at all, else 1 with the reason sent to the sink. */
typedef int (*clifwrap_object_check_fn)(const char* data, size_t size, clifwrap_text_sink sink, void* context);

/* Finds FP/SIMD register operands in the code of a linked ELF file that Cranelift compiled (its
 * inputs' `.comment` says so), using lld's map of that link (-Map) to know each address's input.
 * Each function with one reaches the sink on stream 1 as a line: demangled function, TAB, input,
 * TAB, the first such instruction. Returns 0, or 1 with the reason on stream 2 when the files
 * cannot be read. */
typedef int (*clifwrap_fp_scan_fn)(const char* elf_path, const char* map_path, clifwrap_text_sink sink, void* context);

#ifdef __cplusplus
}
#endif

#endif
