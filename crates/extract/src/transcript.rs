//! Transcripts: a document whose title says it is someone's remarks, speech,
//! statement or interview yields that person's statements from its body.

use dictum_text::Span;

use crate::lexicon;
use crate::rules::{Doc, Raw};
use crate::Kind;

const TRANSCRIPT_WORDS: &[&str] = &[
    "remarks",
    "speech",
    "statement",
    "interview",
    "address",
    "comments",
    "briefing",
    "answers",
    "transcript",
    "lecture",
    "op-ed",
    "article",
];

/// The person whose remarks the title announces: "Foreign Minister Sergey
/// Lavrov’s opening remarks at ..." -> "Sergey Lavrov".
pub(crate) fn transcript_speaker(doc: &Doc, title: Span) -> Option<String> {
    let toks: Vec<usize> = (0..doc.toks.len())
        .take_while(|&i| doc.toks[i].span.end <= title.end)
        .filter(|&i| doc.toks[i].span.start >= title.start)
        .collect();
    let kw = toks
        .iter()
        .position(|&i| TRANSCRIPT_WORDS.contains(&doc.lower(i)))?;
    // A possessive name before the keyword.
    let poss = toks[..kw]
        .iter()
        .rposition(|&i| doc.is_possessive(i) && doc.is_capitalized(i))?;
    let mut first = poss;
    while first > 0 && doc.is_capitalized(toks[first - 1]) {
        first -= 1;
    }
    // The title is a noun phrase that opens with the name ("Helena Varga’s
    // opening remarks at ..."), not a headline about a speech ("Netanyahu
    // rejects Trump's remarks", "Why Progressives Are Celebrating Clinton’s
    // Speech").
    if first != 0 || kw - poss > 3 {
        return None;
    }
    // In a title-case headline every word is capitalized: the name holds no
    // function word (`Immediately After Obama’s Terror Speech`, `Named By
    // Police BEFORE Obama’s Briefing`) and is not long.
    if poss - first > 6
        || toks[first..poss]
            .iter()
            .any(|&i| doc.lower(i) != "of" && lexicon::is_np_stop(doc.lower(i)))
    {
        return None;
    }
    let mut words: Vec<String> = Vec::new();
    for &i in &toks[first..=poss] {
        let w = doc.word(i);
        let w = w
            .strip_suffix("’s")
            .or_else(|| w.strip_suffix("'s"))
            .unwrap_or(w);
        if words.is_empty() && lexicon::is_title_word(&w.to_lowercase()) {
            continue;
        }
        words.push(w.to_string());
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// Adds one transcript statement per body paragraph of a transcript document.
pub(crate) fn transcript(doc: &Doc, title: Span, raws: &mut Vec<Raw>) {
    let Some(speaker) = transcript_speaker(doc, title) else {
        return;
    };
    // Statements the speaker makes in the first person are the transcript's own.
    raws.retain(|r| {
        !r.source
            .is_some_and(|(a, b)| a == b && matches!(doc.lower(a), "i" | "we"))
    });
    for p in doc.paras.iter().skip(1) {
        let text = p.slice(doc.text);
        let words = text.split_whitespace().count();
        // Salutations: "Madam Minister," "Colleagues,"
        if words <= 4 && (text.ends_with(',') || text.ends_with(':') || text.ends_with('!')) {
            continue;
        }
        let first = doc.toks.partition_point(|t| t.span.start < p.start);
        let last = doc.toks.partition_point(|t| t.span.end <= p.end);
        if last <= first {
            continue;
        }
        raws.push(Raw {
            kind: Kind::Transcript,
            pieces: vec![(first, last - 1)],
            cue: None,
            source: None,
            speaker_name: Some(speaker.clone()),
            continues: false,
            learned: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::{Extractor, Kind};

    fn transcript_paragraphs(text: &str) -> usize {
        Extractor::new()
            .extract(text)
            .statements
            .iter()
            .filter(|s| s.kind == Kind::Transcript)
            .count()
    }

    #[test]
    fn a_title_that_names_the_remarks_makes_a_transcript() {
        let text = "Mayor Helena Varga’s opening remarks at the harbour council, May 3\n\
                    Colleagues,\n\
                    We will rebuild the pier before the winter.\n";
        assert_eq!(transcript_paragraphs(text), 1);
    }

    #[test]
    fn a_title_case_headline_about_a_speech_is_no_transcript() {
        for title in [
            "Immediately After Varga’s Harbour Speech, Critics Said The Same Thing",
            "Why Fishermen Are Celebrating Helena Varga’s Harbour Speech",
            "Ferry Suspect Named By Police BEFORE Varga’s Briefing",
        ] {
            let text = format!("{title}\nWe will rebuild the pier before the winter.\n");
            assert_eq!(transcript_paragraphs(&text), 0, "{title}");
        }
    }
}
