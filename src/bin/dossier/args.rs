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
}

impl Command {
    pub fn run(self) -> ExitCode {
        match self {
            Command::Extract { paths, dates } => crate::extract_cmd::run(&paths, dates.as_deref()),
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
        "-h" | "--help" | "help" => Err("help".into()),
        other => Err(format!("unknown command `{other}`; commands are: extract")),
    }
}
