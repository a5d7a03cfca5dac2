//! Photos in a real browser (Debian's chromium): on a 360 px phone the
//! browser takes the 360 px copy, on a 1280 px screen the largest, in
//! WebP; the photo has its size before it loads (no jump of the text).

#[path = "common/browser.rs"]
mod browser;
mod common;
#[path = "common/photos.rs"]
mod photos;

use browser::{require_browser, Browser, StaticServer};
use common::Fixture;

/// What the browser shows of the page's photo: the copy it chose and the
/// size it is drawn at, once loaded.
const PHOTO: &str = r#"
const done = arguments[arguments.length - 1], deadline = Date.now() + 15000;
(function look() {
  const img = document.querySelector(".body picture img");
  if (img && img.complete && img.naturalWidth > 0) {
    return done({ src: img.currentSrc, shown: img.getBoundingClientRect().width, natural: img.naturalWidth });
  }
  if (Date.now() > deadline) return done(null);
  setTimeout(look, 100);
})();
"#;

#[tokio::test(flavor = "multi_thread")]
async fn the_browser_takes_the_copy_that_fits_the_screen() {
    require_browser();
    let site = Fixture::minimal();
    site.write_bytes("content/procedures/kit-postale.jpg", &photos::jpeg_with_gps(2000, 1500));
    site.write(
        "content/procedures/rinnovo.md",
        "---\ntitle: Rinnovo\nsummary: S.\noffices: [questura]\nupdated: 2026-10-01\nreviewed: 2026-10-01\n---\n![Il kit postale](kit-postale.jpg)\n\n1. Passo.\n",
    );
    site.build_ok();
    let server = StaticServer::start(site.out());
    let page = format!("{}/it/procedures/rinnovo/index.html", server.url());
    for (width, expected) in [(360, "-360.webp"), (1280, "-1280.webp")] {
        let browser = Browser::start_with(width, 1.0).await;
        browser.goto(&page).await;
        let photo = browser.eval_async(PHOTO).await;
        browser.client.clone().close().await.unwrap();
        let src = photo["src"]
            .as_str()
            .unwrap_or_else(|| panic!("the photo loads at {width} px: {photo}"));
        assert!(
            src.ends_with(expected),
            "at {width} px the browser takes {expected}: {src}"
        );
        let shown = photo["shown"].as_f64().unwrap();
        assert!(shown > 0.0 && shown <= f64::from(width), "it fits the screen: {photo}");
    }
    // The picture has its height before it loads (the photo is upright: it
    // was taken with the phone on its side): the layout does not jump.
    let html = site.read("it/procedures/rinnovo/index.html");
    assert!(html.contains("width=\"1280\" height=\"1707\""), "{html}");
}
