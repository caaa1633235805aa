//! Arbitrary bytes as a text article, and as standard input of unknown format (sniffing,
//! gzip/zstd by magic bytes, then whichever reader the first bytes choose).
#![no_main]

use dictum_ingest::{decode_text, read_bytes, Format, Item, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match decode_text(data) {
        Ok(s) => assert!(data.ends_with(s.as_bytes())),
        Err(e) => assert!(!e.to_string().is_empty()),
    }
    let opts = Options { max_bytes: 1 << 16 };
    for item in read_bytes(data, Some(Format::Text), "fuzz.txt", &opts) {
        if let Item::Error(e) = item {
            assert!(e.to_string().starts_with("fuzz.txt"));
        }
    }
    for item in read_bytes(data, None, "-", &opts) {
        let _ = item.into_result();
    }
});
