//! Search in a real browser (Debian's chromium through chromedriver): the
//! sample portal, served over HTTP and opened from file://, in it, en, fr
//! and ar. Each query must bring the expected guide into the top three.

#[path = "common/browser.rs"]
mod browser;

use std::path::Path;
use std::time::{Duration, Instant};

use browser::{require_browser, Browser, StaticServer};
use fantoccini::{Client, Locator};

/// A query, the language's search page it is typed in, and a part of the
/// URL one of the first three results must have.
const QUERIES: &[(&str, &str, &str)] = &[
    ("it", "rinnovo permesso", "rinnovo-permesso-soggiorno"),
    ("it", "permesso", "permesso-di-soggiorno"),
    ("it", "permeso", "permesso"),
    ("it", "codce fiscale", "codice-fiscale"),
    ("it", "identita", "carta-identita"),
    ("it", "iscrizioni scolastiche", "iscrizione-scolastica"),
    ("it", "medico", "iscrizione-servizio-sanitario"),
    ("en", "children school", "iscrizione-scolastica"),
    ("en", "tax code", "codice-fiscale"),
    ("en", "questura", "questura"),
    ("en", "renewal", "rinnovo-permesso-soggiorno"),
    ("fr", "renouvellement", "rinnovo-permesso-soggiorno"),
    ("fr", "medecin", "iscrizione-servizio-sanitario"),
    ("fr", "codice fiscale", "codice-fiscale"),
    ("ar", "صحة", "asl"),
    ("ar", "الإقامة", "permesso"),
    ("ar", "codice fiscale", "codice-fiscale"),
];

/// The hrefs of the results shown for `query` on `search_page`.
async fn results(client: &Client, search_page: &str, query: &str) -> Vec<String> {
    let url = format!("{search_page}?q={}", query.replace(' ', "+"));
    // A loaded machine can keep the renderer busy past the page-load timeout: try again once.
    if client.goto(&url).await.is_err() {
        tokio::time::sleep(Duration::from_secs(1)).await;
        client.goto(&url).await.unwrap();
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let links = client
            .find_all(Locator::Css("#search-results li.search-result a"))
            .await
            .unwrap();
        let empty = client
            .find_all(Locator::Css("#search-results .search-empty"))
            .await
            .unwrap();
        if !links.is_empty() || !empty.is_empty() || Instant::now() > deadline {
            let mut hrefs = Vec::new();
            for link in links {
                hrefs.push(link.attr("href").await.unwrap().unwrap_or_default());
            }
            return hrefs;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn queries_find_their_guide_over_http_and_from_disk() {
    require_browser();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let report = sportello::build(repo, &out.path().join("public"));
    assert!(report.succeeded());
    let public = out.path().join("public");

    let server = StaticServer::start(public.clone());
    let browser = Browser::start(360).await;
    let client = &browser.client;

    let mut failures = Vec::new();
    for base in [server.url(), format!("file://{}", public.display())] {
        for (lang, query, expected) in QUERIES {
            let hrefs = results(client, &format!("{base}/{lang}/search/index.html"), query).await;
            if !hrefs.iter().take(3).any(|h| h.contains(expected)) {
                failures.push(format!(
                    "{base} [{lang}] {query:?}: expected {expected} in the top 3, got {:?}",
                    hrefs.iter().take(3).collect::<Vec<_>>()
                ));
            }
        }
        let junk = results(client, &format!("{base}/it/search/index.html"), "xqzvvw").await;
        if !junk.is_empty() {
            failures.push(format!("{base}: xqzvvw returned {junk:?}"));
        }
    }
    browser.client.clone().close().await.unwrap();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
