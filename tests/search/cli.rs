//! `dossier query`: output and exit codes (0 found, 1 nothing matched, 2 bad arguments).

use std::process::Command;

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let write = |name: &str, text: &str| {
        std::fs::write(dir.path().join(name), text).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    write(
        "a1.txt",
        "---\ntitle: Border talks\ndate: 2022-11-23\n---\nThe border mission stays.",
    );
    write(
        "a2.txt",
        "---\ntitle: Wheat\ndate: 2022-09-01\n---\nWheat exports rose.",
    );
    dir
}

/// `dossier query SEEDS ARGS...`: the exit code and stdout.
fn query_in(seeds: &std::path::Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("query")
        .arg(seeds)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("run dossier: {e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn query(args: &[&str]) -> (i32, String) {
    let dir = corpus();
    query_in(dir.path(), args)
}

#[test]
fn query_prints_ranked_hits_with_marked_snippets() {
    let (code, out) = query(&["--q", "border"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("a1  Border talks"), "{out}");
    assert!(out.contains("[border]"), "{out}");
}

#[test]
fn query_exits_1_when_nothing_matched() {
    assert_eq!(query(&["--q", "zebra "]).0, 1);
}

#[test]
fn query_exits_2_on_a_bad_date() {
    assert_eq!(query(&["--from", "2022-13"]).0, 2);
}

#[test]
fn query_json_has_hits_facets_and_histogram() {
    let (code, out) = query(&["--from", "2022-09", "--json"]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    assert_eq!(json["total"], 2);
    assert_eq!(json["hits"][0]["id"], "a1");
    assert!(json["histogram"]["buckets"].is_array());
}

/// The wire-story fixture of the browser tests (`topics`, `places`, `author`).
fn wire(args: &[&str]) -> (i32, String) {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/wire");
    query_in(std::path::Path::new(seeds), args)
}

#[test]
fn query_filters_by_metadata_sorts_and_prints_metadata_facets() {
    let (code, out) = wire(&["--m.topics", "crude", "--sort", "oldest", "--q", "oil"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("5 matching articles"), "{out}");
    let first = out.lines().nth(1).unwrap_or_default();
    assert!(first.contains("w01"), "oldest first: {out}");
    assert!(out.contains("m.topics: crude (5)"), "{out}");
    assert!(!out.contains("m.provenance"), "not a facet: {out}");
}
