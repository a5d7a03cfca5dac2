//! A page's body cut at its headings, so that a match can link to the
//! heading above it and a snippet can come from the right part of the page.

/// The body text before the first heading (index 0) and under each heading
/// (index `i` for heading `i - 1`); the heading texts themselves are left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Sections<'a> {
    pub texts: Vec<&'a str>,
}

/// Cuts `body` at each heading's text, searched in order: the plain text of a
/// page contains its headings where they stand. A heading not found in the
/// body gets an empty section, and its text stays in the section before.
pub(crate) fn split_sections<'a, T: AsRef<str>>(body: &'a str, headings: &[(T, T)]) -> Sections<'a> {
    let mut texts = vec![""; headings.len() + 1];
    let mut open = 0; // the section receiving text
    let mut start = 0; // where its text starts
    for (i, (_, heading)) in headings.iter().enumerate() {
        let heading = heading.as_ref().trim();
        if heading.is_empty() {
            continue;
        }
        if let Some(at) = find_from(body, start, heading) {
            texts[open] = body[start..at].trim();
            start = at + heading.len();
            open = i + 1;
        }
    }
    texts[open] = body[start..].trim();
    Sections { texts }
}

/// Where `needle` (not empty) first occurs in `hay` at or after byte
/// `start`, as `hay[start..].find(needle)` tells: the candidates, where one
/// byte of the needle matches, are found eight bytes at a time.
fn find_from(hay: &str, start: usize, needle: &str) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let hay = hay.as_bytes();
    let needle = needle.as_bytes();
    if hay.len() < start + needle.len() {
        return None;
    }
    // The byte looked for: the first, or for a needle starting with a
    // multi-byte character the second, which varies more.
    let k = usize::from(needle[0] >= 0x80 && needle.len() > 1);
    let probe = needle[k];
    let last = hay.len() - needle.len(); // the last possible start
    let is_match = |p: usize| hay[p..p + needle.len()] == *needle;
    let mut p = start;
    while p + 8 <= last + 1 {
        let mut word = [0u8; 8];
        word.copy_from_slice(&hay[p + k..p + k + 8]);
        let x = u64::from_le_bytes(word) ^ (ONES * u64::from(probe));
        let mut zeros = x.wrapping_sub(ONES) & !x & HIGH;
        while zeros != 0 {
            let at = p + (zeros.trailing_zeros() / 8) as usize;
            // Bits above a true zero byte may be false: check each.
            if hay[at + k] == probe && is_match(at) {
                return Some(at);
            }
            zeros &= zeros - 1;
        }
        p += 8;
    }
    (p..=last).find(|&at| is_match(at))
}

/// At most `max_chars` of `text`, cut at a word boundary, with "…" when cut.
#[cfg(test)]
pub(crate) fn truncate(text: &str, max_chars: usize) -> String {
    match truncated(text, max_chars) {
        (head, false) => head.to_string(),
        (head, true) => format!("{head}…"),
    }
}

/// What [`truncate`] keeps of `text`, before the "…", and whether it cut.
pub(crate) fn truncated(text: &str, max_chars: usize) -> (&str, bool) {
    let Some(cut) = char_start(text, max_chars) else {
        return (text, false);
    };
    let head = &text[..cut];
    let head = match head.rfind(char::is_whitespace) {
        Some(space) if space > cut / 2 => &head[..space],
        _ => head,
    };
    (head.trim_end(), true)
}

/// Where character `n` of `text` starts, if `text` has more than `n`
/// characters. Counts the bytes that start characters, eight at a time.
fn char_start(text: &str, n: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes.len() <= n {
        return None;
    }
    let mut i = 0;
    let mut seen = 0;
    while i + 8 <= bytes.len() {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[i..i + 8]);
        let x = u64::from_le_bytes(word);
        // Continuation bytes are 0b10xxxxxx.
        let continuation = (x & !(x << 1) & 0x8080_8080_8080_8080).count_ones() as usize;
        let starts = 8 - continuation;
        if seen + starts > n {
            break;
        }
        seen += starts;
        i += 8;
    }
    while i < bytes.len() {
        if bytes[i] & 0xc0 != 0x80 {
            if seen == n {
                return Some(i);
            }
            seen += 1;
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(list: &[&str]) -> Vec<(String, String)> {
        list.iter().map(|t| (t.to_lowercase(), t.to_string())).collect()
    }

    #[test]
    fn body_is_cut_at_headings() {
        let s = split_sections(
            "Intro text.\nWhat to bring\nPassport.\nWhere to go\nQuestura.",
            &h(&["What to bring", "Where to go"]),
        );
        assert_eq!(s.texts, vec!["Intro text.", "Passport.", "Questura."]);
    }

    #[test]
    fn a_missing_heading_gets_an_empty_section() {
        let s = split_sections("Intro.\nA\ntext a\nC\ntext c", &h(&["A", "Bee", "C"]));
        assert_eq!(s.texts, vec!["Intro.", "text a", "", "text c"]);
    }

    #[test]
    fn no_headings_one_section() {
        let s = split_sections::<&str>("All of it.", &[]);
        assert_eq!(s.texts, vec!["All of it."]);
    }

    #[test]
    fn find_from_finds_what_find_finds() {
        let hay =
            "Intro. Cosa portare\nPassaporto. Dove andare\nQuestura, via Roma 12. مرحبا بكم في المكتب. Cosa portare";
        for needle in [
            "Cosa portare",
            "Dove andare",
            "Q",
            "12",
            "مرحبا",
            "في المكتب",
            "المكتب. Cosa",
            "assente",
            "e",
        ] {
            for start in 0..hay.len() {
                if hay.is_char_boundary(start) {
                    assert_eq!(
                        find_from(hay, start, needle),
                        hay[start..].find(needle).map(|p| start + p),
                        "{needle} {start}"
                    );
                }
            }
        }
    }

    #[test]
    fn char_start_is_the_nth_char() {
        for text in [
            "",
            "abc",
            "città è più",
            "مرحبا بكم في المكتب",
            "a𝄞b€c",
            &"perché ".repeat(40),
        ] {
            for n in 0..text.chars().count() + 3 {
                assert_eq!(
                    char_start(text, n),
                    text.char_indices().nth(n).map(|(i, _)| i),
                    "{text:?} {n}"
                );
            }
        }
    }

    #[test]
    fn truncation_cuts_at_a_space() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("una frase abbastanza lunga", 12), "una frase…");
        assert_eq!(truncate("مرحبا بكم في المكتب", 10), "مرحبا بكم…");
    }
}
