use crate::Span;

/// A quotation mark as written. Whether it opens or closes a quotation is
/// decided later, from its context (see `dictum-extract`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteMark {
    /// `“` (opens in English, closes after `„` in German style)
    DoubleLeft,
    /// `”`
    DoubleRight,
    /// `"` or a doubled straight apostrophe `''` / backticks used as quotes
    DoubleStraight,
    /// `„`
    DoubleLow,
    /// `«`
    AngleLeft,
    /// `»`
    AngleRight,
    /// `‘`
    SingleLeft,
    /// `’` when it is not an apostrophe inside a word
    SingleRight,
    /// `'` when it is not an apostrophe inside a word
    SingleStraight,
}

impl QuoteMark {
    pub fn is_double(self) -> bool {
        !matches!(
            self,
            QuoteMark::SingleLeft | QuoteMark::SingleRight | QuoteMark::SingleStraight
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits), with inner apostrophes, hyphens and dotted initials.
    Word,
    /// Digits with inner `.`, `,` or `:`.
    Number,
    Quote(QuoteMark),
    /// Any other non-space character, one per token (`...` and `--` are one token).
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// A line break lies between the previous token and this one.
    pub newline_before: bool,
    /// Whitespace lies between the previous token and this one.
    pub space_before: bool,
}

// Small accessors called from the extraction core for every token: `#[inline]`
// lets them inline across the crate boundary (the release profile has no LTO).
impl Token {
    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.slice(text)
    }
    #[inline]
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }
    #[inline]
    pub fn quote(&self) -> Option<QuoteMark> {
        match self.kind {
            TokenKind::Quote(q) => Some(q),
            _ => None,
        }
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_word_char(c: char) -> bool {
    // General Punctuation (curly quotes, dashes, `…`) holds no letter or digit:
    // skip the Unicode table lookup for the commonest non-ASCII chars of news text.
    !('\u{2000}'..='\u{206F}').contains(&c) && (c.is_alphanumeric() || c == '_')
}

/// ASCII bytes that are word chars (letters, digits, `_`), by byte value.
const ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    t
};

/// The char that starts at byte `pos` of `text` (`pos` is on a char boundary),
/// with an ASCII fast path.
#[inline]
fn char_at(text: &str, pos: usize) -> Option<char> {
    match text.as_bytes().get(pos) {
        None => None,
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => text.get(pos..).and_then(|s| s.chars().next()),
    }
}

/// White space, and the invisible format characters that pasted text carries
/// (zero-width spaces and joiners, direction marks and embeddings, the BOM):
/// they separate tokens and belong to none.
#[inline]
fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
        )
}

/// Splits `text` into tokens. Never fails; every byte of non-space text is in
/// exactly one token.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let len = bytes.len();
    // `p` walks the text by bytes and always stands on a char boundary.
    let mut p = 0;
    let mut newline = false;
    let mut space = false;
    while p < len {
        let b = bytes[p];
        if b == b' ' {
            space = true;
            p += 1;
            continue;
        }
        let c = if b < 0x80 {
            b as char
        } else {
            match char_at(text, p) {
                Some(c) => c,
                None => break,
            }
        };
        let clen = c.len_utf8();
        // `false` for any byte of a multi-byte char.
        let ascii_word = ASCII_WORD[b as usize];
        if !ascii_word && is_space(c) {
            if c == '\n' || c == '\r' || c == '\u{2029}' {
                newline = true;
            }
            space = true;
            p += clen;
            continue;
        }
        let start = p;
        let (kind, end) = if ascii_word || is_word_char(c) {
            let mut j = p + clen;
            let numeric_start = c.is_ascii_digit();
            loop {
                // ASCII letters, digits and `_` in one sweep.
                j += bytes[j..]
                    .iter()
                    .position(|&b| !ASCII_WORD[b as usize])
                    .unwrap_or(len - j);
                // Other ASCII chars only join a word when they are one of these.
                if j < len
                    && bytes[j] < 0x80
                    && !matches!(bytes[j], b'\'' | b'-' | b',' | b'.' | b':')
                {
                    break;
                }
                let Some(d) = char_at(text, j) else { break };
                let dlen = d.len_utf8();
                if is_word_char(d) {
                    j += dlen;
                    continue;
                }
                let after = char_at(text, j + dlen);
                let after_word = after.is_some_and(is_word_char);
                // can’t, it's, O'Brien; Los Angeles-based; U.S.; 100,000; 4.5
                let joins = (is_apostrophe(d) && after.is_some_and(char::is_alphabetic))
                    || ((d == '-' || d == '‑') && after_word)
                    || (numeric_start
                        && (d == ',' || d == '.' || d == ':')
                        && after.is_some_and(|a| a.is_ascii_digit()))
                    || (d == '.'
                        && after.is_some_and(char::is_uppercase)
                        && j == p + clen
                        && c.is_uppercase()
                        && after.is_some_and(|a| {
                            char_at(text, j + dlen + a.len_utf8()).is_none_or(|x| x == '.')
                        }));
                if joins {
                    // `after` is Some whenever `joins` holds.
                    j += dlen + after.map_or(0, char::len_utf8);
                } else {
                    break;
                }
            }
            // Dotted initialisms: U.S. keeps its final dot when it is one.
            let kind = if numeric_start {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            (kind, j)
        } else {
            let one = p + clen;
            let next = char_at(text, one);
            match c {
                '“' => (TokenKind::Quote(QuoteMark::DoubleLeft), one),
                '”' => (TokenKind::Quote(QuoteMark::DoubleRight), one),
                '"' => (TokenKind::Quote(QuoteMark::DoubleStraight), one),
                '„' => (TokenKind::Quote(QuoteMark::DoubleLow), one),
                '«' => (TokenKind::Quote(QuoteMark::AngleLeft), one),
                '»' => (TokenKind::Quote(QuoteMark::AngleRight), one),
                '‘' => (TokenKind::Quote(QuoteMark::SingleLeft), one),
                '`' if next == Some('`') => (TokenKind::Quote(QuoteMark::DoubleStraight), one + 1),
                // (`'old-school,''' said`: after a word, three apostrophes close
                // the inner single quotation first, then the doubled one.)
                '\'' if next == Some('\'')
                    && (p == 0 || space || newline || char_at(text, one + 1) != Some('\'')) =>
                {
                    (TokenKind::Quote(QuoteMark::DoubleStraight), one + 1)
                }
                '’' | '\'' => {
                    // A trailing apostrophe of a plural possessive (voters’ rights) is
                    // ambiguous with a closing quote; record it as a mark and let the
                    // quote pairing decide.
                    let q = if c == '’' {
                        QuoteMark::SingleRight
                    } else {
                        QuoteMark::SingleStraight
                    };
                    (TokenKind::Quote(q), one)
                }
                '.' if next == Some('.') => {
                    let mut j = p;
                    while j < len && bytes[j] == b'.' {
                        j += 1;
                    }
                    (TokenKind::Punct, j)
                }
                '-' if next == Some('-') => (TokenKind::Punct, one + 1),
                _ => (TokenKind::Punct, one),
            }
        };
        out.push(Token {
            span: Span::new(start, end),
            kind,
            newline_before: newline,
            space_before: space,
        });
        newline = false;
        space = false;
        p = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn three_apostrophes_after_a_word_close_single_then_double() {
        assert_eq!(
            words("''the word 'old,''' he said"),
            vec!["''", "the", "word", "'", "old", ",", "'", "''", "he", "said"]
        );
        // Opening, they stay doubled first.
        assert_eq!(words(" '''Sir"), vec!["''", "'", "Sir"]);
    }

    #[test]
    fn apostrophes_stay_in_words() {
        assert_eq!(
            words("can’t it's O'Brien"),
            vec!["can’t", "it's", "O'Brien"]
        );
    }

    #[test]
    fn quotes_are_tokens() {
        let s = "“We can’t,” he said. «Oui» „Ja“ ''No''";
        assert_eq!(
            words(s),
            vec![
                "“", "We", "can’t", ",", "”", "he", "said", ".", "«", "Oui", "»", "„", "Ja", "“",
                "''", "No", "''"
            ]
        );
    }

    #[test]
    fn numbers_initialisms_and_hyphens() {
        assert_eq!(
            words("U.S. paid $100,000 to Los Angeles-based 4.5 firms..."),
            vec![
                "U.S",
                ".",
                "paid",
                "$",
                "100,000",
                "to",
                "Los",
                "Angeles-based",
                "4.5",
                "firms",
                "..."
            ]
        );
    }

    #[test]
    fn invisible_format_characters_separate_tokens() {
        let s = "a\u{202A}b \u{FEFF}c\u{200B}d";
        let t = tokenize(s);
        let words: Vec<&str> = t.iter().map(|k| k.span.slice(s)).collect();
        assert_eq!(words, ["a", "b", "c", "d"]);
        assert!(t[1].space_before && t[3].space_before);
    }

    #[test]
    fn newline_flags() {
        let t = tokenize("a\nb c");
        assert!(!t[0].newline_before);
        assert!(t[1].newline_before);
        assert!(!t[2].newline_before && t[2].space_before);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "",
            "'",
            "’",
            "..",
            "-",
            "a'",
            "1.",
            "U.",
            "\u{0}\u{feff}x",
            "🙂'🙂",
        ] {
            let _ = tokenize(s);
        }
    }

    /// The tokenizer as it was before its byte-wise rewrite, one char at a time.
    fn word_char_reference(c: char) -> bool {
        c.is_alphanumeric() || c == '_'
    }

    fn tokenize_reference(text: &str) -> Vec<Token> {
        let mut out = Vec::with_capacity(text.len() / 5 + 1);
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let n = chars.len();
        let end_of = |i: usize| if i < n { chars[i].0 } else { text.len() };
        let mut i = 0;
        let mut newline = false;
        let mut space = false;
        while i < n {
            let (start, c) = chars[i];
            if is_space(c) {
                if c == '\n' || c == '\r' || c == '\u{2029}' {
                    newline = true;
                }
                space = true;
                i += 1;
                continue;
            }
            let next = if i + 1 < n {
                Some(chars[i + 1].1)
            } else {
                None
            };
            let (kind, len) = if word_char_reference(c) {
                let mut j = i + 1;
                let numeric_start = c.is_ascii_digit();
                while j < n {
                    let d = chars[j].1;
                    if word_char_reference(d) {
                        j += 1;
                        continue;
                    }
                    let after = if j + 1 < n {
                        Some(chars[j + 1].1)
                    } else {
                        None
                    };
                    let after_word = after.is_some_and(word_char_reference);
                    // can’t, it's, O'Brien; Los Angeles-based; U.S.; 100,000; 4.5
                    let joins = (is_apostrophe(d) && after.is_some_and(char::is_alphabetic))
                        || ((d == '-' || d == '‑') && after_word)
                        || (numeric_start
                            && (d == ',' || d == '.' || d == ':')
                            && after.is_some_and(|a| a.is_ascii_digit()))
                        || (d == '.'
                            && after.is_some_and(char::is_uppercase)
                            && j - i == 1
                            && chars[i].1.is_uppercase()
                            && (j + 2 >= n || chars[j + 2].1 == '.'));
                    if joins {
                        j += 2;
                    } else {
                        break;
                    }
                }
                // Dotted initialisms: U.S. keeps its final dot when it is one.
                let kind = if numeric_start {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                };
                (kind, j - i)
            } else {
                match c {
                    '“' => (TokenKind::Quote(QuoteMark::DoubleLeft), 1),
                    '”' => (TokenKind::Quote(QuoteMark::DoubleRight), 1),
                    '"' => (TokenKind::Quote(QuoteMark::DoubleStraight), 1),
                    '„' => (TokenKind::Quote(QuoteMark::DoubleLow), 1),
                    '«' => (TokenKind::Quote(QuoteMark::AngleLeft), 1),
                    '»' => (TokenKind::Quote(QuoteMark::AngleRight), 1),
                    '‘' => (TokenKind::Quote(QuoteMark::SingleLeft), 1),
                    '`' if next == Some('`') => (TokenKind::Quote(QuoteMark::DoubleStraight), 2),
                    '\'' if next == Some('\'')
                        && (i == 0 || space || newline || i + 2 >= n || chars[i + 2].1 != '\'') =>
                    {
                        (TokenKind::Quote(QuoteMark::DoubleStraight), 2)
                    }
                    '’' | '\'' => {
                        // A trailing apostrophe of a plural possessive (voters’ rights) is
                        // ambiguous with a closing quote; record it as a mark and let the
                        // quote pairing decide.
                        let q = if c == '’' {
                            QuoteMark::SingleRight
                        } else {
                            QuoteMark::SingleStraight
                        };
                        (TokenKind::Quote(q), 1)
                    }
                    '.' if next == Some('.') => {
                        let mut j = i;
                        while j < n && chars[j].1 == '.' {
                            j += 1;
                        }
                        (TokenKind::Punct, j - i)
                    }
                    '-' if next == Some('-') => (TokenKind::Punct, 2),
                    _ => (TokenKind::Punct, 1),
                }
            };
            out.push(Token {
                span: Span::new(start, end_of(i + len)),
                kind,
                newline_before: newline,
                space_before: space,
            });
            newline = false;
            space = false;
            i += len;
        }
        out
    }

    #[test]
    fn general_punctuation_has_no_word_chars() {
        assert!(('\u{2000}'..='\u{206F}').all(|c| !c.is_alphanumeric()));
    }

    #[test]
    fn matches_the_char_by_char_reference() {
        let alphabet: Vec<char> =
            "aZ9_ .,:-‑'’`\"“”„«»‘\n\r\u{2029}\t\u{a0}éÉßİ\u{212a}ё日🙂\u{0}…$()"
                .chars()
                .collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for len in 0..5000usize {
            let mut s = String::new();
            for _ in 0..(len % 40) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            assert_eq!(tokenize(&s), tokenize_reference(&s), "{s:?}");
        }
        for s in [
            "U.S. paid $100,000 to Los Angeles-based 4.5 firms...",
            "A.B.C. D.E F.G.H.I. É.Ü. 1.2.3 1,000,000:30 can’t O'Brien voters’ ''x'' ``y''",
            "J.Kerry U.S.A u.s. a.B A.b ..... -- --- x- -x",
        ] {
            assert_eq!(tokenize(s), tokenize_reference(s), "{s:?}");
        }
    }
}
