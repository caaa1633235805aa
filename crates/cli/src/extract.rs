//! `dictum extract`.

use std::io::{BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use dictum_ingest::{Format, RawDoc};
use rayon::prelude::*;

use crate::docs;
use crate::output;
use crate::pipeline::Pipeline;
use crate::InputArgs;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Worker threads (default: all cores). Output order is the input order.
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Input format for standard input or to override file suffixes.
    #[arg(long, value_name = "text|html|jsonl|warc")]
    pub format: Option<Format>,
    /// Extract from plain text exactly as read, without removing site furniture.
    #[arg(long)]
    pub no_clean: bool,
    /// Report an input that fails as a line of the output, in its place:
    /// {"error": "...", "origin": "<stdin>:line 7"}, instead of on stderr. For pipelines
    /// (the Spark job): the stream goes on and every input gives exactly one line.
    #[arg(long)]
    pub error_records: bool,
}

/// Articles processed per parallel batch: bounds memory while keeping order.
const BATCH: usize = 256;

pub fn run(args: Args) -> Result<ExitCode> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let pipeline = Pipeline::new(args.no_clean);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    let mut done = 0usize;
    let mut statements = 0usize;
    // Progress on a terminal only: pipes and CI logs stay clean.
    let progress = std::io::stderr().is_terminal();
    let started = std::time::Instant::now();
    let stream = docs::stream(&args.input.paths, args.format, args.input.max_bytes);
    for batch in docs::batches(stream, BATCH) {
        // Documents and errors keep their order; the site's recurring lines are
        // learnt from the documents of the batch.
        let sites = crate::pipeline::site_lines(batch.iter().filter_map(|n| n.as_ref().ok()));
        let lines: Vec<Result<(String, usize)>> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|next| {
                    next.and_then(|(doc, plain)| {
                        let site =
                            crate::pipeline::site_of(&doc, plain).and_then(|s| sites.get(&s));
                        one(&pipeline, doc, plain, site)
                    })
                })
                .collect()
        });
        for line in lines {
            match line {
                Ok((l, n)) => {
                    done += 1;
                    statements += n;
                    out.write_all(l.as_bytes())?;
                    out.write_all(b"\n")?;
                }
                Err(e) => {
                    failed += 1;
                    if args.error_records {
                        out.write_all(error_record(&e).as_bytes())?;
                        out.write_all(b"\n")?;
                        continue;
                    }
                    if progress && done + failed > BATCH {
                        eprint!("\r\x1b[K");
                    }
                    eprintln!("dictum: {e:#}");
                }
            }
        }
        if progress && done + failed >= BATCH {
            let secs = started.elapsed().as_secs_f64().max(1e-9);
            eprint!(
                "\r\x1b[K{} articles, {} statements, {:.0} articles/s",
                done + failed,
                statements,
                (done + failed) as f64 / secs
            );
        }
    }
    if progress && done + failed >= BATCH {
        eprintln!();
    }
    out.flush().context("cannot write to standard output")?;
    if failed > 0 {
        eprintln!("dictum: {failed} of {} inputs failed", done + failed);
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// An article whose processing panicked.
#[derive(Debug)]
struct Panicked {
    origin: String,
    message: String,
}

impl Panicked {
    fn what(&self) -> String {
        format!("internal error (a bug; please report it): {}", self.message)
    }
}

impl std::fmt::Display for Panicked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.what())
    }
}

impl std::error::Error for Panicked {}

/// The output line of a failed input: `{"error", "origin"}` (the origin names the file and
/// the place, as in `<stdin>:line 7` or `crawl.warc.gz#record 12 at byte 3456`).
fn error_record(e: &anyhow::Error) -> String {
    let (origin, error) = if let Some(r) = e.downcast_ref::<dictum_ingest::ReadError>() {
        (Some(r.origin()), r.kind.to_string())
    } else if let Some(p) = e.downcast_ref::<Panicked>() {
        (Some(p.origin.clone()), p.what())
    } else {
        (None, format!("{e:#}"))
    };
    serde_json::json!({ "error": error, "origin": origin }).to_string()
}

/// One article's JSON line and its number of statements. A panic in the stages (a bug: they
/// must not panic) fails this article only, named by its origin.
fn one(
    pipeline: &Pipeline,
    doc: RawDoc,
    plain: bool,
    site: Option<&dictum_clean::SiteLines>,
) -> Result<(String, usize)> {
    let name = doc.doc.clone();
    let origin = doc.origin.clone();
    let p = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        pipeline.process(doc, plain, site)
    }))
    .map_err(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        anyhow::Error::new(Panicked {
            origin,
            message: what,
        })
    })?;
    let article = output::article(&name, &p.text, &p.extraction)
        .with_metadata(&p.article, (!p.original).then_some(p.text.as_str()));
    Ok((
        serde_json::to_string(&article)?,
        p.extraction.statements.len(),
    ))
}
