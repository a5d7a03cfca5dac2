//! The front matter each section accepts: one typed struct for a source file
//! and one for a translation, each in the file of its section, each with the
//! list of its fields (name, kind, whether required) and the conversion of
//! its values into the page's text and facts. Adding a field to a section
//! touches that section's file.
//!
//! Every field is optional in the structs, so that each problem can be
//! reported on its own line; required fields are checked from the lists.

use serde::de::DeserializeOwned;

use super::document::{Facts, PageText};
use super::ids::Section;

mod comune;
mod glossary;
mod news;
mod office;
mod page;
mod procedure;
mod service;
mod values;

pub use comune::{ComuneSource, NamedTranslation};
pub use glossary::{GlossarySource, GlossaryTranslation};
pub use news::{NewsSource, NewsTranslation};
pub use office::OfficeSource;
pub use page::{HomeSource, HomeTranslation, PageSource, PageTranslation};
pub use procedure::{ProcedureSource, ProcedureTranslation};
pub use service::{ServiceSource, ServiceTranslation};
pub use values::{ComuniScope, Form, Geo, Istat, OneOrMany, Source, TranslatedBy};

/// What kind of value a field holds: what the editor shows for it and
/// how `sportello new` explains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// One line of text.
    Line,
    /// Text of several lines.
    Text,
    /// A list of lines of text.
    Lines,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// The slug of a page of a section.
    Ref(Section),
    /// A list of slugs of pages of a section.
    Refs(Section),
    /// `all`, or a list of comuni slugs.
    Comuni,
    /// A list of topics of site.yaml.
    Topics,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// Phone numbers.
    Phones,
    /// Opening hours in OpenStreetMap syntax.
    Hours,
    /// `[latitude, longitude]`.
    Geo,
    /// ISO 639-1 language codes.
    Languages,
    /// A six-digit ISTAT code.
    Istat,
    /// Web addresses the facts come from.
    Sources,
    /// Files beside the page, each with its title.
    Forms,
    /// `machine`, or nothing.
    TranslatedBy,
}

/// One field of a section's front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub kind: FieldKind,
    pub required: bool,
}

/// The front matter of a section's source file.
pub trait SourceSchema: DeserializeOwned + Default {
    const FIELDS: &'static [Field];
    /// The front matter of this section's translations.
    type Translation: TranslationSchema;
    /// The page's text and facts; problems of the values (hours that cannot
    /// be read, a missing address) go to `problems`.
    fn into_page(self, problems: &mut ValueProblems) -> (PageText, Facts);
}

/// The front matter of a section's translation file.
pub trait TranslationSchema: DeserializeOwned + Default {
    const FIELDS: &'static [Field];
    fn into_translation(self) -> Translated;
}

/// What a translation's front matter gives a page.
pub struct Translated {
    pub text: PageText,
    pub source_updated: Option<super::Date>,
    pub machine: bool,
}

/// Problems found while converting values, reported by the caller with the
/// file's path and the field's line.
#[derive(Debug, Default)]
pub struct ValueProblems {
    pub found: Vec<ValueProblem>,
}

/// A value that is well formed but wrong: its field and what is wrong.
#[derive(Debug)]
pub struct ValueProblem {
    pub field: &'static str,
    pub code: crate::diagnostics::Code,
    pub args: Vec<(&'static str, crate::messages::Arg)>,
}

impl ValueProblems {
    pub fn push(
        &mut self,
        field: &'static str,
        code: crate::diagnostics::Code,
        args: Vec<(&'static str, crate::messages::Arg)>,
    ) {
        self.found.push(ValueProblem { field, code, args });
    }
}

/// The field lists of a section: its source's and its translations'.
pub fn fields_of(section: Section) -> (&'static [Field], &'static [Field]) {
    fn of<S: SourceSchema>() -> (&'static [Field], &'static [Field]) {
        (S::FIELDS, <S::Translation as TranslationSchema>::FIELDS)
    }
    match section {
        Section::Comuni => of::<ComuneSource>(),
        Section::Offices => of::<OfficeSource>(),
        Section::Services => of::<ServiceSource>(),
        Section::Procedures => of::<ProcedureSource>(),
        Section::Glossary => of::<GlossarySource>(),
        Section::News => of::<NewsSource>(),
        Section::Pages => of::<PageSource>(),
        Section::Home => of::<HomeSource>(),
    }
}

/// Defines a front matter struct whose fields are all optional, with the
/// list of its fields: `name: Type => Kind, required` (or `optional`).
macro_rules! front_matter {
    (@required required) => { true };
    (@required optional) => { false };
    ($(#[$meta:meta])* $name:ident { $($(#[$fmeta:meta])* $field:ident : $ty:ty => $kind:expr, $req:ident),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Default, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name { $($(#[$fmeta])* pub $field: Option<$ty>,)* }
        impl $name {
            /// The fields this front matter accepts.
            pub const FIELD_LIST: &'static [$crate::content::schema::Field] = &[$(
                $crate::content::schema::Field {
                    name: stringify!($field),
                    kind: { #[allow(unused_imports)] use $crate::content::schema::FieldKind::*; $kind },
                    required: front_matter!(@required $req),
                }
            ),*];
        }
    };
}
pub(crate) use front_matter;
