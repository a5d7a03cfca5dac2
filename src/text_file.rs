//! Reading a volunteer's text file: UTF-8 with or without a BOM, with
//! Windows (CRLF) or old Mac (CR) line ends, all read the same way; the
//! line and column of the first byte that is not UTF-8.

/// Decodes UTF-8, dropping a BOM and turning CRLF and lone CR into LF. On
/// invalid bytes returns the 1-based line and column of the first one.
pub fn decode_text(bytes: &[u8]) -> Result<String, (usize, usize)> {
    decode_owned_text(bytes.to_vec())
}

/// [`decode_text`] of bytes already owned: valid UTF-8 without a carriage
/// return, the common case, is used as it is, without a copy.
pub fn decode_owned_text(mut bytes: Vec<u8>) -> Result<String, (usize, usize)> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    // simdutf8 checks the bytes several times faster than the standard
    // library on text outside ASCII (Arabic, Ukrainian, accented Italian);
    // the standard library then only runs to locate an error.
    let text = if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: the bytes were just checked to be valid UTF-8.
        Ok(unsafe { String::from_utf8_unchecked(bytes) })
    } else {
        String::from_utf8(bytes)
    };
    let text = text.map_err(|err| {
        let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&valid[line_start..]).chars().count() + 1;
        (line, column)
    })?;
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_crlf() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFa\r\nb\rc").unwrap(), "a\nb\nc");
    }

    #[test]
    fn reports_line_and_column_of_invalid_utf8() {
        assert_eq!(decode_text(b"ok\nab\xFFc").unwrap_err(), (2, 3));
    }
}
