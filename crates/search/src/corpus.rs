//! The in-memory inverted index of one language: every document's terms,
//! grouped by stem, scored once with BM25F.
//!
//! Scores are computed here, at build time, because everything they depend
//! on (term frequencies per field, field lengths, document frequency) is
//! known: a posting carries its final score, quantised to an integer, and the
//! browser only adds them up.
//!
//! # How the work is done
//!
//! A portal says the same few thousand words over and over, so each distinct
//! word is normalised (NFC), folded and stemmed once, not at each occurrence,
//! and documents are analysed in parallel, in batches:
//!
//! 1. Each batch of documents (in parallel) cuts its texts into raw words and
//!    numbers them in a vocabulary of its own, keeping for each document only
//!    the sequence of word numbers. An extra term (a glossary term, repeated
//!    on many pages) is cut once per batch.
//! 2. The batches' vocabularies are merged, in order, into one; each new word
//!    is normalised, folded and stemmed (in parallel), and its terms and stems receive
//!    ids. Numbers written in groups ("0865 41 41") are joined here too.
//! 3. Each batch (in parallel) turns its sequences into per-document stem
//!    counts. Pages list their extra terms in much the same order, so a run
//!    of extra terms met before is counted at once.
//! 4. Document frequencies give the scores (in parallel); a stem in more
//!    than [`MAX_POSTINGS`] documents keeps those above a score threshold
//!    found from a histogram, and its postings are gathered in document
//!    order.
//!
//! Only the order of documents (by URL) and the strings themselves decide the
//! output; ids are internal, and the files are the same byte for byte
//! whatever the number of threads.

use std::collections::HashMap;

use foldhash::fast::FixedState;
use indexmap::{IndexMap, IndexSet};
use rayon::prelude::*;

use crate::sections::{split_sections, Sections};
use crate::stem_rules;
use crate::tokenize::{self, Stemmer, MAX_NUMBER_DIGITS, MAX_NUMBER_GROUPS};
use crate::SearchDocument;

/// The fields of a document, in the order of [`FIELD_WEIGHTS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Title = 0,
    Extra = 1,
    Heading = 2,
    Summary = 3,
    Body = 4,
    Mention = 5,
}

/// How many fields a document has.
const FIELDS: usize = 6;

/// How much one occurrence counts, per field: title, extra (Italian) terms,
/// headings, summary, body, Italian terms the text mentions.
const FIELD_WEIGHTS: [f64; FIELDS] = [5.0, 4.0, 3.0, 2.0, 1.0, 1.0];

/// [`FIELD_WEIGHTS`] as integers, to add up the weight of a stem per section
/// exactly.
const SECTION_WEIGHTS: [u32; FIELDS] = [5, 4, 3, 2, 1, 1];

/// BM25F length normalisation per field: short fields are barely normalised.
const FIELD_B: [f64; FIELDS] = [0.3, 0.3, 0.5, 0.5, 0.75, 0.3];

/// BM25 term-frequency saturation.
const K1: f64 = 1.2;

/// Scores are stored as integers: the BM25F score times this.
const SCORE_SCALE: f64 = 100.0;
/// The least weight a word has, however common.
const MIN_IDF: f64 = 0.2;

/// A stem keeps at most this many postings, the best-scoring ones. A stem
/// found in more documents than this has a low IDF: losing its weakest
/// postings keeps chunks bounded at 10,000 pages at a negligible cost.
pub(crate) const MAX_POSTINGS: usize = 1000;

/// The language whose stemmer reads [`SearchDocument::extra_terms`].
const EXTRA_TERMS_LANG: &str = "it";

/// Documents analysed together, with one vocabulary: fewer batches repeat
/// less work in the merge, more batches share it better between threads.
const BATCHES_PER_THREAD: usize = 4;

/// Fewest documents in a batch.
const MIN_BATCH_DOCS: usize = 32;

/// Marks, in a sequence of word numbers, a word separated from the word
/// before it by one of the characters that may join the digit groups of a
/// number (see [`crate::tokenize`]).
const GAP: u32 = 1 << 31;

/// One document in which a stem occurs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Posting {
    /// Document id: its index in [`Corpus::docs`].
    pub doc: u32,
    /// BM25F score times [`SCORE_SCALE`], at least 1.
    pub score: u32,
    /// Where the stem weighs most: 0 for the title, summary and text before
    /// the first heading, `i` for the section under heading `i - 1`.
    pub section: u32,
}

/// A stem group: its key and its postings, ordered by document id.
pub(crate) struct Stem {
    pub key: String,
    pub postings: Vec<Posting>,
}

/// A folded word of the corpus and the stems it was given (usually one; two
/// when the word occurs in texts of two languages), ordered by key (bytes).
pub(crate) struct Word {
    pub text: String,
    pub stems: Vec<u32>,
}

/// The analysed documents of one language index.
pub(crate) struct Corpus<'a> {
    /// The documents, ordered by URL: the position is the document id.
    pub docs: Vec<(&'a SearchDocument<'a>, Sections<'a>)>,
    /// The stem groups; a stem's id is its position.
    pub stems: Vec<Stem>,
    /// Every folded word of the corpus, ordered by text (bytes).
    pub words: Vec<Word>,
}

/// Strings numbered in the order they were first added (an interner).
type Numbered = IndexSet<String, FixedState>;

/// The number of `text` in `set`, added if new, and whether it was new.
fn number_of(set: &mut Numbered, text: &str) -> (u32, bool) {
    match set.get_index_of(text) {
        Some(id) => (id as u32, false),
        None => (set.insert_full(text.to_owned()).0 as u32, true),
    }
}

// ---------------------------------------------------------------------------
// Step 1: raw words, numbered per batch.

/// Where a text of a document ends in its sequence of words, and what it is.
struct Segment {
    end: u32,
    field: Field,
    section: u32,
}

/// A document as a sequence of word numbers (batch vocabulary, with [`GAP`]).
struct DocWords {
    words: Vec<u32>,
    /// Texts in order; their sections never decrease.
    segments: Vec<Segment>,
    /// The extra terms, as phrase numbers of the batch.
    phrases: Vec<u32>,
    /// The mentioned terms, as phrase numbers of the batch.
    mentions: Vec<u32>,
}

/// A batch's vocabulary: the raw words of each stemming language, numbered
/// together in the order they were met.
struct Vocabulary {
    /// Per language, the number of each of its raw words.
    numbers: Vec<HashMap<String, u32, FixedState>>,
    /// By number: (language, raw word).
    words: Vec<(u16, String)>,
    /// Per language, the language its words in Latin letters are stemmed
    /// as: in a text written in another script (Arabic, Cyrillic…), a word
    /// in Latin letters is a term of the portal's source language
    /// ("Questura" in Arabic text), and joins that language's stem group.
    latin_words_as: Vec<usize>,
    /// The words of the text being read (a buffer).
    bounds: Vec<(u32, u32)>,
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

    /// Appends to `out` the number of each raw word of `text`.
    fn scan(&mut self, text: &str, lang: usize, out: &mut Vec<u32>) {
        let mut bounds = std::mem::take(&mut self.bounds);
        bounds.clear();
        tokenize::for_each_word(text, |s, e| bounds.push((s as u32, e as u32)));
        let bytes = text.as_bytes();
        let latin = self.latin_words_as[lang];
        let mut previous_end = usize::MAX;
        out.reserve(bounds.len());
        for &(start, end) in &bounds {
            let (start, end) = (start as usize, end as usize);
            let gap = previous_end != usize::MAX && is_number_gap(&bytes[previous_end..start]);
            previous_end = end;
            let lang = if latin != lang && bytes[start].is_ascii_alphabetic() {
                latin
            } else {
                lang
            };
            let word = &text[start..end];
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

/// Whether the bytes between two words are one of the characters that may
/// join digit groups (`tokenize::is_number_gap`).
#[inline]
fn is_number_gap(gap: &[u8]) -> bool {
    match gap {
        [b] => matches!(b, b' ' | b'.' | b'-' | b'/'),
        [0xc2, 0xa0] | [0xe2, 0x80, 0xaf] => true,
        _ => false,
    }
}

/// Step 1's result for a batch of documents.
struct Batch<'a> {
    /// Id of the batch's first document.
    first_doc: u32,
    docs: Vec<DocWords>,
    sections: Vec<Sections<'a>>,
    /// The batch's raw words.
    vocabulary: Vocabulary,
    /// The word sequence of each phrase (extra term): a range of `phrase_words`.
    phrases: Vec<(u32, u32)>,
    phrase_words: Vec<u32>,
    /// Per phrase, the phrase that followed it last ([`u32::MAX`]: none).
    next_phrase: Vec<u32>,
}

fn read_batch<'a>(first_doc: u32, docs: &[&'a SearchDocument<'a>], langs: &[&str]) -> Batch<'a> {
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

// ---------------------------------------------------------------------------
// Step 2: one vocabulary, folded and stemmed.

/// A distinct raw word of the corpus (in one stemming language).
#[derive(Clone, Copy)]
struct Entry {
    /// Its stems, in order, as a range of [`Lexicon::entry_stems`].
    start: u32,
    end: u32,
    /// The digits of a digit group that may join a number (at most
    /// [`MAX_NUMBER_DIGITS`]), else 0.
    digits: u32,
}

/// Terms and stems, interned.
#[derive(Default)]
struct Lexicon {
    entries: Vec<Entry>,
    entry_stems: Vec<u32>,
    /// Each folded word and its stem ids, in the order met.
    words: IndexMap<String, Vec<u32>, FixedState>,
    /// The stem keys; a stem's id is its position.
    stems: Numbered,
}

impl Lexicon {
    /// Records that `word` was given `stem`; returns the stem id.
    fn pair(&mut self, word: String, stem: String) -> u32 {
        let stem = self.stems.insert_full(stem).0 as u32;
        let stems = self.words.entry(word).or_default();
        if !stems.contains(&stem) {
            stems.push(stem);
        }
        stem
    }
}

/// Merges the batches' vocabularies: returns, per batch, the entry of each of
/// its words.
fn merge_vocabularies(batches: &[Batch], langs: &[&str], lexicon: &mut Lexicon) -> Vec<Vec<Entry>> {
    // Per language, the entry number of each raw word met so far.
    let mut known: Vec<HashMap<&str, u32, FixedState>> = langs.iter().map(|_| HashMap::default()).collect();
    // By entry number: (language, raw word).
    let mut new: Vec<(u16, &str)> = Vec::new();
    let maps: Vec<Vec<u32>> = batches
        .iter()
        .map(|batch| {
            batch
                .vocabulary
                .words
                .iter()
                .map(|(lang, word)| {
                    *known[*lang as usize].entry(word).or_insert_with(|| {
                        new.push((*lang, word));
                        new.len() as u32 - 1
                    })
                })
                .collect()
        })
        .collect();
    let stemmers: Vec<Stemmer> = langs.iter().map(|l| Stemmer::new(l)).collect();
    let analysed: Vec<(Vec<(String, String)>, bool)> = new
        .par_iter()
        .with_min_len(64)
        .map(|&(lang, word)| tokenize::analyse_word(word, &stemmers[lang as usize]))
        .collect();
    lexicon.entries.reserve(analysed.len());
    for (pairs, digit_group) in analysed {
        let start = lexicon.entry_stems.len() as u32;
        let mut digits = 0;
        if digit_group && pairs.len() == 1 && pairs[0].0.len() <= MAX_NUMBER_DIGITS {
            digits = pairs[0].0.len() as u32;
        }
        for (term, stem) in pairs {
            let stem = lexicon.pair(term, stem);
            lexicon.entry_stems.push(stem);
        }
        lexicon.entries.push(Entry {
            start,
            end: lexicon.entry_stems.len() as u32,
            digits,
        });
    }
    maps.into_iter()
        .map(|map| map.into_iter().map(|e| lexicon.entries[e as usize]).collect())
        .collect()
}

/// What a sequence of words gives, in order: the stems of words (and of the
/// digit groups of a number), and the joined tails of numbers.
enum Emit<'w> {
    Stem(u32),
    /// The digit groups from one to the end of a number: their joined digits
    /// are a term of their own.
    Tail(&'w [u32]),
}

/// Walks a word sequence as `tokenize::tokens` does in index mode: a run of
/// two or more digit groups separated by single number gaps is a number.
#[inline]
fn walk<'w>(words: &'w [u32], entries: &[Entry], entry_stems: &[u32], mut emit: impl FnMut(Emit<'w>)) {
    let mut i = 0;
    while i < words.len() {
        i = step(words, i, entries, entry_stems, &mut emit);
    }
}

/// One step of [`walk`] from word `i`: a number, or word `i`. Returns where
/// the next step starts.
#[inline]
fn step<'w>(
    words: &'w [u32],
    i: usize,
    entries: &[Entry],
    entry_stems: &[u32],
    emit: &mut impl FnMut(Emit<'w>),
) -> usize {
    let entry = |w: u32| &entries[(w & !GAP) as usize];
    let mut end = i;
    let mut digits = 0;
    while end < words.len() {
        let d = entry(words[end]).digits as usize;
        if d == 0
            || end - i >= MAX_NUMBER_GROUPS
            || digits + d > MAX_NUMBER_DIGITS
            || (end > i && words[end] & GAP == 0)
        {
            break;
        }
        digits += d;
        end += 1;
    }
    if end - i >= 2 {
        for &w in &words[i..end] {
            emit(Emit::Stem(entry_stems[entry(w).start as usize]));
        }
        for from in i..end - 1 {
            emit(Emit::Tail(&words[from..end]));
        }
        return end;
    }
    let e = entry(words[i]);
    for &stem in &entry_stems[e.start as usize..e.end as usize] {
        emit(Emit::Stem(stem));
    }
    i + 1
}

/// For [`count_batch`]'s quick path: the stem of each word of a batch that
/// gives exactly one stem and is no digit group, else [`u32::MAX`].
fn single_stems(entries: &[Entry], entry_stems: &[u32]) -> Vec<u32> {
    entries
        .iter()
        .map(|e| {
            if e.digits == 0 && e.end == e.start + 1 {
                entry_stems[e.start as usize]
            } else {
                u32::MAX
            }
        })
        .collect()
}

/// The word sequences of a batch, phrases first, then documents text by text:
/// the order in which numbers' tails are met.
fn sequences<'b>(batch: &'b Batch) -> impl Iterator<Item = &'b [u32]> {
    let phrases = batch
        .phrases
        .iter()
        .map(|&(s, e)| &batch.phrase_words[s as usize..e as usize]);
    let docs = batch.docs.iter().flat_map(|doc| {
        let mut start = 0;
        doc.segments.iter().map(move |seg| {
            let words = &doc.words[start as usize..seg.end as usize];
            start = seg.end;
            words
        })
    });
    phrases.chain(docs)
}

/// Gives the joined tails of numbers their ids: per batch, the stem of each
/// tail in the order [`sequences`] meets them.
fn number_tails(batches: &[Batch], entries: &[Vec<Entry>], lexicon: &mut Lexicon) -> Vec<Vec<u32>> {
    let lex = &*lexicon;
    let tails: Vec<Vec<String>> = batches
        .par_iter()
        .zip(entries)
        .map(|(batch, entries)| {
            let mut tails = Vec::new();
            if entries.iter().all(|e| e.digits == 0) {
                return tails;
            }
            for words in sequences(batch) {
                walk(words, entries, &lex.entry_stems, |emit| {
                    if let Emit::Tail(groups) = emit {
                        let mut joined = String::new();
                        for &w in groups {
                            let e = &entries[(w & !GAP) as usize];
                            joined.push_str(&lex.stems[lex.entry_stems[e.start as usize] as usize]);
                        }
                        tails.push(joined);
                    }
                });
            }
            tails
        })
        .collect();
    tails
        .into_iter()
        .map(|tails| tails.into_iter().map(|t| lexicon.pair(t.clone(), t)).collect())
        .collect()
}

// ---------------------------------------------------------------------------
// Step 3: counts per document, scores, postings.

/// A stem in one document.
struct DocStem {
    stem: u32,
    tf: [u32; FIELDS],
    /// The section where the stem weighs most.
    section: u32,
}

/// A stem in one document, scored.
#[derive(Clone, Copy)]
struct Scored {
    stem: u32,
    score: u32,
    section: u32,
}

/// A document's stems and field lengths.
struct DocCounts {
    lengths: [u32; FIELDS],
    stems: Vec<DocStem>,
}

/// A stem while its document is counted.
struct Open {
    stem: u32,
    tf: [u32; FIELDS],
    section: u32,
    weight: u32,
    best_section: u32,
    best_weight: u32,
}

impl Open {
    /// Sections come in increasing order: a later one wins only if heavier.
    fn close_section(&mut self) {
        if self.weight > self.best_weight {
            self.best_section = self.section;
            self.best_weight = self.weight;
        }
    }
}

/// The counts of a batch's documents, and how many of them have each stem.
fn count_batch(batch: &Batch, entries: &[Entry], tails: &[u32], lexicon: &Lexicon) -> (Vec<DocCounts>, Vec<u32>) {
    let mut df = vec![0u32; lexicon.stems.len()];
    let mut tails = tails.iter().copied();
    // Phrase number → its stems.
    let mut phrase_stems: Vec<u32> = Vec::new();
    let mut phrase_ranges: Vec<(u32, u32)> = Vec::with_capacity(batch.phrases.len());
    for &(s, e) in &batch.phrases {
        let start = phrase_stems.len() as u32;
        walk(
            &batch.phrase_words[s as usize..e as usize],
            entries,
            &lexicon.entry_stems,
            |emit| {
                phrase_stems.push(match emit {
                    Emit::Stem(stem) => stem,
                    Emit::Tail(_) => tails.next().unwrap_or_default(),
                });
            },
        );
        phrase_ranges.push((start, phrase_stems.len() as u32));
    }

    let single = single_stems(entries, &lexicon.entry_stems);
    // Runs of extra terms: (first phrase, length) → range of `run_stems`,
    // tokens; `counted` and `touched` count a run's stems.
    let mut runs: HashMap<(u32, u32), (u32, u32, u32), FixedState> = HashMap::default();
    let mut run_stems: Vec<(u32, u32)> = Vec::new();
    let mut counted = vec![0u32; lexicon.stems.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut slot = vec![u32::MAX; lexicon.stems.len()];
    let mut open: Vec<Open> = Vec::new();
    let counts = batch
        .docs
        .iter()
        .map(|doc| {
            let mut lengths = [0u32; FIELDS];
            // The extra and mentioned terms first: all in section 0, where
            // every stem starts. Pages list them in much the same order, so
            // they are counted by runs that follow that order, each run's
            // stems counted once.
            for (phrases, field) in [
                (&doc.phrases, Field::Extra as usize),
                (&doc.mentions, Field::Mention as usize),
            ] {
                let mut i = 0;
                while i < phrases.len() {
                    let mut j = i;
                    while j + 1 < phrases.len() && batch.next_phrase[phrases[j] as usize] == phrases[j + 1] {
                        j += 1;
                    }
                    let key = (phrases[i], (j - i + 1) as u32);
                    let (s, e, tokens) = *runs.entry(key).or_insert_with(|| {
                        let mut tokens = 0;
                        for &p in &phrases[i..=j] {
                            let (s, e) = phrase_ranges[p as usize];
                            tokens += e - s;
                            for &stem in &phrase_stems[s as usize..e as usize] {
                                if counted[stem as usize] == 0 {
                                    touched.push(stem);
                                }
                                counted[stem as usize] += 1;
                            }
                        }
                        let start = run_stems.len() as u32;
                        for stem in touched.drain(..) {
                            run_stems.push((stem, std::mem::take(&mut counted[stem as usize])));
                        }
                        (start, run_stems.len() as u32, tokens)
                    });
                    lengths[field] += tokens;
                    for &(stem, count) in &run_stems[s as usize..e as usize] {
                        let k = &mut slot[stem as usize];
                        if *k == u32::MAX {
                            *k = open.len() as u32;
                            open.push(Open {
                                stem,
                                tf: [0; FIELDS],
                                section: 0,
                                weight: 0,
                                best_section: 0,
                                best_weight: 0,
                            });
                        }
                        let o = &mut open[*k as usize];
                        o.tf[field] += count;
                        o.weight += SECTION_WEIGHTS[field] * count;
                    }
                    i = j + 1;
                }
            }
            let mut start = 0;
            for seg in &doc.segments {
                let words = &doc.words[start as usize..seg.end as usize];
                start = seg.end;
                let f = seg.field as usize;
                let section = seg.section;
                let mut emitted = 0;
                let mut add = |stem: u32| {
                    emitted += 1;
                    let k = &mut slot[stem as usize];
                    if *k == u32::MAX {
                        *k = open.len() as u32;
                        open.push(Open {
                            stem,
                            tf: [0; FIELDS],
                            section,
                            weight: 0,
                            best_section: 0,
                            best_weight: 0,
                        });
                    }
                    let o = &mut open[*k as usize];
                    o.tf[f] += 1;
                    if o.section != section {
                        o.close_section();
                        o.section = section;
                        o.weight = 0;
                    }
                    o.weight += SECTION_WEIGHTS[f];
                };
                let mut i = 0;
                while i < words.len() {
                    let stem = single[(words[i] & !GAP) as usize];
                    if stem != u32::MAX {
                        add(stem);
                        i += 1;
                        continue;
                    }
                    i = step(words, i, entries, &lexicon.entry_stems, &mut |emit| {
                        add(match emit {
                            Emit::Stem(stem) => stem,
                            Emit::Tail(_) => tails.next().unwrap_or_default(),
                        })
                    });
                }
                lengths[f] += emitted;
            }
            let stems = open
                .drain(..)
                .map(|mut o| {
                    o.close_section();
                    slot[o.stem as usize] = u32::MAX;
                    df[o.stem as usize] += 1;
                    DocStem {
                        stem: o.stem,
                        tf: o.tf,
                        section: o.best_section,
                    }
                })
                .collect();
            DocCounts { lengths, stems }
        })
        .collect();
    (counts, df)
}

/// Scores every (document, stem) with BM25F and gathers the postings of each
/// stem, best [`MAX_POSTINGS`] kept, in document order. `df`: how many
/// documents have each stem.
fn score(counts: Vec<DocCounts>, df: &[u32]) -> Vec<Vec<Posting>> {
    let n_stems = df.len();
    let n = counts.len() as f64;
    let mut avg = [0.0f64; FIELDS];
    for doc in &counts {
        for (f, len) in doc.lengths.iter().enumerate() {
            avg[f] += f64::from(*len);
        }
    }
    for a in &mut avg {
        *a /= n.max(1.0);
    }
    let idf: Vec<f64> = df
        .iter()
        .map(|&d| {
            let n_t = f64::from(d);
            // Floored: a word on nearly every page (a district's "permesso")
            // would otherwise weigh nothing, every page would score the
            // minimum and results would come in document order instead of
            // by where the word stands (title, headings, body).
            (1.0 + (n - n_t + 0.5) / (n_t + 0.5)).ln().max(MIN_IDF)
        })
        .collect();
    let scored: Vec<Vec<Scored>> = counts
        .into_par_iter()
        .with_min_len(16)
        .map(|doc| {
            let mut norm = [1.0f64; FIELDS];
            for f in 0..FIELDS {
                if avg[f] > 0.0 {
                    norm[f] = 1.0 - FIELD_B[f] + FIELD_B[f] * f64::from(doc.lengths[f]) / avg[f];
                }
            }
            doc.stems
                .iter()
                .map(|s| {
                    // Each field saturates on its own: however often the
                    // body repeats a word, a page with it in its title
                    // comes first.
                    let mut weight = 0.0;
                    for f in 0..FIELDS {
                        if s.tf[f] == 0 {
                            continue;
                        }
                        let tf = f64::from(s.tf[f]) / norm[f];
                        weight += FIELD_WEIGHTS[f] * tf / (K1 + tf);
                    }
                    let value = idf[s.stem as usize] * weight / FIELD_WEIGHTS[0];
                    Scored {
                        stem: s.stem,
                        score: ((value * SCORE_SCALE).round() as u32).max(1),
                        section: s.section,
                    }
                })
                .collect()
        })
        .collect();

    // A stem in more than MAX_POSTINGS documents keeps its best postings:
    // those scoring above a threshold, and the first of those scoring it.
    // Per stem: (threshold, postings at the threshold still to keep).
    let mut cut = vec![(0u32, u32::MAX); n_stems];
    let crowded: Vec<u32> = (0..n_stems as u32)
        .filter(|&s| df[s as usize] as usize > MAX_POSTINGS)
        .collect();
    if !crowded.is_empty() {
        let mut slot = vec![u32::MAX; n_stems];
        for (i, &s) in crowded.iter().enumerate() {
            slot[s as usize] = i as u32;
        }
        let mut scores: Vec<Vec<u32>> = crowded
            .iter()
            .map(|&s| Vec::with_capacity(df[s as usize] as usize))
            .collect();
        for s in scored.iter().flatten() {
            let k = slot[s.stem as usize];
            if k != u32::MAX {
                scores[k as usize].push(s.score);
            }
        }
        let thresholds: Vec<(u32, u32)> = scores
            .par_iter_mut()
            .map(|scores| {
                // The MAX_POSTINGS-th best score, and how many score more.
                let (_, &mut threshold, _) = scores.select_nth_unstable_by(MAX_POSTINGS - 1, |a, b| b.cmp(a));
                let above = scores.iter().filter(|&&score| score > threshold).count();
                (threshold, (MAX_POSTINGS - above) as u32)
            })
            .collect();
        for (&s, threshold) in crowded.iter().zip(thresholds) {
            cut[s as usize] = threshold;
        }
    }
    let mut postings: Vec<Vec<Posting>> = df
        .iter()
        .map(|&d| Vec::with_capacity((d as usize).min(MAX_POSTINGS)))
        .collect();
    for (id, doc) in scored.iter().enumerate() {
        for s in doc {
            let (threshold, at_threshold) = &mut cut[s.stem as usize];
            if s.score < *threshold {
                continue;
            }
            if s.score == *threshold && *at_threshold != u32::MAX {
                if *at_threshold == 0 {
                    continue;
                }
                *at_threshold -= 1;
            }
            postings[s.stem as usize].push(Posting {
                doc: id as u32,
                score: s.score,
                section: s.section,
            });
        }
    }
    postings
}

impl<'a> Corpus<'a> {
    /// Analyses and scores `docs`.
    pub fn build(docs: &'a [SearchDocument<'a>]) -> Self {
        let mut ordered: Vec<&SearchDocument> = docs.iter().collect();
        ordered.sort_by(|a, b| a.url.cmp(&b.url));
        let mut langs: Vec<&str> = vec![EXTRA_TERMS_LANG];
        for doc in &ordered {
            if !langs.contains(&doc.content_lang.as_ref()) {
                langs.push(&doc.content_lang);
            }
        }

        let batch_docs =
            (ordered.len() / (rayon::current_num_threads() * BATCHES_PER_THREAD).max(1)).max(MIN_BATCH_DOCS);
        let batches: Vec<Batch> = ordered
            .par_chunks(batch_docs)
            .enumerate()
            .map(|(i, docs)| read_batch((i * batch_docs) as u32, docs, &langs))
            .collect();

        let mut lexicon = Lexicon::default();
        let entries = merge_vocabularies(&batches, &langs, &mut lexicon);
        let tails = number_tails(&batches, &entries, &mut lexicon);
        let counted: Vec<(Vec<DocCounts>, Vec<u32>)> = batches
            .par_iter()
            .zip(&entries)
            .zip(&tails)
            .map(|((batch, entries), tails)| count_batch(batch, entries, tails, &lexicon))
            .collect();
        // The word sequences are done with: their memory serves the scores.
        drop((entries, tails));
        let mut docs_out = Vec::with_capacity(ordered.len());
        for batch in batches {
            let first = batch.first_doc as usize;
            docs_out.extend(
                ordered[first..first + batch.sections.len()]
                    .iter()
                    .copied()
                    .zip(batch.sections),
            );
        }
        let mut df = vec![0u32; lexicon.stems.len()];
        let mut counts = Vec::with_capacity(ordered.len());
        for (docs, batch_df) in counted {
            counts.extend(docs);
            for (total, n) in df.iter_mut().zip(batch_df) {
                *total += n;
            }
        }
        let postings = score(counts, &df);

        let stems: Vec<Stem> = lexicon
            .stems
            .into_iter()
            .zip(postings)
            .map(|(key, postings)| Stem { key, postings })
            .collect();
        let mut words: Vec<Word> = lexicon
            .words
            .into_iter()
            .map(|(text, stems)| Word { text, stems })
            .collect();
        sort_words(&mut words, &stems);
        Corpus {
            docs: docs_out,
            stems,
            words,
        }
    }

    /// Files each word that starts with a clitic also under the rest of the
    /// word (see [`crate::stem_rules`]).
    pub fn add_clitic_aliases(&mut self, clitics: &[String]) {
        if clitics.is_empty() {
            return;
        }
        let mut aliases: HashMap<&str, Vec<u32>, FixedState> = HashMap::default();
        for word in &self.words {
            for rest in stem_rules::clitic_aliases(&word.text, clitics) {
                aliases.entry(rest).or_default().extend(&word.stems);
            }
        }
        if aliases.is_empty() {
            return;
        }
        let index: HashMap<&str, usize, FixedState> = self
            .words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.text.as_str(), i))
            .collect();
        let mut extend: Vec<(usize, Vec<u32>)> = Vec::new();
        let mut new: Vec<Word> = Vec::new();
        for (alias, stems) in aliases {
            match index.get(alias) {
                Some(&i) => extend.push((i, stems)),
                None => new.push(Word {
                    text: alias.to_string(),
                    stems,
                }),
            }
        }
        for (i, stems) in extend {
            self.words[i].stems.extend(stems);
        }
        self.words.extend(new);
        sort_words(&mut self.words, &self.stems);
    }

    /// The (word, stem) pairs of the corpus.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.words.iter().flat_map(move |w| {
            w.stems
                .iter()
                .map(move |&s| (w.text.as_str(), self.stems[s as usize].key.as_str()))
        })
    }
}

/// Orders words by text, and each word's stems by key, without repeats (as
/// a `BTreeMap<String, BTreeSet<String>>` would).
fn sort_words(words: &mut [Word], stems: &[Stem]) {
    words.par_sort_unstable_by(|a, b| a.text.cmp(&b.text));
    for word in words.iter_mut() {
        if word.stems.len() > 1 {
            word.stems
                .sort_unstable_by(|&a, &b| stems[a as usize].key.cmp(&stems[b as usize].key));
            word.stems.dedup();
        }
    }
}

#[cfg(test)]
impl Corpus<'_> {
    /// Stem key → postings.
    pub fn stem_map(&self) -> std::collections::BTreeMap<&str, &Vec<Posting>> {
        self.stems.iter().map(|s| (s.key.as_str(), &s.postings)).collect()
    }

    /// Word → stem keys.
    pub fn word_map(&self) -> std::collections::BTreeMap<&str, std::collections::BTreeSet<&str>> {
        self.words
            .iter()
            .map(|w| {
                let stems = w.stems.iter().map(|&s| self.stems[s as usize].key.as_str()).collect();
                (w.text.as_str(), stems)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::doc;

    #[test]
    fn a_word_on_every_page_still_ranks_by_where_it_stands() {
        let urls: Vec<String> = (0..200).map(|i| format!("c{i}")).collect();
        let mut docs: Vec<_> = urls
            .iter()
            .map(|u| doc(u, "Comune", "", "Chiedi il permesso allo sportello."))
            .collect();
        docs.push(doc("p", "Permesso di soggiorno", "", "Il permesso serve."));
        let corpus = Corpus::build(&docs);
        let postings = &corpus.stem_map()["permess"];
        assert_eq!(postings.len(), 201);
        assert!(
            postings[200].score > postings[0].score,
            "the title match weighs more: {:?}",
            &postings[199..]
        );
    }

    #[test]
    fn title_outweighs_body() {
        let docs = vec![
            doc("a", "Questura", "", "Altro testo qui."),
            doc("b", "Altro", "", "Si va in questura."),
        ];
        let corpus = Corpus::build(&docs);
        let postings = &corpus.stem_map()["questur"];
        assert_eq!(postings.len(), 2);
        assert!(postings[0].score > postings[1].score, "{postings:?}");
    }

    #[test]
    fn word_forms_share_postings_and_words_know_their_stem() {
        let docs = vec![doc("a", "Documenti", "", ""), doc("b", "Documento", "", "")];
        let corpus = Corpus::build(&docs);
        assert_eq!(corpus.stem_map()["document"].len(), 2);
        assert!(corpus.word_map()["documenti"].contains("document"));
        assert!(corpus.word_map()["documento"].contains("document"));
    }

    /// The score of each document for `stem`, by document number.
    fn scores(docs: &[SearchDocument], stem: &str) -> impl Fn(u32) -> u32 {
        let postings = Corpus::build(docs).stem_map()[stem].clone();
        move |doc| postings.iter().find(|p| p.doc == doc).unwrap().score
    }

    #[test]
    fn a_word_in_the_title_outranks_a_word_repeated_in_the_body() {
        let repeated = "Il permesso qui. ".repeat(20);
        let docs = vec![
            doc("a", "Comune di Pesche", "", &repeated),
            doc("b", "Rinnovo del permesso", "", "Come fare."),
        ];
        let score = scores(&docs, "permess");
        assert!(score(1) > score(0), "title {} against body {}", score(1), score(0));
    }

    #[test]
    fn a_mentioned_italian_term_weighs_less_than_the_italian_title() {
        let mut mentions = doc("a", "School enrolment", "", "Bring your papers.");
        mentions.content_lang = "en".into();
        mentions.mentioned_terms = vec!["Questura".into()];
        let mut titled = doc("b", "Police headquarters", "", "Bring your papers.");
        titled.content_lang = "en".into();
        titled.extra_terms = vec!["Questura di Isernia".into()];
        let docs = vec![mentions, titled];
        let score = scores(&docs, "questur");
        assert!(score(1) > score(0), "title {} against mention {}", score(1), score(0));
    }

    #[test]
    fn latin_words_in_arabic_text_join_the_italian_stem_group() {
        let mut arabic = doc("a", "مديرية الشرطة", "", "اذهب إلى Questura صباحا.");
        arabic.content_lang = "ar".into();
        arabic.extra_terms = vec!["Questura di Isernia".into()];
        let mut english = doc("b", "Police", "", "Go to the Questura.");
        english.content_lang = "en".into();
        let docs = vec![arabic, english];
        let corpus = Corpus::build(&docs);
        let words = corpus.word_map();
        assert_eq!(
            words["questura"].iter().copied().collect::<Vec<_>>(),
            ["questur", "questura"],
            "Italian stem from the Arabic text and the extra term; English stem from the English text"
        );
        assert_eq!(corpus.stem_map()["questur"].len(), 1, "one group for the Arabic page");
    }

    #[test]
    fn section_is_where_the_word_weighs_most() {
        let mut d = doc("a", "Ufficio", "", "Intro. Orari\nAperto il lunedì.");
        d.headings = vec![("orari".into(), "Orari".into())];
        let docs = vec![d];
        let corpus = Corpus::build(&docs);
        let luned = corpus
            .stem_map()
            .into_iter()
            .find(|(k, _)| k.starts_with("luned"))
            .expect("stem of lunedì");
        assert_eq!(luned.1[0].section, 1);
        assert_eq!(corpus.stem_map()["uffic"][0].section, 0);
    }

    #[test]
    fn decomposed_text_is_indexed_as_composed_text() {
        let composed = vec![doc("a", "Città", "", "Perché la sanità? صِحَّة")];
        let decomposed = vec![doc("a", "Citta\u{300}", "", "Perche\u{301} la sanita\u{300}? صِحَّة")];
        let (a, b) = (Corpus::build(&composed), Corpus::build(&decomposed));
        assert_eq!(a.word_map(), b.word_map());
        assert_eq!(a.stem_map(), b.stem_map());
        assert!(a.word_map().contains_key("citta"));
    }

    #[test]
    fn extra_terms_are_indexed_with_italian_rules() {
        let mut d = doc("a", "Residence permit", "", "");
        d.content_lang = "en".into();
        d.extra_terms = vec!["permessi di soggiorno".into()];
        let docs = vec![d];
        let corpus = Corpus::build(&docs);
        assert!(corpus.word_map()["permessi"].contains("permess"));
    }

    #[test]
    fn postings_are_capped_keeping_the_best() {
        // "casa" is in the body of 1,200 of 2,000 documents, and in the title of 300.
        let docs: Vec<SearchDocument> = (0..2000)
            .map(|i| {
                let title = if i < 1200 && i % 4 == 0 { "casa" } else { "altro" };
                let body = if i < 1200 { "casa" } else { "strada" };
                doc(&format!("{i:05}"), title, "", body)
            })
            .collect();
        let corpus = Corpus::build(&docs);
        let postings = &corpus.stem_map()["cas"];
        assert_eq!(postings.len(), MAX_POSTINGS);
        assert!(postings.windows(2).all(|w| w[0].doc < w[1].doc));
        let title_docs = postings.iter().filter(|p| p.doc % 4 == 0).count();
        assert_eq!(title_docs, 300, "every title match is kept");
    }
}
