//! People, organisations and places: a statistical tagger finds the names, then the
//! mentions of one thing within the article are merged (`Zas` = `Stanislav Zas`,
//! `CSTO` = `Collective Security Treaty Organization`, `Republic of Armenia` = `Armenia`)
//! and titles such as `CSTO Secretary General` become the person's role.
//!
//! Stages, one file each: [`tokens`] (the tagger's tokens), `word`, [`features`] and
//! [`gazetteer`] (what the tagger sees of each token), [`model`] (the trained weights and
//! greedy BIO decoding), `mentions` (labels → name spans, document-level repairs), `merge`
//! (spans → entities with aliases) and `roles` (titles kept as a person's role).
//!
//! The tagger is an averaged perceptron over hashed features, trained on CoNLL-2003 train
//! only; its weights, `tagger.bin` (0.89 MB: 2^18 hashed buckets, only the ~47k that
//! matter stored, as `i16` rows), are embedded and read once, as are the word clusters its
//! features read ([`clusters`], made from unlabeled news by [`clustering`]). [`train`] rebuilds them
//! deterministically: `cargo run --release --bin train-ner` (see `src/bin/train-ner.rs`).
//! A corrupt embedded file makes [`find`] return nothing, and `shipped_model` say why.

pub mod clustering;
pub mod clusters;
mod definitions;
pub mod features;
pub mod gazetteer;
mod hashing;
mod lists;
mod mentions;
mod merge;
pub mod model;
mod roles;
pub mod spelled_out;
#[cfg(test)]
mod tagged;
mod titles;
pub mod tokens;
pub mod train;
mod word;

use super::structure::Document;
use super::{Entity, EntityMention};
use model::{Model, ModelError, WordScores};
use std::cell::RefCell;
use std::sync::OnceLock;

/// The shipped weights (see [`model`] for the format, `train-ner` for how they are made).
static TAGGER: &[u8] = include_bytes!("tagger.bin");

/// The shipped model, read once; an error if the embedded file is corrupt.
pub fn shipped_model() -> Result<&'static Model, &'static ModelError> {
    static MODEL: OnceLock<Result<Model, ModelError>> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_bytes(TAGGER)).as_ref()
}

/// Every entity named in `doc`, aliases merged, and every mention in text order.
pub fn find(doc: &Document<'_>) -> (Vec<Entity>, Vec<EntityMention>) {
    thread_local! {
        /// Kept across documents: see [`WordScores`] for why, and why it changes nothing.
        static WORD_SCORES: RefCell<WordScores> = RefCell::default();
    }
    match shipped_model() {
        Ok(model) => WORD_SCORES.with_borrow_mut(|memo| find_memoised(doc, model, memo)),
        Err(_) => (Vec::new(), Vec::new()),
    }
}

/// [`find`] with a given model.
pub fn find_with(doc: &Document<'_>, model: &Model) -> (Vec<Entity>, Vec<EntityMention>) {
    find_memoised(doc, model, &mut WordScores::default())
}

fn find_memoised(
    doc: &Document<'_>,
    model: &Model,
    memo: &mut WordScores,
) -> (Vec<Entity>, Vec<EntityMention>) {
    let ner = tokens::NerText::new(doc);
    let context = features::DocContext::new(doc.text, &ner);
    let labels = model::tag_document(&context, &ner.sentences, model, memo);
    let mentions = mentions::from_labels(doc, &ner, &labels);
    merge::merge(doc, &ner, &mentions)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::EntityKind;
    use crate::span::ByteSpan;

    const SEED: &str = include_str!("../../../../../seeds/000_c9891722df91f9a5.txt");

    fn found(text: &str) -> (Vec<Entity>, Vec<EntityMention>) {
        let article = &crate::corpus::parse_file("a.txt", text.as_bytes()).expect("article")[0];
        find(&Document::parse(&article.text, article.body))
    }

    fn entity<'a>(entities: &'a [Entity], kind: EntityKind, name: &str) -> &'a Entity {
        entities
            .iter()
            .find(|e| {
                e.kind == kind && (e.canonical == name || e.aliases.iter().any(|a| a == name))
            })
            .unwrap_or_else(|| panic!("no {kind:?} named {name} in {entities:#?}"))
    }

    #[test]
    fn memoised_tagging_gives_the_labels_of_plain_tagging() {
        let model = shipped_model().expect("model");
        let mut memo = WordScores::default();
        let headline = "SOCCER - JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT.\n\
                        AL-AIN, United Arab Emirates 1996-12-06\n\
                        Japan began the defence of their Asian Cup title with a lucky 2-1 \
                        win against Syria. China's coach Qi Wusheng said Japan were lucky.";
        // The seed twice: the second time, every word's own weights come from the memo.
        for text in [SEED, headline, SEED] {
            let doc = Document::parse(text, ByteSpan::new(0, text.len()));
            let ner = tokens::NerText::new(&doc);
            let context = features::DocContext::new(doc.text, &ner);
            let memoised = model::tag_document(&context, &ner.sentences, model, &mut memo);
            let plain = model::tag(&context, &ner.sentences, model);
            assert_eq!(memoised, plain);
            assert!(plain.iter().any(|l| *l != model::OUTSIDE));
        }
    }

    #[test]
    fn the_shipped_model_loads() {
        assert!(shipped_model().is_ok(), "{:?}", shipped_model().err());
    }

    #[test]
    fn the_seed_names_zas_with_his_role_and_alias() {
        let (entities, _) = found(SEED);
        let zas = entity(&entities, EntityKind::Person, "Stanislav Zas");
        assert_eq!(zas.canonical, "Stanislav Zas");
        assert!(zas.aliases.iter().any(|a| a == "Zas"), "{zas:?}");
        assert!(
            zas.role
                .as_deref()
                .is_some_and(|r| r.contains("Secretary General")),
            "{zas:?}"
        );
        assert_eq!(zas.id.as_str(), "person:stanislav-zas");
    }

    #[test]
    fn the_seed_names_its_organisations_and_places() {
        let (entities, mentions) = found(SEED);
        for name in ["CSTO", "UN Security Council", "ArmInfo"] {
            entity(&entities, EntityKind::Organization, name);
        }
        for name in ["Armenia", "Yerevan", "Moscow", "Azerbaijan", "Russia"] {
            entity(&entities, EntityKind::Place, name);
        }
        let armenia = entity(&entities, EntityKind::Place, "Republic of Armenia");
        assert_eq!(armenia.canonical, "Armenia");
        assert!(
            mentions
                .windows(2)
                .all(|p| p[0].span.start < p[1].span.start)
        );
        assert!(mentions.iter().all(|m| m.entity < entities.len()));
    }

    #[test]
    fn an_acronym_joins_the_name_it_abbreviates() {
        let text = "Leaders of the Collective Security Treaty Organization (CSTO) met in Minsk. \
                    The CSTO said the talks went well.";
        let (entities, mentions) = found(text);
        let csto = entity(&entities, EntityKind::Organization, "CSTO");
        assert_eq!(csto.canonical, "Collective Security Treaty Organization");
        let csto_index = entities.iter().position(|e| e.id == csto.id);
        assert_eq!(
            mentions
                .iter()
                .filter(|m| Some(m.entity) == csto_index)
                .count(),
            3
        );
    }

    #[test]
    fn a_corrupt_model_is_refused_with_a_reason_and_the_shipped_one_works() {
        // `find` turns a refused model into "no entities"; the shipped one must load.
        let error = Model::from_bytes(b"DNER\x01garbage").expect_err("corrupt file refused");
        assert!(error.to_string().contains("tagger model"));
        let mut truncated = TAGGER.to_vec();
        truncated.truncate(TAGGER.len() / 2);
        assert!(Model::from_bytes(&truncated).is_err());
        let text = "Stanislav Zas visited Yerevan.";
        let doc = Document::parse(text, ByteSpan::new(0, text.len()));
        assert!(!find(&doc).1.is_empty());
    }

    #[test]
    fn arbitrary_text_never_panics_and_spans_lie_on_char_boundaries() {
        let pieces = [
            "Zas",
            " ",
            "CSTO",
            "é",
            "Ереван",
            "\n",
            "\n\n",
            ".",
            "'s",
            "’",
            "(",
            ")",
            "-",
            "U.S.",
            "ArmInfo.",
            "The",
            "of",
            "Republic",
            "1996",
            "你好",
            "\u{301}",
            "\"",
            "A",
            "MOSCOW",
            " - ",
            "\t",
            "e\u{301}",
            "🙂",
            ",",
        ];
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..300 {
            let mut text = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            for _ in 0..(state % 60) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(pieces[(state % pieces.len() as u64) as usize]);
            }
            let doc = Document::parse(&text, ByteSpan::new(0, text.len()));
            let (entities, mentions) = find(&doc);
            for m in &mentions {
                assert!(
                    m.span.start < m.span.end && m.span.end <= text.len(),
                    "{text:?}"
                );
                assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
                assert!(m.entity < entities.len());
            }
        }
    }
}

/// Throughput of [`find`] on the Reuters-21578 scale corpus (guards >= 30 MB/s natively).
/// Run: `cargo test --release --lib entities::bench -- --ignored --nocapture`.
#[cfg(test)]
mod bench {
    use super::*;

    #[test]
    #[ignore = "a benchmark: needs the development data (../shared) and --release"]
    fn throughput_on_reuters() {
        let dir = crate::development_data().join("data/corpus/reuters21578");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("SKIPPED: {} is absent", dir.display());
            return;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        let texts: Vec<String> = paths
            .iter()
            .take(10000)
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        let bytes: usize = texts.iter().map(String::len).sum();
        let docs: Vec<Document<'_>> = texts
            .iter()
            .map(|t| Document::parse(t, crate::span::ByteSpan::new(0, t.len())))
            .collect();
        let Ok(model) = shipped_model() else {
            panic!("model")
        };
        // The machine is shared: CPU time (from /proc, 10 ms ticks) is the fairer clock.
        let cpu_seconds = || {
            let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
            let after_name = stat.rsplit(')').next().unwrap_or("");
            // utime and stime are fields 14 and 15 of the file, 12 and 13 after the name.
            let field = |n: usize| -> f64 {
                after_name
                    .split_whitespace()
                    .nth(n)
                    .and_then(|f| f.parse().ok())
                    .unwrap_or(0.0)
            };
            (field(11) + field(12)) / 100.0
        };
        let only = std::env::var("DOSSIER_BENCH_STAGE").ok();
        let time = |label: &str, f: &dyn Fn(&Document<'_>) -> usize| {
            if only.as_deref().is_some_and(|o| o != label) {
                return;
            }
            let (start, cpu) = (std::time::Instant::now(), cpu_seconds());
            let n: usize = (0..3).map(|_| docs.iter().map(f).sum::<usize>()).sum();
            let wall = start.elapsed().as_secs_f64();
            let cpu = cpu_seconds() - cpu;
            let mb = 3.0 * bytes as f64 / 1e6;
            eprintln!(
                "{label}: {:.1} MB/s wall, {:.1} MB/s cpu ({n})",
                mb / wall,
                mb / cpu
            );
        };
        time("tokens", &|d| tokens::NerText::new(d).tokens.len());
        time("context", &|d| {
            let ner = tokens::NerText::new(d);
            features::DocContext::new(d.text, &ner);
            ner.tokens.len()
        });
        let memo = RefCell::new(WordScores::default());
        time("tagging", &|d| {
            let ner = tokens::NerText::new(d);
            let context = features::DocContext::new(d.text, &ner);
            model::tag_document(&context, &ner.sentences, model, &mut memo.borrow_mut()).len()
        });
        time("mentions", &|d| {
            let ner = tokens::NerText::new(d);
            let context = features::DocContext::new(d.text, &ner);
            let labels = model::tag(&context, &ner.sentences, model);
            mentions::from_labels(d, &ner, &labels).len()
        });
        time("find", &|d| find(d).1.len());
        if only.as_deref().is_none_or(|o| o == "merge") {
            let prepared: Vec<_> = docs
                .iter()
                .map(|d| {
                    let ner = tokens::NerText::new(d);
                    let context = features::DocContext::new(d.text, &ner);
                    let labels = model::tag(&context, &ner.sentences, model);
                    let found = mentions::from_labels(d, &ner, &labels);
                    (ner, found)
                })
                .collect();
            let (start, cpu) = (std::time::Instant::now(), cpu_seconds());
            let n: usize = (0..3)
                .map(|_| {
                    docs.iter()
                        .zip(&prepared)
                        .map(|(d, (ner, found))| merge::merge(d, ner, found).1.len())
                        .sum::<usize>()
                })
                .sum();
            let mb = 3.0 * bytes as f64 / 1e6;
            let (wall, cpu) = (start.elapsed().as_secs_f64(), cpu_seconds() - cpu);
            eprintln!(
                "merge alone: {:.1} MB/s wall, {:.1} MB/s cpu ({n})",
                mb / wall,
                mb / cpu
            );
        }
    }
}
