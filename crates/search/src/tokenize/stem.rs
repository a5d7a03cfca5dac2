//! Step 5 of the tokenizer, at build time only: Snowball stemming of the
//! raw (accented) word, then folded, so that "étudiée" and "étudié" meet.

use rust_stemmers::Algorithm;

use super::{fold, keep_term, split_words, Token};

/// Snowball stemming for one language, or none where Snowball has no stemmer
/// (Ukrainian, Urdu, …: those terms are their own stem).
///
/// The browser cannot run Snowball, so it never stems: the index stores, for
/// each term, its stem group, and the rules of [`crate::stem_rules`] let a
/// query word that is not in the index find the group of its stem.
pub struct Stemmer {
    snowball: Option<rust_stemmers::Stemmer>,
    irregular: &'static [(&'static str, &'static str)],
}

/// Word forms Snowball leaves apart from their base word (irregular
/// plurals), per language: (folded form, base word). The base word is
/// stemmed as usual, so "children" joins the group of "child". The browser
/// gets the same list with the stem of each base word (see
/// [`Stemmer::irregular_stems`]).
pub fn irregular_forms(lang: &str) -> &'static [(&'static str, &'static str)] {
    match lang {
        "en" => &[
            ("children", "child"),
            ("men", "man"),
            ("people", "person"),
            ("wives", "wife"),
            ("women", "woman"),
        ],
        _ => &[],
    }
}

impl Stemmer {
    /// The stemmer for an ISO 639-1 language code.
    pub fn new(lang: &str) -> Self {
        let algorithm = match lang {
            "ar" => Some(Algorithm::Arabic),
            "da" => Some(Algorithm::Danish),
            "de" => Some(Algorithm::German),
            "el" => Some(Algorithm::Greek),
            "en" => Some(Algorithm::English),
            "es" => Some(Algorithm::Spanish),
            "fi" => Some(Algorithm::Finnish),
            "fr" => Some(Algorithm::French),
            "hu" => Some(Algorithm::Hungarian),
            "it" => Some(Algorithm::Italian),
            "nb" | "nn" | "no" => Some(Algorithm::Norwegian),
            "nl" => Some(Algorithm::Dutch),
            "pt" => Some(Algorithm::Portuguese),
            "ro" => Some(Algorithm::Romanian),
            "ru" => Some(Algorithm::Russian),
            "sv" => Some(Algorithm::Swedish),
            "ta" => Some(Algorithm::Tamil),
            "tr" => Some(Algorithm::Turkish),
            _ => None,
        };
        Stemmer {
            snowball: algorithm.map(rust_stemmers::Stemmer::create),
            irregular: irregular_forms(lang),
        }
    }

    /// The irregular forms of the language with the stem key of their base
    /// word: what a query word that is one of them must also find.
    pub fn irregular_stems(&self) -> Vec<(&'static str, String)> {
        self.irregular
            .iter()
            .map(|&(form, base)| {
                let word = Token {
                    term: fold(base),
                    raw: base.to_owned(),
                };
                (form, self.stem(&word))
            })
            .collect()
    }

    /// The stem key of a token: the Snowball stem of its raw word, folded.
    /// Numbers, and words whose stem folds to nothing, are their own stem.
    pub fn stem(&self, token: &Token) -> String {
        let Some(snowball) = &self.snowball else {
            return token.term.clone();
        };
        if token.term.bytes().all(|b| b.is_ascii_digit()) {
            return token.term.clone();
        }
        let raw = match self.irregular.iter().find(|(form, _)| *form == token.term) {
            Some((_, base)) => *base,
            None => token.raw.as_str(),
        };
        let stem = fold(&snowball.stem(raw));
        let mut parts = split_words(&stem);
        match (parts.pop(), parts.is_empty()) {
            (Some((_, only)), true) if keep_term(only) => only.to_string(),
            _ => token.term.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::{tokens, Mode};

    fn stem(lang: &str, word: &str) -> String {
        let token = tokens(word, Mode::Index).remove(0);
        Stemmer::new(lang).stem(&token)
    }

    #[test]
    fn italian_word_forms_share_a_stem() {
        assert_eq!(stem("it", "documenti"), stem("it", "documento"));
        assert_eq!(stem("it", "permessi"), stem("it", "permesso"));
        assert_eq!(stem("it", "sanitaria"), stem("it", "sanitario"));
        assert_eq!(stem("it", "città"), stem("it", "citta"));
        assert_ne!(stem("it", "codice"), stem("it", "comune"));
    }

    #[test]
    fn french_and_english_word_forms_share_a_stem() {
        assert_eq!(stem("fr", "renouveler"), stem("fr", "renouvellement"));
        assert_eq!(stem("fr", "étudiée"), stem("fr", "étudié"));
        assert_eq!(stem("fr", "médecins"), stem("fr", "médecin"));
        assert_eq!(stem("en", "documents"), stem("en", "document"));
        assert_eq!(stem("en", "renewing"), stem("en", "renewal"));
    }

    #[test]
    fn irregular_english_plurals_join_their_singular() {
        assert_eq!(stem("en", "children"), stem("en", "child"));
        assert_eq!(stem("en", "Women"), stem("en", "woman"));
        assert_eq!(stem("en", "wives"), stem("en", "wife"));
        assert_ne!(stem("en", "children"), stem("en", "chilled"));
        let stems = Stemmer::new("en").irregular_stems();
        assert!(stems.contains(&("children", stem("en", "child"))));
        assert!(Stemmer::new("it").irregular_stems().is_empty());
    }

    #[test]
    fn arabic_word_forms_share_a_stem_and_the_stem_is_folded() {
        assert_eq!(stem("ar", "الطبيب"), stem("ar", "طبيب"));
        assert_eq!(stem("ar", "إقامة"), stem("ar", "اقامه"));
        assert_eq!(stem("ar", "إقامة"), fold("اقام"));
    }

    #[test]
    fn languages_without_a_stemmer_keep_the_word() {
        assert_eq!(stem("uk", "документи"), "документи");
        assert_eq!(stem("ur", "ہسپتال"), "هسپتال");
    }

    #[test]
    fn numbers_are_not_stemmed() {
        assert_eq!(stem("en", "1990s"), "1990s");
        assert_eq!(stem("it", "86170"), "86170");
    }
}
