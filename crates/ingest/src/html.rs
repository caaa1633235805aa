//! Decoding HTML bytes to UTF-8: which charset, then encoding_rs.
//!
//! The charset comes from, in order: a byte-order mark (as in the WHATWG encoding-sniffing
//! algorithm, it wins over everything), the HTTP `Content-Type` header, a `<meta charset>` or
//! `<meta http-equiv="Content-Type" content="...; charset=...">` (or an `<?xml encoding=...?>`
//! declaration) in the first 16 KB, and else detection with chardetng (which tells windows-1251
//! from KOI8-R Cyrillic, among others). A declared UTF-8 that the bytes are not is ignored (a
//! common server misconfiguration) and the charset detected instead. Bytes that are invalid in
//! the chosen encoding become U+FFFD; decoding never fails.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252, X_USER_DEFINED};

/// How far into a page `<meta charset>` is looked for.
const PRESCAN_BYTES: usize = 16 * 1024;
/// How much of a page chardetng looks at.
const DETECT_BYTES: usize = 1024 * 1024;

/// Where a page's charset came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharsetSource {
    Bom,
    Http,
    Meta,
    Detected,
}

/// Decodes an HTML page to UTF-8 text (a BOM is dropped). `http_charset` is the `charset`
/// parameter of the HTTP `Content-Type` header, when there was one.
pub fn decode_html(bytes: &[u8], http_charset: Option<&str>) -> String {
    decode_html_for(bytes, http_charset, None)
}

/// [`decode_html`] with the page's URL, whose top-level domain guides detection when nothing
/// declares the charset (a `.ru` page is more likely windows-1251 than windows-1252).
pub fn decode_html_for(bytes: &[u8], http_charset: Option<&str>, url: Option<&str>) -> String {
    let (enc, _) = html_charset(bytes, http_charset, url);
    let body = match Encoding::for_bom(bytes) {
        Some((bom_enc, len)) if bom_enc == enc => &bytes[len..],
        _ => bytes,
    };
    enc.decode_without_bom_handling(body).0.into_owned()
}

/// The encoding of an HTML page and where it came from (see the module documentation).
pub fn html_charset(
    bytes: &[u8],
    http_charset: Option<&str>,
    url: Option<&str>,
) -> (&'static Encoding, CharsetSource) {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return (enc, CharsetSource::Bom);
    }
    let utf8_ok = || is_utf8_prefix(bytes);
    if let Some(enc) = http_charset.and_then(|l| Encoding::for_label(unquote(l).as_bytes())) {
        if enc != UTF_8 || utf8_ok() {
            return (enc, CharsetSource::Http);
        }
    }
    if let Some(enc) = prescan(&bytes[..bytes.len().min(PRESCAN_BYTES)]) {
        if enc != UTF_8 || utf8_ok() {
            return (enc, CharsetSource::Meta);
        }
    }
    (detect(bytes, url), CharsetSource::Detected)
}

/// Whether `bytes` is UTF-8, allowing a sequence cut at the very end.
fn is_utf8_prefix(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    }
}

fn detect(bytes: &[u8], url: Option<&str>) -> &'static Encoding {
    let sample = &bytes[..bytes.len().min(DETECT_BYTES)];
    if is_utf8_prefix(sample) {
        // plain ASCII or valid UTF-8: chardetng would say the same, only slower
        return UTF_8;
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(sample, sample.len() == bytes.len());
    let tld = url.and_then(tld);
    det.guess(tld.as_deref(), chardetng::Utf8Detection::Allow)
}

/// The top-level domain of a URL, lower-case ASCII without a period (what chardetng accepts).
fn tld(url: &str) -> Option<Vec<u8>> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.trim_end_matches('.');
    let label = host.rsplit('.').next()?;
    if label.is_empty()
        || !label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        return None;
    }
    Some(label.to_ascii_lowercase().into_bytes())
}

fn unquote(s: &str) -> &str {
    s.trim().trim_matches(|c| c == '"' || c == '\'').trim()
}

/// An encoding named in a `<meta>` tag, with the HTML standard's adjustments.
fn meta_encoding(label: &[u8]) -> Option<&'static Encoding> {
    let enc = Encoding::for_label(label)?;
    Some(if enc == UTF_16LE || enc == UTF_16BE {
        UTF_8
    } else if enc == X_USER_DEFINED {
        WINDOWS_1252
    } else {
        enc
    })
}

/// A simplified version of the HTML standard's prescan: `<meta charset>`,
/// `<meta http-equiv="content-type" content="...charset=...">`, skipping comments and the
/// attributes of other tags; and the XML declaration's `encoding`.
fn prescan(b: &[u8]) -> Option<&'static Encoding> {
    if b.starts_with(b"<?xml") {
        let end = memchr::memchr(b'>', b).unwrap_or(b.len());
        if let Some(label) = attr_in(&b[..end], b"encoding") {
            if let Some(enc) = meta_encoding(label) {
                return Some(enc);
            }
        }
    }
    let mut i = 0;
    while i < b.len() {
        let Some(lt) = memchr::memchr(b'<', &b[i..]) else {
            break;
        };
        i += lt;
        let rest = &b[i..];
        if rest.starts_with(b"<!--") {
            i += match memchr::memmem::find(&rest[4..], b"-->") {
                Some(p) => 4 + p + 3,
                None => return None,
            };
        } else if starts_with_ci(rest, b"<meta")
            && rest
                .get(5)
                .is_some_and(|&c| c.is_ascii_whitespace() || c == b'/')
        {
            let (attrs, end) = attributes(&rest[5..]);
            i += 5 + end;
            let mut charset = None;
            let mut content = None;
            let mut http_equiv = false;
            for (name, value) in attrs {
                match name.as_slice() {
                    b"charset" if charset.is_none() => charset = Some(value),
                    b"content" if content.is_none() => content = Some(value),
                    b"http-equiv" => http_equiv |= value.eq_ignore_ascii_case(b"content-type"),
                    _ => {}
                }
            }
            let label = match (charset, content) {
                (Some(c), _) => Some(c),
                (None, Some(c)) if http_equiv => charset_in_content(&c).map(<[u8]>::to_vec),
                _ => None,
            };
            if let Some(enc) = label.and_then(|l| meta_encoding(&l)) {
                return Some(enc);
            }
        } else if rest.len() > 1 && (rest[1].is_ascii_alphabetic() || rest[1] == b'/') {
            // another tag: skip its attributes, whose values may hold '<' or '>'
            let name_len = rest[1..]
                .iter()
                .position(|&c| c.is_ascii_whitespace() || c == b'>')
                .unwrap_or(rest.len() - 1);
            let (_, end) = attributes(&rest[1 + name_len..]);
            i += 1 + name_len + end;
        } else if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i += memchr::memchr(b'>', rest).map_or(rest.len(), |p| p + 1);
        } else {
            i += 1;
        }
    }
    None
}

fn starts_with_ci(b: &[u8], prefix: &[u8]) -> bool {
    b.len() >= prefix.len() && b[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// An attribute's lower-case name and its value.
type Attribute = (Vec<u8>, Vec<u8>);

/// The attributes of a tag from just after its name: lower-case names with their values, and
/// the number of bytes up to and including the closing `>` (or all of `b`).
fn attributes(b: &[u8]) -> (Vec<Attribute>, usize) {
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return (out, b.len());
        }
        if b[i] == b'>' {
            return (out, i + 1);
        }
        let start = i;
        while i < b.len() && !matches!(b[i], b'=' | b'>' | b'/') && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i == start {
            // a stray '=' with no name before it
            i += 1;
        }
        let name = b[start..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = Vec::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let end = memchr::memchr(q, &b[i + 1..]).map_or(b.len(), |p| i + 1 + p);
                value = b[i + 1..end].to_vec();
                i = (end + 1).min(b.len());
            } else {
                let s = i;
                while i < b.len() && b[i] != b'>' && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = b[s..i].to_vec();
            }
        }
        if out.len() < 64 {
            out.push((name, value));
        }
    }
}

/// The value of `charset=` in a `Content-Type` value (`text/html; charset="koi8-r"`).
pub(crate) fn charset_in_content(content: &[u8]) -> Option<&[u8]> {
    let mut from = 0;
    while let Some(p) = find_ci(&content[from..], b"charset") {
        let mut i = from + p + 7;
        while i < content.len() && content[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < content.len() && content[i] == b'=' {
            i += 1;
            while i < content.len() && content[i].is_ascii_whitespace() {
                i += 1;
            }
            let quoted = i < content.len() && (content[i] == b'"' || content[i] == b'\'');
            if quoted {
                i += 1;
            }
            let end = content[i..]
                .iter()
                .position(|&c| c == b';' || c == b'"' || c == b'\'' || c.is_ascii_whitespace())
                .map_or(content.len(), |p| i + p);
            return (end > i).then(|| &content[i..end]);
        }
        from = i;
    }
    None
}

/// `name="value"` inside an XML declaration.
fn attr_in<'a>(b: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let p = find_ci(b, name)? + name.len();
    let rest = &b[p..];
    let q = rest.iter().position(|&c| c == b'"' || c == b'\'')?;
    let quote = rest[q];
    let end = memchr::memchr(quote, &rest[q + 1..])?;
    Some(&rest[q + 1..q + 1 + end])
}

fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{KOI8_R, KOI8_U, WINDOWS_1251};

    const RU: &str = "Министр иностранных дел заявил журналистам, что переговоры \
        продолжатся на следующей неделе в Женеве. \"Мы готовы к диалогу\", - сказал он.";

    fn page(head: &str, enc: &'static Encoding) -> Vec<u8> {
        let html = format!(
            "<html><head>{head}<title>Новости</title></head><body><p>{RU}</p></body></html>"
        );
        enc.encode(&html).0.into_owned()
    }

    #[test]
    fn http_header_wins_over_meta() {
        let b = page(r#"<meta charset="utf-8">"#, WINDOWS_1251);
        assert_eq!(
            html_charset(&b, Some("windows-1251"), None),
            (WINDOWS_1251, CharsetSource::Http)
        );
        assert!(decode_html(&b, Some("\"windows-1251\"")).contains(RU));
    }

    #[test]
    fn meta_charset_and_http_equiv() {
        let b = page(r#"<meta charset=windows-1251>"#, WINDOWS_1251);
        assert_eq!(
            html_charset(&b, None, None),
            (WINDOWS_1251, CharsetSource::Meta)
        );
        let b = page(
            r#"<!-- <meta charset="utf-8"> --><META HTTP-EQUIV="Content-Type" CONTENT='text/html; charset=koi8-r'>"#,
            KOI8_R,
        );
        assert_eq!(html_charset(&b, None, None), (KOI8_R, CharsetSource::Meta));
        assert!(decode_html(&b, None).contains(RU));
    }

    #[test]
    fn meta_after_a_tag_with_tricky_attributes() {
        let b = page(
            r#"<link title="a > b <meta charset=koi8-r>"><meta charset="windows-1251">"#,
            WINDOWS_1251,
        );
        assert_eq!(html_charset(&b, None, None).0, WINDOWS_1251);
    }

    #[test]
    fn xml_declaration() {
        let mut b = br#"<?xml version="1.0" encoding="koi8-r"?>"#.to_vec();
        b.extend(page("", KOI8_R));
        assert_eq!(html_charset(&b, None, None), (KOI8_R, CharsetSource::Meta));
    }

    #[test]
    fn bom_wins() {
        let mut b = b"\xEF\xBB\xBF".to_vec();
        b.extend(page(r#"<meta charset="koi8-r">"#, UTF_8));
        assert_eq!(
            html_charset(&b, Some("koi8-r"), None),
            (UTF_8, CharsetSource::Bom)
        );
        let s = decode_html(&b, None);
        assert!(s.starts_with("<html>") && s.contains(RU));
    }

    /// chardetng names KOI8-R text KOI8-U, a superset whose Russian letters are the same.
    fn same_letters(a: &'static Encoding, b: &'static Encoding) -> bool {
        let koi = |e| e == KOI8_R || e == KOI8_U;
        a == b || (koi(a) && koi(b))
    }

    #[test]
    fn detection_without_any_declaration() {
        for enc in [WINDOWS_1251, KOI8_R] {
            let b = page("", enc);
            let (got, source) = html_charset(&b, None, None);
            assert!(same_letters(got, enc), "{} for {}", got.name(), enc.name());
            assert_eq!(source, CharsetSource::Detected);
            assert!(decode_html(&b, None).contains(RU));
            let (got, _) = html_charset(&b, None, Some("https://news.example.ru/a/1"));
            assert!(same_letters(got, enc), "{} for {}", got.name(), enc.name());
        }
        assert_eq!(
            html_charset(b"plain ascii", None, None),
            (UTF_8, CharsetSource::Detected)
        );
    }

    #[test]
    fn declared_utf8_that_is_not_is_ignored() {
        let b = page(r#"<meta charset="utf-8">"#, WINDOWS_1251);
        assert_eq!(
            html_charset(&b, Some("utf-8"), None),
            (WINDOWS_1251, CharsetSource::Detected)
        );
    }

    #[test]
    fn unknown_labels_fall_through() {
        let b = page(r#"<meta charset="no-such-charset">"#, KOI8_R);
        let (got, source) = html_charset(&b, Some("bogus"), None);
        assert!(same_letters(got, KOI8_R) && source == CharsetSource::Detected);
    }

    #[test]
    fn tld_is_sanitised() {
        assert_eq!(
            tld("https://Example.RU:8080/x").as_deref(),
            Some(&b"ru"[..])
        );
        assert_eq!(tld("http://user@host.com./"), Some(b"com".to_vec()));
        assert_eq!(tld("http://пример.рф/"), None);
        assert_eq!(tld(""), None);
    }

    #[test]
    fn charset_parameter() {
        assert_eq!(
            charset_in_content(b"text/html; Charset = \"KOI8-R\""),
            Some(&b"KOI8-R"[..])
        );
        assert_eq!(
            charset_in_content(b"text/html;charset=utf-8;q=1"),
            Some(&b"utf-8"[..])
        );
        assert_eq!(charset_in_content(b"text/html"), None);
        assert_eq!(charset_in_content(b"charset="), None);
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for b in [
            &b"<meta"[..],
            b"<meta charset=",
            b"<meta charset='",
            b"<!--",
            b"<a href=\"",
            b"<?xml encoding=\"",
            b"<",
            b"<meta/charset=koi8-r",
            b"\xff\xfe\x00",
        ] {
            let _ = decode_html(b, None);
        }
    }
}
