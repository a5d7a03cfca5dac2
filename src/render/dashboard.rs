//! `<source language>/status/index.html`: the translation table for
//! volunteers, linked from nowhere, made from the same status model as
//! `sportello check`.

use serde::Serialize;

use crate::diagnostics::Diagnostic;
use crate::output::OutputFile;
use crate::search_index::SearchAssets;
use crate::site::Site;
use crate::status::{Cell, TranslationStatus};

use super::links::Links;
use super::shell::{Frame, Shells};
use super::views::PageView;
use super::Renderer;

#[derive(Serialize)]
struct StatusRow<'a> {
    title: &'a str,
    href: String,
    source: &'a str,
    cells: &'a [Cell],
}

pub fn dashboard(site: &Site, renderer: &Renderer, links: &Links) -> Result<OutputFile, Diagnostic> {
    let source = site.source_language();
    let depth = 1;
    let status = TranslationStatus::of(site);
    let link_views: Vec<_> = status
        .pages
        .iter()
        .map(|p| links.get(p.index, source, depth, false))
        .collect();
    let rows: Vec<StatusRow> = status
        .pages
        .iter()
        .zip(&link_views)
        .map(|(page, link)| StatusRow {
            title: &link.title,
            href: link.href.clone(),
            source: &page.source,
            cells: &page.cells,
        })
        .collect();
    let no_search = SearchAssets::default();
    let mut context =
        Shells::new(site, renderer, &no_search, links).context(source, depth, &Frame::of(site, source, depth, None));
    context.insert("page", &PageView::of_kind("status", ""));
    context.insert("status_languages", &status.languages);
    context.insert("status_rows", &rows);
    context.insert("edit_url", &site.config.edit_url);
    Ok(OutputFile {
        path: format!("{source}/status/index.html"),
        bytes: renderer.engine.render("status.html", &context)?,
    })
}
