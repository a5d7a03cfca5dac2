//! Step 4 of the corpus: every (document, stem) scored with BM25F, and the
//! postings of each stem gathered, the best [`MAX_POSTINGS`] kept.
//!
//! Scores are computed here, at build time, because everything they depend
//! on (term frequencies per field, field lengths, document frequency) is
//! known: a posting carries its final score, quantised to an integer, and the
//! browser only adds them up.

use rayon::prelude::*;

use super::count::DocCounts;
use super::fields::{FIELDS, FIELD_WEIGHTS};
use super::Posting;

/// BM25F length normalisation per field: short fields are barely normalised.
const FIELD_B: [f64; FIELDS] = [0.3, 0.3, 0.5, 0.5, 0.75, 0.3];

/// BM25 term-frequency saturation.
const K1: f64 = 1.2;

/// Scores are stored as integers: the BM25F score times this.
pub(super) const SCORE_SCALE: f64 = 100.0;
/// The least weight a word has, however common.
const MIN_IDF: f64 = 0.2;

/// A stem keeps at most this many postings, the best-scoring ones. A stem
/// found in more documents than this has a low IDF: losing its weakest
/// postings keeps chunks bounded at 10,000 pages at a negligible cost.
pub(super) const MAX_POSTINGS: usize = 1000;

/// A stem in one document, scored.
#[derive(Clone, Copy)]
struct Scored {
    stem: u32,
    score: u32,
    section: u32,
}

/// Scores every (document, stem) with BM25F and gathers the postings of each
/// stem, best [`MAX_POSTINGS`] kept, in document order. `df`: how many
/// documents have each stem.
pub(super) fn score(counts: Vec<DocCounts>, df: &[u32]) -> Vec<Vec<Posting>> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::tests::doc;
    use crate::SearchDocument;

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
