//! What the cleaning stage makes of files: one JSON object per file.
//!
//! ```sh
//! cargo run --release -p dictum-clean --example clean -- FILE.txt PAGE.html[.gz]...
//! ```
//!
//! `.txt` files go through [`Cleaner::clean_text`], `.html`/`.htm` (optionally
//! gzipped) through [`Cleaner::clean_html`]. The output lists the metadata, the
//! removed pieces with their reason, and the clean text.

use std::io::Read;

use dictum_clean::{Article, Cleaner, Hints};

fn main() {
    let cleaner = Cleaner::new();
    let mut failed = false;
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                failed = true;
                continue;
            }
        };
        let (bytes, name) = match path.strip_suffix(".gz") {
            Some(stem) => {
                let mut v = Vec::new();
                if let Err(e) = flate2::read::MultiGzDecoder::new(&bytes[..]).read_to_end(&mut v) {
                    eprintln!("{path}: {e}");
                    failed = true;
                    continue;
                }
                (v, stem)
            }
            None => (bytes, path.as_str()),
        };
        let (article, original) = if name.ends_with(".html") || name.ends_with(".htm") {
            let html = dictum_ingest::decode_html(&bytes, None);
            let a = cleaner.clean_html(&html, &Hints::default());
            let original = a.extracted.clone();
            (a, original)
        } else {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            (cleaner.clean_text(&text, &Hints::default()), text)
        };
        println!("{}", to_json(&path, &article, &original));
    }
    if failed {
        std::process::exit(1);
    }
}

fn to_json(path: &str, a: &Article, original: &str) -> serde_json::Value {
    let removed: Vec<serde_json::Value> = a
        .removed
        .iter()
        .map(|r| {
            serde_json::json!([
                format!("{:?}", r.reason),
                original.get(r.start..r.end).unwrap_or("")
            ])
        })
        .collect();
    serde_json::json!({
        "doc": path,
        "url": a.url,
        "title": a.title,
        "outlet": a.outlet,
        "published": a.published.map(|d| d.to_string()),
        "published_source": a.published.map(|d| d.source.as_str()),
        "place": a.place,
        "author": a.author,
        "language": a.language,
        "removed": removed,
        "text": a.text,
    })
}
