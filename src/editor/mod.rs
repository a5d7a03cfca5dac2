//! The browser editor for volunteers who never open a terminal: Sveltia
//! CMS, vendored from its npm package, served by the site under `admin/`,
//! with a configuration made from the content schema — one collection a
//! section, the widget of each field from its kind, hints from the same
//! descriptions `sportello new` writes as comments — so that a field added
//! to the schema appears in the editor, in Italian and in English.
//!
//! `config.rs` makes the configuration, `fields.rs` each field, `labels.rs`
//! the names of sections and topics, `page.rs` the page, `assets.rs` the
//! fixed files; `editor.js` is the page's glue with the CMS.

mod assets;
mod config;
mod fields;
mod labels;
mod page;

pub use assets::SVELTIA_VERSION;
pub use fields::hours_pattern;
pub use labels::Labels;

use crate::messages::{Messages, ToolLanguage};
use crate::output::OutputFile;
use crate::site::Site;

/// The folder of the published site the editor lives in.
pub const FOLDER: &str = "admin";

/// Every file of the editor: `admin/index.html`, a configuration for each
/// language the tool speaks (`config.<lang>.yml`, and `config.yml` in the
/// portal's tool language), the CMS and the glue. `stylesheet` is the
/// portal's stylesheet (`static/style.<hash>.css`), for the preview.
pub fn files(site: &Site, labels: &Labels, stylesheet: Option<&str>) -> Vec<OutputFile> {
    // The portal's own tool language, never the build machine's.
    let default = site
        .config
        .tool_language
        .as_deref()
        .and_then(ToolLanguage::from_code)
        .unwrap_or(ToolLanguage::ENGLISH);
    let mut files = vec![OutputFile {
        path: format!("{FOLDER}/index.html"),
        bytes: page::index_html(&site.config, default, stylesheet).into_bytes(),
    }];
    for language in ToolLanguage::all() {
        let yaml = config_yaml(site, labels, language);
        if language == default {
            files.push(OutputFile {
                path: format!("{FOLDER}/config.yml"),
                bytes: yaml.clone().into_bytes(),
            });
        }
        files.push(OutputFile {
            path: format!("{FOLDER}/{}", page::config_file(language)),
            bytes: yaml.into_bytes(),
        });
    }
    files.extend(assets::ASSETS.iter().map(|asset| OutputFile {
        path: format!("{FOLDER}/{}", asset.path),
        bytes: asset.bytes.to_vec(),
    }));
    files
}

/// The configuration in `language`, as YAML.
fn config_yaml(site: &Site, labels: &Labels, language: ToolLanguage) -> String {
    let context = config::Context {
        site: &site.config,
        messages: Messages::of(language),
        labels,
    };
    let config = config::cms_config(&context);
    let mut yaml = format!(
        "# {}\n",
        Messages::of(language).text("editor-config-comment", &[("version", SVELTIA_VERSION.trim().into())])
    );
    yaml.push_str(&serde_norway::to_string(&config).unwrap_or_default());
    yaml
}
