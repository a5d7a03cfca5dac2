//! A drawing cleaned before it is published: no script, no event handler,
//! no reference to another site (an image, a font, a link outside the
//! file), so that it shows the same from a disk, on a phone offline, and
//! sends no request anywhere.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer};

/// The cleaned drawing, and what was removed from it (`script`,
/// `reference`).
pub struct Cleaned {
    pub text: String,
    pub removed: Vec<&'static str>,
}

/// Elements dropped with everything inside them.
const DROPPED: &[&[u8]] = &[b"script", b"foreignObject", b"iframe", b"object", b"embed"];

pub fn clean(text: &str) -> Cleaned {
    let mut reader = Reader::from_str(text);
    let mut writer = Writer::new(Vec::new());
    let mut removed: Vec<&'static str> = Vec::new();
    let note = |what: &'static str, removed: &mut Vec<&'static str>| {
        if !removed.contains(&what) {
            removed.push(what);
        }
    };
    // Inside a dropped element: how deep.
    let mut skipping = 0usize;
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        if skipping > 0 {
            match event {
                Event::Start(_) => skipping += 1,
                Event::End(_) => skipping -= 1,
                _ => {}
            }
            continue;
        }
        let kept = match event {
            Event::Start(start) => {
                if DROPPED.contains(&start.local_name().as_ref()) {
                    note(
                        if start.local_name().as_ref() == b"script" {
                            "script"
                        } else {
                            "reference"
                        },
                        &mut removed,
                    );
                    skipping = 1;
                    continue;
                }
                Event::Start(clean_attributes(&start, &mut removed))
            }
            Event::Empty(start) => {
                if DROPPED.contains(&start.local_name().as_ref()) {
                    note("reference", &mut removed);
                    continue;
                }
                Event::Empty(clean_attributes(&start, &mut removed))
            }
            Event::Text(text) => {
                let raw = String::from_utf8_lossy(text.as_ref()).to_ascii_lowercase();
                if raw.contains("@import") || raw.contains("url(http") || raw.contains("url(//") {
                    note("reference", &mut removed);
                    continue;
                }
                Event::Text(text)
            }
            other => other,
        };
        if writer.write_event(kept).is_err() {
            break;
        }
    }
    Cleaned {
        text: String::from_utf8_lossy(&writer.into_inner()).into_owned(),
        removed,
    }
}

/// The element without event handlers and references outside the file.
fn clean_attributes(start: &BytesStart, removed: &mut Vec<&'static str>) -> BytesStart<'static> {
    let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
    let mut kept = BytesStart::new(name);
    for attribute in start.attributes().flatten() {
        let key = String::from_utf8_lossy(attribute.key.as_ref()).to_ascii_lowercase();
        let value = String::from_utf8_lossy(&attribute.value).into_owned();
        let lower = value.to_ascii_lowercase();
        let script = key.starts_with("on") || lower.trim_start().starts_with("javascript:");
        let outside = ((key == "href" || key.ends_with(":href")) && !value.trim_start().starts_with('#'))
            || lower.contains("url(http")
            || lower.contains("url(//");
        if script || outside {
            let what = if script { "script" } else { "reference" };
            if !removed.contains(&what) {
                removed.push(what);
            }
            continue;
        }
        kept.push_attribute(attribute);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_handlers_and_outside_references_are_removed() {
        let cleaned = clean(
            r##"<svg xmlns="http://www.w3.org/2000/svg" onload="x()"><script>alert(1)</script><image href="https://example.org/a.png"/><use href="#dot"/><circle id="dot" r="2" fill="red"/></svg>"##,
        );
        assert!(
            !cleaned.text.contains("script") && !cleaned.text.contains("onload"),
            "{}",
            cleaned.text
        );
        assert!(!cleaned.text.contains("example.org"), "{}", cleaned.text);
        assert!(
            cleaned.text.contains("href=\"#dot\"") && cleaned.text.contains("<circle"),
            "{}",
            cleaned.text
        );
        assert_eq!(cleaned.removed, ["script", "reference"]);
    }

    #[test]
    fn a_clean_drawing_is_kept_as_it_is() {
        let text = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#fff"/></svg>"##;
        let cleaned = clean(text);
        assert_eq!(cleaned.text, text);
        assert!(cleaned.removed.is_empty());
    }
}
