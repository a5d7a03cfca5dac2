//! Step 1 of the corpus: a batch of documents cut into raw words, each word
//! numbered in the batch's own vocabulary, each document kept as the
//! sequence of its word numbers, text by text (see [`super`]).

use std::collections::HashMap;

use foldhash::fast::FixedState;

use super::fields::Field;
use super::{Numbered, EXTRA_TERMS_LANG};
use crate::sections::{split_sections, Sections};
use crate::tokenize::{self, is_number_gap};
use crate::SearchDocument;

/// Marks, in a sequence of word numbers, a word separated from the word
/// before it by one of the characters that may join the digit groups of a
/// number (see [`crate::tokenize`]).
pub(super) const GAP: u32 = 1 << 31;

/// The number of `text` in `set`, added if new, and whether it was new.
fn number_of(set: &mut Numbered, text: &str) -> (u32, bool) {
    match set.get_index_of(text) {
        Some(id) => (id as u32, false),
        None => (set.insert_full(text.to_owned()).0 as u32, true),
    }
}

/// Where a text of a document ends in its sequence of words, and what it is.
pub(super) struct Segment {
    pub end: u32,
    pub field: Field,
    pub section: u32,
}

/// A document as a sequence of word numbers (batch vocabulary, with [`GAP`]).
pub(super) struct DocWords {
    pub words: Vec<u32>,
    /// Texts in order; their sections never decrease.
    pub segments: Vec<Segment>,
    /// The extra terms, as phrase numbers of the batch.
    pub phrases: Vec<u32>,
    /// The mentioned terms, as phrase numbers of the batch.
    pub mentions: Vec<u32>,
}

/// A batch's vocabulary: the raw words of each stemming language, numbered
/// together in the order they were met.
pub(super) struct Vocabulary {
    /// Per language, the number of each of its raw words. A plain map with
    /// its keys in its table: an `IndexSet` here, whose look-ups go through
    /// an index, cost 2.5% more of a build's instructions; the hand-written
    /// string tables that were here saved 1.1–1.2% (callgrind, 1,000 and
    /// 10,000 generated pages).
    numbers: Vec<HashMap<String, u32, FixedState>>,
    /// By number: (language, raw word).
    pub words: Vec<(u16, String)>,
    /// Per language, the language its words in Latin letters are stemmed
    /// as: in a text written in another script (Arabic, Cyrillic…), a word
    /// in Latin letters is a term of the portal's source language
    /// ("Questura" in Arabic text), and joins that language's stem group.
    latin_words_as: Vec<usize>,
    /// The byte ranges of the words of the text being read (a buffer).
    bounds: Vec<(usize, usize)>,
}

/// Languages not written in Latin letters (ISO 639-1).
const NON_LATIN_SCRIPT: &[&str] = &[
    "am", "ar", "be", "bg", "bn", "el", "fa", "gu", "he", "hi", "hy", "ja", "ka", "km", "kn", "ko", "mk", "ml", "mr",
    "my", "ne", "pa", "ps", "ru", "si", "ta", "te", "th", "ti", "uk", "ur", "yi", "zh",
];

impl Vocabulary {
    /// A vocabulary for texts in `langs`, whose first is the language of
    /// the extra terms.
    fn new(langs: &[&str]) -> Self {
        let n = langs.len();
        Vocabulary {
            numbers: (0..n).map(|_| HashMap::default()).collect(),
            words: Vec::new(),
            latin_words_as: langs
                .iter()
                .enumerate()
                .map(|(i, lang)| if NON_LATIN_SCRIPT.contains(lang) { 0 } else { i })
                .collect(),
            bounds: Vec::new(),
        }
    }

    /// Appends to `out` the number of each raw word of `text`, marked with
    /// [`GAP`] when a number gap separates it from the word before.
    fn scan(&mut self, text: &str, lang: usize, out: &mut Vec<u32>) {
        let mut bounds = std::mem::take(&mut self.bounds);
        bounds.clear();
        tokenize::for_each_word(text, |start, end| bounds.push((start, end)));
        let bytes = text.as_bytes();
        let latin = self.latin_words_as[lang];
        let mut previous_end = None;
        for &(start, end) in &bounds {
            let gap = previous_end.is_some_and(|previous| is_number_gap(&bytes[previous..start]));
            previous_end = Some(end);
            let word = &text[start..end];
            let lang = if latin != lang && bytes[start].is_ascii_alphabetic() {
                latin
            } else {
                lang
            };
            let numbers = &mut self.numbers[lang];
            let number = match numbers.get(word) {
                Some(&number) => number,
                None => {
                    let number = self.words.len() as u32;
                    numbers.insert(word.to_owned(), number);
                    self.words.push((lang as u16, word.to_owned()));
                    number
                }
            };
            out.push(if gap { number | GAP } else { number });
        }
        self.bounds = bounds;
    }
}

/// Step 1's result for a batch of documents.
pub(super) struct Batch<'a> {
    /// Id of the batch's first document.
    pub first_doc: u32,
    pub docs: Vec<DocWords>,
    pub sections: Vec<Sections<'a>>,
    /// The batch's raw words.
    pub vocabulary: Vocabulary,
    /// The word sequence of each phrase (extra term): a range of `phrase_words`.
    pub phrases: Vec<(u32, u32)>,
    pub phrase_words: Vec<u32>,
    /// Per phrase, the phrase that followed it last ([`u32::MAX`]: none).
    pub next_phrase: Vec<u32>,
}

/// Reads a batch of documents, the first of which has id `first_doc`.
pub(super) fn read_batch<'a>(first_doc: u32, docs: &[&'a SearchDocument<'a>], langs: &[&str]) -> Batch<'a> {
    let lang_of = |code: &str| langs.iter().position(|l| *l == code).unwrap_or(0);
    let extra_lang = lang_of(EXTRA_TERMS_LANG);
    let mut vocabulary = Vocabulary::new(langs);
    let mut phrase_ids = Numbered::default();
    // Per phrase, the phrase that followed it last: extra terms come in
    // much the same order on every page, and a guess checked costs less
    // than a look-up.
    let mut next_phrase: Vec<u32> = Vec::new();
    let mut first_phrase = u32::MAX;
    let mut phrases = Vec::new();
    let mut phrase_words = Vec::new();
    let mut out_docs = Vec::with_capacity(docs.len());
    let mut out_sections = Vec::with_capacity(docs.len());
    for doc in docs {
        let lang = lang_of(&doc.content_lang);
        let sections = split_sections(&doc.body, &doc.headings);
        let mut words = Vec::with_capacity((doc.title.len() + doc.summary.len() + doc.body.len()) / 5 + 8);
        let mut segments = Vec::with_capacity(2 * sections.texts.len() + 2);
        let mut text = |text: &str, field: Field, section: u32, words: &mut Vec<u32>| {
            vocabulary.scan(text, lang, words);
            segments.push(Segment {
                end: words.len() as u32,
                field,
                section,
            });
        };
        // Section by section, so that a stem's weight per section is complete
        // when the next section starts.
        text(&doc.title, Field::Title, 0, &mut words);
        text(&doc.summary, Field::Summary, 0, &mut words);
        for (i, body) in sections.texts.iter().enumerate() {
            if i > 0 {
                text(&doc.headings[i - 1].1, Field::Heading, i as u32, &mut words);
            }
            text(body, Field::Body, i as u32, &mut words);
        }
        let mut previous = u32::MAX;
        let mut phrase_of = |term: &str| {
            let guess = match previous {
                u32::MAX => first_phrase,
                p => next_phrase[p as usize],
            };
            let id = if guess != u32::MAX && phrase_ids[guess as usize] == term {
                guess
            } else {
                let (id, new) = number_of(&mut phrase_ids, term);
                if new {
                    let start = phrase_words.len() as u32;
                    vocabulary.scan(term, extra_lang, &mut phrase_words);
                    phrases.push((start, phrase_words.len() as u32));
                    next_phrase.push(u32::MAX);
                }
                match previous {
                    u32::MAX => first_phrase = id,
                    p => next_phrase[p as usize] = id,
                }
                id
            };
            previous = id;
            id
        };
        let doc_phrases: Vec<u32> = doc.extra_terms.iter().map(|term| phrase_of(term)).collect();
        let doc_mentions: Vec<u32> = doc.mentioned_terms.iter().map(|term| phrase_of(term)).collect();
        out_docs.push(DocWords {
            words,
            segments,
            phrases: doc_phrases,
            mentions: doc_mentions,
        });
        out_sections.push(sections);
    }
    Batch {
        first_doc,
        docs: out_docs,
        sections: out_sections,
        vocabulary,
        phrases,
        phrase_words,
        next_phrase,
    }
}
