//! The views of the pages that list other pages: a section's list, the
//! topics and each topic, the search page (every guide reachable without
//! JavaScript) and, in a large portal, one page per initial of the guides.

use std::collections::BTreeMap;

use crate::content::{LangCode, Section, Slug};
use crate::site::Site;

use super::links::{Initial, Links};
use super::views::{LinkView, PageView, SharedView, Text};
use super::{Renderer, LIST_IN_FULL};

/// `content/<section>/` as a list.
/// Notices come newest first; other sections by title.
pub fn section_view<'a>(site: &Site, links: &'a Links, section: Section, lang: &LangCode) -> PageView<'a> {
    let mut view = PageView::of_kind("list", section.folder());
    let pages = site.section(section).map(|(i, _)| i);
    view.items = if section == Section::News {
        links.newest_first(pages, lang, 1, true)
    } else {
        links.sorted(pages, lang, 1, true)
    };
    view
}

/// The list of topics.
pub fn topics_view(site: &Site, renderer: &Renderer, lang: &LangCode) -> PageView<'static> {
    let mut view = PageView::of_kind("topics", "topics");
    view.items = topic_links(renderer, lang, &site.config.topics, "");
    view
}

/// One topic and its pages.
pub fn topic_view<'a>(
    site: &Site,
    renderer: &Renderer,
    links: &'a Links,
    topic: &Slug,
    lang: &LangCode,
) -> PageView<'a> {
    let mut view = PageView::of_kind("topic", "topics");
    view.slug = topic.to_string();
    view.title = Some(Text::plain(renderer.strings.get(lang, &format!("topics.{topic}"))));
    let pages = site.topics.get(topic).map(Vec::as_slice).unwrap_or_default();
    view.items = links.sorted(pages.iter().copied(), lang, 2, true);
    view
}

/// The search page: the search box, and every guide in two clicks without
/// JavaScript — listed here, or by the initial of its title on a page of
/// its own — by topic, comune and office.
pub fn search_view<'a>(site: &Site, renderer: &Renderer, links: &'a Links, lang: &LangCode) -> PageView<'a> {
    let mut view = PageView::of_kind("search", "search");
    if site.section(Section::Procedures).count() > LIST_IN_FULL {
        view.letters = guides_by_initial(site, links, lang)
            .into_keys()
            .map(|initial| {
                LinkView::plain(initial.shown, format!("{}/index.html", initial.folder), "procedures").into()
            })
            .collect();
    } else {
        view.items = links.sorted(site.section(Section::Procedures).map(|(i, _)| i), lang, 1, false);
    }
    for (section, target) in [
        (Section::Offices, &mut view.offices),
        (Section::Comuni, &mut view.comuni),
    ] {
        *target = if site.section(section).count() > LIST_IN_FULL {
            let title = renderer
                .strings
                .get(lang, &format!("sections.{}", section.folder()))
                .to_owned();
            vec![LinkView::plain(title, format!("../{}/index.html", section.folder()), section.folder()).into()]
        } else {
            links.sorted(site.section(section).map(|(i, _)| i), lang, 1, false)
        };
    }
    view.topics = topic_links(renderer, lang, &site.config.topics, "../topics/");
    view
}

/// The guides whose title starts with one letter.
pub fn letter_view<'a>(links: &'a Links, initial: &Initial, pages: &[usize], lang: &LangCode) -> PageView<'a> {
    let mut view = PageView::of_kind("letter", "search");
    view.title = Some(Text::plain(initial.shown.clone()));
    view.items = links.sorted(pages.iter().copied(), lang, 2, true);
    view
}

/// The guides of a language grouped by the initial of their title.
pub fn guides_by_initial(site: &Site, links: &Links, lang: &LangCode) -> BTreeMap<Initial, Vec<usize>> {
    let mut groups: BTreeMap<Initial, Vec<usize>> = BTreeMap::new();
    for (i, _) in site.section(Section::Procedures) {
        groups.entry(links.initial(i, lang)).or_default().push(i);
    }
    groups
}

/// Links to `topics`, named in `lang`, at `prefix` + `<topic>/index.html`.
pub fn topic_links(renderer: &Renderer, lang: &LangCode, topics: &[Slug], prefix: &str) -> Vec<SharedView> {
    topics
        .iter()
        .map(|t| {
            LinkView::plain(
                renderer.strings.get(lang, &format!("topics.{t}")),
                format!("{prefix}{t}/index.html"),
                "topics",
            )
            .into()
        })
        .collect()
}
