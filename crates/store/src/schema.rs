//! The SQLite schema. SQLite is the source of truth; the full-text index is derived from it.
//!
//! Ids use `AUTOINCREMENT` so that an id, once shown to a user, never names anything else.

/// Bumped whenever the schema changes; stored in `PRAGMA user_version`.
pub const VERSION: i64 = 1;

pub const DDL: &str = r#"
CREATE TABLE IF NOT EXISTS outlets (
    id   INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    key  TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS articles (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    doc          TEXT NOT NULL,
    origin       TEXT NOT NULL,
    url          TEXT,
    text_hash    INTEGER NOT NULL,
    title        TEXT,
    outlet_id    INTEGER,
    published    TEXT,
    day          INTEGER,
    place        TEXT,
    author       TEXT,
    language     TEXT,
    copy_of      INTEGER,
    n_statements INTEGER NOT NULL,
    text         TEXT NOT NULL
);
-- MinHash signatures, read for every copy candidate: a narrow table of their own, so that the
-- lookups stay in the page cache instead of reading article rows.
CREATE TABLE IF NOT EXISTS signatures (
    article_id INTEGER PRIMARY KEY,
    sig        BLOB NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX IF NOT EXISTS articles_hash ON articles(text_hash);
CREATE INDEX IF NOT EXISTS articles_origin ON articles(origin);
CREATE INDEX IF NOT EXISTS articles_copy ON articles(copy_of) WHERE copy_of IS NOT NULL;
CREATE TABLE IF NOT EXISTS article_bands (
    band       INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (band, article_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS persons (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL,
    surname TEXT
);
CREATE INDEX IF NOT EXISTS persons_surname ON persons(surname) WHERE surname IS NOT NULL;
-- Every spelling of a person's name (Sergey and Sergei Lavrov), with its folded key.
CREATE TABLE IF NOT EXISTS aliases (
    person_id INTEGER NOT NULL,
    name      TEXT NOT NULL,
    key       TEXT NOT NULL,
    user      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (person_id, name)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS aliases_key ON aliases(key);
CREATE TABLE IF NOT EXISTS roles (
    person_id INTEGER NOT NULL,
    key       TEXT NOT NULL,
    role      TEXT NOT NULL,
    PRIMARY KEY (person_id, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS statements (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id INTEGER,
    kind      TEXT NOT NULL,
    text      TEXT NOT NULL,
    fps       BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS statements_person ON statements(person_id);
CREATE TABLE IF NOT EXISTS fingerprints (
    hash         INTEGER NOT NULL,
    statement_id INTEGER NOT NULL,
    PRIMARY KEY (hash, statement_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS reports (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    statement_id   INTEGER NOT NULL,
    article_id     INTEGER NOT NULL,
    person_id      INTEGER,
    kind           TEXT NOT NULL,
    text           TEXT NOT NULL,
    content        TEXT NOT NULL,
    cue            TEXT,
    cue_start      INTEGER,
    cue_end        INTEGER,
    source         TEXT,
    source_start   INTEGER,
    source_end     INTEGER,
    speaker        TEXT,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL
);
-- A statement's and a person's reports with their articles, read without the report rows
-- (READ_INDEXES below adds them to databases created before them).
CREATE INDEX IF NOT EXISTS reports_statement_article ON reports(statement_id, article_id);
CREATE INDEX IF NOT EXISTS reports_article ON reports(article_id);
CREATE INDEX IF NOT EXISTS reports_person_article ON reports(person_id, article_id, statement_id);
-- Changes the full-text index has not yet committed: written in the same transaction as the
-- rows they describe, replayed into the index after a crash, emptied after each index commit.
CREATE TABLE IF NOT EXISTS index_queue (
    seq    INTEGER PRIMARY KEY AUTOINCREMENT,
    target INTEGER NOT NULL,
    op     INTEGER NOT NULL
);
"#;

/// Indexes for reading, created if missing each time a database is opened for writing (they
/// came after schema version 1, so an older database gains them at its next write, about 10 s
/// for 2.3 million reports; one without them answers the same queries, slower). They replace
/// version 1's `reports(statement_id)` and `reports(person_id)`, of which they are extensions,
/// so a report still updates three indexes. `reports_statement_article` lets a search hit order
/// a statement's reports without reading their rows; `reports_person_article` does the same
/// for a person's counts, timeline and statements; `articles_day` gives articles' days and
/// outlets from a narrow index (`articles` rows hold the whole text).
pub const READ_INDEXES: &str = r#"
CREATE INDEX IF NOT EXISTS reports_statement_article ON reports(statement_id, article_id);
CREATE INDEX IF NOT EXISTS reports_person_article ON reports(person_id, article_id, statement_id);
CREATE INDEX IF NOT EXISTS articles_day ON articles(id, day, outlet_id);
DROP INDEX IF EXISTS reports_statement;
DROP INDEX IF EXISTS reports_person;
"#;

/// `index_queue.op`: a statement whose document must be rebuilt or removed: a report of it
/// came or went, or its speaker changed (`target` is the statement).
pub const OP_STATEMENT: i64 = 1;
/// `index_queue.op`: a new article: every statement it reports (`target` is the article).
pub const OP_ARTICLE: i64 = 3;

/// The talking-point tables (crates/store/src/points.rs), created by the first grouping. A
/// database without them simply has no talking points yet.
pub const POINTS_DDL: &str = r#"
CREATE TABLE IF NOT EXISTS point_space (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    model     TEXT NOT NULL,
    threshold REAL NOT NULL,
    space     BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS points (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    count    INTEGER NOT NULL,
    centroid BLOB NOT NULL,
    label    TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS point_members (
    statement_id INTEGER PRIMARY KEY,
    point_id     INTEGER NOT NULL,
    similarity   REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS point_members_point ON point_members(point_id);
"#;
