//! Trains the extraction core's cue model (`crates/extract/data/cue_model.bin`) on
//! brat gold (PolNeAR train): a logistic regression, by averaged stochastic gradient
//! descent, over the hashed features of every candidate token (a lower-case word
//! outside quotations that the cue lexicon lacks); a candidate is positive when it
//! is the last candidate inside a gold cue.
//!
//! With `--end` it trains the content-end model (`crates/extract/data/end_model.bin`)
//! instead: over the candidate tokens (commas, "while", "and", ...) of the reported
//! contents the rules find (with the cue model of `--cue-model`, else the built-in
//! one), a candidate is positive when the best-overlapping gold content ends right
//! before it; candidates after the gold end are not shown.
//!
//! ```text
//! cargo run --release -p dictum-cli --example train_cues -- GOLD_DIR OUT.bin \
//!     [--end [--cue-model CUES.bin]] [--threshold LOGIT] [--gate LOGIT] [--epochs N] [--bits B] \
//!     [--folds N --fold K --holdout-dir DIR]
//! ```
//!
//! With `--folds N --fold K` it trains on the documents whose index modulo N is not K,
//! reports token precision and recall on the others, and (with `--holdout-dir`)
//! links the held-out documents into DIR for `dictum eval DIR --cue-model OUT.bin`.

use std::path::{Path, PathBuf};

use dictum_extract::{CueModel, Extractor, CUE_FEATURES};

struct Opts {
    gold: PathBuf,
    out: PathBuf,
    threshold: f32,
    epochs: usize,
    bits: u32,
    folds: usize,
    fold: usize,
    holdout: Option<PathBuf>,
    end: bool,
    cue_model: Option<PathBuf>,
    gate: f32,
}

fn parse() -> Result<Opts, String> {
    let mut pos = Vec::new();
    let mut o = Opts {
        gold: PathBuf::new(),
        out: PathBuf::new(),
        threshold: 1.0,
        epochs: 6,
        bits: 16,
        folds: 0,
        fold: 0,
        holdout: None,
        end: false,
        cue_model: None,
        gate: -2.0,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--threshold" => o.threshold = val()?.parse().map_err(|e| format!("{e}"))?,
            "--epochs" => o.epochs = val()?.parse().map_err(|e| format!("{e}"))?,
            "--bits" => o.bits = val()?.parse().map_err(|e| format!("{e}"))?,
            "--folds" => o.folds = val()?.parse().map_err(|e| format!("{e}"))?,
            "--fold" => o.fold = val()?.parse().map_err(|e| format!("{e}"))?,
            "--holdout-dir" => o.holdout = Some(PathBuf::from(val()?)),
            "--cue-model" => o.cue_model = Some(PathBuf::from(val()?)),
            "--end" => o.end = true,
            "--gate" => o.gate = val()?.parse().map_err(|e| format!("{e}"))?,
            _ => pos.push(PathBuf::from(a)),
        }
    }
    if pos.len() != 2 || !(8..=24).contains(&o.bits) {
        return Err("usage: train_cues GOLD_DIR OUT.bin [--threshold LOGIT] [--gate LOGIT] [--epochs N] [--bits B] [--folds N --fold K --holdout-dir DIR]".into());
    }
    o.out = pos.pop().unwrap_or_default();
    o.gold = pos.pop().unwrap_or_default();
    Ok(o)
}

/// Byte offset of every code point (and of the end).
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

struct Example {
    features: [u32; CUE_FEATURES],
    label: bool,
}

fn examples(ex: &Extractor, doc: &dictum_eval::GoldDoc) -> Vec<Example> {
    let c2b = char_to_byte(&doc.text);
    let to_b = |c: usize| c2b.get(c).copied().unwrap_or(doc.text.len());
    let cues: Vec<(usize, usize)> = doc
        .attributions
        .iter()
        .flat_map(|a| a.cue.iter().map(|&(s, e)| (to_b(s), to_b(e))))
        .collect();
    let cands = ex.cue_candidates(&doc.text);
    // The positive is the last candidate inside a cue ("made clear", "support
    // for"): the rules build the content after it.
    let mut label = vec![false; cands.len()];
    for &(s, e) in &cues {
        if let Some(k) = cands
            .iter()
            .rposition(|c| s < c.span.end && c.span.start < e)
        {
            label[k] = true;
        }
    }
    cands
        .into_iter()
        .zip(label)
        .map(|(c, label)| Example {
            label,
            features: c.features,
        })
        .collect()
}

fn end_examples(ex: &Extractor, doc: &dictum_eval::GoldDoc) -> Vec<Example> {
    let c2b = char_to_byte(&doc.text);
    let to_b = |c: usize| c2b.get(c).copied().unwrap_or(doc.text.len());
    let gold: Vec<(usize, usize)> = doc
        .attributions
        .iter()
        .flat_map(|a| a.content.iter().map(|&(s, e)| (to_b(s), to_b(e))))
        .collect();
    let has_word = |a: usize, b: usize| {
        doc.text
            .get(a.min(b)..b)
            .is_some_and(|t| t.chars().any(char::is_alphanumeric))
    };
    let mut out = Vec::new();
    let mut stopped: Option<dictum_extract::Span> = None;
    for c in ex.end_candidates(&doc.text) {
        if stopped == Some(c.piece) {
            continue;
        }
        let best = gold
            .iter()
            .map(|&(s, e)| {
                (
                    e.min(c.piece.end).saturating_sub(s.max(c.piece.start)),
                    (s, e),
                )
            })
            .filter(|&(o, _)| o > 0)
            .max_by_key(|&(o, _)| o);
        let Some((_, (_, ge))) = best else {
            continue; // a spurious statement teaches nothing about ends
        };
        if c.span.start < ge || !has_word(ge, c.piece.end) {
            out.push(Example {
                features: c.features,
                label: false,
            });
        } else {
            out.push(Example {
                features: c.features,
                label: !has_word(ge, c.span.start),
            });
            stopped = Some(c.piece);
        }
    }
    out
}

fn link_doc(gold: &Path, dir: &Path, doc: &str) -> std::io::Result<()> {
    let text = format!("{doc}.txt");
    std::os::unix::fs::symlink(
        std::fs::canonicalize(gold.join("text").join(&text))?,
        dir.join("text").join(&text),
    )?;
    for e in std::fs::read_dir(gold.join("attributions"))? {
        let e = e?;
        let name = e.file_name().to_string_lossy().into_owned();
        if let Some(rest) = name.strip_prefix(doc).and_then(|r| r.strip_prefix('_')) {
            if rest.ends_with(".ann") && !rest.contains('_') {
                std::os::unix::fs::symlink(
                    std::fs::canonicalize(e.path())?,
                    dir.join("attributions").join(&name),
                )?;
            }
        }
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let o = parse()?;
    let gold = dictum_eval::load_gold(&o.gold)?;
    let ex = if o.end {
        let cues = match &o.cue_model {
            Some(p) => CueModel::from_bytes(std::fs::read(p)?.into())?,
            None => CueModel::builtin(),
        };
        Extractor::with_models(cues, CueModel::empty())
    } else {
        Extractor::with_models(CueModel::empty(), CueModel::empty())
    };
    let examples = |ex: &Extractor, d: &dictum_eval::GoldDoc| {
        if o.end {
            end_examples(ex, d)
        } else {
            examples(ex, d)
        }
    };
    let held = |i: usize| o.folds > 1 && i % o.folds == o.fold;
    let mut train = Vec::new();
    let mut test = Vec::new();
    for (i, d) in gold.iter().enumerate() {
        if held(i) {
            test.extend(examples(&ex, d));
        } else {
            train.extend(examples(&ex, d));
        }
    }
    if let Some(dir) = &o.holdout {
        std::fs::create_dir_all(dir.join("text"))?;
        std::fs::create_dir_all(dir.join("attributions"))?;
        for (i, d) in gold.iter().enumerate().filter(|(i, _)| held(*i)) {
            let _ = i;
            link_doc(&o.gold, dir, &d.doc)?;
        }
    }
    let pos = train.iter().filter(|e| e.label).count();
    eprintln!(
        "{} training candidates ({} cues), {} held out",
        train.len(),
        pos,
        test.len()
    );

    // Averaged SGD on the logistic loss, with a small L2 penalty applied lazily.
    let dim = 1usize << o.bits;
    let mut w = vec![0f32; dim];
    let mut sum = vec![0f64; dim];
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut steps = 0f64;
    for epoch in 0..o.epochs {
        for k in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(k, (seed % (k as u64 + 1)) as usize);
        }
        let lr = 0.2 / (1.0 + epoch as f32);
        for &n in &order {
            let e = &train[n];
            let z: f32 = e.features.iter().map(|&f| w[f as usize & (dim - 1)]).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let g = f32::from(u8::from(e.label)) - p;
            for &f in &e.features {
                let k = f as usize & (dim - 1);
                w[k] += lr * g;
                // averaging: weight the update by the steps it will stay in
                sum[k] -= f64::from(lr * g) * steps;
            }
            steps += 1.0;
        }
    }
    // Averaged weights: w - sum/steps (the standard trick for averaged updates).
    let avg: Vec<f32> = w
        .iter()
        .zip(&sum)
        .map(|(&wi, &si)| (f64::from(wi) + si / steps) as f32)
        .collect();
    let bytes = CueModel::encode(&avg, o.threshold, o.gate);
    std::fs::write(&o.out, &bytes)?;
    let model = CueModel::from_bytes(bytes.into())?;
    for (name, set) in [("train", &train), ("held-out", &test)] {
        if set.is_empty() {
            continue;
        }
        let mut line = format!("{name}: token P/R at logit");
        for t in [-1.0f32, 0.0, 0.5, 1.0, 1.5, 2.0, 3.0] {
            let (mut tp, mut fp, mut fneg) = (0, 0, 0);
            for e in set.iter() {
                let yes = model.score(&e.features) > t;
                match (yes, e.label) {
                    (true, true) => tp += 1,
                    (true, false) => fp += 1,
                    (false, true) => fneg += 1,
                    _ => {}
                }
            }
            let p = tp as f64 / (tp + fp).max(1) as f64;
            let r = tp as f64 / (tp + fneg).max(1) as f64;
            line.push_str(&format!("  {t}: {p:.2}/{r:.2} ({})", tp + fp));
        }
        eprintln!("{line}");
    }
    Ok(())
}
