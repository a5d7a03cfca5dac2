//! A small portal written into a temporary folder, that each test changes
//! one file at a time and builds.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use sportello::{BuildReport, Diagnostic};

pub struct Fixture {
    pub dir: tempfile::TempDir,
}

pub const SITE: &str = "base_url: https://example.org/portal\nsource_language: it\nlanguages: [it, en, ar]\ntopics: [documenti, salute]\nreview_after_days: 365\n";

impl Fixture {
    /// A valid portal in it, en and ar with one page a section.
    pub fn minimal() -> Self {
        let fixture = Fixture {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        fixture.write("site.yaml", SITE);
        fixture.write("i18n/it.yaml", "name: Italiano\nstrings:\n  site_title: Sportello\n  notice_missing: \"Pagina non tradotta, in {lang}.\"\n  language_names:\n    it: italiano\n    en: inglese\n    ar: arabo\n");
        fixture.write("i18n/en.yaml", "name: English\nstrings:\n  site_title: Help desk\n  notice_missing: \"Not translated yet. Here it is in {lang}.\"\n  notice_machine: Translated by machine.\n  notice_outdated: \"May be out of date: changed on {date}.\"\n  language_names:\n    it: Italian\n    en: English\n    ar: Arabic\n");
        fixture.write("i18n/ar.yaml", "name: العربية\ndir: rtl\nstrings:\n  site_title: مكتب الهجرة\n  notice_missing: \"هذه الصفحة غير مترجمة بعد. ها هي باللغة {lang}.\"\n  language_names:\n    it: الإيطالية\n");
        fixture.write("content/_index.md", "---\ntitle: Benvenuti\n---\nCiao.\n");
        fixture.write(
            "content/comuni/isernia.md",
            "---\nname: Isernia\nistat: \"094023\"\n---\nIl capoluogo.\n",
        );
        fixture.write(
            "content/offices/questura.md",
            "---\nname: Questura di Isernia\ncomune: isernia\naddress: Via Esempio 1, 86170 Isernia\ngeo: [41.59, 14.23]\nphone: [\"+39 0865 000000\"]\nhours: \"Mo,We 09:00-12:00; Th 15:00-17:00\"\nlanguages_spoken: [it, en]\ntopics: [documenti]\nupdated: 2026-10-01\nreviewed: 2026-10-01\n---\n## Orari {#orari}\n\nPrendere appuntamento.\n",
        );
        fixture.write("content/offices/questura.en.md", "---\nname: Isernia Police Headquarters\nsource_updated: 2026-10-01\n---\n## Hours {#orari}\n\nBook an appointment.\n");
        fixture.write(
            "content/services/sportello.md",
            "---\nname: Sportello immigrazione\nsummary: Aiuto gratuito.\noffices: [questura]\ncomuni: all\ntopics: [documenti]\ncost: Gratuito\nupdated: 2026-10-01\nreviewed: 2026-10-01\n---\nVieni a trovarci.\n",
        );
        fixture.write(
            "content/procedures/rinnovo.md",
            "---\ntitle: Rinnovo del permesso\nsummary: Come rinnovare il permesso.\ntopics: [documenti]\ncomuni: all\noffices: [questura]\nservices: [sportello]\ndocuments:\n  - Passaporto\n  - Quattro foto\ncost: 16 euro\nduration: 60 giorni\nupdated: 2026-10-01\nreviewed: 2026-10-01\nsources: [https://www.poliziadistato.it]\n---\n## Passi\n\n1. Vai in [Questura](../offices/questura.md#orari).\n2. Porta il [codice fiscale](../glossary/codice-fiscale.md).\n",
        );
        fixture.write(
            "content/glossary/codice-fiscale.md",
            "---\nterm: Codice fiscale\n---\nIl codice delle tasse.\n",
        );
        fixture.write(
            "content/pages/chi-siamo.md",
            "---\ntitle: Chi siamo\n---\nSiamo lo sportello.\n",
        );
        fixture
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
