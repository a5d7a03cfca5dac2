//! The site's settings (site.yaml) and its languages (i18n/<code>.yaml).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_norway::Value;

use crate::content::{LangCode, Slug};
use crate::diagnostics::{nearest, Diagnostic};
use crate::text_file::decode_text;

/// site.yaml: the portal's settings. It holds no translatable text.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Where the site is published, for absolute links search engines need.
    pub base_url: String,
    /// The language every page is first written in.
    pub source_language: LangCode,
    /// The languages, in the order of the language switcher.
    pub languages: Vec<LangCode>,
    /// The theme: built in, and overridden file by file by themes/<name>/.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// The topics pages can be filed under.
    #[serde(default)]
    pub topics: Vec<Slug>,
    /// A page not reviewed for this many days is flagged.
    #[serde(default = "default_review_days")]
    pub review_after_days: u32,
    /// Optional: where volunteers edit files online (for example a
    /// repository's edit address ending in `/`); the translation dashboard
    /// links each file there.
    #[serde(default)]
    pub edit_url: Option<String>,
    /// Optional: the office page (an offices/ slug) of the help desk. Its
    /// contact is shown in every page's footer and wherever a page tells
    /// readers to ask the help desk.
    #[serde(default)]
    pub help_desk: Option<Slug>,
}

fn default_theme() -> String {
    "default".into()
}

fn default_review_days() -> u32 {
    365
}

const SITE_FIELDS: &[&str] = &[
    "base_url",
    "source_language",
    "languages",
    "theme",
    "topics",
    "review_after_days",
    "edit_url",
    "help_desk",
];

impl SiteConfig {
    /// `base_url` without a trailing `/`.
    pub fn base(&self) -> &str {
        self.base_url.trim_end_matches('/')
    }
}

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

/// i18n/<code>.yaml as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageFile {
    /// The language's own name, shown in the switcher.
    name: String,
    /// `ltr` (default) or `rtl`.
    #[serde(default)]
    dir: Direction,
    /// Interface strings; nested maps become dotted keys (`topics.salute`).
    #[serde(default)]
    strings: BTreeMap<String, Value>,
}

/// One language of the site, with its interface strings flattened.
#[derive(Debug, Clone)]
pub struct Language {
    pub code: LangCode,
    pub name: String,
    pub dir: Direction,
    pub strings: BTreeMap<String, String>,
    /// Where it was read from, for diagnostics.
    pub path: PathBuf,
    /// The line of each key in the file.
    pub key_lines: BTreeMap<String, usize>,
}

/// Reads site.yaml.
pub fn load_site_config(site: &Path) -> Result<SiteConfig, Diagnostic> {
    let path = PathBuf::from("site.yaml");
    let text = read_text(site, &path)?;
    let config: SiteConfig = serde_norway::from_str(&text).map_err(|err| yaml_error(&path, &err, SITE_FIELDS))?;
    if config.languages.is_empty() {
        return Err(Diagnostic::error(&path, 0, "`languages` is empty")
            .with_hint("list the site's languages, source first: languages: [it, en]"));
    }
    if !config.languages.contains(&config.source_language) {
        return Err(Diagnostic::error(
            &path,
            0,
            format!("the source language `{}` is not in `languages`", config.source_language),
        )
        .with_hint(format!("add {} to languages", config.source_language)));
    }
    if !(config.base_url.starts_with("https://") || config.base_url.starts_with("http://")) {
        return Err(Diagnostic::error(
            &path,
            0,
            format!("`base_url` is `{}`, not a web address", config.base_url),
        )
        .with_hint("write the address the site is published at, for example https://sportello.example.org"));
    }
    let mut seen = std::collections::HashSet::new();
    for lang in &config.languages {
        if !seen.insert(lang) {
            return Err(
                Diagnostic::error(&path, 0, format!("`{lang}` is listed twice in `languages`"))
                    .with_hint("list each language once"),
            );
        }
    }
    Ok(config)
}

/// Reads i18n/<code>.yaml for every language of the site.
pub fn load_languages(site: &Path, config: &SiteConfig) -> (Vec<Language>, Vec<Diagnostic>) {
    let mut languages = Vec::new();
    let mut diagnostics = Vec::new();
    for code in &config.languages {
        let path = PathBuf::from("i18n").join(format!("{code}.yaml"));
        if !site.join(&path).is_file() {
            diagnostics.push(
                Diagnostic::error(&path, 0, format!("the language `{code}` of site.yaml has no i18n file"))
                    .with_hint(format!("create i18n/{code}.yaml with `name:` (the language's own name) and `dir:`, or remove `{code}` from languages in site.yaml")),
            );
            continue;
        }
        match read_text(site, &path).and_then(|text| {
            let file: LanguageFile =
                serde_norway::from_str(&text).map_err(|err| yaml_error(&path, &err, &["name", "dir", "strings"]))?;
            Ok((file, text))
        }) {
            Ok((file, text)) => {
                let mut strings = BTreeMap::new();
                flatten("", &file.strings, &mut strings);
                languages.push(Language {
                    code: code.clone(),
                    name: file.name,
                    dir: file.dir,
                    strings,
                    key_lines: string_key_lines(&text),
                    path,
                });
            }
            Err(diagnostic) => diagnostics.push(diagnostic),
        }
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

fn read_text(site: &Path, path: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(site.join(path)).map_err(|err| {
        let hint = if path == Path::new("site.yaml") {
            "run sportello in the portal's folder, or give it with --site DIR; `sportello init DIR` starts a new portal"
        } else {
            "check that the file exists and can be read"
        };
        Diagnostic::error(path, 0, format!("cannot read the file: {err}")).with_hint(hint)
    })?;
    decode_text(&bytes).map_err(|(line, column)| {
        Diagnostic::error(path, line, "the file is not valid UTF-8 text")
            .at_column(column)
            .with_hint("save the file with the UTF-8 encoding")
    })
}

/// A YAML or schema error with its line and, for unknown keys, the nearest
/// known one.
fn yaml_error(path: &Path, err: &serde_norway::Error, fields: &[&str]) -> Diagnostic {
    let message = err.to_string();
    let message = message.split(" at line ").next().unwrap_or(&message).to_owned();
    let (line, column) = err.location().map_or((0, 0), |l| (l.line(), l.column()));
    let mut diagnostic = Diagnostic::error(path, line, message.clone()).at_column(column);
    if let Some(unknown) = message
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split('`').next())
    {
        diagnostic = match nearest(unknown, fields.iter().copied()) {
            Some(known) => diagnostic.with_hint(format!("did you mean `{known}`?")),
            None => diagnostic.with_hint(format!("the known fields are: {}", fields.join(", "))),
        };
    } else {
        diagnostic = diagnostic.with_hint("each line is `key: value`; lists are written [a, b]");
    }
    diagnostic
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_strings_are_flattened_with_their_lines() {
        let text = "name: Italiano\nstrings:\n  site_title: Sportello\n  topics:\n    salute: Salute\n";
        let file: LanguageFile = serde_norway::from_str(text).unwrap();
        let mut strings = BTreeMap::new();
        flatten("", &file.strings, &mut strings);
        assert_eq!(strings["topics.salute"], "Salute");
        let lines = string_key_lines(text);
        assert_eq!(lines["topics.salute"], 5);
        assert_eq!(lines["site_title"], 3);
    }
}
