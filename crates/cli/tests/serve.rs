//! `dictum serve` as a process: the real ingest path behind `POST /api/articles`, the token,
//! and reading back what was posted. HTTP/1.1 spoken over a plain TCP stream.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(db: &std::path::Path, token: Option<&str>) -> Server {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dictum"));
    cmd.args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(db)
        .env_remove("DICTUM_WRITE_TOKEN")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if let Some(t) = token {
        cmd.env("DICTUM_WRITE_TOKEN", t);
    }
    let mut child = cmd.spawn().unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    err.read_line(&mut line).unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    Server { child, addr }
}

/// One request on its own connection: (status, body).
fn request(addr: &str, method: &str, path: &str, headers: &[&str], body: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for h in headers {
        req.push_str(h);
        req.push_str("\r\n");
    }
    req.push_str("\r\n");
    req.push_str(body);
    s.write_all(req.as_bytes()).unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).to_string();
    let status: u16 = text[9..12].parse().unwrap();
    let (head, rest) = text.split_once("\r\n\r\n").unwrap();
    let body = if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        dechunk(rest)
    } else {
        rest.to_string()
    };
    (status, body)
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        s = &rest[n + 2..];
    }
    out
}

#[test]
fn posted_articles_are_extracted_stored_and_searchable() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let server = start(&db, Some("tok-123"));
    let article = serde_json::json!({
        "url": "https://news.example/quay",
        "title": "Quay reopens",
        "outlet": "Harbour Times",
        "published": "2025-06-02",
        "text": "Quay reopens\nThe old quay reopened on Monday.\n\
                 “The lanterns will glow again over the water,” said Orla Brennock, the harbour master.",
    })
    .to_string();
    let json = "Content-Type: application/json";
    let (status, body) = request(&server.addr, "POST", "/api/articles", &[json], &article);
    assert_eq!(status, 403, "{body}");
    let (status, body) = request(
        &server.addr,
        "POST",
        "/api/articles",
        &[json, "Authorization: Bearer wrong"],
        &article,
    );
    assert_eq!(status, 403, "{body}");
    let auth = "Authorization: Bearer tok-123";
    let (status, body) = request(
        &server.addr,
        "POST",
        "/api/articles",
        &[json, auth],
        &article,
    );
    assert_eq!(status, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["results"][0]["outcome"], "new", "{v}");
    assert!(v["results"][0]["statements"].as_u64().unwrap() >= 1, "{v}");

    let (status, body) = request(&server.addr, "GET", "/api/search?q=lanterns+glow", &[], "");
    assert_eq!(status, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let hit = &v["hits"][0];
    assert_eq!(hit["speaker"], "Orla Brennock", "{v}");
    assert_eq!(hit["outlet"], "Harbour Times");
    assert_eq!(hit["published"], "2025-06-02");

    // JSON Lines bodies; an article without id or URL is known by its text, so two different
    // ones both stay.
    let lines = "{\"text\": \"Ferries\\n“We sail at dawn,” said Ines Marlowe.\"}\n\
                 {\"text\": \"Ferries\\n“We sail at dusk,” said Ines Marlowe.\"}\n";
    let (status, body) = request(
        &server.addr,
        "POST",
        "/api/articles",
        &["Content-Type: application/x-ndjson", auth],
        lines,
    );
    assert_eq!(status, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["results"][0]["outcome"], "new", "{v}");
    assert_eq!(v["results"][1]["outcome"], "new", "{v}");
    let (_, body) = request(&server.addr, "GET", "/api/stats", &[], "");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["articles"], 3, "{v}");
    drop(server);

    // The same database served read-only.
    let server = start(&db, None);
    let (status, body) = request(
        &server.addr,
        "POST",
        "/api/articles",
        &[json, auth],
        &article,
    );
    assert_eq!(status, 403, "{body}");
    let (status, body) = request(&server.addr, "GET", "/", &[], "");
    assert_eq!(status, 200);
    assert!(body.contains("3 articles"), "{body}");
}

#[test]
fn serving_a_missing_database_read_only_fails_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_dictum"))
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(dir.path().join("none"))
        .env_remove("DICTUM_WRITE_TOKEN")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no database"), "{err}");
}
