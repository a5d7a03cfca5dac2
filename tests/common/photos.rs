//! Photos for the tests, made on the spot: a JPEG with the EXIF data a
//! phone writes (where it was taken, how it was held), a PNG.
#![allow(dead_code)]

use image::{ImageBuffer, Rgb, Rgba};

/// A `width` × `height` JPEG whose EXIF says it was taken at a GPS
/// position and with the phone on its side (orientation 6: turn 90°).
pub fn jpeg_with_gps(width: u32, height: u32) -> Vec<u8> {
    let image = ImageBuffer::from_fn(width, height, |x, y| Rgb([(x % 256) as u8, (y % 256) as u8, 128]));
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 85)
        .encode_image(&image)
        .unwrap();
    // The EXIF segment goes right after the start of image (FF D8).
    let mut with_exif = jpeg[..2].to_vec();
    with_exif.extend(exif_segment());
    with_exif.extend(&jpeg[2..]);
    with_exif
}

/// A PNG with transparency.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let image = ImageBuffer::from_fn(width, height, |x, _| Rgba([200, (x % 256) as u8, 50, 180]));
    let mut png = Vec::new();
    image
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    png
}

/// An APP1 segment with EXIF data, little-endian: IFD0 with the
/// orientation (6) and a pointer to a GPS IFD with a latitude.
fn exif_segment() -> Vec<u8> {
    let mut tiff: Vec<u8> = Vec::new();
    tiff.extend(b"II*\0");
    tiff.extend(8u32.to_le_bytes()); // IFD0 at offset 8
                                     // IFD0: 2 entries.
    tiff.extend(2u16.to_le_bytes());
    // Orientation (0x0112), SHORT, 1, value 6.
    tiff.extend(0x0112u16.to_le_bytes());
    tiff.extend(3u16.to_le_bytes());
    tiff.extend(1u32.to_le_bytes());
    tiff.extend(6u16.to_le_bytes());
    tiff.extend(0u16.to_le_bytes());
    // GPSInfo (0x8825), LONG, 1, offset of the GPS IFD.
    let gps_offset: u32 = 8 + 2 + 2 * 12 + 4;
    tiff.extend(0x8825u16.to_le_bytes());
    tiff.extend(4u16.to_le_bytes());
    tiff.extend(1u32.to_le_bytes());
    tiff.extend(gps_offset.to_le_bytes());
    tiff.extend(0u32.to_le_bytes()); // no next IFD
                                     // GPS IFD: 2 entries.
    tiff.extend(2u16.to_le_bytes());
    // GPSLatitudeRef (1), ASCII, 2, "N\0".
    tiff.extend(1u16.to_le_bytes());
    tiff.extend(2u16.to_le_bytes());
    tiff.extend(2u32.to_le_bytes());
    tiff.extend(b"N\0\0\0");
    // GPSLatitude (2), RATIONAL, 3, at the offset after this IFD.
    let rationals: u32 = gps_offset + 2 + 2 * 12 + 4;
    tiff.extend(2u16.to_le_bytes());
    tiff.extend(5u16.to_le_bytes());
    tiff.extend(3u32.to_le_bytes());
    tiff.extend(rationals.to_le_bytes());
    tiff.extend(0u32.to_le_bytes());
    for (n, d) in [(41u32, 1u32), (35, 1), (30, 1)] {
        tiff.extend(n.to_le_bytes());
        tiff.extend(d.to_le_bytes());
    }
    let mut segment = vec![0xFF, 0xE1];
    let length = (2 + 6 + tiff.len()) as u16;
    segment.extend(length.to_be_bytes());
    segment.extend(b"Exif\0\0");
    segment.extend(tiff);
    segment
}

/// Whether `bytes` hold EXIF data with a GPS position.
pub fn has_gps(bytes: &[u8]) -> bool {
    exif::Reader::new()
        .read_from_container(&mut std::io::Cursor::new(bytes))
        .is_ok_and(|exif| exif.fields().any(|f| f.tag.context() == exif::Context::Gps))
}
