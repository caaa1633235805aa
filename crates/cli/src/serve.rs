//! `dictum serve` and `dictum bench-serve`: the database over HTTP, and its load test.

use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use dictum_ingest::{Format, Item};
use dictum_serve::{AppState, Config, Prepare, SentenceModel};
use dictum_store::{Mode, Prepared, Store};

use crate::models::{self, Kind, ModelArgs, STATIC_ENV};
use crate::pipeline::Pipeline;
use crate::DbArgs;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub db: DbArgs,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "HOST:PORT")]
    pub addr: SocketAddr,
    /// Allow `POST /api/articles` to requests carrying this token
    /// (`Authorization: Bearer TOKEN`). Without it the server is read-only.
    #[arg(
        long,
        env = "DICTUM_WRITE_TOKEN",
        value_name = "TOKEN",
        hide_env_values = true
    )]
    pub write_token: Option<String>,
    /// Largest request body accepted, in bytes.
    #[arg(long, default_value_t = dictum_serve::DEFAULT_MAX_BODY, value_name = "BYTES")]
    pub max_body: usize,
    /// Worker threads for requests (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Read-only database handles, the queries run at once (default: two per core).
    #[arg(long, value_name = "N")]
    pub readers: Option<usize>,
    /// The sentence model for similar statements (default: the one the database's talking
    /// points were grouped with; the static model is read from $DICTUM_STATIC_MODEL).
    #[command(flatten)]
    pub model: ModelArgs,
}

/// The sentence model for `/api/statements/{id}/similar`: `--model` when given, else the one
/// the database's talking points were grouped with, else the static model when
/// $DICTUM_STATIC_MODEL is set. None when there is none or it cannot be loaded (the server then
/// answers similar statements with a 409 saying so); the text says which, for the line the
/// server prints when it starts.
fn similar_model(args: &ModelArgs, dir: &Path) -> (Option<SentenceModel>, String) {
    let stored = Store::open(dir, Mode::Read)
        .ok()
        .and_then(|s| s.points_model().ok().flatten());
    let static_set = std::env::var_os(STATIC_ENV).is_some_and(|v| !v.is_empty());
    let kind = match (args.model, stored.as_deref()) {
        (Some(k), _) => k,
        (None, Some("static")) => Kind::Static,
        (None, Some("minilm")) => Kind::Minilm,
        (None, Some("lexical")) => Kind::Lexical,
        (None, Some(other)) => {
            return (
                None,
                format!("no similar statements: grouped with an unknown model ({other})"),
            )
        }
        (None, None) if static_set || args.model_dir.is_some() => Kind::Static,
        (None, None) => {
            return (
                None,
                "no similar statements: no talking points, no $DICTUM_STATIC_MODEL".into(),
            )
        }
    };
    let chosen = ModelArgs {
        model: Some(kind),
        model_dir: args.model_dir.clone(),
    };
    match models::load(&chosen) {
        Ok(m) => {
            let note = format!("similar statements: {} model", m.name());
            (
                Some(Arc::new(crate::points::Model(m)) as SentenceModel),
                note,
            )
        }
        Err(e) => (None, format!("no similar statements: {e:#}")),
    }
}

/// Articles of a request, cleaned and extracted as `dictum ingest` does.
struct Ingest {
    pipeline: Pipeline,
    max_bytes: u64,
}

impl Prepare for Ingest {
    fn prepare(&self, jsonl: &[u8]) -> Vec<Result<Prepared, String>> {
        let opts = dictum_ingest::Options {
            max_bytes: self.max_bytes,
        };
        dictum_ingest::read_bytes(jsonl, Some(Format::Jsonl), "request", &opts)
            .map(|item| match item {
                Item::Doc(doc) => {
                    // An article sent without an `id` is named after its place in the request:
                    // it is known by its URL or text only, never replaced by the next request's
                    // article at the same place.
                    let unnamed = doc
                        .doc
                        .strip_prefix("request:")
                        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
                    let mut a = crate::ingest::article(&self.pipeline, doc, false, None, None);
                    a.origin = if unnamed {
                        None
                    } else {
                        Some(format!("api:{}", a.doc))
                    };
                    Ok(Prepared::new(a))
                }
                Item::Error(e) => Err(e.to_string()),
            })
            .collect()
    }
}

fn runtime(jobs: Option<usize>) -> Result<tokio::runtime::Runtime> {
    let mut b = tokio::runtime::Builder::new_multi_thread();
    if let Some(n) = jobs {
        b.worker_threads(n.max(1));
    }
    b.enable_all()
        .build()
        .context("cannot start the server's threads")
}

pub fn run(a: Args) -> Result<ExitCode> {
    let dir = a.db.dir();
    let mut config = Config::new(&dir);
    config.write_token = a.write_token.clone().filter(|t| !t.is_empty());
    config.max_body = a.max_body;
    if let Some(n) = a.readers {
        config.readers = n.max(1);
    }
    let prepare: Option<Arc<dyn Prepare>> = config.write_token.as_ref().map(|_| {
        Arc::new(Ingest {
            pipeline: Pipeline::new(false),
            max_bytes: a.max_body as u64,
        }) as Arc<dyn Prepare>
    });
    let (model, similar) = similar_model(&a.model, &dir);
    let state = AppState::open_with_model(&config, prepare, model)
        .with_context(|| format!("cannot open the database in {}", dir.display()))?;
    let rt = runtime(a.jobs)?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(a.addr)
            .await
            .with_context(|| format!("cannot listen on {}", a.addr))?;
        let local = listener.local_addr().context("cannot listen")?;
        eprintln!(
            "dictum: serving {} on http://{local}/ ({}; {similar}; API: \
             http://{local}/api/openapi.json)",
            dir.display(),
            if config.write_token.is_some() {
                "POST /api/articles with the write token"
            } else {
                "read-only"
            }
        );
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        dictum_serve::serve(listener, state, shutdown)
            .await
            .context("the server stopped")
    })?;
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args, Debug)]
pub struct BenchArgs {
    /// The database the queries are drawn from (and served, without --addr).
    #[command(flatten)]
    pub db: DbArgs,
    /// A running `dictum serve` to load; without it one is started in this process.
    #[arg(long, value_name = "HOST:PORT")]
    pub addr: Option<SocketAddr>,
    /// Concurrent connections (HTTP/1.1 keep-alive, one request at a time each).
    #[arg(long, short = 'c', default_value_t = 64)]
    pub connections: usize,
    /// How long to send requests, in seconds.
    #[arg(long, default_value_t = 30.0)]
    pub seconds: f64,
    /// Distinct queries drawn from the database.
    #[arg(long, default_value_t = 2000)]
    pub queries: usize,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Print one JSON object instead of the report.
    #[arg(long)]
    pub json: bool,
}

pub fn bench(a: BenchArgs) -> Result<ExitCode> {
    let dir = a.db.dir();
    if !(a.seconds > 0.0 && a.seconds <= 600.0) {
        bail!("--seconds must be more than 0 and at most 600");
    }
    let paths = {
        let store = Store::open(&dir, Mode::Read)
            .with_context(|| format!("cannot open the database in {}", dir.display()))?;
        dictum_serve::load::search_paths(&store, a.queries, a.seed)?
    };
    if paths.is_empty() {
        bail!("{} holds no statements: ingest some first", dir.display());
    }
    let rt = runtime(None)?;
    let report = rt.block_on(async {
        let (addr, server) = match a.addr {
            Some(addr) => (addr, None),
            None => {
                let state = AppState::open(&Config::new(&dir), None)
                    .with_context(|| format!("cannot open the database in {}", dir.display()))?;
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                    .await
                    .context("cannot listen on 127.0.0.1")?;
                let addr = listener.local_addr()?;
                let (tx, rx) = tokio::sync::oneshot::channel::<()>();
                let task = tokio::spawn(dictum_serve::serve(listener, state, async {
                    let _ = rx.await;
                }));
                (addr, Some((tx, task)))
            }
        };
        let report = dictum_serve::load::run(
            addr,
            a.connections.max(1),
            Duration::from_secs_f64(a.seconds),
            paths,
        )
        .await;
        if let Some((tx, task)) = server {
            let _ = tx.send(());
            let _ = task.await;
        }
        anyhow::Ok(report)
    })?;
    if a.json {
        outln!("{}", serde_json::to_string(&report)?)?;
    } else {
        outln!("{report}")?;
    }
    Ok(if report.errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
