//! `dossier facets`: the entities named in most articles, per kind, as the app's facets
//! count them (resolved, unless `--unresolved`), and the resolve stage's own time, split
//! into the automatic rules and the hand edits with the rewrite (what an edit in the
//! browser costs before re-indexing).

use crate::inputs::{read_articles, read_curation, report_stale_edits};
use dossier::corpus::{Article, ArticleId};
use dossier::extract::{Annotations, EntityKind, annotate};
use dossier::resolve::prepare;
use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// What to count.
pub struct FacetsArgs {
    pub paths: Vec<PathBuf>,
    pub limit: usize,
    pub unresolved: bool,
    pub repeat: usize,
}

pub fn run(args: &FacetsArgs) -> ExitCode {
    let (articles, problems) = read_articles(&args.paths);
    if articles.is_empty() {
        eprintln!("dossier: no articles");
        return ExitCode::from(if problems > 0 { 2 } else { 1 });
    }
    let started = Instant::now();
    let annotations: Vec<Annotations> = articles.iter().map(annotate).collect();
    eprintln!(
        "extract: {:.0} ms for {} articles",
        started.elapsed().as_secs_f64() * 1e3,
        articles.len()
    );
    let (articles, annotations) = repeated(articles, annotations, args.repeat);
    let annotations = if args.unresolved {
        annotations
    } else {
        let curation = match read_curation(&args.paths) {
            Ok(curation) => curation,
            Err(e) => {
                eprintln!("dossier: {e}");
                return ExitCode::from(2);
            }
        };
        let started = Instant::now();
        let prepared = prepare(&articles, annotations);
        let automatic = started.elapsed();
        // What an edit in the browser costs: the kept verdicts copied, the edits applied and
        // every article rewritten (the index is built again after it).
        let edit_started = Instant::now();
        let resolved = prepared.finish(&articles, &curation);
        let edit = edit_started.elapsed();
        report_stale_edits(&resolved.decisions.curated);
        eprintln!(
            "resolve: {:.0} ms for {} articles ({} merges, {} drops, {} hand edits{}): automatic rules {:.0} ms, hand edits and rewrite {:.0} ms",
            started.elapsed().as_secs_f64() * 1e3,
            articles.len(),
            resolved.decisions.merges.len(),
            resolved.decisions.drops.len(),
            resolved.decisions.curated.len(),
            crate::inputs::repeats_note(resolved.decisions.repeated),
            automatic.as_secs_f64() * 1e3,
            edit.as_secs_f64() * 1e3,
        );
        resolved.annotations
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let _ = writeln!(out, "kind\trank\tarticles\tid\tname");
    for kind in [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
    ] {
        for (rank, (articles, id, name)) in
            top(&annotations, kind, args.limit).into_iter().enumerate()
        {
            let line = format!("{}\t{}\t{articles}\t{id}\t{name}", kind.as_str(), rank + 1);
            if writeln!(out, "{line}").is_err() {
                return ExitCode::SUCCESS;
            }
        }
    }
    let _ = out.flush();
    if problems > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// `times` copies of the articles, the copies with new ids (`id~2`), to time scaling. Each
/// copy's body ends in as many more blank lines as its number, so that it is a story of its
/// own to the resolve stage (which counts an exact repeat once, and skips its work): the
/// stage then does the work of `times` as many articles.
fn repeated(
    articles: Vec<Article>,
    annotations: Vec<Annotations>,
    times: usize,
) -> (Vec<Article>, Vec<Annotations>) {
    if times <= 1 {
        return (articles, annotations);
    }
    let mut all_articles = Vec::with_capacity(articles.len() * times);
    let mut all_annotations = Vec::with_capacity(articles.len() * times);
    for copy in 1..=times {
        for (article, found) in articles.iter().zip(&annotations) {
            let mut article = article.clone();
            if copy > 1 {
                article.id = ArticleId(format!("{}~{copy}", article.id.as_str()));
                let blank_lines = "\n".repeat(copy - 1);
                article.text.insert_str(article.body.end, &blank_lines);
                article.body.end += blank_lines.len();
            }
            all_articles.push(article);
            all_annotations.push(found.clone());
        }
    }
    (all_articles, all_annotations)
}

/// The `limit` entities of `kind` named in most articles: (articles, id, name), most first,
/// ties by id.
fn top(
    annotations: &[Annotations],
    kind: EntityKind,
    limit: usize,
) -> Vec<(usize, String, String)> {
    let mut counts: HashMap<&str, (usize, &str)> = HashMap::new();
    for found in annotations {
        let mut seen: Vec<&str> = Vec::new();
        for e in found.entities.iter().filter(|e| e.kind == kind) {
            if !seen.contains(&e.id.as_str()) {
                seen.push(e.id.as_str());
                counts.entry(e.id.as_str()).or_insert((0, &e.canonical)).0 += 1;
            }
        }
    }
    let mut ranked: Vec<(usize, String, String)> = counts
        .into_iter()
        .map(|(id, (n, name))| (n, id.to_string(), name.to_string()))
        .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    ranked.truncate(limit);
    ranked
}
