//! Line and column of byte offsets of a body, for diagnostics that point
//! at the link or the HTML a volunteer wrote.

/// Line and column of byte offsets of a text, asked in increasing order as
/// a parser meets them: each is counted on from the one before.
pub struct Positions<'a> {
    text: &'a str,
    first_line: usize,
    offset: usize,
    /// Lines before `offset`, and where the line of `offset` starts.
    line: usize,
    line_start: usize,
    /// Characters from `line_start` to `offset`.
    column: usize,
}

impl<'a> Positions<'a> {
    pub fn new(text: &'a str, first_line: usize) -> Self {
        Positions {
            text,
            first_line,
            offset: 0,
            line: 0,
            line_start: 0,
            column: 0,
        }
    }

    /// The 1-based line (counted from `first_line`) and column of `offset`.
    pub fn at(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            *self = Positions::new(self.text, self.first_line);
        }
        let from = self.offset;
        let mut counted_from = from;
        for newline in memchr::memchr_iter(b'\n', &self.text.as_bytes()[from..offset]) {
            self.line += 1;
            self.line_start = from + newline + 1;
            counted_from = self.line_start;
            self.column = 0;
        }
        self.column += self.text[counted_from..offset].chars().count();
        self.offset = offset;
        (self.first_line + self.line, self.column + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_columns_in_any_order() {
        let text = "uno\ndue è\ntre";
        let mut positions = Positions::new(text, 5);
        assert_eq!(positions.at(0), (5, 1));
        assert_eq!(positions.at(text.find('è').unwrap() + 2), (6, 6));
        assert_eq!(positions.at(text.find("tre").unwrap()), (7, 1));
        assert_eq!(positions.at(2), (5, 3));
        assert_eq!(positions.at(text.len()), (7, 4));
        // Several positions on one line, each counted on from the last.
        let mut positions = Positions::new(text, 1);
        assert_eq!(positions.at(4), (2, 1));
        assert_eq!(positions.at(8), (2, 5));
        assert_eq!(positions.at(8), (2, 5));
        assert_eq!(positions.at(10), (2, 6));
        assert_eq!(positions.at(12), (3, 2));
    }
}
