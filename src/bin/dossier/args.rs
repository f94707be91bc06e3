//! Raw arguments to a typed command, once all are known.

use std::path::PathBuf;
use std::process::ExitCode;

pub const USAGE: &str = "\
usage:
  dossier extract PATH... [--dates FILE]
      Print one JSON object per article (JSON Lines): entities, dates and quotes with
      character offsets. PATH is a seed file or a folder of them (every seed format).
      --dates FILE  a JSON object {\"article id\": \"YYYY-MM-DD\"} giving publication dates
                    to articles that carry none (relative dates resolve against them).";

/// A parsed command line.
pub enum Command {
    /// `extract`.
    Extract {
        paths: Vec<PathBuf>,
        dates: Option<PathBuf>,
    },
    /// `query`.
    Query(crate::query_cmd::QueryArgs),
    /// `bench`.
    Bench { paths: Vec<PathBuf>, json: bool },
}

impl Command {
    pub fn run(self) -> ExitCode {
        match self {
            Command::Extract { paths, dates } => crate::extract_cmd::run(&paths, dates.as_deref()),
            Command::Query(args) => crate::query_cmd::run(&args),
            Command::Bench { paths, json } => crate::bench_cmd::run(&paths, json),
        }
    }
}

pub fn parse(args: &[String]) -> Result<Command, String> {
    let Some((command, rest)) = args.split_first() else {
        return Err("no command given".into());
    };
    match command.as_str() {
        "extract" => {
            let mut paths = Vec::new();
            let mut dates = None;
            let mut it = rest.iter();
            while let Some(arg) = it.next() {
                match arg.as_str() {
                    "--dates" => {
                        dates = Some(PathBuf::from(it.next().ok_or("--dates needs a FILE")?))
                    }
                    flag if flag.starts_with("--") => {
                        return Err(format!("unknown option `{flag}` for extract"));
                    }
                    path => paths.push(PathBuf::from(path)),
                }
            }
            if paths.is_empty() {
                return Err("extract needs at least one PATH".into());
            }
            Ok(Command::Extract { paths, dates })
        }
        "query" => parse_query(rest),
        "bench" => {
            let json = rest.iter().any(|a| a == "--json");
            let paths: Vec<PathBuf> = rest
                .iter()
                .filter(|a| *a != "--json")
                .map(PathBuf::from)
                .collect();
            if let Some(flag) = paths.iter().find(|p| p.to_string_lossy().starts_with("--")) {
                return Err(format!("unknown option `{}` for bench", flag.display()));
            }
            if paths.is_empty() {
                return Err("bench needs at least one PATH".into());
            }
            Ok(Command::Bench { paths, json })
        }
        "-h" | "--help" | "help" => Err("help".into()),
        other => Err(format!(
            "unknown command `{other}`; commands are: extract, query, bench"
        )),
    }
}

fn parse_query(rest: &[String]) -> Result<Command, String> {
    let mut args = crate::query_cmd::QueryArgs {
        paths: Vec::new(),
        pairs: Vec::new(),
        limit: 20,
        json: false,
    };
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        let key = match arg.as_str() {
            "--json" => {
                args.json = true;
                continue;
            }
            "--limit" => {
                let n = it.next().ok_or("--limit needs a number")?;
                args.limit = n
                    .parse()
                    .map_err(|_| format!("--limit `{n}` is not a number"))?;
                continue;
            }
            "--q" => "q",
            "--entity" => "e",
            "--speaker" => "s",
            "--from" => "from",
            "--to" => "to",
            "--dates" => "dates",
            "--source" => "source",
            "--sort" => "sort",
            // `--m.topics crude` is the link's `m.topics=crude`.
            flag if flag.starts_with("--m.") => &flag[2..],
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option `{flag}` for query"));
            }
            path => {
                args.paths.push(PathBuf::from(path));
                continue;
            }
        };
        let value = it.next().ok_or_else(|| format!("{arg} needs a value"))?;
        args.pairs.push((key.to_string(), value.clone()));
    }
    if args.paths.is_empty() {
        return Err("query needs at least one PATH".into());
    }
    Ok(Command::Query(args))
}
