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

/// Cosine of two vectors (0 when either is zero).
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
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

/// The cosine with a point's centroid, in a [`Space`], that a statement needs to join it.
/// Statement vectors of a sentence model share a large common direction (with the static
/// model, two unrelated news statements have a raw cosine of 0.49 on average and 0.85 at the
/// 99th percentile); a space removes it, after which unrelated pairs average about 0 and reach
/// 0.34 at the 99th percentile. 0.45 sits above that tail; see ARCHITECTURE.md ("Talking points").
pub const SPACE_THRESHOLD: f32 = 0.45;

/// The statements a space is fitted on when the first grouping has at least this many; fewer,
/// and the caller's reference sentences give the centre.
pub const SPACE_MIN_FIT: usize = 1000;

/// Where talking points are compared: statement vectors minus their common centre, minus the
/// strongest shared direction, renormalised. A database fits its space once, at its first
/// grouping, and keeps it: every stored centroid lives in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Space {
    pub centre: Vec<f32>,
    /// Unit directions projected out after centring (one, or none for a single vector).
    pub directions: Vec<Vec<f32>>,
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn normalise(v: &mut [f32]) {
    let n = dot(v, v).sqrt();
    if n > 0.0 && n.is_finite() {
        v.iter_mut().for_each(|x| *x /= n);
    }
}

fn mean_of(vectors: &[Vec<f32>], dim: usize) -> Vec<f32> {
    let mut m = vec![0f32; dim];
    for v in vectors {
        for (a, x) in m.iter_mut().zip(v) {
            *a += x;
        }
    }
    let n = vectors.len().max(1) as f32;
    m.iter_mut().for_each(|a| *a /= n);
    m
}

/// The strongest direction of centred vectors, by power iteration from a fixed start.
fn top_direction(centred: &[Vec<f32>], dim: usize) -> Option<Vec<f32>> {
    let mut d: Vec<f32> = (0..dim).map(|i| 1.0 + (i % 7) as f32 * 0.1).collect();
    normalise(&mut d);
    for _ in 0..30 {
        let mut next = vec![0f32; dim];
        for v in centred {
            let p = dot(v, &d);
            for (a, x) in next.iter_mut().zip(v) {
                *a += p * x;
            }
        }
        normalise(&mut next);
        if dot(&next, &next) == 0.0 {
            return None;
        }
        d = next;
    }
    Some(d)
}

impl Space {
    /// Fits a space on the statement vectors of a first grouping, or, when there are fewer
    /// than [`SPACE_MIN_FIT`], on `reference` (vectors of general news sentences): their
    /// centre, their strongest direction and the cells. Deterministic. Zero vectors are ignored.
    pub fn fit(statements: &[Vec<f32>], reference: &[Vec<f32>]) -> Space {
        let usable = |vs: &[Vec<f32>]| -> Vec<Vec<f32>> {
            vs.iter().filter(|v| dot(v, v) > 0.0).cloned().collect()
        };
        let ours = usable(statements);
        let sample = if ours.len() >= SPACE_MIN_FIT {
            ours
        } else {
            usable(reference)
        };
        let dim = sample.first().map_or(0, Vec::len);
        let centre = mean_of(&sample, dim);
        let mut space = Space {
            centre,
            directions: Vec::new(),
        };
        if sample.len() > 1 {
            let centred: Vec<Vec<f32>> = sample
                .iter()
                .map(|v| v.iter().zip(&space.centre).map(|(x, c)| x - c).collect())
                .collect();
            space.directions.extend(top_direction(&centred, dim));
        }
        space
    }

    /// A statement vector in this space: centred, its shared directions removed, unit length
    /// (zero when nothing is left).
    pub fn project(&self, v: &[f32]) -> Vec<f32> {
        let mut out: Vec<f32> = v
            .iter()
            .zip(self.centre.iter().chain(std::iter::repeat(&0.0)))
            .map(|(x, c)| x - c)
            .collect();
        for d in &self.directions {
            let p = dot(&out, d);
            for (a, x) in out.iter_mut().zip(d) {
                *a -= p * x;
            }
        }
        normalise(&mut out);
        out
    }

    /// The space as bytes (little-endian: dim and directions as u32, then the floats).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for n in [self.centre.len(), self.directions.len()] {
            out.extend_from_slice(&(n as u32).to_le_bytes());
        }
        for v in std::iter::once(&self.centre).chain(&self.directions) {
            for x in v {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        out
    }

    /// Reads [`Space::to_bytes`]; `None` for bytes of another shape.
    pub fn from_bytes(bytes: &[u8]) -> Option<Space> {
        let word = |i: usize| -> Option<u32> {
            bytes
                .get(i * 4..i * 4 + 4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        };
        let (dim, nd) = (word(0)? as usize, word(1)? as usize);
        let floats = bytes.get(8..)?;
        if floats.len() != dim.checked_mul(1 + nd)?.checked_mul(4)? {
            return None;
        }
        let all: Vec<f32> = floats
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        let mut rows = all.chunks(dim.max(1)).map(<[f32]>::to_vec);
        let centre = if dim == 0 { Vec::new() } else { rows.next()? };
        let directions = (0..nd).map(|_| rows.next()).collect::<Option<Vec<_>>>()?;
        Some(Space { centre, directions })
    }
}

/// Spherical k-means with a deterministic start (evenly spaced samples) and five rounds.
fn kmeans(vectors: &[&[f32]], k: usize) -> Vec<Vec<f32>> {
    let usable: Vec<&[f32]> = vectors
        .iter()
        .copied()
        .filter(|v| dot(v, v) > 0.0)
        .collect();
    if usable.is_empty() {
        return Vec::new();
    }
    let k = k.clamp(1, usable.len());
    let dim = usable[0].len();
    let mut cells: Vec<Vec<f32>> = (0..k)
        .map(|i| usable[i * usable.len() / k].to_vec())
        .collect();
    for _ in 0..5 {
        let mut sums = vec![vec![0f32; dim]; k];
        for v in &usable {
            let best = nearest_centre(v, &cells);
            for (a, x) in sums[best].iter_mut().zip(v.iter()) {
                *a += x;
            }
        }
        for (c, mut s) in cells.iter_mut().zip(sums) {
            normalise(&mut s);
            if dot(&s, &s) > 0.0 {
                *c = s;
            }
        }
    }
    cells
}

/// Quantises a vector to bytes: an f32 scale, then one signed byte per component.
pub fn quantise(v: &[f32]) -> Vec<u8> {
    let max = v.iter().fold(0f32, |m, x| m.max(x.abs()));
    let scale = if max > 0.0 && max.is_finite() {
        max / 127.0
    } else {
        1.0
    };
    let mut out = scale.to_le_bytes().to_vec();
    out.extend(
        v.iter()
            .map(|x| ((x / scale).round().clamp(-127.0, 127.0) as i8) as u8),
    );
    out
}

/// Reads [`quantise`]'s bytes back (an empty vector for fewer than four bytes).
pub fn dequantise(bytes: &[u8]) -> Vec<f32> {
    let Some((head, rest)) = bytes.split_first_chunk::<4>() else {
        return Vec::new();
    };
    let scale = f32::from_le_bytes(*head);
    rest.iter().map(|&b| b as i8 as f32 * scale).collect()
}

/// The fewest points a search compares with when there are that many: small databases are
/// searched whole, large ones cell by cell.
pub const MIN_SCANNED: usize = 2000;
/// Cells searched at least, nearest first.
pub const PROBE: usize = 8;
/// Points sampled to fit the cells.
const CELL_SAMPLE: usize = 10_000;

/// The index of the centre nearest to `v` (the first on ties; 0 when there are none).
fn nearest_centre(v: &[f32], centres: &[Vec<f32>]) -> usize {
    let mut best = (f32::NEG_INFINITY, 0);
    for (i, c) in centres.iter().enumerate() {
        let s = dot8(v, c);
        if s > best.0 {
            best = (s, i);
        }
    }
    best.1
}

/// A dot product in eight independent lanes, which the compiler turns into SIMD.
pub fn dot8(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let mut acc = [0f32; 8];
    let mut ca = a.chunks_exact(8);
    let mut cb = b.chunks_exact(8);
    for (x, y) in (&mut ca).zip(&mut cb) {
        for i in 0..8 {
            acc[i] += x[i] * y[i];
        }
    }
    let tail: f32 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    acc.iter().sum::<f32>() + tail
}

/// The points of one cell: ids, centroids, and the centroids' unit vectors side by side.
#[derive(Debug, Default)]
struct Cell {
    ids: Vec<i64>,
    centroids: Vec<Centroid>,
    units: Vec<f32>,
}

/// Talking points held in memory during a grouping, filed by cell: k-means centres fitted on
/// the points present when the index is built (√n of them, for n ≥ [`MIN_SCANNED`] points;
/// one cell below), so that a statement is compared with the points of a few cells. Each point
/// keeps its centroid's unit vector, so a search is one dot product per point.
#[derive(Debug, Default)]
pub struct CellIndex {
    dim: usize,
    centres: Vec<Vec<f32>>,
    cells: Vec<Cell>,
    /// The size at which the cells are fitted again (twice the size they were fitted at).
    refit_at: usize,
    /// Point id → (cell, position in it).
    at: HashMap<i64, (usize, usize)>,
}

fn unit_of(v: &[f32], dim: usize) -> Vec<f32> {
    let mut u: Vec<f32> = v
        .iter()
        .copied()
        .chain(std::iter::repeat(0.0))
        .take(dim)
        .collect();
    normalise(&mut u);
    u
}

impl CellIndex {
    /// An index of these points, with cells fitted on them. Deterministic.
    pub fn build(points: Vec<(i64, Centroid)>) -> Self {
        let dim = points.first().map_or(0, |p| p.1.mean.len());
        let units: Vec<Vec<f32>> = points.iter().map(|p| unit_of(&p.1.mean, dim)).collect();
        let centres = if points.len() < MIN_SCANNED {
            Vec::new()
        } else {
            let k = ((points.len() as f64).sqrt() as usize).clamp(1, 1024);
            let step = (units.len() / CELL_SAMPLE).max(1);
            let sample: Vec<&[f32]> = units.iter().step_by(step).map(Vec::as_slice).collect();
            kmeans(&sample, k)
        };
        let mut index = CellIndex {
            dim,
            cells: (0..centres.len().max(1)).map(|_| Cell::default()).collect(),
            centres,
            refit_at: (points.len() * 2).max(MIN_SCANNED),
            at: HashMap::new(),
        };
        for (id, centroid) in points {
            index.file(id, centroid);
        }
        index
    }

    /// Fits the cells again on the points held now.
    fn refit(&mut self) {
        let mut points = Vec::with_capacity(self.len());
        for cell in std::mem::take(&mut self.cells) {
            points.extend(cell.ids.into_iter().zip(cell.centroids));
        }
        points.sort_by_key(|p| p.0);
        *self = CellIndex::build(points);
    }

    /// The cells to search for a unit vector, nearest first.
    pub fn cells_for(&self, unit: &[f32]) -> Vec<usize> {
        if self.centres.is_empty() {
            return vec![0];
        }
        let mut order: Vec<(f32, usize)> = self
            .centres
            .iter()
            .enumerate()
            .map(|(i, c)| (dot8(unit, c), i))
            .collect();
        order.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        order.into_iter().map(|(_, i)| i).collect()
    }

    /// Files a point in its nearest cell (a later insert with the same id replaces its
    /// centroid). The first point's length sets the index's; other lengths are cut or padded.
    /// The cells are fitted again each time the index doubles.
    pub fn insert(&mut self, id: i64, centroid: Centroid) {
        self.file(id, centroid);
        if self.len() >= self.refit_at {
            self.refit();
        }
    }

    fn file(&mut self, id: i64, centroid: Centroid) {
        if self.dim == 0 {
            self.dim = centroid.mean.len();
        }
        if self.at.contains_key(&id) {
            self.set(id, centroid);
            return;
        }
        let u = unit_of(&centroid.mean, self.dim);
        let c = if self.centres.is_empty() {
            0
        } else {
            nearest_centre(&u, &self.centres)
        };
        let cell = &mut self.cells[c];
        self.at.insert(id, (c, cell.ids.len()));
        cell.ids.push(id);
        cell.centroids.push(centroid);
        cell.units.extend(u);
    }

    fn set(&mut self, id: i64, centroid: Centroid) {
        if let Some(&(c, i)) = self.at.get(&id) {
            let u = unit_of(&centroid.mean, self.dim);
            let cell = &mut self.cells[c];
            cell.units[i * self.dim..(i + 1) * self.dim].copy_from_slice(&u);
            cell.centroids[i] = centroid;
        }
    }

    /// Adds a member to a point: its centroid moves. Returns the new centroid.
    pub fn add(&mut self, id: i64, vector: &[f32]) -> Option<&Centroid> {
        let mut c = self.get(id)?.clone();
        c.add(vector);
        self.set(id, c);
        self.get(id)
    }

    pub fn get(&self, id: i64) -> Option<&Centroid> {
        let &(c, i) = self.at.get(&id)?;
        self.cells[c].centroids.get(i)
    }

    pub fn len(&self) -> usize {
        self.at.len()
    }

    pub fn is_empty(&self) -> bool {
        self.at.is_empty()
    }

    /// The point nearest to a projected vector, and its cosine: the nearest [`PROBE`] cells
    /// are searched, and more until [`MIN_SCANNED`] points were compared.
    pub fn nearest(&self, projected: &[f32]) -> Option<(i64, f32)> {
        let mut best: Option<(i64, f32)> = None;
        let mut scanned = 0usize;
        let dim = self.dim.max(1);
        let q = unit_of(projected, self.dim);
        for (k, c) in self.cells_for(&q).into_iter().enumerate() {
            if k >= PROBE && scanned >= MIN_SCANNED {
                break;
            }
            let Some(cell) = self.cells.get(c) else {
                continue;
            };
            scanned += cell.ids.len();
            for (i, u) in cell.units.chunks_exact(dim).enumerate() {
                if cell.centroids[i].count == 0 {
                    continue;
                }
                let s = dot8(&q, u);
                let id = cell.ids[i];
                if best.is_none_or(|(b_id, b)| s > b || (s == b && id < b_id)) {
                    best = Some((id, s));
                }
            }
        }
        best
    }
}

/// Words that never start or end a key phrase: function words, contractions without their
/// apostrophes, the verbs of reporting and the filler of speech ("going", "think", "people").
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
    "arent",
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
    "cant",
    "could",
    "did",
    "didnt",
    "do",
    "does",
    "doesnt",
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
    "going",
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
    "hes",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "ill",
    "im",
    "in",
    "into",
    "is",
    "isnt",
    "it",
    "its",
    "itself",
    "ive",
    "just",
    "know",
    "let",
    "lets",
    "like",
    "lot",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
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
    "people",
    "really",
    "said",
    "same",
    "say",
    "saying",
    "says",
    "she",
    "shes",
    "should",
    "so",
    "some",
    "something",
    "still",
    "such",
    "than",
    "that",
    "thats",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "theres",
    "these",
    "they",
    "theyre",
    "thing",
    "things",
    "think",
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
    "want",
    "was",
    "wasnt",
    "way",
    "we",
    "well",
    "were",
    "weve",
    "what",
    "whats",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "wont",
    "would",
    "yes",
    "yet",
    "you",
    "your",
    "youre",
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
    fn a_space_removes_the_shared_direction_and_round_trips() {
        // Every vector shares a large first component, as sentence vectors do.
        let vs: Vec<Vec<f32>> = (0..SPACE_MIN_FIT + 10)
            .map(|i| {
                let a = (i % 5) as f32 * 0.2;
                unit(&[3.0, a, 1.0 - a, (i % 3) as f32 * 0.1])
            })
            .collect();
        let raw = cosine(&vs[0], &vs[4]);
        let space = Space::fit(&vs, &[]);
        assert_eq!(space.directions.len(), 1);
        let (a, b) = (space.project(&vs[0]), space.project(&vs[4]));
        assert!(raw > 0.8, "{raw}");
        assert!(cosine(&a, &b) < raw - 0.3, "{} vs {raw}", cosine(&a, &b));
        assert!((dot(&a, &a) - 1.0).abs() < 1e-4);
        assert_eq!(Space::from_bytes(&space.to_bytes()), Some(space.clone()));
        assert_eq!(Space::from_bytes(&space.to_bytes()[..20]), None);
        assert_eq!(Space::from_bytes(&[]), None);
        // Too few statements: the reference gives the centre.
        let small = Space::fit(&vs[..3], &vs[10..40]);
        assert_eq!(small.centre, mean_of(&vs[10..40], 4));
        // Nothing at all still gives a space that projects without panicking.
        let empty = Space::fit(&[], &[]);
        assert_eq!(empty.project(&[1.0, 2.0]).len(), 2);
    }

    #[test]
    fn quantised_vectors_keep_their_direction() {
        let v = unit(&[0.3, -0.9, 0.05, 0.0]);
        let back = dequantise(&quantise(&v));
        assert_eq!(back.len(), 4);
        assert!(cosine(&v, &back) > 0.9999);
        assert_eq!(dequantise(&[1, 2]), Vec::<f32>::new());
        assert_eq!(dequantise(&quantise(&[0.0, 0.0])), vec![0.0, 0.0]);
    }

    #[test]
    fn the_cell_index_finds_the_nearest_point() {
        let mut index = CellIndex::build(vec![
            (7, Centroid::new(&unit(&[1.0, 0.0]))),
            (9, Centroid::new(&unit(&[0.0, 1.0]))),
        ]);
        index.insert(11, Centroid::new(&unit(&[0.7, 0.7])));
        assert_eq!(index.len(), 3);
        assert_eq!(index.nearest(&unit(&[0.1, 1.0])).map(|r| r.0), Some(9));
        assert_eq!(index.nearest(&unit(&[1.0, 0.1])).map(|r| r.0), Some(7));
        assert_eq!(index.add(7, &unit(&[0.0, 1.0])).map(|c| c.count), Some(2));
        assert_eq!(index.get(7).map(|c| c.count), Some(2));
        assert_eq!(index.add(8, &[1.0, 0.0]), None);
        assert!((dot8(&[1.0; 19], &[2.0; 19]) - 38.0).abs() < 1e-5);
        assert_eq!(CellIndex::build(Vec::new()).nearest(&[1.0, 0.0]), None);
    }

    #[test]
    fn cells_of_a_large_index_find_what_a_full_scan_finds() {
        // 6,000 points spread over a 16-dimensional sphere, deterministic.
        let mut rng = crate::hash::SplitMix::new(7);
        let mut random = |n: usize| -> Vec<f32> {
            unit(
                &(0..n)
                    .map(|_| (rng.next_u64() % 2001) as f32 / 1000.0 - 1.0)
                    .collect::<Vec<_>>(),
            )
        };
        let points: Vec<(i64, Centroid)> = (0..6000)
            .map(|i| (i as i64, Centroid::new(&random(16))))
            .collect();
        let all: Vec<Vec<f32>> = points.iter().map(|p| p.1.mean.clone()).collect();
        // Built from half the points, filled with the rest: the cells are fitted again.
        let rest = points[1500..].to_vec();
        let mut index = CellIndex::build(points[..1500].to_vec());
        assert!(index.centres.is_empty(), "below MIN_SCANNED: one cell");
        for (id, c) in rest {
            index.insert(id, c);
        }
        assert_eq!(index.len(), 6000);
        assert!(index.centres.len() > 1);
        let mut agree = 0;
        for _ in 0..200 {
            let q = random(16);
            let best = (0..all.len())
                .max_by(|&a, &b| dot(&q, &all[a]).total_cmp(&dot(&q, &all[b])))
                .map(|i| i as i64);
            if index.nearest(&q).map(|r| r.0) == best {
                agree += 1;
            }
        }
        assert!(agree >= 150, "{agree} of 200");
    }

    #[test]
    fn labels_of_nothing_are_empty() {
        let df = DocFreq::new();
        assert_eq!(label::<&str>(&[], &df), "");
        assert_eq!(label(&["", "the of and", "!!!"], &df), "");
        assert_eq!(label(&["Мир и диалог"], &df), "мир, диалог");
    }
}
