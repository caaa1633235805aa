//! Property checks over generated text: the core never panics, and every span
//! it returns lies inside the input, on character boundaries, in order.

use dictum_extract::{Extractor, Kind};

/// A small deterministic generator (no dependency needed for this).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() as usize) % xs.len()]
    }
}

const PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "''",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    ",",
    ".",
    ":",
    ";",
    "—",
    "-",
    "(",
    ")",
    "said",
    "says",
    "told",
    "according to",
    "he",
    "she",
    "the minister",
    "Lavrov",
    "Sergey Lavrov",
    "Foreign Minister",
    "that",
    "We",
    "are",
    "ready",
    "to",
    "talk",
    "Moscow",
    "Ж",
    "ё",
    "🙂",
    "e\u{301}",
    "...",
    "…",
    "?",
    "!",
    "Mr.",
    "U.S.",
    "remarks",
    "’s",
    "Kremlin spokesman Dmitry Peskov",
    "added",
    "went on to say",
    "pointed out",
    "\t",
    "\r\n",
];

fn check(text: &str) {
    let ex = Extractor::new().extract(text);
    let ok = |s: dictum_extract::Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    if let Some(t) = ex.title {
        assert!(ok(t), "title span {t:?} in {text:?}");
    }
    for st in &ex.statements {
        assert!(ok(st.content), "content {:?} in {text:?}", st.content);
        assert!(!st.content.is_empty(), "empty content in {text:?}");
        for p in &st.pieces {
            assert!(
                ok(*p) && st.content.contains(*p),
                "piece {p:?} outside {:?}",
                st.content
            );
        }
        for s in [st.cue, st.source].into_iter().flatten() {
            assert!(ok(s), "span {s:?} in {text:?}");
        }
        if let Some(i) = st.speaker {
            assert!(i < ex.speakers.len());
        }
        if st.kind == Kind::Direct {
            assert!(
                st.content
                    .slice(text)
                    .chars()
                    .any(|c| "“”\"'‘’«»„".contains(c)),
                "direct without marks: {:?}",
                st.content.slice(text)
            );
        }
    }
}

#[test]
fn generated_texts_never_break_the_core() {
    let mut rng = Lcg(42);
    for _ in 0..3000 {
        let n = (rng.next() % 80) as usize;
        let text: String = (0..n).map(|_| rng.pick(PIECES)).collect();
        check(&text);
    }
}

#[test]
fn degenerate_inputs() {
    for text in [
        "",
        " ",
        "\n\n\n",
        "“",
        "”",
        "\"\"\"",
        "''''",
        "said",
        "said said said",
        ":",
        "A:",
        "“a,” he said",
        "he said “",
        "“unclosed\n“again\n“and again",
        "— said",
        "according to",
        "according to ,",
    ] {
        check(text);
    }
    check(&"“".repeat(10_000));
    check(&"word said that ".repeat(5_000));
    check(&"x".repeat(200_000));
}
