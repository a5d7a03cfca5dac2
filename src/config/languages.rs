//! The languages of a site: each one's name, direction and interface
//! strings, from the site's `i18n/<code>.yaml` and the theme's file for it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_norway::Value;

use super::{read_text, yaml_error, SiteConfig};
use crate::content::LangCode;
use crate::diagnostics::{Code, Diagnostic};

/// Writing direction of a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    #[default]
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// i18n/<code>.yaml as written, in a site or in a theme.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageFile {
    /// The language's own name, shown in the switcher; a site's file may
    /// leave it to the theme.
    name: Option<String>,
    /// `ltr` or `rtl`; a site's file may leave it to the theme.
    dir: Option<Direction>,
    /// The keys a native speaker has checked (`all`, or a list). A theme's
    /// file without it has none checked; a site's file without it is its
    /// volunteers' own writing, all checked.
    #[serde(default)]
    reviewed: Option<Reviewed>,
    /// Interface strings; nested maps become dotted keys (`topics.salute`).
    #[serde(default)]
    strings: BTreeMap<String, Value>,
}

const LANGUAGE_FIELDS: &[&str] = &["name", "dir", "reviewed", "strings"];

/// Which strings of a language file a person has checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reviewed {
    All,
    Keys(std::collections::BTreeSet<String>),
}

impl Default for Reviewed {
    fn default() -> Self {
        Reviewed::Keys(Default::default())
    }
}

impl Reviewed {
    pub fn contains(&self, key: &str) -> bool {
        match self {
            Reviewed::All => true,
            Reviewed::Keys(keys) => keys.contains(key),
        }
    }
}

impl<'de> Deserialize<'de> for Reviewed {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Word(String),
            Keys(Vec<String>),
        }
        match Raw::deserialize(deserializer)? {
            Raw::Word(word) if word == "all" => Ok(Reviewed::All),
            Raw::Word(word) => Err(serde::de::Error::custom(format!(
                "`reviewed` is `all` or a list of keys, not `{word}`"
            ))),
            Raw::Keys(keys) => Ok(Reviewed::Keys(keys.into_iter().collect())),
        }
    }
}

/// A language's interface strings as one file gives them.
#[derive(Debug, Clone)]
pub struct StringsFile {
    pub strings: BTreeMap<String, String>,
    /// The checked keys, when the file says.
    pub reviewed: Option<Reviewed>,
    /// Where it was read from, for diagnostics.
    pub path: PathBuf,
    /// The line of each key in the file.
    pub key_lines: BTreeMap<String, usize>,
}

/// One language of the site.
#[derive(Debug, Clone)]
pub struct Language {
    pub code: LangCode,
    pub name: String,
    pub dir: Direction,
    /// The site's own strings (i18n/<code>.yaml), if it has the file.
    pub site: Option<StringsFile>,
    /// The theme's strings for the language, if the theme speaks it.
    pub theme: Option<StringsFile>,
}

impl Language {
    /// The file a volunteer edits for this language's strings.
    pub fn path(&self) -> PathBuf {
        self.site.as_ref().map_or_else(
            || PathBuf::from("i18n").join(format!("{}.yaml", self.code)),
            |s| s.path.clone(),
        )
    }
}

/// A language file read and flattened, with its name and direction.
struct ReadLanguage {
    name: Option<String>,
    dir: Option<Direction>,
    strings: StringsFile,
}

fn read_language(text: &str, path: PathBuf) -> Result<ReadLanguage, Diagnostic> {
    let file: LanguageFile =
        serde_norway::from_str(text).map_err(|err| yaml_error(Code::LanguageFile, &path, &err, LANGUAGE_FIELDS))?;
    let mut strings = BTreeMap::new();
    flatten("", &file.strings, &mut strings);
    Ok(ReadLanguage {
        name: file.name,
        dir: file.dir,
        strings: StringsFile {
            strings,
            reviewed: file.reviewed,
            key_lines: string_key_lines(text),
            path,
        },
    })
}

/// The theme's strings for `code`, if it speaks the language.
pub fn theme_strings(theme: &crate::theme::Theme, code: &str) -> Option<Result<StringsFile, Diagnostic>> {
    let text = theme.languages.get(code)?;
    let path = PathBuf::from("themes")
        .join(&theme.name)
        .join("i18n")
        .join(format!("{code}.yaml"));
    Some(read_language(text, path).map(|file| file.strings))
}

/// Every language of the site: its own i18n/<code>.yaml and the theme's
/// strings for it. A language the theme speaks needs no file of the site;
/// one it does not needs a file with at least its name.
pub fn load_languages(
    site: &Path,
    config: &SiteConfig,
    theme: &crate::theme::Theme,
) -> (Vec<Language>, Vec<Diagnostic>) {
    let mut languages = Vec::new();
    let mut diagnostics = Vec::new();
    for code in &config.languages {
        let theme_file = theme.languages.get(code.as_str()).and_then(|text| {
            let path = PathBuf::from("themes")
                .join(&theme.name)
                .join("i18n")
                .join(format!("{code}.yaml"));
            read_language(text, path).map_err(|d| diagnostics.push(d)).ok()
        });
        let path = PathBuf::from("i18n").join(format!("{code}.yaml"));
        let site_file = if site.join(&path).is_file() {
            match read_text(site, &path).and_then(|text| read_language(&text, path.clone())) {
                Ok(file) => Some(file),
                Err(diagnostic) => {
                    diagnostics.push(diagnostic);
                    continue;
                }
            }
        } else {
            None
        };
        let name = site_file
            .as_ref()
            .and_then(|f| f.name.clone())
            .or_else(|| theme_file.as_ref().and_then(|f| f.name.clone()));
        let Some(name) = name else {
            let diagnostic = if site_file.is_some() {
                Diagnostic::new(Code::LanguageNeedsName, &path, 1).arg("lang", code.as_str())
            } else {
                Diagnostic::new(Code::LanguageUnknownToTheme, &path, 0)
                    .arg("lang", code.as_str())
                    .arg(
                        "languages",
                        theme.languages.keys().cloned().collect::<Vec<_>>().join(", "),
                    )
            };
            diagnostics.push(diagnostic);
            continue;
        };
        let dir = site_file
            .as_ref()
            .and_then(|f| f.dir)
            .or_else(|| theme_file.as_ref().and_then(|f| f.dir))
            .unwrap_or_default();
        languages.push(Language {
            code: code.clone(),
            name,
            dir,
            site: site_file.map(|f| f.strings),
            theme: theme_file.map(|f| f.strings),
        });
    }
    (languages, diagnostics)
}

fn flatten(prefix: &str, map: &BTreeMap<String, Value>, out: &mut BTreeMap<String, String>) {
    for (key, value) in map {
        let full = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            Value::String(s) => {
                out.insert(full, s.clone());
            }
            Value::Number(n) => {
                out.insert(full, n.to_string());
            }
            Value::Bool(b) => {
                out.insert(full, b.to_string());
            }
            Value::Mapping(m) => {
                let nested: BTreeMap<String, Value> = m
                    .iter()
                    .filter_map(|(k, v)| k.as_str().map(|k| (k.to_owned(), v.clone())))
                    .collect();
                flatten(&full, &nested, out);
            }
            _ => {}
        }
    }
}

/// Lines of the keys under `strings:` (dotted for nested keys).
fn string_key_lines(text: &str) -> BTreeMap<String, usize> {
    let mut lines = BTreeMap::new();
    let mut stack: Vec<(usize, String)> = Vec::new();
    let mut in_strings = false;
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = line.len() - trimmed.len();
        if indent == 0 {
            in_strings = trimmed.starts_with("strings:");
            stack.clear();
            continue;
        }
        if !in_strings {
            continue;
        }
        if let Some((key, _)) = trimmed.split_once(':') {
            while stack.last().is_some_and(|(i, _)| *i >= indent) {
                stack.pop();
            }
            stack.push((indent, key.trim().to_owned()));
            let full: Vec<&str> = stack.iter().map(|(_, k)| k.as_str()).collect();
            lines.insert(full.join("."), index + 1);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_strings_are_flattened_with_their_lines() {
        let text = "name: Italiano\nstrings:\n  site_title: Sportello\n  topics:\n    salute: Salute\n";
        let file: LanguageFile = serde_norway::from_str(text).unwrap();
        assert_eq!(file.reviewed, None);
        let mut strings = BTreeMap::new();
        flatten("", &file.strings, &mut strings);
        assert_eq!(strings["topics.salute"], "Salute");
        let lines = string_key_lines(text);
        assert_eq!(lines["topics.salute"], 5);
        assert_eq!(lines["site_title"], 3);
    }
}
