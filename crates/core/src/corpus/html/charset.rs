//! A saved page's bytes into text: the encoding a browser would use, as the HTML Standard's
//! encoding sniffing finds it (a byte-order mark, then a `<meta charset>` or
//! `<meta http-equiv="Content-Type">` near the top), decoded by `encoding_rs` (Firefox's
//! implementation of the Encoding Standard).
//!
//! Where Dossier differs from a browser, it says so instead of guessing: a declared charset
//! that no browser knows is an error, not a silent fallback.

use super::super::error::ErrorKind;
use super::scan::{Attributes, find, find_ignore_case, is_space, starts_tag};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

/// How far the prescan looks for a `<meta>` declaring the charset. The standard says 1,024
/// bytes; saved pages often put a long comment or dozens of `<meta>` tags first, and browsers
/// look further (Chromium reads the whole `<head>`), so the scan goes on to the `<body>`
/// within this many bytes.
const PRESCAN_BYTES: usize = 64 * 1024;

/// Where the encoding came from, kept in the article's `meta` as `charset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A byte-order mark.
    ByteOrderMark,
    /// A `<meta>` in the page.
    Declared,
    /// Nothing declared; the bytes are valid UTF-8.
    Utf8Undeclared,
    /// Nothing declared and not UTF-8: windows-1252, the standard's fallback for most locales.
    Fallback,
}

/// A page decoded into text.
#[derive(Debug)]
pub struct Decoded {
    /// The page's source as text.
    pub text: String,
    /// The encoding it was decoded with.
    pub encoding: &'static Encoding,
    /// Where that encoding came from.
    pub origin: Origin,
    /// Whether some bytes were not valid in that encoding (each became U+FFFD, as in a browser).
    pub had_errors: bool,
}

impl Decoded {
    /// "windows-1252 (declared)", for the article's `meta`.
    pub fn describe(&self) -> String {
        let how = match self.origin {
            Origin::ByteOrderMark => "byte-order mark",
            Origin::Declared => "declared",
            Origin::Utf8Undeclared => "undeclared, valid UTF-8",
            Origin::Fallback => "undeclared, assumed",
        };
        let errors = if self.had_errors {
            "; some bytes were invalid and show as �"
        } else {
            ""
        };
        format!("{} ({how}{errors})", self.encoding.name())
    }
}

/// Decodes `bytes` as a browser opening the saved file would, or says which declared charset
/// is unknown.
pub fn decode(bytes: &[u8]) -> Result<Decoded, ErrorKind> {
    let (encoding, origin) = match Encoding::for_bom(bytes) {
        Some((encoding, _)) => (encoding, Origin::ByteOrderMark),
        None => match prescan(&bytes[..bytes.len().min(PRESCAN_BYTES)]) {
            Some(Declaration::Known(encoding)) => (encoding, Origin::Declared),
            Some(Declaration::Unknown(label)) => return Err(ErrorKind::UnknownCharset { label }),
            None if std::str::from_utf8(bytes).is_ok() => (UTF_8, Origin::Utf8Undeclared),
            None => (WINDOWS_1252, Origin::Fallback),
        },
    };
    // `decode` lets a byte-order mark override the encoding and removes it, as browsers do.
    let (text, encoding, had_errors) = encoding.decode(bytes);
    Ok(Decoded {
        text: text.into_owned(),
        encoding,
        origin,
        had_errors,
    })
}

/// What a `<meta>` declares.
#[derive(Debug, PartialEq, Eq)]
enum Declaration {
    Known(&'static Encoding),
    /// A label the Encoding Standard does not know, as written (trimmed, at most 40 chars).
    Unknown(String),
}

/// The HTML Standard's "prescan a byte stream to determine its encoding": walks comments and
/// tags (attribute values may hold `>`), and reads the first `<meta>` that declares a charset.
/// Stops at `<body`, where the head (and any declaration) has ended.
fn prescan(b: &[u8]) -> Option<Declaration> {
    let mut at = 0;
    while at < b.len() {
        let rest = &b[at..];
        if rest.starts_with(b"<!--") {
            // `<!-->` closes at once: the `-->` search starts at the comment's opening dashes.
            at += 2 + find(&rest[2..], b"-->")? + 3;
        } else if starts_tag(rest, b"meta") {
            let mut attrs = Attributes { b, at: at + 5 };
            if let Some(declaration) = meta_declaration(&mut attrs) {
                return Some(declaration);
            }
            at = attrs.at;
        } else if starts_tag(rest, b"body") {
            return None;
        } else if rest.len() > 1
            && rest[0] == b'<'
            && (rest[1].is_ascii_alphabetic()
                || (rest[1] == b'/' && rest.get(2).is_some_and(u8::is_ascii_alphabetic)))
        {
            // Any other tag: skip its name, then its attributes, whose values may hold `>`.
            let name_end = rest
                .iter()
                .position(|&c| is_space(c) || c == b'>')
                .unwrap_or(rest.len());
            let mut attrs = Attributes {
                b,
                at: at + name_end,
            };
            while attrs.next().is_some() {}
            at = attrs.at + 1;
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            at += find(rest, b">")? + 1;
        } else {
            at += 1;
        }
    }
    None
}

/// The charset a `<meta>` (its attributes read from `attrs`) declares, if any; leaves `attrs`
/// past the tag's `>`.
fn meta_declaration(attrs: &mut Attributes) -> Option<Declaration> {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let mut http_equiv_content_type = false;
    let mut charset: Option<Vec<u8>> = None;
    let mut content_charset: Option<Vec<u8>> = None;
    while let Some((name, value)) = attrs.next() {
        // Only the first attribute of a name counts, as in the parser.
        if seen.contains(&name) {
            continue;
        }
        match name.as_slice() {
            b"http-equiv" => http_equiv_content_type = value.eq_ignore_ascii_case(b"content-type"),
            b"content" => content_charset = charset_in_content(&value),
            b"charset" => charset = Some(value),
            _ => {}
        }
        seen.push(name);
    }
    attrs.at += 1;
    let label = charset.or(content_charset.filter(|_| http_equiv_content_type))?;
    let label = String::from_utf8_lossy(&label).trim().to_string();
    Some(match Encoding::for_label(label.as_bytes()) {
        // A page whose `<meta>` an ASCII scan found cannot be UTF-16 (the standard's rule).
        Some(e) if e == UTF_16BE || e == UTF_16LE => Declaration::Known(UTF_8),
        Some(e) if e == X_USER_DEFINED => Declaration::Known(WINDOWS_1252),
        Some(e) => Declaration::Known(e),
        None => Declaration::Unknown(label.chars().take(40).collect()),
    })
}

/// The standard's "extracting a character encoding from a meta element":
/// `text/html; charset="shift_jis"` → `shift_jis`.
fn charset_in_content(content: &[u8]) -> Option<Vec<u8>> {
    let mut at = 0;
    loop {
        let found = at + find_ignore_case(&content[at..], b"charset")?;
        let mut i = found + b"charset".len();
        while content.get(i).copied().is_some_and(is_space) {
            i += 1;
        }
        if content.get(i) != Some(&b'=') {
            at = i;
            continue;
        }
        i += 1;
        while content.get(i).copied().is_some_and(is_space) {
            i += 1;
        }
        return match content.get(i) {
            Some(&q @ (b'"' | b'\'')) => {
                let value = &content[i + 1..];
                let end = value.iter().position(|&c| c == q)?;
                Some(value[..end].to_vec())
            }
            Some(_) => {
                let value = &content[i..];
                let end = value
                    .iter()
                    .position(|&c| is_space(c) || c == b';')
                    .unwrap_or(value.len());
                Some(value[..end].to_vec())
            }
            None => None,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{SHIFT_JIS, WINDOWS_1251};

    fn declared(page: &str) -> Option<Declaration> {
        prescan(page.as_bytes())
    }

    #[test]
    fn meta_charset_in_every_spelling_is_found() {
        for page in [
            "<meta charset=shift_jis>",
            "<META CHARSET='Shift_JIS'>",
            "<!doctype html><html><head><meta charset=\"sjis\"/>",
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=shift_jis\">",
            "<meta content='text/html;charset=\"x-sjis\"' http-equiv=content-type>",
        ] {
            assert_eq!(
                declared(page),
                Some(Declaration::Known(SHIFT_JIS)),
                "{page}"
            );
        }
    }

    #[test]
    fn declarations_hidden_in_comments_and_attribute_values_are_ignored() {
        assert_eq!(
            declared("<!-- <meta charset=koi8-r> --><meta charset=windows-1251>"),
            Some(Declaration::Known(WINDOWS_1251))
        );
        assert_eq!(
            declared("<div title='<meta charset=koi8-r>'><meta charset=windows-1251>"),
            Some(Declaration::Known(WINDOWS_1251))
        );
        // A content charset without http-equiv declares nothing.
        assert_eq!(declared("<meta content='charset=koi8-r'>"), None);
    }

    #[test]
    fn the_scan_ends_at_the_body() {
        assert_eq!(declared("<body><meta charset=koi8-r>"), None);
    }

    #[test]
    fn labels_map_as_the_encoding_standard_says() {
        assert_eq!(
            declared("<meta charset=iso-8859-1>"),
            Some(Declaration::Known(WINDOWS_1252))
        );
        assert_eq!(
            declared("<meta charset=utf-16le>"),
            Some(Declaration::Known(UTF_8))
        );
        assert_eq!(
            declared("<meta charset=\"klingon-8\">"),
            Some(Declaration::Unknown("klingon-8".into()))
        );
    }

    #[test]
    fn undeclared_pages_are_utf8_when_valid_else_windows_1252() {
        let d = decode("<p>Café</p>".as_bytes()).unwrap();
        assert_eq!((d.encoding, d.origin), (UTF_8, Origin::Utf8Undeclared));
        let d = decode(b"<p>Caf\xe9</p>").unwrap();
        assert_eq!(
            (d.text.as_str(), d.origin),
            ("<p>Café</p>", Origin::Fallback)
        );
    }

    #[test]
    fn a_byte_order_mark_wins_over_the_meta_and_is_removed() {
        let d = decode("\u{feff}<meta charset=windows-1252><p>Café".as_bytes()).unwrap();
        assert_eq!((d.encoding, d.origin), (UTF_8, Origin::ByteOrderMark));
        assert!(d.text.starts_with("<meta"));
    }

    #[test]
    fn truncated_tags_end_the_scan_without_a_panic() {
        for page in [
            "<meta charset='sj",
            "<meta",
            "<!-- never closed",
            "<a href=\"x",
            "<",
        ] {
            assert_eq!(declared(page), None, "{page}");
        }
    }
}
