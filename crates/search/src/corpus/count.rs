//! Step 3 of the corpus: each document's stems counted per field, with the
//! section where each weighs most (see [`super`]).

use std::collections::HashMap;

use foldhash::fast::FixedState;

use super::fields::{Field, FIELDS, SECTION_WEIGHTS};
use super::lexicon::{Entry, Lexicon};
use super::read::{Batch, GAP};
use super::walk::{step, walk, Emit};

/// A stem in one document.
pub(super) struct DocStem {
    pub stem: u32,
    pub tf: [u32; FIELDS],
    /// The section where the stem weighs most.
    pub section: u32,
}

/// A document's stems and field lengths.
pub(super) struct DocCounts {
    pub lengths: [u32; FIELDS],
    pub stems: Vec<DocStem>,
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
pub(super) fn count_batch(
    batch: &Batch,
    entries: &[Entry],
    tails: &[u32],
    lexicon: &Lexicon,
) -> (Vec<DocCounts>, Vec<u32>) {
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

#[cfg(test)]
mod tests {
    use crate::corpus::Corpus;
    use crate::tests::doc;

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
}
