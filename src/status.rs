//! Translation status: how every page stands in every language but the
//! source (translated, outdated, machine-translated, missing), and which
//! reviews are overdue. The one model behind `check`'s summary, its JSON,
//! and the dashboard page (`status/`).

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;

use crate::content::LangCode;
use crate::messages::Messages;
use crate::site::{Site, TranslationState};
use crate::strings::Strings;

/// The whole table: a row a page, a cell a language.
#[derive(Debug)]
pub struct TranslationStatus {
    pub source_language: LangCode,
    /// The languages of the cells, in the site's order (the source left out).
    pub languages: Vec<LangCode>,
    pub pages: Vec<PageStatus>,
    /// The source files whose review is overdue.
    pub review_overdue: Vec<String>,
}

/// One page in every language.
#[derive(Debug)]
pub struct PageStatus {
    /// The page's place in `Site::pages`.
    pub index: usize,
    /// The source file, with `/` between folders.
    pub source: String,
    /// One cell per language of [`TranslationStatus::languages`].
    pub cells: Vec<Cell>,
}

/// One page in one language.
#[derive(Debug, Serialize)]
pub struct Cell {
    pub state: TranslationState,
    /// The translation's file, where there is one.
    pub file: Option<String>,
}

/// The files of one language by state, for `check`.
#[derive(Debug, Default, Serialize)]
pub struct LanguageStatus {
    pub translated: Vec<String>,
    pub outdated: Vec<String>,
    pub machine: Vec<String>,
    pub missing: Vec<String>,
}

impl TranslationStatus {
    pub fn of(site: &Site) -> Self {
        let source = site.source_language();
        let languages: Vec<LangCode> = site.config.languages.iter().filter(|l| *l != source).cloned().collect();
        let pages = site
            .pages
            .iter()
            .enumerate()
            .map(|(index, page)| PageStatus {
                index,
                source: slash_path(&page.source.path),
                cells: languages
                    .iter()
                    .map(|lang| Cell {
                        state: page.variant(lang, source).1,
                        file: page.translations.get(lang).map(|doc| slash_path(&doc.path)),
                    })
                    .collect(),
            })
            .collect();
        let review_overdue = site
            .pages
            .iter()
            .filter(|p| p.review_overdue)
            .map(|p| slash_path(&p.source.path))
            .collect();
        TranslationStatus {
            source_language: source.clone(),
            languages,
            pages,
            review_overdue,
        }
    }

    /// Per language, the file a volunteer edits for each page, by state:
    /// the translation, or the source where there is none.
    pub fn by_language(&self) -> BTreeMap<String, LanguageStatus> {
        let mut by_language: BTreeMap<String, LanguageStatus> = self
            .languages
            .iter()
            .map(|lang| (lang.to_string(), LanguageStatus::default()))
            .collect();
        for page in &self.pages {
            for (lang, cell) in self.languages.iter().zip(&page.cells) {
                let status = by_language.entry(lang.to_string()).or_default();
                let file = cell.file.clone().unwrap_or_else(|| page.source.clone());
                match cell.state {
                    TranslationState::Translated | TranslationState::Source => status.translated.push(file),
                    TranslationState::Outdated => status.outdated.push(file),
                    TranslationState::Machine => status.machine.push(file),
                    TranslationState::Missing => status.missing.push(file),
                }
            }
        }
        by_language
    }

    /// The status as `check` prints it: per language the counts, the
    /// outdated translations always (readers see old information), the
    /// first missing ones (all with `verbose`), and how many interface
    /// strings are machine-made and unchecked.
    pub fn report(&self, strings: Option<&Strings>, messages: &Messages, options: &ReportOptions) -> String {
        /// The missing pages listed without --verbose.
        const FEW: usize = 10;
        let mut out = messages.text("status-heading", &[]);
        out.push('\n');
        for (lang, s) in self.by_language() {
            if options.only.as_ref().is_some_and(|only| only.as_str() != lang) {
                continue;
            }
            let line = messages.text(
                "status-language",
                &[
                    ("lang", lang.as_str().into()),
                    ("translated", s.translated.len().into()),
                    ("outdated", s.outdated.len().into()),
                    ("machine", s.machine.len().into()),
                    ("missing", s.missing.len().into()),
                ],
            );
            let _ = writeln!(out, "  {line}");
            list(&mut out, messages, "status-outdated", &s.outdated, usize::MAX);
            let missing_shown = if options.verbose { usize::MAX } else { FEW };
            list(&mut out, messages, "status-missing", &s.missing, missing_shown);
            if options.verbose {
                list(&mut out, messages, "status-machine", &s.machine, usize::MAX);
            }
        }
        if let Some(strings) = strings {
            for lang in &self.languages {
                if options.only.as_ref().is_some_and(|only| only != lang) {
                    continue;
                }
                let unreviewed = strings.unreviewed(lang);
                if unreviewed.is_empty() {
                    continue;
                }
                let line = messages.text(
                    "status-unreviewed",
                    &[("lang", lang.as_str().into()), ("count", unreviewed.len().into())],
                );
                let _ = writeln!(out, "  {line}");
                if options.verbose {
                    let _ = writeln!(out, "      {}", unreviewed.join(", "));
                }
            }
        }
        if !self.review_overdue.is_empty() {
            let line = messages.text(
                "status-review-overdue",
                &[("files", self.review_overdue.join(", ").into())],
            );
            let _ = writeln!(out, "{line}");
        }
        out
    }
}

/// What `check` lists of the status.
#[derive(Debug, Default, Clone)]
pub struct ReportOptions {
    /// Every page of every list, and the unchecked interface strings.
    pub verbose: bool,
    /// One language only.
    pub only: Option<LangCode>,
}

/// A titled list of the first `shown` files, and how many more there are.
fn list(out: &mut String, messages: &Messages, title: &str, files: &[String], shown: usize) {
    if files.is_empty() {
        return;
    }
    let _ = writeln!(out, "    {}:", messages.text(title, &[]));
    for file in files.iter().take(shown) {
        let _ = writeln!(out, "      {file}");
    }
    if files.len() > shown {
        let more = files.len() - shown.min(files.len());
        let _ = writeln!(out, "      {}", messages.text("status-more", &[("count", more.into())]));
    }
}

impl Serialize for TranslationStatus {
    /// The JSON of `check --format json`: the files by state per language.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Json<'a> {
            source_language: &'a str,
            languages: BTreeMap<String, LanguageStatus>,
            review_overdue: &'a [String],
        }
        Json {
            source_language: self.source_language.as_str(),
            languages: self.by_language(),
            review_overdue: &self.review_overdue,
        }
        .serialize(serializer)
    }
}

fn slash_path(path: &std::path::Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}
