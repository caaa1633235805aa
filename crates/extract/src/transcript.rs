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
/// Lavrov’s opening remarks at ..." -> "Sergey Lavrov"; or the person an
/// interview's title names: "Q&A with Mayor Ana Lind" -> "Ana Lind" (then
/// the flag is set: the title announces an interview).
fn transcript_speaker(doc: &Doc, title: Span) -> Option<(String, bool)> {
    let toks: Vec<usize> = (0..doc.toks.len())
        .take_while(|&i| doc.toks[i].span.end <= title.end)
        .filter(|&i| doc.toks[i].span.start >= title.start)
        .collect();
    if let Some(name) = interview_with(doc, &toks) {
        return Some((name, true));
    }
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
    name_of(doc, &toks[first..=poss]).map(|name| (name, false))
}

/// `Q&A with Mayor Ana Lind`, `Interview with Ana Lind`, `Q&A: Ana Lind on
/// the harbour`: a title that opens by announcing an interview, then the
/// interviewee's name.
fn interview_with(doc: &Doc, toks: &[usize]) -> Option<String> {
    let w = |k: usize| toks.get(k).map_or("", |&i| doc.lower(i));
    let mut k = usize::from(matches!(w(0), "an" | "the"));
    if w(k) == "q" && w(k + 1) == "&" && w(k + 2) == "a" {
        k += 3;
    } else if matches!(w(k), "interview" | "conversation" | "q&a") {
        k += 1;
    } else {
        return None;
    }
    if !matches!(w(k), "with" | ":") {
        return None;
    }
    let from = k + 1;
    let mut to = from;
    while to < toks.len()
        && to < from + 6
        && (doc.is_capitalized(toks[to]) || doc.word(toks[to]) == ".")
    {
        to += 1;
    }
    if to == from {
        return None;
    }
    name_of(doc, &toks[from..to])
}

/// The name in a run of title tokens: possessives and a leading title dropped.
fn name_of(doc: &Doc, run: &[usize]) -> Option<String> {
    let mut words: Vec<String> = Vec::new();
    for &i in run {
        let w = doc.word(i);
        if w == "." {
            if let Some(last) = words.last_mut() {
                last.push('.');
            }
            continue;
        }
        let w = w
            .strip_suffix("’s")
            .or_else(|| w.strip_suffix("'s"))
            .unwrap_or(w);
        if words.is_empty() && lexicon::is_title_word(&w.to_lowercase()) {
            continue;
        }
        words.push(w.to_string());
    }
    // (Titles alone, or a title and its dot, name nobody.)
    words.retain(|w| w != ".");
    (!words.is_empty()).then(|| words.join(" "))
}

/// Who speaks a paragraph of an interview or a press conference, by the
/// label that opens it (`Q:`, `Question:`, `Ivo Petek:`, `PETEK:`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Turn {
    /// The transcript's speaker (`A:`, `Answer:`, their name).
    Speaker,
    /// Anyone else (`Q:`, `Question:`, another name).
    Other,
}

/// The label that opens the paragraph of tokens `first..last`: whose turn
/// it is and the colon's token.
fn turn_label(doc: &Doc, first: usize, last: usize, speaker: &str) -> Option<(Turn, usize)> {
    let mut k = first;
    while k < last && k < first + 6 && (doc.is_capitalized(k) || matches!(doc.word(k), "." | "&")) {
        k += 1;
    }
    let name_end = k;
    // (`Question (retranslated from Russian):`: a note in brackets.)
    if k > first && doc.word(k) == "(" {
        if let Some(close) = (k + 1..last.min(k + 10)).find(|&i| doc.word(i) == ")") {
            k = close + 1;
        }
    }
    if name_end == first || k >= last || !doc.is_punct(k, ":") {
        return None;
    }
    let label: Vec<&str> = (first..name_end)
        .filter(|&i| doc.is_word(i))
        .map(|i| doc.lower(i))
        .collect();
    let surname = speaker.rsplit(' ').next().unwrap_or(speaker).to_lowercase();
    let turn = match label.as_slice() {
        ["a"] | ["answer"] => Turn::Speaker,
        ["q"] | ["question"] => Turn::Other,
        [.., last_word] if *last_word == surname => Turn::Speaker,
        _ => Turn::Other,
    };
    Some((turn, k))
}

/// Adds one transcript statement per body paragraph of a transcript document.
/// Where paragraphs open with speaker labels, only the speaker's turns (and
/// the unlabelled paragraphs that continue them) are the transcript's; the
/// others' turns keep the statements the rules found in them.
pub(crate) fn transcript(doc: &Doc, title: Span, raws: &mut Vec<Raw>) {
    let Some((speaker, interview)) = transcript_speaker(doc, title) else {
        return;
    };
    // Each body paragraph's tokens `first..last` and its label.
    let paras: Vec<_> = doc
        .paras
        .iter()
        .skip(1)
        .map(|p| {
            let first = doc.toks.partition_point(|t| t.span.start < p.start);
            let last = doc.toks.partition_point(|t| t.span.end <= p.end);
            (first, last, turn_label(doc, first, last, &speaker))
        })
        .collect();
    let labelled = paras.iter().filter(|p| p.2.is_some()).count() >= 2;
    // An interview's title needs labelled turns: its body is the reporter's
    // text around them.
    if interview && !labelled {
        return;
    }
    // The speaker's paragraphs: token ranges, and the label colons.
    let mut own: Vec<(usize, usize)> = Vec::new();
    let mut label_colons: Vec<usize> = Vec::new();
    let mut turn = if interview { None } else { Some(Turn::Speaker) };
    for &(mut first, last, label) in &paras {
        if last <= first {
            continue;
        }
        if labelled {
            if let Some((t, colon)) = label {
                turn = Some(t);
                if t == Turn::Speaker {
                    label_colons.push(colon);
                    first = colon + 1;
                }
            }
            if turn != Some(Turn::Speaker) || first >= last {
                continue;
            }
        }
        let text = doc.span(first, last - 1).slice(doc.text);
        let words = text.split_whitespace().count();
        // Salutations: "Madam Minister," "Colleagues,"
        if words <= 4 && (text.ends_with(',') || text.ends_with(':') || text.ends_with('!')) {
            continue;
        }
        own.push((first, last - 1));
    }
    // Statements the speaker makes in the first person in their own
    // paragraphs are the transcript's; a label is not a statement's cue.
    let inside = |a: usize| own.iter().any(|&(f, l)| f <= a && a <= l);
    raws.retain(|r| {
        let first_person = r.source.is_some_and(|(a, b)| {
            a == b && matches!(doc.lower(a), "i" | "we") && (!labelled || inside(a))
        });
        let label = r.cue.is_some_and(|(c, _)| label_colons.contains(&c));
        !(first_person || label)
    });
    for (first, last) in own {
        raws.push(Raw {
            kind: Kind::Transcript,
            pieces: vec![(first, last)],
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

    /// (text of the statement, its speaker) of each transcript statement.
    fn transcript_turns(text: &str) -> Vec<(String, Option<String>)> {
        let ex = Extractor::new().extract(text);
        ex.statements
            .iter()
            .filter(|s| s.kind == Kind::Transcript)
            .map(|s| {
                (
                    s.content.slice(text).to_string(),
                    s.speaker.map(|k| ex.speakers[k].name.clone()),
                )
            })
            .collect()
    }

    #[test]
    fn labelled_questions_are_not_the_speaker_s() {
        let text = "Foreign Minister Ivo Petek’s answers to media questions, Tartu, May 3\n\
                    We will rebuild the pier.\n\
                    Question: Will the pier close this winter? I think the pilots want to know.\n\
                    Ivo Petek: No. We have found the money to repair it.\n\
                    The ferry will keep running.\n\
                    Question (translated from Estonian): What about the pilots?\n\
                    Petek (in English): They will get a new contract.\n";
        let petek = Some("Ivo Petek".to_string());
        assert_eq!(
            transcript_turns(text),
            vec![
                ("We will rebuild the pier.".to_string(), petek.clone()),
                (
                    "No. We have found the money to repair it.".to_string(),
                    petek.clone()
                ),
                ("The ferry will keep running.".to_string(), petek.clone()),
                ("They will get a new contract.".to_string(), petek),
            ]
        );
        // The question keeps the statement found in it, which is not Petek's.
        let ex = Extractor::new().extract(text);
        let question = ex
            .statements
            .iter()
            .find(|s| s.content.slice(text).starts_with("Will the pier close"))
            .expect("the question's own statement");
        assert!(question
            .speaker
            .is_none_or(|k| ex.speakers[k].name != "Ivo Petek"));
    }

    #[test]
    fn an_interview_title_makes_its_answers_a_transcript() {
        let text = "Q&A with Mayor Ana Lind\n\
                    The mayor spoke to the Harbour Times about the pier on Monday.\n\
                    Q: Will the pier close this winter?\n\
                    A: No. We have found the money to repair it.\n\
                    Q: What about the pilots?\n\
                    A: They will get a new contract in March.\n";
        let lind = Some("Ana Lind".to_string());
        assert_eq!(
            transcript_turns(text),
            vec![
                (
                    "No. We have found the money to repair it.".to_string(),
                    lind.clone()
                ),
                ("They will get a new contract in March.".to_string(), lind),
            ]
        );
        // Without labelled turns the body is the reporter's; a headline
        // that mentions an interview is no interview's title.
        let unlabelled =
            "Interview with Ana Lind\nThe mayor spoke about the pier.\nShe was calm.\n";
        assert_eq!(transcript_paragraphs(unlabelled), 0);
        let headline = "Lind tells of pier in interview with Harbour Times\n\
                        Q: Will it close?\nA: No.\nQ: Why?\nA: The money is there.\n";
        assert_eq!(transcript_paragraphs(headline), 0);
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
