//! `dossier query`: search articles from the command line, as the app's search does.

use crate::inputs::read_articles;
use dossier::corpus::Article;
use dossier::extract::{Annotations, annotate};
use dossier::index::Index;
use dossier::query::{Filter, Results, search_with, snippet};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Snippet length in the output, in bytes.
const SNIPPET_BYTES: usize = 160;

/// What to search for: URL-style pairs (`q`, `e`, `s`, `from`, `to`) read like a link.
pub struct QueryArgs {
    pub paths: Vec<PathBuf>,
    pub pairs: Vec<(String, String)>,
    pub limit: usize,
    pub json: bool,
}

pub fn run(args: &QueryArgs) -> ExitCode {
    let filter = match filter_of(&args.pairs) {
        Ok(filter) => filter,
        Err(message) => {
            eprintln!("dossier: {message}");
            return ExitCode::from(2);
        }
    };
    let (articles, problems) = read_articles(&args.paths);
    let annotations: Vec<Annotations> = articles.iter().map(annotate).collect();
    let index = Index::build(&articles, &annotations);
    let options = dossier::query::Options {
        hits: args.limit,
        ..Default::default()
    };
    let results = search_with(&index, &filter, options);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let written = if args.json {
        writeln!(out, "{}", to_json(&index, &articles, &results))
    } else {
        write_text(&mut out, &articles, &results)
    };
    // A closed pipe (`| head`) is not an error worth reporting.
    let _ = written.and_then(|()| out.flush());
    if problems > 0 {
        ExitCode::from(2)
    } else if results.total == 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The filter the options describe, read through the URL parser so the command line and
/// links accept exactly the same values; any notice is an error here.
fn filter_of(pairs: &[(String, String)]) -> Result<Filter, String> {
    let mut query = String::new();
    for (key, value) in pairs {
        if !query.is_empty() {
            query.push('&');
        }
        query.push_str(key);
        query.push('=');
        dossier::query::url::encode_into(value, &mut query);
    }
    let (filter, notices) = Filter::from_query_string(&query);
    match notices.first() {
        Some(n) => Err(format!("{} `{}`: {}", flag_of(&n.key), n.value, n.message)),
        None => Ok(filter),
    }
}

/// The command-line spelling of a URL key.
fn flag_of(key: &str) -> &str {
    match key {
        "q" => "--q",
        "e" => "--entity",
        "s" => "--speaker",
        "from" => "--from",
        "to" => "--to",
        "source" => "--source",
        "dates" => "--dates",
        other => other,
    }
}

fn write_text(
    out: &mut impl Write,
    articles: &[Article],
    results: &Results,
) -> std::io::Result<()> {
    writeln!(out, "{} matching articles", results.total)?;
    for (rank, hit) in results.hits.iter().enumerate() {
        let article = &articles[hit.doc as usize];
        let date = article.date.map(|d| d.to_string()).unwrap_or_default();
        writeln!(
            out,
            "{:>3}. {:>6.2}  {:<10}  {}  {}",
            rank + 1,
            hit.score,
            date,
            article.id,
            article.title
        )?;
        let s = snippet(article, &results.highlight, SNIPPET_BYTES);
        writeln!(out, "       {}", marked(&article.text, &s))?;
    }
    let facets = &results.facets;
    for (name, values) in [
        ("people", &facets.people),
        ("organizations", &facets.organizations),
        ("places", &facets.places),
        ("speakers", &facets.speakers),
    ] {
        if !values.is_empty() {
            let shown: Vec<String> = values
                .iter()
                .take(8)
                .map(|v| format!("{} ({})", v.key, v.count))
                .collect();
            writeln!(out, "{name}: {}", shown.join(", "))?;
        }
    }
    Ok(())
}

/// The snippet with matches in `[brackets]`, whitespace collapsed.
fn marked(text: &str, s: &dossier::query::Snippet) -> String {
    let mut out = String::new();
    let mut at = s.window.start;
    for h in &s.highlights {
        out.push_str(text.get(at..h.start).unwrap_or(""));
        out.push('[');
        out.push_str(h.slice(text));
        out.push(']');
        at = h.end;
    }
    out.push_str(text.get(at..s.window.end).unwrap_or(""));
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn to_json(index: &Index, articles: &[Article], results: &Results) -> String {
    let hits: Vec<serde_json::Value> = results
        .hits
        .iter()
        .map(|hit| {
            let article = &articles[hit.doc as usize];
            let s = snippet(article, &results.highlight, SNIPPET_BYTES);
            serde_json::json!({
                "id": article.id, "title": article.title, "date": article.date.map(|d| d.to_string()),
                "score": hit.score, "snippet": s.text(article),
                "highlights": s.highlights.iter().map(|h| [h.start, h.end]).collect::<Vec<_>>(),
            })
        })
        .collect();
    let facet = |values: &[dossier::query::FacetValue]| -> Vec<serde_json::Value> {
        values
            .iter()
            .map(|v| serde_json::json!({"key": v.key, "label": v.label, "count": v.count}))
            .collect()
    };
    let f = &results.facets;
    let buckets = |b: &[dossier::query::Bucket]| -> Vec<serde_json::Value> {
        b.iter()
            .map(|b| serde_json::json!([b.label, b.count]))
            .collect()
    };
    let h = &results.histogram;
    let quotes: Vec<serde_json::Value> = results
        .quotes
        .iter()
        .map(|q| {
            serde_json::json!({"article": articles[q.doc as usize].id, "span": [q.span.start, q.span.end],
                "speaker": q.speaker.and_then(|s| index.speakers().get(s as usize)).map(|s| s.key.clone())})
        })
        .collect();
    serde_json::json!({
        "total": results.total, "hits": hits, "quotes": quotes,
        "facets": {"people": facet(&f.people), "organizations": facet(&f.organizations),
                   "places": facet(&f.places), "speakers": facet(&f.speakers), "sources": facet(&f.sources)},
        "histogram": {"granularity": format!("{:?}", h.granularity).to_lowercase(),
                      "buckets": buckets(&h.buckets), "coarse": buckets(&h.coarse),
                      "year_unknown": buckets(&h.year_unknown), "undated": h.undated, "left_out": h.left_out},
    })
    .to_string()
}
