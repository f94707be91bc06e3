//! Articles as JSON: one object, an array of objects (`.json`) or one object per line
//! (`.jsonl`). The body is the `body` field (or `text`, or `content`).

use super::{ErrorKind, article::TitleOrigin};
use serde_json::{Map, Value};

/// The fields of one record, before it becomes an [`super::Article`].
#[derive(Debug, Default)]
pub struct Record {
    /// Where the record is in its file: `None` for a lone object, else its label.
    pub position: Option<RecordPosition>,
    /// `id` if the record sets one.
    pub id: Option<String>,
    /// The body text.
    pub body: String,
    /// `title`, if given.
    pub title: Option<String>,
    /// `date` / `published` as written.
    pub date: Option<String>,
    /// Other known fields.
    pub source: Option<String>,
    /// Link.
    pub url: Option<String>,
    /// Author.
    pub author: Option<String>,
    /// All other fields as text.
    pub meta: Vec<(String, String)>,
}

impl Record {
    /// The record with blank optional fields (`"id": " "`, `"title": ""`) treated as
    /// absent, as blank front-matter keys are: a blank id or title is never shown.
    pub fn without_blank_fields(mut self) -> Self {
        for field in [
            &mut self.id,
            &mut self.title,
            &mut self.date,
            &mut self.source,
            &mut self.url,
            &mut self.author,
        ] {
            if field.as_deref().is_some_and(|v| v.trim().is_empty()) {
                *field = None;
            }
        }
        self
    }
}

/// A record's place in a file with several.
#[derive(Debug, Clone, Copy)]
pub enum RecordPosition {
    /// 1-based line of a JSON Lines file.
    Line(usize),
    /// 1-based position in a JSON array.
    Item(usize),
}

impl RecordPosition {
    /// `line 3` / `#2`, as used in messages.
    pub fn label(self) -> String {
        match self {
            Self::Line(n) => format!("line {n}"),
            Self::Item(n) => format!("#{n}"),
        }
    }

    /// The suffix that makes the record's id unique within its file.
    pub fn id_suffix(self) -> String {
        match self {
            Self::Line(n) | Self::Item(n) => format!("-{n}"),
        }
    }
}

/// Reads a `.json` file: one record object or an array of them.
pub fn parse_json(text: &str) -> Result<Vec<Record>, ErrorKind> {
    let value: Value = serde_json::from_str(text).map_err(syntax)?;
    match value {
        // An empty array would make a file that silently adds nothing.
        Value::Array(items) if items.is_empty() => Err(ErrorKind::JsonRecord {
            record: "(the file's array)".into(),
            message: "the array holds no records; add an object with a `body`, or remove the file"
                .into(),
        }),
        Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, item)| record(item, Some(RecordPosition::Item(i + 1))))
            .collect(),
        other => Ok(vec![record(other, None)?]),
    }
}

/// Reads a `.jsonl` file: one record object per non-blank line.
pub fn parse_jsonl(text: &str) -> Result<Vec<Record>, ErrorKind> {
    let mut records = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(line).map_err(|e| ErrorKind::JsonSyntax {
            line: i + 1,
            column: e.column(),
            message: strip_position(&e),
        })?;
        records.push(record(value, Some(RecordPosition::Line(i + 1)))?);
    }
    Ok(records)
}

fn syntax(e: serde_json::Error) -> ErrorKind {
    ErrorKind::JsonSyntax {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e),
    }
}

/// serde_json appends " at line L column C"; the error kind carries those separately.
fn strip_position(e: &serde_json::Error) -> String {
    let full = e.to_string();
    full.find(" at line ")
        .map_or(full.clone(), |i| full[..i].to_string())
}

fn record(value: Value, position: Option<RecordPosition>) -> Result<Record, ErrorKind> {
    let label =
        || position.map_or_else(|| "(the file's object)".to_string(), RecordPosition::label);
    let Value::Object(mut map) = value else {
        return Err(ErrorKind::JsonRecord {
            record: label(),
            message: "expected an object with a `body` field".into(),
        });
    };
    let body = take_text(&mut map, &["body", "text", "content"], label)?.ok_or_else(|| {
        ErrorKind::JsonRecord {
            record: label(),
            message: "no `body` (or `text` / `content`) string field".into(),
        }
    })?;
    let mut rec = Record {
        position,
        id: take_text(&mut map, &["id"], label)?,
        title: take_text(&mut map, &["title", "headline"], label)?,
        date: take_text(&mut map, &["date", "published", "published_at"], label)?,
        source: take_text(&mut map, &["source", "publisher"], label)?,
        url: take_text(&mut map, &["url", "link"], label)?,
        author: take_text(&mut map, &["author", "byline"], label)?,
        body,
        meta: Vec::new(),
    };
    rec.meta = map.into_iter().map(|(k, v)| (k, display(&v))).collect();
    Ok(rec)
}

/// Removes the first present key among `keys`; strings and numbers are accepted as text.
fn take_text(
    map: &mut Map<String, Value>,
    keys: &[&str],
    label: impl Fn() -> String,
) -> Result<Option<String>, ErrorKind> {
    for key in keys {
        match map.remove(*key) {
            None | Some(Value::Null) => continue,
            Some(Value::String(s)) => return Ok(Some(s)),
            Some(Value::Number(n)) => return Ok(Some(n.to_string())),
            Some(other) => {
                return Err(ErrorKind::JsonRecord {
                    record: label(),
                    message: format!("`{key}` must be a string, found {}", type_name(&other)),
                });
            }
        }
    }
    Ok(None)
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn display(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(display).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

/// Records always name their title origin explicitly; kept here so the mapping is one place.
pub fn title_origin(title: &Option<String>) -> TitleOrigin {
    if title.is_some() {
        TitleOrigin::Given
    } else {
        TitleOrigin::FirstSentence
    }
}
