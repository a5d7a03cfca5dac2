//! Turns a source file into a typed document: front matter checked key by
//! key against its section's schema, and the body converted to HTML.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde_norway::{Mapping, Value};

use super::attachments::Attachments;
use super::date::Date;
use super::front_matter;
use super::ids::{LangCode, PageId, Section, Slug};
use super::load::SourceFile;
use super::markdown::{self, RenderedMarkdown};
use super::schema::{
    ComuneSource, ComuniScope, Field, FieldKind, Form, Geo, GlossarySource, HomeSource, Istat, NewsSource,
    OfficeSource, PageSource, ProcedureSource, ServiceSource, Source, SourceSchema, TranslationSchema, ValueProblems,
};
use super::yaml_problems;
use crate::diagnostics::{nearest, Code, Diagnostic};
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
    /// A guide's forms, beside its page.
    pub forms: Vec<Form>,
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
pub fn parse_document(file: &SourceFile, attachments: &Attachments) -> (Option<Document>, Vec<Diagnostic>) {
    let mut ctx = Ctx {
        path: file.path.clone(),
        diagnostics: Vec::new(),
        key_lines: BTreeMap::new(),
    };
    let split = match front_matter::split(&file.text) {
        Ok(split) => split,
        Err(err) => {
            ctx.diagnostics.push(Diagnostic::new(err.code, &file.path, err.line));
            return (None, ctx.diagnostics);
        }
    };
    ctx.key_lines = key_lines(split.yaml, split.yaml_line);
    let mapping = match read_yaml(split.yaml, split.yaml_line, &file.path) {
        Ok(mapping) => mapping,
        Err(problems) => {
            ctx.diagnostics.extend(problems);
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
    let body = markdown::render(
        &markdown::Body {
            text: split.body,
            first_line: split.body_line,
            id: &file.id,
            path: &file.path,
            attachments,
        },
        &mut ctx.diagnostics,
    );
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
                self.diagnostics
                    .push(Diagnostic::new(Code::RequiredFieldMissing, &self.path, 1).arg("field", key));
            }
        }
    }

    /// A source file's front matter, read with its section's schema.
    fn source<S: SourceSchema>(&mut self, mapping: &Mapping) -> Read {
        let fm: S = self.fields(mapping, S::FIELDS, <S::Translation as TranslationSchema>::FIELDS, true);
        self.require(S::FIELDS);
        let mut problems = ValueProblems::default();
        let (text, facts) = fm.into_page(&mut problems);
        for problem in problems.found {
            let mut diagnostic = Diagnostic::new(problem.code, &self.path, self.line(problem.field));
            diagnostic.args = problem.args;
            self.diagnostics.push(diagnostic);
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
        let fields = <S::Translation as TranslationSchema>::FIELDS;
        let fm: S::Translation = self.fields(mapping, fields, S::FIELDS, false);
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
        fields: &[Field],
        other_role_fields: &[Field],
        is_source: bool,
    ) -> T {
        let names: Vec<&str> = fields.iter().map(|f| f.name).collect();
        let mut accepted = Mapping::new();
        for (key, value) in mapping {
            let Some(name) = key.as_str() else {
                self.diagnostics
                    .push(Diagnostic::new(Code::NotAFieldName, &self.path, 1).arg("key", yaml_inline(key)));
                continue;
            };
            let line = self.line(name);
            if names.contains(&name) {
                if !value.is_null() {
                    accepted.insert(key.clone(), value.clone());
                }
            } else if other_role_fields.iter().any(|f| f.name == name) {
                let code = if is_source {
                    Code::TranslationFieldInSource
                } else {
                    Code::FactInTranslation
                };
                self.diagnostics
                    .push(Diagnostic::new(code, &self.path, line).arg("field", name));
            } else {
                self.diagnostics.push(
                    Diagnostic::new(Code::UnknownField, &self.path, line)
                        .arg("field", name)
                        .arg("known", nearest(name, names.iter().copied()).unwrap_or("none"))
                        .arg("fields", names.join(", ")),
                );
            }
        }
        if let Ok(value) = serde_norway::from_value::<T>(Value::Mapping(accepted.clone())) {
            return value;
        }
        let mut good = Mapping::new();
        for (key, value) in &accepted {
            let mut single = Mapping::new();
            single.insert(key.clone(), value.clone());
            if serde_norway::from_value::<T>(Value::Mapping(single)).is_ok() {
                good.insert(key.clone(), value.clone());
                continue;
            }
            let name = key.as_str().unwrap_or_default();
            let kind = fields.iter().find(|f| f.name == name).map(|f| f.kind);
            self.diagnostics.push(
                Diagnostic::new(Code::BadValue, &self.path, self.line(name))
                    .arg("field", name)
                    .arg("value", shortened(&yaml_inline(value)))
                    .arg("kind", value_kind(kind)),
            );
        }
        serde_norway::from_value(Value::Mapping(good)).unwrap_or_default()
    }
}

/// The kind of value a field takes, as the hints of `bad-value` name it.
fn value_kind(kind: Option<FieldKind>) -> &'static str {
    match kind {
        Some(FieldKind::Date) => "date",
        Some(FieldKind::Lines | FieldKind::Refs(_) | FieldKind::Topics | FieldKind::Languages) => "list",
        Some(FieldKind::TranslatedBy) => "translated_by",
        Some(FieldKind::Sources) => "sources",
        Some(FieldKind::Forms) => "forms",
        Some(FieldKind::Geo) => "geo",
        Some(FieldKind::Istat) => "istat",
        Some(FieldKind::Phones) => "phones",
        Some(FieldKind::Comuni) => "comuni",
        _ => "text",
    }
}

/// A value as written, cut to a length a message can show.
fn shortened(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        text.chars().take(MAX).collect::<String>() + "…"
    }
}

fn yaml_inline(value: &Value) -> String {
    serde_norway::to_string(value)
        .map(|s| s.trim().to_owned())
        .unwrap_or_default()
}

/// Reads the front matter as a YAML mapping; an empty front matter is an
/// empty mapping. On failure, the problems at the lines where the volunteer
/// made them: a key written twice, a quote or bracket never closed, a tab.
fn read_yaml(yaml: &str, first_line: usize, path: &Path) -> Result<Mapping, Vec<Diagnostic>> {
    let at = |line: usize| line + first_line - 1;
    let repeated: Vec<Diagnostic> = yaml_problems::repeated_keys(yaml)
        .into_iter()
        .map(|r| {
            Diagnostic::new(Code::DuplicateKey, path, at(r.again))
                .also_at(at(r.first))
                .arg("key", r.key)
                .arg("first", at(r.first))
                .arg("line", at(r.again))
        })
        .collect();
    if !repeated.is_empty() {
        return Err(repeated);
    }
    if yaml.trim().is_empty() {
        return Ok(Mapping::new());
    }
    match serde_norway::from_str::<Value>(yaml) {
        Ok(Value::Mapping(mapping)) => Ok(mapping),
        Ok(Value::Null) => Ok(Mapping::new()),
        Ok(_) => Err(vec![Diagnostic::new(Code::FrontMatterNotMapping, path, first_line)]),
        Err(err) => {
            if let Some(line) = yaml_problems::first_tab(yaml) {
                return Err(vec![Diagnostic::new(Code::YamlTab, path, at(line))]);
            }
            if let Some(opened) = yaml_problems::first_unclosed(yaml) {
                let (what, closer) = match opened.what {
                    yaml_problems::Unclosed::Quote(mark) => ("quote", mark.to_string()),
                    yaml_problems::Unclosed::Bracket => ("bracket", "]".to_owned()),
                    yaml_problems::Unclosed::Brace => ("brace", "}".to_owned()),
                };
                return Err(vec![Diagnostic::new(Code::YamlUnclosed, path, at(opened.line))
                    .at_column(opened.column)
                    .arg("what", what)
                    .arg("closer", closer)]);
            }
            let (line, column) = err.location().map_or((1, 0), |l| (l.line(), l.column()));
            Err(vec![Diagnostic::new(Code::YamlSyntax, path, at(line)).at_column(column)])
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
