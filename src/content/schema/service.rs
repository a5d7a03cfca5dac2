//! `content/services/<slug>.md`: a service — what is offered, by whom, for whom.

use super::values::{ComuniScope, Source, TranslatedBy};
use super::{front_matter, Field, SourceSchema, Translated, TranslationSchema, ValueProblems};
use crate::content::document::{Facts, PageText};
use crate::content::{Date, Section, Slug};

front_matter!(
    /// content/services/<slug>.md
    ServiceSource {
        /// The service's name.
        name: String => Line, required,
        /// One sentence on what it offers.
        summary: String => Text, required,
        /// The offices where it is offered.
        offices: Vec<Slug> => Refs(Section::Offices), optional,
        /// `all` or a list of comuni slugs.
        comuni: ComuniScope => Comuni, optional,
        /// Topics of site.yaml.
        topics: Vec<Slug> => Topics, optional,
        /// Who can use it.
        eligibility: String => Text, optional,
        /// What it costs.
        cost: String => Line, optional,
        /// The official pages the facts come from.
        sources: Vec<Source> => Sources, optional,
        /// When the facts last changed.
        updated: Date => Date, required,
        /// When the facts were last checked.
        reviewed: Date => Date, required,
    }
);

impl SourceSchema for ServiceSource {
    const FIELDS: &'static [Field] = Self::FIELD_LIST;
    type Translation = ServiceTranslation;

    fn into_page(self, _: &mut ValueProblems) -> (PageText, Facts) {
        let text = PageText {
            title: self.name,
            summary: self.summary,
            eligibility: self.eligibility,
            cost: self.cost,
            ..Default::default()
        };
        let facts = Facts {
            updated: self.updated,
            reviewed: self.reviewed,
            offices: self.offices.unwrap_or_default(),
            comuni: self.comuni.unwrap_or_default(),
            topics: self.topics.unwrap_or_default(),
            sources: self.sources.unwrap_or_default(),
            ..Default::default()
        };
        (text, facts)
    }
}

front_matter!(
    /// A translation of a service.
    ServiceTranslation {
        name: String => Line, required,
        summary: String => Text, optional,
        eligibility: String => Text, optional,
        cost: String => Line, optional,
        /// The source's `updated` this was translated from.
        source_updated: Date => Date, optional,
        /// `machine` until a person has reviewed the translation.
        translated_by: TranslatedBy => TranslatedBy, optional,
    }
);

impl TranslationSchema for ServiceTranslation {
    const FIELDS: &'static [Field] = Self::FIELD_LIST;

    fn into_translation(self) -> Translated {
        Translated {
            text: PageText {
                title: self.name,
                summary: self.summary,
                eligibility: self.eligibility,
                cost: self.cost,
                ..Default::default()
            },
            source_updated: self.source_updated,
            machine: self.translated_by.is_some(),
        }
    }
}
