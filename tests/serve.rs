//! `sportello serve`: pages served, rebuilt on save, reloaded, errors shown
//! in the browser, and nothing outside the site served.

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::Fixture;

struct Server {
    child: Child,
    port: u16,
}

impl Server {
    /// Asks the server to stop, as Ctrl+C does; true when it exited.
    fn interrupt(&mut self) -> bool {
        let pid = self.child.id() as libc::pid_t;
        // SAFETY: kill sends a signal to a process this test started.
        unsafe { libc::kill(pid, libc::SIGINT) };
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    /// The folder the server keeps its served copy in.
    fn folder(&self) -> std::path::PathBuf {
        std::env::temp_dir().join(format!("sportello-serve-{}", self.child.id()))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if !self.interrupt() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn start(site: &Fixture) -> Server {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_sportello"))
        .args(["serve", "--port", &port.to_string(), "--site"])
        .arg(site.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let server = Server { child, port };
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "serve did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    server
}

/// A raw GET: status code and body.
fn get(port: u16, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let text = String::from_utf8_lossy(&response).into_owned();
    let status = text.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    (status, body)
}

fn wait_for(port: u16, path: &str, what: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let (_, body) = get(port, path);
        if what(&body) {
            return body;
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting on {path}; last body:\n{body}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn serves_rebuilds_reloads_and_shows_errors() {
    let site = Fixture::minimal();
    let server = start(&site);
    let port = server.port;
    let (status, page) = get(port, "/it/pages/chi-siamo/index.html");
    assert_eq!(status, 200);
    assert!(page.contains("Siamo lo sportello."));
    assert!(
        page.contains("/__sportello/events"),
        "the reload script is injected when serving"
    );
    assert!(
        !site.out().exists()
            || !std::fs::read_to_string(site.out().join("it/index.html"))
                .unwrap_or_default()
                .contains("__sportello")
    );

    // A tab waiting for the reload event gets it when a file is saved.
    let events = std::thread::spawn(move || get(port, "/__sportello/events").1);
    std::thread::sleep(Duration::from_millis(300));
    site.write(
        "content/pages/chi-siamo.md",
        "---\ntitle: Chi siamo\n---\nTesto nuovo.\n",
    );
    assert!(events.join().unwrap().contains("data: reload"));
    wait_for(port, "/it/pages/chi-siamo/index.html", |b| b.contains("Testo nuovo."));

    // An error keeps the last good page and shows the overlay; fixing removes it.
    site.write("content/pages/chi-siamo.md", "---\ntitel: Chi siamo\n---\nRotto.\n");
    let broken = wait_for(port, "/en/index.html", |b| b.contains("sportello-errors"));
    assert!(
        broken.contains("content/pages/chi-siamo.md:2"),
        "file and line in the overlay"
    );
    assert!(
        get(port, "/it/pages/chi-siamo/index.html").1.contains("Testo nuovo."),
        "last good site kept"
    );
    site.write(
        "content/pages/chi-siamo.md",
        "---\ntitle: Chi siamo\n---\nAggiustato.\n",
    );
    // The overlay goes once the fixed build is in place.
    wait_for(port, "/it/pages/chi-siamo/index.html", |b| {
        b.contains("Aggiustato.") && !b.contains("sportello-errors")
    });

    // A deleted page disappears and gets the 404 page of its language.
    site.remove("content/pages/chi-siamo.md");
    wait_for(port, "/it/pages/chi-siamo/index.html", |b| !b.contains("Aggiustato."));
    let (status, _) = get(port, "/en/pages/chi-siamo/index.html");
    assert_eq!(status, 404);
}

#[test]
fn the_editor_is_served_and_its_saves_reload_the_readers_tabs() {
    let site = Fixture::minimal();
    let server = start(&site);
    let port = server.port;
    let (status, page) = get(port, "/admin/");
    assert_eq!(status, 200);
    assert!(page.contains("<script src=\"editor.js\"></script>"), "{page}");
    assert!(
        !page.contains("__sportello"),
        "no reload script in the editor: it would lose what the volunteer writes"
    );
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET /admin/config.it.yml HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    assert!(
        response.contains("Content-Type: application/yaml"),
        "{}",
        &response[..200.min(response.len())]
    );
    assert!(response.contains("default_locale: it"));

    // The editor saves a translation into the portal's folder: a tab of
    // the reader's page reloads with it.
    let events = std::thread::spawn(move || get(port, "/__sportello/events").1);
    std::thread::sleep(Duration::from_millis(300));
    site.write(
        "content/offices/questura.en.md",
        "---\nname: Isernia Police Headquarters (Questura)\nsource_updated: 2026-10-01\n---\n\n## Hours {#orari}\n\nBook an appointment.\n",
    );
    assert!(events.join().unwrap().contains("data: reload"));
    wait_for(port, "/en/offices/questura/index.html", |b| {
        b.contains("Headquarters (Questura)")
    });
}

#[test]
fn refuses_paths_outside_the_site() {
    let site = Fixture::minimal();
    site.write("secret.txt", "do not serve");
    let server = start(&site);
    for path in ["/../secret.txt", "/it/../../secret.txt", "/%2e%2e/secret.txt"] {
        let (status, body) = get(server.port, path);
        assert!(!body.contains("do not serve"), "{path} leaked");
        assert!(status == 403 || status == 404 || status == 400, "{path}: {status}");
    }
    let (status, body) = get(server.port, "/ar/nowhere/index.html");
    assert_eq!(status, 404);
    assert!(body.contains("lang=\"ar\""), "404 page in the right language");
}

#[test]
fn stopping_the_server_removes_its_copy_of_the_site() {
    let site = Fixture::minimal();
    let mut server = start(&site);
    assert_eq!(get(server.port, "/").0, 200);
    let folder = server.folder();
    assert!(folder.join("public").is_dir(), "{} is served", folder.display());
    assert!(server.interrupt(), "the server stops on Ctrl+C");
    assert!(!folder.exists(), "{} is left behind", folder.display());
}
