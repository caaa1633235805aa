//! The bits of Python behaviour the reference scorer relies on: its character classes, its
//! universal-newline line splitting, `round()` and `repr()` of strings.

use crate::pytables::{DECIMAL, NON_PRINTABLE, WORD};

fn in_table(table: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    let i = table.partition_point(|&(_, hi)| hi < c);
    i < table.len() && table[i].0 <= c
}

/// `\w` of Python's `re` on str patterns.
pub fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        in_table(&WORD, c)
    }
}

/// The value of a character matched by Python's `\d` (what `int()` makes of it), else `None`.
pub fn decimal(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let u = c as u32;
    let i = DECIMAL.partition_point(|&(_, hi)| hi < u);
    match DECIMAL.get(i) {
        Some(&(lo, _)) if lo <= u => Some((u - lo) % 10),
        _ => None,
    }
}

/// Python's `str.isspace()` for one character (what `str.split()` and `str.strip()` use).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// Python's `str.isprintable()` for one character.
fn is_printable(c: char) -> bool {
    !in_table(&NON_PRINTABLE, c)
}

/// Text as Python's `open(..., encoding='utf-8').read()` gives it: universal newlines turn
/// `\r\n` and a lone `\r` into `\n`.
pub fn translate_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Lines as iterating a Python text file gives them (universal newlines), without their ends.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        match rest.find(['\n', '\r']) {
            None => {
                let line = rest;
                rest = "";
                Some(line)
            }
            Some(i) => {
                let line = &rest[..i];
                let end = if rest[i..].starts_with("\r\n") {
                    i + 2
                } else {
                    i + 1
                };
                rest = &rest[end..];
                Some(line)
            }
        }
    })
}

/// Python's `round(x, ndigits)` for a finite float: the float nearest to `x` correctly rounded
/// to `ndigits` decimals (ties of the exact binary value to even), which is what Rust's
/// formatting with a precision produces too.
pub fn round(x: f64, ndigits: usize) -> f64 {
    format!("{x:.ndigits$}").parse().unwrap_or(x)
}

/// Python's `repr()` of a str.
pub fn repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if c.is_ascii() || is_printable(c) => out.push(c),
            c if (c as u32) <= 0xff => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// `str(list_of_str)` in Python.
pub fn repr_list(items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|s| repr(s)).collect();
    format!("[{}]", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_chars() {
        for c in ['a', 'Z', '0', '_', 'é', 'ß', 'Ж', '中', '½', '²', '٣'] {
            assert!(is_word(c), "{c:?}");
        }
        // combining marks are not \w in Python, though some are alphabetic for Rust
        for c in [
            ' ', '-', '’', '“', '\u{a0}', '\u{303}', '\u{345}', '\u{93e}', '\u{ad}',
        ] {
            assert!(!is_word(c), "{c:?}");
        }
    }

    #[test]
    fn decimals() {
        assert_eq!(decimal('7'), Some(7));
        assert_eq!(decimal('\u{663}'), Some(3)); // ARABIC-INDIC DIGIT THREE
        assert_eq!(decimal('\u{1D7D9}'), Some(1)); // MATHEMATICAL DOUBLE-STRUCK DIGIT ONE
        assert_eq!(decimal('x'), None);
        assert_eq!(decimal('²'), None); // \d is category Nd only
    }

    #[test]
    fn spaces() {
        assert!(is_space('\u{1f}') && is_space('\u{a0}') && is_space('\u{3000}'));
        assert!(!is_space('x') && !is_space('\u{200b}'));
    }

    #[test]
    fn line_splitting() {
        let v: Vec<&str> = lines("a\nb\r\nc\rd").collect();
        assert_eq!(v, ["a", "b", "c", "d"]);
        let v: Vec<&str> = lines("a\n\nb\n").collect();
        assert_eq!(v, ["a", "", "b"]);
        assert_eq!(lines("").count(), 0);
        assert_eq!(translate_newlines("a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn rounding() {
        assert_eq!(round(0.03125, 4), 0.0312); // exact tie: to even
        assert_eq!(round(0.09375, 4), 0.0938);
        assert_eq!(round(2.0 / 3.0, 4), 0.6667);
        assert_eq!(round(1.0, 4), 1.0);
    }

    #[test]
    fn reprs() {
        assert_eq!(repr("abc"), "'abc'");
        assert_eq!(repr("it's"), "\"it's\"");
        assert_eq!(repr("a'b\"c"), "'a\\'b\"c'");
        assert_eq!(repr("t\tn\\"), "'t\\tn\\\\'");
        assert_eq!(
            repr("\u{1}\u{7f}é\u{a0}\u{200b}\u{e0001}"),
            "'\\x01\\x7fé\\xa0\\u200b\\U000e0001'"
        );
        assert_eq!(repr_list(&["a".into(), "b".into()]), "['a', 'b']");
        assert_eq!(repr_list(&[]), "[]");
    }
}
