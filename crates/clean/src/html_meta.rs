//! Page metadata from HTML: `<meta>` tags (OpenGraph, article:, Dublin Core,
//! Parse.ly, Sailthru), `<title>`, `<html lang>`, `<link rel=canonical>` and
//! JSON-LD (`headline`, `datePublished`, `author`, `publisher`).
//!
//! A single linear scan over the markup, independent of the main-text
//! extractor: no DOM is built, so it costs little even on huge pages.

use serde_json::Value;

/// What the page says about itself. Raw strings; dates are parsed later.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PageMeta {
    pub og_title: Option<String>,
    pub twitter_title: Option<String>,
    pub html_title: Option<String>,
    pub site_name: Option<String>,
    pub published: Vec<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub canonical: Option<String>,
    pub lang: Option<String>,
    pub ld_headline: Option<String>,
    pub ld_published: Option<String>,
    pub ld_author: Option<String>,
    pub ld_publisher: Option<String>,
}

/// Meta names that carry a publication date, most specific first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "og:published_time",
    "published_time",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "date",
];

const AUTHOR_KEYS: &[&str] = &[
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "byl",
];

/// Pages larger than this are scanned only in their first part: metadata sits
/// in the head, and a runaway page must not cost more than a normal one.
const MAX_SCAN: usize = 4 << 20;

pub(crate) fn scan(html: &str) -> PageMeta {
    let html = prefix(html, MAX_SCAN);
    let mut meta = PageMeta::default();
    let mut dates: Vec<(usize, String)> = Vec::new();
    let mut authors: Vec<(usize, String)> = Vec::new();
    let bytes = html.as_bytes();
    let mut pos = 0;
    while let Some(off) = html[pos..].find('<') {
        let lt = pos + off;
        pos = lt + 1;
        if html[lt..].starts_with("<!--") {
            pos = html[lt + 4..]
                .find("-->")
                .map_or(html.len(), |e| lt + 4 + e + 3);
            continue;
        }
        let name_end = lt
            + 1
            + bytes[lt + 1..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
        let name = html[lt + 1..name_end].to_ascii_lowercase();
        if !matches!(
            name.as_str(),
            "meta" | "title" | "html" | "link" | "script" | "style"
        ) {
            continue;
        }
        let (attrs, tag_end) = parse_attrs(html, name_end);
        pos = tag_end;
        match name.as_str() {
            "meta" => {
                let content = attr(&attrs, "content").map(|v| clean_value(&v));
                let Some(content) = content.filter(|c| !c.is_empty()) else {
                    continue;
                };
                for k in ["property", "name", "itemprop", "http-equiv"] {
                    let Some(key) = attr(&attrs, k) else {
                        continue;
                    };
                    let key = key.trim().to_ascii_lowercase();
                    match key.as_str() {
                        "og:title" => set(&mut meta.og_title, &content),
                        "twitter:title" => set(&mut meta.twitter_title, &content),
                        "og:site_name" | "application-name" => set(&mut meta.site_name, &content),
                        "og:url" => set(&mut meta.url, &content),
                        "content-language" | "og:locale" | "language" | "dc.language" => {
                            set(&mut meta.lang, &content)
                        }
                        _ => {
                            if let Some(rank) = DATE_KEYS.iter().position(|d| *d == key) {
                                dates.push((rank, content.clone()));
                            }
                            if let Some(rank) = AUTHOR_KEYS.iter().position(|d| *d == key) {
                                if !content.starts_with("http") {
                                    authors.push((rank, content.clone()));
                                }
                            }
                        }
                    }
                }
            }
            "html" => {
                if let Some(l) = attr(&attrs, "lang").or_else(|| attr(&attrs, "xml:lang")) {
                    if meta.lang.is_none() && !l.trim().is_empty() {
                        meta.lang = Some(l.trim().to_string());
                    }
                }
            }
            "link" => {
                let rel = attr(&attrs, "rel").unwrap_or_default().to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") {
                    if let Some(href) = attr(&attrs, "href") {
                        set(&mut meta.canonical, &clean_value(&href));
                    }
                }
            }
            "title" => {
                let end =
                    crate::markup::find_ascii_ci(html, tag_end, "</title").unwrap_or(html.len());
                if meta.html_title.is_none() {
                    let t = clean_value(&html[tag_end..end]);
                    if !t.is_empty() {
                        meta.html_title = Some(t);
                    }
                }
                pos = end;
            }
            "script" | "style" => {
                let close = if name == "script" {
                    "</script"
                } else {
                    "</style"
                };
                let end = crate::markup::find_ascii_ci(html, tag_end, close).unwrap_or(html.len());
                let ty = attr(&attrs, "type")
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                if name == "script" && ty.contains("ld+json") {
                    read_json_ld(&html[tag_end..end], &mut meta);
                }
                pos = end;
            }
            _ => {}
        }
    }
    dates.sort_by_key(|(rank, _)| *rank);
    meta.published = dates.into_iter().map(|(_, d)| d).collect();
    authors.sort_by_key(|(rank, _)| *rank);
    meta.author = authors.into_iter().map(|(_, a)| a).next();
    meta
}

fn set(slot: &mut Option<String>, value: &str) {
    if slot.is_none() && !value.is_empty() {
        *slot = Some(value.to_string());
    }
}

fn attr(attrs: &[(String, String)], name: &str) -> Option<String> {
    attrs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
}

/// Attributes of the tag whose name ends at `from`, and the byte after its `>`.
fn parse_attrs(html: &str, from: usize) -> (Vec<(String, String)>, usize) {
    let b = html.as_bytes();
    let mut i = from;
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return (attrs, b.len());
        }
        if b[i] == b'>' {
            return (attrs, i + 1);
        }
        let ns = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = html[ns..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let ve = b[vs..]
                    .iter()
                    .position(|&c| c == q)
                    .map_or(b.len(), |p| vs + p);
                value = html[vs..ve].to_string();
                i = (ve + 1).min(b.len());
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                value = html[vs..i].to_string();
            }
        }
        if name.is_empty() {
            i += 1; // a stray byte; never loop in place
        } else {
            attrs.push((name, value));
        }
    }
}

fn prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Entities decoded, whitespace collapsed, trimmed.
pub(crate) fn clean_value(raw: &str) -> String {
    let decoded = decode_entities(raw);
    let mut out = String::with_capacity(decoded.len());
    for w in decoded.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Decodes character references: numeric ones and the named ones metadata uses.
pub(crate) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let end = rest[1..]
            .char_indices()
            .take(10)
            .find(|(_, c)| *c == ';')
            .map(|(i, _)| i + 1);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = if let Some(num) = name.strip_prefix('#') {
                let n = if let Some(hex) = num.strip_prefix(['x', 'X']) {
                    u32::from_str_radix(hex, 16).ok()
                } else {
                    num.parse().ok()
                };
                n.and_then(char::from_u32)
            } else {
                named_entity(name)
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "hellip" => '…',
        "copy" => '©',
        _ => return None,
    })
}

fn read_json_ld(src: &str, meta: &mut PageMeta) {
    let src = src.trim();
    let src = src
        .strip_prefix("<!--")
        .and_then(|s| s.strip_suffix("-->"))
        .unwrap_or(src)
        .trim();
    if src.len() > 1 << 20 {
        return;
    }
    if let Ok(v) = serde_json::from_str::<Value>(src) {
        walk_ld(&v, meta, 0);
    }
}

fn is_article_type(v: &Value) -> bool {
    let ok = |t: &str| t.contains("Article") || t == "BlogPosting" || t == "Report";
    match v.get("@type") {
        Some(Value::String(t)) => ok(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(ok),
        _ => false,
    }
}

fn walk_ld(v: &Value, meta: &mut PageMeta, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| walk_ld(i, meta, depth + 1)),
        Value::Object(o) => {
            if let Some(g) = o.get("@graph") {
                walk_ld(g, meta, depth + 1);
            }
            if !is_article_type(v) {
                return;
            }
            if let Some(h) = o.get("headline").and_then(Value::as_str) {
                set(&mut meta.ld_headline, &clean_value(h));
            }
            if let Some(d) = o.get("datePublished").and_then(Value::as_str) {
                set(&mut meta.ld_published, d.trim());
            }
            if let Some(a) = o.get("author").and_then(ld_name) {
                set(&mut meta.ld_author, &a);
            }
            if let Some(p) = o.get("publisher").and_then(ld_name) {
                set(&mut meta.ld_publisher, &p);
            }
        }
        _ => {}
    }
}

/// A name from a JSON-LD person or organisation: a string, `{"name": ...}`,
/// or a list of those (joined with ", ").
fn ld_name(v: &Value) -> Option<String> {
    let one = |v: &Value| -> Option<String> {
        let s = match v {
            Value::String(s) => s.as_str(),
            Value::Object(o) => o.get("name")?.as_str()?,
            _ => return None,
        };
        let s = clean_value(s);
        (!s.is_empty() && !s.starts_with("http")).then_some(s)
    };
    match v {
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(one).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => one(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("Tom &amp; Jerry&#39;s &#x2019;x&rsquo; &bogus; & more"),
            "Tom & Jerry's ’x’ &bogus; & more"
        );
    }

    #[test]
    fn meta_tags_and_json_ld() {
        let html = r#"<!DOCTYPE html><html lang="en-GB"><head>
<!-- <meta property="og:title" content="commented out"> -->
<title>Ferry terminal approved | Harlen Courier</title>
<meta property="og:title" content="Ferry terminal &quot;approved&quot;">
<meta property=og:site_name content='Harlen Courier'>
<meta name="author" content="https://facebook.example/anna">
<meta name="author" content="Anna Kral">
<meta name="date" content="2020-01-01">
<meta property="article:published_time" content="2024-04-02T09:30:00+02:00">
<link rel="canonical" href="https://courier.example/ferry">
<script>var s = "<meta name='author' content='Not This'>";</script>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
 {"@type":"NewsArticle","headline":"Ferry terminal approved","datePublished":"2024-04-02",
  "author":[{"@type":"Person","name":"Anna Kral"},{"name":"Tomas Reiner"}],
  "publisher":{"@type":"Organization","name":"Harlen Courier Ltd"}}]}</script>
</head><body><p>text</p></body></html>"#;
        let m = scan(html);
        assert_eq!(m.og_title.as_deref(), Some("Ferry terminal \"approved\""));
        assert_eq!(
            m.html_title.as_deref(),
            Some("Ferry terminal approved | Harlen Courier")
        );
        assert_eq!(m.site_name.as_deref(), Some("Harlen Courier"));
        assert_eq!(m.author.as_deref(), Some("Anna Kral"));
        assert_eq!(m.published, ["2024-04-02T09:30:00+02:00", "2020-01-01"]);
        assert_eq!(
            m.canonical.as_deref(),
            Some("https://courier.example/ferry")
        );
        assert_eq!(m.lang.as_deref(), Some("en-GB"));
        assert_eq!(m.ld_headline.as_deref(), Some("Ferry terminal approved"));
        assert_eq!(m.ld_published.as_deref(), Some("2024-04-02"));
        assert_eq!(m.ld_author.as_deref(), Some("Anna Kral, Tomas Reiner"));
        assert_eq!(m.ld_publisher.as_deref(), Some("Harlen Courier Ltd"));
    }

    #[test]
    fn broken_markup_does_not_loop_or_panic() {
        for html in [
            "",
            "<",
            "<meta",
            "<meta content=\"x",
            "<title>never closed",
            "<script type='application/ld+json'>{not json",
            "<meta =\"\" = = >",
            "<<<<>>>>",
            "<html lang=\"é\"",
        ] {
            let _ = scan(html);
        }
    }
}
