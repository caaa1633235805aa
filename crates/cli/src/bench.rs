//! `dictum bench`: extraction throughput on one thread and on all cores.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use dictum_extract::Extractor;
use rayon::prelude::*;
use serde::Serialize;

use crate::input;
use crate::InputArgs;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Passes over the corpus in each measurement (default: as many as take 3 s on one
    /// thread, after one warm-up pass).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub repeat: Option<u64>,
    /// Worker threads for the parallel measurement (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Print one JSON object instead of the report.
    #[arg(long)]
    pub json: bool,
}

/// The corpus is read into memory once; beyond this it is refused.
pub const MAX_CORPUS_BYTES: u64 = 256 * 1024 * 1024;

/// Without `--repeat`, the single-thread measurement runs at least this long.
const MIN_TIME: Duration = Duration::from_secs(3);

#[derive(Serialize)]
struct Corpus {
    articles: usize,
    bytes: u64,
    /// Inputs that could not be read (reported on stderr, left out).
    failed: usize,
}

#[derive(Serialize)]
struct Run {
    threads: usize,
    passes: u64,
    articles: u64,
    statements: u64,
    seconds: f64,
    articles_per_s: f64,
    mb_per_s: f64,
    statements_per_s: f64,
}

impl Run {
    fn new(threads: usize, passes: u64, corpus: &Corpus, statements: u64, t: Duration) -> Run {
        let secs = t.as_secs_f64().max(1e-9);
        let articles = passes * corpus.articles as u64;
        Run {
            threads,
            passes,
            articles,
            statements,
            seconds: secs,
            articles_per_s: articles as f64 / secs,
            mb_per_s: (passes * corpus.bytes) as f64 / 1e6 / secs,
            statements_per_s: statements as f64 / secs,
        }
    }

    fn line(&self, label: &str) -> String {
        format!(
            "{label:14}{:>6} passes, {} articles in {:.2} s: {:.0} articles/s, {:.2} MB/s, {:.0} statements/s",
            self.passes,
            self.articles,
            self.seconds,
            self.articles_per_s,
            self.mb_per_s,
            self.statements_per_s
        )
    }
}

#[derive(Serialize)]
struct Report {
    corpus: Corpus,
    single: Run,
    parallel: Run,
    speedup: f64,
    /// Peak resident set size (VmHWM) in bytes; null where /proc is not available.
    peak_rss_bytes: Option<u64>,
}

/// Peak resident set size of this process, from `/proc/self/status` (Linux).
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line["VmHWM:".len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb * 1024)
}

/// Reads every input once; unreadable ones are reported and left out.
fn load(args: &InputArgs) -> Result<(Vec<String>, Corpus)> {
    let mut texts = Vec::new();
    let mut bytes = 0u64;
    let mut failed = 0;
    for inp in input::expand(&args.paths) {
        match inp.and_then(|i| input::read(&i, args.max_bytes)) {
            Ok(t) => {
                bytes += t.len() as u64;
                if bytes > MAX_CORPUS_BYTES {
                    bail!(
                        "the corpus is larger than {} MB; bench holds it in memory, so give it a part of it",
                        MAX_CORPUS_BYTES / (1024 * 1024)
                    );
                }
                texts.push(t);
            }
            Err(e) => {
                failed += 1;
                eprintln!("dictum: {e:#}");
            }
        }
    }
    if texts.is_empty() {
        bail!("no articles to measure");
    }
    let corpus = Corpus {
        articles: texts.len(),
        bytes,
        failed,
    };
    Ok((texts, corpus))
}

pub fn run(args: Args) -> Result<ExitCode> {
    let (texts, corpus) = load(&args.input)?;
    let ex = Extractor::new();
    // one pass, keeping only the count
    let pass = || -> u64 {
        texts
            .iter()
            .map(|t| ex.extract(t).statements.len() as u64)
            .sum()
    };

    // single thread: without --repeat, a first pass warms up (and is the measurement itself
    // when it takes MIN_TIME already), then passes run until MIN_TIME has gone by
    let start = Instant::now();
    let (passes, statements, t_single) = match args.repeat {
        Some(n) => {
            let total: u64 = (0..n).map(|_| pass()).sum();
            (n, total, start.elapsed())
        }
        None => {
            let first = pass();
            let t1 = start.elapsed();
            if t1 >= MIN_TIME {
                (1, first, t1)
            } else {
                let start = Instant::now();
                let (mut n, mut total) = (0u64, 0u64);
                while n == 0 || start.elapsed() < MIN_TIME {
                    total += pass();
                    n += 1;
                }
                (n, total, start.elapsed())
            }
        }
    };
    let single = Run::new(1, passes, &corpus, statements, t_single);

    // all cores: the same passes as one list, spread over the pool
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let n = texts.len() as u64;
    let start = Instant::now();
    let statements: u64 = pool.install(|| {
        (0..passes * n)
            .into_par_iter()
            .map(|i| ex.extract(&texts[(i % n) as usize]).statements.len() as u64)
            .sum()
    });
    let parallel = Run::new(
        pool.current_num_threads(),
        passes,
        &corpus,
        statements,
        start.elapsed(),
    );

    let report = Report {
        speedup: single.seconds / parallel.seconds,
        corpus,
        single,
        parallel,
        peak_rss_bytes: peak_rss(),
    };
    if args.json {
        outln!("{}", serde_json::to_string(&report)?)?;
    } else {
        let c = &report.corpus;
        outln!(
            "corpus: {} articles, {:.2} MB ({} bytes){}",
            c.articles,
            c.bytes as f64 / 1e6,
            c.bytes,
            if c.failed > 0 {
                format!("; {} inputs could not be read", c.failed)
            } else {
                String::new()
            }
        )?;
        outln!("{}", report.single.line("1 thread"))?;
        outln!(
            "{}",
            report
                .parallel
                .line(&format!("{} threads", report.parallel.threads))
        )?;
        outln!("speed-up: {:.2}x", report.speedup)?;
        match report.peak_rss_bytes {
            Some(b) => outln!("peak RSS: {:.1} MB", b as f64 / 1e6)?,
            None => outln!("peak RSS: n/a")?,
        }
    }
    Ok(if report.corpus.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
