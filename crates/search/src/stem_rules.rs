//! Rewrite rules that let the browser find the stem of a word it has never
//! seen, without running Snowball.
//!
//! Every indexed word knows its stem group, so a query word that occurs in
//! the index needs nothing more. For a query word that does not ("documenti"
//! when the pages only say "documento"), the builder learns, from the pairs
//! (word, stem) of the whole index, how words turn into stems: Italian
//! "permessi" → "permess" teaches "drop a final i", Arabic "الطبيب" → "طبيب"
//! "drop a leading ال". A rule is (prefix to drop, suffix to drop, suffix to
//! add). The manifest carries the most frequent rules; the browser applies
//! each that fits the query word and looks the results up as stem keys.
//!
//! The prefixes that rules drop often (Arabic ال, وال, بال…) are *clitics*:
//! Snowball strips them only from long words (it stems "الصحة" to "الصح" but
//! "صحة" to itself), so the builder also files each word that starts with a
//! clitic under the rest of the word, with the word's stems: "صحة" then
//! finds the pages that say "الصحة".

use std::collections::HashMap;

use foldhash::fast::FixedState;

use crate::tokenize::cmp_js;

/// Most rules in a manifest.
pub(crate) const MAX_RULES: usize = 160;

/// A rule must have been seen this many times to be kept.
const MIN_RULE_COUNT: usize = 2;

/// A prefix must have been dropped by this many (word, stem) pairs to be a clitic.
const MIN_CLITIC_COUNT: usize = 3;

/// Most clitics of one index.
const MAX_CLITICS: usize = 8;

/// Longest leading clitic a rule may drop, in characters (Arabic "وبال").
const MAX_PREFIX_CHARS: usize = 4;

/// What a rule must leave of the word, in characters.
pub(crate) const MIN_CORE_CHARS: usize = 3;

/// One rewrite: drop `prefix` and `suffix` from the word, append `stem_suffix`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct StemRule {
    pub prefix: String,
    pub suffix: String,
    pub stem_suffix: String,
}

impl StemRule {
    /// The rule turning `word` into `stem`: the split of `word` whose rest
    /// shares the longest beginning with `stem`. None when they share fewer
    /// than [`MIN_CORE_CHARS`] characters.
    #[cfg(test)]
    fn between(word: &str, stem: &str) -> Option<StemRule> {
        let (prefix, suffix, stem_suffix) = split_between(word, stem)?;
        Some(StemRule {
            prefix: prefix.into(),
            suffix: suffix.into(),
            stem_suffix: stem_suffix.into(),
        })
    }

    /// The stem this rule gives for `word`, if the rule fits it.
    #[cfg(test)]
    pub fn apply(&self, word: &str) -> Option<String> {
        let core = word.strip_prefix(&self.prefix)?.strip_suffix(&self.suffix)?;
        (core.chars().count() >= MIN_CORE_CHARS).then(|| format!("{core}{}", self.stem_suffix))
    }
}

/// [`StemRule::between`] as parts of its arguments: (prefix, suffix, stem suffix).
fn split_between<'a>(word: &'a str, stem: &'a str) -> Option<(&'a str, &'a str, &'a str)> {
    let w: Vec<(usize, char)> = word.char_indices().collect();
    let mut best: Option<(usize, usize)> = None; // (prefix chars, common chars)
    for skip in 0..=MAX_PREFIX_CHARS.min(w.len()) {
        let common = w[skip..]
            .iter()
            .zip(stem.chars())
            .take_while(|((_, a), b)| a == b)
            .count();
        if common >= MIN_CORE_CHARS && best.is_none_or(|(_, c)| common > c) {
            best = Some((skip, common));
        }
    }
    let (skip, common) = best?;
    let at = |chars: usize| w.get(chars).map_or(word.len(), |&(i, _)| i);
    let in_stem = stem.char_indices().nth(common).map_or(stem.len(), |(i, _)| i);
    Some((&word[..at(skip)], &word[at(skip + common)..], &stem[in_stem..]))
}

/// What the (word, stem) pairs of an index teach.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Learned {
    /// The most frequent rules, most frequent first.
    pub rules: Vec<StemRule>,
    /// The prefixes rules drop most often, most frequent first.
    pub clitics: Vec<String>,
}

/// The rules and clitics of all (word, stem) pairs of an index.
pub(crate) fn learn<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Learned {
    let mut counts: HashMap<(&str, &str, &str), usize, FixedState> = HashMap::default();
    for (word, stem) in pairs {
        if word == stem {
            continue;
        }
        if let Some(rule) = split_between(word, stem) {
            *counts.entry(rule).or_default() += 1;
        }
    }
    let mut prefixes: HashMap<&str, usize, FixedState> = HashMap::default();
    for (&(prefix, _, _), n) in &counts {
        if !prefix.is_empty() {
            *prefixes.entry(prefix).or_default() += n;
        }
    }
    let mut clitics: Vec<(&str, usize)> = prefixes.into_iter().filter(|(_, n)| *n >= MIN_CLITIC_COUNT).collect();
    clitics.sort_by(|(a, n), (b, m)| m.cmp(n).then_with(|| cmp_js(a, b)));
    clitics.truncate(MAX_CLITICS);
    let clitics = clitics.into_iter().map(|(p, _)| p.to_string()).collect();

    let mut rules: Vec<((&str, &str, &str), usize)> =
        counts.into_iter().filter(|(_, n)| *n >= MIN_RULE_COUNT).collect();
    rules.sort_by(|(a, n), (b, m)| {
        m.cmp(n)
            .then_with(|| cmp_js(a.0, b.0))
            .then_with(|| cmp_js(a.1, b.1))
            .then_with(|| cmp_js(a.2, b.2))
    });
    rules.truncate(MAX_RULES);
    Learned {
        rules: rules
            .into_iter()
            .map(|((prefix, suffix, stem_suffix), _)| StemRule {
                prefix: prefix.to_string(),
                suffix: suffix.to_string(),
                stem_suffix: stem_suffix.to_string(),
            })
            .collect(),
        clitics,
    }
}

/// Where a word is also filed because it starts with a clitic: the rest of
/// the word, if [`MIN_CORE_CHARS`] letters or more remain.
pub(crate) fn clitic_aliases<'a>(word: &'a str, clitics: &'a [String]) -> impl Iterator<Item = &'a str> {
    clitics.iter().filter_map(move |clitic| {
        let rest = word.strip_prefix(clitic.as_str())?;
        (rest.chars().count() >= MIN_CORE_CHARS).then_some(rest)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(p: &str, s: &str, a: &str) -> StemRule {
        StemRule {
            prefix: p.into(),
            suffix: s.into(),
            stem_suffix: a.into(),
        }
    }

    #[test]
    fn rules_from_suffixes_prefixes_and_changed_endings() {
        assert_eq!(StemRule::between("permessi", "permess"), Some(rule("", "i", "")));
        assert_eq!(StemRule::between("الطبيب", "طبيب"), Some(rule("ال", "", "")));
        assert_eq!(StemRule::between("happy", "happi"), Some(rule("", "y", "i")));
        assert_eq!(StemRule::between("ab", "xy"), None);
    }

    #[test]
    fn an_unseen_plural_finds_the_stem_of_its_singular() {
        let pairs = [
            ("permessi", "permess"),
            ("uffici", "uffic"),
            ("codici", "codic"),
            ("documento", "document"),
        ];
        let rules = learn(pairs.iter().map(|(w, s)| (*w, *s))).rules;
        assert_eq!(rules, vec![rule("", "i", "")], "the rule seen once is dropped");
        assert_eq!(rules[0].apply("documenti").as_deref(), Some("document"));
        assert_eq!(rules[0].apply("si"), None, "too short");
    }

    #[test]
    fn rules_are_ordered_by_frequency_then_text() {
        let pairs = [
            ("casa", "cas"),
            ("cosa", "cos"),
            ("rosa", "ros"),
            ("uffici", "uffic"),
            ("codici", "codic"),
        ];
        let rules = learn(pairs.iter().map(|(w, s)| (*w, *s))).rules;
        assert_eq!(rules, vec![rule("", "a", ""), rule("", "i", "")]);
    }

    #[test]
    fn frequent_dropped_prefixes_are_clitics() {
        let pairs = [
            ("الطبيب", "طبيب"),
            ("المكتب", "مكتب"),
            ("المكاتب", "مكاتب"),
            ("والعمل", "عمل"),
            ("permessi", "permess"),
        ];
        let learned = learn(pairs.iter().map(|(w, s)| (*w, *s)));
        assert_eq!(learned.clitics, vec!["ال".to_string()]);
        let aliases: Vec<&str> = clitic_aliases("الصحه", &learned.clitics).collect();
        assert_eq!(aliases, vec!["صحه"]);
        assert_eq!(clitic_aliases("الم", &learned.clitics).count(), 0);
    }
}
