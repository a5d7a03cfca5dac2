//! The files beside the pages, published: each photo a page shows in a few
//! widths, as WebP and as JPEG (PNG for a PNG), with no EXIF data left
//! (where it was taken, when, with what); each drawing cleaned of scripts
//! and outside references; each document as it is. Photos resized once are
//! kept in the site's cache folder (`.sportello-cache/`), named by their
//! content and the settings, so a rebuild that changed no photo resizes
//! nothing.

use std::path::Path;

use rayon::prelude::*;

use crate::content::attachments::{slash_path, Attachment, Kind};
use crate::diagnostics::{Code, Diagnostic};
use crate::output::{OutputFile, Sink, Written};
use crate::site::Site;

mod photos;

/// The folder of a site where resized photos are kept between builds.
pub fn cache_folder(site_folder: &Path) -> std::path::PathBuf {
    site_folder.join(".sportello-cache").join("photos")
}

/// Publishes every attachment a page links into `sink`.
pub fn publish(site: &Site, site_folder: &Path, sink: Sink) -> Result<Written, Diagnostic> {
    let used = crate::site::files::used(&site.pages);
    let mut attachments: Vec<&Attachment> = site
        .attachments
        .iter()
        .filter(|a| used.contains(&slash_path(&a.path)))
        .collect();
    attachments.sort_by(|a, b| a.path.cmp(&b.path));
    let cache = cache_folder(site_folder);
    let results: Vec<Result<Written, Diagnostic>> = attachments
        .par_iter()
        .map(|attachment| {
            let mut written = Written::default();
            let mut put = |file: OutputFile| -> Result<(), Diagnostic> {
                written.count(&file.path, file.bytes.len());
                sink(file)
            };
            let source = site_folder.join(&attachment.path);
            match attachment.kind {
                Kind::Raster { .. } => {
                    for file in photos::copies(attachment, &source, &cache)? {
                        put(file)?;
                    }
                }
                Kind::Svg => {
                    let text = read(attachment, &source)?;
                    let cleaned = crate::content::svg::clean(&String::from_utf8_lossy(&text));
                    put(OutputFile {
                        path: attachment.published_path(),
                        bytes: cleaned.text.into_bytes(),
                    })?;
                }
                Kind::Document(_) => put(OutputFile {
                    path: attachment.published_path(),
                    bytes: read(attachment, &source)?,
                })?,
            }
            Ok(written)
        })
        .collect();
    let mut written = Written::default();
    for result in results {
        let one = result?;
        written.files += one.files;
        written.bytes += one.bytes;
    }
    Ok(written)
}

fn read(attachment: &Attachment, source: &Path) -> Result<Vec<u8>, Diagnostic> {
    std::fs::read(source)
        .map_err(|err| Diagnostic::new(Code::CannotReadFile, &attachment.path, 0).arg("detail", err.to_string()))
}
