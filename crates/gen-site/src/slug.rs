//! Slugs of generated pages: made from titles, and kept unique in a section.

use std::collections::HashSet;

/// A slug from a title: lowercase ASCII letters, digits and `-`.
pub(crate) fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// Inserts `base` (or `base-2`, `base-3`, …) into `taken`; returns the slug
/// and the number added (1 when none was needed).
pub(crate) fn unique_slug(taken: &mut HashSet<String>, base: &str) -> (String, usize) {
    let mut k = 1;
    let mut slug = base.to_owned();
    while !taken.insert(slug.clone()) {
        k += 1;
        slug = format!("{base}-{k}");
    }
    (slug, k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_without_accents_or_doubled_dashes() {
        assert_eq!(slugify("Carta d'identità elettronica"), "carta-d-identita-elettronica");
        assert_eq!(slugify("Rinnovo – Agnone del Sannio"), "rinnovo-agnone-del-sannio");
        assert_eq!(slugify("Privacy!"), "privacy");
    }

    #[test]
    fn a_taken_slug_gets_a_number() {
        let mut taken = HashSet::new();
        assert_eq!(unique_slug(&mut taken, "anagrafe"), ("anagrafe".into(), 1));
        assert_eq!(unique_slug(&mut taken, "anagrafe"), ("anagrafe-2".into(), 2));
        assert_eq!(unique_slug(&mut taken, "anagrafe"), ("anagrafe-3".into(), 3));
    }
}
