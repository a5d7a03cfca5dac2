//! Reading a sequence of word numbers as [`crate::tokenize::tokens`] reads
//! a text in index mode: the stems of its words, and its numbers (runs of
//! digit groups) with their joined tails.

use super::lexicon::Entry;
use super::read::{Batch, GAP};
use crate::tokenize::{MAX_NUMBER_DIGITS, MAX_NUMBER_GROUPS};

/// What a sequence of words gives, in order: the stems of words (and of the
/// digit groups of a number), and the joined tails of numbers.
pub(super) enum Emit<'w> {
    Stem(u32),
    /// The digit groups from one to the end of a number: their joined digits
    /// are a term of their own.
    Tail(&'w [u32]),
}

/// Walks a word sequence as `tokenize::tokens` does in index mode: a run of
/// two or more digit groups separated by single number gaps is a number.
#[inline]
pub(super) fn walk<'w>(words: &'w [u32], entries: &[Entry], entry_stems: &[u32], mut emit: impl FnMut(Emit<'w>)) {
    let mut i = 0;
    while i < words.len() {
        i = step(words, i, entries, entry_stems, &mut emit);
    }
}

/// One step of [`walk`] from word `i`: a number, or word `i`. Returns where
/// the next step starts.
#[inline]
pub(super) fn step<'w>(
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

/// The word sequences of a batch, phrases first, then documents text by text:
/// the order in which numbers' tails are met.
pub(super) fn sequences<'b>(batch: &'b Batch) -> impl Iterator<Item = &'b [u32]> {
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

#[cfg(test)]
mod tests {
    use crate::corpus::Corpus;
    use crate::tests::doc;
    use crate::tokenize::terms;

    /// The corpus reads numbers as `tokenize::tokens` does.
    #[test]
    fn corpus_words_are_the_tokenizer_terms() {
        for body in [
            "tel. 0865 41 41",
            "CAP 86.170, Isernia",
            "+39 0865 123456 oppure 1, 2",
            "٠٨٦٥ ٤١ ٤١ e 1 2 3 4 5 6 7 8",
            "12345678901 23456789012 3",
        ] {
            let docs = vec![doc("a", "", "", body)];
            let corpus = Corpus::build(&docs);
            let mut expected = terms(body);
            expected.sort();
            expected.dedup();
            let words: Vec<String> = corpus.words.iter().map(|w| w.text.clone()).collect();
            assert_eq!(words, expected, "{body}");
        }
    }
}
