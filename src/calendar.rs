//! Calendar words in the reader's language: weekday names and dates, from
//! the Unicode CLDR data that ICU4X compiles in. They cover every language
//! of the world's main communities, including those whose interface
//! strings a site has not written.

use icu_calendar::{Date as IcuDate, Gregorian};
use icu_datetime::fieldsets::{E, YMD};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_locale::Locale;

use crate::content::{Date, LangCode};

/// The weekday names and the date format of one language.
pub struct CalendarWords {
    /// Monday to Sunday.
    weekdays: [String; 7],
    dates: Option<FixedCalendarDateTimeFormatter<Gregorian, YMD>>,
}

impl CalendarWords {
    /// The words of `lang`, in the Gregorian calendar whatever the
    /// language's own (an office's week and a page's date are Italy's).
    pub fn of(lang: &LangCode) -> Self {
        let locale = cldr_locale(lang);
        let weekdays = FixedCalendarDateTimeFormatter::<Gregorian, E>::try_new(locale.clone().into(), E::long())
            .ok()
            .map(|names| {
                // 1 January 2024 was a Monday.
                std::array::from_fn(|day| {
                    IcuDate::try_new_gregorian(2024, 1, 1 + day as u8)
                        .map(|date| names.format(&date).to_string())
                        .unwrap_or_default()
                })
            })
            .unwrap_or_else(|| ENGLISH_WEEKDAYS.map(str::to_owned));
        let dates = FixedCalendarDateTimeFormatter::<Gregorian, YMD>::try_new(locale.into(), YMD::long()).ok();
        CalendarWords { weekdays, dates }
    }

    /// The name of a weekday, 0 for Monday.
    pub fn weekday(&self, day: usize) -> &str {
        &self.weekdays[day % 7]
    }

    /// A date as readers of the language write it: "1 ottobre 2026".
    pub fn date(&self, date: Date) -> String {
        let naive = date.naive();
        use chrono::Datelike;
        let formatted = self.dates.as_ref().and_then(|dates| {
            let day = IcuDate::try_new_gregorian(naive.year(), naive.month() as u8, naive.day() as u8).ok()?;
            Some(dates.format(&day).to_string())
        });
        formatted.unwrap_or_else(|| date.to_string())
    }
}

const ENGLISH_WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The CLDR locale of a site's language code: Tagalog's data is filed
/// under Filipino, its standard form.
fn cldr_locale(lang: &LangCode) -> Locale {
    let code = match lang.as_str() {
        "tl" => "fil",
        other => other,
    };
    code.parse().unwrap_or(Locale::UNKNOWN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(code: &str) -> CalendarWords {
        CalendarWords::of(&LangCode::parse(code).unwrap())
    }

    #[test]
    fn weekdays_and_dates_come_in_the_readers_language() {
        assert_eq!(words("it").weekday(0), "lunedì");
        assert_eq!(words("uk").weekday(6), "неділя");
        assert_eq!(words("it").date(Date::parse("2026-10-01").unwrap()), "1 ottobre 2026");
        assert_eq!(words("tl").weekday(0), "Lunes");
    }

    #[test]
    fn persian_dates_stay_in_the_gregorian_calendar() {
        let date = words("fa").date(Date::parse("2026-10-01").unwrap());
        assert!(date.contains("۲۰۲۶"), "{date}");
    }
}
