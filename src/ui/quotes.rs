//! The quotes view: every quote of the matching articles with its speaker, article and date;
//! narrowed by the Speakers facet and by the words of the search (which must appear in the
//! quote itself). Each quote's permalink opens the article scrolled to it.

use super::link::ViewLink;
use super::state::AppState;
use crate::query::Filter;
use crate::query::quote_list::matching_quotes;
use leptos::prelude::*;

/// Quotes listed before "show more".
const PAGE: usize = 100;

/// The quote list.
#[component]
pub fn QuoteList() -> impl IntoView {
    let state = AppState::use_context();
    let limit = RwSignal::new(PAGE);
    move || {
        let (library, results) = (state.library.get()?, state.results.get()?);
        let filter = state.filter.get().0;
        let (total, quotes) = matching_quotes(
            &library.index,
            &library.articles,
            &filter,
            &results.0.matches,
            limit.get(),
        );
        let shown = quotes.len();
        let items = quotes
            .into_iter()
            .filter_map(|hit| {
                let article = library.articles.get(hit.doc as usize)?;
                let entry = library.index.quotes().get(hit.quote as usize)?;
                let speaker = hit
                    .speaker
                    .and_then(|s| library.index.speakers().get(s as usize))
                    .map(|s| (s.key.clone(), s.name.clone()));
                Some(quote_row(
                    QuoteRow {
                        article: article.id.0.clone(),
                        number: entry.number,
                        text: hit.span.slice(&article.text).to_string(),
                        speaker,
                        title: article.title.clone(),
                        meta: article.byline(false),
                    },
                    &filter,
                ))
            })
            .collect_view();
        Some(view! {
            <h1 class="view-title visually-hidden">"Quotes"</h1>
            <p class="summary" role="status" id="summary">
                {format!("{total} quote{}", if total == 1 { "" } else { "s" })}
            </p>
            <ol class="quote-hits">{items}</ol>
            <Show when=move || { total > shown }>
                <button class="more" on:click=move |_| limit.update(|n| *n += PAGE)>
                    {format!("Show more ({} more)", total - shown)}
                </button>
            </Show>
        })
    }
}

/// What one row of a quotes view shows, in either build.
pub(super) struct QuoteRow {
    /// The article's id.
    pub article: String,
    /// The quote's number in the article.
    pub number: u32,
    /// The quotation.
    pub text: String,
    /// Its speaker's key and display name, when identified.
    pub speaker: Option<(String, String)>,
    /// The article's title.
    pub title: String,
    /// Source and date.
    pub meta: String,
}

/// One quote: its words, its speaker (a link narrowing the list to them) and a permalink
/// opening the article scrolled to it.
pub(super) fn quote_row(row: QuoteRow, filter: &Filter) -> impl IntoView + use<> {
    let QuoteRow {
        article,
        number,
        text,
        speaker,
        title,
        meta,
    } = row;
    let aria = format!("Open this quote in “{title}”");
    let permalink = Filter {
        article: Some(article.clone()),
        quote: Some(number),
        entity: None,
        ..filter.clone()
    };
    let by_speaker = speaker.map(|(key, name)| {
        let mut f = filter.results_view();
        if !f.speakers.contains(&key) {
            f.speakers.push(key);
        }
        (name, f)
    });
    view! {
        <li class="quote-hit" data-article=article data-quote=number>
            <blockquote>{text}</blockquote>
            <p class="quote-source">
                {match by_speaker {
                    Some((name, f)) => view! { "— " <ViewLink filter=f class="speaker-link">{name}</ViewLink> }.into_any(),
                    None => view! { <span class="speaker-unknown">"— speaker not identified"</span> }.into_any(),
                }}
                ", "
                <ViewLink filter=permalink class="quote-permalink" label=aria>{title}</ViewLink>
                <span class="hit-meta">{meta}</span>
            </p>
        </li>
    }
}
