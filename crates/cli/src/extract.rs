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

/// One article's JSON line and its number of statements.
fn one(
    pipeline: &Pipeline,
    doc: RawDoc,
    plain: bool,
    site: Option<&dictum_clean::SiteLines>,
) -> Result<(String, usize)> {
    let name = doc.doc.clone();
    let p = pipeline.process(doc, plain, site);
    let article = output::article(&name, &p.text, &p.extraction)
        .with_metadata(&p.article, (!p.original).then_some(p.text.as_str()));
    Ok((
        serde_json::to_string(&article)?,
        p.extraction.statements.len(),
    ))
}
