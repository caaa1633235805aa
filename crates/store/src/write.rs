//! The write path: articles in, rows out, in one transaction per batch and one savepoint per
//! article.

use std::collections::HashMap;
use std::path::Path;

use dictum_link::{copies, fingerprint};
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::{Result, StoreError};
use crate::index::{FullText, IndexDoc};
use crate::schema::{OP_ADD, OP_DELETE, OP_UPDATE};
use crate::{day_number, people, NewArticle, NewStatement, Outcome};

/// Statements sharing one fingerprint hash beyond this many are a common phrase: the hash is
/// not used to find candidates.
const MAX_POSTING: usize = 200;

pub(crate) fn put_batch(
    conn: &mut Connection,
    db: &Path,
    batch: &[NewArticle],
) -> Result<Vec<Result<Outcome>>> {
    let sq = |context: &'static str| move |e| StoreError::sqlite(db, context, e);
    let mut tx = conn
        .transaction()
        .map_err(sq("cannot start a transaction"))?;
    let mut out = Vec::with_capacity(batch.len());
    for a in batch {
        let r = {
            let mut sp = tx.savepoint().map_err(sq("cannot start a savepoint"))?;
            match put_article(&sp, db, a) {
                Ok(o) => {
                    sp.commit().map_err(sq("cannot commit an article"))?;
                    Ok(o)
                }
                // A full disk or a damaged file stops the batch: SQLite may already have
                // rolled the transaction back, and dropping it discards whatever is left.
                Err(e) if e.is_fatal() => return Err(e),
                Err(e) => {
                    sp.rollback().map_err(sq("cannot roll back an article"))?;
                    Err(e)
                }
            }
        };
        out.push(r);
    }
    tx.commit().map_err(sq("cannot commit the batch"))?;
    Ok(out)
}

/// A normalised text's hash: case, punctuation and spacing do not count.
pub(crate) fn text_hash(text: &str) -> i64 {
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

fn put_article(tx: &Connection, db: &Path, a: &NewArticle) -> Result<Outcome> {
    let sq = |context: &'static str| move |e| StoreError::sqlite(db, context, e);
    let hash = text_hash(&a.text);
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
        delete_article(tx, db, id)?;
    }

    let outlet = match a.outlet.as_deref().filter(|o| !o.trim().is_empty()) {
        Some(name) => Some(outlet_id(tx, db, name)?),
        None => None,
    };
    let day = a.published.as_deref().and_then(day_number);
    let sig = copies::signature(&a.text);
    let bands = copies::bands(&sig);
    let copy_of = find_original(tx, db, &sig, &bands)?;
    tx.prepare_cached(
        "INSERT INTO articles (doc, origin, url, text_hash, title, outlet_id, published, day,
            place, author, language, text, copy_of, signature, n_statements)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
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
            copies::to_bytes(&sig),
            a.statements.len() as i64,
        ])
    })
    .map_err(sq("cannot store an article"))?;
    let article = tx.last_insert_rowid();
    {
        let mut ins = tx
            .prepare_cached(
                "INSERT OR IGNORE INTO article_bands (band, article_id) VALUES (?1, ?2)",
            )
            .map_err(sq("cannot store an article's signature"))?;
        for b in &bands {
            ins.execute(params![*b as i64, article])
                .map_err(sq("cannot store an article's signature"))?;
        }
    }
    let mut persons: HashMap<&str, Option<i64>> = HashMap::new();
    for st in &a.statements {
        let person = match st.speaker.as_deref() {
            Some(name) => match persons.get(name) {
                Some(p) => *p,
                None => {
                    let p = people::resolve(tx, db, name)?;
                    persons.insert(name, p);
                    p
                }
            },
            None => None,
        };
        if let Some(p) = person {
            people::add_roles(tx, db, p, &st.roles)?;
        }
        put_statement(tx, db, article, person, st)?;
    }
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
fn find_original(
    tx: &Connection,
    db: &Path,
    sig: &copies::Signature,
    bands: &[u64],
) -> Result<Option<i64>> {
    let sq = |context: &'static str| move |e| StoreError::sqlite(db, context, e);
    let mut candidates: Vec<i64> = Vec::new();
    {
        let mut q = tx
            .prepare_cached("SELECT article_id FROM article_bands WHERE band = ?1 LIMIT 64")
            .map_err(sq("cannot look up copies"))?;
        for b in bands {
            let rows = q
                .query_map([*b as i64], |r| r.get::<_, i64>(0))
                .map_err(sq("cannot look up copies"))?;
            for id in rows {
                candidates.push(id.map_err(sq("cannot look up copies"))?);
            }
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    let mut get = tx
        .prepare_cached("SELECT signature, copy_of FROM articles WHERE id = ?1")
        .map_err(sq("cannot look up copies"))?;
    for id in candidates {
        let row: Option<(Option<Vec<u8>>, Option<i64>)> = get
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .map_err(sq("cannot look up copies"))?;
        let Some((Some(blob), root)) = row else {
            continue;
        };
        if let Some(other) = copies::from_bytes(&blob) {
            if copies::is_copy(sig, &other) {
                return Ok(Some(root.unwrap_or(id)));
            }
        }
    }
    Ok(None)
}

fn put_statement(
    tx: &Connection,
    db: &Path,
    article: i64,
    person: Option<i64>,
    st: &NewStatement,
) -> Result<()> {
    let sq = |context: &'static str| move |e| StoreError::sqlite(db, context, e);
    let fps = fingerprint::fingerprints(&st.text);
    let statement = match same_statement(tx, db, &fps, person)? {
        Some(id) => id,
        None => {
            let blob: Vec<u8> = fps.iter().flat_map(|h| h.to_le_bytes()).collect();
            tx.prepare_cached(
                "INSERT INTO statements (person_id, kind, text, fps) VALUES (?1, ?2, ?3, ?4)",
            )
            .and_then(|mut s| s.execute(params![person, st.kind, st.text, blob]))
            .map_err(sq("cannot store a statement"))?;
            let id = tx.last_insert_rowid();
            let mut ins = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO fingerprints (hash, statement_id) VALUES (?1, ?2)",
                )
                .map_err(sq("cannot store a statement"))?;
            for h in &fps {
                ins.execute(params![*h as i64, id])
                    .map_err(sq("cannot store a statement"))?;
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
    let report = tx.last_insert_rowid();
    queue(tx, db, report, OP_ADD)
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

pub(crate) fn queue(tx: &Connection, db: &Path, report: i64, op: i64) -> Result<()> {
    tx.prepare_cached("INSERT INTO index_queue (report_id, op) VALUES (?1, ?2)")
        .and_then(|mut s| s.execute(params![report, op]))
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
) -> Result<Option<i64>> {
    let sq = |context: &'static str| move |e| StoreError::sqlite(db, context, e);
    if fps.is_empty() {
        return Ok(None);
    }
    let mut shared: HashMap<i64, usize> = HashMap::new();
    {
        let mut q = tx
            .prepare_cached("SELECT statement_id FROM fingerprints WHERE hash = ?1 LIMIT ?2")
            .map_err(sq("cannot look up statements"))?;
        for h in fps {
            let ids: Vec<i64> = q
                .query_map(params![*h as i64, MAX_POSTING as i64 + 1], |r| r.get(0))
                .and_then(|rows| rows.collect())
                .map_err(sq("cannot look up statements"))?;
            if ids.len() > MAX_POSTING {
                continue;
            }
            for id in ids {
                *shared.entry(id).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(i64, usize)> = shared.into_iter().collect();
    ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut get = tx
        .prepare_cached("SELECT person_id, length(fps) FROM statements WHERE id = ?1")
        .map_err(sq("cannot look up statements"))?;
    for (id, n) in ranked.into_iter().take(16) {
        let row: Option<(Option<i64>, i64)> = get
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .map_err(sq("cannot look up statements"))?;
        let Some((p, bytes)) = row else { continue };
        let speaker_ok = p.is_none() || person.is_none() || p == person;
        if speaker_ok && fingerprint::same_statement(n, fps.len(), (bytes / 8) as usize) {
            return Ok(Some(id));
        }
    }
    Ok(None)
}

/// Removes an article, its reports, the statements only it carried and its signature.
fn delete_article(tx: &Connection, db: &Path, id: i64) -> Result<()> {
    let sq = |context: &'static str| move |e| StoreError::sqlite(db, context, e);
    let reports: Vec<(i64, i64)> = tx
        .prepare_cached("SELECT id, statement_id FROM reports WHERE article_id = ?1")
        .and_then(|mut s| s.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
        .map_err(sq("cannot read an old article"))?;
    tx.execute("DELETE FROM reports WHERE article_id = ?1", [id])
        .map_err(sq("cannot remove an old article"))?;
    for (report, statement) in reports {
        queue(tx, db, report, OP_DELETE)?;
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
                tx.execute(
                    "DELETE FROM fingerprints WHERE hash = ?1 AND statement_id = ?2",
                    params![u64::from_le_bytes(b) as i64, statement],
                )
                .map_err(sq("cannot remove an old article"))?;
            }
            tx.execute("DELETE FROM statements WHERE id = ?1", [statement])
                .map_err(sq("cannot remove an old article"))?;
        }
    }
    let sig: Option<Vec<u8>> = tx
        .query_row("SELECT signature FROM articles WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()
        .map_err(sq("cannot remove an old article"))?
        .flatten();
    if let Some(sig) = sig.as_deref().and_then(copies::from_bytes) {
        for b in copies::bands(&sig) {
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
         INSERT INTO index_queue (report_id, op) SELECT id, 2 FROM reports ORDER BY id;
         COMMIT;",
    )
    .map_err(|e| StoreError::sqlite(db, "cannot queue the index rebuild", e))
}

/// Replays the index queue past `after` into the index (uncommitted); returns the last
/// sequence number applied.
pub(crate) fn apply_queue(
    conn: &Connection,
    db: &Path,
    text: &mut FullText,
    after: i64,
) -> Result<Option<i64>> {
    let sq = |context: &'static str| move |e| StoreError::sqlite(db, context, e);
    let mut q = conn
        .prepare(
            "SELECT q.seq, q.op, q.report_id, r.statement_id, r.text, r.person_id, a.outlet_id,
                    a.day, r.kind
             FROM index_queue q
             LEFT JOIN reports r ON r.id = q.report_id
             LEFT JOIN articles a ON a.id = r.article_id
             WHERE q.seq > ?1 ORDER BY q.seq",
        )
        .map_err(sq("cannot read the index queue"))?;
    let mut rows = q
        .query([after])
        .map_err(sq("cannot read the index queue"))?;
    let mut last = None;
    while let Some(row) = rows.next().map_err(sq("cannot read the index queue"))? {
        let seq: i64 = row.get(0).map_err(sq("cannot read the index queue"))?;
        let op: i64 = row.get(1).map_err(sq("cannot read the index queue"))?;
        let report: i64 = row.get(2).map_err(sq("cannot read the index queue"))?;
        last = Some(seq);
        if op == OP_DELETE || op == OP_UPDATE {
            text.delete(report as u64)?;
        }
        if op == OP_DELETE {
            continue;
        }
        let statement: Option<i64> = row.get(3).map_err(sq("cannot read the index queue"))?;
        let Some(statement) = statement else {
            // The report is gone since it was queued.
            continue;
        };
        let get = |i: usize| -> Result<Option<i64>> {
            row.get(i)
                .map_err(|e| StoreError::sqlite(db, "cannot read the index queue", e))
        };
        text.add(IndexDoc {
            report: report as u64,
            statement: statement as u64,
            text: row.get(4).map_err(sq("cannot read the index queue"))?,
            person: get(5)?.map(|p| p as u64),
            outlet: get(6)?.map(|o| o as u64),
            day: get(7)?,
            kind: row.get(8).map_err(sq("cannot read the index queue"))?,
        })?;
    }
    Ok(last)
}
