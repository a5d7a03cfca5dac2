//! `sportello serve`: builds into a private folder, serves it on the local
//! machine, rebuilds on every save and tells open pages to reload. A build
//! with errors keeps the last good site and shows the errors on every page.

use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::messages::Messages;
use crate::rebuild::{Rebuilt, Workspace};

/// What the server knows of the latest build.
#[derive(Default)]
struct State {
    /// Increases at every rebuild; pages reload when it changes.
    version: u64,
    /// The errors of the last build, as HTML-escaped lines; empty when it succeeded.
    errors: Vec<String>,
}

type Shared = Arc<(Mutex<State>, Condvar)>;

/// Builds, serves and watches until interrupted.
pub fn run(site: &Path, bind: &str, port: u16, messages: &'static Messages) -> anyhow::Result<()> {
    let site = &site.canonicalize().map_err(|e| {
        anyhow::anyhow!(messages.text(
            "serve-cannot-open",
            &[
                ("folder", site.display().to_string().into()),
                ("detail", e.to_string().into())
            ]
        ))
    })?;
    // A folder of its own, so that the output and the folders beside it
    // (the previous output, the one being written) stay together.
    remove_folders_of_stopped_servers(&std::env::temp_dir());
    let folder = std::env::temp_dir().join(format!("{FOLDER_PREFIX}{}", std::process::id()));
    let out = folder.join("public");
    // The served copy is removed on Ctrl+C or when the process is asked to
    // stop: a portal's copy left behind at every run would fill the disk.
    ctrlc::set_handler(move || {
        let _ = std::fs::remove_dir_all(&folder);
        std::process::exit(130);
    })?;
    let shared: Shared = Arc::new((Mutex::new(State::default()), Condvar::new()));
    let mut workspace = Workspace::new(site, &out);
    publish(workspace.full(), Instant::now(), &shared, messages);
    let server = tiny_http::Server::http((bind, port)).map_err(|e| {
        anyhow::anyhow!(messages.text(
            "serve-cannot-listen",
            &[
                ("address", format!("{bind}:{port}").into()),
                ("detail", e.to_string().into())
            ]
        ))
    })?;
    let url = format!("http://{bind}:{port}/");
    println!(
        "{}",
        messages.text(
            "serve-listening",
            &[("folder", site.display().to_string().into()), ("url", url.into())]
        )
    );

    let (tx, rx) = std::sync::mpsc::channel::<Vec<PathBuf>>();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event {
            if !matches!(event.kind, notify::EventKind::Access(_)) {
                let paths: Vec<PathBuf> = event.paths.into_iter().filter(|p| !is_editor_scratch(p)).collect();
                if !paths.is_empty() {
                    let _ = tx.send(paths);
                }
            }
        }
    })?;
    for watched in ["content", "i18n", "themes", "site.yaml"] {
        let path = site.join(watched);
        if path.exists() {
            watcher.watch(&path, RecursiveMode::Recursive)?;
        }
    }
    {
        let shared = shared.clone();
        std::thread::spawn(move || {
            while let Ok(mut changed) = rx.recv() {
                let saved = Instant::now();
                // Debounce: a burst of saves is one rebuild.
                while let Ok(more) = rx.recv_timeout(Duration::from_millis(15)) {
                    changed.extend(more);
                }
                changed.sort();
                changed.dedup();
                publish(workspace.apply(&changed), saved, &shared, messages);
                if let Err(problem) = workspace.update_search() {
                    eprintln!("{}", problem.render(messages));
                }
            }
        });
    }
    for request in server.incoming_requests() {
        let out = out.clone();
        let shared = shared.clone();
        std::thread::spawn(move || respond(request, &out, &shared, messages));
    }
    drop(watcher);
    Ok(())
}

/// The name of a server's folder in the temporary folder, before its
/// process id.
const FOLDER_PREFIX: &str = "sportello-serve-";

/// Removes the folders that servers no longer running left in `temp`: a
/// server killed outright, or on a machine that was switched off, could
/// not remove its own.
fn remove_folders_of_stopped_servers(temp: &Path) {
    let Ok(entries) = std::fs::read_dir(temp) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let pid = name
            .to_str()
            .and_then(|name| name.strip_prefix(FOLDER_PREFIX))
            .and_then(|pid| pid.parse::<u32>().ok());
        if pid.is_some_and(|pid| !crate::process::is_running(pid)) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Files editors write while saving (swap files, backups, vim's probe).
fn is_editor_scratch(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
        || (!name.is_empty() && name.chars().all(|c| c.is_ascii_digit()))
}

/// Tells the open pages about a rebuild: reload, or show its errors.
fn publish(rebuilt: Rebuilt, saved: Instant, shared: &Shared, messages: &Messages) {
    let report = rebuilt.report;
    for d in report.diagnostics.iter() {
        eprintln!("{}", d.render(messages));
    }
    let (lock, condvar) = &**shared;
    let mut state = lock.lock().unwrap_or_else(|e| e.into_inner());
    state.version += 1;
    if report.succeeded() {
        state.errors.clear();
        let line = messages.text(
            "serve-rebuilt",
            &[
                ("partial", if rebuilt.partial { "yes" } else { "no" }.into()),
                ("pages", report.pages.into()),
                ("ms", (saved.elapsed().as_millis() as usize).into()),
            ],
        );
        println!("{line}");
    } else {
        state.errors = report
            .diagnostics
            .errors()
            .map(|d| crate::html::escape_html(&d.render(messages)))
            .collect();
        println!(
            "{}",
            messages.text("serve-failed", &[("errors", state.errors.len().into())])
        );
    }
    condvar.notify_all();
}

const RELOAD_PATH: &str = "/__sportello/events";

fn respond(request: tiny_http::Request, out: &Path, shared: &Shared, messages: &Messages) {
    let url = request.url().split(['?', '#']).next().unwrap_or("/").to_owned();
    if url == RELOAD_PATH {
        let (lock, condvar) = &**shared;
        let seen = lock.lock().map(|s| s.version).unwrap_or(0);
        let guard = lock.lock().unwrap_or_else(|e| e.into_inner());
        let (state, _) = condvar
            .wait_timeout_while(guard, Duration::from_secs(25), |s| s.version == seen)
            .unwrap_or_else(|e| e.into_inner());
        let body = if state.version != seen {
            "data: reload\n\n"
        } else {
            ": keep-alive\n\n"
        };
        drop(state);
        let response = tiny_http::Response::from_string(body)
            .with_header(header("Content-Type", "text/event-stream"))
            .with_header(header("Cache-Control", "no-store"));
        let _ = request.respond(response);
        return;
    }
    let Some(path) = safe_path(out, &url) else {
        let _ = request.respond(tiny_http::Response::from_string("forbidden").with_status_code(403));
        return;
    };
    let path = if path.is_dir() { path.join("index.html") } else { path };
    let (bytes, status, path) = match std::fs::read(&path) {
        Ok(bytes) => (bytes, 200, path),
        Err(_) => {
            let lang = url.trim_start_matches('/').split('/').next().unwrap_or("");
            let not_found = out.join(lang).join("404.html");
            let fallback = if lang.len() == 2 && not_found.exists() {
                not_found
            } else {
                first_404(out)
            };
            (
                std::fs::read(&fallback).unwrap_or_else(|_| b"not found".to_vec()),
                404,
                fallback,
            )
        }
    };
    let content_type = content_type(&path);
    // The browser editor is left alone: reloading it would lose what a
    // volunteer is writing, and its page allows no inline script.
    let editor = path.starts_with(out.join(crate::editor::FOLDER));
    let bytes = if content_type.starts_with("text/html") && !editor {
        inject(bytes, shared, messages)
    } else {
        bytes
    };
    let response = tiny_http::Response::from_data(bytes)
        .with_status_code(status)
        .with_header(header("Content-Type", content_type))
        .with_header(header("Cache-Control", "no-store"));
    let _ = request.respond(response);
}

fn first_404(out: &Path) -> PathBuf {
    std::fs::read_dir(out)
        .ok()
        .and_then(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path().join("404.html"))
                .find(|p| p.exists())
        })
        .unwrap_or_else(|| out.join("404.html"))
}

/// The file below `out` that `url` names, or `None` when it would leave it.
fn safe_path(out: &Path, url: &str) -> Option<PathBuf> {
    let decoded = percent_encoding::percent_decode_str(url).decode_utf8_lossy();
    let mut path = out.to_path_buf();
    for component in Path::new(decoded.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => path.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(path)
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webmanifest" => "application/manifest+json",
        "yml" | "yaml" => "application/yaml; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// Adds the reload script, and the error overlay when the last build failed.
fn inject(bytes: Vec<u8>, shared: &Shared, messages: &Messages) -> Vec<u8> {
    let html = String::from_utf8_lossy(&bytes);
    let errors = shared.0.lock().map(|s| s.errors.clone()).unwrap_or_default();
    let mut extra = format!(
        "<script>(function(){{function w(){{fetch('{RELOAD_PATH}',{{cache:'no-store'}}).then(function(r){{return r.text()}}).then(function(t){{if(t.indexOf('reload')>=0)location.reload();else w()}}).catch(function(){{setTimeout(w,1000)}})}}if(document.readyState==='complete')w();else addEventListener('load',function(){{setTimeout(w,0)}})}})();</script>"
    );
    if !errors.is_empty() {
        extra.push_str("<div id=\"sportello-errors\" role=\"alert\" style=\"position:fixed;inset:0;overflow:auto;background:rgba(20,20,20,.94);color:#fff;padding:1.5rem;font:15px/1.5 monospace;z-index:99999;white-space:pre-wrap\"><h2 style=\"color:#ff8a8a\">");
        extra.push_str(&crate::html::escape_html(&messages.text("serve-overlay-title", &[])));
        extra.push_str("</h2>");
        for e in &errors {
            extra.push_str(&format!("<p>{e}</p>"));
        }
        extra.push_str("</div>");
    }
    match html.rfind("</body>") {
        Some(i) => format!("{}{extra}{}", &html[..i], &html[i..]).into_bytes(),
        None => format!("{html}{extra}").into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_outside_the_folder_are_refused() {
        let out = Path::new("/srv/out");
        assert!(safe_path(out, "/../etc/passwd").is_none());
        assert!(safe_path(out, "/it/%2e%2e/%2e%2e/etc").is_none());
        assert_eq!(safe_path(out, "/it/index.html").unwrap(), out.join("it/index.html"));
    }

    #[cfg(unix)]
    #[test]
    fn only_the_folders_of_stopped_servers_are_removed() {
        let temp = tempfile::tempdir().unwrap();
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let stopped = child.id();
        child.wait().unwrap();
        let folders = [
            format!("{FOLDER_PREFIX}{stopped}"),
            format!("{FOLDER_PREFIX}{}", std::process::id()),
            format!("{FOLDER_PREFIX}notes"),
            "other".to_owned(),
        ];
        for folder in &folders {
            std::fs::create_dir_all(temp.path().join(folder).join("public")).unwrap();
        }
        remove_folders_of_stopped_servers(temp.path());
        let left: Vec<bool> = folders.iter().map(|f| temp.path().join(f).exists()).collect();
        assert_eq!(left, [false, true, true, true]);
    }
}
