//! Bidirectional text: in right-to-left text, each run of Latin words
//! (an Italian office name, "Sportello Amico", a code) is wrapped in `<bdi>`
//! so that the brackets and punctuation around it stay where the reader
//! expects them.

use std::borrow::Cow;

use unicode_bidi::{bidi_class, BidiClass};

/// True for letters of right-to-left scripts: the Unicode bidirectional
/// classes R (Hebrew, N'Ko…) and AL (Arabic, Syriac, Thaana, and the
/// letters Urdu, Persian and Pashto add to Arabic). No ASCII character is
/// one, and most of a page is ASCII: those skip the table search.
fn is_rtl(c: char) -> bool {
    !c.is_ascii() && matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || ((c as u32) < 0x0250 && c.is_alphabetic())
}

/// Characters that end a Latin run besides right-to-left letters: brackets,
/// colons and the Arabic comma and semicolon stay outside the `<bdi>`.
fn breaks_run(c: char) -> bool {
    is_rtl(c) || matches!(c, '(' | ')' | '[' | ']' | '«' | '»' | ':' | '،' | '؛')
}

/// Wraps each Latin run of a text that also has right-to-left letters; text
/// without them is returned as it is. The text may hold HTML: tags are left
/// alone and runs do not cross them. A run starts at a Latin letter, takes
/// in the letters and digits that follow, and ends before a tag or a
/// character that [`breaks_run`].
pub fn isolate_latin_runs(html: &str) -> Cow<'_, str> {
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
            in_tag = c != '>';
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
            Some(start) if breaks_run(c) => {
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
    fn every_right_to_left_script_and_the_arabic_letters_of_urdu_persian_and_pashto_break_runs() {
        for rtl in ["مكتب", "שלום", "ܐܒ", "ހ", "ߊ", "ے", "ی", "ک", "ښ", "ړ", "ﭐ"] {
            assert_eq!(
                isolate_latin_runs(&format!("{rtl} Poste{rtl}")),
                format!("{rtl} <bdi>Poste</bdi>{rtl}"),
                "{rtl}"
            );
        }
    }
}
