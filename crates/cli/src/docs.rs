//! Streams raw documents from every input path, in order, in bounded batches.

use std::path::PathBuf;

use anyhow::Result;
use dictum_ingest::{Format, Item, Options, RawDoc};

/// One document to process, or the error that replaced it.
pub type Next = Result<(RawDoc, bool)>;

/// Documents from the given paths (`-` is standard input; directories are walked
/// for every supported format), each with whether it is a plain-text file.
pub fn stream(
    paths: &[PathBuf],
    format: Option<Format>,
    max_bytes: u64,
) -> impl Iterator<Item = Next> {
    stream_expanded(dictum_ingest::expand(paths), format, max_bytes)
}

/// [`stream`] over paths already expanded by [`dictum_ingest::expand`].
pub fn stream_expanded(
    expanded: Vec<Result<PathBuf, dictum_ingest::ReadError>>,
    format: Option<Format>,
    max_bytes: u64,
) -> impl Iterator<Item = Next> {
    let opts = Options { max_bytes };
    expanded
        .into_iter()
        .flat_map(move |p| -> Box<dyn Iterator<Item = Next>> {
            match p {
                Err(e) => Box::new(std::iter::once(Err(anyhow::Error::new(e)))),
                Ok(path) => {
                    let stdin = path.as_os_str() == "-";
                    let plain = match format {
                        Some(f) => f == Format::Text,
                        None => !stdin && Format::from_path(&path) == Some(Format::Text),
                    };
                    let docs = if stdin {
                        dictum_ingest::read_stdin(format, &opts)
                    } else {
                        dictum_ingest::read_path(&path, format, &opts)
                    };
                    Box::new(docs.map(move |item| match item {
                        Item::Doc(d) => {
                            // Standard input sniffed as text is plain text too.
                            let plain = plain
                                || (stdin
                                    && format.is_none()
                                    && !d.body.is_html()
                                    && d.url.is_none()
                                    && d.extra.is_empty()
                                    && !d.clean);
                            Ok((d, plain))
                        }
                        Item::Error(e) => Err(anyhow::Error::new(e)),
                    }))
                }
            }
        })
}

/// Groups a stream into batches of at most `n`, so that each batch can be
/// processed in parallel and written in order with bounded memory.
pub fn batches<I: Iterator<Item = Next>>(mut it: I, n: usize) -> impl Iterator<Item = Vec<Next>> {
    std::iter::from_fn(move || {
        let batch: Vec<Next> = it.by_ref().take(n).collect();
        (!batch.is_empty()).then_some(batch)
    })
}
