//! The database's read commands: search, people, person, statement, export, check.

use std::io::{BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use dictum_store::{ExportRow, Hit, Mode, PersonProfile, Search, StatementView, Store};

use crate::DbArgs;

/// The database for reading, with the directory in the error.
pub(crate) fn open(db: &DbArgs) -> Result<Store> {
    let dir = db.dir();
    let store = Store::open(&dir, Mode::Read)
        .with_context(|| format!("cannot open the database in {}", dir.display()))?;
    Ok(store)
}

/// Filters shared by `search`, `export` and `talking-points`.
#[derive(clap::Args, Debug, Clone)]
pub struct Filters {
    /// Only statements by this speaker (any alias: "Lavrov", "Sergei Lavrov", "#3").
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// Only statements reported by this outlet (case-insensitive, part of the name is enough).
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,
    /// Only articles published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only articles published on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only this kind of statement.
    #[arg(long, value_name = "direct|mixed|indirect|transcript", value_parser = ["direct", "mixed", "indirect", "transcript"])]
    pub kind: Option<String>,
}

impl Filters {
    fn search(&self, query: String, limit: usize) -> Search {
        Search {
            query,
            speaker: self.speaker.clone(),
            outlet: self.outlet.clone(),
            since: self.since.clone(),
            until: self.until.clone(),
            kind: self.kind.clone(),
            limit,
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct SearchArgs {
    /// Words to find (all of them); "quoted words" for a phrase; OR between alternatives.
    #[arg(value_name = "QUERY")]
    pub query: String,
    #[command(flatten)]
    pub filters: Filters,
    /// At most this many statements.
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N")]
    pub limit: usize,
    /// A JSON list of statements in rank order.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub db: DbArgs,
}

pub fn search(a: SearchArgs) -> Result<ExitCode> {
    let store = open(&a.db)?;
    let hits = store.search(&a.filters.search(a.query.clone(), a.limit))?;
    if a.json {
        outln!("{}", serde_json::to_string_pretty(&hits)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    if hits.is_empty() {
        eprintln!("no statements match {:?}", a.query);
        return Ok(ExitCode::SUCCESS);
    }
    let tty = std::io::stdout().is_terminal();
    for h in &hits {
        print_hit(h, tty)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `text` with its matched ranges marked: bold on a terminal, «» in a pipe.
fn marked(text: &str, matches: &[[usize; 2]], tty: bool) -> String {
    let (on, off) = if tty {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("«", "»")
    };
    let mut out = String::with_capacity(text.len() + matches.len() * 8);
    let mut m = matches.iter().peekable();
    for (i, c) in text.chars().enumerate() {
        if m.peek().is_some_and(|r| r[0] == i) {
            out.push_str(on);
        }
        out.push(c);
        if m.peek().is_some_and(|r| r[1] == i + 1) {
            out.push_str(off);
            m.next();
        }
    }
    out
}

fn print_hit(h: &Hit, tty: bool) -> Result<()> {
    let mut head = format!("#{} ", h.id);
    head.push_str(h.speaker.as_deref().unwrap_or("(speaker unknown)"));
    for part in [h.outlet.as_deref(), h.published.as_deref()]
        .into_iter()
        .flatten()
    {
        head.push_str(" · ");
        head.push_str(part);
    }
    let reports = if h.reports > 1 {
        format!(", {} reports", h.reports)
    } else {
        String::new()
    };
    outln!(
        "{head}  [{}{reports}; {}; score {:.2}]",
        h.kind,
        h.doc,
        h.score
    )?;
    outln!("    {}\n", marked(&h.text, &h.matches, tty))?;
    Ok(())
}

#[derive(clap::Args, Debug)]
pub struct PeopleArgs {
    #[command(subcommand)]
    pub action: Option<PeopleAction>,
    /// At most this many people (most reported first).
    #[arg(long, short = 'n', value_name = "N")]
    pub limit: Option<usize>,
    /// A JSON list of {"id", "name", "kind", "statements", "reports", "articles"}.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub db: DbArgs,
}

#[derive(clap::Subcommand, Debug)]
pub enum PeopleAction {
    /// Merge the second person into the first: one person with both names, for good.
    ///
    /// Both may be given by any alias or as #ID. Later ingests follow the merge.
    /// With --file, each line of the file is "INTO<TAB>FROM".
    Merge {
        #[arg(value_name = "INTO", required_unless_present = "file")]
        into: Option<String>,
        #[arg(value_name = "FROM", required_unless_present = "file")]
        from: Option<String>,
        /// Merges listed in a file, one "INTO<TAB>FROM" per line.
        #[arg(long, value_name = "FILE")]
        file: Option<std::path::PathBuf>,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Move some names of a person (and the statements written with them) to a new person.
    ///
    /// `dictum people split "Johnson" "Lyndon Johnson" "L. Johnson"`: the new person is
    /// called by the first name given. Later ingests follow the split.
    Split {
        #[arg(value_name = "PERSON")]
        person: String,
        #[arg(value_name = "NAME", required = true)]
        names: Vec<String>,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Add aliases to a person; with --file, lines of "PERSON<TAB>ALIAS".
    Alias {
        #[arg(value_name = "PERSON", required_unless_present = "file")]
        person: Option<String>,
        #[arg(value_name = "ALIAS")]
        aliases: Vec<String>,
        /// Aliases listed in a file, one "PERSON<TAB>ALIAS" per line.
        #[arg(long, value_name = "FILE")]
        file: Option<std::path::PathBuf>,
        #[command(flatten)]
        db: DbArgs,
    },
}

/// Lines of "A<TAB>B" (blank lines and # comments skipped), with their line numbers.
fn pairs(file: &std::path::Path) -> Result<Vec<(usize, String, String)>> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line.split_once('\t') {
            Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
                out.push((i + 1, a.trim().to_string(), b.trim().to_string()))
            }
            _ => bail!(
                "{}:{}: expected two names separated by a tab",
                file.display(),
                i + 1
            ),
        }
    }
    Ok(out)
}

/// The database for writing, with the directory in the error.
pub(crate) fn open_write(db: &DbArgs) -> Result<Store> {
    let dir = db.dir();
    Store::open(&dir, Mode::Write)
        .with_context(|| format!("cannot open the database in {}", dir.display()))
}

pub fn people(a: PeopleArgs) -> Result<ExitCode> {
    match a.action {
        None => {
            let store = open(&a.db)?;
            let list = store.people(a.limit)?;
            if a.json {
                outln!("{}", serde_json::to_string_pretty(&list)?)?;
                return Ok(ExitCode::SUCCESS);
            }
            outln!("{:>6}  {:>10}  {:>8}  NAME", "ID", "STATEMENTS", "ARTICLES")?;
            for p in list {
                let kind = if p.kind == "person" {
                    ""
                } else {
                    "  (organisation)"
                };
                outln!(
                    "{:>6}  {:>10}  {:>8}  {}{kind}",
                    format!("#{}", p.id),
                    p.statements,
                    p.articles,
                    p.name
                )?;
            }
        }
        Some(PeopleAction::Merge {
            into,
            from,
            file,
            db,
        }) => {
            let mut store = open_write(&db)?;
            let mut todo: Vec<(String, String, String)> = Vec::new();
            if let (Some(i), Some(f)) = (into, from) {
                todo.push(("command line".into(), i, f));
            }
            if let Some(file) = &file {
                for (n, i, f) in pairs(file)? {
                    todo.push((format!("{}:{n}", file.display()), i, f));
                }
            }
            for (place, into, from) in todo {
                let (a, b) = store
                    .merge_people(&into, &from)
                    .with_context(|| format!("{place}: cannot merge {from:?} into {into:?}"))?;
                eprintln!("merged #{b} ({from}) into #{a} ({into})");
            }
            store.close()?;
        }
        Some(PeopleAction::Split { person, names, db }) => {
            let mut store = open_write(&db)?;
            let id = store
                .split_person(&person, &names)
                .with_context(|| format!("cannot split {person:?}"))?;
            eprintln!("#{id} {} now holds {}", names[0], names.join(", "));
            store.close()?;
        }
        Some(PeopleAction::Alias {
            person,
            aliases,
            file,
            db,
        }) => {
            let mut store = open_write(&db)?;
            if let Some(p) = person {
                if aliases.is_empty() && file.is_none() {
                    bail!("give at least one alias for {p:?}");
                }
                if !aliases.is_empty() {
                    let id = store.alias_person(&p, &aliases)?;
                    eprintln!("#{id} {p}: added {}", aliases.join(", "));
                }
            }
            if let Some(file) = &file {
                for (n, p, alias) in pairs(file)? {
                    store
                        .alias_person(&p, std::slice::from_ref(&alias))
                        .with_context(|| format!("{}:{n}", file.display()))?;
                }
            }
            store.close()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args, Debug)]
pub struct PersonArgs {
    /// A name as any article writes it ("Lavrov", "Sergei Lavrov"), or #ID.
    #[arg(value_name = "NAME")]
    pub name: String,
    /// {"id", "name", "aliases", "roles", "first_seen", "last_seen", "statements": [{"id",
    /// "report", "kind", "text", "doc", "outlet", "published"}], "timeline": [...]}.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub db: DbArgs,
}

pub fn person(a: PersonArgs) -> Result<ExitCode> {
    let store = open(&a.db)?;
    let p = store.person(&a.name)?;
    if a.json {
        outln!("{}", serde_json::to_string_pretty(&p)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    print_person(&p)?;
    Ok(ExitCode::SUCCESS)
}

fn print_person(p: &PersonProfile) -> Result<()> {
    outln!("{}  (#{}, {})", p.name, p.id, p.kind)?;
    let others: Vec<&str> = p
        .aliases
        .iter()
        .map(String::as_str)
        .filter(|a| *a != p.name)
        .collect();
    if !others.is_empty() {
        outln!("also written: {}", others.join("; "))?;
    }
    if !p.roles.is_empty() {
        outln!("roles: {}", p.roles.join("; "))?;
    }
    let seen = match (&p.first_seen, &p.last_seen) {
        (Some(a), Some(b)) if a == b => format!("on {a}"),
        (Some(a), Some(b)) => format!("from {a} to {b}"),
        _ => "undated".to_string(),
    };
    outln!(
        "{} reports in {} articles, {seen}",
        p.statements.len(),
        p.articles
    )?;
    if !p.timeline.is_empty() {
        outln!("\nby month and outlet:")?;
        let mut month = "";
        let mut line = String::new();
        for m in &p.timeline {
            if m.month != month {
                if !line.is_empty() {
                    outln!("{line}")?;
                }
                month = &m.month;
                line = format!("  {:<8}", m.month);
            }
            line.push_str(&format!(
                "  {} {}",
                m.outlet.as_deref().unwrap_or("(outlet unknown)"),
                m.count
            ));
        }
        outln!("{line}")?;
    }
    outln!("\nstatements:")?;
    for s in &p.statements {
        let when = s.published.as_deref().unwrap_or("undated");
        let outlet = s.outlet.as_deref().unwrap_or(&s.doc);
        outln!(
            "  #{:<6} {when:<10} {outlet:<12} [{}] {}",
            s.id,
            s.kind,
            crate::output::short(&s.text, 160)
        )?;
    }
    for o in &p.others {
        outln!(
            "\nalso matches: #{} {} ({} statements) — `dictum person '#{}'`",
            o.id,
            o.name,
            o.statements,
            o.id
        )?;
    }
    Ok(())
}

#[derive(clap::Args, Debug)]
pub struct StatementArgs {
    /// The statement's id, as `search` and `person` show it (with or without #).
    #[arg(value_name = "ID")]
    pub id: String,
    /// {"id", "kind", "text", "speaker", "first", "outlets", "independent_reports",
    /// "reports": [{"id", "doc", "outlet", "published", "sentence", ...}]}.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub db: DbArgs,
}

pub fn statement(a: StatementArgs) -> Result<ExitCode> {
    let id: i64 =
        a.id.trim()
            .trim_start_matches('#')
            .parse()
            .with_context(|| {
                format!(
                    "{:?} is not a statement id (a number, as `dictum search` shows)",
                    a.id
                )
            })?;
    let store = open(&a.db)?;
    let s = store.statement(id)?;
    if a.json {
        outln!("{}", serde_json::to_string_pretty(&s)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    print_statement(&s)?;
    Ok(ExitCode::SUCCESS)
}

fn print_statement(s: &StatementView) -> Result<()> {
    outln!(
        "Statement #{} ({}) by {}",
        s.id,
        s.kind,
        s.speaker.as_deref().unwrap_or("an unknown speaker")
    )?;
    outln!("  {}", s.text)?;
    if let Some(f) = &s.first {
        outln!(
            "first reported: {} by {} ({})",
            f.published.as_deref().unwrap_or("undated"),
            f.outlet.as_deref().unwrap_or("an unknown outlet"),
            f.doc
        )?;
    }
    outln!(
        "{} reports, {} independent, outlets: {}",
        s.reports.len(),
        s.independent_reports,
        if s.outlets.is_empty() {
            "unknown".to_string()
        } else {
            s.outlets.join(", ")
        }
    )?;
    for r in &s.reports {
        let copy = r
            .copy_of
            .map_or(String::new(), |c| format!(" (copy of article #{c})"));
        outln!(
            "\n  report #{}: {} · {} · {}{copy}",
            r.id,
            r.published.as_deref().unwrap_or("undated"),
            r.outlet.as_deref().unwrap_or("outlet unknown"),
            r.title.as_deref().unwrap_or(&r.doc)
        )?;
        if let Some(src) = &r.source {
            outln!(
                "    source: {src}; cue: {}",
                r.cue.as_deref().unwrap_or("-")
            )?;
        }
        outln!("    {}", r.sentence)?;
    }
    Ok(())
}

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    /// jsonl: one object per line; csv: a header and one row per report; parquet: one table
    /// (needs --output or a redirected standard output).
    #[arg(long, default_value = "jsonl", value_parser = ["jsonl", "csv", "parquet"])]
    pub format: String,
    /// Write to this file instead of standard output (written whole, then renamed into place).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub filters: Filters,
    #[command(flatten)]
    pub db: DbArgs,
}

const CSV_HEADER: &str = "statement,report,kind,text,speaker,person,person_name,cue,source,doc,url,title,outlet,published,month,content,copy_of";

fn csv_field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

fn csv_row(r: &ExportRow) -> String {
    let mut out = String::new();
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let num = |v: Option<i64>| v.map_or(String::new(), |n| n.to_string());
    let fields = [
        r.statement.to_string(),
        r.report.to_string(),
        r.kind.clone(),
        r.text.clone(),
        opt(&r.speaker),
        num(r.person),
        opt(&r.person_name),
        opt(&r.cue),
        opt(&r.source),
        r.doc.clone(),
        opt(&r.url),
        opt(&r.title),
        opt(&r.outlet),
        opt(&r.published),
        opt(&r.month),
        r.content.clone(),
        num(r.copy_of),
    ];
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(&mut out, f);
    }
    out
}

pub fn export(a: ExportArgs) -> Result<ExitCode> {
    let store = open(&a.db)?;
    let search = a.filters.search(String::new(), 0);
    let n = match &a.output {
        Some(path) => {
            // A partial file never takes the place of a good one.
            let tmp = path.with_extension("partial");
            let file = std::fs::File::create(&tmp)
                .with_context(|| format!("cannot create {}", tmp.display()))?;
            let n = write_export(&store, &search, &a.format, BufWriter::new(file))
                .with_context(|| format!("cannot write {}", tmp.display()))?;
            std::fs::rename(&tmp, path).with_context(|| {
                format!("cannot rename {} to {}", tmp.display(), path.display())
            })?;
            n
        }
        None => {
            if a.format == "parquet" && std::io::stdout().is_terminal() {
                bail!("Parquet is binary: give --output FILE or redirect standard output");
            }
            write_export(
                &store,
                &search,
                &a.format,
                BufWriter::new(std::io::stdout()),
            )?
        }
    };
    eprintln!("{n} reports exported");
    Ok(ExitCode::SUCCESS)
}

fn write_export<W: Write + Send>(
    store: &Store,
    search: &Search,
    format: &str,
    mut out: W,
) -> Result<u64> {
    if format == "parquet" {
        let mut sink = crate::parquet_out::ParquetSink::new(out)?;
        let n = store.export(search, |row| sink.push(row))?;
        sink.finish()?;
        return Ok(n);
    }
    if format == "csv" {
        writeln!(out, "{CSV_HEADER}")?;
    }
    let n = store.export(search, |row| -> Result<()> {
        if format == "csv" {
            writeln!(out, "{}", csv_row(&row))?;
        } else {
            serde_json::to_writer(&mut out, &row)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(n)
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub db: DbArgs,
}

pub fn check(a: CheckArgs) -> Result<ExitCode> {
    let dir = a.db.dir();
    // Opening for writing replays an interrupted ingest's index changes first.
    let store = Store::open(&dir, Mode::Write)
        .with_context(|| format!("cannot open the database in {}", dir.display()))?;
    for note in store.notes() {
        eprintln!("dictum: {note}");
    }
    let report = store.check()?;
    if a.json {
        outln!("{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        let s = &report.stats;
        outln!(
            "{}: {} articles ({} copies), {} statements, {} reports ({} indexed), {} people, {} outlets",
            dir.display(), s.articles, s.copies, s.statements, s.reports, s.indexed, s.people, s.outlets
        )?;
        outln!("integrity: {}", report.integrity)?;
        for d in &report.partial_articles {
            outln!("partial article: {d}")?;
        }
        if report.orphan_reports > 0 {
            outln!("orphan reports: {}", report.orphan_reports)?;
        }
    }
    Ok(if report.ok() {
        ExitCode::SUCCESS
    } else {
        eprintln!("dictum: {} has problems", dir.display());
        ExitCode::from(1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_matches_by_code_point() {
        assert_eq!(marked("équal terms", &[[0, 5]], false), "«équal» terms");
        assert_eq!(marked("a b", &[[0, 1], [2, 3]], false), "«a» «b»");
    }

    #[test]
    fn csv_quotes_only_when_needed() {
        let mut s = String::new();
        csv_field(&mut s, "He said, \"no\"");
        assert_eq!(s, "\"He said, \"\"no\"\"\"");
        let mut s = String::new();
        csv_field(&mut s, "plain");
        assert_eq!(s, "plain");
    }
}
