//! Shared by the hostile-input and fuzz tests: runs the whole native pipeline on an article
//! (structure and `extract::annotate`) and checks that every span it reports is well formed:
//! ordered, inside the text, on char boundaries, and (for body spans) inside the body.

use dossier::ByteSpan;
use dossier::corpus::Article;
use dossier::extract::{self, Document};

/// Checks one span of `text`; `what` names it in the failure message.
pub fn check_span(text: &str, span: ByteSpan, what: &str) {
    assert!(span.start <= span.end, "{what}: {span:?} is reversed");
    assert!(
        span.end <= text.len(),
        "{what}: {span:?} ends past the text ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start),
        "{what}: {span:?} starts inside a character"
    );
    assert!(
        text.is_char_boundary(span.end),
        "{what}: {span:?} ends inside a character"
    );
}

/// Checks a span that must also lie inside the article's body.
fn check_body_span(article: &Article, span: ByteSpan, what: &str) {
    check_span(&article.text, span, what);
    assert!(
        article.body.contains(span),
        "{what}: {span:?} is outside the body {:?}",
        article.body
    );
}

/// The article itself: its body span, title and preview.
pub fn check_article(article: &Article) {
    check_span(&article.text, article.body, "body");
    assert!(
        !article.title.trim().is_empty(),
        "{}: the title is blank",
        article.id
    );
    let _ = article.preview(240);
    let _ = article.safe_url();
}

/// Segments and annotates `article` (no panic) and checks every span; returns the document.
pub fn check_pipeline(article: &Article) -> Document<'_> {
    check_article(article);
    let doc = Document::parse(&article.text, article.body);
    for (i, p) in doc.paragraphs.iter().enumerate() {
        check_body_span(article, *p, &format!("paragraph {i}"));
    }
    for (i, s) in doc.sentences.iter().enumerate() {
        check_body_span(article, s.span, &format!("sentence {i}"));
        assert!(
            s.tokens.end <= doc.tokens.len(),
            "sentence {i} names tokens past the end"
        );
    }
    for (i, t) in doc.tokens.iter().enumerate() {
        check_body_span(article, t.span, &format!("token {i}"));
    }
    if let Some(d) = &doc.dateline {
        check_body_span(article, d.span, "dateline");
        for part in [d.place, d.agency].into_iter().flatten() {
            check_body_span(article, part, "dateline part");
        }
    }
    let found = extract::annotate(article);
    for m in &found.mentions {
        check_body_span(article, m.span, "entity mention");
        assert!(
            m.entity < found.entities.len(),
            "a mention names a missing entity"
        );
    }
    for d in &found.dates {
        check_body_span(article, d.span, "date");
    }
    for q in &found.quotes {
        check_body_span(article, q.span, "quote");
        if let Some(s) = q.speaker_span {
            check_body_span(article, s, "speaker");
        }
    }
    doc
}
