//! `aliases.toml`: a reader's hand edits to the resolved entities, as a file that travels
//! with the site. The app exports it ("Export aliases.toml"); put beside the seed articles,
//! the next build (`trunk build`'s embedded articles, `dossier build`'s archive, `dossier
//! extract --resolve`) applies it for everyone (`resolve/curation.rs` applies it).
//!
//! # File grammar (v1)
//!
//! The file is TOML, restricted to what the edits need, so every file the app writes or a
//! person types by this grammar is valid TOML, and anything else is refused with its line:
//!
//! ```text
//! file    = { line }
//! line    = ws [ header | field ] ws [ comment ] newline
//! comment = "#" { any char but newline }
//! header  = "[[" ws edit ws "]]"
//! edit    = "rename"      ; fields: entity, name     give the entity another name
//!         | "merge"       ; fields: entity, into     entity joins `into` (both ids)
//!         | "split"       ; fields: entity, name     the names `name` merged into entity
//!                         ;                          become an entity of their own
//!         | "kind"        ; fields: entity, kind     kind = person | organization | place | misc
//!         | "hide"        ; fields: entity           left out as noise
//! field   = key ws "=" ws string                     ; every edit may add `note = "why"`
//! key     = "entity" | "into" | "name" | "kind" | "note"
//! string  = '"' { char but '"', '\' and control | escape } '"'
//! escape  = '\"' | '\\' | '\n' | '\t' | '\r' | '\u' 4 hex | '\U' 8 hex
//! ```
//!
//! An entity is named by its id as in links, `kind:slug` (`person:james-baker`), and `split`
//! names a surface form as the entity page lists it under "Merged names" (`Baker`); its
//! spellings that differ only in case or punctuation go with it. Edits apply in file order,
//! each to the entities the previous ones left (a renamed entity has its new id from then
//! on). An edit whose entity a later build no longer has is reported, never dropped
//! silently (see [`super::Curated`]).
//!
//! Every problem is reported with its line, all of them at once:
//! `aliases.toml:12: kind: unknown kind `persn`; kinds are person, organization, place, misc`.

use crate::extract::{EntityId, EntityKind};
use std::fmt;

/// The file's name, beside the seed articles.
pub const FILE_NAME: &str = crate::corpus::CURATION_FILE;

/// The hand edits, in the order they apply.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Curation {
    /// The edits, first applied first.
    pub edits: Vec<Edit>,
}

/// One hand edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// What it does.
    pub action: Action,
    /// Why, in the editor's words (optional).
    pub note: Option<String>,
    /// Its line in the file it was read from (for messages); `None` when made in the app.
    pub line: Option<usize>,
}

impl Edit {
    /// The note as outcomes and reasons add it: ` (why)`, or nothing.
    pub fn note_suffix(&self) -> String {
        self.note
            .as_deref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default()
    }
}

/// What an edit does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// The entity takes this name (and the id of it).
    Rename {
        /// The entity.
        entity: EntityId,
        /// Its new name.
        name: String,
    },
    /// The entity joins another.
    Merge {
        /// The entity that disappears into `into`.
        entity: EntityId,
        /// The entity that stays.
        into: EntityId,
    },
    /// A name merged into the entity becomes an entity of its own.
    Split {
        /// The entity the name was merged into.
        entity: EntityId,
        /// The name, as listed under "Merged names" (`Baker`).
        name: String,
    },
    /// The entity is of another kind.
    SetKind {
        /// The entity.
        entity: EntityId,
        /// Its kind.
        kind: EntityKind,
    },
    /// The entity is noise: left out with its mentions.
    Hide {
        /// The entity.
        entity: EntityId,
    },
}

impl Action {
    /// The table name of the edit in the file (`rename`, `merge` …).
    pub const fn table(&self) -> &'static str {
        match self {
            Self::Rename { .. } => "rename",
            Self::Merge { .. } => "merge",
            Self::Split { .. } => "split",
            Self::SetKind { .. } => "kind",
            Self::Hide { .. } => "hide",
        }
    }

    /// The entity the edit is about.
    pub const fn entity(&self) -> &EntityId {
        match self {
            Self::Rename { entity, .. }
            | Self::Merge { entity, .. }
            | Self::Split { entity, .. }
            | Self::SetKind { entity, .. }
            | Self::Hide { entity } => entity,
        }
    }
}

impl fmt::Display for Action {
    /// One line for people: `merge person:baker into person:james-baker`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Rename { entity, name } => write!(f, "rename {entity} to “{name}”"),
            Self::Merge { entity, into } => write!(f, "merge {entity} into {into}"),
            Self::Split { entity, name } => write!(f, "split “{name}” off {entity}"),
            Self::SetKind { entity, kind } => {
                write!(f, "set the kind of {entity} to {}", kind.as_str())
            }
            Self::Hide { entity } => write!(f, "hide {entity} as noise"),
        }
    }
}

/// A problem in the file, at a line (1-based).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {kind}")]
pub struct AliasesError {
    /// The line.
    pub line: usize,
    /// What is wrong there.
    pub kind: AliasesErrorKind,
}

impl AliasesError {
    /// `path:line: problem`, as a build or the command line reports it.
    pub fn at(&self, path: &str) -> String {
        format!("{path}:{}: {}", self.line, self.kind)
    }
}

/// What can be wrong in an `aliases.toml`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AliasesErrorKind {
    /// A `[[table]]` that is not an edit.
    #[error(
        "unknown edit `[[{0}]]`; edits are [[rename]], [[merge]], [[split]], [[kind]], [[hide]]"
    )]
    UnknownEdit(String),
    /// A line that is neither a header, a field, a comment nor blank.
    #[error("expected `[[edit]]`, `key = \"value\"`, a `#` comment or a blank line")]
    NotALine,
    /// A field before the first `[[edit]]`.
    #[error("`{0}` is outside an edit; start one with a header such as [[merge]]")]
    FieldOutsideEdit(String),
    /// A field this edit does not take.
    #[error("{edit}: unknown field `{key}`; [[{edit}]] takes {takes}")]
    UnknownField {
        /// The edit.
        edit: &'static str,
        /// The field.
        key: String,
        /// The fields it takes.
        takes: &'static str,
    },
    /// A field given twice in one edit.
    #[error("{edit}: `{key}` is given twice")]
    RepeatedField {
        /// The edit.
        edit: &'static str,
        /// The field.
        key: String,
    },
    /// A required field is missing (reported at the edit's header).
    #[error("{edit}: missing `{key}`; [[{edit}]] takes {takes}")]
    MissingField {
        /// The edit.
        edit: &'static str,
        /// The field.
        key: &'static str,
        /// The fields it takes.
        takes: &'static str,
    },
    /// A value that is not a double-quoted string.
    #[error("the value must be a string in double quotes (\"…\"): {0}")]
    BadString(&'static str),
    /// An entity id that is not `kind:slug`.
    #[error(
        "{edit}: `{value}` is not an entity id; write it as in links, kind:slug (person:james-baker)"
    )]
    BadEntity {
        /// The edit.
        edit: &'static str,
        /// The value.
        value: String,
    },
    /// An unknown kind, in an id or a `kind` field.
    #[error("{edit}: unknown kind `{value}`; kinds are person, organization, place, misc")]
    UnknownKind {
        /// The edit.
        edit: &'static str,
        /// The value.
        value: String,
    },
    /// An empty or blank name.
    #[error("{edit}: the name is empty")]
    EmptyName {
        /// The edit.
        edit: &'static str,
    },
    /// A merge of an entity into itself.
    #[error("merge: `{0}` into itself")]
    MergeIntoItself(String),
}

/// The fields each edit takes, for messages.
const fn takes(edit: &str) -> &'static str {
    match edit.as_bytes() {
        b"rename" | b"split" => "entity, name and optionally note",
        b"merge" => "entity, into and optionally note",
        b"kind" => "entity, kind and optionally note",
        _ => "entity and optionally note",
    }
}

const EDITS: [&str; 5] = ["rename", "merge", "split", "kind", "hide"];

/// An edit being read: its header line and fields.
struct Pending {
    edit: &'static str,
    line: usize,
    fields: Vec<(&'static str, String, usize)>,
}

impl Curation {
    /// Reads an `aliases.toml`. Every problem is returned, each with its line.
    pub fn parse(text: &str) -> Result<Self, Vec<AliasesError>> {
        let mut errors = Vec::new();
        let mut edits = Vec::new();
        let mut pending: Option<Pending> = None;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        for (at, raw) in text.lines().enumerate() {
            let line = at + 1;
            macro_rules! fail {
                ($kind:expr) => {
                    errors.push(AliasesError { line, kind: $kind })
                };
            }
            let content = raw.trim();
            if content.is_empty() || content.starts_with('#') {
                continue;
            }
            if let Some(rest) = content.strip_prefix("[[") {
                let Some((name, after)) = rest.split_once("]]") else {
                    fail!(AliasesErrorKind::NotALine);
                    continue;
                };
                if !is_blank_or_comment(after) {
                    fail!(AliasesErrorKind::NotALine);
                    continue;
                }
                let name = name.trim();
                if let Some(done) = pending.take() {
                    finish(done, &mut edits, &mut errors);
                }
                match EDITS.iter().find(|e| **e == name) {
                    Some(edit) => {
                        pending = Some(Pending {
                            edit,
                            line,
                            fields: Vec::new(),
                        });
                    }
                    None => fail!(AliasesErrorKind::UnknownEdit(name.to_string())),
                }
                continue;
            }
            let Some((key, value)) = content.split_once('=') else {
                fail!(AliasesErrorKind::NotALine);
                continue;
            };
            let key = key.trim();
            if key.is_empty()
                || !key
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            {
                fail!(AliasesErrorKind::NotALine);
                continue;
            }
            let value = match read_string(value.trim_start()) {
                Ok(value) => value,
                Err(why) => {
                    fail!(AliasesErrorKind::BadString(why));
                    continue;
                }
            };
            let Some(edit) = pending.as_mut() else {
                // An unknown edit's fields were already reported with its header.
                if errors
                    .last()
                    .is_none_or(|e| !matches!(e.kind, AliasesErrorKind::UnknownEdit(_)))
                {
                    fail!(AliasesErrorKind::FieldOutsideEdit(key.to_string()));
                }
                continue;
            };
            let known = ["entity", "into", "name", "kind", "note"]
                .into_iter()
                .find(|k| *k == key && field_allowed(edit.edit, k));
            match known {
                None => fail!(AliasesErrorKind::UnknownField {
                    edit: edit.edit,
                    key: key.to_string(),
                    takes: takes(edit.edit),
                }),
                Some(k) if edit.fields.iter().any(|(f, ..)| *f == k) => {
                    fail!(AliasesErrorKind::RepeatedField {
                        edit: edit.edit,
                        key: k.to_string(),
                    });
                }
                Some(k) => edit.fields.push((k, value, line)),
            }
        }
        if let Some(done) = pending.take() {
            finish(done, &mut edits, &mut errors);
        }
        if errors.is_empty() {
            Ok(Self { edits })
        } else {
            errors.sort_by_key(|e| e.line);
            Err(errors)
        }
    }

    /// The file, as the app exports it: a comment saying what it is, then one table per
    /// edit in order. [`Curation::parse`] reads it back to the same edits.
    pub fn to_toml(&self) -> String {
        let mut out = String::from(
            "# Dossier curation: hand edits to the entities, applied in this order after the\n\
             # automatic resolve stage. Put this file beside the seed articles and rebuild.\n\
             # Format: README.md, \"Curating entities\".\n",
        );
        for edit in &self.edits {
            out.push('\n');
            out.push_str(&format!("[[{}]]\n", edit.action.table()));
            let mut field = |key: &str, value: &str| {
                out.push_str(&format!("{key} = {}\n", quote(value)));
            };
            field("entity", edit.action.entity().as_str());
            match &edit.action {
                Action::Rename { name, .. } | Action::Split { name, .. } => field("name", name),
                Action::Merge { into, .. } => field("into", into.as_str()),
                Action::SetKind { kind, .. } => field("kind", kind.as_str()),
                Action::Hide { .. } => {}
            }
            if let Some(note) = &edit.note {
                field("note", note);
            }
        }
        out
    }

    /// These edits, then `more`'s.
    pub fn then(&self, more: &Self) -> Self {
        Self {
            edits: self.edits.iter().chain(&more.edits).cloned().collect(),
        }
    }

    /// Whether there is no edit.
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }
}

fn field_allowed(edit: &str, key: &str) -> bool {
    matches!(
        (edit, key),
        (_, "entity" | "note")
            | ("rename" | "split", "name")
            | ("merge", "into")
            | ("kind", "kind")
    )
}

/// Checks a finished edit's fields and adds it, or its problems.
fn finish(pending: Pending, edits: &mut Vec<Edit>, errors: &mut Vec<AliasesError>) {
    let Pending { edit, line, fields } = pending;
    let get = |key: &str| fields.iter().find(|(k, ..)| *k == key);
    let mut problems = Vec::new();
    let mut require = |key: &'static str| match get(key) {
        Some((_, value, at)) => Some((value.clone(), *at)),
        None => {
            problems.push(AliasesError {
                line,
                kind: AliasesErrorKind::MissingField {
                    edit,
                    key,
                    takes: takes(edit),
                },
            });
            None
        }
    };
    let entity = require("entity");
    let second = match edit {
        "rename" | "split" => require("name"),
        "merge" => require("into"),
        "kind" => require("kind"),
        _ => None,
    };
    let mut id = |value: Option<(String, usize)>| {
        let (value, at) = value?;
        entity_id(edit, &value)
            .map_err(|kind| problems.push(AliasesError { line: at, kind }))
            .ok()
    };
    let entity = id(entity);
    let action = match (edit, second) {
        ("hide", _) => entity.map(|entity| Action::Hide { entity }),
        ("merge", second) => {
            let into = id(second);
            match (entity, into) {
                (Some(entity), Some(into)) if entity == into => {
                    problems.push(AliasesError {
                        line,
                        kind: AliasesErrorKind::MergeIntoItself(entity.0),
                    });
                    None
                }
                (Some(entity), Some(into)) => Some(Action::Merge { entity, into }),
                _ => None,
            }
        }
        ("kind", Some((value, at))) => match EntityKind::parse(value.trim()) {
            Some(kind) => entity.map(|entity| Action::SetKind { entity, kind }),
            None => {
                problems.push(AliasesError {
                    line: at,
                    kind: AliasesErrorKind::UnknownKind { edit, value },
                });
                None
            }
        },
        (_, Some((name, at))) => {
            let name = name.trim().to_string();
            if name.is_empty() {
                problems.push(AliasesError {
                    line: at,
                    kind: AliasesErrorKind::EmptyName { edit },
                });
                None
            } else if edit == "rename" {
                entity.map(|entity| Action::Rename { entity, name })
            } else {
                entity.map(|entity| Action::Split { entity, name })
            }
        }
        (_, None) => None,
    };
    match action {
        Some(action) if problems.is_empty() => edits.push(Edit {
            action,
            note: get("note").map(|(_, note, _)| note.clone()),
            line: Some(line),
        }),
        _ => errors.append(&mut problems),
    }
}

/// An entity id as links write it: a known kind, `:`, a slug that [`EntityId::new`] would
/// make (lowercase letters and digits joined by single hyphens).
fn entity_id(edit: &'static str, value: &str) -> Result<EntityId, AliasesErrorKind> {
    let bad = || AliasesErrorKind::BadEntity {
        edit,
        value: value.to_string(),
    };
    let (kind, slug) = value.split_once(':').ok_or_else(bad)?;
    let kind = EntityKind::parse(kind).ok_or_else(|| AliasesErrorKind::UnknownKind {
        edit,
        value: kind.to_string(),
    })?;
    let id = EntityId::new(kind, slug);
    if slug.is_empty() || id.as_str() != value {
        return Err(bad());
    }
    Ok(id)
}

fn is_blank_or_comment(rest: &str) -> bool {
    let rest = rest.trim();
    rest.is_empty() || rest.starts_with('#')
}

/// A TOML basic string and what may follow it on its line (blanks, a comment).
fn read_string(value: &str) -> Result<String, &'static str> {
    let mut chars = value.chars();
    if chars.next() != Some('"') {
        return Err(if value.starts_with('\'') {
            "single-quoted strings are not read; use double quotes"
        } else {
            "it does not start with a double quote"
        });
    }
    let mut out = String::new();
    loop {
        match chars.next() {
            None => return Err("the closing quote is missing"),
            Some('"') => break,
            Some('\\') => {
                let c = match chars.next() {
                    Some('"') => '"',
                    Some('\\') => '\\',
                    Some('n') => '\n',
                    Some('t') => '\t',
                    Some('r') => '\r',
                    Some(u @ ('u' | 'U')) => {
                        let digits = if u == 'u' { 4 } else { 8 };
                        let hex: String = chars.by_ref().take(digits).collect();
                        u32::from_str_radix(&hex, 16)
                            .ok()
                            .filter(|_| hex.len() == digits)
                            .and_then(char::from_u32)
                            .ok_or("a \\u escape needs hex digits of a character")?
                    }
                    _ => return Err("unknown escape; use \\\" \\\\ \\n \\t \\r or \\uXXXX"),
                };
                out.push(c);
            }
            Some(c) if c.is_control() && c != '\t' => {
                return Err("a control character in a string must be escaped");
            }
            Some(c) => out.push(c),
        }
    }
    if is_blank_or_comment(chars.as_str()) {
        Ok(out)
    } else {
        Err("something follows the closing quote")
    }
}

/// `value` as a TOML basic string.
fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
