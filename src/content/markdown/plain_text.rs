//! The text of a body without markup, for search and summaries: its
//! words with one space between them.

/// `text` with every run of white space made one space, trimmed. Text is
/// copied in long stretches: a single space between words, by far the most
/// common white space, needs no copy of its own, and words are skipped
/// eight bytes at a time. Every page's text goes through here:
/// `split_whitespace` made it 3.6% of a 10,000-page build (perf); the
/// test compares the two on every character.
pub fn collapse_whitespace(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut stretch_start = skip_whitespace(text, 0);
    let mut i = stretch_start;
    // Below this, bytes are looked at one by one.
    let mut one_by_one_until = 0;
    while i < bytes.len() {
        if i >= one_by_one_until {
            match bytes.get(i..i + 9) {
                Some(window) if !may_hold_whitespace_to_collapse(window) => {
                    i += 8;
                    continue;
                }
                Some(_) => one_by_one_until = i + 8,
                None => one_by_one_until = bytes.len(),
            }
        }
        let byte = bytes[i];
        if !MAY_START_WHITESPACE[usize::from(byte)] {
            i += 1;
            continue;
        }
        if byte == b' '
            && bytes
                .get(i + 1)
                .is_some_and(|next| !MAY_START_WHITESPACE[usize::from(*next)])
        {
            i += 2;
            continue;
        }
        if whitespace_at(text, i).is_none() {
            i += 1;
            continue;
        }
        let run_end = skip_whitespace(text, i);
        if run_end == bytes.len() {
            break;
        }
        if byte == b' ' && run_end == i + 1 {
            i = run_end;
            continue;
        }
        out.push_str(&text[stretch_start..i]);
        out.push(' ');
        stretch_start = run_end;
        i = run_end;
    }
    out.push_str(&text[stretch_start..i.min(bytes.len())]);
    out
}

/// Whether the first eight bytes of `window` (nine bytes long) may hold
/// white space other than single spaces between words: a byte that may
/// start white space (a control character; 0xC2, the first byte of U+0085
/// and U+00A0; 0xE0–0xE3, that of U+1680 on) or a space followed by one.
/// Eight bytes are tested at once, as the bytes of a word.
fn may_hold_whitespace_to_collapse(window: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // 0x80 in each byte of `v` that is 0.
    let zero_bytes = |v: u64| !(((v & !HIGH) + !HIGH) | v | !HIGH);
    // 0x80 in each byte that is a space, and in each other byte that may
    // start white space.
    let classes = |v: u64| {
        let below_space = !(((v & !HIGH) + 0x60 * ONES) | v) & HIGH;
        let first_bytes = zero_bytes(v ^ (0xc2 * ONES)) | zero_bytes((v & (0xfc * ONES)) ^ (0xe0 * ONES));
        (zero_bytes(v ^ (0x20 * ONES)), below_space | first_bytes)
    };
    let word = |at: usize| u64::from_le_bytes(window[at..at + 8].try_into().unwrap_or_default());
    let (spaces, others) = classes(word(0));
    let (next_spaces, next_others) = classes(word(1));
    others | (spaces & (next_spaces | next_others)) != 0
}

/// The bytes a white-space character can start with.
const MAY_START_WHITESPACE: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = matches!(
            i as u8,
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0xc2 | 0xe1 | 0xe2 | 0xe3
        );
        i += 1;
    }
    table
};

/// The end of the white space starting at byte `i` of `text`.
fn skip_whitespace(text: &str, mut i: usize) -> usize {
    while i < text.len() {
        match whitespace_at(text, i) {
            Some(len) => i += len,
            None => break,
        }
    }
    i
}

/// The length of the white-space character at byte `i` of `text`, if
/// there is one there. Only the bytes that can start white space are
/// decoded: every other byte, inside a character or not, is not a space.
fn whitespace_at(text: &str, i: usize) -> Option<usize> {
    match text.as_bytes()[i] {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => Some(1),
        // The first bytes of U+0085, U+00A0, U+1680, U+2000–U+205F and U+3000.
        0xc2 | 0xe1 | 0xe2 | 0xe3 => text
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .filter(|c| c.is_whitespace())
            .map(char::len_utf8),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn white_space_of_every_kind_is_collapsed() {
        for text in [
            " Uno\u{a0}\u{a0}due\t\n tre\u{3000}أربعة  perché\u{2009}cinque ",
            "l’ufficio – aperto «sempre»\n\nsì",
            "a b  c \u{a0}d\u{85}e\u{2028}",
            "\t\tfine",
            "x ",
        ] {
            let expected: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(collapse_whitespace(text), expected.join(" "), "{text:?}");
        }
        assert_eq!(collapse_whitespace("   "), "");
        // Every character, between letters and beside spaces.
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            for text in [
                format!("a{c}b"),
                format!("word {c} word"),
                format!("{c}{c}longer words{c}"),
            ] {
                let expected: Vec<&str> = text.split_whitespace().collect();
                assert_eq!(collapse_whitespace(&text), expected.join(" "), "U+{:04X}", c as u32);
            }
        }
        assert_eq!(collapse_whitespace("è"), "è");
    }
}
