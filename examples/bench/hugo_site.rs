//! The Hugo site: the generated site's pages written as Hugo content, with
//! a minimal theme, so that Hugo builds the same pages.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use sportello::content::front_matter;
use sportello_gen_site as gen_site;

use crate::timing::remove;

/// The fields of a generated page that its Hugo copy keeps.
#[derive(Deserialize)]
struct PageFields {
    title: Option<String>,
    name: Option<String>,
    translation: Option<String>,
    term: Option<String>,
    topics: Option<Vec<String>>,
    updated: Option<String>,
}

impl PageFields {
    /// The page's title, whichever field its section gives it in.
    fn title(self) -> Option<String> {
        self.title.or(self.name).or(self.translation).or(self.term)
    }
}

/// A generated page's front matter, split as sportello splits it, and its body.
fn read_page(path: &Path) -> io::Result<(PageFields, String)> {
    let text = fs::read_to_string(path)?;
    let invalid =
        |message: String| io::Error::new(io::ErrorKind::InvalidData, format!("{}: {message}", path.display()));
    let split = front_matter::split(&text).map_err(|err| invalid(format!("line {}: {}", err.line, err.code.id())))?;
    let fields = serde_norway::from_str(split.yaml).map_err(|err| invalid(err.to_string()))?;
    Ok((fields, split.body.to_owned()))
}

fn yaml_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

const HUGO_CONFIG: &str = r#"baseURL = "https://sportello-bench.example.org/"
title = "Sportello"
defaultContentLanguage = "it"
defaultContentLanguageInSubdir = true
enableRobotsTXT = false

[taxonomies]
topic = "topics"

[languages.it]
languageName = "Italiano"
weight = 1
[languages.it.params]
dir = "ltr"

[languages.en]
languageName = "English"
weight = 2
[languages.en.params]
dir = "ltr"

[languages.fr]
languageName = "Français"
weight = 3
[languages.fr.params]
dir = "ltr"

[languages.ar]
languageName = "العربية"
weight = 4
[languages.ar.params]
dir = "rtl"
"#;

const HUGO_BASEOF: &str = r#"<!DOCTYPE html>
<html lang="{{ .Language.Lang }}" dir="{{ .Site.Params.dir | default "ltr" }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ .Site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}</head>
<body>
<header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav>{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a> {{ end }}</nav></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"#;

const HUGO_SINGLE: &str = r#"{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time></p>
{{ .Content }}
{{ with .Params.topics }}<ul>{{ range . }}<li><a href="{{ (printf "/topics/%s/" (urlize .)) | relLangURL }}">{{ . }}</a></li>{{ end }}</ul>{{ end }}
</article>{{ end }}
"#;

const HUGO_LIST: &str = r#"{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
"#;

/// Converts the generated site's pages into a Hugo site in `dir`: the same
/// pages and bodies, `content/<section>/<slug>.<lang>.md` with title, date
/// and the source's topics. Returns the number of content files.
pub fn write_hugo_site(site: &Path, dir: &Path) -> io::Result<usize> {
    remove(dir);
    let layouts = dir.join("layouts/_default");
    fs::create_dir_all(&layouts)?;
    fs::write(dir.join("config.toml"), HUGO_CONFIG)?;
    fs::write(layouts.join("baseof.html"), HUGO_BASEOF)?;
    fs::write(layouts.join("single.html"), HUGO_SINGLE)?;
    fs::write(layouts.join("list.html"), HUGO_LIST)?;

    // (folder relative to content/, slug, lang, path), sources first.
    let mut files: Vec<(String, String, String, PathBuf)> = Vec::new();
    let content = site.join("content");
    let mut folders = vec![String::new()];
    for entry in fs::read_dir(&content)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            folders.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    for folder in &folders {
        for entry in fs::read_dir(content.join(folder))? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(stem) = name.strip_suffix(".md") else { continue };
            let (slug, lang) = match stem.rsplit_once('.') {
                Some((slug, lang)) if lang.len() == 2 => (slug.to_owned(), lang.to_owned()),
                _ => (stem.to_owned(), gen_site::LANGS[0].to_owned()),
            };
            files.push((folder.clone(), slug, lang, entry.path()));
        }
    }
    files.sort_by(|a, b| {
        let source = |lang: &str| lang != gen_site::LANGS[0];
        (source(&a.2), &a.0, &a.1, &a.2).cmp(&(source(&b.2), &b.0, &b.1, &b.2))
    });

    let mut topics: HashMap<(String, String), Vec<String>> = HashMap::new();
    let mut dates: HashMap<(String, String), String> = HashMap::new();
    for folder in &folders {
        fs::create_dir_all(dir.join("content").join(folder))?;
    }
    for (folder, slug, lang, path) in &files {
        let (mut fields, body) = read_page(path)?;
        let key = (folder.clone(), slug.clone());
        if lang == gen_site::LANGS[0] {
            if let Some(list) = fields.topics.take() {
                topics.insert(key.clone(), list);
            }
            if let Some(updated) = fields.updated.take() {
                dates.insert(key.clone(), updated);
            }
        }
        let title = fields.title().unwrap_or_else(|| slug.clone());
        let date = dates.get(&key).cloned().unwrap_or_else(|| "2026-01-01".into());
        let mut out = format!("---\ntitle: {}\ndate: {date}\n", yaml_string(&title));
        if let Some(list) = topics.get(&key) {
            out.push_str(&format!("topics: [{}]\n", list.join(", ")));
        }
        out.push_str("---\n");
        out.push_str(&body);
        fs::write(dir.join("content").join(folder).join(format!("{slug}.{lang}.md")), out)?;
    }
    Ok(files.len())
}
