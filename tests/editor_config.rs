//! The browser editor's configuration and file format, checked with the
//! CMS's own package (tests/editor/, installed with `npm ci`): every
//! configuration a build writes follows Sveltia CMS's JSON schema, for the
//! sample portal and for a portal of other languages and topics; and every
//! page of the sample portal, loaded and saved unchanged through the
//! editor's format, builds to the same site.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `node` with the test tools installed: a check never passes by not
/// running.
fn node(script: &str) -> Command {
    let tools = repo().join("tests/editor");
    assert!(
        tools
            .join("node_modules/@sveltia/cms/schema/sveltia-cms.json")
            .is_file()
            && tools.join("node_modules/ajv").is_dir(),
        "the editor's checks need Node.js and their packages: run `npm ci` in tests/editor (.ci/run does)"
    );
    let mut command = Command::new("node");
    command.arg(tools.join(script));
    command
}

fn run(mut command: Command) -> String {
    let output = command.output().expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{command:?} failed:\n{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

fn build(site: &Path, out: &Path) {
    let report = sportello::build::build(site, out);
    assert!(report.succeeded(), "{:?}", report.diagnostics);
}

fn sportello() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sportello"))
}

#[test]
fn the_sample_portals_configuration_follows_the_cms_schema() {
    let out = tempfile::tempdir().unwrap();
    build(repo(), out.path());
    let mut check = node("check-config.mjs");
    check.arg(out.path()).arg(repo());
    let said = run(check);
    assert!(said.contains("config.it.yml: valid"), "{said}");
    assert!(said.contains("locales it, en, fr, ar, uk, ur"), "{said}");
    assert!(
        said.contains("collections home, procedures, offices, services, comuni, glossary, news, pages"),
        "{said}"
    );
}

#[test]
fn a_portal_of_other_languages_and_topics_gets_its_own_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let portal = dir.path().join("portale");
    let status = sportello()
        .arg("init")
        .arg(&portal)
        .args(["--languages", "it,ro,ps,ha"])
        .status()
        .unwrap();
    assert!(status.success());
    let config = std::fs::read_to_string(portal.join("site.yaml")).unwrap();
    let topics = config
        .lines()
        .find(|line| line.starts_with("topics:"))
        .expect("init writes topics")
        .to_owned();
    std::fs::write(
        portal.join("site.yaml"),
        config.replace(&topics, "topics: [documenti, salute-mentale, bambini]")
            + "editor:\n  host: gitlab\n  repo: ambito/sub/portale\n  branch: bozze\n",
    )
    .unwrap();
    let out = dir.path().join("public");
    build(&portal, &out);
    let mut check = node("check-config.mjs");
    check.arg(&out).arg(&portal);
    let said = run(check);
    assert!(said.contains("locales it, ro, ps, ha"), "{said}");
    let yaml = std::fs::read_to_string(out.join("admin/config.en.yml")).unwrap();
    assert!(yaml.contains("value: salute-mentale"), "the portal's topics: {yaml}");
    assert!(
        yaml.contains("name: gitlab") && yaml.contains("repo: ambito/sub/portale") && yaml.contains("branch: bozze")
    );
    let page = std::fs::read_to_string(out.join("admin/index.html")).unwrap();
    assert!(
        page.contains("https://gitlab.com"),
        "the Git host's API is allowed: {page}"
    );
}

#[test]
fn every_page_saved_unchanged_by_the_editor_builds_the_same_site() {
    let dir = tempfile::tempdir().unwrap();
    let before = dir.path().join("before");
    build(repo(), &before);

    let copy = dir.path().join("portal");
    std::fs::create_dir_all(&copy).unwrap();
    std::fs::copy(repo().join("site.yaml"), copy.join("site.yaml")).unwrap();
    copy_folder(&repo().join("i18n"), &copy.join("i18n"));
    let mut roundtrip = node("roundtrip.mjs");
    roundtrip
        .arg(repo())
        .arg(copy.join("content"))
        .arg(before.join("admin/config.yml"));
    let said = run(roundtrip);
    let sources = files(&repo().join("content"));
    assert!(said.contains(&format!("{} files", sources.len())), "{said}");
    let rewritten = sources
        .iter()
        .filter(|rel| {
            std::fs::read(repo().join("content").join(rel)).unwrap()
                != std::fs::read(copy.join("content").join(rel)).unwrap()
        })
        .count();
    assert!(
        rewritten > sources.len() / 2,
        "the editor's format rewrites most files (quotes, lists, key order): {rewritten} of {}",
        sources.len()
    );

    let after = dir.path().join("after");
    build(&copy, &after);
    let built = files(&before);
    assert_eq!(built, files(&after), "the same files");
    for rel in &built {
        assert!(
            std::fs::read(before.join(rel)).unwrap() == std::fs::read(after.join(rel)).unwrap(),
            "{} differs once every page went through the editor",
            rel.display()
        );
    }
}

/// Every file below `root`, relative to it, sorted.
fn files(root: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, root, out);
            } else {
                out.push(path.strip_prefix(root).unwrap().to_path_buf());
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out.sort();
    out
}

fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            copy_folder(&path, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).unwrap();
        }
    }
}
