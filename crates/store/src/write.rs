//! The write path: articles in, rows out, in one transaction per batch (and one savepoint
//! per article when an article of the batch failed).

use std::collections::HashMap;
use std::path::Path;

use dictum_link::{copies, fingerprint};
use rusqlite::{params, Connection, OptionalExtension};

use crate::ahead::{Ahead, Recent, Shared, Verdict};
use crate::error::{Result, StoreError};
use crate::index::{FullText, IndexDoc};
use crate::schema::{OP_ARTICLE, OP_STATEMENT};
use crate::{day_number, people, NewStatement, Outcome, Prepared};

/// Statements sharing one fingerprint hash beyond this many are a common phrase: the hash is
/// not used to find candidates.
pub(crate) const MAX_POSTING: usize = 32;

/// Fingerprints (the smallest) used to find candidate statements.
pub(crate) const LOOKUP: usize = 8;

/// Candidate statements compared at most (the smallest ids).
pub(crate) const SAME_CANDIDATES: usize = 16;

/// What the writer keeps between batches: resolved names, the rows of its last transactions
/// (for read-ahead on older snapshots) and the epoch it shares with the read-ahead.
pub(crate) struct Writer<'a> {
    pub names: &'a mut NameCache,
    pub recent: &'a mut Recent,
    pub shared: &'a Shared,
}

pub(crate) fn put_batch(
    conn: &mut Connection,
    db: &Path,
    batch: &[Prepared],
    w: &mut Writer,
) -> Result<Vec<Result<Outcome>>> {
    if let Some(out) = put_all(conn, db, batch, w, false)? {
        return Ok(out);
    }
    // An article failed: the batch again, each article in a savepoint of its own, so that
    // the failure is its alone.
    Ok(put_all(conn, db, batch, w, true)?.unwrap_or_default())
}

/// The largest article and statement ids.
fn max_ids(conn: &Connection, db: &Path) -> Result<(i64, i64)> {
    conn.query_row(
        "SELECT (SELECT coalesce(max(id), 0) FROM articles),
                (SELECT coalesce(max(id), 0) FROM statements)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .map_err(|e| StoreError::sqlite(db, "cannot read the database", e))
}

/// A fresh [`Recent`]: covers snapshots of the database as it is now.
pub(crate) fn recent_now(conn: &Connection, db: &Path) -> Result<Recent> {
    let (a, s) = max_ids(conn, db)?;
    Ok(Recent::new(a, s))
}

/// Stores a batch in one transaction. Without savepoints (the common case: a savepoint per
/// article copies every page the article touches to a sub-journal), the first failing article
/// rolls the batch back and `None` says to try again with them.
fn put_all(
    conn: &mut Connection,
    db: &Path,
    batch: &[Prepared],
    w: &mut Writer,
    savepoints: bool,
) -> Result<Option<Vec<Result<Outcome>>>> {
    let sq = |context: &'static str| move |e| StoreError::sqlite(db, context, e);
    let mut tx = conn
        .transaction()
        .map_err(sq("cannot start a transaction"))?;
    let start = max_ids(&tx, db)?;
    let names = &mut *w.names;
    let mut pending = Pending::default();
    let mut out = Vec::with_capacity(batch.len());
    for a in batch {
        if !savepoints {
            match put_article(&tx, db, a, names, &mut pending, w.recent, w.shared) {
                Ok(o) => out.push(Ok(o)),
                Err(e) => {
                    // Dropping the transaction rolls it back, with the people it created.
                    names.clear();
                    return if e.is_fatal() { Err(e) } else { Ok(None) };
                }
            }
            continue;
        }
        let r = {
            let mut sp = tx.savepoint().map_err(sq("cannot start a savepoint"))?;
            let put = put_article(&sp, db, a, names, &mut pending, w.recent, w.shared)
                .and_then(|o| pending.flush(&sp, db).map(|()| o));
            match put {
                Ok(o) => {
                    sp.commit().map_err(sq("cannot commit an article"))?;
                    Ok(o)
                }
                // A full disk or a damaged file stops the batch: SQLite may already have
                // rolled the transaction back, and dropping it discards whatever is left.
                Err(e) if e.is_fatal() => {
                    names.clear();
                    return Err(e);
                }
                Err(e) => {
                    // People created for this article are rolled back with it.
                    names.clear();
                    pending = Pending::default();
                    sp.rollback().map_err(sq("cannot roll back an article"))?;
                    Err(e)
                }
            }
        };
        out.push(r);
    }
    if let Err(e) = pending.flush(&tx, db) {
        names.clear();
        return if e.is_fatal() { Err(e) } else { Ok(None) };
    }
    tx.commit().map_err(sq("cannot commit the batch"))?;
    if savepoints || pending.deleted {
        // Deleted rows (or rows of articles rolled back after their flush) would make older
        // snapshots' answers wrong: read-ahead starts again from the database as it is now.
        w.shared.bump();
        let (a, s) = max_ids(conn, db)?;
        w.recent.reset(a, s);
    } else {
        w.recent.push(start, pending.done_bands, pending.done_fps);
    }
    Ok(Some(out))
}

/// The batch's LSH band rows and fingerprint postings, kept in memory and inserted in key
/// order when the batch ends: inserted one by one, random keys dirty a B-tree page each;
/// sorted, neighbours share pages. Lookups during the batch read these maps beside SQLite.
/// Ids only grow, so the ids here are all greater than those stored.
#[derive(Default)]
pub(crate) struct Pending {
    /// Band hash → articles, ascending.
    bands: HashMap<i64, Vec<i64>>,
    /// Fingerprint hash → statements, ascending.
    fps: HashMap<i64, Vec<i64>>,
    /// The rows already inserted by `flush` (key, id), for [`Recent`].
    done_bands: Vec<(i64, i64)>,
    done_fps: Vec<(i64, i64)>,
    /// Whether an article was deleted (replaced) in this transaction.
    deleted: bool,
}

/// Rows per multi-row `INSERT` of pending rows.
const ROWS: usize = 64;

impl Pending {
    fn add(map: &mut HashMap<i64, Vec<i64>>, key: i64, id: i64) {
        let ids = map.entry(key).or_default();
        if ids.last() != Some(&id) {
            ids.push(id);
        }
    }

    fn remove(map: &mut HashMap<i64, Vec<i64>>, key: i64, id: i64) {
        if let Some(ids) = map.get_mut(&key) {
            ids.retain(|&x| x != id);
        }
    }

    /// Inserts everything in key order and empties the maps.
    fn flush(&mut self, tx: &Connection, db: &Path) -> Result<()> {
        let sq = |context: &'static str| move |e| StoreError::sqlite(db, context, e);
        for (table, col, map, done) in [
            (
                "article_bands",
                "band, article_id",
                &mut self.bands,
                &mut self.done_bands,
            ),
            (
                "fingerprints",
                "hash, statement_id",
                &mut self.fps,
                &mut self.done_fps,
            ),
        ] {
            let mut rows: Vec<(i64, i64)> = map
                .drain()
                .flat_map(|(k, ids)| ids.into_iter().map(move |id| (k, id)))
                .collect();
            rows.sort_unstable();
            let sql = |n: usize| {
                let values = vec!["(?, ?)"; n].join(", ");
                format!("INSERT OR IGNORE INTO {table} ({col}) VALUES {values}")
            };
            for chunk in rows.chunks(ROWS) {
                let mut ins = tx
                    .prepare_cached(&sql(chunk.len()))
                    .map_err(sq("cannot store an index row"))?;
                ins.execute(rusqlite::params_from_iter(
                    chunk.iter().flat_map(|&(k, id)| [k, id]),
                ))
                .map_err(sq("cannot store an index row"))?;
            }
            // A batch without savepoints flushes once, so `done` is this sorted run; a batch
            // with savepoints flushes per article, and `Recent` then forgets its rows anyway.
            if done.is_empty() {
                *done = rows;
            } else {
                done.extend(rows);
            }
        }
        Ok(())
    }
}

/// A normalised text's hash: case, punctuation and spacing do not count. Stored in the
/// database (it recognises an article seen before), so its values must never change.
pub(crate) fn text_hash(text: &str) -> i64 {
    const PRIME: u64 = 0x100_0000_01b3;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut space = false;
    for c in text.chars() {
        // ASCII (most of any English text) without the Unicode tables; the same values.
        if c.is_ascii() {
            let b = c as u8;
            if b.is_ascii_alphanumeric() {
                if space {
                    h = (h ^ u64::from(b' ')).wrapping_mul(PRIME);
                    space = false;
                }
                h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(PRIME);
            } else {
                space = true;
            }
        } else if c.is_alphanumeric() {
            if space {
                h = (h ^ u64::from(b' ')).wrapping_mul(PRIME);
                space = false;
            }
            for l in c.to_lowercase() {
                let mut buf = [0u8; 4];
                for &b in l.encode_utf8(&mut buf).as_bytes() {
                    h = (h ^ u64::from(b)).wrapping_mul(PRIME);
                }
            }
        } else {
            space = true;
        }
    }
    h as i64
}

/// Speaker names already resolved to people, across articles: most names recur.
pub(crate) type NameCache = HashMap<String, Option<i64>>;

/// Names kept in the cache at most; past that it starts again.
const NAME_CACHE: usize = 200_000;

fn put_article(
    tx: &Connection,
    db: &Path,
    p: &Prepared,
    names: &mut NameCache,
    pending: &mut Pending,
    recent: &Recent,
    shared: &Shared,
) -> Result<Outcome> {
    let sq = |context: &'static str| move |e| StoreError::sqlite(db, context, e);
    let a = &p.article;
    let hash = p.hash;
    // The same article again, or a new version of one stored before?
    let mut old: Option<i64> = None;
    if let Some(url) = a.url.as_deref() {
        let row: Option<(i64, i64)> = tx
            .prepare_cached("SELECT id, text_hash FROM articles WHERE url = ?1")
            .and_then(|mut s| {
                s.query_row([url], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()
            })
            .map_err(sq("cannot look up an article"))?;
        match row {
            Some((_, h)) if h == hash => return Ok(Outcome::Known),
            Some((id, _)) => old = Some(id),
            None => {}
        }
    } else {
        let known: Option<i64> = tx
            .prepare_cached("SELECT id FROM articles WHERE text_hash = ?1 AND url IS NULL LIMIT 1")
            .and_then(|mut s| s.query_row([hash], |r| r.get(0)).optional())
            .map_err(sq("cannot look up an article"))?;
        if known.is_some() {
            return Ok(Outcome::Known);
        }
        if let Some(origin) = a.origin.as_deref() {
            old = tx
                .prepare_cached(
                    "SELECT id FROM articles WHERE origin = ?1 AND doc = ?2 AND url IS NULL LIMIT 1",
                )
                .and_then(|mut s| s.query_row(params![origin, a.doc], |r| r.get(0)).optional())
                .map_err(sq("cannot look up an article"))?;
        }
    }
    if let Some(id) = old {
        shared.bump();
        pending.deleted = true;
        delete_article(tx, db, id, pending)?;
    }
    // The read-ahead, when its snapshot is still good: no delete since, and every row
    // committed after it in `recent`.
    let ahead = p.ahead.as_ref().filter(|a| {
        a.epoch == shared.epoch.load(std::sync::atomic::Ordering::SeqCst) && recent.covers(a)
    });
    let ahead = ahead.map(|a| (a, recent));

    let outlet = match a.outlet.as_deref().filter(|o| !o.trim().is_empty()) {
        Some(name) => Some(outlet_id(tx, db, name)?),
        None => None,
    };
    let day = a.published.as_deref().and_then(day_number);
    let copy_of = find_original(tx, db, &p.signature, &p.bands, pending, ahead)?;
    tx.prepare_cached(
        "INSERT INTO articles (doc, origin, url, text_hash, title, outlet_id, published, day,
            place, author, language, text, copy_of, n_statements)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )
    .and_then(|mut s| {
        s.execute(params![
            a.doc,
            a.origin.as_deref().unwrap_or(""),
            a.url,
            hash,
            a.title,
            outlet,
            a.published,
            day,
            a.place,
            a.author,
            a.language,
            a.text,
            copy_of,
            a.statements.len() as i64,
        ])
    })
    .map_err(sq("cannot store an article"))?;
    let article = tx.last_insert_rowid();
    if p.bands.len() == copies::BANDS {
        tx.prepare_cached("INSERT INTO signatures (article_id, sig) VALUES (?1, ?2)")
            .and_then(|mut st| st.execute(params![article, copies::to_bytes(&p.signature)]))
            .map_err(sq("cannot store an article's signature"))?;
        for &b in &p.bands {
            Pending::add(&mut pending.bands, b as i64, article);
        }
    }
    for (i, (st, fps)) in a.statements.iter().zip(&p.fingerprints).enumerate() {
        let person = match st.speaker.as_deref() {
            Some(name) => match names.get(name) {
                Some(p) => *p,
                None => {
                    let p = people::resolve(tx, db, name)?;
                    if names.len() >= NAME_CACHE {
                        names.clear();
                    }
                    names.insert(name.to_string(), p);
                    p
                }
            },
            None => None,
        };
        if let Some(p) = person {
            people::add_roles(tx, db, p, &st.roles)?;
        }
        let looked =
            ahead.and_then(|(a, r)| Some((a, a.postings.get(i)?, &a.compared.get(i)?[..], r)));
        put_statement(tx, db, article, person, st, fps, pending, looked)?;
    }
    queue(tx, db, article, OP_ARTICLE)?;
    Ok(match old {
        Some(_) => Outcome::Replaced(a.statements.len()),
        None => Outcome::New(a.statements.len()),
    })
}

fn outlet_id(tx: &Connection, db: &Path, name: &str) -> Result<i64> {
    let sq = |context: &'static str| move |e| StoreError::sqlite(db, context, e);
    let key = outlet_key(name);
    let id: Option<i64> = tx
        .prepare_cached("SELECT id FROM outlets WHERE key = ?1")
        .and_then(|mut s| s.query_row([&key], |r| r.get(0)).optional())
        .map_err(sq("cannot look up an outlet"))?;
    if let Some(id) = id {
        return Ok(id);
    }
    tx.prepare_cached("INSERT INTO outlets (name, key) VALUES (?1, ?2)")
        .and_then(|mut s| s.execute(params![name.trim(), key]))
        .map_err(sq("cannot store an outlet"))?;
    Ok(tx.last_insert_rowid())
}

/// An outlet's name compared without case, spacing or a leading "the".
pub(crate) fn outlet_key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = match words.first() {
        Some(&"the") if words.len() > 1 => &words[1..],
        _ => &words[..],
    };
    words.join(" ")
}

/// The article this one copies, if any: the root of the first matching cluster.
/// Copy candidates read at most, most shared bands first.
pub(crate) const CANDIDATES: usize = 256;

/// Articles sharing any of a signature's bands, with the number of distinct bands shared,
/// most first (then by id), at most [`CANDIDATES`]. Counted here rather than with SQL's
/// `GROUP BY` and `ORDER BY`, which build two temporary B-trees per article.
pub(crate) fn copy_candidates(
    conn: &Connection,
    bands: &[u64],
) -> rusqlite::Result<Vec<(i64, i64)>> {
    static SQL: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        let marks = vec!["?"; copies::BANDS].join(", ");
        format!("SELECT article_id FROM article_bands WHERE band IN ({marks})")
    });
    let mut q = conn.prepare_cached(&SQL)?;
    let mut shared: HashMap<i64, i64> = HashMap::new();
    // Exactly BANDS parameters (the statement has that many); `IN` counts a band once.
    let params = bands
        .iter()
        .map(|&b| b as i64)
        .chain(std::iter::repeat(bands.first().map_or(0, |&b| b as i64)))
        .take(copies::BANDS);
    let mut rows = q.query(rusqlite::params_from_iter(params))?;
    while let Some(r) = rows.next()? {
        *shared.entry(r.get::<_, i64>(0)?).or_default() += 1;
    }
    let mut counted: Vec<(i64, i64)> = shared.into_iter().collect();
    counted.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counted.truncate(CANDIDATES);
    Ok(counted)
}

fn find_original(
    tx: &Connection,
    db: &Path,
    sig: &copies::Signature,
    bands: &[u64],
    pending: &Pending,
    ahead: Option<(&Ahead, &Recent)>,
) -> Result<Option<i64>> {
    let sq = |context: &'static str| move |e| StoreError::sqlite(db, context, e);
    if bands.len() != copies::BANDS {
        return Ok(None);
    }
    let mut counted: Vec<(i64, i64)> = match ahead {
        Some((a, _)) => a.counted.clone(),
        None => copy_candidates(tx, bands).map_err(sq("cannot look up copies"))?,
    };
    // Articles the snapshot did not hold (committed since, or the batch's own), counted as
    // the query counts (each distinct band once). Their ids are all larger.
    if !pending.bands.is_empty() || ahead.is_some() {
        let mut distinct: Vec<i64> = bands.iter().map(|&b| b as i64).collect();
        distinct.sort_unstable();
        distinct.dedup();
        let mut shared: HashMap<i64, i64> = HashMap::new();
        for b in distinct {
            if let Some((a, recent)) = ahead {
                for id in recent.bands_after(b, a.max_article) {
                    *shared.entry(id).or_default() += 1;
                }
            }
            for &id in pending.bands.get(&b).map_or(&[][..], |v| &v[..]) {
                *shared.entry(id).or_default() += 1;
            }
        }
        counted.extend(shared);
        counted.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        counted.truncate(CANDIDATES);
    }
    let candidates = counted.into_iter().map(|(id, _)| id);
    // Most shared bands first: a copy usually shares many.
    let mut get = tx
        .prepare_cached("SELECT sig FROM signatures WHERE article_id = ?1")
        .map_err(sq("cannot look up copies"))?;
    for id in candidates {
        // The snapshot's verdict, when it reached this candidate.
        if let Some(v) =
            ahead.and_then(|(a, _)| (id <= a.max_article).then(|| a.verdicts.get(&id)).flatten())
        {
            match *v {
                Verdict::Copy(root) => return Ok(Some(root)),
                Verdict::NotCopy => continue,
            }
        }
        let blob: Option<Vec<u8>> = get
            .query_row([id], |r| r.get(0))
            .optional()
            .map_err(sq("cannot look up copies"))?;
        let Some(blob) = blob else {
            continue;
        };
        if let Some(other) = copies::from_bytes(&blob) {
            if copies::is_copy(sig, &other) {
                let root: Option<i64> = tx
                    .query_row("SELECT copy_of FROM articles WHERE id = ?1", [id], |r| {
                        r.get(0)
                    })
                    .map_err(sq("cannot look up copies"))?;
                return Ok(Some(root.unwrap_or(id)));
            }
        }
    }
    Ok(None)
}

/// A statement's read-ahead: the article's, the statement's postings and compared
/// candidates, the recent rows.
type Looked<'a> = (
    &'a Ahead,
    &'a Vec<Vec<i64>>,
    &'a [(i64, Option<Compared>)],
    &'a Recent,
);

#[allow(clippy::too_many_arguments)]
fn put_statement(
    tx: &Connection,
    db: &Path,
    article: i64,
    person: Option<i64>,
    st: &NewStatement,
    fps: &[u64],
    pending: &mut Pending,
    looked: Option<Looked>,
) -> Result<()> {
    let sq = |context: &'static str| move |e| StoreError::sqlite(db, context, e);
    let statement = match same_statement(tx, db, fps, person, pending, looked)? {
        Some(id) => id,
        None => {
            let blob: Vec<u8> = fps.iter().flat_map(|h| h.to_le_bytes()).collect();
            tx.prepare_cached(
                "INSERT INTO statements (person_id, kind, text, fps) VALUES (?1, ?2, ?3, ?4)",
            )
            .and_then(|mut s| s.execute(params![person, st.kind, st.text, blob]))
            .map_err(sq("cannot store a statement"))?;
            let id = tx.last_insert_rowid();
            for &h in fps {
                Pending::add(&mut pending.fps, h as i64, id);
            }
            id
        }
    };
    let content = serde_json::to_string(&st.content).unwrap_or_else(|_| "[]".into());
    let (cue, cs, ce) = span_cols(&st.cue);
    let (source, ss, se) = span_cols(&st.source);
    tx.prepare_cached(
        "INSERT INTO reports (statement_id, article_id, person_id, kind, text, content, cue,
            cue_start, cue_end, source, source_start, source_end, speaker, sentence_start,
            sentence_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )
    .and_then(|mut s| {
        s.execute(params![
            statement,
            article,
            person,
            st.kind,
            st.text,
            content,
            cue,
            cs,
            ce,
            source,
            ss,
            se,
            st.speaker,
            st.sentence[0] as i64,
            st.sentence[1] as i64,
        ])
    })
    .map_err(sq("cannot store a report"))?;
    Ok(())
}

fn span_cols(s: &Option<crate::SpanText>) -> (Option<&str>, Option<i64>, Option<i64>) {
    match s {
        Some(s) => (
            Some(s.text.as_str()),
            Some(s.span[0] as i64),
            Some(s.span[1] as i64),
        ),
        None => (None, None, None),
    }
}

/// Queues an index change of a report or an article (`op` says which).
pub(crate) fn queue(tx: &Connection, db: &Path, target: i64, op: i64) -> Result<()> {
    tx.prepare_cached("INSERT INTO index_queue (target, op) VALUES (?1, ?2)")
        .and_then(|mut s| s.execute(params![target, op]))
        .map_err(|e| StoreError::sqlite(db, "cannot queue an index change", e))?;
    Ok(())
}

/// A stored statement this text is another report of: most fingerprints shared, same speaker
/// (or one of the two unknown).
fn same_statement(
    tx: &Connection,
    db: &Path,
    fps: &[u64],
    person: Option<i64>,
    pending: &Pending,
    looked: Option<Looked>,
) -> Result<Option<i64>> {
    let sq = |context: &'static str| move |e| StoreError::sqlite(db, context, e);
    if fps.is_empty() {
        return Ok(None);
    }
    // Candidates through the smallest fingerprints only: a statement sharing at least half
    // of them (what `same_statement` asks) shares one of the smallest LOOKUP with near
    // certainty. Every candidate is then compared on all its fingerprints.
    let mut candidates: Vec<i64> = Vec::new();
    {
        let mut q = tx
            .prepare_cached("SELECT statement_id FROM fingerprints WHERE hash = ?1 LIMIT ?2")
            .map_err(sq("cannot look up statements"))?;
        for (j, h) in fps.iter().take(LOOKUP).enumerate() {
            let snapshot =
                looked.and_then(|(a, lists, _, recent)| Some((a, lists.get(j)?, recent)));
            let mut ids: Vec<i64> = match snapshot {
                // The snapshot's posting, then what was committed after it.
                Some((a, snap, recent)) => {
                    let mut ids = snap.clone();
                    let room = (MAX_POSTING + 1).saturating_sub(ids.len());
                    ids.extend(recent.fps_after(*h as i64, a.max_statement).take(room));
                    ids
                }
                None => q
                    .query_map(params![*h as i64, MAX_POSTING as i64 + 1], |r| r.get(0))
                    .and_then(|rows| rows.collect())
                    .map_err(sq("cannot look up statements"))?,
            };
            if let Some(more) = pending.fps.get(&(*h as i64)) {
                ids.extend(more.iter().take(MAX_POSTING + 1 - ids.len()));
            }
            if ids.len() <= MAX_POSTING {
                candidates.extend(ids);
            }
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    let mut get = tx
        .prepare_cached("SELECT person_id, fps FROM statements WHERE id = ?1")
        .map_err(sq("cannot look up statements"))?;
    let mut best: Option<(usize, i64)> = None;
    for id in candidates.into_iter().take(SAME_CANDIDATES) {
        let known = looked.and_then(|(a, _, compared, _)| {
            if id > a.max_statement {
                return None;
            }
            compared.iter().find(|c| c.0 == id).map(|c| c.1)
        });
        let row: Option<Compared> = match known {
            Some(row) => row,
            None => get
                .query_row([id], |r| {
                    Ok(compare(fps, r.get(0)?, &r.get::<_, Vec<u8>>(1)?))
                })
                .optional()
                .map_err(sq("cannot look up statements"))?,
        };
        let Some(c) = row else { continue };
        if !(c.person.is_none() || person.is_none() || c.person == person) {
            continue;
        }
        let n = c.shared;
        if fingerprint::same_statement(n, fps.len(), c.len) && best.is_none_or(|(m, _)| n > m) {
            best = Some((n, id));
        }
    }
    Ok(best.map(|(_, id)| id))
}

/// A stored statement compared with a new report's fingerprints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Compared {
    /// The stored statement's speaker.
    pub person: Option<i64>,
    /// Fingerprints shared.
    pub shared: usize,
    /// The stored statement's fingerprints.
    pub len: usize,
}

/// Compares fingerprints with a stored statement's (`blob`: little-endian u64s).
pub(crate) fn compare(fps: &[u64], person: Option<i64>, blob: &[u8]) -> Compared {
    let theirs: Vec<u64> = blob
        .chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
        .collect();
    Compared {
        person,
        shared: fingerprint::shared(fps, &theirs),
        len: theirs.len(),
    }
}

/// Removes an article, its reports, the statements only it carried and its signature.
fn delete_article(tx: &Connection, db: &Path, id: i64, pending: &mut Pending) -> Result<()> {
    let sq = |context: &'static str| move |e| StoreError::sqlite(db, context, e);
    let reports: Vec<(i64, i64)> = tx
        .prepare_cached("SELECT id, statement_id FROM reports WHERE article_id = ?1")
        .and_then(|mut s| s.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
        .map_err(sq("cannot read an old article"))?;
    tx.execute("DELETE FROM reports WHERE article_id = ?1", [id])
        .map_err(sq("cannot remove an old article"))?;
    for (_, statement) in &reports {
        queue(tx, db, *statement, OP_STATEMENT)?;
    }
    for (_, statement) in reports {
        let left: i64 = tx
            .query_row(
                "SELECT count(*) FROM reports WHERE statement_id = ?1",
                [statement],
                |r| r.get(0),
            )
            .map_err(sq("cannot remove an old article"))?;
        if left == 0 {
            let fps: Option<Vec<u8>> = tx
                .query_row(
                    "SELECT fps FROM statements WHERE id = ?1",
                    [statement],
                    |r| r.get(0),
                )
                .optional()
                .map_err(sq("cannot remove an old article"))?;
            for h in fps.unwrap_or_default().chunks_exact(8) {
                let mut b = [0u8; 8];
                b.copy_from_slice(h);
                let h = u64::from_le_bytes(b) as i64;
                Pending::remove(&mut pending.fps, h, statement);
                tx.execute(
                    "DELETE FROM fingerprints WHERE hash = ?1 AND statement_id = ?2",
                    params![h, statement],
                )
                .map_err(sq("cannot remove an old article"))?;
            }
            tx.execute("DELETE FROM statements WHERE id = ?1", [statement])
                .map_err(sq("cannot remove an old article"))?;
        }
    }
    let sig: Option<Vec<u8>> = tx
        .query_row(
            "SELECT sig FROM signatures WHERE article_id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()
        .map_err(sq("cannot remove an old article"))?;
    tx.execute("DELETE FROM signatures WHERE article_id = ?1", [id])
        .map_err(sq("cannot remove an old article"))?;
    if let Some(sig) = sig.as_deref().and_then(copies::from_bytes) {
        for b in copies::bands(&sig) {
            Pending::remove(&mut pending.bands, b as i64, id);
            tx.execute(
                "DELETE FROM article_bands WHERE band = ?1 AND article_id = ?2",
                params![b as i64, id],
            )
            .map_err(sq("cannot remove an old article"))?;
        }
    }
    // Copies of this article now hang off the earliest remaining copy.
    let copies: Vec<i64> = tx
        .prepare_cached("SELECT id FROM articles WHERE copy_of = ?1 ORDER BY id")
        .and_then(|mut s| s.query_map([id], |r| r.get(0))?.collect())
        .map_err(sq("cannot remove an old article"))?;
    if let Some((&root, rest)) = copies.split_first() {
        tx.execute("UPDATE articles SET copy_of = NULL WHERE id = ?1", [root])
            .map_err(sq("cannot remove an old article"))?;
        for c in rest {
            tx.execute("UPDATE articles SET copy_of = ?1 WHERE id = ?2", [root, *c])
                .map_err(sq("cannot remove an old article"))?;
        }
    }
    tx.execute("DELETE FROM articles WHERE id = ?1", [id])
        .map_err(sq("cannot remove an old article"))?;
    Ok(())
}

/// Queues every report for indexing (a new or rebuilt index).
pub(crate) fn requeue_all(conn: &Connection, db: &Path) -> Result<()> {
    conn.execute_batch(
        "BEGIN; DELETE FROM index_queue;
         INSERT INTO index_queue (target, op) SELECT id, 1 FROM statements ORDER BY id;
         COMMIT;",
    )
    .map_err(|e| StoreError::sqlite(db, "cannot queue the index rebuild", e))
}

/// The outlets and days of statements as last indexed in this session, so that a new report
/// adds its article's outlet and day to the statement's document instead of every report
/// being read again.
#[derive(Default)]
pub(crate) struct PlaceCache {
    /// The largest statement id at the last index flush of this session: a larger statement
    /// had no report then. `None` before the first flush (everything is read).
    flushed_max: Option<i64>,
    places: HashMap<i64, Places>,
}

/// A statement's distinct outlets and days, ascending.
#[derive(Default, Clone)]
struct Places {
    outlets: Vec<u64>,
    days: Vec<i64>,
}

impl Places {
    fn add(&mut self, outlet: Option<i64>, day: Option<i64>) {
        if let Some(o) = outlet {
            if let Err(i) = self.outlets.binary_search(&(o as u64)) {
                self.outlets.insert(i, o as u64);
            }
        }
        if let Some(d) = day {
            if let Err(i) = self.days.binary_search(&d) {
                self.days.insert(i, d);
            }
        }
    }
}

/// Statements whose places are kept at most; past that the cache starts again.
const PLACE_CACHE: usize = 200_000;

/// Replays the index queue past `after` into the index (uncommitted): each statement named
/// by the queue, directly or through a new article, is rebuilt once (or removed when it is
/// gone). A statement reached only through new articles, whose places are known from the
/// last flush (or which is newer than it), adds those articles' outlets and days; any other
/// is read from all its reports. Returns the last sequence number applied.
pub(crate) fn apply_queue(
    conn: &Connection,
    db: &Path,
    text: &mut FullText,
    cache: &mut PlaceCache,
    after: i64,
) -> Result<Option<i64>> {
    let sq = |context: &'static str| move |e| StoreError::sqlite(db, context, e);
    let ops: Vec<(i64, i64, i64)> = conn
        .prepare("SELECT seq, op, target FROM index_queue WHERE seq > ?1 ORDER BY seq")
        .and_then(|mut q| {
            q.query_map([after], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect()
        })
        .map_err(sq("cannot read the index queue"))?;
    let Some(&(last, _, _)) = ops.last() else {
        return Ok(None);
    };
    let flushed_max = cache.flushed_max;
    let now_max: i64 = conn
        .query_row("SELECT coalesce(max(id), 0) FROM statements", [], |r| {
            r.get(0)
        })
        .map_err(sq("cannot read the index queue"))?;
    let mut of_article = conn
        .prepare_cached(
            "SELECT r.statement_id, a.outlet_id, a.day FROM reports r
             JOIN articles a ON a.id = r.article_id WHERE r.article_id = ?1",
        )
        .map_err(sq("cannot read the index queue"))?;
    // Per statement: the places its new articles add, or `None` when all its reports must
    // be read.
    let mut touched: HashMap<i64, Option<Places>> = HashMap::new();
    for (_, op, target) in ops {
        if op == OP_ARTICLE {
            let rows: Vec<(i64, Option<i64>, Option<i64>)> = of_article
                .query_map([target], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .and_then(|r| r.collect())
                .map_err(sq("cannot read the index queue"))?;
            for (id, outlet, day) in rows {
                let entry = touched.entry(id).or_insert_with(|| {
                    if flushed_max.is_some_and(|m| id > m) {
                        Some(Places::default())
                    } else if flushed_max.is_some() {
                        // Taken out: it goes back in with this flush's places below.
                        cache.places.remove(&id)
                    } else {
                        None
                    }
                });
                if let Some(p) = entry {
                    p.add(outlet, day);
                }
            }
        } else {
            touched.insert(target, None);
        }
    }
    let mut statements: Vec<(i64, Option<Places>)> = touched.into_iter().collect();
    statements.sort_unstable_by_key(|(id, _)| *id);
    let mut head = conn
        .prepare_cached("SELECT text, person_id, kind FROM statements WHERE id = ?1")
        .map_err(sq("cannot read the index queue"))?;
    let mut places_of = conn
        .prepare_cached(
            "SELECT DISTINCT a.outlet_id, a.day FROM reports r JOIN articles a ON a.id = r.article_id
             WHERE r.statement_id = ?1",
        )
        .map_err(sq("cannot read the index queue"))?;
    if cache.places.len() + statements.len() > PLACE_CACHE {
        cache.places.clear();
    }
    for (id, known) in statements {
        text.delete(id as u64)?;
        let row: Option<(String, Option<i64>, String)> = head
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()
            .map_err(sq("cannot read the index queue"))?;
        let Some((body, person, kind)) = row else {
            cache.places.remove(&id);
            continue; // gone
        };
        let places = match known {
            Some(p) => p,
            None => {
                let mut p = Places::default();
                let rows: Vec<(Option<i64>, Option<i64>)> = places_of
                    .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))
                    .and_then(|r| r.collect())
                    .map_err(sq("cannot read the index queue"))?;
                for (o, d) in rows {
                    p.add(o, d);
                }
                p
            }
        };
        text.add(IndexDoc {
            statement: id as u64,
            text: body,
            person: person.map(|p| p as u64),
            outlets: places.outlets.clone(),
            days: places.days.clone(),
            kind,
        })?;
        cache.places.insert(id, places);
    }
    cache.flushed_max = Some(now_max);
    Ok(Some(last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_hash_ignores_case_spacing_and_punctuation_in_any_script() {
        assert_eq!(text_hash("Hello,  World!"), text_hash("hello world"));
        assert_ne!(text_hash("hello world"), text_hash("helloworld"));
        assert_eq!(text_hash("Привет, Мир"), text_hash("привет мир"));
        assert_eq!(text_hash("Tax — cuts"), text_hash("tax cuts"));
    }

    /// The hash as first written (one code path for every character): stored hashes must
    /// keep their values.
    fn text_hash_reference(text: &str) -> i64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut space = false;
        for c in text.chars() {
            if c.is_alphanumeric() {
                if space {
                    h = (h ^ u64::from(b' ')).wrapping_mul(0x100_0000_01b3);
                    space = false;
                }
                for l in c.to_lowercase() {
                    let mut buf = [0u8; 4];
                    for &b in l.encode_utf8(&mut buf).as_bytes() {
                        h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
                    }
                }
            } else {
                space = true;
            }
        }
        h as i64
    }

    #[test]
    fn text_hash_keeps_its_stored_values() {
        for t in [
            "",
            "Plain ASCII, with Numbers 42 and PUNCTUATION!",
            "“Curly quotes” — dashes, Ünïcödé and İstanbul’s ÆØÅ; 東京 and Привет 3½",
            "  leading and trailing spaces  ",
            "MOSCOW, May 18. /TASS/. Russia remains open…",
        ] {
            assert_eq!(text_hash(t), text_hash_reference(t), "{t}");
        }
    }
}
