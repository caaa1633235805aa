//! `dictum eval-pairs`: same-statement matching measured on the MRPC train file.
//!
//! The file is split deterministically (a hash of the two sentence ids: one pair in five is
//! dev). Thresholds and the logistic regression are learned on the train part only; accuracy
//! and F1 are reported on dev. The MRPC test split is never used.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use dictum_embed::{cosine, Embedder};
use dictum_link::hash::fnv1a;
use dictum_link::pairs::{self, Cosines, Fitted, TfIdf, FEATURES};

use crate::models::{self, STATIC_ENV};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// MRPC's msr_paraphrase_train.txt (tab-separated: Quality, #1 ID, #2 ID, #1 String,
    /// #2 String).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The MiniLM directory (default: $DICTUM_MODEL; without it MiniLM is left out).
    #[arg(long, env = "DICTUM_MODEL", value_name = "DIR")]
    pub model_dir: Option<PathBuf>,
    /// The static model's directory (default: $DICTUM_STATIC_MODEL; without it, left out).
    #[arg(long, env = STATIC_ENV, value_name = "DIR")]
    pub static_dir: Option<PathBuf>,
    /// Keep the embedding cosines in this file and reuse them when it exists (for trying
    /// features without embedding again).
    #[arg(long, hide = true, value_name = "FILE")]
    pub cache: Option<PathBuf>,
    /// Also print the learned matchers as Rust constants (for `dictum_link::pairs`).
    #[arg(long)]
    pub print_weights: bool,
}

struct Pair {
    same: bool,
    a: String,
    b: String,
    dev: bool,
}

fn read_pairs(file: &PathBuf) -> Result<Vec<Pair>> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let mut pairs = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_start_matches('\u{feff}');
        if n == 0 && line.starts_with("Quality") || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 5 || !(f[0] == "0" || f[0] == "1") {
            bail!(
                "{}:{}: not an MRPC line (5 tab-separated fields)",
                file.display(),
                n + 1
            );
        }
        let key = format!("{}\t{}", f[1], f[2]);
        pairs.push(Pair {
            same: f[0] == "1",
            a: f[3].to_string(),
            b: f[4].to_string(),
            dev: fnv1a(key.as_bytes()).is_multiple_of(5),
        });
    }
    if pairs.is_empty() {
        bail!("{}: no pairs", file.display());
    }
    Ok(pairs)
}

/// The cosine of each pair under an embedder (unique sentences embedded once).
fn embed_cosines(model: &dyn Embedder, pairs: &[Pair]) -> Result<(Vec<f32>, f64)> {
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut texts: Vec<&str> = Vec::new();
    for p in pairs {
        for s in [p.a.as_str(), p.b.as_str()] {
            index.entry(s).or_insert_with(|| {
                texts.push(s);
                texts.len() - 1
            });
        }
    }
    let start = Instant::now();
    let vectors = model.embed(&texts)?;
    let secs = start.elapsed().as_secs_f64();
    let cos = pairs
        .iter()
        .map(|p| cosine(&vectors[index[p.a.as_str()]], &vectors[index[p.b.as_str()]]))
        .collect();
    Ok((cos, texts.len() as f64 / secs.max(1e-9)))
}

struct Row {
    method: String,
    threshold: f64,
    train: (f64, f64),
    dev: (f64, f64),
}

fn by_threshold(method: &str, scores: &[f64], pairs: &[Pair]) -> Row {
    let (train_s, train_y): (Vec<f64>, Vec<bool>) = scores
        .iter()
        .zip(pairs)
        .filter(|(_, p)| !p.dev)
        .map(|(&s, p)| (s, p.same))
        .unzip();
    let t = pairs::best_threshold(&train_s, &train_y);
    let eval = |dev: bool| {
        let (pred, y): (Vec<bool>, Vec<bool>) = scores
            .iter()
            .zip(pairs)
            .filter(|(_, p)| p.dev == dev)
            .map(|(&s, p)| (s >= t, p.same))
            .unzip();
        pairs::accuracy_f1(&pred, &y)
    };
    Row {
        method: method.into(),
        threshold: t,
        train: eval(false),
        dev: eval(true),
    }
}

fn by_matcher(method: &str, m: &Fitted, x: &[Vec<f64>], pairs: &[Pair]) -> Row {
    let probs: Vec<f64> = x.iter().map(|r| m.as_logistic().probability(r)).collect();
    let mut row = by_threshold(method, &probs, pairs);
    // The matcher's own threshold (chosen on train by `fit`) is the one reported.
    let eval = |dev: bool| {
        let (pred, y): (Vec<bool>, Vec<bool>) = probs
            .iter()
            .zip(pairs)
            .filter(|(_, p)| p.dev == dev)
            .map(|(&s, p)| (s >= m.threshold, p.same))
            .unzip();
        pairs::accuracy_f1(&pred, &y)
    };
    row.threshold = m.threshold;
    row.train = eval(false);
    row.dev = eval(true);
    row
}

/// The L2 penalty with the best 5-fold cross-validated accuracy on the train part.
fn choose_l2(x: &[Vec<f64>], y: &[bool], set: &[usize]) -> (f64, f64) {
    let mut best = (f64::MIN, 1e-3);
    for l2 in [1e-4, 1e-3, 1e-2, 3e-2, 1e-1] {
        let mut correct = 0usize;
        for fold in 0..5 {
            let (tx, ty): (Vec<Vec<f64>>, Vec<bool>) = x
                .iter()
                .zip(y)
                .enumerate()
                .filter(|(i, _)| i % 5 != fold)
                .map(|(_, (r, &l))| (r.clone(), l))
                .unzip();
            let m = pairs::fit(&tx, &ty, set, l2);
            correct += x
                .iter()
                .zip(y)
                .enumerate()
                .filter(|(i, _)| i % 5 == fold)
                .filter(|(_, (r, &l))| m.as_logistic().same(r) == l)
                .count();
        }
        let acc = correct as f64 / x.len().max(1) as f64;
        if acc > best.0 {
            best = (acc, l2);
        }
    }
    (best.1, best.0)
}

fn rust_constant(name: &str, m: &Fitted) -> String {
    let list = |v: &[f64]| {
        v.iter()
            .map(|x| format!("{x:.6}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let used: Vec<String> = m.use_features.iter().map(|&i| FEATURES[i].into()).collect();
    format!(
        "/// Features: {}.\npub const {name}: Logistic<'static> = Logistic {{\n    use_features: &{:?},\n    mean: &[{}],\n    scale: &[{}],\n    weights: &[{}],\n    bias: {:.6},\n    threshold: {:.6},\n}};",
        used.join(", "),
        m.use_features,
        list(&m.mean),
        list(&m.scale),
        list(&m.weights),
        m.bias,
        m.threshold
    )
}

type Both = (Option<Vec<f32>>, Option<Vec<f32>>);

fn embed_both(args: &Args, pairs: &[Pair]) -> Result<Both> {
    let minilm = match &args.model_dir {
        Some(dir) => {
            let m = models::load_minilm(dir)?;
            let (cos, rate) = embed_cosines(&m, pairs)?;
            eprintln!("dictum: MiniLM embedded {rate:.0} sentences/s");
            Some(cos)
        }
        None => {
            eprintln!("dictum: no MiniLM (--model-dir, $DICTUM_MODEL): left out");
            None
        }
    };
    let static_model = match &args.static_dir {
        Some(dir) => {
            let m = models::load_static(dir)?;
            let (cos, rate) = embed_cosines(&m, pairs)?;
            eprintln!("dictum: static model embedded {rate:.0} sentences/s");
            Some(cos)
        }
        None => {
            eprintln!("dictum: no static model (--static-dir, $DICTUM_STATIC_MODEL): left out");
            None
        }
    };

    Ok((minilm, static_model))
}

pub fn run(args: Args) -> Result<ExitCode> {
    let pairs = read_pairs(&args.file)?;
    let n_dev = pairs.iter().filter(|p| p.dev).count();
    outln!(
        "MRPC {}: {} pairs, train part {}, dev part {} ({:.3} positive in dev)",
        args.file.display(),
        pairs.len(),
        pairs.len() - n_dev,
        n_dev,
        pairs.iter().filter(|p| p.dev && p.same).count() as f64 / n_dev.max(1) as f64
    )?;

    let train_texts: Vec<&str> = pairs
        .iter()
        .filter(|p| !p.dev)
        .flat_map(|p| [p.a.as_str(), p.b.as_str()])
        .collect();
    let tfidf = TfIdf::fit(&train_texts);
    let tfidf_cos: Vec<f32> = pairs.iter().map(|p| tfidf.cosine(&p.a, &p.b)).collect();

    let cached: Option<Both> = args
        .cache
        .as_ref()
        .and_then(|p| std::fs::read(p).ok())
        .and_then(|b| serde_json::from_slice(&b).ok());
    let (minilm, static_model) = match cached {
        Some(c) => c,
        None => embed_both(&args, &pairs)?,
    };
    if let Some(p) = &args.cache {
        std::fs::write(p, serde_json::to_vec(&(&minilm, &static_model))?)
            .with_context(|| format!("writing {}", p.display()))?;
    }

    let mut rows = Vec::new();
    let always: Vec<f64> = vec![1.0; pairs.len()];
    rows.push(by_threshold("always same", &always, &pairs));
    let as_f64 = |v: &[f32]| v.iter().map(|&x| x as f64).collect::<Vec<_>>();
    rows.push(by_threshold("TF-IDF cosine", &as_f64(&tfidf_cos), &pairs));
    if let Some(c) = &minilm {
        rows.push(by_threshold("MiniLM cosine", &as_f64(c), &pairs));
    }
    if let Some(c) = &static_model {
        rows.push(by_threshold("static cosine", &as_f64(c), &pairs));
    }

    // Soft word alignment over the static model's token vectors.
    let alignments: Option<Vec<(f32, f32)>> = match &args.static_dir {
        Some(dir) if static_model.is_some() => {
            let m = models::load_static(dir)?;
            let mut out = Vec::with_capacity(pairs.len());
            for p in &pairs {
                let (a, b) = (m.token_vectors(&p.a)?, m.token_vectors(&p.b)?);
                out.push(pairs::alignment(&a, &b));
            }
            Some(out)
        }
        _ => None,
    };
    let x: Vec<Vec<f64>> = pairs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let cos = Cosines {
                minilm: minilm.as_ref().map(|c| c[i]),
                static_model: static_model.as_ref().map(|c| c[i]),
                tfidf: tfidf_cos[i],
                alignment: alignments.as_ref().map(|a| a[i]),
            };
            pairs::features(&p.a, &p.b, cos)
        })
        .collect();
    let (train_x, train_y): (Vec<Vec<f64>>, Vec<bool>) = x
        .iter()
        .zip(&pairs)
        .filter(|(_, p)| !p.dev)
        .map(|(r, p)| (r.clone(), p.same))
        .unzip();
    // Feature sets: everything available; and without MiniLM (the fast path).
    let lexical: Vec<usize> = (2..12).chain(13..19).collect();
    let mut sets: Vec<(&str, &str, Vec<usize>)> = Vec::new();
    let mut static_set = lexical.clone();
    if static_model.is_some() {
        static_set.insert(0, 1);
        static_set.extend([21, 22, 23]);
        sets.push((
            "combined: static + lexical",
            "MATCHER_STATIC",
            static_set.clone(),
        ));
    } else {
        sets.push(("combined: lexical only", "MATCHER_LEXICAL", lexical.clone()));
    }
    if minilm.is_some() {
        let mut full = static_set.clone();
        full.insert(0, 0);
        full.extend([12, 19, 20]);
        sets.push(("combined: MiniLM + static + lexical", "MATCHER_FULL", full));
    }
    let mut fitted = Vec::new();
    for (label, constant, set) in &sets {
        let (l2, cv) = choose_l2(&train_x, &train_y, set);
        eprintln!(
            "dictum: {label}: L2 penalty {l2}, cross-validated accuracy {cv:.4} (5 folds of \
             the train part)"
        );
        let m = pairs::fit(&train_x, &train_y, set, l2);
        rows.push(by_matcher(label, &m, &x, &pairs));
        fitted.push((*constant, m));
    }

    outln!(
        "{:38} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "method",
        "threshold",
        "train acc",
        "train F1",
        "dev acc",
        "dev F1"
    )?;
    for r in &rows {
        outln!(
            "{:38} {:>9.4} {:>9.3} {:>9.3} {:>9.3} {:>9.3}",
            r.method,
            r.threshold,
            r.train.0,
            r.train.1,
            r.dev.0,
            r.dev.1
        )?;
    }
    if args.print_weights {
        for (constant, m) in &fitted {
            outln!("\n{}", rust_constant(constant, m))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
