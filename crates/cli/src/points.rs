//! Talking points: grouping during `dictum ingest`, and `talking-points`, `talking-point`,
//! `similar`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use dictum_embed::{Embedder, Lexical};
use dictum_store::{PointFilter, PointModel, Store, TalkingPoint};

use crate::models::{self, Kind, ModelArgs, STATIC_ENV};
use crate::query::open;
use crate::DbArgs;

/// An embedding model as the store sees it.
pub struct Model(pub Box<dyn Embedder>);

impl PointModel for Model {
    fn name(&self) -> &str {
        self.0.name()
    }
    fn embed(&self, texts: &[&str]) -> std::result::Result<Vec<Vec<f32>>, String> {
        self.0.embed(texts).map_err(|e| e.to_string())
    }
}

/// The model to group with: `--model` when given, else the one this database was grouped
/// with, else the static model when $DICTUM_STATIC_MODEL is set, else the lexical fallback
/// (said on stderr). MiniLM is used only when asked for: it embeds about a hundred statements
/// a second.
pub fn for_grouping(args: &ModelArgs, store: &Store) -> Result<Model> {
    let stored = store.points_model()?;
    let kind = match (args.model, stored.as_deref()) {
        (Some(k), _) => k,
        (None, Some("static")) => Kind::Static,
        (None, Some("minilm")) => Kind::Minilm,
        (None, Some(_)) => Kind::Lexical,
        (None, None) if std::env::var_os(STATIC_ENV).is_some_and(|v| !v.is_empty()) => Kind::Static,
        (None, None) => {
            eprintln!(
                "dictum: talking points grouped by shared words (lexical fallback): no static \
                 model configured ($DICTUM_STATIC_MODEL; `dictum model distill` makes one)"
            );
            return Ok(Model(Box::new(Lexical::default())));
        }
    };
    let chosen = ModelArgs {
        model: Some(kind),
        model_dir: args.model_dir.clone(),
    };
    Ok(Model(models::load(&chosen)?))
}

/// Groups the statements that have no talking point yet, with progress on a terminal.
pub fn group(store: &mut Store, model: &Model) -> Result<dictum_store::Grouping> {
    let progress = std::io::stderr().is_terminal();
    let dir: PathBuf = store.dir().to_path_buf();
    let g = store
        .group_pending(model, &mut |done, all| {
            if progress {
                eprint!("\rdictum: grouping statements into talking points: {done}/{all}");
            }
        })
        .with_context(|| format!("cannot group talking points in {}", dir.display()))?;
    if progress {
        eprint!("\r\x1b[K");
    }
    Ok(g)
}

#[derive(clap::Args, Debug)]
pub struct GroupArgs {
    #[command(flatten)]
    pub model: ModelArgs,
    #[command(flatten)]
    pub db: DbArgs,
}

/// `dictum group`: groups what `ingest --no-group` (or an interrupted grouping) left.
pub fn group_cmd(a: GroupArgs) -> Result<ExitCode> {
    let mut store = crate::query::open_write(&a.db)?;
    let model = for_grouping(&a.model, &store)?;
    let started = std::time::Instant::now();
    let g = group(&mut store, &model)?;
    let secs = started.elapsed().as_secs_f64();
    store.close()?;
    eprintln!(
        "talking points ({} model): {} statements grouped in {secs:.1} s ({:.0}/s), {} joined \
         a point, {} new points, {} memberships of removed statements dropped; {} points in all",
        g.model,
        g.grouped,
        g.grouped as f64 / secs.max(1e-9),
        g.joined,
        g.new_points,
        g.dropped,
        g.points
    );
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args, Debug)]
pub struct ListArgs {
    #[command(flatten)]
    pub filters: crate::query::Filters,
    /// How many talking points.
    #[arg(long, short = 'n', default_value_t = 20, value_name = "N")]
    pub limit: usize,
    /// Only points reported in at least this many articles (copies of one article count once).
    #[arg(long, default_value_t = 2, value_name = "N")]
    pub min_articles: i64,
    /// A JSON list of {"id", "label", "articles", "first_seen", "last_seen", "statements":
    /// [{"id", "doc", "speaker", "text", "published", "outlet"}]}, statements in time order.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub db: DbArgs,
}

pub fn list(a: ListArgs) -> Result<ExitCode> {
    let store = open(&a.db)?;
    let f = &a.filters;
    let points = store.talking_points(&PointFilter {
        speaker: f.speaker.clone(),
        outlet: f.outlet.clone(),
        kind: f.kind.clone(),
        since: f.since.clone(),
        until: f.until.clone(),
        limit: a.limit,
        min_articles: a.min_articles.max(1),
    })?;
    if a.json {
        outln!("{}", serde_json::to_string_pretty(&points)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    if points.is_empty() {
        let why = if store.points_model()?.is_none() {
            "this database has no talking points yet (`dictum ingest` groups statements)"
        } else {
            "no talking point matches (try --min-articles 1)"
        };
        eprintln!("dictum: {why}");
        return Ok(ExitCode::SUCCESS);
    }
    for p in &points {
        print_summary(p)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn span(p: &TalkingPoint) -> String {
    match (&p.first_seen, &p.last_seen) {
        (Some(a), Some(b)) if a == b => a.clone(),
        (Some(a), Some(b)) => format!("{a} – {b}"),
        _ => "undated".into(),
    }
}

fn print_summary(p: &TalkingPoint) -> Result<()> {
    let speakers: std::collections::BTreeSet<&str> = p
        .statements
        .iter()
        .filter_map(|s| s.speaker.as_deref())
        .collect();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    outln!(
        "#{:<6} {}  ({}, {}, {})",
        p.id,
        p.label,
        plural(p.articles.max(0) as usize, "article"),
        plural(p.statements.len(), "report"),
        span(p)
    )?;
    if !speakers.is_empty() {
        let list: Vec<&str> = speakers.into_iter().take(5).collect();
        outln!("        by {}", list.join(", "))?;
    }
    Ok(())
}

#[derive(clap::Args, Debug)]
pub struct ShowArgs {
    /// The talking point's id, as `talking-points` shows it (with or without #).
    #[arg(value_name = "ID")]
    pub id: String,
    /// {"id", "label", "articles", "first_seen", "last_seen", "statements": [...],
    /// "by_month", "by_outlet", "by_speaker": [{"key", "count"}]}.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub db: DbArgs,
}

fn parse_id(s: &str, what: &str) -> Result<i64> {
    s.trim()
        .trim_start_matches('#')
        .parse()
        .with_context(|| format!("{s:?} is not a {what} id (a number, like 12 or #12)"))
}

pub fn show(a: ShowArgs) -> Result<ExitCode> {
    let store = open(&a.db)?;
    let v = store.talking_point(parse_id(&a.id, "talking point")?)?;
    if a.json {
        outln!("{}", serde_json::to_string_pretty(&v)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    print_summary(&v.point)?;
    let counts = |c: &[dictum_store::Count]| {
        c.iter()
            .map(|c| format!("{} {}", c.key, c.count))
            .collect::<Vec<_>>()
            .join(", ")
    };
    outln!("\nby month:   {}", counts(&v.by_month))?;
    outln!("by outlet:  {}", counts(&v.by_outlet))?;
    outln!("by speaker: {}", counts(&v.by_speaker))?;
    outln!("\nstatements, in time order:")?;
    for s in &v.point.statements {
        outln!(
            "  #{:<6} {:<10} {:<14} {}: {}",
            s.id,
            s.published.as_deref().unwrap_or("undated"),
            s.outlet.as_deref().unwrap_or(&s.doc),
            s.speaker.as_deref().unwrap_or("(unknown)"),
            crate::output::short(&s.text, 160)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args, Debug)]
pub struct SimilarArgs {
    /// A statement id (12 or #12) or any text in quotes.
    #[arg(value_name = "ID|TEXT")]
    pub query: String,
    /// How many statements.
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N")]
    pub limit: usize,
    /// A JSON list of {"id", "similarity", "point", "speaker", "text", "doc", "outlet",
    /// "published"}, nearest first.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub model: ModelArgs,
    #[command(flatten)]
    pub db: DbArgs,
}

pub fn similar(a: SimilarArgs) -> Result<ExitCode> {
    let store = open(&a.db)?;
    let model = for_grouping(&a.model, &store)?;
    let q = a.query.trim();
    let (text, exclude) = match q.trim_start_matches('#').parse::<i64>() {
        Ok(id) if !q.contains(' ') => (store.statement_text(id)?, Some(id)),
        _ => (q.to_string(), None),
    };
    let found = store.similar(&model, &text, exclude, a.limit)?;
    if a.json {
        outln!("{}", serde_json::to_string_pretty(&found)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    for s in &found {
        outln!(
            "#{:<6} {:.2}  {:<10} {:<14} {}: {}",
            s.id,
            s.similarity,
            s.published.as_deref().unwrap_or("undated"),
            s.outlet.as_deref().or(s.doc.as_deref()).unwrap_or(""),
            s.speaker.as_deref().unwrap_or("(unknown)"),
            crate::output::short(&s.text, 140)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
