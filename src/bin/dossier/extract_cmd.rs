//! `dossier extract`: annotations as JSON Lines.
//!
//! Without options, each article's own extraction (what `scripts/eval.py` scores: the
//! per-article models, independent of what else is in the folder). `--resolve` prints the
//! annotations after the collection-wide resolve stage, as the app and `dossier query` use
//! them; `--explain` adds the resolve decisions after the articles, one JSON object each,
//! merges first (sorted by resolved id), then drops (sorted by original id), then how many
//! articles repeat an earlier one's story (counted once by every rule), then the hand
//! edits of the folders' `aliases.toml` in the order applied (rule `curated` in merges and
//! drops; an edit that did nothing says why, and is also warned about on stderr):
//!
//! ```text
//! {"decision":"merge","rule":"same-article-full-name","name":"Baker","from":"person:baker","into":"person:james-baker","evidence":"same article names James Baker","articles":41}
//! {"decision":"drop","rule":"sign-off","name":"REUTER","from":"person:reuter","evidence":"4629 of 4629 mentions on an article's last short line","articles":4629}
//! {"decision":"repeats","articles":250,"evidence":"articles whose body, names and speakers repeat an earlier article's: …"}
//! {"decision":"curated","edit":"merge person:volcker into person:paul-volcker","line":4,"applied":true,"outcome":"24 article names moved into person:paul-volcker","entity":"person:paul-volcker"}
//! ```

use crate::inputs::{read_articles, read_curation, report_stale_edits};
use dossier::corpus::parse_date;
use dossier::extract::{Annotations, annotate, schema};
use dossier::resolve::{Decisions, resolve_curated};
use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What `extract` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// Each article's own extraction.
    PerArticle,
    /// Resolved across the collection.
    Resolved,
    /// Resolved, then the decisions.
    Explained,
}

pub fn run(paths: &[PathBuf], dates: Option<&Path>, output: Output) -> ExitCode {
    let given_dates = match dates.map(read_dates).transpose() {
        Ok(d) => d.unwrap_or_default(),
        Err(e) => {
            eprintln!("dossier: {e}");
            return ExitCode::from(2);
        }
    };
    let (mut articles, problems) = read_articles(paths);
    for article in &mut articles {
        if article.date.is_none() {
            article.date = given_dates.get(article.id.as_str()).copied();
        }
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let annotations: Vec<Annotations> = articles.iter().map(annotate).collect();
    let (annotations, decisions) = match output {
        Output::PerArticle => (annotations, None),
        Output::Resolved | Output::Explained => {
            let curation = match read_curation(paths) {
                Ok(curation) => curation,
                Err(e) => {
                    eprintln!("dossier: {e}");
                    return ExitCode::from(2);
                }
            };
            let resolved = resolve_curated(&articles, annotations, &curation);
            report_stale_edits(&resolved.decisions.curated);
            let decisions = (output == Output::Explained).then_some(resolved.decisions);
            (resolved.annotations, decisions)
        }
    };
    for (article, found) in articles.iter().zip(&annotations) {
        let line = serde_json::to_string(&schema::record(article, found))
            .expect("annotation records always serialize");
        if writeln!(out, "{line}").is_err() {
            // A closed pipe (`| head`) is not an error worth reporting.
            return ExitCode::SUCCESS;
        }
    }
    if let Some(decisions) = decisions
        && write_decisions(&mut out, &decisions).is_err()
    {
        return ExitCode::SUCCESS;
    }
    let _ = out.flush();
    if problems > 0 {
        ExitCode::from(2)
    } else if articles.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn read_dates(path: &Path) -> Result<HashMap<String, dossier::corpus::Date>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let map: HashMap<String, String> = serde_json::from_str(&text).map_err(|e| {
        format!(
            "{}: expected {{\"id\": \"YYYY-MM-DD\"}}: {e}",
            path.display()
        )
    })?;
    map.into_iter()
        .map(|(id, d)| {
            parse_date(&d)
                .map(|date| (id, date))
                .map_err(|hint| format!("{}: `{d}`: {hint}", path.display()))
        })
        .collect()
}

/// The decisions as JSON Lines, merges then drops.
fn write_decisions(out: &mut impl Write, decisions: &Decisions) -> std::io::Result<()> {
    for m in &decisions.merges {
        let line = serde_json::json!({
            "decision": "merge", "rule": m.rule, "name": m.name, "from": m.from,
            "into": m.into, "evidence": m.evidence, "articles": m.articles,
        });
        writeln!(out, "{line}")?;
    }
    for d in &decisions.drops {
        let line = serde_json::json!({
            "decision": "drop", "rule": d.rule, "name": d.name, "from": d.from,
            "evidence": d.evidence, "articles": d.articles,
        });
        writeln!(out, "{line}")?;
    }
    if decisions.repeated > 0 {
        let line = serde_json::json!({
            "decision": "repeats", "articles": decisions.repeated,
            "evidence": "articles whose body, names and speakers repeat an earlier article's: every rule counted the story once, and they took its first copy's verdicts",
        });
        writeln!(out, "{line}")?;
    }
    for c in &decisions.curated {
        let line = serde_json::json!({
            "decision": "curated", "edit": c.edit, "line": c.line, "applied": c.applied,
            "outcome": c.outcome, "entity": c.entity,
        });
        writeln!(out, "{line}")?;
    }
    Ok(())
}
