//! Images in a body: a photo beside the page becomes a `<picture>` with
//! copies sized for phones in WebP and a fallback, its width and height
//! (no jump of the text while it loads), lazy loading below the first
//! screen; a drawing an `<img>`. The description (`![…]`) is required.

use crate::content::attachments::{Attachment, Kind};
use crate::html::escape_html;

/// The space a photo takes: the column of text, at most 46rem wide, less
/// the page's margins on a phone.
const SIZES: &str = "(min-width: 50rem) 46rem, calc(100vw - 2rem)";

/// The HTML of an image of `attachment`, from a page whose way up to the
/// site's root is `root`.
pub fn image_html(attachment: &Attachment, alt: &str, root: &str, eager: bool) -> String {
    let alt = escape_html(alt.trim());
    let loading = if eager { "eager" } else { "lazy" };
    match attachment.kind {
        Kind::Raster { .. } => {
            let widths = attachment.widths();
            let srcset = |webp: bool| {
                widths
                    .iter()
                    .map(|w| format!("{root}{} {w}w", attachment.derivative_path(*w, webp)))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let largest = widths.last().copied().unwrap_or(0);
            // Browsers without srcset get the large phone's copy.
            let fallback = widths.get(1).or(widths.first()).copied().unwrap_or(largest);
            format!(
                "<picture><source type=\"image/webp\" srcset=\"{webp}\" sizes=\"{SIZES}\"><img src=\"{root}{src}\" srcset=\"{fallback_set}\" sizes=\"{SIZES}\" width=\"{largest}\" height=\"{height}\" alt=\"{alt}\" loading=\"{loading}\" decoding=\"async\"></picture>",
                webp = srcset(true),
                src = attachment.derivative_path(fallback, false),
                fallback_set = srcset(false),
                height = attachment.height_at(largest),
            )
        }
        Kind::Svg => format!(
            "<img src=\"{root}{}\" alt=\"{alt}\" loading=\"{loading}\" decoding=\"async\">",
            attachment.published_path()
        ),
        Kind::Document(_) => format!("<a href=\"{root}{}\">{alt}</a>", attachment.published_path()),
    }
}

/// An image on the web, kept as written (a warning says it is not
/// published with the site).
pub fn remote_image_html(dest: &str, alt: &str) -> String {
    format!(
        "<img src=\"{}\" alt=\"{}\" loading=\"lazy\" decoding=\"async\">",
        escape_html(dest),
        escape_html(alt.trim())
    )
}
