use std::ops::Range;

use crate::{QuoteMark, Span, Token, TokenKind};

/// Non-blank lines of `text`, trimmed of surrounding whitespace. News text
/// marks paragraphs with line breaks (single or blank-line separated).
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let body = line.trim_start();
        let trimmed_start = start + (line.len() - body.len());
        let body = body.trim_end();
        if !body.is_empty() {
            out.push(Span::new(trimmed_start, trimmed_start + body.len()));
        }
        start = end;
    }
    out
}

/// A sentence: its span and the range of token indices it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Range<usize>,
}

/// Declares the abbreviation list once: as a `match`, and as a slice for the
/// tests. The titles that come before a name (Sen., Gov., Cmdr.) are listed
/// apart: a hyphenated one (then-Sen.) is an abbreviation too.
macro_rules! abbreviations {
    (titles: [$($t:literal),* $(,)?], others: [$($w:literal),* $(,)?] $(,)?) => {
        #[cfg(test)]
        const ABBREVIATIONS: &[&str] = &[$($t,)* $($w),*];

        /// `ABBREVIATIONS.contains(&lower)`, as a `match` (no scan of the list).
        fn is_listed_abbreviation(lower: &str) -> bool {
            matches!(lower, $($t)|* | $($w)|*)
        }

        /// One of the titles, lower-cased.
        fn is_listed_title(lower: &str) -> bool {
            matches!(lower, $($t)|*)
        }
    };
}

abbreviations![
    titles: [
        "mr", "mrs", "ms", "dr", "prof", "gov", "sen", "rep", "gen", "lt", "col", "sgt", "capt",
        "cmdr", "adm", "rev", "pres", "supt", "atty",
    ],
    others: [
        "reps", "sens", "st", "jr", "sr", "hon", "ft", "mt", "no", "vs", "v", "inc", "corp", "co",
        "ltd", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "u.s", "u.k",
        "u.n", "d.c", "e.g", "i.e", "etc", "mass", "calif", "fla", "ga", "ill", "pa", "va", "wash",
        "ariz", "colo", "conn", "ky", "la", "md", "mich", "minn", "nev", "okla", "ore", "tenn",
        "tex", "wis", "n.y", "n.j", "n.h", "s.c", "n.c", "a.m", "p.m",
    ],
];

/// The longest abbreviation, in bytes (a test checks it).
const MAX_ABBREVIATION: usize = 5;

/// Dotted initials: George H.W. Bush, J.R.R. Tolkien.
fn dotted_initials(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 3
        && b.len() <= 7
        && b.len() % 2 == 1
        && b.iter().enumerate().all(|(k, &c)| {
            if k % 2 == 0 {
                c.is_ascii_uppercase()
            } else {
                c == b'.'
            }
        })
}

fn is_abbreviation(word: &str) -> bool {
    // A hyphenated title: then-Sen., ex-Gov., then-Cmdr. Not a state (Sen.
    // Jane Roe, D-Mass. The bill ...), which ends sentences. (A title is at
    // most four letters: look for the hyphen among the last five bytes only.)
    let b = word.as_bytes();
    if let Some(h) = b[b.len().saturating_sub(5)..]
        .iter()
        .rposition(|&c| c == b'-')
    {
        let start = b.len().saturating_sub(5) + h + 1;
        return word.get(start..).is_some_and(is_title);
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return true; // an initial: John F. Kerry
        }
    }
    is_listed(word) || (word.is_ascii() && dotted_initials(word))
}

/// The word, lower-cased, is in the abbreviation list.
fn is_listed(word: &str) -> bool {
    lowered_in(word, is_listed_abbreviation)
}

/// A title that comes before a name (Sen., Gov., Cmdr.).
fn is_title(word: &str) -> bool {
    lowered_in(word, is_listed_title)
}

/// `list(word lower-cased)`, without allocating for an ASCII word (longer
/// than any abbreviation: not listed).
fn lowered_in(word: &str, list: impl Fn(&str) -> bool) -> bool {
    if word.is_ascii() {
        // ASCII lower-cases byte for byte: compare without allocating.
        if word.len() > MAX_ABBREVIATION {
            return false;
        }
        let mut buf = [0u8; MAX_ABBREVIATION];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower).is_ok_and(list);
    }
    list(&word.to_lowercase())
}

fn starts_sentence(tok: &Token, text: &str) -> bool {
    match tok.kind {
        TokenKind::Quote(_) | TokenKind::Number => true,
        TokenKind::Word => tok
            .text(text)
            .chars()
            .next()
            .is_some_and(|c| !c.is_lowercase()),
        TokenKind::Punct => matches!(tok.text(text), "(" | "[" | "—" | "–" | "-"),
    }
}

/// Token `k`, one letter, ends a run of dotted letters (`N.C`, `R-N.C`), not a
/// middle initial (`Thomas P.`).
fn dotted_letters(tokens: &[Token], text: &str, k: usize) -> bool {
    k >= 2
        && !tokens[k].space_before
        && tokens[k - 1].text(text) == "."
        && !tokens[k - 1].space_before
        && tokens[k - 2].kind == TokenKind::Word
}

/// Token `j` opens a quotation that starts a sentence: a double mark after a
/// space, hugging a capitalized word, and not closing within five tokens
/// before any punctuation (`R-N.C. “I get that.”`, `Jr. "We ...`).
fn opens_quoted_sentence(tokens: &[Token], text: &str, j: usize) -> bool {
    let (Some(q), Some(w)) = (tokens.get(j), tokens.get(j + 1)) else {
        return false;
    };
    // (not a short title: `the U.S. “Harbour Board” met`)
    let title = tokens[j + 1..]
        .iter()
        .take(5)
        .find(|t| {
            matches!(t.kind, TokenKind::Quote(_))
                || t.kind == TokenKind::Punct && matches!(t.text(text), "." | "!" | "?" | ",")
        })
        .is_some_and(|t| matches!(t.kind, TokenKind::Quote(_)));
    matches!(
        q.kind,
        TokenKind::Quote(QuoteMark::DoubleLeft | QuoteMark::DoubleStraight)
    ) && q.space_before
        && !q.newline_before
        && !w.space_before
        && w.kind == TokenKind::Word
        && w.text(text).chars().next().is_some_and(char::is_uppercase)
        && !title
}

/// The longest sentence, in tokens. Real sentences are far shorter; a longer
/// run (a page without punctuation) is cut at a comma or semicolon, else at the
/// limit, so that work per sentence stays bounded.
pub const MAX_SENTENCE_TOKENS: usize = 250;

/// Splits tokenized `text` into sentences. A sentence never crosses a line
/// break and never exceeds [`MAX_SENTENCE_TOKENS`]. Closing quotation marks and
/// brackets after the final punctuation belong to the sentence they close.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let push = |out: &mut Vec<Sentence>, from: usize, to: usize| {
        if from < to {
            out.push(Sentence {
                span: Span::new(tokens[from].span.start, tokens[to - 1].span.end),
                tokens: from..to,
            });
        }
    };
    let mut i = 0;
    while i < tokens.len() {
        if i > start && tokens[i].newline_before {
            push(&mut out, start, i);
            start = i;
        }
        if i - start >= MAX_SENTENCE_TOKENS {
            let cut = (start + MAX_SENTENCE_TOKENS / 2..i)
                .rev()
                .find(|&k| matches!(tokens[k].text(text).as_bytes(), [b','] | [b';']))
                .map_or(i, |k| k + 1);
            push(&mut out, start, cut);
            start = cut;
        }
        let t = &tokens[i];
        let s = if t.kind == TokenKind::Punct {
            t.text(text)
        } else {
            ""
        };
        // `.`, `!`, `?`, `...` or `…`, byte by byte (no string comparison per token).
        let terminal = matches!(
            s.as_bytes(),
            [b'.'] | [b'!'] | [b'?'] | [b'.', b'.', b'.'] | [0xE2, 0x80, 0xA6]
        );
        if terminal {
            // Absorb closing quotes/brackets that hug the terminal mark.
            // (`native-born.”“Your facts`: a closing and an opening mark with
            // no space between them; the opening one starts the next sentence.)
            let hugging_opener =
                |j: usize| j > i + 1 && tokens[j].kind == TokenKind::Quote(QuoteMark::DoubleLeft);
            let mut j = i + 1;
            while j < tokens.len()
                && !tokens[j].space_before
                && !hugging_opener(j)
                && (matches!(tokens[j].kind, TokenKind::Quote(_))
                    || matches!(tokens[j].text(text).as_bytes(), [b')'] | [b']']))
            {
                j += 1;
            }
            let at_end = j >= tokens.len() || tokens[j].newline_before;
            let next_starts = j < tokens.len()
                && (tokens[j].space_before && starts_sentence(&tokens[j], text)
                    || hugging_opener(j));
            let abbrev = s == "."
                && i > 0
                && !tokens[i].space_before
                && tokens[i - 1].kind == TokenKind::Word
                && is_abbreviation(tokens[i - 1].text(text))
                && !((tokens[i - 1].text(text).chars().count() > 1
                    || dotted_letters(tokens, text, i - 1))
                    && opens_quoted_sentence(tokens, text, j));
            let ellipsis_mid = matches!(s, "..." | "…")
                && j < tokens.len()
                && tokens[j]
                    .text(text)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase);
            if !at_end && next_starts && !abbrev && !ellipsis_mid {
                push(&mut out, start, j);
                start = j;
            }
            i = j;
            continue;
        }
        // `said Sen. Amy Berg, R-N.C. “I ...`: a dotted initialism keeps its
        // final period, and a quotation opening after it starts a sentence.
        if matches!(t.kind, TokenKind::Word)
            && text.as_bytes().get(t.span.end.wrapping_sub(1)) == Some(&b'.')
            && i > start
            && opens_quoted_sentence(tokens, text, i + 1)
        {
            push(&mut out, start, i + 1);
            start = i + 1;
        }
        i += 1;
    }
    push(&mut out, start, tokens.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    fn split(s: &str) -> Vec<&str> {
        let t = tokenize(s);
        sentences(s, &t).iter().map(|x| x.span.slice(s)).collect()
    }

    #[test]
    fn a_quotation_after_an_abbreviation_starts_a_sentence() {
        assert_eq!(
            split(
                "\"No,\" said Sen. Amy Berg, R-N.C. \"I get that.\" Then Berg Jr. “We wait here.”"
            ),
            vec![
                "\"No,\" said Sen. Amy Berg, R-N.C.",
                "\"I get that.\"",
                "Then Berg Jr.",
                "“We wait here.”"
            ]
        );
        // A middle initial before a nickname, and a title before a name, stay.
        assert_eq!(
            split("Thomas P. \"Tip\" Lind spoke to the U.S. \"Harbour Board\" today."),
            vec!["Thomas P. \"Tip\" Lind spoke to the U.S. \"Harbour Board\" today."]
        );
    }

    #[test]
    fn basic_split_and_abbreviations() {
        assert_eq!(
            split("Mr. Smith met Gov. Jones in the U.S. capital. They talked. John F. Kerry left."),
            vec![
                "Mr. Smith met Gov. Jones in the U.S. capital.",
                "They talked.",
                "John F. Kerry left."
            ]
        );
    }

    #[test]
    fn an_opening_mark_hugging_a_closing_one_starts_a_sentence() {
        assert_eq!(
            split("She wrote “it is old.”“We agree,” he said."),
            vec!["She wrote “it is old.”", "“We agree,” he said."]
        );
    }

    #[test]
    fn dotted_initials_are_abbreviations() {
        assert_eq!(
            split("George H.W. Bush met J.K. Rowling. They talked."),
            vec!["George H.W. Bush met J.K. Rowling.", "They talked."]
        );
    }

    #[test]
    fn hyphenated_titles_are_abbreviations_but_party_states_are_not() {
        assert_eq!(
            split("It was led by then-Cmdr. Ada Vance. She left."),
            vec!["It was led by then-Cmdr. Ada Vance.", "She left."]
        );
        assert_eq!(
            split("So said Sen. Jo Marsh, D-Mass. The vote failed."),
            vec!["So said Sen. Jo Marsh, D-Mass.", "The vote failed."]
        );
    }

    #[test]
    fn closing_quote_belongs_to_sentence() {
        assert_eq!(
            split("“We are ready.” He left. She said, “Fine!” Then"),
            vec!["“We are ready.”", "He left.", "She said, “Fine!”", "Then"]
        );
    }

    #[test]
    fn lines_break_sentences() {
        assert_eq!(
            split("Title here\nBody starts. Ends"),
            vec!["Title here", "Body starts.", "Ends"]
        );
    }

    #[test]
    fn run_on_text_is_cut_into_bounded_sentences() {
        let s = "word, ".repeat(2000);
        let t = tokenize(&s);
        let ss = sentences(&s, &t);
        assert!(ss.len() > 1);
        assert!(ss.iter().all(|x| x.tokens.len() <= MAX_SENTENCE_TOKENS));
        // Every token is in exactly one sentence, in order.
        assert_eq!(ss.first().map(|x| x.tokens.start), Some(0));
        assert_eq!(ss.last().map(|x| x.tokens.end), Some(t.len()));
        assert!(ss.windows(2).all(|w| w[0].tokens.end == w[1].tokens.start));
    }

    #[test]
    fn terminal_marks() {
        assert_eq!(
            split("Ab… Bc. Cd... De! Ef? Fg"),
            vec!["Ab…", "Bc.", "Cd...", "De!", "Ef?", "Fg"]
        );
        assert_eq!(split("ab.... Bc"), vec!["ab.... Bc"]);
    }

    #[test]
    fn abbreviations_fit_the_fast_path() {
        assert!(ABBREVIATIONS.iter().all(|a| a.len() <= MAX_ABBREVIATION));
        assert!(ABBREVIATIONS.iter().all(|a| is_listed_abbreviation(a)));
        assert!(!is_listed_abbreviation("mrx") && !is_listed_abbreviation(""));
        assert!(is_abbreviation("Gov") && is_abbreviation("U.S") && is_abbreviation("F"));
        assert!(!is_abbreviation("Govern") && !is_abbreviation("f"));
        // KELVIN SIGN lower-cases to an ASCII `k`.
        assert!(is_abbreviation("\u{212A}y"));
    }

    #[test]
    fn paragraphs_are_trimmed_lines() {
        let s = "  One \n\nTwo\n";
        let p: Vec<&str> = paragraphs(s).iter().map(|x| x.slice(s)).collect();
        assert_eq!(p, vec!["One", "Two"]);
    }
}

/// The sentence or sentences that hold `span`, within its lines: the context a reader needs
/// to see a statement in its article. Never empty when `span` is in `text`.
pub fn sentences_around(text: &str, span: Span) -> Span {
    let mut start = span.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let lines = &text[line_start..line_end];
    let tokens = crate::tokenize(lines);
    let mut out: Option<Span> = None;
    for s in sentences(lines, &tokens) {
        let abs = Span::new(s.span.start + line_start, s.span.end + line_start);
        if abs.end > start && abs.start < end.max(start + 1) {
            out = Some(out.map_or(abs, |o| o.cover(abs)));
        }
    }
    out.unwrap_or(Span::new(start, end))
}

#[cfg(test)]
mod around_tests {
    use super::*;

    #[test]
    fn sentences_around_a_statement() {
        let t = "First line.\nHe came. “We are ready,” she said. Then he left.\nLast.";
        let q = t.find("We are").unwrap();
        let got = sentences_around(t, Span::new(q, q + 12));
        assert_eq!(got.slice(t), "“We are ready,” she said.");
        // A span over two sentences gets both; an empty text gets an empty span.
        let a = t.find("He came").unwrap();
        let b = t.find("she said").unwrap();
        assert_eq!(
            sentences_around(t, Span::new(a, b)).slice(t),
            "He came. “We are ready,” she said."
        );
        assert_eq!(sentences_around("", Span::new(0, 0)), Span::new(0, 0));
        assert_eq!(sentences_around("abc", Span::new(9, 12)), Span::new(3, 3));
    }
}
