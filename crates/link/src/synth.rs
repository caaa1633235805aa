//! Copies generated from real articles, and the measurement of the copy rule.
//!
//! [`variants`] turns one article body into the copies a news aggregator or a
//! syndication partner would publish: paragraphs reordered, trimmed (the last
//! 30–50 % of paragraphs dropped), re-headlined, wrapped in site furniture, and
//! combinations. [`evaluate`] mixes such copies of a sample of articles with
//! all the other articles (same-period news on the same topics: the hardest
//! negatives), runs the LSH candidate step and [`is_copy`], and counts pairwise
//! precision and recall. The site furniture and headlines are written here for
//! this project; the articles come from the caller.

use std::collections::{HashMap, HashSet};

use crate::copies::{
    bands, containment, is_copy, jaccard, shingle_set, signature, Signature, MIN_SHINGLES,
};
use crate::hash::SplitMix;

/// How a copy was made from its original.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Variant {
    /// Paragraphs in another order.
    Reordered,
    /// The last 30–50 % of paragraphs dropped.
    Trimmed,
    /// A new first line (headline).
    Reheadlined,
    /// Site furniture before and after.
    Boilerplate,
    /// The last 50 % of paragraphs dropped, furniture around the rest.
    HalfBoilerplate,
    /// A new headline and furniture around.
    ReheadlinedBoilerplate,
    /// Trimmed by 30–50 %, reordered, re-headlined, with furniture.
    All,
}

impl Variant {
    /// Every variant, in the order [`variants`] returns them.
    pub const ALL: [Variant; 7] = [
        Variant::Reordered,
        Variant::Trimmed,
        Variant::Reheadlined,
        Variant::Boilerplate,
        Variant::HalfBoilerplate,
        Variant::ReheadlinedBoilerplate,
        Variant::All,
    ];

    /// A short name for reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Variant::Reordered => "reordered",
            Variant::Trimmed => "trimmed 30-50%",
            Variant::Reheadlined => "re-headlined",
            Variant::Boilerplate => "boilerplate",
            Variant::HalfBoilerplate => "trimmed 50% + boilerplate",
            Variant::ReheadlinedBoilerplate => "re-headlined + boilerplate",
            Variant::All => "trimmed+reordered+re-headlined+boilerplate",
        }
    }
}

/// Furniture lines above an article.
const TOP: &[&str] = &[
    "Subscribe to our newsletter for the morning briefing",
    "Skip to main content",
    "Menu Home World Politics Business Opinion Sport",
    "Advertisement",
    "Share on Facebook Share on Twitter Share by email Copy link",
    "Listen to this article 4 min",
    "Sign in Register Create a free account",
    "Breaking news alerts straight to your inbox",
    "You are reading a free article from Example Media",
    "Updated 2 hours ago",
];

/// Furniture lines below an article.
const BOTTOM: &[&str] = &[
    "© 2024 Example Media. All rights reserved.",
    "Subscribe to our newsletter",
    "Share this story Facebook Twitter WhatsApp Email",
    "Comments are closed for this article.",
    "Tags: politics, world, analysis",
    "Follow us on social media for the latest updates",
    "This article was originally published by a partner outlet and is republished with permission.",
    "Report a correction or typo",
    "Terms of use | Privacy policy | Cookie settings | Contact us",
    "Get the app on iOS and Android",
];

/// Headlines for "related" lists and new first lines.
const HEADLINES: &[&str] = &[
    "Five things to watch in the week ahead",
    "City council votes to extend night bus routes",
    "Analysis: what the new budget means for families",
    "Storm leaves thousands without power along the coast",
    "Local team clinches title in dramatic final minutes",
    "Opinion: the quiet crisis in rural schools",
    "Markets rally as inflation fears ease",
    "Explainer: how the runoff vote works",
    "Museum reopens after two-year renovation",
    "Scientists track rare bird sightings across the valley",
    "Exclusive: inside the fight over the harbour project",
    "Watch: highlights from last night's debate",
];

/// Paragraphs of a body: its non-empty lines, trimmed. A body of fewer than
/// four paragraphs is cut into sentences instead, so that trimming has units.
fn units(body: &str) -> Vec<String> {
    let paras: Vec<String> = body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    if paras.len() >= 4 {
        return paras;
    }
    let mut out = Vec::new();
    for p in &paras {
        let mut start = 0;
        for (i, _) in p.match_indices(". ") {
            out.push(p[start..=i].trim().to_string());
            start = i + 2;
        }
        if start < p.len() {
            out.push(p[start..].trim().to_string());
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

fn trim(units: &mut Vec<String>, drop_percent: usize) {
    let drop = units.len() * drop_percent / 100;
    let keep = units.len().saturating_sub(drop).max(1);
    units.truncate(keep);
}

fn reorder(units: &mut [String], g: &mut SplitMix) {
    if units.len() < 2 {
        return;
    }
    let before = units.to_vec();
    for _ in 0..4 {
        g.shuffle(units);
        if units != before.as_slice() {
            return;
        }
    }
    units.rotate_left(1);
}

fn reheadline(units: &mut Vec<String>, g: &mut SplitMix) {
    let headline = HEADLINES[g.below(HEADLINES.len())].to_string();
    match units.first_mut() {
        // A short first line is the old headline: replaced.
        Some(first) if first.split_whitespace().count() < 20 => *first = headline,
        _ => units.insert(0, headline),
    }
}

fn wrap(units: &mut Vec<String>, g: &mut SplitMix) {
    let mut top: Vec<String> = Vec::new();
    for _ in 0..g.range(2, 4) {
        top.push(TOP[g.below(TOP.len())].to_string());
    }
    let mut bottom: Vec<String> = Vec::new();
    for _ in 0..g.range(2, 4) {
        bottom.push(BOTTOM[g.below(BOTTOM.len())].to_string());
    }
    bottom.push("Read more:".to_string());
    for _ in 0..g.range(2, 4) {
        bottom.push(HEADLINES[g.below(HEADLINES.len())].to_string());
    }
    top.append(units);
    top.append(&mut bottom);
    *units = top;
}

/// Copies of one article body, one per [`Variant`], in [`Variant::ALL`] order.
/// Deterministic for a given body and seed.
pub fn variants(article: &str, seed: u64) -> Vec<(Variant, String)> {
    let base = units(article);
    let mut g = SplitMix::new(seed ^ crate::hash::fnv1a(article.as_bytes()));
    Variant::ALL
        .iter()
        .map(|&v| {
            let mut u = base.clone();
            match v {
                Variant::Reordered => reorder(&mut u, &mut g),
                Variant::Trimmed => trim(&mut u, g.range(30, 50)),
                Variant::Reheadlined => reheadline(&mut u, &mut g),
                Variant::Boilerplate => wrap(&mut u, &mut g),
                Variant::HalfBoilerplate => {
                    trim(&mut u, 50);
                    wrap(&mut u, &mut g);
                }
                Variant::ReheadlinedBoilerplate => {
                    reheadline(&mut u, &mut g);
                    wrap(&mut u, &mut g);
                }
                Variant::All => {
                    trim(&mut u, g.range(30, 50));
                    reorder(&mut u, &mut g);
                    reheadline(&mut u, &mut g);
                    wrap(&mut u, &mut g);
                }
            }
            (v, u.join("\n\n"))
        })
        .collect()
}

/// Where a document of an evaluation corpus comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    /// Index of the original article.
    pub original: usize,
    /// `None` for the original itself.
    pub variant: Option<Variant>,
}

/// The evaluation corpus: every original, then the variants of the sample.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// Document texts.
    pub docs: Vec<String>,
    /// Where each document comes from.
    pub origin: Vec<Origin>,
    /// Originals long enough to be sampled.
    pub eligible: usize,
    /// Originals whose variants were made.
    pub sampled: usize,
}

/// Originals with fewer words are not sampled for copies: a copy trimmed to
/// half and wrapped in furniture would be mostly furniture.
pub const EVAL_MIN_WORDS: usize = 150;

/// At most this many originals get variants.
pub const EVAL_SAMPLE: usize = 300;

/// Builds the evaluation corpus: all originals, plus the variants of up to
/// [`EVAL_SAMPLE`] originals of at least [`EVAL_MIN_WORDS`] words chosen with
/// `seed`.
pub fn corpus(originals: &[String], seed: u64) -> Corpus {
    let mut eligible: Vec<usize> = (0..originals.len())
        .filter(|&i| originals[i].split_whitespace().count() >= EVAL_MIN_WORDS)
        .collect();
    let n_eligible = eligible.len();
    let mut g = SplitMix::new(seed);
    g.shuffle(&mut eligible);
    eligible.truncate(EVAL_SAMPLE);
    eligible.sort_unstable();
    let mut docs: Vec<String> = originals.to_vec();
    let mut origin: Vec<Origin> = (0..originals.len())
        .map(|i| Origin {
            original: i,
            variant: None,
        })
        .collect();
    for &i in &eligible {
        for (v, text) in variants(&originals[i], seed.wrapping_add(i as u64)) {
            docs.push(text);
            origin.push(Origin {
                original: i,
                variant: Some(v),
            });
        }
    }
    Corpus {
        docs,
        origin,
        eligible: n_eligible,
        sampled: eligible.len(),
    }
}

/// Recall of the copies of one kind against their originals.
#[derive(Debug, Clone, PartialEq)]
pub struct VariantRecall {
    /// The kind of copy.
    pub variant: Variant,
    /// (original, copy) pairs.
    pub pairs: usize,
    /// Of those, found.
    pub found: usize,
}

/// One wrongly linked pair, for inspection.
#[derive(Debug, Clone, PartialEq)]
pub struct Mistake {
    /// The two documents.
    pub a: Origin,
    /// The other document.
    pub b: Origin,
    /// Their estimated Jaccard similarity.
    pub jaccard: f64,
    /// Their estimated containment.
    pub containment: f64,
}

/// Pairwise precision and recall of copy detection.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Documents in the corpus (originals and copies).
    pub docs: usize,
    /// Originals long enough to get copies ([`EVAL_MIN_WORDS`]).
    pub eligible: usize,
    /// Originals that got copies.
    pub sampled: usize,
    /// True pairs: two documents from the same original, or from two
    /// originals in `corpus_copies`.
    pub pairs: usize,
    /// Candidate pairs from the LSH step.
    pub candidates: usize,
    /// Linked pairs that are true.
    pub true_pos: usize,
    /// Linked pairs that are not.
    pub false_pos: usize,
    /// True pairs not linked.
    pub false_neg: usize,
    /// Of the false positives, pairs of two originals (the corpus may hold
    /// real copies).
    pub false_pos_originals: usize,
    /// Pairs of originals that are copies of each other already (exact
    /// shingle containment ≥ [`TRUTH_CONTAINMENT`]), with that containment:
    /// their families are merged in the truth.
    pub corpus_copies: Vec<(usize, usize, f64)>,
    /// Linked pairs from different originals that the merged truth counts as
    /// true (they descend from `corpus_copies`).
    pub linked_via_corpus_copies: usize,
    /// Precision if only pairs from the same original counted as true, i.e.
    /// if the corpus held no copies of its own.
    pub precision_same_original_only: f64,
    /// `true_pos / (true_pos + false_pos)`, 1 when nothing was linked.
    pub precision: f64,
    /// `true_pos / pairs`, 1 when there are no true pairs.
    pub recall: f64,
    /// Recall per kind of copy, against its original.
    pub per_variant: Vec<VariantRecall>,
    /// Up to 20 false positives that do not descend from `corpus_copies`.
    pub false_pos_examples: Vec<Mistake>,
    /// Up to 20 false negatives.
    pub false_neg_examples: Vec<Mistake>,
}

/// LSH candidate pairs `(i, j)` with `i < j`: documents that share a band hash.
pub fn candidates(sigs: &[Signature]) -> HashSet<(usize, usize)> {
    let mut buckets: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, s) in sigs.iter().enumerate() {
        for b in bands(s) {
            buckets.entry(b).or_default().push(i);
        }
    }
    let mut out = HashSet::new();
    for ids in buckets.values() {
        for (x, &i) in ids.iter().enumerate() {
            for &j in &ids[x + 1..] {
                if i != j {
                    out.insert((i.min(j), i.max(j)));
                }
            }
        }
    }
    out
}

/// Builds copies of a sample of `originals` (see [`corpus`]), mixes them with
/// all originals, links pairs with LSH candidates and [`is_copy`], and counts
/// pairwise precision and recall: a pair is true when both documents come from
/// the same original.
pub fn evaluate(originals: &[String], seed: u64) -> Report {
    let c = corpus(originals, seed);
    let sigs: Vec<Signature> = c.docs.iter().map(|d| signature(d)).collect();
    let cands = candidates(&sigs);
    let linked: HashSet<(usize, usize)> = cands
        .iter()
        .copied()
        .filter(|&(i, j)| is_copy(&sigs[i], &sigs[j]))
        .collect();

    // The truth: documents from one original, or from originals that already
    // are copies of each other by exact shingle containment.
    let sets: Vec<Vec<u64>> = originals.iter().map(|o| shingle_set(o)).collect();
    let corpus_copies = exact_copies(&sets);
    let mut root: Vec<usize> = (0..originals.len()).collect();
    fn find(root: &mut [usize], mut x: usize) -> usize {
        while root[x] != x {
            root[x] = root[root[x]];
            x = root[x];
        }
        x
    }
    for &(i, j, _) in &corpus_copies {
        let (a, b) = (find(&mut root, i), find(&mut root, j));
        root[a.max(b)] = a.min(b);
    }
    let family: Vec<usize> = c
        .origin
        .iter()
        .map(|o| find(&mut root, o.original))
        .collect();
    let mut families: HashMap<usize, Vec<usize>> = HashMap::new();
    for (d, &f) in family.iter().enumerate() {
        families.entry(f).or_default().push(d);
    }
    let mistake = |i: usize, j: usize| Mistake {
        a: c.origin[i],
        b: c.origin[j],
        jaccard: jaccard(&sigs[i], &sigs[j]),
        containment: containment(&sigs[i], &sigs[j]),
    };
    let mut pairs = 0;
    let mut true_pos = 0;
    let mut false_neg_examples = Vec::new();
    let mut per: HashMap<Variant, (usize, usize)> = HashMap::new();
    let mut fams: Vec<&Vec<usize>> = families.values().filter(|f| f.len() > 1).collect();
    fams.sort();
    for fam in fams {
        for (x, &i) in fam.iter().enumerate() {
            for &j in &fam[x + 1..] {
                pairs += 1;
                let found = linked.contains(&(i.min(j), i.max(j)));
                if found {
                    true_pos += 1;
                } else if false_neg_examples.len() < 20 {
                    false_neg_examples.push(mistake(i, j));
                }
                let same_original = c.origin[i].original == c.origin[j].original;
                if same_original && c.origin[i].variant.is_none() {
                    if let Some(v) = c.origin[j].variant {
                        let e = per.entry(v).or_default();
                        e.0 += 1;
                        e.1 += usize::from(found);
                    }
                }
            }
        }
    }
    let mut false_pos = 0;
    let mut false_pos_originals = 0;
    let mut linked_via_corpus_copies = 0;
    let mut sorted: Vec<(usize, usize)> = linked.iter().copied().collect();
    sorted.sort_unstable();
    let mut false_pos_examples = Vec::new();
    for &(i, j) in &sorted {
        if c.origin[i].original == c.origin[j].original {
            continue;
        }
        if family[i] == family[j] {
            linked_via_corpus_copies += 1;
            continue;
        }
        false_pos += 1;
        if c.origin[i].variant.is_none() && c.origin[j].variant.is_none() {
            false_pos_originals += 1;
        }
        if false_pos_examples.len() < 20 {
            false_pos_examples.push(mistake(i, j));
        }
    }
    let per_variant = Variant::ALL
        .iter()
        .filter_map(|v| {
            per.get(v).map(|&(pairs, found)| VariantRecall {
                variant: *v,
                pairs,
                found,
            })
        })
        .collect();
    let ratio = |num: usize, den: usize| {
        if den == 0 {
            1.0
        } else {
            num as f64 / den as f64
        }
    };
    let same_original_tp = true_pos - linked_via_corpus_copies;
    Report {
        docs: c.docs.len(),
        eligible: c.eligible,
        sampled: c.sampled,
        pairs,
        candidates: cands.len(),
        true_pos,
        false_pos,
        false_neg: pairs - true_pos,
        false_pos_originals,
        corpus_copies,
        linked_via_corpus_copies,
        precision_same_original_only: ratio(same_original_tp, true_pos + false_pos),
        precision: ratio(true_pos, true_pos + false_pos),
        recall: ratio(true_pos, pairs),
        per_variant,
        false_pos_examples,
        false_neg_examples,
    }
}

/// Exact containment of the smaller shingle set in the larger at which two
/// originals count as copies of each other in the evaluation's truth.
pub const TRUTH_CONTAINMENT: f64 = 0.5;

/// Pairs of documents `(i, j, containment)`, `i < j`, whose exact shingle
/// containment is at least [`TRUTH_CONTAINMENT`] (both with at least
/// `MIN_SHINGLES` shingles), found through an inverted index of shingles.
fn exact_copies(sets: &[Vec<u64>]) -> Vec<(usize, usize, f64)> {
    exact_pairs(sets, MIN_SHINGLES as usize)
}

/// Pairs `(i, j, containment)` of sets with at least `min_len` elements each
/// whose exact containment is at least [`TRUTH_CONTAINMENT`].
fn exact_pairs(sets: &[Vec<u64>], min_len: usize) -> Vec<(usize, usize, f64)> {
    let mut index: HashMap<u64, Vec<u32>> = HashMap::new();
    for (d, set) in sets.iter().enumerate() {
        for &h in set {
            index.entry(h).or_default().push(d as u32);
        }
    }
    let mut shared: HashMap<(u32, u32), u32> = HashMap::new();
    for docs in index.values() {
        if docs.len() > 50 {
            continue; // a phrase common to many articles proves nothing
        }
        for (x, &a) in docs.iter().enumerate() {
            for &b in &docs[x + 1..] {
                *shared.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut out: Vec<(usize, usize, f64)> = shared
        .into_iter()
        .filter_map(|((a, b), n)| {
            let (a, b) = (a as usize, b as usize);
            let small = sets[a].len().min(sets[b].len());
            let c = f64::from(n) / small.max(1) as f64;
            (small >= min_len && c >= TRUTH_CONTAINMENT).then_some((a.min(b), a.max(b), c))
        })
        .collect();
    out.sort_by_key(|x| (x.0, x.1));
    out
}

/// How a reported quote was changed from the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QuoteVariant {
    /// Straight quotation marks, commas dropped, first word capitalised.
    Punctuation,
    /// Only the first half of its words, then "…".
    FirstHalf,
    /// One word replaced (a translation's different choice).
    OneWord,
    /// Two words replaced.
    TwoWords,
}

impl QuoteVariant {
    /// Every variant, in the order [`quote_variants`] returns them.
    pub const ALL: [QuoteVariant; 4] = [
        QuoteVariant::Punctuation,
        QuoteVariant::FirstHalf,
        QuoteVariant::OneWord,
        QuoteVariant::TwoWords,
    ];

    /// A short name for reports.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteVariant::Punctuation => "punctuation and quote marks",
            QuoteVariant::FirstHalf => "first half only",
            QuoteVariant::OneWord => "one word changed",
            QuoteVariant::TwoWords => "two words changed",
        }
    }
}

/// Replacement words for [`quote_variants`].
const SUBSTITUTES: &[&str] = &[
    "dialog",
    "counterparts",
    "nevertheless",
    "talks",
    "nation",
    "officials",
    "certainly",
    "matter",
    "people",
    "plan",
    "deal",
    "country",
    "want",
    "believe",
    "very",
];

/// Quotations of 5–80 words in an article: text between “ and ” (or a pair of
/// straight double quotes) within one line.
pub fn quotations(article: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in article.lines() {
        for (open, close) in [('\u{201c}', '\u{201d}'), ('"', '"')] {
            let mut rest = line;
            while let Some(s) = rest.find(open) {
                let after = &rest[s + open.len_utf8()..];
                let Some(e) = after.find(close) else { break };
                let q = &after[..e];
                let n = crate::fingerprint::words(q).len();
                if (5..=80).contains(&n) {
                    out.push(q.trim().to_string());
                }
                rest = &after[e + close.len_utf8()..];
            }
        }
    }
    out
}

/// Changed reports of one quote, one per [`QuoteVariant`].
pub fn quote_variants(quote: &str, seed: u64) -> Vec<(QuoteVariant, String)> {
    let mut g = SplitMix::new(seed ^ crate::hash::fnv1a(quote.as_bytes()));
    let ws: Vec<&str> = quote.split_whitespace().collect();
    let replace = |g: &mut SplitMix, n: usize| {
        let mut w: Vec<String> = ws.iter().map(|s| s.to_string()).collect();
        for _ in 0..n {
            if w.len() > 1 {
                let i = g.range(1, w.len() - 1);
                let sub = SUBSTITUTES[g.below(SUBSTITUTES.len())];
                w[i] = if w[i] == sub {
                    format!("{sub}s")
                } else {
                    sub.to_string()
                };
            }
        }
        w.join(" ")
    };
    QuoteVariant::ALL
        .iter()
        .map(|&v| {
            let text = match v {
                QuoteVariant::Punctuation => {
                    let t: String = quote.chars().filter(|&c| c != ',').collect();
                    let mut c = t.chars();
                    let t: String = match c.next() {
                        Some(f) => f.to_uppercase().chain(c).collect(),
                        None => t,
                    };
                    format!("\"{t}\"")
                }
                QuoteVariant::FirstHalf => ws[..ws.len().div_ceil(2)].join(" ") + " …",
                QuoteVariant::OneWord => replace(&mut g, 1),
                QuoteVariant::TwoWords => replace(&mut g, 2),
            };
            (v, text)
        })
        .collect()
}

/// Recall of changed quotes of one kind against their original.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteVariantRecall {
    /// The kind of change.
    pub variant: QuoteVariant,
    /// (original, changed) pairs.
    pub pairs: usize,
    /// Of those, found.
    pub found: usize,
}

/// Pairwise precision and recall of [`same_statement`](crate::fingerprint::same_statement).
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteReport {
    /// Distinct quotations found in the articles.
    pub quotes: usize,
    /// Quotations that got changed copies.
    pub sampled: usize,
    /// True pairs: a quotation and its changed copies, and copies of one
    /// quotation among each other, plus quotations that are one statement
    /// already (the words of one, at least five, are a run of the other's).
    pub pairs: usize,
    /// Linked pairs that are true.
    pub true_pos: usize,
    /// Linked pairs that are not.
    pub false_pos: usize,
    /// True pairs not linked.
    pub false_neg: usize,
    /// `true_pos / (true_pos + false_pos)`.
    pub precision: f64,
    /// `true_pos / pairs`.
    pub recall: f64,
    /// Recall per kind of change, against the original quotation.
    pub per_variant: Vec<QuoteVariantRecall>,
    /// Up to 20 false positives as text pairs.
    pub false_pos_examples: Vec<(String, String)>,
    /// Up to 20 false negatives as text pairs.
    pub false_neg_examples: Vec<(String, String)>,
}

/// At most this many quotations get changed copies.
pub const QUOTE_SAMPLE: usize = 1000;

/// Measures the statement rule: collects the quotations of `articles`
/// (deduplicated by their words), gives a sample of them changed copies
/// ([`quote_variants`]), links every pair that shares a fingerprint and passes
/// [`same_statement`](crate::fingerprint::same_statement) (the join a database
/// does), and counts pairwise precision and recall. Quotations that already
/// are one statement (one a run of at least five words of the other) count as
/// true pairs.
pub fn evaluate_quotes(articles: &[String], seed: u64) -> QuoteReport {
    evaluate_quotes_with(articles, seed, &crate::fingerprint::Params::DEFAULT)
}

/// [`evaluate_quotes`] with other fingerprint parameters, for tuning.
pub fn evaluate_quotes_with(
    articles: &[String],
    seed: u64,
    params: &crate::fingerprint::Params,
) -> QuoteReport {
    use crate::fingerprint::words;
    let mut seen = HashSet::new();
    let mut originals: Vec<String> = Vec::new();
    for a in articles {
        for q in quotations(a) {
            if seen.insert(words(&q)) {
                originals.push(q);
            }
        }
    }
    let mut idx: Vec<usize> = (0..originals.len()).collect();
    let mut g = SplitMix::new(seed);
    g.shuffle(&mut idx);
    idx.truncate(QUOTE_SAMPLE);
    idx.sort_unstable();
    let mut texts = originals.clone();
    let mut origin: Vec<(usize, Option<QuoteVariant>)> =
        (0..originals.len()).map(|i| (i, None)).collect();
    for &i in &idx {
        for (v, t) in quote_variants(&originals[i], seed.wrapping_add(i as u64)) {
            texts.push(t);
            origin.push((i, Some(v)));
        }
    }
    // Truth merge: originals that are one statement already: the words of one
    // (at least five) are a contiguous run of the other's (a partial quote).
    let word_lists: Vec<Vec<String>> = originals.iter().map(|q| words(q)).collect();
    let trigram_sets: Vec<Vec<u64>> = word_lists
        .iter()
        .map(|ws| {
            let mut v: Vec<u64> = ws
                .windows(3)
                .map(|w| crate::hash::fnv1a(w.join(" ").as_bytes()))
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    let mut root: Vec<usize> = (0..originals.len()).collect();
    fn find(root: &mut [usize], mut x: usize) -> usize {
        while root[x] != x {
            root[x] = root[root[x]];
            x = root[x];
        }
        x
    }
    for (i, j, _) in exact_pairs(&trigram_sets, 1) {
        let (short, long) = if word_lists[i].len() <= word_lists[j].len() {
            (&word_lists[i], &word_lists[j])
        } else {
            (&word_lists[j], &word_lists[i])
        };
        if short.len() >= 5 && long.windows(short.len()).any(|w| w == short.as_slice()) {
            let (a, b) = (find(&mut root, i), find(&mut root, j));
            root[a.max(b)] = a.min(b);
        }
    }
    let family: Vec<usize> = origin.iter().map(|&(o, _)| find(&mut root, o)).collect();

    // The database's join: fingerprint → quotes, shared counts per pair.
    let fps: Vec<Vec<u64>> = texts.iter().map(|t| params.fingerprints(t)).collect();
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for (d, f) in fps.iter().enumerate() {
        for &h in f {
            index.entry(h).or_default().push(d);
        }
    }
    let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
    for ds in index.values() {
        for (x, &a) in ds.iter().enumerate() {
            for &b in &ds[x + 1..] {
                *shared.entry((a.min(b), a.max(b))).or_default() += 1;
            }
        }
    }
    let linked: HashSet<(usize, usize)> = shared
        .iter()
        .filter(|(&(a, b), &n)| params.same_statement(n, fps[a].len(), fps[b].len()))
        .map(|(&p, _)| p)
        .collect();

    let mut families: HashMap<usize, Vec<usize>> = HashMap::new();
    for (d, &f) in family.iter().enumerate() {
        families.entry(f).or_default().push(d);
    }
    let (mut pairs, mut true_pos) = (0, 0);
    let mut per: HashMap<QuoteVariant, (usize, usize)> = HashMap::new();
    let mut false_neg_examples = Vec::new();
    let mut fams: Vec<&Vec<usize>> = families.values().filter(|f| f.len() > 1).collect();
    fams.sort();
    for fam in fams {
        for (x, &i) in fam.iter().enumerate() {
            for &j in &fam[x + 1..] {
                pairs += 1;
                let found = linked.contains(&(i.min(j), i.max(j)));
                if found {
                    true_pos += 1;
                } else if false_neg_examples.len() < 20 {
                    false_neg_examples.push((texts[i].clone(), texts[j].clone()));
                }
                if origin[i].0 == origin[j].0 && origin[i].1.is_none() {
                    if let Some(v) = origin[j].1 {
                        let e = per.entry(v).or_default();
                        e.0 += 1;
                        e.1 += usize::from(found);
                    }
                }
            }
        }
    }
    let mut fp: Vec<(usize, usize)> = linked
        .iter()
        .copied()
        .filter(|&(i, j)| family[i] != family[j])
        .collect();
    fp.sort_unstable();
    let false_pos = fp.len();
    let false_pos_examples = fp
        .iter()
        .take(20)
        .map(|&(i, j)| (texts[i].clone(), texts[j].clone()))
        .collect();
    let ratio = |num: usize, den: usize| {
        if den == 0 {
            1.0
        } else {
            num as f64 / den as f64
        }
    };
    QuoteReport {
        quotes: originals.len(),
        sampled: idx.len(),
        pairs,
        true_pos,
        false_pos,
        false_neg: pairs - true_pos,
        precision: ratio(true_pos, true_pos + false_pos),
        recall: ratio(true_pos, pairs),
        per_variant: QuoteVariant::ALL
            .iter()
            .filter_map(|v| {
                per.get(v).map(|&(pairs, found)| QuoteVariantRecall {
                    variant: *v,
                    pairs,
                    found,
                })
            })
            .collect(),
        false_pos_examples,
        false_neg_examples,
    }
}

/// Syllables for invented names in [`fictional_article`].
const SYLLABLES: &[&str] = &[
    "bra", "ken", "dol", "mar", "ost", "vel", "tir", "sa", "lun", "gor", "phe", "ri", "ando",
    "kas", "mel", "wyn", "tor", "ela", "nov", "hal", "quin", "bre", "dask", "ume", "zol",
];
const FIRST: &[&str] = &[
    "Elena", "Tomas", "Ruth", "Ilya", "Dana", "Pavel", "Miriam", "Farid", "Hannah", "Lars",
    "Amara", "Jonas", "Petra", "Oskar", "Leila", "Mateo", "Nadia", "Viktor", "Grace", "Idris",
];
const ROLES: &[&str] = &[
    "Mayor",
    "Minister",
    "Senator",
    "Governor",
    "spokeswoman",
    "Councillor",
    "Judge",
    "economist",
    "union leader",
    "Commissioner",
    "opposition leader",
    "police chief",
];
const ACTS: &[&str] = &[
    "announced a plan to",
    "warned that it would be hard to",
    "promised voters to",
    "asked the council to",
    "refused to say whether the city would",
    "urged residents to",
    "said officials were preparing to",
    "questioned the decision to",
    "defended the proposal to",
    "called on lawmakers to",
    "declined to confirm reports of a move to",
    "vowed to",
];
const VERBS: &[&str] = &[
    "rebuild",
    "delay",
    "close",
    "expand",
    "review",
    "sell",
    "audit",
    "move",
    "double",
    "freeze",
    "cancel",
    "fund",
    "inspect",
    "redesign",
    "privatise",
    "restore",
];
const OBJECTS: &[&str] = &[
    "the flood barriers",
    "the vote on the budget",
    "two rural clinics",
    "the night bus network",
    "the fee for parking permits",
    "the harbour cranes",
    "every contract signed last year",
    "the inquiry into the fire",
    "the waiting list for housing",
    "the market square",
    "the teacher training scheme",
    "water prices",
    "the old rail depot",
    "the ferry service",
];
const WHENS: &[&str] = &[
    "on Tuesday",
    "late on Friday",
    "this week",
    "after a long meeting",
    "in a statement",
    "at a news conference",
    "before the holiday",
    "during a visit to the site",
    "last month",
    "on Sunday evening",
    "in an interview",
];
const EXTRAS: &[&str] = &[
    "The cost was put at {n} million.",
    "About {n} people attended the meeting in {p}.",
    "Critics in {p} said the figures did not add up.",
    "A final decision is expected within {n} days.",
    "The opposition called the plan reckless and said {n} jobs were at risk.",
    "Local businesses in {p} welcomed the news.",
    "It was not clear how the work would be paid for.",
    "Polls show {n} percent support for the idea.",
    "{q} first raised the issue in {y}, when {n} households were affected.",
];

fn invented(g: &mut SplitMix, parts: usize) -> String {
    let mut s = String::new();
    for _ in 0..parts {
        s.push_str(SYLLABLES[g.below(SYLLABLES.len())]);
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => s,
    }
}

/// A fictional news article of `paras` paragraphs (plus a headline) about
/// `topic`, from the seeded generator: invented people and places, so tests
/// need no real text.
pub fn fictional_article(g: &mut SplitMix, topic: &str, paras: usize) -> String {
    let pick = |g: &mut SplitMix, l: &[&'static str]| l[g.below(l.len())];
    let people: Vec<String> = (0..3)
        .map(|_| {
            let role = pick(g, ROLES);
            let first = pick(g, FIRST);
            format!("{role} {first} {}", invented(g, 3))
        })
        .collect();
    let places: Vec<String> = (0..3)
        .map(|_| invented(g, 2) + " " + pick(g, &["Bay", "Falls", "Heights", "Valley", "Port"]))
        .collect();
    let mut out = vec![format!(
        "{} {} plan divides {}",
        invented(g, 2),
        topic,
        places[0]
    )];
    for _ in 0..paras {
        let mut p = Vec::new();
        for _ in 0..g.range(2, 4) {
            let who = &people[g.below(people.len())];
            let place = &places[g.below(places.len())];
            p.push(format!(
                "{who} {} {} {} {} in {place}, citing the {topic} dispute.",
                pick(g, WHENS),
                pick(g, ACTS),
                pick(g, VERBS),
                pick(g, OBJECTS),
            ));
            let extra = pick(g, EXTRAS)
                .replace("{n}", &g.range(2, 900).to_string())
                .replace("{y}", &g.range(1990, 2023).to_string())
                .replace("{p}", &places[g.below(places.len())])
                .replace("{q}", &people[g.below(people.len())]);
            p.push(extra);
        }
        let s = p.join(" ");
        let mut c = s.chars();
        out.push(match c.next() {
            Some(f) => f.to_uppercase().chain(c).collect(),
            None => s,
        });
    }
    out.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn originals(n: usize) -> Vec<String> {
        let topics = [
            "harbour",
            "budget",
            "school",
            "flood",
            "transport",
            "housing",
            "water",
            "election",
        ];
        let mut g = SplitMix::new(42);
        (0..n)
            .map(|i| {
                let paras = g.range(6, 12);
                fictional_article(&mut g, topics[i % topics.len()], paras)
            })
            .collect()
    }

    #[test]
    fn variants_are_deterministic_and_complete() {
        let a = &originals(1)[0];
        let v1 = variants(a, 7);
        assert_eq!(v1, variants(a, 7));
        assert_eq!(v1.len(), Variant::ALL.len());
        let n = units(a).len();
        for (v, text) in &v1 {
            let k = units(text).len();
            match v {
                Variant::Trimmed => assert!(k >= n / 2 && k <= n - n * 3 / 10, "{k} of {n}"),
                Variant::Boilerplate => assert!(text.contains("Read more:")),
                Variant::Reordered => assert_ne!(text, &units(a).join("\n\n")),
                _ => {}
            }
        }
    }

    #[test]
    fn variants_of_odd_input() {
        for s in ["", "One line only.", "A. B. C.", "\n\n\n"] {
            assert_eq!(variants(s, 1).len(), Variant::ALL.len());
        }
    }

    #[test]
    fn evaluate_on_fictional_news() {
        let o = originals(40);
        let r = evaluate(&o, 3);
        assert!(r.sampled > 0);
        assert!(r.pairs > 0);
        assert!(r.precision >= 0.99, "{r:?}");
        assert!(r.recall >= 0.9, "{r:?}");
    }

    const QUOTED: &[&str] = &[
        "The mayor said: “We will rebuild every flood barrier along the river before the autumn storms arrive, whatever it costs the city.”",
        "“Nobody in this chamber voted for a budget that closes rural clinics while the new stadium gets a second roof,” Ostrander told reporters.",
        "“Our teachers have waited eleven years for a fair contract and they will not wait another winter,” the union leader said on Tuesday.",
        "Brandt added: \"The ferry service is a lifeline for the islands and selling it to the highest bidder would be a betrayal of every family there.\"",
        "“If the harbour cranes are sold, three hundred dock workers lose their jobs and the port loses its future,” said Hannah Obi.",
        "“We are not against new housing, we are against towers that nobody in the old quarter can afford to live in,” residents wrote.",
    ];

    #[test]
    fn quotations_are_found() {
        let q = quotations(QUOTED[0]);
        assert_eq!(q.len(), 1);
        assert!(q[0].starts_with("We will rebuild"));
        assert_eq!(quotations(QUOTED[3]).len(), 1);
        assert!(quotations("“Too short,” he said. “Unclosed quote").is_empty());
        assert!(quotations("").is_empty());
    }

    #[test]
    fn quote_variants_are_deterministic() {
        let q = &quotations(QUOTED[1])[0];
        let v = quote_variants(q, 4);
        assert_eq!(v, quote_variants(q, 4));
        assert_eq!(v.len(), QuoteVariant::ALL.len());
        assert!(v[1].1.ends_with('…'));
        assert_eq!(quote_variants("", 1).len(), QuoteVariant::ALL.len());
    }

    #[test]
    fn evaluate_quotes_on_written_quotes() {
        let articles: Vec<String> = QUOTED.iter().map(|s| s.to_string()).collect();
        let r = evaluate_quotes(&articles, 9);
        assert_eq!(r.quotes, QUOTED.len());
        assert_eq!(r.sampled, QUOTED.len());
        assert_eq!(r.false_pos, 0, "{:?}", r.false_pos_examples);
        assert!(r.recall >= 0.9, "{r:?}");
        assert_eq!(r.per_variant[0].found, r.per_variant[0].pairs);
    }
}
