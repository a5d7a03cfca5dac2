//! Files beside the pages: the photos and forms a guide shows (JPEG, PNG,
//! WebP, SVG; PDF, DOCX, ODT), placed in a section's folder or in a folder
//! of the page, and published with the pages that link them under a name
//! that changes with their content.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::diagnostics::{Code, Diagnostic};

/// What an attachment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A photo or picture, resized for phones when published.
    Raster { width: u32, height: u32, format: Raster },
    /// A drawing, published cleaned of scripts and outside references.
    Svg,
    /// A form or document, published as it is.
    Document(Document),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Raster {
    Jpeg,
    Png,
    WebP,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    Pdf,
    Docx,
    Odt,
}

impl Document {
    /// The name readers know the format by.
    pub fn label(self) -> &'static str {
        match self {
            Document::Pdf => "PDF",
            Document::Docx => "DOCX",
            Document::Odt => "ODT",
        }
    }
}

/// One file beside the pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// Relative to the site folder: `content/procedures/kit.jpg`.
    pub path: PathBuf,
    pub kind: Kind,
    /// Bytes on disk.
    pub size: u64,
    /// The first 10 hex digits of the SHA-256 of the bytes.
    pub hash: String,
}

impl Attachment {
    /// The published name's stem: `kit-3fa2b91c0d`.
    pub fn published_stem(&self) -> String {
        let stem = self.path.file_stem().and_then(|s| s.to_str()).unwrap_or("file");
        format!("{}-{}", crate::content::ids::suggest_slug(stem), self.hash)
    }

    /// The widths a photo is published in: phone, large phone and screen
    /// sizes up to its own width.
    pub fn widths(&self) -> Vec<u32> {
        let Kind::Raster { width, .. } = self.kind else {
            return Vec::new();
        };
        let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|w| *w < width).collect();
        widths.push(width.min(*WIDTHS.last().unwrap_or(&width)));
        widths.dedup();
        widths
    }

    /// The height of a photo published `width` pixels wide.
    pub fn height_at(&self, width: u32) -> u32 {
        match self.kind {
            Kind::Raster {
                width: w, height: h, ..
            } if w > 0 => ((u64::from(h) * u64::from(width) + u64::from(w) / 2) / u64::from(w)).max(1) as u32,
            _ => 0,
        }
    }

    /// Where a photo's copy `width` pixels wide is published, in WebP or
    /// in its fallback format (PNG for a PNG, JPEG otherwise).
    pub fn derivative_path(&self, width: u32, webp: bool) -> String {
        let ext = match (webp, self.kind) {
            (true, _) => "webp",
            (
                false,
                Kind::Raster {
                    format: Raster::Png, ..
                },
            ) => "png",
            _ => "jpg",
        };
        format!("files/{}-{width}.{ext}", self.published_stem())
    }

    /// What a link (not an image) to the file opens: a document or drawing
    /// itself, a photo's largest copy.
    pub fn linked_path(&self) -> String {
        match self.kind {
            Kind::Raster { .. } => {
                let largest = self.widths().last().copied().unwrap_or(0);
                self.derivative_path(largest, false)
            }
            _ => self.published_path(),
        }
    }

    /// Where a document or a drawing is published, from the output root.
    pub fn published_path(&self) -> String {
        let ext = self
            .path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("bin")
            .to_ascii_lowercase();
        format!("files/{}.{ext}", self.published_stem())
    }
}

/// The widths photos are published in, at most: a phone, a large phone, a
/// screen.
pub const WIDTHS: [u32; 3] = [360, 720, 1280];

/// The attachments of a site, by their path with `/` between folders.
#[derive(Debug, Clone, Default)]
pub struct Attachments {
    by_path: HashMap<String, Attachment>,
}

impl Attachments {
    pub fn get(&self, path: &str) -> Option<&Attachment> {
        self.by_path.get(path)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Attachment> {
        self.by_path.values()
    }

    pub fn len(&self) -> usize {
        self.by_path.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_path.is_empty()
    }

    pub fn insert(&mut self, attachment: Attachment) {
        self.by_path.insert(slash_path(&attachment.path), attachment);
    }
}

/// The slash path (from the site folder) of `file` written beside the page
/// file `page` (`content/procedures/rinnovo.md`), if it stays in the site.
pub fn beside(page: &Path, file: &str) -> Option<String> {
    let mut parts: Vec<String> = page
        .parent()
        .map(|p| p.iter().map(|part| part.to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    for part in file.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part.to_owned()),
        }
    }
    Some(parts.join("/"))
}

/// A path with `/` between its folders.
pub fn slash_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// The kind a file name promises, if it is a kind that is published.
pub fn kind_of_name(name: &str) -> Option<Kind> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    let raster = |format| Kind::Raster {
        width: 0,
        height: 0,
        format,
    };
    Some(match ext.as_str() {
        "jpg" | "jpeg" => raster(Raster::Jpeg),
        "png" => raster(Raster::Png),
        "webp" => raster(Raster::WebP),
        "svg" => Kind::Svg,
        "pdf" => Kind::Document(Document::Pdf),
        "docx" => Kind::Document(Document::Docx),
        "odt" => Kind::Document(Document::Odt),
        _ => return None,
    })
}

/// Reads an attachment: its hash, its size, and for a photo its size in
/// pixels as it is shown (turned as its EXIF orientation says).
pub fn read(abs: &Path, path: PathBuf) -> Result<Option<Attachment>, Diagnostic> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let Some(mut kind) = kind_of_name(name) else {
        return Ok(None);
    };
    let cannot_read = |detail: String| Diagnostic::new(Code::CannotReadFile, &path, 0).arg("detail", detail);
    let mut file = std::fs::File::open(abs).map_err(|e| cannot_read(e.to_string()))?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0; 64 * 1024];
    let mut size = 0u64;
    loop {
        let read = file.read(&mut buffer).map_err(|e| cannot_read(e.to_string()))?;
        if read == 0 {
            break;
        }
        size += read as u64;
        hasher.update(&buffer[..read]);
    }
    if let Kind::Raster { format, .. } = kind {
        let (width, height) = shown_dimensions(abs).ok_or_else(|| Diagnostic::new(Code::ImageUnreadable, &path, 0))?;
        kind = Kind::Raster { width, height, format };
    }
    let hash = hasher.finalize().iter().take(5).map(|b| format!("{b:02x}")).collect();
    Ok(Some(Attachment { path, kind, size, hash }))
}

/// The width and height of a photo as shown: a photo taken with the phone
/// on its side has them swapped by its EXIF orientation.
fn shown_dimensions(abs: &Path) -> Option<(u32, u32)> {
    use image::ImageDecoder;
    let reader = image::ImageReader::open(abs).ok()?.with_guessed_format().ok()?;
    let mut decoder = reader.into_decoder().ok()?;
    let (width, height) = decoder.dimensions();
    let turned = decoder.orientation().is_ok_and(|o| {
        matches!(
            o,
            image::metadata::Orientation::Rotate90
                | image::metadata::Orientation::Rotate270
                | image::metadata::Orientation::Rotate90FlipH
                | image::metadata::Orientation::Rotate270FlipH
        )
    });
    Some(if turned { (height, width) } else { (width, height) })
}
