//! Statement fingerprints: the same quote across outlets.

use dictum_link::fingerprint::{
    fingerprints, fingerprints_i64, same_statement, same_text_statement, shared, words, K, W,
};

/// A 32-word quote written for this test.
const QUOTE: &str =
    "“We have always been open to dialogue with our partners, and we remain ready to \
    discuss security guarantees, but only if our legitimate concerns are finally taken seriously \
    in Brussels and Washington.”";

fn same(a: &str, b: &str) -> bool {
    same_text_statement(a, b)
}

#[test]
fn the_quote_is_a_realistic_length() {
    let n = words(QUOTE).len();
    assert!((30..=35).contains(&n), "{n}");
    const { assert!(K + W - 1 <= 5) };
}

#[test]
fn punctuation_and_quote_marks() {
    let plain =
        "\"We have always been open to dialogue with our partners and we remain ready to discuss \
        security guarantees -- but only if our legitimate concerns are finally taken seriously in \
        Brussels and Washington\"";
    assert!(same(QUOTE, plain));
    let shouted = QUOTE.to_uppercase();
    assert!(same(QUOTE, &shouted));
}

#[test]
fn truncated_to_its_first_half() {
    let ws: Vec<&str> = QUOTE.split_whitespace().collect();
    let half = ws[..ws.len() / 2].join(" ") + " …";
    assert!(same(QUOTE, &half), "{half}");
    let second_half = "… ".to_string() + &ws[ws.len() / 2..].join(" ");
    assert!(same(QUOTE, &second_half), "{second_half}");
}

#[test]
fn a_word_changed_in_translation() {
    let one = QUOTE.replace("dialogue", "dialog");
    assert!(same(QUOTE, &one));
    let two = one.replace("partners", "counterparts");
    assert!(same(QUOTE, &two));
}

#[test]
fn unrelated_quotes_on_the_same_topic() {
    let other =
        "“Our partners in Brussels and Washington must understand that security guarantees \
        cannot be discussed while troops gather on the border,” the minister told reporters.";
    assert!(!same(QUOTE, other));
    let third = "“The dialogue is over; we will not discuss anything with our partners until the \
        sanctions are lifted,” he said.";
    assert!(!same(QUOTE, third));
    assert!(!same(other, third));
}

#[test]
fn short_phrases_do_not_link_everything() {
    // A long quote containing a common phrase is not the same statement as the phrase.
    assert!(!same(
        "the United States",
        QUOTE.replace("Washington", "the United States").as_str()
    ));
    assert!(!same("security guarantees", QUOTE));
    assert!(!same_statement(2, 2, 30));
    // Identical short quotes are the same statement.
    assert!(same("Never.", "“Never!”"));
}

#[test]
fn deterministic_sorted_and_storable() {
    let f = fingerprints(QUOTE);
    assert!(!f.is_empty());
    assert!(f.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(f, fingerprints(QUOTE));
    let i = fingerprints_i64(QUOTE);
    assert_eq!(i.iter().map(|&x| x as u64).collect::<Vec<_>>(), f);
    assert_eq!(shared(&f, &f), f.len());
    assert!(same_statement(f.len(), f.len(), f.len()));
}
