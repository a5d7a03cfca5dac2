//! The files beside the pages: which a page links (and are published), and
//! the problems of the others — a file no page links, a file too heavy for
//! readers on costly data.

use std::collections::HashSet;

use crate::content::attachments::{self, slash_path, Attachment, Kind};
use crate::content::Attachments;
use crate::diagnostics::{Code, Diagnostic};

use super::Page;

/// A photo larger than this is worth a smaller copy in the portal.
const LARGE_IMAGE: u64 = 5 * 1024 * 1024;
/// A document larger than this costs readers on paid data.
const LARGE_DOCUMENT: u64 = 2 * 1024 * 1024;

/// The slash paths of the attachments some page links, shows or lists
/// among its forms.
pub fn used(pages: &[Page]) -> HashSet<String> {
    let in_bodies = pages
        .iter()
        .flat_map(|page| std::iter::once(&page.source).chain(page.translations.values()))
        .flat_map(|doc| doc.body.attachments.iter().cloned());
    let forms = pages.iter().flat_map(|page| {
        page.facts()
            .forms
            .iter()
            .filter_map(|form| attachments::beside(&page.source.path, &form.file))
    });
    in_bodies.chain(forms).collect()
}

/// The forms a page lists that are not beside it.
fn missing_forms(pages: &[Page], attachments: &Attachments) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for page in pages {
        for form in &page.facts().forms {
            let path = attachments::beside(&page.source.path, &form.file);
            if path.as_deref().is_none_or(|p| attachments.get(p).is_none()) {
                problems.push(
                    Diagnostic::new(Code::FormMissing, &page.source.path, page.source.line_of("forms"))
                        .arg("file", form.file.as_str())
                        .arg("path", path.unwrap_or_else(|| form.file.clone())),
                );
            }
        }
    }
    problems
}

pub fn problems(pages: &[Page], attachments: &Attachments, folder: &std::path::Path) -> Vec<Diagnostic> {
    let used = used(pages);
    let mut problems = missing_forms(pages, attachments);
    for attachment in attachments.iter() {
        let path = slash_path(&attachment.path);
        if !used.contains(path.as_str()) {
            let name = attachment
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            problems.push(
                Diagnostic::new(Code::AttachmentUnused, &attachment.path, 0)
                    .arg("path", path.as_str())
                    .arg("name", name),
            );
            continue;
        }
        if attachment.kind == Kind::Svg {
            if let Ok(text) = std::fs::read_to_string(folder.join(&attachment.path)) {
                for what in crate::content::svg::clean(&text).removed {
                    problems.push(
                        Diagnostic::new(Code::SvgCleaned, &attachment.path, 0)
                            .arg("path", path.as_str())
                            .arg("what", what),
                    );
                }
            }
        }
        if let Some(kind) = too_large(attachment) {
            problems.push(
                Diagnostic::new(Code::AttachmentLarge, &attachment.path, 0)
                    .arg("path", path.as_str())
                    .arg("size", human_size(attachment.size))
                    .arg("kind", kind),
            );
        }
    }
    problems
}

/// `image` or `document` when the file is over the weight for its kind.
fn too_large(attachment: &Attachment) -> Option<&'static str> {
    match attachment.kind {
        Kind::Raster { .. } if attachment.size > LARGE_IMAGE => Some("image"),
        Kind::Document(_) | Kind::Svg if attachment.size > LARGE_DOCUMENT => Some("document"),
        _ => None,
    }
}

/// A size as readers read it: `180 KB`, `2.4 MB`.
pub fn human_size(bytes: u64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024).max(1))
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_shown_as_readers_read_them() {
        assert_eq!(human_size(180 * 1024), "180 KB");
        assert_eq!(human_size(10), "1 KB");
        assert_eq!(human_size(2_516_582), "2.4 MB");
    }
}
