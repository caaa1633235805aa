//! The full-text index (tantivy), derived from SQLite and kept in step by the index queue.
//!
//! Every change to a report is written to `index_queue` in the same SQLite transaction as the
//! report itself. [`FullText::apply`] replays queued changes into the index, and each index
//! commit records the last sequence number it holds as its payload. After a crash, the queue
//! entries past that number are replayed, so the index never misses or doubles a report.

use std::ops::Bound;
use std::path::{Path, PathBuf};

use tantivy::collector::TopDocs;
use tantivy::directory::MmapDirectory;
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, FAST, INDEXED, STORED, STRING, TEXT};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::error::{Result, StoreError};

/// Memory the index writer may use before it flushes a segment.
const WRITER_MEMORY: usize = 64 * 1024 * 1024;

#[derive(Clone, Copy)]
struct Fields {
    statement: Field,
    text: Field,
    person: Field,
    outlet: Field,
    day: Field,
    kind: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let f = Fields {
        statement: b.add_u64_field("statement", INDEXED | STORED | FAST),
        text: b.add_text_field("text", TEXT),
        person: b.add_u64_field("person", INDEXED),
        outlet: b.add_u64_field("outlet", INDEXED),
        day: b.add_i64_field("day", INDEXED | FAST),
        kind: b.add_text_field("kind", STRING),
    };
    (b.build(), f)
}

/// One statement as the index sees it: its text and speaker, and the outlets and days of
/// all its reports (a filter matches when any report does).
pub(crate) struct IndexDoc {
    pub statement: u64,
    pub text: String,
    pub person: Option<u64>,
    pub outlets: Vec<u64>,
    pub days: Vec<i64>,
    pub kind: String,
}

/// The filters of a search, already resolved to ids.
#[derive(Default)]
pub(crate) struct Filter {
    /// Any of these speakers (`None`: any speaker).
    pub persons: Option<Vec<u64>>,
    pub outlets: Option<Vec<u64>>,
    pub since: Option<i64>,
    pub until: Option<i64>,
    pub kind: Option<String>,
}

pub(crate) struct FullText {
    index: Index,
    f: Fields,
    reader: IndexReader,
    writer: Option<IndexWriter<TantivyDocument>>,
    dir: PathBuf,
    /// No statement above this id is in the index, committed or not: a new statement needs
    /// no delete (each delete is looked up in every segment at the next commit).
    max_statement: u64,
}

impl FullText {
    /// Opens (or creates) the index in `dir`; with `write`, takes the writer lock.
    pub fn open(dir: &Path, write: bool) -> Result<FullText> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Open {
            path: dir.to_path_buf(),
            source,
        })?;
        let (schema, f) = schema();
        let mdir = MmapDirectory::open(dir).map_err(|e| StoreError::Corrupt {
            path: dir.to_path_buf(),
            detail: e.to_string(),
        })?;
        let index =
            Index::open_or_create(mdir, schema.clone()).map_err(|e| StoreError::Corrupt {
                path: dir.to_path_buf(),
                detail: e.to_string(),
            })?;
        if index.schema() != schema {
            return Err(StoreError::Corrupt {
                path: dir.to_path_buf(),
                detail: "the full-text index has another schema".into(),
            });
        }
        let writer = if write {
            Some(
                index
                    .writer_with_num_threads(1, WRITER_MEMORY)
                    .map_err(|e| StoreError::index(dir, "cannot open the index for writing", e))?,
            )
        } else {
            None
        };
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| StoreError::index(dir, "cannot read the index", e))?;
        let mut max_statement = 0;
        for seg in reader.searcher().segment_readers() {
            let col = seg
                .fast_fields()
                .u64("statement")
                .map_err(|e| StoreError::index(dir, "cannot read the index", e))?;
            max_statement = max_statement.max(col.max_value());
        }
        Ok(FullText {
            index,
            f,
            reader,
            writer,
            dir: dir.to_path_buf(),
            max_statement,
        })
    }

    /// The last index-queue sequence number the committed index holds; `None` for an index
    /// that was never committed.
    pub fn committed_seq(&self) -> Result<Option<i64>> {
        let metas = self
            .index
            .load_metas()
            .map_err(|e| StoreError::index(&self.dir, "cannot read the index's metadata", e))?;
        Ok(metas.payload.and_then(|p| p.trim().parse().ok()))
    }

    pub fn can_write(&self) -> bool {
        self.writer.is_some()
    }

    fn writer(&mut self) -> Result<&mut IndexWriter<TantivyDocument>> {
        let dir = self.dir.clone();
        self.writer
            .as_mut()
            .ok_or_else(|| StoreError::Locked { path: dir })
    }

    /// Removes a statement from the index (no-op when it is not there).
    pub fn delete(&mut self, statement: u64) -> Result<()> {
        if statement > self.max_statement {
            return Ok(());
        }
        let f = self.f;
        self.writer()?
            .delete_term(Term::from_field_u64(f.statement, statement));
        Ok(())
    }

    /// Adds a statement.
    pub fn add(&mut self, d: IndexDoc) -> Result<()> {
        let f = self.f;
        self.max_statement = self.max_statement.max(d.statement);
        let mut doc = TantivyDocument::default();
        doc.add_u64(f.statement, d.statement);
        doc.add_text(f.text, &d.text);
        if let Some(p) = d.person {
            doc.add_u64(f.person, p);
        }
        for &o in &d.outlets {
            doc.add_u64(f.outlet, o);
        }
        for &day in &d.days {
            doc.add_i64(f.day, day);
        }
        doc.add_text(f.kind, &d.kind);
        let dir = self.dir.clone();
        self.writer()?
            .add_document(doc)
            .map_err(|e| StoreError::index(&dir, "cannot add to the index", e))?;
        Ok(())
    }

    /// Commits what was added and deleted, recording `seq` as the last queue entry it holds.
    pub fn commit(&mut self, seq: i64) -> Result<()> {
        let dir = self.dir.clone();
        let w = self.writer()?;
        let mut prepared = w
            .prepare_commit()
            .map_err(|e| StoreError::index(&dir, "cannot commit the index", e))?;
        prepared.set_payload(&seq.to_string());
        prepared
            .commit()
            .map_err(|e| StoreError::index(&dir, "cannot commit the index", e))?;
        self.reader
            .reload()
            .map_err(|e| StoreError::index(&dir, "cannot reload the index", e))?;
        Ok(())
    }

    /// Sees the latest commit (made by this process's writer or another's).
    pub fn reload(&self) -> Result<()> {
        self.reader
            .reload()
            .map_err(|e| StoreError::index(&self.dir, "cannot reload the index", e))
    }

    /// Waits for background merges to finish and releases the writer.
    pub fn close(&mut self) -> Result<()> {
        if let Some(w) = self.writer.take() {
            w.wait_merging_threads()
                .map_err(|e| StoreError::index(&self.dir, "cannot finish index merges", e))?;
        }
        Ok(())
    }

    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// The best-scoring statements for `query` under `filter`: (score, statement).
    /// The `limit` best from the `offset`-th on.
    pub fn search(
        &self,
        query: &str,
        filter: &Filter,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<(f32, u64)>> {
        let f = self.f;
        let mut parser = QueryParser::for_index(&self.index, vec![f.text]);
        parser.set_conjunction_by_default();
        let (text_query, errors) = parser.parse_query_lenient(query);
        if let Some(e) = errors.first() {
            if query.split_whitespace().next().is_none() {
                return Err(StoreError::Query {
                    query: query.to_string(),
                    detail: e.to_string(),
                });
            }
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text_query)];
        let any_of = |field: Field, ids: &[u64]| -> Box<dyn Query> {
            Box::new(BooleanQuery::new(
                ids.iter()
                    .map(|&id| {
                        let q: Box<dyn Query> = Box::new(TermQuery::new(
                            Term::from_field_u64(field, id),
                            IndexRecordOption::Basic,
                        ));
                        (Occur::Should, q)
                    })
                    .collect(),
            ))
        };
        if let Some(p) = &filter.persons {
            clauses.push((Occur::Must, any_of(f.person, p)));
        }
        if let Some(o) = &filter.outlets {
            clauses.push((Occur::Must, any_of(f.outlet, o)));
        }
        if let Some(k) = &filter.kind {
            clauses.push((
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.kind, k),
                    IndexRecordOption::Basic,
                )),
            ));
        }
        if filter.since.is_some() || filter.until.is_some() {
            let lo = filter.since.map_or(Bound::Unbounded, |d| {
                Bound::Included(Term::from_field_i64(f.day, d))
            });
            let hi = filter.until.map_or(Bound::Unbounded, |d| {
                Bound::Included(Term::from_field_i64(f.day, d))
            });
            clauses.push((Occur::Must, Box::new(RangeQuery::new(lo, hi))));
        }
        let q = BooleanQuery::new(clauses);
        let searcher = self.reader.searcher();
        let top = searcher
            .search(
                &q,
                &TopDocs::with_limit(limit.max(1))
                    .and_offset(offset)
                    .order_by_score(),
            )
            .map_err(|e| StoreError::index(&self.dir, "search failed", e))?;
        let mut out = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let seg = searcher.segment_reader(addr.segment_ord);
            let ff = seg.fast_fields();
            let col = |name: &str| {
                ff.u64(name)
                    .map_err(|e| StoreError::index(&self.dir, "cannot read the index", e))
            };
            if let Some(s) = col("statement")?.first(addr.doc_id) {
                out.push((score, s));
            }
        }
        Ok(out)
    }

    /// Words of a query as the index's analyser sees them (for highlighting).
    pub fn query_words(&self, query: &str) -> Vec<String> {
        let mut analyzer = match self.index.tokenizer_for_field(self.f.text) {
            Ok(a) => a,
            Err(_) => return Vec::new(),
        };
        let mut words = Vec::new();
        let mut stream = analyzer.token_stream(query);
        while stream.advance() {
            let t = &stream.token().text;
            if !matches!(t.as_str(), "and" | "or" | "not") {
                words.push(t.clone());
            }
        }
        words
    }
}
