//! Talking points through the store's public API, with a toy sentence model.

use dictum_store::{Mode, NewArticle, NewStatement, PointFilter, PointModel, Store};

/// A sentence model that knows four topics by their words, plus a direction every text
/// shares (as real sentence models have).
struct Toy(&'static str);

const TOPICS: [&[&str]; 4] = [
    &["dialogue", "equal", "respect", "terms"],
    &["harbour", "pier", "ferries", "boats"],
    &["grain", "harvest", "prices", "wheat"],
    &["match", "goal", "coach", "season"],
];

impl PointModel for Toy {
    fn name(&self) -> &str {
        self.0
    }
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, String> {
        Ok(texts
            .iter()
            .map(|t| {
                let lower = t.to_lowercase();
                let mut v = [2.0f32, 0.0, 0.0, 0.0, 0.0, 0.0];
                for (i, words) in TOPICS.iter().enumerate() {
                    v[i + 1] = words.iter().filter(|w| lower.contains(*w)).count() as f32;
                }
                // A little of the text's length, so that no two vectors are identical.
                v[5] = (t.len() % 7) as f32 * 0.05;
                let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
                v.iter().map(|x| x / n).collect()
            })
            .collect())
    }
}

fn statement(text: &str, speaker: &str) -> NewStatement {
    NewStatement {
        kind: "direct".into(),
        content: vec![[0, text.chars().count()]],
        text: text.into(),
        cue: None,
        source: None,
        speaker: Some(speaker.into()),
        roles: Vec::new(),
        sentence: [0, 10],
    }
}

fn article(doc: &str, outlet: &str, published: &str, st: Vec<NewStatement>) -> NewArticle {
    let body: String = st
        .iter()
        .map(|s| s.text.clone())
        .collect::<Vec<_>>()
        .join(" ");
    NewArticle {
        doc: doc.into(),
        origin: Some(format!("tests/{doc}.txt")),
        url: Some(format!("https://{outlet}.example/{doc}")),
        title: Some(format!("Title of {doc}")),
        outlet: Some(outlet.into()),
        published: Some(published.into()),
        text: format!("{body} The rest of the article {doc} is about other things entirely."),
        statements: st,
        ..Default::default()
    }
}

fn corpus() -> Vec<NewArticle> {
    vec![
        article(
            "a1",
            "Herald",
            "2021-03-01",
            vec![
                statement("We want dialogue on equal terms", "Anna Berg"),
                statement("The pier will close and the ferries move", "Tom Vale"),
            ],
        ),
        article(
            "a2",
            "Courier",
            "2022-06-10",
            vec![
                statement("Dialogue is possible only with mutual respect", "Anna Berg"),
                statement("Grain prices rose after a poor wheat harvest", "Lia Moss"),
            ],
        ),
        article(
            "a3",
            "Post",
            "2023-09-20",
            vec![
                statement(
                    "Only on equal terms, with respect, can there be dialogue",
                    "Anna Berg",
                ),
                statement("The coach said the goal decided the match", "Ivo Sand"),
            ],
        ),
    ]
}

fn grouped(dir: &std::path::Path) -> Store {
    let mut store = Store::open(dir, Mode::Write).unwrap();
    store.put_batch(corpus()).unwrap();
    store.flush().unwrap();
    let g = store.group_pending(&Toy("toy"), &mut |_, _| {}).unwrap();
    assert_eq!(g.grouped, 6);
    assert_eq!(g.joined, 2, "{g:?}");
    assert_eq!(g.points, 4, "{g:?}");
    store
}

#[test]
fn statements_group_by_meaning_across_articles_and_years() {
    let tmp = tempfile::tempdir().unwrap();
    let store = grouped(tmp.path());
    let points = store
        .talking_points(&PointFilter {
            limit: 10,
            min_articles: 2,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(points.len(), 1, "{points:?}");
    let p = &points[0];
    assert_eq!(p.articles, 3);
    assert_eq!(p.statements.len(), 3);
    let docs: Vec<&str> = p.statements.iter().map(|s| s.doc.as_str()).collect();
    assert_eq!(docs, ["a1", "a2", "a3"], "time order");
    assert!(p
        .statements
        .iter()
        .all(|s| s.speaker.as_deref() == Some("Anna Berg")));
    assert_eq!(p.first_seen.as_deref(), Some("2021-03-01"));
    assert_eq!(p.last_seen.as_deref(), Some("2023-09-20"));
    assert!(p.label.contains("dialogue"), "{}", p.label);

    // The speaker and date filters.
    let by = |speaker: &str, since: Option<&str>| {
        store
            .talking_points(&PointFilter {
                speaker: Some(speaker.into()),
                since: since.map(str::to_string),
                limit: 10,
                min_articles: 1,
                ..Default::default()
            })
            .unwrap()
    };
    assert_eq!(by("Berg", None).len(), 1);
    assert_eq!(
        by("Berg", Some("2022")).first().map(|p| p.articles),
        Some(2)
    );
    assert!(by("Lia Moss", None).iter().all(|p| p.id != points[0].id));
    let in_outlet = |outlet: &str| {
        store
            .talking_points(&PointFilter {
                outlet: Some(outlet.into()),
                kind: Some("direct".into()),
                limit: 10,
                min_articles: 1,
                ..Default::default()
            })
            .unwrap()
    };
    let courier = in_outlet("courier");
    assert_eq!(courier.len(), 2, "{courier:?}");
    assert!(courier
        .iter()
        .all(|p| p.articles == 1 && p.statements[0].doc == "a2"));
    assert!(in_outlet("Nowhere Gazette").is_empty());

    let view = store.talking_point(p.id).unwrap();
    let months: Vec<&str> = view.by_month.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(months, ["2021-03", "2022-06", "2023-09"]);
    assert_eq!(view.by_outlet.len(), 3);
    assert_eq!(view.by_speaker[0].key, "Anna Berg");
    assert!(store.talking_point(9999).is_err());

    // Nearest in meaning: the other two dialogue statements, not the harbour or the grain.
    let near = store
        .similar(&Toy("toy"), "a dialogue of equals with respect", None, 2)
        .unwrap();
    assert_eq!(near.len(), 2);
    assert!(
        near.iter()
            .all(|s| s.text.to_lowercase().contains("dialogue")),
        "{near:?}"
    );
    // A model other than the one the points were grouped with is refused.
    assert!(store.similar(&Toy("other"), "dialogue", None, 2).is_err());
}

#[test]
fn grouping_is_incremental_and_follows_removed_statements() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = grouped(tmp.path());
    // Nothing new: nothing to do.
    let again = store.group_pending(&Toy("toy"), &mut |_, _| {}).unwrap();
    assert_eq!((again.grouped, again.points), (0, 4));

    // A new article joins the existing point; nothing is regrouped.
    store
        .put_batch(vec![article(
            "a4",
            "Herald",
            "2024-01-05",
            vec![statement(
                "Equal terms and respect are the basis of any dialogue",
                "Anna Berg",
            )],
        )])
        .unwrap();
    let g = store.group_pending(&Toy("toy"), &mut |_, _| {}).unwrap();
    assert_eq!((g.grouped, g.joined, g.new_points), (1, 1, 0), "{g:?}");
    let top = |store: &Store| {
        store
            .talking_points(&PointFilter {
                limit: 1,
                min_articles: 1,
                ..Default::default()
            })
            .unwrap()
            .remove(0)
    };
    assert_eq!(top(&store).articles, 4);

    // The same URL with other statements replaces the article: its old statement leaves.
    store
        .put_batch(vec![article(
            "a4",
            "Herald",
            "2024-01-05",
            vec![statement(
                "The wheat harvest was late this year",
                "Lia Moss",
            )],
        )])
        .unwrap();
    let g = store.group_pending(&Toy("toy"), &mut |_, _| {}).unwrap();
    assert_eq!((g.grouped, g.dropped), (1, 1), "{g:?}");
    assert_eq!(top(&store).articles, 3);

    // Grouping with another model is refused, and changes nothing.
    store
        .put_batch(vec![article(
            "a5",
            "Post",
            "2024-02-01",
            vec![statement("The season ends with a final match", "Ivo Sand")],
        )])
        .unwrap();
    let err = store
        .group_pending(&Toy("other"), &mut |_, _| {})
        .unwrap_err()
        .to_string();
    assert!(err.contains("grouped with the toy model"), "{err}");
    let g = store.group_pending(&Toy("toy"), &mut |_, _| {}).unwrap();
    assert_eq!(g.grouped, 1);
}

#[test]
fn a_database_without_talking_points_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path(), Mode::Write).unwrap();
    store.put_batch(corpus()).unwrap();
    assert!(store.points_model().unwrap().is_none());
    assert!(store
        .talking_points(&PointFilter {
            limit: 5,
            ..Default::default()
        })
        .unwrap()
        .is_empty());
    let err = store.similar(&Toy("toy"), "dialogue", None, 3).unwrap_err();
    assert!(err.to_string().contains("no talking points yet"), "{err}");
}
