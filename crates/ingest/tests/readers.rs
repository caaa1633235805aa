//! The readers on files written at test time: WARC records written by hand (gzip members,
//! Cyrillic charsets, skipped record types, lying lengths, truncation), JSON Lines (plain, gzip,
//! zstd), HTML in legacy charsets, a 50 MB page, bad bytes, and directory expansion.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use dictum_ingest::{
    expand, read_bytes, read_path, read_reader, Body, Format, Item, Options, Place, RawDoc,
    ReadError,
};
use encoding_rs::{Encoding, KOI8_R, WINDOWS_1251};

/// A directory under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::SeqCst);
        let dir =
            std::env::temp_dir().join(format!("dictum-ingest-{}-{n}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.0.join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(&p, bytes).unwrap();
        p
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

// ---- fixtures: fictional Russian news, written for these tests ----

const RU_TITLE: &str = "Министр провёл переговоры в Женеве";
const RU_TEXT: &str = "Министр иностранных дел заявил журналистам, что переговоры \
    продолжатся на следующей неделе. \"Мы готовы к диалогу\", - сказал он.";
const RU_TEXT_2: &str = "Губернатор области сообщил, что мост через реку откроют \
    к осени, если позволит погода.";

fn ru_page(title: &str, text: &str, head: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head>{head}<title>{title}</title></head>\
         <body><h1>{title}</h1><p>{text}</p></body></html>"
    )
}

fn encode(s: &str, enc: &'static Encoding) -> Vec<u8> {
    let (b, _, unmappable) = enc.encode(s);
    assert!(
        !unmappable,
        "the fixture must be encodable in {}",
        enc.name()
    );
    b.into_owned()
}

fn gz(b: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(b).unwrap();
    e.finish().unwrap()
}

fn http(content_type: Option<&str>, extra: &str, body: &[u8]) -> Vec<u8> {
    let mut h = String::from("HTTP/1.1 200 OK\r\nServer: test\r\n");
    if let Some(t) = content_type {
        h.push_str(&format!("Content-Type: {t}\r\n"));
    }
    h.push_str(extra);
    h.push_str("\r\n");
    let mut v = h.into_bytes();
    v.extend_from_slice(body);
    v
}

/// One WARC record; `length` overrides the true Content-Length (to lie).
fn record(kind: &str, id: &str, uri: &str, block: &[u8], length: Option<usize>) -> Vec<u8> {
    let content_type = match kind {
        "response" => "application/http; msgtype=response",
        "request" => "application/http; msgtype=request",
        "warcinfo" => "application/warc-fields",
        _ => "application/octet-stream",
    };
    let mut v = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: 2021-05-17T10:15:00Z\r\n\
         WARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        length.unwrap_or(block.len())
    )
    .into_bytes();
    v.extend_from_slice(block);
    v.extend_from_slice(b"\r\n\r\n");
    v
}

/// The records of a small crawl: warcinfo, request, a windows-1251 page (charset in the HTTP
/// header), a metadata record, a KOI8-R page (charset only in a `<meta>`), an image, and a
/// UTF-8 page sent chunked and gzipped.
fn crawl() -> Vec<Vec<u8>> {
    let cp1251 = encode(&ru_page(RU_TITLE, RU_TEXT, ""), WINDOWS_1251);
    let koi8 = encode(
        &ru_page(
            "Мост откроют осенью",
            RU_TEXT_2,
            r#"<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">"#,
        ),
        KOI8_R,
    );
    let utf8_page = ru_page("Третья новость", "Мэр сказал, что всё хорошо.", "");
    let zipped = gz(utf8_page.as_bytes());
    let mut chunked = Vec::new();
    for part in zipped.chunks(50) {
        chunked.extend(format!("{:X}\r\n", part.len()).as_bytes());
        chunked.extend(part);
        chunked.extend(b"\r\n");
    }
    chunked.extend(b"0\r\n\r\n");
    vec![
        record(
            "warcinfo",
            "info-0",
            "",
            b"software: hand-written\r\nformat: WARC File Format 1.0\r\n",
            None,
        ),
        record(
            "request",
            "req-1",
            "https://news.example.ru/1",
            b"GET /1 HTTP/1.1\r\nHost: news.example.ru\r\n\r\n",
            None,
        ),
        record(
            "response",
            "aaaa-1",
            "https://news.example.ru/1",
            &http(Some("text/html; charset=windows-1251"), "", &cp1251),
            None,
        ),
        record(
            "metadata",
            "meta-1",
            "https://news.example.ru/1",
            b"fetchTimeMs: 12\r\n",
            None,
        ),
        record(
            "response",
            "bbbb-2",
            "https://gazeta.example.ru/2",
            &http(Some("text/html"), "", &koi8),
            None,
        ),
        record(
            "response",
            "img-3",
            "https://news.example.ru/logo.png",
            &http(Some("image/png"), "", b"\x89PNG\r\n\x1a\n"),
            None,
        ),
        record(
            "response",
            "cccc-3",
            "https://news.example.com/3",
            &http(
                Some("text/html; charset=utf-8"),
                "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
                &chunked,
            ),
            None,
        ),
    ]
}

fn docs_and_errors(items: impl Iterator<Item = Item>) -> (Vec<RawDoc>, Vec<ReadError>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for i in items {
        match i {
            Item::Doc(d) => docs.push(d),
            Item::Error(e) => errors.push(e),
        }
    }
    (docs, errors)
}

fn ids(docs: &[RawDoc]) -> Vec<&str> {
    docs.iter().map(|d| d.doc.as_str()).collect()
}

fn html(d: &RawDoc) -> &str {
    match &d.body {
        Body::Html(h) => h,
        Body::Text(_) => panic!("{} is not HTML", d.doc),
    }
}

fn check_crawl_docs(docs: &[RawDoc], file: &Path) {
    assert_eq!(ids(docs), ["aaaa-1", "bbbb-2", "cccc-3"]);
    let a = &docs[0];
    assert_eq!(a.url.as_deref(), Some("https://news.example.ru/1"));
    assert_eq!(a.crawl_date.as_deref(), Some("2021-05-17T10:15:00Z"));
    assert_eq!(a.http_charset.as_deref(), Some("windows-1251"));
    assert_eq!(a.origin, format!("{}#record 3", file.display()));
    assert!(
        html(a).contains(RU_TITLE) && html(a).contains(RU_TEXT),
        "{}",
        html(a)
    );
    let b = &docs[1];
    assert_eq!(b.http_charset, None);
    assert!(html(b).contains(RU_TEXT_2), "{}", html(b));
    assert_eq!(b.origin, format!("{}#record 5", file.display()));
    let c = &docs[2];
    assert!(
        html(c).contains("Мэр сказал, что всё хорошо."),
        "{}",
        html(c)
    );
}

#[test]
fn warc_gz_one_member_per_record() {
    let dir = TempDir::new("warcgz");
    let bytes: Vec<u8> = crawl().iter().flat_map(|r| gz(r)).collect();
    let file = dir.write("CC-NEWS-test.warc.gz", &bytes);
    let (docs, errors) = docs_and_errors(read_path(&file, None, &Options::default()));
    assert!(errors.is_empty(), "{errors:?}");
    check_crawl_docs(&docs, &file);
}

#[test]
fn plain_warc_and_sniffed_streams() {
    let dir = TempDir::new("warc");
    let bytes: Vec<u8> = crawl().concat();
    let file = dir.write("crawl.warc", &bytes);
    let (docs, errors) = docs_and_errors(read_path(&file, None, &Options::default()));
    assert!(errors.is_empty(), "{errors:?}");
    check_crawl_docs(&docs, &file);
    // a gzipped WARC without a telling name (as on standard input): sniffed inside the gzip
    let zipped: Vec<u8> = crawl().iter().flat_map(|r| gz(r)).collect();
    let (docs, errors) = docs_and_errors(read_reader(
        &zipped[..],
        None,
        "<stdin>",
        &Options::default(),
    ));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(ids(&docs), ["aaaa-1", "bbbb-2", "cccc-3"]);
    assert_eq!(docs[0].origin, "<stdin>#record 3");
}

/// Byte offset of record `i` (0-based) in the plain concatenation.
fn offset_of(records: &[Vec<u8>], i: usize) -> usize {
    records[..i].iter().map(Vec::len).sum()
}

#[test]
fn content_length_too_short_is_named_and_reading_goes_on() {
    let dir = TempDir::new("short");
    let mut records = crawl();
    let page = http(
        Some("text/html; charset=utf-8"),
        "",
        ru_page("Ложь", "Длина записи указана неверно.", "").as_bytes(),
    );
    records.insert(
        3,
        record(
            "response",
            "liar-short",
            "https://x.example/",
            &page,
            Some(page.len() - 40),
        ),
    );
    let file = dir.write("short.warc", records.concat());
    let (docs, errors) = docs_and_errors(read_path(&file, None, &Options::default()));
    assert_eq!(ids(&docs), ["aaaa-1", "bbbb-2", "cccc-3"]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let e = &errors[0];
    let at = offset_of(&records, 3);
    assert_eq!(
        e.place,
        Place::Record {
            number: 4,
            offset: at as u64
        }
    );
    let msg = e.to_string();
    assert!(
        msg.starts_with(&format!("{}#record 4 at byte {at}: ", file.display())),
        "{msg}"
    );
    assert!(msg.contains("Content-Length"), "{msg}");
}

#[test]
fn content_length_too_long_is_named_and_the_swallowed_record_is_read() {
    let dir = TempDir::new("long");
    let mut records = crawl();
    let block = http(Some("text/html"), "", b"<p>short page</p>");
    // claims to run 300 bytes into the next record (the metadata one) and beyond
    records[2] = record(
        "response",
        "liar-long",
        "https://x.example/",
        &block,
        Some(block.len() + 300),
    );
    let file = dir.write("long.warc", records.concat());
    let (docs, errors) = docs_and_errors(read_path(&file, None, &Options::default()));
    assert_eq!(ids(&docs), ["bbbb-2", "cccc-3"]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let msg = errors[0].to_string();
    let at = offset_of(&records, 2);
    assert!(
        msg.starts_with(&format!("{}#record 3 at byte {at}: ", file.display())),
        "{msg}"
    );
    // the records after it keep their numbers
    assert_eq!(docs[0].origin, format!("{}#record 5", file.display()));
}

#[test]
fn truncated_plain_warc_keeps_what_came_before() {
    let dir = TempDir::new("trunc");
    let records = crawl();
    let all = records.concat();
    let cut = offset_of(&records, 4) + 300; // inside the KOI8-R page's block
    let file = dir.write("cut.warc", &all[..cut]);
    let (docs, errors) = docs_and_errors(read_path(&file, None, &Options::default()));
    assert_eq!(ids(&docs), ["aaaa-1"]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let msg = errors[0].to_string();
    assert!(
        msg.starts_with(&format!(
            "{}#record 5 at byte {}: ",
            file.display(),
            offset_of(&records, 4)
        )),
        "{msg}"
    );
    assert!(msg.contains("truncated"), "{msg}");
    // cut inside a header
    let file = dir.write("cut2.warc", &all[..offset_of(&records, 2) + 30]);
    let (docs, errors) = docs_and_errors(read_path(&file, None, &Options::default()));
    assert!(docs.is_empty());
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].to_string().contains("#record 3 at byte"),
        "{}",
        errors[0]
    );
    assert!(errors[0].to_string().contains("truncated"), "{}", errors[0]);
}

#[test]
fn truncated_gzip_ends_the_file_with_an_error() {
    let dir = TempDir::new("truncgz");
    let members: Vec<Vec<u8>> = crawl().iter().map(|r| gz(r)).collect();
    let all = members.concat();
    let cut = members[..4].iter().map(Vec::len).sum::<usize>() + members[4].len() / 2;
    let file = dir.write("cut.warc.gz", &all[..cut]);
    let (docs, errors) = docs_and_errors(read_path(&file, None, &Options::default()));
    assert_eq!(ids(&docs), ["aaaa-1"], "{errors:?}");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let msg = errors[0].to_string();
    assert!(
        msg.starts_with(&format!("{}#record ", file.display())),
        "{msg}"
    );
    assert!(msg.contains("corrupt or truncated gzip data"), "{msg}");
    // gzip garbage in the middle: same
    let mut bad = members[..3].concat();
    bad.extend(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03garbage that is not deflate");
    let file = dir.write("bad.warc.gz", &bad);
    let (docs, errors) = docs_and_errors(read_path(&file, None, &Options::default()));
    assert_eq!(ids(&docs), ["aaaa-1"]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].to_string().contains("gzip"), "{}", errors[0]);
}

#[test]
fn garbage_between_records_is_named_then_skipped() {
    let dir = TempDir::new("garbage");
    let records = crawl();
    let mut bytes = records[..3].concat();
    let at = bytes.len();
    bytes.extend(b"this line is not a header\r\nnor this one\r\n");
    bytes.extend(records[3..].concat());
    let file = dir.write("g.warc", &bytes);
    let (docs, errors) = docs_and_errors(read_path(&file, None, &Options::default()));
    assert_eq!(ids(&docs), ["aaaa-1", "bbbb-2", "cccc-3"]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        errors[0].to_string(),
        format!(
            "{}#record 4 at byte {at}: expected a WARC record header (\"WARC/1.0\"), found \"this line is not a header\"",
            file.display()
        )
    );
}

#[test]
fn warc_record_over_the_limit_is_refused_and_skipped() {
    let records = crawl();
    let big_page = http(
        Some("text/html"),
        "",
        format!("<p>{}</p>", "слово ".repeat(2000)).as_bytes(),
    );
    let mut bytes = records[..3].concat();
    bytes.extend(record(
        "response",
        "big",
        "https://x.example/big",
        &big_page,
        None,
    ));
    bytes.extend(records[3..].concat());
    let opts = Options { max_bytes: 8000 };
    let (docs, errors) = docs_and_errors(read_bytes(&bytes, None, "big.warc", &opts));
    assert_eq!(ids(&docs), ["aaaa-1", "bbbb-2", "cccc-3"]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let msg = errors[0].to_string();
    assert!(msg.starts_with("big.warc#record 4 at byte"), "{msg}");
    assert!(msg.contains("too large"), "{msg}");
}

// ---- JSON Lines ----

const JSONL: &str = r#"{"id": "tass-1", "url": "https://news.example/1", "title": "Talks resume", "text": "MOSCOW, May 18. The talks resumed, the ministry said.", "published": "2021-05-18", "outlet": "Example Wire", "author": "A. Writer", "language": "en", "section": "world", "tags": ["talks"]}
{"url": "https://news.example/2", "title": 5, "text": "wrong type above"}
{"html": "<html><body><p>Второй текст.</p></body></html>", "language": "ru"}
"#;

#[test]
fn jsonl_plain_gzip_and_zstd_read_the_same() {
    let dir = TempDir::new("jsonl");
    let zst = ruzstd::encoding::compress_to_vec(
        JSONL.as_bytes(),
        ruzstd::encoding::CompressionLevel::Fastest,
    );
    let files = [
        dir.write("feed.jsonl", JSONL),
        dir.write("feed.ndjson.gz", gz(JSONL.as_bytes())),
        dir.write("feed.jsonl.zst", zst),
    ];
    for file in &files {
        let (docs, errors) = docs_and_errors(read_path(file, None, &Options::default()));
        assert_eq!(ids(&docs), ["tass-1", "feed:3"], "{}", file.display());
        let a = &docs[0];
        assert_eq!(a.origin, format!("{}:line 1", file.display()));
        assert_eq!(
            a.body,
            Body::Text("MOSCOW, May 18. The talks resumed, the ministry said.".into())
        );
        assert_eq!(a.url.as_deref(), Some("https://news.example/1"));
        assert_eq!(a.title.as_deref(), Some("Talks resume"));
        assert_eq!(a.published.as_deref(), Some("2021-05-18"));
        assert_eq!(a.outlet.as_deref(), Some("Example Wire"));
        assert_eq!(a.author.as_deref(), Some("A. Writer"));
        assert_eq!(a.language.as_deref(), Some("en"));
        assert_eq!(a.extra.len(), 2);
        assert_eq!(a.extra["section"], "world");
        assert_eq!(
            docs[1].body,
            Body::Html("<html><body><p>Второй текст.</p></body></html>".into())
        );
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].to_string(),
            format!(
                "{}:line 2: field \"title\" must be a string, not a number",
                file.display()
            )
        );
        assert_eq!(errors[0].place, Place::Line(2));
    }
}

#[test]
fn truncated_compressed_jsonl_ends_with_an_error() {
    let long: String = (0..200)
        .map(|i| format!("{{\"id\": {i}, \"text\": \"article number {i} of a long feed\"}}\n"))
        .collect();
    let zipped = gz(long.as_bytes());
    let (docs, errors) = docs_and_errors(read_bytes(
        &zipped[..zipped.len() - 20],
        None,
        "feed.jsonl.gz",
        &Options::default(),
    ));
    assert!(!docs.is_empty() && docs.len() <= 200);
    assert_eq!(errors.len(), 1);
    let msg = errors[0].to_string();
    assert!(msg.starts_with("feed.jsonl.gz:line "), "{msg}");
    assert!(msg.contains("corrupt or truncated gzip data"), "{msg}");
    let zst = ruzstd::encoding::compress_to_vec(
        long.as_bytes(),
        ruzstd::encoding::CompressionLevel::Fastest,
    );
    let (_, errors) = docs_and_errors(read_bytes(
        &zst[..zst.len() / 2],
        Some(Format::Jsonl),
        "feed.jsonl.zst",
        &Options::default(),
    ));
    assert_eq!(errors.len(), 1);
    assert!(errors[0].to_string().contains("zstd"), "{}", errors[0]);
}

// ---- HTML ----

#[test]
fn html_in_legacy_charsets() {
    let dir = TempDir::new("html");
    let meta_only = dir.write(
        "meta.html",
        encode(
            &ru_page(RU_TITLE, RU_TEXT, r#"<meta charset="windows-1251">"#),
            WINDOWS_1251,
        ),
    );
    let bare_1251 = dir.write(
        "bare1251.htm",
        encode(&ru_page(RU_TITLE, RU_TEXT, ""), WINDOWS_1251),
    );
    let bare_koi8 = dir.write(
        "bare-koi8.html.gz",
        gz(&encode(
            &ru_page("Мост откроют осенью", RU_TEXT_2, ""),
            KOI8_R,
        )),
    );
    for (file, stem, text) in [
        (&meta_only, "meta", RU_TEXT),
        (&bare_1251, "bare1251", RU_TEXT),
        (&bare_koi8, "bare-koi8", RU_TEXT_2),
    ] {
        let (docs, errors) = docs_and_errors(read_path(file, None, &Options::default()));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(ids(&docs), [stem]);
        assert!(
            html(&docs[0]).contains(text),
            "{}: {}",
            file.display(),
            html(&docs[0])
        );
        assert_eq!(docs[0].origin, file.display().to_string());
    }
}

#[test]
fn broken_html_bytes_still_decode() {
    let mut junk = b"<html><head><meta charset=\"".to_vec();
    junk.extend((0..=255u8).cycle().take(5000));
    junk.extend(b"<p attr='unclosed <script>\xff\xfe\x00</");
    let (docs, errors) = docs_and_errors(read_bytes(
        &junk,
        Some(Format::Html),
        "junk.html",
        &Options::default(),
    ));
    assert!(errors.is_empty());
    assert_eq!(docs.len(), 1);
    assert!(html(&docs[0]).starts_with("<html><head>"));
}

/// A 50 MB page: refused by size without being read, refused after 16 MB when its size is
/// unknown (gzip), and read without trouble when the limit allows it.
#[test]
fn fifty_megabyte_page() {
    let dir = TempDir::new("huge");
    let unit = "<div class=\"x\"><p>Абзац текста, который повторяется снова и снова.</p></div>\n";
    let page: String = unit.repeat(50 * 1024 * 1024 / unit.len() + 1);
    assert!(page.len() > 50 * 1024 * 1024);
    let file = dir.write("huge.html", page.as_bytes());
    let zipped = dir.write("huge.html.gz", gz(page.as_bytes()));
    let next = dir.write("next.html", "<p>next</p>");
    let mut items = Vec::new();
    for f in [&file, &zipped, &next] {
        items.extend(read_path(f, None, &Options::default()));
    }
    let (docs, errors) = docs_and_errors(items.into_iter());
    assert_eq!(ids(&docs), ["next"]);
    assert_eq!(errors.len(), 2);
    assert_eq!(
        errors[0].to_string(),
        format!(
            "{}: 52.4 MB is too large for one article (limit 16.8 MB; raise it with --max-bytes)",
            file.display()
        )
    );
    assert!(
        errors[1].to_string().starts_with(&format!(
            "{}: too large for one article: more than the limit of 16.8 MB",
            zipped.display()
        )),
        "{}",
        errors[1]
    );
    let big = Options {
        max_bytes: 64 * 1024 * 1024,
    };
    let (docs, errors) = docs_and_errors(read_path(&zipped, None, &big));
    assert!(errors.is_empty());
    assert_eq!(html(&docs[0]).len(), page.len());
}

// ---- text ----

#[test]
fn invalid_utf8_text_is_named_and_the_next_file_is_read() {
    let dir = TempDir::new("text");
    let bad = dir.write("a_bad.txt", b"Title\nok line\nbad \xff here\n");
    let good = dir.write("b_good.txt", "\u{feff}Title\n\nBody.\n");
    let mut items = Vec::new();
    for p in expand(&[dir.path()]) {
        items.extend(read_path(p.unwrap(), None, &Options::default()));
    }
    let (docs, errors) = docs_and_errors(items.into_iter());
    assert_eq!(ids(&docs), ["b_good"]);
    assert_eq!(docs[0].body, Body::Text("Title\n\nBody.\n".into()));
    assert_eq!(docs[0].origin, good.display().to_string());
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].to_string(),
        format!(
            "{}: invalid UTF-8 at byte 18 (line 3, column 5); convert the file to UTF-8 first",
            bad.display()
        )
    );
}

#[test]
fn missing_file_is_named() {
    let (docs, errors) =
        docs_and_errors(read_path("/no/such/dir/x.warc", None, &Options::default()));
    assert!(docs.is_empty());
    let msg = errors[0].to_string();
    assert!(
        msg.starts_with("/no/such/dir/x.warc: cannot read: "),
        "{msg}"
    );
}

// ---- expand ----

#[test]
fn expand_walks_sorted_and_filters() {
    let dir = TempDir::new("expand");
    for f in [
        "b.txt",
        "a/c.html",
        "a/z.md",
        "a/y.HTM",
        "notes.json",
        "sub/deeper/d.jsonl.zst",
        "sub/e.TXT.bak",
        "sub/f.warc.gz",
        "sub/g.warc.zst",
        "sub/h.ndjson",
        "sub/i.html.gz",
        "sub/j.txt.gz",
        "k.jsonl.gz",
        "l.warc",
    ] {
        dir.write(f, "x");
    }
    let explicit = dir.write("other/explicit.dat", "x");
    let missing = dir.path().join("missing.txt");
    let got = expand(&[
        dir.path().to_path_buf(),
        PathBuf::from("-"),
        explicit.clone(),
        missing.clone(),
    ]);
    let rel: Vec<String> = got
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|p| {
            p.strip_prefix(dir.path())
                .unwrap_or(p)
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(
        rel,
        [
            "a/c.html",
            "a/y.HTM",
            "b.txt",
            "k.jsonl.gz",
            "l.warc",
            "sub/deeper/d.jsonl.zst",
            "sub/f.warc.gz",
            "sub/h.ndjson",
            "sub/i.html.gz",
            "-",
            "other/explicit.dat",
        ]
    );
    let err = got.last().unwrap().as_ref().unwrap_err().to_string();
    assert!(
        err.starts_with(&format!("{}: cannot read: ", missing.display())),
        "{err}"
    );
}

/// A WARC file written by another implementation (Python's warcio; see
/// tests/data/make_warcio.py): digests, request records, WARC-Date, a skipped image.
#[test]
fn warc_written_by_warcio() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/warcio.warc.gz");
    let (docs, errors) = docs_and_errors(read_path(&file, None, &Options::default()));
    assert!(errors.is_empty(), "{errors:?}");
    let urls: Vec<&str> = docs.iter().map(|d| d.url.as_deref().unwrap()).collect();
    assert_eq!(
        urls,
        [
            "https://vesti.example.ru/2021/05/17/talks",
            "https://gazeta.example.ru/bridge",
            "https://news.example.com/council"
        ]
    );
    for (d, text) in docs.iter().zip([
        "Министр сказал журналистам, что переговоры продолжатся в понедельник.",
        "Губернатор сообщил, что мост откроют к осени.",
        "The council voted on Monday, a spokeswoman said.",
    ]) {
        assert!(html(d).contains(text), "{}: {}", d.origin, html(d));
        assert_eq!(d.doc.len(), 36, "a bare UUID: {}", d.doc);
        assert!(d.crawl_date.as_deref().is_some_and(|t| t.ends_with('Z')));
    }
    assert_eq!(docs[0].http_charset.as_deref(), Some("windows-1251"));
    assert_eq!(docs[1].http_charset, None);
    assert!(
        docs[1].origin.ends_with("warcio.warc.gz#record 5"),
        "{}",
        docs[1].origin
    );
}
