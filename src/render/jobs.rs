//! The pages a build renders: every content page, list, topic and search
//! page in every language, each a job that one core takes on its own.

use crate::content::{LangCode, Section, Slug};
use crate::site::Site;

use super::links::{Initial, Links};
use super::lists::guides_by_initial;
use super::LIST_IN_FULL;

/// One page to render in one language.
pub enum Job {
    Page(usize, LangCode),
    List(Section, LangCode),
    Topics(LangCode),
    Topic(Slug, LangCode),
    Search(LangCode),
    /// One letter of the A–Z of guides, when they are too many for one list.
    Letter(LangCode, Initial, Vec<usize>),
    NotFound(LangCode),
}

/// Every page of the site in every language.
pub fn all(site: &Site, links: &Links) -> Vec<Job> {
    let mut jobs = Vec::new();
    let many_guides = site.section(Section::Procedures).count() > LIST_IN_FULL;
    for lang in &site.config.languages {
        if many_guides {
            for (initial, pages) in guides_by_initial(site, links, lang) {
                jobs.push(Job::Letter(lang.clone(), initial, pages));
            }
        }
        jobs.extend((0..site.pages.len()).map(|i| Job::Page(i, lang.clone())));
        for section in Section::FOLDERS.into_iter().filter(|s| s.has_list()) {
            jobs.push(Job::List(section, lang.clone()));
        }
        jobs.push(Job::Topics(lang.clone()));
        jobs.extend(
            site.config
                .topics
                .iter()
                .map(|topic| Job::Topic(topic.clone(), lang.clone())),
        );
        jobs.push(Job::Search(lang.clone()));
        jobs.push(Job::NotFound(lang.clone()));
    }
    jobs
}

/// The given pages in every language.
pub fn pages(site: &Site, pages: &[usize]) -> Vec<Job> {
    pages
        .iter()
        .flat_map(|i| {
            site.config
                .languages
                .iter()
                .map(move |lang| Job::Page(*i, lang.clone()))
        })
        .collect()
}
