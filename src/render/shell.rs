//! What pages share around their own view: the shell (navigation, footer,
//! assets, the interface strings as `t`), the same for every page of one
//! language at one depth and built once for them all; and the frame (the
//! page in the other languages, its canonical address), each page's own.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use serde::Serialize;
use tera::Context;

use crate::content::{LangCode, PageId, Section};
use crate::search_index::SearchAssets;
use crate::site::Site;

use super::links::Links;
use super::Renderer;

/// What every page of one language at one depth below the language root
/// shares: navigation, footer, assets, the search index's scripts.
#[derive(Serialize)]
struct Shell<'a> {
    lang: LangView<'a>,
    lang_root: String,
    root: String,
    assets: BTreeMap<&'a str, String>,
    search_manifest: Option<String>,
    search_script: Option<String>,
    footer_pages: Vec<super::views::SharedView>,
    nav: Vec<(&'static str, String)>,
    has_home_text: bool,
    /// The help desk of site.yaml, for the footer and wherever a fact is
    /// not confirmed.
    help_desk: Option<HelpDeskView<'a>>,
    /// Whether the site has notices (and so a news feed).
    has_news: bool,
}

/// The help desk as every page shows it.
#[derive(Serialize)]
struct HelpDeskView<'a> {
    link: super::views::LinkView<'a>,
    phones: Vec<super::views::PhoneView>,
    email: Option<&'a str>,
    address: Option<&'a str>,
    /// Whether a reader can reach it at all.
    has_contact: bool,
}

#[derive(Serialize)]
struct LangView<'a> {
    code: &'a str,
    name: &'a str,
    dir: &'a str,
}

/// The same page in one language, for the switcher and `hreflang`.
#[derive(Serialize)]
pub struct Alternate<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub dir: &'a str,
    pub href: String,
    pub url: String,
    pub current: bool,
}

/// What one page has of its own around its view: the same page in the
/// other languages and its canonical address.
#[derive(Serialize)]
pub struct Frame<'a> {
    alternates: Vec<Alternate<'a>>,
    canonical: Option<String>,
    x_default: Option<String>,
}

impl<'a> Frame<'a> {
    /// The frame of the page at `folder` below each language's root (none
    /// for pages that have no address of their own, such as 404.html).
    pub fn of(site: &'a Site, lang: &LangCode, depth: usize, folder: Option<&str>) -> Self {
        let root = "../".repeat(depth + 1);
        let base = site.config.base();
        Frame {
            alternates: alternates(site, lang, &root, folder.unwrap_or("")),
            canonical: folder.map(|folder| format!("{base}/{lang}/{folder}")),
            x_default: folder.map(|folder| format!("{base}/{}/{folder}", site.config.source_language)),
        }
    }
}

/// The page at `folder` in every language, `current` marked, linked from
/// `root` (the output's root, relative to the page that links them).
pub fn alternates<'a>(site: &'a Site, current: &LangCode, root: &str, folder: &str) -> Vec<Alternate<'a>> {
    let base = site.config.base();
    site.languages
        .iter()
        .map(|l| Alternate {
            code: l.code.as_str(),
            name: &l.name,
            dir: l.dir.as_str(),
            href: format!("{root}{}/{folder}index.html", l.code),
            url: format!("{base}/{}/{folder}", l.code),
            current: &l.code == current,
        })
        .collect()
}

/// The deepest folder whose shell [`Shells`] keeps; deeper pages build theirs.
const KEPT_DEPTHS: usize = 4;

/// The shells of the site as template contexts, each built once per
/// language and depth and shared by every page there.
pub struct Shells<'a> {
    site: &'a Site,
    renderer: &'a Renderer,
    search: &'a SearchAssets,
    links: &'a Links,
    kept: HashMap<LangCode, [OnceLock<Context>; KEPT_DEPTHS]>,
}

impl<'a> Shells<'a> {
    pub fn new(site: &'a Site, renderer: &'a Renderer, search: &'a SearchAssets, links: &'a Links) -> Self {
        let kept = site
            .config
            .languages
            .iter()
            .map(|lang| (lang.clone(), Default::default()))
            .collect();
        Shells {
            site,
            renderer,
            search,
            links,
            kept,
        }
    }

    pub fn site(&self) -> &'a Site {
        self.site
    }

    pub fn renderer(&self) -> &'a Renderer {
        self.renderer
    }

    pub fn links(&self) -> &'a Links {
        self.links
    }

    /// The context of a page of `lang` at `depth`, with its frame: the
    /// page's own view is then inserted as `page`.
    pub fn context(&self, lang: &LangCode, depth: usize, frame: &Frame) -> Context {
        let build = || self.build(lang, depth);
        let mut context = match self.kept.get(lang).and_then(|cells| cells.get(depth)) {
            Some(cell) => cell.get_or_init(build).clone(),
            None => build(),
        };
        context.extend(super::engine::context_of(frame));
        context
    }

    fn build(&self, lang: &LangCode, depth: usize) -> Context {
        let shell = shell(self.site, self.renderer, self.search, self.links, lang, depth);
        let mut context = super::engine::context_of(&shell);
        context.insert_value("t", self.renderer.strings_value(lang));
        context
    }
}

/// What every page of `lang` at `depth` folders below the language root shares.
fn shell<'a>(
    site: &'a Site,
    renderer: &'a Renderer,
    search: &SearchAssets,
    links: &'a Links,
    lang: &'a LangCode,
    depth: usize,
) -> Shell<'a> {
    let language = site.language(lang);
    let lang_root = "../".repeat(depth);
    let root = format!("{lang_root}../");
    let assets = renderer
        .assets
        .iter()
        .map(|(name, asset)| (name.as_str(), format!("{root}{}", asset.path)))
        .collect();
    let manifest = search.manifests.get(lang);
    let has_news = site.section(Section::News).next().is_some();
    let nav = [
        Section::Procedures,
        Section::Offices,
        Section::Services,
        Section::Comuni,
        Section::Glossary,
        Section::News,
    ]
    .iter()
    .filter(|s| **s != Section::News || has_news)
    .map(|s| (s.folder(), format!("{lang_root}{}/index.html", s.folder())))
    .collect();
    let help_desk = site
        .config
        .help_desk
        .as_ref()
        .and_then(|slug| {
            site.index.get(&PageId {
                section: Section::Offices,
                slug: slug.clone(),
            })
        })
        .map(|&i| {
            let facts = site.pages[i].facts();
            HelpDeskView {
                link: links.get(i, lang, depth, false),
                phones: facts.phone.iter().map(|p| super::views::PhoneView::of(p)).collect(),
                email: facts.email.as_deref(),
                address: facts.address.as_deref(),
                has_contact: crate::site::help_desk::has_contact(&site.pages[i]),
            }
        });
    Shell {
        help_desk,
        has_news,
        lang: LangView {
            code: lang.as_str(),
            name: language.map_or(lang.as_str(), |l| l.name.as_str()),
            dir: language.map_or("ltr", |l| l.dir.as_str()),
        },
        search_manifest: manifest.map(|m| format!("{root}{m}")),
        search_script: manifest.map(|_| format!("{root}{}", search.script)),
        footer_pages: links.sorted(site.section(Section::Pages).map(|(i, _)| i), lang, depth, false),
        nav,
        has_home_text: site.index.contains_key(&PageId::home()),
        assets,
        lang_root,
        root,
    }
}
