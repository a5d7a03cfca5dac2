//! Typo tolerance: a deletion-neighbourhood index (as in SymSpell), chunked
//! by key so that a query loads only the few chunks its keys fall in.
//!
//! Two words are one edit apart (insertion, deletion, substitution or
//! transposition of neighbours) only if deleting at most one letter from each
//! makes them equal: "permeso" and "permesso" both give "permeso", "codce"
//! and "codice" both give "codce". So the builder files every word of
//! `MIN_WORD_CHARS` to `MAX_WORD_CHARS` letters under its *keys*: itself
//! and each string one deletion away. The browser computes the same keys for
//! a query word of 5+ letters that matched nothing (at most 31 keys), loads
//! the typo chunks those keys fall in (they sort near the word itself, except
//! the deletions of its first two letters: about three chunks), keeps the
//! words found whose edit distance really is 1, and searches those, each
//! weighted by how many pages say it against the commonest candidate
//! ("codce" means "codice", not a rare "code").
//!
//! On disk a typo chunk does not repeat the keys: it lists the words with a
//! bit mask of the keys that fall in its range (bit `i` = the word without
//! its letter `i`, bit `len` = the word itself); the browser rebuilds the
//! keys. That makes the typo index about as large as the word list.

/// Shortest word that a 5-letter query can reach by one edit.
pub(crate) const MIN_WORD_CHARS: usize = 4;

/// Longest word filed for typos: its mask must fit in 31 bits for JavaScript.
pub(crate) const MAX_WORD_CHARS: usize = 30;

/// The keys of a word: `(key, bit)`, the word itself with bit `len`, then each
/// distinct deletion with the bit of the first position giving it.
#[cfg(test)]
pub(crate) fn keys(word: &str) -> Vec<(String, u32)> {
    let mut out = Vec::new();
    for_each_key(word, |left_out, bit| {
        let key = match left_out {
            None => word.to_string(),
            Some(range) => format!("{}{}", &word[..range.start], &word[range.end..]),
        };
        out.push((key, bit));
    });
    out
}

/// The keys of a word as [`keys`] lists them, without writing them: `f`
/// receives the bytes of `word` that a key leaves out (none for the word
/// itself) and its bit. Deleting either of two equal neighbouring letters
/// gives the same key, so a run of equal letters gives one deletion.
pub(crate) fn for_each_key(word: &str, mut f: impl FnMut(Option<std::ops::Range<usize>>, u32)) {
    f(None, word.chars().count() as u32);
    let mut previous = None;
    for (i, (at, c)) in word.char_indices().enumerate() {
        if previous != Some(c) {
            f(Some(at..at + c.len_utf8()), i as u32);
        }
        previous = Some(c);
    }
}

/// Whether `a` and `b` are at most one edit apart (Damerau: a swap of two
/// neighbouring letters is one edit). The runtime's `near` does the same.
#[cfg(test)]
pub(crate) fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let start = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if start == short.len() {
        return true;
    }
    if short.len() == long.len() {
        short[start + 1..] == long[start + 1..]
            || (start + 1 < short.len()
                && short[start] == long[start + 1]
                && short[start + 1] == long[start]
                && short[start + 2..] == long[start + 2..])
    } else {
        short[start..] == long[start + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shares_a_key(a: &str, b: &str) -> bool {
        let kb = keys(b);
        keys(a).iter().any(|(k, _)| kb.iter().any(|(l, _)| l == k))
    }

    #[test]
    fn keys_are_the_word_and_its_distinct_deletions() {
        let k: Vec<(String, u32)> = keys("casa");
        assert_eq!(
            k,
            vec![
                ("casa".into(), 4),
                ("asa".into(), 0),
                ("csa".into(), 1),
                ("caa".into(), 2),
                ("cas".into(), 3)
            ]
        );
        // "permesso": deleting either s gives the same key, filed once.
        assert_eq!(keys("permesso").len(), 8);
        // As many keys as distinct deletions, for any word.
        for word in ["aaa", "abba", "صحّه", "città", "mississippi"] {
            let chars: Vec<char> = word.chars().collect();
            let mut distinct: Vec<String> = (0..chars.len())
                .map(|i| chars[..i].iter().chain(&chars[i + 1..]).collect())
                .collect();
            distinct.sort();
            distinct.dedup();
            let k = keys(word);
            assert_eq!(k.len(), distinct.len() + 1, "{word}");
            for (key, bit) in &k[1..] {
                let first = (0..chars.len())
                    .find(|&i| chars[..i].iter().chain(&chars[i + 1..]).collect::<String>() == *key)
                    .expect("a deletion");
                assert_eq!(*bit as usize, first, "{word} {key}");
            }
        }
    }

    #[test]
    fn every_kind_of_typo_shares_a_key_with_the_word() {
        for (typo, word) in [
            ("permeso", "permesso"),   // deletion
            ("codce", "codice"),       // deletion
            ("questtura", "questura"), // insertion
            ("anagrafa", "anagrafe"),  // substitution
            ("fsicale", "fiscale"),    // transposition
            ("qestura", "questura"),   // deletion of the second letter
            ("uestura", "questura"),   // deletion of the first letter
            ("مستشفي", "المستشفي"),    // not one edit: two letters missing
        ] {
            let one_edit = within_one_edit(typo, word);
            assert_eq!(one_edit, typo != "مستشفي", "{typo} / {word}");
            if one_edit {
                assert!(shares_a_key(typo, word), "{typo} / {word}");
            }
        }
    }

    #[test]
    fn distance_check_rejects_two_edits_that_share_a_key() {
        // Both lose a letter to give "carta", but one needs two edits to become the other.
        assert!(shares_a_key("scarta", "cartai"));
        assert!(!within_one_edit("scarta", "cartai"));
        assert!(within_one_edit("carta", "crata"));
        assert!(!within_one_edit("casa", "casale"));
    }
}
