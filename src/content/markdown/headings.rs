//! Heading ids: made from the heading's text, or written `{#id}`.

/// The id a heading gets from its text: lowercased, spaces to `-`,
/// punctuation dropped, letters and marks of every script kept.
pub fn heading_id(text: &str) -> String {
    let mut id = String::new();
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c) || c == '-' || c == '_' {
            id.push(c);
        } else if c.is_whitespace() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_matches('-').to_owned();
    if id.is_empty() {
        "section".into()
    } else {
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_ids_keep_every_script() {
        assert_eq!(heading_id("Documenti da portare!"), "documenti-da-portare");
        assert_eq!(heading_id("الوثائق المطلوبة"), "الوثائق-المطلوبة");
        assert_eq!(heading_id("Perché?"), "perché");
    }
}
