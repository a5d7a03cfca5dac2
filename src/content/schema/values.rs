//! The values of front-matter fields that are more than text: each parsed
//! once, with a message that says how to write it.

use serde::{Deserialize, Deserializer};

use crate::content::ids::Slug;

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

/// Where a page's facts come from: an official page, with the date it
/// carries or the day it was read. Written as a plain address, or as
/// `{url, title, date}` / `{url, title, seen}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub url: String,
    pub title: Option<String>,
    /// The date the page itself carries (published or updated).
    pub date: Option<crate::content::Date>,
    /// The day someone read the page, when it carries no date.
    pub seen: Option<crate::content::Date>,
}

impl Source {
    /// Whether a reader can tell how recent the source is.
    pub fn is_dated(&self) -> bool {
        self.date.is_some() || self.seen.is_some()
    }
}

impl<'de> Deserialize<'de> for Source {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Written {
            url: String,
            title: Option<String>,
            date: Option<crate::content::Date>,
            seen: Option<crate::content::Date>,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Url(String),
            Written(Written),
        }
        let source = match Raw::deserialize(deserializer).map_err(|_| {
            serde::de::Error::custom(
                "write each source as an address, or as `url:` with `title:` and `date:` (the date the page carries) or `seen:` (the day you read it)",
            )
        })? {
            Raw::Url(url) => Source {
                url,
                title: None,
                date: None,
                seen: None,
            },
            Raw::Written(w) => Source {
                url: w.url,
                title: w.title,
                date: w.date,
                seen: w.seen,
            },
        };
        if !(source.url.starts_with("https://") || source.url.starts_with("http://")) {
            return Err(serde::de::Error::custom(format!(
                "`{}` is not a web address: a source starts with https://",
                source.url
            )));
        }
        Ok(source)
    }
}

/// Opening hours in OpenStreetMap syntax, or an error on the `hours` line.
pub fn parse_hours(raw: &str, problems: &mut super::ValueProblems) -> Option<crate::hours::Hours> {
    match crate::hours::Hours::parse(raw) {
        Ok(hours) => Some(hours),
        Err(_) => {
            problems.push(
                "hours",
                crate::diagnostics::Code::HoursUnreadable,
                vec![("value", raw.into())],
            );
            None
        }
    }
}

/// A form a guide lists in its facts: the file beside the page and its
/// title, shown with the file's type and size.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Form {
    /// The file, relative to the page's file: `modulo-1.pdf`.
    pub file: String,
    /// What readers call it: "Modulo 1 (richiesta del permesso)".
    pub title: String,
}
