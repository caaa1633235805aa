//! Golden tests: each `golden/NAME.txt` is a short article written for this
//! project; `golden/NAME.expected.json` is what a careful reader expects the
//! extractor to find, written and reviewed by a person. The expected files
//! are never regenerated from the extractor's output: when a test fails,
//! either the extractor is wrong or the expectation is argued and changed by
//! hand.

use std::fs;
use std::path::Path;

use dictum_extract::Extractor;
use serde_json::{json, Value};

fn actual(text: &str) -> Vec<Value> {
    let ex = Extractor::new().extract(text);
    ex.statements
        .iter()
        .map(|s| {
            json!({
                "kind": s.kind,
                "text": if s.pieces.is_empty() {
                    s.content.slice(text).to_string()
                } else {
                    s.pieces.iter().map(|p| p.slice(text)).collect::<Vec<_>>().join(" … ")
                },
                "cue": s.cue.map(|c| c.slice(text)),
                "source": s.source.map(|c| c.slice(text)),
                "speaker": ex.speaker_name(s),
            })
        })
        .collect()
}

fn check(name: &str) -> Result<(), String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let text =
        fs::read_to_string(dir.join(format!("{name}.txt"))).map_err(|e| format!("{name}: {e}"))?;
    let expected: Vec<Value> = serde_json::from_str(
        &fs::read_to_string(dir.join(format!("{name}.expected.json")))
            .map_err(|e| format!("{name}: {e}"))?,
    )
    .map_err(|e| format!("{name}.expected.json: {e}"))?;
    let got = actual(&text);
    if got == expected {
        return Ok(());
    }
    Err(format!(
        "{name}: extractor output differs from the reviewed expectation\n--- expected\n{}\n--- got\n{}",
        serde_json::to_string_pretty(&expected).unwrap_or_default(),
        serde_json::to_string_pretty(&got).unwrap_or_default()
    ))
}

macro_rules! golden {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                if let Err(e) = check(stringify!($name)) {
                    panic!("{e}");
                }
            }
        )*
    };
}

golden!(
    quote_after_cue,
    quote_before_cue,
    multi_sentence_quote,
    multi_paragraph_quote,
    quote_only_paragraph,
    nested_quotes,
    mixed_marks,
    apostrophes,
    guillemets,
    low_high_quotes,
    partial_quote,
    said_that,
    comma_x_said,
    according_to,
    cue_lexicon,
    named_titles,
    pronouns_and_roles,
    organisations,
    headline_colon,
    transcript,
    noise_lines,
    unbalanced_quotes,
    unnamed_holders,
);

/// Every golden input has an expectation and every expectation an input.
#[test]
fn golden_files_are_paired() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut inputs = 0;
    for e in fs::read_dir(&dir).expect("golden dir") {
        let p = e.expect("entry").path();
        let name = p
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        if let Some(stem) = name.strip_suffix(".expected.json") {
            assert!(
                dir.join(format!("{stem}.txt")).exists(),
                "{name} has no input"
            );
        } else if let Some(stem) = name.strip_suffix(".txt") {
            inputs += 1;
            assert!(
                dir.join(format!("{stem}.expected.json")).exists(),
                "{name} has no expectation"
            );
        }
    }
    assert_eq!(
        inputs, 23,
        "a golden input was added or removed: list it in golden!()"
    );
}
