//! The chain: load → parse → resolve → render → index → write. `check` stops
//! after resolve; `build` runs it all. Read this file top to bottom to see
//! how a site is made.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::{self, SiteConfig};
use crate::content::{self, Date, Document, PageId};
use crate::diagnostics::{Diagnostic, Diagnostics};
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

/// What `check` found: the site model when it could be made, and every problem.
pub struct Checked {
    pub site: Option<Site>,
    pub theme: Option<Theme>,
    pub strings: Option<Strings>,
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
}

/// The day used for review flags: `SPORTELLO_TODAY` (YYYY-MM-DD) or today.
pub fn today() -> Date {
    std::env::var("SPORTELLO_TODAY")
        .ok()
        .and_then(|s| Date::parse(&s).ok())
        .unwrap_or_else(|| Date::from_naive(chrono::Local::now().date_naive()))
}

/// load → parse → resolve: everything but writing.
pub fn check(site_dir: &Path) -> Checked {
    let mut diagnostics = Diagnostics::default();
    let mut timings = Timings::default();
    let empty = |diagnostics, timings| Checked {
        site: None,
        theme: None,
        strings: None,
        diagnostics,
        timings,
    };

    let started = Instant::now();
    let config: SiteConfig = match config::load_site_config(site_dir) {
        Ok(config) => config,
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            return empty(diagnostics, timings);
        }
    };
    let (languages, language_problems) = config::load_languages(site_dir, &config);
    diagnostics.extend(language_problems);
    let (files, load_problems) = content::load_content(site_dir);
    diagnostics.extend(load_problems);
    timings.load = started.elapsed();

    let started = Instant::now();
    let parsed: Vec<(Option<Document>, Vec<Diagnostic>)> = files.par_iter().map(content::parse_document).collect();
    let mut documents = Vec::with_capacity(parsed.len());
    for (document, problems) in parsed {
        diagnostics.extend(problems);
        documents.extend(document);
    }
    if !documents.iter().any(|d| d.id == PageId::home() && d.is_source()) {
        documents.push(empty_home());
    }
    crate::glossary::annotate_documents(&mut documents);
    timings.parse = started.elapsed();

    let started = Instant::now();
    let theme = match Theme::load(site_dir, &config.theme) {
        Ok(theme) => Some(theme),
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            None
        }
    };
    let strings = theme.as_ref().map(|theme| {
        let (strings, problems) = Strings::merge(
            &theme.default_strings,
            &languages,
            &config.source_language,
            &config.topics,
        );
        diagnostics.extend(problems);
        strings
    });
    let (site, problems) = site::resolve(config, languages, documents, today());
    diagnostics.extend(problems);
    timings.resolve = started.elapsed();
    diagnostics.sort();
    Checked {
        site: Some(site),
        theme,
        strings,
        diagnostics,
        timings,
    }
}

/// The whole chain, writing into `out` only when there is no error.
pub fn build(site_dir: &Path, out: &Path) -> BuildReport {
    let Checked {
        site,
        theme,
        strings,
        mut diagnostics,
        mut timings,
    } = check(site_dir);
    let failed = |diagnostics, timings| BuildReport {
        diagnostics,
        pages: 0,
        files: 0,
        bytes: 0,
        timings,
    };
    if let Err(err) = crate::output::check_output_folder(out, site_dir) {
        diagnostics.push(Diagnostic::error(out, 0, err.to_string()));
    }
    let (Some(site), Some(theme), Some(strings)) = (site, theme, strings) else {
        return failed(diagnostics, timings);
    };
    if diagnostics.has_errors() {
        return failed(diagnostics, timings);
    }

    let started = Instant::now();
    let (search_files, search_assets) = search_index::build(&site, &strings);
    timings.index = started.elapsed();

    let started = Instant::now();
    let renderer = match Renderer::new(&theme, strings) {
        Ok(renderer) => renderer,
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            return failed(diagnostics, timings);
        }
    };
    let mut files = match render::render_site(&site, &renderer, &search_assets) {
        Ok(files) => files,
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            return failed(diagnostics, timings);
        }
    };
    files.extend(search_files);
    files.extend(crate::publish::hosting_files(&site));
    timings.render = started.elapsed();

    let started = Instant::now();
    let pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
    let count = files.len();
    let bytes = match crate::output::write_site(out, &files) {
        Ok(bytes) => bytes,
        Err(err) => {
            diagnostics
                .push(Diagnostic::error(out, 0, err.to_string()).with_hint("check that the folder can be written"));
            return failed(diagnostics, timings);
        }
    };
    timings.write = started.elapsed();
    BuildReport {
        diagnostics,
        pages,
        files: count,
        bytes,
        timings,
    }
}

fn empty_home() -> Document {
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
