//! The reader: one article with its entities, dates and quotes marked in the text. A marked
//! name or date is a link that filters by it; a quote shows its speaker; `quote=N` in the
//! URL scrolls to that quote and highlights it. The source link appears only for http(s).

use super::link::ViewLink;
use super::state::{AppState, Library};
use crate::corpus::{Article, parse_date};
use crate::extract::{Annotations, Document, EntityKind};
use crate::query::marks::{Marks, Piece, pieces};
use crate::query::{DateField, Filter};
use leptos::prelude::*;
use std::sync::Arc;

/// Shows article `id`, scrolled to quote `quote` when given.
#[component]
pub fn Reader(
    /// The article's id.
    id: String,
    /// The quote to show, by its number in the article.
    quote: Option<u32>,
) -> impl IntoView {
    let state = AppState::use_context();
    let back = move || Filter {
        article: None,
        quote: None,
        ..state.filter.get().0
    };
    let body = move || {
        let Some(library) = state.library.get() else {
            return view! { <p class="summary" role="status">"Opening the article when indexing finishes…"</p> }.into_any();
        };
        match library.article(&id) {
            Some((doc, article, found)) => article_view(&library, doc, article, found, quote, &state.filter.get_untracked().0).into_any(),
            None => view! {
                <p class="notice" role="alert">{format!("There is no article “{id}” in this Dossier.")}</p>
            }
            .into_any(),
        }
    };
    // After the article renders, bring the linked quote into view.
    Effect::new(move |_| {
        state.library.track();
        if let Some(n) = quote {
            request_animation_frame(move || {
                if let Some(el) = document().get_element_by_id(&format!("quote-{n}")) {
                    el.scroll_into_view();
                }
            });
        }
    });
    view! {
        {move || view! { <ViewLink filter=back() class="back">"← Back to results"</ViewLink> }}
        {body}
    }
}

fn article_view(
    library: &Arc<Library>,
    doc_id: u32,
    article: &Article,
    found: &Annotations,
    active_quote: Option<u32>,
    filter: &Filter,
) -> impl IntoView + use<> {
    let doc = Document::parse(&article.text, article.body);
    let marks = Marks::new(found);
    let paragraphs = doc
        .paragraphs
        .iter()
        .map(|&p| {
            let pieces = pieces(p, &marks);
            view! { <p>{pieces.into_iter().map(|piece| piece_view(library, doc_id, article, found, &piece, active_quote, filter)).collect_view()}</p> }
        })
        .collect_view();
    let meta = article.byline(true);
    let link = article.safe_url().map(|url| {
        view! { <a class="source-link" href=url.to_string() rel="noopener noreferrer nofollow">"Original article ↗"</a> }
    });
    view! {
        <article class="reader" aria-labelledby="reader-title">
            <h1 id="reader-title">{article.title.clone()}</h1>
            <p class="article-meta">{meta} " " {link}</p>
            <div class="reader-body">{paragraphs}</div>
            <InThisArticle found=found.clone()/>
        </article>
    }
}

/// One run of text, wrapped in the marks that cover it.
fn piece_view(
    library: &Arc<Library>,
    doc_id: u32,
    article: &Article,
    found: &Annotations,
    piece: &Piece,
    active_quote: Option<u32>,
    filter: &Filter,
) -> AnyView {
    let text = piece.span.slice(&article.text).to_string();
    let base = filter.results_view();
    let mut inner: AnyView = text.clone().into_any();
    if let Some(entity) = piece
        .mention
        .and_then(|m| found.mentions.get(m))
        .and_then(|m| found.entities.get(m.entity))
    {
        let mut target = base.clone();
        if !target.entities.contains(&entity.id) {
            target.entities.push(entity.id.clone());
        }
        let class = format!("mark mark-{}", entity.kind.as_str());
        let label = format!(
            "{text}: {} {}; filter by it",
            kind_word(entity.kind),
            entity.canonical
        );
        inner = view! { <ViewLink filter=target class=class label=label>{text.clone()}</ViewLink> }
            .into_any();
    } else if let Some(date) = piece.date.and_then(|d| found.dates.get(d)) {
        let value = date.value.clone().unwrap_or_default();
        inner = match parse_date(&value) {
            Ok(day) => {
                let target = Filter {
                    from: Some(day),
                    to: Some(day),
                    dates: DateField::Mentioned,
                    ..base.clone()
                };
                let label = format!("{text}: {value}; find articles mentioning it");
                view! { <ViewLink filter=target class="mark mark-date" label=label>{text.clone()}</ViewLink> }.into_any()
            }
            Err(_) => {
                view! { <span class="mark mark-date" title=value>{text.clone()}</span> }.into_any()
            }
        };
    }
    let Some(q) = piece.quote else { return inner };
    let quote = &found.quotes[q];
    let active = active_quote == Some(q as u32);
    let starts = quote.span.start == piece.span.start;
    let speaker_tag = piece
        .quote_ends
        .then(|| speaker_tag(library, doc_id, found, q, &base));
    view! {
        <span class="quote" class:quote-active=active id=starts.then(|| format!("quote-{q}")) data-quote=q>{inner}</span>
        {speaker_tag}
    }
    .into_any()
}

fn speaker_tag(
    library: &Arc<Library>,
    doc: u32,
    found: &Annotations,
    q: usize,
    base: &Filter,
) -> AnyView {
    let index = &library.index;
    let speaker = index
        .doc_quotes(doc)
        .iter()
        .filter_map(|&i| index.quotes().get(i as usize))
        .find(|entry| entry.number as usize == q)
        .and_then(|entry| index.speakers().get(entry.speaker as usize));
    match (found.quotes[q].speaker.clone(), speaker) {
        (Some(name), Some(info)) => {
            let mut target = base.clone();
            if !target.speakers.contains(&info.key) {
                target.speakers.push(info.key.clone());
            }
            view! { <span class="speaker-tag">" — "<ViewLink filter=target class="speaker-link">{name}</ViewLink></span> }.into_any()
        }
        (Some(name), None) => {
            view! { <span class="speaker-tag">{format!(" — {name}")}</span> }.into_any()
        }
        (None, _) => ().into_any(),
    }
}

fn kind_word(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "organisation",
        EntityKind::Place => "place",
        EntityKind::Misc => "name",
    }
}

/// The entities of the article, each linking to its entity page.
#[component]
fn InThisArticle(
    /// The article's annotations.
    found: Annotations,
) -> impl IntoView {
    let state = AppState::use_context();
    let groups = [
        (EntityKind::Person, "People"),
        (EntityKind::Organization, "Organisations"),
        (EntityKind::Place, "Places"),
    ];
    let filter = state.filter.get_untracked().0;
    let lists = groups
        .into_iter()
        .filter_map(|(kind, title)| {
            let mut entities: Vec<_> = found.entities.iter().filter(|e| e.kind == kind).collect();
            if entities.is_empty() {
                return None;
            }
            entities.sort_by(|a, b| a.canonical.cmp(&b.canonical));
            let items = entities
                .into_iter()
                .map(|e| {
                    let page = Filter {
                        entity: Some(e.id.clone()),
                        ..filter.results_view()
                    };
                    let name = e.canonical.clone();
                    view! { <li><ViewLink filter=page class="entity-link">{name}</ViewLink></li> }
                })
                .collect_view();
            Some(view! { <h3>{title}</h3><ul>{items}</ul> })
        })
        .collect_view();
    view! {
        <aside class="in-article" aria-label="Named in this article">
            <h2>"Named in this article"</h2>
            {lists}
        </aside>
    }
}
