//! The command line as a volunteer uses it: exit codes, init, new, check.

mod common;

use std::process::Command;

use common::Fixture;

fn sportello() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sportello"))
}

#[test]
fn init_starts_a_portal_that_builds_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let portal = dir.path().join("nuovo");
    let status = sportello()
        .arg("init")
        .arg(&portal)
        .args(["--languages", "it,bn,ro,ha"])
        .status()
        .unwrap();
    assert!(status.success());
    let output = sportello().args(["build", "--site"]).arg(&portal).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(portal.join("public/bn/procedures/esempio/index.html").is_file());
    assert!(
        !portal.join("i18n/bn.yaml").exists() && !portal.join("i18n/it.yaml").exists(),
        "languages the theme speaks need no file"
    );
    let i18n = std::fs::read_to_string(portal.join("i18n/ha.yaml")).unwrap();
    assert!(i18n.contains("# The portal's name"), "each key explained by a comment");
    let site = std::fs::read_to_string(portal.join("site.yaml")).unwrap();
    assert!(site.contains("languages: [it, bn, ro, ha]"), "{site}");
    let bengali = std::fs::read_to_string(portal.join("public/bn/index.html")).unwrap();
    assert!(
        bengali.contains("lang=\"bn\"") && bengali.contains("হোম"),
        "the interface in Bengali"
    );
    let ignored = std::fs::read_to_string(portal.join(".gitignore")).unwrap();
    assert!(
        ignored.contains("/public/") && ignored.contains("/.public.*") && ignored.contains("/.sportello-cache/"),
        "the build's output and its photo cache are not sources"
    );
    // A second init refuses to overwrite.
    assert!(!sportello().arg("init").arg(&portal).status().unwrap().success());
}

#[test]
fn build_exits_1_and_lists_every_error() {
    let site = Fixture::minimal();
    site.write("content/pages/chi-siamo.md", "---\ntitel: x\n---\n");
    site.write(
        "content/services/sportello.md",
        "---\nname: S\nsummary: s\nupdated: x\nreviewed: 2026-10-01\n---\n",
    );
    let output = sportello().args(["build", "--site"]).arg(site.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("content/pages/chi-siamo.md:2: unknown field `titel`"),
        "{stderr}"
    );
    assert!(stderr.contains("content/services/sportello.md:4"), "{stderr}");
    assert!(stderr.contains("hint: did you mean `title`?"), "{stderr}");
}

#[test]
fn check_writes_nothing_and_reports_translation_status_as_json() {
    let site = Fixture::minimal();
    site.write(
        "content/procedures/rinnovo.en.md",
        "---\ntitle: Renewal\nsource_updated: 2026-09-01\n---\n",
    );
    site.write(
        "content/services/sportello.en.md",
        "---\nname: Help desk\nsource_updated: 2026-10-01\ntranslated_by: machine\n---\n",
    );
    let output = sportello()
        .args(["check", "--format", "json", "--site"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(!site.out().exists(), "check writes nothing");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let en = &json["translations"]["languages"]["en"];
    assert_eq!(en["outdated"][0], "content/procedures/rinnovo.en.md");
    assert_eq!(en["machine"][0], "content/services/sportello.en.md");
    assert_eq!(en["translated"][0], "content/offices/questura.en.md");
    assert!(en["missing"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f == "content/pages/chi-siamo.md"));
    assert_eq!(json["errors"], 0);
    // --strict fails on warnings (the i18n files leave strings out).
    let strict = sportello()
        .args(["check", "--strict", "--site"])
        .arg(site.path())
        .status()
        .unwrap();
    assert_eq!(strict.code(), Some(1));
}

#[test]
fn new_writes_pages_that_build_and_never_overwrites() {
    let site = Fixture::minimal();
    for (section, slug) in [
        ("procedures", "codice-fiscale"),
        ("offices", "poste"),
        ("services", "corsi"),
        ("comuni", "pesche"),
        ("glossary", "questura"),
        ("pages", "privacy"),
    ] {
        let output = sportello()
            .args(["new", "--site"])
            .arg(site.path())
            .args([section, slug])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{section}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let procedure = std::fs::read_to_string(site.path().join("content/procedures/codice-fiscale.md")).unwrap();
    assert!(
        procedure.contains("documents:") && procedure.contains("(required)"),
        "{procedure}"
    );
    site.build_ok();
    let again = sportello()
        .args(["new", "--site"])
        .arg(site.path())
        .args(["pages", "privacy"])
        .output()
        .unwrap();
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    let bad = sportello()
        .args(["new", "--site"])
        .arg(site.path())
        .args(["pages", "Chi Siamo"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
}

#[test]
fn new_translate_copies_text_and_leaves_facts_out() {
    let site = Fixture::minimal();
    let output = sportello()
        .args(["new", "--site"])
        .arg(site.path())
        .args(["--translate", "ar", "procedures/rinnovo"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = std::fs::read_to_string(site.path().join("content/procedures/rinnovo.ar.md")).unwrap();
    assert!(text.contains("source_updated: 2026-10-01"));
    assert!(text.contains("title: Rinnovo del permesso"));
    assert!(text.contains("Passaporto"), "documents copied for translating");
    assert!(
        !text.contains("offices:") && !text.contains("reviewed:"),
        "facts left out:\n{text}"
    );
    assert!(text.contains("## Passi"), "body copied");
    site.build_ok();
    let page = site.read("ar/procedures/rinnovo/index.html");
    assert!(page.contains("notice-machine"));
}
