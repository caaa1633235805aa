//! Case and diacritic folding shared by names, fingerprints and copies.
//!
//! A small table covers Latin-1 Supplement and Latin Extended-A (the letters of
//! Western and Central European names as English-language news prints them);
//! other scripts are only lowercased, never dropped.

/// The base letters of a Latin-1 / Latin Extended-A letter with its diacritic
/// removed, or `None` when `c` is not in the table. Expects any case.
fn strip(c: char) -> Option<&'static str> {
    let s = match c {
        'À'..='Å' | 'à'..='å' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' => "c",
        'È'..='Ë' | 'è'..='ë' => "e",
        'Ì'..='Ï' | 'ì'..='ï' => "i",
        'Ð' | 'ð' => "d",
        'Ñ' | 'ñ' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' => "o",
        'Ù'..='Ü' | 'ù'..='ü' => "u",
        'Ý' | 'ý' | 'ÿ' => "y",
        'Þ' | 'þ' => "th",
        'ß' => "ss",
        '\u{100}'..='\u{105}' => "a",
        '\u{106}'..='\u{10D}' => "c",
        '\u{10E}'..='\u{111}' => "d",
        '\u{112}'..='\u{11B}' => "e",
        '\u{11C}'..='\u{123}' => "g",
        '\u{124}'..='\u{127}' => "h",
        '\u{128}'..='\u{131}' => "i",
        '\u{132}' | '\u{133}' => "ij",
        '\u{134}' | '\u{135}' => "j",
        '\u{136}'..='\u{138}' => "k",
        '\u{139}'..='\u{142}' => "l",
        '\u{143}'..='\u{14B}' => "n",
        '\u{14C}'..='\u{151}' => "o",
        '\u{152}' | '\u{153}' => "oe",
        '\u{154}'..='\u{159}' => "r",
        '\u{15A}'..='\u{161}' => "s",
        '\u{162}'..='\u{167}' => "t",
        '\u{168}'..='\u{173}' => "u",
        '\u{174}' | '\u{175}' => "w",
        '\u{176}'..='\u{178}' => "y",
        '\u{179}'..='\u{17E}' => "z",
        '\u{17F}' => "s",
        _ => return None,
    };
    Some(s)
}

/// Appends the folded form of `c` (lowercase, diacritics stripped) to `out`.
pub(crate) fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if let Some(s) = strip(c) {
        out.push_str(s);
    } else {
        out.extend(c.to_lowercase());
    }
}

/// Is `c` an apostrophe (straight, curly, modifier letter)?
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}'
    )
}

/// Calls `f` with each folded word of `text`, in order, without allocating per word.
pub(crate) fn for_each_folded_word(text: &str, mut f: impl FnMut(&str)) {
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            push_folded(c, &mut cur);
        } else if is_apostrophe(c)
            && !cur.is_empty()
            && chars.peek().is_some_and(|n| n.is_alphanumeric())
        {
            // inner apostrophe: dropped, the word continues
        } else if !cur.is_empty() {
            f(&cur);
            cur.clear();
        }
    }
    if !cur.is_empty() {
        f(&cur);
    }
}

/// Words of `text`, folded: runs of alphanumeric characters, lowercased, with
/// diacritics stripped. An apostrophe between two letters is dropped and the
/// word continues ("don't" → "dont", "O’Malley" → "omalley"); every other
/// character separates words.
pub(crate) fn folded_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            push_folded(c, &mut cur);
        } else if is_apostrophe(c)
            && !cur.is_empty()
            && chars.peek().is_some_and(|n| n.is_alphanumeric())
        {
            // inner apostrophe: dropped, the word continues
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The folded form of a whole text: its [folded words](folded_words) joined by
/// single spaces. `fold_text("  José  MARTÍ!") == "jose marti"`.
pub fn fold_text(text: &str) -> String {
    folded_words(text).join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(fold_text("José Martí"), "jose marti");
        assert_eq!(fold_text("Łukasz Żółć"), "lukasz zolc");
        assert_eq!(fold_text("STRAßE Ærø"), "strasse aero");
        assert_eq!(fold_text("Čapek Dvořák Ğ"), "capek dvorak g");
    }

    #[test]
    fn other_scripts_are_kept() {
        assert_eq!(fold_text("Сергей ЛАВРОВ"), "сергей лавров");
        assert_eq!(fold_text("习近平 说"), "习近平 说");
    }

    #[test]
    fn apostrophes_inside_words_are_dropped() {
        assert_eq!(
            folded_words("don't O’Malley 'quoted' rock'n'roll"),
            vec!["dont", "omalley", "quoted", "rocknroll"]
        );
        assert_eq!(folded_words("’’ ' -- "), Vec::<String>::new());
        assert_eq!(folded_words(""), Vec::<String>::new());
    }
}
