// What the entry stubs of interrupts.rs call and count, named there by `sym` only.
use core::sync::atomic::{AtomicU64, Ordering};

/// Incremented by the entry stub itself, from assembly.
pub static BREAKPOINT_ENTRIES: AtomicU64 = AtomicU64::new(0);
pub static HANDLED: AtomicU64 = AtomicU64::new(0);

/// Called by the breakpoint entry stub with the saved registers; the interrupt frame follows them.
pub extern "C" fn breakpoint(saved: *const u64) {
    // Nine saved registers, then the CPU's frame: RIP, CS, RFLAGS, RSP, SS.
    let code_segment = unsafe { saved.add(10).read() };
    if code_segment == 0x08 {
        HANDLED.fetch_add(1, Ordering::SeqCst);
    }
}
