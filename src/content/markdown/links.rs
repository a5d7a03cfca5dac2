//! Links written in a body: a link to another page's `.md` file becomes
//! the relative link to that page (and is remembered for checking), a link
//! to a file beside the pages the link to its published copy; other links
//! are kept, a `javascript:` one removed.

use std::borrow::Cow;
use std::path::Path;

use super::PageLink;
use crate::content::attachments::{self, Attachment, Attachments};
use crate::content::ids::{PageId, Section, Slug};
use crate::diagnostics::{Code, Diagnostic};

/// What the links of one body are resolved against.
pub struct Linking<'a> {
    /// The page the body belongs to.
    pub from: &'a PageId,
    /// The body's file, relative to the site folder.
    pub path: &'a Path,
    pub folder: FolderParts<'a>,
    /// From the page's folder up to its language's root (`../../`).
    pub up: String,
    /// From the page's folder up to the site's root (`../../../`).
    pub root: String,
    pub attachments: &'a Attachments,
}

/// What a link found, besides the address to publish.
pub enum Found<'a> {
    /// A page (or a heading) of the site.
    Page(PageLink),
    /// A file beside the pages.
    Attachment(&'a Attachment),
    Nothing,
}

impl<'a> Linking<'a> {
    /// Turns a link as written into the link to publish. Links to `.md`
    /// files become relative links to their pages, links to files beside
    /// the pages links to their published copies; others are kept.
    pub fn rewrite(
        &self,
        dest: &str,
        (line, column): (usize, usize),
        diagnostics: &mut Vec<Diagnostic>,
    ) -> (String, Found<'a>) {
        let problem = |code: Code| self.problem(code, dest, (line, column));
        if starts_with_ignoring_case(dest.trim_start(), "javascript:") {
            diagnostics.push(Diagnostic::new(Code::JavascriptLinkRemoved, self.path, line).at_column(column));
            return ("#".into(), Found::Nothing);
        }
        if is_email_address(dest) {
            return (format!("mailto:{}", dest.trim()), Found::Nothing);
        }
        if !is_relative(dest) {
            return (dest.to_owned(), Found::Nothing);
        }
        let (file, anchor) = match dest.split_once('#') {
            Some((file, anchor)) => (file, Some(anchor.to_owned()).filter(|a| !a.is_empty())),
            None => (dest, None),
        };
        if file.is_empty() {
            // A link to a heading of the same page.
            let found = match &anchor {
                Some(anchor) => Found::Page(PageLink {
                    target: self.from.clone(),
                    anchor: Some(anchor.clone()),
                    line,
                    column,
                    written: dest.into(),
                }),
                None => Found::Nothing,
            };
            return (dest.to_owned(), found);
        }
        if !file.ends_with(".md") {
            return self.file_link(dest, file, (line, column), diagnostics);
        }
        match resolve_page_path(&self.folder, file) {
            Some(target) => {
                let mut href = String::with_capacity(self.up.len() + 48);
                href.push_str(&self.up);
                target.push_folder_path(&mut href);
                href.push_str("index.html");
                if let Some(anchor) = &anchor {
                    href.push('#');
                    href.push_str(anchor);
                }
                let link = PageLink {
                    target,
                    anchor,
                    line,
                    column,
                    written: dest.into(),
                };
                (href, Found::Page(link))
            }
            None => {
                diagnostics.push(problem(Code::LinkOutsideContent));
                ("#".into(), Found::Nothing)
            }
        }
    }

    /// A problem with the link `dest`, at its line and column.
    fn problem(&self, code: Code, dest: &str, (line, column): (usize, usize)) -> Diagnostic {
        Diagnostic::new(code, self.path, line)
            .at_column(column)
            .arg("link", dest)
    }

    /// A link to a file that is not a page: a file beside the pages is
    /// published and linked; any other would be a broken link.
    fn file_link(
        &self,
        dest: &str,
        file: &str,
        (line, column): (usize, usize),
        diagnostics: &mut Vec<Diagnostic>,
    ) -> (String, Found<'a>) {
        let problem = |code: Code| self.problem(code, dest, (line, column));
        let resolved = resolve_path(&self.folder, file);
        let in_content = resolved
            .as_ref()
            .is_some_and(|parts| parts.first().is_some_and(|p| p == "content"));
        if !in_content {
            diagnostics.push(problem(Code::LinkToMissingFile));
            return (dest.to_owned(), Found::Nothing);
        }
        let path = resolved.unwrap_or_default().join("/");
        match self.attachments.get(&path) {
            Some(attachment) => (
                format!("{}{}", self.root, attachment.linked_path()),
                Found::Attachment(attachment),
            ),
            None if attachments::kind_of_name(&path).is_some() => {
                diagnostics.push(problem(Code::AttachmentMissing).arg("path", path));
                ("#".into(), Found::Nothing)
            }
            None => {
                diagnostics.push(problem(Code::UnpublishedFileType));
                ("#".into(), Found::Nothing)
            }
        }
    }

    /// The attachment an image's address names: `None` for an address on
    /// the web, and a problem for one that names no attachment.
    pub fn image(
        &self,
        dest: &str,
        (line, column): (usize, usize),
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<&'a Attachment> {
        if !is_relative(dest) {
            diagnostics.push(
                Diagnostic::new(Code::ImageNotPublished, self.path, line)
                    .at_column(column)
                    .arg("link", dest),
            );
            return None;
        }
        match self.file_link(
            dest,
            dest.split('#').next().unwrap_or(dest),
            (line, column),
            diagnostics,
        ) {
            (_, Found::Attachment(attachment)) => Some(attachment),
            _ => None,
        }
    }
}

/// Whether `text` starts with the ASCII `prefix`, in any case.
fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
}

pub fn is_relative(dest: &str) -> bool {
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
pub struct FolderParts<'a>(Option<Vec<&'a str>>);

impl<'a> FolderParts<'a> {
    /// The folder of the file at `path` (relative to the site folder).
    pub fn of(path: &'a Path) -> Self {
        let folder = path.parent().unwrap_or(Path::new("")).to_str();
        FolderParts(folder.map(|folder| folder.split('/').filter(|part| !matches!(*part, "" | ".")).collect()))
    }
}

/// The parts of the path a relative link names, from the site folder,
/// seen from the file whose folder is `folder`; none when it climbs above
/// the site folder. The parts borrow the link unless it had `%` escapes.
fn resolve_path<'a>(folder: &FolderParts<'a>, link: &'a str) -> Option<Vec<Cow<'a, str>>> {
    let mut resolved: Vec<Cow<'a, str>> = folder.0.as_deref()?.iter().map(|p| Cow::Borrowed(*p)).collect();
    match percent_decode(link) {
        Cow::Borrowed(decoded) => climb(&mut resolved, decoded, Cow::Borrowed)?,
        Cow::Owned(decoded) => climb(&mut resolved, &decoded, |part| Cow::Owned(part.to_owned()))?,
    }
    Some(resolved)
}

/// Follows the parts of `path` from `resolved`: `..` climbs, `.` and empty
/// parts stay. None for an absolute path or one that climbs too high.
fn climb<'a, 'p>(
    resolved: &mut Vec<Cow<'a, str>>,
    path: &'p str,
    part_of: impl Fn(&'p str) -> Cow<'a, str>,
) -> Option<()> {
    if path.starts_with('/') {
        return None;
    }
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                resolved.pop()?;
            }
            part => resolved.push(part_of(part)),
        }
    }
    Some(())
}

/// The page a relative `.md` path names, seen from the file whose folder
/// is `folder` (inside content/).
fn resolve_page_path(folder: &FolderParts, link: &str) -> Option<PageId> {
    let resolved = resolve_path(folder, link)?;
    let parts: Vec<&str> = resolved.iter().map(|part| &**part).collect();
    let file = parts.last()?.strip_suffix(".md")?;
    // A link may name a translation file; it means the same page.
    let stem = match file.rsplit_once('.') {
        Some((stem, lang)) if lang.len() == 2 => stem,
        _ => file,
    };
    match parts.as_slice() {
        ["content", _] if stem == "_index" => Some(PageId::home()),
        ["content", folder, _] => Some(PageId {
            section: Section::from_folder(folder)?,
            slug: Slug::parse(stem).ok()?,
        }),
        _ => None,
    }
}

/// An e-mail address written as a link without `mailto:`.
fn is_email_address(dest: &str) -> bool {
    let dest = dest.trim();
    match dest.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty()
                && domain.contains('.')
                && !dest.contains('/')
                && !dest.contains(':')
                && !dest.contains(' ')
        }
        None => false,
    }
}

/// `%xx` escapes decoded; the result read as UTF-8, lossily.
fn percent_decode(text: &str) -> Cow<'_, str> {
    percent_encoding::percent_decode_str(text).decode_utf8_lossy()
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
}
