//! Markdown to HTML for one page body: heading ids, links to other pages
//! written as `.md` paths, code highlighted with CSS classes, raw HTML
//! sanitized, and the plain text for search.

use std::collections::HashSet;
use std::path::Path;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::content::attachments::{slash_path, Attachment, Attachments};
use crate::content::ids::{PageId, Slug};
use crate::diagnostics::{Code, Diagnostic};

mod headings;
mod highlight;
mod images;
mod links;
mod plain_text;
mod positions;
mod sanitize;

pub use headings::heading_id;

use highlight::highlight;
use links::{FolderParts, Found, Linking};
use plain_text::collapse_whitespace;
use positions::Positions;
use sanitize::{dangerous_html, sanitize};

/// A heading of a body, with the id it can be linked by.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
    /// True when the id was written `{#id}` rather than made from the text.
    pub explicit: bool,
}

/// A link from a body to another page of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageLink {
    pub target: PageId,
    pub anchor: Option<String>,
    pub line: usize,
    pub column: usize,
    /// The link as written.
    pub written: String,
}

/// A body converted once, shared by every language that shows it.
#[derive(Debug, Clone, Default)]
pub struct RenderedMarkdown {
    /// HTML whose links to pages are relative to the page's own folder.
    pub html: String,
    pub headings: Vec<Heading>,
    pub links: Vec<PageLink>,
    /// The text without markup, for search and summaries.
    pub plain: String,
    /// True when the body has a numbered list: a procedure's steps.
    pub has_ordered_list: bool,
    /// The glossary entries explained in place, in order of first use.
    pub glossary: Vec<Slug>,
    /// The files beside the pages that the body links or shows.
    pub attachments: Vec<String>,
}

/// A heading being read: its events are held until its text, and so its
/// id, is known.
struct OpenHeading<'a> {
    level: HeadingLevel,
    explicit: Option<String>,
    classes: Vec<CowStr<'a>>,
    attrs: Vec<(CowStr<'a>, Option<CowStr<'a>>)>,
    inner: Vec<Event<'a>>,
    text: String,
}

/// The body of one page file, and what its links are resolved against.
pub struct Body<'a> {
    pub text: &'a str,
    /// The line of the file the body starts on.
    pub first_line: usize,
    pub id: &'a PageId,
    /// The file, relative to the site folder.
    pub path: &'a Path,
    pub attachments: &'a Attachments,
}

/// An image being read: its text (the description) comes before its end.
struct OpenImage<'a> {
    attachment: Option<&'a Attachment>,
    dest: String,
    alt: String,
    line: usize,
    column: usize,
}

/// Converts a body to HTML.
pub fn render(source: &Body, diagnostics: &mut Vec<Diagnostic>) -> RenderedMarkdown {
    let Body {
        text: body,
        first_line,
        id,
        path,
        attachments,
    } = *source;
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_TASKLISTS;
    let mut positions = Positions::new(body, first_line);

    let up = "../".repeat(id.depth());
    let linking = Linking {
        from: id,
        path,
        folder: FolderParts::of(path),
        root: format!("{up}../"),
        up,
        attachments,
    };
    let mut image: Option<OpenImage> = None;
    let mut seen_heading = false;
    let mut images = 0;
    let mut out = RenderedMarkdown::default();
    let mut events: Vec<Event> = Vec::with_capacity(body.len() / 16);
    let mut used_ids: HashSet<String> = HashSet::new();
    let mut heading: Option<OpenHeading> = None;
    let mut code: Option<(String, String)> = None;
    let mut has_raw_html = false;
    let mut plain = String::with_capacity(body.len());

    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        if let Some((_, text)) = code.as_mut() {
            match event {
                Event::Text(t) => {
                    text.push_str(&t);
                    continue;
                }
                Event::End(TagEnd::CodeBlock) => {
                    let (lang, text) = code.take().unwrap_or_default();
                    plain.push_str(&text);
                    plain.push(' ');
                    events.push(Event::Html(highlight(&lang, &text).into()));
                    continue;
                }
                _ => continue,
            }
        }
        let event = match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or("").to_owned(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
                continue;
            }
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                seen_heading = true;
                heading = Some(OpenHeading {
                    level,
                    explicit: id.map(|i| i.to_string()),
                    classes,
                    attrs,
                    inner: Vec::new(),
                    text: String::new(),
                });
                continue;
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(OpenHeading {
                    level,
                    explicit,
                    classes,
                    attrs,
                    inner,
                    text,
                }) = heading.take()
                {
                    let text = text.trim().to_owned();
                    let base = explicit.clone().unwrap_or_else(|| heading_id(&text));
                    let mut anchor = base.clone();
                    let mut n = 1;
                    while !used_ids.insert(anchor.clone()) {
                        anchor = format!("{base}-{n}");
                        n += 1;
                    }
                    out.headings.push(Heading {
                        level: level as u8,
                        id: anchor.clone(),
                        text: text.clone(),
                        explicit: explicit.is_some(),
                    });
                    plain.push_str(&text);
                    plain.push_str(". ");
                    events.push(Event::Start(Tag::Heading {
                        level,
                        id: Some(anchor.into()),
                        classes,
                        attrs,
                    }));
                    events.extend(inner);
                    events.push(Event::End(TagEnd::Heading(level)));
                }
                continue;
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id: link_id,
            }) => {
                let (line, column) = positions.at(range.start);
                // `<name@example.org>`: the HTML writer adds its `mailto:`.
                let dest = if link_type == pulldown_cmark::LinkType::Email {
                    dest_url.to_string()
                } else {
                    let (dest, found) = linking.rewrite(&dest_url, (line, column), diagnostics);
                    match found {
                        Found::Page(link) => out.links.push(link),
                        Found::Attachment(attachment) => out.attachments.push(slash_path(&attachment.path)),
                        Found::Nothing => {}
                    }
                    dest
                };
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: dest.into(),
                    title,
                    id: link_id,
                })
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                let (line, column) = positions.at(range.start);
                let attachment = linking.image(&dest_url, (line, column), diagnostics);
                if let Some(attachment) = attachment {
                    out.attachments.push(slash_path(&attachment.path));
                }
                image = Some(OpenImage {
                    attachment,
                    dest: dest_url.to_string(),
                    alt: String::new(),
                    line,
                    column,
                });
                continue;
            }
            Event::End(TagEnd::Image) => {
                let Some(open) = image.take() else { continue };
                if open.alt.trim().is_empty() {
                    diagnostics.push(
                        Diagnostic::new(Code::ImageWithoutAlt, path, open.line)
                            .at_column(open.column)
                            .arg("link", open.dest.as_str()),
                    );
                }
                plain.push_str(&open.alt);
                plain.push(' ');
                // The first picture above the first heading is on the first
                // screen: it loads at once, the others when scrolled to.
                let eager = images == 0 && !seen_heading;
                images += 1;
                let html = match open.attachment {
                    Some(attachment) => images::image_html(attachment, &open.alt, &linking.root, eager),
                    None => images::remote_image_html(&open.dest, &open.alt),
                };
                Event::InlineHtml(html.into())
            }
            Event::Text(ref t) | Event::Code(ref t) if image.is_some() => {
                if let Some(open) = image.as_mut() {
                    open.alt.push_str(t);
                }
                continue;
            }
            Event::Start(Tag::List(Some(_))) => {
                out.has_ordered_list = true;
                event
            }
            Event::Html(ref html) | Event::InlineHtml(ref html) => {
                has_raw_html = true;
                if let Some(danger) = dangerous_html(html) {
                    let (line, column) = positions.at(range.start);
                    diagnostics.push(
                        Diagnostic::new(Code::RawHtmlRemoved, path, line)
                            .at_column(column)
                            .arg("what", danger),
                    );
                }
                event
            }
            Event::Text(ref t) | Event::Code(ref t) => {
                if let Some(h) = heading.as_mut() {
                    h.text.push_str(t);
                } else {
                    plain.push_str(t);
                }
                event
            }
            Event::SoftBreak | Event::HardBreak => {
                plain.push(' ');
                event
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell) => {
                plain.push(' ');
                event
            }
            other => other,
        };
        match heading.as_mut() {
            Some(h) => h.inner.push(event),
            None => events.push(event),
        }
    }

    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if has_raw_html {
        html = sanitize(&html);
    }
    out.html = html;
    out.plain = collapse_whitespace(&plain);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::ids::Section;

    fn page(section: Section, slug: &str) -> PageId {
        PageId {
            section,
            slug: Slug::parse(slug).unwrap(),
        }
    }

    fn render_procedure(body: &str) -> (RenderedMarkdown, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let out = render(
            &Body {
                text: body,
                first_line: 5,
                id: &page(Section::Procedures, "a"),
                path: Path::new("content/procedures/a.md"),
                attachments: &Attachments::default(),
            },
            &mut diagnostics,
        );
        (out, diagnostics)
    }

    #[test]
    fn explicit_ids_and_duplicates() {
        let (out, _) = render_procedure("## Documenti {#docs}\n\n## Passi\n\n## Passi\n");
        let ids: Vec<_> = out.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["docs", "passi", "passi-1"]);
        assert!(out.html.contains("id=\"docs\""));
    }

    #[test]
    fn md_links_become_relative_page_links() {
        let (out, diagnostics) = render_procedure("Vai in [Questura](../offices/questura.md#orari).\n");
        assert!(diagnostics.is_empty());
        assert!(
            out.html.contains("href=\"../../offices/questura/index.html#orari\""),
            "{}",
            out.html
        );
        assert_eq!(out.links[0].target, page(Section::Offices, "questura"));
        assert_eq!(out.links[0].line, 5);
        assert_eq!(out.links[0].anchor.as_deref(), Some("orari"));
    }

    #[test]
    fn links_outside_content_are_errors_with_line() {
        let (_, diagnostics) = render_procedure("a\n\n[x](../../README.md)\n");
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].line, 7);
    }

    #[test]
    fn raw_html_is_sanitized_with_a_warning() {
        let (out, diagnostics) = render_procedure("<p onclick=\"x()\">hi</p>\n\n<script>alert(1)</script>\n");
        assert!(!out.html.contains("onclick"));
        assert!(!out.html.contains("<script"));
        assert_eq!(diagnostics.len(), 2);
    }

    #[test]
    fn code_is_highlighted_with_classes() {
        let (out, _) = render_procedure("```yaml\ntitle: x\n```\n");
        assert!(out.html.contains("class=\"hl-"), "{}", out.html);
        assert!(!out.html.contains("style="));
    }

    #[test]
    fn tables_and_footnotes() {
        let (out, _) = render_procedure("| a | b |\n|---|---|\n| 1 | 2 |\n\nNota[^1].\n\n[^1]: Fonte.\n");
        assert!(out.html.contains("<table>"));
        assert!(out.html.contains("footnote"));
        assert!(out.plain.contains("Fonte"));
    }
}
