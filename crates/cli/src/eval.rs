//! `dictum eval`: the extractor scored against brat standoff gold, like the reference scorer.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use dictum_eval::{Attribution, Breakdown, GoldDoc, PredOutcome};
use dictum_extract::{CueModel, Extraction, Kind, Span};
use dictum_text::CharOffsets;
use rayon::prelude::*;
use serde::Serialize;

use crate::output;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Extract from the gold texts exactly as read, without the cleaning stage.
    #[arg(long)]
    pub no_clean: bool,
    /// Gold directory: text/<doc>.txt and attributions/<doc>_<annotator>.ann.
    #[arg(value_name = "GOLD_DIR")]
    pub gold: PathBuf,
    /// Print one JSON object {"scores": {...}, "breakdown": {...}} instead of the report.
    #[arg(long)]
    pub json: bool,
    /// Also write the predictions as JSON Lines (the shape of `dictum extract`), for the
    /// reference scorer.
    #[arg(long, value_name = "OUT.jsonl")]
    pub predictions: Option<PathBuf>,
    /// Use this cue model file instead of the built-in one (written by
    /// `cargo run --release -p dictum-cli --example train_cues`), to measure a model
    /// trained on part of train on the rest.
    #[arg(long, value_name = "MODEL.bin")]
    pub cue_model: Option<PathBuf>,
    /// Use this content-end model file instead of the built-in one (written by the same
    /// example with `--end`).
    #[arg(long, value_name = "MODEL.bin")]
    pub end_model: Option<PathBuf>,
}

/// Statements by the extractor's own kind: how many were predicted, matched, spurious.
#[derive(Debug, Default, Clone, Copy, Serialize)]
struct KindCounts {
    kind: Option<Kind>,
    predicted: usize,
    matched: usize,
    partial: usize,
    spurious: usize,
}

#[derive(Serialize)]
struct BreakdownOut {
    #[serde(flatten)]
    counts: Breakdown,
    /// Predictions by extractor kind (statements whose content has no word are left out).
    by_kind: Vec<KindCounts>,
}

#[derive(Serialize)]
struct JsonOut<'a> {
    scores: &'a dictum_eval::Scores,
    breakdown: BreakdownOut,
}

/// Code-point attributions of one extraction, content as `dictum extract` writes it: its
/// pieces when it is discontinuous, else its one span.
fn attributions(text: &str, ex: &Extraction) -> Vec<Attribution> {
    let offs = CharOffsets::new(text);
    let cp = |s: Span| (offs.to_char(s.start), offs.to_char(s.end));
    ex.statements
        .iter()
        .map(|s| Attribution {
            content: if !s.pieces.is_empty() {
                s.pieces.iter().map(|&p| cp(p)).collect()
            } else {
                vec![cp(s.content)]
            },
            source: s.source.map(cp).into_iter().collect(),
            cue: s.cue.map(cp).into_iter().collect(),
        })
        .collect()
}

fn write_predictions(path: &PathBuf, gold: &[GoldDoc], extractions: &[Extraction]) -> Result<()> {
    let ctx = || format!("{}: cannot write predictions", path.display());
    let mut out = BufWriter::new(File::create(path).with_context(ctx)?);
    for (doc, ex) in gold.iter().zip(extractions) {
        let line = serde_json::to_string(&output::article(&doc.doc, &doc.text, ex))?;
        out.write_all(line.as_bytes()).with_context(ctx)?;
        out.write_all(b"\n").with_context(ctx)?;
    }
    out.flush().with_context(ctx)
}

pub fn run(args: Args) -> Result<ExitCode> {
    // the error names the file (and line); its source is already in its message
    let gold = dictum_eval::load_gold(&args.gold)
        .map_err(|e| anyhow::anyhow!("cannot load gold from {}: {e}", args.gold.display()))?;
    // The same stages as `dictum extract` on a plain-text file, so that the reference
    // scorer gives the same numbers on `dictum extract`'s output.
    let mut pipeline = crate::pipeline::Pipeline::new(args.no_clean);
    if args.cue_model.is_some() || args.end_model.is_some() {
        let load = |path: &Option<PathBuf>, builtin: fn() -> CueModel| -> Result<CueModel> {
            let Some(path) = path else {
                return Ok(builtin());
            };
            let bytes = std::fs::read(path)
                .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
            CueModel::from_bytes(bytes.into())
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
        };
        pipeline.extractor = dictum_extract::Extractor::with_models(
            load(&args.cue_model, CueModel::builtin)?,
            load(&args.end_model, CueModel::builtin_end)?,
        );
    }
    let hints = dictum_clean::Hints::default();
    let extractions: Vec<Extraction> = gold
        .par_iter()
        .map(|d| pipeline.plain(&d.text, &hints).0)
        .collect();

    if let Some(path) = &args.predictions {
        write_predictions(path, &gold, &extractions)?;
    }

    let mut preds: HashMap<String, Vec<Attribution>> = HashMap::new();
    for (doc, e) in gold.iter().zip(&extractions) {
        preds.insert(doc.doc.clone(), attributions(&doc.text, e));
    }
    let scores = dictum_eval::score(&gold, &preds);

    let mut counts = Breakdown::default();
    let mut by_kind: HashMap<Kind, KindCounts> = HashMap::new();
    for (doc, e) in gold.iter().zip(&extractions) {
        let pred = &preds[&doc.doc];
        let o = dictum_eval::classify(&doc.text, &doc.attributions, pred);
        counts.add(&o, &doc.attributions, pred);
        for (s, outcome) in e.statements.iter().zip(&o.pred) {
            let k = by_kind.entry(s.kind).or_default();
            match outcome {
                PredOutcome::NoWords => continue,
                PredOutcome::Matched { .. } => k.matched += 1,
                PredOutcome::Partial => k.partial += 1,
                PredOutcome::Spurious => k.spurious += 1,
            }
            k.predicted += 1;
        }
    }
    let by_kind: Vec<KindCounts> = Kind::ALL
        .iter()
        .map(|&k| KindCounts {
            kind: Some(k),
            ..by_kind.get(&k).copied().unwrap_or_default()
        })
        .collect();
    let breakdown = BreakdownOut { counts, by_kind };

    if args.json {
        let out = JsonOut {
            scores: &scores,
            breakdown,
        };
        outln!("{}", serde_json::to_string(&out)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    out!("{}", scores.report())?;
    out!("{}", breakdown.counts.report())?;
    let kinds: Vec<String> = breakdown
        .by_kind
        .iter()
        .filter(|c| c.predicted > 0)
        .map(|c| {
            format!(
                "{} {}: {} matched, {} partial, {} spurious",
                c.kind.map_or("?", Kind::as_str),
                c.predicted,
                c.matched,
                c.partial,
                c.spurious
            )
        })
        .collect();
    if !kinds.is_empty() {
        outln!("  by extractor kind: {}", kinds.join("; "))?;
    }
    Ok(ExitCode::SUCCESS)
}
