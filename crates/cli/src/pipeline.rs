//! The pipeline's stages joined: a raw document is cleaned, its statements are
//! extracted, and their offsets are mapped to the text the output points into.

use std::collections::HashMap;

use dictum_clean::{Article, Cleaner, Date, DateSource, Hints, SiteLines};
use dictum_extract::{Extraction, Extractor, Span};
use dictum_ingest::{Body, RawDoc};

/// The cleaner and the extractor, built once and shared by every thread.
pub struct Pipeline {
    pub extractor: Extractor,
    pub cleaner: Cleaner,
    /// Skip cleaning: extract from the text exactly as read.
    pub raw: bool,
}

/// One processed document.
pub struct Processed {
    /// The text the statements' offsets point into: the file as read for plain
    /// text; the clean text (title on its first line) for HTML, JSON Lines and WARC.
    pub text: String,
    /// Whether `text` is the input as read (plain text), so it need not be output.
    pub original: bool,
    pub extraction: Extraction,
    pub article: Article,
}

pub fn hints(doc: &RawDoc) -> Hints {
    Hints {
        url: doc.url.clone(),
        title: doc.title.clone(),
        published: doc.published.clone(),
        outlet: doc.outlet.clone(),
        author: doc.author.clone(),
        language: doc.language.clone(),
        crawl_date: doc.crawl_date.clone(),
    }
}

impl Pipeline {
    pub fn new(raw: bool) -> Self {
        Pipeline {
            extractor: Extractor::new(),
            cleaner: Cleaner::new(),
            raw,
        }
    }

    /// Plain text (a `.txt` file, the gold texts of an evaluation): cleaned,
    /// extracted, and every span mapped back into `text` itself.
    pub fn plain(&self, text: &str, hints: &Hints) -> (Extraction, Article) {
        self.plain_on_site(text, hints, None)
    }

    fn plain_on_site(
        &self,
        text: &str,
        hints: &Hints,
        site: Option<&SiteLines>,
    ) -> (Extraction, Article) {
        if self.raw {
            return (self.extractor.extract(text), Article::default());
        }
        let article = self.cleaner.clean_text_on_site(text, hints, site);
        let mut ex = self.extractor.extract(&article.text);
        let map = |s: Span| {
            let (a, b) = article.map.range_to_original(s.start, s.end);
            Span::new(a, b.max(a))
        };
        for st in &mut ex.statements {
            st.content = map(st.content);
            for p in &mut st.pieces {
                *p = map(*p);
            }
            st.cue = st.cue.map(map);
            st.source = st.source.map(map);
        }
        ex.title = ex.title.map(map);
        (ex, article)
    }

    /// The cleaning stage alone (`dictum clean`): the clean article of any document. A
    /// document dictum has already cleaned ([`RawDoc::clean`]) is taken as it is.
    pub fn clean(&self, doc: &RawDoc, site: Option<&SiteLines>) -> Article {
        if doc.clean {
            return already_clean(doc);
        }
        let h = hints(doc);
        match &doc.body {
            Body::Text(text) => self.cleaner.clean_text_on_site(text, &h, site),
            Body::Html(html) => self.cleaner.clean_html(html, &h),
        }
    }

    /// A document from any reader; `plain` when it came from a plain-text file
    /// (offsets then point into the file as read).
    pub fn process(&self, doc: RawDoc, plain: bool, site: Option<&SiteLines>) -> Processed {
        if let (true, false, Body::Text(text)) = (plain, doc.clean, &doc.body) {
            let (extraction, article) = self.plain_on_site(text, &hints(&doc), site);
            return Processed {
                text: doc.body.into_string(),
                original: true,
                extraction,
                article,
            };
        }
        // A page, or a JSON Lines `text` field: offsets point into the clean text.
        let article = self.clean(&doc, site);
        self.finish(article, doc.body.is_html())
    }

    fn finish(&self, article: Article, title_first: bool) -> Processed {
        let text = match (&article.title, title_first) {
            // The title heads the text unless the page's text already starts with it.
            (Some(t), true)
                if !t.trim().is_empty() && !article.text.trim_start().starts_with(t.trim()) =>
            {
                format!("{}\n{}", t.trim(), article.text)
            }
            _ => article.text.clone(),
        };
        let extraction = self.extractor.extract(&text);
        Processed {
            text,
            original: false,
            extraction,
            article,
        }
    }
}

/// The article of a document dictum has already cleaned: its text as it is, its metadata as
/// the reader gave it (`place` and `published_from` from its extra fields).
fn already_clean(doc: &RawDoc) -> Article {
    let extra = |k: &str| doc.extra.get(k).and_then(|v| v.as_str());
    let source = extra("published_from")
        .and_then(DateSource::from_name)
        .unwrap_or(DateSource::Metadata);
    Article {
        text: doc.body.as_str().to_string(),
        title: doc.title.clone(),
        outlet: doc.outlet.clone(),
        published: doc
            .published
            .as_deref()
            .and_then(|p| Date::from_iso(p, source)),
        place: extra("place").map(str::to_string),
        author: doc.author.clone(),
        language: doc.language.clone(),
        url: doc.url.clone(),
        ..Article::default()
    }
}

/// Pages of one site seen together: a plain-text file's directory, else the
/// outlet or the URL's host.
pub fn site_of(doc: &RawDoc, plain: bool) -> Option<String> {
    if plain {
        let origin = std::path::Path::new(&doc.origin);
        return origin.parent().map(|p| format!("dir:{}", p.display()));
    }
    if let Some(o) = &doc.outlet {
        return Some(format!("outlet:{o}"));
    }
    let url = doc.url.as_deref()?;
    let host = url.split("://").nth(1)?.split('/').next()?;
    Some(format!("host:{host}"))
}

/// Lines that recur on at least three pages of the same site within a batch.
pub fn site_lines<'a>(
    batch: impl IntoIterator<Item = &'a (RawDoc, bool)>,
) -> HashMap<String, SiteLines> {
    let mut pages: HashMap<String, Vec<&str>> = HashMap::new();
    for (doc, plain) in batch {
        if let (Some(site), Body::Text(t)) = (site_of(doc, *plain), &doc.body) {
            pages.entry(site).or_default().push(t);
        }
    }
    pages
        .into_iter()
        .filter(|(_, p)| p.len() >= 3)
        .map(|(site, p)| (site, SiteLines::from_pages(p, 3, 12)))
        .filter(|(_, lines)| !lines.is_empty())
        .collect()
}
