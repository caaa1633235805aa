/// Converts byte offsets of one string into Unicode code-point offsets.
///
/// Built once per text in O(n); each lookup is O(log k) where k is the number of
/// non-ASCII characters (O(1) for pure ASCII text).
#[derive(Debug, Clone)]
pub struct CharOffsets {
    /// Byte offsets of every non-ASCII char, with the number of extra bytes seen
    /// up to and including it.
    wide: Vec<(usize, usize)>,
    len_bytes: usize,
}

impl CharOffsets {
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut extra = 0usize;
        for (i, c) in text.char_indices() {
            let n = c.len_utf8();
            if n > 1 {
                extra += n - 1;
                wide.push((i, extra));
            }
        }
        CharOffsets {
            wide,
            len_bytes: text.len(),
        }
    }

    /// The code-point offset of byte offset `byte` (clamped to the text length).
    pub fn to_char(&self, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        // Extra bytes contributed by wide chars that start strictly before `byte`.
        let k = self.wide.partition_point(|&(pos, _)| pos < byte);
        let extra = if k == 0 { 0 } else { self.wide[k - 1].1 };
        byte - extra
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let o = CharOffsets::new("hello");
        assert_eq!(o.to_char(0), 0);
        assert_eq!(o.to_char(5), 5);
    }

    #[test]
    fn counts_code_points() {
        let s = "a“b”ёc";
        let o = CharOffsets::new(s);
        for (ci, (bi, _)) in s.char_indices().enumerate() {
            assert_eq!(o.to_char(bi), ci, "byte {bi}");
        }
        assert_eq!(o.to_char(s.len()), s.chars().count());
    }
}
