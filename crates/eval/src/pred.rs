//! Predicted attributions in JSON Lines.

use std::collections::HashMap;

use serde_json::Value;

use crate::{py, Attribution, EvalError, Piece};

/// Python's truth value of a JSON value.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// An offset: a JSON integer (or bool, which Python takes for 0 or 1).
fn offset(v: &Value) -> Result<Option<usize>, String> {
    match v {
        Value::Bool(b) => Ok(Some(usize::from(*b))),
        Value::Number(n) if n.is_u64() => {
            Ok(n.as_u64().map(|x| usize::try_from(x).unwrap_or(usize::MAX)))
        }
        Value::Number(n) if n.is_i64() => Err(format!("negative offset {n}")),
        _ => Ok(None),
    }
}

fn pair(v: &Value) -> Result<Option<Piece>, String> {
    match v.as_array().map(Vec::as_slice) {
        Some([s, e]) => Ok(offset(s)?.zip(offset(e)?)),
        _ => Ok(None),
    }
}

/// The scorer's `pieces()`: a span is `[s, e]`, a list of `[s, e]` pieces, an object whose
/// `"span"` is one of those, or anything false (null, [], absent) for none.
fn pieces(span: Option<&Value>) -> Result<Vec<Piece>, String> {
    let span = match span {
        Some(Value::Object(o)) => o.get("span"),
        s => s,
    };
    let Some(span) = span.filter(|s| truthy(s)) else {
        return Ok(Vec::new());
    };
    if let Some(p) = pair(span)? {
        return Ok(vec![p]);
    }
    let bad = || format!("bad span {span} (expected [s, e], a list of [s, e] or null)");
    let list = span.as_array().ok_or_else(bad)?;
    list.iter().map(|p| pair(p)?.ok_or_else(bad)).collect()
}

fn statement(v: &Value) -> Result<Attribution, String> {
    let obj = v
        .as_object()
        .ok_or_else(|| format!("statement {v} is not an object"))?;
    let content = pieces(obj.get("content")).map_err(|e| format!("content: {e}"))?;
    let source = pieces(obj.get("source")).map_err(|e| format!("source: {e}"))?;
    // the scorer never reads cues, so it takes any value there
    let cue = pieces(obj.get("cue")).unwrap_or_default();
    Ok(Attribution {
        content,
        source,
        cue,
    })
}

/// Predictions from JSON Lines, one object per document (several lines for one document add
/// up; blank lines are skipped):
/// `{"doc": "<doc>", "statements": [{"content": [s, e], "source": [s, e] | null, "cue": ...}]}`.
/// The list may be called `"statements"` or `"attributions"` (the former wins when both are
/// there) and may be null; a span may be `[s, e]`, a list of `[s, e]` pieces, an object with a
/// `"span"` field, or null; other fields are ignored. A document with no statements is still
/// listed (it counts for the scorer's unknown documents).
///
/// Stricter than the reference scorer in a few corners it would only stumble on later, or not
/// at all: `doc` must be a string, offsets non-negative integers below 2^64, and statements
/// of documents that are not in the gold are checked too. A malformed cue is taken as none,
/// since the scorer never reads cues.
pub fn read_predictions(jsonl: &str) -> Result<HashMap<String, Vec<Attribution>>, EvalError> {
    let mut preds: HashMap<String, Vec<Attribution>> = HashMap::new();
    for (i, line) in py::lines(jsonl).enumerate() {
        if line.chars().all(py::is_space) {
            continue;
        }
        let err = |msg: String| EvalError::Prediction { line: i + 1, msg };
        let obj: Value = serde_json::from_str(line).map_err(|e| err(format!("bad JSON: {e}")))?;
        let obj = obj
            .as_object()
            .ok_or_else(|| err("not a JSON object".into()))?;
        let doc = match obj.get("doc") {
            Some(Value::String(d)) => d.clone(),
            Some(d) => return Err(err(format!("\"doc\" is {d}, not a string"))),
            None => return Err(err("no \"doc\" field".into())),
        };
        let list = obj.get("statements").or_else(|| obj.get("attributions"));
        let items: &[Value] = match list {
            Some(v) if truthy(v) => v
                .as_array()
                .ok_or_else(|| err(format!("statements are {v}, not a list")))?,
            _ => &[],
        };
        let attrs = preds.entry(doc).or_default();
        for (k, item) in items.iter().enumerate() {
            attrs.push(statement(item).map_err(|e| err(format!("statement {}: {e}", k + 1)))?);
        }
    }
    Ok(preds)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attr(content: &[Piece], source: &[Piece], cue: &[Piece]) -> Attribution {
        Attribution {
            content: content.to_vec(),
            source: source.to_vec(),
            cue: cue.to_vec(),
        }
    }

    #[test]
    fn shapes() {
        let jsonl = r#"{"doc": "a", "statements": [{"content": [1, 5], "source": null, "cue": [6, 8]}]}

{"doc": "a", "attributions": [{"content": {"span": [[0, 2], [3, 4]], "text": "x"}, "source": {"span": [9, 12]}}]}
{"doc": "b", "statements": null, "attributions": [{"content": [1, 2]}]}
{"doc": "c", "attributions": [{"content": [[1, 2]], "source": [[3, 4], [5, 6]], "cue": "whatever", "extra": 1}]}
{"doc": "d", "statements": [{"content": [true, 3], "source": {"text": "no span"}}, {"source": [1, 2]}]}"#;
        let p = read_predictions(jsonl).unwrap();
        assert_eq!(p.len(), 4);
        assert_eq!(
            p["a"],
            vec![
                attr(&[(1, 5)], &[], &[(6, 8)]),
                attr(&[(0, 2), (3, 4)], &[(9, 12)], &[])
            ]
        );
        assert_eq!(p["b"], vec![]);
        assert_eq!(p["c"], vec![attr(&[(1, 2)], &[(3, 4), (5, 6)], &[])]);
        assert_eq!(
            p["d"],
            vec![attr(&[(1, 3)], &[], &[]), attr(&[], &[(1, 2)], &[])]
        );
    }

    #[test]
    fn errors() {
        let cases = [
            ("{\"doc\": \"a\"", "predictions line 1: bad JSON"),
            ("\n[1, 2]", "predictions line 2: not a JSON object"),
            (
                "{\"statements\": []}",
                "predictions line 1: no \"doc\" field",
            ),
            (
                "{\"doc\": 3}",
                "predictions line 1: \"doc\" is 3, not a string",
            ),
            (
                "{\"doc\": \"a\", \"statements\": {\"x\": 1}}",
                "predictions line 1: statements are",
            ),
            (
                "{\"doc\": \"a\", \"statements\": [[1, 2]]}",
                "predictions line 1: statement 1: statement [1,2] is not",
            ),
            (
                "{\"doc\": \"a\", \"statements\": [{\"content\": [1, 2, 3]}]}",
                "predictions line 1: statement 1: content: bad span",
            ),
            (
                "{\"doc\": \"a\", \"statements\": [{\"content\": [1.0, 2.0]}]}",
                "predictions line 1: statement 1: content: bad span",
            ),
            (
                "{\"doc\": \"a\", \"statements\": [{\"content\": [-1, 2]}]}",
                "predictions line 1: statement 1: content: negative offset -1",
            ),
            (
                "{\"doc\": \"a\", \"statements\": [{\"content\": [1, 2], \"source\": \"Bob\"}]}",
                "predictions line 1: statement 1: source: bad span",
            ),
        ];
        for (jsonl, want) in cases {
            let got = read_predictions(jsonl).unwrap_err().to_string();
            assert!(got.starts_with(want), "{jsonl}: {got}");
        }
    }

    #[test]
    fn empty_and_blank() {
        assert!(read_predictions("").unwrap().is_empty());
        assert!(read_predictions("\n \r\n\u{a0}\n").unwrap().is_empty());
        let p =
            read_predictions("{\"doc\": \"x\"}\r\n{\"doc\": \"y\", \"statements\": []}").unwrap();
        assert_eq!(p.len(), 2);
    }
}
