//! sportello: a static multilingual information-portal generator.
//!
//! The chain is in [`build`]: load → parse → resolve → index → render → write
//! (ARCHITECTURE.md describes each stage and module).

pub mod bidi;
pub mod build;
pub mod calendar;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod editor;
pub mod glossary;
pub mod hours;
pub mod html;
pub mod media;
pub mod messages;
pub mod output;
pub mod process;
pub mod publish;
pub mod rebuild;
pub mod render;
pub mod scaffold;
pub mod search_index;
pub mod serve;
pub mod site;
pub mod status;
pub mod strings;
pub mod text_file;
pub mod theme;

pub use build::{build, check, BuildReport, Checked};
pub use diagnostics::{Diagnostic, Diagnostics, Severity};

/// Most pages (or files) a parallel task takes on at once. Rayon otherwise
/// cuts a list into as many parts as there are cores, and a core that
/// finishes its part can only wait while another works through a long one:
/// on two cores that left one idle for a tenth of a second at the end of
/// every stage.
pub(crate) const PAGES_PER_TASK: usize = 16;

/// Frees `value` on a thread of its own. A site of tens of thousands of
/// pages takes a fifth of a second to free, on one core, which the caller
/// (a command about to exit, or `serve` about to wait for the next save)
/// need not wait for. Should the thread not start, it is freed here.
pub(crate) fn free_in_background<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new()
        .name("free".into())
        .spawn(move || drop(value));
}
