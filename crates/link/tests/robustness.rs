//! No panics on any input: random strings over a hostile alphabet, huge inputs.

use dictum_link::hash::SplitMix;
use dictum_link::{copies, fingerprint, names, synth};

const ALPHABET: &[&str] = &[
    "a",
    "Z",
    "é",
    "É",
    "ß",
    "ı",
    "İ",
    "ŉ",
    "ǅ",
    "Σ",
    "ς",
    "Я",
    "й",
    "习",
    "ا",
    "\u{200f}",
    "\u{301}",
    "😀",
    "'",
    "’",
    "‘",
    "“",
    "”",
    "\"",
    ".",
    ",",
    "-",
    "—",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    "\0",
    "0",
    "9",
    "The ",
    "the ",
    "Mr. ",
    "Jr.",
    "van ",
    "ye",
    "y",
    "x",
    "ii",
    "S.V.",
    "Ministry ",
    "'s",
];

fn random_text(g: &mut SplitMix, max: usize) -> String {
    let n = g.below(max);
    (0..n).map(|_| ALPHABET[g.below(ALPHABET.len())]).collect()
}

fn exercise(s: &str, t: &str) {
    let _ = names::key(s);
    let _ = names::surname_key(s);
    let _ = names::display_better(s, t);
    if let (Some(a), Some(b)) = (names::parse(s), names::parse(t)) {
        let _ = names::compare(&a, &b);
    }
    let f = fingerprint::fingerprints(s);
    assert!(f.windows(2).all(|w| w[0] < w[1]));
    let _ = fingerprint::same_text_statement(s, t);
    let (a, b) = (copies::signature(s), copies::signature(t));
    let _ = (
        copies::jaccard(&a, &b),
        copies::containment(&a, &b),
        copies::is_copy(&a, &b),
    );
    assert!((0.0..=1.0).contains(&copies::containment(&a, &b)));
    let _ = copies::bands(&a);
    assert_eq!(copies::from_bytes(&copies::to_bytes(&a)), Some(a));
    let _ = copies::from_bytes(s.as_bytes());
    let _ = synth::variants(s, 3);
}

#[test]
fn random_strings() {
    let mut g = SplitMix::new(2024);
    for _ in 0..2000 {
        let s = random_text(&mut g, 40);
        let t = random_text(&mut g, 40);
        exercise(&s, &t);
    }
}

#[test]
fn edge_cases() {
    for s in [
        "",
        " ",
        "\n",
        ".",
        "'",
        "’s",
        "a",
        "Ab",
        "the",
        "Mr.",
        "S.",
        "习近平",
        "\u{301}\u{301}",
    ] {
        exercise(s, s);
        exercise(s, "");
    }
    assert!(names::parse("").is_none());
    assert!(fingerprint::fingerprints("").is_empty());
    assert_eq!(copies::signature("").shingles, 0);
}

#[test]
fn huge_inputs() {
    let one_word = "word".repeat(250_000);
    let many_words = "lorem ipsum dolor sit amet ".repeat(40_000);
    let one_line = "Sergey Lavrov said. ".repeat(50_000);
    for s in [&one_word, &many_words, &one_line] {
        exercise(s, &many_words);
    }
    // A repeated phrase has few distinct shingles: too short to be a copy.
    let a = copies::signature(&many_words);
    assert!(a.shingles < copies::MIN_SHINGLES);
    // A long varied article (about 60,000 words) is a copy of itself.
    let long = synth::fictional_article(&mut SplitMix::new(5), "harbour", 2_000);
    let b = copies::signature(&long);
    assert!(b.shingles > 10_000);
    assert!(copies::is_copy(&b, &b));
}
