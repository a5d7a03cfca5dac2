//! Index: the search index of each language, from the pages' plain text.

use crate::render::{OutputFile, SearchAssets};
use crate::site::Site;
use crate::strings::Strings;

/// Builds the search files of every language and tells pages where they are.
pub fn build(_site: &Site, _strings: &Strings) -> (Vec<OutputFile>, SearchAssets) {
    (Vec::new(), SearchAssets::default())
}
