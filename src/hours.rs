//! Opening hours: an OpenStreetMap opening_hours string read with the
//! `opening-hours` crate, turned into a week table for the page and into
//! plain data for the "open now" script.

use chrono::{Duration, NaiveDate};
use opening_hours::OpeningHours;
use opening_hours_syntax::rules::RuleKind;
use serde::Serialize;

/// An office's hours, checked and laid out as a typical week.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hours {
    /// The string as the volunteer wrote it.
    pub raw: String,
    /// Monday to Sunday.
    pub week: Vec<Vec<Interval>>,
    /// True when the hours change with the date (months, holidays, weeks):
    /// the table shows a typical week and the page says to check.
    pub varies: bool,
}

/// A span of one day, in minutes from midnight.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Interval {
    pub from: u16,
    pub to: u16,
    /// False for spans the string marks `unknown` (open by appointment, …).
    pub certain: bool,
    pub comment: Option<String>,
}

impl Interval {
    /// `09:00–12:30`
    pub fn label(&self) -> String {
        format!("{}–{}", clock(self.from), clock(self.to))
    }
}

/// `HH:MM` for minutes from midnight.
pub fn clock(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

impl Hours {
    /// Parses and lays out the hours; the error says what is wrong.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let raw = raw.trim().to_owned();
        if raw.is_empty() {
            return Err("the hours are empty".into());
        }
        let text = raw.clone();
        // The parser is third-party code run on volunteers' text: a panic in it
        // must become an error message, never a crash of the build.
        std::panic::catch_unwind(move || lay_out(&text))
            .unwrap_or_else(|_| Err("these hours could not be understood".into()))
            .map(|(week, varies)| Hours { raw, week, varies })
    }
}

type Week = Vec<Vec<Interval>>;

fn lay_out(raw: &str) -> Result<(Week, bool), String> {
    let oh = raw
        .parse::<OpeningHours>()
        .map_err(|err| first_line(&err.to_string()))?;
    // Four reference weeks across a year: if they differ, the hours vary.
    let mondays = ["2027-01-11", "2027-04-12", "2027-07-12", "2027-10-11"];
    let weeks: Vec<Week> = mondays
        .iter()
        .filter_map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .map(|monday| week_from(&oh, monday))
        .collect();
    let first = weeks.first().cloned().unwrap_or_default();
    let varies = weeks.iter().any(|w| *w != first) || raw.contains("PH") || raw.contains("SH");
    Ok((first, varies))
}

fn week_from(oh: &OpeningHours, monday: NaiveDate) -> Week {
    (0..7)
        .map(|offset| {
            let day = monday + Duration::days(offset);
            oh.schedule_at(day)
                .into_iter()
                .filter(|range| range.kind != RuleKind::Closed)
                .map(|range| Interval {
                    from: range.range.start.mins_from_midnight(),
                    to: range.range.end.mins_from_midnight().min(24 * 60),
                    certain: range.kind == RuleKind::Open,
                    comment: Some(range.comment.to_string()).filter(|c| !c.is_empty()),
                })
                .filter(|i| i.from < i.to)
                .collect()
        })
        .collect()
}

fn first_line(message: &str) -> String {
    let compact: Vec<&str> = message.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    compact.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lays_out_a_simple_week() {
        let hours = Hours::parse("Mo,We,Fr 09:00-12:00; Th 15:00-17:30").unwrap();
        assert_eq!(hours.week[0][0].label(), "09:00–12:00");
        assert!(hours.week[1].is_empty());
        assert_eq!(hours.week[3][0].label(), "15:00–17:30");
        assert!(hours.week[6].is_empty());
        assert!(!hours.varies);
    }

    #[test]
    fn marks_date_dependent_hours() {
        let hours = Hours::parse("Jan-Jun Mo 09:00-12:00; Jul-Dec Tu 09:00-12:00").unwrap();
        assert!(hours.varies);
    }

    #[test]
    fn keeps_comments_and_unknown_spans() {
        let hours = Hours::parse("Tu 09:00-12:00 unknown \"su appuntamento\"").unwrap();
        assert!(!hours.week[1][0].certain);
        assert_eq!(hours.week[1][0].comment.as_deref(), Some("su appuntamento"));
    }

    #[test]
    fn rejects_nonsense() {
        assert!(Hours::parse("lunedì mattina").is_err());
        assert!(Hours::parse("Mo 25:00-26:00x").is_err());
    }
}
