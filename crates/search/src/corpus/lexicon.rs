//! Step 2 of the corpus: the batches' vocabularies merged into one, each
//! distinct raw word normalised, folded and stemmed once (in parallel), its
//! terms and stems given ids; and the joined tails of numbers ("0865 41 41"
//! also gives "08654141" and "4141") given theirs (see [`super`]).

use std::collections::HashMap;

use foldhash::fast::FixedState;
use indexmap::IndexMap;
use rayon::prelude::*;

use super::read::{Batch, GAP};
use super::walk::{sequences, walk, Emit};
use super::Numbered;
use crate::tokenize::{self, Stemmer, MAX_NUMBER_DIGITS};

/// A distinct raw word of the corpus (in one stemming language).
#[derive(Clone, Copy)]
pub(super) struct Entry {
    /// Its stems, in order, as a range of [`Lexicon::entry_stems`].
    pub start: u32,
    pub end: u32,
    /// The digits of a digit group that may join a number (at most
    /// [`MAX_NUMBER_DIGITS`]), else 0.
    pub digits: u32,
}

/// Terms and stems, interned.
#[derive(Default)]
pub(super) struct Lexicon {
    /// Every distinct raw word of the corpus, by entry number.
    entries: Vec<Entry>,
    /// The stems of all entries, an entry's a range of them.
    pub entry_stems: Vec<u32>,
    /// Each folded word and its stem ids, in the order met.
    pub words: IndexMap<String, Vec<u32>, FixedState>,
    /// The stem keys; a stem's id is its position.
    pub stems: Numbered,
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
pub(super) fn merge_vocabularies(batches: &[Batch], langs: &[&str], lexicon: &mut Lexicon) -> Vec<Vec<Entry>> {
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

/// Gives the joined tails of numbers their ids: per batch, the stem of each
/// tail in the order [`sequences`] meets them.
pub(super) fn number_tails(batches: &[Batch], entries: &[Vec<Entry>], lexicon: &mut Lexicon) -> Vec<Vec<u32>> {
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
