//! Blank text: whitespace and the invisible characters that only shape text. A file or body
//! made only of these has nothing to show, and a title never starts with them.

/// Whitespace or an invisible character that only shapes text (zero-width spaces and
/// joiners, word joiner, byte-order mark): what a blank file or a title's start is made of.
pub fn is_blank_char(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        )
}

/// Whether `s` holds nothing visible.
pub fn is_blank(s: &str) -> bool {
    s.chars().all(is_blank_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_make_text_blank() {
        assert!(is_blank("\u{feff}\u{200b} \n\u{a0}"));
        assert!(!is_blank("\u{200b}x"));
    }
}
