//! Raw HTML written in a body: what is never published (scripts, frames,
//! event attributes, styling, forms), found to warn the volunteer, and the
//! HTML cleaned by ammonia.

use std::sync::OnceLock;

/// What a piece of raw HTML holds that will not be published, as the
/// `raw-html-removed` message names it.
pub fn dangerous_html(html: &str) -> Option<&'static str> {
    let lower = html.to_ascii_lowercase();
    if lower.contains("<script") {
        Some("script")
    } else if lower.contains("<iframe") || lower.contains("<frame") {
        Some("frame")
    } else if lower.contains("<object") || lower.contains("<embed") {
        Some("object")
    } else if lower.contains("javascript:") {
        Some("javascript")
    } else if lower.contains("<style") || lower.contains("style=") {
        Some("style")
    } else if has_event_attribute(&lower) {
        Some("event")
    } else if lower.contains("<form") || lower.contains("<input") {
        Some("form")
    } else {
        None
    }
}

fn has_event_attribute(lower: &str) -> bool {
    lower.match_indices(" on").any(|(i, _)| {
        let rest = &lower[i + 3..];
        let name_len = rest.chars().take_while(|c| c.is_ascii_alphabetic()).count();
        name_len > 0 && rest[name_len..].trim_start().starts_with('=')
    })
}

/// Cleans the HTML of a body that contains raw HTML, keeping what the
/// generator itself writes (heading ids, classes of highlighted code).
pub fn sanitize(html: &str) -> String {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER
        .get_or_init(|| {
            let mut builder = ammonia::Builder::default();
            builder
                .add_generic_attributes(["id", "class", "lang", "dir"])
                .add_tags([
                    "details",
                    "summary",
                    "mark",
                    "abbr",
                    "kbd",
                    "figure",
                    "figcaption",
                    "section",
                ])
                .add_tag_attributes("ol", ["start"])
                .add_tag_attributes("input", ["type", "checked", "disabled"])
                .add_tags(["input"])
                .link_rel(Some("noopener"));
            builder
        })
        .clean(html)
        .to_string()
}
