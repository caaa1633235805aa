//! Site furniture in scraped text: what a page wraps around an article.
//!
//! The rules look at the shape of lines, not at particular strings:
//!
//! - **interface lines**: short lines, without a sentence's final period,
//!   made mostly of interface words (share, subscribe, comments, log in,
//!   cookies, JavaScript, loading, wait, favourites, bookmark, print, tags...);
//! - **icon ligatures**: an icon font's ligature name glued to its label
//!   (`folder_openRussia`, `starAdd to favorites`, `access_time2 years ago`)
//!   or repeated before it (`share Share`);
//! - **copyright lines** (`©`, "All rights reserved");
//! - **repetition**: a line equal to the title, or a paragraph equal to an
//!   earlier one;
//! - **teasers** for other articles ("Also on example.com ...", "Read also:",
//!   "Related:"), cut at the glued-case boundary where the article resumes
//!   ("...state mediaEarlier this week");
//! - **bylines** ("By Staff, Agencies"), removed and kept as the author;
//! - **zones**: everything before the title is furniture; between the title
//!   and the first paragraph of prose, short labels (the site's name, a
//!   section) are too; after the last paragraph of prose, once the page's
//!   footer has begun (a furniture line), so are short lines that do not end
//!   like a sentence (tag lists, link lists). Lists that end an article
//!   before any furniture are kept.
//!
//! Every kept character is copied verbatim, so the clean text maps back to
//! the original byte for byte.

use std::collections::{HashMap, HashSet};

use regex::Regex;

/// Why a piece of the original was left out of the clean text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reason {
    /// Site chrome above the title.
    BeforeTitle,
    /// The title again.
    RepeatedTitle,
    /// A line equal to an earlier one.
    Repeated,
    /// An interface line: share, subscribe, comments, loading...
    Interface,
    /// An icon-font ligature glued to its label.
    Icon,
    /// A copyright notice.
    Copyright,
    /// A byline, kept as the article's author.
    Byline,
    /// A teaser for another article.
    Teaser,
    /// A short label (site name, section, tags) outside the article's prose.
    Label,
    /// A short line that recurs on other pages of the same site.
    SiteRepeated,
}

/// A removed piece of the original: its byte range and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Removed {
    pub start: usize,
    pub end: usize,
    pub reason: Reason,
}

/// Words of site interfaces. A short line made mostly of these is furniture.
const INTERFACE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "advertising",
    "ago",
    "app",
    "apps",
    "back",
    "bookmark",
    "bookmarked",
    "bookmarks",
    "browser",
    "click",
    "comment",
    "comments",
    "contact",
    "continue",
    "cookie",
    "cookies",
    "copy",
    "copyright",
    "discussion",
    "download",
    "e-mail",
    "email",
    "enable",
    "facebook",
    "favorite",
    "favorites",
    "favourite",
    "favourites",
    "follow",
    "friend",
    "friends",
    "gallery",
    "home",
    "instagram",
    "javascript",
    "join",
    "latest",
    "like",
    "likes",
    "link",
    "linkedin",
    "load",
    "loading",
    "log",
    "login",
    "logout",
    "menu",
    "min",
    "more",
    "navigation",
    "newsletter",
    "newsletters",
    "next",
    "noscript",
    "page",
    "photo",
    "photos",
    "pinterest",
    "please",
    "policy",
    "popular",
    "prev",
    "previous",
    "print",
    "privacy",
    "promoted",
    "read",
    "recommended",
    "reddit",
    "register",
    "related",
    "replies",
    "reply",
    "reserved",
    "rights",
    "rss",
    "save",
    "saved",
    "script",
    "search",
    "share",
    "shared",
    "sign",
    "signup",
    "skip",
    "sponsored",
    "story",
    "subscribe",
    "subscription",
    "tag",
    "tags",
    "tap",
    "telegram",
    "terms",
    "top",
    "trending",
    "tweet",
    "twitter",
    "video",
    "videos",
    "view",
    "views",
    "vk",
    "wait",
    "whatsapp",
    "youtube",
];

/// Words that carry no meaning of their own; left out of the interface ratio.
const FUNCTION_WORDS: &[&str] = &[
    "a", "all", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "its",
    "me", "my", "no", "not", "now", "of", "on", "or", "our", "the", "this", "to", "up", "us", "we",
    "with", "you", "your",
];

/// What one line is, judged alone.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Blank,
    Furniture(Reason),
    Byline(String),
    /// A teaser; the article resumes at this byte offset of the line, or the
    /// whole line is the teaser.
    Teaser(Option<usize>),
    Text,
}

#[derive(Debug, Clone, Copy)]
struct Line {
    /// First byte of the line.
    start: usize,
    /// End of the content, before `\r\n` or `\n`.
    end: usize,
    /// First byte of the next line.
    next: usize,
}

/// The result of cleaning: the original's byte ranges to keep, in order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Outcome {
    pub pieces: Vec<(usize, usize)>,
    /// The title line (trimmed), when found.
    pub title: Option<(usize, usize)>,
    pub author: Option<String>,
    pub removed: Vec<Removed>,
}

#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Options<'a> {
    /// Look for a title among the first lines (scraped text); the title line
    /// is kept and its repetitions removed.
    pub detect_title: bool,
    /// A title known from metadata: a line equal to it is the title.
    pub known_title: Option<&'a str>,
    /// Keep the title line in the text (scraped text) or drop it (HTML main
    /// text, where the title is metadata).
    pub keep_title: bool,
    /// Apply the zone rules (labels before the first and after the last
    /// paragraph of prose). Off for text a main-text extractor already cut
    /// out of its page, where short lines at the end are lists and tables.
    pub zones: bool,
    /// Lines that recur across the site's other pages ([`SiteLines`]).
    pub site: Option<&'a SiteLines>,
}

/// Short lines that recur across several pages of one site: site furniture
/// whatever its wording ("Read more on Harbour Times", a slogan, a menu).
#[derive(Debug, Clone, Default)]
pub struct SiteLines {
    keys: HashSet<u64>,
}

impl SiteLines {
    /// Lines of at most `max_words` words found in at least `min_pages` of `pages`.
    pub fn from_pages<'p>(
        pages: impl IntoIterator<Item = &'p str>,
        min_pages: usize,
        max_words: usize,
    ) -> SiteLines {
        let mut count: std::collections::HashMap<u64, usize> = std::collections::HashMap::new();
        for page in pages {
            let mut seen = HashSet::new();
            for line in page.lines().map(str::trim).filter(|l| !l.is_empty()) {
                if word_count(line) <= max_words {
                    let k = key(line);
                    if seen.insert(k) {
                        *count.entry(k).or_default() += 1;
                    }
                }
            }
        }
        SiteLines {
            keys: count
                .into_iter()
                .filter(|&(_, n)| n >= min_pages)
                .map(|(k, _)| k)
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    fn contains(&self, line: &str) -> bool {
        self.keys.contains(&key(line))
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Furniture {
    interface: HashSet<&'static str>,
    function: HashSet<&'static str>,
    teaser: Regex,
    byline: Regex,
}

/// Lines of more words than this are never interface lines or labels.
const MAX_UI_WORDS: usize = 12;
/// A paragraph seen twice is dropped the second time when it has at least
/// this many words (a duplicated paragraph or pull quote); shorter repeated
/// lines (list items, interview prompts) are kept.
const MIN_REPEATED_WORDS: usize = 8;
/// How many lines from the top may hold the title.
const TITLE_SCAN_LINES: usize = 40;

impl Furniture {
    pub(crate) fn new() -> Self {
        Furniture {
            interface: INTERFACE_WORDS.iter().copied().collect(),
            function: FUNCTION_WORDS.iter().copied().collect(),
            teaser: Regex::new(
                r"(?i)^\s*(?:also\s+on\s+(?:[a-z0-9\-]+\.)+[a-z]{2,}\b|(?:read|see|also|more|related|recommended|watch|listen|further)(?:\s+(?:also|more|on\s+this|read|too|reading|stories|articles|news|coverage)){0,3}\s*:)",
            )
            .expect("teaser regex"),
            byline: Regex::new(
                r"^\s*(?:[Bb]y|BY|[Ww]ritten by|Author:|Authors:)[ \t]+(?P<name>\p{Lu}[\p{L}.'’\-]*(?:(?:[ \t]+|[ \t]*,[ \t]*|[ \t]+(?:and|&)[ \t]+)\p{Lu}[\p{L}.'’\-]*){0,7})[ \t]*$",
            )
            .expect("byline regex"),
        }
    }

    /// Decides which lines of `text` to keep. `is_dateline` protects dateline
    /// lines, which are kept for the metadata they carry.
    pub(crate) fn clean(
        &self,
        text: &str,
        opts: &Options<'_>,
        is_dateline: &dyn Fn(&str) -> bool,
    ) -> Outcome {
        let lines = split_lines(text);
        let n = lines.len();
        let content = |l: &Line| text.get(l.start..l.end).unwrap_or("").trim();
        let counts: Vec<usize> = lines.iter().map(|l| word_count(content(l))).collect();
        let kinds: Vec<Kind> = lines
            .iter()
            .zip(&counts)
            .map(|(l, &n)| self.classify(content(l), n))
            .collect();
        let prose: Vec<bool> = lines
            .iter()
            .zip(&kinds)
            .zip(&counts)
            .map(|((l, k), &n)| *k == Kind::Text && n >= 8 && is_prose(content(l)))
            .collect();
        let first_prose = prose.iter().position(|&p| p);
        let last_prose = prose.iter().rposition(|&p| p);
        let scan_end = first_prose.unwrap_or(n).min(TITLE_SCAN_LINES);

        let title_idx = self.find_title(text, &lines, &kinds, scan_end, opts, is_dateline);
        let title_key = match (title_idx, opts.known_title) {
            (Some(i), _) => Some(key(content(&lines[i]))),
            (None, Some(t)) => Some(key(t)),
            (None, None) => None,
        };

        let mut out = Outcome {
            title: title_idx.map(|i| {
                let l = &lines[i];
                let raw = &text[l.start..l.end];
                let s = l.start + (raw.len() - raw.trim_start().len());
                (s, s + raw.trim().len())
            }),
            ..Outcome::default()
        };
        let mut seen: HashSet<u64> = HashSet::new();
        let mut pending_blank: Option<usize> = None;
        let mut kept_any = false;
        // Set at the first furniture line after the prose: the page's footer
        // chrome has begun, and short labels from there on are part of it.
        let mut chrome = false;
        for (i, (l, kind)) in lines.iter().zip(&kinds).enumerate() {
            let line = content(l);
            let in_head = opts.zones && first_prose.is_some_and(|f| i < f);
            let in_tail = opts.zones && last_prose.is_some_and(|t| i > t);
            if in_tail && matches!(kind, Kind::Furniture(_) | Kind::Byline(_) | Kind::Teaser(_)) {
                chrome = true;
            }
            let mut keep_from = l.start;
            let mut line_key = None;
            let verdict: Result<(), Reason> = match kind {
                Kind::Blank => {
                    pending_blank.get_or_insert(i);
                    continue;
                }
                _ if title_idx.is_some_and(|t| i < t) && !is_dateline(line) => Err(match kind {
                    Kind::Furniture(r) => *r,
                    _ => Reason::BeforeTitle,
                }),
                Kind::Furniture(r) => Err(*r),
                Kind::Byline(name) => {
                    out.author.get_or_insert_with(|| name.clone());
                    Err(Reason::Byline)
                }
                Kind::Teaser(Some(cut)) => {
                    let cut_at = l.start + (text[l.start..l.end].len() - line.len()) + cut;
                    let lead = l.start
                        + (text[l.start..l.end].len() - text[l.start..l.end].trim_start().len());
                    out.removed.push(Removed {
                        start: lead,
                        end: cut_at,
                        reason: Reason::Teaser,
                    });
                    keep_from = cut_at;
                    Ok(())
                }
                Kind::Teaser(None) => Err(Reason::Teaser),
                Kind::Text => {
                    let k = key(line);
                    line_key = Some(k);
                    let words = counts[i];
                    if Some(i) != title_idx
                        && !prose[i]
                        && opts.site.is_some_and(|s| s.contains(line))
                    {
                        Err(Reason::SiteRepeated)
                    } else if Some(i) == title_idx {
                        if opts.keep_title {
                            Ok(())
                        } else {
                            Err(Reason::RepeatedTitle)
                        }
                    } else if title_key == Some(k) {
                        Err(Reason::RepeatedTitle)
                    } else if seen.contains(&k)
                        && ((words >= MIN_REPEATED_WORDS && !line.ends_with('?'))
                            || in_head
                            || chrome)
                    {
                        Err(Reason::Repeated)
                    } else if ((in_head || chrome) && self.is_label(line) && !is_dateline(line))
                        || (chrome
                            && words <= MAX_UI_WORDS
                            && !ends_sentence(line)
                            && !has_quote_marks(line))
                    {
                        Err(Reason::Label)
                    } else {
                        Ok(())
                    }
                }
            };
            match verdict {
                Ok(()) => {
                    if kept_any {
                        if let Some(b) = pending_blank {
                            out.pieces.push((lines[b].start, lines[b].next));
                        }
                    }
                    pending_blank = None;
                    kept_any = true;
                    out.pieces.push((keep_from, l.next));
                    seen.insert(line_key.unwrap_or_else(|| key(&text[keep_from..l.end])));
                }
                Err(reason) => out.removed.push(Removed {
                    start: l.start,
                    end: l.end,
                    reason,
                }),
            }
        }
        out
    }

    fn find_title(
        &self,
        text: &str,
        lines: &[Line],
        kinds: &[Kind],
        scan_end: usize,
        opts: &Options<'_>,
        is_dateline: &dyn Fn(&str) -> bool,
    ) -> Option<usize> {
        let content = |i: usize| {
            let l = &lines[i];
            text.get(l.start..l.end).unwrap_or("").trim()
        };
        let texts = || (0..scan_end.min(lines.len())).filter(|&i| kinds[i] == Kind::Text);
        if let Some(known) = opts.known_title {
            let k = key(known);
            if let Some(i) = texts().find(|&i| key(content(i)) == k) {
                return Some(i);
            }
        }
        if !opts.detect_title {
            return None;
        }
        // A line the page repeats near the top is its title (a heading and a
        // breadcrumb, or an <h1> and an og:title).
        let mut counts: HashMap<u64, usize> = HashMap::new();
        for i in texts() {
            *counts.entry(key(content(i))).or_default() += 1;
        }
        if let Some(i) = texts().find(|&i| {
            let c = content(i);
            counts.get(&key(c)).copied().unwrap_or(0) > 1 && looks_like_title(c) && !is_dateline(c)
        }) {
            return Some(i);
        }
        // Else the first line of text, after furniture and labels, when it
        // looks like a title.
        for i in texts() {
            let c = content(i);
            if self.is_label(c) {
                continue;
            }
            if looks_like_title(c) && !is_dateline(c) {
                return Some(i);
            }
            break;
        }
        None
    }

    /// What a line of `n` words (see [`word_count`]) is, judged alone.
    fn classify(&self, line: &str, n: usize) -> Kind {
        if line.is_empty() {
            return Kind::Blank;
        }
        if let Some(m) = self.teaser.find(line) {
            let rest = &line[m.end()..];
            if let Some(b) = glued_boundary(rest) {
                return Kind::Teaser(Some(m.end() + b));
            }
            if n <= 30 {
                return Kind::Teaser(None);
            }
            return Kind::Text;
        }
        if let Some(c) = self.byline.captures(line) {
            let name = c.name("name").map_or("", |m| m.as_str());
            if n <= 9 {
                return Kind::Byline(name.trim().trim_end_matches(',').to_string());
            }
        }
        if n <= 30 && is_copyright(line) {
            return Kind::Furniture(Reason::Copyright);
        }
        if n <= MAX_UI_WORDS {
            let words: Vec<&str> = line.split_whitespace().collect();
            if n <= 10 && !ends_with_period(line) && is_icon_line(&words) {
                return Kind::Furniture(Reason::Icon);
            }
            if self.is_interface(line, &words) {
                return Kind::Furniture(Reason::Interface);
            }
        }
        if n <= 50 && is_cookie_notice(line) {
            return Kind::Furniture(Reason::Interface);
        }
        Kind::Text
    }

    /// A short line made mostly of interface words: "Please wait...",
    /// "Like this story? Share it with a friend!", "Comments (3)".
    fn is_interface(&self, line: &str, words: &[&str]) -> bool {
        if words.len() > MAX_UI_WORDS || has_quote_marks(line) {
            return false;
        }
        if ends_with_period(line) && words.len() >= 3 {
            return false; // a sentence: "He declined to comment."
        }
        let mut content = 0usize;
        let mut ui = 0usize;
        for w in words {
            let w = bare_word(w);
            if w.is_empty() || w.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let lower = w.to_lowercase();
            if self.function.contains(lower.as_str()) {
                continue;
            }
            content += 1;
            if self.interface.contains(lower.as_str()) {
                ui += 1;
            }
        }
        ui > 0 && ui * 2 >= content
    }

    /// A short label: a few words without punctuation ("EastWire Daily",
    /// "Economy", "Tags: budget"). Furniture only outside the prose.
    fn is_label(&self, line: &str) -> bool {
        word_count(line) <= 4
            && !has_quote_marks(line)
            && !line
                .chars()
                .last()
                .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…' | ',' | ':' | ';' | ')'))
    }
}

fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let next = start + raw.len();
        let body = raw.strip_suffix('\n').unwrap_or(raw);
        let body = body.strip_suffix('\r').unwrap_or(body);
        lines.push(Line {
            start,
            end: start + body.len(),
            next,
        });
        start = next;
    }
    lines
}

/// A line's identity for repetition: a 64-bit FNV-1a hash of its words,
/// with case, spacing and quote styles ignored. Computed without allocating.
fn key(line: &str) -> u64 {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |c: char| {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(PRIME);
        }
    };
    for (n, w) in line.split_whitespace().enumerate() {
        if n > 0 {
            feed(' ');
        }
        for c in w.chars() {
            match c {
                '’' | '‘' | '`' => feed('\''),
                '“' | '”' | '«' | '»' | '„' => feed('"'),
                c if c.is_ascii() => feed(c.to_ascii_lowercase()),
                c => c.to_lowercase().for_each(&mut feed),
            }
        }
    }
    h
}

/// Words in `line`, counted up to 61: every rule asks only whether a line
/// has at most 60 words, and prose paragraphs are long.
fn word_count(line: &str) -> usize {
    line.split_whitespace().take(61).count()
}

/// A word without the punctuation around it.
fn bare_word(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

const CLOSERS: &[char] = &['”', '’', '"', '\'', '»', ')', ']'];

/// Ends like a sentence: `.`, `!`, `?` or `…`, before closing quotes or brackets.
fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(CLOSERS)
        .chars()
        .last()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…'))
}

/// Ends with a single period (not an ellipsis "...").
fn ends_with_period(line: &str) -> bool {
    let t = line.trim_end_matches(CLOSERS);
    t.ends_with('.') && !t.ends_with("..")
}

fn has_quote_marks(line: &str) -> bool {
    line.contains(['“', '”', '"', '«', '»', '„'])
}

/// A paragraph of prose: enough words, ending like a sentence, in lower case
/// at least in part.
fn is_prose(line: &str) -> bool {
    word_count(line) >= 8 && ends_sentence(line) && line.chars().any(|c| c.is_lowercase())
}

/// A title: a handful to a few dozen words, starting with a capital, a digit
/// or a quotation mark, not ending like a sentence or a clause.
fn looks_like_title(line: &str) -> bool {
    let words = word_count(line);
    if !(3..=60).contains(&words) || line.len() > 600 {
        return false;
    }
    let first = line.chars().next();
    if !first.is_some_and(|c| c.is_uppercase() || c.is_numeric() || "“\"‘'«„".contains(c)) {
        return false;
    }
    !line
        .trim_end_matches(CLOSERS)
        .ends_with(['.', ',', ';', ':'])
        || line.trim_end_matches(CLOSERS).ends_with("...")
}

/// A cookie-consent notice: cookies, and the reader's agreement to them.
fn is_cookie_notice(line: &str) -> bool {
    if !contains_ascii_ci(line, "cookie") || has_quote_marks(line) {
        return false;
    }
    [
        "agree",
        "accept",
        "consent",
        "continuing",
        "privacy",
        "policy",
    ]
    .iter()
    .any(|w| contains_ascii_ci(line, w))
}

fn is_copyright(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with('©')
        || t.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("(c) "))
        || t.get(..9)
            .is_some_and(|p| p.eq_ignore_ascii_case("copyright"))
        || contains_ascii_ci(t, "all rights reserved")
}

/// Whether `hay` contains the lower-case ASCII `needle`, ignoring ASCII case.
fn contains_ascii_ci(hay: &str, needle: &str) -> bool {
    let n = needle.as_bytes();
    hay.as_bytes()
        .windows(n.len())
        .any(|w| w.eq_ignore_ascii_case(n))
}

/// An icon ligature: `folder_openRussia`, `starAdd`, `access_time2`, or an
/// icon name repeated before its label (`share Share this`).
fn is_icon_line(words: &[&str]) -> bool {
    if let [first, second, ..] = words {
        if first.chars().all(|c| c.is_ascii_lowercase()) {
            let mut cap = String::new();
            let mut chars = first.chars();
            if let Some(c) = chars.next() {
                cap.extend(c.to_uppercase());
                cap.push_str(chars.as_str());
            }
            if bare_word(second) == cap {
                return true;
            }
        }
    }
    words.iter().any(|w| glued_icon(w))
}

/// A lower-case or snake-case name glued to a capitalised word or a number:
/// `folder_openRussia`, `starAdd`, `label_outline2`. Not `iPhone`, `macOS`.
fn glued_icon(word: &str) -> bool {
    let b = word.as_bytes();
    let prefix = b
        .iter()
        .take_while(|&&c| c.is_ascii_lowercase() || c == b'_')
        .count();
    if prefix < 3 || !b[0].is_ascii_lowercase() || prefix >= b.len() {
        return false;
    }
    let snake = b[..prefix].contains(&b'_');
    let next = b[prefix];
    let after = b.get(prefix + 1).copied();
    if next.is_ascii_uppercase() {
        return after.is_some_and(|c| c.is_ascii_lowercase()) || snake;
    }
    next.is_ascii_digit() && snake
}

/// Where a glued teaser ends and the article resumes: a capital letter
/// starting a word glued to the end of the previous one ("mediaEarlier",
/// "‘constructive’Earlier"). A boundary after a lower-case word or a closing
/// mark is taken first; one after a capitalised word ("BlinkenEarlier") only
/// when there is none, since names have inner capitals too (LinkedIn,
/// SolarWinds). Very short pieces (iPhone, McDonald) are never boundaries.
pub(crate) fn glued_boundary(s: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut weak = None;
    for k in 1..chars.len().saturating_sub(1) {
        let (i, c) = chars[k];
        let prev = chars[k - 1].1;
        let next = chars[k + 1].1;
        if !c.is_uppercase() || !next.is_lowercase() {
            continue;
        }
        if prev.is_lowercase() {
            let tok_start = s[..i]
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_whitespace())
                .map_or(0, |(p, c)| p + c.len_utf8());
            let mut letters = s[tok_start..i].chars().filter(|c| c.is_alphabetic());
            let Some(first) = letters.next() else {
                continue;
            };
            let rest: Vec<char> = letters.collect();
            if rest.len() < 2 {
                continue; // iPhone, eBay, McDonald
            }
            if first.is_lowercase() {
                return Some(i);
            }
            // A capitalised word: a weak boundary, unless it is short or
            // already has inner capitals (PayPal, YouTube).
            let next_word = s[i..].chars().take_while(|c| c.is_alphabetic()).count();
            if weak.is_none()
                && rest.len() >= 4
                && next_word >= 4
                && !rest.iter().any(|c| c.is_uppercase())
            {
                weak = Some(i);
            }
            continue;
        }
        if matches!(prev, '’' | '”' | '"' | '»' | ')' | '!' | '?') {
            return Some(i);
        }
        if prev == '.' && k >= 2 && chars[k - 2].1.is_lowercase() {
            return Some(i);
        }
    }
    weak
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f() -> Furniture {
        Furniture::new()
    }

    #[test]
    fn interface_lines() {
        let f = f();
        for line in [
            "Please wait...",
            "Loading…",
            "Enable cookies to continue",
            "Like this story? Share it with a friend!",
            "Comments (12)",
            "Sign up for our newsletter",
            "Follow us on Telegram",
            "Noscript",
            "Save for later",
        ] {
            assert_eq!(
                f.classify(line, word_count(line)),
                Kind::Furniture(Reason::Interface),
                "{line}"
            );
        }
        for line in [
            "He declined to comment.",
            "“Share the burden,” she said",
            "The newsletter was read by millions of farmers across the region every week.",
            "Back to the negotiating table",
            "Sanctions and trade",
        ] {
            assert_eq!(f.classify(line, word_count(line)), Kind::Text, "{line}");
        }
    }

    #[test]
    fn icon_ligatures() {
        let f = f();
        for line in [
            "folder_openSport access_time3 hours ago",
            "starSave to reading list",
            "label_outlineEconomy schedule2 years ago",
            "print Print",
            "personAnna Kral",
        ] {
            assert_eq!(
                f.classify(line, word_count(line)),
                Kind::Furniture(Reason::Icon),
                "{line}"
            );
        }
        assert!(!glued_icon("iPhone"));
        assert!(!glued_icon("macOS"));
        assert!(!glued_icon("covid19"));
        assert!(glued_icon("access_time2"));
    }

    #[test]
    fn bylines() {
        let f = f();
        assert_eq!(
            f.classify("By Newsroom, Agencies", word_count("By Newsroom, Agencies")),
            Kind::Byline("Newsroom, Agencies".into())
        );
        assert_eq!(
            f.classify(
                "By Anna Kral and Tomas Reiner",
                word_count("By Anna Kral and Tomas Reiner")
            ),
            Kind::Byline("Anna Kral and Tomas Reiner".into())
        );
        assert_eq!(
            f.classify(
                "By Tuesday, the troops had left the town.",
                word_count("By Tuesday, the troops had left the town.")
            ),
            Kind::Text
        );
    }

    #[test]
    fn teasers() {
        let f = f();
        let line = "Also on eastwire.example Ferry strike ends: unions accept offerThe port reopened on Monday.";
        match f.classify(line, word_count(line)) {
            Kind::Teaser(Some(cut)) => assert_eq!(&line[cut..], "The port reopened on Monday."),
            k => panic!("{k:?}"),
        }
        let line = "READ MORE: Bond yields climb to ‘painful’ levelsAnalysts expect more.";
        match f.classify(line, word_count(line)) {
            Kind::Teaser(Some(cut)) => assert_eq!(&line[cut..], "Analysts expect more."),
            k => panic!("{k:?}"),
        }
        assert_eq!(
            f.classify(
                "Related: Harlen mayor resigns",
                word_count("Related: Harlen mayor resigns")
            ),
            Kind::Teaser(None)
        );
        // "Also on Monday" is an ordinary sentence.
        assert_eq!(
            f.classify(
                "Also on Monday, the minister met the mayor.",
                word_count("Also on Monday, the minister met the mayor.")
            ),
            Kind::Text
        );
    }

    #[test]
    fn glued_boundaries() {
        assert_eq!(glued_boundary("talks on McDonald franchisesNext"), Some(28));
        assert_eq!(glued_boundary("the new iPhone and LinkedIn"), None);
        assert_eq!(glued_boundary("talks with BlinkenEarlier"), Some(18));
        // A lower-case boundary wins over an earlier capitalised one.
        assert_eq!(
            glued_boundary("SolarWinds hack blamed on mediaEarlier"),
            Some(31)
        );
        assert_eq!(glued_boundary("it ‘works’Then"), Some(14));
    }
}
