//! The front matter each section accepts, as typed structs: one for a source
//! file and one for a translation. Every field is optional here so that each
//! problem can be reported on its own line; required fields are checked when
//! the document is built.

use serde::{Deserialize, Deserializer};

use super::date::Date;
use super::ids::{LangCode, Slug};

/// Defines a front matter struct whose fields are all optional, with the list
/// of its keys for suggestions and for telling translations from sources.
macro_rules! front_matter {
    ($(#[$meta:meta])* $name:ident { $($(#[$fmeta:meta])* $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name { $($(#[$fmeta])* pub $field: Option<$ty>,)* }
        impl $name {
            /// The keys this front matter accepts.
            pub const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];
        }
    };
}

front_matter!(
    /// content/comuni/<slug>.md
    ComuneSource {
        /// The comune's name (required).
        name: String,
        /// ISTAT code, six digits, written in quotes.
        istat: Istat,
        /// The comune's own website.
        website: String,
        /// Latitude and longitude.
        geo: Geo,
        /// When the facts last changed.
        updated: Date,
        /// When someone last checked the facts against the sources.
        reviewed: Date,
    }
);

front_matter!(
    /// content/offices/<slug>.md
    OfficeSource {
        /// The office's name (required).
        name: String,
        /// The comune it is in: a comuni/ slug (required).
        comune: Slug,
        /// Street address; left out where not confirmed.
        address: String,
        /// Latitude and longitude.
        geo: Geo,
        /// Phone numbers, in international form.
        phone: OneOrMany,
        /// E-mail address.
        email: String,
        /// Website.
        website: String,
        /// Opening hours in OpenStreetMap opening_hours syntax.
        hours: String,
        /// Languages spoken at the office, ISO 639-1.
        languages_spoken: Vec<LangCode>,
        /// Topics of site.yaml.
        topics: Vec<Slug>,
        /// When the facts last changed (required).
        updated: Date,
        /// When the facts were last checked (required).
        reviewed: Date,
    }
);

front_matter!(
    /// content/services/<slug>.md
    ServiceSource {
        /// The service's name (required).
        name: String,
        /// One sentence on what it offers (required).
        summary: String,
        /// The offices where it is offered.
        offices: Vec<Slug>,
        /// `all` or a list of comuni slugs.
        comuni: ComuniScope,
        /// Topics of site.yaml.
        topics: Vec<Slug>,
        /// Who can use it.
        eligibility: String,
        /// What it costs.
        cost: String,
        /// When the facts last changed (required).
        updated: Date,
        /// When the facts were last checked (required).
        reviewed: Date,
    }
);

front_matter!(
    /// content/procedures/<slug>.md
    ProcedureSource {
        /// The procedure's title (required).
        title: String,
        /// One sentence on what it gets done (required).
        summary: String,
        /// Topics of site.yaml.
        topics: Vec<Slug>,
        /// `all` or a list of comuni slugs.
        comuni: ComuniScope,
        /// The offices involved.
        offices: Vec<Slug>,
        /// The services that help with it.
        services: Vec<Slug>,
        /// What to bring, one line each.
        documents: Vec<String>,
        /// What it costs.
        cost: String,
        /// How long it takes.
        duration: String,
        /// When the facts last changed (required).
        updated: Date,
        /// When the facts were last checked (required).
        reviewed: Date,
        /// Where the facts come from.
        sources: Vec<String>,
    }
);

front_matter!(
    /// content/glossary/<slug>.md
    GlossarySource {
        /// The Italian term, kept in every language (required).
        term: String,
        /// When the text last changed.
        updated: Date,
        /// When the text was last checked.
        reviewed: Date,
    }
);

front_matter!(
    /// content/pages/<slug>.md and content/_index.md
    PageSource {
        /// The page's title (required for pages, optional on the home page).
        title: String,
        /// When the text last changed.
        updated: Date,
        /// When the text was last checked.
        reviewed: Date,
    }
);

front_matter!(
    /// A translation of a comune or an office.
    NamedTranslation {
        /// The name in this language (required).
        name: String,
        /// The source's `updated` this was translated from.
        source_updated: Date,
        /// `machine` until a person has reviewed the translation.
        translated_by: TranslatedBy,
    }
);

front_matter!(
    /// A translation of a service.
    ServiceTranslation {
        name: String,
        summary: String,
        eligibility: String,
        cost: String,
        /// The source's `updated` this was translated from.
        source_updated: Date,
        /// `machine` until a person has reviewed the translation.
        translated_by: TranslatedBy,
    }
);

front_matter!(
    /// A translation of a procedure.
    ProcedureTranslation {
        title: String,
        summary: String,
        documents: Vec<String>,
        cost: String,
        duration: String,
        /// The source's `updated` this was translated from.
        source_updated: Date,
        /// `machine` until a person has reviewed the translation.
        translated_by: TranslatedBy,
    }
);

front_matter!(
    /// A translation of a glossary term.
    GlossaryTranslation {
        /// The term in this language (required); `term` stays Italian.
        translation: String,
        /// The source's `updated` this was translated from.
        source_updated: Date,
        /// `machine` until a person has reviewed the translation.
        translated_by: TranslatedBy,
    }
);

front_matter!(
    /// A translation of a free page or of the home page.
    PageTranslation {
        title: String,
        /// The source's `updated` this was translated from.
        source_updated: Date,
        /// `machine` until a person has reviewed the translation.
        translated_by: TranslatedBy,
    }
);

/// Who made a translation; only `machine` is written, and removed once a
/// person has checked the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TranslatedBy {
    Machine,
}

/// An ISTAT code: six digits.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct Istat(pub String);

impl<'de> Deserialize<'de> for Istat {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Text(String),
            Number(u64),
        }
        let text = match Raw::deserialize(deserializer)? {
            Raw::Text(text) => text,
            Raw::Number(n) => format!("{n:06}"),
        };
        if text.len() == 6 && text.chars().all(|c| c.is_ascii_digit()) {
            Ok(Istat(text))
        } else {
            Err(serde::de::Error::custom(format!(
                "`{text}` is not an ISTAT code: write six digits in quotes, for example \"094023\""
            )))
        }
    }
}

/// Latitude and longitude in degrees.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Geo {
    pub lat: f64,
    pub lon: f64,
}

impl<'de> Deserialize<'de> for Geo {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let [lat, lon] = <[f64; 2]>::deserialize(deserializer).map_err(|_| {
            serde::de::Error::custom("write the position as [latitude, longitude], for example [41.594, 14.233]")
        })?;
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return Err(serde::de::Error::custom(format!(
                "[{lat}, {lon}] is not a position on Earth: latitude comes first (-90 to 90), then longitude (-180 to 180)"
            )));
        }
        Ok(Geo { lat, lon })
    }
}

/// A field that takes one value or a list of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OneOrMany(pub Vec<String>);

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            One(String),
            Many(Vec<String>),
        }
        match Raw::deserialize(deserializer) {
            Ok(Raw::One(one)) => Ok(OneOrMany(vec![one])),
            Ok(Raw::Many(many)) => Ok(OneOrMany(many)),
            Err(_) => Err(serde::de::Error::custom(
                "write a text in quotes, or a list such as [\"+39 0865 000000\"]",
            )),
        }
    }
}

/// The comuni a service or procedure applies to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ComuniScope {
    /// Every comune of the site.
    #[default]
    All,
    /// Only these.
    Only(Vec<Slug>),
}

impl<'de> Deserialize<'de> for ComuniScope {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Word(String),
            List(Vec<String>),
        }
        let raw = Raw::deserialize(deserializer)
            .map_err(|_| serde::de::Error::custom("write `all` or a list of comuni such as [isernia, pesche]"))?;
        match raw {
            Raw::Word(word) if word == "all" => Ok(ComuniScope::All),
            Raw::Word(word) => Err(serde::de::Error::custom(format!(
                "`{word}` is neither `all` nor a list: write `all` or [{word}]"
            ))),
            Raw::List(list) => list
                .iter()
                .map(|s| Slug::parse(s))
                .collect::<Result<Vec<_>, _>>()
                .map(ComuniScope::Only)
                .map_err(serde::de::Error::custom),
        }
    }
}
