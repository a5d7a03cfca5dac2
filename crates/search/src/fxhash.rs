//! A fast, non-cryptographic hasher for the build's many small string and
//! integer keys (the algorithm of Firefox and rustc, "FxHash"). The default
//! SipHash resists hash flooding, which a static build reading its own
//! sources does not need, and costs several times more per word.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` hashed with [`FxHasher`].
pub(crate) type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// FxHash: rotate, xor, multiply, eight bytes at a time.
#[derive(Clone, Copy, Default)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The multiplication mixes upwards: bring its best bits down to the
        // low bits that pick a bucket.
        self.hash.rotate_left(26)
    }
}

/// Reads up to 8 bytes (`bytes.len() <= 8`) as a little-endian integer.
#[inline]
fn read_small(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    if n >= 4 {
        let lo = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
        let hi = u32::from_le_bytes([bytes[n - 4], bytes[n - 3], bytes[n - 2], bytes[n - 1]]);
        u64::from(lo) | (u64::from(hi) << 32)
    } else if n > 0 {
        u64::from(bytes[0]) | (u64::from(bytes[n / 2]) << 8) | (u64::from(bytes[n - 1]) << 16)
    } else {
        0
    }
}

#[inline]
fn read_u64(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}

/// A hash of a byte string, for [`StrTable`].
#[inline]
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = FxHasher {
        hash: bytes.len() as u64,
    };
    if bytes.len() <= 8 {
        h.add(read_small(bytes));
    } else {
        let mut at = 0;
        while at + 8 < bytes.len() {
            h.add(read_u64(bytes, at));
            at += 8;
        }
        h.add(read_u64(bytes, bytes.len() - 8));
    }
    h.finish()
}

/// Whether two byte strings are equal, compared without a call for short ones.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let n = a.len();
    if n <= 8 {
        read_small(a) == read_small(b)
    } else if n <= 64 {
        let mut at = 0;
        while at + 8 < n {
            if read_u64(a, at) != read_u64(b, at) {
                return false;
            }
            at += 8;
        }
        read_u64(a, n - 8) == read_u64(b, n - 8)
    } else {
        a == b
    }
}

/// A set of strings, each numbered in the order it was first added: the
/// vocabularies and phrase tables of the build, where nearly every look-up
/// finds a short word already there. Open addressing over one byte arena.
pub(crate) struct StrTable {
    /// Per slot: the number of the string + 1 (0: empty).
    slots: Vec<u32>,
    /// Per slot: the high bits of the hash, compared before the strings.
    tags: Vec<u32>,
    arena: String,
    /// Per number: the string's byte range in `arena`.
    ranges: Vec<(u32, u32)>,
}

impl Default for StrTable {
    fn default() -> Self {
        StrTable {
            slots: vec![0; 64],
            tags: vec![0; 64],
            arena: String::new(),
            ranges: Vec::new(),
        }
    }
}

impl StrTable {
    /// Whether the string numbered `id` is `key`.
    #[inline]
    pub fn is(&self, id: u32, key: &str) -> bool {
        let (s, e) = self.ranges[id as usize];
        same_bytes(&self.arena.as_bytes()[s as usize..e as usize], key.as_bytes())
    }

    /// The string numbered `id`.
    pub fn get(&self, id: u32) -> &str {
        let (s, e) = self.ranges[id as usize];
        &self.arena[s as usize..e as usize]
    }

    /// The number of `key`, and whether it was added now.
    #[inline]
    pub fn insert(&mut self, key: &str) -> (u32, bool) {
        let hash = hash_bytes(key.as_bytes());
        let tag = (hash >> 32) as u32;
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                break;
            }
            if self.tags[i] == tag {
                let (s, e) = self.ranges[slot as usize - 1];
                if same_bytes(&self.arena.as_bytes()[s as usize..e as usize], key.as_bytes()) {
                    return (slot - 1, false);
                }
            }
            i = (i + 1) & mask;
        }
        let id = self.ranges.len() as u32;
        let start = self.arena.len() as u32;
        self.arena.push_str(key);
        self.ranges.push((start, self.arena.len() as u32));
        self.slots[i] = id + 1;
        self.tags[i] = tag;
        if self.ranges.len() * 2 > self.slots.len() {
            self.grow();
        }
        (id, true)
    }

    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        let mut slots = vec![0u32; size];
        let mut tags = vec![0u32; size];
        for (id, &(s, e)) in self.ranges.iter().enumerate() {
            let hash = hash_bytes(&self.arena.as_bytes()[s as usize..e as usize]);
            let mut i = hash as usize & (size - 1);
            while slots[i] != 0 {
                i = (i + 1) & (size - 1);
            }
            slots[i] = id as u32 + 1;
            tags[i] = (hash >> 32) as u32;
        }
        self.slots = slots;
        self.tags = tags;
    }
}

/// A map from short strings (at most 8 bytes, no NUL byte), packed into a
/// `u64` by [`short_key`], to numbers: one compare per look-up, in front of
/// a [`StrTable`] for the commonest words.
pub(crate) struct ShortTable {
    /// 0: empty slot.
    keys: Vec<u64>,
    values: Vec<u32>,
    len: usize,
    shift: u32,
}

impl Default for ShortTable {
    fn default() -> Self {
        ShortTable {
            keys: vec![0; 256],
            values: vec![0; 256],
            len: 0,
            shift: 64 - 8,
        }
    }
}

impl ShortTable {
    #[inline]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    /// The number of `key`.
    #[inline]
    pub fn get(&self, key: u64) -> Option<u32> {
        let mask = self.keys.len() - 1;
        let mut i = self.slot(key);
        loop {
            let k = self.keys[i];
            if k == key {
                return Some(self.values[i]);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Numbers `key` (not yet in the table).
    pub fn insert(&mut self, key: u64, value: u32) {
        let mask = self.keys.len() - 1;
        let mut i = self.slot(key);
        while self.keys[i] != 0 {
            i = (i + 1) & mask;
        }
        self.keys[i] = key;
        self.values[i] = value;
        self.len += 1;
        if self.len * 2 > self.keys.len() {
            let keys = std::mem::take(&mut self.keys);
            let values = std::mem::take(&mut self.values);
            self.keys = vec![0; keys.len() * 2];
            self.values = vec![0; keys.len() * 2];
            self.shift -= 1;
            self.len = 0;
            for (k, v) in keys.into_iter().zip(values) {
                if k != 0 {
                    self.insert(k, v);
                }
            }
        }
    }
}

/// The bytes `start..start + len` of `bytes` (`1 <= len <= 8`) as a
/// little-endian `u64`, zero above `len`.
#[inline]
pub(crate) fn short_key(bytes: &[u8], start: usize, len: usize) -> u64 {
    if start + 8 <= bytes.len() {
        let word = read_u64(bytes, start);
        if len == 8 {
            word
        } else {
            word & ((1u64 << (8 * len)) - 1)
        }
    } else {
        let mut word = [0u8; 8];
        word[..len].copy_from_slice(&bytes[start..start + len]);
        u64::from_le_bytes(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_numbered_once_in_order() {
        let mut table = StrTable::default();
        let words: Vec<String> = (0..5000).map(|i| format!("w{}", i * 7919 % 5003)).collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(table.insert(w), (i as u32, true));
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(table.insert(w), (i as u32, false));
            assert_eq!(table.get(i as u32), w);
        }
        for w in ["", "a", "abcdefgh", "abcdefghi", "abcdefghijklmnopq", "صحه", "ab"] {
            let (id, _) = table.insert(w);
            assert_eq!(table.get(id), w);
            assert_eq!(table.insert(w), (id, false));
        }
        assert_eq!(table.ranges.len(), 5007);
        assert!(!same_bytes(b"abcdefghij", b"abcdefghik"));
        assert!(!same_bytes(
            b"abcdefghijklmnopqrstuvwxyz0123456789",
            b"abcdefghijklmnopqrstuvwxyZ0123456789"
        ));
        assert!(same_bytes(
            b"abcdefghijklmnopqrstuvwxyz0123456789",
            b"abcdefghijklmnopqrstuvwxyz0123456789"
        ));
        assert!(table.is(0, &words[0]) && !table.is(0, &words[1]));
    }

    #[test]
    fn short_keys_number_short_words() {
        let text = "a ab abc abcdefgh é صح";
        let mut short = ShortTable::default();
        let mut start = 0;
        for (n, word) in text.split(' ').enumerate() {
            let key = short_key(text.as_bytes(), start, word.len());
            assert_eq!(key, short_key(word.as_bytes(), 0, word.len()), "{word}");
            assert_eq!(short.get(key), None);
            short.insert(key, n as u32);
            assert_eq!(short.get(key), Some(n as u32));
            start += word.len() + 1;
        }
        for i in 0..2000u64 {
            short.insert(i + 1000, i as u32);
        }
        assert_eq!(short.get(1500), Some(500));
        assert_eq!(short.get(short_key(b"ab", 0, 2)), Some(1));
        assert!(!same_bytes(b"abc", b"abd"));
        assert!(!same_bytes(b"abcd", b"abce"));
    }
}
