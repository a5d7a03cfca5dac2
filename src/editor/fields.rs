//! One field of the schema as the editor shows it: the widget for its
//! kind, its label and hint in the volunteer's language, whether it is
//! required, and whether translations have it (text) or not (facts).

use serde::{Serialize, Serializer};

use super::labels::Labels;
use crate::content::schema::{Field, FieldKind};
use crate::content::{Section, Slug};
use crate::messages::Messages;

/// A field of the editor's configuration, in Sveltia CMS's terms. Only the
/// options a widget uses are written.
#[derive(Debug, Clone, Default, Serialize)]
pub struct EditorField {
    pub name: String,
    pub label: String,
    pub widget: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    pub required: Required,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub i18n: Option<bool>,
    /// `date` for a date picker.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub input_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<[String; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collection: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_field: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search_fields: Option<Vec<&'static str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_fields: Option<Vec<&'static str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub multiple: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<SelectOption>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label_singular: Option<String>,
    /// Whether a list's items start closed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collapsed: Option<Collapsed>,
    /// What a closed item of a list shows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<&'static str>,
    /// The Markdown editor's components (image, code block…): none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub editor_components: Option<Vec<&'static str>>,
    /// A list's one field a line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<Box<EditorField>>,
    /// A list's fields an item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<Vec<EditorField>>,
}

/// One choice of a select field.
#[derive(Debug, Clone, Serialize)]
pub struct SelectOption {
    pub label: String,
    pub value: String,
}

/// Whether a list's items start closed: never, or when they are filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Collapsed {
    Never,
    WhenFilled,
}

impl Serialize for Collapsed {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Collapsed::Never => serializer.serialize_bool(false),
            Collapsed::WhenFilled => serializer.serialize_str("auto"),
        }
    }
}

/// Whether a field must be filled: always, never, or in some languages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Required {
    Always,
    #[default]
    Never,
    In(Vec<String>),
}

impl Serialize for Required {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Required::Always => serializer.serialize_bool(true),
            Required::Never => serializer.serialize_bool(false),
            Required::In(languages) => languages.serialize(serializer),
        }
    }
}

/// Where a field is written: in the source and its translations (text),
/// only in the source (facts), only in translations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Text: written in the source and translated.
    Translated { in_source: bool, in_translation: bool },
    /// A fact: written once, in the source; translations inherit it.
    Fact { required: bool },
    /// Only translations have it (`source_updated`, `translated_by`,
    /// `translation`).
    TranslationOnly { required: bool },
}

impl Role {
    /// The role of a field from its entry in the source's and in the
    /// translations' field lists.
    pub fn of(source: Option<&Field>, translation: Option<&Field>) -> Self {
        match (source, translation) {
            (Some(s), Some(t)) => Role::Translated {
                in_source: s.required,
                in_translation: t.required,
            },
            (Some(s), None) => Role::Fact { required: s.required },
            (None, Some(t)) => Role::TranslationOnly { required: t.required },
            (None, None) => Role::Fact { required: false },
        }
    }
}

/// The portal's languages, for the languages a field is required in.
pub struct Languages {
    pub source: String,
    pub translations: Vec<String>,
}

/// The field as the editor shows it.
pub fn editor_field(
    field: &Field,
    role: Role,
    languages: &Languages,
    topics: &[Slug],
    messages: &Messages,
    labels: &Labels,
) -> EditorField {
    let mut out = widget(field.kind, messages, labels, topics);
    out.name = field.name.to_owned();
    out.label = messages.text(&format!("editor-field-{}", field.name), &[]);
    let hint = messages
        .attribute(&format!("editor-field-{}", field.name), "hint", &[])
        .unwrap_or_else(|| messages.text(&format!("field-{}", field.name), &[]));
    let (required, i18n, hint) = match role {
        Role::Translated {
            in_source,
            in_translation,
        } => {
            let required = match (in_source, in_translation) {
                (true, true) => Required::Always,
                (true, false) => Required::In(vec![languages.source.clone()]),
                (false, true) => Required::In(languages.translations.clone()),
                (false, false) => Required::Never,
            };
            (required, true, hint)
        }
        Role::Fact { required } => (
            if required { Required::Always } else { Required::Never },
            false,
            format!("{} {}", sentence(&hint), messages.text("editor-fact", &[])),
        ),
        Role::TranslationOnly { required } => (
            if required {
                Required::In(languages.translations.clone())
            } else {
                Required::Never
            },
            true,
            format!("{} {}", sentence(&hint), messages.text("editor-translation-only", &[])),
        ),
    };
    out.required = required;
    out.i18n = Some(i18n);
    // A list's items are translated with it: the CMS hides, in a
    // translation, the parts of an item that do not say so.
    if let Some(item) = out.field.as_mut() {
        item.i18n = Some(i18n);
    }
    for part in out.fields.iter_mut().flatten() {
        part.i18n = Some(i18n);
    }
    out.hint = Some(sentence(&hint));
    // A new page's dates are today's, as `sportello new` writes them.
    if field.kind == FieldKind::Date && field.required && role == (Role::Fact { required: true }) {
        out.default = Some("{{now}}".to_owned());
    }
    out
}

/// The widget of a kind of value.
fn widget(kind: FieldKind, messages: &Messages, labels: &Labels, topics: &[Slug]) -> EditorField {
    let text = |widget| EditorField {
        widget,
        ..Default::default()
    };
    let with_pattern = |pattern: &str, message: &str| EditorField {
        widget: "string",
        pattern: Some([pattern.to_owned(), messages.text(message, &[])]),
        ..Default::default()
    };
    // One input a line, open (closed, an item shows no text).
    let list_of = |item: EditorField| EditorField {
        widget: "list",
        collapsed: Some(Collapsed::Never),
        field: Some(Box::new(item)),
        ..Default::default()
    };
    let item = |name: &str, widget: EditorField| EditorField {
        name: name.to_owned(),
        label: messages.text(&format!("editor-item-{name}"), &[]),
        required: Required::Always,
        ..widget
    };
    match kind {
        FieldKind::Line => text("string"),
        FieldKind::Text => text("text"),
        FieldKind::Lines => list_of(item("line", text("string"))),
        FieldKind::Date => date(),
        FieldKind::Ref(section) => relation(section, false),
        FieldKind::Refs(section) => relation(section, true),
        FieldKind::Comuni => relation(Section::Comuni, true),
        FieldKind::Topics => EditorField {
            widget: "select",
            multiple: Some(true),
            options: Some(
                topics
                    .iter()
                    .map(|topic| SelectOption {
                        label: labels.get(messages.language(), &format!("topics.{topic}")),
                        value: topic.to_string(),
                    })
                    .collect(),
            ),
            ..Default::default()
        },
        FieldKind::Url => with_pattern(URL_PATTERN, "editor-pattern-url"),
        FieldKind::Email => with_pattern(EMAIL_PATTERN, "editor-pattern-email"),
        FieldKind::Phones => list_of(item(
            "phone",
            EditorField {
                widget: "string",
                pattern: Some([PHONE_PATTERN.to_owned(), messages.text("editor-pattern-phone", &[])]),
                ..Default::default()
            },
        )),
        FieldKind::Hours => with_pattern(&hours_pattern(), "editor-pattern-hours"),
        FieldKind::Geo => EditorField {
            widget: "list",
            collapsed: Some(Collapsed::Never),
            min: Some(2),
            max: Some(2),
            field: Some(Box::new(item(
                "coordinate",
                EditorField {
                    widget: "number",
                    value_type: Some("float"),
                    ..Default::default()
                },
            ))),
            ..Default::default()
        },
        FieldKind::Languages => list_of(item(
            "language",
            EditorField {
                widget: "string",
                pattern: Some(["^[a-z]{2}$".to_owned(), messages.text("editor-pattern-language", &[])]),
                ..Default::default()
            },
        )),
        FieldKind::Istat => with_pattern("^[0-9]{6}$", "editor-pattern-istat"),
        FieldKind::Sources => EditorField {
            widget: "list",
            label_singular: Some(messages.text("editor-item-source", &[])),
            collapsed: Some(Collapsed::WhenFilled),
            summary: Some("{{fields.url}}"),
            fields: Some(vec![
                source_part("url", with_pattern(URL_PATTERN, "editor-pattern-url"), true, messages),
                source_part("title", text("string"), false, messages),
                source_part("date", date(), false, messages),
                source_part("seen", date(), false, messages),
            ]),
            ..Default::default()
        },
        FieldKind::Forms => EditorField {
            widget: "list",
            label_singular: Some(messages.text("editor-item-form", &[])),
            collapsed: Some(Collapsed::WhenFilled),
            summary: Some("{{fields.title}}"),
            fields: Some(vec![
                labelled_part("editor-form", "file", text("string"), messages),
                labelled_part("editor-form", "title", text("string"), messages),
            ]),
            ..Default::default()
        },
        FieldKind::TranslatedBy => EditorField {
            widget: "select",
            options: Some(vec![SelectOption {
                label: messages.text("editor-machine", &[]),
                value: "machine".to_owned(),
            }]),
            ..Default::default()
        },
    }
}

/// One part of a source: its address, title, date or the day it was read.
fn source_part(name: &str, widget: EditorField, required: bool, messages: &Messages) -> EditorField {
    EditorField {
        required: if required { Required::Always } else { Required::Never },
        ..labelled_part("editor-source", name, widget, messages)
    }
}

/// A required part of a list's item, labelled and explained by the
/// messages `{prefix}-{name}`.
fn labelled_part(prefix: &str, name: &str, widget: EditorField, messages: &Messages) -> EditorField {
    let id = format!("{prefix}-{name}");
    EditorField {
        name: name.to_owned(),
        label: messages.text(&id, &[]),
        hint: messages.attribute(&id, "hint", &[]),
        required: Required::Always,
        ..widget
    }
}

/// A date picker storing `YYYY-MM-DD`.
fn date() -> EditorField {
    EditorField {
        widget: "datetime",
        input_type: Some("date"),
        format: Some("YYYY-MM-DD"),
        ..Default::default()
    }
}

/// A reference to pages of `section`, searched by name, stored by slug.
fn relation(section: Section, multiple: bool) -> EditorField {
    let identifier = super::config::identifier_field(section);
    EditorField {
        widget: "relation",
        collection: Some(section.folder()),
        value_field: Some("{{slug}}"),
        search_fields: Some(vec![identifier]),
        display_fields: Some(vec![identifier]),
        multiple: Some(multiple),
        ..Default::default()
    }
}

/// The body: Markdown.
pub fn body(section: Section, messages: &Messages) -> EditorField {
    let hint = match section {
        Section::Procedures => "editor-body-procedure",
        Section::Offices => "editor-body-office",
        _ => "editor-body",
    };
    EditorField {
        name: "body".to_owned(),
        label: messages.text("editor-field-body", &[]),
        widget: "markdown",
        editor_components: Some(Vec::new()),
        hint: Some(messages.text(hint, &[])),
        required: Required::Never,
        i18n: Some(true),
        ..Default::default()
    }
}

/// A web address.
const URL_PATTERN: &str = r"^https?://[^\s]+$";
/// An e-mail address: something, `@`, a domain with a dot.
const EMAIL_PATTERN: &str = r"^[^\s@]+@[^\s@]+\.[^\s@]+$";
/// A phone number: digits, spaces, `+`, `-`, `/`, `.`, brackets.
const PHONE_PATTERN: &str = r"^\+?[0-9][0-9 ()./-]{3,}$";

/// OpenStreetMap opening hours, as far as a regular expression can tell:
/// rules of optional months, optional weekdays (and PH, SH) and times or
/// `off`, separated by `;`, `,` or `||`; or `24/7`. The build reads the
/// value with the full grammar and says what is wrong.
pub fn hours_pattern() -> String {
    let time = r"(?:[01]?[0-9]|2[0-4]):[0-5][0-9]";
    let span = format!(r"{time}(?:-{time}\+?|\+)");
    let times = format!("{span}(?:,{span})*");
    let day = "(?:Mo|Tu|We|Th|Fr|Sa|Su|PH|SH)";
    let day_range = format!(r"{day}(?:-{day})?(?:\[-?[1-5](?:,-?[1-5])*\])?");
    let days = format!("{day_range}(?:,{day_range})*");
    let month = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
    let month_day = format!("(?:[0-9]{{4}} )?{month}(?: [0-3]?[0-9])?");
    let month_range = format!("{month_day}(?:-(?:{month_day}|[0-3]?[0-9]))?");
    let months = format!("{month_range}(?:,{month_range})*");
    let state = "(?:off|closed|open|unknown)";
    let comment = r#"(?: "[^"]*")?"#;
    let rule = format!(
        "(?:24/7|(?:{months}:? )?(?:{days} )?(?:{times}(?: {state})?|{state}){comment}|(?:{months} )?{days}{comment})"
    );
    format!(r"^{rule}(?:(?:; ?| ?\|\| ?|, ){rule})*$")
}

/// A description as a sentence: capital first letter, full stop last.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    if !out.ends_with(['.', '!', '?', ':']) {
        out.push('.');
    }
    out
}
