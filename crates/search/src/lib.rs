//! The search of a sportello portal: a compile-time index per language, cut
//! into small content-hashed JavaScript chunks, and the browser runtime that
//! loads only the chunks a query needs (`assets/search.js`).
//!
//! # Files of one language (under `_search/<lang>/`)
//!
//! Every file is a script calling `sportelloSearch.add(name, data)`, so that
//! it loads with a `<script>` tag from `file://` as well as over HTTP. Names
//! end in the first 10 hex digits of the SHA-256 of the data: a file never
//! changes under its name, and the build is byte-for-byte reproducible.
//!
//! - `manifest-<hash>.js`, the only file a page names: the number of
//!   documents, the key range and hash of every term chunk (`t`) and typo
//!   chunk (`x`), and the stem rules (`r`, see [`stem_rules`]).
//! - `t-<hash>.js`, term chunks: a contiguous range of folded words, each with
//!   its stem groups, and the postings of those groups (document id, BM25F
//!   score, section), precomputed. At most 32 KB each before compression (see
//!   [`chunks`]).
//! - `x-<hash>.js`, typo chunks: a deletion-neighbourhood index (see [`typo`]).
//! - `i-<hash>.js`, doc tables: the display file hashes of 128 documents.
//! - `d/<hash>.js`, one per document: URL, title, summary, headings with
//!   anchors, and the start of each section, for result display and snippets.
//!
//! A one-word query fetches the runtime, the manifest, one or two term
//! chunks, then the doc tables and display files of the results shown (ten
//! at most); a typo adds about three typo chunks. Nothing is fetched before
//! the reader focuses a search box or opens the search page.
//!
//! # Matching
//!
//! Text is folded and segmented by [`tokenize`], identically here and in the
//! browser. Words are grouped by Snowball stem (of the text's language; the
//! Italian `extra_terms` with the Italian stemmer), and postings belong to
//! stem groups, scored with BM25F (title 5, Italian terms 4, headings 3,
//! summary 2, body 1; each field saturates on its own, so that a word in
//! the title outweighs any number of repeats in the body; see `corpus`). A query word matches, with decreasing
//! weight: the stem groups of the word itself (1); the groups of the stems
//! the rules give for it (0.8, see [`stem_rules`]); the words it begins
//! (0.6: the last query word, as it is typed, and any other of 4+ letters);
//! and, only if none of these matched and it has 5+ letters, the words one
//! edit away (0.7, scaled by how many pages say each candidate, see
//! [`typo`]). A document's score is the sum over the query words of its best
//! match; documents matching more of the query words come first. The result
//! links to the heading under which its best match weighs most.
//!
//! # Building
//!
//! [`build_index`] runs in parallel (rayon): documents are analysed in
//! batches, each distinct word folded and stemmed once (see `corpus`), and
//! every file is written and hashed as a task of its own. Its cost grows
//! with the text given, not with its square; the files are the same byte
//! for byte whatever the number of threads and the order of the documents.

pub mod chunks;
mod corpus;
mod sections;
pub mod stem_rules;
pub mod tokenize;
pub mod typo;

use std::borrow::Cow;

use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::chunks::{push_json_inner, push_json_str, Chunk};
use crate::corpus::Corpus;
use crate::sections::truncated;

/// Version of the file format, written in the manifest (`v`) so that files
/// of different formats can be told apart.
pub const FORMAT_VERSION: u32 = 1;

/// The browser runtime, written once by the build as a fingerprinted static file.
pub const SEARCH_JS: &str = include_str!("../assets/search.js");

/// Documents per doc table: the table of their display files' hashes. The
/// runtime divides by it with `>> 7`.
pub const DOC_TABLE_SIZE: usize = 128;

/// Characters of each section kept in a display file, for snippets.
const SECTION_CHARS: usize = 480;

/// Characters of section text kept in a display file in all.
const DOC_TEXT_CHARS: usize = 2400;

/// Characters of the summary kept in a display file.
const SUMMARY_CHARS: usize = 320;

/// One page to index, as the main crate gives it. Its texts may be
/// borrowed, so that the pages of every language share one copy.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchDocument<'a> {
    /// Page URL relative to the language root, e.g. "procedures/codice-fiscale/index.html".
    pub url: String,
    /// The page title.
    pub title: Cow<'a, str>,
    /// The page summary (one or two sentences).
    pub summary: Cow<'a, str>,
    /// Headings of the page, in order: (anchor id, heading text).
    pub headings: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    /// Plain text of the body, headings included where they stand (the body
    /// is cut into sections at the heading texts).
    pub body: Cow<'a, str>,
    /// ISO 639-1 language the text is written in: it chooses the stemmer.
    pub content_lang: Cow<'a, str>,
    /// True when the page is shown untranslated (content_lang differs from
    /// the index language); its results are labelled with its language.
    pub fallback: bool,
    /// Extra words that must find the page (its Italian title, its own
    /// glossary term), written in Italian and stemmed as Italian; they weigh
    /// almost as much as the title.
    pub extra_terms: Vec<Cow<'a, str>>,
    /// Italian terms the page's source text mentions (glossary terms), so
    /// that they find it from the search of any language; stemmed as
    /// Italian, they weigh as much as the body.
    pub mentioned_terms: Vec<Cow<'a, str>>,
}

/// One file to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexFile {
    /// Path relative to the output root (public/), '/'-separated.
    pub path: String,
    /// The file's content.
    pub bytes: Vec<u8>,
}

/// The search index of one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanguageIndex {
    /// All files to write, sorted by path.
    pub files: Vec<IndexFile>,
    /// Path of the manifest script (relative to the output root), which
    /// pages reference in `data-search-manifest`.
    pub manifest_path: String,
}

/// Builds the index of one language: all files to write, and the path of the manifest script to reference from pages.
///
/// `index_lang` becomes a path segment: characters other than ASCII letters,
/// digits and '-' are dropped from it.
pub fn build_index(index_lang: &str, docs: &[SearchDocument]) -> LanguageIndex {
    let lang: String = index_lang
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let dir = format!("_search/{lang}");
    let mut corpus = Corpus::build(docs);
    let learned = stem_rules::learn(corpus.pairs());
    corpus.add_clitic_aliases(&learned.clitics);

    let ((displays, term_chunks), typo_chunks) = rayon::join(
        || {
            rayon::join(
                || {
                    corpus
                        .docs
                        .par_iter()
                        .with_min_len(16)
                        .map(|(doc, sections)| script_file(&dir, "d/", display_payload(doc, &sections.texts)))
                        .collect::<Vec<_>>()
                },
                || chunks::term_chunks(&corpus),
            )
        },
        || chunks::typo_chunks(corpus.words.iter().map(|w| w.text.as_str())),
    );
    let mut files = Vec::with_capacity(
        displays.len() + displays.len() / DOC_TABLE_SIZE + 2 + term_chunks.len() + typo_chunks.len(),
    );
    let mut doc_hashes = Vec::with_capacity(displays.len());
    for (hash, file) in displays {
        files.push(file);
        doc_hashes.push(hash);
    }

    let doc_tables: Vec<String> = doc_hashes
        .chunks(DOC_TABLE_SIZE)
        .map(|hashes| {
            let (hash, file) = script_file(&dir, "i-", to_json(&hashes));
            files.push(file);
            hash
        })
        .collect();
    let mut listed = |kind: &str, list: Vec<Chunk>| -> Vec<(String, String)> {
        let written: Vec<(String, (String, IndexFile))> = list
            .into_par_iter()
            .map(|chunk| (chunk.start, script_file(&dir, kind, chunk.payload)))
            .collect();
        written
            .into_iter()
            .map(|(start, (hash, file))| {
                files.push(file);
                (start, hash)
            })
            .collect()
    };
    let term_list = listed("t-", term_chunks);
    let typo_list = listed("x-", typo_chunks);

    let manifest = Manifest {
        v: FORMAT_VERSION,
        lang: &lang,
        n: corpus.docs.len(),
        i: doc_tables,
        t: term_list,
        x: typo_list,
        r: learned
            .rules
            .iter()
            .map(|r| [r.prefix.as_str(), r.suffix.as_str(), r.stem_suffix.as_str()])
            .collect(),
        e: tokenize::Stemmer::new(&lang).irregular_stems(),
    };
    let (_, manifest_file) = script_file(&dir, "manifest-", to_json(&manifest));
    let manifest_path = manifest_file.path.clone();
    files.push(manifest_file);
    files.par_sort_unstable_by(|a, b| a.path.cmp(&b.path));
    LanguageIndex { files, manifest_path }
}

/// The manifest's data. Field names are short: this is downloaded.
#[derive(Serialize)]
struct Manifest<'a> {
    /// Format version.
    v: u32,
    /// Index language.
    lang: &'a str,
    /// Number of documents.
    n: usize,
    /// Doc tables: hash of the table of documents `k * DOC_TABLE_SIZE ..`.
    i: Vec<String>,
    /// Term chunks: (first key of the range, hash).
    t: Vec<(String, String)>,
    /// Typo chunks: (first key of the range, hash).
    x: Vec<(String, String)>,
    /// Stem rules: (prefix to drop, suffix to drop, suffix to add).
    r: Vec<[&'a str; 3]>,
    /// Irregular forms: (folded word, stem key of its base word).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    e: Vec<(&'static str, String)>,
}

/// A document's display data, as JSON with short field names (this is
/// downloaded): `u` URL relative to the language root, `t` title, `s`
/// summary (truncated), `l` language of the text (fallback pages only), `h`
/// headings as (anchor, text), `b` the start of each section's text: before
/// the first heading, then under each.
fn display_payload(doc: &SearchDocument, sections: &[&str]) -> String {
    let summary = truncated(&doc.summary, SUMMARY_CHARS);
    let mut budget = DOC_TEXT_CHARS;
    let kept: Vec<Option<(&str, bool)>> = sections
        .iter()
        .map(|text| {
            let (head, cut) = truncated(text, SECTION_CHARS.min(budget));
            let kept_chars = head.chars().count() + usize::from(cut);
            budget = budget.saturating_sub(kept_chars);
            (budget > 0 || kept_chars >= 2).then_some((head, cut))
        })
        .collect();
    // What the payload holds, with room for escapes and for the call around it.
    let text_bytes = doc.url.len()
        + doc.title.len()
        + summary.0.len()
        + doc.headings.iter().map(|(a, t)| a.len() + t.len() + 6).sum::<usize>()
        + kept.iter().flatten().map(|(head, _)| head.len() + 6).sum::<usize>();
    let mut out = String::with_capacity(SCRIPT_ROOM + 64 + text_bytes + text_bytes / 8);
    out.push_str("{\"u\":");
    push_json_str(&mut out, &doc.url);
    out.push_str(",\"t\":");
    push_json_str(&mut out, &doc.title);
    out.push_str(",\"s\":");
    push_kept(&mut out, summary.0, summary.1);
    if doc.fallback {
        out.push_str(",\"l\":");
        push_json_str(&mut out, &doc.content_lang);
    }
    out.push_str(",\"h\":[");
    for (i, (anchor, text)) in doc.headings.iter().enumerate() {
        out.push_str(if i > 0 { ",[" } else { "[" });
        push_json_str(&mut out, anchor);
        out.push(',');
        push_json_str(&mut out, text);
        out.push(']');
    }
    out.push_str("],\"b\":[");
    for (i, kept) in kept.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match kept {
            Some((head, cut)) => push_kept(&mut out, head, cut),
            None => out.push_str("\"\""),
        }
    }
    out.push_str("]}");
    out
}

/// A truncated text as a JSON string, with "…" where it was cut.
fn push_kept(out: &mut String, head: &str, cut: bool) {
    out.push('"');
    push_json_inner(out, head);
    if cut {
        out.push('…');
    }
    out.push('"');
}

fn to_json<T: Serialize>(value: &T) -> String {
    // Serialising these plain structs (strings, numbers, sequences) cannot fail.
    serde_json::to_string(value).unwrap_or_default()
}

fn short_hash(payload: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(payload.as_bytes());
    digest[..5]
        .iter()
        .flat_map(|b| [HEX[usize::from(b >> 4)] as char, HEX[usize::from(b & 15)] as char])
        .collect()
}

/// The script `sportelloSearch.add("<kind><hash>",<payload>);` and its hash,
/// that of the payload as written. U+2028 and U+2029 are escaped, for
/// JavaScript engines older than ES2019 where they end a string.
fn script_file(dir: &str, kind: &str, payload: impl Into<String>) -> (String, IndexFile) {
    let mut payload: String = payload.into();
    if has_line_separator(&payload) {
        payload = payload.replace('\u{2028}', "\\u2028").replace('\u{2029}', "\\u2029");
    }
    let hash = short_hash(&payload);
    // The call wraps the payload where it lies (its builders leave room).
    let head = format!("sportelloSearch.add(\"{kind}{hash}\",");
    payload.reserve(head.len() + 3);
    payload.insert_str(0, &head);
    payload.push_str(");\n");
    let file = IndexFile {
        path: format!("{dir}/{kind}{hash}.js"),
        bytes: payload.into_bytes(),
    };
    (hash, file)
}

/// Whether `text` holds U+2028 or U+2029 (bytes E2 80 A8 or E2 80 A9).
/// Looked for byte by byte, with a vector search for their first byte,
/// rather than decoding every character.
fn has_line_separator(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xe2, bytes).any(|i| matches!(bytes.get(i + 1..i + 3), Some([0x80, 0xa8 | 0xa9])))
}

/// Room a payload builder leaves for the call around it (see [`script_file`]).
pub(crate) const SCRIPT_ROOM: usize = 48;

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// An Italian document with no headings.
    pub(crate) fn doc(url: &str, title: &str, summary: &str, body: &str) -> SearchDocument<'static> {
        SearchDocument {
            url: url.into(),
            title: title.to_owned().into(),
            summary: summary.to_owned().into(),
            body: body.to_owned().into(),
            content_lang: "it".into(),
            ..SearchDocument::default()
        }
    }

    fn sample() -> Vec<SearchDocument<'static>> {
        let mut docs = Vec::new();
        for i in 0..300 {
            let mut d = doc(
                &format!("guide/{i:03}/index.html"),
                &format!("Guida numero {i} al permesso di soggiorno"),
                "Documenti, uffici e orari della questura.",
                &format!(
                    "Introduzione {i}. Cosa portare\nPassaporto, codice fiscale {i}, \
                     tessera sanitaria e marca da bollo. Dove andare\nQuestura di \
                     Isernia, via {i}, telefono 0865 {i:04}."
                ),
            );
            d.headings = vec![
                ("cosa-portare".into(), "Cosa portare".into()),
                ("dove-andare".into(), "Dove andare".into()),
            ];
            docs.push(d);
        }
        docs
    }

    fn payload_of(file: &IndexFile) -> serde_json::Value {
        let text = String::from_utf8(file.bytes.clone()).expect("utf-8");
        let start = text.find(',').expect("name, data") + 1;
        let end = text.rfind(");").expect("call end");
        serde_json::from_str(&text[start..end]).expect("data is JSON")
    }

    #[test]
    fn line_separators_are_found_among_other_characters_of_their_block() {
        assert!(!has_line_separator(
            "l\u{2019}ufficio \u{2014} \u{2026} \u{20ac} \u{e2}"
        ));
        assert!(has_line_separator("a\u{2019}b\u{2028}"));
        assert!(has_line_separator("\u{2029}"));
        let (_, file) = script_file("s", "d", "[\"a\u{2028}b\"]");
        let script = String::from_utf8(file.bytes).unwrap();
        assert!(script.contains("\"a\\u2028b\""), "{script}");
    }

    #[test]
    fn output_is_deterministic() {
        let docs = sample();
        let a = build_index("it", &docs);
        let mut reversed = docs.clone();
        reversed.reverse();
        let b = build_index("it", &reversed);
        assert_eq!(a, b);
    }

    #[test]
    fn manifest_lists_every_chunk_and_names_are_content_hashes() {
        let index = build_index("it", &sample());
        let manifest_file = index
            .files
            .iter()
            .find(|f| f.path == index.manifest_path)
            .expect("manifest written");
        let manifest = payload_of(manifest_file);
        let listed = |key: &str, prefix: &str| -> BTreeSet<String> {
            manifest[key]
                .as_array()
                .expect("chunk list")
                .iter()
                .map(|e| format!("_search/it/{prefix}-{}.js", e[1].as_str().expect("hash")))
                .collect()
        };
        let written = |prefix: &str| -> BTreeSet<String> {
            index
                .files
                .iter()
                .filter(|f| f.path.starts_with(&format!("_search/it/{prefix}-")))
                .map(|f| f.path.clone())
                .collect()
        };
        assert!(listed("t", "t").len() > 1, "several term chunks");
        assert_eq!(listed("t", "t"), written("t"));
        assert_eq!(listed("x", "x"), written("x"));
        let tables: BTreeSet<String> = manifest["i"]
            .as_array()
            .expect("doc tables")
            .iter()
            .map(|h| format!("_search/it/i-{}.js", h.as_str().expect("hash")))
            .collect();
        assert_eq!(tables.len(), 3, "300 documents, 128 a table");
        assert_eq!(tables, written("i"));
        assert_eq!(manifest["n"], 300);
        for file in &index.files {
            let text = String::from_utf8(file.bytes.clone()).expect("utf-8");
            let name = file.path.trim_start_matches("_search/it/").trim_end_matches(".js");
            assert!(
                text.starts_with(&format!("sportelloSearch.add(\"{name}\",")),
                "{}",
                file.path
            );
            let data = &text[name.len() + 23..text.len() - 3];
            let hash = name.rsplit(['-', '/']).next().expect("hash");
            assert_eq!(hash, short_hash(data), "{}", file.path);
        }
    }

    #[test]
    fn chunk_ranges_are_sorted_and_start_empty() {
        let index = build_index("it", &sample());
        let manifest = payload_of(
            index
                .files
                .iter()
                .find(|f| f.path == index.manifest_path)
                .expect("manifest"),
        );
        for key in ["t", "x"] {
            let starts: Vec<&str> = manifest[key]
                .as_array()
                .expect("list")
                .iter()
                .map(|e| e[0].as_str().expect("start"))
                .collect();
            assert_eq!(starts[0], "");
            assert!(starts.windows(2).all(|w| tokenize::cmp_js(w[0], w[1]).is_lt()));
        }
    }

    #[test]
    fn no_chunk_exceeds_its_target() {
        let index = build_index("it", &sample());
        for file in &index.files {
            let name = file.path.rsplit('/').next().expect("file name");
            let limit = if name.starts_with("t-") {
                chunks::TERM_CHUNK_TARGET
            } else if name.starts_with("x-") {
                chunks::TYPO_CHUNK_TARGET
            } else {
                continue;
            };
            assert!(
                file.bytes.len() <= limit + 64,
                "{} is {} bytes",
                file.path,
                file.bytes.len()
            );
        }
    }

    #[test]
    fn every_word_is_in_the_chunk_its_range_names() {
        let index = build_index("it", &sample());
        let manifest = payload_of(
            index
                .files
                .iter()
                .find(|f| f.path == index.manifest_path)
                .expect("manifest"),
        );
        let list = manifest["t"].as_array().expect("chunks");
        for (i, entry) in list.iter().enumerate() {
            let path = format!("_search/it/t-{}.js", entry[1].as_str().expect("hash"));
            let file = index.files.iter().find(|f| f.path == path).expect("chunk");
            let data = payload_of(file);
            let stems = data["s"].as_array().expect("stems");
            for w in data["w"].as_array().expect("words") {
                let word = w[0].as_str().expect("word");
                let owner = list
                    .iter()
                    .rposition(|e| tokenize::cmp_js(e[0].as_str().expect("start"), word).is_le())
                    .expect("a range");
                assert_eq!(owner, i, "{word}");
                let ids: Vec<usize> = match &w[1] {
                    serde_json::Value::Array(a) => a.iter().map(|v| v.as_u64().expect("id") as usize).collect(),
                    v => vec![v.as_u64().expect("id") as usize],
                };
                assert!(ids.iter().all(|&id| id < stems.len()));
            }
        }
    }

    #[test]
    fn fallback_documents_carry_their_language() {
        let mut d = doc("a/index.html", "Codice fiscale", "", "Testo.");
        d.fallback = true;
        let index = build_index("ar", &[d]);
        let display = index
            .files
            .iter()
            .find(|f| f.path.starts_with("_search/ar/d/"))
            .expect("display file");
        assert_eq!(payload_of(display)["l"], "it");
    }

    #[test]
    fn display_text_is_bounded() {
        let mut d = doc("a/index.html", "Lungo", "", &"parola ".repeat(5000));
        d.headings = vec![("x".into(), "Titolo".into())];
        let index = build_index("it", &[d]);
        let display = index
            .files
            .iter()
            .find(|f| f.path.starts_with("_search/it/d/"))
            .expect("display file");
        assert!(display.bytes.len() < DOC_TEXT_CHARS + 400);
    }

    #[test]
    fn runtime_uses_the_doc_table_size() {
        assert_eq!(DOC_TABLE_SIZE, 1 << 7);
        assert!(SEARCH_JS.contains("M.i[r.d >> 7]") && SEARCH_JS.contains("t[r.d & 127]"));
    }

    #[test]
    fn empty_index_still_has_a_manifest() {
        let index = build_index("uk", &[]);
        assert_eq!(index.files.len(), 1);
        assert!(index.manifest_path.starts_with("_search/uk/manifest-"));
    }

    #[test]
    fn language_becomes_a_safe_path_segment() {
        let index = build_index("../en", &[]);
        assert!(index.manifest_path.starts_with("_search/en/"));
    }

    #[test]
    fn line_separators_are_escaped() {
        let d = doc("a/index.html", "A\u{2028}B", "", "");
        let index = build_index("it", &[d]);
        for file in &index.files {
            let text = String::from_utf8(file.bytes.clone()).expect("utf-8");
            assert!(!text.contains('\u{2028}'));
        }
    }
}
