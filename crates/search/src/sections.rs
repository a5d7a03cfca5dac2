//! A page's body cut at its headings, so that a match can link to the
//! heading above it and a snippet can come from the right part of the page.

/// The body text before the first heading (index 0) and under each heading
/// (index `i` for heading `i - 1`); the heading texts themselves are left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Sections {
    pub texts: Vec<String>,
}

/// Cuts `body` at each heading's text, searched in order: the plain text of a
/// page contains its headings where they stand. A heading not found in the
/// body gets an empty section, and its text stays in the section before.
pub(crate) fn split_sections(body: &str, headings: &[(String, String)]) -> Sections {
    let mut texts = vec![String::new(); headings.len() + 1];
    let mut open = 0; // the section receiving text
    let mut start = 0; // where its text starts
    for (i, (_, heading)) in headings.iter().enumerate() {
        let heading = heading.trim();
        if heading.is_empty() {
            continue;
        }
        if let Some(at) = body[start..].find(heading).map(|p| start + p) {
            texts[open] = body[start..at].trim().to_string();
            start = at + heading.len();
            open = i + 1;
        }
    }
    texts[open] = body[start..].trim().to_string();
    Sections { texts }
}

/// At most `max_chars` of `text`, cut at a word boundary, with "…" when cut.
pub(crate) fn truncate(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut = text.char_indices().nth(max_chars).map_or(text.len(), |(i, _)| i);
    let head = &text[..cut];
    let head = match head.rfind(char::is_whitespace) {
        Some(space) if space > cut / 2 => &head[..space],
        _ => head,
    };
    format!("{}…", head.trim_end())
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
        let s = split_sections("All of it.", &[]);
        assert_eq!(s.texts, vec!["All of it."]);
    }

    #[test]
    fn truncation_cuts_at_a_space() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("una frase abbastanza lunga", 12), "una frase…");
        assert_eq!(truncate("مرحبا بكم في المكتب", 10), "مرحبا بكم…");
    }
}
