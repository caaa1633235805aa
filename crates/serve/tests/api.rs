//! The API as a client sees it: status codes, JSON shapes, the write token, body limits, and
//! the OpenAPI document against the routes actually served.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use dictum_serve::{AppState, Config, Prepare, SentenceModel};
use dictum_store::{Mode, NewArticle, NewStatement, Prepared, Store};
use serde_json::{json, Value};
use tower::ServiceExt;

const TOKEN: &str = "s3cret-token";

fn statement(text: &str, whole: &str, speaker: &str) -> NewStatement {
    let start = whole.find(text).expect("the statement is in the text");
    let s = whole[..start].chars().count();
    let e = s + text.chars().count();
    NewStatement {
        kind: "direct".into(),
        content: vec![[s, e]],
        text: text.into(),
        cue: None,
        source: None,
        speaker: Some(speaker.into()),
        roles: vec!["Mayor".into()],
        sentence: [s, e],
    }
}

fn article(doc: &str, outlet: &str, date: &str, text: &str, quotes: &[(&str, &str)]) -> NewArticle {
    NewArticle {
        doc: doc.into(),
        origin: Some(format!("test/{doc}")),
        url: Some(format!("https://news.example/{doc}")),
        title: Some(format!("Title of {doc}")),
        outlet: Some(outlet.into()),
        published: Some(date.into()),
        text: text.into(),
        statements: quotes
            .iter()
            .map(|(q, who)| statement(q, text, who))
            .collect(),
        ..Default::default()
    }
}

/// Articles of a request: one statement (the whole text) by "Posted Speaker" each.
struct FakePrepare;

impl Prepare for FakePrepare {
    fn prepare(&self, jsonl: &[u8]) -> Vec<Result<Prepared, String>> {
        String::from_utf8_lossy(jsonl)
            .lines()
            .filter(|l| !l.trim().is_empty())
            .enumerate()
            .map(|(i, line)| {
                let v: Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
                let text = v["text"]
                    .as_str()
                    .ok_or_else(|| format!("line {}: no text", i + 1))?;
                let doc = v["id"].as_str().unwrap_or("posted").to_string();
                Ok(Prepared::new(NewArticle {
                    doc,
                    text: text.into(),
                    statements: vec![statement(text, text, "Posted Speaker")],
                    ..Default::default()
                }))
            })
            .collect()
    }
}

/// A sentence model of hashed words (named `name`).
struct Words(&'static str);

impl dictum_store::PointModel for Words {
    fn name(&self) -> &str {
        self.0
    }
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, String> {
        Ok(texts
            .iter()
            .map(|t| {
                let mut v = vec![0f32; 64];
                for w in t.to_lowercase().split(|c: char| !c.is_alphanumeric()) {
                    if !w.is_empty() {
                        let h = w
                            .bytes()
                            .fold(7usize, |h, b| h.wrapping_mul(31) + b as usize);
                        v[h % 64] += 1.0;
                    }
                }
                v
            })
            .collect())
    }
}

struct Fixture {
    _dir: tempfile::TempDir,
    app: axum::Router,
}

fn fixture(token: Option<&str>, max_body: usize) -> Fixture {
    build(token, max_body, true, Some(Arc::new(Words("words"))))
}

/// The three articles, grouped into talking points with `Words` or not, served with `model`.
fn build(
    token: Option<&str>,
    max_body: usize,
    group: bool,
    model: Option<SentenceModel>,
) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let mut store = Store::open(&db, Mode::Write).unwrap();
    let a = "Harbour plan\nThe mayor spoke. “The harbour plan is useful but not decisive,” said Ada Quill. Then she left.";
    let b = "Harbour vote\n“The harbour plan is useful but not decisive,” Ada Quill said on Monday. “We will vote in <script>alert(1)</script> May,” she added.";
    let c = "Budget\n“Taxes will not rise this year,” said Ben Ortiz, the treasurer.";
    store
        .put_batch([
            article(
                "a1",
                "Daily Example",
                "2024-03-02",
                a,
                &[(
                    "“The harbour plan is useful but not decisive,”",
                    "Ada Quill",
                )],
            ),
            article(
                "a2",
                "Evening Example",
                "2024-04-10",
                b,
                &[
                    (
                        "“The harbour plan is useful but not decisive,”",
                        "Ada Quill",
                    ),
                    (
                        "“We will vote in <script>alert(1)</script> May,”",
                        "Ada Quill",
                    ),
                ],
            ),
            article(
                "a3",
                "Daily Example",
                "2024-04-11",
                c,
                &[("“Taxes will not rise this year,”", "Ben Ortiz")],
            ),
        ])
        .unwrap();
    if group {
        store
            .group_pending(&Words("words"), &mut |_, _| {})
            .unwrap();
    }
    store.close().unwrap();
    let mut config = Config::new(&db);
    config.write_token = token.map(str::to_string);
    config.max_body = max_body;
    config.readers = 2;
    let prepare: Option<Arc<dyn Prepare>> = token.map(|_| Arc::new(FakePrepare) as _);
    let state = AppState::open_with_model(&config, prepare, model).unwrap();
    Fixture {
        _dir: dir,
        app: dictum_serve::router(state),
    }
}

async fn send(app: &axum::Router, req: Request<Body>) -> (StatusCode, String, String) {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let ctype = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap();
    (status, ctype, String::from_utf8(bytes.to_vec()).unwrap())
}

async fn get(app: &axum::Router, uri: &str) -> (StatusCode, Value) {
    let (status, ctype, body) = send(app, Request::get(uri).body(Body::empty()).unwrap()).await;
    assert!(ctype.starts_with("application/json"), "{uri}: {ctype}");
    (status, serde_json::from_str(&body).unwrap())
}

async fn post(app: &axum::Router, token: Option<&str>, body: String) -> (StatusCode, Value) {
    let mut req = Request::post("/api/articles").header("content-type", "application/json");
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    let (status, _, body) = send(app, req.body(Body::from(body)).unwrap()).await;
    (status, serde_json::from_str(&body).unwrap())
}

fn assert_error(v: &Value, status: StatusCode, code: &str) {
    assert_eq!(v["error"]["status"], status.as_u16(), "{v}");
    assert_eq!(v["error"]["code"], code, "{v}");
    assert!(!v["error"]["message"].as_str().unwrap().is_empty());
}

#[tokio::test]
async fn search_finds_one_hit_per_statement_with_matches_and_paging() {
    let f = fixture(None, 1 << 20);
    let (s, v) = get(&f.app, "/api/search?q=harbour+decisive").await;
    assert_eq!(s, StatusCode::OK);
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 1, "{v}");
    let h = &hits[0];
    for key in [
        "id",
        "report",
        "kind",
        "text",
        "doc",
        "outlet",
        "published",
        "speaker",
        "person",
        "article",
        "score",
        "matches",
        "reports",
    ] {
        assert!(h.get(key).is_some(), "hit has {key}: {h}");
    }
    assert_eq!(h["reports"], 2);
    assert_eq!(h["speaker"], "Ada Quill");
    assert_eq!(h["matches"].as_array().unwrap().len(), 2);
    assert_eq!(v["next_offset"], Value::Null);

    // Filters: the outlet of the other report, a date range, a speaker.
    let (_, v) = get(&f.app, "/api/search?q=harbour&outlet=evening").await;
    assert_eq!(v["hits"].as_array().unwrap().len(), 1);
    assert_eq!(v["hits"][0]["outlet"], "Evening Example");
    let (_, v) = get(&f.app, "/api/search?q=taxes&outlet=evening").await;
    assert_eq!(v["hits"].as_array().unwrap().len(), 0);
    let (_, v) = get(&f.app, "/api/search?q=harbour&speaker=Ben+Ortiz").await;
    assert_eq!(v["hits"].as_array().unwrap().len(), 0);
    let (_, v) = get(&f.app, "/api/search?q=taxes&since=2024-04&until=2024-04-30").await;
    assert_eq!(v["hits"].as_array().unwrap().len(), 1);
    let (_, v) = get(&f.app, "/api/search?q=taxes&until=2024-03").await;
    assert_eq!(v["hits"].as_array().unwrap().len(), 0);

    // Paging: two statements match "harbour OR taxes"... one per page.
    let (_, p1) = get(&f.app, "/api/search?q=harbour+OR+taxes&limit=1").await;
    assert_eq!(p1["hits"].as_array().unwrap().len(), 1);
    assert_eq!(p1["next_offset"], 1);
    let (_, p2) = get(&f.app, "/api/search?q=harbour+OR+taxes&limit=1&offset=1").await;
    assert_eq!(p2["hits"].as_array().unwrap().len(), 1);
    assert_ne!(p1["hits"][0]["id"], p2["hits"][0]["id"]);
}

#[tokio::test]
async fn bad_requests_are_json_400s() {
    let f = fixture(None, 1 << 20);
    for uri in [
        "/api/search",
        "/api/search?q=%20",
        "/api/search?q=x&kind=shouted",
        "/api/search?q=x&limit=0",
        "/api/search?q=x&limit=101",
        "/api/search?q=x&offset=abc",
        "/api/search?q=x&offset=10001",
        "/api/search?q=x&since=yesterday",
        "/api/statements/abc",
        "/api/statements/-3",
        "/api/people/1.5",
        "/api/articles/x",
    ] {
        let (s, v) = get(&f.app, uri).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{uri}: {v}");
        assert_error(&v, StatusCode::BAD_REQUEST, "bad_request");
    }
    for uri in [
        "/api/statements/99999",
        "/api/people/99999",
        "/api/articles/99999",
        "/api/nowhere",
    ] {
        let (s, v) = get(&f.app, uri).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "{uri}: {v}");
        assert_error(&v, StatusCode::NOT_FOUND, "not_found");
    }
}

#[tokio::test]
async fn people_person_statement_and_article() {
    let f = fixture(None, 1 << 20);
    let (s, v) = get(&f.app, "/api/people").await;
    assert_eq!(s, StatusCode::OK);
    let people = v["people"].as_array().unwrap();
    assert_eq!(people[0]["name"], "Ada Quill");
    assert_eq!(people[0]["reports"], 3);
    let ada = people[0]["id"].as_i64().unwrap();

    let (s, p) = get(&f.app, &format!("/api/people/{ada}?limit=1")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(p["name"], "Ada Quill");
    assert_eq!(p["roles"], json!(["Mayor"]));
    assert_eq!(p["statements_total"], 3);
    assert_eq!(p["statements"].as_array().unwrap().len(), 1);
    assert_eq!(
        p["statements"][0]["published"], "2024-04-10",
        "newest first"
    );
    assert_eq!(p["next_offset"], 1);
    let (_, last) = get(&f.app, &format!("/api/people/{ada}?limit=2&offset=2")).await;
    assert_eq!(last["statements"].as_array().unwrap().len(), 1);
    assert_eq!(last["statements"][0]["published"], "2024-03-02");
    assert_eq!(last["next_offset"], Value::Null);
    assert_eq!(p["first_seen"], "2024-03-02");
    let months: Vec<&str> = p["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["month"].as_str().unwrap())
        .collect();
    assert_eq!(months, ["2024-03", "2024-04"]);

    let (_, hits) = get(&f.app, "/api/search?q=decisive").await;
    let id = hits["hits"][0]["id"].as_i64().unwrap();
    let (s, st) = get(&f.app, &format!("/api/statements/{id}")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(st["person"], ada);
    assert_eq!(st["outlets"], json!(["Daily Example", "Evening Example"]));
    let reports = st["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 2);
    assert_eq!(st["first"]["outlet"], "Daily Example");
    for r in reports {
        assert_eq!(
            r["sentence"],
            "“The harbour plan is useful but not decisive,”"
        );
        let span = r["sentence_span"].as_array().unwrap();
        assert!(span[0].as_u64() < span[1].as_u64());
    }

    let article = reports[1]["article"].as_i64().unwrap();
    let (s, a) = get(&f.app, &format!("/api/articles/{article}")).await;
    assert_eq!(s, StatusCode::OK);
    let text: Vec<char> = a["article"]["text"].as_str().unwrap().chars().collect();
    let sts = a["statements"].as_array().unwrap();
    assert_eq!(sts.len(), 2);
    for st in sts {
        let piece = st["content"][0].as_array().unwrap();
        let (s, e) = (
            piece[0].as_u64().unwrap() as usize,
            piece[1].as_u64().unwrap() as usize,
        );
        let slice: String = text[s..e].iter().collect();
        assert_eq!(slice, st["text"].as_str().unwrap());
        assert_eq!(st["person_name"], "Ada Quill");
    }

    let (s, list) = get(&f.app, "/api/articles?limit=2").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(list["articles"].as_array().unwrap().len(), 2);
    assert_eq!(list["next_offset"], 2);
    let (_, stats) = get(&f.app, "/api/stats").await;
    assert_eq!(stats["articles"], 3);
    assert_eq!(stats["statements"], 3);
}

#[tokio::test]
async fn writing_needs_the_token_and_is_searchable_at_once() {
    let body = json!({"id": "p1", "text": "Lanterns glow brightly over the quay"}).to_string();
    // A read-only server.
    let ro = fixture(None, 1 << 20);
    let (s, v) = post(&ro.app, Some(TOKEN), body.clone()).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert_error(&v, StatusCode::FORBIDDEN, "forbidden");

    let f = fixture(Some(TOKEN), 1 << 20);
    let (s, v) = post(&f.app, None, body.clone()).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{v}");
    assert_error(&v, StatusCode::FORBIDDEN, "forbidden");
    let (s, _) = post(&f.app, Some("s3cret-tokeN"), body.clone()).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _) = post(&f.app, Some("s3cret-token-and-more"), body.clone()).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (_, v) = get(&f.app, "/api/search?q=lanterns").await;
    assert_eq!(v["hits"].as_array().unwrap().len(), 0);

    let (s, v) = post(&f.app, Some(TOKEN), body.clone()).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(
        v["results"],
        json!([{"doc": "p1", "outcome": "new", "statements": 1, "error": null}])
    );
    let (_, v) = get(&f.app, "/api/search?q=lanterns").await;
    assert_eq!(v["hits"].as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v["hits"][0]["speaker"], "Posted Speaker");

    // The same again is known; a list with a bad article stores the good one.
    let (_, v) = post(&f.app, Some(TOKEN), body).await;
    assert_eq!(v["results"][0]["outcome"], "known");
    let list = json!([{"id": "p2", "text": "Ferries sail at dawn"}, {"id": "p3"}]).to_string();
    let (s, v) = post(&f.app, Some(TOKEN), list).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["results"][0]["outcome"], "new");
    assert_eq!(v["results"][1]["outcome"], "failed");
    assert!(v["results"][1]["error"]
        .as_str()
        .unwrap()
        .contains("no text"));

    // Not JSON, not an article.
    let (s, v) = post(&f.app, Some(TOKEN), "{nope".into()).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert_error(&v, StatusCode::BAD_REQUEST, "bad_request");
    let (s, _) = post(&f.app, Some(TOKEN), "42".into()).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn an_oversized_body_is_413() {
    let f = fixture(Some(TOKEN), 1024);
    let big = json!({"id": "big", "text": "word ".repeat(400)}).to_string();
    let (s, v) = post(&f.app, Some(TOKEN), big.clone()).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE, "{v}");
    assert_error(&v, StatusCode::PAYLOAD_TOO_LARGE, "too_large");
    // Without a Content-Length (a stream): still 413.
    let stream = futures_stream(big.clone());
    let req = Request::post("/api/articles")
        .header("authorization", format!("Bearer {TOKEN}"))
        .body(stream)
        .unwrap();
    let (s, _, body) = send(&f.app, req).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    // Without the token, the body is not read: 403.
    let (s, _) = post(&f.app, None, big).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
}

/// A body of unknown length.
fn futures_stream(s: String) -> Body {
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
        s.into_bytes().chunks(100).map(|c| Ok(c.to_vec())).collect();
    Body::new(StreamOf(chunks.into_iter()))
}

struct StreamOf<I>(I);

impl<I: Iterator + Unpin> axum::body::HttpBody for StreamOf<I>
where
    I::Item: Into<Result<Vec<u8>, std::io::Error>>,
{
    type Data = axum::body::Bytes;
    type Error = std::io::Error;
    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        _cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        std::task::Poll::Ready(
            self.0
                .next()
                .map(|r| r.into().map(|v| http_body::Frame::data(v.into()))),
        )
    }
}

#[tokio::test]
async fn talking_points_answer() {
    let f = fixture(None, 1 << 20);
    // The harbour quote, carried by two articles, is the one point reported twice.
    let (s, v) = get(&f.app, "/api/talking-points").await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let points = v["points"].as_array().unwrap();
    assert_eq!(points.len(), 1, "{v}");
    let id = points[0]["id"].as_i64().unwrap();
    assert_eq!(points[0]["articles"], json!(2));
    let docs: Vec<&str> = points[0]["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["doc"].as_str().unwrap())
        .collect();
    assert_eq!(docs, ["a1", "a2"], "time order");
    let (s, one) = get(&f.app, &format!("/api/talking-points/{id}")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(one["by_month"].as_array().unwrap().len(), 2, "{one}");
    // Ben Ortiz has a point of his own only with one article allowed.
    let (_, hits) = get(&f.app, "/api/search?q=taxes").await;
    let ortiz = hits["hits"][0]["person"].as_i64().unwrap();
    let (s, v) = get(&f.app, &format!("/api/people/{ortiz}/talking-points")).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["points"].as_array().unwrap().len(), 1, "{v}");
    let (s, v) = get(&f.app, "/api/talking-points/99999").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert_error(&v, StatusCode::NOT_FOUND, "not_found");
    let (s, v) = get(&f.app, "/api/talking-points?kind=shouted").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert_error(&v, StatusCode::BAD_REQUEST, "bad_request");
}

#[tokio::test]
async fn similar_statements_nearest_first_paged_and_409_without_model_or_points() {
    let f = fixture(None, 1 << 20);
    let (_, hits) = get(&f.app, "/api/search?q=harbour").await;
    let harbour = hits["hits"][0]["id"].as_i64().unwrap();
    let (s, v) = get(&f.app, &format!("/api/statements/{harbour}/similar")).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["statement"], json!(harbour));
    assert_eq!(v["model"], json!("words"));
    assert_eq!(v["offset"], json!(0));
    assert_eq!(v["limit"], json!(10));
    let all = v["similar"].as_array().unwrap();
    // The other two statements, never the statement itself, nearest first.
    assert_eq!(all.len(), 2, "{v}");
    assert!(all.iter().all(|s| s["id"] != json!(harbour)), "{v}");
    let sims: Vec<f64> = all
        .iter()
        .map(|s| s["similarity"].as_f64().unwrap())
        .collect();
    assert!(sims[0] >= sims[1], "{v}");
    for s in all {
        assert!(s["text"].as_str().is_some_and(|t| !t.is_empty()), "{v}");
        assert!(s["doc"].as_str().is_some(), "{v}");
        assert!(s["point"].as_i64().is_some(), "{v}");
    }
    assert!(v["next_offset"].is_null(), "{v}");
    // Paging: the second of two on its own page, and a next page after the first.
    let (s, p1) = get(
        &f.app,
        &format!("/api/statements/{harbour}/similar?limit=1"),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{p1}");
    assert_eq!(p1["similar"][0]["id"], all[0]["id"]);
    assert_eq!(p1["next_offset"], json!(1));
    let (_, p2) = get(
        &f.app,
        &format!("/api/statements/{harbour}/similar?offset=1&limit=1"),
    )
    .await;
    assert_eq!(p2["similar"][0]["id"], all[1]["id"], "{p2}");
    assert!(p2["next_offset"].is_null(), "{p2}");
    // Bad paging, unknown statements.
    for uri in [
        format!("/api/statements/{harbour}/similar?limit=0"),
        format!("/api/statements/{harbour}/similar?offset=95&limit=10"),
        "/api/statements/x/similar".to_string(),
    ] {
        let (s, v) = get(&f.app, &uri).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{uri}: {v}");
        assert_error(&v, StatusCode::BAD_REQUEST, "bad_request");
    }
    let (s, v) = get(&f.app, "/api/statements/99999/similar").await;
    assert_eq!(s, StatusCode::NOT_FOUND, "{v}");
    assert_error(&v, StatusCode::NOT_FOUND, "not_found");
    // The page: a link from the statement, the similar statements escaped.
    let (s, ctype, page) = send(
        &f.app,
        Request::get(format!("/statements/{harbour}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert!(ctype.starts_with("text/html"), "{ctype}");
    assert!(
        page.contains(&format!("/statements/{harbour}/similar")),
        "{page}"
    );
    let (s, ctype, page) = send(
        &f.app,
        Request::get(format!("/statements/{harbour}/similar"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{page}");
    assert!(ctype.starts_with("text/html"), "{ctype}");
    assert!(page.contains("Taxes will not rise"), "{page}");
    assert!(page.contains("&lt;script&gt;"), "{page}");
    assert!(!page.contains("<script>alert"), "{page}");
    // No model in the server, a database without talking points, another model.
    let cases: [(bool, Option<SentenceModel>, &str); 3] = [
        (true, None, "no_model"),
        (false, Some(Arc::new(Words("words"))), "no_talking_points"),
        (true, Some(Arc::new(Words("other"))), "model_mismatch"),
    ];
    for (group, model, code) in cases {
        let f = build(None, 1 << 20, group, model);
        let (s, v) = get(&f.app, &format!("/api/statements/{harbour}/similar")).await;
        assert_eq!(s, StatusCode::CONFLICT, "{code}: {v}");
        assert_error(&v, StatusCode::CONFLICT, code);
    }
}

/// Every operation in the OpenAPI document is served, and answers with a status the document
/// lists for it; every API route served is in the document.
#[tokio::test]
async fn the_openapi_document_matches_the_routes() {
    let f = fixture(Some(TOKEN), 1 << 20);
    let (s, doc) = get(&f.app, "/api/openapi.json").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(doc, serde_json::to_value(dictum_serve::openapi()).unwrap());
    let (_, hits) = get(&f.app, "/api/search?q=decisive").await;
    let statement = hits["hits"][0]["id"].as_i64().unwrap();
    let person = hits["hits"][0]["person"].as_i64().unwrap();
    let article = hits["hits"][0]["article"].as_i64().unwrap();
    let paths = doc["paths"].as_object().unwrap();
    let mut operations = Vec::new();
    for (path, item) in paths {
        for (method, op) in item.as_object().unwrap() {
            let documented: Vec<u16> = op["responses"]
                .as_object()
                .unwrap()
                .keys()
                .map(|k| k.parse().unwrap())
                .collect();
            let id = if path.starts_with("/api/people") {
                person
            } else if path.starts_with("/api/articles") {
                article
            } else {
                statement
            };
            let uri = path.replace("{id}", &id.to_string())
                + if path == "/api/search" {
                    "?q=decisive"
                } else {
                    ""
                };
            let req = match method.as_str() {
                "get" => Request::get(&uri).body(Body::empty()).unwrap(),
                "post" => Request::post(&uri)
                    .header("authorization", format!("Bearer {TOKEN}"))
                    .header("content-type", "application/json")
                    .body(Body::from(
                        r#"{"id": "doc-check", "text": "Checking the document"}"#,
                    ))
                    .unwrap(),
                m => panic!("undocumented method {m}"),
            };
            let (status, ctype, _) = send(&f.app, req).await;
            assert!(
                documented.contains(&status.as_u16()),
                "{method} {uri}: {status} is not among {documented:?}"
            );
            assert!(ctype.starts_with("application/json"), "{method} {uri}");
            // Each documented status has a body schema.
            for (code, r) in op["responses"].as_object().unwrap() {
                assert!(
                    r["content"]["application/json"]["schema"].is_object(),
                    "{method} {path} {code}: no schema"
                );
            }
            operations.push(format!("{} {path}", method.to_uppercase()));
        }
    }
    operations.sort();
    // The API routes this server has: a new route must be documented to be served.
    assert_eq!(
        operations,
        [
            "GET /api/articles",
            "GET /api/articles/{id}",
            "GET /api/people",
            "GET /api/people/{id}",
            "GET /api/people/{id}/talking-points",
            "GET /api/search",
            "GET /api/statements/{id}",
            "GET /api/statements/{id}/similar",
            "GET /api/stats",
            "GET /api/talking-points",
            "GET /api/talking-points/{id}",
            "POST /api/articles",
        ]
    );
    // A method the document does not list is not served.
    let (s, _, _) = send(
        &f.app,
        Request::delete(format!("/api/statements/{statement}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::METHOD_NOT_ALLOWED);
    // Every schema a response refers to is defined.
    let text = doc.to_string();
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for part in text.split("\"#/components/schemas/").skip(1) {
        let name = &part[..part.find('"').unwrap()];
        assert!(schemas.contains_key(name), "schema {name} is not defined");
    }
}

#[tokio::test]
async fn pages_are_html_and_escape_statement_text() {
    let f = fixture(None, 1 << 20);
    let (_, hits) = get(&f.app, "/api/search?q=vote").await;
    let id = hits["hits"][0]["id"].as_i64().unwrap();
    let article = hits["hits"][0]["article"].as_i64().unwrap();
    let person = hits["hits"][0]["person"].as_i64().unwrap();
    for uri in [
        "/".to_string(),
        "/?q=vote".to_string(),
        format!("/statements/{id}"),
        format!("/articles/{article}"),
        format!("/people/{person}"),
        "/people".to_string(),
        "/articles".to_string(),
    ] {
        let (s, ctype, body) = send(&f.app, Request::get(&uri).body(Body::empty()).unwrap()).await;
        assert_eq!(s, StatusCode::OK, "{uri}");
        assert!(ctype.starts_with("text/html"), "{uri}: {ctype}");
        assert!(body.starts_with("<!DOCTYPE html>"), "{uri}");
        assert!(
            !body.contains("<script>alert"),
            "{uri}: raw markup from a statement"
        );
        if uri != "/" && uri != "/people" {
            assert!(
                body.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    || !body.contains("alert(1)"),
                "{uri}"
            );
        }
    }
    let (_, _, body) = send(
        &f.app,
        Request::get("/?q=vote").body(Body::empty()).unwrap(),
    )
    .await;
    assert!(body.contains("<mark>vote</mark>"), "matches marked");
    let (s, ctype, _) = send(
        &f.app,
        Request::get("/statements/424242")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert!(ctype.starts_with("text/html"));
    let (s, ctype, css) = send(
        &f.app,
        Request::get("/assets/style.css")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert!(ctype.starts_with("text/css"));
    assert!(css.contains("mark"));
    let (s, _, _) = send(
        &f.app,
        Request::get("/talking-points/99999")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (_, v) = get(&f.app, "/api/talking-points").await;
    let id = v["points"][0]["id"].as_i64().unwrap();
    let (s, _, html) = send(
        &f.app,
        Request::get(format!("/talking-points/{id}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        html.contains("Reports, in time order") && html.contains("Daily Example"),
        "{html}"
    );
}
