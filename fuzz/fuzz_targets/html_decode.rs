//! Arbitrary bytes as an HTML page: charset sniffing (BOM, HTTP label, meta prescan,
//! detection with a URL's TLD) and decoding; the first byte picks the declared label.
#![no_main]

use dictum_ingest::{decode_html, decode_html_for, read_bytes, Format, Options};
use libfuzzer_sys::fuzz_target;

const LABELS: &[Option<&str>] = &[
    None,
    Some("utf-8"),
    Some("windows-1251"),
    Some("\"koi8-r\""),
    Some("utf-16"),
    Some("bogus"),
    Some(""),
];
const URLS: &[Option<&str>] = &[
    None,
    Some("https://news.example.ru/a"),
    Some("http://x.рф/"),
    Some("::::"),
    Some("http://EXAMPLE.COM./"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&sel, bytes)) = data.split_first() else {
        return;
    };
    let label = LABELS[sel as usize % LABELS.len()];
    let url = URLS[(sel as usize / LABELS.len()) % URLS.len()];
    let s = decode_html_for(bytes, label, url);
    let _ = decode_html(bytes, label);
    assert!(s.len() <= bytes.len() * 3 + 3);
    for item in read_bytes(bytes, Some(Format::Html), "fuzz.html", &Options::default()) {
        let _ = item.into_result();
    }
});
