//! The editor's configuration (`admin/config.<lang>.yml`), in Sveltia
//! CMS's format: the Git host of site.yaml's `editor:`, the portal's
//! languages, and one collection a section, whose fields come from the
//! content schema (`fields.rs`). One configuration a language the tool
//! speaks, since labels and hints are written in one language.

use serde::Serialize;

use super::fields::{self, EditorField};
use super::labels::Labels;
use crate::config::{EditorConfig, SiteConfig};
use crate::content::schema::fields_of;
use crate::content::Section;
use crate::messages::Messages;

/// The name of the file format `admin/editor.js` registers: YAML front
/// matter and a Markdown body, read and written as sportello wants them.
/// (Sveltia CMS checks that a `.md` file's format ends in `-frontmatter`.)
pub const FORMAT: &str = "sportello-frontmatter";

/// The whole configuration.
#[derive(Debug, Serialize)]
pub struct CmsConfig {
    pub backend: Backend,
    pub app_title: String,
    pub site_url: String,
    /// Where uploads would go: the editor offers none (pages link images
    /// by their https:// address), but the CMS wants a folder named.
    pub media_folder: &'static str,
    pub i18n: I18n,
    pub output: Output,
    pub slug: SlugOptions,
    pub collections: Vec<Collection>,
}

/// Where the editor reads and writes once a volunteer signs in.
#[derive(Debug, Serialize)]
pub struct Backend {
    pub name: &'static str,
    pub repo: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub branch: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_root: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auth_methods: Option<Vec<&'static str>>,
}

/// Translations beside their source: `<slug>.md` in the source language,
/// `<slug>.<lang>.md` in the others, a language saved only once written.
#[derive(Debug, Serialize)]
pub struct I18n {
    pub structure: &'static str,
    pub locales: Vec<String>,
    pub default_locale: String,
    pub initial_locales: &'static str,
    pub omit_default_locale_from_file_path: bool,
}

#[derive(Debug, Serialize)]
pub struct Output {
    /// An optional field left empty is left out of the file, as a
    /// volunteer writing by hand would.
    pub omit_empty_optional_fields: bool,
}

/// File names of new pages: lowercase ASCII letters, digits and `-`.
#[derive(Debug, Serialize)]
pub struct SlugOptions {
    pub encoding: &'static str,
    pub clean_accents: bool,
    pub sanitize_replacement: &'static str,
    pub maxlength: u32,
}

/// A section's folder, or the home page's file.
#[derive(Debug, Serialize)]
pub struct Collection {
    pub name: String,
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub folder: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extension: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub create: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identifier_field: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slug: Option<CollectionSlug>,
    pub i18n: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<Vec<EditorField>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub files: Option<Vec<CollectionFile>>,
}

/// A new page's file name: from its name or title, shown and editable
/// while the page is created, never after (links name the file).
#[derive(Debug, Serialize)]
pub struct CollectionSlug {
    pub template: String,
    pub editable: Vec<&'static str>,
    pub hint: String,
    pub pattern: [String; 2],
}

/// One file of a file collection: the home page.
#[derive(Debug, Serialize)]
pub struct CollectionFile {
    pub name: &'static str,
    pub label: String,
    pub file: String,
    pub format: &'static str,
    pub i18n: bool,
    pub fields: Vec<EditorField>,
}

/// Where the volunteer's edits go, and what the editor says.
pub struct Context<'a> {
    pub site: &'a SiteConfig,
    pub messages: &'static Messages,
    pub labels: &'a Labels,
}

/// The configuration for volunteers who read `context.messages`' language.
pub fn cms_config(context: &Context) -> CmsConfig {
    let site = context.site;
    let mut collections: Vec<Collection> = Section::FOLDERS
        .into_iter()
        .map(|section| section_collection(section, context))
        .collect();
    collections.insert(0, home_collection(context));
    CmsConfig {
        backend: backend(site.editor.as_ref(), site),
        app_title: context.messages.text("editor-title", &[]),
        site_url: site.base().to_owned(),
        media_folder: "static/uploads",
        i18n: I18n {
            structure: "multiple_files",
            locales: site.languages.iter().map(|l| l.to_string()).collect(),
            default_locale: site.source_language.to_string(),
            initial_locales: "default",
            omit_default_locale_from_file_path: true,
        },
        output: Output {
            omit_empty_optional_fields: true,
        },
        slug: SlugOptions {
            encoding: "ascii",
            clean_accents: true,
            sanitize_replacement: "-",
            maxlength: 80,
        },
        collections,
    }
}

/// The Git host of `editor:`; without one, a stand-in that only the
/// local-folder mode uses, with sign-in by token turned off (and sign-in
/// through a host's page cannot start without an application id).
fn backend(editor: Option<&EditorConfig>, site: &SiteConfig) -> Backend {
    match editor {
        Some(editor) => Backend {
            name: editor.host.as_str(),
            repo: editor.repo.clone(),
            branch: editor.branch.clone(),
            api_root: editor.api_root.clone(),
            base_url: editor.auth_url.clone(),
            app_id: editor.app_id.clone(),
            auth_methods: None,
        },
        // Gitea: the one host the CMS does not ask for its service status
        // (github and gitlab do, from another site, at every start).
        None => Backend {
            name: "gitea",
            repo: format!("local/{}", local_name(site)),
            branch: None,
            api_root: None,
            base_url: None,
            app_id: None,
            auth_methods: Some(vec!["token"]),
        },
    }
}

/// A name for the portal's folder in the local mode's texts: the first
/// part of the published address's host (`sportello-isernia`).
fn local_name(site: &SiteConfig) -> String {
    let host = site.base().split("://").nth(1).unwrap_or("portal");
    let first = host.split(['.', '/', ':']).next().unwrap_or("portal");
    if first.is_empty() {
        "portal".to_owned()
    } else {
        first.to_owned()
    }
}

/// The field a page is named by in each section.
pub fn identifier_field(section: Section) -> &'static str {
    match section {
        Section::Comuni | Section::Offices | Section::Services => "name",
        Section::Glossary => "term",
        Section::Procedures | Section::News | Section::Pages | Section::Home => "title",
    }
}

fn section_collection(section: Section, context: &Context) -> Collection {
    let messages = context.messages;
    let identifier = identifier_field(section);
    Collection {
        name: section.folder().to_owned(),
        label: context
            .labels
            .get(messages.language(), &format!("sections.{}", section.folder())),
        folder: Some(format!("content/{}", section.folder())),
        extension: Some("md"),
        format: Some(FORMAT),
        create: Some(true),
        identifier_field: Some(identifier),
        slug: Some(CollectionSlug {
            template: format!("{{{{{identifier}}}}}"),
            editable: vec!["create"],
            hint: messages.text("editor-slug", &[]),
            pattern: [
                "^[a-z0-9]+(-[a-z0-9]+)*$".to_owned(),
                messages.text("editor-slug-pattern", &[]),
            ],
        }),
        i18n: true,
        fields: Some(section_fields(section, context)),
        files: None,
    }
}

fn home_collection(context: &Context) -> Collection {
    let label = context.messages.text("editor-home", &[]);
    Collection {
        name: "home".to_owned(),
        label: label.clone(),
        folder: None,
        extension: None,
        format: None,
        create: None,
        identifier_field: None,
        slug: None,
        i18n: true,
        fields: None,
        files: Some(vec![CollectionFile {
            name: "home",
            label,
            file: "content/_index.{{locale}}.md".to_owned(),
            format: FORMAT,
            i18n: true,
            fields: section_fields(Section::Home, context),
        }]),
    }
}

/// The fields of a section: the source's, in its order, then those only
/// translations have, then the body.
pub fn section_fields(section: Section, context: &Context) -> Vec<EditorField> {
    let (source, translation) = fields_of(section);
    let languages = fields::Languages {
        source: context.site.source_language.to_string(),
        translations: context
            .site
            .languages
            .iter()
            .filter(|l| **l != context.site.source_language)
            .map(|l| l.to_string())
            .collect(),
    };
    let topics = &context.site.topics;
    let mut out: Vec<EditorField> = source
        .iter()
        .map(|field| {
            let in_translation = translation.iter().find(|t| t.name == field.name);
            let role = fields::Role::of(Some(field), in_translation);
            fields::editor_field(field, role, &languages, topics, context.messages, context.labels)
        })
        .collect();
    out.extend(
        translation
            .iter()
            .filter(|t| !source.iter().any(|s| s.name == t.name))
            .map(|field| {
                let role = fields::Role::of(None, Some(field));
                fields::editor_field(field, role, &languages, topics, context.messages, context.labels)
            }),
    );
    out.push(fields::body(section, context.messages));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::schema::FieldKind;
    use crate::messages::ToolLanguage;

    fn site(extra: &str) -> SiteConfig {
        serde_norway::from_str(&format!(
            "base_url: https://sportello.example.org\nsource_language: it\nlanguages: [it, en, ar]\ntopics: [documenti, salute]\n{extra}"
        ))
        .unwrap()
    }

    fn config(site: &SiteConfig, language: &str) -> CmsConfig {
        let labels = Labels::default();
        cms_config(&Context {
            site,
            messages: Messages::of(ToolLanguage::from_code(language).unwrap()),
            labels: &labels,
        })
    }

    fn fields_of_collection(config: &CmsConfig, name: &str) -> Vec<EditorField> {
        let collection = config.collections.iter().find(|c| c.name == name).unwrap();
        match (&collection.fields, &collection.files) {
            (Some(fields), _) => fields.clone(),
            (None, Some(files)) => files[0].fields.clone(),
            _ => panic!("{name} has no fields"),
        }
    }

    #[test]
    fn one_collection_a_section_and_the_home_page() {
        let config = config(&site(""), "en");
        let names: Vec<&str> = config.collections.iter().map(|c| c.name.as_str()).collect();
        let mut expected = vec!["home"];
        expected.extend(Section::FOLDERS.map(Section::folder));
        assert_eq!(names, expected);
        let offices = &config.collections[2];
        assert_eq!(offices.folder.as_deref(), Some("content/offices"));
        assert_eq!(offices.format, Some(FORMAT));
        let home = config.collections[0].files.as_ref().unwrap();
        assert_eq!(home[0].file, "content/_index.{{locale}}.md");
        assert_eq!(config.i18n.locales, ["it", "en", "ar"]);
        assert_eq!(config.i18n.default_locale, "it");
        assert!(config.i18n.omit_default_locale_from_file_path);
        assert_eq!(
            config.i18n.initial_locales, "default",
            "a new page is written in the source language only"
        );
    }

    #[test]
    fn every_field_of_the_schema_is_in_the_editor_facts_untranslated() {
        let config = config(&site(""), "it");
        for section in std::iter::once(Section::Home).chain(Section::FOLDERS) {
            let name = if section == Section::Home {
                "home"
            } else {
                section.folder()
            };
            let fields = fields_of_collection(&config, name);
            let (source, translation) = fields_of(section);
            for field in source.iter().chain(translation) {
                let editor = fields
                    .iter()
                    .find(|f| f.name == field.name)
                    .unwrap_or_else(|| panic!("{name}: no {} in the editor", field.name));
                let translated = translation.iter().any(|t| t.name == field.name);
                assert_eq!(editor.i18n, Some(translated), "{name}.{}", field.name);
                if !translated {
                    assert!(source.iter().any(|s| s.name == field.name));
                }
                if field.kind == FieldKind::Date {
                    assert_eq!(
                        (editor.widget, editor.input_type, editor.format),
                        ("datetime", Some("date"), Some("YYYY-MM-DD"))
                    );
                }
            }
            assert_eq!(
                fields.len(),
                {
                    let mut names: Vec<&str> = source.iter().chain(translation).map(|f| f.name).collect();
                    names.sort_unstable();
                    names.dedup();
                    names.len() + 1
                },
                "{name}: the schema's fields and the body, nothing else"
            );
            assert_eq!(fields.last().unwrap().widget, "markdown");
        }
    }

    #[test]
    fn references_search_by_name_and_store_the_slug() {
        let config = config(&site(""), "en");
        let procedures = fields_of_collection(&config, "procedures");
        let offices = procedures.iter().find(|f| f.name == "offices").unwrap();
        assert_eq!(offices.widget, "relation");
        assert_eq!(offices.collection, Some("offices"));
        assert_eq!(offices.value_field, Some("{{slug}}"));
        assert_eq!(offices.search_fields.as_deref(), Some(&["name"][..]));
        assert_eq!(offices.multiple, Some(true));
        let comune = fields_of_collection(&config, "offices")
            .into_iter()
            .find(|f| f.name == "comune")
            .unwrap();
        assert_eq!((comune.collection, comune.multiple), (Some("comuni"), Some(false)));
        let topics = procedures.iter().find(|f| f.name == "topics").unwrap();
        let values: Vec<&str> = topics
            .options
            .as_ref()
            .unwrap()
            .iter()
            .map(|o| o.value.as_str())
            .collect();
        assert_eq!(values, ["documenti", "salute"]);
    }

    #[test]
    fn required_follows_the_source_and_the_translations() {
        let config = config(&site(""), "en");
        let procedures = fields_of_collection(&config, "procedures");
        let required = |name: &str| procedures.iter().find(|f| f.name == name).unwrap().required.clone();
        assert_eq!(required("title"), fields::Required::Always);
        assert_eq!(
            required("summary"),
            fields::Required::In(vec!["it".into()]),
            "a translation may leave the summary out"
        );
        assert_eq!(required("cost"), fields::Required::Never);
        let glossary = fields_of_collection(&config, "glossary");
        let translation = glossary.iter().find(|f| f.name == "translation").unwrap();
        assert_eq!(
            translation.required,
            fields::Required::In(vec!["en".into(), "ar".into()])
        );
    }

    #[test]
    fn every_field_has_a_label_and_a_hint_in_both_languages() {
        for language in ["it", "en"] {
            let config = config(&site(""), language);
            for collection in &config.collections {
                let fields = fields_of_collection(&config, &collection.name);
                for field in &fields {
                    assert!(
                        !field.label.starts_with("editor-"),
                        "{language}: no label for {}",
                        field.name
                    );
                    let hint = field.hint.as_deref().unwrap_or_default();
                    assert!(
                        hint.ends_with('.') && !hint.starts_with("field-") && !hint.starts_with("editor-"),
                        "{language}: {}: {hint}",
                        field.name
                    );
                }
            }
        }
    }

    #[test]
    fn the_git_host_of_site_yaml_or_the_local_folder() {
        let local = config(&site(""), "en");
        assert_eq!(
            local.backend.name, "gitea",
            "the one host the CMS asks no status page of"
        );
        assert_eq!(local.backend.repo, "local/sportello");
        assert_eq!(local.backend.auth_methods, Some(vec!["token"]));
        let github = config(
            &site("editor:\n  host: github\n  repo: help-desk/portal\n  branch: main\n"),
            "en",
        );
        assert_eq!(
            (github.backend.name, github.backend.repo.as_str()),
            ("github", "help-desk/portal")
        );
        assert_eq!(github.backend.branch.as_deref(), Some("main"));
        assert_eq!(github.backend.auth_methods, None);
    }
}
