//! Render: the theme's Tera templates applied to every page in every
//! language, to section lists, topic pages, the search page and the front
//! door. Each view is built from the resolved site; nothing is looked up
//! twice per page.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::config::Direction;
use crate::content::schema::ComuniScope;
use crate::content::{Document, LangCode, PageId, Section, Slug};
use crate::diagnostics::Diagnostic;
use crate::hours::{clock, Hours};
use crate::site::{Page, Site, TranslationState};
use crate::strings::Strings;
use crate::theme::{Asset, Theme};

mod builtin;
mod qr;

/// A file to write, relative to the output folder.
#[derive(Debug, Clone)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// What pages need to know of the search index.
#[derive(Debug, Clone, Default)]
pub struct SearchAssets {
    /// Per language, the manifest script's path relative to the output root.
    pub manifests: BTreeMap<LangCode, String>,
    /// The runtime's path relative to the output root.
    pub script: String,
}

/// The templates, strings and asset names shared by every page.
pub struct Renderer {
    tera: Tera,
    strings: Strings,
    assets: BTreeMap<String, Asset>,
    /// The page templates are the built-in theme's own, so pages are made by
    /// [`builtin`] rather than interpreted by Tera: the same bytes, faster.
    builtin_pages: bool,
}

/// The templates a page, a list, the search page and the 404 page are made
/// of, with everything they include.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PageTemplate {
    Home,
    Page,
    List,
    Topics,
    Search,
    NotFound,
}

impl PageTemplate {
    fn file_name(self) -> &'static str {
        match self {
            PageTemplate::Home => "home.html",
            PageTemplate::Page => "page.html",
            PageTemplate::List => "list.html",
            PageTemplate::Topics => "topics.html",
            PageTemplate::Search => "search.html",
            PageTemplate::NotFound => "not_found.html",
        }
    }

    /// Every template file the page templates use.
    const FILES: [&'static str; 11] = [
        "base.html",
        "macros.html",
        "partials/notice.html",
        "partials/dates.html",
        "partials/glossary_box.html",
        "home.html",
        "page.html",
        "list.html",
        "topics.html",
        "search.html",
        "not_found.html",
    ];
}

impl Renderer {
    pub fn new(theme: &Theme, strings: Strings) -> Result<Self, Diagnostic> {
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html"]);
        tera.set_escape_fn(crate::markdown::escape_html);
        // `{{ text | isolate | safe }}`: escaped, with Latin runs of
        // right-to-left text wrapped in <bdi>.
        tera.register_filter("isolate", |value: &tera::Value, _: &HashMap<String, tera::Value>| {
            let text = value.as_str().map(str::to_owned).unwrap_or_else(|| value.to_string());
            Ok(tera::Value::String(
                crate::bidi::isolate_latin_runs(&crate::markdown::escape_html(&text)).into_owned(),
            ))
        });
        tera.add_raw_templates(theme.templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
            .map_err(|err| template_error(&err))?;
        let builtin_pages = PageTemplate::FILES.iter().all(|name| {
            theme
                .templates
                .get(*name)
                .is_some_and(|text| crate::theme::is_builtin(name, text))
        });
        Ok(Renderer {
            tera,
            strings,
            assets: theme.assets(),
            builtin_pages,
        })
    }

    /// Pages made by Tera from the templates even where the built-in theme
    /// would make them: to check that both make the same bytes.
    pub fn interpreted(mut self) -> Self {
        self.builtin_pages = false;
        self
    }

    pub fn assets(&self) -> impl Iterator<Item = &Asset> {
        self.assets.values()
    }

    pub fn strings(&self) -> &Strings {
        &self.strings
    }
}

fn template_error(err: &tera::Error) -> Diagnostic {
    let mut message = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(inner) = source {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        source = inner.source();
    }
    Diagnostic::error("themes", 0, format!("a template of the theme has an error: {message}"))
        .with_hint("fix the template in themes/<name>/templates/, or remove it to use the built-in one")
}

#[derive(Serialize, Clone)]
struct LangView<'a> {
    code: String,
    name: String,
    dir: &'a str,
}

#[derive(Serialize)]
struct Alternate<'a> {
    code: &'a str,
    name: &'a str,
    dir: &'a str,
    href: String,
    url: String,
    current: bool,
}

/// A link to another page, titled in the reader's language where possible.
#[derive(Serialize, Clone)]
struct LinkView<'a> {
    title: Cow<'a, str>,
    /// Set when the title is in another language than the page around it.
    lang: Option<&'a str>,
    dir: Option<&'static str>,
    href: String,
    summary: Option<&'a str>,
    section: &'static str,
}

/// A text field shown in the reader's language, or marked with the language
/// it is really in.
#[derive(Serialize)]
struct Text {
    text: String,
    lang: Option<String>,
    dir: Option<&'static str>,
}

#[derive(Serialize)]
struct Notice {
    kind: TranslationState,
    date: Option<String>,
    source_href: String,
    source_lang_name: String,
}

#[derive(Serialize)]
struct HoursRow {
    day: String,
    spans: Vec<String>,
    notes: Vec<String>,
}

#[derive(Serialize)]
struct HoursView {
    rows: Vec<HoursRow>,
    varies: bool,
    raw: String,
    /// For the "open now" script: [[day 0-6, from, to, certain], ...].
    data: String,
}

#[derive(Serialize)]
struct PhoneView {
    display: String,
    tel: String,
}

#[derive(Serialize, Default)]
struct PageView<'a> {
    kind: &'static str,
    section: &'static str,
    title: Option<Text>,
    summary: Option<Text>,
    body: &'a str,
    body_lang: Option<String>,
    body_dir: Option<&'static str>,
    has_steps: bool,
    notice: Option<Notice>,
    machine: bool,
    updated: Option<String>,
    reviewed: Option<String>,
    review_overdue: bool,
    documents: Option<Text>,
    documents_list: Vec<String>,
    cost: Option<Text>,
    duration: Option<Text>,
    eligibility: Option<Text>,
    term: Option<String>,
    offices: Vec<LinkView<'a>>,
    services: Vec<LinkView<'a>>,
    comune: Option<LinkView<'a>>,
    comuni_all: bool,
    comuni: Vec<LinkView<'a>>,
    topics: Vec<LinkView<'a>>,
    address: Option<String>,
    geo: Option<(f64, f64)>,
    phones: Vec<PhoneView>,
    email: Option<String>,
    website: Option<String>,
    hours: Option<HoursView>,
    languages_spoken: Vec<String>,
    sources: Vec<String>,
    istat: Option<String>,
    used_by: Vec<LinkView<'a>>,
    offices_here: Vec<LinkView<'a>>,
    all_comuni: Vec<LinkView<'a>>,
    items: Vec<LinkView<'a>>,
    slug: String,
    /// Glossary entries used in the body, explained in the reader's language.
    glossary: Vec<GlossView>,
    /// A QR code of the page's address, for print.
    qr_svg: Option<String>,
    /// schema.org data of an office, ready for a <script type="application/ld+json">.
    json_ld: Option<String>,
    /// The search page of a large portal: the initials of the guides.
    letters: Vec<LinkView<'a>>,
    /// A comune's page: the guides for every comune are too many to list
    /// and are reached through the section lists.
    district_wide_elsewhere: bool,
    /// A comune's page in a portal of many comuni: the other comuni are
    /// reached through the comuni list rather than listed on every page.
    comuni_elsewhere: bool,
}

#[derive(Serialize)]
struct GlossView {
    slug: String,
    term: String,
    translation: Option<String>,
    text: String,
    lang: Option<String>,
    dir: Option<&'static str>,
    href: String,
}

/// Renders every file of the site.
/// Where rendered files go as soon as each is made, so that a build never
/// holds the whole site in memory.
pub type Sink<'a> = &'a (dyn Fn(OutputFile) -> Result<(), Diagnostic> + Sync);

/// What a render wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Written {
    pub files: usize,
    pub pages: usize,
    pub bytes: u64,
}

/// Renders every file of the site into `sink`, pages in parallel.
pub fn render_site(site: &Site, renderer: &Renderer, search: &SearchAssets, sink: Sink) -> Result<Written, Diagnostic> {
    let links = Links::of(site);
    let jobs: Vec<Job> = jobs(site, &links);
    let shells = Shells::new(site, renderer, search, &links);
    // The front door and the dashboard (a row a page) are made while the
    // pages are, not after them.
    let (records, rest) = rayon::join(
        || {
            jobs.par_iter()
                .with_max_len(crate::PAGES_PER_TASK)
                .map(|job| {
                    let file = render_job(&shells, job)?;
                    let record = (file.path.clone(), content_hash(&file.bytes), file.bytes.len());
                    sink(file)?;
                    Ok(record)
                })
                .collect::<Result<Vec<(String, u64, usize)>, Diagnostic>>()
        },
        || -> Result<Vec<OutputFile>, Diagnostic> {
            let mut rest = vec![front_door(site, renderer)?, dashboard(site, renderer, &links)?];
            rest.extend(renderer.assets().map(|asset| OutputFile {
                path: asset.path.clone(),
                bytes: asset.bytes.clone(),
            }));
            Ok(rest)
        },
    );
    let mut records = records?;
    for file in rest? {
        records.push((file.path.clone(), content_hash(&file.bytes), file.bytes.len()));
        sink(file)?;
    }
    if renderer.tera.get_template_names().any(|n| n == "sw.js") {
        let file = service_worker(site, renderer, &mut records)?;
        records.push((file.path.clone(), 0, file.bytes.len()));
        sink(file)?;
    }
    Ok(Written {
        files: records.len(),
        pages: records.iter().filter(|r| r.0.ends_with(".html")).count(),
        bytes: records.iter().map(|r| r.2 as u64).sum(),
    })
}

fn content_hash(bytes: &[u8]) -> u64 {
    use std::hash::BuildHasher;
    // A fixed seed: the same bytes give the same hash in every build.
    foldhash::quality::FixedState::with_seed(0x5350_4f52_5445_4c4c).hash_one(bytes)
}

/// The given pages in every language, and the dashboard: what a change to
/// the body of those pages touches.
pub fn render_pages(
    site: &Site,
    renderer: &Renderer,
    search: &SearchAssets,
    pages: &[usize],
) -> Result<Vec<OutputFile>, Diagnostic> {
    let links = Links::of(site);
    let jobs: Vec<Job> = pages
        .iter()
        .flat_map(|i| {
            site.config
                .languages
                .iter()
                .map(move |lang| Job::Page(*i, lang.clone()))
        })
        .collect();
    let shells = Shells::new(site, renderer, search, &links);
    let mut files = jobs
        .par_iter()
        .with_max_len(crate::PAGES_PER_TASK)
        .map(|job| render_job(&shells, job))
        .collect::<Result<Vec<_>, _>>()?;
    files.push(dashboard(site, renderer, &links)?);
    Ok(files)
}

/// Up to this many offices and procedures, all of them are kept for offline
/// reading as soon as a reader opens the portal; beyond, only the home page
/// and the lists are, so that a reader on costly data never downloads a
/// whole large portal. Pages read are kept in any case.
const OFFLINE_GUIDES_AHEAD: usize = 60;

/// public/sw.js: the offline cache, named by a hash of everything else the
/// build wrote, so that a new build replaces stale pages.
fn service_worker(
    site: &Site,
    renderer: &Renderer,
    records: &mut [(String, u64, usize)],
) -> Result<OutputFile, Diagnostic> {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    records.sort_unstable();
    for (path, hash, _) in records.iter() {
        hasher.update(path.as_bytes());
        hasher.update(hash.to_le_bytes());
    }
    let version: String = hasher.finalize().iter().take(6).map(|b| format!("{b:02x}")).collect();
    let core: BTreeMap<&str, Vec<String>> = site
        .config
        .languages
        .iter()
        .map(|lang| {
            let mut urls = vec![format!("{lang}/index.html")];
            urls.extend(
                Section::FOLDERS
                    .iter()
                    .filter(|s| s.has_list())
                    .map(|s| format!("{lang}/{}/index.html", s.folder())),
            );
            let guides: Vec<&Page> = site
                .pages
                .iter()
                .filter(|p| matches!(p.id.section, Section::Offices | Section::Procedures))
                .collect();
            if guides.len() <= OFFLINE_GUIDES_AHEAD {
                urls.extend(
                    guides
                        .iter()
                        .map(|p| format!("{lang}/{}index.html", p.id.folder_path())),
                );
            }
            (lang.as_str(), urls)
        })
        .collect();
    let assets: Vec<&str> = renderer.assets.values().map(|a| a.path.as_str()).collect();
    let mut context = Context::new();
    context.insert("version", &version);
    context.insert("core", &core);
    context.insert("assets", &assets);
    let js = renderer
        .tera
        .render("sw.js", &context)
        .map_err(|err| template_error(&err))?;
    Ok(OutputFile {
        path: "sw.js".into(),
        bytes: js.into_bytes(),
    })
}

/// One page to render in one language.
enum Job {
    Page(usize, LangCode),
    List(Section, LangCode),
    Topics(LangCode),
    Topic(Slug, LangCode),
    Search(LangCode),
    /// One letter of the A–Z of guides, when they are too many for one list.
    Letter(LangCode, Initial, Vec<usize>),
    NotFound(LangCode),
}

/// The first letter of a title, as shown and as a folder name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Initial {
    folder: String,
    shown: String,
}

/// The guides of a language grouped by the initial of their title.
fn guides_by_initial(site: &Site, links: &Links, lang: &LangCode) -> BTreeMap<Initial, Vec<usize>> {
    let mut groups: BTreeMap<Initial, Vec<usize>> = BTreeMap::new();
    for (i, _) in site.section(Section::Procedures) {
        groups.entry(links.initial(i, lang)).or_default().push(i);
    }
    groups
}

fn jobs(site: &Site, links: &Links) -> Vec<Job> {
    let mut jobs = Vec::new();
    let many_guides = site.section(Section::Procedures).count() > LIST_IN_FULL;
    for lang in &site.config.languages {
        if many_guides {
            for (initial, pages) in guides_by_initial(site, links, lang) {
                jobs.push(Job::Letter(lang.clone(), initial, pages));
            }
        }
        for i in 0..site.pages.len() {
            jobs.push(Job::Page(i, lang.clone()));
        }
        for section in Section::FOLDERS.into_iter().filter(|s| s.has_list()) {
            jobs.push(Job::List(section, lang.clone()));
        }
        jobs.push(Job::Topics(lang.clone()));
        for topic in &site.config.topics {
            jobs.push(Job::Topic(topic.clone(), lang.clone()));
        }
        jobs.push(Job::Search(lang.clone()));
        jobs.push(Job::NotFound(lang.clone()));
    }
    jobs
}

/// Where a rendered page sits: its path below the language root and how deep.
struct Place {
    folder: String,
    depth: usize,
}

fn render_job(shells: &Shells, job: &Job) -> Result<OutputFile, Diagnostic> {
    let Shells {
        site, renderer, links, ..
    } = *shells;
    let (lang, place, template, view, alternate_folder) = match job {
        Job::Page(i, lang) => {
            let page = &site.pages[*i];
            let place = Place {
                folder: page.id.folder_path(),
                depth: crate::markdown::depth(&page.id),
            };
            let view = page_view(site, renderer, links, page, lang, &place);
            let template = if page.id.section == Section::Home {
                PageTemplate::Home
            } else {
                PageTemplate::Page
            };
            (lang, place, template, view, Some(page.id.folder_path()))
        }
        Job::List(section, lang) => {
            let place = Place {
                folder: format!("{}/", section.folder()),
                depth: 1,
            };
            let mut view = PageView {
                kind: "list",
                section: section.folder(),
                ..Default::default()
            };
            view.items = links.sorted(site.section(*section).map(|(i, _)| i), lang, place.depth, true);
            (
                lang,
                place,
                PageTemplate::List,
                view,
                Some(format!("{}/", section.folder())),
            )
        }
        Job::Topics(lang) => {
            let place = Place {
                folder: "topics/".into(),
                depth: 1,
            };
            let mut view = PageView {
                kind: "topics",
                section: "topics",
                ..Default::default()
            };
            view.items = topic_links(renderer, lang, &site.config.topics, "");
            (lang, place, PageTemplate::Topics, view, Some("topics/".into()))
        }
        Job::Topic(topic, lang) => {
            let place = Place {
                folder: format!("topics/{topic}/"),
                depth: 2,
            };
            let mut view = PageView {
                kind: "topic",
                section: "topics",
                slug: topic.to_string(),
                ..Default::default()
            };
            view.title = Some(Text {
                text: renderer.strings.get(lang, &format!("topics.{topic}")).to_owned(),
                lang: None,
                dir: None,
            });
            let pages = site.topics.get(topic).map(Vec::as_slice).unwrap_or_default();
            view.items = links.sorted(pages.iter().copied(), lang, place.depth, true);
            (lang, place, PageTemplate::List, view, Some(format!("topics/{topic}/")))
        }
        Job::Search(lang) => {
            let place = Place {
                folder: "search/".into(),
                depth: 1,
            };
            let mut view = PageView {
                kind: "search",
                section: "search",
                ..Default::default()
            };
            // Every guide in two clicks without JavaScript: listed here, or
            // by the initial of its title on a page of its own.
            if site.section(Section::Procedures).count() > LIST_IN_FULL {
                view.letters = guides_by_initial(site, links, lang)
                    .into_keys()
                    .map(|initial| LinkView {
                        href: format!("{}/index.html", initial.folder),
                        title: initial.shown.into(),
                        lang: None,
                        dir: None,
                        summary: None,
                        section: "procedures",
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
                    vec![LinkView {
                        title: renderer
                            .strings
                            .get(lang, &format!("sections.{}", section.folder()))
                            .to_owned()
                            .into(),
                        lang: None,
                        dir: None,
                        href: format!("../{}/index.html", section.folder()),
                        summary: None,
                        section: section.folder(),
                    }]
                } else {
                    links.sorted(site.section(section).map(|(i, _)| i), lang, 1, false)
                };
            }
            view.topics = topic_links(renderer, lang, &site.config.topics, "../topics/");
            (lang, place, PageTemplate::Search, view, Some("search/".into()))
        }
        Job::Letter(lang, initial, pages) => {
            let place = Place {
                folder: format!("search/{}/", initial.folder),
                depth: 2,
            };
            let mut view = PageView {
                kind: "letter",
                section: "search",
                ..Default::default()
            };
            view.title = Some(Text {
                text: initial.shown.clone(),
                lang: None,
                dir: None,
            });
            view.items = links.sorted(pages.iter().copied(), lang, place.depth, true);
            (lang, place, PageTemplate::List, view, None)
        }
        Job::NotFound(lang) => {
            let place = Place {
                folder: String::new(),
                depth: 0,
            };
            let view = PageView {
                kind: "not_found",
                ..Default::default()
            };
            (lang, place, PageTemplate::NotFound, view, None)
        }
    };
    let file_name = match job {
        Job::NotFound(_) => "404.html".to_owned(),
        _ => format!("{}index.html", place.folder),
    };
    let frame = frame(site, lang, place.depth, alternate_folder.as_deref());
    let html = if renderer.builtin_pages {
        let shell = shells.shell(lang, place.depth);
        builtin::render(
            template,
            &builtin::Parts {
                shell: &shell,
                frame: &frame,
                t: builtin::Translations::of(&renderer.strings, lang),
                page: &view,
            },
        )
    } else {
        let mut context = shells.context(lang, place.depth, &frame);
        context.insert("page", &view);
        renderer
            .tera
            .render(template.file_name(), &context)
            .map_err(|err| template_error(&err))?
    };
    Ok(OutputFile {
        path: format!("{lang}/{file_name}"),
        bytes: html.into_bytes(),
    })
}

/// The deepest folder whose shell [`Shells`] keeps; deeper pages build theirs.
const KEPT_SHELL_DEPTHS: usize = 4;

/// What every page of one language at one depth below the language root
/// shares: navigation, footer, assets, the search index's scripts.
#[derive(Serialize, Clone)]
struct Shell<'a> {
    lang: LangView<'a>,
    lang_root: String,
    root: String,
    assets: BTreeMap<&'a str, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    search_manifest: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    search_script: Option<String>,
    footer_pages: Vec<LinkView<'a>>,
    nav: Vec<(&'static str, String)>,
    has_home_text: bool,
}

/// What one page has of its own around its view: the same page in the
/// other languages and its canonical address.
#[derive(Serialize)]
struct Frame<'a> {
    alternates: Vec<Alternate<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    canonical: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    x_default: Option<String>,
}

/// One kept shell, and its Tera context once a template needs it.
#[derive(Default)]
struct KeptShell<'a> {
    shell: OnceLock<Shell<'a>>,
    context: OnceLock<Context>,
}

/// The shells of the site, each built once per language and depth and
/// shared by every page there.
struct Shells<'a> {
    site: &'a Site,
    renderer: &'a Renderer,
    search: &'a SearchAssets,
    links: &'a Links,
    kept: HashMap<LangCode, [KeptShell<'a>; KEPT_SHELL_DEPTHS]>,
}

impl<'a> Shells<'a> {
    fn new(site: &'a Site, renderer: &'a Renderer, search: &'a SearchAssets, links: &'a Links) -> Self {
        let kept = site
            .config
            .languages
            .iter()
            .map(|lang| (lang.clone(), Default::default()))
            .collect();
        Self {
            site,
            renderer,
            search,
            links,
            kept,
        }
    }

    fn build(&self, lang: &LangCode, depth: usize) -> Shell<'a> {
        shell(self.site, self.renderer, self.search, self.links, lang, depth)
    }

    fn kept(&self, lang: &LangCode, depth: usize) -> Option<&KeptShell<'a>> {
        self.kept.get(lang).and_then(|cells| cells.get(depth))
    }

    /// The shell of pages `depth` folders below the root of `lang`.
    fn shell(&self, lang: &LangCode, depth: usize) -> Cow<'_, Shell<'a>> {
        match self.kept(lang, depth) {
            Some(kept) => Cow::Borrowed(kept.shell.get_or_init(|| self.build(lang, depth))),
            None => Cow::Owned(self.build(lang, depth)),
        }
    }

    /// The Tera context of a page: its shell, the strings and its frame.
    fn context(&self, lang: &LangCode, depth: usize, frame: &Frame) -> Context {
        let build = || shell_context(&self.shell(lang, depth), self.renderer.strings.nested(lang));
        let mut context = match self.kept(lang, depth) {
            Some(kept) => kept.context.get_or_init(build).clone(),
            None => build(),
        };
        context.extend(Context::from_serialize(frame).unwrap_or_default());
        context
    }
}

/// The shell as Tera variables, with the strings as `t`.
fn shell_context(shell: &Shell, strings: &serde_json::Value) -> Context {
    let mut context = Context::from_serialize(shell).unwrap_or_default();
    context.insert("t", strings);
    context
}

/// What every page of `lang` at `depth` folders below the language root shares.
fn shell<'a>(
    site: &'a Site,
    renderer: &'a Renderer,
    search: &SearchAssets,
    links: &'a Links,
    lang: &LangCode,
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
    let nav = [
        Section::Procedures,
        Section::Offices,
        Section::Services,
        Section::Comuni,
        Section::Glossary,
    ]
    .iter()
    .map(|s| (s.folder(), format!("{lang_root}{}/index.html", s.folder())))
    .collect();
    Shell {
        lang: LangView {
            code: lang.to_string(),
            name: language.map_or_else(|| lang.to_string(), |l| l.name.clone()),
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

/// The page in the other languages, and its canonical address.
fn frame<'a>(site: &'a Site, lang: &LangCode, depth: usize, alternate_folder: Option<&str>) -> Frame<'a> {
    let root = "../".repeat(depth + 1);
    let base = site.config.base();
    let folder = alternate_folder.unwrap_or("");
    Frame {
        alternates: alternates(site, lang, &root, folder),
        canonical: alternate_folder.map(|folder| format!("{base}/{lang}/{folder}")),
        x_default: alternate_folder.map(|folder| format!("{base}/{}/{folder}", site.config.source_language)),
    }
}

/// The page at `folder` in every language, `current` marked, linked from
/// `root` (the output's root, relative to the page that links them).
fn alternates<'a>(site: &'a Site, current: &LangCode, root: &str, folder: &str) -> Vec<Alternate<'a>> {
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

/// Up to this many pages, the home page lists every guide and a comune's
/// page every guide for all comuni; beyond, they link the section lists.
const LIST_IN_FULL: usize = 40;

/// What a link to a page shows in one language: computed once per build,
/// then only placed at the right depth.
struct LinkCore {
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
}

/// The link of every page in every language.
struct Links {
    by_lang: HashMap<LangCode, Vec<LinkCore>>,
    /// Each glossary page as the words-explained box shows it, by language
    /// and page index: made the first time a page needs it.
    cards: HashMap<LangCode, Vec<OnceLock<GlossCard>>>,
}

/// A glossary entry as a page's words-explained box shows it in one language.
struct GlossCard {
    term: String,
    translation: Option<String>,
    text: String,
    lang: Option<String>,
    dir: Option<&'static str>,
}

impl GlossCard {
    fn of(site: &Site, page: &Page, lang: &LangCode) -> Self {
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
        GlossCard {
            term: page.facts().term.clone().unwrap_or_default(),
            translation: if translated { doc.text.title.clone() } else { None },
            text: first_sentences(&text_doc.body.plain, 220),
            dir: text_lang.as_deref().map(|l| dir_of(site, l)),
            lang: text_lang,
        }
    }
}

impl Links {
    fn of(site: &Site) -> Self {
        let by_lang = site
            .config
            .languages
            .par_iter()
            .map(|lang| {
                let cores = site
                    .pages
                    .iter()
                    .map(|page| {
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
                        }
                    })
                    .collect();
                (lang.clone(), ranked(cores))
            })
            .collect();
        let cards = site
            .config
            .languages
            .iter()
            .map(|lang| (lang.clone(), site.pages.iter().map(|_| OnceLock::new()).collect()))
            .collect();
        Links { by_lang, cards }
    }

    /// A link to page `i` in `lang`, from a page `depth` folders below the
    /// language root.
    fn get(&self, i: usize, lang: &LangCode, depth: usize, with_summary: bool) -> LinkView<'_> {
        let core = &self.by_lang[lang][i];
        let mut href = String::with_capacity(3 * depth + core.folder.len() + 10);
        for _ in 0..depth {
            href.push_str("../");
        }
        href.push_str(&core.folder);
        href.push_str("index.html");
        LinkView {
            title: Cow::Borrowed(&core.title),
            lang: core.lang.as_deref(),
            dir: core.dir,
            href,
            summary: core.summary.as_deref().filter(|_| with_summary),
            section: core.section,
        }
    }

    /// The initial of page `i`'s title in `lang`.
    fn initial(&self, i: usize, lang: &LangCode) -> Initial {
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

    /// Links to `pages`, ordered by title.
    fn sorted(
        &self,
        pages: impl Iterator<Item = usize>,
        lang: &LangCode,
        depth: usize,
        with_summary: bool,
    ) -> Vec<LinkView<'_>> {
        let cores = &self.by_lang[lang];
        let mut pages: Vec<usize> = pages.collect();
        pages.sort_by_key(|&i| cores[i].rank);
        pages
            .into_iter()
            .map(|i| self.get(i, lang, depth, with_summary))
            .collect()
    }
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

fn dir_of(site: &Site, lang: &str) -> &'static str {
    site.languages
        .iter()
        .find(|l| l.code.as_str() == lang)
        .map_or(Direction::Ltr, |l| l.dir)
        .as_str()
}

/// A text field in the reader's language: the translation's, or the
/// source's marked with the source language.
fn text_field<T>(
    page: &Page,
    doc: &Document,
    state: TranslationState,
    site: &Site,
    get: impl Fn(&Document) -> Option<T>,
) -> (Option<T>, Option<String>) {
    let source_lang = || Some(site.source_language().to_string());
    match state {
        TranslationState::Source => (get(doc), None),
        TranslationState::Missing => (get(&page.source), source_lang()),
        _ => match get(doc) {
            Some(value) => (Some(value), None),
            None => match get(&page.source) {
                Some(value) => (Some(value), source_lang()),
                None => (None, None),
            },
        },
    }
}

fn text(site: &Site, value: (Option<String>, Option<String>)) -> Option<Text> {
    let (text, lang) = value;
    text.map(|text| {
        let dir = lang.as_deref().map(|l| dir_of(site, l));
        Text { text, lang, dir }
    })
}

fn page_view<'a>(
    site: &Site,
    renderer: &Renderer,
    links: &'a Links,
    page: &'a Page,
    lang: &LangCode,
    place: &Place,
) -> PageView<'a> {
    let (doc, state) = page.variant(lang, site.source_language());
    let facts = page.facts();
    let depth = place.depth;
    let source_lang = site.source_language().to_string();
    let links_to = |slugs: &[Slug], section: Section| -> Vec<LinkView<'a>> {
        slugs
            .iter()
            .filter_map(|slug| {
                site.index.get(&PageId {
                    section,
                    slug: slug.clone(),
                })
            })
            .map(|i| links.get(*i, lang, depth, false))
            .collect()
    };
    let mut view = PageView {
        kind: if page.id.section == Section::Home {
            "home"
        } else {
            "page"
        },
        section: page.id.section.folder(),
        slug: page.id.slug.to_string(),
        ..Default::default()
    };
    view.title = text(site, text_field(page, doc, state, site, |d| d.text.title.clone()));
    view.summary = text(site, text_field(page, doc, state, site, |d| d.text.summary.clone()));
    view.cost = text(site, text_field(page, doc, state, site, |d| d.text.cost.clone()));
    view.duration = text(site, text_field(page, doc, state, site, |d| d.text.duration.clone()));
    view.eligibility = text(site, text_field(page, doc, state, site, |d| d.text.eligibility.clone()));
    let (documents, documents_lang) = text_field(page, doc, state, site, |d| d.text.documents.clone());
    view.documents_list = documents.unwrap_or_default();
    if !view.documents_list.is_empty() {
        view.documents = Some(Text {
            text: String::new(),
            dir: documents_lang.as_deref().map(|l| dir_of(site, l)),
            lang: documents_lang,
        });
    }
    let body_doc = if doc.body.html.trim().is_empty() && state != TranslationState::Source {
        &page.source
    } else {
        doc
    };
    view.body = &body_doc.body.html;
    view.has_steps = body_doc.body.has_ordered_list;
    if !std::ptr::eq(body_doc, doc) || state == TranslationState::Missing {
        view.body_lang = Some(source_lang.clone());
        view.body_dir = Some(dir_of(site, &source_lang));
    }
    view.machine = state == TranslationState::Machine;
    if matches!(
        state,
        TranslationState::Missing | TranslationState::Outdated | TranslationState::Machine
    ) {
        view.notice = Some(Notice {
            kind: state,
            date: facts.updated.map(|d| d.to_string()),
            source_href: format!(
                "{}../{}/{}index.html",
                "../".repeat(depth),
                source_lang,
                page.id.folder_path()
            ),
            source_lang_name: language_name(site, renderer, lang, &source_lang),
        });
    }
    view.updated = facts.updated.map(|d| d.to_string());
    view.reviewed = facts.reviewed.map(|d| d.to_string());
    view.review_overdue = page.review_overdue;
    view.term = facts.term.clone();
    view.offices = links_to(&facts.offices, Section::Offices);
    view.services = links_to(&facts.services, Section::Services);
    view.comune = facts
        .comune
        .as_ref()
        .and_then(|slug| {
            site.index.get(&PageId {
                section: Section::Comuni,
                slug: slug.clone(),
            })
        })
        .map(|i| links.get(*i, lang, depth, false));
    match &facts.comuni {
        ComuniScope::All => view.comuni_all = matches!(page.id.section, Section::Services | Section::Procedures),
        ComuniScope::Only(list) => view.comuni = links_to(list, Section::Comuni),
    }
    view.topics = topic_links(
        renderer,
        lang,
        &facts.topics,
        &format!("{}topics/", "../".repeat(depth)),
    );
    view.address = facts.address.clone();
    view.geo = facts.geo.map(|g| (g.lat, g.lon));
    view.phones = facts
        .phone
        .iter()
        .map(|p| PhoneView {
            display: p.clone(),
            tel: p.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect(),
        })
        .collect();
    view.email = facts.email.clone();
    view.website = facts.website.clone();
    view.hours = facts.hours.as_ref().map(|h| hours_view(h, renderer, lang));
    view.languages_spoken = facts
        .languages_spoken
        .iter()
        .map(|l| language_name(site, renderer, lang, l.as_str()))
        .collect();
    view.sources = facts.sources.clone();
    view.istat = facts.istat.as_ref().map(|i| i.0.clone());
    if page.id.section == Section::Comuni {
        // Guides for every comune are listed here while the list stays short;
        // a larger portal links its section lists instead.
        let district_wide = site
            .district_wide
            .iter()
            .copied()
            .filter(|_| site.district_wide.len() <= LIST_IN_FULL);
        view.used_by = links.sorted(page.used_by.iter().copied().chain(district_wide), lang, depth, false);
        view.district_wide_elsewhere = site.district_wide.len() > LIST_IN_FULL;
        let comuni = site.section(Section::Comuni).count();
        view.comuni_elsewhere = comuni > LIST_IN_FULL;
        if !view.comuni_elsewhere {
            view.all_comuni = links.sorted(site.section(Section::Comuni).map(|(i, _)| i), lang, depth, false);
        }
    } else {
        view.used_by = links.sorted(page.used_by.iter().copied(), lang, depth, false);
    }
    view.offices_here = links.sorted(page.offices_here.iter().copied(), lang, depth, false);
    view.glossary = glossary_views(site, links, body_doc, lang, depth);
    let canonical = format!("{}/{lang}/{}", site.config.base(), page.id.folder_path());
    view.qr_svg = qr::qr_svg(&canonical);
    if page.id.section == Section::Offices {
        view.json_ld = Some(office_json_ld(
            site,
            page,
            view.title.as_ref().map(|t| t.text.as_str()).unwrap_or_default(),
            &canonical,
        ));
    }
    if page.id.section == Section::Home {
        view.topics = topic_links(renderer, lang, &site.config.topics, "topics/");
        let guides: Vec<usize> = site.section(Section::Procedures).map(|(i, _)| i).collect();
        if guides.len() <= LIST_IN_FULL {
            view.items = links.sorted(guides.into_iter(), lang, depth, true);
        }
    }
    view
}

/// A language's name in the reader's language (`language_names.xx`), or in
/// itself when the site has it, or its code.
fn language_name(site: &Site, renderer: &Renderer, reader: &LangCode, code: &str) -> String {
    let key = format!("language_names.{code}");
    let named = renderer.strings.get(reader, &key);
    if named != key {
        return named.to_owned();
    }
    site.languages
        .iter()
        .find(|l| l.code.as_str() == code)
        .map_or_else(|| code.to_uppercase(), |l| l.name.clone())
}

fn hours_view(hours: &Hours, renderer: &Renderer, lang: &LangCode) -> HoursView {
    const DAYS: [&str; 7] = ["mo", "tu", "we", "th", "fr", "sa", "su"];
    let rows = hours
        .week
        .iter()
        .zip(DAYS)
        .map(|(spans, day)| HoursRow {
            day: renderer.strings.get(lang, &format!("days.{day}")).to_owned(),
            spans: spans.iter().map(|s| s.label()).collect(),
            notes: spans.iter().filter_map(|s| s.comment.clone()).collect(),
        })
        .collect();
    let data: Vec<(usize, String, String, bool)> = hours
        .week
        .iter()
        .enumerate()
        .flat_map(|(day, spans)| spans.iter().map(move |s| (day, clock(s.from), clock(s.to), s.certain)))
        .collect();
    HoursView {
        rows,
        varies: hours.varies,
        raw: hours.raw.clone(),
        data: serde_json::to_string(&data).unwrap_or_default(),
    }
}

/// public/index.html: sends the reader to the language the browser asks for,
/// and lists every language in its own name.
fn front_door(site: &Site, renderer: &Renderer) -> Result<OutputFile, Diagnostic> {
    let mut context = Context::new();
    let source = site.source_language();
    let languages = alternates(site, source, "", "");
    let titles: Vec<(&str, &str)> = site
        .languages
        .iter()
        .map(|l| (l.code.as_str(), renderer.strings.get(&l.code, "choose_language")))
        .collect();
    context.insert("languages", &languages);
    context.insert("titles", &titles);
    context.insert("t", renderer.strings.nested(source));
    context.insert("source", source.as_str());
    context.insert("x_default", &format!("{}/{}/", site.config.base(), source));
    let assets: BTreeMap<&str, String> = renderer
        .assets
        .iter()
        .map(|(name, asset)| (name.as_str(), asset.path.clone()))
        .collect();
    context.insert("assets", &assets);
    let html = renderer
        .tera
        .render("choose_language.html", &context)
        .map_err(|err| template_error(&err))?;
    Ok(OutputFile {
        path: "index.html".into(),
        bytes: html.into_bytes(),
    })
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

#[derive(Serialize)]
struct StatusCell {
    state: TranslationState,
    /// The file to edit: the translation, or none where it is missing.
    file: Option<String>,
}

#[derive(Serialize)]
struct StatusRow {
    title: String,
    href: String,
    source: String,
    cells: Vec<StatusCell>,
}

/// public/status/index.html: the translation table for volunteers, in the
/// source language, linked from nowhere.
fn dashboard(site: &Site, renderer: &Renderer, links: &Links) -> Result<OutputFile, Diagnostic> {
    let source = site.source_language();
    let place = Place {
        folder: "status/".into(),
        depth: 1,
    };
    let no_search = SearchAssets::default();
    let mut context = Shells::new(site, renderer, &no_search, links).context(
        source,
        place.depth,
        &frame(site, source, place.depth, None),
    );
    context.insert(
        "page",
        &PageView {
            kind: "status",
            ..Default::default()
        },
    );
    let others: Vec<&LangCode> = site.config.languages.iter().filter(|l| *l != source).collect();
    let rows: Vec<StatusRow> = site
        .pages
        .iter()
        .enumerate()
        .map(|(i, page)| {
            let link = links.get(i, source, 1, false);
            StatusRow {
                title: link.title.into_owned(),
                href: link.href,
                source: page.source.path.to_string_lossy().replace('\\', "/"),
                cells: others
                    .iter()
                    .map(|lang| StatusCell {
                        state: page.variant(lang, source).1,
                        file: page
                            .translations
                            .get(*lang)
                            .map(|d| d.path.to_string_lossy().replace('\\', "/")),
                    })
                    .collect(),
            }
        })
        .collect();
    context.insert("status_languages", &others);
    context.insert("status_rows", &rows);
    context.insert("edit_url", &site.config.edit_url);
    let html = renderer
        .tera
        .render("status.html", &context)
        .map_err(|err| template_error(&err))?;
    Ok(OutputFile {
        path: format!("{source}/status/index.html"),
        bytes: html.into_bytes(),
    })
}

/// The "words explained" box: each glossary entry the body uses, in the
/// reader's language where it is translated.
fn glossary_views(site: &Site, links: &Links, body_doc: &Document, lang: &LangCode, depth: usize) -> Vec<GlossView> {
    let cards = &links.cards[lang];
    body_doc
        .body
        .glossary
        .iter()
        .filter_map(|slug| {
            let id = PageId {
                section: Section::Glossary,
                slug: slug.clone(),
            };
            let i = *site.index.get(&id)?;
            let card = cards.get(i)?.get_or_init(|| GlossCard::of(site, &site.pages[i], lang));
            let mut href = "../".repeat(depth);
            id.push_folder_path(&mut href);
            href.push_str("index.html");
            Some(GlossView {
                slug: slug.to_string(),
                term: card.term.clone(),
                translation: card.translation.clone(),
                text: card.text.clone(),
                lang: card.lang.clone(),
                dir: card.dir,
                href,
            })
        })
        .collect()
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

/// schema.org GovernmentOffice data with the opening hours.
fn office_json_ld(site: &Site, page: &Page, name: &str, url: &str) -> String {
    const DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let facts = page.facts();
    let mut data = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "GovernmentOffice",
        "name": name,
        "url": url,
    });
    let comune = facts
        .comune
        .as_ref()
        .and_then(|slug| {
            site.page(&PageId {
                section: Section::Comuni,
                slug: slug.clone(),
            })
        })
        .and_then(|p| p.source.text.title.clone());
    if facts.address.is_some() || comune.is_some() {
        data["address"] = serde_json::json!({
            "@type": "PostalAddress",
            "streetAddress": facts.address,
            "addressLocality": comune,
            "addressCountry": "IT",
        });
    }
    if let Some(geo) = facts.geo {
        data["geo"] = serde_json::json!({"@type": "GeoCoordinates", "latitude": geo.lat, "longitude": geo.lon});
    }
    if !facts.phone.is_empty() {
        data["telephone"] = serde_json::json!(facts.phone);
    }
    if let Some(email) = &facts.email {
        data["email"] = serde_json::json!(email);
    }
    if !facts.languages_spoken.is_empty() {
        data["availableLanguage"] = serde_json::json!(facts.languages_spoken);
    }
    if let Some(hours) = facts.hours.as_ref().filter(|h| !h.varies) {
        let specs: Vec<serde_json::Value> = hours
            .week
            .iter()
            .zip(DAYS)
            .flat_map(|(spans, day)| {
                spans.iter().filter(|s| s.certain).map(move |s| {
                    serde_json::json!({
                        "@type": "OpeningHoursSpecification",
                        "dayOfWeek": format!("https://schema.org/{day}"),
                        "opens": clock(s.from),
                        "closes": clock(s.to),
                    })
                })
            })
            .collect();
        data["openingHoursSpecification"] = serde_json::json!(specs);
    }
    data.to_string().replace("</", "<\\/")
}

/// Links to `topics`, named in `lang`, at `prefix` + `<topic>/index.html`.
fn topic_links(renderer: &Renderer, lang: &LangCode, topics: &[Slug], prefix: &str) -> Vec<LinkView<'static>> {
    topics
        .iter()
        .map(|t| LinkView {
            title: renderer.strings.get(lang, &format!("topics.{t}")).to_owned().into(),
            lang: None,
            dir: None,
            href: format!("{prefix}{t}/index.html"),
            summary: None,
            section: "topics",
        })
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
        let links = Links {
            by_lang: HashMap::from([(LangCode::parse("it").unwrap(), cores)]),
            cards: HashMap::new(),
        };
        let lang = LangCode::parse("it").unwrap();
        let titles = |pages: &[usize]| -> Vec<String> {
            links
                .sorted(pages.iter().copied(), &lang, 2, false)
                .into_iter()
                .map(|l| l.title.into_owned())
                .collect()
        };
        assert_eq!(
            titles(&[0, 1, 2, 3, 4]),
            ["Àrea", "Asl", "Comune", "comune", "Questura"]
        );
        assert_eq!(titles(&[3, 0, 1]), ["comune", "Comune", "Questura"]);
        assert_eq!(links.get(4, &lang, 2, false).href, "../../index.html");
    }
}
