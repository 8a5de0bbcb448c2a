/* The boundary between clifwrap and its lld module (clifwrap-lld.so). The module carries lld and
 * libLLVM.so; clifwrap loads it only when it links, so the wrapper's hot path never pays for LLVM.
 * C types only: the two sides have separate C++ runtimes (clifwrap links libstdc++ statically). */
#ifndef CLIFWRAP_LLD_MODULE_ABI_H
#define CLIFWRAP_LLD_MODULE_ABI_H

#include <stddef.h>

#define CLIFWRAP_LLD_ABI_VERSION 1

#ifdef __cplusplus
extern "C" {
#endif

/* stream: 1 for lld's stdout, 2 for its stderr. */
typedef void (*clifwrap_lld_sink)(void* context, int stream, const char* text, size_t size);

/* The module's CLIFWRAP_LLD_ABI_VERSION. */
typedef int (*clifwrap_lld_abi_version_fn)(void);

/* flags: the process ends after this link, so lld's memory is not torn down (as ld.lld does). */
#define CLIFWRAP_LLD_ONE_SHOT 1

/* Runs lld's ELF driver on argv (argv[0] "ld.lld") and returns its exit code. Calls are
 * serialized (lld is not thread-safe). *can_run_again is 0 after a fatal error or a crash: lld's
 * state is spoiled; the message went through the sink instead of ending the process. */
typedef int (*clifwrap_lld_link_fn)(int argc, const char* const* argv, int flags, clifwrap_lld_sink sink,
                                    void* context, int* can_run_again);

#ifdef __cplusplus
}
#endif

#endif
