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
