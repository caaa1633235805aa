//! A load generator for `dictum bench-serve`: keep-alive HTTP/1.1 connections on loopback,
//! each sending one search at a time for a fixed time, with queries drawn from the database.

use std::fmt;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use dictum_store::{Store, StoreError};
use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use serde::Serialize;

/// Words a user might search for: letters only, at least four of them.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4)
        .collect()
}

fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `/api/search` paths from `n` reports drawn at random: a word from each; every third a
/// two-word phrase, every fifth with its speaker as a filter.
pub fn search_paths(store: &Store, n: usize, seed: u64) -> Result<Vec<String>, StoreError> {
    let mut out = Vec::new();
    for (i, (text, speaker)) in store.sample_reports(n, seed)?.iter().enumerate() {
        let ws = words(text);
        if ws.is_empty() {
            continue;
        }
        let k = i % ws.len();
        let q = if i % 3 == 0 && k + 1 < ws.len() {
            format!("\"{} {}\"", ws[k], ws[k + 1])
        } else {
            ws[k].to_string()
        };
        let mut path = format!("/api/search?limit=10&q={}", encode(&q));
        if let (0, Some(s)) = (i % 5, speaker) {
            path.push_str(&format!("&speaker={}", encode(s)));
        }
        out.push(path);
    }
    Ok(out)
}

/// What a load run measured.
#[derive(Debug, Clone, Serialize)]
pub struct LoadReport {
    pub connections: usize,
    pub seconds: f64,
    pub requests: u64,
    /// Requests that failed or answered other than 200.
    pub errors: u64,
    pub requests_per_second: f64,
    pub p50_ms: f64,
    pub p90_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    /// Bytes of response bodies.
    pub bytes: u64,
    /// The first error seen, if any.
    pub first_error: Option<String>,
}

impl fmt::Display for LoadReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} requests in {:.1} s on {} connections: {:.0} requests/s, {} errors",
            self.requests, self.seconds, self.connections, self.requests_per_second, self.errors
        )?;
        write!(
            f,
            "latency: p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
            self.p50_ms, self.p90_ms, self.p99_ms, self.max_ms
        )?;
        if let Some(e) = &self.first_error {
            write!(f, "\nfirst error: {e}")?;
        }
        Ok(())
    }
}

#[derive(Default)]
struct Tally {
    micros: Vec<u32>,
    errors: u64,
    bytes: u64,
    first_error: Option<String>,
}

impl Tally {
    fn error(&mut self, e: String) {
        self.errors += 1;
        self.first_error.get_or_insert(e);
    }
}

type Sender = hyper::client::conn::http1::SendRequest<Empty<Bytes>>;

async fn connect(addr: SocketAddr) -> Result<Sender, String> {
    let stream = tokio::net::TcpStream::connect(addr)
        .await
        .map_err(|e| format!("connect: {e}"))?;
    let _ = stream.set_nodelay(true);
    let (sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| format!("handshake: {e}"))?;
    tokio::spawn(conn);
    Ok(sender)
}

async fn one(sender: &mut Sender, addr: SocketAddr, path: &str) -> Result<u64, String> {
    sender
        .ready()
        .await
        .map_err(|e| format!("connection: {e}"))?;
    let req = hyper::Request::get(path)
        .header(hyper::header::HOST, addr.to_string())
        .body(Empty::new())
        .map_err(|e| e.to_string())?;
    let res = sender
        .send_request(req)
        .await
        .map_err(|e| format!("request: {e}"))?;
    let status = res.status();
    let body = res
        .into_body()
        .collect()
        .await
        .map_err(|e| format!("body: {e}"))?
        .to_bytes();
    if status != hyper::StatusCode::OK {
        return Err(format!(
            "{path}: {status}: {}",
            String::from_utf8_lossy(&body[..body.len().min(200)])
        ));
    }
    Ok(body.len() as u64)
}

async fn connection(addr: SocketAddr, paths: &[String], start: usize, until: Instant) -> Tally {
    let mut t = Tally::default();
    let mut sender = None;
    let mut i = start;
    while Instant::now() < until {
        let s = match sender.as_mut() {
            Some(s) => s,
            None => match connect(addr).await {
                Ok(s) => sender.insert(s),
                Err(e) => {
                    t.error(e);
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
            },
        };
        let path = &paths[i % paths.len()];
        i += 1;
        let began = Instant::now();
        match one(s, addr, path).await {
            Ok(n) => {
                t.bytes += n;
                t.micros
                    .push(began.elapsed().as_micros().min(u32::MAX as u128) as u32);
            }
            Err(e) => {
                t.error(e);
                sender = None;
            }
        }
    }
    t
}

fn percentile(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    f64::from(sorted[i]) / 1000.0
}

/// Loads `addr` with `connections` connections for `duration`, cycling through `paths`.
pub async fn run(
    addr: SocketAddr,
    connections: usize,
    duration: Duration,
    paths: Vec<String>,
) -> LoadReport {
    let paths = std::sync::Arc::new(paths);
    let began = Instant::now();
    let until = began + duration;
    let mut tasks = Vec::with_capacity(connections);
    for c in 0..connections {
        let paths = std::sync::Arc::clone(&paths);
        let start = c * paths.len() / connections.max(1);
        tasks.push(tokio::spawn(async move {
            connection(addr, &paths, start, until).await
        }));
    }
    let mut all = Tally::default();
    for task in tasks {
        match task.await {
            Ok(t) => {
                all.micros.extend(t.micros);
                all.errors += t.errors;
                all.bytes += t.bytes;
                if all.first_error.is_none() {
                    all.first_error = t.first_error;
                }
            }
            Err(e) => all.error(format!("a connection task failed: {e}")),
        }
    }
    let seconds = began.elapsed().as_secs_f64();
    all.micros.sort_unstable();
    let requests = all.micros.len() as u64 + all.errors;
    LoadReport {
        connections,
        seconds,
        requests,
        errors: all.errors,
        requests_per_second: requests as f64 / seconds.max(1e-9),
        p50_ms: percentile(&all.micros, 0.50),
        p90_ms: percentile(&all.micros, 0.90),
        p99_ms: percentile(&all.micros, 0.99),
        max_ms: all.micros.last().map_or(0.0, |&m| f64::from(m) / 1000.0),
        bytes: all.bytes,
        first_error: all.first_error,
    }
}
