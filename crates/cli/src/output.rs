//! The JSON Lines shape of `dictum extract`.

use std::borrow::Cow;

use dictum_extract::{Extraction, Kind, Span, Statement};
use dictum_text::CharOffsets;
use serde::Serialize;

#[derive(Serialize)]
pub struct ArticleOut<'a> {
    pub doc: &'a str,
    pub title: Option<&'a str>,
    #[serde(flatten)]
    pub meta: Option<Meta<'a>>,
    /// The clean text the offsets point into (HTML, JSON Lines and WARC inputs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'a str>,
    pub statements: Vec<StatementOut<'a>>,
}

/// Article metadata from the cleaning stage; absent fields are left out.
#[derive(Serialize)]
pub struct Meta<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Where the date came from: metadata, dateline, title or crawldate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<&'a str>,
}

impl<'a> Meta<'a> {
    pub fn of(a: &'a dictum_clean::Article) -> Meta<'a> {
        Meta {
            url: a.url.as_deref(),
            outlet: a.outlet.as_deref(),
            published: a.published.as_ref().map(|d| d.to_string()),
            published_from: a
                .published
                .as_ref()
                .map(|d| format!("{:?}", d.source).to_lowercase()),
            place: a.place.as_deref(),
            author: a.author.as_deref(),
            language: a.language.as_deref(),
        }
    }
}

impl<'a> ArticleOut<'a> {
    /// Adds the cleaning stage's metadata, and the clean text when offsets point into it.
    pub fn with_metadata(mut self, a: &'a dictum_clean::Article, text: Option<&'a str>) -> Self {
        self.meta = Some(Meta::of(a));
        self.text = text;
        // A page's title is its metadata; a plain-text file's is its first line.
        if self.title.is_none() || (text.is_some() && a.title.is_some()) {
            self.title = a.title.as_deref();
        }
        self
    }
}

#[derive(Serialize)]
pub struct SpanText<'a> {
    pub span: [usize; 2],
    pub text: &'a str,
}

#[derive(Serialize)]
pub struct SpeakerOut<'a> {
    pub name: &'a str,
}

/// One span, or the pieces of a discontinuous one.
#[derive(Serialize)]
#[serde(untagged)]
pub enum Content {
    One([usize; 2]),
    Pieces(Vec<[usize; 2]>),
}

#[derive(Serialize)]
pub struct StatementOut<'a> {
    pub kind: Kind,
    /// `[start, end]` in code points, end exclusive; for a discontinuous content
    /// (`“A,” he said. “B.”`) a list of such pieces, `[[s1, e1], [s2, e2]]`, the form the
    /// reference scorer reads.
    pub content: Content,
    /// The content's text: its one span, or its pieces joined by " … ".
    pub text: Cow<'a, str>,
    pub cue: Option<SpanText<'a>>,
    pub source: Option<SpanText<'a>>,
    pub speaker: Option<SpeakerOut<'a>>,
}

/// A content's pieces: its one span, or the pieces of a discontinuous content.
pub fn pieces(s: &Statement) -> &[Span] {
    if s.pieces.is_empty() {
        std::slice::from_ref(&s.content)
    } else {
        &s.pieces
    }
}

/// A content's text: its one span, or its pieces joined by " … ".
pub fn content_text<'a>(s: &Statement, text: &'a str) -> Cow<'a, str> {
    match pieces(s) {
        [one] => Cow::Borrowed(one.slice(text)),
        many => Cow::Owned(
            many.iter()
                .map(|p| p.slice(text))
                .collect::<Vec<_>>()
                .join(" … "),
        ),
    }
}

pub fn article<'a>(doc: &'a str, text: &'a str, ex: &'a Extraction) -> ArticleOut<'a> {
    let offs = CharOffsets::new(text);
    let cp = |s: Span| [offs.to_char(s.start), offs.to_char(s.end)];
    let span_text = |s: Span| SpanText {
        span: cp(s),
        text: s.slice(text),
    };
    ArticleOut {
        doc,
        title: ex.title.map(|t| t.slice(text)),
        meta: None,
        text: None,
        statements: ex
            .statements
            .iter()
            .map(|s| StatementOut {
                kind: s.kind,
                content: if s.pieces.is_empty() {
                    Content::One(cp(s.content))
                } else {
                    Content::Pieces(s.pieces.iter().map(|&p| cp(p)).collect())
                },
                text: content_text(s, text),
                cue: s.cue.map(span_text),
                source: s.source.map(span_text),
                speaker: ex.speaker_name(s).map(|name| SpeakerOut { name }),
            })
            .collect(),
    }
}

/// The first `n` characters of a text, with an ellipsis when it was longer.
pub fn short(text: &str, n: usize) -> String {
    if text.chars().count() <= n {
        return text.to_string();
    }
    let mut s: String = text.chars().take(n).collect();
    s.push('…');
    s
}
