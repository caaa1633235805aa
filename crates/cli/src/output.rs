//! The JSON Lines shape of `dictum extract`.

use std::borrow::Cow;

use dictum_extract::{Extraction, Kind, Span};
use dictum_text::CharOffsets;
use serde::Serialize;

#[derive(Serialize)]
pub struct ArticleOut<'a> {
    pub doc: &'a str,
    pub title: Option<&'a str>,
    pub statements: Vec<StatementOut<'a>>,
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
                text: if s.pieces.is_empty() {
                    Cow::Borrowed(s.content.slice(text))
                } else {
                    Cow::Owned(
                        s.pieces
                            .iter()
                            .map(|p| p.slice(text))
                            .collect::<Vec<_>>()
                            .join(" … "),
                    )
                },
                cue: s.cue.map(span_text),
                source: s.source.map(span_text),
                speaker: ex.speaker_name(s).map(|name| SpeakerOut { name }),
            })
            .collect(),
    }
}
