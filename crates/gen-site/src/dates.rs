//! The dates of generated pages, counted in days from 2025-01-01.

use crate::rng::Rng;

/// The last day a generated date may fall on: 2026-11-25.
pub(crate) const LAST_DAY: usize = 365 + 328;

/// A date `days` days after 2025-01-01, as YYYY-MM-DD.
pub(crate) fn date(days: usize) -> String {
    const MONTHS: [usize; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut year: u32 = 2025;
    let mut left = days;
    loop {
        let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let length = if leap { 366 } else { 365 };
        if left < length {
            for (m, &len) in MONTHS.iter().enumerate() {
                let len = if m == 1 && leap { 29 } else { len };
                if left < len {
                    return format!("{year}-{:02}-{:02}", m + 1, left + 1);
                }
                left -= len;
            }
        }
        left -= length;
        year += 1;
    }
}

/// `updated` and `reviewed` of a source page: most in 2026, some older.
pub(crate) fn source_dates(rng: &mut Rng) -> (usize, usize) {
    let updated = if rng.chance(90) {
        rng.range(365, LAST_DAY - 20)
    } else {
        rng.range(0, 364)
    };
    let reviewed = (updated + rng.range(0, 30)).min(LAST_DAY);
    (updated, reviewed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_calendar_dates() {
        assert_eq!(date(0), "2025-01-01");
        assert_eq!(date(58), "2025-02-28");
        assert_eq!(date(59), "2025-03-01");
        assert_eq!(date(365), "2026-01-01");
        assert_eq!(date(LAST_DAY), "2026-11-25");
        assert_eq!(date(365 * 3 + 59), "2028-02-29");
    }
}
