//! The site's settings (site.yaml); its languages (i18n/<code>.yaml) in
//! [`languages`].

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::content::{LangCode, Slug};
use crate::diagnostics::{nearest, Code, Diagnostic};
use crate::text_file::decode_text;

mod languages;

pub use languages::{load_languages, theme_strings, Direction, Language, Reviewed, StringsFile};

/// site.yaml: the portal's settings. It holds no translatable text.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Where the site is published, for absolute links search engines need.
    pub base_url: String,
    /// The language every page is first written in.
    pub source_language: LangCode,
    /// The languages, in the order of the language switcher.
    pub languages: Vec<LangCode>,
    /// The theme: built in, and overridden file by file by themes/<name>/.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// The topics pages can be filed under.
    #[serde(default)]
    pub topics: Vec<Slug>,
    /// A page not reviewed for this many days is flagged.
    #[serde(default = "default_review_days")]
    pub review_after_days: u32,
    /// Optional: where volunteers edit files online (for example a
    /// repository's edit address ending in `/`); the translation dashboard
    /// links each file there.
    #[serde(default)]
    pub edit_url: Option<String>,
    /// Optional: the language sportello speaks to the portal's volunteers
    /// (`it`, `en`), when neither `--lang` nor the environment says.
    #[serde(default)]
    pub tool_language: Option<String>,
    /// Optional: the office page (an offices/ slug) of the help desk. Its
    /// contact is shown in every page's footer and wherever a page tells
    /// readers to ask the help desk.
    #[serde(default)]
    pub help_desk: Option<Slug>,
    /// Optional: where the browser editor (`/admin/`) saves, once a
    /// volunteer signs in. Without it the editor works on a folder of the
    /// volunteer's own computer, opened from `sportello serve`.
    #[serde(default)]
    pub editor: Option<EditorConfig>,
}

/// site.yaml's `editor:`: the Git host and repository the browser editor
/// reads and writes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditorConfig {
    /// `github`, `gitlab` or `gitea` (Gitea and Forgejo, Codeberg too).
    pub host: GitHost,
    /// The repository, `owner/name` (GitLab: `group/project`, subgroups too).
    pub repo: String,
    /// The branch to save to; the repository's default branch otherwise.
    #[serde(default)]
    pub branch: Option<String>,
    /// The host's API address, for a GitLab or Gitea of one's own
    /// (`https://git.example.org/api/v1`); the public host's otherwise.
    #[serde(default)]
    pub api_root: Option<String>,
    /// The address of the sign-in helper (an OAuth client such as Sveltia
    /// CMS Authenticator); without it volunteers sign in with an access
    /// token.
    #[serde(default)]
    pub auth_url: Option<String>,
    /// The OAuth application's id (GitLab and Gitea sign-in without a helper).
    #[serde(default)]
    pub app_id: Option<String>,
}

/// The Git hosts the browser editor can save to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GitHost {
    Github,
    Gitlab,
    Gitea,
}

impl GitHost {
    /// The host's name in the editor's configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            GitHost::Github => "github",
            GitHost::Gitlab => "gitlab",
            GitHost::Gitea => "gitea",
        }
    }

    /// The public host's API, where `api_root` does not name another.
    pub fn public_api(self) -> &'static str {
        match self {
            GitHost::Github => "https://api.github.com",
            GitHost::Gitlab => "https://gitlab.com/api/v4",
            GitHost::Gitea => "https://gitea.com/api/v1",
        }
    }
}

impl EditorConfig {
    /// Whether `repo` is `owner/name` (GitLab allows subgroups:
    /// `group/sub/project`), each part letters, digits, `-`, `_` or `.`.
    pub fn repo_is_valid(&self) -> bool {
        let parts: Vec<&str> = self.repo.split('/').collect();
        let enough = match self.host {
            GitHost::Gitlab => parts.len() >= 2,
            GitHost::Github | GitHost::Gitea => parts.len() == 2,
        };
        enough
            && parts.iter().all(|part| {
                !part.is_empty()
                    && part
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
            })
    }
}

fn default_theme() -> String {
    "default".into()
}

fn default_review_days() -> u32 {
    365
}

const SITE_FIELDS: &[&str] = &[
    "base_url",
    "source_language",
    "languages",
    "theme",
    "topics",
    "review_after_days",
    "edit_url",
    "help_desk",
    "tool_language",
    "editor",
];

impl SiteConfig {
    /// `base_url` without a trailing `/`.
    pub fn base(&self) -> &str {
        self.base_url.trim_end_matches('/')
    }

    /// The path of the site's address on its host, ending in `/`:
    /// `/portal/` for `https://example.org/portal`.
    pub fn base_path(&self) -> String {
        path_of_address(&self.base_url)
    }
}

/// The path of a web address, ending in `/`.
fn path_of_address(address: &str) -> String {
    let after_scheme = address.split_once("://").map_or(address, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |slash| &after_scheme[slash..]);
    format!("{}/", path.trim_end_matches('/'))
}

/// Reads site.yaml.
pub fn load_site_config(site: &Path) -> Result<SiteConfig, Diagnostic> {
    let path = PathBuf::from("site.yaml");
    let text = read_text(site, &path)?;
    let config: SiteConfig =
        serde_norway::from_str(&text).map_err(|err| yaml_error(Code::SiteYaml, &path, &err, SITE_FIELDS))?;
    let line_of = |key: &str| key_line(&text, key);
    if config.languages.is_empty() {
        return Err(Diagnostic::new(Code::LanguagesEmpty, &path, line_of("languages")));
    }
    if !config.languages.contains(&config.source_language) {
        return Err(
            Diagnostic::new(Code::SourceLanguageNotListed, &path, line_of("source_language"))
                .arg("lang", config.source_language.as_str()),
        );
    }
    if !(config.base_url.starts_with("https://") || config.base_url.starts_with("http://")) {
        return Err(Diagnostic::new(Code::BaseUrlInvalid, &path, line_of("base_url")).arg("url", &config.base_url));
    }
    let mut seen = std::collections::HashSet::new();
    for lang in &config.languages {
        if !seen.insert(lang) {
            return Err(
                Diagnostic::new(Code::LanguageListedTwice, &path, line_of("languages")).arg("lang", lang.as_str())
            );
        }
    }
    if let Some(editor) = &config.editor {
        if !editor.repo_is_valid() {
            return Err(Diagnostic::new(Code::EditorRepo, &path, line_of("repo"))
                .arg("repo", &editor.repo)
                .arg("host", editor.host.as_str()));
        }
        for (key, address) in [("api_root", &editor.api_root), ("auth_url", &editor.auth_url)] {
            if let Some(address) = address.as_deref().filter(|a| !a.starts_with("https://")) {
                return Err(Diagnostic::new(Code::EditorAddress, &path, line_of(key))
                    .arg("key", key)
                    .arg("url", address));
            }
        }
    }
    if let Some(tool) = &config.tool_language {
        if crate::messages::ToolLanguage::from_code(tool).is_none() {
            return Err(
                Diagnostic::new(Code::UnknownToolLanguage, &path, line_of("tool_language"))
                    .arg("lang", tool)
                    .arg("languages", tool_languages()),
            );
        }
    }
    Ok(config)
}

fn read_text(site: &Path, path: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(site.join(path)).map_err(|err| {
        if path == Path::new("site.yaml") && err.kind() == std::io::ErrorKind::NotFound {
            Diagnostic::new(Code::NoSiteYaml, path, 0).arg("folder", site.display().to_string())
        } else {
            Diagnostic::new(Code::CannotReadFile, path, 0).arg("detail", err.to_string())
        }
    })?;
    decode_text(&bytes).map_err(|(line, column)| Diagnostic::new(Code::NotUtf8, path, line).at_column(column))
}

/// A YAML or schema error with its line: an unknown key as such, with the
/// nearest known one; any other as `code`.
fn yaml_error(code: Code, path: &Path, err: &serde_norway::Error, fields: &[&str]) -> Diagnostic {
    let message = err.to_string();
    let message = message.split(" at line ").next().unwrap_or(&message).to_owned();
    let (line, column) = err.location().map_or((0, 0), |l| (l.line(), l.column()));
    // `unknown field …`, or `editor: unknown field …` inside a section.
    let unknown = message
        .split_once("unknown field `")
        .and_then(|(_, rest)| rest.split('`').next());
    // A key unknown inside a nested section (`editor:`) is matched with
    // the keys of that section, which serde's message lists.
    let expected = expected_fields(&message);
    let fields: Vec<&str> = if expected.is_empty() { fields.to_vec() } else { expected };
    match unknown {
        Some(unknown) => Diagnostic::new(Code::UnknownField, path, line)
            .at_column(column)
            .arg("field", unknown)
            .arg("known", nearest(unknown, fields.iter().copied()).unwrap_or("none"))
            .arg("fields", fields.join(", ")),
        None => Diagnostic::new(code, path, line)
            .at_column(column)
            .arg("detail", message)
            .arg("known", "none"),
    }
}

/// The keys serde's "unknown field" message says it expected:
/// "… expected one of `a`, `b`" or "… expected `a`".
fn expected_fields(message: &str) -> Vec<&str> {
    let Some((_, list)) = message.split_once("expected ") else {
        return Vec::new();
    };
    list.split('`').skip(1).step_by(2).collect()
}

/// The line of a top-level key of a YAML text, or 0.
fn key_line(text: &str, key: &str) -> usize {
    text.lines()
        .position(|line| line.split_once(':').is_some_and(|(k, _)| k.trim() == key))
        .map_or(0, |index| index + 1)
}

/// The languages the tool speaks, for messages.
fn tool_languages() -> String {
    crate::messages::ToolLanguage::all()
        .map(|l| l.code())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_of_the_site_on_its_host() {
        assert_eq!(path_of_address("https://example.org/portal/"), "/portal/");
        assert_eq!(path_of_address("https://example.org/a/b"), "/a/b/");
        assert_eq!(path_of_address("https://example.org"), "/");
        assert_eq!(path_of_address("https://example.org/"), "/");
    }
}
