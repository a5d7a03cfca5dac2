//! Step 2 of the tokenizer: folding, so that the same word typed with or
//! without accents, tashkeel, capitals, with Urdu, Persian, Pashto or Arabic
//! letters, with Arabic-Indic or ASCII digits gives the same term.

use unicode_normalization::UnicodeNormalization;

use super::segment::in_ranges;

/// Inclusive ranges of characters folded away: Arabic tashkeel, Quranic
/// marks, tatweel, soft hyphen, zero-width (non-)joiners, word joiner,
/// variation selectors, byte order mark. Latin accents (U+0300–U+036F) are
/// handled apart, because Cyrillic keeps two of them. Mirrored as `DEL`.
pub(crate) const REMOVED: [(u32, u32); 14] = [
    (0xad, 0xad),
    (0x610, 0x61a),
    (0x640, 0x640),
    (0x64b, 0x65f),
    (0x670, 0x670),
    (0x674, 0x674),
    (0x6d6, 0x6dc),
    (0x6df, 0x6e4),
    (0x6e7, 0x6e8),
    (0x6ea, 0x6ed),
    (0x200c, 0x200d),
    (0x2060, 0x2060),
    (0xfe00, 0xfe0f),
    (0xfeff, 0xfeff),
];

/// Letters replaced after lower-casing. Mirrored as `MAP` in `search.js`.
///
/// The Arabic-script letters follow one rule, so that a page in Urdu,
/// Persian or Pashto is found by a reader typing on an Arabic or a Persian
/// (Dari) keyboard, as many readers of those languages do:
///
/// - Shapes of one letter that the languages write differently fold to the
///   Arabic letter: Persian ی, Urdu ے (ۓ is ے with a hamza, which is folded
///   away), Pashto ې and ۍ → ي; ک → ك; Urdu ہ, ھ, ۃ → ه.
/// - A letter that neither keyboard has folds to the letter typed in its
///   place: the Persian letter of the same sound where there is one (ګ → گ,
///   ږ → ژ), else the letter it is drawn from without its ring or dots
///   (ټ ډ ړ ڼ → ت د ر ن), or the nearest sound (ښ → ش, as in "پشتو"; ځ → ز;
///   څ → س).
/// - A letter the Persian keyboard has is kept, even where another letter
///   is read alike elsewhere: گ چ پ ژ stay apart from ك ج ب ز.
///
/// Urdu's ٹ ڈ ڑ ں are kept: Urdu keyboards have them and they are distinct
/// sounds. (A Pashto word typed with them, as a reader on an Urdu keyboard
/// might, does not meet the same word typed with ټ ډ ړ ڼ.)
pub(crate) const LETTER_MAP: [(char, &str); 38] = [
    ('ß', "ss"),
    ('æ', "ae"),
    ('œ', "oe"),
    ('ø', "o"),
    ('đ', "d"),
    ('ð', "d"),
    ('ł', "l"),
    ('ı', "i"),
    ('þ', "th"),
    ('ħ', "h"),
    ('ŧ', "t"),
    ('ς', "σ"),
    ('\u{649}', "\u{64a}"), // alef maksura ى → yeh ي
    ('\u{629}', "\u{647}"), // teh marbuta ة → heh ه
    ('\u{6cc}', "\u{64a}"), // Farsi yeh ی → ي
    ('\u{6d2}', "\u{64a}"), // Urdu yeh barree ے → ي (ۓ: ے + hamza)
    ('\u{6d0}', "\u{64a}"), // Pashto e ې → ي
    ('\u{6cd}', "\u{64a}"), // Pashto yeh with tail ۍ → ي
    ('\u{6a9}', "\u{643}"), // keheh ک → kaf ك
    ('\u{6aa}', "\u{643}"), // swash kaf ڪ → ك
    ('\u{6ab}', "\u{6af}"), // Pashto kaf with ring ګ → gaf گ
    ('\u{6b0}', "\u{6af}"), // gaf with ring ڰ (written for ګ) → گ
    ('\u{67c}', "\u{62a}"), // Pashto teh with ring ټ → teh ت
    ('\u{689}', "\u{62f}"), // Pashto dal with ring ډ → dal د
    ('\u{693}', "\u{631}"), // Pashto reh with ring ړ → reh ر
    ('\u{6bc}', "\u{646}"), // Pashto noon with ring ڼ → noon ن
    ('\u{696}', "\u{698}"), // Pashto reh with dots ږ → jeh ژ
    ('\u{69a}', "\u{634}"), // Pashto seen with dots ښ → sheen ش
    ('\u{681}', "\u{632}"), // Pashto hah with hamza ځ → zain ز
    ('\u{685}', "\u{633}"), // Pashto hah with three dots څ → seen س
    ('\u{6c1}', "\u{647}"), // heh goal ہ → ه
    ('\u{6be}', "\u{647}"), // heh doachashmee ھ → ه
    ('\u{6c3}', "\u{647}"), // teh marbuta goal ۃ → ه
    ('\u{6d5}', "\u{647}"), // ae ە → ه
    ('\u{671}', "\u{627}"), // alef wasla ٱ → ا
    ('\u{672}', "\u{627}"), // alef with wavy hamza ٲ → ا
    ('\u{673}', "\u{627}"), // alef with wavy hamza below ٳ → ا
    ('\u{6c0}', "\u{647}"), // heh with yeh above ۀ → ه (after NFKD it is ە + hamza)
];

/// The code points of the digit zero of scripts whose digits fold to ASCII:
/// Arabic-Indic, Extended Arabic-Indic (Persian, Urdu), Devanagari, Bengali.
pub(crate) const DIGIT_ZEROS: [u32; 4] = [0x660, 0x6f0, 0x966, 0x9e6];

/// Folds a text: the same word typed with or without accents, tashkeel,
/// capitals, Urdu, Persian, Pashto or Arabic letter shapes (see the rule of
/// `LETTER_MAP`), Arabic-Indic or ASCII digits gives the same string.
/// Separators are kept, so `fold` of a text can be segmented.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    let mut after_cyrillic = false;
    for decomposed in text.nfkd() {
        for c in decomposed.to_lowercase() {
            let cp = c as u32;
            if cp < 0x80 {
                out.push(c);
                after_cyrillic = false;
                continue;
            }
            if (0x300..=0x36f).contains(&cp) {
                // Accents go, except the breve and diaeresis of Cyrillic й ї ё ў.
                if after_cyrillic && (cp == 0x306 || cp == 0x308) {
                    out.push(c);
                }
                continue;
            }
            after_cyrillic = is_cyrillic(c);
            if in_ranges(&REMOVED, cp) {
                continue;
            }
            if let Some(digit) = ascii_digit(cp) {
                out.push(digit);
            } else if let Some(&(_, to)) = LETTER_MAP.iter().find(|(from, _)| *from == c) {
                out.push_str(to);
            } else {
                out.push(c);
            }
        }
    }
    if out.is_ascii() {
        out
    } else {
        out.nfc().collect()
    }
}

fn ascii_digit(cp: u32) -> Option<char> {
    DIGIT_ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&cp))
        .and_then(|&zero| char::from_digit(cp - zero, 10))
}

fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{52f}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::terms;

    fn fold_word(s: &str) -> String {
        let t = terms(s);
        assert_eq!(t.len(), 1, "{s:?} gave {t:?}");
        t[0].clone()
    }

    #[test]
    fn case_folds() {
        assert_eq!(fold_word("QUESTURA"), "questura");
        assert_eq!(fold_word("Ελλάδα"), "ελλαδα");
        assert_eq!(fold_word("ΟΔΟΣ"), "οδοσ", "final sigma folds to σ");
        assert_eq!(fold_word("ПАСПОРТ"), "паспорт");
    }

    #[test]
    fn latin_accents_fold() {
        assert_eq!(fold_word("perché"), fold_word("perche"));
        assert_eq!(fold_word("città"), "citta");
        assert_eq!(fold_word("Sécurité"), "securite");
        assert_eq!(fold_word("naïve"), "naive");
        assert_eq!(fold_word("São"), "sao");
        assert_eq!(fold_word("İstanbul"), "istanbul");
        assert_eq!(fold_word("ŞİŞLİ"), "sisli");
    }

    #[test]
    fn latin_letters_without_decomposition_fold() {
        assert_eq!(fold_word("sœur"), "soeur");
        assert_eq!(fold_word("Straße"), "strasse");
        assert_eq!(fold_word("Łódź"), "lodz");
        assert_eq!(fold_word("ﬁche"), "fiche", "ligature");
        assert_eq!(fold_word("ＡＢＣ"), "abc", "full width");
    }

    #[test]
    fn cyrillic_keeps_its_letters_but_loses_stress_marks() {
        assert_eq!(fold_word("Мій"), "мій");
        assert_ne!(fold_word("мій"), fold_word("мии"));
        assert_eq!(fold_word("їжа"), "їжа");
        assert_eq!(fold_word("зако́н"), "закон");
        assert_eq!(fold_word("Україна"), "україна");
    }

    #[test]
    fn arabic_tashkeel_and_tatweel_fold() {
        assert_eq!(fold_word("صِحَّة"), fold_word("صحة"));
        assert_eq!(fold_word("مُسْتَشْفَى"), fold_word("مستشفى"));
        assert_eq!(fold_word("جـــواز"), "جواز");
    }

    #[test]
    fn arabic_alef_forms_fold() {
        let plain = fold_word("اقامة");
        assert_eq!(fold_word("إقامة"), plain);
        assert_eq!(fold_word("أقامة"), plain);
        assert_eq!(fold_word("آقامة"), plain);
        assert_eq!(fold_word("ٱقامة"), plain);
    }

    #[test]
    fn arabic_yeh_and_teh_marbuta_fold() {
        assert_eq!(fold_word("مستشفى"), fold_word("مستشفي"));
        assert_eq!(fold_word("صحة"), fold_word("صحه"));
        assert_eq!(fold_word("مسؤول"), fold_word("مسوول"));
    }

    #[test]
    fn urdu_and_persian_letters_fold_to_arabic() {
        // Urdu "doctor" with Farsi yeh and keheh, Arabic spelling with ي and ك.
        assert_eq!(fold_word("ڈاکٹری"), fold_word("ڈاكٹري"));
        assert_eq!(fold_word("پاکستان"), fold_word("پاكستان"));
        assert_eq!(fold_word("شہر"), fold_word("شهر"));
        assert_eq!(fold_word("ہسپتال"), "هسپتال");
        // Yeh barree, alone and with hamza; heh doachashmee; teh marbuta goal.
        assert_eq!(fold_word("بچے"), fold_word("بچي"));
        assert_eq!(fold_word("لیۓ"), fold_word("ليي"));
        assert_eq!(fold_word("بھائی"), fold_word("بهائي"));
        assert_eq!(fold_word("زکوٰۃ"), fold_word("زكوة"));
    }

    #[test]
    fn pashto_letters_fold_to_what_a_persian_keyboard_types() {
        for (pashto, typed) in [
            ("ې", "ی"),
            ("ۍ", "ی"),
            ("ګ", "گ"),
            ("ټ", "ت"),
            ("ډ", "د"),
            ("ړ", "ر"),
            ("ڼ", "ن"),
            ("ږ", "ژ"),
            ("ښ", "ش"),
            ("ځ", "ز"),
            ("څ", "س"),
        ] {
            assert_eq!(fold(pashto), fold(typed), "{pashto}");
        }
        assert_eq!(fold_word("ډاکټر"), fold_word("داکتر"));
    }

    #[test]
    fn letters_of_the_persian_and_urdu_keyboards_stay_apart() {
        for (kept, other) in [("پ", "ب"), ("چ", "ج"), ("ژ", "ز"), ("گ", "ك")] {
            assert_eq!(fold(kept), kept);
            assert_ne!(fold(kept), fold(other));
        }
        for (kept, other) in [("ٹ", "ت"), ("ڈ", "د"), ("ڑ", "ر"), ("ں", "ن")] {
            assert_eq!(fold(kept), kept);
            assert_ne!(fold(kept), fold(other));
        }
    }

    #[test]
    fn mapped_letters_fold_to_letters_that_stay() {
        for (from, to) in LETTER_MAP {
            assert_eq!(fold(&from.to_string()), to, "{from}");
            assert_eq!(fold(to), to, "{from} → {to} is folded again");
        }
    }

    #[test]
    fn non_latin_digits_fold_to_ascii() {
        assert_eq!(terms("٨٦١٧٠"), vec!["86170"]);
        assert_eq!(terms("۸۶۱۷۰"), vec!["86170"]);
        assert_eq!(terms("৮৬১৭০"), vec!["86170"]);
        assert_eq!(terms("८६१७०"), vec!["86170"]);
        assert_eq!(terms("٠١٢٣٤٥٦٧٨٩"), vec!["0123456789"]);
        assert_eq!(terms("۰۱۲۳۴۵۶۷۸۹"), vec!["0123456789"]);
    }

    #[test]
    fn indic_vowel_signs_stay() {
        let words = terms("কাল কিল কল");
        assert_eq!(words, vec!["কাল", "কিল", "কল"]);
        assert_eq!(terms("हिंदी"), vec!["हिंदी"]);
    }

    #[test]
    fn zero_width_joiners_do_not_split_words() {
        assert_eq!(terms("می‌خواهم"), vec!["ميخواهم"]);
    }

    #[test]
    fn removed_table_is_sorted_and_disjoint() {
        for pair in REMOVED.windows(2) {
            assert!(pair[0].0 <= pair[0].1 && pair[0].1 < pair[1].0, "{pair:?}");
        }
    }
}
