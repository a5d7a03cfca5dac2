//! page.html: a guide, an office, a service, a comune, a glossary term or
//! a free page, with the facts of its section.

use super::partials::{dates, glossary_box, notice};
use super::{number, title_text, truthy, Parts, Writer};
use crate::render::{LinkView, PageView, Text};

/// page.html
pub(super) fn page(w: &mut Writer, parts: &Parts) {
    let page = parts.page;
    let lang_root = parts.shell.lang_root.as_str();
    let title = title_text(page);
    w.breadcrumb_home(lang_root);
    if page.section != "pages" {
        w.raw("<span class=\"sep\" aria-hidden=\"true\">›</span><a href=\"../index.html\">")
            .section_name(page.section)
            .raw("</a>");
    }
    w.raw("</nav>\n<article class=\"page page-")
        .text(page.section)
        .raw("\">\n<h1")
        .attrs(page.title.as_ref())
        .raw(">")
        .isolated(title);
    if let Some(term) = truthy(page.term.as_deref()).filter(|term| page.section == "glossary" && *term != title) {
        w.raw(" <span class=\"term\" lang=\"it\" dir=\"ltr\">(")
            .text(term)
            .raw(")</span>");
    }
    w.raw("</h1>\n");
    if let Some(summary) = &page.summary {
        w.raw("<p class=\"lead\"")
            .attrs(Some(summary))
            .raw(">")
            .text(&summary.text)
            .raw("</p>");
    }
    w.raw("\n");
    notice(w, page);
    w.raw("\n\n");
    if page.section == "procedures" {
        procedure_facts(w, page);
    }
    w.raw("\n\n");
    if page.section == "services" {
        service_facts(w, page);
    }
    w.raw("\n\n");
    if page.section == "offices" {
        office_facts(w, page);
    }
    w.raw("\n\n<div class=\"body");
    if page.has_steps {
        w.raw(" has-steps");
    }
    w.raw("\"")
        .lang_attrs(page.body_lang.as_deref(), page.body_dir)
        .raw(">\n")
        .raw(page.body)
        .raw("\n</div>\n");
    glossary_box(w, page);
    w.raw("\n\n");
    if page.section == "offices" && !page.used_by.is_empty() {
        w.raw("<section aria-labelledby=\"used-h\"><h2 id=\"used-h\">")
            .t("office_used_by")
            .raw("</h2>")
            .link_list(&page.used_by, false)
            .raw("</section>");
    }
    w.raw("\n");
    if page.section == "comuni" {
        comune_lists(w, page, lang_root);
    }
    w.raw("\n");
    if page.section == "procedures" && !page.sources.is_empty() {
        w.raw("<section class=\"sources\" aria-labelledby=\"sources-h\"><h2 id=\"sources-h\">")
            .t("field_sources")
            .raw("</h2><ul>");
        for source in &page.sources {
            w.raw("<li><a class=\"url\" href=\"")
                .text(source)
                .raw("\" dir=\"ltr\">")
                .text(source)
                .raw("</a></li>");
        }
        w.raw("</ul></section>");
    }
    w.raw("\n");
    if !page.topics.is_empty() {
        w.raw("<p class=\"topics\">").t("sections.topics").raw(": ");
        for (i, topic) in page.topics.iter().enumerate() {
            w.raw("<a href=\"")
                .text(&topic.href)
                .raw("\">")
                .text(&topic.title)
                .raw("</a>");
            if i + 1 < page.topics.len() {
                w.raw(", ");
            }
        }
        w.raw("</p>");
    }
    w.raw("\n");
    dates(w, page);
    w.raw("\n</article>");
}

/// A row of facts: a cost or a duration, or "ask the help desk".
fn fact_or_ask(w: &mut Writer, label: &str, fact: Option<&Text>) {
    w.raw("<div><dt>").t(label).raw("</dt><dd").attrs(fact).raw(">");
    match fact {
        Some(fact) => w.text(&fact.text),
        None => w.t("ask_help_desk"),
    };
    w.raw("</dd></div>");
}

/// A row of facts that links other pages, when there are any.
fn linked_fact(w: &mut Writer, label: &str, links: &[LinkView]) {
    if !links.is_empty() {
        w.raw("<div><dt>")
            .t(label)
            .raw("</dt><dd>")
            .link_list(links, false)
            .raw("</dd></div>");
    }
}

/// The facts of a procedure in page.html.
fn procedure_facts(w: &mut Writer, page: &PageView) {
    w.raw("\n<section class=\"facts\" aria-label=\"")
        .t("field_where")
        .raw("\">\n  <dl>\n    ");
    linked_fact(w, "field_where", &page.offices);
    w.raw("\n    ");
    fact_or_ask(w, "field_cost", page.cost.as_ref());
    w.raw("\n    ");
    fact_or_ask(w, "field_duration", page.duration.as_ref());
    w.raw("\n    ");
    linked_fact(w, "field_who_helps", &page.services);
    w.raw("\n  </dl>\n</section>\n");
    if !page.documents_list.is_empty() {
        w.raw("<section class=\"documents\" aria-labelledby=\"documents-h\">\n  <h2 id=\"documents-h\">")
            .t("field_documents")
            .raw("</h2>\n  <p class=\"hint\">")
            .t("checklist_hint")
            .raw("</p>\n  <ul class=\"checklist\" data-checklist=\"")
            .text(&page.slug)
            .raw("\"")
            .attrs(page.documents.as_ref())
            .raw(">\n  ");
        for (i, item) in page.documents_list.iter().enumerate() {
            w.raw("<li><label><input type=\"checkbox\" data-item=\"")
                .raw(itoa::Buffer::new().format(i + 1))
                .raw("\"> <span>")
                .text(item)
                .raw("</span></label></li>\n  ");
        }
        w.raw("</ul>\n</section>");
    }
    w.raw("\n");
}

/// The facts of a service in page.html.
fn service_facts(w: &mut Writer, page: &PageView) {
    w.raw("\n<section class=\"facts\">\n  <dl>\n    ");
    if let Some(eligibility) = &page.eligibility {
        w.raw("<div><dt>")
            .t("field_eligibility")
            .raw("</dt><dd")
            .attrs(Some(eligibility))
            .raw(">")
            .text(&eligibility.text)
            .raw("</dd></div>");
    }
    w.raw("\n    ");
    fact_or_ask(w, "field_cost", page.cost.as_ref());
    w.raw("\n    ");
    linked_fact(w, "field_where", &page.offices);
    w.raw("\n    <div><dt>").t("sections.comuni").raw("</dt><dd>");
    if page.comuni_all {
        w.t("applies_all_comuni");
    } else {
        w.link_list(&page.comuni, false);
    }
    w.raw("</dd></div>\n  </dl>\n</section>\n");
}

/// The facts of an office in page.html.
fn office_facts(w: &mut Writer, page: &PageView) {
    w.raw("\n<section class=\"facts office\">\n  <dl>\n    <div><dt>")
        .t("field_address")
        .raw("</dt><dd>");
    match truthy(page.address.as_deref()) {
        Some(address) => w
            .raw("<span class=\"address\" lang=\"it\" dir=\"ltr\">")
            .text(address)
            .raw("</span>"),
        None => w.t("ask_help_desk"),
    };
    if let Some(comune) = &page.comune {
        w.raw(" – <a href=\"")
            .text(&comune.href)
            .raw("\"")
            .lang_attrs(comune.lang, comune.dir)
            .raw(">")
            .text(&comune.title)
            .raw("</a>");
    }
    w.raw("</dd></div>\n    <div><dt>")
        .t("field_hours")
        .raw("</dt><dd>\n    ");
    match &page.hours {
        Some(hours) => {
            w.raw("\n      <p class=\"open-now\" data-hours=\"")
                .text(&hours.data)
                .raw("\" data-open=\"")
                .t("open_now")
                .raw("\" data-closed=\"")
                .t("closed_now")
                .raw("\" data-closes=\"")
                .t("closes_at")
                .raw("\" data-opens=\"")
                .t("opens_at")
                .raw("\" data-opens-today=\"")
                .t("opens_today")
                .raw("\" data-opens-tomorrow=\"")
                .t("opens_tomorrow")
                .raw("\" data-unsure=\"")
                .t("open_unsure")
                .raw("\" data-days=\"");
            for (i, day) in ["mo", "tu", "we", "th", "fr", "sa", "su"].iter().enumerate() {
                if i > 0 {
                    w.raw("|");
                }
                w.t(&format!("days.{day}"));
            }
            w.raw("\"");
            if hours.varies {
                w.raw(" data-varies=\"1\"");
            }
            w.raw(" hidden></p>\n      <table class=\"hours\"><tbody>\n      ");
            for row in &hours.rows {
                w.raw("<tr><th scope=\"row\">").text(&row.day).raw("</th><td>");
                if row.spans.is_empty() {
                    w.t("hours_closed");
                } else {
                    w.raw("<bdi>").text(&row.spans.join(", ")).raw("</bdi>");
                    for note in &row.notes {
                        w.raw(" <span class=\"note\" lang=\"it\" dir=\"ltr\">")
                            .text(note)
                            .raw("</span>");
                    }
                }
                w.raw("</td></tr>\n      ");
            }
            w.raw("</tbody></table>\n      ");
            if hours.varies {
                w.raw("<p class=\"hint\">").t("hours_varies").raw("</p>");
            }
            w.raw("\n    ");
        }
        None => {
            w.t("ask_help_desk");
        }
    }
    w.raw("\n    </dd></div>\n    ");
    if !page.phones.is_empty() {
        w.raw("<div><dt>").t("field_phone").raw("</dt><dd>");
        for phone in &page.phones {
            w.raw("<bdi dir=\"ltr\">").text(&phone.display).raw("</bdi> ");
        }
        w.raw("</dd></div>");
    }
    w.raw("\n    ");
    let email = truthy(page.email.as_deref());
    if let Some(email) = email {
        w.raw("<div><dt>")
            .t("field_email")
            .raw("</dt><dd><bdi dir=\"ltr\">")
            .text(email)
            .raw("</bdi></dd></div>");
    }
    w.raw("\n    ");
    if let Some(website) = truthy(page.website.as_deref()) {
        w.raw("<div><dt>")
            .t("field_website")
            .raw("</dt><dd><a class=\"url\" href=\"")
            .text(website)
            .raw("\" dir=\"ltr\">")
            .text(website)
            .raw("</a></dd></div>");
    }
    w.raw("\n    ");
    if !page.languages_spoken.is_empty() {
        w.raw("<div><dt>")
            .t("field_languages_spoken")
            .raw("</dt><dd>")
            .text(&page.languages_spoken.join(", "))
            .raw("</dd></div>");
    }
    w.raw("\n  </dl>\n  ");
    if !page.phones.is_empty() || email.is_some() || page.geo.is_some() {
        w.raw("<p class=\"actions\">\n    ");
        for phone in &page.phones {
            w.raw("<a class=\"button\" href=\"tel:")
                .text(&phone.tel)
                .raw("\">")
                .t("action_call")
                .raw(" <bdi dir=\"ltr\">")
                .text(&phone.display)
                .raw("</bdi></a>");
        }
        w.raw("\n    ");
        if let Some(email) = email {
            w.raw("<a class=\"button\" href=\"mailto:")
                .text(email)
                .raw("\">")
                .t("action_write")
                .raw("</a>");
        }
        w.raw("\n    ");
        if let Some((lat, lon)) = page.geo {
            let (lat, lon) = (number(lat), number(lon));
            w.raw("<a class=\"button\" href=\"geo:")
                .text(&lat)
                .raw(",")
                .text(&lon)
                .raw("\">")
                .t("action_map")
                .raw("</a>\n    <a class=\"button\" href=\"https://www.openstreetmap.org/?mlat=")
                .text(&lat)
                .raw("&amp;mlon=")
                .text(&lon)
                .raw("#map=17/")
                .text(&lat)
                .raw("/")
                .text(&lon)
                .raw("\">")
                .t("action_map_osm")
                .raw("</a>");
        }
        w.raw("\n  </p>");
    }
    w.raw("\n</section>\n");
}

/// The lists of a comune's page in page.html.
fn comune_lists(w: &mut Writer, page: &PageView, lang_root: &str) {
    w.raw("\n  ");
    if !page.offices_here.is_empty() {
        w.raw("<section aria-labelledby=\"here-h\"><h2 id=\"here-h\">")
            .t("comune_offices")
            .raw("</h2>")
            .link_list(&page.offices_here, false)
            .raw("</section>");
    }
    w.raw("\n  ");
    if !page.used_by.is_empty() || page.district_wide_elsewhere {
        w.raw("<section aria-labelledby=\"applies-h\"><h2 id=\"applies-h\">")
            .t("comune_applies")
            .raw("</h2>");
        if !page.used_by.is_empty() {
            w.link_list(&page.used_by, false);
        }
        w.raw("\n  ");
        if page.district_wide_elsewhere {
            w.raw("<p>")
                .t("applies_all_comuni")
                .raw(": <a href=\"")
                .text(lang_root)
                .raw("procedures/index.html\">")
                .t("sections.procedures")
                .raw("</a>, <a href=\"")
                .text(lang_root)
                .raw("services/index.html\">")
                .t("sections.services")
                .raw("</a></p>");
        }
        w.raw("</section>");
    }
    w.raw("\n  <section aria-labelledby=\"all-h\"><h2 id=\"all-h\">")
        .t("comune_all")
        .raw("</h2>");
    if page.comuni_elsewhere {
        w.raw("<p><a href=\"")
            .text(lang_root)
            .raw("comuni/index.html\">")
            .t("sections.comuni")
            .raw("</a></p>");
    } else {
        w.link_list(&page.all_comuni, false);
    }
    w.raw("</section>\n");
}
