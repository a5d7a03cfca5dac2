//! `content/procedures/<slug>.md`: a guide, the steps to get something done.

use super::values::{ComuniScope, Form, Source, TranslatedBy};
use super::{front_matter, Field, SourceSchema, Translated, TranslationSchema, ValueProblems};
use crate::content::document::{Facts, PageText};
use crate::content::{Date, Section, Slug};

front_matter!(
    /// content/procedures/<slug>.md
    ProcedureSource {
        /// The procedure's title.
        title: String => Line, required,
        /// One sentence on what it gets done.
        summary: String => Text, required,
        /// Topics of site.yaml.
        topics: Vec<Slug> => Topics, optional,
        /// `all` or a list of comuni slugs.
        comuni: ComuniScope => Comuni, optional,
        /// The offices involved.
        offices: Vec<Slug> => Refs(Section::Offices), optional,
        /// The services that help with it.
        services: Vec<Slug> => Refs(Section::Services), optional,
        /// What to bring, one line each.
        documents: Vec<String> => Lines, optional,
        /// The forms to fill in, placed beside the page.
        forms: Vec<Form> => Forms, optional,
        /// What it costs.
        cost: String => Text, optional,
        /// How long it takes.
        duration: String => Line, optional,
        /// When the facts last changed.
        updated: Date => Date, required,
        /// When the facts were last checked.
        reviewed: Date => Date, required,
        /// Where the facts come from.
        sources: Vec<Source> => Sources, optional,
    }
);

impl SourceSchema for ProcedureSource {
    const FIELDS: &'static [Field] = Self::FIELD_LIST;
    type Translation = ProcedureTranslation;

    fn into_page(self, _: &mut ValueProblems) -> (PageText, Facts) {
        let text = PageText {
            title: self.title,
            summary: self.summary,
            documents: self.documents,
            cost: self.cost,
            duration: self.duration,
            ..Default::default()
        };
        let facts = Facts {
            updated: self.updated,
            reviewed: self.reviewed,
            offices: self.offices.unwrap_or_default(),
            services: self.services.unwrap_or_default(),
            comuni: self.comuni.unwrap_or_default(),
            topics: self.topics.unwrap_or_default(),
            sources: self.sources.unwrap_or_default(),
            forms: self.forms.unwrap_or_default(),
            ..Default::default()
        };
        (text, facts)
    }
}

front_matter!(
    /// A translation of a procedure.
    ProcedureTranslation {
        title: String => Line, required,
        summary: String => Text, optional,
        documents: Vec<String> => Lines, optional,
        cost: String => Text, optional,
        duration: String => Line, optional,
        /// The source's `updated` this was translated from.
        source_updated: Date => Date, optional,
        /// `machine` until a person has reviewed the translation.
        translated_by: TranslatedBy => TranslatedBy, optional,
    }
);

impl TranslationSchema for ProcedureTranslation {
    const FIELDS: &'static [Field] = Self::FIELD_LIST;

    fn into_translation(self) -> Translated {
        Translated {
            text: PageText {
                title: self.title,
                summary: self.summary,
                documents: self.documents,
                cost: self.cost,
                duration: self.duration,
                ..Default::default()
            },
            source_updated: self.source_updated,
            machine: self.translated_by.is_some(),
        }
    }
}
