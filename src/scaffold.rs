//! `sportello new` and `sportello init`: start a page, a translation or a
//! whole portal from templates. They never overwrite an existing file.

use std::path::{Path, PathBuf};

use crate::config::load_site_config;
use crate::content::front_matter;
use crate::content::ids::{LangCode, Section, Slug};

/// Why a file could not be started.
#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    #[error("{0} already exists: nothing was written (choose another name, or edit that file)")]
    Exists(PathBuf),
    #[error("`{0}` is not a section: use one of comuni, offices, services, procedures, glossary, pages")]
    UnknownSection(String),
    #[error("{0}")]
    BadName(String),
    #[error("{0}")]
    Site(String),
    #[error("cannot write {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
}

fn write_new(path: &Path, text: &str) -> Result<(), ScaffoldError> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|source| ScaffoldError::Io {
            path: parent.to_path_buf(),
            source,
        })?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|source| {
            if source.kind() == std::io::ErrorKind::AlreadyExists {
                ScaffoldError::Exists(path.to_path_buf())
            } else {
                ScaffoldError::Io {
                    path: path.to_path_buf(),
                    source,
                }
            }
        })?;
    std::io::Write::write_all(&mut file, text.as_bytes()).map_err(|source| ScaffoldError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// The front matter of a new page of `section`, every field explained.
pub fn page_template(section: Section, today: &str) -> String {
    let dates = format!("updated: {today}        # when the facts last changed (YYYY-MM-DD)\nreviewed: {today}       # when you last checked the facts against the sources\n");
    let fields = match section {
        Section::Comuni => "name: Nome del comune   # required: the comune's name\n# istat: \"094023\"      # ISTAT code, six digits in quotes\n# website: https://...  # the comune's website\n# geo: [41.59, 14.23]   # latitude, longitude\n".to_owned(),
        Section::Offices => format!("name: Nome dell'ufficio   # required\ncomune: isernia           # required: the file name of a page in comuni/\n# address: Via ..., 86170 Isernia   # only when confirmed; without it the page says to ask the help desk\n# geo: [41.594, 14.233]             # latitude, longitude: gives the map buttons\n# phone: [\"+39 0865 000000\"]        # only confirmed numbers\n# email: ufficio@example.org\n# website: https://...\n# hours: \"Mo-Fr 09:00-12:00; Th 15:00-17:00\"   # OpenStreetMap opening_hours syntax\n# languages_spoken: [it, en, fr]    # ISO 639-1 codes\ntopics: []                # topics of site.yaml, e.g. [documenti]\n{dates}"),
        Section::Services => format!("name: Nome del servizio   # required\nsummary: Una frase su cosa offre.   # required\noffices: []               # where it is offered: file names of pages in offices/\ncomuni: all               # all, or a list of comuni: [isernia, pesche]\ntopics: []                # topics of site.yaml\n# eligibility: Chi può usarlo.\n# cost: Gratuito\n{dates}"),
        Section::Procedures => format!("title: Titolo della procedura   # required\nsummary: Una frase su cosa si ottiene.   # required\ntopics: []                # topics of site.yaml\ncomuni: all               # all, or a list of comuni\noffices: []               # where to go: file names of pages in offices/\nservices: []              # who can help: file names of pages in services/\ndocuments:                # what to bring: one line each, shown as a checklist\n  - Passaporto valido\ncost: \"Chiedi allo sportello\"      # as published; leave the sentence if unsure\n# duration: \"Di solito 60 giorni\"\nsources: []               # official pages the facts come from: [https://...]\n{dates}"),
        Section::Glossary => format!("term: Parola italiana     # required: the Italian term, kept in every language\n{dates}"),
        Section::News => format!("title: Titolo dell'avviso   # required\nsummary: Una frase su cosa dice.\ndate: {today}            # required: the day the notice was published by its source\n# until: {today}          # the last day it holds; after it the notice is shown as past\ntopics: []                # topics of site.yaml\nsources: []               # required: the official page it comes from: [https://...]\n"),
        Section::Pages | Section::Home => format!("title: Titolo della pagina   # required\n{dates}"),
    };
    let body = match section {
        Section::Procedures => "\n## Passi\n\n1. Primo passo.\n2. Secondo passo.\n\n## Da sapere\n\nScrivi qui quello che la persona deve sapere.\n",
        Section::Offices => "\nCome arrivare, cosa portare, note.\n",
        _ => "\nScrivi qui il testo.\n",
    };
    format!("---\n{fields}---\n{body}")
}

/// `sportello new <section> <slug>`: a new source page.
pub fn new_page(site: &Path, section: &str, slug: &str, today: &str) -> Result<PathBuf, ScaffoldError> {
    let section = Section::from_folder(section).ok_or_else(|| ScaffoldError::UnknownSection(section.into()))?;
    let slug = Slug::parse(slug).map_err(ScaffoldError::BadName)?;
    load_site_config(site).map_err(|d| ScaffoldError::Site(d.to_string()))?;
    let path = site.join("content").join(section.folder()).join(format!("{slug}.md"));
    write_new(&path, &page_template(section, today))?;
    Ok(path)
}

/// The text fields a translation of `section` carries.
fn text_keys(section: Section) -> impl Iterator<Item = &'static str> {
    crate::content::schema::fields_of(section)
        .1
        .iter()
        .map(|field| field.name)
        .filter(|name| !matches!(*name, "source_updated" | "translated_by"))
}

/// `sportello new --translate <lang> <section>/<slug>`: a translation
/// skeleton with the text fields and body to translate, and no facts.
pub fn new_translation(site: &Path, lang: &str, page: &str, today: &str) -> Result<PathBuf, ScaffoldError> {
    let config = load_site_config(site).map_err(|d| ScaffoldError::Site(d.to_string()))?;
    let lang = LangCode::parse(lang).map_err(ScaffoldError::BadName)?;
    if lang == config.source_language {
        return Err(ScaffoldError::BadName(format!(
            "`{lang}` is the source language: its text is the source file itself"
        )));
    }
    let page = page.trim_end_matches(".md");
    let (section_name, slug) = page.split_once('/').ok_or_else(|| {
        ScaffoldError::BadName(format!(
            "write the page as <section>/<slug>, for example procedures/codice-fiscale (got `{page}`)"
        ))
    })?;
    let section =
        Section::from_folder(section_name).ok_or_else(|| ScaffoldError::UnknownSection(section_name.into()))?;
    let slug = Slug::parse(slug).map_err(ScaffoldError::BadName)?;
    let folder = site.join("content").join(section.folder());
    let source_path = folder.join(format!("{slug}.md"));
    let source = std::fs::read(&source_path).map_err(|source| ScaffoldError::Io {
        path: source_path.clone(),
        source,
    })?;
    let source = crate::text_file::decode_text(&source)
        .map_err(|(line, _)| ScaffoldError::Site(format!("{}:{line}: not valid UTF-8", source_path.display())))?;
    let split = front_matter::split(&source)
        .map_err(|e| ScaffoldError::Site(format!("{}:{}: {}", source_path.display(), e.line, e.message)))?;
    let mapping: serde_norway::Mapping = serde_norway::from_str(split.yaml).unwrap_or_default();
    let mut yaml = serde_norway::Mapping::new();
    for key in text_keys(section) {
        let from = if key == "translation" { "term" } else { key };
        if let Some(value) = mapping.get(from) {
            yaml.insert(key.into(), value.clone());
        }
    }
    let updated = mapping.get("updated").and_then(|v| v.as_str()).map(str::to_owned);
    let mut text = String::from("---\n");
    if !yaml.is_empty() {
        text.push_str(&serde_norway::to_string(&yaml).unwrap_or_default());
    }
    if let Some(updated) = updated {
        text.push_str(&format!(
            "source_updated: {updated}   # the source's `updated` this translation is made from\n"
        ));
    }
    text.push_str("translated_by: machine   # remove this line once a person has checked the translation\n");
    text.push_str(&format!("# translate the text above and below into `{lang}`; facts (offices, hours, dates…) stay in the source. Created {today}.\n---\n"));
    text.push_str(split.body);
    let path = folder.join(format!("{slug}.{lang}.md"));
    write_new(&path, &text)?;
    Ok(path)
}

const INIT_LANGUAGES: &[(&str, &str, &str)] = &[
    ("it", include_str!("../i18n/it.yaml"), "Sportello Immigrazione"),
    ("en", include_str!("../i18n/en.yaml"), "Immigration Help Desk"),
    ("fr", include_str!("../i18n/fr.yaml"), "Guichet Immigration"),
    ("ar", include_str!("../i18n/ar.yaml"), "مكتب الهجرة"),
    ("uk", include_str!("../i18n/uk.yaml"), "Довідкове бюро для мігрантів"),
];

/// `sportello init DIR`: a new portal that builds at once.
pub fn init(dir: &Path, today: &str) -> Result<Vec<PathBuf>, ScaffoldError> {
    if dir.join("site.yaml").exists() {
        return Err(ScaffoldError::Exists(dir.join("site.yaml")));
    }
    let mut written = Vec::new();
    let mut put = |rel: &str, text: String| -> Result<(), ScaffoldError> {
        let path = dir.join(rel);
        write_new(&path, &text)?;
        written.push(path);
        Ok(())
    };
    put(
        "site.yaml",
        "# The portal's settings. No translatable text here: that goes in i18n/<lang>.yaml.\nbase_url: https://example.org          # where the site is published\nsource_language: it                     # the language every page is first written in\nlanguages: [it, en, fr, ar, uk]         # order of the language switcher; each has i18n/<code>.yaml\ntopics: [documenti, salute, scuola, lavoro, casa, lingua, legale, famiglia]\nreview_after_days: 365                  # a page not reviewed for this long is flagged\n".into(),
    )?;
    for (code, text, title) in INIT_LANGUAGES {
        put(&format!("i18n/{code}.yaml"), with_site_title(text, title))?;
    }
    put("content/_index.md", "---\ntitle: Sportello Immigrazione\n---\nBenvenuti. Qui trovate le guide dello sportello: documenti, salute, scuola, lavoro.\n".into())?;
    put(
        "content/comuni/esempio.md",
        "---\nname: Comune di esempio\n---\nUna breve presentazione del comune.\n".into(),
    )?;
    put("content/offices/sportello.md", format!("---\nname: Sportello Immigrazione\ncomune: esempio\ntopics: [documenti]\nupdated: {today}\nreviewed: {today}\n---\nChiedi allo sportello l'indirizzo e gli orari.\n"))?;
    put("content/services/orientamento.md", format!("---\nname: Informazione e orientamento\nsummary: Aiuto gratuito per documenti e pratiche.\noffices: [sportello]\ncomuni: all\ntopics: [documenti]\ncost: Gratuito\nupdated: {today}\nreviewed: {today}\n---\nChiedi allo [sportello](../offices/sportello.md).\n"))?;
    put("content/procedures/esempio.md", format!("---\ntitle: Una procedura di esempio\nsummary: Come si scrive una guida passo per passo.\ntopics: [documenti]\ncomuni: all\noffices: [sportello]\nservices: [orientamento]\ndocuments:\n  - Passaporto valido\ncost: Gratuito\nupdated: {today}\nreviewed: {today}\nsources: [https://www.portaleimmigrazione.it]\n---\n## Passi\n\n1. Vai allo [sportello](../offices/sportello.md).\n2. Porta i documenti.\n"))?;
    put(
        "content/glossary/questura.md",
        "---\nterm: Questura\n---\nL'ufficio della Polizia di Stato che rilascia il permesso di soggiorno.\n".into(),
    )?;
    put(
        "content/pages/chi-siamo.md",
        "---\ntitle: Chi siamo\n---\nLo sportello aiuta gratis le persone straniere.\n".into(),
    )?;
    // What a build makes is not a source: kept out of git, unless the
    // folder has its own rules already.
    if !dir.join(".gitignore").exists() {
        put(".gitignore", "/public/\n/.public.*\n".into())?;
    }
    Ok(written)
}

fn with_site_title(text: &str, title: &str) -> String {
    text.lines()
        .map(|line| {
            if line.trim_start().starts_with("site_title:") {
                format!("  site_title: \"{title}\"")
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}
