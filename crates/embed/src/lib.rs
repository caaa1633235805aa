//! Sentence embeddings for dictum.
//!
//! Three [`Embedder`]s, from best to cheapest:
//!
//! - [`MiniLm`]: all-MiniLM-L6-v2 (BERT, 6 layers, 384 dimensions) run with candle, pooled and
//!   normalised exactly as sentence-transformers does (mean over the attention mask, L2 norm,
//!   longest-in-batch padding, truncation at 256 tokens). About a hundred sentences a second on
//!   two cores.
//! - [`StaticModel`]: a static model distilled from MiniLM by dictum itself (the Model2Vec
//!   recipe: every vocabulary token embedded by the teacher, PCA, Zipf weighting). A sentence is
//!   the normalised mean of its tokens' rows: tens of thousands of sentences a second.
//! - [`Lexical`]: hashed bag of words and bigrams, no model at all, so that everything works on
//!   a fresh machine. Its vectors carry words, not meaning; [`Embedder::name`] says so.
//!
//! Loading a model from a directory is this crate's only I/O. Every embedder is `Sync`: one
//! instance serves every thread. No input panics: empty strings, very long strings and any
//! script give a vector (the zero vector when nothing in the text is known to the model).

mod error;
mod lexical;
mod minilm;
mod pca;
mod static_model;

pub use error::EmbedError;
pub use lexical::Lexical;
pub use minilm::{MiniLm, MAX_TOKENS};
pub use static_model::{DistillOptions, DistillReport, StaticModel};

/// Turns texts into fixed-size vectors whose cosine reflects closeness of meaning.
pub trait Embedder: Send + Sync {
    /// The length of every vector this embedder returns.
    fn dim(&self) -> usize;
    /// One L2-normalised vector per text, in order (the zero vector for a text with nothing
    /// the model knows).
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError>;
    /// A short name saying which model this is ("minilm", "static", "lexical").
    fn name(&self) -> &str;
}

/// Cosine of two vectors (0 when either is zero; the shorter length when they differ).
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len());
    let (mut dot, mut na, mut nb) = (0f32, 0f32, 0f32);
    for i in 0..n {
        dot += a[i] * b[i];
        na += a[i] * a[i];
        nb += b[i] * b[i];
    }
    if na <= 0.0 || nb <= 0.0 {
        0.0
    } else {
        dot / (na.sqrt() * nb.sqrt())
    }
}

/// Scales `v` to unit length in place (a zero vector stays zero).
pub fn normalize(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 && norm.is_finite() {
        for x in v.iter_mut() {
            *x /= norm;
        }
    }
}

/// The environment variable naming the MiniLM directory when `--model-dir` is not given.
pub const MODEL_ENV: &str = "DICTUM_MODEL";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosine_of_zero_and_mismatched_vectors() {
        assert_eq!(cosine(&[0.0, 0.0], &[1.0, 0.0]), 0.0);
        assert!((cosine(&[1.0, 1.0], &[2.0, 2.0]) - 1.0).abs() < 1e-6);
        assert_eq!(cosine(&[], &[]), 0.0);
        let mut v = vec![3.0, 4.0];
        normalize(&mut v);
        assert!((v[0] - 0.6).abs() < 1e-6);
        let mut z = vec![0.0; 3];
        normalize(&mut z);
        assert_eq!(z, vec![0.0; 3]);
    }
}
