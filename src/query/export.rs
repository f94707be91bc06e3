//! Export of a set of articles: their annotations in the shared JSON schema (JSON Lines),
//! the articles with their metadata as CSV, their quotes as CSV, and their entities with
//! counts as CSV. Offsets are characters.

use crate::corpus::Article;
use crate::extract::{Annotations, schema};
use crate::index::fields::field_values;
use crate::span::CharIndex;
use std::collections::BTreeMap;
use std::fmt::Write;

/// What an export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// One schema record per article (JSON Lines).
    Schema,
    /// `id,title,date,source,url,author`, then one column per metadata facet field (its
    /// values joined by `; `), one row per article: a table a spreadsheet can pivot on.
    Articles,
    /// `article_id,title,date,quote,speaker,speaker_id,start,end,text`, one row per quote.
    Quotes,
    /// `id,kind,name,articles,mentions`, one row per entity, most mentioned first.
    Entities,
}

impl ExportKind {
    /// The downloaded file's name.
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Schema => "dossier-articles.jsonl",
            Self::Articles => "dossier-articles.csv",
            Self::Quotes => "dossier-quotes.csv",
            Self::Entities => "dossier-entities.csv",
        }
    }

    /// Its media type.
    pub fn mime(self) -> &'static str {
        match self {
            Self::Schema => "application/x-ndjson",
            _ => "text/csv",
        }
    }
}

/// An export written one article at a time, so an archive's articles can be added as
/// their parts arrive and dropped after.
#[derive(Debug, Clone)]
pub struct Export {
    kind: ExportKind,
    /// The metadata facet fields, one column each (articles only).
    fields: Vec<String>,
    out: String,
    /// Entity id → kind, name, articles, mentions (entities only: written at the end).
    entities: BTreeMap<String, (String, String, usize, usize)>,
    records: usize,
}

impl Export {
    /// An empty export of `kind`; `fields` are the metadata facet fields (sorted), the
    /// articles table's last columns.
    pub fn new(kind: ExportKind, fields: Vec<String>) -> Self {
        let mut out = String::new();
        match kind {
            ExportKind::Schema | ExportKind::Entities => {}
            ExportKind::Articles => {
                let mut header: Vec<String> = ["id", "title", "date", "source", "url", "author"]
                    .map(String::from)
                    .to_vec();
                header.extend(fields.iter().cloned());
                push_row(&mut out, &header);
            }
            ExportKind::Quotes => {
                out.push_str("article_id,title,date,quote,speaker,speaker_id,start,end,text\n");
            }
        }
        Self {
            kind,
            fields,
            out,
            entities: BTreeMap::new(),
            records: 0,
        }
    }

    /// Adds one article.
    pub fn add(&mut self, article: &Article, found: &Annotations) {
        match self.kind {
            ExportKind::Schema => {
                if let Ok(line) = serde_json::to_string(&schema::record(article, found)) {
                    self.out.push_str(&line);
                    self.out.push('\n');
                    self.records += 1;
                }
            }
            ExportKind::Articles => self.add_article_row(article),
            ExportKind::Quotes => self.add_quote_rows(article, found),
            ExportKind::Entities => {
                for (i, entity) in found.entities.iter().enumerate() {
                    let mentions = found.mentions.iter().filter(|m| m.entity == i).count();
                    let row = self
                        .entities
                        .entry(entity.id.as_str().to_string())
                        .or_insert_with(|| {
                            (
                                entity.kind.as_str().to_string(),
                                entity.canonical.clone(),
                                0,
                                0,
                            )
                        });
                    row.2 += 1;
                    row.3 += mentions;
                }
            }
        }
    }

    fn add_article_row(&mut self, article: &Article) {
        let mut row = vec![
            article.id.as_str().to_string(),
            article.title.clone(),
            article.date.map(|d| d.to_string()).unwrap_or_default(),
            article.source.clone().unwrap_or_default(),
            article.url.clone().unwrap_or_default(),
            article.author.clone().unwrap_or_default(),
        ];
        // As the index keeps them: each value once, in text order.
        let mut columns: Vec<Vec<String>> = vec![Vec::new(); self.fields.len()];
        for (field, value) in field_values(article) {
            if let Ok(at) = self.fields.binary_search(&field) {
                columns[at].push(value);
            }
        }
        row.extend(columns.into_iter().map(|mut values| {
            crate::sort::unstable(&mut values);
            values.dedup();
            values.join("; ")
        }));
        push_row(&mut self.out, &row);
        self.records += 1;
    }

    fn add_quote_rows(&mut self, article: &Article, found: &Annotations) {
        let chars = CharIndex::new(&article.text);
        for (n, quote) in found.quotes.iter().enumerate() {
            let span = chars.span(quote.span);
            let speaker_id = quote
                .speaker_entity
                .and_then(|e| found.entities.get(e))
                .map(|e| e.id.0.as_str());
            let row = [
                article.id.as_str().to_string(),
                article.title.clone(),
                article.date.map(|d| d.to_string()).unwrap_or_default(),
                n.to_string(),
                quote.speaker.clone().unwrap_or_default(),
                speaker_id.unwrap_or_default().to_string(),
                span.start.to_string(),
                span.end.to_string(),
                quote.span.slice(&article.text).to_string(),
            ];
            push_row(&mut self.out, &row);
            self.records += 1;
        }
    }

    /// Records written so far: articles, quotes, or (for entities) distinct entities.
    pub fn records(&self) -> usize {
        match self.kind {
            ExportKind::Entities => self.entities.len(),
            _ => self.records,
        }
    }

    /// The file's text.
    pub fn finish(self) -> String {
        let Self {
            kind,
            mut out,
            entities,
            ..
        } = self;
        if kind == ExportKind::Entities {
            let mut rows: Vec<_> = entities.into_iter().collect();
            crate::sort::by(&mut rows, |a, b| {
                b.1.3.cmp(&a.1.3).then_with(|| a.0.cmp(&b.0))
            });
            out.push_str("id,kind,name,articles,mentions\n");
            for (id, (kind, name, articles, mentions)) in rows {
                push_row(
                    &mut out,
                    &[id, kind, name, articles.to_string(), mentions.to_string()],
                );
            }
        }
        out
    }
}

/// `kind` of the articles `docs` of `articles`/`annotations` (the embedded build's).
pub fn export_docs(
    kind: ExportKind,
    fields: Vec<String>,
    articles: &[Article],
    annotations: &[Annotations],
    docs: &[u32],
) -> Export {
    let mut export = Export::new(kind, fields);
    for &doc in docs {
        if let (Some(article), Some(found)) =
            (articles.get(doc as usize), annotations.get(doc as usize))
        {
            export.add(article, found);
        }
    }
    export
}

/// RFC 4180 row. Cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first)
/// get a leading `'`, so an exported article cannot inject formulas.
fn push_row(out: &mut String, cells: &[String]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let guarded = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{cell}")
        } else {
            cell.clone()
        };
        if guarded.contains([',', '"', '\n', '\r']) {
            let _ = write!(out, "\"{}\"", guarded.replace('"', "\"\""));
        } else {
            out.push_str(&guarded);
        }
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse_file;
    use crate::extract::{Entity, EntityId, EntityKind, EntityMention, Quote};
    use crate::span::ByteSpan;

    fn sample() -> (Vec<Article>, Vec<Annotations>) {
        let text = "“Ça va, merci,” Zas said. =SUM(A1)";
        let article = parse_file("a.txt", text.as_bytes()).unwrap().remove(0);
        let quote_end = text.find(" Zas").unwrap();
        let zas = text.find("Zas").unwrap();
        let found = Annotations {
            entities: vec![Entity {
                id: EntityId::new(EntityKind::Person, "Zas"),
                kind: EntityKind::Person,
                canonical: "Zas".into(),
                aliases: vec![],
                role: None,
            }],
            mentions: vec![EntityMention {
                span: ByteSpan::new(zas, zas + 3),
                entity: 0,
            }],
            dates: vec![],
            quotes: vec![Quote {
                span: ByteSpan::new(0, quote_end),
                speaker: Some("Zas".into()),
                speaker_entity: Some(0),
                speaker_span: None,
            }],
        };
        (vec![article], vec![found])
    }

    #[test]
    fn quotes_csv_quotes_cells_and_counts_characters() {
        let (articles, annotations) = sample();
        let csv = export_docs(ExportKind::Quotes, vec![], &articles, &annotations, &[0]).finish();
        let row = csv.lines().nth(1).unwrap();
        assert!(row.starts_with("a,"), "{row}");
        assert!(
            row.ends_with(",Zas,person:zas,0,15,\"“Ça va, merci,”\""),
            "{row}"
        );
    }

    #[test]
    fn entities_csv_counts_articles_and_mentions() {
        let (_, annotations) = sample();
        let (articles, _) = sample();
        let export = export_docs(
            ExportKind::Entities,
            vec![],
            &articles,
            &annotations,
            &[0, 0],
        );
        assert_eq!(export.records(), 1);
        assert_eq!(
            export.finish(),
            "id,kind,name,articles,mentions\nperson:zas,person,Zas,2,2\n"
        );
    }

    #[test]
    fn articles_csv_has_a_column_per_metadata_field() {
        let articles: Vec<Article> = ["crude,grain", "crude", "grain", "grain"]
            .iter()
            .enumerate()
            .map(|(i, topics)| {
                let text =
                    format!("---\ntitle: T{i}\ntopics: {topics}\nprovenance: {i}\n---\nBody.");
                parse_file(&format!("a{i}.txt"), text.as_bytes())
                    .unwrap()
                    .remove(0)
            })
            .collect();
        let annotations = vec![Annotations::default(); 4];
        let index = crate::index::Index::build(&articles, &annotations);
        let fields = index.meta_fields().names();
        let csv = export_docs(
            ExportKind::Articles,
            fields,
            &articles,
            &annotations,
            &[0, 2],
        )
        .finish();
        assert_eq!(
            csv,
            "id,title,date,source,url,author,topics\na0,T0,,,,,crude; grain\na2,T2,,,,,grain\n"
        );
    }

    #[test]
    fn formula_like_cells_are_defused() {
        let mut out = String::new();
        push_row(&mut out, &["=SUM(A1)".into(), "-1".into(), "plain".into()]);
        assert_eq!(out, "'=SUM(A1),'-1,plain\n");
    }

    #[test]
    fn json_lines_hold_one_schema_record_per_article() {
        let (articles, annotations) = sample();
        let jsonl = export_docs(ExportKind::Schema, vec![], &articles, &annotations, &[0]).finish();
        let record: serde_json::Value = serde_json::from_str(jsonl.trim()).unwrap();
        assert_eq!(record["quotes"][0]["speaker_id"], "person:zas");
        assert_eq!(record["entities"][0]["start"], 16);
    }
}
