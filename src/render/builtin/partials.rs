//! The partials the page templates include: the translation notice, the
//! words-explained box and the dates.

use super::{truthy, Writer};
use crate::render::PageView;
use crate::site::TranslationState;

/// partials/notice.html
pub(super) fn notice(w: &mut Writer, page: &PageView) {
    if let Some(notice) = &page.notice {
        w.raw("<div class=\"notice notice-")
            .raw(state_name(notice.kind))
            .raw("\" role=\"note\">\n  ");
        match notice.kind {
            TranslationState::Missing => {
                w.raw("<p>")
                    .t_with("notice_missing", "{lang}", &notice.source_lang_name)
                    .raw("</p>");
            }
            TranslationState::Outdated => {
                w.raw("<p>")
                    .t_with("notice_outdated", "{date}", notice.date.as_deref().unwrap_or(""))
                    .raw("</p>");
                if page.machine {
                    w.raw("<p>").t("notice_machine").raw("</p>");
                }
            }
            _ => {
                w.raw("<p>").t("notice_machine").raw("</p>");
            }
        }
        w.raw("\n  ");
        if notice.kind != TranslationState::Missing {
            w.raw("<p><a href=\"")
                .text(&notice.source_href)
                .raw("\">")
                .t("notice_read_source")
                .raw("</a></p>");
        }
        w.raw("\n</div>");
    }
    w.raw("\n");
}

fn state_name(state: TranslationState) -> &'static str {
    match state {
        TranslationState::Source => "source",
        TranslationState::Translated => "translated",
        TranslationState::Machine => "machine",
        TranslationState::Outdated => "outdated",
        TranslationState::Missing => "missing",
    }
}

/// partials/glossary_box.html
pub(super) fn glossary_box(w: &mut Writer, page: &PageView) {
    if !page.glossary.is_empty() {
        w.raw("<section class=\"glossary-box\" aria-labelledby=\"glossary-box-h\">\n  <h2 id=\"glossary-box-h\">")
            .t("glossary_box")
            .raw("</h2>\n  <dl>\n  ");
        for entry in &page.glossary {
            w.raw("<dt id=\"g-")
                .text(&entry.slug)
                .raw("\"><span lang=\"it\" dir=\"ltr\">")
                .text(&entry.term)
                .raw("</span>");
            if let Some(translation) = truthy(entry.translation.as_deref()) {
                w.raw(" <span class=\"translation\">").text(translation).raw("</span>");
            }
            w.raw("</dt>\n  <dd")
                .lang_attrs(entry.lang.as_deref(), entry.dir)
                .raw(">")
                .text(&entry.text)
                .raw(" <a href=\"")
                .text(&entry.href)
                .raw("\" aria-label=\"")
                .t("glossary_more")
                .raw(": ")
                .text(&entry.term)
                .raw("\">")
                .t("glossary_more")
                .raw("</a></dd>\n  ");
        }
        w.raw("</dl>\n</section>");
    }
    w.raw("\n");
}

/// partials/dates.html
pub(super) fn dates(w: &mut Writer, page: &PageView) {
    let updated = truthy(page.updated.as_deref());
    let reviewed = truthy(page.reviewed.as_deref());
    if updated.is_some() || reviewed.is_some() {
        w.raw("<p class=\"dates\">");
        if let Some(updated) = updated {
            w.raw("<span>")
                .t("field_updated")
                .raw(": <time datetime=\"")
                .text(updated)
                .raw("\" dir=\"ltr\">")
                .text(updated)
                .raw("</time></span>");
        }
        if let Some(reviewed) = reviewed {
            w.raw(" <span>")
                .t("field_reviewed")
                .raw(": <time datetime=\"")
                .text(reviewed)
                .raw("\" dir=\"ltr\">")
                .text(reviewed)
                .raw("</time></span>");
        }
        w.raw("</p>");
    }
    w.raw("\n");
    if page.review_overdue {
        w.raw("<p class=\"notice notice-review\" role=\"note\">")
            .t_with("notice_review", "{date}", page.reviewed.as_deref().unwrap_or(""))
            .raw("</p>");
    }
    w.raw("\n");
}
