//! The in-memory inverted index of one language: every document's terms,
//! grouped by stem, scored once with BM25F.
//!
//! Scores are computed here, at build time, because everything they depend
//! on (term frequencies per field, field lengths, document frequency) is
//! known: a posting carries its final score, quantised to an integer, and the
//! browser only adds them up.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::sections::{split_sections, Sections};
use crate::stem_rules;
use crate::tokenize::{tokens, Mode, Stemmer, Token};
use crate::SearchDocument;

/// The fields of a document, in the order of [`FIELD_WEIGHTS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Title = 0,
    Extra = 1,
    Heading = 2,
    Summary = 3,
    Body = 4,
}

/// How much one occurrence counts, per field: title, extra (Italian) terms,
/// headings, summary, body.
const FIELD_WEIGHTS: [f64; 5] = [5.0, 4.0, 3.0, 2.0, 1.0];

/// BM25F length normalisation per field: short fields are barely normalised.
const FIELD_B: [f64; 5] = [0.3, 0.3, 0.5, 0.5, 0.75];

/// BM25 term-frequency saturation.
const K1: f64 = 1.2;

/// Scores are stored as integers: the BM25F score times this.
const SCORE_SCALE: f64 = 100.0;

/// A stem keeps at most this many postings, the best-scoring ones. A stem
/// found in more documents than this has a low IDF: losing its weakest
/// postings keeps chunks bounded at 10,000 pages at a negligible cost.
pub(crate) const MAX_POSTINGS: usize = 1000;

/// The language whose stemmer reads [`SearchDocument::extra_terms`].
const EXTRA_TERMS_LANG: &str = "it";

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

/// The analysed documents of one language index.
pub(crate) struct Corpus<'a> {
    /// The documents, ordered by URL: the position is the document id.
    pub docs: Vec<(&'a SearchDocument, Sections)>,
    /// Stem key → postings, ordered by document id.
    pub stems: BTreeMap<String, Vec<Posting>>,
    /// Every folded word of the corpus → the stem keys it was given (usually
    /// one; two when the word occurs in texts of two languages).
    pub words: BTreeMap<String, BTreeSet<String>>,
}

/// What one document says about one stem.
#[derive(Default)]
struct Occurrences {
    tf: [u32; 5],
    /// Weighted occurrences per section.
    sections: BTreeMap<u32, f64>,
}

impl Occurrences {
    fn count(&mut self, field: Field, section: u32) {
        self.tf[field as usize] += 1;
        *self.sections.entry(section).or_default() += FIELD_WEIGHTS[field as usize];
    }
}

/// A language's stemmer, with the stems of the words already seen: a
/// site's words repeat, and Snowball is the costly step.
struct Analyzer {
    stemmer: Stemmer,
    stems: HashMap<String, String>,
}

impl Analyzer {
    fn new(lang: &str) -> Self {
        Analyzer {
            stemmer: Stemmer::new(lang),
            stems: HashMap::new(),
        }
    }

    fn stem(&mut self, token: &Token) -> &str {
        if !self.stems.contains_key(&token.raw) {
            let stem = self.stemmer.stem(token);
            self.stems.insert(token.raw.clone(), stem);
        }
        &self.stems[&token.raw]
    }
}

struct Analysed {
    lengths: [u32; 5],
    stems: HashMap<String, Occurrences>,
}

impl<'a> Corpus<'a> {
    /// Analyses and scores `docs`.
    pub fn build(docs: &'a [SearchDocument]) -> Self {
        let mut ordered: Vec<&SearchDocument> = docs.iter().collect();
        ordered.sort_by(|a, b| a.url.cmp(&b.url));
        let mut analyzers: HashMap<String, Analyzer> = HashMap::new();
        let mut words: HashMap<String, BTreeSet<String>> = HashMap::new();
        let mut analysed = Vec::with_capacity(ordered.len());
        let mut docs_out = Vec::with_capacity(ordered.len());
        for doc in ordered {
            let sections = split_sections(&doc.body, &doc.headings);
            analysed.push(analyse(doc, &sections, &mut analyzers, &mut words));
            docs_out.push((doc, sections));
        }
        let stems = score(&analysed);
        Corpus {
            docs: docs_out,
            stems,
            words: words.into_iter().collect(),
        }
    }

    /// Files each word that starts with a clitic also under the rest of the
    /// word (see [`crate::stem_rules`]).
    pub fn add_clitic_aliases(&mut self, clitics: &[String]) {
        let mut aliases: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (word, stems) in &self.words {
            for rest in stem_rules::clitic_aliases(word, clitics) {
                aliases
                    .entry(rest.to_string())
                    .or_default()
                    .extend(stems.iter().cloned());
            }
        }
        for (alias, stems) in aliases {
            self.words.entry(alias).or_default().extend(stems);
        }
    }
}

fn analyse(
    doc: &SearchDocument,
    sections: &Sections,
    analyzers: &mut HashMap<String, Analyzer>,
    words: &mut HashMap<String, BTreeSet<String>>,
) -> Analysed {
    let mut out = Analysed {
        lengths: [0; 5],
        stems: HashMap::new(),
    };
    let lang = doc.content_lang.as_str();
    let mut add = |text: &str, field: Field, section: u32, lang: &str| {
        let analyzer = analyzers.entry(lang.to_string()).or_insert_with(|| Analyzer::new(lang));
        for token in tokens(text, Mode::Index) {
            let stem = analyzer.stem(&token);
            if !words.get(&token.term).is_some_and(|s| s.contains(stem)) {
                words.entry(token.term).or_default().insert(stem.to_string());
            }
            if let Some(occ) = out.stems.get_mut(stem) {
                occ.count(field, section);
            } else {
                let mut occ = Occurrences::default();
                occ.count(field, section);
                out.stems.insert(stem.to_string(), occ);
            }
            out.lengths[field as usize] += 1;
        }
    };
    add(&doc.title, Field::Title, 0, lang);
    add(&doc.summary, Field::Summary, 0, lang);
    for term in &doc.extra_terms {
        add(term, Field::Extra, 0, EXTRA_TERMS_LANG);
    }
    for (i, (_, heading)) in doc.headings.iter().enumerate() {
        add(heading, Field::Heading, i as u32 + 1, lang);
    }
    for (i, text) in sections.texts.iter().enumerate() {
        add(text, Field::Body, i as u32, lang);
    }
    out
}

fn score(analysed: &[Analysed]) -> BTreeMap<String, Vec<Posting>> {
    let n = analysed.len() as f64;
    let mut avg = [0.0f64; 5];
    for doc in analysed {
        for (f, len) in doc.lengths.iter().enumerate() {
            avg[f] += f64::from(*len);
        }
    }
    for a in &mut avg {
        *a /= n.max(1.0);
    }
    let mut df: HashMap<&str, u32> = HashMap::new();
    for doc in analysed {
        for stem in doc.stems.keys() {
            *df.entry(stem.as_str()).or_default() += 1;
        }
    }
    let mut stems: HashMap<&str, Vec<Posting>> = HashMap::new();
    for (id, doc) in analysed.iter().enumerate() {
        for (stem, occ) in &doc.stems {
            let n_t = f64::from(df[stem.as_str()]);
            let idf = (1.0 + (n - n_t + 0.5) / (n_t + 0.5)).ln();
            let mut tf = 0.0;
            for f in 0..5 {
                if occ.tf[f] == 0 {
                    continue;
                }
                let norm = if avg[f] > 0.0 {
                    1.0 - FIELD_B[f] + FIELD_B[f] * f64::from(doc.lengths[f]) / avg[f]
                } else {
                    1.0
                };
                tf += FIELD_WEIGHTS[f] * f64::from(occ.tf[f]) / norm;
            }
            let value = idf * tf / (K1 + tf);
            let section = occ
                .sections
                .iter()
                .fold(
                    (0u32, f64::MIN),
                    |best, (&s, &w)| {
                        if w > best.1 {
                            (s, w)
                        } else {
                            best
                        }
                    },
                )
                .0;
            stems.entry(stem.as_str()).or_default().push(Posting {
                doc: id as u32,
                score: ((value * SCORE_SCALE).round() as u32).max(1),
                section,
            });
        }
    }
    for postings in stems.values_mut() {
        if postings.len() > MAX_POSTINGS {
            postings.sort_by(|a, b| b.score.cmp(&a.score).then(a.doc.cmp(&b.doc)));
            postings.truncate(MAX_POSTINGS);
            postings.sort_by_key(|p| p.doc);
        }
    }
    let stems: BTreeMap<String, Vec<Posting>> = stems
        .into_iter()
        .map(|(stem, postings)| (stem.to_string(), postings))
        .collect();
    stems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::doc;

    #[test]
    fn title_outweighs_body() {
        let docs = vec![
            doc("a", "Questura", "", "Altro testo qui."),
            doc("b", "Altro", "", "Si va in questura."),
        ];
        let corpus = Corpus::build(&docs);
        let postings = &corpus.stems["questur"];
        assert_eq!(postings.len(), 2);
        assert!(postings[0].score > postings[1].score, "{postings:?}");
    }

    #[test]
    fn word_forms_share_postings_and_words_know_their_stem() {
        let docs = vec![doc("a", "Documenti", "", ""), doc("b", "Documento", "", "")];
        let corpus = Corpus::build(&docs);
        assert_eq!(corpus.stems["document"].len(), 2);
        assert!(corpus.words["documenti"].contains("document"));
        assert!(corpus.words["documento"].contains("document"));
    }

    #[test]
    fn section_is_where_the_word_weighs_most() {
        let mut d = doc("a", "Ufficio", "", "Intro. Orari\nAperto il lunedì.");
        d.headings = vec![("orari".into(), "Orari".into())];
        let docs = vec![d];
        let corpus = Corpus::build(&docs);
        let luned = corpus
            .stems
            .iter()
            .find(|(k, _)| k.starts_with("luned"))
            .expect("stem of lunedì");
        assert_eq!(luned.1[0].section, 1);
        assert_eq!(corpus.stems["uffic"][0].section, 0);
    }

    #[test]
    fn extra_terms_are_indexed_with_italian_rules() {
        let mut d = doc("a", "Residence permit", "", "");
        d.content_lang = "en".into();
        d.extra_terms = vec!["permessi di soggiorno".into()];
        let docs = vec![d];
        let corpus = Corpus::build(&docs);
        assert!(corpus.words["permessi"].contains("permess"));
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
        let postings = &corpus.stems["cas"];
        assert_eq!(postings.len(), MAX_POSTINGS);
        assert!(postings.windows(2).all(|w| w[0].doc < w[1].doc));
        let title_docs = postings.iter().filter(|p| p.doc % 4 == 0).count();
        assert_eq!(title_docs, 300, "every title match is kept");
    }
}
