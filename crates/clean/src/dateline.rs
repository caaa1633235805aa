//! Datelines: the place, date and agency news copy opens with.
//!
//! Recognised shapes (each at the start of a paragraph):
//!
//! - `MOSCOW, May 18. /TASS/.` — place in capitals, date, agency between slashes;
//! - `(Interfax – Moscow, May 17, 2021)` — agency, place and date in brackets;
//! - `WASHINGTON (Reuters) -`, `LONDON, March 3 (AFP) —` — agency in brackets;
//! - `KYIV, May 18 —`, `BERLIN —` — place (and date) before a dash;
//!
//! and at the end of a title: `..., Moscow, February 10, 2022`.

use regex::Regex;

use crate::date::{written_date_pattern, DateParser, Ymd};

/// What a dateline gives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Dateline {
    pub place: Option<String>,
    pub agency: Option<String>,
    pub date: Option<Ymd>,
}

#[derive(Debug, Clone)]
pub(crate) struct DatelineParser {
    slash_agency: Regex,
    bracketed: Regex,
    agency_in_brackets: Regex,
    caps_dash: Regex,
    title_end: Regex,
}

/// A place name in capitals: "MOSCOW", "NEW YORK", "ROSTOV-ON-DON", "U.S.".
const CAPS_PLACE: &str = r"\p{Lu}[\p{Lu}'’.\-]+(?:[ \t]\p{Lu}[\p{Lu}'’.\-]+){0,3}";
/// A capitalised place name: "Moscow", "New York", "Rostov-on-Don".
const PLACE: &str = r"\p{Lu}[\p{L}'’.\-]+(?:[ \t]\p{Lu}[\p{L}'’.\-]+){0,3}";
/// An agency name: "TASS", "Interfax", "RIA Novosti", "AP".
const AGENCY: &str = r"\p{Lu}[\p{L}.&\-]*(?:[ \t][\p{L}.&\-]+){0,3}";
/// A region after the place: "KYIV, Ukraine," or "SPRINGFIELD, Ill.,".
const REGION: &str = r"\p{Lu}[\p{L}.]*(?:[ \t]\p{Lu}[\p{L}.]*){0,2}";
const DASH: &str = r"[-–—]";

impl DatelineParser {
    pub(crate) fn new() -> Self {
        let date = written_date_pattern();
        let re = |s: String| Regex::new(&s).expect("dateline regex");
        DatelineParser {
            slash_agency: re(format!(
                r"^\s*(?P<place>{CAPS_PLACE})(?:,[ \t]*{REGION})?,[ \t]*(?P<date>{date})\.?[ \t]*/(?P<agency>{AGENCY})/"
            )),
            bracketed: re(format!(
                r"^\s*\([ \t]*(?P<agency>{AGENCY})[ \t]*(?:{DASH}|,)[ \t]*(?P<place>{PLACE})(?:,[ \t]*(?P<date>{date}))?[ \t]*\)"
            )),
            agency_in_brackets: re(format!(
                r"^\s*(?P<place>{CAPS_PLACE})(?:,[ \t]*{REGION})?(?:,[ \t]*(?P<date>{date}))?[ \t]*\((?P<agency>{AGENCY})\)[ \t]*(?:{DASH}|:)"
            )),
            caps_dash: re(format!(
                r"^\s*(?P<place>{CAPS_PLACE})(?:,[ \t]*{REGION})?(?:,[ \t]*(?P<date>{date}))?\.?[ \t]*{DASH}[ \t]"
            )),
            title_end: re(format!(
                r",[ \t]*(?:(?P<place>{PLACE}),[ \t]*)?(?P<date>{date})[ \t]*$"
            )),
        }
    }

    /// The dateline opening `line`, if any.
    pub(crate) fn parse_line(&self, line: &str, dates: &DateParser) -> Option<Dateline> {
        let head = prefix(line, 200);
        for re in [
            &self.slash_agency,
            &self.bracketed,
            &self.agency_in_brackets,
            &self.caps_dash,
        ] {
            if let Some(c) = re.captures(head) {
                let place = c.name("place").map(|m| normalize_place(m.as_str()));
                let agency = c
                    .name("agency")
                    .map(|m| m.as_str().trim().trim_end_matches('.').to_string());
                let date = c
                    .name("date")
                    .and_then(|m| dates.find_written(m.as_str()))
                    .map(|(d, _, _)| d);
                // A bare "WORD —" is a dateline only when the word is a
                // plausible place, not an acronym in a sentence.
                if agency.is_none() && date.is_none() {
                    let p = c.name("place").map_or("", |m| m.as_str());
                    if p.chars().filter(|c| c.is_alphabetic()).count() < 4 {
                        continue;
                    }
                }
                return Some(Dateline {
                    place,
                    agency,
                    date,
                });
            }
        }
        // A source note in brackets ending with a place and a date:
        // "(Translated from a Harlen weekly, Lidsk, April 20, 2023)".
        let t = line.trim();
        if let Some(inner) = t.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
            if inner.len() <= 300 && !inner.contains(['(', ')']) {
                return self.parse_title(inner, dates);
            }
        }
        None
    }

    /// A place and date ending a title: "..., Moscow, February 10, 2022".
    pub(crate) fn parse_title(&self, title: &str, dates: &DateParser) -> Option<Dateline> {
        let c = self.title_end.captures(title)?;
        let date = dates.find_written(c.name("date")?.as_str())?.0;
        Some(Dateline {
            place: c.name("place").map(|m| normalize_place(m.as_str())),
            agency: None,
            date: Some(date),
        })
    }
}

/// At most `max` bytes of `s`, cut on a char boundary.
fn prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

const LOWER_PLACE_WORDS: &[&str] = &[
    "on", "upon", "de", "del", "la", "le", "du", "da", "do", "dos", "das", "am", "an", "im", "sur",
    "al", "el", "of",
];

/// "MOSCOW" → "Moscow", "NEW YORK" → "New York", "ROSTOV-ON-DON" →
/// "Rostov-on-Don"; a name already in mixed case is kept.
pub(crate) fn normalize_place(s: &str) -> String {
    let s = s.trim().trim_end_matches(',');
    if s.chars().any(|c| c.is_lowercase()) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut word_index = 0;
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String, index: usize| {
        if word.is_empty() {
            return;
        }
        let lower = word.to_lowercase();
        if index > 0 && LOWER_PLACE_WORDS.contains(&lower.as_str()) {
            out.push_str(&lower);
        } else {
            let mut chars = lower.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        }
        word.clear();
    };
    for c in s.chars() {
        if c.is_alphabetic() || c == '\'' || c == '’' || c == '.' {
            word.push(c);
        } else {
            flush(&mut word, &mut out, word_index);
            word_index += 1;
            out.push(c);
        }
    }
    flush(&mut word, &mut out, word_index);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Option<(Option<String>, Option<String>, Option<String>)> {
        let dates = DateParser::new();
        DatelineParser::new().parse_line(line, &dates).map(|d| {
            (
                d.place,
                d.agency,
                d.date
                    .map(|d| d.with_source(crate::date::DateSource::Dateline).to_string()),
            )
        })
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn slash_agency() {
        assert_eq!(
            parse("LIDSK, March 4. /EWA/. The ministry said on Friday..."),
            Some((s("Lidsk"), s("EWA"), s("--03-04")))
        );
        assert_eq!(
            parse("NIZHNY NOVGOROD, June 30, 2023. /NNA/. Text"),
            Some((s("Nizhny Novgorod"), s("NNA"), s("2023-06-30")))
        );
    }

    #[test]
    fn bracketed_agency_place_date() {
        assert_eq!(
            parse("(Nordpress – Harlen, April 2, 2024)"),
            Some((s("Harlen"), s("Nordpress"), s("2024-04-02")))
        );
        assert_eq!(
            parse("(Nordpress - Harlen)"),
            Some((s("Harlen"), s("Nordpress"), None))
        );
    }

    #[test]
    fn agency_in_brackets() {
        assert_eq!(
            parse("HARLEN (Nordpress) - The port authority..."),
            Some((s("Harlen"), s("Nordpress"), None))
        );
        assert_eq!(
            parse("PORT VALE, Varenia, 12 March 2020 (EWA) — Officials..."),
            Some((s("Port Vale"), s("EWA"), s("2020-03-12")))
        );
    }

    #[test]
    fn caps_and_dash() {
        assert_eq!(
            parse("ROSTOV-ON-DON, Sept. 9 — The mayor..."),
            Some((s("Rostov-on-Don"), None, s("--09-09")))
        );
        assert_eq!(
            parse("LIDSK — The mayor said"),
            Some((s("Lidsk"), None, None))
        );
        // An acronym opening a sentence is not a place.
        assert_eq!(parse("EU — a union of states"), None);
    }

    #[test]
    fn source_notes() {
        assert_eq!(
            parse("(Translated from a Harlen weekly, Lidsk, April 20, 2023)"),
            Some((s("Lidsk"), None, s("2023-04-20")))
        );
        assert_eq!(
            parse("(Originally published in the Harlen Courier, 3 May 2022)"),
            Some((None, None, s("2022-05-03")))
        );
        assert_eq!(parse("(He later denied it, on May 3.)"), None);
    }

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        assert_eq!(parse("The minister said on May 18 that..."), None);
        assert_eq!(parse("Moscow, May 18 — the talks..."), None);
        assert_eq!(parse(""), None);
    }

    #[test]
    fn title_end() {
        let dates = DateParser::new();
        let p = DatelineParser::new();
        let d = p
            .parse_title(
                "Minister Dvorak’s remarks at the opening of the bridge, Lidsk, March 4, 2023",
                &dates,
            )
            .unwrap();
        assert_eq!(d.place.as_deref(), Some("Lidsk"));
        assert_eq!(
            d.date.map(|d| (d.year, d.month, d.day)),
            Some((Some(2023), 3, 4))
        );
        assert!(p.parse_title("A title without a date", &dates).is_none());
    }

    #[test]
    fn places() {
        assert_eq!(normalize_place("MOSCOW"), "Moscow");
        assert_eq!(normalize_place("NEW YORK"), "New York");
        assert_eq!(normalize_place("ST. PETERSBURG"), "St. Petersburg");
        assert_eq!(normalize_place("Moscow"), "Moscow");
    }
}
