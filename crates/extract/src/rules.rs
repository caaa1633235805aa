//! The attribution rules: from cues, quotations and sentences to statements.

use crate::cue_model::{self, CueModel};
use dictum_text::{paragraphs, sentences, tokenize, Sentence, Span, Token, TokenKind};

use crate::lexicon::{self, CueClass};
use crate::quotes::{find_quotes, Quote};
use crate::{speakers, transcript, Extraction, Extractor, Kind, Statement};

/// One tokenized article and the indexes the rules need.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    ex: &'a Extractor,
    pub toks: Vec<Token>,
    /// The text with ASCII lower-cased, then the lower-cased texts of the tokens
    /// that are not ASCII; `lower_spans` slice it.
    lower: String,
    lower_spans: Vec<(u32, u32)>,
    pub sents: Vec<Sentence>,
    pub sent_of: Vec<u32>,
    pub quotes: Vec<Quote>,
    /// Token -> index of the top-level quotation holding it, plus one (0: none).
    quote_of: Vec<u32>,
    pub paras: Vec<Span>,
}

impl<'a> Doc<'a> {
    pub fn new(ex: &'a Extractor, text: &'a str) -> Self {
        let toks = tokenize(text);
        // ASCII lower-cases byte for byte: an ASCII token's lower-cased text is its
        // own span of `text` lower-cased. Other tokens have theirs appended after it.
        let mut lower = text.to_ascii_lowercase();
        let bytes = text.as_bytes();
        let mut lower_spans = Vec::with_capacity(toks.len());
        let mut wide = first_non_ascii(bytes, 0);
        for t in &toks {
            if t.span.start > wide {
                wide = first_non_ascii(bytes, t.span.start);
            }
            if t.span.end <= wide {
                lower_spans.push((t.span.start as u32, t.span.end as u32));
                continue;
            }
            let s = lower.len();
            for c in t.text(text).chars() {
                if c.is_ascii() {
                    lower.push(c.to_ascii_lowercase());
                } else if c == '’' {
                    lower.push('\'');
                } else {
                    lower.extend(c.to_lowercase());
                }
            }
            lower_spans.push((s as u32, lower.len() as u32));
        }
        let sents = sentences(text, &toks);
        let mut sent_of = vec![0u32; toks.len()];
        for (si, s) in sents.iter().enumerate() {
            for i in s.tokens.clone() {
                sent_of[i] = si as u32;
            }
        }
        let quotes = find_quotes(&toks);
        let mut quote_of = vec![0u32; toks.len()];
        for (qi, q) in quotes.iter().enumerate() {
            for slot in &mut quote_of[q.open..=q.close] {
                *slot = qi as u32 + 1;
            }
        }
        Doc {
            text,
            ex,
            toks,
            lower,
            lower_spans,
            sents,
            sent_of,
            quotes,
            quote_of,
            paras: paragraphs(text),
        }
    }

    #[inline]
    pub fn is_cue(&self, lower: &str) -> bool {
        self.ex.cue_class(lower).is_some()
    }

    #[inline]
    pub fn lower(&self, i: usize) -> &str {
        match self.lower_spans.get(i) {
            Some(&(s, e)) => &self.lower[s as usize..e as usize],
            None => "",
        }
    }

    #[inline]
    pub fn word(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| t.text(self.text)).unwrap_or("")
    }

    #[inline]
    pub fn quote_at(&self, i: usize) -> Option<usize> {
        match self.quote_of.get(i) {
            Some(&q) if q > 0 => Some(q as usize - 1),
            _ => None,
        }
    }

    pub fn cue_model(&self) -> &CueModel {
        &self.ex.cue_model
    }

    /// FNV-1a of the lower-cased token, for the learned models' features
    /// (computed when asked: most tokens are never looked at).
    #[inline]
    pub fn word_hash(&self, i: usize) -> u32 {
        self.lower(i).bytes().fold(0x811c_9dc5u32, |h, c| {
            (h ^ u32::from(c)).wrapping_mul(0x0100_0193)
        })
    }

    #[inline]
    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Token::is_word)
    }

    #[inline]
    pub fn is_capitalized(&self, i: usize) -> bool {
        // A token's span is never empty and starts on a char boundary.
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        t.is_word()
            && match self.text.as_bytes().get(t.span.start) {
                Some(&b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => starts_uppercase(t.text(self.text)),
            }
    }

    /// A period inside a name: `Rep. Jim Clyburn`, `Paul H. Chipok`.
    fn period_in_name(&self, i: usize) -> bool {
        i > 0
            && self.word(i) == "."
            && self.toks.get(i).is_some_and(|t| !t.space_before)
            && self.is_capitalized(i - 1)
            && self.is_capitalized(i + 1)
    }

    /// The word at `i` ends in a possessive `'s` or `’s` (`Lind’s`, `ABC's`).
    pub(crate) fn is_possessive(&self, i: usize) -> bool {
        let w = self.word(i);
        w.ends_with("'s") || w.ends_with("’s")
    }

    /// The word at `i` is a possessor: a possessive pronoun or a word in
    /// `'s` (`his`, `Lind’s`).
    pub(crate) fn is_possessor(&self, i: usize) -> bool {
        matches!(self.lower(i), "his" | "her" | "their" | "its") || self.is_possessive(i)
    }

    #[inline]
    pub(crate) fn is_punct(&self, i: usize, p: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && t.text(self.text) == p)
    }

    /// The quotation that opens at token `i`.
    #[inline]
    pub(crate) fn quote_opening(&self, i: usize) -> Option<usize> {
        self.quote_at(i).filter(|&q| self.quotes[q].open == i)
    }

    /// The quotation that closes at token `i`.
    #[inline]
    pub(crate) fn quote_closing(&self, i: usize) -> Option<usize> {
        self.quote_at(i).filter(|&q| self.quotes[q].close == i)
    }

    #[inline]
    fn is_terminal(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct && matches!(t.text(self.text), "." | "!" | "?" | "…" | "...")
        })
    }

    #[inline]
    pub fn span(&self, from: usize, to_incl: usize) -> Span {
        Span::new(self.toks[from].span.start, self.toks[to_incl].span.end)
    }

    pub fn para_of_token(&self, i: usize) -> usize {
        let pos = self.toks[i].span.start;
        self.paras.partition_point(|p| p.end <= pos)
    }
}

#[cold]
fn starts_uppercase(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// The index of the first byte at or after `from` that is not ASCII (`bytes.len()` if none).
fn first_non_ascii(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        if u64::from_le_bytes(word) & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i].is_ascii() {
        i += 1;
    }
    i
}

/// A statement before speaker resolution: token indices.
#[derive(Debug, Clone)]
pub(crate) struct Raw {
    pub kind: Kind,
    /// Inclusive token ranges of the content pieces.
    pub pieces: Vec<(usize, usize)>,
    pub cue: Option<(usize, usize)>,
    pub source: Option<(usize, usize)>,
    /// Pre-resolved speaker name (transcripts).
    pub speaker_name: Option<String>,
    /// A quotation that continues the previous statement's speaker.
    pub continues: bool,
    /// Found by the learned cue model, not the lexicon.
    pub learned: bool,
}

impl Raw {
    /// A statement found by a cue; its kind follows from its pieces.
    fn new(
        doc: &Doc,
        pieces: Vec<(usize, usize)>,
        cue: Option<(usize, usize)>,
        source: Option<(usize, usize)>,
    ) -> Raw {
        Raw {
            kind: kind_of(doc, &pieces),
            pieces,
            cue,
            source,
            speaker_name: None,
            continues: false,
            learned: false,
        }
    }

    /// Does a content piece hold token `t`?
    fn holds(&self, t: usize) -> bool {
        self.pieces.iter().any(|&(a, b)| a <= t && t <= b)
    }
}

/// The cue model's candidates in `text`, with their features (for training).
pub(crate) fn cue_candidates(ex: &Extractor, text: &str) -> Vec<cue_model::CueCandidate> {
    cue_model::candidates(&Doc::new(ex, text))
}

pub(crate) fn extract(ex: &Extractor, text: &str) -> Extraction {
    let doc = Doc::new(ex, text);
    if doc.toks.is_empty() {
        return Extraction::default();
    }
    let (title, raws) = raw_statements(&doc, true);
    speakers::resolve(&doc, title, raws)
}

/// The end model's candidates in the contents the rules find in `text`, with
/// their features (for training).
pub(crate) fn end_candidates(ex: &Extractor, text: &str) -> Vec<cue_model::EndCandidate> {
    let doc = Doc::new(ex, text);
    let mut out = Vec::new();
    if doc.toks.is_empty() {
        return out;
    }
    let (_, raws) = raw_statements(&doc, false);
    for r in &raws {
        if let Some(piece) = end_piece(&doc, r) {
            for t in piece.0 + 2..=piece.1 {
                if end_candidate(&doc, piece, t) {
                    out.push(cue_model::EndCandidate {
                        piece: doc.span(piece.0, piece.1),
                        span: doc.toks[t].span,
                        features: end_features_of(&doc, r, piece, t),
                    });
                }
            }
        }
    }
    out
}

/// The content piece the end model may shorten: the last piece of reported
/// content (not a quotation, a transcript or a continuing quote).
fn end_piece(doc: &Doc, r: &Raw) -> Option<(usize, usize)> {
    if !matches!(r.kind, Kind::Indirect | Kind::Mixed) || r.continues || r.speaker_name.is_some() {
        return None;
    }
    let &(p0, p1) = r.pieces.last()?;
    // Content before its cue (`A, B, a spokesman announced`) ends at the tag.
    if r.cue.is_some_and(|(c, _)| p1 < c) {
        return None;
    }
    // A piece that is one quotation is kept whole.
    if doc.quote_opening(p0).is_some() && doc.quote_closing(p1).is_some() {
        return None;
    }
    (p1 >= p0 + 3).then_some((p0, p1))
}

/// Whether the end model is asked about token `t` of `piece`: not the comma
/// that closes a subordinate clause opened in the content (`that if X
/// continues, Russia has ...`): the main clause follows it.
fn end_candidate(doc: &Doc, piece: (usize, usize), t: usize) -> bool {
    cue_model::is_end_candidate(doc, t)
        && !(doc.is_punct(t, ",") && cue_model::open_subordinate(doc, piece.0, t))
        && !subject_relative(doc, piece, t)
}

/// Whether `t` opens or closes a relative clause or an appositive set off by
/// commas inside the content clause's subject (`argued the ferry, which locals
/// like, would not last`, `that Berg, a first-time mayor, was`): a finite
/// verb follows the closing comma (within 25 tokens), so the clause goes on.
fn subject_relative(doc: &Doc, (p0, p1): (usize, usize), t: usize) -> bool {
    let opens = |k: usize| matches!(doc.lower(k), "who" | "which" | "a" | "an" | "the");
    // The word after the opening comma.
    let first = if doc.is_punct(t, ",") && t < p1 && opens(t + 1) {
        t + 1
    } else if matches!(doc.lower(t), "who" | "which") && t > p0 && doc.is_punct(t - 1, ",") {
        t
    } else if doc.is_punct(t, ",") {
        // The closing comma: the nearest comma before it opens the clause.
        match (p0.max(t.saturating_sub(25))..t)
            .rev()
            .find(|&k| doc.is_punct(k, ",") && doc.quote_at(k).is_none())
        {
            Some(k) if opens(k + 1) => k + 1,
            _ => return false,
        }
    } else {
        return false;
    };
    let end = p1 + 1;
    let Some(close) = (first + 1..end.min(first + 25))
        .find(|&k| doc.is_terminal(k) || doc.is_punct(k, ",") && doc.quote_at(k).is_none())
        .filter(|&k| doc.is_punct(k, ","))
    else {
        return false;
    };
    // (`, “would not last”`: the verb may open a quotation.)
    let verb = if doc.quote_opening(close + 1).is_some() {
        close + 2
    } else {
        close + 1
    };
    verb < end && lexicon::is_auxiliary(doc.lower(verb))
}

fn end_features_of(
    doc: &Doc,
    r: &Raw,
    piece: (usize, usize),
    t: usize,
) -> [u32; cue_model::FEATURES] {
    cue_model::end_features(doc, piece, t, r.kind == Kind::Mixed, r.cue.map(|c| c.1))
}

/// Reported content stops where the end model says annotators stop: at the
/// first candidate token it scores above its threshold.
fn end_contents(doc: &Doc, raws: &mut [Raw]) {
    let model = &doc.ex.end_model;
    for r in raws.iter_mut() {
        let Some(piece) = end_piece(doc, r) else {
            continue;
        };
        let cut = (piece.0 + 2..=piece.1).find(|&t| {
            end_candidate(doc, piece, t)
                && cue_model::passes_end_gate(model, doc, t)
                && model.score(&end_features_of(doc, r, piece, t)) > model.threshold()
        });
        if let Some(t) = cut {
            let mut e = t - 1;
            while e > piece.0 && doc.toks[e].kind == dictum_text::TokenKind::Punct {
                e -= 1;
            }
            if let Some(last) = r.pieces.last_mut() {
                last.1 = e;
            }
            r.kind = kind_of(doc, &r.pieces);
        }
    }
}

/// The statements the rules find, before the end model and speakers.
fn raw_statements(doc: &Doc, cut: bool) -> (Option<Span>, Vec<Raw>) {
    let title = doc
        .paras
        .first()
        .copied()
        .filter(|p| looks_like_title(doc, *p));
    let mut raws: Vec<Raw> = Vec::new();
    let mut used_quotes = vec![false; doc.quotes.len()];

    // Lexicon words of the sentence, for the learned cues.
    let mut listed_here: Vec<bool> = Vec::new();
    // The sentence's `in` tokens, for a poll's finding (`trailing_poll`).
    let mut ins: Vec<usize> = Vec::new();
    for si in 0..doc.sents.len() {
        let sent_start = raws.len();
        headline_colon(doc, si, &mut raws);
        let range = doc.sents[si].tokens.clone();
        let mut i = range.start;
        listed_here.clear();
        ins.clear();
        listed_here.resize(range.len(), false);
        while i < range.end {
            if doc.quote_at(i).is_some() || !doc.is_word(i) {
                i += 1;
                continue;
            }
            let lw = doc.lower(i);
            let listed = doc.ex.cue_class(lw).or_else(|| {
                (lexicon::is_back_verb(lw)
                    && lexicon::back_particle(doc.lower(i + 1), doc.lower(i + 2)))
                .then_some(CueClass::Speech)
            });
            listed_here[i - range.start] = listed.is_some();
            if lw == "according" && doc.lower(i + 1) == "to" {
                if let Some(r) = according_to(doc, si, i) {
                    raws.push(r);
                }
                i += 2;
                continue;
            }
            let special = match lw {
                "asked" => asked_clause(doc, si, i),
                "in" => {
                    ins.push(i);
                    in_poll(doc, si, i)
                }
                "reportedly" => reportedly(doc, si, i),
                "expected" | "seem" | "seems" | "seemed" | "appear" | "appears" | "appeared" => {
                    raising_cue(doc, si, i)
                }
                "said" if doc.lower(i + 1) == "to" => raising_cue(doc, si, i),
                _ if doc.lower(i + 1) == "that" && lexicon::is_content_noun(lw) => {
                    complement_clause(doc, si, i)
                }
                _ if lexicon::noun_object_cue(lw, doc.lower(i + 1))
                    || lexicon::possessed_noun_object_cue(lw, doc.lower(i + 1))
                        && possessed(doc, range.start, i) =>
                {
                    noun_object(doc, si, i)
                }
                _ => None,
            };
            if let Some(r) = special {
                raws.push(r);
                i += 1;
                continue;
            }
            let lowercase = doc.word(i).chars().next().is_some_and(char::is_lowercase);
            // In a title-case headline ("Newspaper Says Clinton Needs To Quit")
            // a capitalized verb may be a cue.
            // A participle may open the sentence (`Noting that ...,`).
            // (`Said Anna Berg, a neighbour, “A.”`: an inverted tag may open
            // the sentence.)
            let cue_form = |c: &CueClass| {
                lowercase
                    || *c == CueClass::Participle && i <= range.start + 2
                    || i > range.start && is_headline(doc, range.clone())
                    || i == range.start && matches!(lw, "said" | "says" | "added" | "adds")
            };
            if let Some(class) = listed.filter(cue_form) {
                if let Some(r) = verb_cue(doc, si, i, class, &raws[sent_start..]) {
                    raws.push(r);
                }
            } else if lowercase && quote_tag_verb(doc, si, i) {
                // `“A,” Toomey fumed.`: any past-tense verb tags a quotation.
                if let Some(r) = verb_cue(doc, si, i, CueClass::Speech, &raws[sent_start..])
                    .filter(|r| r.kind == Kind::Direct && r.pieces.first().is_some_and(|p| p.0 < i))
                {
                    raws.push(r);
                }
            }
            i += 1;
        }
        // `CONTENT in the latest poll.`: only where nothing else is reported.
        if raws.len() == sent_start {
            let poll = ins.iter().find_map(|&i| trailing_poll(doc, si, i));
            raws.extend(poll);
        }
        if raws.len() == sent_start {
            learned_cues(doc, si, &listed_here, &mut raws);
        }
    }
    // A quotation inside a statement's content (`said that “A,” and that
    // “B”`) is that statement's, not one of its own.
    // (Quotations are in order of their opening marks: a binary search finds
    // the first that opens inside a piece.)
    for r in &raws {
        for &(a, b) in &r.pieces {
            if let Some(q) = doc.quote_closing(b) {
                used_quotes[q] = true;
            }
            let first = doc.quotes.partition_point(|q| q.open < a);
            for (q, quote) in doc.quotes.iter().enumerate().skip(first) {
                if quote.open > b {
                    break;
                }
                used_quotes[q] = true;
            }
        }
    }
    dash_attributions(doc, &mut raws, &mut used_quotes);
    colon_attributions(doc, &mut raws, &mut used_quotes);
    named_quotations(doc, &mut raws, &mut used_quotes);
    continuation_quotes(doc, &mut raws, &mut used_quotes);
    if let Some(t) = title {
        transcript::transcript(doc, t, &mut raws);
    }
    raws.sort_by_key(|r| (r.pieces.first().map(|p| p.0), r.kind != Kind::Transcript));
    dedupe(doc, &mut raws);
    split_run_ons(doc, &mut raws);
    fronted_what_clauses(doc, &mut raws);
    tail_participles(doc, &mut raws);
    end_subordinate_reports(doc, &mut raws);
    drop_discourse_pieces(doc, &mut raws);
    // The end model cuts before nesting is decided: a statement whose cue
    // lies after the cut is no longer inside the content.
    if cut {
        end_contents(doc, &mut raws);
    }
    drop_nested(doc, &mut raws);
    end_before_tagged(doc, &mut raws);
    drop_overlapping(doc, &mut raws);
    raws.retain(|r| !is_named_title(doc, r));
    // A transcript paragraph is one speaker's: no learned cue inside it.
    let transcript: Vec<(usize, usize)> = raws
        .iter()
        .filter(|r| r.kind == Kind::Transcript)
        .flat_map(|r| r.pieces.iter().copied())
        .collect();
    if !transcript.is_empty() {
        raws.retain(|r| {
            !(r.learned
                && r.cue
                    .is_some_and(|(c, _)| transcript.iter().any(|&(a, b)| a <= c && c <= b)))
        });
    }
    (title, raws)
}

/// How much lower (a logit) the learned cue threshold is in a sentence that
/// holds a double quotation. Chosen by 2-fold cross-validation on PolNeAR
/// train (BENCHMARKS.md): 0 gives overlap 0.693 / direct 0.902, 1 gives
/// 0.694 / 0.904, 2 gives 0.694 / 0.904 with lower precision.
const QUOTED_SENTENCE_MARGIN: f32 = 1.0;

/// The learned cue model's threshold in sentence `si`: a quotation in the
/// sentence is evidence of a report, so its cue needs less.
fn learned_cue_threshold(doc: &Doc, si: usize) -> f32 {
    // (Quotations are in order of their opening marks: a binary search finds
    // the first that opens in the sentence.)
    let range = &doc.sents[si].tokens;
    let first = doc.quotes.partition_point(|q| q.open < range.start);
    let quoted = doc.quotes[first..]
        .iter()
        .take_while(|q| q.open < range.end)
        .any(|q| q.double);
    let threshold = doc.cue_model().threshold();
    if quoted {
        threshold - QUOTED_SENTENCE_MARGIN
    } else {
        threshold
    }
}

/// Words the lexicon lacks that the learned model takes for cues, in a
/// sentence where the rules found nothing; `listed[k]`: token `start + k` is a
/// lexicon cue outside quotations.
fn learned_cues(doc: &Doc, si: usize, listed: &[bool], raws: &mut Vec<Raw>) {
    let sent_start = raws.len();
    let range = doc.sents[si].tokens.clone();
    let model = doc.cue_model();
    let threshold = learned_cue_threshold(doc, si);
    let mut cue_before = false;
    for i in range.clone() {
        let is_listed = listed.get(i - range.start).copied().unwrap_or(false);
        let cue_seen = cue_before;
        cue_before |= is_listed;
        if !(cue_model::is_word_candidate(doc, i, is_listed)
            && cue_model::passes_gate(model, doc, i)
            && !cue_model::is_function_word(doc.lower(i))
            && !raws[sent_start..].iter().any(|r| r.holds(i))
            && model.score(&cue_model::features(doc, si, i, cue_seen)) > threshold)
        {
            continue;
        }
        // Only content after the cue: a learned cue does not take the
        // `CONTENT, X verb` shapes of the verbs of saying, nor a colon's
        // quotation (`delivered a message to the council: “A”` is the
        // subject's, found by `colon_attributions`).
        if let Some(mut r) =
            verb_cue(doc, si, i, CueClass::Speech, &raws[sent_start..]).filter(|r| {
                r.pieces.first().is_some_and(|p| p.0 > i)
                    && !r.pieces.iter().any(|&(p, q)| {
                        (p..=q).any(|k| doc.is_punct(k, ":") && doc.quote_at(k).is_none())
                    })
                    // (`a blunt message to the council: “A”`: a noun before the
                    // colon; `as Lind put it: “A”` keeps its verb.)
                    && (verb_after_subject(doc, i) || !after_colon_quotation(doc, r))
            })
        {
            r.learned = true;
            raws.push(r);
        }
    }
}

fn looks_like_title(doc: &Doc, p: Span) -> bool {
    let words = p.slice(doc.text).split_whitespace().count();
    words > 0 && words <= 40 && !p.slice(doc.text).ends_with(':')
}

/// `Trump claimed that “A,” one of the prosecutors said B`, `recalling their
/// breakfasts, described himself as ...`: when a statement's content runs on
/// after a comma, a colon or a conjunction over a clause with its own cue (and its own
/// source, if that stands inside the content), the content ends before that
/// clause, and the inner statement stands on its own.
fn split_run_ons(doc: &Doc, raws: &mut [Raw]) {
    for i in 0..raws.len() {
        let Some((c, _)) = raws[i].cue else { continue };
        let source = raws[i].source;
        for o in (i.saturating_sub(16)..i).rev() {
            let outer = &raws[o];
            if outer.kind == Kind::Transcript || outer.pieces.len() != 1 {
                continue;
            }
            let (a, b) = outer.pieces[0];
            if !(a < c && c <= b && outer.cue.is_some_and(|(oc, _)| oc < a)) {
                continue;
            }
            // The inner clause starts at its source when the source is inside
            // the outer content, else at its cue (`recalling X, described Y`).
            let start = match source {
                Some((ss, _)) if ss > a => ss.min(c),
                _ => c,
            };
            // (`the same as Berg referring to herself as “A”`: after `as`, a
            // subject with a gerund is no clause.)
            let gerund = doc.lower(c).ends_with("ing");
            // (`cited an example: Lind says X`: a colon too.)
            let after_break = doc.is_punct(start - 1, ",")
                || doc.is_punct(start - 1, ":")
                || matches!(doc.lower(start - 1), "and" | "but" | "while" | "with")
                || doc.lower(start - 1) == "as" && !gerund;
            // (`said X was a mistake, at the meeting on Monday she said Y`:
            // a short adjunct between the comma and the inner source.)
            let adjunct = (!after_break
                && source.is_some_and(|(ss, _)| ss == start && start > a + 2))
            .then(|| adjunct_comma(doc, a, start))
            .flatten();
            let start = adjunct.map_or(start, |k| k + 1);
            if !(after_break || adjunct.is_some()) || start < a + 2 {
                break;
            }
            if and_goes_on(doc, a, start, c, source) {
                break;
            }
            let boundary = if doc.is_punct(start - 1, ",") || !doc.is_punct(start - 2, ",") {
                start - 1
            } else {
                start - 2
            };
            if let Some(e) = content_end(doc, a, boundary) {
                let kind = kind_of(doc, &[(a, e)]);
                let outer = &mut raws[o];
                outer.pieces[0].1 = e;
                outer.kind = kind;
            }
            break;
        }
    }
}

/// The comma before the inner source at `start` when only a short adjunct
/// stands between them (`..., at the meeting on Monday she said`): no cue
/// and no relative word (`, in which X said` is left alone). Its index.
fn adjunct_comma(doc: &Doc, a: usize, start: usize) -> Option<usize> {
    (start.saturating_sub(8).max(a + 1)..start - 1)
        .rev()
        .find(|&k| doc.is_punct(k, ",") || doc.quote_at(k).is_some())
        .filter(|&k| doc.is_punct(k, ",") && is_adjunct_start(doc, k + 1))
        .filter(|&k| {
            (k + 1..start).all(|i| {
                doc.is_word(i)
                    && !doc.is_cue(doc.lower(i))
                    && !matches!(doc.lower(i), "which" | "when" | "where" | "whom")
            })
        })
}

/// After `and`, an inner clause (from `start`, cue at `c`) inside the outer
/// content `a..` that goes on with the outer report instead of standing
/// apart; PolNeAR's gold keeps these in the content:
/// - a clause whose subject is `he` or `she` (`said the plan is “complex”
///   and she feels she can win`);
/// - a verb in its bare form after a modal or `to` in the content (`says
///   she would sit him down and tell him “A”`): a report of its own would
///   be in the past or present;
/// - in a that-clause, a verb of thought sharing the clause's subject
///   (`told the paper that the mayor knew X and thought Y`).
fn and_goes_on(
    doc: &Doc,
    a: usize,
    start: usize,
    c: usize,
    source: Option<(usize, usize)>,
) -> bool {
    if doc.lower(start - 1) != "and" {
        return false;
    }
    if source.is_some_and(|(ss, se)| ss == se && ss > a && matches!(doc.lower(ss), "he" | "she")) {
        return true;
    }
    if start != c {
        return false;
    }
    let verb = doc.lower(c);
    let bare = !(verb.ends_with("ed")
        || verb.ends_with('s')
        || verb.ends_with("ing")
        || lexicon::is_irregular_past_cue(verb));
    bare && (a..start - 1).any(|k| doc.lower(k) == "to" || lexicon::is_modal(doc.lower(k)))
        || lexicon::is_cognition(verb) && doc.lower(a) == "that"
}

/// A piece that is only a discourse word (`But, he said, X`, `Indeed, he had
/// stated, “A”`) is no content: the piece goes, and a statement left with
/// no piece goes too.
fn drop_discourse_pieces(doc: &Doc, raws: &mut Vec<Raw>) {
    for r in raws.iter_mut() {
        if r.kind == Kind::Transcript {
            continue;
        }
        // (`neither side would say so`: a pro-form after its cue stays.)
        let cue = r.cue.map_or(usize::MAX, |c| c.0);
        let several = r.pieces.len() > 1;
        r.pieces.retain(|&(a, b)| {
            strip_lead(doc, a, b + 2) <= b || doc.quote_at(a).is_some() || !several && a > cue
        });
    }
    raws.retain(|r| !r.pieces.is_empty());
}

/// A cue inside another statement's content ("she said she hopes to win",
/// "he said the FBI has not commented on X") is part of that statement, not
/// one of its own: PolNeAR's annotators attribute the outer report, and on
/// its train split a nested statement matches a separate attribution less
/// often than it costs precision. A quotation tagged in place
/// (`tagged_in_place`) is the exception.
fn drop_nested(doc: &Doc, raws: &mut Vec<Raw>) {
    let mut outer: Vec<(usize, usize)> = raws
        .iter()
        .filter(|r| r.kind != Kind::Transcript)
        .flat_map(|r| r.pieces.iter().copied())
        .collect();
    outer.sort_unstable();
    // Running maximum of piece ends, so "is c inside any piece" is a binary search.
    let mut reach = Vec::with_capacity(outer.len());
    let mut m = 0usize;
    for &(_, b) in &outer {
        m = m.max(b);
        reach.push(m);
    }
    let inside = |c: usize| {
        let k = outer.partition_point(|&(a, _)| a <= c);
        k > 0 && reach[k - 1] >= c
    };
    // Two statements may hold each other's cue (`Organizers added 160 guards,
    // the Times reported`: "added" takes `160 guards, the Times reported`).
    // The trailing tag (content before its cue) stands; the statement whose
    // content runs on after its cue over the tag does not.
    let run_on = |r: &Raw, o: &Raw| {
        let (Some((oc, _)), Some((rc, _))) = (o.cue, r.cue) else {
            return false;
        };
        let right = |x: &Raw, c: usize| x.pieces.first().is_some_and(|p| p.0 > c);
        let left = |x: &Raw, c: usize| x.pieces.last().is_some_and(|p| p.1 < c);
        r.holds(oc) && o.holds(rc) && right(r, rc) && left(o, oc)
    };
    // The statements whose content holds each statement's cue (None: inside
    // a statement beyond the window, taken as nested).
    let containers: Vec<Option<Vec<usize>>> = (0..raws.len())
        .map(|i| {
            let r = &raws[i];
            let Some((c, _)) = r.cue else {
                return Some(Vec::new());
            };
            if !inside(c) {
                return Some(Vec::new());
            }
            let window = i.saturating_sub(64)..(i + 64).min(raws.len());
            let holding: Vec<usize> = window
                .filter(|&o| o != i && raws[o].kind != Kind::Transcript && raws[o].holds(c))
                .collect();
            if holding.is_empty() {
                return None;
            }
            Some(
                holding
                    .into_iter()
                    .filter(|&o| !run_on(&raws[o], r))
                    .collect(),
            )
        })
        .collect();
    // A statement is nested when a statement that stands holds its cue; one
    // held only by statements that are themselves nested stands (`Asked
    // whether he would ask X to join, Reid said ...`: "ask" runs over "said"
    // but is itself inside the question).
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Open,
        Stands,
        Nested,
    }
    let mut state: Vec<State> = containers
        .iter()
        .map(|c| match c {
            None => State::Nested,
            Some(c) if c.is_empty() => State::Stands,
            Some(_) => State::Open,
        })
        .collect();
    loop {
        let mut changed = false;
        for i in 0..raws.len() {
            if state[i] != State::Open {
                continue;
            }
            let c = containers[i].as_deref().unwrap_or_default();
            if c.iter().any(|&o| state[o] == State::Stands) {
                state[i] = State::Nested;
                changed = true;
            } else if c.iter().all(|&o| state[o] == State::Nested) {
                state[i] = State::Stands;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    // (What is left open holds and is held in a cycle: nested.)
    // A quotation tagged in place stands wherever it is.
    let drop: Vec<bool> = state
        .iter()
        .zip(raws.iter())
        .map(|(&s, r)| s != State::Stands && !tagged_in_place(doc, r))
        .collect();
    // A quotation that continues a nested statement (`Friends call it “a
    // circus,” Lind said. ¶ “But it is ours!”`: the continuation went to
    // `call`) is not lost with it: it goes on with the statement that holds it.
    for i in 0..raws.len() {
        if !drop[i] || raws[i].pieces.len() < 2 {
            continue;
        }
        let Some(&o) = containers[i]
            .as_deref()
            .and_then(|c| c.iter().find(|&&o| !drop[o]))
        else {
            continue;
        };
        let end = raws[o].pieces.last().map_or(usize::MAX, |p| p.1);
        let tail: Vec<(usize, usize)> = raws[i]
            .pieces
            .iter()
            .copied()
            .filter(|&(a, _)| a > end && doc.quote_opening(a).is_some())
            .collect();
        if !tail.is_empty() {
            raws[o].pieces.extend(tail);
            raws[o].kind = kind_of(doc, &raws[o].pieces);
        }
    }
    retain_unmarked(raws, &drop);
}

/// A quotation tagged in place inside another statement's content: its
/// source, then one verb of saying (not a naming verb, not one that takes
/// an object, not one that is often a noun), then the quotation with at most
/// a mark between (`..., to which Okafor retorted: “Nobody believes
/// that.”`, `a third said “never again.”`); or a quotation, then a short
/// source and the verb (`“Hull is no longer Hull,” she claimed`).
/// PolNeAR's annotators attribute it on its own.
fn tagged_in_place(doc: &Doc, r: &Raw) -> bool {
    tag_shape(doc, r) == Some(true)
}

/// Whether `r` is a quotation with a tag of its own: `Some(true)` tagged in
/// place (`tagged_in_place`), `Some(false)` tagged only if a continuation
/// is allowed after its first piece (`“A,” she wrote. “B.”`), `None` neither.
fn tag_shape(doc: &Doc, r: &Raw) -> Option<bool> {
    let (Some((s0, s)), Some((c, ce)), Some(&(a, b))) = (r.source, r.cue, r.pieces.first()) else {
        return None;
    };
    if r.kind != Kind::Direct || s + 1 != c || c != ce {
        return None;
    }
    let before = (c + 1..=c + 2).contains(&a) && (c + 1..a).all(|k| !doc.is_word(k));
    let after = (b + 1..=b + 2).contains(&s0)
        && (b + 1..s0).all(|k| !doc.is_word(k))
        && s.saturating_sub(s0) < 4;
    let lw = doc.lower(c);
    if !(before || after)
        || lexicon::is_naming_verb(lw)
        || lexicon::takes_object(lw)
        || lexicon::nounish(lw)
        || lw == "titled"
    {
        return None;
    }
    if before || after && r.pieces.len() == 1 {
        Some(true)
    } else {
        after.then_some(false)
    }
}

/// `While most voters said the mayor has the “best record,” Lind is ...`:
/// a report whose subject follows a subordinator that opens the sentence
/// is that subordinate clause; its content ends at the comma that closes
/// it, where the main clause begins.
fn end_subordinate_reports(doc: &Doc, raws: &mut [Raw]) {
    for r in raws.iter_mut() {
        let (Some((s0, _)), Some((c, _))) = (r.source, r.cue) else {
            continue;
        };
        if r.pieces.len() != 1 || s0 == 0 || r.kind == Kind::Direct {
            continue;
        }
        let (p0, p1) = r.pieces[0];
        let a = doc.sents[doc.sent_of[s0] as usize].tokens.start;
        if p0 <= c
            || s0 != a + 1
            || !matches!(
                doc.lower(a),
                "while" | "although" | "though" | "because" | "if" | "whereas" | "since" | "unless"
            )
        {
            continue;
        }
        // The main clause's first word: not a conjunction, a relative or
        // a name's second part (`Bunkerville, Nev.`, `, and`, `, who`).
        let main_clause = |n: usize, before: usize| {
            doc.is_word(n)
                && !matches!(
                    doc.lower(n),
                    "and"
                        | "or"
                        | "but"
                        | "who"
                        | "whom"
                        | "whose"
                        | "which"
                        | "where"
                        | "when"
                        | "including"
                        | "such"
                        | "as"
                        | "with"
                        | "especially"
                        | "even"
                        | "not"
                )
                && !(doc.is_capitalized(n) && doc.is_capitalized(before))
        };
        // The first clause comma (outside a quotation, or inside one that
        // closes right after it) before the main clause.
        let mut from = p0 + 1;
        let mut cut = None;
        while let Some(t) = clause_comma(doc, from, p1) {
            from = t + 1;
            if doc.quote_at(t).is_none() {
                if let Some(e) = main_clause(t + 1, t - 1)
                    .then(|| content_end(doc, p0, t))
                    .flatten()
                {
                    cut = Some(e);
                    break;
                }
            } else if t + 1 < p1 && main_clause(t + 2, t - 1) {
                cut = Some(t + 1);
                break;
            }
        }
        if let Some(e) = cut {
            r.pieces[0].1 = e;
            r.kind = kind_of(doc, &r.pieces);
        }
    }
}

/// A report ends before a quotation tagged in place inside it (`The
/// minister argued that the port had lost its purpose: “Hull is no longer
/// Hull,” she claimed`): the quotation is its own statement. So does one
/// whose content ends with a quotation tagged right after it, continued or
/// not (`Lind posted a message about the vote: “We won,” she wrote. “It
/// was close.”`).
fn end_before_tagged(doc: &Doc, raws: &mut [Raw]) {
    let shapes: Vec<Option<bool>> = raws.iter().map(|r| tag_shape(doc, r)).collect();
    let tagged: Vec<bool> = shapes.iter().map(|&t| t == Some(true)).collect();
    // (cue, where the tag starts, whether its cue may lie inside a report)
    let tags: Vec<(usize, usize, bool)> = raws
        .iter()
        .zip(&shapes)
        .filter_map(|(r, &shape)| {
            let in_place = shape?;
            let (s, _) = r.source?;
            let (c, _) = r.cue?;
            Some((c, s.min(r.pieces.first()?.0), in_place))
        })
        .collect();
    if tags.is_empty() {
        return;
    }
    for (r, _) in raws.iter_mut().zip(&tagged).filter(|(_, &t)| !t) {
        let Some(&(a, b)) = r.pieces.last() else {
            continue;
        };
        let Some(&(_, mut t, _)) = tags.iter().find(|&&(c, t, inside)| {
            a < t && (inside && a <= c && c <= b || t <= b && b < c && c <= b + 3)
        }) else {
            continue;
        };
        // At a mark, or before the relative that opens the tag (`, to which`).
        if doc.lower(t - 1) == "which" {
            t -= 1;
            if t > a + 1 && matches!(doc.lower(t - 1), "to" | "in" | "on" | "at" | "for" | "with") {
                t -= 1;
            }
        } else if !(doc.is_punct(t - 1, ":")
            || doc.is_punct(t - 1, ",")
            || doc.is_punct(t - 1, ";"))
        {
            continue;
        }
        if let Some(e) = content_end(doc, a, t) {
            if let Some(last) = r.pieces.last_mut() {
                last.1 = e;
            }
            r.kind = kind_of(doc, &r.pieces);
        }
    }
}

/// `Despite what Berg called a “clear mandate,” the council voted no`: a
/// statement inside an opening adjunct (a preposition and `what` before its
/// source) ends at the comma that closes the adjunct.
fn fronted_what_clauses(doc: &Doc, raws: &mut [Raw]) {
    for r in raws.iter_mut() {
        let (Some((s, _)), Some((c, _))) = (r.source, r.cue) else {
            continue;
        };
        let Some(&(a, b)) = r.pieces.last() else {
            continue;
        };
        if s < 2 || doc.lower(s - 1) != "what" || a <= c {
            continue;
        }
        let st = s - 2;
        let start = doc.sents[doc.sent_of[st] as usize].tokens.start;
        if st != start || !doc.is_word(st) {
            continue;
        }
        // The first comma outside a quotation, or one inside a closing mark.
        let end = clause_comma(doc, a, b).map(|i| {
            if doc.quote_at(i).is_none() {
                i - 1
            } else {
                i + 1
            }
        });
        if let Some(e) = end.filter(|&e| e >= a && e < b) {
            r.pieces.last_mut().expect("checked above").1 = e;
            r.kind = kind_of(doc, &r.pieces);
        }
    }
}

/// `said X on Twitter before claiming that Y`: a participle after `before`,
/// `after` or `while` that opens the end of another statement's content is
/// a cue of its own; the other statement ends before it. After `by`
/// (`defended the remark by saying it was X`) the participle says what the
/// other verb did: that statement, whose content was only the verb's object
/// and the participle's report, goes.
fn tail_participles(doc: &Doc, raws: &mut Vec<Raw>) {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut manner: Vec<bool> = Vec::new();
    for (i, r) in raws.iter().enumerate() {
        let Some((c, _)) = r.cue else { continue };
        if !doc.lower(c).ends_with("ing") || r.pieces.first().is_none_or(|p| p.0 <= c) {
            continue;
        }
        let Some(end) = r.pieces.last().map(|p| p.1) else {
            continue;
        };
        let Some(lead) = c
            .checked_sub(1)
            .filter(|&k| matches!(doc.lower(k), "before" | "after" | "while" | "by"))
        else {
            continue;
        };
        // (After `by`, a verb of saying: not `by refusing to`, `by supporting X`.)
        let by = doc.lower(lead) == "by";
        if by && !lexicon::is_saying_participle(doc.lower(c)) {
            continue;
        }
        let window = i.saturating_sub(16)..(i + 16).min(raws.len());
        for (o, ro) in raws.iter().enumerate().take(window.end).skip(window.start) {
            let (Some(&(a, e)), 1) = (ro.pieces.first(), ro.pieces.len()) else {
                continue;
            };
            if o == i || a >= lead || e != end {
                continue;
            }
            if !by {
                if ro.cue.is_some_and(|(oc, _)| oc < a) {
                    cuts.push((o, lead));
                }
                continue;
            }
            // Only the verb's object before `by`.
            let short = doc.lower(a) != "that"
                && (a..lead).filter(|&k| doc.is_word(k)).count() <= 8
                && !(a..lead).any(|k| doc.is_terminal(k) || doc.quote_at(k).is_some());
            if short && ro.cue.is_some_and(|(oc, _)| oc < lead) {
                if manner.is_empty() {
                    manner.resize(raws.len(), false);
                }
                manner[o] = true;
            }
        }
    }
    for (o, lead) in cuts {
        let a = raws[o].pieces[0].0;
        if let Some(e) = content_end(doc, a, lead) {
            raws[o].pieces[0].1 = e;
            raws[o].kind = kind_of(doc, &raws[o].pieces);
        }
    }
    if !manner.is_empty() {
        retain_unmarked(raws, &manner);
    }
}

/// Drops the statements marked in `drop` (one flag per statement).
fn retain_unmarked(raws: &mut Vec<Raw>, drop: &[bool]) {
    let mut k = 0;
    raws.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// `the reality show “Cake Boss.”`, `wrote “Peter Pan,”`, `a play called
/// “Brokers,”`: a short quotation in title case after a naming or authoring
/// cue names a work; nobody says it.
fn is_named_title(doc: &Doc, r: &Raw) -> bool {
    let Some((c, e)) = r.cue else { return false };
    let [(a, b)] = r.pieces[..] else { return false };
    if r.kind != Kind::Direct || a <= e || doc.quote_opening(a).is_none() {
        return false;
    }
    let words: Vec<usize> = (a..=b).filter(|&k| doc.is_word(k)).collect();
    words.len() <= 4
        && words.iter().all(|&k| {
            doc.is_capitalized(k) || matches!(doc.lower(k), "the" | "of" | "a" | "and" | "in")
        })
        && (c..=e).any(|k| {
            matches!(
                doc.lower(k),
                "show" | "called" | "wrote" | "named" | "dubbed" | "starred" | "produced"
            )
        })
}

/// Two statements over mostly the same words (`declined to say whether X`
/// found by `declined` and by `declined to say`, `pledged to oppose X` by
/// `pledged` and by `oppose`) report one thing once: the statement with the
/// longer cue phrase stands (with equal cues, the shorter content). Mostly:
/// the words both share are at least half of the words either has.
fn drop_overlapping(doc: &Doc, raws: &mut Vec<Raw>) {
    let words = |r: &Raw| -> Vec<usize> {
        r.pieces
            .iter()
            .flat_map(|&(a, b)| a..=b)
            .filter(|&k| doc.is_word(k))
            .collect()
    };
    let hull = |r: &Raw| {
        (
            r.pieces.first().map_or(0, |p| p.0),
            r.pieces.last().map_or(0, |p| p.1),
        )
    };
    let cue_len = |r: &Raw| r.cue.map_or(0, |(a, b)| doc.span(a, b).len());
    let mut drop = vec![false; raws.len()];
    // Each statement's words, listed once, when it first meets another.
    let mut sets: Vec<Option<Vec<usize>>> = vec![None; raws.len()];
    for i in 0..raws.len() {
        for j in i + 1..raws.len().min(i + 16) {
            if drop[i]
                || drop[j]
                || raws[i].kind == Kind::Transcript
                || raws[j].kind == Kind::Transcript
            {
                continue;
            }
            // Most pairs do not touch: compare words only where the hulls meet.
            let ((s1, e1), (s2, e2)) = (hull(&raws[i]), hull(&raws[j]));
            if s1 > e2 || s2 > e1 {
                continue;
            }
            for x in [i, j] {
                if sets[x].is_none() {
                    sets[x] = Some(words(&raws[x]));
                }
            }
            let (a, b) = (
                sets[i].as_deref().unwrap_or_default(),
                sets[j].as_deref().unwrap_or_default(),
            );
            if a.is_empty() || b.is_empty() {
                continue;
            }
            // (Both lists are sorted token indices.)
            let shared = a.iter().filter(|k| b.binary_search(k).is_ok()).count();
            if 2 * shared < a.len() + b.len() - shared {
                continue;
            }
            // A quotation tagged in place inside the other's content gives way
            // to the statement that holds it.
            let held = |x: &Raw, y: &Raw| {
                tagged_in_place(doc, x) && x.cue.is_some_and(|(c, _)| y.holds(c))
            };
            if held(&raws[j], &raws[i]) {
                drop[j] = true;
                continue;
            }
            if held(&raws[i], &raws[j]) {
                drop[i] = true;
                continue;
            }
            let keep_i = match cue_len(&raws[i]).cmp(&cue_len(&raws[j])) {
                std::cmp::Ordering::Greater => true,
                std::cmp::Ordering::Less => false,
                std::cmp::Ordering::Equal => a.len() <= b.len(),
            };
            drop[if keep_i { j } else { i }] = true;
        }
    }
    retain_unmarked(raws, &drop);
}

/// Two cues may find the same content (a cue phrase of two cue words).
fn dedupe(doc: &Doc, raws: &mut Vec<Raw>) {
    let mut seen = lexicon::FxSet::with_capacity_and_hasher(raws.len(), Default::default());
    raws.retain(|r| seen.insert((r.pieces.clone(), r.kind == Kind::Transcript)));
    // A title shown twice by the page says nothing twice. (Other repeated
    // paragraphs, as in live blogs, stand: PolNeAR annotates each copy.)
    let mut texts = lexicon::FxSet::with_capacity_and_hasher(raws.len(), Default::default());
    raws.retain(|r| {
        let text: Vec<&str> = r
            .pieces
            .iter()
            .map(|&(a, b)| doc.span(a, b).slice(doc.text))
            .collect();
        let src = r.source.map(|(a, b)| doc.span(a, b).slice(doc.text));
        let in_title = r
            .pieces
            .first()
            .is_some_and(|p| doc.para_of_token(p.0) == 0);
        let key = (text, src, r.kind);
        if in_title {
            texts.insert(key);
            true
        } else {
            !texts.contains(&key)
        }
    });
}

/// `Lavrov: Moscow doesn’t want war` at the start of a paragraph.
fn headline_colon(doc: &Doc, si: usize, raws: &mut Vec<Raw>) {
    let s = &doc.sents[si];
    let a = s.tokens.start;
    if !doc.toks[a].newline_before && a != 0 {
        return;
    }
    // (`EXCLUSIVE – Lind: ...`: a label and a dash before the name.)
    let a = if matches!(
        doc.lower(a),
        "exclusive" | "breaking" | "watch" | "video" | "update"
    ) && matches!(doc.word(a + 1), "–" | "—" | "-")
    {
        a + 2
    } else {
        a
    };
    let mut j = a;
    let mut reach = 4;
    while j < s.tokens.end && j < a + reach {
        if doc.is_capitalized(j) {
            j += 1;
        } else if doc.period_in_name(j) {
            // `Dr. Ben Carson:`
            j += 1;
            reach += 1;
        } else if j > a
            && matches!(doc.lower(j), "to" | "at" | "on")
            && doc.is_capitalized(j + 1)
            && doc.lower(a) != "according"
        {
            // `Lind to the Council:`, `Berg at the Forum:`: whom and where.
            j += 1;
            reach += 3;
        } else {
            break;
        }
    }
    if j == a || !doc.is_punct(j, ":") || s.tokens.end < j + 4 {
        return;
    }
    // A name-like run, not a label such as "UPDATE" or "Note".
    if matches!(
        doc.lower(a),
        "update"
            | "updated"
            | "note"
            | "editor's"
            | "photo"
            | "photos"
            | "read"
            | "watch"
            | "see"
            | "also"
            | "source"
            | "sources"
            | "related"
            | "q"
            | "a"
            | "tags"
            | "topics"
            | "keywords"
            | "filed"
            | "posted"
            | "share"
            | "published"
            | "by"
            | "image"
            | "video"
            | "credit"
            | "caption"
            | "advertisement"
            | "listen"
            | "comments"
            | "reading"
            | "subscribe"
            | "follow"
    ) {
        return;
    }
    // Editorial labels anywhere in the run: `The Latest:`, `Contributing:`,
    // `BREAKING:`, `Paid Notice:` (but `Poll: Clinton leads` is the poll's).
    if (a..j).any(|k| {
        matches!(
            doc.lower(k),
            "latest"
                | "contributing"
                | "byline"
                | "correction"
                | "corrections"
                | "breaking"
                | "exclusive"
                | "revealed"
                | "look"
                | "wow"
                | "boom"
                | "bombshell"
                | "notice"
                | "analysis"
                | "opinion"
                | "editorial"
                | "live"
                | "dateline"
                | "abstract"
        )
    }) {
        return;
    }
    // `Nevada: Adam Khan, Ann Diss, Bob Cavazos, ...`: a list of names.
    let (words, caps, commas) = (j + 1..s.tokens.end).fold((0, 0, 0), |(w, c, m), k| {
        (
            w + usize::from(doc.is_word(k)),
            c + usize::from(doc.is_capitalized(k)),
            m + usize::from(doc.is_punct(k, ",")),
        )
    });
    if commas >= 3 && caps * 10 > words * 6 {
        return;
    }
    // `FALLIN: I think ... . They want ...`: a speaker's turn in an interview
    // transcript runs to the end of the paragraph.
    let mut last = si;
    while last + 1 < doc.sents.len() && !doc.toks[doc.sents[last + 1].tokens.start].newline_before {
        last += 1;
    }
    let Some(end) = content_end(doc, j + 1, doc.sents[last].tokens.end) else {
        return;
    };
    raws.push(Raw::new(
        doc,
        vec![(j + 1, end)],
        Some((j, j)),
        // (The source is the name, not whom or where.)
        Some((
            a,
            (a..j)
                .find(|&k| matches!(doc.lower(k), "to" | "at" | "on"))
                .map_or(j - 1, |k| k - 1),
        )),
    ));
}

/// The last token of content that runs from `from` to the sentence end
/// `end` (exclusive): the final period is left out unless a quotation closes
/// after it.
fn content_end(doc: &Doc, from: usize, end: usize) -> Option<usize> {
    let mut e = end;
    while e > from
        && (doc.is_terminal(e - 1)
            || doc.is_punct(e - 1, ",")
            || doc.is_punct(e - 1, ";")
            || doc.is_punct(e - 1, ":"))
    {
        e -= 1;
    }
    (e > from).then(|| e - 1)
}

/// A quotation that opens in a content ending at `e` and runs past the
/// sentence end (`said that “A. B.”`) is content to its closing mark, in
/// the same paragraph.
fn through_quotation(doc: &Doc, e: usize) -> usize {
    match doc.quote_at(e) {
        Some(q)
            if doc.quotes[q].close > e
                && doc.para_of_token(doc.quotes[q].close) == doc.para_of_token(e) =>
        {
            doc.quotes[q].close
        }
        _ => e,
    }
}

fn kind_of(doc: &Doc, pieces: &[(usize, usize)]) -> Kind {
    let all_quotes = pieces.iter().all(|&(a, b)| {
        doc.quote_opening(a).is_some()
            && doc.quote_closing(b).is_some()
            && doc.quote_at(a) == doc.quote_at(b)
    });
    if all_quotes {
        return Kind::Direct;
    }
    let has_quote = pieces.iter().any(|&(a, b)| {
        (a..=b).any(|i| {
            doc.toks[i].quote().is_some_and(|q| q.is_double()) && doc.quote_at(i).is_some()
        })
    });
    if has_quote {
        Kind::Mixed
    } else {
        Kind::Indirect
    }
}

fn is_adjunct_start(doc: &Doc, i: usize) -> bool {
    let w = doc.lower(i);
    // "there is", "too many": the start of a clause, not an adjunct.
    if matches!(w, "there" | "here")
        && matches!(
            doc.lower(i + 1),
            "is" | "are"
                | "was"
                | "were"
                | "will"
                | "would"
                | "has"
                | "have"
                | "had"
                | "may"
                | "might"
                | "could"
                | "should"
                | "must"
                | "can"
                | "isn't"
                | "aren't"
                | "wasn't"
        )
        || w == "there's"
        || w == "too" && doc.is_word(i + 1)
    {
        return false;
    }
    lexicon::is_weekday(w)
        || matches!(
            w,
            "on" | "in"
                | "at"
                | "during"
                | "after"
                | "before"
                | "when"
                | "while"
                | "last"
                | "this"
                | "yesterday"
                | "today"
                | "tonight"
                | "earlier"
                | "later"
                | "recently"
                | "as"
                | "according"
                | "from"
                | "via"
                | "with"
                | "of"
                | "through"
                | "over"
                | "about"
                | "afterward"
                | "afterwards"
                | "then"
                | "again"
                | "too"
                | "also"
                | "late"
                | "early"
                | "following"
                | "amid"
                | "since"
                | "without"
                | "upon"
                | "by"
                | "outside"
                | "inside"
                | "near"
                | "ahead"
                | "back"
                | "once"
                | "here"
                | "there"
                | "under"
                | "privately"
                | "publicly"
                | "repeatedly"
                | "flatly"
                | "bluntly"
        )
}

/// Walks back from `j` (inclusive) over a noun phrase; returns its first token.
fn np_start(doc: &Doc, j: usize, floor: usize) -> usize {
    let lw = lexicon::pronoun_base(doc.lower(j));
    if lexicon::is_pronoun(lw) || matches!(lw, "him" | "her" | "them" | "us" | "me") {
        return j;
    }
    let mut k = j;
    while k > floor && j - k < 8 {
        let p = k - 1;
        if doc.quote_at(p).is_some() {
            break;
        }
        let t = &doc.toks[p];
        let ok = match t.kind {
            TokenKind::Word | TokenKind::Number => {
                let lp = doc.lower(p);
                // (`A spokesman for the mayor said`, `The head of the
                // institute said`: the phrase's head is the speaker.)
                let determiner_next = matches!(lp, "of" | "for")
                    && p > floor
                    && lexicon::is_determiner(doc.lower(p + 1))
                    && lexicon::is_phrase_head(doc.lower(p - 1));
                let inner_prep = matches!(lp, "of" | "in" | "for")
                    && (doc.is_capitalized(p + 1)
                        || doc.lower(p + 1) == "the" && doc.is_capitalized(p + 2)
                        || determiner_next)
                    && p > floor
                    && doc.is_word(p - 1);
                inner_prep
                    || !(lexicon::is_np_stop(lp) || lexicon::is_pronoun(lp))
                    || doc.is_capitalized(p)
                        && !matches!(lp, "but" | "and" | "so" | "that")
                        && !lexicon::is_subordinator(lp)
            }
            TokenKind::Punct => {
                // Mr. / U.S. / hyphens inside names
                (doc.word(p) == "." && !t.space_before && p > floor && doc.is_capitalized(p - 1))
                    || doc.word(p) == "&"
            }
            TokenKind::Quote(_) => false,
        };
        if !ok {
            break;
        }
        k = p;
    }
    // Do not start on a stray period.
    while k < j && !doc.is_word(k) {
        k += 1;
    }
    k
}

/// Walks forward from `i` over a noun phrase (an inverted subject: "said the
/// minister"); returns its last token.
fn np_end_forward(doc: &Doc, i: usize, end: usize) -> Option<usize> {
    if i >= end || !doc.is_word(i) {
        return None;
    }
    let mut k = i;
    while k + 1 < end && k - i < 8 {
        let n = k + 1;
        let t = &doc.toks[n];
        let ok = match t.kind {
            TokenKind::Word | TokenKind::Number => {
                let ln = doc.lower(n);
                !(lexicon::is_np_stop(ln) || is_adjunct_start(doc, n))
                    || (ln == "of" && doc.is_capitalized(n + 1))
            }
            TokenKind::Punct => n + 1 < end && doc.period_in_name(n),
            TokenKind::Quote(_) => false,
        };
        if !ok {
            break;
        }
        k = n;
    }
    Some(k)
}

/// `According to X, CONTENT.` and `CONTENT, according to X.`
fn according_to(doc: &Doc, si: usize, i: usize) -> Option<Raw> {
    let s = &doc.sents[si];
    let (a, b) = (s.tokens.start, s.tokens.end);
    let src_start = i + 2;
    let src_end = np_end_forward(doc, src_start, b)?;
    let cue = Some((i, i + 1));
    let source = Some((src_start, src_end));
    // `“The pier is closed,” according to the mayor.`
    if i > a + 1 && doc.quote_closing(i - 1).is_some() && doc.is_punct(i - 2, ",") {
        let pieces = left_content(doc, si, i - 1)?;
        return Some(Raw::new(doc, pieces, cue, source));
    }
    let before_comma = i > a && doc.is_punct(i - 1, ",");
    if before_comma {
        // (`“A. B?,” the judge said, according to the Post.`: a sentence that
        // opens inside a quotation reaches back to its opening mark.)
        let start = match doc.quote_at(a) {
            Some(q) if doc.quotes[q].open < a => doc.quotes[q].open,
            _ => strip_lead(doc, a, i - 1),
        };
        if start + 1 < i {
            let mut pieces = vec![(start, i - 2)];
            // `Other major cleavages, according to the poll, include ideology`:
            // a short subject or adjunct, and the clause resumes after the source.
            let short = (start..i).filter(|&k| doc.is_word(k)).count() <= 7;
            let mut after = src_end + 1;
            // `according to Dan Ross, a former envoy, the talks ...`
            if doc.is_punct(after, ",")
                && matches!(
                    doc.lower(after + 1),
                    "a" | "an" | "another" | "the" | "who" | "which"
                )
            {
                after = (after + 1..b).find(|&k| doc.is_punct(k, ",")).unwrap_or(b);
            }
            if short && doc.is_punct(after, ",") {
                if let Some(rest) = interrupted_rest(doc, after, b) {
                    pieces.push(rest);
                }
            }
            return Some(Raw::new(doc, pieces, cue, source));
        }
    }
    // Content after the source's comma (or colon: `According to the
    // Gazette: “A.”`).
    let mut c = src_end + 1;
    while c < b && !doc.is_punct(c, ",") && !doc.is_punct(c, ":") {
        c += 1;
    }
    if c + 1 >= b {
        return None;
    }
    let end = through_quotation(doc, content_end(doc, c + 1, b)?);
    let pieces = vec![(c + 1, end)];
    Some(Raw::new(doc, pieces, cue, source))
}

/// `CONTENT, as X reported on Saturday.`: the clause before the comma at
/// `as_at - 1`, and when the sentence goes on after the tag's own comma and
/// the content was a short subject (`The pier, as X reported, has been
/// sold.`), the rest of the clause as a second piece.
fn reported_before(
    doc: &Doc,
    (a, b): (usize, usize),
    as_at: usize,
    after: usize,
    cue: (usize, usize),
    source: (usize, usize),
) -> Option<Raw> {
    let comma = as_at - 1;
    let start = strip_lead(doc, a, comma);
    if start >= comma || doc.quote_at(comma).is_some() && doc.quote_closing(comma).is_none() {
        return None;
    }
    // Not after a quotation's own tag or another cue (`“A,” she said, as
    // X recalled`), nor after an opening adjunct (`Just weeks ago, as X
    // reported, ...`).
    let words = (start..comma).filter(|&k| doc.is_word(k)).count();
    if words < 2
        || is_adjunct_start(doc, start)
        || (start..comma).any(|k| doc.quote_closing(k).is_some() || verb_cue_word(doc, k))
    {
        return None;
    }
    // (A comma inside a closing mark: the quotation is whole.)
    let last = if doc.quote_closing(comma).is_some() {
        comma
    } else {
        comma - 1
    };
    let mut pieces = vec![(start, last)];
    // Only adjuncts after the cue (`noted in The Intercept`), up to a comma
    // or the sentence end: `, as he explained how ...` is no tag.
    let close = (after..b.min(after + 8)).find(|&k| doc.is_punct(k, ",") || doc.is_terminal(k));
    let c = match close {
        Some(c) => c,
        None if b <= after + 8 => b,
        None => return None,
    };
    if c > after
        && (!is_adjunct_start(doc, after)
            || !(after..c).all(|k| doc.is_word(k) && doc.quote_at(k).is_none()))
    {
        return None;
    }
    if c < b && doc.is_punct(c, ",") && words <= 7 {
        if let Some(rest) = content_end(doc, c + 1, b) {
            pieces.push((c + 1, rest));
        }
    }
    Some(Raw::new(doc, pieces, Some(cue), Some(source)))
}

/// Drops a leading discourse word ("However,", "But") from content.
fn strip_lead(doc: &Doc, a: usize, limit: usize) -> usize {
    let mut s = a;
    // A dateline: "GENEVA –", "NEW YORK —".
    let mut k = a;
    while k < limit
        && k < a + 3
        && doc.is_word(k)
        && doc.word(k).chars().all(|c| !c.is_lowercase())
        && doc.word(k).chars().any(char::is_alphabetic)
    {
        k += 1;
    }
    if k > a && k < limit && matches!(doc.word(k), "–" | "—" | "-" | "--") {
        s = k + 1;
    }
    let first = s;
    // (`And then`, `But now`: a conjunction and an adverb.)
    while s + 1 < limit
        && (s == first || s == first + 1 && matches!(doc.lower(first), "and" | "but" | "yet"))
        && matches!(
            doc.lower(s),
            "however"
                | "but"
                | "and"
                | "still"
                | "meanwhile"
                | "yet"
                | "so"
                | "instead"
                | "moreover"
                | "also"
                | "indeed"
                | "nevertheless"
                | "now"
                | "then"
        )
    {
        s += 1;
        if doc.is_punct(s, ",") {
            s += 1;
        }
    }
    s
}

fn verb_cue(doc: &Doc, si: usize, c: usize, class: CueClass, earlier: &[Raw]) -> Option<Raw> {
    let s = &doc.sents[si];
    let (a, b) = (s.tokens.start, s.tokens.end);
    let lw = doc.lower(c);
    // Cue phrase extent.
    let mut cue_first = c;
    let mut cue_last = c;
    // Phrasal cues: "talked about X", "called for X", "pointed to X".
    let phrasal = lexicon::phrasal_particle(lw, doc.lower(c + 1));
    if phrasal {
        cue_last = c + 1;
    } else if matches!(lw, "pointed" | "pointing" | "points" | "point") {
        if doc.lower(c + 1) == "out" {
            cue_last = c + 1;
        } else {
            return None;
        }
    } else if lexicon::phrasal_only(lw) {
        return None;
    }
    let (class, lw_content) = if phrasal {
        (CueClass::Speech, "said")
    } else {
        (class, lw)
    };
    // "went on to say", "declined to comment", "wants to say"
    if cue_first >= a + 2 && doc.lower(cue_first - 1) == "to" {
        let mut k = cue_first - 2;
        if doc.lower(k) == "on" && k > a {
            k -= 1;
        }
        if doc.is_word(k) && !lexicon::is_np_stop(doc.lower(k)) {
            cue_first = purpose_verb(doc, a, k).unwrap_or(k);
        } else {
            return None;
        }
    }
    let lw = doc.lower(c).to_string();
    if lexicon::needs_quote(&lw) && !quote_follows(doc, cue_last + 1) {
        return None;
    }
    // "the alleged threat", "Russia's stated aim": adjectives, not cues.
    if cue_first > a {
        let prev = doc.lower(cue_first - 1);
        let adjective = matches!(
            prev,
            "the"
                | "a"
                | "an"
                | "its"
                | "his"
                | "her"
                | "their"
                | "our"
                | "this"
                | "that"
                | "these"
                | "those"
                | "my"
                | "your"
                | "one"
                | "every"
                | "each"
                | "new"
                | "latest"
                | "first"
                | "last"
                | "including"
                | "of"
                | "in"
                | "greatest"
                | "such"
                | "no"
                | "any"
                | "some"
        ) || prev.ends_with("'s")
            && !matches!(lexicon::pronoun_base(prev), "he" | "she" | "it")
            // (`the radio show “Low Tide”`, `a gun show`: a compound noun.)
            || matches!(lw.as_str(), "show" | "shows") && lexicon::is_show_kind(prev);
        // (`He's claiming`: a pronoun and its auxiliary, not a possessive.)
        // `Some said ...`: the pronoun that opens the sentence is the subject.
        let some_subject = prev == "some"
            && cue_first - 1 == a
            && matches!(
                lw.as_str(),
                "said"
                    | "say"
                    | "says"
                    | "chanted"
                    | "argued"
                    | "argue"
                    | "claimed"
                    | "claim"
                    | "believe"
                    | "believed"
                    | "think"
                    | "thought"
                    | "warned"
                    | "wrote"
                    | "told"
                    | "asked"
                    | "suggested"
                    | "worried"
                    | "feared"
                    | "fear"
            );
        if adjective && !some_subject {
            return None;
        }
    }
    // Passives ("was being repeated", "is known"): the subject is not the source.
    if lw.ends_with("ed")
        || matches!(
            lw.as_str(),
            "said"
                | "told"
                | "thought"
                | "known"
                | "shown"
                | "found"
                | "seen"
                | "written"
                | "heard"
                | "read"
        )
    {
        let mut k = cue_first;
        while k > a && lexicon::is_between_word(doc.lower(k - 1)) {
            k -= 1;
            if lexicon::is_be_form(doc.lower(k)) && lw != "expected" {
                return None;
            }
        }
    }
    // Participles after a comma take the main clause's subject.
    // (`, recently telling X`: an adverb may stand between them.)
    let before = if cue_first > a + 1
        && lw.ends_with("ing")
        && (is_ly_adverb(doc, cue_first - 1) || doc.lower(cue_first - 1) == "instead")
    {
        cue_first - 1
    } else {
        cue_first
    };
    let after_comma = before > a
        && (doc.is_punct(before - 1, ",")
            || matches!(doc.word(before - 1), "—" | "–" | "--")
                && doc.toks[before - 1].space_before
            || before > a + 1
                && doc.quote_closing(before - 1).is_some()
                && doc.is_punct(before - 2, ","));
    // `punctuated his list by saying “Too many.”`, `while insisting that`,
    // `by essentially telling`.
    let after_subordinator = before > a
        && matches!(
            doc.lower(before - 1),
            "by" | "upon" | "while" | "after" | "before" | "when" | "without"
        );
    if class == CueClass::Participle && !after_comma {
        if let Some(r) = opening_participle(doc, si, (cue_first, cue_last)) {
            return Some(r);
        }
    }
    if (class == CueClass::Participle || lw.ends_with("ing")) && (after_comma || after_subordinator)
    {
        let source = clause_source(doc, earlier)
            .or_else(|| clause_subject(doc, a, cue_first).map(|s| before_verb(doc, s)));
        let (start, end) = right_content(doc, cue_last + 1, b, class, lw_content)?;
        let pieces = vec![(start, end)];
        return Some(Raw::new(doc, pieces, Some((cue_first, cue_last)), source));
    }

    // Walk back over adverbs, auxiliaries and a time adjunct (`Clinton on
    // Tuesday said`, `X last week said`) to the subject.
    let mut j = cue_first;
    loop {
        // (`Lind erroneously said`: any -ly adverb after a subject word, not
        // `, implicitly criticized` or `and officially endorsed`.)
        // (`Berg only explained`, `would only say`: so does `only`, not
        // `the only senator`.)
        let adverb = |j: usize| {
            j > a + 1
                && (is_ly_adverb(doc, j - 1)
                    || doc.lower(j - 1) == "only"
                        && !lexicon::is_determiner(doc.lower(j - 2))
                        && !matches!(doc.lower(j), "be" | "been" | "being"))
                && (doc.is_word(j - 2)
                    // (`Ana Berg, the harbour master, sharply criticized`: an
                    // appositive's closing comma, in a sentence with no
                    // quotation before it.)
                    || is_ly_adverb(doc, j - 1)
                        && doc.is_punct(j - 2, ",")
                        && j > a + 3
                        && (a..j - 2).all(|k| doc.quote_at(k).is_none()))
                && doc.quote_at(j - 2).is_none()
                && (!lexicon::is_np_stop(doc.lower(j - 2))
                    || lexicon::is_between_word(doc.lower(j - 2)))
                // (`is widely expected`: a passive keeps its own reading.)
                && !matches!(doc.lower(j - 2), "and" | "but" | "or")
                && !lexicon::is_be_form(doc.lower(j - 2))
        };
        while j > a && (lexicon::is_between_word(doc.lower(j - 1)) || adverb(j)) {
            j -= 1;
        }
        match time_adjunct_before(doc, a, j) {
            Some(t) if t < j => j = t,
            _ => break,
        }
    }
    // "Rep. Trey Gowdy (R-S.C.) said": skip a parenthesis after the name.
    if j > a + 1 && doc.is_punct(j - 1, ")") {
        let mut k = j - 1;
        while k > a && !doc.is_punct(k, "(") && j - k < 8 {
            k -= 1;
        }
        if doc.is_punct(k, "(") && k > a {
            j = k;
        }
    }
    // `Murphy — after a knock-on-wood gesture — told me`: a dash aside
    // between the subject and the cue.
    let is_dash =
        |k: usize| matches!(doc.word(k), "—" | "–" | "--" | "-" | "―") && doc.toks[k].space_before;
    if j > a + 2 && is_dash(j - 1) {
        let mut k = j - 2;
        while k > a && !is_dash(k) && j - k < 30 && doc.quote_at(k).is_none() {
            k -= 1;
        }
        if k > a && is_dash(k) && doc.is_word(k - 1) {
            j = k;
        }
    }
    // ", however," between subject and cue
    if j >= a + 3
        && doc.is_punct(j - 1, ",")
        && doc.is_punct(j - 3, ",")
        && matches!(
            doc.lower(j - 2),
            "however" | "though" | "meanwhile" | "too" | "instead" | "also" | "in" | "then"
        )
    {
        j -= 3;
    }
    // `“A,” a spokesman for committee Democrats said`: a quotation opens the
    // sentence, and everything between it and the cue is the subject.
    let quoted_subject = quote_subject(doc, si, j);
    let relative_that = j > a + 1
        && doc.lower(j - 1) == "that"
        && doc.is_word(j - 2)
        && !doc.is_cue(doc.lower(j - 2))
        && !lexicon::is_np_stop(doc.lower(j - 2));
    let coordinated =
        j > a + 1 && matches!(doc.lower(j - 1), "and" | "but") && doc.quote_at(j - 1).is_none();
    let subject = if let Some(qs) = quoted_subject {
        Some(qs)
    } else if relative_that {
        Some((j - 1, j - 1))
    } else if j > a
        && doc.is_word(j - 1)
        && doc.quote_at(j - 1).is_none()
        && !lexicon::is_np_stop(doc.lower(j - 1))
    {
        let e = j - 1;
        let st = np_start(doc, e, a);
        Some(adjunct_subject(doc, a, st).unwrap_or((st, e)))
    } else if j > a + 1 && doc.word(j - 1) == "%" && doc.toks[j - 2].kind == TokenKind::Number {
        // `42% say they're liberal`
        Some((j - 2, j - 1))
    } else if j > a + 1
        && doc.word(j - 1) == "."
        && !doc.toks[j - 1].space_before
        && doc.is_capitalized(j - 2)
        && doc.word(j - 2).len() <= 3
    {
        // `Donald Jr. announced`: a name that ends in an abbreviation.
        Some((np_start(doc, j - 1, a), j - 1))
    } else if coordinated {
        // "... shook her head and said, ‘No.’": the clause's own subject
        // (`Lind turned to the crowd and said`: not its verb).
        let source = clause_source(doc, earlier).or_else(|| {
            clause_subject(doc, a, j - 1).map(|(st, e)| {
                // (a past tense right after a name or a noun, not `the question`)
                let verb = (st + 1..=e).find(|&i| {
                    let l = doc.lower(i);
                    !doc.is_capitalized(i)
                        && (l.len() > 4 && l.ends_with("ed") || lexicon::is_irregular_past(l))
                        && !matches!(doc.lower(i - 1), "the" | "a" | "an")
                        && !doc.lower(i - 1).ends_with("'s")
                });
                (st, verb.map_or(e, |v| v - 1))
            })
        })?;
        let (start, end) = right_content(doc, cue_last + 1, b, class, lw_content)?;
        let pieces = vec![(start, end)];
        return Some(Raw::new(
            doc,
            pieces,
            Some((cue_first, cue_last)),
            Some(source),
        ));
    } else if j > a + 2 && doc.is_punct(j - 1, ",") {
        appositive(doc, a, j - 1).or_else(|| long_subject(doc, a, j - 1, cue_last + 1, b, &lw))
    } else if j > a + 3 && doc.quote_closing(j - 1).is_some() && doc.is_punct(j - 2, ",") {
        // `Anna Berg, star of “Low Tide,” said`: the comma that ends the
        // description stands inside the title's closing mark.
        appositive(doc, a, j - 1).map(|(st, _)| (st, j - 1))
    } else {
        None
    };
    if let Some(r) = as_reported(doc, si, subject, (cue_first, cue_last)) {
        return Some(r);
    }
    if not_a_cue_here(doc, &lw, cue_last + 1) {
        return None;
    }
    // Noun-like cue forms ("a report", "his calls") need a clear verb use,
    // and are objects after another verb ("denied reports that").
    // (`Her plan promises to`: a noun before it is its subject.)
    if lexicon::nounish(&lw)
        && cue_first > a
        && doc.is_cue(doc.lower(cue_first - 1))
        && !lexicon::nounish(doc.lower(cue_first - 1))
    {
        return None;
    }
    if lexicon::nounish(&lw) {
        let pronoun_subject =
            subject.is_some_and(|(ss, se)| ss == se && lexicon::is_pronoun(doc.lower(ss)));
        let next = time_adjunct_after(doc, cue_last + 1, b);
        let clause_next = doc.lower(next) == "that"
            || doc.quote_opening(next).is_some()
            || doc.is_punct(next, ":")
            || (doc.is_punct(next, ",") && doc.quote_opening(next + 1).is_some());
        let quote_left = j > a && doc.quote_closing(j - 1).is_some()
            || subject.is_some_and(|(ss, _)| ss > 0 && doc.quote_closing(ss - 1).is_some());
        // `Sanders hopes to win`, `The campaign plans to release`: an infinitive
        // right after the subject makes the form a verb.
        // (`Lind also pledged to`: adverbs and auxiliaries between them.)
        // (`Li Wei, head of the institute, calls`: the comma that closes an
        // appositive subject.)
        let adjacent = subject.is_some_and(|(_, se)| {
            let from = if j == se + 2 && doc.is_punct(se + 1, ",") {
                se + 2
            } else {
                se + 1
            };
            (from..cue_first).all(|i| lexicon::is_between_word(doc.lower(i)))
        });
        // (`pledged to “bring our revolution”`: the verb may open a quotation.)
        let verb_at = if doc.quote_opening(next + 1).is_some() {
            next + 2
        } else {
            next + 1
        };
        let infinitive_next = doc.lower(next) == "to"
            && doc.is_word(verb_at)
            && !doc.is_capitalized(verb_at)
            && !lexicon::is_np_stop(doc.lower(verb_at));
        // `The poll shows Clinton leading`: a poll or a record shows its content.
        let artifact_subject = subject.is_some_and(|(ss, se)| artifact_np(doc, ss, se));
        // `The mayor hopes obstruction would ...`: a bare clause after a verb of thought.
        // (Not the noun: `The only hope the town has`.)
        let bare_clause_next = lexicon::is_cognition(&lw)
            && bare_clause_at(doc, next, b)
            && !lexicon::is_any_determiner(doc.lower(cue_first.saturating_sub(1)))
            && !matches!(
                doc.lower(cue_first.saturating_sub(1)),
                "only" | "no" | "any" | "every"
            );
        // `Lind calls it the “harbour jewel”`, `Critics call him reckless`,
        // `Lind calls for a ban`: a verb of naming or demanding.
        let naming_next = matches!(lw.as_str(), "call" | "calls")
            && (cue_last > cue_first
                || matches!(
                    doc.lower(next),
                    "it" | "him" | "her" | "them" | "himself" | "herself" | "themselves" | "this"
                )
                || (next..b).any(|i| doc.quote_opening(i).is_some()));
        // `Two-thirds support a ban`: `support` as a verb with its object.
        let object_next = support_verb(doc, cue_first, next);
        if !(pronoun_subject
            || clause_next
            || quote_left
            || adjacent && (infinitive_next || artifact_subject || bare_clause_next || naming_next)
            || object_next)
        {
            return None;
        }
    }

    let cue = Some((cue_first, cue_last));
    let raw = |pieces: Vec<(usize, usize)>, source: (usize, usize)| {
        Raw::new(doc, pieces, cue, Some(source))
    };
    match subject {
        Some((ss, se)) => {
            let after = cue_last + 1;
            let before = ss.checked_sub(1);
            // `“...,” he said` (and `“A,” he said, “B.”`): the quotation before.
            // The quotation must belong to this sentence: `“A.” He said B.` is two.
            let same_sentence = |p: usize| {
                doc.sent_of[p] == doc.sent_of[ss]
                    || p > 0 && matches!(doc.word(p - 1), "?" | "!" | "..." | "…")
            };
            // `In an interview on “Face the Nation,” Ryan said the ...`: a short
            // quoted title before the subject, and a clause after the cue.
            let title_quote = |p: usize| {
                doc.quote_closing(p).is_some_and(|q| {
                    let quote = &doc.quotes[q];
                    let words = (quote.open..=quote.close)
                        .filter(|&i| doc.is_word(i))
                        .count();
                    // (not `, adding ...`: a participle after the tag)
                    let participle_after =
                        doc.is_punct(after, ",") && doc.lower(after + 1).ends_with("ing");
                    // (Not `“A,” X said, and B` nor `told The Times on
                    // Monday`: the quotation is the content then.)
                    let plain_start = !is_adjunct_start(doc, a) && !doc.lower(a).ends_with("ing");
                    let and_clause = doc.is_punct(after, ",")
                        && plain_start
                        && matches!(doc.lower(after + 1), "and" | "but");
                    let told_only = matches!(lw.as_str(), "tell" | "tells" | "told" | "telling");
                    let clause_after = after < b
                        && !doc.is_terminal(after)
                        && !and_clause
                        && !participle_after
                        && !is_adjunct_start(doc, after)
                        && (after..b).filter(|&i| doc.is_word(i)).count() >= 4
                        && (!told_only
                            || addressee_end(doc, after, b).is_some()
                            || has_that_soon(doc, after, b));
                    // inside a phrase (`on CBS's “Face the Nation,”`), not opening the sentence
                    // (The sentence the quotation opens in: `to chants of “Go!
                    // Go!,” the senator said` splits inside the marks.)
                    let opened_in = doc.sents[doc.sent_of[quote.open] as usize].tokens.start;
                    let embedded =
                        quote.open > opened_in && quote.open > 0 && doc.is_word(quote.open - 1);
                    words <= 4 && clause_after && embedded
                })
            };
            // (`called the unions “bad partners” who want more`: a relative
            // pronoun after a quotation refers to the quoted words' noun; it
            // is no tag's subject.)
            let relative = ss == se && matches!(doc.lower(ss), "who" | "which");
            if let Some(p) = before.filter(|&p| {
                doc.quote_closing(p).is_some()
                    && !relative
                    && !doc.toks[ss].newline_before
                    && same_sentence(p)
                    && !title_quote(p)
            }) {
                if let Some(pieces) = left_content(doc, si, p) {
                    let n = pieces.len();
                    let mut pieces = with_continuation(doc, pieces, after, b);
                    if pieces.len() == n && kind_of(doc, &pieces) == Kind::Mixed {
                        if let Some(rest) = interrupted_rest(doc, after, b) {
                            pieces.push(rest);
                        }
                    }
                    return Some(raw(pieces, (ss, se)));
                }
            }
            // `CONTENT, X said.` when nothing but adjuncts follow the cue;
            // `A, X said, B.` when a clause follows the comma.
            let colon_quote = (after..b.min(after + 10)).any(|i| {
                doc.is_punct(i, ":") && (doc.quote_opening(i + 1).is_some() || i + 1 == b)
            });
            // `A, the president told her.`, `A, he told his advisers as he left.`
            let object_pronoun = matches!(
                doc.lower(after),
                "me" | "us" | "him" | "her" | "them" | "reporters" | "journalists"
            ) && (after + 1 >= b
                || doc.is_terminal(after + 1)
                || doc.is_punct(after + 1, ",")
                || is_adjunct_start(doc, after + 1));
            // `Rubio told reporters Tuesday that ...`, `Cornyn told reporters this
            // was ...`: a clause after the addressee is the content.
            let clause_after_addressee = (after..b.min(after + 8))
                .take_while(|&i| !doc.is_punct(i, ","))
                .any(|i| doc.lower(i) == "that" && doc.quote_at(i).is_none())
                || addressee_end(doc, after, b).is_some();
            let addressee_only = class == CueClass::Addressed
                && !clause_after_addressee
                && (object_pronoun
                    || (matches!(doc.lower(after), "his" | "her" | "their")
                        // `A, he told the Herald.`, `A, Berg told a Senate
                        // panel.`: a listener or a name after an article.
                        || matches!(lw.as_str(), "told" | "tell" | "tells")
                            && matches!(doc.lower(after), "the" | "a" | "an")
                            && (after + 1..(after + 4).min(b))
                                .any(|i| is_listener(doc.lower(i)) || doc.is_capitalized(i)))
                        && np_end_forward(doc, after, b).is_some_and(|e| {
                            e + 1 >= b || doc.is_terminal(e + 1) || is_adjunct_start(doc, e + 1)
                        })
                    || doc.is_capitalized(after)
                        && np_end_forward(doc, after, b).is_some_and(|e| {
                            e + 1 >= b || doc.is_terminal(e + 1) || is_adjunct_start(doc, e + 1)
                        }));
            let right_is_adjunct = !colon_quote
                && (addressee_only
                    || after >= b
                    || doc.is_terminal(after)
                    || is_adjunct_start(doc, after) && !has_that_soon(doc, after, b)
                    || (doc.is_punct(after, ",")
                        && doc.quote_opening(after + 1).is_none()
                        && doc.lower(after + 1) != "that"));
            // (`Borges, who predicted about ...`: the relative's antecedent is no content.)
            if let Some(p) = before.filter(|&p| p >= a && doc.is_punct(p, ",") && !relative) {
                if right_is_adjunct {
                    // `..., new fundraising reports show.`: a record shows what is on its left.
                    let artifact = lexicon::is_artifact(doc.lower(se));
                    // (`When Lind said X, the crowd cheered`, `In a memo on
                    // Tuesday, Lind told staff ...`: a subordinate clause or a
                    // prepositional phrase alone before the subject is an
                    // adjunct, not content.)
                    let adverbial = |pc: &Vec<(usize, usize)>| {
                        pc.first().is_some_and(|&(st, e)| {
                            (lexicon::is_subordinator(doc.lower(st))
                                || matches!(
                                    doc.lower(st),
                                    "in" | "on"
                                        | "at"
                                        | "during"
                                        | "under"
                                        | "amid"
                                        | "following"
                                        | "throughout"
                                ) && !(st..=e).any(|k| {
                                    let l = doc.lower(k);
                                    lexicon::is_auxiliary(l) || lexicon::is_irregular_past(l)
                                }))
                                && !(st..=e)
                                    .any(|k| doc.is_punct(k, ",") && doc.quote_at(k).is_none())
                        })
                    };
                    // (`If A, X said, B`: the clause goes on after the tag.)
                    let rest = interrupted_rest(doc, after, b);
                    if let Some(mut pieces) = left_content(doc, si, p).filter(|pc| {
                        (!lexicon::weak_left(&lw) || artifact || kind_of(doc, pc) == Kind::Direct)
                            && (rest.is_some() || !adverbial(pc))
                    }) {
                        pieces.extend(rest);
                        return Some(raw(pieces, (ss, se)));
                    }
                }
            }
            // `The poll shows Trump leading`: a poll, a record or a document
            // shows its content, clause or not.
            let head = if doc.lower(se) == "that" || doc.lower(se) == "which" {
                se.checked_sub(1).map_or("", |h| doc.lower(h))
            } else {
                doc.lower(se)
            };
            let lw_content = if matches!(lw.as_str(), "show" | "shows" | "showed" | "showing")
                && (lexicon::is_artifact(head) || artifact_np(doc, ss, se))
            {
                "said"
            } else {
                lw_content
            };
            let (start, mut end) = right_content(doc, after, b, class, lw_content)?;
            // `Clinton, who once praised the deal, offered ...`: a relative
            // clause between commas ends at its closing comma.
            if ss == se
                && matches!(doc.lower(ss), "who" | "which")
                && ss > 0
                && doc.is_punct(ss - 1, ",")
            {
                if let Some(c) =
                    (start + 1..=end).find(|&i| doc.is_punct(i, ",") && doc.quote_at(i).is_none())
                {
                    end = content_end(doc, start, c)?;
                }
                // (`who called the plan “a joke,” left early`: the comma
                // inside a closing mark.)
                if let Some(c) = (start + 1..end)
                    .find(|&i| doc.is_punct(i, ",") && doc.quote_closing(i + 1).is_some())
                {
                    end = c + 1;
                }
            }
            Some(raw(vec![(start, end)], (ss, se)))
        }
        None if cue_first == a => {
            // `Said Anna Berg, who grew up with him, “We were proud.”`: the
            // subject follows, and the quotation after it is the content.
            let src_end = np_end_forward(doc, cue_last + 1, b)?;
            let q = (src_end + 1..b)
                .find(|&k| doc.quote_at(k).is_some())
                .and_then(|k| doc.quote_opening(k))
                .filter(|&q| {
                    let open = doc.quotes[q].open;
                    open > 0 && (doc.is_punct(open - 1, ",") || doc.is_punct(open - 1, ":"))
                })?;
            let quote = &doc.quotes[q];
            Some(raw(
                vec![(quote.open, quote.close)],
                (cue_last + 1, src_end),
            ))
        }
        None => {
            // Inversion: `“...,” said the minister.` / `CONTENT, said X.`
            let p = j.checked_sub(1)?;
            if (p < a && doc.quote_closing(p).is_none()) || doc.toks[cue_first].newline_before {
                return None;
            }
            // (`..., said in an interview`: a preposition opens no subject;
            // `..., said that the talks`: nor does a complementizer.)
            let src_end = inverted_subject_end(doc, &lw, cue_last + 1, b).or_else(|| {
                np_end_forward(doc, cue_last + 1, b).filter(|_| {
                    !is_adjunct_start(doc, cue_last + 1) && doc.lower(cue_last + 1) != "that"
                })
            })?;
            let n = src_end + 1;
            let clean_end = n >= b
                || doc.is_terminal(n)
                || doc.is_punct(n, ",")
                || doc.quote_opening(n).is_some()
                || is_adjunct_start(doc, n);
            let mut pieces = left_content(doc, si, p)?;
            // `“A,” said Sen. Amy Klobuchar (D-Minn.), who ...`: after a quotation
            // the inverted subject may run on.
            if !clean_end && kind_of(doc, &pieces) != Kind::Direct {
                return None;
            }
            if lexicon::weak_left(&lw) && kind_of(doc, &pieces) != Kind::Direct {
                return None;
            }
            // `A, said Gary Orfield, a professor at ...`: after an inverted
            // subject the comma opens an appositive, not the rest of the content.
            if kind_of(doc, &pieces) == Kind::Direct {
                pieces = with_continuation(doc, pieces, n, b);
            } else if let Some(rest) = interrupted_rest(doc, n, b).filter(|&(r, _)| {
                let w = lexicon::pronoun_base(doc.lower(r));
                lexicon::is_subject_pronoun(w)
            }) {
                pieces.push(rest);
            }
            Some(raw(pieces, (cue_last + 1, src_end)))
        }
    }
}

/// The source of the sentence's last statement found by a verb, for a
/// participle or a coordinated verb that shares it. A statement whose source
/// is a possessor (`his call for X`, `Lind's comment that`) hangs on a noun
/// and lends no subject to the clause.
fn clause_source(doc: &Doc, earlier: &[Raw]) -> Option<(usize, usize)> {
    earlier
        .last()
        .and_then(|r| r.source)
        .filter(|&(_, se)| !doc.is_possessor(se))
}

/// `Noting that the pier was late, the mayor said ...`, `In describing the
/// plan, Lind said ...`: a participle that opens the sentence reports the
/// words up to its comma, and the main clause's subject is the source.
fn opening_participle(doc: &Doc, si: usize, (cf, cl): (usize, usize)) -> Option<Raw> {
    let (a, b) = (doc.sents[si].tokens.start, doc.sents[si].tokens.end);
    let mut k = a;
    if matches!(doc.lower(k), "and" | "but") {
        k += 1;
    }
    if matches!(doc.lower(k), "in" | "while" | "after" | "by" | "when") {
        k += 1;
    }
    if k != cf {
        return None;
    }
    let mut start = cl + 1;
    if doc.lower(start) == "that" {
        start += 1;
    }
    // (`Citing “obligations in Tennessee,” the spokeswoman told`)
    let comma = clause_comma(doc, start, b)?;
    let (end, after) = if doc.quote_closing(comma + 1).is_some() {
        (comma + 1, comma + 2)
    } else {
        (comma.checked_sub(1)?, comma + 1)
    };
    if end < start || !(start..=end).any(|i| doc.is_word(i)) {
        return None;
    }
    let source = before_verb(doc, (after, np_end_forward(doc, after, b)?));
    Some(Raw::new(
        doc,
        vec![(start, end)],
        Some((cf, cl)),
        Some(source),
    ))
}

/// `took to Twitter to say`, `used the speech to argue`: the verb whose
/// purpose the infinitive cue is, a few words before `k` (the word before
/// `to`), when `k` is no verb itself.
fn purpose_verb(doc: &Doc, a: usize, k: usize) -> Option<usize> {
    let verbish = |i: usize| {
        let l = doc.lower(i);
        !doc.is_capitalized(i)
            && (l.ends_with("ed") && l.len() > 4
                || matches!(
                    l,
                    "took"
                        | "take"
                        | "takes"
                        | "taking"
                        | "went"
                        | "go"
                        | "goes"
                        | "came"
                        | "come"
                        | "comes"
                        | "used"
                        | "uses"
                        | "using"
                        | "made"
                        | "makes"
                        | "held"
                        | "holds"
                        | "sent"
                        | "spent"
                        | "gave"
                        | "wrote"
                ))
    };
    if verbish(k) {
        return None;
    }
    (k.saturating_sub(6).max(a)..k)
        .rev()
        .take_while(|&i| doc.is_word(i))
        .find(|&i| verbish(i))
}

/// The first comma in `from..b` that can end a clause: one outside
/// quotations, or one right inside a closing mark (`“has the integrity,”`).
fn clause_comma(doc: &Doc, from: usize, b: usize) -> Option<usize> {
    (from..b).find(|&i| {
        doc.is_punct(i, ",") && (doc.quote_at(i).is_none() || doc.quote_closing(i + 1).is_some())
    })
}

/// A cue in its `-ing` form at `i` (`adding`, `noting`, `saying`).
fn participle_cue(doc: &Doc, i: usize) -> bool {
    let w = doc.lower(i);
    w.ends_with("ing") && doc.is_cue(w)
}

/// A quotation opens at `k`, or right after a comma or colon there.
fn quote_follows(doc: &Doc, k: usize) -> bool {
    doc.quote_opening(k).is_some()
        || (doc.is_punct(k, ",") || doc.is_punct(k, ":")) && doc.quote_opening(k + 1).is_some()
}

/// Word pairs where the cue form is not a verb of saying: `think tank`,
/// `adding to his wins`, `showed up`, `signed on`, and passives (`backed by
/// Ankara`: the subject is not the source).
fn not_a_cue_here(doc: &Doc, lw: &str, next: usize) -> bool {
    let n = doc.lower(next);
    match lw {
        "think" => matches!(n, "tank" | "tanks"),
        "adding" | "add" | "adds" | "added" => n == "to" && doc.quote_opening(next + 1).is_none(),
        "show" | "shows" | "showed" | "showing" => n == "up",
        "signed" | "sign" | "signs" => n == "on",
        // `a group called Friends of the Pier`: a participle that names.
        "called"
            if !matches!(n, "for" | "on" | "out" | "it" | "in" | "off")
                && names_after_article(doc, next - 1) =>
        {
            true
        }
        // Idioms: `easier said than done`, `when all is said and done`,
        // `having said that,`.
        "said"
            if n == "than"
                || n == "and" && doc.lower(next + 1) == "done"
                || n == "that"
                    && next >= 2
                    && doc.lower(next - 2) == "having"
                    && doc.is_punct(next + 1, ",") =>
        {
            true
        }
        // (`responded by hitting Trump`: the manner, not a passive.)
        _ => {
            n == "by"
                && !doc.lower(next + 1).ends_with("ing")
                && (lw.ends_with("ed") || matches!(lw, "told" | "said" | "shown" | "known"))
        }
    }
}

/// `a group called`, `a new film called`: a noun for something named
/// (after an indefinite article and at most one other word) stands right
/// before the participle at `c`.
fn names_after_article(doc: &Doc, c: usize) -> bool {
    let plain = |k: usize| doc.is_word(k) && !doc.is_capitalized(k) && !doc.is_cue(doc.lower(k));
    let article = |k: usize| matches!(doc.lower(k), "a" | "an");
    c >= 2
        && lexicon::is_named_kind(doc.lower(c - 1))
        && (article(c - 2) || c >= 3 && plain(c - 2) && article(c - 3))
}

/// A clause without `that` opens at `k`: a bare noun and its auxiliary
/// (`obstruction would become`), or a noun phrase that opens with a
/// possessive or a determiner and its auxiliary (`her relentless attacks on
/// the mayor just might make`, `the new pier will collapse`).
fn bare_clause_at(doc: &Doc, k: usize, b: usize) -> bool {
    let w = doc.lower(k);
    if !doc.is_word(k) || lexicon::is_np_stop(w) || doc.is_cue(w) {
        return false;
    }
    if lexicon::is_auxiliary(doc.lower(k + 1)) {
        return true;
    }
    (lexicon::is_determiner(w)
        || matches!(
            w,
            "our" | "my" | "this" | "these" | "those" | "some" | "many" | "most"
        ))
        && (k + 2..b.min(k + 12))
            .find(|&i| !doc.is_word(i) || lexicon::is_auxiliary(doc.lower(i)))
            .is_some_and(|i| lexicon::is_auxiliary(doc.lower(i)))
}

/// A noun phrase headed by a record or a document: `the poll`, `A review by
/// The Times`, `A video of the episode`.
fn artifact_np(doc: &Doc, ss: usize, se: usize) -> bool {
    // (The subject may start after the preposition, `by The Times`, or after
    // a participle: `The tracker of surveys gathered across the last fortnight`.)
    let mut from = ss;
    while from > 0
        && ss - from < 10
        && doc.is_word(from - 1)
        && doc.quote_at(from - 1).is_none()
        && !doc.is_cue(doc.lower(from - 1))
        && doc.sent_of[from - 1] == doc.sent_of[ss]
    {
        from -= 1;
    }
    lexicon::is_artifact(doc.lower(se))
        || (from..se).any(|k| {
            matches!(doc.lower(k + 1), "of" | "by" | "from") && lexicon::is_artifact(doc.lower(k))
        })
}

/// `In a CBS News poll last month, she led by 24 points.`: a poll reports the
/// finding it holds. The cue is `in`, the source the poll.
fn in_poll(doc: &Doc, si: usize, i: usize) -> Option<Raw> {
    let (a, b) = (doc.sents[si].tokens.start, doc.sents[si].tokens.end);
    // Only where `In` opens the sentence. (`CONTENT in the polls.` is a poll's
    // finding too, but one that on PolNeAR train matches a gold attribution
    // less than a third of the time; `CONTENT in the latest poll.` is
    // [`trailing_poll`]'s.)
    if i != strip_lead(doc, a, i) {
        return None;
    }
    // The poll's noun phrase: up to ten words, headed by a poll noun, no verb.
    let mut head = None;
    let mut k = i + 1;
    while k < b && k < i + 12 && (doc.is_word(k) || doc.word(k) == "/") {
        if lexicon::is_poll(doc.lower(k)) {
            head = Some(k);
        }
        if doc.is_cue(doc.lower(k)) || lexicon::is_auxiliary(doc.lower(k)) {
            break;
        }
        k += 1;
    }
    let head = head?;
    // `In an NBC poll released Monday, CONTENT.`
    let comma = (head + 1..b.min(head + 8)).find(|&c| doc.is_punct(c, ","))?;
    if (head + 1..comma).any(|c| !doc.is_word(c)) {
        return None;
    }
    let end = content_end(doc, comma + 1, b)?;
    if (comma + 1..=end).filter(|&c| doc.is_word(c)).count() < 4 {
        return None;
    }
    Some(Raw::new(
        doc,
        vec![(comma + 1, end)],
        Some((i, i)),
        Some((i + 1, comma - 1)),
    ))
}

/// `Lind leads Berg by seven points in the latest Harbour Times poll.`: a
/// clause that ends with `in` and a poll, survey or average (singular: `in
/// the polls` is rarely attributed) is the poll's finding. The poll phrase
/// closes the clause; an introductory phrase (`In March,`) is not content.
/// On PolNeAR train: 13 more matched of 23 more predicted.
fn trailing_poll(doc: &Doc, si: usize, i: usize) -> Option<Raw> {
    let (a, b) = (doc.sents[si].tokens.start, doc.sents[si].tokens.end);
    let mut head = None;
    let mut k = i + 1;
    while k < b && k < i + 12 && (doc.is_word(k) || doc.word(k) == "/") {
        if matches!(doc.lower(k), "poll" | "survey" | "average") {
            head = Some(k);
            break;
        }
        if lexicon::is_auxiliary(doc.lower(k))
            || matches!(doc.lower(k), "the" | "a" | "an") && k > i + 1
            || matches!(
                doc.lower(k),
                "to" | "of" | "for" | "with" | "that" | "which" | "who"
            )
        {
            break;
        }
        k += 1;
    }
    let head = head?;
    // The poll phrase ends its clause (`..., released Monday.`).
    let tail = (head + 1..b)
        .find(|&c| doc.is_terminal(c) || doc.is_punct(c, ",") || doc.is_punct(c, ";"))
        .unwrap_or(b);
    if tail - head > 5 || doc.lower(head + 1) == "of" {
        return None;
    }
    let lead = strip_lead(doc, a, i);
    if i == lead || (a..b).any(|k| doc.quote_at(k).is_some()) {
        return None;
    }
    // After an introductory phrase (`In March,`).
    let start = match (lead..i).find(|&c| doc.is_punct(c, ",")) {
        Some(c)
            if c < lead + 7
                && (matches!(
                    doc.lower(lead),
                    "in" | "on"
                        | "at"
                        | "by"
                        | "after"
                        | "since"
                        | "among"
                        | "for"
                        | "with"
                        | "as"
                        | "during"
                        | "overall"
                        | "meanwhile"
                        | "still"
                        | "nationally"
                ) || doc.lower(lead).ends_with("ly"))
                && !(lead..c).any(|k| lexicon::is_auxiliary(doc.lower(k))) =>
        {
            c + 1
        }
        _ => lead,
    };
    if start >= i {
        return None;
    }
    let e = content_end(doc, start, i)?;
    if (start..=e).filter(|&c| doc.is_word(c)).count() < 4 {
        return None;
    }
    Some(Raw::new(
        doc,
        vec![(start, e)],
        Some((i, i)),
        Some((i + 1, head)),
    ))
}

/// `The FBI is reportedly making arrangements to ...`: the clause around
/// `reportedly` is reported, by no one named. Two pieces, no source.
fn reportedly(doc: &Doc, si: usize, i: usize) -> Option<Raw> {
    let (a, b) = (doc.sents[si].tokens.start, doc.sents[si].tokens.end);
    if i <= a || doc.quote_at(i).is_some() {
        return None;
    }
    // The clause opens after an introductory phrase's comma (`In total, the
    // hackers have reportedly ...`).
    let start = (a..i)
        .rev()
        .find(|&c| doc.is_punct(c, ",") || doc.is_punct(c, "("))
        .map_or_else(|| strip_lead(doc, a, i), |c| c + 1);
    if start >= i {
        return None;
    }
    let mut end = b;
    for c in i + 1..b {
        if doc.is_punct(c, ";") || doc.is_punct(c, ")") || clause_boundary(doc, c) {
            end = c;
            break;
        }
    }
    let e = content_end(doc, i + 1, end)?;
    Some(Raw::new(
        doc,
        vec![(start, i - 1), (i + 1, e)],
        Some((i, i)),
        None,
    ))
}

/// `As The Times reported, CONTENT.`, `..., as the minister said on Monday,
/// CONTENT.` and `As reported by X, CONTENT.`: the clause after the comma is
/// what the source reported.
fn as_reported(
    doc: &Doc,
    si: usize,
    subject: Option<(usize, usize)>,
    (cue_first, cue_last): (usize, usize),
) -> Option<Raw> {
    let (a, b) = (doc.sents[si].tokens.start, doc.sents[si].tokens.end);
    // (`the pier is “beyond repair,” as X said`: the comma may stand inside a
    // closing mark.)
    let opens = |k: usize| {
        doc.lower(k) == "as"
            && (k == a
                || k > a && doc.is_punct(k - 1, ",")
                || k > a + 1 && doc.quote_closing(k - 1).is_some() && doc.is_punct(k - 2, ","))
    };
    let (source, after) = match subject {
        Some((ss, se)) if opens(ss) && ss < se => ((ss + 1, se), cue_last + 1),
        Some((ss, se)) if ss > a && opens(ss - 1) => ((ss, se), cue_last + 1),
        None if cue_first > a && opens(cue_first - 1) && doc.lower(cue_last + 1) == "by" => {
            let e = np_end_forward(doc, cue_last + 2, b)?;
            ((cue_last + 2, e), e + 1)
        }
        _ => return None,
    };
    // `CONTENT, as the Gazette reported on Saturday.` / `The pier, as X
    // reported, has been sold.`: in mid-sentence the content is before it.
    let as_at = if subject.is_some() {
        source.0 - 1
    } else {
        cue_first - 1
    };
    if as_at > a + 1 {
        if let Some(r) = reported_before(doc, (a, b), as_at, after, (cue_first, cue_last), source) {
            return Some(r);
        }
    }
    // Only adjuncts between the cue and the comma (`reported on Saturday,`).
    let comma = (after..b.min(after + 8)).find(|&k| doc.is_punct(k, ","))?;
    if (after..comma).any(|k| !doc.is_word(k) || doc.quote_at(k).is_some())
        || comma > after && !is_adjunct_start(doc, after)
    {
        return None;
    }
    let end = through_quotation(doc, content_end(doc, comma + 1, b)?);
    if (comma + 1..=end).filter(|&k| doc.is_word(k)).count() < 4 {
        return None;
    }
    Some(Raw::new(
        doc,
        vec![(comma + 1, end)],
        Some((cue_first, cue_last)),
        Some(source),
    ))
}

/// `her claim that X`, `concerns that X`, `confident that X`: a noun or
/// adjective of saying or believing with a complement clause. The holder is a
/// possessive before the noun (`Trump's claim`), if any.
fn complement_clause(doc: &Doc, si: usize, i: usize) -> Option<Raw> {
    let a = doc.sents[si].tokens.start;
    let b = doc.sents[si].tokens.end;
    // A complement opens with a subject; a relative `that` with a verb
    // (`the claim that was rejected`).
    let n = doc.lower(i + 2);
    let subject_next = lexicon::is_pronoun(lexicon::pronoun_base(n))
        && !matches!(n, "who" | "which" | "that")
        || doc.is_capitalized(i + 2)
        || lexicon::is_determiner(n)
        || matches!(n, "this" | "there")
        || doc
            .toks
            .get(i + 2)
            .is_some_and(|t| t.kind == TokenKind::Number);
    if !subject_next || doc.quote_at(i).is_some() {
        return None;
    }
    // `I hope that`, `Trump claims that`: a verb, for verb_cue.
    if doc.ex.cue_class(doc.lower(i)).is_some() && i > a {
        let p = doc.lower(i - 1);
        let determiner = matches!(
            p,
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "my"
                | "your"
                | "this"
                | "these"
                | "those"
                | "of"
                | "about"
                | "over"
                | "amid"
                | "despite"
                | "with"
                | "without"
                | "for"
                | "on"
                | "in"
                | "new"
                | "growing"
                | "widespread"
        ) || p.ends_with("'s")
            || p.ends_with("’s");
        if !determiner {
            return None;
        }
    }
    let (start, end) = right_content(doc, i + 1, b, CueClass::Speech, "said")?;
    let source = (i > a)
        .then(|| i - 1)
        .and_then(|p| possessor_at(doc, a, p))
        .or_else(|| predicate_subject(doc, a, i));
    Some(Raw::new(doc, vec![(start, end)], Some((i, i)), source))
}

/// The subject of a belief adjective at `i` after a linking verb (`his aides
/// are increasingly confident that`, `Lind has remained hopeful that`, `voters
/// who are skeptical that`): the noun phrase before the verb and any
/// auxiliaries and adverbs.
fn predicate_subject(doc: &Doc, a: usize, i: usize) -> Option<(usize, usize)> {
    if !lexicon::is_belief_adjective(doc.lower(i)) {
        return None;
    }
    let mut k = i;
    let mut linked = false;
    while k > a {
        let l = doc.lower(k - 1);
        let copula =
            lexicon::is_be_form(l) || matches!(l, "'re" | "’re") || lexicon::is_linking_verb(l);
        if copula {
            linked = true;
        } else if !(lexicon::is_between_word(l)
            || is_ly_adverb(doc, k - 1)
            || matches!(
                l,
                "very" | "more" | "less" | "so" | "quite" | "fairly" | "somewhat"
            ))
        {
            break;
        }
        k -= 1;
    }
    if !linked || k <= a || !doc.is_word(k - 1) || doc.quote_at(k - 1).is_some() {
        return None;
    }
    let e = k - 1;
    if matches!(doc.lower(e), "who" | "which") {
        return Some((e, e));
    }
    if lexicon::is_np_stop(doc.lower(e)) {
        return None;
    }
    Some((np_start(doc, e, a), e))
}

/// The possessor ending at `p` (`his`, `the mayor's`), in a sentence that
/// starts at `a`.
fn possessor_at(doc: &Doc, a: usize, p: usize) -> Option<(usize, usize)> {
    if doc.is_possessive(p) {
        Some((np_start(doc, p, a), p))
    } else {
        doc.is_possessor(p).then_some((p, p))
    }
}

/// A possessor right before the noun at `i`, or before one word before it
/// (`his attacks`, `Lind's latest attacks`).
fn possessed(doc: &Doc, a: usize, i: usize) -> bool {
    i > a && possessor_at(doc, a, i - 1).is_some()
        || i > a + 1 && doc.is_word(i - 1) && possessor_at(doc, a, i - 2).is_some()
}

/// `raised questions about the plan`, `her criticism of the council`: a noun
/// of speech and its preposition report the phrase after them; the source is
/// the possessor, else the clause's subject.
fn noun_object(doc: &Doc, si: usize, i: usize) -> Option<Raw> {
    let a = doc.sents[si].tokens.start;
    let b = doc.sents[si].tokens.end;
    // (`chants of “A!”`, not `calls of support`: the chant is the quotation.)
    let chant = lexicon::chant_noun(doc.lower(i));
    let chanted = doc.quote_opening(i + 2).filter(|_| chant);
    let object_next = if chant {
        chanted.is_some()
    } else {
        doc.is_word(i + 2)
    };
    if doc.quote_at(i).is_some() || !object_next {
        return None;
    }
    let (start, mut end) = match chanted {
        Some(q) => {
            // (`chants of “A” and “B”`)
            let mut close = doc.quotes[q].close;
            while matches!(doc.lower(close + 1), "and" | "or") {
                match doc.quote_opening(close + 2) {
                    Some(n) => close = doc.quotes[n].close,
                    None => break,
                }
            }
            (doc.quotes[q].open, close)
        }
        None => right_content(doc, i + 2, b, CueClass::Speech, "said")?,
    };
    // (`her criticism`, `Lind's latest attacks`)
    let possessor = [1, 2]
        .into_iter()
        .filter_map(|d| i.checked_sub(d))
        .filter(|&p| p >= a)
        .find_map(|p| possessor_at(doc, a, p));
    // `Her criticism of the council was harsh`: a noun phrase that opens the
    // sentence ends before the clause's verb.
    if possessor.is_some_and(|(ps, _)| ps == strip_lead(doc, a, i)) {
        end = before_verb(doc, (start, end)).1;
    }
    let source = possessor.or_else(|| clause_subject(doc, a, i).map(|s| before_verb(doc, s)));
    Some(Raw::new(doc, vec![(start, end)], Some((i, i + 1)), source))
}

/// The subject ends before its verb (`The mayor delivered ...` -> `The mayor`).
fn before_verb(doc: &Doc, (st, e): (usize, usize)) -> (usize, usize) {
    let verb = (st + 1..=e).find(|&i| {
        let l = doc.lower(i);
        !doc.is_capitalized(i)
            && (doc.is_cue(l)
                || lexicon::is_between_word(l)
                || lexicon::is_irregular_past(l)
                || l.ends_with("ed") && l.len() > 3)
    });
    (st, verb.map_or(e, |v| v - 1))
}

/// The first token after a time adjunct that starts at `i` (`Saturday`, `on
/// Tuesday night`, `last week`, `yesterday`), or `i` when none does.
fn time_adjunct_after(doc: &Doc, i: usize, b: usize) -> usize {
    let w = |k: usize| doc.lower(k);
    let mut k = i;
    if w(k) == "on" && lexicon::is_weekday(w(k + 1)) {
        k += 1;
    }
    if lexicon::is_weekday(w(k)) {
        k += 1;
        if matches!(w(k), "night" | "morning" | "afternoon" | "evening") {
            k += 1;
        }
    } else if matches!(w(k), "last" | "this" | "next")
        && matches!(w(k + 1), "week" | "month" | "year" | "weekend")
    {
        k += 2;
    } else if matches!(w(k), "yesterday" | "today" | "tonight") {
        k += 1;
    }
    if k < b {
        k
    } else {
        i
    }
}

/// A time adjunct that ends right before token `j` (`on Tuesday`, `on
/// Tuesday night`, `last week`, `earlier this month`): its first token.
fn time_adjunct_before(doc: &Doc, a: usize, j: usize) -> Option<usize> {
    let w = |k: usize| doc.lower(k);
    let mut e = j.checked_sub(1).filter(|&e| e > a)?;
    // `on` before a weekday the adverb walk already passed.
    if w(e) == "on" && lexicon::is_weekday(w(j)) {
        return Some(e);
    }
    if matches!(w(e), "night" | "morning" | "afternoon" | "evening") && e > a + 1 {
        e -= 1;
    }
    if lexicon::is_weekday(w(e)) && e > a + 1 && w(e - 1) == "on" {
        return Some(e - 1);
    }
    if matches!(w(e), "week" | "month" | "year" | "weekend") && e > a + 1 {
        let d = e - 1;
        if matches!(w(d), "last" | "this" | "next") {
            return Some(if d > a + 1 && w(d - 1) == "earlier" {
                d - 1
            } else {
                d
            });
        }
    }
    None
}

/// `Trump in his speech said`, `The senator from Ohio said`: the noun phrase
/// `st..` found before a cue is the object of a preposition that follows the
/// subject (a name, or a noun after a determiner); the subject.
fn adjunct_subject(doc: &Doc, a: usize, st: usize) -> Option<(usize, usize)> {
    if st < a + 2
        || !matches!(
            doc.lower(st - 1),
            "in" | "at" | "during" | "on" | "via" | "through" | "from"
        )
    {
        return None;
    }
    let e = st - 2;
    // (`A statement from the mayor's office said`: the office speaks.)
    if doc.lower(st - 1) == "from" && lexicon::is_artifact(doc.lower(e)) {
        return None;
    }
    let named = doc.is_capitalized(e)
        || e > a
            && (lexicon::is_determiner(doc.lower(e - 1))
                || matches!(doc.lower(e - 1), "this" | "that"));
    if !named
        || !doc.is_word(e)
        || doc.quote_at(e).is_some()
        || lexicon::is_np_stop(doc.lower(e))
        || doc.is_cue(doc.lower(e))
    {
        return None;
    }
    // The noun phrase opens its clause (not `to take the title in a game
    // many are calling`: a verb's object).
    let s = np_start(doc, e, a);
    let opens = s == a
        || matches!(
            doc.lower(s - 1),
            "," | "that" | "and" | "but" | "because" | "when" | "while" | "as" | "although" | "if"
        );
    opens.then_some((s, e))
}

/// The subject that opens a clause, after a fronted adjunct ("At a campaign
/// event in Ames, Mrs. Clinton ...") or discourse word.
fn clause_subject(doc: &Doc, a: usize, limit: usize) -> Option<(usize, usize)> {
    let mut st = strip_lead(doc, a, limit);
    // (`Walking into the hall to chants of “A!”, ...`: an opening participle
    // clause is no subject either.)
    // (`Pressed on the deal, Lind was blunt: “A”`: nor a past participle's.)
    let participle = st == a
        && doc.is_capitalized(st)
        && (doc.lower(st).ends_with("ing")
            || doc.lower(st).ends_with("ed")
                && matches!(
                    doc.lower(st + 1),
                    "about"
                        | "on"
                        | "by"
                        | "with"
                        | "for"
                        | "in"
                        | "at"
                        | "over"
                        | "after"
                        | "whether"
                        | "if"
                        | "why"
                        | "how"
                        | "what"
                ));
    if is_adjunct_start(doc, st) || doc.lower(st) == "despite" || participle {
        match (st..limit).find(|&i| doc.is_punct(i, ",")) {
            Some(c) => st = c + 1,
            // `When Lind knocked X and called Y`: the subordinate clause's subject.
            None if lexicon::is_subordinator(doc.lower(st)) => st += 1,
            None => return None,
        }
    }
    if st >= limit || !doc.is_word(st) || lexicon::is_np_stop(doc.lower(st)) {
        return None;
    }
    let e = np_end_forward(doc, st, limit)?;
    Some((st, e))
}

/// `When asked whether he would run, ...`, `Asked about the merger, ...`,
/// `When asked to leave, ...`: the question (or the request) is the content,
/// up to the comma that ends the participle clause; whoever asked goes
/// unnamed.
fn asked_clause(doc: &Doc, si: usize, i: usize) -> Option<Raw> {
    if doc.lower(i) != "asked" {
        return None;
    }
    let a = doc.sents[si].tokens.start;
    let b = doc.sents[si].tokens.end;
    let opens = i == strip_lead(doc, a, i)
        || i > a
            && matches!(
                doc.lower(i - 1),
                "when" | "after" | "once" | "if" | "while" | "before" | "being"
            );
    // `Rubio was asked whether ...`, `the actress was asked if ...`
    let passive = i > a && matches!(doc.lower(i - 1), "was" | "were" | "is" | "been");
    if !opens && !passive {
        return None;
    }
    let question = |k: usize| {
        matches!(
            doc.lower(k),
            "whether" | "if" | "why" | "who" | "whom" | "what" | "how" | "when" | "where" | "which"
        )
    };
    // (`When asked to leave, he refused`: a request, not a question.)
    let request = |k: usize| {
        doc.lower(k) == "to"
            && doc.is_word(k + 1)
            && !doc.is_capitalized(k + 1)
            && !lexicon::is_np_stop(doc.lower(k + 1))
    };
    let question = |k: usize| question(k) || request(k);
    let mut k = i + 1;
    // `Asked on Fox News who ...`, `Asked by a caller why ...`, `asked at a
    // briefing Monday about ...`: an adjunct before the question.
    if !question(k) && doc.lower(k) != "about" && is_adjunct_start(doc, k) {
        if let Some(q) = (k + 1..b.min(k + 10))
            .take_while(|&q| doc.is_word(q) && doc.quote_at(q).is_none())
            .find(|&q| question(q) || doc.lower(q) == "about")
        {
            k = q;
        }
    }
    // `Lind was asked, “What is ...?”`: the quoted question.
    if passive && quote_follows(doc, k) {
        let open = if doc.quote_opening(k).is_some() {
            k
        } else {
            k + 1
        };
        let close = doc.quotes[doc.quote_at(open)?].close;
        return Some(Raw::new(doc, vec![(open, close)], Some((i, i)), None));
    }
    // `asked by a caller why ...`: the passive's agent asked.
    let agent = (doc.lower(i + 1) == "by" && k > i + 2).then_some((i + 2, k - 1));
    if doc.lower(k) == "about" {
        k += 1;
    } else if !question(k) {
        return None;
    }
    // (`Asked whether she “has the integrity,” 75 percent said`)
    let end = clause_comma(doc, k, b);
    let e = match end {
        Some(t) if doc.quote_closing(t + 1).is_some() => t + 1,
        Some(t) => content_end(doc, k, t)?,
        None => content_end(doc, k, b)?,
    };
    Some(Raw::new(doc, vec![(k, e)], Some((i, i)), agent))
}

/// `The committee is expected to release a report`, `Sanders seemed to reap
/// the benefits`: an expectation or an impression with no named holder. The
/// content is the subject and the infinitive clause (two pieces), the source
/// is left empty.
fn raising_cue(doc: &Doc, si: usize, i: usize) -> Option<Raw> {
    let lw = doc.lower(i);
    // (`The chairman was said to be “furious”`: the passive of `say` too.)
    let expected = matches!(lw, "expected" | "said");
    if !(expected
        || matches!(
            lw,
            "seem" | "seems" | "seemed" | "appear" | "appears" | "appeared"
        ))
        || doc.quote_at(i).is_some()
    {
        return None;
    }
    // `seems unlikely to want`, `appeared poised to`.
    let adjective = matches!(
        doc.lower(i + 1),
        "likely"
            | "unlikely"
            | "poised"
            | "ready"
            | "set"
            | "certain"
            | "sure"
            | "eager"
            | "determined"
    ) && !expected;
    let to = if adjective { i + 2 } else { i + 1 };
    if doc.lower(to) != "to" {
        return None;
    }
    let a = doc.sents[si].tokens.start;
    let b = doc.sents[si].tokens.end;
    let mut j = i;
    while j > a
        && matches!(
            doc.lower(j - 1),
            "not"
                | "widely"
                | "also"
                | "still"
                | "now"
                | "generally"
                | "largely"
                | "broadly"
                | "initially"
                | "originally"
        )
    {
        j -= 1;
    }
    if expected {
        if j == a
            || !matches!(
                doc.lower(j - 1),
                "is" | "are" | "was" | "were" | "be" | "been" | "isn't" | "aren't" | "wasn't"
            )
        {
            return None;
        }
        j -= 1;
        while j > a
            && matches!(
                doc.lower(j - 1),
                "not" | "also" | "still" | "now" | "has" | "have" | "had" | "will" | "would"
            )
        {
            j -= 1;
        }
    }
    let cue_start = j;
    // `The central bank, which has held rates near zero, is expected to act`:
    // the subject is before the relative clause or appositive.
    if j > a + 2 && doc.is_punct(j - 1, ",") {
        if let Some(open) = (j.saturating_sub(30).max(a + 1)..j - 1)
            .rev()
            .find(|&k| doc.is_punct(k, ",") && doc.quote_at(k).is_none())
        {
            if doc.is_word(open - 1) {
                j = open;
            }
        }
    }
    let e = j.checked_sub(1).filter(|&e| e >= a)?;
    if !doc.is_word(e)
        || doc.quote_at(e).is_some()
        || lexicon::is_np_stop(doc.lower(e)) && !matches!(doc.lower(e), "this" | "these" | "those")
    {
        return None;
    }
    // The whole subject: back to a clause opening ("The House Select Committee
    // on Benghazi is expected").
    let mut st = np_start(doc, e, a);
    let pronoun = st == e && lexicon::is_pronoun(doc.lower(e));
    while !pronoun && st > a && e - st < 12 {
        let p = st - 1;
        let l = doc.lower(p);
        let word = doc.is_word(p) && doc.quote_at(p).is_none();
        let abbrev = doc.word(p) == "." && !doc.toks[p].space_before;
        if !(word || abbrev)
            || matches!(
                l,
                "that"
                    | "but"
                    | "and"
                    | "or"
                    | "because"
                    | "while"
                    | "when"
                    | "if"
                    | "as"
                    | "which"
                    | "who"
                    | "so"
                    | "since"
                    | "although"
                    | "though"
                    | "where"
                    | "whether"
                    | "than"
            )
            || lexicon::is_between_word(l)
            || doc.is_cue(l)
            || lexicon::is_np_stop(l)
                && !matches!(l, "of" | "in" | "on" | "for" | "at" | "with" | "from")
        {
            break;
        }
        st = p;
    }
    let (cs, ce) = right_content(
        doc,
        to - usize::from(adjective),
        b,
        CueClass::Speech,
        "expected",
    )?;
    Some(Raw::new(
        doc,
        vec![(st, e), (cs, ce)],
        Some((cue_start, i)),
        None,
    ))
}

/// A past-tense verb outside the lexicon that tags a quotation: `“A,” Toomey
/// fumed` (a short subject between the quotation and the verb) or `“A,”
/// exhorted the host` (the verb right after the quotation).
fn quote_tag_verb(doc: &Doc, si: usize, i: usize) -> bool {
    let lw = doc.lower(i);
    // `“Did you shoot him?” she yells`: a present tense after a pronoun.
    let present = lw.len() >= 4 && lw.ends_with('s') && !lw.ends_with("ss") && lw.is_ascii();
    if present {
        return quote_subject(doc, si, i)
            .is_some_and(|(st, e)| st == e && matches!(doc.lower(st), "he" | "she"));
    }
    // `“A,” Lind shot back.`: an irregular past with its particle.
    let irregular = matches!(lw, "shot" | "hit" | "struck" | "broke" | "cut" | "threw")
        && matches!(doc.lower(i + 1), "back" | "in");
    if !irregular && (lw.len() < 5 || !lw.ends_with("ed") || !lw.is_ascii()) {
        return false;
    }
    if let Some((st, e)) = quote_subject(doc, si, i) {
        let short = e - st < 4
            && (doc.is_capitalized(st)
                || lexicon::is_pronoun(doc.lower(st))
                || matches!(doc.lower(st), "the" | "a" | "an" | "his" | "her" | "their"));
        return short && (st..=e).all(|k| doc.is_word(k) || doc.word(k) == ".");
    }
    let a = doc.sents[si].tokens.start;
    let mut p = i.checked_sub(1);
    if p.is_some_and(|p| p > a && doc.is_punct(p, ",")) {
        p = p.map(|p| p - 1);
    }
    let Some(q) = p.and_then(|p| doc.quote_closing(p)) else {
        return false;
    };
    let quote = &doc.quotes[q];
    let p = quote.close;
    let ends_clause = p > quote.open && is_tag_ending(doc.word(p - 1)) || doc.is_punct(p + 1, ",");
    let opens = quote.open <= a || strip_lead(doc, a, quote.open) == quote.open;
    let next = doc.lower(i + 1);
    ends_clause
        && opens
        && (doc.is_capitalized(i + 1) || matches!(next, "the" | "a" | "an" | "his" | "her"))
}

/// The mark a quotation ends with before its tag inside the marks: a comma,
/// `?`, `!` or an ellipsis (`“We will rebuild …” Berg said`).
fn is_tag_ending(w: &str) -> bool {
    matches!(w, "," | "?" | "!" | "..." | "…")
}

/// `“A,” a spokesman for the committee said`: the words between a quotation
/// that opens the sentence (and ends with a comma, `?` or `!`) and the cue at
/// `j`, when they are a short phrase with no other cue or quotation.
fn quote_subject(doc: &Doc, si: usize, j: usize) -> Option<(usize, usize)> {
    let a = doc.sents[si].tokens.start;
    // Cheap test first: the quotation must open the sentence (after at most a
    // discourse word and its comma).
    if (a.saturating_sub(1)..a + 3).all(|k| doc.quote_at(k).is_none()) {
        return None;
    }
    let mut p = j.checked_sub(1)?;
    let (q, ends_clause) = loop {
        while p >= a && doc.quote_at(p).is_none() {
            if j - p > 30 || doc.toks[p].newline_before || doc.is_punct(p, ";") {
                return None;
            }
            p = p.checked_sub(1)?;
        }
        let q = doc.quote_closing(p)?;
        let quote = &doc.quotes[q];
        let ends_clause =
            p > quote.open && is_tag_ending(doc.word(p - 1)) || doc.is_punct(p + 1, ",");
        // (`“A,” delegate Anna Berg, wearing “Lind 2020” pins, said`: a short
        // quotation inside the subject.)
        let short = (quote.open..=p).filter(|&k| doc.is_word(k)).count() <= 4;
        if ends_clause || !short || quote.open <= a {
            break (q, ends_clause);
        }
        p = quote.open.checked_sub(1)?;
    };
    let quote = &doc.quotes[q];
    if !ends_clause || (quote.open > a && strip_lead(doc, a, quote.open) != quote.open) {
        return None;
    }
    let mut st = p + 1;
    if doc.is_punct(st, ",") {
        st += 1;
    }
    if st >= j
        || !doc.is_word(st)
        || matches!(
            doc.lower(st),
            "and" | "but" | "or" | "so" | "then" | "as" | "while" | "when" | "because" | "if"
        )
        || (st..j).any(|i| verb_cue_word(doc, i) || doc.lower(i) == "according")
    {
        return None;
    }
    Some((st, j - 1))
}

/// `Sergei Lavrov, Russia's foreign minister, said` / `“...,” Flynn, a top
/// surrogate, said`: a capitalized name, a comma, a description, a comma, the
/// cue at `comma + 1`. Returns the subject from the name to the description's end.
fn appositive(doc: &Doc, a: usize, comma: usize) -> Option<(usize, usize)> {
    let floor = a.max(comma.saturating_sub(24));
    let mut k = comma;
    while k > floor {
        k -= 1;
        // (`Anna Berg, the author of “Low Tide,” said`: a short quoted title
        // in the description.)
        if let Some(q) = doc.quote_at(k) {
            let q = &doc.quotes[q];
            let words = (q.open..=q.close).filter(|&i| doc.is_word(i)).count();
            if words > 6 || q.open <= floor || q.close > comma {
                return None;
            }
            k = q.open;
            continue;
        }
        if doc.is_terminal(k) {
            return None;
        }
        if !doc.is_punct(k, ",") || k == 0 {
            continue;
        }
        // The name before this comma.
        let e = k - 1;
        if !doc.is_capitalized(e) || doc.quote_at(e).is_some() {
            continue;
        }
        let st = np_start(doc, e, a);
        // (`As Anna Berg, an expert, noted`: a subordinator before the name.)
        let starts_clean = st == a
            || doc.quote_closing(st - 1).is_some()
            || doc.is_punct(st - 1, ",")
            || lexicon::is_subordinator(doc.lower(st - 1));
        if starts_clean && k + 1 < comma {
            return Some((st, comma - 1));
        }
    }
    None
}

/// `..., said six-million people who ...`, `..., said a former spokesman for
/// the ministry, Oleg Voloshyn.`, `..., say some Democrats, who ...`: after a
/// verb of saying that closes a content, the noun phrase up to the next comma
/// or the sentence end is the inverted subject when no verb stands in it.
/// Its last token.
fn inverted_subject_end(doc: &Doc, lw: &str, after: usize, b: usize) -> Option<usize> {
    if !matches!(lw, "said" | "says" | "say" | "added" | "adds")
        || after >= b
        || !doc.is_word(after)
    {
        return None;
    }
    let first = doc.lower(after);
    if lexicon::is_pronoun(lexicon::pronoun_base(first))
        || matches!(
            first,
            "this"
                | "these"
                | "those"
                | "there"
                | "so"
                | "not"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "my"
                | "your"
        )
        || is_adjunct_start(doc, after)
    {
        return None;
    }
    let mut k = after;
    while k < b && k < after + 14 {
        // `Rep. Jim Clyburn`, `Paul H. Chipok`: a period inside a name.
        let in_name = k > after && doc.period_in_name(k);
        // The name ends the sentence, or an appositive or a relative clause
        // follows it (`, a professor at`, `, who`, `, Oleg Voloshyn`).
        let appositive_next = |n: usize| {
            doc.is_capitalized(n)
                || matches!(doc.lower(n), "who" | "a" | "an" | "the" | "whose")
                || doc.toks.get(n).is_some_and(|t| t.kind == TokenKind::Number)
        };
        if !in_name && (doc.is_terminal(k) || doc.is_punct(k, ",") && appositive_next(k + 1)) {
            return (k > after).then(|| k - 1);
        }
        if !in_name && doc.is_punct(k, ",") {
            return None;
        }
        let w = doc.lower(k);
        // `..., said Mayor Don Guardian in an interview.`: an adjunct ends the name.
        if k > after
            && (doc.is_punct(k, "(")
                || matches!(
                    w,
                    "in" | "during"
                        | "on"
                        | "after"
                        | "before"
                        | "when"
                        | "while"
                        | "with"
                        | "via"
                        | "as"
                        | "last"
                        | "yesterday"
                        | "today"
                )
                || lexicon::is_weekday(w))
        {
            return Some(k - 1);
        }
        if in_name {
            k += 1;
            continue;
        }
        // (`a source close to the campaign`: not an infinitive.)
        let close_to = w == "to" && k > after && doc.lower(k - 1) == "close";
        let verb_like = lexicon::is_auxiliary(w)
            || matches!(w, "that" | "to" | "who" | "which") && !close_to
            || k > after && !doc.is_capitalized(k) && w.len() > 3 && w.ends_with("ed");
        if doc.quote_at(k).is_some() || verb_like {
            return None;
        }
        k += 1;
    }
    (k >= b)
        .then(|| b - 1)
        .filter(|&e| e >= after && doc.is_word(e))
}

/// `Officials at X, a division of Y, said CONTENT`: when a clause follows the
/// cue and the sentence before the comma holds no quotation or other cue, the
/// subject runs from the sentence start (after an opening adjunct such as
/// "In a statement,") to the comma.
fn long_subject(
    doc: &Doc,
    a: usize,
    comma: usize,
    after: usize,
    b: usize,
    lw: &str,
) -> Option<(usize, usize)> {
    let words_after = (after..b).filter(|&i| doc.is_word(i)).count();
    if inverted_subject_end(doc, lw, after, b).is_some() {
        return None;
    }
    // `..., said Larry Sabato, director of ...`, `..., said the company's
    // chief executive.`: an inverted subject, not content.
    let inverting = matches!(
        lw,
        "said" | "says" | "added" | "adds" | "wrote" | "writes" | "noted" | "notes" | "explained"
    );
    if doc.is_capitalized(after) || inverting && matches!(doc.lower(after), "the" | "a" | "an") {
        if let Some(e) = np_end_forward(doc, after, b).filter(|&e| {
            // (`said the Khan family deserved better`: a clause, not a name.)
            doc.is_capitalized(after)
                || (after + 1..=e).all(|i| !doc.lower(i).ends_with("ed") || doc.is_capitalized(i))
        }) {
            if e + 1 >= b || doc.is_punct(e + 1, ",") || doc.is_terminal(e + 1) {
                return None;
            }
        }
    }
    let clause_follows = (after < b
        && !doc.is_terminal(after)
        && !doc.is_punct(after, ",")
        && !is_adjunct_start(doc, after)
        && words_after >= 4)
        || has_that_soon(doc, after, b)
        || doc.quote_opening(after).is_some()
        || doc.is_punct(after, ",") && doc.quote_opening(after + 1).is_some();
    if !clause_follows || comma - a > 40 {
        return None;
    }
    if (a..comma).any(|i| doc.quote_at(i).is_some() || doc.is_punct(i, ";")) {
        return None;
    }
    let mut st = a;
    if is_adjunct_start(doc, a) || doc.lower(a) == "according" {
        let c = (a..comma).find(|&i| doc.is_punct(i, ","))?;
        st = c + 1;
    }
    // (`On Monday, however, the head of X, Y, said`)
    let st = if st > a {
        strip_lead(doc, st, comma)
    } else {
        st
    };
    // (`In opposing the request, her lawyer, Tom Lind, wrote`)
    let determiner = matches!(
        doc.lower(st),
        "the" | "a" | "an" | "her" | "his" | "their" | "its"
    );
    (st < comma && (doc.is_capitalized(st) || determiner)).then_some((st, comma - 1))
}

/// After `A, X said,` the rest of the sentence, when it is a clause.
fn interrupted_rest(doc: &Doc, after: usize, b: usize) -> Option<(usize, usize)> {
    let mut k = after;
    // Skip adjuncts up to the comma: `A, X said on Monday, B.`
    while k < b
        && k < after + 8
        && !doc.is_punct(k, ",")
        && !doc.is_terminal(k)
        && doc.quote_at(k).is_none()
    {
        k += 1;
    }
    if !doc.is_punct(k, ",") {
        return None;
    }
    let start = k + 1;
    // `A, Lind said, adding, “B”`, `..., noting that B`: a participle
    // clause with a cue of its own.
    if participle_cue(doc, start) {
        return None;
    }
    let end = content_end(doc, start, b)?;
    let words = (start..=end).filter(|&i| doc.is_word(i)).count();
    (words >= 3 && !(start..=end).any(|i| doc.lower(i) == "according")).then_some((start, end))
}

fn has_that_soon(doc: &Doc, from: usize, end: usize) -> bool {
    (from..end.min(from + 8)).any(|i| doc.lower(i) == "that" && doc.quote_at(i).is_none())
}

/// Content that ends at token `p` (a comma or a closing quotation mark) and
/// runs back to the sentence start, or to the quotation's opening.
fn left_content(doc: &Doc, si: usize, p: usize) -> Option<Vec<(usize, usize)>> {
    let a = doc.sents[si].tokens.start;
    if let Some(q) = doc.quote_closing(p).or_else(|| {
        // `“...”, he said`
        if doc.is_punct(p, ",") && p > 0 {
            doc.quote_closing(p - 1)
        } else {
            None
        }
    }) {
        let quote = &doc.quotes[q];
        let start = if quote.open < a {
            quote.open
        } else {
            strip_lead(doc, a, quote.open)
        };
        // `When someone shouted, “Cruz,” Beck joked` / `..., especially
        // fundraising: “A,” he said`: the narrative before a comma or colon
        // that opens the quotation is not the speaker's.
        // (`The party, attended by many, “allows us to speak,” X said`: a
        // quotation that opens in lower case goes on with the sentence.)
        let lower_start = (quote.open + 1..quote.close)
            .find(|&i| doc.is_word(i))
            .is_some_and(|i| doc.word(i).starts_with(|c: char| c.is_lowercase()));
        let introduced = quote.open > start
            && (doc.is_punct(quote.open - 1, ",") && !lower_start
                || doc.is_punct(quote.open - 1, ":"));
        let start = if start < quote.open
            && (!text_between_is_content(doc, start, quote.open) || introduced)
        {
            quote.open
        } else {
            start
        };
        return Some(vec![(start, quote.close)]);
    }
    if !doc.is_punct(p, ",") || p <= a {
        return None;
    }
    let start = strip_lead(doc, a, p);
    if start >= p {
        return None;
    }
    Some(vec![(start, p - 1)])
}

fn text_between_is_content(doc: &Doc, from: usize, to: usize) -> bool {
    (from..to).any(|i| doc.is_word(i))
}

/// `“A,” he said. “B.”` and `“A,” he said, “B.”`: the quotation after the cue
/// clause continues the statement.
fn with_continuation(
    doc: &Doc,
    mut pieces: Vec<(usize, usize)>,
    after: usize,
    b: usize,
) -> Vec<(usize, usize)> {
    let Some(&(first, last)) = pieces.last() else {
        return pieces;
    };
    let quoted =
        doc.quote_closing(last).is_some() || (first..=last).any(|i| doc.quote_opening(i).is_some());
    if !quoted {
        return pieces;
    }
    let mut k = after;
    // Skip the rest of the cue clause (adjuncts, an appositive) to the
    // sentence end, or to a comma right before a quotation.
    // An abbreviation's dot before a comma ("N.C., ") ends nothing.
    let ends = |k: usize| doc.is_terminal(k) && !doc.is_punct(k + 1, ",");
    while k < b
        && !ends(k)
        && doc.quote_at(k).is_none()
        && !(doc.is_punct(k, ",") && doc.quote_opening(k + 1).is_some())
    {
        // `“A,” she said, adding, “B.”`, `noting that she “B.”`: the
        // participle is B's own cue.
        if participle_cue(doc, k) && (quote_follows(doc, k + 1) || doc.lower(k + 1) == "that") {
            return pieces;
        }
        k += 1;
    }
    if k < doc.toks.len() && (doc.is_terminal(k) || doc.is_punct(k, ",")) {
        k += 1;
    }
    // `said in Raleigh, N.C., “...”` (the sentence splitter may stop at the dot)
    if doc.is_punct(k, ",") {
        k += 1;
    }
    // Only a quotation that opens after a clause ends continues the statement,
    // not one inside a new clause (`, but only if Moscow is treated ‘with dignity’`).
    let after_break = k == after
        || k > 0
            && (doc.is_terminal(k - 1) || doc.is_punct(k - 1, ",") || doc.is_punct(k - 1, ":"));
    // (`“A,” he said. But “B.”`: a conjunction may open the next sentence.)
    let lead = k;
    if after_break
        && k > 0
        && doc.is_terminal(k - 1)
        && matches!(doc.word(k), "But" | "And")
        && doc.quote_opening(k + 1).is_some()
    {
        k += 1;
    }
    if let Some(q) = doc.quote_opening(k).filter(|_| after_break) {
        let quote = &doc.quotes[q];
        let same_para = !(doc.toks[quote.open].newline_before);
        // `“B.” Next sentence`: a terminal mark inside the closing quotation
        // ends the sentence too.
        let ends_sentence = quote.close + 1 >= doc.toks.len()
            || doc.toks[quote.close + 1].newline_before
            || quote.close > quote.open + 1
                && doc.is_terminal(quote.close - 1)
                && doc.is_capitalized(quote.close + 1)
            || doc.is_terminal(quote.close + 1)
                && (quote.close + 2 >= doc.toks.len()
                    || doc.toks[quote.close + 2].newline_before
                    || doc.quote_opening(quote.close + 2).is_none()
                        && doc.sent_of[quote.close + 2] != doc.sent_of[quote.close]);
        // (`“A,” she wrote, “B,” after X did Y`: a subordinate clause of the
        // narrative may follow it.)
        let subordinate_next = quote.close > quote.open + 1
            && doc.is_punct(quote.close - 1, ",")
            && matches!(
                doc.lower(quote.close + 1),
                "after" | "before" | "when" | "while" | "as" | "because"
            );
        if same_para && (ends_sentence || subordinate_next) && !cue_near(doc, quote.close + 1) {
            pieces.push((lead, quote.close));
        }
    }
    pieces
}

/// Is there a narrative cue right after a quotation (`“...,” she added`)?
fn cue_near(doc: &Doc, from: usize) -> bool {
    let end = (from + 5).min(doc.toks.len());
    // (A cue at the start of the next paragraph is not near.)
    let end = (from..end)
        .find(|&i| doc.toks[i].newline_before)
        .unwrap_or(end);
    // (Nor one in the next sentence: `“B.” Later, Lind said ...`.)
    let sent = doc.sent_of[from - 1];
    (from..end).any(|i| {
        doc.quote_at(i).is_none()
            && doc.sent_of[i] == sent
            && matches!(
                doc.lower(i),
                "said"
                    | "says"
                    | "added"
                    | "asked"
                    | "told"
                    | "continued"
                    | "noted"
                    | "wrote"
                    | "explained"
                    | "replied"
            )
    })
}

/// `Two-thirds support a ban`, `Lind supports the plan`: the often-noun
/// `support` used as a verb with a noun-phrase object.
fn support_verb(doc: &Doc, c: usize, next: usize) -> bool {
    let lw = doc.lower(c);
    if !matches!(lw, "support" | "supports") || !doc.is_word(next) {
        return false;
    }
    if lexicon::is_np_stop(doc.lower(next))
        || matches!(
            doc.lower(next),
            "to" | "for"
                | "with"
                | "of"
                | "in"
                | "from"
                | "among"
                | "on"
                | "at"
                | "by"
                | "and"
                | "or"
                | "as"
                | "over"
                | "than"
                | "overall"
        )
    {
        return false;
    }
    let a = doc.sents[doc.sent_of[c] as usize].tokens.start;
    // The subject's last word, past adverbs (`strongly`, `also`).
    let mut j = c;
    while j > a && lexicon::is_between_word(doc.lower(j - 1)) {
        j -= 1;
    }
    if j == a {
        return false;
    }
    let s = j - 1;
    let last = doc.lower(s);
    // Not inside another report (`said they support Lind`).
    if (a..s).any(|i| doc.is_cue(doc.lower(i))) {
        return false;
    }
    let plural =
        last.len() > 3 && last.ends_with('s') && !last.ends_with("ss") && !doc.is_possessive(s);
    !matches!(
        last,
        "you" | "it" | "percent" | "%" | "who" | "that" | "which" | "whose"
    ) && (s == a || !lexicon::is_any_determiner(doc.lower(s - 1)))
        && (lexicon::is_subject_pronoun(last)
            || doc.toks[s].kind == TokenKind::Number
            || matches!(
                last,
                "most"
                    | "all"
                    | "majority"
                    | "half"
                    | "few"
                    | "many"
                    | "two-thirds"
                    | "three-quarters"
            )
            || plural && lw == "support"
            || lw == "supports" && doc.is_capitalized(s))
}

/// Content after the cue: `said (that) X`, `told Y that X`, `said: “X”`.
fn right_content(
    doc: &Doc,
    after: usize,
    b: usize,
    class: CueClass,
    lw: &str,
) -> Option<(usize, usize)> {
    let mut k = after;
    if k >= b {
        return None;
    }
    // (`is telling diners at the cafe that ...`: the participle of an
    // addressed verb takes its addressee too.)
    let addressed = class == CueClass::Addressed
        || matches!(lw, "telling" | "reminding" | "assuring" | "informing");
    // `said — on Twitter, as it happens — that ...`: an aside between dashes.
    let is_dash = |i: usize| matches!(doc.word(i), "—" | "–" | "--" | "―");
    if is_dash(k) && doc.toks[k].space_before {
        if let Some(d) = (k + 1..b.min(k + 14)).find(|&i| is_dash(i)) {
            if d + 1 < b && doc.quote_at(d).is_none() {
                k = d + 1;
            }
        }
    }
    // `pledged Saturday to rid the world of ...`: a time adjunct before an
    // infinitive is not content.
    let t = time_adjunct_after(doc, k, b);
    if t > k && doc.lower(t) == "to" {
        k = t;
    }
    // Adjuncts before "that": "said on Monday that", "told reporters that".
    if let Some(t) = (k..b.min(k + if addressed { 15 } else { 13 }))
        .find(|&i| doc.lower(i) == "that" && doc.quote_at(i).is_none() && !doc.is_terminal(i + 1))
    {
        let between_ok = t == k
            || addressed
            || is_adjunct_start(doc, k)
            // `complained to a crowd in Riga that`: an addressee.
            || doc.lower(k) == "to" && t > k + 1 && t <= k + 8 && addressee_after_to(doc, k + 1)
            || (k..t)
                .all(|i| doc.is_capitalized(i) || doc.is_punct(i, ",") || doc.is_punct(i, "."));
        let no_comma_break = !(k..t).any(|i| doc.is_punct(i, ";") || doc.is_terminal(i));
        // (`said Thursday his worry is that ...`: the `that` of a clause
        // after the cue's own.)
        let no_verb = !(k..t).any(|i| lexicon::is_auxiliary(doc.lower(i)));
        if between_ok && no_comma_break && no_verb {
            k = t;
        }
    } else if let Some(e) = (class == CueClass::Addressed && programme_at(doc, k).is_some())
        .then(|| addressee_end(doc, k, b))
        .flatten()
    {
        // `told “Good Morning Riga” the ...`: a programme is the addressee.
        k = e + 1;
    } else if class == CueClass::Addressed {
        // "told the conference, “...”": skip the addressee to a comma or colon.
        let mut m = k;
        while m < b
            && m < k + 8
            && !doc.is_punct(m, ",")
            && !doc.is_punct(m, ":")
            && doc.quote_opening(m).is_none()
        {
            m += 1;
        }
        let addressee = addressee_end(doc, k, b);
        // (`told reporters the pier was “unsafe”`: a clause after the
        // addressee, before the quotation.)
        let clause_first = doc.quote_opening(m).is_some()
            && addressee.is_some_and(|e| e + 1 < m && doc.is_word(e + 1));
        // (`told reporters the pier was safe, though ...`: a comma after a
        // clause is no addressee's, unless a quotation follows it.)
        let comma_quote =
            doc.is_punct(m, ",") && (doc.quote_opening(m + 1).is_some() || addressee.is_none());
        if m < b
            && !clause_first
            && (comma_quote || doc.is_punct(m, ":") || doc.quote_opening(m).is_some())
        {
            k = m;
        } else if let Some(e) = addressee {
            // "told POLITICO he would run", "told me they believed".
            k = e + 1;
        } else if let Some(t) = (k + 1..b.min(k + 7)).find(|&t| {
            // "told Flint residents not to drink", "urged voters to stay home".
            doc.lower(t) == "to"
                && doc.is_word(t + 1)
                && !doc.is_capitalized(t + 1)
                && !lexicon::is_np_stop(doc.lower(t + 1))
                && !matches!(
                    doc.lower(t + 1),
                    "the" | "a" | "an" | "his" | "her" | "their"
                )
        }) {
            // The addressee is content too (`urged voters to stay home`, not
            // `to stay home`: on PolNeAR train the gold content starts at the
            // addressee of `asked / told / urged` and an infinitive 61 times,
            // at `to` 17 times).
            let plain_addressee = (k..t)
                .all(|i| doc.is_word(i) && doc.quote_at(i).is_none() && !doc.is_cue(doc.lower(i)));
            if !plain_addressee && !matches!(lw, "asked" | "asks" | "ask" | "urge" | "warn") {
                return None;
            }
        } else if !matches!(lw, "asked" | "asks" | "ask" | "urge" | "warn") {
            return None;
        }
    } else if lexicon::needs_clause(lw) {
        // Only with a clause or quotation: skip "called for", "found a".
        let next = doc.lower(k);
        let quote_in_clause = (k..b).any(|i| doc.quote_opening(i).is_some());
        let ok = doc.quote_opening(k).is_some()
            || quote_in_clause && lexicon::is_naming_verb(lw)
            || doc.is_punct(k, ":")
            || (doc.is_punct(k, ",") && doc.quote_opening(k + 1).is_some())
            // `calls herself a socialist`
            || matches!(lw, "call" | "calls")
                && matches!(next, "him" | "her" | "them" | "himself" | "herself" | "themselves" | "this")
            || (next == "to"
                && !matches!(
                    lw,
                    "continue" | "continues" | "continued" | "decided" | "attacks" | "attack"
                )
                && !matches!(
                    doc.lower(k + 1),
                    "a" | "an"
                        | "the"
                        | "this"
                        | "that"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "our"
                        | "requests"
                        | "questions"
                        | "calls"
                        | "reporters"
                ))
            || matches!(
                next,
                "whether"
                    | "if"
                    | "what"
                    | "how"
                    | "why"
                    | "he"
                    | "she"
                    | "they"
                    | "we"
                    | "it"
                    | "i"
                    | "the"
            )
            // `believe Trump cannot win`: a named subject opens the clause.
            || lexicon::is_cognition(lw)
                && doc.is_capitalized(k)
                && (k + 1..b.min(k + 6))
                    .take_while(|&i| doc.is_word(i))
                    .any(|i| lexicon::is_auxiliary(doc.lower(i)))
            // `hopes obstruction would become`, `thought compromise was likely`:
            // a bare noun subject and its auxiliary.
            || lexicon::is_cognition(lw) && bare_clause_at(doc, k, b);
        // PolNeAR also attributes noun-phrase objects (`opposed the bill`,
        // `reported 906 attacks`) to verbs that are not often nouns.
        // The object is a noun phrase, not a prepositional phrase
        // (`respond to requests`, `hoped for an agreement`).
        let object = (lexicon::takes_object(lw) || support_verb(doc, after - 1, k))
            && doc.is_word(k)
            && !matches!(next, "to" | "for" | "with" | "into" | "against" | "by");
        if !ok && !object {
            return None;
        }
    }
    // `wrote to his followers, “A”`, `said last week in Tel Aviv, “A”`: the
    // words before `, “` are adjuncts, the quotation is the content.
    let naming = matches!(
        lw,
        "call"
            | "calls"
            | "called"
            | "calling"
            | "named"
            | "dubbed"
            | "labeled"
            | "labelled"
            | "branded"
            | "termed"
            | "expected"
    );
    // (`to his followers`, not an infinitive: `plans to republish “A,”`)
    let infinitive = doc.lower(k) == "to"
        && !lexicon::is_determiner(doc.lower(k + 1))
        && !matches!(doc.lower(k + 1), "our" | "my" | "your");
    if doc.quote_opening(k).is_none() && doc.lower(k) != "that" && !naming && !infinitive {
        // (`said on Tuesday in a speech: “A”` too.)
        if let Some(m) = (k..b.min(k + 10)).find(|&m| {
            (doc.is_punct(m, ",") || doc.is_punct(m, ":")) && doc.quote_opening(m + 1).is_some()
        }) {
            let plain = (k..m).all(|i| {
                doc.quote_at(i).is_none()
                    && !doc.is_terminal(i)
                    && !matches!(doc.lower(i), "that" | "and" | "but")
                    && !doc.is_cue(doc.lower(i))
            });
            if plain {
                k = m;
            }
        }
    }
    // ", recalling X, that ..."
    if doc.is_punct(k, ",") {
        if let Some(t) = (k + 1..b).find(|&i| {
            doc.lower(i) == "that" && doc.is_punct(i - 1, ",") && doc.quote_at(i).is_none()
        }) {
            if !(k + 1..t).any(|i| doc.quote_at(i).is_some()) {
                k = t;
            }
        }
    }
    while k < b
        && (doc.is_punct(k, ",")
            || doc.is_punct(k, ":")
            || doc.is_punct(k, "—")
            || doc.is_punct(k, "-"))
    {
        k += 1;
    }
    if k >= b {
        // `The Times reports:` closing a paragraph: the next paragraph is the content.
        if k > after && doc.is_punct(k - 1, ":") && k < doc.toks.len() && doc.toks[k].newline_before
        {
            let para = doc.para_of_token(k);
            let p = doc.paras.get(para)?;
            let last = doc.toks.partition_point(|t| t.span.end <= p.end);
            if let Some(q) = doc.quote_opening(k) {
                return Some((k, doc.quotes[q].close));
            }
            return (last > k).then(|| (k, last - 1));
        }
        return None;
    }
    // A quotation that ends the sentence is the whole content.
    if let Some(q) = doc.quote_opening(k) {
        let close = doc.quotes[q].close;
        let rest_empty = close + 1 >= doc.toks.len()
            || doc.toks[close + 1].newline_before
            || (close + 1..b)
                .all(|i| doc.is_terminal(i) || doc.is_punct(i, ",") || doc.is_punct(i, ")"));
        // `said, “A,” promising B`: the quotation, not the narrative after it.
        let tagged = close > k
            && doc.is_punct(close - 1, ",")
            && doc
                .word(close + 1)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
            && !(matches!(doc.word(close + 1), "and" | "or")
                && (close + 2..close + 4).any(|i| doc.quote_opening(i).is_some()));
        if rest_empty || tagged {
            return Some((k, close));
        }
    }
    // (`said: Berg has been tested, coming from far behind`: a content the
    // cue introduces with a colon is a sentence of its own, and no clause
    // boundary ends it before the sentence does.)
    let colon_intro = k > after && doc.is_punct(k - 1, ":");
    // Stop before ", adding that ..." (its own statement) and at "; ".
    let mut end = b;
    let naming = lexicon::is_naming_verb(lw);
    for i in k + 1..b {
        // `called her “third-rate,” adding ...`: a quotation that closes on a
        // comma ends the content when narrative follows it.
        if let Some(q) = doc.quote_closing(i) {
            let open = doc.quotes[q].open;
            let comma = doc.is_punct(i - 1, ",") || doc.is_punct(i + 1, ",");
            let n = if doc.is_punct(i + 1, ",") {
                i + 2
            } else {
                i + 1
            };
            // A participle, a second verb or an appositive, not `, such as`, `, but also`.
            let w = doc.word(n);
            let narrative = doc.quote_at(n).is_none()
                && (w.len() > 4 && w.ends_with("ing")
                    || w == "and" && doc.lower(n + 1).ends_with("ed")
                    || matches!(w, "a" | "an" | "the" | "another"));
            // `know that “A,” Tempel said.`: the quotation's own cue follows.
            let tagged = comma && trailing_cue_clause(doc, n, b);
            // `are “about right,” though voters ...`: a comma inside the
            // closing mark before a clause of the narrative.
            // (Not `, but also ...`, `, which ...`: PolNeAR runs on over those.)
            let subject_after = |m: usize| {
                let l = doc.lower(m);
                lexicon::is_subject_pronoun(l)
                    || matches!(l, "the" | "a" | "an")
                    || doc.is_capitalized(m)
            };
            let clause = doc.is_punct(i - 1, ",")
                && (matches!(doc.lower(n), "though" | "although" | "whereas")
                    || matches!(doc.lower(n), "but" | "while") && subject_after(n + 1));
            // `called the merger “a terrible deal” and ranked X`: after a naming
            // verb's quoted complement, `and` with a verb or a subject opens
            // another predicate.
            let naming_and = naming && doc.lower(n) == "and" && {
                // (`and then ranked`, `and later ranked`, `and recently ranked`)
                let adverb = |l: &str| matches!(l, "then" | "later" | "also") || l.ends_with("ly");
                let v = if adverb(doc.lower(n + 1)) {
                    n + 2
                } else {
                    n + 1
                };
                let l = doc.lower(v);
                l.len() > 4 && (l.ends_with("ed") || l.ends_with("ing"))
                    || matches!(l, "he" | "she" | "they" | "it" | "his" | "her" | "their")
                    // `and has said ...`, `and made an appeal ...`
                    || matches!(l, "has" | "have" | "had" | "is" | "was" | "will" | "would")
                    || lexicon::is_irregular_past(l)
            };
            // `deemed him “well qualified,” which is ...`: nor a relative
            // clause after the complement's comma.
            let naming_relative = naming && comma && doc.lower(n) == "which";
            // `called the plan “reckless” in a tweet Tuesday`, `said the pier
            // would “never reopen” at a rally`: an adjunct after a quotation
            // is narrative. (Only an adjunct of the occasion: `in a tweet`,
            // `on Monday`, `over the weekend`, `on his radio show`.)
            let occasion_adjunct =
                matches!(doc.lower(i + 1), "in" | "on" | "during" | "at" | "over")
                    && (i + 2..(i + 6).min(b)).any(|t| lexicon::is_occasion(doc.lower(t)))
                    && (i + 2..(i + 6).min(b)).all(|t| doc.quote_at(t).is_none());
            if open >= k
                && (comma && narrative
                    || tagged
                    || clause
                    || naming_and
                    || occasion_adjunct
                    || naming_relative)
            {
                end = i + 1;
                break;
            }
        }
        if doc.quote_at(i).is_some() {
            continue;
        }
        if doc.is_punct(i, ";") {
            end = i;
            break;
        }
        // `picked Clinton as their nominee and worked to clear the field`:
        // after a noun-phrase object (no verb, auxiliary or relative word in
        // the content yet), `and` and a past-tense verb with its own object
        // is the subject's next act, not the content's (not `the heat and
        // unsettled weather`: an adjective before its noun).
        if i > k
            && doc.lower(i) == "and"
            && past_predicate(doc, i + 1)
            && !(k..i).any(|m| {
                let w = doc.lower(m);
                lexicon::is_auxiliary(w)
                    || w.len() > 3 && w.ends_with("ed")
                    || lexicon::is_irregular_past(w)
                    || matches!(w, "that" | "who" | "which" | "to")
            })
        {
            end = i;
            break;
        }
        // `praised the plan in an interview with the Herald`, `defended
        // the tariff at a rally in Hull`: an adjunct of the occasion ends the
        // content, as it does after a quotation.
        if i > k + 1 && speech_event_adjunct(doc, i, b) {
            end = i;
            break;
        }
        if !colon_intro
            && clause_boundary(doc, i)
            && !quotation_follows_clause(doc, k, i, b)
            && !parallel_figures(doc, k, i, b)
            && !subject_relative(doc, (k, b - 1), i)
        {
            end = i;
            break;
        }
        // `..., the source added.`: a trailing attribution of its own.
        if doc.is_punct(i, ",") && trailing_cue_clause(doc, i + 1, b) {
            end = i;
            break;
        }
        if doc.is_punct(i, ",")
            && matches!(
                doc.lower(i + 1),
                "adding"
                    | "saying"
                    | "noting"
                    | "stressing"
                    | "arguing"
                    | "insisting"
                    | "explaining"
                    | "warning"
                    | "according"
            )
        {
            end = i;
            break;
        }
    }
    let e = through_quotation(doc, content_end(doc, k, end)?);
    // "said on Thursday": an adjunct, not content.
    if is_adjunct_start(doc, k)
        && (k..=e).filter(|&i| doc.is_word(i)).count() <= 4
        && doc.quote_at(e).is_none()
    {
        return None;
    }
    if !(k..=e).any(|i| doc.is_word(i)) {
        return None;
    }
    // `warned of X`, `talked about X`, `called for X`: the preposition is the
    // cue's, not the content's (on PolNeAR train the gold content starts
    // after it 128 times, with it 18 times).
    let k = if matches!(doc.lower(k), "for" | "of" | "about" | "on") && k < e && doc.is_word(k + 1)
    {
        k + 1
    } else {
        k
    };
    Some((k, endorsed_name_end(doc, lw, k, e).unwrap_or(e)))
}

/// At `i`: a preposition, an indefinite article or a possessive and an
/// event of saying that heads its phrase (`in an interview with`, `during a
/// speech in Hull`, `at his rally.`, not `in a letter writer's view` or
/// `on a debate stage`).
fn speech_event_adjunct(doc: &Doc, i: usize, b: usize) -> bool {
    matches!(doc.lower(i), "in" | "on" | "during" | "at")
        && matches!(doc.lower(i + 1), "a" | "an" | "his" | "her" | "their")
        && (i + 1..(i + 5).min(b)).all(|t| doc.quote_at(t).is_none())
        && (i + 2..(i + 5).min(b)).any(|t| {
            lexicon::is_speech_event(doc.lower(t))
                && (t + 1 >= b
                    || !doc.is_word(t + 1)
                    || is_adjunct_start(doc, t + 1)
                    || matches!(doc.lower(t + 1), "with" | "to" | "published" | "last"))
        })
}

/// `endorsed Cruz last week`, `backed Mr. Sanders in Iowa`: a verb of
/// endorsement whose object is a name ends its content with the name.
fn endorsed_name_end(doc: &Doc, lw: &str, k: usize, e: usize) -> Option<usize> {
    if !matches!(
        lw,
        "endorsed"
            | "endorses"
            | "endorse"
            | "endorsing"
            | "backed"
            | "backs"
            | "backing"
            | "favored"
            | "favors"
            | "preferred"
            | "prefers"
            | "supporting"
            | "supported"
            | "supports"
    ) || !doc.is_capitalized(k)
    {
        return None;
    }
    let mut r = k;
    while r < e && (doc.is_capitalized(r + 1) || doc.period_in_name(r + 1)) {
        r += 1;
    }
    if r >= e || doc.is_possessive(r) {
        return None;
    }
    let next = doc.lower(r + 1);
    // (`Graham and Mr. Bush`: a second name; `Proposition 226`: a number in
    // the name; `Trump 58 percent to 21 percent`: a share after it.)
    let share = doc.toks[r + 1].kind == TokenKind::Number
        && matches!(doc.lower(r + 2), "percent" | "%" | "points" | "to");
    (is_adjunct_start(doc, r + 1)
        || matches!(next, "but" | "while" | "for")
        || next == "and" && !doc.is_capitalized(r + 2)
        || share)
        .then_some(r)
}

/// A sentence in title case: four words or more, at least 80 % capitalized.
fn is_headline(doc: &Doc, range: std::ops::Range<usize>) -> bool {
    let (mut words, mut caps) = (0usize, 0usize);
    for k in range {
        if doc.is_word(k) && doc.quote_at(k).is_none() {
            words += 1;
            caps += usize::from(doc.is_capitalized(k));
        }
    }
    words >= 4 && caps * 10 >= words * 8
}

/// `“...” ― Name`: a quotation signed with a dash and a name.
fn dash_attributions(doc: &Doc, raws: &mut Vec<Raw>, used: &mut [bool]) {
    for (qi, q) in doc.quotes.iter().enumerate() {
        if used[qi] {
            continue;
        }
        let mut d = q.close + 1;
        if doc.is_terminal(d) {
            d += 1;
        }
        let is_dash = matches!(doc.word(d), "―" | "—" | "–" | "--" | "-");
        if !is_dash || d >= doc.toks.len() || doc.toks[d].newline_before {
            continue;
        }
        let n = d + 1;
        if n >= doc.toks.len() || doc.toks[n].newline_before || !doc.is_capitalized(n) {
            continue;
        }
        let mut e = n;
        while e + 1 < doc.toks.len()
            && !doc.toks[e + 1].newline_before
            && (doc.is_capitalized(e + 1) || doc.word(e + 1) == ".")
            && e < n + 5
        {
            e += 1;
        }
        if doc.word(e) == "." {
            e -= 1;
        }
        raws.push(Raw {
            kind: Kind::Direct,
            pieces: vec![(q.open, q.close)],
            cue: Some((d, d)),
            source: Some((n, e)),
            speaker_name: None,
            continues: false,
            learned: false,
        });
        used[qi] = true;
    }
}

/// `an ad titled “Scam”`, `her slogan is “I’m with her”`, `known here as “the
/// full tour”`, `used the term “pivot”`: a quotation a naming word introduces
/// is reported words (PolNeAR marks 11 of 13 titles and every slogan on
/// train, but only 1 of 4 quotations after `the name`); the naming word is
/// its cue.
// (Once per article, over its quotations: kept out of `raw_statements`,
// whose main loop compiles worse with it inlined; 1.5 M of 216 M dev
// instructions.)
#[inline(never)]
fn named_quotations(doc: &Doc, raws: &mut Vec<Raw>, used: &mut [bool]) {
    for (qi, q) in doc.quotes.iter().enumerate() {
        if used[qi] || !q.double || q.open == 0 {
            continue;
        }
        let mut c = q.open - 1;
        if (doc.is_punct(c, ",") || doc.is_punct(c, ":")) && c > 0 {
            c -= 1;
        }
        if matches!(doc.lower(c), "is" | "was") && c > 0 {
            c -= 1;
        }
        if doc.quote_at(c).is_some() {
            continue;
        }
        let prev = |k: usize| k.checked_sub(1).map_or("", |p| doc.lower(p));
        let naming = match doc.lower(c) {
            "titled" | "entitled" | "slogan" | "motto" | "mantra" | "catchphrase" | "tagline" => {
                true
            }
            "term" | "phrase" | "words" | "label" => prev(c) == "the",
            "as" => prev(c) == "known" || prev(c) == "here" && prev(c - 1) == "known",
            _ => false,
        };
        if !naming {
            // (No source: the verb's subject is often not the sentence's,
            // or the verb is passive.)
            if let Some((v, start)) =
                naming_verb_object(doc, q.open).or_else(|| describing_verb_as(doc, q.open))
            {
                raws.push(Raw::new(doc, vec![(start, q.close)], Some((v, v)), None));
                used[qi] = true;
            }
            continue;
        }
        raws.push(Raw::new(doc, vec![(q.open, q.close)], Some((c, c)), None));
        used[qi] = true;
    }
}

/// A naming verb before the quotation that opens at `open`, with at most a
/// short object between (`has been called “A”`, `the so called “A”`,
/// `called him a “coward,”`, `dubbed the “A”`, `call Berg “too timid,”`):
/// the verb and where the content starts (after the verb).
fn naming_verb_object(doc: &Doc, open: usize) -> Option<(usize, usize)> {
    // (At most three words between.)
    let v = (open.saturating_sub(4)..open).rev().find(|&k| {
        let w = doc.lower(k);
        lexicon::is_calling_verb(w) || w == "nicknamed"
    })?;
    (v + 1..open)
        .all(|k| {
            let w = doc.lower(k);
            object_word(doc, k)
                && !doc.is_cue(w)
                && (!lexicon::is_np_stop(w) || w == "as")
                && !matches!(
                    w,
                    "into" | "about" | "up" | "off" | "out" | "is" | "was" | "are" | "were"
                )
        })
        .then_some((v, v + 1))
}

/// A verb of description before `as` and the quotation that opens at
/// `open`, with at most an object between (`a rally billed as “A”`,
/// `addressing the mayor fondly as “A”`, `was dismissed as “A”`,
/// `referred to as “A”`): the verb and where the content starts.
fn describing_verb_as(doc: &Doc, open: usize) -> Option<(usize, usize)> {
    if open < 2 || doc.lower(open - 1) != "as" {
        return None;
    }
    let v = (open.saturating_sub(8)..open - 1)
        .rev()
        .find(|&k| lexicon::is_describing_verb(doc.lower(k)))?;
    (v + 1..open - 1)
        .all(|k| {
            let w = doc.lower(k);
            object_word(doc, k) && !lexicon::is_np_stop(w) && w != "during"
                || w == "to" && k == v + 1 && doc.lower(v) == "referred"
        })
        .then_some((v, v + 1))
}

/// A word that may stand in a verb's short object: not quoted, not a
/// preposition that opens an adjunct.
fn object_word(doc: &Doc, k: usize) -> bool {
    doc.is_word(k)
        && doc.quote_at(k).is_none()
        && !matches!(
            doc.lower(k),
            "to" | "for" | "on" | "in" | "by" | "with" | "of" | "at" | "from"
        )
}

/// `McConnell delivered a blunt message: “...”`: a quotation no cue claimed,
/// introduced by a colon that ends a clause, is that clause's subject's.
fn colon_attributions(doc: &Doc, raws: &mut Vec<Raw>, used: &mut [bool]) {
    for (qi, q) in doc.quotes.iter().enumerate() {
        if used[qi] || !q.double || q.open == 0 {
            continue;
        }
        let c = q.open - 1;
        if !doc.is_punct(c, ":") || doc.quote_at(c).is_some() {
            continue;
        }
        let si = doc.sent_of[c] as usize;
        let a = doc.sents[si].tokens.start;
        // A clause before the colon, not a label ("Update:") or a lone name
        // (headline_colon's pattern).
        if c < a + 2 || (a..c).any(|i| doc.quote_at(i).is_some()) {
            continue;
        }
        // (`Polls were early - Anna Berg: “A”`: a digest line names its
        // source after a dash.)
        let dashed = (a + 1..c)
            .rev()
            .take(8)
            .find(|&k| matches!(doc.word(k), "-" | "–" | "—") && doc.toks[k].space_before)
            .filter(|&k| k + 1 < c && doc.is_capitalized(k + 1));
        let source = match dashed {
            Some(k) => Some((k + 1, c - 1)),
            None => clause_subject(doc, a, c).map(|s| before_verb(doc, s)),
        };
        raws.push(Raw {
            kind: Kind::Direct,
            pieces: vec![(q.open, q.close)],
            cue: Some((c, c)),
            source,
            speaker_name: None,
            continues: false,
            learned: false,
        });
        used[qi] = true;
    }
}

/// A common-noun addressee after "told", where a subject pronoun opens the
/// clause after it (`told a news conference they ...`, `told the crowd at
/// the rally she ...`), or a role word before a name (`told host Sean Hannity
/// a loss ...`): its last token.
fn common_addressee_end(doc: &Doc, k: usize, b: usize) -> Option<usize> {
    let first = doc.lower(k);
    if doc.is_word(k)
        && !doc.is_capitalized(k)
        && !lexicon::is_np_stop(first)
        && doc.is_capitalized(k + 1)
        && doc.quote_at(k + 1).is_none()
    {
        let mut e = k + 1;
        while e + 1 < b && e < k + 5 && doc.is_capitalized(e + 1) {
            e += 1;
        }
        return Some(e);
    }
    // (`asked a question he could not answer`: a relative clause.)
    if !matches!(first, "the" | "a" | "an" | "their" | "its" | "our" | "my")
        || k > 0 && doc.lower(k - 1).starts_with("ask")
    {
        return None;
    }
    for n in k + 2..b.min(k + 9) {
        let w = doc.lower(n);
        if !doc.is_word(n) || doc.quote_at(n).is_some() || doc.is_cue(w) {
            return None;
        }
        if matches!(
            w,
            "how" | "why" | "what" | "when" | "where" | "whether" | "if" | "who" | "which" | "that"
        ) {
            return None;
        }
        if lexicon::is_pronoun(lexicon::pronoun_base(w)) {
            return Some(n - 1);
        }
    }
    None
}

/// The addressee after "told": a pronoun ("me", "reporters") or a short
/// capitalized name, followed by a clause with a subject.
fn addressee_end(doc: &Doc, k: usize, b: usize) -> Option<usize> {
    let e = if matches!(
        doc.lower(k),
        "me" | "us"
            | "him"
            | "her"
            | "them"
            | "reporters"
            | "journalists"
            | "lawmakers"
            | "supporters"
            | "voters"
    ) {
        k
    } else if let Some(q) = programme_at(doc, k) {
        // `told “Good Morning Riga” on Monday the ...`: a programme.
        doc.quotes[q].close
    } else if doc.is_capitalized(k) || doc.lower(k) == "the" && doc.is_capitalized(k + 1) {
        // `told The Star-Ledger of Newark last week she ...`
        let mut e = k;
        while e + 1 < b
            && e < k + 6
            && (doc.is_capitalized(e + 1)
                || matches!(doc.word(e + 1), "-" | "of") && doc.is_capitalized(e + 2))
        {
            e += 1;
        }
        e
    } else {
        common_addressee_end(doc, k, b)?
    };
    // Skip a time adjunct: "told CNN on Sunday he ...".
    // (`told reporters this was ...`: `this` opens the clause, not `this week`.)
    let mut n = time_adjunct_after(doc, e + 1, b);
    if n == e + 1 && matches!(doc.lower(n), "earlier" | "recently") {
        n += 1;
    } else if n == e + 1 && doc.lower(n) == "on" && !doc.is_capitalized(n + 1) {
        // `told CNN on the eve of the vote he ...`
        while n < b
            && n < e + 8
            && !doc.is_punct(n, ",")
            && !lexicon::is_pronoun(lexicon::pronoun_base(doc.lower(n)))
        {
            n += 1;
        }
    }
    let subj = lexicon::pronoun_base(doc.lower(n));
    let clause = lexicon::is_pronoun(subj)
        || doc.is_capitalized(n)
        || matches!(
            subj,
            "the" | "a" | "his" | "her" | "their" | "its" | "this" | "these" | "there" | "our"
        );
    let words = (n..b).filter(|&i| doc.is_word(i)).count();
    (clause && words >= 3).then(|| n - 1)
}

/// A programme's title at `k` (`“Good Morning Riga”`, or after its
/// broadcaster: `Riga TV’s “Good Morning”`): a short quotation whose words
/// are all capitalized. The quotation's index.
fn programme_at(doc: &Doc, k: usize) -> Option<usize> {
    let t = (k..k + 4)
        .take_while(|&i| doc.is_capitalized(i))
        .find(|&i| doc.is_possessive(i))
        .map_or(k, |i| i + 1);
    doc.quote_opening(t).filter(|&q| {
        let q = &doc.quotes[q];
        let mut words = (q.open..=q.close).filter(|&i| doc.is_word(i));
        let n = words.clone().count();
        (1..=5).contains(&n) && words.all(|i| doc.is_capitalized(i) || doc.lower(i) == "of")
    })
}

/// Where reported content ends inside its sentence: before `, but ...`,
/// `, which ...`, a participle clause (`, focusing on ...`), a dash or a
/// parenthesis, and a second verb of the subject (`... and warned that`).
/// Not before `, who ...` or `, even ...`: on PolNeAR train the gold content
/// runs on over them more often than it stops (42 to 27 and 23 to 12); the
/// end model still weighs each case.
fn clause_boundary(doc: &Doc, i: usize) -> bool {
    let next = doc.lower(i + 1);
    if doc.is_punct(i, ",") {
        return clause_after_comma(doc, i + 1);
    }
    // PolNeAR's contents run on over a parenthesis or a `--` aside more often
    // than they stop there; a spaced dash mostly ends them.
    // (But an aside between two of them, with the clause going on after the
    // second, is run over: 149 train contents do, 52 stop at one of them.
    // Not an aside that holds a report of its own.)
    if matches!(doc.word(i), "—" | "-" | "–") && doc.toks[i].space_before {
        return !dash_aside(doc, i);
    }
    if doc.lower(i) == "and"
        && (doc.is_cue(next) && (next.ends_with("ed") || matches!(next, "said" | "told" | "wrote")))
        && doc.quote_at(i + 1).is_none()
    {
        return true;
    }
    // `said X, and he railed against ...`: after a comma, a conjunction and a
    // pronoun subject open a clause of the narrative.
    let comma_before = doc.is_punct(i.wrapping_sub(1), ",");
    matches!(doc.lower(i), "and" | "but")
        && (comma_before && matches!(next, "he" | "she" | "they") && doc.is_word(i + 2)
            || comma_before && next.len() > 4 && next.ends_with("ed") && !doc.is_capitalized(i + 1)
            || comma_before && lexicon::is_auxiliary(next))
}

/// `found Lind ahead, 42 percent to 30, while Okafor leads the west, 51 to
/// 38`: a clause of contrast between two sets of figures (a number before
/// the comma at `i` in the content, and one in the next 12 tokens) is the
/// same report's.
fn parallel_figures(doc: &Doc, k: usize, i: usize, b: usize) -> bool {
    let number = |m: usize| doc.toks[m].kind == TokenKind::Number || doc.lower(m) == "percent";
    doc.is_punct(i, ",")
        && matches!(doc.lower(i + 1), "while" | "whereas" | "compared")
        && (k..i).any(number)
        && (i + 2..b.min(i + 14))
            .take_while(|&m| !doc.is_terminal(m))
            .any(number)
}

/// `said that X, which “A”`: a clause after a comma that holds the
/// report's only quotation is still the report's (on PolNeAR train the gold
/// content runs on over `, which` 19 times to 9 when a quotation follows,
/// 101 to 122 when none does).
fn quotation_follows_clause(doc: &Doc, k: usize, i: usize, b: usize) -> bool {
    if !doc.is_punct(i, ",")
        || !matches!(
            doc.lower(i + 1),
            "which" | "but" | "while" | "whereas" | "though" | "although"
        )
        || (k..i).any(|m| doc.quote_at(m).is_some())
    {
        return false;
    }
    // (Not `, which he called “A”`: a report of its own.)
    (i + 2..b)
        .find(|&m| doc.quote_opening(m).is_some() || doc.is_cue(doc.lower(m)))
        .is_some_and(|m| doc.quote_opening(m).is_some())
}

/// After `complained to`: a name, an object pronoun or a listener
/// (`to reporters`, `to CBS News`, `to her husband`, `to a crowd in Riga`),
/// not an infinitive or a noun with a complement (`to the news that`).
fn addressee_after_to(doc: &Doc, k: usize) -> bool {
    let w = doc.lower(k);
    doc.is_capitalized(k) && doc.quote_at(k).is_none()
        || matches!(w, "me" | "him" | "her" | "us" | "them")
        || is_listener(w)
        || lexicon::is_determiner(w)
            && (k + 1..k + 4).any(|i| is_listener(doc.lower(i)) || doc.is_capitalized(i))
}

/// A noun for whoever hears a report (`reporters`, `the crowd`, `a
/// gathering`, `her husband`).
fn is_listener(w: &str) -> bool {
    matches!(
        w,
        "reporters"
            | "journalists"
            | "supporters"
            | "voters"
            | "crowd"
            | "audience"
            | "reporter"
            | "gathering"
            | "conference"
            | "group"
            | "husband"
            | "wife"
            | "colleagues"
            | "aides"
            | "friends"
            | "lawmakers"
            | "court"
            | "panel"
            | "committee"
            | "jury"
            | "judge"
    )
}

/// The spaced dash at `i` opens an aside that a second one closes in the
/// same sentence, and at least two words of the clause follow it
/// (`that the call — itself a rebuttal — was an inferior slogan`).
fn dash_aside(doc: &Doc, i: usize) -> bool {
    let sent = &doc.sents[doc.sent_of[i] as usize].tokens;
    let (a, b) = (sent.start, sent.end);
    let dash = |k: usize| matches!(doc.word(k), "—" | "-" | "–") && doc.toks[k].space_before;
    let goes_on = |k: usize| (k + 1..b).filter(|&m| doc.is_word(m)).count() >= 2;
    // The opening dash: its partner follows, and the aside holds no report
    // of its own (`— which promises to “A” —`).
    let opens = (i + 2..b.min(i + 30))
        .find(|&k| dash(k) || doc.is_terminal(k))
        .is_some_and(|k| {
            dash(k)
                && goes_on(k)
                && !(i + 1..k).any(|m| verb_cue_word(doc, m) && doc.quote_at(m).is_none())
        });
    // The closing dash: its partner went before.
    let closes = (a.max(i.saturating_sub(30))..i.saturating_sub(1))
        .rev()
        .find(|&k| dash(k) || doc.is_terminal(k))
        .is_some_and(|k| dash(k) && !(a..k).any(dash))
        && goes_on(i);
    opens || closes
}

/// The statement's content opens with a quotation right after a colon.
fn after_colon_quotation(doc: &Doc, r: &Raw) -> bool {
    r.pieces
        .first()
        .is_some_and(|p| p.0 > 0 && doc.is_punct(p.0 - 1, ":") && doc.quote_opening(p.0).is_some())
}

/// The word at `i` follows a subject (a name, a pronoun, an -ly adverb
/// after one), as a verb does; after a determiner or an adjective it is a
/// noun (`delivered a blunt message`).
fn verb_after_subject(doc: &Doc, i: usize) -> bool {
    let Some(mut p) = i.checked_sub(1) else {
        return false;
    };
    if is_ly_adverb(doc, p) && p > 0 {
        p -= 1;
    }
    // (`As Tom Berg, a former envoy, put it`: an appositive's comma.)
    doc.is_capitalized(p)
        || lexicon::is_pronoun(lexicon::pronoun_base(doc.lower(p)))
        || doc.is_punct(p, ",")
}

/// The word at `i` is a listed cue that is not noun-like (`said`, not
/// `plans`): the verb of a report of its own.
#[inline]
fn verb_cue_word(doc: &Doc, i: usize) -> bool {
    let l = doc.lower(i);
    doc.is_cue(l) && !lexicon::nounish(l)
}

/// At `v`: a lower-case past tense (`worked`, `took`) followed by what a
/// verb takes (an article, a pronoun, a preposition or particle, a name) or
/// by the end of the clause.
fn past_predicate(doc: &Doc, v: usize) -> bool {
    let w = doc.lower(v);
    let o = doc.lower(v + 1);
    !doc.is_capitalized(v)
        && doc.is_word(v)
        && (w.len() > 4 && w.ends_with("ed") || lexicon::is_irregular_past(w))
        && (!doc.is_word(v + 1)
            || lexicon::is_pronoun(o)
            || doc.is_capitalized(v + 1)
            || lexicon::is_determiner(o)
            || matches!(
                o,
                "this"
                    | "no"
                    | "him"
                    | "them"
                    | "it"
                    | "us"
                    | "me"
                    | "himself"
                    | "herself"
                    | "themselves"
                    | "to"
                    | "with"
                    | "for"
                    | "on"
                    | "in"
                    | "at"
                    | "about"
                    | "by"
                    | "from"
                    | "into"
                    | "up"
                    | "out"
                    | "back"
                    | "down"
                    | "over"
                    | "off"
                    | "right"
            ))
}

/// `recently`, `repeatedly`: a lower-case adverb in -ly.
fn is_ly_adverb(doc: &Doc, i: usize) -> bool {
    doc.word(i).starts_with(|c: char| c.is_lowercase()) && lexicon::is_ly_adverb(doc.lower(i))
}

/// Does the word at `n`, after a comma, open a clause of the narrative?
fn clause_after_comma(doc: &Doc, n: usize) -> bool {
    // (`, recently telling X`)
    let n = if is_ly_adverb(doc, n) && doc.lower(n + 1).ends_with("ing") {
        n + 1
    } else {
        n
    };
    let next = doc.lower(n);
    // `said X in 2008, when she ran ...`: a clause of the narrative about
    // the time (the gold stops before `, when` and a subject 40 times on
    // PolNeAR train, runs on 20).
    if next == "when" && {
        let w = doc.lower(n + 1);
        lexicon::is_subject_pronoun(w)
            || lexicon::is_determiner(w)
            || doc.is_capitalized(n + 1) && doc.quote_at(n + 1).is_none()
    } {
        return true;
    }
    // `said X, even though Y`, `, even as Y`: a concession of the narrative
    // (on PolNeAR train the gold stops there 27 times, runs on 10; not
    // `, even as a candidate,`).
    if next == "even"
        && (doc.lower(n + 1) == "though"
            || doc.lower(n + 1) == "as" && !matches!(doc.lower(n + 2), "a" | "an"))
    {
        return true;
    }
    // `said X, but that Y`: a second clause of the same report.
    if next == "but" && doc.lower(n + 1) == "that" {
        return false;
    }
    // `said the ferry runs on weekdays, but not on holidays`, `not only X,
    // but Y`: the second half of a correlative pair (on PolNeAR train the
    // gold content runs on over `, but not / also / rather` 26 times, stops
    // there 7 times).
    if next == "but"
        && (matches!(doc.lower(n + 1), "not" | "also" | "rather" | "instead")
            || correlative_before(doc, n))
    {
        return false;
    }
    matches!(
        next,
        "but"
            | "though"
            | "although"
            | "which"
            | "while"
            | "whereas"
            | "where"
            | "despite"
            | "compared"
            | "said"
            | "says"
            | "added"
            | "adds"
            | "told"
    ) || (next.ends_with("ing")
        && next.len() > 5
        && !matches!(next, "including" | "during")
        && !doc.is_capitalized(n)
        && doc.lower(n + 1) != "to")
}

/// `not only`, `not just`: the first half of a correlative pair opens in
/// the sentence, at most 30 tokens before `i`.
fn correlative_before(doc: &Doc, i: usize) -> bool {
    let a = doc.sents[doc.sent_of[i] as usize].tokens.start;
    (a.max(i.saturating_sub(30))..i.saturating_sub(1)).any(|m| {
        doc.lower(m) == "not" && matches!(doc.lower(m + 1), "only" | "just" | "merely" | "simply")
    })
}

/// From `i`: a short subject and a speech cue that end the sentence
/// (`the source added.`, `he said on Monday.`).
fn trailing_cue_clause(doc: &Doc, i: usize, b: usize) -> bool {
    let limit = b.min(i + 8);
    let Some(c) = (i..limit).find(|&k| {
        matches!(
            doc.lower(k),
            "said"
                | "says"
                | "added"
                | "adds"
                | "noted"
                | "told"
                | "explained"
                | "argued"
                | "wrote"
                | "stressed"
                | "reported"
                | "reports"
                | "writes"
                | "tweeted"
                | "replied"
                | "recalled"
                | "continued"
        )
    }) else {
        return false;
    };
    if c == i || (i..c).any(|k| doc.quote_at(k).is_some() || doc.is_punct(k, ",")) {
        return false;
    }
    // Only adjuncts follow the cue (`, the source added.`), or a new clause
    // follows a short subject (`, the minister said she ...`).
    let n = c + 1;
    let subject_like = c - i <= 5
        && (doc.is_capitalized(i)
            || lexicon::is_pronoun(doc.lower(i))
            || lexicon::is_determiner(doc.lower(i)));
    n >= b
        || doc.is_terminal(n)
        || is_adjunct_start(doc, n) && !has_that_soon(doc, n, b)
        || subject_like
}

/// Quotations no cue claimed: a paragraph (or sentence) that is only a
/// quotation continues the previous speaker.
fn continuation_quotes(doc: &Doc, raws: &mut Vec<Raw>, used: &mut [bool]) {
    raws.sort_by_key(|r| r.pieces.first().map(|p| p.0));
    for (qi, q) in doc.quotes.iter().enumerate() {
        if used[qi] || !q.double {
            continue;
        }
        let starts_sentence = doc.sents[doc.sent_of[q.open] as usize].tokens.start == q.open;
        let after = q.close + 1;
        let ends = after >= doc.toks.len()
            || doc.toks[after].newline_before
            || doc.is_terminal(after)
                && (after + 1 >= doc.toks.len() || doc.toks[after + 1].newline_before);
        let sentence_end = after >= doc.toks.len()
            || doc.sent_of[after] != doc.sent_of[q.open]
            || doc.is_terminal(after);
        // Enough words to be a remark, not a title in quotes; a quotation
        // inside a sentence whose cue the rules do not know (`as if to say,
        // “A”`) needs more.
        let words = (q.open..=q.close).filter(|&i| doc.is_word(i)).count();
        // (`“B” and other issues.`: a few words of narrative may end the
        // sentence the quotation opens; the statement takes them.)
        let tail = (starts_sentence && !ends && !sentence_end)
            .then(|| {
                let b = doc.sents[doc.sent_of[q.open] as usize].tokens.end;
                let last = (after..b).rev().find(|&i| doc.is_word(i))?;
                let plain = (after..=last).all(|i| {
                    doc.quote_at(i).is_none() && !verb_cue_word(doc, i) && !doc.is_punct(i, ",")
                });
                (plain && last < after + 6).then_some(last)
            })
            .flatten();
        let whole = starts_sentence && (ends || sentence_end) || tail.is_some();
        let close = tail.unwrap_or(q.close);
        if words < if whole { 4 } else { 13 } {
            continue;
        }
        if linked_excerpt(doc, q.close) {
            continue;
        }
        // The previous statement, in this or the previous paragraph.
        let para = doc.para_of_token(q.open);
        // Statements are sorted by start; look back a bounded distance.
        let upto = raws.partition_point(|r| r.pieces.first().is_some_and(|p| p.0 < q.open));
        let prev = raws[..upto]
            .iter()
            .enumerate()
            .rev()
            .take(8)
            .find(|(_, r)| r.pieces.last().is_some_and(|p| p.1 < q.open))
            .map(|(i, _)| {
                let i = tag_owner(doc, &raws[..upto], i);
                let last = raws[i].pieces.last().map_or(0, |p| p.1);
                (i, doc.para_of_token(last))
            });
        let prev = prev.filter(|&(_, ppara)| ppara + 1 >= para);
        // A short quotation inside a paragraph of narrative that no statement
        // continues is seldom a statement of its own (4 of 14 on PolNeAR train).
        let short = words < 12;
        let paragraph = doc.toks[q.open].newline_before && ends;
        // (`“DIVISIVE, STUPID AND WRONG”` alone on its line: a heading.)
        let heading = paragraph
            && (q.open..=q.close)
                .filter(|&i| doc.is_word(i))
                .all(|i| !doc.word(i).chars().any(char::is_lowercase));
        let stray = short && !paragraph || heading;
        let Some((pi, _)) = prev.filter(|_| whole) else {
            if stray {
                continue;
            }
            // A quotation no statement claims: its speaker is the previous
            // statement's in the same paragraph, if any.
            let source = prev
                .filter(|&(_, ppara)| ppara == para)
                .and_then(|(pi, _)| raws[pi].source);
            raws.push(Raw {
                kind: Kind::Direct,
                pieces: vec![(q.open, q.close)],
                cue: None,
                source,
                speaker_name: None,
                continues: source.is_some(),
                learned: false,
            });
            raws.sort_by_key(|r| r.pieces.first().map(|p| p.0));
            used[qi] = true;
            continue;
        };
        let gap = raws[pi]
            .pieces
            .last()
            .map_or(usize::MAX, |p| q.open.saturating_sub(p.1));
        // The quotation continues the previous statement (PolNeAR makes it one
        // attribution with several pieces) when only that statement's cue clause
        // stands between them, in the same or the next paragraph.
        let prev_end = raws[pi].pieces.last().map_or(0, |p| p.1);
        let quoted = matches!(raws[pi].kind, Kind::Direct | Kind::Mixed);
        // A short quoted title in the cue clause (`she said on “City Hour.”`)
        // does not break the statement; another quotation does.
        let clean_gap = {
            let mut i = prev_end + 1;
            let mut clean = true;
            while clean && i < q.open {
                match doc.quote_at(i) {
                    Some(t) => {
                        clean = is_quoted_title(doc, &doc.quotes[t]);
                        i = doc.quotes[t].close + 1;
                    }
                    None => i += 1,
                }
            }
            clean
        };
        let limit = 40;
        // (`“A,” Lind added. She turned to the reporters. “B?”`: a sentence of
        // narrative between them makes B a statement of its own.)
        let cue_sent = raws[pi].cue.map_or(doc.sent_of[prev_end], |(c, _)| {
            doc.sent_of[c].max(doc.sent_of[prev_end])
        });
        let narrative_between = doc.sent_of[q.open] > cue_sent + 1;
        // A short quotation later in the same paragraph still continues it
        // (`“A,” said Lind. She looked away. “That is all.”`): alone it is
        // seldom a statement of its own (3 of 16 on PolNeAR train).
        let same_para = doc.para_of_token(prev_end) == para;
        if quoted
            && (clean_gap && !narrative_between && gap <= limit || same_para && short)
            && raws[pi].kind != Kind::Transcript
        {
            let r = &mut raws[pi];
            r.pieces.push((q.open, close));
            if r.kind == Kind::Direct || kind_of(doc, &r.pieces) == Kind::Direct {
                r.kind = kind_of(doc, &r.pieces);
            }
        } else if !stray {
            // The quotation is the previous speaker's: it has no cue of its own,
            // and its source is the mention that named that speaker.
            let source = raws[pi].source;
            raws.push(Raw {
                kind: Kind::Direct,
                pieces: vec![(q.open, q.close)],
                cue: None,
                source,
                speaker_name: None,
                continues: true,
                learned: false,
            });
            raws.sort_by_key(|r| r.pieces.first().map(|p| p.0));
        }
        used[qi] = true;
    }
}

/// A quotation that runs straight into a web address on its line (`by the
/// Harbour Times' Ana Lind: "The old pier will close." http://ht.ee/1Abc`)
/// is an excerpt of the linked article, quoted to be read, not a remark.
fn linked_excerpt(doc: &Doc, close: usize) -> bool {
    let next = close + 1;
    next < doc.toks.len()
        && !doc.toks[next].newline_before
        && matches!(doc.lower(next), "http" | "https" | "www")
}

/// A quotation short enough to be a title in a tag (`on “City Hour”`), or
/// a longer one in title case (`on “Meet the Voters With Dana Reyes”`), up
/// to eight words.
fn is_quoted_title(doc: &Doc, t: &Quote) -> bool {
    let mut words = 0;
    let mut title_case = true;
    for k in (t.open..=t.close).filter(|&k| doc.is_word(k)) {
        words += 1;
        title_case &= doc.is_capitalized(k) || lexicon::is_title_function_word(doc.lower(k));
    }
    words <= 4 || words <= 8 && title_case
}

/// The statement a later quotation continues, given the last one before it
/// (`raws[i]`): a clause in a quotation's tag (`“A,” Lind told the AP after
/// hinting that X.`, `“A,” he said, referring to X.`, `said Lind, who thinks
/// X.`) hands the quotation on to the tagged quotation's statement, whose cue
/// stands earlier in the same sentence; a report of its own (content opening
/// with a quotation) keeps it (`“A,” she said, adding, “B.”`).
fn tag_owner(doc: &Doc, raws: &[Raw], i: usize) -> usize {
    let r = &raws[i];
    let Some((c, _)) = r.cue else { return i };
    if r.kind == Kind::Direct
        || r.pieces
            .first()
            .is_some_and(|p| doc.quote_opening(p.0).is_some())
    {
        return i;
    }
    let sent = doc.sent_of[c];
    raws[..i]
        .iter()
        .enumerate()
        .rev()
        .take(4)
        .find(|(_, t)| {
            t.kind == Kind::Direct
                && t.cue
                    .is_some_and(|(tc, _)| tc < c && doc.sent_of[tc] == sent)
        })
        .map_or(i, |(j, _)| j)
}

pub(crate) fn to_statement(doc: &Doc, r: &Raw, speaker: Option<usize>) -> Statement {
    let mut pieces: Vec<Span> = r.pieces.iter().map(|&(a, b)| doc.span(a, b)).collect();
    pieces.sort();
    let content = pieces
        .iter()
        .copied()
        .reduce(Span::cover)
        .unwrap_or_default();
    if pieces.len() == 1 {
        pieces.clear();
    }
    Statement {
        kind: r.kind,
        content,
        pieces,
        cue: r.cue.map(|(a, b)| doc.span(a, b)),
        source: r.source.map(|(a, b)| doc.span(a, b)),
        speaker,
    }
}

#[cfg(test)]
mod tests {
    use super::{clause_boundary, learned_cue_threshold, Doc, QUOTED_SENTENCE_MARGIN};
    use crate::{Extractor, Kind};

    /// (kind, content, cue, source) of every statement.
    fn parts(text: &str) -> Vec<(Kind, String, Option<String>, Option<String>)> {
        let ex = Extractor::new().extract(text);
        ex.statements
            .iter()
            .map(|s| {
                (
                    s.kind,
                    s.content.slice(text).to_string(),
                    s.cue.map(|c| c.slice(text).to_string()),
                    s.source.map(|c| c.slice(text).to_string()),
                )
            })
            .collect()
    }

    /// The content pieces of each statement of `text`.
    fn pieces_of(text: &str) -> Vec<Vec<String>> {
        Extractor::new()
            .extract(text)
            .statements
            .iter()
            .map(|s| s.pieces.iter().map(|p| p.slice(text).to_string()).collect())
            .collect()
    }

    fn one(text: &str) -> (Kind, String, Option<String>, Option<String>) {
        let p = parts(text);
        assert_eq!(p.len(), 1, "{p:?}");
        p.into_iter().next().unwrap()
    }

    /// The content of the one statement of `text`.
    fn content(text: &str) -> String {
        one(text).1
    }

    #[test]
    fn quote_before_cue() {
        let (k, c, cue, src) = one("Title\n“We are ready,” the mayor said.");
        assert_eq!((k, c.as_str()), (Kind::Direct, "“We are ready,”"));
        assert_eq!(
            (cue.as_deref(), src.as_deref()),
            (Some("said"), Some("the mayor"))
        );
    }

    #[test]
    fn reported_speech_keeps_that_drops_period() {
        let (k, c, _, src) = one("Title\nThe mayor said that the bridge would open in May.");
        assert_eq!(
            (k, c.as_str()),
            (Kind::Indirect, "that the bridge would open in May")
        );
        assert_eq!(src.as_deref(), Some("The mayor"));
    }

    #[test]
    fn content_before_comma_cue() {
        let (_, c, _, src) = one("Title\nThe bridge will open in May, the mayor said on Monday.");
        assert_eq!(c, "The bridge will open in May");
        assert_eq!(src.as_deref(), Some("the mayor"));
    }

    #[test]
    fn inverted_subject() {
        let (_, c, _, src) = one("Title\n“It is done,” said Mayor Ana Lind.");
        assert_eq!(c, "“It is done,”");
        assert_eq!(src.as_deref(), Some("Mayor Ana Lind"));
    }

    #[test]
    fn according_to_both_orders() {
        let (_, c, cue, src) = one("Title\nAccording to the mayor, the bridge is safe.");
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            (
                "the bridge is safe",
                Some("According to"),
                Some("the mayor")
            )
        );
        let (_, c, _, src) = one("Title\nThe bridge is safe, according to the mayor.");
        assert_eq!(
            (c.as_str(), src.as_deref()),
            ("The bridge is safe", Some("the mayor"))
        );
    }

    #[test]
    fn continuation_quote_joins_statement() {
        let text = "Title\n“It is done,” she said. “Now we rest.”";
        let ex = Extractor::new().extract(text);
        assert_eq!(ex.statements.len(), 1);
        assert_eq!(ex.statements[0].pieces.len(), 2);
        // A quoted title in the tag's relative clause (`the radio show
        // “Low Tide.”`) is no statement of its own.
        let text = "Title\n\"It is too soon to know,\" said Lind, who also hosts the late radio \
                    show \"Low Tide.\" \"I mean, it depends on the weather and the harvest.\"";
        assert_eq!(
            pieces_of(text),
            [[
                "\"It is too soon to know,\"",
                "\"I mean, it depends on the weather and the harvest.\""
            ]]
        );
        // A few words of narrative may end the continuing sentence.
        let text = "Title\n\"I do not think voters care about this,\" Lind told reporters. \"I \
                    think what they care about is that she is focused on wages\" and other issues.";
        assert_eq!(
            pieces_of(text),
            [[
                "\"I do not think voters care about this,\"",
                "\"I think what they care about is that she is focused on wages\" and other issues"
            ]]
        );
        // A conjunction may open the continuing sentence.
        let text = "Title\n“It is no big deal,” he said outside the hall. But “the plan is \
                    stronger with the mayor. It helps.”";
        assert_eq!(
            pieces_of(text),
            [[
                "“It is no big deal,”",
                "But “the plan is stronger with the mayor. It helps.”"
            ]]
        );
        // Nor does a cue in the next sentence.
        let text = "Title\n“Judge,” Lind said, “I have never seen that in thirty years. \
                    Never.” Sadly, Lind said she had lost the case.";
        assert_eq!(
            pieces_of(text)[0],
            [
                "“Judge,”",
                "“I have never seen that in thirty years. Never.”"
            ]
        );
        // Nor does a subordinate clause of the narrative after it.
        let text = "Title\n“In other news,” Berg tweeted last May, “the mayor wins a warm \
                    endorsement from her own team,” after her aide praised her online.";
        assert_eq!(
            pieces_of(text)[0],
            [
                "“In other news,”",
                "“the mayor wins a warm endorsement from her own team,”"
            ]
        );
        // A cue opening the next paragraph does not stop the continuation.
        let text = "Title\n“We will finish the bridge,” the mayor said, “because the city \
                    needs it more than ever.”\nKoh said the council would vote in June.";
        assert_eq!(
            pieces_of(text)[0],
            [
                "“We will finish the bridge,”",
                "“because the city needs it more than ever.”"
            ]
        );
        // A participle of saying with a that-clause in the tag is the later
        // quotation's own cue.
        let text = "Title\n“We will finish the bridge,” Berg told reporters, noting that she \
                    and her deputy, Tom, “have talked with the builders every week.”\nKoh \
                    said the council would vote in June.";
        let contents: Vec<String> = parts(text).into_iter().map(|p| p.1).collect();
        assert_eq!(
            contents,
            [
                "“We will finish the bridge,”",
                "that she and her deputy, Tom, “have talked with the builders every week.”",
                "the council would vote in June"
            ]
        );
    }

    #[test]
    fn split_quotation_joins_across_a_capital_and_a_quoted_title() {
        // The second quotation opens with a capital and ends the sentence inside its marks.
        let text = "Title\n“Your Honor,” I said, “I ask for mercy today.” Then I sat down.";
        let ex = Extractor::new().extract(text);
        assert_eq!(ex.statements.len(), 1, "{:?}", parts(text));
        assert_eq!(ex.statements[0].pieces.len(), 2);
        // A short quoted title in the cue clause does not split the statement.
        let text = "Title\n“The budget is balanced,” the mayor said on “City Hour.” “Nobody should doubt that now.”";
        let ex = Extractor::new().extract(text);
        assert_eq!(ex.statements.len(), 1, "{:?}", parts(text));
        assert_eq!(ex.statements[0].pieces.len(), 2);
        // A longer one in title case does not either; a quoted remark does.
        let text = "Title\n“The budget is balanced,” the mayor said on “Meet the Voters With Dana Reyes.” “Nobody on the council or in the press should doubt that now, after three years of work.”";
        let ex = Extractor::new().extract(text);
        assert_eq!(ex.statements.len(), 1, "{:?}", parts(text));
        assert_eq!(ex.statements[0].pieces.len(), 2);
        let text = "Title\n“The budget is balanced,” the mayor said of “the plan they all said would fail.” “Nobody on the council or in the press should doubt that now, after three years of work.”";
        let ex = Extractor::new().extract(text);
        assert!(
            ex.statements.iter().all(|s| s.pieces.len() < 2),
            "{:?}",
            parts(text)
        );
    }

    #[test]
    fn appositive_after_an_inverted_subject_is_not_content() {
        let (k, c, _, src) =
            one("Title\nThe plan was “very bold,” said Gary Orfield, a professor at the college.");
        assert_eq!((k, c.as_str()), (Kind::Mixed, "The plan was “very bold,”"));
        assert_eq!(src.as_deref(), Some("Gary Orfield"));
    }

    #[test]
    fn clause_verbs_take_a_noun_phrase_object() {
        let (k, c, cue, src) = one("Title\nThe senator opposed the new budget bill.");
        assert_eq!((k, c.as_str()), (Kind::Indirect, "the new budget bill"));
        assert_eq!(
            (cue.as_deref(), src.as_deref()),
            (Some("opposed"), Some("The senator"))
        );
        // Not a prepositional phrase, an aspect verb or a form that is often a noun.
        assert!(parts("Title\nThe firm did not respond to requests for comment.").is_empty());
        assert!(parts("Title\nThe caravan continued its tour of the state.").is_empty());
        assert!(parts("Title\nThe mayor shows great patience.").is_empty());
    }

    #[test]
    fn content_ends_before_a_clause_with_its_own_source_and_cue() {
        let p = parts("Title\nTrump posted a message on Monday, and his aide told reporters the rally was off.");
        let contents: Vec<&str> = p.iter().map(|s| s.1.as_str()).collect();
        assert_eq!(contents, ["a message on Monday", "the rally was off"]);
        // After `as`, a subject and a gerund are no clause of their own.
        let (_, c, cue, _) = one(
            "Title\nLind said it is the same thing as Judge Berg referring to herself as “a wise woman.”",
        );
        assert_eq!(
            (c.as_str(), cue.as_deref()),
            (
                "it is the same thing as Judge Berg referring to herself as “a wise woman.”",
                Some("said")
            )
        );
    }

    #[test]
    fn a_contrast_between_figures_stays_in_the_content() {
        let p = parts(
            "Title\nThe poll found Lind ahead in the east, 42 percent to 30, while Okafor leads the west, 51 to 38.",
        );
        assert_eq!(
            p[0].1,
            "Lind ahead in the east, 42 percent to 30, while Okafor leads the west, 51 to 38"
        );
        // Without figures on both sides, `while` still ends it.
        let p = parts(
            "Title\nThe poll found Lind ahead in the east, while Okafor fell behind in 2024.",
        );
        assert_eq!(p[0].1, "Lind ahead in the east");
    }

    #[test]
    fn a_report_in_an_opening_subordinate_clause_ends_with_it() {
        let p = parts(
            "Title\nWhile most voters said the mayor has the \"best record,\" Lind is the one they trust.",
        );
        assert_eq!(p[0].1, "the mayor has the \"best record,\"");
        let p =
            parts("Title\nBecause Lind said the ferry stops in Hull, Mass., the port stayed open.");
        assert_eq!(p[0].1, "the ferry stops in Hull, Mass");
    }

    #[test]
    fn an_adjunct_of_a_speech_event_ends_the_content() {
        assert_eq!(
            content(
                "Title\nOkafor praised the new ferry schedule in an interview with the Herald."
            ),
            "the new ferry schedule"
        );
        assert_eq!(
            content("Title\nLind defended the tariff during a speech in Hull on Friday."),
            "the tariff"
        );
        // Not when the noun only modifies another (`a debate stage`).
        assert_eq!(
            content("Title\nLind criticized the lighting on a debate stage in Hull."),
            "the lighting on a debate stage in Hull"
        );
    }

    #[test]
    fn a_correlative_but_does_not_end_the_content() {
        assert_eq!(
            content("Title\nThe mayor said the ferry would run on weekdays, but not on holidays."),
            "the ferry would run on weekdays, but not on holidays"
        );
        let c = content(
            "Title\nOkafor argued that the tax hurts not only farmers, but the dockworkers too.",
        );
        assert_eq!(
            c,
            "that the tax hurts not only farmers, but the dockworkers too"
        );
        // A clause of the narrative still ends it.
        assert_eq!(
            content(
                "Title\nThe mayor said the ferry would run on weekdays, but the council disagreed.",
            ),
            "the ferry would run on weekdays"
        );
    }

    #[test]
    fn a_statement_inside_another_statements_content_is_dropped() {
        let (_, c, cue, _) = one("Title\nThe mayor said she hopes to win the race in May.");
        assert_eq!(
            (c.as_str(), cue.as_deref()),
            ("she hopes to win the race in May", Some("said"))
        );
    }

    #[test]
    fn a_trailing_tag_wins_over_a_cue_in_its_content() {
        // "added" and "predict" are cues too, and their contents run over the tag.
        let (_, c, cue, src) = one("Title\nOrganizers added 160 guards, the Times reported.");
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            (
                "Organizers added 160 guards",
                Some("reported"),
                Some("the Times")
            )
        );
        let (_, c, _, src) = one("Title\nThe effects are difficult to predict, economists say.");
        assert_eq!(
            (c.as_str(), src.as_deref()),
            ("The effects are difficult to predict", Some("economists"))
        );
    }

    #[test]
    fn a_long_quotation_no_cue_claims_is_a_statement() {
        let text = "Title\nThe mayor said the vote went well.\n\nHis eyes gleaming, as if to say, \
                    “Did you see how well I pulled that whole thing off in front of the entire council today?”";
        let p = parts(text);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!((p[1].0, p[1].2.as_deref()), (Kind::Direct, None));
        // A short one is a title or a scare quote (for the rules; the learned
        // cue model may still take "smiled" for a cue).
        let rules = Extractor::with_models(crate::CueModel::empty(), crate::CueModel::empty());
        let short = rules.extract("Title\nHe smiled, as if to say, “Well done.”");
        assert!(short.statements.is_empty());
    }

    #[test]
    fn participle_after_by_takes_the_clause_subject() {
        let (k, c, cue, src) = one("Title\nObama ended his list by saying “Too many.”");
        assert_eq!((k, c.as_str()), (Kind::Direct, "“Too many.”"));
        assert_eq!(
            (cue.as_deref(), src.as_deref()),
            (Some("saying"), Some("Obama"))
        );
        // (after a conjunction and an adverb that open the sentence)
        let (_, _, _, src) =
            one("Title\nAnd then Marsh went on the attack, saying, “Is the mayor resigning?”");
        assert_eq!(src.as_deref(), Some("Marsh"));
    }

    #[test]
    fn noun_with_a_complement_clause() {
        let (_, c, cue, src) =
            one("Title\nThere was little sympathy for the mayor's claim that the bridge was safe.");
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            (
                "that the bridge was safe",
                Some("claim"),
                Some("the mayor's")
            )
        );
        // A relative `that` is not a complement.
        assert!(parts("Title\nThe claim that was rejected came from a blog.").is_empty());
    }

    #[test]
    fn content_is_not_cut_after_an_open_subordinate_clause() {
        let (_, content, ..) = one(
            "Title\nThe mayor said that if the talks fail, the city will build the bridge itself.",
        );
        assert_eq!(
            content,
            "that if the talks fail, the city will build the bridge itself"
        );
    }

    #[test]
    fn cue_candidates_are_unlisted_lower_case_words_outside_quotations() {
        let text = "The senator said “we are ready” while visiting the plant.";
        let ex = Extractor::new();
        let words: Vec<&str> = ex
            .cue_candidates(text)
            .iter()
            .map(|c| c.span.slice(text))
            .collect();
        assert!(words.contains(&"visiting"), "{words:?}");
        assert!(!words.contains(&"said") && !words.contains(&"ready") && !words.contains(&"while"));
    }

    #[test]
    fn models_that_never_fire_leave_the_rules_alone() {
        use crate::CueModel;
        let text = "Title\nThe mayor said the bridge will open in May, adding that it cost more.";
        let quiet = Extractor::with_models(CueModel::empty(), CueModel::empty()).extract(text);
        assert_eq!(
            quiet.statements.len(),
            Extractor::new().extract(text).statements.len()
        );
        assert!(!quiet.statements.is_empty());
    }

    #[test]
    fn a_dash_aside_between_subject_and_cue() {
        let (_, c, cue, src) =
            one("Title\nThe mayor — after a long pause — told me the bridge would open.");
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            ("the bridge would open", Some("told"), Some("The mayor"))
        );
    }

    #[test]
    fn content_before_told_and_its_addressee() {
        let (_, c, _, src) = one("Title\nThe bridge will open in May, the mayor told her.");
        assert_eq!(
            (c.as_str(), src.as_deref()),
            ("The bridge will open in May", Some("the mayor"))
        );
        let (_, c, _, _) = one("Title\nWe will win this, the mayor told his aides as he left.");
        assert_eq!(c, "We will win this");
    }

    #[test]
    fn a_short_quotation_before_the_tag_is_content_when_no_clause_follows() {
        let text =
            "Title\nThe plan is “dead on arrival,” Lind said, and the council should start over.";
        assert_eq!(
            pieces_of(text),
            [[
                "The plan is “dead on arrival,”",
                "and the council should start over"
            ]]
        );
        let (_, c, cue, _) =
            one("Title\nThe plan was “dead on arrival,” Lind told The Times on Monday.");
        assert_eq!(
            (c.as_str(), cue.as_deref()),
            ("The plan was “dead on arrival,”", Some("told"))
        );
        // A quoted title in an opening adjunct, and a clause after the cue.
        let (_, c, _, _) = one(
            "Title\nIn an interview on “Face the Nation,” Lind told reporters the plan was dead.",
        );
        assert_eq!(c, "the plan was dead");
    }

    #[test]
    fn by_and_a_participle_of_saying_reports_what_the_verb_did() {
        for (text, content) in [
            (
                "Title\nLind defended the remark by saying it was \"only a friendly tease.\"",
                "it was \"only a friendly tease.\"",
            ),
            (
                "Title\nLind responded on Tuesday by saying, \"Just stop lying.\"",
                "\"Just stop lying.\"",
            ),
        ] {
            let p = parts(text);
            assert_eq!(p.len(), 1, "{p:?}");
            assert_eq!(p[0].1, content);
            assert_eq!(p[0].3.as_deref(), Some("Lind"));
        }
        // Not a verb of saying: the other statement stands.
        let p = parts("Title\nLind tried to explain the vote by refusing to comment.");
        assert!(p.iter().any(|x| x.1.starts_with("the vote")), "{p:?}");
    }

    #[test]
    fn chants_of_a_quotation() {
        let p = parts("Title\nThe crowd broke into chants of “Lind! Lind!” as he spoke.");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(
            (p[0].1.as_str(), p[0].2.as_deref()),
            ("“Lind! Lind!”", Some("chants of"))
        );
        let p = parts("Title\nThere were calls of “More!” and “Again!” from the back.");
        assert_eq!(p[0].1, "“More!” and “Again!”");
        // Without a quotation, no cue.
        assert!(parts("Title\nThe crowd answered with chants of support.").is_empty());
    }

    #[test]
    fn a_programme_in_quotation_marks_is_an_addressee() {
        for text in [
            "Title\nShe told “Good Morning Riga” on Monday the talks had been cordial.",
            "Title\nShe told Riga TV’s “Good Morning” on Monday the talks had been cordial.",
        ] {
            let (_, c, cue, _) = one(text);
            assert_eq!(
                (c.as_str(), cue.as_deref()),
                ("the talks had been cordial", Some("told")),
                "{text}"
            );
        }
    }

    #[test]
    fn a_subordinate_clause_alone_before_a_tag_is_no_content() {
        let (_, c, cue, _) =
            one("Title\nAs was the case at the port, the union agreed in May to a new wage scale.");
        assert_eq!(
            (c.as_str(), cue.as_deref()),
            ("in May to a new wage scale", Some("agreed"))
        );
        // Unless the clause goes on after the tag.
        let text = "Title\nIf the vote fails, the mayor said, the pier will close.";
        assert_eq!(
            pieces_of(text),
            [["If the vote fails", "the pier will close"]]
        );
    }

    #[test]
    fn an_inverted_tag_may_open_the_sentence() {
        let (_, c, cue, src) = one(
            "Title\nThe house is a museum now. Said Anna Berg, who grew up next door, “All of us \
             were very proud of her.”",
        );
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            (
                "“All of us were very proud of her.”",
                Some("Said"),
                Some("Anna Berg")
            )
        );
    }

    #[test]
    fn a_subject_with_an_appositive_after_an_opening_adjunct() {
        let (_, c, _, src) = one(
            "Title\nIn opposing the request, her lawyer, Tom Lind, wrote in a court file that \
             the request was futile.",
        );
        assert_eq!(
            (c.as_str(), src.as_deref()),
            ("that the request was futile", Some("her lawyer, Tom Lind"))
        );
    }

    #[test]
    fn a_time_adjunct_between_subject_and_cue() {
        for text in [
            "Title\nThe mayor on Tuesday said the bridge would open.",
            "Title\nThe mayor on Tuesday night said the bridge would open.",
            "Title\nThe mayor earlier this week said the bridge would open.",
        ] {
            let (_, c, _, src) = one(text);
            assert_eq!(
                (c.as_str(), src.as_deref()),
                ("the bridge would open", Some("The mayor"))
            );
        }
    }

    #[test]
    fn headline_names_with_a_label_a_title_or_an_audience() {
        for (title, src, content) in [
            (
                "EXCLUSIVE – Mara Lind: The Ferry Will Sail Again",
                "Mara Lind",
                "The Ferry Will Sail Again",
            ),
            (
                "Dr. Ana Berg: the port is safe for now",
                "Dr. Ana Berg",
                "the port is safe for now",
            ),
            (
                "Lind to Harbor Council: Taxes will fall in May",
                "Lind",
                "Taxes will fall in May",
            ),
        ] {
            let p = parts(&format!("{title}\n\nThe council met on Monday."));
            assert_eq!(
                (p[0].1.as_str(), p[0].3.as_deref()),
                (content, Some(src)),
                "{title}"
            );
        }
    }

    #[test]
    fn a_trailing_tag_may_name_its_listener_with_an_article() {
        let p = parts("Title\nThe port will close in May, Lind told the Herald.");
        assert_eq!(
            (p[0].1.as_str(), p[0].3.as_deref()),
            ("The port will close in May", Some("Lind"))
        );
        let p = parts("Title\nThe state did what others do, Berg told the court in a filing.");
        assert_eq!(p[0].1, "The state did what others do");
    }

    #[test]
    fn a_prepositional_phrase_before_the_subject_is_no_content() {
        assert!(parts("Title\nIn a long interview on Tuesday, Okafor said.").is_empty());
        let p = parts("Title\nIn May the port will close, Okafor said.");
        assert_eq!(p[0].1, "In May the port will close");
    }

    #[test]
    fn asked_to_do_something_is_a_request() {
        let p = parts("Title\nWhen asked to leave the stage, Okafor refused.");
        assert_eq!(
            (p[0].1.as_str(), p[0].2.as_deref()),
            ("to leave the stage", Some("asked"))
        );
        let p = parts("Title\nAsked by a reporter to name one success, the mayor smiled.");
        assert_eq!(p[0].1, "to name one success");
    }

    #[test]
    fn told_an_addressee_to_do_something() {
        // The addressee is part of the content (PolNeAR's gold, 61 to 17).
        let (_, c, cue, src) = one("Title\nOfficials told Flint residents not to drink the water.");
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            (
                "Flint residents not to drink the water",
                Some("told"),
                Some("Officials")
            )
        );
        let (_, c, _, _) = one("Title\nOkafor asked the council to delay the vote.");
        assert_eq!(c, "the council to delay the vote");
        let (_, c, _, _) = one("Title\nShe told the Courier of Dover last week she would run.");
        assert_eq!(c, "she would run");
    }

    #[test]
    fn an_ly_adverb_before_the_cue_is_not_the_source() {
        let (_, c, _, src) = one("Title\nMarsh erroneously said the pier was closed.");
        assert_eq!(
            (c.as_str(), src.as_deref()),
            ("the pier was closed", Some("Marsh"))
        );
        let (_, _, _, src) = one("Title\nThe mayor has repeatedly, angrily denied the charge.");
        assert!(src.is_some());
        // (`by essentially telling`: a participle after a subordinator)
        let (_, _, cue, src) =
            one("Title\nLind ended the debate by essentially telling the council to resign.");
        assert_eq!(
            (cue.as_deref(), src.as_deref()),
            (Some("telling"), Some("Lind"))
        );
        // (after an auxiliary too)
        let (_, _, _, src) = one("Title\nThe council has formally urged the court to rule.");
        assert_eq!(src.as_deref(), Some("The council"));
    }

    #[test]
    fn a_prepositional_adjunct_after_the_subject_is_not_the_source() {
        for (text, want) in [
            (
                "Title\nMarsh in her speech said the pier was unsafe.",
                "Marsh",
            ),
            (
                "Title\nThe senator in an interview said the pier was unsafe.",
                "The senator",
            ),
            (
                "Title\nThe senator from Ohio said the pier was unsafe.",
                "The senator",
            ),
            // (a document's sender speaks for it)
            (
                "Title\nA letter from the mayor's office said the pier was unsafe.",
                "the mayor's office",
            ),
        ] {
            let (_, _, _, src) = one(text);
            assert_eq!(src.as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn fired_back_and_shot_back_are_cues_but_not_alone() {
        let (_, c, cue, src) = one("Title\nMarsh fired back: “They will lose in court.”");
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            (
                "“They will lose in court.”",
                Some("fired back"),
                Some("Marsh")
            )
        );
        let (_, c, cue, src) = one("Title\nThe mayor shot back that the budget was balanced.");
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            (
                "that the budget was balanced",
                Some("shot back"),
                Some("The mayor")
            )
        );
        // A rise, a dismissal and a shooting are not statements.
        for text in [
            "Title\nFuel prices shot back up in May.",
            "Title\nThe club fired its coach on Monday.",
            "Title\nThe striker shot the ball wide.",
        ] {
            assert!(parts(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn raising_verb_after_a_relative_clause_or_with_an_adjective() {
        let p = pieces_of(
            "Title\nThe bank, which has held rates near zero, is expected to act in May.",
        );
        assert_eq!(p.len(), 1);
        assert_eq!(p[0], ["The bank", "to act in May"]);
        let p = pieces_of("Title\nThe party seems unlikely to change its course.");
        assert_eq!(p[0], ["The party", "unlikely to change its course"]);
    }

    #[test]
    fn a_time_adjunct_before_an_infinitive_is_not_content() {
        let (_, c, cue, _) = one("Title\nThe mayor pledged Saturday to rebuild the bridge.");
        assert_eq!(
            (c.as_str(), cue.as_deref()),
            ("to rebuild the bridge", Some("pledged"))
        );
    }

    #[test]
    fn scare_quotes_and_adjectives_are_not_statements() {
        assert!(parts("Title\nThe so-called “reform” stalled again.").is_empty());
        assert!(parts("Title\nThe alleged plot was foiled.").is_empty());
    }

    #[test]
    fn any_phrase_between_quotation_and_cue_is_the_subject() {
        let (k, c, _, src) = one("Title\n“We are ready,” a spokesman for city hall staff said.");
        assert_eq!((k, c.as_str()), (Kind::Direct, "“We are ready,”"));
        assert_eq!(src.as_deref(), Some("a spokesman for city hall staff"));
        let (_, c, _, src) =
            one("Title\n“We are ready,” said Sen. Ana Lind (D-Ore.), who chairs it.");
        assert_eq!(c, "“We are ready,”");
        assert_eq!(src.as_deref(), Some("Sen. Ana Lind"));
    }

    #[test]
    fn past_tense_verb_tags_a_quotation() {
        let (_, c, cue, src) = one("Title\n“We lost the vote,” Lind fumed on Tuesday.");
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            ("“We lost the vote,”", Some("fumed"), Some("Lind"))
        );
        // Not without a quotation.
        assert!(parts("Title\nThe council voted, Lind fumed on Tuesday.").is_empty());
    }

    #[test]
    fn the_participle_telling_skips_its_addressee_before_that() {
        let (_, c, cue, _) = one(
            "Title\nAnna Berg is telling diners at a harbour cafe that “I need you on Tuesday.”",
        );
        assert_eq!(
            (c.as_str(), cue.as_deref()),
            ("that “I need you on Tuesday.”", Some("telling"))
        );
    }

    #[test]
    fn present_tense_jokes_introduces_a_quotation_but_the_noun_does_not() {
        let (_, c, cue, src) = one("Title\nShe jokes, “It is a never ending story!”");
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            ("“It is a never ending story!”", Some("jokes"), Some("She"))
        );
        assert!(parts("Title\nThe crowd cracked jokes and traded stories.").is_empty());
    }

    #[test]
    fn quotation_in_content_runs_to_its_closing_mark() {
        let (_, c, _, _) =
            one("Title\nThe mayor said that “we are ready. The bridge opens in May.”");
        assert_eq!(c, "that “we are ready. The bridge opens in May.”");
        let p = parts("Title\nThe mayor said, “We are ready,” promising a quick opening.");
        assert_eq!(p[0].1, "“We are ready,”");
        // The participle after the quotation is the mayor's, not an inversion.
        assert_eq!(
            (p[1].1.as_str(), p[1].3.as_deref()),
            ("a quick opening", Some("The mayor"))
        );
    }

    #[test]
    fn quotation_closing_on_a_comma_ends_the_content() {
        let p =
            parts("Title\nThe mayor called the plan “a disgrace,” adding that she would fight it.");
        assert_eq!(p[0].1, "the plan “a disgrace,”");
        // A trailing tag with a capitalized subject (`, The Herald reported`).
        let p = parts("Title\nLind said, “No comment at all,” The Herald reported.");
        assert_eq!(p[0].1, "“No comment at all,”");
    }

    #[test]
    fn headline_about_a_speech_is_not_a_transcript() {
        let text = "Voters reject Ana Lind’s speech on taxes\nThe council met on Monday.\nThe vote is set for May.";
        let ex = Extractor::new().extract(text);
        assert!(ex.statements.iter().all(|s| s.kind != Kind::Transcript));
    }

    #[test]
    fn colon_introduces_the_subjects_quotation() {
        let (k, c, cue, src) =
            one("Title\nThe mayor delivered a blunt message to the council: “Fix the bridge.”");
        assert_eq!((k, c.as_str()), (Kind::Direct, "“Fix the bridge.”"));
        assert_eq!(
            (cue.as_deref(), src.as_deref()),
            (Some(":"), Some("The mayor"))
        );
        // An opening past-participle clause is not the subject; a name
        // ending in -ed is.
        let (_, _, _, src) = one("Title\nPressed on the delay, the mayor was blunt: “Fix it.”");
        assert_eq!(src.as_deref(), Some("the mayor"));
        let (_, _, _, src) = one("Title\nFred Okafor was blunt: “Fix it.”");
        assert_eq!(src.as_deref(), Some("Fred Okafor"));
    }

    #[test]
    fn expectation_without_a_holder() {
        let text = "Title\nThe city council is expected to approve the budget on Monday.";
        let ex = Extractor::new().extract(text);
        assert_eq!(ex.statements.len(), 1);
        let s = &ex.statements[0];
        let pieces: Vec<&str> = s.pieces.iter().map(|p| p.slice(text)).collect();
        assert_eq!(
            pieces,
            ["The city council", "to approve the budget on Monday"]
        );
        assert_eq!(s.source, None);
        assert_eq!(s.cue.map(|c| c.slice(text)), Some("is expected"));
    }

    #[test]
    fn asked_clause_is_the_question() {
        let p = parts("Title\nWhen asked whether she would run again, Lind smiled.");
        assert_eq!(p.len(), 1);
        assert_eq!(
            (p[0].1.as_str(), p[0].3.as_deref()),
            ("whether she would run again", None)
        );
    }

    #[test]
    fn narrative_before_an_introduced_quotation_is_not_content() {
        let (_, c, _, _) = one("Title\nWhen a voter shouted, “Resign,” the mayor said.");
        assert_eq!(c, "“Resign,”");
        let (_, c, _, _) = one("Title\nThe mayor wrote to her followers, “We are ready.”");
        assert_eq!(c, "“We are ready.”");
        // A quotation that opens in lower case goes on with the sentence.
        let (_, c, _, _) = one(
            "Title\nThe gala, held every four years, “lets us get our message out,” said Lind.",
        );
        assert_eq!(
            c,
            "The gala, held every four years, “lets us get our message out,”"
        );
    }

    #[test]
    fn title_case_headline_verbs_are_cues() {
        let text = "Mayor Says The Bridge Will Open In May\nThe council met on Monday.";
        let ex = Extractor::new().extract(text);
        let s = &ex.statements[0];
        assert_eq!(s.content.slice(text), "The Bridge Will Open In May");
        assert_eq!(s.cue.map(|c| c.slice(text)), Some("Says"));
        // Not in running text: "Says" there is a name or a sentence start.
        assert!(parts("Title\nThe report by Jon Says was short.").is_empty());
    }

    #[test]
    fn passive_is_not_attributed_to_its_subject() {
        assert!(parts("Title\nThe claim was repeated by many people.").is_empty());
    }

    #[test]
    fn as_the_source_reported_introduces_the_clause_after_it() {
        let (_, c, cue, src) =
            one("Title\nAs The Harbor Gazette reported, the ferry will stop running in May.");
        assert_eq!(c, "the ferry will stop running in May");
        assert_eq!(
            (cue.as_deref(), src.as_deref()),
            (Some("reported"), Some("The Harbor Gazette"))
        );
        let (_, c, _, src) =
            one("Title\nAs reported by the Gazette, the mayor knew about the leak for weeks.");
        assert_eq!(c, "the mayor knew about the leak for weeks");
        assert_eq!(src.as_deref(), Some("the Gazette"));
        // A clause of time, not a report.
        let p = parts("Title\nAs she seeks reelection, the senator said the economy was fine.");
        assert!(p
            .iter()
            .all(|s| s.1 != "the economy was fine" || s.3.as_deref() == Some("the senator")));
    }

    #[test]
    fn clause_after_the_addressee_is_the_content() {
        let (_, c, _, src) = one(
            "Title\nDuring a visit to the port, Lind told reporters Tuesday that the cranes were unsafe.",
        );
        assert_eq!(
            (c.as_str(), src.as_deref()),
            ("that the cranes were unsafe", Some("Lind"))
        );
        let (_, c, _, _) =
            one("Title\nWhile the talks went on, Lind told reporters this was the last offer.");
        assert_eq!(c, "this was the last offer");
    }

    #[test]
    fn inverted_subject_with_an_article_after_the_content() {
        let (_, c, _, src) =
            one("Title\nThe mill is hanging on, said the company's chief executive.");
        assert_eq!(
            (c.as_str(), src.as_deref()),
            (
                "The mill is hanging on",
                Some("the company's chief executive")
            )
        );
        // A subject with an appositive, and a clause after the cue.
        let p = parts(
            "Title\nMayor Jan Lind, a Liberal who has refused to back the plan, said the port deserved better.",
        );
        let said = p.iter().find(|s| s.2.as_deref() == Some("said")).unwrap();
        assert_eq!(said.1, "the port deserved better");
        assert_eq!(
            said.3.as_deref(),
            Some("Mayor Jan Lind, a Liberal who has refused to back the plan")
        );
    }

    #[test]
    fn according_to_between_commas_interrupts_the_content() {
        let p = pieces_of(
            "Title\nThe real cause, according to the harbour master, was a broken valve.",
        );
        assert_eq!(p.len(), 1);
        assert_eq!(p[0], ["The real cause", "was a broken valve"]);
        // A whole clause before the tag stands alone.
        let (_, c, _, _) = one(
            "Title\nThe ferry will stop running in May after the winter storms, according to the harbour master, who spoke on Monday.",
        );
        assert_eq!(
            c,
            "The ferry will stop running in May after the winter storms"
        );
    }

    #[test]
    fn a_statement_held_only_by_nested_ones_stands() {
        let p = parts(
            "Title\nAsked whether she would urge Lind to join the board, Berg said she would not give advice.",
        );
        assert!(
            p.iter()
                .any(|s| s.1 == "she would not give advice" && s.3.as_deref() == Some("Berg")),
            "{p:?}"
        );
    }

    #[test]
    fn subject_ending_in_an_abbreviation() {
        let (_, c, _, src) =
            one("Title\nHis son Jan Lind Jr. announced that the harbour would reopen.");
        assert_eq!(
            (c.as_str(), src.as_deref()),
            (
                "that the harbour would reopen",
                Some("His son Jan Lind Jr.")
            )
        );
    }

    #[test]
    fn bare_clause_after_a_verb_of_thought() {
        let (_, c, _, src) = one("Title\nThe mayor hopes obstruction would become untenable.");
        assert_eq!(
            (c.as_str(), src.as_deref()),
            ("obstruction would become untenable", Some("The mayor"))
        );
        let (_, c, _, _) = one("Title\nMost of the councillors thought compromise was likely.");
        assert_eq!(c, "compromise was likely");
        let (_, c, _, _) = one(
            "Title\nLind hopes his latest endorsement before the harbour vote will give him the edge.",
        );
        assert_eq!(
            c,
            "his latest endorsement before the harbour vote will give him the edge"
        );
    }

    #[test]
    fn aside_between_dashes_after_the_cue() {
        let (_, c, _, _) = one(
            "Title\nThe harbour master said — on the radio, as it happens — that the ferry was late.",
        );
        assert_eq!(c, "that the ferry was late");
    }

    #[test]
    fn a_record_named_by_its_author_shows_its_content() {
        let (_, c, cue, _) =
            one("Title\nA review by the Gazette shows most of the trips were paid by the port.");
        assert_eq!(
            (c.as_str(), cue.as_deref()),
            ("most of the trips were paid by the port", Some("shows"))
        );
    }

    #[test]
    fn a_relative_clause_cue_never_takes_its_antecedent() {
        let p = parts(
            "Title\nBorges, who predicted about a third of the vote will be cast early, spoke first.",
        );
        assert!(p.iter().all(|s| s.1 != "Borges"), "{p:?}");
    }

    #[test]
    fn cue_forms_that_are_not_verbs_of_saying_here() {
        for text in [
            "Title\nLind, a fellow at a liberal think tank, spoke first.",
            "Title\nThe win added to her lead in the north.",
            "Title\nHundreds of fishermen showed up at the pier.",
            "Title\nThe rebels backed by the port authority have no choice.",
            "Title\nBut fixing the roads is easier said than done in the city.",
            "Title\nHaving said that, the mayor left the room quickly.",
            "Title\nWhen all is said and done, the city will pay for the roads.",
            "Title\nKoh now helps lead a small group called Friends of the Pier.",
            "Title\nShe joined a theatre company called the Harbour Players in 2010.",
        ] {
            assert!(parts(text).is_empty(), "{text}: {:?}", parts(text));
        }
        // A participle that names, but not a speaker's verb.
        let p = parts("Title\nA spokesman called the plan “reckless and cruel.”");
        assert_eq!(p.len(), 1, "{p:?}");
        let p = parts("Title\nA local group called for calm after the vote.");
        assert_eq!(p.len(), 1, "{p:?}");
        // A manner, not a passive.
        let p = parts("Title\nLind responded by attacking the plan.");
        assert_eq!(p.len(), 1, "{p:?}");
    }

    #[test]
    fn editorial_labels_and_name_lists_are_no_headline_speakers() {
        for text in [
            "Title\nThe Latest: Ferry service resumes after the storm",
            "Title\nContributing: Jan Lind and Eva Berg",
            "Title\nBREAKING: The Harbour Council Just Voted On The Pier",
            "Title\nNorthport: Jan Lind, Eva Berg, Ole Dahl, Kari Moe, Per Holm",
        ] {
            assert!(parts(text).is_empty(), "{text}: {:?}", parts(text));
        }
        let (_, c, _, src) = one("Title\nLind: The harbour will not close this winter");
        assert_eq!(
            (c.as_str(), src.as_deref()),
            ("The harbour will not close this winter", Some("Lind"))
        );
    }

    #[test]
    fn inverted_subject_after_a_closing_verb_of_saying() {
        let (_, c, _, src) = one(
            "Title\nThe pier lobbied on behalf of the ferry firm for years, said lobbyist and port strategist Jan Lind, a former partner.",
        );
        assert_eq!(c, "The pier lobbied on behalf of the ferry firm for years");
        assert_eq!(
            src.as_deref(),
            Some("lobbyist and port strategist Jan Lind")
        );
        let (_, _, _, src) = one(
            "Title\n“We will rebuild,” said Rep. Eva M. Berg of the harbour committee in an interview.",
        );
        assert_eq!(
            src.as_deref(),
            Some("Rep. Eva M. Berg of the harbour committee")
        );
        // A relative clause after the inverted subject is not the content.
        let p = parts("Title\nThe pier may close, say some fishermen, who recall the storm.");
        let say = p.iter().find(|s| s.2.as_deref() == Some("say")).unwrap();
        assert_eq!(
            (say.1.as_str(), say.3.as_deref()),
            ("The pier may close", Some("some fishermen"))
        );
        // A clause after `say` is content, not a subject.
        let p = parts("Title\nYet harbour economists, like their rivals, say taxing fuel encourages savings, jobs and growth.");
        assert!(p.iter().any(|s| s.1.starts_with("taxing fuel")), "{p:?}");
    }

    #[test]
    fn percentages_dashes_and_possessive_clauses() {
        let (_, c, _, src) = one("Title\nAmong fishermen, 42% say they back the new pier.");
        assert_eq!(
            (c.as_str(), src.as_deref()),
            ("they back the new pier", Some("42%"))
        );
        let (_, c, cue, src) =
            one("Title\nLind changed course on the spot – saying the pier would wait.");
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            ("the pier would wait", Some("saying"), Some("Lind"))
        );
        let (_, c, _, _) =
            one("Title\nBut supporters hope her quiet work on the budget might win votes.");
        assert_eq!(c, "her quiet work on the budget might win votes");
    }

    #[test]
    fn present_tense_tag_after_a_pronoun() {
        let (k, c, cue, _) =
            one("Title\n“Is anyone hurt? Call a doctor,” she yells while running to the pier.");
        assert_eq!(
            (k, c.as_str(), cue.as_deref()),
            (
                Kind::Direct,
                "“Is anyone hurt? Call a doctor,”",
                Some("yells")
            )
        );
    }

    #[test]
    fn pronoun_with_a_contracted_auxiliary_is_the_subject() {
        let (_, c, cue, src) = one("Title\nShe’s claiming that the pier was never safe.");
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            (
                "that the pier was never safe",
                Some("claiming"),
                Some("She’s")
            )
        );
        // A possessive before a participle is no subject: `Lind's stated aim`.
        assert!(parts("Title\nLind's stated aim was a new pier.").is_empty());
    }

    #[test]
    fn a_polling_average_shows_its_content() {
        let (_, c, cue, _) = one(
            "Title\nThe harbour tracker of surveys gathered across the last fortnight shows Lind leading Berg by three points.",
        );
        assert_eq!(
            (c.as_str(), cue.as_deref()),
            ("Lind leading Berg by three points", Some("shows"))
        );
    }

    #[test]
    fn content_before_its_tag_ends_at_the_tag() {
        let (_, c, _, src) = one(
            "Title\nIn addition, the port plans to publish more records soon, a spokesman announced Monday.",
        );
        assert_eq!(src.as_deref(), Some("a spokesman"));
        assert!(c.ends_with("more records soon"), "{c}");
    }

    #[test]
    fn an_endorsed_name_ends_the_content() {
        let (_, c, _, _) = one("Title\nThe dockers' union endorsed Eva Berg last week.");
        assert_eq!(c, "Eva Berg");
        let (_, c, _, _) =
            one("Title\nThe union backed Mr. Lind and has campaigned for him since.");
        assert_eq!(c, "Mr. Lind");
        // Two names, and a name with a number, stay whole.
        let (_, c, _, _) = one("Title\nThe union endorsed Eva Berg and Mr. Lind.");
        assert_eq!(c, "Eva Berg and Mr. Lind");
        let (_, c, _, _) = one("Title\nThe union backed Proposition 12 in the spring.");
        assert!(c.starts_with("Proposition 12"), "{c}");
    }

    #[test]
    fn a_quotation_lowers_the_learned_cue_threshold() {
        let ex = Extractor::new();
        let doc = Doc::new(
            &ex,
            "Title\nLind waved “We are open” at the crowd. Lind waved.",
        );
        let t = doc.cue_model().threshold();
        assert_eq!(doc.sents.len(), 3);
        assert_eq!(learned_cue_threshold(&doc, 1), t - QUOTED_SENTENCE_MARGIN);
        assert_eq!(learned_cue_threshold(&doc, 2), t);
    }

    #[test]
    fn relative_clause_on_a_person_is_no_clause_boundary() {
        let ex = Extractor::new();
        let text = "Title\nThe pier was built by Berg, who sold it, which hurt.";
        let doc = Doc::new(&ex, text);
        let commas: Vec<usize> = (0..doc.toks.len())
            .filter(|&i| doc.is_punct(i, ","))
            .collect();
        assert_eq!(commas.len(), 2);
        assert!(!clause_boundary(&doc, commas[0]));
        assert!(clause_boundary(&doc, commas[1]));
    }

    #[test]
    fn a_preposition_after_the_cue_is_not_content() {
        let (_, c, _, _) = one("Title\nThe harbour master warned of rising water at the pier.");
        assert_eq!(c, "rising water at the pier");
    }

    #[test]
    fn a_poll_reports_its_finding() {
        let (_, c, cue, src) = one(
            "Title\nIn a Harbour Gazette poll released Monday, 52 percent of residents backed the pier.",
        );
        assert_eq!(c, "52 percent of residents backed the pier");
        assert_eq!(
            (cue.as_deref(), src.as_deref()),
            (Some("In"), Some("a Harbour Gazette poll released Monday"))
        );
        assert!(parts("Title\nIn the harbour, boats waited for the tide.").is_empty());
    }

    #[test]
    fn reportedly_reports_the_clause_around_it() {
        let text =
            "Title\nIn total, the harbour board has reportedly spent $2 million on the pier.";
        let ex = Extractor::new().extract(text);
        assert_eq!(ex.statements.len(), 1);
        let s = &ex.statements[0];
        let pieces: Vec<&str> = s.pieces.iter().map(|p| p.slice(text)).collect();
        assert_eq!(
            pieces,
            ["the harbour board has", "spent $2 million on the pier"]
        );
        assert_eq!(s.source, None);
    }

    #[test]
    fn asked_with_an_adjunct_or_in_the_passive() {
        let p = parts("Title\nAsked on Harbour Radio whether the pier would reopen, Lind smiled.");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].1, "whether the pier would reopen");
        let p = parts("Title\nThe mayor was asked if the ferry would run in May.");
        assert!(
            p.iter().any(|s| s.1 == "if the ferry would run in May"),
            "{p:?}"
        );
    }

    #[test]
    fn one_report_found_by_two_cues_is_one_statement() {
        let (_, c, cue, _) =
            one("Title\nThe harbour master declined to say whether the pier was safe.");
        assert_eq!(
            (c.as_str(), cue.as_deref()),
            ("whether the pier was safe", Some("declined to say"))
        );
    }

    #[test]
    fn a_quotation_after_adding_is_its_own_statement() {
        let p = parts("Title\n“The ferry is not ours,” she said, adding, “The council runs it.”");
        let got: Vec<(&str, Option<&str>)> =
            p.iter().map(|s| (s.1.as_str(), s.2.as_deref())).collect();
        assert_eq!(
            got,
            vec![
                ("“The ferry is not ours,”", Some("said")),
                ("“The council runs it.”", Some("adding")),
            ]
        );
        // Without a participle the second quotation continues the first.
        assert_eq!(
            pieces_of("Title\n“The ferry is not ours,” she said. “The council runs it.”"),
            vec![vec!["“The ferry is not ours,”", "“The council runs it.”"]]
        );
    }

    #[test]
    fn present_tense_naming_and_demanding() {
        let (_, c, cue, src) = one("Title\nCritics call the pier plan “a folly.”");
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            ("the pier plan “a folly.”", Some("call"), Some("Critics"))
        );
        let (_, c, cue, _) = one("Title\nThe mayor calls it the “harbour jewel.”");
        assert_eq!(
            (c.as_str(), cue.as_deref()),
            ("it the “harbour jewel.”", Some("calls"))
        );
        let (_, c, cue, _) = one("Title\nLind calls for a new ferry.");
        assert_eq!(
            (c.as_str(), cue.as_deref()),
            ("a new ferry", Some("calls for"))
        );
        // A noun, not a verb.
        assert!(parts("Title\nPhone calls reached the harbour office.").is_empty());
    }

    #[test]
    fn a_second_that_clause_after_but_continues_the_content() {
        let (_, c, _, _) =
            one("Title\nThe mayor said the ferry was late, but that the pier would open in May.");
        assert_eq!(c, "the ferry was late, but that the pier would open in May");
    }

    #[test]
    fn manner_of_speaking_participles_need_a_quotation() {
        let (_, c, cue, _) = one("Title\nThe crowd met the mayor shouting “Open the pier!”");
        assert_eq!(
            (c.as_str(), cue.as_deref()),
            ("“Open the pier!”", Some("shouting"))
        );
        assert!(parts("Title\nThe meeting ended in shouting matches over the pier.").is_empty());
        let (_, c, cue, _) = one("Title\nThe crowd cheered upon saying, “The pier is yours.”");
        assert_eq!(
            (c.as_str(), cue.as_deref()),
            ("“The pier is yours.”", Some("saying"))
        );
    }

    #[test]
    fn a_participle_opening_the_sentence_reports_up_to_its_comma() {
        let p = parts("Title\nNoting that the pier was late, the mayor added: “We will open it.”");
        assert_eq!(
            (p[0].1.as_str(), p[0].2.as_deref(), p[0].3.as_deref()),
            ("the pier was late", Some("Noting"), Some("the mayor"))
        );
        let p = parts("Title\nCiting “storms at sea,” the harbour master closed the pier.");
        assert_eq!(
            (p[0].1.as_str(), p[0].3.as_deref()),
            ("“storms at sea,”", Some("the harbour master"))
        );
        // Not without the comma that closes the participle clause.
        assert!(parts("Title\nNoting the storm the harbour master closed the pier.").is_empty());
    }

    #[test]
    fn adverbs_between_subject_and_a_noun_like_cue() {
        let (_, c, cue, _) = one("Title\nLind also pledged to “rebuild the pier” this year.");
        assert_eq!(
            (c.as_str(), cue.as_deref()),
            ("to “rebuild the pier” this year", Some("pledged"))
        );
    }

    #[test]
    fn a_clause_after_a_comma_inside_the_closing_mark_ends_the_content() {
        let (_, c, _, _) = one(
            "Title\nThe mayor said the pier plan was “about right,” though it cost more than the ferry.",
        );
        assert_eq!(c, "the pier plan was “about right,”");
        // `, but also ...` has no subject of its own: the content runs on.
        let (_, c, _, _) =
            one("Title\nThe mayor said the pier was “too short,” but also too costly.");
        assert_eq!(c, "the pier was “too short,” but also too costly");
    }

    #[test]
    fn according_to_after_a_quotation() {
        let (k, c, cue, src) = one("Title\n“The pier is unsafe,” according to the harbour master.");
        assert_eq!(
            (k, c.as_str(), cue.as_deref(), src.as_deref()),
            (
                Kind::Direct,
                "“The pier is unsafe,”",
                Some("according to"),
                Some("the harbour master")
            )
        );
    }

    #[test]
    fn a_short_quotation_later_in_the_paragraph_continues_the_statement() {
        let p = pieces_of(
            "Title\n“The pier will open in May,” said Anna Lind. She looked out at the grey \
             water for a while. “That is all for today.”",
        );
        assert_eq!(
            p,
            vec![vec![
                "“The pier will open in May,”",
                "“That is all for today.”"
            ]],
            "{p:?}"
        );
    }

    #[test]
    fn here_and_now_stand_between_subject_and_cue() {
        let (_, c, _, src) =
            one("Title\nHer campaign workers here said they had worked the quay since spring.");
        assert_eq!(
            (c.as_str(), src.as_deref()),
            (
                "they had worked the quay since spring",
                Some("Her campaign workers")
            )
        );
        let (_, _, _, src) = one("Title\nThe fishermen now say the pier is too short.");
        assert_eq!(src.as_deref(), Some("The fishermen"));
    }

    #[test]
    fn support_as_a_verb_takes_its_object() {
        let (_, c, cue, src) =
            one("Title\nTwo-thirds of the harbour pilots support a ban on night sailing.");
        assert_eq!(c, "a ban on night sailing");
        assert_eq!(cue.as_deref(), Some("support"));
        assert_eq!(src.as_deref(), Some("Two-thirds of the harbour pilots"));
        let (_, c, _, src) = one("Title\nLind supports closing the pier in winter.");
        assert_eq!(
            (c.as_str(), src.as_deref()),
            ("closing the pier in winter", Some("Lind"))
        );
        // The noun, and a report inside a report.
        assert!(parts("Title\nBerg will need their support in the vote.").is_empty());
        assert!(parts("Title\nBerg has broad support among the pilots.").is_empty());
        let p = parts("Title\nAna Lind said the pilots support the ban.");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].2.as_deref(), Some("said"));
    }

    #[test]
    fn a_clause_ending_in_a_poll_is_its_finding() {
        let (_, c, cue, src) =
            one("Title\nIn March, Lind led Berg by seven points in the latest Harbour Times poll.");
        assert_eq!(c, "Lind led Berg by seven points");
        assert_eq!(cue.as_deref(), Some("in"));
        assert_eq!(src.as_deref(), Some("the latest Harbour Times poll"));
        // Not the plural, not a poll inside the subject, not where a cue reports.
        assert!(parts("Title\nLind has led Berg for weeks in the polls.").is_empty());
        assert!(
            parts("Title\nMost voters in the poll were pilots from the north harbour.").is_empty()
        );
        let p = parts("Title\nBerg said Lind had gained ground in the harbour survey.");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].2.as_deref(), Some("said"));
    }

    #[test]
    fn hope_and_fear_take_a_bare_clause_with_a_determiner() {
        let (_, c, cue, src) =
            one("Title\nHarbour pilots fear the new pier will collapse in a storm.");
        assert_eq!(c, "the new pier will collapse in a storm");
        assert_eq!(
            (cue.as_deref(), src.as_deref()),
            (Some("fear"), Some("Harbour pilots"))
        );
        let (_, c, _, _) = one("Title\nCouncil strategists hope the ferry plan can win votes.");
        assert_eq!(c, "the ferry plan can win votes");
        // The noun.
        assert!(parts("Title\nThe only hope the pilots have is a new pier.").is_empty());
    }

    #[test]
    fn a_naming_word_introduces_a_quotation() {
        let text = "Title\nThe board ran an ad titled “Sink the Pier.” Lind’s campaign slogan is \
                    “The harbour is ours,” and she has used the term “free ferry” for years. \
                    Her boat bears the name “Sea Lark.”";
        let p = parts(text);
        let got: Vec<(&str, Option<&str>)> = p
            .iter()
            .map(|(_, c, cue, _)| (c.as_str(), cue.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("“Sink the Pier.”", Some("titled")),
                ("“The harbour is ours,”", Some("slogan")),
                ("“free ferry”", Some("term")),
            ]
        );
    }

    #[test]
    fn a_preposition_after_an_inverted_cue_is_no_subject() {
        // The subject stands before the title in quotes; `in an interview` is no speaker.
        let p = parts(
            "Title\nLind, the owner of the harbour ferry and star of the radio show \
             \"Tide Talk,\" said in an interview with the Gazette that the pier would be built.",
        );
        assert!(
            p.iter()
                .all(|(_, _, _, src)| src.as_deref() != Some("in an interview")),
            "{p:?}"
        );
        // `, said that ...`: a complementizer opens no subject either.
        let (_, c, _, src) = one(
            "Title\nOn Monday, however, the head of the harbour board, Tom B. Berg, said that \
             the talks went well.",
        );
        assert_eq!(c, "that the talks went well");
        assert!(src.is_some_and(|s| s.ends_with("Tom B. Berg")));
        let (_, c, cue, src) = one("Title\n“The pier is unsafe,” said the harbour master.");
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            (
                "“The pier is unsafe,”",
                Some("said"),
                Some("the harbour master")
            )
        );
    }

    #[test]
    fn an_irregular_past_with_its_particle_tags_a_quotation() {
        let (_, c, cue, src) = one("Title\n“The pier is unsafe,” Lind struck back.");
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            ("“The pier is unsafe,”", Some("struck"), Some("Lind"))
        );
        // (`shot back` is a phrasal cue, particle included.)
        let (_, _, cue, _) = one("Title\n“The pier is unsafe,” Lind shot back.");
        assert_eq!(cue.as_deref(), Some("shot back"));
        assert!(parts("Title\n“Pier Blues,” the band shot a video there.").is_empty());
    }

    #[test]
    fn a_clause_between_the_addressee_and_a_quotation() {
        let (_, c, _, _) = one("Title\nLind told reporters the pier was “unsafe.”");
        assert_eq!(c, "the pier was “unsafe.”");
        let (_, c, _, _) = one("Title\nLind told the crowd “the pier is unsafe.”");
        assert_eq!(c, "“the pier is unsafe.”");
    }

    #[test]
    fn adjuncts_before_a_colon_and_a_quotation_are_not_content() {
        let (k, c, _, _) = one("Title\nLind said on Tuesday in a speech: “The pier is unsafe.”");
        assert_eq!((k, c.as_str()), (Kind::Direct, "“The pier is unsafe.”"));
        let (k, c, _, _) = one("Title\nLind wrote on Facebook: “The pier is unsafe.”");
        assert_eq!((k, c.as_str()), (Kind::Direct, "“The pier is unsafe.”"));
    }

    #[test]
    fn a_relative_clause_ends_at_a_comma_inside_a_closing_mark() {
        let p = parts("Title\nLind, who called the plan “a joke,” left early.");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].1, "the plan “a joke,”");
    }

    #[test]
    fn an_infinitive_cue_of_purpose() {
        let (_, c, cue, src) = one("Title\nLind took to Twitter to say the pier was a disgrace.");
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            (
                "the pier was a disgrace",
                Some("took to Twitter to say"),
                Some("Lind")
            )
        );
        let (_, _, cue, _) = one("Title\nLind declined to say whether the pier was safe.");
        assert_eq!(cue.as_deref(), Some("declined to say"));
    }

    #[test]
    fn a_quotation_inside_a_content_is_no_statement_of_its_own() {
        let p = parts(
            "Title\nThe mayor later said that \"nobody on this council will be allowed to become \
             the sole owner of the old harbour pier,\" and that, in regard to the ferry, \"our task is \
             to keep this harbour open for everyone.\"",
        );
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].2.as_deref(), Some("said"));
    }

    #[test]
    fn a_repeated_title_says_nothing_twice_but_repeated_paragraphs_stand() {
        let title = "Lind: the pier will close in May\n\nLind: the pier will close in May\n\nMore.";
        assert_eq!(parts(title).len(), 1, "{:?}", parts(title));
        let blog = "Title\n\n“The pier is closing,” Lind said.\n\nUpdate.\n\n“The pier is closing,” Lind said.";
        assert_eq!(parts(blog).len(), 2, "{:?}", parts(blog));
    }

    #[test]
    fn some_opening_the_sentence_is_a_subject() {
        let (_, c, _, src) = one("Title\nSome said the pier was unsafe.");
        assert_eq!(
            (c.as_str(), src.as_deref()),
            ("the pier was unsafe", Some("Some"))
        );
        assert!(parts("Title\nThe harbour has some alleged problems.").is_empty());
    }

    #[test]
    fn a_participle_after_an_interrupting_tag_is_its_own_statement() {
        let p = parts("Title\nThe ferry left early, Lind said, adding, “It was not very safe.”");
        let got: Vec<(&str, Option<&str>)> =
            p.iter().map(|s| (s.1.as_str(), s.2.as_deref())).collect();
        assert_eq!(
            got,
            vec![
                ("The ferry left early", Some("said")),
                ("“It was not very safe.”", Some("adding")),
            ]
        );
    }

    #[test]
    fn a_short_stray_quotation_in_narrative_is_no_statement() {
        let text = "Title\nLind said the ferry would run in May. Berg shook his head. \
                    “We will see about that.” The boats stayed in the harbour.";
        let contents: Vec<String> = parts(text).into_iter().map(|s| s.1).collect();
        assert_eq!(contents, vec!["the ferry would run in May"]);
    }

    #[test]
    fn a_sentence_of_narrative_ends_a_continued_quotation() {
        let text = "Title\n“We will build a new pier,” Lind added. She turned to the reporters on the quay.\n\n“Who will pay for it?”";
        let contents: Vec<String> = parts(text).into_iter().map(|s| s.1).collect();
        assert_eq!(
            contents,
            vec!["“We will build a new pier,”", "“Who will pay for it?”"]
        );
        let text =
            "Title\n“We will build a new pier,” Lind added.\n\n“The council will pay for it.”";
        assert_eq!(
            pieces_of(text),
            vec![vec![
                "“We will build a new pier,”",
                "“The council will pay for it.”"
            ]]
        );
    }

    #[test]
    fn long_adjuncts_before_that_are_not_content() {
        let (_, c, _, _) = one(
            "Title\nThe mayor said Tuesday night in an interview with the Harbour Times that the pier is safe.",
        );
        assert_eq!(c, "that the pier is safe");
    }

    #[test]
    fn asked_a_quoted_question_or_a_question_with_a_quotation() {
        let (k, c, cue, src) = one("Title\nIn an interview, Lind was asked, “Is the pier safe?”");
        assert_eq!(
            (k, c.as_str(), cue.as_deref(), src),
            (Kind::Direct, "“Is the pier safe?”", Some("asked"), None)
        );
        let p = parts(
            "Title\nAsked whether the mayor “has the integrity to serve,” 75 percent of voters said yes.",
        );
        assert_eq!(p[0].1, "whether the mayor “has the integrity to serve,”");
    }

    #[test]
    fn the_subject_of_a_coordinated_cue_stops_before_the_first_verb() {
        let (_, _, _, src) = one("Title\nLind turned to the crowd and said, “The pier is safe.”");
        assert_eq!(src.as_deref(), Some("Lind"));
        let (_, _, _, src) =
            one("Title\nThe harbour master rubbed his chin and said, “The pier is safe.”");
        assert_eq!(src.as_deref(), Some("The harbour master"));
    }

    #[test]
    fn a_participle_after_before_ends_the_content_it_interrupts() {
        let p = parts(
            "Title\nLind said the pier was “safe” on Tuesday before claiming that the ferry was late.",
        );
        let got: Vec<(&str, Option<&str>)> =
            p.iter().map(|s| (s.1.as_str(), s.2.as_deref())).collect();
        assert_eq!(
            got,
            vec![
                // (`on Tuesday` is an adjunct of the occasion after the
                // quotation: narrative, not content.)
                ("the pier was “safe”", Some("said")),
                ("that the ferry was late", Some("claiming")),
            ]
        );
    }

    #[test]
    fn a_short_quotation_before_a_tag_and_a_participle_is_the_content() {
        let p = parts(
            "Title\nThe mayor will play the “pier card,” Lind said, adding that the way to beat it is to attack her record.",
        );
        let got: Vec<(&str, Option<&str>)> =
            p.iter().map(|s| (s.1.as_str(), s.2.as_deref())).collect();
        assert_eq!(
            got,
            vec![
                ("The mayor will play the “pier card,”", Some("said")),
                (
                    "that the way to beat it is to attack her record",
                    Some("adding")
                ),
            ]
        );
    }

    #[test]
    fn a_noun_of_speech_and_its_preposition_report_the_phrase_after_them() {
        let (_, c, cue, src) =
            one("Title\nThe mayor raised doubts about the ferry plan, but the council voted.");
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            ("the ferry plan", Some("doubts about"), Some("The mayor"))
        );
        let (_, c, _, src) = one("Title\nHer criticism of the council was harsh.");
        assert_eq!((c.as_str(), src.as_deref()), ("the council", Some("Her")));
        // Not every preposition: `support for` is too often no report.
        assert!(parts("Title\nThe fund gave support for the harbour.").is_empty());
        // `attacks on` only after a possessor.
        let (_, c, _, src) = one("Title\nLind's latest attacks on the council were harsh.");
        assert_eq!(
            (c.as_str(), src.as_deref()),
            ("the council", Some("Lind's"))
        );
        assert!(parts("Title\nThe attacks on the pier continued.").is_empty());
    }

    #[test]
    fn any_participle_cue_after_a_comma_or_a_subordinator() {
        let (_, c, cue, src) = one("Title\nThe mayor began by talking about the pier.");
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            ("the pier", Some("talking about"), Some("The mayor"))
        );
    }

    #[test]
    fn present_talks_about() {
        let (_, c, cue, src) = one("Title\nShe frequently talks about how she rebuilt the pier.");
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            ("how she rebuilt the pier", Some("talks about"), Some("She"))
        );
    }

    #[test]
    fn a_quoted_title_after_a_naming_cue_is_no_statement() {
        assert!(parts("Title\nShe starred in a harbour play called “The Long Pier.”").is_empty());
        // A short quotation that someone says stays.
        let (k, c, _, _) = one("Title\n“Resign,” the mayor said.");
        assert_eq!((k, c.as_str()), (Kind::Direct, "“Resign,”"));
    }

    #[test]
    fn a_clause_in_the_tag_does_not_take_the_next_quotation() {
        // The participle, the relative clause and their reports stand in the
        // tag of the first quotation: the next quotation continues it.
        for text in [
            "Title\n“The pier is closed,” Lind told the council after hinting that “changes” \
             were near. “Nobody will fish there this summer.”",
            "Title\n“The pier is closed,” Lind said, referring to the harbour board. “Nobody \
             will fish there this summer.”",
            "Title\n“The pier is closed,” said Lind, who thinks often about the harbour.\n\n\
             “Nobody will fish there this summer.”",
        ] {
            let tagged = parts(text)
                .into_iter()
                .zip(pieces_of(text))
                .find(|(p, _)| p.2.as_deref().is_some_and(|c| c == "told" || c == "said"))
                .map(|(p, pieces)| (p.3, pieces.len()));
            assert_eq!(
                tagged,
                Some((Some("Lind".to_string()), 2)),
                "{:?}",
                parts(text)
            );
        }
        // A report of its own in the tag keeps its quotation.
        let text =
            "Title\n“The pier is closed,” she said, adding, “Nobody goes there.” “Not even the mayor goes.”";
        let counts: Vec<usize> = pieces_of(text).iter().map(|p| p.len().max(1)).collect();
        assert_eq!(counts, [1, 2], "{:?}", parts(text));
    }

    #[test]
    fn a_common_noun_addressee_before_a_clause() {
        for (text, content) in [
            (
                "Title\nLind told a news conference they are “planting the seeds” for a deal.",
                "they are “planting the seeds” for a deal",
            ),
            (
                "Title\nLind told host Anna Berg a loss is “increasingly likely.”",
                "a loss is “increasingly likely.”",
            ),
            (
                "Title\nLind told the crowd at the rally she would win.",
                "she would win",
            ),
            // A demonstrative `that` ending the sentence opens no clause.
            (
                "Title\nLind told reporters they are working to accomplish that.",
                "they are working to accomplish that",
            ),
        ] {
            let (_, c, cue, src) = one(text);
            assert_eq!(
                (c.as_str(), cue.as_deref(), src.as_deref()),
                (content, Some("told"), Some("Lind"))
            );
        }
    }

    #[test]
    fn a_that_inside_the_clause_after_the_cue_is_not_its_complement() {
        let (_, c, _, _) = one(
            "Title\nLind said Thursday her biggest worry about the pier is that it is “unsafe.”",
        );
        assert_eq!(
            c,
            "Thursday her biggest worry about the pier is that it is “unsafe.”"
        );
    }

    #[test]
    fn according_to_after_a_tagged_quotation_of_several_sentences() {
        let text = "Title\n“The pier is old. Who will pay for it?” the mayor said, according to the Gazette.";
        let p = parts(text);
        let according = p
            .iter()
            .find(|s| s.2.as_deref() == Some("according to"))
            .map(|s| s.1.as_str());
        assert_eq!(
            according,
            Some("“The pier is old. Who will pay for it?” the mayor said"),
            "{p:?}"
        );
    }

    #[test]
    fn a_short_quotation_inside_the_subject_of_a_tag() {
        let (k, c, cue, src) = one(
            "Title\n“We have had better meetings than this one,” delegate Anna Berg, wearing a \
             red hat and “Lind 2020” pins, said matter-of-factly.",
        );
        assert_eq!(
            (k, c.as_str(), cue.as_deref()),
            (
                Kind::Direct,
                "“We have had better meetings than this one,”",
                Some("said")
            )
        );
        assert!(src.is_some_and(|s| s.starts_with("delegate Anna Berg")));
    }

    #[test]
    fn a_quoted_title_in_an_appositive_subject() {
        for (text, source) in [
            (
                "Title\nAnna Berg, the author of “Low Tide,” a book about the harbour, said the \
                 pier was unsafe.",
                "Anna Berg, the author of “Low Tide,” a book about the harbour",
            ),
            (
                "Title\nAnna Berg, star of “Low Tide,” said the pier was unsafe.",
                "Anna Berg, star of “Low Tide,”",
            ),
        ] {
            let (k, c, _, src) = one(text);
            assert_eq!(
                (k, c.as_str(), src.as_deref()),
                (Kind::Indirect, "the pier was unsafe", Some(source))
            );
        }
    }

    #[test]
    fn according_to_before_a_quotation_of_several_sentences() {
        for text in [
            "Title\nAccording to the Gazette, “The pier is old. Few boats use it.”",
            "Title\nAccording to the Gazette: “The pier is old. Few boats use it.”",
            "Title\nAs the Gazette wrote last week, “The pier is old. Few boats use it.”",
        ] {
            let (k, c, _, src) = one(text);
            assert_eq!(
                (k, c.as_str(), src.as_deref()),
                (
                    Kind::Direct,
                    "“The pier is old. Few boats use it.”",
                    Some("the Gazette")
                )
            );
        }
    }

    #[test]
    fn a_clause_holding_the_reports_only_quotation_runs_on() {
        let (_, c, _, _) =
            one("Title\nLind said she hoped for a large turnout, which “will help the harbour.”");
        assert_eq!(
            c,
            "she hoped for a large turnout, which “will help the harbour.”"
        );
        // A clause with a report of its own still ends the content.
        let p = parts(
            "Title\nLind said she backed the plan, which she called “a lifeline for the harbour.”",
        );
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[0].1, "she backed the plan");
    }

    #[test]
    fn an_inverted_subject_close_to_someone() {
        let (_, c, _, src) = one(
            "Title\nThe mayor has been worried about the pier, said a source close to the council.",
        );
        assert_eq!(
            (c.as_str(), src.as_deref()),
            (
                "The mayor has been worried about the pier",
                Some("a source close to the council")
            )
        );
    }

    #[test]
    fn a_chant_before_the_subject_split_by_its_exclamation_marks() {
        let p = parts(
            "Title\nWalking into the hall to chants of “Lind! Lind!,” the senator said her \
             campaign here was closing strong.",
        );
        let said: Vec<_> = p
            .iter()
            .filter(|x| x.2.as_deref() == Some("said"))
            .collect();
        assert_eq!(said.len(), 1, "{p:?}");
        assert_eq!(
            (said[0].1.as_str(), said[0].3.as_deref()),
            ("her campaign here was closing strong", Some("the senator"))
        );
        // The chant is a statement of its own, with no speaker: the opening
        // participle is no subject.
        assert!(
            p.iter().any(|x| x.1 == "“Lind! Lind!,”" && x.3.is_none()),
            "{p:?}"
        );
    }

    #[test]
    fn as_someone_reported_in_mid_sentence_tags_the_clause_before_it() {
        let (_, c, cue, src) =
            one("Title\nComparing the two plans is a classic scare tactic, as Anna Berg noted in the Gazette.");
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            (
                "Comparing the two plans is a classic scare tactic",
                Some("noted"),
                Some("Anna Berg")
            )
        );
        let text = "Title\nThe pier, as the Gazette reported on Saturday, has already been sold.";
        assert_eq!(pieces_of(text), [["The pier", "has already been sold"]]);
        // A conjunction of time or manner is no tag.
        assert!(
            parts("Title\nThe crowd cheered, as he explained how the pier would be rebuilt.")
                .iter()
                .all(|p| p.1 != "The crowd cheered")
        );
        // The comma may stand inside the quotation's closing mark.
        let (_, c, cue, src) = one(
            "Title\nStill, the claim that the old pier “cannot be saved at all,” as Lind said on \
             the radio on Monday, only raises the stakes.",
        );
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            (
                "the claim that the old pier “cannot be saved at all,”",
                Some("said"),
                Some("Lind")
            )
        );
    }

    #[test]
    fn a_discourse_word_alone_is_no_content_piece() {
        let text = "Title\nBut, the mayor said, the pier is unsafe.";
        assert_eq!(pieces_of(text), [Vec::<String>::new()], "{:?}", parts(text));
        let (_, c, _, _) = one(text);
        assert_eq!(c, "the pier is unsafe");
        // A pro-form after its cue stays.
        let (_, c, _, _) = one("Title\nNeither side would say so.");
        assert_eq!(c, "so");
    }

    #[test]
    fn an_adverb_before_a_participle_after_a_comma() {
        let p = parts(
            "Title\nLind has expressed frustration about the vote, recently telling a friend \
             that she is worried.",
        );
        let found: Vec<(&str, Option<&str>, Option<&str>)> = p
            .iter()
            .map(|s| (s.1.as_str(), s.2.as_deref(), s.3.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "frustration about the vote",
                    Some("expressed"),
                    Some("Lind")
                ),
                ("that she is worried", Some("telling"), Some("Lind"))
            ]
        );
    }

    #[test]
    fn a_noun_cue_before_a_noun_like_cue_is_its_subject() {
        let (_, c, cue, src) = one("Title\nHer harbour plan promises to “rebuild every pier.”");
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            (
                "to “rebuild every pier.”",
                Some("promises"),
                Some("Her harbour plan")
            )
        );
    }

    #[test]
    fn a_listener_after_to_is_not_content() {
        for text in [
            "Title\nLind complained to a crowd in Riga that the council was unfair.",
            "Title\nLind said to reporters that the council was unfair.",
            "Title\nLind admitted to her that the council was unfair.",
        ] {
            let (_, c, _, _) = one(text);
            assert_eq!(c, "that the council was unfair");
        }
        // An infinitive is the content.
        let (_, c, _, _) = one("Title\nLind pledged to join the talks that the council held.");
        assert_eq!(c, "to join the talks that the council held");
    }

    #[test]
    fn a_quotation_in_capitals_alone_on_its_line_is_a_heading() {
        let text =
            "Title\nThe council met on Monday.\n“PIER CLOSED FOR GOOD”\nThe mayor left early.";
        assert!(parts(text).is_empty(), "{:?}", parts(text));
    }

    #[test]
    fn content_runs_over_an_aside_between_dashes() {
        let (_, c, _, _) =
            one("Title\nLind said that the plan — itself a copy of an older one — was a failure.");
        assert_eq!(
            c,
            "that the plan — itself a copy of an older one — was a failure"
        );
        // A single dash still ends it.
        let (_, c, _, _) = one("Title\nLind said that the plan was a failure — and left.");
        assert_eq!(c, "that the plan was a failure");
    }

    #[test]
    fn a_concession_after_a_comma_ends_the_content() {
        assert_eq!(
            content("Title\nLind said the ferry will sail, even though the pier is shut."),
            "the ferry will sail"
        );
        assert_eq!(
            content("Title\nLind said the ferry will sail, even as the pier stays shut."),
            "the ferry will sail"
        );
        // (not `even as` before a noun phrase)
        assert_eq!(
            content("Title\nLind warned that the mayor, even as a candidate, had spent too much."),
            "that the mayor, even as a candidate, had spent too much"
        );
    }

    #[test]
    fn a_noun_phrase_object_ends_before_and_the_subjects_next_act() {
        assert_eq!(
            content("Title\nLind criticized the plan and moved to block the vote."),
            "the plan"
        );
        // (an adjective before its noun, or a clause, goes on)
        assert_eq!(
            content("Title\nLind said the heat and unsettled weather would last."),
            "the heat and unsettled weather would last"
        );
        assert_eq!(
            content("Title\nLind criticized the plan and the delays it caused."),
            "the plan and the delays it caused"
        );
    }

    #[test]
    fn a_when_clause_with_its_own_subject_ends_the_content() {
        assert_eq!(
            content("Title\nLind said the pier was busiest in 1990, when the ferry still ran."),
            "the pier was busiest in 1990"
        );
        // (not `when` before a verb: the same report's clause)
        assert_eq!(
            content("Title\nLind said the ferry would sail, when needed, at night."),
            "the ferry would sail, when needed, at night"
        );
    }

    #[test]
    fn a_naming_verbs_quoted_complement_ends_before_and_a_verb() {
        let p = parts(
            "Title\nLind called the merger “a terrible deal” and ranked Berg among the worst \
             managers.",
        );
        assert_eq!(p[0].1, "the merger “a terrible deal”", "{p:?}");
        // Not before a coordinated complement.
        let (_, c, _, _) = one("Title\nLind called the merger “a terrible deal” and a mistake.");
        assert_eq!(c, "the merger “a terrible deal” and a mistake");
        // An auxiliary, an irregular past or an adverb before the verb.
        for text in [
            "Title\nLind describes herself as “a builder” and has said she wants the pier.",
            "Title\nLind described herself as “a builder” and made the pier her cause.",
            "Title\nLind called the merger “a terrible deal” and recently ranked Berg last.",
        ] {
            let p = parts(text);
            assert!(p[0].1.ends_with('”'), "{p:?}");
        }
    }

    #[test]
    fn a_report_after_a_colon_in_the_content_stands_on_its_own() {
        let p = parts(
            "Title\nThe mayor cited the pier as an example: Councillor Ana Lind says it is \
             “the least bad choice we have.”",
        );
        let found: Vec<(&str, Option<&str>)> =
            p.iter().map(|s| (s.1.as_str(), s.2.as_deref())).collect();
        assert_eq!(
            found,
            [
                ("the pier as an example", Some("cited")),
                ("it is “the least bad choice we have.”", Some("says"))
            ]
        );
    }

    #[test]
    fn a_quotation_closing_on_a_comma_ends_before_another_or_a_naming_relative() {
        let (_, c, _, _) = one(
            "Title\nThe mayor refused to say the words “harbour tax,” another moment her \
             rivals seized upon.",
        );
        assert_eq!(c, "the words “harbour tax,”");
        let (_, c, _, _) =
            one("Title\nThe bar group deemed him “well qualified,” which is its highest rating.");
        assert_eq!(c, "him “well qualified,”");
    }

    #[test]
    fn a_quotation_tagged_in_place_inside_a_report_stands() {
        let p = parts(
            "Title\nThe mayor said the bridge was safe, to which Okafor retorted: \
             “Nobody believes that.”",
        );
        assert!(
            p.iter()
                .any(|(_, c, cue, src)| c == "“Nobody believes that.”"
                    && cue.as_deref() == Some("retorted")
                    && src.as_deref() == Some("Okafor")),
            "{p:?}"
        );
        assert!(
            p.iter()
                .any(|(_, c, _, _)| c.starts_with("the bridge was safe")),
            "{p:?}"
        );
        // A naming verb inside a report is still part of it.
        let p = parts("Title\nThe mayor said what Okafor called “a disgrace” was over.");
        assert_eq!(p.len(), 1, "{p:?}");
    }

    #[test]
    fn an_under_adjunct_after_the_cue_is_not_content() {
        let (_, c, cue, _) = one("Title\nThe senator proposed under his plan that taxes fall.");
        assert_eq!(
            (c.as_str(), cue.as_deref()),
            ("that taxes fall", Some("proposed"))
        );
    }

    #[test]
    fn a_quotation_tagged_after_inside_a_report_stands() {
        let p = parts(
            "Title\nThe minister argued that the port had lost its purpose: “Hull is no longer \
             Hull,” she claimed.",
        );
        assert!(
            p.iter()
                .any(|(_, c, cue, src)| c == "“Hull is no longer Hull,”"
                    && cue.as_deref() == Some("claimed")
                    && src.as_deref() == Some("she")),
            "{p:?}"
        );
    }

    #[test]
    fn a_report_ends_before_a_quotation_tagged_in_place_inside_it() {
        let p = parts(
            "Title\nThe minister argued that the port had lost its purpose: “Hull is no longer \
             Hull,” she claimed.",
        );
        assert!(
            p.iter()
                .any(|(_, c, cue, _)| c == "that the port had lost its purpose"
                    && cue.as_deref() == Some("argued")),
            "{p:?}"
        );
        let p = parts(
            "Title\nThe mayor said the bridge was safe, to which Okafor retorted: “Nobody \
             believes that.”",
        );
        assert!(
            p.iter().any(|(_, c, _, _)| c == "the bridge was safe"),
            "{p:?}"
        );
    }

    #[test]
    fn a_report_ends_before_a_quotation_tagged_right_after_it() {
        for text in [
            "Title\nAna Lind posted a long message on her blog about the ferry timetable: “The \
             morning boat will leave at six,” she wrote. “The evening boat is cancelled.”",
            "Title\nAna Lind posted a long message on her blog about the ferry timetable: “The \
             morning boat will leave at six,” she wrote.",
        ] {
            let p = parts(text);
            assert!(
                p.iter().any(|(_, c, cue, _)| c
                    == "a long message on her blog about the ferry timetable"
                    && cue.as_deref() == Some("posted")),
                "{p:?}"
            );
            assert!(
                p.iter().any(|(_, c, cue, _)| c
                    .starts_with("“The morning boat will leave at six,”")
                    && cue.as_deref() == Some("wrote")),
                "{p:?}"
            );
        }
    }

    #[test]
    fn a_quoted_excerpt_before_a_link_is_no_statement() {
        let text = "Title\nHARBOUR NEWS—\"Tartu pier to close in May,\" by the Harbour Times' Ana \
                    Lind: \"The old pier, a wooden structure that fed three fishing villages \
                    for a century and outlived two harbour masters, will close at the end of May, \
                    the council said.\" http://ht.ee/1Abc.";
        let p = parts(text);
        assert!(
            p.iter().all(|(_, c, _, _)| !c.contains("The old pier")),
            "{p:?}"
        );
        // Without the link, the same quotation stands as a remark.
        let p = parts(&text.replace(" http://ht.ee/1Abc", ""));
        assert!(
            p.iter().any(|(_, c, _, _)| c.contains("The old pier")),
            "{p:?}"
        );
    }

    #[test]
    fn a_quotation_after_a_naming_verb_and_a_short_object_is_a_statement() {
        for (text, content, cue) in [
            (
                "Title\nThe plan has been called “a harbour grab” by its critics.",
                "“a harbour grab”",
                "called",
            ),
            (
                "Title\nIvo Petek is rumoured to have called the bankers “loan sharks” at a \
                 dinner.",
                "the bankers “loan sharks”",
                "called",
            ),
            (
                "Title\nIt was a quip about the ferry, and a chance to call Berg \"too timid,\" to \
                 laughter.",
                "Berg \"too timid,\"",
                "call",
            ),
        ] {
            let p = parts(text);
            assert!(
                p.iter()
                    .any(|(_, c, k, _)| c == content && k.as_deref() == Some(cue)),
                "{p:?}"
            );
        }
        // A noun `call` and a preposition: no naming.
        let p = parts("Title\nHe said so during a call to the Harbour Times' “Morning Show.”");
        assert!(
            p.iter().all(|(_, _, k, _)| k.as_deref() != Some("call")),
            "{p:?}"
        );
    }

    #[test]
    fn a_quotation_after_a_verb_of_description_and_as_is_a_statement() {
        for (text, content, cue) in [
            (
                "Title\nThe meeting, a rally billed as “Boots for Berg,” drew a small crowd.",
                "as “Boots for Berg,”",
                "billed",
            ),
            (
                "Title\nHer column, dismissed as “a rant” by the council, drew many letters.",
                "as “a rant”",
                "dismissed",
            ),
        ] {
            let p = parts(text);
            assert!(
                p.iter()
                    .any(|(_, c, k, _)| c == content && k.as_deref() == Some(cue)),
                "{p:?}"
            );
        }
        // `such as` lists examples: no statement.
        let p = parts(
            "Title\nOfficials searched the files for words such as “ambassador,” \
                       and “envoy.”",
        );
        assert!(p.is_empty(), "{p:?}");
    }

    #[test]
    fn a_continuation_of_a_nested_statement_goes_on_with_its_holder() {
        let p = pieces_of(
            "Title\nHer friends have mocked the campaign, calling it “a circus,” Okafor said as \
             she turned around.\n\n“But it is our circus, and we love it!”",
        );
        assert!(
            p.iter().any(|ps| ps
                .iter()
                .any(|x| x == "“But it is our circus, and we love it!”")),
            "{p:?}"
        );
    }

    #[test]
    fn an_adjunct_of_the_occasion_after_a_quotation_is_narrative() {
        let (_, c, _, _) = one("Title\nThe mayor tweeted “Thank you, Leeds!” on Friday afternoon.");
        assert_eq!(c, "“Thank you, Leeds!”");
        let (_, c, _, _) =
            one("Title\nOkafor said the ferry would “never sail again” in an interview on Sunday.");
        assert_eq!(c, "the ferry would “never sail again”");
    }

    #[test]
    fn a_statement_in_an_opening_what_adjunct_ends_at_its_comma() {
        let (_, c, _, src) = one(
            "Title\nDespite what Berg called a “clear mandate” from voters, the council voted \
             against the plan.",
        );
        assert_eq!(
            (c.as_str(), src.as_deref()),
            ("a “clear mandate” from voters", Some("Berg"))
        );
        let (_, c, _, _) =
            one("Title\nAmid what the Herald called a “hard week,” the polls moved.");
        assert_eq!(c, "a “hard week,”");
    }

    #[test]
    fn a_naming_verbs_quoted_complement_ends_before_an_adjunct_of_the_occasion() {
        let (_, c, _, _) =
            one("Title\nLind called the merger “a terrible deal” in a radio interview Friday.");
        assert_eq!(c, "the merger “a terrible deal”");
        // Not before an adjunct that belongs to the complement.
        let (_, c, _, _) =
            one("Title\nLind called the merger “a big step” in the effort to save the port.");
        assert_eq!(c, "the merger “a big step” in the effort to save the port");
    }

    #[test]
    fn a_coordinated_cue_in_a_subordinate_clause_takes_its_subject() {
        let p = parts(
            "Title\nWhen Lind criticised Berg over the ferry and called him a “coward,” the crowd \
             cheered.",
        );
        let called = p.iter().find(|s| s.2.as_deref() == Some("called"));
        assert_eq!(
            called.map(|s| (s.1.as_str(), s.3.as_deref())),
            Some(("him a “coward,”", Some("Lind"))),
            "{p:?}"
        );
    }

    #[test]
    fn a_subordinator_is_not_part_of_the_subject() {
        let (_, _, _, src) = one("Title\nWhen Lind left the hall, she said the pier was unsafe.");
        assert_eq!(src.as_deref(), Some("she"));
        let p = parts("Title\nWhile Lind said the pier was unsafe, the council disagreed.");
        assert_eq!(p[0].3.as_deref(), Some("Lind"), "{p:?}");
        let (_, c, _, src) = one(
            "Title\nAs Anna Berg, an expert on ports, noted, “Everyone is waiting for the council.”",
        );
        assert_eq!(
            (c.as_str(), src.as_deref()),
            (
                "“Everyone is waiting for the council.”",
                Some("Anna Berg, an expert on ports")
            )
        );
    }

    #[test]
    fn a_direction_mark_before_an_opening_mark() {
        let (k, c, _, src) =
            one("Title\n\u{202A}”The pier has to be rebuilt. It is old,” said Anna Berg.");
        assert_eq!(
            (k, c.as_str(), src.as_deref()),
            (
                Kind::Direct,
                "”The pier has to be rebuilt. It is old,”",
                Some("Anna Berg")
            )
        );
    }

    #[test]
    fn a_relative_pronoun_after_a_quotation_is_no_tag_subject() {
        let (_, c, cue, src) =
            one("Title\nThe mayor called the unions “bad partners” who want too much.");
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            (
                "the unions “bad partners” who want too much",
                Some("called"),
                Some("The mayor")
            )
        );
    }

    #[test]
    fn a_present_tense_cue_after_an_appositive_subject() {
        let (_, c, cue, src) =
            one("Title\nLi Wei, head of the port institute, calls Dunmore “a blunder.”");
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            (
                "Dunmore “a blunder.”",
                Some("calls"),
                Some("Li Wei, head of the port institute")
            )
        );
        let (_, c, _, src) =
            one("Title\nAnna Berg, the harbour master, plans to reopen the pier in May.");
        assert_eq!(
            (c.as_str(), src.as_deref()),
            (
                "to reopen the pier in May",
                Some("Anna Berg, the harbour master")
            )
        );
    }

    #[test]
    fn a_phrase_headed_by_a_role_or_a_quantity_is_the_whole_source() {
        let p = parts(
            "Title\nMayor Anna Berg opened the pier. A spokesman for the mayor said it was safe. \
             Some of her aides said it was late.",
        );
        let sources: Vec<_> = p.iter().map(|s| s.3.as_deref()).collect();
        assert_eq!(
            sources,
            [Some("A spokesman for the mayor"), Some("Some of her aides")],
            "{p:?}"
        );
    }

    #[test]
    fn a_relative_clause_inside_the_content_subject_is_no_end() {
        let (_, c, _, _) = one(
            "Title\nOne aide suggested asking whether Berg, who is a sailor, was in fact afraid of boats.",
        );
        assert_eq!(
            c,
            "asking whether Berg, who is a sailor, was in fact afraid of boats"
        );
        // (Nor a `, which` clause the rules would end a content at.)
        let (_, c, _, _) =
            one("Title\nLind said the ferry, which is run by the city, would not sail.");
        assert_eq!(c, "the ferry, which is run by the city, would not sail");
    }

    #[test]
    fn a_clause_after_and_with_he_or_she_goes_on_with_the_report() {
        let (_, c, cue, _) = one(
            "Title\nBerg said the harbour plan is “complex” and she feels she can win the vote.",
        );
        assert_eq!(
            (c.as_str(), cue.as_deref()),
            (
                "the harbour plan is “complex” and she feels she can win the vote",
                Some("said")
            )
        );
        // (Another speaker's clause still ends the content.)
        let p = parts(
            "Title\nBerg said the plan is complex, and his aide told reporters the vote was off.",
        );
        let contents: Vec<&str> = p.iter().map(|s| s.1.as_str()).collect();
        assert_eq!(contents, ["the plan is complex", "the vote was off"]);
    }

    #[test]
    fn a_verb_of_thought_after_and_in_a_that_clause_goes_on_with_the_report() {
        let (_, c, cue, _) = one(
            "Title\nBerg told the paper that the mayor knew all about the repairs and thought \
             the fuss over them was a “storm in a teacup.”",
        );
        assert_eq!(
            (c.as_str(), cue.as_deref()),
            (
                "that the mayor knew all about the repairs and thought the fuss over them was a “storm in a teacup.”",
                Some("told")
            )
        );
    }

    #[test]
    fn a_content_after_a_colon_runs_to_the_sentence_end() {
        let (_, c, _, _) = one(
            "Title\nBriggs said: Berg has already been tested, coming from far behind to a \"dead heat\" in May.",
        );
        assert_eq!(
            c,
            "Berg has already been tested, coming from far behind to a \"dead heat\" in May"
        );
    }

    #[test]
    fn a_noun_of_saying_with_a_that_clause_is_a_statement() {
        let p = parts("Title\nBerg stood by her comment that the pier is doomed.");
        let found = p.iter().find(|s| s.2.as_deref() == Some("comment"));
        assert_eq!(
            found.map(|s| (s.1.as_str(), s.3.as_deref())),
            Some(("that the pier is doomed", Some("her"))),
            "{p:?}"
        );
    }

    #[test]
    fn a_possessed_call_for_reports_its_object_and_lends_no_subject() {
        let p = parts(
            "Title\nBerg waited beside Novak after his call for a ferry ban and \
             suggested that the plan would hurt the port.",
        );
        let call = p.iter().find(|s| s.2.as_deref() == Some("call for"));
        assert_eq!(
            call.map(|s| (s.1.as_str(), s.3.as_deref())),
            Some(("a ferry ban", Some("his"))),
            "{p:?}"
        );
        let suggested = p.iter().find(|s| s.2.as_deref() == Some("suggested"));
        assert_eq!(
            suggested.map(|s| (s.1.as_str(), s.3.as_deref())),
            Some(("that the plan would hurt the port", Some("Berg"))),
            "{p:?}"
        );
    }

    #[test]
    fn a_possessed_promise_or_praise_reports_its_object() {
        let p = parts("Title\nThe crowd waited for hours after her promise of free ferries.");
        let promise = p.iter().find(|s| s.2.as_deref() == Some("promise of"));
        assert_eq!(
            promise.map(|s| (s.1.as_str(), s.3.as_deref())),
            Some(("free ferries", Some("her"))),
            "{p:?}"
        );
    }

    #[test]
    fn the_passive_said_to_is_a_report_without_a_source() {
        let p =
            parts("Title\nThe council chairman was said to be “furious” with Berg for the delay.");
        assert_eq!(p.len(), 1, "{p:?}");
        let (_, c, cue, src) = &p[0];
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            (
                "The council chairman was said to be “furious” with Berg for the delay",
                Some("was said"),
                None
            )
        );
    }

    #[test]
    fn an_adjunct_between_the_comma_and_an_inner_source_still_ends_the_content() {
        let p = parts(
            "Title\nThough Berg has said the delay was a mistake, at the meeting this week she said \
             she did not think it was “a scandal.”",
        );
        let contents: Vec<&str> = p.iter().map(|s| s.1.as_str()).collect();
        assert_eq!(
            contents,
            [
                "the delay was a mistake",
                "she did not think it was “a scandal.”"
            ],
            "{p:?}"
        );
    }

    #[test]
    fn a_bare_verb_after_a_modal_and_and_goes_on_with_the_content() {
        let (_, c, cue, _) =
            one("Title\nBerg says she would sit Novak down and tell him “no more delays.”");
        assert_eq!(
            (c.as_str(), cue.as_deref()),
            (
                "she would sit Novak down and tell him “no more delays.”",
                Some("says")
            )
        );
        // (A present-tense report of its own still stands apart.)
        let p =
            parts("Title\nSome captains think the pier is unsafe and warn that ferries may stop.");
        let contents: Vec<&str> = p.iter().map(|s| s.1.as_str()).collect();
        assert_eq!(
            contents,
            ["the pier is unsafe", "that ferries may stop"],
            "{p:?}"
        );
    }

    #[test]
    fn a_coordinated_verb_takes_the_subject_before_an_irregular_past() {
        let p = parts("Title\nOkafor made a joke about boats and called Brandt “very seaworthy.”");
        let called = p.iter().find(|s| s.2.as_deref() == Some("called"));
        assert_eq!(called.and_then(|s| s.3.as_deref()), Some("Okafor"), "{p:?}");
    }

    #[test]
    fn a_digest_line_names_its_source_after_a_dash() {
        let (k, c, _, src) = one(
            "Title\nPier polls were not wrong, just early - Anna Berg: “The polls were fine. They ended too early.”",
        );
        assert_eq!(
            (k, c.as_str(), src.as_deref()),
            (
                Kind::Direct,
                "“The polls were fine. They ended too early.”",
                Some("Anna Berg")
            )
        );
    }

    #[test]
    fn more_verbs_of_complaint_and_boast_are_cues() {
        for verb in [
            "groused",
            "griped",
            "bragged",
            "sniped",
            "surmised",
            "intimated",
        ] {
            let text = format!("Title\nThe mayor {verb} that the pier was unsafe.");
            let (_, c, cue, src) = one(&text);
            assert_eq!(
                (c.as_str(), cue.as_deref(), src.as_deref()),
                ("that the pier was unsafe", Some(verb), Some("The mayor"))
            );
        }
    }

    #[test]
    fn grousing_and_proclaims_are_cues() {
        let (_, c, cue, src) =
            one("Title\nThe mayor was grousing that the “fake” flyers were everywhere.");
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            (
                "that the “fake” flyers were everywhere",
                Some("grousing"),
                Some("The mayor")
            )
        );
        let (_, c, cue, _) = one("Title\nLind proclaims the plan a “fine piece of work.”");
        assert_eq!(
            (c.as_str(), cue.as_deref()),
            ("the plan a “fine piece of work.”", Some("proclaims"))
        );
    }

    #[test]
    fn an_appositive_inside_the_content_subject_is_no_end() {
        let (_, c, _, _) =
            one("Title\nLind said that Berg, a first-time mayor, was learning on the job.");
        assert_eq!(c, "that Berg, a first-time mayor, was learning on the job");
    }

    #[test]
    fn a_quotation_that_trails_off_before_its_tag() {
        for text in [
            "Title\n“We will rebuild …” Berg said, before pausing.",
            "Title\n“We will rebuild...” Berg said.",
        ] {
            let (k, _, cue, src) = one(text);
            assert_eq!(
                (k, cue.as_deref(), src.as_deref()),
                (Kind::Direct, Some("said"), Some("Berg"))
            );
        }
    }

    #[test]
    fn a_statement_after_the_end_model_cut_is_not_nested() {
        let p = parts(
            "Title\nPort guards cannot see the boats at night, a gap in harbour security that \
             local experts say makes the new fence useless.",
        );
        let say = p.iter().find(|s| s.2.as_deref() == Some("say"));
        assert_eq!(
            say.map(|s| (s.1.as_str(), s.3.as_deref())),
            Some(("makes the new fence useless", Some("local experts"))),
            "{p:?}"
        );
    }

    #[test]
    fn a_comma_after_the_addressee_s_clause_is_not_the_content_start() {
        let p = parts("Title\nBerg told reporters the pier was safe, though critics disagree.");
        let told = p.iter().find(|s| s.2.as_deref() == Some("told"));
        assert_eq!(
            told.map(|s| s.1.as_str()),
            Some("the pier was safe"),
            "{p:?}"
        );
        // (The quotation after the addressee's comma is still the content.)
        let (_, c, _, _) = one("Title\nBerg told the conference, “The pier is safe.”");
        assert_eq!(c, "“The pier is safe.”");
    }

    #[test]
    fn a_belief_adjective_after_a_linking_verb_takes_the_subject() {
        let (_, c, cue, src) = one("Title
The harbour pilots are increasingly confident that the fog will lift.");
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            (
                "that the fog will lift",
                Some("confident"),
                Some("The harbour pilots")
            )
        );
        let (_, _, _, src) = one("Title
Berg has remained hopeful that the ferry will run.");
        assert_eq!(src.as_deref(), Some("Berg"));
        // (A noun of belief keeps its possessor: `her hope that`.)
        let (_, _, _, src) = one("Title
The plan rests on her hope that the ferry will run.");
        assert_eq!(src.as_deref(), Some("her"));
    }

    #[test]
    fn the_agent_of_asked_is_the_source() {
        let (_, c, cue, src) = one("Title
Berg was asked by a local reporter whether the pier would reopen.");
        assert_eq!(
            (c.as_str(), cue.as_deref(), src.as_deref()),
            (
                "whether the pier would reopen",
                Some("asked"),
                Some("a local reporter")
            )
        );
        // (Without an agent, whoever asked goes unnamed.)
        let (_, _, _, src) = one("Title
Berg was asked whether the pier would reopen.");
        assert_eq!(src, None);
    }

    #[test]
    fn frequency_adverbs_stand_between_subject_and_cue() {
        let (_, _, cue, src) =
            one("Title\nThe harbour board has always maintained that the pier was safe.");
        assert_eq!(
            (cue.as_deref(), src.as_deref()),
            (Some("maintained"), Some("The harbour board"))
        );
        let (_, _, _, src) = one("Title\nBerg sometimes says the ferry is late.");
        assert_eq!(src.as_deref(), Some("Berg"));
    }

    #[test]
    fn only_and_instead_stand_between_subject_and_cue() {
        let (_, _, _, src) = one("Title\nBerg would only say that the pier was old.");
        assert_eq!(src.as_deref(), Some("Berg"));
        let (_, _, _, src) = one("Title\nThe mayor instead argued that the pier was old.");
        assert_eq!(src.as_deref(), Some("The mayor"));
        let p = parts("Title\nThe board met on Monday, instead urging the city to wait.");
        let urging = p.iter().find(|s| s.2.as_deref() == Some("urging"));
        assert_eq!(
            urging.and_then(|s| s.3.as_deref()),
            Some("The board"),
            "{p:?}"
        );
        // (`the only senator` keeps its determiner.)
        let (_, _, _, src) = one("Title\nBerg is the only member who said the pier was old.");
        assert_ne!(src.as_deref(), Some("the"));
    }

    #[test]
    fn a_manner_adverb_after_an_appositive_keeps_the_subject() {
        let (_, _, cue, src) = one(
            "Title\nAna Berg, the harbour master, sharply criticized the plan to close the pier.",
        );
        assert_eq!(
            (cue.as_deref(), src.as_deref()),
            (Some("criticized"), Some("Ana Berg, the harbour master"))
        );
    }
}
