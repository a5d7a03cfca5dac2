//! HTML escaping: text put into HTML, with `&`, `<`, `>`, `"` and `'` as
//! entities (pulldown-cmark's escaper, which finds them sixteen bytes at a
//! time).

/// `text` with the HTML special characters as entities.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    escape_html_into(&mut out, text);
    out
}

/// [`escape_html`] appended to `out`.
pub fn escape_html_into(out: &mut String, text: &str) {
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut *out, text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_special_characters_become_entities_in_any_text() {
        assert_eq!(escape_html(""), "");
        assert_eq!(escape_html("a<b"), "a&lt;b");
        // Longer than a vector of bytes, with the characters at its edges.
        let text = "<Questura & \"Prefettura\">: l'ufficio è aperto — مكتب الهجرة '>'";
        assert_eq!(
            escape_html(text),
            "&lt;Questura &amp; &quot;Prefettura&quot;&gt;: l&#39;ufficio è aperto — مكتب الهجرة &#39;&gt;&#39;"
        );
    }
}
