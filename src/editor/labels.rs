//! The names the editor shows for the sections and the topics, in each
//! language the tool speaks: the portal's own interface strings where the
//! portal has that language, the theme's otherwise, English last.

use std::collections::BTreeMap;

use crate::content::LangCode;
use crate::messages::ToolLanguage;
use crate::strings::Strings;
use crate::theme::Theme;

/// Section and topic names by tool language and key (`sections.offices`,
/// `topics.salute`).
#[derive(Debug, Clone, Default)]
pub struct Labels {
    by_language: BTreeMap<&'static str, BTreeMap<String, String>>,
}

/// The keys the editor names things with.
fn wanted(key: &str) -> bool {
    key.starts_with("sections.") || key.starts_with("topics.")
}

impl Labels {
    /// The names in every tool language, from the portal's strings where it
    /// has the language, else from the theme's file for it.
    pub fn new(theme: &Theme, strings: &Strings) -> Self {
        let mut by_language = BTreeMap::new();
        let english = theme_keys(theme, "en");
        for language in ToolLanguage::all() {
            let code = language.code();
            let own = LangCode::parse(code)
                .ok()
                .filter(|lang| strings.languages().any(|l| l == lang))
                .map(|lang| {
                    let mut flat = BTreeMap::new();
                    flatten("", strings.nested(&lang), &mut flat);
                    flat
                })
                .unwrap_or_else(|| theme_keys(theme, code));
            let mut merged = english.clone();
            merged.extend(own);
            by_language.insert(code, merged);
        }
        Labels { by_language }
    }

    /// The name of `key` in `language`: the key's last part, dashes as
    /// spaces, where no one names it.
    pub fn get(&self, language: ToolLanguage, key: &str) -> String {
        self.by_language
            .get(language.code())
            .and_then(|keys| keys.get(key))
            .cloned()
            .unwrap_or_else(|| key.rsplit('.').next().unwrap_or(key).replace('-', " "))
    }
}

/// The wanted keys of the theme's strings for `code`.
fn theme_keys(theme: &Theme, code: &str) -> BTreeMap<String, String> {
    match crate::config::theme_strings(theme, code) {
        Some(Ok(file)) => file.strings.into_iter().filter(|(key, _)| wanted(key)).collect(),
        _ => BTreeMap::new(),
    }
}

/// The wanted keys of nested strings, dotted.
fn flatten(prefix: &str, value: &serde_json::Value, out: &mut BTreeMap<String, String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                let full = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(&full, value, out);
            }
        }
        serde_json::Value::String(text) if wanted(prefix) => {
            out.insert(prefix.to_owned(), text.clone());
        }
        _ => {}
    }
}
