//! Articles in a Parquet file (`.parquet`): one article per row, the columns named as the
//! [JSON Lines](crate::jsonl) fields.
//!
//! | column | type | meaning |
//! | --- | --- | --- |
//! | `text` | string | the article as plain text |
//! | `html` | string | the article as an HTML page (used when `text` is null or missing) |
//! | `id`, else `doc` | string or integer | the document's name (default: `<file stem>:<row>`) |
//! | `url`, `title`, `published`, `outlet`, `author`, `language` | string | metadata, as given |
//! | `statements` | any | its presence marks dictum's own articles table (below) |
//!
//! Other columns are ignored. A table with a `statements` column is the articles table of the
//! Spark job (`deploy/spark/`): its `text` is the clean text dictum extracted from, so it is
//! taken as it is ([`RawDoc::clean`](crate::RawDoc::clean)), with `place` and
//! `published_from` kept in `extra`; extraction then gives the statements of the job's
//! statements table. A table with a `kind` column is a statements table, not articles, and is
//! refused as a whole with a message saying so.
//!
//! Parquet is read from a file (its index is at the end), never from standard input. Strings
//! must be UTF-8. A row without a body, with a value of the wrong type or over the size
//! limit gives an error naming the file and row, and the rows after it are still read; a
//! file that is not Parquet, or whose pages cannot be decoded, ends with an error.

use std::fs::File;
use std::path::Path;

use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::reader::RowIter;
use parquet::record::{Field, Row};
use parquet::schema::types::Type;

use crate::error::{ErrorKind, ReadError};
use crate::{Body, Item, Options, RawDoc};

/// Columns read; everything else is left on disk.
const COLUMNS: &[&str] = &[
    "id",
    "doc",
    "text",
    "html",
    "url",
    "title",
    "published",
    "outlet",
    "author",
    "language",
    "place",
    "published_from",
];

/// Reads the articles of a Parquet file, lazily, row by row.
pub(crate) fn read(
    path: &Path,
    stem: &str,
    opts: &Options,
) -> Box<dyn Iterator<Item = Item> + Send> {
    let file = path.display().to_string();
    match open(path, &file) {
        Ok((rows, clean)) => Box::new(Rows {
            rows: Some(rows),
            file,
            stem: stem.to_string(),
            clean,
            max_bytes: opts.max_bytes,
            row: 0,
        }),
        Err(e) => Box::new(std::iter::once(Item::Error(e))),
    }
}

fn open(path: &Path, file: &str) -> Result<(RowIter<'static>, bool), ReadError> {
    let err = |kind| ReadError::file(file, kind);
    let f = File::open(path).map_err(|e| err(ErrorKind::Io(e)))?;
    let reader = SerializedFileReader::new(f).map_err(|e| {
        err(ErrorKind::Parquet(format!(
            "not a readable Parquet file: {e}"
        )))
    })?;
    let root = reader
        .metadata()
        .file_metadata()
        .schema_descr()
        .root_schema_ptr();
    let fields = root.get_fields();
    let has = |name: &str| fields.iter().any(|f| f.name() == name);
    if has("kind") {
        return Err(err(ErrorKind::Parquet(
            "a statements table (it has a \"kind\" column), not articles: ingest the articles \
             table beside it"
                .into(),
        )));
    }
    if !has("text") && !has("html") {
        return Err(err(ErrorKind::NoBody));
    }
    let clean = has("statements");
    let keep: Vec<_> = fields
        .iter()
        .filter(|f| COLUMNS.contains(&f.name()) && f.is_primitive())
        .cloned()
        .collect();
    let projection = Type::group_type_builder(root.name())
        .with_fields(keep)
        .build()
        .map_err(|e| err(ErrorKind::Parquet(e.to_string())))?;
    let rows = RowIter::from_file_into(Box::new(reader))
        .project(Some(projection))
        .map_err(|e| err(ErrorKind::Parquet(e.to_string())))?;
    Ok((rows, clean))
}

struct Rows {
    /// `None` once the file cannot be read any further.
    rows: Option<RowIter<'static>>,
    file: String,
    stem: String,
    clean: bool,
    max_bytes: u64,
    row: u64,
}

impl Iterator for Rows {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        let next = self.rows.as_mut()?.next()?;
        self.row += 1;
        let error = |kind| Item::Error(ReadError::row(&self.file, self.row, kind));
        match next {
            Err(e) => {
                // a page that cannot be decoded: the rest of the file is lost
                self.rows = None;
                Some(error(ErrorKind::Parquet(e.to_string())))
            }
            Ok(row) => Some(match self.doc(row) {
                Ok(d) => Item::Doc(d),
                Err(kind) => error(kind),
            }),
        }
    }
}

impl Rows {
    fn doc(&self, row: Row) -> Result<RawDoc, ErrorKind> {
        let mut id = None;
        let mut name = None;
        let (mut text, mut html) = (None, None);
        let mut d = RawDoc::new(
            String::new(),
            format!("{}#row {}", self.file, self.row),
            Body::Text(String::new()),
        );
        for (column, value) in row.into_columns() {
            let column = COLUMNS
                .iter()
                .find(|c| **c == column)
                .copied()
                .unwrap_or("?");
            if column == "id" {
                id = match value {
                    Field::Int(n) => Some(n.to_string()),
                    Field::Long(n) => Some(n.to_string()),
                    v => string(column, v)?,
                };
                continue;
            }
            let s = string(column, value)?;
            if s.as_ref().is_some_and(|s| s.len() as u64 > self.max_bytes) {
                return Err(ErrorKind::TooLarge {
                    size: s.map(|s| s.len() as u64),
                    limit: self.max_bytes,
                });
            }
            match column {
                "doc" => name = s,
                "text" => text = s,
                "html" => html = s,
                "url" => d.url = s,
                "title" => d.title = s,
                "published" => d.published = s,
                "outlet" => d.outlet = s,
                "author" => d.author = s,
                "language" => d.language = s,
                other => {
                    if let Some(s) = s {
                        d.extra
                            .insert(other.to_string(), serde_json::Value::String(s));
                    }
                }
            }
        }
        d.body = match (text, html) {
            (Some(t), _) => Body::Text(t),
            (None, Some(h)) if !self.clean => Body::Html(h),
            _ => return Err(ErrorKind::NoBody),
        };
        d.doc = id
            .or(name)
            .unwrap_or_else(|| format!("{}:{}", self.stem, self.row));
        d.clean = self.clean;
        Ok(d)
    }
}

/// A string column's value: null is `None`; UTF-8 bytes are accepted as a string.
fn string(column: &'static str, v: Field) -> Result<Option<String>, ErrorKind> {
    match v {
        Field::Null => Ok(None),
        Field::Str(s) => Ok(Some(s)),
        Field::Bytes(b) => match String::from_utf8(b.data().to_vec()) {
            Ok(s) => Ok(Some(s)),
            Err(_) => Err(ErrorKind::FieldType {
                field: column,
                expected: "a UTF-8 string",
                found: "bytes",
            }),
        },
        other => Err(ErrorKind::FieldType {
            field: column,
            expected: "a string",
            found: field_type(&other),
        }),
    }
}

fn field_type(f: &Field) -> &'static str {
    match f {
        Field::Bool(_) => "a boolean",
        Field::Byte(_) | Field::Short(_) | Field::Int(_) | Field::Long(_) => "an integer",
        Field::UByte(_) | Field::UShort(_) | Field::UInt(_) | Field::ULong(_) => "an integer",
        Field::Float16(_) | Field::Float(_) | Field::Double(_) | Field::Decimal(_) => "a number",
        Field::Group(_) => "a group",
        Field::ListInternal(_) => "a list",
        Field::MapInternal(_) => "a map",
        _ => "a date or time",
    }
}
