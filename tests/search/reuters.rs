//! The real Reuters corpus, when present: the index builds and common searches find things.

use dossier::corpus::{parse_file, read_folder};
use dossier::extract::Annotations;
use dossier::index::Index;
use dossier::query::{Filter, search};

#[test]
fn reuters_articles_are_searchable() {
    let dir = dossier::development_data().join("data/corpus/reuters21578");
    let Ok(files) = read_folder(&dir) else {
        eprintln!(
            "SKIPPED reuters_articles_are_searchable: no corpus at {} (set DOSSIER_SHARED)",
            dir.display()
        );
        return;
    };
    let articles: Vec<_> = files
        .iter()
        .take(2000)
        .filter_map(|f| parse_file(&f.name, &f.bytes).ok())
        .flatten()
        .collect();
    let index = Index::build(&articles, &vec![Annotations::default(); articles.len()]);
    for url in [
        "q=oil",
        "q=%22money+supply%22",
        "q=goverment+",
        "from=1987-03&to=1987-03",
    ] {
        let (filter, _) = Filter::from_query_string(url);
        assert!(search(&index, &filter).total > 0, "{url} found nothing");
    }
}
