//! Every mistake a volunteer can make gets an error with the file, the line
//! and what to do, and the published folder stays as it was.

mod common;

use common::{only_error, Fixture};
use sportello::Diagnostic;

#[test]
fn malformed_yaml() {
    let site = Fixture::minimal();
    site.write(
        "content/pages/chi-siamo.md",
        "---\ntitle: Chi siamo\nsummary: [aperta\n---\nTesto.\n",
    );
    let errors = site.build_errors();
    let error = only_error(&errors, "content/pages/chi-siamo.md");
    assert_eq!(error.code.id(), "E0204", "{error}");
    assert!(
        error.message().contains("bracket `[` opened here is never closed"),
        "{error}"
    );
    assert_eq!(
        (error.line, error.column),
        (3, 10),
        "at the bracket, not where the parser gave up: {error}"
    );
    assert!(error.hint().unwrap_or_default().contains("`]`"), "{error}");
}

#[test]
fn an_unclosed_quote_is_reported_where_it_opens() {
    let site = Fixture::minimal();
    site.write(
        "content/procedures/rinnovo.md",
        "---\ntitle: \"Rinnovo del permesso\nsummary: Come rinnovare.\noffices: [questura]\nupdated: 2026-10-01\nreviewed: 2026-10-01\n---\nTesto.\n",
    );
    let errors = site.build_errors();
    let error = only_error(&errors, "content/procedures/rinnovo.md");
    assert_eq!((error.line, error.column), (2, 8), "{error}");
    assert!(error.message().contains("quote opened here is never closed"), "{error}");
    let italian = sportello::messages::Messages::of(sportello::messages::ToolLanguage::from_code("it").unwrap());
    assert!(
        error
            .render(italian)
            .contains("le virgolette aperte qui non vengono mai chiuse"),
        "and in Italian: {}",
        error.render(italian)
    );
}

#[test]
fn a_key_given_twice_names_both_lines() {
    let site = Fixture::minimal();
    site.write(
        "content/pages/chi-siamo.md",
        "---\ntitle: Chi siamo\nupdated: 2026-10-01\ntitle: Chi siamo davvero\n---\nTesto.\n",
    );
    let errors = site.build_errors();
    let error = only_error(&errors, "content/pages/chi-siamo.md");
    assert_eq!(error.code.id(), "E0207");
    assert_eq!((error.line, error.related_line), (4, Some(2)), "{error}");
    assert!(error.message().contains("on line 2 and on line 4"), "{error}");
}

#[test]
fn a_tab_in_the_front_matter_says_to_indent_with_spaces() {
    let site = Fixture::minimal();
    site.write(
        "content/pages/chi-siamo.md",
        "---\ntitle: Chi siamo\n\tsummary: Chi siamo\n---\nTesto.\n",
    );
    let errors = site.build_errors();
    let error = only_error(&errors, "content/pages/chi-siamo.md");
    assert_eq!(error.line, 3, "{error}");
    assert!(
        error.hint().unwrap_or_default().contains("indent with spaces"),
        "{error}"
    );
}

#[test]
fn unknown_key_suggests_the_nearest() {
    let site = Fixture::minimal();
    site.write("content/pages/chi-siamo.md", "---\ntitel: Chi siamo\n---\nTesto.\n");
    let errors = site.build_errors();
    let unknown = errors
        .iter()
        .find(|d| d.message().contains("unknown field `titel`"))
        .expect("unknown key reported");
    assert_eq!(unknown.line, 2);
    assert_eq!(unknown.hint().as_deref(), Some("did you mean `title`?"));
    assert!(errors.iter().any(|d| d.message().contains("`title` is missing")));
}

#[test]
fn missing_required_field() {
    let site = Fixture::minimal();
    site.write(
        "content/offices/questura.md",
        "---\nname: Questura\ncomune: isernia\nreviewed: 2026-10-01\n---\nTesto.\n",
    );
    let errors = site.build_errors();
    assert!(
        errors
            .iter()
            .any(|d| d.file.ends_with("questura.md") && d.message().contains("`updated` is missing")),
        "{errors:#?}"
    );
}

#[test]
fn bad_reference_names_the_key_line_and_suggests() {
    let site = Fixture::minimal();
    site.write("content/services/sportello.md", "---\nname: Sportello\nsummary: Aiuto.\noffices: [questur]\nupdated: 2026-10-01\nreviewed: 2026-10-01\n---\nTesto.\n");
    let errors = site.build_errors();
    let error = only_error(&errors, "content/services/sportello.md");
    assert_eq!(error.line, 4);
    assert_eq!(error.hint().as_deref(), Some("did you mean `questura`?"));
}

#[test]
fn unknown_topic() {
    let site = Fixture::minimal();
    site.write("content/services/sportello.md", "---\nname: Sportello\nsummary: Aiuto.\ntopics: [documents]\nupdated: 2026-10-01\nreviewed: 2026-10-01\n---\nTesto.\n");
    let errors = site.build_errors();
    let error = only_error(&errors, "content/services/sportello.md");
    assert!(error.message().contains("not a topic"));
    assert_eq!(error.hint().as_deref(), Some("did you mean `documenti`?"));
}

#[test]
fn broken_link_has_file_line_and_column() {
    let site = Fixture::minimal();
    site.write(
        "content/pages/chi-siamo.md",
        "---\ntitle: Chi siamo\n---\nTesto.\n\nVedi la [questura](../offices/questur.md).\n",
    );
    let errors = site.build_errors();
    let error = only_error(&errors, "content/pages/chi-siamo.md");
    assert_eq!((error.line, error.column), (6, 9), "{error}");
    assert!(error.hint().unwrap_or_default().contains("questura.md"), "{error}");
}

#[test]
fn broken_anchor() {
    let site = Fixture::minimal();
    site.write(
        "content/pages/chi-siamo.md",
        "---\ntitle: Chi siamo\n---\n[orari](../offices/questura.md#orario)\n",
    );
    let errors = site.build_errors();
    let error = only_error(&errors, "content/pages/chi-siamo.md");
    assert_eq!(error.line, 4);
    assert_eq!(error.hint().as_deref(), Some("did you mean `#orari`?"));
}

#[test]
fn translation_anchor_missing_is_a_warning() {
    let site = Fixture::minimal();
    site.write(
        "content/offices/questura.en.md",
        "---\nname: Police\nsource_updated: 2026-10-01\n---\n## Hours\n\nText.\n",
    );
    let report = site.build_ok();
    assert!(report.diagnostics.iter().any(|d| !d.is_error()
        && d.file.ends_with("questura.en.md")
        && d.hint().unwrap_or_default().contains("{#orari}")));
}

#[test]
fn translation_without_source() {
    let site = Fixture::minimal();
    site.write(
        "content/procedures/cittadinanza.en.md",
        "---\ntitle: Citizenship\n---\nText.\n",
    );
    let errors = site.build_errors();
    let error = only_error(&errors, "content/procedures/cittadinanza.en.md");
    assert!(error.message().contains("no source file"));
}

#[test]
fn bad_date() {
    let site = Fixture::minimal();
    site.write(
        "content/services/sportello.md",
        "---\nname: Sportello\nsummary: Aiuto.\nupdated: 01/10/2026\nreviewed: 2026-02-30\n---\nTesto.\n",
    );
    let errors = site.build_errors();
    let lines: Vec<usize> = errors
        .iter()
        .filter(|d| d.file.ends_with("sportello.md"))
        .map(|d| d.line)
        .collect();
    assert_eq!(lines, [4, 5], "{errors:#?}");
    assert!(errors[0].hint().unwrap_or_default().contains("YYYY-MM-DD"));
}

#[test]
fn bad_slug() {
    let site = Fixture::minimal();
    site.write("content/pages/Chi Siamo.md", "---\ntitle: Chi siamo\n---\nTesto.\n");
    let errors = site.build_errors();
    let error = only_error(&errors, "content/pages/Chi Siamo.md");
    assert!(
        error.hint().unwrap_or_default().contains("chi-siamo"),
        "suggests a valid name: {error}"
    );
}

#[test]
fn bad_opening_hours() {
    let site = Fixture::minimal();
    site.write("content/offices/questura.md", "---\nname: Questura\ncomune: isernia\nhours: \"lunedì 9-12\"\nupdated: 2026-10-01\nreviewed: 2026-10-01\n---\n## Orari {#orari}\n");
    let errors = site.build_errors();
    let error = only_error(&errors, "content/offices/questura.md");
    assert_eq!(error.line, 4);
    assert!(error.hint().unwrap_or_default().contains("Mo-Fr"));
}

#[test]
fn a_language_the_theme_does_not_speak_needs_its_file() {
    let site = Fixture::minimal();
    site.write(
        "site.yaml",
        &site
            .read_source("site.yaml")
            .replace("[it, en, ar]", "[it, en, ar, ha]"),
    );
    let errors = site.build_errors();
    let error = only_error(&errors, "i18n/ha.yaml");
    let hint = error.hint().unwrap_or_default();
    assert!(hint.contains("i18n/ha.yaml"), "{error}");
    assert!(hint.contains("ur"), "the hint lists the theme's languages: {error}");
}

#[test]
fn invalid_utf8_names_line_and_column() {
    let site = Fixture::minimal();
    site.write_bytes(
        "content/pages/chi-siamo.md",
        b"---\ntitle: Chi siamo\n---\nCaf\xE9 latte\n",
    );
    let errors = site.build_errors();
    let error = only_error(&errors, "content/pages/chi-siamo.md");
    assert_eq!((error.line, error.column), (4, 4));
    assert!(error.hint().unwrap_or_default().contains("UTF-8"));
}

#[test]
fn missing_source_updated_in_translation() {
    let site = Fixture::minimal();
    site.write(
        "content/offices/questura.en.md",
        "---\nname: Police\n---\n## Hours {#orari}\n",
    );
    let errors = site.build_errors();
    let error = only_error(&errors, "content/offices/questura.en.md");
    assert!(error.hint().unwrap_or_default().contains("source_updated: 2026-10-01"));
}

#[test]
fn translation_in_a_language_not_of_the_site() {
    let site = Fixture::minimal();
    site.write("content/pages/chi-siamo.de.md", "---\ntitle: Über uns\n---\nText.\n");
    let errors = site.build_errors();
    assert!(only_error(&errors, "content/pages/chi-siamo.de.md")
        .message()
        .contains("not one of the site's languages"));
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let site = Fixture::minimal();
    site.write(
        "content/pages/chi-siamo.md",
        "---\ntitel: Chi siamo\n---\n[x](missing.md)\n",
    );
    site.write(
        "content/services/sportello.md",
        "---\nname: Sportello\nsummary: Aiuto.\nupdated: ieri\nreviewed: 2026-10-01\n---\n",
    );
    site.write("content/procedures/nuova.en.md", "---\ntitle: New\n---\n");
    let errors = site.build_errors();
    let files: std::collections::BTreeSet<_> = errors.iter().map(|d| d.file.display().to_string()).collect();
    assert_eq!(files.len(), 3, "{errors:#?}");
}

#[test]
fn a_failed_build_leaves_the_published_folder_as_it_was() {
    let site = Fixture::minimal();
    site.build_ok();
    let before = std::fs::read(site.out().join("it/procedures/rinnovo/index.html")).unwrap();
    site.write(
        "content/procedures/rinnovo.md",
        "---\ntitle: Nuovo titolo\ntitel: x\n---\n",
    );
    site.build_errors();
    assert_eq!(
        std::fs::read(site.out().join("it/procedures/rinnovo/index.html")).unwrap(),
        before
    );
    let stray: Vec<_> = std::fs::read_dir(site.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".public"))
        .collect();
    assert!(stray.is_empty(), "no staging folder left behind");
}

/// Broken files of every kind: none makes the build panic, and each gets
/// an error at the line where it goes wrong (or builds, when it is valid).
#[test]
fn no_input_makes_the_build_panic() {
    // A file's bytes, and the line and words of the error it gets.
    type Case<'a> = (&'a [u8], Option<(usize, &'a str)>);
    let inputs: &[Case] = &[
        (b"", Some((1, "does not start with front matter"))),
        (b"---", Some((1, "never closed"))),
        (b"---\n---", Some((1, "`title` is missing"))),
        (b"---\n- a\n- b\n---\n", Some((2, "list of `key: value` lines"))),
        (b"---\n: :\n---\n", Some((2, "cannot be read from here"))),
        (b"---\ntitle: [1, 2]\n---\n", Some((2, "`title`"))),
        (
            b"---\ntitle: x\n---\n[a](../../../../x.md) [b](#) [c](<>) ![i](https://example.org/x.png)\n```nolang\ncode\n```\n",
            Some((4, "does not point to a page")),
        ),
        (b"\xFF\xFE\x00", Some((1, "not valid UTF-8"))),
        (b"---\ntitle: x\n---\n## {#}\n## \n", None),
    ];
    for (input, expected) in inputs {
        let site = Fixture::minimal();
        site.write_bytes("content/pages/chi-siamo.md", input);
        let report = site.build();
        let shown = String::from_utf8_lossy(input);
        match expected {
            Some((line, message)) => {
                let errors: Vec<Diagnostic> = report.diagnostics.errors().cloned().collect();
                let error = only_error(&errors, "content/pages/chi-siamo.md");
                assert_eq!(error.line, *line, "{shown:?}: {error}");
                assert!(error.message().contains(message), "{shown:?}: {error}");
                assert!(
                    error.hint().is_some(),
                    "{shown:?}: every error says what to do: {error}"
                );
            }
            None => assert!(report.succeeded(), "{shown:?} is valid: {:?}", report.diagnostics),
        }
    }
    let site = Fixture::minimal();
    site.write("content/offices/questura.md", "---\nname: Q\ncomune: isernia\nhours: \"24/7; Mo-Fr 25:00-99:00; week 60 Mo; PH off; sunrise-sunset\"\nupdated: 2026-10-01\nreviewed: 2026-10-01\n---\n");
    let errors = site.build_errors();
    let hours = errors
        .iter()
        .find(|e| e.file == std::path::Path::new("content/offices/questura.md"))
        .expect("an error about the hours");
    assert_eq!(hours.line, 4, "{hours}");
    assert!(hours.message().contains("`hours`"), "{hours}");
}

#[test]
fn an_unknown_key_in_the_editor_section_suggests_one_of_that_section() {
    let site = Fixture::minimal();
    let config = site.read_source("site.yaml");
    site.write(
        "site.yaml",
        &format!("{config}editor:\n  host: github\n  repo: help-desk/portal\n  brnch: main\n"),
    );
    let errors = site.build_errors();
    let error = only_error(&errors, "site.yaml");
    assert_eq!(error.code.id(), "E0209", "{error}");
    let hint = error.hint().unwrap_or_default();
    assert!(
        hint.contains("`branch`"),
        "the editor's key, not a top-level one: {error}"
    );
}

#[test]
fn the_editor_repository_is_owner_and_name() {
    let site = Fixture::minimal();
    let config = site.read_source("site.yaml");
    site.write(
        "site.yaml",
        &format!("{config}editor:\n  host: github\n  repo: https://github.com/help-desk/portal\n"),
    );
    let errors = site.build_errors();
    let error = only_error(&errors, "site.yaml");
    assert_eq!(error.code.id(), "E0411", "{error}");
    assert_eq!(error.line, config.lines().count() + 3, "on the repo line: {error}");
    assert!(error.hint().unwrap_or_default().contains("help-desk/portal"), "{error}");
}

#[test]
fn the_editor_host_is_one_the_editor_knows() {
    let site = Fixture::minimal();
    let config = site.read_source("site.yaml");
    site.write(
        "site.yaml",
        &format!("{config}editor:\n  host: bitbucket\n  repo: a/b\n"),
    );
    let errors = site.build_errors();
    let error = only_error(&errors, "site.yaml");
    assert_eq!(error.code.id(), "E0401", "{error}");
    assert!(error.message().contains("github"), "it lists the hosts: {error}");
}

#[test]
fn the_editor_api_address_is_a_secure_web_address() {
    let site = Fixture::minimal();
    let config = site.read_source("site.yaml");
    site.write(
        "site.yaml",
        &format!("{config}editor:\n  host: gitea\n  repo: a/b\n  api_root: git.example.org/api/v1\n"),
    );
    let errors = site.build_errors();
    let error = only_error(&errors, "site.yaml");
    assert_eq!(error.code.id(), "E0412", "{error}");
    assert!(error.message().contains("api_root"), "{error}");
}
