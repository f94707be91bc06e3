//! The search benchmark's workload, shared by `dossier bench` and `cargo bench --bench
//! search`: read the corpus, annotate it, build the index, run the fixed query set
//! (`benches/queries.json`, also read by the JS peers) and report times and percentiles.
//!
//! Until the extractors land, Reuters-style front-matter tags (`places:`, `topics:`) are
//! read as entities (places as places, topics as misc) so entity filters and facet counts
//! have a realistic load; extracted entities are used as well.

use dossier::corpus::Article;
use dossier::extract::{Annotations, Entity, EntityId, EntityKind, annotate};
use dossier::index::Index;
use dossier::query::{Filter, LastWord, Options, Results, search_with};
use std::time::{Duration, Instant};

/// The query set, as in `benches/queries.json`.
const QUERIES: &str = include_str!("queries.json");

/// Runs of each query per round whose latencies are recorded (after one warm-up run).
pub const RUNS: usize = 30;

/// Rounds of index builds and of queries; each figure reported is the best round's.
pub const ROUNDS: usize = 3;

/// Latency percentiles of one kind of query.
pub struct KindReport {
    pub kind: String,
    pub queries: usize,
    pub p50: Duration,
    pub p95: Duration,
    pub p99: Duration,
    /// The same percentiles in CPU time of the searching thread (unaffected by other
    /// processes on a shared machine); zero where the platform has no thread clock.
    pub cpu: [Duration; 3],
    /// Matches of each query, in order (to compare with the peers).
    pub totals: Vec<usize>,
}

/// What one benchmark run measured.
pub struct Report {
    pub articles: usize,
    pub text_bytes: usize,
    pub extract: Duration,
    /// The collection-wide resolve stage (after extraction, before the index).
    pub resolve: Duration,
    pub build: Duration,
    pub build_cpu: Duration,
    pub heap_bytes: usize,
    pub heap_parts: Vec<(&'static str, usize)>,
    pub kinds: Vec<KindReport>,
}

/// A search as the search box runs it while typing: the query set's "prefix" queries are
/// unfinished words (a query ending with a space is finished), as in the JS peers.
pub fn search_as_typed(index: &Index, filter: &Filter) -> Results {
    let options = Options {
        last_word: LastWord::BeingTyped,
        ..Options::default()
    };
    search_with(index, filter, options)
}

/// The query set: `(kind, url)` pairs.
pub fn queries() -> Vec<(String, String)> {
    let parsed: serde_json::Value = serde_json::from_str(QUERIES).unwrap_or_default();
    parsed["queries"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|q| {
                    let field = |k: &str| q[k].as_str().unwrap_or_default().to_string();
                    (field("kind"), field("url"))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Front-matter tags (`places:`, `topics:`, `people:`, `orgs:`) as entities.
pub fn with_tags(article: &Article, mut found: Annotations) -> Annotations {
    for (key, value) in &article.meta {
        let kind = match key.as_str() {
            "places" => EntityKind::Place,
            "people" => EntityKind::Person,
            "orgs" => EntityKind::Organization,
            "topics" => EntityKind::Misc,
            _ => continue,
        };
        for tag in value.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            let name = tag.replace('-', " ");
            found.entities.push(Entity {
                id: EntityId::new(kind, &name),
                kind,
                canonical: name,
                aliases: Vec::new(),
                role: None,
            });
        }
    }
    found
}

/// Annotates, indexes and queries `articles`.
pub fn run(articles: &[Article]) -> Report {
    let started = Instant::now();
    let annotations: Vec<Annotations> = articles.iter().map(annotate).collect();
    let extract = started.elapsed();
    let started = Instant::now();
    let annotations = dossier::resolve::resolve(articles, annotations).annotations;
    let resolve = started.elapsed();
    let annotations: Vec<Annotations> = articles
        .iter()
        .zip(annotations)
        .map(|(a, found)| with_tags(a, found))
        .collect();
    // The machine may be shared: the best of a few rounds estimates the uncontended cost.
    let mut build = Duration::MAX;
    let mut build_cpu = Duration::MAX;
    let mut index = Index::default();
    for _ in 0..ROUNDS {
        let (started, cpu_started) = (Instant::now(), thread_cpu_time());
        index = Index::build(articles, &annotations);
        build = build.min(started.elapsed());
        build_cpu = build_cpu.min(thread_cpu_time().saturating_sub(cpu_started));
    }
    let mut kinds: Vec<KindReport> = Vec::new();
    for (kind, url) in queries() {
        let (filter, _) = Filter::from_query_string(&url);
        let total = search_as_typed(&index, &filter).total;
        match kinds.iter_mut().position(|k| k.kind == kind) {
            Some(at) => {
                kinds[at].queries += 1;
                kinds[at].totals.push(total);
            }
            None => kinds.push(KindReport {
                kind: kind.clone(),
                queries: 1,
                p50: Duration::MAX,
                p95: Duration::MAX,
                p99: Duration::MAX,
                cpu: [Duration::MAX; 3],
                totals: vec![total],
            }),
        }
    }
    let queries = queries();
    for _ in 0..ROUNDS {
        for report in &mut kinds {
            let mut times = Vec::new();
            let mut cpu_times = Vec::new();
            for (_, url) in queries.iter().filter(|(kind, _)| *kind == report.kind) {
                let (filter, _) = Filter::from_query_string(url);
                for _ in 0..RUNS {
                    let (started, cpu_started) = (Instant::now(), thread_cpu_time());
                    let results = search_as_typed(&index, &std::hint::black_box(filter.clone()));
                    times.push(started.elapsed());
                    cpu_times.push(thread_cpu_time().saturating_sub(cpu_started));
                    std::hint::black_box(results);
                }
            }
            times.sort_unstable();
            cpu_times.sort_unstable();
            for (best, pct) in report.cpu.iter_mut().zip([50, 95, 99]) {
                *best = (*best).min(percentile(&cpu_times, pct));
            }
            report.p50 = report.p50.min(percentile(&times, 50));
            report.p95 = report.p95.min(percentile(&times, 95));
            report.p99 = report.p99.min(percentile(&times, 99));
        }
    }
    Report {
        articles: articles.len(),
        text_bytes: index.text_bytes(),
        extract,
        resolve,
        build,
        build_cpu,
        heap_bytes: index.heap_size(),
        heap_parts: index.heap_breakdown(),
        kinds,
    }
}

/// CPU time used by this thread so far (zero where there is no such clock).
#[cfg(target_os = "linux")]
fn thread_cpu_time() -> Duration {
    #[repr(C)]
    struct Timespec {
        seconds: i64,
        nanoseconds: i64,
    }
    unsafe extern "C" {
        fn clock_gettime(clock: i32, time: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut time = Timespec {
        seconds: 0,
        nanoseconds: 0,
    };
    // SAFETY: clock_gettime writes one timespec through a valid, exclusive pointer.
    let ok = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut time) } == 0;
    if ok {
        Duration::new(time.seconds as u64, time.nanoseconds as u32)
    } else {
        Duration::ZERO
    }
}

/// CPU time used by this thread so far (zero where there is no such clock).
#[cfg(not(target_os = "linux"))]
fn thread_cpu_time() -> Duration {
    Duration::ZERO
}

fn percentile(sorted: &[Duration], pct: usize) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() - 1) * pct).div_ceil(100)]
}

/// The report as a table; `json` gives one JSON object instead (for scripts).
pub fn render(report: &Report, json: bool) -> String {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mb = |b: usize| b as f64 / 1_048_576.0;
    if json {
        let kinds: Vec<serde_json::Value> = report
            .kinds
            .iter()
            .map(|k| {
                serde_json::json!({"kind": k.kind, "queries": k.queries, "p50_ms": ms(k.p50),
                    "p95_ms": ms(k.p95), "p99_ms": ms(k.p99), "cpu_p50_ms": ms(k.cpu[0]),
                    "cpu_p95_ms": ms(k.cpu[1]), "cpu_p99_ms": ms(k.cpu[2]), "totals": k.totals})
            })
            .collect();
        return serde_json::json!({"engine": "dossier", "articles": report.articles,
            "text_mb": mb(report.text_bytes), "extract_ms": ms(report.extract), "resolve_ms": ms(report.resolve),
            "build_ms": ms(report.build), "build_cpu_ms": ms(report.build_cpu), "heap_mb": mb(report.heap_bytes), "kinds": kinds})
        .to_string();
    }
    let mut out = format!(
        "articles {}  text {:.1} MB\nextract {:.0} ms  resolve {:.0} ms  index build {:.0} ms ({:.0} ms CPU)  index memory {:.1} MB ({:.2} MB per MB of text)\n",
        report.articles,
        mb(report.text_bytes),
        ms(report.extract),
        ms(report.resolve),
        ms(report.build),
        ms(report.build_cpu),
        mb(report.heap_bytes),
        mb(report.heap_bytes) / mb(report.text_bytes).max(1e-9),
    );
    let parts: Vec<String> = report
        .heap_parts
        .iter()
        .map(|(part, bytes)| format!("{part} {:.1}", mb(*bytes)))
        .collect();
    out.push_str(&format!("memory by part (MB): {}\n\n", parts.join(", ")));
    out.push_str(&format!(
        "{:<24} {:>7} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}  matches\n",
        "query kind", "queries", "p50 ms", "p95 ms", "p99 ms", "cpu p50", "cpu p95", "cpu p99"
    ));
    for k in &report.kinds {
        out.push_str(&format!(
            "{:<24} {:>7} {:>9.3} {:>9.3} {:>9.3} {:>9.3} {:>9.3} {:>9.3}  {:?}\n",
            k.kind,
            k.queries,
            ms(k.p50),
            ms(k.p95),
            ms(k.p99),
            ms(k.cpu[0]),
            ms(k.cpu[1]),
            ms(k.cpu[2]),
            k.totals
        ));
    }
    out
}
