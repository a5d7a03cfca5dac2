//! The rules of CONTENT.md, each asserted on a built fixture site.

mod common;

use common::Fixture;

#[test]
fn every_page_exists_in_every_language() {
    let site = Fixture::minimal();
    site.build_ok();
    for lang in ["it", "en", "ar"] {
        for page in [
            "index.html",
            "comuni/isernia/index.html",
            "offices/questura/index.html",
            "services/sportello/index.html",
            "procedures/rinnovo/index.html",
            "glossary/codice-fiscale/index.html",
            "pages/chi-siamo/index.html",
            "procedures/index.html",
            "offices/index.html",
            "topics/documenti/index.html",
            "topics/salute/index.html",
            "search/index.html",
            "404.html",
        ] {
            assert!(site.out().join(lang).join(page).is_file(), "{lang}/{page} missing");
        }
    }
    assert!(site.out().join("index.html").is_file());
}

#[test]
fn translations_inherit_the_facts_of_the_source() {
    let site = Fixture::minimal();
    site.build_ok();
    let en = site.read("en/offices/questura/index.html");
    assert!(en.contains("Isernia Police Headquarters"));
    assert!(en.contains("Via Esempio 1, 86170 Isernia"), "address inherited");
    assert!(en.contains("09:00–12:00"), "hours inherited");
    assert!(en.contains("tel:+390865000000"));
    assert!(
        en.contains("Italian, English"),
        "languages spoken named in the reader's language"
    );
}

#[test]
fn a_translation_cannot_set_a_fact() {
    let site = Fixture::minimal();
    site.write(
        "content/offices/questura.en.md",
        "---\nname: Police\nsource_updated: 2026-10-01\naddress: Somewhere else\n---\nText.\n",
    );
    let errors = site.build_errors();
    let error = common::only_error(&errors, "content/offices/questura.en.md");
    assert_eq!(error.line, 4);
    assert!(error.message().contains("`address`"), "{error}");
    assert!(error.hint().unwrap_or_default().contains("remove"), "{error}");
}

#[test]
fn missing_translation_falls_back_to_the_source_marked_in_italian() {
    let site = Fixture::minimal();
    site.build_ok();
    let ar = site.read("ar/procedures/rinnovo/index.html");
    assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\""));
    assert!(
        ar.contains("lang=\"it\" dir=\"ltr\">Rinnovo del permesso</h1>"),
        "title marked as Italian"
    );
    assert!(
        ar.contains("class=\"body has-steps\" lang=\"it\" dir=\"ltr\""),
        "body marked as Italian"
    );
    assert!(
        ar.contains("هذه الصفحة غير مترجمة بعد. ها هي باللغة الإيطالية."),
        "notice in the reader's language"
    );
    assert!(ar.contains("notice-missing"));
}

#[test]
fn machine_translation_is_announced_until_removed() {
    let site = Fixture::minimal();
    site.write(
        "content/procedures/rinnovo.en.md",
        "---\ntitle: Permit renewal\nsource_updated: 2026-10-01\ntranslated_by: machine\n---\n## Steps\n\n1. Go.\n",
    );
    site.build_ok();
    let en = site.read("en/procedures/rinnovo/index.html");
    assert!(en.contains("Translated by machine."));
    assert!(
        en.contains("href=\"../../../it/procedures/rinnovo/index.html\""),
        "links the source version"
    );
    site.write(
        "content/procedures/rinnovo.en.md",
        "---\ntitle: Permit renewal\nsource_updated: 2026-10-01\n---\n## Steps\n\n1. Go.\n",
    );
    site.build_ok();
    assert!(!site
        .read("en/procedures/rinnovo/index.html")
        .contains("Translated by machine."));
}

#[test]
fn outdated_translation_is_announced_with_the_date() {
    let site = Fixture::minimal();
    site.write(
        "content/procedures/rinnovo.en.md",
        "---\ntitle: Permit renewal\nsource_updated: 2026-09-01\n---\nText.\n",
    );
    site.build_ok();
    let en = site.read("en/procedures/rinnovo/index.html");
    assert!(en.contains("May be out of date: changed on October 1, 2026."), "{en}");
    let status = sportello::status::TranslationStatus::of(sportello::check(site.path()).site.as_ref().unwrap());
    assert_eq!(
        status.by_language()["en"].outdated,
        ["content/procedures/rinnovo.en.md"]
    );
    let dashboard = site.read("it/status/index.html");
    assert!(
        dashboard.contains("class=\"state-outdated\""),
        "the dashboard shows the state"
    );
    assert!(
        dashboard.contains("content/procedures/rinnovo.en.md"),
        "and the file to edit"
    );
}

#[test]
fn partial_translation_shows_missing_fields_from_the_source() {
    let site = Fixture::minimal();
    site.write(
        "content/procedures/rinnovo.en.md",
        "---\ntitle: Permit renewal\nsource_updated: 2026-10-01\n---\nText.\n",
    );
    site.build_ok();
    let en = site.read("en/procedures/rinnovo/index.html");
    assert!(
        en.contains("<p class=\"lead\" lang=\"it\" dir=\"ltr\">Come rinnovare il permesso.</p>"),
        "{en}"
    );
    assert!(en.contains(">Permit renewal</h1>"));
}

#[test]
fn pages_carry_alternates_canonical_lang_and_dir() {
    let site = Fixture::minimal();
    site.build_ok();
    let en = site.read("en/offices/questura/index.html");
    assert!(en.contains("<link rel=\"canonical\" href=\"https://example.org/portal/en/offices/questura/\">"));
    for lang in ["it", "en", "ar"] {
        assert!(en.contains(&format!(
            "<link rel=\"alternate\" hreflang=\"{lang}\" href=\"https://example.org/portal/{lang}/offices/questura/\">"
        )));
    }
    assert!(en.contains("hreflang=\"x-default\" href=\"https://example.org/portal/it/offices/questura/\""));
    assert!(en.contains("<html lang=\"en\" dir=\"ltr\""));
    // The switcher goes to the same page in the other language.
    assert!(en.contains("href=\"../../../ar/offices/questura/index.html\" hreflang=\"ar\" lang=\"ar\" dir=\"rtl\""));
}

#[test]
fn md_links_resolve_to_the_page_in_the_readers_language() {
    let site = Fixture::minimal();
    site.build_ok();
    for lang in ["it", "en", "ar"] {
        let page = site.read(&format!("{lang}/procedures/rinnovo/index.html"));
        assert!(
            page.contains("href=\"../../offices/questura/index.html#orari\""),
            "{lang}"
        );
    }
    let home = site.read("en/index.html");
    assert!(home.contains("href=\"procedures/rinnovo/index.html\""));
}

#[test]
fn every_link_in_the_output_is_relative() {
    let site = Fixture::minimal();
    site.build_ok();
    for entry in walkdir::WalkDir::new(site.out()).into_iter().filter_map(Result::ok) {
        if entry.path().extension().and_then(|e| e.to_str()) != Some("html") {
            continue;
        }
        let html = std::fs::read_to_string(entry.path()).unwrap();
        for attr in ["href=\"", "src=\""] {
            for (i, _) in html.match_indices(attr) {
                let value: String = html[i + attr.len()..].chars().take_while(|c| *c != '"').collect();
                let tag_start = html[..i].rfind('<').unwrap();
                let tag = &html[tag_start..i];
                if tag.starts_with("<link rel=\"canonical\"") || tag.starts_with("<link rel=\"alternate\"") {
                    continue; // search engines require these absolute
                }
                if tag.starts_with("<base ") && entry.path().ends_with("404.html") {
                    continue; // served at any missing address (below)
                }
                let external = value.starts_with("https://")
                    || value.starts_with("tel:")
                    || value.starts_with("mailto:")
                    || value.starts_with("geo:");
                assert!(
                    !value.starts_with('/'),
                    "{}: absolute link {value}",
                    entry.path().display()
                );
                assert!(
                    !value.starts_with("https://example.org"),
                    "{}: link to the site itself {value}",
                    entry.path().display()
                );
                assert!(
                    external || !value.contains("://"),
                    "{}: {value}",
                    entry.path().display()
                );
            }
        }
    }
}

#[test]
fn front_matter_text_is_escaped_everywhere() {
    let site = Fixture::minimal();
    site.write(
        "content/procedures/rinnovo.md",
        "---\ntitle: \"<script>alert(1)</script> Rinnovo\"\nsummary: \"<img src=x onerror=alert(1)>\"\ndocuments: [\"<b>Passaporto</b>\"]\ncost: \"<i>16</i>\"\noffices: [questura]\nupdated: 2026-10-01\nreviewed: 2026-10-01\n---\nTesto.\n",
    );
    site.build_ok();
    for file in [
        "it/procedures/rinnovo/index.html",
        "it/procedures/index.html",
        "en/topics/index.html",
        "it/offices/questura/index.html",
    ] {
        let html = site.read(file);
        assert!(!html.contains("<script>alert"), "{file}");
        assert!(!html.contains("<img src=x"), "{file}");
        assert!(!html.contains("<b>Passaporto"), "{file}");
    }
    assert!(site
        .read("it/procedures/rinnovo/index.html")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; Rinnovo"));
}

#[test]
fn pasted_html_is_sanitized_with_a_warning_naming_the_line() {
    let site = Fixture::minimal();
    site.write("content/pages/chi-siamo.md", "---\ntitle: Chi siamo\n---\nTesto.\n\n<iframe src=\"https://evil.example\"></iframe>\n\n<a href=\"javascript:alert(1)\" onclick=\"x()\">clic</a>\n");
    let report = site.build_ok();
    let html = site.read("it/pages/chi-siamo/index.html");
    assert!(!html.contains("<iframe"));
    assert!(!html.contains("javascript:"));
    assert!(!html.contains("onclick"));
    let warnings: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.file.ends_with("chi-siamo.md"))
        .collect();
    assert_eq!(
        warnings.iter().map(|d| d.line).collect::<Vec<_>>(),
        [6, 8],
        "{warnings:#?}"
    );
}

#[test]
fn comune_and_office_pages_list_what_concerns_them() {
    let site = Fixture::minimal();
    site.build_ok();
    let comune = site.read("en/comuni/isernia/index.html");
    assert!(
        comune.contains("Isernia Police Headquarters"),
        "offices in the comune, in the reader's language"
    );
    assert!(
        comune.contains("../../procedures/rinnovo/index.html"),
        "procedures that apply"
    );
    assert!(
        comune.contains("../../services/sportello/index.html"),
        "services that apply"
    );
    let office = site.read("it/offices/questura/index.html");
    assert!(office.contains("../../procedures/rinnovo/index.html"));
    assert!(office.contains("../../services/sportello/index.html"));
    let topic = site.read("it/topics/documenti/index.html");
    assert!(topic.contains("Rinnovo del permesso"));
    let empty = site.read("it/topics/salute/index.html");
    assert!(empty.contains("class=\"empty\""));
}

#[test]
fn a_bom_and_windows_line_ends_are_accepted() {
    let site = Fixture::minimal();
    site.write_bytes(
        "content/pages/chi-siamo.md",
        b"\xEF\xBB\xBF---\r\ntitle: Chi siamo\r\n---\r\nSiamo **lo sportello**.\r\n",
    );
    site.build_ok();
    assert!(site
        .read("it/pages/chi-siamo/index.html")
        .contains("<strong>lo sportello</strong>"));
}

#[test]
fn office_without_confirmed_facts_sends_readers_to_its_town_hall_or_the_help_desk() {
    let site = Fixture::minimal();
    site.write(
        "content/offices/questura.md",
        "---\nname: Questura\ncomune: isernia\nupdated: 2026-10-01\nreviewed: 2026-10-01\n---\n## Orari {#orari}\n",
    );
    site.write(
        "content/offices/tribunale.md",
        "---\nname: Tribunale\nupdated: 2026-10-01\nreviewed: 2026-10-01\n---\nTesto.\n",
    );
    let report = site.build_ok();
    assert!(report
        .diagnostics
        .iter()
        .any(|d| !d.is_error() && d.message().contains("address")));
    // An office of a comune: its town hall, whose page has the contact.
    let html = site.read("en/offices/questura/index.html");
    let ask = "Not confirmed yet. Ask at the town hall: <a href=\"../../comuni/isernia/index.html\"";
    assert!(html.matches(ask).count() >= 2, "address and hours");
    assert!(
        !html.contains("</a> – <a href=\"../../comuni/isernia/"),
        "the comune named once in the address"
    );
    // Nothing to go on: the help desk.
    let html = site.read("en/offices/tribunale/index.html");
    assert!(
        html.matches("Not confirmed yet. Ask the help desk.").count() >= 2,
        "address and hours"
    );
}

#[test]
fn review_overdue_is_shown_and_listed() {
    let site = Fixture::minimal();
    site.write(
        "content/services/sportello.md",
        "---\nname: Sportello\nsummary: Aiuto.\nupdated: 2020-01-01\nreviewed: 2020-01-01\n---\nTesto.\n",
    );
    let report = site.build_ok();
    assert!(report
        .diagnostics
        .iter()
        .any(|d| d.message().contains("review overdue") && d.line == 5));
    assert!(site.read("en/services/sportello/index.html").contains("notice-review"));
}

#[test]
fn two_builds_are_byte_identical() {
    let site = Fixture::minimal();
    site.build_ok();
    let first = snapshot(&site.out());
    site.build_ok();
    assert_eq!(first, snapshot(&site.out()));
}

fn snapshot(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().display().to_string(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn glossary_terms_are_marked_where_the_text_uses_them() {
    let site = Fixture::minimal();
    site.write(
        "content/pages/chi-siamo.md",
        "---\ntitle: Chi siamo\n---\n## Codice fiscale\n\nServe il codice fiscale. Poi ancora il codice fiscale.\n",
    );
    site.write(
        "content/glossary/codice-fiscale.en.md",
        "---\ntranslation: Tax code\nsource_updated: 2026-10-01\n---\nThe tax code identifies you.\n",
    );
    site.build_ok();
    let page = site.read("en/pages/chi-siamo/index.html");
    assert_eq!(
        page.matches("class=\"gloss\"").count(),
        1,
        "first use in the text only, not the heading"
    );
    assert!(page.contains("<a class=\"gloss\" href=\"#g-codice-fiscale\"><span lang=\"it\">codice fiscale</span></a>"));
    let own = site.read("it/glossary/codice-fiscale/index.html");
    assert!(
        !own.contains("class=\"gloss\""),
        "a term is not explained on its own page"
    );
}

#[test]
fn the_service_worker_changes_with_the_site() {
    let site = Fixture::minimal();
    site.build_ok();
    let first = site.read("sw.js");
    assert!(
        first.contains("en/procedures/rinnovo/index.html"),
        "core pages listed per language"
    );
    site.write(
        "content/pages/chi-siamo.md",
        "---\ntitle: Chi siamo\n---\nAltro testo.\n",
    );
    site.build_ok();
    assert_ne!(first, site.read("sw.js"), "a new build names a new cache");
}

#[test]
fn latin_names_in_arabic_text_are_isolated() {
    let site = Fixture::minimal();
    site.write("content/offices/questura.ar.md", "---\nname: مديرية الشرطة (Questura di Isernia)\nsource_updated: 2026-10-01\n---\n## الساعات {#orari}\n\nاذهب إلى (Ufficio Immigrazione) صباحا.\n");
    site.build_ok();
    let page = site.read("ar/offices/questura/index.html");
    assert!(
        page.contains("مديرية الشرطة (<bdi>Questura di Isernia</bdi>)</h1>"),
        "title"
    );
    assert!(
        page.contains("اذهب إلى (<bdi>Ufficio Immigrazione</bdi>) صباحا."),
        "body"
    );
    let en = site.read("en/offices/questura/index.html");
    assert!(
        !en.contains("<bdi>Isernia Police"),
        "left-to-right pages are left alone"
    );
}

#[test]
fn a_large_portal_reaches_every_guide_in_two_clicks_without_javascript() {
    let site = Fixture::minimal();
    for n in 0..45 {
        let title = if n % 2 == 0 {
            format!("Assegno {n}")
        } else {
            format!("Bonus {n}")
        };
        site.write_procedure(&format!("guida-{n}"), &title);
    }
    site.build_ok();
    let search = site.read("it/search/index.html");
    assert!(
        search.contains("<a href=\"a/index.html\">A</a>"),
        "initials instead of 46 links"
    );
    assert!(!search.contains("guida-3/"), "the guides are on the letter pages");
    let letter = site.read("it/search/b/index.html");
    assert!(letter.contains("href=\"../../procedures/guida-3/index.html\""));
    assert!(!letter.contains("guida-2/"), "only the guides of that letter");
    let home = site.read("it/index.html");
    assert!(!home.contains("guida-3/"), "the home page does not list 46 guides");
    let worker = site.read("sw.js");
    assert!(
        worker.contains("\"it/procedures/guida-3/index.html\""),
        "47 guides are kept offline ahead of time"
    );
    for n in 45..70 {
        site.write_procedure(&format!("altra-{n}"), &format!("Altra {n}"));
    }
    site.build_ok();
    let worker = site.read("sw.js");
    assert!(
        !worker.contains("guida-3/"),
        "72 guides are not downloaded ahead of time"
    );
    assert!(worker.contains("\"it/procedures/index.html\""), "the lists still are");
}

#[test]
fn a_comune_of_a_large_portal_links_the_comuni_list_instead_of_listing_them_all() {
    let site = Fixture::minimal();
    site.build_ok();
    let small = site.read("it/comuni/isernia/index.html");
    assert!(
        small.contains("href=\"../../comuni/isernia/index.html\""),
        "a short list is shown in full"
    );
    for n in 0..45 {
        site.write(
            &format!("content/comuni/paese-{n}.md"),
            &format!("---\nname: Paese {n}\nistat: \"094{n:03}\"\n---\nUn comune.\n"),
        );
    }
    site.build_ok();
    let page = site.read("it/comuni/isernia/index.html");
    assert!(
        !page.contains("paese-3/"),
        "46 comuni are not listed on every comune's page"
    );
    let all = page.split("id=\"all-h\"").nth(1).expect("the section of all comuni");
    assert!(
        all.split("</section>")
            .next()
            .unwrap()
            .contains("<a href=\"../../comuni/index.html\">"),
        "the comuni list is linked"
    );
    assert!(
        site.read("it/comuni/index.html").contains("paese-3/"),
        "the list has them all"
    );
}

/// Three notices: one past, one in force, one without an end.
fn site_with_news() -> Fixture {
    let site = Fixture::minimal();
    site.write(
        "content/news/corso-estate.md",
        "---\ntitle: Corso d'estate\nsummary: Un corso finito.\ndate: 2026-06-01\nuntil: 2026-07-31\nsources: [https://www.example.org/corso]\n---\nIl corso è finito.\n",
    );
    site.write(
        "content/news/nuovo-corso.md",
        "---\ntitle: Nuovo corso di italiano\nsummary: Iscrizioni aperte.\ndate: 2026-11-20\nuntil: 2027-01-31\nsources:\n  - url: https://www.example.org/cpia\n    title: Avviso del CPIA\n    date: 2026-11-19\n---\nIscriviti in [Questura](../offices/questura.md).\n",
    );
    site.write(
        "content/news/nuovo-corso.en.md",
        "---\ntitle: New Italian course\nsummary: Enrolment is open.\ntranslated_by: machine\n---\nEnrol.\n",
    );
    site.write(
        "content/news/orari.md",
        "---\ntitle: Nuovi orari\ndate: 2026-10-05\nsources: [https://www.example.org/orari]\n---\nCambiano gli orari.\n",
    );
    site
}

#[test]
fn notices_are_listed_newest_first_and_marked_past_after_their_last_day() {
    let site = site_with_news();
    site.build_ok();
    let list = site.read("en/news/index.html");
    let new = list.find("New Italian course").expect("translated title");
    let hours = list.find("Nuovi orari").expect("untranslated title, in Italian");
    let summer = list.find("Corso d&#39;estate").expect("past notice listed");
    assert!(new < hours && hours < summer, "newest first: {list}");
    let past = site.read("it/news/corso-estate/index.html");
    assert!(past.contains("notice-past"), "a notice past its last day says so");
    let current = site.read("it/news/nuovo-corso/index.html");
    assert!(!current.contains("notice-past"));
    assert!(
        current.contains("31 gennaio 2027"),
        "its last day is shown, as Italians write it"
    );
    assert!(current.contains("Avviso del CPIA"), "the source by its title");
    assert!(current.contains("19 novembre 2026"), "and the date it carries");
    let home = site.read("it/index.html");
    assert!(home.contains("Nuovo corso di italiano") && home.contains("Nuovi orari"));
    assert!(
        !home.contains("Corso d&#39;estate"),
        "the home page shows notices in force only"
    );
    assert!(home.contains("news/feed.xml"), "and links the feed");
}

#[test]
fn each_language_has_a_valid_atom_feed_of_the_notices() {
    let site = site_with_news();
    site.build_ok();
    for lang in ["it", "en", "ar"] {
        let xml = site.read(&format!("{lang}/news/feed.xml"));
        let feed = atom_syndication::Feed::read_from(xml.as_bytes()).expect("valid Atom");
        assert_eq!(feed.entries.len(), 3, "{lang}");
        assert_eq!(feed.id, format!("https://example.org/portal/{lang}/news/"));
        assert!(feed
            .links
            .iter()
            .any(|l| l.rel == "self" && l.href.ends_with("/news/feed.xml")));
        let first = &feed.entries[0];
        assert_eq!(first.id, format!("https://example.org/portal/{lang}/news/nuovo-corso/"));
        assert!(first.published.is_some());
        let expected = if lang == "en" {
            "New Italian course"
        } else {
            "Nuovo corso di italiano"
        };
        assert_eq!(first.title.value, expected);
    }
}

#[test]
fn a_notice_needs_its_date_and_source_and_an_end_after_its_start() {
    let site = Fixture::minimal();
    site.write(
        "content/news/avviso.md",
        "---\ntitle: Avviso\ndate: 2026-11-20\nuntil: 2026-11-01\n---\nTesto.\n",
    );
    let errors = site.build_errors();
    let messages: Vec<String> = errors.iter().map(|e| e.message()).collect();
    assert!(
        messages.iter().any(|m| m.contains("`sources` is missing")),
        "{messages:?}"
    );
    let until = errors
        .iter()
        .find(|e| e.message().contains("`until`"))
        .expect("until before date");
    assert_eq!(until.line, 4);
}

#[test]
fn the_help_desk_is_in_every_footer_and_where_a_fact_is_not_confirmed() {
    let site = Fixture::minimal();
    site.write(
        "site.yaml",
        &format!("{}help_desk: sportello\n", site.read_source("site.yaml")),
    );
    site.write(
        "content/offices/sportello.md",
        "---\nname: Sportello immigrazione\ncomune: isernia\nphone: \"+39 0865 111111\"\nupdated: 2026-10-01\nreviewed: 2026-10-01\n---\nTesto.\n",
    );
    site.write(
        "content/offices/prefettura.md",
        "---\nname: Prefettura\ncomune: isernia\nupdated: 2026-10-01\nreviewed: 2026-10-01\n---\nTesto.\n",
    );
    let report = site.build_ok();
    assert!(
        !report
            .diagnostics
            .iter()
            .any(|d| d.message().contains("the help desk has no") || d.message().contains("names no help desk")),
        "a desk with a phone raises no warning: {:?}",
        report.diagnostics
    );
    let page = site.read("en/comuni/isernia/index.html");
    assert!(
        page.contains("class=\"help-desk\"") && page.contains("tel:+390865111111"),
        "footer: {page}"
    );
    let prefettura = site.read("en/offices/prefettura/index.html");
    assert!(
        prefettura.contains("offices/sportello/index.html\">Contact the help desk</a>"),
        "an unconfirmed address sends the reader to the desk: {prefettura}"
    );
}

#[test]
fn check_warns_once_about_a_help_desk_that_cannot_be_reached() {
    let site = Fixture::minimal();
    site.write(
        "site.yaml",
        &format!("{}help_desk: questura\n", site.read_source("site.yaml")),
    );
    site.write(
        "content/offices/questura.md",
        "---\nname: Questura\ncomune: isernia\nupdated: 2026-10-01\nreviewed: 2026-10-01\n---\n## Orari {#orari}\n",
    );
    let report = site.build_ok();
    let warnings: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.message().contains("the help desk has no") || d.message().contains("names no help desk"))
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].file, std::path::Path::new("content/offices/questura.md"));
}

#[test]
fn a_comune_shows_its_town_hall_and_sources_with_their_dates() {
    let site = Fixture::minimal();
    site.write(
        "content/comuni/isernia.md",
        "---\nname: Isernia\naddress: Piazza Marconi 1, 86170 Isernia\nphone: \"+39 0865 4491\"\npec: comune@pec.example.org\nsources:\n  - url: https://www.comune.isernia.it/contatti\n    title: Contatti\n    seen: 2026-12-01\n---\nIl capoluogo.\n",
    );
    site.build_ok();
    let page = site.read("en/comuni/isernia/index.html");
    assert!(page.contains("Piazza Marconi 1") && page.contains("comune@pec.example.org"));
    assert!(page.contains("read on December 1, 2026"), "{page}");
    assert!(
        page.contains("lang=\"it\">Contatti</a>"),
        "the source's title marked Italian"
    );
}

#[test]
fn the_not_found_page_links_from_its_own_place_at_any_missing_address() {
    let site = Fixture::minimal();
    site.build_ok();
    // base_url: https://example.org/portal/ — the host serves
    // it/404.html at /portal/it/any/missing/page/.
    let not_found = site.read("it/404.html");
    assert!(
        not_found.contains("<base href=\"/portal/it/404.html\">"),
        "{}",
        &not_found[..400]
    );
    assert!(
        not_found.contains("href=\"../static/style."),
        "its links stay relative to it/"
    );
    assert!(!site.read("it/index.html").contains("<base"), "other pages need none");
}
