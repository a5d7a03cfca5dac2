//! `admin/index.html`: the editor's page. It loads only files of the site
//! (its security policy says so to the browser) and, once a volunteer
//! signs in, the Git host's API; search engines are asked not to index it.
//! What `editor.js` needs to know about the portal is in the page, as data.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::config::{EditorConfig, GitHost, SiteConfig};
use crate::content::schema::fields_of;
use crate::content::Section;
use crate::messages::{Messages, ToolLanguage};

/// What `editor.js` reads from the page.
#[derive(Debug, Serialize)]
struct Settings {
    format: &'static str,
    /// The configuration file of each language the editor speaks.
    configs: BTreeMap<&'static str, String>,
    default_language: &'static str,
    titles: BTreeMap<&'static str, String>,
    /// What the page says, published without a Git host, to a volunteer
    /// who opens it from elsewhere than their own computer.
    local_only: BTreeMap<&'static str, String>,
    git_host: bool,
    /// The portal's stylesheet, for the preview.
    stylesheet: Option<String>,
    collections: BTreeMap<&'static str, CollectionFields>,
}

/// The fields of a collection that a save treats apart.
#[derive(Debug, Serialize)]
struct CollectionFields {
    /// Only translations have them: never in the source file.
    translation_only: Vec<&'static str>,
    /// Only the source has them: never in a translation.
    facts: Vec<&'static str>,
    has_source_updated: bool,
}

/// The name of the configuration file for `language`.
pub fn config_file(language: ToolLanguage) -> String {
    format!("config.{}.yml", language.code())
}

/// The page, for a portal whose default tool language is `default`.
pub fn index_html(site: &SiteConfig, default: ToolLanguage, stylesheet: Option<&str>) -> String {
    let languages: Vec<ToolLanguage> = ToolLanguage::all().collect();
    let text = |id: &str| -> BTreeMap<&'static str, String> {
        languages
            .iter()
            .map(|l| (l.code(), Messages::of(*l).text(id, &[])))
            .collect()
    };
    let mut collections = BTreeMap::new();
    for section in std::iter::once(Section::Home).chain(Section::FOLDERS) {
        let (source, translation) = fields_of(section);
        let name = if section == Section::Home {
            "home"
        } else {
            section.folder()
        };
        collections.insert(
            name,
            CollectionFields {
                translation_only: translation
                    .iter()
                    .filter(|t| !source.iter().any(|s| s.name == t.name))
                    .map(|t| t.name)
                    .collect(),
                facts: source
                    .iter()
                    .filter(|s| !translation.iter().any(|t| t.name == s.name))
                    .map(|s| s.name)
                    .collect(),
                has_source_updated: translation.iter().any(|t| t.name == "source_updated"),
            },
        );
    }
    let settings = Settings {
        format: super::config::FORMAT,
        configs: languages.iter().map(|l| (l.code(), config_file(*l))).collect(),
        default_language: default.code(),
        titles: text("editor-title"),
        local_only: text("editor-local-only"),
        git_host: site.editor.is_some(),
        stylesheet: stylesheet.map(|path| format!("../{path}")),
        collections,
    };
    let data = serde_json::to_string(&settings)
        .unwrap_or_default()
        .replace('<', "\\u003c");
    let messages = Messages::of(default);
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex, nofollow\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n\
         <title>{title}</title>\n\
         <script type=\"application/json\" id=\"sportello-editor\">{data}</script>\n\
         <script src=\"yaml.js\"></script>\n<script src=\"editor.js\"></script>\n</head>\n\
         <body>\n<noscript>{noscript}</noscript>\n</body>\n</html>\n",
        lang = default.code(),
        policy = content_security_policy(site.editor.as_ref()),
        title = crate::html::escape_html(&messages.text("editor-title", &[])),
        noscript = crate::html::escape_html(&messages.text("editor-noscript", &[])),
    )
}

/// What the page may load: its own folder's files, and the Git host's API
/// (and, for GitHub, its status page and the volunteers' pictures).
pub fn content_security_policy(editor: Option<&EditorConfig>) -> String {
    let mut connect = vec!["'self'".to_owned(), "blob:".to_owned(), "data:".to_owned()];
    let mut images = vec!["'self'".to_owned(), "data:".to_owned(), "blob:".to_owned()];
    if let Some(editor) = editor {
        let api = editor.api_root.as_deref().unwrap_or(editor.host.public_api());
        connect.push(origin(api));
        // The volunteer's picture and the repository's images.
        images.push(origin(api));
        if editor.host == GitHost::Github && editor.api_root.is_none() {
            connect.push("https://www.githubstatus.com".to_owned());
            images.push("https://avatars.githubusercontent.com".to_owned());
        }
    }
    format!(
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src {}; \
         font-src 'self'; connect-src {}; manifest-src 'self' blob:; media-src 'self' blob:; frame-src 'self' blob:; \
         worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'",
        images.join(" "),
        connect.join(" ")
    )
}

/// `https://host` of an address.
fn origin(address: &str) -> String {
    let (scheme, rest) = address.split_once("://").unwrap_or(("https", address));
    let host = rest.split('/').next().unwrap_or(rest);
    format!("{scheme}://{host}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(extra: &str) -> SiteConfig {
        serde_norway::from_str(&format!(
            "base_url: https://sportello.example.org\nsource_language: it\nlanguages: [it, en]\n{extra}"
        ))
        .unwrap()
    }

    #[test]
    fn the_page_loads_nothing_from_elsewhere_but_the_git_host() {
        let local = content_security_policy(None);
        assert!(!local.contains("https:"), "{local}");
        assert!(local.contains("script-src 'self';"), "no inline script: {local}");
        let config = site("editor:\n  host: gitea\n  repo: a/b\n  api_root: https://git.example.org/api/v1\n");
        let gitea = content_security_policy(config.editor.as_ref());
        assert!(
            gitea.contains("connect-src 'self' blob: data: https://git.example.org;"),
            "{gitea}"
        );
        assert!(
            gitea.contains("img-src 'self' data: blob: https://git.example.org;"),
            "{gitea}"
        );
        let config = site("editor:\n  host: github\n  repo: a/b\n");
        assert!(content_security_policy(config.editor.as_ref()).contains("https://api.github.com"));
    }

    #[test]
    fn the_page_is_not_indexed_and_names_each_configuration() {
        let html = index_html(&site(""), ToolLanguage::ENGLISH, Some("static/style.1234.css"));
        assert!(html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"));
        assert!(html.contains("\"it\":\"config.it.yml\""), "{html}");
        assert!(html.contains("\"stylesheet\":\"../static/style.1234.css\""), "{html}");
        assert!(
            html.contains("\"translation_only\":[\"translation\",\"source_updated\",\"translated_by\"]"),
            "{html}"
        );
        assert!(!html.contains("<script>"), "no inline script");
    }
}
