//! Gold attributions in brat standoff (PolNeAR layout) and scoring of predicted attributions,
//! computed exactly like the reference scorer `score_attributions.py` (same metrics, same
//! rounding, same report), plus a breakdown of the errors by class ([`breakdown`]) on the
//! same matching. Extraction is not done here.
//!
//! Offsets are Unicode code points, end exclusive. Gold texts are read the way Python's
//! `open(..., encoding='utf-8')` reads them (universal newlines: `\r\n` and `\r` become `\n`),
//! word tokens are Python's `\w+` and the character classes are Python's (see `tools/`), so
//! the numbers agree with the reference scorer to the last digit.

mod ann;
mod breakdown;
mod pred;
mod py;
#[rustfmt::skip]
mod pytables;
mod score;

use std::path::PathBuf;

pub use ann::{load_gold, parse_ann};
pub use breakdown::{
    breakdown, classify, Breakdown, DocOutcome, GoldOutcome, PredOutcome, SpeakerErrors, Split,
};
pub use pred::read_predictions;
pub use score::{score, Prf, Scores};

/// A piece of a span: code-point offsets, end exclusive.
pub type Piece = (usize, usize);

/// One attribution: content, source and cue, each a list of pieces (empty = none).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attribution {
    pub content: Vec<Piece>,
    pub source: Vec<Piece>,
    pub cue: Vec<Piece>,
}

/// One gold document: its name, its text (newlines translated as Python reads it) and the
/// attributions of its first annotation file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldDoc {
    pub doc: String,
    pub text: String,
    pub attributions: Vec<Attribution>,
}

/// What can go wrong reading gold files or predictions.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: not valid UTF-8", .path.display())]
    Utf8 { path: PathBuf },
    #[error("{}: file name is not valid UTF-8", .path.display())]
    FileName { path: PathBuf },
    /// A malformed line of a `.ann` file; `file` is empty when the text did not come from a file.
    #[error("{}line {line}: {msg}", ann_prefix(.file))]
    Ann {
        file: String,
        line: usize,
        msg: String,
    },
    /// A malformed line of a predictions JSONL text.
    #[error("predictions line {line}: {msg}")]
    Prediction { line: usize, msg: String },
}

fn ann_prefix(file: &str) -> String {
    if file.is_empty() {
        String::new()
    } else {
        format!("{file} ")
    }
}
