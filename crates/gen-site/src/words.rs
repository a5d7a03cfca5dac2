//! The words of the generated pages: the YAML files of `data/`, embedded in
//! the binary and read once, on first use. Parallel texts (a title, a
//! document, a cost…) give the same thing in it, en, fr and ar.

use std::ops::Index;
use std::sync::LazyLock;

use serde::de::DeserializeOwned;
use serde::Deserialize;

/// All the word lists.
pub(crate) struct Words {
    pub comuni: Comuni,
    pub offices: Offices,
    pub services: Services,
    pub procedures: Procedures,
    pub glossary: Glossary,
    pub pages: Pages,
    pub facts: Facts,
    /// The text of the bodies in each language, in the order of [`crate::LANGS`].
    pub vocabs: [Vocab; 4],
}

/// The word lists, read from `data/` the first time they are needed.
pub(crate) fn words() -> &'static Words {
    &WORDS
}

/// Parses `data/<file>`, embedded at compile time.
macro_rules! data {
    ($file:literal) => {
        parse($file, include_str!(concat!("../data/", $file)))
    };
}

static WORDS: LazyLock<Words> = LazyLock::new(|| Words {
    comuni: data!("comuni.yaml"),
    offices: data!("offices.yaml"),
    services: data!("services.yaml"),
    procedures: data!("procedures.yaml"),
    glossary: data!("glossary.yaml"),
    pages: data!("pages.yaml"),
    facts: data!("facts.yaml"),
    vocabs: [
        data!("vocab/it.yaml"),
        data!("vocab/en.yaml"),
        data!("vocab/fr.yaml"),
        data!("vocab/ar.yaml"),
    ],
});

/// The files are part of the program, so a mistake in one is the program's:
/// the tests below read them all.
fn parse<T: DeserializeOwned>(file: &str, text: &str) -> T {
    serde_norway::from_str(text).unwrap_or_else(|err| panic!("crates/gen-site/data/{file}: {err}"))
}

/// One text in each language of the site, indexed as [`crate::LANGS`].
#[derive(Deserialize)]
#[serde(from = "ByLang")]
pub(crate) struct Localized([String; 4]);

/// How a [`Localized`] is written in the data files.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ByLang {
    it: String,
    en: String,
    fr: String,
    ar: String,
}

impl From<ByLang> for Localized {
    fn from(texts: ByLang) -> Self {
        Localized([texts.it, texts.en, texts.fr, texts.ar])
    }
}

impl Index<usize> for Localized {
    type Output = str;

    fn index(&self, lang: usize) -> &str {
        &self.0[lang]
    }
}

impl Localized {
    /// The text of each language, made into another.
    pub(crate) fn map(&self, mut f: impl FnMut(&str) -> String) -> [String; 4] {
        std::array::from_fn(|lang| f(&self.0[lang]))
    }
}

/// `comuni.yaml`: a comune's name is a root, then a root and a suffix.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Comuni {
    pub roots: Vec<String>,
    pub suffixes: Vec<String>,
}

/// `offices.yaml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Offices {
    pub kinds: Vec<OfficeKind>,
    pub streets: Vec<String>,
    /// Languages an office may speak besides Italian.
    pub languages_spoken: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OfficeKind {
    /// The start of the slug, before the comune's.
    pub slug: String,
    pub topic: String,
    /// `{c}` is the comune's name.
    pub title: Localized,
}

/// `services.yaml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Services {
    pub kinds: Vec<ServiceKind>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ServiceKind {
    pub topic: String,
    pub name: Localized,
}

/// `procedures.yaml`: a title is a base, then a qualifier or none.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Procedures {
    pub bases: Vec<ProcedureBase>,
    pub qualifiers: Vec<Localized>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProcedureBase {
    pub topic: String,
    pub title: Localized,
}

/// `glossary.yaml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Glossary {
    pub terms: Vec<Localized>,
    /// Senses of a term, for the terms that come in more than one.
    pub domains: Vec<Localized>,
}

/// `pages.yaml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Pages {
    /// The home page's title.
    pub home: Localized,
    /// The titles of the free pages, in the order they are made.
    pub free: Vec<Localized>,
}

/// `facts.yaml`: the facts of services and procedures.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Facts {
    pub documents: Vec<Localized>,
    /// The first two are the costs of services.
    pub costs: Vec<Localized>,
    pub durations: Vec<Localized>,
    pub eligibility: Vec<Localized>,
    /// Official pages a procedure cites.
    pub sources: Vec<String>,
}

/// `vocab/<lang>.yaml`: the text of one language's bodies.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Vocab {
    pub subjects: Vec<String>,
    pub verbs: Vec<String>,
    pub objects: Vec<String>,
    pub places: Vec<String>,
    pub times: Vec<String>,
    pub manners: Vec<String>,
    pub tips: Vec<String>,
    pub imperatives: Vec<String>,
    /// `{link}` is replaced by a Markdown link.
    pub link_sentences: Vec<String>,
    pub headings: Vec<String>,
    pub steps_heading: String,
    pub documents_heading: String,
    pub documents_intro: String,
    pub table_header: [String; 3],
    /// The comma between two complements.
    pub comma: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TOPICS;

    #[test]
    fn every_data_file_reads_and_no_list_is_empty() {
        let w = words();
        let lengths = [
            ("comuni roots", w.comuni.roots.len()),
            ("comuni suffixes", w.comuni.suffixes.len()),
            ("office kinds", w.offices.kinds.len()),
            ("streets", w.offices.streets.len()),
            ("languages spoken", w.offices.languages_spoken.len()),
            ("service kinds", w.services.kinds.len()),
            ("procedure bases", w.procedures.bases.len()),
            ("procedure qualifiers", w.procedures.qualifiers.len()),
            ("glossary terms", w.glossary.terms.len()),
            ("glossary domains", w.glossary.domains.len()),
            ("free pages", w.pages.free.len()),
            ("documents", w.facts.documents.len()),
            ("costs", w.facts.costs.len()),
            ("durations", w.facts.durations.len()),
            ("eligibility", w.facts.eligibility.len()),
            ("sources", w.facts.sources.len()),
        ];
        for (list, length) in lengths {
            assert!(length > 0, "{list} is empty");
        }
        // Services draw their cost from the first two; every free page
        // beyond the third may lack a language, the first three may not.
        assert!(w.facts.costs.len() >= 2);
        assert!(w.pages.free.len() >= 3);
        // A procedure lists 3 to 6 distinct documents.
        assert!(w.facts.documents.len() >= 6);
        for v in &w.vocabs {
            for list in [
                &v.subjects,
                &v.verbs,
                &v.objects,
                &v.places,
                &v.times,
                &v.manners,
                &v.tips,
                &v.imperatives,
                &v.link_sentences,
                &v.headings,
            ] {
                assert!(!list.is_empty());
            }
        }
    }

    #[test]
    fn every_topic_is_one_of_the_site() {
        let w = words();
        let topics = w.offices.kinds.iter().map(|k| &k.topic);
        let topics = topics.chain(w.services.kinds.iter().map(|k| &k.topic));
        let topics = topics.chain(w.procedures.bases.iter().map(|b| &b.topic));
        for topic in topics {
            assert!(TOPICS.contains(&topic.as_str()), "{topic} is not a topic of site.yaml");
        }
    }

    #[test]
    fn placeholders_are_in_every_language() {
        let w = words();
        for kind in &w.offices.kinds {
            for lang in 0..4 {
                assert!(kind.title[lang].contains("{c}"), "{}", &kind.title[lang]);
            }
        }
        for v in &w.vocabs {
            for sentence in &v.link_sentences {
                assert!(sentence.contains("{link}"), "{sentence}");
            }
        }
    }

    #[test]
    fn no_text_is_empty_or_padded() {
        let w = words();
        let localized = [
            &w.glossary.terms,
            &w.glossary.domains,
            &w.pages.free,
            &w.procedures.qualifiers,
            &w.facts.documents,
            &w.facts.costs,
            &w.facts.durations,
            &w.facts.eligibility,
        ];
        for list in localized {
            for text in list {
                for lang in 0..4 {
                    let t = &text[lang];
                    assert!(!t.is_empty() && t.trim() == t, "{t:?}");
                }
            }
        }
        for suffix in &w.comuni.suffixes {
            assert!(!suffix.is_empty() && suffix.trim() == suffix, "{suffix:?}");
        }
    }
}
