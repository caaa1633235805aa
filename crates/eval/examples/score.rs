//! Scores a predictions file against a gold directory, like the reference scorer.
//!
//! `cargo run --release -p dictum-eval --example score -- GOLD_DIR PREDICTIONS.jsonl`
//! prints the human-readable report, then the scores as one line of JSON.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

fn run(gold_dir: &str, pred_path: &str) -> Result<(), Box<dyn std::error::Error>> {
    let start = Instant::now();
    let gold = dictum_eval::load_gold(Path::new(gold_dir))?;
    let jsonl = std::fs::read_to_string(pred_path).map_err(|e| format!("{pred_path}: {e}"))?;
    let preds = dictum_eval::read_predictions(&jsonl)?;
    let scores = dictum_eval::score(&gold, &preds);
    let elapsed = start.elapsed();
    print!("{}", scores.report());
    println!("{}", serde_json::to_string(&scores)?);
    eprintln!(
        "loaded and scored {} documents in {elapsed:.2?}",
        gold.len()
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [gold_dir, pred_path] = args.as_slice() else {
        eprintln!("usage: score GOLD_DIR PREDICTIONS.jsonl");
        return ExitCode::from(2);
    };
    match run(gold_dir, pred_path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
