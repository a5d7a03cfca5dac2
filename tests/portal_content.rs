//! The sample portal of the repository: it builds without errors, every
//! procedure is complete, and the main sections are translated. And, as
//! issue 19 asks, it leads nowhere dead: every office contact has a dated
//! source, every guide the desk answers exists in the main languages, the
//! emergency page is one click from every page, and no page sends readers
//! to the help desk (which publishes no contact yet) without a contact they
//! can reach.

use std::path::Path;

use sportello::content::{Section, Slug};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_sample_portal_checks_clean() {
    let checked = sportello::check(repo());
    let errors: Vec<String> = checked.diagnostics.errors().map(ToString::to_string).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let missing_strings: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.message().contains("interface string"))
        .map(ToString::to_string)
        .collect();
    assert!(missing_strings.is_empty(), "{}", missing_strings.join("\n"));
}

#[test]
fn every_procedure_is_complete() {
    let site = sportello::check(repo()).site.expect("site");
    let procedures: Vec<_> = site.section(Section::Procedures).collect();
    assert!(
        procedures.len() >= 14,
        "at least 14 procedures, found {}",
        procedures.len()
    );
    for (_, page) in procedures {
        let facts = page.facts();
        let text = &page.source.text;
        let name = page.id.to_string();
        // The documents and the cost are left out where no official page
        // states them: the page then says whom to ask.
        assert!(text.summary.is_some(), "{name}: summary");
        assert!(!facts.offices.is_empty(), "{name}: at least one office");
        assert!(!facts.sources.is_empty(), "{name}: at least one source");
        assert!(page.source.body.has_ordered_list, "{name}: steps as a numbered list");
    }
}

#[test]
fn main_sections_are_translated_into_english_french_and_arabic() {
    let site = sportello::check(repo()).site.expect("site");
    for section in [
        Section::Comuni,
        Section::Offices,
        Section::Services,
        Section::Procedures,
    ] {
        for (_, page) in site.section(section) {
            for lang in ["en", "fr", "ar"] {
                let code = sportello::content::LangCode::parse(lang).unwrap();
                assert!(
                    page.translations.contains_key(&code),
                    "{} has no {lang} translation",
                    page.id
                );
            }
        }
    }
}

#[test]
fn the_district_has_its_24_comuni_and_the_required_offices() {
    let site = sportello::check(repo()).site.expect("site");
    assert_eq!(site.section(Section::Comuni).count(), 24);
    assert!(site.section(Section::Glossary).count() >= 20);
    for office in [
        "sportello-immigrazione-ats",
        "questura-isernia",
        "prefettura-isernia-sui",
        "asrem-distretto-isernia",
        "centro-impiego-isernia",
        "cpia-isernia",
        "agenzia-entrate-isernia",
        "poste-isernia",
        "anagrafe-isernia",
    ] {
        let id = sportello::content::PageId {
            section: Section::Offices,
            slug: Slug::parse(office).unwrap(),
        };
        assert!(site.page(&id).is_some(), "{office}");
    }
}

fn page_id(section: Section, slug: &str) -> sportello::content::PageId {
    sportello::content::PageId {
        section,
        slug: Slug::parse(slug).unwrap(),
    }
}

fn lang(code: &str) -> sportello::content::LangCode {
    sportello::content::LangCode::parse(code).unwrap()
}

/// The sample portal built once, into Cargo's folder for test files, for
/// the tests that read its pages as a reader gets them.
fn built() -> &'static Path {
    static BUILT: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    BUILT.get_or_init(|| {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("portal_content");
        let report = sportello::build(repo(), &out);
        let errors: Vec<String> = report.diagnostics.errors().map(ToString::to_string).collect();
        assert!(errors.is_empty(), "the sample portal builds:\n{}", errors.join("\n"));
        out
    })
}

/// The languages of the sample portal, from site.yaml.
fn site_languages(site: &sportello::site::Site) -> Vec<String> {
    site.languages.iter().map(|l| l.code.as_str().to_string()).collect()
}

/// Every HTML page of one language of the built portal, with its path
/// below the language's folder.
fn built_pages(lang: &str) -> Vec<(String, std::path::PathBuf)> {
    let root = built().join(lang);
    let mut pages: Vec<_> = walkdir::WalkDir::new(&root)
        .into_iter()
        .map(|entry| entry.expect("readable output"))
        .filter(|entry| entry.path().extension().is_some_and(|e| e == "html"))
        .map(|entry| {
            let rel = entry
                .path()
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, entry.path().to_path_buf())
        })
        .collect();
    pages.sort();
    assert!(pages.len() > 100, "{lang}: the built portal has its pages");
    pages
}

/// The targets of a piece of HTML's links, in order.
fn hrefs(html: &str) -> Vec<&str> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect()
}

/// Where a relative link of the page at `page` leads on disk: its folder
/// joined with the link, without `..`, query or anchor.
fn resolve(page: &Path, href: &str) -> std::path::PathBuf {
    let href = href.split(['#', '?']).next().unwrap_or_default();
    let mut resolved = page.parent().expect("a page has a folder").to_path_buf();
    for part in href.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                resolved.pop();
            }
            part => resolved.push(part),
        }
    }
    resolved
}

/// The text a reader sees in a page's main part: tags dropped, the common
/// entities decoded, spaces collapsed, lowercase.
fn main_text(html: &str) -> String {
    let main = html
        .split_once("<main")
        .and_then(|(_, rest)| rest.split_once("</main>"))
        .map_or(html, |(main, _)| main);
    let mut text = String::with_capacity(main.len());
    let mut in_tag = false;
    for c in main.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&nbsp;", " ")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .replace('’', "'");
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

#[test]
fn no_office_or_town_hall_contact_without_a_dated_source() {
    let site = sportello::check(repo()).site.expect("site");
    let mut stating = 0;
    let mut undated = Vec::new();
    for section in [Section::Offices, Section::Comuni] {
        for (_, page) in site.section(section) {
            let facts = page.facts();
            let mut stated = Vec::new();
            if facts.address.is_some() {
                stated.push("address");
            }
            if !facts.phone.is_empty() {
                stated.push("phone");
            }
            if facts.email.is_some() {
                stated.push("email");
            }
            if facts.pec.is_some() {
                stated.push("pec");
            }
            if facts.hours.is_some() {
                stated.push("hours");
            }
            if stated.is_empty() {
                continue;
            }
            stating += 1;
            if !facts.sources.iter().any(|s| s.is_dated()) {
                undated.push(format!(
                    "{}: states {} but none of its {} source(s) has a `date` or `seen`",
                    page.source.path.display(),
                    stated.join(", "),
                    facts.sources.len()
                ));
            }
        }
    }
    assert!(stating > 0, "the sample portal publishes at least one office contact");
    assert!(undated.is_empty(), "{}", undated.join("\n"));
}

/// The guides issue 19 asks for, by the page that gives each.
const GUIDES_OF_ISSUE_19: &[(Section, &str, &str)] = &[
    (Section::Pages, "emergenze", "emergencies and violence"),
    (Section::Procedures, "discriminazione", "discrimination"),
    (
        Section::Procedures,
        "protezione-temporanea-ucraina",
        "temporary protection (Ukraine)",
    ),
    (Section::Procedures, "protezione-speciale", "special protection"),
    (Section::Procedures, "conversione-permesso", "converting a permit"),
    (
        Section::Procedures,
        "ingresso-per-lavoro-flussi",
        "entry for work (decreto flussi)",
    ),
    (
        Section::Procedures,
        "permesso-smarrito-rubato",
        "a lost or stolen permit",
    ),
    (Section::Procedures, "contratto-e-paga", "work contracts and pay"),
    (
        Section::Procedures,
        "caporalato-sfruttamento",
        "farm-work exploitation (caporalato)",
    ),
    (
        Section::Procedures,
        "naspi-disoccupazione",
        "unemployment benefit (NASpI)",
    ),
    (Section::Procedures, "registrazione-nascita", "registering a birth"),
    (
        Section::Procedures,
        "assegno-unico-figli",
        "child benefit (Assegno unico)",
    ),
    (Section::Services, "servizi-infanzia-0-6", "services for children 0-6"),
    (Section::Procedures, "frequenza-scolastica", "staying in school"),
    (
        Section::Procedures,
        "minori-non-accompagnati",
        "unaccompanied minors and volunteer guardians",
    ),
    (Section::Procedures, "affitto-casa", "renting"),
    (
        Section::Procedures,
        "dichiarazione-ospitalita",
        "the hospitality declaration",
    ),
    (
        Section::Procedures,
        "idoneita-alloggiativa",
        "the housing-suitability certificate",
    ),
    (
        Section::Procedures,
        "passaporto-consolato",
        "passports at the consulate",
    ),
    (
        Section::Procedures,
        "legalizzazione-apostille",
        "legalisation and apostille",
    ),
    (Section::Procedures, "traduzioni-giurate", "sworn translations"),
    (
        Section::Procedures,
        "riconoscimento-titoli-studio",
        "recognition of qualifications",
    ),
    (
        Section::Pages,
        "associazioni-comunita",
        "associations and places to meet",
    ),
];

#[test]
fn every_guide_of_issue_19_is_sourced_and_in_italian_english_french_arabic_and_ukrainian() {
    let site = sportello::check(repo()).site.expect("site");
    let mut missing = Vec::new();
    for &(section, slug, what) in GUIDES_OF_ISSUE_19 {
        let Some(page) = site.page(&page_id(section, slug)) else {
            missing.push(format!("{what}: no page {}/{slug}", section.folder()));
            continue;
        };
        if page.facts().sources.is_empty() {
            missing.push(format!("{what}: {} has no source", page.source.path.display()));
        }
        for code in ["en", "fr", "ar", "uk"] {
            if !page.translations.contains_key(&lang(code)) {
                missing.push(format!(
                    "{what}: {} has no {code} translation",
                    page.source.path.display()
                ));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn the_emergency_page_is_in_every_footer_and_its_numbers_can_be_called() {
    let site = sportello::check(repo()).site.expect("site");
    let mut problems = Vec::new();
    for code in site_languages(&site) {
        let emergency = built().join(&code).join("pages/emergenze/index.html");
        let html = std::fs::read_to_string(&emergency).expect("the emergency page is built");
        for number in ["112", "118", "1522", "800290290"] {
            if !hrefs(&html).contains(&format!("tel:{number}").as_str()) {
                problems.push(format!("{code}/pages/emergenze/: no tel:{number} link"));
            }
        }
        for (rel, path) in built_pages(&code) {
            let html = std::fs::read_to_string(&path).unwrap();
            let Some((_, footer)) = html.split_once("<footer") else {
                problems.push(format!("{code}/{rel}: no footer"));
                continue;
            };
            let footer = footer.split_once("</footer>").map_or(footer, |(f, _)| f);
            if !hrefs(footer)
                .iter()
                .any(|href| !href.contains(':') && resolve(&path, href) == emergency)
            {
                problems.push(format!("{code}/{rel}: the footer does not link the emergency page"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// How each language's pages tell the reader to ask the help desk (or go
/// to it), lowercase, besides the interface's own `ask_help_desk`.
const ASK_THE_DESK: &[(&str, &[&str])] = &[
    (
        "it",
        &[
            "chiedi allo sportello",
            "chiedere allo sportello",
            "chiedete allo sportello",
            "vieni subito allo sportello",
            "allo sportello immigrazione",
        ],
    ),
    (
        "en",
        &[
            "ask the help desk",
            "ask the immigration help desk",
            "go to the immigration help desk",
            "come to the immigration help desk",
            "or the immigration help desk",
            "talk to the help desk",
        ],
    ),
    (
        "fr",
        &[
            "demandez au guichet",
            "demander au guichet",
            "venez tout de suite au guichet",
            "ou au guichet immigration",
            "d'abord au guichet immigration",
            "de l'aide au guichet immigration",
        ],
    ),
    (
        "ar",
        &[
            "اسأل مكتب مساعدة المهاجرين",
            "اذهب إلى مكتب مساعدة المهاجرين",
            "تعال فورًا إلى مكتب مساعدة المهاجرين",
            "أو مكتب مساعدة المهاجرين",
            "من مكتب مساعدة المهاجرين",
        ],
    ),
    ("uk", &["в службі допомоги", "у службі допомоги", "до служби допомоги"]),
    (
        "ur",
        &[
            "مدد کے دفتر سے پوچھیں",
            "مہاجرین کی مدد کے دفتر سے",
            "مہاجرین کی مدد کے دفتر آئیں",
            "مہاجرین کی مدد کے دفتر جائیں",
        ],
    ),
];

/// Whether a link gives the reader a way to reach someone: a phone to call,
/// an address to write to, an office's or town hall's own site, or the
/// page of an office that publishes one of these.
struct Reachable {
    sites: Vec<String>,
    offices: std::collections::BTreeSet<String>,
}

impl Reachable {
    fn of(site: &sportello::site::Site) -> Self {
        let mut sites = Vec::new();
        let mut offices = std::collections::BTreeSet::new();
        for section in [Section::Offices, Section::Comuni] {
            for (_, page) in site.section(section) {
                let facts = page.facts();
                if let Some(website) = &facts.website {
                    sites.push(website.trim_end_matches('/').to_string());
                }
                let contact =
                    !facts.phone.is_empty() || facts.email.is_some() || facts.pec.is_some() || facts.website.is_some();
                if section == Section::Offices && contact {
                    offices.insert(page.id.slug.as_str().to_string());
                }
            }
        }
        Reachable { sites, offices }
    }

    fn link(&self, page: &Path, lang_root: &Path, href: &str) -> bool {
        if href.starts_with("tel:") || href.starts_with("mailto:") {
            return true;
        }
        if href.starts_with("http://") || href.starts_with("https://") {
            return self.sites.iter().any(|site| {
                href == site
                    || href
                        .strip_prefix(site.as_str())
                        .is_some_and(|rest| rest.starts_with(['/', '?', '#']))
            });
        }
        if href.contains(':') {
            return false;
        }
        let target = resolve(page, href);
        let Ok(below) = target.strip_prefix(lang_root.join("offices")) else {
            return false;
        };
        let parts: Vec<_> = below.iter().map(|p| p.to_string_lossy().into_owned()).collect();
        parts.len() == 2 && parts[1] == "index.html" && self.offices.contains(&parts[0])
    }
}

#[test]
fn no_page_says_ask_the_help_desk_without_a_contact_the_reader_can_reach() {
    let checked = sportello::check(repo());
    let site = checked.site.expect("site");
    let strings = checked.strings.expect("interface strings");
    let reachable = Reachable::of(&site);
    // While the desk publishes no contact (W0106), a page that sends
    // readers to it must give them an office's own.
    let phrases = |code: &str| -> Vec<String> {
        let mut phrases: Vec<String> = ASK_THE_DESK
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, p)| p.iter().map(|s| s.to_string()).collect())
            .unwrap_or_default();
        phrases.push(strings.get(&lang(code), "ask_help_desk").to_lowercase());
        phrases
    };
    // A page whose Italian text sends readers to the desk does so in every
    // language, however the translation words it.
    let italian = phrases("it");
    let asks_in_italian: std::collections::BTreeSet<String> = built_pages("it")
        .into_iter()
        .filter(|(_, path)| {
            let text = main_text(&std::fs::read_to_string(path).unwrap());
            italian.iter().any(|p| text.contains(p.as_str()))
        })
        .map(|(rel, _)| rel)
        .collect();
    assert!(
        asks_in_italian.len() >= 10,
        "the sample portal sends readers to the desk from many pages ({} found): the phrases are out of date",
        asks_in_italian.len()
    );
    let mut dead_ends = Vec::new();
    let mut checked_pages = 0;
    for code in site_languages(&site) {
        let lang_phrases = phrases(&code);
        let lang_root = built().join(&code);
        for (rel, path) in built_pages(&code) {
            let html = std::fs::read_to_string(&path).unwrap();
            let text = main_text(&html);
            let said: Vec<&str> = lang_phrases
                .iter()
                .filter(|p| text.contains(p.as_str()))
                .map(String::as_str)
                .collect();
            if said.is_empty() && !asks_in_italian.contains(&rel) {
                continue;
            }
            checked_pages += 1;
            if !hrefs(&html).iter().any(|href| reachable.link(&path, &lang_root, href)) {
                let said = if said.is_empty() {
                    "(as its Italian page)".to_string()
                } else {
                    said.join(" / ")
                };
                dead_ends.push(format!("{code}/{rel}: says «{said}» and gives no contact"));
            }
        }
    }
    assert!(checked_pages >= asks_in_italian.len() * site.languages.len());
    assert!(
        dead_ends.is_empty(),
        "{} page(s) send readers to the help desk, which publishes no contact, without a phone, an e-mail, an office's own site or the page of an office that has one:\n{}",
        dead_ends.len(),
        dead_ends.join("\n")
    );
}

#[test]
fn ukrainian_covers_every_guide_service_office_and_term_and_urdu_the_first_guides() {
    let site = sportello::check(repo()).site.expect("site");
    let mut missing = Vec::new();
    let uk = lang("uk");
    for section in [
        Section::Procedures,
        Section::Services,
        Section::Offices,
        Section::Glossary,
    ] {
        for (_, page) in site.section(section) {
            if !page.translations.contains_key(&uk) {
                missing.push(format!("{}: no uk translation", page.source.path.display()));
            }
        }
    }
    let ur = lang("ur");
    for (section, slug) in [
        (Section::Home, "index"),
        (Section::Procedures, "rinnovo-permesso-soggiorno"),
        (Section::Procedures, "primo-permesso-soggiorno"),
        (Section::Procedures, "iscrizione-servizio-sanitario"),
        (Section::Procedures, "codice-stp"),
        (Section::Procedures, "iscrizione-centro-impiego"),
        (Section::Services, "orientamento-lavoro"),
        (Section::Pages, "emergenze"),
        (Section::Procedures, "discriminazione"),
    ] {
        let id = if section == Section::Home {
            sportello::content::PageId::home()
        } else {
            page_id(section, slug)
        };
        match site.page(&id) {
            None => missing.push(format!("{}/{slug}: no such page", section.folder())),
            Some(page) if !page.translations.contains_key(&ur) => {
                missing.push(format!("{}: no ur translation", page.source.path.display()))
            }
            Some(_) => {}
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// Every text of a document: its fields and its body.
fn texts(document: &sportello::content::Document) -> Vec<String> {
    let t = &document.text;
    let mut texts: Vec<String> = [&t.title, &t.summary, &t.cost, &t.duration, &t.eligibility]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    texts.extend(t.documents.iter().flatten().cloned());
    texts.push(document.body.plain.clone());
    texts
}

fn documents(page: &sportello::site::Page) -> impl Iterator<Item = &sportello::content::Document> {
    std::iter::once(page.source.as_ref()).chain(page.translations.values().map(|d| d.as_ref()))
}

#[test]
fn castelpizzuto_is_never_called_the_smallest_comune() {
    // Castelverrino, in the district of Agnone, is the province's smallest.
    const NAMES: &[&str] = &["castelpizzuto", "كاستيلبيتسوتو", "кастельпіццуто", "کاسٹیلپیتسوتو"];
    const SMALLEST: &[&str] = &[
        "più piccol",
        "meno popolos",
        "smallest",
        "least popul",
        "plus petit",
        "moins peupl",
        "أصغر",
        "найменш",
        "سب سے چھوٹ",
    ];
    let site = sportello::check(repo()).site.expect("site");
    let says_smallest = |text: &str| SMALLEST.iter().find(|s| text.contains(*s)).copied();
    let mut wrong = Vec::new();
    let mut mentions = 0;
    for page in &site.pages {
        for document in documents(page) {
            for text in texts(document) {
                let text = text.to_lowercase();
                // A comune page of the district never claims the title,
                // even in a sentence that does not repeat its name.
                if page.id.section == Section::Comuni {
                    if let Some(word) = says_smallest(&text) {
                        wrong.push(format!("{}: «{word}»", document.path.display()));
                    }
                }
                for sentence in text.split(['.', '!', '?', ';', '\n', '؟', '۔']) {
                    if NAMES.iter().any(|n| sentence.contains(n)) {
                        mentions += 1;
                        if let Some(word) = says_smallest(sentence) {
                            wrong.push(format!("{}: «{}» ({word})", document.path.display(), sentence.trim()));
                        }
                    }
                }
            }
        }
    }
    assert!(mentions >= 4, "Castelpizzuto is named in the portal ({mentions} times)");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_eu_long_term_permit_needs_five_years_of_legal_stay_not_a_five_year_permit() {
    let site = sportello::check(repo()).site.expect("site");
    let page = site
        .page(&page_id(Section::Procedures, "permesso-ue-lungo-periodo"))
        .expect("the EU long-term permit guide");
    for (code, required, wrong) in [
        (
            "it",
            "5 anni di soggiorno regolare",
            &[
                "valido per 5 anni",
                "valido 5 anni",
                "valido da 5 anni",
                "permesso di 5 anni",
                "dura 5 anni da",
            ][..],
        ),
        (
            "en",
            "5 years of legal stay",
            &[
                "valid for 5 years",
                "valid for five years",
                "a 5-year permit",
                "a five-year permit",
            ][..],
        ),
    ] {
        let document = if code == "it" {
            page.source.as_ref()
        } else {
            page.translations.get(&lang(code)).expect("translated").as_ref()
        };
        let text = texts(document).join("\n").to_lowercase();
        assert!(text.contains(required), "{code}: the guide says «{required}»");
        for phrase in wrong {
            assert!(!text.contains(phrase), "{code}: the guide says «{phrase}»");
        }
    }
}

#[test]
fn the_sample_news_are_dated_sourced_and_fed_as_atom_in_every_language() {
    let site = sportello::check(repo()).site.expect("site");
    let news: Vec<_> = site.section(Section::News).map(|(_, page)| page).collect();
    assert!(!news.is_empty(), "the sample portal has notices");
    for page in &news {
        let facts = page.facts();
        let name = page.source.path.display();
        assert!(facts.published.is_some(), "{name}: a date");
        assert!(!facts.sources.is_empty(), "{name}: a source");
        assert!(facts.sources.iter().all(|s| s.is_dated()), "{name}: each source dated");
        if let (Some(date), Some(until)) = (facts.published, facts.until) {
            assert!(date <= until, "{name}: ends after it starts");
        }
    }
    for code in site_languages(&site) {
        let path = built().join(&code).join("news/feed.xml");
        let xml = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{code}: news/feed.xml is built"));
        let feed = atom_syndication::Feed::read_from(xml.as_bytes())
            .unwrap_or_else(|e| panic!("{code}/news/feed.xml is not valid Atom: {e}"));
        assert_eq!(feed.entries.len(), news.len(), "{code}: one entry a notice");
        assert!(
            feed.id.ends_with(&format!("/{code}/news/")),
            "{code}: the feed's id {}",
            feed.id
        );
        for entry in &feed.entries {
            assert!(!entry.title.value.is_empty(), "{code}: every entry has a title");
            assert!(
                entry.links.iter().any(|l| l.href.starts_with("https://")),
                "{code}: every entry links its page"
            );
        }
    }
}

/// What the portal knows of the help desk comes from one source: the Comune
/// di Isernia's notice for the desk, for the first half of 2015. So the
/// desk's own page, the home page and every service the desk offers say
/// what the notice set it up to do, that its address, phone and hours are
/// not published and that no one can say whether it is open today; none of
/// them, nor the interface around them, describes it as a free service
/// running now. By language: what each page's text must say, and what
/// neither its text nor those interface strings may say.
const DESK_WORDING: &[(&str, &[&str], &[&str])] = &[
    (
        "it",
        &[
            "avviso del comune di isernia per il 2015",
            "non sono pubblicati",
            "non sappiamo se oggi",
        ],
        &[
            "l'aiuto è gratuito",
            "aiuto gratuito",
            "aiuti gratuiti",
            "informazioni gratuite",
            "ti aiutiamo",
            "un operatore ascolta",
            "lo sportello ti aiuta",
            "lo sportello ti dà",
            "lo sportello aiuta",
            "ricevi aiuto",
            "cosa ricevi",
            "vieni subito",
        ],
    ),
    (
        "en",
        &[
            "comune of isernia's notice for 2015",
            "are not published",
            "we do not know whether",
        ],
        &[
            "the help is free",
            "free help",
            "free information",
            "we help you",
            "a staff member listens",
            "the help desk helps",
            "the help desk gives you",
            "you get help",
            "what you get",
            "come at once",
        ],
    ),
];

#[test]
fn the_help_desk_is_described_from_the_comune_notice_never_as_running_today() {
    const DESK: &str = "sportello-immigrazione-ats";
    let checked = sportello::check(repo());
    let site = checked.site.expect("site");
    let strings = checked.strings.expect("interface strings");
    let mut ids = vec![sportello::content::PageId::home(), page_id(Section::Offices, DESK)];
    ids.extend(
        site.section(Section::Services)
            .filter(|(_, page)| page.facts().offices.iter().any(|o| o.as_str() == DESK))
            .map(|(_, page)| page.id.clone()),
    );
    assert!(
        ids.len() >= 2 + 7,
        "the desk offers its services in the sample portal ({} pages found)",
        ids.len() - 2
    );
    let mut problems = Vec::new();
    for &(code, required, forbidden) in DESK_WORDING {
        for id in &ids {
            let page = site.page(id).unwrap_or_else(|| panic!("{id}: no such page"));
            let document = if code == "it" {
                page.source.as_ref()
            } else {
                match page.translations.get(&lang(code)) {
                    Some(document) => document.as_ref(),
                    None => {
                        problems.push(format!("{}: no {code} translation", page.source.path.display()));
                        continue;
                    }
                }
            };
            let name = document.path.display();
            let text = texts(document).join("\n").to_lowercase().replace('’', "'");
            for phrase in required {
                if !text.contains(phrase) {
                    problems.push(format!("{name}: does not say «{phrase}»"));
                }
            }
            for phrase in forbidden {
                if text.contains(phrase) {
                    problems.push(format!("{name}: says «{phrase}»"));
                }
            }
            if let Some(cost) = &document.text.cost {
                let cost = cost.trim().trim_end_matches('.').to_lowercase();
                if ["gratuito", "free"].contains(&cost.as_str())
                    || cost.starts_with("gratuito.")
                    || cost.starts_with("free.")
                {
                    problems.push(format!(
                        "{name}: the cost «{cost}» presents the desk's help as free, which no source says"
                    ));
                }
            }
        }
        // The interface's words about the desk's help: the home page's
        // tagline and the introduction of the services' list.
        for key in ["site_tagline", "section_intro.services"] {
            let string = strings.get(&lang(code), key).to_lowercase();
            for phrase in forbidden {
                if string.contains(phrase) {
                    problems.push(format!("i18n/{code}.yaml: {key} says «{phrase}»"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
