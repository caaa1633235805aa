//! all-MiniLM-L6-v2 with candle, pooled as sentence-transformers pools it.

use std::path::{Path, PathBuf};

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use rayon::prelude::*;
use tokenizers::Tokenizer;

use crate::{normalize, EmbedError, Embedder};

/// Longest input in tokens, special tokens included (sentence-transformers' `max_seq_length`
/// for this model; the tokenizer.json of some packagings says 128, which is overridden).
pub const MAX_TOKENS: usize = 256;

/// Largest padded batch, in tokens (batch size × longest sequence).
const BATCH_TOKENS: usize = 4096;
/// Most sequences in one batch.
const BATCH_SEQS: usize = 256;

/// The three files a MiniLM directory holds.
pub(crate) const FILES: [&str; 3] = ["model.safetensors", "config.json", "tokenizer.json"];

/// all-MiniLM-L6-v2: a 6-layer BERT with 384-dimensional output.
pub struct MiniLm {
    model: BertModel,
    tokenizer: Tokenizer,
    device: Device,
    dim: usize,
    dir: PathBuf,
}

impl std::fmt::Debug for MiniLm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MiniLm")
            .field("dir", &self.dir)
            .field("dim", &self.dim)
            .finish()
    }
}

pub(crate) fn missing_hint(dir: &Path) -> String {
    format!(
        "get the model with `scripts/fetch-minilm.sh {d}` or `dictum model fetch --dir {d}`",
        d = dir.display()
    )
}

pub(crate) fn read(path: &Path) -> Result<Vec<u8>, EmbedError> {
    std::fs::read(path).map_err(|source| EmbedError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Loads a tokenizer.json with no padding and no truncation (callers set their own).
pub(crate) fn load_tokenizer(path: &Path) -> Result<Tokenizer, EmbedError> {
    let bytes = read(path)?;
    let mut tokenizer = Tokenizer::from_bytes(&bytes).map_err(|e| EmbedError::BadModel {
        path: path.to_path_buf(),
        message: format!("not a tokenizer: {e}"),
    })?;
    tokenizer.with_padding(None);
    tokenizer
        .with_truncation(None)
        .map_err(EmbedError::tokenizer)?;
    Ok(tokenizer)
}

impl MiniLm {
    /// Loads `model.safetensors`, `config.json` and `tokenizer.json` from `dir`.
    pub fn load(dir: impl AsRef<Path>) -> Result<Self, EmbedError> {
        let dir = dir.as_ref();
        for name in FILES {
            let path = dir.join(name);
            if !path.is_file() {
                return Err(EmbedError::MissingFile {
                    path,
                    hint: missing_hint(dir),
                });
            }
        }
        let config_path = dir.join("config.json");
        let config: Config =
            serde_json::from_slice(&read(&config_path)?).map_err(|e| EmbedError::BadModel {
                path: config_path.clone(),
                message: format!("not a BERT config: {e}"),
            })?;
        let device = Device::Cpu;
        let weights_path = dir.join("model.safetensors");
        let tensors = candle_core::safetensors::load_buffer(&read(&weights_path)?, &device)
            .map_err(|e| EmbedError::BadModel {
                path: weights_path.clone(),
                message: e.to_string(),
            })?;
        let vb = VarBuilder::from_tensors(tensors, DType::F32, &device);
        let model = BertModel::load(vb, &config).map_err(|e| EmbedError::BadModel {
            path: weights_path,
            message: format!("not a BERT model: {e}"),
        })?;
        let mut tokenizer = load_tokenizer(&dir.join("tokenizer.json"))?;
        tokenizer
            .with_truncation(Some(tokenizers::TruncationParams {
                max_length: MAX_TOKENS,
                ..Default::default()
            }))
            .map_err(EmbedError::tokenizer)?;
        Ok(MiniLm {
            model,
            tokenizer,
            device,
            dim: config.hidden_size,
            dir: dir.to_path_buf(),
        })
    }

    /// The tokenizer (truncating at [`MAX_TOKENS`], no padding).
    pub fn tokenizer(&self) -> &Tokenizer {
        &self.tokenizer
    }

    /// The directory the model was loaded from.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Embeds already tokenized sequences (special tokens included, at most [`MAX_TOKENS`]
    /// each; longer ones are cut): mean-pooled, L2-normalised. Batches sequences of similar
    /// length together; batches run in parallel on rayon's pool.
    pub fn embed_ids(&self, seqs: &[Vec<u32>]) -> Result<Vec<Vec<f32>>, EmbedError> {
        let mut order: Vec<usize> = (0..seqs.len()).collect();
        order.sort_by_key(|&i| seqs[i].len().min(MAX_TOKENS));
        let mut batches: Vec<&[usize]> = Vec::new();
        let mut start = 0;
        while start < order.len() {
            let mut end = start + 1;
            while end < order.len() && end - start < BATCH_SEQS {
                let longest = seqs[order[end]].len().clamp(1, MAX_TOKENS);
                if (end + 1 - start) * longest > BATCH_TOKENS {
                    break;
                }
                end += 1;
            }
            batches.push(&order[start..end]);
            start = end;
        }
        let results: Vec<Result<Vec<Vec<f32>>, EmbedError>> = batches
            .par_iter()
            .map(|batch| {
                let rows: Vec<&[u32]> = batch
                    .iter()
                    .map(|&i| &seqs[i][..seqs[i].len().min(MAX_TOKENS)])
                    .collect();
                self.forward(&rows)
            })
            .collect();
        let mut out = vec![Vec::new(); seqs.len()];
        for (batch, result) in batches.iter().zip(results) {
            for (&i, v) in batch.iter().zip(result?) {
                out[i] = v;
            }
        }
        Ok(out)
    }

    /// One padded batch through the model, mean-pooled over the attention mask.
    fn forward(&self, rows: &[&[u32]]) -> Result<Vec<Vec<f32>>, EmbedError> {
        let len = rows.iter().map(|r| r.len()).max().unwrap_or(0);
        if len == 0 {
            return Ok(vec![vec![0.0; self.dim]; rows.len()]);
        }
        let mut ids = Vec::with_capacity(rows.len() * len);
        let mut mask = Vec::with_capacity(rows.len() * len);
        for row in rows {
            ids.extend_from_slice(row);
            ids.resize(ids.len() + len - row.len(), 0);
            mask.extend(std::iter::repeat_n(1u32, row.len()));
            mask.extend(std::iter::repeat_n(0u32, len - row.len()));
        }
        let shape = (rows.len(), len);
        let ids = Tensor::from_vec(ids, shape, &self.device)?;
        let mask = Tensor::from_vec(mask, shape, &self.device)?;
        let types = ids.zeros_like()?;
        let hidden = self.model.forward(&ids, &types, Some(&mask))?;
        let maskf = mask.to_dtype(DType::F32)?.unsqueeze(2)?;
        let summed = hidden.broadcast_mul(&maskf)?.sum(1)?;
        let counts = maskf.sum(1)?.clamp(1e-9, f64::MAX)?;
        let pooled = summed.broadcast_div(&counts)?;
        let mut vectors = pooled.to_vec2::<f32>()?;
        for v in &mut vectors {
            normalize(v);
        }
        Ok(vectors)
    }
}

impl Embedder for MiniLm {
    fn dim(&self) -> usize {
        self.dim
    }

    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        let seqs: Vec<Vec<u32>> = texts
            .par_iter()
            .map(|t| {
                self.tokenizer
                    .encode_fast(*t, true)
                    .map(|e| e.get_ids().to_vec())
                    .map_err(EmbedError::tokenizer)
            })
            .collect::<Result<_, _>>()?;
        self.embed_ids(&seqs)
    }

    fn name(&self) -> &str {
        "minilm"
    }
}
