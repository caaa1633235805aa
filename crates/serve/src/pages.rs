//! Server-rendered pages. Markup is built with maud, which escapes every interpolated string:
//! statement texts, names, titles and URLs from articles are always shown as text. The CSS and
//! JavaScript are compiled into the binary.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use dictum_store::{ArticleStatement, Hit, PersonProfile, Report, StatementView, TalkingPointView};
use maud::{html, Markup, DOCTYPE};

use crate::api::{self, parse_id, PageParams, SearchParams, SimilarParams, KINDS, Q};
use crate::error::ApiError;
use crate::Shared;

const CSS: &str = include_str!("../assets/style.css");
const JS: &str = include_str!("../assets/app.js");

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/", get(search_page))
        .route("/people", get(people_page))
        .route("/people/{id}", get(person_page))
        .route("/statements/{id}", get(statement_page))
        .route("/statements/{id}/similar", get(similar_page))
        .route("/articles", get(articles_page))
        .route("/articles/{id}", get(article_page))
        .route("/talking-points/{id}", get(talking_point_page))
        .route("/assets/style.css", get(css))
        .route("/assets/app.js", get(js))
}

async fn css() -> Response {
    asset("text/css; charset=utf-8", CSS)
}

async fn js() -> Response {
    asset("text/javascript; charset=utf-8", JS)
}

fn asset(kind: &'static str, body: &'static str) -> Response {
    (
        [
            (CONTENT_TYPE, kind),
            (CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

/// A page's failure, shown as a page (the API's errors are JSON).
pub struct PageError(ApiError);

impl From<ApiError> for PageError {
    fn from(e: ApiError) -> Self {
        PageError(e)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let title = match self.0.status {
            StatusCode::NOT_FOUND => "Not found",
            StatusCode::BAD_REQUEST => "Cannot do that",
            StatusCode::NOT_IMPLEMENTED | StatusCode::CONFLICT => "Not available",
            _ => "Something went wrong",
        };
        let body = layout(
            title,
            "",
            html! {
                section.error {
                    h1 { (title) }
                    p { (self.0.message) }
                    p { a href="/" { "Back to search" } }
                }
            },
        );
        (self.0.status, page(body)).into_response()
    }
}

/// Unknown paths: JSON under `/api/`, a page elsewhere.
pub async fn not_found(uri: Uri) -> Response {
    let e = ApiError::not_found(format!("nothing at {}", uri.path()));
    if uri.path().starts_with("/api/") {
        e.into_response()
    } else {
        PageError(e).into_response()
    }
}

fn layout(title: &str, query: &str, main: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · dictum" }
                link rel="stylesheet" href="/assets/style.css";
                script src="/assets/app.js" defer {}
            }
            body {
                header.top {
                    a.brand href="/" { "dictum" }
                    form.quick action="/" method="get" role="search" {
                        input type="search" name="q" value=(query) placeholder="Search statements  ( / )"
                            aria-label="Search statements" id="quick-q";
                    }
                    nav {
                        a href="/" { "Search" }
                        a href="/people" { "People" }
                        a href="/articles" { "Articles" }
                    }
                }
                main { (main) }
                footer {
                    "Who said what, when, and who reported it. "
                    a href="/api/openapi.json" { "API (OpenAPI)" }
                }
            }
        }
    }
}

fn page(markup: Markup) -> Response {
    (
        [
            (CONTENT_TYPE, "text/html; charset=utf-8"),
            (CACHE_CONTROL, "no-cache"),
        ],
        markup.into_string(),
    )
        .into_response()
}

/// `text` with the code-point ranges `marks` wrapped in `<mark>`.
fn marked(text: &str, marks: &[[usize; 2]]) -> Markup {
    let bytes = byte_offsets(text);
    let n = bytes.len() - 1;
    let mut ranges: Vec<[usize; 2]> = marks
        .iter()
        .map(|r| [r[0].min(n), r[1].min(n)])
        .filter(|r| r[0] < r[1])
        .collect();
    ranges.sort_unstable();
    let at = |cp: usize| bytes.get(cp).copied().unwrap_or(text.len());
    let mut pos = 0; // code points
    html! {
        @for r in &ranges {
            @if r[0] >= pos {
                (text[at(pos)..at(r[0])])
                mark { (text[at(r[0])..at(r[1])]) }
                ({ pos = r[1]; "" })
            }
        }
        (text[at(pos).min(text.len())..])
    }
}

/// Byte offset of every code point, and the text's length after the last.
fn byte_offsets(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

fn person_link(name: Option<&str>, person: Option<i64>) -> Markup {
    let name = name.unwrap_or("unknown speaker");
    html! {
        @match person {
            Some(id) => a.speaker href={ "/people/" (id) } { (name) },
            None => span.speaker.unknown { (name) },
        }
    }
}

fn kind_badge(kind: &str) -> Markup {
    html! { span class={ "kind k-" (kind) } { (kind) } }
}

fn date(d: Option<&str>) -> Markup {
    html! {
        @match d {
            Some(d) => time datetime=(d) { (d) },
            None => span.muted { "undated" },
        }
    }
}

fn query_string(p: &SearchParams, offset: usize) -> String {
    let mut parts = Vec::new();
    let mut push = |k: &str, v: &Option<String>| {
        if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
            parts.push(format!("{k}={}", encode(v)));
        }
    };
    push("q", &p.q);
    push("speaker", &p.speaker);
    push("outlet", &p.outlet);
    push("since", &p.since);
    push("until", &p.until);
    push("kind", &p.kind);
    if offset > 0 {
        parts.push(format!("offset={offset}"));
    }
    if let Some(l) = p.limit {
        parts.push(format!("limit={l}"));
    }
    parts.join("&")
}

/// Percent-encoding for a query-string value.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

async fn search_page(
    State(state): State<Shared>,
    Q(p): Q<SearchParams>,
) -> Result<Response, PageError> {
    let q = p.q.clone().unwrap_or_default();
    let has_query = !q.trim().is_empty();
    let results = if has_query {
        Some(api::run_search(&state, &p).await)
    } else {
        None
    };
    let stats = if has_query {
        None
    } else {
        Some(state.read(|s| s.stats()).await?)
    };
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let title = if has_query { q.as_str() } else { "Search" };
    let body = html! {
        section.search {
            h1 { "Who said what" }
            form.filters action="/" method="get" role="search" {
                div.row {
                    input.big type="search" name="q" value=(q) placeholder="Words, \"a phrase\", OR"
                        aria-label="Query" autofocus[!has_query];
                    button type="submit" { "Search" }
                }
                div.row.small {
                    label { "Speaker " input type="text" name="speaker" value=(text(&p.speaker)) placeholder="name or alias"; }
                    label { "Outlet " input type="text" name="outlet" value=(text(&p.outlet)); }
                    label { "Since " input type="text" name="since" value=(text(&p.since)) placeholder="YYYY-MM-DD" size="10"; }
                    label { "Until " input type="text" name="until" value=(text(&p.until)) placeholder="YYYY-MM-DD" size="10"; }
                    label { "Kind "
                        select name="kind" {
                            option value="" { "any" }
                            @for k in KINDS {
                                option value=(k) selected[p.kind.as_deref() == Some(k)] { (k) }
                            }
                        }
                    }
                }
            }
        }
        @if let Some(stats) = &stats {
            section.intro {
                p {
                    (stats.statements) " statements from " (stats.articles) " articles ("
                    (stats.outlets) " outlets), said by " (stats.people) " people and organisations. "
                    "Search their words, or browse the " a href="/people" { "people" } " and "
                    a href="/articles" { "articles" } "."
                }
            }
        }
        @match &results {
            Some(Ok(page)) => {
                section.results {
                    @if page.hits.is_empty() {
                        p.muted { "No statement matches." }
                    }
                    ol.hits start=(page.offset + 1) {
                        @for h in &page.hits { (hit(h)) }
                    }
                    nav.pager {
                        @if page.offset > 0 {
                            a rel="prev" href={ "/?" (query_string(&p, page.offset.saturating_sub(page.limit))) } { "← Previous" }
                        }
                        @if let Some(next) = page.next_offset {
                            a rel="next" href={ "/?" (query_string(&p, next)) } { "Next →" }
                        }
                    }
                }
            }
            Some(Err(e)) => { p.error { (e.message) } }
            None => {}
        }
    };
    Ok(page(layout(title, &q, body)))
}

fn hit(h: &Hit) -> Markup {
    html! {
        li.hit {
            blockquote { a.st href={ "/statements/" (h.id) } { (marked(&h.text, &h.matches)) } }
            p.meta {
                (person_link(h.speaker.as_deref(), h.person)) " · "
                (kind_badge(&h.kind)) " · "
                @if let Some(o) = &h.outlet { span.outlet { (o) } " · " }
                (date(h.published.as_deref())) " · "
                a href={ "/statements/" (h.id) } {
                    (h.reports) @if h.reports == 1 { " report" } @else { " reports" }
                }
            }
        }
    }
}

async fn people_page(
    State(state): State<Shared>,
    Q(p): Q<PageParams>,
) -> Result<Response, PageError> {
    let (offset, limit) = PageParams {
        offset: p.offset,
        limit: Some(p.limit.unwrap_or(50)),
    }
    .resolve()?;
    let mut people = state
        .read(move |s| s.people_page(offset, Some(limit + 1)))
        .await?;
    let more = people.len() > limit;
    people.truncate(limit);
    let body = html! {
        h1 { "People" }
        p.muted { "People and organisations with statements, most reported first." }
        table.people {
            thead { tr { th { "Name" } th.num { "Statements" } th.num { "Reports" } th.num { "Articles" } } }
            tbody {
                @for person in &people {
                    tr {
                        td { a href={ "/people/" (person.id) } { (person.name) }
                             @if person.kind != "person" { " " span.muted { "(" (person.kind) ")" } } }
                        td.num { (person.statements) }
                        td.num { (person.reports) }
                        td.num { (person.articles) }
                    }
                }
            }
        }
        nav.pager {
            @if offset > 0 { a rel="prev" href={ "/people?offset=" (offset.saturating_sub(limit)) } { "← Previous" } }
            @if more { a rel="next" href={ "/people?offset=" (offset + limit) } { "Next →" } }
        }
    };
    Ok(page(layout("People", "", body)))
}

async fn person_page(
    State(state): State<Shared>,
    axum::extract::Path(raw): axum::extract::Path<String>,
) -> Result<Response, PageError> {
    let id = parse_id(&raw)?;
    let (p, total) = state.read(move |s| s.person_page(id, 0, 50)).await?;
    let points = state
        .read(move |s| {
            s.talking_points(&dictum_store::PointFilter {
                speaker: Some(format!("#{id}")),
                limit: 8,
                min_articles: 2,
                ..Default::default()
            })
        })
        .await?;
    let latest = &p.statements;
    let body = html! {
        article.person {
            h1 { (p.name) }
            p.meta {
                span.kind { (p.kind) } " · "
                (total) " reported statements in " (p.articles) " articles"
                @if let (Some(a), Some(b)) = (&p.first_seen, &p.last_seen) {
                    " · first seen " time datetime=(a) { (a) } ", last seen " time datetime=(b) { (b) }
                }
            }
            @if !p.aliases.is_empty() {
                p.aliases { span.label { "Also written " } @for (i, a) in p.aliases.iter().enumerate() {
                    @if i > 0 { ", " } span.alias { (a) } } }
            }
            @if !p.roles.is_empty() {
                p.roles { span.label { "Roles " } @for (i, r) in p.roles.iter().enumerate() {
                    @if i > 0 { ", " } span.role { (r) } } }
            }
            h2 { "Statements per month, by outlet" }
            (timeline(&p))
            @if !points.is_empty() {
                h2 { "Talking points" }
                ul.points {
                    @for tp in &points {
                        li { a href={ "/talking-points/" (tp.id) } { (tp.label) }
                            span.muted { " · " (tp.articles) " articles, " (tp.statements.len()) " reports" } }
                    }
                }
            }
            h2 { "Latest statements" }
            @if total > latest.len() { p.muted { "The latest " (latest.len()) " of " (total) "; all of them: "
                a href={ "/api/people/" (p.id) "?limit=100" } { "the API" } " (pages of 100)." } }
            ol.statements {
                @for s in latest {
                    li {
                        blockquote { a.st href={ "/statements/" (s.id) } { (s.text) } }
                        p.meta {
                            (kind_badge(&s.kind)) " · "
                            @if let Some(o) = &s.outlet { span.outlet { (o) } " · " }
                            (date(s.published.as_deref()))
                        }
                    }
                }
            }
            @if !p.others.is_empty() {
                h2 { "Others by that name" }
                ul { @for o in &p.others { li { a href={ "/people/" (o.id) } { (o.name) } } } }
            }
        }
    };
    Ok(page(layout(&p.name, "", body)))
}

const PALETTE: [&str; 9] = [
    "#3b6ea5", "#e07b39", "#4e9a5b", "#c4484e", "#8a6bb1", "#9a7b4f", "#d476a8", "#5fa3b5",
    "#b5a642",
];
const OTHER: &str = "#9aa0a6";

fn add_month(m: &str) -> Option<String> {
    let (y, mo) = m.split_once('-')?;
    let (y, mo): (i32, u32) = (y.parse().ok()?, mo.parse().ok()?);
    Some(if mo >= 12 {
        format!("{:04}-01", y + 1)
    } else {
        format!("{y:04}-{:02}", mo + 1)
    })
}

/// Stacked bars of statements per month, one colour per outlet (the eight largest, then
/// "other"), as inline SVG.
fn timeline(p: &PersonProfile) -> Markup {
    let mut by_outlet: BTreeMap<String, i64> = BTreeMap::new();
    let mut months: BTreeMap<String, Vec<(String, i64)>> = BTreeMap::new();
    let mut undated = 0;
    for m in &p.timeline {
        let outlet = m.outlet.clone().unwrap_or_else(|| "unknown outlet".into());
        if m.month == "undated" {
            undated += m.count;
            continue;
        }
        *by_outlet.entry(outlet.clone()).or_default() += m.count;
        months
            .entry(m.month.clone())
            .or_default()
            .push((outlet, m.count));
    }
    let mut ranked: Vec<(String, i64)> = by_outlet.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let colour = |o: &str| -> &'static str {
        ranked
            .iter()
            .take(PALETTE.len() - 1)
            .position(|(name, _)| name == o)
            .map_or(OTHER, |i| PALETTE[i])
    };
    // Every month from the first to the last (at most the last 120), gaps included.
    let mut all = Vec::new();
    if let (Some(first), Some(last)) = (months.keys().next(), months.keys().next_back()) {
        let mut m = first.clone();
        while m <= *last && all.len() < 100_000 {
            all.push(m.clone());
            match add_month(&m) {
                Some(n) => m = n,
                None => break,
            }
        }
    }
    let skip = all.len().saturating_sub(120);
    let all = &all[skip..];
    let max = all
        .iter()
        .map(|m| months.get(m).map_or(0, |v| v.iter().map(|x| x.1).sum()))
        .max()
        .unwrap_or(0)
        .max(1);
    let (w, h, pad) = (720.0_f64, 160.0_f64, 18.0_f64);
    let bw = if all.is_empty() {
        0.0
    } else {
        w / all.len() as f64
    };
    html! {
        @if all.is_empty() {
            p.muted { "No dated statements." }
        } @else {
            figure.timeline {
                svg viewBox={ "0 0 " (w) " " (h + pad) } role="img"
                    aria-label={ "Statements per month from " (all[0]) " to " (all[all.len() - 1]) } {
                    line x1="0" y1=(h) x2=(w) y2=(h) class="axis" {}
                    @for (i, m) in all.iter().enumerate() {
                        @let x = i as f64 * bw;
                        @let mut y = h;
                        @if let Some(parts) = months.get(m) {
                            @for (outlet, count) in parts {
                                @let bh = *count as f64 / max as f64 * (h - 8.0);
                                ({ y -= bh; "" })
                                rect x=(format!("{:.1}", x + bw * 0.1)) y=(format!("{y:.1}"))
                                    width=(format!("{:.1}", (bw * 0.8).max(1.0))) height=(format!("{bh:.1}"))
                                    fill=(colour(outlet)) {
                                    title { (m) " · " (outlet) ": " (count) }
                                }
                            }
                        }
                        @if m.ends_with("-01") || i == 0 {
                            text x=(format!("{x:.1}")) y=(h + 14.0) class="tick" { (m.get(..4).unwrap_or(m)) }
                        }
                    }
                }
                figcaption {
                    @for (i, (o, n)) in ranked.iter().enumerate() {
                        @if i < PALETTE.len() - 1 {
                            span.legend { i.swatch style={ "background:" (PALETTE[i]) } {} (o) " (" (n) ")" }
                        }
                    }
                    @if ranked.len() > PALETTE.len() - 1 {
                        span.legend { i.swatch style={ "background:" (OTHER) } {} "other outlets" }
                    }
                    @if undated > 0 { span.legend.muted { (undated) " undated" } }
                    " · the largest month: " (max)
                }
            }
        }
    }
}

async fn statement_page(
    State(state): State<Shared>,
    axum::extract::Path(raw): axum::extract::Path<String>,
) -> Result<Response, PageError> {
    let id = parse_id(&raw)?;
    let s: StatementView = state.read(move |st| st.statement(id)).await?;
    let similar = state.model().is_some();
    let body = html! {
        article.statement {
            blockquote.big { (s.text) }
            p.meta {
                (person_link(s.speaker.as_deref(), s.person)) " · " (kind_badge(&s.kind))
            }
            @if let Some(f) = &s.first {
                p.first { span.label { @if f.published.is_some() { "First seen " } @else { "First stored, undated, " } }
                    @if let Some(d) = &f.published { time datetime=(d) { (d) } } " in "
                    a href={ "/articles/" (f.article) "#r" (f.id) } { (f.outlet.as_deref().unwrap_or(&f.doc)) } }
            }
            p.counts {
                (s.reports.len()) @if s.reports.len() == 1 { " report" } @else { " reports" }
                @if !s.outlets.is_empty() {
                    " in " (s.outlets.len()) @if s.outlets.len() == 1 { " outlet" } @else { " outlets" }
                }
                @if (s.independent_reports as usize) < s.reports.len() {
                    " (" (s.independent_reports) " independent; the others copy an article)"
                }
            }
            @if similar {
                p.similar { a href={ "/statements/" (s.id) "/similar" } { "Similar statements, in other words" } }
            }
            h2 { "Every report" }
            ol.reports { @for r in &s.reports { (report(r)) } }
        }
    };
    let title: String = s.text.chars().take(60).collect();
    Ok(page(layout(&title, "", body)))
}

/// Statements near in meaning to one statement (the API's `similar`), ten to a page.
async fn similar_page(
    State(state): State<Shared>,
    axum::extract::Path(raw): axum::extract::Path<String>,
    Q(p): Q<SimilarParams>,
) -> Result<Response, PageError> {
    let id = parse_id(&raw)?;
    let text = state.read(move |st| st.statement_text(id)).await?;
    let v = api::run_similar(&state, id, p).await?;
    let body = html! {
        article.statement {
            h1 { "Similar statements" }
            blockquote.big { a href={ "/statements/" (id) } { (text) } }
            p.small.muted { "Nearest in meaning first (" (v.model) " model, cosine in the talking-point space)." }
            ol.reports start=(v.offset + 1) {
                @for s in &v.similar {
                    li.report {
                        p.meta {
                            strong.outlet { (s.outlet.as_deref().or(s.doc.as_deref()).unwrap_or("")) } " · "
                            (date(s.published.as_deref())) " · "
                            (s.speaker.as_deref().unwrap_or("unknown speaker")) " · "
                            span.muted { (format!("{:.2}", s.similarity)) }
                            @if let Some(pt) = s.point { " · " a href={ "/talking-points/" (pt) } { "talking point" } }
                        }
                        blockquote.sentence { a href={ "/statements/" (s.id) } { (s.text) } }
                    }
                }
            }
            @if v.similar.is_empty() { p.muted { "No other statement is near in meaning." } }
            nav.pager {
                @if v.offset > 0 {
                    a href={ "/statements/" (id) "/similar?offset=" (v.offset.saturating_sub(v.limit)) "&limit=" (v.limit) } { "← Nearer" }
                }
                @if let Some(n) = v.next_offset {
                    " " a href={ "/statements/" (id) "/similar?offset=" (n) "&limit=" (v.limit) } { "Further →" }
                }
            }
        }
    };
    let title: String = format!("Similar: {}", text.chars().take(50).collect::<String>());
    Ok(page(layout(&title, "", body)))
}

fn report(r: &Report) -> Markup {
    let [ss, se] = r.sentence_span;
    let len = se.saturating_sub(ss);
    let marks: Vec<[usize; 2]> = r
        .content
        .iter()
        .map(|p| {
            [
                p[0].saturating_sub(ss).min(len),
                p[1].saturating_sub(ss).min(len),
            ]
        })
        .collect();
    html! {
        li.report {
            p.meta {
                strong.outlet { (r.outlet.as_deref().unwrap_or("unknown outlet")) } " · "
                (date(r.published.as_deref())) " · "
                a href={ "/articles/" (r.article) "#r" (r.id) } { (r.title.as_deref().unwrap_or(&r.doc)) }
                @if let Some(c) = r.copy_of { " · " a.copy href={ "/articles/" (c) } { "copy of an earlier article" } }
            }
            blockquote.sentence { (marked(&r.sentence, &marks)) }
            p.small.muted {
                @if let Some(src) = &r.source { "source as written: “" (src) "”" }
                @if let Some(cue) = &r.cue { " · cue: " (cue) }
                @if let Some(u) = &r.url {
                    @if u.starts_with("http://") || u.starts_with("https://") {
                        " · " a href=(u) rel="nofollow noopener" { "original" }
                    }
                }
            }
        }
    }
}

async fn articles_page(
    State(state): State<Shared>,
    Q(p): Q<PageParams>,
) -> Result<Response, PageError> {
    let (offset, limit) = PageParams {
        offset: p.offset,
        limit: Some(p.limit.unwrap_or(50)),
    }
    .resolve()?;
    let mut list = state
        .read(move |s| s.articles_page(offset, limit + 1))
        .await?;
    let more = list.len() > limit;
    list.truncate(limit);
    let body = html! {
        h1 { "Articles" }
        ol.articles {
            @for a in &list {
                li {
                    a href={ "/articles/" (a.id) } { (a.title.as_deref().unwrap_or(&a.doc)) }
                    p.meta {
                        @if let Some(o) = &a.outlet { span.outlet { (o) } " · " }
                        (date(a.published.as_deref())) " · " (a.statements) " statements"
                        @if a.copy_of.is_some() { " · copy" }
                    }
                }
            }
        }
        nav.pager {
            @if offset > 0 { a rel="prev" href={ "/articles?offset=" (offset.saturating_sub(limit)) } { "← Previous" } }
            @if more { a rel="next" href={ "/articles?offset=" (offset + limit) } { "Next →" } }
        }
    };
    Ok(page(layout("Articles", "", body)))
}

/// The article's text with its statements' pieces marked: where statements overlap, the
/// shorter (inner) one is marked.
fn article_text(text: &str, statements: &[ArticleStatement]) -> Markup {
    let bytes = byte_offsets(text);
    let n = bytes.len() - 1;
    let at = |cp: usize| bytes[cp.min(n)];
    // (start, end, statement index, whether it is the statement's last piece)
    let mut pieces = Vec::new();
    for (i, s) in statements.iter().enumerate() {
        let last = s.content.iter().map(|p| p[1]).max().unwrap_or(0);
        for p in &s.content {
            let (a, b) = (p[0].min(n), p[1].min(n));
            if a < b {
                pieces.push((a, b, i, p[1] == last));
            }
        }
    }
    let mut cuts: Vec<usize> = vec![0, n];
    for p in &pieces {
        cuts.push(p.0);
        cuts.push(p.1);
    }
    cuts.sort_unstable();
    cuts.dedup();
    // Runs of consecutive segments covered by the same statement.
    let mut runs: Vec<(usize, usize, Option<usize>, bool)> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let best = pieces
            .iter()
            .filter(|p| p.0 <= a && b <= p.1)
            .min_by_key(|p| (p.1 - p.0, p.2));
        let who = best.map(|p| p.2);
        let ends = best.is_some_and(|p| p.3 && p.1 == b);
        match runs.last_mut() {
            Some(r) if r.2 == who && r.1 == a && !r.3 => {
                r.1 = b;
                r.3 = ends;
            }
            _ => runs.push((a, b, who, ends)),
        }
    }
    html! {
        @for (a, b, who, ends) in &runs {
            @match who {
                None => (text[at(*a)..at(*b)]),
                Some(i) => {
                    @let s = &statements[*i];
                    a class={ "st k-" (s.kind) } href={ "/statements/" (s.statement) }
                        data-report=(s.report) title=(s.person_name.as_deref().or(s.speaker.as_deref()).unwrap_or("unknown speaker")) {
                        (text[at(*a)..at(*b)])
                    }
                    @if *ends {
                        @if let Some(pid) = s.person {
                            a.who href={ "/people/" (pid) } { (s.person_name.as_deref().or(s.speaker.as_deref()).unwrap_or("?")) }
                        }
                    }
                }
            }
        }
    }
}

async fn article_page(
    State(state): State<Shared>,
    axum::extract::Path(raw): axum::extract::Path<String>,
) -> Result<Response, PageError> {
    let id = parse_id(&raw)?;
    let (a, statements) = state
        .read(move |s| Ok((s.article(id)?, s.article_statements(id)?)))
        .await?;
    let title = a.title.clone().unwrap_or_else(|| a.doc.clone());
    let body = html! {
        div.article-layout {
            article.article {
                h1 { (title) }
                p.meta {
                    @if let Some(o) = &a.outlet { strong.outlet { (o) } " · " }
                    (date(a.published.as_deref()))
                    @if let Some(c) = a.copy_of { " · " a href={ "/articles/" (c) } { "copy of an earlier article" } }
                    @if let Some(u) = &a.url {
                        @if u.starts_with("http://") || u.starts_with("https://") {
                            " · " a href=(u) rel="nofollow noopener" { "original" }
                        }
                    }
                }
                div.text { (article_text(&a.text, &statements)) }
            }
            aside.side {
                h2 { (statements.len()) " statements" }
                ol.side-list {
                    @for s in &statements {
                        li id={ "r" (s.report) } data-report=(s.report) {
                            (kind_badge(&s.kind)) " "
                            (person_link(s.person_name.as_deref().or(s.speaker.as_deref()), s.person))
                            @if s.reports > 1 { " · " a href={ "/statements/" (s.statement) } { (s.reports) " reports" } }
                            p.small { a href={ "/statements/" (s.statement) } { (s.text.chars().take(160).collect::<String>()) @if s.text.chars().count() > 160 { "…" } } }
                        }
                    }
                }
            }
        }
    };
    Ok(page(layout(&title, "", body)))
}

async fn talking_point_page(
    State(state): State<Shared>,
    axum::extract::Path(raw): axum::extract::Path<String>,
) -> Result<Response, PageError> {
    let id = parse_id(&raw)?;
    let v: TalkingPointView = state.read(move |st| st.talking_point(id)).await?;
    let p = &v.point;
    let max = v.by_month.iter().map(|c| c.count).max().unwrap_or(1).max(1);
    let body = html! {
        article.statement {
            h1 { "Talking point #" (p.id) }
            p.big { (p.label) }
            p.counts {
                (p.articles) @if p.articles == 1 { " article" } @else { " articles" } ", "
                (p.statements.len()) @if p.statements.len() == 1 { " report" } @else { " reports" }
                @if let (Some(a), Some(b)) = (&p.first_seen, &p.last_seen) { ", " (a) " to " (b) }
            }
            h2 { "By month" }
            table.months {
                @for c in &v.by_month {
                    tr {
                        td { (c.key) }
                        td { span.bar style={ "display:inline-block;background:#4c72b0;height:0.8em;width:" (c.count * 200 / max) "px" } {} " " (c.count) }
                    }
                }
            }
            p.small.muted {
                "Outlets: "
                @for (i, c) in v.by_outlet.iter().enumerate() { @if i > 0 { ", " } (c.key) " (" (c.count) ")" }
                " · Speakers: "
                @for (i, c) in v.by_speaker.iter().enumerate() { @if i > 0 { ", " } (c.key) " (" (c.count) ")" }
            }
            h2 { "Reports, in time order" }
            ol.reports {
                @for s in &p.statements {
                    li.report {
                        p.meta {
                            strong.outlet { (s.outlet.as_deref().unwrap_or(&s.doc)) } " · "
                            (date(s.published.as_deref())) " · "
                            (s.speaker.as_deref().unwrap_or("unknown speaker"))
                        }
                        blockquote.sentence { a href={ "/statements/" (s.id) } { (s.text) } }
                    }
                }
            }
        }
    };
    let title = format!("Talking point: {}", p.label);
    Ok(page(layout(&title, "", body)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(content: Vec<[usize; 2]>, person: Option<i64>) -> ArticleStatement {
        ArticleStatement {
            statement: 1,
            report: 1,
            kind: "direct".into(),
            text: String::new(),
            content,
            cue: None,
            source: None,
            speaker: Some("A <b>".into()),
            person,
            person_name: None,
            reports: 1,
        }
    }

    #[test]
    fn marks_survive_odd_ranges_and_escape_text() {
        let t = "Équipe <i>said</i> “yes”";
        let out = marked(t, &[[0, 6], [3, 9], [20, 99], [5, 2]]).into_string();
        assert_eq!(
            out,
            "<mark>Équipe</mark> &lt;i&gt;said&lt;/i&gt; “<mark>yes”</mark>"
        );
        assert_eq!(marked("", &[[0, 5]]).into_string(), "");
    }

    #[test]
    fn article_text_marks_the_inner_statement_and_links_the_speaker() {
        let t = "He said: “a <b> c” and left.";
        // An outer statement holding an inner one, and one past the end of the text.
        let out = article_text(
            t,
            &[
                st(vec![[9, 18]], Some(7)),
                st(vec![[10, 15]], None),
                st(vec![[40, 50]], None),
            ],
        )
        .into_string();
        assert!(out.contains("&lt;b&gt;"), "{out}");
        assert!(!out.contains("<b>"), "{out}");
        assert_eq!(out.matches("class=\"st k-direct\"").count(), 3, "{out}");
        assert!(
            out.contains("<a class=\"who\" href=\"/people/7\">A &lt;b&gt;</a>"),
            "{out}"
        );
        assert!(out.ends_with(" and left."), "{out}");
    }
}
