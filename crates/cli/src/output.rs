//! The JSON Lines shape of `dictum extract`.

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

#[derive(Serialize)]
pub struct StatementOut<'a> {
    pub kind: Kind,
    /// `[start, end]` code points, end exclusive, from the first to the last piece.
    pub content: [usize; 2],
    pub text: &'a str,
    /// The pieces of a discontinuous content (`“A,” he said. “B.”`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pieces: Vec<[usize; 2]>,
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
                content: cp(s.content),
                text: s.content.slice(text),
                pieces: s.pieces.iter().map(|&p| cp(p)).collect(),
                cue: s.cue.map(span_text),
                source: s.source.map(span_text),
                speaker: ex.speaker_name(s).map(|name| SpeakerOut { name }),
            })
            .collect(),
    }
}
