//! Opening hours of offices, in the OpenStreetMap syntax sportello reads
//! (`Mo-Fr 08:30-12:30; Tu,Th 15:00-17:00; PH off`).

use crate::rng::Rng;

const DAYS: &[&str] = &["Mo-Fr", "Mo,We,Fr", "Mo-Th", "Mo-Sa", "Tu,Th", "Mo-We"];
const MORNINGS: &[&str] = &[
    "08:30-12:30",
    "09:00-12:00",
    "09:00-13:00",
    "08:00-14:00",
    "08:20-13:35",
];
const AFTERNOON_DAYS: &[&str] = &["Tu,Th", "We", "Mo", "Th", "Tu"];
const AFTERNOONS: &[&str] = &["15:00-17:00", "14:30-17:30", "15:30-18:00", "16:00-18:00"];
const SATURDAYS: &[&str] = &["09:00-12:00", "08:30-11:30"];

/// The hours of one office, or none for some.
pub(crate) fn hours(rng: &mut Rng) -> Option<String> {
    if rng.chance(15) {
        return None;
    }
    let mut rules = vec![format!("{} {}", rng.pick(DAYS), rng.pick(MORNINGS))];
    if rng.chance(30) {
        rules[0] = format!("{},{}", rules[0], rng.pick(AFTERNOONS));
    } else if rng.chance(50) {
        rules.push(format!("{} {}", rng.pick(AFTERNOON_DAYS), rng.pick(AFTERNOONS)));
    }
    if rng.chance(20) {
        rules.push(format!("Sa {}", rng.pick(SATURDAYS)));
    }
    if rng.chance(25) {
        rules.push("PH off".into());
    }
    Some(rules.join("; "))
}
