//! The read indexes (schema::READ_INDEXES): the same answers with and without them, and a
//! database from before them gains them at its next opening for writing.

use dictum_store::{Mode, Search, Store};

mod common;
use common::{article, open, statement, QUOTE};

const BODY: &str = "The harbour authority of Velmar announced on Tuesday that the northern pier \
will close for repairs until the end of the summer season. Fishing crews will move their boats \
to the old canal basin, where temporary moorings are being built by the city's engineers.";

fn indexes(dir: &std::path::Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(dir.join("dictum.db")).unwrap();
    let mut st = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('reports', 'articles') AND sql IS NOT NULL ORDER BY name")
        .unwrap();
    let names = st
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<Vec<String>, _>>()
        .unwrap();
    names
}

/// A search hit shows the statement's earliest report passing the filters, the same with the
/// read indexes (a database written now) and without them (a database from before them).
#[test]
fn a_hit_is_the_earliest_report_with_and_without_the_read_indexes() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = open(tmp.path());
    let quote = || vec![statement("direct", QUOTE, Some("Ivan Petrov"))];
    let one = |doc: &str, outlet: &str, published: &str| {
        let body = format!("{doc}: {QUOTE} {}", &BODY[..BODY.len() / (doc.len() + 1)]);
        article(doc, outlet, published, &body, quote())
    };
    let mut undated = one("c", "Coast News", "2020-01-01");
    undated.published = None;
    // Stored out of date order; "dd" and "bbb" share a day (the report stored first wins).
    store
        .put_batch(&[
            one("a", "The Harbour Herald", "2022-05-01"),
            undated,
            one("dd", "The Harbour Herald", "2021-01-10"),
            one("bbb", "Coast News", "2021-01-10"),
        ])
        .unwrap();
    store.close().unwrap();
    let hits = |store: &Store| {
        let cases: [&dyn Fn(&mut Search); 5] = [
            &|_| {},
            &|s| s.outlet = Some("coast news".into()),
            &|s| s.since = Some("2022".into()),
            &|s| s.until = Some("2021-06".into()),
            &|s| s.outlet = Some("herald".into()),
        ];
        cases
            .iter()
            .map(|f| {
                let mut s = Search {
                    query: "dialogue".into(),
                    limit: 10,
                    ..Default::default()
                };
                f(&mut s);
                store
                    .search(&s)
                    .unwrap()
                    .into_iter()
                    .map(|h| (h.id, h.report, h.doc, h.reports))
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>()
    };
    let with = hits(&Store::open(tmp.path(), Mode::Read).unwrap());
    let docs: Vec<Vec<&str>> = with
        .iter()
        .map(|c| c.iter().map(|h| h.2.as_str()).collect())
        .collect();
    assert_eq!(docs, [["dd"], ["bbb"], ["a"], ["dd"], ["dd"]], "{with:?}");
    assert!(with.iter().flatten().all(|h| h.3 == 4), "{with:?}");
    let person = |store: &Store| {
        let id = store.people(Some(1)).unwrap()[0].id;
        let (p, total) = store.person_page(id, 0, 10).unwrap();
        let ids: Vec<(i64, i64)> = p.statements.iter().map(|s| (s.id, s.report)).collect();
        (
            ids,
            total,
            p.articles,
            p.first_seen,
            p.last_seen,
            p.timeline.len(),
        )
    };
    let with_person = person(&Store::open(tmp.path(), Mode::Read).unwrap());
    assert_eq!(with_person.1, 4);
    let wide = [
        "articles_day",
        "articles_copy",
        "articles_hash",
        "articles_origin",
        "articles_url",
        "reports_article",
        "reports_person_article",
        "reports_statement_article",
    ];
    let mut sorted = wide.to_vec();
    sorted.sort_unstable();
    assert_eq!(indexes(tmp.path()), sorted);
    // A database as version 1 left it: the narrow indexes only.
    let conn = rusqlite::Connection::open(tmp.path().join("dictum.db")).unwrap();
    conn.execute_batch(
        "DROP INDEX reports_statement_article; DROP INDEX reports_person_article;
         DROP INDEX articles_day; CREATE INDEX reports_statement ON reports(statement_id);
         CREATE INDEX reports_person ON reports(person_id);",
    )
    .unwrap();
    drop(conn);
    let without = hits(&Store::open(tmp.path(), Mode::Read).unwrap());
    assert_eq!(with, without);
    assert_eq!(
        person(&Store::open(tmp.path(), Mode::Read).unwrap()),
        with_person
    );
    // Its next opening for writing replaces them.
    open(tmp.path()).close().unwrap();
    assert_eq!(indexes(tmp.path()), sorted);
}
