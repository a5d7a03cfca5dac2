//! The help desk: the office site.yaml names as the desk readers are sent
//! to whenever a fact is not confirmed. Its contact is shown on every page,
//! so a site whose desk cannot be reached sends every reader to a dead end:
//! `check` says so once.

use std::path::Path;

use crate::config::SiteConfig;
use crate::content::{PageId, Section};
use crate::diagnostics::{nearest, Code, Diagnostic};

use super::{Page, PageIndex};

/// Whether an office gives readers a way to reach it.
pub fn has_contact(page: &Page) -> bool {
    let facts = page.facts();
    !facts.phone.is_empty() || facts.email.is_some() || facts.address.is_some()
}

/// The problems of the site's help desk, and of offices that leave readers
/// to ask it.
pub fn problems(config: &SiteConfig, pages: &[Page], index: &PageIndex) -> Vec<Diagnostic> {
    let site_yaml = Path::new("site.yaml");
    let mut problems = Vec::new();
    let desk = config.help_desk.as_ref().map(|slug| PageId {
        section: Section::Offices,
        slug: slug.clone(),
    });
    match (&desk, desk.as_ref().and_then(|id| index.get(id))) {
        (None, _) => problems.push(Diagnostic::new(Code::NoHelpDesk, site_yaml, 0)),
        (Some(id), None) => {
            let known: Vec<&str> = index
                .keys()
                .filter(|k| k.section == Section::Offices)
                .map(|k| k.slug.as_str())
                .collect();
            problems.push(
                Diagnostic::new(Code::UnknownHelpDesk, site_yaml, 0)
                    .arg("slug", id.slug.as_str())
                    .arg(
                        "known",
                        nearest(id.slug.as_str(), known.iter().copied()).unwrap_or("none"),
                    ),
            );
        }
        (Some(_), Some(&i)) if !has_contact(&pages[i]) => {
            problems.push(Diagnostic::new(Code::HelpDeskUnreachable, &pages[i].source.path, 1));
        }
        _ => {}
    }
    for page in pages.iter().filter(|p| p.id.section == Section::Offices) {
        if Some(&page.id) != desk.as_ref() && page.facts().address.is_none() {
            problems.push(Diagnostic::new(Code::OfficeWithoutAddress, &page.source.path, 1));
        }
    }
    problems
}
