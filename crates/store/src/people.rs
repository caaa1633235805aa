//! One person across articles: a speaker's name resolved to a stored Person, and the user's
//! merges, splits and aliases.
//!
//! Resolution, in order: an alias with the same folded key (user aliases first); else, for a
//! person's name, the stored people with the same folded surname whose names are compatible
//! (same given names, initials, or surname only): exactly one such person is the one, several
//! are left apart (a new Person for a surname alone when two Johnsons are known); else a new
//! Person. Organisations ("the Kremlin") resolve by their folded key only.

use std::path::Path;

use dictum_link::names::{self, Match};
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::{Result, StoreError};
use crate::schema::OP_STATEMENT;
use crate::write::queue;

pub(crate) fn resolve(tx: &Connection, db: &Path, name: &str) -> Result<Option<i64>> {
    let sq = |context: &'static str| move |e| StoreError::sqlite(db, context, e);
    let key = names::key(name);
    if key.is_empty() {
        return Ok(None);
    }
    let by_alias: Option<i64> = tx
        .prepare_cached(
            "SELECT person_id FROM aliases WHERE key = ?1 ORDER BY user DESC, person_id LIMIT 1",
        )
        .and_then(|mut s| s.query_row([&key], |r| r.get(0)).optional())
        .map_err(sq("cannot look up a person"))?;
    if let Some(id) = by_alias {
        // Every spelling is kept: "Sergei Lavrov" beside "Sergey Lavrov".
        tx.prepare_cached(
            "INSERT OR IGNORE INTO aliases (key, person_id, name) VALUES (?1, ?2, ?3)",
        )
        .and_then(|mut s| s.execute(params![key, id, name.trim()]))
        .map_err(sq("cannot store an alias"))?;
        return Ok(Some(id));
    }
    let Some(parsed) = names::parse(name) else {
        return Ok(None);
    };
    if !parsed.is_person {
        return create(tx, db, name, &key, "organisation", None).map(Some);
    }
    let surname = parsed.surname.clone();
    let known: Vec<(i64, String)> = tx
        .prepare_cached("SELECT id, name FROM persons WHERE surname = ?1 AND kind = 'person'")
        .and_then(|mut s| {
            s.query_map([&surname], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect()
        })
        .map_err(sq("cannot look up a person"))?;
    let compatible: Vec<(i64, String, bool)> = known
        .into_iter()
        .filter_map(|(id, n)| {
            let p = names::parse(&n)?;
            (names::compare(&p, &parsed) != Match::Different).then_some((id, n, p.given.is_empty()))
        })
        .collect();
    let chosen = if parsed.given.is_empty() {
        // A surname alone: the one person it can be, else the surname-only person.
        match compatible.as_slice() {
            [(id, _, _)] => Some(*id),
            many => many.iter().find(|c| c.2).map(|c| c.0),
        }
    } else {
        let full: Vec<&(i64, String, bool)> = compatible.iter().filter(|c| !c.2).collect();
        match (full.as_slice(), compatible.as_slice()) {
            ([one], _) => Some(one.0),
            ([], [only]) => Some(only.0),
            _ => None,
        }
    };
    match chosen {
        Some(id) => {
            add_alias(tx, db, id, name, &key, false)?;
            let current: String = tx
                .query_row("SELECT name FROM persons WHERE id = ?1", [id], |r| r.get(0))
                .map_err(sq("cannot look up a person"))?;
            if names::display_better(name, &current) {
                tx.execute(
                    "UPDATE persons SET name = ?1 WHERE id = ?2",
                    params![name, id],
                )
                .map_err(sq("cannot update a person"))?;
            }
            Ok(Some(id))
        }
        None => create(tx, db, name, &key, "person", Some(&surname)).map(Some),
    }
}

fn create(
    tx: &Connection,
    db: &Path,
    name: &str,
    key: &str,
    kind: &str,
    surname: Option<&str>,
) -> Result<i64> {
    tx.prepare_cached("INSERT INTO persons (name, kind, surname) VALUES (?1, ?2, ?3)")
        .and_then(|mut s| s.execute(params![name.trim(), kind, surname]))
        .map_err(|e| StoreError::sqlite(db, "cannot store a person", e))?;
    let id = tx.last_insert_rowid();
    add_alias(tx, db, id, name, key, false)?;
    Ok(id)
}

fn add_alias(tx: &Connection, db: &Path, id: i64, name: &str, key: &str, user: bool) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO aliases (key, person_id, name, user) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (person_id, name) DO UPDATE SET user = max(user, excluded.user)",
    )
    .and_then(|mut s| s.execute(params![key, id, name.trim(), user as i64]))
    .map_err(|e| StoreError::sqlite(db, "cannot store an alias", e))?;
    Ok(())
}

pub(crate) fn add_roles(tx: &Connection, db: &Path, id: i64, roles: &[String]) -> Result<()> {
    for role in roles {
        let role = role.trim();
        if role.is_empty() {
            continue;
        }
        let key = role.to_lowercase();
        tx.prepare_cached("INSERT OR IGNORE INTO roles (person_id, key, role) VALUES (?1, ?2, ?3)")
            .and_then(|mut s| s.execute(params![id, key, role]))
            .map_err(|e| StoreError::sqlite(db, "cannot store a role", e))?;
    }
    Ok(())
}

/// People a name can mean, best first: an alias with the same key, else people whose surname
/// matches a surname-only query, else people whose name contains the words. Ties go to the
/// one with more reports.
pub(crate) fn find(conn: &Connection, db: &Path, name: &str) -> Result<Vec<i64>> {
    find_with(conn, db, name, true)
}

/// The people [`find`] finds, in id order: for a filter, which needs the set only (ranking by
/// reports counts every report of each person, a millisecond for the most quoted).
pub(crate) fn find_set(conn: &Connection, db: &Path, name: &str) -> Result<Vec<i64>> {
    let mut ids = find_with(conn, db, name, false)?;
    ids.sort_unstable();
    Ok(ids)
}

fn find_with(conn: &Connection, db: &Path, name: &str, by_reports: bool) -> Result<Vec<i64>> {
    let sq = |context: &'static str| move |e| StoreError::sqlite(db, context, e);
    if let Ok(id) = name.trim().trim_start_matches('#').parse::<i64>() {
        let exists: Option<i64> = conn
            .prepare_cached("SELECT id FROM persons WHERE id = ?1")
            .and_then(|mut st| st.query_row([id], |r| r.get(0)).optional())
            .map_err(sq("cannot look up a person"))?;
        return Ok(exists.into_iter().collect());
    }
    let key = names::key(name);
    if key.is_empty() {
        return Ok(Vec::new());
    }
    let ranked = |sql: &str, arg: &str| -> Result<Vec<i64>> {
        conn.prepare_cached(sql)
            .and_then(|mut s| s.query_map([arg], |r| r.get(0))?.collect())
            .map_err(|e| StoreError::sqlite(db, "cannot look up a person", e))
    };
    let order = if by_reports {
        "ORDER BY (SELECT count(*) FROM reports r WHERE r.person_id = p.id) DESC, p.id"
    } else {
        "ORDER BY p.id"
    };
    let ids = ranked(
        &format!(
            "SELECT DISTINCT p.id FROM persons p JOIN aliases a ON a.person_id = p.id
             WHERE a.key = ?1 {order}"
        ),
        &key,
    )?;
    if !ids.is_empty() {
        return Ok(ids);
    }
    if let Some(surname) = names::surname_key(name) {
        let parsed = names::parse(name);
        let ids: Vec<i64> = ranked(
            &format!("SELECT p.id FROM persons p WHERE p.surname = ?1 {order}"),
            &surname,
        )?;
        let mut matching = Vec::new();
        for id in ids {
            let n: String = conn
                .prepare_cached("SELECT name FROM persons WHERE id = ?1")
                .and_then(|mut st| st.query_row([id], |r| r.get(0)))
                .map_err(sq("cannot look up a person"))?;
            let ok = match (&parsed, names::parse(&n)) {
                (Some(a), Some(b)) => names::compare(a, &b) != Match::Different,
                _ => true,
            };
            if ok {
                matching.push(id);
            }
        }
        if !matching.is_empty() {
            return Ok(matching);
        }
    }
    // Words anywhere in an alias: "foreign ministry" finds "Russia's Foreign Ministry".
    let like = format!("%{}%", key.replace(['%', '_'], ""));
    ranked(
        &format!(
            "SELECT DISTINCT p.id FROM persons p JOIN aliases a ON a.person_id = p.id
             WHERE a.key LIKE ?1 {order}"
        ),
        &like,
    )
}

/// The one person a name means, or an error naming the candidates.
pub(crate) fn find_one(conn: &Connection, db: &Path, name: &str) -> Result<i64> {
    let ids = find(conn, db, name)?;
    match ids.as_slice() {
        [] => Err(StoreError::NotFound(format!("no person called {name:?}"))),
        [one] => Ok(*one),
        [first, ..] => Ok(*first),
    }
}

/// Moves everything of `from` to `into`: aliases (marked as the user's, so later ingests
/// follow them), roles, statements and reports.
pub(crate) fn merge(tx: &Connection, db: &Path, into: i64, from: i64) -> Result<()> {
    let sq = |context: &'static str| move |e| StoreError::sqlite(db, context, e);
    if into == from {
        return Err(StoreError::Invalid(
            "cannot merge a person into itself".into(),
        ));
    }
    let aliases: Vec<(String, String)> = tx
        .prepare("SELECT key, name FROM aliases WHERE person_id = ?1")
        .and_then(|mut s| {
            s.query_map([from], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect()
        })
        .map_err(sq("cannot read aliases"))?;
    for (key, name) in &aliases {
        add_alias(tx, db, into, name, key, true)?;
    }
    tx.execute("DELETE FROM aliases WHERE person_id = ?1", [from])
        .map_err(sq("cannot merge people"))?;
    tx.execute(
        "INSERT OR IGNORE INTO roles (person_id, key, role) SELECT ?1, key, role FROM roles WHERE person_id = ?2",
        [into, from],
    )
    .map_err(sq("cannot merge people"))?;
    tx.execute("DELETE FROM roles WHERE person_id = ?1", [from])
        .map_err(sq("cannot merge people"))?;
    move_reports(tx, db, from, into, None)?;
    tx.execute("DELETE FROM persons WHERE id = ?1", [from])
        .map_err(sq("cannot merge people"))?;
    Ok(())
}

/// A new person for the given names of `from`: their aliases (as the user's) and the reports
/// whose speaker was written that way.
pub(crate) fn split(tx: &Connection, db: &Path, from: i64, names_: &[String]) -> Result<i64> {
    let sq = |context: &'static str| move |e| StoreError::sqlite(db, context, e);
    let first = names_
        .first()
        .ok_or_else(|| StoreError::Invalid("split needs at least one name to move".into()))?;
    let parsed = names::parse(first);
    let (kind, surname) = match &parsed {
        Some(p) if p.is_person => ("person", Some(p.surname.clone())),
        _ => ("organisation", None),
    };
    tx.execute(
        "INSERT INTO persons (name, kind, surname) VALUES (?1, ?2, ?3)",
        params![first.trim(), kind, surname],
    )
    .map_err(sq("cannot split a person"))?;
    let new = tx.last_insert_rowid();
    let keys: Vec<String> = names_.iter().map(|n| names::key(n)).collect();
    for (n, key) in names_.iter().zip(&keys) {
        tx.execute(
            "DELETE FROM aliases WHERE person_id = ?1 AND key = ?2",
            params![from, key],
        )
        .map_err(sq("cannot split a person"))?;
        add_alias(tx, db, new, n, key, true)?;
    }
    move_reports(tx, db, from, new, Some(&keys))?;
    Ok(new)
}

/// Adds user aliases to a person.
pub(crate) fn alias(tx: &Connection, db: &Path, id: i64, aliases: &[String]) -> Result<()> {
    for a in aliases {
        let key = names::key(a);
        if key.is_empty() {
            return Err(StoreError::Invalid(format!("{a:?} is not a name")));
        }
        // The user's word wins over an automatic alias held by someone else.
        tx.execute(
            "DELETE FROM aliases WHERE key = ?1 AND person_id != ?2 AND user = 0",
            params![key, id],
        )
        .map_err(|e| StoreError::sqlite(db, "cannot store an alias", e))?;
        add_alias(tx, db, id, a, &key, true)?;
    }
    Ok(())
}

/// Moves reports (all, or those whose speaker name has one of `keys`) and their statements
/// from one person to another, queueing their index updates.
fn move_reports(
    tx: &Connection,
    db: &Path,
    from: i64,
    to: i64,
    keys: Option<&[String]>,
) -> Result<()> {
    let sq = |context: &'static str| move |e| StoreError::sqlite(db, context, e);
    let reports: Vec<(i64, i64, Option<String>)> = tx
        .prepare("SELECT id, statement_id, speaker FROM reports WHERE person_id = ?1")
        .and_then(|mut s| {
            s.query_map([from], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect()
        })
        .map_err(sq("cannot read reports"))?;
    for (id, statement, speaker) in reports {
        if let Some(keys) = keys {
            let k = names::key(speaker.as_deref().unwrap_or(""));
            if !keys.contains(&k) {
                continue;
            }
        }
        tx.execute("UPDATE reports SET person_id = ?1 WHERE id = ?2", [to, id])
            .map_err(sq("cannot move a report"))?;
        tx.execute(
            "UPDATE statements SET person_id = ?1 WHERE id = ?2",
            [to, statement],
        )
        .map_err(sq("cannot move a statement"))?;
        queue(tx, db, statement, OP_STATEMENT)?;
    }
    Ok(())
}
