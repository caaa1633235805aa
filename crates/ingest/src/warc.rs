//! WARC files (`.warc`, `.warc.gz`), as Common Crawl's CC-NEWS writes them.
//!
//! Records are read one at a time (a `.warc.gz` is a series of gzip members, one per record,
//! decompressed as a stream). A `response` record whose HTTP payload is a 2xx HTML page
//! (`text/html` or `application/xhtml+xml`, or no Content-Type and a body that starts with
//! `<`) becomes a document: `WARC-Record-ID` (without `<urn:uuid:` and `>`) is its name,
//! `WARC-Target-URI` its URL and `WARC-Date` its crawl date; the HTTP `charset` goes to
//! [`decode_html`](crate::decode_html). A chunked transfer encoding and a gzip or deflate
//! content encoding of the payload are undone. Other record types (`warcinfo`, `request`,
//! `metadata`, ...) and other payloads are skipped silently.
//!
//! Damage is reported with the file, the record's number (counting every record from 1) and
//! the byte offset of its header in the decompressed stream, and reading goes on:
//! - a `Content-Length` that is wrong (the block is not followed by the end of the file or the
//!   next `WARC/1.` header) or runs past the end of the file: an error for that record, then
//!   the reader resynchronises on the next line that starts with `WARC/1.` after the record's
//!   header, so the records that a too-long length swallowed are still read;
//! - a header that cannot be read, bytes where a header should start: an error, then the same
//!   resynchronisation;
//! - a block over the size limit: an error (for a `response`), skipped without being held;
//! - corrupt or truncated compressed data: an error, and the end of that file.

use std::io::BufRead;

use crate::error::{ErrorKind, ReadError, Snippet};
use crate::html::{charset_in_content, decode_html_for};
use crate::io::{read_until_limited, Pushback};
use crate::{Body, Item, Options, RawDoc};

/// Longest header line accepted (URLs can be long, but not this long).
const MAX_HEADER_LINE: usize = 64 * 1024;
/// Most header lines in one record.
const MAX_HEADER_LINES: usize = 1024;
/// Longest HTTP header section inside a record.
const MAX_HTTP_HEADER: usize = 256 * 1024;

pub(crate) struct Warc<R> {
    input: Pushback<R>,
    file: String,
    max_bytes: u64,
    /// Number of the last record whose header was read.
    record: u64,
    done: bool,
    /// Skip to the next `WARC/1.` line before reading a record.
    resync: bool,
    /// A read error met after a complete record, reported after it.
    deferred: Option<std::io::Error>,
}

#[derive(Default)]
struct Header {
    warc_type: Option<String>,
    target_uri: Option<String>,
    date: Option<String>,
    record_id: Option<String>,
    content_length: Option<String>,
    content_type: Option<String>,
    language: Option<String>,
}

impl<R: BufRead> Iterator for Warc<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        while !self.done {
            match self.step() {
                Ok(Some(i)) => return Some(i),
                Ok(None) => {}
                Err(e) => {
                    // the stream itself failed (truncated or corrupt compression): stop here
                    self.done = true;
                    let number = self.record.max(1);
                    return Some(Item::Error(ReadError::record(
                        &self.file,
                        number,
                        self.input.offset,
                        ErrorKind::Io(e),
                    )));
                }
            }
        }
        None
    }
}

impl<R: BufRead> Warc<R> {
    pub(crate) fn new(input: R, file: &str, opts: &Options) -> Warc<R> {
        Warc {
            input: Pushback::new(input),
            file: file.to_string(),
            max_bytes: opts.max_bytes,
            record: 0,
            done: false,
            resync: false,
            deferred: None,
        }
    }

    fn error(&mut self, number: u64, offset: u64, msg: String, resync: bool) -> Option<Item> {
        self.resync |= resync;
        Some(Item::Error(ReadError::record(
            &self.file,
            number,
            offset,
            ErrorKind::Warc(msg),
        )))
    }

    fn end(&mut self) -> Option<Item> {
        self.done = true;
        None
    }

    /// The next document or error; `None` for a skipped record or at the end (then `done`).
    fn step(&mut self) -> std::io::Result<Option<Item>> {
        if let Some(e) = self.deferred.take() {
            return Err(e);
        }
        if std::mem::take(&mut self.resync) && !self.seek_header()? {
            return Ok(self.end());
        }
        // the version line, after any blank lines
        let (start, line) = loop {
            let start = self.input.offset;
            let mut line = Vec::new();
            if read_until_limited(&mut self.input, b'\n', MAX_HEADER_LINE, &mut line)? == 0 {
                return Ok(self.end());
            }
            if !line.iter().all(u8::is_ascii_whitespace) {
                break (start, line);
            }
        };
        if !line.starts_with(b"WARC/1.") {
            let number = self.record + 1;
            let msg = format!(
                "expected a WARC record header (\"WARC/1.0\"), found {}",
                Snippet(trim_eol(&line))
            );
            return Ok(self.error(number, start, msg, true));
        }
        self.record += 1;
        let number = self.record;
        let header = match self.header()? {
            Ok(h) => h,
            Err((msg, resync)) => {
                if !resync {
                    self.done = true;
                }
                return Ok(self.error(number, start, msg, resync));
            }
        };
        let Some(len) = header
            .content_length
            .as_deref()
            .and_then(|v| v.trim().parse::<u64>().ok())
        else {
            let msg = match &header.content_length {
                None => "the record has no Content-Length".to_string(),
                Some(v) => format!("Content-Length {} is not a number", Snippet(v.as_bytes())),
            };
            return Ok(self.error(number, start, msg, true));
        };
        let wanted = header
            .warc_type
            .as_deref()
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("response"))
            && header
                .content_type
                .as_deref()
                .is_none_or(|t| t.to_ascii_lowercase().contains("application/http"));
        if len > self.max_bytes {
            let skipped = self.input.skip(len)?;
            if skipped < len {
                self.done = true;
                let msg = format!(
                    "Content-Length is {len} but the file ends {skipped} bytes into the block: the file is truncated"
                );
                return Ok(self.error(number, start, msg, false));
            }
            if !self.block_ends_or_defer() {
                let msg = format!(
                    "Content-Length {len} is wrong: the block is not followed by the next record"
                );
                return Ok(self.error(number, start, msg, true));
            }
            if !wanted {
                return Ok(None);
            }
            return Ok(Some(Item::Error(ReadError::record(
                &self.file,
                number,
                start,
                ErrorKind::TooLarge {
                    size: Some(len),
                    limit: self.max_bytes,
                },
            ))));
        }
        let block = self.input.read_up_to(len)?;
        if (block.len() as u64) < len {
            let msg = format!(
                "Content-Length is {len} but the file ends {} bytes into the block: the file is truncated or the length is wrong",
                block.len()
            );
            self.input.unread(&block);
            return Ok(self.error(number, start, msg, true));
        }
        if !self.block_ends_or_defer() {
            self.input.unread(&block);
            let msg = format!(
                "Content-Length {len} is wrong: the block is not followed by the next record"
            );
            return Ok(self.error(number, start, msg, true));
        }
        if !wanted {
            return Ok(None);
        }
        let payload = match http_payload(&block, self.max_bytes) {
            Ok(Some(p)) => p,
            Ok(None) => return Ok(None),
            Err(kind) => {
                return Ok(Some(Item::Error(ReadError::record(
                    &self.file, number, start, kind,
                ))))
            }
        };
        drop(block);
        let url = header.target_uri.map(|u| unbracket(&u).to_string());
        let html = decode_html_for(&payload.body, payload.charset.as_deref(), url.as_deref());
        let doc = match header.record_id.as_deref().map(record_id) {
            Some(id) if !id.is_empty() => id.to_string(),
            _ => format!("record {number}"),
        };
        let mut d = RawDoc::new(
            doc,
            format!("{}#record {number}", self.file),
            Body::Html(html),
        );
        d.url = url;
        d.crawl_date = header.date.map(|s| s.trim().to_string());
        d.http_charset = payload.charset;
        if let Some(l) = header.language {
            d.extra.insert(
                "warc_identified_content_language".to_string(),
                serde_json::Value::String(l.trim().to_string()),
            );
        }
        Ok(Some(Item::Doc(d)))
    }

    /// Reads the named fields up to the blank line. `Err((message, resync))`: a header that
    /// cannot be read; `resync` is false when the stream ended inside it.
    fn header(&mut self) -> std::io::Result<Result<Header, (String, bool)>> {
        let mut h = Header::default();
        let mut last_field: Option<&'static str> = None;
        for _ in 0..MAX_HEADER_LINES {
            let mut line = Vec::new();
            let n = read_until_limited(&mut self.input, b'\n', MAX_HEADER_LINE, &mut line)?;
            if n == 0 {
                return Ok(Err((
                    "the file ends inside the record's header: it is truncated".to_string(),
                    false,
                )));
            }
            if !line.ends_with(b"\n") && n == MAX_HEADER_LINE {
                return Ok(Err((
                    format!("a header line is longer than {MAX_HEADER_LINE} bytes"),
                    true,
                )));
            }
            let l = trim_eol(&line);
            if l.is_empty() {
                return Ok(Ok(h));
            }
            let text = String::from_utf8_lossy(l);
            if l[0] == b' ' || l[0] == b'\t' {
                // a continuation of the previous field
                if let Some(v) = last_field.and_then(|f| h.field(f)) {
                    v.push(' ');
                    v.push_str(text.trim());
                }
                continue;
            }
            let Some((name, value)) = text.split_once(':') else {
                return Ok(Err((format!("malformed header line {}", Snippet(l)), true)));
            };
            let name = name.trim().to_ascii_lowercase();
            last_field = match name.as_str() {
                "warc-type" => Some("warc-type"),
                "warc-target-uri" => Some("warc-target-uri"),
                "warc-date" => Some("warc-date"),
                "warc-record-id" => Some("warc-record-id"),
                "content-length" => Some("content-length"),
                "content-type" => Some("content-type"),
                "warc-identified-content-language" => Some("warc-identified-content-language"),
                _ => None,
            };
            if let Some(v) = last_field.and_then(|f| h.field(f)) {
                *v = value.trim().to_string();
            }
        }
        Ok(Err((
            format!("the record's header has more than {MAX_HEADER_LINES} lines"),
            true,
        )))
    }

    /// Whether the block just read ends where the record does: it is followed by the CRLF CRLF
    /// that ends a record, or by line breaks and then the end of the file or the next record's
    /// `WARC/1.` line. Consumes the line breaks; on `false` nothing is consumed.
    fn block_ends(&mut self) -> std::io::Result<bool> {
        let trailer = self.input.read_up_to(4)?;
        if trailer.as_slice() == b"\r\n\r\n" {
            // the record's proper end: what follows, if anything, is the next record's business
            return Ok(true);
        }
        self.input.unread(&trailer);
        let mut breaks = Vec::new();
        loop {
            let avail = self.input.fill_buf()?;
            if avail.is_empty() {
                return Ok(true);
            }
            let n = avail
                .iter()
                .position(|&b| b != b'\r' && b != b'\n')
                .unwrap_or(avail.len());
            breaks.extend_from_slice(&avail[..n]);
            let all = n == avail.len();
            self.input.consume(n);
            if !all {
                break;
            }
        }
        let next = self.input.read_up_to(7)?;
        let ok = next.as_slice() == b"WARC/1.";
        self.input.unread(&next);
        if !ok {
            self.input.unread(&breaks);
        }
        Ok(ok)
    }

    /// [`Self::block_ends`], with a read error kept for the next step so that the complete
    /// record before it is not lost.
    fn block_ends_or_defer(&mut self) -> bool {
        self.block_ends().unwrap_or_else(|e| {
            self.deferred = Some(e);
            true
        })
    }

    /// Skips to the next line that starts with `WARC/1.` (left unread). `false` at the end.
    fn seek_header(&mut self) -> std::io::Result<bool> {
        let mut at_line_start = true;
        loop {
            let mut line = Vec::new();
            let n = read_until_limited(&mut self.input, b'\n', MAX_HEADER_LINE, &mut line)?;
            if n == 0 {
                return Ok(false);
            }
            if at_line_start && line.starts_with(b"WARC/1.") {
                self.input.unread(&line);
                return Ok(true);
            }
            at_line_start = line.ends_with(b"\n");
        }
    }
}

impl Header {
    fn field(&mut self, name: &str) -> Option<&mut String> {
        let slot = match name {
            "warc-type" => &mut self.warc_type,
            "warc-target-uri" => &mut self.target_uri,
            "warc-date" => &mut self.date,
            "warc-record-id" => &mut self.record_id,
            "content-length" => &mut self.content_length,
            "content-type" => &mut self.content_type,
            "warc-identified-content-language" => &mut self.language,
            _ => return None,
        };
        Some(slot.get_or_insert_with(String::new))
    }
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let l = line.strip_suffix(b"\n").unwrap_or(line);
    l.strip_suffix(b"\r").unwrap_or(l)
}

fn unbracket(s: &str) -> &str {
    let s = s.trim();
    s.strip_prefix('<')
        .and_then(|s| s.strip_suffix('>'))
        .unwrap_or(s)
}

/// `<urn:uuid:1234-...>` → `1234-...`.
fn record_id(s: &str) -> &str {
    let s = unbracket(s);
    s.strip_prefix("urn:uuid:").unwrap_or(s)
}

/// An HTML page from an HTTP response.
#[derive(Debug)]
pub(crate) struct Payload {
    pub(crate) charset: Option<String>,
    pub(crate) body: Vec<u8>,
}

/// The HTML page of an HTTP response; `Ok(None)` when it is not a 2xx HTML response.
pub(crate) fn http_payload(block: &[u8], max_bytes: u64) -> Result<Option<Payload>, ErrorKind> {
    let http = |m: String| ErrorKind::Http(m);
    let window = &block[..block.len().min(MAX_HTTP_HEADER)];
    let crlf = memchr::memmem::find(window, b"\r\n\r\n").map(|p| (p, p + 4));
    let lf = memchr::memmem::find(window, b"\n\n").map(|p| (p, p + 2));
    let (head_end, body_start) = match (crlf, lf) {
        (Some(a), Some(b)) => {
            if a.0 <= b.0 {
                a
            } else {
                b
            }
        }
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) if block.len() <= MAX_HTTP_HEADER && block.starts_with(b"HTTP/") => {
            (block.len(), block.len())
        }
        (None, None) => return Err(http("the HTTP headers do not end".to_string())),
    };
    let head = &block[..head_end];
    let mut lines = head.split(|&b| b == b'\n').map(trim_eol);
    let status = lines.next().unwrap_or_default();
    if !status.starts_with(b"HTTP/") {
        return Err(http(format!(
            "not an HTTP response: the status line is {}",
            Snippet(status)
        )));
    }
    let code = status
        .split(|b| b.is_ascii_whitespace())
        .filter(|t| !t.is_empty())
        .nth(1)
        .and_then(|t| std::str::from_utf8(t).ok())
        .and_then(|t| t.parse::<u16>().ok())
        .ok_or_else(|| http(format!("bad status line {}", Snippet(status))))?;
    if !(200..300).contains(&code) {
        return Ok(None);
    }
    let mut content_type = None;
    let mut transfer = None;
    let mut encoding = None;
    for l in lines {
        let Some(colon) = memchr::memchr(b':', l) else {
            continue;
        };
        let name = l[..colon].trim_ascii();
        let value = String::from_utf8_lossy(l[colon + 1..].trim_ascii()).into_owned();
        if name.eq_ignore_ascii_case(b"content-type") {
            content_type = Some(value);
        } else if name.eq_ignore_ascii_case(b"transfer-encoding") {
            transfer = Some(value.to_ascii_lowercase());
        } else if name.eq_ignore_ascii_case(b"content-encoding") {
            encoding = Some(value.to_ascii_lowercase());
        }
    }
    let mime = content_type
        .as_deref()
        .map(|t| {
            t.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .unwrap_or_default();
    if !mime.is_empty() && mime != "text/html" && mime != "application/xhtml+xml" {
        return Ok(None);
    }
    let mut body = block[body_start..].to_vec();
    if transfer.as_deref().is_some_and(|t| t.contains("chunked")) {
        if let Some(b) = dechunk(&body, max_bytes)? {
            body = b;
        }
    }
    match encoding.as_deref().map(str::trim) {
        None | Some("") | Some("identity") | Some("none") => {}
        Some("gzip") | Some("x-gzip") => {
            if body.starts_with(&[0x1f, 0x8b]) {
                body = inflate(
                    flate2::read::MultiGzDecoder::new(&body[..]),
                    "gzip",
                    max_bytes,
                )?;
            }
        }
        Some("deflate") => {
            body = inflate(
                flate2::read::ZlibDecoder::new(&body[..]),
                "deflate",
                max_bytes,
            )
            .or_else(|_| {
                inflate(
                    flate2::read::DeflateDecoder::new(&body[..]),
                    "deflate",
                    max_bytes,
                )
            })?;
        }
        Some(other) => {
            return Err(http(format!(
                "unsupported Content-Encoding {}",
                Snippet(other.as_bytes())
            )))
        }
    }
    if mime.is_empty() && !looks_like_html(&body) {
        return Ok(None);
    }
    let charset = content_type.as_deref().and_then(|t| {
        charset_in_content(t.as_bytes()).map(|c| String::from_utf8_lossy(c).into_owned())
    });
    Ok(Some(Payload { charset, body }))
}

fn inflate(r: impl std::io::Read, what: &str, max_bytes: u64) -> Result<Vec<u8>, ErrorKind> {
    use std::io::Read;
    let mut out = Vec::new();
    r.take(max_bytes.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| ErrorKind::Http(format!("corrupt {what} content encoding ({e})")))?;
    if out.len() as u64 > max_bytes {
        return Err(ErrorKind::TooLarge {
            size: None,
            limit: max_bytes,
        });
    }
    Ok(out)
}

/// Undoes a chunked transfer encoding. `Ok(None)` when the body does not start with a chunk
/// size (crawlers often store the decoded body under the original header). A body cut short
/// keeps what it has.
fn dechunk(b: &[u8], max_bytes: u64) -> Result<Option<Vec<u8>>, ErrorKind> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let Some(nl) = memchr::memchr(b'\n', &b[i..]) else {
            if i == 0 {
                return Ok(None);
            }
            break;
        };
        let line = trim_eol(&b[i..i + nl + 1]);
        let size = line
            .split(|&c| c == b';')
            .next()
            .unwrap_or_default()
            .trim_ascii();
        let size = std::str::from_utf8(size)
            .ok()
            .filter(|s| !s.is_empty() && s.len() <= 16)
            .and_then(|s| usize::from_str_radix(s, 16).ok());
        let Some(size) = size else {
            if i == 0 {
                return Ok(None);
            }
            return Err(ErrorKind::Http(format!(
                "malformed chunk size {} at byte {i} of the payload",
                Snippet(line)
            )));
        };
        i += nl + 1;
        if size == 0 {
            break;
        }
        let end = i.saturating_add(size).min(b.len());
        out.extend_from_slice(&b[i..end]);
        if out.len() as u64 > max_bytes {
            return Err(ErrorKind::TooLarge {
                size: None,
                limit: max_bytes,
            });
        }
        i = end;
        if b[i..].starts_with(b"\r\n") {
            i += 2;
        } else if b[i..].starts_with(b"\n") {
            i += 1;
        }
    }
    Ok(Some(out))
}

fn looks_like_html(body: &[u8]) -> bool {
    let b = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    b.iter()
        .find(|c| !c.is_ascii_whitespace())
        .is_some_and(|&c| c == b'<')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payload(block: &[u8]) -> Result<Option<Payload>, ErrorKind> {
        http_payload(block, 1 << 20)
    }

    #[test]
    fn plain_html_response() {
        let p = payload(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=KOI8-R\r\n\r\n<html>x</html>",
        )
        .unwrap()
        .unwrap();
        assert_eq!(p.charset.as_deref(), Some("KOI8-R"));
        assert_eq!(p.body, b"<html>x</html>");
    }

    #[test]
    fn non_html_and_non_2xx_are_skipped() {
        assert!(
            payload(b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG")
                .unwrap()
                .is_none()
        );
        assert!(
            payload(b"HTTP/1.1 301 Moved\r\nContent-Type: text/html\r\n\r\n<a>")
                .unwrap()
                .is_none()
        );
        assert!(payload(b"HTTP/1.0 200 OK\n\nplain words")
            .unwrap()
            .is_none());
        assert!(payload(b"HTTP/1.0 200 OK\n\n  <p>x").unwrap().is_some());
    }

    #[test]
    fn chunked_and_gzip() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<p>hello world</p>").unwrap();
        let gz = gz.finish().unwrap();
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        let (a, b) = gz.split_at(10);
        for part in [a, b] {
            block.extend(format!("{:x};ext=1\r\n", part.len()).as_bytes());
            block.extend(part);
            block.extend(b"\r\n");
        }
        block.extend(b"0\r\n\r\n");
        assert_eq!(
            payload(&block).unwrap().unwrap().body,
            b"<p>hello world</p>"
        );
    }

    #[test]
    fn already_decoded_bodies_are_kept() {
        let p = payload(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\nContent-Type: text/html\r\n\r\n<html>as stored</html>")
            .unwrap()
            .unwrap();
        assert_eq!(p.body, b"<html>as stored</html>");
    }

    #[test]
    fn bad_payloads_are_errors() {
        let e = payload(b"GET / HTTP/1.1\r\n\r\n").unwrap_err().to_string();
        assert!(e.contains("not an HTTP response"), "{e}");
        let e = payload(b"HTTP/1.1 abc\r\n\r\n").unwrap_err().to_string();
        assert!(e.contains("bad status line"), "{e}");
        let e = payload(
            b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\nContent-Type: text/html\r\n\r\n<p>",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("unsupported Content-Encoding \"br\""), "{e}");
        let e =
            payload(b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n\x1f\x8b\x08\x00garbage")
                .unwrap_err()
                .to_string();
        assert!(e.contains("corrupt gzip content encoding"), "{e}");
        let e = payload(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n<p>\r\nzz\r\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("malformed chunk size \"zz\""), "{e}");
    }

    #[test]
    fn ids() {
        assert_eq!(record_id("<urn:uuid:ab-12>"), "ab-12");
        assert_eq!(record_id("urn:uuid:ab-12"), "ab-12");
        assert_eq!(unbracket(" <http://x/> "), "http://x/");
    }
}
