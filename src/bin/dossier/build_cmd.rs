//! `dossier build`: a seed folder in, a static site out — the app (copied from a built
//! `dist/`) and the collection as an archive (`src/archive`), on all cores.

use dossier::archive::{WriteSummary, write::sort_packed_for_archive, write_archive};
use dossier::article_source::{PackedAnnotation, PackedAnnotations, PackedArticle, PackedArticles};
use dossier::corpus::{self, ArticleId};
use dossier::extract::annotate;
use dossier::index::Index;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// What to build.
pub struct BuildArgs {
    pub seeds: PathBuf,
    pub out: PathBuf,
    pub app: Option<PathBuf>,
}

pub fn run(args: &BuildArgs) -> ExitCode {
    match build(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("dossier: {message}");
            ExitCode::from(2)
        }
    }
}

fn build(args: &BuildArgs) -> Result<(), String> {
    let started = Instant::now();
    let curation = crate::inputs::read_curation(std::slice::from_ref(&args.seeds))?;
    let (mut articles, annotations) = read_and_extract(&args.seeds)?;
    let stage = Instant::now();
    // The archive keeps the resolved entities, hand edits (`aliases.toml`) applied, and
    // each entity page's merged names with why (`dossier extract --explain` prints them all).
    let (mut annotations, decisions) =
        dossier::resolve::resolve_packed(&articles, annotations, &curation);
    crate::inputs::report_stale_edits(&decisions.curated);
    note(&format!(
        "resolved entities across the collection in {:.1} s{}",
        stage.elapsed().as_secs_f64(),
        crate::inputs::repeats_note(decisions.repeated)
    ));
    let stage = Instant::now();
    sort_packed_for_archive(&mut articles, &mut annotations);
    let index = Index::build(&articles, &annotations);
    note(&format!(
        "indexed in {:.1} s",
        stage.elapsed().as_secs_f64()
    ));
    let stage = Instant::now();
    let archive_dir = args.out.join("archive");
    let summary = write_archive(&archive_dir, &articles, &annotations, &index, &decisions)
        .map_err(|e| format!("{}: {e}", archive_dir.display()))?;
    note(&format!(
        "wrote the archive in {:.1} s",
        stage.elapsed().as_secs_f64()
    ));
    drop((index, annotations, articles));
    match &args.app {
        Some(dist) => {
            let copied = crate::app_files::copy_app(dist, &args.out)
                .map_err(|e| format!("copying the app from {}: {e}", dist.display()))?;
            note(&format!(
                "copied the app from {}: {} files, {} rewritten; {} compressible ones ({}) \
                 have a .br ({}) and a .gz ({}) beside them, {} compressed now; \
                 {} files of the app it replaced removed ({})",
                dist.display(),
                copied.files,
                copied.written,
                copied.compressible,
                human(copied.raw_bytes),
                human(copied.brotli_bytes),
                human(copied.gzip_bytes),
                copied.compressed,
                copied.removed,
                human(copied.removed_bytes),
            ));
        }
        None => note(
            "no --app given: SITE holds the archive only (build the app with `trunk build --release` and pass --app dist)",
        ),
    }
    print!("{}", report(&summary, started.elapsed().as_secs_f64()));
    Ok(())
}

/// Every article of the seed folder, read, parsed, extracted and packed (the article and
/// its annotations) on all cores a file at a time — a million-article folder is never all
/// in memory as files, parsed articles or annotations — in the folder's order; any bad seed
/// stops the build after all of them are listed, with the messages `dossier query` and the
/// app give.
fn read_and_extract(dir: &Path) -> Result<(PackedArticles, PackedAnnotations), String> {
    let stage = Instant::now();
    let files = corpus::list_folder(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let bar = progress(files.len() as u64, "extracting");
    let seeds: Vec<(String, Seed)> = files
        .into_par_iter()
        .map(|file| {
            let name = file.name.clone();
            let result = match corpus::classify(&file.name) {
                Err(skip) => Seed::Skipped(skip.reason),
                Ok(_) => match file.read() {
                    Err(e) => {
                        eprintln!("dossier: {e}");
                        Seed::Bad
                    }
                    Ok(file) => match corpus::parse_file(&file.name, &file.bytes) {
                        Ok(articles) => Seed::Articles(
                            articles
                                .iter()
                                .map(|article| {
                                    let found = annotate(article);
                                    (
                                        (article.id.clone(), article.file.clone()),
                                        PackedArticles::pack(article),
                                        PackedAnnotations::pack(&found),
                                    )
                                })
                                .collect(),
                        ),
                        Err(e) => {
                            eprintln!("dossier: {e}");
                            Seed::Bad
                        }
                    },
                },
            };
            bar.inc(1);
            (name, result)
        })
        .collect();
    bar.finish_and_clear();
    let mut ids = Vec::new();
    let mut packed = Vec::new();
    let mut annotations = Vec::new();
    let mut bad = 0;
    for (name, result) in seeds {
        match result {
            Seed::Articles(found) => {
                for (id, article, annotated) in found {
                    ids.push(id);
                    packed.push(article);
                    annotations.push(annotated);
                }
            }
            // The curation file is read by `read_curation`.
            Seed::Skipped(_) if name == corpus::CURATION_FILE => {}
            Seed::Skipped(reason) => eprintln!("dossier: skipping {name}: {reason}"),
            Seed::Bad => bad += 1,
        }
    }
    if let Err(clashes) =
        corpus::check_unique_id_list(ids.iter().map(|(id, file)| (id.as_str(), file.as_str())))
    {
        for e in &clashes {
            eprintln!("dossier: {e}");
        }
        bad += clashes.len();
    }
    if bad > 0 {
        return Err(format!(
            "{bad} bad seed file(s) in {}: nothing was written",
            dir.display()
        ));
    }
    if packed.is_empty() {
        return Err(format!("no articles in {}", dir.display()));
    }
    let count = packed.len();
    let articles = PackedArticles::from_packed(packed);
    let annotations = PackedAnnotations::from_packed(annotations);
    let (held, json) = articles.sizes();
    note(&format!(
        "read and extracted {count} articles in {:.1} s ({:.0} articles/s on {} threads); kept packed: {} for {} of articles, {} of annotations",
        stage.elapsed().as_secs_f64(),
        count as f64 / stage.elapsed().as_secs_f64().max(1e-9),
        rayon::current_num_threads(),
        human(held),
        human(json),
        human(annotations.size()),
    ));
    Ok((articles, annotations))
}

/// What one seed file gave.
enum Seed {
    /// Its articles' ids and files, packed articles, and packed annotations.
    Articles(Vec<((ArticleId, String), PackedArticle, PackedAnnotation)>),
    /// Not an article file (the reason).
    Skipped(&'static str),
    /// Unreadable; the problem was printed.
    Bad,
}

/// A progress bar on stderr (articles/s, ETA); hidden when stderr is not a terminal, where
/// each stage prints one line instead.
fn progress(len: u64, what: &str) -> ProgressBar {
    let bar = ProgressBar::new(len);
    if !std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    if let Ok(style) = ProgressStyle::with_template(
        "{msg:>10} [{bar:30}] {human_pos}/{human_len} {per_sec} ETA {eta}",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(what.to_string());
    bar
}

/// One line per stage, with the memory in use and the peak so far: where a large build's
/// memory goes is the first thing to know when it runs short.
fn note(line: &str) {
    match (memory_status("VmRSS:"), memory_status("VmHWM:")) {
        (Some(now), Some(peak)) => eprintln!(
            "dossier: {line} [memory {}, peak {}]",
            human(now),
            human(peak)
        ),
        _ => eprintln!("dossier: {line}"),
    }
}

/// The closing summary: what was rewritten, the total, time and memory.
fn report(s: &WriteSummary, seconds: f64) -> String {
    let mut out = format!(
        "archived {} articles: rewrote {} of {} parts, {} of {}; kept {}; removed {} ({})\n",
        s.articles,
        s.written,
        s.parts,
        human(s.written_bytes),
        human(s.bytes),
        s.kept,
        s.removed,
        human(s.removed_bytes)
    );
    let kinds: Vec<String> = s
        .by_kind
        .iter()
        .map(|(kind, (n, bytes))| format!("{} {n} ({})", kind.suffix(), human(*bytes)))
        .collect();
    out.push_str(&format!("parts: {}\n", kinds.join(", ")));
    out.push_str(&format!(
        "catalogue {} ({}); wall time {seconds:.1} s; peak memory {}\n",
        s.catalogue.map(|c| c.to_string()).unwrap_or_default(),
        human(s.catalogue_bytes),
        peak_memory().map_or_else(|| "unknown".to_string(), human)
    ));
    out
}

/// Peak resident memory (VmHWM), on Linux.
fn peak_memory() -> Option<u64> {
    memory_status("VmHWM:")
}

/// A memory figure of this process in bytes (`VmRSS:` now, `VmHWM:` the peak), on Linux.
fn memory_status(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Bytes as KB, MB or GB (decimal).
fn human(bytes: u64) -> String {
    let b = bytes as f64;
    if b >= 1e9 {
        format!("{:.2} GB", b / 1e9)
    } else if b >= 1e6 {
        format!("{:.1} MB", b / 1e6)
    } else {
        format!("{:.1} KB", b / 1e3)
    }
}
