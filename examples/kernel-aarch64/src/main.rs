// A no_std kernel for aarch64-unknown-none on QEMU's virt machine: three breakpoints taken through
// a Redox-shaped exception entry (exceptions.rs), the checks both example kernels share, printed on
// the PL011 UART, then PSCI SYSTEM_OFF. QEMU's exit status is 0 either way, so the last line says
// whether every check passed.
#![no_std]
#![no_main]

extern crate alloc;

mod boot;
mod exception_handlers;
mod exceptions;
#[macro_use]
mod uart;
#[path = "../../kernel-common/checks.rs"]
mod checks;
#[path = "../../kernel-common/heap.rs"]
mod heap;

#[global_allocator]
static HEAP: heap::BumpHeap = heap::BumpHeap::new();

#[no_mangle]
pub extern "C" fn kernel_main() -> ! {
    println!("kernel-aarch64: booted at EL1, MMU on");
    exceptions::init();
    let (entered, handled) = exceptions::raise_breakpoints(core::hint::black_box(3));
    let exceptions_ok = entered == 3 && handled == 3;
    println!("breakpoints entered {entered}, handled {handled} {}", if exceptions_ok { "ok" } else { "FAILED" });
    checks::run_and_report(&mut uart::Uart); // QEMU's status is 0 either way: the last line says
    uart::power_off()
}

#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    println!("panic: {info}");
    uart::power_off()
}
