//! `dictum clean`: what the cleaning stage makes of each article.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use dictum_ingest::Format;
use rayon::prelude::*;
use serde::Serialize;

use crate::docs;
use crate::output::Meta;
use crate::pipeline::Pipeline;
use crate::InputArgs;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Input format for standard input or to override file suffixes.
    #[arg(long, value_name = "text|html|jsonl|warc")]
    pub format: Option<Format>,
    /// Worker threads (default: all cores). Output order is the input order.
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
}

#[derive(Serialize)]
struct CleanOut<'a> {
    doc: &'a str,
    url: Option<&'a str>,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    published: Option<String>,
    /// Where the date came from: metadata, dateline, title or crawl date.
    published_from: Option<String>,
    place: Option<&'a str>,
    author: Option<&'a str>,
    language: Option<&'a str>,
    text: &'a str,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let pipeline = Pipeline::new(false);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let (mut done, mut failed) = (0usize, 0usize);
    let stream = docs::stream(&args.input.paths, args.format, args.input.max_bytes);
    for batch in docs::batches(stream, 256) {
        let sites = crate::pipeline::site_lines(batch.iter().filter_map(|n| n.as_ref().ok()));
        let lines: Vec<Result<String>> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|next| {
                    let (doc, plain) = next?;
                    let site = crate::pipeline::site_of(&doc, plain).and_then(|s| sites.get(&s));
                    let a = pipeline.clean(&doc, site);
                    let m = Meta::of(&a);
                    let o = CleanOut {
                        doc: &doc.doc,
                        url: m.url.or(doc.url.as_deref()),
                        title: a.title.as_deref(),
                        outlet: m.outlet,
                        published: m.published,
                        published_from: m.published_from,
                        place: m.place,
                        author: m.author,
                        language: m.language,
                        text: &a.text,
                    };
                    Ok(serde_json::to_string(&o)?)
                })
                .collect()
        });
        for line in lines {
            match line {
                Ok(l) => {
                    done += 1;
                    out.write_all(l.as_bytes())?;
                    out.write_all(b"\n")?;
                }
                Err(e) => {
                    failed += 1;
                    eprintln!("dictum: {e:#}");
                }
            }
        }
    }
    out.flush().context("cannot write to standard output")?;
    if failed > 0 {
        eprintln!("dictum: {failed} of {} inputs failed", done + failed);
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
