//! Readers: files, directories, standard input and archives turned into raw documents,
//! streaming.
//!
//! A reader yields [`Item`]s: a [`RawDoc`] (the document's bytes decoded to UTF-8, as text or
//! HTML, with whatever metadata the container gave) or a [`ReadError`] that names the file and
//! the place (a line, a WARC record and its byte offset, the byte of bad UTF-8). A bad record
//! never stops the stream; only a file that cannot be read any further (an I/O error, truncated
//! compressed data) ends its own stream, with an error as its last item.
//!
//! | format | files | one document is |
//! | --- | --- | --- |
//! | [`Format::Text`] | `*.txt` | the file, UTF-8 ([`decode_text`]) |
//! | [`Format::Html`] | `*.html`, `*.htm` (`.gz`) | the file, any charset ([`decode_html`]) |
//! | [`Format::Jsonl`] | `*.jsonl`, `*.ndjson` (`.gz`, `.zst`) | a line (see [`jsonl`]) |
//! | [`Format::Warc`] | `*.warc` (`.gz`) | an HTML `response` record (see [`warc`]) |
//! | [`Format::Parquet`] | `*.parquet` | a row (see [`parquet`]; files only, not stdin) |
//!
//! Compression (gzip, zstd) is recognised by its magic bytes, whatever the name says. Without
//! a format, it is taken from the file name, else sniffed from the first bytes (`WARC/` → WARC,
//! `{` → JSON Lines, `<` → HTML, `PAR1` → Parquet, else text). Memory stays flat: one document (at most
//! [`Options::max_bytes`]) is held at a time; larger ones are refused with an error and
//! skipped without being held.
//!
//! This crate does no cleaning: turning HTML into main text is the next stage's job.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::str::FromStr;

mod error;
mod html;
mod io;
pub mod jsonl;
pub mod parquet;
mod text;
pub mod warc;

pub use error::{ErrorKind, Place, ReadError};
pub use html::{decode_html, decode_html_for, html_charset, CharsetSource};
pub use text::decode_text;

use crate::io::{decompress, peek, Stream, BUF};

/// Documents larger than this are refused: no news article is that long, and a file this size
/// is almost always a mistake (an archive, a database dump).
pub const DEFAULT_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// How the bytes of an input are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// One UTF-8 plain-text article.
    Text,
    /// One HTML page, any charset.
    Html,
    /// JSON Lines, one article per line.
    Jsonl,
    /// A WARC file of crawled pages.
    Warc,
    /// A Parquet table of articles, one per row.
    Parquet,
}

/// File names [`expand`] picks up in directories (compared case-insensitively).
pub const SUFFIXES: &[&str] = &[
    ".txt",
    ".html",
    ".htm",
    ".html.gz",
    ".htm.gz",
    ".jsonl",
    ".ndjson",
    ".jsonl.gz",
    ".ndjson.gz",
    ".jsonl.zst",
    ".ndjson.zst",
    ".warc",
    ".warc.gz",
    ".parquet",
];

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
            Format::Warc => "warc",
            Format::Parquet => "parquet",
        }
    }

    /// The format a file name says, ignoring a `.gz`/`.zst` suffix: `.txt`, `.html`/`.htm`,
    /// `.jsonl`/`.ndjson`, `.warc`, `.parquet`. `None` for anything else (then the content is
    /// sniffed).
    pub fn from_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        let name = strip_compression(&name);
        let ext = name.rsplit_once('.')?.1;
        match ext {
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "warc" => Some(Format::Warc),
            "parquet" => Some(Format::Parquet),
            _ => None,
        }
    }

    /// The format of uncompressed content from its first bytes: `WARC/` → WARC, `{` → JSON
    /// Lines, `<` → HTML (leading whitespace and a UTF-8 BOM ignored), `PAR1` → Parquet, else
    /// text.
    pub fn sniff(head: &[u8]) -> Format {
        let b = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        if b.starts_with(b"WARC/") {
            return Format::Warc;
        }
        if head.starts_with(b"PAR1") {
            return Format::Parquet;
        }
        match b.iter().find(|c| !c.is_ascii_whitespace()) {
            Some(b'{') => Format::Jsonl,
            Some(b'<') => Format::Html,
            _ => Format::Text,
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    /// `text`, `html`, `jsonl`, `warc` or `parquet` (also `txt`, `htm`, `ndjson`), as
    /// `--format` takes.
    fn from_str(s: &str) -> Result<Format, String> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" => Ok(Format::Text),
            "html" | "htm" => Ok(Format::Html),
            "jsonl" | "ndjson" => Ok(Format::Jsonl),
            "warc" => Ok(Format::Warc),
            "parquet" => Ok(Format::Parquet),
            _ => Err(format!(
                "unknown format {s:?} (expected text, html, jsonl, warc or parquet)"
            )),
        }
    }
}

fn strip_compression(name: &str) -> &str {
    name.strip_suffix(".gz")
        .or_else(|| name.strip_suffix(".zst"))
        .unwrap_or(name)
}

/// Reading options.
#[derive(Debug, Clone)]
pub struct Options {
    /// Largest document accepted, in bytes (a text or HTML file, a JSON line, a WARC block,
    /// a decompressed HTTP payload).
    pub max_bytes: u64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// A document's content, decoded to UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    Text(String),
    Html(String),
}

impl Body {
    pub fn as_str(&self) -> &str {
        match self {
            Body::Text(s) | Body::Html(s) => s,
        }
    }

    pub fn into_string(self) -> String {
        match self {
            Body::Text(s) | Body::Html(s) => s,
        }
    }

    pub fn is_html(&self) -> bool {
        matches!(self, Body::Html(_))
    }
}

/// One document as its container gave it: not cleaned, metadata as written.
#[derive(Debug, Clone, PartialEq)]
pub struct RawDoc {
    /// The document's name: the file stem (`-` for standard input), the JSON `id` (else
    /// `<stem>:<line>`), or the WARC-Record-ID without `<urn:uuid:` and `>`.
    pub doc: String,
    /// Where it came from, for messages: `dir/a.html`, `feed.jsonl:line 7`,
    /// `crawl.warc.gz#record 12`.
    pub origin: String,
    pub body: Body,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub language: Option<String>,
    /// WARC-Date: when the page was crawled (not when it was published).
    pub crawl_date: Option<String>,
    /// The `charset` of the HTTP Content-Type header, if any.
    pub http_charset: Option<String>,
    /// JSON Lines fields this crate does not know, kept as they were (for an article that is
    /// already clean, also its `place` and `published_from`).
    pub extra: serde_json::Map<String, serde_json::Value>,
    /// The body is text dictum has already cleaned, with its metadata (a line of `dictum
    /// extract`'s output, a row of the Spark job's articles table): it is extracted as it
    /// is, not cleaned again, so the statements are the same as the first time.
    pub clean: bool,
}

impl RawDoc {
    pub fn new(doc: String, origin: String, body: Body) -> RawDoc {
        RawDoc {
            doc,
            origin,
            body,
            url: None,
            title: None,
            published: None,
            outlet: None,
            author: None,
            language: None,
            crawl_date: None,
            http_charset: None,
            extra: serde_json::Map::new(),
            clean: false,
        }
    }
}

/// What a reader yields: a document or the reason one could not be read.
#[derive(Debug)]
pub enum Item {
    Doc(RawDoc),
    Error(ReadError),
}

impl Item {
    pub fn into_result(self) -> Result<RawDoc, ReadError> {
        match self {
            Item::Doc(d) => Ok(d),
            Item::Error(e) => Err(e),
        }
    }
}

/// A stream of [`Item`]s from one input. It reads lazily: nothing is opened before the first
/// call to `next`.
pub struct Docs<'a>(Box<dyn Iterator<Item = Item> + Send + 'a>);

impl<'a> Docs<'a> {
    fn new(it: impl Iterator<Item = Item> + Send + 'a) -> Docs<'a> {
        Docs(Box::new(it))
    }
}

impl Iterator for Docs<'_> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        self.0.next()
    }
}

/// Reads a file (or standard input for `-`). The format is `format`, else the file name's
/// ([`Format::from_path`]), else sniffed from the content.
pub fn read_path(path: impl AsRef<Path>, format: Option<Format>, opts: &Options) -> Docs<'static> {
    let path = path.as_ref().to_path_buf();
    if path.as_os_str() == "-" {
        return read_stdin(format, opts);
    }
    let opts = opts.clone();
    Docs::new(
        std::iter::once_with(move || {
            let file = path.display().to_string();
            let format = format.or_else(|| Format::from_path(&path));
            if format == Some(Format::Parquet) {
                return Docs::new(parquet::read(&path, &doc_stem(&path), &opts));
            }
            let f = match File::open(&path) {
                Ok(f) => f,
                Err(e) => return error_docs(&file, ErrorKind::Io(e)),
            };
            let size = f.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
            let stream: Stream<'static> = Box::new(BufReader::with_capacity(BUF, f));
            read_stream(stream, &file, &doc_stem(&path), format, size, &opts)
        })
        .flatten(),
    )
}

/// Reads standard input (named `<stdin>` in messages; a single document is named `-`).
pub fn read_stdin(format: Option<Format>, opts: &Options) -> Docs<'static> {
    let opts = opts.clone();
    Docs::new(
        std::iter::once_with(move || {
            let stream: Stream<'static> = Box::new(BufReader::with_capacity(BUF, std::io::stdin()));
            read_stream(stream, "<stdin>", "-", format, None, &opts)
        })
        .flatten(),
    )
}

/// Reads any byte stream; `name` names it in messages and its stem names single documents.
pub fn read_reader<'a, R: Read + Send + 'a>(
    reader: R,
    format: Option<Format>,
    name: &str,
    opts: &Options,
) -> Docs<'a> {
    let stream: Stream<'a> = Box::new(BufReader::with_capacity(BUF, reader));
    read_stream(stream, name, &doc_stem(Path::new(name)), format, None, opts)
}

/// Reads bytes in memory, as [`read_reader`] (for tests and fuzzing).
pub fn read_bytes<'a>(
    bytes: &'a [u8],
    format: Option<Format>,
    name: &str,
    opts: &Options,
) -> Docs<'a> {
    let stream: Stream<'a> = Box::new(bytes);
    read_stream(
        stream,
        name,
        &doc_stem(Path::new(name)),
        format,
        Some(bytes.len() as u64),
        opts,
    )
}

fn error_docs(file: &str, kind: ErrorKind) -> Docs<'static> {
    Docs::new(std::iter::once(Item::Error(ReadError::file(file, kind))))
}

/// `size`: the stream's length when known (a file), to refuse a large document unread.
fn read_stream<'a>(
    stream: Stream<'a>,
    file: &str,
    stem: &str,
    format: Option<Format>,
    size: Option<u64>,
    opts: &Options,
) -> Docs<'a> {
    let fail = |e| {
        Docs::new(std::iter::once(Item::Error(ReadError::file(
            file,
            ErrorKind::Io(e),
        ))))
    };
    let (compression, stream) = match decompress(stream) {
        Ok(x) => x,
        Err(e) => return fail(e),
    };
    let size = size.filter(|_| compression == io::Compression::None);
    let (format, stream) = match format {
        Some(f) => (f, stream),
        None => match peek(stream, 512) {
            Ok((head, s)) => (Format::sniff(&head), s),
            Err(e) => return fail(e),
        },
    };
    match format {
        Format::Text | Format::Html => Docs::new(std::iter::once_with({
            let file = file.to_string();
            let stem = stem.to_string();
            let max = opts.max_bytes;
            move || single(stream, format, &file, stem, size, max)
        })),
        Format::Jsonl => Docs::new(jsonl::Jsonl::new(stream, file, stem, opts)),
        Format::Warc => Docs::new(warc::Warc::new(stream, file, opts)),
        // Parquet's index is at the end: it is read from a named file (`read_path`), which a
        // stream is not.
        Format::Parquet => Docs::new(std::iter::once(Item::Error(ReadError::file(
            file,
            ErrorKind::Parquet(
                "Parquet is read from a file with a .parquet name (or --format parquet), \
                 not from a stream"
                    .into(),
            ),
        )))),
    }
}

/// A whole stream as one text or HTML document.
fn single(
    stream: Stream<'_>,
    format: Format,
    file: &str,
    stem: String,
    size: Option<u64>,
    max: u64,
) -> Item {
    let err = |kind| Item::Error(ReadError::file(file, kind));
    if let Some(size) = size.filter(|&s| s > max) {
        return err(ErrorKind::TooLarge {
            size: Some(size),
            limit: max,
        });
    }
    let mut bytes = Vec::new();
    if let Err(e) = stream.take(max.saturating_add(1)).read_to_end(&mut bytes) {
        return err(ErrorKind::Io(e));
    }
    if bytes.len() as u64 > max {
        return err(ErrorKind::TooLarge { size, limit: max });
    }
    let body = match format {
        Format::Html => Body::Html(decode_html(&bytes, None)),
        _ => match decode_text(&bytes) {
            Ok(t) => Body::Text(t),
            Err(kind) => return err(kind),
        },
    };
    Item::Doc(RawDoc::new(stem, file.to_string(), body))
}

/// A document name from a path: the file name without a compression suffix and extension
/// (`a/b.html.gz` → `b`).
pub fn doc_stem(path: &Path) -> String {
    let Some(name) = path.file_name() else {
        return path.display().to_string();
    };
    let name = name.to_string_lossy();
    let lower = name.to_ascii_lowercase();
    let cut = strip_compression(&lower).len();
    let name = &name[..cut];
    Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_string())
}

/// Whether a directory walk picks up this file: its name ends with one of [`SUFFIXES`].
pub fn is_supported(path: &Path) -> bool {
    path.file_name().is_some_and(|n| {
        let n = n.to_string_lossy().to_ascii_lowercase();
        SUFFIXES.iter().any(|s| n.len() > s.len() && n.ends_with(s))
    })
}

/// Expands paths into the files to read: a directory is walked recursively for the files
/// [`is_supported`] accepts, in path order (so runs are reproducible); a file is taken as it
/// is, whatever its name; `-` (standard input) is passed through. A path that cannot be read
/// gives an error in its place, so the others still run.
pub fn expand<P: AsRef<Path>>(paths: &[P]) -> Vec<Result<PathBuf, ReadError>> {
    expand_with(paths, is_supported)
}

/// [`expand`] with another test of which files a directory walk takes.
pub fn expand_with<P: AsRef<Path>>(
    paths: &[P],
    accept: impl Fn(&Path) -> bool,
) -> Vec<Result<PathBuf, ReadError>> {
    let mut out = Vec::new();
    for p in paths {
        let p = p.as_ref();
        if p.as_os_str() == "-" {
            out.push(Ok(p.to_path_buf()));
            continue;
        }
        match fs::metadata(p) {
            Err(e) => out.push(Err(ReadError::file(
                &p.display().to_string(),
                ErrorKind::Io(e),
            ))),
            Ok(m) if m.is_dir() => walk(p, &accept, &mut HashSet::new(), &mut out),
            Ok(_) => out.push(Ok(p.to_path_buf())),
        }
    }
    out
}

fn walk(
    dir: &Path,
    accept: &dyn Fn(&Path) -> bool,
    seen: &mut HashSet<PathBuf>,
    out: &mut Vec<Result<PathBuf, ReadError>>,
) {
    // a symbolic link back up the tree is walked once
    if let Ok(real) = fs::canonicalize(dir) {
        if !seen.insert(real) {
            return;
        }
    }
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.push(Err(ReadError::file(
                &dir.display().to_string(),
                ErrorKind::CannotList(e),
            )));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, accept, seen, out);
        } else if accept(&p) {
            out.push(Ok(p));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_from_name() {
        let f = |s: &str| Format::from_path(Path::new(s));
        assert_eq!(f("a/b.TXT"), Some(Format::Text));
        assert_eq!(f("b.html.gz"), Some(Format::Html));
        assert_eq!(f("b.htm"), Some(Format::Html));
        assert_eq!(f("b.ndjson.zst"), Some(Format::Jsonl));
        assert_eq!(f("CC-NEWS-2021.warc.gz"), Some(Format::Warc));
        assert_eq!(f("b.json"), None);
        assert_eq!(f("gz"), None);
        assert_eq!(f("-"), None);
    }

    #[test]
    fn format_from_content() {
        assert_eq!(Format::sniff(b"WARC/1.1\r\n"), Format::Warc);
        assert_eq!(Format::sniff(b"\xEF\xBB\xBF  {\"a\":1}"), Format::Jsonl);
        assert_eq!(Format::sniff(b"\n<!doctype html>"), Format::Html);
        assert_eq!(Format::sniff(b"Title\n\nBody"), Format::Text);
        assert_eq!(Format::sniff(b""), Format::Text);
        assert_eq!("NDJSON".parse::<Format>(), Ok(Format::Jsonl));
        assert!("pdf"
            .parse::<Format>()
            .unwrap_err()
            .contains("expected text, html"));
    }

    #[test]
    fn stems() {
        assert_eq!(doc_stem(Path::new("a/b.html.gz")), "b");
        assert_eq!(doc_stem(Path::new("a/report.2021.TXT")), "report.2021");
        assert_eq!(doc_stem(Path::new("x.GZ")), "x");
        assert_eq!(doc_stem(Path::new("README")), "README");
        assert_eq!(doc_stem(Path::new("-")), "-");
    }

    #[test]
    fn supported_names() {
        for ok in [
            "a.txt",
            "a.HTML",
            "a.htm.gz",
            "a.jsonl.zst",
            "a.warc.gz",
            "a.ndjson",
        ] {
            assert!(is_supported(Path::new(ok)), "{ok}");
        }
        for no in ["a.json", "a.txt.bak", "a.md", "a.warc.zst", ".txt", "a.gz"] {
            assert!(!is_supported(Path::new(no)), "{no}");
        }
    }

    #[test]
    fn sniffing_in_memory() {
        let opts = Options::default();
        let docs: Vec<Item> =
            read_bytes(b"{\"text\": \"a\"}\n{\"text\": \"b\"}\n", None, "-", &opts).collect();
        assert_eq!(docs.len(), 2);
        let d: Vec<Item> = read_bytes(b"<p>x</p>", None, "page.bin", &opts).collect();
        match &d[0] {
            Item::Doc(d) => assert_eq!((d.doc.as_str(), d.body.is_html()), ("page", true)),
            Item::Error(e) => panic!("{e}"),
        }
    }

    #[test]
    fn docs_are_send() {
        fn send<T: Send>(_: &T) {}
        send(&read_path("nowhere.txt", None, &Options::default()));
    }
}
