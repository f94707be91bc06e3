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
            None if crate::own::is_own(&id) => view! {
                <p class="notice" role="alert">{format!("“{id}” is one of the articles the person who shared this link added in their own browser; it is not in this one.")}</p>
            }
            .into_any(),
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

pub(super) fn article_view(
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
            {crate::own::is_own(article.id.as_str()).then(|| view! {
                <p class="own-badge">"Your article: kept only in this browser"</p>
            })}
            <h1 id="reader-title">{article.title.clone()}</h1>
            <p class="article-meta">{meta} " " {link}</p>
            {legend(found)}
            <div class="reader-body">{paragraphs}</div>
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
        let shown = text.clone();
        inner =
            view! { <ViewLink filter=target class=class label=label>{shown}</ViewLink> }.into_any();
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
                let shown = text.clone();
                view! { <ViewLink filter=target class="mark mark-date" label=label>{shown}</ViewLink> }.into_any()
            }
            Err(_) => {
                view! { <span class="mark mark-date" title=value>{text.clone()}</span> }.into_any()
            }
        };
    }
    if let Some(q) = piece.speaker {
        inner = speaker_mark(
            library,
            doc_id,
            found,
            q,
            &base,
            &text,
            inner,
            piece.mention.is_some(),
        );
    }
    let Some(q) = piece.quote else { return inner };
    let quote = &found.quotes[q];
    let active = active_quote == Some(q as u32);
    let starts = quote.span.start == piece.span.start;
    let speaker_tag = piece
        .speaker_tag
        .then(|| speaker_tag(library, doc_id, found, q, &base));
    view! {
        <span class="quote" class:quote-active=active id=starts.then(|| format!("quote-{q}")) data-quote=q>{inner}</span>
        {speaker_tag}
    }
    .into_any()
}

/// The speaker's name and the view of their quotes, when the quote has a speaker.
fn speaker_of(
    library: &Arc<Library>,
    doc: u32,
    found: &Annotations,
    q: usize,
    base: &Filter,
) -> Option<(String, Option<Filter>)> {
    let name = found.quotes.get(q)?.speaker.clone()?;
    let index = &library.index;
    let info = index
        .doc_quotes(doc)
        .iter()
        .filter_map(|&i| index.quotes().get(i as usize))
        .find(|entry| entry.number as usize == q)
        .and_then(|entry| index.speakers().get(entry.speaker as usize));
    let target = info.map(|info| {
        let mut target = base.clone();
        if !target.speakers.contains(&info.key) {
            target.speakers.push(info.key.clone());
        }
        target.view = crate::query::View::Quotes;
        target
    });
    Some((name, target))
}

/// The words of the text that say who speaks ("Zas said", "he said"): marked, naming the
/// speaker; a link to their quotes unless the words are already an entity's link.
#[allow(clippy::too_many_arguments)]
fn speaker_mark(
    library: &Arc<Library>,
    doc: u32,
    found: &Annotations,
    q: usize,
    base: &Filter,
    text: &str,
    inner: AnyView,
    inside_link: bool,
) -> AnyView {
    let Some((name, target)) = speaker_of(library, doc, found, q, base) else {
        return inner;
    };
    let title = format!("Speaker of the quote: {name}");
    match target {
        Some(target) if !inside_link => {
            let label = format!("{text}: speaker {name}; show their quotes");
            let shown = text.to_string();
            view! { <span class="speaker-of" data-speaker-of=q><ViewLink filter=target class="mark mark-speaker" label=label>{shown}</ViewLink></span> }
                .into_any()
        }
        _ => view! { <span class="mark-speaker speaker-of" title=title data-speaker-of=q>{inner}</span> }.into_any(),
    }
}

/// After a quote whose speaker is not named next to it (the speech goes on from the quote
/// before): the speaker in a tag, set apart from the text.
fn speaker_tag(
    library: &Arc<Library>,
    doc: u32,
    found: &Annotations,
    q: usize,
    base: &Filter,
) -> AnyView {
    match speaker_of(library, doc, found, q, base) {
        Some((name, Some(target))) => view! {
            <span class="speaker-tag"><span class="visually-hidden">"said by "</span>
                <ViewLink filter=target class="speaker-link">{name}</ViewLink></span>
        }
        .into_any(),
        Some((name, None)) => view! {
            <span class="speaker-tag"><span class="visually-hidden">"said by "</span>{name}</span>
        }
        .into_any(),
        None => ().into_any(),
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

/// What the colours of the marks mean: one sample per kind of mark the article has.
fn legend(found: &Annotations) -> impl IntoView + use<> {
    let has_kind = |kind: EntityKind| found.entities.iter().any(|e| e.kind == kind);
    // Samples carry `legend-*` classes coloured like the marks, not the marks' own classes,
    // so that nothing looking for a mark in the reader finds a sample.
    let entries = [
        (has_kind(EntityKind::Person), "person", "Person"),
        (
            has_kind(EntityKind::Organization),
            "organization",
            "Organisation",
        ),
        (has_kind(EntityKind::Place), "place", "Place"),
        (has_kind(EntityKind::Misc), "misc", "Other name"),
        (!found.dates.is_empty(), "date", "Date"),
        (!found.quotes.is_empty(), "quote", "Quote"),
        (
            found.quotes.iter().any(|q| q.speaker_span.is_some()),
            "speaker",
            "Speaker",
        ),
    ];
    let items = entries
        .into_iter()
        .filter(|(present, _, _)| *present)
        .map(|(_, class, label)| {
            view! { <li><span class=format!("legend-sample legend-{class}") data-mark=class>{label}</span></li> }
        })
        .collect_view();
    view! {
        <div class="mark-legend">
            <h2 id="legend-heading" class="visually-hidden">"What the marks mean"</h2>
            <ul aria-labelledby="legend-heading">{items}</ul>
        </div>
    }
}

/// The sidebar while an article is open: that article's names (with their mentions in it)
/// and speakers, each opening its page, instead of the whole collection's facets, which
/// would say nothing about the article being read.
#[component]
pub fn ArticleSidebar(
    /// The open article's id.
    id: String,
) -> impl IntoView {
    let state = AppState::use_context();
    move || {
        let library = state.library.get()?;
        let (_, _, found) = library.article(&id)?;
        let filter = state.filter.get().0;
        let base = filter.results_view();
        let groups = [
            (EntityKind::Person, "People"),
            (EntityKind::Organization, "Organisations"),
            (EntityKind::Place, "Places"),
            (EntityKind::Misc, "Other names"),
        ];
        let mut mentions = vec![0usize; found.entities.len()];
        for m in &found.mentions {
            if let Some(n) = mentions.get_mut(m.entity) {
                *n += 1;
            }
        }
        let lists = groups
            .into_iter()
            .filter_map(|(kind, title)| {
                let mut entities: Vec<(usize, &crate::extract::Entity)> = found
                    .entities
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.kind == kind)
                    .collect();
                if entities.is_empty() {
                    return None;
                }
                crate::sort::by(&mut entities, |a, b| {
                    mentions[b.0]
                        .cmp(&mentions[a.0])
                        .then_with(|| a.1.canonical.cmp(&b.1.canonical))
                });
                let items = entities
                    .into_iter()
                    .map(|(n, e)| {
                        let page = Filter {
                            entity: Some(e.id.clone()),
                            ..base.clone()
                        };
                        let (name, count) = (e.canonical.clone(), mentions[n]);
                        let plural = if count == 1 { " mention" } else { " mentions" };
                        view! {
                            <li><ViewLink filter=page class="facet-value entity-link">
                                <span class="facet-label">{name}</span>
                                <span class="facet-count">{count}<span class="visually-hidden">{plural}</span></span>
                            </ViewLink></li>
                        }
                    })
                    .collect_view();
                Some(view! { <h3>{title}</h3><ul class="facet-values">{items}</ul> })
            })
            .collect_view();
        let mut speakers: Vec<String> = found
            .quotes
            .iter()
            .filter_map(|q| q.speaker.clone())
            .collect();
        crate::sort::all(&mut speakers);
        speakers.dedup();
        let speakers = (!speakers.is_empty()).then(|| {
            view! {
                <h3>"Speakers"</h3>
                <ul class="facet-values">{speakers.into_iter().map(|s| view! { <li class="facet-value">{s}</li> }).collect_view()}</ul>
            }
        });
        let back = base.clone();
        Some(view! {
            <section class="in-article" aria-labelledby="in-article-heading">
                <h2 id="in-article-heading">"In this article"</h2>
                <p class="in-article-note">"Names in the article you are reading, with how often it mentions them. "
                    <ViewLink filter=back class="in-article-close">"Close it"</ViewLink>
                    " for the filters of the whole collection."</p>
                {lists}
                {speakers}
            </section>
        })
    }
}
