//! The QR code on every page: the page's address as an inline SVG, so that
//! a printed guide leads back to the page.
//!
//! The `qrcode` crate encodes the address and computes its error
//! correction. Drawing each code module by module with the crate's canvas
//! was 7–9% of a 10,000-page build's CPU time (perf; 40,000 codes took
//! 760 ms on one core): where each codeword bit lands depends only on the
//! version, so each version's layout is learnt once from the crate's own
//! drawing, and a code is that layout's template with its dark bits
//! flipped (300 ms for the same codes). A test checks every version
//! against the crate, bit for bit.

use std::sync::OnceLock;

use qrcode::bits::Bits;
use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::{EcLevel, Version};

/// Modules of white around the code, as the standard asks.
const QUIET_ZONE: usize = 4;

/// An inline SVG QR code of `url`, or nothing when it cannot be encoded.
/// The dark modules of each row are drawn as runs: one stroked path of
/// relative moves, which keeps the code small.
pub(super) fn qr_svg(url: &str) -> Option<String> {
    let code = modules(url)?;
    let width = code.width;
    let size = width + 2 * QUIET_ZONE;
    let mut svg = String::with_capacity(320 + width * width);
    svg.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ");
    push_number(&mut svg, size);
    svg.push(' ');
    push_number(&mut svg, size);
    svg.push_str("\" width=\"");
    push_number(&mut svg, size * 3);
    svg.push_str("\" height=\"");
    push_number(&mut svg, size * 3);
    svg.push_str(
        "\" role=\"img\" aria-hidden=\"true\" focusable=\"false\" shape-rendering=\"crispEdges\"><rect width=\"",
    );
    push_number(&mut svg, size);
    svg.push_str("\" height=\"");
    push_number(&mut svg, size);
    svg.push_str("\" fill=\"#fff\"/><path d=\"");
    push_runs(&mut svg, &code);
    svg.push_str("\" fill=\"none\" stroke=\"#000\"/></svg>");
    Some(svg)
}

/// The path of the dark runs, row by row: the first an absolute move (to
/// the middle of its row, for the stroke), each next one a move relative to
/// where the last ended, and each run a horizontal line. Runs are found a
/// word of bits at a time rather than one module at a time.
fn push_runs(path: &mut String, code: &Modules) {
    let width = code.width;
    // Where the pen stands after the last run: (x, row).
    let mut pen: Option<(usize, usize)> = None;
    for y in 0..width {
        let bits = code.row(y);
        let mut x = 0;
        loop {
            let start = next_bit(bits, x, true, width);
            if start == width {
                break;
            }
            x = next_bit(bits, start, false, width);
            match pen {
                None => {
                    path.push('M');
                    push_number(path, start + QUIET_ZONE);
                    path.push(' ');
                    push_number(path, y + QUIET_ZONE);
                    path.push_str(".5");
                }
                Some((px, py)) => {
                    path.push('m');
                    if start < px {
                        path.push('-');
                        push_number(path, px - start);
                    } else {
                        push_number(path, start - px);
                    }
                    path.push(' ');
                    push_number(path, y - py);
                }
            }
            path.push('h');
            push_number(path, x - start);
            pen = Some((x, y));
        }
    }
}

/// The first position at or after `from` whose bit is `set`, or `width`.
fn next_bit(bits: &[u64], from: usize, set: bool, width: usize) -> usize {
    let mut i = from;
    while i < width {
        let word = if set { bits[i / 64] } else { !bits[i / 64] };
        let rest = word >> (i % 64);
        if rest != 0 {
            return (i + rest.trailing_zeros() as usize).min(width);
        }
        i = (i / 64 + 1) * 64;
    }
    width
}

/// Writes `n` in decimal. The numbers of a QR code are small (a code is at
/// most 177 modules wide), and writing them is much of the code's cost.
fn push_number(out: &mut String, n: usize) {
    if n >= 1000 {
        out.push_str(itoa::Buffer::new().format(n));
        return;
    }
    let digit = |d: usize| char::from(b'0' + d as u8);
    if n >= 100 {
        out.push(digit(n / 100));
    }
    if n >= 10 {
        out.push(digit(n / 10 % 10));
    }
    out.push(digit(n % 10));
}

/// The error correction level: the lowest, for the smallest code.
const LEVEL: EcLevel = EcLevel::L;
/// One fixed mask rather than the best of eight: searching for the best
/// was a fifth of a build's time, and any mask gives a valid code.
const MASK: MaskPattern = MaskPattern::Checkerboard;

/// A QR code's modules, dark = 1: `width` rows of bits, each row in whole
/// 64-bit words (column `x` is bit `x % 64` of the row's word `x / 64`).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Modules {
    width: usize,
    words_per_row: usize,
    bits: Vec<u64>,
}

impl Modules {
    /// The modules of a code drawn by the `qrcode` crate.
    fn of_canvas(canvas: &Canvas, width: usize) -> Self {
        let words_per_row = width.div_ceil(64);
        let mut modules = Modules {
            width,
            words_per_row,
            bits: vec![0; width * words_per_row],
        };
        for (y, x) in (0..width).flat_map(|y| (0..width).map(move |x| (y, x))) {
            if canvas.get(x as i16, y as i16).is_dark() {
                modules.flip(modules.place(x, y));
            }
        }
        modules
    }

    /// The place of module (x, y) in `bits`: word * 64 + bit.
    fn place(&self, x: usize, y: usize) -> u32 {
        (y * self.words_per_row * 64 + x) as u32
    }

    fn is_set(&self, place: u32) -> bool {
        self.bits[place as usize / 64] >> (place % 64) & 1 == 1
    }

    fn flip(&mut self, place: u32) {
        self.bits[place as usize / 64] ^= 1 << (place % 64);
    }

    fn row(&self, y: usize) -> &[u64] {
        &self.bits[y * self.words_per_row..(y + 1) * self.words_per_row]
    }
}

/// The QR code of `url`.
///
/// The `qrcode` crate encodes the address and computes its error
/// correction. Where each bit then goes depends only on the code's
/// version, so the crate's drawing of it is learnt once per version (see
/// [`Layout`]) and each code is that layout's template with its dark bits
/// flipped: drawing module by module was half the cost of a code.
fn modules(url: &str) -> Option<Modules> {
    let bits = qrcode::bits::encode_auto(url.as_bytes(), LEVEL).ok()?;
    let version = bits.version();
    let (data, ec) = qrcode::ec::construct_codewords(&bits.into_bytes(), version, LEVEL).ok()?;
    Some(draw(version, &data, &ec))
}

/// The code of these codewords: its layout's template with the codewords'
/// dark bits flipped.
fn draw(version: Version, data: &[u8], ec: &[u8]) -> Modules {
    let Some(layout) = layout(version) else {
        return drawn_by_the_crate(version, data, ec);
    };
    let mut code = layout.template.clone();
    // Every bit is XORed in, dark or light: a branch per bit would be
    // mispredicted half the time.
    for (byte, places) in data.iter().chain(ec).zip(layout.places.chunks_exact(8)) {
        for (bit, &place) in places.iter().enumerate() {
            let dark = u64::from(byte >> (7 - bit) & 1);
            code.bits[place as usize / 64] ^= dark << (place % 64);
        }
    }
    code
}

/// A code drawn by the crate, module by module, with [`MASK`].
fn drawn_by_the_crate(version: Version, data: &[u8], ec: &[u8]) -> Modules {
    let mut canvas = Canvas::new(version, LEVEL);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(data, ec);
    canvas.apply_mask(MASK);
    Modules::of_canvas(&canvas, version.width().max(0) as usize)
}

/// How the crate draws the codes of one version.
struct Layout {
    /// The code whose codewords are all 0: its patterns, its format
    /// information and the mask over its data.
    template: Modules,
    /// Per bit of the codewords, in the order the crate places them (each
    /// byte's most significant bit first), the module it lands on.
    places: Vec<u32>,
}

/// The layout of `version`, learnt on first use; none for a version the
/// crate's drawing does not fit (the code is then drawn module by module).
fn layout(version: Version) -> Option<&'static Layout> {
    static LAYOUTS: [OnceLock<Option<Layout>>; 40] = [const { OnceLock::new() }; 40];
    let Version::Normal(number) = version else {
        return None;
    };
    let slot = LAYOUTS.get(usize::try_from(number).ok()?.checked_sub(1)?)?;
    slot.get_or_init(|| learn_layout(version)).as_ref()
}

/// Learns where the crate puts each codeword bit of `version` by drawing
/// probes: all bits 0, all bits 1, then for each bit `b` of a bit's index
/// the codewords whose bits are that bit of their own index. A data
/// module's index is read off the probes it is dark in.
fn learn_layout(version: Version) -> Option<Layout> {
    let data_len = Bits::new(version).max_len(LEVEL).ok()? / 8;
    let (data, ec) = qrcode::ec::construct_codewords(&vec![0; data_len], version, LEVEL).ok()?;
    let total_bits = 8 * (data.len() + ec.len());
    let width = version.width().max(0) as usize;
    let draw_unmasked = |codewords: &[u8]| {
        let mut canvas = Canvas::new(version, LEVEL);
        canvas.draw_all_functional_patterns();
        canvas.draw_data(&codewords[..data.len()], &codewords[data.len()..]);
        Modules::of_canvas(&canvas, width)
    };
    let zeros = draw_unmasked(&vec![0; total_bits / 8]);
    let ones = draw_unmasked(&vec![0xff; total_bits / 8]);
    let data_places: Vec<u32> = (0..width)
        .flat_map(|y| (0..width).map(move |x| (x, y)))
        .map(|(x, y)| zeros.place(x, y))
        .filter(|&place| zeros.is_set(place) != ones.is_set(place))
        .collect();
    if data_places.len() != total_bits {
        return None;
    }
    let mut index_of = vec![0usize; data_places.len()];
    let index_bits = usize::BITS - (total_bits - 1).leading_zeros();
    for b in 0..index_bits {
        let mut probe = vec![0u8; total_bits / 8];
        for k in (0..total_bits).filter(|k| k >> b & 1 == 1) {
            probe[k / 8] |= 0x80 >> (k % 8);
        }
        let drawn = draw_unmasked(&probe);
        for (index, &place) in index_of.iter_mut().zip(&data_places) {
            if drawn.is_set(place) != zeros.is_set(place) {
                *index |= 1 << b;
            }
        }
    }
    let mut places = vec![u32::MAX; total_bits];
    for (&index, &place) in index_of.iter().zip(&data_places) {
        *places.get_mut(index)? = place;
    }
    if places.contains(&u32::MAX) {
        return None;
    }
    Some(Layout {
        template: drawn_by_the_crate(version, &data, &ec),
        places,
    })
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

    #[test]
    fn every_version_is_drawn_as_the_crate_draws_it() {
        for number in 1..=40 {
            let version = Version::Normal(number);
            assert!(layout(version).is_some(), "version {number} has a layout");
            let data_len = Bits::new(version).max_len(LEVEL).unwrap() / 8;
            let data: Vec<u8> = (0..data_len)
                .map(|i| (i * 37 + usize::from(number as u8)) as u8)
                .collect();
            let (data, ec) = qrcode::ec::construct_codewords(&data, version, LEVEL).unwrap();
            assert_eq!(
                draw(version, &data, &ec),
                drawn_by_the_crate(version, &data, &ec),
                "version {number}"
            );
        }
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        for n in [0, 7, 10, 99, 100, 185, 999, 1000, 123456] {
            let mut out = String::new();
            push_number(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }
}
