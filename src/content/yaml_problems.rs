//! Where a volunteer's front matter goes wrong. A YAML parser gives up
//! where it can read no further — often the end of the front matter —
//! while the mistake is where a quote or a bracket was opened and never
//! closed, or where a key was written a second time. These scans find
//! that line, so the message points at it.

/// Something opened and never closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unclosed {
    /// A quote: `"` or `'`.
    Quote(char),
    /// A `[` of a list.
    Bracket,
    /// A `{` of a map.
    Brace,
}

/// Where something was opened: 1-based line within the YAML and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opened {
    pub what: Unclosed,
    pub line: usize,
    pub column: usize,
}

/// The first quote, bracket or brace of `yaml` that is never closed.
/// Comments are skipped; a quote only opens a value at its start.
pub fn first_unclosed(yaml: &str) -> Option<Opened> {
    let mut open: Vec<Opened> = Vec::new();
    let mut quote: Option<Opened> = None;
    for (index, line) in yaml.lines().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if let Some(q) = quote {
                let Unclosed::Quote(mark) = q.what else {
                    unreachable!("only quotes are kept here")
                };
                if c == '\\' && mark == '"' {
                    i += 2;
                    continue;
                }
                if c == mark {
                    // '' inside a single-quoted text is an escaped quote.
                    if mark == '\'' && chars.get(i + 1) == Some(&'\'') {
                        i += 2;
                        continue;
                    }
                    quote = None;
                }
                i += 1;
                continue;
            }
            match c {
                '#' if i == 0 || chars[i - 1].is_whitespace() => break,
                '"' | '\'' if starts_value(&chars, i) || !open.is_empty() => {
                    quote = Some(Opened {
                        what: Unclosed::Quote(c),
                        line: index + 1,
                        column: i + 1,
                    });
                }
                '[' | '{' if starts_value(&chars, i) || !open.is_empty() => open.push(Opened {
                    what: if c == '[' { Unclosed::Bracket } else { Unclosed::Brace },
                    line: index + 1,
                    column: i + 1,
                }),
                ']' | '}' if !open.is_empty() => {
                    open.pop();
                }
                _ => {}
            }
            i += 1;
        }
    }
    quote.or_else(|| open.first().copied())
}

/// Whether the character at `i` starts a value: after `key:`, after `- `,
/// or at the start of the line, with only spaces between.
fn starts_value(chars: &[char], i: usize) -> bool {
    let before: String = chars[..i].iter().collect();
    let before = before.trim_end();
    before.is_empty() || before.ends_with(':') || before.ends_with('-') || before.ends_with(',')
}

/// A top-level key written twice: the key, its first line and the line of
/// the repeat (1-based within the YAML).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeated {
    pub key: String,
    pub first: usize,
    pub again: usize,
}

/// Every top-level key given more than once.
pub fn repeated_keys(yaml: &str) -> Vec<Repeated> {
    let mut seen: Vec<(String, usize)> = Vec::new();
    let mut repeated = Vec::new();
    for (index, line) in yaml.lines().enumerate() {
        if line.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        let Some((key, _)) = line.split_once(':') else { continue };
        let key = key.trim().trim_matches(['"', '\'']).to_owned();
        if key.is_empty() {
            continue;
        }
        match seen.iter().find(|(k, _)| *k == key) {
            Some((_, first)) => repeated.push(Repeated {
                key,
                first: *first,
                again: index + 1,
            }),
            None => seen.push((key, index + 1)),
        }
    }
    repeated
}

/// The first line that is indented with a tab.
pub fn first_tab(yaml: &str) -> Option<usize> {
    yaml.lines()
        .position(|line| line.trim_start_matches(' ').starts_with('\t'))
        .map(|index| index + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unclosed_quote_is_found_where_it_opens() {
        let yaml = "title: \"Rinnovo del permesso\nsummary: Come fare.\ncost: 16 euro\n";
        assert_eq!(
            first_unclosed(yaml),
            Some(Opened {
                what: Unclosed::Quote('"'),
                line: 1,
                column: 8
            })
        );
        assert_eq!(first_unclosed("title: l'ufficio\nsummary: 'a ''b'' c'\n"), None);
    }

    #[test]
    fn an_unclosed_bracket_is_found_where_it_opens() {
        let yaml = "title: A\ntopics: [documenti, salute\nupdated: 2026-10-01\n";
        let opened = first_unclosed(yaml).unwrap();
        assert_eq!((opened.what, opened.line, opened.column), (Unclosed::Bracket, 2, 9));
        assert_eq!(first_unclosed("topics: [a,\n  b]\nx: \"y\" # z \"\n"), None);
    }

    #[test]
    fn a_key_written_twice_names_both_lines() {
        let repeated = repeated_keys("title: A\nsummary: B\ntitle: C\n");
        assert_eq!(
            repeated,
            [Repeated {
                key: "title".into(),
                first: 1,
                again: 3
            }]
        );
        assert!(repeated_keys("documents:\n  - a\n  - b\n").is_empty());
    }

    #[test]
    fn tabs_are_found_in_the_indentation() {
        assert_eq!(first_tab("a: 1\ndocuments:\n\t- x\n"), Some(3));
        assert_eq!(first_tab("a: \"x\ty\"\n"), None);
    }
}
