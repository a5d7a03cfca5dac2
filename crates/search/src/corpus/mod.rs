//! The in-memory inverted index of one language: every document's terms,
//! grouped by stem, scored once with BM25F.
//!
//! # How the work is done
//!
//! A portal says the same few thousand words over and over, so each distinct
//! word is normalised (NFC), folded and stemmed once, not at each occurrence,
//! and documents are analysed in parallel, in batches. One step per module:
//!
//! 1. [`read`]: each batch of documents (in parallel) cuts its texts into raw
//!    words and numbers them in a vocabulary of its own, keeping for each
//!    document only the sequence of word numbers. An extra term (a glossary
//!    term, repeated on many pages) is cut once per batch.
//! 2. [`lexicon`]: the batches' vocabularies are merged, in order, into one;
//!    each new word is normalised, folded and stemmed (in parallel), and its
//!    terms and stems receive ids. Numbers written in groups ("0865 41 41")
//!    are joined here too, sequences being read as the tokenizer reads text
//!    ([`walk`]).
//! 3. [`count`]: each batch (in parallel) turns its sequences into
//!    per-document stem counts per field ([`fields`]). Pages list their extra
//!    terms in much the same order, so a run of extra terms met before is
//!    counted at once.
//! 4. [`score`]: document frequencies give the BM25F scores (in parallel); a
//!    stem in more than [`score::MAX_POSTINGS`] documents keeps its best
//!    postings, and its postings are gathered in document order.
//!
//! Only the order of documents (by URL) and the strings themselves decide the
//! output; ids are internal, and the files are the same byte for byte
//! whatever the number of threads.

mod count;
mod fields;
mod lexicon;
mod read;
mod score;
mod walk;

use std::collections::HashMap;

use foldhash::fast::FixedState;
use indexmap::IndexSet;
use rayon::prelude::*;

use crate::sections::Sections;
use crate::stem_rules;
use crate::SearchDocument;
use count::{count_batch, DocCounts};
use lexicon::{merge_vocabularies, number_tails, Lexicon};
use read::{read_batch, Batch};
use score::score;

/// The language whose stemmer reads [`SearchDocument::extra_terms`].
const EXTRA_TERMS_LANG: &str = "it";

/// Documents analysed together, with one vocabulary: fewer batches repeat
/// less work in the merge, more batches share it better between threads.
const BATCHES_PER_THREAD: usize = 4;

/// Fewest documents in a batch.
const MIN_BATCH_DOCS: usize = 32;

/// One document in which a stem occurs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Posting {
    /// Document id: its index in [`Corpus::docs`].
    pub doc: u32,
    /// BM25F score times [`score::SCORE_SCALE`], at least 1.
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
    fn word_forms_share_postings_and_words_know_their_stem() {
        let docs = vec![doc("a", "Documenti", "", ""), doc("b", "Documento", "", "")];
        let corpus = Corpus::build(&docs);
        assert_eq!(corpus.stem_map()["document"].len(), 2);
        assert!(corpus.word_map()["documenti"].contains("document"));
        assert!(corpus.word_map()["documento"].contains("document"));
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
}
