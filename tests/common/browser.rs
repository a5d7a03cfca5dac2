//! What the browser tests share: Debian's chromium driven through
//! chromedriver (fantoccini), a static host over a built folder, and
//! axe-core's accessibility checks.
//! Included by the browser tests only (`#[path = "common/browser.rs"]`).

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};

/// True when chromium and chromedriver are installed; outside CI a machine
/// without them skips the browser tests, in CI that is a failure.
/// Fails the test, saying what to install, when the machine has no
/// chromium: a browser test never passes by not running.
pub fn require_browser() {
    assert!(
        which("chromedriver").is_some() && Path::new("/usr/bin/chromium").exists(),
        "the browser tests need chromium and chromedriver: apt-get install chromium chromium-driver (.ci/run does)"
    );
}

pub struct Process(pub Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

pub fn wait_port(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "port {port} never opened");
        std::thread::sleep(Duration::from_millis(50));
    }
}

pub fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(name))
        .find(|p| p.is_file())
}

/// A static host over a built folder that can lose its signal: each
/// answer closes its connection (no keep-alive socket to outlive the
/// signal), and once `cut` every new connection is closed unanswered, as a
/// network with no signal does.
pub struct StaticServer {
    port: u16,
    cut: Arc<AtomicBool>,
}

impl StaticServer {
    pub fn start(root: PathBuf) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("listen");
        let port = listener.local_addr().unwrap().port();
        let cut = Arc::new(AtomicBool::new(false));
        let signal = Arc::clone(&cut);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                if signal.load(Ordering::SeqCst) {
                    drop(stream);
                    continue;
                }
                let root = root.clone();
                let signal = Arc::clone(&signal);
                std::thread::spawn(move || answer(stream, &root, &signal));
            }
        });
        StaticServer { port, cut }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// From now on no request gets an answer.
    pub fn cut_signal(&self) {
        self.cut.store(true, Ordering::SeqCst);
    }
}

/// Reads one GET request and answers it with the file it names.
fn answer(mut stream: TcpStream, root: &Path, signal: &AtomicBool) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 65536 {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    if signal.load(Ordering::SeqCst) {
        return;
    }
    let head = String::from_utf8_lossy(&head);
    let target = head.split(' ').nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/").trim_start_matches('/');
    let file = root.join(path);
    let file = if file.is_dir() { file.join("index.html") } else { file };
    let kind = match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("webp") => "image/webp",
        Some("jpg") => "image/jpeg",
        Some("png") => "image/png",
        Some("pdf") => "application/pdf",
        Some("json") => "application/json",
        Some("yml") => "application/yaml; charset=utf-8",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    };
    let (status, kind, body) = match std::fs::read(&file) {
        Ok(bytes) if !path.contains("..") => ("200 OK", kind, bytes),
        _ => ("404 Not Found", "text/plain", b"not found".to_vec()),
    };
    let header = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(header.as_bytes());
    let _ = stream.write_all(&body);
}

/// chromium as a phone of 360 × 800 CSS pixels, with its chromedriver.
pub struct Browser {
    pub client: Client,
    _driver: Process,
}

impl Browser {
    pub async fn start(width: u32) -> Self {
        Self::start_with(width, 2.0).await
    }

    /// A phone `width` CSS pixels wide with `pixel_ratio` device pixels
    /// to a CSS pixel.
    pub async fn start_with(width: u32, pixel_ratio: f64) -> Self {
        let metrics = serde_json::json!({ "deviceMetrics": { "width": width, "height": 800, "pixelRatio": pixel_ratio, "touch": true } });
        Self::launch(Some(metrics), &[]).await
    }

    /// chromium as a computer's browser, `width` × `height` CSS pixels,
    /// with `args` added to its command line.
    pub async fn desktop(width: u32, height: u32, args: &[&str]) -> Self {
        let mut args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        args.push(format!("--window-size={width},{height}"));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        Self::launch(None, &args).await
    }

    async fn launch(mobile: Option<serde_json::Value>, extra: &[&str]) -> Self {
        let driver = which("chromedriver").expect("chromedriver");
        let driver_port = free_port();
        let process = Process(
            Command::new(driver)
                .arg(format!("--port={driver_port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        wait_port(driver_port);
        let mut caps = serde_json::Map::new();
        let mut args = vec![
            "--headless=new",
            "--remote-debugging-port=0",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
        ];
        args.extend_from_slice(extra);
        let mut options = serde_json::json!({ "binary": "/usr/bin/chromium", "args": args });
        if let Some(mobile) = mobile {
            options["mobileEmulation"] = mobile;
        }
        caps.insert("goog:chromeOptions".into(), options);
        let client = ClientBuilder::native()
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{driver_port}"))
            .await
            .expect("chromedriver session");
        client
            .update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
                Some(Duration::from_secs(60)),
                Some(Duration::from_secs(90)),
                None,
            ))
            .await
            .unwrap();
        Browser {
            client,
            _driver: process,
        }
    }

    /// Opens `url`; a loaded machine can keep the renderer busy past the
    /// page-load timeout, so once more after a pause.
    pub async fn goto(&self, url: &str) {
        if self.client.goto(url).await.is_err() {
            tokio::time::sleep(Duration::from_secs(1)).await;
            self.client
                .goto(url)
                .await
                .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
        }
    }

    pub async fn eval(&self, script: &str) -> serde_json::Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    pub async fn eval_async(&self, script: &str) -> serde_json::Value {
        self.client
            .execute_async(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// A Chrome DevTools Protocol command, through chromedriver.
    pub async fn cdp(&self, cmd: &'static str, params: serde_json::Value) -> serde_json::Value {
        self.client
            .issue_cmd(Cdp { cmd, params })
            .await
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }
}

/// axe.min.js from axe-core's npm package, installed once into
/// `target/axe/` (`npm install --prefix target/axe axe-core@4`) and injected
/// from that local file: no page ever loads anything from the internet.
pub fn axe_script() -> String {
    let prefix = Path::new(env!("CARGO_MANIFEST_DIR")).join("target").join("axe");
    let file = prefix.join("node_modules/axe-core/axe.min.js");
    if !file.is_file() {
        let installed = Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(&prefix)
            .arg("axe-core@4")
            .stdout(Stdio::null())
            .status();
        assert!(
            matches!(installed, Ok(status) if status.success()),
            "the accessibility tests need axe-core: npm install axe-core@4 must work here"
        );
    }
    std::fs::read_to_string(file).expect("axe.min.js installed")
}

/// Runs every rule axe runs by default (WCAG 2.0, 2.1 and 2.2 A and AA, and
/// best practices) and gives each violation as `[impact, readable line]`.
const RUN_AXE: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, { resultTypes: ["violations"] }).then(function (results) {
  if (results.passes.length < 10) return done([["critical", "axe checked almost nothing: " + results.passes.length + " rules passed"]]);
  done(results.violations.map(function (v) {
    return [v.impact || "", v.id + " (" + v.impact + "): " + v.help + " — " + v.nodes.slice(0, 4).map(function (n) {
      return n.target.join(" ") + (n.failureSummary ? " [" + n.failureSummary.replace(/\s+/g, " ").slice(0, 160) + "]" : "");
    }).join("; ")];
  }));
}, function (err) { done([["critical", "axe failed: " + err]]); });
"#;

/// One rule axe found broken on a page.
#[derive(Debug, Clone)]
pub struct AxeViolation {
    /// `minor`, `moderate`, `serious` or `critical`.
    pub impact: String,
    /// The rule, its help text and the first elements that break it.
    pub line: String,
}

impl AxeViolation {
    /// Serious or critical: what keeps a reader from the page.
    pub fn is_serious(&self) -> bool {
        matches!(self.impact.as_str(), "serious" | "critical")
    }
}

impl Browser {
    /// Injects `axe` (the text of `axe_script()`) into the open page and
    /// runs it.
    pub async fn axe(&self, axe: &str) -> Vec<AxeViolation> {
        self.eval(axe).await;
        let found = self.eval_async(RUN_AXE).await;
        found
            .as_array()
            .into_iter()
            .flatten()
            .map(|pair| AxeViolation {
                impact: pair[0].as_str().unwrap_or_default().to_owned(),
                line: pair[1].as_str().unwrap_or_default().to_owned(),
            })
            .collect()
    }
}

/// chromedriver's `goog/cdp/execute`.
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/goog/cdp/execute", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// Writes `files` (path → text) into the browser's storage for this site,
/// under `site/`, with the `.git` folder the CMS looks for: the folder a
/// volunteer would pick in the editor's local-repository mode.
pub const COPY_PORTAL: &str = r#"const [files, done] = [arguments[0], arguments[arguments.length - 1]];
(async () => {
  const root = await navigator.storage.getDirectory();
  try { await root.removeEntry('site', { recursive: true }); } catch (e) {}
  const site = await root.getDirectoryHandle('site', { create: true });
  await site.getDirectoryHandle('.git', { create: true });
  for (const [path, text] of Object.entries(files)) {
    const parts = path.split('/');
    let dir = site;
    for (const name of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(name, { create: true });
    const writer = await (await dir.getFileHandle(parts.at(-1), { create: true })).createWritable();
    await writer.write(text);
    await writer.close();
  }
  done('copied');
})().catch((e) => done('failed: ' + e));"#;
