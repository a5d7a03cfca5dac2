//! The front matter of generated pages, written as YAML text in the
//! CONTENT.md format: the facts of a source page (and the pages it refers
//! to), and the translated fields of a translation.

use crate::dates::date;
use crate::hours::hours;
use crate::plan::{Page, Plan, Section};
use crate::rng::Rng;
use crate::words::words;
use crate::TOPICS;

/// What a source page states, and what its bodies need to know of it.
pub(crate) struct SourceFacts {
    /// The front matter's lines, without the `---`.
    pub front_matter: String,
    /// The pages it refers to, which its bodies link to more often.
    pub related: Vec<usize>,
    /// A procedure's documents (indices into `facts.yaml`'s `documents`).
    pub documents: Vec<usize>,
}

/// A YAML double-quoted string.
pub(crate) fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Picks `count` distinct items, preferring `near`, then any of `all`.
pub(crate) fn refs(rng: &mut Rng, near: &[usize], all: &[usize], count: usize) -> Vec<usize> {
    let mut chosen: Vec<usize> = Vec::new();
    let mut tries = 0;
    while chosen.len() < count && tries < count * 8 {
        tries += 1;
        let pool = if !near.is_empty() && rng.chance(70) { near } else { all };
        if pool.is_empty() {
            break;
        }
        let candidate = *rng.pick(pool);
        if !chosen.contains(&candidate) {
            chosen.push(candidate);
        }
    }
    chosen
}

/// A YAML flow list of the pages' slugs.
fn slug_list(plan: &Plan, pages: &[usize]) -> String {
    let slugs: Vec<&str> = pages.iter().map(|&p| plan.pages[p].slug.as_str()).collect();
    format!("[{}]", slugs.join(", "))
}

/// `all`, or a few comuni starting with the page's own.
fn comuni_scope(rng: &mut Rng, plan: &Plan, comune: usize) -> String {
    if rng.chance(55) || plan.comuni.len() == 1 {
        return "all".into();
    }
    let mut list = vec![plan.comuni[comune]];
    for _ in 0..rng.range(0, 2) {
        let other = *rng.pick(&plan.comuni);
        if !list.contains(&other) {
            list.push(other);
        }
    }
    slug_list(plan, &list)
}

/// The page's topic, and now and then another.
fn topics(rng: &mut Rng, topic: &'static str) -> String {
    let mut list = vec![topic];
    if rng.chance(30) {
        let other = *rng.pick(&TOPICS);
        if other != topic {
            list.push(other);
        }
    }
    format!("[{}]", list.join(", "))
}

/// A latitude and longitude in the province of Isernia.
fn geo(rng: &mut Rng) -> String {
    let lat = 41.45 + rng.below(400) as f64 / 1000.0;
    let lon = 14.00 + rng.below(500) as f64 / 1000.0;
    format!("geo: [{lat:.3}, {lon:.3}]\n")
}

/// The front matter of the source page `index` of the plan, and what it
/// refers to.
pub(crate) fn source_front_matter(
    rng: &mut Rng,
    plan: &Plan,
    index: usize,
    updated: usize,
    reviewed: usize,
) -> SourceFacts {
    let facts = &words().facts;
    let page = &plan.pages[index];
    let mut fm = String::new();
    let mut related = Vec::new();
    let mut documents = Vec::new();
    let comune_page = &plan.pages[plan.comuni[page.comune]];
    let dates = format!("updated: {}\nreviewed: {}\n", date(updated), date(reviewed));
    match page.section {
        Section::Comuni => {
            fm.push_str(&format!("name: {}\n", quoted(&page.titles[0])));
            if page.comune < 999 {
                fm.push_str(&format!("istat: \"{:06}\"\n", 94_001 + page.comune));
            }
            fm.push_str(&format!(
                "website: https://www.comune.{}.is.it\n",
                page.slug.replace('-', "")
            ));
            fm.push_str(&geo(rng));
            fm.push_str(&dates);
            related.extend(plan.offices_by_comune[page.comune].iter().copied());
            related.extend(plan.services_by_comune[page.comune].iter().copied());
        }
        Section::Offices => {
            let offices = &words().offices;
            fm.push_str(&format!("name: {}\n", quoted(&page.titles[0])));
            fm.push_str(&format!("comune: {}\n", comune_page.slug));
            if rng.chance(97) {
                let address = format!(
                    "{} {}, 86{:03} {}",
                    rng.pick(&offices.streets),
                    rng.range(1, 120),
                    rng.range(0, 199),
                    comune_page.titles[0]
                );
                fm.push_str(&format!("address: {}\n", quoted(&address)));
            }
            fm.push_str(&geo(rng));
            if rng.chance(85) {
                fm.push_str(&format!("phone: [\"+39 0865 {:06}\"]\n", rng.below(1_000_000)));
            }
            fm.push_str(&format!("email: {}@example.org\n", page.slug));
            if rng.chance(50) {
                fm.push_str(&format!("website: https://www.{}.example.org\n", page.slug));
            }
            if let Some(hours) = hours(rng) {
                fm.push_str(&format!("hours: {}\n", quoted(&hours)));
            }
            let mut spoken = vec!["it"];
            for lang in &offices.languages_spoken {
                if rng.chance(20) {
                    spoken.push(lang);
                }
            }
            fm.push_str(&format!("languages_spoken: [{}]\n", spoken.join(", ")));
            fm.push_str(&format!("topics: {}\n", topics(rng, page.topic)));
            fm.push_str(&dates);
            related.push(plan.comuni[page.comune]);
            related.extend(refs(rng, &[], &plan.procedures, 3));
        }
        Section::Services => {
            let count = rng.range(1, 2);
            let offices = refs(rng, &plan.offices_by_comune[page.comune], &plan.offices, count);
            fm.push_str(&format!("name: {}\n", quoted(&page.titles[0])));
            fm.push_str(&format!("summary: {}\n", quoted(&summary(rng, 0))));
            fm.push_str(&format!("offices: {}\n", slug_list(plan, &offices)));
            fm.push_str(&format!("comuni: {}\n", comuni_scope(rng, plan, page.comune)));
            fm.push_str(&format!("topics: {}\n", topics(rng, page.topic)));
            fm.push_str(&format!("eligibility: {}\n", quoted(&rng.pick(&facts.eligibility)[0])));
            fm.push_str(&format!("cost: {}\n", quoted(&facts.costs[rng.below(2)][0])));
            fm.push_str(&dates);
            related.extend(offices);
            related.push(plan.comuni[page.comune]);
        }
        Section::Procedures => {
            let count = rng.range(1, 3);
            let offices = refs(rng, &plan.offices_by_comune[page.comune], &plan.offices, count);
            let count = rng.range(0, 2);
            let services = refs(rng, &plan.services_by_comune[page.comune], &plan.services, count);
            let mut docs: Vec<usize> = (0..facts.documents.len()).collect();
            rng.shuffle(&mut docs);
            docs.truncate(rng.range(3, 6));
            fm.push_str(&format!("title: {}\n", quoted(&page.titles[0])));
            fm.push_str(&format!("summary: {}\n", quoted(&summary(rng, 0))));
            fm.push_str(&format!("topics: {}\n", topics(rng, page.topic)));
            fm.push_str(&format!("comuni: {}\n", comuni_scope(rng, plan, page.comune)));
            fm.push_str(&format!("offices: {}\n", slug_list(plan, &offices)));
            if !services.is_empty() {
                fm.push_str(&format!("services: {}\n", slug_list(plan, &services)));
            }
            fm.push_str("documents:\n");
            for &d in &docs {
                fm.push_str(&format!("  - {}\n", quoted(&facts.documents[d][0])));
            }
            fm.push_str(&format!("cost: {}\n", quoted(&rng.pick(&facts.costs)[0])));
            fm.push_str(&format!("duration: {}\n", quoted(&rng.pick(&facts.durations)[0])));
            fm.push_str(&dates);
            let mut sources = vec![rng.pick(&facts.sources).as_str()];
            if rng.chance(40) {
                let other = rng.pick(&facts.sources).as_str();
                if other != sources[0] {
                    sources.push(other);
                }
            }
            fm.push_str(&format!("sources: [{}]\n", sources.join(", ")));
            related.extend(offices);
            related.extend(services);
            related.extend(refs(rng, &[], &plan.glossary, 2));
            documents = docs;
        }
        Section::Glossary => {
            fm.push_str(&format!("term: {}\n", quoted(&page.titles[0])));
            fm.push_str(&dates);
            related.extend(refs(rng, &[], &plan.procedures, 2));
        }
        Section::Pages => {
            fm.push_str(&format!("title: {}\n", quoted(&page.titles[0])));
            fm.push_str(&dates);
            related.extend(refs(rng, &[], &plan.offices, 2));
        }
    }
    SourceFacts {
        front_matter: fm,
        related,
        documents,
    }
}

/// A one-sentence summary.
fn summary(rng: &mut Rng, lang: usize) -> String {
    let v = &words().vocabs[lang];
    format!(
        "{} {} {} {}.",
        rng.pick(&v.subjects),
        rng.pick(&v.verbs),
        rng.pick(&v.objects),
        rng.pick(&v.manners)
    )
}

/// The text fields of a translation (without `source_updated` and the rest).
pub(crate) fn translation_front_matter(rng: &mut Rng, page: &Page, lang: usize, documents: &[usize]) -> String {
    let facts = &words().facts;
    let title = quoted(&page.titles[lang]);
    let mut fm = String::new();
    match page.section {
        Section::Comuni | Section::Offices => fm.push_str(&format!("name: {title}\n")),
        Section::Services => {
            fm.push_str(&format!("name: {title}\n"));
            if rng.chance(90) {
                fm.push_str(&format!("summary: {}\n", quoted(&summary(rng, lang))));
            }
            if rng.chance(70) {
                fm.push_str(&format!(
                    "eligibility: {}\n",
                    quoted(&rng.pick(&facts.eligibility)[lang])
                ));
            }
            if rng.chance(70) {
                fm.push_str(&format!("cost: {}\n", quoted(&facts.costs[rng.below(2)][lang])));
            }
        }
        Section::Procedures => {
            fm.push_str(&format!("title: {title}\n"));
            if rng.chance(90) {
                fm.push_str(&format!("summary: {}\n", quoted(&summary(rng, lang))));
            }
            if rng.chance(90) {
                fm.push_str("documents:\n");
                for &d in documents {
                    fm.push_str(&format!("  - {}\n", quoted(&facts.documents[d][lang])));
                }
            }
            if rng.chance(85) {
                fm.push_str(&format!("cost: {}\n", quoted(&rng.pick(&facts.costs)[lang])));
            }
            if rng.chance(85) {
                fm.push_str(&format!("duration: {}\n", quoted(&rng.pick(&facts.durations)[lang])));
            }
        }
        Section::Glossary => fm.push_str(&format!("translation: {title}\n")),
        Section::Pages => fm.push_str(&format!("title: {title}\n")),
    }
    fm
}

/// `source_updated` (sometimes older than the source: an outdated
/// translation) and, for some, `translated_by: machine`.
pub(crate) fn translation_meta(rng: &mut Rng, updated: usize) -> String {
    let from = if rng.chance(8) && updated > 30 {
        updated - rng.range(10, 30)
    } else {
        updated
    };
    let mut meta = format!("source_updated: {}\n", date(from));
    if rng.chance(30) {
        meta.push_str("translated_by: machine\n");
    }
    meta
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_escapes_backslashes_and_quotes() {
        assert_eq!(quoted(r#"a "b" \c"#), r#""a \"b\" \\c""#);
    }

    #[test]
    fn refs_are_distinct_and_none_come_from_empty_pools() {
        let mut rng = Rng::new(3);
        let chosen = refs(&mut rng, &[1, 2], &[1, 2, 3, 4, 5, 6], 4);
        let mut sorted = chosen.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), chosen.len());
        assert!(refs(&mut rng, &[], &[], 3).is_empty());
    }
}
