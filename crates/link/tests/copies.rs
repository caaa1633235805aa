//! Copied articles on fictional news written by the generator.

use dictum_link::copies::{
    bands, containment, from_bytes, is_copy, jaccard, signature, to_bytes, MIN_SHINGLES,
};
use dictum_link::hash::SplitMix;
use dictum_link::synth::{evaluate, fictional_article, variants, Variant};

fn article(seed: u64, topic: &str, paras: usize) -> String {
    fictional_article(&mut SplitMix::new(seed), topic, paras)
}

#[test]
fn every_variant_is_a_copy_of_its_original() {
    for (seed, paras) in [(1, 6), (2, 9), (3, 14), (4, 5)] {
        let original = article(seed, "harbour", paras);
        let so = signature(&original);
        for (v, text) in variants(&original, seed) {
            let sv = signature(&text);
            assert!(
                is_copy(&so, &sv),
                "{v:?} of article {seed}: J={} C={}",
                jaccard(&so, &sv),
                containment(&so, &sv)
            );
            let shared_band = bands(&so).iter().zip(bands(&sv)).any(|(a, b)| *a == b);
            assert!(shared_band, "{v:?} of article {seed} is no LSH candidate");
        }
    }
}

#[test]
fn half_trimmed_with_boilerplate_keeps_high_containment() {
    let original = article(11, "budget", 10);
    let (_, copy) = variants(&original, 5)
        .into_iter()
        .find(|(v, _)| *v == Variant::HalfBoilerplate)
        .expect("variant");
    let (a, b) = (signature(&original), signature(&copy));
    assert!(jaccard(&a, &b) < 0.7);
    assert!(containment(&a, &b) > 0.7);
    assert!(is_copy(&a, &b));
}

#[test]
fn same_topic_articles_are_not_copies() {
    let docs: Vec<String> = (0..12).map(|i| article(100 + i, "water", 8)).collect();
    let sigs: Vec<_> = docs.iter().map(|d| signature(d)).collect();
    for i in 0..sigs.len() {
        for j in i + 1..sigs.len() {
            assert!(
                !is_copy(&sigs[i], &sigs[j]),
                "{i} ~ {j}: J={}",
                jaccard(&sigs[i], &sigs[j])
            );
        }
    }
}

#[test]
fn short_texts_are_never_copies() {
    let short = "The harbour authority said on Tuesday that the cranes would be sold to a private \
        operator before the end of the year, and that about forty workers would keep their jobs.";
    assert!(short.split_whitespace().count() < 50);
    let a = signature(short);
    assert!(a.shingles < MIN_SHINGLES);
    assert!(!is_copy(&a, &a));
    assert!(bands(&a).is_empty());
    let long = article(7, "harbour", 8) + "\n\n" + short;
    assert!(!is_copy(&a, &signature(&long)));
}

#[test]
fn signatures_round_trip_through_bytes() {
    let s = signature(&article(9, "school", 7));
    assert_eq!(from_bytes(&to_bytes(&s)), Some(s.clone()));
    let mut broken = to_bytes(&s);
    broken[0] = b'X';
    assert_eq!(from_bytes(&broken), None);
    assert_eq!(signature(&article(9, "school", 7)), s, "deterministic");
}

#[test]
fn evaluation_on_fictional_news() {
    let topics = [
        "harbour",
        "budget",
        "school",
        "flood",
        "transport",
        "housing",
    ];
    let originals: Vec<String> = (0..60)
        .map(|i| article(1000 + i as u64, topics[i % topics.len()], 4 + i % 9))
        .collect();
    let r = evaluate(&originals, 17);
    assert_eq!(r.sampled, r.per_variant[0].pairs);
    assert!(r.pairs >= r.sampled * 28);
    assert!(r.precision >= 0.99, "precision {}", r.precision);
    assert!(r.recall >= 0.95, "recall {}", r.recall);
    for v in &r.per_variant {
        assert!(v.found * 100 >= v.pairs * 95, "{:?}", v);
    }
}
