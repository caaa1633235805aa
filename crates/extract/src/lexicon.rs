//! Closed word lists: cue verbs, function words, titles. Plain data, no logic
//! beyond lookups.
//!
//! Cue forms were chosen from general English (verbs of saying, thinking,
//! wanting and showing, in every inflection) and kept when they mark an
//! attribution in most of their uses in news text; forms that usually do
//! something else ("called", "found", "shows" without a clause) are left out
//! or restricted by the rules that use them.

/// How a cue verb takes its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// say, add, stress: the content is the following clause or quote.
    Speech,
    /// tell, ask, remind, assure: an addressee comes before the content.
    Addressed,
    /// A participle after a comma (", adding that ..."): the subject is the
    /// main clause's.
    Participle,
}

const SPEECH: &[&str] = &[
    "pointed",
    "points",
    "point",
    "say",
    "says",
    "said",
    "add",
    "adds",
    "added",
    "note",
    "notes",
    "noted",
    "stress",
    "stresses",
    "stressed",
    "emphasize",
    "emphasizes",
    "emphasized",
    "emphasise",
    "emphasises",
    "emphasised",
    "underline",
    "underlines",
    "underlined",
    "underscore",
    "underscores",
    "underscored",
    "warn",
    "warns",
    "warned",
    "insist",
    "insists",
    "insisted",
    "argue",
    "argues",
    "argued",
    "claim",
    "claims",
    "claimed",
    "state",
    "states",
    "stated",
    "declare",
    "declares",
    "declared",
    "announce",
    "announces",
    "announced",
    "explain",
    "explains",
    "explained",
    "write",
    "writes",
    "wrote",
    "tweet",
    "tweets",
    "tweeted",
    "report",
    "reports",
    "reported",
    "reply",
    "replies",
    "replied",
    "respond",
    "responds",
    "responded",
    "answer",
    "answered",
    "suggest",
    "suggests",
    "suggested",
    "admit",
    "admits",
    "admitted",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "concede",
    "concedes",
    "conceded",
    "deny",
    "denies",
    "denied",
    "confirm",
    "confirms",
    "confirmed",
    "predict",
    "predicts",
    "predicted",
    "promise",
    "promises",
    "promised",
    "pledge",
    "pledges",
    "pledged",
    "vow",
    "vows",
    "vowed",
    "urge",
    "urges",
    "urged",
    "recall",
    "recalls",
    "recalled",
    "repeat",
    "repeated",
    "reiterate",
    "reiterates",
    "reiterated",
    "remark",
    "remarks",
    "remarked",
    "observe",
    "observes",
    "observed",
    "comment",
    "commented",
    "continue",
    "continues",
    "continued",
    "conclude",
    "concludes",
    "concluded",
    "complain",
    "complains",
    "complained",
    "criticize",
    "criticizes",
    "criticized",
    "criticise",
    "criticised",
    "accuse",
    "accuses",
    "accused",
    "blame",
    "blames",
    "blamed",
    "praise",
    "praises",
    "praised",
    "describe",
    "describes",
    "described",
    "propose",
    "proposes",
    "proposed",
    "recommend",
    "recommended",
    "demand",
    "demands",
    "demanded",
    "assert",
    "asserts",
    "asserted",
    "contend",
    "contends",
    "contended",
    "maintain",
    "maintains",
    "maintained",
    "mention",
    "mentions",
    "mentioned",
    "reveal",
    "reveals",
    "revealed",
    "disclose",
    "disclosed",
    "indicate",
    "indicates",
    "indicated",
    "signal",
    "signaled",
    "signalled",
    "highlight",
    "highlighted",
    "caution",
    "cautions",
    "cautioned",
    "boast",
    "boasts",
    "boasted",
    "joke",
    "jokes",
    "joked",
    "quip",
    "quips",
    "quipped",
    "grouse",
    "groused",
    "sniped",
    "grumbled",
    "scoffed",
    "brag",
    "brags",
    "bragged",
    "gushed",
    "griped",
    "ranted",
    "marveled",
    "marvelled",
    "theorized",
    "surmised",
    "insinuated",
    "intimated",
    "intimates",
    "intoned",
    "shout",
    "shouted",
    "testify",
    "testified",
    "allege",
    "alleges",
    "alleged",
    "speculate",
    "speculated",
    "estimate",
    "estimates",
    "estimated",
    "believe",
    "believes",
    "believed",
    "think",
    "thinks",
    "thought",
    "hope",
    "hopes",
    "hoped",
    "fear",
    "fears",
    "feared",
    "doubt",
    "doubts",
    "doubted",
    "wonder",
    "wondered",
    "agree",
    "agrees",
    "agreed",
    "expect",
    "expects",
    "know",
    "knows",
    "knew",
    "hail",
    "hails",
    "hailed",
    "lament",
    "lamented",
    "decry",
    "decried",
    "denounce",
    "denounces",
    "denounced",
    "condemn",
    "condemns",
    "condemned",
    "dismiss",
    "dismisses",
    "dismissed",
    "reject",
    "rejects",
    "rejected",
    "question",
    "questioned",
    "defend",
    "defends",
    "defended",
    "cite",
    "cites",
    "cited",
    "endorse",
    "endorses",
    "endorsed",
    "blast",
    "blasts",
    "blasted",
    "slam",
    "slams",
    "slammed",
    "mock",
    "mocked",
    "tout",
    "touts",
    "touted",
    "rail",
    "railed",
    "echo",
    "echoed",
    "plead",
    "pleaded",
    "recount",
    "recounted",
    "interject",
    "interjected",
    "muse",
    "mused",
    "acquiesce",
    "retort",
    "retorted",
    "exclaim",
    "exclaimed",
    "concur",
    "concurred",
    "vowing",
    "posit",
    "posited",
    "opine",
    "opined",
    "counter",
    "countered",
    "imply",
    "implies",
    "implied",
    "hint",
    "hints",
    "hinted",
    "reckon",
    "reckons",
    "ruled",
    "rules",
    "decided",
    "read",
    "reads",
    "show",
    "shows",
    "showed",
    "found",
    "finds",
    "suggesting",
    "want",
    "wants",
    "wanted",
    "plan",
    "plans",
    "planned",
    "seek",
    "seeks",
    "sought",
    "refuse",
    "refuses",
    "refused",
    "decline",
    "declines",
    "declined",
    "intend",
    "intends",
    "intended",
    "prefer",
    "prefers",
    "preferred",
    "support",
    "supports",
    "supported",
    "oppose",
    "opposes",
    "opposed",
    "worry",
    "worries",
    "worried",
    "forecast",
    "forecasts",
    "projected",
    "calls",
    "call",
    "called",
    "explain",
    "laments",
    "bemoaned",
    "assail",
    "assailed",
    "lambasted",
    "rebuked",
    "derided",
    "ridiculed",
    "emailed",
    "texted",
    "posted",
    "wrote",
    "realize",
    "realized",
    "recognize",
    "recognized",
    "learned",
    "understand",
    "understands",
    "understood",
    "see",
    "sees",
    "saw",
    "feel",
    "feels",
    "felt",
];

/// Verbs whose content is usually their object ("attacked the plan"): cues
/// on their right side only, unless a quotation stands on their left.
const OBJECT: &[&str] = &[
    "accuse",
    "accused",
    "expressed",
    "express",
    "expresses",
    "offered",
    "attacked",
    "attacks",
    "talked",
    "talk",
    "talks",
    "talking",
    "discuss",
    "discussed",
    "discusses",
    "ordered",
    "referred",
    "listed",
    "challenged",
    "deemed",
    "voiced",
    "portrayed",
    "portray",
    "portrays",
    "encouraged",
    "thanked",
    "remembered",
    "remembers",
    "retweeted",
    "quoted",
    "chanted",
    "chants",
    "applauded",
    "referenced",
    "championed",
    "likened",
    "invoked",
    "documented",
    "yelled",
    "considers",
    "regarded",
    "labeled",
    "labelled",
    "unveiled",
    "dubbed",
    "refers",
    "articulated",
    "outlined",
    "proclaimed",
    "proclaims",
    "rebut",
    "credited",
    "lauded",
    "exhorted",
    "characterized",
    "characterised",
    "sings",
    "sang",
    "spoke",
    "lashed",
    "accuses",
    "praises",
    "criticizes",
    "slammed",
    "welcomed",
    "applauds",
    "mocks",
    "backed",
    "endorsing",
    "supporting",
    "seeking",
    "issued",
    "named",
    "considered",
    "considering",
    "signed",
    "shared",
    "offering",
    "identified",
    "nominated",
    "requested",
    "favored",
    "viewed",
    "threatened",
    "threatening",
    "ignored",
    "promote",
    "embraced",
    "approved",
    "lists",
    "encourage",
    "celebrated",
    "believing",
    "attributed",
    "expecting",
    "titled",
    "rattled",
    "noticed",
    "naming",
    "balked",
    "avoided",
    "threaten",
    "suspected",
    "sparred",
    "singled",
    "portraying",
    "listing",
    "justify",
    "imagined",
    "disavow",
    "congratulated",
    "brushed",
    "acquiesced",
    "exposed",
    "booed",
];

const ADDRESSED: &[&str] = &[
    "tell",
    "tells",
    "told",
    "ask",
    "asks",
    "asked",
    "remind",
    "reminds",
    "reminded",
    "assure",
    "assures",
    "assured",
    "inform",
    "informs",
    "informed",
    "convince",
    "convinced",
    "persuade",
    "persuaded",
    "notify",
    "notified",
    "advise",
    "advised",
    "urge",
    "warn",
];

const PARTICIPLE: &[&str] = &[
    "saying",
    "intimating",
    "grousing",
    "adding",
    "noting",
    "stressing",
    "emphasizing",
    "emphasising",
    "warning",
    "insisting",
    "arguing",
    "claiming",
    "stating",
    "declaring",
    "announcing",
    "explaining",
    "telling",
    "asking",
    "suggesting",
    "admitting",
    "acknowledging",
    "denying",
    "confirming",
    "predicting",
    "promising",
    "pledging",
    "vowing",
    "urging",
    "recalling",
    "repeating",
    "reiterating",
    "remarking",
    "observing",
    "complaining",
    "criticizing",
    "accusing",
    "blaming",
    "praising",
    "describing",
    "calling",
    "citing",
    "referring",
    "pointing",
    "writing",
    "tweeting",
    "reminding",
    "assuring",
    "questioning",
    "dismissing",
    "rejecting",
    "defending",
    "alleging",
    "contending",
    "maintaining",
    "mentioning",
    "revealing",
    "indicating",
    "highlighting",
    "cautioning",
    "boasting",
    "joking",
    "hoping",
    "arguing",
    "lamenting",
    "denouncing",
    "condemning",
    "touting",
    "echoing",
    "implying",
    "hinting",
    "replying",
    "responding",
    "concluding",
    "continuing",
    "answering",
    "blasting",
    "slamming",
    "mocking",
    "detailing",
    "asserting",
    "outlining",
    "chanting",
    "thanking",
    "proposing",
    "discussing",
    "refusing",
    "pointing",
    "recognizing",
    "alluding",
    "fearing",
    "wondering",
    "referencing",
    "expressing",
    "attacking",
    "characterizing",
    "lauding",
    "urging",
    "demanding",
    "predicting",
    "shouting",
    "yelling",
    "screaming",
    "interjecting",
    "quipping",
    "exclaiming",
    "retorting",
];

/// Fast maps and sets for words and token ranges: FxHash (rustc-hash) hashes a
/// word a machine word at a time; SipHash's protection against adversarial keys
/// is not needed here, and no output depends on iteration order.
pub type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;
pub type FxSet<K> = rustc_hash::FxHashSet<K>;

/// The cue table: every cue form with its class.
pub fn cue_table() -> FxMap<&'static str, CueClass> {
    let mut m = FxMap::default();
    for w in SPEECH {
        m.insert(*w, CueClass::Speech);
    }
    for w in OBJECT {
        m.insert(*w, CueClass::Speech);
    }
    for w in ADDRESSED {
        m.insert(*w, CueClass::Addressed);
    }
    for w in PARTICIPLE {
        m.insert(*w, CueClass::Participle);
    }
    m
}

/// Cue forms that are cues only when a clause or quote follows (not when an
/// object noun does): "called", "shows", "found", "know", ...
pub fn needs_clause(lower: &str) -> bool {
    matches!(
        lower,
        "add"
            | "adds"
            | "added"
            | "call"
            | "calls"
            | "called"
            | "show"
            | "shows"
            | "showed"
            | "found"
            | "finds"
            | "know"
            | "knows"
            | "knew"
            | "see"
            | "sees"
            | "saw"
            | "feel"
            | "feels"
            | "felt"
            | "read"
            | "reads"
            | "want"
            | "wants"
            | "wanted"
            | "plan"
            | "plans"
            | "planned"
            | "seek"
            | "seeks"
            | "sought"
            | "expect"
            | "expects"
            | "support"
            | "supports"
            | "supported"
            | "oppose"
            | "opposes"
            | "opposed"
            | "ruled"
            | "rules"
            | "decided"
            | "learned"
            | "understand"
            | "understands"
            | "understood"
            | "realize"
            | "realized"
            | "recognize"
            | "recognized"
            | "estimate"
            | "estimates"
            | "estimated"
            | "continue"
            | "continues"
            | "continued"
            | "question"
            | "questioned"
            | "answer"
            | "answered"
            | "counter"
            | "countered"
            | "respond"
            | "responds"
            | "responded"
            | "report"
            | "reports"
            | "reported"
            | "posted"
            | "state"
            | "states"
            | "comment"
            | "remarks"
            | "cite"
            | "cites"
            | "cited"
            | "fear"
            | "fears"
            | "feared"
            | "worry"
            | "worries"
            | "worried"
            | "hope"
            | "hopes"
            | "hoped"
            | "doubt"
            | "doubts"
            | "refuse"
            | "refuses"
            | "refused"
            | "decline"
            | "declines"
            | "declined"
            | "intend"
            | "intends"
            | "intended"
            | "prefer"
            | "prefers"
            | "preferred"
            | "forecast"
            | "forecasts"
            | "projected"
            | "echo"
            | "echoed"
            | "agree"
            | "agrees"
            | "agreed"
            | "think"
            | "thinks"
            | "thought"
            | "believe"
            | "believes"
            | "believed"
            | "maintain"
            | "maintains"
            | "maintained"
    )
}

/// Clause-taking cue forms that also take a noun-phrase object as content
/// (`opposed the bill`, `reported 906 attacks`, `cited the study`): not the
/// forms that are often nouns (`support`, `shows`), aspect verbs (`continue`)
/// or verbs of knowing and keeping (`know`, `maintain`).
pub fn takes_object(lower: &str) -> bool {
    needs_clause(lower)
        && !nounish(lower)
        && !matches!(
            lower,
            "continue"
                | "continues"
                | "continued"
                | "add"
                | "adds"
                | "state"
                | "states"
                | "maintain"
                | "maintains"
                | "maintained"
                | "know"
                | "knows"
                | "knew"
        )
}

/// Nouns and adjectives of saying and believing that take a complement
/// clause (`the claim that`, `confident that`).
pub fn is_content_noun(lower: &str) -> bool {
    matches!(
        lower,
        "idea"
            | "claim"
            | "claims"
            | "assertion"
            | "suggestion"
            | "allegation"
            | "allegations"
            | "concern"
            | "concerns"
            | "complaint"
            | "complaints"
            | "fear"
            | "fears"
            | "hope"
            | "hopes"
            | "belief"
            | "notion"
            | "argument"
            | "speculation"
            | "rumors"
            | "rumours"
            | "warning"
            | "warnings"
            | "insistence"
            | "assumption"
            | "view"
            | "promise"
            | "pledge"
            | "acknowledgment"
            | "comment"
            | "comments"
            | "remark"
            | "remarks"
            | "statement"
            | "prediction"
            | "predictions"
            | "declaration"
            | "assessment"
            | "observation"
            | "charge"
            | "charges"
            | "message"
            | "admission"
            | "accusation"
            | "accusations"
            | "contention"
            | "expectation"
            | "expectations"
            | "suspicion"
            | "doubts"
    ) || is_belief_adjective(lower)
}

/// Adjectives of belief and feeling that take a complement clause after a
/// linking verb (`his aides are confident that`), unlike the nouns of
/// [`is_content_noun`].
pub fn is_belief_adjective(lower: &str) -> bool {
    matches!(
        lower,
        "confident"
            | "convinced"
            | "optimistic"
            | "aware"
            | "hopeful"
            | "worried"
            | "afraid"
            | "skeptical"
    )
}

/// The forms of `be` (a passive's or a copula's auxiliary).
pub fn is_be_form(lower: &str) -> bool {
    matches!(
        lower,
        "is" | "are" | "was" | "were" | "be" | "been" | "being"
    )
}

/// Linking verbs other than `be` (`remained hopeful`, `felt confident`).
pub fn is_linking_verb(lower: &str) -> bool {
    matches!(
        lower,
        "remain"
            | "remains"
            | "remained"
            | "seem"
            | "seems"
            | "seemed"
            | "feel"
            | "feels"
            | "felt"
            | "grew"
            | "become"
            | "becomes"
            | "became"
            | "appear"
            | "appears"
            | "appeared"
    )
}

/// Verbs of thought and belief, whose that-less clause may open with a name
/// (`believe Trump cannot win`).
pub fn is_cognition(lower: &str) -> bool {
    matches!(
        lower,
        "think"
            | "thinks"
            | "thought"
            | "believe"
            | "believes"
            | "believed"
            | "know"
            | "knows"
            | "knew"
            | "feel"
            | "feels"
            | "felt"
            | "hope"
            | "hopes"
            | "hoped"
            | "expect"
            | "expects"
            | "fear"
            | "fears"
            | "feared"
            | "doubt"
            | "doubts"
            | "understand"
            | "understands"
            | "understood"
            | "realize"
            | "realized"
            | "agree"
            | "agrees"
            | "agreed"
    )
}

/// Finite auxiliaries and modals (`will`, `can't`, `is`): a clause's verb.
pub fn is_auxiliary(lower: &str) -> bool {
    matches!(
        lower,
        "is" | "are"
            | "was"
            | "were"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "must"
            | "may"
            | "might"
            | "has"
            | "have"
            | "had"
            | "does"
            | "did"
            | "cannot"
            | "can't"
            | "won't"
            | "isn't"
            | "wasn't"
            | "doesn't"
            | "didn't"
            | "wouldn't"
            | "couldn't"
            | "shouldn't"
    )
}

/// Cue forms too ambiguous to take content on their left unless it is a
/// quotation (`“...,” he continued` but not `Y, X continues`).
pub fn weak_left(lower: &str) -> bool {
    OBJECT.contains(&lower)
        || needs_clause(lower)
            && !matches!(
                lower,
                "add"
                    | "adds"
                    | "added"
                    | "report"
                    | "reports"
                    | "reported"
                    | "state"
                    | "states"
                    | "comment"
                    | "think"
                    | "thinks"
                    | "believe"
                    | "believes"
                    | "believed"
                    | "agreed"
                    | "continued"
            )
}

/// A noun of speech and the preposition that introduces its content
/// (`questions about X`, `criticism of X`): the pairs whose content matched
/// a PolNeAR train attribution in more than 40 % of their uses.
pub fn noun_object_cue(noun: &str, prep: &str) -> bool {
    match (noun, prep) {
        ("question" | "questions", "about")
        | ("attack" | "attacks", "against")
        | ("comment" | "comments", "about")
        | ("doubt" | "doubts", "about")
        | ("view" | "views", "on") => true,
        // (The noun is looked at only after `of`: this runs for every word.)
        (_, "of") => noun == "criticism" || chant_noun(noun),
        _ => false,
    }
}

/// Nouns of chanting and crying out (`chants of “A!”`): cues only before
/// a quotation.
pub fn chant_noun(noun: &str) -> bool {
    matches!(
        noun,
        "chant" | "chants" | "cries" | "cry" | "shouts" | "calls"
    )
}

/// Pairs that report only after a possessor (`his attacks on X`; 13 of 26
/// train uses match, against 22 of 72 without the possessor).
#[inline]
pub fn possessed_noun_object_cue(noun: &str, prep: &str) -> bool {
    // (The preposition first: this runs for every word.)
    match prep {
        "on" => matches!(noun, "attack" | "attacks"),
        "for" => matches!(noun, "call" | "calls" | "praise"),
        "of" => matches!(
            noun,
            "promise" | "promises" | "praise" | "characterization" | "description"
        ),
        "about" => matches!(noun, "warning" | "warnings"),
        _ => false,
    }
}

/// Irregular past tenses of verbs of saying and thinking (`told`, `thought`).
pub fn is_irregular_past_cue(lower: &str) -> bool {
    matches!(
        lower,
        "said"
            | "told"
            | "wrote"
            | "thought"
            | "felt"
            | "knew"
            | "spoke"
            | "saw"
            | "heard"
            | "swore"
            | "meant"
            | "read"
            | "put"
    )
}

/// Modal verbs, also contracted (`would`, `she'd`).
pub fn is_modal(lower: &str) -> bool {
    matches!(
        lower,
        "would" | "will" | "could" | "should" | "can" | "might" | "must"
    ) || lower.ends_with("'d")
        || lower.ends_with("’d")
}

/// Common irregular past tenses that are not cues (`The mayor began by ...`).
pub fn is_irregular_past(lower: &str) -> bool {
    matches!(
        lower,
        "began"
            | "went"
            | "came"
            | "took"
            | "made"
            | "gave"
            | "got"
            | "held"
            | "left"
            | "stood"
            | "sat"
            | "ran"
            | "met"
            | "sent"
            | "spent"
            | "kept"
            | "brought"
            | "won"
            | "lost"
            | "led"
            | "put"
            | "struck"
            | "threw"
            | "broke"
            | "drew"
            | "rose"
            | "fell"
            | "became"
    )
}

/// Participles of saying that report what another verb did after `by`
/// (`defended the remark by saying X`), unlike `by refusing to`.
pub fn is_saying_participle(lower: &str) -> bool {
    matches!(
        lower,
        "saying"
            | "calling"
            | "telling"
            | "noting"
            | "arguing"
            | "insisting"
            | "suggesting"
            | "tweeting"
            | "declaring"
            | "asking"
            | "writing"
            | "stating"
            | "claiming"
            | "pointing"
            | "joking"
            | "asserting"
            | "reminding"
            | "pledging"
            | "vowing"
            | "promising"
            | "warning"
            | "accusing"
            | "describing"
    )
}

/// Manner-of-speaking participles that are cues only right before a
/// quotation (`shouting “Lock her up!”`, not `shouting matches`).
pub fn needs_quote(lower: &str) -> bool {
    matches!(
        lower,
        "shouting"
            | "yelling"
            | "screaming"
            | "interjecting"
            | "quipping"
            | "exclaiming"
            | "retorting"
    )
}

/// Words that make `show` a noun before it (`talk show`, `gun show`).
pub fn is_show_kind(lower: &str) -> bool {
    matches!(
        lower,
        "talk"
            | "tv"
            | "television"
            | "radio"
            | "daily"
            | "news"
            | "quiz"
            | "reality"
            | "comedy"
            | "variety"
            | "morning"
            | "late-night"
            | "award"
            | "awards"
            | "gun"
            | "trade"
            | "road"
            | "slide"
            | "fashion"
            | "car"
            | "auto"
            | "air"
            | "horse"
            | "dog"
            | "cooking"
            | "chat"
    )
}

/// Cue forms that are often nouns ("a report", "her calls", "the rules").
pub fn nounish(lower: &str) -> bool {
    matches!(
        lower,
        "report"
            | "reports"
            | "tweet"
            | "tweets"
            | "jokes"
            | "quips"
            | "call"
            | "calls"
            | "comment"
            | "comments"
            | "remarks"
            | "claims"
            | "claim"
            | "plans"
            | "plan"
            | "rules"
            | "states"
            | "promise"
            | "promises"
            | "answers"
            | "fears"
            | "fear"
            | "hopes"
            | "hope"
            | "doubts"
            | "worries"
            | "reads"
            | "demands"
            | "demand"
            | "shows"
            | "supports"
            | "support"
            | "notes"
            | "estimates"
            | "forecast"
            | "forecasts"
            | "pledge"
            | "pledges"
            | "vows"
            | "cites"
            | "counter"
            | "echo"
            | "signals"
            | "question"
            | "questions"
            | "answer"
            | "praise"
            | "blame"
            | "needs"
            | "state"
            | "attacks"
            | "attack"
            | "pledged"
            | "remark"
            | "reply"
            | "rail"
            | "rails"
            | "statement"
    )
}

/// Phrasal cues: a verb and the preposition that introduces its content.
const PHRASAL: &[(&str, &[&str])] = &[
    ("talk", &["about"]),
    ("talks", &["about"]),
    ("talked", &["about"]),
    ("talking", &["about"]),
    ("spoke", &["about", "of"]),
    ("speaks", &["about", "of"]),
    ("speak", &["about", "of"]),
    ("asked", &["about", "for"]),
    ("asks", &["about", "for"]),
    ("ask", &["about", "for"]),
    ("called", &["for", "on"]),
    ("calls", &["for", "on"]),
    ("call", &["for", "on"]),
    ("calling", &["for", "on"]),
    ("pointed", &["to"]),
    ("points", &["to"]),
    ("pointing", &["to"]),
    ("worried", &["about"]),
    ("worries", &["about"]),
    ("complained", &["about", "of"]),
    ("complains", &["about", "of"]),
    ("voted", &["for", "against"]),
    ("vote", &["for", "against"]),
    ("votes", &["for", "against"]),
    ("focused", &["on"]),
    ("focuses", &["on"]),
    ("sided", &["with"]),
    ("railed", &["against"]),
    ("railing", &["against"]),
    ("rails", &["against"]),
    ("advocated", &["for"]),
    ("advocates", &["for"]),
    ("pushed", &["for"]),
    ("pushing", &["for"]),
    ("pushes", &["for"]),
    ("agreed", &["with"]),
    ("agree", &["with"]),
    ("agrees", &["with"]),
    ("disagreed", &["with"]),
    ("commented", &["on"]),
    ("comment", &["on"]),
    ("touched", &["on"]),
    ("warned", &["of", "against"]),
    ("warns", &["of", "against"]),
    ("lashed", &["out"]),
    ("fired", &["back"]),
    ("fires", &["back"]),
    ("shot", &["back"]),
    ("shoots", &["back"]),
    ("hit", &["back"]),
    ("hits", &["back"]),
    ("apologized", &["for"]),
    ("vouched", &["for"]),
    ("campaigned", &["for", "against"]),
    ("argued", &["for", "against"]),
    ("thinks", &["of", "about"]),
    ("thought", &["of", "about"]),
    ("cares", &["about"]),
    ("hinted", &["at"]),
    ("alluded", &["to"]),
    ("referred", &["to"]),
    ("refers", &["to"]),
];

/// A verb that is a cue only with the particle `back` ([`back_particle`]).
pub fn is_back_verb(lower: &str) -> bool {
    matches!(
        lower,
        "fired" | "fires" | "shot" | "shoots" | "hit" | "hits"
    )
}

/// After one of [`is_back_verb`]: `next` and `after` make it a cue (`fired
/// back`, `shot back`), which the cue lexicon does not list: alone it fires
/// staff and shoots films.
pub fn back_particle(next: &str, after: &str) -> bool {
    next == "back"
        // (`shot back up`: a rise; `fired back a letter saying ...`: the
        // document's participle is the cue.)
        && !matches!(after, "up" | "down" | "into" | "a" | "an")
}

/// Is `next` the particle that makes `lower` a phrasal cue?
pub fn phrasal_particle(lower: &str, next: &str) -> bool {
    PHRASAL
        .iter()
        .any(|(v, ps)| *v == lower && ps.contains(&next))
}

/// Verbs that are cues only with their particle ("talked about", not "talked").
pub fn phrasal_only(lower: &str) -> bool {
    matches!(
        lower,
        "talk"
            | "talks"
            | "talked"
            | "talking"
            | "spoke"
            | "speaks"
            | "speak"
            | "voted"
            | "vote"
            | "votes"
            | "focused"
            | "focuses"
            | "sided"
            | "railed"
            | "railing"
            | "rails"
            | "advocated"
            | "advocates"
            | "pushed"
            | "pushing"
            | "pushes"
            | "touched"
            | "lashed"
            | "apologized"
            | "vouched"
            | "campaigned"
            | "cares"
            | "hinted"
            | "alluded"
    )
}

/// A manner adverb in -ly the lists do not name (`erroneously`, `acutely`):
/// not a noun that ends so (`family`, `rally`, `assembly`).
pub fn is_ly_adverb(lower: &str) -> bool {
    lower.len() >= 5
        && lower.ends_with("ly")
        && lower.bytes().all(|b| b.is_ascii_lowercase())
        && !matches!(
            lower,
            "family"
                | "ally"
                | "rally"
                | "assembly"
                | "anomaly"
                | "monopoly"
                | "supply"
                | "reply"
                | "bully"
                | "belly"
                | "jelly"
                | "daily"
                | "weekly"
                | "monthly"
                | "quarterly"
                | "italy"
                | "homily"
                | "melancholy"
                | "butterfly"
        )
}

/// Adverbs and auxiliaries that may stand between a subject and its cue.
pub fn is_between_word(lower: &str) -> bool {
    is_weekday(lower)
        || matches!(lower, "today" | "yesterday" | "tonight")
        || matches!(
            lower,
            "also"
                | "always"
                | "instead"
                | "sometimes"
                | "ever"
                | "almost"
                | "seldom"
                | "however"
                | "therefore"
                | "thus"
                | "has"
                | "have"
                | "had"
                | "was"
                | "were"
                | "is"
                | "are"
                | "will"
                | "would"
                | "could"
                | "can"
                | "may"
                | "might"
                | "should"
                | "did"
                | "does"
                | "do"
                | "not"
                | "never"
                | "already"
                | "further"
                | "still"
                | "just"
                | "often"
                | "again"
                | "later"
                | "previously"
                | "recently"
                | "reportedly"
                | "then"
                | "repeatedly"
                | "publicly"
                | "privately"
                | "once"
                | "earlier"
                | "first"
                | "long"
                | "frequently"
                | "openly"
                | "simply"
                | "flatly"
                | "clearly"
                | "explicitly"
                | "firmly"
                | "strongly"
                | "immediately"
                | "quickly"
                | "subsequently"
                | "ultimately"
                | "initially"
                | "originally"
                | "specifically"
                | "even"
                | "actually"
                | "here"
                | "there"
                | "reportedly,"
                | "apparently"
                | "allegedly"
                | "now"
                | "too"
                | "herself"
                | "himself"
                | "themselves"
                | "itself"
                | "n't"
                | "been"
                | "being"
                | "be"
                | "had've"
                | "must"
                | "don't"
                | "doesn't"
                | "didn't"
                | "won't"
                | "wouldn't"
                | "can't"
                | "couldn't"
                | "hasn't"
                | "haven't"
                | "hadn't"
                | "isn't"
                | "wasn't"
                | "weren't"
                | "shouldn't"
                | "cannot"
        )
}

/// Things that hold language and show or record content: "the poll shows",
/// "records show", "an email showed".
pub fn is_artifact(lower: &str) -> bool {
    matches!(
        lower,
        "poll"
            | "polls"
            | "polling"
            | "survey"
            | "surveys"
            | "study"
            | "studies"
            | "report"
            | "reports"
            | "data"
            | "records"
            | "record"
            | "figures"
            | "numbers"
            | "email"
            | "emails"
            | "e-mail"
            | "e-mails"
            | "document"
            | "documents"
            | "results"
            | "analysis"
            | "research"
            | "memo"
            | "letter"
            | "video"
            | "videos"
            | "footage"
            | "photo"
            | "photos"
            | "statistics"
            | "filings"
            | "filing"
            | "count"
            | "tally"
            | "map"
            | "chart"
            | "graph"
            | "transcript"
            | "transcripts"
            | "exit"
            | "ballots"
            | "returns"
            | "estimates"
            | "projections"
            | "review"
            | "audit"
            | "investigation"
            | "probe"
            | "evidence"
            | "history"
            | "average"
            | "averages"
            | "tracker"
            | "index"
    )
}

/// Words that end a subject noun phrase when walking back from a cue.
pub fn is_np_stop(lower: &str) -> bool {
    is_weekday(lower)
        || matches!(
            lower,
            "that"
                | "and"
                | "but"
                | "or"
                | "because"
                | "when"
                | "while"
                | "as"
                | "if"
                | "after"
                | "before"
                | "since"
                | "though"
                | "although"
                | "so"
                | "yet"
                | "where"
                | "whether"
                | "than"
                | "until"
                | "unless"
                | "once"
                | "what"
                | "how"
                | "why"
                | "to"
                | "not"
                | "week"
                | "month"
                | "year"
                | "yesterday"
                | "today"
                | "tonight"
                | "weekend"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
                | "earlier"
                | "is"
                | "was"
                | "are"
                | "were"
                | "said"
                | "says"
                | "say"
                | "told"
                | "for"
                | "with"
                | "by"
                | "from"
                | "on"
                | "at"
                | "about"
                | "into"
                | "over"
                | "under"
                | "against"
                | "during"
                | "between"
                | "without"
                | "through"
                | "like"
                | "towards"
                | "toward"
                | "within"
                | "across"
                | "among"
                | "around"
                | "behind"
                | "beyond"
                | "upon"
                | "via"
                | "despite"
                | "amid"
                | "in"
                | "of"
                | "after,"
                | "than,"
                | "unlike"
                | "per"
                | "also"
                | "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "can"
                | "could"
                | "should"
                | "may"
                | "might"
                | "it's"
                | "there"
                | "here"
                | "this"
                | "these"
                | "those"
                | "then"
                | "thus"
                | "however"
        )
}

/// "they've" -> "they", "i'd" -> "i": a pronoun with a contracted auxiliary.
pub fn pronoun_base(lower: &str) -> &str {
    for suf in ["'ve", "'d", "'ll", "'re", "'s", "'m"] {
        if let Some(base) = lower.strip_suffix(suf) {
            if is_pronoun(base) {
                return base;
            }
        }
    }
    lower
}

pub fn is_weekday(lower: &str) -> bool {
    matches!(
        lower,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// A word that opens a subordinate clause (`When Lind left`, `As Berg noted`):
/// never part of the subject after it.
pub fn is_subordinator(lower: &str) -> bool {
    matches!(
        lower,
        "because"
            | "when"
            | "if"
            | "as"
            | "after"
            | "before"
            | "while"
            | "since"
            | "although"
            | "though"
            | "once"
            | "until"
            | "unless"
            | "whether"
            | "where"
    )
}

/// A verb that names its object with a complement (`called her “third-rate”`).
pub fn is_naming_verb(lower: &str) -> bool {
    is_calling_verb(lower)
        || matches!(
            lower,
            "described" | "describes" | "describing" | "branding" | "deemed"
        )
}

/// The naming verbs that give a name itself, not a description (`called`,
/// `dubbed`, `labeled`, `termed`, `branded`).
pub fn is_calling_verb(lower: &str) -> bool {
    matches!(
        lower,
        "call"
            | "calls"
            | "called"
            | "calling"
            | "dubbed"
            | "dubbing"
            | "labeled"
            | "labelled"
            | "labeling"
            | "branded"
            | "termed"
    )
}

/// A verb that describes its object as something (`an event billed as “A”`,
/// `dismissed as “A”`, `referred to as “A”`).
pub fn is_describing_verb(lower: &str) -> bool {
    matches!(
        lower,
        "described"
            | "describes"
            | "describing"
            | "describe"
            | "designated"
            | "billed"
            | "addressing"
            | "addressed"
            | "presenting"
            | "presented"
            | "presents"
            | "declaring"
            | "declared"
            | "label"
            | "labels"
            | "portrayed"
            | "portraying"
            | "portrays"
            | "characterized"
            | "characterizing"
            | "characterizes"
            | "touted"
            | "hailed"
            | "dismissed"
            | "derided"
            | "mocked"
            | "referred"
    )
}

pub fn is_pronoun(lower: &str) -> bool {
    matches!(
        lower,
        "he" | "she" | "they" | "i" | "we" | "it" | "you" | "who" | "which" | "whom" | "that"
    )
}

/// A personal pronoun that can be a clause's subject: [`is_pronoun`]
/// without the relatives (`who`, `which`, `whom`, `that`).
pub fn is_subject_pronoun(lower: &str) -> bool {
    matches!(lower, "he" | "she" | "they" | "i" | "we" | "it" | "you")
}

/// An article or a third-person possessive that opens a noun phrase (`the`,
/// `a`, `an`, `his`, `her`, `their`, `its`).
pub fn is_determiner(lower: &str) -> bool {
    matches!(lower, "the" | "a" | "an" | "his" | "her" | "their" | "its")
}

/// [`is_determiner`] or one of the other possessives (`our`, `my`, `your`):
/// a word before a noun, so the word after it is no verb (`their support`).
pub fn is_any_determiner(lower: &str) -> bool {
    is_determiner(lower) || matches!(lower, "our" | "my" | "your")
}

/// Places of two words or more, which a run of capitalized words would
/// otherwise take for a person's name (`New York`, `South Carolina`).
pub fn is_place_name(name: &str) -> bool {
    matches!(
        name,
        "New York"
            | "New York City"
            | "New Jersey"
            | "New Hampshire"
            | "New Mexico"
            | "New Orleans"
            | "New Zealand"
            | "New Delhi"
            | "North Carolina"
            | "South Carolina"
            | "North Dakota"
            | "South Dakota"
            | "West Virginia"
            | "Rhode Island"
            | "Long Island"
            | "Los Angeles"
            | "San Francisco"
            | "San Diego"
            | "San Jose"
            | "San Antonio"
            | "Las Vegas"
            | "Salt Lake City"
            | "Kansas City"
            | "St. Louis"
            | "Des Moines"
            | "Puerto Rico"
            | "United States"
            | "United Kingdom"
            | "Saudi Arabia"
            | "South Africa"
            | "North Korea"
            | "South Korea"
            | "Hong Kong"
            | "Sri Lanka"
            | "El Salvador"
            | "Costa Rica"
            | "Latin America"
            | "Middle East"
            | "Capitol Hill"
            | "Wall Street"
            | "White House"
    )
}

/// Titles that name a person's office or job (`Sen.`, `Gov.`, `Mayor`,
/// `spokesman`): inside a capitalized run (`Tartu Mayor Ivo Petek`) the
/// name follows the last of them. All are [`is_title_word`]s.
pub fn is_personal_title(lower: &str) -> bool {
    matches!(
        lower,
        "president"
            | "senator"
            | "sen"
            | "gov"
            | "governor"
            | "rep"
            | "representative"
            | "congressman"
            | "congresswoman"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "secretary"
            | "minister"
            | "chancellor"
            | "ambassador"
            | "mayor"
            | "judge"
            | "justice"
            | "speaker"
            | "leader"
            | "chairman"
            | "chairwoman"
            | "ceo"
            | "director"
            | "commissioner"
            | "envoy"
            | "attorney-general"
            | "general"
            | "sheriff"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
            | "professor"
            | "prof"
            | "gen"
            | "col"
            | "lt"
            | "sgt"
            | "capt"
            | "adm"
            | "rev"
            | "pope"
            | "premier"
            | "host"
            | "anchor"
            | "correspondent"
            | "editor"
            | "columnist"
            | "pollster"
            | "strategist"
            | "adviser"
            | "advisor"
            | "analyst"
            | "economist"
            | "founder"
            | "lawmaker"
            | "candidate"
            | "nominee"
    )
}

/// Title and role words that precede a name ("Foreign Minister Sergey Lavrov").
pub fn is_title_word(lower: &str) -> bool {
    is_personal_title(lower)
        || matches!(
            lower,
            "vice"
                | "prime"
                | "foreign"
                | "sen."
                | "gov."
                | "rep."
                | "deputy"
                | "chief"
                | "mr."
                | "mrs."
                | "ms."
                | "dr."
                | "chair"
                | "former"
                | "state"
                | "defense"
                | "defence"
                | "finance"
                | "interior"
                | "press"
                | "veteran"
                | "top"
                | "senior"
                | "head"
                | "king"
                | "queen"
                | "prince"
                | "father"
                | "sir"
                | "lord"
                | "lady"
                | "attorney"
                | "gen."
                | "diplomat"
                | "democrat"
                | "republican"
                | "democratic"
                | "gop"
                | "officer"
                | "official"
                | "aide"
                | "executive"
                | "manager"
                | "campaign"
                | "reporter"
                | "author"
                | "writer"
                | "assemblyman"
                | "councilman"
                | "councilwoman"
                | "first"
                | "us"
                | "u.s"
                | "uk"
                | "eu"
                | "un"
                | "nato"
                | "white"
                | "house"
                | "kremlin"
                | "commonwealth"
                | "development"
                | "affairs"
                | "trade"
                | "health"
                | "economy"
                | "energy"
                | "security"
                | "national"
                | "federal"
                | "presidential"
                | "hopeful"
                | "businessman"
                | "billionaire"
                | "mogul"
                | "activist"
                | "pastor"
                | "reverend"
                | "rev."
                | "bishop"
                | "chancellor's"
                | "emir"
                | "sheikh"
                | "crown"
                | "then"
                | "acting"
                | "incoming"
                | "outgoing"
                | "new"
                | "veteran's"
                | "ex"
                | "of"
                | "the"
                | "and"
                | "fisheries"
                | "agriculture"
                | "education"
                | "labour"
                | "labor"
                | "transport"
                | "culture"
                | "environment"
                | "economic"
                | "industry"
                | "treasury"
                | "communications"
                | "infrastructure"
                | "tourism"
                | "sport"
                | "science"
                | "technology"
                | "housing"
                | "immigration"
                | "veterans"
                | "homeland"
                | "intelligence"
                | "police"
                | "army"
                | "navy"
                | "city"
                | "county"
                | "council"
                | "parliament"
                | "party"
                | "opposition"
                | "union"
                | "ministry"
                | "department"
                | "agency"
                | "bureau"
                | "regional"
                | "provincial"
                | "local"
                | "municipal"
                | "district"
                | "central"
                | "bank"
                | "engineer"
                | "spokeswoman's"
                | "coach"
                | "inspector"
                | "superintendent"
                | "prosecutor"
                | "counsel"
                | "solicitor"
                | "mp"
                | "mep"
                | "chairperson"
                | "boss"
        )
}

/// Role nouns that may head a capitalized run at a sentence start
/// ("Critic Ivo Petek", "Economist Jan Novak").
pub fn is_role_noun(lower: &str) -> bool {
    matches!(
        lower,
        "critic"
            | "critics"
            | "expert"
            | "lawyer"
            | "historian"
            | "professor"
            | "researcher"
            | "voter"
            | "resident"
            | "witness"
    ) || (lower.ends_with("ist") && lower.len() > 5)
}

/// Words that head a phrase with `of` or `for` after them, so that the
/// whole phrase is the speaker (`some of her aides`, `a spokesman for the
/// mayor`, `the head of the institute`): quantities and people's roles.
pub fn is_phrase_head(lower: &str) -> bool {
    let singular = lower.strip_suffix('s').unwrap_or(lower);
    matches!(
        lower,
        "one"
            | "two"
            | "three"
            | "some"
            | "most"
            | "much"
            | "many"
            | "none"
            | "both"
            | "all"
            | "each"
            | "either"
            | "neither"
            | "several"
            | "few"
            | "half"
            | "majority"
            | "quarter"
            | "third"
            | "spokesmen"
            | "spokeswomen"
            | "chairmen"
            | "chairwomen"
    ) || lower.ends_with("-quarters")
        || lower.ends_with("-thirds")
        || matches!(
            singular,
            "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "head"
                | "chief"
                | "president"
                | "chairman"
                | "chairwoman"
                | "director"
                | "leader"
                | "member"
                | "official"
                | "organizer"
                | "founder"
                | "editor"
                | "columnist"
                | "aide"
                | "adviser"
                | "advisor"
                | "attorney"
                | "lawyer"
                | "proponent"
                | "opponent"
                | "supporter"
                | "backer"
                | "critic"
                | "representative"
                | "executive"
                | "secretary"
                | "governor"
                | "mayor"
                | "minister"
        )
}

/// A poll, survey or polling average (`an NBC News poll released Monday`):
/// the records of [`is_artifact`] that report what people think.
pub fn is_poll(lower: &str) -> bool {
    matches!(
        lower,
        "poll" | "polls" | "polling" | "survey" | "surveys" | "average" | "averages"
    )
}

/// Nationality and place adjectives that may stand in a title
/// ("Russian Foreign Minister").
/// `lower` must be lower-cased already (as `Doc::lower` gives it).
pub fn is_demonym(lower: &str) -> bool {
    // Institution words: "Fisheries", "Ministry", "Administration", "Department".
    if lower.ends_with("ies")
        || lower.ends_with("tion")
        || lower.ends_with("ment")
        || lower.ends_with("istry")
    {
        return true;
    }
    lower.ends_with("ian")
        || lower.ends_with("ese")
        || lower.ends_with("ish")
        || lower.ends_with("can")
        || matches!(
            lower,
            "french"
                | "greek"
                | "dutch"
                | "swiss"
                | "thai"
                | "iraqi"
                | "israeli"
                | "saudi"
                | "pakistani"
                | "afghan"
                | "czech"
                | "german"
                | "american"
                | "british"
        )
}

/// The short words a title in title case leaves in lower case (`Meet the
/// Voters With Dana Reyes`, `State of the Union`).
pub fn is_title_function_word(lower: &str) -> bool {
    matches!(
        lower,
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "with"
            | "by"
    )
}

/// Nouns for things that bear a name (`a group called`, `a film called`):
/// organisations, works, places, methods.
pub fn is_named_kind(lower: &str) -> bool {
    lower.ends_with("-maker")
        || matches!(
            lower,
            "group"
                | "organization"
                | "organisation"
                | "company"
                | "firm"
                | "startup"
                | "nonprofit"
                | "charity"
                | "foundation"
                | "fund"
                | "coalition"
                | "movement"
                | "party"
                | "network"
                | "website"
                | "site"
                | "blog"
                | "account"
                | "hashtag"
                | "app"
                | "podcast"
                | "newsletter"
                | "magazine"
                | "program"
                | "programme"
                | "project"
                | "initiative"
                | "competition"
                | "contest"
                | "festival"
                | "event"
                | "band"
                | "film"
                | "movie"
                | "documentary"
                | "book"
                | "novel"
                | "play"
                | "musical"
                | "show"
                | "series"
                | "song"
                | "album"
                | "game"
                | "formula"
                | "move"
                | "technique"
                | "device"
                | "drug"
                | "town"
                | "village"
                | "neighborhood"
                | "restaurant"
                | "bar"
                | "club"
                | "store"
        )
}

/// Where or when something was said (`in a tweet`, `on his radio show`,
/// `over the weekend`, `on Monday`).
pub fn is_occasion(lower: &str) -> bool {
    is_weekday(lower)
        || is_speech_event(lower)
        || matches!(
            lower,
            "book"
                | "memoir"
                | "column"
                | "email"
                | "memo"
                | "show"
                | "video"
                | "weekend"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
        )
}

/// An occasion that is itself an act of saying (`in an interview`, `at a
/// rally`, `during a debate`), not a medium or a time.
pub fn is_speech_event(lower: &str) -> bool {
    matches!(
        lower,
        "tweet"
            | "tweets"
            | "post"
            | "interview"
            | "interviews"
            | "statement"
            | "speech"
            | "remarks"
            | "op-ed"
            | "letter"
            | "broadcast"
            | "podcast"
            | "rally"
            | "debate"
            | "hearing"
            | "briefing"
            | "conference"
            | "appearance"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        let t = cue_table();
        assert_eq!(t.get("said"), Some(&CueClass::Speech));
        assert_eq!(t.get("told"), Some(&CueClass::Addressed));
        assert_eq!(t.get("adding"), Some(&CueClass::Participle));
        assert_eq!(t.get("table"), None);
    }

    #[test]
    fn chant_nouns_take_of() {
        assert!(noun_object_cue("chants", "of") && chant_noun("cries"));
        assert!(!noun_object_cue("chants", "about"));
    }

    #[test]
    fn show_kinds() {
        assert!(is_show_kind("talk") && is_show_kind("radio"));
        assert!(!is_show_kind("poll") && !is_show_kind("records"));
    }

    #[test]
    fn demonyms() {
        assert!(is_demonym("russian"));
        assert!(is_demonym("french"));
        assert!(!is_demonym("lavrov"));
    }
}
