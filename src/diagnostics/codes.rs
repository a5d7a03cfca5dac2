//! The stable code of every problem sportello reports (`E0203`), with its
//! severity and its message in the catalogs (`src/messages/<lang>.ftl`).
//! Codes never change meaning: the editor, scripts and volunteers look a
//! problem up by its code whatever the language (docs/diagnostics.md).
//!
//! E01xx: files and their names · E02xx: front matter · E03xx: links and
//! references · E04xx: site.yaml and languages · E05xx: theme and output.
//! W: warnings, which do not stop a build.

use super::Severity;

macro_rules! codes {
    ($($(#[$meta:meta])* $variant:ident = $code:literal, $message:literal;)*) => {
        /// A kind of problem.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($(#[$meta])* $variant,)*
        }

        impl Code {
            /// Every code, in order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as printed: `E0203`.
            pub fn id(self) -> &'static str {
                match self {
                    $(Code::$variant => $code,)*
                }
            }

            /// The message's id in the catalogs.
            pub fn message_id(self) -> &'static str {
                match self {
                    $(Code::$variant => $message,)*
                }
            }
        }
    };
}

codes! {
    NoContentFolder = "E0101", "no-content-folder";
    CannotReadFile = "E0102", "cannot-read-file";
    NotUtf8 = "E0103", "not-utf8";
    PageOutsideSection = "E0104", "page-outside-section";
    UnknownSectionFolder = "E0105", "unknown-section-folder";
    BadFileName = "E0106", "bad-file-name";
    NestedPageFolder = "E0107", "nested-page-folder";
    BadLanguageSuffix = "E0108", "bad-language-suffix";

    NoFrontMatter = "E0201", "no-front-matter";
    FrontMatterNotClosed = "E0202", "front-matter-not-closed";
    YamlSyntax = "E0203", "yaml-syntax";
    YamlUnclosed = "E0204", "yaml-unclosed";
    YamlTab = "E0205", "yaml-tab";
    FrontMatterNotMapping = "E0206", "front-matter-not-mapping";
    DuplicateKey = "E0207", "duplicate-key";
    NotAFieldName = "E0208", "not-a-field-name";
    UnknownField = "E0209", "unknown-field";
    FactInTranslation = "E0210", "fact-in-translation";
    TranslationFieldInSource = "E0211", "translation-field-in-source";
    BadValue = "E0212", "bad-value";
    RequiredFieldMissing = "E0213", "required-field-missing";
    HoursUnreadable = "E0214", "hours-unreadable";
    UntilBeforeDate = "E0215", "until-before-date";

    UnknownReference = "E0301", "unknown-reference";
    UnknownTopic = "E0302", "unknown-topic";
    LinkOutsideContent = "E0303", "link-outside-content";
    BrokenLink = "E0304", "broken-link";
    BrokenAnchor = "E0305", "broken-anchor";
    TranslationWithoutSource = "E0306", "translation-without-source";
    SourceLanguageSuffix = "E0307", "source-language-suffix";
    LanguageNotOfSite = "E0308", "language-not-of-site";
    SourceUpdatedMissing = "E0309", "source-updated-missing";
    UnknownHelpDesk = "E0310", "unknown-help-desk";
    LinkToMissingFile = "E0311", "link-to-missing-file";
    AttachmentMissing = "E0312", "attachment-missing";
    ImageWithoutAlt = "E0313", "image-without-alt";
    ImageUnreadable = "E0314", "image-unreadable";
    UnpublishedFileType = "E0315", "unpublished-file-type";
    FormMissing = "E0316", "form-missing";

    SiteYaml = "E0401", "site-yaml";
    LanguagesEmpty = "E0402", "languages-empty";
    SourceLanguageNotListed = "E0403", "source-language-not-listed";
    BaseUrlInvalid = "E0404", "base-url-invalid";
    LanguageListedTwice = "E0405", "language-listed-twice";
    LanguageNeedsName = "E0406", "language-needs-name";
    LanguageUnknownToTheme = "E0407", "language-unknown-to-theme";
    LanguageFile = "E0408", "language-file";
    UnknownToolLanguage = "E0409", "unknown-tool-language";
    NoSiteYaml = "E0410", "no-site-yaml";
    EditorRepo = "E0411", "editor-repo";
    EditorAddress = "E0412", "editor-address";

    ThemeMissing = "E0501", "theme-missing";
    ThemeFileUnreadable = "E0502", "theme-file-unreadable";
    TemplateError = "E0503", "template-error";
    ThemeWithoutEnglish = "E0504", "theme-without-english";
    OutputRefused = "E0505", "output-refused";
    OutputWriteFailed = "E0506", "output-write-failed";

    AnchorMissingInTranslation = "W0101", "anchor-missing-in-translation";
    SourceUpdatedLater = "W0102", "source-updated-later";
    ReviewOverdue = "W0103", "review-overdue";
    OfficeWithoutAddress = "W0104", "office-without-address";
    NoHelpDesk = "W0105", "no-help-desk";
    HelpDeskUnreachable = "W0106", "help-desk-unreachable";
    RawHtmlRemoved = "W0107", "raw-html-removed";
    JavascriptLinkRemoved = "W0108", "javascript-link-removed";
    ImageNotPublished = "W0109", "image-not-published";
    InterfaceStringsMissing = "W0110", "interface-strings-missing";
    AttachmentUnused = "W0112", "attachment-unused";
    AttachmentLarge = "W0113", "attachment-large";
    SvgCleaned = "W0114", "svg-cleaned";
}

impl Code {
    /// Errors stop a build; warnings are shown and the site is built.
    pub fn severity(self) -> Severity {
        if self.id().starts_with('W') {
            Severity::Warning
        } else {
            Severity::Error
        }
    }
}
