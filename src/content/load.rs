//! Finds the Markdown sources under content/ and reads them as text,
//! accepting a byte-order mark and Windows line ends, and the files beside
//! them that pages may link (see [`attachments`]).

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use super::attachments::{self, Attachment, Attachments};
use super::ids::{LangCode, PageId, Section, Slug};
use crate::diagnostics::{Code, Diagnostic};

/// One Markdown file of content/, read and named but not yet parsed.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path relative to the site folder (`content/offices/x.en.md`).
    pub path: PathBuf,
    pub id: PageId,
    /// `None` for a source file, the language for a translation.
    pub lang: Option<LangCode>,
    /// The text, with any BOM removed and line ends as `\n`.
    pub text: String,
}

/// What content/ holds: the pages, and the files beside them.
#[derive(Debug, Default)]
pub struct Loaded {
    pub files: Vec<SourceFile>,
    pub attachments: Attachments,
    pub problems: Vec<Diagnostic>,
}

/// One file found in content/.
enum Found {
    Page(SourceFile),
    Attachment(Attachment),
}

/// Walks `site/content` and reads every page file and every attachment, in
/// parallel, pages sorted by path. Its problems come in no fixed order: the
/// callers sort them with all the others.
pub fn load_content(site: &Path) -> Loaded {
    let content = site.join("content");
    let mut loaded = Loaded::default();
    if !content.is_dir() {
        loaded
            .problems
            .push(Diagnostic::new(Code::NoContentFolder, "content", 0));
        return loaded;
    }
    // Files are read as the walk finds them, on every core, then put in the
    // order of their paths' bytes, whatever order the walk found them in.
    let found: Vec<Result<Found, Diagnostic>> = WalkDir::new(&content)
        .into_iter()
        .par_bridge()
        .filter_map(|entry| {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    let path = err
                        .path()
                        .map(|p| relative(site, p))
                        .unwrap_or_else(|| "content".into());
                    return Some(Err(cannot_read(path, &err.to_string())));
                }
            };
            if !entry.file_type().is_file() {
                return None;
            }
            let rel = relative(site, entry.path());
            match classify(&rel) {
                Ok(Some((id, lang))) => Some(read_source(entry.path(), rel, id, lang).map(Found::Page)),
                Ok(None) => attachments::read(entry.path(), rel)
                    .transpose()
                    .map(|read| read.map(Found::Attachment)),
                Err(diagnostic) => Some(Err(diagnostic)),
            }
        })
        .collect();
    for item in found {
        match item {
            Ok(Found::Page(file)) => loaded.files.push(file),
            Ok(Found::Attachment(attachment)) => loaded.attachments.insert(attachment),
            Err(diagnostic) => loaded.problems.push(diagnostic),
        }
    }
    loaded
        .files
        .sort_unstable_by(|a, b| a.path.as_os_str().cmp(b.path.as_os_str()));
    loaded
}

/// Reads one file of content/, given relative to the site folder: `None`
/// when it is not a page or no longer exists.
pub fn load_file(site: &Path, rel: &Path) -> Result<Option<SourceFile>, Diagnostic> {
    let Some((id, lang)) = classify(rel)? else {
        return Ok(None);
    };
    let abs = site.join(rel);
    if !abs.is_file() {
        return Ok(None);
    }
    read_source(&abs, rel.to_path_buf(), id, lang).map(Some)
}

/// Reads and decodes one page file.
fn read_source(abs: &Path, path: PathBuf, id: PageId, lang: Option<LangCode>) -> Result<SourceFile, Diagnostic> {
    let bytes = std::fs::read(abs).map_err(|err| cannot_read(path.clone(), &err.to_string()))?;
    let text = crate::text_file::decode_owned_text(bytes)
        .map_err(|(line, column)| Diagnostic::new(Code::NotUtf8, &path, line).at_column(column))?;
    Ok(SourceFile { path, id, lang, text })
}

fn relative(site: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(site).unwrap_or(path).to_path_buf()
}

/// The page and language of a file of content/, if it is a page.
pub fn page_of_path(rel: &Path) -> Option<(PageId, Option<LangCode>)> {
    classify(rel).ok().flatten()
}

/// Names a file of content/: its page and language, `None` for files that
/// are not pages (images, notes), or an error a volunteer must fix.
fn classify(rel: &Path) -> Result<Option<(PageId, Option<LangCode>)>, Diagnostic> {
    let parts: Vec<&str> = rel.iter().filter_map(|p| p.to_str()).collect();
    let file_name = parts.last().copied().unwrap_or_default();
    if !file_name.ends_with(".md") {
        return Ok(None);
    }
    if file_name.starts_with('.') || file_name.ends_with('~') {
        return Ok(None);
    }
    let stem = &file_name[..file_name.len() - 3];
    let (name, lang) = match stem.rsplit_once('.') {
        Some((name, code)) => {
            let lang = LangCode::parse(code)
                .map_err(|_| Diagnostic::new(Code::BadLanguageSuffix, rel, 0).arg("code", code))?;
            (name, Some(lang))
        }
        None => (stem, None),
    };
    match parts.as_slice() {
        ["content", _] if name == "_index" => Ok(Some((PageId::home(), lang))),
        ["content", _] => Err(Diagnostic::new(Code::PageOutsideSection, rel, 0).arg("sections", section_list())),
        ["content", folder, _] => {
            let Some(section) = Section::from_folder(folder) else {
                return Err(Diagnostic::new(Code::UnknownSectionFolder, rel, 0)
                    .arg("folder", *folder)
                    .arg("sections", section_list()));
            };
            if name == "_index" {
                return Ok(None);
            }
            let slug = Slug::parse(name).map_err(|_| {
                Diagnostic::new(Code::BadFileName, rel, 0)
                    .arg("name", name)
                    .arg("suggestion", crate::content::ids::suggest_slug(name))
            })?;
            Ok(Some((PageId { section, slug }, lang)))
        }
        _ => Err(Diagnostic::new(Code::NestedPageFolder, rel, 0)),
    }
}

/// The section folders, for messages.
fn section_list() -> String {
    Section::FOLDERS.map(Section::folder).join(", ")
}

/// A file or folder that cannot be read.
fn cannot_read(path: PathBuf, detail: &str) -> Diagnostic {
    Diagnostic::new(Code::CannotReadFile, path, 0).arg("detail", detail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_sources_and_translations() {
        let (id, lang) = classify(Path::new("content/offices/questura.en.md")).unwrap().unwrap();
        assert_eq!(id.to_string(), "offices/questura");
        assert_eq!(lang.unwrap().as_str(), "en");
        let (id, lang) = classify(Path::new("content/_index.md")).unwrap().unwrap();
        assert_eq!(id, PageId::home());
        assert!(lang.is_none());
        assert!(classify(Path::new("content/offices/Questura.md")).is_err());
        assert!(classify(Path::new("content/uffici/questura.md")).is_err());
        assert!(classify(Path::new("content/offices/logo.png")).unwrap().is_none());
    }
}
