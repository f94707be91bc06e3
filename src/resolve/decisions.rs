//! What the resolve stage decided, and why: every merge and every drop, with the rule that
//! made it and the evidence the rule saw, so a reader can check (and later undo) each one.

use crate::extract::EntityId;
use serde::{Deserialize, Serialize};

/// The rule behind a decision. Each one is described in the module doc of [`super`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// Dropped: the name stands as an agency sign-off (the last short line of articles).
    SignOff,
    /// Dropped: the name stands in table lines (numbers, no sentence) or as a table header.
    TableToken,
    /// Dropped: a ticker or agency code (`TPN.PA`, `<SRD>`).
    Ticker,
    /// Dropped: a lone initial or no letters at all; it names nobody.
    NotAName,
    /// Dropped: a month's name standing in dates (`Jan 15, 1988`), most of its mentions
    /// followed by a day.
    DatePart,
    /// Dropped: a one-word person or place the collection mostly writes as an ordinary word
    /// (`Electric`, `Agreement`; see `common_words`).
    CommonWord,
    /// Dropped: a generic word ("the Organization", "Bank") with no single organisation in
    /// the article to stand for.
    GenericWord,
    /// Merged: the same name written in another case (`WASHINGTON` = `Washington`), with
    /// other punctuation (`U.S` = `U.S.`) or with a legal form (`Chrysler Corp` = `Chrysler`).
    SpellingVariant,
    /// Merged: an established alternative form of a country's name (`U.S.` = `United States`).
    CountryForm,
    /// Merged: a US state's dateline abbreviation (`Calif.` = `California`), a place even
    /// where the tagger read an organisation.
    StateAbbreviation,
    /// Merged: an acronym the collection spells out one way only (`CSTO`).
    Acronym,
    /// Kind changed: the collection tags the name mostly as another kind.
    KindVotes,
    /// Kind changed: a nationality adjective (`Kuwaiti`) is neither a person, an
    /// organisation nor a place.
    Nationality,
    /// Kind changed: a person-tagged name ending in an organisation word (`… Holdings Ltd`).
    OrganisationWord,
    /// Kind changed: a person-tagged name beginning or ending in a word only places' names
    /// do (`Fort Lauderdale`, `Niger River`), or an organisation-tagged one ending so that
    /// no article gives a firm with a legal form (`Sioux Falls`, `Bass Strait`).
    PlaceWord,
    /// Kind changed: a currency (`H.K. Dlrs`), an economic measure (`Gross National
    /// Product`, `Libor`), an agreement, plan, programme or law (`Cruzado Plan`, `Export
    /// Enhancement Program`) or an event or prize (`Stanley Cup`, `Battle of Antietam`) is
    /// neither a person, an organisation nor a place.
    MiscWord,
    /// Kind changed: a person-tagged name the collection writes as the first words of
    /// organisations' names more often than as people's surnames (`Westpac` of `Westpac
    /// Banking Corp`).
    FirmName,
    /// Kind changed: a person- or place-tagged name whose mentions mostly stand before a
    /// firm's stock or shareholders (`Valor ordinary shares`, `Kingsbridge common stock`).
    FirmContext,
    /// Kind changed: an acronym its article spells out in lower case right before it
    /// ("commercial paper (CP)", "certificates of deposit (CDs)") names a term there, not a
    /// body: that article's reading, which neither votes on the letters' kind elsewhere nor
    /// is outvoted (`CP` is also Canadian Pacific Ltd).
    SpelledOut,
    /// Kind changed: a person-tagged name of two words or more that other articles give as
    /// an organisation with a legal form (`James Capel` of `James Capel and Co`).
    LegalForm,
    /// Merged: a role written before a known person's name (`Federal Reserve Chairman Paul
    /// Volcker`) resolves to the person, the prefix kept as the role.
    RolePrefix,
    /// Merged: a short name the same article gives in full (`Baker` → `James Baker`).
    SameArticleFullName,
    /// Merged: a short name the collection's evidence attributes to one full name (the
    /// names it appears with).
    CollectionEvidence,
    /// Merged: a generic word ("the Organization") standing for the one organisation of the
    /// article with that word in its name.
    GenericWordInArticle,
    /// Merged: two names the tagger split at "and" are one firm's name (`Standard and
    /// Poor's`).
    NameHalves,
    /// Merged: a firm's name the tagger cut its first word from, which the collection
    /// writes before it (`American` of `American Express Co`).
    NameHead,
    /// Merged: an organisation's short form standing for the one organisation of the
    /// article it can be short for (`Ford` → `Ford Motor Co`, `GM` → `General Motors Corp`,
    /// `Fed` → `Federal Reserve`), or a person-tagged first word of the article's one firm
    /// where no person of the article ends with it (`Phillips` → `Phillips Petroleum Co`).
    ShortFormInArticle,
    /// Merged: an organisation's name that the same article gives with a country before it
    /// (`Treasury` beside `U.S. Treasury`), or a body many countries share that the article
    /// writes right after a country the tagger found apart (`Italian` `Treasury`).
    CountryInArticle,
    /// Merged: an organisation's short form that the articles naming it in full stand for
    /// one organisation, joining it where an article gives only the short form.
    ShortForm,
    /// Merged: a person's name that ends exactly one other person's name in the collection
    /// (`Otto Poehl` of `Karl Otto Poehl`), under the one more articles give.
    NameTail,
    /// Merged: a name written with a possessive ending (`EC's`) that the collection also
    /// writes without it (`EC`), and resolves one way.
    Possessive,
    /// Kept apart: a short name with several candidate full names and no decisive evidence.
    KeptApart,
    /// Merged or dropped as the site's archive resolves the name in all its articles: the
    /// reader's own articles beside an archive (see `from_archive`).
    Archive,
    /// Changed by hand: an edit of the site's `aliases.toml` or of a reader's browser
    /// (rename, merge, split, kind, hide; see [`super::aliases`]).
    Curated,
}

impl Rule {
    /// Whether the rule decides by what one article's own text says (a full name, a firm or
    /// a name's other half in the same article), not by the name and the collection: such
    /// a verdict does not carry to another article naming the same name.
    pub const fn reads_the_article(self) -> bool {
        matches!(
            self,
            Self::GenericWord
                | Self::SameArticleFullName
                | Self::GenericWordInArticle
                | Self::NameHalves
                | Self::NameHead
                | Self::ShortFormInArticle
                | Self::CountryInArticle
                | Self::SpelledOut
        )
    }

    /// A short phrase for people ("same article names the full name").
    pub const fn describe(self) -> &'static str {
        match self {
            Self::SignOff => "agency sign-off",
            Self::TableToken => "table token",
            Self::Ticker => "ticker or agency code",
            Self::NotAName => "not a name",
            Self::DatePart => "part of a date",
            Self::CommonWord => "common word",
            Self::GenericWord => "generic word",
            Self::SpellingVariant => "spelling variant",
            Self::CountryForm => "country form",
            Self::StateAbbreviation => "US state abbreviation",
            Self::Acronym => "acronym",
            Self::KindVotes => "kind votes",
            Self::Nationality => "nationality adjective",
            Self::OrganisationWord => "organisation word",
            Self::PlaceWord => "place word",
            Self::MiscWord => "currency, agreement, law, event or economic measure",
            Self::FirmName => "first words of firms' names",
            Self::FirmContext => "stands before a firm's stock or shareholders",
            Self::SpelledOut => "a term its article spells out in lower case",
            Self::LegalForm => "named with a legal form elsewhere",
            Self::RolePrefix => "role before the name",
            Self::SameArticleFullName => "same article names the full name",
            Self::CollectionEvidence => "collection evidence",
            Self::GenericWordInArticle => "generic word for the article's organisation",
            Self::NameHalves => "halves of one name",
            Self::NameHead => "first word cut from the name",
            Self::ShortFormInArticle => "short form of the article's organisation",
            Self::CountryInArticle => "the article's organisation without its country",
            Self::ShortForm => "short form the collection gives in full",
            Self::NameTail => "end of one other person's name",
            Self::Possessive => "possessive of a name",
            Self::KeptApart => "kept apart",
            Self::Archive => "as the archive resolves it",
            Self::Curated => "edited by hand",
        }
    }
}

/// A name merged into a resolved entity (or whose kind changed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Merge {
    /// The resolved entity.
    pub into: EntityId,
    /// The name as extraction gave it.
    pub name: String,
    /// The id extraction gave it.
    pub from: EntityId,
    /// Why.
    pub rule: Rule,
    /// What the rule saw ("kind votes: 50 organization / 1 person").
    pub evidence: String,
    /// In how many articles this happened.
    pub articles: usize,
}

/// A name left out of the entities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Drop {
    /// The name as extraction gave it.
    pub name: String,
    /// The id extraction gave it.
    pub from: EntityId,
    /// Why.
    pub rule: Rule,
    /// What the rule saw ("4,629 of 4,629 mentions on an article's last short line").
    pub evidence: String,
    /// In how many articles it was dropped.
    pub articles: usize,
}

/// Every merge and drop of one [`super::resolve`] run, sorted by resolved id then name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Decisions {
    /// Names merged into other entities, kinds changed, and short names kept apart.
    pub merges: Vec<Merge>,
    /// Names left out.
    pub drops: Vec<Drop>,
    /// The hand edits, in the order applied, each with what it did or why it did nothing.
    #[serde(default)]
    pub curated: Vec<Curated>,
    /// Articles whose story an earlier article tells (the same body, names and speakers):
    /// every rule counted that story once, and they took its first copy's verdicts.
    #[serde(default)]
    pub repeated: usize,
}

/// What one hand edit did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Curated {
    /// The edit, for people (`merge person:baker into person:james-baker`).
    pub edit: String,
    /// Its line in the file it came from, if it came from one.
    pub line: Option<usize>,
    /// Whether it changed anything. An edit whose entity this collection does not have (a
    /// stale edit after the articles changed) did not, and says why.
    pub applied: bool,
    /// What it did ("3 articles' names now in person:james-baker"), or why it did nothing.
    pub outcome: String,
    /// The entity it leaves (its page shows the edit); none for a hidden one.
    pub entity: Option<EntityId>,
}

impl Curated {
    /// What `edit` did: its outcome and the entity it leaves, or why it did nothing.
    pub fn of(
        edit: &super::aliases::Edit,
        done: Result<(String, Option<crate::extract::EntityId>), String>,
    ) -> Self {
        let (applied, outcome, entity) = match done {
            Ok((outcome, entity)) => (true, outcome, entity),
            Err(why) => (false, why, None),
        };
        Self {
            edit: edit.action.to_string(),
            line: edit.line,
            applied,
            outcome,
            entity,
        }
    }
}

impl Decisions {
    /// The merges into `id` (for its entity page).
    pub fn merged_into<'a>(&'a self, id: &'a EntityId) -> impl Iterator<Item = &'a Merge> + 'a {
        let start = self.merges.partition_point(|m| m.into < *id);
        self.merges[start..]
            .iter()
            .take_while(move |m| m.into == *id)
    }

    /// Where extraction's entity `from` went: the merges out of it into another entity, most
    /// articles first, and its drops (for a link made before it was merged or dropped).
    pub fn fate_of<'a>(&'a self, from: &'a EntityId) -> (Vec<&'a Merge>, Vec<&'a Drop>) {
        let mut merges: Vec<&Merge> = self
            .merges
            .iter()
            .filter(|m| m.from == *from && m.into != *from)
            .collect();
        crate::sort::by(&mut merges, |a, b| {
            b.articles.cmp(&a.articles).then(a.into.cmp(&b.into))
        });
        let start = self.drops.partition_point(|d| d.from < *from);
        let drops = self.drops[start..]
            .iter()
            .take_while(|d| d.from == *from)
            .collect();
        (merges, drops)
    }
}

/// Decisions being collected: the same (from, into, rule) in many articles is one line.
#[derive(Clone, Default)]
pub(super) struct DecisionLog {
    merges: std::collections::HashMap<(EntityId, EntityId, Rule), Merge>,
    drops: std::collections::HashMap<(EntityId, Rule), Drop>,
}

impl DecisionLog {
    pub fn merge(
        &mut self,
        from: &EntityId,
        name: &str,
        into: &EntityId,
        rule: Rule,
        evidence: impl FnOnce() -> String,
    ) {
        self.merges
            .entry((from.clone(), into.clone(), rule))
            .and_modify(|m| m.articles += 1)
            .or_insert_with(|| Merge {
                into: into.clone(),
                name: name.to_string(),
                from: from.clone(),
                rule,
                evidence: evidence(),
                articles: 1,
            });
    }

    pub fn drop(
        &mut self,
        from: &EntityId,
        name: &str,
        rule: Rule,
        evidence: impl FnOnce() -> String,
    ) {
        self.drops
            .entry((from.clone(), rule))
            .and_modify(|d| d.articles += 1)
            .or_insert_with(|| Drop {
                name: name.to_string(),
                from: from.clone(),
                rule,
                evidence: evidence(),
                articles: 1,
            });
    }

    pub fn finish(self) -> Decisions {
        let mut merges: Vec<Merge> = self.merges.into_values().collect();
        crate::sort::by(&mut merges, |a, b| {
            (&a.into, &a.from, a.rule).cmp(&(&b.into, &b.from, b.rule))
        });
        let mut drops: Vec<Drop> = self.drops.into_values().collect();
        crate::sort::by(&mut drops, |a, b| (&a.from, a.rule).cmp(&(&b.from, b.rule)));
        Decisions {
            merges,
            drops,
            curated: Vec::new(),
            repeated: 0,
        }
    }
}
