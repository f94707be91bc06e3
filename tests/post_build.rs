//! scripts/post_build.py, Trunk's post-build hook, on a stand-in staging folder: the
//! own-articles worker's files get content-hashed names that the page and the service
//! worker use, so that a page of one deployment never starts another deployment's worker.

use std::path::{Path, PathBuf};
use std::process::Command;

fn project() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A staging folder as Trunk leaves it before the hook: index.html with the app's meta tag
/// (Trunk.toml's `pattern_script`, filled in), the app's files, the worker Trunk built
/// (`wasm` stands in for its wasm) and the real `static/own_worker.js`.
fn staging(wasm: &[u8]) -> tempfile::TempDir {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let trunk = std::fs::read_to_string(project().join("Trunk.toml")).expect("Trunk.toml");
    let pattern = trunk
        .lines()
        .find_map(|line| line.strip_prefix("pattern_script = '"))
        .and_then(|rest| rest.strip_suffix('\''))
        .expect("Trunk.toml's pattern_script");
    let meta = pattern
        .replace("{base}{js}", "./dossier-web-0123456789abcdef.js")
        .replace("{base}{wasm}", "./dossier-web-0123456789abcdef_bg.wasm");
    let index = std::fs::read_to_string(project().join("index.html"))
        .expect("index.html")
        .replace("</head>", &format!("{meta}\n</head>"));
    let files: [(&str, &[u8]); 5] = [
        ("index.html", index.as_bytes()),
        ("dossier-web-0123456789abcdef.js", b"// the app's glue"),
        ("dossier-web-0123456789abcdef_bg.wasm", b"\0asm the app"),
        ("dossier-worker.js", b"// the worker's glue"),
        ("dossier-worker_bg.wasm", wasm),
    ];
    for (name, bytes) in files {
        std::fs::write(folder.path().join(name), bytes).expect("a staged file");
    }
    std::fs::copy(
        project().join("static/own_worker.js"),
        folder.path().join("own_worker.js"),
    )
    .expect("static/own_worker.js");
    folder
}

/// Runs the hook on `folder` as Trunk does; its output if it failed.
fn post_build(folder: &Path) -> Result<(), String> {
    let out = Command::new("python3")
        .arg(project().join("scripts/post_build.py"))
        .env("TRUNK_STAGING_DIR", folder)
        .env("TRUNK_PROFILE", "release")
        .env_remove("DOSSIER_ARCHIVE_APP")
        .output()
        .expect("python3 runs");
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// The worker script the page names (`data-worker` on its app meta tag).
fn named_worker(folder: &Path) -> PathBuf {
    let index = std::fs::read_to_string(folder.join("index.html")).expect("index.html");
    let tag = index
        .match_indices(r#"<meta name="dossier-app""#)
        .map(|(at, _)| &index[at..at + index[at..].find('>').expect("a closed tag")])
        .find(|tag| tag.contains("data-js="))
        .expect("the app's meta tag");
    let name = tag
        .split(r#"data-worker=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no data-worker on {tag}"));
    folder.join(name)
}

/// Whether `name` is `PREFIX-<16 hex digits>SUFFIX`.
fn hashed(name: &str, prefix: &str, suffix: &str) -> bool {
    name.strip_prefix(prefix)
        .and_then(|rest| rest.strip_suffix(suffix))
        .and_then(|hash| hash.strip_prefix('-'))
        .is_some_and(|hash| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[test]
fn the_worker_files_get_content_hashed_names_that_the_page_and_the_service_worker_use() {
    let build = staging(b"\0asm the worker, first build");
    post_build(build.path()).expect("the hook succeeds");
    for plain in [
        "own_worker.js",
        "dossier-worker.js",
        "dossier-worker_bg.wasm",
    ] {
        assert!(!build.path().join(plain).exists(), "{plain} is still there");
    }
    let start = named_worker(build.path());
    let start_name = start.file_name().unwrap().to_string_lossy().to_string();
    assert!(hashed(&start_name, "own_worker", ".js"), "{start_name}");
    let source = std::fs::read_to_string(&start).expect("the page's worker script exists");
    let loads: Vec<&str> = source
        .split("\"./")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert_eq!(loads.len(), 2, "{source}");
    assert!(hashed(loads[0], "dossier-worker", ".js"), "{loads:?}");
    assert!(hashed(loads[1], "dossier-worker", "_bg.wasm"), "{loads:?}");
    assert_eq!(
        std::fs::read(build.path().join(loads[1])).expect("the renamed wasm"),
        b"\0asm the worker, first build"
    );
    let service_worker = std::fs::read_to_string(build.path().join("sw.js")).expect("sw.js");
    for name in [start_name.as_str(), loads[0], loads[1]] {
        assert!(
            service_worker.contains(&format!("\"{name}\"")),
            "sw.js does not precache {name}"
        );
    }

    // Another deployment's worker: every one of the three names differs, the starter's too.
    let next = staging(b"\0asm the worker, second build");
    post_build(next.path()).expect("the hook succeeds");
    let next_start = named_worker(next.path());
    assert_ne!(next_start.file_name(), start.file_name());
    let next_source = std::fs::read_to_string(&next_start).expect("the next worker script");
    for name in loads {
        assert!(!next_source.contains(name), "{name} in both builds");
    }
}

#[test]
fn a_build_without_the_worker_fails_naming_what_is_missing() {
    let build = staging(b"\0asm");
    std::fs::remove_file(build.path().join("dossier-worker_bg.wasm")).expect("removed");
    let failure = post_build(build.path()).expect_err("the hook refuses the build");
    assert!(failure.contains("dossier-worker_bg.wasm"), "{failure}");
}
