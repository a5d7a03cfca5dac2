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

/// The dashboard's words, in the volunteers' language, as `m`: its
/// headings, the name of each state, and per language the interface
/// strings still machine-made and unchecked.
fn dashboard_messages(renderer: &Renderer, status: &TranslationStatus) -> serde_json::Value {
    let m = renderer.messages;
    let text = |id: &str| m.text(id, &[]);
    let unreviewed: Vec<serde_json::Value> = status
        .languages
        .iter()
        .filter_map(|lang| {
            let keys = renderer.strings.unreviewed(lang);
            (!keys.is_empty()).then(|| {
                serde_json::json!({
                    "lang": lang.as_str(),
                    "count": m.text("dashboard-unreviewed-count", &[("count", keys.len().into())]),
                    "keys": keys.join(", "),
                })
            })
        })
        .collect();
    serde_json::json!({
        "lang": m.language().code(),
        "title": text("dashboard-title"),
        "page": text("dashboard-page"),
        "file": text("dashboard-file"),
        "state": {
            "source": text("dashboard-state-source"),
            "translated": text("dashboard-state-translated"),
            "machine": text("dashboard-state-machine"),
            "outdated": text("dashboard-state-outdated"),
            "missing": text("dashboard-state-missing"),
        },
        "unreviewed_title": text("dashboard-unreviewed"),
        "unreviewed": unreviewed,
    })
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
    context.insert("m", &dashboard_messages(renderer, &status));
    Ok(OutputFile {
        path: format!("{source}/status/index.html"),
        bytes: renderer.engine.render("status.html", &context)?,
    })
}
