//! From a seed file's name and bytes to articles: which files are articles, and how each
//! format becomes [`Article`]s (saved web pages: `html/`).

use super::article::{Article, ArticleId, TitleOrigin};
use super::blank::is_blank;
use super::error::{Error, ErrorKind, line_of};
use super::json_records::{self, Record};
use super::{front_matter, parse_date, title};
use crate::span::ByteSpan;
use std::collections::HashMap;

/// The seed formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// `.txt`, `.md`, `.markdown`: body text, optionally after a front-matter block.
    Text,
    /// `.json`: one record object or an array of them.
    Json,
    /// `.jsonl`: one record per line.
    JsonLines,
    /// `.html`, `.htm`: a web page saved from a browser; its main text is the article.
    Html,
}

/// A file in the seed folder that is not an article, and why. The build lists these as
/// warnings so nothing disappears unnoticed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file, relative to the seed folder.
    pub file: String,
    /// Why it is not read.
    pub reason: &'static str,
}

/// The curation file beside the seed articles: hand edits to the entities, applied by the
/// resolve stage (`crate::resolve::aliases`), never read as an article.
pub const CURATION_FILE: &str = "aliases.toml";

/// A seed file: its name relative to the seed folder and its bytes.
pub type SeedFile<'a> = (&'a str, &'a [u8]);

/// Whether a file (by its path relative to the seed folder) is an article, and in which format.
pub fn classify(file: &str) -> Result<FileKind, Skipped> {
    let name = file.rsplit('/').next().unwrap_or(file);
    let skip = |reason| {
        Err(Skipped {
            file: file.to_string(),
            reason,
        })
    };
    if file.split('/').any(|part| part.starts_with('.')) {
        return skip("hidden file");
    }
    if file == CURATION_FILE {
        return skip("the curation file: its edits apply to the entities, it is not an article");
    }
    match name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .as_deref()
    {
        Some("txt" | "md" | "markdown") => Ok(FileKind::Text),
        Some("json") => Ok(FileKind::Json),
        Some("jsonl" | "ndjson") => Ok(FileKind::JsonLines),
        Some("html" | "htm") => Ok(FileKind::Html),
        _ => skip("not an article format (.txt, .md, .json, .jsonl, .html)"),
    }
}

/// Reads one seed file into its articles. `file` is its path relative to the seed folder.
pub fn parse_file(file: &str, bytes: &[u8]) -> Result<Vec<Article>, Error> {
    let kind = classify(file).unwrap_or(FileKind::Text);
    parse_as(file, bytes, kind, read_page).map_err(|kind| Error::new(file, kind))
}

/// [`parse_file`] without the page reader: a saved web page is refused
/// ([`ErrorKind::PagesNotInThisBuild`]). For the app's wasm when its seeds hold no page
/// (the `dossier` crate's `cfg(dossier_html_seeds)`, which its build script sets): a wasm
/// that never calls [`parse_file`] links no HTML parser, Readability or encoding tables
/// (~470 KB gzip).
pub fn parse_file_without_pages(file: &str, bytes: &[u8]) -> Result<Vec<Article>, Error> {
    let kind = classify(file).unwrap_or(FileKind::Text);
    parse_as(file, bytes, kind, refuse_page).map_err(|kind| Error::new(file, kind))
}

/// How a saved web page is read: [`read_page`] or [`refuse_page`].
type PageReader = fn(&str, &str, &[u8]) -> Result<Vec<Article>, ErrorKind>;

fn parse_as(
    file: &str,
    bytes: &[u8],
    kind: FileKind,
    read_page: PageReader,
) -> Result<Vec<Article>, ErrorKind> {
    if bytes.is_empty() {
        return Err(ErrorKind::Empty);
    }
    let stem = id_stem(file);
    match kind {
        // A page names its own encoding: it is decoded there, not required to be UTF-8.
        FileKind::Html => read_page(file, stem, bytes),
        FileKind::Text => Ok(vec![text_article(file, stem, utf8_text(bytes)?)?]),
        FileKind::Json => {
            let text = strip_bom(utf8_text(bytes)?).1;
            records_to_articles(file, stem, json_records::parse_json(text)?)
        }
        FileKind::JsonLines => {
            let text = strip_bom(utf8_text(bytes)?).1;
            records_to_articles(file, stem, json_records::parse_jsonl(text)?)
        }
    }
}

/// A saved web page's article.
fn read_page(file: &str, stem: &str, bytes: &[u8]) -> Result<Vec<Article>, ErrorKind> {
    Ok(vec![super::html::read_page(file, stem, bytes)?])
}

/// No page reader: see [`parse_file_without_pages`].
fn refuse_page(_file: &str, _stem: &str, _bytes: &[u8]) -> Result<Vec<Article>, ErrorKind> {
    Err(ErrorKind::PagesNotInThisBuild)
}

/// The bytes of a text format as text: UTF-8, and not blank.
fn utf8_text(bytes: &[u8]) -> Result<&str, ErrorKind> {
    let text = std::str::from_utf8(bytes).map_err(|e| ErrorKind::InvalidUtf8 {
        byte: e.valid_up_to(),
        line: line_of(bytes, e.valid_up_to()),
    })?;
    if is_blank(text) {
        return Err(ErrorKind::Blank);
    }
    Ok(text)
}

/// The path without its extension: `000_c98.txt` → `000_c98`, `world/a.md` → `world/a`.
fn id_stem(file: &str) -> &str {
    match file.rfind('.') {
        Some(dot) if dot > file.rfind('/').map_or(0, |s| s + 1) => &file[..dot],
        _ => file,
    }
}

fn strip_bom(text: &str) -> (usize, &str) {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => ('\u{feff}'.len_utf8(), rest),
        None => (0, text),
    }
}

fn text_article(file: &str, stem: &str, text: &str) -> Result<Article, ErrorKind> {
    let (bom, after_bom) = strip_bom(text);
    let mut fm = front_matter::split(after_bom, bom)?.unwrap_or_default();
    let body_start = fm.body_start.max(bom);
    let body = ByteSpan::new(body_start, text.len());
    if is_blank(body.slice(text)) {
        return Err(ErrorKind::NoBody);
    }
    let date = fm
        .take("date")
        .map(|d| parse_date(&d).map_err(|hint| ErrorKind::Date { value: d, hint }))
        .transpose()?;
    let mut source = fm.take("source");
    let body_text = body.slice(text);
    // The agency glued to the first sentence is the source, and never part of the title.
    let title_from = match title::glued_agency(body_text) {
        Some((agency, sentence_start)) => {
            source.get_or_insert_with(|| agency.to_string());
            &body_text[sentence_start..]
        }
        None => body_text,
    };
    let (title, title_origin) = match fm.take("title") {
        Some(t) => (t, TitleOrigin::Given),
        None => (
            title::first_sentence(title_from),
            TitleOrigin::FirstSentence,
        ),
    };
    Ok(Article {
        id: ArticleId(fm.take("id").unwrap_or_else(|| stem.to_string())),
        file: file.to_string(),
        text: text.to_string(),
        body,
        title,
        title_origin,
        date,
        source,
        url: fm.take("url"),
        author: fm.take("author"),
        meta: fm.fields,
        original: None,
    })
}

fn records_to_articles(
    file: &str,
    stem: &str,
    records: Vec<Record>,
) -> Result<Vec<Article>, ErrorKind> {
    records
        .into_iter()
        .map(|rec| {
            let rec = rec.without_blank_fields();
            if is_blank(&rec.body) && rec.title.is_none() {
                let record = rec
                    .position
                    .map_or_else(|| "(the file's object)".into(), |p| p.label());
                return Err(ErrorKind::JsonRecord {
                    record,
                    message: "the body is empty".into(),
                });
            }
            let date = rec
                .date
                .map(|d| parse_date(&d).map_err(|hint| ErrorKind::Date { value: d, hint }))
                .transpose()?;
            let id = rec.id.unwrap_or_else(|| {
                format!(
                    "{stem}{}",
                    rec.position.map(|p| p.id_suffix()).unwrap_or_default()
                )
            });
            let title_origin = json_records::title_origin(&rec.title);
            let mut source = rec.source;
            let title = rec
                .title
                .unwrap_or_else(|| match title::glued_agency(&rec.body) {
                    Some((agency, start)) => {
                        source.get_or_insert_with(|| agency.to_string());
                        title::first_sentence(&rec.body[start..])
                    }
                    None => title::first_sentence(&rec.body),
                });
            Ok(Article {
                id: ArticleId(id),
                file: file.to_string(),
                body: ByteSpan::new(0, rec.body.len()),
                text: rec.body,
                title,
                title_origin,
                date,
                source,
                url: rec.url,
                author: rec.author,
                meta: rec.meta,
                original: None,
            })
        })
        .collect()
}

/// Fails with one error per clash when two articles share an id (`a.txt` and `a.md`).
pub fn check_unique_ids(articles: &[Article]) -> Result<(), Vec<Error>> {
    check_unique_id_list(articles.iter().map(|a| (a.id.as_str(), a.file.as_str())))
}

/// [`check_unique_ids`] over each article's `(id, file)`, in article order: for a caller
/// that no longer holds the parsed articles.
pub fn check_unique_id_list<'a>(
    ids: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<(), Vec<Error>> {
    let mut first_file: HashMap<&str, &str> = HashMap::new();
    let mut errors = Vec::new();
    for (id, file) in ids {
        if let Some(other) = first_file.insert(id, file) {
            first_file.insert(id, other);
            errors.push(Error::new(
                file.to_string(),
                ErrorKind::DuplicateId {
                    id: id.to_string(),
                    other: other.to_string(),
                },
            ));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Reads every article file of a seed folder (name, bytes), reporting every bad file, not
/// just the first. Files that are not articles are returned as [`Skipped`].
pub fn parse_files<'a>(
    files: impl IntoIterator<Item = SeedFile<'a>>,
) -> Result<(Vec<Article>, Vec<Skipped>), Vec<Error>> {
    let mut articles = Vec::new();
    let mut skipped = Vec::new();
    let mut errors = Vec::new();
    for (name, bytes) in files {
        match classify(name) {
            Err(skip) => skipped.push(skip),
            Ok(kind) => match parse_as(name, bytes, kind, read_page) {
                Ok(mut parsed) => articles.append(&mut parsed),
                Err(kind) => errors.push(Error::new(name, kind)),
            },
        }
    }
    if let Err(mut clashes) = check_unique_ids(&articles) {
        errors.append(&mut clashes);
    }
    if errors.is_empty() {
        Ok((articles, skipped))
    } else {
        Err(errors)
    }
}
