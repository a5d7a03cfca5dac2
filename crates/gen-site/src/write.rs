//! Writes a generated site: `site.yaml`, `i18n/` and every page of the plan
//! in each of its languages, the home page first.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::body::{body, Origin};
use crate::dates::{date, source_dates, LAST_DAY};
use crate::front_matter::{quoted, refs, source_front_matter, translation_front_matter, translation_meta};
use crate::plan::{plan, Section};
use crate::rng::Rng;
use crate::words::words;
use crate::LANGS;

/// What to generate.
pub struct Options {
    /// Source pages besides the home page; at least 10.
    pub pages: usize,
    /// The site's folder: its `content/`, `i18n/` and `site.yaml` are
    /// replaced, anything else there is left alone.
    pub out: PathBuf,
    /// The same seed and number of pages give the same bytes.
    pub seed: u64,
}

/// What was generated.
pub struct Summary {
    /// Source pages, the home page included.
    pub sources: usize,
    pub translations: usize,
    /// Bytes of all the pages.
    pub bytes: u64,
}

/// The site's configuration.
const SITE_YAML: &str = include_str!("../data/site.yaml");

/// The repository's interface strings, in the order of [`LANGS`].
const I18N: [&str; 4] = [
    include_str!("../../../i18n/it.yaml"),
    include_str!("../../../i18n/en.yaml"),
    include_str!("../../../i18n/fr.yaml"),
    include_str!("../../../i18n/ar.yaml"),
];

/// Writes the pages into `content/` and counts them.
struct Writer {
    content: PathBuf,
    summary: Summary,
}

impl Writer {
    fn write(&mut self, relative: &str, front_matter: &str, body: &str, source: bool) -> io::Result<()> {
        let text = format!("---\n{front_matter}---\n{body}");
        self.summary.bytes += text.len() as u64;
        if source {
            self.summary.sources += 1;
        } else {
            self.summary.translations += 1;
        }
        fs::write(self.content.join(relative), text)
    }
}

/// Writes the site into `options.out` (its `content/`, `i18n/` and
/// `site.yaml` are replaced; anything else there is left alone).
pub fn generate(options: &Options) -> io::Result<Summary> {
    if options.pages < 10 {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "--pages must be at least 10",
        ));
    }
    let content = prepare(&options.out)?;
    let mut rng = Rng::new(options.seed);
    let plan = plan(options.pages, &mut rng);
    let mut writer = Writer {
        content,
        summary: Summary {
            sources: 0,
            translations: 0,
            bytes: 0,
        },
    };

    // The home page, in every language.
    let home = &words().pages.home;
    let home_updated = LAST_DAY - 5;
    let featured: Vec<usize> = refs(&mut rng, &[], &plan.procedures, 6);
    for (lang, code) in LANGS.iter().enumerate() {
        let mut fm = format!("title: {}\n", quoted(&home[lang]));
        let name = if lang == 0 {
            fm.push_str(&format!("updated: {}\n", date(home_updated)));
            "_index.md".to_owned()
        } else {
            fm.push_str(&format!("source_updated: {}\n", date(home_updated)));
            format!("_index.{code}.md")
        };
        let text = body(&mut rng, &plan, Origin::Home, lang, &featured, &[]);
        writer.write(&name, &fm, &text, lang == 0)?;
    }

    for index in 0..plan.pages.len() {
        let page = &plan.pages[index];
        let (updated, reviewed) = source_dates(&mut rng);
        let source = source_front_matter(&mut rng, &plan, index, updated, reviewed);
        let (related, documents) = (&source.related, &source.documents);
        let text = body(&mut rng, &plan, Origin::Page(index), 0, related, documents);
        let folder = page.section.folder();
        writer.write(&format!("{folder}/{}.md", page.slug), &source.front_matter, &text, true)?;
        for (lang, code) in LANGS.iter().enumerate().skip(1) {
            if !page.langs[lang] {
                continue;
            }
            let mut fm = translation_front_matter(&mut rng, page, lang, documents);
            fm.push_str(&translation_meta(&mut rng, updated));
            let text = body(&mut rng, &plan, Origin::Page(index), lang, related, documents);
            writer.write(&format!("{folder}/{}.{code}.md", page.slug), &fm, &text, false)?;
        }
    }
    Ok(writer.summary)
}

/// Writes `site.yaml` and `i18n/` into `out` and makes an empty `content/`
/// with a folder per section; returns the path of `content/`.
fn prepare(out: &Path) -> io::Result<PathBuf> {
    let content = out.join("content");
    if content.exists() {
        fs::remove_dir_all(&content)?;
    }
    for section in Section::ALL {
        fs::create_dir_all(content.join(section.folder()))?;
    }
    fs::create_dir_all(out.join("i18n"))?;
    fs::write(out.join("site.yaml"), SITE_YAML)?;
    for (code, strings) in LANGS.iter().zip(I18N) {
        fs::write(out.join("i18n").join(format!("{code}.yaml")), strings)?;
    }
    Ok(content)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TOPICS;

    #[test]
    fn site_yaml_has_the_languages_and_topics_of_the_code() {
        #[derive(serde::Deserialize)]
        struct Site {
            languages: Vec<String>,
            topics: Vec<String>,
        }
        let site: Site = serde_norway::from_str(SITE_YAML).unwrap();
        assert_eq!(site.languages, LANGS);
        assert_eq!(site.topics, TOPICS);
    }

    #[test]
    fn the_same_seed_writes_the_same_site_and_another_seed_another() {
        let dirs = [(); 3].map(|_| tempfile::tempdir().unwrap());
        let read = |dir: &Path, file: &str| fs::read_to_string(dir.join("content").join(file)).unwrap();
        for (dir, seed) in dirs.iter().zip([5, 5, 6]) {
            let options = Options {
                pages: 40,
                out: dir.path().to_path_buf(),
                seed,
            };
            let summary = generate(&options).unwrap();
            assert_eq!(summary.sources, 41);
        }
        let [a, b, c] = dirs.each_ref().map(|d| read(d.path(), "_index.md"));
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!(a.starts_with("---\ntitle: \"Sportello Immigrazione\"\nupdated: "));
    }

    #[test]
    fn fewer_than_ten_pages_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let options = Options {
            pages: 9,
            out: dir.path().to_path_buf(),
            seed: 1,
        };
        assert!(generate(&options).is_err());
    }
}
