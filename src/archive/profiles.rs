//! `profiles` parts: what an entity page shows that the entity's document list does not —
//! its other names, roles, mention count, the entities named with it, its quotes (text
//! included, so the page needs no `texts` part) and the names the resolve stage merged into
//! it, with why. Written by `dossier build` from [`entity_profile`], so an archive's entity
//! page says what the embedded build's says; bucketed by entity key like the `entities`
//! parts, so a cold entity link fetches one of each.

use super::codec::{Dec, Enc, Problem};
use super::parts::{done, find_sorted};
use crate::article_source::{AnnotationSource, ArticleSource};
use crate::extract::EntityId;
use crate::index::Index;
use crate::query::entity_profile::{Role, entity_profile};
use crate::resolve::Decisions;

/// Entities named with an entity that its profile keeps, most shared articles first (the
/// count of all of them is kept too): the list's tail is long, thin and costly at scale —
/// on the Reuters articles, a list of every entity named with each would make the
/// `profiles` parts 2.7 times as large.
pub const CO_OCCURRING_KEPT: usize = 100;
/// Articles an entity must share with another to be kept in its list: most entities named
/// together are named together once, and a page lists them from its one article.
pub const CO_OCCURRING_MIN_SHARED: usize = 2;

/// Quotes by an entity, and quotes naming it, whose text its profile keeps (both are
/// counted in full): on the 250,000-article collection the quotes naming the most named
/// places made one part 350 KB, and they grow with the archive.
pub const QUOTES_KEPT: usize = 200;

/// Entity-document postings per `profiles` part, on average (the bucket count follows from
/// it; a profile's size grows with its entity's articles up to what it keeps, so each
/// entity counts at most [`QUOTES_KEPT`] of them: at a million articles, counting them all
/// made 3,279 parts of 3.6 KB, and their names alone 52 KB of the catalogue every link
/// fetches).
pub const POSTINGS_PER_PROFILES_PART: usize = 2048;

/// The weight of an entity with `articles` articles in the `profiles` bucket count.
pub fn profile_weight(articles: usize) -> usize {
    articles.min(QUOTES_KEPT) + 1
}

/// A quote on an entity page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileQuote {
    /// Document.
    pub doc: u32,
    /// Its number in the article (the `quote` of a permalink).
    pub number: u32,
    /// The speaker as the article names it, empty if unknown.
    pub speaker: String,
    /// The quotation.
    pub text: String,
}

/// A name the resolve stage merged into the entity (or whose kind it changed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergedName {
    /// The name as extraction gave it.
    pub name: String,
    /// The id extraction gave it.
    pub from: String,
    /// The rule, as [`crate::resolve::Rule::describe`] words it.
    pub rule: String,
    /// What the rule saw.
    pub evidence: String,
    /// In how many articles.
    pub articles: u32,
}

/// One entity's profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileEntry {
    /// Entity key.
    pub key: String,
    /// Mentions in all articles.
    pub mentions: u32,
    /// Other names, most frequent first.
    pub aliases: Vec<String>,
    /// Roles, grouped as [`entity_profile`] groups them.
    pub roles: Vec<Role>,
    /// How many entities are named with it.
    pub co_total: u32,
    /// The first [`CO_OCCURRING_KEPT`] of those sharing at least
    /// [`CO_OCCURRING_MIN_SHARED`] articles with it: (key, name, shared articles).
    pub co_occurring: Vec<(String, String, u32)>,
    /// Quotes it said.
    pub quotes_by_total: u32,
    /// The first [`QUOTES_KEPT`] of them, in document order.
    pub quotes_by: Vec<ProfileQuote>,
    /// Quotes that name it, said by someone else.
    pub quotes_about_total: u32,
    /// The first [`QUOTES_KEPT`] of them, in document order.
    pub quotes_about: Vec<ProfileQuote>,
    /// Names merged into it.
    pub merged: Vec<MergedName>,
}

impl ProfileEntry {
    /// The profile of entity `id`, as the embedded build's entity page computes it.
    pub fn of(
        index: &Index,
        articles: ArticleSource<'_>,
        annotations: AnnotationSource<'_>,
        decisions: &Decisions,
        id: &EntityId,
    ) -> Option<Self> {
        let profile = entity_profile(index, articles, annotations, id)?;
        let quote = |&(doc, n): &(u32, usize)| {
            let article = articles.get(doc as usize)?;
            let found = annotations.get(doc as usize)?;
            let quote = found.quotes.get(n)?;
            Some(ProfileQuote {
                doc,
                number: n as u32,
                speaker: quote.speaker.clone().unwrap_or_default(),
                text: quote.span.slice(&article.text).to_string(),
            })
        };
        Some(Self {
            key: id.0.clone(),
            mentions: profile.mentions as u32,
            aliases: profile.aliases,
            roles: profile.roles,
            co_total: profile.co_occurring.len() as u32,
            co_occurring: profile
                .co_occurring
                .into_iter()
                .filter(|c| c.2 >= CO_OCCURRING_MIN_SHARED)
                .take(CO_OCCURRING_KEPT)
                .map(|(id, name, n)| (id.0, name, n as u32))
                .collect(),
            quotes_by_total: profile.quotes_by.len() as u32,
            quotes_by: profile
                .quotes_by
                .iter()
                .take(QUOTES_KEPT)
                .filter_map(quote)
                .collect(),
            quotes_about_total: profile.quotes_about.len() as u32,
            quotes_about: profile
                .quotes_about
                .iter()
                .take(QUOTES_KEPT)
                .filter_map(quote)
                .collect(),
            merged: decisions
                .merged_into(id)
                .map(|m| MergedName {
                    name: m.name.clone(),
                    from: m.from.0.clone(),
                    rule: m.rule.describe().to_string(),
                    evidence: m.evidence.clone(),
                    articles: m.articles as u32,
                })
                .collect(),
        })
    }
}

/// A `profiles` part: the profiles of one hash bucket of entity keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfilesPart {
    /// Sorted by key.
    pub entries: Vec<ProfileEntry>,
}

fn encode_quotes(enc: &mut Enc, quotes: &[ProfileQuote]) {
    let mut last = 0;
    enc.list(quotes, |enc, q| {
        enc.u32(q.doc - last);
        last = q.doc;
        enc.u32(q.number);
        enc.str(&q.speaker);
        enc.str(&q.text);
    });
}

fn decode_quotes(dec: &mut Dec) -> Result<Vec<ProfileQuote>, Problem> {
    let mut doc = 0u32;
    dec.list(|dec| {
        doc = doc
            .checked_add(dec.u32()?)
            .ok_or(Problem::Invalid("quote document"))?;
        Ok(ProfileQuote {
            doc,
            number: dec.u32()?,
            speaker: dec.str()?,
            text: dec.str()?,
        })
    })
}

impl ProfilesPart {
    /// The body bytes. Quotes are in ascending document order (as [`ProfileEntry::of`]
    /// gives them), so their documents are stored as gaps.
    pub fn encode(&self) -> Vec<u8> {
        // The entities named with others repeat across a bucket's profiles: each is written
        // once, in a table, and the lists refer to it.
        let mut named: Vec<(&str, &str)> = self
            .entries
            .iter()
            .flat_map(|e| {
                e.co_occurring
                    .iter()
                    .map(|(k, n, _)| (k.as_str(), n.as_str()))
            })
            .collect();
        crate::sort::unstable(&mut named);
        named.dedup();
        let mut enc = Enc::default();
        enc.list(&named, |enc, (key, name)| {
            enc.str(key);
            enc.str(name);
        });
        enc.list(&self.entries, |enc, e| {
            enc.str(&e.key);
            enc.u32(e.mentions);
            enc.list(&e.aliases, |enc, a| enc.str(a));
            enc.list(&e.roles, |enc, role| {
                enc.str(&role.name);
                enc.u32(role.count as u32);
                enc.list(&role.variants, |enc, (name, n)| {
                    enc.str(name);
                    enc.u32(*n as u32);
                });
            });
            enc.u32(e.co_total);
            enc.list(&e.co_occurring, |enc, (key, name, n)| {
                // The table was made from these very lists just above.
                let at = named
                    .binary_search(&(key.as_str(), name.as_str()))
                    .expect("every named-with entity is in the table");
                enc.u32(at as u32);
                enc.u32(*n);
            });
            enc.u32(e.quotes_by_total);
            encode_quotes(enc, &e.quotes_by);
            enc.u32(e.quotes_about_total);
            encode_quotes(enc, &e.quotes_about);
            enc.list(&e.merged, |enc, m| {
                enc.str(&m.name);
                enc.str(&m.from);
                enc.str(&m.rule);
                enc.str(&m.evidence);
                enc.u32(m.articles);
            });
        });
        enc.into_bytes()
    }

    /// Reads a body written by [`ProfilesPart::encode`].
    pub fn decode(body: &[u8]) -> Result<Self, Problem> {
        let mut dec = Dec::new(body);
        let named = dec.list(|dec| Ok((dec.str()?, dec.str()?)))?;
        let entries = dec.list(|dec| {
            Ok(ProfileEntry {
                key: dec.str()?,
                mentions: dec.u32()?,
                aliases: dec.list(|dec| dec.str())?,
                roles: dec.list(|dec| {
                    Ok(Role {
                        name: dec.str()?,
                        count: dec.u32()? as usize,
                        variants: dec.list(|dec| Ok((dec.str()?, dec.u32()? as usize)))?,
                    })
                })?,
                co_total: dec.u32()?,
                co_occurring: dec.list(|dec| {
                    let (key, name) = named
                        .get(dec.u32()? as usize)
                        .cloned()
                        .ok_or(Problem::Invalid("named-with entity"))?;
                    Ok((key, name, dec.u32()?))
                })?,
                quotes_by_total: dec.u32()?,
                quotes_by: decode_quotes(dec)?,
                quotes_about_total: dec.u32()?,
                quotes_about: decode_quotes(dec)?,
                merged: dec.list(|dec| {
                    Ok(MergedName {
                        name: dec.str()?,
                        from: dec.str()?,
                        rule: dec.str()?,
                        evidence: dec.str()?,
                        articles: dec.u32()?,
                    })
                })?,
            })
        })?;
        if !entries.is_sorted_by(|a: &ProfileEntry, b| a.key < b.key) {
            return Err(Problem::Invalid("profiles out of order"));
        }
        done(&dec, Self { entries })
    }

    /// The profile of entity `key`.
    pub fn find(&self, key: &str) -> Option<&ProfileEntry> {
        find_sorted(&self.entries, key, |e| &e.key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(doc: u32, text: &str) -> ProfileQuote {
        ProfileQuote {
            doc,
            number: 2,
            speaker: "Zas".into(),
            text: text.into(),
        }
    }

    /// A profile of `key` with nothing in it: each test fills what it checks.
    fn bare(key: &str) -> ProfileEntry {
        ProfileEntry {
            key: key.into(),
            mentions: 0,
            aliases: Vec::new(),
            roles: Vec::new(),
            co_total: 0,
            co_occurring: Vec::new(),
            quotes_by_total: 0,
            quotes_by: Vec::new(),
            quotes_about_total: 0,
            quotes_about: Vec::new(),
            merged: Vec::new(),
        }
    }

    #[test]
    fn a_profiles_part_reads_back_what_was_written() {
        let part = ProfilesPart {
            entries: vec![
                ProfileEntry {
                    quotes_by_total: 1000,
                    quotes_about_total: 7,
                    ..bare("org:csto")
                },
                ProfileEntry {
                    key: "person:stanislav-zas".into(),
                    mentions: 7,
                    aliases: vec!["Zas".into()],
                    roles: vec![Role {
                        name: "Secretary General".into(),
                        count: 3,
                        variants: vec![("CSTO Secretary General".into(), 2)],
                    }],
                    co_total: 140,
                    co_occurring: vec![("org:csto".into(), "CSTO".into(), 3)],
                    quotes_by_total: 1000,
                    quotes_by: vec![quote(4, "We are ready"), quote(9, "Peace")],
                    quotes_about_total: 7,
                    quotes_about: vec![quote(0, "Zas is right")],
                    merged: vec![MergedName {
                        name: "Zas".into(),
                        from: "person:zas".into(),
                        rule: "same article names the full name".into(),
                        evidence: "Stanislav Zas".into(),
                        articles: 3,
                    }],
                },
                // Numbers larger than the bytes left after them: they are values, not
                // lengths, and read as such.
                ProfileEntry {
                    mentions: 5000,
                    roles: vec![Role {
                        name: "capital".into(),
                        count: 3000,
                        variants: vec![("the capital".into(), 2000)],
                    }],
                    co_total: 4000,
                    quotes_by_total: 1000,
                    quotes_about_total: 7,
                    ..bare("place:zz")
                },
            ],
        };
        let decoded = ProfilesPart::decode(&part.encode()).expect("decodes");
        assert_eq!(decoded, part);
        assert_eq!(
            decoded.find("person:stanislav-zas").map(|p| p.mentions),
            Some(7)
        );
        assert!(decoded.find("person:zas").is_none());
    }

    #[test]
    fn a_profiles_part_out_of_order_or_cut_short_is_refused() {
        let entry = |key: &str| ProfileEntry {
            mentions: 1,
            quotes_by_total: 1000,
            quotes_by: vec![quote(1, "x")],
            quotes_about_total: 7,
            ..bare(key)
        };
        let unsorted = ProfilesPart {
            entries: vec![entry("b"), entry("a")],
        };
        assert_eq!(
            ProfilesPart::decode(&unsorted.encode()),
            Err(Problem::Invalid("profiles out of order"))
        );
        let bytes = ProfilesPart {
            entries: vec![entry("a")],
        }
        .encode();
        assert!(ProfilesPart::decode(&bytes[..bytes.len() - 1]).is_err());
    }
}
