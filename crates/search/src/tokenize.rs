//! Text to search terms: normalise, fold, segment, join numbers, stem.
//!
//! These rules run twice: here, when the index is built, and in the reader's
//! browser (`assets/search.js`), on what the reader types. The browser mirrors
//! every rule but stemming (see [`Stemmer`]); `tests/folding_cases.json` is
//! checked by the unit tests below and by `tests/folding.test.js` against the
//! runtime, and the tables `SEPARATORS`, `REMOVED`, `LETTER_MAP` are compared
//! with their copies in the runtime, so the two cannot drift apart.
//!
//! The pipeline, for one text:
//! 1. **Segment** the NFC text into raw words at separators ([`is_separator`]:
//!    ASCII punctuation and spaces, Unicode punctuation, symbols, emoji).
//!    Combining marks are never separators, so Indic vowel signs stay inside
//!    their word.
//! 2. **Fold** each raw word ([`fold`]): compatibility decomposition (NFKD),
//!    lower case, drop Latin accents (not Cyrillic й, ї, ё), drop Arabic
//!    tashkeel and tatweel (which also turns أ إ آ into ا, ؤ into و, ئ into ي),
//!    map ى→ي, ة→ه, Urdu/Persian ی ک ہ ھ → ي ك ه, Arabic-Indic, Extended
//!    Arabic-Indic, Devanagari and Bengali digits → ASCII, ß→ss, œ→oe, æ→ae;
//!    then recompose (NFC). Indic vowel signs are kept.
//! 3. **Drop** terms of one letter (digits stay) and terms longer than
//!    [`MAX_TERM_CHARS`].
//! 4. **Join numbers**: digit groups separated by one space, dot, dash or slash
//!    ("0865 41 41", "86.170") are also indexed joined, from every group to
//!    the end ("08654141", "4141"), so a number matches with or without its
//!    spaces; a query joins its digit groups into one term.
//! 5. **Stem** ([`Stemmer`]): Snowball for the text's language, applied to the
//!    raw (accented) word and then folded, so "étudiée" and "étudié" meet.

use std::borrow::Cow;
use std::cmp::Ordering;

use rust_stemmers::Algorithm;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Longest term indexed or searched, in characters: longer "words" are codes or junk.
pub const MAX_TERM_CHARS: usize = 40;

/// Most digit groups joined into one number term ("+39 0865 41 41 00" has 5).
pub(crate) const MAX_NUMBER_GROUPS: usize = 6;

/// Most digits in a joined number term.
pub(crate) const MAX_NUMBER_DIGITS: usize = 20;

/// Characters allowed, alone, between two digit groups of one number.
const NUMBER_GAPS: [char; 6] = [' ', '\u{a0}', '\u{202f}', '.', '-', '/'];

/// Inclusive code point ranges, above ASCII, that separate words: punctuation,
/// symbols, spaces, emoji. Everything else (letters, marks, digits of any
/// script) belongs to a word. Mirrored as `SEP` in `search.js`.
pub(crate) const SEPARATORS: [(u32, u32); 51] = [
    (0x80, 0xa9),
    (0xab, 0xac),
    (0xae, 0xb4),
    (0xb6, 0xb9),
    (0xbb, 0xbf),
    (0xd7, 0xd7),
    (0xf7, 0xf7),
    (0x37e, 0x37e),
    (0x387, 0x387),
    (0x55a, 0x55f),
    (0x589, 0x58a),
    (0x5be, 0x5be),
    (0x5c0, 0x5c0),
    (0x5c3, 0x5c3),
    (0x5c6, 0x5c6),
    (0x5f3, 0x5f4),
    (0x600, 0x60f),
    (0x61b, 0x61f),
    (0x66a, 0x66d),
    (0x6d4, 0x6d4),
    (0x6dd, 0x6de),
    (0x6e9, 0x6e9),
    (0x964, 0x965),
    (0x970, 0x970),
    (0xe4f, 0xe4f),
    (0xe5a, 0xe5b),
    (0x1360, 0x1368),
    (0x1680, 0x1680),
    (0x2000, 0x200b),
    (0x200e, 0x205f),
    (0x2061, 0x206f),
    (0x20a0, 0x20cf),
    (0x2190, 0x2bff),
    (0x2e00, 0x2e7f),
    (0x3000, 0x3004),
    (0x3008, 0x3020),
    (0x3030, 0x3030),
    (0xd800, 0xdfff),
    (0xe000, 0xf8ff),
    (0xfd3e, 0xfd3f),
    (0xfe10, 0xfe19),
    (0xfe30, 0xfe6f),
    (0xff00, 0xff0f),
    (0xff1a, 0xff20),
    (0xff3b, 0xff40),
    (0xff5b, 0xff65),
    (0xfff0, 0xffff),
    (0x1f000, 0x1faff),
    (0xe0000, 0xe007f),
    (0xf0000, 0xffffd),
    (0x100000, 0x10fffd),
];

/// Inclusive ranges of characters folded away: Arabic tashkeel, Quranic
/// marks, tatweel, soft hyphen, zero-width (non-)joiners, word joiner,
/// variation selectors, byte order mark. Latin accents (U+0300–U+036F) are
/// handled apart, because Cyrillic keeps two of them. Mirrored as `DEL`.
pub(crate) const REMOVED: [(u32, u32); 14] = [
    (0xad, 0xad),
    (0x610, 0x61a),
    (0x640, 0x640),
    (0x64b, 0x65f),
    (0x670, 0x670),
    (0x674, 0x674),
    (0x6d6, 0x6dc),
    (0x6df, 0x6e4),
    (0x6e7, 0x6e8),
    (0x6ea, 0x6ed),
    (0x200c, 0x200d),
    (0x2060, 0x2060),
    (0xfe00, 0xfe0f),
    (0xfeff, 0xfeff),
];

/// Letters replaced after lower-casing. Mirrored as `MAP` in `search.js`.
pub(crate) const LETTER_MAP: [(char, &str); 25] = [
    ('ß', "ss"),
    ('æ', "ae"),
    ('œ', "oe"),
    ('ø', "o"),
    ('đ', "d"),
    ('ð', "d"),
    ('ł', "l"),
    ('ı', "i"),
    ('þ', "th"),
    ('ħ', "h"),
    ('ŧ', "t"),
    ('ς', "σ"),
    ('\u{649}', "\u{64a}"), // alef maksura ى → yeh ي
    ('\u{629}', "\u{647}"), // teh marbuta ة → heh ه
    ('\u{6cc}', "\u{64a}"), // Farsi yeh ی → ي
    ('\u{6a9}', "\u{643}"), // keheh ک → kaf ك
    ('\u{6aa}', "\u{643}"), // swash kaf ڪ → ك
    ('\u{6c1}', "\u{647}"), // heh goal ہ → ه
    ('\u{6be}', "\u{647}"), // heh doachashmee ھ → ه
    ('\u{6c3}', "\u{647}"), // teh marbuta goal ۃ → ه
    ('\u{6d5}', "\u{647}"), // ae ە → ه
    ('\u{671}', "\u{627}"), // alef wasla ٱ → ا
    ('\u{672}', "\u{627}"), // alef with wavy hamza ٲ → ا
    ('\u{673}', "\u{627}"), // alef with wavy hamza below ٳ → ا
    ('\u{6c0}', "\u{647}"), // heh with yeh above ۀ → ه (after NFKD it is ە + hamza)
];

/// The code points of the digit zero of scripts whose digits fold to ASCII:
/// Arabic-Indic, Extended Arabic-Indic (Persian, Urdu), Devanagari, Bengali.
pub(crate) const DIGIT_ZEROS: [u32; 4] = [0x660, 0x6f0, 0x966, 0x9e6];

/// Whether `c` separates words.
#[inline]
pub fn is_separator(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x80 {
        return !c.is_ascii_alphanumeric();
    }
    // Latin letters with accents and the Arabic letters, the commonest
    // non-ASCII characters of a portal, fall between separator ranges.
    if (0xc0..=0x37d).contains(&cp) {
        return cp == 0xd7 || cp == 0xf7;
    }
    if (0x620..=0x669).contains(&cp) {
        return false;
    }
    in_ranges(&SEPARATORS, cp)
}

/// `text` in Unicode NFC, borrowed when it already is (nearly always: the
/// quick check answers for most text without normalising it).
pub(crate) fn nfc(text: &str) -> Cow<'_, str> {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// Calls `f(start, end)` with the byte range of each word of `text` (each
/// run of characters that are not separators), in order.
pub(crate) fn for_each_word(text: &str, mut f: impl FnMut(usize, usize)) {
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_separator(c), start) {
            (true, Some(s)) => {
                f(s, i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        f(s, text.len());
    }
}

fn in_ranges(ranges: &[(u32, u32)], cp: u32) -> bool {
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                Ordering::Less
            } else if lo > cp {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        })
        .is_ok()
}

fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{52f}').contains(&c)
}

/// Folds a text: the same word typed with or without accents, tashkeel,
/// capitals, Urdu or Arabic letter shapes, Arabic or ASCII digits gives the
/// same string. Separators are kept, so `fold` of a text can be segmented.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    let mut after_cyrillic = false;
    for decomposed in text.nfkd() {
        for c in decomposed.to_lowercase() {
            let cp = c as u32;
            if cp < 0x80 {
                out.push(c);
                after_cyrillic = false;
                continue;
            }
            if (0x300..=0x36f).contains(&cp) {
                // Accents go, except the breve and diaeresis of Cyrillic й ї ё ў.
                if after_cyrillic && (cp == 0x306 || cp == 0x308) {
                    out.push(c);
                }
                continue;
            }
            after_cyrillic = is_cyrillic(c);
            if in_ranges(&REMOVED, cp) {
                continue;
            }
            if let Some(digit) = ascii_digit(cp) {
                out.push(digit);
            } else if let Some(&(_, to)) = LETTER_MAP.iter().find(|(from, _)| *from == c) {
                out.push_str(to);
            } else {
                out.push(c);
            }
        }
    }
    if out.is_ascii() {
        out
    } else {
        out.nfc().collect()
    }
}

fn ascii_digit(cp: u32) -> Option<char> {
    DIGIT_ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&cp))
        .and_then(|&zero| char::from_digit(cp - zero, 10))
}

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

fn split_words(text: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    for_each_word(text, |s, e| words.push((s, &text[s..e])));
    words
}

pub(crate) fn keep_term(term: &str) -> bool {
    let mut chars = term.chars();
    match (chars.next(), chars.next()) {
        (None, _) => false,
        (Some(c), None) => c.is_ascii_digit(),
        _ => term.chars().count() <= MAX_TERM_CHARS,
    }
}

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

fn is_digit_group(word: &RawWord) -> bool {
    word.terms.len() == 1 && word.terms[0].bytes().all(|b| b.is_ascii_digit())
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
        // The run of digit groups starting at i, if any.
        let mut run_end = i;
        let mut digits = 0;
        while run_end < words.len()
            && is_digit_group(&words[run_end])
            && run_end - i < MAX_NUMBER_GROUPS
            && digits + words[run_end].terms[0].len() <= MAX_NUMBER_DIGITS
            && (run_end == i || is_number_gap(&text[words[run_end - 1].end..words[run_end].start]))
        {
            digits += words[run_end].terms[0].len();
            run_end += 1;
        }
        if run_end - i >= 2 {
            let groups: Vec<&str> = words[i..run_end].iter().map(|w| w.terms[0].as_str()).collect();
            match mode {
                Mode::Query => push_number(&mut out, groups.concat()),
                Mode::Index => {
                    for group in &groups {
                        push_number(&mut out, group.to_string());
                    }
                    for from in 0..groups.len() - 1 {
                        push_number(&mut out, groups[from..].concat());
                    }
                }
            }
            i = run_end;
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

pub(crate) fn is_number_gap(gap: &str) -> bool {
    match gap.as_bytes() {
        [b] => NUMBER_GAPS.contains(&char::from(*b)),
        [_, _] | [_, _, _] => {
            let mut chars = gap.chars();
            matches!((chars.next(), chars.next()), (Some(c), None) if NUMBER_GAPS.contains(&c))
        }
        _ => false,
    }
}

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
pub fn terms(text: &str) -> Vec<String> {
    tokens(text, Mode::Index).into_iter().map(|t| t.term).collect()
}

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

/// Orders strings as JavaScript does (by UTF-16 code units), so that the
/// runtime can binary-search what the builder sorted.
///
/// UTF-8 byte order is code point order, and UTF-16 order differs from it in
/// one case only: a character above U+FFFF (a surrogate pair) sorts before
/// U+E000–U+FFFF. So the bytes are compared, and the first differing
/// characters decide when they are that case.
pub fn cmp_js(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let common = a.len().min(b.len());
    let mut at = 0;
    while at + 8 <= common && a[at..at + 8] == b[at..at + 8] {
        at += 8;
    }
    while at < common && a[at] == b[at] {
        at += 1;
    }
    if at == common {
        return a.len().cmp(&b.len());
    }
    let (x, y) = (a[at], b[at]);
    // Differing lead bytes start the first differing characters (differing
    // continuation bytes belong to characters of one length, where byte
    // order is UTF-16 order). Lead bytes 0xF0–0xF4 start astral characters,
    // 0xEE–0xEF the characters U+E000–U+FFFF.
    let astral_vs_high = |p: u8, q: u8| p >= 0xf0 && (0xee..=0xef).contains(&q);
    if astral_vs_high(x, y) {
        Ordering::Less
    } else if astral_vs_high(y, x) {
        Ordering::Greater
    } else {
        x.cmp(&y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold_word(s: &str) -> String {
        let t = terms(s);
        assert_eq!(t.len(), 1, "{s:?} gave {t:?}");
        t[0].clone()
    }

    #[test]
    fn case_folds() {
        assert_eq!(fold_word("QUESTURA"), "questura");
        assert_eq!(fold_word("Ελλάδα"), "ελλαδα");
        assert_eq!(fold_word("ΟΔΟΣ"), "οδοσ", "final sigma folds to σ");
        assert_eq!(fold_word("ПАСПОРТ"), "паспорт");
    }

    #[test]
    fn latin_accents_fold() {
        assert_eq!(fold_word("perché"), fold_word("perche"));
        assert_eq!(fold_word("città"), "citta");
        assert_eq!(fold_word("Sécurité"), "securite");
        assert_eq!(fold_word("naïve"), "naive");
        assert_eq!(fold_word("São"), "sao");
        assert_eq!(fold_word("İstanbul"), "istanbul");
        assert_eq!(fold_word("ŞİŞLİ"), "sisli");
    }

    #[test]
    fn latin_letters_without_decomposition_fold() {
        assert_eq!(fold_word("sœur"), "soeur");
        assert_eq!(fold_word("Straße"), "strasse");
        assert_eq!(fold_word("Łódź"), "lodz");
        assert_eq!(fold_word("ﬁche"), "fiche", "ligature");
        assert_eq!(fold_word("ＡＢＣ"), "abc", "full width");
    }

    #[test]
    fn cyrillic_keeps_its_letters_but_loses_stress_marks() {
        assert_eq!(fold_word("Мій"), "мій");
        assert_ne!(fold_word("мій"), fold_word("мии"));
        assert_eq!(fold_word("їжа"), "їжа");
        assert_eq!(fold_word("зако́н"), "закон");
        assert_eq!(fold_word("Україна"), "україна");
    }

    #[test]
    fn arabic_tashkeel_and_tatweel_fold() {
        assert_eq!(fold_word("صِحَّة"), fold_word("صحة"));
        assert_eq!(fold_word("مُسْتَشْفَى"), fold_word("مستشفى"));
        assert_eq!(fold_word("جـــواز"), "جواز");
    }

    #[test]
    fn arabic_alef_forms_fold() {
        let plain = fold_word("اقامة");
        assert_eq!(fold_word("إقامة"), plain);
        assert_eq!(fold_word("أقامة"), plain);
        assert_eq!(fold_word("آقامة"), plain);
        assert_eq!(fold_word("ٱقامة"), plain);
    }

    #[test]
    fn arabic_yeh_and_teh_marbuta_fold() {
        assert_eq!(fold_word("مستشفى"), fold_word("مستشفي"));
        assert_eq!(fold_word("صحة"), fold_word("صحه"));
        assert_eq!(fold_word("مسؤول"), fold_word("مسوول"));
    }

    #[test]
    fn urdu_and_persian_letters_fold_to_arabic() {
        // Urdu "doctor" with Farsi yeh and keheh, Arabic spelling with ي and ك.
        assert_eq!(fold_word("ڈاکٹری"), fold_word("ڈاكٹري"));
        assert_eq!(fold_word("پاکستان"), fold_word("پاكستان"));
        assert_eq!(fold_word("شہر"), fold_word("شهر"));
        assert_eq!(fold_word("ہسپتال"), "هسپتال");
    }

    #[test]
    fn non_latin_digits_fold_to_ascii() {
        assert_eq!(terms("٨٦١٧٠"), vec!["86170"]);
        assert_eq!(terms("۸۶۱۷۰"), vec!["86170"]);
        assert_eq!(terms("৮৬১৭০"), vec!["86170"]);
        assert_eq!(terms("८६१७०"), vec!["86170"]);
    }

    #[test]
    fn indic_vowel_signs_stay() {
        let words = terms("কাল কিল কল");
        assert_eq!(words, vec!["কাল", "কিল", "কল"]);
        assert_eq!(terms("हिंदी"), vec!["हिंदी"]);
    }

    #[test]
    fn separators_split_words() {
        assert_eq!(
            terms("l'ufficio dell’anagrafe: 9–12!"),
            vec!["ufficio", "dell", "anagrafe", "9", "12"]
        );
        assert_eq!(terms("صحة، تعليم؛ عمل؟"), vec!["صحه", "تعليم", "عمل"]);
        assert_eq!(terms("www.comune.isernia.it"), vec!["www", "comune", "isernia", "it"]);
        assert_eq!(terms("ok 👍 ok"), vec!["ok", "ok"]);
    }

    #[test]
    fn zero_width_joiners_do_not_split_words() {
        assert_eq!(terms("می‌خواهم"), vec!["ميخواهم"]);
    }

    #[test]
    fn one_letter_words_are_dropped_but_digits_kept() {
        assert_eq!(terms("a e 5 è"), vec!["5"]);
    }

    #[test]
    fn numbers_match_with_or_without_spaces() {
        assert_eq!(
            terms("tel. 0865 41 41"),
            vec!["tel", "0865", "41", "41", "08654141", "4141"]
        );
        let query: Vec<String> = tokens("0865 41 41", Mode::Query).into_iter().map(|t| t.term).collect();
        assert_eq!(query, vec!["08654141"]);
        assert!(terms("08654141").contains(&"08654141".to_string()));
        assert!(terms("CAP 86.170").contains(&"86170".to_string()));
        assert!(terms("٠٨٦٥ ٤١ ٤١").contains(&"08654141".to_string()));
    }

    #[test]
    fn two_separators_end_a_number() {
        assert_eq!(terms("1, 2"), vec!["1", "2"]);
    }

    #[test]
    fn query_terms_are_deduplicated() {
        let query: Vec<String> = tokens("Casa casa CASA", Mode::Query)
            .into_iter()
            .map(|t| t.term)
            .collect();
        assert_eq!(query, vec!["casa"]);
    }

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

    #[test]
    fn js_order_is_utf16_order() {
        // U+FFFD sorts before an astral character in UTF-8 order but after it in UTF-16.
        assert_eq!(cmp_js("\u{fffd}", "\u{1f600}"), Ordering::Greater);
        assert_eq!(cmp_js("abc", "abd"), Ordering::Less);
        let words = [
            "",
            "a",
            "ab",
            "abc",
            "b",
            "é",
            "ée",
            "z\u{e000}",
            "z\u{1f600}",
            "z\u{ffff}",
            "zz",
            "صحه",
            "الصحه",
            "\u{10000}",
            "\u{fffd}x",
            "\u{e000}",
        ];
        for a in words {
            for b in words {
                assert_eq!(cmp_js(a, b), a.encode_utf16().cmp(b.encode_utf16()), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn words_are_runs_of_non_separators() {
        let text = "l'ufficio  0865-41 città’صحة، 👍ПАСПОРТ.";
        let mut words = Vec::new();
        for_each_word(text, |s, e| words.push(&text[s..e]));
        assert_eq!(words, ["l", "ufficio", "0865", "41", "città", "صحة", "ПАСПОРТ"]);
    }

    #[test]
    fn nfc_is_unicode_nfc() {
        let cases = [
            "plain ascii",
            "città perché naïve",
            "e\u{301}te\u{301}",
            "صِحَّة",
            "صحّة مدرسةً",
            "مُسْتَشْفَى",
            "\u{651}\u{64b}\u{650}\u{651} ب\u{651}\u{64e}\u{64b}ت",
            "ا\u{653}",
            "ﬁ ½ Ⅻ",
            "’«»—…",
            "\u{2000}x",
            "a\u{64b}\u{301}\u{651}",
        ];
        for case in cases {
            let expected: String = case.nfc().collect();
            assert_eq!(nfc(case), expected, "{case:?}");
        }
    }

    #[test]
    fn separator_tables_are_sorted_and_disjoint() {
        for table in [&SEPARATORS[..], &REMOVED[..]] {
            for pair in table.windows(2) {
                assert!(pair[0].0 <= pair[0].1 && pair[0].1 < pair[1].0, "{pair:?}");
            }
        }
    }

    /// The text between `open` and `close` in the runtime's source.
    fn runtime_literal(open: &str, close: &str) -> String {
        let js = crate::SEARCH_JS;
        let start = js.find(open).expect("table in search.js") + open.len();
        let end = start + js[start..].find(close).expect("table end");
        js[start..end].to_string()
    }

    fn runtime_numbers(name: &str) -> Vec<u32> {
        runtime_literal(&format!("const {name} = ["), "];")
            .split(',')
            .map(|n| {
                let n = n.trim().trim_start_matches("0x");
                u32::from_str_radix(n, 16).expect("hex number")
            })
            .collect()
    }

    #[test]
    fn runtime_tables_are_these_tables() {
        let flat = |t: &[(u32, u32)]| -> Vec<u32> { t.iter().flat_map(|&(a, b)| [a, b]).collect() };
        assert_eq!(runtime_numbers("SEP"), flat(&SEPARATORS));
        assert_eq!(runtime_numbers("DEL"), flat(&REMOVED));
        assert_eq!(runtime_numbers("ZEROS"), DIGIT_ZEROS.to_vec());
        let map: std::collections::BTreeMap<String, String> =
            serde_json::from_str(&format!("{{{}}}", runtime_literal("const MAP = {", "};")))
                .expect("MAP is a JSON object");
        let ours: std::collections::BTreeMap<String, String> =
            LETTER_MAP.iter().map(|(c, s)| (c.to_string(), s.to_string())).collect();
        assert_eq!(map, ours);
    }

    /// The shared table of `tests/folding_cases.json`, also run by the node test.
    #[test]
    fn shared_folding_cases() {
        let cases: serde_json::Value =
            serde_json::from_str(include_str!("../tests/folding_cases.json")).expect("valid JSON");
        let mut checked = 0;
        for (mode, key) in [(Mode::Index, "index"), (Mode::Query, "query")] {
            for case in cases[key].as_array().expect("array of cases") {
                let input = case[0].as_str().expect("input");
                let expected: Vec<&str> = case[1]
                    .as_array()
                    .expect("terms")
                    .iter()
                    .map(|t| t.as_str().expect("term"))
                    .collect();
                let got: Vec<String> = tokens(input, mode).into_iter().map(|t| t.term).collect();
                assert_eq!(got, expected, "{key} case {input:?}");
                checked += 1;
            }
        }
        assert!(checked >= 30, "only {checked} shared cases");
    }
}
