//! The reader's experience in a real browser (Debian's chromium through
//! chromedriver), on the sample portal in it, en and ar: axe-core finds no
//! accessibility violation, no page scrolls sideways on a 360 px phone, the
//! documents checklist keeps its ticks across a reload, "open now" is right
//! for a fixed clock (on a small fixture site whose office has hours),
//! Arabic pages are mirrored, a visited page loads again with the server
//! gone (service worker), and a new build replaces the pages kept.
//!
//! axe-core comes from its npm package, installed once into
//! `target/axe/` (`npm install --prefix target/axe axe-core`) and injected
//! from that local file (`browser::axe_script`, shared with
//! tests/browser_rtl.rs): no page ever loads anything from the internet.

#[path = "common/browser.rs"]
mod browser;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use browser::{axe_script, require_browser, Browser, StaticServer};
use fantoccini::Locator;

/// The languages every check runs in: the source, a left-to-right
/// translation and a right-to-left one.
const LANGS: &[&str] = &["it", "en", "ar"];

/// One page of each kind the issue names for axe, below a language folder.
const AXE_PAGES: &[&str] = &[
    "index.html",
    "procedures/index.html",
    "offices/questura-isernia/index.html",
    "procedures/rinnovo-permesso-soggiorno/index.html",
    "comuni/isernia/index.html",
    "search/index.html",
    "search/index.html?q=permesso",
];

/// One page of every kind the portal has, below a language folder.
const ALL_KINDS: &[&str] = &[
    "index.html",
    "procedures/index.html",
    "procedures/rinnovo-permesso-soggiorno/index.html",
    "offices/index.html",
    "offices/questura-isernia/index.html",
    "services/index.html",
    "services/informazione-orientamento/index.html",
    "comuni/index.html",
    "comuni/isernia/index.html",
    "glossary/index.html",
    "glossary/permesso-di-soggiorno/index.html",
    "pages/chi-siamo/index.html",
    "topics/index.html",
    "topics/documenti/index.html",
    "search/index.html",
    "404.html",
];

/// The tests share one machine of two cores: one browser at a time.
static ONE_BROWSER: Mutex<()> = Mutex::new(());

/// Runs one browser test, one at a time.
fn with_browser<F, Fut>(test: F)
where
    F: FnOnce(Browser) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    with_browser_of_width(360, test)
}

/// Runs `test` with a phone `width` CSS pixels wide.
fn with_browser_of_width<F, Fut>(width: u32, test: F)
where
    F: FnOnce(Browser) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    require_browser();
    let _turn = ONE_BROWSER.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let browser = Browser::start(width).await;
        test(browser).await;
    });
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A folder of this test binary's own under target/.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser_reader").join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The sample portal of the repository, built once for all tests.
fn sample_site() -> &'static Path {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| {
        let out = scratch("sample").join("public");
        let report = sportello::build(repo(), &out);
        let errors: Vec<String> = report.diagnostics.errors().map(ToString::to_string).collect();
        assert!(
            errors.is_empty(),
            "the sample portal must build:\n{}",
            errors.join("\n")
        );
        out
    })
}

/// Waits until the search page shows its results.
const WAIT_FOR_RESULTS: &str = r#"
const done = arguments[arguments.length - 1], deadline = Date.now() + 10000;
(function look() {
  if (document.querySelector('#search-results li')) return done(true);
  if (Date.now() > deadline) return done(false);
  setTimeout(look, 100);
})();
"#;

#[test]
fn axe_finds_no_violation_on_any_kind_of_page() {
    let axe = axe_script();
    let site = sample_site();
    // The sample's offices have no hours, phone or map yet: the fixture's has.
    let hours = hours_site();
    let hours_out = hours.path().join("public");
    assert!(sportello::build(hours.path(), &hours_out).succeeded());
    with_browser(|browser| async move {
        let server = StaticServer::start(site.to_path_buf());
        let office = StaticServer::start(hours_out);
        let mut failures = Vec::new();
        let mut pages: Vec<(String, String)> = Vec::new();
        for lang in LANGS {
            for page in AXE_PAGES {
                pages.push((format!("{}/{lang}/{page}", server.url()), format!("{lang}/{page}")));
            }
            let page = format!("{lang}/offices/misto/index.html");
            pages.push((format!("{}/{page}", office.url()), format!("{page} (fixture)")));
        }
        for (url, page) in &pages {
            browser.goto(url).await;
            if page.contains("?q=") {
                let shown = browser.eval_async(WAIT_FOR_RESULTS).await;
                assert_eq!(shown, true, "{url}: the search shows results");
            }
            for violation in browser.axe(&axe).await {
                failures.push(format!("{page}: {}", violation.line));
            }
        }
        browser.client.close().await.unwrap();
        assert!(failures.is_empty(), "axe-core found:\n{}", failures.join("\n"));
    });
}

#[test]
fn no_page_scrolls_sideways_on_a_360_px_phone() {
    let site = sample_site();
    let shots = scratch("screenshots");
    with_browser(|browser| async move {
        let server = StaticServer::start(site.to_path_buf());
        let mut failures = Vec::new();
        let mut pages: Vec<String> = vec!["index.html".into()];
        for lang in LANGS {
            pages.extend(ALL_KINDS.iter().map(|p| format!("{lang}/{p}")));
        }
        for page in &pages {
            browser.goto(&format!("{}/{page}", server.url())).await;
            let width = browser.eval("return window.innerWidth").await;
            assert_eq!(width.as_u64(), Some(360), "the phone is 360 px wide");
            let widths = browser
                .eval(
                    "var d = document.documentElement; \
                     var wide = Array.prototype.filter.call(document.querySelectorAll('body *'), function (e) { \
                       var r = e.getBoundingClientRect(); return r.width > 0 && (r.right > d.clientWidth + 1 || r.left < -1); }) \
                       .slice(0, 3).map(function (e) { return e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''); }); \
                     return [d.scrollWidth, d.clientWidth, wide.join(', ')];",
                )
                .await;
            let (scroll, client) = (widths[0].as_u64().unwrap_or(0), widths[1].as_u64().unwrap_or(0));
            if scroll > client {
                failures.push(format!(
                    "{page}: {scroll} px of content in a {client} px screen ({})",
                    widths[2].as_str().unwrap_or_default()
                ));
            }
            if let Ok(png) = browser.client.screenshot().await {
                let _ = std::fs::write(shots.join(format!("{}.png", page.replace('/', "_"))), png);
            }
        }
        browser.client.close().await.unwrap();
        assert!(
            failures.is_empty(),
            "pages wider than the phone:\n{}",
            failures.join("\n")
        );
    });
}

#[test]
fn the_documents_checklist_keeps_its_ticks_across_a_reload() {
    let site = sample_site();
    with_browser(|browser| async move {
        let server = StaticServer::start(site.to_path_buf());
        for lang in LANGS {
            let url = format!(
                "{}/{lang}/procedures/rinnovo-permesso-soggiorno/index.html",
                server.url()
            );
            browser.goto(&url).await;
            let boxes = browser
                .client
                .find_all(Locator::Css(".checklist input[type=checkbox]"))
                .await
                .unwrap();
            assert!(boxes.len() >= 3, "{lang}: the checklist has its documents");
            // Tick by clicking the label, as a finger does.
            for n in [1, 3] {
                browser
                    .client
                    .find(Locator::Css(&format!(".checklist li:nth-child({n}) label")))
                    .await
                    .unwrap()
                    .click()
                    .await
                    .unwrap();
            }
            browser.goto(&url).await;
            let ticked = browser
                .eval(
                    "return Array.prototype.map.call(document.querySelectorAll('.checklist input'), \
                     function (b) { return b.checked; })",
                )
                .await;
            let ticked: Vec<bool> = ticked
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_bool().unwrap_or(false))
                .collect();
            assert_eq!(
                &ticked[..4],
                &[true, false, true, false],
                "{lang}: ticks after a reload"
            );
            // Another guide's list is its own.
            browser
                .goto(&format!("{}/{lang}/procedures/codice-fiscale/index.html", server.url()))
                .await;
            let other = browser
                .eval("return document.querySelectorAll('.checklist input:checked').length")
                .await;
            assert_eq!(other.as_u64(), Some(0), "{lang}: another guide starts unticked");
        }
        browser.client.close().await.unwrap();
    });
}

/// A portal whose offices have hours: the sample's have none yet.
fn hours_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let write = |rel: &str, text: &str| {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(
        "site.yaml",
        "base_url: https://example.org\nsource_language: it\nlanguages: [it, en, ar]\ntopics: [documenti]\n",
    );
    for lang in ["it", "en", "ar"] {
        let strings = std::fs::read_to_string(repo().join(format!("i18n/{lang}.yaml"))).unwrap();
        write(&format!("i18n/{lang}.yaml"), &strings);
    }
    write("content/_index.md", "---\ntitle: Sportello\n---\nBenvenuti.\n");
    write(
        "content/comuni/isernia.md",
        "---\nname: Isernia\nistat: \"094023\"\n---\nIl capoluogo.\n",
    );
    write(
        "content/offices/mattina.md",
        "---\nname: Ufficio del mattino\ncomune: isernia\naddress: Via Roma 1, 86170 Isernia\nhours: \"Mo-Fr 09:00-12:00\"\nupdated: 2026-10-01\nreviewed: 2026-10-01\n---\nUfficio.\n",
    );
    write(
        "content/offices/misto.md",
        "---\nname: Ufficio misto\ncomune: isernia\naddress: Via Roma 2, 86170 Isernia\nphone: [\"+39 0865 000000\"]\nemail: ufficio@example.org\ngeo: [41.59, 14.23]\nlanguages_spoken: [it, en, ar]\nhours: \"Mo-Fr 09:00-12:00; We off; Tu 15:00-17:00 unknown \\\"su appuntamento\\\"\"\nupdated: 2026-10-01\nreviewed: 2026-10-01\n---\nUfficio.\n",
    );
    dir
}

#[test]
fn open_now_is_right_for_a_fixed_clock() {
    let fixture = hours_site();
    let out = fixture.path().join("public");
    let report = sportello::build(fixture.path(), &out);
    assert!(
        report.succeeded(),
        "{}",
        report
            .diagnostics
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    let strings = |lang: &str| -> serde_json::Value {
        let text = std::fs::read_to_string(repo().join(format!("i18n/{lang}.yaml"))).unwrap();
        let yaml: serde_norway::Value = serde_norway::from_str(&text).unwrap();
        serde_json::to_value(&yaml["strings"]).unwrap()
    };
    // (office, Rome time, state, English text). 2026-11-30 is a Monday.
    let cases: &[(&str, &str, &str, &str)] = &[
        ("mattina", "2026-11-30T10:15", "open", "Open now – Closes at 12:00"),
        (
            "mattina",
            "2026-11-30T08:30",
            "closed",
            "Closed now – Opens today at 09:00",
        ),
        (
            "mattina",
            "2026-11-30T12:00",
            "closed",
            "Closed now – Opens tomorrow at 09:00",
        ),
        (
            "mattina",
            "2026-12-04T13:00",
            "closed",
            "Closed now – Opens Monday at 09:00",
        ),
        (
            "mattina",
            "2026-12-05T10:00",
            "closed",
            "Closed now – Opens Monday at 09:00",
        ),
        (
            "mattina",
            "2026-12-06T23:59",
            "closed",
            "Closed now – Opens tomorrow at 09:00",
        ),
        (
            "misto",
            "2026-12-02T10:00",
            "closed",
            "Closed now – Opens tomorrow at 09:00",
        ),
        (
            "misto",
            "2026-12-01T16:00",
            "unsure",
            "Maybe open now: see the hours below",
        ),
        ("misto", "2026-11-30T11:59", "open", "Open now – Closes at 12:00"),
        // A later rule replaces a day's hours: Tuesday is by appointment only, Wednesday is off.
        (
            "misto",
            "2026-12-01T11:00",
            "closed",
            "Closed now – Opens Thursday at 09:00",
        ),
    ];
    with_browser(|browser| async move {
        let server = StaticServer::start(out.clone());
        let mut failures = Vec::new();
        for lang in ["en", "ar"] {
            let t = strings(lang);
            for (office, now, state, english) in cases {
                browser
                    .goto(&format!("{}/{lang}/offices/{office}/index.html", server.url()))
                    .await;
                let shown = browser
                    .client
                    .execute(
                        "document.documentElement.setAttribute('data-now', arguments[0]); \
                         window.sportello.openNow(); \
                         var el = document.querySelector('.open-now'); \
                         return [el.textContent, el.className, el.hidden];",
                        vec![serde_json::json!(now)],
                    )
                    .await
                    .unwrap();
                let text = shown[0].as_str().unwrap_or_default();
                let class = shown[1].as_str().unwrap_or_default();
                let right = if lang == "en" {
                    text == *english
                } else {
                    let first = match *state {
                        "open" => &t["open_now"],
                        "closed" => &t["closed_now"],
                        _ => &t["open_unsure"],
                    };
                    let time = english.rsplit(' ').next().unwrap_or_default();
                    text.starts_with(first.as_str().unwrap_or("?")) && (*state == "unsure" || text.contains(time))
                };
                if !right || !class.split(' ').any(|c| c == format!("is-{state}")) || shown[2] != false {
                    failures.push(format!(
                        "{lang} {office} at {now}: expected {state} ({english:?}), got {class:?} {text:?}"
                    ));
                }
            }
        }
        // The hours table is there for every day, without script.
        browser
            .goto(&format!("{}/en/offices/misto/index.html", server.url()))
            .await;
        let rows = browser
            .eval("return document.querySelectorAll('table.hours tr').length")
            .await;
        assert_eq!(rows.as_u64(), Some(7), "the hours table has a row a day");
        browser.client.close().await.unwrap();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    });
}

/// Waits in the page until the service worker controls it and has kept
/// `urls` (absolute); returns what the caches hold.
const WAIT_FOR_CACHE: &str = r#"
const urls = arguments[0], done = arguments[arguments.length - 1];
(async function () {
  await navigator.serviceWorker.ready;
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    const hits = await Promise.all(urls.map(function (u) { return caches.match(u); }));
    if (hits.every(Boolean) && navigator.serviceWorker.controller) break;
    await new Promise(function (r) { setTimeout(r, 200); });
  }
  const kept = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) kept.push(request.url);
  }
  done(kept);
})().catch(function (e) { done(["error: " + e]); });
"#;

#[test]
fn a_visited_page_loads_again_without_signal() {
    let site = sample_site();
    assert!(site.join("sw.js").is_file(), "the build writes a service worker");
    with_browser(|browser| async move {
        let server = StaticServer::start(site.to_path_buf());
        let base = server.url();
        let visited = format!("{base}/en/procedures/rinnovo-permesso-soggiorno/index.html");
        let core = format!("{base}/en/offices/index.html");
        browser.goto(&visited).await;
        let title = browser
            .client
            .find(Locator::Css("h1"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let kept = browser
            .client
            .execute_async(WAIT_FOR_CACHE, vec![serde_json::json!([visited, core])])
            .await
            .unwrap();
        let kept: Vec<String> = kept
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap_or_default().to_owned())
            .collect();
        assert!(kept.contains(&visited), "the visited page is kept: {kept:?}");
        assert!(kept.contains(&core), "the core pages of English are kept: {kept:?}");
        let other_languages: Vec<&String> = kept
            .iter()
            .filter(|u| ["it", "fr", "ar", "uk"].iter().any(|l| u.contains(&format!("/{l}/"))))
            .collect();
        assert!(
            other_languages.is_empty(),
            "nothing of other languages: {other_languages:?}"
        );

        server.cut_signal();
        browser.goto(&visited).await;
        let again = browser
            .client
            .find(Locator::Css("h1"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(again, title, "the visited page loads again offline");
        let styled = browser
            .eval("return getComputedStyle(document.querySelector('.skip')).position")
            .await;
        assert_eq!(styled, "absolute", "with its style sheet");
        browser.goto(&core).await;
        let list = browser.client.find_all(Locator::Css("main ul.links a")).await.unwrap();
        assert!(!list.is_empty(), "a core page never visited loads offline too");
        browser.client.close().await.unwrap();
    });
}

/// Where things are on an Arabic guide: the script's direction mirrors the
/// layout, not only the text.
const RTL_LAYOUT: &str = r#"
const box = (sel) => { const e = document.querySelector(sel); return e ? e.getBoundingClientRect() : null; };
const step = document.querySelector(".has-steps ol > li");
const stepStyle = step ? getComputedStyle(step) : null;
const crumbs = document.querySelectorAll(".breadcrumb a");
const tick = box(".checklist input"), label = box(".checklist label span");
return {
  dir: getComputedStyle(document.body).direction,
  stepNumberRight: !!stepStyle && parseFloat(stepStyle.paddingRight) > parseFloat(stepStyle.paddingLeft),
  tickRight: !!tick && !!label && tick.left > label.left,
  homeCrumbRight: crumbs.length > 1 && crumbs[0].getBoundingClientRect().left > crumbs[1].getBoundingClientRect().left,
  headingRight: box("h1").right > box("main").right - 40,
  brandRight: box(".brand").right > window.innerWidth - 40,
};
"#;

#[test]
fn arabic_pages_are_mirrored() {
    let site = sample_site();
    with_browser(|browser| async move {
        let server = StaticServer::start(site.to_path_buf());
        browser
            .goto(&format!(
                "{}/ar/procedures/rinnovo-permesso-soggiorno/index.html",
                server.url()
            ))
            .await;
        let layout = browser.eval(RTL_LAYOUT).await;
        assert_eq!(layout["dir"], "rtl", "{layout}");
        for key in [
            "stepNumberRight",
            "tickRight",
            "homeCrumbRight",
            "headingRight",
            "brandRight",
        ] {
            assert_eq!(layout[key], true, "{key} in {layout}");
        }
        // The same page in English is not mirrored.
        browser
            .goto(&format!(
                "{}/en/procedures/rinnovo-permesso-soggiorno/index.html",
                server.url()
            ))
            .await;
        let layout = browser.eval(RTL_LAYOUT).await;
        assert_eq!(layout["dir"], "ltr");
        assert_eq!(layout["tickRight"], false, "{layout}");
        assert_eq!(layout["homeCrumbRight"], false, "{layout}");
        browser.client.close().await.unwrap();
    });
}

/// Asks the browser to look for a new service worker, then waits until only
/// the caches of `version` are left and they hold `urls`; returns the names
/// of the caches.
const WAIT_FOR_VERSION: &str = r#"
const version = arguments[0], urls = arguments[1], done = arguments[arguments.length - 1];
(async function () {
  const registration = await navigator.serviceWorker.ready;
  await registration.update();
  const deadline = Date.now() + 30000;
  let names = [];
  while (Date.now() < deadline) {
    names = await caches.keys();
    const hits = await Promise.all(urls.map(function (u) { return caches.match(u); }));
    if (names.length && names.every(function (n) { return n.endsWith("-" + version); }) && hits.every(Boolean)) break;
    await new Promise(function (r) { setTimeout(r, 200); });
  }
  done(names);
})().catch(function (e) { done(["error: " + e]); });
"#;

#[test]
fn a_new_build_replaces_stale_pages() {
    let site = scratch("new-build").join("public");
    assert!(sportello::build(repo(), &site).succeeded());
    let worker = std::fs::read_to_string(site.join("sw.js")).expect("the build writes a service worker");
    let version = worker
        .split("VERSION = \"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("sw.js names its version")
        .to_owned();
    with_browser(|browser| async move {
        let server = StaticServer::start(site.clone());
        let base = server.url();
        let guide = format!("{base}/en/procedures/codice-fiscale/index.html");
        browser.goto(&guide).await;
        let names = browser
            .client
            .execute_async(
                WAIT_FOR_VERSION,
                vec![version.clone().into(), serde_json::json!([guide])],
            )
            .await
            .unwrap();
        assert!(names.to_string().contains(&version), "{names}");

        // A new build: the guide's title changed, and so did the worker's version.
        let page = site.join("en/procedures/codice-fiscale/index.html");
        let html = std::fs::read_to_string(&page).unwrap();
        let start = html.find("<h1").unwrap();
        let end = start + html[start..].find("</h1>").unwrap();
        std::fs::write(
            &page,
            format!("{}<h1>New title</h1>{}", &html[..start], &html[end + 5..]),
        )
        .unwrap();
        let next = format!("{version}b");
        std::fs::write(site.join("sw.js"), worker.replace(&version, &next)).unwrap();
        let names = browser
            .client
            .execute_async(WAIT_FOR_VERSION, vec![next.clone().into(), serde_json::json!([guide])])
            .await
            .unwrap();
        let names: Vec<&str> = names.as_array().unwrap().iter().filter_map(|n| n.as_str()).collect();
        assert!(
            !names.is_empty() && names.iter().all(|n| n.ends_with(&format!("-{next}"))),
            "only the new build's caches are left: {names:?}"
        );

        // Without signal the guide shows the new build's text: the core pages were kept again.
        server.cut_signal();
        browser.goto(&guide).await;
        let title = browser
            .client
            .find(Locator::Css("h1"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(title, "New title", "the stale page was replaced");
        browser.client.close().await.unwrap();
    });
}

/// WCAG 1.4.10: content reflows at 320 CSS pixels (what a 1280 px screen
/// shows at 400% zoom) with no sideways scrolling, right to left too.
#[test]
fn text_reflows_at_320_px() {
    let site = sample_site();
    with_browser_of_width(320, |browser| async move {
        let server = StaticServer::start(site.to_path_buf());
        let mut failures = Vec::new();
        for lang in ["it", "ar"] {
            for page in [
                "index.html",
                "procedures/rinnovo-permesso-soggiorno/index.html",
                "offices/questura-isernia/index.html",
                "search/index.html",
                "comuni/isernia/index.html",
            ] {
                browser.goto(&format!("{}/{lang}/{page}", server.url())).await;
                let widths = browser
                    .eval("var d = document.documentElement; return [window.innerWidth, d.scrollWidth, d.clientWidth];")
                    .await;
                assert_eq!(widths[0].as_u64(), Some(320), "the screen is 320 px wide");
                if widths[1].as_u64() > widths[2].as_u64() {
                    failures.push(format!(
                        "{lang}/{page}: {} px of content in {} px",
                        widths[1], widths[2]
                    ));
                }
            }
        }
        browser.client.close().await.unwrap();
        assert!(failures.is_empty(), "pages wider than 320 px:\n{}", failures.join("\n"));
    });
}
