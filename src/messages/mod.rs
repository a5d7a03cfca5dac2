//! Messages to volunteers: every text the tool prints or writes for the
//! people who run it — diagnostics and hints, summaries, the translation
//! status, the serve overlay, the comments `new` and `init` write, the
//! dashboard — from one Project Fluent catalog per language
//! (`src/messages/<code>.ftl`). Adding a language is adding its catalog
//! to [`CATALOGS`]; a message missing from a catalog is shown in English.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The catalogs, English first: every message exists in English.
const CATALOGS: &[(&str, &str)] = &[("en", include_str!("en.ftl")), ("it", include_str!("it.ftl"))];

/// The language of `--lang`, set once when the command starts.
static COMMAND_LINE: OnceLock<ToolLanguage> = OnceLock::new();

/// A language the tool speaks to volunteers in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ToolLanguage(&'static str);

impl ToolLanguage {
    pub const ENGLISH: ToolLanguage = ToolLanguage("en");

    /// The language of `code` (`it`, `it_IT.UTF-8`, `it-IT`), if the tool
    /// speaks it.
    pub fn from_code(code: &str) -> Option<Self> {
        let primary = code.split(['_', '-', '.', '@']).next()?.to_ascii_lowercase();
        CATALOGS
            .iter()
            .find(|(known, _)| *known == primary)
            .map(|(known, _)| ToolLanguage(known))
    }

    /// Every language the tool speaks.
    pub fn all() -> impl Iterator<Item = ToolLanguage> {
        CATALOGS.iter().map(|(code, _)| ToolLanguage(code))
    }

    pub fn code(self) -> &'static str {
        self.0
    }

    /// The language the environment asks for: `LC_ALL`, then
    /// `LC_MESSAGES`, then `LANG`, as POSIX orders them.
    pub fn from_environment() -> Option<Self> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .and_then(|value| Self::from_code(&value))
    }

    /// The language to speak: the command line's, else site.yaml's
    /// `tool_language`, else the environment's, else English.
    pub fn choose(command_line: Option<ToolLanguage>, site: Option<ToolLanguage>) -> ToolLanguage {
        command_line
            .or(site)
            .or_else(Self::from_environment)
            .unwrap_or(Self::ENGLISH)
    }

    /// The language `--lang` asked for, for the whole run.
    pub fn set_command_line(language: ToolLanguage) {
        let _ = COMMAND_LINE.set(language);
    }

    /// The language to speak about a site whose site.yaml says
    /// `tool_language` (or nothing).
    pub fn for_site(tool_language: Option<&str>) -> ToolLanguage {
        Self::choose(COMMAND_LINE.get().copied(), tool_language.and_then(Self::from_code))
    }
}

/// A value given to a message.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Arg::Text(text.clone())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

/// The named values of one message.
pub type Args = [(&'static str, Arg)];

/// One language's catalog, falling back to English message by message.
pub struct Messages {
    language: ToolLanguage,
    bundle: FluentBundle<FluentResource>,
}

impl Messages {
    /// The catalog of `language`, made once.
    pub fn of(language: ToolLanguage) -> &'static Messages {
        static LOADED: OnceLock<Vec<Messages>> = OnceLock::new();
        let loaded = LOADED.get_or_init(|| CATALOGS.iter().map(|(code, text)| Messages::load(code, text)).collect());
        let english = &loaded[0];
        loaded.iter().find(|m| m.language == language).unwrap_or(english)
    }

    /// English, the catalog every message is in.
    pub fn english() -> &'static Messages {
        Self::of(ToolLanguage::ENGLISH)
    }

    fn load(code: &'static str, text: &'static str) -> Messages {
        let langid: unic_langid::LanguageIdentifier = code.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Terminals and files show the text as it is: no Unicode isolation
        // marks around the values.
        bundle.set_use_isolating(false);
        if let Ok(resource) = FluentResource::try_new(text.to_owned()) {
            let _ = bundle.add_resource(resource);
        }
        Messages {
            language: ToolLanguage(code),
            bundle,
        }
    }

    pub fn language(&self) -> ToolLanguage {
        self.language
    }

    /// The message `id` with its values, or the English one where this
    /// catalog lacks it, or the id itself.
    pub fn text(&self, id: &str, args: &Args) -> String {
        self.format(id, None, args)
            .or_else(|| self.fallback().and_then(|en| en.format(id, None, args)))
            .unwrap_or_else(|| id.to_owned())
    }

    /// The attribute `attribute` of message `id` (`.hint`), if it has one.
    pub fn attribute(&self, id: &str, attribute: &str, args: &Args) -> Option<String> {
        self.format(id, Some(attribute), args)
            .or_else(|| self.fallback().and_then(|en| en.format(id, Some(attribute), args)))
    }

    fn fallback(&self) -> Option<&'static Messages> {
        (self.language != ToolLanguage::ENGLISH).then(Messages::english)
    }

    fn format(&self, id: &str, attribute: Option<&str>, args: &Args) -> Option<String> {
        let message = self.bundle.get_message(id)?;
        let pattern = match attribute {
            Some(name) => message.get_attribute(name)?.value(),
            None => message.value()?,
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Text(text) => FluentValue::String(Cow::Borrowed(text.as_str())),
                Arg::Number(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        Some(
            self.bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors)
                .into_owned(),
        )
    }

    /// Every message id of this catalog, with its attributes' names.
    pub fn ids(&self) -> Vec<(String, Vec<String>)> {
        let Some((_, text)) = CATALOGS.iter().find(|(code, _)| *code == self.language.0) else {
            return Vec::new();
        };
        let Ok(resource) = FluentResource::try_new((*text).to_owned()) else {
            return Vec::new();
        };
        resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(message) => Some((
                    message.id.name.to_owned(),
                    message.attributes.iter().map(|a| a.id.name.to_owned()).collect(),
                )),
                _ => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
