//! The extraction core of dictum: statements and their in-article speakers.
//!
//! Text in, typed values out. [`Extractor::extract`] finds direct quotes,
//! partial quotes, reported speech and transcript remarks in one article's text,
//! with their cue, source mention and resolved speaker. No I/O, no global state:
//! an [`Extractor`] holds only immutable lookup tables and may be shared across
//! threads.
//!
//! Every [`Span`] in the output is a byte range into the exact input string;
//! `dictum_text::CharOffsets` turns them into code-point offsets.

mod cue_model;
mod lexicon;
mod quotes;
mod rules;
mod speakers;
mod transcript;

pub use cue_model::{CueCandidate, CueModel, EndCandidate, ModelError, FEATURES as CUE_FEATURES};
pub use dictum_text::Span;
pub use lexicon::CueClass;

use serde::Serialize;

/// How the statement is given in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The content is a quotation, marks included.
    Direct,
    /// Reported speech with quoted fragments in it.
    Mixed,
    /// Reported speech without quotation marks.
    Indirect,
    /// A paragraph of a document that is one person's own remarks.
    Transcript,
}

impl Kind {
    /// Every kind, in the order reports list them.
    pub const ALL: [Kind; 4] = [Kind::Direct, Kind::Mixed, Kind::Indirect, Kind::Transcript];

    /// The kind's name as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Mixed => "mixed",
            Kind::Indirect => "indirect",
            Kind::Transcript => "transcript",
        }
    }
}

/// One attributed statement in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub kind: Kind,
    /// The whole content, from its first to its last piece.
    pub content: Span,
    /// The content's pieces when it is discontinuous (`“A,” he said. “B.”`);
    /// empty when `content` is one piece.
    pub pieces: Vec<Span>,
    /// The cue: the verb or phrase that signals the attribution.
    pub cue: Option<Span>,
    /// The source mention as written ("he", "the top Russian diplomat").
    pub source: Option<Span>,
    /// Index into [`Extraction::speakers`].
    pub speaker: Option<usize>,
}

/// A person or organisation that makes statements in one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The fullest name the article gives.
    pub name: String,
    /// Titles the article writes before the name ("Foreign Minister"), as written.
    pub roles: Vec<String>,
}

/// Everything the core finds in one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extraction {
    /// The title line, when the text starts with one.
    pub title: Option<Span>,
    /// Statements in text order.
    pub statements: Vec<Statement>,
    pub speakers: Vec<Speaker>,
}

impl Extraction {
    pub fn speaker_name(&self, s: &Statement) -> Option<&str> {
        s.speaker
            .and_then(|i| self.speakers.get(i))
            .map(|sp| sp.name.as_str())
    }
}

/// The extractor: immutable lookup tables, built once and reused.
#[derive(Debug, Clone)]
pub struct Extractor {
    cues: lexicon::FxMap<&'static str, CueClass>,
    /// A quick filter before the cue table: for each word length (31 for longer
    /// words), a bit for the first and for the last byte (mod 32) of some cue of
    /// that length. Most words fail it; every cue passes.
    cue_ends: [(u32, u32); 32],
    cue_model: CueModel,
    end_model: CueModel,
}

/// The `cue_ends` slot and bits of a word.
#[inline]
fn cue_shape(w: &str) -> Option<(usize, u32, u32)> {
    let b = w.as_bytes();
    let (first, last) = (b.first()?, b.last()?);
    Some((b.len().min(31), 1 << (first & 31), 1 << (last & 31)))
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new()
    }
}

impl Extractor {
    pub fn new() -> Self {
        Self::with_models(CueModel::builtin(), CueModel::builtin_end())
    }

    /// The same rules with other learned models (for training and measuring them).
    pub fn with_models(cue_model: CueModel, end_model: CueModel) -> Self {
        let cues = lexicon::cue_table();
        let mut cue_ends = [(0, 0); 32];
        for (len, first, last) in cues.keys().filter_map(|w| cue_shape(w)) {
            cue_ends[len].0 |= first;
            cue_ends[len].1 |= last;
        }
        Extractor {
            cues,
            cue_ends,
            cue_model,
            end_model,
        }
    }

    /// The end model's candidate tokens in the contents the rules find in
    /// `text`, before the end model cuts any: what `examples/train_cues.rs`
    /// learns where content ends from.
    pub fn end_candidates(&self, text: &str) -> Vec<EndCandidate> {
        rules::end_candidates(self, text)
    }

    /// The cue model's candidate tokens in `text` with their features: what
    /// `examples/train_cues.rs` learns from.
    pub fn cue_candidates(&self, text: &str) -> Vec<CueCandidate> {
        rules::cue_candidates(self, text)
    }

    /// Extracts statements from one article. The first line is taken as the
    /// title when it looks like one. Never panics; any input yields a result.
    pub fn extract(&self, text: &str) -> Extraction {
        rules::extract(self, text)
    }

    #[inline]
    pub(crate) fn cue_class(&self, lower: &str) -> Option<CueClass> {
        let (len, first, last) = cue_shape(lower)?;
        let (firsts, lasts) = self.cue_ends[len];
        if firsts & first == 0 || lasts & last == 0 {
            return None;
        }
        self.cues.get(lower).copied()
    }
}
