//! Main-text extraction from HTML, behind a small trait so the extractor can
//! be swapped.

use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::html_meta::decode_entities;

/// What a main-text extractor gives: the article's text, one paragraph per
/// line, and whatever page metadata it found on the way (used only where
/// dictum's own metadata scan found nothing).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MainTextOutput {
    pub text: String,
    pub title: Option<String>,
    pub author: Option<String>,
    pub site_name: Option<String>,
}

/// A main-text extractor: HTML in, the article's text out. Implementations
/// must be pure and must not panic (a panic is caught and treated as "no
/// text", but it still prints).
pub trait MainText: Send + Sync {
    fn extract(&self, html: &str) -> MainTextOutput;
}

/// The `trafilatura` crate (a port of go-trafilatura), with its fallback
/// extractors (readability, jusText) enabled: the best F1 measured on the
/// article-extraction benchmark.
#[derive(Debug, Clone)]
pub struct Trafilatura {
    options: trafilatura::Options,
}

impl Default for Trafilatura {
    fn default() -> Self {
        Self::new(true)
    }
}

impl Trafilatura {
    /// `fallback`: also run readability and jusText and keep the better text
    /// (slower, slightly better).
    pub fn new(fallback: bool) -> Self {
        let options = trafilatura::Options::default()
            .with_fallback(fallback)
            .with_exclude_comments(true)
            .with_html_date_mode(trafilatura::HtmlDateMode::Disabled);
        Trafilatura { options }
    }
}

impl MainText for Trafilatura {
    fn extract(&self, html: &str) -> MainTextOutput {
        let html = crate::markup::bound(html);
        let run = || trafilatura::extract(&html, &self.options);
        let Ok(Ok(result)) = catch_unwind(AssertUnwindSafe(run)) else {
            return MainTextOutput::default();
        };
        let m = result.metadata;
        let some = |s: String| {
            let s = s.trim().to_string();
            (!s.is_empty()).then_some(s)
        };
        MainTextOutput {
            text: html_to_lines(&result.content_html),
            title: some(m.title),
            author: some(m.author),
            site_name: some(m.sitename),
        }
    }
}

/// Elements that start a new line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "item",
    "lb",
    "li",
    "list",
    "main",
    "ol",
    "p",
    "pre",
    "quote",
    "row",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Text of an HTML fragment, one block element per line: whitespace inside a
/// block collapsed, blank lines dropped, entities decoded.
pub(crate) fn html_to_lines(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut line = String::new();
    let flush = |line: &mut String, out: &mut String| {
        let decoded = decode_entities(line);
        let mut first = true;
        for w in decoded.split_whitespace() {
            if first {
                if !out.is_empty() {
                    out.push('\n');
                }
                first = false;
            } else {
                out.push(' ');
            }
            out.push_str(w);
        }
        line.clear();
    };
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        line.push_str(&rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name == "script" || name == "style" {
            if !tag.starts_with('/') {
                let close = format!("</{name}");
                rest = rest
                    .to_ascii_lowercase()
                    .find(&close)
                    .map_or("", |e| &rest[e..]);
            }
            continue;
        }
        // Inline elements (a, b, hi, span...) join their text to the line.
        if BLOCKS.contains(&name.as_str()) {
            flush(&mut line, &mut out);
        }
    }
    line.push_str(rest);
    flush(&mut line, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_lines() {
        let html = "<h1>Title</h1>\n   <p>One <b>bold</b>\n word.</p><p>Two &amp; three&nbsp;four</p><ul><li>a</li><li>b<br>c</li></ul><p> </p><script>var x = '<p>';</script>tail";
        assert_eq!(
            html_to_lines(html),
            "Title\nOne bold word.\nTwo & three four\na\nb\nc\ntail"
        );
    }

    #[test]
    fn broken_fragments() {
        assert_eq!(html_to_lines(""), "");
        assert_eq!(html_to_lines("<p>open"), "open");
        assert_eq!(html_to_lines("a <b"), "a");
        assert_eq!(html_to_lines("<!-- x"), "");
        assert_eq!(html_to_lines("<script>never closed"), "");
    }
}
