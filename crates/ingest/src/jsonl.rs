//! JSON Lines articles (`.jsonl`, `.ndjson`, optionally `.gz` or `.zst`).
//!
//! One article per line, a JSON object:
//!
//! ```json
//! {"id": "a1", "url": "https://news.example/a1", "title": "Council backs the plan",
//!  "text": "The council voted on Monday ...", "published": "2021-05-17", "outlet": "Example News",
//!  "author": "Jane Doe", "language": "en", "section": "politics"}
//! ```
//!
//! | field | type | meaning |
//! | --- | --- | --- |
//! | `text` | string | the article as plain text |
//! | `html` | string | the article as an HTML page (used when there is no `text`) |
//! | `id` | string or integer | the document's name in the output (default: `<file stem>:<line>`) |
//! | `url`, `title`, `published`, `outlet`, `author`, `language` | string | metadata, as given |
//!
//! Every field may be missing or `null`; an article needs a `text` or an `html`. When both are
//! given, `text` is the body and `html` is kept with the extra fields. Fields not in the table
//! are kept, with their values, in [`RawDoc::extra`](crate::RawDoc::extra).
//!
//! A line of `dictum extract`'s own output (it has a `statements` list) is an article dictum
//! has already cleaned: `doc` names it (when there is no `id`), its `text` is taken as it is
//! ([`RawDoc::clean`](crate::RawDoc::clean)), `place` and `published_from` are kept in `extra`
//! and the statements are dropped (they are extracted again, to the same result). So the
//! output of `dictum extract` (or of the Spark job) can be ingested.
//!
//! Blank lines are skipped; a UTF-8 byte-order mark on the first line is dropped. A line that
//! is not a JSON object, has a known field of the wrong type (`"title": 5`), is not UTF-8 or
//! is longer than the size limit gives an error naming the file and line, and the lines after
//! it are still read.

use std::io::BufRead;

use serde_json::{Map, Value};

use crate::error::{json_type, ErrorKind, ReadError};
use crate::io::{read_until_limited, skip_until};
use crate::text::decode_text_at;
use crate::{Body, Item, Options, RawDoc};

pub(crate) struct Jsonl<R> {
    input: R,
    file: String,
    stem: String,
    max_bytes: u64,
    line: u64,
    offset: u64,
    done: bool,
    buf: Vec<u8>,
}

impl<R: BufRead> Jsonl<R> {
    pub(crate) fn new(input: R, file: &str, stem: &str, opts: &Options) -> Jsonl<R> {
        Jsonl {
            input,
            file: file.to_string(),
            stem: stem.to_string(),
            max_bytes: opts.max_bytes,
            line: 0,
            offset: 0,
            done: false,
            buf: Vec::new(),
        }
    }

    fn error(&self, kind: ErrorKind) -> Item {
        Item::Error(ReadError::line(&self.file, self.line, kind))
    }
}

impl<R: BufRead> Iterator for Jsonl<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        while !self.done {
            self.buf.clear();
            let limit = usize::try_from(self.max_bytes.saturating_add(1)).unwrap_or(usize::MAX);
            let mut buf = std::mem::take(&mut self.buf);
            let read = read_until_limited(&mut self.input, b'\n', limit, &mut buf);
            self.buf = buf;
            let n = match read {
                Ok(n) => n,
                Err(e) => {
                    self.done = true;
                    self.line += 1;
                    return Some(self.error(ErrorKind::Io(e)));
                }
            };
            if n == 0 {
                self.done = true;
                return None;
            }
            self.line += 1;
            let start = self.offset;
            self.offset += n as u64;
            if !self.buf.ends_with(b"\n") && n as u64 > self.max_bytes {
                // over the limit: drop the rest of the line without holding it
                let (rest, newline) = match skip_until(&mut self.input, b'\n') {
                    Ok(r) => r,
                    Err(e) => {
                        self.done = true;
                        return Some(self.error(ErrorKind::Io(e)));
                    }
                };
                self.offset += rest;
                let size = n as u64 + rest - u64::from(newline);
                return Some(self.error(ErrorKind::TooLarge {
                    size: Some(size),
                    limit: self.max_bytes,
                }));
            }
            let mut line = &self.buf[..];
            if let Some(l) = line.strip_suffix(b"\n") {
                line = l.strip_suffix(b"\r").unwrap_or(l);
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let text = match decode_text_at(line, start, self.line) {
                Ok(t) => t,
                Err(e) => return Some(self.error(e)),
            };
            return Some(match parse(&text) {
                Ok(fields) => match self.doc(fields) {
                    Ok(d) => Item::Doc(d),
                    Err(k) => self.error(k),
                },
                Err(k) => self.error(k),
            });
        }
        None
    }
}

fn parse(text: &str) -> Result<Map<String, Value>, ErrorKind> {
    let text = text.trim_start_matches('\u{feff}');
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(v) => Err(ErrorKind::Json(format!(
            "a line must be a JSON object, not {}",
            json_type(&v)
        ))),
        Err(e) => {
            // serde's message ends "at line 1 column N": the line is ours to name
            let msg = e.to_string();
            let msg = msg
                .rsplit_once(" at line ")
                .map_or(msg.as_str(), |(m, _)| m)
                .to_string();
            Err(ErrorKind::Json(format!("{msg} at column {}", e.column())))
        }
    }
}

/// Takes a string field out of the map: missing and null are `None`.
fn string(m: &mut Map<String, Value>, field: &'static str) -> Result<Option<String>, ErrorKind> {
    match m.remove(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(v) => Err(ErrorKind::FieldType {
            field,
            expected: "a string",
            found: json_type(&v),
        }),
    }
}

impl<R> Jsonl<R> {
    fn doc(&self, mut m: Map<String, Value>) -> Result<RawDoc, ErrorKind> {
        let clean = matches!(m.get("statements"), Some(Value::Array(_)));
        if clean {
            m.remove("statements");
        }
        let id = match m.remove("id") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s),
            Some(Value::Number(n)) if n.is_i64() || n.is_u64() => Some(n.to_string()),
            Some(v) => {
                return Err(ErrorKind::FieldType {
                    field: "id",
                    expected: "a string or an integer",
                    found: json_type(&v),
                })
            }
        };
        let id = match id {
            None if clean => string(&mut m, "doc")?,
            id => id,
        };
        let url = string(&mut m, "url")?;
        let title = string(&mut m, "title")?;
        let published = string(&mut m, "published")?;
        let outlet = string(&mut m, "outlet")?;
        let author = string(&mut m, "author")?;
        let language = string(&mut m, "language")?;
        let text = string(&mut m, "text")?;
        let html = string(&mut m, "html")?;
        let body = match (text, html) {
            (Some(t), Some(h)) => {
                m.insert("html".to_string(), Value::String(h));
                Body::Text(t)
            }
            (Some(t), None) => Body::Text(t),
            (None, Some(h)) => Body::Html(h),
            (None, None) => return Err(ErrorKind::NoBody),
        };
        let mut d = RawDoc::new(
            id.unwrap_or_else(|| format!("{}:{}", self.stem, self.line)),
            format!("{}:line {}", self.file, self.line),
            body,
        );
        d.url = url;
        d.title = title;
        d.published = published;
        d.outlet = outlet;
        d.author = author;
        d.language = language;
        d.extra = m;
        d.clean = clean;
        Ok(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &[u8], max: u64) -> Vec<Item> {
        Jsonl::new(input, "in.jsonl", "in", &Options { max_bytes: max }).collect()
    }

    fn err(i: &Item) -> String {
        match i {
            Item::Error(e) => e.to_string(),
            Item::Doc(d) => panic!("expected an error, got {}", d.doc),
        }
    }

    fn doc(i: &Item) -> &RawDoc {
        match i {
            Item::Doc(d) => d,
            Item::Error(e) => panic!("{e}"),
        }
    }

    #[test]
    fn fields_and_extra() {
        let items = read(
            b"\xEF\xBB\xBF{\"id\": 7, \"text\": \"T\", \"title\": \"Hi\", \"tags\": [\"a\"], \"outlet\": null}\r\n\n  \n{\"html\": \"<p>x</p>\", \"url\": \"u\"}",
            1000,
        );
        assert_eq!(items.len(), 2);
        let a = doc(&items[0]);
        assert_eq!(
            (a.doc.as_str(), a.origin.as_str()),
            ("7", "in.jsonl:line 1")
        );
        assert_eq!(a.body, Body::Text("T".into()));
        assert_eq!(a.title.as_deref(), Some("Hi"));
        assert_eq!(a.outlet, None);
        assert_eq!(a.extra["tags"], serde_json::json!(["a"]));
        let b = doc(&items[1]);
        assert_eq!(
            (b.doc.as_str(), b.origin.as_str()),
            ("in:4", "in.jsonl:line 4")
        );
        assert_eq!(b.body, Body::Html("<p>x</p>".into()));
        assert_eq!(b.url.as_deref(), Some("u"));
    }

    #[test]
    fn dictum_output_is_an_article_already_clean() {
        let items = read(
            br#"{"doc": "a1", "title": "T", "place": "Kyiv", "text": "T\nBody", "statements": []}
{"text": "x", "statements": 3}"#,
            1000,
        );
        let d = doc(&items[0]);
        assert_eq!((d.doc.as_str(), d.clean), ("a1", true));
        assert_eq!(d.body, Body::Text("T\nBody".into()));
        assert_eq!(d.extra["place"], "Kyiv");
        assert!(!d.extra.contains_key("statements"));
        // not a list of statements: an ordinary article, `statements` kept as an extra field
        let e = doc(&items[1]);
        assert!(!e.clean);
        assert_eq!(e.extra["statements"], 3);
    }

    #[test]
    fn text_wins_and_html_is_kept() {
        let items = read(br#"{"text": "t", "html": "<p>h</p>"}"#, 1000);
        let d = doc(&items[0]);
        assert_eq!(d.body, Body::Text("t".into()));
        assert_eq!(d.extra["html"], "<p>h</p>");
    }

    #[test]
    fn bad_lines_are_named_and_the_rest_is_read() {
        let items = read(
            b"{\"text\": \"a\", \"title\": 5}\ngarbage\n[1]\n{\"title\": \"no body\"}\n{\"text\": \"b\xff\"}\n{\"id\": 1.5, \"text\": \"c\"}\n{\"text\": \"ok\"}\n",
            1000,
        );
        assert_eq!(items.len(), 7);
        assert_eq!(
            err(&items[0]),
            "in.jsonl:line 1: field \"title\" must be a string, not a number"
        );
        assert!(
            err(&items[1]).starts_with("in.jsonl:line 2: invalid JSON: expected value at column 1"),
            "{}",
            err(&items[1])
        );
        assert_eq!(
            err(&items[2]),
            "in.jsonl:line 3: invalid JSON: a line must be a JSON object, not an array"
        );
        assert!(err(&items[3]).contains("line 4: the article has neither"));
        assert!(
            err(&items[4])
                .contains("in.jsonl:line 5: invalid UTF-8 at byte 70 (line 5, column 12)"),
            "{}",
            err(&items[4])
        );
        assert!(err(&items[5])
            .contains("line 6: field \"id\" must be a string or an integer, not a number"));
        assert_eq!(doc(&items[6]).body, Body::Text("ok".into()));
    }

    #[test]
    fn long_line_is_refused_without_holding_it() {
        let long = format!("{{\"text\": \"{}\"}}\n", "x".repeat(500));
        let input = format!("{long}{{\"text\": \"short\"}}\n");
        let items = read(input.as_bytes(), 100);
        assert_eq!(items.len(), 2);
        assert!(
            err(&items[0]).starts_with(
                "in.jsonl:line 1: 512 bytes is too large for one article (limit 100 bytes;"
            ),
            "{}",
            err(&items[0])
        );
        assert_eq!(doc(&items[1]).origin, "in.jsonl:line 2");
        // exactly at the limit is fine, newline or not
        let exact = br#"{"text": "abc"}"#;
        assert!(matches!(read(exact, exact.len() as u64)[0], Item::Doc(_)));
    }
}
