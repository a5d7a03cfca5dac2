//! The fields of a document (title, extra terms, headings, summary, body,
//! mentioned terms) and how much one occurrence weighs in each.

/// The fields of a document, in the order of [`FIELD_WEIGHTS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Field {
    Title = 0,
    Extra = 1,
    Heading = 2,
    Summary = 3,
    Body = 4,
    Mention = 5,
}

/// How many fields a document has.
pub(super) const FIELDS: usize = 6;

/// How much one occurrence counts, per field: title, extra (Italian) terms,
/// headings, summary, body, Italian terms the text mentions.
pub(super) const FIELD_WEIGHTS: [f64; FIELDS] = [5.0, 4.0, 3.0, 2.0, 1.0, 1.0];

/// [`FIELD_WEIGHTS`] as integers, to add up the weight of a stem per section
/// exactly.
pub(super) const SECTION_WEIGHTS: [u32; FIELDS] = [5, 4, 3, 2, 1, 1];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_weights_are_the_field_weights() {
        let as_floats: Vec<f64> = SECTION_WEIGHTS.iter().map(|&w| f64::from(w)).collect();
        assert_eq!(as_floats, FIELD_WEIGHTS);
        assert_eq!(Field::Mention as usize, FIELDS - 1);
    }
}
