//! The JSON API. Every route is registered through [`routes`], which also builds the OpenAPI
//! document from the handlers' `#[utoipa::path]` annotations, so the document lists exactly
//! the routes served.

use axum::body::Body;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::header::{AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use axum::Json;
use dictum_store::{
    Article, ArticleStatement, ArticleSummary, Hit, PersonProfile, PersonSummary, PointFilter,
    Search, Similar, StatementView, Stats, TalkingPoint, TalkingPointView,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{ApiError, ErrorBody};
use crate::Shared;

/// Most items one page may hold.
pub const MAX_LIMIT: usize = 100;
/// Items per page when the request does not say.
pub const DEFAULT_LIMIT: usize = 20;
/// Deepest offset served (deeper pages cost more than they are worth).
pub const MAX_OFFSET: usize = 10_000;
/// Similar statements: `offset + limit` at most this (each one more re-embeds more candidates).
pub const MAX_SIMILAR: usize = 100;
/// Similar statements per page when the request does not say.
pub const DEFAULT_SIMILAR: usize = 10;

/// The statement kinds, as stored.
pub const KINDS: [&str; 4] = ["direct", "mixed", "indirect", "transcript"];

#[derive(OpenApi)]
#[openapi(
    info(
        title = "dictum",
        description = "Who said what, when, and who reported it: statements extracted from news \
articles. Ids are stable: a statement, person or article keeps its id across ingests (people \
merged by a user keep the id they were merged into). Errors are JSON: \
{\"error\": {\"status\", \"code\", \"message\"}}."
    ),
    components(schemas(ErrorBody))
)]
struct ApiDoc;

/// The API's routes and their OpenAPI document, from one table.
pub fn routes() -> OpenApiRouter<Shared> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(search))
        .routes(routes!(people))
        .routes(routes!(person))
        .routes(routes!(statement))
        .routes(routes!(articles, post_articles))
        .routes(routes!(article))
        .routes(routes!(stats))
        .routes(routes!(talking_points))
        .routes(routes!(talking_point))
        .routes(routes!(person_talking_points))
        .routes(routes!(similar))
}

/// Query parameters, with a JSON 400 when they do not parse.
pub struct Q<T>(pub T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Q<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(t)| Q(t))
            .map_err(|e| ApiError::bad_request(e.body_text()))
    }
}

/// A path's id, with a JSON 400 when it is not a number.
pub struct Id(pub i64);

impl<S: Send + Sync> FromRequestParts<S> for Id {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|e| ApiError::bad_request(e.body_text()))?;
        parse_id(&raw).map(Id)
    }
}

/// `12` or `#12`.
pub fn parse_id(raw: &str) -> Result<i64, ApiError> {
    raw.trim_start_matches('#')
        .parse::<i64>()
        .ok()
        .filter(|&i| i > 0)
        .ok_or_else(|| ApiError::bad_request(format!("{raw:?} is not an id (a positive number)")))
}

/// Paging: `offset` (default 0, at most 10,000) and `limit` (default 20, 1–100).
#[derive(Debug, Clone, Copy, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Items to skip.
    pub offset: Option<usize>,
    /// Items to return (1–100, default 20).
    pub limit: Option<usize>,
}

impl PageParams {
    pub fn resolve(self) -> Result<(usize, usize), ApiError> {
        let offset = self.offset.unwrap_or(0);
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if offset > MAX_OFFSET {
            return Err(ApiError::bad_request(format!(
                "offset {offset} is past {MAX_OFFSET}: narrow the search instead"
            )));
        }
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(ApiError::bad_request(format!(
                "limit must be between 1 and {MAX_LIMIT}"
            )));
        }
        Ok((offset, limit))
    }
}

/// Where the next page starts, when there is one: `fetched` holds up to `limit + 1` items.
fn next_offset<T>(fetched: &mut Vec<T>, offset: usize, limit: usize) -> Option<usize> {
    if fetched.len() > limit {
        fetched.truncate(limit);
        Some(offset + limit)
    } else {
        None
    }
}

/// A search: the query and the same filters as `dictum search`.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Words (all must match), `"a phrase"`, `OR`.
    pub q: Option<String>,
    /// A name or alias, or `#ID`.
    pub speaker: Option<String>,
    /// An outlet's name (or part of it).
    pub outlet: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub since: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub until: Option<String>,
    /// `direct`, `mixed`, `indirect` or `transcript`.
    pub kind: Option<String>,
    pub offset: Option<usize>,
    pub limit: Option<usize>,
}

fn nonempty(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

impl SearchParams {
    /// The store's search, checked: a query, a known kind, paging within bounds.
    pub fn to_search(&self) -> Result<(Search, usize), ApiError> {
        let (offset, limit) = PageParams {
            offset: self.offset,
            limit: self.limit,
        }
        .resolve()?;
        let query = nonempty(&self.q).ok_or_else(|| ApiError::bad_request("q is required"))?;
        let kind = nonempty(&self.kind);
        if let Some(k) = &kind {
            if !KINDS.contains(&k.as_str()) {
                return Err(ApiError::bad_request(format!(
                    "kind {k:?} is not one of direct, mixed, indirect, transcript"
                )));
            }
        }
        Ok((
            Search {
                query,
                speaker: nonempty(&self.speaker),
                outlet: nonempty(&self.outlet),
                since: nonempty(&self.since),
                until: nonempty(&self.until),
                kind,
                // One more than asked: whether there is a next page.
                limit: limit + 1,
            },
            offset,
        ))
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchPage {
    pub query: String,
    pub offset: usize,
    pub limit: usize,
    /// The `offset` of the next page; absent on the last page.
    pub next_offset: Option<usize>,
    /// Statements in rank order, each with its best report (the CLI's `search --json` items).
    pub hits: Vec<Hit>,
}

/// Runs a checked search.
pub(crate) async fn run_search(state: &Shared, p: &SearchParams) -> Result<SearchPage, ApiError> {
    let (search, offset) = p.to_search()?;
    let limit = search.limit - 1;
    let query = search.query.clone();
    let mut hits = state
        .read(move |store| store.search_page(&search, offset))
        .await?;
    let next_offset = next_offset(&mut hits, offset, limit);
    Ok(SearchPage {
        query,
        offset,
        limit,
        next_offset,
        hits,
    })
}

/// Full-text search over statements (BM25), best first, one hit per statement.
#[utoipa::path(
    get,
    path = "/api/search",
    tag = "statements",
    params(SearchParams),
    responses(
        (status = 200, description = "A page of hits", body = SearchPage),
        (status = 400, description = "No query, a bad filter or bad paging", body = ErrorBody)
    )
)]
async fn search(
    State(state): State<Shared>,
    Q(p): Q<SearchParams>,
) -> Result<Json<SearchPage>, ApiError> {
    run_search(&state, &p).await.map(Json)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PeoplePage {
    pub offset: usize,
    pub limit: usize,
    pub next_offset: Option<usize>,
    /// People (and organisations) with statements, most reported first.
    pub people: Vec<PersonSummary>,
}

/// People and organisations with statements, most reported first.
#[utoipa::path(
    get,
    path = "/api/people",
    tag = "people",
    params(PageParams),
    responses(
        (status = 200, description = "A page of people", body = PeoplePage),
        (status = 400, description = "Bad paging", body = ErrorBody)
    )
)]
async fn people(
    State(state): State<Shared>,
    Q(p): Q<PageParams>,
) -> Result<Json<PeoplePage>, ApiError> {
    let (offset, limit) = p.resolve()?;
    let mut people = state
        .read(move |s| s.people_page(offset, Some(limit + 1)))
        .await?;
    let next_offset = next_offset(&mut people, offset, limit);
    Ok(Json(PeoplePage {
        offset,
        limit,
        next_offset,
        people,
    }))
}

/// A person's profile with a page of their statements (newest first, undated last).
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonPage {
    /// The profile (`dictum person --json`), `statements` holding this page only.
    #[serde(flatten)]
    pub person: PersonProfile,
    /// All the person's reports (the statements the pages list).
    pub statements_total: usize,
    pub offset: usize,
    pub limit: usize,
    pub next_offset: Option<usize>,
}

/// One person: aliases, roles, first and last seen, a timeline by month and outlet, statements.
#[utoipa::path(
    get,
    path = "/api/people/{id}",
    tag = "people",
    params(("id" = i64, Path, description = "The person's id"), PageParams),
    responses(
        (status = 200, description = "The person", body = PersonPage),
        (status = 400, description = "Not an id, or bad paging", body = ErrorBody),
        (status = 404, description = "No such person", body = ErrorBody)
    )
)]
async fn person(
    State(state): State<Shared>,
    Id(id): Id,
    Q(p): Q<PageParams>,
) -> Result<Json<PersonPage>, ApiError> {
    let (offset, limit) = p.resolve()?;
    let (mut person, total) = state
        .read(move |s| s.person_page(id, offset, limit + 1))
        .await?;
    let next = next_offset(&mut person.statements, offset, limit);
    Ok(Json(PersonPage {
        person,
        statements_total: total,
        offset,
        limit,
        next_offset: next,
    }))
}

/// One statement with every report of it: outlet, date, the sentence in each article.
#[utoipa::path(
    get,
    path = "/api/statements/{id}",
    tag = "statements",
    params(("id" = i64, Path, description = "The statement's id")),
    responses(
        (status = 200, description = "The statement and its reports", body = StatementView),
        (status = 400, description = "Not an id", body = ErrorBody),
        (status = 404, description = "No such statement", body = ErrorBody)
    )
)]
async fn statement(
    State(state): State<Shared>,
    Id(id): Id,
) -> Result<Json<StatementView>, ApiError> {
    state.read(move |s| s.statement(id)).await.map(Json)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ArticlesPage {
    pub offset: usize,
    pub limit: usize,
    pub next_offset: Option<usize>,
    /// Articles, most recently stored first.
    pub articles: Vec<ArticleSummary>,
}

/// Stored articles, most recently stored first.
#[utoipa::path(
    get,
    path = "/api/articles",
    tag = "articles",
    params(PageParams),
    responses(
        (status = 200, description = "A page of articles", body = ArticlesPage),
        (status = 400, description = "Bad paging", body = ErrorBody)
    )
)]
async fn articles(
    State(state): State<Shared>,
    Q(p): Q<PageParams>,
) -> Result<Json<ArticlesPage>, ApiError> {
    let (offset, limit) = p.resolve()?;
    let mut articles = state
        .read(move |s| s.articles_page(offset, limit + 1))
        .await?;
    let next_offset = next_offset(&mut articles, offset, limit);
    Ok(Json(ArticlesPage {
        offset,
        limit,
        next_offset,
        articles,
    }))
}

/// An article: its cleaned text and its statements, whose spans point into that text.
#[derive(Debug, Serialize, ToSchema)]
pub struct ArticleView {
    pub article: Article,
    /// In text order; `content` are code-point ranges into `article.text`.
    pub statements: Vec<ArticleStatement>,
}

/// One article with its cleaned text and statement spans.
#[utoipa::path(
    get,
    path = "/api/articles/{id}",
    tag = "articles",
    params(("id" = i64, Path, description = "The article's id")),
    responses(
        (status = 200, description = "The article", body = ArticleView),
        (status = 400, description = "Not an id", body = ErrorBody),
        (status = 404, description = "No such article", body = ErrorBody)
    )
)]
async fn article(State(state): State<Shared>, Id(id): Id) -> Result<Json<ArticleView>, ApiError> {
    state
        .read(move |s| {
            Ok(ArticleView {
                article: s.article(id)?,
                statements: s.article_statements(id)?,
            })
        })
        .await
        .map(Json)
}

/// An article to ingest: the fields of `dictum ingest`'s JSON Lines reader.
#[derive(Debug, Deserialize, ToSchema)]
#[allow(dead_code)] // documents the request body; the JSON Lines reader parses it
pub struct ArticleIn {
    /// The document's name (default: `request:<n>`).
    id: Option<String>,
    url: Option<String>,
    title: Option<String>,
    /// The article as plain text (this or `html` is required).
    text: Option<String>,
    /// The article as an HTML page (used when there is no `text`).
    html: Option<String>,
    /// ISO 8601, possibly partial.
    published: Option<String>,
    outlet: Option<String>,
    author: Option<String>,
    language: Option<String>,
}

/// What storing one article did.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct IngestResult {
    pub doc: String,
    /// `new`, `known` (stored before, unchanged), `replaced` or `failed`.
    pub outcome: String,
    /// Statements stored.
    pub statements: usize,
    pub error: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct IngestResponse {
    /// One per article, in request order.
    pub results: Vec<IngestResult>,
}

/// The write token of a request: `Authorization: Bearer T` or `X-Dictum-Token: T`.
fn request_token(headers: &HeaderMap) -> Option<&str> {
    if let Some(v) = headers.get(AUTHORIZATION).and_then(|v| v.to_str().ok()) {
        return v.strip_prefix("Bearer ").map(str::trim);
    }
    headers.get("x-dictum-token").and_then(|v| v.to_str().ok())
}

/// The body as JSON Lines: a JSON object or array (`application/json`), or JSON Lines as sent.
fn to_jsonl(body: &[u8], content_type: &str) -> Result<Vec<u8>, ApiError> {
    if content_type.contains("ndjson") || content_type.contains("jsonl") {
        return Ok(body.to_vec());
    }
    let value: serde_json::Value = serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_request(format!("the body is not JSON: {e}")))?;
    let items = match value {
        serde_json::Value::Array(items) => items,
        v @ serde_json::Value::Object(_) => vec![v],
        _ => {
            return Err(ApiError::bad_request(
                "the body must be an article (a JSON object) or a list of them",
            ))
        }
    };
    let mut out = Vec::with_capacity(body.len() + items.len());
    for item in items {
        // Compact JSON never holds a raw newline: one article per line.
        serde_json::to_writer(&mut out, &item)
            .map_err(|e| ApiError::bad_request(format!("the body is not JSON: {e}")))?;
        out.push(b'\n');
    }
    Ok(out)
}

/// Ingests articles (cleaned and extracted as `dictum ingest` does), when the server was
/// started with a write token and the request carries it.
#[utoipa::path(
    post,
    path = "/api/articles",
    tag = "articles",
    request_body(
        content = Vec<ArticleIn>,
        description = "An article, a list of articles (application/json), or JSON Lines \
(application/x-ndjson)",
        content_type = "application/json"
    ),
    responses(
        (status = 200, description = "What was stored", body = IngestResponse),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 403, description = "Read-only server, or a missing or wrong token", body = ErrorBody),
        (status = 413, description = "The body is larger than the server accepts", body = ErrorBody)
    )
)]
async fn post_articles(
    State(state): State<Shared>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<IngestResponse>, ApiError> {
    if !state.can_write() {
        return Err(ApiError::forbidden(
            "this server is read-only: start it with --write-token (or $DICTUM_WRITE_TOKEN)",
        ));
    }
    if !state.token_ok(request_token(&headers)) {
        return Err(ApiError::forbidden(
            "a missing or wrong write token (send Authorization: Bearer TOKEN)",
        ));
    }
    let max = state.max_body();
    let too_large = || ApiError::too_large(format!("the body is larger than {max} bytes"));
    let declared = headers
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max as u64) {
        return Err(too_large());
    }
    let bytes = axum::body::to_bytes(body, max).await.map_err(|e| {
        if is_length_limit(&e) {
            too_large()
        } else {
            ApiError::bad_request(format!("cannot read the body: {e}"))
        }
    })?;
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("application/json")
        .to_ascii_lowercase();
    let jsonl = to_jsonl(&bytes, &content_type)?;
    let results = state.write(jsonl).await?;
    Ok(Json(IngestResponse { results }))
}

fn is_length_limit(e: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = source {
        if s.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = s.source();
    }
    false
}

/// Totals of the database.
#[utoipa::path(
    get,
    path = "/api/stats",
    tag = "statements",
    responses((status = 200, description = "Totals", body = Stats))
)]
async fn stats(State(state): State<Shared>) -> Result<Json<Stats>, ApiError> {
    state.read(|s| s.stats()).await.map(Json)
}

/// Filters and paging of a talking-point list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PointParams {
    /// Only reports by this person (any alias, or #ID).
    pub speaker: Option<String>,
    /// Only reports in outlets whose name is or contains this.
    pub outlet: Option<String>,
    /// Only reports of this kind.
    pub kind: Option<String>,
    /// Only reports published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    pub since: Option<String>,
    /// Only reports published on or before this date.
    pub until: Option<String>,
    /// Only points reported in at least this many articles (default 2; copies count once).
    pub min_articles: Option<i64>,
    /// Items to skip.
    pub offset: Option<usize>,
    /// Items to return (1–100, default 20).
    pub limit: Option<usize>,
}

/// A page of talking points, most recurring first.
#[derive(Debug, Serialize, ToSchema)]
pub struct TalkingPointsPage {
    pub points: Vec<TalkingPoint>,
    pub offset: usize,
    pub limit: usize,
    /// The offset of the next page, when there is one.
    pub next_offset: Option<usize>,
}

async fn point_list(
    state: &Shared,
    p: PointParams,
    speaker: Option<String>,
) -> Result<TalkingPointsPage, ApiError> {
    let (offset, limit) = PageParams {
        offset: p.offset,
        limit: p.limit,
    }
    .resolve()?;
    let kind = nonempty(&p.kind);
    if let Some(k) = &kind {
        if !KINDS.contains(&k.as_str()) {
            return Err(ApiError::bad_request(format!(
                "kind must be one of {}",
                KINDS.join(", ")
            )));
        }
    }
    let filter = PointFilter {
        speaker: speaker.or_else(|| nonempty(&p.speaker)),
        outlet: nonempty(&p.outlet),
        kind,
        since: nonempty(&p.since),
        until: nonempty(&p.until),
        limit: offset + limit + 1,
        min_articles: p.min_articles.unwrap_or(2).max(1),
    };
    let all = state.read(move |s| s.talking_points(&filter)).await?;
    let mut points: Vec<TalkingPoint> = all.into_iter().skip(offset).collect();
    let next_offset = next_offset(&mut points, offset, limit);
    Ok(TalkingPointsPage {
        points,
        offset,
        limit,
        next_offset,
    })
}

/// Talking points: statements grouped by meaning across outlets and speakers, most recurring
/// first (distinct articles), each with its reports in time order.
#[utoipa::path(
    get,
    path = "/api/talking-points",
    tag = "talking points",
    params(PointParams),
    responses(
        (status = 200, description = "A page of talking points", body = TalkingPointsPage),
        (status = 400, description = "Bad filters or paging", body = ErrorBody)
    )
)]
async fn talking_points(
    State(state): State<Shared>,
    Q(p): Q<PointParams>,
) -> Result<Json<TalkingPointsPage>, ApiError> {
    point_list(&state, p, None).await.map(Json)
}

/// One talking point: label, its reports in time order, counts by month, outlet and speaker.
#[utoipa::path(
    get,
    path = "/api/talking-points/{id}",
    tag = "talking points",
    params(("id" = i64, Path, description = "The talking point's id")),
    responses(
        (status = 200, description = "The talking point", body = TalkingPointView),
        (status = 400, description = "Not an id", body = ErrorBody),
        (status = 404, description = "No such talking point", body = ErrorBody)
    )
)]
async fn talking_point(
    State(state): State<Shared>,
    Id(id): Id,
) -> Result<Json<TalkingPointView>, ApiError> {
    state.read(move |s| s.talking_point(id)).await.map(Json)
}

/// A person's talking points: those with a report by this person (in one article or more),
/// with only that person's reports.
#[utoipa::path(
    get,
    path = "/api/people/{id}/talking-points",
    tag = "talking points",
    params(("id" = i64, Path, description = "The person's id"), PointParams),
    responses(
        (status = 200, description = "A page of the person's talking points", body = TalkingPointsPage),
        (status = 400, description = "Not an id, bad filters or paging", body = ErrorBody)
    )
)]
async fn person_talking_points(
    State(state): State<Shared>,
    Id(id): Id,
    Q(mut p): Q<PointParams>,
) -> Result<Json<TalkingPointsPage>, ApiError> {
    p.min_articles = Some(p.min_articles.unwrap_or(1));
    point_list(&state, p, Some(format!("#{id}")))
        .await
        .map(Json)
}

/// Paging of similar statements: `offset` and `limit` (default 10), `offset + limit` at most
/// 100.
#[derive(Debug, Clone, Copy, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SimilarParams {
    /// Statements to skip.
    pub offset: Option<usize>,
    /// Statements to return (default 10; `offset + limit` at most 100).
    pub limit: Option<usize>,
}

/// Statements near in meaning to one statement, nearest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct SimilarPage {
    /// The statement the others are compared with.
    pub statement: i64,
    /// The sentence model that compared them (the one the talking points were grouped with).
    pub model: String,
    pub offset: usize,
    pub limit: usize,
    /// The `offset` of the next page; absent on the last page.
    pub next_offset: Option<usize>,
    /// Nearest first; the statement itself is left out.
    pub similar: Vec<Similar>,
}

/// Statements that say the same thing in other words: the members of the talking points
/// nearest to this statement, ranked by their own cosine (as `dictum similar ID`). Needs the
/// database's talking points and the sentence model they were grouped with (409 otherwise).
#[utoipa::path(
    get,
    path = "/api/statements/{id}/similar",
    tag = "statements",
    params(("id" = i64, Path, description = "The statement's id"), SimilarParams),
    responses(
        (status = 200, description = "A page of similar statements", body = SimilarPage),
        (status = 400, description = "Not an id, or bad paging", body = ErrorBody),
        (status = 404, description = "No such statement", body = ErrorBody),
        (status = 409, description = "No talking points in the database (`no_talking_points`), \
no sentence model in the server (`no_model`), or another model than the database's \
(`model_mismatch`)", body = ErrorBody)
    )
)]
async fn similar(
    State(state): State<Shared>,
    Id(id): Id,
    Q(p): Q<SimilarParams>,
) -> Result<Json<SimilarPage>, ApiError> {
    run_similar(&state, id, p).await.map(Json)
}

/// Similar statements, checked: paging, the model, the talking points.
pub(crate) async fn run_similar(
    state: &Shared,
    id: i64,
    p: SimilarParams,
) -> Result<SimilarPage, ApiError> {
    let offset = p.offset.unwrap_or(0);
    let limit = p.limit.unwrap_or(DEFAULT_SIMILAR);
    if limit == 0 || offset.saturating_add(limit) > MAX_SIMILAR {
        return Err(ApiError::bad_request(format!(
            "limit must be at least 1 and offset + limit at most {MAX_SIMILAR}"
        )));
    }
    let model = state.model();
    let (model_name, mut similar) = state
        .read(move |s| {
            let text = s.statement_text(id)?;
            let Some(model) = model else {
                return Ok(Err(ApiError::conflict(
                    "no_model",
                    "this server has no sentence model: start it with $DICTUM_STATIC_MODEL set \
                     (or --model-dir) to the model the talking points were grouped with",
                )));
            };
            let Some(stored) = s.points_model()? else {
                return Ok(Err(ApiError::conflict(
                    "no_talking_points",
                    "this database has no talking points yet: `dictum group` groups its statements",
                )));
            };
            if stored != model.name() {
                return Ok(Err(ApiError::conflict(
                    "model_mismatch",
                    format!(
                        "this database was grouped with the {stored} model, but the server holds \
                         the {} model",
                        model.name()
                    ),
                )));
            }
            let found = s.similar(model.as_ref(), &text, Some(id), offset + limit + 1)?;
            Ok(Ok((stored, found)))
        })
        .await??;
    let mut page: Vec<Similar> = similar.drain(..).skip(offset).collect();
    let next_offset = next_offset(&mut page, offset, limit);
    Ok(SimilarPage {
        statement: id,
        model: model_name,
        offset,
        limit,
        next_offset,
        similar: page,
    })
}
