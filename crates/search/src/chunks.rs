//! Cutting the index into chunks by key range, and writing their payloads.
//!
//! Keys (words, stem keys, typo keys) are sorted as JavaScript sorts strings;
//! a chunk holds a contiguous range of keys, and is closed when the next key
//! would take it past its size target. The manifest lists, per chunk, the
//! shortest string that starts its range; the browser binary-searches it.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::corpus::{Corpus, Posting};
use crate::tokenize::cmp_js;
use crate::typo;

/// A term chunk is closed before its payload passes this many bytes.
pub const TERM_CHUNK_TARGET: usize = 32 * 1024;

/// A typo chunk is closed before its payload passes this many bytes.
pub const TYPO_CHUNK_TARGET: usize = 32 * 1024;

/// One chunk: the first key of its range (shortened) and its JSON payload.
pub(crate) struct Chunk {
    pub start: String,
    pub payload: String,
}

pub(crate) fn json_str(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}

/// The term chunks of a corpus.
///
/// A chunk holds the words of its key range, each with the indices of its
/// stems in the chunk's stem table, and the stem table: every stem whose key
/// is in the range or that a word of the range has, with its postings. A
/// stem whose words fall in several chunks is repeated in each, so one chunk
/// answers a word; a stem also lives at its own key so that a stem computed
/// by the stem rules is found. Postings name documents by id.
pub(crate) fn term_chunks(corpus: &Corpus) -> Vec<Chunk> {
    let stem_entries: HashMap<&str, String> = corpus
        .stems
        .iter()
        .map(|(stem, postings)| (stem.as_str(), stem_entry(stem, postings)))
        .collect();
    let mut keys: Vec<&str> = corpus
        .words
        .keys()
        .chain(corpus.stems.keys())
        .map(String::as_str)
        .collect();
    keys.sort_by(|a, b| cmp_js(a, b));
    keys.dedup();

    struct Open<'k> {
        keys: Vec<&'k str>,
        stems: BTreeSet<&'k str>,
        size: usize,
    }
    let empty = || Open {
        keys: Vec::new(),
        stems: BTreeSet::new(),
        size: 16,
    };
    let needed = |key: &'_ str| -> Vec<&str> {
        let mut stems: Vec<&str> = corpus
            .words
            .get(key)
            .map(|s| s.iter().map(String::as_str).collect())
            .unwrap_or_default();
        if let Some((stem, _)) = corpus.stems.get_key_value(key) {
            if !stems.contains(&stem.as_str()) {
                stems.push(stem.as_str());
            }
        }
        stems
    };
    let cost = |open: &Open, key: &str, stems: &[&str]| -> usize {
        let mut bytes = corpus
            .words
            .get(key)
            .map_or(0, |s| json_str(key).len() + 4 + 4 * s.len());
        for stem in stems.iter().filter(|s| !open.stems.contains(*s)) {
            bytes += stem_entries[stem].len() + 1;
        }
        bytes
    };

    let mut closed: Vec<Open> = Vec::new();
    let mut open = empty();
    for key in keys {
        let stems = needed(key);
        let mut bytes = cost(&open, key, &stems);
        if !open.keys.is_empty() && open.size + bytes > TERM_CHUNK_TARGET {
            closed.push(std::mem::replace(&mut open, empty()));
            bytes = cost(&open, key, &stems);
        }
        open.stems.extend(stems);
        open.keys.push(key);
        open.size += bytes;
    }
    if !open.keys.is_empty() {
        closed.push(open);
    }

    let mut chunks = Vec::with_capacity(closed.len());
    let mut previous_last: Option<&str> = None;
    for open in &closed {
        let mut stems: Vec<&str> = open.stems.iter().copied().collect();
        stems.sort_by(|a, b| cmp_js(a, b));
        let index: HashMap<&str, usize> = stems.iter().enumerate().map(|(i, s)| (*s, i)).collect();
        let mut payload = String::from("{\"s\":[");
        payload.push_str(
            &stems
                .iter()
                .map(|s| stem_entries[s].as_str())
                .collect::<Vec<_>>()
                .join(","),
        );
        payload.push_str("],\"w\":[");
        let mut first = true;
        for key in &open.keys {
            let Some(word_stems) = corpus.words.get(*key) else {
                continue;
            };
            if !first {
                payload.push(',');
            }
            first = false;
            let ids: Vec<String> = word_stems.iter().map(|s| index[s.as_str()].to_string()).collect();
            if ids.len() == 1 {
                payload.push_str(&format!("[{},{}]", json_str(key), ids[0]));
            } else {
                payload.push_str(&format!("[{},[{}]]", json_str(key), ids.join(",")));
            }
        }
        payload.push_str("]}");
        chunks.push(Chunk {
            start: range_start(previous_last, open.keys[0]),
            payload,
        });
        previous_last = open.keys.last().copied();
    }
    chunks
}

/// `["stem",[doc delta,score,section,…]]`
fn stem_entry(stem: &str, postings: &[Posting]) -> String {
    let mut out = format!("[{},[", json_str(stem));
    let mut last = 0;
    for (i, p) in postings.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&format!("{},{},{}", p.doc - last, p.score, p.section));
        last = p.doc;
    }
    out.push_str("]]");
    out
}

/// The typo chunks of a word list (see [`crate::typo`]): `{"w":["word",mask,…]}`.
pub(crate) fn typo_chunks<'a>(words: impl Iterator<Item = &'a str>) -> Vec<Chunk> {
    let mut entries: Vec<(String, &str, u32)> = Vec::new();
    for word in words {
        let len = word.chars().count();
        if (typo::MIN_WORD_CHARS..=typo::MAX_WORD_CHARS).contains(&len) {
            for (key, bit) in typo::keys(word) {
                entries.push((key, word, bit));
            }
        }
    }
    entries.sort_by(|a, b| cmp_js(&a.0, &b.0).then_with(|| cmp_js(a.1, b.1)));

    let new_words_bytes = |masks: &BTreeMap<&str, u32>, group: &[(String, &str, u32)]| -> usize {
        group
            .iter()
            .filter(|e| !masks.contains_key(e.1))
            .map(|e| json_str(e.1).len() + 12)
            .sum()
    };
    // (first key, last key, word → mask) of each chunk.
    let mut built: Vec<(&str, &str, BTreeMap<&str, u32>)> = Vec::new();
    let mut masks: BTreeMap<&str, u32> = BTreeMap::new();
    let mut size = 8;
    let mut range: Option<(&str, &str)> = None;
    let mut i = 0;
    while i < entries.len() {
        let key = entries[i].0.as_str();
        let group_end = entries[i..]
            .iter()
            .position(|e| e.0 != key)
            .map_or(entries.len(), |n| i + n);
        let group = &entries[i..group_end];
        let mut bytes = new_words_bytes(&masks, group);
        if let Some((first, last)) = range {
            if size + bytes > TYPO_CHUNK_TARGET {
                built.push((first, last, std::mem::take(&mut masks)));
                size = 8;
                range = None;
                bytes = new_words_bytes(&masks, group);
            }
        }
        for (_, word, bit) in group {
            *masks.entry(word).or_default() |= 1 << bit;
        }
        range = Some((range.map_or(key, |r| r.0), key));
        size += bytes;
        i = group_end;
    }
    if let Some((first, last)) = range {
        built.push((first, last, masks));
    }

    let mut previous_last = None;
    built
        .iter()
        .map(|(first, last, masks)| {
            let mut words: Vec<(&&str, &u32)> = masks.iter().collect();
            words.sort_by(|a, b| cmp_js(a.0, b.0));
            let body: Vec<String> = words.iter().map(|(w, m)| format!("{},{}", json_str(w), m)).collect();
            let chunk = Chunk {
                start: range_start(previous_last, first),
                payload: format!("{{\"w\":[{}]}}", body.join(",")),
            };
            previous_last = Some(*last);
            chunk
        })
        .collect()
}

/// The shortest prefix of `first` that still sorts after `previous_last`;
/// the empty string for the first chunk.
fn range_start(previous_last: Option<&str>, first: &str) -> String {
    let Some(previous) = previous_last else {
        return String::new();
    };
    let mut prefix = String::new();
    for c in first.chars() {
        prefix.push(c);
        if cmp_js(&prefix, previous).is_gt() {
            break;
        }
    }
    prefix
}
