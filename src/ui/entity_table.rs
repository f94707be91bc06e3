//! The entity table (`?view=entities`): every entity and speaker in the matching articles —
//! name, kind, articles, mentions, quotes, first and last date — sorted by any column
//! (`by=` in the URL, so a sorted table is a link), searchable over every row, 100 rows a
//! page. A row's name opens its page (a speaker's quotes); its "Filter" adds it to the
//! filter.

use super::archive_source::ArchiveSource;
use super::link::ViewLink;
use super::state::AppState;
use crate::extract::EntityId;
use crate::query::Filter;
use crate::query::View;
use crate::query::entity_table::{
    Column, EntityRow, RowKind, TableSort, date_label, entity_rows, find_rows, merge_rows,
    sort_rows,
};
use leptos::prelude::*;
use std::sync::Arc;

/// Rows per page.
const PAGE_ROWS: usize = 100;

/// Rows shared by the table's parts, compared by identity.
#[derive(Clone)]
struct SharedRows(Arc<Vec<EntityRow>>);

impl PartialEq for SharedRows {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The table view of the embedded build (and of the reader's own articles alone).
#[component]
pub fn EntityTable() -> impl IntoView {
    let state = AppState::use_context();
    let rows = Memo::new(move |_| {
        let library = state.library.get()?;
        let results = state.results.get()?;
        let sort = state.filter.get().0.by.unwrap_or_default();
        let mut rows = entity_rows(&library.index, library.entity_stats(), &results.0.matches);
        sort_rows(&mut rows, sort);
        Some(SharedRows(Arc::new(rows)))
    });
    let articles = Signal::derive(move || state.results.get().map_or(0, |r| r.0.total));
    let waiting = "The table appears when indexing finishes.";
    view! { <EntityTableOf rows=rows.into() articles=articles waiting=waiting/> }
}

/// The table view of an archive: counted from the facet postings and tallies of each
/// kind's top 200 (fetched as the view needs them, see
/// [`crate::archive::Archive::entity_rows`]), with the reader's own articles' rows added
/// when the view takes them.
#[component]
pub fn ArchiveEntityTable() -> impl IntoView {
    let state = AppState::use_context();
    let source = ArchiveSource::use_context();
    // Counting depends on the filter without its sort: a new sort only reorders.
    let counted = Memo::new(move |_| Filter {
        by: None,
        ..state.filter.get().0
    });
    let (site_rows, failed) = source.follow(counted, |source, filter| async move {
        source.entity_rows(&filter).await
    });
    let rows = Memo::new(move |_| {
        let site = site_rows.get()?;
        let sort = state.filter.get().0.by.unwrap_or_default();
        // The reader's articles are in the view exactly when their results are there.
        let own = state.library.get().zip(state.results.get());
        let mut rows = match own {
            Some((library, results)) => merge_rows(
                site.to_vec(),
                &entity_rows(&library.index, library.entity_stats(), &results.0.matches),
            ),
            None => site.to_vec(),
        };
        sort_rows(&mut rows, sort);
        Some(SharedRows(Arc::new(rows)))
    });
    let articles = Signal::derive(move || source.totals(state).map_or(0, |(total, _)| total));
    view! {
        {move || failed.get().map(|e| view! {
            <div class="notice archive-failed" role="alert" id="archive-failed">
                <p>{format!("The table could not be loaded: {e}.")}</p>
            </div>
        })}
        <EntityTableOf rows=rows.into() articles=articles waiting="Loading the table from the archive…"/>
        <p class="table-note">"From an archive, the table lists the 200 most named people, organisations, places and other names, and the 200 most quoted speakers, of the whole archive; its counts are exact for this view."</p>
    }
}

/// The table of `rows` (sorted): searchable, paged, its headings links that sort it.
#[component]
fn EntityTableOf(
    /// The rows, once counted.
    rows: Signal<Option<SharedRows>>,
    /// Matching articles, for the summary.
    articles: Signal<usize>,
    /// What the table says until the rows are there.
    waiting: &'static str,
) -> impl IntoView {
    let state = AppState::use_context();
    // The search box and the page are transient, like a facet's find box.
    let find = RwSignal::new(String::new());
    let page = RwSignal::new(0usize);
    // A new filter, sort or search starts at the first page.
    Effect::new(move |_| {
        rows.track();
        find.track();
        page.set(0);
    });
    let table = move || {
        let Some(SharedRows(rows)) = rows.get() else {
            return view! { <p class="summary" role="status" id="table-loading">{waiting}</p> }
                .into_any();
        };
        let filter = state.filter.get().0;
        let sort = filter.by.unwrap_or_default();
        let needle = find.get();
        let found = find_rows(&rows, &needle);
        let pages = found.len().div_ceil(PAGE_ROWS).max(1);
        let at = page.get().min(pages - 1);
        let first = at * PAGE_ROWS;
        let shown = &found[first..(first + PAGE_ROWS).min(found.len())];
        let base = filter.results_view();
        let summary = if needle.trim().is_empty() {
            format!(
                "{} names and speakers in {} articles",
                rows.len(),
                articles.get()
            )
        } else {
            format!(
                "{} of {} names and speakers match “{}”",
                found.len(),
                rows.len(),
                needle.trim()
            )
        };
        let head = Column::ALL
            .iter()
            .map(|&(column, _)| header(&base, sort, column))
            .collect_view();
        let body = shown.iter().map(|row| row_view(&base, row)).collect_view();
        let range = if found.is_empty() {
            "No rows".to_string()
        } else {
            format!(
                "Rows {}–{} of {}",
                first + 1,
                first + shown.len(),
                found.len()
            )
        };
        view! {
            <p id="table-summary" class="summary" role="status">{summary}</p>
            <div class="table-scroll">
                <table class="entity-table">
                    <caption class="visually-hidden">"Names and speakers in the matching articles; column headings sort"</caption>
                    <thead><tr>{head}<th scope="col"><span class="visually-hidden">"Filter"</span></th></tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            <nav class="pager" aria-label="Table pages">
                <button type="button" class="page-prev" disabled=at == 0 on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>"← Previous"</button>
                <span class="page-range">{range}{format!(" · page {} of {pages}", at + 1)}</span>
                <button type="button" class="page-next" disabled=at + 1 >= pages on:click=move |_| page.update(|p| *p += 1)>"Next →"</button>
            </nav>
        }
        .into_any()
    };
    view! {
        <section class="entity-table-view" aria-labelledby="entity-table-heading">
            <h1 id="entity-table-heading" class="view-heading">"Names and speakers"</h1>
            <label class="visually-hidden" for="table-find">"Find in the table"</label>
            <input id="table-find" class="table-find" type="search" autocomplete="off"
                placeholder="Find a name, kind, id or date"
                prop:value=move || find.get()
                on:input=move |ev| find.set(event_target_value(&ev))/>
            {table}
        </section>
    }
}

/// A column heading: a link to the table sorted by it (flipped if it is the current one).
fn header(base: &Filter, sort: TableSort, column: Column) -> impl IntoView + use<> {
    let target = Filter {
        by: Some(sort.clicked(column)).filter(|s| *s != TableSort::default()),
        ..base.clone()
    };
    let current = sort.column == column;
    let aria_sort = match (current, sort.descending) {
        (false, _) => "none",
        (true, false) => "ascending",
        (true, true) => "descending",
    };
    let arrow = match (current, sort.descending) {
        (false, _) => "",
        (true, false) => " ▲",
        (true, true) => " ▼",
    };
    let title = match column {
        Column::Name => "Name",
        Column::Kind => "Kind",
        Column::Articles => "Articles",
        Column::Mentions => "Mentions",
        Column::Quotes => "Quotes",
        Column::First => "First",
        Column::Last => "Last",
    };
    let numeric = matches!(column, Column::Articles | Column::Mentions | Column::Quotes);
    view! {
        <th scope="col" aria-sort=aria_sort class:numeric=numeric data-column=column.as_str()>
            <ViewLink filter=target class="sort-link">{title}<span aria-hidden="true">{arrow}</span></ViewLink>
        </th>
    }
}

fn row_view(base: &Filter, row: &EntityRow) -> impl IntoView + use<> {
    let (open, mut filtered) = (base.clone(), base.clone());
    let open = match row.kind {
        RowKind::Entity(_) => Filter {
            entity: Some(EntityId(row.key.clone())),
            ..open
        },
        RowKind::Speaker => {
            let mut quotes = open;
            if !quotes.speakers.contains(&row.key) {
                quotes.speakers.push(row.key.clone());
            }
            quotes.view = View::Quotes;
            quotes
        }
    };
    let added = match row.kind {
        RowKind::Entity(_) => filtered.entities.iter().any(|e| e.as_str() == row.key),
        RowKind::Speaker => filtered.speakers.contains(&row.key),
    };
    match row.kind {
        RowKind::Entity(_) => filtered.toggle_entity(&EntityId(row.key.clone())),
        RowKind::Speaker => match filtered.speakers.iter().position(|s| *s == row.key) {
            Some(at) => {
                filtered.speakers.remove(at);
            }
            None => filtered.speakers.push(row.key.clone()),
        },
    }
    let name = row.name.clone();
    let label = if added {
        format!("Remove {name} from the filter")
    } else {
        format!("Filter by {name}")
    };
    let mentions = match row.kind {
        RowKind::Speaker => "—".to_string(),
        RowKind::Entity(_) => row.mentions.to_string(),
    };
    view! {
        <tr data-key=row.key.clone()>
            <th scope="row"><ViewLink filter=open class="row-open">{name}</ViewLink></th>
            <td>{row.kind.word()}</td>
            <td class="numeric">{row.articles}</td>
            <td class="numeric">{mentions}</td>
            <td class="numeric">{row.quotes}</td>
            <td class="date">{date_label(row.first)}</td>
            <td class="date">{date_label(row.last)}</td>
            <td><ViewLink filter=filtered class="row-filter" label=label>{if added { "✓ Filtered" } else { "+ Filter" }}</ViewLink></td>
        </tr>
    }
}
