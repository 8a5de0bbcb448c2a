// What the entry stub of exceptions.rs calls and counts, named there by `sym` only.
use core::sync::atomic::{AtomicU64, Ordering};

/// Incremented by the entry stub itself, from assembly.
pub static SYNCHRONOUS_ENTRIES: AtomicU64 = AtomicU64::new(0);
pub static HANDLED: AtomicU64 = AtomicU64::new(0);

/// Called by the synchronous entry stub: a `brk` (exception class 0x3c) is counted and stepped
/// over, since ELR_EL1 points at the `brk` itself.
pub extern "C" fn synchronous(_saved: *const u64) {
    let syndrome: u64;
    unsafe { core::arch::asm!("mrs {}, esr_el1", out(reg) syndrome) };
    if syndrome >> 26 == 0x3c {
        HANDLED.fetch_add(1, Ordering::SeqCst);
        unsafe { core::arch::asm!("mrs {0}, elr_el1", "add {0}, {0}, #4", "msr elr_el1, {0}", out(reg) _) };
    }
}
