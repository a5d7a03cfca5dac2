//! Step 4 of the tokenizer: numbers written in digit groups ("0865 41 41",
//! "86.170"). A page indexes each group and the groups joined from each one
//! to the end ("08654141", "4141"); a query joins all its groups into one
//! term, so that a number matches with or without its spaces.

use super::{Mode, RawWord};

/// Most digit groups joined into one number term ("+39 0865 41 41 00" has 5).
pub(crate) const MAX_NUMBER_GROUPS: usize = 6;

/// Most digits in a joined number term.
pub(crate) const MAX_NUMBER_DIGITS: usize = 20;

/// Whether `gap`, the bytes between two words, are one of the characters
/// allowed, alone, between two digit groups of one number: a space (also
/// no-break and narrow no-break), a dot, a dash or a slash. Bytes rather than
/// a `str`: the corpus asks it between every two words, and slicing the text
/// as a `str` there cost 0.65% of a build's instructions (callgrind, 1,000
/// and 10,000 generated pages).
#[inline]
pub(crate) fn is_number_gap(gap: &[u8]) -> bool {
    // U+00A0 and U+202F in UTF-8.
    matches!(gap, b" " | b"\xc2\xa0" | b"\xe2\x80\xaf" | b"." | b"-" | b"/")
}

/// Whether a raw word is a group of digits that may join a number: one
/// term, ASCII digits once folded.
fn is_digit_group(word: &RawWord) -> bool {
    word.terms.len() == 1 && word.terms[0].bytes().all(|b| b.is_ascii_digit())
}

/// Where the number that starts at `words[i]` ends: the run of digit groups
/// separated by single number gaps, at most [`MAX_NUMBER_GROUPS`] groups and
/// [`MAX_NUMBER_DIGITS`] digits. A run of fewer than two groups is no number.
pub(super) fn number_end(words: &[RawWord], text: &str, i: usize) -> usize {
    let mut end = i;
    let mut digits = 0;
    while end < words.len()
        && is_digit_group(&words[end])
        && end - i < MAX_NUMBER_GROUPS
        && digits + words[end].terms[0].len() <= MAX_NUMBER_DIGITS
        && (end == i || is_number_gap(&text.as_bytes()[words[end - 1].end..words[end].start]))
    {
        digits += words[end].terms[0].len();
        end += 1;
    }
    end
}

/// The terms of a number written in `groups` (two or more): the groups
/// joined for a query; each group and the joined tails for a page.
pub(super) fn number_terms(groups: &[&str], mode: Mode) -> Vec<String> {
    match mode {
        Mode::Query => vec![groups.concat()],
        Mode::Index => {
            let tails = (0..groups.len() - 1).map(|from| groups[from..].concat());
            groups.iter().map(|g| g.to_string()).chain(tails).collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::{terms, tokens};

    #[test]
    fn numbers_match_with_or_without_spaces() {
        assert_eq!(
            terms("tel. 0865 41 41"),
            vec!["tel", "0865", "41", "41", "08654141", "4141"]
        );
        let query: Vec<String> = tokens("0865 41 41", Mode::Query).into_iter().map(|t| t.term).collect();
        assert_eq!(query, vec!["08654141"]);
        assert!(terms("08654141").contains(&"08654141".to_string()));
        assert!(terms("CAP 86.170").contains(&"86170".to_string()));
        assert!(terms("٠٨٦٥ ٤١ ٤١").contains(&"08654141".to_string()));
    }

    #[test]
    fn two_separators_end_a_number() {
        assert_eq!(terms("1, 2"), vec!["1", "2"]);
    }

    #[test]
    fn a_gap_is_one_space_dot_dash_or_slash() {
        for gap in [" ", ".", "-", "/", "\u{a0}", "\u{202f}"] {
            assert!(is_number_gap(gap.as_bytes()), "{gap:?}");
        }
        for gap in ["", "  ", ", ", ",", "–", "\u{2009}"] {
            assert!(!is_number_gap(gap.as_bytes()), "{gap:?}");
        }
    }
}
