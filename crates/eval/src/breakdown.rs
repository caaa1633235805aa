//! Where the errors are: each gold attribution and each prediction put in one class, with the
//! scorer's own words, kinds and overlap matching, so the classes add up to its counts.

use std::collections::HashMap;

use serde::Serialize;

use crate::score::{items, overlap_matches, sharing_pairs, source_ok, DocText, Item, DIRECT};
use crate::{Attribution, GoldDoc};

/// What became of one gold attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoldOutcome {
    /// Its content has no word; the scorer ignores it.
    NoWords,
    /// Overlap-matched (Jaccard >= 0.5) with prediction `pred` (an index into the predictions
    /// given); `exact` when both cover the same words, `source_ok` when the sources agree.
    Matched {
        pred: usize,
        exact: bool,
        source_ok: bool,
    },
    /// No predicted content shares a word with it.
    Missed,
    /// Predictions share words with it, but none has Jaccard >= 0.5.
    WrongSpan,
    /// A prediction has Jaccard >= 0.5 with it, but was matched to another gold attribution
    /// (e.g. one prediction covering two gold contents).
    CrowdedOut,
}

/// What became of one prediction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PredOutcome {
    /// Its content has no word; the scorer ignores it.
    NoWords,
    /// Overlap-matched with gold attribution `gold` (an index into the gold given).
    Matched { gold: usize },
    /// Shares no word with any gold content.
    Spurious,
    /// Shares words with gold contents, but was not matched to any.
    Partial,
}

/// One document's outcomes, in the order of the gold attributions and of the predictions;
/// `*_direct` tells the scorer's kind (content holds a quotation mark).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocOutcome {
    pub gold: Vec<GoldOutcome>,
    pub gold_direct: Vec<bool>,
    pub pred: Vec<PredOutcome>,
    pub pred_direct: Vec<bool>,
}

/// Classifies the gold attributions and the predictions of one document.
pub fn classify(text: &str, gold: &[Attribution], pred: &[Attribution]) -> DocOutcome {
    let text = DocText::new(text);
    let g = items(&text, gold);
    let p = items(&text, pred);
    let mut out = DocOutcome {
        gold: vec![GoldOutcome::NoWords; gold.len()],
        gold_direct: gold
            .iter()
            .map(|a| text.kind(&a.content) == DIRECT)
            .collect(),
        pred: vec![PredOutcome::NoWords; pred.len()],
        pred_direct: pred
            .iter()
            .map(|a| text.kind(&a.content) == DIRECT)
            .collect(),
    };
    // best Jaccard of each gold item with any prediction; whether each prediction shares a word
    let mut best = vec![0.0f64; g.len()];
    let mut shares = vec![false; p.len()];
    sharing_pairs(&g, &p, |i, j, jac| {
        best[i] = best[i].max(jac);
        shares[j] = true;
    });
    for (i, it) in g.iter().enumerate() {
        out.gold[it.index] = if best[i] == 0.0 {
            GoldOutcome::Missed
        } else if best[i] < 0.5 {
            GoldOutcome::WrongSpan
        } else {
            GoldOutcome::CrowdedOut
        };
    }
    for (j, it) in p.iter().enumerate() {
        out.pred[it.index] = if shares[j] {
            PredOutcome::Partial
        } else {
            PredOutcome::Spurious
        };
    }
    for (i, j) in overlap_matches(&g, &p) {
        let (gi, pj): (&Item, &Item) = (&g[i], &p[j]);
        out.gold[gi.index] = GoldOutcome::Matched {
            pred: pj.index,
            exact: gi.content == pj.content,
            source_ok: source_ok(gi, pj),
        };
        out.pred[pj.index] = PredOutcome::Matched { gold: gi.index };
    }
    out
}

/// A count, split by the scorer's kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Split {
    pub all: usize,
    pub direct: usize,
    pub indirect: usize,
}

impl Split {
    pub fn add(&mut self, direct: bool) {
        self.all += 1;
        if direct {
            self.direct += 1;
        } else {
            self.indirect += 1;
        }
    }
}

/// Why the source of a matched pair is wrong.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SpeakerErrors {
    /// Gold has a source, the prediction none.
    pub missing: usize,
    /// The prediction has a source, gold none.
    pub extra: usize,
    /// Both have one, with no word in common.
    pub other: usize,
}

/// Error counts over a gold set. Gold attributions (with content words) split into
/// `matched + missed + wrong_span + crowded_out`; predictions into
/// `matched + spurious + partial`; `matched` (gold side) equals the scorer's overlap matches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Breakdown {
    /// Gold attributions with content words, by gold kind.
    pub gold: Split,
    /// Gold attributions overlap-matched, by gold kind.
    pub matched: Split,
    /// Of those, the ones whose prediction covers exactly the same words.
    pub matched_exact: Split,
    /// Gold attributions no prediction shares a word with.
    pub missed: Split,
    /// Gold attributions that share words with predictions, all with Jaccard < 0.5.
    pub wrong_span: Split,
    /// Gold attributions with a Jaccard >= 0.5 prediction that went to another gold one.
    pub crowded_out: Split,
    /// Matched pairs whose sources disagree, by gold kind.
    pub wrong_speaker: Split,
    pub wrong_speaker_why: SpeakerErrors,
    /// Predictions with content words, by predicted kind.
    pub pred: Split,
    /// Predictions overlap-matched, by predicted kind.
    pub pred_matched: Split,
    /// Predictions that share no word with any gold content.
    pub spurious: Split,
    /// Predictions that share words with gold but were not matched.
    pub partial: Split,
}

impl Breakdown {
    /// Adds one document's outcomes; `gold` and `pred` are the attributions it was computed from.
    pub fn add(&mut self, o: &DocOutcome, gold: &[Attribution], pred: &[Attribution]) {
        for (k, &outcome) in o.gold.iter().enumerate() {
            let d = o.gold_direct[k];
            match outcome {
                GoldOutcome::NoWords => continue,
                GoldOutcome::Matched {
                    pred: j,
                    exact,
                    source_ok,
                } => {
                    self.matched.add(d);
                    if exact {
                        self.matched_exact.add(d);
                    }
                    if !source_ok {
                        self.wrong_speaker.add(d);
                        // the scorer compares source words; pieces without words count as none
                        let (gs, ps) = (!gold[k].source.is_empty(), !pred[j].source.is_empty());
                        match (gs, ps) {
                            (true, false) => self.wrong_speaker_why.missing += 1,
                            (false, true) => self.wrong_speaker_why.extra += 1,
                            _ => self.wrong_speaker_why.other += 1,
                        }
                    }
                }
                GoldOutcome::Missed => self.missed.add(d),
                GoldOutcome::WrongSpan => self.wrong_span.add(d),
                GoldOutcome::CrowdedOut => self.crowded_out.add(d),
            }
            self.gold.add(d);
        }
        for (j, &outcome) in o.pred.iter().enumerate() {
            let d = o.pred_direct[j];
            match outcome {
                PredOutcome::NoWords => continue,
                PredOutcome::Matched { .. } => self.pred_matched.add(d),
                PredOutcome::Spurious => self.spurious.add(d),
                PredOutcome::Partial => self.partial.add(d),
            }
            self.pred.add(d);
        }
    }

    /// A human-readable account, every line ending in a newline.
    pub fn report(&self) -> String {
        let split = |s: &Split| {
            let kinds = format!("(direct {}, indirect {})", s.direct, s.indirect);
            format!("{:6}  {kinds:<28}", s.all)
        };
        let w = &self.wrong_speaker_why;
        let mut out = format!(
            "errors: {} gold, {} matched ({} exact); {} predicted, {} matched\n",
            self.gold.all,
            self.matched.all,
            self.matched_exact.all,
            self.pred.all,
            self.pred_matched.all
        );
        out += &format!(
            "  missed entirely  {}  no predicted content shares a word\n",
            split(&self.missed)
        );
        out += &format!(
            "  wrong span       {}  overlaps predictions, Jaccard < 0.5\n",
            split(&self.wrong_span)
        );
        out += &format!(
            "  crowded out      {}  Jaccard >= 0.5, but that prediction matched another gold\n",
            split(&self.crowded_out)
        );
        out += &format!(
            "  wrong speaker    {}  of matched: no source {}, extra source {}, other source {}\n",
            split(&self.wrong_speaker),
            w.missing,
            w.extra,
            w.other
        );
        out += &format!(
            "  spurious         {}  predictions sharing no word with any gold\n",
            split(&self.spurious)
        );
        out += &format!(
            "  partial          {}  predictions overlapping gold, unmatched\n",
            split(&self.partial)
        );
        out
    }
}

/// Error counts of predictions (by document name) against the gold, with the scorer's
/// matching. Predictions for documents not in the gold are ignored.
pub fn breakdown(gold: &[GoldDoc], preds: &HashMap<String, Vec<Attribution>>) -> Breakdown {
    let mut b = Breakdown::default();
    for doc in gold {
        let pred = preds.get(&doc.doc).map_or(&[][..], Vec::as_slice);
        let o = classify(&doc.text, &doc.attributions, pred);
        b.add(&o, &doc.attributions, pred);
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score;
    use crate::Piece;

    //                  0         1         2         3         4         5         6
    //                  0123456789012345678901234567890123456789012345678901234567890123456
    const TEXT: &str = "Ann said \"the sky is blue\" today. Bob thinks cats are nice. Eve: no.";
    // words: 0 Ann 0-3, 1 said 4-8, 2 the 10-13, 3 sky 14-17, 4 is 18-20, 5 blue 21-25,
    // 6 today 27-32, 7 Bob 34-37, 8 thinks 38-44, 9 cats 45-49, 10 are 50-53, 11 nice 54-58,
    // 12 Eve 60-63, 13 no 65-67

    fn a(content: &[Piece], source: &[Piece]) -> Attribution {
        Attribution {
            content: content.to_vec(),
            source: source.to_vec(),
            cue: vec![],
        }
    }

    fn doc(attrs: Vec<Attribution>) -> Vec<GoldDoc> {
        vec![GoldDoc {
            doc: "d".into(),
            text: TEXT.into(),
            attributions: attrs,
        }]
    }

    fn split(all: usize, direct: usize, indirect: usize) -> Split {
        Split {
            all,
            direct,
            indirect,
        }
    }

    #[test]
    fn every_class() {
        let gold = vec![
            a(&[(9, 26)], &[(0, 3)]),    // G0 {2..5} direct, source Ann
            a(&[(45, 58)], &[(34, 37)]), // G1 {9,10,11} indirect, source Bob
            a(&[(65, 67)], &[(60, 63)]), // G2 {13} indirect: nothing near it
            a(&[(26, 27)], &[]),         // no words
            a(&[(27, 32)], &[]),         // G4 {6} indirect: shares with P2 at Jaccard 1/4
        ];
        let pred = vec![
            a(&[(9, 26)], &[]),          // P0 = G0 exactly, direct, source missing
            a(&[(45, 53)], &[(54, 58)]), // P1 {9,10}: Jaccard 2/3 with G1, source "nice"
            a(&[(27, 44)], &[]),         // P2 {6,7,8}: partial with G4
            a(&[(0, 8)], &[]),           // P3 {0,1}: spurious
            a(&[(32, 33)], &[]),         // no words
        ];
        let o = classify(TEXT, &gold, &pred);
        assert_eq!(
            o.gold,
            vec![
                GoldOutcome::Matched {
                    pred: 0,
                    exact: true,
                    source_ok: false
                },
                GoldOutcome::Matched {
                    pred: 1,
                    exact: false,
                    source_ok: false
                },
                GoldOutcome::Missed,
                GoldOutcome::NoWords,
                GoldOutcome::WrongSpan,
            ]
        );
        assert_eq!(
            o.pred,
            vec![
                PredOutcome::Matched { gold: 0 },
                PredOutcome::Matched { gold: 1 },
                PredOutcome::Partial,
                PredOutcome::Spurious,
                PredOutcome::NoWords,
            ]
        );
        let g = doc(gold);
        let mut preds = HashMap::new();
        preds.insert("d".to_string(), pred);
        preds.insert("elsewhere".to_string(), vec![a(&[(0, 3)], &[])]);
        let b = breakdown(&g, &preds);
        assert_eq!(b.gold, split(4, 1, 3));
        assert_eq!(b.matched, split(2, 1, 1));
        assert_eq!(b.matched_exact, split(1, 1, 0));
        assert_eq!(b.missed, split(1, 0, 1));
        assert_eq!(b.wrong_span, split(1, 0, 1));
        assert_eq!(b.crowded_out, split(0, 0, 0));
        assert_eq!(b.wrong_speaker, split(2, 1, 1));
        assert_eq!(
            b.wrong_speaker_why,
            SpeakerErrors {
                missing: 1,
                extra: 0,
                other: 1
            }
        );
        assert_eq!(b.pred, split(4, 1, 3));
        assert_eq!(b.pred_matched, split(2, 1, 1));
        assert_eq!(b.spurious, split(1, 0, 1));
        assert_eq!(b.partial, split(1, 0, 1));
        // agrees with the scorer's counts
        let s = score(&g, &preds);
        assert_eq!((s.gold, s.pred), (b.gold.all, b.pred.all));
        assert_eq!(s.overlap.r, 0.5);
        let report = b.report();
        assert!(report.starts_with("errors: 4 gold, 2 matched (1 exact); 4 predicted, 2 matched\n"));
        assert!(
            report.contains("  missed entirely       1  (direct 0, indirect 1)"),
            "{report}"
        );
    }

    #[test]
    fn crowded_out_and_extra_source() {
        // one prediction spanning two gold contents takes the better one only
        let gold = vec![
            a(&[(34, 49)], &[]), // G0 {7,8,9}
            a(&[(50, 58)], &[]), // G1 {10,11}
        ];
        let pred = vec![a(&[(34, 58)], &[(0, 3)])]; // {7..11}: 3/5 with G0, 2/5 with G1
        let o = classify(TEXT, &gold, &pred);
        assert_eq!(
            o.gold,
            vec![
                GoldOutcome::Matched {
                    pred: 0,
                    exact: false,
                    source_ok: false
                },
                GoldOutcome::WrongSpan,
            ]
        );
        // two equal predictions of one gold: the second is left over, a partial
        let gold2 = vec![a(&[(45, 58)], &[])];
        let pred2 = vec![a(&[(45, 58)], &[]), a(&[(45, 58)], &[])];
        let o2 = classify(TEXT, &gold2, &pred2);
        assert_eq!(o2.pred[0], PredOutcome::Partial);
        assert_eq!(o2.pred[1], PredOutcome::Matched { gold: 0 });
        // two gold contents with the same words and one prediction: one is crowded out
        let gold3 = vec![a(&[(45, 58)], &[]), a(&[(44, 58)], &[])];
        let o3 = classify(TEXT, &gold3, &pred2[..1]);
        assert_eq!(o3.gold[0], GoldOutcome::CrowdedOut);
        let mut b = Breakdown::default();
        b.add(&o, &gold, &pred);
        b.add(&o3, &gold3, &pred2[..1]);
        assert_eq!(b.crowded_out, split(1, 0, 1));
        assert_eq!(b.wrong_speaker_why.extra, 1);
        assert_eq!(
            b.gold.all,
            b.matched.all + b.missed.all + b.wrong_span.all + b.crowded_out.all
        );
    }

    #[test]
    fn nothing() {
        assert_eq!(breakdown(&[], &HashMap::new()), Breakdown::default());
        let b = breakdown(&doc(vec![a(&[(9, 26)], &[])]), &HashMap::new());
        assert_eq!(b.missed, split(1, 1, 0));
        assert_eq!(b.pred.all, 0);
    }
}
