//! The cleaning stage on fictional pages written for this project
//! (`tests/fixtures`, `examples/corpus/04_scraped_page.txt`). Expectations are
//! written by hand.

use dictum_clean::{Article, Cleaner, DateSource, Hints, Reason};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every clean char maps to the same char of the original, in order.
fn assert_maps_back(article: &Article, original: &str) {
    let mut last = None;
    for (i, c) in article.text.char_indices() {
        let o = article.map.to_original(i);
        assert_eq!(
            original.get(o..).and_then(|s| s.chars().next()),
            Some(c),
            "clean byte {i} ({c:?}) maps to original byte {o}"
        );
        assert!(last.is_none_or(|l| l < o), "map is not increasing at {i}");
        last = Some(o);
        let (s, e) = article.map.range_to_original(i, i + c.len_utf8());
        assert_eq!(&original[s..e], c.to_string());
    }
    // Every removed piece is a real range of the original.
    for r in &article.removed {
        assert!(original.get(r.start..r.end).is_some(), "{r:?}");
    }
}

fn removed<'a>(article: &Article, original: &'a str) -> Vec<(Reason, &'a str)> {
    article
        .removed
        .iter()
        .map(|r| (r.reason, &original[r.start..r.end]))
        .collect()
}

#[test]
fn scraped_page_with_furniture() {
    let original = fixture("stadium_scraped.txt");
    let a = Cleaner::new().clean_text(&original, &Hints::default());
    assert_eq!(
        a.text,
        "Harlen mayor: “The stadium will be finished on time”\n\
         \n\
         HARLEN, Sept. 12 (Harbour Herald) — The new football stadium in Harlen will be ready for the opening match of the season, Mayor Ilse Brandt said on Thursday, dismissing reports of delays.\n\
         \n\
         “We are behind on the roof, not on the stadium. The roof will be finished in November, and the first match is in March,” Brandt told reporters at the construction site.\n\
         \n\
         City engineers said the steel for the roof had arrived last week. According to the contractor, about 300 workers are on the site every day.\n\
         \n\
         The opposition has called for an audit of the project, which has cost 40 percent more than planned.\n"
    );
    assert_eq!(
        removed(&a, &original),
        [
            (Reason::BeforeTitle, "Skip to main content"),
            (Reason::Interface, "Menu"),
            (Reason::BeforeTitle, "Harbour Herald"),
            (Reason::Interface, "Search"),
            (
                Reason::RepeatedTitle,
                "Harlen mayor: “The stadium will be finished on time”"
            ),
            (Reason::Icon, "folder_openSport access_time5 hours ago"),
            (Reason::Interface, "visibility1,204 views"),
            (Reason::Icon, "bookmark_borderBookmark this"),
            (Reason::Byline, "By Lena Ostrova"),
            (
                Reason::Teaser,
                "Related: Harlen council approves stadium loan amid protests"
            ),
            (Reason::Interface, "Sign in to comment"),
            (Reason::Interface, "Recommended for you"),
            (Reason::Interface, "Popular"),
            (Reason::Interface, "Follow us on Facebook"),
            (
                Reason::Interface,
                "We use cookies to improve your experience. By continuing to browse the site you agree to our use of cookies."
            ),
        ]
    );
    assert_eq!(
        a.title.as_deref(),
        Some("Harlen mayor: “The stadium will be finished on time”")
    );
    assert_eq!(a.author.as_deref(), Some("Lena Ostrova"));
    assert_eq!(a.outlet.as_deref(), Some("Harbour Herald"));
    assert_eq!(a.place.as_deref(), Some("Harlen"));
    let d = a.published.unwrap();
    assert_eq!(d.to_string(), "--09-12");
    assert_eq!(d.source, DateSource::Dateline);
    assert_eq!(a.language.as_deref(), Some("en"));
    assert_maps_back(&a, &original);
}

#[test]
fn sample_corpus_scraped_page() {
    let path = format!(
        "{}/../../examples/corpus/04_scraped_page.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let original = std::fs::read_to_string(path).unwrap();
    let a = Cleaner::new().clean_text(&original, &Hints::default());
    for gone in [
        "Enable JavaScript",
        "please wait",
        "EastWire Daily",
        "label_outline",
        "bookmarkSave",
        "Subscribe",
        "By Newsroom",
        "Read also",
        "yields climb",
        "Like this story",
        "Share this article",
        "Print",
        "Comments",
        "Log in",
        "Tags:",
        "©",
    ] {
        assert!(!a.text.contains(gone), "{gone:?} is still in the text");
    }
    assert!(a.text.starts_with(
        "Dvorak: Varenia Can’t Afford Another Year of Closed Borders\n\nVarenia's economy"
    ));
    assert_eq!(a.text.matches("Closed Borders").count(), 1);
    assert!(a
        .text
        .contains("\n\nThe finance ministry is expected to publish"));
    assert!(a
        .text
        .ends_with("Trains don't need anybody's permission,” he said.\n"));
    assert_eq!(a.author.as_deref(), Some("Newsroom, Agencies"));
    assert_maps_back(&a, &original);
}

#[test]
fn crlf_text_without_title_and_a_repeated_paragraph() {
    let original = fixture("strike_crlf.txt");
    let a = Cleaner::new().clean_text(&original, &Hints::default());
    assert_eq!(
        a.text,
        "PORT VALE, 3 April 2024 (Nordpress) - Dock workers in Port Vale ended a two-week strike on Wednesday after the harbour company raised its wage offer, union leader Piet Jansen said.\r\n\
         \r\n\
         Jansen told members that the new offer was \"the best we could get without losing the season\".\r\n\
         \r\n\
         The company said the agreement would cost it about 2 million euros a year.\r\n\
         \r\n\
         The first ships are expected to be unloaded on Thursday morning.\r\n"
    );
    assert_eq!(a.title, None);
    assert_eq!(a.outlet.as_deref(), Some("Nordpress"));
    assert_eq!(a.place.as_deref(), Some("Port Vale"));
    assert_eq!(a.published.unwrap().to_string(), "2024-04-03");
    assert_eq!(
        removed(&a, &original),
        [(
            Reason::Repeated,
            "Jansen told members that the new offer was \"the best we could get without losing the season\"."
        )]
    );
    assert_maps_back(&a, &original);
}

#[test]
fn transcript_lines_are_kept() {
    let original = fixture("qa_transcript.txt");
    let a = Cleaner::new().clean_text(&original, &Hints::default());
    assert_eq!(a.text, original);
    assert!(a.removed.is_empty());
    assert_eq!(
        a.title.as_deref(),
        Some("Interview with Harlen Deputy Mayor Ilse Brandt, Harlen, March 2, 2024")
    );
    assert_eq!(a.place.as_deref(), Some("Harlen"));
    let d = a.published.unwrap();
    assert_eq!(
        (d.to_string().as_str(), d.source),
        ("2024-03-02", DateSource::Title)
    );
}

#[test]
fn html_page_with_metadata() {
    let html = fixture("ferry_page.html");
    let a = Cleaner::new().clean_html(&html, &Hints::default());
    assert_eq!(
        a.text,
        "HARLEN (Harlen Courier) — The city council approved the new ferry terminal on Tuesday after a debate that lasted more than seven hours, ending a dispute that had divided the harbour district for two years.\n\
         Port director Anja Kral said the terminal would open in the spring of 2025. “We have waited long enough. The ferries are full, the old quay is crumbling, and every winter we lose another week to repairs,” she told the council.\n\
         Opposition councillors argued that the project was too expensive and that the city had not examined the alternatives. Councillor Tomas Reiner said the vote had been “rushed through before anyone could read the final figures”.\n\
         The terminal will cost 48 million euros, of which the national government will pay about half. Construction is expected to start in June, once the last permits have been granted.\n\
         What happens next\n\
         The harbour company must now choose a builder. Kral said the tender would be published within a month and that local firms would be encouraged to bid.\n\
         Residents of the harbour district have asked for a noise barrier along the access road. The council said it would consider the request when the detailed plans are presented."
    );
    assert_eq!(
        a.title.as_deref(),
        Some("Ferry terminal approved after long debate")
    );
    assert_eq!(a.outlet.as_deref(), Some("Harlen Courier"));
    assert_eq!(a.author.as_deref(), Some("Anja Kral"));
    let d = a.published.unwrap();
    assert_eq!(
        (d.to_string().as_str(), d.source),
        ("2024-04-02", DateSource::Metadata)
    );
    assert_eq!(a.place.as_deref(), Some("Harlen"));
    assert_eq!(a.language.as_deref(), Some("en"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://www.harlencourier.example/news/ferry-terminal")
    );
    // The <h1> repeats the title: metadata, not text.
    assert_eq!(
        removed(&a, &a.extracted),
        [(
            Reason::RepeatedTitle,
            "Ferry terminal approved after long debate"
        )]
    );
    assert_maps_back(&a, &a.extracted);
}

#[test]
fn russian_html_page() {
    let html = fixture("ru_page.html");
    let a = Cleaner::new().clean_html(&html, &Hints::default());
    assert_eq!(a.language.as_deref(), Some("ru"));
    assert_eq!(
        a.title.as_deref(),
        Some("Мэр Харлена пообещал достроить стадион к началу сезона")
    );
    assert_eq!(a.published.unwrap().to_string(), "2021-05-17");
    assert_eq!(a.text.lines().count(), 4);
    assert!(a
        .text
        .starts_with("Мэр Харлена Ильзе Брандт заявила в четверг"));
    assert_maps_back(&a, &a.extracted);
}

#[test]
fn hints_win_over_the_page() {
    let html = fixture("ferry_page.html");
    let hints = Hints {
        url: Some("https://mirror.example/ferry".into()),
        title: Some("Harlen approves ferry terminal".into()),
        published: Some("Wed, 03 Apr 2024 07:00:00 GMT".into()),
        outlet: Some("Harlen Wire".into()),
        author: Some("Desk".into()),
        language: Some("en-GB".into()),
        crawl_date: Some("2024-05-01T00:00:00Z".into()),
    };
    let a = Cleaner::new().clean_html(&html, &hints);
    assert_eq!(a.url.as_deref(), Some("https://mirror.example/ferry"));
    assert_eq!(a.title.as_deref(), Some("Harlen approves ferry terminal"));
    assert_eq!(a.published.unwrap().to_string(), "2024-04-03");
    assert_eq!(a.published.unwrap().source, DateSource::Metadata);
    assert_eq!(a.outlet.as_deref(), Some("Harlen Wire"));
    assert_eq!(a.author.as_deref(), Some("Desk"));
    assert_eq!(a.language.as_deref(), Some("en"));
}

#[test]
fn outlet_from_the_url_and_crawl_date_as_last_resort() {
    let text = "Harlen opens its new library\nThe new city library opened on Saturday with a reading by local schoolchildren and a concert in the courtyard.\n";
    let hints = Hints {
        url: Some("https://www.harlencourier.example/culture/library".into()),
        crawl_date: Some("2024-05-01T12:00:00Z".into()),
        ..Hints::default()
    };
    let a = Cleaner::new().clean_text(text, &hints);
    assert_eq!(a.outlet.as_deref(), Some("harlencourier.example"));
    let d = a.published.unwrap();
    assert_eq!(
        (d.to_string().as_str(), d.source),
        ("2024-05-01", DateSource::CrawlDate)
    );
    assert_eq!(a.title.as_deref(), Some("Harlen opens its new library"));
    assert_eq!(a.text, text);
}

#[test]
fn datelines_in_several_styles() {
    let c = Cleaner::new();
    let body = "The mayor said the ferry terminal would open in the spring, after years of delays and disputes.";
    // (first line, outlet, place, date)
    type Case<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);
    let cases: &[Case] = &[
        (
            "LIDSK, May 18. /NORDPRESS/.",
            Some("NORDPRESS"),
            Some("Lidsk"),
            Some("--05-18"),
        ),
        (
            "(Baltnews – Riga, June 9, 2023)",
            Some("Baltnews"),
            Some("Riga"),
            Some("2023-06-09"),
        ),
        (
            "HARLEN (Harbour Herald) -",
            Some("Harbour Herald"),
            Some("Harlen"),
            None,
        ),
        (
            "PORT VALE, Varenia, 12 March 2020 (EWA) —",
            Some("EWA"),
            Some("Port Vale"),
            Some("2020-03-12"),
        ),
        (
            "ROSTOV-ON-DON, Sept. 9 —",
            None,
            Some("Rostov-on-Don"),
            Some("--09-09"),
        ),
        ("GENEVA –", None, Some("Geneva"), None),
    ];
    for &(dateline, outlet, place, date) in cases {
        let text = format!("Ferry terminal to open in spring\n{dateline} {body}\n");
        let a = c.clean_text(&text, &Hints::default());
        assert_eq!(a.outlet.as_deref(), outlet, "{dateline}");
        assert_eq!(a.place.as_deref(), place, "{dateline}");
        assert_eq!(
            a.published.map(|d| d.to_string()).as_deref(),
            date,
            "{dateline}"
        );
        if date.is_some() {
            assert_eq!(a.published.unwrap().source, DateSource::Dateline);
        }
        // The dateline stays in the text.
        assert_eq!(a.text, text, "{dateline}");
    }
    // A dateline on a line of its own, before the body.
    let text = format!("(Nordpress – Lidsk, March 4)\n\n{body}\n");
    let a = c.clean_text(&text, &Hints::default());
    assert_eq!(a.title, None);
    assert_eq!(a.published.unwrap().to_string(), "--03-04");
    assert_eq!(a.text, text);
}

#[test]
fn no_date_is_invented() {
    let c = Cleaner::new();
    let a = c.clean_text(
        "A title without a date\nThe council met on Tuesday and in 2019, and the mayor spoke for an hour.\n",
        &Hints::default(),
    );
    assert_eq!(a.published, None);
    let a = c.clean_text(
        "LIDSK, May 18. /NORDPRESS/. The council met and the mayor spoke for an hour about the budget.\n",
        &Hints {
            crawl_date: Some("2024-05-20".into()),
            ..Hints::default()
        },
    );
    let d = a.published.unwrap();
    assert_eq!((d.year, d.to_string().as_str()), (None, "--05-18"));
    assert_eq!(d.source, DateSource::Dateline);
}

#[test]
fn empty_and_odd_inputs() {
    let c = Cleaner::new();
    for text in [
        "",
        "\n\n\n",
        "\r\n",
        "x",
        "Comments",
        "By",
        "Also on x.com",
        "Read also:",
        "\u{feff}Title line here\nBody text that goes on for a while, as body text does.",
        "é\né\né",
        "(",
        "LIDSK, May 99. /X/.",
        "(A – B, February 30, 2021)",
    ] {
        let a = c.clean_text(text, &Hints::default());
        assert_maps_back(&a, text);
        let a = c.clean_html(text, &Hints::default());
        assert_maps_back(&a, &a.extracted);
    }
    for html in [
        "<html>",
        "<html><body><p>one</p>",
        "<p>unclosed <b>bold <i>italic",
        "<<<>>>",
        "<meta property='og:title' content='T'><title>",
        "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"datePublished\": 5}</script>",
    ] {
        let a = c.clean_html(html, &Hints::default());
        assert_maps_back(&a, &a.extracted);
    }
}

#[test]
fn huge_inputs_do_not_panic() {
    let c = Cleaner::new();
    // A 50 MB page of paragraphs.
    let mut html = String::from("<html><head><title>Big</title></head><body><article>");
    let mut i = 0;
    while html.len() < 50 << 20 {
        i += 1;
        html.push_str(&format!(
            "<p>Paragraph {i}: the port authority said on Monday that the terminal would open in spring.</p>\n"
        ));
    }
    let a = c.clean_html(&html, &Hints::default());
    assert!(a.text.starts_with("Paragraph 1: "));
    assert_maps_back(&a, &a.extracted);
    drop(html);
    // 50 MB of nesting, of one text node, of '<'.
    let _ = c.clean_html(&"<div>".repeat(10 << 20), &Hints::default());
    let _ = c.clean_html(&"<".repeat(50 << 20), &Hints::default());
    let words = "word ".repeat(10 << 20);
    let a = c.clean_html(&format!("<p>{words}</p>"), &Hints::default());
    assert!(a.text.starts_with("word word"));
    // 50 MB of scraped text, and one 50 MB line.
    let line = "The mayor said the terminal would open in the spring, after years of delay.\n";
    let text = line.repeat((50 << 20) / line.len());
    let a = c.clean_text(&text, &Hints::default());
    assert!(a.text.len() < 1024, "repeated lines are removed");
    let _ = c.clean_text(&words, &Hints::default());
}

#[test]
fn site_name_written_as_a_url_becomes_a_domain() {
    let html = "<html><head><meta property=\"og:site_name\" content=\"https://www.harlencourier.example\"></head>\
        <body><article><p>The council approved the new ferry terminal on Tuesday after a long debate.</p></article></body></html>";
    let a = Cleaner::new().clean_html(html, &Hints::default());
    assert_eq!(a.outlet.as_deref(), Some("harlencourier.example"));
}

/// A short line that recurs on three pages of one site is furniture on each of them, whatever
/// its wording; prose that recurs is kept.
#[test]
fn lines_recurring_across_a_sites_pages_are_removed() {
    let pages: Vec<String> = (1..=3)
        .map(|i| {
            format!(
                "Harbour story number {i}\nThe harbour master said on Monday that berth {i} would reopen in May after repairs.\nSupport independent journalism today\n"
            )
        })
        .collect();
    let site = dictum_clean::SiteLines::from_pages(pages.iter().map(String::as_str), 3, 12);
    let cleaner = dictum_clean::Cleaner::new();
    for page in &pages {
        let a = cleaner.clean_text_on_site(page, &dictum_clean::Hints::default(), Some(&site));
        assert!(
            !a.text.contains("Support independent journalism"),
            "{:?}",
            a.text
        );
        assert!(a.text.contains("would reopen in May"), "{:?}", a.text);
        let alone = cleaner.clean_text(page, &dictum_clean::Hints::default());
        assert!(
            alone.text.contains("Support independent journalism"),
            "{:?}",
            alone.text
        );
    }
}
