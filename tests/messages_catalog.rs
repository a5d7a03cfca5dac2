//! Every text sportello prints for the people who run it comes from the
//! message catalogs (src/messages/<lang>.ftl): no sentence is written into
//! the code's print statements, and every problem code is explained in
//! docs/diagnostics.md with an example and the fix.

use std::path::Path;

use sportello::diagnostics::Code;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The text of a format string outside its `{…}` placeholders.
fn words_outside_placeholders(format: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in format.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn the_code_prints_no_sentence_of_its_own() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            for macro_name in ["println!(", "eprintln!(", "print!(", "eprint!("] {
                let Some(start) = line.find(macro_name) else { continue };
                // Measurements for developers (SPORTELLO_TIMINGS) are marked.
                if i > 0 && lines[i - 1].contains("not for volunteers") {
                    continue;
                }
                // The format string: on this line, or on the next one.
                let rest = &line[start + macro_name.len()..];
                let rest = if rest.trim().is_empty() {
                    lines.get(i + 1).copied().unwrap_or_default()
                } else {
                    rest
                };
                let Some(format) = rest.trim_start().strip_prefix('"').and_then(|r| r.split('"').next()) else {
                    continue;
                };
                let words = words_outside_placeholders(format);
                if words.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
                    found.push(format!("{}:{}: {}", file.display(), i + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "these print text that is not in the message catalogs:\n{}",
        found.join("\n")
    );
}

#[test]
fn every_code_is_explained_in_the_reference_page() {
    let page = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/diagnostics.md")).unwrap();
    for code in Code::ALL {
        let heading = format!("## {}", code.id());
        let section = page
            .split(&heading)
            .nth(1)
            .unwrap_or_else(|| panic!("docs/diagnostics.md has no section for {}", code.id()));
        let section = section.split("\n## ").next().unwrap_or_default();
        assert!(
            section.contains("Example") && section.contains("Fix"),
            "{} is explained with an example and the fix",
            code.id()
        );
    }
}
