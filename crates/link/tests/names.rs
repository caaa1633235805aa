//! Person names across articles: keys, surnames, comparison, display choice.

use dictum_link::names::{compare, display_better, key, parse, surname_key, Match};

fn cmp(a: &str, b: &str) -> Match {
    compare(&parse(a).expect("a parses"), &parse(b).expect("b parses"))
}

#[test]
fn transliteration_and_diacritic_variants_share_a_key() {
    let groups: &[&[&str]] = &[
        &[
            "Sergey Lavrov",
            "Sergei Lavrov",
            "SERGEI LAVROV",
            "Sergei  Lavrov,",
            "Sergej Lavrov",
        ],
        &["Dmitry Peskov", "Dmitri Peskov", "Dmitriy Peskov"],
        &["Aleksandr Novak", "Alexander Novak", "Alexandr Novak"],
        &[
            "Volodymyr Zelenskyy",
            "Volodymyr Zelensky",
            "Volodimir Zelenskiy",
        ],
        &["José Martí", "Jose Marti", "JOSÉ MARTÍ"],
        &[
            "Yevgeny Prigozhin",
            "Evgeny Prigozhin",
            "Yevgeniy Prigozhin",
        ],
        &["Alexei Navalny", "Aleksei Navalny", "Alexey Navalny"],
        &["Mr. Lavrov", "Lavrov", "Lavrov's"],
    ];
    for group in groups {
        let k = key(group[0]);
        assert!(!k.is_empty());
        for name in &group[1..] {
            assert_eq!(key(name), k, "{name} vs {}", group[0]);
            assert_eq!(cmp(name, group[0]), Match::Same, "{name} vs {}", group[0]);
        }
    }
}

#[test]
fn lowercase_text_has_the_same_key_but_is_not_a_person() {
    assert_eq!(key("sergei lavrov"), key("Sergey Lavrov"));
    assert!(!parse("sergei lavrov").expect("parses").is_person);
}

#[test]
fn folding_is_not_too_aggressive() {
    let apart = [
        ("Ivan Petrov", "Ivana Petrova"),
        ("Ivan Petrov", "Ivan Petrova"),
        ("Boris Johnson", "Lyndon Johnson"),
        ("Mikhail Gorbachev", "Mihail Gorbachev"),
        ("Alexandra Novak", "Alexander Novak"),
        ("Sergey Lavrov", "Sergey Lavrova"),
        ("Andrew Smith", "Andrea Smith"),
    ];
    for (a, b) in apart {
        assert_ne!(key(a), key(b), "{a} / {b}");
        assert_eq!(cmp(a, b), Match::Different, "{a} / {b}");
    }
}

#[test]
fn less_specific_forms_are_compatible() {
    for short in [
        "S. Lavrov",
        "S.V. Lavrov",
        "S. V. Lavrov",
        "Lavrov",
        "Sergey V. Lavrov",
    ] {
        assert_eq!(cmp(short, "Sergey Lavrov"), Match::Compatible, "{short}");
        assert_eq!(cmp("Sergey Lavrov", short), Match::Compatible, "{short}");
    }
    assert_eq!(
        cmp("Sergey Viktorovich Lavrov", "S.V. Lavrov"),
        Match::Compatible
    );
    assert_eq!(
        cmp("Sergey Viktorovich Lavrov", "S.A. Lavrov"),
        Match::Different
    );
    assert_eq!(cmp("Boris Johnson", "Lyndon Johnson"), Match::Different);
    assert_eq!(cmp("L. Johnson", "Boris Johnson"), Match::Different);
    assert_eq!(cmp("Johnson", "Boris Johnson"), Match::Compatible);
}

#[test]
fn surnames() {
    for n in [
        "Sergey Lavrov",
        "S. Lavrov",
        "Lavrov",
        "SERGEI LAVROV",
        "Mr. Lavrov",
    ] {
        assert_eq!(surname_key(n).as_deref(), Some("lavrov"), "{n}");
    }
    assert_eq!(surname_key("Volodymyr Zelenskyy"), surname_key("Zelensky"));
}

#[test]
fn organisations_are_not_persons() {
    for org in [
        "the Kremlin",
        "Washington",
        "Officials in Washington",
        "Foreign Ministry",
        "Reuters",
        "the White House",
        "Russia's Foreign Ministry",
        "The Justice Department",
        "Labour Party",
        "the Supreme Court",
    ] {
        let p = parse(org).expect("parses");
        assert!(!p.is_person, "{org}");
        assert_eq!(surname_key(org), None, "{org}");
    }
    assert_eq!(cmp("the Kremlin", "Kremlin"), Match::Same);
    assert_eq!(cmp("the White House", "Sergey House"), Match::Different);
}

#[test]
fn display_choice() {
    let seen = [
        "Lavrov",
        "S. Lavrov",
        "Sergei Lavrov",
        "Sergey Lavrov",
        "SERGEI LAVROV",
        "S.V. Lavrov",
    ];
    let mut shown = seen[0];
    for s in &seen[1..] {
        if display_better(s, shown) {
            shown = s;
        }
    }
    assert_eq!(shown, "Sergei Lavrov", "the first full spelling stays");
}
