//! `dictum serve`: the statement database over HTTP.
//!
//! - `/api/...`: JSON endpoints for search, people, statements and articles, described by an
//!   OpenAPI document at `/api/openapi.json` generated from the same route table ([`api`]);
//! - `/`, `/people/{id}`, `/statements/{id}`, `/articles/{id}`: server-rendered pages with
//!   their CSS and JavaScript embedded in the binary ([`pages`]);
//! - `POST /api/articles`: ingests articles, only when the server holds a write token and the
//!   request carries it;
//! - `/api/statements/{id}/similar`: statements near in meaning, when the binary hands the
//!   server a sentence model ([`SentenceModel`]) and the database has talking points.
//!
//! Reading goes through a small pool of read-only [`Store`]s, each used by one blocking task
//! at a time; writing through the one writer, behind a mutex. This crate holds no SQL: every
//! query is `dictum-store`'s. It does not clean or extract either: the binary hands it a
//! [`Prepare`] that turns request bodies into articles ready to store.

pub mod api;
mod error;
pub mod load;
mod pages;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use dictum_store::{Mode, PointModel, Prepared, Store, StoreError};
use tokio::sync::Semaphore;

pub use error::{ApiError, ServeError};

/// Largest `POST /api/articles` body accepted, by default.
pub const DEFAULT_MAX_BODY: usize = 8 * 1024 * 1024;

/// Turns the articles of a request body into articles ready to store: cleaning and
/// extraction, as `dictum ingest` does them. The body is JSON Lines with the fields of the
/// JSON Lines reader (`id`, `url`, `title`, `text` or `html`, `published`, `outlet`, ...).
pub trait Prepare: Send + Sync + 'static {
    /// One result per article in the body, in order: the article, or why it cannot be read
    /// (the message names the line).
    fn prepare(&self, jsonl: &[u8]) -> Vec<Result<Prepared, String>>;
}

/// A sentence model for similar statements: the one the database's talking points were
/// grouped with (the binary loads it; this crate holds no model code).
pub type SentenceModel = Arc<dyn PointModel + Send + Sync>;

/// How the server is set up.
#[derive(Debug, Clone)]
pub struct Config {
    pub db: PathBuf,
    /// Writing (`POST /api/articles`) is allowed to requests carrying this token.
    pub write_token: Option<String>,
    /// Largest request body, in bytes.
    pub max_body: usize,
    /// Read-only database handles (concurrent queries).
    pub readers: usize,
}

impl Config {
    pub fn new(db: impl Into<PathBuf>) -> Config {
        Config {
            db: db.into(),
            write_token: None,
            max_body: DEFAULT_MAX_BODY,
            readers: std::thread::available_parallelism().map_or(2, |n| n.get()) * 2,
        }
    }
}

/// Read-only stores, each lent to one query at a time; refreshed after the server writes.
struct Pool {
    dir: PathBuf,
    /// Each store with the write generation and the time it last refreshed its index reader.
    free: Mutex<Vec<(Store, u64, Instant)>>,
    permits: Semaphore,
    /// Bumped after every write, so a lent store sees the new index commit.
    generation: AtomicU64,
}

impl Pool {
    fn open(dir: &Path, n: usize) -> Result<Pool, StoreError> {
        let mut free = Vec::with_capacity(n);
        for _ in 0..n.max(1) {
            free.push((open_reader(dir)?, 0, Instant::now()));
        }
        Ok(Pool {
            dir: dir.to_path_buf(),
            permits: Semaphore::new(free.len()),
            free: Mutex::new(free),
            generation: AtomicU64::new(0),
        })
    }
}

/// A read-only store whose database file is read through a memory map (shared by the pool's
/// stores through the OS page cache).
fn open_reader(dir: &Path) -> Result<Store, StoreError> {
    let store = Store::open(dir, Mode::Read)?;
    store.map_for_reads(MMAP_BYTES)?;
    Ok(store)
}

/// How often a reader looks for index commits made by other processes.
const REFRESH_EVERY: Duration = Duration::from_secs(5);

/// How much of the database file a reader maps.
const MMAP_BYTES: u64 = 16 << 30;

/// What every handler shares.
pub struct AppState {
    pool: Pool,
    writer: Option<Mutex<Store>>,
    prepare: Option<Arc<dyn Prepare>>,
    model: Option<SentenceModel>,
    token: Option<String>,
    max_body: usize,
}

pub type Shared = Arc<AppState>;

impl AppState {
    /// Opens the database: the writer first when there is a token (creating an empty
    /// database if there is none yet), then the read-only pool.
    pub fn open(config: &Config, prepare: Option<Arc<dyn Prepare>>) -> Result<Shared, ServeError> {
        AppState::open_with_model(config, prepare, None)
    }

    /// [`AppState::open`], with a sentence model for similar statements.
    pub fn open_with_model(
        config: &Config,
        prepare: Option<Arc<dyn Prepare>>,
        model: Option<SentenceModel>,
    ) -> Result<Shared, ServeError> {
        let token = config.write_token.clone().filter(|t| !t.is_empty());
        let writer = match (&token, &prepare) {
            (Some(_), Some(_)) => Some(Mutex::new(Store::open(&config.db, Mode::Write)?)),
            (Some(_), None) => {
                return Err(ServeError::Config(
                    "a write token was given but this server cannot ingest".into(),
                ))
            }
            _ => None,
        };
        let pool = Pool::open(&config.db, config.readers)?;
        Ok(Arc::new(AppState {
            pool,
            writer,
            prepare,
            model,
            token,
            max_body: config.max_body,
        }))
    }

    /// Runs `f` with a read-only store on a blocking thread.
    pub(crate) async fn read<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let _permit = self
            .pool
            .permits
            .acquire()
            .await
            .map_err(|_| ApiError::unavailable("the server is shutting down"))?;
        let state = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let pool = &state.pool;
            let lent = pool.free.lock().ok().and_then(|mut f| f.pop());
            let (store, seen, mut refreshed) = match lent {
                Some(s) => s,
                // A store lost to a panic: open another.
                None => (open_reader(&pool.dir)?, 0, Instant::now()),
            };
            let now = pool.generation.load(Ordering::Acquire);
            // After this server's writes at once; another process's (`dictum ingest` while
            // serving) within REFRESH_EVERY.
            if seen < now || refreshed.elapsed() >= REFRESH_EVERY {
                store.refresh()?;
                refreshed = Instant::now();
            }
            let out = f(&store);
            if let Ok(mut free) = pool.free.lock() {
                free.push((store, now, refreshed));
            }
            out
        })
        .await
        .map_err(|_| ApiError::internal("a query failed"))?
        .map_err(ApiError::from)
    }

    /// Stores articles with the writer; the read pool sees them afterwards.
    pub(crate) async fn write(
        self: &Arc<Self>,
        jsonl: Vec<u8>,
    ) -> Result<Vec<api::IngestResult>, ApiError> {
        let state = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let (Some(writer), Some(prepare)) = (&state.writer, &state.prepare) else {
                return Err(ApiError::forbidden("this server is read-only"));
            };
            let prepared = prepare.prepare(&jsonl);
            let mut results = Vec::with_capacity(prepared.len());
            let mut good = Vec::new();
            let mut slots = Vec::new();
            for p in prepared {
                match p {
                    Ok(a) => {
                        slots.push(results.len());
                        results.push(api::IngestResult {
                            doc: a.article.doc.clone(),
                            outcome: "failed".into(),
                            statements: 0,
                            error: None,
                        });
                        good.push(a);
                    }
                    Err(e) => results.push(api::IngestResult {
                        doc: String::new(),
                        outcome: "failed".into(),
                        statements: 0,
                        error: Some(e),
                    }),
                }
            }
            let mut store = writer
                .lock()
                .map_err(|_| ApiError::internal("the writer failed earlier"))?;
            let outcomes = store.put_batch(good)?;
            store.flush()?;
            drop(store);
            for (slot, o) in slots.into_iter().zip(outcomes) {
                let r = &mut results[slot];
                match o {
                    Ok(dictum_store::Outcome::New(n)) => {
                        r.outcome = "new".into();
                        r.statements = n;
                    }
                    Ok(dictum_store::Outcome::Replaced(n)) => {
                        r.outcome = "replaced".into();
                        r.statements = n;
                    }
                    Ok(dictum_store::Outcome::Known) => r.outcome = "known".into(),
                    Err(e) => r.error = Some(e.to_string()),
                }
            }
            state.pool.generation.fetch_add(1, Ordering::AcqRel);
            Ok(results)
        })
        .await
        .map_err(|_| ApiError::internal("ingesting failed"))?
    }

    /// The sentence model, when the binary gave one.
    pub(crate) fn model(&self) -> Option<SentenceModel> {
        self.model.clone()
    }

    pub(crate) fn can_write(&self) -> bool {
        self.writer.is_some()
    }

    /// Whether `given` is the write token (compared in constant time).
    pub(crate) fn token_ok(&self, given: Option<&str>) -> bool {
        let (Some(t), Some(g)) = (&self.token, given) else {
            return false;
        };
        let (a, b) = (t.as_bytes(), g.as_bytes());
        let mut diff = a.len() ^ b.len();
        for (i, x) in a.iter().enumerate() {
            diff |= usize::from(x ^ b.get(i).copied().unwrap_or(0));
        }
        diff == 0
    }

    pub(crate) fn max_body(&self) -> usize {
        self.max_body
    }
}

/// The whole application: API, OpenAPI document, pages and assets.
pub fn router(state: Shared) -> axum::Router {
    let (api, doc) = api::routes().split_for_parts();
    let doc = Arc::new(doc);
    axum::Router::new()
        .merge(api)
        .route(
            "/api/openapi.json",
            axum::routing::get(move || {
                let doc = Arc::clone(&doc);
                async move { axum::Json(doc.as_ref().clone()) }
            }),
        )
        .merge(pages::routes())
        .fallback(pages::not_found)
        .with_state(state)
}

/// The OpenAPI document of the API.
pub fn openapi() -> utoipa::openapi::OpenApi {
    api::routes().split_for_parts().1
}

/// Serves `state` on `listener` until `shutdown` resolves.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: Shared,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await
}
