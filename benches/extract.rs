//! Guards: extraction throughput (issue 3: >= 10 MB/s in wasm on one core, so well above that
//! natively), per stage, on the Reuters corpus. Run: `cargo bench --bench extract [DIR]`.
//! Prints MB/s per stage and for the whole `annotate`, and the annotations' size per MB.

use dossier::corpus::{self, Article};
use dossier::extract::{self, Document};
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/corpus/reuters21578")
        });
    let Ok(files) = corpus::read_folder(&dir) else {
        eprintln!(
            "extract bench: SKIPPED, no corpus at {} (pass a folder)",
            dir.display()
        );
        return;
    };
    let articles: Vec<Article> = files
        .iter()
        .filter(|f| corpus::classify(&f.name).is_ok())
        .filter_map(|f| corpus::parse_file(&f.name, &f.bytes).ok())
        .flatten()
        .collect();
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    let mb = bytes as f64 / 1_048_576.0;
    println!("{} articles, {mb:.1} MB of body text", articles.len());

    let time = |label: &str, run: &dyn Fn(&Article)| {
        let best = (0..3)
            .map(|_| {
                let started = Instant::now();
                articles.iter().for_each(run);
                started.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min);
        println!(
            "{label:<22} {:>8.0} ms {:>8.1} MB/s",
            best * 1000.0,
            mb / best
        );
    };
    time("structure", &|a| {
        std::hint::black_box(Document::parse(&a.text, a.body));
    });
    time("structure + entities", &|a| {
        let doc = Document::parse(&a.text, a.body);
        std::hint::black_box(extract::entities::find(&doc));
    });
    time("structure + dates", &|a| {
        let doc = Document::parse(&a.text, a.body);
        std::hint::black_box(extract::dates::find(&doc, a.date));
    });
    time("structure + quotes", &|a| {
        let doc = Document::parse(&a.text, a.body);
        std::hint::black_box(extract::quotes::find(&doc, &[], &[]));
    });
    time("annotate (all)", &|a| {
        std::hint::black_box(extract::annotate(a));
    });
    let found: Vec<_> = articles.iter().map(extract::annotate).collect();
    let items: usize = found
        .iter()
        .map(|f| f.mentions.len() + f.dates.len() + f.quotes.len())
        .sum();
    println!("{items} annotations ({:.0} per MB)", items as f64 / mb);
}
