//! Index: the search index of each language, from the pages' plain text,
//! built by `crates/search`. A page shown untranslated is indexed in the
//! language it is written in; every page also answers to its Italian title
//! and to the Italian glossary terms in its text, which readers hear at the
//! counter whatever their language.

use std::borrow::Cow;
use std::collections::HashMap;

use aho_corasick::AhoCorasick;
use rayon::prelude::*;
use sportello_search::{build_index, SearchDocument, SEARCH_JS};

use crate::content::Section;
use crate::output::OutputFile;
use crate::site::{Site, TranslationState};
use crate::theme::fingerprint;

/// What pages need to know of the search index: the scripts they name.
#[derive(Debug, Clone, Default)]
pub struct SearchAssets {
    /// Per language, the manifest script's path relative to the output root.
    pub manifests: std::collections::BTreeMap<crate::content::LangCode, String>,
    /// The runtime's path relative to the output root.
    pub script: String,
}

/// The Italian glossary terms, found in a page's text by their short form
/// (the term without its explanation in brackets), ignoring case.
struct GlossaryTerms<'a> {
    matcher: Option<AhoCorasick>,
    /// Per short form, the term a page containing it answers to: the full
    /// term when only one term has that short form ("STP (Straniero
    /// Temporaneamente Presente)"), else the short form alone, since which
    /// of the meanings the page has is not known.
    terms: Vec<&'a str>,
}

impl<'a> GlossaryTerms<'a> {
    fn new(site: &'a Site) -> Self {
        Self::from_terms(
            site.section(Section::Glossary)
                .filter_map(|(_, page)| page.facts().term.as_deref()),
        )
    }

    fn from_terms(all: impl Iterator<Item = &'a str>) -> Self {
        let mut shorts: Vec<String> = Vec::new();
        let mut position: HashMap<String, usize> = HashMap::new();
        let mut terms: Vec<&'a str> = Vec::new();
        for term in all {
            let short_text = term.split(" (").next().unwrap_or(term).trim();
            let short = short_text.to_lowercase();
            match position.get(&short) {
                Some(&i) => terms[i] = short_text,
                None => {
                    position.insert(short.clone(), shorts.len());
                    shorts.push(short);
                    terms.push(term);
                }
            }
        }
        // Without an automaton (too many terms to build one), pages are
        // found by their own words only.
        let matcher = if shorts.is_empty() {
            None
        } else {
            AhoCorasick::builder().ascii_case_insensitive(true).build(&shorts).ok()
        };
        Self { matcher, terms }
    }

    /// The terms whose short form one of `texts` contains, in glossary order.
    fn found_in(&self, texts: &[&str]) -> Vec<&'a str> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        let mut found: Vec<usize> = Vec::new();
        for text in texts {
            // The matcher ignores the case of ASCII letters; a text with
            // other letters that have a case is lowercased first.
            let lowered;
            let text = if changes_beyond_ascii_when_lowercased(text) {
                lowered = text.to_lowercase();
                lowered.as_str()
            } else {
                text
            };
            found.extend(matcher.find_overlapping_iter(text).map(|m| m.pattern().as_usize()));
        }
        found.sort_unstable();
        found.dedup();
        found.into_iter().map(|i| self.terms[i]).collect()
    }
}

/// Whether lowercasing `text` changes a character outside ASCII.
fn changes_beyond_ascii_when_lowercased(text: &str) -> bool {
    !text.is_ascii()
        && text
            .chars()
            .filter(|c| !c.is_ascii())
            .any(|c| c.to_lowercase().ne(std::iter::once(c)))
}

/// Where the browser runtime is written, relative to the output root.
pub fn runtime_path() -> String {
    fingerprint("_search", "search.js", SEARCH_JS.as_bytes().to_vec()).path
}

/// Builds the search files of every language and tells pages where they are.
pub fn build(site: &Site) -> (Vec<OutputFile>, SearchAssets) {
    let runtime = fingerprint("_search", "search.js", SEARCH_JS.as_bytes().to_vec());
    let glossary = GlossaryTerms::new(site);
    // The Italian terms each page's source text contains, found once.
    let terms_by_page: Vec<Vec<&str>> = site
        .pages
        .par_iter()
        .with_max_len(crate::PAGES_PER_TASK)
        .map(|page| {
            let title = page.source.text.title.as_deref().unwrap_or("");
            glossary.found_in(&[title, &page.source.body.plain])
        })
        .collect();
    let source_lang = site.source_language();
    let indexes: Vec<(String, sportello_search::LanguageIndex)> = site
        .config
        .languages
        .par_iter()
        .map(|lang| {
            let docs: Vec<SearchDocument> = site
                .pages
                .iter()
                .zip(&terms_by_page)
                .map(|(page, terms)| {
                    let (doc, state) = page.variant(lang, source_lang);
                    let fallback = state == TranslationState::Missing;
                    let body_doc = if doc.body.plain.is_empty() { &page.source } else { doc };
                    // The source text holds its Italian terms already.
                    let mentioned_terms = if fallback || lang == source_lang {
                        Vec::new()
                    } else {
                        terms.iter().map(|&term| Cow::Borrowed(term)).collect()
                    };
                    let mut extra_terms: Vec<Cow<str>> = Vec::new();
                    if lang != source_lang {
                        extra_terms.extend(page.source.text.title.as_deref().map(Cow::Borrowed));
                    }
                    if let Some(term) = &page.facts().term {
                        extra_terms.push(Cow::Borrowed(term));
                    }
                    SearchDocument {
                        url: format!("{}index.html", page.id.folder_path()),
                        title: own_or_source(&doc.text.title, &page.source.text.title),
                        summary: own_or_source(&doc.text.summary, &page.source.text.summary),
                        headings: body_doc
                            .body
                            .headings
                            .iter()
                            .map(|h| (Cow::Borrowed(h.id.as_str()), Cow::Borrowed(h.text.as_str())))
                            .collect(),
                        body: Cow::Borrowed(&body_doc.body.plain),
                        content_lang: Cow::Borrowed(if fallback { source_lang.as_str() } else { lang.as_str() }),
                        fallback,
                        extra_terms,
                        mentioned_terms,
                    }
                })
                .collect();
            (lang.to_string(), build_index(lang.as_str(), &docs))
        })
        .collect();
    let mut files = vec![OutputFile {
        path: runtime.path.clone(),
        bytes: runtime.bytes,
    }];
    let mut assets = SearchAssets {
        script: runtime.path,
        ..Default::default()
    };
    for (lang, index) in indexes {
        if let Ok(code) = crate::content::LangCode::parse(&lang) {
            assets.manifests.insert(code, index.manifest_path.clone());
        }
        files.extend(index.files.into_iter().map(|f| OutputFile {
            path: f.path,
            bytes: f.bytes,
        }));
    }
    (files, assets)
}

/// A translation's own text, else its source's.
fn own_or_source<'t>(own: &'t Option<String>, source: &'t Option<String>) -> Cow<'t, str> {
    Cow::Borrowed(own.as_deref().or(source.as_deref()).unwrap_or_default())
}

/// While serving, pages name each language's manifest by a stable alias,
/// `_search/<lang>/manifest.js`, so that updating the index after a save
/// changes no page.
pub fn stable_assets(site: &Site) -> SearchAssets {
    SearchAssets {
        manifests: site
            .config
            .languages
            .iter()
            .map(|l| (l.clone(), format!("_search/{l}/manifest.js")))
            .collect(),
        script: runtime_path(),
    }
}

/// A copy of each language's manifest under its stable name.
pub fn stable_aliases(files: &[OutputFile], site: &Site) -> Vec<OutputFile> {
    site.config
        .languages
        .iter()
        .filter_map(|lang| {
            let prefix = format!("_search/{lang}/manifest-");
            let file = files
                .iter()
                .find(|f| f.path.starts_with(&prefix) && f.path.ends_with(".js"))?;
            let name = file.path.rsplit('/').next()?.trim_end_matches(".js");
            let text = String::from_utf8_lossy(&file.bytes).replacen(&format!("\"{name}\""), "\"manifest\"", 1);
            Some(OutputFile {
                path: format!("_search/{lang}/manifest.js"),
                bytes: text.into_bytes(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::GlossaryTerms;

    #[test]
    fn glossary_terms_are_found_by_their_short_form_ignoring_case() {
        let glossary = GlossaryTerms::from_terms(
            ["Questura", "STP (Straniero Temporaneamente Presente)", "Codice fiscale"].into_iter(),
        );
        assert_eq!(
            glossary.found_in(&["Porta il CODICE FISCALE in questura.", "Chiedi la tessera STP."]),
            ["Questura", "STP (Straniero Temporaneamente Presente)", "Codice fiscale"]
        );
        assert!(glossary.found_in(&["Nothing here"]).is_empty());
    }

    #[test]
    fn terms_with_letters_beyond_ascii_are_found_in_any_case() {
        let glossary = GlossaryTerms::from_terms(["Idoneità alloggiativa", "Città"].into_iter());
        assert_eq!(
            glossary.found_in(&["Chiedi l'IDONEITÀ ALLOGGIATIVA al comune."]),
            ["Idoneità alloggiativa"]
        );
        assert_eq!(glossary.found_in(&["la città di Isernia"]), ["Città"]);
        assert!(glossary.found_in(&["Idoneita alloggiativa"]).is_empty());
    }

    #[test]
    fn a_short_form_shared_by_several_terms_stands_alone() {
        let glossary = GlossaryTerms::from_terms(
            ["Residenza (anagrafe)", "Residenza (permesso)", "Ricevuta (cedolino)"].into_iter(),
        );
        assert_eq!(
            glossary.found_in(&["residenza e ricevuta"]),
            ["Residenza", "Ricevuta (cedolino)"]
        );
    }
}
