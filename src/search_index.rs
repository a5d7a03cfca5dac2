//! Index: the search index of each language, from the pages' plain text,
//! built by `crates/search`. A page shown untranslated is indexed in the
//! language it is written in; every page also answers to its Italian title
//! and to the Italian glossary terms in its text, which readers hear at the
//! counter whatever their language.

use rayon::prelude::*;
use sportello_search::{build_index, SearchDocument, SEARCH_JS};

use crate::content::Section;
use crate::render::{OutputFile, SearchAssets};
use crate::site::{Site, TranslationState};
use crate::theme::fingerprint;

/// Where the browser runtime is written, relative to the output root.
pub fn runtime_path() -> String {
    fingerprint("_search", "search.js", SEARCH_JS.as_bytes().to_vec()).path
}

/// Builds the search files of every language and tells pages where they are.
pub fn build(site: &Site) -> (Vec<OutputFile>, SearchAssets) {
    let runtime = fingerprint("_search", "search.js", SEARCH_JS.as_bytes().to_vec());
    let glossary_terms: Vec<(String, String)> = site
        .section(Section::Glossary)
        .filter_map(|(_, page)| page.facts().term.clone())
        .map(|term| {
            let short = term.split(" (").next().unwrap_or(&term).trim().to_owned();
            (short.to_lowercase(), term)
        })
        .collect();
    // The Italian terms each page's source text contains, found once.
    let terms_by_page: Vec<Vec<String>> = site
        .pages
        .par_iter()
        .map(|page| {
            let text = format!(
                "{} {}",
                page.source.text.title.as_deref().unwrap_or(""),
                page.source.body.plain
            )
            .to_lowercase();
            glossary_terms
                .iter()
                .filter(|(needle, _)| text.contains(needle.as_str()))
                .map(|(_, term)| term.clone())
                .collect()
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
                    let mut extra_terms = terms.clone();
                    if lang != source_lang {
                        extra_terms.extend(page.source.text.title.clone());
                    }
                    if let Some(term) = &page.facts().term {
                        extra_terms.push(term.clone());
                    }
                    SearchDocument {
                        url: format!("{}index.html", page.id.folder_path()),
                        title: doc
                            .text
                            .title
                            .clone()
                            .or_else(|| page.source.text.title.clone())
                            .unwrap_or_default(),
                        summary: doc
                            .text
                            .summary
                            .clone()
                            .or_else(|| page.source.text.summary.clone())
                            .unwrap_or_default(),
                        headings: body_doc
                            .body
                            .headings
                            .iter()
                            .map(|h| (h.id.clone(), h.text.clone()))
                            .collect(),
                        body: body_doc.body.plain.clone(),
                        content_lang: if fallback {
                            source_lang.to_string()
                        } else {
                            lang.to_string()
                        },
                        fallback,
                        extra_terms,
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
