//! The sample portal of the repository: it builds without errors, every
//! procedure is complete, and the main sections are translated.

use std::path::Path;

use sportello::content::{Section, Slug};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_sample_portal_checks_clean() {
    let checked = sportello::check(repo());
    let errors: Vec<String> = checked.diagnostics.errors().map(ToString::to_string).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let missing_strings: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.message().contains("interface string"))
        .map(ToString::to_string)
        .collect();
    assert!(missing_strings.is_empty(), "{}", missing_strings.join("\n"));
}

#[test]
fn every_procedure_is_complete() {
    let site = sportello::check(repo()).site.expect("site");
    let procedures: Vec<_> = site.section(Section::Procedures).collect();
    assert!(
        procedures.len() >= 14,
        "at least 14 procedures, found {}",
        procedures.len()
    );
    for (_, page) in procedures {
        let facts = page.facts();
        let text = &page.source.text;
        let name = page.id.to_string();
        // The documents and the cost are left out where no official page
        // states them: the page then says whom to ask.
        assert!(text.summary.is_some(), "{name}: summary");
        assert!(!facts.offices.is_empty(), "{name}: at least one office");
        assert!(!facts.sources.is_empty(), "{name}: at least one source");
        assert!(page.source.body.has_ordered_list, "{name}: steps as a numbered list");
    }
}

#[test]
fn main_sections_are_translated_into_english_french_and_arabic() {
    let site = sportello::check(repo()).site.expect("site");
    for section in [
        Section::Comuni,
        Section::Offices,
        Section::Services,
        Section::Procedures,
    ] {
        for (_, page) in site.section(section) {
            for lang in ["en", "fr", "ar"] {
                let code = sportello::content::LangCode::parse(lang).unwrap();
                assert!(
                    page.translations.contains_key(&code),
                    "{} has no {lang} translation",
                    page.id
                );
            }
        }
    }
}

#[test]
fn the_district_has_its_24_comuni_and_the_required_offices() {
    let site = sportello::check(repo()).site.expect("site");
    assert_eq!(site.section(Section::Comuni).count(), 24);
    assert!(site.section(Section::Glossary).count() >= 20);
    for office in [
        "sportello-immigrazione-ats",
        "questura-isernia",
        "prefettura-isernia-sui",
        "asrem-distretto-isernia",
        "centro-impiego-isernia",
        "cpia-isernia",
        "agenzia-entrate-isernia",
        "poste-isernia",
        "anagrafe-isernia",
    ] {
        let id = sportello::content::PageId {
            section: Section::Offices,
            slug: Slug::parse(office).unwrap(),
        };
        assert!(site.page(&id).is_some(), "{office}");
    }
}
