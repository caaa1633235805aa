//! A static embedding model distilled from MiniLM (the Model2Vec recipe) and its encoder.
//!
//! Distillation: every vocabulary token is embedded alone (`[CLS] token [SEP]`) by the teacher,
//! mean-pooled and normalised as for a sentence; the matrix is reduced with PCA; each row is
//! weighted by SIF, `a / (a + p(token))`, with `p` estimated from the token's rank in the
//! vocabulary by Zipf's law (WordPiece vocabularies list words roughly by frequency), as
//! Model2Vec does. Encoding: tokenize (no special tokens), drop unknown and padding tokens,
//! average the rows, normalise.
//!
//! A model directory holds `embeddings.safetensors` (one f16 tensor `embeddings`, vocabulary ×
//! dimensions), `tokenizer.json` (the teacher's) and `config.json` (how it was made).

use std::collections::HashMap;
use std::path::Path;

use candle_core::{DType, Device, Tensor};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use tokenizers::Tokenizer;

use crate::minilm::{load_tokenizer, read};
use crate::pca::Pca;
use crate::{normalize, EmbedError, Embedder, MiniLm};

const EMBEDDINGS: &str = "embeddings.safetensors";
const TOKENIZER: &str = "tokenizer.json";
const CONFIG: &str = "config.json";
/// Longest text encoded, in bytes; the rest is ignored (a static model averages, so the first
/// hundred thousand bytes say what the text is about).
const MAX_BYTES: usize = 100_000;

/// How to distill.
#[derive(Debug, Clone)]
pub struct DistillOptions {
    /// Dimensions kept by PCA (capped at the teacher's).
    pub dims: usize,
    /// The SIF coefficient `a`; `None` leaves the rows unweighted.
    pub sif: Option<f64>,
}

impl Default for DistillOptions {
    fn default() -> Self {
        DistillOptions {
            dims: 256,
            sif: Some(1e-4),
        }
    }
}

/// What distillation did.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DistillReport {
    pub teacher: String,
    pub tokens: usize,
    pub dims: usize,
    /// The fraction of the teacher's variance the kept dimensions explain.
    pub explained_variance: f64,
    pub sif: Option<f64>,
}

/// The `config.json` of a static model directory.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct StaticConfig {
    model_type: String,
    #[serde(flatten)]
    report: DistillReport,
}

const MODEL_TYPE: &str = "dictum-static";

/// A static embedding model: one vector per vocabulary token.
pub struct StaticModel {
    tokenizer: Tokenizer,
    /// `vocab × dim`, row-major.
    rows: Vec<f32>,
    dim: usize,
    skip: Vec<u32>,
    report: DistillReport,
}

impl std::fmt::Debug for StaticModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StaticModel")
            .field("dim", &self.dim)
            .field("report", &self.report)
            .finish()
    }
}

impl StaticModel {
    /// Distills a static model from `teacher` over its whole vocabulary.
    pub fn distill(teacher: &MiniLm, options: &DistillOptions) -> Result<Self, EmbedError> {
        let tokenizer = teacher.tokenizer().clone();
        let vocab = tokenizer.get_vocab_size(false);
        let cls = tokenizer.token_to_id("[CLS]");
        let sep = tokenizer.token_to_id("[SEP]");
        let seqs: Vec<Vec<u32>> = (0..vocab as u32)
            .map(|id| cls.into_iter().chain([id]).chain(sep).collect())
            .collect();
        let vectors = teacher.embed_ids(&seqs)?;
        let pca = Pca::fit(&vectors, options.dims);
        let dim = pca.components.len();
        let total: f64 = (0..vocab).map(|r| 1.0 / (r as f64 + 2.0)).sum();
        let rows: Vec<f32> = vectors
            .par_iter()
            .enumerate()
            .flat_map_iter(|(rank, v)| {
                let weight = match options.sif {
                    Some(a) => {
                        let p = 1.0 / (rank as f64 + 2.0) / total;
                        (a / (a + p)) as f32
                    }
                    None => 1.0,
                };
                pca.project(v).into_iter().map(move |x| x * weight)
            })
            .collect();
        let report = DistillReport {
            teacher: teacher.dir().display().to_string(),
            tokens: vocab,
            dims: dim,
            explained_variance: pca.explained,
            sif: options.sif,
        };
        Self::from_parts(tokenizer, rows, dim, report)
    }

    fn from_parts(
        mut tokenizer: Tokenizer,
        rows: Vec<f32>,
        dim: usize,
        report: DistillReport,
    ) -> Result<Self, EmbedError> {
        tokenizer.with_padding(None);
        tokenizer
            .with_truncation(None)
            .map_err(EmbedError::tokenizer)?;
        let skip = ["[UNK]", "[PAD]", "[CLS]", "[SEP]", "[MASK]"]
            .iter()
            .filter_map(|t| tokenizer.token_to_id(t))
            .collect();
        Ok(StaticModel {
            tokenizer,
            rows,
            dim,
            skip,
            report,
        })
    }

    /// How this model was made.
    pub fn report(&self) -> &DistillReport {
        &self.report
    }

    /// Writes the model into `dir` (created when missing).
    pub fn save(&self, dir: impl AsRef<Path>) -> Result<(), EmbedError> {
        let dir = dir.as_ref();
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| EmbedError::Io { path, source }
        };
        std::fs::create_dir_all(dir).map_err(io(dir))?;
        let vocab = self.rows.len() / self.dim.max(1);
        let tensor = Tensor::from_slice(&self.rows, (vocab, self.dim), &Device::Cpu)?
            .to_dtype(DType::F16)?;
        let path = dir.join(EMBEDDINGS);
        candle_core::safetensors::save(&HashMap::from([("embeddings", tensor)]), &path)?;
        let path = dir.join(TOKENIZER);
        self.tokenizer
            .save(&path, false)
            .map_err(EmbedError::tokenizer)?;
        let config = StaticConfig {
            model_type: MODEL_TYPE.into(),
            report: self.report.clone(),
        };
        let path = dir.join(CONFIG);
        let json = serde_json::to_string_pretty(&config).unwrap_or_default();
        std::fs::write(&path, json + "\n").map_err(io(&path))?;
        Ok(())
    }

    /// Loads a model written by [`StaticModel::save`].
    pub fn load(dir: impl AsRef<Path>) -> Result<Self, EmbedError> {
        let dir = dir.as_ref();
        for name in [EMBEDDINGS, TOKENIZER, CONFIG] {
            let path = dir.join(name);
            if !path.is_file() {
                return Err(EmbedError::MissingFile {
                    path,
                    hint: format!(
                        "make it with `dictum model distill --model MINILM_DIR --out {}`",
                        dir.display()
                    ),
                });
            }
        }
        let config_path = dir.join(CONFIG);
        let bad = |path: &Path, message: String| EmbedError::BadModel {
            path: path.to_path_buf(),
            message,
        };
        let config: StaticConfig = serde_json::from_slice(&read(&config_path)?)
            .map_err(|e| bad(&config_path, format!("not a static model config: {e}")))?;
        if config.model_type != MODEL_TYPE {
            return Err(bad(
                &config_path,
                format!("model_type is {:?}, not {MODEL_TYPE:?}", config.model_type),
            ));
        }
        let path = dir.join(EMBEDDINGS);
        let tensors = candle_core::safetensors::load_buffer(&read(&path)?, &Device::Cpu)
            .map_err(|e| bad(&path, e.to_string()))?;
        let tensor = tensors
            .get("embeddings")
            .ok_or_else(|| bad(&path, "no tensor named `embeddings`".into()))?;
        let (_, dim) = tensor
            .dims2()
            .map_err(|_| bad(&path, "`embeddings` is not a matrix".into()))?;
        let rows = tensor.to_dtype(DType::F32)?.flatten_all()?.to_vec1()?;
        let tokenizer = load_tokenizer(&dir.join(TOKENIZER))?;
        Self::from_parts(tokenizer, rows, dim, config.report)
    }

    fn ids(&self, text: &str) -> Result<tokenizers::Encoding, EmbedError> {
        let mut end = text.len().min(MAX_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        self.tokenizer
            .encode_fast(&text[..end], false)
            .map_err(EmbedError::tokenizer)
    }

    /// The rows of a text's tokens, in order (unknown and special tokens left out). Their
    /// lengths carry the frequency weighting: frequent tokens have short rows.
    pub fn token_vectors(&self, text: &str) -> Result<Vec<&[f32]>, EmbedError> {
        let encoding = self.ids(text)?;
        Ok(encoding
            .get_ids()
            .iter()
            .filter(|id| !self.skip.contains(id))
            .filter_map(|&id| {
                let start = id as usize * self.dim;
                self.rows.get(start..start + self.dim)
            })
            .collect())
    }

    fn encode_one(&self, text: &str) -> Result<Vec<f32>, EmbedError> {
        let encoding = self.ids(text)?;
        let mut sum = vec![0f32; self.dim];
        for &id in encoding.get_ids() {
            if self.skip.contains(&id) {
                continue;
            }
            let start = id as usize * self.dim;
            if let Some(row) = self.rows.get(start..start + self.dim) {
                for (s, x) in sum.iter_mut().zip(row) {
                    *s += x;
                }
            }
        }
        normalize(&mut sum);
        Ok(sum)
    }
}

impl Embedder for StaticModel {
    fn dim(&self) -> usize {
        self.dim
    }

    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        texts
            .par_iter()
            .with_min_len(64)
            .map(|t| self.encode_one(t))
            .collect()
    }

    fn name(&self) -> &str {
        "static"
    }
}
