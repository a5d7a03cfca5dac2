//! The right-to-left languages of the theme in a real browser (Debian's
//! chromium through chromedriver), on a fixture site that lists Arabic,
//! Urdu, Persian and Pashto with no i18n file of its own: every page is laid
//! out right to left, axe-core finds no serious or critical accessibility
//! violation on an office, a guide (translated and not), the home and the
//! search page of each language, and the search page finds the translated
//! guide by a word typed with another keyboard's letters.

#[path = "common/browser.rs"]
mod browser;
mod common;

use std::time::Duration;

use browser::{axe_script, require_browser, Browser, StaticServer};
use common::{Fixture, RTL_PAGES};

/// The pages checked in each language, below its folder: an office and a
/// guide in Italian (not translated), the guide translated, the home.
const PAGES: &[&str] = &[
    "offices/questura/index.html",
    "procedures/rinnovo/index.html",
    "comuni/isernia/index.html",
    "index.html",
];

/// What the page says of its direction.
const DIRECTION: &str = r#"
return {
  dir: document.documentElement.dir,
  lang: document.documentElement.lang,
  computed: getComputedStyle(document.body).direction,
};
"#;

/// Waits until the search page shows its results; gives their links.
const RESULTS: &str = r#"
const done = arguments[arguments.length - 1], deadline = Date.now() + 15000;
(function look() {
  const links = Array.from(document.querySelectorAll('#search-results li.search-result a'));
  if (links.length || document.querySelector('#search-results .search-empty')) return done(links.map(function (a) { return a.getAttribute('href'); }));
  if (Date.now() > deadline) return done(null);
  setTimeout(look, 100);
})();
"#;

#[test]
fn rtl_pages_have_no_serious_accessibility_violation() {
    require_browser();
    let axe = axe_script();
    let site = Fixture::minimal_in(&["it", "ar", "ur", "fa", "ps"]);
    // Pages translated into each language: the guide.
    site.write_rtl_translations();
    site.build_ok();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let server = StaticServer::start(site.out());
        let browser = Browser::start(360).await;
        let mut failures = Vec::new();
        let mut minor = Vec::new();
        for page in RTL_PAGES {
            let lang = page.lang;
            let mut urls: Vec<String> = PAGES.iter().map(|p| format!("{lang}/{p}")).collect();
            // A word of the guide, written with the letters of another
            // keyboard (the last variant of the page's queries).
            let query = page.queries.last().expect("a query");
            urls.push(format!("{lang}/search/index.html?q={query}"));
            for path in &urls {
                browser.goto(&format!("{}/{path}", server.url())).await;
                if path.contains("?q=") {
                    let found = browser.eval_async(RESULTS).await;
                    let hrefs: Vec<&str> = found
                        .as_array()
                        .map(|links| links.iter().filter_map(|l| l.as_str()).collect())
                        .unwrap_or_default();
                    if !hrefs.iter().take(3).any(|h| h.contains("procedures/rinnovo")) {
                        failures.push(format!(
                            "{path}: the translated guide is not in the top 3 results: {found}"
                        ));
                    }
                }
                let direction = browser.eval(DIRECTION).await;
                if direction["dir"] != "rtl" || direction["lang"] != lang || direction["computed"] != "rtl" {
                    failures.push(format!("{path}: not a right-to-left page in {lang}: {direction}"));
                }
                for violation in browser.axe(&axe).await {
                    if violation.is_serious() {
                        failures.push(format!("{path}: {}", violation.line));
                    } else {
                        minor.push(format!("{path}: {}", violation.line));
                    }
                }
            }
        }
        tokio::time::timeout(Duration::from_secs(30), browser.client.close())
            .await
            .ok();
        if !minor.is_empty() {
            eprintln!("axe-core's minor and moderate findings:\n{}", minor.join("\n"));
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    });
}
