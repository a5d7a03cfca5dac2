//! One term per concept: every page of the sample portal follows its glossary.
//!
//! Each glossary entry's translation fixes THE rendering of its Italian term in
//! that language: the words before the bracket of `translation:`, such as
//! «مديرية الشرطة» in `translation: "مديرية الشرطة (Questura)"`. Pages
//! introduce a term the same way, the rendering and then the Italian word in
//! brackets: `the postal kit (kit postale)`. A reader who meets two names for
//! one office does not know they are one office, and when several people
//! translate at once the police (Questura) and the help desk of the social
//! district (sportello immigrazione) end up sharing a name («مكتب الهجرة»).
//!
//! So, in every document of a language (every section: title, summary, the
//! other text fields and the body), wherever the Italian word of a glossary
//! term stands in brackets right after some words, those words must be the
//! glossary's rendering in that language, allowing for grammar:
//! - case never matters;
//! - Arabic: the article ال with the prefixes before it (وال، بال، لل…), a
//!   leading و ف ب ل ك, short vowels and spacing are ignored;
//! - Urdu: spacing and the oblique ending of a word (ا or ہ becoming ے:
//!   کا/کے، نامہ/نامے) are ignored;
//! - Ukrainian: words are compared by stem, without their last one or two
//!   letters (і counts as о, ь is ignored), so Квестура agrees with Квестурі
//!   and дозвіл with дозволу;
//! - English and French: a plural s or x and French l' or d' are ignored.
//!
//! A bracket that spells out an Italian acronym, as in `DID (Dichiarazione di
//! Immediata Disponibilità)`, follows the Italian word itself and is skipped.
//! Glossary translations whose bracket is not Italian (`SPID (digital
//! identity)`) fix no rendering to check.

use std::path::Path;

use sportello::content::{Document, LangCode, Section};
use sportello::site::Site;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The file of a document, from the repository's root.
fn relative(document: &Document) -> String {
    document
        .path
        .strip_prefix(repo())
        .unwrap_or(&document.path)
        .display()
        .to_string()
}

/// A glossary term as one language renders it.
struct Term {
    /// The Italian words a page may put in brackets after the rendering,
    /// lowercase: the bracket of `translation:` and the parts of `term`.
    italian: Vec<String>,
    /// The words before the bracket of `translation:`.
    rendering: String,
}

#[test]
fn every_page_uses_the_glossary_rendering_of_its_terms() {
    let site = sportello::check(repo()).site.expect("the sample portal loads");
    let mut mismatches = Vec::new();
    for lang in languages(&site) {
        let terms = glossary(&site, &lang);
        for document in documents(&site, &lang) {
            mismatches.extend(check_document(document, &terms, lang.as_str()));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} rendering(s) differ from the glossary:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

#[test]
fn urdu_pages_are_written_in_urdu_letters() {
    let site = sportello::check(repo()).site.expect("the sample portal loads");
    let urdu = LangCode::parse("ur").unwrap();
    let arabic_letters = ['ي', 'ك', 'ه'];
    let wrong: Vec<String> = documents(&site, &urdu)
        .filter(|d| texts(d).iter().any(|t| t.contains(arabic_letters)))
        .map(|d| format!("{}: uses Arabic ي ك ه where Urdu writes ی ک ہ", relative(d)))
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The languages the site's pages are translated into.
fn languages(site: &Site) -> Vec<LangCode> {
    let mut codes: Vec<LangCode> = site.pages.iter().flat_map(|p| p.translations.keys().cloned()).collect();
    codes.sort();
    codes.dedup();
    codes
}

/// Every translated document of one language, in every section.
fn documents<'a>(site: &'a Site, lang: &'a LangCode) -> impl Iterator<Item = &'a Document> + 'a {
    site.pages
        .iter()
        .filter_map(move |p| p.translations.get(lang).map(|d| d.as_ref()))
}

/// The glossary terms that have a rendering in `lang`.
fn glossary(site: &Site, lang: &LangCode) -> Vec<Term> {
    site.pages
        .iter()
        .filter(|p| p.id.section == Section::Glossary)
        .filter_map(|page| {
            let term = page.source.facts.as_ref()?.term.clone()?;
            let translation = page.translations.get(lang)?.text.title.clone()?;
            term_in(&term, &translation)
        })
        .collect()
}

/// The rendering fixed by `translation` ("الظرف البريدي (kit postale)") of the
/// Italian `term` ("Kit postale"), if its bracket holds Italian words.
fn term_in(term: &str, translation: &str) -> Option<Term> {
    let term = normalize_apostrophes(&term.to_lowercase());
    let (rendering, bracket) = split_bracket(translation)?;
    let from_translation = italian_parts(&normalize_apostrophes(&bracket.to_lowercase()));
    if !from_translation.iter().all(|part| term.contains(part.as_str())) {
        return None;
    }
    let (name, explained) = split_bracket(&term).unwrap_or((term.clone(), String::new()));
    let mut italian = from_translation;
    for part in [term.clone(), name, explained] {
        italian.extend(italian_parts(&part));
        italian.push(part);
    }
    italian.retain(|p| !p.is_empty());
    Some(Term { italian, rendering })
}

/// "Questura (Ufficio)" → ("Questura", "Ufficio"); None without a final bracket.
fn split_bracket(text: &str) -> Option<(String, String)> {
    let text = text.trim();
    let open = text.rfind('(')?;
    let inside = text[open + 1..].strip_suffix(')')?;
    Some((text[..open].trim().to_owned(), inside.trim().to_owned()))
}

/// "ricevuta, cedolino" or "ASL / ASREM" → each name on its own.
fn italian_parts(text: &str) -> Vec<String> {
    text.split([',', '،', '/'])
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The texts of a document a reader sees.
fn texts(document: &Document) -> Vec<&str> {
    let text = &document.text;
    let fields = [
        &text.title,
        &text.summary,
        &text.cost,
        &text.duration,
        &text.eligibility,
    ];
    let mut out: Vec<&str> = fields.into_iter().flatten().map(String::as_str).collect();
    out.extend(text.documents.iter().flatten().map(String::as_str));
    out.push(&document.body.plain);
    out
}

/// The mismatches of one document, as "file: uses «X» for «term», the glossary says «Y»".
fn check_document(document: &Document, terms: &[Term], lang: &str) -> Vec<String> {
    let mut found = Vec::new();
    for text in texts(document) {
        let text = normalize_apostrophes(text);
        for (before, inside) in brackets(&text) {
            let italian = first_item(inside);
            let Some(term) = terms.iter().find(|t| t.italian.contains(&italian.to_lowercase())) else {
                continue;
            };
            let words = words(tail(before));
            if spells_out_itself(&words, term) || agrees(lang, &words, &term.rendering) {
                continue;
            }
            // One word more than the rendering has: the reader sees where it starts.
            let shown = words[words.len().saturating_sub(words_in(&term.rendering) + 1)..].join(" ");
            found.push(format!(
                "{}: uses «{shown}» for «{italian}», the glossary says «{}»",
                relative(document),
                term.rendering
            ));
        }
    }
    found
}

/// Every bracket that comes right after a word: (the text before it, its inside).
fn brackets(text: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    for (open, _) in text.match_indices('(') {
        let Some(length) = text[open + 1..].find([')', '(']) else {
            continue;
        };
        let close = open + 1 + length;
        let before = text[..open].trim_end();
        if text[close..].starts_with(')') && before.chars().last().is_some_and(ends_a_word) {
            out.push((before, &text[open + 1..close]));
        }
    }
    out
}

/// The last 200 characters of a text: enough for any rendering.
fn tail(text: &str) -> &str {
    text.char_indices().rev().nth(200).map_or(text, |(i, _)| &text[i..])
}

/// A letter, a digit, a vowel sign, or a closing quote ends a word.
fn ends_a_word(c: char) -> bool {
    c.is_alphanumeric() || is_arabic_mark(c) || "»\"”'".contains(c)
}

/// The Italian word a bracket starts with: "(bollettino, conto 67422402)" → "bollettino".
fn first_item(inside: &str) -> &str {
    inside.split([',', '،', ';', ':']).next().unwrap_or("").trim()
}

/// True when the bracket explains the Italian word before it: "DID (Dichiarazione…)".
fn spells_out_itself(words: &[String], term: &Term) -> bool {
    words.last().is_some_and(|w| term.italian.contains(&w.to_lowercase()))
}

/// The words of a text, without the punctuation around them.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || "-–—".contains(c))
        .map(|w| w.trim_matches(|c: char| !(c.is_alphanumeric() || c == '\'' || is_arabic_mark(c))))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

fn words_in(text: &str) -> usize {
    words(text).len()
}

/// Whether the words before a bracket end with `rendering`, by the rules of `lang`.
fn agrees(lang: &str, before: &[String], rendering: &str) -> bool {
    match lang {
        "ar" => ends_with_joined(before, rendering, arabic_word, is_arabic_clitic),
        "ur" => ends_with_joined(before, rendering, urdu_word, str::is_empty),
        "uk" => last_words_agree(before, rendering, stems_agree),
        _ => last_words_agree(before, rendering, |a, b| latin_word(a) == latin_word(b)),
    }
}

/// For scripts where spacing varies: some last words of `before`, normalized
/// and joined without spaces, are the rendering, with only `head_ok` in front.
fn ends_with_joined(
    before: &[String],
    rendering: &str,
    normalize: fn(&str) -> String,
    head_ok: fn(&str) -> bool,
) -> bool {
    let want: String = words(rendering).iter().map(|w| normalize(w)).collect();
    let most = before.len().min(words_in(rendering) + 2);
    (1..=most).any(|k| {
        let got: String = before[before.len() - k..].iter().map(|w| normalize(w)).collect();
        got.strip_suffix(want.as_str()).is_some_and(head_ok)
    })
}

/// The last words of `before`, one for each word of the rendering, agree pairwise.
fn last_words_agree(before: &[String], rendering: &str, same: impl Fn(&str, &str) -> bool) -> bool {
    let want = words(rendering);
    before.len() >= want.len()
        && before[before.len() - want.len()..]
            .iter()
            .zip(&want)
            .all(|(a, b)| same(a, b))
}

fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// Without short vowels, tatweel, joiners or the hamza seat of alef.
fn strip_marks(word: &str) -> String {
    word.chars()
        .filter(|&c| !is_arabic_mark(c) && !matches!(c, '\u{0640}' | '\u{200C}' | '\u{200D}'))
        .map(|c| if matches!(c, 'أ' | 'إ' | 'آ') { 'ا' } else { c })
        .collect()
}

/// An Arabic word without its article and the prefixes before it: بالظرف → ظرف.
fn arabic_word(word: &str) -> String {
    let word = strip_marks(word);
    let mut articles = Vec::new();
    for conjunction in ["", "و", "ف"] {
        for preposition in ["", "ب", "ل", "ك"] {
            articles.push(format!("{conjunction}{preposition}ال"));
        }
        articles.push(format!("{conjunction}لل"));
    }
    articles.sort_by_key(|a| std::cmp::Reverse(a.chars().count()));
    articles
        .iter()
        .find_map(|a| word.strip_prefix(a.as_str()).filter(|rest| rest.chars().count() >= 2))
        .unwrap_or(word.as_str())
        .to_owned()
}

/// What may stand before an Arabic rendering in the same word: و ف, then ب ل ك.
fn is_arabic_clitic(head: &str) -> bool {
    let mut rest = head;
    for set in [['و', 'ف'].as_slice(), ['ب', 'ل', 'ك'].as_slice()] {
        rest = rest.strip_prefix(set).unwrap_or(rest);
    }
    rest.is_empty()
}

/// An Urdu word without its oblique ending: نامہ, نامے → نام; کا, کے → ک.
fn urdu_word(word: &str) -> String {
    let word: String = strip_marks(word)
        .chars()
        .map(|c| match c {
            'ۂ' => 'ہ',
            'ۓ' => 'ے',
            c => c,
        })
        .collect();
    match word.strip_suffix(['ا', 'ہ', 'ے']) {
        Some(stem) if !stem.is_empty() => stem.to_owned(),
        _ => word,
    }
}

/// Two Ukrainian words agree when one stem begins the other.
fn stems_agree(a: &str, b: &str) -> bool {
    let (a, b) = (ukrainian_stem(a), ukrainian_stem(b));
    a.starts_with(&b) || b.starts_with(&a)
}

/// A Ukrainian word without its ending: the last two letters (one in a
/// four-letter word, none in a shorter one), і read as о, ь dropped.
fn ukrainian_stem(word: &str) -> String {
    let letters: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|&c| c != 'ь')
        .map(|c| if c == 'і' { 'о' } else { c })
        .collect();
    let ending = match letters.len() {
        0..=3 => 0,
        4 => 1,
        _ => 2,
    };
    letters[..letters.len() - ending].iter().collect()
}

/// An English or French word without case, a plural s or x, or l' d' qu'.
fn latin_word(word: &str) -> String {
    let word = word.to_lowercase();
    let word = ["l'", "d'", "qu'"]
        .iter()
        .find_map(|e| word.strip_prefix(e))
        .unwrap_or(word.as_str());
    word.strip_suffix(['s', 'x']).unwrap_or(word).to_owned()
}

fn normalize_apostrophes(text: &str) -> String {
    text.replace(['’', 'ʼ'], "'")
}
