//! `content/comuni/<slug>.md`: a comune of the district. Its translations,
//! like an office's, carry only its name.

use super::values::{parse_hours, Geo, Istat, OneOrMany, Source, TranslatedBy};
use super::{front_matter, Field, SourceSchema, Translated, TranslationSchema, ValueProblems};
use crate::content::document::{Facts, PageText};
use crate::content::Date;

front_matter!(
    /// content/comuni/<slug>.md
    ComuneSource {
        /// The comune's name.
        name: String => Line, required,
        /// ISTAT code, six digits, written in quotes.
        istat: Istat => Istat, optional,
        /// The comune's own website.
        website: String => Url, optional,
        /// Latitude and longitude.
        geo: Geo => Geo, optional,
        /// The town hall's street address (its anagrafe's, where different).
        address: String => Line, optional,
        /// The town hall's phone numbers.
        phone: OneOrMany => Phones, optional,
        /// The town hall's public e-mail address.
        email: String => Email, optional,
        /// The town hall's certified e-mail address (PEC).
        pec: String => Email, optional,
        /// The town hall's opening hours, in OpenStreetMap syntax.
        hours: String => Hours, optional,
        /// The official pages the facts come from.
        sources: Vec<Source> => Sources, optional,
        /// When the facts last changed.
        updated: Date => Date, optional,
        /// When someone last checked the facts against the sources.
        reviewed: Date => Date, optional,
    }
);

impl SourceSchema for ComuneSource {
    const FIELDS: &'static [Field] = Self::FIELD_LIST;
    type Translation = NamedTranslation;

    fn into_page(self, problems: &mut ValueProblems) -> (PageText, Facts) {
        let text = PageText {
            title: self.name,
            ..Default::default()
        };
        let facts = Facts {
            updated: self.updated,
            reviewed: self.reviewed,
            istat: self.istat,
            website: self.website,
            geo: self.geo,
            address: self.address,
            phone: self.phone.map(|p| p.0).unwrap_or_default(),
            email: self.email,
            pec: self.pec,
            hours: self.hours.and_then(|raw| parse_hours(&raw, problems)),
            sources: self.sources.unwrap_or_default(),
            ..Default::default()
        };
        (text, facts)
    }
}

front_matter!(
    /// A translation of a comune or an office.
    NamedTranslation {
        /// The name in this language.
        name: String => Line, required,
        /// The source's `updated` this was translated from.
        source_updated: Date => Date, optional,
        /// `machine` until a person has reviewed the translation.
        translated_by: TranslatedBy => TranslatedBy, optional,
    }
);

impl TranslationSchema for NamedTranslation {
    const FIELDS: &'static [Field] = Self::FIELD_LIST;

    fn into_translation(self) -> Translated {
        Translated {
            text: PageText {
                title: self.name,
                ..Default::default()
            },
            source_updated: self.source_updated,
            machine: self.translated_by.is_some(),
        }
    }
}
