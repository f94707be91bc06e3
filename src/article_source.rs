//! The articles the stages after extraction read: parsed ones, or ones kept compressed in
//! memory between the stages of a large build (outside `corpus`, which `build.rs` compiles
//! without the compression crate).
//!
//! A million parsed articles take 2.3 GB as `Article`s: the texts are only 1 GB of that, the
//! rest is a dozen small strings each and their allocations. `dossier build` needs every
//! article at every stage (the resolve stage's passes over the texts, the index, the
//! archive's `texts` and `docs` parts) but only one at a time, so after extraction it keeps
//! each as one block: the text LZ4-compressed, and the other fields as JSON. LZ4 rather
//! than deflate, and the text outside the JSON, because the resolve stage reads every
//! article five to seven times: inflating and parsing whole JSON articles made it take
//! 2.7 times as long at a million articles, LZ4 and a short JSON 1.2 times.

use crate::corpus::Article;
use std::borrow::Cow;

/// Articles packed one block each, in an order [`PackedArticles::reorder`] sets.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Default)]
pub struct PackedArticles {
    packed: Vec<Box<[u8]>>,
    /// Bytes of text before compressing, for the report.
    text_bytes: u64,
}

/// One article packed by [`PackedArticles::pack`]: its fields' JSON (the article with an
/// empty text; a saved page's source is among them) and its text, each an LZ4 block with its
/// length before it, the first preceded by its own length (4 bytes, little-endian).
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug)]
pub struct PackedArticle {
    block: Box<[u8]>,
    text_bytes: usize,
}

#[cfg(not(target_arch = "wasm32"))]
impl PackedArticles {
    /// Packs one article (on any thread); [`PackedArticles::from_packed`] gathers them.
    pub fn pack(article: &Article) -> PackedArticle {
        // Every field but the text (a struct literal, so a new field is not forgotten).
        let fields = Article {
            id: article.id.clone(),
            file: article.file.clone(),
            text: String::new(),
            body: article.body,
            title: article.title.clone(),
            title_origin: article.title_origin,
            date: article.date,
            source: article.source.clone(),
            url: article.url.clone(),
            author: article.author.clone(),
            meta: article.meta.clone(),
            original: article.original.clone(),
        };
        // Serializing a struct of strings, numbers and enums into memory cannot fail.
        let json = serde_json::to_vec(&fields).unwrap_or_default();
        let json = lz4_flex::compress_prepend_size(&json);
        let text = lz4_flex::compress_prepend_size(article.text.as_bytes());
        let mut block = Vec::with_capacity(4 + json.len() + text.len());
        block.extend_from_slice(&(json.len() as u32).to_le_bytes());
        block.extend_from_slice(&json);
        block.extend_from_slice(&text);
        PackedArticle {
            // Exactly its length: a shrunk buffer would keep its allocation's size (see
            // `Annotations::compact`).
            block: block.into_boxed_slice(),
            text_bytes: article.text.len(),
        }
    }

    /// The articles [`PackedArticles::pack`] gave, in that order.
    pub fn from_packed(articles: impl IntoIterator<Item = PackedArticle>) -> Self {
        let mut text_bytes = 0;
        let packed = articles
            .into_iter()
            .map(|a| {
                text_bytes += a.text_bytes as u64;
                a.block
            })
            .collect();
        Self { packed, text_bytes }
    }

    /// Number of articles.
    pub fn len(&self) -> usize {
        self.packed.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.packed.is_empty()
    }

    /// Bytes held, and bytes of text they hold.
    pub fn sizes(&self) -> (u64, u64) {
        let held = self.packed.iter().map(|p| p.len() as u64).sum();
        (held, self.text_bytes)
    }

    /// Article `i`.
    pub fn get(&self, i: usize) -> Option<Article> {
        let block = self.packed.get(i)?;
        // Blocks are written only by `pack`, in this process, from a valid `Article`: the
        // length, the JSON serde_json wrote, and an LZ4 block of UTF-8 all read back.
        let (length, rest) = block.split_at(4);
        let length = u32::from_le_bytes(length.try_into().expect("4 bytes")) as usize;
        let (json, text) = rest.split_at(length);
        let json = lz4_flex::decompress_size_prepended(json).expect("packed fields inflate");
        let mut article: Article =
            serde_json::from_slice(&json).expect("a packed article's fields read back");
        let text = lz4_flex::decompress_size_prepended(text).expect("a packed text inflates");
        article.text = String::from_utf8(text).expect("a packed text is the UTF-8 it was");
        Some(article)
    }

    /// Puts the articles in `order` (positions in the current order, each once).
    pub fn reorder(&mut self, order: &[usize]) {
        self.packed = in_order(std::mem::take(&mut self.packed), order);
    }
}

/// `items` in `order` (positions in the current order; a position out of range or given
/// twice yields nothing more), each moved, none copied.
pub fn in_order<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut old: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|&i| old.get_mut(i)?.take())
        .collect()
}

/// The articles a stage reads, by position: a slice of parsed ones, or packed ones that are
/// unpacked as they are read. `&Vec<Article>`, `&Arc<Vec<Article>>`, `&[Article]` and
/// `&PackedArticles` all convert.
#[derive(Debug, Clone, Copy)]
pub enum ArticleSource<'a> {
    /// Parsed articles.
    Parsed(&'a [Article]),
    /// Packed articles.
    #[cfg(not(target_arch = "wasm32"))]
    Packed(&'a PackedArticles),
}

impl<'a> ArticleSource<'a> {
    /// Number of articles.
    pub fn len(self) -> usize {
        match self {
            Self::Parsed(articles) => articles.len(),
            #[cfg(not(target_arch = "wasm32"))]
            Self::Packed(packed) => packed.len(),
        }
    }

    /// Whether there are none.
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// Article `i` (borrowed when parsed, unpacked when packed).
    pub fn get(self, i: usize) -> Option<Cow<'a, Article>> {
        match self {
            Self::Parsed(articles) => articles.get(i).map(Cow::Borrowed),
            #[cfg(not(target_arch = "wasm32"))]
            Self::Packed(packed) => packed.get(i).map(Cow::Owned),
        }
    }

    /// Article `i` as JSON (as a `texts` part stores it).
    pub fn json(self, i: usize) -> Option<Result<String, serde_json::Error>> {
        self.get(i).map(|article| serde_json::to_string(&*article))
    }
}

impl<'a> From<&'a [Article]> for ArticleSource<'a> {
    fn from(articles: &'a [Article]) -> Self {
        Self::Parsed(articles)
    }
}

impl<'a> From<&'a Vec<Article>> for ArticleSource<'a> {
    fn from(articles: &'a Vec<Article>) -> Self {
        Self::Parsed(articles)
    }
}

/// The browser shares its articles between views.
impl<'a> From<&'a std::sync::Arc<Vec<Article>>> for ArticleSource<'a> {
    fn from(articles: &'a std::sync::Arc<Vec<Article>>) -> Self {
        Self::Parsed(articles)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl<'a> From<&'a PackedArticles> for ArticleSource<'a> {
    fn from(packed: &'a PackedArticles) -> Self {
        Self::Packed(packed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse_file;

    fn articles() -> Vec<Article> {
        let mut all = parse_file(
            "a.md",
            "---\ntitle: \"Quotes \\\"and\\\" accents: Ereván\"\ndate: 2022-11-23\nsource: Agency\ndesk: Caucasus\n---\nLine one.\n\nLine two, with a tab\tand é.\n"
                .as_bytes(),
        )
        .expect("parses");
        all.extend(parse_file("b.txt", b"Second article.\r\nWith CRLF.").expect("parses"));
        all
    }

    #[test]
    fn packed_articles_read_back_as_parsed_and_as_the_same_json() {
        let parsed = articles();
        let packed = PackedArticles::from_packed(parsed.iter().map(PackedArticles::pack));
        assert_eq!(packed.len(), 2);
        let (held, text) = packed.sizes();
        assert!(held > 0);
        assert_eq!(
            text,
            parsed.iter().map(|a| a.text.len() as u64).sum::<u64>()
        );
        let source = ArticleSource::from(&packed);
        for (i, article) in parsed.iter().enumerate() {
            assert_eq!(packed.get(i).as_ref(), Some(article));
            assert_eq!(source.get(i).as_deref(), Some(article));
            assert_eq!(
                source.json(i).map(Result::ok),
                Some(serde_json::to_string(article).ok())
            );
        }
        assert_eq!(packed.get(2), None);
    }

    #[test]
    fn reorder_puts_articles_in_the_order_given() {
        let parsed = articles();
        let mut packed = PackedArticles::from_packed(parsed.iter().map(PackedArticles::pack));
        packed.reorder(&[1, 0]);
        assert_eq!(packed.get(0).as_ref(), Some(&parsed[1]));
        assert_eq!(packed.get(1).as_ref(), Some(&parsed[0]));
    }
}
