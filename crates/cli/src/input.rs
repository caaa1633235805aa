//! Finding and reading input articles: files, directories, standard input.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

/// Articles larger than this are refused: no news article is that long, and a
/// file this size is almost always a mistake (an archive, a database dump).
pub const DEFAULT_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// One input to read: a file or standard input.
#[derive(Debug, Clone)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

impl Input {
    /// The article's name in the output: the file stem, or "-" for stdin.
    pub fn doc_name(&self) -> String {
        match self {
            Input::File(p) => p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string()),
            Input::Stdin => "-".to_string(),
        }
    }

    pub fn display(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "<stdin>".to_string(),
        }
    }
}

/// Expands paths: a directory is walked recursively for `*.txt` files (in
/// name order, so runs are reproducible); `-` is standard input. Errors for
/// paths that do not exist are returned per path, so other inputs still run.
pub fn expand(paths: &[PathBuf]) -> Vec<Result<Input>> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Ok(Input::Stdin));
            continue;
        }
        match fs::metadata(p) {
            Err(e) => out.push(Err(
                anyhow::Error::new(e).context(format!("{}: cannot read", p.display()))
            )),
            Ok(m) if m.is_dir() => walk(p, &mut out),
            Ok(_) => out.push(Ok(Input::File(p.clone()))),
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<Input>>) {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.push(Err(
                anyhow::Error::new(e).context(format!("{}: cannot list directory", dir.display()))
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(Ok(Input::File(p)));
        }
    }
}

/// Reads one article as UTF-8 text, with a clear error naming the file and
/// the place of the first problem.
pub fn read(input: &Input, max_bytes: u64) -> Result<String> {
    let bytes = match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .take(max_bytes + 1)
                .read_to_end(&mut buf)
                .context("<stdin>: cannot read")?;
            buf
        }
        Input::File(p) => {
            let len = fs::metadata(p)
                .with_context(|| format!("{}: cannot read", p.display()))?
                .len();
            if len > max_bytes {
                bail!(
                    "{}: {:.1} MB is too large for one article (limit {:.1} MB; raise it with --max-bytes)",
                    p.display(),
                    len as f64 / 1e6,
                    max_bytes as f64 / 1e6
                );
            }
            fs::read(p).with_context(|| format!("{}: cannot read", p.display()))?
        }
    };
    if bytes.len() as u64 > max_bytes {
        bail!(
            "{}: input is larger than the limit of {} bytes (--max-bytes)",
            input.display(),
            max_bytes
        );
    }
    decode(&bytes).with_context(|| input.display())
}

/// Decodes UTF-8 (a BOM is dropped), refusing binary data.
pub fn decode(bytes: &[u8]) -> Result<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        bail!("binary data (a NUL byte at byte {pos}), not a text article");
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            let col = at
                - bytes[..at]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |p| p + 1)
                + 1;
            bail!("invalid UTF-8 at byte {at} (line {line}, column {col}); convert the file to UTF-8 first")
        }
    }
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
