//! The Rust MiniLM reproduces sentence-transformers' vectors (cosine ≥ 0.999) for the eight
//! sentences of `tests/data/minilm-reference.json` (written for this project; the vectors are
//! sentence-transformers 6.2's).
//!
//! Needs the model: `$DICTUM_MODEL` names its directory, else `target/models/minilm`
//! (`scripts/fetch-minilm.sh DIR` makes one). Without it the test fails, unless
//! `DICTUM_SKIP_MODEL_TESTS=1`.

use std::path::PathBuf;

use dictum_embed::{cosine, Embedder, Lexical, MiniLm};

#[derive(serde::Deserialize)]
struct Reference {
    sentences: Vec<String>,
    embeddings: Vec<Vec<f32>>,
}

/// The model directory: `$DICTUM_MODEL`, else `target/models/minilm` in the workspace (where
/// the README's set-up puts it); `None` when neither exists and model tests are explicitly
/// skipped.
fn model_dir() -> Option<PathBuf> {
    // Tests run in the crate's directory: relative paths are taken from the workspace.
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    if let Some(dir) = std::env::var_os("DICTUM_MODEL").filter(|d| !d.is_empty()) {
        let dir = PathBuf::from(dir);
        return Some(if dir.is_relative() && !dir.exists() {
            workspace.join(dir)
        } else {
            dir
        });
    }
    let default = workspace.join("target/models/minilm");
    if default.join("model.safetensors").is_file() {
        return Some(default);
    }
    if std::env::var("DICTUM_SKIP_MODEL_TESTS").as_deref() == Ok("1") {
        eprintln!("no MiniLM model and DICTUM_SKIP_MODEL_TESTS=1: MiniLM test skipped");
        return None;
    }
    panic!(
        "this test needs all-MiniLM-L6-v2: run `scripts/fetch-minilm.sh target/models/minilm` \
         (or set DICTUM_MODEL to a directory holding it), or set DICTUM_SKIP_MODEL_TESTS=1 to \
         skip it"
    )
}

fn reference() -> Reference {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/minilm-reference.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("reference file")).expect("json")
}

#[test]
fn minilm_matches_sentence_transformers() {
    let Some(dir) = model_dir() else { return };
    let model = MiniLm::load(&dir).unwrap_or_else(|e| panic!("loading {}: {e}", dir.display()));
    assert_eq!(model.dim(), 384);
    let reference = reference();
    let texts: Vec<&str> = reference.sentences.iter().map(String::as_str).collect();
    // Once as a batch (padding in play) and once one by one.
    let batch = model.embed(&texts).expect("embed");
    let mut min = 1f32;
    for (i, (v, r)) in batch.iter().zip(&reference.embeddings).enumerate() {
        let c = cosine(v, r);
        let alone = model.embed(&texts[i..i + 1]).expect("embed one");
        let c1 = cosine(&alone[0], r);
        eprintln!("sentence {i}: cosine {c:.6} in a batch, {c1:.6} alone");
        assert!(c >= 0.999 && c1 >= 0.999, "sentence {i}: cosine {c} / {c1}");
        min = min.min(c).min(c1);
    }
    eprintln!("minimum cosine over {} sentences: {min:.7}", texts.len());
}

#[test]
fn minilm_takes_any_input() {
    let Some(dir) = model_dir() else { return };
    let model = MiniLm::load(&dir).expect("load");
    let long = "word ".repeat(20_000);
    let texts = [
        "",
        "   ",
        &long,
        "Москва заявила о переговорах.",
        "北京表示",
        "🙂\u{0}\u{feff}",
    ];
    let out = model.embed(&texts).expect("embed");
    assert_eq!(out.len(), texts.len());
    for v in &out {
        assert_eq!(v.len(), 384);
        assert!(v.iter().all(|x| x.is_finite()));
    }
    assert!(model.embed(&[]).expect("empty batch").is_empty());
    // Truncation at 256 tokens, not the 128 of the packaged tokenizer.json.
    let ids = model
        .tokenizer()
        .encode_fast(long.as_str(), true)
        .expect("encode");
    assert_eq!(ids.get_ids().len(), dictum_embed::MAX_TOKENS);
}

#[test]
fn missing_model_is_a_typed_error() {
    let err = MiniLm::load("/nonexistent/dictum-model").unwrap_err();
    assert!(err.to_string().contains("fetch-minilm.sh"), "{err}");
    let lexical = Lexical::default();
    assert_eq!(lexical.embed(&["x"]).unwrap()[0].len(), 512);
}
