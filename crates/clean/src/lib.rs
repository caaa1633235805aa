//! From a raw document to a clean article: main text, furniture removed,
//! metadata. Pure: no I/O, no global state.
//!
//! - [`Cleaner::clean_text`] takes scraped plain text (the first line is the
//!   title when it looks like one) and removes site furniture: interface lines,
//!   icon ligatures, repeated titles, teasers for other articles, bylines.
//! - [`Cleaner::clean_html`] takes a web page: its main text comes from a
//!   [`MainText`] extractor ([`Trafilatura`] by default), then the same
//!   furniture rules apply.
//!
//! Both read metadata: title, outlet, publication date (with its precision and
//! source; a year is never guessed), place, author, language and URL, from the
//! reader's [`Hints`], the page's `<meta>` tags and JSON-LD, the dateline and
//! the title.
//!
//! The clean text is made of verbatim pieces of the original, so
//! [`Article::map`] takes any offset in it back to the original input.

mod date;
mod dateline;
mod furniture;
mod html_meta;
mod lang;
mod main_text;
mod markup;
mod offset_map;

pub use date::{Date, DateSource};
pub use furniture::{Reason, Removed, SiteLines};
pub use main_text::{MainText, MainTextOutput, Trafilatura};
pub use offset_map::{OffsetMap, Segment};

use date::DateParser;
use dateline::{Dateline, DatelineParser};
use furniture::Furniture;

/// A clean article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// The clean main text that extraction runs on; one paragraph per line.
    pub text: String,
    /// Byte offsets of `text` → byte offsets of the original: the text as
    /// given to [`Cleaner::clean_text`], or the extracted main text for HTML
    /// ([`Article::extracted`]).
    pub map: OffsetMap,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<Date>,
    /// The place of the dateline ("Moscow").
    pub place: Option<String>,
    pub author: Option<String>,
    /// ISO 639-1 code.
    pub language: Option<String>,
    pub url: Option<String>,
    /// The pieces of the original left out of `text`, and why.
    pub removed: Vec<Removed>,
    /// For HTML: the main text as the extractor gave it, which `map` points
    /// into. Empty for plain text (the original is the caller's input).
    pub extracted: String,
}

/// Metadata from the reader (JSON Lines fields, WARC headers). Each field, when
/// present, wins over what the page or text says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    pub url: Option<String>,
    pub title: Option<String>,
    /// A publication date: ISO 8601, RFC 2822 or written out.
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    /// A language code or name ("en", "en-GB", "rus", "English").
    pub language: Option<String>,
    /// When the page was crawled (WARC-Date): the publication date of last resort.
    pub crawl_date: Option<String>,
}

/// The cleaning stage: immutable tables and compiled patterns, built once and
/// shared by every thread.
pub struct Cleaner {
    dates: DateParser,
    datelines: DatelineParser,
    furniture: Furniture,
    main_text: Box<dyn MainText>,
}

impl std::fmt::Debug for Cleaner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cleaner").finish_non_exhaustive()
    }
}

impl Default for Cleaner {
    fn default() -> Self {
        Self::new()
    }
}

/// Metadata gathered from every source before choosing.
#[derive(Debug, Default)]
struct Found {
    title: Option<String>,
    site_name: Option<String>,
    publisher: Option<String>,
    extractor_site_name: Option<String>,
    published: Vec<String>,
    author: Option<String>,
    url: Option<String>,
    lang: Option<String>,
}

impl Cleaner {
    /// A cleaner with the default main-text extractor ([`Trafilatura`] with
    /// its fallbacks).
    pub fn new() -> Self {
        Self::with_main_text(Box::new(Trafilatura::default()))
    }

    /// A cleaner with another main-text extractor.
    pub fn with_main_text(main_text: Box<dyn MainText>) -> Self {
        Cleaner {
            dates: DateParser::new(),
            datelines: DatelineParser::new(),
            furniture: Furniture::new(),
            main_text,
        }
    }

    /// Cleans scraped plain text. The first line (after any furniture above
    /// it) is the title when it looks like one; it stays the first line of the
    /// clean text.
    pub fn clean_text(&self, text: &str, hints: &Hints) -> Article {
        self.clean_text_on_site(text, hints, None)
    }

    /// Like [`Cleaner::clean_text`], also removing short lines that recur on the
    /// site's other pages (see [`SiteLines::from_pages`]).
    pub fn clean_text_on_site(
        &self,
        text: &str,
        hints: &Hints,
        site: Option<&SiteLines>,
    ) -> Article {
        let opts = furniture::Options {
            detect_title: true,
            known_title: nonempty(&hints.title),
            keep_title: true,
            zones: true,
            site,
        };
        let is_dateline = |l: &str| self.datelines.parse_line(l, &self.dates).is_some();
        let outcome = self.furniture.clean(text, &opts, &is_dateline);
        let title_in_text = outcome
            .title
            .and_then(|(s, e)| text.get(s..e))
            .map(str::to_string);
        let mut b = offset_map::Builder::new(text);
        for &(s, e) in &outcome.pieces {
            b.push(s, e);
        }
        let (clean, map) = b.finish();
        let found = Found {
            title: title_in_text.clone(),
            author: outcome.author.clone(),
            ..Found::default()
        };
        let mut article = self.assemble(clean, map, title_in_text.as_deref(), found, hints);
        article.removed = outcome.removed;
        article
    }

    /// Cleans a web page (UTF-8): main text by the [`MainText`] extractor,
    /// furniture removed from it, metadata from the page and the text. The
    /// title is metadata and is not part of the text.
    pub fn clean_html(&self, html: &str, hints: &Hints) -> Article {
        let meta = html_meta::scan(html);
        let extracted = self.main_text.extract(html);
        // A site name written as a URL becomes its domain.
        let site_name = meta.site_name.as_deref().map(|s| {
            let lower = s.to_ascii_lowercase();
            if lower.starts_with("http://")
                || lower.starts_with("https://")
                || lower.starts_with("www.")
            {
                domain(s).unwrap_or_else(|| s.to_string())
            } else {
                s.to_string()
            }
        });
        let title = [&meta.og_title, &meta.ld_headline, &meta.twitter_title]
            .into_iter()
            .flatten()
            .next()
            .map(|t| strip_site(t, site_name.as_deref()))
            .or_else(|| {
                meta.html_title
                    .as_deref()
                    .map(|t| strip_site(t, site_name.as_deref()))
            })
            .or(extracted.title.clone())
            .filter(|t| !t.is_empty());
        let known_title = nonempty(&hints.title).or(title.as_deref());
        let opts = furniture::Options {
            detect_title: false,
            known_title,
            keep_title: false,
            zones: false,
            site: None,
        };
        let is_dateline = |l: &str| self.datelines.parse_line(l, &self.dates).is_some();
        let outcome = self.furniture.clean(&extracted.text, &opts, &is_dateline);
        let mut b = offset_map::Builder::new(&extracted.text);
        for &(s, e) in &outcome.pieces {
            b.push(s, e);
        }
        let (clean, map) = b.finish();
        let mut published = meta.published.clone();
        published.extend(meta.ld_published.clone());
        let found = Found {
            title,
            site_name,
            publisher: meta.ld_publisher.clone(),
            extractor_site_name: extracted.site_name.clone(),
            published,
            author: meta
                .author
                .clone()
                .or(meta.ld_author.clone())
                .or(outcome.author.clone())
                .or(extracted.author.clone()),
            url: meta.canonical.clone().or(meta.url.clone()),
            lang: meta.lang.clone(),
        };
        let mut article = self.assemble(clean, map, None, found, hints);
        article.removed = outcome.removed;
        article.extracted = extracted.text;
        article
    }

    /// Chooses each field from hints, page metadata, the dateline and the
    /// title, in that order.
    fn assemble(
        &self,
        text: String,
        map: OffsetMap,
        title_line: Option<&str>,
        found: Found,
        hints: &Hints,
    ) -> Article {
        let dateline = self.find_dateline(&text, title_line);
        let title = nonempty(&hints.title).map(str::to_string).or(found.title);
        let from_title = title
            .as_deref()
            .and_then(|t| self.datelines.parse_title(t, &self.dates));

        let published = nonempty(&hints.published)
            .and_then(|p| self.dates.parse_metadata(p))
            .or_else(|| {
                found
                    .published
                    .iter()
                    .find_map(|p| self.dates.parse_metadata(p))
            })
            .map(|d| d.with_source(DateSource::Metadata))
            .or_else(|| {
                dateline
                    .as_ref()
                    .and_then(|d| d.date)
                    .map(|d| d.with_source(DateSource::Dateline))
            })
            .or_else(|| {
                from_title
                    .as_ref()
                    .and_then(|d| d.date)
                    .map(|d| d.with_source(DateSource::Title))
            })
            .or_else(|| {
                nonempty(&hints.crawl_date)
                    .and_then(|p| self.dates.parse_metadata(p))
                    .map(|d| d.with_source(DateSource::CrawlDate))
            });

        let url = nonempty(&hints.url).map(str::to_string).or(found.url);
        let outlet = nonempty(&hints.outlet)
            .map(str::to_string)
            .or(found.site_name)
            .or(found.publisher)
            .or_else(|| dateline.as_ref().and_then(|d| d.agency.clone()))
            .or(found.extractor_site_name)
            .or_else(|| url.as_deref().and_then(domain));
        let place = dateline
            .as_ref()
            .and_then(|d| d.place.clone())
            .or_else(|| from_title.and_then(|d| d.place));
        let author = nonempty(&hints.author).map(str::to_string).or(found.author);
        let language = nonempty(&hints.language)
            .and_then(lang::normalize)
            .or_else(|| lang::detect(&text))
            .or_else(|| found.lang.as_deref().and_then(lang::normalize));
        Article {
            text,
            map,
            title,
            outlet,
            published,
            place,
            author,
            language,
            url,
            removed: Vec::new(),
            extracted: String::new(),
        }
    }

    /// The dateline in the first paragraphs of the text (after the title);
    /// when several lines carry one (a source note, then "VIENNA –"), the
    /// first gives each field it has.
    fn find_dateline(&self, text: &str, title_line: Option<&str>) -> Option<Dateline> {
        let mut found: Option<Dateline> = None;
        let lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        let mut lines = lines.peekable();
        if title_line.is_some_and(|t| lines.peek() == Some(&t.trim())) {
            lines.next();
        }
        for line in lines.take(3) {
            let Some(d) = self.datelines.parse_line(line, &self.dates) else {
                continue;
            };
            match found.as_mut() {
                None => found = Some(d),
                Some(f) => {
                    f.place = f.place.take().or(d.place);
                    f.agency = f.agency.take().or(d.agency);
                    f.date = f.date.or(d.date);
                }
            }
        }
        found
    }
}

fn nonempty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// "Ferry terminal approved | Harlen Courier" → "Ferry terminal approved"
/// when the site is "Harlen Courier".
fn strip_site(title: &str, site: Option<&str>) -> String {
    let title = title.trim();
    let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) else {
        return title.to_string();
    };
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · ", " » "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if tail.trim().eq_ignore_ascii_case(site) {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(sep) {
            if head.trim().eq_ignore_ascii_case(site) {
                return tail.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// The host of a URL without "www.": "https://www.tass.com/politics/1" →
/// "tass.com".
pub(crate) fn domain(url: &str) -> Option<String> {
    let rest = url.trim();
    let rest = rest.split_once("://").map_or(rest, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host
        .split(':')
        .next()?
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let host = host
        .strip_prefix("www.")
        .or_else(|| host.strip_prefix("m."))
        .unwrap_or(&host)
        .to_string();
    (host.contains('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-'))
    .then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains() {
        assert_eq!(
            domain("https://www.tass.com/politics/1").as_deref(),
            Some("tass.com")
        );
        assert_eq!(
            domain("http://user@News.Example.org:8080/x").as_deref(),
            Some("news.example.org")
        );
        assert_eq!(domain("not a url"), None);
        assert_eq!(domain(""), None);
    }

    #[test]
    fn site_suffixes() {
        assert_eq!(
            strip_site("Ferry approved | Harlen Courier", Some("Harlen Courier")),
            "Ferry approved"
        );
        assert_eq!(
            strip_site("Harlen Courier - Ferry approved", Some("harlen courier")),
            "Ferry approved"
        );
        assert_eq!(
            strip_site("Ferry - approved", Some("Courier")),
            "Ferry - approved"
        );
    }

    #[test]
    fn cleaner_is_shareable() {
        fn sync<T: Sync + Send>() {}
        sync::<Cleaner>();
    }
}
