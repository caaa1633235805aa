//! Loading a small hand-made gold directory (tests/data) and scoring hand-made predictions;
//! the expected numbers are worked out by hand in the comments.

use std::fs;
use std::path::{Path, PathBuf};

use dictum_eval::{load_gold, read_predictions, score, Attribution, EvalError, Prf};

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

#[test]
fn loads_first_annotation_per_doc_in_name_order() {
    let gold = load_gold(&data().join("gold")).unwrap();
    let names: Vec<&str> = gold.iter().map(|d| d.doc.as_str()).collect();
    assert_eq!(names, ["alpha_news", "beta", "gamma"]);
    // alpha_news_k1.ann, not alpha_news_z9.ann; its third event has no content
    let alpha = &gold[0];
    assert_eq!(alpha.attributions.len(), 2);
    assert_eq!(
        alpha.attributions[0],
        Attribution {
            content: vec![(15, 45)],
            source: vec![(0, 9)],
            cue: vec![(10, 14)]
        }
    );
    let chars: Vec<char> = alpha.text.chars().collect();
    let (s, e) = alpha.attributions[1].content[0];
    assert_eq!(
        chars[s..e].iter().collect::<String>(),
        "\u{201c}It is years behind schedule,\u{201d}"
    );
    // a discontinuous content
    assert_eq!(gold[1].attributions[0].content, vec![(0, 10), (30, 51)]);
    assert!(gold[2].attributions.is_empty());
}

#[test]
fn scores_hand_made_predictions() {
    let gold = load_gold(&data().join("gold")).unwrap();
    let preds = read_predictions(&fs::read_to_string(data().join("pred.jsonl")).unwrap()).unwrap();
    let s = score(&gold, &preds);
    // gold: alpha A1 indirect, A2 direct; beta B1 direct (two pieces, five words)
    // predicted: alpha P1 = A1's words, P2 = A2's words without the quotes (so indirect),
    // P3 matches nothing; beta P4 = B1's second piece, 3 of its 5 words (direct)
    assert_eq!((s.docs, s.gold, s.pred), (3, 3, 4));
    assert_eq!((s.gold_direct, s.gold_indirect), (2, 1));
    let prf = |p, r, f1| Prf { p, r, f1 };
    // strict: P1 and P2 (2 of 4 predicted; A1 and A2, 2 of 3 gold)
    assert_eq!(s.strict, prf(0.5, 0.6667, 0.5714));
    assert_eq!(s.strict_direct, prf(0.0, 0.5, 0.0));
    assert_eq!(s.strict_indirect, prf(0.6667, 1.0, 0.8));
    // overlap: A1-P1, A2-P2 and B1-P4 (Jaccard 3/5)
    assert_eq!(s.overlap, prf(0.75, 1.0, 0.8571));
    assert_eq!(s.overlap_direct, prf(1.0, 1.0, 1.0));
    assert_eq!(s.overlap_indirect, prf(0.6667, 1.0, 0.8));
    // words: gold 6 + 5 + 5 = 16, predicted 6 + 5 + 3 + 3 = 17, common 6 + 5 + 3 = 14
    assert_eq!(s.token, prf(0.8235, 0.875, 0.8485));
    // sources: "The mayor" and "Ruiz" right, none for "the minister" wrong
    assert_eq!(s.source_acc, 0.6667);
    assert_eq!((s.source_acc_direct, s.source_acc_indirect), (0.5, 1.0));
    assert_eq!(s.unknown_docs, ["delta"]);
    let report = s.report();
    assert!(report.starts_with("docs 3  gold 3 (direct 2, indirect 1)  predicted 4\n"));
    assert!(report.contains("\ntoken                0.824   0.875   0.849\n"));
    assert!(report.ends_with("e.g. ['delta']\n"));
}

/// A scratch gold directory, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("dictum-eval-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("text")).unwrap();
        fs::create_dir_all(dir.join("attributions")).unwrap();
        Scratch(dir)
    }

    fn write(&self, path: &str, bytes: &[u8]) -> &Self {
        fs::write(self.0.join(path), bytes).unwrap();
        self
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

#[test]
fn crlf_text_is_read_like_python() {
    // Python's universal newlines make "\r\n" one character, so offsets count it once
    let d = Scratch::new("crlf");
    d.write(
        "text/n.txt",
        "Kim wrote:\r\n\u{201c}Soon.\u{201d}\r\n".as_bytes(),
    )
    .write(
        "attributions/n_a.ann",
        b"T1\tContent 11 18\tx\r\nE1\tContent:T1\r\n",
    );
    let gold = load_gold(&d.0).unwrap();
    assert_eq!(gold[0].text, "Kim wrote:\n\u{201c}Soon.\u{201d}\n");
    let preds = read_predictions(r#"{"doc": "n", "statements": [{"content": [12, 16]}]}"#).unwrap();
    let s = score(&gold, &preds);
    assert_eq!((s.gold_direct, s.strict.f1), (1, 1.0));
}

#[test]
fn empty_and_missing() {
    let d = Scratch::new("empty");
    assert!(load_gold(&d.0).unwrap().is_empty());
    let s = score(&[], &read_predictions("{\"doc\": \"a\"}\n").unwrap());
    assert_eq!((s.docs, s.unknown_docs.len()), (0, 1));
    let e = load_gold(&d.0.join("nowhere")).unwrap_err();
    assert!(matches!(e, EvalError::Io { .. }), "{e}");
    assert!(e.to_string().contains("nowhere/attributions"), "{e}");
    // an annotation file without its text
    d.write("attributions/lost_a.ann", b"");
    let e = load_gold(&d.0).unwrap_err().to_string();
    assert!(e.contains("text/lost.txt"), "{e}");
}

#[test]
fn bad_files_name_file_and_line() {
    let d = Scratch::new("bad");
    d.write("text/x.txt", b"Some words here.\n").write(
        "attributions/x_ab12.ann",
        b"T1\tContent 0 4\tSome\nT2\tSource 12\tw\nE1\tContent:T1 Source:T2\n",
    );
    let e = load_gold(&d.0).unwrap_err().to_string();
    assert!(
        e.ends_with("attributions/x_ab12.ann line 2: bad span '12'"),
        "{e}"
    );
    d.write("attributions/x_ab12.ann", b"T1\tContent 0 4\tSome\n")
        .write("text/x.txt", b"caf\xe9\n");
    let e = load_gold(&d.0).unwrap_err().to_string();
    assert!(e.ends_with("text/x.txt: not valid UTF-8"), "{e}");
}
