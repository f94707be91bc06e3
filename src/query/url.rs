//! `application/x-www-form-urlencoded` query strings: split into pairs, percent-decode, and
//! the reverse. Small and lenient: broken escapes are kept as written and reported.
//!
//! The encoder leaves `:` as is (it is allowed in a URL query, RFC 3986 §3.4), so entity
//! ids read as `e=person:stanislav-zas`; the decoder accepts `%3A` too.

/// Something in the query string that had to be read leniently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeProblem {
    /// A `%` not followed by two hex digits; it was kept literally.
    BrokenEscape,
    /// The decoded bytes were not UTF-8; invalid bytes became U+FFFD.
    NotUtf8,
}

/// Splits `query` (an optional leading `?`, `&`- or `;`-separated `key=value` pairs) into
/// decoded pairs, each with the problems met while decoding it. Empty pairs are skipped.
pub fn decode_pairs(query: &str) -> Vec<(String, String, Vec<DecodeProblem>)> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query
        .split(['&', ';'])
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let mut problems = Vec::new();
            let key = decode(key, &mut problems);
            let value = decode(value, &mut problems);
            (key, value, problems)
        })
        .collect()
}

/// Percent-decodes one component (`+` is a space), noting problems.
pub fn decode(component: &str, problems: &mut Vec<DecodeProblem>) -> String {
    let bytes = component.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (
                bytes.get(i + 1).and_then(hex),
                bytes.get(i + 2).and_then(hex),
            ) {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    i += 2;
                }
                _ => {
                    if !problems.contains(&DecodeProblem::BrokenEscape) {
                        problems.push(DecodeProblem::BrokenEscape);
                    }
                    out.push(b'%');
                }
            },
            b => out.push(b),
        }
        i += 1;
    }
    match String::from_utf8(out) {
        Ok(s) => s,
        Err(e) => {
            problems.push(DecodeProblem::NotUtf8);
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    }
}

fn hex(b: &u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Appends `component` percent-encoded: ASCII letters, digits and `*-._:` stay, a space
/// becomes `+`, every other byte `%XX` (uppercase hex).
pub fn encode_into(component: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in component.as_bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' | b':' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push(HEX[usize::from(b >> 4)] as char);
                out.push(HEX[usize::from(b & 15)] as char);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(s: &str) -> (String, Vec<DecodeProblem>) {
        let mut problems = Vec::new();
        (decode(s, &mut problems), problems)
    }

    fn encoded(s: &str) -> String {
        let mut out = String::new();
        encode_into(s, &mut out);
        out
    }

    #[test]
    fn plus_is_a_space_and_escapes_are_bytes() {
        assert_eq!(decoded("border+mission%20%C3%A9").0, "border mission é");
    }

    #[test]
    fn broken_escapes_are_kept_and_reported() {
        assert_eq!(
            decoded("100%+sure%4"),
            ("100% sure%4".to_string(), vec![DecodeProblem::BrokenEscape])
        );
    }

    #[test]
    fn bytes_that_are_not_utf8_become_replacement_characters() {
        let (text, problems) = decoded("a%FFb");
        assert_eq!(text, "a\u{FFFD}b");
        assert_eq!(problems, [DecodeProblem::NotUtf8]);
    }

    #[test]
    fn entity_ids_stay_readable_when_encoded() {
        assert_eq!(encoded("person:stanislav-zas"), "person:stanislav-zas");
        assert_eq!(encoded("\"a b\"&c=é"), "%22a+b%22%26c%3D%C3%A9");
    }

    #[test]
    fn pairs_split_on_ampersands_and_skip_empty_ones() {
        let pairs = decode_pairs("?q=a+b&&e=x:y;flag");
        let keys: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(k, v, _)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(keys, [("q", "a b"), ("e", "x:y"), ("flag", "")]);
    }
}
