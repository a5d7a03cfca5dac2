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
use super::markdown::{self, RenderedMarkdown};
use super::schema::{
    ComuneSource, ComuniScope, Field, Geo, GlossarySource, HomeSource, Istat, NewsSource, OfficeSource, PageSource,
    ProcedureSource, ServiceSource, Source, SourceSchema, TranslationSchema, ValueProblems,
};
use crate::diagnostics::{nearest, Diagnostic};
use crate::hours::Hours;

/// The facts of a page: written once, in the source file, and inherited by
/// every translation. A field a section does not have stays empty.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    pub updated: Option<Date>,
    /// A notice's day of publication.
    pub published: Option<Date>,
    /// A notice's last day.
    pub until: Option<Date>,
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
    /// Certified e-mail (PEC).
    pub pec: Option<String>,
    pub website: Option<String>,
    pub hours: Option<Hours>,
    pub languages_spoken: Vec<LangCode>,
    pub istat: Option<Istat>,
    /// The official pages the facts come from.
    pub sources: Vec<Source>,
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
    let read = match (file.id.section, file.lang.is_none()) {
        (Section::Comuni, true) => ctx.source::<ComuneSource>(&mapping),
        (Section::Offices, true) => ctx.source::<OfficeSource>(&mapping),
        (Section::Services, true) => ctx.source::<ServiceSource>(&mapping),
        (Section::Procedures, true) => ctx.source::<ProcedureSource>(&mapping),
        (Section::Glossary, true) => ctx.source::<GlossarySource>(&mapping),
        (Section::News, true) => ctx.source::<NewsSource>(&mapping),
        (Section::Pages, true) => ctx.source::<PageSource>(&mapping),
        (Section::Home, true) => ctx.source::<HomeSource>(&mapping),
        (Section::Comuni, false) => ctx.translation::<ComuneSource>(&mapping),
        (Section::Offices, false) => ctx.translation::<OfficeSource>(&mapping),
        (Section::Services, false) => ctx.translation::<ServiceSource>(&mapping),
        (Section::Procedures, false) => ctx.translation::<ProcedureSource>(&mapping),
        (Section::Glossary, false) => ctx.translation::<GlossarySource>(&mapping),
        (Section::News, false) => ctx.translation::<NewsSource>(&mapping),
        (Section::Pages, false) => ctx.translation::<PageSource>(&mapping),
        (Section::Home, false) => ctx.translation::<HomeSource>(&mapping),
    };
    let body = markdown::render(split.body, split.body_line, &file.id, &file.path, &mut ctx.diagnostics);
    let document = Document {
        path: file.path.clone(),
        id: file.id.clone(),
        lang: file.lang.clone(),
        text: read.text,
        facts: read.facts,
        source_updated: read.source_updated,
        machine_translated: read.machine,
        body,
        key_lines: ctx.key_lines,
    };
    (Some(document), ctx.diagnostics)
}

/// What a file's front matter gives its document.
struct Read {
    text: PageText,
    facts: Option<Facts>,
    source_updated: Option<Date>,
    machine: bool,
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

    /// Reports each required field of `fields` that the front matter lacks.
    fn require(&mut self, fields: &[Field]) {
        for field in fields.iter().filter(|f| f.required) {
            let key = field.name;
            if !self.key_lines.contains_key(key) {
                self.diagnostics.push(
                    Diagnostic::error(&self.path, 1, format!("the required field `{key}` is missing"))
                        .with_hint(format!("add a line `{key}: ...` between the two `---` lines")),
                );
            }
        }
    }

    /// A source file's front matter, read with its section's schema.
    fn source<S: SourceSchema>(&mut self, mapping: &Mapping) -> Read {
        let names = |fields: &[Field]| -> Vec<&'static str> { fields.iter().map(|f| f.name).collect() };
        let fm: S = self.fields(
            mapping,
            &names(S::FIELDS),
            &names(<S::Translation as TranslationSchema>::FIELDS),
            true,
        );
        self.require(S::FIELDS);
        let mut problems = ValueProblems::default();
        let (text, facts) = fm.into_page(&mut problems);
        for problem in problems.found {
            let line = if problem.field.is_empty() {
                1
            } else {
                self.line(problem.field)
            };
            let diagnostic = if problem.warning {
                Diagnostic::warning(&self.path, line, problem.message)
            } else {
                Diagnostic::error(&self.path, line, problem.message)
            };
            self.diagnostics.push(diagnostic.with_hint(problem.hint));
        }
        Read {
            text,
            facts: Some(facts),
            source_updated: None,
            machine: false,
        }
    }

    /// A translation's front matter, read with its section's schema.
    fn translation<S: SourceSchema>(&mut self, mapping: &Mapping) -> Read {
        let names = |fields: &[Field]| -> Vec<&'static str> { fields.iter().map(|f| f.name).collect() };
        let fields = <S::Translation as TranslationSchema>::FIELDS;
        let fm: S::Translation = self.fields(mapping, &names(fields), &names(S::FIELDS), false);
        self.require(fields);
        let translated = fm.into_translation();
        Read {
            text: translated.text,
            facts: None,
            source_updated: translated.source_updated,
            machine: translated.machine,
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
