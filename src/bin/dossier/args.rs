//! Raw arguments to a typed command, once all are known.

use std::path::PathBuf;
use std::process::ExitCode;

pub const USAGE: &str = "\
usage:
  dossier extract PATH... [--dates FILE] [--resolve] [--explain]
      Print one JSON object per article (JSON Lines): entities, dates and quotes with
      character offsets. PATH is a seed file or a folder of them (every seed format).
      --dates FILE  a JSON object {\"article id\": \"YYYY-MM-DD\"} giving publication dates
                    to articles that carry none (relative dates resolve against them).
      --resolve     print the entities resolved across all the PATHs (as the app shows
                    them) instead of each article's own extraction.
      --explain     --resolve, then one JSON object per decision after the articles:
                    {\"decision\": \"merge\"|\"drop\", \"rule\", \"name\", \"from\", \"into\",
                    \"evidence\", \"articles\"}, and {\"decision\": \"repeats\", \"articles\"}
                    (articles repeating an earlier one's story, counted once).
  dossier facets PATH... [--limit N] [--unresolved] [--repeat K]
      Print the N (default 100) entities named in most articles, per kind (people,
      organisations, places), as TSV, and the resolve stage's time on stderr.
      --unresolved  count extraction's own ids, before resolve.
      --repeat K    resolve K copies of the articles (new ids, each a story of its own),
                    to time how it scales.
  dossier build SEEDS_DIR --out SITE_DIR [--app DIST_DIR]
      Extract, index and write the collection as a static archive under SITE_DIR/archive
      (immutable, content-addressed parts and manifest.json); --app copies a built app
      (e.g. dist/ from `trunk build --release`) into SITE_DIR. Rebuilding into the same
      SITE_DIR rewrites only the parts whose content changed.
  dossier query PATH... [--q TEXT] [--entity ID] [--speaker KEY] [--from DATE] [--to DATE]
                [--source NAME] [--limit N] [--json]
  dossier query --archive SITE_DIR [same options]
      Answer from a built archive's parts alone; stderr says which parts and bytes it read.";

/// A parsed command line.
pub enum Command {
    /// `extract`.
    Extract {
        paths: Vec<PathBuf>,
        dates: Option<PathBuf>,
        output: crate::extract_cmd::Output,
    },
    /// `facets`.
    Facets(crate::facets_cmd::FacetsArgs),
    /// `query`.
    Query(crate::query_cmd::QueryArgs),
    /// `bench`.
    Bench { paths: Vec<PathBuf>, json: bool },
    /// `build`.
    Build(crate::build_cmd::BuildArgs),
}

impl Command {
    pub fn run(self) -> ExitCode {
        match self {
            Command::Extract {
                paths,
                dates,
                output,
            } => crate::extract_cmd::run(&paths, dates.as_deref(), output),
            Command::Facets(args) => crate::facets_cmd::run(&args),
            Command::Query(args) => crate::query_cmd::run(&args),
            Command::Bench { paths, json } => crate::bench_cmd::run(&paths, json),
            Command::Build(args) => crate::build_cmd::run(&args),
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
            let mut output = crate::extract_cmd::Output::PerArticle;
            let mut it = rest.iter();
            while let Some(arg) = it.next() {
                match arg.as_str() {
                    "--dates" => {
                        dates = Some(PathBuf::from(it.next().ok_or("--dates needs a FILE")?))
                    }
                    "--resolve" if output == crate::extract_cmd::Output::PerArticle => {
                        output = crate::extract_cmd::Output::Resolved
                    }
                    "--resolve" => {}
                    "--explain" => output = crate::extract_cmd::Output::Explained,
                    flag if flag.starts_with("--") => {
                        return Err(format!("unknown option `{flag}` for extract"));
                    }
                    path => paths.push(PathBuf::from(path)),
                }
            }
            if paths.is_empty() {
                return Err("extract needs at least one PATH".into());
            }
            Ok(Command::Extract {
                paths,
                dates,
                output,
            })
        }
        "query" => parse_query(rest),
        "facets" => parse_facets(rest),
        "build" => parse_build(rest),
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
            "unknown command `{other}`; commands are: extract, facets, query, bench, build"
        )),
    }
}

fn parse_facets(rest: &[String]) -> Result<Command, String> {
    let mut args = crate::facets_cmd::FacetsArgs {
        paths: Vec::new(),
        limit: 100,
        unresolved: false,
        repeat: 1,
    };
    let mut it = rest.iter();
    let number = |flag: &str, value: Option<&String>| -> Result<usize, String> {
        let value = value.ok_or(format!("{flag} needs a number"))?;
        value
            .parse()
            .map_err(|_| format!("{flag} `{value}` is not a number"))
    };
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--limit" => args.limit = number("--limit", it.next())?,
            "--repeat" => args.repeat = number("--repeat", it.next())?.max(1),
            "--unresolved" => args.unresolved = true,
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option `{flag}` for facets"));
            }
            path => args.paths.push(PathBuf::from(path)),
        }
    }
    if args.paths.is_empty() {
        return Err("facets needs at least one PATH".into());
    }
    Ok(Command::Facets(args))
}

fn parse_query(rest: &[String]) -> Result<Command, String> {
    let mut args = crate::query_cmd::QueryArgs {
        paths: Vec::new(),
        archive: None,
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
            "--archive" => {
                let dir = it.next().ok_or("--archive needs a SITE_DIR")?;
                args.archive = Some(PathBuf::from(dir));
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
            "--view" => "view",
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
    if args.paths.is_empty() && args.archive.is_none() {
        return Err("query needs at least one PATH, or --archive SITE_DIR".into());
    }
    if !args.paths.is_empty() && args.archive.is_some() {
        return Err("query reads either PATHs or --archive SITE_DIR, not both".into());
    }
    Ok(Command::Query(args))
}

fn parse_build(rest: &[String]) -> Result<Command, String> {
    let mut seeds = None;
    let mut out = None;
    let mut app = None;
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--out" => out = Some(PathBuf::from(it.next().ok_or("--out needs a SITE_DIR")?)),
            "--app" => app = Some(PathBuf::from(it.next().ok_or("--app needs a DIST_DIR")?)),
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option `{flag}` for build"));
            }
            path if seeds.is_none() => seeds = Some(PathBuf::from(path)),
            path => {
                return Err(format!(
                    "build reads one SEEDS_DIR; `{path}` is a second one"
                ));
            }
        }
    }
    Ok(Command::Build(crate::build_cmd::BuildArgs {
        seeds: seeds.ok_or("build needs a SEEDS_DIR")?,
        out: out.ok_or("build needs --out SITE_DIR")?,
        app,
    }))
}
