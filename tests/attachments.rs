//! Photos and forms beside a page are published with it: photos resized for
//! phones with no EXIF data left, drawings cleaned, documents linked with
//! their type and size, in every language; a missing file or a missing
//! description is an error at its line.

mod common;
#[path = "common/photos.rs"]
mod photos;

use common::{only_error, Fixture};

/// The minimal portal with a photo (taken with the phone on its side, GPS
/// in its EXIF), a PNG in a folder of the page, a drawing with a script,
/// and forms, linked from the renewal guide.
fn site_with_attachments() -> Fixture {
    let site = Fixture::minimal();
    site.write_bytes("content/procedures/kit-postale.jpg", &photos::jpeg_with_gps(1600, 1200));
    site.write_bytes("content/procedures/rinnovo/ricevuta.png", &photos::png(500, 300));
    site.write(
        "content/procedures/schema.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\" onload=\"x()\"><script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>",
    );
    site.write(
        "content/procedures/modulo-1.pdf",
        &format!("%PDF-1.4\n{}\n%%EOF\n", "0".repeat(2000)),
    );
    site.write("content/procedures/domanda.docx", "PK docx");
    site.write("content/procedures/domanda.odt", "PK odt");
    site.write(
        "content/procedures/rinnovo.md",
        "---\ntitle: Rinnovo del permesso\nsummary: Come rinnovare il permesso.\noffices: [questura]\nforms:\n  - file: modulo-1.pdf\n    title: Modulo 1\nupdated: 2026-10-01\nreviewed: 2026-10-01\n---\n![Il kit postale, aperto](kit-postale.jpg)\n\n## Passi\n\n1. Compila il [modulo](modulo-1.pdf) o la [domanda](domanda.docx) ([ODT](domanda.odt)).\n2. Tieni la ricevuta: ![La ricevuta della posta](rinnovo/ricevuta.png)\n3. Guarda lo schema: ![Schema](schema.svg)\n",
    );
    site.write(
        "content/procedures/rinnovo.en.md",
        "---\ntitle: Permit renewal\nsource_updated: 2026-10-01\n---\n![The postal kit, open](kit-postale.jpg)\n\n1. Fill in the [form](modulo-1.pdf).\n",
    );
    site
}

fn published(site: &Fixture) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(site.out().join("files"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn photos_and_forms_are_published_with_the_pages_that_link_them() {
    let site = site_with_attachments();
    let report = site.build_ok();
    let names = published(&site);
    // The photo is shown upright (1200 × 1600) in three widths, as WebP and JPEG.
    for width in [360, 720, 1200] {
        for ext in ["webp", "jpg"] {
            assert!(
                names
                    .iter()
                    .any(|n| n.starts_with("kit-postale-") && n.ends_with(&format!("-{width}.{ext}"))),
                "{width}.{ext} in {names:?}"
            );
        }
    }
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("ricevuta-") && n.ends_with("-360.png")),
        "a PNG stays PNG: {names:?}"
    );
    assert!(names.iter().any(|n| n.starts_with("modulo-1-") && n.ends_with(".pdf")));
    assert!(names.iter().any(|n| n.ends_with(".docx")) && names.iter().any(|n| n.ends_with(".odt")));
    let page = site.read("it/procedures/rinnovo/index.html");
    assert!(
        page.contains("<picture><source type=\"image/webp\" srcset=\"../../../files/kit-postale-"),
        "{page}"
    );
    assert!(
        page.contains("width=\"1200\" height=\"1600\""),
        "upright, no layout shift: {page}"
    );
    assert!(
        page.contains("alt=\"Il kit postale, aperto\" loading=\"eager\""),
        "the first picture is on the first screen"
    );
    assert!(page.contains("alt=\"La ricevuta della posta\" loading=\"lazy\" decoding=\"async\""));
    assert!(
        page.contains("Modulo 1</a> <span class=\"file-meta\">(PDF, 2 KB)</span>"),
        "{page}"
    );
    let english = site.read("en/procedures/rinnovo/index.html");
    assert!(
        english.contains("alt=\"The postal kit, open\""),
        "the description is translated"
    );
    assert!(
        english.contains("../../../files/modulo-1-"),
        "the form in every language"
    );
    // The drawing is published without its script, and the volunteer is told.
    let drawing = names.iter().find(|n| n.ends_with(".svg")).unwrap();
    let svg = std::fs::read_to_string(site.out().join("files").join(drawing)).unwrap();
    assert!(!svg.contains("script") && !svg.contains("onload"), "{svg}");
    assert!(report.diagnostics.iter().any(|d| d.code.id() == "W0114"));
}

#[test]
fn no_published_photo_keeps_its_exif_data() {
    let site = site_with_attachments();
    assert!(
        photos::has_gps(&photos::jpeg_with_gps(64, 48)),
        "the test photo has GPS data"
    );
    site.build_ok();
    for name in published(&site) {
        let bytes = std::fs::read(site.out().join("files").join(&name)).unwrap();
        assert!(!photos::has_gps(&bytes), "{name} keeps GPS data");
        assert!(!bytes.windows(6).any(|w| w == b"Exif\0\0"), "{name} keeps EXIF data");
    }
}

#[test]
fn a_rebuild_takes_the_resized_photos_from_the_cache() {
    let site = site_with_attachments();
    site.build_ok();
    let cache = site.path().join(".sportello-cache/photos");
    let times = || -> Vec<(String, std::time::SystemTime)> {
        let mut times: Vec<_> = std::fs::read_dir(&cache)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    e.metadata().unwrap().modified().unwrap(),
                )
            })
            .collect();
        times.sort();
        times
    };
    let before = times();
    assert_eq!(before.len(), 3 * 2 + 2 * 2, "every copy of both photos is kept");
    std::thread::sleep(std::time::Duration::from_millis(20));
    site.build_ok();
    assert_eq!(times(), before, "nothing resized again");
}

#[test]
fn a_missing_file_or_description_is_an_error_at_its_line() {
    let site = site_with_attachments();
    site.write(
        "content/pages/chi-siamo.md",
        "---\ntitle: Chi siamo\n---\nIl [modulo](modulo-2.pdf).\n\n![](../procedures/kit-postale.jpg)\n",
    );
    let errors = site.build_errors();
    let codes: Vec<(&str, usize, usize)> = errors
        .iter()
        .filter(|e| e.file.ends_with("chi-siamo.md"))
        .map(|e| (e.code.id(), e.line, e.column))
        .collect();
    assert_eq!(codes, [("E0312", 4, 4), ("E0313", 6, 1)], "{errors:#?}");
    let missing = errors.iter().find(|e| e.code.id() == "E0312").unwrap();
    assert!(missing.message().contains("content/pages/modulo-2.pdf"), "{missing}");
}

#[test]
fn a_file_no_page_links_is_a_warning_and_is_not_published() {
    let site = Fixture::minimal();
    site.write("content/procedures/vecchio.pdf", "%PDF-1.4 old");
    let report = site.build_ok();
    let warning = report
        .diagnostics
        .iter()
        .find(|d| d.code.id() == "W0112")
        .expect("a warning about the file");
    assert!(warning.file.ends_with("vecchio.pdf"));
    assert!(!site.out().join("files").exists());
}

#[test]
fn a_form_that_is_not_beside_the_page_is_an_error() {
    let site = Fixture::minimal();
    site.write(
        "content/procedures/rinnovo.md",
        "---\ntitle: Rinnovo\nsummary: S.\noffices: [questura]\nforms:\n  - file: manca.pdf\n    title: Modulo\nupdated: 2026-10-01\nreviewed: 2026-10-01\n---\n1. Passo.\n",
    );
    let errors = site.build_errors();
    let error = only_error(&errors, "content/procedures/rinnovo.md");
    assert_eq!((error.code.id(), error.line), ("E0316", 5), "{error}");
}
