//! Translation status: for each language, which pages are translated,
//! outdated, machine-translated or missing, and which reviews are overdue.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;

use crate::site::{Site, TranslationState};

/// The state of every page in one language.
#[derive(Debug, Default, Serialize)]
pub struct LanguageStatus {
    pub translated: Vec<String>,
    pub outdated: Vec<String>,
    pub machine: Vec<String>,
    pub missing: Vec<String>,
}

/// The whole table, for `check` and the dashboard page.
#[derive(Debug, Serialize)]
pub struct TranslationStatus {
    pub source_language: String,
    pub languages: BTreeMap<String, LanguageStatus>,
    pub review_overdue: Vec<String>,
}

impl TranslationStatus {
    pub fn of(site: &Site) -> Self {
        let mut languages = BTreeMap::new();
        for lang in &site.config.languages {
            if lang == site.source_language() {
                continue;
            }
            let mut status = LanguageStatus::default();
            for page in &site.pages {
                let file = match page.translations.get(lang) {
                    Some(doc) => doc.path.to_string_lossy().into_owned(),
                    None => page.source.path.to_string_lossy().into_owned(),
                };
                match page.variant(lang, site.source_language()).1 {
                    TranslationState::Translated | TranslationState::Source => status.translated.push(file),
                    TranslationState::Outdated => status.outdated.push(file),
                    TranslationState::Machine => status.machine.push(file),
                    TranslationState::Missing => status.missing.push(file),
                }
            }
            languages.insert(lang.to_string(), status);
        }
        let review_overdue = site
            .pages
            .iter()
            .filter(|p| p.review_overdue)
            .map(|p| p.source.path.to_string_lossy().into_owned())
            .collect();
        TranslationStatus {
            source_language: site.source_language().to_string(),
            languages,
            review_overdue,
        }
    }

    /// A short table for the terminal.
    pub fn summary(&self) -> String {
        let mut out = String::from("translations:\n");
        for (lang, s) in &self.languages {
            let _ = writeln!(
                out,
                "  {lang}: {} translated, {} outdated, {} machine-translated, {} missing",
                s.translated.len(),
                s.outdated.len(),
                s.machine.len(),
                s.missing.len()
            );
        }
        if !self.review_overdue.is_empty() {
            let _ = writeln!(out, "review overdue: {}", self.review_overdue.join(", "));
        }
        out
    }
}
