//! Export of a set of articles: their annotations in the shared JSON schema (JSON Lines),
//! the articles with their metadata as CSV, their quotes as CSV, and their entities with
//! counts as CSV. Offsets are characters.

use crate::corpus::Article;
use crate::extract::{Annotations, schema};
use crate::index::Index;
use crate::span::CharIndex;
use std::collections::BTreeMap;
use std::fmt::Write;

/// One schema record per article of `docs`, one per line.
pub fn schema_jsonl(articles: &[Article], annotations: &[Annotations], docs: &[u32]) -> String {
    let mut out = String::new();
    for (article, found) in pairs(articles, annotations, docs) {
        if let Ok(line) = serde_json::to_string(&schema::record(article, found)) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// `article_id,title,date,quote,speaker,speaker_id,start,end,text`, one row per quote.
pub fn quotes_csv(articles: &[Article], annotations: &[Annotations], docs: &[u32]) -> String {
    let mut out = String::from("article_id,title,date,quote,speaker,speaker_id,start,end,text\n");
    for (article, found) in pairs(articles, annotations, docs) {
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
            push_row(&mut out, &row);
        }
    }
    out
}

/// `id,kind,name,articles,mentions`, one row per entity, most mentioned first.
pub fn entities_csv(annotations: &[Annotations], docs: &[u32]) -> String {
    let mut counts: BTreeMap<&str, (&str, &str, usize, usize)> = BTreeMap::new();
    for &doc in docs {
        let Some(found) = annotations.get(doc as usize) else {
            continue;
        };
        for (i, entity) in found.entities.iter().enumerate() {
            let mentions = found.mentions.iter().filter(|m| m.entity == i).count();
            let row = counts.entry(entity.id.as_str()).or_insert((
                entity.kind.as_str(),
                &entity.canonical,
                0,
                0,
            ));
            row.2 += 1;
            row.3 += mentions;
        }
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.3.cmp(&a.1.3).then_with(|| a.0.cmp(b.0)));
    let mut out = String::from("id,kind,name,articles,mentions\n");
    for (id, (kind, name, articles, mentions)) in rows {
        push_row(
            &mut out,
            &[
                id.to_string(),
                kind.to_string(),
                name.to_string(),
                articles.to_string(),
                mentions.to_string(),
            ],
        );
    }
    out
}

/// `id,title,date,source,url,author`, then one column per metadata facet field (its values
/// joined by `; `), one row per article: a table a spreadsheet can pivot on topics or places.
pub fn articles_csv(articles: &[Article], index: &Index, docs: &[u32]) -> String {
    let meta = index.meta_fields();
    let mut header: Vec<String> = ["id", "title", "date", "source", "url", "author"]
        .map(String::from)
        .to_vec();
    header.extend(meta.fields().iter().map(|f| f.name.clone()));
    let mut out = String::new();
    push_row(&mut out, &header);
    for &doc in docs {
        let Some(article) = articles.get(doc as usize) else {
            continue;
        };
        let mut row = vec![
            article.id.as_str().to_string(),
            article.title.clone(),
            article.date.map(|d| d.to_string()).unwrap_or_default(),
            article.source.clone().unwrap_or_default(),
            article.url.clone().unwrap_or_default(),
            article.author.clone().unwrap_or_default(),
        ];
        let mut columns = vec![Vec::new(); meta.fields().len()];
        for &value in meta.doc_values(doc) {
            if let Some(column) = meta
                .field_of(value)
                .and_then(|f| columns.get_mut(f as usize))
            {
                column.push(meta.value(value));
            }
        }
        row.extend(columns.into_iter().map(|values| values.join("; ")));
        push_row(&mut out, &row);
    }
    out
}

fn pairs<'a>(
    articles: &'a [Article],
    annotations: &'a [Annotations],
    docs: &'a [u32],
) -> impl Iterator<Item = (&'a Article, &'a Annotations)> + 'a {
    docs.iter()
        .filter_map(|&d| Some((articles.get(d as usize)?, annotations.get(d as usize)?)))
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
        let csv = quotes_csv(&articles, &annotations, &[0]);
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
        assert_eq!(
            entities_csv(&annotations, &[0]),
            "id,kind,name,articles,mentions\nperson:zas,person,Zas,1,1\n"
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
        let index = Index::build(&articles, &vec![Annotations::default(); 4]);
        let csv = articles_csv(&articles, &index, &[0, 2]);
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
        let jsonl = schema_jsonl(&articles, &annotations, &[0]);
        let record: serde_json::Value = serde_json::from_str(jsonl.trim()).unwrap();
        assert_eq!(record["quotes"][0]["speaker_id"], "person:zas");
        assert_eq!(record["entities"][0]["start"], 16);
    }
}
