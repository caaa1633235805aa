//! The `dictum` binary run on files written at test time: exit codes, the JSON shape on
//! stdout and the messages on stderr.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use serde_json::Value;

/// A directory under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::SeqCst);
        let dir =
            std::env::temp_dir().join(format!("dictum-cli-{}-{n}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    /// Writes `bytes` to `rel` (creating parent directories) and returns the full path.
    fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.0.join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(&p, bytes).unwrap();
        p
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn dictum_with_stdin(args: &[&str], paths: &[&Path], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dictum"))
        .args(args)
        .args(paths)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cannot run dictum");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn dictum(args: &[&str], paths: &[&Path]) -> Output {
    dictum_with_stdin(args, paths, b"")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The JSON Lines of stdout.
fn lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

fn docs(o: &Output) -> Vec<String> {
    lines(o)
        .iter()
        .map(|v| v["doc"].as_str().unwrap().to_string())
        .collect()
}

fn no_panic(o: &Output) {
    let err = stderr(o);
    assert!(!err.contains("panicked"), "panic: {err}");
}

/// `[s, e]` of a JSON span as indices.
fn span(v: &Value) -> (usize, usize) {
    let a = v.as_array().expect("span is [s, e]");
    assert_eq!(a.len(), 2, "{v}");
    (
        a[0].as_u64().unwrap() as usize,
        a[1].as_u64().unwrap() as usize,
    )
}

fn chars(text: &str, (s, e): (usize, usize)) -> String {
    text.chars().skip(s).take(e - s).collect()
}

/// Fictional news: a non-ASCII title, then a quote after non-ASCII characters.
const ARTICLE: &str = "Zoë’s Café to close after forty years\n\
The owner of Zoë’s Café in Brookvale confirmed the news on Monday.\n\
“We could not keep up with the rent,” he said.\n";

#[test]
fn good_article_json_shape_and_code_point_offsets() {
    let dir = TempDir::new("good");
    let file = dir.write("zoes_cafe.txt", ARTICLE);
    let o = dictum(&["extract"], &[&file]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = lines(&o);
    assert_eq!(out.len(), 1);
    let a = &out[0];
    assert_eq!(a["doc"], "zoes_cafe");
    assert_eq!(a["title"], "Zoë’s Café to close after forty years");
    let st = a["statements"].as_array().expect("statements list");
    let s = st
        .iter()
        .find(|s| s["kind"] == "direct")
        .unwrap_or_else(|| panic!("no direct statement in {a}"));
    for key in ["kind", "content", "text", "cue", "source", "speaker"] {
        assert!(s.get(key).is_some(), "statement lacks {key}: {s}");
    }
    let content = span(&s["content"]);
    assert_eq!(s["text"], "“We could not keep up with the rent,”");
    assert_eq!(chars(ARTICLE, content), s["text"].as_str().unwrap());
    // code points, not bytes: six two- or three-byte characters come before the quote
    let byte_start = ARTICLE.find('“').unwrap();
    assert!(
        content.0 < byte_start,
        "offsets look like bytes: {content:?}"
    );
    assert_eq!(content.0, ARTICLE[..byte_start].chars().count());
    let cue = &s["cue"];
    assert_eq!(cue["text"], "said");
    assert_eq!(chars(ARTICLE, span(&cue["span"])), "said");
    let source = &s["source"];
    assert_eq!(source["text"], "he");
    assert_eq!(chars(ARTICLE, span(&source["span"])), "he");
    assert!(
        s["speaker"].is_null() || s["speaker"]["name"].is_string(),
        "{s}"
    );
}

#[test]
fn directory_is_walked_recursively_in_path_order() {
    let dir = TempDir::new("walk");
    dir.write("b.txt", "B\n\nText b.\n");
    dir.write("a/c.txt", "C\n\nText c.\n");
    dir.write("a/z.md", "not an article\n");
    dir.write("notes.json", "{}\n");
    dir.write("sub/deeper/d.txt", "D\n\nText d.\n");
    dir.write("sub/e.TXT.bak", "no\n");
    let o = dictum(&["extract"], &[dir.path()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // a/c.txt < b.txt < sub/deeper/d.txt
    assert_eq!(docs(&o), ["c", "b", "d"]);
}

#[test]
fn dash_reads_stdin() {
    let o = dictum_with_stdin(&["extract", "-"], &[], ARTICLE.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = lines(&o);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0]["doc"], "-");
    assert_eq!(out[0]["title"], "Zoë’s Café to close after forty years");
    assert!(!out[0]["statements"].as_array().unwrap().is_empty());
}

#[test]
fn invalid_utf8_is_reported_with_its_place_and_others_still_run() {
    let dir = TempDir::new("utf8");
    dir.write("a.txt", "A\n\nFine.\n");
    let bad = dir.write("b.txt", b"ok line\nbad \xff here\n");
    dir.write("c.txt", "C\n\nFine too.\n");
    let o = dictum(&["extract"], &[dir.path()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(docs(&o), ["a", "c"]);
    let err = stderr(&o);
    assert!(err.contains(&bad.display().to_string()), "{err}");
    assert!(
        err.contains("invalid UTF-8 at byte 12 (line 2, column 5)"),
        "{err}"
    );
    assert!(err.contains("1 of 3 inputs failed"), "{err}");
}

#[test]
fn empty_file_gives_an_article_without_statements() {
    let dir = TempDir::new("empty");
    let file = dir.write("empty.txt", "");
    let o = dictum(&["extract"], &[&file]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = lines(&o);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0]["doc"], "empty");
    assert_eq!(out[0]["statements"], Value::Array(vec![]));
}

#[test]
fn binary_file_is_refused() {
    let dir = TempDir::new("binary");
    let file = dir.write("archive.txt", b"PK\x03\x04\x00\x00\x08\x00binary stuff");
    let o = dictum(&["extract"], &[&file]);
    assert_eq!(o.status.code(), Some(1));
    assert!(lines(&o).is_empty());
    let err = stderr(&o);
    assert!(err.contains(&file.display().to_string()), "{err}");
    assert!(err.contains("binary data (a NUL byte at byte 4)"), "{err}");
}

#[test]
fn file_over_max_bytes_is_too_large() {
    let dir = TempDir::new("large");
    let file = dir.write("long.txt", "The council met again.\n".repeat(220)); // 5 kB
    let o = dictum(&["extract", "--max-bytes", "1000"], &[&file]);
    assert_eq!(o.status.code(), Some(1));
    assert!(lines(&o).is_empty());
    let err = stderr(&o);
    assert!(err.contains(&file.display().to_string()), "{err}");
    assert!(err.contains("too large"), "{err}");
    // within the limit it is read
    let o = dictum(&["extract", "--max-bytes", "6000"], &[&file]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// 100 MB of one article: paragraphs of short lines with unbalanced and stray quote marks,
/// and every twentieth block a 1 MB line without a newline.
#[test]
fn hundred_megabytes_with_unbalanced_quotes_and_long_lines() {
    let dir = TempDir::new("huge");
    let file = dir.path().join("huge.txt");
    let short = "Protesters shouted “no more taxes, the mayor said. Then ” she \"left and «never came back.\n\
                 “We will win,” the mayor said.\n\n";
    let long = format!(
        "{}\n",
        "He said “it is fine. The council said it was not» so. ".repeat(19_000)
    );
    let block = short.repeat(500);
    let mut w = BufWriter::new(fs::File::create(&file).unwrap());
    w.write_all(b"A title\n\n").unwrap();
    let (mut n, mut i) = (0usize, 0usize);
    while n < 100_000_000 {
        let s = if i % 20 == 19 { &long } else { &block };
        w.write_all(s.as_bytes()).unwrap();
        n += s.len();
        i += 1;
    }
    w.flush().unwrap();
    drop(w);
    assert!(fs::metadata(&file).unwrap().len() >= 100_000_000);
    let start = Instant::now();
    let o = dictum(&["extract", "--max-bytes", "200000000"], &[&file]);
    eprintln!("dictum extract on 100 MB: {:.1?}", start.elapsed());
    no_panic(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = lines(&o);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0]["doc"], "huge");
}

#[test]
fn stray_quotes_and_a_one_megabyte_line_do_not_panic() {
    let dir = TempDir::new("stray");
    let stray = dir.write(
        "stray.txt",
        "Quotes “everywhere\n\n\
         He said “this never ends.\n\
         She said ” backwards “ and « and » and \" alone.\n\
         ”””“““ \"\"\" «««»»» „‟‹›\n\
         “\n\
         ”, the mayor said.\n\
         \"\n",
    );
    let line = "Voters said “taxes are high. The governor replied » that \"nothing changes, "
        .repeat(14_000);
    assert!(line.len() > 1_000_000);
    let long = dir.write("long.txt", &line);
    let o = dictum(&["extract"], &[&stray, &long]);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(docs(&o), ["stray", "long"]);
    // every offset is inside its text and every text is the slice it names
    for (a, text) in lines(&o)
        .iter()
        .zip([fs::read_to_string(&stray).unwrap(), line.clone()])
    {
        let n = text.chars().count();
        for s in a["statements"].as_array().unwrap() {
            let (b, e) = span(&s["content"]);
            assert!(b <= e && e <= n, "{s}");
            assert_eq!(chars(&text, (b, e)), s["text"].as_str().unwrap());
        }
    }
}

/// A run-on "sentence" of 1 MB (no sentence end, no newline) with a speech verb every few
/// words. Content that ran to the end of such a sentence made output grow with the square of
/// the length (14 GB for 1 MB); sentences are now bounded, so output stays proportional to input.
#[test]
fn run_on_line_full_of_cues_stays_proportional() {
    let dir = TempDir::new("runon");
    let unit = "The minister said “we will build more roads and the council said that it ";
    let text = format!("A title\n\n{}\n", unit.repeat(14_000));
    let file = dir.write("runon.txt", &text);
    let o = dictum(&["extract"], &[&file]);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        o.stdout.len() < 40 * text.len(),
        "{} bytes of output for {} bytes of input",
        o.stdout.len(),
        text.len()
    );
}

#[test]
fn missing_path_is_named_and_others_still_run() {
    let dir = TempDir::new("missing");
    let good = dir.write("good.txt", ARTICLE);
    let missing = dir.path().join("no_such_article.txt");
    let o = dictum(&["extract"], &[&missing, &good]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(docs(&o), ["good"]);
    let err = stderr(&o);
    assert!(err.contains(&missing.display().to_string()), "{err}");
    assert!(err.contains("cannot read"), "{err}");
}

/// A gold directory with one document and one attribution the extractor finds.
fn tiny_gold() -> TempDir {
    let dir = TempDir::new("gold");
    // code points: “ at 10, ” at 23, "the mayor" 25-34, "said" 35-39
    dir.write("text/x.txt", "Vote day\n\n“We will win,” the mayor said.\n");
    dir.write(
        "attributions/x_ab.ann",
        "T1\tSource 25 34\tthe mayor\n\
         T2\tCue 35 39\tsaid\n\
         T3\tContent 10 24\t“We will win,”\n\
         T4\tAttribution 35 39\tsaid\n\
         E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n",
    );
    dir
}

#[test]
fn eval_reports_scores_on_a_tiny_gold_dir() {
    let gold = tiny_gold();
    let o = dictum(&["eval"], &[gold.path()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("docs 1  gold 1 "), "{out}");
    let overlap: Vec<f64> = out
        .lines()
        .find(|l| l.starts_with("overlap "))
        .unwrap_or_else(|| panic!("no overlap line: {out}"))
        .split_whitespace()
        .skip(1)
        .map(|x| x.parse().unwrap())
        .collect();
    assert_eq!(overlap.len(), 3);
    assert!(overlap[2] > 0.0, "{out}");
    assert!(out.contains("missed entirely"), "{out}");
}

#[test]
fn eval_json_and_predictions_file() {
    let gold = tiny_gold();
    let pred = gold.path().join("pred.jsonl");
    let o = dictum(
        &["eval", "--json", "--predictions", pred.to_str().unwrap()],
        &[gold.path()],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = lines(&o);
    assert_eq!(out.len(), 1);
    let scores = &out[0]["scores"];
    assert_eq!(scores["docs"], 1);
    assert_eq!(scores["gold"], 1);
    assert!(scores["overlap"]["f1"].as_f64().unwrap() > 0.0);
    let b = &out[0]["breakdown"];
    for key in [
        "missed",
        "wrong_span",
        "wrong_speaker",
        "spurious",
        "by_kind",
    ] {
        assert!(b.get(key).is_some(), "breakdown lacks {key}: {b}");
    }
    assert_eq!(b["missed"]["all"], 0);
    let written = fs::read_to_string(&pred).unwrap();
    let p: Vec<Value> = written
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(p.len(), 1);
    assert_eq!(p[0]["doc"], "x");
    assert_eq!(span(&p[0]["statements"][0]["content"]), (10, 24));
}

#[test]
fn eval_errors_name_the_place() {
    let dir = TempDir::new("evalerr");
    let missing = dir.path().join("no_gold");
    let o = dictum(&["eval"], &[&missing]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains(&missing.display().to_string()), "{err}");

    dir.write("bad/text/y.txt", "Hi there.\n");
    let ann = dir.write(
        "bad/attributions/y_a.ann",
        "T1\tContent 0 2\tHi\nE1\tAttribution:T1 Content\n",
    );
    let o = dictum(&["eval"], &[&dir.path().join("bad")]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains(&ann.display().to_string()), "{err}");
    assert!(err.contains("line 2"), "{err}");
}

#[test]
fn help_mentions_the_json_shape() {
    let o = dictum(&["--help"], &[]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(
        out.contains("JSON") && out.contains("\"statements\""),
        "{out}"
    );
    let o = dictum(&["extract", "--help"], &[]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for key in [
        "\"doc\"",
        "\"title\"",
        "\"statements\"",
        "\"kind\"",
        "\"content\"",
        "\"speaker\"",
        "code points",
    ] {
        assert!(out.contains(key), "extract --help lacks {key}: {out}");
    }
}

#[test]
fn bench_measures_a_small_corpus() {
    let dir = TempDir::new("bench");
    dir.write("a.txt", ARTICLE);
    dir.write("b/c.txt", "Vote day\n\n“We will win,” the mayor said.\n");
    let o = dictum(
        &["bench", "--repeat", "2", "--jobs", "2", "--json"],
        &[dir.path()],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = lines(&o);
    assert_eq!(out.len(), 1);
    let r = &out[0];
    assert_eq!(r["corpus"]["articles"], 2);
    for run in ["single", "parallel"] {
        assert_eq!(r[run]["passes"], 2, "{r}");
        assert_eq!(r[run]["articles"], 4, "{r}");
        assert!(r[run]["articles_per_s"].as_f64().unwrap() > 0.0, "{r}");
        assert!(r[run]["statements"].as_u64().unwrap() >= 4, "{r}");
    }
    assert_eq!(r["parallel"]["threads"], 2);
}

/// `“A,” he said. “B.”`: one statement whose content is two pieces, written as a list of
/// spans (the form the reference scorer reads) with the pieces' text joined by " … ".
#[test]
fn discontinuous_content_is_a_list_of_pieces() {
    let dir = TempDir::new("pieces");
    let text = "Harbour news\n“We start in May,” the mayor said. “The ships will come.”\n";
    let file = dir.write("pieces.txt", text);
    let o = dictum(&["extract"], &[&file]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = lines(&o);
    let st = &out[0]["statements"].as_array().unwrap()[0];
    let pieces = st["content"].as_array().expect("content is a list");
    assert_eq!(pieces.len(), 2, "{st}");
    let texts: Vec<String> = pieces.iter().map(|p| chars(text, span(p))).collect();
    assert_eq!(texts, ["“We start in May,”", "“The ships will come.”"]);
    assert_eq!(st["text"], "“We start in May,” … “The ships will come.”");
    assert_eq!(st["speaker"], Value::Null);
    assert_eq!(st["source"]["text"], "the mayor");
}

/// `dictum extract ... | head -c 10`: the reader closes the pipe early; dictum stops quietly,
/// without a panic and with a success code.
#[test]
fn closed_output_pipe_is_not_a_crash() {
    let dir = TempDir::new("pipe");
    for i in 0..300 {
        dir.write(&format!("a{i:03}.txt"), ARTICLE);
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_dictum"))
        .args(["extract", "-j", "1"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cannot run dictum");
    let mut first = [0u8; 10];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    no_panic(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// HTML and JSON Lines inputs: the cleaning stage gives the clean `text` the offsets point
/// into, and the metadata; `dictum clean` shows the same text and metadata.
#[test]
fn html_and_jsonl_are_cleaned_and_offsets_point_into_the_clean_text() {
    let dir = TempDir::new("formats");
    let html = dir.write(
        "page.html",
        "<html><head><title>Bridge plan | Harbour Times</title>\
         <meta property=\"og:site_name\" content=\"Harbour Times\">\
         <meta property=\"article:published_time\" content=\"2024-03-05T10:00:00Z\"></head>\
         <body><nav>Home | News | Sport</nav><article><h1>Bridge plan</h1>\
         <p>The city will build a new bridge over the river by 2027, Mayor Ana Lind said on Tuesday.</p>\
         <p>“We have waited long enough,” Lind told reporters at the harbour office.</p></article>\
         <footer>Subscribe to our newsletter</footer></body></html>",
    );
    let jsonl = dir.write(
        "feed.jsonl",
        "{\"id\":\"n1\",\"url\":\"https://example.org/port\",\"title\":\"Port news\",\
         \"text\":\"Port news\\nThe port will reopen in May, director Anja Kral said.\",\
         \"published\":\"2024-05-01\",\"outlet\":\"Example Post\",\"section\":\"local\"}\n",
    );
    let o = dictum(&["extract"], &[&html, &jsonl]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = lines(&o);
    assert_eq!(out.len(), 2);
    assert_eq!(out[0]["outlet"], "Harbour Times");
    assert_eq!(out[0]["published"], "2024-03-05");
    assert_eq!(out[1]["doc"], "n1");
    assert_eq!(out[1]["outlet"], "Example Post");
    for a in &out {
        let text = a["text"].as_str().expect("clean text is output");
        assert!(!text.contains("Subscribe"), "{text}");
        let sts = a["statements"].as_array().unwrap();
        assert!(!sts.is_empty(), "{a}");
        for s in sts {
            let c = &s["content"];
            if c[0].is_u64() {
                assert_eq!(chars(text, span(c)), s["text"].as_str().unwrap());
            }
        }
    }
    let c = dictum(&["clean"], &[&html]);
    assert_eq!(c.status.code(), Some(0), "{}", stderr(&c));
    let cl = lines(&c);
    for key in [
        "doc",
        "url",
        "title",
        "outlet",
        "published",
        "place",
        "author",
        "language",
        "text",
    ] {
        assert!(
            cl[0].get(key).is_some(),
            "clean output lacks {key}: {}",
            cl[0]
        );
    }
    assert_eq!(cl[0]["title"], "Bridge plan");
}

/// `dictum extract --error-records` as a streaming filter: JSON Lines in on stdin, one line
/// out per line in, a bad line reported in its place and the stream going on.
#[test]
fn streaming_filter_reports_each_bad_line_in_its_place() {
    let good = |id: &str, said: &str| {
        format!(
            "{{\"id\":\"{id}\",\"url\":\"https://example.org/{id}\",\"published\":\"2024-05-0{}\",\
             \"text\":\"Port news\\nThe port will reopen in May, {said} said.\"}}\n",
            id.len()
        )
    };
    let input = [
        good("p1", "director Anja Kral"),
        "{\"id\": \"cut\", \"text\": \"The minister said\n".to_string(),
        "\n".to_string(),
        good("p22", "Mayor Ana Lind"),
        "{\"id\": \"typed\", \"title\": 5, \"text\": \"x\"}\n".to_string(),
        "[1, 2]\n".to_string(),
        good("p333", "the harbour master"),
    ]
    .concat();
    for format in [&["--format", "jsonl"][..], &[]] {
        let args = [&["extract", "--error-records"], format, &["-"]].concat();
        let o = dictum_with_stdin(&args, &[], input.as_bytes());
        no_panic(&o);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        let out = lines(&o);
        assert_eq!(out.len(), 6, "one line per non-blank input line: {out:?}");
        let docs: Vec<_> = out.iter().map(|l| l["doc"].as_str()).collect();
        assert_eq!(
            docs,
            [Some("p1"), None, Some("p22"), None, None, Some("p333")]
        );
        assert_eq!(out[1]["origin"], "<stdin>:line 2");
        assert!(out[1]["error"]
            .as_str()
            .unwrap()
            .starts_with("invalid JSON: EOF while parsing a string"));
        assert_eq!(out[3]["origin"], "<stdin>:line 5");
        assert_eq!(
            out[3]["error"],
            "field \"title\" must be a string, not a number"
        );
        assert_eq!(out[4]["origin"], "<stdin>:line 6");
        for i in [0, 2, 5] {
            assert_eq!(
                out[i]["statements"].as_array().unwrap().len(),
                1,
                "{}",
                out[i]
            );
        }
        assert!(
            stderr(&o).contains("3 of 6 inputs failed"),
            "{}",
            stderr(&o)
        );
        assert!(
            !stderr(&o).contains("invalid JSON"),
            "errors are in the output only"
        );
    }
}

/// WARC on stdin: a record with a bad header is an error line, the records after it are read.
#[test]
fn streaming_filter_reads_warc_on_stdin() {
    let record = |uri: &str, body: &str| {
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{body}");
        format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\n\
             WARC-Target-URI: https://example.org/{uri}\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
            http.len()
        )
    };
    let page = "<html><body><article><p>The port will reopen in May, director Anja Kral said.</p>\
                </article></body></html>";
    let bad = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\nxyz\r\n\r\n";
    let input = [record("r1", page), bad.to_string(), record("r2", page)].concat();
    let o = dictum_with_stdin(
        &["extract", "--error-records", "--format", "warc", "-"],
        &[],
        input.as_bytes(),
    );
    no_panic(&o);
    let out = lines(&o);
    assert_eq!(out.len(), 3, "{out:?}");
    assert_eq!(out[0]["doc"], "r1");
    assert!(out[1]["origin"]
        .as_str()
        .unwrap()
        .starts_with("<stdin>#record 2 at byte"));
    assert_eq!(out[2]["doc"], "r2");
    assert_eq!(out[2]["statements"].as_array().unwrap().len(), 1);
}

/// The output of `dictum extract` read again (as `ingest` and the Spark job's articles table
/// do): the text is taken as it is, so the statements and metadata come out the same.
#[test]
fn extract_output_reads_back_to_the_same_statements() {
    let dir = TempDir::new("readback");
    let jsonl = dir.write(
        "feed.jsonl",
        "{\"id\":\"n1\",\"url\":\"https://example.org/port\",\"title\":\"Port news\",\
         \"html\":\"<html><head><title>Port news</title></head><body><nav>Home | News</nav>\
         <article><h1>Port news</h1><p>KOTKA, May 2 – The port will reopen in May, director \
         Anja Kral said.</p><p>“We are ready,” she told reporters.</p></article></body></html>\",\
         \"published\":\"2024-05-01\",\"outlet\":\"Example Post\"}\n\
         {\"id\":\"n2\",\"text\":\"Rail news\\nTrains will run again, the operator said.\"}\n",
    );
    let first = dictum(&["extract"], &[&jsonl]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let again = dictum_with_stdin(&["extract", "-"], &[], &first.stdout);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    let (a, b) = (lines(&first), lines(&again));
    assert_eq!(a.len(), 2);
    assert!(!a[0]["statements"].as_array().unwrap().is_empty());
    assert_eq!(a, b, "extracting dictum's own output changes nothing");
}
