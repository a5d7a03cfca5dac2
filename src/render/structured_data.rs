//! schema.org data of an office (`GovernmentOffice` with its address,
//! contacts and opening hours), for search engines and maps.

use crate::content::{PageId, Section};
use crate::hours::clock;
use crate::site::{Page, Site};

/// The office's data as JSON, ready for a `<script type="application/ld+json">`.
pub fn office(site: &Site, page: &Page, name: &str, url: &str) -> String {
    const DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let facts = page.facts();
    let mut data = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "GovernmentOffice",
        "name": name,
        "url": url,
    });
    let comune = facts
        .comune
        .as_ref()
        .and_then(|slug| {
            site.page(&PageId {
                section: Section::Comuni,
                slug: slug.clone(),
            })
        })
        .and_then(|p| p.source.text.title.clone());
    if facts.address.is_some() || comune.is_some() {
        data["address"] = serde_json::json!({
            "@type": "PostalAddress",
            "streetAddress": facts.address,
            "addressLocality": comune,
            "addressCountry": "IT",
        });
    }
    if let Some(geo) = facts.geo {
        data["geo"] = serde_json::json!({"@type": "GeoCoordinates", "latitude": geo.lat, "longitude": geo.lon});
    }
    if !facts.phone.is_empty() {
        data["telephone"] = serde_json::json!(facts.phone);
    }
    if let Some(email) = &facts.email {
        data["email"] = serde_json::json!(email);
    }
    if !facts.languages_spoken.is_empty() {
        data["availableLanguage"] = serde_json::json!(facts.languages_spoken);
    }
    if let Some(hours) = facts.hours.as_ref().filter(|h| !h.varies) {
        let specs: Vec<serde_json::Value> = hours
            .week
            .iter()
            .zip(DAYS)
            .flat_map(|(spans, day)| {
                spans.iter().filter(|s| s.certain).map(move |s| {
                    serde_json::json!({
                        "@type": "OpeningHoursSpecification",
                        "dayOfWeek": format!("https://schema.org/{day}"),
                        "opens": clock(s.from),
                        "closes": clock(s.to),
                    })
                })
            })
            .collect();
        data["openingHoursSpecification"] = serde_json::json!(specs);
    }
    // A `</script>` inside a string must not end the script element.
    data.to_string().replace("</", "<\\/")
}
