//! The database commands run as a user runs them: `ingest`, then the queries, bad inputs,
//! and ingests killed at random points.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn dictum(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dictum"))
        .args(args)
        .env_remove("DICTUM_DB")
        .stdin(Stdio::null())
        .output()
        .expect("cannot run dictum")
}

fn ok(args: &[&str]) -> String {
    let out = dictum(args);
    assert!(
        out.status.success(),
        "dictum {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&ok(args)).unwrap()
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus")
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn ingest_then_query_the_sample_corpus() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    let out = dictum(&["ingest", s(&corpus()), "--db", s(&db)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("10 new, 0 already known"), "{summary}");
    // Again: nothing new.
    let out = dictum(&["ingest", s(&corpus()), "--db", s(&db)]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("0 new, 10 already known"));

    let people = json(&["people", "--json", "--db", s(&db)]);
    let list = people.as_array().unwrap();
    assert!(!list.is_empty());
    let top = &list[0];
    let name = top["name"].as_str().unwrap();
    let person = json(&["person", name, "--json", "--db", s(&db)]);
    for key in ["id", "name", "aliases", "roles", "statements"] {
        assert!(
            person.get(key).is_some(),
            "person JSON lacks {key}: {person}"
        );
    }
    let first = &person["statements"][0];
    for key in ["id", "kind", "text", "doc", "outlet", "published"] {
        assert!(first.get(key).is_some(), "statement lacks {key}: {first}");
    }
    // Search for a word of that statement, by that speaker: it comes back with a score.
    let word = first["text"]
        .as_str()
        .unwrap()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 6)
        .max_by_key(|w| w.len())
        .unwrap()
        .to_string();
    let hits = json(&["search", &word, "--speaker", name, "--json", "--db", s(&db)]);
    let hits = hits.as_array().unwrap();
    assert!(!hits.is_empty(), "no hit for {word:?} by {name}");
    for key in [
        "id",
        "kind",
        "text",
        "doc",
        "outlet",
        "published",
        "speaker",
        "score",
    ] {
        assert!(hits[0].get(key).is_some(), "hit lacks {key}");
    }
    assert_eq!(hits[0]["speaker"].as_str(), Some(name));
    let id = hits[0]["id"].as_i64().unwrap().to_string();
    let st = json(&["statement", &id, "--json", "--db", s(&db)]);
    assert!(!st["reports"].as_array().unwrap().is_empty());
    assert!(!st["reports"][0]["sentence"].as_str().unwrap().is_empty());
    // Human output and export.
    assert!(ok(&["person", name, "--db", s(&db)]).contains(name));
    let csv = ok(&["export", "--format", "csv", "--db", s(&db)]);
    assert!(csv.starts_with("statement,report,kind,text"));
    let jsonl = ok(&["export", "--speaker", name, "--db", s(&db)]);
    let n = jsonl.lines().count();
    assert_eq!(n, person["statements"].as_array().unwrap().len());
    assert!(ok(&["check", "--db", s(&db)]).contains("integrity: ok"));

    // Parquet: the same rows as JSON Lines, read back with the parquet crate.
    let file = tmp.path().join("reports.parquet");
    ok(&[
        "export",
        "--format",
        "parquet",
        "-o",
        s(&file),
        "--db",
        s(&db),
    ]);
    let all = ok(&["export", "--db", s(&db)]);
    let reader =
        parquet::file::reader::SerializedFileReader::new(std::fs::File::open(&file).unwrap())
            .unwrap();
    use parquet::file::reader::FileReader;
    let rows: Vec<parquet::record::Row> = reader
        .get_row_iter(None)
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(rows.len(), all.lines().count());
    let first: Value = serde_json::from_str(all.lines().next().unwrap()).unwrap();
    let row0 = &rows[0];
    let text = row0
        .get_column_iter()
        .find(|(name, _)| name.as_str() == "text")
        .map(|(_, f)| f.to_string())
        .unwrap();
    assert_eq!(text.trim_matches('"'), first["text"].as_str().unwrap());
    assert!(!tmp.path().join("reports.partial").exists());
}

#[test]
fn clear_errors_for_a_missing_database_bad_dates_and_unknown_people() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("none");
    let out = dictum(&["search", "x", "--db", s(&db)]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no database at") && err.contains("dictum ingest"),
        "{err}"
    );
    assert!(!db.exists(), "a query never creates a database");

    let db = tmp.path().join("db");
    ok(&["ingest", s(&corpus()), "--db", s(&db)]);
    let out = dictum(&["search", "x", "--since", "last May", "--db", s(&db)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
    let out = dictum(&["person", "Nobody Atall", "--db", s(&db)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no person called"));
    let out = dictum(&["statement", "abc", "--db", s(&db)]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a statement id"));
}

#[test]
fn an_unreadable_input_is_reported_and_the_rest_is_stored() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    let missing = tmp.path().join("no-such-file.txt");
    let bad = tmp.path().join("binary.txt");
    std::fs::write(&bad, [0xffu8, 0xfe, 0x00, 0x81, 0x9f].repeat(50)).unwrap();
    let out = dictum(&["ingest", s(&corpus()), s(&missing), s(&bad), "--db", s(&db)]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no-such-file.txt"), "{err}");
    assert!(err.contains("binary.txt"), "{err}");
    assert!(err.contains("10 new"), "{err}");
    assert!(ok(&["check", "--db", s(&db)]).contains("integrity: ok"));
}

#[test]
fn a_corrupt_database_file_is_refused_and_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    std::fs::create_dir_all(&db).unwrap();
    let file = db.join("dictum.db");
    let junk = b"SQLite format 3\0 but then garbage garbage garbage".repeat(200);
    std::fs::write(&file, &junk).unwrap();
    for args in [
        vec!["ingest", s(&corpus()), "--db", s(&db)],
        vec!["search", "talks", "--db", s(&db)],
    ] {
        let out = dictum(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("dictum.db") && err.contains("damaged"),
            "{err}"
        );
    }
    assert_eq!(std::fs::read(&file).unwrap(), junk);
}

#[test]
fn a_full_disk_stops_the_ingest_cleanly() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    // First a few articles with room to spare, then the rest with too little room.
    let first = tmp.path().join("first");
    std::fs::create_dir_all(&first).unwrap();
    for f in ["01_wire_dateline.txt", "02_parenthetical_dateline.txt"] {
        std::fs::copy(corpus().join(f), first.join(f)).unwrap();
    }
    ok(&["ingest", s(&first), "--db", s(&db)]);
    let before = json(&["check", "--json", "--db", s(&db)]);
    let pages = std::fs::metadata(db.join("dictum.db")).unwrap().len() / 4096 + 2;
    let out = dictum(&[
        "ingest",
        s(&corpus()),
        "--db",
        s(&db),
        "--max-db-pages",
        &pages.to_string(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("disk full") && err.contains("dictum.db"),
        "{err}"
    );
    let after = json(&["check", "--json", "--db", s(&db)]);
    assert_eq!(after["stats"]["articles"], before["stats"]["articles"]);
    assert!(after["partial_articles"].as_array().unwrap().is_empty());
    // With room again, the ingest completes.
    ok(&["ingest", s(&corpus()), "--db", s(&db)]);
    assert_eq!(
        json(&["check", "--json", "--db", s(&db)])["stats"]["articles"],
        10
    );
}

/// A deterministic sequence of pseudo-random numbers (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

const NAMES: &[&str] = &[
    "Marta Kiel",
    "Tomas Reiner",
    "Ana Ruiz",
    "Piet Horvat",
    "Lena Ostrova",
];
const TOPICS: &[&str] = &[
    "harbour", "railway", "budget", "school", "hospital", "bridge", "tax",
];

/// A fictional article with a few statements; every one different.
fn fictional(i: usize, rng: &mut Rng) -> String {
    let name = NAMES[i % NAMES.len()];
    let surname = name.split(' ').nth(1).unwrap();
    let mut t = format!(
        "Officials debate the {} plan, number {i}\n",
        TOPICS[i % TOPICS.len()]
    );
    for p in 0..4 + (rng.next() % 4) as usize {
        let topic = TOPICS[(rng.next() % TOPICS.len() as u64) as usize];
        t.push_str(&format!(
            "“The {topic} works must start in week {} of year {},” {name} said at meeting {i}-{p}. \
             {surname} added that the council had approved {} million for the {topic}. \
             Residents of district {} were not convinced.\n",
            rng.next() % 52,
            2000 + rng.next() % 30,
            rng.next() % 900,
            rng.next() % 1000
        ));
    }
    t
}

#[test]
fn ingests_killed_at_random_points_leave_whole_articles_and_complete_on_rerun() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let mut rng = Rng(7);
    const N: usize = 600;
    for i in 0..N {
        std::fs::write(corpus.join(format!("a{i:04}.txt")), fictional(i, &mut rng)).unwrap();
    }
    // The reference: one uninterrupted ingest.
    let reference = tmp.path().join("reference");
    let started = Instant::now();
    ok(&[
        "ingest",
        s(&corpus),
        "--db",
        s(&reference),
        "--batch",
        "8",
        "-j",
        "1",
    ]);
    let full = started.elapsed();
    let expected = json(&["check", "--json", "--db", s(&reference)]);
    assert_eq!(expected["stats"]["articles"], N);
    let mut interrupted = 0;
    // The window to kill in: the reference run's length, narrowed whenever a
    // trial finishes before its kill (the machine got faster than during the
    // reference run), so the trials keep landing mid-way whatever the load.
    let mut window = full;
    for trial in 0..80 {
        if interrupted == 20 {
            break;
        }
        let db = tmp.path().join(format!("trial{trial}"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_dictum"))
            .args([
                "ingest",
                s(&corpus),
                "--db",
                s(&db),
                "--batch",
                "8",
                "-j",
                "1",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Somewhere between the start and the end of the window.
        let at = Duration::from_micros(rng.next() % (window.as_micros() as u64 + 1));
        std::thread::sleep(at);
        let killed = child.try_wait().unwrap().is_none();
        child.kill().ok(); // SIGKILL
        child.wait().unwrap();
        if !db.join("dictum.db").exists() {
            continue; // killed before it created anything
        }
        if !killed {
            window = at;
            continue;
        }
        interrupted += 1;
        // The database opens, holds only whole articles and its index is in step.
        let check = dictum(&["check", "--json", "--db", s(&db)]);
        assert!(
            check.status.success(),
            "trial {trial}: {}\n{}",
            String::from_utf8_lossy(&check.stdout),
            String::from_utf8_lossy(&check.stderr)
        );
        let c: Value = serde_json::from_slice(&check.stdout).unwrap();
        assert!(
            c["partial_articles"].as_array().unwrap().is_empty(),
            "trial {trial}: {c}"
        );
        assert_eq!(c["integrity"], "ok");
        assert!(c["stats"]["articles"].as_u64().unwrap() <= N as u64);
        // A re-run completes the rest: the same database as the uninterrupted run.
        ok(&["ingest", s(&corpus), "--db", s(&db), "--batch", "8"]);
        let done = json(&["check", "--json", "--db", s(&db)]);
        for key in ["articles", "statements", "reports", "people", "indexed"] {
            assert_eq!(
                done["stats"][key], expected["stats"][key],
                "trial {trial}: {key}"
            );
        }
        std::fs::remove_dir_all(&db).unwrap();
    }
    assert!(
        interrupted >= 20,
        "only {interrupted} ingests were killed mid-way"
    );
}

#[test]
fn talking_points_are_grouped_on_ingest_and_listed() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    let out = dictum(&["ingest", s(&corpus()), "--db", s(&db), "--model", "lexical"]);
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{summary}");
    assert!(
        summary.contains("talking points (lexical model)"),
        "{summary}"
    );
    let points = json(&[
        "talking-points",
        "--json",
        "--min-articles",
        "1",
        "-n",
        "500",
        "--db",
        s(&db),
    ]);
    let list = points.as_array().unwrap();
    assert!(!list.is_empty());
    let mut statements = 0;
    for p in list {
        assert!(p["id"].is_i64() && p["label"].is_string(), "{p}");
        for st in p["statements"].as_array().unwrap() {
            for key in ["id", "doc", "speaker", "text", "published", "outlet"] {
                assert!(st.get(key).is_some(), "{key} missing in {st}");
            }
            statements += 1;
        }
    }
    // Every report of the corpus is in exactly one talking point.
    let stats = ok(&["check", "--db", s(&db)]);
    let reports: usize = stats
        .split(|c: char| !c.is_ascii_alphanumeric())
        .collect::<Vec<_>>()
        .windows(2)
        .find(|w| w[1] == "reports")
        .and_then(|w| w[0].parse().ok())
        .unwrap_or(statements);
    assert_eq!(statements, reports, "{stats}");

    let id = list[0]["id"].as_i64().unwrap().to_string();
    let one = json(&["talking-point", &id, "--json", "--db", s(&db)]);
    assert_eq!(one["id"].as_i64().unwrap().to_string(), id);
    assert!(one["by_month"].as_array().is_some());
    let human = ok(&["talking-point", &format!("#{id}"), "--db", s(&db)]);
    assert!(human.contains("statements, in time order"), "{human}");

    // The nearest statement to a stored statement's own text is that statement.
    let text = list[0]["statements"][0]["text"].as_str().unwrap();
    let sid = list[0]["statements"][0]["id"].as_i64().unwrap();
    let near = json(&["similar", text, "--json", "-n", "3", "--db", s(&db)]);
    assert_eq!(near[0]["id"].as_i64(), Some(sid), "{near}");
    assert!(near[0]["similarity"].as_f64().unwrap() > 0.99);
    // By id, the statement itself is left out.
    let by_id = json(&["similar", &sid.to_string(), "--json", "--db", s(&db)]);
    assert!(by_id
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["id"].as_i64() != Some(sid)));

    let missing = dictum(&["talking-point", "999999", "--db", s(&db)]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no talking point #999999"));
    let wrong = dictum(&[
        "group",
        "--model",
        "static",
        "--model-dir",
        "/nonexistent",
        "--db",
        s(&db),
    ]);
    assert!(!wrong.status.success());
}

/// Writes `dictum extract`'s output as the Spark job's articles table (the columns of
/// `deploy/spark/dictum_spark.py`, every one optional as Spark writes them).
fn articles_parquet(extract_out: &str, path: &Path) {
    use parquet::data_type::{ByteArray, ByteArrayType, Int32Type};
    use parquet::file::writer::SerializedFileWriter;
    use std::sync::Arc;
    let strings = [
        "doc",
        "url",
        "title",
        "outlet",
        "published",
        "published_from",
        "month",
        "place",
        "author",
        "language",
        "text",
    ];
    let schema = format!(
        "message spark_schema {{ {} optional int32 statements; }}",
        strings
            .iter()
            .map(|c| format!("optional binary {c} (STRING);"))
            .collect::<String>()
    );
    let schema = Arc::new(parquet::schema::parser::parse_message_type(&schema).unwrap());
    let recs: Vec<Value> = extract_out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let file = std::fs::File::create(path).unwrap();
    let mut w = SerializedFileWriter::new(file, schema, Default::default()).unwrap();
    let mut group = w.next_row_group().unwrap();
    for c in strings {
        let vals: Vec<Option<String>> = recs
            .iter()
            .map(|r| match c {
                "month" => r["published"].as_str().map(|p| p[..7].to_string()),
                _ => r[c].as_str().map(str::to_string),
            })
            .collect();
        let present: Vec<ByteArray> = vals
            .iter()
            .flatten()
            .map(|s| ByteArray::from(s.as_bytes().to_vec()))
            .collect();
        let defs: Vec<i16> = vals.iter().map(|v| i16::from(v.is_some())).collect();
        let mut col = group.next_column().unwrap().unwrap();
        col.typed::<ByteArrayType>()
            .write_batch(&present, Some(&defs), None)
            .unwrap();
        col.close().unwrap();
    }
    let counts: Vec<i32> = recs
        .iter()
        .map(|r| r["statements"].as_array().unwrap().len() as i32)
        .collect();
    let mut col = group.next_column().unwrap().unwrap();
    col.typed::<Int32Type>()
        .write_batch(&counts, Some(&vec![1; counts.len()]), None)
        .unwrap();
    col.close().unwrap();
    group.close().unwrap();
    w.close().unwrap();
}

/// A statement as both sides can give it: kind, content pieces (JSON), text, cue, source,
/// speaker.
type Key = (
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn opt(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

fn extract_keys(extract_out: &str) -> Vec<(String, Key)> {
    let mut keys = Vec::new();
    for l in extract_out.lines() {
        let a: Value = serde_json::from_str(l).unwrap();
        for s in a["statements"].as_array().unwrap() {
            let c = &s["content"];
            let pieces = if c[0].is_array() {
                c.clone()
            } else {
                Value::Array(vec![c.clone()])
            };
            keys.push((
                a["doc"].as_str().unwrap().to_string(),
                (
                    s["kind"].as_str().unwrap().to_string(),
                    pieces.to_string(),
                    s["text"].as_str().unwrap().to_string(),
                    opt(&s["cue"]["text"]),
                    opt(&s["source"]["text"]),
                    opt(&s["speaker"]["name"]),
                ),
            ));
        }
    }
    keys.sort();
    keys
}

/// The articles table of the Spark job goes into the database: the stored statements are
/// exactly those `dictum extract` gave (the table's text is not cleaned again).
#[test]
fn ingest_reads_the_spark_articles_table_to_the_same_statements() {
    let tmp = tempfile::tempdir().unwrap();
    // JSON Lines of HTML pages and texts, as a crawl would give them.
    let mut feed = String::new();
    for entry in std::fs::read_dir(corpus()).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let (title, body) = text.split_once('\n').unwrap();
        let name = path.file_stem().unwrap().to_str().unwrap();
        let html = format!(
            "<html><head><title>{title}</title></head><body><nav>Home | World</nav><article>\
             <h1>{title}</h1>{}</article><footer>Subscribe now</footer></body></html>",
            body.lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| format!("<p>{l}</p>"))
                .collect::<String>()
        );
        feed.push_str(
            &serde_json::json!({"id": name, "url": format!("https://example.org/{name}"),
                "html": html, "published": "2021-03-04", "outlet": "Example Post"})
            .to_string(),
        );
        feed.push('\n');
    }
    let jsonl = tmp.path().join("feed.jsonl");
    std::fs::write(&jsonl, feed).unwrap();
    let extracted = ok(&["extract", s(&jsonl)]);
    let want = extract_keys(&extracted);
    assert!(want.len() > 20, "{} statements", want.len());

    let table = tmp.path().join("articles");
    std::fs::create_dir(&table).unwrap();
    articles_parquet(&extracted, &table.join("part-00000.snappy.parquet"));
    // `extract` reads the table too, to the same output.
    assert_eq!(ok(&["extract", s(&table)]), extracted);

    let db = tmp.path().join("db");
    let out = dictum(&["ingest", s(&table), "--db", s(&db)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut got: Vec<(String, Key)> = ok(&["export", "--db", s(&db)])
        .lines()
        .map(|l| {
            let r: Value = serde_json::from_str(l).unwrap();
            (
                r["doc"].as_str().unwrap().to_string(),
                (
                    r["kind"].as_str().unwrap().to_string(),
                    r["content"].as_str().unwrap().to_string(),
                    r["text"].as_str().unwrap().to_string(),
                    opt(&r["cue"]),
                    opt(&r["source"]),
                    opt(&r["speaker"]),
                ),
            )
        })
        .collect();
    got.sort();
    assert_eq!(got, want);

    // The JSON Lines stream of `extract` ingests to the same statements.
    let stream = tmp.path().join("extracted.jsonl");
    std::fs::write(&stream, &extracted).unwrap();
    let db2 = tmp.path().join("db2");
    ok(&["ingest", s(&stream), "--db", s(&db2)]);
    let again = ok(&["export", "--db", s(&db2)]);
    assert_eq!(again.lines().count(), want.len());

    // A statements table is not articles: refused, saying so.
    let stmts = tmp.path().join("statements.parquet");
    ok(&[
        "export",
        "--format",
        "parquet",
        "-o",
        s(&stmts),
        "--db",
        s(&db),
    ]);
    let out = dictum(&["ingest", s(&stmts), "--db", s(&db)]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("statements.parquet: Parquet: a statements table"),
        "{err}"
    );
}
