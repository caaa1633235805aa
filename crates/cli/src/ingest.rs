//! `dictum ingest`: articles in, statements stored.

use std::collections::HashSet;
use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use dictum_extract::Span;
use dictum_ingest::{Format, RawDoc};
use dictum_store::{Mode, NewArticle, NewStatement, Outcome, Prepared, SpanText, Store};
use dictum_text::CharOffsets;
use rayon::prelude::*;

use crate::output;
use crate::pipeline::{Pipeline, Processed};
use crate::{docs, DbArgs, InputArgs};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub db: DbArgs,
    /// Worker threads for extraction (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Input format for standard input or to override file suffixes.
    #[arg(long, value_name = "text|html|jsonl|warc")]
    pub format: Option<Format>,
    /// The outlet of articles that do not name one (e.g. a folder of one site's pages).
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,
    /// Extract from plain text exactly as read, without removing site furniture.
    #[arg(long)]
    pub no_clean: bool,
    /// Limit the database file to this many 4 KiB pages (simulates a full disk; for tests).
    #[arg(long, hide = true)]
    pub max_db_pages: Option<u64>,
    /// Do not group statements into talking points (a later ingest groups them).
    #[arg(long)]
    pub no_group: bool,
    /// The sentence model that groups statements into talking points (default: the one the
    /// database was grouped with, else static when $DICTUM_STATIC_MODEL is set, else lexical).
    #[command(flatten)]
    pub model: crate::models::ModelArgs,
    /// Articles per extraction batch; a transaction holds one or more (for tests of
    /// interrupted ingests).
    #[arg(long, hide = true, default_value_t = BATCH)]
    pub batch: usize,
    /// The writer does all its lookups itself (for comparing; the stored data are the same).
    #[arg(long, hide = true)]
    pub no_read_ahead: bool,
}

/// Articles extracted in parallel (site furniture is learnt per batch).
const BATCH: usize = 512;
/// During a long ingest, statements are grouped into talking points each time this many more
/// articles were read (and once at the end).
const GROUP_EVERY: usize = 32_768;

/// Prepared batches stored in one transaction at most: the writer takes all that are ready.
const MERGE: usize = 8;

#[derive(Default)]
struct Totals {
    new: usize,
    known: usize,
    replaced: usize,
    failed: usize,
    statements: usize,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let dir = args.db.dir();
    let opts = dictum_store::Options {
        max_pages: args.max_db_pages,
    };
    let mut store = Store::open_with(&dir, Mode::Write, &opts)
        .with_context(|| format!("cannot open the database in {}", dir.display()))?;
    for note in store.notes() {
        eprintln!("dictum: {note}");
    }
    let grouper = if args.no_group {
        None
    } else {
        Some(crate::points::for_grouping(&args.model, &store)?)
    };
    let mut grouping = dictum_store::Grouping::default();
    // Articles read when statements were last grouped.
    let mut grouped_at = 0usize;
    let pipeline = Pipeline::new(args.no_clean);
    // Expanded once: the file count gives the ETA, the list feeds the stream.
    let expanded = dictum_ingest::expand(&args.input.paths);
    let stdin = args.input.paths.iter().any(|p| p.as_os_str() == "-");
    let files = (!stdin).then(|| expanded.iter().filter(|p| p.is_ok()).count());
    let progress = std::io::stderr().is_terminal();
    let started = Instant::now();
    let mut t = Totals::default();
    let mut files_seen: HashSet<String> = HashSet::new();
    // Extraction runs on the worker pool up to MERGE batches ahead of the writer, which stores
    // on this thread: cleaning and extraction overlap with SQLite and the index.
    let lookups = store.lookups();
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Result<Prepared>>>(MERGE);
    let written: Result<()> = std::thread::scope(|scope| {
        let pipeline = &pipeline;
        let pool = &pool;
        let lookups = &lookups;
        let args = &args;
        scope.spawn(move || {
            let stream = docs::stream_expanded(expanded, args.format, args.input.max_bytes);
            for batch in docs::batches(stream, args.batch.max(1)) {
                let sites =
                    crate::pipeline::site_lines(batch.iter().filter_map(|n| n.as_ref().ok()));
                let mut prepared: Vec<Result<Prepared>> = pool.install(|| {
                    batch
                        .into_par_iter()
                        .map(|next| {
                            next.map(|(doc, plain)| {
                                let site = crate::pipeline::site_of(&doc, plain)
                                    .and_then(|s| sites.get(&s));
                                Prepared::new(article(
                                    pipeline,
                                    doc,
                                    plain,
                                    site,
                                    args.outlet.as_deref(),
                                ))
                            })
                        })
                        .collect()
                });
                // The writer's lookups, read ahead on these threads while it stores the
                // batches before.
                let mut ready: Vec<&mut Prepared> = prepared
                    .iter_mut()
                    .filter_map(|p| p.as_mut().ok())
                    .collect();
                if !args.no_read_ahead {
                    pool.install(|| lookups.fill(&mut ready));
                }
                if tx.send(prepared).is_err() {
                    break; // the writer stopped
                }
            }
        });
        while let Ok(first) = rx.recv() {
            // The batches already prepared go into one transaction: fewer commits, each
            // writing the pages that many articles changed once.
            let mut prepared = first;
            for _ in 1..MERGE {
                match rx.try_recv() {
                    Ok(more) => prepared.extend(more),
                    Err(_) => break,
                }
            }
            let mut good = Vec::with_capacity(prepared.len());
            for p in prepared {
                match p {
                    Ok(a) => {
                        if let Some(o) = &a.article.origin {
                            files_seen.insert(file_of(o).to_string());
                        }
                        good.push(a);
                    }
                    Err(e) => {
                        t.failed += 1;
                        clear_line(progress);
                        eprintln!("dictum: {e:#}");
                    }
                }
            }
            let names: Vec<String> = good
                .iter()
                .map(|p| {
                    p.article
                        .origin
                        .clone()
                        .unwrap_or_else(|| p.article.doc.clone())
                })
                .collect();
            let first = names.first().cloned().unwrap_or_default();
            let outcomes = store.put_batch(good).with_context(|| {
                format!(
                    "cannot store the batch starting at {first} (database {})",
                    dir.display()
                )
            })?;
            for (name, o) in names.iter().zip(outcomes) {
                match o {
                    Ok(Outcome::New(n)) => {
                        t.new += 1;
                        t.statements += n;
                    }
                    Ok(Outcome::Replaced(n)) => {
                        t.replaced += 1;
                        t.statements += n;
                    }
                    Ok(Outcome::Known) => t.known += 1,
                    Err(e) => {
                        t.failed += 1;
                        clear_line(progress);
                        eprintln!("dictum: {name}: {e}");
                    }
                }
            }
            let read = t.new + t.known + t.replaced + t.failed;
            if let Some(model) = grouper
                .as_ref()
                .filter(|_| read >= grouped_at + GROUP_EVERY)
            {
                clear_line(progress);
                add_grouping(&mut grouping, crate::points::group(&mut store, model)?);
                grouped_at = read;
            }
            if progress {
                show_progress(&t, started, files, files_seen.len());
            }
        }
        Ok(())
    });
    written?;
    clear_line(progress);
    if let Some(model) = &grouper {
        add_grouping(&mut grouping, crate::points::group(&mut store, model)?);
    }
    store
        .close()
        .with_context(|| format!("cannot finish writing the database in {}", dir.display()))?;
    let store = Store::open(&dir, Mode::Read)?;
    let stats = store.stats()?;
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "articles: {} new, {} already known, {} replaced, {} failed; {} statements stored \
         ({:.1} s); database {}: {} articles, {} statements, {} reports, {} people",
        t.new,
        t.known,
        t.replaced,
        t.failed,
        t.statements,
        secs,
        dir.display(),
        stats.articles,
        stats.statements,
        stats.reports,
        stats.people
    );
    if grouper.is_some() {
        eprintln!(
            "talking points ({} model): {} statements grouped, {} joined a point, {} new points; \
             {} points in all",
            grouping.model, grouping.grouped, grouping.joined, grouping.new_points, grouping.points
        );
    }
    Ok(if t.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn add_grouping(total: &mut dictum_store::Grouping, g: dictum_store::Grouping) {
    total.model = g.model;
    total.grouped += g.grouped;
    total.joined += g.joined;
    total.new_points += g.new_points;
    total.dropped += g.dropped;
    total.points = g.points;
}

fn show_progress(t: &Totals, started: Instant, files: Option<usize>, seen: usize) {
    let done = t.new + t.known + t.replaced + t.failed;
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    let rate = done as f64 / secs;
    let eta = match files {
        Some(n) if n > 1 && seen > 0 => {
            let seen = seen.min(n);
            let left = secs * (n - seen) as f64 / seen as f64;
            format!(", {seen}/{n} files, ETA {}", human_secs(left))
        }
        _ => String::new(),
    };
    eprint!(
        "\r\x1b[K{done} articles, {} statements, {rate:.0} articles/s{eta}",
        t.statements
    );
}

/// The file of an origin (`feed.jsonl:line 7` → `feed.jsonl`, `part-0.parquet#row 5`).
fn file_of(origin: &str) -> &str {
    origin
        .rsplit_once(":line ")
        .or_else(|| origin.rsplit_once("#record "))
        .or_else(|| origin.rsplit_once("#row "))
        .map_or(origin, |(f, _)| f)
}

fn clear_line(progress: bool) {
    if progress {
        eprint!("\r\x1b[K");
    }
}

fn human_secs(s: f64) -> String {
    let s = s.round() as u64;
    if s >= 3600 {
        format!("{}h{:02}m", s / 3600, s / 60 % 60)
    } else if s >= 60 {
        format!("{}m{:02}s", s / 60, s % 60)
    } else {
        format!("{s}s")
    }
}

/// One document cleaned, extracted and turned into what the store keeps.
pub(crate) fn article(
    pipeline: &Pipeline,
    doc: RawDoc,
    plain: bool,
    site: Option<&dictum_clean::SiteLines>,
    default_outlet: Option<&str>,
) -> NewArticle {
    let name = doc.doc.clone();
    let origin = doc.origin.clone();
    let Processed {
        text,
        extraction: ex,
        article: meta,
        ..
    } = pipeline.process(doc, plain, site);
    let offs = CharOffsets::new(&text);
    let cp = |s: Span| [offs.to_char(s.start), offs.to_char(s.end)];
    let span_text = |s: Span| SpanText {
        span: cp(s),
        text: s.slice(&text).to_string(),
    };
    let statements = ex
        .statements
        .iter()
        .map(|s| {
            let speaker = s.speaker.and_then(|i| ex.speakers.get(i));
            NewStatement {
                kind: s.kind.as_str().to_string(),
                content: output::pieces(s).iter().map(|&p| cp(p)).collect(),
                text: output::content_text(s, &text).into_owned(),
                cue: s.cue.map(span_text),
                source: s.source.map(span_text),
                speaker: speaker.map(|sp| sp.name.clone()),
                roles: speaker.map(|sp| sp.roles.clone()).unwrap_or_default(),
                sentence: cp(dictum_text::sentences_around(&text, s.content)),
            }
        })
        .collect();
    let title = meta
        .title
        .clone()
        .or_else(|| ex.title.map(|t| t.slice(&text).to_string()));
    NewArticle {
        doc: name,
        origin: Some(origin),
        url: meta.url.clone(),
        title,
        outlet: meta
            .outlet
            .clone()
            .or_else(|| default_outlet.map(str::to_string)),
        published: meta.published.as_ref().map(|d| d.to_string()),
        place: meta.place.clone(),
        author: meta.author.clone(),
        language: meta.language.clone(),
        text,
        statements,
    }
}
