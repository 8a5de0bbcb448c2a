// A no_std kernel for x86_64-unknown-none: booted by QEMU through its PVH note (boot.rs), it takes
// three breakpoint interrupts through a Redox-shaped entry stub (interrupts.rs), runs the checks
// both example kernels share on a small heap, prints each on the serial port, and ends QEMU
// through the isa-debug-exit device (exit status 33 when every check passed).
#![no_std]
#![no_main]

extern crate alloc;

mod boot;
mod interrupt_handlers;
mod interrupts;
#[macro_use]
mod serial;
#[path = "../../kernel-common/checks.rs"]
mod checks;
#[path = "../../kernel-common/heap.rs"]
mod heap;

#[global_allocator]
static HEAP: heap::BumpHeap = heap::BumpHeap::new();

#[no_mangle]
pub extern "C" fn kernel_main() -> ! {
    println!("kernel-x86_64: booted in long mode");
    interrupts::init();
    let (entered, handled) = interrupts::raise_breakpoints(core::hint::black_box(3));
    let interrupts_ok = entered == 3 && handled == 3;
    println!("breakpoints entered {entered}, handled {handled} {}", if interrupts_ok { "ok" } else { "FAILED" });
    let all_passed = checks::run_and_report(&mut serial::Serial) && interrupts_ok;
    serial::exit_qemu(if all_passed { 0x10 } else { 0x11 })
}

#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    println!("panic: {info}");
    serial::exit_qemu(0x11)
}
