use std::path::PathBuf;

/// What can go wrong loading or running a model.
#[derive(Debug, thiserror::Error)]
pub enum EmbedError {
    /// A model file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A file the model needs is not in its directory.
    #[error("{path} is missing ({hint})")]
    MissingFile { path: PathBuf, hint: String },
    /// A model file is there but not what it should be.
    #[error("{path}: {message}")]
    BadModel { path: PathBuf, message: String },
    /// The tokenizer failed (loading it or encoding a text).
    #[error("tokenizer: {0}")]
    Tokenizer(String),
    /// The tensor library failed.
    #[error("model: {0}")]
    Candle(#[from] candle_core::Error),
}

impl EmbedError {
    pub(crate) fn tokenizer(e: impl std::fmt::Display) -> Self {
        EmbedError::Tokenizer(e.to_string())
    }
}
