//! A `---` … `---` block of YAML at the top of a `.txt` or `.md` file.

use super::ErrorKind;
use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::{Yaml, YamlLoader};

/// The front matter of one file: its keys in order, values as text, and where the body starts.
#[derive(Debug, Default)]
pub struct FrontMatter {
    /// Keys and values in file order; lists are joined with ", ".
    pub fields: Vec<(String, String)>,
    /// Byte offset just past the closing `---` line.
    pub body_start: usize,
}

impl FrontMatter {
    /// Removes and returns `key` (case-insensitive), if present and not blank.
    pub fn take(&mut self, key: &str) -> Option<String> {
        let i = self
            .fields
            .iter()
            .position(|(k, _)| k.eq_ignore_ascii_case(key))?;
        let (_, value) = self.fields.remove(i);
        let value = value.trim().to_string();
        (!value.is_empty()).then_some(value)
    }
}

/// Splits front matter off `text` (which starts after any byte-order mark, at byte `offset`
/// of the file). `Ok(None)` when the first line is not `---`.
pub fn split(text: &str, offset: usize) -> Result<Option<FrontMatter>, ErrorKind> {
    let Some(first_line_end) = fence_at(text, 0) else {
        return Ok(None);
    };
    let mut line_start = first_line_end;
    let closing = loop {
        if line_start >= text.len() {
            return Err(ErrorKind::UnterminatedFrontMatter);
        }
        if let Some(end) = fence_at(text, line_start) {
            break (line_start, end);
        }
        line_start = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i + 1);
    };
    let yaml = &text[first_line_end..closing.0];
    let fields = parse_yaml(yaml)?;
    Ok(Some(FrontMatter {
        fields,
        body_start: offset + closing.1,
    }))
}

/// If a fence line (`---`, trailing spaces allowed) starts at `at`, the offset past its newline.
fn fence_at(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let line_len = rest.find('\n').unwrap_or(rest.len());
    let line = rest[..line_len].trim_end_matches(['\r', ' ', '\t']);
    (line == "---").then(|| at + (line_len + 1).min(rest.len()))
}

fn parse_yaml(yaml: &str) -> Result<Vec<(String, String)>, ErrorKind> {
    let loaded = refuse_aliases(yaml).and_then(|()| {
        // +1: the block starts on the file's second line.
        YamlLoader::load_from_str(yaml).map_err(|e| (e.marker().line() + 1, e.info().to_string()))
    });
    let docs = match loaded {
        Ok(docs) => docs,
        // News titles often hold an unquoted ": " ("title: Analysis: what next"), which
        // strict YAML rejects; plain `key: value` lines are still unambiguous.
        Err((line, message)) => {
            return simple_key_values(yaml).ok_or(ErrorKind::FrontMatter { line, message });
        }
    };
    let Some(doc) = docs.into_iter().next() else {
        return Ok(Vec::new());
    };
    match doc {
        Yaml::Hash(map) => map
            .into_iter()
            .map(|(k, v)| {
                let key = scalar(&k).ok_or_else(|| ErrorKind::FrontMatter {
                    line: 2,
                    message: format!("a key must be plain text, found {k:?}"),
                })?;
                Ok((key, value_text(&v)))
            })
            .collect(),
        Yaml::Null => Ok(Vec::new()),
        other => Err(ErrorKind::FrontMatter {
            line: 2,
            message: format!("expected `key: value` lines, found {}", kind_name(&other)),
        }),
    }
}

/// Refuses YAML aliases (`*name`) before loading: the loader copies the anchored value at
/// every alias, so a few lines of nested aliases (a "billion laughs") would take all memory.
/// Syntax errors are left for the loader to report.
fn refuse_aliases(yaml: &str) -> Result<(), (usize, String)> {
    let mut parser = Parser::new_from_str(yaml);
    loop {
        match parser.next_token() {
            Ok((Event::StreamEnd, _)) | Err(_) => return Ok(()),
            Ok((Event::Alias(_), mark)) => {
                let message =
                    "YAML aliases (`*name`) are not accepted in front matter; write the value out";
                return Err((mark.line() + 1, message.into()));
            }
            Ok(_) => {}
        }
    }
}

/// Every non-blank line is `key: value` with a plain key: split at the first ": ".
fn simple_key_values(yaml: &str) -> Option<Vec<(String, String)>> {
    yaml.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let (key, value) = line.split_once(':')?;
            let plain_key = !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
            let value = value.trim();
            // A value opening a YAML collection or block was meant as YAML: report the YAML
            // error instead. A quote that opens a title (`"BRITANNIA" COIN …`) is just text.
            let plain_value = !value.starts_with(['[', '{', '|', '>', '&', '*', '!']);
            (plain_key && plain_value).then(|| (key.to_string(), unquote(value).to_string()))
        })
        .collect()
}

/// `"text"` or `'text'` → `text`; anything else as written.
fn unquote(value: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner;
        }
    }
    value
}

fn scalar(y: &Yaml) -> Option<String> {
    match y {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        Yaml::Null => Some(String::new()),
        _ => None,
    }
}

/// Values as display text: scalars as written, lists joined, maps as `k: v` pairs.
fn value_text(y: &Yaml) -> String {
    match y {
        Yaml::Array(items) => items.iter().map(value_text).collect::<Vec<_>>().join(", "),
        Yaml::Hash(map) => map
            .iter()
            .map(|(k, v)| format!("{}: {}", value_text(k), value_text(v)))
            .collect::<Vec<_>>()
            .join("; "),
        other => scalar(other).unwrap_or_default(),
    }
}

fn kind_name(y: &Yaml) -> &'static str {
    match y {
        Yaml::Array(_) => "a list",
        Yaml::String(_) | Yaml::Real(_) | Yaml::Integer(_) | Yaml::Boolean(_) => "a single value",
        _ => "something else",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_kept_in_order_and_body_starts_after_the_fence() {
        let text = "---\ntitle: Cocoa\ndate: 1987-02-26\ntopics: [cocoa, grain]\n---\nBody.";
        let fm = split(text, 0).unwrap().unwrap();
        let pairs = |v: &[(&str, &str)]| {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            fm.fields,
            pairs(&[
                ("title", "Cocoa"),
                ("date", "1987-02-26"),
                ("topics", "cocoa, grain")
            ])
        );
        assert_eq!(&text[fm.body_start..], "Body.");
    }

    #[test]
    fn an_unquoted_colon_in_a_title_is_kept() {
        let fm = split(
            "---\ntitle: Analysis: what next\nsource: Reuters\n---\nBody",
            0,
        )
        .unwrap()
        .unwrap();
        assert_eq!(
            fm.fields[0],
            ("title".to_string(), "Analysis: what next".to_string())
        );
        assert_eq!(fm.fields[1].1, "Reuters");
        let fm = split("---\ntitle: \"BRITANNIA\" COIN TO SELL\n---\nBody", 0)
            .unwrap()
            .unwrap();
        assert_eq!(fm.fields[0].1, "\"BRITANNIA\" COIN TO SELL");
    }

    #[test]
    fn crlf_fences_are_recognised() {
        let text = "---\r\ntitle: x\r\n---\r\nBody";
        let fm = split(text, 0).unwrap().unwrap();
        assert_eq!(fm.fields[0].1, "x");
        assert_eq!(&text[fm.body_start..], "Body");
    }

    #[test]
    fn unterminated_block_is_an_error() {
        assert_eq!(
            split("---\ntitle: x\nBody", 0).unwrap_err(),
            ErrorKind::UnterminatedFrontMatter
        );
    }

    #[test]
    fn broken_yaml_names_the_file_line() {
        let err = split("---\ntitle: x\nbad: [unclosed\n---\n", 0).unwrap_err();
        assert!(matches!(err, ErrorKind::FrontMatter { .. }), "{err:?}");
    }

    #[test]
    fn yaml_aliases_are_refused_before_they_can_expand() {
        let bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n";
        let err = split(&format!("---\n{bomb}---\nBody"), 0).unwrap_err();
        assert!(
            matches!(&err, ErrorKind::FrontMatter { line: 3, message } if message.contains("aliases")),
            "{err:?}"
        );
    }

    #[test]
    fn no_fence_means_no_front_matter() {
        assert!(split("Title\n---\n", 0).unwrap().is_none());
    }
}
