//! `dictum bench-search`: search latency over a database, with queries drawn from its own
//! statements.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use dictum_store::{Mode, Search, Store};
use serde::Serialize;

use crate::DbArgs;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Queries of each kind.
    #[arg(long, short = 'n', default_value_t = 1000, value_name = "N")]
    pub queries: usize,
    /// Seed for drawing the queries.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Print one JSON object instead of the report.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub db: DbArgs,
}

#[derive(Serialize)]
struct Latency {
    kind: &'static str,
    queries: usize,
    hits: usize,
    p50_ms: f64,
    p90_ms: f64,
    p99_ms: f64,
    max_ms: f64,
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i].as_secs_f64() * 1000.0
}

/// Words a user might search for: letters only, at least four of them.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4)
        .collect()
}

pub fn run(a: Args) -> Result<ExitCode> {
    let dir = a.db.dir();
    let store = Store::open(&dir, Mode::Read)
        .with_context(|| format!("cannot open the database in {}", dir.display()))?;
    let stats = store.stats()?;
    if stats.reports == 0 {
        bail!("{} holds no statements: ingest some first", dir.display());
    }
    let samples = store.sample_reports(a.queries, a.seed)?;
    let mut word = Vec::new();
    let mut phrase = Vec::new();
    let mut speaker = Vec::new();
    for (i, (text, name)) in samples.iter().enumerate() {
        let ws = words(text);
        if ws.is_empty() {
            continue;
        }
        let k = i % ws.len();
        word.push(Search {
            query: ws[k].to_string(),
            limit: 10,
            ..Default::default()
        });
        if k + 1 < ws.len() {
            phrase.push(Search {
                query: format!("\"{} {}\"", ws[k], ws[k + 1]),
                limit: 10,
                ..Default::default()
            });
        }
        if let Some(n) = name {
            speaker.push(Search {
                query: ws[k].to_string(),
                speaker: Some(n.clone()),
                limit: 10,
                ..Default::default()
            });
        }
    }
    // One warm-up pass over the first queries: the index's files into the page cache.
    for s in word.iter().take(50) {
        store.search(s)?;
    }
    let mut out = Vec::new();
    for (kind, list) in [
        ("word", &word),
        ("phrase", &phrase),
        ("word + speaker", &speaker),
    ] {
        let mut times = Vec::with_capacity(list.len());
        let mut hits = 0;
        for s in list.iter() {
            let t = Instant::now();
            hits += store.search(s)?.len();
            times.push(t.elapsed());
        }
        times.sort_unstable();
        out.push(Latency {
            kind,
            queries: list.len(),
            hits,
            p50_ms: percentile(&times, 0.50),
            p90_ms: percentile(&times, 0.90),
            p99_ms: percentile(&times, 0.99),
            max_ms: percentile(&times, 1.0),
        });
    }
    if a.json {
        outln!(
            "{}",
            serde_json::json!({"reports": stats.reports, "statements": stats.statements, "latency": out})
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    outln!(
        "{}: {} reports of {} statements; top 10 per query, one thread",
        dir.display(),
        stats.reports,
        stats.statements
    )?;
    outln!(
        "{:<16} {:>7} {:>8} {:>8} {:>8} {:>8}",
        "queries",
        "n",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "max ms"
    )?;
    for l in &out {
        outln!(
            "{:<16} {:>7} {:>8.2} {:>8.2} {:>8.2} {:>8.2}",
            l.kind,
            l.queries,
            l.p50_ms,
            l.p90_ms,
            l.p99_ms,
            l.max_ms
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
