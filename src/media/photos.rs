//! A photo in the widths pages ask for, as WebP and as JPEG (PNG for a
//! PNG): decoded once, turned upright as its EXIF orientation says, resized
//! and encoded from its pixels alone, so that no metadata of the original
//! (location, camera, date) reaches the published copies. Copies already
//! made for the same content and settings are taken from the cache.

use std::path::{Path, PathBuf};

use image::{DynamicImage, ImageDecoder, ImageReader};

use crate::content::attachments::{Attachment, Kind, Raster};
use crate::diagnostics::{Code, Diagnostic};
use crate::output::OutputFile;

/// WebP quality: photos look right on a phone at a third of JPEG's weight.
const WEBP_QUALITY: f32 = 72.0;
/// JPEG quality of the fallback copy.
const JPEG_QUALITY: u8 = 78;
/// Part of every cached copy's name: a change of settings makes new copies.
const SETTINGS: &str = "q72-78-v2";

/// Every published copy of `attachment`, made or taken from `cache`.
pub fn copies(attachment: &Attachment, source: &Path, cache: &Path) -> Result<Vec<OutputFile>, Diagnostic> {
    let mut widths = attachment.widths();
    // Widest first: each copy is resized from the one before it.
    widths.reverse();
    let mut previous: Option<DynamicImage> = None;
    let mut files = Vec::new();
    for width in widths {
        let paths = [true, false].map(|webp| {
            let path = attachment.derivative_path(width, webp);
            let cached = cache.join(cache_name(attachment, &path));
            (webp, path, cached)
        });
        let cached: Vec<Option<Vec<u8>>> = paths.iter().map(|(_, _, c)| std::fs::read(c).ok()).collect();
        if cached.iter().all(Option::is_some) {
            for ((_, path, _), bytes) in paths.into_iter().zip(cached) {
                files.push(OutputFile {
                    path,
                    bytes: bytes.expect("all cached"),
                });
            }
            continue;
        }
        let larger = match previous.take() {
            Some(image) => image,
            None => decode(attachment, source)?,
        };
        let resized = shrink(&larger, width, attachment.height_at(width));
        for ((webp, path, cached), bytes) in paths.into_iter().zip(cached) {
            let bytes = match bytes {
                Some(bytes) => bytes,
                None => {
                    let bytes = encode(&resized, webp, attachment).map_err(|detail| unreadable(attachment, detail))?;
                    keep(&cached, &bytes);
                    bytes
                }
            };
            files.push(OutputFile { path, bytes });
        }
        previous = Some(resized);
    }
    Ok(files)
}

/// `image` at `width` × `height`: by averaging the pixels each new pixel
/// covers when it is at least twice as large (a phone's photo is ten times
/// a phone's screen, and this is three times faster than a filter over
/// the whole photo), with a Catmull-Rom filter, which keeps edges sharp,
/// when it is close to the size.
fn shrink(image: &DynamicImage, width: u32, height: u32) -> DynamicImage {
    if image.width() >= 2 * width {
        image.thumbnail_exact(width, height)
    } else {
        image.resize_exact(width, height, image::imageops::FilterType::CatmullRom)
    }
}

/// The cache's name for a published copy: its content hash is already in
/// the published name; the settings are added.
fn cache_name(attachment: &Attachment, published: &str) -> PathBuf {
    let name = published.rsplit('/').next().unwrap_or(published);
    PathBuf::from(format!("{}-{SETTINGS}-{name}", attachment.hash))
}

fn unreadable(attachment: &Attachment, detail: String) -> Diagnostic {
    Diagnostic::new(Code::ImageUnreadable, &attachment.path, 0)
        .arg("path", crate::content::attachments::slash_path(&attachment.path))
        .arg("detail", detail)
}

/// The photo's pixels, upright.
fn decode(attachment: &Attachment, source: &Path) -> Result<DynamicImage, Diagnostic> {
    let fail = |detail: String| unreadable(attachment, detail);
    let reader = ImageReader::open(source)
        .map_err(|e| fail(e.to_string()))?
        .with_guessed_format()
        .map_err(|e| fail(e.to_string()))?;
    let mut decoder = reader.into_decoder().map_err(|e| fail(e.to_string()))?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| fail(e.to_string()))?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// One copy's bytes: WebP, or the fallback format.
fn encode(image: &DynamicImage, webp: bool, attachment: &Attachment) -> Result<Vec<u8>, String> {
    let png = matches!(
        attachment.kind,
        Kind::Raster {
            format: Raster::Png,
            ..
        }
    );
    if webp {
        let (width, height) = (image.width(), image.height());
        let encoded = if image.color().has_alpha() {
            let rgba = image.to_rgba8();
            webp::Encoder::from_rgba(&rgba, width, height).encode(WEBP_QUALITY)
        } else {
            let rgb = image.to_rgb8();
            webp::Encoder::from_rgb(&rgb, width, height).encode(WEBP_QUALITY)
        };
        return Ok(encoded.to_vec());
    }
    let mut bytes = Vec::new();
    if png {
        image
            .write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png)
            .map_err(|e| e.to_string())?;
    } else {
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, JPEG_QUALITY);
        image.to_rgb8().write_with_encoder(encoder).map_err(|e| e.to_string())?;
    }
    Ok(bytes)
}

/// Keeps a copy in the cache; a cache that cannot be written only means
/// the next build resizes again.
fn keep(path: &Path, bytes: &[u8]) {
    let Some(folder) = path.parent() else { return };
    if std::fs::create_dir_all(folder).is_err() {
        return;
    }
    // Written beside, then renamed: a killed build leaves no half file.
    let partial = path.with_extension(format!("part-{}", std::process::id()));
    if std::fs::write(&partial, bytes).is_ok() && std::fs::rename(&partial, path).is_err() {
        let _ = std::fs::remove_file(&partial);
    }
}
