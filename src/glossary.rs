//! Glossary terms explained in place: the first time a page's text uses an
//! Italian term of the glossary, the term is marked and linked to its
//! explanation in the page's "words explained" box. Readers keep the Italian
//! word, which is the one they will hear at the counter.

use rayon::prelude::*;

use crate::content::{Document, Section, Slug};

/// A glossary entry and the lowercase forms its term is found by.
#[derive(Debug, Clone)]
pub struct GlossaryTerm {
    pub slug: Slug,
    forms: Vec<String>,
}

/// The ways a term is written: "Ricevuta (cedolino)" is found as
/// "ricevuta" and as "cedolino"; "ASL / ASREM" as "asl" and "asrem".
fn forms(term: &str) -> Vec<String> {
    term.split(['(', ')', '/'])
        .map(|part| part.trim().to_lowercase())
        .filter(|part| part.chars().count() >= 3)
        .collect()
}

/// The glossary of the site, from its source documents.
pub fn glossary_terms(documents: &[Document]) -> Vec<GlossaryTerm> {
    let mut terms: Vec<GlossaryTerm> = documents
        .iter()
        .filter(|d| d.is_source() && d.id.section == Section::Glossary)
        .filter_map(|d| {
            let term = d.facts.as_ref()?.term.as_deref()?;
            Some(GlossaryTerm {
                slug: d.id.slug.clone(),
                forms: forms(term),
            })
        })
        .collect();
    terms.sort_by(|a, b| a.slug.cmp(&b.slug));
    terms
}

/// Marks the glossary terms in every document's body, in parallel.
pub fn annotate_documents(documents: &mut [Document]) {
    let terms = glossary_terms(documents);
    if terms.is_empty() {
        return;
    }
    documents.par_iter_mut().for_each(|doc| annotate_document(doc, &terms));
}

/// Marks the glossary terms in one document's body.
pub fn annotate_document(doc: &mut Document, terms: &[GlossaryTerm]) {
    let own = (doc.id.section == Section::Glossary).then(|| doc.id.slug.clone());
    let (html, found) = annotate(&doc.body.html, terms, own.as_ref());
    if !found.is_empty() {
        doc.body.html = html;
        doc.body.glossary = found;
    }
}

/// Wraps the first occurrence of each term in text outside links, headings
/// and code. Returns the new HTML and the terms found, in order.
pub fn annotate(html: &str, terms: &[GlossaryTerm], skip: Option<&Slug>) -> (String, Vec<Slug>) {
    let mut out = String::with_capacity(html.len() + 256);
    let mut found: Vec<Slug> = Vec::new();
    let mut blocked = 0usize; // depth inside a, h1-h6, code, pre
    let mut rest = html;
    while !rest.is_empty() {
        if rest.starts_with('<') {
            let end = rest.find('>').map_or(rest.len(), |i| i + 1);
            let tag = &rest[..end];
            let name: String = tag
                .trim_start_matches(['<', '/'])
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            if matches!(
                name.as_str(),
                "a" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "code" | "pre" | "script" | "style"
            ) {
                if tag.starts_with("</") {
                    blocked = blocked.saturating_sub(1);
                } else if !tag.ends_with("/>") {
                    blocked += 1;
                }
            }
            out.push_str(tag);
            rest = &rest[end..];
            continue;
        }
        let end = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..end];
        if blocked == 0 {
            out.push_str(&mark_text(text, terms, skip, &mut found));
        } else {
            out.push_str(text);
        }
        rest = &rest[end..];
    }
    (out, found)
}

fn mark_text(text: &str, terms: &[GlossaryTerm], skip: Option<&Slug>, found: &mut Vec<Slug>) -> String {
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return text.to_owned(); // lowercasing changed byte offsets: leave this text as it is
    }
    // The earliest match of each term not yet found, then applied in order.
    let mut matches: Vec<(usize, usize, &Slug)> = Vec::new();
    for term in terms {
        if Some(&term.slug) == skip || found.contains(&term.slug) {
            continue;
        }
        let first = term
            .forms
            .iter()
            .filter_map(|form| find_word(&lower, form).map(|at| (at, at + form.len())))
            .min();
        if let Some((start, end)) = first {
            matches.push((start, end, &term.slug));
        }
    }
    if matches.is_empty() {
        return text.to_owned();
    }
    matches.sort();
    let mut out = String::with_capacity(text.len() + 80 * matches.len());
    let mut at = 0;
    for (start, end, slug) in matches {
        if start < at {
            continue; // overlaps an earlier term
        }
        out.push_str(&text[at..start]);
        out.push_str(&format!(
            "<a class=\"gloss\" href=\"#g-{slug}\"><span lang=\"it\">{}</span></a>",
            &text[start..end]
        ));
        found.push(slug.clone());
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

/// The byte offset of `word` in `text` where it stands as a whole word.
fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(offset) = text[from..].find(word) {
        let start = from + offset;
        let end = start + word.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some(start);
        }
        from = start + word.chars().next().map_or(1, char::len_utf8);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(slug: &str, text: &str) -> GlossaryTerm {
        GlossaryTerm {
            slug: Slug::parse(slug).unwrap(),
            forms: forms(text),
        }
    }

    #[test]
    fn marks_the_first_occurrence_outside_links_and_headings() {
        let terms = [
            term("codice-fiscale", "Codice fiscale"),
            term("ricevuta", "Ricevuta (cedolino)"),
        ];
        let html = "<h2>Codice fiscale</h2><p>Porta il <a href=\"x\">codice fiscale</a>, il Codice Fiscale e il cedolino. Ancora codice fiscale.</p>";
        let (out, found) = annotate(html, &terms, None);
        assert_eq!(found.len(), 2);
        assert!(out.contains("<h2>Codice fiscale</h2>"));
        assert!(out.contains("<a href=\"x\">codice fiscale</a>"));
        assert!(out.contains("il <a class=\"gloss\" href=\"#g-codice-fiscale\"><span lang=\"it\">Codice Fiscale</span></a> e il <a class=\"gloss\" href=\"#g-ricevuta\"><span lang=\"it\">cedolino</span></a>"));
        assert!(out.ends_with("Ancora codice fiscale.</p>"));
    }

    #[test]
    fn whole_words_only_and_never_on_its_own_page() {
        let terms = [term("asl", "ASL / ASREM")];
        assert!(annotate("<p>Basle</p>", &terms, None).1.is_empty());
        assert_eq!(annotate("<p>all'ASREM.</p>", &terms, None).1.len(), 1);
        assert!(annotate("<p>ASL</p>", &terms, Some(&Slug::parse("asl").unwrap()))
            .1
            .is_empty());
    }

    #[test]
    fn finds_italian_terms_inside_arabic_text() {
        let terms = [term("codice-fiscale", "Codice fiscale")];
        let (out, found) = annotate("<p>الرمز الضريبي (codice fiscale) مهم.</p>", &terms, None);
        assert_eq!(found.len(), 1);
        assert!(out.contains("(<a class=\"gloss\""));
    }
}
