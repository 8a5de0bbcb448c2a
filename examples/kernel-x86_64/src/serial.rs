// COM1 at port 0x3f8, which QEMU's -serial stdio shows.
use core::fmt;

const COM1: u16 = 0x3f8;

unsafe fn outb(port: u16, value: u8) {
    core::arch::asm!("out dx, al", in("dx") port, in("al") value, options(nomem, nostack));
}

unsafe fn inb(port: u16) -> u8 {
    let value: u8;
    core::arch::asm!("in al, dx", out("al") value, in("dx") port, options(nomem, nostack));
    value
}

pub struct Serial;

impl fmt::Write for Serial {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        for byte in text.bytes() {
            unsafe {
                while inb(COM1 + 5) & 0x20 == 0 {}
                outb(COM1, byte);
            }
        }
        Ok(())
    }
}

/// QEMU's isa-debug-exit device: the process exits with (code << 1) | 1.
pub fn exit_qemu(code: u8) -> ! {
    unsafe { outb(0xf4, code) };
    loop {
        unsafe { core::arch::asm!("hlt") };
    }
}

#[macro_export]
macro_rules! println {
    ($($arg:tt)*) => {{
        use core::fmt::Write;
        let _ = writeln!($crate::serial::Serial, $($arg)*);
    }};
}
