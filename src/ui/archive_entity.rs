//! The entity page in archive mode (`?entity=person:james-baker` on a site `dossier build`
//! wrote): the same sections as the embedded build's [`super::entity_page`], read from the
//! entity's `entities` and `profiles` buckets and the `docs` parts of what the lists show —
//! "show more" fetches the next ones. When the reader's own articles name it too, every
//! count, the chart and the lists are of both ([`entity_with_own`]), theirs marked as theirs.
//! An entity the archive does not have may be one of the reader's own articles': the
//! embedded page answers it, over the library that holds them. Else, when the archive's
//! resolve stage placed that name elsewhere (a link made before it did), its `fates` part
//! says where, as the embedded page says it.
//!
//! The page's hand edits ([`super::curation::EntityControls`]) apply to the archive read
//! through them ([`crate::archive::curated`]) at once, in this browser; the page is asked
//! again once they apply.

use super::archive_source::ArchiveSource;
use super::curation::{EntityControls, kind_word};
use super::entity_page::{
    self, EntityPage, PAGE, article_item, decided, over_time_chart, paged, quote_item,
    quote_list as own_quote_list, roles_view, section,
};
use super::link::ViewLink;
use super::state::{AppState, Library};
use crate::archive::profiles::{CO_OCCURRING_KEPT, ProfileEntry, ProfileQuote};
use crate::archive::with_own::{EntityWithOwn, PageArticle, entity_with_own};
use crate::archive::{ArchiveEntity, EntityShown};
use crate::extract::{EntityId, EntityKind};
use crate::query::entity_profile::{EntityProfile, Role, entity_profile};
use crate::query::{Filter, Histogram, View};
use crate::resolve::from_archive::NameFate;
use leptos::prelude::*;
use std::sync::Arc;

/// What the page has loaded so far.
#[derive(Clone)]
enum Loaded {
    /// The first answer is on its way.
    Loading,
    /// The archive has no such entity; where its resolve stage placed the name, if it did.
    Absent(Option<NameFate>),
    /// The page (lists up to what was asked for).
    Page(Arc<ArchiveEntity>),
    /// A part could not be loaded.
    Failed(String),
}

/// The page of entity `id`, from the archive.
#[component]
pub fn ArchiveEntityPage(
    /// The entity.
    id: EntityId,
) -> impl IntoView {
    let state = AppState::use_context();
    let source = ArchiveSource::use_context();
    let shown_by = RwSignal::new(PAGE);
    let shown_about = RwSignal::new(PAGE);
    let shown_articles = RwSignal::new(PAGE);
    let shown_co = RwSignal::new(PAGE);
    let shown_own = (RwSignal::new(PAGE), RwSignal::new(PAGE));
    let loaded = RwSignal::new(Loaded::Loading);
    // Each ask is numbered, so an older answer never replaces a newer one.
    let asked = StoredValue::new(0u64);
    let key = id.clone();
    Effect::new(move |_| {
        // Asked again once this browser's edits apply (and not while they do).
        if source.curated.with(Option::is_none) {
            return;
        }
        let shown = EntityShown {
            articles: shown_articles.get(),
            quotes_by: shown_by.get(),
            quotes_about: shown_about.get(),
        };
        let this = asked.get_value().wrapping_add(1);
        asked.set_value(this);
        let key = key.clone();
        leptos::task::spawn_local(async move {
            let answer = match source.entity_page(key.as_str(), shown).await {
                Ok(Some(page)) => Loaded::Page(Arc::new(page)),
                Ok(None) => match source.fate_of(key.as_str()).await {
                    Ok(fate) => Loaded::Absent(fate),
                    Err(e) => Loaded::Failed(e),
                },
                Err(e) => Loaded::Failed(e),
            };
            // A newer ask, or the page was left while this one was fetched.
            if asked.try_get_value() != Some(this) {
                return;
            }
            loaded.set(answer);
            source.entity_shown.set(Some(key));
        });
    });
    on_cleanup(move || source.entity_shown.set(None));
    let id = StoredValue::new(id);
    move || {
        let base = state.filter.get().0.results_view();
        let back =
            view! { <ViewLink filter=base.clone() class="back">"← Back to results"</ViewLink> };
        let page = match loaded.get() {
            Loaded::Loading => {
                return view! {
                    {back}
                    <p class="summary archive-loading" role="status">"Loading this entity from the archive…"</p>
                }
                .into_any();
            }
            Loaded::Failed(e) => {
                return view! {
                    {back}
                    <div class="notice archive-failed" role="alert" id="archive-failed">
                        <p>{format!("This entity page could not be loaded: {e}.")}</p>
                    </div>
                }
                .into_any();
            }
            Loaded::Absent(fate) => {
                let id = id.get_value();
                // Perhaps one of the reader's own articles names it: the embedded page answers.
                let own = state.library.with(|library| {
                    library
                        .as_ref()
                        .is_some_and(|l| l.index.entity_of(id.as_str()).is_some())
                });
                if own {
                    return view! { <EntityPage id=id/> }.into_any();
                }
                // This browser's edit took it away (hidden, merged, renamed): the edit says so.
                let curated = source.curated.get().unwrap_or_default();
                let edited = entity_page::edited_away(&curated, &id);
                if let (None, Some(fate)) = (&edited, fate) {
                    return view! { {back}{placed_elsewhere(&fate)} }.into_any();
                }
                return view! {
                    {back}
                    <p class="notice" role="alert">{format!("No article names “{id}”.")}</p>
                    {edited}
                }
                .into_any();
            }
            Loaded::Page(page) => page,
        };
        let id = id.get_value();
        let mut filter_by = base.clone();
        if !filter_by.entities.contains(&id) {
            filter_by.entities.push(id.clone());
        }
        let name = page.name.clone();
        let show_label = match page.articles.len() {
            1 => format!("Show the article naming {name}"),
            n => format!("Show the {n} articles naming {name}"),
        };
        let articles = {
            let (page, base) = (page.clone(), base.clone());
            paged(
                shown_articles,
                page.articles.len(),
                "entity-articles",
                move |range| {
                    page.articles[range]
                        .iter()
                        .filter_map(|d| {
                            let entry = page.entries.get(d)?;
                            let open = Filter {
                                article: Some(entry.id.clone()),
                                ..base.clone()
                            };
                            let date = (!entry.date.is_empty()).then(|| entry.date.clone());
                            Some(article_item(open, entry.title.clone(), date))
                        })
                        .collect_view()
                },
            )
        };
        let over_time = over_time_section(&name, &page.over_time);
        let Some(profile) = page.profile.clone() else {
            return view! {
                {back}
                <article class="entity-page" aria-labelledby="entity-name">
                    <h1 id="entity-name">{name.clone()}</h1>
                    <p class="entity-kind">{kind_word(page.kind)}</p>
                    <p><ViewLink filter=filter_by class="button-link">{show_label}</ViewLink></p>
                    <EntityControls id=id.clone() name=name.clone() kind=page.kind/>
                    <p class="notice" id="no-profiles">"This archive was built before entity profiles: its other names, roles, quotes and the names merged into it appear once it is built again with `dossier build`."</p>
                    {over_time}
                    {section("articles-heading", format!("Articles ({})", page.articles.len()), articles)}
                </article>
            }
            .into_any();
        };
        let profile = Arc::new(profile);
        // Every quote by it, in the Quotes view (the profile keeps the first ones' text).
        let quotes_view = Filter {
            speakers: vec![id.0.clone()],
            view: View::Quotes,
            ..Filter::default()
        };
        let Some((library, own)) = own_profile(state, &id) else {
            let co = co_list(&profile, &base, shown_co);
            let by = quote_list(&page, &profile.quotes_by, &base, shown_by);
            let about = quote_list(&page, &profile.quotes_about, &base, shown_about);
            let p = &profile;
            let plural = if page.articles.len() == 1 { "" } else { "s" };
            return view! {
                {back}
                <article class="entity-page" aria-labelledby="entity-name">
                    <h1 id="entity-name">{name.clone()}</h1>
                    {entity_facts(page.kind, &p.roles, &p.aliases, format!("{} in {} article{plural}", p.mentions, page.articles.len()))}
                    <p><ViewLink filter=filter_by class="button-link">{show_label}</ViewLink></p>
                    <EntityControls id=id.clone() name=name.clone() kind=page.kind/>
                    {merged_names(p, None)}
                    {over_time}
                    {section("co-heading", format!("Named with ({})", p.co_total), co)}
                    {section("by-heading", format!("Quotes by {name} ({})", p.quotes_by_total), view! { {kept_note(p.quotes_by.len(), p.quotes_by_total, Some(quotes_view))}{by} })}
                    {section("about-heading", format!("Quotes naming {name} ({})", p.quotes_about_total), view! { {kept_note(p.quotes_about.len(), p.quotes_about_total, None)}{about} })}
                    {section("articles-heading", format!("Articles ({})", page.articles.len()), articles)}
                </article>
            }
            .into_any();
        };
        // The reader's own articles name it too: every count, the chart and the lists are
        // of both, the reader's marked as theirs.
        let sums = Arc::new(entity_with_own(&page, &library.index, &own));
        let total = sums.articles.len();
        let show_label = match total {
            1 => format!("Show the article naming {name}"),
            n => format!("Show the {n} articles naming {name}"),
        };
        let articles = {
            let (page, base, sums, library) =
                (page.clone(), base.clone(), sums.clone(), library.clone());
            paged(shown_articles, total, "entity-articles", move |range| {
                sums.articles[range]
                    .iter()
                    .filter_map(|&article| page_article(&page, &library, &base, article))
                    .collect_view()
            })
        };
        let over_time = over_time_section(&name, &sums.over_time);
        let co = co_list_with_own(&sums, &base, shown_co);
        // The reader's quotes first: the archive's lists may stop at the ones it kept.
        // Each side's list only when it has quotes, so "None." is said only of both.
        let both = |own: &[(u32, usize)], own_shown, site: &[ProfileQuote], site_shown| {
            let mine = (!own.is_empty()).then(|| own_quote_list(&library, own, &base, own_shown));
            let theirs = (!site.is_empty() || own.is_empty())
                .then(|| quote_list(&page, site, &base, site_shown));
            view! { {mine}{theirs} }
        };
        let by = view! {
            {kept_note(profile.quotes_by.len(), profile.quotes_by_total, Some(quotes_view))}
            {both(&own.quotes_by, shown_own.0, &profile.quotes_by, shown_by)}
        };
        let about = view! {
            {kept_note(profile.quotes_about.len(), profile.quotes_about_total, None)}
            {both(&own.quotes_about, shown_own.1, &profile.quotes_about, shown_about)}
        };
        let plural = if total == 1 { "" } else { "s" };
        let yours = format!(
            " ({} of them yours, kept in this browser)",
            sums.own_articles
        );
        let co_heading = match sums.co_complete {
            true => format!("Named with ({})", sums.co_total),
            false => format!("Named with (at most {})", sums.co_total),
        };
        view! {
            {back}
            <article class="entity-page" aria-labelledby="entity-name">
                <h1 id="entity-name">{name.clone()}</h1>
                {entity_facts(page.kind, &sums.roles, &sums.aliases, format!("{} in {total} article{plural}{yours}", sums.mentions))}
                <p><ViewLink filter=filter_by class="button-link">{show_label}</ViewLink></p>
                <EntityControls id=id.clone() name=name.clone() kind=page.kind/>
                {merged_names(&profile, Some((&library, &id)))}
                {over_time}
                {section("co-heading", co_heading, co)}
                {section("by-heading", format!("Quotes by {name} ({})", sums.quotes_by_total), by)}
                {section("about-heading", format!("Quotes naming {name} ({})", sums.quotes_about_total), about)}
                {section("articles-heading", format!("Articles ({total})"), articles)}
            </article>
        }
        .into_any()
    }
}

/// The kind with the main role, then other names, roles and mentions (`mentions` as said).
fn entity_facts(
    kind: EntityKind,
    roles: &[Role],
    aliases: &[String],
    mentions: String,
) -> impl IntoView + use<> {
    let aliases = match aliases.is_empty() {
        true => "—".to_string(),
        false => aliases.join(", "),
    };
    view! {
        <p class="entity-kind">{kind_word(kind)}{roles.first().map(|r| format!(" · {}", r.name))}</p>
        <dl class="entity-facts">
            <dt>"Also called"</dt><dd>{aliases}</dd>
            <dt>"Roles"</dt><dd>{roles_view(roles)}</dd>
            <dt>"Mentions"</dt><dd id="entity-mentions">{mentions}</dd>
        </dl>
    }
}

/// The chart of the articles naming `name` per period.
fn over_time_section(name: &str, over_time: &Histogram) -> impl IntoView + use<> {
    section(
        "over-time",
        format!(
            "Articles naming {name} per {}",
            over_time.granularity.unit()
        ),
        over_time_chart(over_time),
    )
}

/// The entity's profile over the reader's own articles, when they name it.
fn own_profile(state: AppState, id: &EntityId) -> Option<(Arc<Library>, EntityProfile)> {
    let library = state.library.get()?;
    let profile = entity_profile(&library.index, &library.articles, &library.annotations, id)?;
    Some((library, profile))
}

/// One article of a list over the archive and the reader's own articles, opening in the
/// reader; the reader's marked as theirs.
fn page_article(
    page: &ArchiveEntity,
    library: &Library,
    base: &Filter,
    article: PageArticle,
) -> Option<AnyView> {
    let (id, title, date) = match article {
        PageArticle::Site(doc) => {
            let entry = page.entries.get(&doc)?;
            let date = (!entry.date.is_empty()).then(|| entry.date.clone());
            (entry.id.clone(), entry.title.clone(), date)
        }
        PageArticle::Own(doc) => {
            let article = library.articles.get(doc as usize)?;
            let date = match article.date {
                Some(d) => format!("{d} · yours"),
                None => "yours".to_string(),
            };
            (article.id.0.clone(), article.title.clone(), Some(date))
        }
    };
    let open = Filter {
        article: Some(id),
        ..base.clone()
    };
    Some(article_item(open, title, date).into_any())
}

/// The entities named with it in the archive and the reader's articles, most shared first.
fn co_list_with_own(sums: &Arc<EntityWithOwn>, base: &Filter, shown: RwSignal<usize>) -> AnyView {
    let (sums, base) = (sums.clone(), base.clone());
    let note = (!sums.co_complete).then(|| {
        view! { <p class="facet-note co-note">"The archive lists the names sharing two or more of its articles with it; a name it does not list counts your articles alone."</p> }
    });
    let total = sums.co_occurring.len();
    let list = paged(shown, total, "co-list", move |range| {
        co_items(&sums.co_occurring[range], &base)
    });
    view! { {note}{list} }.into_any()
}

/// Named-with entries (key, name, shared articles), each opening its entity's page.
fn co_items(entries: &[(String, String, u32)], base: &Filter) -> impl IntoView + use<> {
    entries
        .iter()
        .map(|(key, name, shared)| {
            let page = Filter {
                entity: Some(EntityId(key.clone())),
                ..base.clone()
            };
            let (name, shared) = (name.clone(), *shared);
            view! { <li><ViewLink filter=page class="entity-link">{name}</ViewLink>" "<span class="facet-count">{shared}</span></li> }
        })
        .collect_view()
}

/// The entities named with it; the archive keeps those named with it more than once (the
/// most frequent first) and says what it left out.
fn co_list(profile: &Arc<ProfileEntry>, base: &Filter, shown: RwSignal<usize>) -> AnyView {
    let (p, base) = (profile.clone(), base.clone());
    let (kept, total) = (p.co_occurring.len(), p.co_total as usize);
    let once = total - kept.min(total);
    let note = match kept {
        _ if once == 0 => None,
        0 => Some(format!(
            "Each of the {once} shares one article with it; its articles below name them."
        )),
        CO_OCCURRING_KEPT => Some(format!("The {kept} named with it most often are listed.")),
        _ => Some(format!(
            "The {kept} named with it in two or more articles are listed; {once} more share one article with it."
        )),
    };
    let note = note.map(|text| view! { <p class="facet-note co-note">{text}</p> });
    let list = (kept > 0 || total == 0).then(|| {
        paged(shown, kept, "co-list", move |range| {
            co_items(&p.co_occurring[range], &base)
        })
    });
    view! { {note}{list} }.into_any()
}

/// Says when the archive kept only the first quotes of a list, and where the rest are.
fn kept_note(kept: usize, total: u32, all: Option<Filter>) -> Option<impl IntoView + use<>> {
    (kept < total as usize).then(|| {
        let rest = all.map(|filter| {
            view! { " "<ViewLink filter=filter class="all-quotes">"All of them in the Quotes view"</ViewLink> }
        });
        view! { <p class="facet-note">{format!("The archive keeps the text of the first {kept}.")}{rest}</p> }
    })
}

/// Quotes with their text, speaker and a permalink into their article.
fn quote_list(
    page: &Arc<ArchiveEntity>,
    quotes: &[ProfileQuote],
    base: &Filter,
    shown: RwSignal<usize>,
) -> impl IntoView + use<> {
    let (page, quotes, base) = (page.clone(), quotes.to_vec(), base.clone());
    let total = quotes.len();
    paged(shown, total, "quote-hits", move |range| {
        quotes[range]
            .iter()
            .filter_map(|q| {
                let entry = page.entries.get(&q.doc)?;
                let permalink = Filter {
                    article: Some(entry.id.clone()),
                    quote: Some(q.number),
                    entity: None,
                    ..base.clone()
                };
                let speaker = (!q.speaker.is_empty()).then(|| q.speaker.clone());
                Some(quote_item(
                    permalink,
                    q.text.clone(),
                    speaker,
                    entry.title.clone(),
                ))
            })
            .collect_view()
    })
}

/// The names the resolve stage merged into it, each with its rule and evidence: the
/// archive's, then those of the reader's own articles (`own`, when they name it), marked.
fn merged_names(
    profile: &ProfileEntry,
    own: Option<(&Library, &EntityId)>,
) -> Option<impl IntoView + use<>> {
    let mut items: Vec<_> = profile
        .merged
        .iter()
        .map(|m| {
            let text = format!(
                "{} ({}): {}",
                m.name,
                m.from,
                decided(&m.rule, &m.evidence, m.articles as usize)
            );
            view! { <li data-name=m.name.clone()><span class="merged-why">{text}</span></li> }
                .into_any()
        })
        .collect();
    if let Some((library, id)) = own {
        items.extend(library.decisions.merged_into(id).map(|m| {
            let text = format!(
                "{} ({}): {}, yours",
                m.name,
                m.from,
                decided(m.rule.describe(), &m.evidence, m.articles)
            );
            view! { <li data-name=m.name.clone() class="own-merged"><span class="merged-why">{text}</span></li> }
                .into_any()
        }));
    }
    (!items.is_empty()).then(|| {
        section(
            "merged-heading",
            format!("Merged names ({})", items.len()),
            view! { <ul class="merged-names">{items}</ul> },
        )
    })
}

/// Where the archive's resolve stage placed a name a link still calls by extraction's id
/// (a link made before the archive was resolved so), as the embedded page says it: each
/// entity it is now part of, with the rule and its articles, or why it was left out.
fn placed_elsewhere(fate: &NameFate) -> impl IntoView + use<> {
    let in_articles = |n: u32| format!("{n} article{}", if n == 1 { "" } else { "s" });
    let merged = fate
        .merged
        .iter()
        .map(|m| {
            let why = format!("{}; {}", m.rule, in_articles(m.articles));
            (EntityId(m.into.clone()), m.name.clone(), why)
        })
        .collect();
    let dropped = fate
        .dropped
        .iter()
        .map(|d| format!("{}; {}", d.rule, in_articles(d.articles)))
        .collect();
    entity_page::placed_elsewhere(
        format!(
            "The archive's resolve stage placed {} elsewhere:",
            fate.from
        ),
        merged,
        dropped,
    )
}
