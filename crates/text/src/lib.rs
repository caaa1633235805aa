//! Offset-preserving text for dictum.
//!
//! Everything here works on `&str` and returns byte [`Span`]s into that same
//! string, so any value derived from it can be sliced out of the original input.
//! [`CharOffsets`] converts byte offsets to Unicode code-point offsets, the unit
//! dictum's JSON output uses.
//!
//! This crate is pure: no I/O, no global state, no allocation beyond its results.

mod offsets;
mod segment;
mod span;
mod token;

pub use offsets::CharOffsets;
pub use segment::{paragraphs, sentences, sentences_around, Sentence};
pub use span::Span;
pub use token::{tokenize, QuoteMark, Token, TokenKind};
