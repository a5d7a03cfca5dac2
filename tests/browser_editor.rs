//! The browser editor in a real browser (Debian's chromium through
//! chromedriver), as a volunteer uses it from `sportello serve`: the page
//! loads from the built site with no error and no request outside the site,
//! works on the portal's folder (its "local repository" mode: the folder
//! picker answers with a copy of the fixture portal in the browser's own
//! storage, as it would with the folder the volunteer picks), shows every
//! collection, and saves a page whose date a volunteer picked (written
//! `YYYY-MM-DD`) and whose translation's text they changed — only text
//! fields in the translation, in `<slug>.<lang>.md`, with a front matter
//! `sportello check` accepts, `source_updated` filled in.

#[path = "common/browser.rs"]
mod browser;
mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use browser::{require_browser, Browser, StaticServer, COPY_PORTAL};
use fantoccini::Locator;

/// Runs before any script of every page: collects what goes wrong, answers
/// the folder picker with the copy of the portal, and speaks Italian.
const BEFORE_EVERY_PAGE: &str = r#"(() => {
  const problems = [];
  window.__problems = problems;
  const error = console.error.bind(console);
  console.error = (...args) => { problems.push('console.error: ' + args.map(String).join(' ')); error(...args); };
  addEventListener('error', (e) => problems.push('error: ' + (e.message || (e.target && (e.target.src || e.target.href)) || e.type) + (e.error && e.error.stack ? ' ' + e.error.stack.slice(0, 600) : '')), true);
  addEventListener('unhandledrejection', (e) => problems.push('unhandled: ' + ((e.reason && e.reason.message) || e.reason)));
  document.addEventListener('securitypolicyviolation', (e) => problems.push('blocked: ' + e.blockedURI + ' (' + e.violatedDirective + ')'));
  Object.defineProperty(navigator, 'languages', { get: () => ['it-IT', 'it'], configurable: true });
  Object.defineProperty(navigator, 'language', { get: () => 'it-IT', configurable: true });
  window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle('site');
})();"#;

/// Every file of the copy of the portal in the browser's storage, by path.
const READ_PORTAL: &str = r#"const done = arguments[arguments.length - 1];
(async () => {
  const out = {};
  async function walk(dir, prefix) {
    for await (const [name, handle] of dir.entries()) {
      if (handle.kind === 'directory') await walk(handle, prefix + name + '/');
      else out[prefix + name] = await (await handle.getFile()).text();
    }
  }
  await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle('site'), '');
  done(out);
})().catch((e) => done('failed: ' + e));"#;

#[test]
fn a_volunteer_translates_a_page_in_the_editor_and_the_portal_checks() {
    require_browser();
    let site = common::Fixture::minimal();
    // A translation that predates the rule: the editor fills in its
    // `source_updated` when it is saved.
    let english = site.read_source("content/offices/questura.en.md");
    site.write(
        "content/offices/questura.en.md",
        &english.replace("source_updated: 2026-10-01\n", ""),
    );
    assert!(
        sportello::build::check(site.path()).diagnostics.has_errors(),
        "the fixture starts without source_updated"
    );
    // The editor's files do not depend on the pages: a valid copy of the
    // portal is built and served.
    let served = tempfile::tempdir().unwrap();
    let valid = common::Fixture::minimal();
    let report = sportello::build::build(valid.path(), served.path());
    assert!(report.succeeded(), "{:?}", report.diagnostics);
    // A page of the site that is not the editor nor a reader's page (those
    // register a service worker), to copy the portal from.
    std::fs::write(served.path().join("blank.html"), "<!doctype html><title>blank</title>").unwrap();
    let labels = collection_labels(&served.path().join("admin/config.it.yml"));
    let server = StaticServer::start(served.path().to_path_buf());
    let url = server.url();
    let mut files = serde_json::Map::new();
    for rel in common_files(site.path()) {
        files.insert(rel.clone(), site.read_source(&rel).into());
    }

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let written = runtime.block_on(async {
        let browser = Browser::desktop(1280, 900, &["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]).await;
        browser
            .cdp(
                "Page.addScriptToEvaluateOnNewDocument",
                serde_json::json!({ "source": BEFORE_EVERY_PAGE }),
            )
            .await;
        // The copy of the portal, written from a page of the same site.
        browser.goto(&format!("{url}/blank.html")).await;
        let copied = browser
            .client
            .execute_async(COPY_PORTAL, vec![serde_json::Value::Object(files)])
            .await
            .unwrap();
        assert_eq!(copied, "copied");

        browser.goto(&format!("{url}/admin/")).await;
        click_button(&browser, "Repository Locale").await;
        wait_for(&browser, "the collections", |text| {
            labels.iter().all(|l| text.contains(l.as_str()))
        })
        .await;

        browser
            .goto(&format!("{url}/admin/#/collections/offices/entries/questura"))
            .await;
        wait_for(&browser, "the office's page", |text| {
            text.contains("Questura di Isernia") && text.contains("Salva")
        })
        .await;
        // The facts changed today, picked with the date picker's button
        // (the form shows its fields as it is scrolled to them).
        let deadline = Instant::now() + Duration::from_secs(60);
        while browser
            .eval("document.querySelectorAll('[id$=pane-body], [id$=pane-body] *').forEach((e) => { if (e.scrollHeight > e.clientHeight) e.scrollTop = e.scrollHeight; }); const t = [...document.querySelectorAll('*')].find((e) => !e.children.length && e.textContent.trim() === 'Oggi'); if (!t) return false; const b = t.closest('button, [role=button]') || t; b.scrollIntoView(); b.click(); return true;")
            .await
            != true
        {
            if Instant::now() > deadline {
                let text = browser.eval("return document.body.innerText").await;
                panic!("no button for today's date: {text}");
            }
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
        // The left pane in English, the translation: a tab where the portal
        // has few languages, a list where it has many.
        let english =
            "//*[@role='tab' or @role='option' or @role='radio' or self::button][normalize-space(.)='Inglese']";
        if browser
            .client
            .find_all(Locator::XPath(english))
            .await
            .unwrap()
            .is_empty()
        {
            wait_for_all(&browser, "[role=combobox]").await[0]
                .click()
                .await
                .unwrap();
        }
        wait_for_all_xpath(&browser, english).await[0].click().await.unwrap();
        let name = wait_for_input(&browser, "Isernia Police Headquarters").await;
        name.clear().await.unwrap();
        name.send_keys("Isernia Police Headquarters (Questura)").await.unwrap();
        click_button(&browser, "Salva").await;

        let deadline = Instant::now() + Duration::from_secs(60);
        let written = loop {
            let files = browser.client.execute_async(READ_PORTAL, vec![]).await.unwrap();
            let saved = files["content/offices/questura.en.md"]
                .as_str()
                .is_some_and(|text| text.contains("(Questura)"));
            if saved {
                break files;
            }
            assert!(Instant::now() < deadline, "the translation was never saved");
            tokio::time::sleep(Duration::from_millis(300)).await;
        };

        let problems = browser.eval("return window.__problems").await;
        assert_eq!(problems, serde_json::json!([]), "the editor ran without an error");
        let loaded = browser
            .eval("return performance.getEntriesByType('resource').map((e) => e.name)")
            .await;
        let loaded: Vec<String> = serde_json::from_value(loaded).unwrap();
        let outside: Vec<&String> = loaded
            .iter()
            .filter(|u| !u.starts_with(&url) && !u.starts_with("blob:") && !u.starts_with("data:"))
            .collect();
        assert!(outside.is_empty(), "requests outside the site: {outside:?}");
        assert!(
            loaded.iter().any(|u| u.ends_with("/admin/sveltia-cms.js")) && loaded.iter().any(|u| u.ends_with(".woff2")),
            "the CMS and its fonts come from the site: {loaded:?}"
        );
        written
    });

    let written: serde_json::Map<String, serde_json::Value> = serde_json::from_value(written).unwrap();
    let before = common_files(site.path());
    let mut after: Vec<String> = written.keys().cloned().collect();
    after.sort();
    assert_eq!(after, before, "no file added or removed: the translation kept its name");

    let translation = written["content/offices/questura.en.md"].as_str().unwrap();
    let front_matter: Vec<&str> = translation
        .lines()
        .skip(1)
        .take_while(|line| *line != "---")
        .filter_map(|line| line.split_once(':').map(|(key, _)| key))
        .collect();
    assert_eq!(
        front_matter,
        ["name", "source_updated"],
        "only the translation's fields, no fact:\n{translation}"
    );
    let source = written["content/offices/questura.md"].as_str().unwrap();
    let updated = source
        .lines()
        .find_map(|line| line.strip_prefix("updated: "))
        .expect("the source keeps its date");
    assert!(
        updated.len() == 10 && sportello::content::Date::parse(updated).is_ok() && updated != "2026-10-01",
        "the date picked is written YYYY-MM-DD: {source}"
    );
    assert!(
        translation.contains(&format!("source_updated: {updated}")),
        "a translation saved without source_updated gets the source's updated: {translation}"
    );
    assert!(
        translation.contains("## Hours {#orari}"),
        "the body kept: {translation}"
    );

    for (rel, text) in &written {
        site.write(rel, text.as_str().unwrap());
    }
    let checked = sportello::build::check(site.path());
    assert!(
        !checked.diagnostics.has_errors(),
        "the saved portal passes check: {:?}",
        checked.diagnostics
    );
    let source = site.read_source("content/offices/questura.md");
    assert!(
        source.contains("Mo,We 09:00-12:00; Th 15:00-17:00") && source.contains("geo:"),
        "the facts stay in the source: {source}"
    );
}

/// Every file the portal's editor sees: content/ and site.yaml.
fn common_files(site: &Path) -> Vec<String> {
    let mut out = vec!["site.yaml".to_owned()];
    let mut stack = vec![site.join("content")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path.strip_prefix(site).unwrap().to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    out
}

/// The collections' names in the Italian configuration.
fn collection_labels(config: &Path) -> Vec<String> {
    let config: serde_norway::Value = serde_norway::from_str(&std::fs::read_to_string(config).unwrap()).unwrap();
    config["collections"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|c| c["label"].as_str().unwrap().to_owned())
        .collect()
}

async fn wait_for(browser: &Browser, what: &str, ready: impl Fn(&str) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let text = browser
            .eval("return document.body ? document.body.innerText : ''")
            .await;
        if ready(text.as_str().unwrap_or_default()) {
            return;
        }
        assert!(Instant::now() < deadline, "{what} never appeared:\n{text}");
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

async fn click_button(browser: &Browser, label: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        for button in browser.client.find_all(Locator::Css("button")).await.unwrap() {
            let text = button.text().await.unwrap_or_default();
            let enabled = button.prop("disabled").await.ok().flatten().as_deref() != Some("true");
            if text.contains(label) && enabled {
                button.click().await.unwrap();
                return;
            }
        }
        assert!(Instant::now() < deadline, "no button {label}");
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

async fn wait_for_input(browser: &Browser, value: &str) -> fantoccini::elements::Element {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        for input in browser.client.find_all(Locator::Css("input")).await.unwrap() {
            if input.prop("value").await.ok().flatten().as_deref() == Some(value) {
                return input;
            }
        }
        assert!(Instant::now() < deadline, "no field with {value}");
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

async fn wait_for_all(browser: &Browser, css: &str) -> Vec<fantoccini::elements::Element> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let found = browser.client.find_all(Locator::Css(css)).await.unwrap();
        if !found.is_empty() {
            return found;
        }
        if Instant::now() > deadline {
            let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser_editor.png");
            if let Ok(png) = browser.client.screenshot().await {
                let _ = std::fs::write(&shot, png);
            }
            panic!("nothing matches {css} (the page: {})", shot.display());
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

async fn wait_for_all_xpath(browser: &Browser, xpath: &str) -> Vec<fantoccini::elements::Element> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let found = browser.client.find_all(Locator::XPath(xpath)).await.unwrap();
        if !found.is_empty() {
            return found;
        }
        assert!(Instant::now() < deadline, "nothing matches {xpath}");
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}
