//! brat standoff `.ann` files and the PolNeAR gold layout.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::Path;

use crate::{py, Attribution, EvalError, GoldDoc, Piece};

/// A `T` line: where it is, its offsets field as written, and its pieces (`None` when a piece
/// does not hold exactly two numbers, which the reference scorer cannot use).
struct SpanDef<'a> {
    line: usize,
    raw: &'a str,
    pieces: Option<Vec<Piece>>,
}

/// Skips one or more characters of a class; returns the rest, or `None` if there were none.
fn skip_run(s: &str, class: impl Fn(char) -> bool) -> Option<&str> {
    let rest = s.trim_start_matches(class);
    (rest.len() < s.len()).then_some(rest)
}

fn is_digit(c: char) -> bool {
    py::decimal(c).is_some()
}

/// `^(T\d+)\t(\w+) ([\d ;]+)\t` → (id, offsets field).
fn match_text_bound(line: &str) -> Option<(&str, &str)> {
    let rest = skip_run(line.strip_prefix('T')?, is_digit)?;
    let id = &line[..line.len() - rest.len()];
    let rest = rest.strip_prefix('\t')?;
    let rest = skip_run(rest, py::is_word)?.strip_prefix(' ')?;
    let after = skip_run(rest, |c| is_digit(c) || c == ' ' || c == ';')?;
    let raw = &rest[..rest.len() - after.len()];
    after.starts_with('\t').then_some((id, raw))
}

/// `^(E\d+)\t(.*)$` → the arguments.
fn match_event(line: &str) -> Option<&str> {
    skip_run(line.strip_prefix('E')?, is_digit)?.strip_prefix('\t')
}

/// Python's `int()` of a run of `\d` characters; saturates, which keeps every comparison
/// with real offsets as it is.
fn number(s: &str) -> usize {
    s.chars().fold(0usize, |n, c| {
        n.saturating_mul(10)
            .saturating_add(py::decimal(c).unwrap_or(0) as usize)
    })
}

/// `[tuple(map(int, r.split())) for r in raw.split(';')]`, when every tuple is a pair.
fn parse_pieces(raw: &str) -> Option<Vec<Piece>> {
    raw.split(';')
        .map(|r| {
            let mut nums = r.split(' ').filter(|x| !x.is_empty()).map(number);
            match (nums.next(), nums.next(), nums.next()) {
                (Some(s), Some(e), None) => Some((s, e)),
                _ => None,
            }
        })
        .collect()
}

fn lookup<'s, 'a>(
    spans: &'s HashMap<&'a str, SpanDef<'a>>,
    roles: &HashMap<&str, &str>,
    role: &str,
) -> Option<&'s SpanDef<'a>> {
    roles.get(role).and_then(|id| spans.get(*id))
}

fn ann_error(line: usize, msg: String) -> EvalError {
    EvalError::Ann {
        file: String::new(),
        line,
        msg,
    }
}

/// Attributions of a brat `.ann` text, as the reference scorer reads them: every event (`E`
/// line) with a `Content` argument that names a text-bound (`T` line), in file order, with its
/// `Source` and `Cue` when they name one. Lines of other kinds, and lines that do not parse
/// (e.g. the continuation of a text that holds a newline) are skipped; a later `T` line with
/// the same id replaces an earlier one.
///
/// Errors where the reference scorer fails: an event argument without a colon, or a content
/// or source span whose pieces are not pairs of offsets. The error's `file` is empty.
pub fn parse_ann(ann: &str) -> Result<Vec<Attribution>, EvalError> {
    let mut spans: HashMap<&str, SpanDef> = HashMap::new();
    let mut events: Vec<HashMap<&str, &str>> = Vec::new();
    for (i, line) in py::lines(ann).enumerate() {
        if let Some((id, raw)) = match_text_bound(line) {
            let pieces = parse_pieces(raw);
            spans.insert(
                id,
                SpanDef {
                    line: i + 1,
                    raw,
                    pieces,
                },
            );
        } else if let Some(args) = match_event(line) {
            let mut roles = HashMap::new();
            for arg in args.split(py::is_space).filter(|x| !x.is_empty()) {
                let (role, id) = arg.split_once(':').ok_or_else(|| {
                    ann_error(
                        i + 1,
                        format!("bad event argument '{arg}' (expected Role:Id)"),
                    )
                })?;
                roles.insert(role, id);
            }
            events.push(roles);
        }
    }
    let get = |roles: &HashMap<&str, &str>, role: &str| lookup(&spans, roles, role);
    let pieces = |def: Option<&SpanDef>| -> Result<Vec<Piece>, EvalError> {
        match def {
            None => Ok(Vec::new()),
            Some(d) => d
                .pieces
                .clone()
                .ok_or_else(|| ann_error(d.line, format!("bad span '{}'", d.raw))),
        }
    };
    let mut out = Vec::new();
    for roles in &events {
        let Some(content) = get(roles, "Content") else {
            continue;
        };
        out.push(Attribution {
            content: pieces(Some(content))?,
            source: pieces(get(roles, "Source"))?,
            // the scorer never looks at cues, so a malformed one is no error
            cue: pieces(get(roles, "Cue")).unwrap_or_default(),
        });
    }
    Ok(out)
}

fn read_text(path: &Path) -> Result<String, EvalError> {
    let bytes = fs::read(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|_| EvalError::Utf8 {
        path: path.to_path_buf(),
    })
}

/// Gold documents of a PolNeAR-style directory: `DIR/text/<doc>.txt` and
/// `DIR/attributions/<doc>_<annotator>.ann`. The `.ann` files are taken in name order, and a
/// document's first one is its gold (later ones are ignored); documents come in that order.
/// An `attributions` directory without `.ann` files gives no documents (and the reference
/// scorer then reports zeros); a missing directory or text file, or a bad file, is an error.
pub fn load_gold(dir: &Path) -> Result<Vec<GoldDoc>, EvalError> {
    let ann_dir = dir.join("attributions");
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| EvalError::Io { path, source }
    };
    let mut names = Vec::new();
    for entry in fs::read_dir(&ann_dir).map_err(io(&ann_dir))? {
        let entry = entry.map_err(io(&ann_dir))?;
        match entry.file_name().into_string() {
            Ok(name) => {
                if name.ends_with(".ann") {
                    names.push(name);
                }
            }
            Err(name) => {
                if name.as_encoded_bytes().ends_with(b".ann") {
                    return Err(EvalError::FileName { path: entry.path() });
                }
            }
        }
    }
    names.sort();
    let mut seen = HashSet::new();
    let mut docs = Vec::new();
    for name in names {
        let stem = &name[..name.len() - 4];
        let doc = stem.rsplit_once('_').map_or(stem, |(d, _)| d);
        if !seen.insert(doc.to_string()) {
            continue;
        }
        let text = read_text(&dir.join("text").join(format!("{doc}.txt")))?;
        let ann_path = ann_dir.join(&name);
        let attributions = parse_ann(&read_text(&ann_path)?).map_err(|e| match e {
            EvalError::Ann { line, msg, .. } => EvalError::Ann {
                file: ann_path.display().to_string(),
                line,
                msg,
            },
            e => e,
        })?;
        docs.push(GoldDoc {
            doc: doc.to_string(),
            text: py::translate_newlines(&text),
            attributions,
        });
    }
    Ok(docs)
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
    fn simple_event() {
        let ann = "T1\tSource 0 5\tAlice\n\
                   T2\tCue 6 10\tsaid\n\
                   T3\tContent 11 20\tit rained\n\
                   T4\tAttribution 6 10\tsaid\n\
                   E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n";
        assert_eq!(
            parse_ann(ann).unwrap(),
            vec![attr(&[(11, 20)], &[(0, 5)], &[(6, 10)])]
        );
    }

    #[test]
    fn discontinuous_and_forward_references() {
        // the event comes before its text-bounds; the content has two pieces
        let ann = "E1\tAttribution:T9 Content:T3 Source:T1\n\
                   T3\tContent 10 20;30 42\tfirst part second part\n\
                   T1\tSource 0 5;6 9\tBob Lee\n";
        assert_eq!(
            parse_ann(ann).unwrap(),
            vec![attr(&[(10, 20), (30, 42)], &[(0, 5), (6, 9)], &[])]
        );
    }

    #[test]
    fn multi_line_text_and_junk_lines() {
        // a T text holding a newline continues on a line of its own, which is skipped, as are
        // notes, relations, comments, blank lines and lines without the closing tab
        let ann = "T1\tContent 0 12\tone\ntwo\n\
                   #1\tAnnotatorNotes T1\tnote\n\
                   R1\tRel Arg1:T1 Arg2:T2\n\
                   \n\
                   T2\tSource 13 17\n\
                   E1\tAttribution:T1 Content:T1 Source:T2 Cue:T7\r\n\
                   E2\tAttribution:T1 Source:T1\n\
                   E3\tContent:T5\n";
        assert_eq!(parse_ann(ann).unwrap(), vec![attr(&[(0, 12)], &[], &[])]);
    }

    #[test]
    fn later_definition_wins_and_last_role_wins() {
        let ann = "T1\tContent 0 4\tabcd\nT1\tContent 5 9\tefgh\nT2\tContent 1 2\tb\n\
                   E1\tContent:T2 Content:T1\n";
        assert_eq!(parse_ann(ann).unwrap(), vec![attr(&[(5, 9)], &[], &[])]);
    }

    #[test]
    fn extra_spaces_and_huge_offsets() {
        let ann = "T1\tContent  3  7 ; 8 99999999999999999999999\tx\nE1\tContent:T1\n";
        assert_eq!(
            parse_ann(ann).unwrap(),
            vec![attr(&[(3, 7), (8, usize::MAX)], &[], &[])]
        );
    }

    #[test]
    fn malformed_spans() {
        // '12 x' does not match the text-bound pattern at all: the line is skipped
        let ann = "T1\tContent 12 x\tfoo\nE1\tContent:T1\n";
        assert_eq!(parse_ann(ann).unwrap(), vec![]);
        // a piece that is not a pair, used as content: error naming the T line
        let ann = "T0\tCue 1 2\tx\nT1\tContent 12 14;\tfoo\nE1\tContent:T1\n";
        let e = parse_ann(ann).unwrap_err();
        assert_eq!(e.to_string(), "line 2: bad span '12 14;'");
        let ann = "T1\tContent 1 2\tx\nT2\tSource 7\tfoo\nE1\tContent:T1 Source:T2\n";
        assert_eq!(
            parse_ann(ann).unwrap_err().to_string(),
            "line 2: bad span '7'"
        );
        // unused or cue-only malformed spans are harmless
        let ann = "T1\tContent 1 2\tx\nT2\tCue 1 2 3\tfoo\nT3\tOther 5\ty\nE1\tContent:T1 Cue:T2\n";
        assert_eq!(parse_ann(ann).unwrap(), vec![attr(&[(1, 2)], &[], &[])]);
    }

    #[test]
    fn malformed_event() {
        let ann = "T1\tContent 1 2\tx\nE1\tContent:T1 Oops\n";
        assert_eq!(
            parse_ann(ann).unwrap_err().to_string(),
            "line 2: bad event argument 'Oops' (expected Role:Id)"
        );
    }

    #[test]
    fn empty() {
        assert_eq!(parse_ann("").unwrap(), vec![]);
        assert_eq!(parse_ann("garbage\n\u{0}\t\t").unwrap(), vec![]);
    }
}
