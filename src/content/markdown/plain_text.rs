//! The text of a body without markup, for search and summaries: its
//! words with one space between them.

/// `text` with every run of white space made one space, trimmed.
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
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
        assert_eq!(collapse_whitespace("è"), "è");
    }
}
