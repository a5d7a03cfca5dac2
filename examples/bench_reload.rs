//! The volunteer's loop, measured: from saving one page to the open browser
//! tab receiving the reload event of `sportello serve`. Generates a site of
//! N source pages in 4 languages (crates/gen-site), starts the release
//! binary's `serve` on a free port, then saves a page's body R times and
//! prints the median, the fastest and the slowest time.
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example bench_reload -- [--pages 1000] [--saves 15]
//! ```

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use clap::Parser;
use sportello_gen_site as gen_site;

/// Measures save -> reload event of `sportello serve` on a generated site.
#[derive(Parser)]
#[command(name = "bench_reload")]
struct Args {
    /// Source pages of the generated site (4 languages).
    #[arg(long, default_value_t = 1000)]
    pages: usize,
    /// How many times a page is saved; the median time is reported.
    #[arg(long, default_value_t = 15)]
    saves: usize,
}

struct Server(Child);

impl Drop for Server {
    /// Stops the server as Ctrl+C does, so that it removes its copy of the
    /// site; kills it if it has not stopped within ten seconds.
    fn drop(&mut self) {
        // SAFETY: kill sends a signal to a process this program started.
        unsafe { libc::kill(self.0.id() as libc::pid_t, libc::SIGINT) };
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Waits for the next reload event; returns when it arrives.
fn wait_reload(port: u16) -> std::thread::JoinHandle<bool> {
    std::thread::spawn(move || {
        let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
            return false;
        };
        let _ = stream.set_read_timeout(Some(Duration::from_secs(60)));
        let _ = write!(
            stream,
            "GET /__sportello/events HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        );
        let mut body = String::new();
        let _ = stream.read_to_string(&mut body);
        body.contains("data: reload")
    })
}

fn main() {
    let Args { pages, saves } = Args::parse();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let bin = root.join("target/release/sportello");
    assert!(bin.exists(), "build the release binary first: cargo build --release");
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    let summary = gen_site::generate(&gen_site::Options {
        pages,
        out: site.clone(),
        seed: 42,
        photos_every: None,
    })
    .expect("generate");
    println!(
        "site: {} source pages + {} translations in 4 languages",
        summary.sources, summary.translations
    );

    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("port");
    let started = Instant::now();
    let _server = Server(
        Command::new(&bin)
            .args(["serve", "--port", &port.to_string(), "--site"])
            .arg(&site)
            .env("SPORTELLO_TODAY", "2026-12-01")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start serve"),
    );
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(started.elapsed() < Duration::from_secs(600), "serve did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    println!(
        "first build and serve ready in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let page = procedure_file(&site.join("content/procedures"));
    let original = std::fs::read_to_string(&page).expect("read page");
    let mut times = Vec::new();
    for save in 0..saves {
        let waiting = wait_reload(port);
        // Let the waiting tab's request reach the server and the search
        // index update of the previous save finish.
        std::thread::sleep(Duration::from_millis(1500));
        let t0 = Instant::now();
        std::fs::write(&page, format!("{original}\nUna riga aggiunta al salvataggio {save}.\n")).expect("save");
        if waiting.join().unwrap_or(false) {
            times.push(t0.elapsed());
        }
    }
    std::fs::write(&page, original).expect("restore");
    times.sort();
    if times.is_empty() {
        println!("no reload event received");
        return;
    }
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "save -> reload event, {} saves of {}: median {:.0} ms, fastest {:.0} ms, slowest {:.0} ms",
        times.len(),
        page.strip_prefix(&site).unwrap_or(&page).display(),
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1])
    );
}

/// A source procedure page (no language suffix).
fn procedure_file(folder: &Path) -> PathBuf {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("procedures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.matches('.').count() == 1)
        })
        .collect();
    files.sort();
    files.into_iter().next().expect("a procedure")
}
