//! Bidirectional text: in right-to-left text, each run of Latin words
//! (an Italian office name, "Sportello Amico", a code) is wrapped in `<bdi>`
//! so that the brackets and punctuation around it stay where the reader
//! expects them.

use std::borrow::Cow;

/// True for letters of right-to-left scripts (Hebrew, Arabic, Syriac,
/// Thaana, N'Ko and their presentation forms).
fn is_rtl(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || ((c as u32) < 0x0250 && c.is_alphabetic())
}

/// What a character is to [`isolate_latin_runs`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    TagStart,
    TagEnd,
    LatinLetter,
    Digit,
    /// A right-to-left letter or a bracket or colon: a Latin run ends before it.
    RunBreaker,
    Other,
}

fn kind_of_ascii(byte: u8) -> Kind {
    match byte {
        b'<' => Kind::TagStart,
        b'>' => Kind::TagEnd,
        b'a'..=b'z' | b'A'..=b'Z' => Kind::LatinLetter,
        b'0'..=b'9' => Kind::Digit,
        b'(' | b')' | b'[' | b']' | b':' => Kind::RunBreaker,
        _ => Kind::Other,
    }
}

fn kind_of(c: char) -> Kind {
    if c.is_ascii() {
        kind_of_ascii(c as u8)
    } else if is_latin_letter(c) {
        Kind::LatinLetter
    } else if is_rtl(c) || matches!(c, '«' | '»' | '،' | '؛') {
        Kind::RunBreaker
    } else {
        Kind::Other
    }
}

/// Wraps each Latin run of a text that also has right-to-left letters; text
/// without them is returned as it is. The text may hold HTML: tags are left
/// alone and runs do not cross them.
pub fn isolate_latin_runs(html: &str) -> Cow<'_, str> {
    if !html.chars().any(is_rtl) {
        return Cow::Borrowed(html);
    }
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() + 64);
    let mut in_tag = false;
    let mut run: Option<usize> = None; // start of the current Latin run
    let mut run_end = 0; // end of its last letter or digit
    let mut copied = 0;
    let flush = |out: &mut String, copied: &mut usize, start: usize, end: usize| {
        out.push_str(&html[*copied..start]);
        out.push_str("<bdi>");
        out.push_str(&html[start..end]);
        out.push_str("</bdi>");
        *copied = end;
    };
    let mut i = 0;
    while i < bytes.len() {
        // Bytes 0xD7 to 0xDF start the letters from U+05C0 to U+07FF:
        // Hebrew, Arabic, Syriac, Thaana and N'Ko, all right to left. The
        // rest is decoded.
        let (kind, len) = match bytes[i] {
            byte @ 0..=0x7f => (kind_of_ascii(byte), 1),
            0xd7..=0xdf => (Kind::RunBreaker, 2),
            _ => {
                let c = html[i..].chars().next().unwrap_or_default();
                (kind_of(c), c.len_utf8())
            }
        };
        if in_tag {
            in_tag = kind != Kind::TagEnd;
            i += len;
            continue;
        }
        match kind {
            Kind::TagStart => {
                if let Some(start) = run.take() {
                    flush(&mut out, &mut copied, start, run_end);
                }
                in_tag = true;
            }
            Kind::LatinLetter => {
                run.get_or_insert(i);
                run_end = i + len;
            }
            Kind::Digit if run.is_some() => run_end = i + len,
            Kind::RunBreaker => {
                if let Some(start) = run.take() {
                    flush(&mut out, &mut copied, start, run_end);
                }
            }
            _ => {}
        }
        i += len;
    }
    if let Some(start) = run {
        flush(&mut out, &mut copied, start, run_end);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_latin_runs_inside_arabic() {
        assert_eq!(
            isolate_latin_runs("مكتب بريد إيسيرنيا (Poste Italiane – Sportello Amico)"),
            "مكتب بريد إيسيرنيا (<bdi>Poste Italiane – Sportello Amico</bdi>)"
        );
        assert_eq!(
            isolate_latin_runs("الرمز <b>codice fiscale</b> هنا"),
            "الرمز <b><bdi>codice fiscale</bdi></b> هنا"
        );
    }

    #[test]
    fn leaves_text_without_right_to_left_letters() {
        assert!(matches!(
            isolate_latin_runs("Questura (Ufficio Immigrazione)"),
            Cow::Borrowed(_)
        ));
        assert_eq!(isolate_latin_runs("<a href=\"x\">ok</a>"), "<a href=\"x\">ok</a>");
    }

    #[test]
    fn keeps_numbers_with_their_words() {
        assert_eq!(
            isolate_latin_runs("الطابع 16 euro فقط"),
            "الطابع 16 <bdi>euro</bdi> فقط"
        );
        assert_eq!(
            isolate_latin_runs("نموذج Modulo 1 هنا"),
            "نموذج <bdi>Modulo 1</bdi> هنا"
        );
    }

    #[test]
    fn the_runs_are_those_found_a_character_at_a_time() {
        let pieces = [
            "مكتب",
            "שלום",
            "ܐܒ",
            "ހ",
            "ߊ",
            "\u{8a0}",
            "\u{fb50}",
            "Poste",
            "é",
            "Ș",
            "ɐ",
            "16",
            " ",
            "(",
            ")",
            "«",
            "»",
            ":",
            "،",
            "؛",
            "<b>",
            "</b>",
            "<a href=\"x:y\">",
            ">",
            "–",
            "€",
            "\u{5b0}",
            "ք",
        ];
        let mut state = 11u32;
        for _ in 0..20_000 {
            let mut text = String::from("مكتب ");
            for _ in 0..(state % 9) {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                text.push_str(pieces[(state >> 16) as usize % pieces.len()]);
            }
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            assert_eq!(isolate_latin_runs(&text), char_by_char(&text), "{text:?}");
        }
    }

    /// The runs found a character at a time, as the definition reads.
    fn char_by_char(html: &str) -> Cow<'_, str> {
        if !html.chars().any(is_rtl) {
            return Cow::Borrowed(html);
        }
        let mut out = String::with_capacity(html.len() + 64);
        let mut in_tag = false;
        let mut run: Option<usize> = None; // start of the current Latin run
        let mut run_end = 0; // end of its last letter or digit
        let mut copied = 0;
        let flush = |out: &mut String, copied: &mut usize, start: usize, end: usize| {
            out.push_str(&html[*copied..start]);
            out.push_str("<bdi>");
            out.push_str(&html[start..end]);
            out.push_str("</bdi>");
            *copied = end;
        };
        for (i, c) in html.char_indices() {
            if in_tag {
                if c == '>' {
                    in_tag = false;
                }
                continue;
            }
            if c == '<' {
                if let Some(start) = run.take() {
                    flush(&mut out, &mut copied, start, run_end);
                }
                in_tag = true;
                continue;
            }
            match run {
                None if is_latin_letter(c) => {
                    run = Some(i);
                    run_end = i + c.len_utf8();
                }
                Some(_) if is_latin_letter(c) || c.is_ascii_digit() => run_end = i + c.len_utf8(),
                Some(start) if is_rtl(c) || matches!(c, '(' | ')' | '[' | ']' | '«' | '»' | ':' | '،' | '؛') => {
                    flush(&mut out, &mut copied, start, run_end);
                    run = None;
                }
                _ => {}
            }
        }
        if let Some(start) = run {
            flush(&mut out, &mut copied, start, run_end);
        }
        out.push_str(&html[copied..]);
        Cow::Owned(out)
    }
}
