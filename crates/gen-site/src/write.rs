//! Writes a generated site: `site.yaml`, `i18n/` and every page of the plan
//! in each of its languages, the home page first.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::body::{body, Origin};
use crate::dates::{date, source_dates, LAST_DAY};
use crate::front_matter::{quoted, refs, source_front_matter, translation_front_matter, translation_meta};
use crate::photos::{write_photo, ALT};
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
    /// One page in this many gets a photo beside it; none when `None`.
    /// The text of the pages is the same either way.
    pub photos_every: Option<usize>,
}

/// What was generated.
pub struct Summary {
    /// Source pages, the home page included.
    pub sources: usize,
    pub translations: usize,
    /// Bytes of all the pages.
    pub bytes: u64,
    /// Photos written, and their bytes.
    pub photos: usize,
    pub photo_bytes: u64,
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
            photos: 0,
            photo_bytes: 0,
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
        let folder = page.section.folder();
        let photo = match options.photos_every {
            Some(every) if every > 0 && index % every == 0 => {
                let name = format!("{}-photo.jpg", page.slug);
                let bytes = write_photo(&writer.content.join(folder).join(&name), index as u64)?;
                writer.summary.photos += 1;
                writer.summary.photo_bytes += bytes;
                Some(name)
            }
            _ => None,
        };
        let with_photo = |text: String, lang: usize| match &photo {
            Some(name) => after_first_paragraph(&text, &format!("![{}]({name})\n\n", ALT[lang])),
            None => text,
        };
        let text = body(&mut rng, &plan, Origin::Page(index), 0, related, documents);
        let text = with_photo(text, 0);
        writer.write(&format!("{folder}/{}.md", page.slug), &source.front_matter, &text, true)?;
        for (lang, code) in LANGS.iter().enumerate().skip(1) {
            if !page.langs[lang] {
                continue;
            }
            let mut fm = translation_front_matter(&mut rng, page, lang, documents);
            fm.push_str(&translation_meta(&mut rng, updated));
            let text = body(&mut rng, &plan, Origin::Page(index), lang, related, documents);
            let text = with_photo(text, lang);
            writer.write(&format!("{folder}/{}.{code}.md", page.slug), &fm, &text, false)?;
        }
    }
    Ok(writer.summary)
}

/// `text` with `insert` after its first paragraph (at its end when it has
/// one paragraph only).
fn after_first_paragraph(text: &str, insert: &str) -> String {
    match text.find("\n\n") {
        Some(end) => format!("{}{insert}{}", &text[..end + 2], &text[end + 2..]),
        None => format!("{text}\n{insert}"),
    }
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
                photos_every: None,
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
    fn photos_leave_the_text_as_it_was_and_are_linked_from_their_page() {
        let dirs = [(); 2].map(|_| tempfile::tempdir().unwrap());
        for (dir, photos_every) in dirs.iter().zip([None, Some(10)]) {
            let options = Options {
                pages: 20,
                out: dir.path().to_path_buf(),
                seed: 3,
                photos_every,
            };
            let summary = generate(&options).unwrap();
            assert_eq!(summary.photos, if photos_every.is_some() { 2 } else { 0 });
        }
        let photos: Vec<PathBuf> = walk(&dirs[1].path().join("content"))
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "jpg"))
            .collect();
        assert_eq!(photos.len(), 2);
        for photo in &photos {
            let size = fs::metadata(photo).unwrap().len();
            assert!((1_500_000..3_000_000).contains(&size), "{size} bytes");
            let name = photo.file_name().unwrap().to_str().unwrap();
            let page = photo.with_file_name(name.replace("-photo.jpg", ".md"));
            let with = fs::read_to_string(&page).unwrap();
            assert!(with.contains(&format!("![{}]({name})", ALT[0])));
            let relative = page.strip_prefix(dirs[1].path()).unwrap();
            let without = fs::read_to_string(dirs[0].path().join(relative)).unwrap();
            assert_eq!(with.replace(&format!("![{}]({name})\n\n", ALT[0]), ""), without);
        }
    }

    fn walk(dir: &Path) -> Vec<PathBuf> {
        let mut files = Vec::new();
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files.extend(walk(&path));
            } else {
                files.push(path);
            }
        }
        files
    }

    #[test]
    fn fewer_than_ten_pages_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let options = Options {
            pages: 9,
            out: dir.path().to_path_buf(),
            seed: 1,
            photos_every: None,
        };
        assert!(generate(&options).is_err());
    }
}
