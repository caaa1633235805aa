//! Syndicated or copied articles: MinHash signatures, LSH bands, the copy rule.
//!
//! An article body is cut into paragraphs (lines) and each paragraph into
//! overlapping [`SHINGLE`]-word shingles of folded words; a shingle never
//! crosses a paragraph break, so reordering paragraphs changes nothing, and a
//! paragraph shorter than a shingle is one shingle. The set of shingle hashes
//! is summarised by [`NUM_HASHES`] minimum hashes (MinHash): the share of equal
//! positions in two signatures estimates the Jaccard similarity of the two
//! shingle sets. The signature is cut into [`BANDS`] bands of [`ROWS`] rows;
//! two articles that agree on a whole band become candidates (locality-
//! sensitive hashing), and [`is_copy`] decides on each candidate pair.
//!
//! A copy that keeps half an article and adds site furniture has a Jaccard
//! similarity of only 0.15–0.5 with the original, but contains nearly all of
//! its own text in it: the decision is on the estimated *containment* of the
//! smaller article in the larger, with a Jaccard floor so that a short text
//! cannot be "contained" in a long one by a chance agreement.

use crate::fold::for_each_folded_word;
use crate::hash::{fnv1a, mix, Fnv};

/// Words per shingle.
pub const SHINGLE: usize = 5;

/// Number of MinHash values in a signature: 128 × u32 is a 524-byte BLOB, and
/// the Jaccard estimate has a standard error under 0.045.
pub const NUM_HASHES: usize = 128;

/// Number of LSH bands: 64 bands of 2 rows make a pair a candidate with
/// probability 1 − (1 − J²)^64: 0.77 at J = 0.15, 0.93 at 0.2, 0.998 at 0.3,
/// which a half copy with furniture needs (42 bands of 3 rows: 0.13, 0.29,
/// 0.68; measured recall 0.981 instead of 0.995 on PolNeAR train).
pub const BANDS: usize = 64;

/// Rows (MinHash values) per band.
pub const ROWS: usize = NUM_HASHES / BANDS;

/// Fewest distinct shingles an article needs to be a copy or have one (46
/// shingles is one 50-word paragraph): short texts share too much by chance.
pub const MIN_SHINGLES: u32 = 46;

/// Minimum estimated Jaccard similarity of a copy and its original (19 of
/// 128 values agree): a short text next to a long one cannot reach the
/// containment threshold by one or two chance agreements.
pub const MIN_JACCARD: f64 = 0.15;

/// Minimum estimated containment of the smaller article in the larger. 0.5
/// and 0.55 found slightly more copies on PolNeAR train but 0.55 already linked
/// two different articles quoting one long passage; 0.6 keeps a margin
/// (precision ≥ 0.9999, recall ≥ 0.993 over eight seeds; see BENCHMARKS.md).
pub const MIN_CONTAINMENT: f64 = 0.6;

/// A MinHash signature of an article body.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Signature {
    /// The minimum hash of the shingle set under each of [`NUM_HASHES`] hash
    /// functions (`u32::MAX` each for a body without words).
    pub mins: Vec<u32>,
    /// Number of distinct shingles.
    pub shingles: u32,
}

/// Distinct shingle hashes of a body, sorted. Each word is hashed once; a shingle's hash
/// combines its words' hashes.
pub fn shingle_set(body: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut ws: Vec<u64> = Vec::new();
    let combine = |ws: &[u64]| {
        let mut h: u64 = 0x9e37_79b9_7f4a_7c15;
        for &w in ws {
            h = mix(h.rotate_left(17) ^ w);
        }
        h
    };
    for para in body.lines() {
        ws.clear();
        for_each_folded_word(para, |w| ws.push(fnv1a(w.as_bytes())));
        if ws.is_empty() {
            continue;
        }
        if ws.len() < SHINGLE {
            out.push(combine(&ws));
        } else {
            out.extend(ws.windows(SHINGLE).map(combine));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The MinHash signature of an article body (over paragraph-bounded word
/// [`SHINGLE`]-shingles), by one-permutation hashing: each shingle is hashed once, its top
/// bits choose one of [`NUM_HASHES`] bins and each bin keeps its minimum. Empty bins (a short
/// article has fewer shingles than bins) borrow the value of a non-empty bin picked by a
/// fixed hash sequence ("optimal densification", Shrivastava 2017), so two signatures agree
/// in a position with probability equal to the Jaccard similarity, as with 128 separate hash
/// functions, at 1/128 of the cost.
pub fn signature(body: &str) -> Signature {
    let set = shingle_set(body);
    let mut mins = [u32::MAX; NUM_HASHES];
    let mut filled = [false; NUM_HASHES];
    for &h in &set {
        let x = mix(h);
        let bin = (x >> 57) as usize % NUM_HASHES;
        mins[bin] = mins[bin].min(x as u32);
        filled[bin] = true;
    }
    if filled.iter().any(|&f| f) {
        for i in 0..NUM_HASHES {
            if filled[i] {
                continue;
            }
            let mut attempt: u64 = 0;
            loop {
                let j = (mix(((i as u64) << 32) | attempt) % NUM_HASHES as u64) as usize;
                if filled[j] {
                    mins[i] = mins[j];
                    break;
                }
                attempt += 1;
            }
        }
    }
    Signature {
        mins: mins.to_vec(),
        shingles: u32::try_from(set.len()).unwrap_or(u32::MAX),
    }
}

/// One hash per LSH band (the band index is hashed in, so equal rows in
/// different bands do not collide). Empty for a signature under
/// [`MIN_SHINGLES`]: such an article is never a copy, so it needs no index.
pub fn bands(sig: &Signature) -> Vec<u64> {
    if sig.shingles < MIN_SHINGLES {
        return Vec::new();
    }
    sig.mins
        .chunks(ROWS)
        .enumerate()
        .map(|(b, rows)| {
            let mut h = Fnv::new();
            h.write_u64(b as u64);
            for r in rows {
                h.write(&r.to_le_bytes());
            }
            h.finish()
        })
        .collect()
}

/// [`bands`] as SQLite integers.
pub fn bands_i64(sig: &Signature) -> Vec<i64> {
    bands(sig).into_iter().map(|h| h as i64).collect()
}

/// Estimated Jaccard similarity of the two shingle sets: the share of equal
/// positions (0 when either article has no shingles).
pub fn jaccard(a: &Signature, b: &Signature) -> f64 {
    let n = a.mins.len().min(b.mins.len());
    if n == 0 || a.shingles == 0 || b.shingles == 0 {
        return 0.0;
    }
    let eq = a.mins.iter().zip(&b.mins).filter(|(x, y)| x == y).count();
    eq as f64 / n as f64
}

/// Estimated containment of the smaller article in the larger: from
/// `|A ∩ B| = J (|A| + |B|) / (1 + J)` over the smaller shingle count, at most 1.
pub fn containment(a: &Signature, b: &Signature) -> f64 {
    let j = jaccard(a, b);
    let small = a.shingles.min(b.shingles);
    if small == 0 {
        return 0.0;
    }
    let inter = j * (f64::from(a.shingles) + f64::from(b.shingles)) / (1.0 + j);
    (inter / f64::from(small)).min(1.0)
}

/// Is one article a copy of the other (or both of a third)? Both need at
/// least [`MIN_SHINGLES`] shingles, the estimated Jaccard similarity at least
/// [`MIN_JACCARD`] and the estimated containment of the smaller in the larger
/// at least [`MIN_CONTAINMENT`].
pub fn is_copy(a: &Signature, b: &Signature) -> bool {
    if a.shingles < MIN_SHINGLES || b.shingles < MIN_SHINGLES {
        return false;
    }
    jaccard(a, b) >= MIN_JACCARD && containment(a, b) >= MIN_CONTAINMENT
}

/// Format tag of [`to_bytes`].
const MAGIC: &[u8; 4] = b"DLM1";

/// The signature as bytes for a BLOB: `DLM1`, the shingle count (u32 LE), the
/// number of values (u32 LE), the values (u32 LE each).
pub fn to_bytes(sig: &Signature) -> Vec<u8> {
    let mut out = Vec::with_capacity(12 + 4 * sig.mins.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&sig.shingles.to_le_bytes());
    out.extend_from_slice(
        &u32::try_from(sig.mins.len())
            .unwrap_or(u32::MAX)
            .to_le_bytes(),
    );
    for m in &sig.mins {
        out.extend_from_slice(&m.to_le_bytes());
    }
    out
}

/// A signature back from [`to_bytes`]; `None` for anything else.
pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let u32_at = |b: &[u8], i: usize| -> Option<u32> {
        let s = b.get(i..i.checked_add(4)?)?;
        Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    };
    let shingles = u32_at(rest, 0)?;
    let n = usize::try_from(u32_at(rest, 4)?).ok()?;
    let values = rest.get(8..)?;
    if values.len() != n.checked_mul(4)? {
        return None;
    }
    let mins = values
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    Some(Signature { mins, shingles })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::SplitMix;

    fn article(topic: &str, paras: usize) -> String {
        let mut g = SplitMix::new(crate::hash::fnv1a(topic.as_bytes()));
        crate::synth::fictional_article(&mut g, topic, paras)
    }

    #[test]
    fn identical_and_reordered_bodies() {
        let a = article("harbour", 8);
        let sa = signature(&a);
        assert!(sa.shingles > 100);
        assert_eq!(jaccard(&sa, &sa), 1.0);
        assert!(is_copy(&sa, &sa));
        let mut paras: Vec<&str> = a.lines().collect();
        paras.reverse();
        let sb = signature(&paras.join("\n"));
        assert_eq!(sa, sb);
    }

    #[test]
    fn unrelated_articles_are_not_copies() {
        let a = signature(&article("harbour", 8));
        let b = signature(&article("election", 8));
        assert!(jaccard(&a, &b) < 0.1);
        assert!(!is_copy(&a, &b));
    }

    #[test]
    fn short_texts_are_never_copies() {
        let s = "The council met on Tuesday and agreed to repair the old bridge before winter.";
        let a = signature(s);
        assert!(!is_copy(&a, &a));
        assert!(bands(&a).is_empty());
        let empty = signature("");
        assert_eq!(empty.shingles, 0);
        assert_eq!(jaccard(&empty, &empty), 0.0);
        assert_eq!(containment(&empty, &a), 0.0);
        assert!(!is_copy(&empty, &empty));
    }

    #[test]
    fn bands_include_their_index() {
        let a = signature(&article("harbour", 8));
        let bs = bands(&a);
        assert_eq!(bs.len(), BANDS);
        let same_rows = Signature {
            mins: vec![7; NUM_HASHES],
            shingles: 100,
        };
        let b = bands(&same_rows);
        let mut d = b.clone();
        d.sort_unstable();
        d.dedup();
        assert_eq!(d.len(), BANDS);
        assert_eq!(bands_i64(&a).len(), BANDS);
    }

    #[test]
    fn bytes_round_trip() {
        let a = signature(&article("harbour", 5));
        let bytes = to_bytes(&a);
        assert_eq!(bytes.len(), 12 + 4 * NUM_HASHES);
        assert_eq!(from_bytes(&bytes), Some(a));
        assert_eq!(from_bytes(&bytes[..bytes.len() - 1]), None);
        assert_eq!(from_bytes(b""), None);
        assert_eq!(from_bytes(b"DLM1"), None);
        assert_eq!(from_bytes(b"DLM1\0\0\0\0\xff\xff\xff\xff"), None);
        assert_eq!(from_bytes(b"XXXX\0\0\0\0\0\0\0\0"), None);
        let empty = Signature {
            mins: vec![],
            shingles: 0,
        };
        assert_eq!(from_bytes(&to_bytes(&empty)), Some(empty));
    }
}
