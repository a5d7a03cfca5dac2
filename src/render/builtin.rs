//! The built-in theme's page templates written out in Rust: the same bytes
//! as `themes/default/templates/{base,page,home,list,topics,search,not_found}.html`
//! with their macros and partials, made without interpreting them. A build
//! uses this while a site overrides none of those files; a test checks that
//! both make the same output.
//!
//! Each function follows its template line by line (page.html in `page`,
//! the partials in `partials`, the rest here); a change to a template needs
//! the same change in its function.

use super::{Frame, LinkView, PageTemplate, PageView, Shell, Text};
use crate::content::LangCode;
use crate::markdown::escape_html_into;
use crate::strings::Strings;

mod page;
mod partials;

use page::page;
use partials::{glossary_box, notice};

/// The interface strings of one language, as the templates' `t`.
#[derive(Clone, Copy)]
pub(super) struct Translations<'a> {
    strings: &'a Strings,
    lang: &'a LangCode,
}

impl<'a> Translations<'a> {
    pub(super) fn of(strings: &'a Strings, lang: &'a LangCode) -> Self {
        Translations { strings, lang }
    }

    fn lookup(&self, key: &str) -> Option<&'a str> {
        self.strings.lookup(self.lang, key)
    }
}

/// Everything a page template reads.
pub(super) struct Parts<'a> {
    pub shell: &'a Shell<'a>,
    pub frame: &'a Frame<'a>,
    pub t: Translations<'a>,
    pub page: &'a PageView<'a>,
}

/// The page `template` makes of `parts`.
pub(super) fn render(template: PageTemplate, parts: &Parts) -> String {
    let mut w = Writer {
        out: String::with_capacity(16 * 1024 + parts.page.body.len()),
        t: parts.t,
    };
    base(&mut w, parts, template);
    w.out
}

/// An HTML document being written: text is escaped as Tera's autoescape
/// escapes it, markup is written as it is.
struct Writer<'a> {
    out: String,
    t: Translations<'a>,
}

impl Writer<'_> {
    fn raw(&mut self, markup: &str) -> &mut Self {
        self.out.push_str(markup);
        self
    }

    fn text(&mut self, text: &str) -> &mut Self {
        escape_html_into(&mut self.out, text);
        self
    }

    /// `{{ text | isolate | safe }}`
    fn isolated(&mut self, text: &str) -> &mut Self {
        let mut escaped = String::with_capacity(text.len() + 16);
        escape_html_into(&mut escaped, text);
        self.out.push_str(&crate::bidi::isolate_latin_runs(&escaped));
        self
    }

    /// `{{ t.<key> }}`
    fn t(&mut self, key: &str) -> &mut Self {
        let text = self.t.lookup(key).unwrap_or(key);
        self.text(text)
    }

    /// `{{ t.sections[section] }}`
    fn section_name(&mut self, section: &str) -> &mut Self {
        self.t(&format!("sections.{section}"))
    }

    /// `{{ t.<key> | replace(from=placeholder, to=value) }}`
    fn t_with(&mut self, key: &str, placeholder: &str, value: &str) -> &mut Self {
        let text = self.t.lookup(key).unwrap_or(key).replace(placeholder, value);
        self.text(&text)
    }

    /// `{% if lang %} lang="…" dir="…"{% endif %}`, as the `attrs` macro and
    /// the links write it.
    fn lang_attrs(&mut self, lang: Option<&str>, dir: Option<&str>) -> &mut Self {
        if let Some(lang) = truthy(lang) {
            self.raw(" lang=\"")
                .text(lang)
                .raw("\" dir=\"")
                .text(dir.unwrap_or(""))
                .raw("\"");
        }
        self
    }

    /// The `attrs` macro of a text field.
    fn attrs(&mut self, text: Option<&Text>) -> &mut Self {
        match text {
            Some(text) => self.lang_attrs(text.lang.as_deref(), text.dir),
            None => self,
        }
    }

    /// The start of a breadcrumb: the link to the home page, the `<nav>`
    /// left open for the rest.
    fn breadcrumb_home(&mut self, lang_root: &str) -> &mut Self {
        self.raw("<nav class=\"breadcrumb\" aria-label=\"")
            .t("breadcrumb_label")
            .raw("\"><a href=\"")
            .text(lang_root)
            .raw("index.html\">")
            .t("nav_home")
            .raw("</a>")
    }

    /// The `link_list` macro.
    fn link_list(&mut self, items: &[LinkView], summaries: bool) -> &mut Self {
        self.raw("\n<ul class=\"links\">\n");
        for item in items {
            self.raw("<li><a href=\"")
                .text(&item.href)
                .raw("\"")
                .lang_attrs(item.lang, item.dir)
                .raw(">")
                .isolated(&item.title)
                .raw("</a>");
            if let Some(summary) = truthy(item.summary).filter(|_| summaries) {
                self.raw("<p class=\"summary\"")
                    .lang_attrs(item.lang, item.dir)
                    .raw(">")
                    .isolated(summary)
                    .raw("</p>");
            }
            self.raw("</li>\n");
        }
        self.raw("</ul>\n")
    }
}

/// A string as a template's `{% if %}` sees it: empty is false.
fn truthy(text: Option<&str>) -> Option<&str> {
    text.filter(|text| !text.is_empty())
}

fn title_text<'a>(page: &'a PageView) -> &'a str {
    page.title.as_ref().map_or("", |title| title.text.as_str())
}

/// A number as Tera prints it (through serde_json).
fn number(value: f64) -> String {
    serde_json::Number::from_f64(value).map_or_else(String::new, |n| n.to_string())
}

/// base.html, with the blocks of `template`.
fn base(w: &mut Writer, parts: &Parts, template: PageTemplate) {
    let Parts { shell, frame, page, .. } = parts;
    let lang_root = shell.lang_root.as_str();
    w.raw("<!DOCTYPE html>\n<html lang=\"")
        .text(&shell.lang.code)
        .raw("\" dir=\"")
        .text(shell.lang.dir)
        .raw("\" data-root=\"")
        .text(&shell.root)
        .raw("\" data-lang-root=\"")
        .text(lang_root)
        .raw("\"");
    if let Some(manifest) = truthy(shell.search_manifest.as_deref()) {
        w.raw(" data-search-manifest=\"")
            .text(manifest)
            .raw("\" data-search-script=\"")
            .text(shell.search_script.as_deref().unwrap_or(""))
            .raw("\"");
    }
    w.raw(">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    title_block(w, page, template);
    w.raw("</title>\n\n");
    if let Some(canonical) = truthy(frame.canonical.as_deref()) {
        w.raw("<link rel=\"canonical\" href=\"").text(canonical).raw("\">\n");
        for alt in &frame.alternates {
            w.raw("<link rel=\"alternate\" hreflang=\"")
                .text(alt.code)
                .raw("\" href=\"")
                .text(&alt.url)
                .raw("\">\n");
        }
        w.raw("<link rel=\"alternate\" hreflang=\"x-default\" href=\"")
            .text(frame.x_default.as_deref().unwrap_or(""))
            .raw("\">\n");
    }
    if let Some(json_ld) = truthy(page.json_ld.as_deref()) {
        w.raw("<script type=\"application/ld+json\">")
            .raw(json_ld)
            .raw("</script>\n");
    }
    let asset = |name: &str| shell.assets.get(name).map_or("", String::as_str);
    w.raw("<link rel=\"stylesheet\" href=\"")
        .text(asset("style.css"))
        .raw("\">\n<script src=\"")
        .text(asset("app.js"))
        .raw("\" defer></script>\n</head>\n<body class=\"kind-")
        .text(page.kind);
    if !page.section.is_empty() {
        w.raw(" section-").text(page.section);
    }
    w.raw("\">\n<a class=\"skip\" href=\"#main\">")
        .t("skip_to_content")
        .raw("</a>\n<header class=\"site-header\">\n  <div class=\"bar\">\n    <a class=\"brand\" href=\"")
        .text(lang_root)
        .raw("index.html\">")
        .t("site_title")
        .raw("</a>\n    <nav class=\"languages\" aria-label=\"")
        .t("language_label")
        .raw("\">\n      <ul>\n      ");
    for alt in &frame.alternates {
        w.raw("<li><a href=\"")
            .text(&alt.href)
            .raw("\" hreflang=\"")
            .text(alt.code)
            .raw("\" lang=\"")
            .text(alt.code)
            .raw("\" dir=\"")
            .text(alt.dir)
            .raw("\"");
        if alt.current {
            w.raw(" aria-current=\"true\"");
        }
        w.raw(">").text(alt.name).raw("</a></li>\n      ");
    }
    let search_input = if page.kind == "search" { "search-input" } else { "q" };
    w.raw("</ul>\n    </nav>\n  </div>\n  <form class=\"search-box\" role=\"search\" action=\"")
        .text(lang_root)
        .raw("search/index.html\">\n    <label class=\"visually-hidden\" for=\"")
        .raw(search_input)
        .raw("\">")
        .t("search_placeholder")
        .raw("</label>\n    <input type=\"search\" name=\"q\" id=\"")
        .raw(search_input)
        .raw("\" placeholder=\"")
        .t("search_placeholder")
        .raw("\" autocomplete=\"off\">\n    <button type=\"submit\">")
        .t("search_button")
        .raw("</button>\n  </form>\n  <nav class=\"main-nav\" aria-label=\"")
        .t("nav_label")
        .raw("\">\n    <ul>\n      <li><a href=\"")
        .text(lang_root)
        .raw("index.html\"");
    if page.kind == "home" {
        w.raw(" aria-current=\"page\"");
    }
    w.raw(">").t("nav_home").raw("</a></li>\n      ");
    for (section, href) in &shell.nav {
        w.raw("<li><a href=\"").text(href).raw("\"");
        if page.section == *section {
            w.raw(" aria-current=\"page\"");
        }
        w.raw(">").section_name(section).raw("</a></li>\n      ");
    }
    w.raw("<li><a href=\"").text(lang_root).raw("topics/index.html\"");
    if page.section == "topics" {
        w.raw(" aria-current=\"page\"");
    }
    w.raw(">")
        .t("sections.topics")
        .raw("</a></li>\n    </ul>\n  </nav>\n</header>\n<main id=\"main\" tabindex=\"-1\">\n");
    content_block(w, parts, template);
    w.raw("\n</main>\n<footer class=\"site-footer\">\n  <nav aria-label=\"")
        .t("footer_label")
        .raw("\">\n    <ul>\n    ");
    for link in &shell.footer_pages {
        w.raw("<li><a href=\"")
            .text(&link.href)
            .raw("\"")
            .lang_attrs(link.lang, link.dir)
            .raw(">")
            .text(&link.title)
            .raw("</a></li>\n    ");
    }
    w.raw("</ul>\n  </nav>\n  ");
    if let Some(canonical) = truthy(frame.canonical.as_deref()) {
        let qr = truthy(page.qr_svg.as_deref());
        w.raw("<div class=\"print-ref\">");
        if let Some(qr) = qr {
            w.raw("<div class=\"qr\">").raw(qr).raw("</div>");
        }
        w.raw("<p>")
            .t("print_url")
            .raw(" <bdi dir=\"ltr\">")
            .text(canonical)
            .raw("</bdi>");
        if qr.is_some() {
            w.raw("<br>").t("print_qr");
        }
        w.raw("</p></div>");
    }
    w.raw("\n</footer>\n</body>\n</html>\n");
}

/// `{% block title %}` of each template.
fn title_block(w: &mut Writer, page: &PageView, template: PageTemplate) {
    match template {
        PageTemplate::Home => {
            match &page.title {
                Some(title) => w.text(&title.text),
                None => w.t("site_title"),
            };
            return;
        }
        PageTemplate::Page => w.text(title_text(page)),
        PageTemplate::List => match page.kind {
            "letter" => w.t("search_az").raw(": ").text(title_text(page)),
            "topic" => w.text(title_text(page)),
            _ => w.section_name(page.section),
        },
        PageTemplate::Topics => w.t("sections.topics"),
        PageTemplate::Search => w.t("search_title"),
        PageTemplate::NotFound => w.t("not_found_title"),
    };
    w.raw(" – ").t("site_title");
}

/// `{% block content %}` of each template.
fn content_block(w: &mut Writer, parts: &Parts, template: PageTemplate) {
    w.raw("\n");
    match template {
        PageTemplate::Home => home(w, parts),
        PageTemplate::Page => page(w, parts),
        PageTemplate::List => list(w, parts),
        PageTemplate::Topics => {
            w.raw("<h1>")
                .t("sections.topics")
                .raw("</h1>\n")
                .link_list(&parts.page.items, false);
        }
        PageTemplate::Search => search(w, parts),
        PageTemplate::NotFound => {
            w.raw("<h1>")
                .t("not_found_title")
                .raw("</h1>\n<p>")
                .t("not_found_text")
                .raw("</p>\n<p><a href=\"index.html\">")
                .t("nav_home")
                .raw("</a></p>");
        }
    }
    w.raw("\n");
}

/// home.html
fn home(w: &mut Writer, parts: &Parts) {
    let page = parts.page;
    w.raw("<h1").attrs(page.title.as_ref()).raw(">");
    match &page.title {
        Some(title) => w.text(&title.text),
        None => w.t("site_title"),
    };
    w.raw("</h1>\n<p class=\"tagline\">").t("site_tagline").raw("</p>\n");
    notice(w, page);
    w.raw("\n<div class=\"body\"")
        .lang_attrs(page.body_lang.as_deref(), page.body_dir)
        .raw(">")
        .raw(page.body)
        .raw("</div>\n");
    glossary_box(w, page);
    w.raw("\n<section class=\"topic-grid\" aria-labelledby=\"topics-h\">\n  <h2 id=\"topics-h\">")
        .t("sections.topics")
        .raw("</h2>\n  <ul>\n  ");
    for topic in &page.topics {
        w.raw("<li><a href=\"")
            .text(&topic.href)
            .raw("\">")
            .text(&topic.title)
            .raw("</a></li>\n  ");
    }
    w.raw("</ul>\n</section>\n");
    if !page.items.is_empty() {
        w.raw("<section aria-labelledby=\"guides-h\">\n  <h2 id=\"guides-h\">")
            .t("sections.procedures")
            .raw("</h2>\n  ")
            .link_list(&page.items, true)
            .raw("\n</section>");
    }
}

/// list.html
fn list(w: &mut Writer, parts: &Parts) {
    let page = parts.page;
    let lang_root = parts.shell.lang_root.as_str();
    let breadcrumb = |w: &mut Writer, parent: &str| {
        w.breadcrumb_home(lang_root)
            .raw("<span class=\"sep\" aria-hidden=\"true\">›</span><a href=\"../index.html\">")
            .t(parent)
            .raw("</a></nav>\n");
    };
    w.raw("\n");
    match page.kind {
        "letter" => {
            breadcrumb(w, "search_title");
            w.raw("<h1>")
                .t("search_az")
                .raw(": ")
                .text(title_text(page))
                .raw("</h1>\n")
                .link_list(&page.items, true)
                .raw("\n");
        }
        "topic" => {
            breadcrumb(w, "sections.topics");
            w.raw("<h1>").text(title_text(page)).raw("</h1>\n");
            if page.items.is_empty() {
                w.raw("<p class=\"empty\">").t("topic_empty").raw("</p>");
            } else {
                w.link_list(&page.items, true);
            }
            w.raw("\n");
        }
        _ => {
            w.raw("<h1>").section_name(page.section).raw("</h1>\n");
            if let Some(intro) = truthy(parts.t.lookup(&format!("section_intro.{}", page.section))) {
                w.raw("<p class=\"lead\">").text(intro).raw("</p>");
            }
            w.raw("\n");
            if page.items.is_empty() {
                w.raw("<p class=\"empty\">").t("list_empty").raw("</p>");
            } else {
                w.link_list(&page.items, true);
            }
            w.raw("\n");
        }
    }
}

/// search.html
fn search(w: &mut Writer, parts: &Parts) {
    let page = parts.page;
    let language_names = parts
        .t
        .strings
        .nested(parts.t.lang)
        .get("language_names")
        .map_or_else(|| "false".to_owned(), |names| names.to_string());
    w.raw("<h1>")
        .t("search_title")
        .raw("</h1>\n<div id=\"search-results\" aria-live=\"polite\" data-more=\"")
        .t("search_more")
        .raw("\" data-in-language=\"")
        .t("search_in_language")
        .raw("\" data-no-results=\"")
        .t("search_no_results")
        .raw("\" data-lang-names=\"")
        .text(&language_names)
        .raw("\"></div>\n<section class=\"finders\" aria-labelledby=\"browse-h\">\n  <h2 id=\"browse-h\">")
        .t("search_browse")
        .raw("</h2>\n  <details open><summary><h3>")
        .t("search_by_topic")
        .raw("</h3></summary>")
        .link_list(&page.topics, false)
        .raw("</details>\n  <details><summary><h3>")
        .t("search_az")
        .raw("</h3></summary>");
    if page.letters.is_empty() {
        w.link_list(&page.items, false);
    } else {
        w.raw("<ul class=\"letters\">");
        for letter in &page.letters {
            w.raw("<li><a href=\"")
                .text(&letter.href)
                .raw("\">")
                .text(&letter.title)
                .raw("</a></li>");
        }
        w.raw("</ul>");
    }
    w.raw("</details>\n  <details><summary><h3>")
        .t("search_by_comune")
        .raw("</h3></summary>")
        .link_list(&page.comuni, false)
        .raw("</details>\n  <details><summary><h3>")
        .t("search_by_office")
        .raw("</h3></summary>")
        .link_list(&page.offices, false)
        .raw("</details>\n</section>");
}
