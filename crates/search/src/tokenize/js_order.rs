//! The order of strings in JavaScript, in which the builder sorts every key
//! list so that the runtime can binary-search it.

use std::cmp::Ordering;

/// Orders strings as JavaScript does (by UTF-16 code units), so that the
/// runtime can binary-search what the builder sorted.
///
/// UTF-8 byte order is code point order, and UTF-16 order differs from it in
/// one case only: a character above U+FFFF (a surrogate pair) sorts before
/// U+E000–U+FFFF. So the bytes are compared, and the first differing
/// characters decide when they are that case.
pub fn cmp_js(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let common = a.len().min(b.len());
    let mut at = 0;
    while at + 8 <= common && a[at..at + 8] == b[at..at + 8] {
        at += 8;
    }
    while at < common && a[at] == b[at] {
        at += 1;
    }
    if at == common {
        return a.len().cmp(&b.len());
    }
    let (x, y) = (a[at], b[at]);
    // Differing lead bytes start the first differing characters (differing
    // continuation bytes belong to characters of one length, where byte
    // order is UTF-16 order). Lead bytes 0xF0–0xF4 start astral characters,
    // 0xEE–0xEF the characters U+E000–U+FFFF.
    let astral_vs_high = |p: u8, q: u8| p >= 0xf0 && (0xee..=0xef).contains(&q);
    if astral_vs_high(x, y) {
        Ordering::Less
    } else if astral_vs_high(y, x) {
        Ordering::Greater
    } else {
        x.cmp(&y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn js_order_is_utf16_order() {
        // U+FFFD sorts before an astral character in UTF-8 order but after it in UTF-16.
        assert_eq!(cmp_js("\u{fffd}", "\u{1f600}"), Ordering::Greater);
        assert_eq!(cmp_js("abc", "abd"), Ordering::Less);
        let words = [
            "",
            "a",
            "ab",
            "abc",
            "b",
            "é",
            "ée",
            "z\u{e000}",
            "z\u{1f600}",
            "z\u{ffff}",
            "zz",
            "صحه",
            "الصحه",
            "\u{10000}",
            "\u{fffd}x",
            "\u{e000}",
        ];
        for a in words {
            for b in words {
                assert_eq!(cmp_js(a, b), a.encode_utf16().cmp(b.encode_utf16()), "{a:?} {b:?}");
            }
        }
    }
}
