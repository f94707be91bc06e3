//! `train-ner`: retrains the entity tagger's weights from CoNLL-2003 train and writes
//! `crates/core/src/extract/entities/tagger.bin`, which every build embeds, after making the word
//! clusters its features read (`crates/core/src/extract/entities/clusters.bin`, embedded too) from the
//! unlabeled text of the development data: the Reuters corpus and the text of the
//! training halves of the gold sets (never of the sets the README scores).
//!
//! Run from the repository root: `cargo run --release --bin train-ner`
//! (options: `--data DIR` the gold folder, default `data/gold` of the development data:
//! `$DOSSIER_SHARED`, else `../shared` beside the project; `--corpus DIR` the unlabeled
//! corpus, default `data/corpus/reuters21578` of the development data; `--out FILE`;
//! `--clusters-out FILE`; `--epochs N` (12); `--bits N` (18), log2 of the number of feature
//! buckets; `--prune X` (1.0), drop feature rows whose weights all stay below X;
//! `--check`, write nothing and fail unless the files it makes are the ones at `--out` and
//! `--clusters-out`, as `./dev test` runs it).
//! Deterministic: the same data gives the same files. Trains on `conll2003-train` only;
//! `conll2003-valid` is scored at the end for information.
//!
//! Anything training reads (the tokenizer, the word lists, the features) changes what it
//! makes, so such a change retrains in the same commit; `--check` catches one that did not.

use dossier::extract::EntityKind;
use dossier::extract::entities::clustering;
use dossier::extract::entities::clusters::{self, Clusters};
use dossier::extract::entities::model::Model;
use dossier::extract::entities::tokens::NerText;
use dossier::extract::entities::train::{self, Example, Options, Prepared};
use dossier::extract::structure::Document;
use dossier::span::ByteSpan;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train-ner: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut data = dossier::development_data().join("data/gold");
    let mut corpus = dossier::development_data().join("data/corpus/reuters21578");
    let mut out = PathBuf::from("crates/core/src/extract/entities/tagger.bin");
    let mut clusters_out = PathBuf::from("crates/core/src/extract/entities/clusters.bin");
    let mut options = Options::default();
    let mut check = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--data" => data = PathBuf::from(value()?),
            "--out" => out = PathBuf::from(value()?),
            "--corpus" => corpus = PathBuf::from(value()?),
            "--clusters-out" => clusters_out = PathBuf::from(value()?),
            "--epochs" => {
                options.epochs = value()?.parse().map_err(|e| format!("--epochs: {e}"))?
            }
            "--bits" => options.bits = value()?.parse().map_err(|e| format!("--bits: {e}"))?,
            "--prune" => options.prune = value()?.parse().map_err(|e| format!("--prune: {e}"))?,
            "--check" => check = true,
            other => {
                return Err(format!(
                    "unknown option `{other}`; options: --data, --corpus, --out, --clusters-out, --epochs, --bits, --prune, --check"
                ));
            }
        }
    }
    // The clusters first: every feature the tagger trains on reads them.
    let mut unlabeled = Vec::new();
    for folder in [
        corpus,
        data.join("conll2003-train"),
        data.join("polnear-train"),
        data.join("tbaq_timebank"),
        data.join("tbaq_aquaint"),
    ] {
        unlabeled.extend(sentences_of_folder(&folder)?);
    }
    let tokens: usize = unlabeled.iter().map(Vec::len).sum();
    let table = clustering::table_bytes(&unlabeled);
    drop(unlabeled);
    let clusters = Clusters::decode(&table).map_err(|e| format!("the new clusters: {e}"))?;
    eprintln!(
        "train-ner: {} words clustered from {tokens} tokens of unlabeled text",
        clusters.len()
    );
    if !clusters::use_table(clusters) {
        return Err("the word clusters were read before the new ones were made".into());
    }
    if check {
        same_as_committed(&clusters_out, &table)?;
    } else {
        std::fs::write(&clusters_out, &table)
            .map_err(|e| format!("{}: {e}", clusters_out.display()))?;
    }
    let train_docs = prepare_folder(&data.join("conll2003-train"))?;
    let misaligned: usize = train_docs.iter().map(|d| d.misaligned).sum();
    eprintln!(
        "train-ner: {} training documents ({misaligned} tokens cross a gold name boundary)",
        train_docs.len()
    );
    let trained = train::train(&train_docs, &options, |line| eprintln!("train-ner: {line}"));
    let bytes = trained.encode(options.prune);
    // The check needs the bytes only: the scores below are for a person retraining.
    if check {
        same_as_committed(&out, &bytes)?;
        eprintln!(
            "train-ner: {} and {} are what training makes",
            out.display(),
            clusters_out.display()
        );
        return Ok(());
    }
    let valid_docs = prepare_folder(&data.join("conll2003-valid")).unwrap_or_default();
    let model = Model::from_bytes(&bytes).map_err(|e| e.to_string())?;
    eprintln!(
        "train-ner: {} feature buckets with weights",
        trained.nonzero_rows()
    );
    for (name, docs) in [("train", &train_docs), ("valid", &valid_docs)] {
        if !docs.is_empty() {
            let (p, r, f) = train::evaluate(docs, &trained);
            eprintln!(
                "train-ner: {name}: tagger alone, 4 kinds, real weights: P {p:.4} R {r:.4} F1 {f:.4}"
            );
            let (p, r, f) = train::evaluate(docs, &model);
            eprintln!(
                "train-ner: {name}: tagger alone, 4 kinds, quantised:    P {p:.4} R {r:.4} F1 {f:.4}"
            );
        }
    }
    std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!("train-ner: wrote {} ({} bytes)", out.display(), bytes.len());
    Ok(())
}

/// `--check`: the committed file at `path` holds exactly `made`.
fn same_as_committed(path: &Path, made: &[u8]) -> Result<(), String> {
    let committed = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if committed == made {
        return Ok(());
    }
    Err(format!(
        "{} ({} bytes) is not what training makes from this code and data ({} bytes): \
         a change to what training reads (the tokenizer, the word lists, the features) \
         needs a retrain in the same commit: cargo run --release --bin train-ner",
        path.display(),
        committed.len(),
        made.len()
    ))
}

/// The sentences (lowercase token hashes, as the tagger sees them) of every article of
/// every seed file in `dir`, in name order: unlabeled text for the word clusters.
fn sentences_of_folder(dir: &Path) -> Result<Vec<Vec<u64>>, String> {
    let mut out = Vec::new();
    for path in text_files(dir)? {
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let file = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("doc.txt");
        let articles = dossier::corpus::parse_file(file, &bytes)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        for article in articles {
            let doc = Document::parse(&article.text, article.body);
            let ner = NerText::new(&doc);
            out.extend(
                ner.sentences
                    .iter()
                    .map(|s| ner.tokens[s.clone()].iter().map(|t| t.lower).collect()),
            );
        }
    }
    Ok(out)
}

/// The `.txt` files of `dir`, in name order.
fn text_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e} (is the development data present?)", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    Ok(names)
}

/// Reads every `NAME.txt` + `NAME.json` pair of `dir`, in name order.
fn prepare_folder(dir: &Path) -> Result<Vec<Prepared>, String> {
    text_files(dir)?
        .iter()
        .map(|p| read_example(p).map(|e| train::prepare(&e)))
        .collect()
}

fn read_example(txt: &Path) -> Result<Example, String> {
    let bytes = std::fs::read(txt).map_err(|e| format!("{}: {e}", txt.display()))?;
    let file = txt
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("doc.txt");
    let article = dossier::corpus::parse_file(file, &bytes)
        .map_err(|e| e.to_string())?
        .into_iter()
        .next()
        .ok_or(format!("{}: no article", txt.display()))?;
    let json_path = txt.with_extension("json");
    let json =
        std::fs::read_to_string(&json_path).map_err(|e| format!("{}: {e}", json_path.display()))?;
    let gold: serde_json::Value =
        serde_json::from_str(&json).map_err(|e| format!("{}: {e}", json_path.display()))?;
    let byte_of = char_to_byte_table(&article.text);
    let names = gold["entities"]
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|e| {
                    let start = *byte_of.get(e["start"].as_u64()? as usize)?;
                    let end = *byte_of.get(e["end"].as_u64()? as usize)?;
                    let kind = EntityKind::parse(e["kind"].as_str()?)?;
                    Some((ByteSpan::new(start, end), kind))
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(Example {
        text: article.text,
        body: article.body,
        names,
    })
}

/// Byte offset of every character offset (and of the end).
fn char_to_byte_table(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect()
}
