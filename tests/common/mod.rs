//! A small portal written into a temporary folder, that each test changes
//! one file at a time and builds.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use sportello::{BuildReport, Diagnostic};

pub struct Fixture {
    pub dir: tempfile::TempDir,
}

/// The folder of the fixture sites, one portal a folder.
pub fn sites() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sites")
}

impl Fixture {
    /// A copy of `tests/sites/<name>/` in a temporary folder, for a test to
    /// change and build.
    pub fn copy_of(name: &str) -> Self {
        let fixture = Fixture {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        copy_folder(&sites().join(name), fixture.path());
        fixture
    }

    /// `tests/sites/minimal`: a valid portal in it, en and ar with one page
    /// a section.
    pub fn minimal() -> Self {
        Self::copy_of("minimal")
    }

    /// `tests/sites/minimal` listing `languages`, with no i18n file: every
    /// language's name, direction and interface come from the theme. Its
    /// office has no translation (the reader of every language gets the
    /// Italian page with the notice).
    pub fn minimal_in(languages: &[&str]) -> Self {
        let site = Self::minimal();
        std::fs::remove_dir_all(site.path().join("i18n")).expect("the fixture has i18n files");
        site.remove("content/offices/questura.en.md");
        site.write(
            "site.yaml",
            &format!(
                "base_url: https://example.org/portal\nsource_language: it\nlanguages: [{}]\ntopics: [documenti, salute]\nreview_after_days: 365\n",
                languages.join(", ")
            ),
        );
        site
    }

    /// The procedure `rinnovo` translated into each language of `RTL_PAGES`.
    pub fn write_rtl_translations(&self) {
        for page in RTL_PAGES {
            self.write(
                &format!("content/procedures/rinnovo.{}.md", page.lang),
                &format!(
                    "---\ntitle: {}\nsummary: {}\nsource_updated: 2026-10-01\n---\n{}\n",
                    page.title, page.title, page.body
                ),
            );
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn out(&self) -> PathBuf {
        self.dir.path().join("public")
    }

    pub fn write(&self, rel: &str, text: &str) {
        self.write_bytes(rel, text.as_bytes());
    }

    /// A procedure `content/procedures/<slug>.md` with its title and the
    /// fields a valid procedure needs.
    pub fn write_procedure(&self, slug: &str, title: &str) {
        self.write(
            &format!("content/procedures/{slug}.md"),
            &format!("---\ntitle: {title}\nsummary: Una guida.\noffices: [questura]\nupdated: 2026-10-01\nreviewed: 2026-10-01\n---\nTesto.\n"),
        );
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) {
        let path = self.dir.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write");
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.dir.path().join(rel)).expect("remove");
    }

    pub fn build(&self) -> BuildReport {
        sportello::build(self.path(), &self.out())
    }

    /// Builds and fails the test on any error.
    pub fn build_ok(&self) -> BuildReport {
        let report = self.build();
        let errors: Vec<String> = report.diagnostics.errors().map(ToString::to_string).collect();
        assert!(errors.is_empty(), "unexpected errors:\n{}", errors.join("\n"));
        report
    }

    /// Builds, expecting errors, and returns them.
    pub fn build_errors(&self) -> Vec<Diagnostic> {
        let report = self.build();
        assert!(!report.succeeded(), "the build should have failed");
        report.diagnostics.errors().cloned().collect()
    }

    /// A file of the site's sources.
    pub fn read_source(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).expect("source file")
    }

    pub fn read(&self, rel: &str) -> String {
        let path = self.out().join(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }
}

/// The one error about `file`, asserting there is exactly one.
pub fn only_error<'a>(errors: &'a [Diagnostic], file: &str) -> &'a Diagnostic {
    let found: Vec<&Diagnostic> = errors.iter().filter(|d| d.file == Path::new(file)).collect();
    assert_eq!(found.len(), 1, "expected one error about {file}, got: {errors:#?}");
    found[0]
}

fn copy_folder(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("fixture readable");
        let target = to.join(entry.path().strip_prefix(from).expect("inside"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A translation of the fixture's procedure into a right-to-left language,
/// with words of the language in it.
pub struct RtlPage {
    pub lang: &'static str,
    pub title: &'static str,
    pub body: &'static str,
    /// Queries that must find the page: each word as the page writes it and
    /// with the letters another keyboard types in their place.
    pub queries: &'static [&'static str],
}

pub const RTL_PAGES: &[RtlPage] = &[
    RtlPage {
        lang: "ar",
        title: "تجديد الإقامة",
        body: "اذهب إلى المستشفى مع بطاقة الصحة. أحضر جواز السفر. آخر موعد في المدينة.",
        queries: &[
            // Alef with hamza above, below and madda, against bare alef.
            "الإقامة",
            "الاقامة",
            "الأقامة",
            "احضر",
            "أحضر",
            "اخر",
            "آخر",
            // Teh marbuta and heh.
            "الصحة",
            "الصحه",
            "المدينه",
            // Alef maksura and yeh.
            "المستشفى",
            "المستشفي",
        ],
    },
    RtlPage {
        lang: "fa",
        title: "تمدید کارت اقامت",
        body: "برای بیمه پزشکی به کلانتری بروید. یک عکس و کپی گذرنامه بیاورید.",
        queries: &[
            // Persian yeh and keheh, against Arabic yeh and kaf.
            "تمدید",
            "تمديد",
            "کارت",
            "كارت",
            "پزشکی",
            "پزشكي",
            "بیمه",
            "بيمه",
            "کلانتری",
            "كلانتري",
            "یک",
            "يك",
        ],
    },
    RtlPage {
        lang: "ur",
        title: "رہائشی اجازت نامے کی تجدید",
        body: "ڈاکٹر کے پاس جائیں۔ ہسپتال میں بچے کے کاغذات لے کر آئیں۔ شہر کے دفتر سے پوچھیں۔",
        queries: &[
            // Urdu yeh barree, Farsi yeh, keheh and heh goal, against the Arabic letters.
            "ڈاکٹر",
            "ڈاكٹر",
            "ہسپتال",
            "هسپتال",
            "بچے",
            "بچي",
            "بچی",
            "شہر",
            "شهر",
            "کاغذات",
            "كاغذات",
            "رہائشی",
            "رهائشي",
        ],
    },
    RtlPage {
        lang: "ps",
        title: "د اوسېدو اجازې نوي کول",
        body: "ډاکټر ته لاړ شئ. ښوونځی او روغتون ګورئ. اوږد کرښه او څنګه ځای وړیا دی. رڼا ټیلیفون.",
        queries: &[
            // Pashto letters, against what an Arabic or Persian keyboard types.
            "ډاکټر",
            "داکتر",
            "داكتر",
            "ښوونځی",
            "شوونزی",
            "شوونزي",
            "ګورئ",
            "گورئ",
            "اوږد",
            "اوژد",
            "څنګه",
            "سنگه",
            "ځای",
            "زای",
            "وړیا",
            "وریا",
            "رڼا",
            "رنا",
            "ټیلیفون",
            "تیلیفون",
            "اوسېدو",
            "اوسیدو",
            "اوسيدو",
            "اجازې",
            "اجازي",
        ],
    },
];
