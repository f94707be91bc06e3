//! The archive answers like the embedded build: a small hand-made corpus
//! (tests/fixtures/archive) indexed in memory and written as an archive must give the same
//! totals, hits, quotes, facet counts and histograms, and the same entity pages; the build
//! is byte-identical for the
//! same input, rewrites few parts after a small change, and reports damaged parts; its
//! part list names every file a "Save for offline" must fetch, with its size.

use dossier::archive::{
    Archive, ArchiveError, ArchiveResults, DirSource, Kind, Manifest, PartName, Problem,
    bucket_names, open_part_list,
    parts::{Buckets, Layout},
    search_from,
    write::sort_for_archive,
    write_archive, write_archive_in,
};
use dossier::corpus::{self, Article};
use dossier::extract::{Annotations, annotate};
use dossier::index::Index;
use dossier::query::{Filter, Options, Results, UnknownNames, search_with};
use dossier::resolve::Decisions;
use std::path::Path;

const FIXTURE: &str = "tests/fixtures/archive";

fn corpus_from(dir: &Path) -> (Vec<Article>, Vec<Annotations>) {
    let files = corpus::read_folder(dir).unwrap();
    let (mut articles, _) =
        corpus::parse_files(files.iter().map(|f| (f.name.as_str(), f.bytes.as_slice()))).unwrap();
    let mut annotations: Vec<Annotations> = articles.iter().map(annotate).collect();
    sort_for_archive(&mut articles, &mut annotations);
    (articles, annotations)
}

fn build(corpus: &Path, out: &Path) -> (Index, Vec<Article>, dossier::archive::WriteSummary) {
    let (articles, annotations) = corpus_from(corpus);
    let index = Index::build(&articles, &annotations);
    let summary =
        write_archive(out, &articles, &annotations, &index, &Decisions::default()).unwrap();
    (index, articles, summary)
}

fn open(dir: &Path) -> (Archive, DirSource) {
    let source = DirSource::new(dir);
    let manifest = Manifest::parse(&source.manifest().unwrap()).unwrap();
    let stored = std::fs::read(dir.join("parts").join(manifest.catalogue.to_string())).unwrap();
    (Archive::open(&manifest, &stored).unwrap(), source)
}

/// Fetches the parts `needs` names from `source` and adds them to `archive`.
fn add_needed(archive: &mut Archive, source: &mut DirSource, needs: dossier::archive::Needs) {
    for name in needs.0 {
        let stored = dossier::archive::PartSource::fetch(source, &name).unwrap();
        archive.add(name, &stored).unwrap();
    }
}

/// `ask`'s answer, fetching from `source` the parts it names until it answers.
fn answered<T>(
    archive: &mut Archive,
    source: &mut DirSource,
    ask: impl Fn(&Archive) -> Result<T, dossier::archive::Needs>,
) -> T {
    loop {
        match ask(archive) {
            Ok(answer) => return answer,
            Err(needs) => add_needed(archive, source, needs),
        }
    }
}

/// What both builds must agree on, in comparable form.
fn embedded_view(index: &Index, articles: &[Article], results: &Results) -> String {
    let hits: Vec<String> = results
        .hits
        .iter()
        .map(|h| format!("{} {}", index.doc(h.doc).unwrap().id, h.score))
        .collect();
    let quotes: Vec<String> = results
        .quotes
        .iter()
        .map(|q| {
            let entry = index.quotes()[q.quote as usize];
            let speaker = q.speaker.map(|s| &index.speakers()[s as usize]);
            format!(
                "{} #{} {:?} {:?} {:?} {:?}",
                index.doc(q.doc).unwrap().id,
                entry.number,
                speaker.map(|s| &s.key),
                q.span,
                speaker.map_or("", |s| s.name.as_str()),
                q.span.slice(&articles[q.doc as usize].text)
            )
        })
        .collect();
    format!(
        "total {}\nhits {hits:?}\nquotes {quotes:?}\nfacets {:?}\nhistogram {:?}\nhighlight {:?}",
        results.total, results.facets, results.histogram, results.highlight
    )
}

fn archive_view(results: &ArchiveResults) -> String {
    let hits: Vec<String> = results
        .hits
        .iter()
        .map(|h| format!("{} {}", h.entry.id, h.score))
        .collect();
    let quotes: Vec<String> = results
        .quotes
        .iter()
        .map(|q| {
            format!(
                "{} #{} {:?} {:?} {:?} {:?}",
                q.article, q.number, q.speaker, q.span, q.speaker_name, q.text
            )
        })
        .collect();
    format!(
        "total {}\nhits {hits:?}\nquotes {quotes:?}\nfacets {:?}\nhistogram {:?}\nhighlight {:?}",
        results.total, results.facets, results.histogram, results.highlight
    )
}

#[test]
fn the_archive_answers_every_filter_as_the_in_memory_index_does() {
    let site = tempfile::tempdir().unwrap();
    let (index, articles, _) = build(Path::new(FIXTURE), site.path());
    let mut links: Vec<String> = [
        "",
        "q=oil",
        "q=oil prices",
        "q=\"oil prices\"",
        "q=\"crude oil\" -heating",
        "q=pric",
        "q=prices ",
        "q=prizes ",
        "q=rpices ",
        "q=oil OR dollar",
        "q=-oil",
        "q=nothing-like-this",
        "from=1987-03&to=1987-03",
        "from=1987",
        "to=1987-02",
        "from=1987-03-02&to=1987-03-02",
        "q=oil&from=1987-03&to=1987-04",
        "source=Reuters",
        "source=Nobody",
        "q=oil&source=AP",
        "e=person:nobody-at-all",
        "sort=newest",
        "sort=oldest",
        "q=oil&sort=newest",
        "q=oil&sort=oldest",
        "source=Reuters&from=1987-03&sort=oldest",
        "dates=mentioned",
        "dates=mentioned&from=1987-03&to=1987-03",
        "dates=mentioned&from=1987",
        "dates=mentioned&to=1987-02",
        "q=oil&dates=mentioned&from=1987-03-02&to=1987-03-02",
        "dates=mentioned&sort=oldest&view=quotes",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for entity in index.entities() {
        links.push(format!("e={}", entity.id.as_str()));
        links.push(format!("e={}&view=quotes&q=said", entity.id.as_str()));
    }
    for speaker in index.speakers() {
        links.push(format!("s={}", speaker.key));
    }
    assert!(index.entities().len() > 5 && !index.speakers().is_empty());
    assert_same_answers(&index, &articles, site.path(), &links);
}

#[test]
fn a_words_typos_come_with_its_postings_and_a_misspelt_word_reads_the_lexicons() {
    let site = tempfile::tempdir().unwrap();
    let (index, articles, _) = build(Path::new(FIXTURE), site.path());
    let lexicons_read = |link: &str| {
        let (mut archive, mut source) = open(site.path());
        let (filter, _) = Filter::from_query_string(link);
        let got = search_from(&mut archive, &mut source, &filter, Options::default()).unwrap();
        let expected = embedded_view(
            &index,
            &articles,
            &search_with(&index, &filter, Options::default()),
        );
        assert_eq!(archive_view(&got), expected, "link `{link}`");
        archive
            .fetched()
            .iter()
            .filter(|f| matches!(f.name.kind, Kind::Lexicon | Kind::Lexicon2))
            .count()
    };
    assert_eq!(lexicons_read("q=prices "), 0);
    assert_eq!(lexicons_read("q=oil prices"), 0);
    // Not in any document: only the lexicons know what is one edit from it.
    assert!(lexicons_read("q=rpices ") > 0);
}

/// Every link, with full and with short lists, answered from the archive in `site` as
/// `index` answers it.
fn assert_same_answers(index: &Index, articles: &[Article], site: &Path, links: &[String]) {
    let (mut archive, mut source) = open(site);
    for options in [
        Options::default(),
        Options {
            hits: 2,
            quotes: 1,
            facet_values: 3,
            ..Options::default()
        },
    ] {
        for link in links {
            let (filter, notices) = Filter::from_query_string(link);
            assert!(notices.is_empty(), "{link}: {notices:?}");
            let expected = embedded_view(index, articles, &search_with(index, &filter, options));
            let got = search_from(&mut archive, &mut source, &filter, options).unwrap();
            assert_eq!(archive_view(&got), expected, "link `{link}`");
        }
    }
}

#[test]
fn metadata_field_links_and_facets_answer_as_the_in_memory_index_does() {
    // The wire stories carry topics, places and authors in their front matter.
    let site = tempfile::tempdir().unwrap();
    let (index, articles, _) = build(Path::new("tests/fixtures/wire"), site.path());
    let meta = index.meta_fields();
    assert!(meta.fields().len() >= 2, "{:?}", meta.fields());
    let mut links: Vec<String> = ["", "q=oil", "m.topics=nothing-like-this", "m.nofield=x"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for field in meta.fields() {
        for v in field.values.clone() {
            let value = meta.value(v);
            let encoded = value.replace(' ', "+").replace(',', "%2C");
            links.push(format!("m.{}={encoded}", field.name));
            links.push(format!("m.{}={encoded}&q=oil&sort=oldest", field.name));
        }
    }
    let first = &meta.fields()[0];
    let second = &meta.fields()[1];
    links.push(format!(
        "m.{}={}&m.{}={}",
        first.name,
        meta.value(first.values.start),
        second.name,
        meta.value(second.values.start)
    ));
    assert_same_answers(&index, &articles, site.path(), &links);
}

#[test]
fn an_article_id_finds_its_document_from_one_small_part() {
    let site = tempfile::tempdir().unwrap();
    let (_, articles, _) = build(Path::new(FIXTURE), site.path());
    let (mut archive, mut source) = open(site.path());
    for (doc, article) in articles.iter().enumerate() {
        let id = article.id.as_str();
        // At most two rounds of one small part each: the list naming the id's bucket
        // (once for all ids it lists), then the bucket.
        let mut rounds = Vec::new();
        let found = loop {
            match archive.doc_of(id) {
                Ok(found) => break found,
                Err(needs) => {
                    assert_eq!(needs.0.len(), 1, "one part at a time");
                    rounds.push(needs.0[0].kind);
                    add_needed(&mut archive, &mut source, needs);
                }
            }
        };
        assert!(
            [&[][..], &[Kind::Ids], &[Kind::BucketList, Kind::Ids]].contains(&rounds.as_slice()),
            "{rounds:?}"
        );
        assert_eq!(found, Some(doc as u32), "{id}");
    }
    let unknown = archive.doc_of("no-such-article");
    assert!(matches!(unknown, Ok(None) | Err(_)), "{unknown:?}");
    if let Err(needs) = unknown {
        add_needed(&mut archive, &mut source, needs);
        assert_eq!(archive.doc_of("no-such-article"), Ok(None));
    }
    // The bucket lists, named by the catalogue, are all the ids parts ever read through them.
    let lists = archive
        .fetched()
        .iter()
        .filter(|f| f.name.kind == Kind::BucketList)
        .count();
    assert!(lists >= 1, "ids buckets are named by bucket lists");
}

#[test]
fn names_no_article_has_are_told_apart_as_the_embedded_build_tells_them() {
    let site = tempfile::tempdir().unwrap();
    let (index, _, _) = build(Path::new(FIXTURE), site.path());
    let (mut archive, mut source) = open(site.path());
    let known_entity = index.entities()[0].id.as_str().to_string();
    let known_speaker = index
        .speakers()
        .first()
        .map(|s| s.key.clone())
        .expect("the fixture quotes someone");
    let query = format!(
        "e={known_entity}&e=person:ottoline-brackenbury&s={known_speaker}&s=the-harbour-master"
    );
    let (filter, _) = Filter::from_query_string(&query);
    let unknown = loop {
        match archive.unknown_names(&filter) {
            Ok(unknown) => break unknown,
            Err(needs) => {
                assert!(!needs.0.is_empty());
                add_needed(&mut archive, &mut source, needs);
            }
        }
    };
    assert_eq!(unknown, UnknownNames::of(&index, &filter));
    assert_eq!(
        unknown
            .entities
            .iter()
            .map(|e| e.as_str())
            .collect::<Vec<_>>(),
        ["person:ottoline-brackenbury"]
    );
    assert_eq!(unknown.speakers, ["the-harbour-master"]);
}

#[test]
fn a_links_entities_and_speakers_are_named_as_the_embedded_build_names_them_even_those_no_facet_lists()
 {
    let site = tempfile::tempdir().unwrap();
    let (index, _, _) = build(Path::new(FIXTURE), site.path());
    let (mut archive, mut source) = open(site.path());
    // Every kind, miscellaneous names included (no facet lists them), and a name no
    // article has, which has no name to show.
    let mut wanted: Vec<_> = index.entities().iter().take(40).collect();
    let misc = index
        .entities()
        .iter()
        .find(|e| e.kind == dossier::extract::EntityKind::Misc)
        .expect("the fixture names a miscellaneous entity");
    wanted.push(misc);
    // Speakers too (after the entities, under their keys), and one nobody is.
    let speakers: Vec<_> = index.speakers().iter().collect();
    assert!(!speakers.is_empty(), "the fixture quotes someone");
    let query: Vec<String> = wanted
        .iter()
        .map(|e| format!("e={}", e.id.as_str()))
        .chain(["e=person:ottoline-brackenbury".to_string()])
        .chain(speakers.iter().map(|s| format!("s={}", s.key)))
        .chain(["s=the-harbour-master".to_string()])
        .collect();
    let (filter, _) = Filter::from_query_string(&query.join("&"));
    let names = answered(&mut archive, &mut source, |a| a.entity_names(&filter));
    let expected: Vec<(String, String)> = wanted
        .iter()
        .map(|e| (e.id.as_str().to_string(), e.name.clone()))
        .chain(speakers.iter().map(|s| (s.key.clone(), s.name.clone())))
        .collect();
    let got: Vec<(String, String)> = names
        .into_iter()
        .map(|(id, name)| (id.as_str().to_string(), name))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn a_view_fetches_only_the_parts_it_needs() {
    let site = tempfile::tempdir().unwrap();
    let (_, _, summary) = build(Path::new(FIXTURE), site.path());
    let (mut archive, mut source) = open(site.path());
    let (filter, _) = Filter::from_query_string("e=person:james-baker");
    let results = search_from(&mut archive, &mut source, &filter, Options::default()).unwrap();
    assert!(results.total > 0);
    let fetched = archive.fetched();
    assert!(fetched.len() < summary.parts / 4, "{fetched:?}");
    assert!(
        fetched
            .iter()
            .all(|f| !matches!(f.name.kind, dossier::archive::Kind::Texts)),
        "a result list needs no full texts"
    );
    // One entity's view counts its facets from its bucket's `keyfacets` part, not from
    // the `facets` parts every other filtered view reads.
    let kinds: Vec<Kind> = fetched.iter().map(|f| f.name.kind).collect();
    assert!(kinds.contains(&Kind::KeyFacets), "{kinds:?}");
    assert!(!kinds.contains(&Kind::Facets), "{kinds:?}");
    let organizations = &results.facets.organizations.values;
    assert!(!organizations.is_empty() && organizations.iter().all(|v| v.count > 0));
    let (narrowed, _) = Filter::from_query_string("e=person:james-baker&q=said");
    search_from(&mut archive, &mut source, &narrowed, Options::default()).unwrap();
    assert!(
        archive
            .fetched()
            .iter()
            .any(|f| f.name.kind == Kind::Facets),
        "a view filtered by more than one key counts from the postings"
    );
    // The article text is one more part away, and comes back as it was stored.
    let doc = results.hits[0].doc;
    let needs = archive.text(doc).unwrap_err();
    add_needed(&mut archive, &mut source, needs);
    let (article, _) = archive.text(doc).unwrap().unwrap();
    let article: Article = serde_json::from_str(&article).unwrap();
    assert_eq!(article.id.0, results.hits[0].entry.id);
}

#[test]
fn a_view_counts_the_facet_panels_it_is_asked_for_and_reads_only_their_postings() {
    use dossier::extract::EntityKind;
    use dossier::query::{Facet, FacetSet};
    let site = tempfile::tempdir().unwrap();
    build(Path::new(FIXTURE), site.path());
    let (filter, _) = Filter::from_query_string("q=said");
    let (mut whole, mut source) = open(site.path());
    let every = search_from(&mut whole, &mut source, &filter, Options::default()).unwrap();
    assert_eq!(every.facets.counted, FacetSet::ALL);
    let people = FacetSet::of(&Facet::Entities(EntityKind::Person));
    let places = FacetSet::of(&Facet::Entities(EntityKind::Place));
    let facet_parts = |archive: &Archive| -> Vec<PartName> {
        let mut parts: Vec<PartName> = archive
            .fetched()
            .iter()
            .map(|f| f.name)
            .filter(|name| name.kind == Kind::Facets)
            .collect();
        parts.sort();
        parts
    };
    let chunks_of = |archive: &Archive, tables: &[usize]| -> Vec<PartName> {
        let mut parts: Vec<PartName> = tables
            .iter()
            .flat_map(|&t| archive.catalogue().facets[t].chunks.clone())
            .collect();
        parts.sort();
        parts
    };

    // The people's panel alone: its postings and nothing else's; sources cost no postings.
    let (mut archive, mut source) = open(site.path());
    let asked = Options {
        facet_panels: people,
        ..Options::default()
    };
    let first = search_from(&mut archive, &mut source, &filter, asked).unwrap();
    assert_eq!(facet_parts(&archive), chunks_of(&archive, &[0]));
    assert!(first.facets.counted.contains(people));
    assert!(first.facets.counted.has(&Facet::Sources));
    assert!(!first.facets.counted.contains(places));
    assert!(!first.facets.counted.has(&Facet::Field("topics".into())));
    assert_eq!(first.facets.people, every.facets.people);
    assert_eq!(first.facets.sources, every.facets.sources);
    assert!(!every.facets.places.values.is_empty());
    assert!(
        first.facets.places.values.is_empty(),
        "an uncounted panel is empty, not zero"
    );
    assert_eq!(first.total, every.total);
    assert_eq!(
        archive_view(&first).lines().next(),
        archive_view(&every).lines().next()
    );

    // Scrolled to the places: their postings join, and the counts are the whole view's.
    let more = Options {
        facet_panels: people.with(places),
        ..Options::default()
    };
    let second = search_from(&mut archive, &mut source, &filter, more).unwrap();
    assert_eq!(facet_parts(&archive), chunks_of(&archive, &[0, 2]));
    assert_eq!(second.facets.places, every.facets.places);
    assert_eq!(second.facets.people, every.facets.people);

    // Counts that cost no postings come for every panel: the whole collection's.
    let (everything, _) = Filter::from_query_string("");
    let none_asked = Options {
        facet_panels: FacetSet::NONE,
        ..Options::default()
    };
    let plain = search_from(&mut archive, &mut source, &everything, more).unwrap();
    assert_eq!(plain.facets.counted, FacetSet::ALL);
    assert!(!plain.facets.organizations.values.is_empty());
    let listless = search_from(&mut archive, &mut source, &filter, none_asked).unwrap();
    assert_eq!(listless.facets.counted, FacetSet::NONE);
    assert!(listless.facets.people.values.is_empty());
}

fn files_of(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = corpus::read_folder(dir)
        .unwrap()
        .into_iter()
        .map(|f| (f.name, f.bytes))
        .collect();
    out.sort();
    out
}

#[test]
fn the_part_list_names_every_other_file_with_its_size_and_the_manifest_counts_them_all() {
    let site = tempfile::tempdir().unwrap();
    let (_, _, summary) = build(Path::new(FIXTURE), site.path());
    let manifest = Manifest::parse(&DirSource::new(site.path()).manifest().unwrap()).unwrap();
    let list_name = manifest.list.expect("the manifest names the part list");
    assert_eq!(Some(list_name), summary.list);
    let files = files_of(&site.path().join("parts"));
    let stored = &files
        .iter()
        .find(|(name, _)| *name == list_name.to_string())
        .expect("the part list is a file of the archive")
        .1;
    let list = open_part_list(&list_name, stored).unwrap();
    let mut expected: Vec<(PartName, u64)> = files
        .iter()
        .filter(|(name, _)| *name != list_name.to_string())
        .map(|(name, bytes)| (PartName::parse(name).unwrap(), bytes.len() as u64))
        .collect();
    expected.sort();
    assert_eq!(list.parts, expected);
    assert!(list.parts.iter().any(|(n, _)| n.kind == Kind::Catalogue));
    // What "Save for offline" downloads: every file, the list included.
    let on_disk: u64 = files.iter().map(|(_, bytes)| bytes.len() as u64).sum();
    assert_eq!(
        (manifest.parts, manifest.bytes),
        (files.len() as u64, on_disk)
    );
    assert_eq!(list.bytes() + stored.len() as u64, on_disk);
    // A damaged list is refused like any part.
    let mut damaged = stored.clone();
    damaged[10] ^= 1;
    assert_eq!(
        open_part_list(&list_name, &damaged).unwrap_err().problem,
        Problem::WrongHash
    );
}

#[test]
fn a_manifest_without_a_part_list_still_opens() {
    let site = tempfile::tempdir().unwrap();
    build(Path::new(FIXTURE), site.path());
    let json = DirSource::new(site.path()).manifest().unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    value.as_object_mut().unwrap().remove("list");
    let older = Manifest::parse(&value.to_string()).unwrap();
    assert_eq!(older.list, None);
    value["list"] = serde_json::json!("00000000000000000000000000000000.docs");
    assert!(
        Manifest::parse(&value.to_string()).is_err(),
        "a list must be a partlist"
    );
}

#[test]
fn the_same_input_gives_byte_identical_output() {
    let (one, two) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    build(Path::new(FIXTURE), one.path());
    build(Path::new(FIXTURE), two.path());
    let (a, b) = (files_of(one.path()), files_of(two.path()));
    assert!(a.len() > 10);
    assert_eq!(a, b);
}

#[test]
fn changing_one_article_rewrites_few_parts_and_says_so() {
    let seeds = tempfile::tempdir().unwrap();
    for (name, bytes) in files_of(Path::new(FIXTURE)) {
        std::fs::write(seeds.path().join(name), bytes).unwrap();
    }
    let site = tempfile::tempdir().unwrap();
    let (_, _, first) = build(seeds.path(), site.path());
    assert_eq!(first.written, first.parts);
    let (_, _, again) = build(seeds.path(), site.path());
    assert_eq!((again.written, again.removed), (0, 0), "nothing changed");
    let changed = seeds.path().join("a05.txt");
    let mut text = std::fs::read_to_string(&changed).unwrap();
    text.push_str("Growers were pleased.\n");
    std::fs::write(&changed, text).unwrap();
    let (_, _, after) = build(seeds.path(), site.path());
    // Its text and docs parts and their tables, the buckets and lexicons of its words, the
    // catalogue: a quarter of this tiny archive, a small fraction of a large one.
    assert!(
        after.written > 0 && after.written * 4 <= after.parts,
        "{after:?}"
    );
    assert!(after.kept >= after.parts - after.written);
    assert_eq!(after.removed, after.written - (after.parts - first.parts));
    assert_eq!(files_of(&site.path().join("parts")).len(), after.parts);
}

#[test]
fn a_missing_or_damaged_part_is_named_with_its_problem() {
    let site = tempfile::tempdir().unwrap();
    build(Path::new(FIXTURE), site.path());
    let parts = site.path().join("parts");
    let names: Vec<PartName> = files_of(&parts)
        .iter()
        .map(|(n, _)| PartName::parse(n).unwrap())
        .collect();
    let terms = names
        .iter()
        .find(|n| n.kind == dossier::archive::Kind::Terms);
    let docs = names
        .iter()
        .find(|n| n.kind == dossier::archive::Kind::Docs);
    let (terms, docs) = (terms.unwrap(), docs.unwrap());
    std::fs::remove_file(parts.join(terms.to_string())).unwrap();
    let path = parts.join(docs.to_string());
    let mut bytes = std::fs::read(&path).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x20;
    std::fs::write(&path, bytes).unwrap();

    let (mut archive, mut source) = open(site.path());
    let (filter, _) = Filter::from_query_string("q=oil");
    match search_from(&mut archive, &mut source, &filter, Options::default()) {
        Err(ArchiveError::Part(e)) => {
            assert_eq!(e.part, terms.to_string());
            assert!(matches!(e.problem, Problem::Missing(_)));
            assert!(e.to_string().contains("missing"), "{e}");
        }
        other => panic!("expected a missing part, got {other:?}"),
    }
    let (filter, _) = Filter::from_query_string("source=Reuters");
    match search_from(&mut archive, &mut source, &filter, Options::default()) {
        Err(ArchiveError::Part(e)) => {
            assert_eq!((e.part, e.problem), (docs.to_string(), Problem::WrongHash));
        }
        other => panic!("expected a damaged part, got {other:?}"),
    }
}

/// A collection whose articles mention many dates: days, months, years and ranges, a few
/// implausible years, and (in undated articles) dates without a year — enough mentions
/// for several `mentioned` parts.
fn write_dated_corpus(dir: &Path, articles: usize) {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    for i in 0..articles {
        let month = |k: usize| MONTHS[(i * 7 + k) % 12];
        let day = 1 + (i * 13) % 28;
        let year = 1980 + i % 12;
        let front = if i % 10 == 9 {
            String::new()
        } else {
            format!("date: {}-{:02}-{:02}\n", 1985 + i % 4, 1 + i % 12, day)
        };
        let text = format!(
            "---\ntitle: Report {i}\n{front}---\nThe council met on {} {day}, {year}, and again in {} {}. \
             Its plan runs from {} {} to {} {}. Output fell in {} and is due to recover by {} {day}. \
             A note from {} recalled the year {}.\n",
            month(0),
            month(3),
            year + 1,
            month(5),
            year,
            month(8),
            year + 2,
            year - 1,
            month(1),
            1700 + i % 5,
            1950 + i % 40,
        );
        std::fs::write(dir.join(format!("r{i:05}.md")), text).unwrap();
    }
}

#[test]
fn mentioned_date_links_answer_as_the_in_memory_index_does_from_the_parts_of_their_range() {
    let corpus = tempfile::tempdir().unwrap();
    write_dated_corpus(corpus.path(), 2_500);
    let site = tempfile::tempdir().unwrap();
    let (index, articles, summary) = build(corpus.path(), site.path());
    let (parts, _) = summary.by_kind[&Kind::Mentioned];
    assert!(parts >= 3, "{parts} mentioned parts");
    let mut links: Vec<String> = [
        "dates=mentioned",
        "dates=mentioned&sort=oldest",
        "dates=mentioned&from=1987-03&to=1987-04",
        "dates=mentioned&from=1983-05-14&to=1983-05-14",
        "dates=mentioned&from=1991",
        "dates=mentioned&to=1981-06",
        "dates=mentioned&from=1702&to=1703",
        "dates=mentioned&from=2100",
        "q=council&dates=mentioned&from=1985&to=1986",
        "q=council&dates=mentioned",
        "dates=mentioned&from=1984-02&to=1984-02&view=quotes",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for year in 1978..1995 {
        links.push(format!("dates=mentioned&from={year}-06&to={year}-09"));
    }
    // The collection has what the parts must carry: implausible years, dates without a
    // year, and ranges that select some of the articles.
    let embedded = |link: &str| {
        search_with(
            &index,
            &Filter::from_query_string(link).0,
            Options::default(),
        )
    };
    let every = embedded("dates=mentioned").histogram;
    assert!(
        every.left_out > 0 && !every.year_unknown.is_empty(),
        "{every:?}"
    );
    let some = embedded("dates=mentioned&from=1987-03&to=1987-04").total;
    assert!(some > 0 && some < index.len(), "{some}");
    assert_same_answers(&index, &articles, site.path(), &links);

    // A range reads only some of the parts: fewer than the histogram of every mention.
    let mentioned_fetched = |link: &str| {
        let (mut archive, mut source) = open(site.path());
        let (filter, _) = Filter::from_query_string(link);
        search_from(&mut archive, &mut source, &filter, Options::default()).unwrap();
        archive
            .fetched()
            .iter()
            .filter(|f| f.name.kind == Kind::Mentioned)
            .count()
    };
    assert_eq!(mentioned_fetched("dates=mentioned"), parts);
    assert!(mentioned_fetched("dates=mentioned&from=1983-05&to=1983-05") < parts);
    assert_eq!(mentioned_fetched("from=1987"), 0);
}

#[test]
fn the_readers_mentioned_dates_add_to_the_archives_as_in_one_index_over_both() {
    let corpus = tempfile::tempdir().unwrap();
    write_dated_corpus(corpus.path(), 400);
    // The newest articles are the reader's: their publication years widen the plausible
    // years of mentioned dates beyond the archive's.
    let Split {
        site,
        site_index,
        own_articles,
        own_index,
        both,
        ..
    } = split(corpus.path(), 300, 40);
    let site_docs = site_index.len() as u32;
    let (mut archive, mut source) = open(site.path());
    let options = Options::default();
    for link in [
        "dates=mentioned",
        "dates=mentioned&from=1986&to=1987",
        "q=council&dates=mentioned&from=1702",
    ] {
        let (filter, _) = Filter::from_query_string(link);
        let expected = search_with(&both, &filter, options);
        let own = (own_articles.as_slice(), &own_index);
        let mixed = mix(&mut archive, &mut source, own, site_docs, &filter, options);
        assert_eq!(mixed.total, expected.total, "{link}");
        assert_eq!(mixed.histogram, expected.histogram, "{link}");
        assert_same_overview(&mut archive, &mut source, &own_index, &both, filter);
    }
}

#[test]
fn an_archive_built_before_mentioned_dates_says_it_cannot_answer_them() {
    let site = tempfile::tempdir().unwrap();
    // Builds before mentioned dates cut `docs` parts as the first layout did.
    let (articles, annotations) = corpus_from(Path::new(FIXTURE));
    let index = Index::build(&articles, &annotations);
    write_archive_in(
        Layout::FIRST,
        site.path(),
        &articles,
        &annotations,
        &index,
        &Decisions::default(),
    )
    .unwrap();
    // The catalogue as a build before mentioned dates wrote it: the same, without them.
    let source = DirSource::new(site.path());
    let manifest = Manifest::parse(&source.manifest().unwrap()).unwrap();
    let stored = std::fs::read(
        site.path()
            .join("parts")
            .join(manifest.catalogue.to_string()),
    )
    .unwrap();
    let archive = Archive::open(&manifest, &stored).unwrap();
    let mut older = archive.catalogue().clone();
    assert!(older.mentioned.is_some());
    older.mentioned = None;
    older.names = Buckets::default();
    older.fates = Buckets::default();
    // It named its buckets itself: bucket lists came later.
    for buckets in [&mut older.ids, &mut older.profiles, &mut older.field_values] {
        *buckets =
            Buckets::Listed(bucket_names(buckets, &mut DirSource::new(site.path())).unwrap());
    }
    replace_catalogue(site.path(), &older);

    let (mut archive, mut source) = open(site.path());
    let (filter, _) = Filter::from_query_string("dates=mentioned&from=1987");
    match archive.search(&filter, Options::default()) {
        Err(ArchiveError::Unsupported(what)) => assert!(what.contains("rebuild"), "{what}"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    // Every other view still answers.
    let (filter, _) = Filter::from_query_string("q=oil&from=1987");
    assert!(search_from(&mut archive, &mut source, &filter, Options::default()).is_ok());
}

/// Makes `catalogue` the archive at `site`'s catalogue, as a build that wrote it would.
fn replace_catalogue(site: &Path, catalogue: &dossier::archive::parts::Catalogue) {
    let (name, bytes) = dossier::archive::codec::seal(Kind::Catalogue, &catalogue.encode());
    std::fs::write(site.join("parts").join(name.to_string()), bytes).unwrap();
    let manifest = DirSource::new(site).manifest().unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    value["catalogue"] = serde_json::Value::String(name.to_string());
    std::fs::write(site.join("manifest.json"), value.to_string()).unwrap();
}

#[test]
fn an_archive_whose_catalogue_names_its_buckets_itself_answers_as_one_with_bucket_lists() {
    let with_lists = tempfile::tempdir().unwrap();
    let (index, articles, _) = build(Path::new(FIXTURE), with_lists.path());
    let listed = tempfile::tempdir().unwrap();
    build(Path::new(FIXTURE), listed.path());
    // What builds before bucket lists wrote: every bucket named in the catalogue.
    let (archive, mut source) = open(listed.path());
    let mut older = archive.catalogue().clone();
    let keyed = [
        &mut older.ids,
        &mut older.profiles,
        &mut older.field_values,
        &mut older.names,
        &mut older.fates,
    ];
    for buckets in keyed {
        assert!(matches!(buckets, Buckets::InLists { .. }) || buckets.is_empty());
        *buckets = Buckets::Listed(bucket_names(buckets, &mut source).unwrap());
    }
    assert!(!older.ids.is_empty() && !older.profiles.is_empty() && !older.names.is_empty());
    replace_catalogue(listed.path(), &older);

    let mut sites = [open(with_lists.path()), open(listed.path())];
    let entity = |e: usize| index.entities()[e].id.as_str().to_string();
    let shown = dossier::archive::EntityShown {
        articles: 5,
        quotes_by: 5,
        quotes_about: 5,
    };
    let answers = sites.each_mut().map(|(archive, source)| {
        let ids: Vec<Option<u32>> = articles
            .iter()
            .map(|a| answered(archive, source, |archive| archive.doc_of(a.id.as_str())))
            .collect();
        let pages: Vec<String> = (0..index.entities().len().min(20))
            .map(|e| {
                let page = answered(archive, source, |archive| {
                    archive.entity_page(&entity(e), shown)
                });
                // Its entries in document order (a hash map's order is its own).
                let mut page = page.expect("an entity page");
                let entries: std::collections::BTreeMap<_, _> =
                    std::mem::take(&mut page.entries).into_iter().collect();
                format!("{page:?} {entries:?}")
            })
            .collect();
        let (filter, _) = Filter::from_query_string("q=oil");
        let found: Vec<String> = ["a", "ba", "ja", "new", "zz"]
            .iter()
            .map(|needle| {
                let found = answered(archive, source, |archive| {
                    archive.find_values(&filter, 0, needle, 10).unwrap()
                });
                format!("{found:?}")
            })
            .collect();
        let fates = answered(archive, source, |archive| {
            archive.fates_of(&[entity(0), "person:nobody".to_string()])
        });
        (ids, pages, found, format!("{fates:?}"))
    });
    assert!(answers[0].0.iter().all(Option::is_some));
    assert!(answers[0].2.iter().any(|found| found.contains("Some")));
    let [new, old] = &answers;
    assert_eq!(new.0, old.0, "article ids");
    for (new, old) in new.1.iter().zip(&old.1) {
        assert_eq!(new, old, "entity pages");
    }
    assert_eq!(new.2, old.2, "find boxes");
    assert_eq!(new.3, old.3, "fates");
    // Only the archive with bucket lists read any.
    let lists = |archive: &Archive| {
        archive
            .fetched()
            .iter()
            .filter(|f| f.name.kind == Kind::BucketList)
            .count()
    };
    assert!(lists(&sites[0].0) > 0);
    assert_eq!(lists(&sites[1].0), 0);
}

#[test]
fn archives_in_every_docs_layout_answer_alike() {
    let corpus = tempfile::tempdir().unwrap();
    write_dated_corpus(corpus.path(), 2_500);
    let (articles, annotations) = corpus_from(corpus.path());
    let index = Index::build(&articles, &annotations);
    // What older builds wrote, what a million articles get, what a small archive gets.
    let layouts = [Layout::FIRST, Layout::LARGE, Layout::for_docs(2_500)];
    assert_eq!(layouts[2].docs_per_part, 4);
    let sites = layouts.map(|layout| {
        let site = tempfile::tempdir().unwrap();
        let (a, i) = (&articles, &annotations);
        write_archive_in(layout, site.path(), a, i, &index, &Decisions::default()).unwrap();
        site
    });
    let mut opened = sites.each_ref().map(|site| open(site.path()));
    let docs = opened[1].0.catalogue().docs;
    // Several `doctable` parts today, one in the first layout: a hit in each of them.
    let tables = opened
        .each_ref()
        .map(|(a, _)| a.catalogue().doc_tables.len());
    assert_eq!(tables, [1, 3, 10]);
    let links = [
        "q=council",
        "q=council&sort=oldest",
        "q=recover&from=1986-05",
        "from=1988",
    ];
    for link in links {
        let (filter, _) = Filter::from_query_string(link);
        let options = Options {
            hits: docs as usize,
            ..Options::default()
        };
        let [first, large, small] = opened
            .each_mut()
            .map(|(a, s)| search_from(a, s, &filter, options).unwrap());
        assert!(large.total > 0, "{link}");
        assert_eq!(archive_view(&first), archive_view(&large), "{link}");
        assert_eq!(archive_view(&first), archive_view(&small), "{link}");
    }
    // Every article's text is found through its `docs` part in every layout.
    for doc in [0, 3, 4, 15, 16, 31, 32, 255, 256, 1023, 1024, docs - 1] {
        let [first, today, small] = opened
            .each_mut()
            .map(|(a, s)| answered(a, s, |a| a.text(doc)).expect("every document has a text"));
        assert_eq!(first, today, "document {doc}");
        assert_eq!(first, small, "document {doc}");
        let (article, _) = dossier::archive::parts::parse_text(doc, &today.0, &today.1).unwrap();
        assert_eq!(article.id, articles[doc as usize].id, "document {doc}");
    }
}

/// Runs the `dossier` binary; returns (exit code, stdout, stderr).
fn dossier(args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_bad_seed_stops_the_build_with_the_message_query_gives() {
    let seeds = tempfile::tempdir().unwrap();
    for (name, bytes) in files_of(Path::new(FIXTURE)) {
        std::fs::write(seeds.path().join(name), bytes).unwrap();
    }
    std::fs::write(seeds.path().join("broken.json"), "{\"title\": \"no end").unwrap();
    let site = tempfile::tempdir().unwrap();
    let out = site.path().join("site");
    let (code, _, stderr) = dossier(&[
        "build".as_ref(),
        seeds.path().as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert!(!out.join("archive/manifest.json").exists());
    let (_, _, query_stderr) = dossier(&["query".as_ref(), seeds.path().as_os_str()]);
    let complaint = |text: &str| {
        text.lines()
            .find(|l| l.contains("broken.json"))
            .map(str::to_string)
    };
    assert!(complaint(&stderr).is_some(), "{stderr}");
    assert_eq!(complaint(&stderr), complaint(&query_stderr));
}

#[test]
fn the_command_line_packs_its_articles_and_writes_what_parsed_articles_write() {
    // `dossier build` keeps its articles and annotations packed between stages
    // (src/article_source.rs, `resolve::resolve_packed`); the library, given the parsed
    // articles and plain annotations through the same stages, must write the same bytes.
    let (packed, stderr) = built_site(Path::new(FIXTURE));
    assert!(stderr.contains("kept packed"), "{stderr}");
    let files = corpus::read_folder(Path::new(FIXTURE)).unwrap();
    let (articles, _) =
        corpus::parse_files(files.iter().map(|f| (f.name.as_str(), f.bytes.as_slice()))).unwrap();
    let annotations: Vec<Annotations> = articles.iter().map(annotate).collect();
    let resolved = dossier::resolve::resolve(&articles, annotations);
    let (mut articles, mut annotations) = (articles, resolved.annotations);
    sort_for_archive(&mut articles, &mut annotations);
    let index = Index::build(&articles, &annotations);
    let parsed = tempfile::tempdir().unwrap();
    let archive = parsed.path().join("archive");
    write_archive(
        &archive,
        &articles,
        &annotations,
        &index,
        &resolved.decisions,
    )
    .unwrap();
    let written = files_of(&packed.path().join("archive"));
    assert!(written.len() > 10);
    assert_eq!(written, files_of(&archive));
}

#[test]
fn the_command_line_builds_rebuilds_and_answers_from_the_archive() {
    let site = tempfile::tempdir().unwrap();
    let build = [
        "build".as_ref(),
        FIXTURE.as_ref(),
        "--out".as_ref(),
        site.path().as_os_str(),
    ];
    let (code, stdout, stderr) = dossier(&build);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("archived 10 articles"), "{stdout}");
    assert!(stderr.contains("no --app given"), "{stderr}");
    let (_, stdout, _) = dossier(&build);
    assert!(stdout.contains("rewrote 0 of"), "{stdout}");
    let ask = |archive: &std::ffi::OsStr| {
        dossier(&[
            "query".as_ref(),
            archive,
            "--q".as_ref(),
            "oil prices".as_ref(),
            "--json".as_ref(),
        ])
    };
    let (code, from_archive, stderr) = dossier(&[
        "query".as_ref(),
        "--archive".as_ref(),
        site.path().as_os_str(),
        "--q".as_ref(),
        "oil prices".as_ref(),
        "--json".as_ref(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("fetched") && stderr.contains("bytes"),
        "{stderr}"
    );
    let (_, from_seeds, _) = ask(FIXTURE.as_ref());
    let total =
        |json: &str| serde_json::from_str::<serde_json::Value>(json).unwrap()["total"].clone();
    assert_eq!(total(&from_archive), total(&from_seeds));
}

#[test]
fn the_build_copies_the_app_with_brotli_and_gzip_beside_each_compressible_file() {
    let dist = tempfile::tempdir().unwrap();
    // Stand-ins for Trunk's output: text and wasm to compress, an image to leave alone.
    let wasm: Vec<u8> = (0..200_000u32)
        .flat_map(|i| (i % 251).to_le_bytes())
        .collect();
    let files: [(&str, &[u8]); 4] = [
        (
            "index.html",
            b"<!doctype html><title>Dossier</title><p>Dossier</p>",
        ),
        ("dossier-web-abc_bg.wasm", &wasm),
        (
            "icons/icon.svg",
            b"<svg xmlns='http://www.w3.org/2000/svg'/>",
        ),
        ("icons/icon-192.png", b"\x89PNG not really"),
    ];
    for (name, bytes) in files {
        let path = dist.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    let site = tempfile::tempdir().unwrap();
    let build = [
        "build".as_ref(),
        FIXTURE.as_ref(),
        "--out".as_ref(),
        site.path().as_os_str(),
        "--app".as_ref(),
        dist.path().as_os_str(),
    ];
    let (code, _, stderr) = dossier(&build);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("4 files, 4 rewritten; 3 compressible ones")
            && stderr.contains("3 compressed now"),
        "{stderr}"
    );
    for (name, bytes) in files {
        let path = site.path().join(name);
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{name}");
        let br = std::fs::read(format!("{}.br", path.display()));
        let gz = std::fs::read(format!("{}.gz", path.display()));
        if name.ends_with(".png") {
            assert!(br.is_err() && gz.is_err(), "{name} is not compressed again");
            continue;
        }
        let (br, gz) = (br.unwrap(), gz.unwrap());
        let mut unbrotli = Vec::new();
        std::io::Read::read_to_end(&mut brotli::Decompressor::new(&br[..], 4096), &mut unbrotli)
            .unwrap();
        assert_eq!(unbrotli, bytes, "{name}.br");
        let mut ungzip = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gz[..]), &mut ungzip)
            .unwrap();
        assert_eq!(ungzip, bytes, "{name}.gz");
    }
    let wasm_br = site.path().join("dossier-web-abc_bg.wasm.br");
    let first = std::fs::read(&wasm_br).unwrap();
    assert!(first.len() < wasm.len() / 10, "{} bytes", first.len());
    // A rebuild with the same app rewrites no app file and leaves the siblings as they are;
    // a sibling found damaged beside unchanged bytes is kept, so this one marks it.
    std::fs::write(&wasm_br, b"left alone").unwrap();
    let (code, _, stderr) = dossier(&build);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("4 files, 0 rewritten") && stderr.contains("0 compressed now"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&wasm_br).unwrap(), b"left alone");
    // A file that differs from the app's is rewritten, siblings included (the same bytes
    // as the first build's: the output depends on the input only).
    std::fs::write(site.path().join("dossier-web-abc_bg.wasm"), b"an older app").unwrap();
    let (code, _, stderr) = dossier(&build);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("4 files, 1 rewritten") && stderr.contains("1 compressed now"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&wasm_br).unwrap(), first);
}

#[test]
fn a_build_with_a_newer_app_removes_the_files_of_the_app_it_replaces() {
    // Stand-ins for two of Trunk's outputs: content-hashed glue and wasm, and the service
    // worker filled in from the real template as scripts/service_worker.py fills it, so that
    // the build keeps reading the list the template writes.
    let template = std::fs::read_to_string("static/sw.js").unwrap();
    assert!(
        template.contains("[\"__DOSSIER_FILES__\"]"),
        "static/sw.js lost its file list"
    );
    let app = |hash: &str| {
        let dist = tempfile::tempdir().unwrap();
        let listed = format!(
            "[\"./\", \"index.html\", \"dossier-web-{hash}.js\", \"dossier-web-{hash}_bg.wasm\", \"icons/icon.svg\"]"
        );
        let files = [
            (
                "index.html",
                format!("<!doctype html><script src=dossier-web-{hash}.js></script>"),
            ),
            (
                &format!("dossier-web-{hash}.js") as &str,
                format!("export const app = '{hash}';"),
            ),
            (
                &format!("dossier-web-{hash}_bg.wasm"),
                format!("wasm of {hash}").repeat(500),
            ),
            (
                "icons/icon.svg",
                "<svg xmlns='http://www.w3.org/2000/svg'/>".to_string(),
            ),
            (
                "sw.js",
                template
                    .replace("__DOSSIER_VERSION__", hash)
                    .replace("[\"__DOSSIER_FILES__\"]", &listed),
            ),
        ]
        .map(|(name, text)| (name.to_string(), text));
        for (name, text) in &files {
            let path = dist.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dist
    };
    let (old, new) = (app("0123456789abcdef"), app("fedcba9876543210"));
    let site = tempfile::tempdir().unwrap();
    // Files of the site's own that no app lists: never touched.
    std::fs::write(site.path().join("robots.txt"), "User-agent: *").unwrap();
    std::fs::write(
        site.path().join("dossier-web-0000000000000000.js"),
        "not listed",
    )
    .unwrap();
    let build = |dist: &Path| {
        let (code, _, stderr) = dossier(&[
            "build".as_ref(),
            FIXTURE.as_ref(),
            "--out".as_ref(),
            site.path().as_os_str(),
            "--app".as_ref(),
            dist.as_os_str(),
        ]);
        assert_eq!(code, 0, "{stderr}");
        stderr
    };
    let first = build(old.path());
    assert!(
        first.contains("0 files of the app it replaced removed"),
        "{first}"
    );
    let old_files = [
        "dossier-web-0123456789abcdef.js",
        "dossier-web-0123456789abcdef_bg.wasm",
    ];
    let there = |name: &str| site.path().join(name).exists();
    assert!(
        old_files
            .iter()
            .all(|name| there(name) && there(&format!("{name}.br")))
    );
    let second = build(new.path());
    assert!(
        second.contains("2 files of the app it replaced removed"),
        "{second}"
    );
    for name in old_files {
        for name in [name.to_string(), format!("{name}.br"), format!("{name}.gz")] {
            assert!(!there(&name), "{name} is left from the replaced app");
        }
    }
    for name in [
        "index.html",
        "icons/icon.svg",
        "dossier-web-fedcba9876543210.js",
        "dossier-web-fedcba9876543210_bg.wasm.br",
        "robots.txt",
        "dossier-web-0000000000000000.js",
        "archive/manifest.json",
    ] {
        assert!(there(name), "{name} is gone");
    }
    // The same app again removes nothing.
    let third = build(new.path());
    assert!(
        third.contains("0 files of the app it replaced removed"),
        "{third}"
    );
}

/// The archive `dossier build` writes of tests/fixtures/wire-curated (the wire stories and
/// an aliases.toml that renames place:gulf to "Persian Gulf", among other edits), and what
/// the build said on stderr.
fn curated_wire_archive() -> (tempfile::TempDir, String) {
    built_site(Path::new("tests/fixtures/wire-curated"))
}

/// The archive `dossier build` writes of `seeds`, in a temporary site, and what the build
/// said on stderr.
fn built_site(seeds: &Path) -> (tempfile::TempDir, String) {
    let site = tempfile::tempdir().unwrap();
    let (code, _, stderr) = dossier(&[
        "build".as_ref(),
        seeds.as_os_str(),
        "--out".as_ref(),
        site.path().as_os_str(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    (site, stderr)
}

#[test]
fn the_archive_applies_the_aliases_toml_beside_the_seeds_and_refuses_a_bad_one() {
    let (site, stderr) = curated_wire_archive();
    assert!(stderr.contains("5 hand edit(s)"), "{stderr}");
    assert!(!stderr.contains("skipping aliases.toml"), "{stderr}");
    let entity = |id: &str| {
        let (code, stdout, stderr) = dossier(&[
            "query".as_ref(),
            "--archive".as_ref(),
            site.path().as_os_str(),
            "--entity".as_ref(),
            id.as_ref(),
        ]);
        // 1: nothing matched.
        assert!(code == 0 || code == 1, "{stderr}");
        stdout.lines().next().unwrap_or_default().to_string()
    };
    assert_eq!(entity("place:persian-gulf"), "3 matching articles");
    assert_eq!(entity("place:gulf"), "0 matching articles");
    assert_eq!(entity("place:texas"), "2 matching articles");

    let bad = tempfile::tempdir().unwrap();
    for (name, bytes) in files_of(Path::new(FIXTURE)) {
        std::fs::write(bad.path().join(name), bytes).unwrap();
    }
    std::fs::write(
        bad.path().join("aliases.toml"),
        "[[hide]]\nentity = \"person:reuter\"\n[[merge]]\nentity = \"place:x\"\n",
    )
    .unwrap();
    let out = site.path().join("bad");
    let (code, _, stderr) = dossier(&[
        "build".as_ref(),
        bad.path().as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("aliases.toml:3: merge: missing `into`"),
        "{stderr}"
    );
    assert!(!out.join("archive/manifest.json").exists());
}

/// A corpus split in two: an archive of its first `at` articles, the rest as the reader's
/// own (ids under `own/`, publication years moved by `years`), and one index over both (the
/// site's documents first: the embedded build's answer).
struct Split {
    site: tempfile::TempDir,
    site_index: Index,
    own_articles: Vec<Article>,
    own_found: Vec<Annotations>,
    own_index: Index,
    both_articles: Vec<Article>,
    both_found: Vec<Annotations>,
    both: Index,
}

fn split(corpus: &Path, at: usize, years: u16) -> Split {
    split_where(corpus, |i| i >= at, years)
}

/// [`split`], the reader's own articles being those at the positions `own` picks.
fn split_where(corpus: &Path, own: impl Fn(usize) -> bool, years: u16) -> Split {
    let (corpus_articles, corpus_found) = corpus_from(corpus);
    let (mut all, mut found, mut own_articles, mut own_found) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (i, (mut a, f)) in corpus_articles.into_iter().zip(corpus_found).enumerate() {
        if !own(i) {
            all.push(a);
            found.push(f);
            continue;
        }
        a.id = dossier::corpus::ArticleId(format!("own/{}", a.id.0));
        a.date = a.date.map(|mut d| {
            d.year += years;
            d
        });
        own_articles.push(a);
        own_found.push(f);
    }
    let site = tempfile::tempdir().unwrap();
    let site_index = Index::build(&all, &found);
    write_archive(
        site.path(),
        &all,
        &found,
        &site_index,
        &Decisions::default(),
    )
    .unwrap();
    let own_index = Index::build(&own_articles, &own_found);
    let both_articles: Vec<Article> = all.iter().chain(&own_articles).cloned().collect();
    let both_found: Vec<Annotations> = found.iter().chain(&own_found).cloned().collect();
    let both = Index::build(&both_articles, &both_found);
    Split {
        site,
        site_index,
        own_articles,
        own_found,
        own_index,
        both_articles,
        both_found,
        both,
    }
}

/// The timeline's overview of `filter` (the whole collection under the rest of it) over the
/// archive and the reader's `own_index`, as `both` (one index over both) draws it.
fn assert_same_overview(
    archive: &mut Archive,
    source: &mut DirSource,
    own_index: &Index,
    both: &Index,
    filter: Filter,
) {
    use dossier::archive::with_own::overview_with_own;
    let whole = Filter {
        from: None,
        to: None,
        ..filter
    };
    let site_whole = search_from(archive, source, &whole, Options::default()).unwrap();
    assert_eq!(
        overview_with_own(&whole, &site_whole, own_index),
        dossier::query::overview(both, &whole),
        "{whole:?}"
    );
}

/// A view of a mixed answer that does not depend on how ties or scores are ordered: the
/// totals, every facet value's count, the histogram, and the hits and quotes as sets.
fn mixed_view(
    total: usize,
    facets: &dossier::query::Facets,
    histogram: &dossier::query::Histogram,
    hits: Vec<String>,
    quotes: Vec<String>,
) -> String {
    let counts = |list: &dossier::query::FacetList| {
        let mut values: Vec<(String, u32)> = list
            .values
            .iter()
            .map(|v| (v.key.clone(), v.count))
            .collect();
        values.sort();
        (values, list.total)
    };
    let (mut hits, mut quotes) = (hits, quotes);
    hits.sort();
    quotes.sort();
    format!(
        "total {total}\npeople {:?}\norganizations {:?}\nplaces {:?}\nspeakers {:?}\nsources {:?}\nown {}\nhistogram {histogram:?}\nhits {hits:?}\nquotes {quotes:?}",
        counts(&facets.people),
        counts(&facets.organizations),
        counts(&facets.places),
        counts(&facets.speakers),
        counts(&facets.sources),
        facets.own,
    )
}

/// The archive's answer for `filter` with the reader's articles `own` (numbered after the
/// archive's `site_docs`) mixed in.
fn mix(
    archive: &mut Archive,
    source: &mut DirSource,
    own: (&[Article], &Index),
    site_docs: u32,
    filter: &Filter,
    options: Options,
) -> ArchiveResults {
    use dossier::archive::with_own::{OwnAnswer, with_own};
    let site = search_from(archive, source, filter, options).unwrap();
    let results = search_with(own.1, filter, options);
    let answer = OwnAnswer {
        articles: own.0,
        index: own.1,
        results: &results,
    };
    with_own(filter, &site, site_docs, answer, options)
}

#[test]
fn the_readers_own_articles_mixed_into_an_archive_view_answer_as_one_index_over_both() {
    use dossier::query::Sort;
    // The last three articles become the reader's own; the archive holds the others.
    let Split {
        site,
        site_index,
        own_articles,
        own_index,
        both,
        ..
    } = split(Path::new(FIXTURE), 7, 0);
    let site_docs = site_index.len() as u32;
    assert!(own_index.entities().len() > 3);

    let mut links: Vec<String> = [
        "",
        "q=oil",
        "q=oil prices",
        "q=\"oil prices\"",
        "q=-oil",
        "from=1987-03&to=1987-03",
        "to=1987-02",
        "source=Reuters",
        "sort=newest",
        "sort=oldest",
        "q=oil&sort=oldest",
        "view=quotes",
        "dates=mentioned",
        "dates=mentioned&from=1987-03&to=1987-03",
        "q=oil&dates=mentioned&to=1987-02",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for entity in own_index.entities().iter().chain(site_index.entities()) {
        links.push(format!("e={}", entity.id.as_str()));
    }
    let (mut archive, mut source) = open(site.path());
    let options = Options::default();
    for link in &links {
        let (filter, _) = Filter::from_query_string(link);
        let expected = search_with(&both, &filter, options);
        let own = (own_articles.as_slice(), &own_index);
        let mixed = mix(&mut archive, &mut source, own, site_docs, &filter, options);
        let id = |doc: u32| both.doc(doc).unwrap().id.0.clone();
        assert_eq!(
            mixed_view(
                mixed.total,
                &mixed.facets,
                &mixed.histogram,
                mixed.hits.iter().map(|h| h.entry.id.clone()).collect(),
                mixed
                    .quotes
                    .iter()
                    .map(|q| format!("{} #{}", q.article, q.number))
                    .collect(),
            ),
            mixed_view(
                expected.total,
                &expected.facets,
                &expected.histogram,
                expected.hits.iter().map(|h| id(h.doc)).collect(),
                expected
                    .quotes
                    .iter()
                    .map(|q| format!("{} #{}", id(q.doc), both.quotes()[q.quote as usize].number))
                    .collect(),
            ),
            "link `{link}`"
        );
        // A hit names its own document: the reader's are numbered after the archive's.
        for hit in &mixed.hits {
            assert_eq!(
                hit.doc >= site_docs,
                hit.entry.id.starts_with("own/"),
                "{link}"
            );
        }
        // By date, the merged list is in date order, undated last.
        if filter.sort != Sort::Relevance {
            let dates: Vec<&str> = mixed.hits.iter().map(|h| h.entry.date.as_str()).collect();
            let mut sorted = dates.clone();
            sorted.sort_by(|a, b| match (a.is_empty(), b.is_empty()) {
                (true, false) => std::cmp::Ordering::Greater,
                (false, true) => std::cmp::Ordering::Less,
                _ if filter.sort == Sort::Oldest => a.cmp(b),
                _ => b.cmp(a),
            });
            assert_eq!(dates, sorted, "{link}");
        }
    }

    // The timeline's overview of a date-range link: the whole collection under the rest.
    let (ranged, _) = Filter::from_query_string("q=oil&from=1987-03&to=1987-03");
    assert_same_overview(&mut archive, &mut source, &own_index, &both, ranged);

    // A short list keeps the best of both, in order.
    let (filter, _) = Filter::from_query_string("sort=oldest");
    let short = Options { hits: 4, ..options };
    let own = (own_articles.as_slice(), &own_index);
    let mixed = mix(&mut archive, &mut source, own, site_docs, &filter, short);
    let full = search_with(&both, &filter, options);
    assert_eq!(mixed.hits.len(), 4);
    let first_dates: Vec<String> = full.hits[..4]
        .iter()
        .map(|h| {
            both.doc(h.doc)
                .unwrap()
                .date
                .map(|d| d.to_string())
                .unwrap_or_default()
        })
        .collect();
    let got: Vec<String> = mixed.hits.iter().map(|h| h.entry.date.clone()).collect();
    assert_eq!(got, first_dates);
}

#[test]
fn an_archive_entity_page_with_the_readers_articles_counts_as_one_index_over_both() {
    use dossier::archive::EntityShown;
    use dossier::archive::with_own::{PageArticle, entity_with_own};
    use dossier::query::entity_profile::entity_profile;
    use std::collections::BTreeSet;
    // Every other article becomes the reader's own, dated among the archive's.
    let split = split_where(Path::new("tests/fixtures/wire"), |i| i % 2 == 1, 0);
    let site_docs = split.site_index.len() as u32;
    let (mut archive, mut source) = open(split.site.path());
    let everything = EntityShown {
        articles: usize::MAX,
        quotes_by: usize::MAX,
        quotes_about: usize::MAX,
    };
    let mut summed = 0;
    let (mut own_first, mut site_first) = (false, false);
    for info in split.both.entities() {
        let id = &info.id;
        let (Some(_), Some(own)) = (
            split.site_index.entity_of(id.as_str()),
            entity_profile(&split.own_index, &split.own_articles, &split.own_found, id),
        ) else {
            continue;
        };
        let page = answered(&mut archive, &mut source, |a| {
            a.entity_page(id.as_str(), everything)
        })
        .expect("the archive names it");
        let (both, articles, found) = (&split.both, &split.both_articles, &split.both_found);
        let want = entity_profile(both, articles, found, id).expect("both name it");
        let sums = entity_with_own(&page, &split.own_index, &own);
        let key = id.as_str();
        assert_eq!(sums.mentions, want.mentions, "{key}");
        assert_eq!(sums.over_time, want.over_time, "{key}");
        assert_eq!(sums.quotes_by_total, want.quotes_by.len(), "{key}");
        assert_eq!(sums.quotes_about_total, want.quotes_about.len(), "{key}");
        assert_eq!(sums.own_articles, own.articles.len(), "{key}");
        // The same articles, newest first across both.
        let doc = |a: &PageArticle| match *a {
            PageArticle::Site(d) => d,
            PageArticle::Own(d) => site_docs + d,
        };
        let docs: Vec<u32> = sums.articles.iter().map(doc).collect();
        let date = |d: &u32| both.doc(*d).and_then(|i| i.date);
        assert!(
            docs.is_sorted_by(|a, b| date(a) >= date(b)),
            "{key}: {docs:?}"
        );
        let set = |v: &[u32]| v.iter().copied().collect::<BTreeSet<u32>>();
        assert_eq!(set(&docs), set(&want.articles), "{key}");
        assert_eq!(docs.len(), want.articles.len(), "{key}");
        // Each order must occur on some page: one side's article newer than the other's.
        let sites = docs.iter().map(|&d| d < site_docs).collect::<Vec<_>>();
        own_first |= sites.windows(2).any(|w| !w[0] && w[1]);
        site_first |= sites.windows(2).any(|w| w[0] && !w[1]);
        let names = |v: &[String]| v.iter().cloned().collect::<BTreeSet<String>>();
        assert_eq!(names(&sums.aliases), names(&want.aliases), "{key}");
        let roles = |v: &[dossier::query::entity_profile::Role]| {
            v.iter()
                .map(|r| (r.name.clone(), r.count))
                .collect::<BTreeSet<_>>()
        };
        assert_eq!(roles(&sums.roles), roles(&want.roles), "{key}");
        // Named with: exact where the archive listed the name (or listed every one).
        let listed: BTreeSet<&str> = page
            .profile
            .iter()
            .flat_map(|p| p.co_occurring.iter().map(|c| c.0.as_str()))
            .collect();
        for (other, _, shared) in &sums.co_occurring {
            let exact = want
                .co_occurring
                .iter()
                .find(|c| c.0.as_str() == other)
                .map(|c| c.2 as u32)
                .expect("a name named with it in one is in both");
            if sums.co_complete || listed.contains(other.as_str()) {
                assert_eq!(*shared, exact, "{key} with {other}");
            } else {
                assert!(*shared <= exact, "{key} with {other}");
            }
        }
        if sums.co_complete {
            assert_eq!(sums.co_total, want.co_occurring.len(), "{key}");
        } else {
            assert!(sums.co_total >= want.co_occurring.len(), "{key}");
        }
        summed += 1;
    }
    assert!(summed >= 3, "only {summed} entities named on both sides");
    assert!(
        own_first && site_first,
        "the sides are never merged by date"
    );
}

#[test]
fn an_archive_entity_page_says_what_the_embedded_entity_page_says() {
    // The archive fixture has quotes; the seed article has names the resolve stage merges.
    let (mut merged, mut quotes) = (0, 0);
    for corpus in [FIXTURE, "seeds", "tests/fixtures/wire"] {
        let (m, q) = entity_pages_agree(Path::new(corpus));
        merged += m;
        quotes += q;
    }
    assert!(merged > 0 && quotes > 0, "{merged} {quotes}");
}

/// Checks every entity page of `corpus` both ways; the merged names and quotes compared.
fn entity_pages_agree(corpus: &Path) -> (usize, usize) {
    use dossier::archive::EntityShown;
    use dossier::archive::profiles::{CO_OCCURRING_KEPT, CO_OCCURRING_MIN_SHARED, QUOTES_KEPT};
    use dossier::query::entity_profile::entity_profile;
    let (articles, annotations) = corpus_from(corpus);
    // Resolved, so the pages have merged names to explain.
    let resolved = dossier::resolve::resolve(&articles, annotations);
    let (annotations, decisions) = (resolved.annotations, resolved.decisions);
    let index = Index::build(&articles, &annotations);
    let site = tempfile::tempdir().unwrap();
    write_archive(site.path(), &articles, &annotations, &index, &decisions).unwrap();
    let (mut archive, mut source) = open(site.path());
    let everything = EntityShown {
        articles: usize::MAX,
        quotes_by: usize::MAX,
        quotes_about: usize::MAX,
    };
    let ask = |archive: &mut Archive, source: &mut DirSource, key: &str| loop {
        match archive.entity_page(key, everything) {
            Ok(page) => return page,
            Err(needs) => add_needed(archive, source, needs),
        }
    };
    let mut merged_shown = 0;
    let mut quotes_shown = 0;
    for info in index.entities() {
        let key = info.id.as_str();
        let want = entity_profile(&index, &articles, &annotations, &info.id).unwrap();
        let page = ask(&mut archive, &mut source, key).unwrap_or_else(|| panic!("{key}"));
        let profile = page.profile.as_ref().expect("this build writes profiles");
        assert_eq!(
            (page.name.as_str(), page.kind),
            (want.name.as_str(), want.kind)
        );
        assert_eq!(profile.aliases, want.aliases, "{key}");
        assert_eq!(profile.roles, want.roles, "{key}");
        assert_eq!(profile.mentions as usize, want.mentions, "{key}");
        assert_eq!(page.over_time, want.over_time, "{key}");
        // Both newest first; ties may fall either way.
        let date = |d: &u32| index.doc(*d).and_then(|i| i.date);
        let mut got = page.articles.clone();
        let mut expected = want.articles.clone();
        assert!(got.is_sorted_by(|a, b| date(a) >= date(b)), "{key}");
        got.sort_unstable();
        expected.sort_unstable();
        assert_eq!(got, expected, "{key}");
        let co: Vec<(String, String, u32)> = want
            .co_occurring
            .iter()
            .filter(|c| c.2 >= CO_OCCURRING_MIN_SHARED)
            .take(CO_OCCURRING_KEPT)
            .map(|(id, name, n)| (id.0.clone(), name.clone(), *n as u32))
            .collect();
        assert_eq!(profile.co_occurring, co, "{key}");
        assert_eq!(profile.co_total as usize, want.co_occurring.len(), "{key}");
        let quotes = |list: &[dossier::archive::profiles::ProfileQuote]| -> Vec<(u32, usize)> {
            list.iter().map(|q| (q.doc, q.number as usize)).collect()
        };
        let kept =
            |list: &[(u32, usize)]| list.iter().take(QUOTES_KEPT).copied().collect::<Vec<_>>();
        assert_eq!(quotes(&profile.quotes_by), kept(&want.quotes_by), "{key}");
        assert_eq!(
            quotes(&profile.quotes_about),
            kept(&want.quotes_about),
            "{key}"
        );
        assert_eq!(
            profile.quotes_by_total as usize,
            want.quotes_by.len(),
            "{key}"
        );
        assert_eq!(
            profile.quotes_about_total as usize,
            want.quotes_about.len(),
            "{key}"
        );
        for q in profile.quotes_by.iter().chain(&profile.quotes_about) {
            let article = &articles[q.doc as usize];
            let quote = &annotations[q.doc as usize].quotes[q.number as usize];
            assert_eq!(q.text, quote.span.slice(&article.text), "{key}");
            assert_eq!(page.entries[&q.doc].id, article.id.0, "{key}");
            quotes_shown += 1;
        }
        let merged: Vec<(String, String)> = decisions
            .merged_into(&info.id)
            .map(|m| (m.name.clone(), m.rule.describe().to_string()))
            .collect();
        let got: Vec<(String, String)> = profile
            .merged
            .iter()
            .map(|m| (m.name.clone(), m.rule.clone()))
            .collect();
        assert_eq!(got, merged, "{key}");
        merged_shown += got.len();
        for d in &page.articles {
            assert_eq!(page.entries[d].id, articles[*d as usize].id.0, "{key}");
        }
    }
    assert_eq!(ask(&mut archive, &mut source, "person:nobody-at-all"), None);
    (merged_shown, quotes_shown)
}

#[test]
fn an_entity_page_fetches_only_its_buckets_and_the_docs_it_lists() {
    use dossier::archive::EntityShown;
    let site = tempfile::tempdir().unwrap();
    let (index, _, _) = build(Path::new(FIXTURE), site.path());
    let (mut archive, mut source) = open(site.path());
    let busiest = (0..index.entities().len() as u32)
        .max_by_key(|&e| index.entity_docs(e).len())
        .unwrap();
    let key = index.entities()[busiest as usize].id.as_str();
    let first = EntityShown {
        articles: 1,
        quotes_by: 0,
        quotes_about: 0,
    };
    let mut rounds = Vec::new();
    let page = loop {
        match archive.entity_page(key, first) {
            Ok(page) => break page.unwrap(),
            Err(needs) => {
                rounds.push(needs.0.iter().map(|n| n.kind).collect::<Vec<_>>());
                add_needed(&mut archive, &mut source, needs);
            }
        }
    };
    // The entity's bucket and the list naming its profile's first, then the profile, then
    // where its first article is listed.
    assert!(rounds[0].contains(&Kind::Entities) && rounds[0].contains(&Kind::BucketList));
    assert!(rounds[1].contains(&Kind::Profiles), "{rounds:?}");
    assert!(
        rounds.iter().flatten().all(|k| matches!(
            k,
            Kind::Entities | Kind::BucketList | Kind::Profiles | Kind::DocTable | Kind::Docs
        )),
        "{rounds:?}"
    );
    assert_eq!(page.entries.len(), 1);
    assert!(page.articles.len() > 1);
}

#[test]
fn a_phrase_asks_for_every_words_postings_and_positions_in_one_round() {
    let site = tempfile::tempdir().unwrap();
    build(Path::new(FIXTURE), site.path());
    let (mut archive, mut source) = open(site.path());
    let (filter, _) = Filter::from_query_string("q=%22oil+prices%22");
    let mut rounds = Vec::new();
    let results = loop {
        match archive.search(&filter, Options::default()).unwrap() {
            Ok(results) => break results,
            Err(needs) => {
                rounds.push(needs.0.iter().map(|n| n.kind).collect::<Vec<_>>());
                add_needed(&mut archive, &mut source, needs);
            }
        }
    };
    assert!(results.total > 0);
    let with_words: Vec<&Vec<Kind>> = rounds
        .iter()
        .filter(|kinds| {
            kinds
                .iter()
                .any(|k| matches!(k, Kind::Terms | Kind::Positions))
        })
        .collect();
    assert_eq!(with_words.len(), 1, "{rounds:?}");
    assert!(
        with_words[0].contains(&Kind::Terms) && with_words[0].contains(&Kind::Positions),
        "{rounds:?}"
    );
}

#[test]
fn an_entity_profile_keeps_the_text_of_its_first_quotes_and_counts_them_all() {
    use dossier::archive::EntityShown;
    use dossier::archive::profiles::QUOTES_KEPT;
    let folder = tempfile::tempdir().unwrap();
    let said: String = (0..QUOTES_KEPT + 5)
        .map(|n| format!("\"We shipped crate number {n} today,\" said Ann Smith.\n\n"))
        .collect();
    std::fs::write(
        folder.path().join("quotes.md"),
        format!(
            "---\ntitle: Many quotes\ndate: 1987-03-02\n---\nAnn Smith runs the depot.\n\n{said}"
        ),
    )
    .unwrap();
    let site = tempfile::tempdir().unwrap();
    let (index, _, _) = build(folder.path(), site.path());
    let ann = (0..index.entities().len())
        .map(|e| &index.entities()[e])
        .find(|e| e.name == "Ann Smith")
        .expect("Ann Smith is an entity");
    let (mut archive, mut source) = open(site.path());
    let all = EntityShown {
        articles: usize::MAX,
        quotes_by: usize::MAX,
        quotes_about: usize::MAX,
    };
    let page = loop {
        match archive.entity_page(ann.id.as_str(), all) {
            Ok(page) => break page.unwrap(),
            Err(needs) => add_needed(&mut archive, &mut source, needs),
        }
    };
    let profile = page.profile.unwrap();
    assert!(
        profile.quotes_by_total as usize > QUOTES_KEPT,
        "{}",
        profile.quotes_by_total
    );
    assert_eq!(profile.quotes_by.len(), QUOTES_KEPT);
    assert!(profile.quotes_by[0].text.contains("crate number 0 "));
}

/// `kind` of the view `filter` from the archive, as the browser makes it: the matching
/// documents, the `texts` parts holding them (read once, not kept), one article at a time.
fn archive_export(
    archive: &mut Archive,
    source: &mut DirSource,
    filter: &Filter,
    kind: dossier::query::export::ExportKind,
) -> String {
    use dossier::archive::{PartSource, open_texts};
    use dossier::query::export::Export;
    let docs = answered(archive, source, |a| a.matching(filter).unwrap());
    let groups = answered(archive, source, |a| a.texts_of(&docs));
    let fields = archive
        .catalogue()
        .fields
        .iter()
        .map(|f| f.name.clone())
        .collect();
    let mut export = Export::new(kind, fields);
    let mut added = 0;
    for (name, listed) in groups {
        let texts = open_texts(&name, &source.fetch(&name).unwrap()).unwrap();
        for doc in listed {
            let (article, found) = texts.article(doc).unwrap().unwrap();
            export.add(&article, &found);
            added += 1;
        }
    }
    assert_eq!(added, docs.len(), "every matching document is exported");
    export.finish()
}

#[test]
fn an_archive_view_exports_what_the_embedded_build_exports() {
    use dossier::query::evaluate;
    use dossier::query::export::{ExportKind, export_docs};
    for corpus in [FIXTURE, "tests/fixtures/wire"] {
        let site = tempfile::tempdir().unwrap();
        let (index, articles, _) = build(Path::new(corpus), site.path());
        let (_, annotations) = corpus_from(Path::new(corpus));
        let fields = index.meta_fields().names();
        let (mut archive, mut source) = open(site.path());
        for link in [
            "",
            "q=oil",
            "q=-oil&sort=oldest",
            "m.topics=crude",
            "from=1987-03",
        ] {
            let (filter, _) = Filter::from_query_string(link);
            let docs: Vec<u32> = evaluate(&index, &filter).matches.iter().collect();
            for kind in [
                ExportKind::Schema,
                ExportKind::Articles,
                ExportKind::Quotes,
                ExportKind::Entities,
            ] {
                let expected =
                    export_docs(kind, fields.clone(), &articles, &annotations, &docs).finish();
                let got = archive_export(&mut archive, &mut source, &filter, kind);
                assert_eq!(got, expected, "{corpus} `{link}` {kind:?}");
            }
        }
    }
}

fn archive_network(
    archive: &mut Archive,
    source: &mut DirSource,
    filter: &Filter,
    nodes: usize,
) -> dossier::query::network::Network {
    answered(archive, source, |a| a.network(filter, nodes).unwrap())
}

#[test]
fn an_archive_draws_the_network_the_embedded_build_draws() {
    use dossier::query::evaluate;
    use dossier::query::network::network;
    for corpus in [FIXTURE, "tests/fixtures/wire"] {
        let site = tempfile::tempdir().unwrap();
        let (index, _, _) = build(Path::new(corpus), site.path());
        let (mut archive, mut source) = open(site.path());
        let mut links: Vec<String> = ["", "q=oil", "q=-oil", "from=1987-03", "q=nothing-like-this"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        links.extend(
            index
                .entities()
                .iter()
                .map(|e| format!("e={}", e.id.as_str())),
        );
        for link in &links {
            let (filter, _) = Filter::from_query_string(link);
            let matches = evaluate(&index, &filter).matches;
            for nodes in [3, 50, 200] {
                let expected = network(&index, &matches, nodes);
                let got = archive_network(&mut archive, &mut source, &filter, nodes);
                assert_eq!(got, expected, "{corpus} `{link}` nodes={nodes}");
            }
        }
        let (everything, _) = Filter::from_query_string("");
        let drawn = archive_network(&mut archive, &mut source, &everything, 200);
        assert!(
            drawn.nodes.len() > 5 && !drawn.edges.is_empty(),
            "{corpus}: {drawn:?}"
        );
        assert!(
            drawn
                .nodes
                .iter()
                .any(|n| n.kind == dossier::extract::EntityKind::Misc)
                || index
                    .entities()
                    .iter()
                    .all(|e| e.kind != dossier::extract::EntityKind::Misc),
            "other names are drawn too"
        );
    }
}

#[test]
fn the_readers_own_network_merged_with_the_archives_is_the_network_of_both() {
    use dossier::query::evaluate;
    use dossier::query::network::{MAX_NODES, merge, network};
    let (mut all, mut found) = corpus_from(Path::new(FIXTURE));
    let own_articles: Vec<Article> = all.drain(7..).collect();
    let own_found: Vec<Annotations> = found.drain(7..).collect();
    let site_index = Index::build(&all, &found);
    let own_index = Index::build(&own_articles, &own_found);
    let both_articles: Vec<Article> = all.iter().chain(&own_articles).cloned().collect();
    let both_found: Vec<Annotations> = found.iter().chain(&own_found).cloned().collect();
    let both = Index::build(&both_articles, &both_found);
    for link in ["", "q=oil", "q=-oil"] {
        let (filter, _) = Filter::from_query_string(link);
        let side = |index: &Index| network(index, &evaluate(index, &filter).matches, MAX_NODES);
        for nodes in [4, 50] {
            let merged = merge(&side(&site_index), &side(&own_index), nodes);
            let expected = network(&both, &evaluate(&both, &filter).matches, nodes);
            assert_eq!(merged, expected, "`{link}` nodes={nodes}");
            // With no articles of the reader's, merging cuts the largest network to size.
            let alone = merge(&side(&site_index), &Default::default(), nodes);
            let site_cut = network(&site_index, &evaluate(&site_index, &filter).matches, nodes);
            assert_eq!(alone, site_cut, "`{link}` nodes={nodes}, the site alone");
        }
    }
}

fn archive_rows(
    archive: &mut Archive,
    source: &mut DirSource,
    filter: &Filter,
) -> Vec<dossier::query::entity_table::EntityRow> {
    use dossier::query::entity_table::{TableSort, sort_rows};
    let mut rows = answered(archive, source, |a| a.entity_rows(filter).unwrap());
    sort_rows(&mut rows, TableSort::default());
    rows
}

#[test]
fn an_archive_counts_the_entity_table_the_embedded_build_counts() {
    use dossier::query::entity_table::{EntityStats, TableSort, entity_rows, sort_rows};
    use dossier::query::evaluate;
    for corpus in [FIXTURE, "tests/fixtures/wire"] {
        let site = tempfile::tempdir().unwrap();
        let (index, _, _) = build(Path::new(corpus), site.path());
        let (_, annotations) = corpus_from(Path::new(corpus));
        let stats = EntityStats::build(&index, &annotations);
        let (mut archive, mut source) = open(site.path());
        let mut links: Vec<String> = ["", "q=oil", "q=-oil", "from=1987-03", "q=nothing-like-this"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        links.extend(
            index
                .entities()
                .iter()
                .map(|e| format!("e={}", e.id.as_str())),
        );
        links.extend(index.speakers().iter().map(|s| format!("s={}", s.key)));
        for link in &links {
            let (filter, _) = Filter::from_query_string(link);
            let mut expected = entity_rows(&index, &stats, &evaluate(&index, &filter).matches);
            sort_rows(&mut expected, TableSort::default());
            let got = archive_rows(&mut archive, &mut source, &filter);
            assert_eq!(got, expected, "{corpus} `{link}`");
        }
        let (everything, _) = Filter::from_query_string("");
        let rows = archive_rows(&mut archive, &mut source, &everything);
        assert!(rows.iter().any(|r| r.mentions > 1), "{corpus}: {rows:?}");
        if corpus == FIXTURE {
            assert!(
                rows.iter().any(|r| r.quotes > 0),
                "the fixture's quotes count"
            );
        }
    }
}

#[test]
fn the_readers_own_entity_rows_merged_with_the_archives_are_the_rows_of_both() {
    use dossier::query::entity_table::{
        EntityStats, TableSort, entity_rows, merge_rows, sort_rows,
    };
    use dossier::query::evaluate;
    let (mut all, mut found) = corpus_from(Path::new(FIXTURE));
    let own_articles: Vec<Article> = all.drain(7..).collect();
    let own_found: Vec<Annotations> = found.drain(7..).collect();
    let both_articles: Vec<Article> = all.iter().chain(&own_articles).cloned().collect();
    let both_found: Vec<Annotations> = found.iter().chain(&own_found).cloned().collect();
    let rows = |articles: &[Article], found: &[Annotations], filter: &Filter| {
        let index = Index::build(articles, found);
        let stats = EntityStats::build(&index, found);
        entity_rows(&index, &stats, &evaluate(&index, filter).matches)
    };
    for link in ["", "q=oil", "q=-oil", "from=1987-03"] {
        let (filter, _) = Filter::from_query_string(link);
        let mut merged = merge_rows(
            rows(&all, &found, &filter),
            &rows(&own_articles, &own_found, &filter),
        );
        sort_rows(&mut merged, TableSort::default());
        let mut expected = rows(&both_articles, &both_found, &filter);
        sort_rows(&mut expected, TableSort::default());
        assert_eq!(merged, expected, "`{link}`");
    }
}

/// The archive's find box for facet `table`, as the embedded build's would answer it with
/// the archive's rule (a word of the name starts like the typed text's first word) and
/// order (most articles first, then by key).
fn expected_find(
    index: &Index,
    filter: &Filter,
    facet: &dossier::query::Facet,
    needle: &str,
    limit: usize,
) -> dossier::query::FacetList {
    use dossier::archive::names::{lookup_of, word_starts};
    let matches = dossier::query::evaluate(index, filter).matches;
    let (start, _) = lookup_of(needle).expect("a needle of two characters or more");
    let mut values: Vec<dossier::query::FacetValue> =
        dossier::query::facet_values(index, &matches, facet, needle, usize::MAX)
            .values
            .into_iter()
            .filter(|v| word_starts(&v.label).contains(&start))
            .collect();
    values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    let total = values.len();
    values.truncate(limit);
    dossier::query::FacetList { values, total }
}

#[test]
fn a_facets_find_box_finds_any_name_of_the_archive_counted_over_the_view() {
    use dossier::extract::EntityKind;
    use dossier::query::Facet;
    for corpus in [FIXTURE, "tests/fixtures/wire"] {
        let site = tempfile::tempdir().unwrap();
        let (index, _, summary) = build(Path::new(corpus), site.path());
        assert!(summary.by_kind[&Kind::Names].0 >= 1);
        let (mut archive, mut source) = open(site.path());
        let facets = [
            (0, Facet::Entities(EntityKind::Person)),
            (1, Facet::Entities(EntityKind::Organization)),
            (2, Facet::Entities(EntityKind::Place)),
            (3, Facet::Speakers),
        ];
        let mut found_some = 0;
        for link in ["", "q=oil", "q=said -oil"] {
            let (filter, _) = Filter::from_query_string(link);
            for (table, facet) in &facets {
                let everything = Filter::default();
                let all = dossier::query::evaluate(&index, &everything).matches;
                let labels = dossier::query::facet_values(&index, &all, facet, "", usize::MAX);
                let mut needles: Vec<String> = Vec::new();
                for value in &labels.values {
                    needles.push(value.label.to_lowercase());
                    for word in value.label.split(|c: char| !c.is_alphanumeric()) {
                        let chars: Vec<char> = word.chars().collect();
                        for n in [2, 4] {
                            if chars.len() >= n {
                                needles.push(chars[..n].iter().collect());
                            }
                        }
                    }
                }
                needles.sort();
                needles.dedup();
                needles.retain(|n| dossier::archive::names::lookup_of(n).is_some());
                for needle in &needles {
                    let expected = expected_find(&index, &filter, facet, needle, 5);
                    let got = answered(&mut archive, &mut source, |a| {
                        a.find_values(&filter, *table, needle, 5).unwrap()
                    })
                    .expect("an archive with names parts answers");
                    assert_eq!(got, expected, "{corpus} `{link}` table {table} `{needle}`");
                    found_some += usize::from(!got.values.is_empty());
                }
            }
        }
        assert!(found_some > 20, "{corpus}: {found_some}");
    }
}

/// The reader's `text` as one own article, resolved beside the archive of `site` (its
/// names' fates fetched from it) and alone: the ids of its entities, each way, and how
/// many `fates` parts the lookup fetched.
fn own_article_beside(site: &Path, text: &str) -> (Vec<String>, Vec<String>, usize) {
    use dossier::resolve::from_archive::{ArchiveVerdicts, extraction_ids};
    let (mut archive, mut source) = open(&site.join("archive"));
    let articles = corpus::parse_file("mine.txt", text.as_bytes()).unwrap();
    let found: Vec<Annotations> = articles.iter().map(annotate).collect();
    let from = extraction_ids(&found);
    let fates = answered(&mut archive, &mut source, |a| a.fates_of(&from));
    let fetched = archive
        .fetched()
        .iter()
        .filter(|f| f.name.kind == Kind::Fates)
        .count();
    let ids = |r: &dossier::resolve::Resolved| -> Vec<String> {
        let mut ids: Vec<String> = r.annotations[0]
            .entities
            .iter()
            .map(|e| e.id.0.clone())
            .collect();
        ids.sort();
        ids
    };
    let alone = dossier::resolve::resolve(&articles, found.clone());
    let mut prepared = dossier::resolve::prepare(&articles, found);
    prepared.join_archive(&ArchiveVerdicts::of(&fates));
    let beside = prepared.finish(&articles, &dossier::resolve::Curation::default());
    (ids(&beside), ids(&alone), fetched)
}

#[test]
fn the_readers_articles_take_the_archives_verdicts_on_the_names_it_resolved() {
    // The archive renames place:gulf to "Persian Gulf" and merges Kansas into Texas by
    // hand (its aliases.toml): a reader's article naming the Gulf and Kansas joins those
    // entities, as the archive's own articles did.
    let (site, _) = curated_wire_archive();
    let (beside, alone, fetched) = own_article_beside(
        site.path(),
        "Refiners bought more crude from the Gulf on Monday. Traders in Kansas said prices rose.\n",
    );
    assert!(alone.contains(&"place:gulf".to_string()), "{alone:?}");
    assert!(alone.contains(&"place:kansas".to_string()), "{alone:?}");
    assert!(
        beside.contains(&"place:persian-gulf".to_string()),
        "{beside:?}"
    );
    assert!(beside.contains(&"place:texas".to_string()), "{beside:?}");
    assert!(!beside.contains(&"place:gulf".to_string()), "{beside:?}");
    assert!((1..=2).contains(&fetched), "{fetched} fates parts");
    // And a link made before the edits finds where the archive placed each name.
    let (mut archive, mut source) = open(&site.path().join("archive"));
    let from = ["place:gulf".to_string(), "place:texas".to_string()];
    let fates = answered(&mut archive, &mut source, |a| a.fates_of(&from));
    assert_eq!(fates.len(), 1, "texas stayed itself: {fates:?}");
    assert_eq!(fates[0].from, "place:gulf");
    assert_eq!(fates[0].merged[0].into, "place:persian-gulf");
    assert_eq!(fates[0].merged[0].rule, "edited by hand");
    // The joined ids are the archive's: a link to them finds the archive's articles.
    let (mut archive, mut source) = open(&site.path().join("archive"));
    let unknown = answered(&mut archive, &mut source, |a| {
        a.unknown_names(&Filter::from_query_string("e=place:persian-gulf&e=place:texas").0)
    });
    assert!(unknown.is_empty(), "{unknown:?}");
}

/// A view's facets, entity table, network and entity pages, order-free where an archive
/// read through edits may break ties differently from the rebuilt one (a value the edits
/// made is listed after the values the build tabled).
fn curated_view(archive: &mut Archive, source: &mut DirSource, link: &str) -> String {
    let (filter, _) = Filter::from_query_string(link);
    let options = Options {
        facet_values: 1000,
        ..Options::default()
    };
    let results = search_from(archive, source, &filter, options).unwrap();
    let facets = &results.facets;
    let sorted = |list: &dossier::query::FacetList| {
        let mut values: Vec<String> = list
            .values
            .iter()
            .map(|v| format!("{} {} {}", v.key, v.label, v.count))
            .collect();
        values.sort();
        values
    };
    let mut rows: Vec<String> = answered(archive, source, |a| a.entity_rows(&filter).unwrap())
        .iter()
        .map(|r| format!("{r:?}"))
        .collect();
    rows.sort();
    let network = answered(archive, source, |a| a.network(&filter, 50).unwrap());
    let mut nodes: Vec<String> = network.nodes.iter().map(|n| format!("{n:?}")).collect();
    nodes.sort();
    let mut edges: Vec<String> = network
        .edges
        .iter()
        .map(|e| {
            let mut pair = [&network.nodes[e.a].key, &network.nodes[e.b].key];
            pair.sort();
            format!("{pair:?} {}", e.shared)
        })
        .collect();
    edges.sort();
    let hits: Vec<&str> = results.hits.iter().map(|h| h.entry.id.as_str()).collect();
    let quotes: Vec<String> = results
        .quotes
        .iter()
        .map(|q| format!("{} {:?} {}", q.article, q.speaker, q.speaker_name))
        .collect();
    let mut found = Vec::new();
    for table in 0..4 {
        for needle in ["te", "ga", "gr", "ha", "pe", "ka", "os"] {
            let list = answered(archive, source, |a| {
                a.find_values(&filter, table, needle, 100).unwrap()
            });
            found.push(format!("{table} {needle} {:?}", list.map(|l| sorted(&l))));
        }
    }
    format!(
        "total {}\nhits {hits:?}\nquotes {quotes:?}\npeople {:?}\norganizations {:?}\nplaces {:?}\nspeakers {:?}\nrows {rows:#?}\nnodes {nodes:#?}\nedges {edges:?}\nfound {found:#?}",
        results.total,
        sorted(&facets.people),
        sorted(&facets.organizations),
        sorted(&facets.places),
        sorted(&facets.speakers),
    )
}

/// An entity page's name, kind, articles and dates, other names, and its merged names with
/// their reasons.
fn curated_page(archive: &mut Archive, source: &mut DirSource, key: &str) -> String {
    let shown = dossier::archive::EntityShown {
        articles: 100,
        quotes_by: 100,
        quotes_about: 100,
    };
    let Some(page) = answered(archive, source, |a| a.entity_page(key, shown)) else {
        return format!("{key}: none");
    };
    let profile = page.profile.as_ref();
    let mut merged: Vec<String> = profile
        .map(|p| p.merged.iter().map(|m| format!("{m:?}")).collect())
        .unwrap_or_default();
    merged.sort();
    merged.dedup();
    let quotes = profile.map(|p| (p.quotes_by_total, p.quotes_about_total, p.mentions));
    // Which other name comes first is the rebuild's count of each spelling, which an
    // archive does not keep: compared as a set.
    let aliases = profile.map(|p| {
        let mut aliases = p.aliases.clone();
        aliases.sort();
        aliases
    });
    format!(
        "{key}: {} {:?} {:?} {:?} quotes {quotes:?} aliases {aliases:?} merged {merged:?}",
        page.name, page.kind, page.articles, page.published
    )
}

/// Reads `archive` through `curation` from now on, fetching the parts that takes.
fn curate(
    archive: &mut Archive,
    source: &mut DirSource,
    curation: &dossier::resolve::Curation,
) -> Vec<dossier::resolve::Curated> {
    loop {
        match archive.curate(curation) {
            Ok(outcomes) => return outcomes,
            Err(needs) => add_needed(archive, source, needs),
        }
    }
}

#[test]
fn hand_edits_read_through_an_archive_answer_as_the_archive_rebuilt_with_them() {
    // The wire stories' edits but the split, which waits for a rebuild.
    let edits = std::fs::read_to_string("tests/fixtures/wire-curated/aliases.toml").unwrap();
    let edits = &edits[..edits.find("[[split]]").unwrap()];
    let (mut read_through, mut plain_source, _plain) =
        assert_read_through_is_rebuilt(Path::new("tests/fixtures/wire"), |_, _| edits.to_string());
    assert!(curated_page(&mut read_through, &mut plain_source, "place:texas").contains("Kansas"));

    // Without edits, the archive reads as built again.
    curate(
        &mut read_through,
        &mut plain_source,
        &dossier::resolve::Curation::default(),
    );
    let page = curated_page(&mut read_through, &mut plain_source, "place:gulf");
    assert!(page.starts_with("place:gulf: Gulf"), "{page}");
}

#[test]
fn hand_edits_to_people_and_speakers_read_through_an_archive_as_rebuilt() {
    // Two people made one, a quoted speaker renamed, an organisation hidden, a place made
    // an organisation: whichever entities the fixture's articles give.
    assert_read_through_is_rebuilt(Path::new(FIXTURE), |archive, source| {
        let all = search_from(
            archive,
            source,
            &Filter::default(),
            Options {
                facet_values: 1000,
                ..Options::default()
            },
        )
        .unwrap();
        let f = &all.facets;
        let people: Vec<&str> = f.people.values.iter().map(|v| v.key.as_str()).collect();
        let speaker = f
            .speakers
            .values
            .iter()
            .find(|s| s.key.starts_with("person:") && !people[..2].contains(&s.key.as_str()))
            .expect("a person quoted");
        assert!(people.len() >= 3, "{people:?}");
        format!(
            "[[merge]]\nentity = \"{}\"\ninto = \"{}\"\n\n[[rename]]\nentity = \"{}\"\nname = \"Somebody Else\"\n\n[[hide]]\nentity = \"{}\"\n\n[[kind]]\nentity = \"{}\"\nkind = \"organization\"\n",
            people[1],
            people[0],
            speaker.key,
            f.organizations.values[0].key,
            f.places.values[0].key
        )
    });
}

/// Builds `seeds` as it is, reads it through the hand edits `edits` writes from that
/// archive, builds `seeds` again with them as its `aliases.toml`, and checks that every
/// view, find box and entity page of both agrees. Returns the archive read through them.
fn assert_read_through_is_rebuilt(
    seeds: &Path,
    edits: impl FnOnce(&mut Archive, &mut DirSource) -> String,
) -> (Archive, DirSource, tempfile::TempDir) {
    let copy = tempfile::tempdir().unwrap();
    for (name, bytes) in files_of(seeds) {
        std::fs::write(copy.path().join(name), bytes).unwrap();
    }
    let (plain, _) = built_site(copy.path());
    let (mut read_through, mut plain_source) = open(&plain.path().join("archive"));
    let edits = edits(&mut read_through, &mut plain_source);
    std::fs::write(copy.path().join("aliases.toml"), &edits).unwrap();
    let (rebuilt, _) = built_site(copy.path());

    let before = curated_view(&mut read_through, &mut plain_source, "view=quotes");
    let curation = dossier::resolve::Curation::parse(&edits).unwrap();
    let outcomes = curate(&mut read_through, &mut plain_source, &curation);
    let after = curated_view(&mut read_through, &mut plain_source, "view=quotes");
    assert_ne!(before, after, "the edits change the view");
    assert_eq!(outcomes.len(), curation.edits.len());
    for outcome in &outcomes {
        assert!(outcome.applied, "{outcome:?}");
    }
    let (mut built, mut built_source) = open(&rebuilt.path().join("archive"));
    let mut links: Vec<String> = ["", "q=oil", "q=prices", "from=1987-03", "view=quotes"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let everything = search_from(
        &mut built,
        &mut built_source,
        &Filter::default(),
        Options {
            facet_values: 1000,
            ..Options::default()
        },
    )
    .unwrap();
    let f = &everything.facets;
    let mut keys: Vec<String> = [&f.people, &f.organizations, &f.places]
        .iter()
        .flat_map(|l| l.values.iter().map(|v| v.key.clone()))
        .collect();
    // The ids the edits retired answer nothing either way.
    keys.extend(curation.edits.iter().map(|e| e.action.entity().to_string()));
    for key in &keys {
        links.push(format!("e={key}"));
        links.push(format!("e={key}&q=oil"));
        links.push(format!("s={key}&view=quotes"));
    }
    for speaker in &f.speakers.values {
        links.push(format!("s={}", speaker.key));
    }
    for link in &links {
        assert_eq!(
            curated_view(&mut read_through, &mut plain_source, link),
            curated_view(&mut built, &mut built_source, link),
            "link `{link}`"
        );
    }
    for key in &keys {
        let page = curated_page(&mut read_through, &mut plain_source, key);
        assert_eq!(page, curated_page(&mut built, &mut built_source, key));
    }
    (read_through, plain_source, plain)
}
