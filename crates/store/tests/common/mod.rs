//! Fictional articles and statements shared by the store's integration tests.
#![allow(dead_code)] // each test file uses its own part

use dictum_store::{Mode, NewArticle, NewStatement, Store};

pub const BODY: &str =
    "The harbour authority of Velmar announced on Tuesday that the northern pier \
will close for repairs until the end of the summer season. Fishing crews will move their boats \
to the old canal basin, where temporary moorings are being built by the city's engineers. \
Traders at the fish market said they feared a drop in custom while the pier is closed. \
The council has promised a compensation fund for stall holders who can show lost income. \
Repairs will replace the timber decking, the rusted railings and the lighting along the walk. \
Engineers found the supports were weakened by last winter's storms and heavy ice in the bay.";

pub const QUOTE: &str =
    "“We remain open to dialogue with our neighbours, but only on equal terms and with \
respect for the interests of both sides, as we have said many times before,” he said.";

pub fn statement(kind: &str, text: &str, speaker: Option<&str>) -> NewStatement {
    NewStatement {
        kind: kind.into(),
        content: vec![[0, text.chars().count()]],
        text: text.into(),
        cue: None,
        source: None,
        speaker: speaker.map(str::to_string),
        roles: Vec::new(),
        sentence: [0, 10],
    }
}

pub fn article(
    doc: &str,
    outlet: &str,
    published: &str,
    body: &str,
    st: Vec<NewStatement>,
) -> NewArticle {
    NewArticle {
        doc: doc.into(),
        origin: Some(format!("tests/{doc}.txt")),
        url: None,
        title: Some(format!("Title of {doc}")),
        outlet: Some(outlet.into()),
        published: Some(published.into()),
        text: body.into(),
        statements: st,
        ..Default::default()
    }
}

pub fn open(dir: &std::path::Path) -> Store {
    Store::open(dir, Mode::Write).expect("open")
}
