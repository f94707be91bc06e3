//! Titles for articles that don't name one: the first sentence of the body, after an agency
//! name glued to it ("ArmInfo.The CSTO …" → source "ArmInfo").

/// Longest title kept, in characters; longer first sentences are cut at a word.
const MAX_TITLE_CHARS: usize = 200;

/// An agency name glued to the first sentence without a space: `ArmInfo.The …`,
/// `TASS.Russia …`. Returns the name and the byte offset where the sentence starts.
pub fn glued_agency(body: &str) -> Option<(&str, usize)> {
    let lead = body.len() - body.trim_start().len();
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
    let text = text.trim_start();
    let first_paragraph = text.split("\n\n").next().unwrap_or(text);
    let first_line = first_paragraph.lines().next().unwrap_or("");
    // Single-newline paragraphs (like the seed) end the sentence at the line end too.
    let scope = if text.contains("\n\n") {
        first_paragraph
    } else {
        first_line
    };
    let end = sentence_end(scope).unwrap_or(scope.len());
    cap(&collapse(&scope[..end]))
}

/// Byte offset just past the first sentence terminator in `s`, if any.
fn sentence_end(s: &str) -> Option<usize> {
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        // Closing quotes and brackets belong to the sentence.
        let mut end = i + c.len_utf8();
        while let Some(&(j, q)) = chars.peek() {
            if matches!(q, '"' | '”' | '’' | '\'' | ')' | '»' | '.' | '!' | '?') {
                end = j + q.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let next = s[end..].chars().next();
        if !next.is_none_or(char::is_whitespace) {
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

fn cap(s: &str) -> String {
    if s.chars().count() <= MAX_TITLE_CHARS {
        return s.to_string();
    }
    let cut: String = s.chars().take(MAX_TITLE_CHARS).collect();
    let at_word = cut
        .rfind(' ')
        .filter(|&i| i > MAX_TITLE_CHARS / 2)
        .unwrap_or(cut.len());
    format!("{}…", cut[..at_word].trim_end())
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
}
