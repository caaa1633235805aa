//! One person across articles: folded name keys and how two names relate.
//!
//! A name as an article gives it ("Sergey Lavrov", "S.V. Lavrov", "Lavrov",
//! "Russia's Foreign Ministry") is [parsed](parse) into folded given names and
//! a folded surname, and marked as a person or not. Folding makes
//! transliteration, diacritic, case and punctuation variants equal:
//!
//! 1. lowercase, diacritics stripped (Latin-1 and Latin Extended-A), punctuation
//!    dropped, an apostrophe inside a word dropped ("O’Malley" → "omalley");
//! 2. per word, in this order: a leading "ye" becomes "e" (Yevgeny/Evgeny,
//!    Yeltsin/Eltsin); every "y" becomes "i" (Sergey/Sergei, Dmitry/Dmitri,
//!    Volodymyr/Volodimir); "x" becomes "ks" (Alexei/Aleksei); a final "ej"
//!    becomes "ei" (Andrej/Andrei); a final "ii" (from "iy", "yy", "ii")
//!    becomes "i" (Zelenskiy/Zelenskyy/Zelensky); "aleksander" becomes
//!    "aleksandr" (Alexander/Aleksandr).
//!
//! "kh"/"h" is not folded (Khan and Han are different names), nor are endings
//! ("Petrov"/"Petrova", "Ivan"/"Ivana"). The price of folding "y" to "i" is that
//! a few English spellings meet ("Kelly"/"Kelli"): the key is a candidate for
//! identity, and [`compare`] is the decision a caller combines with context.

use crate::fold::{folded_words, is_apostrophe, push_folded};

/// A parsed person or organisation name as an article gives it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PersonName {
    /// Folded given names in order, possibly initials ("s" for "S.").
    pub given: Vec<String>,
    /// The folded surname, with its particles ("van beethoven"); for an
    /// organisation, its last word.
    pub surname: String,
    /// Is this a person (rather than an organisation, place or group)?
    pub is_person: bool,
}

impl PersonName {
    /// The folded key of this name (see [`key`]).
    pub fn key(&self) -> String {
        let mut k = self.given.join(" ");
        if !k.is_empty() && !self.surname.is_empty() {
            k.push(' ');
        }
        k.push_str(&self.surname);
        k
    }

    /// Number of given names that are initials.
    fn initials(&self) -> usize {
        self.given.iter().filter(|g| is_initial(g)).count()
    }
}

/// How two names relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Match {
    /// The same folded key.
    Same,
    /// One is a less specific form of the other: surname only, initials
    /// ("S. Lavrov", "S.V. Lavrov", "Lavrov" vs "Sergey Lavrov"), or a missing
    /// middle name ("George Bush" vs "George W. Bush").
    Compatible,
    /// Not the same person (or organisation) as far as the names tell.
    Different,
}

/// Words that make a name an organisation, place or group.
const ORG_WORDS: &[&str] = &[
    "ministry",
    "ministries",
    "kremlin",
    "house",
    "office",
    "department",
    "government",
    "council",
    "party",
    "committee",
    "agency",
    "officials",
    "official",
    "police",
    "court",
    "union",
    "parliament",
    "army",
    "navy",
    "force",
    "forces",
    "administration",
    "campaign",
    "company",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "llc",
    "bank",
    "group",
    "association",
    "institute",
    "university",
    "college",
    "school",
    "foundation",
    "commission",
    "senate",
    "congress",
    "assembly",
    "duma",
    "cabinet",
    "bureau",
    "service",
    "services",
    "authority",
    "authorities",
    "organisation",
    "organization",
    "network",
    "news",
    "times",
    "post",
    "press",
    "media",
    "television",
    "radio",
    "newspaper",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "staff",
    "embassy",
    "state",
    "states",
    "republic",
    "kingdom",
    "federation",
    "nations",
    "board",
    "center",
    "centre",
    "fund",
    "club",
    "team",
    "league",
    "church",
    "hospital",
    "airport",
    "city",
    "county",
    "province",
    "region",
    "ministers",
    "leaders",
    "sources",
    "source",
    "people",
    "democrats",
    "republicans",
    "coalition",
    "movement",
    "front",
    "alliance",
    "guard",
    "command",
    "headquarters",
    "secretariat",
    "tribunal",
    "prosecutors",
    "prosecutor's",
    "investigators",
    "residents",
    "witnesses",
    "experts",
    "analysts",
    "diplomats",
    "lawmakers",
    "voters",
    "members",
];

/// Single words that are places or organisations, never a person's surname.
const PLACE_ORG: &[&str] = &[
    "kremlin",
    "washington",
    "moscow",
    "kyiv",
    "kiev",
    "beijing",
    "london",
    "paris",
    "berlin",
    "brussels",
    "tokyo",
    "tehran",
    "ankara",
    "jerusalem",
    "damascus",
    "baghdad",
    "kabul",
    "pyongyang",
    "seoul",
    "delhi",
    "islamabad",
    "cairo",
    "minsk",
    "warsaw",
    "rome",
    "madrid",
    "geneva",
    "vienna",
    "ottawa",
    "canberra",
    "russia",
    "ukraine",
    "china",
    "america",
    "usa",
    "us",
    "uk",
    "eu",
    "un",
    "nato",
    "iran",
    "iraq",
    "syria",
    "israel",
    "turkey",
    "germany",
    "france",
    "britain",
    "japan",
    "india",
    "pakistan",
    "afghanistan",
    "egypt",
    "europe",
    "asia",
    "africa",
    "belarus",
    "poland",
    "italy",
    "spain",
    "canada",
    "australia",
    "mexico",
    "brazil",
    "reuters",
    "ap",
    "afp",
    "tass",
    "interfax",
    "ria",
    "bloomberg",
    "cnn",
    "bbc",
    "fox",
    "msnbc",
    "nbc",
    "cbs",
    "abc",
    "pentagon",
    "whitehall",
    "westminster",
    "congress",
    "senate",
    "parliament",
    "government",
    "ministry",
    "police",
    "officials",
    "hamas",
    "hezbollah",
    "taliban",
    "gazprom",
    "rosneft",
    "google",
    "facebook",
    "twitter",
    "apple",
    "microsoft",
    "amazon",
    "fbi",
    "cia",
    "nsa",
    "kgb",
    "fsb",
    "who",
    "imf",
    "opec",
];

/// Honorifics dropped before the name ("Mr. Lavrov").
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "mx"];

/// Suffixes dropped after the name ("Martin Luther King Jr.").
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"];

/// Lowercase particles that belong to the surname ("Ludwig van Beethoven").
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "dos", "das", "le", "la",
    "al", "el", "bin", "ibn", "ben", "ter", "ten", "y", "e",
];

/// Longest name we treat as a name at all (bytes); longer input is not a person.
const MAX_PERSON_BYTES: usize = 120;

/// One word of a name as written.
#[derive(Debug)]
struct Word {
    /// Folded (case and diacritics), before transliteration folding.
    plain: String,
    /// After transliteration folding.
    folded: String,
    /// First letter is uppercase, or the script has no case.
    capitalised: bool,
    /// All cased letters are uppercase and there are at least two letters.
    all_caps: bool,
}

/// Transliteration folding of one already case- and diacritic-folded word.
pub fn fold_word(w: &str) -> String {
    let mut s = String::with_capacity(w.len() + 2);
    let base = match w.strip_prefix("ye") {
        Some(rest) if !rest.is_empty() => {
            s.push('e');
            rest
        }
        _ => w,
    };
    for c in base.chars() {
        match c {
            'y' => s.push('i'),
            'x' => s.push_str("ks"),
            _ => s.push(c),
        }
    }
    if s.len() > 2 && s.ends_with("ej") {
        s.pop();
        s.push('i');
    }
    while s.len() > 2 && s.ends_with("ii") {
        s.pop();
    }
    if s == "aleksander" {
        s.truncate(s.len() - 2);
        s.push('r');
    }
    s
}

fn is_initial(w: &str) -> bool {
    w.chars().count() == 1
}

/// Splits a written name into words: whitespace and dots separate ("S.V."),
/// hyphens and inner apostrophes join ("Jean-Claude", "O’Malley"), a
/// possessive "'s" is dropped, other punctuation is dropped.
fn split(name: &str) -> Vec<Word> {
    let mut words = Vec::new();
    for raw in name.split(|c: char| c.is_whitespace() || c == '.' || c == ',') {
        // Possessive: "Russia's" → "Russia".
        let trimmed = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let base = trimmed
            .char_indices()
            .rev()
            .nth(1)
            .filter(|&(_, c)| is_apostrophe(c))
            .filter(|_| trimmed.ends_with(['s', 'S']))
            .map_or(trimmed, |(i, _)| &trimmed[..i]);
        let mut plain = String::new();
        for c in base.chars() {
            if c.is_alphanumeric() {
                push_folded(c, &mut plain);
            }
        }
        if plain.is_empty() {
            continue;
        }
        let first = base.chars().find(|c| c.is_alphanumeric());
        let capitalised = first.is_some_and(|c| c.is_uppercase() || !c.is_lowercase());
        let letters = base.chars().filter(|c| c.is_alphabetic()).count();
        let all_caps = letters >= 2
            && base.chars().any(char::is_uppercase)
            && !base.chars().any(char::is_lowercase);
        words.push(Word {
            folded: fold_word(&plain),
            plain,
            capitalised,
            all_caps,
        });
    }
    words
}

/// Parses a name as an article gives it. `None` for empty input or input with
/// no letters.
///
/// A person is one to four capitalised words (plus lowercase surname particles,
/// honorifics and suffixes) with no digits and no organisation word; "the …",
/// a known place or organisation as a single word, and a single all-capitals
/// word of up to five letters (an acronym) are not persons. Words of a
/// non-person name are kept as given names and last word, so that two
/// organisations compare by their full key.
pub fn parse(name: &str) -> Option<PersonName> {
    if !name.chars().any(char::is_alphabetic) {
        return None;
    }
    let mut words = split(name);
    let starts_with_the = words.first().is_some_and(|w| w.plain == "the");
    if starts_with_the {
        words.remove(0);
    }
    while words.len() > 1
        && words
            .first()
            .is_some_and(|w| HONORIFICS.contains(&w.plain.as_str()))
    {
        words.remove(0);
    }
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| SUFFIXES.contains(&w.plain.as_str()))
    {
        words.pop();
    }
    if words.is_empty() {
        return None;
    }
    let core: Vec<&Word> = words
        .iter()
        .filter(|w| w.capitalised || !PARTICLES.contains(&w.plain.as_str()))
        .collect();
    let is_person = !starts_with_the
        && name.len() <= MAX_PERSON_BYTES
        && (1..=4).contains(&core.len())
        && words.len() <= 6
        && core.iter().all(|w| w.capitalised)
        && !words
            .iter()
            .any(|w| w.plain.chars().any(|c| c.is_ascii_digit()))
        && !words.iter().any(|w| ORG_WORDS.contains(&w.plain.as_str()))
        && !(core.len() == 1
            && (PLACE_ORG.contains(&core[0].plain.as_str())
                || (core[0].all_caps && core[0].plain.chars().count() <= 5)));
    if !is_person {
        let mut given: Vec<String> = words.iter().map(|w| w.folded.clone()).collect();
        let surname = given.pop().unwrap_or_default();
        return Some(PersonName {
            given,
            surname,
            is_person: false,
        });
    }
    // Surname: the last word with the lowercase particles right before it.
    let mut start = words.len() - 1;
    while start > 0 {
        let w = &words[start - 1];
        if PARTICLES.contains(&w.plain.as_str()) && !w.capitalised {
            start -= 1;
        } else {
            break;
        }
    }
    let surname = words[start..]
        .iter()
        .map(|w| w.folded.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let given = words[..start].iter().map(|w| w.folded.clone()).collect();
    Some(PersonName {
        given,
        surname,
        is_person: true,
    })
}

/// Folded key of a whole name: equal for transliteration, diacritic, case and
/// punctuation variants ("Sergey Lavrov", "Sergei Lavrov", "SERGEI LAVROV").
/// Honorifics, suffixes, a leading "the" and a possessive "'s" are dropped.
/// The empty string for input without letters.
pub fn key(name: &str) -> String {
    match parse(name) {
        Some(p) => p.key(),
        None => folded_words(name)
            .iter()
            .map(|w| fold_word(w))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// Folded surname key ("lavrov" for "Sergey Lavrov", "S. Lavrov", "Lavrov");
/// `None` for organisations, places and groups.
pub fn surname_key(name: &str) -> Option<String> {
    parse(name).filter(|p| p.is_person).map(|p| p.surname)
}

/// Do two given names agree: equal, or one is the initial of the other?
fn given_agree(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    match (is_initial(a), is_initial(b)) {
        (true, false) => b.starts_with(a),
        (false, true) => a.starts_with(b),
        _ => false,
    }
}

/// How two parsed names relate.
///
/// Organisations are `Same` when their keys are equal, else `Different`. Two
/// persons with different surnames are `Different`; with the same surname,
/// their given names are compared in order: every given name of the shorter
/// list must equal the one of the longer at the same place, or be its initial
/// (or have it as initial). Equal keys are `Same`; agreement otherwise (no given
/// names, initials, a missing middle name) is `Compatible`; any disagreement
/// ("Boris Johnson"/"Lyndon Johnson", "George H. W. Bush"/"George W. Bush")
/// is `Different`.
pub fn compare(a: &PersonName, b: &PersonName) -> Match {
    if !a.is_person || !b.is_person {
        return if a.is_person == b.is_person && a.key() == b.key() {
            Match::Same
        } else {
            Match::Different
        };
    }
    if a.surname != b.surname || a.surname.is_empty() {
        return Match::Different;
    }
    if a.given == b.given {
        return Match::Same;
    }
    let agree = a
        .given
        .iter()
        .zip(b.given.iter())
        .all(|(x, y)| given_agree(x, y));
    if agree {
        Match::Compatible
    } else {
        Match::Different
    }
}

/// Should spelling `a` be shown instead of spelling `b` as the canonical name?
///
/// Prefers a name that parses, then more full (non-initial) words, then more
/// words in all, then mixed case over all capitals. A tie is `false`, so a
/// caller that replaces the shown name only when `display_better(new, shown)`
/// keeps the first spelling it saw.
pub fn display_better(a: &str, b: &str) -> bool {
    fn score(s: &str) -> Option<(usize, usize, bool)> {
        let p = parse(s)?;
        let words = p.given.len() + usize::from(!p.surname.is_empty());
        let full = words - p.initials();
        let mixed = s.chars().any(char::is_lowercase);
        Some((full, words, mixed))
    }
    match (score(a), score(b)) {
        (Some(x), Some(y)) => x > y,
        (Some(_), None) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> PersonName {
        parse(s).expect("parses")
    }

    fn cmp(a: &str, b: &str) -> Match {
        compare(&p(a), &p(b))
    }

    #[test]
    fn keys_fold_transliteration_variants() {
        assert_eq!(key("Sergey Lavrov"), key("Sergei Lavrov"));
        assert_eq!(key("Sergei Lavrov"), key("SERGEI LAVROV"));
        assert_eq!(key("Dmitry Peskov"), key("Dmitri Peskov"));
        assert_eq!(key("Dmitriy Peskov"), key("Dmitri Peskov"));
        assert_eq!(key("Aleksandr Novak"), key("Alexander Novak"));
        assert_eq!(key("Volodymyr Zelenskyy"), key("Volodymyr Zelensky"));
        assert_eq!(key("Volodymyr Zelensky"), key("Volodimir Zelenskiy"));
        assert_eq!(key("José Martí"), key("Jose Marti"));
        assert_eq!(key("Yevgeny Prigozhin"), key("Evgeny Prigozhin"));
        assert_eq!(key("Alexei Navalny"), key("Aleksei Navalny"));
        assert_eq!(key("Sergey Lavrov"), "sergei lavrov");
        assert_eq!(key("Mr. O’Malley"), "omallei");
    }

    #[test]
    fn folding_keeps_different_names_apart() {
        assert_ne!(key("Ivan Petrov"), key("Ivana Petrova"));
        assert_ne!(key("Ivan Petrov"), key("Ivan Petrova"));
        assert_ne!(key("Mikhail Mishustin"), key("Mihail Mishustin"));
        assert_ne!(key("Boris Johnson"), key("Lyndon Johnson"));
        assert_ne!(key("Alexandra Novak"), key("Alexander Novak"));
        assert_eq!(cmp("Ivan Petrov", "Ivana Petrova"), Match::Different);
    }

    #[test]
    fn surname_keys() {
        assert_eq!(surname_key("Sergey Lavrov").as_deref(), Some("lavrov"));
        assert_eq!(surname_key("S. Lavrov").as_deref(), Some("lavrov"));
        assert_eq!(surname_key("Lavrov").as_deref(), Some("lavrov"));
        assert_eq!(
            surname_key("Ludwig van Beethoven").as_deref(),
            Some("van beethoven")
        );
        assert_eq!(
            surname_key("Martin Luther King Jr.").as_deref(),
            Some("king")
        );
        assert_eq!(surname_key("the Kremlin"), None);
        assert_eq!(surname_key("Reuters"), None);
        assert_eq!(surname_key(""), None);
    }

    #[test]
    fn organisations_and_places_are_not_persons() {
        for s in [
            "the Kremlin",
            "Kremlin",
            "Washington",
            "Officials in Washington",
            "Foreign Ministry",
            "Reuters",
            "the White House",
            "Russia's Foreign Ministry",
            "NATO",
            "the State Department",
            "officials",
        ] {
            assert!(!p(s).is_person, "{s}");
        }
        for s in [
            "Lavrov",
            "Sergey Lavrov",
            "S.V. Lavrov",
            "Sergey Viktorovich Lavrov",
            "Lavrov's",
        ] {
            assert!(p(s).is_person, "{s}");
        }
        assert_eq!(p("Lavrov").given, Vec::<String>::new());
    }

    #[test]
    fn initials_are_split() {
        assert_eq!(p("S.V. Lavrov").given, vec!["s", "v"]);
        assert_eq!(p("S. V. Lavrov").given, vec!["s", "v"]);
        assert_eq!(p("S. Lavrov").surname, "lavrov");
    }

    #[test]
    fn compare_names() {
        assert_eq!(cmp("Sergey Lavrov", "SERGEI LAVROV"), Match::Same);
        assert_eq!(cmp("Sergey Lavrov", "S. Lavrov"), Match::Compatible);
        assert_eq!(cmp("S.V. Lavrov", "Sergey Lavrov"), Match::Compatible);
        assert_eq!(cmp("Lavrov", "Sergey Lavrov"), Match::Compatible);
        assert_eq!(
            cmp("Sergey Viktorovich Lavrov", "Sergei Lavrov"),
            Match::Compatible
        );
        assert_eq!(cmp("Boris Johnson", "Lyndon Johnson"), Match::Different);
        assert_eq!(cmp("B. Johnson", "Lyndon Johnson"), Match::Different);
        assert_eq!(cmp("George H. W. Bush", "George W. Bush"), Match::Different);
        assert_eq!(cmp("George Bush", "George W. Bush"), Match::Compatible);
        assert_eq!(cmp("Sergey Lavrov", "Sergey Shoigu"), Match::Different);
        assert_eq!(cmp("the Kremlin", "Kremlin"), Match::Same);
        assert_eq!(cmp("Kremlin", "Kremlin Lavrov"), Match::Different);
        assert_eq!(
            cmp("Foreign Ministry", "Russia's Foreign Ministry"),
            Match::Different
        );
    }

    #[test]
    fn display_prefers_full_names() {
        assert!(display_better("Sergey Lavrov", "Lavrov"));
        assert!(!display_better("Lavrov", "Sergey Lavrov"));
        assert!(display_better("Sergey Lavrov", "S. Lavrov"));
        assert!(display_better("Sergey Lavrov", "S.V. Lavrov"));
        assert!(display_better("Sergey Viktorovich Lavrov", "Sergey Lavrov"));
        assert!(display_better("Sergei Lavrov", "SERGEI LAVROV"));
        // Ties keep the first.
        assert!(!display_better("Sergei Lavrov", "Sergey Lavrov"));
        assert!(!display_better("Sergey Lavrov", "Sergei Lavrov"));
        assert!(display_better("Lavrov", ""));
        assert!(!display_better("", "Lavrov"));
    }

    #[test]
    fn odd_input_does_not_panic() {
        assert_eq!(parse(""), None);
        assert_eq!(parse("   "), None);
        assert_eq!(parse("...!!!"), None);
        assert_eq!(parse("1234"), None);
        assert_eq!(key(""), "");
        assert_eq!(key("--"), "");
        let huge = "Ab ".repeat(100_000);
        assert!(!p(&huge).is_person);
        assert!(!key(&huge).is_empty());
        assert!(p("Сергей Лавров").is_person);
        assert_eq!(key("Сергей Лавров"), key("СЕРГЕЙ ЛАВРОВ"));
        assert!(p("习近平").is_person);
        for s in [
            "'s", "’", "Mr.", "Jr.", "the", "van", "y", "Ye", ".S.", "a'b's", "ß", "İ",
        ] {
            let _ = (parse(s), key(s), surname_key(s), display_better(s, "x"));
        }
        assert_eq!(cmp("Lavrov", "Lavrov"), Match::Same);
    }
}
