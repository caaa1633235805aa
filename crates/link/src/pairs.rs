//! Same-statement matching by meaning: do two sentences from different reports say the same
//! thing? Lexical features of the pair ([`features`]), a TF-IDF cosine ([`TfIdf`]), the
//! embedding cosines the caller computes, and a logistic regression over them ([`Logistic`])
//! whose weights were learned on the Microsoft Research Paraphrase Corpus train file (the
//! constants [`MATCHER_FULL`] and [`MATCHER_STATIC`]; `dictum eval-pairs` prints them).

use std::collections::{HashMap, HashSet};

use crate::fold::folded_words;
use crate::points::is_stop;

/// The embedding and TF-IDF cosines of a pair (`None` when that model is not available).
#[derive(Debug, Clone, Copy, Default)]
pub struct Cosines {
    pub minilm: Option<f32>,
    pub static_model: Option<f32>,
    pub tfidf: f32,
    /// Soft word alignment of the static model's token vectors, each way ([`alignment`]).
    pub alignment: Option<(f32, f32)>,
}

/// The names of the values [`features`] returns, in order.
pub const FEATURES: [&str; 24] = [
    "minilm_cosine",
    "static_cosine",
    "tfidf_cosine",
    "overlap_min",
    "overlap_max",
    "bigram_overlap",
    "numbers_shared",
    "numbers_unmatched",
    "names_shared",
    "names_unmatched",
    "length_ratio",
    "length_diff_log",
    "minilm_x_overlap",
    "trigram_overlap",
    "char3_cosine",
    "unmatched_words_min",
    "unmatched_words_max",
    "numbers_only_min",
    "numbers_only_max",
    "minilm_x_static",
    "minilm_x_tfidf",
    "static_x_overlap",
    "alignment_min",
    "alignment_max",
];

fn content_words(text: &str) -> HashSet<String> {
    folded_words(text)
        .into_iter()
        .filter(|w| !is_stop(w))
        .collect()
}

fn bigrams(words: &[String]) -> HashSet<(String, String)> {
    words
        .windows(2)
        .map(|w| (w[0].clone(), w[1].clone()))
        .collect()
}

/// Numbers as written, digits only ("1,200" → "1200", "3.5" → "35").
fn numbers(text: &str) -> HashSet<String> {
    text.split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .map(|w| w.chars().filter(|c| c.is_ascii_digit()).collect::<String>())
        .filter(|d| !d.is_empty())
        .collect()
}

/// Capitalised words that do not start a sentence (folded): names, places, organisations.
fn names(text: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut sentence_start = true;
    for raw in text.split_whitespace() {
        let word: String = raw.chars().filter(|c| c.is_alphanumeric()).collect();
        if !sentence_start && word.chars().next().is_some_and(char::is_uppercase) {
            out.extend(folded_words(&word));
        }
        if !word.is_empty() {
            sentence_start = raw.ends_with(['.', '!', '?', ':']);
        }
    }
    out
}

fn ratio(shared: usize, total: usize) -> f64 {
    if total == 0 {
        1.0
    } else {
        shared as f64 / total as f64
    }
}

/// The feature vector of a pair (see [`FEATURES`]). A missing cosine counts as the TF-IDF
/// cosine, so a matcher still gives an answer without a model.
pub fn features(a: &str, b: &str, cos: Cosines) -> Vec<f64> {
    let (wa, wb) = (content_words(a), content_words(b));
    let shared = wa.intersection(&wb).count();
    let (oa, ob) = (ratio(shared, wa.len()), ratio(shared, wb.len()));
    let (fa, fb) = (folded_words(a), folded_words(b));
    let (ba, bb) = (bigrams(&fa), bigrams(&fb));
    let bshared = ba.intersection(&bb).count();
    let bigram = ratio(bshared, ba.len().min(bb.len()));
    let (na, nb) = (numbers(a), numbers(b));
    let nshared = na.intersection(&nb).count();
    let nunmatched = na.symmetric_difference(&nb).count();
    let (ca, cb) = (names(a), names(b));
    let cshared = ca.intersection(&cb).count();
    let cunmatched = ca.symmetric_difference(&cb).count();
    let (la, lb) = (fa.len() as f64, fb.len() as f64);
    let length_ratio = if la.max(lb) == 0.0 {
        1.0
    } else {
        la.min(lb) / la.max(lb)
    };
    let tfidf = cos.tfidf as f64;
    let minilm = cos.minilm.map_or(tfidf, |c| c as f64);
    let static_model = cos.static_model.map_or(tfidf, |c| c as f64);
    vec![
        minilm,
        static_model,
        tfidf,
        oa.min(ob),
        oa.max(ob),
        bigram,
        nshared as f64,
        (nunmatched as f64).ln_1p(),
        cshared as f64,
        (cunmatched as f64).ln_1p(),
        length_ratio,
        ((la - lb).abs()).ln_1p(),
        minilm * oa.min(ob),
        ratio(
            trigrams(&fa).intersection(&trigrams(&fb)).count(),
            fa.len().min(fb.len()).saturating_sub(2),
        ),
        char3_cosine(a, b),
        ((wa.len() - shared).min(wb.len() - shared) as f64).ln_1p(),
        ((wa.len() - shared).max(wb.len() - shared) as f64).ln_1p(),
        (na.len() - nshared).min(nb.len() - nshared) as f64,
        (na.len() - nshared).max(nb.len() - nshared) as f64,
        minilm * static_model,
        minilm * tfidf,
        static_model * oa.min(ob),
        cos.alignment.map_or(oa.min(ob), |(x, y)| x.min(y) as f64),
        cos.alignment.map_or(oa.max(ob), |(x, y)| x.max(y) as f64),
    ]
}

/// Soft word alignment of two texts' token vectors, as BERTScore does it: for each token of
/// `a`, the best cosine with a token of `b`, averaged with the token's vector length as weight
/// (frequent tokens have short vectors); then the same from `b` to `a`. 0 when either is empty.
pub fn alignment(a: &[&[f32]], b: &[&[f32]]) -> (f32, f32) {
    let norm = |v: &[f32]| v.iter().map(|x| x * x).sum::<f32>().sqrt();
    let na: Vec<f32> = a.iter().map(|v| norm(v)).collect();
    let nb: Vec<f32> = b.iter().map(|v| norm(v)).collect();
    let one_way = |x: &[&[f32]], nx: &[f32], y: &[&[f32]], ny: &[f32]| -> f32 {
        let (mut sum, mut weight) = (0f32, 0f32);
        for (u, &nu) in x.iter().zip(nx) {
            if nu <= 0.0 {
                continue;
            }
            let best = y
                .iter()
                .zip(ny)
                .filter(|(_, &nv)| nv > 0.0)
                .map(|(v, &nv)| u.iter().zip(v.iter()).map(|(p, q)| p * q).sum::<f32>() / (nu * nv))
                .fold(f32::MIN, f32::max);
            if best > f32::MIN {
                sum += nu * best;
                weight += nu;
            }
        }
        if weight > 0.0 {
            sum / weight
        } else {
            0.0
        }
    };
    (one_way(a, &na, b, &nb), one_way(b, &nb, a, &na))
}

fn trigrams(words: &[String]) -> HashSet<&[String]> {
    words.windows(3).collect()
}

/// The cosine of the character-trigram counts of the folded texts.
fn char3_cosine(a: &str, b: &str) -> f64 {
    let grams = |t: &str| {
        let chars: Vec<char> = format!(" {} ", crate::fold::fold_text(t)).chars().collect();
        let mut m: HashMap<[char; 3], f64> = HashMap::new();
        for w in chars.windows(3) {
            *m.entry([w[0], w[1], w[2]]).or_default() += 1.0;
        }
        m
    };
    let (ga, gb) = (grams(a), grams(b));
    let dot: f64 = ga
        .iter()
        .filter_map(|(g, x)| gb.get(g).map(|y| x * y))
        .sum();
    let na = ga.values().map(|x| x * x).sum::<f64>().sqrt();
    let nb = gb.values().map(|x| x * x).sum::<f64>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

// The matchers learned by
//   dictum eval-pairs ../shared/eval/mrpc/msr_paraphrase_train.txt --print-weights
// with DICTUM_MODEL (all-MiniLM-L6-v2) and DICTUM_STATIC_MODEL (distilled by
// `dictum model distill`, 256 dims, SIF 1e-4) set: logistic regression on the train part
// (80 % of the file by a hash of the sentence ids), L2 penalty chosen by 5-fold
// cross-validation on it, threshold with the best train accuracy. Dev part (20 %):
// MATCHER_STATIC accuracy 0.756, F1 0.831; MATCHER_FULL accuracy 0.748, F1 0.827.
// Feature means and scales are those of the train part.

/// The matcher for the fast path: the static model's cosine and token alignment, and the
/// lexical features (no MiniLM needed).
///
/// Features: static_cosine, tfidf_cosine, overlap_min, overlap_max, bigram_overlap, numbers_shared, numbers_unmatched, names_shared, names_unmatched, length_ratio, length_diff_log, trigram_overlap, char3_cosine, unmatched_words_min, unmatched_words_max, numbers_only_min, numbers_only_max, static_x_overlap, alignment_min, alignment_max.
pub const MATCHER_STATIC: Logistic<'static> = Logistic {
    use_features: &[
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17, 18, 21, 22, 23,
    ],
    mean: &[
        0.875822, 0.652554, 0.610886, 0.730202, 0.527367, 0.370684, 0.302059, 1.677771, 0.792461,
        0.851545, 1.247050, 0.412822, 0.706904, 1.165892, 1.645931, 0.223804, 0.463961, 0.543453,
        0.775803, 0.853268,
    ],
    scale: &[
        0.075732, 0.168356, 0.162669, 0.173238, 0.218080, 0.733445, 0.567838, 1.822794, 0.645772,
        0.099595, 0.623917, 0.245801, 0.141079, 0.557592, 0.433932, 0.681505, 0.944109, 0.176898,
        0.098477, 0.093013,
    ],
    weights: &[
        0.280601, 0.161893, -0.399560, -0.327963, 0.153663, -0.080726, -0.137836, -0.169566,
        0.101094, 0.401440, 0.112956, -0.820417, 0.703935, -0.304934, -0.150316, -0.154005,
        -0.151558, 0.530703, 0.235102, 0.117928,
    ],
    bias: 1.011145,
    threshold: 0.500540,
};

/// The matcher with every signal, MiniLM's cosine included.
///
/// Features: minilm_cosine, static_cosine, tfidf_cosine, overlap_min, overlap_max, bigram_overlap, numbers_shared, numbers_unmatched, names_shared, names_unmatched, length_ratio, length_diff_log, trigram_overlap, char3_cosine, unmatched_words_min, unmatched_words_max, numbers_only_min, numbers_only_max, static_x_overlap, alignment_min, alignment_max, minilm_x_overlap, minilm_x_static, minilm_x_tfidf.
pub const MATCHER_FULL: Logistic<'static> = Logistic {
    use_features: &[
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17, 18, 21, 22, 23, 12, 19, 20,
    ],
    mean: &[
        0.792629, 0.875822, 0.652554, 0.610886, 0.730202, 0.527367, 0.370684, 0.302059, 1.677771,
        0.792461, 0.851545, 1.247050, 0.412822, 0.706904, 1.165892, 1.645931, 0.223804, 0.463961,
        0.543453, 0.775803, 0.853268, 0.498852, 0.701034, 0.533058,
    ],
    scale: &[
        0.141808, 0.075732, 0.168356, 0.162669, 0.173238, 0.218080, 0.733445, 0.567838, 1.822794,
        0.645772, 0.099595, 0.623917, 0.245801, 0.141079, 0.557592, 0.433932, 0.681505, 0.944109,
        0.176898, 0.098477, 0.093013, 0.192829, 0.164611, 0.200562,
    ],
    weights: &[
        0.315935, 0.259554, -0.064644, -0.695723, -0.247762, 0.283850, -0.071828, -0.122866,
        -0.138322, 0.127597, 0.458621, 0.159020, -0.844518, 0.786329, -0.248259, -0.267240,
        -0.151653, -0.154762, 0.706329, 0.005286, -0.053310, -0.021800, 0.091262, 0.188457,
    ],
    bias: 1.027020,
    threshold: 0.478877,
};

/// TF-IDF over folded words, with IDF from a set of documents.
#[derive(Debug, Clone, Default)]
pub struct TfIdf {
    docs: f64,
    df: HashMap<String, f64>,
}

impl TfIdf {
    /// Learns document frequencies from `docs`.
    pub fn fit<S: AsRef<str>>(docs: &[S]) -> Self {
        let mut df: HashMap<String, f64> = HashMap::new();
        for d in docs {
            let set: HashSet<String> = folded_words(d.as_ref()).into_iter().collect();
            for w in set {
                *df.entry(w).or_default() += 1.0;
            }
        }
        TfIdf {
            docs: docs.len() as f64,
            df,
        }
    }

    fn idf(&self, w: &str) -> f64 {
        // Smoothed, as scikit-learn's TfidfVectorizer: ln((1 + n) / (1 + df)) + 1.
        ((1.0 + self.docs) / (1.0 + self.df.get(w).copied().unwrap_or(0.0))).ln() + 1.0
    }

    fn vector(&self, text: &str) -> HashMap<String, f64> {
        let mut v: HashMap<String, f64> = HashMap::new();
        for w in folded_words(text) {
            *v.entry(w).or_default() += 1.0;
        }
        for (w, x) in v.iter_mut() {
            *x *= self.idf(w);
        }
        v
    }

    /// The cosine of the TF-IDF vectors of two texts (0 when either has no words).
    pub fn cosine(&self, a: &str, b: &str) -> f32 {
        let (va, vb) = (self.vector(a), self.vector(b));
        let dot: f64 = va
            .iter()
            .filter_map(|(w, x)| vb.get(w).map(|y| x * y))
            .sum();
        let na: f64 = va.values().map(|x| x * x).sum::<f64>().sqrt();
        let nb: f64 = vb.values().map(|x| x * x).sum::<f64>().sqrt();
        if na == 0.0 || nb == 0.0 {
            0.0
        } else {
            (dot / (na * nb)) as f32
        }
    }
}

/// A logistic regression over standardised features, with a decision threshold.
#[derive(Debug, Clone, PartialEq)]
pub struct Logistic<'a> {
    /// Which of [`FEATURES`] are used, by index.
    pub use_features: &'a [usize],
    pub mean: &'a [f64],
    pub scale: &'a [f64],
    pub weights: &'a [f64],
    pub bias: f64,
    /// `same` when the probability is at least this.
    pub threshold: f64,
}

/// A learned matcher, owning its numbers (what [`fit`] returns).
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    pub use_features: Vec<usize>,
    pub mean: Vec<f64>,
    pub scale: Vec<f64>,
    pub weights: Vec<f64>,
    pub bias: f64,
    pub threshold: f64,
}

impl Fitted {
    pub fn as_logistic(&self) -> Logistic<'_> {
        Logistic {
            use_features: &self.use_features,
            mean: &self.mean,
            scale: &self.scale,
            weights: &self.weights,
            bias: self.bias,
            threshold: self.threshold,
        }
    }
}

impl Logistic<'_> {
    /// The probability that the pair with these [`features`] is the same statement.
    pub fn probability(&self, features: &[f64]) -> f64 {
        let mut z = self.bias;
        for (k, &f) in self.use_features.iter().enumerate() {
            let x = features.get(f).copied().unwrap_or(0.0);
            let s = self.scale.get(k).copied().unwrap_or(1.0);
            let s = if s > 0.0 { s } else { 1.0 };
            z += self.weights.get(k).copied().unwrap_or(0.0)
                * (x - self.mean.get(k).copied().unwrap_or(0.0))
                / s;
        }
        1.0 / (1.0 + (-z).exp())
    }

    /// Whether the pair is the same statement.
    pub fn same(&self, features: &[f64]) -> bool {
        self.probability(features) >= self.threshold
    }
}

/// Fits a logistic regression (L2 penalty `l2`, full-batch gradient descent) on `x` (rows of
/// [`features`]) and labels `y`, using the features at `use_features`; the threshold is the
/// one with the best accuracy on the same data.
pub fn fit(x: &[Vec<f64>], y: &[bool], use_features: &[usize], l2: f64) -> Fitted {
    let k = use_features.len();
    let n = x.len().max(1) as f64;
    let col = |r: &Vec<f64>, j: usize| r.get(use_features[j]).copied().unwrap_or(0.0);
    let mean: Vec<f64> = (0..k)
        .map(|j| x.iter().map(|r| col(r, j)).sum::<f64>() / n)
        .collect();
    let scale: Vec<f64> = (0..k)
        .map(|j| {
            let v = x.iter().map(|r| (col(r, j) - mean[j]).powi(2)).sum::<f64>() / n;
            if v > 0.0 {
                v.sqrt()
            } else {
                1.0
            }
        })
        .collect();
    let z: Vec<Vec<f64>> = x
        .iter()
        .map(|r| (0..k).map(|j| (col(r, j) - mean[j]) / scale[j]).collect())
        .collect();
    let mut w = vec![0f64; k];
    let mut b = 0f64;
    let rate = 0.5;
    for _ in 0..3000 {
        let mut gw = vec![0f64; k];
        let mut gb = 0f64;
        for (r, &label) in z.iter().zip(y) {
            let s: f64 = b + r.iter().zip(&w).map(|(a, b)| a * b).sum::<f64>();
            let p = 1.0 / (1.0 + (-s).exp());
            let err = p - if label { 1.0 } else { 0.0 };
            for (g, v) in gw.iter_mut().zip(r) {
                *g += err * v;
            }
            gb += err;
        }
        for (wi, g) in w.iter_mut().zip(&gw) {
            *wi -= rate * (g / n + l2 * *wi);
        }
        b -= rate * gb / n;
    }
    let mut fitted = Fitted {
        use_features: use_features.to_vec(),
        mean,
        scale,
        weights: w,
        bias: b,
        threshold: 0.5,
    };
    let probs: Vec<f64> = x
        .iter()
        .map(|r| fitted.as_logistic().probability(r))
        .collect();
    fitted.threshold = best_threshold(&probs, y);
    fitted
}

/// The threshold on `scores` (same when `score >= t`) with the best accuracy on `y`: the
/// midpoint between two consecutive distinct scores (ties to the lower threshold).
pub fn best_threshold(scores: &[f64], y: &[bool]) -> f64 {
    let mut pairs: Vec<(f64, bool)> = scores.iter().copied().zip(y.iter().copied()).collect();
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Threshold below everything: all "same".
    let positives = pairs.iter().filter(|p| p.1).count();
    let mut correct = positives;
    let mut best = (correct, pairs.first().map_or(0.5, |p| p.0 - 1e-9));
    let mut i = 0;
    while i < pairs.len() {
        let s = pairs[i].0;
        while i < pairs.len() && pairs[i].0 == s {
            // Moving the threshold above s turns these into "different".
            if pairs[i].1 {
                correct -= 1;
            } else {
                correct += 1;
            }
            i += 1;
        }
        let t = match pairs.get(i) {
            Some(next) => (s + next.0) / 2.0,
            None => s + 1e-9,
        };
        if correct > best.0 {
            best = (correct, t);
        }
    }
    best.1
}

/// Accuracy and F1 (of the "same" class) of predictions against labels.
pub fn accuracy_f1(predicted: &[bool], y: &[bool]) -> (f64, f64) {
    let (mut tp, mut fp, mut fneg, mut correct) = (0f64, 0f64, 0f64, 0f64);
    for (&p, &t) in predicted.iter().zip(y) {
        match (p, t) {
            (true, true) => tp += 1.0,
            (true, false) => fp += 1.0,
            (false, true) => fneg += 1.0,
            (false, false) => {}
        }
        if p == t {
            correct += 1.0;
        }
    }
    let n = predicted.len().min(y.len()).max(1) as f64;
    let f1 = if tp == 0.0 {
        0.0
    } else {
        2.0 * tp / (2.0 * tp + fp + fneg)
    };
    (correct / n, f1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexical_features_of_a_pair() {
        let f = features(
            "The Harbour Board said 1,200 ferries will sail in May.",
            "In May, 1,200 ferries will sail, the Harbour Board said.",
            Cosines::default(),
        );
        assert_eq!(f.len(), FEATURES.len());
        assert_eq!(f[3], 1.0); // every content word shared
        assert_eq!(f[6], 1.0); // one shared number
        assert_eq!(f[7], 0.0);
        assert!(f[8] >= 2.0); // harbour, board
        assert_eq!(f[10], 1.0);
        let g = features("", "", Cosines::default());
        assert!(g.iter().all(|x| x.is_finite()));
    }

    #[test]
    fn learned_matchers_are_consistent_and_sensible() {
        for m in [MATCHER_STATIC, MATCHER_FULL] {
            let k = m.use_features.len();
            assert!(m.mean.len() == k && m.scale.len() == k && m.weights.len() == k);
            assert!(m.use_features.iter().all(|&i| i < FEATURES.len()));
        }
        let t = TfIdf::fit(&["the harbour", "grain prices", "the storm", "ferries sail"]);
        let pair = |a: &str, b: &str, c: f32| {
            let cos = Cosines {
                minilm: Some(c),
                static_model: Some(c),
                tfidf: t.cosine(a, b),
                alignment: Some((c, c)),
            };
            features(a, b, cos)
        };
        let same = pair(
            "The harbour will reopen on Monday after the storm, officials said.",
            "Officials said the harbour will reopen on Monday following the storm.",
            0.95,
        );
        let different = pair(
            "The harbour will reopen on Monday after the storm, officials said.",
            "Grain prices rose by 3 percent in the first quarter of 2021.",
            0.2,
        );
        for m in [MATCHER_STATIC, MATCHER_FULL] {
            assert!(m.same(&same) && !m.same(&different));
        }
    }

    #[test]
    fn alignment_of_token_vectors() {
        let (x, y, z): (&[f32], &[f32], &[f32]) = (&[1.0, 0.0], &[0.0, 2.0], &[0.0, 0.0]);
        assert_eq!(alignment(&[x, y], &[x, y]), (1.0, 1.0));
        let (ab, ba) = alignment(&[x, y], &[y]);
        assert!((ab - 2.0 / 3.0).abs() < 1e-6 && (ba - 1.0).abs() < 1e-6);
        assert_eq!(alignment(&[], &[x]), (0.0, 0.0));
        assert_eq!(alignment(&[z], &[x]), (0.0, 0.0));
    }

    #[test]
    fn tfidf_cosine() {
        let docs = [
            "the talks were useful",
            "the harbour is closed",
            "grain prices rose",
        ];
        let t = TfIdf::fit(&docs);
        assert!((t.cosine("the talks were useful", "useful talks, were the") - 1.0).abs() < 1e-6);
        assert_eq!(t.cosine("", "anything"), 0.0);
        assert!(t.cosine("the harbour", "the talks") < t.cosine("harbour closed", "harbour"));
    }

    #[test]
    fn threshold_and_fit_separate_a_simple_problem() {
        let scores = [0.1, 0.2, 0.3, 0.7, 0.8, 0.9];
        let y = [false, false, false, true, true, true];
        let t = best_threshold(&scores, &y);
        assert!(t > 0.3 && t < 0.7, "{t}");
        let x: Vec<Vec<f64>> = scores
            .iter()
            .map(|&s| {
                let mut f = vec![0.0; FEATURES.len()];
                f[2] = s;
                f
            })
            .collect();
        let m = fit(&x, &y, &[2], 1e-3);
        let pred: Vec<bool> = x.iter().map(|r| m.as_logistic().same(r)).collect();
        assert_eq!(accuracy_f1(&pred, &y), (1.0, 1.0));
    }
}
