//! One statement across outlets: winnowed fingerprints of a quote's words.
//!
//! The same quote reported by several outlets differs in punctuation, quote
//! marks, truncation and a word or two of translation. Its text is reduced to
//! folded [`words`], hashed as overlapping `K`-word shingles, and winnowed
//! (Schleimer, Wilkerson & Aiken 2003): of every `W` consecutive shingle
//! hashes, the smallest is kept. Two texts that share a run of `K + W - 1 = 4`
//! words are guaranteed to share a fingerprint, and a text cut out of another
//! (with more than `W` shingles) keeps all its fingerprints in the other's set.
//!
//! The decision [`same_statement`] works on counts only, so a database can
//! count shared fingerprints with a join and decide without the texts.

use crate::fold::folded_words;
use crate::hash::Fnv;

/// Words per shingle. Three words are specific enough that unrelated quotes on
/// one topic rarely share a shingle, and short enough that a changed word
/// breaks only three shingles of a 5–80-word quote.
pub const K: usize = 3;

/// Winnowing window, in shingles. A fingerprint density of about `2 / (W + 1)`
/// = 2/3 keeps a 30-word quote at ~19 fingerprints; any shared run of
/// `K + W - 1` = 4 words yields a shared fingerprint. Measured on the
/// quotations of PolNeAR train (`examples/copies.rs --quote-grid`), window 2
/// finds more changed quotes than 3 or 4 at the same precision; window 1 (no
/// winnowing) finds more still, but only with 4× or more the false links.
pub const W: usize = 2;

/// Minimum containment (shared fingerprints over the smaller set's size) for
/// two texts to be the same statement.
pub const MIN_CONTAINMENT: f64 = 0.5;

/// Minimum number of shared fingerprints, unless the two sets are identical:
/// one shared three-word phrase ("the United States") must not link a quote
/// to every quote that contains it.
pub const MIN_SHARED: usize = 3;

/// Normalised word tokens of a quote or statement text: lowercase, diacritics
/// folded, punctuation and quotation marks dropped, an apostrophe inside a
/// word dropped ("don't" → "dont", "Russia’s" → "russias").
pub fn words(text: &str) -> Vec<String> {
    folded_words(text)
}

fn hash_words(ws: &[String]) -> u64 {
    let mut h = Fnv::new();
    for (i, w) in ws.iter().enumerate() {
        if i > 0 {
            h.write_u8(0x1f);
        }
        h.write(w.as_bytes());
    }
    h.finish()
}

/// The fingerprint and decision parameters. The free functions of this module
/// use [`Params::DEFAULT`]; other values exist for measuring alternatives.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Words per shingle.
    pub k: usize,
    /// Winnowing window in shingles (1: every shingle is kept).
    pub w: usize,
    /// Minimum shared fingerprints unless the sets are identical.
    pub min_shared: usize,
    /// Minimum containment of the smaller set.
    pub min_containment: f64,
}

impl Params {
    /// [`K`], [`W`], [`MIN_SHARED`], [`MIN_CONTAINMENT`].
    pub const DEFAULT: Params = Params {
        k: K,
        w: W,
        min_shared: MIN_SHARED,
        min_containment: MIN_CONTAINMENT,
    };

    /// Hashes of all `k`-word shingles, in text order (one hash of the whole
    /// text when it has fewer than `k` words; none when it has no words).
    pub fn shingle_hashes(&self, text: &str) -> Vec<u64> {
        let ws = words(text);
        let k = self.k.max(1);
        if ws.is_empty() {
            return Vec::new();
        }
        if ws.len() < k {
            return vec![hash_words(&ws)];
        }
        ws.windows(k).map(hash_words).collect()
    }

    /// Winnowed fingerprints with these parameters (see [`fingerprints`]).
    pub fn fingerprints(&self, text: &str) -> Vec<u64> {
        let hs = self.shingle_hashes(text);
        let w = self.w.max(1);
        let mut out: Vec<u64> = if hs.len() <= w {
            hs
        } else {
            let mut picked = Vec::with_capacity(hs.len() / 2 + 1);
            let mut last: Option<usize> = None;
            for start in 0..=hs.len() - w {
                let window = &hs[start..start + w];
                // the rightmost minimum of the window
                let mut best = 0;
                for (i, &h) in window.iter().enumerate() {
                    if h <= window[best] {
                        best = i;
                    }
                }
                let at = start + best;
                if last != Some(at) {
                    picked.push(hs[at]);
                    last = Some(at);
                }
            }
            picked
        };
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The decision with these parameters (see [`same_statement`]).
    pub fn same_statement(&self, shared: usize, len_a: usize, len_b: usize) -> bool {
        let small = len_a.min(len_b);
        if small == 0 || shared == 0 {
            return false;
        }
        let shared = shared.min(small);
        if shared == len_a && shared == len_b {
            return true;
        }
        shared >= self.min_shared && shared as f64 >= self.min_containment * small as f64
    }
}

/// Hashes of all `K`-word shingles, in text order (one hash of the whole text
/// when it has fewer than `K` words; none when it has no words).
pub fn shingle_hashes(text: &str) -> Vec<u64> {
    Params::DEFAULT.shingle_hashes(text)
}

/// Winnowed fingerprint hashes of `text`: `K`-word shingles, window `W`, the
/// rightmost minimum of each window. Texts with at most `W` shingles keep all
/// of them; texts shorter than `K` words yield one hash of the whole
/// normalised text; an empty text yields none. Sorted, deduplicated, the same
/// on every run and platform.
pub fn fingerprints(text: &str) -> Vec<u64> {
    Params::DEFAULT.fingerprints(text)
}

/// A fingerprint as SQLite's signed 64-bit integer (the bits unchanged).
pub fn to_i64(h: u64) -> i64 {
    h as i64
}

/// [`fingerprints`] as SQLite integers, in the same order (sorted as u64).
pub fn fingerprints_i64(text: &str) -> Vec<i64> {
    fingerprints(text).into_iter().map(to_i64).collect()
}

/// Number of fingerprints two sorted, deduplicated sets share.
pub fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Do two texts carry the same statement, given how many fingerprints they
/// share and the sizes of their two fingerprint sets?
///
/// Yes when the sets are identical and non-empty, or when at least
/// [`MIN_SHARED`] fingerprints are shared and they make at least
/// [`MIN_CONTAINMENT`] of the smaller set. Counts that cannot be (shared more
/// than a set's size) are read as at most the smaller size.
pub fn same_statement(shared: usize, len_a: usize, len_b: usize) -> bool {
    Params::DEFAULT.same_statement(shared, len_a, len_b)
}

/// [`same_statement`] on two texts.
pub fn same_text_statement(a: &str, b: &str) -> bool {
    let (fa, fb) = (fingerprints(a), fingerprints(b));
    same_statement(shared(&fa, &fb), fa.len(), fb.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUOTE: &str = "“We remain open to dialogue with our partners, but we will not accept \
        conditions that were written without us, and the coming weeks will show whether \
        anyone in the region is serious about peace,” she said.";

    #[test]
    fn words_are_normalised() {
        assert_eq!(
            words("“Don’t,” he SAID — «Déjà vu»!"),
            vec!["dont", "he", "said", "deja", "vu"]
        );
        assert_eq!(words("\"Don't\""), words("“Don’t”"));
        assert!(words("").is_empty());
        assert!(words(" … — “ ” ").is_empty());
    }

    #[test]
    fn fingerprints_are_sorted_deduplicated_deterministic() {
        let f = fingerprints(QUOTE);
        assert!(f.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(f, fingerprints(QUOTE));
        let n = words(QUOTE).len();
        assert!(f.len() >= n / 3 && f.len() < n, "{} of {n}", f.len());
        assert_eq!(fingerprints_i64(QUOTE).len(), f.len());
        assert_eq!(to_i64(u64::MAX), -1);
    }

    #[test]
    fn short_texts() {
        assert!(fingerprints("").is_empty());
        assert!(fingerprints("!!!").is_empty());
        assert_eq!(fingerprints("No.").len(), 1);
        assert_eq!(fingerprints("Fake news").len(), 1);
        assert_eq!(fingerprints("fake NEWS!"), fingerprints("“Fake news”"));
        assert_ne!(fingerprints("fake news"), fingerprints("news fake"));
        assert!(same_text_statement("Fake news", "fake news."));
        assert!(!same_text_statement(
            "Fake news",
            "This is fake news from the failing media"
        ));
    }

    #[test]
    fn punctuation_and_quote_marks_do_not_matter() {
        let straight = QUOTE.replace(['“', '”'], "\"").replace(',', "");
        assert!(same_text_statement(QUOTE, &straight));
        assert_eq!(fingerprints(QUOTE), fingerprints(&straight));
    }

    #[test]
    fn same_statement_rule() {
        assert!(!same_statement(0, 0, 0));
        assert!(!same_statement(0, 10, 10));
        assert!(same_statement(1, 1, 1));
        assert!(!same_statement(2, 2, 20));
        assert!(same_statement(3, 5, 20));
        assert!(!same_statement(3, 7, 20));
        assert!(same_statement(8, 14, 15));
        assert!(same_statement(100, 5, 5));
    }
}
