//! Turns a source file into a typed document: front matter checked key by
//! key against its section's schema, and the body converted to HTML.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::de::DeserializeOwned;
use serde_norway::{Mapping, Value};

use super::date::Date;
use super::front_matter;
use super::ids::{LangCode, PageId, Section, Slug};
use super::load::SourceFile;
use super::schema::*;
use crate::diagnostics::{nearest, Diagnostic};
use crate::hours::Hours;
use crate::markdown::{self, RenderedMarkdown};

/// The facts of a page: written once, in the source file, and inherited by
/// every translation. A field a section does not have stays empty.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    pub updated: Option<Date>,
    pub reviewed: Option<Date>,
    pub comune: Option<Slug>,
    pub offices: Vec<Slug>,
    pub services: Vec<Slug>,
    pub comuni: ComuniScope,
    pub topics: Vec<Slug>,
    pub address: Option<String>,
    pub geo: Option<Geo>,
    pub phone: Vec<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub hours: Option<Hours>,
    pub languages_spoken: Vec<LangCode>,
    pub istat: Option<Istat>,
    pub sources: Vec<String>,
    /// The Italian term of a glossary entry.
    pub term: Option<String>,
}

/// The text fields of a page in one language.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageText {
    /// `title`, `name`, or in the glossary `term` (source) or `translation`.
    pub title: Option<String>,
    pub summary: Option<String>,
    pub documents: Option<Vec<String>>,
    pub cost: Option<String>,
    pub duration: Option<String>,
    pub eligibility: Option<String>,
}

/// One parsed file: a source page or one of its translations.
#[derive(Debug, Clone)]
pub struct Document {
    pub path: PathBuf,
    pub id: PageId,
    /// `None` for the source file.
    pub lang: Option<LangCode>,
    pub text: PageText,
    /// Present on source files only.
    pub facts: Option<Facts>,
    pub source_updated: Option<Date>,
    pub machine_translated: bool,
    pub body: RenderedMarkdown,
    /// The line of each top-level key, to point diagnostics at.
    pub key_lines: BTreeMap<String, usize>,
}

impl Document {
    pub fn line_of(&self, key: &str) -> usize {
        self.key_lines.get(key).copied().unwrap_or(1)
    }

    pub fn is_source(&self) -> bool {
        self.lang.is_none()
    }

    /// True when `other` differs from this document only in its body: then
    /// no other page shows anything that changed.
    pub fn same_shell(&self, other: &Document) -> bool {
        self.id == other.id
            && self.lang == other.lang
            && self.text == other.text
            && self.facts == other.facts
            && self.source_updated == other.source_updated
            && self.machine_translated == other.machine_translated
    }
}

/// Parses one file. Returns the document when it is usable (possibly with
/// problems reported) and every problem found.
pub fn parse_document(file: &SourceFile) -> (Option<Document>, Vec<Diagnostic>) {
    let mut ctx = Ctx {
        path: file.path.clone(),
        diagnostics: Vec::new(),
        key_lines: BTreeMap::new(),
    };
    let split = match front_matter::split(&file.text) {
        Ok(split) => split,
        Err(err) => {
            ctx.diagnostics
                .push(Diagnostic::error(&file.path, err.line, err.message).with_hint(err.hint));
            return (None, ctx.diagnostics);
        }
    };
    ctx.key_lines = key_lines(split.yaml, split.yaml_line);
    let mapping = match parse_mapping(split.yaml) {
        Ok(mapping) => mapping,
        Err((message, line, column)) => {
            let hint = if message.contains("tab") {
                "a tab character stands in the front matter: indent with spaces instead (two per level)"
            } else {
                "each line is `key: value`; put quotes around a value that contains `: ` or starts with a special character such as [ { * & ! | > ' \" % @ `"
            };
            ctx.diagnostics.push(
                Diagnostic::error(
                    &file.path,
                    line + split.yaml_line - 1,
                    format!("the front matter is not valid YAML: {message}"),
                )
                .at_column(column)
                .with_hint(hint),
            );
            return (None, ctx.diagnostics);
        }
    };
    let is_source = file.lang.is_none();
    let (text, facts, source_updated, machine) = match (file.id.section, is_source) {
        (Section::Comuni, true) => {
            let fm: ComuneSource = ctx.fields(&mapping, ComuneSource::FIELDS, NamedTranslation::FIELDS, true);
            ctx.require("name", &fm.name);
            let text = PageText {
                title: fm.name,
                ..Default::default()
            };
            let facts = Facts {
                updated: fm.updated,
                reviewed: fm.reviewed,
                istat: fm.istat,
                website: fm.website,
                geo: fm.geo,
                ..Default::default()
            };
            (text, Some(facts), None, false)
        }
        (Section::Offices, true) => {
            let fm: OfficeSource = ctx.fields(&mapping, OfficeSource::FIELDS, NamedTranslation::FIELDS, true);
            ctx.require("name", &fm.name);
            ctx.require("comune", &fm.comune);
            ctx.require("updated", &fm.updated);
            ctx.require("reviewed", &fm.reviewed);
            if fm.address.is_none() {
                ctx.diagnostics.push(
                    Diagnostic::warning(
                        &file.path,
                        1,
                        "this office has no `address`: the page will tell readers to ask the help desk",
                    )
                    .with_hint("add `address: Via ..., 86170 Isernia` once the address is confirmed"),
                );
            }
            let hours = fm.hours.and_then(|raw| match Hours::parse(&raw) {
                Ok(hours) => Some(hours),
                Err(message) => {
                    ctx.diagnostics.push(
                        Diagnostic::error(&file.path, ctx.line("hours"), format!("`hours` cannot be read: {message}"))
                            .with_hint("use OpenStreetMap opening_hours syntax, for example \"Mo-Fr 09:00-12:00; Th 15:00-17:00\" (days Mo Tu We Th Fr Sa Su, 24-hour times)"),
                    );
                    None
                }
            });
            let text = PageText {
                title: fm.name,
                ..Default::default()
            };
            let facts = Facts {
                updated: fm.updated,
                reviewed: fm.reviewed,
                comune: fm.comune,
                address: fm.address,
                geo: fm.geo,
                phone: fm.phone.map(|p| p.0).unwrap_or_default(),
                email: fm.email,
                website: fm.website,
                hours,
                languages_spoken: fm.languages_spoken.unwrap_or_default(),
                topics: fm.topics.unwrap_or_default(),
                ..Default::default()
            };
            (text, Some(facts), None, false)
        }
        (Section::Services, true) => {
            let fm: ServiceSource = ctx.fields(&mapping, ServiceSource::FIELDS, ServiceTranslation::FIELDS, true);
            ctx.require("name", &fm.name);
            ctx.require("summary", &fm.summary);
            ctx.require("updated", &fm.updated);
            ctx.require("reviewed", &fm.reviewed);
            let text = PageText {
                title: fm.name,
                summary: fm.summary,
                eligibility: fm.eligibility,
                cost: fm.cost,
                ..Default::default()
            };
            let facts = Facts {
                updated: fm.updated,
                reviewed: fm.reviewed,
                offices: fm.offices.unwrap_or_default(),
                comuni: fm.comuni.unwrap_or_default(),
                topics: fm.topics.unwrap_or_default(),
                ..Default::default()
            };
            (text, Some(facts), None, false)
        }
        (Section::Procedures, true) => {
            let fm: ProcedureSource = ctx.fields(&mapping, ProcedureSource::FIELDS, ProcedureTranslation::FIELDS, true);
            ctx.require("title", &fm.title);
            ctx.require("summary", &fm.summary);
            ctx.require("updated", &fm.updated);
            ctx.require("reviewed", &fm.reviewed);
            let text = PageText {
                title: fm.title,
                summary: fm.summary,
                documents: fm.documents,
                cost: fm.cost,
                duration: fm.duration,
                ..Default::default()
            };
            let facts = Facts {
                updated: fm.updated,
                reviewed: fm.reviewed,
                offices: fm.offices.unwrap_or_default(),
                services: fm.services.unwrap_or_default(),
                comuni: fm.comuni.unwrap_or_default(),
                topics: fm.topics.unwrap_or_default(),
                sources: fm.sources.unwrap_or_default(),
                ..Default::default()
            };
            (text, Some(facts), None, false)
        }
        (Section::Glossary, true) => {
            let fm: GlossarySource = ctx.fields(&mapping, GlossarySource::FIELDS, GlossaryTranslation::FIELDS, true);
            ctx.require("term", &fm.term);
            let text = PageText {
                title: fm.term.clone(),
                ..Default::default()
            };
            let facts = Facts {
                updated: fm.updated,
                reviewed: fm.reviewed,
                term: fm.term,
                ..Default::default()
            };
            (text, Some(facts), None, false)
        }
        (Section::Pages | Section::Home, true) => {
            let fm: PageSource = ctx.fields(&mapping, PageSource::FIELDS, PageTranslation::FIELDS, true);
            if file.id.section == Section::Pages {
                ctx.require("title", &fm.title);
            }
            let text = PageText {
                title: fm.title,
                ..Default::default()
            };
            let facts = Facts {
                updated: fm.updated,
                reviewed: fm.reviewed,
                ..Default::default()
            };
            (text, Some(facts), None, false)
        }
        (Section::Comuni, false) => {
            let fm: NamedTranslation = ctx.fields(&mapping, NamedTranslation::FIELDS, ComuneSource::FIELDS, false);
            ctx.require("name", &fm.name);
            (
                PageText {
                    title: fm.name,
                    ..Default::default()
                },
                None,
                fm.source_updated,
                fm.translated_by.is_some(),
            )
        }
        (Section::Offices, false) => {
            let fm: NamedTranslation = ctx.fields(&mapping, NamedTranslation::FIELDS, OfficeSource::FIELDS, false);
            ctx.require("name", &fm.name);
            (
                PageText {
                    title: fm.name,
                    ..Default::default()
                },
                None,
                fm.source_updated,
                fm.translated_by.is_some(),
            )
        }
        (Section::Services, false) => {
            let fm: ServiceTranslation = ctx.fields(&mapping, ServiceTranslation::FIELDS, ServiceSource::FIELDS, false);
            ctx.require("name", &fm.name);
            let text = PageText {
                title: fm.name,
                summary: fm.summary,
                eligibility: fm.eligibility,
                cost: fm.cost,
                ..Default::default()
            };
            (text, None, fm.source_updated, fm.translated_by.is_some())
        }
        (Section::Procedures, false) => {
            let fm: ProcedureTranslation =
                ctx.fields(&mapping, ProcedureTranslation::FIELDS, ProcedureSource::FIELDS, false);
            ctx.require("title", &fm.title);
            let text = PageText {
                title: fm.title,
                summary: fm.summary,
                documents: fm.documents,
                cost: fm.cost,
                duration: fm.duration,
                ..Default::default()
            };
            (text, None, fm.source_updated, fm.translated_by.is_some())
        }
        (Section::Glossary, false) => {
            let fm: GlossaryTranslation =
                ctx.fields(&mapping, GlossaryTranslation::FIELDS, GlossarySource::FIELDS, false);
            ctx.require("translation", &fm.translation);
            (
                PageText {
                    title: fm.translation,
                    ..Default::default()
                },
                None,
                fm.source_updated,
                fm.translated_by.is_some(),
            )
        }
        (Section::Pages | Section::Home, false) => {
            let fm: PageTranslation = ctx.fields(&mapping, PageTranslation::FIELDS, PageSource::FIELDS, false);
            if file.id.section == Section::Pages {
                ctx.require("title", &fm.title);
            }
            (
                PageText {
                    title: fm.title,
                    ..Default::default()
                },
                None,
                fm.source_updated,
                fm.translated_by.is_some(),
            )
        }
    };
    let body = markdown::render(split.body, split.body_line, &file.id, &file.path, &mut ctx.diagnostics);
    let document = Document {
        path: file.path.clone(),
        id: file.id.clone(),
        lang: file.lang.clone(),
        text,
        facts,
        source_updated,
        machine_translated: machine,
        body,
        key_lines: ctx.key_lines,
    };
    (Some(document), ctx.diagnostics)
}

/// What parsing one file needs at hand: its path, its keys' lines and the
/// problems found so far.
struct Ctx {
    path: PathBuf,
    diagnostics: Vec<Diagnostic>,
    key_lines: BTreeMap<String, usize>,
}

impl Ctx {
    fn line(&self, key: &str) -> usize {
        self.key_lines.get(key).copied().unwrap_or(1)
    }

    fn require<T>(&mut self, key: &str, value: &Option<T>) {
        if value.is_none() && !self.key_lines.contains_key(key) {
            self.diagnostics.push(
                Diagnostic::error(&self.path, 1, format!("the required field `{key}` is missing"))
                    .with_hint(format!("add a line `{key}: ...` between the two `---` lines")),
            );
        }
    }

    /// Reads the front matter into `T`, reporting every unknown key, every
    /// fact repeated in a translation and every value of the wrong form, each
    /// on its own line, and keeping what is right.
    fn fields<T: DeserializeOwned + Default>(
        &mut self,
        mapping: &Mapping,
        fields: &[&str],
        other_role_fields: &[&str],
        is_source: bool,
    ) -> T {
        let mut accepted = Mapping::new();
        for (key, value) in mapping {
            let Some(name) = key.as_str() else {
                self.diagnostics.push(
                    Diagnostic::error(&self.path, 1, format!("`{}` is not a field name", yaml_inline(key)))
                        .with_hint("field names are words such as title, summary, updated"),
                );
                continue;
            };
            let line = self.line(name);
            if fields.contains(&name) {
                if !value.is_null() {
                    accepted.insert(key.clone(), value.clone());
                }
            } else if !is_source && other_role_fields.contains(&name) {
                self.diagnostics.push(
                    Diagnostic::error(
                        &self.path,
                        line,
                        format!("`{name}` is a fact written once, in the source file: a translation cannot set it"),
                    )
                    .with_hint(format!(
                        "remove the line `{name}: ...` from this translation; it inherits the value from the source"
                    )),
                );
            } else if is_source && other_role_fields.contains(&name) {
                self.diagnostics.push(
                    Diagnostic::error(
                        &self.path,
                        line,
                        format!("`{name}` belongs in a translation, not in the source file"),
                    )
                    .with_hint(format!(
                        "remove `{name}` here; translations are files named slug.<language>.md"
                    )),
                );
            } else {
                let mut d = Diagnostic::error(&self.path, line, format!("unknown field `{name}`"));
                d = match nearest(name, fields.iter().copied()) {
                    Some(known) => d.with_hint(format!("did you mean `{known}`?")),
                    None => d.with_hint(format!("the fields of this page are: {}", fields.join(", "))),
                };
                self.diagnostics.push(d);
            }
        }
        if let Ok(value) = serde_norway::from_value::<T>(Value::Mapping(accepted.clone())) {
            return value;
        }
        let mut good = Mapping::new();
        for (key, value) in &accepted {
            let mut single = Mapping::new();
            single.insert(key.clone(), value.clone());
            match serde_norway::from_value::<T>(Value::Mapping(single)) {
                Ok(_) => {
                    good.insert(key.clone(), value.clone());
                }
                Err(err) => {
                    let name = key.as_str().unwrap_or_default();
                    self.diagnostics.push(
                        Diagnostic::error(
                            &self.path,
                            self.line(name),
                            format!("`{name}`: {}", clean_serde_message(&err.to_string())),
                        )
                        .with_hint(value_hint(name)),
                    );
                }
            }
        }
        serde_norway::from_value(Value::Mapping(good)).unwrap_or_default()
    }
}

fn value_hint(key: &str) -> String {
    match key {
        "updated" | "reviewed" | "source_updated" => "write the date as YYYY-MM-DD, for example 2026-10-01".into(),
        "offices" | "services" | "topics" | "comuni" | "documents" | "sources" | "languages_spoken" => {
            format!("write a list, for example `{key}: [first, second]` or one `- item` a line below `{key}:`")
        }
        "translated_by" => {
            "the only value is `machine`; remove the line once a person has checked the translation".into()
        }
        _ => "write the value as text; put it in quotes if it contains `: `".into(),
    }
}

fn clean_serde_message(message: &str) -> String {
    message.split(" at line ").next().unwrap_or(message).to_owned()
}

fn yaml_inline(value: &Value) -> String {
    serde_norway::to_string(value)
        .map(|s| s.trim().to_owned())
        .unwrap_or_default()
}

/// Parses the front matter as a YAML mapping; an empty front matter is an
/// empty mapping. On error returns the message and the 1-based line and column
/// within the YAML.
fn parse_mapping(yaml: &str) -> Result<Mapping, (String, usize, usize)> {
    if yaml.trim().is_empty() {
        return Ok(Mapping::new());
    }
    match serde_norway::from_str::<Value>(yaml) {
        Ok(Value::Mapping(mapping)) => Ok(mapping),
        Ok(Value::Null) => Ok(Mapping::new()),
        Ok(_) => Err(("the front matter must be a list of `key: value` lines".into(), 1, 1)),
        Err(err) => {
            let (line, column) = err.location().map_or((1, 0), |l| (l.line(), l.column()));
            Err((clean_serde_message(&err.to_string()), line, column))
        }
    }
}

/// The line of each top-level key of the YAML (keys that start a line).
fn key_lines(yaml: &str, first_line: usize) -> BTreeMap<String, usize> {
    let mut lines = BTreeMap::new();
    for (index, line) in yaml.lines().enumerate() {
        if line.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        if let Some((key, _)) = line.split_once(':') {
            let key = key.trim().trim_matches(['"', '\'']);
            if !key.is_empty() {
                lines.entry(key.to_owned()).or_insert(first_line + index);
            }
        }
    }
    lines
}
