//! Render: the theme's templates applied to every page in every language,
//! to section lists, topic pages, the search page, the front door, the
//! dashboard and the service worker. Each page's view is built from the
//! resolved site and handed to one template engine (see [`engine`]), the
//! same for the built-in theme and a site's own.
//!
//! | module | makes |
//! | --- | --- |
//! | [`jobs`] | the list of pages to render |
//! | [`page`] | the view of a content page |
//! | [`lists`] | the views of lists, topics and the search page |
//! | [`links`] | the link table every view places links from |
//! | [`shell`] | what pages share: navigation, footer, strings; each page's frame |
//! | [`dashboard`], [`front_door`], [`service_worker`] | the files of those names |
//! | [`structured_data`], [`qr`] | an office's schema.org data; a page's QR code |

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use crate::content::{LangCode, Section};
use crate::diagnostics::Diagnostic;
use crate::output::{OutputFile, Sink, Written};
use crate::search_index::SearchAssets;
use crate::site::Site;
use crate::strings::Strings;
use crate::theme::{Asset, Theme};

mod dashboard;
mod engine;
mod feed;
mod front_door;
mod jobs;
mod links;
mod lists;
mod page;
mod qr;
mod service_worker;
mod shell;
mod structured_data;
mod translated;
mod views;

pub use links::sort_key;

use jobs::Job;
use links::Links;
use service_worker::{content_hash, Record};
use shell::{Frame, Shells};
use views::PageView;

/// Up to this many pages, the home page lists every guide, a comune's page
/// every guide for all comuni, and the search page every guide, office and
/// comune; beyond, they link the section lists.
const LIST_IN_FULL: usize = 40;

/// The templates, strings and asset names shared by every page.
pub struct Renderer {
    engine: engine::Engine,
    strings: Strings,
    /// Each language's strings as the templates' `t`, made once.
    strings_values: HashMap<LangCode, tera::Value>,
    /// Each language's weekday names and date format.
    calendars: HashMap<LangCode, crate::calendar::CalendarWords>,
    assets: BTreeMap<String, Asset>,
    /// The language of the pages for volunteers (the dashboard).
    messages: &'static crate::messages::Messages,
    /// The names of sections and topics in the browser editor's languages.
    editor_labels: crate::editor::Labels,
}

impl Renderer {
    pub fn new(
        theme: &Theme,
        strings: Strings,
        messages: &'static crate::messages::Messages,
    ) -> Result<Self, Diagnostic> {
        let strings_values = strings
            .languages()
            .map(|lang| (lang.clone(), tera::Value::from_serializable(strings.nested(lang))))
            .collect();
        let calendars = strings
            .languages()
            .map(|lang| (lang.clone(), crate::calendar::CalendarWords::of(lang)))
            .collect();
        Ok(Renderer {
            editor_labels: crate::editor::Labels::new(theme, &strings),
            messages,
            calendars,
            engine: engine::Engine::new(theme)?,
            strings,
            strings_values,
            assets: theme.assets(),
        })
    }

    pub fn strings(&self) -> &Strings {
        &self.strings
    }

    /// The names of sections and topics for the browser editor.
    pub fn editor_labels(&self) -> &crate::editor::Labels {
        &self.editor_labels
    }

    /// The published path of a static file of the theme
    /// (`static/style.<hash>.css` for `style.css`).
    pub fn asset_path(&self, name: &str) -> Option<&str> {
        self.assets.get(name).map(|asset| asset.path.as_str())
    }

    /// The calendar words of `lang`.
    fn calendar(&self, lang: &LangCode) -> &crate::calendar::CalendarWords {
        static ENGLISH: std::sync::OnceLock<crate::calendar::CalendarWords> = std::sync::OnceLock::new();
        self.calendars.get(lang).unwrap_or_else(|| {
            ENGLISH.get_or_init(|| crate::calendar::CalendarWords::of(&LangCode::parse("en").expect("a code")))
        })
    }

    /// `date` as readers of `lang` write it.
    fn date(&self, lang: &LangCode, date: crate::content::Date) -> String {
        self.calendar(lang).date(date)
    }

    /// `t` of `lang`: a shared value, cheap to put in every page's context.
    fn strings_value(&self, lang: &LangCode) -> tera::Value {
        self.strings_values.get(lang).cloned().unwrap_or_else(tera::Value::none)
    }
}

/// Renders every file of the site into `sink`, pages in parallel.
pub fn render_site(site: &Site, renderer: &Renderer, search: &SearchAssets, sink: Sink) -> Result<Written, Diagnostic> {
    let links = Links::of(site, renderer);
    let jobs = jobs::all(site, &links);
    let shells = Shells::new(site, renderer, search, &links);
    // The front door, the dashboard and the assets are made while the
    // pages are, not after them.
    let (pages, rest) = rayon::join(
        || {
            jobs.par_iter()
                .with_max_len(crate::PAGES_PER_TASK)
                .map(|job| {
                    let file = render_job(&shells, job)?;
                    let record = ((file.path.clone(), content_hash(&file.bytes)), file.bytes.len());
                    sink(file)?;
                    Ok(record)
                })
                .collect::<Result<Vec<(Record, usize)>, Diagnostic>>()
        },
        || -> Result<Vec<OutputFile>, Diagnostic> {
            let mut rest = vec![
                front_door::front_door(site, renderer)?,
                dashboard::dashboard(site, renderer, &links)?,
            ];
            for lang in &site.config.languages {
                rest.extend(feed::news_feed(site, renderer, lang)?);
            }
            rest.extend(renderer.assets.values().map(|asset| OutputFile {
                path: asset.path.clone(),
                bytes: asset.bytes.clone(),
            }));
            Ok(rest)
        },
    );
    let mut written = Written::default();
    let mut records = Vec::new();
    for (record, size) in pages? {
        written.count(&record.0, size);
        records.push(record);
    }
    for file in rest? {
        written.count(&file.path, file.bytes.len());
        records.push((file.path.clone(), content_hash(&file.bytes)));
        sink(file)?;
    }
    if renderer.engine.has("sw.js") {
        let file = service_worker::service_worker(site, renderer, &mut records)?;
        written.count(&file.path, file.bytes.len());
        sink(file)?;
    }
    // The links of every page in every language, shared by the pages'
    // views: freeing them took 0.5% of a 10,000-page build (perf), on one
    // core while the other waited.
    crate::free_in_background(links);
    Ok(written)
}

/// The given pages in every language, and the dashboard: what a change to
/// the body of those pages touches.
pub fn render_pages(
    site: &Site,
    renderer: &Renderer,
    search: &SearchAssets,
    pages: &[usize],
) -> Result<Vec<OutputFile>, Diagnostic> {
    let links = Links::of(site, renderer);
    let shells = Shells::new(site, renderer, search, &links);
    let mut files = jobs::pages(site, pages)
        .par_iter()
        .with_max_len(crate::PAGES_PER_TASK)
        .map(|job| render_job(&shells, job))
        .collect::<Result<Vec<_>, _>>()?;
    files.push(dashboard::dashboard(site, renderer, &links)?);
    // A notice's body is in its language's feed.
    if pages.iter().any(|&i| site.pages[i].id.section == Section::News) {
        for lang in &site.config.languages {
            files.extend(feed::news_feed(site, renderer, lang)?);
        }
    }
    Ok(files)
}

/// One page of one language: its view, in its shell and frame, through its template.
fn render_job(shells: &Shells, job: &Job) -> Result<OutputFile, Diagnostic> {
    let (site, renderer, links) = (shells.site(), shells.renderer(), shells.links());
    let (lang, template, view, folder, depth): (&LangCode, &str, PageView, Option<String>, usize) = match job {
        Job::Page(i, lang) => {
            let page = &site.pages[*i];
            let template = if page.id.section == Section::Home {
                "home.html"
            } else {
                "page.html"
            };
            let view = page::page_view(site, renderer, links, page, lang);
            (lang, template, view, Some(page.id.folder_path()), page.id.depth())
        }
        Job::List(section, lang) => (
            lang,
            "list.html",
            lists::section_view(site, links, *section, lang),
            Some(format!("{}/", section.folder())),
            1,
        ),
        Job::Topics(lang) => (
            lang,
            "topics.html",
            lists::topics_view(site, renderer, lang),
            Some("topics/".into()),
            1,
        ),
        Job::Topic(topic, lang) => (
            lang,
            "list.html",
            lists::topic_view(site, renderer, links, topic, lang),
            Some(format!("topics/{topic}/")),
            2,
        ),
        Job::Search(lang) => (
            lang,
            "search.html",
            lists::search_view(site, renderer, links, lang),
            Some("search/".into()),
            1,
        ),
        Job::Letter(lang, initial, pages) => (
            lang,
            "list.html",
            lists::letter_view(links, initial, pages, lang),
            None,
            2,
        ),
        Job::NotFound(lang) => (lang, "not_found.html", PageView::of_kind("not_found", ""), None, 0),
    };
    let path = match job {
        Job::NotFound(_) => format!("{lang}/404.html"),
        Job::Letter(_, initial, _) => format!("{lang}/search/{}/index.html", initial.folder),
        _ => format!("{lang}/{}index.html", folder.as_deref().unwrap_or_default()),
    };
    let mut context = shells.context(lang, depth, &Frame::of(site, lang, depth, folder.as_deref()));
    context.insert("page", &view);
    if let Job::NotFound(_) = job {
        // The host serves this page at any missing address, however deep:
        // its relative links are read from where the file is.
        context.insert("base_href", &format!("{}{path}", site.config.base_path()));
    }
    Ok(OutputFile {
        path,
        bytes: renderer.engine.render(template, &context)?,
    })
}
