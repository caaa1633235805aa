//! Pairs quotation marks into quotations.
//!
//! Handles curly, straight, « », „ “ and doubled-apostrophe marks, mixed marks
//! in one quotation, nested single quotes, apostrophes and inch marks (`6’2”`)
//! that are not marks, and quotations that run over paragraphs (an opening
//! mark at the start of each paragraph, one closing mark at the end).
//! A curly opening mark whose paragraph ends before its closing mark closes
//! there; other unbalanced marks are dropped.

use dictum_text::{QuoteMark, Span, Token, TokenKind};

/// A quotation: from its opening mark to its closing mark, both included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub open: usize,
    pub close: usize,
    pub span: Span,
    /// Marked with double marks (or « », „ “); single-mark quotations at top
    /// level are headline-style quotations.
    pub double: bool,
}

/// The longest quotation that may continue over a paragraph break, in tokens.
const MAX_QUOTE_TOKENS: usize = 2_000;

#[derive(Clone, Copy)]
enum Role {
    Open,
    Close,
    Either,
    None,
}

/// The mark at `i` ends `6’2”` or `5'9"`: a number, a single mark, a number,
/// all attached.
fn inches(toks: &[Token], i: usize) -> bool {
    i >= 3
        && toks[i - 1].kind == TokenKind::Number
        && (i - 2..i).all(|k| !toks[k].space_before && !toks[k].newline_before)
        && matches!(
            toks[i - 2].quote(),
            Some(QuoteMark::SingleRight | QuoteMark::SingleStraight)
        )
        && toks[i - 3].kind == TokenKind::Number
}

fn role(toks: &[Token], i: usize) -> Role {
    let t = &toks[i];
    let attached_next = toks.get(i + 1).is_some_and(|n| !n.space_before);
    let attached_prev = i > 0 && !t.space_before && !t.newline_before;
    match t.quote() {
        // `he’s 6’2”`: feet and inches, not quotation marks.
        Some(QuoteMark::DoubleRight | QuoteMark::DoubleStraight)
            if attached_prev && inches(toks, i) =>
        {
            Role::None
        }
        // `here,“ said Anna Lind`: a left mark typed for a right one at a
        // word's end.
        Some(QuoteMark::DoubleLeft) if attached_prev && !attached_next => Role::Either,
        Some(QuoteMark::DoubleLeft | QuoteMark::DoubleLow | QuoteMark::AngleLeft) => Role::Open,
        Some(QuoteMark::SingleLeft) => {
            if attached_next {
                Role::Open
            } else {
                Role::None
            }
        }
        // `”What is ...”`: a right mark typed for a left one at a word's start
        // (and Swedish or Finnish style, which opens with ”).
        Some(QuoteMark::DoubleRight) if attached_next && !attached_prev => Role::Either,
        Some(QuoteMark::DoubleRight | QuoteMark::AngleRight) => Role::Close,
        Some(QuoteMark::SingleRight) => {
            if attached_prev {
                Role::Close
            } else if attached_next {
                Role::Open
            } else {
                Role::None
            }
        }
        Some(QuoteMark::DoubleStraight) | Some(QuoteMark::SingleStraight) => {
            match (attached_prev, attached_next) {
                (true, false) => Role::Close,
                (false, true) => Role::Open,
                _ => Role::Either,
            }
        }
        None => Role::None,
    }
}

/// The double quotation opened at `o` and still open at `last`, the end of
/// its paragraph, when its closing mark was left out (`Lind said. ¶ “The
/// pier has defied all our plans. ¶ Next paragraph`): a curly or low opening
/// mark (a straight one may be markup), at a paragraph's start or after a
/// space or a mark, over four words or more. PolNeAR's annotators attribute
/// 81 of the 86 quotations left open on its train split.
fn left_open(toks: &[Token], o: usize, last: usize) -> Option<Quote> {
    let clean = toks[o].newline_before
        || o == 0
        || toks[o - 1].span.len() == 1 && toks[o - 1].kind == TokenKind::Punct
        || toks[o].space_before;
    let words = (o..=last)
        .filter(|&k| toks[k].kind == TokenKind::Word)
        .count();
    let curly = matches!(
        toks[o].quote(),
        Some(QuoteMark::DoubleLeft | QuoteMark::DoubleLow | QuoteMark::AngleLeft)
    );
    (curly && clean && words >= 4 && last > o && last - o < 400).then(|| Quote {
        open: o,
        close: last,
        span: Span::new(toks[o].span.start, toks[last].span.end),
        double: true,
    })
}

/// Finds the top-level quotations of a tokenized text, in order. Nested
/// quotations stay inside their parent and are not listed.
pub fn find_quotes(toks: &[Token]) -> Vec<Quote> {
    let mut out = Vec::new();
    // Open double quotation: index of its first opening mark; whether it is „-style.
    let mut open: Option<(usize, bool)> = None;
    // Open single quotation (nested inside `open`, or at top level).
    let mut single: Option<usize> = None;
    // A paragraph break was crossed while `open`; the new paragraph must start
    // with an opening mark to continue the quotation.
    let mut pending_break = false;
    for i in 0..toks.len() {
        let t = &toks[i];
        if t.newline_before {
            single = None;
            if open.is_some() {
                pending_break = true;
            }
        }
        let Some(mark) = t.quote() else {
            if pending_break {
                // Paragraph did not reopen the quotation: a curly opener of
                // a few words closes at the paragraph's end (its closing mark
                // was left out), any other was stray.
                out.extend(open.and_then(|(o, _)| left_open(toks, o, i - 1)));
                open = None;
                pending_break = false;
            }
            continue;
        };
        let r = role(toks, i);
        if mark.is_double() {
            if matches!(r, Role::None) {
                continue;
            }
            if pending_break {
                pending_break = false;
                let opened_cleanly = open.is_some_and(|(o, _)| {
                    toks[o].newline_before
                        || o == 0
                        || matches!(toks[o - 1].span.len(), 1)
                            && toks[o - 1].kind == dictum_text::TokenKind::Punct
                });
                // A quotation runs over a few paragraphs, not a whole page.
                let short_enough = open.is_some_and(|(o, _)| i - o < MAX_QUOTE_TOKENS);
                if matches!(r, Role::Open | Role::Either) && opened_cleanly && short_enough {
                    // Multi-paragraph quotation continues.
                    continue;
                }
                open = None;
            }
            match open {
                None => {
                    if matches!(r, Role::Open | Role::Either) {
                        open = Some((i, mark == QuoteMark::DoubleLow));
                        single = None;
                    }
                }
                Some((start, low)) => {
                    let closes = match r {
                        Role::Close | Role::Either => true,
                        // „...“: the left mark closes a low-opened quotation.
                        Role::Open => low && mark == QuoteMark::DoubleLeft,
                        Role::None => false,
                    };
                    if closes {
                        out.push(Quote {
                            open: start,
                            close: i,
                            span: Span::new(toks[start].span.start, t.span.end),
                            double: true,
                        });
                        open = None;
                        single = None;
                    } else {
                        // A second opener in the same paragraph: the first was stray.
                        open = Some((i, mark == QuoteMark::DoubleLow));
                        single = None;
                    }
                }
            }
        } else {
            if pending_break {
                open = None;
                pending_break = false;
            }
            let close_single = |s: usize, out: &mut Vec<Quote>| {
                if open.is_none() {
                    out.push(Quote {
                        open: s,
                        close: i,
                        span: Span::new(toks[s].span.start, t.span.end),
                        double: false,
                    });
                }
            };
            match r {
                Role::Open => {
                    if single.is_none() {
                        single = Some(i);
                    }
                }
                Role::Close => {
                    if let Some(s) = single.take() {
                        close_single(s, &mut out);
                    }
                }
                Role::Either => {
                    if let Some(s) = single.take() {
                        close_single(s, &mut out);
                    } else if t.space_before || i == 0 {
                        single = Some(i);
                    }
                }
                Role::None => {}
            }
        }
    }
    // (The same at the end of the text.)
    out.extend(open.and_then(|(o, _)| left_open(toks, o, toks.len() - 1)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use dictum_text::tokenize;

    fn quotes(s: &str) -> Vec<&str> {
        let t = tokenize(s);
        find_quotes(&t).iter().map(|q| q.span.slice(s)).collect()
    }

    #[test]
    fn curly_and_straight() {
        assert_eq!(
            quotes(r#"“We can’t,” he said. "Fine," she said."#),
            vec!["“We can’t,”", r#""Fine,""#]
        );
    }

    #[test]
    fn mixed_marks_close_each_other() {
        assert_eq!(
            quotes("He said “it is over.\" Then"),
            vec!["“it is over.\""]
        );
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        assert_eq!(
            quotes("“They said ‘no way,’ and left,” she said."),
            vec!["“They said ‘no way,’ and left,”"]
        );
    }

    #[test]
    fn headline_single_quotes_and_possessives() {
        assert_eq!(
            quotes("Minister ‘ready to talk,’ voters’ anger grows"),
            vec!["‘ready to talk,’"]
        );
    }

    #[test]
    fn guillemets_and_low_high() {
        assert_eq!(
            quotes("Il a dit «non» et „ja“ dann."),
            vec!["«non»", "„ja“"]
        );
    }

    #[test]
    fn multi_paragraph() {
        let s = "“First part.\n“Second part,” he said.";
        assert_eq!(quotes(s), vec![s.strip_suffix(" he said.").unwrap()]);
    }

    #[test]
    fn right_mark_typed_as_an_opener() {
        assert_eq!(
            quotes("Intro.\n”We will rebuild the pier,” Lind wrote."),
            vec!["”We will rebuild the pier,”"]
        );
        assert_eq!(quotes("Han sa ”nej” igen."), vec!["”nej”"]);
    }

    #[test]
    fn left_mark_typed_as_a_closer() {
        assert_eq!(
            quotes("“The pier will reopen in May,“ said Lind."),
            vec!["“The pier will reopen in May,“"]
        );
        // Still an opener where a word follows it.
        assert_eq!(
            quotes("He said,“never.” Then “again”"),
            vec!["“never.”", "“again”"]
        );
    }

    #[test]
    fn feet_and_inches_are_no_marks() {
        assert_eq!(
            quotes("“He is like 6’2”, and I am 5'9\",” Berg said. “Fine.”"),
            vec!["“He is like 6’2”, and I am 5'9\",”", "“Fine.”"]
        );
    }

    #[test]
    fn a_curly_opener_left_open_closes_at_its_paragraph_end() {
        assert_eq!(
            quotes("Lind said.\n“The pier has defied all our plans.\nNext paragraph here."),
            vec!["“The pier has defied all our plans."]
        );
        assert_eq!(
            quotes("Lind said.\n“The pier has defied all our plans."),
            vec!["“The pier has defied all our plans."]
        );
        // A straight mark may be markup: still dropped.
        assert_eq!(
            quotes("Lind said.\n\"The pier has defied all our plans.\nNext paragraph here."),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn stray_opener_is_dropped() {
        assert_eq!(
            quotes("He said “never.\nNext paragraph here."),
            Vec::<&str>::new()
        );
        assert_eq!(
            quotes("A “stray one and “a real one” here"),
            vec!["“a real one”"]
        );
    }
}
