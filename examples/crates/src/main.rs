use futures::executor::{block_on, ThreadPool};
use futures::future::join_all;
use futures::task::SpawnExt;
use regex::Regex;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Debug, PartialEq)]
struct Crate {
    name: String,
    version: String,
    downloads: u64,
}

fn main() {
    // With a number, the same work on that many records, for bench/whole_build.sh's run-time price.
    if let Some(records) = std::env::args().nth(1) {
        let records: u64 = records.parse().expect("usage: crates-demo [records]");
        println!("checksum over {records} records: {}", larger_input(records));
        return;
    }
    let crates = vec![
        Crate { name: "serde".into(), version: "1.0.152".into(), downloads: 300 },
        Crate { name: "regex".into(), version: "1.7.1".into(), downloads: 200 },
    ];
    let json = serde_json::to_string(&crates).unwrap();
    println!("serde_json: {json}");
    let back: Vec<Crate> = serde_json::from_str(&json).unwrap();
    println!("round trip equal: {}", back == crates);

    let version = Regex::new(r"^(\d+)\.(\d+)\.(\d+)$").unwrap();
    for c in &back {
        let parts = version.captures(&c.version).unwrap();
        println!("regex: {} major {} minor {} patch {}", c.name, &parts[1], &parts[2], &parts[3]);
    }

    let pool = ThreadPool::builder().pool_size(2).create().unwrap();
    let tasks: Vec<_> = (1..=4u64)
        .map(|n| pool.spawn_with_handle(async move { (1..=n * 100).sum::<u64>() }).unwrap())
        .collect();
    let sums = block_on(join_all(tasks));
    println!("futures thread pool: {sums:?}");
}

/// serde_json both ways, a regex on every version and the thread pool's sums, over `records`
/// generated records; returns a checksum so that no part can be optimised away.
fn larger_input(records: u64) -> u64 {
    let crates: Vec<Crate> = (0..records)
        .map(|i| Crate { name: format!("crate-{i}"), version: format!("{}.{}.{}", i % 7, i % 100, i), downloads: i * 3 })
        .collect();
    let json = serde_json::to_string(&crates).unwrap();
    let back: Vec<Crate> = serde_json::from_str(&json).unwrap();
    assert!(back == crates);
    let version = Regex::new(r"^(\d+)\.(\d+)\.(\d+)$").unwrap();
    let patches: u64 = back.iter().map(|c| version.captures(&c.version).unwrap()[3].parse::<u64>().unwrap()).sum();
    let pool = ThreadPool::builder().pool_size(2).create().unwrap();
    let tasks: Vec<_> = (1..=8u64)
        .map(|n| pool.spawn_with_handle(async move { (1..=n * records).map(|k| k ^ (k >> 3)).sum::<u64>() }).unwrap())
        .collect();
    let sums: u64 = block_on(join_all(tasks)).iter().sum();
    json.len() as u64 + patches + sums
}
