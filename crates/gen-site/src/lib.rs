//! A deterministic generator of sportello sites in the CONTENT.md format,
//! for the build benchmarks (`examples/bench/`, `examples/bench_reload.rs`),
//! tests, and trying sportello on a large portal.
//!
//! ```sh
//! cargo run --release -p sportello-gen-site -- --pages 1000 --out /tmp/site [--seed 42]
//! ```
//!
//! It writes `site.yaml` (it, en, fr, ar), `i18n/<lang>.yaml` (the
//! repository's `i18n/`, embedded) and N source pages spread over the
//! sections — comuni ~5%, offices ~10%, services ~15%, procedures ~50%,
//! glossary ~15%, a few free pages — each with a 400–900-word body of
//! real-looking text (headings, numbered steps, bullet lists, now and then a
//! table, links to other generated pages). About 80% of the pages are
//! translated. With `--photos-every N`, one page in N also has a photo of
//! about 2 MB beside it (`module photos`), shown near the top of its body in
//! every language. The same options always give the same bytes.
//!
//! The words are YAML files in `data/` (module `words`); the code makes a
//! plan of every page (`plan`), then writes each page's front matter
//! (`front_matter`) and body (`body`) in each of its languages (`write`).

mod body;
mod dates;
mod front_matter;
mod hours;
mod photos;
mod plan;
mod rng;
mod slug;
mod words;
mod write;

pub use write::{generate, Options, Summary};

/// The site's languages; the first is the source language.
pub const LANGS: [&str; 4] = ["it", "en", "fr", "ar"];

/// The site's topics, as `data/site.yaml` lists them.
const TOPICS: [&str; 8] = [
    "documenti",
    "salute",
    "scuola",
    "lavoro",
    "casa",
    "lingua",
    "legale",
    "famiglia",
];
