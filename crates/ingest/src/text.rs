//! Plain-text articles: UTF-8, a byte-order mark dropped, binary data refused.

use crate::error::ErrorKind;

/// Decodes a text article: UTF-8 with an optional byte-order mark (dropped). A NUL byte means
/// binary data and is refused; invalid UTF-8 is refused with the byte offset, line and column
/// (1-based, in bytes) of the first bad sequence, counted in `bytes` as given (BOM included).
pub fn decode_text(bytes: &[u8]) -> Result<String, ErrorKind> {
    decode_text_at(bytes, 0, 1)
}

/// [`decode_text`] for a piece of a larger stream that starts at byte `base`, on line
/// `first_line`: the places in errors are those of the stream.
pub(crate) fn decode_text_at(
    bytes: &[u8],
    base: u64,
    first_line: u64,
) -> Result<String, ErrorKind> {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let body = &bytes[bom..];
    if let Some(pos) = memchr::memchr(0, body) {
        return Err(ErrorKind::Binary {
            byte: base + (bom + pos) as u64,
        });
    }
    match std::str::from_utf8(body) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let at = bom + e.valid_up_to();
            let (line, column) = line_column(bytes, at);
            Err(ErrorKind::InvalidUtf8 {
                byte: base + at as u64,
                line: first_line - 1 + line,
                column,
            })
        }
    }
}

/// 1-based line and column (in bytes) of byte `at` of `bytes`.
pub(crate) fn line_column(bytes: &[u8], at: usize) -> (u64, u64) {
    let before = &bytes[..at.min(bytes.len())];
    let line = memchr::memchr_iter(b'\n', before).count() as u64 + 1;
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |p| p + 1);
    (line, (before.len() - line_start) as u64 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_place_of_bad_utf8() {
        let err = decode_text(b"ok line\nbad \xff here")
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "invalid UTF-8 at byte 12 (line 2, column 5); convert the file to UTF-8 first"
        );
    }

    #[test]
    fn place_counts_the_bom() {
        let err = decode_text(b"\xEF\xBB\xBFab\xc3").unwrap_err().to_string();
        assert!(err.contains("byte 5 (line 1, column 6)"), "{err}");
    }

    #[test]
    fn refuses_binary_and_drops_bom() {
        assert!(decode_text(b"PK\x03\x04\x00\x00")
            .unwrap_err()
            .to_string()
            .contains("binary data (a NUL byte at byte 4)"));
        assert_eq!(decode_text(b"\xEF\xBB\xBFhi").unwrap(), "hi");
        assert_eq!(decode_text(b"").unwrap(), "");
    }

    #[test]
    fn offsets_of_a_piece_are_those_of_the_stream() {
        match decode_text_at(b"x\ny\xfe", 100, 7) {
            Err(ErrorKind::InvalidUtf8 { byte, line, column }) => {
                assert_eq!((byte, line, column), (103, 8, 2))
            }
            other => panic!("{other:?}"),
        }
    }
}
