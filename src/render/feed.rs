//! `<lang>/news/feed.xml`: the notices of one language as an Atom feed,
//! newest first, for feed readers and for desks that relay the news.

use atom_syndication::{Content, Entry, Feed, FixedDateTime, Link, Text};

use crate::content::{Date, LangCode, Section};
use crate::diagnostics::{Code, Diagnostic};
use crate::output::OutputFile;
use crate::site::Site;

use super::translated::text_field;
use super::Renderer;

/// The feed of `lang`, or nothing when the site has no notices.
pub fn news_feed(site: &Site, renderer: &Renderer, lang: &LangCode) -> Result<Option<OutputFile>, Diagnostic> {
    let mut notices: Vec<(Date, usize)> = site
        .section(Section::News)
        .filter_map(|(i, page)| Some((page.facts().published?, i)))
        .collect();
    if notices.is_empty() {
        return Ok(None);
    }
    notices.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let base = site.config.base();
    let folder = format!("{base}/{lang}/news/");
    let entries: Vec<Entry> = notices.iter().map(|&(date, i)| entry(site, i, lang, date)).collect();
    let title = format!(
        "{} – {}",
        renderer.strings.get(lang, "site_title"),
        renderer.strings.get(lang, "sections.news")
    );
    let feed = Feed {
        title: Text::plain(title),
        id: folder.clone(),
        updated: notices
            .iter()
            .map(|(date, _)| midnight(*date))
            .max()
            .unwrap_or_default(),
        lang: Some(lang.to_string()),
        links: vec![
            link(&format!("{folder}feed.xml"), "self", Some("application/atom+xml")),
            link(&folder, "alternate", Some("text/html")),
        ],
        entries,
        ..Default::default()
    };
    let bytes = feed.write_to(Vec::new()).map_err(|err| {
        Diagnostic::new(Code::OutputWriteFailed, format!("{lang}/news/feed.xml"), 0).arg("detail", err.to_string())
    })?;
    Ok(Some(OutputFile {
        path: format!("{lang}/news/feed.xml"),
        bytes,
    }))
}

/// One notice in the reader's language, or in the source language where
/// it is not translated.
fn entry(site: &Site, i: usize, lang: &LangCode, date: Date) -> Entry {
    let page = &site.pages[i];
    let (doc, state) = page.variant(lang, site.source_language());
    let url = format!("{}/{lang}/{}", site.config.base(), page.id.folder_path());
    let title = text_field(page, doc, state, site, |d| d.text.title.clone())
        .0
        .unwrap_or_else(|| page.id.slug.to_string());
    let summary = text_field(page, doc, state, site, |d| d.text.summary.clone()).0;
    let body = if doc.body.html.trim().is_empty() {
        &page.source.body.html
    } else {
        &doc.body.html
    };
    let mut content = Content {
        value: Some(body.clone()),
        content_type: Some("html".into()),
        ..Default::default()
    };
    // The body's links are relative to the notice's own page.
    content.set_base(url.clone());
    let updated = page.facts().updated.map_or(midnight(date), midnight);
    Entry {
        title: Text::plain(title),
        id: url.clone(),
        updated,
        published: Some(midnight(date)),
        links: vec![link(&url, "alternate", Some("text/html"))],
        summary: summary.map(Text::plain),
        content: Some(content),
        ..Default::default()
    }
}

fn link(href: &str, rel: &str, mime_type: Option<&str>) -> Link {
    Link {
        href: href.to_owned(),
        rel: rel.to_owned(),
        mime_type: mime_type.map(str::to_owned),
        ..Default::default()
    }
}

/// The start of a day, in Italy's time zone in winter: notices carry days,
/// not times.
fn midnight(date: Date) -> FixedDateTime {
    let offset = chrono::FixedOffset::east_opt(3600).unwrap_or_else(|| chrono::FixedOffset::east_opt(0).expect("UTC"));
    date.naive()
        .and_hms_opt(0, 0, 0)
        .and_then(|time| time.and_local_timezone(offset).single())
        .unwrap_or_default()
}
