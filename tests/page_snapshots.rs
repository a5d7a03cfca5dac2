//! Whole pages of the fixture portal `tests/sites/minimal`, in each of its
//! languages, kept as snapshots in `tests/snapshots/`: a change to the HTML
//! a reader gets shows as a diff to review (`cargo insta review`, or run
//! with `INSTA_UPDATE=always` and read `git diff`).
//!
//! This file holds one test, so that it can fix the day the build takes
//! for "today" (review flags depend on it) without racing other tests.

mod common;

use common::Fixture;

#[test]
fn representative_pages_in_every_language() {
    // SAFETY of the environment: the only test of this binary.
    std::env::set_var("SPORTELLO_TODAY", "2026-12-01");
    let site = Fixture::minimal();
    site.build_ok();
    let mut pages = vec!["index.html".to_owned()];
    for lang in ["it", "en", "ar"] {
        for page in [
            "index.html",
            "procedures/rinnovo/index.html",
            "offices/questura/index.html",
            "glossary/codice-fiscale/index.html",
        ] {
            pages.push(format!("{lang}/{page}"));
        }
    }
    pages.extend(
        [
            "en/procedures/index.html",
            "en/search/index.html",
            "it/status/index.html",
        ]
        .map(String::from),
    );
    // Files named by their content (the stylesheet, the search index) keep
    // a stand-in for their hash: a change to the CSS is not a change of
    // every page.
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\.[0-9a-f]{10}\.(css|js)", ".[hash].$1");
    settings.add_filter(r"-[0-9a-f]{10}\.js", "-[hash].js");
    settings.bind(|| {
        for page in pages {
            let name = page
                .trim_end_matches("/index.html")
                .trim_end_matches(".html")
                .replace('/', "__");
            insta::assert_snapshot!(name, site.read(&page));
        }
    });
}
