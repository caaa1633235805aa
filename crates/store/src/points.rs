//! Talking points on disk: statements grouped by meaning, incrementally.
//!
//! Grouping ([`Store::group_pending`]) takes the statements that belong to no talking point
//! yet, in the order they were stored, embeds them with the caller's [`PointModel`] and puts
//! each into the nearest point of its [`Space`] when the cosine with that point's centroid
//! reaches [`SPACE_THRESHOLD`], else into a new point. Points are never recomputed: a point's
//! centroid moves as members join. The space (centre, shared direction) is fitted
//! once, at the database's first grouping, and stored with the model's name: a later grouping
//! with another model is refused, because the stored centroids would mean nothing to it.
//!
//! Each chunk of statements is one transaction (its memberships, new points and moved
//! centroids), so a killed grouping leaves whole chunks and the next one takes up the rest.
//! Statements removed with their article leave their membership behind; the next grouping
//! drops those and lowers the counts (the centroid keeps the removed member's pull).
//!
//! Labels (c-TF-IDF key phrases, [`dictum_link::points::label`]) are recomputed for the points
//! a grouping touched, against a background of up to [`BACKGROUND_POINTS`] other points.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use dictum_link::points::{
    cosine, dequantise, label, quantise, CellIndex, Centroid, DocFreq, Space, SPACE_THRESHOLD,
};
use rayon::prelude::*;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use crate::error::{Result, StoreError};
use crate::{day_to_date, filter_day, people, schema, Store};

/// Turns statement texts into vectors: the store's view of a sentence model.
pub trait PointModel: Sync {
    /// The model's name, stored with the space ("static", "minilm", "lexical").
    fn name(&self) -> &str;
    /// One vector per text, in order.
    fn embed(&self, texts: &[&str]) -> std::result::Result<Vec<Vec<f32>>, String>;
}

/// Statements embedded and assigned per transaction.
const CHUNK: usize = 4096;
/// Points whose statements form the background of the labels.
pub const BACKGROUND_POINTS: usize = 3000;
/// Member texts read per point for a label.
const LABEL_TEXTS: usize = 200;

/// General news sentences: the centre of a space fitted on too few statements.
const REFERENCE: &str = include_str!("../data/reference-sentences.txt");

/// What a grouping did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Grouping {
    pub model: String,
    /// Statements given a point.
    pub grouped: u64,
    /// Of those, how many joined an existing point.
    pub joined: u64,
    /// Points started.
    pub new_points: u64,
    /// Memberships of statements that no longer exist, dropped.
    pub dropped: u64,
    /// Points in the database after the grouping.
    pub points: u64,
}

/// Which talking points to list.
#[derive(Debug, Clone, Default)]
pub struct PointFilter {
    /// Only reports by this person (any alias or #ID).
    pub speaker: Option<String>,
    /// Only reports in outlets whose name is or contains this.
    pub outlet: Option<String>,
    /// Only reports of this kind (direct, mixed, indirect, transcript).
    pub kind: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    /// At most this many points.
    pub limit: usize,
    /// Only points reported in at least this many distinct articles (copies count once).
    pub min_articles: i64,
}

/// A statement as one article reported it, inside a talking point.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PointStatement {
    pub id: i64,
    pub doc: String,
    pub speaker: Option<String>,
    pub text: String,
    pub published: Option<String>,
    pub outlet: Option<String>,
}

/// A talking point in a list.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TalkingPoint {
    pub id: i64,
    pub label: String,
    /// Distinct articles reporting it (copies of one article count once).
    pub articles: i64,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    pub statements: Vec<PointStatement>,
}

/// A count in a talking point's timeline.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Count {
    pub key: String,
    pub count: i64,
}

/// A talking point with its timeline.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TalkingPointView {
    #[serde(flatten)]
    pub point: TalkingPoint,
    pub by_month: Vec<Count>,
    pub by_outlet: Vec<Count>,
    pub by_speaker: Vec<Count>,
}

/// A statement near in meaning to a query.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Similar {
    /// The statement's id.
    pub id: i64,
    /// Cosine of the two statements in the database's talking-point space (1 = same meaning).
    pub similarity: f32,
    /// The talking point the statement belongs to.
    pub point: Option<i64>,
    pub speaker: Option<String>,
    pub text: String,
    pub doc: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
}

fn reference_sentences() -> Vec<&'static str> {
    REFERENCE
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

fn model_error(e: String) -> StoreError {
    StoreError::Invalid(format!("the sentence model failed: {e}"))
}

impl Store {
    fn has_points(&self) -> Result<bool> {
        let n: i64 = self
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'point_space'",
                [],
                |r| r.get(0),
            )
            .map_err(self.sq("cannot read the database"))?;
        Ok(n > 0)
    }

    /// The stored space and the model it belongs to.
    fn space(&self) -> Result<Option<(String, Space)>> {
        if !self.has_points()? {
            return Ok(None);
        }
        let row: Option<(String, Vec<u8>)> = self
            .conn
            .query_row(
                "SELECT model, space FROM point_space WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(self.sq("cannot read the talking points"))?;
        match row {
            None => Ok(None),
            Some((model, bytes)) => match Space::from_bytes(&bytes) {
                Some(space) => Ok(Some((model, space))),
                None => Err(StoreError::Corrupt {
                    path: self.db_path.clone(),
                    detail: "the talking-point space is damaged".into(),
                }),
            },
        }
    }

    /// The model this database's talking points were grouped with, if any (without reading
    /// the space itself).
    pub fn points_model(&self) -> Result<Option<String>> {
        if !self.has_points()? {
            return Ok(None);
        }
        self.conn
            .query_row("SELECT model FROM point_space WHERE id = 1", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(self.sq("cannot read the talking points"))
    }

    /// Groups every statement that has no talking point yet (see the module documentation).
    /// `progress` is called after each chunk with (grouped so far, pending in all).
    pub fn group_pending(
        &mut self,
        model: &dyn PointModel,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<Grouping> {
        self.conn
            .execute_batch(schema::POINTS_DDL)
            .map_err(self.sq("cannot create the talking-point tables"))?;
        let mut out = Grouping {
            model: model.name().to_string(),
            ..Grouping::default()
        };
        if let Some((stored, _)) = self.space()? {
            if stored != model.name() {
                return Err(StoreError::Invalid(format!(
                    "the talking points in {} were grouped with the {stored} model; group with it \
                     again (--model {stored}, or set its directory) instead of {}",
                    self.db_path.display(),
                    model.name()
                )));
            }
        }
        out.dropped = self.drop_orphans()?;
        let pending: i64 = self
            .conn
            .query_row(
                "SELECT count(*) FROM statements s
                 WHERE NOT EXISTS (SELECT 1 FROM point_members m WHERE m.statement_id = s.id)",
                [],
                |r| r.get(0),
            )
            .map_err(self.sq("cannot read the statements"))?;
        let mut touched: BTreeSet<i64> = BTreeSet::new();
        let mut after = 0i64;
        let mut state: Option<(Space, CellIndex)> = None;
        loop {
            let chunk: Vec<(i64, String)> = self
                .conn
                .prepare_cached(
                    "SELECT s.id, s.text FROM statements s
                     WHERE s.id > ?1
                       AND NOT EXISTS (SELECT 1 FROM point_members m WHERE m.statement_id = s.id)
                     ORDER BY s.id LIMIT ?2",
                )
                .and_then(|mut st| {
                    st.query_map(params![after, CHUNK as i64], |r| Ok((r.get(0)?, r.get(1)?)))?
                        .collect()
                })
                .map_err(self.sq("cannot read the statements"))?;
            let Some(&(last, _)) = chunk.last() else {
                break;
            };
            after = last;
            let texts: Vec<&str> = chunk.iter().map(|(_, t)| t.as_str()).collect();
            let vectors = model.embed(&texts).map_err(model_error)?;
            if state.is_none() {
                state = Some(self.load_or_fit(model, &vectors)?);
            }
            let Some((space, index)) = state.as_mut() else {
                break;
            };
            self.assign_chunk(&chunk, &vectors, space, index, &mut out, &mut touched)?;
            progress(out.grouped, pending.max(0) as u64);
        }
        self.relabel(&touched)?;
        let points: i64 = self
            .conn
            .query_row("SELECT count(*) FROM points", [], |r| r.get(0))
            .map_err(self.sq("cannot count the talking points"))?;
        out.points = points.max(0) as u64;
        Ok(out)
    }

    /// Drops memberships of statements that were removed, lowering their points' counts.
    fn drop_orphans(&mut self) -> Result<u64> {
        let orphans: Vec<(i64, i64)> = self
            .conn
            .prepare(
                "SELECT m.statement_id, m.point_id FROM point_members m
                 WHERE NOT EXISTS (SELECT 1 FROM statements s WHERE s.id = m.statement_id)",
            )
            .and_then(|mut st| st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
            .map_err(self.sq("cannot read the talking points"))?;
        if orphans.is_empty() {
            return Ok(0);
        }
        let path = self.db_path.clone();
        let db: &std::path::Path = &path;
        let sq = |c: &'static str| move |e| StoreError::sqlite(db, c, e);
        let tx = self
            .conn
            .transaction()
            .map_err(sq("cannot update the talking points"))?;
        for (statement, point) in &orphans {
            tx.execute(
                "DELETE FROM point_members WHERE statement_id = ?1",
                [statement],
            )
            .map_err(sq("cannot update the talking points"))?;
            tx.execute("UPDATE points SET count = count - 1 WHERE id = ?1", [point])
                .map_err(sq("cannot update the talking points"))?;
        }
        tx.execute("DELETE FROM points WHERE count <= 0", [])
            .map_err(sq("cannot update the talking points"))?;
        tx.commit()
            .map_err(sq("cannot update the talking points"))?;
        Ok(orphans.len() as u64)
    }

    /// The stored space and every point in it, or a new space fitted on this first chunk.
    fn load_or_fit(
        &mut self,
        model: &dyn PointModel,
        first: &[Vec<f32>],
    ) -> Result<(Space, CellIndex)> {
        let space = match self.space()? {
            Some((_, space)) => space,
            None => {
                let reference = model.embed(&reference_sentences()).map_err(model_error)?;
                let space = Space::fit(first, &reference);
                self.conn
                    .execute(
                        "INSERT INTO point_space (id, model, threshold, space) VALUES (1, ?1, ?2, ?3)",
                        params![model.name(), SPACE_THRESHOLD as f64, space.to_bytes()],
                    )
                    .map_err(self.sq("cannot store the talking-point space"))?;
                space
            }
        };
        let mut points = Vec::new();
        let mut st = self
            .conn
            .prepare("SELECT id, count, centroid FROM points")
            .map_err(self.sq("cannot read the talking points"))?;
        let rows = st
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, Vec<u8>>(2)?,
                ))
            })
            .map_err(self.sq("cannot read the talking points"))?;
        for row in rows {
            let (id, count, centroid) = row.map_err(self.sq("cannot read the talking points"))?;
            points.push((
                id,
                Centroid {
                    mean: dequantise(&centroid),
                    count: count.clamp(0, u32::MAX as i64) as u32,
                },
            ));
        }
        drop(st);
        Ok((space, CellIndex::build(points)))
    }

    fn assign_chunk(
        &mut self,
        chunk: &[(i64, String)],
        vectors: &[Vec<f32>],
        space: &Space,
        index: &mut CellIndex,
        out: &mut Grouping,
        touched: &mut BTreeSet<i64>,
    ) -> Result<()> {
        let path = self.db_path.clone();
        let db: &std::path::Path = &path;
        let sq = |c: &'static str| move |e| StoreError::sqlite(db, c, e);
        let tx = self
            .conn
            .transaction()
            .map_err(sq("cannot store the talking points"))?;
        let mut moved: HashSet<i64> = HashSet::new();
        {
            let mut member = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO point_members (statement_id, point_id, similarity)
                     VALUES (?1, ?2, ?3)",
                )
                .map_err(sq("cannot store the talking points"))?;
            let mut new_point = tx
                .prepare_cached("INSERT INTO points (count, centroid, label) VALUES (1, ?1, '')")
                .map_err(sq("cannot store the talking points"))?;
            // The nearest stored point of every statement, in parallel against the points as
            // they were when the chunk began; then, in order, the points this chunk started
            // and moved, which the parallel search could not see.
            let projected: Vec<Vec<f32>> = vectors.par_iter().map(|v| space.project(v)).collect();
            let found: Vec<Option<(i64, f32)>> = {
                let index = &*index;
                projected.par_iter().map(|v| index.nearest(v)).collect()
            };
            let mut started: Vec<i64> = Vec::new();
            for (((statement, _), v), found) in chunk.iter().zip(&projected).zip(found) {
                let mut best = found.and_then(|(id, s)| {
                    if moved.contains(&id) {
                        index.get(id).map(|c| (id, cosine(v, &c.mean)))
                    } else {
                        Some((id, s))
                    }
                });
                for &id in &started {
                    if let Some(c) = index.get(id) {
                        let s = cosine(v, &c.mean);
                        if best.is_none_or(|(b_id, b)| s > b || (s == b && id < b_id)) {
                            best = Some((id, s));
                        }
                    }
                }
                let v = v.as_slice();
                let joined = best.filter(|&(_, s)| s >= SPACE_THRESHOLD);
                let (point, similarity) = match joined {
                    Some((id, s)) => {
                        index.add(id, v);
                        moved.insert(id);
                        out.joined += 1;
                        (id, s)
                    }
                    None => {
                        new_point
                            .execute(params![quantise(v)])
                            .map_err(sq("cannot store the talking points"))?;
                        let id = tx.last_insert_rowid();
                        index.insert(id, Centroid::new(v));
                        started.push(id);
                        out.new_points += 1;
                        (id, 1.0)
                    }
                };
                member
                    .execute(params![statement, point, similarity as f64])
                    .map_err(sq("cannot store the talking points"))?;
                touched.insert(point);
                out.grouped += 1;
            }
            let mut update = tx
                .prepare_cached("UPDATE points SET count = ?2, centroid = ?3 WHERE id = ?1")
                .map_err(sq("cannot store the talking points"))?;
            for id in &moved {
                if let Some(c) = index.get(*id) {
                    update
                        .execute(params![id, c.count as i64, quantise(&c.mean)])
                        .map_err(sq("cannot store the talking points"))?;
                }
            }
        }
        tx.commit().map_err(sq("cannot store the talking points"))
    }

    /// The texts of a point's statements (at most `limit`, oldest first).
    fn point_texts(&self, point: i64, limit: usize) -> Result<Vec<String>> {
        self.conn
            .prepare_cached(
                "SELECT s.text FROM point_members m JOIN statements s ON s.id = m.statement_id
                 WHERE m.point_id = ?1 ORDER BY s.id LIMIT ?2",
            )
            .and_then(|mut st| {
                st.query_map(params![point, limit as i64], |r| r.get(0))?
                    .collect()
            })
            .map_err(self.sq("cannot read the talking points"))
    }

    /// Recomputes the labels of these points (those with two statements or more).
    fn relabel(&mut self, points: &BTreeSet<i64>) -> Result<()> {
        let multi: Vec<i64> = {
            let mut st = self
                .conn
                .prepare_cached("SELECT count FROM points WHERE id = ?1")
                .map_err(self.sq("cannot read the talking points"))?;
            let mut out = Vec::new();
            for &p in points {
                let n: Option<i64> = st
                    .query_row([p], |r| r.get(0))
                    .optional()
                    .map_err(self.sq("cannot read the talking points"))?;
                if n.unwrap_or(0) >= 2 {
                    out.push(p);
                }
            }
            out
        };
        if multi.is_empty() {
            return Ok(());
        }
        // The background: the largest points (each point counts once, whatever its size).
        let background_ids: Vec<i64> = self
            .conn
            .prepare_cached("SELECT id FROM points ORDER BY count DESC, id LIMIT ?1")
            .and_then(|mut st| {
                st.query_map([BACKGROUND_POINTS as i64], |r| r.get(0))?
                    .collect()
            })
            .map_err(self.sq("cannot read the talking points"))?;
        let mut df = DocFreq::new();
        for id in &background_ids {
            df.add_point(&self.point_texts(*id, 30)?);
        }
        let mut labels = Vec::with_capacity(multi.len());
        for p in multi {
            labels.push((p, label(&self.point_texts(p, LABEL_TEXTS)?, &df)));
        }
        let path = self.db_path.clone();
        let db: &std::path::Path = &path;
        let sq = |c: &'static str| move |e| StoreError::sqlite(db, c, e);
        let tx = self
            .conn
            .transaction()
            .map_err(sq("cannot label the talking points"))?;
        for (p, l) in labels {
            tx.execute("UPDATE points SET label = ?2 WHERE id = ?1", params![p, l])
                .map_err(sq("cannot label the talking points"))?;
        }
        tx.commit().map_err(sq("cannot label the talking points"))
    }

    /// The filters of `f` as bound parameters: person ids and outlet ids as JSON lists.
    fn report_filter(&self, f: &PointFilter) -> Result<ReportFilter> {
        let json = |ids: Vec<i64>| serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into());
        Ok(ReportFilter {
            persons: match &f.speaker {
                None => None,
                Some(name) => Some(json(people::find(&self.conn, &self.db_path, name)?)),
            },
            outlets: match &f.outlet {
                None => None,
                Some(name) => Some(json(self.outlet_ids(name)?)),
            },
            kind: f.kind.clone(),
            since: f
                .since
                .as_deref()
                .map(|d| filter_day(d, false))
                .transpose()?,
            until: f
                .until
                .as_deref()
                .map(|d| filter_day(d, true))
                .transpose()?,
        })
    }

    /// Talking points, most recurring first: by distinct articles (copies count once), then by
    /// statements. Each comes with its statements as reported, in time order.
    pub fn talking_points(&self, f: &PointFilter) -> Result<Vec<TalkingPoint>> {
        if self.points_model()?.is_none() {
            return Ok(Vec::new());
        }
        let rf = self.report_filter(f)?;
        let ids: Vec<i64> = self
            .conn
            .prepare_cached(
                "SELECT m.point_id, count(DISTINCT coalesce(a.copy_of, a.id)) AS n,
                        count(DISTINCT m.statement_id) AS k
                 FROM point_members m
                 JOIN reports r ON r.statement_id = m.statement_id
                 JOIN articles a ON a.id = r.article_id
                 WHERE (?1 IS NULL OR r.person_id IN (SELECT value FROM json_each(?1)))
                   AND (?2 IS NULL OR a.day >= ?2) AND (?3 IS NULL OR a.day <= ?3)
                   AND (?6 IS NULL OR a.outlet_id IN (SELECT value FROM json_each(?6)))
                   AND (?7 IS NULL OR r.kind = ?7)
                 GROUP BY m.point_id HAVING n >= ?4
                 ORDER BY n DESC, k DESC, m.point_id LIMIT ?5",
            )
            .and_then(|mut st| {
                st.query_map(
                    params![
                        rf.persons,
                        rf.since,
                        rf.until,
                        f.min_articles,
                        f.limit.max(1) as i64,
                        rf.outlets,
                        rf.kind
                    ],
                    |r| r.get(0),
                )?
                .collect()
            })
            .map_err(self.sq("cannot list the talking points"))?;
        ids.into_iter().map(|id| self.point_with(id, &rf)).collect()
    }

    /// One talking point with all its statements and its timeline.
    pub fn talking_point(&self, id: i64) -> Result<TalkingPointView> {
        let exists = self.points_model()?.is_some()
            && self
                .conn
                .query_row("SELECT 1 FROM points WHERE id = ?1", [id], |_| Ok(()))
                .optional()
                .map_err(self.sq("cannot read the talking points"))?
                .is_some();
        if !exists {
            return Err(StoreError::NotFound(format!(
                "no talking point #{id} (list them with `dictum talking-points`)"
            )));
        }
        let point = self.point_with(id, &ReportFilter::default())?;
        let mut month: BTreeMap<String, i64> = BTreeMap::new();
        let mut outlet: HashMap<String, i64> = HashMap::new();
        let mut speaker: HashMap<String, i64> = HashMap::new();
        for s in &point.statements {
            let m = s
                .published
                .as_deref()
                .and_then(|p| p.get(..7))
                .unwrap_or("undated");
            *month.entry(m.to_string()).or_default() += 1;
            *outlet
                .entry(s.outlet.clone().unwrap_or_else(|| "(unknown)".into()))
                .or_default() += 1;
            *speaker
                .entry(s.speaker.clone().unwrap_or_else(|| "(unknown)".into()))
                .or_default() += 1;
        }
        let ranked = |m: HashMap<String, i64>| {
            let mut v: Vec<Count> = m
                .into_iter()
                .map(|(key, count)| Count { key, count })
                .collect();
            v.sort_by(|a, b| b.count.cmp(&a.count).then(a.key.cmp(&b.key)));
            v
        };
        Ok(TalkingPointView {
            point,
            by_month: month
                .into_iter()
                .map(|(key, count)| Count { key, count })
                .collect(),
            by_outlet: ranked(outlet),
            by_speaker: ranked(speaker),
        })
    }

    fn point_with(&self, id: i64, rf: &ReportFilter) -> Result<TalkingPoint> {
        let (stored_label,): (String,) = self
            .conn
            .query_row("SELECT label FROM points WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?,))
            })
            .map_err(self.sq("cannot read the talking points"))?;
        let rows: Vec<(PointStatement, Option<i64>, i64)> = self
            .conn
            .prepare_cached(
                "SELECT r.statement_id, a.doc, p.name, r.text, a.published, o.name, a.day,
                        coalesce(a.copy_of, a.id)
                 FROM point_members m
                 JOIN reports r ON r.statement_id = m.statement_id
                 JOIN articles a ON a.id = r.article_id
                 LEFT JOIN outlets o ON o.id = a.outlet_id
                 LEFT JOIN persons p ON p.id = r.person_id
                 WHERE m.point_id = ?1
                   AND (?2 IS NULL OR r.person_id IN (SELECT value FROM json_each(?2)))
                   AND (?3 IS NULL OR a.day >= ?3) AND (?4 IS NULL OR a.day <= ?4)
                   AND (?5 IS NULL OR a.outlet_id IN (SELECT value FROM json_each(?5)))
                   AND (?6 IS NULL OR r.kind = ?6)
                 ORDER BY a.day IS NULL, a.day, a.id, r.id",
            )
            .and_then(|mut st| {
                st.query_map(
                    params![id, rf.persons, rf.since, rf.until, rf.outlets, rf.kind],
                    |r| {
                        Ok((
                            PointStatement {
                                id: r.get(0)?,
                                doc: r.get(1)?,
                                speaker: r.get(2)?,
                                text: r.get(3)?,
                                published: r.get(4)?,
                                outlet: r.get(5)?,
                            },
                            r.get(6)?,
                            r.get(7)?,
                        ))
                    },
                )?
                .collect()
            })
            .map_err(self.sq("cannot read the talking points"))?;
        let days: Vec<i64> = rows.iter().filter_map(|r| r.1).collect();
        let articles: HashSet<i64> = rows.iter().map(|r| r.2).collect();
        let label = if stored_label.is_empty() {
            rows.first()
                .map(|r| shorten(&r.0.text, 60))
                .unwrap_or_default()
        } else {
            stored_label
        };
        Ok(TalkingPoint {
            id,
            label,
            articles: articles.len() as i64,
            first_seen: days.iter().min().map(|&d| day_to_date(d)),
            last_seen: days.iter().max().map(|&d| day_to_date(d)),
            statements: rows.into_iter().map(|r| r.0).collect(),
        })
    }

    /// The text of a stored statement.
    pub fn statement_text(&self, id: i64) -> Result<String> {
        self.conn
            .query_row("SELECT text FROM statements WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(self.sq("cannot read a statement"))?
            .ok_or_else(|| StoreError::NotFound(format!("no statement #{id}")))
    }

    /// The statements nearest in meaning to `text` (leaving out statement `exclude`): the
    /// points whose centroids are nearest, then their statements ranked by their own vectors.
    pub fn similar(
        &self,
        model: &dyn PointModel,
        text: &str,
        exclude: Option<i64>,
        limit: usize,
    ) -> Result<Vec<Similar>> {
        let Some((stored, space)) = self.space()? else {
            return Err(StoreError::NotFound(
                "this database has no talking points yet: `dictum ingest` groups statements".into(),
            ));
        };
        if stored != model.name() {
            return Err(StoreError::Invalid(format!(
                "this database was grouped with the {stored} model, not {}: use --model {stored}",
                model.name()
            )));
        }
        let q = model.embed(&[text]).map_err(model_error)?;
        let q = space.project(q.first().map(Vec::as_slice).unwrap_or(&[]));
        let mut near: Vec<(f32, i64)> = Vec::new();
        {
            let mut st = self
                .conn
                .prepare_cached("SELECT id, centroid FROM points")
                .map_err(self.sq("cannot read the talking points"))?;
            let rows = st
                .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))
                .map_err(self.sq("cannot read the talking points"))?;
            for row in rows {
                let (id, c) = row.map_err(self.sq("cannot read the talking points"))?;
                near.push((dictum_link::points::cosine(&q, &dequantise(&c)), id));
            }
        }
        near.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let limit = limit.max(1);
        let mut candidates: Vec<(i64, i64, String)> = Vec::new();
        for (_, point) in near.iter().take(8 + limit) {
            let rows: Vec<(i64, String)> = self
                .conn
                .prepare_cached(
                    "SELECT s.id, s.text FROM point_members m JOIN statements s
                     ON s.id = m.statement_id WHERE m.point_id = ?1 ORDER BY s.id LIMIT 500",
                )
                .and_then(|mut st| {
                    st.query_map([point], |r| Ok((r.get(0)?, r.get(1)?)))?
                        .collect()
                })
                .map_err(self.sq("cannot read the talking points"))?;
            candidates.extend(
                rows.into_iter()
                    .filter(|(id, _)| Some(*id) != exclude)
                    .map(|(id, t)| (id, *point, t)),
            );
        }
        let texts: Vec<&str> = candidates.iter().map(|c| c.2.as_str()).collect();
        let vectors = model.embed(&texts).map_err(model_error)?;
        let mut scored: Vec<(f32, usize)> = vectors
            .iter()
            .enumerate()
            .map(|(i, v)| (dictum_link::points::cosine(&q, &space.project(v)), i))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut out = Vec::new();
        for (s, i) in scored.into_iter().take(limit) {
            let (id, point, text) = &candidates[i];
            let first: Option<FirstReport> = self
                .conn
                .prepare_cached(
                    "SELECT a.doc, o.name, a.published, p.name
                     FROM reports r JOIN articles a ON a.id = r.article_id
                     LEFT JOIN outlets o ON o.id = a.outlet_id
                     LEFT JOIN persons p ON p.id = r.person_id
                     WHERE r.statement_id = ?1 ORDER BY a.day IS NULL, a.day, a.id LIMIT 1",
                )
                .and_then(|mut st| {
                    st.query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
                        .optional()
                })
                .map_err(self.sq("cannot read a statement"))?;
            let (doc, outlet, published, speaker) = match first {
                Some((d, o, p, sp)) => (Some(d), o, p, sp),
                None => (None, None, None, None),
            };
            out.push(Similar {
                id: *id,
                similarity: s,
                point: Some(*point),
                speaker,
                text: text.clone(),
                doc,
                outlet,
                published,
            });
        }
        Ok(out)
    }
}

/// A talking-point filter as bound parameters.
#[derive(Debug, Default)]
struct ReportFilter {
    persons: Option<String>,
    outlets: Option<String>,
    kind: Option<String>,
    since: Option<i64>,
    until: Option<i64>,
}

/// Where a statement was first reported: doc, outlet, published, speaker.
type FirstReport = (String, Option<String>, Option<String>, Option<String>);

/// The first `max` characters of a text, cut at a word, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    let t = text.trim();
    if t.chars().count() <= max {
        return t.to_string();
    }
    let cut: String = t.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortens_at_a_word() {
        assert_eq!(shorten("short text", 60), "short text");
        assert_eq!(shorten("one two three four", 9), "one two…");
    }

    #[test]
    fn reference_sentences_are_many_and_not_comments() {
        let r = reference_sentences();
        assert!(r.len() >= 100, "{}", r.len());
        assert!(r.iter().all(|l| !l.starts_with('#')));
    }
}
