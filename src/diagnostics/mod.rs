//! Problems found in a site's files, collected rather than thrown, so that one
//! run shows a volunteer every mistake with its file, line, column and a hint.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::messages::{Arg, Messages};

mod codes;

pub use codes::Code;

/// How serious a problem is: errors stop the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in one file: its code, where it is, and the values its
/// message names. The message and the hint are the code's, from the
/// catalog of the language the tool speaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    /// The file, relative to the site folder.
    pub file: PathBuf,
    /// 1-based line, counted from the first line of the file; 0 when the
    /// problem concerns the whole file.
    pub line: usize,
    /// 1-based column; 0 when unknown.
    pub column: usize,
    /// A second line the problem concerns (the first of a key given twice).
    pub related_line: Option<usize>,
    /// The values the message names.
    pub args: Vec<(&'static str, Arg)>,
}

impl Diagnostic {
    /// A problem of kind `code` at `line` of `file`.
    pub fn new(code: Code, file: impl Into<PathBuf>, line: usize) -> Self {
        Self {
            severity: code.severity(),
            code,
            file: file.into(),
            line,
            column: 0,
            related_line: None,
            args: Vec::new(),
        }
    }

    /// Names a value of the message: `arg("field", "title")` fills `{ $field }`.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    pub fn at_column(mut self, column: usize) -> Self {
        self.column = column;
        self
    }

    /// The problem also concerns `line`.
    pub fn also_at(mut self, line: usize) -> Self {
        self.related_line = Some(line);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The message in `messages`' language.
    pub fn message_in(&self, messages: &Messages) -> String {
        messages.text(self.code.message_id(), &self.args)
    }

    /// What to do about it, in `messages`' language.
    pub fn hint_in(&self, messages: &Messages) -> Option<String> {
        messages.attribute(self.code.message_id(), "hint", &self.args)
    }

    /// The message in English.
    pub fn message(&self) -> String {
        self.message_in(Messages::english())
    }

    /// The hint in English.
    pub fn hint(&self) -> Option<String> {
        self.hint_in(Messages::english())
    }

    /// The problem as the terminal shows it, in `messages`' language:
    /// `error[E0213]: content/a.md:3:5: message` and the hint below.
    pub fn render(&self, messages: &Messages) -> String {
        let kind = messages.text(
            match self.severity {
                Severity::Error => "severity-error",
                Severity::Warning => "severity-warning",
            },
            &[],
        );
        let mut out = format!("{kind}[{}]: {}", self.code.id(), display_path(&self.file));
        if self.line > 0 {
            out.push_str(&format!(":{}", self.line));
            if self.column > 0 {
                out.push_str(&format!(":{}", self.column));
            }
        }
        out.push_str(": ");
        out.push_str(&self.message_in(messages));
        if let Some(hint) = self.hint_in(messages) {
            out.push_str("\n  ");
            out.push_str(&messages.text("hint-label", &[]));
            out.push_str(": ");
            out.push_str(&hint);
        }
        out
    }

    /// The problem as `check --format json` gives it.
    pub fn to_json(&self, messages: &Messages) -> serde_json::Value {
        serde_json::json!({
            "severity": self.severity,
            "code": self.code.id(),
            "file": display_path(&self.file),
            "line": self.line,
            "column": self.column,
            "related_line": self.related_line,
            "message": self.message_in(messages),
            "hint": self.hint_in(messages),
        })
    }
}

impl fmt::Display for Diagnostic {
    /// In English; the command line renders in the volunteer's language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Messages::english()))
    }
}

fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// All the problems of one run, in a stable order.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// The errors, without the warnings.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| d.is_error())
    }

    pub fn error_count(&self) -> usize {
        self.errors().count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Sorts by file, line and column and drops exact repeats, so output does
    /// not depend on the order parallel work finished in.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.severity, a.code, format!("{:?}", a.args)).cmp(&(
                &b.file,
                b.line,
                b.column,
                b.severity,
                b.code,
                format!("{:?}", b.args),
            ))
        });
        self.items.dedup();
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// The known name nearest to `unknown`, if one is close enough to be a typo.
pub fn nearest<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|k| (strsim::damerau_levenshtein(unknown, k), k))
        .filter(|(distance, k)| *distance <= (k.len() / 3).max(2))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_key() {
        assert_eq!(nearest("titel", ["title", "summary"]), Some("title"));
        assert_eq!(nearest("zzzzzz", ["title", "summary"]), None);
    }

    #[test]
    fn prints_code_file_line_column_and_hint_in_the_chosen_language() {
        let d = Diagnostic::new(Code::RequiredFieldMissing, "content/a.md", 3)
            .arg("field", "title")
            .at_column(5);
        assert_eq!(
            d.to_string(),
            "error[E0213]: content/a.md:3:5: the required field `title` is missing\n  hint: add a line `title: ...` between the two `---` lines"
        );
        let italian = Messages::of(crate::messages::ToolLanguage::from_code("it").unwrap());
        assert!(
            d.render(italian)
                .starts_with("errore[E0213]: content/a.md:3:5: manca il campo obbligatorio `title`"),
            "{}",
            d.render(italian)
        );
    }
}
