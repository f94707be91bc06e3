//! The collection's view of every article's entities: each one's cleaned name and key, the
//! kind the collection votes for, and where each should go: dropped, into its own name's
//! entity, or into another's (a role-prefixed name, an acronym; within an article, see
//! `within_article`).

use super::decisions::Rule;
use super::names;
use super::noise::{self, Positions};
use super::repeats::Repeats;
use crate::article_source::{AnnotationSource, AnnotationStore};
use crate::corpus::Article;
use crate::extract::{Annotations, Entity, EntityKind};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// A share of a name's mentions at or above which its position decides it is noise.
const NOISE_SHARE: f64 = 0.5;

/// Articles in which a name must stand in a noise position before its position counts: a
/// sign-off or a table header recurs; one results list or one byline does not make noise.
const NOISE_ARTICLES: u32 = 3;

/// A name or key shared by every local entity that has it: a million-article collection
/// names the same few hundred thousand entities in millions of places, and one string each
/// keeps the stage's memory to the locals themselves.
pub type Name = Arc<str>;

/// One article's entity, as the collection sees it.
#[derive(Clone)]
pub struct Local {
    /// Article position (`u32`, as the index numbers documents: a collection keeps millions
    /// of locals, and every byte of one is megabytes).
    pub article: u32,
    /// Index in that article's entities.
    pub entity: u32,
    /// The canonical name as extraction gave it, cleaned.
    pub name: Name,
    /// Its key ([`names::key`]).
    pub key: Name,
    /// The kind extraction tagged.
    pub tagged: EntityKind,
    /// The role extraction read, if any.
    pub role: Option<Box<str>>,
    /// Where it goes.
    pub fate: Fate,
}

/// A name is a place's when one of this many of its mentions, or more, is written as a
/// place's: `Providence` (20 datelines in 35 mentions), `Norfolk` (5 in 42), `Jiangsu` (2 in
/// 7) are, the airline `Piedmont` (one `Piedmont region` in 143) is not.
const PLACE_USES_IN: u32 = 20;

/// Reads locals' extraction entities, unpacking an article once for its run of locals (a
/// packed build's articles cost microseconds each to read, and locals come in article order).
pub struct EntityReader<'a> {
    annotations: AnnotationSource<'a>,
    current: Option<(u32, Cow<'a, Annotations>)>,
}

impl<'a> EntityReader<'a> {
    /// Reads from the annotations the locals were built from.
    pub fn new(annotations: impl Into<AnnotationSource<'a>>) -> Self {
        Self {
            annotations: annotations.into(),
            current: None,
        }
    }

    /// The entity `local` was built from.
    pub fn entity(&mut self, local: &Local) -> Option<&Entity> {
        if self.current.as_ref().map(|(article, _)| *article) != Some(local.article) {
            let found = self.annotations.get(local.article as usize)?;
            self.current = Some((local.article, found));
        }
        let (_, found) = self.current.as_ref()?;
        found.entities.get(local.entity as usize)
    }
}

/// Where a local entity goes.
#[derive(Debug, Clone, PartialEq)]
pub enum Fate {
    /// Left out, by this rule, with this evidence.
    Dropped(Rule, Box<str>),
    /// Into the entity of `(kind, key)`; `because` is the rule that sent it elsewhere than
    /// its own name's entity, with its evidence (and a role read from a prefix).
    Kept {
        /// The resolved entity's kind.
        kind: EntityKind,
        /// The resolved entity's key.
        key: Name,
        /// Why it is there, if not by its own name.
        because: Option<(Rule, Box<str>)>,
        /// A role taken from the name (`Federal Reserve Chairman`).
        role: Option<Box<str>>,
    },
}

impl Local {
    /// The resolved `(kind, key)`, unless dropped.
    pub fn target(&self) -> Option<(EntityKind, &str)> {
        match &self.fate {
            Fate::Kept { kind, key, .. } => Some((*kind, key)),
            Fate::Dropped(..) => None,
        }
    }

    /// Whether its article spells it out as a term ([`Rule::SpelledOut`]): still free to
    /// join the name the collection spells it as (`EEP`, the Export Enhancement Program).
    pub(super) fn is_spelled_out(&self) -> bool {
        matches!(
            &self.fate,
            Fate::Kept {
                because: Some((Rule::SpelledOut, _)),
                ..
            }
        )
    }

    pub(super) fn is_unlinked(&self) -> bool {
        matches!(&self.fate, Fate::Kept { because: None, .. })
    }

    /// Whether it is still under its own name: unlinked, or moved only by the kind vote, or
    /// kept apart among several full names (the later one-word rules' candidates).
    pub(super) fn by_own_name(&self) -> bool {
        matches!(
            &self.fate,
            Fate::Kept {
                because: None | Some((Rule::KindVotes | Rule::KeptApart, _)),
                ..
            }
        )
    }

    pub(super) fn link(
        &mut self,
        kind: EntityKind,
        key: impl Into<Name>,
        rule: Rule,
        evidence: String,
    ) {
        self.fate = Fate::Kept {
            kind,
            key: key.into(),
            because: Some((rule, evidence.into())),
            role: None,
        };
    }
}

/// What one article's own text says of one of its names, whatever the collection says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OwnReading {
    Nothing,
    /// Named only as a code in angle brackets (`<MD>`).
    OnlyBracketed,
    /// An acronym spelt out in lower case right before it ("commercial paper (CP)").
    SpelledOut,
}

/// Every article's entities as locals, in article then entity order, and each article's
/// range, built an article at a time: the articles in order, then [`LocalsBuilder::finish`].
#[derive(Default)]
pub struct LocalsBuilder {
    locals: Vec<Local>,
    ranges: Vec<std::ops::Range<usize>>,
    positions: HashMap<Name, Positions>,
    /// For each local, what its article's own text says of it (all the stage needs of a
    /// local's own positions: a byte, not ten counts, per local).
    own_readings: Vec<OwnReading>,
    /// Every name and key seen, once.
    interned: HashSet<Name>,
    /// Locals of a body many countries share (`Treasury`) that their article writes right
    /// after one country or nationality, tagged apart (`Italian Treasury`): the local's
    /// index and the name as written.
    with_country: Vec<(u32, Name)>,
}

impl LocalsBuilder {
    /// Room for exactly the locals of `found` but its repeats, so a large collection's
    /// locals (a third of a build's memory at its peak) are not doubled by the last growth
    /// of their vectors.
    pub fn reserve_for(&mut self, found: &AnnotationStore, repeats: &Repeats) {
        let locals: usize = (0..found.len())
            .filter(|&i| !repeats.is_repeat(i))
            .map(|i| found.entity_count(i))
            .sum();
        self.locals.reserve_exact(locals);
        self.own_readings.reserve_exact(locals);
        self.ranges.reserve_exact(found.len());
    }

    /// Adds the next article's entities (`article` is the one at the position of the next
    /// range).
    pub fn add(&mut self, article: Option<&Article>, found: &Annotations) {
        let position = self.ranges.len();
        let start = self.locals.len();
        let counts = article
            .map(|a| noise::positions(a, found))
            .unwrap_or_default();
        let mut with_country = article
            .map(|a| bodies_written_with_country(a, found))
            .unwrap_or_default();
        for (entity, e) in found.entities.iter().enumerate() {
            if let Some(Some(written)) = with_country.remove(&entity) {
                let written = self.intern(written);
                self.with_country.push((self.locals.len() as u32, written));
            }
            let cleaned = names::clean(&e.canonical);
            let key = self.intern(names::key(&cleaned));
            let name = self.intern(cleaned);
            let mut count = counts.get(entity).copied().unwrap_or_default();
            count.articles = 1;
            count.sign_off_articles = u32::from(count.sign_off > 0);
            count.table_articles = u32::from(count.table > 0);
            self.positions
                .entry(Name::clone(&key))
                .or_default()
                .add(count);
            self.own_readings.push(if count.spelled_out > 0 {
                OwnReading::SpelledOut
            } else if count.mentions > 0 && count.bracketed_code == count.mentions {
                OwnReading::OnlyBracketed
            } else {
                OwnReading::Nothing
            });
            self.locals.push(Local {
                article: position as u32,
                entity: entity as u32,
                name,
                key: key.clone(),
                tagged: e.kind,
                role: e.role.as_deref().map(Box::from),
                fate: Fate::Kept {
                    kind: e.kind,
                    key,
                    because: None,
                    role: None,
                },
            });
        }
        self.ranges.push(start..self.locals.len());
    }

    /// Adds the next article as a repeat of an earlier one ([`Repeats`]): no locals of its
    /// own, an empty range, its first copy's verdicts later.
    pub fn add_repeat(&mut self) {
        let end = self.locals.len();
        self.ranges.push(end..end);
    }

    /// The one shared copy of `text`.
    fn intern(&mut self, text: String) -> Name {
        if let Some(name) = self.interned.get(text.as_str()) {
            return Name::clone(name);
        }
        let name: Name = text.into();
        self.interned.insert(Name::clone(&name));
        name
    }

    /// Drops the noise, now that every article's positions are counted; also gives the keys
    /// of the names the collection writes as a place's (a dateline's town, `Jiangsu
    /// province`) in one mention of [`PLACE_USES_IN`] or more.
    pub fn finish(self) -> Finished {
        let Self {
            mut locals,
            ranges,
            positions,
            own_readings,
            interned: _,
            with_country,
        } = self;
        for (local, own) in locals.iter_mut().zip(own_readings) {
            if let Some((rule, evidence)) = noise_verdict(&local.name, &local.key, &positions) {
                local.fate = Fate::Dropped(rule, evidence.into());
            } else if own == OwnReading::SpelledOut {
                let evidence = format!(
                    "the article spells {} out in lower case right before it",
                    local.name
                );
                local.link(
                    EntityKind::Misc,
                    local.key.clone(),
                    Rule::SpelledOut,
                    evidence,
                );
            } else if let Some(evidence) = firm_by_context(local, &positions) {
                local.link(
                    EntityKind::Organization,
                    local.key.clone(),
                    Rule::FirmContext,
                    evidence,
                );
            } else if let Some(evidence) = accord_by_context(local, &positions) {
                local.link(
                    EntityKind::Misc,
                    local.key.clone(),
                    Rule::MiscWord,
                    evidence,
                );
            } else if own == OwnReading::OnlyBracketed {
                // In this article the name is only a code (`<MD>` for McDonnell Douglas), even
                // if elsewhere the same letters name something (`Md.`, Maryland).
                local.fate = Fate::Dropped(
                    Rule::Ticker,
                    "only as a code in angle brackets in this article".into(),
                );
            }
        }
        let towns = positions
            .into_iter()
            .filter(|(_, p)| p.as_place > 0 && p.as_place * PLACE_USES_IN >= p.mentions)
            .map(|(key, _)| key)
            .collect();
        Finished {
            locals,
            ranges,
            towns,
            with_country,
        }
    }
}

/// What [`LocalsBuilder::finish`] gives.
pub struct Finished {
    /// Every article's entities, in article then entity order.
    pub locals: Vec<Local>,
    /// Each article's locals.
    pub ranges: Vec<std::ops::Range<usize>>,
    /// The keys of names the collection writes as a place's.
    pub towns: HashSet<Name>,
    /// Shared bodies written after one country (see [`LocalsBuilder`]).
    pub with_country: Vec<(u32, Name)>,
}

/// For each entity of a body many countries share (`Finance Ministry`), the name as written
/// where a mention of it follows a country or nationality the tagger found apart, with one
/// space or a possessive between (`Italian Treasury`, `Japan's Finance Ministry`); `None`
/// when two countries are written before it.
fn bodies_written_with_country(
    article: &Article,
    found: &Annotations,
) -> HashMap<usize, Option<String>> {
    let mut written_with: HashMap<usize, Option<String>> = HashMap::new();
    for pair in found.mentions.windows(2) {
        let (country, body) = (&pair[0], &pair[1]);
        let (Some(c), Some(b)) = (
            found.entities.get(country.entity),
            found.entities.get(body.entity),
        ) else {
            continue;
        };
        let between = article
            .text
            .get(country.span.end..body.span.start)
            .unwrap_or("");
        if b.kind != EntityKind::Organization
            || !matches!(between, " " | "'s " | "\u{2019}s ")
            || !names::is_shared_body(&b.canonical)
            || !names::is_country_or_nationality(&c.canonical)
        {
            continue;
        }
        let written = article
            .text
            .get(country.span.start..body.span.end)
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        written_with
            .entry(body.entity)
            .and_modify(|seen| {
                if seen.as_deref().map(names::key) != Some(names::key(&written)) {
                    *seen = None;
                }
            })
            .or_insert(Some(written));
    }
    written_with
}

/// Why a person- or place-tagged name is a firm's, if the words after its mentions say so:
/// in half of them or more, its stock or shareholders (`Valor ordinary shares`). A place the
/// lists know (`Tokyo stock prices`) or a dateline's town in capitals never is.
fn firm_by_context(local: &Local, positions: &HashMap<Name, Positions>) -> Option<String> {
    let p = positions.get(&*local.key)?;
    (may_be_a_misread_firm(local) && p.before_firm_noun > 0 && p.before_firm_noun * 2 >= p.mentions)
        .then(|| {
            format!(
                "tagged {}, but {} of {} mentions stand before a firm's stock or shareholders",
                local.tagged.as_str(),
                p.before_firm_noun,
                p.mentions
            )
        })
}

/// Why a name is an agreement's or a scale's, if the words after its mentions say so: in
/// half of them or more, and twice at least, `accord`, `agreement`, `pact`, `treaty` or
/// `scale` (`the Louvre accord`, `the Richter scale`). A place the lists know names the
/// place itself more often than not, and is never read so (`Paris` of the Paris accord is
/// Paris).
fn accord_by_context(local: &Local, positions: &HashMap<Name, Positions>) -> Option<String> {
    let p = positions.get(&*local.key)?;
    (local.tagged != EntityKind::Misc
        && !names::is_known_place(&local.name)
        && p.before_accord_noun >= 2
        && p.before_accord_noun * 2 >= p.mentions)
        .then(|| {
            format!(
                "tagged {}, but {} of {} mentions stand before accord, agreement, pact, treaty or scale",
                local.tagged.as_str(),
                p.before_accord_noun,
                p.mentions
            )
        })
}

/// Whether the tagger's kind may hide a firm: a person, or a place the lists do not know and
/// not a dateline's town in capitals (`NEWPORT NEWS`, `FALLS CHURCH`). A known place is a
/// place whatever follows it (`Tokyo stock prices`).
fn may_be_a_misread_firm(local: &Local) -> bool {
    match local.tagged {
        EntityKind::Person => true,
        EntityKind::Place => {
            !names::is_known_place(&local.name) && !names::is_all_caps(&local.name)
        }
        EntityKind::Organization | EntityKind::Misc => false,
    }
}

/// Whether a `misc` name ends in a company's legal form: the tagger reads a firm named
/// with a word it knows from other kinds of names as `misc` (`Dow Chemical Co` after `Dow`
/// the index, `Trans World Airlines Inc`: 87 Reuters names in 159 articles), and no event,
/// law, product or nationality ends in `Co`, `Inc` or `Ltd`. Only the legal form: other
/// organisation words end misc names too (`Export Enhancement Program`).
fn is_misc_with_legal_form(local: &Local) -> bool {
    local.tagged == EntityKind::Misc && names::has_legal_form(&local.name)
}

/// Why a name is noise, if it is: its shape, or where the collection's mentions of it stand.
fn noise_verdict(
    name: &str,
    key: &str,
    positions: &HashMap<Name, Positions>,
) -> Option<(Rule, String)> {
    if key.is_empty() || names::is_not_a_name(name) {
        return Some((Rule::NotAName, "fewer than two letters or digits".into()));
    }
    if names::words(key).all(names::is_legal_form) {
        return Some((
            Rule::NotAName,
            "only a company's legal form (Co, Inc, Ltd)".into(),
        ));
    }
    if names::is_party_tag(name) {
        return Some((
            Rule::NotAName,
            "a lawmaker's party and state (R-Kan.)".into(),
        ));
    }
    if names::is_described_group(name) {
        return Some((
            Rule::NotAName,
            "a description of people by country and trade (U.S. Officials)".into(),
        ));
    }
    if names::is_credit_rating(name) {
        return Some((
            Rule::NotAName,
            "a credit rating (rated AAA, upgraded to Aaa)".into(),
        ));
    }
    if names::is_ticker(name) {
        return Some((Rule::Ticker, "shaped like a ticker (ABC.PA)".into()));
    }
    if names::is_month_point(name) {
        return Some((
            Rule::DatePart,
            "a point of a month (end-February, mid-March)".into(),
        ));
    }
    let p = positions.get(key).copied().unwrap_or_default();
    let share = |n: u32| f64::from(n) / f64::from(p.mentions.max(1));
    if share(p.sign_off) >= NOISE_SHARE && p.sign_off_articles >= NOISE_ARTICLES {
        return Some((
            Rule::SignOff,
            format!(
                "{} of {} mentions on an article's last short line, in {} articles",
                p.sign_off, p.mentions, p.sign_off_articles
            ),
        ));
    }
    if share(p.bracketed_code) >= NOISE_SHARE {
        return Some((
            Rule::Ticker,
            format!(
                "{} of {} mentions a code in angle brackets",
                p.bracketed_code, p.mentions
            ),
        ));
    }
    if names::is_month(name) && share(p.before_number) >= NOISE_SHARE {
        return Some((
            Rule::DatePart,
            format!(
                "{} of {} mentions a month followed by its day (Jan 15)",
                p.before_number, p.mentions
            ),
        ));
    }
    if names::is_designation_word(name) && share(p.before_letter) >= NOISE_SHARE {
        return Some((
            Rule::NotAName,
            format!(
                "{} of {} mentions followed by a lone letter, as a share class or series (Class A)",
                p.before_letter, p.mentions
            ),
        ));
    }
    if names::is_public_adjective(name) && share(p.before_lowercase) >= NOISE_SHARE {
        return Some((
            Rule::NotAName,
            format!(
                "{} of {} mentions an adjective before a word in lower case (Federal funds, Congressional sources)",
                p.before_lowercase, p.mentions
            ),
        ));
    }
    // A place in a table row is still a place (trade tables list countries), and a firm
    // with its legal form a firm (`V.I. Corp`, whose key is the letters of a table's `VI`).
    if share(p.table) >= NOISE_SHARE
        && p.table_articles >= NOISE_ARTICLES
        && !names::is_known_place(name)
        && !names::has_legal_form(name)
    {
        return Some((
            Rule::TableToken,
            format!(
                "{} of {} mentions in table lines (numbers, abbreviations, no sentence), in {} articles",
                p.table, p.mentions, p.table_articles
            ),
        ));
    }
    None
}

/// The articles in which an economic measure's acronym may stand for something else they
/// name: a firm whose name begins with it (`CPI Corp` ... `CPI said`) or a body whose
/// initials spell it (`Council of People's Inspectors (CPI)`), as [`names::short_for`]
/// reads a short name, as (article, acronym key). There the acronym is left to the rules
/// that read the article.
fn articles_naming_others_by_measure_acronyms(locals: &[Local]) -> HashSet<(u32, Name)> {
    let mut others = HashSet::new();
    for local in locals {
        // `CPI Corp`, whose key drops the legal form.
        if names::measure_spelt_out(&local.key).is_some() {
            if names::has_legal_form(&local.name) {
                others.insert((local.article, local.key.clone()));
            }
            continue;
        }
        // Only a name of two words or more can be spelt by an acronym; its first letter
        // (the key has one: it has words) turns most names away before `short_for` reads
        // them.
        if names::words(&local.key).nth(1).is_none() {
            continue;
        }
        let initial = local.key.as_bytes()[0];
        for (acronym, full) in names::MEASURE_ACRONYMS {
            if acronym.as_bytes()[0].to_ascii_lowercase() != initial {
                continue;
            }
            let key = acronym.to_ascii_lowercase();
            if names::key(full) != *local.key
                && names::short_for(acronym, &key, &local.name, &local.key).is_some()
            {
                others.insert((local.article, Name::from(key)));
            }
        }
    }
    others
}

/// An economic measure's acronym joins its spelt-out name (`GNP`, `Gross National
/// Product`) except where its article names a firm or body by it; person-tagged names
/// ending in an organisation word become organisations; then every name takes the kind
/// most of the collection's articles give it (a strict majority; with none, each article
/// keeps its own).
pub fn vote_kinds(locals: &mut [Local]) {
    let others = articles_naming_others_by_measure_acronyms(locals);
    // Organisation-tagged names ending as places' do, less those the collection gives firms
    // with a legal form (`James River`, of `James River Corp`).
    let place_named: HashSet<Name> = locals
        .iter()
        .filter(|l| l.tagged == EntityKind::Organization && names::place_ending(&l.name).is_some())
        .map(|l| Name::clone(&l.key))
        .collect();
    let firms_named_so = firm_keys_among(locals, |key| place_named.contains(key));
    for local in locals.iter_mut() {
        if let Some(full) = names::measure_spelt_out(&local.name)
            && (local.is_unlinked() || local.is_spelled_out())
            && !others.contains(&(local.article, local.key.clone()))
        {
            let evidence = format!("{} is short for {full}, an economic measure", local.name);
            local.link(EntityKind::Misc, names::key(full), Rule::Acronym, evidence);
        } else if let Some((state, names::PlaceForm::StateAbbreviation)) =
            names::place_form(&local.name)
            && matches!(local.tagged, EntityKind::Organization | EntityKind::Misc)
            && local.is_unlinked()
        {
            // `Minn.` after a dateline's city is tagged an organisation as often as a place.
            let evidence = format!("{} abbreviates the US state {state}", local.name);
            local.link(
                EntityKind::Place,
                local.key.clone(),
                Rule::StateAbbreviation,
                evidence,
            );
        } else if local.tagged != EntityKind::Misc
            // `Kuwaiti`; `the Soviets`, as CoNLL counts `Americans`: a people, not a body.
            && let Some(reading) = if names::is_nationality(&local.name) {
                Some("is a nationality adjective")
            } else if names::is_nationality_plural(&local.name) {
                Some("names a people by its nationality")
            } else {
                None
            }
        {
            local.link(
                EntityKind::Misc,
                local.key.clone(),
                Rule::Nationality,
                format!("{} {reading}", local.name),
            );
        } else if local.tagged != EntityKind::Misc
            && let Some(evidence) = names::misc_word(&local.name, local.tagged)
        {
            local.link(
                EntityKind::Misc,
                local.key.clone(),
                Rule::MiscWord,
                format!("tagged {}, but {evidence}", local.tagged.as_str()),
            );
        } else if (may_be_a_misread_firm(local) || is_misc_with_legal_form(local))
            // `Reagan Administration`, `Luxembourg Stock Exchange`, `Thailand Fund`.
            && let Some(evidence) = names::organisation_word(&local.name)
        {
            let evidence = format!("tagged {}, but {evidence}", local.tagged.as_str());
            local.link(
                EntityKind::Organization,
                local.key.clone(),
                Rule::OrganisationWord,
                evidence,
            );
        } else if let Some(evidence) = match local.tagged {
            EntityKind::Person => names::place_word(&local.name),
            EntityKind::Organization
                if place_named.contains(&*local.key)
                    && local.is_unlinked()
                    && !firms_named_so.contains(&*local.key) =>
            {
                names::place_ending(&local.name)
            }
            _ => None,
        } {
            let evidence = format!("tagged {}, but {evidence}", local.tagged.as_str());
            local.link(
                EntityKind::Place,
                local.key.clone(),
                Rule::PlaceWord,
                evidence,
            );
        }
    }
    legal_form_names(locals);
    let mut votes: HashMap<&str, [u32; 4]> = HashMap::new();
    for local in locals.iter().filter(|l| !l.is_spelled_out()) {
        if let Some((kind, _)) = local.target() {
            votes.entry(&*local.key).or_default()[kind_slot(kind)] += 1;
        }
    }
    let winners: HashMap<String, (EntityKind, String)> = votes
        .into_iter()
        .filter_map(|(key, counts)| {
            let total: u32 = counts.iter().sum();
            let (slot, best) = counts
                .iter()
                .enumerate()
                .max_by_key(|(slot, n)| (**n, std::cmp::Reverse(*slot)))?;
            let several = counts.iter().filter(|n| **n > 0).count() > 1;
            (several && *best * 2 > total).then(|| {
                let described = counts
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| **n > 0)
                    .map(|(s, n)| format!("{n} {}", KINDS[s].as_str()))
                    .collect::<Vec<_>>()
                    .join(" / ");
                (
                    key.to_string(),
                    (KINDS[slot], format!("kind votes: {described}")),
                )
            })
        })
        .collect();
    for local in locals.iter_mut() {
        let Some((kind, _)) = local.target() else {
            continue;
        };
        if let Some((winner, evidence)) = winners.get(&*local.key)
            && *winner != kind
            && local.is_unlinked()
        {
            local.link(
                *winner,
                local.key.clone(),
                Rule::KindVotes,
                evidence.clone(),
            );
        }
    }
}

/// A person-tagged name of two words or more that [`LEGAL_FORM_ARTICLES`] or more
/// articles give as an organisation with a legal form is that firm, however many articles
/// tag it a person: no one's name ends in `and Co` (`James Capel`, a broker quoted in 26
/// articles, is `James Capel and Co` or `James Capel Ltd` in 10). It errs where a firm
/// bears its founder's full name and the founder is in the news (`Ivan F. Boesky`, of
/// `Ivan F. Boesky and Co LP`, in 3 articles of 19,043): `--explain` lists each, and
/// `aliases.toml` undoes it. A one-word name is left to the votes: `Smith` of `Smith Inc`
/// is mostly someone's surname.
fn legal_form_names(locals: &mut [Local]) {
    let mut firms: HashMap<Name, (u32, Name)> = HashMap::new();
    for local in locals.iter() {
        if matches!(local.target(), Some((EntityKind::Organization, _)))
            && names::has_legal_form(&local.name)
        {
            firms
                .entry(Name::clone(&local.key))
                .or_insert_with(|| (0, Name::clone(&local.name)))
                .0 += 1;
        }
    }
    for local in locals.iter_mut() {
        if matches!(local.target(), Some((EntityKind::Person, _)))
            && local.is_unlinked()
            && local.key.contains(' ')
            && let Some((articles, written)) = firms
                .get(&*local.key)
                .filter(|(articles, _)| *articles >= LEGAL_FORM_ARTICLES)
        {
            local.link(
                EntityKind::Organization,
                local.key.clone(),
                Rule::LegalForm,
                format!("tagged person, but {articles} articles name it “{written}”"),
            );
        }
    }
}

/// Articles that must name a firm with its legal form before a person-tagged name of it
/// becomes the firm: one article's tagging proves nothing.
const LEGAL_FORM_ARTICLES: u32 = 2;

/// A person-tagged name whose words the collection writes as the first words of
/// organisations' names in more than twice as many articles as the last words of people's
/// full names is a firm: `Westpac` (of `Westpac Banking Corp`), `Smith Barney` (of `Smith Barney, Harris
/// Upham`), `Harris` (of `Harris Corp`, 51 articles, and 5 people's names). A surname the
/// collection gives people about as often stays a person (`Baker`: 40 articles begin a
/// firm's name with it, 250 end a person's; `Walker`: 7 and 4), and so does a given name
/// alone (`James`, of `James Capel`).
///
/// It runs after short names are linked and common words dropped: a bare `Reagan` linked to
/// Ronald Reagan then counts for the surname, and a dropped `Electric` is no candidate.
pub fn firm_names(locals: &mut [Local]) {
    let mut firm_heads: HashMap<&str, u32> = HashMap::new();
    let mut surnames: HashMap<&str, u32> = HashMap::new();
    for local in locals.iter() {
        match local.target() {
            // The name as written: `Westpac Banking Corp` begins with `Westpac`.
            Some((EntityKind::Organization, _)) => {
                let key = &*local.key;
                for (at, _) in key.match_indices(' ') {
                    *firm_heads.entry(&key[..at]).or_default() += 1;
                }
            }
            // The person it resolved to: a bare `Reagan` linked to Ronald Reagan is his surname.
            Some((EntityKind::Person, person)) => {
                for (at, _) in person.match_indices(' ') {
                    *surnames.entry(&person[at + 1..]).or_default() += 1;
                }
            }
            _ => {}
        }
    }
    let firms: HashMap<String, String> = firm_heads
        .into_iter()
        .filter_map(|(head, articles)| {
            let people = surnames.get(head).copied().unwrap_or(0);
            (articles >= FIRM_HEAD_ARTICLES && articles > 2 * people).then(|| {
                let evidence = format!(
                    "the collection begins organisations' names with it in {articles} articles and ends people's names with it in {people}"
                );
                (head.to_string(), evidence)
            })
        })
        .collect();
    for local in locals.iter_mut() {
        let person = matches!(local.target(), Some((EntityKind::Person, _)));
        // A short name kept apart among several people's surnames is a candidate too: those
        // people are counted against it.
        if person
            && local.by_own_name()
            && !names::is_given_name(&local.name)
            && let Some(evidence) = firms.get(&*local.key)
        {
            local.link(
                EntityKind::Organization,
                local.key.clone(),
                Rule::FirmName,
                format!("tagged person, but {evidence}"),
            );
        }
    }
}

/// Articles in which organisations' names must begin with a person-tagged name before it
/// counts as a firm's: one firm named once proves nothing.
const FIRM_HEAD_ARTICLES: u32 = 2;

const KINDS: [EntityKind; 4] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Place,
    EntityKind::Misc,
];

fn kind_slot(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Place => 2,
        EntityKind::Misc => 3,
    }
}

/// Full person names (two words or more) the collection knows, with how many articles name them.
pub fn full_person_names(locals: &[Local]) -> HashMap<String, u32> {
    let mut known: HashMap<String, u32> = HashMap::new();
    for local in locals {
        if let Some((EntityKind::Person, key)) = local.target()
            && key == &*local.key
            && names::words(key).nth(1).is_some()
        {
            *known.entry(key.to_string()).or_default() += 1;
        }
    }
    known
}

/// A name that is a role followed by a known person's full name resolves to the person.
pub fn strip_role_prefixes(locals: &mut [Local], people: &HashMap<String, u32>) {
    for local in locals.iter_mut() {
        if local.target().is_none() {
            continue;
        }
        let words: Vec<&str> = names::words(&local.key).collect();
        if words.len() < 3 {
            continue;
        }
        // The longest person name that ends the name, after a run with an office word in it
        // that does not end in `of`, `for` or `and`: in `White House Chief of Staff Howard
        // Baker` the role is `White House Chief of Staff`, however often the tagger also
        // read `Staff Howard Baker` as a person.
        let found = (1..words.len() - 1).find_map(|cut| {
            let person = words[cut..].join(" ");
            let has_office = words[..cut].iter().any(|w| names::is_office(w));
            let role_ends = !matches!(words[cut - 1], "of" | "for" | "and");
            (has_office && role_ends && people.contains_key(&person)).then_some((cut, person))
        });
        let Some((cut, person)) = found else {
            continue;
        };
        let role = local
            .name
            .split_whitespace()
            .take(cut)
            .collect::<Vec<_>>()
            .join(" ");
        let evidence = format!(
            "“{role}” is a role; the collection names the person in {} articles",
            people[&person]
        );
        local.fate = Fate::Kept {
            kind: EntityKind::Person,
            key: person.into(),
            because: Some((Rule::RolePrefix, evidence.into())),
            role: Some(role.into()),
        };
    }
}

/// The share of the articles giving a short form in full that must agree on one full name
/// before the short form alone joins it: four in five, so a rare second reading (`IMF`
/// spelt out once with a typo, `GM` once as Geneva Motor) does not block the link, and two
/// readings in earnest (`Salomon`) keep it apart.
const SHORT_FORM_SHARE: f64 = 0.8;

/// The reading most of `readings` (a full name's key, or any other verdict → articles) give
/// a name, with its articles and all the readings' articles, when it is decisive:
/// `at_least` articles and [`SHORT_FORM_SHARE`] of them all. Ties go to the first reading
/// in order, so the verdict does not depend on the map's order.
fn decisive_reading<R: Ord>(readings: &HashMap<R, u32>, at_least: u32) -> Option<(&R, u32, u32)> {
    let total: u32 = readings.values().sum();
    let (reading, n) = readings
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))?;
    (*n >= at_least && f64::from(*n) >= SHORT_FORM_SHARE * f64::from(total))
        .then_some((reading, *n, total))
}

/// Acronyms the collection spells out (an article's alias of a longer name) as one full
/// name, in two articles or more and in four of five of the articles spelling them out,
/// join that name's entity in the articles that give only the acronym: an organisation's
/// (`IMF`), or an agreement's or programme's, which the tagger calls an organisation
/// (`EEP`, the Export Enhancement Program, in 37 Reuters mentions), and which takes the
/// full name's kind; an acronym the tagger read as a miscellany joins only a miscellany.
pub fn expand_acronyms(locals: &mut [Local], annotations: AnnotationSource<'_>) {
    let mut spelt: HashMap<String, HashMap<String, u32>> = HashMap::new();
    let mut kinds: HashMap<String, EntityKind> = HashMap::new();
    let mut read = EntityReader::new(annotations);
    for local in locals.iter() {
        let Some((kind, key)) = local.target() else {
            continue;
        };
        let spells_out = matches!(kind, EntityKind::Organization | EntityKind::Misc);
        if !spells_out || names::is_acronym(&local.name) {
            continue;
        }
        kinds.entry(key.to_string()).or_insert(kind);
        let Some(entity) = read.entity(local) else {
            continue;
        };
        for alias in entity.aliases.iter().filter(|a| names::is_acronym(a)) {
            *spelt
                .entry(names::key(alias))
                .or_default()
                .entry(key.to_string())
                .or_default() += 1;
        }
    }
    // An article naming a firm by the acronym's letters with a legal form (`MCA Inc`, in a
    // story about the studio) means the firm by the bare letters too, whatever other
    // articles spell them out (`Monetary Compensatory Amounts`).
    let firms_by_letters: HashSet<(u32, Name)> = locals
        .iter()
        .filter(|l| spelt.contains_key(&*l.key) && names::has_legal_form(&l.name))
        .map(|l| (l.article, Name::clone(&l.key)))
        .collect();
    for local in locals.iter_mut() {
        let Some((acronym_kind, _)) = local.target() else {
            continue;
        };
        let may_expand = matches!(acronym_kind, EntityKind::Organization | EntityKind::Misc);
        if !(local.by_own_name() || local.is_spelled_out())
            || !may_expand
            || !names::is_acronym(&local.name)
            || firms_by_letters.contains(&(local.article, Name::clone(&local.key)))
        {
            continue;
        }
        let Some(full) = spelt.get(&*local.key) else {
            continue;
        };
        // Seen twice at least: one article's alias may be a tagging accident.
        let Some((full_key, times, total)) = decisive_reading(full, 2) else {
            continue;
        };
        let evidence = if times == total {
            format!("{times} articles spell {} out this way", local.name)
        } else {
            format!(
                "{times} of {total} articles spelling {} out spell it this way",
                local.name
            )
        };
        let kind = kinds
            .get(full_key)
            .copied()
            .unwrap_or(EntityKind::Organization);
        // A miscellany's acronym is never a body's name (`AIDS`, when its disease's name
        // was tagged an organisation).
        if acronym_kind == EntityKind::Misc && kind != EntityKind::Misc {
            continue;
        }
        local.link(kind, full_key.as_str(), Rule::Acronym, evidence);
    }
}

/// The keys of the names the collection gives with a legal form (`Salomon Inc`), however tagged,
/// in two articles or more: a one-word name with such a key is that firm's name, not short
/// for another's. One article is not enough: the tagger cuts `Ford Motor Co` to `Ford Co`.
pub fn firm_keys(locals: &[Local]) -> HashSet<String> {
    firm_keys_among(locals, |_| true)
}

/// [`firm_keys`] of the keys `wanted` only: a rule that asks about a few names spares the
/// collection's every name a legal-form test.
fn firm_keys_among(locals: &[Local], wanted: impl Fn(&str) -> bool) -> HashSet<String> {
    let mut articles: HashMap<&str, u32> = HashMap::new();
    for local in locals {
        // Whatever the tagger made of it (`Jaguar PLC`, tagged a person): a legal form
        // names a firm.
        if wanted(&local.key) && local.target().is_some() && names::has_legal_form(&local.name) {
            *articles.entry(&*local.key).or_default() += 1;
        }
    }
    articles
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|(key, _)| key.to_string())
        .collect()
}

/// Articles in which a short form must stand for one organisation before it joins it where
/// it stands alone.
const SHORT_FORM_ARTICLES: u32 = 3;

/// One-word organisations that the articles naming them with a longer name stand for one
/// organisation (`within_article`'s short forms), in three
/// articles or more and four in five of them, join it where an article gives only the
/// short form (`Ford` alone is Ford Motor Co when the articles naming both agree).
pub fn link_short_forms(locals: &mut [Local]) {
    let mut stands_for: HashMap<String, HashMap<String, u32>> = HashMap::new();
    for local in locals.iter() {
        if let Fate::Kept {
            kind: EntityKind::Organization,
            key,
            because: Some((Rule::ShortFormInArticle, _)),
            ..
        } = &local.fate
        {
            *stands_for
                .entry(local.key.to_string())
                .or_default()
                .entry(key.to_string())
                .or_default() += 1;
        }
    }
    let decided: Vec<(String, String, u32, u32)> = stands_for
        .into_iter()
        .filter_map(|(short, fulls)| {
            let (full, n, total) = decisive_reading(&fulls, SHORT_FORM_ARTICLES)?;
            Some((short, full.clone(), n, total))
        })
        .collect();
    // The evidence quotes a full name as an article writes it (its key in title case reads
    // `Us Agriculture Department`).
    let fulls: HashSet<&str> = decided
        .iter()
        .map(|(_, full, _, _)| full.as_str())
        .collect();
    let mut written: HashMap<&str, &str> = HashMap::new();
    for local in locals.iter() {
        if let Some(full) = fulls.get(&*local.key) {
            written.entry(full).or_insert(&local.name);
        }
    }
    let verdicts: HashMap<String, (Name, String)> = decided
        .iter()
        .map(|(short, full, n, total)| {
            let name = match written.get(full.as_str()) {
                Some(name) => name.to_string(),
                None => title_case(full),
            };
            let evidence = if n == total {
                format!("{n} articles naming both say it stands for {name}")
            } else {
                format!(
                    "{n} of {total} articles naming it with a longer name say it stands for {name}"
                )
            };
            (short.clone(), (Name::from(full.as_str()), evidence))
        })
        .collect();
    for local in locals.iter_mut() {
        let is_organisation = matches!(local.target(), Some((EntityKind::Organization, _)));
        // The collection's reading wins over an article's other one too: `Fed` in an article
        // naming only the Federal Home Loan Bank Board is still the Federal Reserve.
        let by_article = matches!(
            &local.fate,
            Fate::Kept {
                because: Some((Rule::ShortFormInArticle, _)),
                ..
            }
        );
        if !is_organisation || !(local.by_own_name() || by_article) {
            continue;
        }
        if let Some((full, evidence)) = verdicts
            .get(&*local.key)
            .filter(|(full, _)| local.target().map(|(_, key)| key) != Some(&**full))
        {
            local.link(
                EntityKind::Organization,
                Name::clone(full),
                Rule::ShortForm,
                evidence.clone(),
            );
        }
    }
}

/// Articles that must name the fuller of two people's names before the two are one.
const NAME_TAIL_ARTICLES: u32 = 2;

/// A person's name of two words or more that is the end of exactly one other person's name
/// in the collection is that person: `Otto Poehl` of `Karl Otto Poehl`, `Boone Pickens` of
/// `T. Boone Pickens`, and the other way, a name the tagger took a word before into
/// (`Staff Howard Baker` of "Chief of Staff Howard Baker", a mistyped `Represenative
/// Clayton Yeutter`). The names join under the longer when the words it adds are initials
/// or given names, or come before a surname's particle (`Ronnie de Mel` for `De Mel`), and
/// otherwise under the one more articles give; that one must be given
/// in two articles at least. The end must be whole words as written: `Doo Hwan` does not
/// end `Chun Doo-hwan`. A name that ends two others (`Wilhelm Christians` of `F. Wilhelm
/// Christians` and `Friedrich Wilhelm Christians`) stays apart, and one-word names are left
/// to the rules that weigh their evidence.
pub fn link_name_tails(locals: &mut [Local]) {
    let mut articles: HashMap<Name, (u32, Name)> = HashMap::new();
    for local in locals.iter() {
        if local.by_own_name() && matches!(local.target(), Some((EntityKind::Person, _))) {
            articles
                .entry(Name::clone(&local.key))
                .or_insert_with(|| (0, Name::clone(&local.name)))
                .0 += 1;
        }
    }
    // Each tail of two words or more → the longer names ending with it.
    let mut ended_by: HashMap<&str, Vec<&str>> = HashMap::new();
    for key in articles.keys() {
        let mut rest: &str = key;
        while let Some((_, tail)) = rest.split_once(' ') {
            if !tail.contains(' ') {
                break;
            }
            ended_by.entry(tail).or_default().push(key);
            rest = tail;
        }
    }
    let mut joins: HashMap<Name, (Name, String)> = HashMap::new();
    for (short, longer) in &ended_by {
        let (Some((short_n, short_name)), [long]) = (articles.get(*short), longer.as_slice())
        else {
            continue;
        };
        let Some((long_n, long_name)) = articles.get(*long) else {
            continue;
        };
        let short_words: Vec<&str> = short_name.split_whitespace().collect();
        let long_words: Vec<&str> = long_name.split_whitespace().collect();
        let Some(added) = long_words.len().checked_sub(short_words.len()) else {
            continue;
        };
        let whole_words = added > 0
            && names::key(&long_words[added..].join(" ")) == names::key(&short_words.join(" "));
        if !whole_words {
            continue;
        }
        // A surname with its particle (`De Mel`, of `Ronnie de Mel`: the particle in lower
        // case inside the name) ends a name that adds its given names, listed or not.
        let after_particle = long_words[added].starts_with(char::is_lowercase);
        let fuller = after_particle
            || long_words[..added]
                .iter()
                .all(|w| is_initial(w) || names::is_given_name(w));
        let (from, to, to_n) = if fuller || long_n >= short_n {
            (*short, *long, *long_n)
        } else {
            (*long, *short, *short_n)
        };
        if to_n < NAME_TAIL_ARTICLES {
            continue;
        }
        let evidence = format!(
            "{short_name} ends {long_name} and no other person's name; {to_n} articles name {}",
            if to == *long { long_name } else { short_name }
        );
        joins.insert(Name::from(from), (Name::from(to), evidence));
    }
    for local in locals.iter_mut() {
        if !local.by_own_name() || !matches!(local.target(), Some((EntityKind::Person, _))) {
            continue;
        }
        if let Some((to, evidence)) = joins.get(&*local.key) {
            local.link(
                EntityKind::Person,
                Name::clone(to),
                Rule::NameTail,
                evidence.clone(),
            );
        }
    }
}

/// An initial: one or two letters and a full stop (`T.`, `Ch.`).
fn is_initial(word: &str) -> bool {
    word.strip_suffix('.').is_some_and(|letters| {
        (1..=2).contains(&letters.chars().count()) && letters.chars().all(char::is_alphabetic)
    })
}

/// Articles that must name the name without its possessive before a possessive form joins it.
const POSSESSIVE_BASE_ARTICLES: u32 = 2;

/// The name without a possessive ending the tagger took into it (`EC's` → `EC`).
fn without_possessive(name: &str) -> Option<&str> {
    let base = name
        .strip_suffix("'s")
        .or_else(|| name.strip_suffix("\u{2019}s"))
        .or_else(|| name.strip_suffix("'S"))?
        .trim_end();
    base.chars().any(char::is_alphanumeric).then_some(base)
}

/// A name written with a possessive ending (`EC's farm ministers`: the tagger took the `'s`
/// into the name) joins the entity its name without the ending resolves to, when the
/// collection names that in two articles or more, twice as many as the possessive form,
/// and resolves it one way in four of five, and it is of the same kind (or the possessive
/// form was read as miscellaneous). Run last: the name without the ending may itself have
/// joined a fuller name. A name that ends so itself stays: written with a legal form
/// (`Standard and Poor's Corp`), or more often than without the ending, or also without the
/// apostrophe (`Lloyd's` = `Lloyds`, `Treasury's` = `Treasurys`: keys ignore apostrophes,
/// so these already share an entity), or when the name without it is of another kind
/// (`McDonald's`, beside the person `McDonald`).
pub fn link_possessives(locals: &mut [Local]) {
    let mut possessive_articles: HashMap<String, u32> = HashMap::new();
    let mut possessive_keys: HashSet<Name> = HashSet::new();
    let mut written_without_apostrophe: HashSet<Name> = HashSet::new();
    for local in locals.iter() {
        match without_possessive(&local.name) {
            Some(base) if local.by_own_name() => {
                *possessive_articles.entry(names::key(base)).or_default() += 1;
                possessive_keys.insert(Name::clone(&local.key));
            }
            Some(_) => {}
            None => {
                written_without_apostrophe.insert(Name::clone(&local.key));
            }
        }
    }
    if possessive_articles.is_empty() {
        return;
    }
    let firms = firm_keys_among(locals, |key| possessive_keys.contains(key));
    let mut resolved: HashMap<&str, HashMap<(&str, EntityKind), u32>> = HashMap::new();
    for local in locals.iter() {
        if !possessive_articles.contains_key(&*local.key)
            || without_possessive(&local.name).is_some()
        {
            continue;
        }
        if let Some((kind, key)) = local.target() {
            *resolved
                .entry(&local.key)
                .or_default()
                .entry((key, kind))
                .or_default() += 1;
        }
    }
    let verdicts: HashMap<String, (EntityKind, Name, u32)> = resolved
        .into_iter()
        .filter_map(|(base, targets)| {
            let (&(key, kind), n, total) = decisive_reading(&targets, POSSESSIVE_BASE_ARTICLES)?;
            let possessive = possessive_articles.get(base).copied().unwrap_or(0);
            (total >= 2 * possessive).then(|| (base.to_string(), (kind, Name::from(key), n)))
        })
        .collect();
    for local in locals.iter_mut() {
        if !local.by_own_name()
            || firms.contains(&*local.key)
            || written_without_apostrophe.contains(&*local.key)
        {
            continue;
        }
        let (Some(base), Some((kind, _))) = (without_possessive(&local.name), local.target())
        else {
            continue;
        };
        let Some((to_kind, to_key, n)) = verdicts.get(&names::key(base)) else {
            continue;
        };
        if kind != *to_kind && kind != EntityKind::Misc {
            continue;
        }
        let evidence = format!(
            "{} is {base} with a possessive ending; {n} articles name {base} without it",
            local.name
        );
        local.link(*to_kind, Name::clone(to_key), Rule::Possessive, evidence);
    }
}

/// A key in title case, for evidence text (`james baker` → `James Baker`).
pub fn title_case(key: &str) -> String {
    names::words(key)
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_local_stays_small() {
        // A million-article collection has about 7.6 million locals: at 160 bytes each
        // (before evidence and roles were boxed strings and positions `u32`) they took
        // 1.2 GB, a fifth of the build's peak.
        assert!(
            std::mem::size_of::<Local>() <= 128,
            "{}",
            std::mem::size_of::<Local>()
        );
    }
}
