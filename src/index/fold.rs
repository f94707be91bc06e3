//! Words as the index sees them: split on anything that is not a letter or digit, then
//! case- and accent-folded, so `Zürich`, `ZURICH` and `zurich` are one term.
//!
//! The fold table covers the Latin letters news text uses (Latin-1, Latin Extended-A and
//! the common Extended-B letters); other scripts are only lowercased. No Unicode
//! normalisation crate: a decomposed accent (`u` + U+0308) is a combining mark, which is not
//! alphanumeric, so it is simply dropped from the word it sits in.

use crate::span::ByteSpan;

/// Calls `each(span, folded)` for every word of `text[span]`, in order. `folded` is only
/// valid during the call (one buffer is reused, so splitting allocates nothing per word).
pub fn for_each_word(text: &str, span: ByteSpan, mut each: impl FnMut(ByteSpan, &str)) {
    let Some(slice) = text.get(span.start..span.end) else {
        return;
    };
    let mut folded = String::with_capacity(32);
    let mut word_start: Option<usize> = None;
    for (offset, c) in slice.char_indices() {
        if c.is_alphanumeric() {
            if word_start.is_none() {
                word_start = Some(offset);
                folded.clear();
            }
            push_folded(c, &mut folded);
        } else if is_combining_mark(c) && word_start.is_some() {
            // Decomposed accents stay inside the word and fold away.
        } else if let Some(start) = word_start.take() {
            each(
                ByteSpan::new(span.start + start, span.start + offset),
                &folded,
            );
        }
    }
    if let Some(start) = word_start {
        each(ByteSpan::new(span.start + start, span.end), &folded);
    }
}

/// The folded form of one word or query term (letters and digits only).
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if c.is_alphanumeric() {
            push_folded(c, &mut out);
        }
    }
    out
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// Appends the lowercase, accent-free form of `c`.
pub fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for lower in c.to_lowercase() {
        match fold_latin(lower) {
            Some(plain) => out.push_str(plain),
            None => out.push(lower),
        }
    }
}

/// The unaccented spelling of a lowercase Latin letter, if it has an accent.
fn fold_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' | 'ª' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǒ' | 'º' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ǔ' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, &str)> {
        let mut out = Vec::new();
        for_each_word(text, ByteSpan::new(0, text.len()), |span, folded| {
            out.push((folded.to_string(), span.slice(text)));
        });
        out
    }

    #[test]
    fn words_are_lowercased_and_unaccented() {
        let found = words("Zürich, São Paulo & ŁÓDŹ straße");
        let folded: Vec<&str> = found.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(folded, ["zurich", "sao", "paulo", "lodz", "strasse"]);
    }

    #[test]
    fn spans_point_at_the_original_spelling() {
        let found = words("  Café-Bar 5.93");
        let spans: Vec<&str> = found.iter().map(|(_, s)| *s).collect();
        assert_eq!(spans, ["Café", "Bar", "5", "93"]);
    }

    #[test]
    fn decomposed_accents_fold_like_composed_ones() {
        assert_eq!(words("Zu\u{0308}rich")[0].0, "zurich");
        assert_eq!(fold("Zu\u{0308}rich"), "zurich");
    }

    #[test]
    fn other_scripts_are_lowercased_only() {
        assert_eq!(fold("ЕРЕВАН"), "ереван");
    }

    #[test]
    fn a_span_outside_the_text_yields_nothing() {
        let mut count = 0;
        for_each_word("abc", ByteSpan::new(2, 9), |_, _| count += 1);
        assert_eq!(count, 0);
    }
}
