//! Interface strings per language, with the fallback chain of CONTENT.md:
//! the language's own string, then the source language's, then the theme's.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::config::Language;
use crate::content::LangCode;
use crate::diagnostics::Diagnostic;

/// One language's strings by dotted key (`days.mo`).
type FlatStrings = std::collections::HashMap<String, String, foldhash::fast::FixedState>;

/// The strings of every language, merged and ready for templates.
#[derive(Debug, Clone)]
pub struct Strings {
    /// Looked up for every string of every page: hashed, not ordered.
    flat: BTreeMap<LangCode, FlatStrings>,
    nested: BTreeMap<LangCode, Value>,
}

impl Strings {
    /// Merges the theme's defaults, the source language and each language.
    /// Reports, once per language, the keys it leaves out.
    pub fn merge(
        theme_defaults: &str,
        languages: &[Language],
        source: &LangCode,
        topics: &[crate::content::Slug],
    ) -> (Self, Vec<Diagnostic>) {
        let mut defaults: BTreeMap<String, String> = BTreeMap::new();
        if let Ok(map) = serde_norway::from_str::<BTreeMap<String, serde_norway::Value>>(theme_defaults) {
            flatten_yaml("", &map, &mut defaults);
        }
        for topic in topics {
            defaults
                .entry(format!("topics.{topic}"))
                .or_insert_with(|| topic.as_str().replace('-', " "));
        }
        let source_strings = languages
            .iter()
            .find(|l| &l.code == source)
            .map(|l| l.strings.clone())
            .unwrap_or_default();
        let mut diagnostics = Vec::new();
        let mut flat = BTreeMap::new();
        let mut nested = BTreeMap::new();
        for language in languages {
            let missing: Vec<&str> = defaults
                .keys()
                .filter(|k| !language.strings.contains_key(*k))
                .map(String::as_str)
                .collect();
            if !missing.is_empty() {
                let shown: Vec<&str> = missing.iter().take(12).copied().collect();
                let more = if missing.len() > shown.len() {
                    format!(" and {} more", missing.len() - shown.len())
                } else {
                    String::new()
                };
                diagnostics.push(
                    Diagnostic::warning(
                        &language.path,
                        0,
                        format!(
                            "{} interface string(s) missing: {}{more}",
                            missing.len(),
                            shown.join(", ")
                        ),
                    )
                    .with_hint(format!(
                        "add them under `strings:`; until then readers see the {} text",
                        if &language.code == source {
                            "theme's"
                        } else {
                            "source language's"
                        }
                    )),
                );
            }
            let mut merged = defaults.clone();
            merged.extend(source_strings.clone());
            merged.extend(language.strings.clone());
            nested.insert(language.code.clone(), nest(&merged));
            flat.insert(language.code.clone(), merged.into_iter().collect());
        }
        (Strings { flat, nested }, diagnostics)
    }

    /// One string, or the key itself if no one defines it.
    pub fn get<'a>(&'a self, lang: &LangCode, key: &'a str) -> &'a str {
        self.flat
            .get(lang)
            .and_then(|m| m.get(key))
            .map(String::as_str)
            .unwrap_or(key)
    }

    /// One string, if anyone defines it.
    pub fn lookup<'a>(&'a self, lang: &LangCode, key: &str) -> Option<&'a str> {
        self.flat.get(lang).and_then(|m| m.get(key)).map(String::as_str)
    }

    /// The languages that have strings.
    pub fn languages(&self) -> impl Iterator<Item = &LangCode> {
        self.nested.keys()
    }

    /// All strings of a language as nested maps (`t.days.mo` in templates).
    pub fn nested(&self, lang: &LangCode) -> &Value {
        static EMPTY: Value = Value::Null;
        self.nested.get(lang).unwrap_or(&EMPTY)
    }

    /// The strings every theme uses, with the comment saying where: for
    /// `sportello init`.
    pub fn keys(theme_defaults: &str) -> Vec<String> {
        let mut defaults = BTreeMap::new();
        if let Ok(map) = serde_norway::from_str::<BTreeMap<String, serde_norway::Value>>(theme_defaults) {
            flatten_yaml("", &map, &mut defaults);
        }
        defaults.into_keys().collect()
    }
}

fn flatten_yaml(prefix: &str, map: &BTreeMap<String, serde_norway::Value>, out: &mut BTreeMap<String, String>) {
    for (key, value) in map {
        let full = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            serde_norway::Value::String(s) => {
                out.insert(full, s.clone());
            }
            serde_norway::Value::Mapping(m) => {
                let nested: BTreeMap<String, serde_norway::Value> = m
                    .iter()
                    .filter_map(|(k, v)| k.as_str().map(|k| (k.to_owned(), v.clone())))
                    .collect();
                flatten_yaml(&full, &nested, out);
            }
            other => {
                if let Ok(text) = serde_norway::to_string(other) {
                    out.insert(full, text.trim().to_owned());
                }
            }
        }
    }
}

fn nest(flat: &BTreeMap<String, String>) -> Value {
    let mut root = Map::new();
    for (key, value) in flat {
        let mut node = &mut root;
        let parts: Vec<&str> = key.split('.').collect();
        for part in &parts[..parts.len() - 1] {
            let entry = node
                .entry(part.to_string())
                .or_insert_with(|| Value::Object(Map::new()));
            if !entry.is_object() {
                *entry = Value::Object(Map::new());
            }
            node = entry.as_object_mut().expect("just made an object");
        }
        node.insert(parts[parts.len() - 1].to_owned(), Value::String(value.clone()));
    }
    Value::Object(root)
}
