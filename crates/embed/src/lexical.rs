//! The no-model fallback: a hashed bag of words and bigrams.

use crate::{normalize, EmbedError, Embedder};

/// Hashed bag of lowercase words and word bigrams (signed feature hashing into `dim` buckets,
/// sublinear counts, function words down-weighted), L2-normalised. Needs no model; its cosine
/// measures shared words, not shared meaning.
#[derive(Debug, Clone)]
pub struct Lexical {
    dim: usize,
}

impl Default for Lexical {
    fn default() -> Self {
        Lexical { dim: 512 }
    }
}

/// Common English function words, weighted down (not dropped: "not" and "no" matter).
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has",
    "have", "he", "her", "his", "i", "in", "is", "it", "its", "of", "on", "or", "our", "she",
    "that", "the", "their", "them", "they", "this", "to", "was", "we", "were", "will", "with",
    "would", "you",
];

fn fnv1a(bytes: &[u8], seed: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    // SplitMix64 finaliser, so nearby inputs spread over all buckets.
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

impl Lexical {
    /// A lexical embedder with `dim` buckets (at least 1).
    pub fn new(dim: usize) -> Self {
        Lexical { dim: dim.max(1) }
    }

    fn encode_one(&self, text: &str) -> Vec<f32> {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| w.to_lowercase())
            .collect();
        let mut counts: std::collections::HashMap<u64, f32> = Default::default();
        for (i, w) in words.iter().enumerate() {
            let weight = if FUNCTION_WORDS.contains(&w.as_str()) {
                0.25
            } else {
                1.0
            };
            *counts.entry(fnv1a(w.as_bytes(), 0)).or_default() += weight;
            if let Some(next) = words.get(i + 1) {
                let bigram = format!("{w} {next}");
                *counts.entry(fnv1a(bigram.as_bytes(), 1)).or_default() += 0.5;
            }
        }
        let mut v = vec![0f32; self.dim];
        for (h, c) in counts {
            let bucket = (h % self.dim as u64) as usize;
            let sign = if h >> 63 == 0 { 1.0 } else { -1.0 };
            v[bucket] += sign * (1.0 + c.ln_1p());
        }
        normalize(&mut v);
        v
    }
}

impl Embedder for Lexical {
    fn dim(&self) -> usize {
        self.dim
    }

    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        Ok(texts.iter().map(|t| self.encode_one(t)).collect())
    }

    fn name(&self) -> &str {
        "lexical"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cosine;

    #[test]
    fn shared_words_make_close_vectors() {
        let l = Lexical::default();
        let v = l
            .embed(&[
                "The harbour bridge will reopen in spring, the mayor said.",
                "The mayor said the harbour bridge reopens in spring.",
                "Wheat prices fell sharply after the storm.",
                "",
                "Мост откроется весной",
            ])
            .unwrap();
        assert!(cosine(&v[0], &v[1]) > 0.5);
        assert!(cosine(&v[0], &v[2]) < 0.3);
        assert!(v[3].iter().all(|&x| x == 0.0));
        assert!((v[4].iter().map(|x| x * x).sum::<f32>() - 1.0).abs() < 1e-5);
        assert_eq!(l.name(), "lexical");
    }
}
