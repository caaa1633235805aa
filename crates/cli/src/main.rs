//! `dictum`: who said what, when, and who reported it.

/// `print!` to standard output, returning the I/O error instead of panicking
/// (a closed pipe, as in `dictum eval ... | head`, is not a crash).
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout().lock(), $($arg)*)
    }};
}

/// `println!` to standard output, returning the I/O error instead of panicking.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)
    }};
}

mod bench;
mod bench_search;
mod clean;
mod docs;
mod eval;
mod extract;
mod ingest;
mod input;
mod models;
mod output;
mod pairs;
mod parquet_out;
mod pipeline;
mod points;
mod query;
mod serve;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "dictum",
    version,
    about = "Who said what, when, and who reported it: statements from news articles.",
    long_about = "dictum reads news articles and finds their statements: direct quotes, partial \
quotes, reported speech and transcripts, each with its cue, its source as written and the \
speaker it refers to.\n\n`dictum extract` writes one JSON object per article, one per line: \
{\"doc\", \"title\", \"statements\": [{\"kind\", \"content\", \"text\", \"cue\", \"source\", \
\"speaker\"}]}, offsets in Unicode code points.\n\n`dictum ingest` stores them in a database (people \
across articles, one statement across outlets, copied articles linked) that `search`, `people`, \
`person`, `statement` and `export` query.\n\nStart with:  dictum ingest examples/corpus  then  \
dictum people"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract statements from plain-text articles, as JSON Lines on stdout.
    ///
    /// Each input is one article (UTF-8, first line the title). Directories are
    /// walked recursively for *.txt; `-` reads one article from stdin. One JSON
    /// object per article: {"doc", "title", "statements": [{"kind", "content",
    /// "text", "cue", "source", "speaker"}]}. Offsets are Unicode code points into
    /// the file as read, end exclusive. Files that cannot be read are reported
    /// on stderr and skipped; the exit code is then 1.
    Extract(extract::Args),
    /// Show what the cleaning stage makes of each article, as JSON Lines.
    ///
    /// Inputs as for `extract`: plain text, HTML (.html/.htm, optionally .gz), JSON Lines
    /// (.jsonl/.ndjson, optionally .gz/.zst) and WARC (.warc/.warc.gz). One object per
    /// article: {"doc", "url", "title", "outlet", "published", "published_from", "place",
    /// "author", "language", "text"}; `published` is ISO 8601, "--05-18" when only month
    /// and day are known, and no date is ever invented.
    Clean(clean::Args),
    /// Score the extractor on brat standoff gold (PolNeAR layout).
    ///
    /// GOLD_DIR holds text/<doc>.txt and attributions/<doc>_<annotator>.ann.
    /// Prints the reference scorer's metrics (strict, overlap, token; direct
    /// and indirect; source accuracy) and an error breakdown.
    Eval(eval::Args),
    /// Measure extraction speed (articles/s, MB/s) on one thread and on all cores.
    Bench(bench::Args),
    /// Store articles and their statements in the database (default ./dictum-data).
    ///
    /// Reads every input `extract` reads. Incremental: an article stored before (same URL,
    /// or same text when there is no URL) is skipped, a changed one replaces its old version.
    /// Speakers are resolved across articles into people; the same quote carried by several
    /// outlets becomes one statement with several reports; copied (syndicated) articles are
    /// linked to their original. Safe to interrupt: a re-run completes the rest.
    Ingest(ingest::Args),
    /// Full-text search over stored statements (BM25), best first.
    ///
    /// Example: dictum search "equal terms" --speaker Lavrov --since 2021
    Search(query::SearchArgs),
    /// List the people (and organisations) with statements, most reported first; merge,
    /// split and alias them.
    People(query::PeopleArgs),
    /// One person's profile: aliases, roles, a timeline by month and outlet, statements.
    Person(query::PersonArgs),
    /// One statement with every report of it and the sentence in each article.
    Statement(query::StatementArgs),
    /// Talking points: statements grouped by meaning across outlets and speakers, most
    /// recurring first (by distinct articles), each with a label of key phrases.
    ///
    /// Filters as for `search`: --speaker, --outlet, --since, --until, --kind.
    ///
    /// Example: dictum talking-points --speaker Lavrov --since 2021
    TalkingPoints(points::ListArgs),
    /// One talking point: its statements in time order with outlet, date and speaker, and
    /// counts by month, outlet and speaker.
    TalkingPoint(points::ShowArgs),
    /// Group the statements that have no talking point yet (after `ingest --no-group`, or to
    /// finish an interrupted grouping). `ingest` does this by itself.
    Group(points::GroupArgs),
    /// The statements nearest in meaning to a statement (by id) or to any text.
    ///
    /// Example: dictum similar "open to dialogue on equal terms" --limit 5
    Similar(points::SimilarArgs),
    /// Write the stored reports (statement, speaker, article, outlet, date) as JSON Lines, CSV
    /// or Parquet.
    Export(query::ExportArgs),
    /// Check the database: whole articles only, index in step, SQLite integrity.
    Check(query::CheckArgs),
    /// Measure search latency (p50/p90/p99) with queries drawn from the database itself.
    BenchSearch(bench_search::Args),
    /// Serve the database over HTTP: a JSON API (OpenAPI at /api/openapi.json) and web pages.
    ///
    /// Read-only unless started with --write-token (or $DICTUM_WRITE_TOKEN): then
    /// `POST /api/articles` with `Authorization: Bearer TOKEN` ingests articles (JSON, the
    /// fields of the JSON Lines reader) as `dictum ingest` does.
    Serve(serve::Args),
    /// Load-test the search API: keep-alive connections on loopback for a fixed time, queries
    /// drawn from the database; requests/s, errors and latency percentiles.
    BenchServe(serve::BenchArgs),
    /// Embed texts: one text per line on stdin, one JSON array of floats per line on stdout.
    ///
    /// --model static (fast, distilled from MiniLM), minilm (all-MiniLM-L6-v2) or lexical
    /// (hashed words, no model). The model used is named on stderr.
    Embed(models::EmbedArgs),
    /// Get, distill and measure embedding models: `fetch`, `distill`, `bench`.
    Model(models::ModelCmd),
    /// Measure same-statement matching on MRPC's train file (a dev part held out of it):
    /// TF-IDF, MiniLM and static cosines, and the learned combined matcher.
    EvalPairs(pairs::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(a) => extract::run(a),
        Command::Clean(a) => clean::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Bench(a) => bench::run(a),
        Command::Ingest(a) => ingest::run(a),
        Command::Search(a) => query::search(a),
        Command::People(a) => query::people(a),
        Command::Person(a) => query::person(a),
        Command::Statement(a) => query::statement(a),
        Command::TalkingPoints(a) => points::list(a),
        Command::TalkingPoint(a) => points::show(a),
        Command::Similar(a) => points::similar(a),
        Command::Group(a) => points::group_cmd(a),
        Command::Export(a) => query::export(a),
        Command::Check(a) => query::check(a),
        Command::BenchSearch(a) => bench_search::run(a),
        Command::Serve(a) => serve::run(a),
        Command::BenchServe(a) => serve::bench(a),
        Command::Embed(a) => models::embed(a),
        Command::Model(a) => models::model(a),
        Command::EvalPairs(a) => pairs::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dictum: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// The reader of our output went away (`dictum extract ... | head`): stop quietly.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Shared by subcommands that take input paths.
#[derive(clap::Args, Debug)]
pub struct InputArgs {
    /// Files, directories (walked for *.txt) or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Largest article accepted, in bytes.
    #[arg(long, default_value_t = input::DEFAULT_MAX_BYTES, value_name = "BYTES")]
    pub max_bytes: u64,
}

/// Where the database lives.
#[derive(clap::Args, Debug, Clone)]
pub struct DbArgs {
    /// The database directory (created by `ingest` when missing).
    #[arg(
        long,
        env = "DICTUM_DB",
        default_value = "dictum-data",
        value_name = "DIR"
    )]
    pub db: PathBuf,
}

impl DbArgs {
    pub fn dir(&self) -> PathBuf {
        self.db.clone()
    }
}
