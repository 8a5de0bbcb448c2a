// The PL011 UART of QEMU's virt machine, and PSCI to power off.
use core::fmt;

const UART: usize = 0x0900_0000;
const DATA: usize = 0x00;
const FLAGS: usize = 0x18;
const TRANSMIT_FULL: u32 = 1 << 5;

pub struct Uart;

impl fmt::Write for Uart {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        for byte in text.bytes() {
            unsafe {
                while core::ptr::read_volatile((UART + FLAGS) as *const u32) & TRANSMIT_FULL != 0 {}
                core::ptr::write_volatile((UART + DATA) as *mut u32, byte as u32);
            }
        }
        Ok(())
    }
}

/// PSCI SYSTEM_OFF through the hypervisor call: QEMU exits with status 0.
pub fn power_off() -> ! {
    unsafe { core::arch::asm!("hvc #0", in("x0") 0x8400_0008u64, options(noreturn)) }
}

#[macro_export]
macro_rules! println {
    ($($arg:tt)*) => {{
        use core::fmt::Write;
        let _ = writeln!($crate::uart::Uart, $($arg)*);
    }};
}
