//! Text to search terms: normalise, segment, fold, join numbers, stem.
//!
//! These rules run twice: here, when the index is built, and in the reader's
//! browser (`assets/search.js`), on what the reader types. The browser mirrors
//! every rule but stemming (see [`Stemmer`]); `tests/folding_cases.json` is
//! checked by the unit tests (`runtime_mirror`) and by
//! `tests/folding.test.js` against the runtime, and the tables `SEPARATORS`,
//! `REMOVED`, `LETTER_MAP` and `DIGIT_ZEROS` are compared with their copies
//! in the runtime, so the two cannot drift apart.
//!
//! The pipeline, for one text, a module per step ([`tokens`] runs them):
//! 1. **Segment** (`segment`) the NFC text into raw words at separators
//!    ([`is_separator`]: ASCII punctuation and spaces, Unicode punctuation,
//!    symbols, emoji). Combining marks are never separators, so Indic vowel
//!    signs stay inside their word.
//! 2. **Fold** (`fold`) each raw word ([`fold`]): compatibility decomposition
//!    (NFKD), lower case, drop Latin accents (not Cyrillic й, ї, ё), drop
//!    Arabic tashkeel and tatweel (which also turns أ إ آ into ا, ؤ into و, ئ
//!    into ي), map ى→ي, ة→ه, the Urdu, Persian and Pashto letters that an
//!    Arabic or Persian keyboard lacks to the letter typed instead (ی ے ې ۍ
//!    → ي, ک → ك, ہ ھ ۃ → ه, ګ → گ, ټ ډ ړ ڼ → ت د ر ن…; the rule is at
//!    `fold::LETTER_MAP`), Arabic-Indic, Extended Arabic-Indic (Persian,
//!    Urdu), Devanagari and Bengali digits → ASCII, ß→ss, œ→oe, æ→ae; then
//!    recompose (NFC). Indic vowel signs are kept.
//! 3. **Drop** terms of one letter (digits stay) and terms longer than
//!    [`MAX_TERM_CHARS`].
//! 4. **Join numbers** (`numbers`): digit groups separated by one space, dot,
//!    dash or slash ("0865 41 41", "86.170") are also indexed joined, from
//!    every group to the end ("08654141", "4141"), so a number matches with
//!    or without its spaces; a query joins its digit groups into one term.
//! 5. **Stem** (`stem`, [`Stemmer`]): Snowball for the text's language,
//!    applied to the raw (accented) word and then folded, so "étudiée" and
//!    "étudié" meet.
//!
//! Keys are sorted in the order of JavaScript strings ([`cmp_js`], module
//! `js_order`), so that the runtime can binary-search them.

mod fold;
mod js_order;
mod numbers;
#[cfg(test)]
mod runtime_mirror;
mod segment;
mod stem;

pub use fold::fold;
pub use js_order::cmp_js;
pub(crate) use numbers::{is_number_gap, MAX_NUMBER_DIGITS, MAX_NUMBER_GROUPS};
pub use segment::is_separator;
use segment::split_words;
pub(crate) use segment::{for_each_word, nfc};
pub use stem::{irregular_forms, Stemmer};

/// Longest term indexed or searched, in characters: longer "words" are codes or junk.
pub const MAX_TERM_CHARS: usize = 40;

/// Whether tokens are wanted for the index of a page or for a reader's query.
/// They differ only for numbers: a page indexes every digit group and the
/// joined tails, a query searches its groups joined into one term.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Text of a page, to index.
    Index,
    /// Text a reader typed, to look up.
    Query,
}

/// One search term and the word of the text it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The folded term, as indexed and looked up.
    pub term: String,
    /// The word as written (NFC, lower case), which the stemmer reads; for a
    /// joined number, the joined digits.
    pub raw: String,
}

/// A raw word of the text: its byte range and its folded terms (usually one).
struct RawWord<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    terms: Vec<String>,
}

/// Whether a term is kept: two characters or more (one if a digit), at
/// most [`MAX_TERM_CHARS`].
fn keep_term(term: &str) -> bool {
    let mut chars = term.chars();
    match (chars.next(), chars.next()) {
        (None, _) => false,
        (Some(c), None) => c.is_ascii_digit(),
        _ => term.chars().count() <= MAX_TERM_CHARS,
    }
}

/// The raw words of an NFC text, each with its folded terms.
fn raw_words(text: &str) -> Vec<RawWord<'_>> {
    split_words(text)
        .into_iter()
        .map(|(start, word)| {
            let terms = split_words(&fold(word))
                .into_iter()
                .map(|(_, t)| t.to_string())
                .collect();
            RawWord {
                start,
                end: start + word.len(),
                text: word,
                terms,
            }
        })
        .collect()
}

/// What one raw word of a text gives outside a number, stemmed: the (term,
/// stem) of each term kept, in order; and whether the word is a group of
/// digits (one term, ASCII digits once folded) that may join a number.
/// `tokens` then [`Stemmer::stem`] give the same. The word is normalised
/// here (NFC), so that a corpus normalises each distinct word once rather
/// than every text.
pub(crate) fn analyse_word(word: &str, stemmer: &Stemmer) -> (Vec<(String, String)>, bool) {
    let word = nfc(word);
    let word = word.as_ref();
    let folded = fold(word);
    let terms = split_words(&folded);
    let digits = terms.len() == 1 && terms[0].1.bytes().all(|b| b.is_ascii_digit());
    let raw = if terms.len() == 1 {
        word.to_lowercase()
    } else {
        String::new()
    };
    let pairs = terms
        .into_iter()
        .filter(|(_, term)| keep_term(term))
        .map(|(_, term)| {
            let token = Token {
                term: term.to_string(),
                raw: if raw.is_empty() { term.to_string() } else { raw.clone() },
            };
            let stem = stemmer.stem(&token);
            (token.term, stem)
        })
        .collect();
    (pairs, digits)
}

/// Splits `text` into search terms, in reading order.
pub fn tokens(text: &str, mode: Mode) -> Vec<Token> {
    let text = nfc(text);
    let words = raw_words(&text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let end = numbers::number_end(&words, &text, i);
        if end - i >= 2 {
            let groups: Vec<&str> = words[i..end].iter().map(|w| w.terms[0].as_str()).collect();
            for digits in numbers::number_terms(&groups, mode) {
                push_number(&mut out, digits);
            }
            i = end;
            continue;
        }
        let word = &words[i];
        let raw = if word.terms.len() == 1 {
            word.text.to_lowercase()
        } else {
            String::new()
        };
        for term in &word.terms {
            if keep_term(term) {
                out.push(Token {
                    term: term.clone(),
                    raw: if raw.is_empty() { term.clone() } else { raw.clone() },
                });
            }
        }
        i += 1;
    }
    if mode == Mode::Query {
        let mut seen = std::collections::BTreeSet::new();
        out.retain(|t| seen.insert(t.term.clone()));
    }
    out
}

/// Adds a number term, if kept.
fn push_number(out: &mut Vec<Token>, digits: String) {
    if keep_term(&digits) {
        out.push(Token {
            term: digits.clone(),
            raw: digits,
        });
    }
}

/// The folded terms of a text (index mode): a shorthand for tests and callers
/// that do not stem.
/// The folded terms of a text (index mode): a shorthand for tests and callers
/// that do not stem.
pub fn terms(text: &str) -> Vec<String> {
    tokens(text, Mode::Index).into_iter().map(|t| t.term).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_letter_words_are_dropped_but_digits_kept() {
        assert_eq!(terms("a e 5 è"), vec!["5"]);
    }

    #[test]
    fn query_terms_are_deduplicated() {
        let query: Vec<String> = tokens("Casa casa CASA", Mode::Query)
            .into_iter()
            .map(|t| t.term)
            .collect();
        assert_eq!(query, vec!["casa"]);
    }
}
