//! The learned models: logistic regressions over hashed features of one token
//! and its neighbours.
//!
//! - The *cue model* says whether a word the cue lexicon does not list is an
//!   attribution cue here ("supporting", "criticism", "seemed"); the rules build
//!   the statement around it exactly as for a listed verb of saying.
//! - The *end model* says whether reported content that the rules ran to the end
//!   of its clause stops before a token (a comma, "while", "and", ...).
//!
//! The weights are numbers learnt on PolNeAR train by `cargo run --release -p
//! dictum-cli --example train_cues` and compiled in (`data/cue_model.bin`,
//! `data/end_model.bin`); features are hashed, so no word of the training texts
//! is stored. Reading the weights is a slice lookup: no decoding, no allocation,
//! no global state.
//!
//! File format (little-endian): `b"DCM2"`, `u8` hash bits, three zero bytes,
//! `f32` weight scale, `f32` decision threshold (a logit), `f32` gate (a
//! logit: a cue candidate whose word-level features score at most this is not
//! scored on its context), then `2^bits` `i16` weights.

use std::borrow::Cow;

use dictum_text::{Span, TokenKind};

use crate::lexicon;
use crate::rules::Doc;

/// Features per candidate token.
pub const FEATURES: usize = 20;

const MAGIC: &[u8; 4] = b"DCM2";
const HEADER: usize = 20;

/// The weights built into the extractor.
static BUILTIN: &[u8] = include_bytes!("../data/cue_model.bin");
static BUILTIN_END: &[u8] = include_bytes!("../data/end_model.bin");

/// Why a cue model could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// The bytes do not start with the model's magic number.
    BadMagic,
    /// Hash bits outside 8..=24.
    BadBits(u8),
    /// The length does not match the header's table size.
    BadLength { expected: usize, found: usize },
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ModelError::BadMagic => write!(f, "not a dictum cue model (bad magic number)"),
            ModelError::BadBits(b) => write!(f, "cue model: {b} hash bits is out of range"),
            ModelError::BadLength { expected, found } => {
                write!(f, "cue model: {found} bytes, expected {expected}")
            }
        }
    }
}

impl std::error::Error for ModelError {}

/// An immutable table of hashed feature weights.
#[derive(Debug, Clone)]
pub struct CueModel {
    bytes: Cow<'static, [u8]>,
    mask: u32,
    scale: f32,
    threshold: f32,
    gate: f32,
}

impl CueModel {
    /// The cue model compiled into the crate.
    pub fn builtin() -> CueModel {
        // The built-in files are checked by a unit test; fall back to a model that
        // finds nothing rather than panic.
        CueModel::from_bytes(Cow::Borrowed(BUILTIN)).unwrap_or_else(|_| CueModel::empty())
    }

    /// The end model compiled into the crate.
    pub fn builtin_end() -> CueModel {
        CueModel::from_bytes(Cow::Borrowed(BUILTIN_END)).unwrap_or_else(|_| CueModel::empty())
    }

    /// A model that never fires.
    pub fn empty() -> CueModel {
        CueModel {
            bytes: Cow::Borrowed(&[]),
            mask: 0,
            scale: 0.0,
            threshold: f32::INFINITY,
            gate: f32::INFINITY,
        }
    }

    /// Reads a model in the format above.
    pub fn from_bytes(bytes: Cow<'static, [u8]>) -> Result<CueModel, ModelError> {
        if bytes.len() < HEADER || &bytes[..4] != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let bits = bytes[4];
        if !(8..=24).contains(&bits) {
            return Err(ModelError::BadBits(bits));
        }
        let expected = HEADER + (2usize << bits);
        if bytes.len() != expected {
            return Err(ModelError::BadLength {
                expected,
                found: bytes.len(),
            });
        }
        let f = |o: usize| f32::from_le_bytes([bytes[o], bytes[o + 1], bytes[o + 2], bytes[o + 3]]);
        let (scale, threshold, gate) = (f(8), f(12), f(16));
        Ok(CueModel {
            mask: (1u32 << bits) - 1,
            scale,
            threshold,
            gate,
            bytes,
        })
    }

    /// Writes weights (one per hash bucket, `2^bits` of them) in the format
    /// above, quantised to `i16`.
    pub fn encode(weights: &[f32], threshold: f32, gate: f32) -> Vec<u8> {
        let bits = weights.len().max(1).trailing_zeros() as u8;
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut out = Vec::with_capacity(HEADER + 2 * weights.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&[bits, 0, 0, 0]);
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&threshold.to_le_bytes());
        out.extend_from_slice(&gate.to_le_bytes());
        for w in weights {
            out.extend_from_slice(&((w / scale).round() as i16).to_le_bytes());
        }
        out
    }

    /// The word-level gate (a logit).
    pub fn gate(&self) -> f32 {
        self.gate
    }

    /// The decision threshold (a logit).
    pub fn threshold(&self) -> f32 {
        self.threshold
    }

    /// The logit of a candidate's features.
    pub fn score(&self, features: &[u32]) -> f32 {
        if self.bytes.len() < HEADER {
            return f32::NEG_INFINITY;
        }
        let w = &self.bytes[HEADER..];
        let mut sum = 0i32;
        for &f in features {
            let k = 2 * (f & self.mask) as usize;
            if let (Some(&lo), Some(&hi)) = (w.get(k), w.get(k + 1)) {
                sum += i32::from(i16::from_le_bytes([lo, hi]));
            }
        }
        sum as f32 * self.scale
    }
}

/// One token a model decides on, for training: its byte span and features
/// (for the end model, also the content piece it may cut).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndCandidate {
    pub piece: Span,
    pub span: Span,
    pub features: [u32; FEATURES],
}

/// One token the model decides on, for training: its byte span and features.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueCandidate {
    pub span: Span,
    pub features: [u32; FEATURES],
}

/// Whether the model is asked about token `i` (a lower-case word outside
/// quotations that the lexicon does not list and that is not a function word).
pub(crate) fn is_candidate(doc: &Doc, i: usize, listed: bool) -> bool {
    is_word_candidate(doc, i, listed) && !is_function_word(doc.lower(i))
}

/// The cheap half of [`is_candidate`]: a lower-case word of three letters or
/// more, outside quotations, not in the lexicon.
pub(crate) fn is_word_candidate(doc: &Doc, i: usize, listed: bool) -> bool {
    let Some(t) = doc.toks.get(i) else {
        return false;
    };
    !listed
        && t.kind == TokenKind::Word
        && doc.quote_at(i).is_none()
        && doc.lower(i).len() >= 3
        && doc.word(i).starts_with(|c: char| c.is_lowercase())
}

/// The other half: function words are never candidates.
pub(crate) fn is_function_word(lw: &str) -> bool {
    lexicon::is_np_stop(lw) || lexicon::is_between_word(lw) || lexicon::is_pronoun(lw)
}

/// Whether candidate `i` passes the word-level gates of `model`.
pub(crate) fn passes_gate(model: &CueModel, doc: &Doc, i: usize) -> bool {
    // Most words are never cues, and the context features cost more than the
    // rest of the rules: a word is scored on its context only when the bias and
    // its own weight score above the gate less a margin (a word unseen in
    // training has weight zero), and with its suffix and stem above the gate.
    let w = mix(1, doc.word_hash(i), 0);
    let bias = mix(0, 0, 0);
    if model.score(&[bias, w]) <= model.gate() - WORD_GATE_MARGIN {
        return false;
    }
    let lw = doc.lower(i);
    model.score(&[
        bias,
        w,
        mix(2, suffix_hash(lw, 3), 0),
        mix(3, stem_hash(lw), 0),
    ]) > model.gate()
}

/// How far below the gate the bias and the word alone may score.
const WORD_GATE_MARGIN: f32 = 0.5;

fn suffix_hash(lw: &str, n: usize) -> u32 {
    let bytes = lw.as_bytes();
    bytes[bytes.len().saturating_sub(n)..]
        .iter()
        .fold(0x811c_9dc5u32, |h, &c| {
            (h ^ u32::from(c)).wrapping_mul(0x0100_0193)
        })
}

// Token shapes for the context features.
const OUTSIDE: u32 = 0;
const LOWER: u32 = 1;
const CAPITAL: u32 = 2;
const PRONOUN: u32 = 3;
const NUMBER: u32 = 4;
const OPEN: u32 = 5;
const CLOSE: u32 = 6;
const COMMA: u32 = 7;
const TERMINAL: u32 = 8;
const PUNCT: u32 = 9;
const THAT: u32 = 10;
const QUOTED: u32 = 11;

fn shape(doc: &Doc, j: usize, a: usize, b: usize) -> u32 {
    if j < a || j >= b {
        return OUTSIDE;
    }
    let t = &doc.toks[j];
    match t.kind {
        TokenKind::Quote(_) => {
            if doc.quote_at(j).is_some_and(|q| doc.quotes[q].open == j) {
                OPEN
            } else {
                CLOSE
            }
        }
        TokenKind::Number => NUMBER,
        TokenKind::Punct => match doc.word(j) {
            "," => COMMA,
            "." | "!" | "?" => TERMINAL,
            _ => PUNCT,
        },
        TokenKind::Word => {
            let lw = doc.lower(j);
            if doc.quote_at(j).is_some() {
                QUOTED
            } else if lw == "that" {
                THAT
            } else if lexicon::is_pronoun(lw) {
                PRONOUN
            } else if doc.is_capitalized(j) {
                CAPITAL
            } else {
                LOWER
            }
        }
    }
}

/// A crude stem's hash: "supporting", "supported", "supports" -> "support".
fn stem_hash(lw: &str) -> u32 {
    let mut t = lw;
    for suf in ["ing", "ed", "es", "s", "e"] {
        if let Some(x) = t.strip_suffix(suf).filter(|x| x.len() >= 3) {
            t = x;
            break;
        }
    }
    t.bytes().fold(0x811c_9dc5u32, |h, c| {
        (h ^ u32::from(c)).wrapping_mul(0x0100_0193)
    })
}

#[inline]
fn mix(kind: u32, a: u32, b: u32) -> u32 {
    let mut h = u64::from(kind).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ u64::from(a).wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
        ^ u64::from(b).wrapping_mul(0x1656_67B1_9E37_79F9);
    h ^= h >> 29;
    h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    (h ^ (h >> 32)) as u32
}

/// The features of candidate token `i` in sentence `si`; `cue_before`: a
/// lexicon cue (a word outside quotations) comes earlier in the sentence.
pub(crate) fn features(doc: &Doc, si: usize, i: usize, cue_before: bool) -> [u32; FEATURES] {
    let s = &doc.sents[si];
    let (a, b) = (s.tokens.start, s.tokens.end);
    let word = |j: usize| {
        if j < a || j >= b {
            0x5eed
        } else {
            doc.word_hash(j)
        }
    };
    let back = |k: usize| i.checked_sub(k).unwrap_or(usize::MAX);
    let lw = doc.lower(i);
    let w = word(i);
    let stem = stem_hash(lw);
    let suffix3 = suffix_hash(lw, 3);
    let (p1, p2, n1, n2) = (back(1), back(2), i + 1, i + 2);
    let (sp1, sp2, sn1, sn2) = (
        shape(doc, p1, a, b),
        shape(doc, p2, a, b),
        shape(doc, n1, a, b),
        shape(doc, n2, a, b),
    );
    let quote_after = (i + 1..b.min(i + 7)).any(|j| doc.quote_opening(j).is_some());
    let quote_before = (a.max(i.saturating_sub(6))..i).any(|j| doc.quote_closing(j).is_some());
    let that_soon =
        (i + 1..b.min(i + 5)).any(|j| doc.quote_at(j).is_none() && doc.lower(j) == "that");
    let name_before = (a.max(i.saturating_sub(4))..i)
        .any(|j| doc.is_capitalized(j) || lexicon::is_pronoun(doc.lower(j)));
    let pos = match i - a {
        0 => 0,
        1 => 1,
        2 => 2,
        3..=5 => 3,
        6..=10 => 4,
        _ => 5,
    };
    let flags = u32::from(quote_after)
        | u32::from(quote_before) << 1
        | u32::from(that_soon) << 2
        | u32::from(cue_before) << 3
        | u32::from(name_before) << 4;
    [
        mix(0, 0, 0),
        mix(1, w, 0),
        mix(2, suffix3, 0),
        mix(3, stem, 0),
        mix(4, word(p1), 0),
        mix(5, word(n1), 0),
        mix(6, word(p2), 0),
        mix(7, word(n2), 0),
        mix(8, word(p1), w),
        mix(9, w, word(n1)),
        mix(10, sp1, sn1),
        mix(11, sp2 << 8 | sp1, 0),
        mix(12, sn1 << 8 | sn2, 0),
        mix(13, flags, 0),
        mix(14, flags, w),
        mix(15, pos, 0),
        mix(16, w, sn1),
        mix(17, w, sp1),
        mix(18, suffix3, flags),
        mix(19, stem, sn1),
    ]
}

/// Every candidate of `text` with its features, for training.
pub(crate) fn candidates(doc: &Doc) -> Vec<CueCandidate> {
    let mut out = Vec::new();
    for si in 0..doc.sents.len() {
        let mut cue_before = false;
        for i in doc.sents[si].tokens.clone() {
            if doc.quote_at(i).is_some() || !doc.toks[i].is_word() {
                continue;
            }
            if is_candidate(doc, i, doc.is_cue(doc.lower(i))) {
                out.push(CueCandidate {
                    span: doc.toks[i].span,
                    features: features(doc, si, i, cue_before),
                });
            }
            cue_before |= doc.is_cue(doc.lower(i));
        }
    }
    out
}

/// Whether the end model is asked about token `i` of a content piece: a
/// clause-level punctuation mark or a lower-case conjunction, outside
/// quotations.
pub(crate) fn is_end_candidate(doc: &Doc, i: usize) -> bool {
    let Some(t) = doc.toks.get(i) else {
        return false;
    };
    if doc.quote_at(i).is_some() {
        return false;
    }
    match t.kind {
        TokenKind::Punct => matches!(doc.word(i), "," | ";" | ":" | "(" | "--" | "—" | "–"),
        TokenKind::Word => {
            matches!(
                doc.lower(i),
                "and"
                    | "but"
                    | "or"
                    | "while"
                    | "as"
                    | "because"
                    | "who"
                    | "which"
                    | "including"
                    | "after"
                    | "before"
                    | "when"
                    | "although"
                    | "though"
                    | "since"
                    | "so"
                    | "if"
                    | "until"
                    | "where"
                    | "whereas"
                    | "even"
                    | "according"
                    | "than"
                    | "despite"
                    | "amid"
                    | "unless"
            ) && doc.word(i).starts_with(|c: char| c.is_lowercase())
        }
        _ => false,
    }
}

/// A subordinate clause opened in `p0..t` and not yet closed by a comma
/// (`that if X continues, Russia has ...`).
pub(crate) fn open_subordinate(doc: &Doc, p0: usize, t: usize) -> bool {
    (p0..t)
        .rev()
        .find_map(|j| match doc.lower(j) {
            "," => Some(false),
            "if" | "when" | "while" | "although" | "though" | "because" | "as" | "unless"
            | "since" | "once" | "after" | "before" | "until" => Some(true),
            _ => None,
        })
        .unwrap_or(false)
}

fn bucket(n: usize) -> u32 {
    match n {
        0 => 0,
        1 => 1,
        2 => 2,
        3..=4 => 3,
        5..=8 => 4,
        9..=15 => 5,
        16..=30 => 6,
        _ => 7,
    }
}

/// Whether end candidate `t` passes the word-level gate of `model` (bias and
/// the word: most function words never end a content).
pub(crate) fn passes_end_gate(model: &CueModel, doc: &Doc, t: usize) -> bool {
    model.score(&[mix(100, 0, 0), mix(101, doc.word_hash(t), 0)]) > model.gate()
}

/// The features of end candidate `t` in the content piece `p0..=p1` of a
/// statement of `kind` with cue token `cue`.
pub(crate) fn end_features(
    doc: &Doc,
    (p0, p1): (usize, usize),
    t: usize,
    mixed: bool,
    cue: Option<usize>,
) -> [u32; FEATURES] {
    let si = doc.sent_of.get(t).map_or(0, |&s| s as usize);
    let (a, b) = doc
        .sents
        .get(si)
        .map_or((0, doc.toks.len()), |s| (s.tokens.start, s.tokens.end));
    let word = |j: usize| {
        if j < a || j >= b {
            0x5eed
        } else {
            doc.word_hash(j)
        }
    };
    let sh = |j: usize| shape(doc, j, a, b);
    let w = word(t);
    let (p, n, n2) = (t.checked_sub(1).unwrap_or(usize::MAX), t + 1, t + 2);
    let next_stem = if n < b { stem_hash(doc.lower(n)) } else { 0 };
    let from_start = bucket(t - p0);
    let to_end = bucket(p1.saturating_sub(t));
    let quote_before = (p0..t).any(|j| doc.quote_at(j).is_some());
    let that_start = doc.lower(p0) == "that";
    let commas = bucket((p0..t).filter(|&j| doc.word(j) == ",").count());
    let cue_w = cue.map_or(0, |c| doc.word_hash(c));
    let open_sub = open_subordinate(doc, p0, t);
    let flags = u32::from(mixed)
        | u32::from(quote_before) << 1
        | u32::from(that_start) << 2
        | u32::from(open_sub) << 3;
    [
        mix(100, 0, 0),
        mix(101, w, 0),
        mix(102, word(p), 0),
        mix(103, word(n), 0),
        mix(104, word(n2), 0),
        mix(105, w, word(n)),
        mix(106, word(p), w),
        mix(107, sh(p) << 16 | sh(t) << 8 | sh(n), 0),
        mix(108, next_stem, 0),
        mix(109, w, next_stem),
        mix(110, from_start, u32::from(open_sub)),
        mix(111, to_end, 0),
        mix(112, w, from_start),
        mix(113, w, to_end),
        mix(114, flags, 0),
        mix(115, cue_w, 0),
        mix(116, cue_w, w),
        mix(117, flags, w),
        mix(118, commas, w),
        mix(119, sh(n) << 8 | sh(n2), w),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_models_read() {
        assert!(CueModel::from_bytes(Cow::Borrowed(BUILTIN)).is_ok());
        assert!(CueModel::from_bytes(Cow::Borrowed(BUILTIN_END)).is_ok());
    }

    #[test]
    fn encode_round_trips() {
        let mut w = vec![0f32; 256];
        w[3] = 1.5;
        w[7] = -0.75;
        let m = CueModel::from_bytes(Cow::Owned(CueModel::encode(&w, 0.25, 0.0))).unwrap();
        assert_eq!(m.threshold(), 0.25);
        let mut f = [0u32; FEATURES];
        f[0] = 3;
        f[1] = 7 + 256; // hashes wrap to the table size
        assert!((m.score(&f) - 0.75).abs() < 1e-3);
    }

    #[test]
    fn the_gate_scores_the_first_features() {
        let ex = crate::Extractor::new();
        let text = "The senator kept criticizing the plan.";
        let doc = Doc::new(&ex, text);
        let i = 3;
        assert_eq!(doc.word(i), "criticizing");
        let f = features(&doc, 0, i, false);
        let lw = doc.lower(i);
        assert_eq!(
            f[..4],
            [
                mix(0, 0, 0),
                mix(1, doc.word_hash(i), 0),
                mix(2, suffix_hash(lw, 3), 0),
                mix(3, stem_hash(lw), 0),
            ]
        );
    }

    #[test]
    fn inflections_share_a_stem() {
        let h = stem_hash("support");
        for w in ["supporting", "supported", "supports"] {
            assert_eq!(stem_hash(w), h, "{w}");
        }
    }

    #[test]
    fn bad_bytes_are_errors() {
        assert_eq!(
            CueModel::from_bytes(Cow::Borrowed(b"nope")).unwrap_err(),
            ModelError::BadMagic
        );
        let mut b = CueModel::encode(&[0.0; 256], 0.0, 0.0);
        b.pop();
        assert!(matches!(
            CueModel::from_bytes(Cow::Owned(b)),
            Err(ModelError::BadLength { .. })
        ));
    }
}
