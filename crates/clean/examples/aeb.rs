//! Main-text benchmark on the article-extraction benchmark pages.
//!
//! ```sh
//! cargo run --release -p dictum-clean --example aeb -- PRED.json ../shared/eval/aeb/html/*.html.gz
//! python3 ../shared/eval/score_aeb.py PRED.json
//! ```
//!
//! Reads each `ID.html.gz` (or `.html`), decodes it with dictum-ingest's
//! charset rules, runs [`Cleaner::clean_html`] and writes
//! `{"ID": {"articleBody": TEXT}}`. Prints the cleaning time per page (decoding
//! excluded). Options: `--no-fallback` (trafilatura without its readability and
//! jusText fallbacks), `--raw` (the extractor's text, without dictum's
//! furniture pass), `--extractor-only` (time and text of the extractor alone,
//! without dictum's metadata and furniture passes).

use std::io::Read;
use std::time::{Duration, Instant};

use dictum_clean::{Cleaner, Hints, MainText, Trafilatura};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |args: &mut Vec<String>, name: &str| {
        let had = args.iter().any(|a| a == name);
        args.retain(|a| a != name);
        had
    };
    let no_fallback = flag(&mut args, "--no-fallback");
    let raw = flag(&mut args, "--raw");
    let extractor_only = flag(&mut args, "--extractor-only");
    if args.len() < 2 {
        eprintln!(
            "usage: aeb [--no-fallback] [--raw] [--extractor-only] PRED.json PAGE.html.gz..."
        );
        std::process::exit(2);
    }
    let out_path = args.remove(0);
    let extractor = Trafilatura::new(!no_fallback);
    let cleaner = Cleaner::with_main_text(Box::new(extractor.clone()));
    let mut out = serde_json::Map::new();
    let mut total = Duration::ZERO;
    let mut pages = 0usize;
    for path in &args {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let bytes = if path.ends_with(".gz") {
            let mut d = flate2::read::MultiGzDecoder::new(&bytes[..]);
            let mut v = Vec::new();
            if let Err(e) = d.read_to_end(&mut v) {
                eprintln!("{path}: {e}");
                continue;
            }
            v
        } else {
            bytes
        };
        let html = dictum_ingest::decode_html(&bytes, None);
        let name = std::path::Path::new(path)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("");
        let id = name.trim_end_matches(".gz").trim_end_matches(".html");
        let t = Instant::now();
        let (text, title) = if extractor_only {
            let o = extractor.extract(&html);
            (o.text, o.title)
        } else {
            let article = cleaner.clean_html(&html, &Hints::default());
            let text = if raw { article.extracted } else { article.text };
            (text, article.title)
        };
        total += t.elapsed();
        pages += 1;
        out.insert(
            id.to_string(),
            serde_json::json!({ "articleBody": text, "title": title }),
        );
    }
    let json = serde_json::Value::Object(out).to_string();
    if let Err(e) = std::fs::write(&out_path, json) {
        eprintln!("{out_path}: {e}");
        std::process::exit(1);
    }
    let ms = total.as_secs_f64() * 1000.0 / pages.max(1) as f64;
    let what = if extractor_only {
        "extractor"
    } else {
        "clean_html"
    };
    println!("{pages} pages, {ms:.2} ms/page ({what}, one thread)");
}
