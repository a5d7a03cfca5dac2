//! Content: reading content/ and turning each file into a typed document.

pub mod attachments;
pub mod date;
pub mod document;
pub mod front_matter;
pub mod ids;
pub mod load;
pub mod markdown;
pub mod schema;
pub mod svg;
mod yaml_problems;

pub use attachments::{Attachment, Attachments};
pub use date::Date;
pub use document::{parse_document, Document, Facts, PageText};
pub use ids::{LangCode, PageId, Section, Slug};
pub use load::{load_content, Loaded, SourceFile};
