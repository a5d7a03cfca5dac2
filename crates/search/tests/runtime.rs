//! Builds the index of `tests/fixture/corpus.json` and runs the browser
//! runtime's engine over it in node (`tests/queries.js`): a table of
//! queries, in four languages, and the page each must return in the top 3.
//!
//! Needs `node`; set SPORTELLO_SKIP_NODE=1 to skip where there is none.
//! Set SPORTELLO_SEARCH_FIXTURE_OUT=<folder> to keep the built index there
//! (then `node tests/measure.js <folder> it permesso` shows what a query fetches).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use sportello_search::{build_index, SearchDocument};

fn text(v: &Value, key: &str) -> String {
    v[key].as_str().unwrap_or_default().to_string()
}

fn fixture_docs(value: &Value) -> Vec<SearchDocument<'static>> {
    value
        .as_array()
        .expect("a list of documents")
        .iter()
        .map(|d| SearchDocument {
            url: text(d, "url"),
            title: text(d, "title").into(),
            summary: text(d, "summary").into(),
            headings: d["headings"]
                .as_array()
                .expect("headings")
                .iter()
                .map(|h| {
                    let part = |i: usize| h[i].as_str().unwrap_or_default().to_string();
                    (part(0).into(), part(1).into())
                })
                .collect(),
            body: text(d, "body").into(),
            content_lang: text(d, "content_lang").into(),
            fallback: d["fallback"].as_bool().unwrap_or(false),
            extra_terms: d["extra_terms"]
                .as_array()
                .expect("extra terms")
                .iter()
                .map(|t| t.as_str().unwrap_or_default().to_string().into())
                .collect(),
            mentioned_terms: d["mentioned_terms"]
                .as_array()
                .map(|terms| {
                    terms
                        .iter()
                        .map(|t| t.as_str().unwrap_or_default().to_string().into())
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect()
}

/// Writes the index of every language of the fixture under `root`.
pub fn write_fixture(root: &Path) {
    let corpus: Value = serde_json::from_str(include_str!("fixture/corpus.json")).expect("fixture is JSON");
    for (lang, docs) in corpus.as_object().expect("languages") {
        let index = build_index(lang, &fixture_docs(docs));
        for file in index.files {
            let path = root.join(&file.path);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, file.bytes).expect("write");
        }
    }
}

#[test]
fn runtime_finds_the_right_pages() {
    if std::env::var_os("SPORTELLO_SKIP_NODE").is_some() {
        eprintln!("SPORTELLO_SKIP_NODE set: runtime queries not run");
        return;
    }
    let keep = std::env::var_os("SPORTELLO_SEARCH_FIXTURE_OUT").map(PathBuf::from);
    let root: PathBuf = keep
        .clone()
        .unwrap_or_else(|| std::env::temp_dir().join(format!("sportello-search-fixture-{}", std::process::id())));
    let _ = std::fs::remove_dir_all(&root);
    write_fixture(&root);
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Command::new("node")
        .arg(crate_dir.join("tests/queries.js"))
        .arg(&root)
        .output()
        .expect("node is installed (or set SPORTELLO_SKIP_NODE=1)");
    if keep.is_none() {
        let _ = std::fs::remove_dir_all(&root);
    }
    let report = String::from_utf8_lossy(&output.stdout);
    let failures: Vec<&str> = report
        .lines()
        .filter(|l| l.starts_with("not ok") || l.trim_start().starts_with("error:"))
        .collect();
    assert!(
        output.status.success(),
        "runtime queries failed:\n{}\n{}",
        failures.join("\n"),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(report.contains("# pass"), "node ran no test:\n{report}");
}
