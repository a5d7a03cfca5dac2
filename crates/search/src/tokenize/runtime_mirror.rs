//! Tests that hold the browser runtime (`assets/search.js`) to these rules:
//! its copies of the tables, and the shared cases of
//! `tests/folding_cases.json` (also run by `tests/folding.test.js` against
//! the runtime).

use super::fold::{DIGIT_ZEROS, LETTER_MAP, REMOVED};
use super::segment::SEPARATORS;
use super::{tokens, Mode};

/// The text between `open` and `close` in the runtime's source.
fn runtime_literal(open: &str, close: &str) -> String {
    let js = crate::SEARCH_JS;
    let start = js.find(open).expect("table in search.js") + open.len();
    let end = start + js[start..].find(close).expect("table end");
    js[start..end].to_string()
}

fn runtime_numbers(name: &str) -> Vec<u32> {
    runtime_literal(&format!("const {name} = ["), "];")
        .split(',')
        .map(|n| {
            let n = n.trim().trim_start_matches("0x");
            u32::from_str_radix(n, 16).expect("hex number")
        })
        .collect()
}

#[test]
fn runtime_tables_are_these_tables() {
    let flat = |t: &[(u32, u32)]| -> Vec<u32> { t.iter().flat_map(|&(a, b)| [a, b]).collect() };
    assert_eq!(runtime_numbers("SEP"), flat(&SEPARATORS));
    assert_eq!(runtime_numbers("DEL"), flat(&REMOVED));
    assert_eq!(runtime_numbers("ZEROS"), DIGIT_ZEROS.to_vec());
    let map: std::collections::BTreeMap<String, String> =
        serde_json::from_str(&format!("{{{}}}", runtime_literal("const MAP = {", "};"))).expect("MAP is a JSON object");
    let ours: std::collections::BTreeMap<String, String> =
        LETTER_MAP.iter().map(|(c, s)| (c.to_string(), s.to_string())).collect();
    assert_eq!(map, ours);
}

#[test]
fn shared_folding_cases() {
    let cases: serde_json::Value =
        serde_json::from_str(include_str!("../../tests/folding_cases.json")).expect("valid JSON");
    let mut checked = 0;
    for (mode, key) in [(Mode::Index, "index"), (Mode::Query, "query")] {
        for case in cases[key].as_array().expect("array of cases") {
            let input = case[0].as_str().expect("input");
            let expected: Vec<&str> = case[1]
                .as_array()
                .expect("terms")
                .iter()
                .map(|t| t.as_str().expect("term"))
                .collect();
            let got: Vec<String> = tokens(input, mode).into_iter().map(|t| t.term).collect();
            assert_eq!(got, expected, "{key} case {input:?}");
            checked += 1;
        }
    }
    assert!(checked >= 30, "only {checked} shared cases");
}
