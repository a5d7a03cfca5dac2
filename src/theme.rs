//! The theme: templates, static files and the interface strings of every
//! language it speaks, built into the binary and overridden file by file by
//! a site's themes/<name>/.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use walkdir::WalkDir;

use crate::diagnostics::{Code, Diagnostic};

/// A file of the built-in default theme.
struct Embedded {
    path: &'static str,
    text: &'static str,
}

macro_rules! embed {
    ($($path:literal),* $(,)?) => {
        &[$(Embedded { path: $path, text: include_str!(concat!("../themes/default/", $path)) }),*]
    };
}

const DEFAULT_THEME: &[Embedded] = embed!(
    "i18n/ar.yaml",
    "i18n/bn.yaml",
    "i18n/en.yaml",
    "i18n/es.yaml",
    "i18n/fa.yaml",
    "i18n/fr.yaml",
    "i18n/hi.yaml",
    "i18n/it.yaml",
    "i18n/pa.yaml",
    "i18n/ps.yaml",
    "i18n/pt.yaml",
    "i18n/ro.yaml",
    "i18n/ru.yaml",
    "i18n/so.yaml",
    "i18n/sq.yaml",
    "i18n/ti.yaml",
    "i18n/tl.yaml",
    "i18n/tr.yaml",
    "i18n/uk.yaml",
    "i18n/ur.yaml",
    "i18n/wo.yaml",
    "i18n/zh.yaml",
    "templates/base.html",
    "templates/components.html",
    "templates/partials/notice.html",
    "templates/partials/dates.html",
    "templates/partials/glossary_box.html",
    "templates/partials/contact.html",
    "templates/partials/ask.html",
    "templates/home.html",
    "templates/page.html",
    "templates/list.html",
    "templates/topics.html",
    "templates/search.html",
    "templates/not_found.html",
    "templates/choose_language.html",
    "templates/status.html",
    "templates/sw.js",
    "static/style.css",
    "static/app.js",
);

/// The theme's files after overrides: templates by name, static files by
/// path, and the default strings.
#[derive(Debug, Clone)]
pub struct Theme {
    /// The name in site.yaml (`default` unless the site names its own).
    pub name: String,
    pub templates: BTreeMap<String, String>,
    /// The templates the site's own folder replaces or adds.
    pub overridden_templates: Vec<String>,
    pub statics: BTreeMap<String, Vec<u8>>,
    /// The interface strings of each language the theme speaks, by code:
    /// the text of `i18n/<code>.yaml`. English holds every key.
    pub languages: BTreeMap<String, String>,
}

/// A static file with its fingerprinted name (`style.3f2a9c1b.css`).
#[derive(Debug, Clone)]
pub struct Asset {
    pub path: String,
    pub bytes: Vec<u8>,
}

impl Theme {
    /// The built-in theme, as a site without a theme folder gets it.
    pub fn builtin() -> Self {
        let mut theme = Theme {
            name: "default".into(),
            templates: BTreeMap::new(),
            overridden_templates: Vec::new(),
            statics: BTreeMap::new(),
            languages: BTreeMap::new(),
        };
        for file in DEFAULT_THEME {
            theme.insert(file.path, file.text.as_bytes().to_vec());
        }
        theme
    }

    /// The built-in theme overridden by `site/themes/<name>/`.
    pub fn load(site: &Path, name: &str) -> Result<Self, Diagnostic> {
        let mut theme = Theme {
            name: name.to_owned(),
            ..Self::builtin()
        };
        let folder = site.join("themes").join(name);
        if name != "default" && !folder.is_dir() {
            return Err(Diagnostic::new(Code::ThemeMissing, "site.yaml", 0).arg("name", name));
        }
        if folder.is_dir() {
            for entry in WalkDir::new(&folder)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
            {
                if !entry.file_type().is_file() {
                    continue;
                }
                let rel = entry.path().strip_prefix(&folder).unwrap_or(entry.path());
                let rel = rel.to_string_lossy().replace('\\', "/");
                let bytes = std::fs::read(entry.path()).map_err(|err| {
                    Diagnostic::new(
                        Code::ThemeFileUnreadable,
                        PathBuf::from("themes").join(name).join(&rel),
                        0,
                    )
                    .arg("detail", err.to_string())
                })?;
                if let Some(template) = rel.strip_prefix("templates/") {
                    theme.overridden_templates.push(template.to_owned());
                }
                theme.insert(&rel, bytes);
            }
        }
        Ok(theme)
    }

    fn insert(&mut self, rel: &str, bytes: Vec<u8>) {
        if let Some(name) = rel.strip_prefix("templates/") {
            self.templates
                .insert(name.to_owned(), String::from_utf8_lossy(&bytes).into_owned());
        } else if let Some(name) = rel.strip_prefix("static/") {
            self.statics.insert(name.to_owned(), bytes);
        } else if let Some(code) = rel.strip_prefix("i18n/").and_then(|name| name.strip_suffix(".yaml")) {
            self.languages
                .insert(code.to_owned(), String::from_utf8_lossy(&bytes).into_owned());
        }
    }

    /// Static files with content-hashed names, under `static/`.
    pub fn assets(&self) -> BTreeMap<String, Asset> {
        self.statics
            .iter()
            .map(|(name, bytes)| (name.clone(), fingerprint("static", name, bytes.clone())))
            .collect()
    }
}

/// Names a file by its content: `dir/stem.<hash>.ext`.
pub fn fingerprint(dir: &str, name: &str, bytes: Vec<u8>) -> Asset {
    let hash = Sha256::digest(&bytes);
    let short: String = hash.iter().take(5).map(|b| format!("{b:02x}")).collect();
    let path = match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{dir}/{stem}.{short}.{ext}"),
        None => format!("{dir}/{name}.{short}"),
    };
    Asset { path, bytes }
}
