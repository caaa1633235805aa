//! The statement database: articles, statements, their reports, people and outlets on disk.
//!
//! A database is a directory holding `dictum.db` (SQLite, the source of truth) and `index/`
//! (a tantivy full-text index derived from it). Writing is batched: [`Store::put_batch`]
//! stores a batch of articles in one SQLite transaction, so a crash leaves only whole
//! articles; a bad article never spoils its batch (the batch is then stored again with a
//! savepoint per article).
//! The index follows through the index queue (see [`index`]), so a killed ingest leaves a
//! database that opens, holds only whole articles and catches its index up on the next open.
//!
//! What is linked on the way in:
//! - **people**: a speaker's name resolves to one Person across articles through folded name
//!   keys, surnames and initials ([`dictum_link::names`]); users merge, split and alias people
//!   and their choices are aliases marked as the user's, which later ingests follow;
//! - **statements**: a report whose text shares enough winnowed fingerprints with a stored
//!   statement of the same speaker is another report of it ([`dictum_link::fingerprint`]);
//! - **copies**: an article whose MinHash signature says it holds another article's text is
//!   linked to it ([`dictum_link::copies`]), so outlet counts are not inflated by syndication.
//!
//! This crate does no extraction and no reading of input files: it stores what it is given.

mod ahead;
mod error;
mod index;
mod people;
mod points;
mod query;
mod schema;
mod write;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

pub use ahead::Lookups;
pub use error::{Result, StoreError};
pub use query::{
    Article, ArticleStatement, ArticleSummary, CheckReport, ExportRow, Hit, MonthCount,
    PersonProfile, PersonSummary, Report, Search, StatementItem, StatementView, Stats,
};

pub use points::{
    Count, Grouping, PointFilter, PointModel, PointStatement, Similar, TalkingPoint,
    TalkingPointView,
};

use index::FullText;

/// The SQLite file inside a database directory.
pub const DB_FILE: &str = "dictum.db";
/// The full-text index directory inside a database directory.
pub const INDEX_DIR: &str = "index";

/// How often, at most, the full-text index is committed during a long ingest.
const INDEX_COMMIT_EVERY: Duration = Duration::from_secs(5);

/// An article to store, with the statements extracted from it.
#[derive(Debug, Clone, Default)]
pub struct NewArticle {
    /// The document's name (a file stem, a JSON Lines `id`).
    pub doc: String,
    /// Where it came from (a file path), for articles without a URL: the same origin with a
    /// different text replaces the old version.
    pub origin: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// ISO 8601, possibly partial: `2021-05-17`, `2021-05`, `2021`, `--05-18`.
    pub published: Option<String>,
    pub place: Option<String>,
    pub author: Option<String>,
    pub language: Option<String>,
    /// The text every offset points into.
    pub text: String,
    pub statements: Vec<NewStatement>,
}

/// A `[start, end)` range in Unicode code points into the article's text, with its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SpanText {
    pub span: [usize; 2],
    pub text: String,
}

/// One statement as extracted from one article.
#[derive(Debug, Clone, Default)]
pub struct NewStatement {
    /// `direct`, `mixed`, `indirect` or `transcript`.
    pub kind: String,
    /// The content's pieces, code points into the article's text.
    pub content: Vec<[usize; 2]>,
    pub text: String,
    pub cue: Option<SpanText>,
    pub source: Option<SpanText>,
    /// The speaker's fullest name in the article.
    pub speaker: Option<String>,
    /// Roles the article gives the speaker ("Foreign Minister").
    pub roles: Vec<String>,
    /// The sentence(s) holding the content, code points into the article's text.
    pub sentence: [usize; 2],
}

/// An article with everything computed that needs no database: its text hash, its MinHash
/// signature and bands, its statements' fingerprints. Preparing is pure and runs in
/// parallel; storing is serial.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub article: NewArticle,
    pub(crate) hash: i64,
    pub(crate) signature: dictum_link::copies::Signature,
    pub(crate) bands: Vec<u64>,
    /// Per statement: the fingerprints that find other reports of it.
    pub(crate) fingerprints: Vec<Vec<u64>>,
    /// The writer's lookups, read ahead on a snapshot ([`Lookups::fill`]).
    pub(crate) ahead: Option<ahead::Ahead>,
}

impl Prepared {
    pub fn new(article: NewArticle) -> Prepared {
        let hash = write::text_hash(&article.text);
        let signature = dictum_link::copies::signature(&article.text);
        let bands = dictum_link::copies::bands(&signature);
        let fingerprints = article
            .statements
            .iter()
            .map(|s| {
                if s.kind == "indirect" {
                    // Reported speech is the reporter's wording: the same statement only
                    // when the same words (up to case and punctuation).
                    vec![write::text_hash(&s.text) as u64]
                } else {
                    dictum_link::fingerprint::fingerprints(&s.text)
                }
            })
            .collect();
        Prepared {
            article,
            hash,
            signature,
            bands,
            fingerprints,
            ahead: None,
        }
    }
}

impl From<NewArticle> for Prepared {
    fn from(a: NewArticle) -> Prepared {
        Prepared::new(a)
    }
}

impl From<&NewArticle> for Prepared {
    fn from(a: &NewArticle) -> Prepared {
        Prepared::new(a.clone())
    }
}

/// What storing one article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A new article, with its number of statements.
    New(usize),
    /// The same article was stored before: nothing changed.
    Known,
    /// An older version (same URL or file) was replaced.
    Replaced(usize),
}

/// Reading only, or writing (one writer at a time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Read,
    Write,
}

/// Settings for opening a database.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Limit the SQLite file to this many pages (4 KiB each): a full disk, simulated.
    pub max_pages: Option<u64>,
}

/// An open database.
pub struct Store {
    dir: PathBuf,
    db_path: PathBuf,
    conn: Connection,
    text: FullText,
    last_index_commit: Instant,
    notes: Vec<String>,
    /// Speaker names resolved during this session (cleared when people change).
    names: write::NameCache,
    /// The rows of the writer's last transactions and the epoch shared with read-ahead.
    recent: ahead::Recent,
    shared: std::sync::Arc<ahead::Shared>,
    /// Statements' outlets and days as last indexed (index flushes read only new reports).
    places: write::PlaceCache,
}

impl Store {
    /// Opens the database in `dir`, creating it when writing and it does not exist.
    pub fn open(dir: &Path, mode: Mode) -> Result<Store> {
        Store::open_with(dir, mode, &Options::default())
    }

    pub fn open_with(dir: &Path, mode: Mode, opts: &Options) -> Result<Store> {
        let db_path = dir.join(DB_FILE);
        if mode == Mode::Read && !db_path.exists() {
            return Err(StoreError::NotFound(format!(
                "no database at {} (create one with `dictum ingest PATH --db {}`)",
                dir.display(),
                dir.display()
            )));
        }
        if mode == Mode::Write {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Open {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let flags = match mode {
            Mode::Read => OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            Mode::Write => {
                OpenFlags::SQLITE_OPEN_READ_WRITE
                    | OpenFlags::SQLITE_OPEN_CREATE
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX
            }
        };
        let conn = Connection::open_with_flags(&db_path, flags)
            .map_err(|e| StoreError::sqlite(&db_path, "cannot open the database", e))?;
        let sq = |context: &'static str| {
            let p = db_path.clone();
            move |e| StoreError::sqlite(&p, context, e)
        };
        conn.busy_timeout(Duration::from_secs(10))
            .map_err(sq("cannot configure the database"))?;
        conn.set_prepared_statement_cache_capacity(64);
        // Reading the header first: a file that is not a database fails here, before any write.
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(sq("cannot read the database"))?;
        if version > schema::VERSION {
            return Err(StoreError::TooNew {
                path: db_path,
                found: version,
                supported: schema::VERSION,
            });
        }
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(sq("cannot read the database"))?;
        if tables > 0 && version == 0 {
            return Err(StoreError::Corrupt {
                path: db_path,
                detail: "an SQLite file, but not one dictum wrote".into(),
            });
        }
        conn.execute_batch(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY;
             PRAGMA cache_size=-131072; PRAGMA foreign_keys=OFF;",
        )
        .map_err(sq("cannot configure the database"))?;
        if let Some(pages) = opts.max_pages {
            conn.execute_batch(&format!("PRAGMA max_page_count={pages}"))
                .map_err(sq("cannot configure the database"))?;
        }
        if mode == Mode::Write && version < schema::VERSION {
            conn.execute_batch(&format!(
                "BEGIN; {} PRAGMA user_version={}; COMMIT;",
                schema::DDL,
                schema::VERSION
            ))
            .map_err(sq("cannot create the database's tables"))?;
        } else if version == 0 {
            return Err(StoreError::NotFound(format!(
                "no database at {} (create one with `dictum ingest PATH --db {}`)",
                dir.display(),
                dir.display()
            )));
        }
        if mode == Mode::Write {
            conn.execute_batch(schema::READ_INDEXES)
                .map_err(sq("cannot create the database's indexes"))?;
        }
        let index_dir = dir.join(INDEX_DIR);
        let mut notes = Vec::new();
        let text = match FullText::open(&index_dir, mode == Mode::Write) {
            Ok(t) => t,
            Err(StoreError::Corrupt { detail, .. }) if mode == Mode::Write => {
                // The index is derived data: rebuild it from the database.
                notes.push(format!(
                    "the full-text index in {} was damaged ({detail}); rebuilding it from {}",
                    index_dir.display(),
                    db_path.display()
                ));
                let _ = std::fs::remove_dir_all(&index_dir);
                let t = FullText::open(&index_dir, true)?;
                write::requeue_all(&conn, &db_path)?;
                t
            }
            Err(e) => return Err(e),
        };
        let mut store = Store {
            dir: dir.to_path_buf(),
            db_path,
            conn,
            text,
            last_index_commit: Instant::now(),
            notes,
            names: write::NameCache::new(),
            recent: ahead::Recent::new(0, 0),
            shared: Default::default(),
            places: Default::default(),
        };
        if store.text.can_write() {
            store.catch_up_index()?;
            store.recent = write::recent_now(&store.conn, &store.db_path)?;
        }
        Ok(store)
    }

    /// The database directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Things the store did on its own that the user should know (an index rebuilt).
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// Brings the full-text index up to date with the database: replays the index queue past
    /// the index's last commit (after a crash), or everything (for a new or lost index).
    fn catch_up_index(&mut self) -> Result<()> {
        let committed = self.text.committed_seq()?;
        let reports: i64 = self
            .conn
            .query_row("SELECT count(*) FROM reports", [], |r| r.get(0))
            .map_err(|e| StoreError::sqlite(&self.db_path, "cannot read the database", e))?;
        if committed.is_none() && reports > 0 && self.text.num_docs() == 0 {
            self.notes.push(format!(
                "the full-text index is missing; rebuilding it from {}",
                self.db_path.display()
            ));
            write::requeue_all(&self.conn, &self.db_path)?;
        }
        self.flush_index(committed.unwrap_or(0))
    }

    /// Applies queued index changes past `after` and commits them.
    fn flush_index(&mut self, after: i64) -> Result<()> {
        let last = write::apply_queue(
            &self.conn,
            &self.db_path,
            &mut self.text,
            &mut self.places,
            after,
        )?;
        if let Some(seq) = last {
            self.text.commit(seq)?;
            self.conn
                .execute("DELETE FROM index_queue WHERE seq <= ?1", [seq])
                .map_err(|e| StoreError::sqlite(&self.db_path, "cannot trim the index queue", e))?;
        }
        self.last_index_commit = Instant::now();
        Ok(())
    }

    /// Stores a batch of articles in one transaction. Returns one outcome per article, in
    /// order: an article that cannot be stored gets its error and the others are stored.
    /// A fatal error (full disk, damaged file) rolls the whole batch back and is returned.
    pub fn put_batch<A: Into<Prepared>>(
        &mut self,
        batch: impl IntoIterator<Item = A>,
    ) -> Result<Vec<Result<Outcome>>> {
        let batch: Vec<Prepared> = batch.into_iter().map(Into::into).collect();
        let mut w = write::Writer {
            names: &mut self.names,
            recent: &mut self.recent,
            shared: &self.shared,
        };
        let outcomes = write::put_batch(&mut self.conn, &self.db_path, &batch, &mut w)?;
        if self.last_index_commit.elapsed() >= INDEX_COMMIT_EVERY {
            self.flush()?;
        }
        Ok(outcomes)
    }

    /// A handle for reading the writer's lookups ahead on other threads ([`Lookups::fill`]):
    /// the batches it fills are stored faster and exactly as without it.
    pub fn lookups(&self) -> Lookups {
        Lookups::new(&self.db_path, self.shared.clone())
    }

    /// Commits the full-text index: everything stored so far becomes searchable.
    pub fn flush(&mut self) -> Result<()> {
        let committed = self.text.committed_seq()?.unwrap_or(0);
        self.flush_index(committed)
    }

    /// Flushes and waits for the index's background merges.
    pub fn close(mut self) -> Result<()> {
        if self.text.can_write() {
            self.flush()?;
            self.text.close()?;
        }
        Ok(())
    }
}

/// Days since 1970-01-01 of a full or partial ISO date (`2021-05-17`, `2021-05` → the 1st,
/// `2021` → 1 January); `None` when the year is unknown or the date is not one.
pub fn day_number(date: &str) -> Option<i64> {
    let date = date.get(..10).unwrap_or(date);
    let mut parts = date.split('-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next().map_or(Some(1), |p| p.parse().ok())?;
    let d: i64 = parts.next().map_or(Some(1), |p| p.parse().ok())?;
    if !(1..=9999).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The ISO date of a day number.
pub fn day_to_date(z: i64) -> String {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!("{y:04}-{m:02}-{d:02}")
}

/// A filter date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) as a day number; `end` gives the last day
/// of a year or month (for `--until`).
pub fn filter_day(s: &str, end: bool) -> Result<i64> {
    let bad = || StoreError::Date(s.to_string());
    let parts: Vec<&str> = s.trim().split('-').collect();
    let ok = match parts.len() {
        1 => parts[0].len() == 4,
        2 => parts[0].len() == 4 && parts[1].len() == 2,
        3 => parts[0].len() == 4 && parts[1].len() == 2 && parts[2].len() == 2,
        _ => false,
    };
    if !ok || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
        return Err(bad());
    }
    let start = day_number(s.trim()).ok_or_else(bad)?;
    if !end {
        return Ok(start);
    }
    let y: i64 = parts[0].parse().map_err(|_| bad())?;
    Ok(match parts.len() {
        1 => day_number(&format!("{}-01-01", y + 1)).ok_or_else(bad)? - 1,
        2 => {
            let m: i64 = parts[1].parse().map_err(|_| bad())?;
            let next = if m == 12 {
                format!("{}-01-01", y + 1)
            } else {
                format!("{y}-{:02}-01", m + 1)
            };
            day_number(&next).ok_or_else(bad)? - 1
        }
        _ => start,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip() {
        for d in [
            "1970-01-01",
            "2021-05-17",
            "2024-02-29",
            "1999-12-31",
            "2000-03-01",
        ] {
            assert_eq!(day_to_date(day_number(d).unwrap()), d);
        }
        assert_eq!(day_number("1970-01-02"), Some(1));
        assert_eq!(day_number("2021-05"), day_number("2021-05-01"));
        assert_eq!(day_number("--05-18"), None);
        assert_eq!(day_number("2021-13-01"), None);
    }

    #[test]
    fn filter_days_cover_whole_periods() {
        assert_eq!(
            filter_day("2021", true).unwrap(),
            day_number("2021-12-31").unwrap()
        );
        assert_eq!(
            filter_day("2024-02", true).unwrap(),
            day_number("2024-02-29").unwrap()
        );
        assert_eq!(
            filter_day("2021-05", false).unwrap(),
            day_number("2021-05-01").unwrap()
        );
        assert!(filter_day("May 2021", false).is_err());
        assert!(filter_day("2021-5", false).is_err());
    }
}
