//! The link table: what a link to each page shows in each language (title,
//! summary, language marks), computed once per build, and the order of
//! lists as readers expect it.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use rayon::prelude::*;

use crate::content::{Date, LangCode};
use crate::site::{Page, Site, TranslationState};

use super::translated::{dir_of, text_field};
use super::views::{GlossView, LinkView, SharedView};

/// What a link to a page shows in one language: computed once per build,
/// then only placed at the right depth.
pub struct LinkCore {
    title: String,
    lang: Option<String>,
    dir: Option<&'static str>,
    summary: Option<String>,
    folder: String,
    section: &'static str,
    /// For ordering lists as readers expect.
    key: String,
    /// The place of `key` among those of every page of the language:
    /// lists are ordered by it. Equal keys have equal ranks.
    rank: u32,
    /// A notice's day of publication, and as readers of the language write it.
    date: Option<Date>,
    date_text: Option<String>,
}

/// The depths below the language root whose links and glossary entries
/// [`Links`] keeps as shared values: the home page, the lists, the pages.
const SHARED_DEPTHS: usize = 3;

/// The link of every page in every language.
pub struct Links {
    by_lang: HashMap<LangCode, Vec<LinkCore>>,
    /// Each page's link as a template value, by language and page index,
    /// at each shared depth without and with its summary: made the first
    /// time a page lists it.
    shared: HashMap<LangCode, Vec<[OnceLock<SharedView>; 2 * SHARED_DEPTHS]>>,
    /// Each glossary page as the words-explained box shows it, by language
    /// and page index, at each shared depth: made the first time a page
    /// needs it.
    glosses: HashMap<LangCode, Vec<[OnceLock<SharedView>; SHARED_DEPTHS]>>,
}

/// The first letter of a title, as shown and as a folder name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Initial {
    pub folder: String,
    pub shown: String,
}

impl Links {
    pub fn of(site: &Site, renderer: &super::Renderer) -> Self {
        let by_lang = site
            .config
            .languages
            .par_iter()
            .map(|lang| {
                let cores = site
                    .pages
                    .iter()
                    .map(|page| link_core(site, renderer, page, lang))
                    .collect();
                (lang.clone(), ranked(cores))
            })
            .collect();
        Links {
            by_lang,
            shared: empty_slots(site),
            glosses: empty_slots(site),
        }
    }

    /// A link to page `i` in `lang`, from a page `depth` folders below the
    /// language root.
    pub fn get(&self, i: usize, lang: &LangCode, depth: usize, with_summary: bool) -> LinkView<'_> {
        let core = &self.by_lang[lang][i];
        LinkView {
            title: Cow::Borrowed(&core.title),
            lang: core.lang.as_deref(),
            dir: core.dir,
            href: format!("{}{}index.html", "../".repeat(depth), core.folder),
            summary: core.summary.as_deref().filter(|_| with_summary),
            section: core.section,
            date: core.date.map(|d| d.to_string()),
            date_text: core.date_text.clone(),
        }
    }

    /// [`Links::get`] as a template value, shared by every page at the
    /// same depth that lists it.
    pub fn shared(&self, i: usize, lang: &LangCode, depth: usize, with_summary: bool) -> SharedView {
        let slot = (depth < SHARED_DEPTHS).then_some(2 * depth + usize::from(with_summary));
        kept_or_made(slot.and_then(|slot| self.shared.get(lang)?.get(i)?.get(slot)), || {
            SharedView::from(self.get(i, lang, depth, with_summary))
        })
    }

    /// Links to `pages`, newest first (by day of publication, then title):
    /// the order of notices.
    pub fn newest_first(
        &self,
        pages: impl Iterator<Item = usize>,
        lang: &LangCode,
        depth: usize,
        with_summary: bool,
    ) -> Vec<SharedView> {
        let cores = &self.by_lang[lang];
        let mut pages: Vec<usize> = pages.collect();
        pages.sort_by_key(|&i| (std::cmp::Reverse(cores[i].date), cores[i].rank));
        pages
            .into_iter()
            .map(|i| self.shared(i, lang, depth, with_summary))
            .collect()
    }

    /// Links to `pages`, ordered by title.
    pub fn sorted(
        &self,
        pages: impl Iterator<Item = usize>,
        lang: &LangCode,
        depth: usize,
        with_summary: bool,
    ) -> Vec<SharedView> {
        self.by_title(pages, lang)
            .into_iter()
            .map(|i| self.shared(i, lang, depth, with_summary))
            .collect()
    }

    /// `pages` ordered by their titles in `lang`.
    fn by_title(&self, pages: impl Iterator<Item = usize>, lang: &LangCode) -> Vec<usize> {
        let cores = &self.by_lang[lang];
        let mut pages: Vec<usize> = pages.collect();
        pages.sort_by_key(|&i| cores[i].rank);
        pages
    }

    /// The initial of page `i`'s title in `lang`.
    pub fn initial(&self, i: usize, lang: &LangCode) -> Initial {
        let first = self.by_lang[lang][i]
            .key
            .chars()
            .find(|c| c.is_alphanumeric())
            .unwrap_or('#');
        let folder = if first.is_ascii_alphanumeric() {
            first.to_string()
        } else {
            format!("u{:x}", first as u32)
        };
        Initial {
            folder,
            shown: first.to_uppercase().collect(),
        }
    }

    /// Glossary page `i` as the words-explained box of a page `depth`
    /// folders below the root of `lang` shows it.
    pub fn gloss(&self, site: &Site, i: usize, lang: &LangCode, depth: usize) -> SharedView {
        kept_or_made(
            self.glosses.get(lang).and_then(|pages| pages.get(i)?.get(depth)),
            || SharedView::of(&gloss_view(site, i, lang, depth)),
        )
    }
}

/// The view kept in `slot`, made there the first time; made afresh when
/// there is no slot to keep it in.
fn kept_or_made(slot: Option<&OnceLock<SharedView>>, make: impl FnOnce() -> SharedView) -> SharedView {
    match slot {
        Some(cell) => cell.get_or_init(make).clone(),
        None => make(),
    }
}

/// Per language, an empty slot for each page.
fn empty_slots<T: Default>(site: &Site) -> HashMap<LangCode, Vec<T>> {
    site.config
        .languages
        .iter()
        .map(|lang| (lang.clone(), site.pages.iter().map(|_| T::default()).collect()))
        .collect()
}

fn link_core(site: &Site, renderer: &super::Renderer, page: &Page, lang: &LangCode) -> LinkCore {
    let (doc, state) = page.variant(lang, site.source_language());
    let (title, title_lang) = text_field(page, doc, state, site, |d| d.text.title.clone());
    let title = title.unwrap_or_else(|| page.id.slug.to_string());
    LinkCore {
        key: sort_key(&title),
        title,
        dir: title_lang.as_ref().map(|l| dir_of(site, l)),
        lang: title_lang,
        summary: text_field(page, doc, state, site, |d| d.text.summary.clone()).0,
        folder: page.id.folder_path(),
        section: page.id.section.folder(),
        rank: 0,
        date: page.facts().published,
        date_text: page.facts().published.map(|d| renderer.date(lang, d)),
    }
}

/// Glossary page `i` as the words-explained box of a page `depth` folders
/// below the root of `lang` shows it: its text in the reader's language
/// where it is translated.
fn gloss_view(site: &Site, i: usize, lang: &LangCode, depth: usize) -> GlossView {
    let page = &site.pages[i];
    let (doc, state) = page.variant(lang, site.source_language());
    let translated = !matches!(state, TranslationState::Source | TranslationState::Missing);
    let text_doc = if translated && !doc.body.plain.is_empty() {
        doc
    } else {
        &page.source
    };
    let text_lang = (!std::ptr::eq(text_doc, doc) || state == TranslationState::Missing)
        .then(|| site.source_language().to_string())
        .filter(|l| l != lang.as_str());
    GlossView {
        slug: page.id.slug.to_string(),
        term: page.facts().term.clone().unwrap_or_default(),
        translation: if translated { doc.text.title.clone() } else { None },
        text: first_sentences(&text_doc.body.plain, 220),
        dir: text_lang.as_deref().map(|l| dir_of(site, l)),
        lang: text_lang,
        href: format!("{}{}index.html", "../".repeat(depth), page.id.folder_path()),
    }
}

/// The first sentences of `text`, up to about `limit` characters.
fn first_sentences(text: &str, limit: usize) -> String {
    let mut out = String::new();
    for sentence in text.split_inclusive(['.', '!', '?', '؟', '।']) {
        if !out.is_empty() && out.chars().count() + sentence.chars().count() > limit {
            break;
        }
        out.push_str(sentence);
    }
    if out.chars().count() > limit + 80 {
        out = out.chars().take(limit).collect::<String>() + "…";
    }
    out.trim().to_owned()
}

/// `cores` with their ranks set: the titles are compared once for all
/// the lists, not in every list that holds them.
fn ranked(mut cores: Vec<LinkCore>) -> Vec<LinkCore> {
    let mut order: Vec<usize> = (0..cores.len()).collect();
    order.sort_by(|a, b| cores[*a].key.cmp(&cores[*b].key));
    let mut rank = 0;
    for (place, &page) in order.iter().enumerate() {
        if place > 0 && cores[order[place - 1]].key != cores[page].key {
            rank = place as u32;
        }
        cores[page].rank = rank;
    }
    cores
}

/// Orders titles as a reader expects: ignoring case and accents.
pub fn sort_key(title: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    title
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn core(title: &str) -> LinkCore {
        LinkCore {
            title: title.to_owned(),
            lang: None,
            dir: None,
            summary: None,
            folder: String::new(),
            section: "offices",
            key: sort_key(title),
            rank: 0,
            date: None,
            date_text: None,
        }
    }

    /// The fields of a shared view, as JSON.
    fn fields(view: &SharedView) -> serde_json::Value {
        serde_json::to_value(view).unwrap()
    }

    #[test]
    fn a_shared_link_is_made_once_per_depth_and_summary_and_placed_at_its_depth() {
        let lang = LangCode::parse("it").unwrap();
        let mut questura = core("Questura");
        questura.folder = "offices/questura/".into();
        questura.summary = Some("Permessi di soggiorno".into());
        let links = Links {
            by_lang: HashMap::from([(lang.clone(), vec![questura])]),
            shared: HashMap::from([(lang.clone(), vec![Default::default()])]),
            glosses: HashMap::new(),
        };
        // Kept depths, and a deeper one that is made each time.
        for depth in [0, 1, 2, 5] {
            for with_summary in [false, true] {
                let first = fields(&links.shared(0, &lang, depth, with_summary));
                let again = fields(&links.shared(0, &lang, depth, with_summary));
                assert_eq!(first, again);
                assert_eq!(
                    first["href"],
                    format!("{}offices/questura/index.html", "../".repeat(depth))
                );
                assert_eq!(first["title"], "Questura");
                let summary = first["summary"].as_str();
                assert_eq!(summary, with_summary.then_some("Permessi di soggiorno"));
            }
        }
    }

    #[test]
    fn lists_are_ordered_by_rank_and_equal_titles_keep_their_order() {
        let cores = ranked(
            ["Questura", "Comune", "Àrea", "comune", "Asl"]
                .into_iter()
                .map(core)
                .collect(),
        );
        let ranks: Vec<u32> = cores.iter().map(|c| c.rank).collect();
        assert_eq!(ranks, [4, 2, 0, 2, 1]);
        let lang = LangCode::parse("it").unwrap();
        let links = Links {
            by_lang: HashMap::from([(lang.clone(), cores)]),
            shared: HashMap::new(),
            glosses: HashMap::new(),
        };
        let titles = |pages: &[usize]| -> Vec<String> {
            links
                .by_title(pages.iter().copied(), &lang)
                .into_iter()
                .map(|i| links.get(i, &lang, 2, false).title.into_owned())
                .collect()
        };
        assert_eq!(
            titles(&[0, 1, 2, 3, 4]),
            ["Àrea", "Asl", "Comune", "comune", "Questura"]
        );
        assert_eq!(titles(&[3, 0, 1]), ["comune", "Comune", "Questura"]);
        assert_eq!(links.get(4, &lang, 2, false).href, "../../index.html");
    }

    #[test]
    fn first_sentences_stop_at_a_sentence_end_within_the_limit() {
        assert_eq!(first_sentences("One. Two. Three.", 9), "One. Two.");
        assert_eq!(
            first_sentences("Long sentence without end", 4),
            "Long sentence without end"
        );
    }
}
