//! Curation in the browser: a reader's hand edits to the entities (rename, merge, split a
//! merged name off, change the kind, hide as noise), applied at once, listed with an undo
//! for each, kept in this browser (`localStorage`, per site) and exported as the
//! `aliases.toml` that makes the next build apply them for everyone
//! (`crate::resolve::aliases`).
//!
//! The embedded build applies edits from the resolve stage's kept automatic verdicts
//! ([`crate::resolve::Prepared`]): the site's own `aliases.toml` first, this browser's edits
//! after, then the rewrite and the index again: the same code path as the build, so the
//! view after an edit is the view a rebuilt site shows. An archive holds only resolved entities, so in archive mode
//! edits cannot apply until the archive is rebuilt; the panel says so and still exports.

use super::archive_source::{ArchiveSource, Mode};
use super::state::AppState;
use crate::extract::{EntityId, EntityKind};
use crate::query::Filter;
use crate::resolve::aliases::{Action, Edit};
use crate::resolve::{Curated, Curation, Rule};
use leptos::prelude::*;
use std::sync::Arc;

/// The edits the app applies: the site's (built in) and this browser's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Edits {
    /// From the site's `aliases.toml`, built in; applied for everyone.
    pub site: Curation,
    /// Made in this browser, kept in `localStorage`.
    pub mine: Curation,
    /// Why this browser's stored edits could not be read, if they could not.
    pub problem: Option<String>,
}

impl Edits {
    /// Whether there is anything for the edits panel to show: an edit, or a problem
    /// with the stored ones.
    pub fn any(&self) -> bool {
        !self.site.is_empty() || !self.mine.is_empty() || self.problem.is_some()
    }

    /// The site's edits, then this browser's that the site does not already make: what
    /// applies (after a rebuild with the exported file, the browser's copies stay listed,
    /// marked, until undone).
    pub fn all(&self) -> Curation {
        self.site.then(&self.browser_only())
    }

    /// This browser's edits that the site does not already make: what an archive, built
    /// with the site's, is read through ([`crate::archive::curated`]).
    pub fn browser_only(&self) -> Curation {
        Curation {
            edits: self
                .mine
                .edits
                .iter()
                .filter(|e| !self.in_site(e))
                .cloned()
                .collect(),
        }
    }

    /// Whether the site's `aliases.toml` already makes this edit.
    fn in_site(&self, edit: &Edit) -> bool {
        self.site.edits.iter().any(|s| s.action == edit.action)
    }
}

/// The `localStorage` key of this site's edits: one per page path, so two sites on one
/// host keep their own.
fn storage_key() -> String {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    format!("dossier-curation:{path}")
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The site's built-in edits and this browser's stored ones.
pub fn load() -> Result<Edits, String> {
    let site = crate::embedded::curation()?;
    let stored = storage().and_then(|s| s.get_item(&storage_key()).ok().flatten());
    let (mine, problem) = match stored.as_deref().map(Curation::parse) {
        None => (Curation::default(), None),
        Some(Ok(mine)) => (mine, None),
        Some(Err(errors)) => {
            // Nothing lost: the unreadable text is kept aside before new edits replace it.
            let kept = stored.as_deref().zip(storage()).is_some_and(|(text, s)| {
                s.set_item(&format!("{}:unreadable", storage_key()), text)
                    .is_ok()
            });
            let problems = errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ");
            let where_kept = if kept {
                " (kept in this browser's storage as dossier-curation:…:unreadable)"
            } else {
                ""
            };
            (
                Curation::default(),
                Some(format!(
                    "the stored edits cannot be read{where_kept}: {problems}"
                )),
            )
        }
    };
    Ok(Edits {
        site,
        mine,
        problem,
    })
}

/// Keeps this browser's edits; says so when the browser refuses.
fn store(mine: &Curation) -> Result<(), String> {
    let storage = storage().ok_or("this browser keeps no local data for this page")?;
    let key = storage_key();
    let done = if mine.is_empty() {
        storage.remove_item(&key)
    } else {
        storage.set_item(&key, &mine.to_toml())
    };
    done.map_err(|_| "this browser refused to keep the edits".to_string())
}

/// Adds an edit and applies it; `then` runs with what the edit did (to open the entity it
/// leaves).
pub fn add(
    state: AppState,
    source: ArchiveSource,
    action: Action,
    then: impl FnOnce(&Curated) + 'static,
) {
    let mut edits = state.edits.get_untracked();
    edits.mine.edits.push(Edit {
        action,
        note: None,
        line: None,
    });
    change(state, source, edits, then);
}

/// Takes back this browser's edit number `index`.
fn undo(state: AppState, source: ArchiveSource, index: usize) {
    let mut edits = state.edits.get_untracked();
    if index < edits.mine.edits.len() {
        edits.mine.edits.remove(index);
        change(state, source, edits, |_| {});
    }
}

/// Keeps `edits` and applies them: to the embedded articles (or the reader's own) through
/// the resolve stage's kept verdicts, and to an archive by reading it through them.
fn change(
    state: AppState,
    source: ArchiveSource,
    edits: Edits,
    then: impl FnOnce(&Curated) + 'static,
) {
    let stored = store(&edits.mine);
    state.edits.set(Edits {
        problem: stored
            .err()
            .map(|e| format!("{e}; they apply until this page is closed")),
        ..edits
    });
    let archive = source.mode.get_untracked() == Mode::Archive;
    let library = state
        .library
        .get_untracked()
        .and_then(|l| l.prepared.clone().map(|p| (l, p)));
    if !archive && library.is_none() {
        return;
    }
    state.applying.set(true);
    leptos::task::spawn_local(async move {
        // Let the "Applying…" status paint before the work.
        super::loader::yield_to_browser().await;
        let started = super::loader::now_ms();
        let mut last = None;
        if let Some((library, prepared)) = library {
            let all = state.edits.get_untracked().all();
            match super::loader::refinishing(library, prepared, all).await {
                Ok(library) => {
                    last = library.decisions.curated.last().cloned();
                    state.library.set(Some(Arc::new(library)));
                }
                Err(missing) => state.edits.update(|edits| {
                    edits.problem = Some(format!("the edits could not be applied: {missing}"));
                }),
            }
        }
        if archive {
            let mine = state.edits.get_untracked().browser_only();
            // A failure is each edit's outcome, listed in the panel.
            let outcomes = source.apply_edits(mine).await.ok();
            last = outcomes.and_then(|o| o.last().cloned());
        }
        state.applying.set(false);
        record_edit_time(super::loader::now_ms() - started);
        if let Some(last) = last {
            then(&last);
        }
    });
}

/// Leaves the time the last edit took to apply (hand edits, rewrite, index) on `<body>` as
/// `data-edit-ms`, and in the console, for tests and curious readers.
fn record_edit_time(ms: f64) {
    if let Some(body) = document().body() {
        let _ = body.set_attribute("data-edit-ms", &format!("{ms:.0}"));
    }
    web_sys::console::info_1(&format!("Dossier: edit applied in {ms:.0} ms").into());
}

/// The `aliases.toml` of every edit that applies, as a `data:` link to download.
fn export_href(edits: &Edits) -> String {
    let text = edits.all().to_toml();
    format!(
        "data:application/toml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&text))
    )
}

/// The panel of edits: each with what it did, an undo for this browser's, and the export.
/// Shown once there is an edit (or a problem with the stored ones).
#[component]
pub fn CurationPanel(
    /// Whether the views come from an archive (edits cannot apply there until a rebuild).
    archive: bool,
) -> impl IntoView {
    let state = AppState::use_context();
    let source = ArchiveSource::use_context();
    move || {
        let edits = state.edits.get();
        let archive_outcomes = source.curated.get();
        if !edits.any() {
            return None;
        }
        let outcomes = state
            .library
            .get()
            .map(|l| l.decisions.curated.clone())
            .unwrap_or_default();
        // While an edit applies, the outcomes are the previous run's: none is shown.
        let applying = state.applying.get();
        let site_count = edits.site.edits.len();
        // `i` numbers the listed edits (the site's, then this browser's); `applied_as` is
        // the edit's place among those that apply (`Edits::all`), none for a browser's copy
        // of a site edit.
        let item = move |i: usize, applied_as: Option<usize>, edit: &Edit, mine: bool| {
            let outcome = applied_as
                .and_then(|k| outcomes.get(k))
                .map(|c| (c.applied, c.outcome.clone()));
            let here = applied_as.and_then(|k| {
                archive_outcomes
                    .as_ref()?
                    .get(k.checked_sub(site_count)?)
                    .cloned()
            });
            let (applied, said) = match (&outcome, archive) {
                _ if applied_as.is_none() => (
                    true,
                    "already in this site's aliases.toml; Undo removes this browser's copy"
                        .to_string(),
                ),
                // The archive is read through this browser's edits, and the reader's own
                // articles are resolved with them; everyone sees them after a rebuild. Not
                // applying to the reader's articles is no fault: the entity may be the
                // archive's alone.
                (_, true) if mine => match here.filter(|_| !applying) {
                    None => (true, "applying…".to_string()),
                    Some(here) => {
                        let own = match &outcome {
                            Some((true, text)) => format!("; your articles: {text}"),
                            _ => String::new(),
                        };
                        (
                            here.applied,
                            format!(
                                "{}{own}; in this browser until the archive is rebuilt with aliases.toml",
                                here.outcome
                            ),
                        )
                    }
                },
                (Some((applied, text)), _) if !applying => (*applied, text.clone()),
                _ => (true, "applying…".to_string()),
            };
            let undo_button = mine.then(|| {
                let n = i - site_count;
                view! { <button type="button" class="curation-undo" on:click=move |_| undo(state, source, n)>"Undo"</button> }
            });
            view! {
                <li class="curation-edit" class:stale=!applied data-edit=i>
                    <span class="curation-what">{edit.action.to_string()}</span>
                    <span class="curation-outcome">{said}</span>
                    {undo_button}
                </li>
            }
        };
        let site_items = edits
            .site
            .edits
            .iter()
            .enumerate()
            .map(|(i, e)| item(i, Some(i), e, false))
            .collect_view();
        let mut next = site_count;
        let my_items = edits
            .mine
            .edits
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let applied_as = (!edits.in_site(e)).then(|| {
                    next += 1;
                    next - 1
                });
                item(site_count + i, applied_as, e, true)
            })
            .collect_view();
        let href = export_href(&edits);
        Some(view! {
            <section class="curation" aria-labelledby="curation-heading" id="curation">
                <h2 id="curation-heading">{format!("Entity edits ({})", site_count + edits.mine.edits.len())}</h2>
                {archive.then(|| view! {
                    <p class="curation-note">"This site is an archive: its entities were resolved when it was built. Edits made in this browser apply here at once, to the archive's entities and to your own articles; everyone sees them once the archive is rebuilt with the exported aliases.toml beside its seed articles. Splitting a merged name off waits for that rebuild."</p>
                })}
                {edits.problem.clone().map(|p| view! { <p class="notice curation-problem" role="alert">{format!("Your edits in this browser: {p}")}</p> })}
                {(site_count > 0).then(|| view! {
                    <p class="curation-note">"From this site's aliases.toml (applied for everyone):"</p>
                    <ul class="curation-list site">{site_items}</ul>
                })}
                {(!edits.mine.is_empty()).then(|| view! {
                    <p class="curation-note">"Made in this browser (only you see them until the site is rebuilt with the exported file):"</p>
                    <ul class="curation-list mine">{my_items}</ul>
                })}
                <p><a id="curation-export" class="button-link" download="aliases.toml" href=href>"Export aliases.toml"</a></p>
                <p class="curation-note">"Put the exported file beside the seed articles and rebuild: everyone then sees these entities."</p>
            </section>
        })
    }
}

/// Whether edits are being applied, for a status line.
#[component]
pub fn ApplyingStatus() -> impl IntoView {
    let state = AppState::use_context();
    view! {
        <Show when=move || state.applying.get()>
            <p class="load-status" role="status" id="curation-applying">"Applying your edit to every article…"</p>
        </Show>
    }
}

/// The entity page's edit controls: rename, change kind, merge into another entity (found
/// by name), hide as noise.
#[component]
pub fn EntityControls(
    /// The entity.
    id: EntityId,
    /// Its name now.
    name: String,
    /// Its kind now.
    kind: EntityKind,
) -> impl IntoView {
    let state = AppState::use_context();
    let source = ArchiveSource::use_context();
    let new_name = RwSignal::new(name.clone());
    let new_kind = RwSignal::new(kind);
    let search = RwSignal::new(String::new());
    // After an edit: the entity it leaves (renamed, new kind, merged into), or the results
    // when it leaves none (hidden); an edit that did nothing stays here, its reason listed.
    let open = move |last: &Curated| {
        if !last.applied {
            return;
        }
        let mut filter = state.filter_now().results_view();
        filter.entity = last.entity.clone();
        state.go(&filter);
    };
    let (rename_id, kind_id, hide_id) = (id.clone(), id.clone(), id.clone());
    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked().trim().to_string();
        if name.is_empty() {
            return;
        }
        let entity = rename_id.clone();
        add(state, source, Action::Rename { entity, name }, open);
    };
    let set_kind = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let kind = new_kind.get_untracked();
        let entity = kind_id.clone();
        add(state, source, Action::SetKind { entity, kind }, open);
    };
    let hide = move |_| {
        let entity = hide_id.clone();
        add(state, source, Action::Hide { entity }, open);
    };
    let merge_id = id.clone();
    let in_archive = archive_matches(source, search, id.clone());
    let matches = move || {
        let needle = search.get().trim().to_lowercase();
        if needle.chars().count() < 2 {
            return None;
        }
        let found = if source.mode.get() == Mode::Archive {
            in_archive.get()
        } else {
            let library = state.library.get()?;
            let found: Vec<Candidate> = library
                .index
                .entities()
                .iter()
                .enumerate()
                .filter(|(_, e)| e.id != merge_id && e.name.to_lowercase().contains(&needle))
                .map(|(i, e)| {
                    let docs = u32::try_from(i).map_or(0, |i| library.index.entity_docs(i).len());
                    (docs, e.id.clone(), e.name.clone(), e.kind)
                })
                .collect();
            best_candidates(found)
        };
        let from = merge_id.clone();
        let items = found
            .into_iter()
            .map(|(docs, into, name, kind)| {
                let from = from.clone();
                let label = format!(
                    "Merge into {name} ({}, {docs} article{})",
                    kind_word(kind),
                    if docs == 1 { "" } else { "s" }
                );
                view! {
                    <li><button type="button" class="curation-merge-into" data-into=into.to_string()
                        on:click=move |_| {
                            let (entity, into) = (from.clone(), into.clone());
                            add(state, source, Action::Merge { entity, into }, open);
                        }>{label}</button></li>
                }
            })
            .collect_view();
        Some(view! { <ul class="curation-matches">{items}</ul> })
    };
    let kinds = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Misc,
    ];
    view! {
        <details class="curate" id="curate">
            <summary>"Edit this entity"</summary>
            <p class="curation-note">"Edits apply at once in this browser, are listed under “Entity edits” with an undo, and can be exported as aliases.toml for the site."</p>
            <form class="curate-rename" on:submit=rename>
                <label for="curate-name">"Name"</label>
                <input id="curate-name" type="text" autocomplete="off" prop:value=move || new_name.get()
                    on:input=move |ev| new_name.set(event_target_value(&ev))/>
                <button type="submit">"Rename"</button>
            </form>
            <form class="curate-kind" on:submit=set_kind>
                <label for="curate-kind">"Kind"</label>
                <select id="curate-kind" on:change=move |ev| {
                    if let Some(k) = EntityKind::parse(&event_target_value(&ev)) {
                        new_kind.set(k);
                    }
                }>
                    {kinds.into_iter().map(|k| view! {
                        <option value=k.as_str() selected=k == kind>{kind_word(k)}</option>
                    }).collect_view()}
                </select>
                <button type="submit">"Change kind"</button>
            </form>
            <div class="curate-merge">
                <label for="curate-merge-search">"Merge into another entity"</label>
                <input id="curate-merge-search" type="search" autocomplete="off" placeholder="Find an entity by name"
                    prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev))/>
                {matches}
            </div>
            <p><button type="button" class="curate-hide" on:click=hide>{format!("Hide {name} as noise")}</button></p>
        </details>
    }
}

/// Entities offered to merge into: articles, id, name, kind.
type Candidate = (usize, EntityId, String, EntityKind);

/// Entities offered to merge into, at most.
const MERGE_CANDIDATES: usize = 8;

/// The [`MERGE_CANDIDATES`] named in most articles (ties by name).
fn best_candidates(mut found: Vec<Candidate>) -> Vec<Candidate> {
    crate::sort::by(&mut found, |a, b| b.0.cmp(&a.0).then_with(|| a.2.cmp(&b.2)));
    found.truncate(MERGE_CANDIDATES);
    found
}

/// In archive mode, the entities whose name holds the merge box's text (`search`), found
/// by the people, organisations and places find boxes over the whole archive, most
/// articles first; `id` itself left out. Empty until found, or when the archive cannot.
fn archive_matches(
    source: ArchiveSource,
    search: RwSignal<String>,
    id: EntityId,
) -> ReadSignal<Vec<Candidate>> {
    let found = RwSignal::new(Vec::new());
    Effect::new(move |_| {
        let needle = search.get().trim().to_string();
        if source.mode.get() != Mode::Archive || needle.chars().count() < 2 {
            found.set(Vec::new());
            return;
        }
        let id = id.clone();
        leptos::task::spawn_local(async move {
            let mut candidates: Vec<Candidate> = Vec::new();
            let kinds = [
                EntityKind::Person,
                EntityKind::Organization,
                EntityKind::Place,
            ];
            for (table, kind) in (0u8..).zip(kinds) {
                let everything = Filter::default();
                let Ok(Some(list)) = source
                    .find_values(&everything, table, &needle, MERGE_CANDIDATES)
                    .await
                else {
                    continue;
                };
                candidates.extend(
                    list.values
                        .into_iter()
                        .map(|v| (v.count as usize, EntityId(v.key), v.label, kind)),
                );
            }
            candidates.retain(|c| c.1 != id);
            // A newer text asks for itself.
            if search.with_untracked(|now| now.trim() == needle) {
                found.set(best_candidates(candidates));
            }
        });
    });
    found.read_only()
}

/// A "Split off" button for a name merged into `id`; none where splitting cannot apply (a
/// name kept apart, the entity's own former name after a rename).
pub fn split_button(
    id: &EntityId,
    name: &str,
    rule: Rule,
    evidence: &str,
) -> Option<impl IntoView + use<>> {
    let own_former_name = rule == Rule::Curated && evidence.starts_with("renamed by hand");
    if rule == Rule::KeptApart || own_former_name {
        return None;
    }
    let state = AppState::use_context();
    let source = ArchiveSource::use_context();
    let (entity, name) = (id.clone(), name.to_string());
    Some(view! {
        <button type="button" class="curation-split" data-name=name.clone()
            on:click=move |_| {
                let (entity, name) = (entity.clone(), name.clone());
                add(state, source, Action::Split { entity, name }, |_| {});
            }>"Split off"</button>
    })
}

/// The kind as the page writes it.
pub const fn kind_word(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Organization => "Organisation",
        EntityKind::Place => "Place",
        EntityKind::Misc => "Name",
    }
}
