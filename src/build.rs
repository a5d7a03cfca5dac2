//! The chain: load → parse → resolve → index → render → write. `check` stops
//! after resolve; `build` runs it all. Read this file top to bottom to see
//! how a site is made; `serve` reuses the same stages to redo only what a
//! save touches.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::{self, Language, SiteConfig};
use crate::content::{self, Attachments, Date, Document, PageId, SourceFile};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::messages::{Messages, ToolLanguage};
use crate::output::Staging;
use crate::output::{OutputFile, Sink, Written};
use crate::render::{self, Renderer};
use crate::search_index;
use crate::site::{self, Site};
use crate::strings::Strings;
use crate::theme::Theme;

/// How long each stage took.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct Timings {
    pub load: Duration,
    pub parse: Duration,
    pub resolve: Duration,
    pub render: Duration,
    pub index: Duration,
    pub write: Duration,
}

impl Timings {
    pub fn total(&self) -> Duration {
        self.load + self.parse + self.resolve + self.render + self.index + self.write
    }
}

/// Everything of a site but its content: site.yaml, the languages, the
/// theme and the merged interface strings.
pub struct Settings {
    pub config: SiteConfig,
    pub languages: Vec<Language>,
    pub theme: Theme,
    pub strings: Strings,
}

/// What `check` found: the site model when it could be made, and every problem.
pub struct Checked {
    pub site: Option<Site>,
    pub strings: Option<Strings>,
    pub theme: Option<Theme>,
    pub diagnostics: Diagnostics,
    pub timings: Timings,
}

/// What `build` did.
#[derive(Debug)]
pub struct BuildReport {
    pub diagnostics: Diagnostics,
    /// HTML pages written (0 when the build stopped on errors).
    pub pages: usize,
    pub files: usize,
    pub bytes: u64,
    pub timings: Timings,
}

impl BuildReport {
    pub fn succeeded(&self) -> bool {
        !self.diagnostics.has_errors()
    }

    pub(crate) fn failed(diagnostics: Diagnostics, timings: Timings) -> Self {
        BuildReport {
            diagnostics,
            pages: 0,
            files: 0,
            bytes: 0,
            timings,
        }
    }
}

/// The day used for review flags: `SPORTELLO_TODAY` (YYYY-MM-DD) or today.
pub fn today() -> Date {
    std::env::var("SPORTELLO_TODAY")
        .ok()
        .and_then(|s| Date::parse(&s).ok())
        .unwrap_or_else(|| Date::from_naive(chrono::Local::now().date_naive()))
}

/// Load the settings: site.yaml, i18n files, theme, strings.
pub fn load_settings(site_dir: &Path, diagnostics: &mut Diagnostics) -> Option<Settings> {
    let config = match config::load_site_config(site_dir) {
        Ok(config) => config,
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            return None;
        }
    };
    let theme = match Theme::load(site_dir, &config.theme) {
        Ok(theme) => theme,
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            return None;
        }
    };
    let (languages, problems) = config::load_languages(site_dir, &config, &theme);
    diagnostics.extend(problems);
    let english = match config::theme_strings(&theme, "en") {
        Some(Ok(english)) => english,
        Some(Err(diagnostic)) => {
            diagnostics.push(diagnostic);
            return None;
        }
        None => {
            diagnostics.push(Diagnostic::new(
                Code::ThemeWithoutEnglish,
                PathBuf::from("themes").join(&theme.name).join("i18n/en.yaml"),
                0,
            ));
            return None;
        }
    };
    let (strings, problems) = Strings::merge(&english, &languages, &config.source_language, &config.topics);
    diagnostics.extend(problems);
    Some(Settings {
        config,
        languages,
        theme,
        strings,
    })
}

/// Parse: every file into a document, in parallel.
/// Each file's text is dropped once it is parsed.
pub fn parse_files(files: Vec<SourceFile>, attachments: &Attachments, diagnostics: &mut Diagnostics) -> Vec<Document> {
    let parsed: Vec<(Option<Document>, Vec<Diagnostic>)> = files
        .into_par_iter()
        .with_max_len(crate::PAGES_PER_TASK)
        .map(|file| content::parse_document(&file, attachments))
        .collect();
    let mut documents = Vec::with_capacity(parsed.len());
    for (document, problems) in parsed {
        diagnostics.extend(problems);
        documents.extend(document);
    }
    documents
}

/// The documents as the site uses them: a home page where none was
/// written, and glossary terms marked where the text uses them.
pub fn prepare_documents(mut documents: Vec<Document>, languages: &[Language]) -> Vec<Arc<Document>> {
    if !documents.iter().any(|d| d.id == PageId::home() && d.is_source()) {
        documents.push(empty_home());
    }
    let glossary = crate::glossary::Matcher::new(&crate::glossary::glossary_terms(&documents));
    crate::glossary::annotate_documents(&mut documents, &glossary);
    documents
        .par_iter_mut()
        .with_max_len(crate::PAGES_PER_TASK)
        .for_each(|doc| isolate_if_rtl(doc, languages));
    documents.into_iter().map(Arc::new).collect()
}

/// In a right-to-left translation, keeps Latin runs readable (`<bdi>`).
pub fn isolate_if_rtl(doc: &mut Document, languages: &[Language]) {
    let rtl = doc.lang.as_ref().is_some_and(|lang| {
        languages
            .iter()
            .any(|l| &l.code == lang && l.dir == crate::config::Direction::Rtl)
    });
    if rtl {
        if let std::borrow::Cow::Owned(html) = crate::bidi::isolate_latin_runs(&doc.body.html) {
            doc.body.html = html;
        }
    }
}

/// The pages whose source file exists but could not be read: links to
/// them are not broken, the one error is in that file.
pub fn unreadable_sources(loaded: &[PathBuf], documents: &[Arc<Document>]) -> HashSet<PageId> {
    let parsed: HashSet<&PageId> = documents.iter().filter(|d| d.is_source()).map(|d| &d.id).collect();
    loaded
        .iter()
        .filter_map(|path| content::load::page_of_path(path))
        .filter(|(id, lang)| lang.is_none() && !parsed.contains(id))
        .map(|(id, _)| id)
        .collect()
}

/// load → parse → resolve: everything but writing.
pub fn check(site_dir: &Path) -> Checked {
    let mut diagnostics = Diagnostics::default();
    let mut timings = Timings::default();

    let started = Instant::now();
    let settings = load_settings(site_dir, &mut diagnostics);
    let content::Loaded {
        files,
        attachments,
        problems,
    } = content::load_content(site_dir);
    diagnostics.extend(problems);
    timings.load = started.elapsed();
    let Some(settings) = settings else {
        diagnostics.sort();
        return Checked {
            site: None,
            strings: None,
            theme: None,
            diagnostics,
            timings,
        };
    };

    let started = Instant::now();
    let loaded: Vec<PathBuf> = files.iter().map(|f| f.path.clone()).collect();
    let documents = prepare_documents(parse_files(files, &attachments, &mut diagnostics), &settings.languages);
    let unreadable = unreadable_sources(&loaded, &documents);
    timings.parse = started.elapsed();

    let started = Instant::now();
    let Settings {
        config,
        languages,
        theme,
        strings,
    } = settings;
    let (site, problems) = site::resolve(
        config,
        languages,
        site::Sources {
            folder: site_dir.to_path_buf(),
            documents,
            attachments,
            unreadable,
        },
        today(),
    );
    diagnostics.extend(problems);
    timings.resolve = started.elapsed();
    diagnostics.sort();
    Checked {
        site: Some(site),
        strings: Some(strings),
        theme: Some(theme),
        diagnostics,
        timings,
    }
}

/// How pages name the search index: by its content-hashed files (a
/// published build) or by stable aliases that a partial rebuild does not
/// change (`serve`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchLinks {
    Fingerprinted,
    Stable,
}

/// Index and render: every file of the site goes to `sink` as soon as it is
/// made. Rendering and writing run in one parallel pass.
pub fn render_all(
    site: &Site,
    renderer: &Renderer,
    search_links: SearchLinks,
    sink: Sink,
    timings: &mut Timings,
) -> Result<Written, Diagnostic> {
    let started = Instant::now();
    // The sitemaps, redirects and the editor are made on the side, while
    // the index is.
    let ((mut search_files, mut search_assets), hosting_files) = rayon::join(
        || search_index::build(site),
        || {
            let mut files = crate::publish::hosting_files(site);
            files.extend(crate::editor::files(
                site,
                renderer.editor_labels(),
                renderer.asset_path("style.css"),
            ));
            files
        },
    );
    if search_links == SearchLinks::Stable {
        search_files.extend(search_index::stable_aliases(&search_files, site));
        search_assets = search_index::stable_assets(site);
    }
    timings.index = started.elapsed();

    let started = Instant::now();
    // The pages and the index's files (one a page and language) are written
    // side by side: both are many small files.
    let other_files: Vec<OutputFile> = search_files.into_iter().chain(hosting_files).collect();
    let other_written = Written {
        files: other_files.len(),
        pages: 0,
        bytes: other_files.iter().map(|file| file.bytes.len() as u64).sum(),
    };
    let (pages, (others, media)) = rayon::join(
        || render::render_site(site, renderer, &search_assets, sink),
        || {
            rayon::join(
                || {
                    other_files
                        .into_par_iter()
                        .with_max_len(crate::PAGES_PER_TASK)
                        .try_for_each(sink)
                },
                || crate::media::publish(site, &site.folder, sink),
            )
        },
    );
    let mut written = pages?;
    others?;
    let media_written = media?;
    written.files += other_written.files + media_written.files;
    written.bytes += other_written.bytes + media_written.bytes;
    timings.render = started.elapsed();
    Ok(written)
}

/// The messages for the portal's volunteers: `--lang`, else its
/// `tool_language`, else the environment's language.
pub fn tool_messages(config: &SiteConfig) -> &'static Messages {
    Messages::of(ToolLanguage::for_site(config.tool_language.as_deref()))
}

/// The whole chain, writing into `out` only when there is no error.
pub fn build(site_dir: &Path, out: &Path) -> BuildReport {
    let Checked {
        site,
        strings,
        theme,
        mut diagnostics,
        mut timings,
    } = check(site_dir);
    if let Err(err) = crate::output::check_output_folder(out, site_dir) {
        diagnostics.push(err.diagnostic(out));
    }
    let (Some(site), Some(theme), Some(strings)) = (site, theme, strings) else {
        return BuildReport::failed(diagnostics, timings);
    };
    if diagnostics.has_errors() {
        return BuildReport::failed(diagnostics, timings);
    }
    let written = write_all(&site, &theme, strings, out, &mut timings);
    crate::free_in_background((site, theme));
    match written {
        Ok(written) => BuildReport {
            diagnostics,
            pages: written.pages,
            files: written.files,
            bytes: written.bytes,
            timings,
        },
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            BuildReport::failed(diagnostics, timings)
        }
    }
}

/// Render into a fresh folder and put it in the place of `out`; on any
/// error the fresh folder is dropped and `out` stays as it was.
fn write_all(
    site: &Site,
    theme: &Theme,
    strings: Strings,
    out: &Path,
    timings: &mut Timings,
) -> Result<Written, Diagnostic> {
    let renderer = Renderer::new(theme, strings, tool_messages(&site.config))?;
    render_into(site, &renderer, SearchLinks::Fingerprinted, out, timings)
}

/// Renders the whole site into the staging folder beside `out` and swaps
/// it in; on any error `out` stays as it was.
pub(crate) fn render_into(
    site: &Site,
    renderer: &Renderer,
    search_links: SearchLinks,
    out: &Path,
    timings: &mut Timings,
) -> Result<Written, Diagnostic> {
    let write_error = |err: crate::output::OutputError| err.diagnostic(out);
    let sweeping = crate::output::sweep_old_outputs(out);
    let staging = Staging::begin(out).map_err(write_error)?;
    let sink = |file: OutputFile| staging.put(&file).map_err(write_error);
    let written = render_all(site, renderer, search_links, &sink, timings);
    let started = Instant::now();
    let _ = sweeping.join();
    let written = written?;
    staging.finish().map_err(write_error)?;
    timings.write = started.elapsed();
    Ok(written)
}

pub(crate) fn empty_home() -> Document {
    Document {
        path: PathBuf::from("content/_index.md"),
        id: PageId::home(),
        lang: None,
        text: Default::default(),
        facts: Some(Default::default()),
        source_updated: None,
        machine_translated: false,
        body: Default::default(),
        key_lines: Default::default(),
    }
}
