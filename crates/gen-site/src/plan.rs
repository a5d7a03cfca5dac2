//! The plan of a site: every page's section, slug, titles, comune, topic and
//! translations, decided before any file is written so that pages can link
//! to and refer to each other.

use std::collections::HashSet;

use crate::rng::Rng;
use crate::slug::{slugify, unique_slug};
use crate::words::words;
use crate::TOPICS;

/// The sections of `content/`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) enum Section {
    Comuni,
    Offices,
    Services,
    Procedures,
    Glossary,
    Pages,
}

impl Section {
    pub(crate) const ALL: [Section; 6] = [
        Section::Comuni,
        Section::Offices,
        Section::Services,
        Section::Procedures,
        Section::Glossary,
        Section::Pages,
    ];

    pub(crate) fn folder(self) -> &'static str {
        match self {
            Section::Comuni => "comuni",
            Section::Offices => "offices",
            Section::Services => "services",
            Section::Procedures => "procedures",
            Section::Glossary => "glossary",
            Section::Pages => "pages",
        }
    }
}

/// One source page and what other pages need to know of it.
pub(crate) struct Page {
    pub section: Section,
    pub slug: String,
    /// Title (or name, or glossary translation) in each language.
    pub titles: [String; 4],
    /// Which languages have a file; the source language always does.
    pub langs: [bool; 4],
    /// The comune it belongs to (an index into `Plan::comuni`).
    pub comune: usize,
    pub topic: &'static str,
}

/// Every page of the site, and the pages of each section (indices into
/// `pages`).
pub(crate) struct Plan {
    pub pages: Vec<Page>,
    pub comuni: Vec<usize>,
    pub offices_by_comune: Vec<Vec<usize>>,
    pub services_by_comune: Vec<Vec<usize>>,
    pub offices: Vec<usize>,
    pub services: Vec<usize>,
    pub procedures: Vec<usize>,
    pub glossary: Vec<usize>,
}

/// How many pages of each section, in the order of [`Section::ALL`], for
/// `n` source pages: comuni ~5%, offices ~10%, services ~15%, glossary ~15%,
/// a few free pages, and procedures the rest.
fn counts(n: usize) -> [usize; 6] {
    let comuni = (n * 5 / 100).max(1);
    let offices = (n * 10 / 100).max(1);
    let services = (n * 15 / 100).max(1);
    let glossary = (n * 15 / 100).max(1);
    let pages = (n / 100).clamp(3, words().pages.free.len());
    let procedures = n.saturating_sub(comuni + offices + services + glossary + pages).max(1);
    [comuni, offices, services, procedures, glossary, pages]
}

/// The languages a page has: all of them for most, all but one for some,
/// only the source language for a fifth.
fn translation_langs(rng: &mut Rng) -> [bool; 4] {
    let roll = rng.below(100);
    if roll < 72 {
        [true; 4]
    } else if roll < 80 {
        // Some pages lack one language.
        let missing = rng.range(1, 3);
        let mut langs = [true; 4];
        langs[missing] = false;
        langs
    } else {
        [true, false, false, false]
    }
}

/// The name of the `i`-th comune: each root alone, then with each suffix.
fn comune_name(i: usize) -> String {
    let comuni = &words().comuni;
    let root = &comuni.roots[i % comuni.roots.len()];
    match (i / comuni.roots.len()) % (comuni.suffixes.len() + 1) {
        0 => root.clone(),
        k => format!("{root} {}", comuni.suffixes[k - 1]),
    }
}

/// Adds ` k` to every title when the slug needed a number to be unique.
fn number_titles(titles: &mut [String; 4], k: usize) {
    if k > 1 {
        titles.iter_mut().for_each(|t| *t = format!("{t} {k}"));
    }
}

/// The plan of a site of `n` source pages.
pub(crate) fn plan(n: usize, rng: &mut Rng) -> Plan {
    let w = words();
    let [n_comuni, n_offices, n_services, n_procedures, n_glossary, n_pages] = counts(n);
    let mut pages: Vec<Page> = Vec::with_capacity(n);
    let mut plan = Plan {
        pages: Vec::new(),
        comuni: Vec::new(),
        offices_by_comune: vec![Vec::new(); n_comuni],
        services_by_comune: vec![Vec::new(); n_comuni],
        offices: Vec::new(),
        services: Vec::new(),
        procedures: Vec::new(),
        glossary: Vec::new(),
    };

    // Comuni.
    let mut taken = HashSet::new();
    let mut comune_names = Vec::with_capacity(n_comuni);
    for i in 0..n_comuni {
        let base = comune_name(i);
        let (slug, k) = unique_slug(&mut taken, &slugify(&base));
        let name = if k > 1 { format!("{base} {k}") } else { base };
        comune_names.push(name.clone());
        plan.comuni.push(pages.len());
        let langs = translation_langs(rng);
        pages.push(Page {
            section: Section::Comuni,
            slug,
            titles: [name.clone(), name.clone(), name.clone(), format!("بلدية {name}")],
            langs,
            comune: i,
            topic: "casa",
        });
    }

    // Offices: each comune in turn gets its next kind of office.
    let mut taken = HashSet::new();
    for i in 0..n_offices {
        let comune = i % n_comuni;
        let kind = &w.offices.kinds[(i / n_comuni + comune * 3) % w.offices.kinds.len()];
        let base_slug = format!("{}-{}", kind.slug, pages[plan.comuni[comune]].slug);
        let (slug, k) = unique_slug(&mut taken, &base_slug);
        let mut titles = kind.title.map(|t| t.replace("{c}", &comune_names[comune]));
        number_titles(&mut titles, k);
        plan.offices_by_comune[comune].push(pages.len());
        plan.offices.push(pages.len());
        let langs = translation_langs(rng);
        pages.push(Page {
            section: Section::Offices,
            slug,
            titles,
            langs,
            comune,
            topic: &kind.topic,
        });
    }

    // Services.
    let mut taken = HashSet::new();
    for i in 0..n_services {
        let comune = i % n_comuni;
        let kind = &w.services.kinds[(i / n_comuni + comune * 5) % w.services.kinds.len()];
        let name = &comune_names[comune];
        let base_slug = slugify(&format!("{} {name}", &kind.name[0]));
        let (slug, k) = unique_slug(&mut taken, &base_slug);
        let mut titles = kind.name.map(|t| format!("{t} – {name}"));
        number_titles(&mut titles, k);
        plan.services_by_comune[comune].push(pages.len());
        plan.services.push(pages.len());
        let langs = translation_langs(rng);
        pages.push(Page {
            section: Section::Services,
            slug,
            titles,
            langs,
            comune,
            topic: &kind.topic,
        });
    }

    // Procedures: a base, a qualifier or none, and the comune they are
    // written for.
    let mut taken = HashSet::new();
    let bases = &w.procedures.bases;
    let qualifiers = &w.procedures.qualifiers;
    let combos = bases.len() * (qualifiers.len() + 1);
    for i in 0..n_procedures {
        let comune = i % n_comuni;
        let combo = (i / n_comuni + comune * 7) % combos;
        let base = &bases[combo % bases.len()];
        let qualifier = match combo / bases.len() {
            0 => None,
            q => Some(&qualifiers[q - 1]),
        };
        let name = &comune_names[comune];
        let mut titles: [String; 4] = std::array::from_fn(|l| match qualifier {
            None => format!("{} – {name}", &base.title[l]),
            Some(qualifier) => format!("{} {} – {name}", &base.title[l], &qualifier[l]),
        });
        let (slug, k) = unique_slug(&mut taken, &slugify(&titles[0]));
        number_titles(&mut titles, k);
        plan.procedures.push(pages.len());
        let langs = translation_langs(rng);
        pages.push(Page {
            section: Section::Procedures,
            slug,
            titles,
            langs,
            comune,
            topic: &base.topic,
        });
    }

    // Glossary: terms, then terms in a given sense, then in a sense and a comune.
    let mut taken = HashSet::new();
    let terms = &w.glossary.terms;
    let domains = &w.glossary.domains;
    for i in 0..n_glossary {
        let term = &terms[i % terms.len()];
        let round = i / terms.len();
        let comune = i % n_comuni;
        let mut titles: [String; 4] = std::array::from_fn(|l| {
            if round == 0 {
                term[l].to_owned()
            } else {
                let domain = &domains[(round - 1) % domains.len()][l];
                if round <= domains.len() {
                    format!("{} ({domain})", &term[l])
                } else {
                    format!("{} ({domain}, {})", &term[l], comune_names[comune])
                }
            }
        });
        let (slug, k) = unique_slug(&mut taken, &slugify(&titles[0]));
        number_titles(&mut titles, k);
        plan.glossary.push(pages.len());
        let langs = translation_langs(rng);
        pages.push(Page {
            section: Section::Glossary,
            slug,
            titles,
            langs,
            comune,
            topic: TOPICS[i % TOPICS.len()],
        });
    }

    // Free pages.
    for (i, titles) in w.pages.free.iter().take(n_pages).enumerate() {
        pages.push(Page {
            section: Section::Pages,
            slug: slugify(&titles[0]),
            titles: titles.map(str::to_owned),
            langs: if i < 3 { [true; 4] } else { translation_langs(rng) },
            comune: 0,
            topic: "documenti",
        });
    }

    plan.pages = pages;
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_add_up_to_the_pages_asked_for() {
        for n in [10, 100, 1000, 10_000] {
            assert_eq!(counts(n).iter().sum::<usize>(), n, "{n}");
        }
    }

    #[test]
    fn comuni_are_named_by_root_then_by_root_and_suffix() {
        let comuni = &words().comuni;
        assert_eq!(comune_name(0), comuni.roots[0]);
        assert_eq!(
            comune_name(comuni.roots.len() + 1),
            format!("{} {}", comuni.roots[1], comuni.suffixes[0])
        );
    }

    #[test]
    fn slugs_are_unique_in_each_section() {
        let plan = plan(3000, &mut Rng::new(1));
        let mut seen = HashSet::new();
        for page in &plan.pages {
            assert!(seen.insert((page.section, page.slug.clone())), "{}", page.slug);
        }
        assert!(plan.pages.iter().all(|p| p.langs[0]));
    }
}
