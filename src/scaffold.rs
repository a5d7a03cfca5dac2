//! `sportello new`, `new --translate`, `init` and `add-language`: start a
//! page, a translation, a portal or a language from templates made from
//! the content schema, with comments in the volunteer's language. They
//! never overwrite an existing file.

use std::path::{Path, PathBuf};

use crate::config::load_site_config;
use crate::content::front_matter;
use crate::content::ids::{suggest_slug, LangCode, Section, Slug};
use crate::content::schema::{fields_of, Field, FieldKind};
use crate::diagnostics::Diagnostic;
use crate::messages::{Arg, Messages};

/// Why a file could not be started.
#[derive(Debug)]
pub enum ScaffoldError {
    Exists(PathBuf),
    UnknownSection(String),
    BadName(String),
    BadLanguage(String),
    SourceLanguage(String),
    PageForm(String),
    NameThePage,
    SlugWithTranslate,
    NoSource(PathBuf),
    AlreadyListed(String),
    NoLanguages,
    /// The site's own files have a problem.
    Site(Box<Diagnostic>),
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl ScaffoldError {
    /// What went wrong, in the volunteer's language.
    pub fn message(&self, messages: &Messages) -> String {
        let path = |p: &Path| Arg::from(p.display().to_string());
        match self {
            ScaffoldError::Exists(p) => messages.text("scaffold-exists", &[("path", path(p))]),
            ScaffoldError::UnknownSection(name) => messages.text(
                "scaffold-unknown-section",
                &[
                    ("section", name.into()),
                    ("sections", Section::FOLDERS.map(Section::folder).join(", ").into()),
                ],
            ),
            ScaffoldError::BadName(name) => messages.text(
                "scaffold-bad-name",
                &[("name", name.into()), ("suggestion", suggest_slug(name).into())],
            ),
            ScaffoldError::BadLanguage(code) => messages.text("scaffold-bad-language", &[("lang", code.into())]),
            ScaffoldError::SourceLanguage(code) => messages.text("scaffold-source-language", &[("lang", code.into())]),
            ScaffoldError::PageForm(page) => messages.text("scaffold-page-form", &[("page", page.into())]),
            ScaffoldError::NameThePage => messages.text("scaffold-name-the-page", &[]),
            ScaffoldError::SlugWithTranslate => messages.text("scaffold-slug-with-translate", &[]),
            ScaffoldError::NoSource(p) => messages.text("scaffold-no-source", &[("path", path(p))]),
            ScaffoldError::AlreadyListed(code) => messages.text("scaffold-already-listed", &[("lang", code.into())]),
            ScaffoldError::NoLanguages => messages.text("scaffold-no-languages", &[]),
            ScaffoldError::Site(diagnostic) => diagnostic.render(messages),
            ScaffoldError::Io { path: p, source } => messages.text(
                "scaffold-io",
                &[("path", path(p)), ("detail", source.to_string().into())],
            ),
        }
    }
}

fn write_new(path: &Path, text: &str) -> Result<(), ScaffoldError> {
    let io = |source| ScaffoldError::Io {
        path: path.to_path_buf(),
        source,
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|source| {
            if source.kind() == std::io::ErrorKind::AlreadyExists {
                ScaffoldError::Exists(path.to_path_buf())
            } else {
                io(source)
            }
        })?;
    std::io::Write::write_all(&mut file, text.as_bytes()).map_err(io)
}

/// The front matter and body of a new page of `section`: the required
/// fields to fill in, the others commented out, each explained.
pub fn page_template(section: Section, today: &str, messages: &Messages) -> String {
    let (fields, _) = fields_of(section);
    let mut text = String::from("---\n");
    for field in fields {
        let description = messages.text(&format!("field-{}", field.name), &[]);
        let line = if field.required {
            let value = required_value(field, today, messages);
            format!("{}: {value}", field.name)
        } else {
            format!("# {}: {}", field.name, example_value(field, today))
        };
        let required = if field.required {
            format!(" ({})", messages.text("new-required", &[]))
        } else {
            String::new()
        };
        text.push_str(&format!("{line:<40} # {description}{required}\n"));
    }
    text.push_str("---\n\n");
    let body = match section {
        Section::Procedures => "new-body-procedure",
        Section::Offices => "new-body-office",
        _ => "new-body-other",
    };
    text.push_str(&messages.text(body, &[]));
    text.push('\n');
    text
}

/// What a required field is filled with in a new page: something that
/// builds, for the volunteer to replace.
fn required_value(field: &Field, today: &str, messages: &Messages) -> String {
    match field.kind {
        FieldKind::Date => today.to_owned(),
        FieldKind::Sources | FieldKind::Lines | FieldKind::Refs(_) | FieldKind::Topics | FieldKind::Languages => {
            "[]".to_owned()
        }
        FieldKind::Comuni => "all".to_owned(),
        _ => format!("\"{}\"", messages.text("new-placeholder", &[])),
    }
}

/// An example of an optional field's value, in the comment that offers it.
fn example_value(field: &Field, today: &str) -> String {
    match field.kind {
        FieldKind::Date => today.to_owned(),
        FieldKind::Lines | FieldKind::Refs(_) | FieldKind::Topics | FieldKind::Languages | FieldKind::Sources => {
            "[]".to_owned()
        }
        FieldKind::Comuni => "all".to_owned(),
        FieldKind::Url => "https://".to_owned(),
        FieldKind::Phones => "[\"+39 0865 000000\"]".to_owned(),
        FieldKind::Hours => "\"Mo-Fr 09:00-12:00\"".to_owned(),
        FieldKind::Geo => "[41.59, 14.23]".to_owned(),
        FieldKind::Istat => "\"094023\"".to_owned(),
        FieldKind::TranslatedBy => "machine".to_owned(),
        _ => "\"\"".to_owned(),
    }
}

fn section_named(name: &str) -> Result<Section, ScaffoldError> {
    Section::from_folder(name).ok_or_else(|| ScaffoldError::UnknownSection(name.into()))
}

fn site_config(site: &Path) -> Result<crate::config::SiteConfig, ScaffoldError> {
    load_site_config(site).map_err(|d| ScaffoldError::Site(Box::new(d)))
}

/// `sportello new <section> <slug>`: a new source page.
pub fn new_page(
    site: &Path,
    section: &str,
    slug: &str,
    today: &str,
    messages: &Messages,
) -> Result<PathBuf, ScaffoldError> {
    let section = section_named(section)?;
    let slug = Slug::parse(slug).map_err(|_| ScaffoldError::BadName(slug.into()))?;
    site_config(site)?;
    let path = site.join("content").join(section.folder()).join(format!("{slug}.md"));
    write_new(&path, &page_template(section, today, messages))?;
    Ok(path)
}

/// `sportello new --translate <lang> <section>/<slug>`: a translation
/// skeleton with the text fields and body to translate, and no facts.
pub fn new_translation(
    site: &Path,
    lang: &str,
    page: &str,
    today: &str,
    messages: &Messages,
) -> Result<PathBuf, ScaffoldError> {
    let config = site_config(site)?;
    let lang = LangCode::parse(lang).map_err(|_| ScaffoldError::BadLanguage(lang.into()))?;
    if lang == config.source_language {
        return Err(ScaffoldError::SourceLanguage(lang.to_string()));
    }
    let page = page.trim_end_matches(".md");
    let (section_name, slug) = page
        .split_once('/')
        .ok_or_else(|| ScaffoldError::PageForm(page.into()))?;
    let section = section_named(section_name)?;
    let slug = Slug::parse(slug).map_err(|_| ScaffoldError::BadName(slug.into()))?;
    let folder = site.join("content").join(section.folder());
    let source_path = folder.join(format!("{slug}.md"));
    let bytes = std::fs::read(&source_path).map_err(|_| ScaffoldError::NoSource(source_path.clone()))?;
    let relative = source_path.strip_prefix(site).unwrap_or(&source_path).to_path_buf();
    let source = crate::text_file::decode_text(&bytes).map_err(|(line, column)| {
        ScaffoldError::Site(Box::new(
            Diagnostic::new(crate::diagnostics::Code::NotUtf8, &relative, line).at_column(column),
        ))
    })?;
    let split = front_matter::split(&source)
        .map_err(|e| ScaffoldError::Site(Box::new(Diagnostic::new(e.code, &relative, e.line))))?;
    let mapping: serde_norway::Mapping = serde_norway::from_str(split.yaml).unwrap_or_default();
    let mut yaml = serde_norway::Mapping::new();
    for field in fields_of(section).1 {
        let key = field.name;
        if matches!(key, "source_updated" | "translated_by") {
            continue;
        }
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
            "source_updated: {updated}   # {}\n",
            messages.text("new-source-updated", &[])
        ));
    }
    text.push_str(&format!(
        "translated_by: machine   # {}\n",
        messages.text("new-translated-by", &[])
    ));
    text.push_str(&format!(
        "# {}\n---\n",
        messages.text(
            "new-translate-note",
            &[("lang", lang.to_string().into()), ("today", today.into())]
        )
    ));
    text.push_str(split.body);
    let path = folder.join(format!("{slug}.{lang}.md"));
    write_new(&path, &text)?;
    Ok(path)
}

/// The theme whose languages a new portal or language is checked against.
fn builtin_theme() -> crate::theme::Theme {
    crate::theme::Theme::builtin()
}

/// An i18n file for a language the theme does not speak: the English
/// strings to translate, each with the comment saying where it appears.
fn language_file(code: &LangCode, messages: &Messages) -> String {
    let theme = builtin_theme();
    let english = theme.languages.get("en").cloned().unwrap_or_default();
    let strings = english
        .split_once("\nstrings:\n")
        .map_or(String::new(), |(_, strings)| strings.to_owned());
    format!(
        "name: \"{code}\"   # {}\ndir: ltr\n# {}\nstrings:\n{strings}",
        messages.text("new-language-name", &[]),
        messages.text("new-language-strings", &[])
    )
}

/// `sportello init DIR --languages it,en,…`: a new portal that builds at
/// once. Languages the theme speaks need no i18n file.
pub fn init(dir: &Path, languages: &[String], today: &str, messages: &Messages) -> Result<Vec<PathBuf>, ScaffoldError> {
    if dir.join("site.yaml").exists() {
        return Err(ScaffoldError::Exists(dir.join("site.yaml")));
    }
    let codes: Vec<LangCode> = languages
        .iter()
        .map(|code| LangCode::parse(code.trim()).map_err(|_| ScaffoldError::BadLanguage(code.clone())))
        .collect::<Result<_, _>>()?;
    let Some(source) = codes.first() else {
        return Err(ScaffoldError::NoLanguages);
    };
    let theme = builtin_theme();
    let mut written = Vec::new();
    let mut put = |rel: &str, text: String| -> Result<(), ScaffoldError> {
        let path = dir.join(rel);
        write_new(&path, &text)?;
        written.push(path);
        Ok(())
    };
    let list = codes.iter().map(LangCode::as_str).collect::<Vec<_>>().join(", ");
    put(
        "site.yaml",
        format!("# The portal's settings. No translatable text here: that goes in the pages, and in i18n/<lang>.yaml for a language the theme does not speak.\nbase_url: https://example.org          # where the site is published\nsource_language: {source}                     # the language every page is first written in\nlanguages: [{list}]         # order of the language switcher\ntopics: [documenti, salute, scuola, lavoro, casa, lingua, legale, famiglia]\nreview_after_days: 365                  # a page not reviewed for this long is flagged\nhelp_desk: sportello                    # the office page of the help desk\n"),
    )?;
    for code in &codes {
        if !theme.languages.contains_key(code.as_str()) {
            put(&format!("i18n/{code}.yaml"), language_file(code, messages))?;
        }
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
        put(".gitignore", "/public/\n/.public.*\n/.sportello-cache/\n".into())?;
    }
    Ok(written)
}

/// `sportello add-language <code>`: the language added to site.yaml's
/// `languages`, and an i18n file written only if the theme does not speak
/// it. Nothing else is touched. Returns the file written, if any.
pub fn add_language(site: &Path, code: &str) -> Result<Option<PathBuf>, ScaffoldError> {
    let config = site_config(site)?;
    let lang = LangCode::parse(code).map_err(|_| ScaffoldError::BadLanguage(code.into()))?;
    if config.languages.contains(&lang) {
        return Err(ScaffoldError::AlreadyListed(code.into()));
    }
    let theme = crate::theme::Theme::load(site, &config.theme).map_err(|d| ScaffoldError::Site(Box::new(d)))?;
    let file = if theme.languages.contains_key(lang.as_str()) {
        None
    } else {
        let rel = PathBuf::from("i18n").join(format!("{lang}.yaml"));
        let messages = Messages::of(crate::messages::ToolLanguage::for_site(config.tool_language.as_deref()));
        write_new(&site.join(&rel), &language_file(&lang, messages))?;
        Some(rel)
    };
    let path = site.join("site.yaml");
    let io = |source| ScaffoldError::Io {
        path: path.clone(),
        source,
    };
    let text = std::fs::read_to_string(&path).map_err(io)?;
    let added = with_language(&text, &lang);
    std::fs::write(&path, added).map_err(io)?;
    Ok(file)
}

/// site.yaml's text with `lang` at the end of `languages`, written in the
/// same style (`[a, b]` or one `- a` a line); every other line as it was.
fn with_language(text: &str, lang: &LangCode) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    if let Some(i) = lines.iter().position(|l| l.starts_with("languages:")) {
        let line = &lines[i];
        if let Some(close) = line.find(']') {
            let before = &line[..close];
            let separator = if before.trim_end().ends_with('[') { "" } else { ", " };
            lines[i] = format!("{}{separator}{lang}{}", before.trim_end(), &line[close..]);
        } else {
            let mut end = i + 1;
            while end < lines.len() && lines[end].trim_start().starts_with('-') {
                end += 1;
            }
            let indent = lines.get(i + 1).map(|l| l.len() - l.trim_start().len()).unwrap_or(2);
            lines.insert(end, format!("{}- {lang}", " ".repeat(indent)));
        }
    }
    let mut out = lines.join("\n");
    if text.ends_with('\n') {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_is_added_in_the_style_of_the_list() {
        let lang = LangCode::parse("ps").unwrap();
        assert_eq!(
            with_language("a: 1\nlanguages: [it, en]   # order\nb: 2\n", &lang),
            "a: 1\nlanguages: [it, en, ps]   # order\nb: 2\n"
        );
        assert_eq!(
            with_language("languages:\n  - it\n  - en\ntopics: []\n", &lang),
            "languages:\n  - it\n  - en\n  - ps\ntopics: []\n"
        );
    }
}
