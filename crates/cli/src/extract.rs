//! `dictum extract`.

use std::io::{BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use dictum_extract::Extractor;
use rayon::prelude::*;

use crate::input::{self, Input};
use crate::{output, InputArgs};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Worker threads (default: all cores). Output order is the input order.
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
}

/// Articles processed per parallel batch: bounds memory while keeping order.
const BATCH: usize = 256;

pub fn run(args: Args) -> Result<ExitCode> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let ex = Extractor::new();
    let inputs = input::expand(&args.input.paths);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    let mut done = 0usize;
    let mut statements = 0usize;
    let total = inputs.len();
    // Progress on a terminal only: pipes and CI logs stay clean.
    let progress = total > BATCH && std::io::stderr().is_terminal();
    let started = std::time::Instant::now();
    for batch in inputs.chunks(BATCH) {
        let lines: Vec<Result<(String, usize)>> = pool.install(|| {
            batch
                .par_iter()
                .map(|inp| match inp {
                    Err(e) => Err(anyhow::anyhow!("{e:#}")),
                    Ok(inp) => one(&ex, inp, args.input.max_bytes),
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
                    if progress {
                        eprint!("\r\x1b[K");
                    }
                    eprintln!("dictum: {e:#}");
                }
            }
        }
        if progress {
            let secs = started.elapsed().as_secs_f64().max(1e-9);
            eprint!(
                "\r\x1b[K{}/{} articles, {} statements, {:.0} articles/s",
                done + failed,
                total,
                statements,
                (done + failed) as f64 / secs
            );
        }
    }
    if progress {
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
fn one(ex: &Extractor, inp: &Input, max_bytes: u64) -> Result<(String, usize)> {
    let text = input::read(inp, max_bytes)?;
    let extraction = ex.extract(&text);
    let name = inp.doc_name();
    let article = output::article(&name, &text, &extraction);
    Ok((
        serde_json::to_string(&article)?,
        extraction.statements.len(),
    ))
}
