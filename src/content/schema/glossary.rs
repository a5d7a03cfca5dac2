//! `content/glossary/<slug>.md`: an Italian word of the counter, explained.
//! The term stays Italian in every language; a translation adds the word
//! of its own language.

use super::values::{Source, TranslatedBy};
use super::{front_matter, Field, SourceSchema, Translated, TranslationSchema, ValueProblems};
use crate::content::document::{Facts, PageText};
use crate::content::Date;

front_matter!(
    /// content/glossary/<slug>.md
    GlossarySource {
        /// The Italian term, kept in every language.
        term: String => Line, required,
        /// The official pages the explanation comes from.
        sources: Vec<Source> => Sources, optional,
        /// When the text last changed.
        updated: Date => Date, optional,
        /// When the text was last checked.
        reviewed: Date => Date, optional,
    }
);

impl SourceSchema for GlossarySource {
    const FIELDS: &'static [Field] = Self::FIELD_LIST;
    type Translation = GlossaryTranslation;

    fn into_page(self, _: &mut ValueProblems) -> (PageText, Facts) {
        let text = PageText {
            title: self.term.clone(),
            ..Default::default()
        };
        let facts = Facts {
            updated: self.updated,
            reviewed: self.reviewed,
            term: self.term,
            sources: self.sources.unwrap_or_default(),
            ..Default::default()
        };
        (text, facts)
    }
}

front_matter!(
    /// A translation of a glossary term.
    GlossaryTranslation {
        /// The term in this language; `term` stays Italian.
        translation: String => Line, required,
        /// The source's `updated` this was translated from.
        source_updated: Date => Date, optional,
        /// `machine` until a person has reviewed the translation.
        translated_by: TranslatedBy => TranslatedBy, optional,
    }
);

impl TranslationSchema for GlossaryTranslation {
    const FIELDS: &'static [Field] = Self::FIELD_LIST;

    fn into_translation(self) -> Translated {
        Translated {
            text: PageText {
                title: self.translation,
                ..Default::default()
            },
            source_updated: self.source_updated,
            machine: self.translated_by.is_some(),
        }
    }
}
