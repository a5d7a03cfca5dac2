//! `sw.js`: the offline cache. It is named by a hash of everything else the
//! build wrote, so that a new build replaces stale pages, and it stores
//! ahead of time only the core pages of each language.

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};
use tera::Context;

use crate::content::Section;
use crate::diagnostics::Diagnostic;
use crate::output::OutputFile;
use crate::site::{Page, Site};

use super::Renderer;

/// Up to this many offices and procedures, all of them are kept for offline
/// reading as soon as a reader opens the portal; beyond, only the home page
/// and the lists are, so that a reader on costly data never downloads a
/// whole large portal. Pages read are kept in any case.
const OFFLINE_GUIDES_AHEAD: usize = 60;

/// A file the build wrote: its path and a hash of its bytes.
pub type Record = (String, u64);

pub fn service_worker(site: &Site, renderer: &Renderer, records: &mut [Record]) -> Result<OutputFile, Diagnostic> {
    let mut hasher = Sha256::new();
    records.sort_unstable();
    for (path, hash) in records.iter() {
        hasher.update(path.as_bytes());
        hasher.update(hash.to_le_bytes());
    }
    let version: String = hasher.finalize().iter().take(6).map(|b| format!("{b:02x}")).collect();
    let guides: Vec<&Page> = site
        .pages
        .iter()
        .filter(|p| matches!(p.id.section, Section::Offices | Section::Procedures))
        .collect();
    let core: BTreeMap<&str, Vec<String>> = site
        .config
        .languages
        .iter()
        .map(|lang| {
            let mut urls = vec![format!("{lang}/index.html")];
            urls.extend(
                Section::FOLDERS
                    .iter()
                    .filter(|s| s.has_list())
                    .map(|s| format!("{lang}/{}/index.html", s.folder())),
            );
            if guides.len() <= OFFLINE_GUIDES_AHEAD {
                urls.extend(
                    guides
                        .iter()
                        .map(|p| format!("{lang}/{}index.html", p.id.folder_path())),
                );
            }
            (lang.as_str(), urls)
        })
        .collect();
    let assets: Vec<&str> = renderer.assets.values().map(|a| a.path.as_str()).collect();
    let mut context = Context::new();
    context.insert("version", &version);
    context.insert("core", &core);
    context.insert("assets", &assets);
    Ok(OutputFile {
        path: "sw.js".into(),
        bytes: renderer.engine.render("sw.js", &context)?,
    })
}

/// A hash of a file's bytes that is the same in every build.
pub fn content_hash(bytes: &[u8]) -> u64 {
    use std::hash::BuildHasher;
    foldhash::quality::FixedState::with_seed(0x5350_4f52_5445_4c4c).hash_one(bytes)
}
