//! `index.html` at the root: sends the reader to the language the browser
//! asks for, and lists every language in its own name.

use std::collections::BTreeMap;

use tera::Context;

use crate::diagnostics::Diagnostic;
use crate::output::OutputFile;
use crate::site::Site;

use super::shell::alternates;
use super::Renderer;

pub fn front_door(site: &Site, renderer: &Renderer) -> Result<OutputFile, Diagnostic> {
    let source = site.source_language();
    let titles: Vec<(&str, &str)> = site
        .languages
        .iter()
        .map(|l| (l.code.as_str(), renderer.strings.get(&l.code, "choose_language")))
        .collect();
    let assets: BTreeMap<&str, &str> = renderer
        .assets
        .iter()
        .map(|(name, asset)| (name.as_str(), asset.path.as_str()))
        .collect();
    let mut context = Context::new();
    context.insert("languages", &alternates(site, source, "", ""));
    context.insert("titles", &titles);
    context.insert_value("t", renderer.strings_value(source));
    context.insert("source", source.as_str());
    context.insert("x_default", &format!("{}/{}/", site.config.base(), source));
    context.insert("assets", &assets);
    Ok(OutputFile {
        path: "index.html".into(),
        bytes: renderer.engine.render("choose_language.html", &context)?,
    })
}
