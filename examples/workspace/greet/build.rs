// Generates a constant so the library depends on its build script's output.
use std::{env, fs, path::Path};

fn main() {
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("generated.rs");
    fs::write(out, "pub const ANSWER: u64 = 6 * 7;\n").unwrap();
    println!("cargo:rerun-if-changed=build.rs");
}
