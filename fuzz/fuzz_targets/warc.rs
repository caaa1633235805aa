//! Arbitrary bytes as a WARC file (plain, or gzip members when they start with the magic).
#![no_main]

use dictum_ingest::{read_bytes, Format, Item, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = Options { max_bytes: 1 << 20 };
    for item in read_bytes(data, Some(Format::Warc), "fuzz.warc", &opts) {
        match item {
            Item::Doc(d) => assert!(d.origin.starts_with("fuzz.warc#record ")),
            Item::Error(e) => assert!(e.to_string().starts_with("fuzz.warc")),
        }
    }
});
