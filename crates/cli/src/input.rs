//! Finding and reading input articles: files, directories, standard input.
//!
//! A thin layer over `dictum-ingest`, which owns path expansion, reading, decoding and the
//! error messages (file and place); `dictum extract` still reads plain-text articles only.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, Result};
use dictum_ingest::{Format, Item, Options};

/// Articles larger than this are refused: no news article is that long, and a file this size
/// is almost always a mistake (an archive, a database dump).
pub const DEFAULT_MAX_BYTES: u64 = dictum_ingest::DEFAULT_MAX_BYTES;

/// One input to read: a file or standard input.
#[derive(Debug, Clone)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

impl Input {
    pub fn display(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "<stdin>".to_string(),
        }
    }
}

/// A plain-text article file, as a directory walk takes it (`*.txt`, any case).
fn is_text(p: &Path) -> bool {
    dictum_ingest::is_supported(p) && Format::from_path(p) == Some(Format::Text)
}

/// Expands paths: a directory is walked recursively for `*.txt` files (in name order, so
/// runs are reproducible); `-` is standard input. Errors for paths that do not exist are
/// returned per path, so other inputs still run.
pub fn expand(paths: &[PathBuf]) -> Vec<Result<Input>> {
    dictum_ingest::expand_with(paths, is_text)
        .into_iter()
        .map(|r| match r {
            Ok(p) if p.as_os_str() == "-" => Ok(Input::Stdin),
            Ok(p) => Ok(Input::File(p)),
            Err(e) => Err(anyhow::Error::new(e)),
        })
        .collect()
}

/// Reads one article as UTF-8 text, with a clear error naming the file and the place of the
/// first problem.
pub fn read(input: &Input, max_bytes: u64) -> Result<String> {
    let opts = Options { max_bytes };
    let mut docs = match input {
        Input::File(p) => dictum_ingest::read_path(p, Some(Format::Text), &opts),
        Input::Stdin => dictum_ingest::read_stdin(Some(Format::Text), &opts),
    };
    match docs.next() {
        Some(Item::Doc(d)) => Ok(d.body.into_string()),
        Some(Item::Error(e)) => Err(anyhow::Error::new(e)),
        None => Err(anyhow!("{}: nothing to read", input.display())),
    }
}

/// Decodes UTF-8 (a BOM is dropped), refusing binary data.
#[cfg(test)]
pub fn decode(bytes: &[u8]) -> Result<String> {
    dictum_ingest::decode_text(bytes).map_err(anyhow::Error::new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_reports_place_of_bad_utf8() {
        let err = decode(b"ok line\nbad \xff here").unwrap_err().to_string();
        assert!(
            err.contains("byte 12") && err.contains("line 2, column 5"),
            "{err}"
        );
    }

    #[test]
    fn decode_refuses_binary_and_drops_bom() {
        assert!(decode(b"PK\x03\x04\x00\x00")
            .unwrap_err()
            .to_string()
            .contains("binary"));
        assert_eq!(decode(b"\xEF\xBB\xBFhi").unwrap(), "hi");
        assert_eq!(decode(b"").unwrap(), "");
    }
}
