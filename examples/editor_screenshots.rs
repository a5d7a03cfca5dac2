//! The screenshots of the volunteers' guides (docs/volunteers/), taken from
//! the real editor on the sample portal in headless chromium, in Italian
//! and in English, as tests/browser_editor.rs drives it.
//!
//!   cargo run --example editor_screenshots
//!
//! Needs chromium and chromedriver.

#[path = "../tests/common/browser.rs"]
mod browser;

use std::path::Path;
use std::time::{Duration, Instant};

use browser::{Browser, StaticServer, COPY_PORTAL};
use fantoccini::Locator;

/// The words of the editor's interface each step looks for, by language.
struct Words {
    code: &'static str,
    local: &'static str,
    english: &'static str,
    source: &'static str,
    arabic: &'static str,
}

const ITALIAN: Words = Words {
    code: "it",
    local: "Repository Locale",
    english: "Inglese",
    source: "Italiano",
    arabic: "Arabo",
};
const ENGLISH: Words = Words {
    code: "en",
    local: "Local Repository",
    english: "English",
    source: "Italian",
    arabic: "Arabic",
};

fn main() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let built = tempfile::tempdir().unwrap();
    let report = sportello::build::build(repo, built.path());
    assert!(report.succeeded(), "{:?}", report.diagnostics);
    std::fs::write(built.path().join("blank.html"), "<!doctype html><title>blank</title>").unwrap();
    let server = StaticServer::start(built.path().to_path_buf());
    let mut files = serde_json::Map::new();
    files.insert(
        "site.yaml".into(),
        std::fs::read_to_string(repo.join("site.yaml")).unwrap().into(),
    );
    let mut stack = vec![repo.join("content")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(repo).unwrap().to_string_lossy().replace('\\', "/");
                files.insert(rel, std::fs::read_to_string(&path).unwrap().into());
            }
        }
    }
    let out = repo.join("docs/volunteers");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    for words in [ITALIAN, ENGLISH] {
        runtime.block_on(shoot(&server.url(), &files, &words, &out));
    }
}

async fn shoot(url: &str, files: &serde_json::Map<String, serde_json::Value>, words: &Words, out: &Path) {
    let browser = Browser::desktop(1100, 860, &["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]).await;
    let language = words.code;
    let setup = format!(
        "Object.defineProperty(navigator, 'languages', {{ get: () => ['{language}'], configurable: true }});
         Object.defineProperty(navigator, 'language', {{ get: () => '{language}', configurable: true }});
         window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle('site');"
    );
    browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            serde_json::json!({ "source": setup }),
        )
        .await;
    browser.goto(&format!("{url}/blank.html")).await;
    let copied = browser
        .client
        .execute_async(COPY_PORTAL, vec![serde_json::Value::Object(files.clone())])
        .await
        .unwrap();
    assert_eq!(copied, "copied");

    browser.goto(&format!("{url}/admin/")).await;
    let local = format!("//button[contains(., '{}')]", words.local);
    find(&browser, &local).await;
    save(&browser, out, &format!("editor-start.{language}.png")).await;
    click(&browser, &local).await;
    browser.goto(&format!("{url}/admin/#/collections/procedures")).await;
    pause(3).await;
    save(&browser, out, &format!("editor-collections.{language}.png")).await;

    browser
        .goto(&format!(
            "{url}/admin/#/collections/procedures/entries/rinnovo-permesso-soggiorno"
        ))
        .await;
    pause(3).await;
    save(&browser, out, &format!("editor-page.{language}.png")).await;

    // The translation on the left, the original beside it.
    choose(&browser, 0, words.english).await;
    choose(&browser, 1, words.source).await;
    pause(2).await;
    save(&browser, out, &format!("editor-translation.{language}.png")).await;

    // The preview of an Arabic page, right to left: not kept, for checking.
    choose(&browser, 0, words.arabic).await;
    choose(&browser, 1, if language == "it" { "Anteprima" } else { "Preview" }).await;
    pause(2).await;
    let png = browser.client.screenshot().await.unwrap();
    std::fs::write(std::env::temp_dir().join(format!("editor-arabic.{language}.png")), png).unwrap();
}

/// Picks `option` in the language list of pane `pane` (0 left, 1 right).
async fn choose(browser: &Browser, pane: usize, option: &str) {
    // The language lists are the lists at the top of the two panes.
    let mark = "[...document.querySelectorAll('[role=combobox]')]
        .filter((e) => e.getBoundingClientRect().top < 120)
        .sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left)
        .forEach((e, i) => { e.dataset.pane = String(i); });";
    let css = format!("[role=combobox][data-pane='{pane}']");
    let deadline = Instant::now() + Duration::from_secs(30);
    let list = loop {
        browser.eval(mark).await;
        if let Some(list) = browser
            .client
            .find_all(Locator::Css(&css))
            .await
            .unwrap()
            .into_iter()
            .next()
        {
            break list;
        }
        if Instant::now() > deadline {
            let png = browser.client.screenshot().await.unwrap();
            std::fs::write(std::env::temp_dir().join("editor-screenshots-failed.png"), png).unwrap();
            panic!("no language list {css}");
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    };
    list.click().await.unwrap();
    click(
        browser,
        &format!("//*[@role='option'][contains(normalize-space(.), '{option}')]"),
    )
    .await;
}

async fn click(browser: &Browser, xpath: &str) {
    find(browser, xpath).await.click().await.unwrap();
}

async fn find(browser: &Browser, xpath: &str) -> fantoccini::elements::Element {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let found = browser.client.find_all(Locator::XPath(xpath)).await.unwrap();
        if let Some(element) = found.into_iter().next() {
            return element;
        }
        assert!(Instant::now() < deadline, "nothing matches {xpath}");
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

async fn pause(seconds: u64) {
    tokio::time::sleep(Duration::from_secs(seconds)).await;
}

/// The page as a PNG.
async fn save(browser: &Browser, out: &Path, name: &str) {
    let png = browser.client.screenshot().await.unwrap();
    std::fs::write(out.join(name), png).unwrap();
}
