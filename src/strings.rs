//! Interface strings per language, each found along one chain: the site's
//! own file for the language, the theme's file for it, then the same two
//! for the source language, then the theme's English (which has every key).

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::config::{Language, StringsFile};
use crate::content::LangCode;
use crate::diagnostics::{Code, Diagnostic};

/// One language's strings by dotted key (`sections.offices`).
type FlatStrings = std::collections::HashMap<String, String, foldhash::fast::FixedState>;

/// The strings of every language, merged and ready for templates.
#[derive(Debug, Clone)]
pub struct Strings {
    /// Looked up for every string of every page: hashed, not ordered.
    flat: BTreeMap<LangCode, FlatStrings>,
    nested: BTreeMap<LangCode, Value>,
    /// Per language, the keys shown from the theme's machine-made strings
    /// that no native speaker has checked.
    unreviewed: BTreeMap<LangCode, Vec<String>>,
}

/// Where a language's string comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    /// The language's own string: the site's, or the theme's.
    Own { checked: bool },
    /// Another language's: the language lacks it.
    Fallback,
}

impl Strings {
    /// Merges every language's chain. Reports, once per language, the keys
    /// it lacks (shown in another language).
    pub fn merge(
        english: &StringsFile,
        languages: &[Language],
        source: &LangCode,
        topics: &[crate::content::Slug],
    ) -> (Self, Vec<Diagnostic>) {
        let mut keys: Vec<String> = english.strings.keys().cloned().collect();
        let mut defaults = english.strings.clone();
        for topic in topics {
            let key = format!("topics.{topic}");
            if !defaults.contains_key(&key) {
                defaults.insert(key.clone(), topic.as_str().replace('-', " "));
                keys.push(key);
            }
        }
        let source_language = languages.iter().find(|l| &l.code == source);
        let mut diagnostics = Vec::new();
        let mut flat = BTreeMap::new();
        let mut nested = BTreeMap::new();
        let mut unreviewed = BTreeMap::new();
        for language in languages {
            let mut merged: BTreeMap<String, String> = BTreeMap::new();
            let mut missing = Vec::new();
            let mut machine = Vec::new();
            let own = [
                language.site.as_ref().map(|f| (f, true)),
                language.theme.as_ref().map(|f| (f, false)),
            ];
            let fallback = [
                source_language.and_then(|l| l.site.as_ref()),
                source_language.and_then(|l| l.theme.as_ref()),
            ];
            for key in &keys {
                let found = own
                    .iter()
                    .flatten()
                    .find_map(|(file, is_site)| {
                        let checked = match &file.reviewed {
                            Some(reviewed) => reviewed.contains(key),
                            None => *is_site,
                        };
                        file.strings.get(key).map(|text| (text, Origin::Own { checked }))
                    })
                    .or_else(|| {
                        fallback
                            .iter()
                            .flatten()
                            .find_map(|file| file.strings.get(key))
                            .map(|text| (text, Origin::Fallback))
                    });
                let (text, origin) = match found {
                    Some(found) => found,
                    None => (&defaults[key], Origin::Fallback),
                };
                match origin {
                    Origin::Own { checked: false } => machine.push(key.clone()),
                    Origin::Fallback => missing.push(key.as_str()),
                    _ => {}
                }
                merged.insert(key.clone(), text.clone());
            }
            // A site may add strings of its own for its own templates.
            if let Some(site) = &language.site {
                for (key, text) in &site.strings {
                    merged.entry(key.clone()).or_insert_with(|| text.clone());
                }
            }
            if !missing.is_empty() {
                diagnostics.push(missing_strings(language, source, &missing));
            }
            nested.insert(language.code.clone(), nest(&merged));
            flat.insert(language.code.clone(), merged.into_iter().collect());
            unreviewed.insert(language.code.clone(), machine);
        }
        (
            Strings {
                flat,
                nested,
                unreviewed,
            },
            diagnostics,
        )
    }

    /// The keys of `lang` shown from machine-made strings nobody checked.
    pub fn unreviewed(&self, lang: &LangCode) -> &[String] {
        self.unreviewed.get(lang).map(Vec::as_slice).unwrap_or_default()
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
}

/// The warning of a language that lacks strings.
fn missing_strings(language: &Language, source: &LangCode, missing: &[&str]) -> Diagnostic {
    let shown: Vec<&str> = missing.iter().take(12).copied().collect();
    let more = if missing.len() > shown.len() { ", …" } else { "" };
    Diagnostic::new(Code::InterfaceStringsMissing, language.path(), 0)
        .arg("count", missing.len())
        .arg("keys", format!("{}{more}", shown.join(", ")))
        .arg("fallback", if &language.code == source { "english" } else { "source" })
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
