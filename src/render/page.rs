//! The view of a content page (an office, a procedure, a comune…, the home
//! page) in one language: its text in the reader's language where
//! translated, its facts, the pages it links and that link to it.

use crate::content::schema::ComuniScope;
use crate::content::{Document, LangCode, PageId, Section, Slug};
use crate::hours::{clock, Hours};
use crate::site::{Page, Site, TranslationState};

use super::links::Links;
use super::lists::topic_links;
use super::translated::{dir_of, text, text_field};
use super::views::{FormView, HoursRow, HoursView, Notice, PageView, PhoneView, SharedView, SourceView, Text};
use super::{qr, structured_data, Renderer, LIST_IN_FULL};

/// How many notices the home page shows.
const NEWS_ON_HOME: usize = 3;

pub fn page_view<'a>(
    site: &Site,
    renderer: &Renderer,
    links: &'a Links,
    page: &'a Page,
    lang: &LangCode,
) -> PageView<'a> {
    let (doc, state) = page.variant(lang, site.source_language());
    let facts = page.facts();
    let depth = page.id.depth();
    let source_lang = site.source_language().to_string();
    let links_to = |slugs: &[Slug], section: Section| -> Vec<SharedView> {
        slugs
            .iter()
            .filter_map(|slug| {
                site.index.get(&PageId {
                    section,
                    slug: slug.clone(),
                })
            })
            .map(|i| links.shared(*i, lang, depth, false))
            .collect()
    };
    let kind = if page.id.section == Section::Home {
        "home"
    } else {
        "page"
    };
    let mut view = PageView::of_kind(kind, page.id.section.folder());
    view.slug = page.id.slug.to_string();
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
            date: facts.updated.map(|d| renderer.date(lang, d)),
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
    view.updated_text = facts.updated.map(|d| renderer.date(lang, d));
    view.reviewed = facts.reviewed.map(|d| d.to_string());
    view.reviewed_text = facts.reviewed.map(|d| renderer.date(lang, d));
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
        .map(|i| links.shared(*i, lang, depth, false));
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
    view.phones = facts.phone.iter().map(|p| PhoneView::of(p)).collect();
    view.email = facts.email.clone();
    view.pec = facts.pec.clone();
    view.forms = form_views(site, renderer, page, lang);
    view.published = facts.published.map(|d| d.to_string());
    view.published_text = facts.published.map(|d| renderer.date(lang, d));
    view.until = facts.until.map(|d| d.to_string());
    view.until_text = facts.until.map(|d| renderer.date(lang, d));
    view.past = facts.until.is_some_and(|until| until < site.today);
    view.website = facts.website.clone();
    view.hours = facts.hours.as_ref().map(|h| hours_view(h, renderer, lang));
    view.languages_spoken = facts
        .languages_spoken
        .iter()
        .map(|l| language_name(site, renderer, lang, l.as_str()))
        .collect();
    view.sources = facts
        .sources
        .iter()
        .map(|source| SourceView {
            url: source.url.clone(),
            title: source.title.clone(),
            title_lang: source
                .title
                .as_ref()
                .filter(|_| lang != site.source_language())
                .map(|_| source_lang.clone()),
            date: source.date.map(|d| renderer.date(lang, d)),
            seen: source.seen.map(|d| renderer.date(lang, d)),
        })
        .collect();
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
        view.comuni_elsewhere = site.section(Section::Comuni).count() > LIST_IN_FULL;
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
        let name = view.title.as_ref().map(|t| t.text.as_str()).unwrap_or_default();
        view.json_ld = Some(structured_data::office(site, page, name, &canonical));
    }
    if page.id.section == Section::Home {
        view.topics = topic_links(renderer, lang, &site.config.topics, "topics/");
        let guides: Vec<usize> = site.section(Section::Procedures).map(|(i, _)| i).collect();
        if guides.len() <= LIST_IN_FULL {
            view.items = links.sorted(guides.into_iter(), lang, depth, true);
        }
        let in_force = site
            .section(Section::News)
            .filter(|(_, p)| p.facts().until.is_none_or(|until| until >= site.today))
            .map(|(i, _)| i);
        view.news = links.newest_first(in_force, lang, depth, true);
        view.news.truncate(NEWS_ON_HOME);
    }
    view
}

/// A guide's forms as the facts box shows them.
fn form_views(site: &Site, renderer: &Renderer, page: &Page, lang: &LangCode) -> Vec<FormView> {
    let root = "../".repeat(page.id.depth() + 1);
    page.facts()
        .forms
        .iter()
        .filter_map(|form| {
            let path = crate::content::attachments::beside(&page.source.path, &form.file)?;
            let attachment = site.attachments.get(&path)?;
            let kind = match attachment.kind {
                crate::content::attachments::Kind::Document(document) => document.label().to_owned(),
                crate::content::attachments::Kind::Svg => "SVG".to_owned(),
                crate::content::attachments::Kind::Raster { .. } => "JPEG".to_owned(),
            };
            let meta = renderer
                .strings
                .get(lang, "file_type_size")
                .replace("{type}", &kind)
                .replace("{size}", &crate::site::files::human_size(attachment.size));
            let linked = attachment.linked_path();
            Some(FormView {
                href: format!("{root}{linked}"),
                url: format!("{}/{linked}", site.config.base()),
                title: form.title.clone(),
                title_lang: (lang != site.source_language()).then(|| site.source_language().to_string()),
                meta,
            })
        })
        .collect()
}

/// A language's name in the reader's language (`language_names.xx`), or in
/// itself when the site has it, or its code.
pub fn language_name(site: &Site, renderer: &Renderer, reader: &LangCode, code: &str) -> String {
    let key = format!("language_names.{code}");
    if let Some(named) = renderer.strings.lookup(reader, &key) {
        return named.to_owned();
    }
    site.languages
        .iter()
        .find(|l| l.code.as_str() == code)
        .map_or_else(|| code.to_uppercase(), |l| l.name.clone())
}

fn hours_view(hours: &Hours, renderer: &Renderer, lang: &LangCode) -> HoursView {
    let calendar = renderer.calendar(lang);
    let rows = hours
        .week
        .iter()
        .enumerate()
        .map(|(day, spans)| HoursRow {
            day: calendar.weekday(day).to_owned(),
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
        days: (0..7).map(|day| calendar.weekday(day)).collect::<Vec<_>>().join("|"),
    }
}

/// The "words explained" box: each glossary entry the body uses, in the
/// reader's language where it is translated.
fn glossary_views(site: &Site, links: &Links, body_doc: &Document, lang: &LangCode, depth: usize) -> Vec<SharedView> {
    body_doc
        .body
        .glossary
        .iter()
        .filter_map(|slug| {
            let id = PageId {
                section: Section::Glossary,
                slug: slug.clone(),
            };
            Some(links.gloss(site, *site.index.get(&id)?, lang, depth))
        })
        .collect()
}
