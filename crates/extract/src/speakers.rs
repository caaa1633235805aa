//! In-article speakers: from source mentions to the fullest name the article
//! gives (names, titles, pronouns, role nouns, organisations).

use crate::lexicon::{FxMap as HashMap, FxSet};

use dictum_text::Span;

use crate::lexicon;
use crate::rules::{to_statement, Doc, Raw};
use crate::{Extraction, Kind, Speaker};

/// A capitalized run of tokens, its titles stripped: one name mention.
#[derive(Debug, Clone)]
struct NameMention {
    /// Token index of the first and last name token.
    first: usize,
    last: usize,
    /// The name, as a byte range of [`Mentions::names`].
    name: (usize, usize),
    /// `key_of(name)`, computed once, as a byte range of [`Mentions::names`].
    key: (usize, usize),
    tokens: usize,
    /// Lower-cased title and role words written before the name, as a range of
    /// [`Mentions::titles`].
    titles: (usize, usize),
    /// Written as a possessive ("Stranski’s spokesman").
    possessive: bool,
    /// The title written before the name, as written ("Foreign Minister").
    role: Option<Span>,
    /// In a title-case sentence (a headline: `Harbour Crowd Does Not Like
    /// Ivo Petek`), where names and words cannot be told apart.
    headline: bool,
}

fn strip_possessive(w: &str) -> (&str, bool) {
    for suf in ["'s", "’s", "'", "’"] {
        if let Some(base) = w.strip_suffix(suf) {
            if !base.is_empty() {
                return (base, true);
            }
        }
    }
    (w, false)
}

/// Capitalized words that are not names (sentence openers, function words,
/// calendar words, salutations).
fn not_name(lower: &str) -> bool {
    lexicon::is_weekday(lower)
        || matches!(
            lower,
            "the"
                | "a"
                | "an"
                | "however"
                | "in"
                | "on"
                | "at"
                | "but"
                | "and"
                | "if"
                | "when"
                | "this"
                | "that"
                | "it"
                | "he"
                | "she"
                | "they"
                | "we"
                | "i"
                | "according"
                | "despite"
                | "after"
                | "before"
                | "while"
                | "as"
                | "for"
                | "with"
                | "by"
                | "from"
                | "also"
                | "his"
                | "her"
                | "their"
                | "our"
                | "its"
                | "there"
                | "meanwhile"
                | "still"
                | "yet"
                | "so"
                | "what"
                | "why"
                | "how"
                | "who"
                | "where"
                | "mmm-hmm"
                | "like"
                | "share"
                | "comments"
                | "please"
                | "no"
                | "of"
                | "to"
                | "or"
                | "not"
                | "now"
                | "then"
                | "today"
                | "january"
                | "february"
                | "march"
                | "april"
                | "may"
                | "june"
                | "july"
                | "august"
                | "september"
                | "october"
                | "november"
                | "december"
                | "one"
                | "some"
                | "many"
                | "all"
                | "both"
                | "madam"
                | "colleagues"
                | "ladies"
                | "gentlemen"
                | "thank"
                | "you"
                | "yes"
                | "well"
                | "of course"
                | "since"
                | "although"
                | "because"
                | "though"
                | "among"
                | "along"
                | "besides"
                | "just"
                | "likewise"
                | "rather"
                | "overall"
                | "especially"
                | "plus"
                | "having"
                | "whenever"
                | "neither"
                | "about"
                | "almost"
                | "nearly"
                | "ultimately"
                | "usually"
                | "essentially"
                | "finally"
                | "shortly"
                | "nobody"
                | "everyone"
                | "everybody"
                | "anyone"
                | "someone"
                | "unless"
                | "until"
                | "even"
                | "only"
                | "perhaps"
                | "maybe"
                | "instead"
                | "indeed"
                | "is"
                | "are"
                | "was"
                | "were"
                | "might"
                | "does"
                | "did"
                | "says"
                | "rival"
                | "using"
                | "going"
                | "full"
                | "text"
                | "another"
                | "more"
                | "most"
                | "without"
                | "every"
                | "each"
                | "any"
                | "few"
                | "several"
                | "other"
                | "such"
                | "certainly"
                | "had"
                | "has"
                | "have"
                | "prior"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "dozens"
                | "hundreds"
                | "thousands"
        )
}

/// Members of a party or a movement (`Pro-Ferry Republicans`): a group, not
/// one person's surname.
fn is_group_plural(key: &str) -> bool {
    matches!(
        key,
        "republicans"
            | "democrats"
            | "conservatives"
            | "liberals"
            | "progressives"
            | "evangelicals"
            | "independents"
            | "libertarians"
            | "socialists"
            | "americans"
            | "voters"
            | "supporters"
    )
}

/// Whether token `k` stands in a sentence of four words or more whose words
/// are nearly all capitalized (a headline), memoised per sentence in `cache`.
/// Looser than `rules::is_headline` (80 %, quotations aside): with that test
/// instead, 72 statements of PolNeAR train take a headline's glued run as
/// their speaker's fullest name.
fn title_case(doc: &Doc, cache: &mut [u8], k: usize) -> bool {
    let Some(si) = doc.sent_of.get(k).map(|&s| s as usize) else {
        return false;
    };
    let (Some(state), Some(sent)) = (cache.get(si).copied(), doc.sents.get(si)) else {
        return false;
    };
    if state == 0 {
        let (mut words, mut caps) = (0usize, 0usize);
        for j in sent.tokens.clone() {
            if doc.is_word(j) {
                words += 1;
                caps += usize::from(doc.is_capitalized(j));
            }
        }
        cache[si] = if words >= 4 && caps * 4 >= words * 3 {
            2
        } else {
            1
        };
    }
    cache[si] == 2
}

/// Whether the name `full` is a longer form of `own` (`Ivo J. Petek` of
/// `Ivo Petek`, `Anna Maria Berg` of `Maria Berg`), not another person with
/// the surname (`Ivo Lind` of `Ana Lind`).
fn extends(full: &str, own: &str) -> bool {
    full.split(' ').next() == own.split(' ').next()
        || full
            .strip_suffix(own)
            .is_some_and(|rest| rest.ends_with(' '))
}

/// Capitalized function words inside a run of capitalized words: a title-case
/// headline (`Harbour Crowd Does Not Like Ivo Petek`), not one name.
fn breaks_name_run(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "a"
            | "an"
            | "of"
            | "to"
            | "and"
            | "or"
            | "with"
            | "for"
            | "in"
            | "on"
            | "at"
            | "by"
            | "from"
            | "not"
            | "is"
            | "are"
            | "was"
            | "were"
            | "does"
            | "do"
            | "did"
            | "can"
            | "could"
            | "would"
            | "should"
            | "might"
            | "says"
            | "said"
            | "over"
            | "as"
            | "but"
            | "after"
            | "before"
            | "while"
            | "like"
            | "than"
            | "that"
            | "this"
            | "you"
            | "it"
            | "he"
            | "she"
            | "we"
            | "they"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "between"
            | "about"
            | "against"
            | "into"
            | "if"
            | "when"
            | "how"
            | "why"
            | "what"
            | "who"
            | "where"
            | "just"
    )
}

/// A word a dot may follow inside a name: an initial (`F.`) or an abbreviated
/// title (`Mr.`, `Sen.`, `St.`), not a sentence's last word (`World War Two.`).
fn abbreviation_before_dot(word: &str) -> bool {
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.is_uppercase(),
        // `J.J.`, `U.S.`
        _ if word.len() <= 4 && word.chars().all(|c| c.is_uppercase() || c == '.') => true,
        _ => with_lower(word, |w| {
            lexicon::is_title_word(w) || matches!(w, "st" | "jr" | "sr" | "ft" | "mt")
        }),
    }
}

/// `f(&s.to_lowercase())`, without allocating when `s` is short ASCII.
fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    const MAX: usize = 32;
    if s.len() <= MAX && s.is_ascii() {
        let mut buf = [0u8; MAX];
        let lower = &mut buf[..s.len()];
        lower.copy_from_slice(s.as_bytes());
        lower.make_ascii_lowercase();
        // ASCII lower-cased byte for byte is still ASCII.
        match std::str::from_utf8(lower) {
            Ok(lower) => f(lower),
            Err(_) => f(&s.to_lowercase()),
        }
    } else {
        f(&s.to_lowercase())
    }
}

/// The name mentions of an article, in order, and the texts of their names and keys
/// (one string for all, rather than two small strings per mention).
struct Mentions<'d> {
    list: Vec<NameMention>,
    names: String,
    titles: Vec<&'d str>,
}

/// Appends a mention's name and then its key to `names`; their byte ranges.
fn push_name(doc: &Doc, first: usize, last: usize, names: &mut String) -> [(usize, usize); 2] {
    let start = names.len();
    // The key is the name's last word: what follows its last space.
    let surname = join_name(doc, first, last, names);
    let end = names.len();
    match names.get(surname..end) {
        Some(s) if s.is_ascii() => {
            names.extend_from_within(surname..end);
            names[end..].make_ascii_lowercase();
        }
        Some(s) => {
            let key = s.to_lowercase();
            names.push_str(&key);
        }
        None => {}
    }
    [(start, end), (end, names.len())]
}

/// Every name mention in the text, in order.
fn name_mentions<'d>(doc: &'d Doc) -> Mentions<'d> {
    let n = doc.toks.len();
    let mut out = Vec::with_capacity(n / 16);
    let mut names = String::with_capacity(n);
    let mut all_titles: Vec<&'d str> = Vec::with_capacity(n / 16);
    let mut scratch = String::new();
    // Per sentence: not yet known (0), prose (1), title case (2).
    let mut title_case_sents = vec![0u8; doc.sents.len()];
    let mut i = 0;
    while i < n {
        if !doc.is_capitalized(i) || lexicon::is_pronoun(lexicon::pronoun_base(doc.lower(i))) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i; // inclusive
        let mut possessive = false;
        loop {
            let (_, poss) = strip_possessive(doc.word(end));
            if poss {
                possessive = true;
                break;
            }
            let next = end + 1;
            // (A name stays inside its sentence.)
            let same_sentence = |k: usize| doc.sent_of.get(k) == doc.sent_of.get(start);
            if next < n
                && doc.is_capitalized(next)
                && !doc.toks[next].newline_before
                && same_sentence(next)
                && (!breaks_name_run(doc.lower(next))
                    // (`Ana B. Lind`: an initial, not the article.)
                    || doc.word(next).len() == 1
                        && doc.word(next + 1) == "."
                        && doc.toks.get(next + 1).is_some_and(|t| !t.space_before))
            {
                end = next;
                continue;
            }
            // "Mr." / initials "F."
            if next + 1 < n
                && doc.word(next) == "."
                && !doc.toks[next].space_before
                && doc.is_capitalized(next + 1)
                && same_sentence(next + 1)
                && abbreviation_before_dot(doc.word(end))
            {
                end = next + 1;
                continue;
            }
            break;
        }

        // Organisations ("the Interior Ministry", "European Commission") keep their words.
        let org_head = is_group(strip_possessive(doc.lower(end)).0);
        if org_head && !possessive {
            let mut first = start;
            while first < end && not_name(doc.lower(first)) {
                first += 1;
            }
            if first <= end && doc.quote_at(first).is_none() {
                let [name, key] = push_name(doc, first, end, &mut names);
                out.push(NameMention {
                    first,
                    last: end,
                    name,
                    key,
                    tokens: end - first + 1,
                    titles: (all_titles.len(), all_titles.len()),
                    possessive,
                    role: None,
                    headline: end > first && title_case(doc, &mut title_case_sents, first),
                });
                i = end + 1;
                continue;
            }
        }
        // Strip leading titles and demonyms.
        let mut first = start;
        let titles_from = all_titles.len();
        let mut role_first = start;
        for back in 1..=3 {
            if start >= back
                && doc
                    .toks
                    .get(start - back + 1)
                    .is_some_and(|t| !t.newline_before)
            {
                let w = doc.lower(start - back);
                if lexicon::is_title_word(w) || lexicon::is_demonym(w) || w.ends_with("'s") {
                    all_titles.push(w);
                    role_first = start - back;
                    continue;
                }
            }
            break;
        }
        let titleish =
            |k: usize| lexicon::is_title_word(doc.lower(k)) || lexicon::is_demonym(doc.lower(k));
        while first < end {
            let w = doc.lower(first);
            let demonym_title = lexicon::is_demonym(w) && titleish(first + 1);
            // `New York`, `New Hampshire`: a place's first word, not `new`.
            if w == "new" && doc.is_capitalized(first) && !titleish(first + 1) {
                break;
            }
            if lexicon::is_title_word(w)
                || lexicon::is_role_noun(w)
                || demonym_title
                || w == "."
                || not_name(w)
                || breaks_name_run(w)
            {
                if w != "." {
                    all_titles.push(w);
                }
                first += 1;
            } else {
                break;
            }
        }
        if doc.word(first) == "." {
            first += 1;
        }
        // `Tartu Mayor Ivo Petek`, `New Harbour Gov. Ana Lind`: the
        // name follows the last personal title inside the run.
        if let Some(k) = (first..end)
            .rev()
            .find(|&k| lexicon::is_personal_title(doc.lower(k).trim_end_matches('.')))
        {
            let mut after = k + 1;
            if doc.word(after) == "." {
                after += 1;
            }
            let name_word = |j: usize| {
                doc.word(j).chars().count() >= 2
                    && !matches!(doc.lower(j), "jr" | "sr" | "ii" | "iii" | "iv")
            };
            if after <= end && name_word(after) {
                all_titles.extend(
                    (first..after)
                        .filter(|&j| doc.word(j) != ".")
                        .map(|j| doc.lower(j)),
                );
                first = after;
            }
        }
        // The name's words: its tokens but dots, possessives stripped.
        let mut words = (first..=end)
            .filter(|&k| doc.word(k) != ".")
            .map(|k| strip_possessive(doc.word(k)).0);
        let first_word = words.next();
        let n_words = usize::from(first_word.is_some()) + words.count();
        let single_stop = n_words == 1
            && first_word.is_some_and(|w| {
                if w.is_ascii() {
                    // `w.to_lowercase()`, in a reused buffer.
                    scratch.clear();
                    scratch.push_str(w);
                    scratch.make_ascii_lowercase();
                    not_name(&scratch)
                } else {
                    not_name(&w.to_lowercase())
                }
            });
        // Runs of only titles ("the Russian Foreign Minister") name nobody.
        let only_titles = (first..=end).all(|k| doc.word(k) == "." || titleish(k));
        let single_stop = single_stop || only_titles;
        if first <= end && n_words > 0 && !single_stop && doc.quote_at(first).is_none() {
            let [name, key] = push_name(doc, first, end, &mut names);
            let role = role_span(doc, role_first, first);
            out.push(NameMention {
                first,
                last: end,
                name,
                key,
                tokens: n_words,
                titles: (titles_from, all_titles.len()),
                possessive,
                role,
                headline: n_words >= 2 && title_case(doc, &mut title_case_sents, first),
            });
        } else {
            all_titles.truncate(titles_from);
        }
        i = end + 1;
    }
    Mentions {
        list: out,
        names,
        titles: all_titles,
    }
}

/// The name's text as written, with "Mr." and initials kept together, appended to `s`;
/// where its last word starts (after its last space).
fn join_name(doc: &Doc, first: usize, last: usize, s: &mut String) -> usize {
    let start = s.len();
    let mut last_word = start;
    for k in first..=last {
        let w = doc.word(k);
        if w == "." {
            s.push('.');
            continue;
        }
        if s.len() > start {
            s.push(' ');
            last_word = s.len();
        }
        s.push_str(strip_possessive(w).0);
    }
    last_word
}

/// Honorifics are titles but not roles.
const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "sir", "madam", "dame", "lord", "lady", "mr.", "mrs.", "ms.",
    "dr.",
];

/// Tokens `[from, to)` before a name as a role, when they hold a title word that is not an
/// honorific ("Foreign Minister", "Kremlin spokesman"; not "Mr.").
fn role_span(doc: &Doc, from: usize, to: usize) -> Option<Span> {
    let mut from = from;
    // A role starts at a word: not at "the", a comma or a possessive's owner.
    while from < to && (doc.word(from) == "." || matches!(doc.lower(from), "the" | "a" | "an")) {
        from += 1;
    }
    let mut to = to;
    while to > from && doc.word(to - 1) == "." {
        to -= 1;
    }
    if from >= to {
        return None;
    }
    let has_role = (from..to).any(|k| {
        let w = doc.lower(k);
        (lexicon::is_title_word(w) || lexicon::is_role_noun(w)) && !HONORIFICS.contains(&w)
    });
    has_role.then(|| doc.span(from, to - 1))
}

/// `f(&key)` with a name's key: its last word, lower-cased (without allocating for
/// short ASCII names).
fn with_key<R>(name: &str, f: impl FnOnce(&str) -> R) -> R {
    with_lower(name.rsplit(' ').next().unwrap_or(name), f)
}

/// The article's name mentions, and what they say about each name.
struct Index<'m, 'd> {
    mentions: &'m [NameMention],
    /// The texts of the mentions' names and keys.
    names: &'m str,
    /// The mentions' titles.
    titles: &'m [&'d str],
    /// Surname key -> the fullest name the article gives.
    fullest: HashMap<&'m str, &'m str>,
    /// Keys of multi-word names: people (or multi-word organisations).
    people: FxSet<&'m str>,
}

impl<'m, 'd> Index<'m, 'd> {
    fn new(all: &'m Mentions<'d>) -> Self {
        let (mentions, names) = (all.list.as_slice(), all.names.as_str());
        let n = mentions.len();
        let mut fullest: HashMap<&'m str, &'m str> =
            HashMap::with_capacity_and_hasher(n, Default::default());
        let mut people = FxSet::with_capacity_and_hasher(n, Default::default());
        let text = |(s, e): (usize, usize)| names.get(s..e).unwrap_or("");
        // A headline's mention gives the fullest name only for a surname the
        // prose never writes (`Ana Lind Slams Ivo Petek`).
        for headline in [false, true] {
            for m in mentions.iter().filter(|m| m.headline == headline) {
                let k = text(m.key);
                if m.tokens >= 2 && !lexicon::is_place_name(text(m.name)) && !is_group_plural(k) {
                    people.insert(k);
                }
                let better = match fullest.get(k) {
                    None => true,
                    // (`Ivo Petek` in a headline over the prose's `Petek`, not
                    // `Celebrating Ana Lind` over `Ana Lind`.)
                    Some(cur) if headline => m.tokens == 2 && !cur.contains(' '),
                    Some(cur) => cur.split(' ').count() < m.tokens,
                };
                if better {
                    fullest.insert(k, text(m.name));
                }
            }
        }
        Index {
            mentions,
            names,
            titles: &all.titles,
            fullest,
            people,
        }
    }

    /// A mention's name, or key, from its byte range.
    fn text(&self, (s, e): (usize, usize)) -> &'m str {
        self.names.get(s..e).unwrap_or("")
    }

    /// The fullest name the article gives for a mention's surname.
    ///
    /// A name of two words or more is already full unless the fullest one
    /// extends it (`Ivo Petek` -> `Ivo J. Petek`, but `Ana Lind` stays
    /// herself in an article that also names `Ivo Lind`).
    fn full_of(&self, m: &NameMention) -> &'m str {
        let own = self.text(m.name);
        match self.fullest.get(self.text(m.key)).copied() {
            Some(full) if m.tokens < 2 || extends(full, own) => full,
            Some(_) | None => own,
        }
    }

    fn is_person(&self, name: &str) -> bool {
        with_key(name, |k| self.people.contains(k))
    }

    /// `is_person(&m.name)`, from the mention's key.
    fn is_person_mention(&self, m: &NameMention) -> bool {
        self.people.contains(self.text(m.key))
    }

    /// The name a source mention `a..=b` gives, preferring in turn: one not
    /// inside a prepositional phrase (`Sen. Ivo Petek of South Carolina`), not
    /// a group's, before an appositive's comma, the longest, the last
    /// (`Radio Tallinn host Ana Lind`).
    fn name_in(&self, doc: &Doc, a: usize, b: usize) -> Option<&'m NameMention> {
        let lo = self.mentions.partition_point(|m| m.last < a);
        let in_phrase = |m: &NameMention| {
            let mut k = m.first;
            if k > a && matches!(doc.lower(k - 1), "the" | "a" | "an") {
                k -= 1;
            }
            k > a
                && matches!(
                    doc.lower(k - 1),
                    "of" | "in" | "at" | "from" | "for" | "with" | "by" | "on"
                )
        };
        // (A name before a group's: `Harbour Ministry spokesman Ivo
        // Petek`; the head before an appositive's comma: `Ivo and Ana Lind,
        // the ferry's owners`.)
        let comma = (a..=b).find(|&k| doc.word(k) == ",").unwrap_or(b + 1);
        self.mentions[lo..]
            .iter()
            .take_while(|m| m.first <= b)
            .filter(|m| m.first >= a && m.last <= b && !(m.possessive && m.last < b))
            .max_by_key(|m| {
                let group = is_group(self.text(m.key));
                (!in_phrase(m), !group, m.last < comma, m.tokens, m.first)
            })
    }

    /// "TR" -> "Tomas Reiner": a label of initials matching one full name.
    fn by_initials(&self, label: &str) -> Option<String> {
        if !(2..=4).contains(&label.len()) || !label.chars().all(|c| c.is_ascii_uppercase()) {
            return None;
        }
        let mut found: Option<&str> = None;
        for &name in self.fullest.values() {
            let initials: String = name.split(' ').filter_map(|w| w.chars().next()).collect();
            if initials == label {
                if found.is_some_and(|f| f != name) {
                    return None;
                }
                found = Some(name);
            }
        }
        found.map(str::to_string)
    }

    /// Roles written before the mentions of a speaker, as written, first seen first.
    fn roles_of(&self, doc: &Doc, name: &str) -> Vec<String> {
        with_key(name, |key| {
            let mut roles: Vec<String> = Vec::new();
            for m in self.mentions {
                let Some(role) = m.role else { continue };
                if self.text(m.key) != key || self.full_of(m) != name {
                    continue;
                }
                let r = role.slice(doc.text).trim();
                if !r.is_empty()
                    && !roles.iter().any(|x| x.eq_ignore_ascii_case(r))
                    && roles.len() < 8
                {
                    roles.push(r.to_string());
                }
            }
            roles
        })
    }

    /// The most recent person mention before token `pos`.
    fn last_person_before(&self, pos: usize) -> Option<&'m NameMention> {
        let hi = self.mentions.partition_point(|m| m.last < pos);
        self.mentions[..hi]
            .iter()
            .rev()
            .take(LOOKBACK)
            .find(|m| self.is_person_mention(m) && !is_organisation_name(self.text(m.name)))
    }

    /// The most recent mention before `pos` whose titles include `head` and
    /// every other title word of the description ("the foreign minister" is
    /// not the finance minister).
    fn titled_before(&self, pos: usize, head: &str, words: &[&str]) -> Option<&'m NameMention> {
        let hi = self.mentions.partition_point(|m| m.last < pos);
        self.mentions[..hi].iter().rev().take(LOOKBACK).find(|m| {
            let titles = self.titles.get(m.titles.0..m.titles.1).unwrap_or(&[]);
            titles.contains(&head) && words.iter().all(|w| titles.iter().any(|t| t == w))
        })
    }
}

/// Does the mention open its sentence (after titles such as "Opposition leader")?
fn is_sentence_subject(doc: &Doc, m: &NameMention) -> bool {
    let s = &doc.sents[doc.sent_of[m.first] as usize];
    (s.tokens.start..m.first).all(|k| {
        doc.is_capitalized(k) || lexicon::is_title_word(doc.lower(k)) || doc.word(k) == "."
    }) && m.first - s.tokens.start <= 5
}

/// How many name mentions back an antecedent is looked for.
const LOOKBACK: usize = 400;

const PERSON_ROLES: &[&str] = &[
    "minister",
    "diplomat",
    "president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "senator",
    "governor",
    "candidate",
    "secretary",
    "chancellor",
    "leader",
    "mayor",
    "official",
    "envoy",
    "ambassador",
    "nominee",
    "premier",
    "congressman",
    "congresswoman",
    "lawmaker",
    "chief",
    "director",
    "chairman",
    "man",
    "woman",
    "politician",
    "adviser",
    "advisor",
    "aide",
    "head",
    "businessman",
    "billionaire",
    "democrat",
    "republican",
    "lawyer",
    "attorney",
    "judge",
    "general",
    "commander",
];

/// Group and organisation nouns ("officials", "the ministry").
fn is_group(lower: &str) -> bool {
    matches!(
        lower,
        "officials"
            | "sources"
            | "diplomats"
            | "analysts"
            | "critics"
            | "experts"
            | "lawmakers"
            | "aides"
            | "people"
            | "voters"
            | "politicians"
            | "authorities"
            | "leaders"
            | "ministry"
            | "government"
            | "administration"
            | "commission"
            | "council"
            | "committee"
            | "agency"
            | "office"
            | "department"
            | "service"
            | "police"
            | "military"
            | "army"
            | "court"
            | "parliament"
            | "spokesmen"
            | "campaign"
    )
}

/// A name whose last word heads an organisation or a record (`Tallinn Post`,
/// `Harbour Times`, `State Department`, `Tartu University`, `Senate
/// filings`): not a person that `he` or `she` can refer to.
fn is_organisation_name(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name);
    with_lower(last, |w| {
        is_group(w)
            || matches!(
                w,
                "times"
                    | "post"
                    | "news"
                    | "journal"
                    | "press"
                    | "tribune"
                    | "herald"
                    | "daily"
                    | "magazine"
                    | "network"
                    | "association"
                    | "foundation"
                    | "institute"
                    | "university"
                    | "college"
                    | "club"
                    | "party"
                    | "center"
                    | "centre"
                    | "bureau"
                    | "union"
                    | "company"
                    | "corporation"
                    | "inc"
                    | "corp"
                    | "group"
                    | "senate"
                    | "congress"
                    | "house"
                    | "filings"
            )
    })
}

pub(crate) fn resolve(doc: &Doc, title: Option<Span>, raws: Vec<Raw>) -> Extraction {
    let mentions = name_mentions(doc);
    let index = Index::new(&mentions);
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut by_name: HashMap<String, usize> =
        HashMap::with_capacity_and_hasher(raws.len(), Default::default());
    let mut statements = Vec::with_capacity(raws.len());
    // (name, paragraph, token) of the last person speaker.
    let mut last_person: Option<(String, usize, usize)> = None;
    let mut last_any: Option<String> = None;
    let transcript_speaker = raws
        .iter()
        .find(|r| r.kind == Kind::Transcript)
        .and_then(|r| r.speaker_name.clone());
    for r in &raws {
        let pos = r
            .cue
            .or(r.source)
            .map(|c| c.0)
            .or_else(|| r.pieces.first().map(|p| p.0))
            .unwrap_or(0);
        let para = doc.para_of_token(pos.min(doc.toks.len().saturating_sub(1)));
        let name: Option<String> = if let Some(n) = &r.speaker_name {
            Some(n.clone())
        } else if r.continues || r.source.is_none() && r.cue.is_none() {
            // A quotation with neither cue nor source continues the last
            // speaker; a cue without a source (`was asked whether`, `is
            // expected to`) names no one.
            last_any.clone()
        } else if let Some((a, b)) = r.source {
            let lw = lexicon::pronoun_base(doc.lower(b));
            if let Some(full) = (a == b).then(|| index.by_initials(doc.word(a))).flatten() {
                Some(full)
            } else if let Some(m) = index.name_in(doc, a, b) {
                if m.tokens == 1 && !index.is_person_mention(m) {
                    let written = strip_det(doc.span(a, b).slice(doc.text));
                    // An organisation or place: the mention as written when
                    // it is short (`officials in Washington`), else its name
                    // (`The Gazette, in a long look at ...`).
                    let short = !written.contains(',') && written.split_whitespace().count() <= 4;
                    Some(if short { written } else { index.text(m.name) }.to_string())
                } else {
                    Some(index.full_of(m).to_string())
                }
            } else if matches!(lw, "he" | "she" | "him" | "her") && a == b {
                // A person introduced as a sentence subject after the last
                // statement is the likelier antecedent ("Horvat was not
                // convinced. He said ...").
                let recent_subject = index.last_person_before(a).filter(|m| {
                    last_person
                        .as_ref()
                        .is_none_or(|(_, _, pos)| m.first > *pos)
                        && is_sentence_subject(doc, m)
                });
                recent_subject
                    .map(|m| index.full_of(m).to_string())
                    .or_else(|| {
                        last_person
                            .as_ref()
                            .filter(|(_, p, _)| p + 2 >= para)
                            .map(|(n, _, _)| n.clone())
                    })
                    .or_else(|| {
                        index
                            .last_person_before(a)
                            .map(|m| index.full_of(m).to_string())
                    })
            } else if matches!(lw, "who" | "which" | "that") && a == b {
                // The noun phrase before ", who".
                let mut k = a;
                while k > 0 && (doc.word(k - 1) == "," || k == a) {
                    k -= 1;
                }
                index
                    .name_in(doc, k.saturating_sub(6), k)
                    .map(|m| index.full_of(m).to_string())
                    .or_else(|| last_person.as_ref().map(|(n, _, _)| n.clone()))
            } else if matches!(lw, "i" | "we" | "me" | "us") && a == b {
                transcript_speaker.clone()
            } else if matches!(lw, "they" | "it" | "them" | "you") && a == b {
                None
            } else if is_group(lw) {
                // "the ministry" -> "Interior Ministry" when the article names it.
                let named = index
                    .fullest
                    .get(lw)
                    .filter(|n| n.contains(' '))
                    .map(|n| n.to_string());
                named.or_else(|| Some(strip_det(doc.span(a, b).slice(doc.text)).to_string()))
            } else {
                let words: Vec<&str> = (a..b)
                    .map(|k| doc.lower(k))
                    .filter(|w| {
                        lexicon::is_title_word(w)
                            && !matches!(
                                *w,
                                "the" | "of" | "and" | "top" | "senior" | "new" | "former"
                            )
                    })
                    .collect();
                let described = !words.is_empty();
                index
                    .titled_before(a, lw, &words)
                    .map(|m| index.full_of(m).to_string())
                    .or_else(|| {
                        let owned = (a..=b)
                            .any(|k| strip_possessive(doc.word(k)).1 && doc.is_capitalized(k));
                        if owned || described && index.titled_before(a, lw, &[]).is_some() {
                            // Someone else holds that title: do not guess.
                            return None;
                        }
                        PERSON_ROLES
                            .contains(&lw)
                            .then(|| last_person.as_ref().map(|(n, _, _)| n.clone()))
                            .flatten()
                    })
            }
        } else {
            None
        };
        let own_voice = r.kind == Kind::Transcript;
        let speaker = name.map(|n| {
            if own_voice {
                // A transcript's own remarks do not move the narrative focus.
            } else if (index.is_person(&n)
                || n.contains(' ') && n.chars().next().is_some_and(char::is_uppercase))
                && !is_organisation_name(&n)
            {
                last_person = Some((n.clone(), para, pos));
            }
            if !own_voice {
                last_any = Some(n.clone());
            }
            *by_name.entry(n.clone()).or_insert_with(|| {
                speakers.push(Speaker {
                    name: n,
                    roles: Vec::new(),
                });
                speakers.len() - 1
            })
        });
        statements.push(to_statement(doc, r, speaker));
    }
    for sp in &mut speakers {
        sp.roles = index.roles_of(doc, &sp.name);
    }
    Extraction {
        title,
        statements,
        speakers,
    }
}

fn strip_det(text: &str) -> &str {
    // (`Perhaps young voters`, `Yet the council`: a discourse adverb first.)
    let text = match text.split_once(' ') {
        Some((first, rest))
            if with_lower(first, |w| {
                matches!(
                    w,
                    "even"
                        | "only"
                        | "perhaps"
                        | "maybe"
                        | "yet"
                        | "now"
                        | "also"
                        | "still"
                        | "but"
                        | "and"
                        | "so"
                        | "however"
                        | "meanwhile"
                        | "indeed"
                        | "instead"
                )
            }) =>
        {
            rest
        }
        _ => text,
    };
    text.strip_prefix("the ")
        .or_else(|| text.strip_prefix("The "))
        .unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    fn speakers(text: &str) -> Vec<Option<String>> {
        let ex = Extractor::new().extract(text);
        ex.statements
            .iter()
            .map(|s| ex.speaker_name(s).map(str::to_string))
            .collect()
    }

    #[test]
    fn titles_are_stripped_and_surnames_resolve_to_full_names() {
        let text = "Title\nForeign Minister Anna Lind said that talks would resume.\n“We are ready,” Lind said.";
        assert_eq!(
            speakers(text),
            vec![Some("Anna Lind".into()), Some("Anna Lind".into())]
        );
    }

    #[test]
    fn pronouns_and_roles_refer_back() {
        let text = "Title\nFinance Minister Ivo Petek said that taxes would fall.\nHe added that spending would rise.\nThe minister noted that debt was stable.";
        assert_eq!(speakers(text), vec![Some("Ivo Petek".into()); 3]);
    }

    #[test]
    fn a_new_sentence_subject_takes_the_pronoun() {
        let text = "Title\nMayor Ana Lind said that the bridge is safe.\nCritic Ivo Petek was not convinced.\nHe said that cracks had appeared.";
        assert_eq!(
            speakers(text),
            vec![Some("Ana Lind".into()), Some("Ivo Petek".into())]
        );
    }

    #[test]
    fn organisations_keep_their_names() {
        let text = "Title\nThe Interior Ministry said that the border was calm.\nThe calm would last, the ministry said.";
        assert_eq!(speakers(text), vec![Some("Interior Ministry".into()); 2]);
    }

    #[test]
    fn a_capitalized_opener_is_no_name() {
        // Sentence-opening adverbs and quantities are capitalized, not names.
        let text = "Title\nLikewise, the pilots said the pier was unsafe.\nAbout 40 residents said the ferry was late.\nNobody said the harbour would close.";
        assert_eq!(speakers(text), vec![None, None, None]);
    }

    #[test]
    fn he_and_she_are_people_not_organisations() {
        let text = "Title\nMayor Ana Lind spoke to the Harbour Times about the pier.\nShe said the ferry would run.\nThe Harbour Times reported that the pier was closed.\nShe said it would open in May.";
        assert_eq!(
            speakers(text),
            vec![
                Some("Ana Lind".into()),
                Some("Harbour Times".into()),
                Some("Ana Lind".into())
            ]
        );
    }

    #[test]
    fn unnamed_speakers_stay_unknown() {
        let text = "Title\n“It is late,” he said.";
        assert_eq!(speakers(text), vec![None]);
    }

    #[test]
    fn a_place_s_first_word_is_not_a_title() {
        let text = "Title\nThe New York Gazette reported that the pier would close.\nFormer New Hampshire Gov. Ana Lind said the plan was sound.\nLind added that it was cheap.";
        assert_eq!(
            speakers(text),
            vec![
                Some("New York Gazette".into()),
                Some("Ana Lind".into()),
                Some("Ana Lind".into())
            ]
        );
    }

    #[test]
    fn a_name_stays_inside_its_sentence_and_out_of_headline_words() {
        // (`Act.` ends a sentence; `Two.` is no initial.)
        let text = "Title\nMayor Ivo Petek spoke on Monday.\nThe request came under the Freedom of Information Act. Petek said the files were public.\nThe harbour fell in World War Two. Petek added that the pier was rebuilt.";
        assert_eq!(speakers(text), vec![Some("Ivo Petek".into()); 2]);
        let text = "Title\nMayor Ivo Petek spoke on Monday.\nHarbour Crowd Does Not Like Ivo Petek\nPetek said the pier would close.";
        assert_eq!(speakers(text), vec![Some("Ivo Petek".into())]);
    }

    #[test]
    fn two_people_with_one_surname_keep_their_names() {
        let text =
            "Title\nFormer mayor Ivo Lind said the pier was old.\nAna Lind said it was safe.";
        assert_eq!(
            speakers(text),
            vec![Some("Ivo Lind".into()), Some("Ana Lind".into())]
        );
    }

    #[test]
    fn a_source_names_its_head_not_a_place_in_it() {
        let text = "Title\nSen. Ivo Petek of South Carolina said the pier was safe.\nAna Berg, a teacher from Los Angeles, was not convinced.\nShe said that cracks had appeared.";
        assert_eq!(
            speakers(text),
            vec![Some("Ivo Petek".into()), Some("Ana Berg".into())]
        );
    }

    #[test]
    fn a_long_source_around_an_organisation_gives_its_name() {
        let text = "Title\nThe Gazette, in a long look at the harbour's accounts, reported that the pier lost money.";
        assert_eq!(speakers(text), vec![Some("Gazette".into())]);
        // (A short one is the speaker as written.)
        let text = "Title\nOfficials in Tallinn said the pier lost money.";
        assert_eq!(speakers(text), vec![Some("Officials in Tallinn".into())]);
    }

    #[test]
    fn a_source_as_written_drops_its_discourse_adverb() {
        let text = "Title\nYet the harbour council said the pier would stay shut.";
        assert_eq!(speakers(text), vec![Some("harbour council".into())]);
    }
}
