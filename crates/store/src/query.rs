//! The read side: search, people, statements, articles, export and checks.

use std::collections::BTreeMap;

use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;

use crate::error::{Result, StoreError};
use crate::index::Filter;
use crate::{day_to_date, filter_day, people, write, Store};

/// A search and its filters, as the user wrote them.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    pub speaker: Option<String>,
    pub outlet: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub since: Option<String>,
    pub until: Option<String>,
    pub kind: Option<String>,
    pub limit: usize,
}

/// One statement found by a search: its best-matching report.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Hit {
    /// The statement's id (`dictum statement ID`).
    pub id: i64,
    /// The report's id.
    pub report: i64,
    pub kind: String,
    pub text: String,
    pub doc: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub speaker: Option<String>,
    /// The speaker's person id (`dictum person '#ID'`), when resolved.
    pub person: Option<i64>,
    /// The article of the report.
    pub article: i64,
    pub score: f32,
    /// Matched words: `[start, end)` code-point ranges into `text`.
    pub matches: Vec<[usize; 2]>,
    /// How many articles carry this statement.
    pub reports: i64,
}

/// One line of `dictum people`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonSummary {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub statements: i64,
    pub reports: i64,
    pub articles: i64,
}

/// A statement as listed on a person's profile: one report of it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatementItem {
    pub id: i64,
    pub report: i64,
    pub kind: String,
    pub text: String,
    pub doc: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthCount {
    /// `YYYY-MM`, or `undated`.
    pub month: String,
    pub outlet: Option<String>,
    pub count: i64,
}

/// `dictum person NAME`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonProfile {
    pub id: i64,
    pub name: String,
    pub kind: String,
    /// Every spelling of the name seen or given, the canonical one included.
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    pub articles: i64,
    pub statements: Vec<StatementItem>,
    pub timeline: Vec<MonthCount>,
    /// Other people the name could mean.
    pub others: Vec<PersonSummary>,
}

/// One report of a statement: where it appeared.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Report {
    pub id: i64,
    pub article: i64,
    pub doc: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub kind: String,
    pub text: String,
    pub content: Vec<[usize; 2]>,
    pub cue: Option<String>,
    pub source: Option<String>,
    pub speaker: Option<String>,
    /// The sentence in the article, from the stored offsets.
    pub sentence: String,
    /// Where `sentence` is in the article's text: `[start, end)` in code points.
    pub sentence_span: [usize; 2],
    /// The article this one copies (syndication), if any.
    pub copy_of: Option<i64>,
}

/// `dictum statement ID`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatementView {
    pub id: i64,
    pub kind: String,
    pub text: String,
    pub speaker: Option<String>,
    pub person: Option<i64>,
    /// The earliest dated report (else the first stored).
    pub first: Option<Report>,
    /// Distinct outlets, counting a copied article once with its original.
    pub outlets: Vec<String>,
    pub independent_reports: i64,
    pub reports: Vec<Report>,
}

/// A stored article with its text.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Article {
    pub id: i64,
    pub doc: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub text: String,
    pub copy_of: Option<i64>,
}

/// One row of `dictum export`: a report with its statement, speaker and article.
#[derive(Debug, Clone, Serialize)]
pub struct ExportRow {
    pub statement: i64,
    pub report: i64,
    pub kind: String,
    pub text: String,
    pub speaker: Option<String>,
    pub person: Option<i64>,
    pub person_name: Option<String>,
    pub cue: Option<String>,
    pub source: Option<String>,
    pub doc: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub month: Option<String>,
    pub content: String,
    pub copy_of: Option<i64>,
}

/// Totals.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Stats {
    pub articles: i64,
    pub copies: i64,
    pub statements: i64,
    pub reports: i64,
    pub people: i64,
    pub outlets: i64,
    pub indexed: u64,
}

/// What `dictum check` found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CheckReport {
    pub stats: Stats,
    /// SQLite's own integrity check ("ok").
    pub integrity: String,
    /// Articles whose stored reports are fewer or more than their statement count.
    pub partial_articles: Vec<String>,
    /// Reports pointing at a missing article or statement.
    pub orphan_reports: i64,
    /// Index changes not yet committed.
    pub queued: i64,
}

impl CheckReport {
    pub fn ok(&self) -> bool {
        self.integrity == "ok"
            && self.partial_articles.is_empty()
            && self.orphan_reports == 0
            && (self.queued > 0 || self.stats.indexed == self.stats.statements as u64)
    }
}

/// Ranges of `words` (lower-cased) in `text`, in code points.
fn highlight(text: &str, words: &[String]) -> Vec<[usize; 2]> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None; // (char index, byte index)
    let mut ci = 0;
    let mut push = |s: (usize, usize), end_ci: usize, end_b: usize| {
        let w = text[s.1..end_b].to_lowercase();
        if words.contains(&w) {
            out.push([s.0, end_ci]);
        }
    };
    for (b, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some((ci, b));
            }
        } else if let Some(s) = start.take() {
            push(s, ci, b);
        }
        ci += 1;
    }
    if let Some(s) = start {
        push(s, ci, text.len());
    }
    out
}

fn sentence_of(text: &str, s: i64, e: i64) -> String {
    let (s, e) = (s.max(0) as usize, e.max(0) as usize);
    text.chars().skip(s).take(e.saturating_sub(s)).collect()
}

/// One statement of an article, for showing the article with its statements marked.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleStatement {
    /// The statement's id.
    pub statement: i64,
    /// The report's id.
    pub report: i64,
    pub kind: String,
    pub text: String,
    /// The content's pieces: `[start, end)` code-point ranges into the article's text.
    pub content: Vec<[usize; 2]>,
    pub cue: Option<String>,
    pub source: Option<String>,
    /// The speaker as the article names them.
    pub speaker: Option<String>,
    /// The person the speaker resolved to, and their name.
    pub person: Option<i64>,
    pub person_name: Option<String>,
    /// How many articles carry the statement.
    pub reports: i64,
}

/// One line of a list of articles.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleSummary {
    pub id: i64,
    pub doc: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub statements: i64,
    pub copy_of: Option<i64>,
}

/// The columns and joins of a search hit's report row, shared by [`FIRST_REPORT`] and
/// [`FIRST_REPORT_BY_INDEX`] (a macro, so that `concat!` builds both at compile time).
macro_rules! report_row_head {
    () => {
        "SELECT r.id, r.kind, r.text, a.doc, o.name, a.published,
        coalesce(p.name, r.speaker),
        (SELECT count(*) FROM reports x WHERE x.statement_id = r.statement_id),
        r.person_id, a.id
 FROM reports r JOIN articles a ON a.id = r.article_id
 LEFT JOIN outlets o ON o.id = a.outlet_id
 LEFT JOIN persons p ON p.id = r.person_id
"
    };
}

/// A search hit's report: the statement's earliest report that passes the date (?2, ?3) and
/// outlet (?4: `,id,id,`) filters, with its article, outlet, speaker and the statement's report
/// count. Reads every report's article row to order them.
const FIRST_REPORT: &str = concat!(
    report_row_head!(),
    " WHERE r.statement_id = ?1
   AND (?2 IS NULL OR a.day >= ?2) AND (?3 IS NULL OR a.day <= ?3)
   AND (?4 IS NULL OR instr(?4, ',' || a.outlet_id || ',') > 0)
 ORDER BY a.day IS NULL, a.day, r.id LIMIT 1"
);

/// [`FIRST_REPORT`], the same row, choosing the report through the read indexes: the
/// statement's (report, article) pairs from `reports_statement_article`, their days and outlets
/// from `articles_day`, then one report and one article row. A statement carried by 500
/// articles no longer reads 500 report and 500 article rows.
const FIRST_REPORT_BY_INDEX: &str = concat!(
    report_row_head!(),
    " WHERE r.id = (
   SELECT f.id FROM reports f JOIN articles d INDEXED BY articles_day ON d.id = f.article_id
   WHERE f.statement_id = ?1
     AND (?2 IS NULL OR d.day >= ?2) AND (?3 IS NULL OR d.day <= ?3)
     AND (?4 IS NULL OR instr(?4, ',' || d.outlet_id || ',') > 0)
   ORDER BY d.day IS NULL, d.day, f.id LIMIT 1)"
);

impl Store {
    /// Whether the database has the index `name` (the read indexes came after version 1).
    pub(crate) fn has_index(&self, name: &str) -> Result<bool> {
        self.conn
            .prepare_cached("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?1")
            .and_then(|mut st| st.query_row([name], |r| r.get::<_, i64>(0)))
            .map(|n| n > 0)
            .map_err(self.sq("cannot read the database"))
    }

    pub(crate) fn sq(&self, context: &'static str) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        move |e| StoreError::sqlite(&self.db_path, context, e)
    }

    /// Totals of the database.
    pub fn stats(&self) -> Result<Stats> {
        let one = |sql: &str| -> Result<i64> {
            self.conn
                .query_row(sql, [], |r| r.get(0))
                .map_err(self.sq("cannot count"))
        };
        Ok(Stats {
            articles: one("SELECT count(*) FROM articles")?,
            copies: one("SELECT count(*) FROM articles WHERE copy_of IS NOT NULL")?,
            statements: one("SELECT count(*) FROM statements")?,
            reports: one("SELECT count(*) FROM reports")?,
            people: one("SELECT count(*) FROM persons p WHERE EXISTS (SELECT 1 FROM reports r WHERE r.person_id = p.id)")?,
            outlets: one("SELECT count(*) FROM outlets")?,
            indexed: self.text.num_docs(),
        })
    }

    /// The outlets whose name is or contains `name` (case-insensitive).
    pub(crate) fn outlet_ids(&self, name: &str) -> Result<Vec<i64>> {
        let key = write::outlet_key(name);
        self.conn
            .prepare_cached("SELECT id FROM outlets WHERE key = ?1 OR key LIKE ?2")
            .and_then(|mut st| {
                st.query_map(params![key, format!("%{key}%")], |r| r.get(0))?
                    .collect()
            })
            .map_err(self.sq("cannot look up outlets"))
    }

    /// BM25 full-text search over statements, best first, one hit per statement.
    pub fn search(&self, s: &Search) -> Result<Vec<Hit>> {
        self.search_page(s, 0)
    }

    /// [`Store::search`] from the `offset`-th hit on: a page of `s.limit` hits.
    pub fn search_page(&self, s: &Search, offset: usize) -> Result<Vec<Hit>> {
        // One read transaction for the page: one snapshot, and the file lock taken once
        // instead of once per statement (dropped, i.e. rolled back, at the end).
        let _snapshot = self
            .conn
            .unchecked_transaction()
            .map_err(self.sq("cannot read the database"))?;
        let mut filter = Filter::default();
        if let Some(name) = &s.speaker {
            let ids = people::find_set(&self.conn, &self.db_path, name)?;
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            filter.persons = Some(ids.into_iter().map(|i| i as u64).collect());
        }
        if let Some(outlet) = &s.outlet {
            let ids = self.outlet_ids(outlet)?;
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            filter.outlets = Some(ids.into_iter().map(|i| i as u64).collect());
        }
        filter.since = s
            .since
            .as_deref()
            .map(|d| filter_day(d, false))
            .transpose()?;
        filter.until = s
            .until
            .as_deref()
            .map(|d| filter_day(d, true))
            .transpose()?;
        filter.kind = s.kind.clone();
        let limit = s.limit.max(1);
        let found = self.text.search(&s.query, &filter, limit, offset)?;
        let words = self.text.query_words(&s.query);
        let mut hits = Vec::new();
        // The statement's earliest report that passes the outlet and date filters: through
        // the narrow `articles_day` index when the database has it (see schema::READ_INDEXES).
        let sql = if self.has_index("articles_day")? {
            FIRST_REPORT_BY_INDEX
        } else {
            FIRST_REPORT
        };
        let mut get = self
            .conn
            .prepare_cached(sql)
            .map_err(self.sq("cannot read a statement"))?;
        let outlets = filter.outlets.as_ref().map(|o| {
            let ids: Vec<String> = o.iter().map(u64::to_string).collect();
            format!(",{},", ids.join(","))
        });
        for (score, statement) in found {
            let row = get
                .query_row(
                    params![statement as i64, filter.since, filter.until, outlets],
                    |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, String>(2)?,
                            r.get::<_, String>(3)?,
                            r.get::<_, Option<String>>(4)?,
                            r.get::<_, Option<String>>(5)?,
                            r.get::<_, Option<String>>(6)?,
                            r.get::<_, i64>(7)?,
                            r.get::<_, Option<i64>>(8)?,
                            r.get::<_, i64>(9)?,
                        ))
                    },
                )
                .optional()
                .map_err(self.sq("cannot read a statement"))?;
            // A statement deleted since the index was committed.
            let Some((
                report,
                kind,
                text,
                doc,
                outlet,
                published,
                speaker,
                reports,
                person,
                article,
            )) = row
            else {
                continue;
            };
            hits.push(Hit {
                id: statement as i64,
                report,
                matches: highlight(&text, &words),
                kind,
                text,
                doc,
                outlet,
                published,
                speaker,
                person,
                article,
                score,
                reports,
            });
        }
        Ok(hits)
    }

    /// People with statements, most reported first.
    pub fn people(&self, limit: Option<usize>) -> Result<Vec<PersonSummary>> {
        self.people_page(0, limit)
    }

    /// [`Store::people`] from the `offset`-th person on.
    pub fn people_page(&self, offset: usize, limit: Option<usize>) -> Result<Vec<PersonSummary>> {
        // Ranked from the person index alone; the distinct counts only for the page.
        let sql = format!(
            "SELECT p.id, p.name, p.kind,
                    (SELECT count(DISTINCT statement_id) FROM reports WHERE person_id = p.id),
                    c.n,
                    (SELECT count(DISTINCT article_id) FROM reports WHERE person_id = p.id)
             FROM (SELECT person_id, count(*) AS n FROM reports WHERE person_id IS NOT NULL
                   GROUP BY person_id ORDER BY n DESC, person_id {} {}) c
             JOIN persons p ON p.id = c.person_id
             ORDER BY c.n DESC, p.id",
            limit.map_or(String::from("LIMIT -1"), |l| format!("LIMIT {l}")),
            if offset > 0 {
                format!("OFFSET {offset}")
            } else {
                String::new()
            }
        );
        let mut st = self
            .conn
            .prepare(&sql)
            .map_err(self.sq("cannot list people"))?;
        let rows = st
            .query_map([], summary)
            .and_then(|r| r.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(self.sq("cannot list people"))?;
        Ok(rows)
    }

    /// The profile of the person a name (or `#id`) means.
    pub fn person(&self, name: &str) -> Result<PersonProfile> {
        let ids = people::find(&self.conn, &self.db_path, name)?;
        let Some(&id) = ids.first() else {
            return Err(StoreError::NotFound(format!(
                "no person called {name:?} (list them with `dictum people`)"
            )));
        };
        let mut profile = self.person_by_id(id)?;
        for other in &ids[1..] {
            let mut st = self
                .conn
                .prepare_cached(
                    "SELECT p.id, p.name, p.kind, count(DISTINCT r.statement_id), count(r.id),
                            count(DISTINCT r.article_id)
                     FROM persons p LEFT JOIN reports r ON r.person_id = p.id
                     WHERE p.id = ?1 GROUP BY p.id",
                )
                .map_err(self.sq("cannot read a person"))?;
            if let Some(s) = st
                .query_row([other], summary)
                .optional()
                .map_err(self.sq("cannot read a person"))?
            {
                profile.others.push(s);
            }
        }
        Ok(profile)
    }

    /// A person's name, kind, aliases and roles (NotFound for an unknown id).
    fn person_head(&self, id: i64) -> Result<(String, String, Vec<String>, Vec<String>)> {
        let (name, kind): (String, String) = self
            .conn
            .query_row("SELECT name, kind FROM persons WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()
            .map_err(self.sq("cannot read a person"))?
            .ok_or_else(|| StoreError::NotFound(format!("no person #{id}")))?;
        let list = |sql: &str| -> Result<Vec<String>> {
            self.conn
                .prepare_cached(sql)
                .and_then(|mut s| s.query_map([id], |r| r.get(0))?.collect())
                .map_err(self.sq("cannot read a person"))
        };
        let aliases = list("SELECT DISTINCT name FROM aliases WHERE person_id = ?1 ORDER BY name")?;
        let roles = list("SELECT role FROM roles WHERE person_id = ?1 ORDER BY key")?;
        Ok((name, kind, aliases, roles))
    }

    pub fn person_by_id(&self, id: i64) -> Result<PersonProfile> {
        let (name, kind, aliases, roles) = self.person_head(id)?;
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT r.statement_id, r.id, r.kind, r.text, a.doc, o.name, a.published, a.day
                 FROM reports r JOIN articles a ON a.id = r.article_id
                 LEFT JOIN outlets o ON o.id = a.outlet_id
                 WHERE r.person_id = ?1
                 ORDER BY a.day IS NULL, a.day, a.id, r.id",
            )
            .map_err(self.sq("cannot read a person"))?;
        let rows: Vec<(StatementItem, Option<i64>)> = st
            .query_map([id], |r| {
                Ok((
                    StatementItem {
                        id: r.get(0)?,
                        report: r.get(1)?,
                        kind: r.get(2)?,
                        text: r.get(3)?,
                        doc: r.get(4)?,
                        outlet: r.get(5)?,
                        published: r.get(6)?,
                    },
                    r.get(7)?,
                ))
            })
            .and_then(|r| r.collect())
            .map_err(self.sq("cannot read a person"))?;
        let days: Vec<i64> = rows.iter().filter_map(|r| r.1).collect();
        let mut timeline: BTreeMap<(String, Option<String>), i64> = BTreeMap::new();
        let mut articles = std::collections::HashSet::new();
        for (item, day) in &rows {
            let month = day.map_or_else(
                || "undated".to_string(),
                |d| day_to_date(d)[..7].to_string(),
            );
            *timeline.entry((month, item.outlet.clone())).or_default() += 1;
            articles.insert(item.doc.clone());
        }
        Ok(PersonProfile {
            id,
            name,
            kind,
            aliases,
            roles,
            first_seen: days.iter().min().map(|&d| day_to_date(d)),
            last_seen: days.iter().max().map(|&d| day_to_date(d)),
            articles: articles.len() as i64,
            statements: rows.into_iter().map(|r| r.0).collect(),
            timeline: timeline
                .into_iter()
                .map(|((month, outlet), count)| MonthCount {
                    month,
                    outlet,
                    count,
                })
                .collect(),
            others: Vec::new(),
        })
    }

    /// [`Store::person_by_id`] for a page: counts, dates and the timeline computed in SQL,
    /// and only `limit` statements from the `offset`-th on, newest first (undated last), so a
    /// person with 100,000 reports costs what one page costs. Also returns the number of
    /// reports (all statements listed).
    pub fn person_page(
        &self,
        id: i64,
        offset: usize,
        limit: usize,
    ) -> Result<(PersonProfile, usize)> {
        let (name, kind, aliases, roles) = self.person_head(id)?;
        let (total, articles, first, last): (i64, i64, Option<i64>, Option<i64>) = self
            .conn
            .prepare_cached(
                "SELECT count(*), count(DISTINCT r.article_id), min(a.day), max(a.day)
                 FROM reports r JOIN articles a ON a.id = r.article_id WHERE r.person_id = ?1",
            )
            .and_then(|mut s| {
                s.query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            })
            .map_err(self.sq("cannot read a person"))?;
        let mut timeline: BTreeMap<(String, Option<String>), i64> = BTreeMap::new();
        {
            let mut st = self
                .conn
                .prepare_cached(
                    "SELECT a.day, o.name, count(*)
                     FROM reports r JOIN articles a ON a.id = r.article_id
                     LEFT JOIN outlets o ON o.id = a.outlet_id
                     WHERE r.person_id = ?1 GROUP BY a.day, a.outlet_id",
                )
                .map_err(self.sq("cannot read a person"))?;
            let rows = st
                .query_map([id], |r| {
                    Ok((
                        r.get::<_, Option<i64>>(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, i64>(2)?,
                    ))
                })
                .map_err(self.sq("cannot read a person"))?;
            for row in rows {
                let (day, outlet, n) = row.map_err(self.sq("cannot read a person"))?;
                let month = day.map_or_else(
                    || "undated".to_string(),
                    |d| day_to_date(d)[..7].to_string(),
                );
                *timeline.entry((month, outlet)).or_default() += n;
            }
        }
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT r.statement_id, r.id, r.kind, r.text, a.doc, o.name, a.published
                 FROM reports r JOIN articles a ON a.id = r.article_id
                 LEFT JOIN outlets o ON o.id = a.outlet_id
                 WHERE r.id IN (
                     SELECT r2.id FROM reports r2 JOIN articles a2 ON a2.id = r2.article_id
                     WHERE r2.person_id = ?1
                     ORDER BY a2.day IS NULL, a2.day DESC, a2.id DESC, r2.id DESC
                     LIMIT ?2 OFFSET ?3)
                 ORDER BY a.day IS NULL, a.day DESC, a.id DESC, r.id DESC",
            )
            .map_err(self.sq("cannot read a person"))?;
        let statements: Vec<StatementItem> = st
            .query_map(params![id, limit as i64, offset as i64], |r| {
                Ok(StatementItem {
                    id: r.get(0)?,
                    report: r.get(1)?,
                    kind: r.get(2)?,
                    text: r.get(3)?,
                    doc: r.get(4)?,
                    outlet: r.get(5)?,
                    published: r.get(6)?,
                })
            })
            .and_then(|r| r.collect())
            .map_err(self.sq("cannot read a person"))?;
        let profile = PersonProfile {
            id,
            name,
            kind,
            aliases,
            roles,
            first_seen: first.map(day_to_date),
            last_seen: last.map(day_to_date),
            articles,
            statements,
            timeline: timeline
                .into_iter()
                .map(|((month, outlet), count)| MonthCount {
                    month,
                    outlet,
                    count,
                })
                .collect(),
            others: Vec::new(),
        };
        Ok((profile, total as usize))
    }

    /// A statement with every report of it.
    pub fn statement(&self, id: i64) -> Result<StatementView> {
        let (kind, text, person, speaker): (String, String, Option<i64>, Option<String>) = self
            .conn
            .query_row(
                "SELECT s.kind, s.text, s.person_id, p.name FROM statements s
                 LEFT JOIN persons p ON p.id = s.person_id WHERE s.id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()
            .map_err(self.sq("cannot read a statement"))?
            .ok_or_else(|| StoreError::NotFound(format!("no statement #{id}")))?;
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT r.id, a.id, a.doc, a.url, a.title, o.name, a.published, r.kind, r.text,
                        r.content, r.cue, r.source, r.speaker, a.text, r.sentence_start,
                        r.sentence_end, a.copy_of, a.day
                 FROM reports r JOIN articles a ON a.id = r.article_id
                 LEFT JOIN outlets o ON o.id = a.outlet_id
                 WHERE r.statement_id = ?1 ORDER BY a.day IS NULL, a.day, r.id",
            )
            .map_err(self.sq("cannot read a statement"))?;
        let reports: Vec<Report> = st
            .query_map([id], report_row)
            .and_then(|r| r.collect())
            .map_err(self.sq("cannot read a statement"))?;
        let mut outlets: Vec<String> = Vec::new();
        let mut roots = std::collections::HashSet::new();
        for r in &reports {
            roots.insert(r.copy_of.unwrap_or(r.article));
            if let Some(o) = &r.outlet {
                if !outlets.contains(o) {
                    outlets.push(o.clone());
                }
            }
        }
        Ok(StatementView {
            id,
            kind,
            text,
            speaker,
            person,
            first: reports.first().cloned(),
            outlets,
            independent_reports: roots.len() as i64,
            reports,
        })
    }

    /// A stored article by id.
    pub fn article(&self, id: i64) -> Result<Article> {
        self.conn
            .query_row(
                "SELECT a.id, a.doc, a.url, a.title, o.name, a.published, a.text, a.copy_of
                 FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id = ?1",
                [id],
                |r| {
                    Ok(Article {
                        id: r.get(0)?,
                        doc: r.get(1)?,
                        url: r.get(2)?,
                        title: r.get(3)?,
                        outlet: r.get(4)?,
                        published: r.get(5)?,
                        text: r.get(6)?,
                        copy_of: r.get(7)?,
                    })
                },
            )
            .optional()
            .map_err(self.sq("cannot read an article"))?
            .ok_or_else(|| StoreError::NotFound(format!("no article #{id}")))
    }

    /// The statements of an article (one report each), in text order.
    pub fn article_statements(&self, id: i64) -> Result<Vec<ArticleStatement>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT r.statement_id, r.id, r.kind, r.text, r.content, r.cue, r.source,
                        r.speaker, r.person_id, p.name,
                        (SELECT count(*) FROM reports x WHERE x.statement_id = r.statement_id)
                 FROM reports r LEFT JOIN persons p ON p.id = r.person_id
                 WHERE r.article_id = ?1 ORDER BY r.id",
            )
            .map_err(self.sq("cannot read an article's statements"))?;
        let mut rows: Vec<ArticleStatement> = st
            .query_map([id], |r| {
                let content: String = r.get(4)?;
                Ok(ArticleStatement {
                    statement: r.get(0)?,
                    report: r.get(1)?,
                    kind: r.get(2)?,
                    text: r.get(3)?,
                    content: serde_json::from_str(&content).unwrap_or_default(),
                    cue: r.get(5)?,
                    source: r.get(6)?,
                    speaker: r.get(7)?,
                    person: r.get(8)?,
                    person_name: r.get(9)?,
                    reports: r.get(10)?,
                })
            })
            .and_then(|r| r.collect())
            .map_err(self.sq("cannot read an article's statements"))?;
        rows.sort_by_key(|s| (s.content.first().map_or(0, |p| p[0]), s.report));
        Ok(rows)
    }

    /// Stored articles, newest first (undated last), from the `offset`-th on.
    pub fn articles_page(&self, offset: usize, limit: usize) -> Result<Vec<ArticleSummary>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT a.id, a.doc, a.title, o.name, a.published, a.n_statements, a.copy_of
                 FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
                 ORDER BY a.id DESC LIMIT ?1 OFFSET ?2",
            )
            .map_err(self.sq("cannot list articles"))?;
        let rows = st
            .query_map(params![limit as i64, offset as i64], |r| {
                Ok(ArticleSummary {
                    id: r.get(0)?,
                    doc: r.get(1)?,
                    title: r.get(2)?,
                    outlet: r.get(3)?,
                    published: r.get(4)?,
                    statements: r.get(5)?,
                    copy_of: r.get(6)?,
                })
            })
            .and_then(|r| r.collect())
            .map_err(self.sq("cannot list articles"))?;
        Ok(rows)
    }

    /// Reads the database file through a memory map of up to `bytes` (SQLite's `mmap_size`):
    /// page reads without a copy, for long-running readers such as `dictum serve`.
    pub fn map_for_reads(&self, bytes: u64) -> Result<()> {
        self.conn
            .execute_batch(&format!("PRAGMA mmap_size={bytes}"))
            .map_err(self.sq("cannot configure the database"))
    }

    /// Makes what was committed to the full-text index since this store was opened (or last
    /// refreshed) searchable here; SQLite reads see new rows without it.
    pub fn refresh(&self) -> Result<()> {
        self.text.reload()
    }

    /// Streams the reports that pass the filters (`query` is ignored) to `each`, in id order.
    pub fn export<E: From<StoreError>>(
        &self,
        s: &Search,
        mut each: impl FnMut(ExportRow) -> std::result::Result<(), E>,
    ) -> std::result::Result<u64, E> {
        let persons = match &s.speaker {
            Some(name) => Some(people::find(&self.conn, &self.db_path, name)?),
            None => None,
        };
        let since = s
            .since
            .as_deref()
            .map(|d| filter_day(d, false))
            .transpose()?;
        let until = s
            .until
            .as_deref()
            .map(|d| filter_day(d, true))
            .transpose()?;
        let outlet = s.outlet.as_deref().map(write::outlet_key);
        let mut st = self
            .conn
            .prepare(
                "SELECT r.statement_id, r.id, r.kind, r.text, r.speaker, r.person_id, p.name,
                        r.cue, r.source, a.doc, a.url, a.title, o.name, a.published, a.day,
                        r.content, a.copy_of, o.key
                 FROM reports r JOIN articles a ON a.id = r.article_id
                 LEFT JOIN outlets o ON o.id = a.outlet_id
                 LEFT JOIN persons p ON p.id = r.person_id
                 ORDER BY r.id",
            )
            .map_err(|e| StoreError::sqlite(&self.db_path, "cannot export", e))?;
        let mut rows = st
            .query([])
            .map_err(|e| StoreError::sqlite(&self.db_path, "cannot export", e))?;
        let mut n = 0;
        while let Some(r) = rows
            .next()
            .map_err(|e| StoreError::sqlite(&self.db_path, "cannot export", e))?
        {
            let row =
                export_row(r).map_err(|e| StoreError::sqlite(&self.db_path, "cannot export", e))?;
            let (row, day, okey) = row;
            if let Some(p) = &persons {
                if !row.person.is_some_and(|id| p.contains(&id)) {
                    continue;
                }
            }
            if let Some(k) = &s.kind {
                if row.kind != *k {
                    continue;
                }
            }
            if let Some(o) = &outlet {
                if !okey.as_deref().is_some_and(|k| k.contains(o.as_str())) {
                    continue;
                }
            }
            if since.is_some() || until.is_some() {
                let Some(d) = day else { continue };
                if since.is_some_and(|s| d < s) || until.is_some_and(|u| d > u) {
                    continue;
                }
            }
            each(row)?;
            n += 1;
        }
        Ok(n)
    }

    /// `n` reports drawn at random (deterministically from `seed`): their text and speaker.
    pub fn sample_reports(&self, n: usize, seed: u64) -> Result<Vec<(String, Option<String>)>> {
        let max: i64 = self
            .conn
            .query_row("SELECT coalesce(max(id), 0) FROM reports", [], |r| r.get(0))
            .map_err(self.sq("cannot sample reports"))?;
        let mut st = self
            .conn
            .prepare(
                "SELECT r.text, p.name FROM reports r LEFT JOIN persons p ON p.id = r.person_id
                 WHERE r.id >= ?1 ORDER BY r.id LIMIT 1",
            )
            .map_err(self.sq("cannot sample reports"))?;
        let mut rng = dictum_link::hash::SplitMix::new(seed);
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            if max == 0 {
                break;
            }
            let id = 1 + (rng.next_u64() % max as u64) as i64;
            if let Some(row) = st
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()
                .map_err(self.sq("cannot sample reports"))?
            {
                out.push(row);
            }
        }
        Ok(out)
    }

    /// Checks that the database holds only whole articles and that the index matches it.
    pub fn check(&self) -> Result<CheckReport> {
        let integrity: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(self.sq("cannot check the database"))?;
        let partial_articles: Vec<String> = self
            .conn
            .prepare(
                "SELECT a.doc FROM articles a
                 WHERE a.n_statements != (SELECT count(*) FROM reports r WHERE r.article_id = a.id)",
            )
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .map_err(self.sq("cannot check the database"))?;
        let orphan_reports: i64 = self
            .conn
            .query_row(
                "SELECT count(*) FROM reports r
                 WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = r.article_id)
                    OR NOT EXISTS (SELECT 1 FROM statements s WHERE s.id = r.statement_id)",
                [],
                |r| r.get(0),
            )
            .map_err(self.sq("cannot check the database"))?;
        let queued: i64 = self
            .conn
            .query_row("SELECT count(*) FROM index_queue", [], |r| r.get(0))
            .map_err(self.sq("cannot check the database"))?;
        Ok(CheckReport {
            stats: self.stats()?,
            integrity,
            partial_articles,
            orphan_reports,
            queued,
        })
    }

    /// Merges person `from` into `into` (names or `#id`s).
    pub fn merge_people(&mut self, into: &str, from: &str) -> Result<(i64, i64)> {
        let a = people::find_one(&self.conn, &self.db_path, into)?;
        let b = people::find_one(&self.conn, &self.db_path, from)?;
        self.in_tx(|tx, db| people::merge(tx, db, a, b))?;
        self.flush()?;
        Ok((a, b))
    }

    /// Moves the given names of a person (and the reports written with them) to a new person.
    pub fn split_person(&mut self, from: &str, names: &[String]) -> Result<i64> {
        let a = people::find_one(&self.conn, &self.db_path, from)?;
        let new = self.in_tx(|tx, db| people::split(tx, db, a, names))?;
        self.flush()?;
        Ok(new)
    }

    /// Adds aliases to a person.
    pub fn alias_person(&mut self, name: &str, aliases: &[String]) -> Result<i64> {
        let a = people::find_one(&self.conn, &self.db_path, name)?;
        self.in_tx(|tx, db| people::alias(tx, db, a, aliases))?;
        Ok(a)
    }

    fn in_tx<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction, &std::path::Path) -> Result<T>,
    ) -> Result<T> {
        let db = self.db_path.clone();
        // Merges, splits and aliases change who a name means.
        self.names.clear();
        let tx = self
            .conn
            .transaction()
            .map_err(|e| StoreError::sqlite(&db, "cannot start a transaction", e))?;
        let out = f(&tx, &db)?;
        tx.commit()
            .map_err(|e| StoreError::sqlite(&db, "cannot commit", e))?;
        Ok(out)
    }
}

fn summary(r: &Row) -> rusqlite::Result<PersonSummary> {
    Ok(PersonSummary {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: r.get(2)?,
        statements: r.get(3)?,
        reports: r.get(4)?,
        articles: r.get(5)?,
    })
}

fn report_row(r: &Row) -> rusqlite::Result<Report> {
    let content: String = r.get(9)?;
    let text: String = r.get(13)?;
    Ok(Report {
        id: r.get(0)?,
        article: r.get(1)?,
        doc: r.get(2)?,
        url: r.get(3)?,
        title: r.get(4)?,
        outlet: r.get(5)?,
        published: r.get(6)?,
        kind: r.get(7)?,
        text: r.get(8)?,
        content: serde_json::from_str(&content).unwrap_or_default(),
        cue: r.get(10)?,
        source: r.get(11)?,
        speaker: r.get(12)?,
        sentence: sentence_of(&text, r.get(14)?, r.get(15)?),
        sentence_span: [
            r.get::<_, i64>(14)?.max(0) as usize,
            r.get::<_, i64>(15)?.max(0) as usize,
        ],
        copy_of: r.get(16)?,
    })
}

type ExportParts = (ExportRow, Option<i64>, Option<String>);

fn export_row(r: &Row) -> rusqlite::Result<ExportParts> {
    let day: Option<i64> = r.get(14)?;
    Ok((
        ExportRow {
            statement: r.get(0)?,
            report: r.get(1)?,
            kind: r.get(2)?,
            text: r.get(3)?,
            speaker: r.get(4)?,
            person: r.get(5)?,
            person_name: r.get(6)?,
            cue: r.get(7)?,
            source: r.get(8)?,
            doc: r.get(9)?,
            url: r.get(10)?,
            title: r.get(11)?,
            outlet: r.get(12)?,
            published: r.get(13)?,
            month: day.map(|d| day_to_date(d)[..7].to_string()),
            content: r.get(15)?,
            copy_of: r.get(16)?,
        },
        day,
        r.get(17)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_whole_words_in_code_points() {
        let t = "Équipe said “equal terms”, not equality.";
        let words = vec!["equal".to_string(), "terms".to_string()];
        let m = highlight(t, &words);
        let got: Vec<String> = m
            .iter()
            .map(|[s, e]| t.chars().skip(*s).take(e - s).collect())
            .collect();
        assert_eq!(got, ["equal", "terms"]);
    }
}
