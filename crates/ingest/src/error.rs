//! Errors that name the file and the place: a line of a JSON Lines file, a record of a WARC
//! file (with its byte offset), or the byte/line/column of bad UTF-8.

use std::fmt;
use std::io;

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The file as a whole (a text or HTML document, a directory, standard input).
    File,
    /// A line of a JSON Lines file (1-based).
    Line(u64),
    /// A WARC record: its number in the file (1-based, counting every record type) and the
    /// byte offset of its header in the (decompressed) stream.
    Record { number: u64, offset: u64 },
    /// A row of a Parquet file (1-based, over all its row groups).
    Row(u64),
}

/// A failure to read one document (or a whole file). It never stops the other documents of
/// the stream unless the file itself cannot be read any further (an I/O error, truncated
/// compressed data), in which case it is the last item of that file.
///
/// Shown as `<origin>: <what went wrong>`, the origin being the file, `file:line 7`,
/// `file#record 12 at byte 3456` or `file#row 5`.
#[derive(Debug)]
pub struct ReadError {
    /// The file as given (`<stdin>` for standard input).
    pub file: String,
    /// Where in the file.
    pub place: Place,
    /// What went wrong.
    pub kind: ErrorKind,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin(), self.kind)
    }
}

impl std::error::Error for ReadError {}

impl ReadError {
    pub fn new(file: &str, place: Place, kind: ErrorKind) -> ReadError {
        ReadError {
            file: file.to_string(),
            place,
            kind,
        }
    }

    /// The file and the place: `file`, `file:line 7` or `file#record 12 at byte 3456`.
    pub fn origin(&self) -> String {
        let file = &self.file;
        match &self.place {
            Place::File => file.to_string(),
            Place::Line(n) => format!("{file}:line {n}"),
            Place::Record { number, offset } => format!("{file}#record {number} at byte {offset}"),
            Place::Row(n) => format!("{file}#row {n}"),
        }
    }

    /// A problem with the file as a whole.
    pub fn file(file: &str, kind: ErrorKind) -> ReadError {
        ReadError::new(file, Place::File, kind)
    }

    pub fn line(file: &str, line: u64, kind: ErrorKind) -> ReadError {
        ReadError::new(file, Place::Line(line), kind)
    }

    pub fn row(file: &str, row: u64, kind: ErrorKind) -> ReadError {
        ReadError::new(file, Place::Row(row), kind)
    }

    pub fn record(file: &str, number: u64, offset: u64, kind: ErrorKind) -> ReadError {
        ReadError::new(file, Place::Record { number, offset }, kind)
    }
}

/// What went wrong, without the place.
#[derive(Debug, thiserror::Error)]
pub enum ErrorKind {
    /// The file could not be opened or read (including corrupt or truncated compressed data).
    #[error("cannot read: {0}")]
    Io(io::Error),
    #[error("cannot list directory: {0}")]
    CannotList(io::Error),
    /// A document over the size limit. `size` is `None` when it was not read to the end.
    #[error("{}", too_large(*.size, *.limit))]
    TooLarge { size: Option<u64>, limit: u64 },
    #[error("binary data (a NUL byte at byte {byte}), not a text article")]
    Binary { byte: u64 },
    /// Bytes that are not UTF-8 where UTF-8 is required; `byte` counts from the start of the
    /// file (or stream), `line` and `column` (in bytes) from 1.
    #[error(
        "invalid UTF-8 at byte {byte} (line {line}, column {column}); convert the file to UTF-8 first"
    )]
    InvalidUtf8 { byte: u64, line: u64, column: u64 },
    /// A JSON Lines line that is not a JSON object.
    #[error("invalid JSON: {0}")]
    Json(String),
    /// A known JSON Lines field with a value of the wrong type.
    #[error("field \"{field}\" must be {expected}, not {found}")]
    FieldType {
        field: &'static str,
        expected: &'static str,
        found: &'static str,
    },
    #[error("the article has neither a \"text\" nor an \"html\" field")]
    NoBody,
    /// A WARC record that cannot be read as one (bad header, lying Content-Length, truncation).
    #[error("{0}")]
    Warc(String),
    /// A Parquet file that cannot be read as a table of articles.
    #[error("Parquet: {0}")]
    Parquet(String),
    /// The HTTP response inside a WARC record cannot be read.
    #[error("HTTP payload: {0}")]
    Http(String),
}

fn too_large(size: Option<u64>, limit: u64) -> String {
    match size {
        Some(s) => format!(
            "{} is too large for one article (limit {}; raise it with --max-bytes)",
            human(s),
            human(limit)
        ),
        None => format!(
            "too large for one article: more than the limit of {} (raise it with --max-bytes)",
            human(limit)
        ),
    }
}

/// `52.4 MB`, or `1000 bytes` under a megabyte.
fn human(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else {
        format!("{bytes} bytes")
    }
}

impl From<io::Error> for ErrorKind {
    fn from(e: io::Error) -> ErrorKind {
        ErrorKind::Io(e)
    }
}

/// Short name of a JSON value's type, for messages.
pub(crate) fn json_type(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// Shows at most `max` bytes of `bytes` as escaped text, for messages about unexpected data.
pub(crate) struct Snippet<'a>(pub &'a [u8]);

impl fmt::Display for Snippet<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MAX: usize = 40;
        let b = &self.0[..self.0.len().min(MAX)];
        write!(f, "\"{}", b.escape_ascii())?;
        if self.0.len() > MAX {
            write!(f, "...")?;
        }
        write!(f, "\"")
    }
}
