//! Calendar dates written `YYYY-MM-DD` in front matter.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date, read from `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(NaiveDate);

impl Date {
    pub fn parse(text: &str) -> Result<Self, String> {
        let trimmed = text.trim();
        let well_formed = trimmed.len() == 10
            && trimmed
                .chars()
                .enumerate()
                .all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
        if !well_formed {
            return Err(format!(
                "`{text}` is not a date: write it as YYYY-MM-DD, for example 2026-10-01"
            ));
        }
        NaiveDate::parse_from_str(trimmed, "%Y-%m-%d")
            .map(Self)
            .map_err(|_| format!("`{text}` is not a day of the calendar: check the month and the day"))
    }

    pub fn naive(self) -> NaiveDate {
        self.0
    }

    pub fn from_naive(date: NaiveDate) -> Self {
        Self(date)
    }

    /// Days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        (later.0 - self.0).num_days()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_iso_dates_and_rejects_others() {
        assert_eq!(Date::parse("2026-10-01").unwrap().to_string(), "2026-10-01");
        assert!(Date::parse("01/10/2026").is_err());
        assert!(Date::parse("2026-02-30").unwrap_err().contains("calendar"));
        assert!(Date::parse("2026-1-1").is_err());
    }
}
