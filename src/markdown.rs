//! Markdown to HTML for one page body: heading ids, links to other pages
//! written as `.md` paths, code highlighted with CSS classes, raw HTML
//! sanitized, and the plain text for search.

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::Path;
use std::sync::OnceLock;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use crate::content::ids::{PageId, Section, Slug};
use crate::diagnostics::Diagnostic;

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
}

fn syntax_set() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
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

/// Converts `body`, which starts at line `first_line` of `path`.
pub fn render(
    body: &str,
    first_line: usize,
    id: &PageId,
    path: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> RenderedMarkdown {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_TASKLISTS;
    let mut positions = Positions::new(body, first_line);

    let up = "../".repeat(id.depth());
    let folder = FolderParts::of(path);
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
                let dest = rewrite_link(
                    &dest_url,
                    id,
                    path,
                    &folder,
                    (line, column),
                    &up,
                    &mut out.links,
                    diagnostics,
                );
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: dest.into(),
                    title,
                    id: link_id,
                })
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id: image_id,
            }) => {
                if is_relative(&dest_url) {
                    let (line, column) = positions.at(range.start);
                    diagnostics.push(
                        Diagnostic::warning(path, line, format!("the image `{dest_url}` is not published with the site"))
                            .at_column(column)
                            .with_hint("put images in themes/<name>/static/ and link them with an absolute https:// address, or leave them out"),
                    );
                }
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id: image_id,
                })
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
                        Diagnostic::warning(
                            path,
                            line,
                            format!("{danger} removed from the HTML written in the page"),
                        )
                        .at_column(column)
                        .with_hint(
                            "write the text in Markdown; scripts, frames and event attributes are never published",
                        ),
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

/// Line and column of byte offsets of a text, asked in increasing order as
/// a parser meets them: each is counted on from the one before.
struct Positions<'a> {
    text: &'a str,
    first_line: usize,
    offset: usize,
    /// Lines before `offset`, and where the line of `offset` starts.
    line: usize,
    line_start: usize,
    /// Characters from `line_start` to `offset`.
    column: usize,
}

impl<'a> Positions<'a> {
    fn new(text: &'a str, first_line: usize) -> Self {
        Positions {
            text,
            first_line,
            offset: 0,
            line: 0,
            line_start: 0,
            column: 0,
        }
    }

    /// The 1-based line (counted from `first_line`) and column of `offset`.
    fn at(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            *self = Positions::new(self.text, self.first_line);
        }
        let from = self.offset;
        let mut counted_from = from;
        for newline in memchr::memchr_iter(b'\n', &self.text.as_bytes()[from..offset]) {
            self.line += 1;
            self.line_start = from + newline + 1;
            counted_from = self.line_start;
            self.column = 0;
        }
        self.column += self.text[counted_from..offset].chars().count();
        self.offset = offset;
        (self.first_line + self.line, self.column + 1)
    }
}

/// `text` with every run of white space made one space, trimmed. Text is
/// copied in long stretches: a single space between words, by far the most
/// common white space, needs no copy of its own.
fn collapse_whitespace(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut stretch_start = skip_whitespace(text, 0);
    let mut i = stretch_start;
    // Below this, bytes are looked at one by one.
    let mut one_by_one_until = 0;
    while i < bytes.len() {
        if i >= one_by_one_until {
            match bytes.get(i..i + 9) {
                Some(window) if !may_hold_whitespace_to_collapse(window) => {
                    i += 8;
                    continue;
                }
                Some(_) => one_by_one_until = i + 8,
                None => one_by_one_until = bytes.len(),
            }
        }
        let byte = bytes[i];
        if !MAY_START_WHITESPACE[usize::from(byte)] {
            i += 1;
            continue;
        }
        if byte == b' '
            && bytes
                .get(i + 1)
                .is_some_and(|next| !MAY_START_WHITESPACE[usize::from(*next)])
        {
            i += 2;
            continue;
        }
        if whitespace_at(text, i).is_none() {
            i += 1;
            continue;
        }
        let run_end = skip_whitespace(text, i);
        if run_end == bytes.len() {
            break;
        }
        if byte == b' ' && run_end == i + 1 {
            i = run_end;
            continue;
        }
        out.push_str(&text[stretch_start..i]);
        out.push(' ');
        stretch_start = run_end;
        i = run_end;
    }
    out.push_str(&text[stretch_start..i.min(bytes.len())]);
    out
}

/// Whether the first eight bytes of `window` (nine bytes long) may hold
/// white space other than single spaces between words: a byte that may
/// start white space (a control character; 0xC2, the first byte of U+0085
/// and U+00A0; 0xE0–0xE3, that of U+1680 on) or a space followed by one.
/// Eight bytes are tested at once, as the bytes of a word.
fn may_hold_whitespace_to_collapse(window: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // 0x80 in each byte of `v` that is 0.
    let zero_bytes = |v: u64| !(((v & !HIGH) + !HIGH) | v | !HIGH);
    // 0x80 in each byte that is a space, and in each other byte that may
    // start white space.
    let classes = |v: u64| {
        let below_space = !(((v & !HIGH) + 0x60 * ONES) | v) & HIGH;
        let first_bytes = zero_bytes(v ^ (0xc2 * ONES)) | zero_bytes((v & (0xfc * ONES)) ^ (0xe0 * ONES));
        (zero_bytes(v ^ (0x20 * ONES)), below_space | first_bytes)
    };
    let word = |at: usize| u64::from_le_bytes(window[at..at + 8].try_into().unwrap_or_default());
    let (spaces, others) = classes(word(0));
    let (next_spaces, next_others) = classes(word(1));
    others | (spaces & (next_spaces | next_others)) != 0
}

/// The bytes a white-space character can start with.
const MAY_START_WHITESPACE: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = matches!(
            i as u8,
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0xc2 | 0xe1 | 0xe2 | 0xe3
        );
        i += 1;
    }
    table
};

/// The end of the white space starting at byte `i` of `text`.
fn skip_whitespace(text: &str, mut i: usize) -> usize {
    while i < text.len() {
        match whitespace_at(text, i) {
            Some(len) => i += len,
            None => break,
        }
    }
    i
}

/// The length of the white-space character at byte `i` of `text`, if
/// there is one there. Only the bytes that can start white space are
/// decoded: every other byte, inside a character or not, is not a space.
fn whitespace_at(text: &str, i: usize) -> Option<usize> {
    match text.as_bytes()[i] {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => Some(1),
        // The first bytes of U+0085, U+00A0, U+1680, U+2000–U+205F and U+3000.
        0xc2 | 0xe1 | 0xe2 | 0xe3 => text
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .filter(|c| c.is_whitespace())
            .map(char::len_utf8),
        _ => None,
    }
}

/// Turns a link as written into the link to publish. Links to `.md` files
/// of the site become relative links to their pages and are remembered for
/// checking; others are kept.
#[allow(clippy::too_many_arguments)]
fn rewrite_link(
    dest: &str,
    from: &PageId,
    path: &Path,
    folder: &FolderParts,
    (line, column): (usize, usize),
    up: &str,
    links: &mut Vec<PageLink>,
    diagnostics: &mut Vec<Diagnostic>,
) -> String {
    if starts_with_ignoring_case(dest.trim_start(), "javascript:") {
        diagnostics.push(
            Diagnostic::warning(path, line, "a `javascript:` link was removed")
                .at_column(column)
                .with_hint("link to a page or to an https:// address"),
        );
        return "#".into();
    }
    if !is_relative(dest) {
        return dest.to_owned();
    }
    let (file, anchor) = match dest.split_once('#') {
        Some((file, anchor)) => (file, Some(anchor.to_owned()).filter(|a| !a.is_empty())),
        None => (dest, None),
    };
    if file.is_empty() {
        // A link to a heading of the same page.
        if let Some(anchor) = &anchor {
            links.push(PageLink {
                target: from.clone(),
                anchor: Some(anchor.clone()),
                line,
                column,
                written: dest.into(),
            });
        }
        return dest.to_owned();
    }
    if !file.ends_with(".md") {
        diagnostics.push(
            Diagnostic::warning(
                path,
                line,
                format!("`{dest}` links to a file that is not a page; it will not work on the published site"),
            )
            .at_column(column)
            .with_hint("link a page by its .md file, for example ../offices/questura-isernia.md"),
        );
        return dest.to_owned();
    }
    match resolve_page_path(folder, file) {
        Some(target) => {
            let mut href = String::with_capacity(up.len() + 48);
            href.push_str(up);
            target.push_folder_path(&mut href);
            href.push_str("index.html");
            if let Some(anchor) = &anchor {
                href.push('#');
                href.push_str(anchor);
            }
            links.push(PageLink {
                target,
                anchor,
                line,
                column,
                written: dest.into(),
            });
            href
        }
        None => {
            diagnostics.push(
                Diagnostic::error(path, line, format!("the link `{dest}` does not point to a page of content/"))
                    .at_column(column)
                    .with_hint("write the path of the page's .md file relative to this file, for example ../offices/questura-isernia.md"),
            );
            "#".into()
        }
    }
}

/// Whether `text` starts with the ASCII `prefix`, in any case.
fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
}

fn is_relative(dest: &str) -> bool {
    let dest = dest.trim_start();
    let starts_with = |prefix: &str| starts_with_ignoring_case(dest, prefix);
    !(dest.contains("://")
        || starts_with("mailto:")
        || starts_with("tel:")
        || starts_with("geo:")
        || starts_with("data:")
        || dest.starts_with('/'))
}

/// The parts of the folder of a file, as `Path` would split them ("" and
/// "." stand for nothing), taken once for all the links of the file.
struct FolderParts<'a>(Option<Vec<&'a str>>);

impl<'a> FolderParts<'a> {
    /// The folder of the file at `path` (relative to the site folder).
    fn of(path: &'a Path) -> Self {
        let folder = path.parent().unwrap_or(Path::new("")).to_str();
        FolderParts(folder.map(|folder| folder.split('/').filter(|part| !matches!(*part, "" | ".")).collect()))
    }
}

/// The page a relative `.md` path names, seen from the file whose folder
/// is `folder` (inside content/).
fn resolve_page_path(folder: &FolderParts, link: &str) -> Option<PageId> {
    let decoded = if link.contains('%') {
        Cow::Owned(percent_decode(link))
    } else {
        Cow::Borrowed(link)
    };
    if decoded.starts_with('/') {
        return None;
    }
    // The parts of the page's folder, then of the link.
    let folder = folder.0.as_deref()?;
    let mut resolved: Vec<&str> = Vec::with_capacity(folder.len() + 2);
    resolved.extend_from_slice(folder);
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                resolved.pop()?;
            }
            part => resolved.push(part),
        }
    }
    let file = resolved.last()?.strip_suffix(".md")?;
    // A link may name a translation file; it means the same page.
    let stem = match file.rsplit_once('.') {
        Some((stem, lang)) if lang.len() == 2 => stem,
        _ => file,
    };
    match resolved.as_slice() {
        ["content", _] if stem == "_index" => Some(PageId::home()),
        ["content", folder, _] => Some(PageId {
            section: Section::from_folder(folder)?,
            slug: Slug::parse(stem).ok()?,
        }),
        _ => None,
    }
}

/// `%xx` escapes decoded; the result read as UTF-8, lossily.
pub(crate) fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(byte) = u8::from_str_radix(&text[i + 1..i + 3], 16) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The id a heading gets from its text: lowercased, spaces to `-`,
/// punctuation dropped, letters and marks of every script kept.
pub fn heading_id(text: &str) -> String {
    let mut id = String::new();
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c) || c == '-' || c == '_' {
            id.push(c);
        } else if c.is_whitespace() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_matches('-').to_owned();
    if id.is_empty() {
        "section".into()
    } else {
        id
    }
}

fn highlight(lang: &str, code: &str) -> String {
    let set = syntax_set();
    let syntax = set
        .find_syntax_by_token(lang)
        .unwrap_or_else(|| set.find_syntax_plain_text());
    let mut generator =
        ClassedHTMLGenerator::new_with_class_style(syntax, set, ClassStyle::SpacedPrefixed { prefix: "hl-" });
    for line in LinesWithEndings::from(code) {
        if generator.parse_html_for_line_which_includes_newline(line).is_err() {
            return format!("<pre class=\"code\"><code>{}</code></pre>\n", escape_html(code));
        }
    }
    format!("<pre class=\"code\"><code>{}</code></pre>\n", generator.finalize())
}

pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    escape_html_into(&mut out, text);
    out
}

/// [`escape_html`] appended to `out`: `&`, `<`, `>`, `"` and `'` become
/// entities, found sixteen bytes at a time.
pub fn escape_html_into(out: &mut String, text: &str) {
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut *out, text);
}

/// What a piece of raw HTML holds that will not be published.
fn dangerous_html(html: &str) -> Option<&'static str> {
    let lower = html.to_ascii_lowercase();
    if lower.contains("<script") {
        Some("a <script>")
    } else if lower.contains("<iframe") || lower.contains("<frame") {
        Some("an <iframe>")
    } else if lower.contains("<object") || lower.contains("<embed") {
        Some("an embedded object")
    } else if lower.contains("javascript:") {
        Some("a `javascript:` address")
    } else if lower.contains("<style") || lower.contains("style=") {
        Some("styling")
    } else if has_event_attribute(&lower) {
        Some("an event attribute (on…=)")
    } else if lower.contains("<form") || lower.contains("<input") {
        Some("a form")
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
fn sanitize(html: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_paths_resolve_from_the_linking_file() {
        let from = Path::new("content/procedures/rinnovo.md");
        let page = |section: Section, slug: &str| Some(page(section, slug));
        let resolve = |link: &str| resolve_page_path(&FolderParts::of(from), link);
        assert_eq!(resolve("../offices/questura.md"), page(Section::Offices, "questura"));
        assert_eq!(resolve("..//offices/./questura.md"), page(Section::Offices, "questura"));
        assert_eq!(
            resolve("codice-fiscale.md"),
            page(Section::Procedures, "codice-fiscale")
        );
        assert_eq!(
            resolve("./codice-fiscale.en.md"),
            page(Section::Procedures, "codice-fiscale")
        );
        assert_eq!(resolve("../../content/glossary/stp.md"), page(Section::Glossary, "stp"));
        assert_eq!(resolve("../_index.md"), Some(PageId::home()));
        assert_eq!(resolve("../offices/quest%75ra.md"), page(Section::Offices, "questura"));
        assert_eq!(resolve("/content/offices/questura.md"), None);
        assert_eq!(resolve("../../../offices/questura.md"), None);
        assert_eq!(resolve("../unknown/questura.md"), None);
        assert_eq!(resolve("../offices/Questura.md"), None);
    }

    fn page(section: Section, slug: &str) -> PageId {
        PageId {
            section,
            slug: Slug::parse(slug).unwrap(),
        }
    }

    fn render_procedure(body: &str) -> (RenderedMarkdown, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let out = render(
            body,
            5,
            &page(Section::Procedures, "a"),
            Path::new("content/procedures/a.md"),
            &mut diagnostics,
        );
        (out, diagnostics)
    }

    #[test]
    fn positions_count_lines_and_columns_in_any_order() {
        let text = "uno\ndue è\ntre";
        let mut positions = Positions::new(text, 5);
        assert_eq!(positions.at(0), (5, 1));
        assert_eq!(positions.at(text.find('è').unwrap() + 2), (6, 6));
        assert_eq!(positions.at(text.find("tre").unwrap()), (7, 1));
        assert_eq!(positions.at(2), (5, 3));
        assert_eq!(positions.at(text.len()), (7, 4));
        // Several positions on one line, each counted on from the last.
        let mut positions = Positions::new(text, 1);
        assert_eq!(positions.at(4), (2, 1));
        assert_eq!(positions.at(8), (2, 5));
        assert_eq!(positions.at(8), (2, 5));
        assert_eq!(positions.at(10), (2, 6));
        assert_eq!(positions.at(12), (3, 2));
    }

    #[test]
    fn white_space_is_collapsed_wherever_it_falls_in_a_word_of_bytes() {
        let pieces = [
            "a",
            "é",
            "مكتب",
            " ",
            "  ",
            "\t",
            "\n",
            "\u{a0}",
            "\u{2009}",
            "\u{3000}",
            "’",
            "«",
            "\u{85}",
            "\u{1680}",
            "x\u{e000}",
            "\r\n",
        ];
        // Random runs of up to six pieces, after a prefix of 0 to 9 bytes
        // that moves them across the words of eight bytes.
        let mut state = 7u32;
        for _ in 0..20_000 {
            let mut text = "0123456789".to_owned();
            let offset = (state % 10) as usize;
            text.drain(..offset);
            for _ in 0..(state % 7) {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                text.push_str(pieces[(state >> 16) as usize % pieces.len()]);
                text.push_str(&"word ".repeat((state >> 8) as usize % 3));
            }
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse_whitespace(&text), expected, "{text:?}");
        }
    }

    #[test]
    fn white_space_of_every_kind_is_collapsed() {
        for text in [
            " Uno\u{a0}\u{a0}due\t\n tre\u{3000}أربعة  perché\u{2009}cinque ",
            "l’ufficio – aperto «sempre»\n\nsì",
            "a b  c \u{a0}d\u{85}e\u{2028}",
            "\t\tfine",
            "x ",
        ] {
            let expected: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(collapse_whitespace(text), expected.join(" "), "{text:?}");
        }
        assert_eq!(collapse_whitespace("   "), "");
        assert_eq!(collapse_whitespace("è"), "è");
    }

    #[test]
    fn html_special_characters_become_entities_in_any_text() {
        assert_eq!(escape_html(""), "");
        assert_eq!(escape_html("a<b"), "a&lt;b");
        // Longer than a vector of bytes, with the characters at its edges.
        let text = "<Questura & \"Prefettura\">: l'ufficio è aperto — مكتب الهجرة '>'";
        assert_eq!(
            escape_html(text),
            "&lt;Questura &amp; &quot;Prefettura&quot;&gt;: l&#39;ufficio è aperto — مكتب الهجرة &#39;&gt;&#39;"
        );
    }

    #[test]
    fn heading_ids_keep_every_script() {
        assert_eq!(heading_id("Documenti da portare!"), "documenti-da-portare");
        assert_eq!(heading_id("الوثائق المطلوبة"), "الوثائق-المطلوبة");
        assert_eq!(heading_id("Perché?"), "perché");
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
