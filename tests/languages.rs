//! Every language the default theme speaks, on a site that lists it and
//! writes no i18n file of its own (issue 17): the site builds; an office's
//! opening hours name the weekdays as the Unicode CLDR data does for that
//! language (asked of ICU4X here, not of sportello's own calendar code); a
//! page not translated yet carries the notice of the theme in that language;
//! and each page says its language and direction.
//!
//! The languages are the files of `themes/default/i18n/`: a language added
//! there is checked without a change here.
//!
//! Search in the right-to-left languages is checked end to end too: a site
//! with an Arabic, Urdu, Persian and Pashto page is built, and the browser
//! runtime's engine (`crates/search/assets/search.js`, run by node) finds
//! each page by its words written with and without the letter variants of
//! the language.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Fixture, RTL_PAGES};
use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets::E;
use icu_datetime::pattern::{DateTimePattern, FixedCalendarDateTimeNames, WeekdayNameLength};
use icu_locale::Locale;
use writeable::TryWriteable;

/// The languages written right to left, from the Unicode script of each
/// (Arabic script); every other language of the theme is left to right.
const RIGHT_TO_LEFT: &[&str] = &["ar", "ur", "fa", "ps"];

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn theme_i18n() -> PathBuf {
    repo().join("themes/default/i18n")
}

/// The codes of the theme's languages, from the names of its i18n files.
fn theme_languages() -> Vec<String> {
    let mut codes: Vec<String> = std::fs::read_dir(theme_i18n())
        .expect("themes/default/i18n")
        .map(|entry| entry.expect("readable").path())
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .map(|path| path.file_stem().expect("a name").to_string_lossy().into_owned())
        .collect();
    codes.sort();
    assert!(codes.len() >= 20, "the theme speaks only {codes:?}");
    codes
}

/// A string of the theme's i18n file of `lang`: `key` is a top-level key of
/// the file (`name`, `dir`) or `strings.<key>`.
fn theme_string(lang: &str, key: &str) -> Option<String> {
    let text = std::fs::read_to_string(theme_i18n().join(format!("{lang}.yaml"))).expect("theme i18n file");
    let yaml: serde_norway::Value = serde_norway::from_str(&text).expect("theme i18n file is YAML");
    let mut value = &yaml;
    for part in key.split('.') {
        value = value.get(part)?;
    }
    value.as_str().map(str::to_owned)
}

/// The CLDR locale of a language code: CLDR files Tagalog under Filipino.
fn cldr_locale(lang: &str) -> Locale {
    let code = if lang == "tl" { "fil" } else { lang };
    code.parse().expect("a locale")
}

/// Monday to Sunday as CLDR names them standing alone (as in the rows of a
/// table), in `locale`, read from ICU4X's compiled data.
fn cldr_weekdays(locale: Locale) -> Vec<String> {
    let mut names = FixedCalendarDateTimeNames::<Gregorian, E>::try_new(locale.into()).expect("names");
    names
        .include_weekday_names(WeekdayNameLength::StandaloneWide)
        .expect("weekday names");
    let pattern: DateTimePattern = "cccc".parse().expect("pattern");
    let formatter = names.with_pattern_unchecked(&pattern);
    // 1 January 2024 was a Monday.
    (1..=7)
        .map(|day| {
            let date = Date::try_new_gregorian(2024, 1, day).expect("a date");
            formatter
                .format(&date)
                .try_write_to_string()
                .expect("formatted")
                .into_owned()
        })
        .collect()
}

/// The few entities the templates write for characters of a text.
fn unescape(html: &str) -> String {
    html.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2F;", "/")
        .replace("&#47;", "/")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The texts of the elements `<open ...>text</close>` found in `html`
/// between `from` and `to`.
fn texts_between(html: &str, from: &str, to: &str, open: &str, close: &str) -> Vec<String> {
    let Some(start) = html.find(from) else {
        return Vec::new();
    };
    let end = html[start..].find(to).map_or(html.len(), |e| start + e);
    let mut rest = &html[start..end];
    let mut found = Vec::new();
    while let Some(at) = rest.find(open) {
        rest = &rest[at + open.len()..];
        let Some(stop) = rest.find(close) else { break };
        found.push(unescape(&rest[..stop]));
        rest = &rest[stop..];
    }
    found
}

/// The value of `attribute` on the first tag that starts with `tag`.
fn attribute(html: &str, tag: &str, attribute: &str) -> Option<String> {
    let start = html.find(tag)?;
    let end = start + html[start..].find('>')?;
    let element = &html[start..end];
    let key = format!(" {attribute}=\"");
    let at = element.find(&key)? + key.len();
    let len = element[at..].find('"')?;
    Some(unescape(&element[at..at + len]))
}

/// What is wrong with `lang` on a site listing it and Italian; nothing when
/// all is right.
fn check_language(lang: &str) -> Vec<String> {
    let mut wrong = Vec::new();
    let languages: Vec<&str> = if lang == "it" { vec!["it"] } else { vec!["it", lang] };
    let site = Fixture::minimal_in(&languages);
    let report = site.build();
    let errors: Vec<String> = report.diagnostics.errors().map(ToString::to_string).collect();
    if !errors.is_empty() {
        return vec![format!("{lang}: the site does not build:\n  {}", errors.join("\n  "))];
    }

    let dir = if RIGHT_TO_LEFT.contains(&lang) { "rtl" } else { "ltr" };
    let theme_dir = theme_string(lang, "dir").unwrap_or_else(|| "ltr".into());
    if theme_dir != dir {
        wrong.push(format!(
            "{lang}: the theme's i18n file says dir: {theme_dir}, the language is {dir}"
        ));
    }

    let office = site.read(&format!("{lang}/offices/questura/index.html"));
    let procedure = site.read(&format!("{lang}/procedures/rinnovo/index.html"));
    for (page, html) in [("office", &office), ("procedure", &procedure)] {
        let html_lang = attribute(html, "<html", "lang");
        let html_dir = attribute(html, "<html", "dir");
        if html_lang.as_deref() != Some(lang) || html_dir.as_deref() != Some(dir) {
            wrong.push(format!(
                "{lang}: the {page} page is <html lang={html_lang:?} dir={html_dir:?}>, not lang=\"{lang}\" dir=\"{dir}\""
            ));
        }
    }

    // The fixture's office is open on Monday, Wednesday and Thursday: the
    // table has a row for each day of the week, closed days too.
    let expected = cldr_weekdays(cldr_locale(lang));
    if expected == cldr_weekdays(Locale::UNKNOWN) {
        wrong.push(format!(
            "{lang}: CLDR has no weekday names of its own for it: {expected:?}"
        ));
    }
    let rows = texts_between(
        &office,
        "<table class=\"hours\">",
        "</table>",
        "<th scope=\"row\">",
        "</th>",
    );
    if rows != expected {
        wrong.push(format!(
            "{lang}: the hours name the days {rows:?}; CLDR names them {expected:?}"
        ));
    }
    let script_days = attribute(&office, "<p class=\"open-now\"", "data-days");
    if script_days.as_deref() != Some(expected.join("|").as_str()) {
        wrong.push(format!(
            "{lang}: \"open now\" is given the days {script_days:?}, not {:?}",
            expected.join("|")
        ));
    }

    if lang != "it" {
        // The procedure has no translation: the Italian text under the
        // reader's interface, with the notice in the reader's language.
        let notice = theme_string(lang, "strings.notice_missing")
            .unwrap_or_else(|| panic!("{lang}: the theme's file has no notice_missing"));
        let text = unescape(&procedure);
        for part in notice.split("{lang}").map(str::trim).filter(|p| !p.is_empty()) {
            if !text.contains(part) {
                wrong.push(format!(
                    "{lang}: the untranslated page lacks the notice {notice:?} (its part {part:?})"
                ));
            }
        }
        if !procedure.contains("lang=\"it\" dir=\"ltr\"") {
            wrong.push(format!(
                "{lang}: the untranslated page does not mark its Italian text lang=\"it\" dir=\"ltr\""
            ));
        }
        // Its interface is the theme's, in the reader's language.
        for key in ["skip_to_content", "search_button"] {
            let string = theme_string(lang, &format!("strings.{key}")).expect("a theme string");
            if !text.contains(&string) {
                wrong.push(format!("{lang}: the page does not say {string:?} ({key})"));
            }
        }
    }
    wrong
}

#[test]
fn every_theme_language_works_with_no_i18n_file_of_the_site() {
    let mut wrong = Vec::new();
    for lang in theme_languages() {
        wrong.extend(check_language(&lang));
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn cldr_weekdays_are_the_languages_own() {
    // The expected names come from ICU4X: a few, as CLDR writes them, so
    // that a fallback to other data would show.
    assert_eq!(cldr_weekdays(cldr_locale("it"))[0], "lunedì");
    assert_eq!(cldr_weekdays(cldr_locale("ar"))[4], "الجمعة");
    assert_eq!(cldr_weekdays(cldr_locale("tl"))[6], "Linggo");
    assert_eq!(cldr_weekdays(cldr_locale("uk"))[6], "неділя");
}

/// Runs every query in node through the runtime's engine over the built
/// index of its language; prints one JSON line per query: language, query,
/// the URLs of the first three results, and the query's terms as the
/// runtime folds them.
const RUN_QUERIES: &str = r#"
const [harness, runtime, root, casesJson] = process.argv.slice(1);
const { coldQuery } = require(harness);
const { tokens } = require(runtime);
(async function () {
  for (const [lang, query] of JSON.parse(casesJson)) {
    const { displays } = await coldQuery(root, lang, query, 3);
    console.log(JSON.stringify([lang, query, displays.map((d) => d.u), tokens(query, true)]));
  }
})().catch((e) => { console.error(e); process.exit(1); });
"#;

#[test]
fn search_finds_rtl_pages_by_words_with_and_without_letter_variants() {
    let site = Fixture::minimal_in(&["it", "ar", "fa", "ur", "ps"]);
    site.write_rtl_translations();
    site.build_ok();
    let public = site.out();
    let cases: Vec<(&str, &str)> = RTL_PAGES
        .iter()
        .flat_map(|page| page.queries.iter().map(move |q| (page.lang, *q)))
        .collect();
    let harness = repo().join("crates/search/tests/harness.js");
    let output = Command::new("node")
        .arg("-e")
        .arg(RUN_QUERIES)
        .arg(&harness)
        .arg(repo().join("crates/search/assets/search.js"))
        .arg(&public)
        .arg(serde_json::to_string(&cases).unwrap())
        .output()
        .expect("this test needs node (apt-get install nodejs)");
    assert!(
        output.status.success(),
        "node failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let answers: Vec<(String, String, Vec<String>, Vec<String>)> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect();
    assert_eq!(answers.len(), cases.len(), "node answered:\n{stdout}");
    let mut missed = Vec::new();
    for (lang, query, top, query_terms) in &answers {
        if !top.iter().any(|url| url.contains("procedures/rinnovo")) {
            missed.push(format!(
                "[{lang}] {query:?}: the translated guide is not in the top 3 {top:?}"
            ));
        }
        // Found as the same word, not as a near one (one letter apart):
        // the runtime folds the query to a term the index has.
        let page = RTL_PAGES.iter().find(|p| p.lang == lang).expect("a page");
        let page_terms = sportello_search::tokenize::terms(&format!("{} {}", page.title, page.body));
        for term in query_terms {
            if !page_terms.contains(term) {
                missed.push(format!(
                    "[{lang}] {query:?}: the runtime folds it to {term:?}, a term the page's index lacks (it has {page_terms:?})"
                ));
            }
        }
        if query_terms.is_empty() {
            missed.push(format!("[{lang}] {query:?}: the runtime finds no term in it"));
        }
    }
    assert!(missed.is_empty(), "{}", missed.join("\n"));
}
