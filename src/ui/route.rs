//! The view a URL asks for: `?q=TEXT` filters the list, `?a=ID` opens an article.

/// What the query string asks to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Route {
    /// Free-text filter.
    pub q: String,
    /// The open article.
    pub article: Option<String>,
    /// Parameters that were not understood, for the notice.
    pub ignored: Vec<String>,
}

impl Route {
    /// Reads a query string (without `?`). Unknown keys are kept as notices.
    pub fn parse(query: &str) -> Self {
        let mut route = Route::default();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(value);
            match decode(key).as_str() {
                "q" => route.q = value,
                "a" if !value.is_empty() => route.article = Some(value),
                other => route.ignored.push(other.to_string()),
            }
        }
        route
    }

    /// The canonical query string of this route.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if !self.q.is_empty() {
            parts.push(format!("q={}", encode(&self.q)));
        }
        if let Some(a) = &self.article {
            parts.push(format!("a={}", encode(a)));
        }
        parts.join("&")
    }
}

/// application/x-www-form-urlencoded decoding; broken escapes are kept as written.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push(h * 16 + l);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b':' => out.push(b as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
