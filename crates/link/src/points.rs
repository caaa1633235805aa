//! Talking points: statements grouped by meaning, incrementally, and their labels.
//!
//! A talking point is a centroid (the running mean of its statements' unit vectors) and a
//! count. A new statement joins the point whose centroid is nearest by cosine when that cosine
//! reaches the threshold, else it starts a new point ([`assign`]); joining moves the centroid
//! ([`Centroid::add`]). Nothing is ever recomputed from scratch, so the order of arrival
//! matters a little, as in any online clustering; the store keeps the centroids.
//!
//! A point's label ([`label`]) is two to four key phrases, c-TF-IDF style: a word or bigram's
//! frequency in the point's statements × `ln(1 + points / df)`, where `df` is the number of
//! points whose statements contain it ([`DocFreq`]); stop words never start or end a phrase.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::fold::folded_words;

/// The cosine a statement needs with a point's centroid to join it, for sentence vectors of
/// the static model distilled from all-MiniLM-L6-v2 (callers using other models pass their
/// own threshold to [`assign`]). Provisional: static-model vectors share a large common
/// component (unrelated statements have cosines around 0.64), so lower thresholds lump
/// unrelated statements together; see ARCHITECTURE.md.
pub const DEFAULT_THRESHOLD: f32 = 0.8;

/// A talking point's centre: the mean of its members' vectors, and how many there are.
#[derive(Debug, Clone, PartialEq)]
pub struct Centroid {
    pub mean: Vec<f32>,
    pub count: u32,
}

impl Centroid {
    /// A point holding one statement.
    pub fn new(vector: &[f32]) -> Self {
        Centroid {
            mean: vector.to_vec(),
            count: 1,
        }
    }

    /// Adds a member: the running mean `mean += (v − mean) / (count + 1)`. A vector of another
    /// length is ignored beyond the shorter length.
    pub fn add(&mut self, vector: &[f32]) {
        let n = self.count.saturating_add(1);
        let step = 1.0 / n as f32;
        for (m, &x) in self.mean.iter_mut().zip(vector) {
            *m += (x - *m) * step;
        }
        self.count = n;
    }

    /// Removes a member added before (the inverse of [`Centroid::add`]); a point left empty
    /// keeps its last mean with a count of 0.
    pub fn remove(&mut self, vector: &[f32]) {
        if self.count <= 1 {
            self.count = 0;
            return;
        }
        let n = self.count - 1;
        for (m, &x) in self.mean.iter_mut().zip(vector) {
            *m = (*m * self.count as f32 - x) / n as f32;
        }
        self.count = n;
    }
}

/// Where a new statement goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Assignment {
    /// Join the point at this index of the centroids given, with this cosine.
    Join { index: usize, similarity: f32 },
    /// Start a new point (`nearest` is the best cosine found, if any point exists).
    New { nearest: Option<f32> },
}

fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let (mut dot, mut na, mut nb) = (0f32, 0f32, 0f32);
    for (x, y) in a.iter().zip(b) {
        dot += x * y;
        na += x * x;
        nb += y * y;
    }
    if na <= 0.0 || nb <= 0.0 || !dot.is_finite() {
        0.0
    } else {
        dot / (na.sqrt() * nb.sqrt())
    }
}

/// The centroid nearest to `vector` by cosine and that cosine (the first on ties; empty points
/// are skipped).
pub fn nearest(vector: &[f32], centroids: &[Centroid]) -> Option<(usize, f32)> {
    let mut best: Option<(usize, f32)> = None;
    for (i, c) in centroids.iter().enumerate() {
        if c.count == 0 {
            continue;
        }
        let s = cosine(vector, &c.mean);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best
}

/// Decides where a statement with this vector goes among the existing points. The zero vector
/// (a text with nothing the model knows) always starts its own point.
pub fn assign(vector: &[f32], centroids: &[Centroid], threshold: f32) -> Assignment {
    match nearest(vector, centroids) {
        Some((index, similarity)) if similarity >= threshold && similarity > 0.0 => {
            Assignment::Join { index, similarity }
        }
        other => Assignment::New {
            nearest: other.map(|(_, s)| s),
        },
    }
}

/// Groups vectors in order, as ingesting them one by one would: the point index of each
/// vector and the final centroids.
pub fn group(vectors: &[Vec<f32>], threshold: f32) -> (Vec<usize>, Vec<Centroid>) {
    let mut centroids: Vec<Centroid> = Vec::new();
    let mut of = Vec::with_capacity(vectors.len());
    for v in vectors {
        match assign(v, &centroids, threshold) {
            Assignment::Join { index, .. } => {
                centroids[index].add(v);
                of.push(index);
            }
            Assignment::New { .. } => {
                of.push(centroids.len());
                centroids.push(Centroid::new(v));
            }
        }
    }
    (of, centroids)
}

/// Words that never start or end a key phrase: function words and the verbs of reporting.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "dont",
    "down",
    "during",
    "each",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "get",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "let",
    "like",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "never",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "said",
    "same",
    "say",
    "saying",
    "says",
    "she",
    "should",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "told",
    "too",
    "under",
    "until",
    "up",
    "us",
    "very",
    "was",
    "we",
    "well",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "yes",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

pub(crate) fn is_stop(w: &str) -> bool {
    STOP_WORDS.binary_search(&w).is_ok() || w.chars().count() < 2
}

/// The candidate phrases of one text: content words and bigrams of two content words.
fn terms(text: &str) -> Vec<String> {
    let words = folded_words(text);
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if is_stop(w) {
            continue;
        }
        out.push(w.clone());
        if let Some(next) = words.get(i + 1).filter(|n| !is_stop(n)) {
            out.push(format!("{w} {next}"));
        }
    }
    out
}

/// How many talking points mention each term: the background a label is measured against.
#[derive(Debug, Clone, Default)]
pub struct DocFreq {
    points: u64,
    df: HashMap<String, u64>,
}

impl DocFreq {
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts one talking point, given its statements' texts.
    pub fn add_point<S: AsRef<str>>(&mut self, texts: &[S]) {
        let set: HashSet<String> = texts.iter().flat_map(|t| terms(t.as_ref())).collect();
        for t in set {
            *self.df.entry(t).or_default() += 1;
        }
        self.points += 1;
    }

    /// The number of points counted.
    pub fn points(&self) -> u64 {
        self.points
    }

    /// The number of points whose statements contain `term` (a folded word or bigram).
    pub fn df(&self, term: &str) -> u64 {
        self.df.get(term).copied().unwrap_or(0)
    }
}

/// A label of two to four key phrases for a talking point with these statements, joined by
/// ", ": c-TF-IDF scores (frequency in the point × `ln(1 + points / df)`); a bigram whose
/// words are both chosen replaces them, and a word inside a chosen bigram is not repeated.
/// Empty when the texts have no content words. Deterministic: ties go to the shorter, then
/// alphabetically first phrase.
pub fn label<S: AsRef<str>>(texts: &[S], background: &DocFreq) -> String {
    let mut tf: BTreeMap<String, f64> = BTreeMap::new();
    for t in texts {
        for term in terms(t.as_ref()) {
            *tf.entry(term).or_default() += 1.0;
        }
    }
    // The point itself counts in the background even when the caller has not added it.
    let points = background.points.max(1) as f64;
    let mut scored: Vec<(f64, String)> = tf
        .into_iter()
        .map(|(term, f)| {
            let df = background.df(&term).max(1) as f64;
            let bigram_bonus = if term.contains(' ') { 1.5 } else { 1.0 };
            (f * bigram_bonus * (1.0 + points / df).ln(), term)
        })
        .collect();
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(a.1.len().cmp(&b.1.len()))
            .then(a.1.cmp(&b.1))
    });
    let mut chosen: Vec<String> = Vec::new();
    for (_, term) in scored {
        if chosen.len() == 4 {
            break;
        }
        let words: Vec<&str> = term.split(' ').collect();
        let covered = chosen.iter().any(|c| {
            let cw: Vec<&str> = c.split(' ').collect();
            words.iter().all(|w| cw.contains(w))
        });
        if covered {
            continue;
        }
        if words.len() == 2 {
            // A bigram absorbs the single words it contains.
            chosen.retain(|c| !words.contains(&c.as_str()));
        }
        chosen.push(term);
    }
    chosen.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(v: &[f32]) -> Vec<f32> {
        let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        v.iter().map(|x| x / n).collect()
    }

    #[test]
    fn stop_words_are_sorted() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn joins_the_nearest_point_above_the_threshold() {
        let a = Centroid::new(&unit(&[1.0, 0.0, 0.0]));
        let b = Centroid::new(&unit(&[0.0, 1.0, 0.0]));
        let points = vec![a, b];
        match assign(&unit(&[0.2, 1.0, 0.0]), &points, 0.9) {
            Assignment::Join { index, similarity } => {
                assert_eq!(index, 1);
                assert!(similarity > 0.98);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            assign(&unit(&[0.0, 0.0, 1.0]), &points, 0.9),
            Assignment::New { nearest: Some(s) } if s.abs() < 1e-6
        ));
        assert_eq!(
            assign(&[1.0, 0.0, 0.0], &[], 0.5),
            Assignment::New { nearest: None }
        );
        // The zero vector never joins.
        assert!(matches!(
            assign(&[0.0, 0.0, 0.0], &points, -1.0),
            Assignment::New { .. }
        ));
    }

    #[test]
    fn centroid_is_the_running_mean_and_removal_undoes_it() {
        let mut c = Centroid::new(&[1.0, 0.0]);
        c.add(&[0.0, 1.0]);
        c.add(&[1.0, 1.0]);
        assert_eq!(c.count, 3);
        assert!((c.mean[0] - 2.0 / 3.0).abs() < 1e-6 && (c.mean[1] - 2.0 / 3.0).abs() < 1e-6);
        c.remove(&[1.0, 1.0]);
        assert!((c.mean[0] - 0.5).abs() < 1e-6 && (c.mean[1] - 0.5).abs() < 1e-6);
        c.remove(&[0.0, 1.0]);
        c.remove(&[1.0, 0.0]);
        assert_eq!(c.count, 0);
        assert_eq!(nearest(&[1.0, 0.0], &[c]), None);
    }

    #[test]
    fn groups_incrementally() {
        let vs: Vec<Vec<f32>> = [
            [1.0, 0.1, 0.0],
            [0.0, 1.0, 0.1],
            [1.0, 0.0, 0.1],
            [0.1, 1.0, 0.0],
            [0.0, 0.0, 1.0],
        ]
        .iter()
        .map(|v| unit(v))
        .collect();
        let (of, centroids) = group(&vs, 0.9);
        assert_eq!(of, vec![0, 1, 0, 1, 2]);
        assert_eq!(
            centroids.iter().map(|c| c.count).collect::<Vec<_>>(),
            [2, 2, 1]
        );
    }

    #[test]
    fn labels_name_what_the_point_is_about() {
        let point = [
            "We are open to dialogue with the West, but only on equal terms.",
            "Russia is ready for dialogue on equal terms, the minister said.",
            "Any dialogue must be on equal terms and with mutual respect.",
        ];
        let others: [&[&str]; 3] = [
            &[
                "The harbour will reopen in spring.",
                "Ferries return to the harbour.",
            ],
            &[
                "Grain prices rose by three percent.",
                "Prices of grain fell in May.",
            ],
            &["The minister said the talks were useful."],
        ];
        let mut df = DocFreq::new();
        df.add_point(&point);
        for o in others {
            df.add_point(o);
        }
        assert_eq!(df.points(), 4);
        let l = label(&point, &df);
        let phrases: Vec<&str> = l.split(", ").collect();
        assert!((2..=4).contains(&phrases.len()), "{l}");
        assert_eq!(phrases[0], "equal terms", "{l}");
        assert!(phrases.contains(&"dialogue"), "{l}");
        assert!(
            !phrases.contains(&"equal") && !phrases.contains(&"terms"),
            "{l}"
        );
        assert!(!l.contains("said") && !l.contains("minister"), "{l}");

        let grain = label(others[1], &df);
        assert!(
            grain.starts_with("grain") || grain.starts_with("prices"),
            "{grain}"
        );
    }

    #[test]
    fn labels_of_nothing_are_empty() {
        let df = DocFreq::new();
        assert_eq!(label::<&str>(&[], &df), "");
        assert_eq!(label(&["", "the of and", "!!!"], &df), "");
        assert_eq!(label(&["Мир и диалог"], &df), "мир, диалог");
    }
}
