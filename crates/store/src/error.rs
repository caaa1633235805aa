//! Typed errors of the statement database.

use std::path::PathBuf;

/// What went wrong in the database. Every variant names the file it concerns.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database directory or a file in it cannot be created or opened.
    #[error("cannot open {path}: {source}")]
    Open {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file exists but is not a dictum database, or is damaged.
    #[error("{path} is not a dictum database or is damaged ({detail}); nothing was written to it")]
    Corrupt { path: PathBuf, detail: String },
    /// The database was written by a newer dictum.
    #[error("{path} has schema version {found}, newer than this dictum understands ({supported}); upgrade dictum")]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// The disk (or the database's size limit) is full. The current batch was rolled back:
    /// what was stored before it is intact.
    #[error("{path}: disk full; the articles of the current batch were not stored, everything stored before is intact")]
    DiskFull { path: PathBuf },
    /// Another process holds the database for writing.
    #[error("{path} is being written by another dictum process; wait for it to finish")]
    Locked { path: PathBuf },
    /// An SQLite error with what we were doing.
    #[error("{path}: {context}: {source}")]
    Sqlite {
        path: PathBuf,
        context: &'static str,
        #[source]
        source: rusqlite::Error,
    },
    /// A full-text index error with what we were doing.
    #[error("{path}: {context}: {source}")]
    Index {
        path: PathBuf,
        context: &'static str,
        #[source]
        source: tantivy::TantivyError,
    },
    /// A query the user wrote cannot be parsed.
    #[error("cannot understand the query {query:?}: {detail}")]
    Query { query: String, detail: String },
    /// A date filter is not YYYY, YYYY-MM or YYYY-MM-DD.
    #[error("{0:?} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")]
    Date(String),
    /// A person, statement or other thing asked for by name or id does not exist.
    #[error("{0}")]
    NotFound(String),
    /// An operation that cannot be done as asked (merging a person into itself, ...).
    #[error("{0}")]
    Invalid(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl StoreError {
    /// Classifies an SQLite error: a full disk and a damaged file get their own variants.
    pub(crate) fn sqlite(
        path: &std::path::Path,
        context: &'static str,
        e: rusqlite::Error,
    ) -> Self {
        use rusqlite::ErrorCode as C;
        if let rusqlite::Error::SqliteFailure(f, msg) = &e {
            match f.code {
                C::DiskFull => {
                    return StoreError::DiskFull {
                        path: path.to_path_buf(),
                    }
                }
                C::NotADatabase | C::DatabaseCorrupt => {
                    return StoreError::Corrupt {
                        path: path.to_path_buf(),
                        detail: msg.clone().unwrap_or_else(|| f.to_string()),
                    }
                }
                C::DatabaseBusy | C::DatabaseLocked => {
                    return StoreError::Locked {
                        path: path.to_path_buf(),
                    }
                }
                _ => {}
            }
        }
        StoreError::Sqlite {
            path: path.to_path_buf(),
            context,
            source: e,
        }
    }

    pub(crate) fn index(
        path: &std::path::Path,
        context: &'static str,
        e: tantivy::TantivyError,
    ) -> Self {
        let full = match &e {
            tantivy::TantivyError::IoError(io) => io.kind() == std::io::ErrorKind::StorageFull,
            tantivy::TantivyError::LockFailure(..) => {
                return StoreError::Locked {
                    path: path.to_path_buf(),
                }
            }
            _ => e.to_string().contains("No space left"),
        };
        if full {
            return StoreError::DiskFull {
                path: path.to_path_buf(),
            };
        }
        StoreError::Index {
            path: path.to_path_buf(),
            context,
            source: e,
        }
    }

    /// Whether the whole run must stop (as opposed to skipping one article).
    pub fn is_fatal(&self) -> bool {
        matches!(
            self,
            StoreError::Open { .. }
                | StoreError::Corrupt { .. }
                | StoreError::TooNew { .. }
                | StoreError::DiskFull { .. }
                | StoreError::Locked { .. }
                | StoreError::Index { .. }
        )
    }
}
