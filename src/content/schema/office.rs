//! `content/offices/<slug>.md`: an office or help desk, a place with hours.

use super::comune::NamedTranslation;
use super::values::{parse_hours, Geo, OneOrMany, Source};
use super::{front_matter, Field, SourceSchema, ValueProblems};
use crate::content::document::{Facts, PageText};
use crate::content::{Date, LangCode, Section, Slug};

front_matter!(
    /// content/offices/<slug>.md
    OfficeSource {
        /// The office's name.
        name: String => Line, required,
        /// The comune it is in: a comuni/ slug; left out for an office
        /// outside the district (its town is then in `address`).
        comune: Slug => Ref(Section::Comuni), optional,
        /// Street address; left out where not confirmed.
        address: String => Line, optional,
        /// Latitude and longitude.
        geo: Geo => Geo, optional,
        /// Phone numbers, in international form.
        phone: OneOrMany => Phones, optional,
        /// Public e-mail address.
        email: String => Email, optional,
        /// Certified e-mail address (PEC).
        pec: String => Email, optional,
        /// Website.
        website: String => Url, optional,
        /// Opening hours in OpenStreetMap opening_hours syntax.
        hours: String => Hours, optional,
        /// Languages spoken at the office, ISO 639-1.
        languages_spoken: Vec<LangCode> => Languages, optional,
        /// Topics of site.yaml.
        topics: Vec<Slug> => Topics, optional,
        /// The official pages the facts come from.
        sources: Vec<Source> => Sources, optional,
        /// When the facts last changed.
        updated: Date => Date, required,
        /// When the facts were last checked.
        reviewed: Date => Date, required,
    }
);

impl SourceSchema for OfficeSource {
    const FIELDS: &'static [Field] = Self::FIELD_LIST;
    type Translation = NamedTranslation;

    fn into_page(self, problems: &mut ValueProblems) -> (PageText, Facts) {
        let hours = self.hours.and_then(|raw| parse_hours(&raw, problems));
        let text = PageText {
            title: self.name,
            ..Default::default()
        };
        let facts = Facts {
            updated: self.updated,
            reviewed: self.reviewed,
            comune: self.comune,
            address: self.address,
            geo: self.geo,
            phone: self.phone.map(|p| p.0).unwrap_or_default(),
            email: self.email,
            pec: self.pec,
            website: self.website,
            hours,
            sources: self.sources.unwrap_or_default(),
            languages_spoken: self.languages_spoken.unwrap_or_default(),
            topics: self.topics.unwrap_or_default(),
            ..Default::default()
        };
        (text, facts)
    }
}
