//! Arbitrary bytes as a JSON Lines file (plain, gzip or zstd by magic bytes).
#![no_main]

use dictum_ingest::{read_bytes, Format, Item, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = Options { max_bytes: 1 << 16 };
    for item in read_bytes(data, Some(Format::Jsonl), "fuzz.jsonl", &opts) {
        match item {
            Item::Doc(d) => assert!(d.origin.starts_with("fuzz.jsonl:line ")),
            Item::Error(e) => assert!(e.to_string().starts_with("fuzz.jsonl")),
        }
    }
});
