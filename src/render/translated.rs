//! Which text a reader of one language sees of a page: the translation's
//! field where it has one, otherwise the source's, marked with the source
//! language so that the browser reads it (and screen readers speak it)
//! in that language.

use crate::config::Direction;
use crate::content::Document;
use crate::site::{Page, Site, TranslationState};

use super::views::Text;

/// A text field in the reader's language: the translation's, or the
/// source's with the source language.
pub fn text_field<T>(
    page: &Page,
    doc: &Document,
    state: TranslationState,
    site: &Site,
    get: impl Fn(&Document) -> Option<T>,
) -> (Option<T>, Option<String>) {
    let source_lang = || Some(site.source_language().to_string());
    match state {
        TranslationState::Source => (get(doc), None),
        TranslationState::Missing => (get(&page.source), source_lang()),
        _ => match get(doc) {
            Some(value) => (Some(value), None),
            None => match get(&page.source) {
                Some(value) => (Some(value), source_lang()),
                None => (None, None),
            },
        },
    }
}

/// A [`text_field`] as a view, with its direction.
pub fn text(site: &Site, (text, lang): (Option<String>, Option<String>)) -> Option<Text> {
    text.map(|text| {
        let dir = lang.as_deref().map(|l| dir_of(site, l));
        Text { text, lang, dir }
    })
}

/// The writing direction of a language of the site.
pub fn dir_of(site: &Site, lang: &str) -> &'static str {
    site.languages
        .iter()
        .find(|l| l.code.as_str() == lang)
        .map_or(Direction::Ltr, |l| l.dir)
        .as_str()
}
