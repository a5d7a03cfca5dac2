//! The names that identify things in a site: slugs, language codes, sections
//! and pages. Each is checked once, where it is read, and is valid after.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

/// A page's file name without language and extension: lowercase ASCII
/// letters, digits and `-`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    pub fn parse(text: &str) -> Result<Self, String> {
        if text.is_empty() {
            return Err("a slug cannot be empty".into());
        }
        if text.bytes().all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-')) {
            return Ok(Self(text.to_owned()));
        }
        if let Some(bad) = text
            .chars()
            .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
        {
            return Err(format!(
                "`{text}` is not a valid name: `{bad}` is not allowed; use only lowercase letters a-z, digits and `-` (for example `{}`)",
                suggest_slug(text)
            ));
        }
        Ok(Self(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A valid slug close to `text`: lowercase, accents dropped, other
/// characters turned into `-`.
pub fn suggest_slug(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    for c in text.nfd() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c.is_ascii() && !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_matches('-');
    if trimmed.is_empty() {
        "my-page".into()
    } else {
        trimmed.into()
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Slug {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Slug::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// An ISO 639-1 language code: two lowercase ASCII letters (`it`, `ar`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct LangCode(String);

impl LangCode {
    pub fn parse(text: &str) -> Result<Self, String> {
        if text.len() == 2 && text.chars().all(|c| c.is_ascii_lowercase()) {
            Ok(Self(text.to_owned()))
        } else {
            Err(format!(
                "`{text}` is not a language code: use the two-letter ISO 639-1 code in lowercase (it, en, fr, ar, uk, ur…)"
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for LangCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for LangCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        LangCode::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// A folder of content/, or the home page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    Home,
    Comuni,
    Offices,
    Services,
    Procedures,
    Glossary,
    /// Dated notices: courses, deadlines, events, changes of hours.
    News,
    Pages,
}

impl Section {
    /// Every section with a folder, in the order the site lists them.
    pub const FOLDERS: [Section; 7] = [
        Section::Procedures,
        Section::Offices,
        Section::Services,
        Section::Comuni,
        Section::Glossary,
        Section::News,
        Section::Pages,
    ];

    pub fn from_folder(name: &str) -> Option<Self> {
        Self::FOLDERS.into_iter().find(|s| s.folder() == name)
    }

    /// The folder name in content/ and in the published site.
    pub fn folder(self) -> &'static str {
        match self {
            Section::Home => "",
            Section::Comuni => "comuni",
            Section::Offices => "offices",
            Section::Services => "services",
            Section::Procedures => "procedures",
            Section::Glossary => "glossary",
            Section::News => "news",
            Section::Pages => "pages",
        }
    }

    /// Whether the section gets a list page of its own.
    pub fn has_list(self) -> bool {
        !matches!(self, Section::Home | Section::Pages)
    }
}

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Section::Home => f.write_str("home page"),
            other => f.write_str(other.folder()),
        }
    }
}

/// A page is identified by its section and slug.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct PageId {
    pub section: Section,
    pub slug: Slug,
}

impl PageId {
    pub fn home() -> Self {
        Self {
            section: Section::Home,
            slug: Slug("index".into()),
        }
    }

    /// The page's folder below a language's root, with a trailing `/`
    /// (empty for the home page).
    pub fn folder_path(&self) -> String {
        let mut path = String::with_capacity(self.slug.as_str().len() + 16);
        self.push_folder_path(&mut path);
        path
    }

    /// How deep the page's folder is below its language's root: links
    /// from it go up this many folders.
    pub fn depth(&self) -> usize {
        match self.section {
            Section::Home => 0,
            _ => 2,
        }
    }

    /// [`PageId::folder_path`] appended to `out`.
    pub fn push_folder_path(&self, out: &mut String) {
        if self.section != Section::Home {
            out.push_str(self.section.folder());
            out.push('/');
            out.push_str(self.slug.as_str());
            out.push('/');
        }
    }

    /// The path of the source file, relative to content/.
    pub fn source_path(&self) -> String {
        match self.section {
            Section::Home => "_index.md".into(),
            section => format!("{}/{}.md", section.folder(), self.slug),
        }
    }
}

impl fmt::Display for PageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.section {
            Section::Home => f.write_str("home page"),
            section => write!(f, "{}/{}", section.folder(), self.slug),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_accept_lowercase_digits_and_dashes() {
        assert!(Slug::parse("rinnovo-permesso-2").is_ok());
        let err = Slug::parse("Rinnovo_Permesso").unwrap_err();
        assert!(err.contains("rinnovo-permesso"), "{err}");
        assert!(Slug::parse("città").is_err());
        assert_eq!(suggest_slug("Città di Isernia"), "citta-di-isernia");
    }

    #[test]
    fn language_codes_are_two_lowercase_letters() {
        assert!(LangCode::parse("ar").is_ok());
        assert!(LangCode::parse("AR").is_err());
        assert!(LangCode::parse("ara").is_err());
    }
}
