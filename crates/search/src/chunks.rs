//! Cutting the index into chunks by key range, and writing their payloads.
//!
//! Keys (words, stem keys, typo keys) are sorted as JavaScript sorts strings;
//! a chunk holds a contiguous range of keys, and is closed when the next key
//! would take it past its size target. The manifest lists, per chunk, the
//! shortest string that starts its range; the browser binary-searches it.
//!
//! Deciding the ranges is a quick pass over sizes; the payloads are then
//! written in parallel, one chunk per task.

use rayon::prelude::*;

use crate::corpus::{Corpus, Posting};
use crate::tokenize::cmp_js;
use crate::typo;
use crate::SCRIPT_ROOM;

/// A term chunk is closed before its payload passes this many bytes.
pub const TERM_CHUNK_TARGET: usize = 32 * 1024;

/// A typo chunk is closed before its payload passes this many bytes.
pub const TYPO_CHUNK_TARGET: usize = 32 * 1024;

/// One chunk: the first key of its range (shortened) and its JSON payload.
pub(crate) struct Chunk {
    pub start: String,
    pub payload: String,
}

/// Appends `s` as a JSON string, escaped as `serde_json` escapes (quote,
/// backslash, control characters) and, for JavaScript engines older than
/// ES2019 where they end a string, U+2028 and U+2029.
pub(crate) fn push_json_str(out: &mut String, s: &str) {
    out.push('"');
    push_json_inner(out, s);
    out.push('"');
}

/// Whether one of the 8 bytes of `x` may need escaping in a JSON string: a
/// control character, a quote, a backslash, or 0xE2 (which starts U+2028
/// and U+2029).
#[inline]
fn may_escape(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |y: u64| y.wrapping_sub(ONES) & !y & HIGH;
    let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
    (below_space | has_zero(x ^ (ONES * 0x22)) | has_zero(x ^ (ONES * 0x5c)) | has_zero(x ^ (ONES * 0xe2))) != 0
}

/// [`push_json_str`] without the quotes.
pub(crate) fn push_json_inner(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    // Skip, eight bytes at a time, the long stretches needing no escape.
    let mut i = 0;
    while i + 8 <= bytes.len() {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[i..i + 8]);
        if may_escape(u64::from_le_bytes(word)) {
            break;
        }
        i += 8;
    }
    if i == bytes.len() {
        out.push_str(s);
        return;
    }
    let mut plain = 0;
    for (i, &b) in bytes.iter().enumerate().skip(i) {
        let escape: Option<&str> = match b {
            b'"' => Some("\\\""),
            b'\\' => Some("\\\\"),
            b'\n' => Some("\\n"),
            b'\r' => Some("\\r"),
            b'\t' => Some("\\t"),
            0x08 => Some("\\b"),
            0x0c => Some("\\f"),
            0..=0x1f => None,
            0xe2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xa8 | 0xa9)) => None,
            _ => continue,
        };
        out.push_str(&s[plain..i]);
        match escape {
            Some(e) => {
                out.push_str(e);
                plain = i + 1;
            }
            None if b == 0xe2 => {
                out.push_str(if bytes[i + 2] == 0xa8 { "\\u2028" } else { "\\u2029" });
                plain = i + 3;
            }
            None => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[usize::from(b >> 4)] as char);
                out.push(HEX[usize::from(b & 15)] as char);
                plain = i + 1;
            }
        }
    }
    out.push_str(&s[plain..]);
}

/// Bytes of `s` as a JSON string as `serde_json` writes it (U+2028 and
/// U+2029 unescaped: the sizes that decide chunk ranges never counted them).
fn json_str_len(s: &str) -> usize {
    s.len()
        + 2
        + s.bytes()
            .map(|b| match b {
                b'"' | b'\\' | b'\n' | b'\r' | b'\t' | 0x08 | 0x0c => 1,
                0..=0x1f => 5,
                _ => 0,
            })
            .sum::<usize>()
}

/// Appends the decimal digits of `n`.
#[inline]
pub(crate) fn push_u32(out: &mut String, n: u32) {
    if n < 10 {
        out.push(char::from(b'0' + n as u8));
        return;
    }
    if n < 100 {
        out.push(char::from(b'0' + (n / 10) as u8));
        out.push(char::from(b'0' + (n % 10) as u8));
        return;
    }
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    let mut n = n;
    while n > 0 {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    for &d in &digits[i..] {
        out.push(char::from(d));
    }
}

/// A key of the term index: a word, a stem key, or both.
struct Key<'c> {
    text: &'c str,
    word: Option<usize>,
    stem: Option<u32>,
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
    let stem_entries: Vec<String> = corpus
        .stems
        .par_iter()
        .with_min_len(16)
        .map(|stem| stem_entry(&stem.key, &stem.postings))
        .collect();
    let mut keys: Vec<Key> = corpus
        .words
        .iter()
        .enumerate()
        .map(|(i, w)| Key {
            text: &w.text,
            word: Some(i),
            stem: None,
        })
        .chain(corpus.stems.iter().enumerate().map(|(i, s)| Key {
            text: &s.key,
            word: None,
            stem: Some(i as u32),
        }))
        .collect();
    keys.par_sort_unstable_by(|a, b| cmp_js(a.text, b.text).then(a.word.is_none().cmp(&b.word.is_none())));
    // Each stem's place in JavaScript order.
    let mut stem_rank = vec![0u32; corpus.stems.len()];
    let mut rank = 0;
    for key in &keys {
        if let Some(s) = key.stem {
            stem_rank[s as usize] = rank;
            rank += 1;
        }
    }
    // One key per text: a word and the stem of the same text merge.
    let mut merged: Vec<Key> = Vec::with_capacity(keys.len());
    for key in keys {
        match merged.last_mut() {
            Some(last) if last.text == key.text => {
                last.word = last.word.or(key.word);
                last.stem = last.stem.or(key.stem);
            }
            _ => merged.push(key),
        }
    }
    let keys = merged;

    // The stems a key needs: its word's stems, then the stem of its own key.
    let needed = |key: &Key, out: &mut Vec<u32>| {
        out.clear();
        if let Some(w) = key.word {
            out.extend(&corpus.words[w].stems);
        }
        if let Some(s) = key.stem {
            if !out.contains(&s) {
                out.push(s);
            }
        }
    };
    // Which chunk last took each stem (chunks are numbered from 1).
    let mut taken_by = vec![0u32; corpus.stems.len()];
    let cost = |chunk: u32, taken_by: &[u32], key: &Key, stems: &[u32]| -> usize {
        let mut bytes = key
            .word
            .map_or(0, |w| json_str_len(key.text) + 4 + 4 * corpus.words[w].stems.len());
        for &s in stems {
            if taken_by[s as usize] != chunk {
                bytes += stem_entries[s as usize].len() + 1;
            }
        }
        bytes
    };

    // (first key, end key) of each chunk: a range of `keys`.
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut chunk = 1u32;
    let mut first = 0;
    let mut size = 16;
    let mut stems = Vec::new();
    for (i, key) in keys.iter().enumerate() {
        needed(key, &mut stems);
        let mut bytes = cost(chunk, &taken_by, key, &stems);
        if i > first && size + bytes > TERM_CHUNK_TARGET {
            ranges.push((first, i));
            chunk += 1;
            first = i;
            size = 16;
            bytes = cost(chunk, &taken_by, key, &stems);
        }
        for &s in &stems {
            taken_by[s as usize] = chunk;
        }
        size += bytes;
    }
    if first < keys.len() {
        ranges.push((first, keys.len()));
    }

    let payloads: Vec<String> = ranges
        .par_iter()
        .map(|&(first, end)| {
            let keys = &keys[first..end];
            let mut stems: Vec<u32> = Vec::new();
            let mut buffer = Vec::new();
            for key in keys {
                needed(key, &mut buffer);
                stems.extend(&buffer);
            }
            stems.sort_unstable_by_key(|&s| stem_rank[s as usize]);
            stems.dedup();
            let size: usize = stems.iter().map(|&s| stem_entries[s as usize].len() + 1).sum();
            let mut payload = String::with_capacity(SCRIPT_ROOM + size + 16 * keys.len() + 16);
            payload.push_str("{\"s\":[");
            for (i, &s) in stems.iter().enumerate() {
                if i > 0 {
                    payload.push(',');
                }
                payload.push_str(&stem_entries[s as usize]);
            }
            payload.push_str("],\"w\":[");
            let index = |s: u32| stems.binary_search_by_key(&stem_rank[s as usize], |&t| stem_rank[t as usize]);
            let mut first_word = true;
            for key in keys {
                let Some(w) = key.word else {
                    continue;
                };
                if !first_word {
                    payload.push(',');
                }
                first_word = false;
                let word_stems = &corpus.words[w].stems;
                payload.push('[');
                push_json_str(&mut payload, key.text);
                payload.push(',');
                if word_stems.len() != 1 {
                    payload.push('[');
                }
                for (i, &s) in word_stems.iter().enumerate() {
                    if i > 0 {
                        payload.push(',');
                    }
                    push_u32(&mut payload, index(s).unwrap_or_default() as u32);
                }
                if word_stems.len() != 1 {
                    payload.push(']');
                }
                payload.push(']');
            }
            payload.push_str("]}");
            payload
        })
        .collect();

    let mut previous_last: Option<&str> = None;
    ranges
        .iter()
        .zip(payloads)
        .map(|(&(first, end), payload)| {
            let chunk = Chunk {
                start: range_start(previous_last, keys[first].text),
                payload,
            };
            previous_last = Some(keys[end - 1].text);
            chunk
        })
        .collect()
}

/// `["stem",[doc delta,score,section,…]]`
fn stem_entry(stem: &str, postings: &[Posting]) -> String {
    let mut out = String::with_capacity(stem.len() + 8 + 12 * postings.len());
    out.push('[');
    push_json_str(&mut out, stem);
    out.push_str(",[");
    let mut last = 0;
    for (i, p) in postings.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_u32(&mut out, p.doc - last);
        out.push(',');
        push_u32(&mut out, p.score);
        out.push(',');
        push_u32(&mut out, p.section);
        last = p.doc;
    }
    out.push_str("]]");
    out
}

/// A key of the typo index: a range of the key buffer, its first bytes (for
/// quick comparisons), the word it files and the word's bit for it.
struct TypoKey {
    prefix: u64,
    start: u32,
    len: u32,
    word: u32,
    bit: u32,
}

/// The first 8 bytes of `key`, big-endian, zero-padded: compared as numbers
/// they order keys as their bytes do (keys hold no NUL byte).
fn prefix_of(key: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    let n = key.len().min(8);
    word[..n].copy_from_slice(&key[..n]);
    u64::from_be_bytes(word)
}

/// The typo chunks of a word list (see [`crate::typo`]): `{"w":["word",mask,…]}`.
pub(crate) fn typo_chunks<'a>(words: impl Iterator<Item = &'a str>) -> Vec<Chunk> {
    let words: Vec<&str> = words
        .filter(|w| (typo::MIN_WORD_CHARS..=typo::MAX_WORD_CHARS).contains(&w.chars().count()))
        .collect();
    // Each word's place in JavaScript order.
    let mut by_js: Vec<u32> = (0..words.len() as u32).collect();
    by_js.par_sort_unstable_by(|&a, &b| cmp_js(words[a as usize], words[b as usize]));
    let mut rank = vec![0u32; words.len()];
    for (r, &w) in by_js.iter().enumerate() {
        rank[w as usize] = r as u32;
    }

    // Every key, written into one buffer, batch by batch in parallel.
    let parts: Vec<(String, Vec<TypoKey>)> = words
        .par_chunks(1024)
        .enumerate()
        .map(|(n, batch)| {
            let mut buffer = String::new();
            let mut keys = Vec::new();
            for (i, word) in batch.iter().enumerate() {
                let id = (n * 1024 + i) as u32;
                typo::for_each_key(word, |left_out, bit| {
                    let start = buffer.len();
                    match left_out {
                        None => buffer.push_str(word),
                        Some(range) => {
                            buffer.push_str(&word[..range.start]);
                            buffer.push_str(&word[range.end..]);
                        }
                    }
                    keys.push(TypoKey {
                        prefix: prefix_of(&buffer.as_bytes()[start..]),
                        start: start as u32,
                        len: (buffer.len() - start) as u32,
                        word: id,
                        bit,
                    });
                });
            }
            (buffer, keys)
        })
        .collect();
    let mut buffer = String::with_capacity(parts.iter().map(|p| p.0.len()).sum());
    let mut entries: Vec<TypoKey> = Vec::with_capacity(parts.iter().map(|p| p.1.len()).sum());
    for (part, keys) in parts {
        let offset = buffer.len() as u32;
        buffer.push_str(&part);
        entries.extend(keys.into_iter().map(|k| TypoKey {
            start: k.start + offset,
            ..k
        }));
    }
    let key = |e: &TypoKey| &buffer[e.start as usize..(e.start + e.len) as usize];
    // Byte order is JavaScript order unless a key holds a character from
    // U+E000 (lead byte 0xEE or more).
    if buffer.bytes().all(|b| b < 0xee) {
        entries.par_sort_unstable_by(|a, b| {
            a.prefix
                .cmp(&b.prefix)
                .then_with(|| key(a).as_bytes().cmp(key(b).as_bytes()))
        });
    } else {
        entries.par_sort_unstable_by(|a, b| cmp_js(key(a), key(b)));
    }

    // The mask of each word in the open chunk, and the chunk that set it.
    let mut masks = vec![0u32; words.len()];
    let mut owner = vec![0u32; words.len()];
    let mut chunk = 1u32;
    let new_words_bytes = |chunk: u32, owner: &[u32], group: &[TypoKey]| -> usize {
        group
            .iter()
            .filter(|e| owner[e.word as usize] != chunk)
            .map(|e| json_str_len(words[e.word as usize]) + 12)
            .sum()
    };
    // Each chunk: (first key, last key, words with their masks).
    type Built<'k> = (&'k str, &'k str, Vec<(u32, u32)>);
    let mut built: Vec<Built> = Vec::new();
    let mut members: Vec<u32> = Vec::new();
    let mut size = 8;
    let mut range: Option<(&str, &str)> = None;
    let close = |members: &mut Vec<u32>, masks: &[u32]| -> Vec<(u32, u32)> {
        members.drain(..).map(|w| (w, masks[w as usize])).collect()
    };
    let mut i = 0;
    while i < entries.len() {
        let this = key(&entries[i]);
        let group_end = entries[i..]
            .iter()
            .position(|e| key(e) != this)
            .map_or(entries.len(), |n| i + n);
        let group = &entries[i..group_end];
        let mut bytes = new_words_bytes(chunk, &owner, group);
        if let Some((first, last)) = range {
            if size + bytes > TYPO_CHUNK_TARGET {
                built.push((first, last, close(&mut members, &masks)));
                chunk += 1;
                size = 8;
                range = None;
                bytes = new_words_bytes(chunk, &owner, group);
            }
        }
        for e in group {
            let w = e.word as usize;
            if owner[w] != chunk {
                owner[w] = chunk;
                masks[w] = 0;
                members.push(e.word);
            }
            masks[w] |= 1 << e.bit;
        }
        range = Some((range.map_or(this, |r| r.0), this));
        size += bytes;
        i = group_end;
    }
    if let Some((first, last)) = range {
        built.push((first, last, close(&mut members, &masks)));
    }

    let payloads: Vec<String> = built
        .par_iter()
        .map(|(_, _, members)| {
            let mut members = members.clone();
            members.sort_unstable_by_key(|&(w, _)| rank[w as usize]);
            let size: usize = members.iter().map(|(w, _)| words[*w as usize].len() + 14).sum();
            let mut payload = String::with_capacity(SCRIPT_ROOM + size + 8);
            payload.push_str("{\"w\":[");
            for (i, (w, mask)) in members.iter().enumerate() {
                if i > 0 {
                    payload.push(',');
                }
                push_json_str(&mut payload, words[*w as usize]);
                payload.push(',');
                push_u32(&mut payload, *mask);
            }
            payload.push_str("]}");
            payload
        })
        .collect();
    let mut previous_last = None;
    built
        .iter()
        .zip(payloads)
        .map(|((first, last, _), payload)| {
            let chunk = Chunk {
                start: range_start(previous_last, first),
                payload,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_are_escaped_as_serde_json_escapes() {
        for s in [
            "",
            "plain text, long enough to take the fast path twice over",
            "quote \" and backslash \\ and\ttab\nnew line\r\u{8}\u{c}\u{1}\u{1f}\u{7f}",
            "città €: ok — ’quoted’ «guillemets»",
            "long prefix without escapes then a quote \" at the end",
            "صحة 𝄞 \u{e000}",
        ] {
            let mut ours = String::new();
            push_json_str(&mut ours, s);
            assert_eq!(ours, serde_json::Value::from(s).to_string(), "{s:?}");
            assert_eq!(json_str_len(s), ours.len());
        }
        let mut ours = String::new();
        push_json_str(&mut ours, "a\u{2028}b\u{2029}c and more text here");
        assert_eq!(ours, "\"a\\u2028b\\u2029c and more text here\"");
        assert_eq!(json_str_len("a\u{2028}"), "a\u{2028}".len() + 2);
        let mut n = String::new();
        for v in [0, 7, 10, 99, 100, 4_294_967_295] {
            n.clear();
            push_u32(&mut n, v);
            assert_eq!(n, v.to_string());
        }
    }
}
