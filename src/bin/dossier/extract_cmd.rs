//! `dossier extract`: annotations as JSON Lines.

use crate::inputs::read_articles;
use dossier::corpus::parse_date;
use dossier::extract::{annotate, schema};
use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(paths: &[PathBuf], dates: Option<&Path>) -> ExitCode {
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
    for article in &articles {
        let found = annotate(article);
        let line = serde_json::to_string(&schema::record(article, &found))
            .expect("annotation records always serialize");
        if writeln!(out, "{line}").is_err() {
            // A closed pipe (`| head`) is not an error worth reporting.
            return ExitCode::SUCCESS;
        }
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
