//! The QR code on every page: the page's address as an inline SVG, so that
//! a printed guide leads back to the page. The `qrcode` crate encodes the
//! address, computes its error correction and draws the modules; the dark
//! modules of each row are written as runs of one stroked path, which keeps
//! the code small.

use std::fmt::Write;

use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::{Color, EcLevel};

/// Modules of white around the code, as the standard asks.
const QUIET_ZONE: usize = 4;

/// The error correction level: the lowest, for the smallest code.
const LEVEL: EcLevel = EcLevel::L;
/// One fixed mask rather than the best of eight: searching for the best
/// was a fifth of a build's time, and any mask gives a valid code.
const MASK: MaskPattern = MaskPattern::Checkerboard;

/// An inline SVG QR code of `url`, or nothing when it cannot be encoded.
pub(super) fn qr_svg(url: &str) -> Option<String> {
    let (width, dark) = modules(url)?;
    let size = width + 2 * QUIET_ZONE;
    let mut svg = String::with_capacity(320 + width * width);
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" width=\"{px}\" height=\"{px}\" \
         role=\"img\" aria-hidden=\"true\" focusable=\"false\" shape-rendering=\"crispEdges\">\
         <rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path d=\"",
        px = size * 3
    );
    push_runs(&mut svg, width, &dark);
    svg.push_str("\" fill=\"none\" stroke=\"#000\"/></svg>");
    Some(svg)
}

/// The code's side and its modules, row by row, dark = true.
fn modules(url: &str) -> Option<(usize, Vec<bool>)> {
    let bits = qrcode::bits::encode_auto(url.as_bytes(), LEVEL).ok()?;
    let version = bits.version();
    let (data, ec) = qrcode::ec::construct_codewords(&bits.into_bytes(), version, LEVEL).ok()?;
    let mut canvas = Canvas::new(version, LEVEL);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ec);
    canvas.apply_mask(MASK);
    let width = usize::try_from(version.width()).ok()?;
    Some((
        width,
        canvas.into_colors().into_iter().map(|c| c == Color::Dark).collect(),
    ))
}

/// The path of the dark runs, row by row: the first an absolute move (to
/// the middle of its row, for the stroke), each next one a move relative to
/// where the last ended, and each run a horizontal line. A page's code has
/// hundreds of runs: `itoa` writes their numbers (with `write!` they were
/// 5% of a build).
fn push_runs(path: &mut String, width: usize, dark: &[bool]) {
    let mut numbers = itoa::Buffer::new();
    // Where the pen stands after the last run: (x, row).
    let mut pen: Option<(usize, usize)> = None;
    for (y, row) in dark.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if !row[x] {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && row[x] {
                x += 1;
            }
            match pen {
                None => {
                    path.push('M');
                    path.push_str(numbers.format(start + QUIET_ZONE));
                    path.push(' ');
                    path.push_str(numbers.format(y + QUIET_ZONE));
                    path.push_str(".5");
                }
                Some((px, py)) => {
                    path.push('m');
                    path.push_str(numbers.format(start as isize - px as isize));
                    path.push(' ');
                    path.push_str(numbers.format(y - py));
                }
            }
            path.push('h');
            path.push_str(numbers.format(x - start));
            pen = Some((x, y));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_qr_code_decodes_to_the_page_address() {
        let url = "https://sportello-isernia.netlify.app/ar/procedures/rinnovo-permesso-soggiorno/";
        let svg = qr_svg(url).unwrap();
        assert_eq!(decode(&svg), url);
        assert!(
            svg.len() < 3500,
            "relative runs keep the code small: {} bytes",
            svg.len()
        );
    }

    #[test]
    fn a_code_wider_than_a_word_of_bits_decodes_too() {
        let url = format!(
            "https://sportello.example.org/uk/procedures/{}/",
            "dichiarazione-di-ospitalita-e-cessione-di-fabbricato-".repeat(7)
        );
        let svg = qr_svg(&url).unwrap();
        let (side, _) = rasterize_qr_svg(&svg);
        assert!(side - 2 * QUIET_ZONE > 64, "rows of more than 64 modules: {side}");
        assert_eq!(decode(&svg), url);
    }

    /// The text the QR code of `svg` reads as, painted 4 pixels a module.
    fn decode(svg: &str) -> String {
        let (side, dark) = rasterize_qr_svg(svg);
        let scale = 4;
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(side * scale, side * scale, |x, y| {
            if dark[(y / scale) * side + x / scale] {
                0
            } else {
                255
            }
        });
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1);
        grids[0].decode().unwrap().1
    }

    /// The modules the SVG of `qr_svg` paints: its side, and dark = true row by row.
    fn rasterize_qr_svg(svg: &str) -> (usize, Vec<bool>) {
        let side: usize = svg
            .split("viewBox=\"0 0 ")
            .nth(1)
            .and_then(|rest| rest.split(' ').next())
            .and_then(|n| n.parse().ok())
            .expect("a square viewBox");
        let path = svg
            .split(" d=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap();
        let mut dark = vec![false; side * side];
        let (mut x, mut y) = (0.0f64, 0.0f64);
        let mut chars = path.chars().peekable();
        let number = |chars: &mut std::iter::Peekable<std::str::Chars>| -> f64 {
            while chars.peek() == Some(&' ') {
                chars.next();
            }
            let mut text = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_ascii_digit() || c == '.' || (c == '-' && text.is_empty()) {
                    text.push(c);
                    chars.next();
                } else {
                    break;
                }
            }
            text.parse().unwrap()
        };
        while let Some(command) = chars.next() {
            match command {
                'M' => (x, y) = (number(&mut chars), number(&mut chars)),
                'm' => {
                    x += number(&mut chars);
                    y += number(&mut chars);
                }
                'h' => {
                    let length = number(&mut chars);
                    let row = y.floor() as usize;
                    for column in x as usize..(x + length) as usize {
                        dark[row * side + column] = true;
                    }
                    x += length;
                }
                other => panic!("unexpected path command {other:?}"),
            }
        }
        (side, dark)
    }
}
