//! `content/news/<slug>.md`: a dated notice of the desk's territory — a
//! new Italian course, a change of hours, an event, a deadline — with the
//! day it was published and, optionally, the last day it holds.

use super::values::{Source, TranslatedBy};
use super::{front_matter, Field, SourceSchema, Translated, TranslationSchema, ValueProblems};
use crate::content::document::{Facts, PageText};
use crate::content::{Date, Slug};

front_matter!(
    /// content/news/<slug>.md
    NewsSource {
        /// The notice's title.
        title: String => Line, required,
        /// One sentence on what it says.
        summary: String => Text, optional,
        /// The day the notice was published by its source.
        date: Date => Date, required,
        /// The last day the notice holds; after it, the notice is shown as past.
        until: Date => Date, optional,
        /// Topics of site.yaml.
        topics: Vec<Slug> => Topics, optional,
        /// The official pages the notice comes from.
        sources: Vec<Source> => Sources, required,
        /// When the notice was corrected, if it was.
        updated: Date => Date, optional,
        /// When someone last checked it against its sources.
        reviewed: Date => Date, optional,
    }
);

impl SourceSchema for NewsSource {
    const FIELDS: &'static [Field] = Self::FIELD_LIST;
    type Translation = NewsTranslation;

    fn into_page(self, problems: &mut ValueProblems) -> (PageText, Facts) {
        if let (Some(date), Some(until)) = (self.date, self.until) {
            if until < date {
                problems.push(
                    "until",
                    crate::diagnostics::Code::UntilBeforeDate,
                    vec![("until", until.to_string().into()), ("date", date.to_string().into())],
                );
            }
        }
        let text = PageText {
            title: self.title,
            summary: self.summary,
            ..Default::default()
        };
        let facts = Facts {
            published: self.date,
            until: self.until,
            updated: self.updated,
            reviewed: self.reviewed,
            topics: self.topics.unwrap_or_default(),
            sources: self.sources.unwrap_or_default(),
            ..Default::default()
        };
        (text, facts)
    }
}

front_matter!(
    /// A translation of a notice.
    NewsTranslation {
        title: String => Line, required,
        summary: String => Text, optional,
        /// The source's `updated` this was translated from, if it has one.
        source_updated: Date => Date, optional,
        /// `machine` until a person has reviewed the translation.
        translated_by: TranslatedBy => TranslatedBy, optional,
    }
);

impl TranslationSchema for NewsTranslation {
    const FIELDS: &'static [Field] = Self::FIELD_LIST;

    fn into_translation(self) -> Translated {
        Translated {
            text: PageText {
                title: self.title,
                summary: self.summary,
                ..Default::default()
            },
            source_updated: self.source_updated,
            machine: self.translated_by.is_some(),
        }
    }
}
