//! Titles for articles that don't name one: the first sentence of the body, after an agency
//! name glued to it ("ArmInfo.The CSTO …" → source "ArmInfo").

use super::blank::is_blank_char;

/// Longest title kept, in characters; longer first sentences are cut at a word.
const MAX_TITLE_CHARS: usize = 200;

/// An agency name glued to the first sentence without a space: `ArmInfo.The …`,
/// `TASS.Russia …`. Returns the name and the byte offset where the sentence starts.
pub fn glued_agency(body: &str) -> Option<(&str, usize)> {
    let lead = body.len() - body.trim_start_matches(is_blank_char).len();
    let rest = &body[lead..];
    let dot = rest.find('.')?;
    let name = &rest[..dot];
    let after = rest[dot + 1..].chars().next()?;
    let name_ok = (2..=40).contains(&name.chars().count())
        && name.chars().next().is_some_and(char::is_uppercase)
        && name.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '&' || c == ' ')
        // A sentence, not a name, if it has many words ("It rained.Then …" is still odd text).
        && name.split(' ').count() <= 3
        // "U.S" style abbreviations are not agencies.
        && name.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    let glued = after.is_uppercase() || matches!(after, '"' | '“' | '«');
    (name_ok && glued).then_some((name, lead + dot + 1))
}

/// The first sentence of `text`, whitespace-collapsed and capped at [`MAX_TITLE_CHARS`].
pub fn first_sentence(text: &str) -> String {
    let text = text.trim_start_matches(is_blank_char);
    let scope = title_scope(text);
    let end = sentence_end(scope).unwrap_or(scope.len());
    cap(&collapse(&scope[..end]))
}

/// Where the title is looked for: the first paragraph when the text has blank lines, else
/// (one paragraph per line, like the seed) the first line. `\n`, `\r\n` and a lone `\r`
/// (classic Mac files) all break lines.
fn title_scope(text: &str) -> &str {
    match first_blank_line(text) {
        Some(end) => &text[..end],
        None => &text[..text.find(['\n', '\r']).unwrap_or(text.len())],
    }
}

/// Byte offset of the line break that ends the first paragraph, if a blank line follows it.
fn first_blank_line(text: &str) -> Option<usize> {
    let mut last_break: Option<usize> = None;
    let mut previous = '\0';
    for (i, c) in text.char_indices() {
        match c {
            // The `\n` of a `\r\n` pair is part of the break that `\r` started.
            '\n' if previous == '\r' => {}
            '\n' | '\r' => match last_break {
                Some(start) => return Some(start),
                None => last_break = Some(i),
            },
            c if c.is_whitespace() => {}
            _ => last_break = None,
        }
        previous = c;
    }
    None
}

/// Full stops that need no space after them: CJK writing has no spaces between sentences.
fn is_cjk_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '۔' | '।') || is_cjk_terminator(c)
}

/// Closing quotes and brackets that belong to the sentence they end.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '”' | '’' | '\'' | ')' | '»' | '›' | '」' | '』' | '）' | '】' | '》' | '〉'
    )
}

/// Byte offset just past the first sentence terminator in `s`, if any.
fn sentence_end(s: &str) -> Option<usize> {
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_terminator(c) {
            continue;
        }
        // Closing quotes and brackets belong to the sentence.
        let mut end = i + c.len_utf8();
        while let Some(&(j, q)) = chars.peek() {
            if is_closing(q) || is_terminator(q) {
                end = j + q.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let next = s[end..].chars().next();
        if !is_cjk_terminator(c) && !next.is_none_or(char::is_whitespace) {
            continue;
        }
        if c == '.' && is_abbreviation(&s[..i]) {
            continue;
        }
        return Some(end);
    }
    None
}

/// Whether the word before a period is an abbreviation or an initial, not a sentence end.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    const ABBREVIATIONS: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Gov",
        "Sen", "Rep", "Rev", "St", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "Jan", "Feb", "Mar",
        "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "vs", "etc", "Mt", "Ft", "Pres",
    ];
    // "U.S" or a single initial "J".
    let initials = word
        .split('.')
        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase));
    !word.is_empty() && (initials || ABBREVIATIONS.contains(&word))
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `s` cut at a word to at most [`MAX_TITLE_CHARS`] characters and `…`: also the cap on the
/// titles, authors and sources a web page's metadata gives, however long the page makes them.
pub(super) fn cap(s: &str) -> String {
    if s.chars().count() <= MAX_TITLE_CHARS {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().take(MAX_TITLE_CHARS + 1).collect();
    // Never split a letter from its accents, or an emoji sequence at a joiner.
    let mut keep = MAX_TITLE_CHARS;
    while keep > 0 && (continues_previous(chars[keep]) || chars[keep - 1] == '\u{200D}') {
        keep -= 1;
    }
    if keep == 0 {
        // Nothing but marks: any cut is as good as another.
        keep = MAX_TITLE_CHARS;
    }
    let cut: String = chars[..keep].iter().collect();
    let at_word = cut
        .rfind(' ')
        .filter(|&i| i > MAX_TITLE_CHARS / 2)
        .unwrap_or(cut.len());
    format!("{}…", cut[..at_word].trim_end())
}

/// A character drawn onto the one before it: combining marks, joiners, variation selectors
/// and emoji skin tones.
fn continues_previous(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0670 | 0x06D6..=0x06DC | 0x0900..=0x0903 | 0x093A..=0x094F | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF | 0x200C | 0x200D | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F
        | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0xE0100..=0xE01EF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agency_glued_to_the_first_sentence_is_found() {
        let body = "ArmInfo.The CSTO is not going to leave Armenia. More.";
        let (name, start) = glued_agency(body).unwrap();
        assert_eq!(name, "ArmInfo");
        assert_eq!(
            first_sentence(&body[start..]),
            "The CSTO is not going to leave Armenia."
        );
    }

    #[test]
    fn ordinary_openings_have_no_agency() {
        for body in [
            "The CSTO is here. More.",
            "U.S.A. is big.",
            "It rained. Then it stopped.",
            "Hello",
        ] {
            assert_eq!(glued_agency(body), None, "{body}");
        }
    }

    #[test]
    fn first_sentence_skips_abbreviations_and_initials() {
        assert_eq!(
            first_sentence("Gen. J. Smith met U.S. envoys on Nov. 3. Then left."),
            "Gen. J. Smith met U.S. envoys on Nov. 3."
        );
        assert_eq!(
            first_sentence("\"We will stay,\" he said. Next."),
            "\"We will stay,\" he said."
        );
    }

    #[test]
    fn first_sentence_without_terminator_is_the_first_line_capped() {
        assert_eq!(
            first_sentence("no punctuation here\nsecond line"),
            "no punctuation here"
        );
        let long = "word ".repeat(100);
        let title = first_sentence(&long);
        assert!(title.ends_with('…') && title.chars().count() <= MAX_TITLE_CHARS + 1);
    }

    #[test]
    fn a_blank_line_is_found_whatever_the_line_endings() {
        assert_eq!(first_blank_line("ab\n\ncd"), Some(2));
        assert_eq!(first_blank_line("ab\r\n \r\ncd"), Some(2));
        assert_eq!(first_blank_line("ab\r\rcd"), Some(2));
        assert_eq!(first_blank_line("ab\r\ncd\ref"), None);
    }

    #[test]
    fn cjk_full_stops_end_a_sentence_without_a_space() {
        assert_eq!(first_sentence("北京今天下雨。明天会晴。"), "北京今天下雨。");
        assert_eq!(first_sentence("他说：“好。”然后走了。"), "他说：“好。”");
    }

    #[test]
    fn a_cap_never_separates_a_letter_from_its_accent() {
        let title = cap(&format!("x{}", "e\u{301}".repeat(150)));
        assert!(
            title.trim_end_matches('…').ends_with('\u{301}'),
            "{title:?}"
        );
    }
}
