//! Glossary terms explained in place: the first time a page's text uses an
//! Italian term of the glossary, the term is marked and linked to its
//! explanation in the page's "words explained" box. Readers keep the Italian
//! word, which is the one they will hear at the counter.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rayon::prelude::*;

use crate::content::{Document, Section, Slug};

/// A glossary entry and the lowercase forms its term is found by.
#[derive(Debug, Clone)]
pub struct GlossaryTerm {
    pub slug: Slug,
    forms: Vec<String>,
}

/// Every form of every term in one automaton, so that a text is scanned once
/// whatever the size of the glossary.
pub struct Matcher {
    automaton: Option<AhoCorasick>,
    /// The term of each pattern.
    owners: Vec<Slug>,
    /// The length in bytes of the shortest form: a shorter text holds none.
    shortest: usize,
}

impl Matcher {
    pub fn new(terms: &[GlossaryTerm]) -> Self {
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        for term in terms {
            for form in &term.forms {
                patterns.push(form.clone());
                owners.push(term.slug.clone());
            }
        }
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .ok();
        let shortest = patterns.iter().map(String::len).min().unwrap_or(0);
        Matcher {
            automaton,
            owners,
            shortest,
        }
    }
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

/// Marks the glossary terms of `matcher` in every document's body, in
/// parallel.
pub fn annotate_documents(documents: &mut [Document], matcher: &Matcher) {
    if matcher.owners.is_empty() {
        return;
    }
    documents
        .par_iter_mut()
        .with_max_len(crate::PAGES_PER_TASK)
        .for_each(|doc| annotate_document(doc, matcher));
}

/// Marks the glossary terms in one document's body.
pub fn annotate_document(doc: &mut Document, matcher: &Matcher) {
    let own = (doc.id.section == Section::Glossary).then(|| doc.id.slug.clone());
    let marked = mark_terms(&doc.body.html, matcher, own.as_ref());
    if !marked.found.is_empty() {
        let (html, found) = marked.finish();
        doc.body.html = html;
        doc.body.glossary = found;
    }
}

/// Wraps the first occurrence of each term in text outside links, headings
/// and code; the HTML after the last mark is not copied yet (see
/// [`Marked::finish`]).
fn mark_terms<'a>(html: &'a str, matcher: &Matcher, skip: Option<&Slug>) -> Marked<'a> {
    let mut marked = Marked {
        html,
        out: String::new(),
        copied: 0,
        found: Vec::new(),
    };
    let mut blocked = 0usize; // depth inside a, h1-h6, code, pre
    let bytes = html.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'<' {
            let end = memchr::memchr(b'>', &bytes[at..]).map_or(bytes.len(), |i| at + i + 1);
            let tag = &html[at..end];
            if keeps_terms_unmarked(tag) {
                if tag.starts_with("</") {
                    blocked = blocked.saturating_sub(1);
                } else if !tag.ends_with("/>") {
                    blocked += 1;
                }
            }
            at = end;
            continue;
        }
        let end = memchr::memchr(b'<', &bytes[at..]).map_or(bytes.len(), |i| at + i);
        if blocked == 0 {
            mark_text(&mut marked, at, end, matcher, skip);
        }
        at = end;
    }
    marked
}

/// HTML being marked: what is before `copied` is in `out`, marks included;
/// the rest is copied in one piece when the next mark is made.
struct Marked<'a> {
    html: &'a str,
    out: String,
    copied: usize,
    found: Vec<Slug>,
}

impl Marked<'_> {
    /// The marked HTML, and the terms found in order.
    fn finish(self) -> (String, Vec<Slug>) {
        let mut out = self.out;
        out.push_str(&self.html[self.copied..]);
        (out, self.found)
    }
}

/// Whether `tag` opens or closes an element whose text keeps its terms
/// unmarked: links, headings, code.
fn keeps_terms_unmarked(tag: &str) -> bool {
    const ELEMENTS: [&str; 11] = [
        "a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style",
    ];
    let name = tag.trim_start_matches(['<', '/']);
    let name = &name[..name.bytes().take_while(u8::is_ascii_alphanumeric).count()];
    ELEMENTS.iter().any(|element| name.eq_ignore_ascii_case(element))
}

/// Marks each term not yet found in the text `marked.html[start..end]`.
fn mark_text(marked: &mut Marked, start: usize, end: usize, matcher: &Matcher, skip: Option<&Slug>) {
    let text = &marked.html[start..end];
    let Some(automaton) = matcher.automaton.as_ref().filter(|_| text.len() >= matcher.shortest) else {
        return;
    };
    for m in automaton.find_iter(text) {
        let slug = &matcher.owners[m.pattern().as_usize()];
        if Some(slug) == skip || marked.found.contains(slug) || !whole_word(text, m.start(), m.end()) {
            continue;
        }
        if marked.out.is_empty() {
            marked.out.reserve(marked.html.len() + 256);
        }
        marked.out.push_str(&marked.html[marked.copied..start + m.start()]);
        marked.out.push_str("<a class=\"gloss\" href=\"#g-");
        marked.out.push_str(slug.as_str());
        marked.out.push_str("\"><span lang=\"it\">");
        marked.out.push_str(&text[m.start()..m.end()]);
        marked.out.push_str("</span></a>");
        marked.found.push(slug.clone());
        marked.copied = start + m.end();
    }
}

/// True when `text[start..end]` is not part of a longer word.
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The marked HTML and the terms found, in order.
    fn annotate(html: &str, matcher: &Matcher, skip: Option<&Slug>) -> (String, Vec<Slug>) {
        mark_terms(html, matcher, skip).finish()
    }

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
        let (out, found) = annotate(html, &Matcher::new(&terms), None);
        assert_eq!(found.len(), 2);
        assert!(out.contains("<h2>Codice fiscale</h2>"));
        assert!(out.contains("<a href=\"x\">codice fiscale</a>"));
        assert!(out.contains("il <a class=\"gloss\" href=\"#g-codice-fiscale\"><span lang=\"it\">Codice Fiscale</span></a> e il <a class=\"gloss\" href=\"#g-ricevuta\"><span lang=\"it\">cedolino</span></a>"));
        assert!(out.ends_with("Ancora codice fiscale.</p>"));
    }

    #[test]
    fn whole_words_only_and_never_on_its_own_page() {
        let terms = Matcher::new(&[term("asl", "ASL / ASREM")]);
        assert!(annotate("<p>Basle</p>", &terms, None).1.is_empty());
        assert_eq!(annotate("<p>all'ASREM.</p>", &terms, None).1.len(), 1);
        assert!(annotate("<p>ASL</p>", &terms, Some(&Slug::parse("asl").unwrap()))
            .1
            .is_empty());
    }

    #[test]
    fn finds_italian_terms_inside_arabic_text() {
        let terms = [term("codice-fiscale", "Codice fiscale")];
        let (out, found) = annotate(
            "<p>الرمز الضريبي (codice fiscale) مهم.</p>",
            &Matcher::new(&terms),
            None,
        );
        assert_eq!(found.len(), 1);
        assert!(out.contains("(<a class=\"gloss\""));
    }
}
