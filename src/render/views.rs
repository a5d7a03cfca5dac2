//! The views templates read: what a page shows, already in the reader's
//! language, with every link placed at the page's depth. Field names are
//! the variables of the theme's templates (`page.title.text`, `page.offices`…),
//! so renaming one breaks sites that override a template.

use std::borrow::Cow;

use serde::Serialize;

use crate::site::TranslationState;

/// A link to another page, titled in the reader's language where possible.
#[derive(Serialize, Clone)]
pub struct LinkView<'a> {
    pub title: Cow<'a, str>,
    /// Set when the title is in another language than the page around it.
    pub lang: Option<&'a str>,
    pub dir: Option<&'static str>,
    pub href: String,
    pub summary: Option<&'a str>,
    pub section: &'static str,
    /// A notice's day of publication, `YYYY-MM-DD` and as readers write it.
    pub date: Option<String>,
    pub date_text: Option<String>,
}

impl LinkView<'_> {
    /// A link whose title is in the page's own language.
    pub fn plain(title: impl Into<String>, href: String, section: &'static str) -> LinkView<'static> {
        LinkView {
            title: Cow::Owned(title.into()),
            lang: None,
            dir: None,
            href,
            summary: None,
            section,
            date: None,
            date_text: None,
        }
    }
}

/// A view turned into the templates' value once and shared by every page
/// that shows it: a link ([`LinkView`]) at one depth, a glossary entry
/// ([`GlossView`]). A page's view holds these rather than the views
/// themselves, so that a link listed on thousands of pages is not turned
/// into a value thousands of times; cloning one counts a reference.
#[derive(Clone)]
pub struct SharedView(tera::Value);

impl SharedView {
    pub fn of(view: &impl Serialize) -> Self {
        SharedView(tera::Value::from_serializable(view))
    }
}

impl Serialize for SharedView {
    /// Into a template value, the value itself (Tera clones it).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl From<LinkView<'_>> for SharedView {
    fn from(link: LinkView<'_>) -> Self {
        SharedView::of(&link)
    }
}

/// A text field shown in the reader's language, or marked with the language
/// it is really in.
#[derive(Serialize)]
pub struct Text {
    pub text: String,
    pub lang: Option<String>,
    pub dir: Option<&'static str>,
}

impl Text {
    /// A text in the page's own language.
    pub fn plain(text: impl Into<String>) -> Self {
        Text {
            text: text.into(),
            lang: None,
            dir: None,
        }
    }
}

/// The notice on a page that is not (or not fully) in the reader's language.
#[derive(Serialize)]
pub struct Notice {
    pub kind: TranslationState,
    pub date: Option<String>,
    pub source_href: String,
    pub source_lang_name: String,
}

/// One day of an office's week.
#[derive(Serialize)]
pub struct HoursRow {
    pub day: String,
    pub spans: Vec<String>,
    pub notes: Vec<String>,
}

/// An office's opening hours as a week table.
#[derive(Serialize)]
pub struct HoursView {
    pub rows: Vec<HoursRow>,
    pub varies: bool,
    pub raw: String,
    /// For the "open now" script: [[day 0-6, from, to, certain], ...].
    pub data: String,
    /// The weekday names, Monday first, separated by `|`, for the script.
    pub days: String,
}

/// A phone number as shown and as dialled.
#[derive(Serialize)]
pub struct PhoneView {
    pub display: String,
    pub tel: String,
}

impl PhoneView {
    pub fn of(number: &str) -> Self {
        PhoneView {
            display: number.to_owned(),
            tel: number.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect(),
        }
    }
}

/// An official page the facts come from, with how recent it is.
#[derive(Serialize)]
pub struct SourceView {
    pub url: String,
    pub title: Option<String>,
    /// The language of the title, where it is not the reader's.
    pub title_lang: Option<String>,
    /// The date the page carries, as readers write it.
    pub date: Option<String>,
    /// The day it was read, when it carries no date, as readers write it.
    pub seen: Option<String>,
}

/// A form of a guide: its link, its title, its type and size ("PDF, 180 KB")
/// so that a reader on costly data knows before tapping, and its address
/// for print.
#[derive(Serialize)]
pub struct FormView {
    pub href: String,
    pub url: String,
    pub title: String,
    pub title_lang: Option<String>,
    pub meta: String,
}

/// A glossary entry in a page's "words explained" box.
#[derive(Serialize)]
pub struct GlossView {
    pub slug: String,
    pub term: String,
    pub translation: Option<String>,
    pub text: String,
    pub lang: Option<String>,
    pub dir: Option<&'static str>,
    pub href: String,
}

/// Everything a page template shows of its page. One type for every kind
/// of page, so that a template tests what it needs (`{% if page.hours %}`).
/// Lists of links hold [`LinkView`]s as [`SharedView`]s.
#[derive(Serialize, Default)]
pub struct PageView<'a> {
    pub kind: &'static str,
    pub section: &'static str,
    pub title: Option<Text>,
    pub summary: Option<Text>,
    pub body: &'a str,
    pub body_lang: Option<String>,
    pub body_dir: Option<&'static str>,
    pub has_steps: bool,
    pub notice: Option<Notice>,
    pub machine: bool,
    /// Dates as `YYYY-MM-DD` (for `<time datetime>`), each with its
    /// `_text` as readers of the page's language write it.
    pub updated: Option<String>,
    pub updated_text: Option<String>,
    pub reviewed: Option<String>,
    pub reviewed_text: Option<String>,
    pub review_overdue: bool,
    pub documents: Option<Text>,
    pub documents_list: Vec<String>,
    pub cost: Option<Text>,
    pub duration: Option<Text>,
    pub eligibility: Option<Text>,
    pub term: Option<String>,
    pub offices: Vec<SharedView>,
    pub services: Vec<SharedView>,
    pub comune: Option<SharedView>,
    pub comuni_all: bool,
    pub comuni: Vec<SharedView>,
    pub topics: Vec<SharedView>,
    pub address: Option<String>,
    pub geo: Option<(f64, f64)>,
    pub phones: Vec<PhoneView>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub hours: Option<HoursView>,
    pub languages_spoken: Vec<String>,
    pub sources: Vec<SourceView>,
    pub istat: Option<String>,
    pub used_by: Vec<SharedView>,
    pub offices_here: Vec<SharedView>,
    pub all_comuni: Vec<SharedView>,
    pub items: Vec<SharedView>,
    pub slug: String,
    /// Glossary entries used in the body, explained in the reader's language
    /// ([`GlossView`]).
    pub glossary: Vec<SharedView>,
    /// A QR code of the page's address, for print.
    pub qr_svg: Option<String>,
    /// schema.org data of an office, ready for a <script type="application/ld+json">.
    pub json_ld: Option<String>,
    /// The search page of a large portal: the initials of the guides.
    pub letters: Vec<SharedView>,
    /// A comune's page: the guides for every comune are too many to list
    /// and are reached through the section lists.
    pub district_wide_elsewhere: bool,
    /// A comune's page in a portal of many comuni: the other comuni are
    /// reached through the comuni list rather than listed on every page.
    pub comuni_elsewhere: bool,
    /// A notice: the day it was published, its last day, and whether that
    /// day has passed.
    pub published: Option<String>,
    pub published_text: Option<String>,
    pub until: Option<String>,
    pub until_text: Option<String>,
    pub past: bool,
    /// The home page: the latest notices still in force.
    pub news: Vec<SharedView>,
    /// Certified e-mail of an office or town hall.
    pub pec: Option<String>,
    /// A guide's forms.
    pub forms: Vec<FormView>,
}

impl PageView<'_> {
    /// A view with nothing but its kind and section, for lists and the like.
    pub fn of_kind(kind: &'static str, section: &'static str) -> Self {
        PageView {
            kind,
            section,
            ..Default::default()
        }
    }
}
