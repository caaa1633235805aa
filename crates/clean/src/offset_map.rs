//! [`OffsetMap`]: from byte offsets in a clean text back to byte offsets in
//! the text it was cut from.
//!
//! A clean text is a concatenation of pieces of the original, each copied
//! verbatim. The map keeps one segment per maximal piece, so a lookup is a
//! binary search over segments.

/// One verbatim piece: `len` bytes at `clean` in the clean text came from
/// `orig` in the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub clean: usize,
    pub orig: usize,
    pub len: usize,
}

/// Maps byte offsets of a clean text to byte offsets of its original.
///
/// Every byte of the clean text is a copy of one byte of the original, in the
/// same order, so the map is monotonic: `a < b` implies
/// `to_original(a) < to_original(b)`. Offsets on `char` boundaries of the clean
/// text map to `char` boundaries of the original.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    segments: Vec<Segment>,
    clean_len: usize,
}

impl OffsetMap {
    /// The map of a text that is its own original.
    pub fn identity(len: usize) -> Self {
        let segments = if len == 0 {
            Vec::new()
        } else {
            vec![Segment {
                clean: 0,
                orig: 0,
                len,
            }]
        };
        OffsetMap {
            segments,
            clean_len: len,
        }
    }

    /// The verbatim pieces, in clean-text order.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Length of the clean text this map was built for.
    pub fn clean_len(&self) -> usize {
        self.clean_len
    }

    /// The original offset of the clean byte at `pos` (a start offset). The
    /// clean text's end maps to just past its last original byte. Offsets past
    /// the end are clamped to it.
    pub fn to_original(&self, pos: usize) -> usize {
        if pos >= self.clean_len {
            return self.end_of_last();
        }
        // The last segment starting at or before `pos`.
        let i = self.segments.partition_point(|s| s.clean <= pos);
        match i.checked_sub(1).and_then(|i| self.segments.get(i)) {
            Some(s) => s.orig + (pos - s.clean),
            None => 0,
        }
    }

    /// The original offset of an exclusive end `end`: just past the original
    /// byte of clean byte `end - 1`. Unlike [`to_original`](Self::to_original)
    /// this does not jump over text removed between two pieces.
    pub fn end_to_original(&self, end: usize) -> usize {
        if end == 0 {
            return self.segments.first().map_or(0, |s| s.orig);
        }
        let last = end.min(self.clean_len) - 1;
        let i = self.segments.partition_point(|s| s.clean <= last);
        match i.checked_sub(1).and_then(|i| self.segments.get(i)) {
            Some(s) => s.orig + (last - s.clean) + 1,
            None => 0,
        }
    }

    /// The original range of the clean range `start..end`.
    pub fn range_to_original(&self, start: usize, end: usize) -> (usize, usize) {
        if end <= start {
            let p = self.to_original(start);
            return (p, p);
        }
        (self.to_original(start), self.end_to_original(end))
    }

    fn end_of_last(&self) -> usize {
        self.segments.last().map_or(0, |s| s.orig + s.len)
    }
}

/// Builds a clean text and its map by copying pieces of an original.
#[derive(Debug)]
pub(crate) struct Builder<'a> {
    original: &'a str,
    text: String,
    segments: Vec<Segment>,
}

impl<'a> Builder<'a> {
    pub(crate) fn new(original: &'a str) -> Self {
        Builder {
            original,
            text: String::new(),
            segments: Vec::new(),
        }
    }

    /// Appends `original[start..end]`; ignored when the range is empty or not
    /// on `char` boundaries.
    pub(crate) fn push(&mut self, start: usize, end: usize) {
        let Some(piece) = self.original.get(start..end) else {
            return;
        };
        if piece.is_empty() {
            return;
        }
        let clean = self.text.len();
        self.text.push_str(piece);
        if let Some(last) = self.segments.last_mut() {
            if last.orig + last.len == start && last.clean + last.len == clean {
                last.len += piece.len();
                return;
            }
        }
        self.segments.push(Segment {
            clean,
            orig: start,
            len: piece.len(),
        });
    }

    pub(crate) fn finish(self) -> (String, OffsetMap) {
        let clean_len = self.text.len();
        (
            self.text,
            OffsetMap {
                segments: self.segments,
                clean_len,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(original: &str, pieces: &[(usize, usize)]) -> (String, OffsetMap) {
        let mut b = Builder::new(original);
        for &(s, e) in pieces {
            b.push(s, e);
        }
        b.finish()
    }

    /// Every clean char maps to the same char in the original.
    fn assert_faithful(original: &str, clean: &str, map: &OffsetMap) {
        for (i, c) in clean.char_indices() {
            let o = map.to_original(i);
            assert_eq!(
                original[o..].chars().next(),
                Some(c),
                "clean byte {i} ({c:?}) maps to original byte {o}"
            );
            let (s, e) = map.range_to_original(i, i + c.len_utf8());
            assert_eq!(&original[s..e], c.to_string());
        }
    }

    #[test]
    fn identity_maps_to_itself() {
        let m = OffsetMap::identity(10);
        assert_eq!(m.to_original(0), 0);
        assert_eq!(m.to_original(7), 7);
        assert_eq!(m.to_original(10), 10);
        assert_eq!(m.to_original(99), 10);
        assert_eq!(m.range_to_original(2, 5), (2, 5));
    }

    #[test]
    fn empty_map_is_total() {
        let m = OffsetMap::identity(0);
        assert_eq!(m.to_original(0), 0);
        assert_eq!(m.end_to_original(0), 0);
        assert_eq!(m.range_to_original(3, 9), (0, 0));
    }

    #[test]
    fn pieces_map_back() {
        let original = "Menu\nTitle here\nSave for later\nBody “quoted” text.\nFooter";
        let title = original.find("Title").unwrap();
        let body = original.find("Body").unwrap();
        let footer = original.find("Footer").unwrap();
        let (clean, map) = build(original, &[(title, title + 11), (body, footer)]);
        assert_eq!(clean, "Title here\nBody “quoted” text.\n");
        assert_eq!(map.segments().len(), 2);
        assert_faithful(original, &clean, &map);
        // A range across the gap covers the removed text in the original.
        let (s, e) = map.range_to_original(0, clean.len());
        assert_eq!(&original[s..e], &original[title..footer]);
        // An end at a piece boundary stays in the first piece.
        assert_eq!(map.end_to_original(11), title + 11);
        assert_eq!(map.to_original(11), body);
    }

    #[test]
    fn adjacent_pieces_merge() {
        let original = "abcdef";
        let (clean, map) = build(original, &[(0, 2), (2, 4), (5, 6)]);
        assert_eq!(clean, "abcdf");
        assert_eq!(map.segments().len(), 2);
        assert_faithful(original, &clean, &map);
    }

    #[test]
    fn bad_ranges_are_ignored() {
        let original = "é and more";
        let (clean, map) = build(original, &[(1, 3), (5, 2), (3, 7), (100, 200)]);
        assert_eq!(clean, "and ");
        assert_faithful(original, &clean, &map);
    }
}
