//! Resolve: here are every article's entities, give me one entity per real thing across the
//! collection, and say why.
//!
//! Extraction sees one article at a time; this stage sees the collection. It runs between
//! `extract` and `index` (`corpus → extract → resolve → index → query → ui`), natively and
//! in the browser, deterministically, in O(n log n) of the mentions (hash maps and sorts).
//! A story told again (a wire story sent twice, one text under two datelines, an archive's
//! copies: the same body with the same names) is one witness: the first pass finds the
//! repeats ([`repeats`]), every rule below counts each story once, and a repeat takes its
//! first copy's verdicts, so copies never push a reading over a threshold (the decisions
//! and facets still count every article).
//!
//! First, names the tagger split at "and" or a comma are joined when the collection shows
//! one half standing mostly as such a half (`Standard and Poor's`, see `joins`), in two
//! passes (`Goldman, Sachs and Co` was `Goldman`, `Sachs` and `Co`), and a firm's name gets
//! back the first word the tagger cut from it where the collection mostly writes it
//! (`American Express Co`, tagged `American` and `Express Co`). Then each local
//! entity (an article's entity) meets these rules, in this order:
//!
//! 1. **Noise is dropped**, by shape or by where the collection's mentions of the name stand
//!    ([`noise`]): a lone initial (`P`, from `L.P.`) or only a legal form (`Co`, `Inc`); a
//!    ticker (`TPN.PA`) or a capitalised code between angle brackets (`<SRD>`) in most of
//!    its mentions; a name most of whose mentions are on an article's last short line (the
//!    sign-off `REUTER`), or in table lines, short lines without sentence punctuation that
//!    hold numbers (`Shr 25 cts vs 20 cts`, `Nine mths`; a first line is judged after its
//!    dateline, whose town is no table token); a month's name followed by its day in most
//!    mentions (`Jan 15, 1988`: part of a date), and a point of a month written as one
//!    word (`end-February`). "Most" is half or more. A known
//!    place is never a table token: trade tables list countries. The only word lists are
//!    the legal forms (a company's name stripped to `Co` is a fragment whatever its
//!    position) and the generic organisation words of rule 5.
//! 2. **Kinds by vote**: a person-tagged name ending in an organisation word (`… Holdings
//!    Ltd`, `Reagan Administration`) is an organisation, and so is a place-tagged one the
//!    place lists do not know, unless written in a dateline's capitals (`Luxembourg Stock
//!    Exchange`; `NEWPORT NEWS` stays a town), and so is a misc-tagged one ending in a
//!    legal form (`Dow Chemical Co`, `Trans World Airlines Inc`: no event, law or product
//!    ends in `Co`); a person- or place-tagged name whose
//!    mentions mostly stand before a firm's stock or shareholders is a firm (`Valor
//!    ordinary shares`, `Kingsbridge common stock`; `noise::FIRM_NOUNS`; never `shares`
//!    alone, a verb after a person); a US state's dateline abbreviation
//!    (`Minn.`, tagged an organisation after a city) a place, a nationality adjective
//!    (`Kuwaiti`) or a people named by it (`Soviets`; not `Philippines`) and an economic measure (`Gross National Product`, `Libor` = `London
//!    Interbank Offered Rate`, `West Texas Intermediate`) miscellaneous (as CoNLL counts
//!    them), and so is a name whose mentions
//!    mostly stand before `accord`, `agreement`, `pact`, `treaty` or `scale` (`the Louvre
//!    accord`, `the Richter scale`; never a listed place); then each name takes the kind a
//!    strict majority of its articles give it (tagged person once and organisation 50 times:
//!    an organisation). Without a majority, each article keeps its own kind.
//! 3. **Spelling variants and country forms** share a key ([`names::key`]): case, dots and
//!    punctuation are ignored (`WASHINGTON` = `Washington`, `U.S` = `U.S.`), and the listed,
//!    established forms of a country are one (`U.S.` = `USA` = `United States`; `U.K.` =
//!    `Britain` = `United Kingdom`; see `COUNTRY_FORMS` for the list and what is left out),
//!    and so are a US state and its dateline abbreviation (`Calif.` = `California`; never
//!    two capitals alone, `LA`, nor `Wash.`; see `STATE_ABBREVIATIONS`), and a government
//!    office written with `of` and in the short order (`Department of Agriculture` =
//!    `Agriculture Department`, `Ministry of Finance` = `Finance Ministry`), and
//!    `Organisation` = `Organization`.
//! 4. **A role before a known person's name** (`Federal Reserve Chairman Paul Volcker`,
//!    tagged an organisation; `White House Chief of Staff Howard Baker`, a place) resolves to
//!    the person when the words before the name hold an office word and the collection names
//!    that person alone; the words before become the role, which never ends in `of`, `for`
//!    or `and` (`Chief of Staff`, though the tagger once read `Staff Howard Baker` as a
//!    person).
//! 5. **Acronyms** the collection spells out as one name (in four of five articles spelling
//!    them out) join it (`EC` → `European Community`) in articles that give only the acronym.
//! 6. **Within an article**, a generic word (`the Organization`, `the Bank`) goes to the
//!    article's only organisation with that word in its name, or whose acronym ends with the
//!    word's initial (`CSTO`); with none or several it is dropped. A one-word name goes to
//!    the article's only person whose full name ends with it (`Baker` → `James Baker`);
//!    with two (`Howard Baker` and `James Baker`), it stays apart; a one-word "person" the
//!    article also names with a legal form is that firm (`Valor`, `Valor PLC`). A one-word organisation
//!    goes to the article's only organisation it can be short for: the first word of a
//!    firm's name (`Ford` → `Ford Motor Co`), its initials (`GM`), its first word cut
//!    short (`Fed` → `Federal Reserve`); never a firm's own name the collection gives with a
//!    legal form (`Salomon` is Salomon Inc, not Salomon Brothers Inc), never a first word
//!    of a body that is no firm (`House` of `House Ways and Means Committee`). A one-word
//!    "person" that no person of the article ends with but one firm begins with is that
//!    firm (`Phillips` beside `Phillips Petroleum Co`), and so is one that one firm has as
//!    a later word (`Disney` beside `Walt Disney Co`), a first word winning over later ones. A body's name the article also
//!    gives with a country or nationality before it is that country's body (`Treasury`
//!    beside `U.S. Treasury`; not a city's, nor a firm's with its legal form), and a body many
//!    countries share under one name (`Treasury`, `Finance Ministry`, `Central Bank`) written
//!    right after one country or nationality the tagger found apart is that country's, named
//!    as written (`the Italian Treasury`, `Japan's Finance Ministry`). A one-word
//!    "place" that begins the article's one firm is that firm (`Standard` beside `Standard
//!    Oil Co`) when some article tags it an organisation alone, no place list knows it and
//!    the collection does not write it as a place's (a dateline's town, `Jiangsu
//!    province`: one mention in 20 or more). Where four
//!    in five of the articles naming both agree (three at least), the short form joins that
//!    organisation in every article, alone or not (`Ford` alone is Ford Motor Co).
//! 7. **Across the collection**, a one-word person name left alone goes to the full name the
//!    names it appears with point to, when the evidence is strong and one-sided, and stays
//!    apart otherwise ([`evidence`] defines the score and thresholds; a rarer full name must
//!    lead by more than the one the collection names most: a bare `Reagan` is Ronald).
//! 8. **Common words** left under their own one-word name are dropped: a "person" the
//!    collection writes in lower case a tenth as often as capitalised (`Electric`,
//!    `Agreement`), a "place" on no place list written mostly in lower case (`Trade`); see
//!    `common_words`.
//! 9. **Firms named like people**: a person name the collection writes as the first words
//!    of organisations' names in more than twice as many articles as it ends people's full
//!    names (short names linked to a person count for that person) is an organisation
//!    (`Westpac` of `Westpac Banking Corp`, `Smith Barney`); a given name alone stays a
//!    person (`James`, of `James Capel`).
//! 10. **A person's name that ends one other person's name** joins it (`Otto Poehl` →
//!     `Karl Otto Poehl`, `Boone Pickens` → `T. Boone Pickens`), or takes it in when the
//!     longer one adds no initial or given name and is given in fewer articles (`Represenative
//!     Clayton Yeutter` → `Clayton Yeutter`); whole written words only, never the end of two
//!     names.
//! 11. **Possessive forms**: a name with a possessive ending the tagger took in (`EC's farm
//!     ministers`) joins the entity its name without the ending resolves to, when that is
//!     decided one way and named twice as often; a name that ends so itself stays (given
//!     with a legal form, `Standard and Poor's Corp`; also written without the apostrophe,
//!     `Lloyds`; or of another kind than the name without it, `McDonald's`).
//!
//! Then each resolved entity takes its most used full form as canonical name (mixed case
//! before the capitals of datelines; a place or person found only in capitals, `TAIPEI`, in
//! ordinary case) and its id from it; [`rewrite`] renames and merges
//! each article's entities, removes dropped ones, remaps quote speakers, and adds mentions
//! where an article writes one of its people's names outside any mention (`Zas reminded`).
//! Every change of id, every drop and every short name kept apart is in [`Decisions`].
//!
//! Last, before the rewrite, the hand edits of an `aliases.toml` (file format: [`aliases`])
//! apply in order ([`resolve_curated`]): rename, merge, split a merged name off, change the
//! kind, hide as noise. Each moved name is a decision of the rule [`Rule::Curated`] that
//! keeps the automatic reason it replaces, and each edit's outcome, including an edit whose
//! entity these articles do not have, is in [`Decisions::curated`].
//!
//! Beside an archive, the reader's own articles take the archive's verdicts on the names it
//! resolved before the hand edits ([`from_archive`], [`Prepared::join_archive`]).

pub mod aliases;
mod collection;
mod common_words;
pub(crate) mod curation;
mod decisions;
pub mod evidence;
pub mod from_archive;
mod joins;
mod names;
mod noise;
mod repeats;
mod rewrite;
mod within_article;

pub use aliases::{AliasesError, Curation};
pub use decisions::{Curated, Decisions, Drop, Merge, Rule};

use crate::article_source::{AnnotationStore, ArticleSource};
use crate::extract::Annotations;
use decisions::DecisionLog;

/// The collection's entities, resolved.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resolved {
    /// Same order and length as the input; entity ids rewritten to the resolved ids,
    /// dropped (noise) entities and their mentions removed, quote speaker ids remapped.
    pub annotations: Vec<Annotations>,
    /// Every merge and drop, with its reason, for the entity page and `--explain`.
    pub decisions: Decisions,
}

/// Resolves entities across the whole collection. Deterministic; O(n log n) in mentions.
///
/// ```
/// use dossier::corpus::parse_file;
/// let a = &parse_file("a.txt", b"Treasury Secretary James Baker met bankers.\nBaker said rates would fall.\n")
///     .unwrap()[0];
/// let found = dossier::extract::annotate(a);
/// let resolved = dossier::resolve::resolve(std::slice::from_ref(a), vec![found]);
/// assert_eq!(resolved.annotations.len(), 1);
/// ```
pub fn resolve<'a>(
    articles: impl Into<ArticleSource<'a>>,
    annotations: Vec<Annotations>,
) -> Resolved {
    resolve_curated(articles, annotations, &Curation::default())
}

/// [`resolve`], then the hand edits of `curation` (an `aliases.toml`, a reader's edits in
/// the browser) applied last, each one's outcome in [`Decisions::curated`].
pub fn resolve_curated<'a>(
    articles: impl Into<ArticleSource<'a>>,
    annotations: Vec<Annotations>,
    curation: &Curation,
) -> Resolved {
    let articles = articles.into();
    prepare(articles, annotations).finish(articles, curation)
}

/// [`resolve_curated`] for a large build: the annotations stay packed throughout (each
/// article's unpacked where a pass reads it, packed again where it changes), so they take
/// a fifth of the memory; the same rules in the same order, the same outcome.
#[cfg(not(target_arch = "wasm32"))]
pub fn resolve_packed<'a>(
    articles: impl Into<ArticleSource<'a>>,
    annotations: crate::article_source::PackedAnnotations,
    curation: &Curation,
) -> (crate::article_source::PackedAnnotations, Decisions) {
    let articles = articles.into();
    let mut finishing = prepare(articles, annotations).finishing(articles, curation);
    while finishing.step(&mut || true) {}
    let (annotations, decisions) = finishing.into_parts();
    (annotations.into_packed(), decisions)
}

/// The automatic rules' verdicts, before hand edits and the rewrite: what a reader's edit in
/// the browser starts from, so an edit costs the rewrite, not the whole stage again.
#[derive(Clone)]
pub struct Prepared {
    annotations: AnnotationStore,
    locals: Vec<collection::Local>,
    ranges: Vec<std::ops::Range<usize>>,
    repeats: repeats::Repeats,
    canonicals: rewrite::Canonicals,
    log: DecisionLog,
}

/// Runs every automatic rule over the collection (all of [`resolve`] but the rewrite).
pub fn prepare<'a>(
    articles: impl Into<ArticleSource<'a>>,
    annotations: impl Into<AnnotationStore>,
) -> Prepared {
    let mut preparing = Preparing::new(articles, annotations);
    while preparing.step(&mut || true) {}
    preparing.prepared()
}

/// [`prepare`] in steps, for a caller that must give the thread back now and then: the
/// browser's main thread, which should never be busy for more than 50 ms at once (1,000
/// articles take about 200 ms in Chromium). The rules that go over every article do so a
/// few articles a step, as long as the caller says there is time; the others are one step
/// each (a few ms for 1,000 articles). Same rules, same order: the same outcome.
pub struct Preparing<'a> {
    articles: ArticleSource<'a>,
    annotations: AnnotationStore,
    log: DecisionLog,
    phase: Phase,
    /// The next article of a phase that goes over every article.
    next: usize,
    /// The articles that repeat an earlier one's story, found in the first pass of counting
    /// halves and counted once by every rule after ([`repeats`]).
    repeat_finder: repeats::RepeatFinder,
    repeats: repeats::Repeats,
    joinable: joins::Joinable,
    half_counts: joins::HalfCounts,
    /// Which pass of counting and joining halves this is (0 or 1), and whether this one
    /// joined any: a second pass joins a name to a half joined in the first (`Goldman` to
    /// `Sachs and Co`, itself `Sachs` and `Co`).
    join_round: u8,
    joined: bool,
    locals_builder: collection::LocalsBuilder,
    locals: Vec<collection::Local>,
    ranges: Vec<std::ops::Range<usize>>,
    /// The keys of names some article writes as a place's (a dateline's town, `PROVIDENCE`;
    /// `Jiangsu province`).
    towns: std::collections::HashSet<collection::Name>,
    /// Locals of bodies many countries share that their article writes after a country
    /// (`Italian Treasury`, tagged `Italian` and `Treasury`), with the name as written.
    with_country: Vec<(u32, collection::Name)>,
    people: std::collections::HashMap<String, u32>,
    common_words: common_words::CommonWords,
    canonicals: rewrite::Canonicals,
}

/// Where [`Preparing`] is, in [`prepare`]'s order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    CountHalves,
    JoinHalves,
    Locals,
    VoteKinds,
    People,
    RolePrefixes,
    Acronyms,
    WithinArticles,
    ShortNames,
    CommonWords,
    Canonicals,
    Done,
}

impl<'a> Preparing<'a> {
    /// Nothing run yet.
    pub fn new(
        articles: impl Into<ArticleSource<'a>>,
        annotations: impl Into<AnnotationStore>,
    ) -> Self {
        Self {
            articles: articles.into(),
            annotations: annotations.into(),
            log: DecisionLog::default(),
            phase: Phase::CountHalves,
            next: 0,
            repeat_finder: repeats::RepeatFinder::default(),
            repeats: repeats::Repeats::default(),
            joinable: joins::Joinable::default(),
            half_counts: joins::HalfCounts::default(),
            join_round: 0,
            joined: false,
            locals_builder: collection::LocalsBuilder::default(),
            locals: Vec::new(),
            ranges: Vec::new(),
            towns: std::collections::HashSet::new(),
            with_country: Vec::new(),
            people: std::collections::HashMap::new(),
            common_words: common_words::CommonWords::default(),
            canonicals: rewrite::Canonicals::new(),
        }
    }

    /// Does some work: at least one article or rule, and more articles of the same rule
    /// while `in_time()`. `false` once every rule has run.
    pub fn step(&mut self, in_time: &mut dyn FnMut() -> bool) -> bool {
        let articles = self.articles;
        match self.phase {
            Phase::CountHalves => {
                let (found, counts) = (&self.annotations, &mut self.half_counts);
                let first_round = self.join_round == 0;
                let (finder, repeats) = (&mut self.repeat_finder, &self.repeats);
                if each_of(&mut self.next, found.len(), in_time, |i| {
                    let (article, annotations) = (articles.get(i), found.get(i));
                    let story = article.as_deref().zip(annotations.as_deref());
                    let repeat = if first_round {
                        finder.add(story, |j| articles.get(j).zip(found.get(j)));
                        finder.is_repeat(i)
                    } else {
                        repeats.is_repeat(i)
                    };
                    if let Some((a, f)) = story.filter(|_| !repeat) {
                        counts.count(a, f);
                    }
                }) {
                    self.next = 0;
                    if first_round {
                        self.repeats = std::mem::take(&mut self.repeat_finder).finish();
                    }
                    let counts = std::mem::take(&mut self.half_counts);
                    self.joinable = counts.joinable();
                    // With nothing to join, the joining pass has nothing to do.
                    self.phase = if self.joinable.is_empty() {
                        Phase::Locals
                    } else {
                        Phase::JoinHalves
                    };
                }
            }
            Phase::JoinHalves => {
                let (found, log) = (&mut self.annotations, &mut self.log);
                let (joinable, joined) = (&self.joinable, &mut self.joined);
                if each_of(&mut self.next, found.len(), in_time, |i| {
                    if let Some(a) = articles.get(i) {
                        *joined |=
                            found.change(i, |f| joins::join_in_article(&a, f, joinable, log));
                    }
                }) {
                    self.next = 0;
                    self.phase = if self.join_round == 0 && self.joined {
                        self.join_round = 1;
                        self.joined = false;
                        Phase::CountHalves
                    } else {
                        Phase::Locals
                    };
                }
            }
            Phase::Locals => {
                let (found, builder) = (&self.annotations, &mut self.locals_builder);
                let repeats = &self.repeats;
                if self.next == 0 {
                    builder.reserve_for(found, repeats);
                }
                if each_of(&mut self.next, found.len(), in_time, |i| {
                    if repeats.is_repeat(i) {
                        builder.add_repeat();
                    } else if let Some(f) = found.get(i) {
                        builder.add(articles.get(i).as_deref(), &f);
                    }
                }) {
                    self.next = 0;
                    let finished = std::mem::take(&mut self.locals_builder).finish();
                    (self.locals, self.ranges, self.towns) =
                        (finished.locals, finished.ranges, finished.towns);
                    self.with_country = finished.with_country;
                    self.phase = Phase::VoteKinds;
                }
            }
            Phase::VoteKinds => {
                collection::vote_kinds(&mut self.locals);
                self.phase = Phase::People;
            }
            Phase::People => {
                self.people = collection::full_person_names(&self.locals);
                self.phase = Phase::RolePrefixes;
            }
            Phase::RolePrefixes => {
                collection::strip_role_prefixes(&mut self.locals, &self.people);
                self.phase = Phase::Acronyms;
            }
            Phase::Acronyms => {
                collection::expand_acronyms(&mut self.locals, self.annotations.source());
                self.phase = Phase::WithinArticles;
            }
            Phase::WithinArticles => {
                within_article::link_bodies_written_with_country(
                    &mut self.locals,
                    &std::mem::take(&mut self.with_country),
                );
                within_article::link_country_less_names(&mut self.locals, &self.ranges);
                let firms = collection::firm_keys(&self.locals);
                within_article::link_within_articles(
                    &mut self.locals,
                    &self.ranges,
                    &firms,
                    &self.towns,
                );
                collection::link_short_forms(&mut self.locals);
                self.phase = Phase::ShortNames;
            }
            Phase::ShortNames => {
                evidence::link_short_names(&mut self.locals, &self.ranges, self.repeats.stories());
                self.common_words = common_words::CommonWords::new(&self.locals);
                self.phase = Phase::CommonWords;
            }
            Phase::CommonWords => {
                let (words, repeats) = (&mut self.common_words, &self.repeats);
                if each_of(&mut self.next, articles.len(), in_time, |i| {
                    if !repeats.is_repeat(i)
                        && let Some(a) = articles.get(i)
                    {
                        words.count(&a);
                    }
                }) {
                    self.next = 0;
                    std::mem::take(&mut self.common_words).drop(&mut self.locals);
                    collection::firm_names(&mut self.locals);
                    self.phase = Phase::Canonicals;
                }
            }
            Phase::Canonicals => {
                collection::link_name_tails(&mut self.locals);
                collection::link_possessives(&mut self.locals);
                self.canonicals = rewrite::canonicals(&self.locals);
                self.phase = Phase::Done;
            }
            Phase::Done => {}
        }
        self.phase != Phase::Done
    }

    /// The verdicts (the rules not yet run are run first).
    pub fn prepared(mut self) -> Prepared {
        while self.step(&mut || true) {}
        Prepared {
            annotations: self.annotations,
            locals: self.locals,
            ranges: self.ranges,
            repeats: self.repeats,
            canonicals: self.canonicals,
            log: self.log,
        }
    }
}

/// Runs `work` on `*next`, `*next + 1`, … below `len`: at least one, more while `in_time()`.
/// `true` once `*next` reaches `len`.
fn each_of(
    next: &mut usize,
    len: usize,
    in_time: &mut dyn FnMut() -> bool,
    mut work: impl FnMut(usize),
) -> bool {
    if *next < len {
        work(*next);
        *next += 1;
        while *next < len && in_time() {
            work(*next);
            *next += 1;
        }
    }
    *next >= len
}

impl Prepared {
    /// Gives the names these articles' rules left on their own name the archive's verdicts
    /// ([`from_archive`]); returns how many articles' names moved. Kept with the other
    /// verdicts, so a later hand edit applies after it.
    pub fn join_archive(&mut self, verdicts: &from_archive::ArchiveVerdicts) -> usize {
        from_archive::apply(
            verdicts,
            self.annotations.source(),
            &mut self.locals,
            &mut self.canonicals,
        )
    }

    /// Applies the hand edits, then rewrites every article's entities: the resolved
    /// collection. `articles` are the ones [`prepare`] saw.
    pub fn finish<'a>(
        self,
        articles: impl Into<ArticleSource<'a>>,
        curation: &Curation,
    ) -> Resolved {
        let mut finishing = self.finishing(articles, curation);
        while finishing.step(&mut || true) {}
        finishing.resolved()
    }

    /// [`Prepared::finish`] in steps (see [`Preparing`]): the hand edits now, the rewrite
    /// an article at a time.
    pub fn finishing<'a>(
        self,
        articles: impl Into<ArticleSource<'a>>,
        curation: &Curation,
    ) -> Finishing<'a> {
        let Self {
            annotations,
            mut locals,
            ranges,
            repeats,
            mut canonicals,
            log,
        } = self;
        let curated = curation::apply(curation, &mut locals, &mut canonicals, &repeats);
        let rewritten = annotations.empty_like(annotations.len());
        Finishing {
            articles: articles.into(),
            annotations,
            rewritten,
            locals,
            ranges,
            repeats,
            canonicals,
            log,
            curated,
            next: 0,
        }
    }
}

/// [`Prepared::finish`] in steps, from [`Prepared::finishing`].
pub struct Finishing<'a> {
    articles: ArticleSource<'a>,
    /// Each article's annotations before the rewrite; taken as it is rewritten.
    annotations: AnnotationStore,
    /// The articles rewritten so far, in order.
    rewritten: AnnotationStore,
    locals: Vec<collection::Local>,
    ranges: Vec<std::ops::Range<usize>>,
    repeats: repeats::Repeats,
    canonicals: rewrite::Canonicals,
    log: DecisionLog,
    curated: Vec<Curated>,
    next: usize,
}

impl Finishing<'_> {
    /// Rewrites at least one article, more while `in_time()`; `false` once all are.
    pub fn step(&mut self, in_time: &mut dyn FnMut() -> bool) -> bool {
        let Self {
            articles,
            annotations,
            rewritten,
            locals,
            ranges,
            repeats,
            canonicals,
            log,
            next,
            ..
        } = self;
        !each_of(next, annotations.len(), in_time, |i| {
            let found = annotations.take(i);
            // A repeat's entities are its first copy's, in the same order: its verdicts.
            let locals = ranges
                .get(repeats.first(i))
                .and_then(|range| locals.get(range.clone()))
                .unwrap_or_default();
            rewritten.push(rewrite::rewrite_article(
                articles.get(i).as_deref(),
                found,
                locals,
                canonicals,
                log,
            ));
        })
    }

    /// The resolved collection (the articles not yet rewritten are rewritten first).
    pub fn resolved(self) -> Resolved {
        let (annotations, decisions) = self.into_parts();
        Resolved {
            annotations: annotations.into_plain(),
            decisions,
        }
    }

    /// The rewritten annotations, in the form they came in, and the decisions.
    fn into_parts(mut self) -> (AnnotationStore, Decisions) {
        while self.step(&mut || true) {}
        let mut decisions = self.log.finish();
        decisions.curated = self.curated;
        decisions.repeated = self.repeats.repeated();
        (self.rewritten, decisions)
    }
}

#[cfg(test)]
mod tests;
