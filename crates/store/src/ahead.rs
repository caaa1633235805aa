//! Read-ahead of the writer's lookups: copy candidates and same-statement candidates are
//! looked up on the worker threads, on a read snapshot, before the batch reaches the writer.
//!
//! The writer is a single thread; most of its time used to go to reading (the LSH band query
//! and candidates' signatures for copies, the fingerprint postings and candidates' rows for
//! same statements). [`Lookups::fill`] does those reads on a read-only connection while the
//! writer stores earlier batches, and records what the snapshot held: its largest article and
//! statement ids. The writer completes each lookup with the rows committed after the snapshot
//! ([`Recent`], kept in memory for its last transactions) and the rows of its own transaction
//! (`Pending`), so it finds exactly the candidates, in the same order, that reading everything
//! itself would find.
//!
//! Ids only grow, so "committed after the snapshot" is "id above the snapshot's largest". A
//! deleted row (a replaced article) breaks that: every delete bumps the shared epoch, and a
//! read-ahead from another epoch is not used (the writer reads for itself).

use std::borrow::BorrowMut;
use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use dictum_link::copies;
use rayon::prelude::*;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};

use crate::error::{Result, StoreError};
use crate::write::{
    compare, copy_candidates, Compared, CANDIDATES, LOOKUP, MAX_POSTING, SAME_CANDIDATES,
};
use crate::Prepared;

/// State shared by the writer and the read-ahead.
#[derive(Default)]
pub(crate) struct Shared {
    /// Bumped around every change that makes an older snapshot's answers wrong for ids it
    /// holds (deleting an article, its statements or its copy links).
    pub epoch: AtomicU64,
}

impl Shared {
    pub fn bump(&self) {
        self.epoch.fetch_add(1, Ordering::SeqCst);
    }
}

/// What a copy candidate of the snapshot turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// A copy: the root of its cluster.
    Copy(i64),
    NotCopy,
}

/// The lookups of one article on one snapshot.
#[derive(Debug, Clone, Default)]
pub(crate) struct Ahead {
    pub epoch: u64,
    /// The snapshot's largest article and statement ids.
    pub max_article: i64,
    pub max_statement: i64,
    /// Copy candidates in the snapshot: (article, bands shared), most shared first.
    pub counted: Vec<(i64, i64)>,
    /// Verdicts on the candidates up to and including the first copy.
    pub verdicts: HashMap<i64, Verdict>,
    /// Per statement, per looked-up fingerprint: the statements posting it (at most
    /// `MAX_POSTING + 1`, ascending).
    pub postings: Vec<Vec<Vec<i64>>>,
    /// Per statement: its smallest candidates compared with it (`None`: no such statement).
    pub compared: Vec<Vec<(i64, Option<Compared>)>>,
}

/// A handle the worker threads use to read ahead for the writer of one database.
pub struct Lookups {
    db_path: PathBuf,
    shared: Arc<Shared>,
    idle: Mutex<Vec<Connection>>,
}

/// Articles per read transaction.
const CHUNK: usize = 32;

impl Lookups {
    pub(crate) fn new(db_path: &Path, shared: Arc<Shared>) -> Lookups {
        Lookups {
            db_path: db_path.to_path_buf(),
            shared,
            idle: Mutex::new(Vec::new()),
        }
    }

    fn connection(&self) -> Result<Connection> {
        if let Some(c) = self.idle.lock().ok().and_then(|mut v| v.pop()) {
            return Ok(c);
        }
        let sq = |context: &'static str| {
            let p = self.db_path.clone();
            move |e| StoreError::sqlite(&p, context, e)
        };
        let conn = Connection::open_with_flags(
            &self.db_path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sq("cannot open the database to read ahead"))?;
        conn.execute_batch("PRAGMA query_only=1; PRAGMA cache_size=-32768;")
            .map_err(sq("cannot configure the database"))?;
        conn.set_prepared_statement_cache_capacity(16);
        Ok(conn)
    }

    /// Reads ahead for a batch, in parallel on the current rayon pool. An article whose
    /// read fails simply has no read-ahead: the writer reads for itself.
    pub fn fill<P: BorrowMut<Prepared> + Send>(&self, batch: &mut [P]) {
        batch.par_chunks_mut(CHUNK).for_each(|chunk| {
            let Ok(conn) = self.connection() else {
                return;
            };
            if self.fill_chunk(&conn, chunk).is_err() {
                for p in chunk.iter_mut() {
                    p.borrow_mut().ahead = None;
                }
            }
            if let Ok(mut idle) = self.idle.lock() {
                idle.push(conn);
            }
        });
    }

    fn fill_chunk<P: BorrowMut<Prepared>>(
        &self,
        conn: &Connection,
        chunk: &mut [P],
    ) -> rusqlite::Result<()> {
        // The epoch is read before the snapshot starts: a delete committed after it bumps
        // the epoch again, so a snapshot that still holds deleted rows is never trusted.
        let epoch = self.shared.epoch.load(Ordering::SeqCst);
        conn.execute_batch("BEGIN")?;
        let r = (|| {
            let max_article: i64 =
                conn.query_row("SELECT coalesce(max(id), 0) FROM articles", [], |r| {
                    r.get(0)
                })?;
            let max_statement: i64 =
                conn.query_row("SELECT coalesce(max(id), 0) FROM statements", [], |r| {
                    r.get(0)
                })?;
            for p in chunk.iter_mut() {
                let p = p.borrow_mut();
                let mut a = Ahead {
                    epoch,
                    max_article,
                    max_statement,
                    ..Ahead::default()
                };
                copies_ahead(conn, p, &mut a)?;
                statements_ahead(conn, p, &mut a)?;
                p.ahead = Some(a);
            }
            Ok(())
        })();
        let end = conn.execute_batch("COMMIT");
        r.and(end)
    }
}

fn copies_ahead(conn: &Connection, p: &Prepared, a: &mut Ahead) -> rusqlite::Result<()> {
    if p.bands.len() != copies::BANDS {
        return Ok(());
    }
    a.counted = copy_candidates(conn, &p.bands)?;
    let mut get = conn.prepare_cached("SELECT sig FROM signatures WHERE article_id = ?1")?;
    for &(id, _) in a.counted.iter().take(CANDIDATES) {
        let blob: Option<Vec<u8>> = get.query_row([id], |r| r.get(0)).optional()?;
        let verdict = match blob.as_deref().and_then(copies::from_bytes) {
            Some(other) if copies::is_copy(&p.signature, &other) => {
                let root: Option<i64> =
                    conn.query_row("SELECT copy_of FROM articles WHERE id = ?1", [id], |r| {
                        r.get(0)
                    })?;
                Verdict::Copy(root.unwrap_or(id))
            }
            _ => Verdict::NotCopy,
        };
        a.verdicts.insert(id, verdict);
        if verdict != Verdict::NotCopy {
            break;
        }
    }
    Ok(())
}

fn statements_ahead(conn: &Connection, p: &Prepared, a: &mut Ahead) -> rusqlite::Result<()> {
    let mut q =
        conn.prepare_cached("SELECT statement_id FROM fingerprints WHERE hash = ?1 LIMIT ?2")?;
    let mut get = conn.prepare_cached("SELECT person_id, fps FROM statements WHERE id = ?1")?;
    for fps in &p.fingerprints {
        let mut lists = Vec::with_capacity(LOOKUP);
        let mut candidates = Vec::new();
        for h in fps.iter().take(LOOKUP) {
            let ids: Vec<i64> = q
                .query_map(params![*h as i64, MAX_POSTING as i64 + 1], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            if ids.len() <= MAX_POSTING {
                candidates.extend(ids.iter().copied());
            }
            lists.push(ids);
        }
        candidates.sort_unstable();
        candidates.dedup();
        // The writer takes the smallest candidates; newer rows only add larger ids, and a
        // posting the newer rows push over the limit only removes some. Rows beyond these
        // are read by the writer if it needs them.
        let mut compared = Vec::new();
        for id in candidates.into_iter().take(SAME_CANDIDATES) {
            let c = get
                .query_row([id], |r| {
                    Ok(compare(fps, r.get(0)?, &r.get::<_, Vec<u8>>(1)?))
                })
                .optional()?;
            compared.push((id, c));
        }
        a.postings.push(lists);
        a.compared.push(compared);
    }
    Ok(())
}

/// One committed transaction's band and fingerprint rows, (key, id) sorted.
struct Committed {
    bands: Vec<(i64, i64)>,
    fps: Vec<(i64, i64)>,
    /// The largest ids in `bands` and `fps`: an entry wholly at or below a snapshot's is
    /// skipped.
    max_article: i64,
    max_statement: i64,
}

/// Postings of `key` above `after` in sorted (key, id) rows, ascending.
fn posted(rows: &[(i64, i64)], key: i64, after: i64) -> impl Iterator<Item = i64> + '_ {
    let from = rows.partition_point(|&(k, id)| (k, id) <= (key, after));
    rows[from..]
        .iter()
        .take_while(move |&&(k, _)| k == key)
        .map(|&(_, id)| id)
}

/// Transactions kept: more than can be stored between a batch's read-ahead and its turn
/// (the ingest queue holds 8 batches); an older read-ahead is not used.
const KEEP: usize = 12;

/// The band and fingerprint rows of the writer's last transactions, oldest first: what a
/// snapshot taken since misses.
pub(crate) struct Recent {
    entries: VecDeque<Committed>,
    /// The largest article and statement ids committed before the oldest entry.
    since_article: i64,
    since_statement: i64,
    /// `since_*` of each entry after the oldest, to move `since_*` up when it goes.
    starts: VecDeque<(i64, i64)>,
}

impl Recent {
    pub fn new(max_article: i64, max_statement: i64) -> Recent {
        Recent {
            entries: VecDeque::new(),
            since_article: max_article,
            since_statement: max_statement,
            starts: VecDeque::new(),
        }
    }

    /// Forgets everything: only snapshots taken after `max_*` are covered.
    pub fn reset(&mut self, max_article: i64, max_statement: i64) {
        *self = Recent::new(max_article, max_statement);
    }

    /// Adds a committed transaction that started after `start` (largest ids then).
    pub fn push(&mut self, start: (i64, i64), bands: Vec<(i64, i64)>, fps: Vec<(i64, i64)>) {
        if self.entries.is_empty() {
            self.since_article = start.0;
            self.since_statement = start.1;
        } else {
            self.starts.push_back(start);
        }
        let top = |rows: &[(i64, i64)]| rows.iter().map(|r| r.1).max().unwrap_or(i64::MIN);
        self.entries.push_back(Committed {
            max_article: top(&bands),
            max_statement: top(&fps),
            bands,
            fps,
        });
        if self.entries.len() > KEEP {
            self.entries.pop_front();
            if let Some((a, s)) = self.starts.pop_front() {
                self.since_article = a;
                self.since_statement = s;
            }
        }
    }

    /// Whether a snapshot is covered: every row committed after it is here.
    pub fn covers(&self, a: &Ahead) -> bool {
        self.since_article <= a.max_article && self.since_statement <= a.max_statement
    }

    /// Articles above `after` posting band `b`, ascending.
    pub fn bands_after(&self, b: i64, after: i64) -> impl Iterator<Item = i64> + '_ {
        self.entries
            .iter()
            .filter(move |e| e.max_article > after)
            .flat_map(move |e| posted(&e.bands, b, after))
    }

    /// Statements above `after` posting fingerprint `h`, ascending.
    pub fn fps_after(&self, h: i64, after: i64) -> impl Iterator<Item = i64> + '_ {
        self.entries
            .iter()
            .filter(move |e| e.max_statement > after)
            .flat_map(move |e| posted(&e.fps, h, after))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(i64, &[i64])]) -> Vec<(i64, i64)> {
        let mut rows: Vec<(i64, i64)> = pairs
            .iter()
            .flat_map(|(k, v)| v.iter().map(move |&id| (*k, id)))
            .collect();
        rows.sort_unstable();
        rows
    }

    #[test]
    fn recent_covers_only_snapshots_it_has_every_later_row_for() {
        let mut r = Recent::new(10, 100);
        r.push((10, 100), map(&[(7, &[11, 12])]), map(&[(5, &[101])]));
        r.push((12, 101), map(&[(7, &[13])]), map(&[(5, &[102, 103])]));
        let at = |a, s| Ahead {
            max_article: a,
            max_statement: s,
            ..Ahead::default()
        };
        assert!(r.covers(&at(10, 100)));
        assert!(r.covers(&at(12, 101)));
        assert!(!r.covers(&at(9, 100)));
        assert_eq!(r.bands_after(7, 11).collect::<Vec<_>>(), vec![12, 13]);
        assert_eq!(r.fps_after(5, 100).collect::<Vec<_>>(), vec![101, 102, 103]);
        assert_eq!(r.fps_after(6, 0).count(), 0);
        for i in 0..KEEP as i64 {
            r.push((13 + i, 103 + i), Vec::new(), Vec::new());
        }
        // The two first entries are gone: a snapshot from before them is not covered.
        assert!(!r.covers(&at(12, 101)));
        assert!(r.covers(&at(13, 103)));
        r.reset(50, 500);
        assert!(!r.covers(&at(49, 500)));
        assert!(r.covers(&at(50, 500)));
    }
}
