//! `content/offices/<slug>.md`: an office or help desk, a place with hours.

use super::comune::NamedTranslation;
use super::values::{Geo, OneOrMany};
use super::{front_matter, Field, SourceSchema, ValueProblems};
use crate::content::document::{Facts, PageText};
use crate::content::{Date, LangCode, Section, Slug};
use crate::hours::Hours;

front_matter!(
    /// content/offices/<slug>.md
    OfficeSource {
        /// The office's name.
        name: String => Line, required,
        /// The comune it is in: a comuni/ slug.
        comune: Slug => Ref(Section::Comuni), required,
        /// Street address; left out where not confirmed.
        address: String => Line, optional,
        /// Latitude and longitude.
        geo: Geo => Geo, optional,
        /// Phone numbers, in international form.
        phone: OneOrMany => Phones, optional,
        /// E-mail address.
        email: String => Email, optional,
        /// Website.
        website: String => Url, optional,
        /// Opening hours in OpenStreetMap opening_hours syntax.
        hours: String => Hours, optional,
        /// Languages spoken at the office, ISO 639-1.
        languages_spoken: Vec<LangCode> => Languages, optional,
        /// Topics of site.yaml.
        topics: Vec<Slug> => Topics, optional,
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
        if self.address.is_none() {
            problems.warning(
                "",
                "this office has no `address`: the page will tell readers to ask the help desk",
                "add `address: Via ..., 86170 Isernia` once the address is confirmed",
            );
        }
        let hours = self.hours.and_then(|raw| match Hours::parse(&raw) {
            Ok(hours) => Some(hours),
            Err(message) => {
                problems.error(
                    "hours",
                    format!("`hours` cannot be read: {message}"),
                    "use OpenStreetMap opening_hours syntax, for example \"Mo-Fr 09:00-12:00; Th 15:00-17:00\" (days Mo Tu We Th Fr Sa Su, 24-hour times)",
                );
                None
            }
        });
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
            website: self.website,
            hours,
            languages_spoken: self.languages_spoken.unwrap_or_default(),
            topics: self.topics.unwrap_or_default(),
            ..Default::default()
        };
        (text, facts)
    }
}
