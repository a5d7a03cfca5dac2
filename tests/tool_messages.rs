//! sportello speaks to a volunteer in Italian or English, names each
//! problem by its code, points at the line where the mistake is, says
//! which pages need work, and leaves nothing behind when killed.

mod common;

use std::process::{Command, Output};
use std::time::{Duration, Instant};

use common::{only_error, Fixture};

fn sportello() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sportello"));
    // The tests choose the language; the machine's must not.
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8");
    command
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A fixture with one mistake: a misspelt field on line 3.
fn site_with_a_typo() -> Fixture {
    let site = Fixture::minimal();
    site.write(
        "content/pages/chi-siamo.md",
        "---\ntitle: Chi siamo\ntitel: Chi siamo\n---\nTesto.\n",
    );
    site
}

#[test]
fn problems_are_told_in_italian_or_english_with_their_code() {
    let site = site_with_a_typo();
    let check = |args: &[&str], env: Option<(&str, &str)>| {
        let mut command = sportello();
        command.args(["check", "--site"]).arg(site.path()).args(args);
        if let Some((name, value)) = env {
            command.env(name, value);
        }
        stderr(&command.output().unwrap())
    };
    let english = check(&[], None);
    assert!(
        english.contains("error[E0209]: content/pages/chi-siamo.md:3: unknown field `titel`"),
        "{english}"
    );
    assert!(english.contains("hint: did you mean `title`?"), "{english}");
    let italian = check(&["--lang", "it"], None);
    assert!(
        italian.contains("errore[E0209]: content/pages/chi-siamo.md:3: campo sconosciuto `titel`"),
        "{italian}"
    );
    assert!(italian.contains("cosa fare: forse intendevi `title`?"), "{italian}");
    let from_environment = check(&[], Some(("LANG", "it_IT.UTF-8")));
    assert!(
        from_environment.contains("campo sconosciuto"),
        "LANG chooses: {from_environment}"
    );
    let lc_all_wins = check(&[], Some(("LC_ALL", "en_GB.UTF-8")));
    assert!(lc_all_wins.contains("unknown field"), "{lc_all_wins}");
    site.write(
        "site.yaml",
        &format!("{}tool_language: it\n", site.read_source("site.yaml")),
    );
    let from_site = check(&[], None);
    assert!(
        from_site.contains("campo sconosciuto"),
        "site.yaml chooses: {from_site}"
    );
    let command_line_wins = check(&["--lang", "en"], None);
    assert!(command_line_wins.contains("unknown field"), "{command_line_wins}");
}

#[test]
fn the_summary_lines_speak_the_language_too() {
    let site = Fixture::minimal();
    let output = sportello()
        .args(["--lang", "it", "build", "--site"])
        .arg(site.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.starts_with("costruite "), "{stdout}");
    let site = site_with_a_typo();
    let output = sportello()
        .args(["--lang", "it", "build", "--site"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(
        stderr(&output).contains("costruzione non riuscita: 1 errore;"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn json_gives_each_problem_its_code_message_and_hint() {
    let site = site_with_a_typo();
    let output = sportello()
        .args(["check", "--format", "json", "--lang", "it", "--site"])
        .arg(site.path())
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let problem = &json["diagnostics"][0];
    assert_eq!(problem["code"], "E0209");
    assert_eq!(problem["line"], 3);
    assert_eq!(problem["file"], "content/pages/chi-siamo.md");
    assert_eq!(problem["message"], "campo sconosciuto `titel`");
    assert_eq!(problem["hint"], "forse intendevi `title`?");
}

#[test]
fn e_mail_addresses_and_phone_links_are_not_links_to_files() {
    let site = Fixture::minimal();
    site.write(
        "content/pages/chi-siamo.md",
        "---\ntitle: Chi siamo\n---\nScrivi a [noi](sportello@example.org), <info@example.org>, [per posta](mailto:a@example.org) o [chiama](tel:+390865000000).\n",
    );
    let report = site.build_ok();
    assert!(report.diagnostics.is_empty() || !report.diagnostics.iter().any(|d| d.file.ends_with("chi-siamo.md")));
    let page = site.read("it/pages/chi-siamo/index.html");
    assert!(page.contains("href=\"mailto:sportello@example.org\""), "{page}");
    assert!(page.contains("href=\"mailto:info@example.org\""), "{page}");
    assert!(page.contains("href=\"tel:+390865000000\""), "{page}");
}

#[test]
fn a_link_to_a_file_outside_the_content_is_an_error() {
    let site = Fixture::minimal();
    site.write(
        "content/pages/chi-siamo.md",
        "---\ntitle: Chi siamo\n---\nIl [modulo](../../moduli/modulo1.pdf).\n",
    );
    let errors = site.build_errors();
    let error = only_error(&errors, "content/pages/chi-siamo.md");
    assert_eq!(error.code.id(), "E0311");
    assert_eq!((error.line, error.column), (4, 4), "{error}");
}

#[test]
fn a_page_that_exists_but_cannot_be_read_is_not_reported_missing_by_its_links() {
    let site = Fixture::minimal();
    // The office exists, with a mistake in it; the procedure links it.
    site.write(
        "content/offices/questura.md",
        "---\nname: \"Questura\ncomune: isernia\nupdated: 2026-10-01\nreviewed: 2026-10-01\n---\n## Orari {#orari}\n",
    );
    let errors = site.build_errors();
    assert_eq!(errors.len(), 1, "one error, in the office's own file: {errors:#?}");
    assert_eq!(errors[0].file, std::path::Path::new("content/offices/questura.md"));
    assert_eq!(errors[0].line, 2);
}

#[test]
fn check_names_the_outdated_and_missing_pages_by_language() {
    let site = Fixture::minimal();
    site.write(
        "content/procedures/rinnovo.en.md",
        "---\ntitle: Renewal\nsource_updated: 2026-09-01\n---\nText.\n",
    );
    let output = sportello().args(["check", "--site"]).arg(site.path()).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("outdated: readers see old information"), "{stdout}");
    assert!(stdout.contains("      content/procedures/rinnovo.en.md"), "{stdout}");
    assert!(
        stdout.contains("      content/pages/chi-siamo.md"),
        "few missing pages are listed: {stdout}"
    );
    let only_ar = sportello()
        .args(["check", "--lang-status", "ar", "--site"])
        .arg(site.path())
        .output()
        .unwrap();
    let only_ar = String::from_utf8_lossy(&only_ar.stdout);
    assert!(only_ar.contains("  ar: ") && !only_ar.contains("  en: "), "{only_ar}");
    let verbose = sportello()
        .args(["check", "--verbose", "--lang-status", "ar", "--site"])
        .arg(site.path())
        .output()
        .unwrap();
    let verbose = String::from_utf8_lossy(&verbose.stdout);
    assert!(
        verbose.contains("interface strings made by machine") && verbose.contains("nav_home"),
        "the unchecked interface strings are listed: {verbose}"
    );
}

#[test]
fn a_killed_build_leaves_the_published_folder_and_the_next_removes_its_staging_folder() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    sportello_gen_site::generate(&sportello_gen_site::Options {
        pages: 400,
        out: site.clone(),
        seed: 7,
        photos_every: None,
    })
    .unwrap();
    let out = dir.path().join("public");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("marker.txt"), "the published site").unwrap();
    let mut child = sportello()
        .args(["build", "--site"])
        .arg(&site)
        .arg("--out")
        .arg(&out)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let staging = dir.path().join(format!(".public.new-{}", child.id()));
    // Kill it while it writes: once its staging folder holds pages.
    let deadline = Instant::now() + Duration::from_secs(60);
    while !staging.join("it").is_dir() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(staging.join("it").is_dir(), "the build started writing");
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(
        std::fs::read_to_string(out.join("marker.txt")).unwrap(),
        "the published site",
        "the published folder is as it was"
    );
    assert!(staging.exists(), "a killed build cannot clean up after itself");
    let next = sportello()
        .args(["build", "--site"])
        .arg(&site)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(next.status.success(), "{}", stderr(&next));
    assert!(
        !staging.exists(),
        "the next build removed the killed build's staging folder"
    );
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".public.new-"))
        .collect();
    assert!(left.is_empty(), "no staging folder left: {left:?}");
}
