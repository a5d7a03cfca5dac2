//! The built-in theme's pages are made without Tera while a site overrides
//! none of their templates. These tests build sites both ways and require
//! the same bytes in every file.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;

use sportello::build::{check, render_all, SearchLinks, Timings};
use sportello::render::{OutputFile, Renderer};

mod common;

use sportello_gen_site as gen_site;

/// Every file of the site at `dir`, its pages made by the built-in theme or
/// by Tera from the templates.
fn render(dir: &Path, interpreted: bool) -> BTreeMap<String, Vec<u8>> {
    let checked = check(dir);
    assert!(
        !checked.diagnostics.has_errors(),
        "{:?}",
        checked.diagnostics.errors().collect::<Vec<_>>()
    );
    let (site, theme, strings) = (checked.site.unwrap(), checked.theme.unwrap(), checked.strings.unwrap());
    let mut renderer = Renderer::new(&theme, strings).unwrap();
    if interpreted {
        renderer = renderer.interpreted();
    }
    let files = Mutex::new(BTreeMap::new());
    let sink = |file: OutputFile| {
        files.lock().unwrap().insert(file.path, file.bytes);
        Ok(())
    };
    render_all(
        &site,
        &renderer,
        SearchLinks::Fingerprinted,
        &sink,
        &mut Timings::default(),
    )
    .unwrap();
    files.into_inner().unwrap()
}

/// Where the two outputs first differ, with the text around it.
fn first_difference(built: &BTreeMap<String, Vec<u8>>, interpreted: &BTreeMap<String, Vec<u8>>) -> Option<String> {
    if !built.keys().eq(interpreted.keys()) {
        return Some("the two builds wrote different files".into());
    }
    interpreted.iter().find_map(|(path, expected)| {
        let got = &built[path];
        let at = expected
            .iter()
            .zip(got)
            .position(|(a, b)| a != b)
            .or_else(|| (expected.len() != got.len()).then(|| expected.len().min(got.len())))?;
        let around = |bytes: &[u8]| {
            String::from_utf8_lossy(&bytes[at.saturating_sub(160)..(at + 80).min(bytes.len())]).into_owned()
        };
        Some(format!(
            "{path} differs at byte {at}\n--- Tera:\n{}\n--- built-in:\n{}",
            around(expected),
            around(got)
        ))
    })
}

fn assert_same_output(dir: &Path) -> usize {
    let built = render(dir, false);
    let interpreted = render(dir, true);
    if let Some(difference) = first_difference(&built, &interpreted) {
        panic!("{difference}");
    }
    built.keys().filter(|path| path.ends_with(".html")).count()
}

#[test]
fn the_sample_portal_is_the_same_without_tera() {
    let pages = assert_same_output(Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(pages > 100, "{pages} pages");
}

/// A generated portal large enough for the lists that link rather than list
/// (more than 40 guides and comuni), in four languages with Arabic, with
/// missing, outdated and machine translations, office hours and tables.
#[test]
fn a_large_generated_portal_is_the_same_without_tera() {
    let dir = tempfile::tempdir().unwrap();
    let summary = gen_site::generate(&gen_site::Options {
        pages: 900,
        out: dir.path().to_path_buf(),
        seed: 7,
    })
    .unwrap();
    assert!(summary.sources > 800);
    let pages = assert_same_output(dir.path());
    assert!(pages > 3000, "{pages} pages");
}

#[test]
fn a_small_portal_with_missing_strings_is_the_same_without_tera() {
    let fixture = common::Fixture::minimal();
    assert_same_output(fixture.path());
}

/// Overriding any file the pages are made of, even a partial, hands the
/// pages back to Tera and the site's template.
#[test]
fn a_theme_that_overrides_a_partial_gets_its_own_pages() {
    let fixture = common::Fixture::minimal();
    fixture.write("site.yaml", &format!("{}theme: mine\n", common::SITE));
    fixture.write(
        "themes/mine/templates/partials/dates.html",
        "<p class=\"our-dates\">{{ page.updated }}</p>\n",
    );
    fixture.build_ok();
    let page = fixture.read("it/procedures/rinnovo/index.html");
    assert!(page.contains("<p class=\"our-dates\">2026-10-01</p>"), "{page}");
    assert!(!page.contains("class=\"dates\""));
}
