//! The metrics of the reference scorer.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::{py, Attribution, GoldDoc, Piece};

/// Precision, recall and F1, each rounded to 4 decimals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
}

impl Prf {
    fn new(tp_p: usize, n_p: usize, tp_r: usize, n_r: usize) -> Prf {
        let p = if n_p > 0 {
            tp_p as f64 / n_p as f64
        } else {
            0.0
        };
        let r = if n_r > 0 {
            tp_r as f64 / n_r as f64
        } else {
            0.0
        };
        let f1 = if p + r != 0.0 {
            py::round(2.0 * p * r / (p + r), 4)
        } else {
            0.0
        };
        Prf {
            p: py::round(p, 4),
            r: py::round(r, 4),
            f1,
        }
    }
}

/// The reference scorer's result; fields in its order, so `serde_json` gives its `--json`
/// output (up to whitespace).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    /// Gold documents.
    pub docs: usize,
    /// Gold attributions with at least one content word, and how many of them are direct
    /// (content holds a quotation mark) or indirect.
    pub gold: usize,
    /// Predicted attributions (of gold documents) with at least one content word.
    pub pred: usize,
    pub gold_direct: usize,
    pub gold_indirect: usize,
    /// Content covers exactly the same words.
    pub strict: Prf,
    /// One-to-one pairs of content word sets with Jaccard >= 0.5, chosen greedily.
    pub overlap: Prf,
    /// Content words over the union of all contents of a document.
    pub token: Prf,
    /// Share of overlap pairs whose sources agree.
    pub source_acc: f64,
    /// The first five (in name order) documents predicted but not in the gold.
    pub unknown_docs: Vec<String>,
    pub strict_direct: Prf,
    pub overlap_direct: Prf,
    pub source_acc_direct: f64,
    pub strict_indirect: Prf,
    pub overlap_indirect: Prf,
    pub source_acc_indirect: f64,
}

impl Scores {
    /// The reference scorer's human-readable output, every line ending in a newline.
    pub fn report(&self) -> String {
        let mut out = format!(
            "docs {}  gold {} (direct {}, indirect {})  predicted {}\n",
            self.docs, self.gold, self.gold_direct, self.gold_indirect, self.pred
        );
        out += &format!("{:10}{:>8}{:>8}{:>8}\n", "", "P", "R", "F1");
        let rows = [
            ("strict", &self.strict),
            ("overlap", &self.overlap),
            ("token", &self.token),
            ("strict_direct", &self.strict_direct),
            ("overlap_direct", &self.overlap_direct),
            ("strict_indirect", &self.strict_indirect),
            ("overlap_indirect", &self.overlap_indirect),
        ];
        for (k, m) in rows {
            out += &format!("{k:18}{:>8.3}{:>8.3}{:>8.3}\n", m.p, m.r, m.f1);
        }
        out += &format!(
            "source accuracy on overlap matches: all {:.3}  direct {:.3}  indirect {:.3}\n",
            self.source_acc, self.source_acc_direct, self.source_acc_indirect
        );
        if !self.unknown_docs.is_empty() {
            out += &format!(
                "warning: predictions for documents not in gold, e.g. {}\n",
                py::repr_list(&self.unknown_docs)
            );
        }
        out
    }
}

pub(crate) const DIRECT: usize = 0;
pub(crate) const INDIRECT: usize = 1;

/// Counts, as the `c` of the reference scorer; per-kind arrays are indexed DIRECT/INDIRECT.
#[derive(Default)]
struct Counts {
    gold: [usize; 2],
    pred: [usize; 2],
    strict_tp_pred: [usize; 2],
    strict_tp_gold: [usize; 2],
    overlap_tp_gold: [usize; 2],
    overlap_tp_pred: [usize; 2],
    source_ok: [usize; 2],
    tok_gold: usize,
    tok_pred: usize,
    tok_tp: usize,
}

/// A document's text as the scorer sees it: its `\w+` tokens and where the quotation marks are.
pub(crate) struct DocText {
    /// Token spans in code points, in order (so both starts and ends increase).
    tokens: Vec<Piece>,
    /// `quotes[i]`: quotation marks among the first `i` characters.
    quotes: Vec<u32>,
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}'
    )
}

impl DocText {
    pub(crate) fn new(text: &str) -> DocText {
        let mut tokens = Vec::new();
        let mut quotes = vec![0u32];
        let mut start = None;
        let mut n = 0;
        for (i, c) in text.chars().enumerate() {
            match (py::is_word(c), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    tokens.push((s, i));
                    start = None;
                }
                _ => {}
            }
            quotes.push(quotes[i] + u32::from(is_quote(c)));
            n = i + 1;
        }
        if let Some(s) = start {
            tokens.push((s, n));
        }
        DocText { tokens, quotes }
    }

    /// Indices of the tokens any piece overlaps (`s < pe and ps < e`), sorted, no repeats.
    pub(crate) fn words(&self, pieces: &[Piece]) -> Vec<u32> {
        let mut ranges: Vec<(usize, usize)> = pieces
            .iter()
            .map(|&(ps, pe)| {
                let lo = self.tokens.partition_point(|&(_, e)| e <= ps);
                let hi = self.tokens.partition_point(|&(s, _)| s < pe);
                (lo, hi)
            })
            .filter(|(lo, hi)| lo < hi)
            .collect();
        ranges.sort_unstable();
        let mut out = Vec::new();
        for (lo, hi) in ranges {
            let from = out
                .last()
                .map_or(lo, |&last: &u32| lo.max(last as usize + 1));
            out.extend((from..hi).map(|i| i as u32));
        }
        out
    }

    /// Whether `''.join(text[s:e] for s, e in pieces)` holds a quotation mark.
    pub(crate) fn kind(&self, pieces: &[Piece]) -> usize {
        let n = self.quotes.len() - 1;
        let direct = pieces
            .iter()
            .any(|&(s, e)| s < e && self.quotes[e.min(n)] > self.quotes[s.min(n)]);
        if direct {
            DIRECT
        } else {
            INDIRECT
        }
    }
}

/// Size of the intersection of two sorted lists without repeats.
pub(crate) fn intersection(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// An attribution as scored: content words, source words, kind, and its index in the list
/// it came from.
pub(crate) struct Item {
    pub(crate) content: Vec<u32>,
    pub(crate) source: Vec<u32>,
    pub(crate) kind: usize,
    pub(crate) index: usize,
}

/// The attributions with at least one content word, as the scorer keeps them.
pub(crate) fn items(text: &DocText, attrs: &[Attribution]) -> Vec<Item> {
    attrs
        .iter()
        .enumerate()
        .map(|(index, a)| Item {
            content: text.words(&a.content),
            source: text.words(&a.source),
            kind: text.kind(&a.content),
            index,
        })
        .filter(|it| !it.content.is_empty())
        .collect()
}

/// Whether the source of a gold item and a prediction agree: their words overlap, or
/// neither has any.
pub(crate) fn source_ok(gold: &Item, pred: &Item) -> bool {
    if gold.source.is_empty() {
        pred.source.is_empty()
    } else {
        intersection(&gold.source, &pred.source) > 0
    }
}

/// Calls `f(i, j, jaccard)` for every gold item `i` and prediction `j` that share a word.
pub(crate) fn sharing_pairs(g: &[Item], p: &[Item], mut f: impl FnMut(usize, usize, f64)) {
    for (i, gi) in g.iter().enumerate() {
        let (glo, ghi) = (gi.content[0], gi.content[gi.content.len() - 1]);
        for (j, pj) in p.iter().enumerate() {
            if pj.content[0] > ghi || pj.content[pj.content.len() - 1] < glo {
                continue;
            }
            let inter = intersection(&gi.content, &pj.content);
            if inter > 0 {
                let union = gi.content.len() + pj.content.len() - inter;
                f(i, j, inter as f64 / union as f64);
            }
        }
    }
}

/// The scorer's one-to-one overlap matching: pairs with Jaccard >= 0.5, taken greedily from
/// the highest Jaccard (ties: higher gold index, then higher prediction index). Returns the
/// chosen `(gold, prediction)` index pairs in the order taken.
pub(crate) fn overlap_matches(g: &[Item], p: &[Item]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    sharing_pairs(g, p, |i, j, jac| {
        if jac >= 0.5 {
            pairs.push((jac, i, j));
        }
    });
    // Python's sort(reverse=True) of (jac, i, j) tuples
    pairs.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2)));
    let mut used_g = vec![false; g.len()];
    let mut used_p = vec![false; p.len()];
    let mut out = Vec::new();
    for (_, i, j) in pairs {
        if used_g[i] || used_p[j] {
            continue;
        }
        used_g[i] = true;
        used_p[j] = true;
        out.push((i, j));
    }
    out
}

fn score_doc(text: &str, gold: &[Attribution], pred: &[Attribution], c: &mut Counts) {
    let text = DocText::new(text);
    let g = items(&text, gold);
    let p = items(&text, pred);
    for it in &g {
        c.gold[it.kind] += 1;
    }
    for it in &p {
        c.pred[it.kind] += 1;
    }

    let gset: HashSet<&[u32]> = g.iter().map(|it| it.content.as_slice()).collect();
    let pset: HashSet<&[u32]> = p.iter().map(|it| it.content.as_slice()).collect();
    for it in &p {
        if gset.contains(it.content.as_slice()) {
            c.strict_tp_pred[it.kind] += 1;
        }
    }
    for it in &g {
        if pset.contains(it.content.as_slice()) {
            c.strict_tp_gold[it.kind] += 1;
        }
    }

    for (i, j) in overlap_matches(&g, &p) {
        c.overlap_tp_gold[g[i].kind] += 1;
        c.overlap_tp_pred[p[j].kind] += 1;
        c.source_ok[g[i].kind] += usize::from(source_ok(&g[i], &p[j]));
    }

    let n = text.tokens.len();
    let mut gu = vec![false; n];
    let mut pu = vec![false; n];
    for it in &g {
        for &w in &it.content {
            gu[w as usize] = true;
        }
    }
    for it in &p {
        for &w in &it.content {
            pu[w as usize] = true;
        }
    }
    c.tok_gold += gu.iter().filter(|&&x| x).count();
    c.tok_pred += pu.iter().filter(|&&x| x).count();
    c.tok_tp += gu.iter().zip(&pu).filter(|(&a, &b)| a && b).count();
}

fn ratio(num: usize, den: usize) -> f64 {
    if den > 0 {
        py::round(num as f64 / den as f64, 4)
    } else {
        0.0
    }
}

/// Scores predictions (by document name) against the gold, exactly as the reference scorer.
/// Predictions for documents not in the gold are not scored; the first five of their names
/// are listed in `unknown_docs`.
pub fn score(gold: &[GoldDoc], preds: &HashMap<String, Vec<Attribution>>) -> Scores {
    let mut c = Counts::default();
    for doc in gold {
        let pred = preds.get(&doc.doc).map_or(&[][..], Vec::as_slice);
        score_doc(&doc.text, &doc.attributions, pred, &mut c);
    }
    let names: HashSet<&str> = gold.iter().map(|d| d.doc.as_str()).collect();
    let mut unknown: Vec<String> = preds
        .keys()
        .filter(|d| !names.contains(d.as_str()))
        .cloned()
        .collect();
    unknown.sort();
    unknown.truncate(5);

    let sum = |a: [usize; 2]| a[DIRECT] + a[INDIRECT];
    let (gold_all, pred_all) = (sum(c.gold), sum(c.pred));
    let overlap_tp = sum(c.overlap_tp_gold);
    let by_kind = |k: usize| {
        (
            Prf::new(
                c.strict_tp_pred[k],
                c.pred[k],
                c.strict_tp_gold[k],
                c.gold[k],
            ),
            Prf::new(
                c.overlap_tp_pred[k],
                c.pred[k],
                c.overlap_tp_gold[k],
                c.gold[k],
            ),
            ratio(c.source_ok[k], c.overlap_tp_gold[k]),
        )
    };
    let (strict_direct, overlap_direct, source_acc_direct) = by_kind(DIRECT);
    let (strict_indirect, overlap_indirect, source_acc_indirect) = by_kind(INDIRECT);
    Scores {
        docs: gold.len(),
        gold: gold_all,
        pred: pred_all,
        gold_direct: c.gold[DIRECT],
        gold_indirect: c.gold[INDIRECT],
        strict: Prf::new(
            sum(c.strict_tp_pred),
            pred_all,
            sum(c.strict_tp_gold),
            gold_all,
        ),
        overlap: Prf::new(overlap_tp, pred_all, overlap_tp, gold_all),
        token: Prf::new(c.tok_tp, c.tok_pred, c.tok_tp, c.tok_gold),
        source_acc: ratio(sum(c.source_ok), overlap_tp),
        unknown_docs: unknown,
        strict_direct,
        overlap_direct,
        source_acc_direct,
        strict_indirect,
        overlap_indirect,
        source_acc_indirect,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    //          0         1         2         3         4         5
    //          0123456789012345678901234567890123456789012345678901234567 8
    const TEXT: &str = "Ann said \"the sky is blue\" today. Bob thinks cats are nice.";
    // tokens: 0 Ann 0-3, 1 said 4-8, 2 the 10-13, 3 sky 14-17, 4 is 18-20, 5 blue 21-25,
    // 6 today 27-32, 7 Bob 34-37, 8 thinks 38-44, 9 cats 45-49, 10 are 50-53, 11 nice 54-58

    fn a(content: &[Piece], source: &[Piece]) -> Attribution {
        Attribution {
            content: content.to_vec(),
            source: source.to_vec(),
            cue: vec![],
        }
    }

    fn gold(attrs: Vec<Attribution>) -> Vec<GoldDoc> {
        vec![GoldDoc {
            doc: "d".into(),
            text: TEXT.into(),
            attributions: attrs,
        }]
    }

    fn prf(p: f64, r: f64, f1: f64) -> Prf {
        Prf { p, r, f1 }
    }

    #[test]
    fn tokens_and_words() {
        let t = DocText::new(TEXT);
        assert_eq!(t.tokens.len(), 12);
        assert_eq!(t.tokens[5], (21, 25));
        assert_eq!(t.tokens[11], (54, 58));
        assert_eq!(t.words(&[(9, 26)]), vec![2, 3, 4, 5]);
        assert_eq!(t.words(&[(24, 28)]), vec![5, 6]); // partial overlap counts
        assert_eq!(t.words(&[(25, 27)]), Vec::<u32>::new());
        assert_eq!(t.words(&[(45, 50), (0, 2), (46, 58)]), vec![0, 9, 10, 11]);
        assert_eq!(t.words(&[(16, 15)]), vec![3]); // reversed: `s < pe and ps < e` as in Python
        assert_eq!(t.words(&[(30, 15)]), Vec::<u32>::new());
        assert_eq!(t.words(&[(100, 200)]), Vec::<u32>::new());
        assert_eq!(t.kind(&[(9, 26)]), DIRECT);
        assert_eq!(t.kind(&[(10, 25)]), INDIRECT);
        assert_eq!(t.kind(&[(0, 3), (25, 26)]), DIRECT);
        assert_eq!(t.kind(&[(26, 9), (59, 1000)]), INDIRECT);
        let t = DocText::new("é_x1 ß—“ok”");
        assert_eq!(t.tokens, vec![(0, 4), (5, 6), (8, 10)]);
    }

    #[test]
    fn metrics_by_hand() {
        let g = gold(vec![
            a(&[(9, 26)], &[(0, 3)]),    // G1 {2,3,4,5} direct, source {0}
            a(&[(45, 58)], &[(34, 37)]), // G2 {9,10,11} indirect, source {7}
            a(&[(26, 27)], &[]),         // no words: not counted
        ]);
        let mut preds = HashMap::new();
        preds.insert(
            "d".to_string(),
            vec![
                a(&[(10, 25)], &[(0, 2)]), // P1 = G1's words, but no quote: indirect
                a(&[(38, 53)], &[]),       // P2 {8,9,10}: Jaccard 2/4 with G2
                a(&[(27, 32)], &[(0, 3)]), // P3 {6}: no match
                a(&[(26, 27)], &[]),       // no words: not counted
            ],
        );
        preds.insert("zz".to_string(), vec![]);
        preds.insert("other".to_string(), vec![a(&[(0, 1)], &[])]);
        let s = score(&g, &preds);
        assert_eq!((s.docs, s.gold, s.pred), (1, 2, 3));
        assert_eq!((s.gold_direct, s.gold_indirect), (1, 1));
        // strict: P1 = G1; 1 of 3 predicted, 1 of 2 gold
        assert_eq!(s.strict, prf(0.3333, 0.5, 0.4));
        assert_eq!(s.strict_direct, prf(0.0, 1.0, 0.0));
        assert_eq!(s.strict_indirect, prf(0.3333, 0.0, 0.0));
        // overlap: (G1, P1) and (G2, P2)
        assert_eq!(s.overlap, prf(0.6667, 1.0, 0.8));
        assert_eq!(s.overlap_direct, prf(0.0, 1.0, 0.0));
        assert_eq!(s.overlap_indirect, prf(0.6667, 1.0, 0.8));
        // token: gold {2,3,4,5,9,10,11}, predicted {2,3,4,5,6,8,9,10}, common 6
        assert_eq!(s.token, prf(0.75, 0.8571, 0.8));
        // sources: P1's "An" overlaps G1's "Ann"; P2 has none where G2 has one
        assert_eq!(
            (s.source_acc, s.source_acc_direct, s.source_acc_indirect),
            (0.5, 1.0, 0.0)
        );
        assert_eq!(s.unknown_docs, vec!["other".to_string(), "zz".to_string()]);
    }

    #[test]
    fn greedy_matching_and_ties() {
        let g = gold(vec![
            a(&[(9, 17)], &[]),          // G0 {2,3} direct ("the sky with the quote)
            a(&[(10, 17)], &[]),         // G1 {2,3} indirect
            a(&[(45, 58)], &[(34, 37)]), // G2 {9,10,11}
        ]);
        let mut preds = HashMap::new();
        preds.insert(
            "d".to_string(),
            vec![
                a(&[(10, 17)], &[]),         // P0 {2,3}: ties with G0 and G1; higher index wins
                a(&[(45, 53)], &[(34, 37)]), // P1 {9,10}: Jaccard 2/3 with G2
                a(&[(38, 58)], &[(50, 53)]), // P2 {8,9,10,11}: Jaccard 3/4 with G2, taken first
            ],
        );
        let s = score(&g, &preds);
        assert_eq!((s.gold, s.pred, s.gold_direct), (3, 3, 1));
        // strict: P0 matches (twice on the gold side: G0 and G1)
        assert_eq!(s.strict, prf(0.3333, 0.6667, 0.4444));
        assert_eq!(s.strict_direct, prf(0.0, 1.0, 0.0));
        assert_eq!(s.strict_indirect, prf(0.3333, 0.5, 0.4));
        // overlap: (G1, P0) then (G2, P2); G0 and P1 are left
        assert_eq!(s.overlap, prf(0.6667, 0.6667, 0.6667));
        assert_eq!(s.overlap_direct, prf(0.0, 0.0, 0.0));
        assert_eq!(s.overlap_indirect, prf(0.6667, 1.0, 0.8));
        // (G1, P0): neither has a source, right; (G2, P2): "are" is not "Bob", wrong
        assert_eq!(
            (s.source_acc, s.source_acc_direct, s.source_acc_indirect),
            (0.5, 0.0, 0.5)
        );
        assert!(s.unknown_docs.is_empty());
    }

    #[test]
    fn nothing() {
        let s = score(&[], &HashMap::new());
        assert_eq!((s.docs, s.gold, s.pred), (0, 0, 0));
        assert_eq!(s.overlap, prf(0.0, 0.0, 0.0));
        let s = score(&gold(vec![]), &HashMap::new());
        assert_eq!(s.docs, 1);
        assert_eq!(s.token, prf(0.0, 0.0, 0.0));
    }

    #[test]
    fn report_and_json() {
        let g = gold(vec![a(&[(9, 26)], &[(0, 3)]), a(&[(45, 58)], &[])]);
        let mut preds = HashMap::new();
        preds.insert("d".to_string(), vec![a(&[(10, 25)], &[(0, 3)])]);
        preds.insert("it's".to_string(), vec![]);
        let s = score(&g, &preds);
        let want = "\
docs 1  gold 2 (direct 1, indirect 1)  predicted 1
                 P       R      F1
strict               1.000   0.500   0.667
overlap              1.000   0.500   0.667
token                1.000   0.571   0.727
strict_direct        0.000   1.000   0.000
overlap_direct       0.000   1.000   0.000
strict_indirect      1.000   0.000   0.000
overlap_indirect     1.000   0.000   0.000
source accuracy on overlap matches: all 1.000  direct 1.000  indirect 0.000
warning: predictions for documents not in gold, e.g. [\"it's\"]
";
        assert_eq!(s.report(), want);
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.starts_with(
            "{\"docs\":1,\"gold\":2,\"pred\":1,\"gold_direct\":1,\"gold_indirect\":1,\
             \"strict\":{\"p\":1.0,\"r\":0.5,\"f1\":0.6667},"
        ));
        assert!(json.contains("\"token\":{\"p\":1.0,\"r\":0.5714,\"f1\":0.7273},\"source_acc\":1.0,\"unknown_docs\":[\"it's\"],"));
        assert!(json.ends_with("\"source_acc_indirect\":0.0}"));
        // small values print as Python prints them, not in exponent form
        let small = Prf {
            p: 0.0001,
            r: 0.0005,
            f1: 0.1235,
        };
        assert_eq!(
            serde_json::to_string(&small).unwrap(),
            "{\"p\":0.0001,\"r\":0.0005,\"f1\":0.1235}"
        );
    }
}
