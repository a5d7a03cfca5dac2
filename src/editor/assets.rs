//! The editor's files that are the same in every portal: Sveltia CMS's
//! script, its chunk, its fonts and the two libraries it imports for the
//! features used here (vendored from npm by scripts/vendor-editor.sh, see
//! vendor/README.md), the `yaml` library it uses, and the glue script of
//! this module (`editor.js`).

/// A file written under `admin/`.
pub struct Asset {
    pub path: &'static str,
    pub bytes: &'static [u8],
}

macro_rules! vendored {
    ($($path:literal => $file:literal),* $(,)?) => {
        &[$(Asset { path: $path, bytes: include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/", $file)) }),*]
    };
}

/// Every fixed file, by its path under `admin/`.
pub const ASSETS: &[Asset] = vendored!(
    "sveltia-cms.js" => "vendor/sveltia-cms/sveltia-cms.js",
    "chunks/react-dom.js" => "vendor/sveltia-cms/chunks/react-dom.js",
    "fonts/source-sans-3-latin-wght-normal.woff2" => "vendor/sveltia-cms/fonts/source-sans-3-latin-wght-normal.woff2",
    "fonts/noto-mono-latin-400-normal.woff2" => "vendor/sveltia-cms/fonts/noto-mono-latin-400-normal.woff2",
    "fonts/material-symbols-outlined-latin-wght-normal.woff2" => "vendor/sveltia-cms/fonts/material-symbols-outlined-latin-wght-normal.woff2",
    "locales/it.json" => "vendor/sveltia-cms/locales/it.json",
    "LICENSE-sveltia-cms.txt" => "vendor/sveltia-cms/LICENSE.txt",
    "fonts/source-sans-3.LICENSE.txt" => "vendor/sveltia-cms/fonts/source-sans-3.LICENSE.txt",
    "fonts/noto-mono.LICENSE.txt" => "vendor/sveltia-cms/fonts/noto-mono.LICENSE.txt",
    "fonts/material-symbols-outlined.LICENSE.txt" => "vendor/sveltia-cms/fonts/material-symbols-outlined.LICENSE.txt",
    "npm/immutable/dist/immutable.es.js" => "vendor/sveltia-cms/npm/immutable/dist/immutable.es.js",
    "npm/immutable/LICENSE.txt" => "vendor/sveltia-cms/npm/immutable/LICENSE",
    "npm/turndown/lib/turndown.browser.es.js" => "vendor/sveltia-cms/npm/turndown/lib/turndown.browser.es.js",
    "npm/turndown/LICENSE.txt" => "vendor/sveltia-cms/npm/turndown/LICENSE",
    "yaml.js" => "vendor/yaml/yaml.js",
    "LICENSE-yaml.txt" => "vendor/yaml/LICENSE",
    "editor.js" => "src/editor/editor.js",
);

/// The version of Sveltia CMS the editor runs.
pub const SVELTIA_VERSION: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/vendor/sveltia-cms/VERSION"));
