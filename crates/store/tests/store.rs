//! The database through its public API, on fictional articles.

use dictum_store::{Mode, NewArticle, Options, Outcome, Search, Store, StoreError};

mod common;
use common::{article, open, statement, BODY, QUOTE};

fn search(store: &Store, q: &str) -> Vec<dictum_store::Hit> {
    store
        .search(&Search {
            query: q.into(),
            limit: 10,
            ..Default::default()
        })
        .unwrap()
}

#[test]
fn one_person_across_spellings_and_one_statement_across_outlets() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = open(tmp.path());
    let truncated = "“We remain open to dialogue with our neighbours, but only on equal terms and with respect for the interests of both sides";
    let out = store
        .put_batch(&[
            article(
                "a1",
                "Harbour Herald",
                "2021-05-17",
                &format!("{BODY} One."),
                vec![statement("direct", QUOTE, Some("Sergey Lavrov"))],
            ),
            article(
                "a2",
                "Coast News",
                "2022-02-10",
                &format!("{BODY} Two, different enough to be its own text: the mayor spoke at length about ferries, buses and bicycles, and the opposition asked for a vote."),
                vec![
                    statement("direct", truncated, Some("Sergei Lavrov")),
                    statement("indirect", "the pier would reopen in September", Some("Marta Kiel")),
                ],
            ),
        ])
        .unwrap();
    assert_eq!(out.len(), 2);
    assert!(matches!(out[0], Ok(Outcome::New(1))));
    store.flush().unwrap();
    let p = store.person("Lavrov").unwrap();
    assert!(
        p.aliases.contains(&"Sergey Lavrov".to_string()),
        "{:?}",
        p.aliases
    );
    assert!(
        p.aliases.contains(&"Sergei Lavrov".to_string()),
        "{:?}",
        p.aliases
    );
    assert_eq!(p.statements.len(), 2);
    assert_eq!(p.first_seen.as_deref(), Some("2021-05-17"));
    assert_eq!(p.last_seen.as_deref(), Some("2022-02-10"));
    // The truncated quote is another report of the same statement.
    assert_eq!(p.statements[0].id, p.statements[1].id);
    let s = store.statement(p.statements[0].id).unwrap();
    assert_eq!(s.reports.len(), 2);
    assert_eq!(s.outlets, ["Harbour Herald", "Coast News"]);
    assert_eq!(
        s.first.as_ref().unwrap().published.as_deref(),
        Some("2021-05-17")
    );
    // Search with a speaker alias and a phrase.
    let hits = store
        .search(&Search {
            query: "\"equal terms\"".into(),
            speaker: Some("Sergei Lavrov".into()),
            limit: 5,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits.len(), 1, "one statement, not one per report");
    assert_eq!(hits[0].reports, 2);
    assert!(!hits[0].matches.is_empty());
    let none = store
        .search(&Search {
            query: "\"equal terms\"".into(),
            speaker: Some("Marta Kiel".into()),
            limit: 5,
            ..Default::default()
        })
        .unwrap();
    assert!(none.is_empty());
}

#[test]
fn ingest_is_idempotent_and_a_changed_article_replaces_the_old() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = open(tmp.path());
    let mut a = article(
        "p1",
        "Herald",
        "2023-01-02",
        BODY,
        vec![statement(
            "indirect",
            "the pier will close for repairs",
            Some("Ana Ruiz"),
        )],
    );
    a.url = Some("https://herald.example/p1".into());
    assert!(matches!(
        store.put_batch(std::slice::from_ref(&a)).unwrap()[0],
        Ok(Outcome::New(1))
    ));
    assert!(matches!(
        store.put_batch(std::slice::from_ref(&a)).unwrap()[0],
        Ok(Outcome::Known)
    ));
    let mut b = a.clone();
    b.text = format!("{BODY} Update: the pier reopens early.");
    b.statements = vec![statement(
        "indirect",
        "the ferries will sail from the canal basin",
        Some("Ana Ruiz"),
    )];
    assert!(matches!(
        store.put_batch(&[b]).unwrap()[0],
        Ok(Outcome::Replaced(1))
    ));
    store.flush().unwrap();
    let stats = store.stats().unwrap();
    assert_eq!((stats.articles, stats.statements, stats.reports), (1, 1, 1));
    assert!(
        search(&store, "repairs").is_empty(),
        "the old version's statement is gone"
    );
    assert_eq!(search(&store, "ferries").len(), 1);
    // Without a URL, the same text is the same article.
    let c = article(
        "p2",
        "Herald",
        "2023-01-03",
        "Short text without a URL.",
        vec![],
    );
    assert!(matches!(
        store.put_batch(std::slice::from_ref(&c)).unwrap()[0],
        Ok(Outcome::New(0))
    ));
    let mut c2 = c.clone();
    c2.doc = "p2-again".into();
    assert!(matches!(
        store.put_batch(&[c2]).unwrap()[0],
        Ok(Outcome::Known)
    ));
    assert!(store.check().unwrap().ok());
}

#[test]
fn two_people_with_one_surname_stay_apart() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = open(tmp.path());
    store
        .put_batch(&[
            article(
                "j1",
                "A",
                "2020-01-01",
                "one text",
                vec![statement(
                    "indirect",
                    "taxes will fall",
                    Some("Boris Johnson"),
                )],
            ),
            article(
                "j2",
                "B",
                "2020-01-02",
                "two text",
                vec![statement(
                    "indirect",
                    "the war must end",
                    Some("Lyndon Johnson"),
                )],
            ),
            article(
                "j3",
                "C",
                "2020-01-03",
                "three text",
                vec![statement("indirect", "the budget is fair", Some("Johnson"))],
            ),
            article(
                "j4",
                "D",
                "2020-01-04",
                "four text",
                vec![statement(
                    "indirect",
                    "the ports are busy",
                    Some("B. Johnson"),
                )],
            ),
        ])
        .unwrap();
    let people = store.people(None).unwrap();
    let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    assert!(
        names.contains(&"Boris Johnson") && names.contains(&"Lyndon Johnson"),
        "{names:?}"
    );
    let boris = store.person("Boris Johnson").unwrap();
    assert_eq!(
        boris.statements.len(),
        2,
        "B. Johnson is Boris: {:?}",
        boris.statements
    );
    let lyndon = store.person("Lyndon Johnson").unwrap();
    assert_eq!(lyndon.statements.len(), 1);
    // "Johnson" alone is ambiguous: neither Boris nor Lyndon gets it.
    assert!(people.iter().any(|p| p.name == "Johnson"), "{names:?}");
}

#[test]
fn merges_splits_and_aliases_survive_later_ingests() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = open(tmp.path());
    store
        .put_batch(&[
            article(
                "m1",
                "A",
                "2020-01-01",
                "m one",
                vec![statement("indirect", "rates will rise", Some("Ann Lee"))],
            ),
            article(
                "m2",
                "B",
                "2020-01-02",
                "m two",
                vec![statement("indirect", "rates will fall", Some("Annie Lee"))],
            ),
        ])
        .unwrap();
    assert_eq!(store.people(None).unwrap().len(), 2);
    store.merge_people("Ann Lee", "Annie Lee").unwrap();
    store
        .alias_person("Ann Lee", &["Governor Lee of the bank".to_string()])
        .unwrap();
    store
        .put_batch(&[article(
            "m3",
            "C",
            "2020-01-03",
            "m three",
            vec![
                statement("indirect", "inflation is easing", Some("Annie Lee")),
                statement(
                    "indirect",
                    "the bank is ready",
                    Some("Governor Lee of the bank"),
                ),
            ],
        )])
        .unwrap();
    let people = store.people(None).unwrap();
    assert_eq!(people.len(), 1, "{people:?}");
    assert_eq!(people[0].reports, 4);
    // Split "Annie Lee" out again: her reports move, and later ingests follow.
    store
        .split_person("Ann Lee", &["Annie Lee".to_string()])
        .unwrap();
    store
        .put_batch(&[article(
            "m4",
            "D",
            "2020-01-04",
            "m four",
            vec![statement("indirect", "wages are rising", Some("Annie Lee"))],
        )])
        .unwrap();
    store.flush().unwrap();
    let annie = store.person("Annie Lee").unwrap();
    assert_eq!(annie.statements.len(), 3, "{:?}", annie.statements);
    let ann = store.person("Ann Lee").unwrap();
    assert_eq!(ann.statements.len(), 2);
    // The index follows the moves: a speaker filter finds Annie's statement.
    let hits = store
        .search(&Search {
            query: "rates".into(),
            speaker: Some("Annie Lee".into()),
            limit: 5,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].text, "rates will fall");
}

#[test]
fn filters_by_outlet_date_and_kind() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = open(tmp.path());
    store
        .put_batch(&[
            article(
                "f1",
                "The Harbour Herald",
                "2021-03-05",
                "f one",
                vec![statement("direct", "“ships are late”", Some("Ana Ruiz"))],
            ),
            article(
                "f2",
                "Coast News",
                "2022-07-09",
                "f two",
                vec![statement("indirect", "ships are early", Some("Ana Ruiz"))],
            ),
        ])
        .unwrap();
    store.flush().unwrap();
    let q = |f: &dyn Fn(&mut Search)| {
        let mut s = Search {
            query: "ships".into(),
            limit: 10,
            ..Default::default()
        };
        f(&mut s);
        store
            .search(&s)
            .unwrap()
            .into_iter()
            .map(|h| h.doc)
            .collect::<Vec<_>>()
    };
    assert_eq!(q(&|s| s.outlet = Some("harbour herald".into())), ["f1"]);
    assert_eq!(q(&|s| s.since = Some("2022".into())), ["f2"]);
    assert_eq!(q(&|s| s.until = Some("2021-03".into())), ["f1"]);
    assert_eq!(q(&|s| s.kind = Some("indirect".into())), ["f2"]);
    let bad = store.search(&Search {
        query: "ships".into(),
        since: Some("March 2021".into()),
        limit: 3,
        ..Default::default()
    });
    assert!(matches!(bad, Err(StoreError::Date(_))));
}

#[test]
fn copied_articles_are_linked_and_not_counted_twice() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = open(tmp.path());
    let copy = format!(
        "Subscribe to our newsletter for the latest news.\nShare this story\n{BODY}\nRead more: Lighthouse keepers vote to strike\n© 2024 Example Media"
    );
    let st = || vec![statement("direct", QUOTE, Some("Marta Kiel"))];
    store
        .put_batch(&[
            article("orig", "Harbour Herald", "2024-04-01", BODY, st()),
            article("copy", "Aggregator Daily", "2024-04-02", &copy, st()),
        ])
        .unwrap();
    let stats = store.stats().unwrap();
    assert_eq!(stats.copies, 1);
    let p = store.person("Marta Kiel").unwrap();
    let s = store.statement(p.statements[0].id).unwrap();
    assert_eq!(s.reports.len(), 2);
    assert_eq!(s.independent_reports, 1);
    assert_eq!(s.outlets.len(), 2);
}

#[test]
fn an_interrupted_index_catches_up_on_the_next_open() {
    let tmp = tempfile::tempdir().unwrap();
    {
        let mut store = open(tmp.path());
        store
            .put_batch(&[article(
                "i1",
                "A",
                "2020-01-01",
                "i one",
                vec![statement(
                    "indirect",
                    "lighthouses need keepers",
                    Some("Ana Ruiz"),
                )],
            )])
            .unwrap();
        // Dropped without flush or close: the rows are committed, the index is not.
    }
    let store = open(tmp.path());
    assert_eq!(search(&store, "lighthouses").len(), 1);
    assert!(store.check().unwrap().ok());
}

#[test]
fn a_lost_or_damaged_index_is_rebuilt_from_the_database() {
    let tmp = tempfile::tempdir().unwrap();
    {
        let mut store = open(tmp.path());
        store
            .put_batch(&[article(
                "d1",
                "A",
                "2020-01-01",
                "d one",
                vec![statement("indirect", "tides are rising", Some("Ana Ruiz"))],
            )])
            .unwrap();
        store.close().unwrap();
    }
    let index = tmp.path().join(dictum_store::INDEX_DIR);
    std::fs::remove_dir_all(&index).unwrap();
    let store = open(tmp.path());
    assert!(
        store.notes().iter().any(|n| n.contains("rebuilding")),
        "{:?}",
        store.notes()
    );
    assert_eq!(search(&store, "tides").len(), 1);
    drop(store);
    std::fs::write(index.join("meta.json"), b"{ not json").unwrap();
    let store = open(tmp.path());
    assert!(
        store.notes().iter().any(|n| n.contains("damaged")),
        "{:?}",
        store.notes()
    );
    assert_eq!(search(&store, "tides").len(), 1);
}

#[test]
fn a_file_that_is_not_a_database_is_refused_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join(dictum_store::DB_FILE);
    let junk = b"this is not an SQLite database, it is a shopping list: eggs, milk\n".repeat(100);
    std::fs::write(&db, &junk).unwrap();
    let err = Store::open(tmp.path(), Mode::Write).err().expect("refused");
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    assert!(err.to_string().contains("dictum.db"), "{err}");
    assert_eq!(
        std::fs::read(&db).unwrap(),
        junk,
        "the file is left as it was"
    );
}

#[test]
fn a_full_disk_stops_the_batch_and_keeps_what_was_stored() {
    let tmp = tempfile::tempdir().unwrap();
    let opts = Options {
        max_pages: Some(60),
    };
    let mut store = Store::open_with(tmp.path(), Mode::Write, &opts).unwrap();
    let mut stored = 0;
    let mut error = None;
    for i in 0..400 {
        let text = format!(
            "{BODY} Article number {i} with its own words: {}",
            "pier ".repeat(i % 7)
        );
        let a = article(
            &format!("full{i}"),
            "Herald",
            "2020-01-01",
            &text,
            vec![statement(
                "indirect",
                &format!("claim number {i} about the pier"),
                Some("Ana Ruiz"),
            )],
        );
        match store.put_batch(&[a]) {
            Ok(_) => stored += 1,
            Err(e) => {
                error = Some(e);
                break;
            }
        }
    }
    let e = error.expect("the page limit is reached");
    assert!(matches!(e, StoreError::DiskFull { .. }), "{e:?}");
    assert!(e.to_string().contains("disk full"), "{e}");
    drop(store);
    let store = Store::open(tmp.path(), Mode::Write).unwrap();
    let check = store.check().unwrap();
    assert!(check.ok(), "{check:?}");
    assert_eq!(check.stats.articles, stored);
    assert!(stored > 0);
}

/// Every report as (statement, report, doc, text, copy_of), in report order.
fn reports(store: &Store) -> Vec<(i64, i64, String, String, Option<i64>)> {
    let mut out = Vec::new();
    store
        .export::<StoreError>(&Search::default(), |r| {
            out.push((r.statement, r.report, r.doc, r.text, r.copy_of));
            Ok(())
        })
        .unwrap();
    out.sort_by_key(|r| r.1);
    out
}

/// Batches of articles that repeat statements (in full, cut, re-punctuated), copy each other
/// and replace one another.
fn repeating_batches() -> Vec<Vec<NewArticle>> {
    let quotes = [
        "“We remain open to dialogue with our neighbours, but only on equal terms and with respect for the interests of both sides,”",
        "“The harbour will reopen when the engineers say the supports are safe, not a day sooner,”",
        "“Compensation will reach every stall holder who can show lost income this summer,”",
    ];
    let speakers = ["Marta Kiel", "Ana Ruiz", "Marta Kiel"];
    let mut batches = Vec::new();
    for b in 0..6 {
        let mut batch = Vec::new();
        for i in 0..4 {
            let n = b * 4 + i;
            let q = quotes[n % quotes.len()];
            // Cut, re-punctuated or whole: still the same statement.
            let text = match n % 3 {
                0 => q.to_string(),
                1 => q.replace(',', "").to_uppercase(),
                _ => q.split(" but ").next().unwrap_or(q).to_string(),
            };
            let body = if n % 5 == 0 {
                // A copy of the shared body with furniture around it.
                format!("Share this story\n{BODY}\nRead more: harbour news number {n}")
            } else {
                format!("Report {n}. {BODY} Filed as number {n} of the series on the harbour.")
            };
            batch.push(article(
                &format!("a{n}"),
                ["Harbour Herald", "Coast News", "Bay Times"][n % 3],
                &format!("2024-0{}-1{}", 1 + n % 9, n % 10),
                &body,
                vec![
                    statement("direct", &text, Some(speakers[n % speakers.len()])),
                    statement(
                        "indirect",
                        &format!("the pier number {n} would close"),
                        None,
                    ),
                ],
            ));
        }
        if b == 3 {
            // A new version of an earlier article (same origin, new text): a delete.
            batch.push(article(
                "a1",
                "Coast News",
                "2024-02-11",
                &format!("A corrected report. {BODY}"),
                vec![statement("direct", quotes[1], Some("Ana Ruiz"))],
            ));
        }
        batches.push(batch);
    }
    batches
}

#[test]
fn read_ahead_on_older_snapshots_stores_exactly_what_the_writer_finds_alone() {
    let alone = tempfile::tempdir().unwrap();
    let ahead = tempfile::tempdir().unwrap();
    let mut a = open(alone.path());
    for batch in repeating_batches() {
        a.put_batch(&batch).unwrap();
    }
    // Each batch is read ahead two batches before it is stored, as `dictum ingest` does
    // while the writer is busy: its snapshot misses the two batches stored in between.
    let mut b = open(ahead.path());
    let lookups = b.lookups();
    let mut waiting: std::collections::VecDeque<Vec<dictum_store::Prepared>> = Default::default();
    for batch in repeating_batches() {
        let mut prepared: Vec<dictum_store::Prepared> = batch.into_iter().map(Into::into).collect();
        lookups.fill(&mut prepared);
        waiting.push_back(prepared);
        if waiting.len() > 2 {
            b.put_batch(waiting.pop_front().unwrap()).unwrap();
        }
    }
    while let Some(p) = waiting.pop_front() {
        b.put_batch(p).unwrap();
    }
    let (ra, rb) = (reports(&a), reports(&b));
    assert_eq!(ra, rb);
    // The corpus did exercise the lookups: statements repeated and articles copied.
    let statements: std::collections::HashSet<i64> = ra.iter().map(|r| r.0).collect();
    assert!(
        statements.len() < ra.len() - 5,
        "{} of {}",
        statements.len(),
        ra.len()
    );
    assert!(ra.iter().any(|r| r.4.is_some()));
}

#[test]
fn a_statement_reported_again_after_an_index_flush_is_found_by_both_outlets_and_dates() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = open(tmp.path());
    let st = || vec![statement("direct", QUOTE, Some("Marta Kiel"))];
    store
        .put_batch(&[article("one", "Harbour Herald", "2021-03-05", "one", st())])
        .unwrap();
    store.flush().unwrap();
    store
        .put_batch(&[article("two", "Coast News", "2023-07-09", "two", st())])
        .unwrap();
    store.flush().unwrap();
    let found = |store: &Store, f: &dyn Fn(&mut Search)| {
        let mut s = Search {
            query: "dialogue".into(),
            limit: 10,
            ..Default::default()
        };
        f(&mut s);
        store.search(&s).unwrap().len()
    };
    assert_eq!(found(&store, &|_| {}), 1);
    assert_eq!(
        found(&store, &|s| s.outlet = Some("Harbour Herald".into())),
        1
    );
    assert_eq!(found(&store, &|s| s.outlet = Some("Coast News".into())), 1);
    assert_eq!(found(&store, &|s| s.until = Some("2021".into())), 1);
    assert_eq!(found(&store, &|s| s.since = Some("2023".into())), 1);
    assert_eq!(found(&store, &|s| s.since = Some("2024".into())), 0);
    // A replaced report takes its outlet with it.
    store
        .put_batch(&[article(
            "two",
            "Coast News",
            "2023-07-09",
            "two, corrected",
            vec![],
        )])
        .unwrap();
    store.flush().unwrap();
    assert_eq!(found(&store, &|s| s.outlet = Some("Coast News".into())), 0);
    assert_eq!(
        found(&store, &|s| s.outlet = Some("Harbour Herald".into())),
        1
    );
}
