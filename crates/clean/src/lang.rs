//! Languages as ISO 639-1 codes: from metadata values ("en-GB", "ru_RU",
//! "eng", "English") or detected with `whatlang`.

/// whatlang's ISO 639-3 codes and their ISO 639-1 equivalents.
const ISO3_TO_1: &[(&str, &str)] = &[
    ("afr", "af"),
    ("aka", "ak"),
    ("amh", "am"),
    ("ara", "ar"),
    ("aze", "az"),
    ("bel", "be"),
    ("ben", "bn"),
    ("bul", "bg"),
    ("cat", "ca"),
    ("ces", "cs"),
    ("cmn", "zh"),
    ("cym", "cy"),
    ("dan", "da"),
    ("deu", "de"),
    ("ell", "el"),
    ("eng", "en"),
    ("epo", "eo"),
    ("est", "et"),
    ("fin", "fi"),
    ("fra", "fr"),
    ("guj", "gu"),
    ("heb", "he"),
    ("hin", "hi"),
    ("hrv", "hr"),
    ("hun", "hu"),
    ("hye", "hy"),
    ("ind", "id"),
    ("ita", "it"),
    ("jav", "jv"),
    ("jpn", "ja"),
    ("kan", "kn"),
    ("kat", "ka"),
    ("khm", "km"),
    ("kor", "ko"),
    ("lat", "la"),
    ("lav", "lv"),
    ("lit", "lt"),
    ("mal", "ml"),
    ("mar", "mr"),
    ("mkd", "mk"),
    ("mya", "my"),
    ("nep", "ne"),
    ("nld", "nl"),
    ("nob", "nb"),
    ("ori", "or"),
    ("pan", "pa"),
    ("pes", "fa"),
    ("pol", "pl"),
    ("por", "pt"),
    ("ron", "ro"),
    ("rus", "ru"),
    ("sin", "si"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("sna", "sn"),
    ("spa", "es"),
    ("srp", "sr"),
    ("swe", "sv"),
    ("tam", "ta"),
    ("tel", "te"),
    ("tgl", "tl"),
    ("tha", "th"),
    ("tuk", "tk"),
    ("tur", "tr"),
    ("ukr", "uk"),
    ("urd", "ur"),
    ("uzb", "uz"),
    ("vie", "vi"),
    ("yid", "yi"),
    ("zul", "zu"),
    // Bibliographic and macro-language variants metadata uses.
    ("ger", "de"),
    ("fre", "fr"),
    ("fas", "fa"),
    ("per", "fa"),
    ("zho", "zh"),
    ("chi", "zh"),
    ("nor", "no"),
    ("nno", "nn"),
];

const NAMES: &[(&str, &str)] = &[
    ("english", "en"),
    ("russian", "ru"),
    ("ukrainian", "uk"),
    ("german", "de"),
    ("french", "fr"),
    ("spanish", "es"),
    ("italian", "it"),
    ("portuguese", "pt"),
    ("chinese", "zh"),
    ("arabic", "ar"),
    ("polish", "pl"),
    ("turkish", "tr"),
];

/// ISO 639-1 code of a metadata value: "en", "en-GB", "ru_RU", "eng",
/// "English". `None` when it names no known language.
pub(crate) fn normalize(value: &str) -> Option<String> {
    let v = value.trim().to_ascii_lowercase();
    let head: String = v.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    match head.len() {
        2 => Some(head),
        3 => ISO3_TO_1
            .iter()
            .find(|(three, _)| *three == head)
            .map(|(_, two)| two.to_string()),
        _ => NAMES
            .iter()
            .find(|(name, _)| *name == head)
            .map(|(_, two)| two.to_string()),
    }
}

/// Text longer than this is sampled: language is clear from the first pages.
const SAMPLE: usize = 1024;

/// English's commonest words: a quarter of running English text, rare in other languages.
const ENGLISH: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "was", "on", "with", "he",
    "as", "his", "said", "by", "at", "be", "this", "have", "from", "are", "not", "has", "but",
];

/// A fast path for the commonest case: text in ASCII letters, at least 40 words, a quarter of them
/// English function words (whatlang is ten times slower and says the same).
fn is_plainly_english(sample: &str) -> bool {
    if sample.chars().any(|c| c.is_alphabetic() && !c.is_ascii()) {
        return false;
    }
    let (mut words, mut common) = (0usize, 0usize);
    for w in sample
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if w.len() <= 4 && ENGLISH.iter().any(|e| e.eq_ignore_ascii_case(w)) || w == "said" {
            common += 1;
        }
    }
    words >= 40 && common * 4 >= words
}

/// The language of `text` by `whatlang`, when it is reliable.
pub(crate) fn detect(text: &str) -> Option<String> {
    let mut end = text.len().min(SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if is_plainly_english(&text[..end]) {
        return Some("en".to_string());
    }
    let info = whatlang::detect(&text[..end])?;
    if !info.is_reliable() {
        return None;
    }
    normalize(info.lang().code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_values() {
        assert_eq!(normalize("en-GB").as_deref(), Some("en"));
        assert_eq!(normalize("ru_RU").as_deref(), Some("ru"));
        assert_eq!(normalize("RUS").as_deref(), Some("ru"));
        assert_eq!(normalize("English").as_deref(), Some("en"));
        assert_eq!(normalize("x"), None);
        assert_eq!(normalize(""), None);
        assert_eq!(normalize("klingon"), None);
    }

    #[test]
    fn the_english_fast_path_is_only_taken_for_english() {
        let en = "The minister said on Monday that the government was ready to talk to the \
                  unions about the new pay offer, but that it would not change the budget for \
                  the coming year, and he added that the talks should start in the spring.";
        assert!(is_plainly_english(en));
        let fr = "Le ministre a dit lundi que le gouvernement était prêt à discuter avec les \
                  syndicats de la nouvelle offre salariale, mais qu'il ne changerait pas le \
                  budget de l'année prochaine, et il a ajouté que les discussions commenceraient.";
        assert!(!is_plainly_english(fr));
        let de = "Der Minister sagte am Montag, die Regierung sei bereit, mit den Gewerkschaften \
                  ueber das neue Angebot zu sprechen, aber sie werde den Haushalt fuer das \
                  kommende Jahr nicht aendern, und die Gespraeche sollten im Fruehjahr beginnen.";
        assert!(!is_plainly_english(de));
        assert!(!is_plainly_english("the the the"));
    }

    #[test]
    fn detection() {
        assert_eq!(
            detect("The port authority approved the new ferry terminal on Wednesday, and the mayor said the work would start in the spring.").as_deref(),
            Some("en")
        );
        assert_eq!(
            detect("Министр заявил журналистам, что правительство не будет повышать налоги до осенних выборов.").as_deref(),
            Some("ru")
        );
        assert_eq!(detect(""), None);
    }
}
