//! The help desk: the office site.yaml names as the desk readers are sent
//! to whenever a fact is not confirmed. Its contact is shown on every page,
//! so a site whose desk cannot be reached sends every reader to a dead end:
//! `check` says so once.

use std::path::Path;

use crate::config::SiteConfig;
use crate::content::{PageId, Section};
use crate::diagnostics::{nearest, Diagnostic};

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
        (None, _) => problems.push(
            Diagnostic::warning(
                site_yaml,
                0,
                "site.yaml names no help desk: where a fact is not confirmed, pages tell readers to ask the help desk and give them no way to reach it",
            )
            .with_hint("add `help_desk: <file name of the desk's page in content/offices/>` to site.yaml"),
        ),
        (Some(id), None) => {
            let known: Vec<&str> = index
                .keys()
                .filter(|k| k.section == Section::Offices)
                .map(|k| k.slug.as_str())
                .collect();
            let hint = match nearest(id.slug.as_str(), known.iter().copied()) {
                Some(near) => format!("did you mean `{near}`?"),
                None => "write the file name (without .md) of the desk's page in content/offices/".to_owned(),
            };
            problems.push(
                Diagnostic::error(
                    site_yaml,
                    0,
                    format!("`help_desk` names `{}`, but there is no content/offices/{}.md", id.slug, id.slug),
                )
                .with_hint(hint),
            );
        }
        (Some(_), Some(&i)) if !has_contact(&pages[i]) => problems.push(
            Diagnostic::warning(
                &pages[i].source.path,
                1,
                "the help desk has no phone, e-mail or address: every page that says \"ask the help desk\" leaves readers with no way to reach it",
            )
            .with_hint("add the desk's `phone`, `email` or `address` here as soon as they are confirmed"),
        ),
        _ => {}
    }
    for page in pages.iter().filter(|p| p.id.section == Section::Offices) {
        if Some(&page.id) != desk.as_ref() && page.facts().address.is_none() {
            problems.push(
                Diagnostic::warning(
                    &page.source.path,
                    1,
                    "this office has no `address`: the page will tell readers to ask the help desk",
                )
                .with_hint("add `address: Via ..., 86170 Isernia` once the address is confirmed"),
            );
        }
    }
    problems
}
