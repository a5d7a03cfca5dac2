//! The QR code on every page: the page's address as an inline SVG, so that
//! a printed guide leads back to the page.

/// Modules of white around the code, as the standard asks.
const QUIET_ZONE: usize = 4;

/// An inline SVG QR code of `url`, or nothing when it cannot be encoded.
/// The dark modules of each row are drawn as runs: one stroked path of
/// relative moves, which keeps the code small.
pub(super) fn qr_svg(url: &str) -> Option<String> {
    let (width, dark) = modules(url)?;
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
    push_runs(&mut svg, width, &dark);
    svg.push_str("\" fill=\"none\" stroke=\"#000\"/></svg>");
    Some(svg)
}

/// The path of the dark runs, row by row: the first an absolute move (to
/// the middle of its row, for the stroke), each next one a move relative to
/// where the last ended, and each run a horizontal line.
fn push_runs(path: &mut String, width: usize, dark: &[bool]) {
    // Where the pen stands after the last run: (x, row).
    let mut pen: Option<(usize, usize)> = None;
    let mut bits = vec![0u64; width.div_ceil(64)];
    for (y, row) in dark.chunks_exact(width).enumerate() {
        // The row as bits, so that runs are found a word at a time rather
        // than one module at a time.
        for (word, modules) in bits.iter_mut().zip(row.chunks(64)) {
            *word = modules.iter().rev().fold(0, |word, &dark| word << 1 | u64::from(dark));
        }
        let mut x = 0;
        loop {
            let start = next_bit(&bits, x, true, width);
            if start == width {
                break;
            }
            x = next_bit(&bits, start, false, width);
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

/// The QR code of `url`: its width and its modules row by row, dark = true.
fn modules(url: &str) -> Option<(usize, Vec<bool>)> {
    // The encoding as QrCode::new does it, with one fixed mask instead of
    // trying all eight: the mask search was a fifth of a build's time, and
    // any mask gives a valid code.
    let level = qrcode::EcLevel::L;
    let bits = qrcode::bits::encode_auto(url.as_bytes(), level).ok()?;
    let version = bits.version();
    let data = bits.into_bytes();
    let (encoded, ec) = qrcode::ec::construct_codewords(&data, version, level).ok()?;
    let mut canvas = qrcode::canvas::Canvas::new(version, level);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&encoded, &ec);
    canvas.apply_mask(qrcode::canvas::MaskPattern::Checkerboard);
    let width = version.width().max(0) as usize;
    let colors = canvas
        .into_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    Some((width, colors))
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
    fn numbers_are_written_in_decimal() {
        for n in [0, 7, 10, 99, 100, 185, 999, 1000, 123456] {
            let mut out = String::new();
            push_number(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }
}
