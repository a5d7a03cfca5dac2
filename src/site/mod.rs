//! Resolve: joins sources and translations into pages, checks every
//! reference and link, and computes the cross-references and flags that the
//! pages show (outdated, machine-translated, not translated, review overdue).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::{Language, SiteConfig};
use crate::content::schema::ComuniScope;
use crate::content::{Attachments, Date, Document, LangCode, PageId, Section, Slug};
use crate::diagnostics::{nearest, Code, Diagnostic};

pub mod files;
pub mod help_desk;

/// A page of the site: its source and its translations, with what links to
/// it computed once.
#[derive(Debug)]
pub struct Page {
    pub id: PageId,
    pub source: Arc<Document>,
    pub translations: BTreeMap<LangCode, Arc<Document>>,
    /// Offices: the services and procedures that use it. Comuni: the
    /// services and procedures that apply to it alone or to a list of comuni
    /// (those for every comune are in `Site::district_wide`).
    pub used_by: Vec<usize>,
    /// Comuni: the offices in it.
    pub offices_here: Vec<usize>,
    /// True when `reviewed` is older than `review_after_days`.
    pub review_overdue: bool,
}

/// How a page stands in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TranslationState {
    /// The source language itself.
    Source,
    Translated,
    /// Machine-translated and not yet checked by a person.
    Machine,
    /// The source changed after the translation was made.
    Outdated,
    /// No translation: the source text is shown.
    Missing,
}

impl Page {
    /// The document shown in `lang`, and how it stands.
    pub fn variant(&self, lang: &LangCode, source_language: &LangCode) -> (&Document, TranslationState) {
        if lang == source_language {
            return (&self.source, TranslationState::Source);
        }
        match self.translations.get(lang) {
            None => (&self.source, TranslationState::Missing),
            Some(doc) => {
                let outdated = match (self.source.facts.as_ref().and_then(|f| f.updated), doc.source_updated) {
                    (Some(updated), Some(translated_from)) => updated > translated_from,
                    (Some(_), None) => true,
                    _ => false,
                };
                let state = if outdated {
                    TranslationState::Outdated
                } else if doc.machine_translated {
                    TranslationState::Machine
                } else {
                    TranslationState::Translated
                };
                (doc, state)
            }
        }
    }

    pub fn facts(&self) -> &crate::content::Facts {
        static EMPTY: std::sync::OnceLock<crate::content::Facts> = std::sync::OnceLock::new();
        self.source
            .facts
            .as_ref()
            .unwrap_or_else(|| EMPTY.get_or_init(Default::default))
    }
}

/// Where each page stands in `Site::pages`. Page ids are the site's own,
/// so a fast hash with a fixed seed serves.
pub type PageIndex = HashMap<PageId, usize, foldhash::fast::FixedState>;

/// The resolved site: every page, indexed, with its languages and settings.
#[derive(Debug)]
pub struct Site {
    pub config: SiteConfig,
    /// The files beside the pages; those a page links are published.
    pub attachments: Attachments,
    /// The site's folder.
    pub folder: std::path::PathBuf,
    pub languages: Vec<Language>,
    pub pages: Vec<Page>,
    pub index: PageIndex,
    /// Pages filed under each topic of site.yaml.
    pub topics: BTreeMap<Slug, Vec<usize>>,
    /// Services and procedures for every comune (`comuni: all`), kept once
    /// rather than on each comune.
    pub district_wide: Vec<usize>,
    pub today: Date,
}

impl Site {
    pub fn page(&self, id: &PageId) -> Option<&Page> {
        self.index.get(id).map(|i| &self.pages[*i])
    }

    pub fn language(&self, code: &LangCode) -> Option<&Language> {
        self.languages.iter().find(|l| &l.code == code)
    }

    pub fn source_language(&self) -> &LangCode {
        &self.config.source_language
    }

    /// The pages of a section, in a stable order (by slug).
    pub fn section(&self, section: Section) -> impl Iterator<Item = (usize, &Page)> {
        self.pages
            .iter()
            .enumerate()
            .filter(move |(_, p)| p.id.section == section)
    }
}

/// What content/ gave: the parsed documents, the files beside them, and
/// the pages whose file exists but could not be read.
pub struct Sources {
    /// The site's folder, where the attachments are read from.
    pub folder: std::path::PathBuf,
    pub documents: Vec<Arc<Document>>,
    pub attachments: Attachments,
    /// Links to these pages are not broken: the one error is in the file.
    pub unreadable: HashSet<PageId>,
}

/// Builds the site model from parsed documents, reporting every problem.
pub fn resolve(config: SiteConfig, languages: Vec<Language>, sources: Sources, today: Date) -> (Site, Vec<Diagnostic>) {
    let Sources {
        folder,
        documents,
        attachments,
        unreadable,
    } = sources;
    let unreadable = &unreadable;
    let mut diagnostics = Vec::new();
    let (sources, translations): (Vec<Arc<Document>>, Vec<Arc<Document>>) =
        documents.into_iter().partition(|d| d.is_source());

    let mut pages: Vec<Page> = sources
        .into_iter()
        .map(|source| Page {
            id: source.id.clone(),
            source,
            translations: BTreeMap::new(),
            used_by: Vec::new(),
            offices_here: Vec::new(),
            review_overdue: false,
        })
        .collect();
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    let index: PageIndex = pages.iter().enumerate().map(|(i, p)| (p.id.clone(), i)).collect();

    for doc in translations {
        let lang = doc.lang.clone().expect("partitioned on is_source");
        if lang == config.source_language {
            diagnostics.push(
                Diagnostic::new(Code::SourceLanguageSuffix, &doc.path, 0)
                    .arg("lang", lang.as_str())
                    .arg("source", doc.id.source_path()),
            );
            continue;
        }
        if !config.languages.contains(&lang) {
            diagnostics.push(Diagnostic::new(Code::LanguageNotOfSite, &doc.path, 0).arg("lang", lang.as_str()));
            continue;
        }
        let Some(&page_index) = index.get(&doc.id) else {
            // A source that exists but could not be read has its own error.
            if !unreadable.contains(&doc.id) {
                diagnostics.push(
                    Diagnostic::new(Code::TranslationWithoutSource, &doc.path, 0).arg("source", doc.id.source_path()),
                );
            }
            continue;
        };
        let page = &mut pages[page_index];
        if let Some(updated) = page.source.facts.as_ref().and_then(|f| f.updated) {
            match doc.source_updated {
                None => diagnostics.push(
                    Diagnostic::new(Code::SourceUpdatedMissing, &doc.path, 1).arg("updated", updated.to_string()),
                ),
                Some(from) if from > updated => diagnostics.push(
                    Diagnostic::new(Code::SourceUpdatedLater, &doc.path, doc.line_of("source_updated"))
                        .arg("from", from.to_string())
                        .arg("updated", updated.to_string()),
                ),
                _ => {}
            }
        }
        page.translations.insert(lang, doc);
    }

    // References between pages and to topics.
    for page in &pages {
        let Some(facts) = &page.source.facts else { continue };
        let doc = &page.source;
        let mut check = |key: &str, slug: &Slug, section: Section| {
            let id = PageId {
                section,
                slug: slug.clone(),
            };
            if !index.contains_key(&id) && !unreadable.contains(&id) {
                let known: Vec<&str> = index
                    .keys()
                    .filter(|k| k.section == section)
                    .map(|k| k.slug.as_str())
                    .collect();
                diagnostics.push(
                    Diagnostic::new(Code::UnknownReference, &doc.path, doc.line_of(key))
                        .arg("key", key)
                        .arg("slug", slug.as_str())
                        .arg("folder", section.folder())
                        .arg("known", nearest(slug.as_str(), known.iter().copied()).unwrap_or("none")),
                );
            }
        };
        if let Some(comune) = &facts.comune {
            check("comune", comune, Section::Comuni);
        }
        for slug in &facts.offices {
            check("offices", slug, Section::Offices);
        }
        for slug in &facts.services {
            check("services", slug, Section::Services);
        }
        if let ComuniScope::Only(list) = &facts.comuni {
            for slug in list {
                check("comuni", slug, Section::Comuni);
            }
        }
        for topic in &facts.topics {
            if !config.topics.contains(topic) {
                let known: Vec<&str> = config.topics.iter().map(Slug::as_str).collect();
                diagnostics.push(
                    Diagnostic::new(Code::UnknownTopic, &doc.path, doc.line_of("topics"))
                        .arg("topic", topic.as_str())
                        .arg(
                            "known",
                            nearest(topic.as_str(), known.iter().copied()).unwrap_or("none"),
                        )
                        .arg("topics", known.join(", ")),
                );
            }
        }
    }

    diagnostics.extend(help_desk::problems(&config, &pages, &index));
    diagnostics.extend(files::problems(&pages, &attachments, &folder));

    // Links inside bodies, and their anchors: every document on its own,
    // in parallel.
    let link_problems: Vec<Diagnostic> = pages
        .par_iter()
        .with_max_len(crate::PAGES_PER_TASK)
        .flat_map_iter(|page| {
            std::iter::once(&page.source)
                .chain(page.translations.values())
                .flat_map(|doc| link_problems(doc, &pages, &index, unreadable))
        })
        .collect();
    diagnostics.extend(link_problems);

    // Cross-references, computed once.
    let mut district_wide: Vec<usize> = Vec::new();
    let mut used_by: Vec<Vec<usize>> = vec![Vec::new(); pages.len()];
    let mut offices_here: Vec<Vec<usize>> = vec![Vec::new(); pages.len()];
    let mut topics: BTreeMap<Slug, Vec<usize>> = config.topics.iter().map(|t| (t.clone(), Vec::new())).collect();
    for (i, page) in pages.iter().enumerate() {
        let Some(facts) = &page.source.facts else { continue };
        for topic in &facts.topics {
            if let Some(list) = topics.get_mut(topic) {
                list.push(i);
            }
        }
        if let Some(comune) = &facts.comune {
            if let Some(&c) = index.get(&PageId {
                section: Section::Comuni,
                slug: comune.clone(),
            }) {
                offices_here[c].push(i);
            }
        }
        if matches!(page.id.section, Section::Services | Section::Procedures) {
            for office in facts.offices.iter() {
                if let Some(&o) = index.get(&PageId {
                    section: Section::Offices,
                    slug: office.clone(),
                }) {
                    used_by[o].push(i);
                }
            }
            match &facts.comuni {
                ComuniScope::All => district_wide.push(i),
                ComuniScope::Only(list) => {
                    for slug in list {
                        if let Some(&c) = index.get(&PageId {
                            section: Section::Comuni,
                            slug: slug.clone(),
                        }) {
                            used_by[c].push(i);
                        }
                    }
                }
            }
        }
    }

    for (i, page) in pages.iter_mut().enumerate() {
        page.used_by = std::mem::take(&mut used_by[i]);
        page.offices_here = std::mem::take(&mut offices_here[i]);
        if let Some(reviewed) = page.source.facts.as_ref().and_then(|f| f.reviewed) {
            let age = reviewed.days_until(today);
            if age > i64::from(config.review_after_days) {
                page.review_overdue = true;
                diagnostics.push(
                    Diagnostic::new(Code::ReviewOverdue, &page.source.path, page.source.line_of("reviewed"))
                        .arg("reviewed", reviewed.to_string())
                        .arg("days", age),
                );
            }
        }
    }

    let site = Site {
        folder,
        attachments,
        config,
        languages,
        pages,
        index,
        topics,
        district_wide,
        today,
    };
    (site, diagnostics)
}

/// The broken links of `doc`'s body, and the links to a heading that its
/// page or one of the page's translations lacks.
fn link_problems(doc: &Document, pages: &[Page], index: &PageIndex, unreadable: &HashSet<PageId>) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for link in &doc.body.links {
        let Some(target) = index.get(&link.target).map(|i| &pages[*i]) else {
            // A page that exists but could not be read has its own error.
            if unreadable.contains(&link.target) {
                continue;
            }
            let known: Vec<&str> = index
                .keys()
                .filter(|k| k.section == link.target.section)
                .map(|k| k.slug.as_str())
                .collect();
            problems.push(
                Diagnostic::new(Code::BrokenLink, &doc.path, link.line)
                    .at_column(link.column)
                    .arg("link", &link.written)
                    .arg("target", link.target.source_path())
                    .arg("folder", link.target.section.folder())
                    .arg(
                        "known",
                        nearest(link.target.slug.as_str(), known.iter().copied()).unwrap_or("none"),
                    ),
            );
            continue;
        };
        let Some(anchor) = &link.anchor else { continue };
        let target_doc = if link.target == doc.id { doc } else { &target.source };
        if !target_doc.body.headings.iter().any(|h| &h.id == anchor) {
            let ids: Vec<&str> = target_doc.body.headings.iter().map(|h| h.id.as_str()).collect();
            problems.push(
                Diagnostic::new(Code::BrokenAnchor, &doc.path, link.line)
                    .at_column(link.column)
                    .arg("link", &link.written)
                    .arg("anchor", anchor.as_str())
                    .arg("target", target_doc.path.display().to_string())
                    .arg("known", nearest(anchor, ids.iter().copied()).unwrap_or("none")),
            );
            continue;
        }
        if link.target != doc.id {
            for translation in target.translations.values() {
                if !translation.body.headings.iter().any(|h| &h.id == anchor) {
                    problems.push(
                        Diagnostic::new(Code::AnchorMissingInTranslation, &translation.path, 0)
                            .arg("source", doc.path.display().to_string())
                            .arg("anchor", anchor.as_str()),
                    );
                }
            }
        }
    }
    problems
}
