//! Guards: extraction throughput (issue 3: >= 10 MB/s in wasm on one core, so well above that
//! natively), per stage, on the Reuters corpus. Run: `cargo bench --bench extract [DIR]`.
//! Prints MB/s per stage and for the whole `annotate` (wall clock and this thread's CPU
//! time), and the annotations' size per MB.

#[path = "common/reuters.rs"]
mod reuters;

use dossier::corpus::Article;
use dossier::extract::{self, Document};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(files) = reuters::corpus_files(&args, "extract") else {
        return;
    };
    let articles: Vec<Article> = reuters::articles(&files).collect();
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    let mb = bytes as f64 / 1_048_576.0;
    println!("{} articles, {mb:.1} MB of body text", articles.len());

    println!(
        "{:<22} {:>8} {:>10} {:>8} {:>10}",
        "stage", "wall ms", "wall MB/s", "CPU ms", "CPU MB/s"
    );
    let time = |label: &str, run: &dyn Fn(&Article)| {
        let (mut wall, mut cpu) = (f64::INFINITY, f64::INFINITY);
        for _ in 0..3 {
            let (started, cpu_started) = (Instant::now(), thread_cpu_seconds());
            articles.iter().for_each(run);
            wall = wall.min(started.elapsed().as_secs_f64());
            cpu = cpu
                .min(thread_cpu_seconds().map_or(f64::NAN, |end| end - cpu_started.unwrap_or(end)));
        }
        println!(
            "{label:<22} {:>8.0} {:>10.1} {:>8.0} {:>10.1}",
            wall * 1000.0,
            mb / wall,
            cpu * 1000.0,
            mb / cpu
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

/// CPU time of this thread (Linux), the fairer clock on a shared machine: a busy neighbour
/// stretches wall time, not the time this thread ran.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}
