//! Publication dates with their precision and provenance.
//!
//! A [`Date`] always has a month and a day; the year is optional because a
//! dateline like "MOSCOW, May 18." does not give one, and dictum never guesses
//! it. Parsing is by hand-written patterns: ISO 8601, RFC 2822 (HTTP, WARC,
//! RSS), and written-out dates in English ("May 17, 2021", "17 May 2021",
//! "Sept. 3") and Russian ("17 мая 2021 года").

use std::fmt;

use regex::Regex;

/// Where a publication date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateSource {
    /// The reader's metadata (JSON field) or the page's (`article:published_time`, JSON-LD).
    Metadata,
    /// The dateline at the start of the text ("MOSCOW, May 18. /TASS/.").
    Dateline,
    /// The end of the title ("..., Moscow, February 10, 2022").
    Title,
    /// The date the page was crawled (WARC-Date): an upper bound, not a publication date.
    CrawlDate,
}

impl DateSource {
    /// The source from its name: `as_str`'s, or the lowercase name `dictum extract` writes
    /// in `published_from` (`crawldate`).
    pub fn from_name(s: &str) -> Option<DateSource> {
        match s {
            "metadata" => Some(DateSource::Metadata),
            "dateline" => Some(DateSource::Dateline),
            "title" => Some(DateSource::Title),
            "crawl_date" | "crawldate" => Some(DateSource::CrawlDate),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Metadata => "metadata",
            DateSource::Dateline => "dateline",
            DateSource::Title => "title",
            DateSource::CrawlDate => "crawl_date",
        }
    }
}

/// A calendar day, possibly without its year.
///
/// `Display` gives ISO 8601: `2021-05-17`, or `--05-18` when the year is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    pub year: Option<i32>,
    pub month: u8,
    pub day: u8,
    pub source: DateSource,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(y) => write!(f, "{y:04}-{:02}-{:02}", self.month, self.day),
            None => write!(f, "--{:02}-{:02}", self.month, self.day),
        }
    }
}

impl Date {
    /// The date as `Display` writes it (`2021-05-17`, `--05-18`), back; `None` for anything
    /// else.
    pub fn from_iso(s: &str, source: DateSource) -> Option<Date> {
        let num = |t: &str| -> Option<u32> {
            (!t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
                .then(|| t.parse().ok())
                .flatten()
        };
        let (year, rest) = match s.strip_prefix("--") {
            Some(rest) => (None, rest),
            None => {
                let (y, rest) = s.split_once('-')?;
                (
                    Some(i32::try_from(num(y).filter(|_| y.len() == 4)?).ok()?),
                    rest,
                )
            }
        };
        let (m, d) = rest.split_once('-')?;
        let (month, day) = (
            num(m).filter(|_| m.len() == 2)?,
            num(d).filter(|_| d.len() == 2)?,
        );
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Date {
            year,
            month: month as u8,
            day: day as u8,
            source,
        })
    }
}

/// Year, month and day as parsed, before a source is attached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ymd {
    pub year: Option<i32>,
    pub month: u8,
    pub day: u8,
}

impl Ymd {
    pub(crate) fn with_source(self, source: DateSource) -> Date {
        Date {
            year: self.year,
            month: self.month,
            day: self.day,
            source,
        }
    }
}

const EN_MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Russian month names in the genitive ("17 мая"), the form dates use.
const RU_MONTHS: &[(&str, u8)] = &[
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
];

/// Regex source for one month name, English or Russian (case-insensitive
/// flag set by the caller).
pub(crate) const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)";

/// Regex source for a written-out date: "May 17, 2021", "May 18", "17 May 2021",
/// "Feb. 10", "17 мая 2021 года". No capture groups of its own.
pub(crate) fn written_date_pattern() -> String {
    format!(
        r"(?:(?i:{m})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{m})\.?(?:,?\s+\d{{4}})?(?:\s+г(?:ода|\.))?)",
        m = MONTH
    )
}

fn month_number(name: &str) -> Option<u8> {
    let lower = name.trim_end_matches('.').to_lowercase();
    EN_MONTHS
        .iter()
        .chain(RU_MONTHS)
        .find(|(n, _)| *n == lower)
        .map(|&(_, m)| m)
}

fn days_in_month(year: Option<i32>, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

/// A valid day, or `None`. Years outside 1800..=2200 are not publication dates.
pub(crate) fn ymd(year: Option<i32>, month: u32, day: u32) -> Option<Ymd> {
    if let Some(y) = year {
        if !(1800..=2200).contains(&y) {
            return None;
        }
    }
    let month = u8::try_from(month).ok()?;
    let day = u8::try_from(day).ok()?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    Some(Ymd { year, month, day })
}

/// Compiled date patterns, built once per [`crate::Cleaner`].
#[derive(Debug, Clone)]
pub(crate) struct DateParser {
    iso: Regex,
    written: Regex,
    dotted: Regex,
}

impl DateParser {
    pub(crate) fn new() -> Self {
        let m = MONTH;
        DateParser {
            // 2021-05-17, 2021-05-17T10:00:00Z, 2021/05/17, 20210517
            iso: Regex::new(r"^\s*(\d{4})(?:([-/.])(\d{1,2})([-/.])(\d{1,2})|(\d{2})(\d{2}))(?:$|[T\s_]|[^\d])")
                .expect("iso date regex"),
            written: Regex::new(&format!(
                r"(?i)\b(?:(?P<m1>{m})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{m})\.?(?:,?\s+(?P<y2>\d{{4}}))?)(?:\b|$)"
            ))
            .expect("written date regex"),
            // 17.05.2021 (day first, as in Russian and German texts)
            dotted: Regex::new(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b").expect("dotted date regex"),
        }
    }

    /// A date from a metadata field: ISO 8601 (`2021-05-17T10:00:00+03:00`),
    /// RFC 2822 (`Mon, 17 May 2021 10:00:00 GMT`), or a written-out date.
    pub(crate) fn parse_metadata(&self, s: &str) -> Option<Ymd> {
        let s = s.trim();
        if s.is_empty() || s.len() > 200 {
            return None;
        }
        if let Some(c) = self.iso.captures(s) {
            let year = c.get(1)?.as_str().parse().ok();
            let (m, d) = match (c.get(3), c.get(5), c.get(6), c.get(7)) {
                (Some(m), Some(d), _, _) => {
                    // The two separators must agree: 2021-05-17, not 2021-05/17.
                    if c.get(2).map(|x| x.as_str()) != c.get(4).map(|x| x.as_str()) {
                        return None;
                    }
                    (m.as_str(), d.as_str())
                }
                (_, _, Some(m), Some(d)) => (m.as_str(), d.as_str()),
                _ => return None,
            };
            return ymd(year, m.parse().ok()?, d.parse().ok()?);
        }
        self.find_written(s)
            .map(|(date, _, _)| date)
            .or_else(|| self.find_dotted(s))
    }

    /// The first written-out date in `s`, with its byte range.
    pub(crate) fn find_written(&self, s: &str) -> Option<(Ymd, usize, usize)> {
        for c in self.written.captures_iter(s) {
            let whole = c.get(0)?;
            let (m, d, y) = if let Some(m) = c.name("m1") {
                (m, c.name("d1")?, c.name("y1"))
            } else {
                (c.name("m2")?, c.name("d2")?, c.name("y2"))
            };
            let Some(month) = month_number(m.as_str()) else {
                continue;
            };
            let year = match y {
                Some(y) => match y.as_str().parse() {
                    Ok(y) => Some(y),
                    Err(_) => continue,
                },
                None => None,
            };
            let Ok(day) = d.as_str().parse() else {
                continue;
            };
            if let Some(date) = ymd(year, u32::from(month), day) {
                return Some((date, whole.start(), whole.end()));
            }
        }
        None
    }

    fn find_dotted(&self, s: &str) -> Option<Ymd> {
        let c = self.dotted.captures(s)?;
        ymd(
            c.get(3)?.as_str().parse().ok(),
            c.get(2)?.as_str().parse().ok()?,
            c.get(1)?.as_str().parse().ok()?,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(s: &str) -> Option<String> {
        DateParser::new()
            .parse_metadata(s)
            .map(|d| d.with_source(DateSource::Metadata).to_string())
    }

    #[test]
    fn iso_display_reads_back() {
        for s in ["2021-05-07", "--05-18", "1999-12-31"] {
            let d = Date::from_iso(s, DateSource::Dateline).unwrap();
            assert_eq!(
                (d.to_string().as_str(), d.source),
                (s, DateSource::Dateline)
            );
        }
        for bad in [
            "2021-5-07",
            "2021-13-01",
            "21-05-07",
            "2021-05",
            "",
            "--",
            "2021-05-0x",
        ] {
            assert_eq!(Date::from_iso(bad, DateSource::Metadata), None, "{bad}");
        }
        assert_eq!(
            DateSource::from_name("crawldate"),
            Some(DateSource::CrawlDate)
        );
        assert_eq!(DateSource::from_name("nowhere"), None);
    }

    #[test]
    fn display_is_iso_8601() {
        let d = Date {
            year: Some(2021),
            month: 5,
            day: 7,
            source: DateSource::Metadata,
        };
        assert_eq!(d.to_string(), "2021-05-07");
        let d = Date { year: None, ..d };
        assert_eq!(d.to_string(), "--05-07");
    }

    #[test]
    fn metadata_formats() {
        assert_eq!(meta("2021-05-17").as_deref(), Some("2021-05-17"));
        assert_eq!(
            meta("2021-05-17T22:10:00+03:00").as_deref(),
            Some("2021-05-17")
        );
        assert_eq!(meta("2021-05-17 08:00").as_deref(), Some("2021-05-17"));
        assert_eq!(meta("20210517").as_deref(), Some("2021-05-17"));
        assert_eq!(meta("2021/5/7").as_deref(), Some("2021-05-07"));
        assert_eq!(
            meta("Mon, 17 May 2021 10:00:00 GMT").as_deref(),
            Some("2021-05-17")
        );
        assert_eq!(meta("May 17, 2021").as_deref(), Some("2021-05-17"));
        assert_eq!(meta("17.05.2021").as_deref(), Some("2021-05-17"));
        assert_eq!(meta("17 мая 2021 года").as_deref(), Some("2021-05-17"));
    }

    #[test]
    fn no_year_is_invented() {
        assert_eq!(meta("May 18").as_deref(), Some("--05-18"));
        assert_eq!(meta("Sept. 3").as_deref(), Some("--09-03"));
    }

    #[test]
    fn invalid_dates_are_refused() {
        assert_eq!(meta(""), None);
        assert_eq!(meta("2021-02-30"), None);
        assert_eq!(meta("2021-13-01"), None);
        assert_eq!(meta("0001-01-01"), None);
        assert_eq!(meta("2021-05/17"), None);
        assert_eq!(meta("February 29, 2021"), None);
        assert_eq!(meta("February 29, 2020").as_deref(), Some("2020-02-29"));
        assert_eq!(meta("yesterday"), None);
        assert_eq!(meta("2021"), None);
    }
}
