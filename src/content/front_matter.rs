//! Splits a page into its YAML front matter and its Markdown body,
//! remembering on which line each starts.

use crate::diagnostics::Code;

/// The two parts of a page file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// 1-based line of the file where the YAML starts (the line after `---`).
    pub yaml_line: usize,
    pub body: &'a str,
    /// 1-based line of the file where the body starts.
    pub body_line: usize,
}

/// Why a file could not be split, with the line to point at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitError {
    pub line: usize,
    pub code: Code,
}

/// Splits `---\nyaml\n---\nbody`. The text has `\n` line ends.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---").filter(|r| r.trim().is_empty()))
        .ok_or(SplitError {
            line: 1,
            code: Code::NoFrontMatter,
        })?;
    let mut offset = 0;
    for (index, line) in rest.split_inclusive('\n').enumerate() {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let body = &rest[offset + line.len()..];
            return Ok(Split {
                yaml: &rest[..offset],
                yaml_line: 2,
                body,
                body_line: index + 3,
            });
        }
        offset += line.len();
    }
    Err(SplitError {
        line: 1,
        code: Code::FrontMatterNotClosed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_counts_lines() {
        let s = split("---\ntitle: A\nx: 1\n---\nBody\n").unwrap();
        assert_eq!(s.yaml, "title: A\nx: 1\n");
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_line, 5);
    }

    #[test]
    fn empty_front_matter_is_allowed() {
        let s = split("---\n---\nBody").unwrap();
        assert_eq!(s.yaml, "");
        assert_eq!(s.body_line, 3);
    }

    #[test]
    fn missing_or_unclosed_front_matter_is_an_error() {
        assert_eq!(split("title: A\n").unwrap_err().line, 1);
        assert_eq!(split("---\ntitle: A\n").unwrap_err().code, Code::FrontMatterNotClosed);
    }
}
