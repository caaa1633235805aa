//! Measures copy detection on real articles.
//!
//! `cargo run --release -p dictum-link --example copies -- DIR [SEED]`
//!
//! Every `.txt` file in DIR is one article body. A sample of them gets
//! synthetic copies (reordered, trimmed, re-headlined, wrapped in site
//! furniture, combinations); all other articles are the negatives. Prints
//! pairwise precision and recall, per-variant recall and the thresholds.

use std::path::PathBuf;

use dictum_link::copies;
use dictum_link::fingerprint;
use dictum_link::synth::{evaluate, evaluate_quotes, Mistake, Origin};

fn name(o: &Origin, files: &[PathBuf]) -> String {
    let f = files
        .get(o.original)
        .and_then(|p| p.file_name())
        .map(|s| s.to_string_lossy().into_owned());
    match o.variant {
        Some(v) => format!("{} [{}]", f.unwrap_or_default(), v.as_str()),
        None => f.unwrap_or_default(),
    }
}

fn show(m: &Mistake, files: &[PathBuf]) {
    println!(
        "  J={:.3} C={:.3}  {}  ~  {}",
        m.jaccard,
        m.containment,
        name(&m.a, files),
        name(&m.b, files)
    );
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: copies DIR [SEED]");
        std::process::exit(2);
    };
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect(),
        Err(e) => {
            eprintln!("{dir}: {e}");
            std::process::exit(2);
        }
    };
    files.sort();
    let mut texts = Vec::new();
    let mut kept = Vec::new();
    for f in &files {
        match std::fs::read(f) {
            Ok(b) => {
                texts.push(String::from_utf8_lossy(&b).into_owned());
                kept.push(f.clone());
            }
            Err(e) => eprintln!("{}: {e}", f.display()),
        }
    }
    match args.next().as_deref() {
        Some("--grid") => {
            grid(&texts, seed);
            return;
        }
        Some("--quote-grid") => {
            quote_grid(&texts, seed);
            return;
        }
        _ => {}
    }
    let t = std::time::Instant::now();
    let r = evaluate(&texts, seed);
    let secs = t.elapsed().as_secs_f64();
    println!(
        "articles {} ({} of at least {} words)  sampled {}  documents {}  seed {seed}  ({secs:.2} s)",
        texts.len(),
        r.eligible,
        dictum_link::synth::EVAL_MIN_WORDS,
        r.sampled,
        r.docs
    );
    println!(
        "thresholds: {}-word shingles, {} hashes = {} bands x {} rows, min shingles {}, min Jaccard {}, min containment {}",
        copies::SHINGLE,
        copies::NUM_HASHES,
        copies::BANDS,
        copies::ROWS,
        copies::MIN_SHINGLES,
        copies::MIN_JACCARD,
        copies::MIN_CONTAINMENT
    );
    println!(
        "pairs {}  candidates {}  true_pos {}  false_pos {} (between originals {})  false_neg {}",
        r.pairs, r.candidates, r.true_pos, r.false_pos, r.false_pos_originals, r.false_neg
    );
    println!("precision {:.4}  recall {:.4}", r.precision, r.recall);
    println!(
        "precision if only copies of the same original counted as true: {:.4}",
        r.precision_same_original_only
    );
    println!(
        "copies already in the corpus (exact containment >= {}): {} pairs; linked pairs descending from them: {}",
        dictum_link::synth::TRUTH_CONTAINMENT,
        r.corpus_copies.len(),
        r.linked_via_corpus_copies
    );
    for &(i, j, con) in &r.corpus_copies {
        let f = |k: usize| {
            kept.get(k)
                .and_then(|p| p.file_name())
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        println!("  C={con:.3}  {}  ~  {}", f(i), f(j));
    }
    println!("recall per variant (copy vs original):");
    for v in &r.per_variant {
        println!(
            "  {:<45} {:>4}/{:<4} {:.4}",
            v.variant.as_str(),
            v.found,
            v.pairs,
            if v.pairs == 0 {
                1.0
            } else {
                v.found as f64 / v.pairs as f64
            }
        );
    }
    if !r.false_pos_examples.is_empty() {
        println!("false positives (first {}):", r.false_pos_examples.len());
        for m in &r.false_pos_examples {
            show(m, &kept);
        }
    }
    if !r.false_neg_examples.is_empty() {
        println!("false negatives (first {}):", r.false_neg_examples.len());
        for m in &r.false_neg_examples {
            show(m, &kept);
        }
    }
    quotes(&texts, seed);
}

/// Exhaustive scan (no LSH) for tuning: true and false pairs passing each
/// (Jaccard, containment) threshold pair. Run with `--grid` as third argument.
fn grid(texts: &[String], seed: u64) {
    use dictum_link::copies::{containment, jaccard, signature, MIN_SHINGLES};
    let c = dictum_link::synth::corpus(texts, seed);
    let sigs: Vec<_> = c.docs.iter().map(|d| signature(d)).collect();
    let js = [0.1, 0.12, 0.15, 0.18, 0.2, 0.25, 0.3];
    let cs = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];
    let mut tp = vec![vec![0usize; cs.len()]; js.len()];
    let mut fp = vec![vec![0usize; cs.len()]; js.len()];
    let mut pos = 0;
    for i in 0..sigs.len() {
        for j in i + 1..sigs.len() {
            let same = c.origin[i].original == c.origin[j].original;
            pos += usize::from(same);
            if sigs[i].shingles < MIN_SHINGLES || sigs[j].shingles < MIN_SHINGLES {
                continue;
            }
            let jj = jaccard(&sigs[i], &sigs[j]);
            if jj < 0.1 {
                continue;
            }
            let cc = containment(&sigs[i], &sigs[j]);
            for (a, &jt) in js.iter().enumerate() {
                for (b, &ct) in cs.iter().enumerate() {
                    if jj >= jt && cc >= ct {
                        if same {
                            tp[a][b] += 1;
                        } else {
                            fp[a][b] += 1;
                        }
                    }
                }
            }
        }
    }
    println!("true pairs {pos}; cells: found/false");
    print!("J\\C  ");
    for ct in cs {
        print!("{ct:>12}");
    }
    println!();
    for (a, jt) in js.iter().enumerate() {
        print!("{jt:<5}");
        for b in 0..cs.len() {
            print!("{:>12}", format!("{}/{}", tp[a][b], fp[a][b]));
        }
        println!();
    }
}

/// The statement rule on the quotations of the articles.
fn quotes(texts: &[String], seed: u64) {
    let t = std::time::Instant::now();
    let q = evaluate_quotes(texts, seed);
    println!();
    println!(
        "statements: {} distinct quotations of 5-80 words, {} with changed copies ({:.2} s)",
        q.quotes,
        q.sampled,
        t.elapsed().as_secs_f64()
    );
    println!(
        "thresholds: {}-word shingles, window {}, containment >= {}, shared >= {} (or identical sets)",
        fingerprint::K,
        fingerprint::W,
        fingerprint::MIN_CONTAINMENT,
        fingerprint::MIN_SHARED
    );
    println!(
        "pairs {}  true_pos {}  false_pos {}  false_neg {}",
        q.pairs, q.true_pos, q.false_pos, q.false_neg
    );
    println!("precision {:.4}  recall {:.4}", q.precision, q.recall);
    for v in &q.per_variant {
        println!(
            "  {:<45} {:>4}/{:<4} {:.4}",
            v.variant.as_str(),
            v.found,
            v.pairs,
            if v.pairs == 0 {
                1.0
            } else {
                v.found as f64 / v.pairs as f64
            }
        );
    }
    if std::env::var_os("SHOW_QUOTES").is_some() {
        for (a, b) in &q.false_pos_examples {
            println!("  FP: {a}  ~  {b}");
        }
        for (a, b) in &q.false_neg_examples {
            println!("  FN: {a}  ~  {b}");
        }
    }
}

/// Statement-rule alternatives on the quotations. Run with `--quote-grid`.
fn quote_grid(texts: &[String], seed: u64) {
    use dictum_link::fingerprint::Params;
    println!("k w min_shared min_containment: precision recall (FP FN) | half one-word two-words");
    for k in [2, 3, 4] {
        for w in [1, 2, 3, 4] {
            for min_shared in [1, 2, 3] {
                for min_containment in [0.4, 0.5, 0.6] {
                    let p = Params {
                        k,
                        w,
                        min_shared,
                        min_containment,
                    };
                    let q = dictum_link::synth::evaluate_quotes_with(texts, seed, &p);
                    let r = |i: usize| {
                        q.per_variant
                            .get(i)
                            .map_or(0.0, |v| v.found as f64 / v.pairs.max(1) as f64)
                    };
                    println!(
                        "{k} {w} {min_shared} {min_containment}: {:.4} {:.4} ({} {}) | {:.3} {:.3} {:.3}",
                        q.precision, q.recall, q.false_pos, q.false_neg, r(1), r(2), r(3)
                    );
                }
            }
        }
    }
}
