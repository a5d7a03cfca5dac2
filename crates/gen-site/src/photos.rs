//! Photos for the image benchmark: a JPEG of a few megabytes beside some
//! pages, as a phone would take it, different for every page so that no
//! two share a cached copy.

use std::io;
use std::path::Path;

use image::codecs::jpeg::JpegEncoder;
use image::{Rgb, RgbImage};

use crate::rng::Rng;

/// A phone photo's size: 12 megapixels, about 2 MB at this quality with
/// the texture below.
const WIDTH: u32 = 4000;
const HEIGHT: u32 = 3000;
const QUALITY: u8 = 80;

/// The description of the photo in each language of [`crate::LANGS`].
pub(crate) const ALT: [&str; 4] = [
    "Foto dell'ingresso dell'ufficio",
    "Photo of the office entrance",
    "Photo de l'entrée du bureau",
    "صورة مدخل المكتب",
];

/// Writes the photo numbered `number` to `path`: smooth light across the
/// frame, a few shapes, and fine grain as a phone's sensor gives.
pub(crate) fn write_photo(path: &Path, number: u64) -> io::Result<u64> {
    let mut rng = Rng::new(number.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5EED);
    let base = [rng.below(160) as f32, rng.below(160) as f32, rng.below(160) as f32];
    let shapes: Vec<(f32, f32, f32, [f32; 3])> = (0..6)
        .map(|_| {
            let centre = (rng.below(WIDTH as usize) as f32, rng.below(HEIGHT as usize) as f32);
            let radius = 200.0 + rng.below(900) as f32;
            let tint = [rng.below(90) as f32, rng.below(90) as f32, rng.below(90) as f32];
            (centre.0, centre.1, radius, tint)
        })
        .collect();
    let mut image = RgbImage::new(WIDTH, HEIGHT);
    let mut grain = rng.next_u64() | 1;
    for (x, y, pixel) in image.enumerate_pixels_mut() {
        let (fx, fy) = (x as f32, y as f32);
        let light = 60.0 * fx / WIDTH as f32 + 30.0 * fy / HEIGHT as f32;
        let mut colour = base.map(|c| c + light);
        for &(cx, cy, r, tint) in &shapes {
            let (dx, dy) = (fx - cx, fy - cy);
            if dx * dx + dy * dy < r * r {
                colour = [colour[0] + tint[0], colour[1] + tint[1], colour[2] + tint[2]];
            }
        }
        // xorshift grain, ±12 levels.
        grain ^= grain << 13;
        grain ^= grain >> 7;
        grain ^= grain << 17;
        let noise = (grain % 25) as f32 - 12.0;
        *pixel = Rgb(colour.map(|c| (c + noise).clamp(0.0, 255.0) as u8));
    }
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(&mut bytes, QUALITY)
        .encode_image(&image)
        .map_err(io::Error::other)?;
    std::fs::write(path, &bytes)?;
    Ok(bytes.len() as u64)
}
