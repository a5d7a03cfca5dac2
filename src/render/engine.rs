//! The template engine: Tera 2 with the theme's templates (the built-in
//! ones, each replaced by a site's file of the same name), the filters the
//! templates use, and template errors turned into diagnostics that say what
//! to change.

use std::path::PathBuf;

use serde::Serialize;
use tera::value::Key;
use tera::{Context, Kwargs, State, Tera, Value};

use crate::diagnostics::{Code, Diagnostic};
use crate::theme::Theme;

/// The compiled templates of a theme.
pub struct Engine {
    tera: Tera,
    /// The site's `themes/<name>/templates/` folder, for errors in the
    /// templates it overrides.
    folder: PathBuf,
    /// The templates the site overrides, by name, with their text.
    overridden: Vec<(String, String)>,
}

impl Engine {
    pub fn new(theme: &Theme) -> Result<Self, Diagnostic> {
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html"]);
        // `{{ text | isolate | safe }}`: escaped, with the Latin runs of
        // right-to-left text wrapped in <bdi>.
        tera.register_filter("isolate", |value: Value, _: Kwargs, _: &State| {
            let text = match value.as_str() {
                Some(text) => crate::html::escape_html(text),
                None => crate::html::escape_html(&value.to_string()),
            };
            Value::safe_string(&crate::bidi::isolate_latin_runs(&text))
        });
        tera.register_filter("json_encode", |value: Value, _: Kwargs, _: &State| {
            serde_json::to_string(&value).unwrap_or_default()
        });
        let engine = Engine {
            tera: Tera::new(),
            folder: PathBuf::from("themes").join(&theme.name).join("templates"),
            overridden: theme
                .overridden_templates
                .iter()
                .filter_map(|name| Some((name.clone(), theme.templates.get(name)?.clone())))
                .collect(),
        };
        tera.add_raw_templates(
            theme
                .templates
                .iter()
                .map(|(name, text)| (name.as_str(), text.as_str())),
        )
        .map_err(|err| engine.error(&err))?;
        Ok(Engine { tera, ..engine })
    }

    /// Whether the theme has a template of this name.
    pub fn has(&self, name: &str) -> bool {
        self.tera.get_template_names().any(|n| n == name)
    }

    /// Renders the template `name`.
    pub fn render(&self, name: &str, context: &Context) -> Result<Vec<u8>, Diagnostic> {
        let mut out = Vec::with_capacity(16 * 1024);
        self.tera
            .render_to(name, context, &mut out)
            .map_err(|err| self.error(&err))?;
        Ok(out)
    }

    /// A template error as a diagnostic on the file the volunteer can edit:
    /// the site's own template where it overrides the built-in one.
    fn error(&self, err: &tera::Error) -> Diagnostic {
        let report = full_message(err);
        let overridden = self.overridden.iter().find(|(name, _)| report.contains(name.as_str()));
        let file = overridden.map(|(name, _)| self.folder.join(name));
        let (advice, name) = match overridden {
            Some((name, text)) if written_for_tera_one(&report, text) => ("tera1", name.as_str()),
            Some((name, _)) => ("fix", name.as_str()),
            None => ("builtin", ""),
        };
        Diagnostic::new(Code::TemplateError, file.unwrap_or_else(|| self.folder.clone()), 0)
            .arg("detail", report.clone())
            .arg("advice", advice)
            .arg("name", name)
    }
}

/// The fields of `view` (a struct) as a template context. Unlike
/// `Context::from_serialize`, which copies every name, field names stay
/// borrowed: a context cloned for every page then copies no names.
pub fn context_of(view: &impl Serialize) -> Context {
    let mut context = Context::new();
    for (key, value) in Value::from_serializable(view).into_map().unwrap_or_default() {
        match key {
            Key::Str(name) => context.insert_value(name, value),
            other => context.insert_value(other.to_string(), value),
        }
    }
    context
}

/// The message of an error and of every error under it.
fn full_message(err: &tera::Error) -> String {
    let mut message = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(inner) = source {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        source = inner.source();
    }
    message
}

/// Whether a template that fails is written for Tera 1, the engine
/// sportello used before: it uses what Tera 2 no longer reads, or a
/// variable it did not test first.
fn written_for_tera_one(report: &str, text: &str) -> bool {
    text.contains("{% macro")
        || text.contains("{%- macro")
        || text.contains("{% import")
        || text.contains("::")
        || contains_tuple_field(text)
        || text.contains("json_encode()")
        || report.contains("not defined")
}

/// Whether a template uses Tera 1's `name.0` field access.
fn contains_tuple_field(text: &str) -> bool {
    text.as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_alphanumeric() && w[1] == b'.' && w[2].is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tuple_fields_are_told_apart_from_numbers_in_text() {
        assert!(contains_tuple_field("{{ item.0 }}"));
        assert!(!contains_tuple_field("{{ page.title }} costs 2 .5"));
    }
}
