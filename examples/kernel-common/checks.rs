// What both kernels check, each a name, the value computed and the value expected. black_box keeps
// the compiler from folding the work away: the backend has to generate it.
use alloc::collections::BTreeMap;
use core::fmt::Write;
use alloc::vec::Vec;
use core::hint::black_box;
use core::sync::atomic::{AtomicU64, Ordering};

fn fibonacci(n: u64) -> u64 {
    if n < 2 { n } else { fibonacci(n - 1) + fibonacci(n - 2) }
}

pub fn run() -> [(&'static str, u64, u64); 6] {
    let arithmetic = (black_box(6u64) * 7 + 100) / 2 - 21;

    let recursion = fibonacci(black_box(20));

    let squares: [u64; 10] = core::array::from_fn(|i| black_box((i as u64 + 1) * (i as u64 + 1)));
    let array: u64 = squares.iter().sum();

    let mut numbers: Vec<u64> = (0..black_box(1000u64)).rev().collect();
    numbers.sort_unstable();
    let vec = numbers[500] + numbers.len() as u64;

    let mut map = BTreeMap::new();
    for i in 0..black_box(100u64) {
        map.insert((i * 7) % 101, i);
    }
    let btreemap = map.len() as u64 * 1000 + *map.keys().next().unwrap() + map.values().sum::<u64>();

    let counter = AtomicU64::new(0);
    for _ in 0..black_box(1000) {
        counter.fetch_add(1 << 33, Ordering::SeqCst);
    }
    let atomic = counter.load(Ordering::SeqCst);

    [
        ("arithmetic", arithmetic, 50),
        ("recursion fibonacci(20)", recursion, 6765),
        ("array sum of squares", array, 385),
        ("vec sorted", vec, 1500),
        ("btreemap", btreemap, 100 * 1000 + 4950),
        ("atomic u64", atomic, 1000 << 33),
    ]
}

/// Runs the checks and prints one line each, then a verdict; true when every check passed.
pub fn run_and_report(console: &mut dyn Write) -> bool {
    let mut all_passed = true;
    for (name, got, expected) in run() {
        let passed = got == expected;
        all_passed &= passed;
        let _ = writeln!(console, "{name}: {got} {}", if passed { "ok" } else { "FAILED" });
    }
    let _ = writeln!(console, "{}", if all_passed { "all checks passed" } else { "some checks FAILED" });
    all_passed
}
