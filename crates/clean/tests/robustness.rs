//! Random inputs built from pieces of markup, furniture, datelines and odd
//! characters: the cleaner never panics, and its map always points back at
//! the same characters. Deterministic (a fixed xorshift seed).

use dictum_clean::{Article, Cleaner, Hints};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "\t",
    "\u{a0}",
    "The mayor said the port would reopen on Monday.",
    "“We are ready,” she said.",
    "Comments",
    "Share",
    "Please wait...",
    "folder_openNews",
    "access_time2",
    "starAdd",
    "By Anna Kral",
    "Also on news.example ",
    "Read also: ",
    "teaserThe",
    "MOSCOW, May 18. /TASS/.",
    "(Nordpress – Lidsk, May 17, 2021)",
    "LIDSK (Nordpress) -",
    ", Lidsk, February 10, 2022",
    "©",
    "All rights reserved",
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<br>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<meta property=\"og:title\" content=\"T\">",
    "<title>",
    "</title>",
    "&amp;",
    "&#x2019;",
    "&",
    "<",
    ">",
    "\"",
    "'",
    "é",
    "ё",
    "😀",
    "\u{200b}",
    "\u{feff}",
    "\0",
    "̈",
    "ﬁ",
    "<svg><path/></svg>",
    "<li>",
    "<table><tr><td>",
    "May 99",
    "2021-02-30",
    "Sept.",
    "{\"@type\":\"NewsArticle\",\"datePublished\":\"2021-05-17\"}",
    "<script type=\"application/ld+json\">",
];

fn check(a: &Article, original: &str) {
    assert_eq!(a.map.clean_len(), a.text.len());
    for (i, c) in a.text.char_indices() {
        let o = a.map.to_original(i);
        assert_eq!(original.get(o..).and_then(|s| s.chars().next()), Some(c));
    }
    for r in &a.removed {
        assert!(original.get(r.start..r.end).is_some());
    }
    if let Some(d) = a.published {
        assert!((1..=12).contains(&d.month) && (1..=31).contains(&d.day));
    }
}

#[test]
fn random_documents() {
    let cleaner = Cleaner::new();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..1500 {
        let n = (rng.next() % 60) as usize;
        let doc: String = (0..n).map(|_| rng.pick(PIECES)).collect();
        let hints = if rng.next().is_multiple_of(4) {
            Hints {
                title: Some(rng.pick(PIECES).to_string()),
                published: Some(rng.pick(PIECES).to_string()),
                crawl_date: Some("2021-05-20T10:00:00Z".into()),
                url: Some(rng.pick(PIECES).to_string()),
                ..Hints::default()
            }
        } else {
            Hints::default()
        };
        let a = cleaner.clean_text(&doc, &hints);
        check(&a, &doc);
        let a = cleaner.clean_html(&doc, &hints);
        check(&a, &a.extracted);
    }
}
