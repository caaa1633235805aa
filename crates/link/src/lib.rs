//! Pure cross-article linking logic: person-name keys and matching, statement
//! fingerprints, and copied-article detection — no I/O.
//!
//! Everything here takes text or small values and returns values: no files, no
//! clock, no global or mutable state, no panics on any input. All hashes are
//! fixed (FNV-1a 64 with a SplitMix64 finaliser), so keys, fingerprints and
//! signatures are the same across runs, platforms and builds and may be stored.
//!
//! - [`names`]: one person across articles (folded name keys, `Same`/`Compatible`/`Different`).
//! - [`fingerprint`]: one statement across outlets (winnowed word-shingle hashes).
//! - [`copies`]: syndicated or copied articles (MinHash signatures, LSH bands, the copy rule).
//! - [`pairs`]: same statement by meaning (pair features, TF-IDF cosine, the learned matcher).
//! - [`points`]: talking points (incremental grouping of statement vectors, c-TF-IDF labels).
//! - [`synth`]: copies generated from real articles and the precision/recall measurement.

pub mod copies;
pub mod fingerprint;
mod fold;
pub mod hash;
pub mod names;
pub mod pairs;
pub mod points;
pub mod synth;

pub use fold::fold_text;
