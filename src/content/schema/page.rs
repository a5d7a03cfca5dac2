//! `content/pages/<slug>.md`, free pages linked from every page's footer,
//! and `content/_index.md`, the home page's text.

use super::values::{Source, TranslatedBy};
use super::{front_matter, Field, SourceSchema, Translated, TranslationSchema, ValueProblems};
use crate::content::document::{Facts, PageText};
use crate::content::Date;

front_matter!(
    /// content/pages/<slug>.md
    PageSource {
        /// The page's title.
        title: String => Line, required,
        /// The official pages the facts come from.
        sources: Vec<Source> => Sources, optional,
        /// When the text last changed.
        updated: Date => Date, optional,
        /// When the text was last checked.
        reviewed: Date => Date, optional,
    }
);

front_matter!(
    /// content/_index.md: the home page's text.
    HomeSource {
        /// The home page's title; the site's title otherwise.
        title: String => Line, optional,
        /// The official pages the facts come from.
        sources: Vec<Source> => Sources, optional,
        /// When the text last changed.
        updated: Date => Date, optional,
        /// When the text was last checked.
        reviewed: Date => Date, optional,
    }
);

fn page(
    title: Option<String>,
    sources: Option<Vec<Source>>,
    updated: Option<Date>,
    reviewed: Option<Date>,
) -> (PageText, Facts) {
    let text = PageText {
        title,
        ..Default::default()
    };
    let facts = Facts {
        updated,
        reviewed,
        sources: sources.unwrap_or_default(),
        ..Default::default()
    };
    (text, facts)
}

impl SourceSchema for PageSource {
    const FIELDS: &'static [Field] = Self::FIELD_LIST;
    type Translation = PageTranslation;

    fn into_page(self, _: &mut ValueProblems) -> (PageText, Facts) {
        page(self.title, self.sources, self.updated, self.reviewed)
    }
}

impl SourceSchema for HomeSource {
    const FIELDS: &'static [Field] = Self::FIELD_LIST;
    type Translation = HomeTranslation;

    fn into_page(self, _: &mut ValueProblems) -> (PageText, Facts) {
        page(self.title, self.sources, self.updated, self.reviewed)
    }
}

front_matter!(
    /// A translation of a free page.
    PageTranslation {
        title: String => Line, required,
        /// The source's `updated` this was translated from.
        source_updated: Date => Date, optional,
        /// `machine` until a person has reviewed the translation.
        translated_by: TranslatedBy => TranslatedBy, optional,
    }
);

front_matter!(
    /// A translation of the home page's text.
    HomeTranslation {
        title: String => Line, optional,
        /// The source's `updated` this was translated from.
        source_updated: Date => Date, optional,
        /// `machine` until a person has reviewed the translation.
        translated_by: TranslatedBy => TranslatedBy, optional,
    }
);

fn translated(title: Option<String>, source_updated: Option<Date>, translated_by: Option<TranslatedBy>) -> Translated {
    Translated {
        text: PageText {
            title,
            ..Default::default()
        },
        source_updated,
        machine: translated_by.is_some(),
    }
}

impl TranslationSchema for PageTranslation {
    const FIELDS: &'static [Field] = Self::FIELD_LIST;

    fn into_translation(self) -> Translated {
        translated(self.title, self.source_updated, self.translated_by)
    }
}

impl TranslationSchema for HomeTranslation {
    const FIELDS: &'static [Field] = Self::FIELD_LIST;

    fn into_translation(self) -> Translated {
        translated(self.title, self.source_updated, self.translated_by)
    }
}
