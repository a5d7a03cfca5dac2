//! Incremental rebuilds for `serve`: the parsed sources stay in memory and a
//! save redoes only what it touches. A change to a page's body re-parses that
//! file and re-renders that page in every language; a change to what other
//! pages show of it (title, summary, facts), a new or deleted file, or a
//! change outside content/ rebuilds the whole site from the kept sources.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crate::build::{self, BuildReport, SearchLinks, Settings, Timings};
use crate::content::{self, Document, PageId, Section};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::glossary::{self, Matcher};
use crate::output;
use crate::output::Written;
use crate::render::{self, Renderer};
use crate::site::{self, Site};

/// One parsed file, as the site will use it, with its own problems.
struct Parsed {
    document: Option<Arc<Document>>,
    problems: Vec<Diagnostic>,
}

/// A site kept in memory between saves.
pub struct Workspace {
    site_dir: PathBuf,
    out: PathBuf,
    settings: Option<(Settings, Renderer)>,
    settings_problems: Vec<Diagnostic>,
    load_problems: Vec<Diagnostic>,
    files: BTreeMap<PathBuf, Parsed>,
    glossary: Matcher,
    /// The files beside the pages, as last read.
    attachments: content::Attachments,
    /// The site last written, when the last build succeeded.
    site: Option<Site>,
    search_stale: bool,
}

/// What a rebuild did.
pub struct Rebuilt {
    pub report: BuildReport,
    /// True when only some pages were rendered again.
    pub partial: bool,
}

impl Workspace {
    pub fn new(site_dir: &Path, out: &Path) -> Self {
        Workspace {
            site_dir: site_dir.to_path_buf(),
            out: out.to_path_buf(),
            settings: None,
            settings_problems: Vec::new(),
            load_problems: Vec::new(),
            files: BTreeMap::new(),
            glossary: Matcher::new(&[]),
            attachments: Default::default(),
            site: None,
            search_stale: false,
        }
    }

    /// Reads and builds everything.
    pub fn full(&mut self) -> Rebuilt {
        let started = Instant::now();
        let mut problems = Diagnostics::default();
        self.settings = build::load_settings(&self.site_dir, &mut problems).and_then(|settings| {
            match Renderer::new(
                &settings.theme,
                settings.strings.clone(),
                build::tool_messages(&settings.config),
            ) {
                Ok(renderer) => Some((settings, renderer)),
                Err(diagnostic) => {
                    problems.push(diagnostic);
                    None
                }
            }
        });
        self.settings_problems = problems.into_iter().collect();
        let content::Loaded {
            files,
            attachments,
            problems: load_problems,
        } = content::load_content(&self.site_dir);
        self.load_problems = load_problems;
        self.attachments = attachments;
        let mut parse_problems = Diagnostics::default();
        let paths: Vec<PathBuf> = files.iter().map(|f| f.path.clone()).collect();
        let documents = build::parse_files(files, &self.attachments, &mut parse_problems);
        let mut by_file: BTreeMap<PathBuf, Vec<Diagnostic>> = BTreeMap::new();
        for problem in parse_problems {
            by_file.entry(problem.file.clone()).or_default().push(problem);
        }
        let mut documents = documents;
        self.glossary = Matcher::new(&glossary::glossary_terms(&documents));
        glossary::annotate_documents(&mut documents, &self.glossary);
        if let Some((settings, _)) = &self.settings {
            documents
                .iter_mut()
                .for_each(|d| build::isolate_if_rtl(d, &settings.languages));
        }
        self.files = paths
            .into_iter()
            .map(|path| {
                (
                    path.clone(),
                    Parsed {
                        document: None,
                        problems: by_file.remove(&path).unwrap_or_default(),
                    },
                )
            })
            .collect();
        for document in documents {
            let path = document.path.clone();
            self.files
                .entry(path)
                .or_insert(Parsed {
                    document: None,
                    problems: Vec::new(),
                })
                .document = Some(Arc::new(document));
        }
        let mut timings = Timings {
            load: started.elapsed(),
            ..Default::default()
        };
        self.assemble_and_write(None, &mut timings)
    }

    /// Takes in the files saved, created or deleted since the last build.
    pub fn apply(&mut self, changed: &[PathBuf]) -> Rebuilt {
        let started = Instant::now();
        let relative: Vec<PathBuf> = changed
            .iter()
            .map(|p| {
                p.strip_prefix(&self.site_dir)
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|_| p.clone())
            })
            .collect();
        let content_only = relative
            .iter()
            .all(|p| p.starts_with("content") && p.extension().is_some_and(|e| e == "md"));
        if !content_only || self.settings.is_none() || self.site.is_none() {
            return self.full();
        }
        let mut touched: Vec<PageId> = Vec::new();
        let mut shell_changed = false;
        for rel in relative {
            let old = self.files.get(&rel).and_then(|p| p.document.clone());
            let parsed = match content::load::load_file(&self.site_dir, &rel) {
                Ok(Some(file)) => {
                    let (document, problems) = content::parse_document(&file, &self.attachments);
                    let document = document.map(|mut d| {
                        glossary::annotate_document(&mut d, &self.glossary);
                        if let Some((settings, _)) = &self.settings {
                            build::isolate_if_rtl(&mut d, &settings.languages);
                        }
                        Arc::new(d)
                    });
                    Some(Parsed { document, problems })
                }
                Ok(None) => None,
                Err(problem) => Some(Parsed {
                    document: None,
                    problems: vec![problem],
                }),
            };
            let new = parsed.as_ref().and_then(|p| p.document.clone());
            match (&old, &new) {
                // A body that shows a new file needs that file published.
                (Some(old), Some(new))
                    if old.same_shell(new)
                        && old.id.section != Section::Glossary
                        && old.body.attachments == new.body.attachments =>
                {
                    touched.push(new.id.clone())
                }
                _ => shell_changed = true,
            }
            match parsed {
                Some(parsed) => {
                    self.files.insert(rel, parsed);
                }
                None => {
                    self.files.remove(&rel);
                }
            }
        }
        if shell_changed && touched.iter().any(|id| id.section == Section::Glossary) {
            return self.full();
        }
        let mut timings = Timings {
            parse: started.elapsed(),
            ..Default::default()
        };
        self.assemble_and_write((!shell_changed).then_some(touched), &mut timings)
    }

    /// Resolves the kept documents and writes either the whole site or only
    /// the pages given.
    fn assemble_and_write(&mut self, only: Option<Vec<PageId>>, timings: &mut Timings) -> Rebuilt {
        let mut diagnostics = Diagnostics::default();
        diagnostics.extend(self.settings_problems.iter().cloned());
        diagnostics.extend(self.load_problems.iter().cloned());
        for parsed in self.files.values() {
            diagnostics.extend(parsed.problems.iter().cloned());
        }
        let Some((settings, renderer)) = &self.settings else {
            diagnostics.sort();
            return Rebuilt {
                report: BuildReport::failed(diagnostics, timings.clone()),
                partial: false,
            };
        };
        let started = Instant::now();
        let mut documents: Vec<Arc<Document>> = self.files.values().filter_map(|p| p.document.clone()).collect();
        if !documents.iter().any(|d| d.id == PageId::home() && d.is_source()) {
            documents.push(Arc::new(build::empty_home()));
        }
        let loaded: Vec<PathBuf> = self.files.keys().cloned().collect();
        let unreadable = build::unreadable_sources(&loaded, &documents);
        let (site, problems) = site::resolve(
            settings.config.clone(),
            settings.languages.clone(),
            site::Sources {
                folder: self.site_dir.clone(),
                documents,
                attachments: self.attachments.clone(),
                unreadable,
            },
            build::today(),
        );
        diagnostics.extend(problems);
        diagnostics.sort();
        timings.resolve = started.elapsed();
        if diagnostics.has_errors() {
            return Rebuilt {
                report: BuildReport::failed(diagnostics, timings.clone()),
                partial: false,
            };
        }
        let partial = only.is_some();
        let written = match &only {
            Some(ids) => write_pages(&site, renderer, ids, &self.out, timings),
            None => write_everything(&site, renderer, &self.out, timings),
        };
        match written {
            Ok(written) => {
                self.search_stale = partial;
                self.site = Some(site);
                let report = BuildReport {
                    diagnostics,
                    pages: written.pages,
                    files: written.files,
                    bytes: written.bytes,
                    timings: timings.clone(),
                };
                Rebuilt { report, partial }
            }
            Err(diagnostic) => {
                diagnostics.push(diagnostic);
                Rebuilt {
                    report: BuildReport::failed(diagnostics, timings.clone()),
                    partial,
                }
            }
        }
    }

    /// After a partial rebuild, brings the search index up to date. Pages
    /// name the index through a stable alias, so none of them changes.
    pub fn update_search(&mut self) -> Result<(), Diagnostic> {
        let Some(site) = &self.site else { return Ok(()) };
        if !self.search_stale {
            return Ok(());
        }
        let (mut files, _) = crate::search_index::build(site);
        let aliases = crate::search_index::stable_aliases(&files, site);
        files.extend(aliases);
        output::write_in_place(&self.out, &files).map_err(|err| err.diagnostic(&self.out))?;
        self.search_stale = false;
        Ok(())
    }
}

/// Renders the given pages in every language over the served folder.
fn write_pages(
    site: &Site,
    renderer: &Renderer,
    ids: &[PageId],
    out: &Path,
    timings: &mut Timings,
) -> Result<Written, Diagnostic> {
    let started = Instant::now();
    let indices: Vec<usize> = ids.iter().filter_map(|id| site.index.get(id).copied()).collect();
    let files = render::render_pages(site, renderer, &crate::search_index::stable_assets(site), &indices)?;
    timings.render = started.elapsed();
    let started = Instant::now();
    let bytes = output::write_in_place(out, &files).map_err(|err| err.diagnostic(out))?;
    timings.write = started.elapsed();
    Ok(Written {
        files: files.len(),
        pages: files.iter().filter(|f| f.path.ends_with(".html")).count(),
        bytes,
    })
}

/// Renders the whole site into a fresh folder that replaces the served one.
fn write_everything(
    site: &Site,
    renderer: &Renderer,
    out: &Path,
    timings: &mut Timings,
) -> Result<Written, Diagnostic> {
    build::render_into(site, renderer, SearchLinks::Stable, out, timings)
}
