//! Search in a real browser (Debian's chromium through chromedriver): the
//! sample portal, served over HTTP and opened from file://, in it, en, fr
//! and ar. Each query must bring the expected guide into the top three.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};

/// A query, the language's search page it is typed in, and a part of the
/// URL one of the first three results must have.
const QUERIES: &[(&str, &str, &str)] = &[
    ("it", "permesso", "rinnovo-permesso-soggiorno"),
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

struct Process(Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn wait_port(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "port {port} never opened");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(name))
        .find(|p| p.is_file())
}

/// Serves the built folder over HTTP, as a static host does.
fn serve_folder(root: PathBuf, port: u16) {
    let server = tiny_http::Server::http(("127.0.0.1", port)).expect("listen");
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let path = request
                .url()
                .split('?')
                .next()
                .unwrap_or("/")
                .trim_start_matches('/')
                .to_owned();
            let file = root.join(&path);
            let file = if file.is_dir() { file.join("index.html") } else { file };
            let kind = match file.extension().and_then(|e| e.to_str()) {
                Some("html") => "text/html; charset=utf-8",
                Some("js") => "text/javascript; charset=utf-8",
                Some("css") => "text/css; charset=utf-8",
                _ => "application/octet-stream",
            };
            let response = match std::fs::read(&file) {
                Ok(bytes) if !path.contains("..") => tiny_http::Response::from_data(bytes)
                    .with_header(tiny_http::Header::from_bytes("Content-Type", kind).expect("header")),
                _ => tiny_http::Response::from_data(b"not found".to_vec()).with_status_code(404),
            };
            let _ = request.respond(response);
        }
    });
}

async fn browser(driver_port: u16) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--remote-debugging-port=0", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run", "--allow-file-access-from-files", "--window-size=360,800"]
        }),
    );
    ClientBuilder::native()
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{driver_port}"))
        .await
        .expect("chromedriver session")
}

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
    let (Some(driver), true) = (which("chromedriver"), Path::new("/usr/bin/chromium").exists()) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have chromium and chromedriver (.ci/run installs them)"
        );
        eprintln!("skipped: chromium or chromedriver not installed");
        return;
    };
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let report = sportello::build(repo, &out.path().join("public"));
    assert!(report.succeeded());
    let public = out.path().join("public");

    let http_port = free_port();
    serve_folder(public.clone(), http_port);
    let driver_port = free_port();
    let _driver = Process(
        Command::new(driver)
            .arg(format!("--port={driver_port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    wait_port(driver_port);
    let client = browser(driver_port).await;
    client
        .update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
            None,
            Some(Duration::from_secs(90)),
            None,
        ))
        .await
        .unwrap();

    let mut failures = Vec::new();
    for base in [
        format!("http://127.0.0.1:{http_port}"),
        format!("file://{}", public.display()),
    ] {
        for (lang, query, expected) in QUERIES {
            let hrefs = results(&client, &format!("{base}/{lang}/search/index.html"), query).await;
            if !hrefs.iter().take(3).any(|h| h.contains(expected)) {
                failures.push(format!(
                    "{base} [{lang}] {query:?}: expected {expected} in the top 3, got {:?}",
                    hrefs.iter().take(3).collect::<Vec<_>>()
                ));
            }
        }
        let junk = results(&client, &format!("{base}/it/search/index.html"), "xqzvvw").await;
        if !junk.is_empty() {
            failures.push(format!("{base}: xqzvvw returned {junk:?}"));
        }
    }
    client.close().await.unwrap();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
