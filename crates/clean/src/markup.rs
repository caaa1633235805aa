//! Bounding markup before main-text extraction.
//!
//! Extractors walk the document tree recursively and some of their passes are
//! quadratic in its depth: ten thousand nested `<div>`s overflow the stack,
//! a few thousand take seconds. [`bound`] flattens nesting beyond
//! [`MAX_DEPTH`] (the tags go, their text stays) and, for pages over
//! [`MAX_MARKUP`] bytes, drops scripts, styles, comments and SVG and cuts the
//! rest at that size.
//!
//! Depth is tracked with a small model of the HTML tree builder: a stack of
//! open elements where `<p>`, `<li>`, `<td>`... close their open siblings,
//! block elements close an open `<p>`, an end tag closes everything above its
//! element, and `/>` closes only inside SVG and MathML (HTML ignores it on
//! other elements). The stack's height is an upper bound of the depth a
//! parser builds for all but contrived misnesting of formatting tags.

use std::borrow::Cow;

/// Deepest element nesting given to the extractor. Real pages stay far below.
pub(crate) const MAX_DEPTH: usize = 256;
/// Markup beyond this many bytes (after scripts, styles, comments and SVG are
/// dropped) is not given to the extractor: no article needs more, and the
/// extractor's time grows with the page.
pub(crate) const MAX_MARKUP: usize = 2 << 20;

const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];
/// Elements that close an open `<p>`.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "dialog",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];
/// Elements whose content is never article text, dropped from big pages.
const SKIPPED: &[&str] = &["script", "style", "svg", "template", "noscript"];
/// Elements whose content is raw text, never markup.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed",
];

/// Elements an opening `tag` closes when one of them is the current element.
fn closes(tag: &str) -> &'static [&'static str] {
    match tag {
        "li" => &["li"],
        "dt" | "dd" => &["dt", "dd"],
        "td" | "th" => &["td", "th"],
        "tr" => &["td", "th", "tr"],
        "thead" | "tbody" | "tfoot" => &["td", "th", "tr", "thead", "tbody", "tfoot"],
        "option" => &["option"],
        "optgroup" => &["option", "optgroup"],
        "rb" | "rt" | "rp" | "rtc" => &["rb", "rt", "rp", "rtc"],
        _ => &[],
    }
}

/// One tag found by the scan.
struct Tag<'a> {
    /// Lower-case name; empty for comments, `!doctype` and `?xml` kept as such.
    name: Cow<'a, str>,
    closing: bool,
    /// Written with `/>`.
    slash: bool,
    /// Byte just past the `>`.
    end: usize,
}

/// The tag starting at `lt` (a `<`), or `None` when that `<` is text.
fn tag_at(html: &str, lt: usize) -> Option<Tag<'_>> {
    let b = html.as_bytes();
    let mut i = lt + 1;
    if html[i..].starts_with("!--") {
        let end = html[i + 3..].find("-->").map_or(b.len(), |e| i + 3 + e + 3);
        return Some(Tag {
            name: Cow::Borrowed(""),
            closing: false,
            slash: false,
            end,
        });
    }
    let closing = b.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let first = *b.get(i)?;
    if !(first.is_ascii_alphabetic() || (!closing && (first == b'!' || first == b'?'))) {
        return None;
    }
    let ns = i;
    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
        i += 1;
    }
    let raw = &html[ns..i];
    let name = if raw.bytes().any(|c| c.is_ascii_uppercase()) {
        Cow::Owned(raw.to_ascii_lowercase())
    } else {
        Cow::Borrowed(raw)
    };
    // On to the `>`, past quoted attribute values.
    let mut quote = None;
    while i < b.len() {
        match (quote, b[i]) {
            (None, b'"' | b'\'') => quote = Some(b[i]),
            (Some(q), c) if c == q => quote = None,
            (None, b'>') => break,
            _ => {}
        }
        i += 1;
    }
    let slash = i > lt + 1 && b.get(i - 1) == Some(&b'/');
    Some(Tag {
        name,
        closing,
        slash,
        end: (i + 1).min(b.len()),
    })
}

/// The first case-insensitive occurrence of ASCII `needle` (which starts
/// with `<`) at or after `from`.
pub(crate) fn find_ascii_ci(hay: &str, from: usize, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    let mut i = from;
    while let Some(off) = hay.get(i..)?.find('<') {
        let at = i + off;
        if h.len() >= at + n.len() && h[at..at + n.len()].eq_ignore_ascii_case(n) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// The open-element model: names on a stack, at most [`MAX_DEPTH`] high.
#[derive(Default)]
struct Stack<'a> {
    open: Vec<Cow<'a, str>>,
    foreign: usize,
    deepest: usize,
}

impl<'a> Stack<'a> {
    /// Opens `tag`; `false` when it is too deep and must be dropped.
    fn start(&mut self, tag: &Tag<'a>) -> bool {
        let name = tag.name.as_ref();
        if name.is_empty() || name.starts_with(['!', '?']) || VOID.contains(&name) {
            return true;
        }
        if tag.slash && self.foreign > 0 {
            return true; // <path/> inside SVG
        }
        if (BLOCK.contains(&name) || matches!(name, "li" | "dt" | "dd"))
            && self.open.last().is_some_and(|top| top == "p")
        {
            self.pop();
        }
        let closed = closes(name);
        while self
            .open
            .last()
            .is_some_and(|top| closed.contains(&top.as_ref()))
        {
            self.pop();
        }
        if self.open.len() >= MAX_DEPTH {
            return false;
        }
        if name == "svg" || name == "math" {
            self.foreign += 1;
        }
        self.open.push(tag.name.clone());
        self.deepest = self.deepest.max(self.open.len());
        true
    }

    /// Closes `name`; `false` when it is not open (its start tag was dropped,
    /// or it was never opened).
    fn end(&mut self, name: &str) -> bool {
        match self.open.iter().rposition(|n| n == name) {
            Some(at) => {
                while self.open.len() > at {
                    self.pop();
                }
                true
            }
            None => false,
        }
    }

    fn pop(&mut self) {
        if let Some(n) = self.open.pop() {
            if n == "svg" || n == "math" {
                self.foreign = self.foreign.saturating_sub(1);
            }
        }
    }
}

/// Walks the tags of `html`, calling `emit(range, keep)` for each tag and
/// each text run between tags (text is always kept). Raw-text elements are
/// passed whole. Returns the model's deepest nesting. `skip` drops
/// comments and [`SKIPPED`] elements with their content.
fn walk(html: &str, skip: bool, mut emit: impl FnMut(usize, usize, bool) -> bool) -> usize {
    let mut stack = Stack::default();
    let mut pos = 0;
    let mut text_from = 0;
    while let Some(off) = html[pos..].find('<') {
        let lt = pos + off;
        let Some(tag) = tag_at(html, lt) else {
            pos = lt + 1;
            continue;
        };
        if !emit(text_from, lt, true) {
            return stack.deepest;
        }
        pos = tag.end;
        text_from = tag.end;
        let name = tag.name.as_ref();
        if skip && name.is_empty() {
            continue; // a comment
        }
        if !tag.closing && (RAW_TEXT.contains(&name) || (skip && SKIPPED.contains(&name))) {
            let close = format!("</{name}");
            let after = find_ascii_ci(html, pos, &close).unwrap_or(html.len());
            let end = html[after..]
                .find('>')
                .map_or(html.len(), |g| after + g + 1);
            pos = end;
            text_from = end;
            let dropped = skip && SKIPPED.contains(&name);
            if !dropped && !emit(lt, end, true) {
                return stack.deepest;
            }
            continue;
        }
        let keep = if tag.closing {
            VOID.contains(&name) || stack.end(name)
        } else {
            stack.start(&tag)
        };
        if !emit(lt, tag.end, keep) {
            return stack.deepest;
        }
    }
    emit(text_from, html.len(), true);
    stack.deepest
}

/// `html` bounded for extraction (see the module documentation); borrowed
/// unchanged when it needs no change, as almost every real page.
pub(crate) fn bound(html: &str) -> Cow<'_, str> {
    let big = html.len() > MAX_MARKUP;
    if !big {
        let mut deep = false;
        walk(html, false, |_, _, keep| {
            deep |= !keep;
            !deep
        });
        if !deep {
            return Cow::Borrowed(html);
        }
    }
    let mut out = String::with_capacity(html.len().min(MAX_MARKUP + 1024));
    walk(html, big, |start, end, keep| {
        if keep {
            out.push_str(&html[start..end]);
        }
        out.len() < MAX_MARKUP
    });
    if out.len() > MAX_MARKUP {
        let mut cut = MAX_MARKUP;
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out.truncate(cut);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(html: &str) -> usize {
        walk(html, false, |_, _, _| true)
    }

    #[test]
    fn ordinary_pages_are_untouched() {
        let html = "<!DOCTYPE html><html><head><title>a<b</title><script>if (a<b) { x = '</div>' }</script></head>\
            <body><div><p>one<p>two<ul><li>a<li>b</ul><table><tr><td>1<td>2<tr><td>3</table>\
            <svg><path d='M0'/><path/></svg><br/><img src=x>\n<p>x < y</div></body></html>";
        assert!(matches!(bound(html), Cow::Borrowed(_)));
        assert!(depth(html) <= 6, "{}", depth(html));
        // Thousands of unclosed paragraphs and list items do not nest.
        let flat = "<div>".to_string() + &"<p>text<li>item".repeat(5000) + "</div>";
        assert!(depth(&flat) <= 3);
        assert!(matches!(bound(&flat), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_flattened() {
        for open in ["<div>", "<span>", "<div/>", "<table><tr><td>", "<b><i>"] {
            let html = open.repeat(20_000) + "<p>The article text.</p>";
            let out = bound(&html);
            assert!(depth(&out) <= MAX_DEPTH, "{open}: {}", depth(&out));
            assert!(out.ends_with("The article text."), "{open}");
        }
        let html = "<div>".repeat(1000) + "text" + &"</div>".repeat(1000) + "<p>after</p>";
        let out = bound(&html);
        assert_eq!(depth(&out), MAX_DEPTH);
        assert!(out.contains(">text<"));
        assert!(out.ends_with("<p>after</p>"));
        assert_eq!(out.matches("<div>").count(), out.matches("</div>").count());
    }

    #[test]
    fn big_pages_lose_scripts_and_are_cut() {
        let script = format!("<script>{}</script>", "var x = 1;".repeat(300_000));
        let html = format!(
            "<html><body>{script}<!-- {} --><p>kept</p></body></html>",
            "c".repeat(100)
        );
        assert!(html.len() > MAX_MARKUP);
        let out = bound(&html);
        assert_eq!(out, "<html><body><p>kept</p></body></html>");
        let huge = "<p>word word word</p>".repeat(MAX_MARKUP / 10);
        assert!(bound(&huge).len() <= MAX_MARKUP);
    }

    #[test]
    fn broken_markup() {
        for html in [
            "",
            "<",
            "</",
            "<!--",
            "<a href='>",
            "<script>",
            "</div></div>",
            "<é>",
            "<<<",
        ] {
            let _ = bound(html);
            let _ = depth(html);
        }
    }
}
