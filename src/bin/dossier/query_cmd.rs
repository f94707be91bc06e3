//! `dossier query`: search articles from the command line, as the app's search does.

use crate::inputs::read_articles;
use dossier::corpus::Article;
use dossier::extract::{Annotations, annotate};
use dossier::index::Index;
use dossier::query::quote_list::QuoteWords;
use dossier::query::{Filter, Results, search_with, snippet};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Snippet length in the output, in bytes.
const SNIPPET_BYTES: usize = 160;

/// Every quote of the articles listed (those containing the query's words), as the app's
/// quotes view shows them.
const LISTED_ARTICLES_QUOTES: usize = usize::MAX;

/// What to search for: URL-style pairs (`q`, `e`, `s`, `from`, `to`) read like a link.
pub struct QueryArgs {
    pub paths: Vec<PathBuf>,
    /// Answer from this site's archive instead of reading seeds.
    pub archive: Option<PathBuf>,
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
    if let Some(site) = &args.archive {
        return run_archive(site, &filter, args);
    }
    let (articles, problems) = read_articles(&args.paths);
    let annotations: Vec<Annotations> = articles.iter().map(annotate).collect();
    let curation = match crate::inputs::read_curation(&args.paths) {
        Ok(curation) => curation,
        Err(e) => {
            eprintln!("dossier: {e}");
            return ExitCode::from(2);
        }
    };
    let resolved = dossier::resolve::resolve_curated(&articles, annotations, &curation);
    crate::inputs::report_stale_edits(&resolved.decisions.curated);
    let annotations = resolved.annotations;
    let index = Index::build(&articles, &annotations);
    let options = dossier::query::Options {
        hits: args.limit,
        quotes: LISTED_ARTICLES_QUOTES,
        ..Default::default()
    };
    let results = search_with(&index, &filter, options);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let written = if args.json {
        writeln!(out, "{}", to_json(&index, &articles, &filter, &results))
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
        dossier::query::url::encode_into(key, &mut query);
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
        "view" => "--view",
        "sort" => "--sort",
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
    let mut lists = vec![
        ("people".to_string(), &facets.people.values),
        ("organizations".to_string(), &facets.organizations.values),
        ("places".to_string(), &facets.places.values),
        ("speakers".to_string(), &facets.speakers.values),
    ];
    for field in &facets.fields {
        lists.push((format!("m.{}", field.field), &field.list.values));
    }
    for (name, values) in lists {
        write_facet(out, &name, values)?;
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

fn to_json(index: &Index, articles: &[Article], filter: &Filter, results: &Results) -> String {
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
    let words = QuoteWords::of(&filter.text);
    let quotes: Vec<serde_json::Value> = results
        .quotes
        .iter()
        .filter(|q| words.found_in(&articles[q.doc as usize].text, q.span))
        .map(|q| {
            let article = &articles[q.doc as usize];
            let speaker = q.speaker.and_then(|s| index.speakers().get(s as usize));
            serde_json::json!({"article": article.id, "span": [q.span.start, q.span.end],
                "speaker": speaker.map(|s| s.key.clone()), "name": speaker.map(|s| s.name.clone()),
                "text": q.span.slice(&article.text)})
        })
        .collect();
    let mut facets = facets_json(&results.facets);
    let fields = results.facets.fields.iter().map(|field| {
        let values = serde_json::Value::from(facet_json(&field.list.values));
        (format!("m.{}", field.field), values)
    });
    facets.insert(
        "fields".into(),
        fields.collect::<serde_json::Map<_, _>>().into(),
    );
    serde_json::json!({
        "total": results.total, "hits": hits, "quotes": quotes,
        "facets": facets, "histogram": histogram_json(&results.histogram),
    })
    .to_string()
}

/// The facets both ways of answering have, by name.
fn facets_json(f: &dossier::query::Facets) -> serde_json::Map<String, serde_json::Value> {
    [
        ("people", &f.people),
        ("organizations", &f.organizations),
        ("places", &f.places),
        ("speakers", &f.speakers),
        ("sources", &f.sources),
    ]
    .into_iter()
    .map(|(name, list)| (name.to_string(), facet_json(&list.values).into()))
    .collect()
}

fn facet_json(values: &[dossier::query::FacetValue]) -> Vec<serde_json::Value> {
    values
        .iter()
        .map(|v| serde_json::json!({"key": v.key, "label": v.label, "count": v.count}))
        .collect()
}

/// The histogram fields both ways of answering have.
fn histogram_json(h: &dossier::query::Histogram) -> serde_json::Map<String, serde_json::Value> {
    let mut json = serde_json::Map::new();
    json.insert(
        "granularity".into(),
        format!("{:?}", h.granularity).to_lowercase().into(),
    );
    json.insert("buckets".into(), buckets_json(&h.buckets).into());
    json.insert("year_unknown".into(), buckets_json(&h.year_unknown).into());
    json.insert("undated".into(), h.undated.into());
    json
}

fn buckets_json(buckets: &[dossier::query::Bucket]) -> Vec<serde_json::Value> {
    buckets
        .iter()
        .map(|b| serde_json::json!([b.label, b.count]))
        .collect()
}

/// Answers from `SITE/archive` alone, and says on stderr which parts it read.
fn run_archive(site: &std::path::Path, filter: &Filter, args: &QueryArgs) -> ExitCode {
    use dossier::archive::{Archive, DirSource, Manifest, PartSource, search_from};
    let source_dir = site.join("archive");
    let mut source = DirSource::new(&source_dir);
    let opened = source
        .manifest()
        .and_then(|json| Manifest::parse(&json))
        .and_then(|manifest| {
            let stored = source.fetch(&manifest.catalogue)?;
            Archive::open(&manifest, &stored)
        });
    let mut archive = match opened {
        Ok(archive) => archive,
        Err(e) => {
            eprintln!("dossier: {}: {e}", source_dir.display());
            return ExitCode::from(2);
        }
    };
    let options = dossier::query::Options {
        hits: args.limit,
        quotes: LISTED_ARTICLES_QUOTES,
        ..Default::default()
    };
    let results = match search_from(&mut archive, &mut source, filter, options) {
        Ok(results) => results,
        Err(e) => {
            eprintln!("dossier: {}: {e}", source_dir.display());
            return ExitCode::from(2);
        }
    };
    let mut by_kind: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for f in archive.fetched() {
        let entry = by_kind.entry(f.name.kind.suffix()).or_default();
        entry.0 += 1;
        entry.1 += f.bytes;
    }
    let total: usize = archive.fetched().iter().map(|f| f.bytes).sum();
    let kinds: Vec<String> = by_kind
        .iter()
        .map(|(kind, (n, bytes))| format!("{kind} {n} ({bytes} B)"))
        .collect();
    eprintln!(
        "dossier: fetched {} parts, {total} bytes: {}",
        archive.fetched().len(),
        kinds.join(", ")
    );
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let written = if args.json {
        writeln!(out, "{}", archive_json(filter, &results))
    } else {
        write_archive_text(&mut out, &results)
    };
    let _ = written.and_then(|()| out.flush());
    if results.total == 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn write_archive_text(
    out: &mut impl Write,
    results: &dossier::archive::ArchiveResults,
) -> std::io::Result<()> {
    writeln!(out, "{} matching articles", results.total)?;
    for (rank, hit) in results.hits.iter().enumerate() {
        let e = &hit.entry;
        writeln!(
            out,
            "{:>3}. {:>6.2}  {:<10}  {}  {}",
            rank + 1,
            hit.score,
            e.date,
            e.id,
            e.title
        )?;
        let lede: String = e.lede.chars().take(SNIPPET_BYTES).collect();
        writeln!(out, "       {lede}")?;
    }
    let facets = &results.facets;
    for (name, values) in [
        ("people", &facets.people.values),
        ("organizations", &facets.organizations.values),
        ("places", &facets.places.values),
        ("speakers", &facets.speakers.values),
    ] {
        write_facet(out, name, values)?;
    }
    Ok(())
}

/// `name: key (count), ...` for the first eight values; nothing for an empty facet.
fn write_facet(
    out: &mut impl Write,
    name: &str,
    values: &[dossier::query::FacetValue],
) -> std::io::Result<()> {
    if values.is_empty() {
        return Ok(());
    }
    let shown: Vec<String> = values
        .iter()
        .take(8)
        .map(|v| format!("{} ({})", v.key, v.count))
        .collect();
    writeln!(out, "{name}: {}", shown.join(", "))
}

fn archive_json(filter: &Filter, results: &dossier::archive::ArchiveResults) -> String {
    let hits: Vec<serde_json::Value> = results
        .hits
        .iter()
        .map(|hit| {
            let e = &hit.entry;
            serde_json::json!({"id": e.id, "title": e.title, "date": (!e.date.is_empty()).then_some(&e.date),
                "score": hit.score, "lede": e.lede})
        })
        .collect();
    let words = QuoteWords::of(&filter.text);
    let quotes: Vec<serde_json::Value> = results
        .quotes
        .iter()
        .filter(|q| q.has(&words))
        .map(|q| {
            serde_json::json!({"article": q.article, "span": [q.span.start, q.span.end], "speaker": q.speaker,
                "name": (!q.speaker_name.is_empty()).then_some(&q.speaker_name), "text": q.text})
        })
        .collect();
    let h = &results.histogram;
    let mut histogram = histogram_json(h);
    histogram.insert("coarse".into(), buckets_json(&h.coarse).into());
    histogram.insert("left_out".into(), h.left_out.into());
    serde_json::json!({
        "total": results.total, "hits": hits, "quotes": quotes,
        "facets": facets_json(&results.facets), "histogram": histogram,
    })
    .to_string()
}
