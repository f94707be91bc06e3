//! Byte-level scanning of a page before it is parsed: tags and their attributes as the HTML
//! Standard's prescan reads them (attribute values may hold `>`), for the charset prescan and
//! for the page's shape — how many elements, how deeply nested — which decides whether it is
//! parsed at all.
//!
//! The shape matters because the parser and Readability both slow down with depth (html5ever
//! checks scopes down the stack of open elements; Readability walks ancestors, some of it
//! recursively): 4,000 nested `<div>`s take minutes and 8,000 overflow the stack, which
//! aborts instead of panicking. Chromium's parser stops nesting at 512.

use std::collections::HashMap;

/// How many elements a page has and how deeply they nest, as far as a scan of its tags can
/// tell: end tags close back to their start tag as the tree builder's "any other end tag"
/// does; void elements and elements whose end tag may be left out (`p`, `li`, `td`, …) never
/// count as nesting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// Start tags.
    pub elements: usize,
    /// The deepest nesting seen, or the first depth over the limit given.
    pub depth: usize,
}

/// The page's shape, stopping early once `max_depth` is passed.
pub fn shape(b: &[u8], max_depth: usize) -> Shape {
    let mut open: Vec<u64> = Vec::new();
    let mut open_count: HashMap<u64, usize> = HashMap::new();
    let mut shape = Shape {
        elements: 0,
        depth: 0,
    };
    let mut at = 0;
    while let Some(lt) = b[at..].iter().position(|&c| c == b'<') {
        at += lt;
        let rest = &b[at..];
        if rest.starts_with(b"<!--") {
            at = find(&rest[2..], b"-->").map_or(b.len(), |end| at + 2 + end + 3);
        } else if rest.len() > 2 && rest[1] == b'/' && rest[2].is_ascii_alphabetic() {
            let (key, name_end) = tag_name(&rest[2..]);
            let mut attrs = Attributes {
                b,
                at: at + 2 + name_end,
            };
            while attrs.next().is_some() {}
            at = attrs.at + 1;
            if open_count.get(&key).is_some_and(|&n| n > 0) {
                while let Some(closed) = open.pop() {
                    if let Some(n) = open_count.get_mut(&closed) {
                        *n -= 1;
                    }
                    if closed == key {
                        break;
                    }
                }
            }
        } else if rest.len() > 1 && rest[1].is_ascii_alphabetic() {
            shape.elements += 1;
            let (key, name_end) = tag_name(&rest[1..]);
            let mut attrs = Attributes {
                b,
                at: at + 1 + name_end,
            };
            while attrs.next().is_some() {}
            let self_closing = attrs.at > 0 && b.get(attrs.at - 1) == Some(&b'/');
            at = attrs.at + 1;
            if let Some(end_tag) = RAW_TEXT.iter().find(|(k, _)| *k == key).map(|(_, e)| e) {
                // Script, style and the like hold text, not tags, up to their end tag.
                at = find_ignore_case(&b[at.min(b.len())..], end_tag).map_or(b.len(), |e| at + e);
            } else if !self_closing && !NEVER_NEST.contains(&key) {
                open.push(key);
                *open_count.entry(key).or_default() += 1;
                shape.depth = shape.depth.max(open.len());
                if open.len() > max_depth {
                    return shape;
                }
            }
        } else if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            at = find(rest, b">").map_or(b.len(), |end| at + end + 1);
        } else {
            at += 1;
        }
        if at >= b.len() {
            break;
        }
    }
    shape
}

/// A tag name's key (lowercase, hashed) and where the name ends in `from`.
fn tag_name(from: &[u8]) -> (u64, usize) {
    let end = from
        .iter()
        .position(|&c| is_space(c) || c == b'/' || c == b'>')
        .unwrap_or(from.len());
    (key(&from[..end]), end)
}

/// FNV-1a of the lowercased name: cheap, and a rare collision only blurs an estimate.
const fn key(name: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < name.len() {
        hash ^= name[i].to_ascii_lowercase() as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}

/// Void elements, and elements whose end tag may be left out (a new `<p>` or `<li>` closes
/// the last one): neither nests.
const NEVER_NEST: [u64; 39] = [
    key(b"area"),
    key(b"base"),
    key(b"br"),
    key(b"col"),
    key(b"embed"),
    key(b"hr"),
    key(b"img"),
    key(b"input"),
    key(b"link"),
    key(b"meta"),
    key(b"source"),
    key(b"track"),
    key(b"wbr"),
    key(b"param"),
    key(b"keygen"),
    key(b"frame"),
    key(b"basefont"),
    key(b"bgsound"),
    key(b"html"),
    key(b"head"),
    key(b"body"),
    key(b"p"),
    key(b"li"),
    key(b"dt"),
    key(b"dd"),
    key(b"option"),
    key(b"optgroup"),
    key(b"tr"),
    key(b"td"),
    key(b"th"),
    key(b"thead"),
    key(b"tbody"),
    key(b"tfoot"),
    key(b"colgroup"),
    key(b"caption"),
    key(b"rb"),
    key(b"rt"),
    key(b"rtc"),
    key(b"rp"),
];

/// Elements whose content is text up to their end tag.
const RAW_TEXT: [(u64, &[u8]); 9] = [
    (key(b"script"), b"</script"),
    (key(b"style"), b"</style"),
    (key(b"textarea"), b"</textarea"),
    (key(b"title"), b"</title"),
    (key(b"xmp"), b"</xmp"),
    (key(b"iframe"), b"</iframe"),
    (key(b"noembed"), b"</noembed"),
    (key(b"noframes"), b"</noframes"),
    (key(b"noscript"), b"</noscript"),
];

/// The standard's "get an attribute", over the bytes from `at`.
pub struct Attributes<'a> {
    /// The bytes scanned.
    pub b: &'a [u8],
    /// Where the scan is.
    pub at: usize,
}

impl Attributes<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.at).copied()
    }

    fn skip_spaces(&mut self) {
        while self.peek().is_some_and(is_space) {
            self.at += 1;
        }
    }

    /// The next attribute (lowercased name, value), or `None` at the tag's `>` or the end of
    /// the bytes (then `at` is on the `>` or past the end).
    pub fn next(&mut self) -> Option<(Vec<u8>, Vec<u8>)> {
        while self.peek().is_some_and(|c| is_space(c) || c == b'/') {
            self.at += 1;
        }
        let first = self.peek()?;
        if first == b'>' {
            return None;
        }
        let mut name = vec![first.to_ascii_lowercase()];
        self.at += 1;
        loop {
            match self.peek()? {
                b'=' if !name.is_empty() => break,
                c if is_space(c) => {
                    self.skip_spaces();
                    if self.peek()? != b'=' {
                        return Some((name, Vec::new()));
                    }
                    break;
                }
                b'/' | b'>' => return Some((name, Vec::new())),
                c => name.push(c.to_ascii_lowercase()),
            }
            self.at += 1;
        }
        self.at += 1; // the `=`
        self.skip_spaces();
        let mut value = Vec::new();
        match self.peek()? {
            q @ (b'"' | b'\'') => {
                self.at += 1;
                loop {
                    let c = self.peek()?;
                    self.at += 1;
                    if c == q {
                        return Some((name, value));
                    }
                    value.push(c.to_ascii_lowercase());
                }
            }
            b'>' => Some((name, value)),
            _ => {
                while let Some(c) = self.peek().filter(|&c| !is_space(c) && c != b'>') {
                    value.push(c.to_ascii_lowercase());
                    self.at += 1;
                }
                Some((name, value))
            }
        }
    }
}

/// `<meta` or `<META` (any `name`) followed by a space, `/` or `>`.
pub fn starts_tag(rest: &[u8], name: &[u8]) -> bool {
    rest.len() > name.len() + 1
        && rest[0] == b'<'
        && rest[1..=name.len()].eq_ignore_ascii_case(name)
        && (is_space(rest[name.len() + 1]) || matches!(rest[name.len() + 1], b'/' | b'>'))
}

pub fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

pub fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(page: &str) -> usize {
        shape(page.as_bytes(), usize::MAX).depth
    }

    #[test]
    fn nesting_follows_end_tags_back_to_their_start() {
        assert_eq!(depth("<div><div><span>x</span></div></div>"), 3);
        // `</div>` closes the `<span>` left open inside it, as the tree builder does.
        assert_eq!(depth(&"<div><span></div>".repeat(1000)), 2);
        // A stray end tag closes nothing.
        assert_eq!(depth("<div></section><b>x</b></div>"), 2);
    }

    #[test]
    fn optional_end_tags_void_elements_and_self_closing_tags_never_nest() {
        assert_eq!(depth(&"<p>one<li>two<br><img src=x><td>".repeat(1000)), 0);
        assert_eq!(depth(&"<svg><path d='M0 0'/></svg>".repeat(10)), 1);
    }

    #[test]
    fn scripts_comments_and_attribute_values_hold_no_tags() {
        let tags_as_text = "<div><div><div>";
        for page in [
            format!("<script>var s = '{tags_as_text}';</script>"),
            format!("<style>/* {tags_as_text} */</style>"),
            format!("<!-- {tags_as_text} -->"),
            format!("<a title='{tags_as_text}'>x</a>"),
        ] {
            assert!(depth(&page) <= 1, "{page}");
        }
    }

    #[test]
    fn the_scan_stops_past_the_limit_and_counts_elements() {
        let page = "<div>".repeat(100_000);
        assert_eq!(
            shape(page.as_bytes(), 512),
            Shape {
                elements: 513,
                depth: 513
            }
        );
        assert_eq!(
            shape(b"<p>a<p>b<i>c</i>", 512),
            Shape {
                elements: 3,
                depth: 1
            }
        );
    }

    #[test]
    fn truncated_pages_end_the_scan() {
        for page in [
            "<div",
            "<div class='x",
            "</",
            "<!--",
            "<script>",
            "<",
            "<a/",
        ] {
            let _ = shape(page.as_bytes(), 512);
        }
    }
}
